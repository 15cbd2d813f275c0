/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rcupdate.h - Read-Copy Update: read-side sections, pointer
 * publication and grace periods.
 *
 * Follows include/linux/rcupdate.h of 6.1 for a CONFIG_PREEMPT kernel:
 * CONFIG_TREE_RCU + CONFIG_PREEMPT_RCU (readers are tasks; rcu_read_lock()
 * counts current->rcu_read_lock_nesting, preempt_count is unchanged) with
 * CONFIG_PROVE_RCU (the lockdep-RCU checks, report class
 * "suspicious_rcu") and CONFIG_DEBUG_ATOMIC_SLEEP.
 *
 *  - rcu_read_lock()/rcu_read_unlock() (+ _bh, _sched, _notrace): real
 *    readers.  synchronize_rcu() waits for every reader, of any flavour,
 *    that began before it, on every simulated CPU and in every host
 *    thread; call_rcu()/kfree_rcu() callbacks run after a grace period in
 *    softirq context (RCU_SOFTIRQ) on the CPU that queued them;
 *    rcu_barrier() waits for every callback queued before it.
 *  - rcu_assign_pointer() is a release store, rcu_dereference*() an
 *    acquire load (free on x86): TSan sees a correct publication as
 *    ordered and a plain store as the race it is.  Under valgrind both
 *    also tell helgrind about the ordering.
 *  - Checks, in the kernel's words, at the caller's file:line:
 *    rcu_dereference*() outside its reader, rcu_dereference_protected()
 *    with a false condition, synchronize_rcu() inside a reader (the
 *    "WARNING: suspicious RCU usage" block, once per call site); an
 *    unbalanced rcu_read_unlock() (WARN_ON_ONCE); might_sleep() inside a
 *    reader ("RCU nest depth: 1, expected: 0"); blocking inside one
 *    ("Voluntary context switch within RCU read-side critical section!");
 *    a reader still open when a test ends (ledger).
 *
 * kshim deviation: only the RCU read-side primitives are readers;
 * code that merely runs with preemption or interrupts disabled (which
 * 6.1's consolidated RCU also waits for) does not hold up a grace period.
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <asm/processor.h>
#include <linux/cpumask.h>
#include <linux/bug.h>
#include <kshim/site.h>

#define ULONG_CMP_GE(a, b)	(ULONG_MAX / 2 >= (a) - (b))
#define ULONG_CMP_LT(a, b)	(ULONG_MAX / 2 < (a) - (b))
#define ulong2long(a)		(*(long *)(&(a)))
#define USHORT_CMP_GE(a, b)	(USHRT_MAX / 2 >= (unsigned short)((a) - (b)))
#define USHORT_CMP_LT(a, b)	(USHRT_MAX / 2 < (unsigned short)((a) - (b)))

/* ---- grace periods and callbacks (kernel/rcu/tree.c) ---- */

void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
void rcu_barrier(void);
void __kshim_call_rcu(struct rcu_head *head, rcu_callback_t func,
		      const struct kshim_site *site);
void __kshim_synchronize_rcu(const struct kshim_site *site);
void __kshim_synchronize_rcu_expedited(const struct kshim_site *site);
void __kshim_rcu_barrier(const struct kshim_site *site);

#define call_rcu(head, func)	__kshim_call_rcu(head, func, __KSHIM_CALLSITE)
#define synchronize_rcu()	__kshim_synchronize_rcu(__KSHIM_CALLSITE)
#define rcu_barrier()		__kshim_rcu_barrier(__KSHIM_CALLSITE)

/* 6.1 has no separate flavours any more: TASKS RCU maps onto RCU. */
#define call_rcu_tasks		call_rcu
#define synchronize_rcu_tasks	synchronize_rcu
#define rcu_barrier_tasks	rcu_barrier
#define rcu_note_voluntary_context_switch(t)	do { } while (0)
#define cond_resched_tasks_rcu_qs()	cond_resched()

/* ---- read side (kernel/rcu/tree_plugin.h, PREEMPT_RCU) ---- */

/* The lockdep maps of the three reader flavours (kshim: numbers). */
enum kshim_rcu_map {
	KSHIM_RCU_MAP_RCU,		/* rcu_lock_map, "rcu_read_lock" */
	KSHIM_RCU_MAP_BH,		/* rcu_bh_lock_map */
	KSHIM_RCU_MAP_SCHED,		/* rcu_sched_lock_map */
};

void __kshim_rcu_lock_acquire(enum kshim_rcu_map map,
			      const struct kshim_site *site);
void __kshim_rcu_lock_release(enum kshim_rcu_map map,
			      const struct kshim_site *site);

#define rcu_preempt_depth()	READ_ONCE(current->rcu_read_lock_nesting)
#define rcu_read_unlock_strict() do { } while (0)

#define RCU_SCHEDULER_INACTIVE	0
#define RCU_SCHEDULER_INIT	1
#define RCU_SCHEDULER_RUNNING	2
extern int rcu_scheduler_active;

static inline bool rcu_is_watching(void)
{
	return true;
}

static inline bool rcu_lockdep_current_cpu_online(void)
{
	return true;
}

/* CONFIG_DEBUG_OBJECTS_RCU_HEAD is off: nothing to track. */
static inline void init_rcu_head(struct rcu_head *head) { }
static inline void destroy_rcu_head(struct rcu_head *head) { }
static inline void init_rcu_head_on_stack(struct rcu_head *head) { }
static inline void destroy_rcu_head_on_stack(struct rcu_head *head) { }

/* ---- lockdep-RCU (kernel/rcu/update.c, kernel/locking/lockdep.c) ---- */

int debug_lockdep_rcu_enabled(void);
int rcu_read_lock_held(void);
int rcu_read_lock_bh_held(void);
int rcu_read_lock_sched_held(void);
int rcu_read_lock_any_held(void);
void lockdep_rcu_suspicious(const char *file, const int line, const char *s);

/*
 * Once per call site, as the kernel's static __warned; kshim boots a
 * machine per test, so "once" starts again in each test (a generation
 * number instead of a bool, exchanged atomically: several CPUs may race).
 */
extern unsigned int __kshim_rcu_boot_gen;
#define __kshim_rcu_once(flag)						\
	(__atomic_exchange_n(&(flag),					\
			     __atomic_load_n(&__kshim_rcu_boot_gen,	\
					     __ATOMIC_RELAXED),		\
			     __ATOMIC_RELAXED) !=			\
	 __atomic_load_n(&__kshim_rcu_boot_gen, __ATOMIC_RELAXED))

#define RCU_LOCKDEP_WARN(c, s)						\
	do {								\
		static unsigned int __warned;				\
		if (debug_lockdep_rcu_enabled() && (c) &&		\
		    debug_lockdep_rcu_enabled() &&			\
		    __kshim_rcu_once(__warned))				\
			lockdep_rcu_suspicious(__FILE__, __LINE__, s);	\
	} while (0)

/* PREEMPT_RCU: the plain flavour may be preempted; bh and sched not. */
static inline void rcu_preempt_sleep_check(void) { }

#define rcu_sleep_check()						\
	do {								\
		rcu_preempt_sleep_check();				\
		RCU_LOCKDEP_WARN(current->kshim_rcu_bh_nesting > 0,	\
				 "Illegal context switch in RCU-bh read-side critical section"); \
		RCU_LOCKDEP_WARN(current->kshim_rcu_sched_nesting > 0,	\
				 "Illegal context switch in RCU-sched read-side critical section"); \
	} while (0)

/* ---- pointers (release/acquire; helgrind hears about it too) ---- */

/*
 * Non-zero under valgrind: rcu_assign_pointer()/rcu_dereference() then
 * tell helgrind, which does not understand atomics, what they order.
 */
extern int __kshim_rcu_annotate;
void __kshim_rcu_publish(const volatile void *slot);
void __kshim_rcu_consume(const volatile void *slot);

#define __kshim_rcu_published(slot)					\
	do {								\
		if (unlikely(__kshim_rcu_annotate))			\
			__kshim_rcu_publish(slot);			\
	} while (0)
#define __kshim_rcu_consumed(slot)					\
	do {								\
		if (unlikely(__kshim_rcu_annotate))			\
			__kshim_rcu_consume(slot);			\
	} while (0)

#define rcu_check_sparse(p, space)

#define __unrcu_pointer(p, local)					\
({									\
	typeof(*p) *local = (typeof(*p) *__force)(p);			\
	((typeof(*p) __force __kernel *)(local));			\
})
#define unrcu_pointer(p) __unrcu_pointer(p, __UNIQUE_ID(rcu))

#define __rcu_access_pointer(p, local, space)				\
({									\
	typeof(*p) *local = (typeof(*p) *__force)READ_ONCE(p);		\
	((typeof(*p) __force __kernel *)(local));			\
})

/* An acquire load: what 6.1 gets from address dependencies. */
#define __kshim_rcu_load(p, local)					\
({									\
	typeof(p) local = __atomic_load_n(&(p), __ATOMIC_ACQUIRE);	\
	__kshim_rcu_consumed(&(p));					\
	local;								\
})

#define __rcu_dereference_check(p, local, c, space)			\
({									\
	typeof(*p) *local = (typeof(*p) *__force)			\
		__kshim_rcu_load(p, __UNIQUE_ID(rcu_l));		\
	RCU_LOCKDEP_WARN(!(c), "suspicious rcu_dereference_check() usage"); \
	((typeof(*p) __force __kernel *)(local));			\
})
#define __rcu_dereference_protected(p, local, c, space)			\
({									\
	RCU_LOCKDEP_WARN(!(c), "suspicious rcu_dereference_protected() usage"); \
	((typeof(*p) __force __kernel *)(p));				\
})
#define __rcu_dereference_raw(p, local)					\
({									\
	typeof(p) local = __kshim_rcu_load(p, __UNIQUE_ID(rcu_l));	\
	((typeof(*p) __force __kernel *)(local));			\
})
#define rcu_dereference_raw(p) __rcu_dereference_raw(p, __UNIQUE_ID(rcu))

#define RCU_INITIALIZER(v) (typeof(*(v)) __force __rcu *)(v)

#define rcu_assign_pointer(p, v)					\
do {									\
	uintptr_t _r_a_p__v = (uintptr_t)(v);				\
									\
	__kshim_rcu_published(&(p));					\
	if (__builtin_constant_p(v) && (_r_a_p__v) == (uintptr_t)NULL)	\
		WRITE_ONCE((p), (typeof(p))(_r_a_p__v));		\
	else								\
		__atomic_store_n(&(p), (typeof(p))(_r_a_p__v),		\
				 __ATOMIC_RELEASE);			\
} while (0)

#define rcu_replace_pointer(rcu_ptr, ptr, c)				\
({									\
	typeof(ptr) __tmp = rcu_dereference_protected((rcu_ptr), (c));	\
	rcu_assign_pointer((rcu_ptr), (ptr));				\
	__tmp;								\
})

#define rcu_access_pointer(p) __rcu_access_pointer((p), __UNIQUE_ID(rcu), __rcu)

#define rcu_dereference_check(p, c)					\
	__rcu_dereference_check((p), __UNIQUE_ID(rcu),			\
				(c) || rcu_read_lock_held(), __rcu)
#define rcu_dereference_bh_check(p, c)					\
	__rcu_dereference_check((p), __UNIQUE_ID(rcu),			\
				(c) || rcu_read_lock_bh_held(), __rcu)
#define rcu_dereference_sched_check(p, c)				\
	__rcu_dereference_check((p), __UNIQUE_ID(rcu),			\
				(c) || rcu_read_lock_sched_held(), __rcu)
#define rcu_dereference_raw_check(p)					\
	__rcu_dereference_check((p), __UNIQUE_ID(rcu), 1, __rcu)
#define rcu_dereference_protected(p, c)					\
	__rcu_dereference_protected((p), __UNIQUE_ID(rcu), (c), __rcu)

#define rcu_dereference(p) rcu_dereference_check(p, 0)
#define rcu_dereference_bh(p) rcu_dereference_bh_check(p, 0)
#define rcu_dereference_sched(p) rcu_dereference_sched_check(p, 0)

#define rcu_pointer_handoff(p) (p)

#define RCU_INIT_POINTER(p, v)						\
	do {								\
		__kshim_rcu_published(&(p));				\
		WRITE_ONCE(p, RCU_INITIALIZER(v));			\
	} while (0)

#define RCU_POINTER_INITIALIZER(p, v)					\
		.p = RCU_INITIALIZER(v)

/* ---- the reader flavours ---- */

#define rcu_read_lock()							\
	__kshim_rcu_lock_acquire(KSHIM_RCU_MAP_RCU, __KSHIM_CALLSITE)
#define rcu_read_unlock()						\
	__kshim_rcu_lock_release(KSHIM_RCU_MAP_RCU, __KSHIM_CALLSITE)

#define rcu_read_lock_bh()						\
	do {								\
		local_bh_disable();					\
		__kshim_rcu_lock_acquire(KSHIM_RCU_MAP_BH,		\
					 __KSHIM_CALLSITE);		\
	} while (0)
#define rcu_read_unlock_bh()						\
	do {								\
		__kshim_rcu_lock_release(KSHIM_RCU_MAP_BH,		\
					 __KSHIM_CALLSITE);		\
		local_bh_enable();					\
	} while (0)

#define rcu_read_lock_sched()						\
	do {								\
		preempt_disable();					\
		__kshim_rcu_lock_acquire(KSHIM_RCU_MAP_SCHED,		\
					 __KSHIM_CALLSITE);		\
	} while (0)
#define rcu_read_unlock_sched()						\
	do {								\
		__kshim_rcu_lock_release(KSHIM_RCU_MAP_SCHED,		\
					 __KSHIM_CALLSITE);		\
		preempt_enable();					\
	} while (0)
#define rcu_read_lock_sched_notrace()	rcu_read_lock_sched()
#define rcu_read_unlock_sched_notrace()	rcu_read_unlock_sched()

/* ---- kfree_rcu() / kvfree_rcu() (1 or 2 arguments, as 6.1) ---- */

#define __is_kvfree_rcu_offset(offset) ((offset) < 4096)

void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);
void __kshim_kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func,
			     const struct kshim_site *site);

