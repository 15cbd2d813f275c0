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
 *
 * A driver built for 2.6.28-2.6.36 (LINUX_VERSION_CODE < 2.6.37) gets
 * that era's checks instead (2.6.35 include/linux/mm.h): get_page() and
 * put_page()/put_page_testzero() BUG with VM_BUG_ON(atomic_read(
 * &page->_count) == 0), without dump_page() and without 6.8's
 * near-overflow test.  Before 4.6 there is no linux/page_ref.h: this
 * header then provides page_count() and init_page_count() as 2.6.35's
 * did.  try_get_page() exists from 4.15.18 on (mainline 5.1, backported
 * to the stable 4.x trees).  2.6.37-6.7 drivers get the 6.8 texts.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 6, 0)
#include <linux/page_ref.h>
#endif
#include <linux/pfn.h>
#include <linux/version.h>
#include <asm/io.h>
#include <asm/page.h>

/* mm.h of 2.6.28-2.6.36: true when the driver follows that profile */
#define __KSHIM_MM_2_6	(LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37))

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0)
static inline int page_count(const struct page *page)
{
	return atomic_read(&compound_head(page)->__kshim_refcount);
}

/* 2.6.35: set_page_count() is mm/internal.h's, this one is public. */
static inline void init_page_count(struct page *page)
{
	atomic_set(&page->__kshim_refcount, 1);
}
#endif

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr)	ALIGN_DOWN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

#define nth_page(page, n)	((page) + (n))

/* The vmalloc range (compat/mm/vmalloc.c); modules are no area of their own. */
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
extern bool is_vmalloc_addr(const void *x);
extern int is_vmalloc_or_module_addr(const void *x);
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

/* Frees the page (or compound block) whose last reference just went;
 * @version is the driver's LINUX_VERSION_CODE (the report texts). */
void __kshim_put_page_final(struct page *page, unsigned int version,
			    const char *file, int line, const char *func);

/* kshim's inlines use the count under one name for every version. */
#define __kshim_ref(page)	(&(page)->__kshim_refcount)

#if __KSHIM_MM_2_6
/* get_page() and put_page() of 2.6.3x check the same: no dump, no limit. */
static __always_inline void __kshim_check_count_2_6(struct page *page,
						    const char *file,
						    int line,
						    const char *func)
{
	if (unlikely(atomic_read(__kshim_ref(page)) == 0))
		__kshim_vm_bug_page(NULL,
			"VM_BUG_ON(atomic_read(&page->_count) == 0)",
			file, line, func);
}
#endif

static __always_inline void __kshim_get_page(struct page *page,
					     const char *file, int line,
					     const char *func)
{
	page = compound_head(page);
#if __KSHIM_MM_2_6
	__kshim_check_count_2_6(page, file, line, func);
#else
	if (unlikely((unsigned int)atomic_read(__kshim_ref(page)) + 127u <=
		     127u))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_FOLIO(((unsigned int) folio_ref_count(folio) + 127u <= 127u))",
			file, line, func);
#endif
	atomic_inc(__kshim_ref(page));
}
#define get_page(page)	__kshim_get_page(page, __FILE__, __LINE__, __func__)

static __always_inline int __kshim_put_page_testzero(struct page *page,
						     const char *file,
						     int line,
						     const char *func)
{
#if __KSHIM_MM_2_6
	__kshim_check_count_2_6(page, file, line, func);
#else
	if (unlikely(atomic_read(__kshim_ref(page)) == 0))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			file, line, func);
#endif
	return atomic_dec_and_test(__kshim_ref(page));
}
#define put_page_testzero(page) \
	__kshim_put_page_testzero(page, __FILE__, __LINE__, __func__)

static __always_inline void __kshim_put_page(struct page *page,
					     const char *file, int line,
					     const char *func)
{
	/*
	 * 6.8: folio_put_testzero() is put_page_testzero() of the head;
	 * 2.6.35: put_compound_page() does the same for a compound page.
	 */
	page = compound_head(page);
	if (__kshim_put_page_testzero(page, file, line, func))
		__kshim_put_page_final(page, LINUX_VERSION_CODE, file, line,
				       func);
}
#define put_page(page)	__kshim_put_page(page, __FILE__, __LINE__, __func__)

static inline bool get_page_unless_zero(struct page *page)
{
	return atomic_add_unless(__kshim_ref(page), 1, 0);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 15, 18)
static inline __must_check bool __kshim_try_get_page(struct page *page,
						     const char *file,
						     int line,
						     const char *func)
{
	page = compound_head(page);
	if (unlikely(atomic_read(__kshim_ref(page)) <= 0)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, func, NULL, TAINT_WARN, NULL);
		return false;
	}
	atomic_inc(__kshim_ref(page));
	return true;
}
#define try_get_page(page) \
	__kshim_try_get_page(page, __FILE__, __LINE__, __func__)
#endif

#define split_page(page, order) \
	__kshim_split_page(page, order, LINUX_VERSION_CODE, __FILE__, \
			   __LINE__, __func__)

/*
 * init_on_alloc= / init_on_free= (KSHIM_INIT_ON_ALLOC / _FREE): memory
 * is zeroed when allocated or when freed, pages and slab objects alike.
 * Page poisoning (KSHIM_PAGE_POISON, on by default) takes precedence and
 * turns both off at boot, as mm/page_alloc.c does.
 */
extern bool kshim_init_on_alloc_enabled, kshim_init_on_free_enabled;

static inline bool want_init_on_alloc(gfp_t flags)
{
	if (kshim_init_on_alloc_enabled)
		return true;
	return flags & __GFP_ZERO;
}

static inline bool want_init_on_free(void)
{
	return kshim_init_on_free_enabled;
}

/* What the kernel's linux/mm.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hash.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/radix-tree.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/semaphore.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stat.h>
#include <linux/stringhash.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/uuid.h>
#include <linux/workqueue.h>

#endif /* _LINUX_MM_H */
