// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/spinlock.c - the spin_lock*()/read_lock*()/
 * write_lock*() entry points.
 *
 * Reproduces kernel/locking/spinlock.c with include/linux/
 * spinlock_api_smp.h and rwlock_api_smp.h of 6.8 (non-RT): what each
 * variant does to interrupts, bottom halves and preemption around
 * do_raw_*_lock(), in the kernel's order:
 *   lock:   [local_irq_save/disable | local_bh_disable] preempt_disable lock
 *   unlock: unlock [local_irq_restore/enable] preempt_enable | local_bh_enable
 * (_bh adds and removes SOFTIRQ_LOCK_OFFSET in one step).  Every check is
 * reported at the driver's file:line (@site).  The held-lock count feeds
 * the ledger.
 */
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#include "kshim/internal.h"
#include "kernel/locking/spinlock_debug.h"
#include "kernel/sched/sched.h"

void kshim_preempt_count_add_ip(int val, const struct kshim_site *site,
				unsigned long ip);

/* Interrupts, bottom halves, preemption: the "lock" half. */
static unsigned long lock_prologue(enum kshim_lock_how how,
				   const struct kshim_site *site,
				   unsigned long ip)
{
	struct thread_info *ti = current_thread_info();
	unsigned long flags = arch_local_save_flags();

	switch (how) {
	case KSHIM_LOCK_IRQ:
	case KSHIM_LOCK_IRQSAVE:
		if (!arch_irqs_disabled_flags(flags))
			ti->irq_disable_site = site;
		arch_local_irq_disable();
		kshim_preempt_count_add_ip(1, site, ip);
		break;
	case KSHIM_LOCK_BH:
		kshim_preempt_count_add_ip(SOFTIRQ_LOCK_OFFSET, site, ip);
		break;
	case KSHIM_LOCK_PLAIN:
	default:
		kshim_preempt_count_add_ip(1, site, ip);
		break;
	}
	return flags;
}

/* ... and the "unlock" half. */
static void unlock_epilogue(enum kshim_lock_how how, unsigned long flags,
			    const struct kshim_site *site)
{
	switch (how) {
	case KSHIM_LOCK_IRQ:
		arch_local_irq_enable();
		__kshim_preempt_count_sub(1, site);
		break;
	case KSHIM_LOCK_IRQSAVE:
		if (unlikely(!arch_irqs_disabled()))
			__kshim_warn_bogus_irq_restore(site);
		arch_local_irq_restore(flags);
		__kshim_preempt_count_sub(1, site);
		break;
	case KSHIM_LOCK_BH:
		__kshim_local_bh_enable_ip(SOFTIRQ_LOCK_OFFSET, site);
		break;
	case KSHIM_LOCK_PLAIN:
	default:
		__kshim_preempt_count_sub(1, site);
		break;
	}
}

/* A failed trylock undoes the prologue without the debug checks firing. */
static void trylock_undo(enum kshim_lock_how how, unsigned long flags,
			 const struct kshim_site *site)
{
	unlock_epilogue(how, flags, site);
}

/*
 * The entry points of one lock kind (@op: spin, read or write), as
 * kernel/locking/spinlock.c's BUILD_LOCK_OPS() builds them: the prologue,
 * do_raw_@op_lock() and the held-lock record named @what.
 */
#define BUILD_LOCK_OPS(op, locktype, what)				\
unsigned long __kshim_##op##_lock(locktype *lock,			\
				  enum kshim_lock_how how,		\
				  const struct kshim_site *site)	\
{									\
	unsigned long flags = lock_prologue(how, site,			\
			(unsigned long)__builtin_return_address(0));	\
									\
	do_raw_##op##_lock(lock, site);					\
	kshim_lock_acquired(lock, what, site, &kshim_spinlocks_held);	\
	return flags;							\
}									\
									\
int __kshim_##op##_trylock(locktype *lock, enum kshim_lock_how how,	\
			   unsigned long *flags,			\
			   const struct kshim_site *site)		\
{									\
	unsigned long f = lock_prologue(how, site,			\
			(unsigned long)__builtin_return_address(0));	\
									\
	if (flags)							\
		*flags = f;						\
	if (do_raw_##op##_trylock(lock, site)) {			\
		kshim_lock_acquired(lock, what, site,			\
				    &kshim_spinlocks_held);		\
		return 1;						\
	}								\
	trylock_undo(how, f, site);					\
	return 0;							\
}									\
									\
void __kshim_##op##_unlock(locktype *lock, enum kshim_lock_how how,	\
			   unsigned long flags,				\
			   const struct kshim_site *site)		\
{									\
	if (do_raw_##op##_unlock(lock, site))				\
		kshim_lock_released(lock, &kshim_spinlocks_held);	\
	unlock_epilogue(how, flags, site);				\
}

BUILD_LOCK_OPS(spin, raw_spinlock_t, "spinlock")
BUILD_LOCK_OPS(read, rwlock_t, "rwlock (read)")
BUILD_LOCK_OPS(write, rwlock_t, "rwlock (write)")
