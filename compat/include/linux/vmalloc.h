/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/vmalloc.h - virtually contiguous kernel memory.
 *
 * Follows include/linux/vmalloc.h of 6.1 and mm/vmalloc.c's rules
 * (compat/mm/vmalloc.c): areas are backed by real page frames from the
 * buddy allocator (highmem ones first, as GFP_KERNEL | __GFP_HIGHMEM),
 * mapped at page-aligned addresses of the vmalloc range with an unmapped
 * guard page after each area, so an access past the end of an area or
 * after vfree() is the kernel's oops, naming the area.  Every entry point
 * is a macro that hands the caller's position to kshim: reports (the
 * WARNs, BUGs and might_sleep of mm/vmalloc.c), the oops and the
 * per-test leak ledger name the driver's line.  vmalloc() and vfree()
 * are real functions too, for code that takes their address.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/spinlock.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <asm/page.h>
#include <linux/rbtree.h>
#include <linux/overflow.h>
#include <asm/pgtable_types.h>	/* asm/vmalloc.h: pgprot_t, VMALLOC_START */
#include <kshim/site.h>

struct vm_area_struct;
struct notifier_block;
struct page;

/* bits in flags of vmalloc's vm_struct below */
#define VM_IOREMAP		0x00000001	/* ioremap() and friends */
#define VM_ALLOC		0x00000002	/* vmalloc() */
#define VM_MAP			0x00000004	/* vmap()ed pages */
#define VM_USERMAP		0x00000008	/* suitable for remap_vmalloc_range */
#define VM_DMA_COHERENT		0x00000010	/* dma_alloc_coherent */
#define VM_UNINITIALIZED	0x00000020	/* vm_struct is not fully initialized */
#define VM_NO_GUARD		0x00000040	/* don't add guard page */
#define VM_KASAN		0x00000080	/* has allocated kasan shadow memory */
#define VM_FLUSH_RESET_PERMS	0x00000100	/* reset direct map and flush TLB on unmap */
#define VM_MAP_PUT_PAGES	0x00000200	/* put pages and free array in vfree */
#define VM_ALLOW_HUGE_VMAP	0x00000400	/* allow huge pages (never used here) */
#define VM_DEFER_KMEMLEAK	0

#ifndef IOREMAP_MAX_ORDER
#define IOREMAP_MAX_ORDER	(7 + PAGE_SHIFT)	/* 128 pages */
#endif

struct vm_struct {
	struct vm_struct	*next;
	void			*addr;
	unsigned long		size;		/* with the guard page */
	unsigned long		flags;
	struct page		**pages;
	unsigned int		nr_pages;
	phys_addr_t		phys_addr;
	const void		*caller;	/* the caller's return address */
};

static inline size_t get_vm_area_size(const struct vm_struct *area)
{
	if (!(area->flags & VM_NO_GUARD))
		/* return actual size without guard page */
		return area->size - PAGE_SIZE;
	else
		return area->size;
}

/* ---- kshim's entry points (compat/mm/vmalloc.c) ---- */

void *__kshim_vmalloc_node_range(unsigned long size, unsigned long align,
				 gfp_t gfp_mask, pgprot_t prot,
				 unsigned long vm_flags, int node,
				 const struct kshim_site *site);
/* The vmalloc() flavours: which gfp and flags each one implies. */
enum kshim_vmalloc_kind {
	__KSHIM_VMALLOC,	/* GFP_KERNEL */
	__KSHIM_VZALLOC,	/* GFP_KERNEL | __GFP_ZERO */
	__KSHIM_VMALLOC_USER,	/* zeroed, VM_USERMAP */
	__KSHIM_VMALLOC_32,	/* GFP_DMA32 | GFP_KERNEL */
	__KSHIM_VMALLOC_32_USER,	/* zeroed, VM_USERMAP, DMA32 */
};
void *__kshim_vmalloc_kind(unsigned long size, enum kshim_vmalloc_kind kind,
			   int node, const struct kshim_site *site);
void *__kshim_vmalloc_array(size_t n, size_t size, gfp_t flags, bool zero,
			    const struct kshim_site *site);
void *__kshim_vmalloc_array_kind(size_t n, size_t size,
				 enum kshim_vmalloc_kind kind,
				 const struct kshim_site *site);
void __kshim_vfree(const void *addr, const struct kshim_site *site);
void __kshim_vfree_atomic(const void *addr, const struct kshim_site *site);
void *__kshim_vmap(struct page **pages, unsigned int count,
		   unsigned long flags, pgprot_t prot,
		   const struct kshim_site *site);
void __kshim_vunmap(const void *addr, const struct kshim_site *site);
void *__kshim_vm_map_ram(struct page **pages, unsigned int count, int node,
			 const struct kshim_site *site);
void __kshim_vm_unmap_ram(const void *mem, unsigned int count,
			  const struct kshim_site *site);

/*
 *	Highlevel APIs for driver use
 */
