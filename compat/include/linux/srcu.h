/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/srcu.h - Sleepable RCU.
 *
 * Follows include/linux/srcu.h + srcutree.h of 6.1 for the basics:
 * DEFINE_SRCU()/DEFINE_STATIC_SRCU(), init_srcu_struct(),
 * cleanup_srcu_struct(), srcu_read_lock()/srcu_read_unlock() (the reader
 * may sleep), srcu_dereference*(), synchronize_srcu() (+ _expedited),
 * call_srcu(), srcu_barrier().  kshim's implementation is the classic
 * two-counter SRCU: a reader counts itself in the current index, a grace
 * period waits for the other index to drain, flips, and waits for the
 * old one.  Callbacks run after an SRCU grace period from the RCU
 * callback softirq (6.1 runs them from a workqueue).  srcu_read_lock_held()
 * is true while the task is inside any SRCU reader (6.1: that
 * srcu_struct's lockdep map).
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/mutex.h>
#include <linux/rcupdate.h>

struct srcu_struct {
	unsigned long srcu_idx;		/* current index: srcu_idx & 1 */
	unsigned long lock_count[2];	/* srcu_read_lock()s per index */
	unsigned long unlock_count[2];	/* srcu_read_unlock()s per index */
	long cbs_queued;		/* call_srcu() not yet handed on */
	int initialized;
};

#define __SRCU_STRUCT_INIT(name, pcpu_name)				\
	{ .initialized = 1 }
#define DEFINE_SRCU(name)						\
	struct srcu_struct name = __SRCU_STRUCT_INIT(name, name##_srcu_data)
#define DEFINE_STATIC_SRCU(name)					\
	static struct srcu_struct name = __SRCU_STRUCT_INIT(name, name##_srcu_data)

int init_srcu_struct(struct srcu_struct *ssp);
/* Its per-CPU data can fail to allocate (-ENOMEM): the caller's line. */
int __kshim_init_srcu_struct(struct srcu_struct *ssp,
			     const struct kshim_site *site);
#define init_srcu_struct(ssp)	__kshim_init_srcu_struct(ssp, __KSHIM_CALLSITE)
void cleanup_srcu_struct(struct srcu_struct *ssp);
int __srcu_read_lock(struct srcu_struct *ssp);
void __srcu_read_unlock(struct srcu_struct *ssp, int idx);
void call_srcu(struct srcu_struct *ssp, struct rcu_head *head,
	       void (*func)(struct rcu_head *head));
void synchronize_srcu(struct srcu_struct *ssp);
void __kshim_synchronize_srcu(struct srcu_struct *ssp,
			      const struct kshim_site *site);
#define synchronize_srcu(ssp)	__kshim_synchronize_srcu(ssp, __KSHIM_CALLSITE)
#define synchronize_srcu_expedited(ssp)	synchronize_srcu(ssp)
void srcu_barrier(struct srcu_struct *ssp);
unsigned long get_state_synchronize_srcu(struct srcu_struct *ssp);
unsigned long start_poll_synchronize_srcu(struct srcu_struct *ssp);
bool poll_state_synchronize_srcu(struct srcu_struct *ssp, unsigned long cookie);

int srcu_read_lock_held(const struct srcu_struct *ssp);

#define srcu_dereference_check(p, ssp, c)				\
	__rcu_dereference_check((p), __UNIQUE_ID(rcu),			\
				(c) || srcu_read_lock_held(ssp), __rcu)
#define srcu_dereference(p, ssp) srcu_dereference_check((p), (ssp), 0)
#define srcu_dereference_notrace(p, ssp) srcu_dereference_check((p), (ssp), 1)

static inline int srcu_read_lock(struct srcu_struct *ssp)
{
	return __srcu_read_lock(ssp);
}

static inline int srcu_read_lock_nmisafe(struct srcu_struct *ssp)
{
	return __srcu_read_lock(ssp);
}

static inline int srcu_read_lock_notrace(struct srcu_struct *ssp)
{
	return __srcu_read_lock(ssp);
}

static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	WARN_ON_ONCE(idx & ~0x1);
	__srcu_read_unlock(ssp, idx);
}

static inline void srcu_read_unlock_nmisafe(struct srcu_struct *ssp, int idx)
{
	srcu_read_unlock(ssp, idx);
}

static inline void srcu_read_unlock_notrace(struct srcu_struct *ssp, int idx)
{
	__srcu_read_unlock(ssp, idx);
}

static inline void smp_mb__after_srcu_read_unlock(void)
{
}

/* What the kernel's linux/srcu.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_SRCU_H */
