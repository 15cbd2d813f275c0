// SPDX-License-Identifier: GPL-2.0-only
/*
 * compat/mm/kmemleak.c - kmemleak_not_leak() and kmemleak_ignore().
 *
 * kshim's kmemleak (mm/kmemleak.c of 6.1 in what a driver sees): an
 * object allocated during a test and still live at its end is a leak
 * (the "slab objects allocated" ledger entry, compat/mm/slab_common.c),
 * unless the driver declared it kept.  Both calls exclude the object: a
 * slab object or large kmalloc() here, a vmalloc() area through the
 * vmalloc code (kshim_vmalloc_keep()).  An address kshim does not know
 * is ignored, where kmemleak would print "Trying to color unknown
 * object" only with its own debugging on.
 */
#include <pthread.h>

#include <linux/jiffies.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>

#include "kshim/internal.h"

#include "mm/internal.h"
#include "mm/slab.h"

static void keep(const void *ptr)
{
	if (ZERO_OR_NULL_PTR(ptr))
		return;
	if (kshim_slab_obj_not_leak(ptr))
		return;
	if (kshim_large_kmalloc_not_leak(ptr))
		return;
	if (is_vmalloc_addr(ptr))
		kshim_vmalloc_keep(ptr);
}

/*
 * kmemleak_update_trace(): the object now belongs to @site (a mempool
 * element handed out again): its allocation track, which the leak report
 * and SLUB's "Allocated in" lines print, moves there.
 */
void __kshim_kmemleak_update_trace(const void *ptr,
				   const struct kshim_site *site)
{
	struct kshim_slab *sl;
	struct kmem_cache *s;
	long idx;

	if (ZERO_OR_NULL_PTR(ptr))
		return;
	sl = kshim_virt_to_slab(ptr);
	if (!sl)
		return;		/* a large kmalloc or vmalloc: its site stays */
	s = sl->cache;
	if (!(s->flags & SLAB_STORE_USER))
		return;
	pthread_mutex_lock(&s->lock);
	idx = kshim_slab_obj_index(sl, ptr, true);
	if (idx >= 0 && sl->state[idx] == OBJ_ALLOC) {
		struct kshim_track *t = &sl->track[2 * idx];

		t->site = site;
		t->when = jiffies;
		t->cpu = kshim_current_cpu();
		t->pid = kshim_current_pid();
	}
	pthread_mutex_unlock(&s->lock);
}

void (kmemleak_update_trace)(const void *ptr)
{
	static const struct kshim_site unknown = { "?", 0, "?", NULL };

	__kshim_kmemleak_update_trace(ptr, &unknown);
}

void kmemleak_not_leak(const void *ptr)
{
	keep(ptr);
}

void kmemleak_ignore(const void *ptr)
{
	keep(ptr);
}
