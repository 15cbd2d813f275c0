// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/kthread.c - kernel threads and the kthread_worker.
 *
 * Reproduces kernel/kthread.c of 6.1 (and the task_struct references of
 * kernel/fork.c that kthread_stop() relies on):
 *  - a kthread is a host thread started by kthread_create_on_node() in
 *    the process that calls it (tests run in forked children: a kthread
 *    belongs to the process that made it, and a child never sees its
 *    parent's).  Its task has comm = the formatted name cut to
 *    TASK_COMM_LEN - 1 bytes (the whole name kept for get_kthread_comm()),
 *    PF_KTHREAD and the struct kthread in ->worker_private; it sleeps in
 *    TASK_UNINTERRUPTIBLE (schedule()) until woken, then parks if asked
 *    and runs its function, unless kthread_stop() came first (-EINTR);
 *  - kthread_stop() sets KTHREAD_SHOULD_STOP, unparks and wakes the
 *    thread, waits (a kshim completion, so the clock and the checks
 *    apply) for it to exit and for its host thread to end (so the
 *    task_exit checks of compat/kernel/sched/core.c have run), and
 *    returns the result;
 *  - task references: a kthread's task holds one for itself until its
 *    thread ends; kthread_stop() holds one while it waits; at 0 the task
 *    is "freed" (free_kthread_struct(): ->worker_private NULL): a later
 *    get_task_struct() is refcount_t's "addition on 0; use-after-free."
 *    and a kthread_*() call the oops on the NULL kthread, as on a kernel
 *    whose freed memory was not reused yet;
 *  - to_kthread()'s WARN_ON(!(k->flags & PF_KTHREAD)) and the NULL
 *    dereference after it (arch_oops_at(): the oops at the caller's
 *    line), kthread_park()'s WARN_ON(PF_EXITING) (-ENOSYS) and
 *    WARN_ON_ONCE(already parking) (-EBUSY), __kthread_bind_mask()'s
 *    WARN_ON(1) for a task that is not inactive, all at the caller's
 *    file:line; kthread_stop() of itself and kthread_flush_work() from
 *    the worker that would run the flush, which hang the kernel, are
 *    "lockup" reports ending the test;
 *  - a kthread of the test still running at its end is on the ledger
 *    ("kthreads running"), named with its comm, pid, function and the
 *    line that created it;
 *  - the kthread_worker of 6.1: a list of kthread_works run one after the
 *    other by kthread_worker_fn(), flushes as works queued behind,
 *    delayed works on a struct timer_list.
 * kshim keeps its own record of each kthread (the host thread to join)
 * beyond the kernel's lifetime of struct kthread; records are reclaimed
 * at the next test's start.
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <kshim/ledger.h>
#include <kshim/report.h>

#include "arch/fault.h"
#include "lib/fault-inject.h"
#include "kshim/internal.h"
#include "kernel/sched/sched.h"
#include "kernel/time/tick.h"

/* The functions of the same names as the header's macros. */
#undef kthread_create_on_node
#undef kthread_create_on_cpu
#undef kthread_bind
#undef kthread_stop
#undef kthread_should_stop
#undef kthread_should_park
#undef __kthread_should_park
#undef kthread_freezable_should_stop
#undef kthread_data
#undef kthread_park
#undef kthread_unpark
#undef kthread_parkme
#undef kthread_exit
#undef kthread_complete_and_exit
#undef kthread_create_worker
#undef kthread_create_worker_on_cpu
#undef kthread_flush_work
#undef kthread_flush_worker

/* 6.1's struct kthread first (the oops addresses are its offsets). */
struct kthread {
	unsigned long flags;
	unsigned int cpu;
	int result;
	int (*threadfn)(void *);
	void *data;
	struct completion parked;
	struct completion exited;
	char *full_name;
	/* kshim: */
	char comm[TASK_COMM_LEN];
	struct completion created;
	struct task_struct *task;
	pthread_t thread;
	jmp_buf exit_jmp;		/* kthread_exit() back to kthread() */
	bool in_fn;
	const struct kshim_site *site;	/* where it was created */
	pid_t owner;			/* the process whose thread it is */
	unsigned long gen;		/* the test that created it */
	bool done;			/* exited completed (kthreads_lock) */
	bool joined;			/* host thread joined or being joined */
	bool freed;			/* the task's last reference went */
	int bind_cpu;			/* kthread_bind() to apply (task lock) */
	struct kthread *next;
};

/* bind_cpu: nothing to apply; a mask of several CPUs (not per-CPU). */
#define BIND_NONE	(-1)
#define BIND_MANY	(-2)

enum KTHREAD_BITS {
	KTHREAD_IS_PER_CPU = 0,
	KTHREAD_SHOULD_STOP,
	KTHREAD_SHOULD_PARK,
};

/*
 * The flag bits with release/acquire: what the caller of kthread_stop()
 * or kthread_park() did before happens before what the thread does once
 * it sees the bit (the kernel's wake_up_process() is a full barrier; the
 * thread may see the bit without being woken here).
 */
static void kt_set_bit(int nr, unsigned long *flags)
{
	__atomic_fetch_or(flags, 1UL << nr, __ATOMIC_RELEASE);
}

static void kt_clear_bit(int nr, unsigned long *flags)
{
	__atomic_fetch_and(flags, ~(1UL << nr), __ATOMIC_RELEASE);
}

static bool kt_test_bit(int nr, const unsigned long *flags)
{
	return __atomic_load_n(flags, __ATOMIC_ACQUIRE) & (1UL << nr);
}

static pthread_mutex_t kthreads_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t kthreads_cond = PTHREAD_COND_INITIALIZER;
static struct kthread *kthreads;
static unsigned long kthreads_gen;
static bool warned_park_busy, warned_per_cpu;

static const struct kshim_site kthread_site = {
	"compat/kernel/kthread.c", __LINE__, "kthread", NULL
};

static unsigned int task_flags(struct task_struct *k)
{
	return __atomic_load_n(&k->flags, __ATOMIC_ACQUIRE);
}

static void warn_at(const struct kshim_site *site)
{
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN, NULL);
}