#define kfree_rcu(ptr, rhf...) kvfree_rcu(ptr, ## rhf)
#define kvfree_rcu(...) KVFREE_GET_MACRO(__VA_ARGS__,			\
	kvfree_rcu_arg_2, kvfree_rcu_arg_1)(__VA_ARGS__)
#define kvfree_rcu_mightsleep(ptr) kvfree_rcu_arg_1(ptr)
#define kfree_rcu_mightsleep(ptr) kvfree_rcu_mightsleep(ptr)

#define KVFREE_GET_MACRO(_1, _2, NAME, ...) NAME
#define kvfree_rcu_arg_2(ptr, rhf)					\
do {									\
	typeof(ptr) ___p = (ptr);					\
									\
	if (___p) {							\
		BUILD_BUG_ON(!__is_kvfree_rcu_offset(offsetof(typeof(*(ptr)), rhf))); \
		__kshim_kvfree_call_rcu(&((___p)->rhf),			\
			(rcu_callback_t)(unsigned long)			\
			(offsetof(typeof(*(ptr)), rhf)),		\
			__KSHIM_CALLSITE);				\
	}								\
} while (0)
#define kvfree_rcu_arg_1(ptr)						\
do {									\
	typeof(ptr) ___p = (ptr);					\
									\
	if (___p)							\
		__kshim_kvfree_call_rcu(NULL, (rcu_callback_t)(___p),	\
					__KSHIM_CALLSITE);		\
} while (0)

#define smp_mb__after_unlock_lock()	do { } while (0)

/* ---- has this rcu_head been handed to call_rcu()? ---- */

static inline void rcu_head_init(struct rcu_head *rhp)
{
	rhp->func = (rcu_callback_t)~0L;
}

static inline bool
rcu_head_after_call_rcu(struct rcu_head *rhp, rcu_callback_t f)
{
	rcu_callback_t func = READ_ONCE(rhp->func);

	if (func == f)
		return true;
	WARN_ON_ONCE(func != (rcu_callback_t)~0L);
	return false;
}

extern int rcu_expedited;
extern int rcu_normal;

/* What the kernel's linux/rcupdate.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/llist.h>
#include <linux/lockdep.h>
#include <linux/rcutree.h>
#include <linux/smp.h>
#include <linux/time64.h>

#endif /* __LINUX_RCUPDATE_H */
