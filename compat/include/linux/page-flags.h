/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/page-flags.h - PG_* bits, their accessors, compound pages, types.
 *
 * Follows include/linux/page-flags.h of 6.8: the enum pageflags order
 * (6.6's "mm: Rearrange page flags": PG_writeback bit 1, PG_head bit 6,
 * PG_waiters bit 7, PG_active/PG_workingset 8/9; a 2.6.35 driver's
 * "Bad page state" prints its flags in 2.6.35's bits, compat/mm);
 * PageX/SetPageX/ClearPageX (atomic), __SetPageX/__ClearPageX (not
 * atomic), TestSetPageX/TestClearPageX (return the old bit), generated
 * only where 6.8 has them (no SetPageLocked: use trylock_page/lock_page).
 * PF_HEAD and PF_NO_TAIL flags act on the compound head.  A tail page has
 * compound_head = head + 1; the buddy allocator marks free blocks with the
 * "buddy" page type.  PageHighMem() is true for frames above the lowmem
 * boundary (highstart_pfn), as on a 32-bit kernel with CONFIG_HIGHMEM.
 *
 * Accessors that came or went with a known release follow the driver's
 * LINUX_VERSION_CODE, so an older driver sees its own set (2.6.35
 * include/linux/page-flags.h and pagemap.h): __SetPageLocked() and
 * __ClearPageLocked() from 4.5 (before: pagemap.h's __set_page_locked()
 * and __clear_page_locked()), TestSetPageLocked() in 2.6.30-2.6.38 ("mm:
 * remove unused TestSetPageLocked() interface"), PageWaiters() from 4.10,
 * PageWorkingset() from 4.20, and __SetPageReserved() not before 2.6.37
 * (the 2.6.28-2.6.36 profile; 4.15 lacks it too, 5.15 has it).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/version.h>
#include <asm/page.h>

enum pageflags {
	PG_locked,		/* Page is locked. Don't touch. */
	PG_writeback,		/* Page is under writeback */
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,		/* Must be in bit 6 */
	PG_waiters,		/* Page has waiters, check its waitqueue */
	PG_active,
	PG_workingset,
	PG_error,
	PG_slab,
	PG_owner_priv_1,	/* Owner use. If pagecache, fs may use */
	PG_arch_1,
	PG_reserved,
	PG_private,		/* If pagecache, has fs-private data */
	PG_private_2,		/* If pagecache, has fs aux data */
	PG_mappedtodisk,	/* Has blocks allocated on-disk */
	PG_reclaim,		/* To be reclaimed asap */
	PG_swapbacked,		/* Page is backed by RAM/swap */
	PG_unevictable,		/* Page is "unevictable"  */
	PG_mlocked,		/* Page is vma mlocked */
	PG_hwpoison,		/* hardware poisoned page. Don't touch */
	PG_young,
	PG_idle,
	PG_arch_2,
	__NR_PAGEFLAGS,

	PG_readahead = PG_reclaim,
	PG_checked = PG_owner_priv_1,
	PG_swapcache = PG_owner_priv_1,
	PG_fscache = PG_private_2,
	PG_pinned = PG_owner_priv_1,
	PG_savepinned = PG_dirty,
	PG_foreign = PG_owner_priv_1,
	PG_xen_remapped = PG_owner_priv_1,
	PG_isolated = PG_reclaim,
	PG_reported = PG_uptodate,
	PG_has_hwpoisoned = PG_error,
	PG_large_rmappable = PG_workingset,
	PG_anon_exclusive = PG_mappedtodisk,	/* anonymous pages */
};

#define NR_PAGEFLAGS		__NR_PAGEFLAGS
#define PAGEFLAGS_MASK		((1UL << NR_PAGEFLAGS) - 1)

/* Flags that must be clear when a page is freed / handed out. */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	(1UL << PG_lru | 1UL << PG_locked | 1UL << PG_private |		\
	 1UL << PG_private_2 | 1UL << PG_writeback | 1UL << PG_reserved |	\
	 1UL << PG_slab | 1UL << PG_active | 1UL << PG_unevictable |	\
	 1UL << PG_mlocked)
#define PAGE_FLAGS_CHECK_AT_PREP	(PAGEFLAGS_MASK & ~(1UL << PG_hwpoison))

static __always_inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (unlikely(head & 1))
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static __always_inline int PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static __always_inline int PageHead(const struct page *page)
{
	return test_bit(PG_head, &page->flags);
}

static __always_inline int PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static __always_inline void set_compound_head(struct page *page,
					      struct page *head)
{
	WRITE_ONCE(page->compound_head, (unsigned long)head + 1);
}

static __always_inline void clear_compound_head(struct page *page)
{
	WRITE_ONCE(page->compound_head, 0);
}

/* Which page a flag lives on: the page itself, or its compound head. */
#define __PF_ANY(page)		((struct page *)(page))
#define __PF_NO_COMPOUND(page)	((struct page *)(page))
#define __PF_HEAD(page)		compound_head(page)
#define __PF_NO_TAIL(page)	compound_head(page)

#define TESTPAGEFLAG(uname, lname, policy)				\
static __always_inline int Page##uname(const struct page *page)	\
{ return test_bit(PG_##lname, &__##policy(page)->flags); }

#define SETPAGEFLAG(uname, lname, policy)				\
static __always_inline void SetPage##uname(struct page *page)		\
{ set_bit(PG_##lname, &__##policy(page)->flags); }

#define CLEARPAGEFLAG(uname, lname, policy)				\
static __always_inline void ClearPage##uname(struct page *page)	\
{ clear_bit(PG_##lname, &__##policy(page)->flags); }

#define __SETPAGEFLAG(uname, lname, policy)				\
static __always_inline void __SetPage##uname(struct page *page)	\
{ __set_bit(PG_##lname, &__##policy(page)->flags); }

#define __CLEARPAGEFLAG(uname, lname, policy)				\
static __always_inline void __ClearPage##uname(struct page *page)	\
{ __clear_bit(PG_##lname, &__##policy(page)->flags); }

#define TESTSETFLAG(uname, lname, policy)				\
static __always_inline int TestSetPage##uname(struct page *page)	\
{ return test_and_set_bit(PG_##lname, &__##policy(page)->flags); }

#define TESTCLEARFLAG(uname, lname, policy)				\
static __always_inline int TestClearPage##uname(struct page *page)	\
{ return test_and_clear_bit(PG_##lname, &__##policy(page)->flags); }

#define PAGEFLAG(uname, lname, policy)					\
	TESTPAGEFLAG(uname, lname, policy)				\
	SETPAGEFLAG(uname, lname, policy)				\
	CLEARPAGEFLAG(uname, lname, policy)

#define __PAGEFLAG(uname, lname, policy)				\
	TESTPAGEFLAG(uname, lname, policy)				\
	__SETPAGEFLAG(uname, lname, policy)				\
	__CLEARPAGEFLAG(uname, lname, policy)

#define TESTSCFLAG(uname, lname, policy)				\
	TESTSETFLAG(uname, lname, policy)				\
	TESTCLEARFLAG(uname, lname, policy)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 5, 0)
__PAGEFLAG(Locked, locked, PF_NO_TAIL)
#else
TESTPAGEFLAG(Locked, locked, PF_NO_TAIL)
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 30) && \
	LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 39)
TESTSETFLAG(Locked, locked, PF_NO_TAIL)
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 10, 0)
PAGEFLAG(Waiters, waiters, PF_ANY)
#endif
PAGEFLAG(Error, error, PF_NO_TAIL) TESTCLEARFLAG(Error, error, PF_NO_TAIL)
PAGEFLAG(Referenced, referenced, PF_HEAD)
	TESTCLEARFLAG(Referenced, referenced, PF_HEAD)
	__SETPAGEFLAG(Referenced, referenced, PF_HEAD)
PAGEFLAG(Dirty, dirty, PF_HEAD) TESTSCFLAG(Dirty, dirty, PF_HEAD)
	__CLEARPAGEFLAG(Dirty, dirty, PF_HEAD)
PAGEFLAG(LRU, lru, PF_HEAD) __CLEARPAGEFLAG(LRU, lru, PF_HEAD)
	TESTCLEARFLAG(LRU, lru, PF_HEAD)
PAGEFLAG(Active, active, PF_HEAD) __CLEARPAGEFLAG(Active, active, PF_HEAD)
	TESTCLEARFLAG(Active, active, PF_HEAD)
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 20, 0)
PAGEFLAG(Workingset, workingset, PF_HEAD)
	TESTCLEARFLAG(Workingset, workingset, PF_HEAD)
#endif
__PAGEFLAG(Slab, slab, PF_NO_TAIL)
PAGEFLAG(Checked, checked, PF_NO_COMPOUND)
PAGEFLAG(Reserved, reserved, PF_NO_COMPOUND)
	__CLEARPAGEFLAG(Reserved, reserved, PF_NO_COMPOUND)
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
	__SETPAGEFLAG(Reserved, reserved, PF_NO_COMPOUND)
#endif
PAGEFLAG(SwapBacked, swapbacked, PF_NO_TAIL)
	__CLEARPAGEFLAG(SwapBacked, swapbacked, PF_NO_TAIL)
	__SETPAGEFLAG(SwapBacked, swapbacked, PF_NO_TAIL)
PAGEFLAG(Private, private, PF_ANY)
PAGEFLAG(Private2, private_2, PF_ANY) TESTSCFLAG(Private2, private_2, PF_ANY)
PAGEFLAG(OwnerPriv1, owner_priv_1, PF_ANY)
	TESTCLEARFLAG(OwnerPriv1, owner_priv_1, PF_ANY)
TESTPAGEFLAG(Writeback, writeback, PF_NO_TAIL)
	TESTSCFLAG(Writeback, writeback, PF_NO_TAIL)
PAGEFLAG(MappedToDisk, mappedtodisk, PF_NO_TAIL)
PAGEFLAG(Reclaim, reclaim, PF_NO_TAIL) TESTCLEARFLAG(Reclaim, reclaim, PF_NO_TAIL)
PAGEFLAG(Readahead, readahead, PF_NO_COMPOUND)
	TESTCLEARFLAG(Readahead, readahead, PF_NO_COMPOUND)
PAGEFLAG(Unevictable, unevictable, PF_HEAD)
	__CLEARPAGEFLAG(Unevictable, unevictable, PF_HEAD)
	TESTCLEARFLAG(Unevictable, unevictable, PF_HEAD)
PAGEFLAG(Mlocked, mlocked, PF_NO_TAIL)
	__CLEARPAGEFLAG(Mlocked, mlocked, PF_NO_TAIL)
	TESTSCFLAG(Mlocked, mlocked, PF_NO_TAIL)
PAGEFLAG(HWPoison, hwpoison, PF_ANY) TESTSCFLAG(HWPoison, hwpoison, PF_ANY)
__SETPAGEFLAG(Head, head, PF_ANY)
__CLEARPAGEFLAG(Head, head, PF_ANY)
CLEARPAGEFLAG(Head, head, PF_ANY)

/*
 * Uptodate orders the page's contents with the bit (smp_wmb/smp_rmb).
 * The setters are release operations on the flags word itself rather
 * than a fence before a relaxed bit op: the same ordering, and one that
 * ThreadSanitizer sees (it does not model standalone fences, so a driver
 * publishing a page with SetPageUptodate() would be reported as racing).
 */
static __always_inline int PageUptodate(const struct page *page)
{
	return test_bit_acquire(PG_uptodate, &compound_head(page)->flags);
}

static __always_inline void __SetPageUptodate(struct page *page)
{
	unsigned long *flags = &compound_head(page)->flags;

	__atomic_store_n(flags, __atomic_load_n(flags, __ATOMIC_RELAXED) |
			 1UL << PG_uptodate, __ATOMIC_RELEASE);
}

static __always_inline void SetPageUptodate(struct page *page)
{
	__atomic_fetch_or(&compound_head(page)->flags, 1UL << PG_uptodate,
			  __ATOMIC_RELEASE);
}

CLEARPAGEFLAG(Uptodate, uptodate, PF_NO_TAIL)

static __always_inline int PageSwapCache(const struct page *page)
{
	page = compound_head(page);
	return test_bit(PG_swapbacked, &page->flags) &&
	       test_bit(PG_swapcache, &page->flags);
}

#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_KSM	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

static __always_inline int PageAnon(const struct page *page)
{
	page = compound_head(page);
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

/*
 * An anonymous page mapped by one process only (6.1): GUP may pin it;
 * set when the fault maps a new anonymous page (compat/mm/memory.c).
 */
static __always_inline int PageAnonExclusive(const struct page *page)
{
	return test_bit(PG_anon_exclusive, &page->flags);
}

static __always_inline void SetPageAnonExclusive(struct page *page)
{
	set_bit(PG_anon_exclusive, &page->flags);
}

static __always_inline void ClearPageAnonExclusive(struct page *page)
{
	clear_bit(PG_anon_exclusive, &page->flags);
}

static __always_inline void __ClearPageAnonExclusive(struct page *page)
{
	__clear_bit(PG_anon_exclusive, &page->flags);
}

/*
 * Page types share the word with _mapcount: a page with a type has
 * page_type == PAGE_TYPE_BASE with the type's bit cleared (6.8 scheme),
 * so its _mapcount reads as a large negative value, never -1.
 */
#define PAGE_TYPE_BASE	0xf0000000
#define PAGE_MAPCOUNT_RESERVE	-128
#define PG_buddy	0x00000080
#define PG_offline	0x00000100
#define PG_table	0x00000200
#define PG_guard	0x00000400

#define PageType(page, flag)						\
	((READ_ONCE((page)->page_type) & (PAGE_TYPE_BASE | (flag))) ==	\
	 PAGE_TYPE_BASE)
#define page_has_type(page)						\
	((int)READ_ONCE((page)->page_type) < PAGE_MAPCOUNT_RESERVE)

#define PAGE_TYPE_OPS(uname, lname)					\
static __always_inline int Page##uname(const struct page *page)	\
{ return PageType(page, PG_##lname); }					\
static __always_inline void __SetPage##uname(struct page *page)	\
{ WRITE_ONCE(page->page_type, page->page_type & ~PG_##lname); }	\
static __always_inline void __ClearPage##uname(struct page *page)	\
{ WRITE_ONCE(page->page_type, page->page_type | PG_##lname); }

PAGE_TYPE_OPS(Buddy, buddy)
PAGE_TYPE_OPS(Offline, offline)
PAGE_TYPE_OPS(Table, table)
PAGE_TYPE_OPS(Guard, guard)

/* The first highmem frame; frames from here up are ZONE_HIGHMEM. */
extern unsigned long highstart_pfn;

static __always_inline int PageHighMem(const struct page *page)
{
	return page_to_pfn(page) >= highstart_pfn;
}
/* The zone decides, not a bit: setting or clearing does nothing. */
static inline void SetPageHighMem(struct page *page) { }
static inline void ClearPageHighMem(struct page *page) { }

#define PhysHighMem(phys)	PageHighMem(pfn_to_page((phys) >> PAGE_SHIFT))

/* What the kernel's linux/page-flags.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_PAGE_FLAGS_H */
