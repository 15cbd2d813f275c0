// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/mmap_lock.c - mmap_assert_locked(), mmap_assert_write_locked().
 *
 * The checks of include/linux/mmap_lock.h: up to 6.7 (CONFIG_DEBUG_VM, no
 * lockdep) VM_BUG_ON_MM(!rwsem_is_locked(&mm->mmap_lock), mm) for both,
 * which dumps the mm and BUGs at the caller's line; from 6.8 the rwsem
 * assertions: WARN_ON() when it is not held (for write, not write-held).
 * The rest of linux/mmap_lock.h is linux/rwsem.h's.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/version.h>

#include "kshim/internal.h"

void __kshim_mmap_assert_locked(const struct mm_struct *mm, bool write,
				unsigned int version,
				const struct kshim_site *site)
{
	const struct rw_semaphore *sem = &mm->__kshim_mmap_lock;
	long count = __atomic_load_n(&sem->count, __ATOMIC_RELAXED);

	if (version >= KERNEL_VERSION(6, 8, 0)) {
		if (write ? count >= 0 : count == 0)
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return;
	}
	if (count == 0) {
		dump_mm(mm);
		__kshim_bug(site->file, site->line, site->func, site->mod);
	}
}
