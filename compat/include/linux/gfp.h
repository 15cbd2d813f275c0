/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/gfp.h - the page allocator's entry points.
 *
 * Follows include/linux/gfp.h of 6.8 (where alloc_pages() and friends are
 * already macros, wrapped by alloc_hooks()): here each entry point is a
 * macro that records its caller's file and line, so a failed check, a
 * leak at test end or an injected failure names the driver's code.
 * __get_free_pages(), split_page(), alloc/free_pages_exact() and the
 * frees also pass the driver's LINUX_VERSION_CODE: a 2.6.28-2.6.36
 * driver gets that era's checks and texts (mm/page_alloc.c of 2.6.35,
 * see compat/mm/page_alloc.c).
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/mmzone.h>
#include <linux/version.h>
#include <kshim/site.h>

struct page;

/*
 * Zone-modifier combinations gfp_zone() refuses (VM_BUG_ON with
 * CONFIG_DEBUG_VM): more than one of DMA, DMA32 and HIGHMEM, with or
 * without MOVABLE.  Bit n is set when "gfp & GFP_ZONEMASK" == n is bad.
 */
#define GFP_ZONE_BAD ( \
	1 << (___GFP_DMA | ___GFP_HIGHMEM)				\
	| 1 << (___GFP_DMA | ___GFP_DMA32)				\
	| 1 << (___GFP_DMA32 | ___GFP_HIGHMEM)				\
	| 1 << (___GFP_DMA | ___GFP_DMA32 | ___GFP_HIGHMEM)		\
	| 1 << (___GFP_MOVABLE | ___GFP_HIGHMEM | ___GFP_DMA)		\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA)		\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_HIGHMEM)	\
	| 1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA | ___GFP_HIGHMEM) \
)

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

struct page *__kshim_alloc_pages(gfp_t gfp, unsigned int order, int nid,
				 const char *file, int line,
				 const char *func);
unsigned long __kshim_get_free_pages(gfp_t gfp, unsigned int order,
				     unsigned int version, const char *file,
				     int line, const char *func);
void __kshim_free_pages(struct page *page, unsigned int order,
			unsigned int version, const char *file, int line,
			const char *func);
void __kshim_free_pages_addr(unsigned long addr, unsigned int order,
			     unsigned int version, const char *file,
			     int line, const char *func);
void *__kshim_alloc_pages_exact(size_t size, gfp_t gfp, unsigned int version,
				const char *file, int line, const char *func);
void __kshim_free_pages_exact(void *virt, size_t size, unsigned int version,
			      const char *file, int line, const char *func);
void __kshim_split_page(struct page *page, unsigned int order,
			unsigned int version, const char *file, int line,
			const char *func);

/*
 * The entry points are macros that hand their caller's position
 * (__KSHIM_CALLSITE, kshim/site.h) to kshim; these adapters unpack it for
 * the allocator (constant-folded: the site is a static constant).
 */
#define __KSHIM_SITE_ARGS(s)	(s)->file, (s)->line, (s)->func

static __always_inline struct page *
__kshim_alloc_pages_at(gfp_t gfp, unsigned int order, int nid,
		       const struct kshim_site *s)
{
	return __kshim_alloc_pages(gfp, order, nid, __KSHIM_SITE_ARGS(s));
}

static __always_inline unsigned long
__kshim_get_free_pages_at(gfp_t gfp, unsigned int order,
			  const struct kshim_site *s)
{
	return __kshim_get_free_pages(gfp, order, LINUX_VERSION_CODE,
				      __KSHIM_SITE_ARGS(s));
}

static __always_inline void
__kshim_free_pages_at(struct page *page, unsigned int order,
		      const struct kshim_site *s)
{
	__kshim_free_pages(page, order, LINUX_VERSION_CODE,
			   __KSHIM_SITE_ARGS(s));
}

static __always_inline void
__kshim_free_pages_addr_at(unsigned long addr, unsigned int order,
			   const struct kshim_site *s)
{
	__kshim_free_pages_addr(addr, order, LINUX_VERSION_CODE,
				__KSHIM_SITE_ARGS(s));
}

static __always_inline void *
__kshim_alloc_pages_exact_at(size_t size, gfp_t gfp,
			     const struct kshim_site *s)
{
	return __kshim_alloc_pages_exact(size, gfp, LINUX_VERSION_CODE,
					 __KSHIM_SITE_ARGS(s));
}

static __always_inline void
__kshim_free_pages_exact_at(void *virt, size_t size,
			    const struct kshim_site *s)
{
	__kshim_free_pages_exact(virt, size, LINUX_VERSION_CODE,
				 __KSHIM_SITE_ARGS(s));
}

#define alloc_pages(gfp, order) \
	__kshim_alloc_pages_at(gfp, order, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define alloc_pages_node(nid, gfp, order) \
	__kshim_alloc_pages_at(gfp, order, nid, __KSHIM_CALLSITE)
#define __alloc_pages_node(nid, gfp, order) \
	__kshim_alloc_pages_at(gfp, order, nid, __KSHIM_CALLSITE)
#define __alloc_pages(gfp, order, nid, nodemask) \
	__kshim_alloc_pages_at(gfp, order, nid, __KSHIM_CALLSITE)

#define __get_free_pages(gfp, order) \
	__kshim_get_free_pages_at(gfp, order, __KSHIM_CALLSITE)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define get_zeroed_page(gfp)	__get_free_pages((gfp) | __GFP_ZERO, 0)
#define __get_dma_pages(gfp, order) __get_free_pages((gfp) | GFP_DMA, order)

#define __free_pages(page, order) \
	__kshim_free_pages_at(page, order, __KSHIM_CALLSITE)
#define __free_page(page)	__free_pages(page, 0)
#define free_pages(addr, order) \
	__kshim_free_pages_addr_at((unsigned long)(addr), order, \
				   __KSHIM_CALLSITE)
#define free_page(addr)		free_pages(addr, 0)

#define alloc_pages_exact(size, gfp) \
	__kshim_alloc_pages_exact_at(size, gfp, __KSHIM_CALLSITE)
#define free_pages_exact(virt, size) \
	__kshim_free_pages_exact_at(virt, size, __KSHIM_CALLSITE)

/* What the kernel's linux/gfp.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/topology.h>
#include <linux/workqueue.h>

#endif /* _LINUX_GFP_H */
