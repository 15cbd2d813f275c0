/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/user.h - simulated user processes that call into a driver.
 *
 * kshim-internal API (no kernel counterpart): what a program in user space
 * does with a driver's device node, its mmap()ed pages and its buffers.
 * A process has a pid, a comm, its own capabilities, a table of open
 * files and an address space whose pages are frames of the simulated RAM.
 * Every call enters the kernel as one of the process's threads: current
 * is a task with the process's pid (tgid), comm, mm and credentials, in
 * process context, and leaves it as the system call would, returning
 * what the system call returns (a count, or -errno: -EFAULT, -ENOTTY,
 * -EAGAIN, -ERESTARTSYS is seen by user space as -EINTR...).
 *
 * A call made directly runs on the calling thread, whose task is the
 * process's thread for the call's length.  kshim_call_*() runs
 * one in a new thread of the process, so a call that blocks in the
 * driver really blocks there while the test goes on; the test can then
 * signal that thread (kshim/signal.h, kshim_call_task()) or wake it.
 *
 * User addresses are unsigned longs inside the process's address space;
 * kernel code must reach them through uaccess (copy_from_user() ...).  A
 * driver that dereferences one faults as with SMAP (an oops naming its
 * line).  The test reads and writes them as the process would, with
 * kshim_user_read()/kshim_user_write(): an access to a page not yet
 * present faults it in, through the driver's ->fault for its mappings.
 */
#ifndef _KSHIM_USER_H
#define _KSHIM_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <kshim/site.h>

struct kshim_proc;
struct kshim_call;
struct task_struct;

/* A new process (comm truncated to 15 characters), every capability. */
struct kshim_proc *kshim_proc_create(const char *comm);
/*
 * exit(): waits for its background calls, then closes its files (->flush,
 * ->release at the last reference) and drops its address space (->close
 * of each area).
 */
#define kshim_proc_exit(p)	__kshim_proc_exit(p, __KSHIM_CALLSITE)
pid_t kshim_proc_pid(const struct kshim_proc *p);
/* capable(@cap) in this process: 0, or -EINVAL for a bad number. */
int kshim_proc_capable_set(struct kshim_proc *p, int cap, bool granted);

/*
 * Files: the system calls, with their return values.  Each is a macro:
 * what the kernel checks on the way back to user space (a lock still
 * held, IRQs left off) is reported at the test's line of the call when
 * kshim knows no better place.
 */
#define kshim_open(p, path, flags)					\
	__kshim_open(p, path, flags, __KSHIM_CALLSITE)
#define kshim_close(p, fd)	__kshim_close(p, fd, __KSHIM_CALLSITE)
#define kshim_dup(p, fd)	__kshim_dup(p, fd, __KSHIM_CALLSITE)
#define kshim_read(p, fd, buf, count)					\
	__kshim_read(p, fd, buf, count, __KSHIM_CALLSITE)
#define kshim_write(p, fd, buf, count)					\
	__kshim_write(p, fd, buf, count, __KSHIM_CALLSITE)
#define kshim_pread(p, fd, buf, count, pos)				\
	__kshim_pread(p, fd, buf, count, pos, __KSHIM_CALLSITE)
#define kshim_pwrite(p, fd, buf, count, pos)				\
	__kshim_pwrite(p, fd, buf, count, pos, __KSHIM_CALLSITE)
#define kshim_lseek(p, fd, offset, whence)				\
	__kshim_lseek(p, fd, offset, whence, __KSHIM_CALLSITE)
#define kshim_ioctl(p, fd, cmd, arg)					\
	__kshim_ioctl(p, fd, cmd, arg, __KSHIM_CALLSITE)
/* poll(2): events/revents are POLL* bits; @timeout_ms -1 waits for ever. */
struct kshim_pollfd {
	int fd;
	short events;
	short revents;
};
#define kshim_poll(p, fds, nfds, timeout_ms)				\
	__kshim_poll(p, fds, nfds, timeout_ms, __KSHIM_CALLSITE)
/* mmap(2)/munmap(2): PROT_*, MAP_SHARED/MAP_PRIVATE; the address or -errno */
#define kshim_mmap(p, addr, length, prot, flags, fd, offset)		\
	__kshim_mmap(p, addr, length, prot, flags, fd, offset,		\
		     __KSHIM_CALLSITE)
