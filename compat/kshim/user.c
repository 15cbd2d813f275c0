// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kshim/user.c - simulated user processes (kshim/user.h).
 *
 * A process is a pid, a comm, capabilities, a file table (fs/file.c) and
 * an address space (mm/pgtable.c).  A system call enters the kernel on
 * the calling thread: for the call's length that thread's task is a
 * thread of the process (current->mm, ->kshim_proc, ->tgid and ->comm
 * are the process's; the main thread's pid is the process's), in process
 * context.  On the way back it is checked as syscall_exit_to_user_mode()
 * checks (6.1 kernel/entry/common.c): lockdep_sys_exit()'s "lock held
 * when returning to user space!", "syscall %lu left IRQs disabled"; kshim
 * adds a preempt count, kmap_local or pagefault_disable() left behind,
 * which the kernel would only notice later.  Pending signals are then
 * delivered (cleared) and the kernel's restart codes become -EINTR, as a
 * process with a handler installed without SA_RESTART sees them.
 *
 * Background calls run the same way on a new host thread that is a new
 * thread of the process (its own task and pid, the process's tgid).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <kshim/report.h>
#include <kshim/signal.h>
#include <kshim/user.h>

#include "fs/internal.h"
#include "kernel/sched/sched.h"
#include "kernel/time/tick.h"
#include "kshim/internal.h"
#include "kshim/proc.h"
#include "mm/pgtable.h"

/* The x86_64 system call numbers the WARN names. */
enum {
	NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_poll = 7,
	NR_lseek = 8, NR_mmap = 9, NR_munmap = 11, NR_ioctl = 16,
	NR_pread64 = 17, NR_pwrite64 = 18, NR_dup = 32,
};

/* Process ids: after the host's, so a report tells them apart. */
static int next_pid = 10000;

/* Live processes, for the end of the test (under procs_lock). */
static pthread_mutex_t procs_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(procs);

struct kshim_call {
	struct kshim_proc *proc;
	long (*fn)(struct kshim_proc *p, void *arg);	/* run as fn(proc, arg) */
	void *arg;
	pthread_t thread;
	struct kshim_host_lock host;	/* done, task */
	struct task_struct *task;	/* under host */
	bool done;			/* under host */
	long ret;
	/* the typed calls' arguments */
	int fd;
	unsigned long buf;
	size_t count;
	struct kshim_pollfd *fds;
	int timeout_ms;
};

struct kshim_proc *kshim_proc_create(const char *comm)
{
	struct kshim_proc *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->pid = __atomic_fetch_add(&next_pid, 1, __ATOMIC_RELAXED);
	strncpy(p->comm, comm && *comm ? comm : "user", sizeof(p->comm) - 1);
	p->caps = ~0ULL;
	host_init(&p->host);
	p->mm = kshim_mm_alloc();
	if (!p->mm)
		goto free_proc;
	p->files = kshim_files_alloc();
	if (!p->files)
		goto put_mm;
	pthread_mutex_lock(&procs_lock);
	list_add_tail(&p->node, &procs);
	pthread_mutex_unlock(&procs_lock);
	return p;

put_mm:
	mmput(p->mm);
free_proc:
	free(p);
	return NULL;
}

pid_t kshim_proc_pid(const struct kshim_proc *p)
{
	return p->pid;
}

int kshim_proc_capable_set(struct kshim_proc *p, int cap, bool granted)
{
	if (!cap_valid(cap))
		return -EINVAL;
	if (granted)
		__atomic_fetch_or(&p->caps, 1ULL << cap, __ATOMIC_RELEASE);
	else
		__atomic_fetch_and(&p->caps, ~(1ULL << cap), __ATOMIC_RELEASE);
	return 0;
}

int kshim_proc_enter(struct kshim_proc *p, pid_t pid,
		     struct kshim_proc_entry *e)
{
	struct task_struct *t = current;

	e->entered = t->kshim_proc != p;
	if (!e->entered)
		return 0;
	if (t->kshim_proc || in_interrupt() || irqs_disabled() ||
	    preempt_count()) {
		pr_err("kshim: a system call of %s/%d made from kernel code (%s/%d, preempt_count %08x): refused\n",
		       p->comm, p->pid, t->comm, t->pid, preempt_count());
		return -EPERM;
	}
	e->proc = p;
	e->old_proc = t->kshim_proc;
	e->mm = t->mm;
	e->active_mm = t->active_mm;
	e->pid = t->pid;
	e->tgid = t->tgid;
	memcpy(e->comm, t->comm, sizeof(e->comm));
	host_lock(&t->kshim_wake);
	t->pid = pid ? pid : p->pid;
	t->tgid = p->pid;
	memcpy(t->comm, p->comm, sizeof(t->comm));
	t->mm = p->mm;
	t->active_mm = p->mm;
	t->kshim_proc = p;
	host_unlock(&t->kshim_wake);
	kshim_ctx_mark(&e->mark);
	return 0;
}

/* syscall_exit_to_user_mode(): what the kernel checks on the way out. */
static void user_exit_checks(struct kshim_proc_entry *e, long nr,
			     const struct kshim_site *site)
{
	struct task_struct *t = current;
	const struct kshim_site *at;

	if (irqs_disabled()) {
		if (nr >= 0)
			__kshim_warn(site->file, site->line, site->func, NULL,
				     TAINT_WARN, "syscall %lu left IRQs disabled",
				     nr);
		local_irq_enable();
	}
	if (t->kshim_lockdep_depth > e->mark.lockdep_depth) {
		kshim_report_begin(KSHIM_REPORT_USER_RETURN, site->file,
				   site->line, site->func);
		pr_warn("\n");
		pr_warn("================================================\n");
		pr_warn("WARNING: lock held when returning to user space!\n");
		kshim_print_kernel_ident();
		pr_warn("------------------------------------------------\n");
		pr_warn("%s/%d is leaving the kernel with locks still held!\n",
			t->comm, t->pid);
		at = kshim_ctx_explain(&e->mark, NULL);
		if (at)
			kshim_report_set_site(at->file, at->line, at->func);
		kshim_report_end();
		return;
	}
	if (kshim_ctx_moved(&e->mark)) {
		kshim_report_begin(KSHIM_REPORT_USER_RETURN, site->file,
				   site->line, site->func);
		pr_err("kshim: %s/%d returns to user space with preempt_count %08x, pagefault_disable() depth %d (beyond the kernel, which notices at the next schedule())\n",
		       t->comm, t->pid, preempt_count(), t->pagefault_disabled);
		at = kshim_ctx_explain(&e->mark, NULL);
		if (!at && preempt_count()) {
			at = current_thread_info()->preempt_disable_site;
			pr_err("Preemption disabled at:");
			kshim_print_ip_site(current_thread_info()->preempt_disable_ip,
					    at);
		}
		dump_stack();
		if (at)
			kshim_report_set_site(at->file, at->line, at->func);
		kshim_report_end();
		preempt_count_set(e->mark.preempt_count);
		t->pagefault_disabled = e->mark.pagefault_disabled;
	}
}

long kshim_proc_leave(struct kshim_proc_entry *e, long ret, long nr,
		      const struct kshim_site *site)
{
	struct task_struct *t = current;

	if (!e->entered)
		return ret;
	user_exit_checks(e, nr, site);
	/* The signal is delivered: a handler without SA_RESTART runs. */
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	    ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK)
		ret = -EINTR;
	kshim_signal_clear(t);
	host_lock(&t->kshim_wake);
	t->kshim_proc = e->old_proc;
	t->mm = e->mm;
	t->active_mm = e->active_mm;
	t->pid = e->pid;
	t->tgid = e->tgid;
	memcpy(t->comm, e->comm, sizeof(t->comm));
	host_unlock(&t->kshim_wake);
	return ret;
}

static const struct kshim_site user_site = {
	.file = "kshim/user.c", .func = "system call",
};

#define SYSCALL(p, nr, expr)						\
({									\
	struct kshim_proc_entry __e;						\
	long __r = kshim_proc_enter(p, 0, &__e);				\
									\
	if (!__r)							\
		__r = kshim_proc_leave(&__e, (long)(expr), nr, site);		\
	__r;								\
})

int __kshim_open(struct kshim_proc *p, const char *path, int flags,
		 const struct kshim_site *site)
{
	return SYSCALL(p, NR_open, kshim_sys_open(path, flags));
}

int __kshim_close(struct kshim_proc *p, int fd, const struct kshim_site *site)
{
	return SYSCALL(p, NR_close, kshim_sys_close(fd));
}

int __kshim_dup(struct kshim_proc *p, int fd, const struct kshim_site *site)
{
	return SYSCALL(p, NR_dup, kshim_sys_dup(fd));
}

ssize_t __kshim_read(struct kshim_proc *p, int fd, unsigned long buf,
		     size_t count, const struct kshim_site *site)
{
	return SYSCALL(p, NR_read,
		       ksys_read(fd, (char __user *)buf, count));
}

ssize_t __kshim_write(struct kshim_proc *p, int fd, unsigned long buf,
		      size_t count, const struct kshim_site *site)
{
	return SYSCALL(p, NR_write,
		       ksys_write(fd, (const char __user *)buf, count));
}

ssize_t __kshim_pread(struct kshim_proc *p, int fd, unsigned long buf,
		      size_t count, loff_t pos, const struct kshim_site *site)
{
	return SYSCALL(p, NR_pread64,
		       ksys_pread64(fd, (char __user *)buf, count, pos));
}

ssize_t __kshim_pwrite(struct kshim_proc *p, int fd, unsigned long buf,
		       size_t count, loff_t pos, const struct kshim_site *site)
{
	return SYSCALL(p, NR_pwrite64,
		       ksys_pwrite64(fd, (const char __user *)buf, count,
				     pos));
}

loff_t __kshim_lseek(struct kshim_proc *p, int fd, loff_t offset, int whence,
		     const struct kshim_site *site)
{
	return SYSCALL(p, NR_lseek, ksys_lseek(fd, offset, whence));
}

long __kshim_ioctl(struct kshim_proc *p, int fd, unsigned int cmd,
		   unsigned long arg, const struct kshim_site *site)
{
	return SYSCALL(p, NR_ioctl, kshim_sys_ioctl(fd, cmd, arg));
}

int __kshim_poll(struct kshim_proc *p, struct kshim_pollfd *fds,
		 unsigned int nfds, int timeout_ms,
		 const struct kshim_site *site)
{
	return SYSCALL(p, NR_poll, kshim_sys_poll(fds, nfds, timeout_ms));
}

long __kshim_mmap(struct kshim_proc *p, unsigned long addr, size_t length,
		  int prot, int flags, int fd, loff_t offset,
		  const struct kshim_site *site)
{
	return SYSCALL(p, NR_mmap, kshim_sys_mmap(addr, length, prot, flags,
						  fd, offset));
}

int __kshim_munmap(struct kshim_proc *p, unsigned long addr, size_t length,
		   const struct kshim_site *site)
{
	return SYSCALL(p, NR_munmap, kshim_sys_munmap(addr, length));
}

/* ---- background calls ---- */

static void *call_thread(void *arg)
{
	struct kshim_call *c = arg;
	struct kshim_proc *p = c->proc;
	struct kshim_proc_entry e;
	long ret;

	kshim_tick_task_started();
	host_lock(&c->host);
	c->task = current;
	host_wake_all(&c->host);
	host_unlock(&c->host);
	ret = kshim_proc_enter(p, __atomic_fetch_add(&next_pid, 1, __ATOMIC_RELAXED),
			 &e);
	if (!ret)
		ret = kshim_proc_leave(&e, c->fn(p, c->arg), NR_ioctl, &user_site);
	host_lock(&c->host);
	c->ret = ret;
	c->done = true;
	host_wake_all(&c->host);
	host_unlock(&c->host);
	host_lock(&p->host);
	if (!--p->threads)
		host_wake_all(&p->host);
	host_unlock(&p->host);
	return NULL;
}

/* Start @c: its thread runs @fn(@p, @arg). */
static struct kshim_call *call_start(struct kshim_proc *p,
				     long (*fn)(struct kshim_proc *, void *),
				     void *arg, struct kshim_call *c)
{
	c->proc = p;
	c->fn = fn;
	c->arg = arg;
	host_init(&c->host);
	host_lock(&p->host);
	p->threads++;
	host_unlock(&p->host);
	kshim_tick_task_coming();
	if (pthread_create(&c->thread, NULL, call_thread, c)) {
		kshim_tick_task_not_coming();
		host_lock(&p->host);
		p->threads--;
		host_unlock(&p->host);
		free(c);
		return NULL;
	}
	return c;
}

struct kshim_call *kshim_call_start(struct kshim_proc *p,
				    long (*fn)(struct kshim_proc *p, void *arg),
				    void *arg)
{
	struct kshim_call *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	return call_start(p, fn, arg, c);
}

static long call_read(struct kshim_proc *p, void *arg)
{
	struct kshim_call *c = arg;

	return ksys_read(c->fd, (char __user *)c->buf, c->count);
}

static long call_write(struct kshim_proc *p, void *arg)
{
	struct kshim_call *c = arg;

	return ksys_write(c->fd, (const char __user *)c->buf, c->count);
}

static long call_ioctl(struct kshim_proc *p, void *arg)
{
	struct kshim_call *c = arg;

	return kshim_sys_ioctl(c->fd, c->count, c->buf);
}

static long call_poll(struct kshim_proc *p, void *arg)
{
	struct kshim_call *c = arg;

	return kshim_sys_poll(c->fds, c->count, c->timeout_ms);
}

static struct kshim_call *call_typed(struct kshim_proc *p,
				     long (*fn)(struct kshim_proc *, void *),
				     int fd, unsigned long buf, size_t count)
{
	struct kshim_call *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->fd = fd;
	c->buf = buf;
	c->count = count;
	return call_start(p, fn, c, c);
}

struct kshim_call *kshim_call_read(struct kshim_proc *p, int fd,
				   unsigned long buf, size_t count)
{
	return call_typed(p, call_read, fd, buf, count);
}

struct kshim_call *kshim_call_write(struct kshim_proc *p, int fd,
				    unsigned long buf, size_t count)
{
	return call_typed(p, call_write, fd, buf, count);
}

struct kshim_call *kshim_call_ioctl(struct kshim_proc *p, int fd,
				    unsigned int cmd, unsigned long arg)
{
	return call_typed(p, call_ioctl, fd, arg, cmd);
}

struct kshim_call *kshim_call_poll(struct kshim_proc *p,
				   struct kshim_pollfd *fds, unsigned int nfds,
				   int timeout_ms)
{
	struct kshim_call *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->fds = fds;
	c->count = nfds;
	c->timeout_ms = timeout_ms;
	return call_start(p, call_poll, c, c);
}

struct task_struct *kshim_call_task(struct kshim_call *c)
{
	struct task_struct *t;

	host_lock(&c->host);
	while (!c->task)
		host_wait(&c->host);
	t = c->task;
	host_unlock(&c->host);
	return t;
}

bool kshim_call_done(struct kshim_call *c)
{
	bool done;

	host_lock(&c->host);
	done = c->done;
	host_unlock(&c->host);
	return done;
}

bool kshim_call_wait_blocked(struct kshim_call *c)
{
	struct task_struct *t = kshim_call_task(c);

	for (;;) {
		if (kshim_call_done(c))
			return false;
		/* Read under the task's lock (helgrind sees no atomics). */
		if (kshim_task_state(t) != TASK_RUNNING)
			return true;
		usleep(100);
	}
}

long __kshim_call_wait(struct kshim_call *c, const struct kshim_site *site)
{
	long ret;

	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	host_lock(&c->host);
	while (!c->done)
		host_wait(&c->host);
	ret = c->ret;
	host_unlock(&c->host);
	kshim_block_end();
	return ret;
}

void kshim_call_free(struct kshim_call *c)
{
	if (!c)
		return;
	__kshim_call_wait(c, &user_site);
	pthread_join(c->thread, NULL);
	free(c);
}

/* ---- exit ---- */

void __kshim_proc_exit(struct kshim_proc *p, const struct kshim_site *site)
{
	struct kshim_proc_entry e;

	if (!p)
		return;
	pthread_mutex_lock(&procs_lock);
	list_del(&p->node);
	pthread_mutex_unlock(&procs_lock);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	host_lock(&p->host);
	while (p->threads)
		host_wait(&p->host);
	host_unlock(&p->host);
	kshim_block_end();
	/* do_exit(): exit_files(), then exit_mm(), in the process. */
	if (!kshim_proc_enter(p, 0, &e)) {
		kshim_files_release(p->files);
		kshim_proc_leave(&e, 0, NR_close, site);
	}
	mmput(p->mm);
	free(p);
}

/*
 * A test that ends with processes alive: they exit, as the test program's
 * own exit would end them, so what their files and mappings hold is
 * released through the driver before the ledger looks.
 */
void kshim_user_test_end(void)
{
	static const struct kshim_site end_site = {
		.file = "kshim/user.c", .func = "end of test",
	};
	struct kshim_proc *p;

	for (;;) {
		pthread_mutex_lock(&procs_lock);
		p = list_first_entry_or_null(&procs, struct kshim_proc, node);
		pthread_mutex_unlock(&procs_lock);
		if (!p)
			break;
		__kshim_proc_exit(p, &end_site);
	}
}
