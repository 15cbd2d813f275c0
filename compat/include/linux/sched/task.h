/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched/task.h - task_struct references.
 *
 * Follows include/linux/sched/task.h of 6.1 for what drivers use:
 * get_task_struct() and put_task_struct() on task->usage.  kshim frees
 * no task_struct, but it counts the references of kthreads
 * (compat/kernel/kthread.c): a kthread's task is "freed" once its thread
 * has exited and the last reference is put, and what the kernel then
 * does to a stale pointer happens (refcount_t's "addition on 0;
 * use-after-free." at the caller's line, the oops of kthread_stop() on
 * the kthread data freed with it).  The references of other tasks (the
 * test's, kshim's CPU threads) are not counted: they live for ever.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <kshim/site.h>

struct task_struct *__kshim_get_task_struct(struct task_struct *t,
					    const struct kshim_site *site);
void __kshim_put_task_struct(struct task_struct *t,
			     const struct kshim_site *site);

#define get_task_struct(t)	__kshim_get_task_struct(t, __KSHIM_CALLSITE)
#define put_task_struct(t)	__kshim_put_task_struct(t, __KSHIM_CALLSITE)

/* What the kernel's linux/sched/task.h also makes visible. */
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/timerqueue.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#endif /* _LINUX_SCHED_TASK_H */