extern void vm_unmap_aliases(void);
extern unsigned long vmalloc_nr_pages(void);

/* Real functions, for code that takes their address. */
extern void *vmalloc(unsigned long size);
extern void vfree(const void *addr);

#define vmalloc(size)							\
	__kshim_vmalloc_kind(size, __KSHIM_VMALLOC, -1, __KSHIM_CALLSITE)
#define vzalloc(size)							\
	__kshim_vmalloc_kind(size, __KSHIM_VZALLOC, -1, __KSHIM_CALLSITE)
#define vmalloc_user(size)						\
	__kshim_vmalloc_kind(size, __KSHIM_VMALLOC_USER, -1,		\
			     __KSHIM_CALLSITE)
#define vmalloc_node(size, node)					\
	__kshim_vmalloc_kind(size, __KSHIM_VMALLOC, node, __KSHIM_CALLSITE)
#define vzalloc_node(size, node)					\
	__kshim_vmalloc_kind(size, __KSHIM_VZALLOC, node, __KSHIM_CALLSITE)
#define vmalloc_32(size)						\
	__kshim_vmalloc_kind(size, __KSHIM_VMALLOC_32, -1, __KSHIM_CALLSITE)
#define vmalloc_32_user(size)						\
	__kshim_vmalloc_kind(size, __KSHIM_VMALLOC_32_USER, -1,		\
			     __KSHIM_CALLSITE)
#define __vmalloc(size, gfp_mask)					\
	__kshim_vmalloc_node_range(size, 1, gfp_mask, PAGE_KERNEL, 0, -1, \
				   __KSHIM_CALLSITE)
/* @start/@end must be the vmalloc range (there is no module area). */
#define __vmalloc_node_range(size, align, start, end, gfp_mask, prot,	\
			     vm_flags, node, caller)			\
	__kshim_vmalloc_node_range(size, align, gfp_mask, prot, vm_flags, \
				   node, __KSHIM_CALLSITE)
#define __vmalloc_node(size, align, gfp_mask, node, caller)		\
	__kshim_vmalloc_node_range(size, align, gfp_mask, PAGE_KERNEL, 0, \
				   node, __KSHIM_CALLSITE)
#define vmalloc_huge(size, gfp_mask)					\
	__kshim_vmalloc_node_range(size, 1, gfp_mask, PAGE_KERNEL,	\
				   VM_ALLOW_HUGE_VMAP, -1, __KSHIM_CALLSITE)

#define __vmalloc_array(n, size, flags)					\
	__kshim_vmalloc_array(n, size, flags, false, __KSHIM_CALLSITE)
#define vmalloc_array(n, size)						\
	__kshim_vmalloc_array_kind(n, size, __KSHIM_VMALLOC,		\
				   __KSHIM_CALLSITE)
#define __vcalloc(n, size, flags)					\
	__kshim_vmalloc_array(n, size, flags, true, __KSHIM_CALLSITE)
#define vcalloc(n, size)						\
	__kshim_vmalloc_array_kind(n, size, __KSHIM_VZALLOC,		\
				   __KSHIM_CALLSITE)

#define vfree(addr)		__kshim_vfree(addr, __KSHIM_CALLSITE)
#define vfree_atomic(addr)	__kshim_vfree_atomic(addr, __KSHIM_CALLSITE)

#define vmap(pages, count, flags, prot)					\
	__kshim_vmap(pages, count, flags, prot, __KSHIM_CALLSITE)
#define vunmap(addr)		__kshim_vunmap(addr, __KSHIM_CALLSITE)
#define vm_map_ram(pages, count, node)					\
	__kshim_vm_map_ram(pages, count, node, __KSHIM_CALLSITE)
#define vm_unmap_ram(mem, count)					\
	__kshim_vm_unmap_ram(mem, count, __KSHIM_CALLSITE)

/*
 *	Lowlevel-APIs (not for driver use!)
 */
/* The live area @addr lies in (its guard page included), or NULL. */
extern struct vm_struct *find_vm_area(const void *addr);

static inline bool is_vm_area_hugepages(const void *addr)
{
	return false;
}

static inline void set_vm_flush_reset_perms(void *addr)
{
	struct vm_struct *vm = find_vm_area(addr);

	if (vm)
		vm->flags |= VM_FLUSH_RESET_PERMS;
}

#define VMALLOC_TOTAL (VMALLOC_END - VMALLOC_START)

static inline bool vmalloc_dump_obj(void *object)
{
	return false;
}

/* What linux/mm.h declares for vmalloc addresses, needed here too. */
extern bool is_vmalloc_addr(const void *x);
extern int is_vmalloc_or_module_addr(const void *x);
extern struct page *vmalloc_to_page(const void *addr);
extern unsigned long vmalloc_to_pfn(const void *addr);

/* What the kernel's linux/vmalloc.h also makes visible. */
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time64.h>

#endif /* _LINUX_VMALLOC_H */
