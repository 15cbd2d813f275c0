/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/spinlock.h - spinlocks and reader-writer locks.
 *
 * Follows include/linux/spinlock.h, spinlock_api_smp.h, rwlock.h and
 * rwlock_api_smp.h of 6.8 (non-RT, CONFIG_DEBUG_SPINLOCK):
 *  - spin_lock() disables preemption (preempt_count + 1) and takes the
 *    lock; spin_lock_irq() first disables interrupts, spin_lock_irqsave()
 *    saves and disables them (@flags must be an unsigned long),
 *    spin_lock_bh() adds SOFTIRQ_LOCK_OFFSET (0x201); the unlocks undo
 *    exactly that, in reverse order.  read_lock()/write_lock() likewise.
 *  - spin_trylock*() take the lock only if it is free (then 1, else 0 with
 *    nothing changed).
 *  - kernel/locking/spinlock_debug.c's checks, each printed once per boot
 *    (debug_locks) at the caller's file:line, report class "spinlock":
 *    "BUG: spinlock bad magic", "recursion" (the owner locks it again),
 *    "already unlocked", "wrong owner" (another task unlocks it); and the
 *    rwlock ones ("BUG: rwlock recursion", "wrong owner", ...).
 *  - A spin that cannot make progress for KSHIM_SPINLOCK_LOCKUP
 *    milliseconds (default 2000; at once when the owner is the spinning
 *    task itself) is reported as "BUG: spinlock lockup suspected on
 *    CPU#<n>, <comm>/<pid>" by kshim's own lockup detector (6.8 has none:
 *    the CPU would spin for ever), report class "lockup", and the task
 *    dies, as a hung CPU would never come back.
 * The CPU checks ("cpu recursion", "wrong CPU") come with simulated CPUs;
 * today every thread is its own CPU.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/spinlock_types.h>
#include <asm/bug.h>

/* How a lock operation treats interrupts and bottom halves. */
enum kshim_lock_how {
	KSHIM_LOCK_PLAIN,
	KSHIM_LOCK_BH,
	KSHIM_LOCK_IRQ,
	KSHIM_LOCK_IRQSAVE,
};

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name,
			  struct lock_class_key *key);
unsigned long __kshim_spin_lock(raw_spinlock_t *lock, enum kshim_lock_how how,
				const struct kshim_site *site);
int __kshim_spin_trylock(raw_spinlock_t *lock, enum kshim_lock_how how,
			 unsigned long *flags, const struct kshim_site *site);
void __kshim_spin_unlock(raw_spinlock_t *lock, enum kshim_lock_how how,
			 unsigned long flags, const struct kshim_site *site);
int raw_spin_is_locked(raw_spinlock_t *lock);

void __rwlock_init(rwlock_t *lock, const char *name,
		   struct lock_class_key *key);
unsigned long __kshim_read_lock(rwlock_t *lock, enum kshim_lock_how how,
				const struct kshim_site *site);
int __kshim_read_trylock(rwlock_t *lock, enum kshim_lock_how how,
			 unsigned long *flags, const struct kshim_site *site);
void __kshim_read_unlock(rwlock_t *lock, enum kshim_lock_how how,
			 unsigned long flags, const struct kshim_site *site);
unsigned long __kshim_write_lock(rwlock_t *lock, enum kshim_lock_how how,
				 const struct kshim_site *site);
int __kshim_write_trylock(rwlock_t *lock, enum kshim_lock_how how,
			  unsigned long *flags, const struct kshim_site *site);
void __kshim_write_unlock(rwlock_t *lock, enum kshim_lock_how how,
			  unsigned long flags, const struct kshim_site *site);

/*
 * The shapes every lock kind shares: @fn is the kind's kshim entry point
 * (__kshim_spin_lock, __kshim_read_unlock...); the macros add the flags
 * type check of the kernel's and the caller's position.
 */
#define __KSHIM_LOCK(fn, lock, how)					\
	((void)fn(lock, how, __KSHIM_CALLSITE))
#define __KSHIM_LOCK_IRQSAVE(fn, lock, flags)				\
do {									\
	typecheck(unsigned long, flags);				\
	flags = fn(lock, KSHIM_LOCK_IRQSAVE, __KSHIM_CALLSITE);		\
} while (0)
#define __KSHIM_TRYLOCK(fn, lock, how)					\
	fn(lock, how, NULL, __KSHIM_CALLSITE)
