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
 * 2.6.36 (the slot stays, under another name, in every profile: one
 * layout for kshim's library and drivers of any profile).  There is no file system: kshim's files are device nodes
 * opened by a simulated process (kshim/user.h) and the proc/debugfs
 * entries drivers create.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock_types.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <linux/version.h>
#include <kshim/site.h>
#include <uapi/linux/fs.h>

struct cdev;
struct file;
struct inode;
struct iov_iter;
struct kiocb;
struct dir_context;
struct file_lock;
struct io_comp_batch;
struct io_uring_cmd;
struct kshim_proc;
struct module;
struct page;
struct pipe_inode_info;
struct poll_table_struct;
struct seq_file;
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
	void *i_private;		/* the creator's pointer (debugfs data) */
	/* kshim: a proc/debugfs inode's lookup reference (fs/proc/root.c) */
	void (*kshim_put)(struct inode *);
};

struct file {
	spinlock_t f_lock;
	fmode_t f_mode;
	atomic_long_t f_count;
	struct mutex f_pos_lock;
	loff_t f_pos;
	unsigned int f_flags;
	unsigned int f_iocb_flags;
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

#define IOCB_HIPRI		(1 << 0)
#define IOCB_DSYNC		(1 << 1)
#define IOCB_SYNC		(1 << 2)
#define IOCB_NOWAIT		(1 << 3)
#define IOCB_APPEND		(1 << 4)
#define IOCB_EVENTFD		(1 << 16)
#define IOCB_DIRECT		(1 << 17)
#define IOCB_WRITE		(1 << 18)
#define IOCB_WAITQ		(1 << 19)
#define IOCB_NOIO		(1 << 20)
#define IOCB_ALLOC_CACHE	(1 << 21)

struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	void (*ki_complete)(struct kiocb *iocb, long ret);
	void *private;
	int ki_flags;
	u16 ki_ioprio;
};

static inline bool is_sync_kiocb(struct kiocb *kiocb)
{
	return kiocb->ki_complete == NULL;
}

/*
 * The flags a file's synchronous kiocbs start with (fs.h of 6.1): each
 * open flag that matters to an I/O maps to its IOCB_* twin.
 */
static inline int iocb_flags(struct file *file)
{
	unsigned int of = file->f_flags;

	return ((of & O_APPEND) ? IOCB_APPEND : 0) |
	       ((of & O_DIRECT) ? IOCB_DIRECT : 0) |
	       ((of & O_DSYNC) ? IOCB_DSYNC : 0) |
	       ((of & __O_SYNC) ? IOCB_SYNC : 0);
}

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	*kiocb = (struct kiocb) {
		.ki_filp = filp,
		.ki_flags = filp->f_iocb_flags,
	};
}

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t,
			 loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	int (*iopoll)(struct kiocb *kiocb, struct io_comp_batch *,
		      unsigned int flags);
	int (*iterate)(struct file *, struct dir_context *);
	int (*iterate_shared)(struct file *, struct dir_context *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	/*
	 * 2.6.3x's ->ioctl, called with the BKL (removed in 2.6.36).  Every
	 * profile keeps the slot so that kshim's library (built once) and a
	 * driver of any profile agree on the layout.
	 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 36)
	int (*ioctl)(struct inode *, struct file *, unsigned int,
		     unsigned long);
#else
	int (*__kshim_ioctl)(struct inode *, struct file *, unsigned int,
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
	int (*lock)(struct file *, int, struct file_lock *);
	ssize_t (*sendpage)(struct file *, struct page *, int, size_t,
			    loff_t *, int);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long,
					   unsigned long, unsigned long,
					   unsigned long);
	int (*check_flags)(int);
	int (*flock)(struct file *, int, struct file_lock *);
	ssize_t (*splice_write)(struct pipe_inode_info *, struct file *,
				loff_t *, size_t, unsigned int);
	ssize_t (*splice_read)(struct file *, loff_t *,
			       struct pipe_inode_info *, size_t,
			       unsigned int);
	int (*setlease)(struct file *, long, struct file_lock **, void **);
	long (*fallocate)(struct file *file, int mode, loff_t offset,
			  loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	ssize_t (*copy_file_range)(struct file *, loff_t, struct file *,
				   loff_t, size_t, unsigned int);
	loff_t (*remap_file_range)(struct file *file_in, loff_t pos_in,
				   struct file *file_out, loff_t pos_out,
				   loff_t len, unsigned int remap_flags);
	int (*fadvise)(struct file *, loff_t, loff_t, int);
	int (*uring_cmd)(struct io_uring_cmd *ioucmd,
			 unsigned int issue_flags);
	int (*uring_cmd_iopoll)(struct io_uring_cmd *,
				struct io_comp_batch *,
				unsigned int poll_flags);
};

/* kshim: the 2.6.3x ->ioctl slot, whatever the profile's name for it. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 36)
#define __kshim_fop_ioctl(fop)	((fop)->ioctl)
#else
#define __kshim_fop_ioctl(fop)	((fop)->__kshim_ioctl)
#endif

/* fs/fcntl.c (compat/fs/fcntl.c): a driver's list of FASYNC files. */
struct fasync_struct {
	int			magic;
	int			fa_fd;
	struct fasync_struct	*fa_next; /* the next file on the list */
	struct file		*fa_file;
};

#define FASYNC_MAGIC 0x4601

int fasync_helper(int, struct file *, int, struct fasync_struct **);
void kill_fasync(struct fasync_struct **, int, int);

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t i_size)
{
	WRITE_ONCE(inode->i_size, i_size);
}

