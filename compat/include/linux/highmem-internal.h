/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/highmem-internal.h - kmap_local_page() and the stack kmap_atomic().
 *
 * Follows include/linux/highmem-internal.h of 6.8 (CONFIG_HIGHMEM,
 * CONFIG_DEBUG_KMAP_LOCAL, !PREEMPT_RT); included by linux/highmem.h only.
 *  - kmap_local_page(page): a lowmem page is its page_address(), with no
 *    side effect at all (a few inline instructions, no call); a highmem
 *    page (any page with KSHIM_KMAP_FORCE_MAP=1) is pushed on the task's
 *    stack of 16 windows: the 17th nested map is a kernel BUG, a push from
 *    hardirq context with interrupts enabled a WARN_ON_ONCE.
 *  - kunmap_local(addr) takes any address inside the mapped page; the
 *    windows must be unmapped in reverse order: an out-of-order unmap is a
 *    WARN_ON_ONCE and tears down the top window (as the kernel does), one
 *    unmap more than maps is a kernel BUG.
 *  - kmap_atomic(page) = preempt_disable() + pagefault_disable() +
 *    kmap_local_page(page), so sleeping inside reports; kunmap_atomic()
 *    undoes all three.
 *  - kunmap_local(page) and kunmap_atomic(page) - a struct page * instead
 *    of the address - do not compile (BUILD_BUG_ON, as in the kernel).
 */
#ifndef _LINUX_HIGHMEM_INTERNAL_H
#define _LINUX_HIGHMEM_INTERNAL_H

#include <linux/build_bug.h>
#include <asm-generic/kmap_size.h>

extern bool kshim_kmap_force_map;	/* KSHIM_KMAP_FORCE_MAP */
extern unsigned long kshim_lowmem_size;	/* bytes of the direct map */

void *__kshim_kmap_local_page_prot(struct page *page,
				   const struct kshim_site *site);
void __kshim_kunmap_local_indexed(const void *vaddr,
				  const struct kshim_site *site);

/* The page has no window to go through: its direct-map address serves. */
static __always_inline bool __kshim_kmap_direct(const struct page *page)
{
	return !PageHighMem(page) && !kshim_kmap_force_map;
}

static __always_inline bool __kshim_kmap_direct_addr(const void *vaddr)
{
	return (unsigned long)vaddr - PAGE_OFFSET < kshim_lowmem_size &&
	       !kshim_kmap_force_map;
}

static __always_inline void *__kshim_kmap_local_page(const struct page *page,
						     const struct kshim_site *site)
{
	if (likely(__kshim_kmap_direct(page)))
		return lowmem_page_address(page);
	return __kshim_kmap_local_page_prot((struct page *)page, site);
}

static __always_inline void __kshim_kunmap_local(const void *vaddr,
						 const struct kshim_site *site)
{
	if (likely(__kshim_kmap_direct_addr(vaddr)))
		return;
	__kshim_kunmap_local_indexed(vaddr, site);
}

/*
 * preempt_disable()/preempt_enable() as kmap_atomic() does them, inline:
 * the same count, the same "Preemption disabled at" record (the caller's
 * line), and the DEBUG_PREEMPT checks of preempt_count_add()/_sub(),
 * which the out-of-line calls make when the count is near its limits.
 */
#define __KSHIM_THIS_IP	({ __label__ __here; __here: (unsigned long)&&__here; })

static __always_inline void __kshim_kmap_preempt_disable(struct task_struct *t,
						 const struct kshim_site *site,
						 unsigned long ip)
{
	int pc = READ_ONCE(t->thread_info.preempt_count);

	if (unlikely(pc < 0 || (pc & PREEMPT_MASK) >= PREEMPT_MASK - 11)) {
		__kshim_preempt_count_add(1, site);
		return;
	}
	if (!pc) {
		t->thread_info.preempt_disable_site = site;
		t->thread_info.preempt_disable_ip = ip;
	}
	WRITE_ONCE(t->thread_info.preempt_count, pc + 1);
}

static __always_inline void __kshim_kmap_preempt_enable(struct task_struct *t,
						const struct kshim_site *site)
{
	int pc = READ_ONCE(t->thread_info.preempt_count);

	if (unlikely(pc < 1 || !(pc & PREEMPT_MASK))) {
		__kshim_preempt_count_sub(1, site);
		return;
	}
	WRITE_ONCE(t->thread_info.preempt_count, pc - 1);
}

static __always_inline void *__kshim_kmap_local_atomic(const struct page *page,
						 const struct kshim_site *site,
						 unsigned long ip)
{
	struct task_struct *t = current;

	__kshim_kmap_preempt_disable(t, site, ip);
	t->pagefault_disabled++;
	barrier();
	return __kshim_kmap_local_page(page, site);
}

static __always_inline void __kshim_kunmap_local_atomic(const void *vaddr,
						  const struct kshim_site *site)
{
	struct task_struct *t;

	__kshim_kunmap_local(vaddr, site);
	t = current;
	barrier();
	t->pagefault_disabled--;
	__kshim_kmap_preempt_enable(t, site);
}

#define kmap_local_page(page)	__kshim_kmap_local_page(page, __KSHIM_CALLSITE)
#define kmap_local_page_prot(page, prot)				\
	__kshim_kmap_local_page(page, __KSHIM_CALLSITE)
#define kmap_local_pfn(pfn)						\
	__kshim_kmap_local_page(pfn_to_page(pfn), __KSHIM_CALLSITE)
#define kmap_atomic(page)						\
	__kshim_kmap_local_atomic(page, __KSHIM_CALLSITE, __KSHIM_THIS_IP)
#define kmap_atomic_prot(page, prot)	kmap_atomic(page)
#define kmap_atomic_pfn(pfn)		kmap_atomic(pfn_to_page(pfn))

/* @__addr may be any address inside the mapped page. */
#define kunmap_local(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kshim_kunmap_local(__addr, __KSHIM_CALLSITE);			\
} while (0)

#define kunmap_atomic(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kshim_kunmap_local_atomic(__addr, __KSHIM_CALLSITE);		\
} while (0)

#endif /* _LINUX_HIGHMEM_INTERNAL_H */
