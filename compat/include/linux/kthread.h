/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kthread.h - kernel threads and the kthread_worker.
 *
 * Follows include/linux/kthread.h and kernel/kthread.c of 6.1.  A kthread
 * is a host thread of the process that creates it, with its own current:
 * comm the formatted name (cut to TASK_COMM_LEN - 1 bytes, the whole name
 * kept for get_kthread_comm()), a pid of its own, PF_KTHREAD.  It is
 * created stopped (TASK_UNINTERRUPTIBLE) and runs its function once
 * woken (wake_up_process(), kthread_run()); kthread_create_on_cpu() and
 * kthread_bind() make it a per-CPU thread of that CPU (smp_processor_id()
 * is the CPU, with no "preemptible" report).  It sleeps through kshim's
 * primitives (schedule(), schedule_timeout*(), msleep(), completions,
 * wait queues), so kshim's clock and checks apply.
 *
 * kthread_stop() returns what the function returned (or passed to
 * kthread_exit()), -EINTR if the thread was never woken (the function is
 * then never called).  The kernel's checks, at the caller's file:line:
 *  - to_kthread()'s WARN_ON(!(k->flags & PF_KTHREAD)) when a kthread_*()
 *    call is given (or, for kthread_should_stop() and friends, runs in)
 *    a task that is not a kthread, then the NULL pointer dereference that
 *    follows in the kernel (an oops that ends the test);
 *  - a kthread's task_struct lives until the thread has exited and the
 *    last get_task_struct() reference is put: kthread_stop() of a thread
 *    already stopped, or that exited on its own with no reference held,
 *    is the kernel's "refcount_t: addition on 0; use-after-free." and
 *    the oops on the freed kthread data;
 *  - kthread_stop() by the thread itself, which waits for ever in the
 *    kernel, is a "lockup" report that ends the test;
 *  - kthread_park() of an exited thread: WARN_ON, -ENOSYS; parked twice:
 *    WARN_ON_ONCE, -EBUSY;
 *  - a kthread still running when the test ends is a "ledger" report
 *    naming its comm and the line that created it; one that ends atomic,
 *    with interrupts off or with kmaps gets the task_exit report of any
 *    thread.
 * kthread_create*() may sleep (might_sleep() at the caller's line).
 * kthread_worker: kthread_create_worker(_on_cpu)(), kthread_queue_work(),
 * kthread_queue_delayed_work()/kthread_mod_delayed_work() (on a
 * struct timer_list), kthread_flush_work(), kthread_flush_worker(),
 * kthread_cancel_(delayed_)work_sync(), kthread_destroy_worker(), with
 * 6.1's WARNs (a work queued on two workers, a destroyed worker with
 * work left).
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>
#include <linux/numa.h>
#include <kshim/site.h>

struct mm_struct;
struct completion;
struct cpumask;

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data,
					   int node,
					   const char namefmt[], ...);
__printf(5, 6)
struct task_struct *__kshim_kthread_create_on_node(const struct kshim_site *site,
						   int (*threadfn)(void *data),
						   void *data, int node,
						   const char namefmt[], ...);
#define kthread_create_on_node(threadfn, data, node, namefmt, ...)	\
	__kshim_kthread_create_on_node(__KSHIM_CALLSITE, threadfn, data, \
				       node, namefmt, ##__VA_ARGS__)

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data,
					  unsigned int cpu,
					  const char *namefmt);
struct task_struct *
__kshim_kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
			      unsigned int cpu, const char *namefmt,
			      const struct kshim_site *site);
#define kthread_create_on_cpu(threadfn, data, cpu, namefmt)		\
	__kshim_kthread_create_on_cpu(threadfn, data, cpu, namefmt,	\
				      __KSHIM_CALLSITE)

void get_kthread_comm(char *buf, size_t buf_size, struct task_struct *tsk);

void kthread_set_per_cpu(struct task_struct *k, int cpu);
bool kthread_is_per_cpu(struct task_struct *k);

#define kthread_run(threadfn, data, namefmt, ...)			   \
({									   \
	struct task_struct *__k						   \
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						   \
		wake_up_process(__k);					   \
	__k;								   \
})

