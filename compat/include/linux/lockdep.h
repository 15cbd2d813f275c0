/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/lockdep.h - lock assertions.
 *
 * Follows include/linux/lockdep.h of 6.1 as far as kshim tracks locks.
 * kshim has no lock dependency validator, but it knows which spinlocks,
 * rwlocks and mutexes each task holds (compat/kernel/locking/lockdep.c):
 * lockdep_is_held() - the condition drivers give rcu_dereference_protected(),
 * rcu_dereference_check() and list_for_each_entry_rcu(), which kshim's
 * CONFIG_PROVE_RCU evaluates - is true exactly when the current task
 * holds @lock.  The lockdep_assert_*() forms stay !CONFIG_LOCKDEP's: they
 * check nothing.
 */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H

#include <linux/compiler.h>

#define LOCK_STATE_UNKNOWN	-1
#define LOCK_STATE_NOT_HELD	0
#define LOCK_STATE_HELD		1

/* LOCK_STATE_HELD when the current task holds the lock at @lock. */
int kshim_lock_is_held(const void *lock);

#define lockdep_is_held(lock)		kshim_lock_is_held(lock)

#define lockdep_assert_held(l)		do { (void)(l); } while (0)
#define lockdep_assert_held_once(l)	do { (void)(l); } while (0)
#define lockdep_assert_not_held(l)	do { (void)(l); } while (0)

/* What the kernel's linux/lockdep.h also makes visible. */
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <linux/cpumask.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/llist.h>
#include <linux/might_sleep.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/spinlock_types.h>
#include <linux/thread_info.h>
#include <linux/time64.h>

#endif /* __LINUX_LOCKDEP_H */