#define __KSHIM_TRYLOCK_IRQSAVE(fn, lock, flags)			\
({									\
	typecheck(unsigned long, flags);				\
	fn(lock, KSHIM_LOCK_IRQSAVE, &(flags), __KSHIM_CALLSITE);	\
})
#define __KSHIM_UNLOCK(fn, lock, how)					\
	fn(lock, how, 0, __KSHIM_CALLSITE)
#define __KSHIM_UNLOCK_IRQRESTORE(fn, lock, flags)			\
do {									\
	typecheck(unsigned long, flags);				\
	fn(lock, KSHIM_LOCK_IRQSAVE, flags, __KSHIM_CALLSITE);		\
} while (0)

/* ---- raw_spinlock_t ---- */

#define raw_spin_lock_init(lock)	__raw_spin_lock_init(lock, #lock, NULL)

#define raw_spin_lock(lock)						\
	__KSHIM_LOCK(__kshim_spin_lock, lock, KSHIM_LOCK_PLAIN)
#define raw_spin_lock_nested(lock, subclass)	raw_spin_lock(lock)
#define raw_spin_lock_bh(lock)						\
	__KSHIM_LOCK(__kshim_spin_lock, lock, KSHIM_LOCK_BH)
#define raw_spin_lock_irq(lock)						\
	__KSHIM_LOCK(__kshim_spin_lock, lock, KSHIM_LOCK_IRQ)
#define raw_spin_lock_irqsave(lock, flags)				\
	__KSHIM_LOCK_IRQSAVE(__kshim_spin_lock, lock, flags)
#define raw_spin_lock_irqsave_nested(lock, flags, subclass)		\
	raw_spin_lock_irqsave(lock, flags)

#define raw_spin_trylock(lock)						\
	__KSHIM_TRYLOCK(__kshim_spin_trylock, lock, KSHIM_LOCK_PLAIN)
#define raw_spin_trylock_bh(lock)					\
	__KSHIM_TRYLOCK(__kshim_spin_trylock, lock, KSHIM_LOCK_BH)
#define raw_spin_trylock_irq(lock)					\
	__KSHIM_TRYLOCK(__kshim_spin_trylock, lock, KSHIM_LOCK_IRQ)
#define raw_spin_trylock_irqsave(lock, flags)				\
	__KSHIM_TRYLOCK_IRQSAVE(__kshim_spin_trylock, lock, flags)

#define raw_spin_unlock(lock)						\
	__KSHIM_UNLOCK(__kshim_spin_unlock, lock, KSHIM_LOCK_PLAIN)
#define raw_spin_unlock_bh(lock)					\
	__KSHIM_UNLOCK(__kshim_spin_unlock, lock, KSHIM_LOCK_BH)
#define raw_spin_unlock_irq(lock)					\
	__KSHIM_UNLOCK(__kshim_spin_unlock, lock, KSHIM_LOCK_IRQ)
#define raw_spin_unlock_irqrestore(lock, flags)				\
	__KSHIM_UNLOCK_IRQRESTORE(__kshim_spin_unlock, lock, flags)

#define raw_spin_is_contended(lock)	(0)

/* ---- spinlock_t: the same on its raw lock ---- */

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