/* A static inline in 6.1; a macro here, so the creator is the caller. */
#define kthread_run_on_cpu(threadfn, data, cpu, namefmt)		\
({									\
	struct task_struct *__k						\
		= kthread_create_on_cpu(threadfn, data, cpu, namefmt);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/*
 * The calls that check their task are macros passing the caller's
 * position; the functions of the same names exist too (a function-like
 * macro does not expand where the bare name is used as a pointer).
 */
void free_kthread_struct(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
bool __kthread_should_park(struct task_struct *k);
bool kthread_freezable_should_stop(bool *was_frozen);
void *kthread_func(struct task_struct *k);
void *kthread_data(struct task_struct *k);
void *kthread_probe_data(struct task_struct *k);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);
void kthread_exit(long result) __attribute__((__noreturn__));
void kthread_complete_and_exit(struct completion *, long)
	__attribute__((__noreturn__));

void __kshim_kthread_bind(struct task_struct *k, unsigned int cpu,
			  const struct kshim_site *site);
int __kshim_kthread_stop(struct task_struct *k, const struct kshim_site *site);
bool __kshim_kthread_should_stop(const struct kshim_site *site);
bool __kshim_kthread_should_park(struct task_struct *k,
				 const struct kshim_site *site);
bool __kshim_kthread_freezable_should_stop(bool *was_frozen,
					   const struct kshim_site *site);
void *__kshim_kthread_data(struct task_struct *k,
			   const struct kshim_site *site);
int __kshim_kthread_park(struct task_struct *k, const struct kshim_site *site);
void __kshim_kthread_unpark(struct task_struct *k,
			    const struct kshim_site *site);
void __kshim_kthread_parkme(const struct kshim_site *site);
void __kshim_kthread_exit(long result, const struct kshim_site *site)
	__attribute__((__noreturn__));
void __kshim_kthread_complete_and_exit(struct completion *comp, long code,
				       const struct kshim_site *site)
	__attribute__((__noreturn__));

#define kthread_bind(k, cpu)	__kshim_kthread_bind(k, cpu, __KSHIM_CALLSITE)
#define kthread_stop(k)		__kshim_kthread_stop(k, __KSHIM_CALLSITE)
#define kthread_should_stop()	__kshim_kthread_should_stop(__KSHIM_CALLSITE)
#define kthread_should_park()						\
	__kshim_kthread_should_park(current, __KSHIM_CALLSITE)
#define __kthread_should_park(k)					\
	__kshim_kthread_should_park(k, __KSHIM_CALLSITE)
#define kthread_freezable_should_stop(was_frozen)			\
	__kshim_kthread_freezable_should_stop(was_frozen, __KSHIM_CALLSITE)
#define kthread_data(k)		__kshim_kthread_data(k, __KSHIM_CALLSITE)
#define kthread_park(k)		__kshim_kthread_park(k, __KSHIM_CALLSITE)
#define kthread_unpark(k)	__kshim_kthread_unpark(k, __KSHIM_CALLSITE)
#define kthread_parkme()	__kshim_kthread_parkme(__KSHIM_CALLSITE)
#define kthread_exit(result)	__kshim_kthread_exit(result, __KSHIM_CALLSITE)
#define kthread_complete_and_exit(comp, code)				\
	__kshim_kthread_complete_and_exit(comp, code, __KSHIM_CALLSITE)

/*
 * Simple work processor based on kthread: kthread_works queued on a
 * kthread_worker run one after the other on its kthread
 * (kthread_worker_fn()).
 */
struct kthread_work;
typedef void (*kthread_work_func_t)(struct kthread_work *work);
void kthread_delayed_work_timer_fn(struct timer_list *t);

enum {
	KTW_FREEZABLE		= 1 << 0,	/* freeze during suspend */
};

struct kthread_worker {
	unsigned int		flags;
	raw_spinlock_t		lock;
	struct list_head	work_list;
	struct list_head	delayed_work_list;
	struct task_struct	*task;
	struct kthread_work	*current_work;
};

struct kthread_work {
	struct list_head	node;
	kthread_work_func_t	func;
	struct kthread_worker	*worker;
	/* Number of canceling calls that are running at the moment. */
	int			canceling;
};

struct kthread_delayed_work {
	struct kthread_work work;
	struct timer_list timer;
};

#define KTHREAD_WORK_INIT(work, fn)	{				\
	.node = LIST_HEAD_INIT((work).node),				\
	.func = (fn),							\
	}

#define KTHREAD_DELAYED_WORK_INIT(dwork, fn) {				\
	.work = KTHREAD_WORK_INIT((dwork).work, (fn)),			\
	.timer = __TIMER_INITIALIZER(kthread_delayed_work_timer_fn,	\
				     TIMER_IRQSAFE),			\
	}

