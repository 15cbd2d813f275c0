/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mm.h - pages as a driver uses them: addresses, references,
 * compound pages, alignment helpers.
 *
 * Follows include/linux/mm.h of 6.8 with CONFIG_DEBUG_VM: get_page() on a
 * free (or nearly overflowing) page and put_page() on a free page dump
 * the page and BUG with the kernel's VM_BUG_ON_FOLIO / VM_BUG_ON_PAGE
 * reason, naming the caller; the last put_page() returns the page (or
 * compound block) to the allocator.  page_address() of a highmem page is
 * NULL unless it is kmapped.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/pfn.h>
#include <asm/io.h>
#include <asm/page.h>

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr)	ALIGN_DOWN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

#define nth_page(page, n)	((page) + (n))
#define page_to_virt(page)	__va((unsigned long)page_to_pfn(page) << PAGE_SHIFT)
#define lowmem_page_address(page) page_to_virt(page)

static inline void *page_address(const struct page *page)
{
	if (PageHighMem(page))
		return READ_ONCE(page->virtual);
	return lowmem_page_address(page);
}

/* Only kmap() sets it (compat/mm/highmem.c); a lowmem page is a BUG. */
void __kshim_set_page_address(struct page *page, void *virtual,
			      const struct kshim_site *site);
#define set_page_address(page, address)					\
	__kshim_set_page_address(page, address, __KSHIM_CALLSITE)

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

/* Compound pages keep their order in the first tail page's ->index. */
static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return (unsigned int)page[1].index;
}

static inline unsigned long compound_nr(const struct page *page)
{
	return 1UL << compound_order(page);
}

static inline unsigned long page_size(const struct page *page)
{
	return PAGE_SIZE << compound_order(page);
}

static inline unsigned int page_shift(const struct page *page)
{
	return PAGE_SHIFT + compound_order(page);
}

static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(compound_head(page)) > 0;
}

/* Frees the page (or compound block) whose last reference just went. */
void __kshim_put_page_final(struct page *page, const char *file, int line,
			    const char *func);

static __always_inline void __kshim_get_page(struct page *page,
					     const char *file, int line,
					     const char *func)
{
	page = compound_head(page);
	if (unlikely((unsigned int)page_ref_count(page) + 127u <= 127u))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_FOLIO(((unsigned int) folio_ref_count(folio) + 127u <= 127u))",
			file, line, func);
	page_ref_inc(page);
}
#define get_page(page)	__kshim_get_page(page, __FILE__, __LINE__, __func__)

static __always_inline void __kshim_put_page(struct page *page,
					     const char *file, int line,
					     const char *func)
{
	page = compound_head(page);
	/* 6.8: folio_put_testzero() is put_page_testzero() of the head. */
	if (unlikely(page_ref_count(page) == 0))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			file, line, func);
	if (page_ref_dec_and_test(page))
		__kshim_put_page_final(page, file, line, func);
}
#define put_page(page)	__kshim_put_page(page, __FILE__, __LINE__, __func__)

static __always_inline int __kshim_put_page_testzero(struct page *page,
						     const char *file,
						     int line,
						     const char *func)
{
	if (unlikely(page_ref_count(page) == 0))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			file, line, func);
	return page_ref_dec_and_test(page);
}
#define put_page_testzero(page) \
	__kshim_put_page_testzero(page, __FILE__, __LINE__, __func__)

static inline bool get_page_unless_zero(struct page *page)
{
	return page_ref_add_unless(page, 1, 0);
}

static inline __must_check bool __kshim_try_get_page(struct page *page,
						     const char *file,
						     int line,
						     const char *func)
{
	page = compound_head(page);
	if (unlikely(page_ref_count(page) <= 0)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, func, NULL, TAINT_WARN, NULL);
		return false;
	}
	page_ref_inc(page);
	return true;
}
#define try_get_page(page) \
	__kshim_try_get_page(page, __FILE__, __LINE__, __func__)

#define split_page(page, order) \
	__kshim_split_page(page, order, __FILE__, __LINE__, __func__)

#endif /* _LINUX_MM_H */