/* WARN_ON_ONCE() of kernel/kthread.c: once per test (per boot). */
static bool warn_once_at(bool cond, bool *warned,
			 const struct kshim_site *site)
{
	if (cond && !__atomic_exchange_n(warned, true, __ATOMIC_RELAXED))
		warn_at(site);
	return cond;
}

/* to_kthread(): WARN_ON(!(k->flags & PF_KTHREAD)), at the caller's line. */
static struct kthread *to_kthread(struct task_struct *k,
				  const struct kshim_site *site)
{
	if (!(task_flags(k) & PF_KTHREAD))
		warn_at(site);
	return __atomic_load_n((struct kthread **)&k->worker_private,
			       __ATOMIC_ACQUIRE);
}

/* Variant of to_kthread() that doesn't assume @p is a kthread. */
static struct kthread *__to_kthread(struct task_struct *p)
{
	struct kthread *kthread =
		__atomic_load_n((struct kthread **)&p->worker_private,
				__ATOMIC_ACQUIRE);

	if (kthread && !(task_flags(p) & PF_KTHREAD))
		kthread = NULL;
	return kthread;
}

/* What the kernel does next with a NULL struct kthread: it oopses. */
#define null_kthread_oops(member, write, site)				\
	arch_oops_at(offsetof(struct kthread, member), write,		\
		     (site)->file, (site)->line, (site)->func)

static struct kthread *to_kthread_or_oops(struct task_struct *k,
					  const struct kshim_site *site)
{
	struct kthread *kthread = to_kthread(k, site);

	if (!kthread)
		null_kthread_oops(flags, false, site);
	return kthread;
}

/* ---- task references (kernel/fork.c) ---- */

/* free_task() of a kthread: free_kthread_struct(). */
static void kthread_task_free(struct task_struct *t)
{
	struct kthread *kthread = __to_kthread(t);

	if (!kthread)
		return;
	pthread_mutex_lock(&kthreads_lock);
	kthread->freed = true;
	pthread_mutex_unlock(&kthreads_lock);
	__atomic_store_n(&t->worker_private, NULL, __ATOMIC_RELEASE);
}

struct task_struct *__kshim_get_task_struct(struct task_struct *t,
					    const struct kshim_site *site)
{
	if (task_flags(t) & PF_KTHREAD)
		__kshim_refcount_add(1, &t->usage, NULL, site);
	return t;
}

void __kshim_put_task_struct(struct task_struct *t,
			     const struct kshim_site *site)
{
	if ((task_flags(t) & PF_KTHREAD) &&
	    __kshim_refcount_sub_and_test(1, &t->usage, NULL, site))
		kthread_task_free(t);
}

void free_kthread_struct(struct task_struct *k)
{
	kthread_task_free(k);
}

/* ---- the thread ---- */

/*
 * kthread_bind() of a sleeping kthread, applied by the thread itself as
 * it wakes: kshim's sleep bookkeeping reads the CPU of the task until it
 * is really off (the kernel's wait_task_inactive() waits for that), so the
 * binder leaves the change here and the task takes it before it runs on.
 */
static void apply_binding(struct kthread *self)
{
	struct task_struct *t = current;

	host_lock(&t->kshim_wake);
	if (self->bind_cpu != BIND_NONE) {
		if (self->bind_cpu == BIND_MANY) {
			t->thread_info.kshim_percpu_thread = false;
		} else {
			t->thread_info.cpu = self->bind_cpu;
			t->thread_info.kshim_percpu_thread = true;
		}
		self->bind_cpu = BIND_NONE;
	}
	host_unlock(&t->kshim_wake);
}

static void __kthread_parkme(struct kthread *self,
			     const struct kshim_site *site)
{
	for (;;) {
		/*
		 * TASK_PARKED first: kthread_unpark()'s wake_up_state()
		 * after the bit test below is not lost.
		 */
		__kshim_set_current_state(TASK_PARKED, site);
		if (!kt_test_bit(KTHREAD_SHOULD_PARK, &self->flags))
			break;
		complete(&self->parked);
		__kshim_schedule(site);
		apply_binding(self);
	}
	__kshim_set_current_state(TASK_RUNNING, site);
}

/* The thread's function; kthread_exit() returns here. */
static __attribute__((__noinline__)) int run_threadfn(struct kthread *self)
{
	volatile int ret;

	if (!setjmp(self->exit_jmp)) {
		self->in_fn = true;
		ret = self->threadfn(self->data);
	} else {
		ret = self->result;
	}
	self->in_fn = false;
	return ret;
}

