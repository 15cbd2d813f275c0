/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/workqueue.h - work items run later, in process context, by
 * kernel worker threads.
 *
 * Follows include/linux/workqueue.h and kernel/workqueue.c of 6.1
 * (compat/kernel/workqueue.c):
 *  - INIT_WORK()/DECLARE_WORK(), INIT_DELAYED_WORK()/DECLARE_DELAYED_WORK()
 *    (the delayed form arms a kshim timer, linux/timer.h, whose callback
 *    queues the work when kshim's clock reaches it);
 *  - queue_work*(), schedule_work*(), queue_delayed_work*(),
 *    mod_delayed_work*() return what the kernel's return (false: already
 *    pending); the work runs on a kworker task ("kworker/N:M", "kworker/N:MH"
 *    for WQ_HIGHPRI, "kworker/uP:M" for WQ_UNBOUND) bound to CPU N, never
 *    concurrently with itself, at most max_active items of a workqueue at
 *    once per CPU, one at a time in queueing order for an ordered one;
 *  - flush_work(), flush_delayed_work(), flush_workqueue(),
 *    drain_workqueue(), cancel_work*(), cancel_delayed_work*() with the
 *    kernel's return values; destroy_workqueue() drains first;
 *  - the kernel's checks, at the caller's line: flushing or cancelling
 *    (sync) a work item from itself, or its own workqueue from one of its
 *    items (a "lockup" report where the kernel deadlocks),
 *    check_flush_dependency()'s WARN, queueing onto a draining or
 *    destroyed workqueue (WARN_ON_ONCE), "BUG: workqueue leaked lock or
 *    atomic", a work item still pending at the end of a test (ledger,
 *    naming the line that queued it).
 * The queueing and flushing calls are macros recording the caller's line,
 * and real functions too, for drivers that take their address.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/timer.h>
#include <linux/bitops.h>
#include <linux/lockdep.h>
#include <linux/threads.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/rcupdate.h>
#include <kshim/site.h>

struct workqueue_struct;

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
void delayed_work_timer_fn(struct timer_list *t);

/*
 * The first word is the work queue pointer and the flags rolled into
 * one
 */
#define work_data_bits(work) ((unsigned long *)(void *)(&(work)->data))

/* kshim: CONFIG_DEBUG_OBJECTS_WORK (kshim/kconfig.h turns ODEBUG on) */
enum {
	WORK_STRUCT_PENDING_BIT	= 0,	/* work item is pending execution */
	WORK_STRUCT_INACTIVE_BIT = 1,	/* work item is inactive */
	WORK_STRUCT_PWQ_BIT	= 2,	/* data points to pwq */
	WORK_STRUCT_LINKED_BIT	= 3,	/* next work is linked to this one */
	WORK_STRUCT_STATIC_BIT	= 4,	/* static initializer (debugobjects) */
	WORK_STRUCT_COLOR_SHIFT	= 5,	/* color for workqueue flushing */

	WORK_STRUCT_COLOR_BITS	= 4,

	WORK_STRUCT_PENDING	= 1 << WORK_STRUCT_PENDING_BIT,
	WORK_STRUCT_INACTIVE	= 1 << WORK_STRUCT_INACTIVE_BIT,
	WORK_STRUCT_PWQ		= 1 << WORK_STRUCT_PWQ_BIT,
	WORK_STRUCT_LINKED	= 1 << WORK_STRUCT_LINKED_BIT,
	WORK_STRUCT_STATIC	= 1 << WORK_STRUCT_STATIC_BIT,

	WORK_NR_COLORS		= (1 << WORK_STRUCT_COLOR_BITS),

	/* not bound to any CPU, prefer the local CPU */
	WORK_CPU_UNBOUND	= NR_CPUS,

	WORK_STRUCT_FLAG_BITS	= WORK_STRUCT_COLOR_SHIFT +
				  WORK_STRUCT_COLOR_BITS,

