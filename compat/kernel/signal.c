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