static void *kthread(void *arg)
{
	struct kthread *self = arg;
	struct task_struct *t;
	int ret;

	kshim_tick_task_started();
	t = current;
	memcpy(t->comm, self->comm, sizeof(t->comm));
	refcount_set(&t->usage, 1);
	t->worker_private = self;
	self->task = t;
	__atomic_fetch_or(&t->flags, PF_KTHREAD, __ATOMIC_RELEASE);
	/* OK, tell the creator we're spawned, wait for stop or wakeup. */
	__kshim_set_current_state(TASK_UNINTERRUPTIBLE, &kthread_site);
	complete(&self->created);
	__kshim_schedule(&kthread_site);
	apply_binding(self);

	ret = -EINTR;
	if (!kt_test_bit(KTHREAD_SHOULD_STOP, &self->flags)) {
		__kthread_parkme(self, &kthread_site);
		ret = run_threadfn(self);
	}
	/* do_exit(): mm_release() completes ->exited */
	self->result = ret;
	__atomic_fetch_or(&t->flags, PF_EXITING, __ATOMIC_RELEASE);
	pthread_mutex_lock(&kthreads_lock);
	self->done = true;
	pthread_cond_broadcast(&kthreads_cond);
	pthread_mutex_unlock(&kthreads_lock);
	complete(&self->exited);
	/* The reference of the task itself (released once reaped). */
	__kshim_put_task_struct(t, &kthread_site);
	/* Then compat/kernel/sched/core.c's task_exit() as the thread ends. */
	return NULL;
}

void __kshim_kthread_exit(long result, const struct kshim_site *site)
{
	struct kthread *kthread = to_kthread(current, site);

	if (!kthread)
		null_kthread_oops(result, true, site);
	kthread->result = (int)result;
	if (kthread->in_fn)
		longjmp(kthread->exit_jmp, 1);
	/* Not from its function (kshim's own code): nothing to unwind. */
	fprintf(stderr, "kshim: kthread_exit() outside the kthread's function\n");
	abort();
}

void kthread_exit(long result)
{
	__kshim_kthread_exit(result, &kthread_site);
}

void __kshim_kthread_complete_and_exit(struct completion *comp, long code,
				       const struct kshim_site *site)
{
	/*
	 * The kernel sets PF_EXITING a moment after complete(); kshim before,
	 * so a kthread_park() after the completion sees it deterministically.
	 */
	if (task_flags(current) & PF_KTHREAD)
		__atomic_fetch_or(&current->flags, PF_EXITING,
				  __ATOMIC_RELEASE);
	if (comp)
		complete(comp);
	__kshim_kthread_exit(code, site);
}

void kthread_complete_and_exit(struct completion *comp, long code)
{
	__kshim_kthread_complete_and_exit(comp, code, &kthread_site);
}

/* ---- creating ---- */

static __printf(5, 0) struct task_struct *
create_on_node(const struct kshim_site *site, int (*threadfn)(void *data),
	       void *data, int node, const char namefmt[], va_list args)
{
	struct kthread *self;
	va_list aq;
	int len, err;

	__kshim_might_sleep(site->file, site->line, site->func);
	/* __kthread_create_on_node(): kmalloc() of its create request */
	if (kshim_failslab_kmalloc(sizeof(*self), GFP_KERNEL, site))
		return ERR_PTR(-ENOMEM);
	self = calloc(1, sizeof(*self));
	if (!self)
		return ERR_PTR(-ENOMEM);
	self->threadfn = threadfn;
	self->data = data;
	self->site = site;
	self->owner = getpid();
	self->bind_cpu = BIND_NONE;
	init_completion(&self->parked);
	init_completion(&self->exited);
	init_completion(&self->created);
	va_copy(aq, args);
	len = vsnprintf(self->comm, sizeof(self->comm), namefmt, aq);
	va_end(aq);
	if (len >= TASK_COMM_LEN &&
	    vasprintf(&self->full_name, namefmt, args) < 0)
		self->full_name = NULL;	/* left truncated */

	kshim_tick_task_coming();
	err = pthread_create(&self->thread, NULL, kthread, self);
	if (err) {
		kshim_tick_task_not_coming();
		free(self->full_name);
		free(self);
		return ERR_PTR(-ENOMEM);
	}
	pthread_mutex_lock(&kthreads_lock);
	self->gen = kthreads_gen;
	self->next = kthreads;
	kthreads = self;
	pthread_mutex_unlock(&kthreads_lock);
	/* kthreadd has started it: wait until it sleeps, stopped. */
	__kshim_wait_for_completion(&self->created, TASK_UNINTERRUPTIBLE,
				    MAX_SCHEDULE_TIMEOUT, site);
	return self->task;
}

struct task_struct *__kshim_kthread_create_on_node(const struct kshim_site *site,
						   int (*threadfn)(void *data),
						   void *data, int node,
						   const char namefmt[], ...)
{
	struct task_struct *task;
	va_list args;

	va_start(args, namefmt);
	task = create_on_node(site, threadfn, data, node, namefmt, args);
	va_end(args);
	return task;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...)
{
	static const struct kshim_site site = {
		"compat/kernel/kthread.c", __LINE__, "kthread_create_on_node",
		NULL
	};
	struct task_struct *task;
	va_list args;

	va_start(args, namefmt);
	task = create_on_node(&site, threadfn, data, node, namefmt, args);
	va_end(args);
	return task;
}

