/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/fs.h - files and inodes as a character-device driver sees them.
 *
 * Follows include/linux/fs.h of 6.1 for the subset a driver's user-facing
 * half uses: struct file (f_op, f_flags, f_mode, f_pos, private_data),
 * struct inode (i_rdev, i_cdev, i_private), struct file_operations with
 * the 6.1 members, struct kiocb, the FMODE_* bits, imajor()/iminor(), the
 * chrdev region calls and the llseek helpers (fs/char_dev.c, fs/libfs.c,
 * fs/read_write.c, fs/open.c behaviour; compat/fs/ implements them).
 * The 2.6.3x profile also has ->ioctl(inode, file, cmd, arg), removed in
 * 2.6.36.  There is no file system: kshim's files are device nodes
 * opened by a simulated process (kshim/user.h) and the proc/debugfs
 * entries drivers create.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <linux/version.h>

struct cdev;
struct file;
struct inode;
struct iov_iter;
struct kiocb;
struct module;
struct poll_table_struct;
struct vm_area_struct;

typedef void *fl_owner_t;

/* file is open for reading / writing (6.1 include/linux/fs.h) */
#define FMODE_READ		((__force fmode_t)0x1)
#define FMODE_WRITE		((__force fmode_t)0x2)
#define FMODE_LSEEK		((__force fmode_t)0x4)
#define FMODE_PREAD		((__force fmode_t)0x8)
#define FMODE_PWRITE		((__force fmode_t)0x10)
#define FMODE_EXEC		((__force fmode_t)0x20)
#define FMODE_NDELAY		((__force fmode_t)0x40)
#define FMODE_EXCL		((__force fmode_t)0x80)
#define FMODE_WRITE_IOCTL	((__force fmode_t)0x100)
#define FMODE_32BITHASH		((__force fmode_t)0x200)
#define FMODE_64BITHASH		((__force fmode_t)0x400)
#define FMODE_NOCMTIME		((__force fmode_t)0x800)
#define FMODE_RANDOM		((__force fmode_t)0x1000)
#define FMODE_UNSIGNED_OFFSET	((__force fmode_t)0x2000)
#define FMODE_PATH		((__force fmode_t)0x4000)
#define FMODE_ATOMIC_POS	((__force fmode_t)0x8000)
#define FMODE_WRITER		((__force fmode_t)0x10000)
#define FMODE_CAN_READ		((__force fmode_t)0x20000)
#define FMODE_CAN_WRITE		((__force fmode_t)0x40000)
#define FMODE_OPENED		((__force fmode_t)0x80000)
#define FMODE_CREATED		((__force fmode_t)0x100000)
#define FMODE_STREAM		((__force fmode_t)0x200000)
#define FMODE_NOWAIT		((__force fmode_t)0x8000000)

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	dev_t i_rdev;
	loff_t i_size;
	atomic_t i_count;
	struct cdev *i_cdev;
	void *i_private;		/* fs or device private pointer */
};

struct file {
	spinlock_t f_lock;
	fmode_t f_mode;
	atomic_long_t f_count;
	struct mutex f_pos_lock;
	loff_t f_pos;
	unsigned int f_flags;
	struct inode *f_inode;
	const struct file_operations *f_op;
	u64 f_version;
	void *private_data;		/* the driver's */
	/* kshim: the process that opened it (compat/kshim/user.c) */
	struct kshim_proc *kshim_owner;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	void *private;
	int ki_flags;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t,
			 loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 36)
	int (*ioctl)(struct inode *, struct file *, unsigned int,
		     unsigned long);
#endif
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	unsigned long mmap_supported_flags;
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, fl_owner_t id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, loff_t, loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
};

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

#endif /* _LINUX_FS_H */
