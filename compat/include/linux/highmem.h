/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/highmem.h - temporary kernel mappings of (highmem) pages.
 *
 * Follows include/linux/highmem.h and highmem-internal.h of 6.8 with
 * CONFIG_HIGHMEM, CONFIG_DEBUG_HIGHMEM and CONFIG_DEBUG_KMAP_LOCAL (the
 * 6.x API: kmap_local_page(), stack kmap_atomic(page)) when
 * LINUX_VERSION_CODE is 2.6.37 or later; older profiles get the typed
 * kmap_atomic(page, KM_...) of <asm/highmem.h> and that era's helpers
 * (clear_highpage() & co. on KM_USER0/KM_USER1).  Both have kmap()/kunmap():
 *  - kmap() is a might_sleep() point; a lowmem page is its page_address();
 *    a highmem page gets a pkmap window (the same one while it is mapped,
 *    one more user per kmap()), and page_address() is that window until
 *    the last kunmap(), NULL otherwise.  All LAST_PKMAP windows busy: it
 *    sleeps until a kunmap() frees one (a kshim "kmap_deadlock" report if
 *    nothing ever can);
 *  - kunmap() of a highmem page that is not kmapped is a kernel BUG;
 *    6.x: kunmap() is a might_sleep() point, 2.6.3x: kunmap() in
 *    interrupt context is a kernel BUG.
 * Windows are real: an access through a pointer kept after the unmap (or
 * to a highmem page through a direct-map address it never had) faults,
 * and the oops names the frame and where the window was mapped and
 * unmapped.  Reports name the caller's file:line (the kernel names its
 * own); KSHIM_KMAP_FORCE_MAP=1 sends lowmem pages through kmap_local and
 * kmap_atomic windows too (CONFIG_DEBUG_KMAP_LOCAL_FORCE_MAP).
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/cacheflush.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <asm/highmem.h>

/* kshim's entry points; the macros below pass the caller's position. */
void *__kshim_kmap(struct page *page, const struct kshim_site *site);
void __kshim_kunmap(struct page *page, unsigned int version,
		    const struct kshim_site *site);
struct page *__kshim_kmap_to_page(void *addr, const struct kshim_site *site);
void __kshim_kmap_flush_unused(void);

#define kmap(page)		__kshim_kmap(page, __KSHIM_CALLSITE)
#define kunmap(page)							\
	__kshim_kunmap(page, LINUX_VERSION_CODE, __KSHIM_CALLSITE)
#define kmap_flush_unused()	__kshim_kmap_flush_unused()

#if LINUX_VERSION_CODE >= KERNEL_VERSION(3, 6, 0)
#define kmap_to_page(addr)	__kshim_kmap_to_page(addr, __KSHIM_CALLSITE)
#endif

/*
 * The helpers' bounds checks (VM_BUG_ON with DEBUG_VM, BUG_ON in
 * zero_user_segments()) are kernel BUGs at the caller's line.
 */
#define __KSHIM_HIGHMEM_BUG_ON(cond, site)				\
do {									\
	if (unlikely(cond))						\
		__kshim_bug((site)->file, (site)->line, (site)->func,	\
			    (site)->mod);				\
} while (0)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 37)
#include <linux/highmem-internal.h>

struct vm_area_struct;

/* The helpers, as 6.8 writes them on kmap_local_page(). */

static inline void __kshim_clear_highpage(struct page *page,
					  const struct kshim_site *site)
{
	void *kaddr = __kshim_kmap_local_page(page, site);

	clear_page(kaddr);
	__kshim_kunmap_local(kaddr, site);
}

static inline void __kshim_copy_highpage(struct page *to, struct page *from,
					 const struct kshim_site *site)
{
	char *vfrom, *vto;

	vfrom = __kshim_kmap_local_page(from, site);
	vto = __kshim_kmap_local_page(to, site);
	copy_page(vto, vfrom);
	__kshim_kunmap_local(vto, site);
	__kshim_kunmap_local(vfrom, site);
}

/* mm/highmem.c: zero the ranges, sub-page by sub-page of a compound page. */
void __kshim_zero_user_segments(struct page *page, unsigned int start1,
				unsigned int end1, unsigned int start2,
				unsigned int end2,
				const struct kshim_site *site);

static inline void __kshim_memcpy_page(struct page *dst_page, size_t dst_off,
				       struct page *src_page, size_t src_off,
				       size_t len,
				       const struct kshim_site *site)
{
	char *dst, *src;

	__KSHIM_HIGHMEM_BUG_ON(dst_off + len > PAGE_SIZE ||
			       src_off + len > PAGE_SIZE, site);
	dst = __kshim_kmap_local_page(dst_page, site);
	src = __kshim_kmap_local_page(src_page, site);
	memcpy(dst + dst_off, src + src_off, len);
	__kshim_kunmap_local(src, site);
	__kshim_kunmap_local(dst, site);
}
#define memcpy_page(dst_page, dst_off, src_page, src_off, len)		\
	__kshim_memcpy_page(dst_page, dst_off, src_page, src_off, len,	\
			    __KSHIM_CALLSITE)

