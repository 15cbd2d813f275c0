/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/irqflags.h - turning the CPU's interrupts off and on.
 *
 * Follows include/linux/irqflags.h of 6.8 (CONFIG_DEBUG_IRQFLAGS, no
 * TRACE_IRQFLAGS):
 *  - local_irq_save(flags)/local_irq_restore(flags) nest: restore puts back
 *    the state saved; @flags must be an unsigned long (typecheck(): the
 *    compiler warns "comparison of distinct pointer types" otherwise);
 *  - restoring while interrupts are enabled is a bug in the caller:
 *    WARN_ONCE "raw_local_irq_restore() called with IRQs enabled"
 *    (kernel/locking/irqflag-debug.c), here at the caller's file:line;
 *  - local_irq_disable()/local_irq_enable() do not nest;
 *  - irqs_disabled() tells whether they are off.
 * kshim remembers where the interrupts were turned off, for the ledger.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <asm/current.h>
#include <asm/irqflags.h>

void __kshim_warn_bogus_irq_restore(const struct kshim_site *site);

/* Remember where IRQs went from on to off (for the ledger's report). */
#define __kshim_note_irqs_off(was_disabled)				\
do {									\
	if (!(was_disabled))						\
		current_thread_info()->irq_disable_site = __KSHIM_CALLSITE; \
} while (0)

#define raw_local_irq_disable()		arch_local_irq_disable()
#define raw_local_irq_enable()		arch_local_irq_enable()
#define raw_local_irq_save(flags)					\
do {									\
	typecheck(unsigned long, flags);				\
	flags = arch_local_irq_save();					\
} while (0)
#define raw_local_irq_restore(flags)					\
do {									\
	typecheck(unsigned long, flags);				\
	if (unlikely(!arch_irqs_disabled()))				\
		__kshim_warn_bogus_irq_restore(__KSHIM_CALLSITE);	\
	arch_local_irq_restore(flags);					\
} while (0)
#define raw_local_save_flags(flags)					\
do {									\
	typecheck(unsigned long, flags);				\
	flags = arch_local_save_flags();				\
} while (0)
#define raw_irqs_disabled_flags(flags)					\
({									\
	typecheck(unsigned long, flags);				\
	arch_irqs_disabled_flags(flags);				\
})
#define raw_irqs_disabled()		(arch_irqs_disabled())
#define raw_safe_halt()			do { } while (0)

#define local_irq_enable()		raw_local_irq_enable()
#define local_irq_disable()						\
do {									\
	__kshim_note_irqs_off(raw_irqs_disabled());			\
	raw_local_irq_disable();					\
} while (0)
#define local_irq_save(flags)						\
do {									\
	raw_local_irq_save(flags);					\
	__kshim_note_irqs_off(raw_irqs_disabled_flags(flags));		\
} while (0)
#define local_irq_restore(flags)	raw_local_irq_restore(flags)
#define local_save_flags(flags)		raw_local_save_flags(flags)
#define irqs_disabled()			raw_irqs_disabled()
#define irqs_disabled_flags(flags)	raw_irqs_disabled_flags(flags)
#define safe_halt()			raw_safe_halt()

#define local_irq_enable_in_hardirq()	do { } while (0)

/* lockdep is not emulated: its assertions check nothing. */
#define lockdep_assert_irqs_enabled()	do { } while (0)
#define lockdep_assert_irqs_disabled()	do { } while (0)
#define lockdep_assert_in_irq()		do { } while (0)

/* What the kernel's linux/irqflags.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>

#endif /* _LINUX_IRQFLAGS_H */
