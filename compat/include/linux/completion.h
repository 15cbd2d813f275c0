/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/completion.h - waiting for an event to happen.
 *
 * Follows include/linux/completion.h and kernel/sched/completion.c of 6.8:
 *  - complete() lets one waiter through (or the next wait), complete_all()
 *    every waiter, present and future, until reinit_completion();
 *    complete*() may be called from any context;
 *  - wait_for_completion*() are might_sleep() points (reported at the
 *    caller's file:line) and sleep, really blocking, until done; the
 *    _timeout forms return 0 on timeout, else the jiffies left (at least
 *    1); the _interruptible/_killable forms return -ERESTARTSYS when a
 *    signal (a fatal one for _killable) is pending as they would sleep
 *    (linux/sched/signal.h);
 *  - try_wait_for_completion() takes one without sleeping (true) or
 *    returns false; completion_done() tells whether a wait would not sleep.
 */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/limits.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <asm/current.h>

struct completion {
	unsigned int done;		/* under host */
	struct kshim_host_lock host;
};

#define COMPLETION_INITIALIZER(work)		{ .done = 0 }
#define COMPLETION_INITIALIZER_ONSTACK(work)	COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION(work)					\
	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work)	DECLARE_COMPLETION(work)
#define DECLARE_COMPLETION_ONSTACK_MAP(work, map) DECLARE_COMPLETION(work)

void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void complete_on_current_cpu(struct completion *x);
void complete_all(struct completion *x);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

long __kshim_wait_for_completion(struct completion *x, unsigned int state,
				 long timeout, const struct kshim_site *site);

#define __kshim_wfc(x, state, timeout)					\
	__kshim_wait_for_completion(x, state, (long)(timeout), __KSHIM_CALLSITE)

#define wait_for_completion(x)						\
	((void)__kshim_wfc(x, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT))
#define wait_for_completion_io(x)	wait_for_completion(x)
/* 0, or -ERESTARTSYS when a signal ended the wait. */
#define wait_for_completion_state(x, state)				\
({									\
	long __kshim_wfc_ret = __kshim_wfc(x, state, MAX_SCHEDULE_TIMEOUT); \
	__kshim_wfc_ret < 0 ? (int)__kshim_wfc_ret : 0;			\
})
#define wait_for_completion_interruptible(x)				\
	wait_for_completion_state(x, TASK_INTERRUPTIBLE)
#define wait_for_completion_killable(x)					\
	wait_for_completion_state(x, TASK_KILLABLE)
#define wait_for_completion_timeout(x, timeout)				\
	((unsigned long)__kshim_wfc(x, TASK_UNINTERRUPTIBLE, timeout))
#define wait_for_completion_io_timeout(x, timeout)			\
	wait_for_completion_timeout(x, timeout)
#define wait_for_completion_interruptible_timeout(x, timeout)		\
	__kshim_wfc(x, TASK_INTERRUPTIBLE, timeout)
#define wait_for_completion_killable_timeout(x, timeout)		\
	__kshim_wfc(x, TASK_KILLABLE, timeout)

/* What the kernel's linux/completion.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/rcupdate.h>
#include <linux/time64.h>
#include <linux/wait.h>

#endif /* __LINUX_COMPLETION_H */
