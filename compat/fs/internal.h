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