/* Page cache limit: 64-bit loff_t (fs.h of 6.1). */
#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)
#define MAX_NON_LFS		((1UL << 31) - 1)
#define OFFSET_MAX		((loff_t)LLONG_MAX)
#define OFFT_OFFSET_MAX		((loff_t)LONG_MAX)
/* The largest count one read()/write() transfers (fs.h of 6.1). */
#define MAX_RW_COUNT		(INT_MAX & PAGE_MASK)

static inline long file_count(struct file *f)
{
	return atomic_long_read(&f->f_count);
}

static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/* The access modes of open flags: O_RDONLY 0 -> 1, O_WRONLY 1 -> 2 ... */
#define OPEN_FMODE(flag) ((__force fmode_t)(((flag + 1) & O_ACCMODE)))

int filp_close(struct file *filp, fl_owner_t id);

/* ---- file_operations references (fs.h of 6.1) ---- */

/* The file_operations pinned: its module cannot go away while used. */
#define fops_get(fops) \
	(((fops) && try_module_get((fops)->owner) ? (fops) : NULL))
#define fops_put(fops) \
	do { if (fops) module_put((fops)->owner); } while (0)
/*
 * An ->open() switching its file to other operations (chrdev_open(),
 * misc_open()): the old ones are released, the new ones must not be NULL
 * and must already be pinned by the caller.
 */
#define replace_fops(f, fops)						\
	do {								\
		struct file *__rf_file = (f);				\
		const struct file_operations *__rf_new = (fops);	\
									\
		fops_put(__rf_file->f_op);				\
		__rf_file->f_op = __rf_new;				\
		BUG_ON(__rf_new == NULL);				\
	} while (0)

/* ---- character device numbers (fs/char_dev.c) ---- */

/*
 * Majors run below CHRDEV_MAJOR_MAX.  A dynamic major is taken from
 * 254 down to just above CHRDEV_MAJOR_DYN_END, then from
 * CHRDEV_MAJOR_DYN_EXT_START down to CHRDEV_MAJOR_DYN_EXT_END (the
 * kernel's values).
 */
#define CHRDEV_MAJOR_MAX 512
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_EXT_START 511
#define CHRDEV_MAJOR_DYN_EXT_END 384

#define WHITEOUT_MODE 0
#define WHITEOUT_DEV 0

