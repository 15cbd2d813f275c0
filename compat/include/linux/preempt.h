/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/preempt.h - preempt_count, the context predicates and
 * preempt_disable()/preempt_enable().
 *
 * Follows include/linux/preempt.h of 6.8 (non-RT, CONFIG_PREEMPT_COUNT,
 * CONFIG_DEBUG_PREEMPT):
 *
 *   PREEMPT_MASK 0x000000ff  SOFTIRQ_MASK 0x0000ff00
 *   HARDIRQ_MASK 0x000f0000  NMI_MASK     0x00f00000
 *
 * preempt_disable() adds 1, local_bh_disable() SOFTIRQ_DISABLE_OFFSET
 * (0x200), serving a softirq SOFTIRQ_OFFSET (0x100), a hardirq 0x10000, an
 * NMI 0x100000 + 0x10000.  preempt_count_add()/preempt_count_sub() carry
 * the DEBUG_PREEMPT checks of kernel/sched/core.c: an underflow, or a
 * count about to overflow its 8 bits, is a
 * "WARNING ... DEBUG_LOCKS_WARN_ON(val > preempt_count())" (and friends),
 * reported at the caller's file:line, and the change is not made.
 *
 * A driver built for 2.6.28 - 2.6.36 sees 2.6.35's layout instead
 * (asm/preempt.h): HARDIRQ_MASK 0x03ff0000, NMI_MASK 0x04000000,
 * PREEMPT_ACTIVE 0x10000000, local_bh_disable() counted as 0x100, and no
 * SOFTIRQ_DISABLE_OFFSET, in_serving_softirq() or in_task() (2.6.37).
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/preempt.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
/*
 * 2.6.35 (include/linux/hardirq.h): 10 hardirq bits, one NMI bit, x86's
 * PREEMPT_ACTIVE; preempt_count() reads kshim's count in this layout.
 */
#define MAX_HARDIRQ_BITS 10
#define HARDIRQ_BITS	MAX_HARDIRQ_BITS
#define NMI_BITS	1
#define PREEMPT_ACTIVE	0x10000000
#else
#define HARDIRQ_BITS	4
#define NMI_BITS	4
#endif

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1UL << (x)) - 1)

#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1UL << NMI_SHIFT)

/* kshim's count: local_bh_disable() adds this (6.x's value) to it. */
#define __KSHIM_SOFTIRQ_DISABLE_OFFSET	0x200

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)
#endif

#define INIT_PREEMPT_COUNT	PREEMPT_OFFSET

#define PREEMPT_DISABLE_OFFSET	PREEMPT_OFFSET
#define PREEMPT_DISABLED	(PREEMPT_DISABLE_OFFSET + PREEMPT_ENABLED)
#define PREEMPT_LOCK_OFFSET	PREEMPT_DISABLE_OFFSET
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
#define SOFTIRQ_LOCK_OFFSET	(SOFTIRQ_DISABLE_OFFSET + PREEMPT_LOCK_OFFSET)
#endif

#define nmi_count()	(preempt_count() & NMI_MASK)
#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))

/*
 * in_nmi()		- We're in NMI context
 * in_hardirq()		- We're in hard IRQ context
 * in_serving_softirq()	- We're in softirq context
 * in_task()		- We're in task context
 * in_irq(), in_softirq(), in_interrupt() - the deprecated forms: they are
 * true with BH disabled too.
 */
#define in_nmi()		(nmi_count())
#define in_hardirq()		(hardirq_count())
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_task()		(!(in_nmi() | in_hardirq() | in_serving_softirq()))
#endif

#define in_irq()		(hardirq_count())
#define in_softirq()		(softirq_count())
#define in_interrupt()		(irq_count())

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
/* 0 task, 1 softirq, 2 hardirq, 3 NMI. */
static __always_inline unsigned char interrupt_context_level(void)
{
	unsigned long pc = preempt_count();
	unsigned char level = 0;

	level += !!(pc & (NMI_MASK));
	level += !!(pc & (NMI_MASK | HARDIRQ_MASK));
	level += !!(pc & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET));
	return level;
}
#endif

/*
 * Are we running in atomic context?  WARNING: this macro cannot always
 * detect atomic context; do not use in_atomic() in driver code.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
#define in_atomic()	((preempt_count() & ~PREEMPT_ACTIVE) != 0)
#else
#define in_atomic()	(preempt_count() != 0)
#endif

/* Check whether we were atomic before we did preempt_disable(). */
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)

/* The DEBUG_PREEMPT forms (kernel/sched/core.c); see the top comment. */
void __kshim_preempt_count_add(int val, const struct kshim_site *site);
void __kshim_preempt_count_sub(int val, const struct kshim_site *site);
#define preempt_count_add(val)	__kshim_preempt_count_add(val, __KSHIM_CALLSITE)
#define preempt_count_sub(val)	__kshim_preempt_count_sub(val, __KSHIM_CALLSITE)
#define preempt_count_dec_and_test()					\
	({ preempt_count_sub(1); should_resched(0); })

#define __preempt_count_inc()	__preempt_count_add(1)
#define __preempt_count_dec()	__preempt_count_sub(1)
#define preempt_count_inc()	preempt_count_add(1)
#define preempt_count_dec()	preempt_count_sub(1)

#define preempt_disable()						\
do {									\
	preempt_count_inc();						\
	barrier();							\
} while (0)

#define sched_preempt_enable_no_resched()				\
do {									\
	barrier();							\
	preempt_count_dec();						\
} while (0)

#define preempt_enable_no_resched()	sched_preempt_enable_no_resched()
#define preempt_enable_no_resched_notrace()				\
do {									\
	barrier();							\
	__preempt_count_dec();						\
} while (0)

/* kshim never preempts: there is never a reschedule to run here. */
#define preempt_enable()						\
do {									\
	barrier();							\
	preempt_count_dec();						\
} while (0)

#define preempt_enable_notrace()	preempt_enable_no_resched_notrace()
#define preempt_disable_notrace()					\
do {									\
	__preempt_count_inc();						\
	barrier();							\
} while (0)

#define preempt_check_resched()		do { } while (0)

/* Needs irqs_disabled(): macros, so the order of inclusion does not matter. */
#define preemptible()	(preempt_count() == 0 && !irqs_disabled())

#include <linux/irqflags.h>

/* What the kernel's linux/preempt.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/list.h>
#include <linux/time64.h>

#endif /* _LINUX_PREEMPT_H */
