/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched/signal.h - whether a task has a signal pending.
 *
 * Follows include/linux/sched/signal.h of 6.1 for what drivers use:
 * signal_pending() (TIF_SIGPENDING), fatal_signal_pending() (SIGKILL
 * pending), signal_pending_state() (does a pending signal end a sleep in
 * @state: any for TASK_INTERRUPTIBLE, SIGKILL for TASK_WAKEKILL).  In
 * kshim only the test sends signals (kshim/signal.h: kshim_signal_send(),
 * kshim_signal_clear()); each test starts with none.  The signal numbers
 * come with linux/sched.h (linux/signal_types.h, asm/signal.h).  kshim's
 * waits honour a
 * pending signal as the kernel's do: wait_event_interruptible*() and
 * wait_for_completion_interruptible*() return -ERESTARTSYS,
 * mutex_lock_interruptible() and down_interruptible() -EINTR when they
 * would sleep, schedule() in TASK_INTERRUPTIBLE does not sleep.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <asm/thread_info.h>

static inline int task_sigpending(struct task_struct *p)
{
	return !!(__atomic_load_n(&p->thread_info.flags, __ATOMIC_ACQUIRE) &
		  _TIF_SIGPENDING);
}

static inline int signal_pending(struct task_struct *p)
{
	return task_sigpending(p);
}

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return !!(__atomic_load_n(&p->kshim_sigpending, __ATOMIC_ACQUIRE) &
		  (1UL << (SIGKILL - 1)));
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return task_sigpending(p) && __fatal_signal_pending(p);
}

static inline int signal_pending_state(unsigned int state,
				       struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!task_sigpending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || __fatal_signal_pending(p);
}

/* What the kernel's linux/sched/signal.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/capability.h>
#include <linux/gfp.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/ratelimit.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/task.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#endif /* _LINUX_SCHED_SIGNAL_H */
