// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/irqflag-debug.c - CONFIG_DEBUG_IRQFLAGS.
 *
 * Reproduces kernel/locking/irqflag-debug.c of 6.8: local_irq_restore()
 * with interrupts enabled is a bug in the caller (it means the flags were
 * not saved by a matching local_irq_save(), or the interrupts were turned
 * back on in between): WARN_ONCE "raw_local_irq_restore() called with IRQs
 * enabled", once per boot, here at the caller's file:line.
 */
#include <asm/bug.h>
#include <linux/irqflags.h>

void __kshim_warn_bogus_irq_restore(const struct kshim_site *site)
{
	static bool done;

	if (__atomic_exchange_n(&done, true, __ATOMIC_RELAXED))
		return;
	__kshim_warn(site->file, site->line, site->func, site->mod, TAINT_WARN,
		     "raw_local_irq_restore() called with IRQs enabled\n");
}

