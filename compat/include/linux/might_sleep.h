/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/might_sleep.h - might_sleep() and the other no-sleep assertions.
 *
 * kshim's own split of the CONFIG_DEBUG_ATOMIC_SLEEP part of
 * include/linux/kernel.h of 6.8 (the kernel has no header of this name):
 * linux/kernel.h, linux/sched.h and the locking headers include it, so a
 * driver finds might_sleep() wherever the kernel offers it.
 *
 *  - might_sleep() reports, when the task may not sleep (preempt_count not
 *    0, IRQs disabled, or inside non_block_start()), kernel/sched/core.c's
 *    "BUG: sleeping function called from invalid context at <file>:<line>"
 *    with the caller's file:line, the "in_atomic(): ..." and
 *    "preempt_count: ..., expected: ..." lines and a backtrace; at most one
 *    report per second (HZ jiffies); taints W; execution continues.  It
 *    first WARNs once if the task state is not TASK_RUNNING.
 *  - might_sleep_if(cond) checks only when @cond is true.
 *  - cant_sleep() reports "BUG: assuming atomic context at ..." when the
 *    task could sleep.
 *  - might_fault() is might_sleep() unless page faults are disabled.
 *  - non_block_start()/non_block_end() bracket a section that must not
 *    sleep even in process context; an unbalanced end WARNs.
 * Report class: "might_sleep" (cant_sleep: "cant_sleep").
 */
#ifndef _LINUX_MIGHT_SLEEP_H
#define _LINUX_MIGHT_SLEEP_H

#include <linux/compiler.h>
#include <asm/bug.h>

void __might_resched(const char *file, int line, unsigned int offsets);
void __might_sleep(const char *file, int line);
/* kshim: __might_sleep() naming the caller's function in its report. */
void __kshim_might_sleep(const char *file, int line, const char *func);
void __cant_sleep(const char *file, int line, int preempt_offset);
void __might_fault(const char *file, int line);

#define MIGHT_RESCHED_RCU_SHIFT		8
#define MIGHT_RESCHED_PREEMPT_MASK	((1U << MIGHT_RESCHED_RCU_SHIFT) - 1)

/* kshim never preempts a task: there is nothing for might_resched() to do. */
#define might_resched()		do { } while (0)

#define might_sleep()							\
	do {								\
		__kshim_might_sleep(__FILE__, __LINE__, __func__);	\
		might_resched();					\
	} while (0)
#define cant_sleep()							\
	do { __cant_sleep(__FILE__, __LINE__, 0); } while (0)
#define sched_annotate_sleep()	(current->task_state_change = 0)

#define non_block_start()	(current->non_block_count++)
#define non_block_end()		WARN_ON(current->non_block_count-- == 0)

#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)

#define might_fault()		__might_fault(__FILE__, __LINE__)

#endif /* _LINUX_MIGHT_SLEEP_H */