#define spin_lock_init(_lock)						\
	__raw_spin_lock_init(spinlock_check(_lock), #_lock, NULL)

#define spin_lock(lock)		raw_spin_lock(&(lock)->rlock)
#define spin_lock_bh(lock)	raw_spin_lock_bh(&(lock)->rlock)
#define spin_lock_irq(lock)	raw_spin_lock_irq(&(lock)->rlock)
#define spin_lock_nested(lock, subclass)				\
	raw_spin_lock_nested(spinlock_check(lock), subclass)
#define spin_lock_nest_lock(lock, nest_lock)	spin_lock(lock)
#define spin_lock_irqsave(lock, flags)					\
	raw_spin_lock_irqsave(spinlock_check(lock), flags)
#define spin_lock_irqsave_nested(lock, flags, subclass)			\
	raw_spin_lock_irqsave(spinlock_check(lock), flags)

#define spin_trylock(lock)	raw_spin_trylock(&(lock)->rlock)
#define spin_trylock_bh(lock)	raw_spin_trylock_bh(&(lock)->rlock)
#define spin_trylock_irq(lock)	raw_spin_trylock_irq(&(lock)->rlock)
#define spin_trylock_irqsave(lock, flags)				\
	raw_spin_trylock_irqsave(spinlock_check(lock), flags)

#define spin_unlock(lock)	raw_spin_unlock(&(lock)->rlock)
#define spin_unlock_bh(lock)	raw_spin_unlock_bh(&(lock)->rlock)
#define spin_unlock_irq(lock)	raw_spin_unlock_irq(&(lock)->rlock)
#define spin_unlock_irqrestore(lock, flags)				\
	raw_spin_unlock_irqrestore(&(lock)->rlock, flags)

#define spin_is_locked(lock)	raw_spin_is_locked(&(lock)->rlock)
#define spin_is_contended(lock)	raw_spin_is_contended(&(lock)->rlock)

#define assert_raw_spin_locked(lock)	BUG_ON(!raw_spin_is_locked(lock))
#define assert_spin_locked(lock)	assert_raw_spin_locked(&(lock)->rlock)

/* ---- rwlock_t ---- */

#define rwlock_init(lock)		__rwlock_init(lock, #lock, NULL)

#define read_lock(lock)							\
	__KSHIM_LOCK(__kshim_read_lock, lock, KSHIM_LOCK_PLAIN)
#define read_lock_bh(lock)						\
	__KSHIM_LOCK(__kshim_read_lock, lock, KSHIM_LOCK_BH)
#define read_lock_irq(lock)						\
	__KSHIM_LOCK(__kshim_read_lock, lock, KSHIM_LOCK_IRQ)
#define read_lock_irqsave(lock, flags)					\
	__KSHIM_LOCK_IRQSAVE(__kshim_read_lock, lock, flags)
#define read_trylock(lock)						\
	__KSHIM_TRYLOCK(__kshim_read_trylock, lock, KSHIM_LOCK_PLAIN)
#define read_unlock(lock)						\
	__KSHIM_UNLOCK(__kshim_read_unlock, lock, KSHIM_LOCK_PLAIN)
#define read_unlock_bh(lock)						\
	__KSHIM_UNLOCK(__kshim_read_unlock, lock, KSHIM_LOCK_BH)
#define read_unlock_irq(lock)						\
	__KSHIM_UNLOCK(__kshim_read_unlock, lock, KSHIM_LOCK_IRQ)
#define read_unlock_irqrestore(lock, flags)				\
	__KSHIM_UNLOCK_IRQRESTORE(__kshim_read_unlock, lock, flags)

#define write_lock(lock)						\
	__KSHIM_LOCK(__kshim_write_lock, lock, KSHIM_LOCK_PLAIN)
#define write_lock_bh(lock)						\
	__KSHIM_LOCK(__kshim_write_lock, lock, KSHIM_LOCK_BH)
#define write_lock_irq(lock)						\
	__KSHIM_LOCK(__kshim_write_lock, lock, KSHIM_LOCK_IRQ)
#define write_lock_irqsave(lock, flags)					\
	__KSHIM_LOCK_IRQSAVE(__kshim_write_lock, lock, flags)
#define write_trylock(lock)						\
	__KSHIM_TRYLOCK(__kshim_write_trylock, lock, KSHIM_LOCK_PLAIN)
#define write_trylock_irqsave(lock, flags)				\
	__KSHIM_TRYLOCK_IRQSAVE(__kshim_write_trylock, lock, flags)
#define write_unlock(lock)						\
	__KSHIM_UNLOCK(__kshim_write_unlock, lock, KSHIM_LOCK_PLAIN)
#define write_unlock_bh(lock)						\
	__KSHIM_UNLOCK(__kshim_write_unlock, lock, KSHIM_LOCK_BH)
#define write_unlock_irq(lock)						\
	__KSHIM_UNLOCK(__kshim_write_unlock, lock, KSHIM_LOCK_IRQ)
#define write_unlock_irqrestore(lock, flags)				\
	__KSHIM_UNLOCK_IRQRESTORE(__kshim_write_unlock, lock, flags)

/* What the kernel's linux/spinlock.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/time64.h>

#endif /* __LINUX_SPINLOCK_H */
