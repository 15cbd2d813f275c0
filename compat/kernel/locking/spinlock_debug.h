/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/locking/spinlock_debug.h - the checked raw lock operations
 * of spinlock_debug.c (CONFIG_DEBUG_SPINLOCK's do_raw_*() of
 * include/linux/spinlock.h and rwlock.h), for spinlock.c.  Each reports
 * misuse at the driver's @site; an unlock returns false when there was
 * nothing to release.
 */
#ifndef _KSHIM_LOCKING_SPINLOCK_DEBUG_H
#define _KSHIM_LOCKING_SPINLOCK_DEBUG_H

#include <linux/spinlock.h>

void do_raw_spin_lock(raw_spinlock_t *lock, const struct kshim_site *site);
int do_raw_spin_trylock(raw_spinlock_t *lock, const struct kshim_site *site);
bool do_raw_spin_unlock(raw_spinlock_t *lock, const struct kshim_site *site);
void do_raw_read_lock(rwlock_t *lock, const struct kshim_site *site);
int do_raw_read_trylock(rwlock_t *lock, const struct kshim_site *site);
bool do_raw_read_unlock(rwlock_t *lock, const struct kshim_site *site);
void do_raw_write_lock(rwlock_t *lock, const struct kshim_site *site);
int do_raw_write_trylock(rwlock_t *lock, const struct kshim_site *site);
bool do_raw_write_unlock(rwlock_t *lock, const struct kshim_site *site);

#endif /* _KSHIM_LOCKING_SPINLOCK_DEBUG_H */