static void bind_mask(struct task_struct *p, const struct cpumask *mask,
		      unsigned int state, const struct kshim_site *site)
{
	struct kthread *kthread = __to_kthread(p);

	/* wait_task_inactive(): the task must sleep in @state. */
	if (kshim_task_state(p) != state || !kthread) {
		warn_at(site);
		return;
	}
	/* The task applies it as it wakes (apply_binding()). */
	host_lock(&p->kshim_wake);
	kthread->bind_cpu = cpumask_weight(mask) == 1 ?
			    (int)cpumask_first(mask) : BIND_MANY;
	__atomic_fetch_or(&p->flags, PF_NO_SETAFFINITY, __ATOMIC_RELEASE);
	host_unlock(&p->kshim_wake);
}

void __kshim_kthread_bind(struct task_struct *p, unsigned int cpu,
			  const struct kshim_site *site)
{
	bind_mask(p, cpumask_of(cpu), TASK_UNINTERRUPTIBLE, site);
}

void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	__kshim_kthread_bind(p, cpu, &kthread_site);
}

void kthread_bind_mask(struct task_struct *p, const struct cpumask *mask)
{
	bind_mask(p, mask, TASK_UNINTERRUPTIBLE, &kthread_site);
}

struct task_struct *
__kshim_kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
			      unsigned int cpu, const char *namefmt,
			      const struct kshim_site *site)
{
	struct task_struct *p;

	/* Format is restricted to "name.*%u". Code fills in cpu number. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	p = __kshim_kthread_create_on_node(site, threadfn, data, NUMA_NO_NODE,
					   namefmt, cpu);
#pragma GCC diagnostic pop
	if (IS_ERR(p))
		return p;
	__kshim_kthread_bind(p, cpu, site);
	/* CPU hotplug need to bind once again when unparking the thread. */
	to_kthread(p, site)->cpu = cpu;
	return p;
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt)
{
	return __kshim_kthread_create_on_cpu(threadfn, data, cpu, namefmt,
					     &kthread_site);
}

void get_kthread_comm(char *buf, size_t buf_size, struct task_struct *tsk)
{
	struct kthread *kthread = to_kthread(tsk, &kthread_site);
	const char *name = kthread && kthread->full_name ?
			   kthread->full_name : tsk->comm;

	if (!buf_size)
		return;
	memset(buf, 0, buf_size);
	strncpy(buf, name, buf_size - 1);
}

void kthread_set_per_cpu(struct task_struct *k, int cpu)
{
	struct kthread *kthread = to_kthread(k, &kthread_site);

	if (!kthread)
		return;
	warn_once_at(!(task_flags(k) & PF_NO_SETAFFINITY), &warned_per_cpu,
		     &kthread_site);
	if (cpu < 0) {
		kt_clear_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
		return;
	}
	kthread->cpu = cpu;
	kt_set_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
}

bool kthread_is_per_cpu(struct task_struct *p)
{
	struct kthread *kthread = __to_kthread(p);

	return kthread && kt_test_bit(KTHREAD_IS_PER_CPU, &kthread->flags);
}

/* ---- what a kthread asks about itself ---- */

bool __kshim_kthread_should_stop(const struct kshim_site *site)
{
	return kt_test_bit(KTHREAD_SHOULD_STOP,
			&to_kthread_or_oops(current, site)->flags);
}

bool kthread_should_stop(void)
{
	return __kshim_kthread_should_stop(&kthread_site);
}

bool __kshim_kthread_should_park(struct task_struct *k,
				 const struct kshim_site *site)
{
	return kt_test_bit(KTHREAD_SHOULD_PARK,
			&to_kthread_or_oops(k, site)->flags);
}

bool kthread_should_park(void)
{
	return __kshim_kthread_should_park(current, &kthread_site);
}

bool __kthread_should_park(struct task_struct *k)
{
	return __kshim_kthread_should_park(k, &kthread_site);
}

/* kshim has no freezer: nothing ever freezes. */
bool __kshim_kthread_freezable_should_stop(bool *was_frozen,
					   const struct kshim_site *site)
{
	__kshim_might_sleep(site->file, site->line, site->func);
	if (was_frozen)
		*was_frozen = false;
	return __kshim_kthread_should_stop(site);
}

bool kthread_freezable_should_stop(bool *was_frozen)
{
	return __kshim_kthread_freezable_should_stop(was_frozen,
						     &kthread_site);
}

void *kthread_func(struct task_struct *task)
{
	struct kthread *kthread = __to_kthread(task);

	return kthread ? (void *)kthread->threadfn : NULL;
}

void *__kshim_kthread_data(struct task_struct *task,
			   const struct kshim_site *site)
{
	struct kthread *kthread = to_kthread(task, site);

	if (!kthread)
		null_kthread_oops(data, false, site);
	return kthread->data;
}

void *kthread_data(struct task_struct *task)
{
	return __kshim_kthread_data(task, &kthread_site);
}

