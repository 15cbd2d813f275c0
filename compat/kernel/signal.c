// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/signal.c - signals sent by the test.
 *
 * Plays the part of kernel/signal.c that drivers observe: a sent signal
 * sets it in the task's pending set and TIF_SIGPENDING, and
 * signal_wake_up() wakes the task if it sleeps interruptibly (or, for
 * SIGKILL, killably).  kshim_signal_clear() is the delivery on the way back
 * to user space.  Each test starts with current's set empty.
 */
#include <errno.h>

#include <linux/sched/signal.h>
#include <kshim/signal.h>

#include "kshim/internal.h"
#include "lib/fault-inject.h"

/*
 * func=signal: an interruptible or killable wait about to sleep is one a
 * SIGKILL interrupts, as a real kill at that moment would: the wait's own
 * path returns the kernel's error there (-EINTR from mutex_lock_*() and
 * down_*(), -ERESTARTSYS from wait_event_*() and wait_for_completion_*()),
 * and the signal stays pending as it would for a task being killed.
 */
static const int signal_errors[] = { -EINTR, -ERESTARTSYS, 0 };
struct fault_point kshim_fail_signal_point =
	FAULT_POINT_INIT("fail_signal", "signal",
			 "mutex_lock_interruptible mutex_lock_killable down_interruptible down_killable wait_event_interruptible wait_event_killable wait_for_completion_interruptible wait_for_completion_killable lock_page_killable",
			 signal_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_SIGNAL],
			 true, .what = "SIGKILL");

void kshim_signal_fault(unsigned int state, const struct kshim_site *site)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return;
	if (fault_check(&kshim_fail_signal_point, 0, site))
		kshim_signal_send(current, SIGKILL);
}

int kshim_signal_send(struct task_struct *task, int sig)
{
	if (sig < 1 || sig > 64)
		return -EINVAL;
	if (!task)
		task = current;
	__atomic_fetch_or(&task->kshim_sigpending, 1UL << (sig - 1),
			  __ATOMIC_RELEASE);
	__atomic_fetch_or(&task->thread_info.flags, _TIF_SIGPENDING,
			  __ATOMIC_RELEASE);
	wake_up_state(task, sig == SIGKILL ? TASK_INTERRUPTIBLE | TASK_WAKEKILL
					   : TASK_INTERRUPTIBLE);
	return 0;
}

void kshim_signal_clear(struct task_struct *task)
{
	if (!task)
		task = current;
	__atomic_fetch_and(&task->thread_info.flags, ~_TIF_SIGPENDING,
			   __ATOMIC_RELEASE);
	__atomic_store_n(&task->kshim_sigpending, 0, __ATOMIC_RELEASE);
}

void kshim_signal_test_begin(void)
{
	kshim_signal_clear(NULL);
}
