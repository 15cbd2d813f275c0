/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/kmemleak.h - kmemleak annotations.
 *
 * Follows include/linux/kmemleak.h of 6.1.  kshim's leak check is not a
 * scanner: every slab object (and large kmalloc(), vmalloc()) allocated
 * during a test and still live at its end is reported (compat/mm/
 * kmemleak.c).  kmemleak_not_leak() and kmemleak_ignore() take an object
 * out of that report, as they take it out of kmemleak's, and
 * kmemleak_update_trace() moves an object's allocation site to its
 * caller (the report names that line then); the calls that
 * register memory kmemleak would scan or track by hand are accepted and
 * do nothing, since kshim tracks the allocators itself.
 */
#ifndef __KMEMLEAK_H
#define __KMEMLEAK_H

#include <linux/compiler.h>
#include <kshim/site.h>
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

void kmemleak_not_leak(const void *ptr);
void kmemleak_ignore(const void *ptr);
/* The object's allocation site becomes the caller's (a reused object). */
void kmemleak_update_trace(const void *ptr);
void __kshim_kmemleak_update_trace(const void *ptr,
				   const struct kshim_site *site);
#define kmemleak_update_trace(ptr) \
	__kshim_kmemleak_update_trace(ptr, __KSHIM_CALLSITE)

static inline void kmemleak_alloc(const void *ptr, size_t size,
				  int min_count, gfp_t gfp)
{
}

static inline void kmemleak_alloc_recursive(const void *ptr, size_t size,
					    int min_count,
					    slab_flags_t flags, gfp_t gfp)
{
}

static inline void kmemleak_alloc_percpu(const void __percpu *ptr,
					 size_t size, gfp_t gfp)
{
}

static inline void kmemleak_vmalloc(const struct vm_struct *area,
				    size_t size, gfp_t gfp)
{
}

static inline void kmemleak_free(const void *ptr)
{
}

static inline void kmemleak_free_part(const void *ptr, size_t size)
{
}

static inline void kmemleak_free_recursive(const void *ptr,
					   slab_flags_t flags)
{
}

static inline void kmemleak_free_percpu(const void __percpu *ptr)
{
}


static inline void kmemleak_scan_area(const void *ptr, size_t size,
				      gfp_t gfp)
{
}

static inline void kmemleak_erase(void **ptr)
{
}

static inline void kmemleak_no_scan(const void *ptr)
{
}

static inline void kmemleak_alloc_phys(phys_addr_t phys, size_t size,
				       gfp_t gfp)
{
}

static inline void kmemleak_free_part_phys(phys_addr_t phys, size_t size)
{
}

static inline void kmemleak_not_leak_phys(phys_addr_t phys)
{
}

static inline void kmemleak_ignore_phys(phys_addr_t phys)
{
}

/* What the kernel's linux/kmemleak.h also makes visible. */
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* __KMEMLEAK_H */