void *kthread_probe_data(struct task_struct *task)
{
	struct kthread *kthread = __to_kthread(task);

	return kthread ? kthread->data : NULL;
}

void __kshim_kthread_parkme(const struct kshim_site *site)
{
	__kthread_parkme(to_kthread_or_oops(current, site), site);
}

void kthread_parkme(void)
{
	__kshim_kthread_parkme(&kthread_site);
}

/* ---- what others do to a kthread ---- */

void __kshim_kthread_unpark(struct task_struct *k,
			    const struct kshim_site *site)
{
	struct kthread *kthread = to_kthread_or_oops(k, site);

	if (!kt_test_bit(KTHREAD_SHOULD_PARK, &kthread->flags))
		return;
	/*
	 * Newly created kthread was parked when the CPU was offline.
	 * The binding was lost and we need to set it again.
	 */
	if (kt_test_bit(KTHREAD_IS_PER_CPU, &kthread->flags))
		bind_mask(k, cpumask_of(kthread->cpu), TASK_PARKED, site);
	kt_clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
	/* __kthread_parkme() will either see !SHOULD_PARK or get the wakeup. */
	wake_up_state(k, TASK_PARKED);
}

void kthread_unpark(struct task_struct *k)
{
	__kshim_kthread_unpark(k, &kthread_site);
}

int __kshim_kthread_park(struct task_struct *k, const struct kshim_site *site)
{
	struct kthread *kthread = to_kthread(k, site);

	if (task_flags(k) & PF_EXITING) {
		warn_at(site);
		return -ENOSYS;
	}
	if (!kthread)
		null_kthread_oops(flags, false, site);
	if (warn_once_at(kt_test_bit(KTHREAD_SHOULD_PARK, &kthread->flags),
			 &warned_park_busy, site))
		return -EBUSY;
	kt_set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
	if (k != current) {
		wake_up_process(k);
		/*
		 * Wait for __kthread_parkme() to complete(), this means we
		 * _will_ have TASK_PARKED and are about to call schedule().
		 */
		__kshim_wait_for_completion(&kthread->parked,
					    TASK_UNINTERRUPTIBLE,
					    MAX_SCHEDULE_TIMEOUT, site);
	}
	return 0;
}

int kthread_park(struct task_struct *k)
{
	return __kshim_kthread_park(k, &kthread_site);
}

/* The host thread of @kthread has ended: its task_exit() checks are done. */
static void join_kthread(struct kthread *kthread)
{
	bool join;

	pthread_mutex_lock(&kthreads_lock);
	join = !kthread->joined && kthread->owner == getpid();
	kthread->joined = true;
	pthread_mutex_unlock(&kthreads_lock);
	if (join)
		pthread_join(kthread->thread, NULL);
}

int __kshim_kthread_stop(struct task_struct *k, const struct kshim_site *site)
{
	struct kthread *kthread;
	int ret;

	__kshim_get_task_struct(k, site);
	kthread = to_kthread(k, site);
	if (!kthread)	/* set_bit(KTHREAD_SHOULD_STOP, &kthread->flags) */
		null_kthread_oops(flags, true, site);
	if (k == current)
		kshim_lockup_die(site,
				 "kshim: kthread_stop() waits for ever: %s/%d stops itself at %s:%d, and cannot exit while it waits for its own exit\n",
				 k->comm, k->pid, site->file, site->line);
	kt_set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);
	__kshim_kthread_unpark(k, site);
	wake_up_process(k);
	__kshim_wait_for_completion(&kthread->exited, TASK_UNINTERRUPTIBLE,
				    MAX_SCHEDULE_TIMEOUT, site);
	join_kthread(kthread);
	ret = kthread->result;
	__kshim_put_task_struct(k, site);
	return ret;
}

int kthread_stop(struct task_struct *k)
{
	return __kshim_kthread_stop(k, &kthread_site);
}

/* ---- kthread_worker ---- */

void __kthread_init_worker(struct kthread_worker *worker, const char *name,
			   struct lock_class_key *key)
{
	memset(worker, 0, sizeof(struct kthread_worker));
	raw_spin_lock_init(&worker->lock);
	INIT_LIST_HEAD(&worker->work_list);
	INIT_LIST_HEAD(&worker->delayed_work_list);
}

int kthread_worker_fn(void *worker_ptr)
{
	struct kthread_worker *worker = worker_ptr;
	struct kthread_work *work;

	raw_spin_lock_irq(&worker->lock);
	WARN_ON(worker->task && worker->task != current);
	/* Most often already set by kthread_create_worker(): not written. */
	if (worker->task != current)
		worker->task = current;
	raw_spin_unlock_irq(&worker->lock);
repeat:
	set_current_state(TASK_INTERRUPTIBLE);	/* mb paired w/ kthread_stop */
	if (kthread_should_stop()) {
		__set_current_state(TASK_RUNNING);
		raw_spin_lock_irq(&worker->lock);
		worker->task = NULL;
		raw_spin_unlock_irq(&worker->lock);
		return 0;
	}
	work = NULL;
	raw_spin_lock_irq(&worker->lock);
	if (!list_empty(&worker->work_list)) {
		work = list_first_entry(&worker->work_list,
					struct kthread_work, node);
		list_del_init(&work->node);
	}
	worker->current_work = work;
	raw_spin_unlock_irq(&worker->lock);

	if (work) {
		__set_current_state(TASK_RUNNING);
		work->func(work);
	} else {
		schedule();
	}
	cond_resched();
	goto repeat;
}

