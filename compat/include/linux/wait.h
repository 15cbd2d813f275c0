/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/wait.h - wait queues, minimal.
 *
 * Follows include/linux/wait.h and kernel/sched/wait.c of 6.8 for the
 * wait_event*() family and wake_up*():
 *  - wait_event*(wq, condition) are might_sleep() points (at the caller's
 *    file:line), return at once when @condition is true, and otherwise
 *    sleep, really blocking, re-checking @condition after every wake_up()
 *    on @wq, until it holds (or the timeout expires);
 *  - the _timeout forms return 0 when @condition is still false after the
 *    timeout, 1 when it became true just as it elapsed, else the jiffies
 *    left; the _interruptible (_killable) forms return -ERESTARTSYS when
 *    @condition is false and a signal (a fatal one) is pending as they
 *    would sleep (linux/sched/signal.h);
 *  - wake_up*() may be called from any context; no wake-up is lost between
 *    a waiter's check of @condition and its sleep.
 * Wait queue entries (prepare_to_wait(), add_wait_queue()) are not
 * emulated yet.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/limits.h>
#include <linux/might_sleep.h>
#include <asm/current.h>

struct wait_queue_head {
	struct kshim_host_lock host;
	unsigned long kshim_seq;	/* wake-ups so far, under host */
	unsigned int kshim_sleepers;	/* under host */
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)	{ .kshim_seq = 0 }
#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name)	DECLARE_WAIT_QUEUE_HEAD(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);
#define init_waitqueue_head(wq_head)					\
	__init_waitqueue_head((wq_head), #wq_head, NULL)

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key);
int waitqueue_active(struct wait_queue_head *wq_head);
#define wq_has_sleeper(wq_head)		waitqueue_active(wq_head)

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr)	__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_sync(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)

/* The wake-up count before checking the condition, then sleep. */
unsigned long __kshim_wait_prepare(struct wait_queue_head *wq_head);
long __kshim_wait_sleep(struct wait_queue_head *wq_head, unsigned long seq,
			long timeout, unsigned int state,
			const struct kshim_site *site);

#define ___wait_cond_timeout(condition)					\
({									\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

#define __kshim_wait_event(wq_head, condition, state, timeout)		\
({									\
	long __ret = (timeout);						\
	const struct kshim_site *__kshim_ws = __KSHIM_CALLSITE;		\
									\
	for (;;) {							\
		unsigned long __kshim_seq =				\
			__kshim_wait_prepare(&(wq_head));		\
									\
		if (___wait_cond_timeout(condition))			\
			break;						\
		__ret = __kshim_wait_sleep(&(wq_head), __kshim_seq,	\
					   __ret, state, __kshim_ws);	\
		if (__ret < 0)		/* -ERESTARTSYS */		\
			break;						\
	}								\
	__ret;								\
})

#define wait_event(wq_head, condition)					\
do {									\
	might_sleep();							\
	if (condition)							\
		break;							\
	(void)__kshim_wait_event(wq_head, condition,			\
				 TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT); \
} while (0)

#define wait_event_timeout(wq_head, condition, timeout)			\
({									\
	long __kshim_wret = (timeout);					\
									\
	might_sleep();							\
	if (!(condition) || !__kshim_wret)				\
		__kshim_wret = __kshim_wait_event(wq_head, condition,	\
				TASK_UNINTERRUPTIBLE, __kshim_wret);	\
	__kshim_wret;							\
})

#define wait_event_interruptible(wq_head, condition)			\
({									\
	long __kshim_wret = 0;						\
									\
	might_sleep();							\
	if (!(condition))						\
		__kshim_wret = __kshim_wait_event(wq_head, condition,	\
				TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT); \
	__kshim_wret < 0 ? (int)__kshim_wret : 0;			\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
({									\
	long __kshim_wret = (timeout);					\
									\
	might_sleep();							\
	if (!(condition) || !__kshim_wret)				\
		__kshim_wret = __kshim_wait_event(wq_head, condition,	\
				TASK_INTERRUPTIBLE, __kshim_wret);	\
	__kshim_wret;							\
})

#define wait_event_killable(wq_head, condition)				\
({									\
	long __kshim_wret = 0;						\
									\
	might_sleep();							\
	if (!(condition))						\
		__kshim_wret = __kshim_wait_event(wq_head, condition,	\
				TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);	\
	__kshim_wret < 0 ? (int)__kshim_wret : 0;			\
})

#define wait_event_idle(wq_head, condition)				\
do {									\
	might_sleep();							\
	if (!(condition))						\
		(void)__kshim_wait_event(wq_head, condition, TASK_IDLE,	\
					 MAX_SCHEDULE_TIMEOUT);		\
} while (0)

/* What the kernel's linux/wait.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/time64.h>

/*
 * The TASK_* states the macros above expand to (linux/sched.h, which
 * includes this header: so it comes last).
 */
#include <linux/sched.h>

#endif /* _LINUX_WAIT_H */
