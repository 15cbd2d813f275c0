/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched/mm.h - scoped allocation constraints of the current task.
 *
 * Follows include/linux/sched/mm.h of 6.1 for the memalloc scopes:
 * memalloc_noio_save()/restore() (PF_MEMALLOC_NOIO), memalloc_nofs_*()
 * (PF_MEMALLOC_NOFS), memalloc_noreclaim_*() (PF_MEMALLOC),
 * memalloc_pin_*() (PF_MEMALLOC_PIN) nest by saving the flag's old value;
 * current_gfp_context() strips __GFP_IO and __GFP_FS inside a NOIO scope,
 * __GFP_FS inside a NOFS one and __GFP_MOVABLE inside a PIN one.  kshim's
 * page allocator applies it to every request as __alloc_pages() does, so
 * a failing GFP_KERNEL allocation in a NOIO scope reports
 * "mode:0xc00(GFP_NOIO)".  might_alloc() is the allocator's might_sleep()
 * check for a blocking gfp.
 *
 * An mm_struct's references (kernel/fork.c): mmget()/mmput() count the
 * users of the address space (mm_users; the last mmput() unmaps every
 * area, calling the drivers' vm_ops->close, and may sleep),
 * mmgrab()/mmdrop() the references to the structure (mm_count).
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <kshim/site.h>

static inline gfp_t current_gfp_context(gfp_t flags)
{
	unsigned int pflags = READ_ONCE(current->flags);

	if (unlikely(pflags & (PF_MEMALLOC_NOIO | PF_MEMALLOC_NOFS |
			       PF_MEMALLOC_PIN))) {
		/* NOIO is the weaker context: it implies NOFS. */
		if (pflags & PF_MEMALLOC_NOIO)
			flags &= ~(__GFP_IO | __GFP_FS);
		else if (pflags & PF_MEMALLOC_NOFS)
			flags &= ~__GFP_FS;
		if (pflags & PF_MEMALLOC_PIN)
			flags &= ~__GFP_MOVABLE;
	}
	return flags;
}

static inline void fs_reclaim_acquire(gfp_t gfp_mask) { }
static inline void fs_reclaim_release(gfp_t gfp_mask) { }

/* Where an allocation with @gfp_mask might sleep, check that it may. */
static inline void might_alloc(gfp_t gfp_mask)
{
	fs_reclaim_acquire(gfp_mask);
	fs_reclaim_release(gfp_mask);
	might_sleep_if(gfpflags_allow_blocking(gfp_mask));
}

/* Saves the old value of @flag in current->flags and sets it. */
static inline unsigned int __kshim_memalloc_save(unsigned int flag)
{
	unsigned int old = current->flags & flag;

	current->flags |= flag;
	return old;
}

static inline void __kshim_memalloc_restore(unsigned int flag,
					    unsigned int old)
{
	current->flags = (current->flags & ~flag) | old;
}

static inline unsigned int memalloc_noio_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_NOIO);
}

static inline void memalloc_noio_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_NOIO, flags);
}

static inline unsigned int memalloc_nofs_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_NOFS);
}

static inline void memalloc_nofs_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_NOFS, flags);
}

static inline unsigned int memalloc_noreclaim_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC);
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC, flags);
}

static inline unsigned int memalloc_pin_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_PIN);
}

static inline void memalloc_pin_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_PIN, flags);
}

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

void __mmdrop(struct mm_struct *mm);

static inline void mmdrop(struct mm_struct *mm)
{
	if (unlikely(atomic_dec_and_test(&mm->mm_count)))
		__mmdrop(mm);
}

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

static inline bool mmget_not_zero(struct mm_struct *mm)
{
	return atomic_inc_not_zero(&mm->mm_users);
}

/* A macro too, so that its might_sleep() names the caller. */
void mmput(struct mm_struct *mm);
void __kshim_mmput(struct mm_struct *mm, const struct kshim_site *site);
#define mmput(mm)	__kshim_mmput(mm, __KSHIM_CALLSITE)

/* What the kernel's linux/sched/mm.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_SCHED_MM_H */