static __printf(4, 0) struct kthread_worker *
create_worker(const struct kshim_site *site, int cpu, unsigned int flags,
	      const char namefmt[], va_list args)
{
	struct kthread_worker *worker;
	struct task_struct *task;

	/* __kthread_create_worker(): kzalloc() of the worker */
	if (kshim_failslab_kmalloc(sizeof(*worker), GFP_KERNEL, site))
		return ERR_PTR(-ENOMEM);
	worker = calloc(1, sizeof(*worker));
	if (!worker)
		return ERR_PTR(-ENOMEM);
	kthread_init_worker(worker);
	task = create_on_node(site, kthread_worker_fn, worker, NUMA_NO_NODE,
			      namefmt, args);
	if (IS_ERR(task)) {
		free(worker);
		return ERR_CAST(task);
	}
	if (cpu >= 0)
		__kshim_kthread_bind(task, cpu, site);
	worker->flags = flags;
	worker->task = task;
	wake_up_process(task);
	return worker;
}

struct kthread_worker *
__kshim_kthread_create_worker(const struct kshim_site *site, int cpu,
			      unsigned int flags, const char namefmt[], ...)
{
	struct kthread_worker *worker;
	va_list args;

	va_start(args, namefmt);
	worker = create_worker(site, cpu, flags, namefmt, args);
	va_end(args);
	return worker;
}

struct kthread_worker *kthread_create_worker(unsigned int flags,
					     const char namefmt[], ...)
{
	struct kthread_worker *worker;
	va_list args;

	va_start(args, namefmt);
	worker = create_worker(&kthread_site, -1, flags, namefmt, args);
	va_end(args);
	return worker;
}

struct kthread_worker *kthread_create_worker_on_cpu(int cpu,
						    unsigned int flags,
						    const char namefmt[], ...)
{
	struct kthread_worker *worker;
	va_list args;

	va_start(args, namefmt);
	worker = create_worker(&kthread_site, cpu, flags, namefmt, args);
	va_end(args);
	return worker;
}

/* worker->lock held */
static bool queuing_blocked(struct kthread_worker *worker,
			    struct kthread_work *work)
{
	return !list_empty(&work->node) || work->canceling;
}

static void kthread_insert_work_sanity_check(struct kthread_worker *worker,
					     struct kthread_work *work)
{
	WARN_ON_ONCE(!list_empty(&work->node));
	/* Do not use a work with >1 worker, see kthread_queue_work() */
	WARN_ON_ONCE(work->worker && work->worker != worker);
}

/* insert @work before @pos in @worker */
static void kthread_insert_work(struct kthread_worker *worker,
				struct kthread_work *work,
				struct list_head *pos)
{
	kthread_insert_work_sanity_check(worker, work);
	list_add_tail(&work->node, pos);
	work->worker = worker;
	if (!worker->current_work && likely(worker->task))
		wake_up_process(worker->task);
}

bool kthread_queue_work(struct kthread_worker *worker,
			struct kthread_work *work)
{
	bool ret = false;
	unsigned long flags;

