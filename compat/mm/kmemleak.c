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
#include <linux/kmemleak.h>
#include <linux/mm.h>

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

void kmemleak_not_leak(const void *ptr)
{
	keep(ptr);
}

void kmemleak_ignore(const void *ptr)
{
	keep(ptr);
}