/*
 * The calls are macros over the real functions: kshim's ledger names the
 * line that registered a region a test leaves registered.
 */
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name);
int register_chrdev_region(dev_t from, unsigned count, const char *name);
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
void chrdev_show(struct seq_file *f, off_t offset);

int __kshim_alloc_chrdev_region(dev_t *dev, unsigned baseminor,
				unsigned count, const char *name,
				const struct kshim_site *site);
int __kshim_register_chrdev_region(dev_t from, unsigned count,
				   const char *name,
				   const struct kshim_site *site);
int __kshim_register_chrdev(unsigned int major, unsigned int baseminor,
			    unsigned int count, const char *name,
			    const struct file_operations *fops,
			    const struct kshim_site *site);
#define alloc_chrdev_region(dev, baseminor, count, name)		\
	__kshim_alloc_chrdev_region(dev, baseminor, count, name,	\
				    __KSHIM_CALLSITE)
#define register_chrdev_region(from, count, name)			\
	__kshim_register_chrdev_region(from, count, name, __KSHIM_CALLSITE)
#define __register_chrdev(major, baseminor, count, name, fops)		\
	__kshim_register_chrdev(major, baseminor, count, name, fops,	\
				__KSHIM_CALLSITE)

static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __kshim_register_chrdev(major, 0, 256, name, fops,
				       __KSHIM_CALLSITE);
}
/* (a macro too, so that the ledger names the driver's line) */
#define register_chrdev(major, name, fops)				\
	__kshim_register_chrdev(major, 0, 256, name, fops, __KSHIM_CALLSITE)

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

/* ---- open, llseek and buffer helpers (fs/open.c, read_write.c, libfs.c) */

int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
int simple_open(struct inode *inode, struct file *file);
int generic_file_open(struct inode *inode, struct file *filp);

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek_size(struct file *file, loff_t offset,
				int whence, loff_t maxsize, loff_t eof);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);
loff_t no_seek_end_llseek_size(struct file *file, loff_t offset,
			       int whence, loff_t size);
loff_t no_seek_end_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int rw_verify_area(int read_write, struct file *file, const loff_t *ppos,
		   size_t count);
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
long vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg);
long compat_ptr_ioctl(struct file *file, unsigned int cmd,
		      unsigned long arg);

ssize_t simple_read_from_buffer(void __user *to, size_t count,
				loff_t *ppos, const void *from,
				size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);
ssize_t __kshim_simple_read_from_buffer(void __user *to, size_t count,
					loff_t *ppos, const void *from,
					size_t available,
					const struct kshim_site *site);
ssize_t __kshim_simple_write_to_buffer(void *to, size_t available,
				       loff_t *ppos, const void __user *from,
				       size_t count,
				       const struct kshim_site *site);
/* (macros: a might_fault() report names the caller's line) */
#define simple_read_from_buffer(to, count, ppos, from, available)	\
	__kshim_simple_read_from_buffer(to, count, ppos, from, available, \
					__KSHIM_CALLSITE)
#define simple_write_to_buffer(to, available, ppos, from, count)	\
	__kshim_simple_write_to_buffer(to, available, ppos, from, count, \
				       __KSHIM_CALLSITE)

static inline ssize_t call_read_iter(struct file *file, struct kiocb *kio,
				     struct iov_iter *iter)
{
	return file->f_op->read_iter(kio, iter);
}

static inline ssize_t call_write_iter(struct file *file, struct kiocb *kio,
				      struct iov_iter *iter)
{
	return file->f_op->write_iter(kio, iter);
}

static inline int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file->f_op->mmap(file, vma);
}

/* What the kernel's linux/fs.h also makes visible. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/dcache.h>
#include <linux/gfp.h>
#include <linux/hash.h>
#include <linux/kasan.h>
#include <linux/kref.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/notifier.h>
#include <linux/page-flags.h>
#include <linux/radix-tree.h>
#include <linux/ratelimit.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/xarray.h>

#endif /* _LINUX_FS_H */