	/* data contains off-queue information when !WORK_STRUCT_PWQ */
	WORK_OFFQ_FLAG_BASE	= WORK_STRUCT_COLOR_SHIFT,

	__WORK_OFFQ_CANCELING	= WORK_OFFQ_FLAG_BASE,

	WORK_OFFQ_FLAG_BITS	= 1,
	WORK_OFFQ_POOL_SHIFT	= WORK_OFFQ_FLAG_BASE + WORK_OFFQ_FLAG_BITS,
	WORK_OFFQ_LEFT		= BITS_PER_LONG - WORK_OFFQ_POOL_SHIFT,
	WORK_OFFQ_POOL_BITS	= WORK_OFFQ_LEFT <= 31 ? WORK_OFFQ_LEFT : 31,

	/* bit mask for work_busy() return values */
	WORK_BUSY_PENDING	= 1 << 0,
	WORK_BUSY_RUNNING	= 1 << 1,

	/* maximum string length for set_worker_desc() */
	WORKER_DESC_LEN		= 24,
};

/* Convenience constants - of type 'unsigned long', not 'enum'! */
#define WORK_OFFQ_CANCELING	(1ul << __WORK_OFFQ_CANCELING)
#define WORK_OFFQ_POOL_NONE	((1ul << WORK_OFFQ_POOL_BITS) - 1)
#define WORK_STRUCT_NO_POOL	(WORK_OFFQ_POOL_NONE << WORK_OFFQ_POOL_SHIFT)

#define WORK_STRUCT_FLAG_MASK    ((1ul << WORK_STRUCT_FLAG_BITS) - 1)
#define WORK_STRUCT_WQ_DATA_MASK (~WORK_STRUCT_FLAG_MASK)

/*
 * kshim keeps the queues outside the work item (a work freed or
 * overwritten while queued cannot corrupt them): while queued, data holds
 * WORK_STRUCT_PENDING | WORK_STRUCT_PWQ and the pool's id; @entry stays
 * empty.
 */
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
	/* kshim: lockdep's name, "(work_completion)"#work */
	const char *__kshim_name;
	/* kshim: the line that last queued it (its PENDING owner writes) */
	const struct kshim_site *__kshim_queued_at;
};

#define WORK_DATA_INIT()	ATOMIC_LONG_INIT((unsigned long)WORK_STRUCT_NO_POOL)
#define WORK_DATA_STATIC_INIT()	\
	ATOMIC_LONG_INIT((unsigned long)(WORK_STRUCT_NO_POOL | WORK_STRUCT_STATIC))

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;

	/* target workqueue and CPU ->timer uses to queue ->work */
	struct workqueue_struct *wq;
	int cpu;
};

struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;

	/* target workqueue ->rcu uses to queue ->work */
	struct workqueue_struct *wq;
};

struct workqueue_attrs {
	int nice;
	cpumask_var_t cpumask;
	bool no_numa;
};

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

static inline struct rcu_work *to_rcu_work(struct work_struct *work)
{
	return container_of(work, struct rcu_work, work);
}

struct execute_work {
	struct work_struct work;
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = WORK_DATA_STATIC_INIT(),				\
	.entry	= { &(n).entry, &(n).entry },				\
	.func = (f),							\
	.__kshim_name = #n,						\
	}

/* Before 4.15 the timer's callback takes .data: the delayed_work. */
void __kshim_delayed_work_timer_fn_ul(unsigned long data);
#if __KSHIM_TIMER_UL
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
	.work = __WORK_INITIALIZER((n).work, (f)),			\
	.timer = __TIMER_INITIALIZER(__kshim_delayed_work_timer_fn_ul,	\
				     0, (unsigned long)&(n),		\
				     (tflags) | TIMER_IRQSAFE),		\
	}
#define __kshim_init_dwork_timer(_work, _tflags)			\
	__kshim_init_timer_ul(&(_work)->timer,				\
			      __kshim_delayed_work_timer_fn_ul,		\
			      (unsigned long)(_work),			\
			      (_tflags) | TIMER_IRQSAFE, __KSHIM_CALLSITE)
