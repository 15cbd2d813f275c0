/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/preempt.h - the raw preempt_count accessors.
 *
 * Follows include/asm-generic/preempt.h of 6.x: the count is in the
 * thread_info; the __preempt_count_* helpers change it without the
 * DEBUG_PREEMPT checks (linux/preempt.h has the checked ones).  kshim
 * never preempts a task, so no reschedule is ever needed.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <linux/compiler.h>
#include <linux/thread_info.h>

/* kshim's CPUs switch tasks only where a task sleeps: nothing to do. */
#define preempt_schedule()		do { } while (0)

#define PREEMPT_ENABLED	(0)
#define PREEMPT_NEED_RESCHED	0x80000000

static __always_inline int preempt_count(void)
{
	return READ_ONCE(current_thread_info()->preempt_count);
}

static __always_inline int *preempt_count_ptr(void)
{
	return &current_thread_info()->preempt_count;
}

static __always_inline void preempt_count_set(int pc)
{
	WRITE_ONCE(*preempt_count_ptr(), pc);
}

static __always_inline void __preempt_count_add(int val)
{
	WRITE_ONCE(*preempt_count_ptr(), preempt_count() + val);
}

static __always_inline void __preempt_count_sub(int val)
{
	WRITE_ONCE(*preempt_count_ptr(), preempt_count() - val);
}

static __always_inline bool __preempt_count_dec_and_test(void)
{
	__preempt_count_sub(1);
	return false;		/* never a reschedule to run */
}

static __always_inline void set_preempt_need_resched(void) { }
static __always_inline void clear_preempt_need_resched(void) { }
static __always_inline bool test_preempt_need_resched(void) { return false; }

/* asm-generic: at @preempt_offset with a reschedule due (never, here). */
static __always_inline bool should_resched(int preempt_offset)
{
	return preempt_count() == preempt_offset &&
	       test_preempt_need_resched();
}

/* What the kernel's asm/preempt.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <linux/irqflags.h>
#include <linux/time64.h>

#endif /* _ASM_PREEMPT_H */
