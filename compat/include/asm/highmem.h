/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/highmem.h - the typed atomic kmaps of x86-32 before 2.6.37.
 *
 * Follows arch/x86/include/asm/highmem.h and arch/x86/mm/highmem_32.c of
 * 2.6.35 (2.6.32 - 2.6.36; 2.6.36 adds the kunmap_atomic() type check of
 * include/linux/highmem.h): kmap_atomic(page, KM_...) maps @page at the
 * slot of that type of the current CPU and disables page faults (which in
 * this era raises preempt_count, so in_atomic() is true) until
 * kunmap_atomic(addr, KM_...).  A lowmem page is not mapped: its
 * page_address() comes back.  The emulation is compat/mm/highmem_32.c:
 * the debug_kmap_atomic() slot/context rules of mm/highmem.c (kernel
 * WARNs), a slot mapped twice on one CPU and an unmap with the wrong type
 * (kernel BUGs), each report attributed to the caller's file:line.
 * kmap()/kunmap() and the rest of the highmem API are in linux/highmem.h,
 * which includes this header.
 *
 * From 2.6.37 on kmap_atomic() is stack based (linux/highmem.h) and this
 * header adds nothing.
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <linux/version.h>

/* The pkmap area: KSHIM_LAST_PKMAP windows (x86-32: 1024, 512 with PAE). */
extern unsigned int kshim_last_pkmap;
#ifndef LAST_PKMAP
#define LAST_PKMAP		kshim_last_pkmap
#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
#endif

/*
 * kshim's entry points (compat/mm/highmem_32.c, which is built for 6.x
 * and says KSHIM_HIGHMEM_32_IMPL to see them); the macros below pass the
 * profile's version and the caller's position.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37) || \
	defined(KSHIM_HIGHMEM_32_IMPL)
#include <asm/current.h>	/* struct kshim_site, __KSHIM_CALLSITE */

struct page;

void *__kshim_kmap_atomic(struct page *page, int type, unsigned int version,
			  const struct kshim_site *site);
void *__kshim_kmap_atomic_pfn(unsigned long pfn, int type,
			      unsigned int version,
			      const struct kshim_site *site);
void __kshim_kunmap_atomic(void *kvaddr, int type, unsigned int version,
			   const struct kshim_site *site);
struct page *kmap_atomic_to_page(void *ptr);
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)

#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)
#error "kshim's typed kmap_atomic() follows 2.6.32 - 2.6.36 (debug_kmap_atomic() rules, report lines); LINUX_VERSION_CODE is older"
#endif

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <asm/kmap_types.h>

#define kmap_atomic(page, type)						\
	__kshim_kmap_atomic((page), (type), LINUX_VERSION_CODE,		\
			    __KSHIM_CALLSITE)

/* Same as kmap_atomic() but for a frame named by its pfn (iomap_32.c). */
#define kmap_atomic_pfn(pfn, type)					\
	__kshim_kmap_atomic_pfn((pfn), (type), LINUX_VERSION_CODE,	\
				__KSHIM_CALLSITE)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 36)
#define kunmap_atomic_notypecheck(addr, type)				\
	__kshim_kunmap_atomic((addr), (type), LINUX_VERSION_CODE,	\
			      __KSHIM_CALLSITE)
/* Prevent people trying to call kunmap_atomic() as if it were kunmap() */
/* kunmap_atomic() should get the return value of kmap_atomic, not the page. */
#define kunmap_atomic(addr, idx)					\
do {									\
	BUILD_BUG_ON(__same_type((addr), struct page *));		\
	kunmap_atomic_notypecheck((addr), (idx));			\
} while (0)
#else
/* A function taking void * in 2.6.35: a struct page * passes unnoticed. */
#define kunmap_atomic(addr, type)					\
	__kshim_kunmap_atomic((addr), (type), LINUX_VERSION_CODE,	\
			      __KSHIM_CALLSITE)
#endif

#endif /* LINUX_VERSION_CODE < 2.6.37 */

/* What the kernel's asm/highmem.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/kasan.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/mm.h>
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

#endif /* _ASM_X86_HIGHMEM_H */