#else
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
	.work = __WORK_INITIALIZER((n).work, (f)),			\
	.timer = __TIMER_INITIALIZER(delayed_work_timer_fn,		\
				     (tflags) | TIMER_IRQSAFE),		\
	}
#define __kshim_init_dwork_timer(_work, _tflags)			\
	__init_timer(&(_work)->timer, delayed_work_timer_fn,		\
		     (_tflags) | TIMER_IRQSAFE)
#endif

#define DECLARE_WORK(n, f)						\
	struct work_struct n = __WORK_INITIALIZER(n, f)

#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

#define DECLARE_DEFERRABLE_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

/* CONFIG_DEBUG_OBJECTS_WORK */
void __kshim_init_work(struct work_struct *work, int onstack,
		       const struct kshim_site *site);
#define __init_work(work, onstack)					\
	__kshim_init_work((work), (onstack), __KSHIM_CALLSITE)
void destroy_work_on_stack(struct work_struct *work);
void destroy_delayed_work_on_stack(struct delayed_work *work);
static inline unsigned int work_static(struct work_struct *work)
{
	return test_bit(WORK_STRUCT_STATIC_BIT, work_data_bits(work)) ?
	       WORK_STRUCT_STATIC : 0;
}

#define __INIT_WORK_KEY(_work, _func, _onstack, _key)			\
	do {								\
		__init_work((_work), _onstack);				\
		(_work)->data = (atomic_long_t) WORK_DATA_INIT();	\
		(_work)->__kshim_name = "(work_completion)"#_work;	\
		(_work)->__kshim_queued_at = NULL;			\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->func = (_func);				\
	} while (0)

#define __INIT_WORK(_work, _func, _onstack)				\
	__INIT_WORK_KEY(_work, _func, _onstack, NULL)

#define INIT_WORK(_work, _func)						\
	__INIT_WORK((_work), (_func), 0)

#define INIT_WORK_ONSTACK(_work, _func)					\
	__INIT_WORK((_work), (_func), 1)

#define INIT_WORK_ONSTACK_KEY(_work, _func, _key)			\
	__INIT_WORK_KEY((_work), (_func), 1, _key)

#define __INIT_DELAYED_WORK(_work, _func, _tflags)			\
	do {								\
		INIT_WORK(&(_work)->work, (_func));			\
		__kshim_init_dwork_timer(_work, _tflags);		\
	} while (0)

#define __INIT_DELAYED_WORK_ONSTACK(_work, _func, _tflags)		\
	do {								\
		INIT_WORK_ONSTACK(&(_work)->work, (_func));		\
		__kshim_init_dwork_timer(_work, _tflags);		\
	} while (0)

#define INIT_DELAYED_WORK(_work, _func)					\
	__INIT_DELAYED_WORK(_work, _func, 0)

#define INIT_DELAYED_WORK_ONSTACK(_work, _func)				\
	__INIT_DELAYED_WORK_ONSTACK(_work, _func, 0)

#define INIT_DEFERRABLE_WORK(_work, _func)				\
	__INIT_DELAYED_WORK(_work, _func, TIMER_DEFERRABLE)

#define INIT_DEFERRABLE_WORK_ONSTACK(_work, _func)			\
	__INIT_DELAYED_WORK_ONSTACK(_work, _func, TIMER_DEFERRABLE)

#define INIT_RCU_WORK(_work, _func)					\
	INIT_WORK(&(_work)->work, (_func))

#define INIT_RCU_WORK_ONSTACK(_work, _func)				\
	INIT_WORK_ONSTACK(&(_work)->work, (_func))

#define work_pending(work) \
	test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))

#define delayed_work_pending(w) \
	work_pending(&(w)->work)

