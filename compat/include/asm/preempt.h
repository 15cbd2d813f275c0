/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/preempt.h - the raw preempt_count accessors.
 *
 * Follows include/asm-generic/preempt.h of 6.x: the count is in the
 * thread_info; the __preempt_count_* helpers change it without the
 * DEBUG_PREEMPT checks (linux/preempt.h has the checked ones).  kshim
 * never preempts a task, so no reschedule is ever needed.
 *
 * The count is kept in 6.x's layout.  A driver built for 2.6.28 - 2.6.36
 * (LINUX_VERSION_CODE) reads it in 2.6.35's (include/linux/hardirq.h of
 * 2.6.35, linux/preempt.h here): local_bh_disable() and serving a softirq
 * both count 0x100 (there is no SOFTIRQ_DISABLE_OFFSET before 2.6.37),
 * hardirqs 0x10000 in 10 bits, NMI bit 26 (nmi_enter(): 0x4010000).
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <linux/compiler.h>
#include <linux/thread_info.h>
#include <linux/version.h>

/* kshim's CPUs switch tasks only where a task sleeps: nothing to do. */
#define preempt_schedule()		do { } while (0)

#define PREEMPT_ENABLED	(0)
#define PREEMPT_NEED_RESCHED	0x80000000

static __always_inline int __kshim_raw_preempt_count(void)
{
	return READ_ONCE(current_thread_info()->preempt_count);
}

/* kshim's (6.x) count as 2.6.35 lays it out; see the top comment. */
static __always_inline int __kshim_preempt_count_2_6(int pc)
{
	unsigned int raw = pc, softirq = (raw >> 8) & 0xff;
	unsigned int v = raw & 0xff;

	v += ((softirq & 1) + (softirq >> 1)) << 8;
	v += ((raw >> 16) & 0xf) << 16;
	if (raw & 0x00f00000)
		v |= 0x04000000;
	return v;
}

static __always_inline int preempt_count(void)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
	return __kshim_preempt_count_2_6(__kshim_raw_preempt_count());
#else
	return __kshim_raw_preempt_count();
#endif
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
	WRITE_ONCE(*preempt_count_ptr(), __kshim_raw_preempt_count() + val);
}

static __always_inline void __preempt_count_sub(int val)
{
	WRITE_ONCE(*preempt_count_ptr(), __kshim_raw_preempt_count() - val);
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