#define DEFINE_KTHREAD_WORK(work, fn)					\
	struct kthread_work work = KTHREAD_WORK_INIT(work, fn)

#define DEFINE_KTHREAD_DELAYED_WORK(dwork, fn)				\
	struct kthread_delayed_work dwork =				\
		KTHREAD_DELAYED_WORK_INIT(dwork, fn)

extern void __kthread_init_worker(struct kthread_worker *worker,
			const char *name, struct lock_class_key *key);

#define kthread_init_worker(worker)					\
	do {								\
		static struct lock_class_key __key;			\
		__kthread_init_worker((worker), "("#worker")->lock", &__key); \
	} while (0)

#define kthread_init_work(work, fn)					\
	do {								\
		__builtin_memset((work), 0, sizeof(struct kthread_work)); \
		INIT_LIST_HEAD(&(work)->node);				\
		(work)->func = (fn);					\
	} while (0)

#define kthread_init_delayed_work(dwork, fn)				\
	do {								\
		kthread_init_work(&(dwork)->work, (fn));		\
		timer_setup(&(dwork)->timer,				\
			     kthread_delayed_work_timer_fn,		\
			     TIMER_IRQSAFE);				\
	} while (0)

int kthread_worker_fn(void *worker_ptr);

__printf(2, 3)
struct kthread_worker *
kthread_create_worker(unsigned int flags, const char namefmt[], ...);
__printf(3, 4) struct kthread_worker *
kthread_create_worker_on_cpu(int cpu, unsigned int flags,
			     const char namefmt[], ...);
__printf(4, 5) struct kthread_worker *
__kshim_kthread_create_worker(const struct kshim_site *site, int cpu,
			      unsigned int flags, const char namefmt[], ...);
#define kthread_create_worker(flags, namefmt, ...)			\
	__kshim_kthread_create_worker(__KSHIM_CALLSITE, -1, flags,	\
				      namefmt, ##__VA_ARGS__)
#define kthread_create_worker_on_cpu(cpu, flags, namefmt, ...)		\
	__kshim_kthread_create_worker(__KSHIM_CALLSITE, cpu, flags,	\
				      namefmt, ##__VA_ARGS__)

bool kthread_queue_work(struct kthread_worker *worker,
			struct kthread_work *work);

bool kthread_queue_delayed_work(struct kthread_worker *worker,
				struct kthread_delayed_work *dwork,
				unsigned long delay);

bool kthread_mod_delayed_work(struct kthread_worker *worker,
			      struct kthread_delayed_work *dwork,
			      unsigned long delay);

void kthread_flush_work(struct kthread_work *work);
void kthread_flush_worker(struct kthread_worker *worker);
/* From the worker's own kthread they wait for ever: a "lockup" report. */
void __kshim_kthread_flush_work(struct kthread_work *work,
				const struct kshim_site *site);
void __kshim_kthread_flush_worker(struct kthread_worker *worker,
				  const struct kshim_site *site);
#define kthread_flush_work(work)					\
	__kshim_kthread_flush_work(work, __KSHIM_CALLSITE)
#define kthread_flush_worker(worker)					\
	__kshim_kthread_flush_worker(worker, __KSHIM_CALLSITE)

bool kthread_cancel_work_sync(struct kthread_work *work);
bool kthread_cancel_delayed_work_sync(struct kthread_delayed_work *work);

void kthread_destroy_worker(struct kthread_worker *worker);

/* What the kernel's linux/kthread.h also makes visible. */
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_KTHREAD_H */