enum {
	WQ_UNBOUND		= 1 << 1, /* not bound to any cpu */
	WQ_FREEZABLE		= 1 << 2, /* freeze during suspend */
	WQ_MEM_RECLAIM		= 1 << 3, /* may be used for memory reclaim */
	WQ_HIGHPRI		= 1 << 4, /* high priority */
	WQ_CPU_INTENSIVE	= 1 << 5, /* cpu intensive workqueue */
	WQ_SYSFS		= 1 << 6, /* visible in sysfs */
	WQ_POWER_EFFICIENT	= 1 << 7,

	__WQ_DRAINING		= 1 << 16, /* internal: workqueue is draining */
	__WQ_ORDERED		= 1 << 17, /* internal: workqueue is ordered */
	__WQ_LEGACY		= 1 << 18, /* internal: create*_workqueue() */
	__WQ_ORDERED_EXPLICIT	= 1 << 19, /* internal: alloc_ordered_workqueue() */

	WQ_MAX_ACTIVE		= 512,
	WQ_MAX_UNBOUND_PER_CPU	= 4,
	WQ_DFL_ACTIVE		= WQ_MAX_ACTIVE / 2,
};

#define WQ_UNBOUND_MAX_ACTIVE	\
	max_t(int, WQ_MAX_ACTIVE, num_possible_cpus() * WQ_MAX_UNBOUND_PER_CPU)

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_freezable_power_efficient_wq;

__printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
__printf(2, 5) struct workqueue_struct *
__kshim_alloc_workqueue(const struct kshim_site *site, const char *fmt,
			unsigned int flags, int max_active, ...);
#define alloc_workqueue(fmt, flags, max_active, args...)		\
	__kshim_alloc_workqueue(__KSHIM_CALLSITE, fmt, flags, max_active, \
				##args)

#define alloc_ordered_workqueue(fmt, flags, args...)			\
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED |		\
			__WQ_ORDERED_EXPLICIT | (flags), 1, ##args)

#define create_workqueue(name)						\
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name)				\
	alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND |	\
			WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)				\
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)

#define from_work(var, callback_work, work_fieldname)	\
	container_of(callback_work, typeof(*var), work_fieldname)

/* The real functions: for drivers that take their address. */
extern void destroy_workqueue(struct workqueue_struct *wq);
extern bool queue_work_on(int cpu, struct workqueue_struct *wq,
			  struct work_struct *work);
extern bool queue_work_node(int node, struct workqueue_struct *wq,
			    struct work_struct *work);
extern bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
				  struct delayed_work *work,
				  unsigned long delay);
extern bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
				struct delayed_work *dwork,
				unsigned long delay);
extern bool queue_rcu_work(struct workqueue_struct *wq,
			   struct rcu_work *rwork);
extern void __flush_workqueue(struct workqueue_struct *wq);
extern void drain_workqueue(struct workqueue_struct *wq);
extern int schedule_on_each_cpu(work_func_t func);
int execute_in_process_context(work_func_t fn, struct execute_work *);
extern bool flush_work(struct work_struct *work);
extern bool cancel_work(struct work_struct *work);
extern bool cancel_work_sync(struct work_struct *work);
extern bool flush_delayed_work(struct delayed_work *dwork);
extern bool cancel_delayed_work(struct delayed_work *dwork);
extern bool cancel_delayed_work_sync(struct delayed_work *dwork);
extern bool flush_rcu_work(struct rcu_work *rwork);

extern void workqueue_set_max_active(struct workqueue_struct *wq,
				     int max_active);
extern struct work_struct *current_work(void);
extern bool current_is_workqueue_rescuer(void);
extern bool workqueue_congested(int cpu, struct workqueue_struct *wq);
extern unsigned int work_busy(struct work_struct *work);
extern __printf(1, 2) void set_worker_desc(const char *fmt, ...);

/* kshim: the same, with the caller's line */
void __kshim_destroy_workqueue(struct workqueue_struct *wq,
			       const struct kshim_site *site);
bool __kshim_queue_work_on(int cpu, struct workqueue_struct *wq,
			   struct work_struct *work,
			   const struct kshim_site *site);