	raw_spin_lock_irqsave(&worker->lock, flags);
	if (!queuing_blocked(worker, work)) {
		kthread_insert_work(worker, work, &worker->work_list);
		ret = true;
	}
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

void kthread_delayed_work_timer_fn(struct timer_list *t)
{
	struct kthread_delayed_work *dwork = from_timer(dwork, t, timer);
	struct kthread_work *work = &dwork->work;
	struct kthread_worker *worker = work->worker;
	unsigned long flags;

	/* A pending work reinitialized: used the wrong way. */
	if (WARN_ON_ONCE(!worker))
		return;
	raw_spin_lock_irqsave(&worker->lock, flags);
	/* Work must not be used with >1 worker, see kthread_queue_work(). */
	WARN_ON_ONCE(work->worker != worker);
	/* Move the work from worker->delayed_work_list. */
	WARN_ON_ONCE(list_empty(&work->node));
	list_del_init(&work->node);
	if (!work->canceling)
		kthread_insert_work(worker, work, &worker->work_list);
	raw_spin_unlock_irqrestore(&worker->lock, flags);
}

static void __kthread_queue_delayed_work(struct kthread_worker *worker,
					 struct kthread_delayed_work *dwork,
					 unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;
	struct kthread_work *work = &dwork->work;

	WARN_ON_ONCE(timer->function != kthread_delayed_work_timer_fn);
	/* No delay: queued at once (a timer would wait for the next tick). */
	if (!delay) {
		kthread_insert_work(worker, work, &worker->work_list);
		return;
	}
	kthread_insert_work_sanity_check(worker, work);
	list_add(&work->node, &worker->delayed_work_list);
	work->worker = worker;
	timer->expires = jiffies + delay;
	add_timer(timer);
}

bool kthread_queue_delayed_work(struct kthread_worker *worker,
				struct kthread_delayed_work *dwork,
				unsigned long delay)
{
	struct kthread_work *work = &dwork->work;
	unsigned long flags;
	bool ret = false;

	raw_spin_lock_irqsave(&worker->lock, flags);
	if (!queuing_blocked(worker, work)) {
		__kthread_queue_delayed_work(worker, dwork, delay);
		ret = true;
	}
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

struct kthread_flush_work {
	struct kthread_work	work;
	struct completion	done;
};

static void kthread_flush_work_fn(struct kthread_work *work)
{
	struct kthread_flush_work *fwork =
		container_of(work, struct kthread_flush_work, work);

	complete(&fwork->done);
}

static void flush_wait(struct kthread_worker *worker,
		       struct kthread_flush_work *fwork, const char *what,
		       const struct kshim_site *site)
{
	bool own;

	raw_spin_lock_irq(&worker->lock);
	own = worker->task == current;
	raw_spin_unlock_irq(&worker->lock);
	/* The worker would have to run the flush it waits for. */
	if (own)
		kshim_lockup_die(site,
				 "kshim: %s() waits for ever: called at %s:%d by %s/%d, the worker that would run the flush\n",
				 what, site->file, site->line, current->comm,
				 current->pid);
	__kshim_wait_for_completion(&fwork->done, TASK_UNINTERRUPTIBLE,
				    MAX_SCHEDULE_TIMEOUT, site);
	/*
	 * @fwork is on this stack: before it goes, the worker must be done
	 * with it, its complete() included (the kernel's complete() is
	 * over once the waiter has the wait queue's lock; a host mutex's
	 * unlock may still read the mutex then).  The worker takes its lock
	 * to pick its next work: past that, @fwork is free.
	 */
	raw_spin_lock_irq(&worker->lock);
	while (worker->current_work == &fwork->work && worker->task) {
		raw_spin_unlock_irq(&worker->lock);
		sched_yield();
		raw_spin_lock_irq(&worker->lock);
	}
	raw_spin_unlock_irq(&worker->lock);
}

void __kshim_kthread_flush_work(struct kthread_work *work,
				const struct kshim_site *site)
{
	struct kthread_flush_work fwork = {
		KTHREAD_WORK_INIT(fwork.work, kthread_flush_work_fn),
		COMPLETION_INITIALIZER_ONSTACK(fwork.done),
	};
	struct kthread_worker *worker;
	bool noop = false;

	worker = work->worker;
	if (!worker)
		return;
	raw_spin_lock_irq(&worker->lock);
	/* Work must not be used with >1 worker, see kthread_queue_work(). */
	WARN_ON_ONCE(work->worker != worker);
	if (!list_empty(&work->node))
		kthread_insert_work(worker, &fwork.work, work->node.next);
	else if (worker->current_work == work)
		kthread_insert_work(worker, &fwork.work,
				    worker->work_list.next);
	else
		noop = true;
	raw_spin_unlock_irq(&worker->lock);
	if (!noop)
		flush_wait(worker, &fwork, "kthread_flush_work", site);
}

void kthread_flush_work(struct kthread_work *work)
{
	__kshim_kthread_flush_work(work, &kthread_site);
}

/* worker->lock held; released and taken again around del_timer_sync(). */
static void kthread_cancel_delayed_work_timer(struct kthread_work *work,
					      unsigned long *flags)
{
	struct kthread_delayed_work *dwork =
		container_of(work, struct kthread_delayed_work, work);
	struct kthread_worker *worker = work->worker;

	work->canceling++;
	raw_spin_unlock_irqrestore(&worker->lock, *flags);
	del_timer_sync(&dwork->timer);
	raw_spin_lock_irqsave(&worker->lock, *flags);
	work->canceling--;
}

static bool __kthread_cancel_work(struct kthread_work *work)
{
	if (!list_empty(&work->node)) {
		list_del_init(&work->node);
		return true;
	}
	return false;
}

bool kthread_mod_delayed_work(struct kthread_worker *worker,
			      struct kthread_delayed_work *dwork,
			      unsigned long delay)
{
	struct kthread_work *work = &dwork->work;
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&worker->lock, flags);
	/* Do not bother with canceling when never queued. */
	if (!work->worker) {
		ret = false;
		goto fast_queue;
	}
	/* Work must not be used with >1 worker, see kthread_queue_work() */
	WARN_ON_ONCE(work->worker != worker);
	kthread_cancel_delayed_work_timer(work, &flags);
	if (work->canceling) {
		/* The number of works in the queue does not change. */
		ret = true;
		goto out;
	}
	ret = __kthread_cancel_work(work);
fast_queue:
	__kthread_queue_delayed_work(worker, dwork, delay);
out:
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	return ret;
}

static bool __kthread_cancel_work_sync(struct kthread_work *work,
				       bool is_dwork)
{
	struct kthread_worker *worker = work->worker;
	unsigned long flags;
	bool ret = false;

	if (!worker)
		goto out;
	raw_spin_lock_irqsave(&worker->lock, flags);
	/* Work must not be used with >1 worker, see kthread_queue_work(). */
	WARN_ON_ONCE(work->worker != worker);
	if (is_dwork)
		kthread_cancel_delayed_work_timer(work, &flags);
	ret = __kthread_cancel_work(work);
	if (worker->current_work != work)
		goto out_fast;
	/* In progress: wait with the lock released, queuing blocked. */
	work->canceling++;
	raw_spin_unlock_irqrestore(&worker->lock, flags);
	__kshim_kthread_flush_work(work, &kthread_site);
	raw_spin_lock_irqsave(&worker->lock, flags);
	work->canceling--;
out_fast:
	raw_spin_unlock_irqrestore(&worker->lock, flags);
out:
	return ret;
}

bool kthread_cancel_work_sync(struct kthread_work *work)
{
	return __kthread_cancel_work_sync(work, false);
}

bool kthread_cancel_delayed_work_sync(struct kthread_delayed_work *dwork)
{
	return __kthread_cancel_work_sync(&dwork->work, true);
}

void __kshim_kthread_flush_worker(struct kthread_worker *worker,
				  const struct kshim_site *site)
{
	struct kthread_flush_work fwork = {
		KTHREAD_WORK_INIT(fwork.work, kthread_flush_work_fn),
		COMPLETION_INITIALIZER_ONSTACK(fwork.done),
	};

	kthread_queue_work(worker, &fwork.work);
	flush_wait(worker, &fwork, "kthread_flush_worker", site);
}

void kthread_flush_worker(struct kthread_worker *worker)
{
	__kshim_kthread_flush_worker(worker, &kthread_site);
}

void kthread_destroy_worker(struct kthread_worker *worker)
{
	struct task_struct *task;

	task = worker->task;
	if (WARN_ON(!task))
		return;
	__kshim_kthread_flush_worker(worker, &kthread_site);
	__kshim_kthread_stop(task, &kthread_site);
	WARN_ON(!list_empty(&worker->work_list));
	free(worker);
}

/* ---- the ledger and each test ---- */

/* kthreads_lock held: @k is a thread of this test still running. */
static bool running_here(const struct kthread *k, pid_t pid)
{
	return k->owner == pid && k->gen == kthreads_gen && !k->done;
}

static long ledger_kthreads(void *arg)
{
	pid_t pid = getpid();
	struct kthread *k;
	long n = 0;

	pthread_mutex_lock(&kthreads_lock);
	for (k = kthreads; k; k = k->next)
		n += running_here(k, pid);
	pthread_mutex_unlock(&kthreads_lock);
	return n;
}

static void explain_kthreads(void *arg)
{
	pid_t pid = getpid();
	struct kthread *k;

	pthread_mutex_lock(&kthreads_lock);
	for (k = kthreads; k; k = k->next) {
		if (!running_here(k, pid))
			continue;
		printk(KERN_ERR "kthread %s/%d (%ps) created at %s:%d, still running: never stopped\n",
		       k->comm, k->task->pid, k->threadfn,
		       kshim_site_file(k->site), kshim_site_line(k->site));
	}
	pthread_mutex_unlock(&kthreads_lock);
}

void kshim_kthread_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	kshim_ledger_add("kthreads running", ledger_kthreads,
			 explain_kthreads, NULL);
}

