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
 * Wait queue entries (add_wait_queue(), prepare_to_wait(), poll_wait()'s)
 * are the kernel's: __wake_up() calls each entry's ->func with @mode and
 * @key under the queue's lock, in list order, and stops after @nr
 * WQ_FLAG_EXCLUSIVE entries that woke (compat/kernel/sched/wait_entry.c).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/limits.h>
#include <linux/might_sleep.h>
#include <asm/current.h>

typedef struct wait_queue_entry wait_queue_entry_t;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned mode, int flags, void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			  int flags, void *key);

/* wait_queue_entry::flags */
#define WQ_FLAG_EXCLUSIVE	0x01
#define WQ_FLAG_WOKEN		0x02
#define WQ_FLAG_BOOKMARK	0x04
#define WQ_FLAG_CUSTOM		0x08
#define WQ_FLAG_DONE		0x10
#define WQ_FLAG_PRIORITY	0x20

struct wait_queue_entry {
	unsigned int		flags;
	void			*private;
	wait_queue_func_t	func;
	struct list_head	entry;
};

struct wait_queue_head {
	struct kshim_host_lock host;	/* the kernel's ->lock */
	struct list_head head;		/* entries, under host */
	unsigned long kshim_seq;	/* wake-ups so far, under host */
	unsigned int kshim_sleepers;	/* under host */
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAITQUEUE_INITIALIZER(name, tsk) {				\
	.private	= tsk,						\
	.func		= default_wake_function,			\
	.entry		= { NULL, NULL } }

#define DECLARE_WAITQUEUE(name, tsk)					\
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)				\
	{ .head = LIST_HEAD_INIT(name.head), .kshim_seq = 0 }
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

#define poll_to_key(m) ((void *)(__force uintptr_t)(__poll_t)(m))
#define key_to_poll(m) ((__force __poll_t)(uintptr_t)(void *)(m))
#define wake_up_poll(x, m)						\
	__wake_up(x, TASK_NORMAL, 1, poll_to_key(m))
#define wake_up_interruptible_poll(x, m)				\
	__wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))
#define wake_up_interruptible_sync_poll(x, m)				\
	__wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))

/* Entries (compat/kernel/sched/wait_entry.c, kernel/sched/wait.c). */
static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline void
init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
			  wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned mode, int sync, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private	= current,				\
		.func		= function,				\
		.entry		= LIST_HEAD_INIT((name).entry),		\
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

#define init_wait(wait)							\
	do {								\
		(wait)->private = current;				\
		(wait)->func = autoremove_wake_function;		\
		INIT_LIST_HEAD(&(wait)->entry);				\
		(wait)->flags = 0;					\
	} while (0)

/* __wake_up()'s walk over the entries, with wq_head->host held. */
void __kshim_wake_up_entries(struct wait_queue_head *wq_head,
			     unsigned int mode, int nr, void *key);

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