bool __kshim_queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
				   struct delayed_work *dwork,
				   unsigned long delay,
				   const struct kshim_site *site);
bool __kshim_mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay,
				 const struct kshim_site *site);
void __kshim_flush_workqueue(struct workqueue_struct *wq,
			     const struct kshim_site *site);
void __kshim_drain_workqueue(struct workqueue_struct *wq,
			     const struct kshim_site *site);
bool __kshim_flush_work(struct work_struct *work,
			const struct kshim_site *site);
bool __kshim_cancel_work(struct work_struct *work, bool is_dwork,
			 const struct kshim_site *site);
bool __kshim_cancel_work_sync(struct work_struct *work, bool is_dwork,
			      const struct kshim_site *site);
bool __kshim_flush_delayed_work(struct delayed_work *dwork,
				const struct kshim_site *site);

#define destroy_workqueue(wq)						\
	__kshim_destroy_workqueue((wq), __KSHIM_CALLSITE)
#define queue_work_on(cpu, wq, work)					\
	__kshim_queue_work_on((cpu), (wq), (work), __KSHIM_CALLSITE)
#define queue_work_node(node, wq, work)					\
	__kshim_queue_work_on(WORK_CPU_UNBOUND, (wq), (work),		\
			      __KSHIM_CALLSITE)
#define queue_delayed_work_on(cpu, wq, dwork, delay)			\
	__kshim_queue_delayed_work_on((cpu), (wq), (dwork), (delay),	\
				      __KSHIM_CALLSITE)
#define mod_delayed_work_on(cpu, wq, dwork, delay)			\
	__kshim_mod_delayed_work_on((cpu), (wq), (dwork), (delay),	\
				    __KSHIM_CALLSITE)
#define __flush_workqueue(wq)						\
	__kshim_flush_workqueue((wq), __KSHIM_CALLSITE)
#define drain_workqueue(wq)						\
	__kshim_drain_workqueue((wq), __KSHIM_CALLSITE)
#define flush_work(work)	__kshim_flush_work((work), __KSHIM_CALLSITE)
#define cancel_work(work)						\
	__kshim_cancel_work((work), false, __KSHIM_CALLSITE)
#define cancel_work_sync(work)						\
	__kshim_cancel_work_sync((work), false, __KSHIM_CALLSITE)
#define flush_delayed_work(dwork)					\
	__kshim_flush_delayed_work((dwork), __KSHIM_CALLSITE)
#define cancel_delayed_work(dwork)					\
	__kshim_cancel_work(&(dwork)->work, true, __KSHIM_CALLSITE)
#define cancel_delayed_work_sync(dwork)					\
	__kshim_cancel_work_sync(&(dwork)->work, true, __KSHIM_CALLSITE)

#define queue_work(wq, work)						\
	queue_work_on(WORK_CPU_UNBOUND, (wq), (work))
#define queue_delayed_work(wq, dwork, delay)				\
	queue_delayed_work_on(WORK_CPU_UNBOUND, (wq), (dwork), (delay))
#define mod_delayed_work(wq, dwork, delay)				\
	mod_delayed_work_on(WORK_CPU_UNBOUND, (wq), (dwork), (delay))
#define schedule_work_on(cpu, work)					\
	queue_work_on((cpu), system_wq, (work))
#define schedule_work(work)	queue_work(system_wq, (work))
#define schedule_delayed_work_on(cpu, dwork, delay)			\
	queue_delayed_work_on((cpu), system_wq, (dwork), (delay))
#define schedule_delayed_work(dwork, delay)				\
	queue_delayed_work(system_wq, (dwork), (delay))

/* Deprecated in 6.1 (a compile-time warning for the system ones there). */
#define flush_scheduled_work()	__flush_workqueue(system_wq)
#define flush_workqueue(wq)	__flush_workqueue(wq)

long work_on_cpu(int cpu, long (*fn)(void *), void *arg);
long work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg);

static inline void wq_watchdog_touch(int cpu) { }

#endif
