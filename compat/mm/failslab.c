// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/failslab.c - slab allocation fault injection.
 *
 * Follows mm/failslab.c of 6.1: should_failslab() spares __GFP_NOFAIL
 * and, with ignore-gfp-wait, allocations that may reclaim; a picked
 * allocation fails silently (slab_pre_alloc_hook() returns NULL, nothing
 * is printed but fail_dump()'s lines when verbose).  space counts bytes
 * (the cache's object size per allocation), as the kernel's does.  Large
 * kmalloc() (beyond kmalloc-8k) is a page allocation: fail_page_alloc
 * decides there, as in the kernel.  The rule language, the setting
 * KSHIM_FAILSLAB and the per-test life of a rule are those of
 * fail_page_alloc (lib/fault-inject.c's struct fault_point).
 */
#include <errno.h>

#include <linux/gfp.h>
#include <linux/slab.h>
#include <kshim/fail.h>
#include <kshim/site.h>

#include "kshim/internal.h"
#include "lib/fault-inject.h"
#include "mm/internal.h"

static const int slab_errors[] = { -ENOMEM, 0 };

/* func=kmalloc: every slab allocation (kmalloc(), kmem_cache_alloc()...) */
struct fault_point kshim_failslab_point =
	FAULT_POINT_INIT("failslab", "kmalloc",
			 "slab failslab kzalloc kmem_cache_alloc", slab_errors,
			 "KSHIM_FAILSLAB", &kshim_config.failslab, true);

int kshim_parse_failslab(const char *val, struct kshim_config *c)
{
	return fault_point_parse_setting(&kshim_failslab_point, val,
					 &c->failslab);
}

bool __kshim_should_failslab(struct kmem_cache *s, gfp_t gfp,
			     const struct kshim_site *site)
{
	return fault_point_should_fail(&kshim_failslab_point, gfp, 0,
				       kmem_cache_size(s), site->file,
				       site->line, site->func);
}

bool kshim_failslab_kmalloc(size_t size, gfp_t gfp,
			    const struct kshim_site *site)
{
	if (likely(!fault_point_may_fail(&kshim_failslab_point)))
		return false;
	return fault_point_should_fail(&kshim_failslab_point, gfp, 0, size,
				       site ? site->file : NULL,
				       site ? site->line : 0,
				       site ? site->func : NULL);
}

/* ---- the test's side ---- */

int kshim_failslab_set(const char *spec)
{
	return fault_point_set_spec(&kshim_failslab_point, spec,
				    "kshim_failslab_set()");
}

int kshim_failslab_set_attr(const struct kshim_fail_attr *attr)
{
	return fault_point_set_attr(&kshim_failslab_point, attr,
				    "kshim_failslab_set_attr()");
}

void kshim_failslab_clear(void)
{
	fault_point_clear(&kshim_failslab_point);
}

unsigned long kshim_failslab_injected(void)
{
	return fault_point_injected(&kshim_failslab_point);
}
