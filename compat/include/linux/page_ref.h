/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/page_ref.h - struct page reference count accessors.
 *
 * Follows include/linux/page_ref.h of 6.x: page_ref_*() are raw atomic
 * operations on ->_refcount with no checks; page_count() reads the
 * compound head's count.  page_ref_unfreeze() keeps its DEBUG_VM checks
 * (count must be frozen at 0, the new count non-zero), reported at the
 * caller's line.
 *
 * The header and its API arrived in 4.6 ("mm: introduce page reference
 * manipulation functions"); before that drivers had only page_count(),
 * get_page()/put_page() and init_page_count() from linux/mm.h, so an
 * older driver including this header, or calling page_ref_*() or
 * set_page_count() (mm/internal.h there) through linux/mm.h, does not
 * build.
 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0)
#error "linux/page_ref.h does not exist before Linux 4.6"
#endif

#include <linux/atomic.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/page-flags.h>

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&compound_head(page)->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* Used when a page is handed out of the allocator. */
static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_add(struct page *page, int nr)
{
	atomic_add(nr, &page->_refcount);
}

static inline void page_ref_sub(struct page *page, int nr)
{
	atomic_sub(nr, &page->_refcount);
}

static inline int page_ref_sub_return(struct page *page, int nr)
{
	return atomic_sub_return(nr, &page->_refcount);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_dec(struct page *page)
{
	atomic_dec(&page->_refcount);
}

static inline int page_ref_sub_and_test(struct page *page, int nr)
{
	return atomic_sub_and_test(nr, &page->_refcount);
}

static inline int page_ref_inc_return(struct page *page)
{
	return atomic_inc_return(&page->_refcount);
}

static inline int page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

static inline int page_ref_dec_return(struct page *page)
{
	return atomic_dec_return(&page->_refcount);
}

static inline bool page_ref_add_unless(struct page *page, int nr, int u)
{
	return atomic_add_unless(&page->_refcount, nr, u);
}

static inline int page_ref_freeze(struct page *page, int count)
{
	return atomic_cmpxchg(&page->_refcount, count, 0) == count;
}

static inline void __page_ref_unfreeze(struct page *page, int count,
				       const char *file, int line,
				       const char *func)
{
	if (unlikely(page_count(page) != 0))
		__kshim_vm_bug_page(page,
				    "VM_BUG_ON_PAGE(page_count(page) != 0)",
				    file, line, func);
	if (unlikely(count == 0))
		__kshim_vm_bug_page(NULL, "VM_BUG_ON(count == 0)", file,
				    line, func);
	atomic_set_release(&page->_refcount, count);
}
#define page_ref_unfreeze(page, count) \
	__page_ref_unfreeze(page, count, __FILE__, __LINE__, __func__)

/* What the kernel's linux/page_ref.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_PAGE_REF_H */