#define kshim_munmap(p, addr, length)					\
	__kshim_munmap(p, addr, length, __KSHIM_CALLSITE)

void __kshim_proc_exit(struct kshim_proc *p, const struct kshim_site *site);
int __kshim_open(struct kshim_proc *p, const char *path, int flags,
		 const struct kshim_site *site);
int __kshim_close(struct kshim_proc *p, int fd,
		  const struct kshim_site *site);
int __kshim_dup(struct kshim_proc *p, int fd, const struct kshim_site *site);
ssize_t __kshim_read(struct kshim_proc *p, int fd, unsigned long buf,
		     size_t count, const struct kshim_site *site);
ssize_t __kshim_write(struct kshim_proc *p, int fd, unsigned long buf,
		      size_t count, const struct kshim_site *site);
ssize_t __kshim_pread(struct kshim_proc *p, int fd, unsigned long buf,
		      size_t count, loff_t pos, const struct kshim_site *site);
ssize_t __kshim_pwrite(struct kshim_proc *p, int fd, unsigned long buf,
		       size_t count, loff_t pos, const struct kshim_site *site);
loff_t __kshim_lseek(struct kshim_proc *p, int fd, loff_t offset, int whence,
		     const struct kshim_site *site);
long __kshim_ioctl(struct kshim_proc *p, int fd, unsigned int cmd,
		   unsigned long arg, const struct kshim_site *site);
int __kshim_poll(struct kshim_proc *p, struct kshim_pollfd *fds,
		 unsigned int nfds, int timeout_ms,
		 const struct kshim_site *site);
long __kshim_mmap(struct kshim_proc *p, unsigned long addr, size_t length,
		  int prot, int flags, int fd, loff_t offset,
		  const struct kshim_site *site);
int __kshim_munmap(struct kshim_proc *p, unsigned long addr, size_t length,
		   const struct kshim_site *site);

/*
 * The process's memory.  kshim_user_alloc() maps @length bytes of
 * anonymous read/write memory (zero-filled, pages on first touch) and
 * returns its address, or -ENOMEM.  kshim_user_write()/kshim_user_read()
 * are the process's own stores and loads: they fault pages in as user
 * mode would and return 0, or KSHIM_SIGSEGV / KSHIM_SIGBUS when the
 * process would get that signal (an unmapped address, a write to a
 * read-only mapping, VM_FAULT_SIGBUS from a driver's ->fault).
 */
#define KSHIM_SIGBUS	7
#define KSHIM_SIGSEGV	11
long kshim_user_alloc(struct kshim_proc *p, size_t length);
int kshim_user_write(struct kshim_proc *p, unsigned long addr,
		     const void *src, size_t n);
int kshim_user_read(struct kshim_proc *p, unsigned long addr, void *dst,
		    size_t n);

/*
 * Background calls: each runs in a new thread of @p (its own task, same
 * pid as tgid, mm and files) and returns at once.  kshim_call_wait()
 * waits for the result (a call that never ends is the hung-task report,
 * naming the test's line);
 * kshim_call_wait_blocked() waits until the call sleeps in the kernel
 * (true), or has returned (false).  kshim_call_free() after the wait.
 */
struct kshim_call *kshim_call_read(struct kshim_proc *p, int fd,
				   unsigned long buf, size_t count);
struct kshim_call *kshim_call_write(struct kshim_proc *p, int fd,
				    unsigned long buf, size_t count);
struct kshim_call *kshim_call_ioctl(struct kshim_proc *p, int fd,
				    unsigned int cmd, unsigned long arg);
struct kshim_call *kshim_call_poll(struct kshim_proc *p,
				   struct kshim_pollfd *fds, unsigned int nfds,
				   int timeout_ms);
/* Any function, run in a new thread of @p: @fn(@p, @arg)'s result. */
struct kshim_call *kshim_call_start(struct kshim_proc *p,
				    long (*fn)(struct kshim_proc *p, void *arg),
				    void *arg);
struct task_struct *kshim_call_task(struct kshim_call *c);
bool kshim_call_wait_blocked(struct kshim_call *c);
bool kshim_call_done(struct kshim_call *c);
#define kshim_call_wait(c)	__kshim_call_wait(c, __KSHIM_CALLSITE)
long __kshim_call_wait(struct kshim_call *c, const struct kshim_site *site);
void kshim_call_free(struct kshim_call *c);

#endif /* _KSHIM_USER_H */
