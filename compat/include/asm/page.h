/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/page.h - page size, the direct map and pfn <-> page conversions.
 *
 * Follows arch/x86/include/asm/page*.h of 6.x with the vmemmap memory
 * model (include/asm-generic/memory_model.h): lowmem is mapped once,
 * linearly, at page_offset_base, so __pa()/__va() are offset arithmetic;
 * the struct page array is virtually contiguous at vmemmap_base, indexed
 * by pfn.  Both bases are variables set when the simulated machine boots.
 * Highmem frames have no direct-map address: __va() of one points into an
 * unmapped hole, as on a 32-bit kernel.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/string.h>
#include <linux/const.h>
#include <linux/types.h>
#include <asm/page_types.h>

struct page;

extern struct page *vmemmap_base;

#define vmemmap			(vmemmap_base)

#define __pa(x)			((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)			((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x)		__pa(x)

#define pfn_to_page(pfn)	(vmemmap + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define pfn_to_kaddr(pfn)	__va((unsigned long)(pfn) << PAGE_SHIFT)

#define virt_to_page(kaddr)	pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define page_to_virt(page)	__va((unsigned long)page_to_pfn(page) << PAGE_SHIFT)

/* True only for direct-map (lowmem) addresses of real RAM. */
bool __virt_addr_valid(unsigned long kaddr);
#define virt_addr_valid(kaddr)	__virt_addr_valid((unsigned long)(kaddr))

int pfn_valid(unsigned long pfn);

static inline void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}

static inline void copy_page(void *to, void *from)
{
	memcpy(to, from, PAGE_SIZE);
}

#include <asm-generic/getorder.h>

/* Where the vmalloc area starts (asm/page_64.h; mm/vmalloc.c sets it). */
extern unsigned long vmalloc_base;

/* What the kernel's asm/page.h also makes visible. */
#include <asm/barrier.h>
#include <linux/pfn.h>

#endif /* _ASM_PAGE_H */
