/*
 * compat/fs/internal.h - the system calls of kshim's simulated processes.
 *
 * kshim-internal: compat/kshim/user.c enters the kernel as a thread of a
 * process (current->kshim_proc, current->mm set) and calls these, which
 * return what the system call returns (a count, or -errno).  The file
 * table is the process's (struct files_struct, fs/file.c).
 */
#ifndef _KSHIM_FS_INTERNAL_H
#define _KSHIM_FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/types.h>

struct files_struct;
struct kshim_pollfd;

/* fs/file.c: a process's table of open files. */
struct files_struct *kshim_files_alloc(void);
/* exit_files(): close every descriptor (->flush, fput). */
void kshim_files_release(struct files_struct *files);
struct file *fget(unsigned int fd);
void fput(struct file *file);
int kshim_sys_close(unsigned int fd);
int kshim_sys_dup(unsigned int fd);

/* fs/open.c: "/dev/<node>" (and proc/debugfs paths), O_* flags. */
int kshim_sys_open(const char *path, int flags);

/*
 * fs/proc/generic.c + fs/debugfs/inode.c (H4): "/proc/<path>" and
 * "/sys/kernel/debug/<path>".  0 with the entry's inode and the
 * file_operations to open it with (call ->open(inode, file) if set, as
 * do_dentry_open(); the file's last fput calls ->release, which drops
 * the reference this lookup took on the entry), -ENOENT when there is no
 * such entry, -EISDIR for a directory.  Other paths: -ENOENT.
 */
int kshim_pseudo_lookup(const char *path, struct inode **inode,
			const struct file_operations **fops);
/*
 * kshim_sys_open failed between the lookup and ->open: drop the lookup's
 * reference (a failing ->open drops it itself).
 */
void kshim_pseudo_put(struct inode *inode);

/* ---- kshim's VFS internals (H1: fs/char_dev.c, file.c, open.c) ---- */

/* fs/file.c: a new file (one reference, f_flags, f_mode from O_ACCMODE). */
struct file *kshim_file_alloc(int flags);
/* Free a file whose last reference is gone (and its device inode). */
void kshim_file_free(struct file *file);
/* The lowest free descriptor of the current process for @file, or -errno. */
int kshim_fd_install_new(struct file *file, unsigned int flags);
void kshim_set_close_on_exec(unsigned int fd, int flag);
bool kshim_get_close_on_exec(unsigned int fd);

/* fs/char_dev.c */
int chrdev_open(struct inode *inode, struct file *filp);
void kshim_chrdev_init(void);
/*
 * The machine's __register_chrdev(@major, 0, @count, @name, @fops) at
 * boot (misc), in static storage, not on the ledger: 0 or -EBUSY.
 */
int kshim_register_chrdev_boot(unsigned int major, unsigned int count,
			       const char *name,
			       const struct file_operations *fops);

/*
 * drivers/base/class.c (devtmpfs): the device number of node "/dev/<name>" (0 and
 * *devt set, or -ENOENT).  The nodes are the registered devices with a
 * devt (device_add()), named as devtmpfs names them.
 */
int kshim_devnode_lookup(const char *name, dev_t *devt, umode_t *mode);

/* fs/read_write.c, fs/ioctl.c */
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf,
		      size_t count, loff_t pos);
off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence);
long kshim_sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);

/* fs/select.c */
int kshim_sys_poll(struct kshim_pollfd *fds, unsigned int nfds,
		   int timeout_ms);

/* mm/mmap.c */
long kshim_sys_mmap(unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags, unsigned int fd,
		    loff_t off);
int kshim_sys_munmap(unsigned long addr, size_t len);

#endif /* _KSHIM_FS_INTERNAL_H */
