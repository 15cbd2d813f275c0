/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mmap_lock.h - the mmap_lock API of an mm (5.8+).
 *
 * Follows include/linux/mmap_lock.h of 6.1: thin wrappers around the
 * rw_semaphore mm->mmap_lock (linux/rwsem.h: might_sleep() at the
 * caller's line, DEBUG_RWSEMS warnings, ledger).  Before 5.8 drivers took
 * down_read(&mm->mmap_sem) themselves (the field's name follows
 * LINUX_VERSION_CODE, linux/mm_types.h); these wrappers work on either.
 * mmap_assert_locked()/mmap_assert_write_locked(): up to 6.7 (CONFIG_
 * DEBUG_VM, no lockdep) VM_BUG_ON_MM(!rwsem_is_locked(&mm->mmap_lock),
 * mm): dump_mm() and "kernel BUG at <caller>"; so the write form is
 * satisfied by a reader too, as in the kernel.  From 6.8 they are
 * rwsem_assert_held(_write)() (WARN_ON(), and the write form wants a
 * writer).
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/lockdep.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/rwsem.h>
#include <linux/types.h>
#include <linux/version.h>
#include <kshim/site.h>

#define MMAP_LOCK_INITIALIZER(name) \
	.__kshim_mmap_lock = __RWSEM_INITIALIZER((name).__kshim_mmap_lock),

#define __kshim_mmap_sem(mm)	(&(mm)->__kshim_mmap_lock)

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(__kshim_mmap_sem(mm));
}

#define mmap_write_lock(mm)						\
	((void)__kshim_down_write(__kshim_mmap_sem(mm),			\
				  TASK_UNINTERRUPTIBLE, __KSHIM_CALLSITE))
#define mmap_write_lock_nested(mm, subclass)	mmap_write_lock(mm)
#define mmap_write_lock_killable(mm)					\
	__kshim_down_write(__kshim_mmap_sem(mm), TASK_KILLABLE,		\
			   __KSHIM_CALLSITE)
#define mmap_write_trylock(mm)						\
	(__kshim_down_write_trylock(__kshim_mmap_sem(mm),		\
				    __KSHIM_CALLSITE) != 0)
#define mmap_write_unlock(mm)						\
	__kshim_up_write(__kshim_mmap_sem(mm), __KSHIM_CALLSITE)
#define mmap_write_downgrade(mm)					\
	__kshim_downgrade_write(__kshim_mmap_sem(mm), __KSHIM_CALLSITE)

#define mmap_read_lock(mm)						\
	((void)__kshim_down_read(__kshim_mmap_sem(mm),			\
				 TASK_UNINTERRUPTIBLE, __KSHIM_CALLSITE))
#define mmap_read_lock_killable(mm)					\
	__kshim_down_read(__kshim_mmap_sem(mm), TASK_KILLABLE,		\
			  __KSHIM_CALLSITE)
#define mmap_read_trylock(mm)						\
	(__kshim_down_read_trylock(__kshim_mmap_sem(mm),		\
				   __KSHIM_CALLSITE) != 0)
#define mmap_read_unlock(mm)						\
	__kshim_up_read(__kshim_mmap_sem(mm), __KSHIM_CALLSITE)
#define mmap_read_unlock_non_owner(mm)	mmap_read_unlock(mm)

/*
 * compat/mm/mmap_lock.c: VM_BUG_ON_MM() for a driver of @version < 6.8,
 * else the rwsem's WARN_ON().
 */
void __kshim_mmap_assert_locked(const struct mm_struct *mm, bool write,
				unsigned int version,
				const struct kshim_site *site);
#define mmap_assert_locked(mm)						\
	__kshim_mmap_assert_locked(mm, false, LINUX_VERSION_CODE,	\
				   __KSHIM_CALLSITE)
#define mmap_assert_write_locked(mm)					\
	__kshim_mmap_assert_locked(mm, true, LINUX_VERSION_CODE,	\
				   __KSHIM_CALLSITE)

static inline int mmap_lock_is_contended(struct mm_struct *mm)
{
	return rwsem_is_contended(__kshim_mmap_sem(mm));
}

/* What the kernel's linux/mmap_lock.h also makes visible. */
#include <linux/notifier.h>

#endif /* _LINUX_MMAP_LOCK_H */