static inline void __kshim_memset_page(struct page *page, size_t offset,
				       int val, size_t len, bool flush,
				       const struct kshim_site *site)
{
	char *addr = __kshim_kmap_local_page(page, site);

	__KSHIM_HIGHMEM_BUG_ON(offset + len > PAGE_SIZE, site);
	memset(addr + offset, val, len);
	if (flush)
		flush_dcache_page(page);
	__kshim_kunmap_local(addr, site);
}
#define memset_page(page, offset, val, len)				\
	__kshim_memset_page(page, offset, val, len, false, __KSHIM_CALLSITE)
#define memzero_page(page, offset, len)					\
	__kshim_memset_page(page, offset, 0, len, true, __KSHIM_CALLSITE)

static inline void __kshim_memcpy_from_page(char *to, struct page *page,
					    size_t offset, size_t len,
					    const struct kshim_site *site)
{
	char *from = __kshim_kmap_local_page(page, site);

	__KSHIM_HIGHMEM_BUG_ON(offset + len > PAGE_SIZE, site);
	memcpy(to, from + offset, len);
	__kshim_kunmap_local(from, site);
}
#define memcpy_from_page(to, page, offset, len)				\
	__kshim_memcpy_from_page(to, page, offset, len, __KSHIM_CALLSITE)

static inline void __kshim_memcpy_to_page(struct page *page, size_t offset,
					  const char *from, size_t len,
					  const struct kshim_site *site)
{
	char *to = __kshim_kmap_local_page(page, site);

	__KSHIM_HIGHMEM_BUG_ON(offset + len > PAGE_SIZE, site);
	memcpy(to + offset, from, len);
	flush_dcache_page(page);
	__kshim_kunmap_local(to, site);
}
#define memcpy_to_page(page, offset, from, len)				\
	__kshim_memcpy_to_page(page, offset, from, len, __KSHIM_CALLSITE)
#else /* < 2.6.37 */

/*
 * The helpers of 2.6.35's linux/highmem.h, on the typed slots: KM_USER0
 * (and KM_USER1 for the destination of a copy, unmapped in the same,
 * non-LIFO order), so debug_kmap_atomic()'s rules apply to them as to the
 * driver's own kmap_atomic() (KM_USER0 in an interrupt handler warns).
 * The memcpy_*_page() family does not exist yet (5.15).
 */
static inline void __kshim_clear_highpage(struct page *page,
					  const struct kshim_site *site)
{
	void *kaddr = __kshim_kmap_atomic(page, KM_USER0, LINUX_VERSION_CODE,
					  site);

	clear_page(kaddr);
	__kshim_kunmap_atomic(kaddr, KM_USER0, LINUX_VERSION_CODE, site);
}

static inline void __kshim_copy_highpage(struct page *to, struct page *from,
					 const struct kshim_site *site)
{
	char *vfrom, *vto;

	vfrom = __kshim_kmap_atomic(from, KM_USER0, LINUX_VERSION_CODE, site);
	vto = __kshim_kmap_atomic(to, KM_USER1, LINUX_VERSION_CODE, site);
	copy_page(vto, vfrom);
	__kshim_kunmap_atomic(vfrom, KM_USER0, LINUX_VERSION_CODE, site);
	__kshim_kunmap_atomic(vto, KM_USER1, LINUX_VERSION_CODE, site);
}

/* BUG_ON(end1 > PAGE_SIZE || end2 > PAGE_SIZE) with the slot mapped. */
static inline void __kshim_zero_user_segments(struct page *page,
					      unsigned int start1,
					      unsigned int end1,
					      unsigned int start2,
					      unsigned int end2,
					      const struct kshim_site *site)
{
	char *kaddr = __kshim_kmap_atomic(page, KM_USER0, LINUX_VERSION_CODE,
					  site);

	__KSHIM_HIGHMEM_BUG_ON(end1 > PAGE_SIZE || end2 > PAGE_SIZE, site);
	if (end1 > start1)
		memset(kaddr + start1, 0, end1 - start1);
	if (end2 > start2)
		memset(kaddr + start2, 0, end2 - start2);
	__kshim_kunmap_atomic(kaddr, KM_USER0, LINUX_VERSION_CODE, site);
	flush_dcache_page(page);
}

#endif /* >= 2.6.37 */

/* The helpers at the caller's position, either profile's way. */
#define clear_highpage(page)	__kshim_clear_highpage(page, __KSHIM_CALLSITE)
#define clear_user_highpage(page, vaddr)				\
	__kshim_clear_highpage(page, __KSHIM_CALLSITE)
#define copy_highpage(to, from)						\
	__kshim_copy_highpage(to, from, __KSHIM_CALLSITE)
#define copy_user_highpage(to, from, vaddr, vma)			\
	__kshim_copy_highpage(to, from, __KSHIM_CALLSITE)
#define zero_user_segments(page, start1, end1, start2, end2)		\
	__kshim_zero_user_segments(page, start1, end1, start2, end2,	\
				   __KSHIM_CALLSITE)
#define zero_user_segment(page, start, end)				\
	__kshim_zero_user_segments(page, start, end, 0, 0,		\
				   __KSHIM_CALLSITE)
#define zero_user(page, start, size)					\
	__kshim_zero_user_segments(page, start, (start) + (size), 0, 0, \
				   __KSHIM_CALLSITE)

/* What the kernel's linux/highmem.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/dcache.h>
#include <linux/dma-direction.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/ioport.h>
#include <linux/kasan.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_HIGHMEM_H */