/*
 * A test starts with the kthreads of the tests before forgotten (those
 * still running stay so, and count no more); the records of those gone
 * for good are freed.
 */
void kshim_kthread_test_begin(void)
{
	struct kthread **pk, *k;

	pthread_mutex_lock(&kthreads_lock);
	kthreads_gen++;
	for (pk = &kthreads; (k = *pk);) {
		if ((k->joined && k->freed) || k->owner != getpid()) {
			*pk = k->next;
			if (k->owner == getpid()) {
				free(k->full_name);
				free(k);
			}
			continue;
		}
		pk = &k->next;
	}
	pthread_mutex_unlock(&kthreads_lock);
	__atomic_store_n(&warned_park_busy, false, __ATOMIC_RELAXED);
	__atomic_store_n(&warned_per_cpu, false, __ATOMIC_RELAXED);
}

/*
 * The test is over: the threads of its kthreads that exited are joined
 * (their task_exit() reports belong to it), after a moment for those on
 * their way out (PF_EXITING, or running still: a function that has just
 * completed what the test waited for returns; one asleep is left to the
 * ledger).
 */
void kshim_kthread_test_end(void)
{
	pid_t pid = getpid();
	struct timespec deadline, slice;
	struct kthread *k;
	bool wait;

	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	pthread_mutex_lock(&kthreads_lock);
again:
	wait = false;
	for (k = kthreads; k; k = k->next) {
		if (k->owner != pid || k->gen != kthreads_gen)
			continue;
		if (!k->done) {
			/* Asleep: the ledger's; on its way: a moment. */
			if ((task_flags(k->task) & PF_EXITING) ||
			    kshim_task_state(k->task) == TASK_RUNNING)
				wait = true;
			continue;
		}
		if (k->joined)
			continue;
		k->joined = true;
		pthread_mutex_unlock(&kthreads_lock);
		pthread_join(k->thread, NULL);
		pthread_mutex_lock(&kthreads_lock);
		goto again;
	}
	if (wait && kshim_jiffies_until(&deadline) > 0) {
		kshim_deadline_ms(&slice, 10);
		pthread_cond_timedwait(&kthreads_cond, &kthreads_lock, &slice);
		goto again;
	}
	pthread_mutex_unlock(&kthreads_lock);
}
