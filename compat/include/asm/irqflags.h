/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/irqflags.h - the CPU interrupt flag.
 *
 * Follows arch/x86/include/asm/irqflags.h of 6.x: the saved flags are an
 * EFLAGS value, IRQs are off when X86_EFLAGS_IF is clear, and
 * arch_local_irq_restore() only ever turns interrupts back on (it never
 * turns them off).  kshim's "register" is the task's thread_info->eflags.
 *
 * Turning interrupts on is where a CPU takes what was raised towards it
 * meanwhile: arch_local_irq_enable() looks at the CPU's pending word (one
 * load) and, if anything waits (an interrupt, a function-call IPI, a
 * softirq for kshim's ksoftirqd), hands over to kshim_cpu_take_pending()
 * (compat/kernel/cpu.c), which runs it on this thread.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/compiler.h>
#include <linux/thread_info.h>

#ifndef X86_EFLAGS_IF
#define X86_EFLAGS_FIXED	0x00000002UL	/* bit 1 always reads 1 */
#define X86_EFLAGS_IF		0x00000200UL	/* interrupt enable */
#endif

static __always_inline unsigned long arch_local_save_flags(void)
{
	return READ_ONCE(current_thread_info()->eflags);
}

static __always_inline void arch_local_irq_disable(void)
{
	struct thread_info *ti = current_thread_info();

	WRITE_ONCE(ti->eflags, READ_ONCE(ti->eflags) & ~X86_EFLAGS_IF);
}

/* Set per CPU by kshim when something waits for interrupts to be on. */
extern unsigned long __kshim_cpu_pending[];
void kshim_cpu_take_pending(void);

static __always_inline void arch_local_irq_enable(void)
{
	struct thread_info *ti = current_thread_info();

	WRITE_ONCE(ti->eflags, READ_ONCE(ti->eflags) | X86_EFLAGS_IF);
	if (unlikely(__atomic_load_n(&__kshim_cpu_pending[ti->cpu],
				     __ATOMIC_RELAXED)))
		kshim_cpu_take_pending();
}

static __always_inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static __always_inline int arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (!arch_irqs_disabled_flags(flags))
		arch_local_irq_enable();
}

/* What the kernel's asm/irqflags.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <linux/cpumask.h>

#endif /* _ASM_IRQFLAGS_H */
