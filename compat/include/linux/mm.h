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
 *
 * User mappings (6.1 include/linux/mm.h and mm/memory.c, implemented in
 * compat/mm/memory.c): VM_* flags, vm_flags_set() and friends (6.3+),
 * struct vm_fault and struct vm_operations_struct with each profile's
 * ->fault signature (vma, vmf) before 4.11, int before 4.17, vm_fault_t
 * after), VM_FAULT_* and FAULT_FLAG_*, vm_insert_page(s), vm_map_pages,
 * remap_pfn_range/io_remap_pfn_range, vmf_insert_*, remap_vmalloc_range.
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
#include <linux/spinlock_types.h>
#include <linux/version.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <kshim/site.h>

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

/*
 * compat/mm/gup.c: put_page() left a count that may belong to FOLL_PIN
 * pins (order-0: at least GUP_PIN_COUNTING_BIAS - 1; compound: a
 * pincount): kshim checks that the pins and mappings still have theirs.
 */
void __kshim_gup_put_check(struct page *head, int count, const char *file,
			   int line, const char *func);

static __always_inline void __kshim_put_page(struct page *page,
					     const char *file, int line,
					     const char *func)
{
	/*
	 * 6.8: folio_put_testzero() is put_page_testzero() of the head;
	 * 2.6.35: put_compound_page() does the same for a compound page.
	 */
	bool maybe_pinned;

	page = compound_head(page);
	/*
	 * Whether pins may hold it is read while this reference still
	 * does: after the put, only a pinned page is sure to stay.
	 */
	maybe_pinned =
		unlikely((unsigned int)atomic_read(__kshim_ref(page)) >=
			 (1U << 10)) ||
		unlikely(PageHead(page) && page[1].private);
	if (__kshim_put_page_testzero(page, file, line, func))
		__kshim_put_page_final(page, LINUX_VERSION_CODE, file, line,
				       func);
	else if (unlikely(maybe_pinned))
		__kshim_gup_put_check(page, atomic_read(__kshim_ref(page)),
				      file, line, func);
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

/*
 * vm_flags of a vm_area_struct (6.1 include/linux/mm.h, x86_64 values).
 * The current permissions (VM_READ ...), what mprotect() may allow
 * (VM_MAY*), and what the mapping is (VM_IO, VM_PFNMAP, VM_MIXEDMAP ...).
 */
#define VM_NONE		0x00000000
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100
#define VM_UFFD_MISSING	0x00000200
#define VM_PFNMAP	0x00000400
#define VM_UFFD_WP	0x00001000
#define VM_LOCKED	0x00002000
#define VM_IO		0x00004000
#define VM_SEQ_READ	0x00008000
#define VM_RAND_READ	0x00010000
#define VM_DONTCOPY	0x00020000
#define VM_DONTEXPAND	0x00040000
#define VM_LOCKONFAULT	0x00080000
#define VM_ACCOUNT	0x00100000
#define VM_NORESERVE	0x00200000
#define VM_HUGETLB	0x00400000
#define VM_SYNC		0x00800000
#define VM_ARCH_1	0x01000000
#define VM_WIPEONFORK	0x02000000
#define VM_DONTDUMP	0x04000000
#define VM_SOFTDIRTY	0
#define VM_MIXEDMAP	0x10000000
#define VM_HUGEPAGE	0x20000000
#define VM_NOHUGEPAGE	0x40000000
#define VM_MERGEABLE	BIT(31)
#define VM_PAT		VM_ARCH_1	/* x86: PAT reserves the pfn range */
#define VM_STACK	VM_GROWSDOWN
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

static inline bool is_cow_mapping(vm_flags_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

static inline unsigned long vma_pages(struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* No ->vm_ops: anonymous memory (MAP_ANONYMOUS, kshim_user_alloc()). */
static inline bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline bool vma_is_accessible(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

static inline bool range_in_vma(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	return vma && vma->vm_start <= start && end <= vma->vm_end;
}

/*
 * The PTE protection of an area (arch/x86/mm/pgprot.c's protection_map):
 * a private writable area is PAGE_COPY, read-only until the first write
 * copies the page.
 */
static inline pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	switch (vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)) {
	case VM_READ:
	case VM_WRITE:
	case VM_WRITE | VM_READ:
	case VM_SHARED | VM_READ:
		return PAGE_READONLY;
	case VM_EXEC:
	case VM_EXEC | VM_READ:
	case VM_EXEC | VM_WRITE:
	case VM_EXEC | VM_WRITE | VM_READ:
	case VM_SHARED | VM_EXEC:
	case VM_SHARED | VM_EXEC | VM_READ:
		return PAGE_READONLY_EXEC;
	case VM_SHARED | VM_WRITE:
	case VM_SHARED | VM_WRITE | VM_READ:
		return PAGE_SHARED;
	case VM_SHARED | VM_EXEC | VM_WRITE:
	case VM_SHARED | VM_EXEC | VM_WRITE | VM_READ:
		return PAGE_SHARED_EXEC;
	default:
		return PAGE_NONE;
	}
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
/*
 * 6.3: vm_flags is const; these are the only writers (the kernel also
 * asserts mmap_lock held for write, except in vm_flags_init()).
 */
static inline void vm_flags_init(struct vm_area_struct *vma,
				 vm_flags_t flags)
{
	vma->__vm_flags = flags;
}

static inline void vm_flags_reset(struct vm_area_struct *vma,
				  vm_flags_t flags)
{
	vma->__vm_flags = flags;
}

static inline void vm_flags_set(struct vm_area_struct *vma,
				vm_flags_t flags)
{
	vma->__vm_flags |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma,
				  vm_flags_t flags)
{
	vma->__vm_flags &= ~flags;
}

static inline void vm_flags_mod(struct vm_area_struct *vma,
				vm_flags_t set, vm_flags_t clear)
{
	vma->__vm_flags = (vma->__vm_flags | set) & ~clear;
}
#endif

/* enum fault_flag and VM_FAULT_* are linux/mm_types.h's, as in 6.1. */

#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 17, 0)
static inline vm_fault_t vmf_error(int err)
{
	if (err == -ENOMEM)
		return VM_FAULT_OOM;
	return VM_FAULT_SIGBUS;
}
#endif

/*
 * What the core hands a ->fault handler (6.1 struct vm_fault).  The
 * layout is the same for every profile, so one libkshim serves them all;
 * the names follow the driver's version: 2.6.35 - 4.9 have
 * virtual_address (the faulting address, page aligned) and neither vma
 * nor address, which came with 4.10 (the handler then also lost its vma
 * argument in 4.11).
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 10, 0)
#define __KSHIM_VMF_NEW(name)	__kshim_##name
#define __KSHIM_VMF_OLD(name)	name
#else
#define __KSHIM_VMF_NEW(name)	name
#define __KSHIM_VMF_OLD(name)	__kshim_##name
#endif

struct vm_fault {
	const struct {
		struct vm_area_struct *__KSHIM_VMF_NEW(vma);
		gfp_t gfp_mask;		/* for the handler's allocations */
		pgoff_t pgoff;		/* page offset in the mapping */
		unsigned long __KSHIM_VMF_NEW(address);	/* page aligned */
		unsigned long real_address;	/* as faulted */
	};
	unsigned int flags;		/* FAULT_FLAG_* */
	pmd_t *pmd;
	pud_t *pud;
	union {
		pte_t orig_pte;		/* the PTE when the fault happened */
		pmd_t orig_pmd;
	};
	struct page *cow_page;		/* the private copy of a COW fault */
	struct page *page;		/* the handler's page, with a reference */
	pte_t *pte;
	spinlock_t *ptl;
	void *prealloc_pte;
	void __user *__KSHIM_VMF_OLD(virtual_address);
};

/* 6.1 enum page_entry_size: ->huge_fault()'s size before 6.6. */
enum page_entry_size {
	PE_SIZE_PTE = 0,
	PE_SIZE_PMD,
	PE_SIZE_PUD,
};

/*
 * An area's operations (6.1 struct vm_operations_struct).  ->fault,
 * ->page_mkwrite and ->pfn_mkwrite take (vma, vmf) before 4.11 and return
 * an int before 4.17; kshim calls them the way the machine's kernel does
 * (kshim_linux_version()).  Members 2.6.35 did not have keep their place
 * under a kshim name in that profile.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37)
#define __KSHIM_VMOPS_NEW(name)	__kshim_##name
#else
#define __KSHIM_VMOPS_NEW(name)	name
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 11, 0)
#define __KSHIM_VMOPS_ARGS	struct vm_area_struct *vma, struct vm_fault *vmf
#else
#define __KSHIM_VMOPS_ARGS	struct vm_fault *vmf
#endif

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*__KSHIM_VMOPS_NEW(may_split))(struct vm_area_struct *area,
					     unsigned long addr);
	int (*__KSHIM_VMOPS_NEW(mremap))(struct vm_area_struct *area);
	int (*__KSHIM_VMOPS_NEW(mprotect))(struct vm_area_struct *vma,
					    unsigned long start,
					    unsigned long end,
					    unsigned long newflags);
	__KSHIM_VMF_T (*fault)(__KSHIM_VMOPS_ARGS);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
#else
	__KSHIM_VMF_T (*__KSHIM_VMOPS_NEW(huge_fault))(struct vm_fault *vmf,
					enum page_entry_size pe_size);
#endif
	__KSHIM_VMF_T (*__KSHIM_VMOPS_NEW(map_pages))(struct vm_fault *vmf,
					pgoff_t start_pgoff,
					pgoff_t end_pgoff);
	unsigned long (*__KSHIM_VMOPS_NEW(pagesize))(struct vm_area_struct *area);
	/* a read-only page is about to become writable; an error: SIGBUS */
	__KSHIM_VMF_T (*page_mkwrite)(__KSHIM_VMOPS_ARGS);
	/* the same for VM_PFNMAP / VM_MIXEDMAP areas */
	__KSHIM_VMF_T (*__KSHIM_VMOPS_NEW(pfn_mkwrite))(__KSHIM_VMOPS_ARGS);
	/* access_process_vm() when get_user_pages() fails */
	int (*access)(struct vm_area_struct *vma, unsigned long addr,
		      void *buf, int len, int write);
	const char *(*__KSHIM_VMOPS_NEW(name))(struct vm_area_struct *vma);
	struct page *(*__KSHIM_VMOPS_NEW(find_special_page))(
		struct vm_area_struct *vma, unsigned long addr);
};

/*
 * Driver mm helpers (compat/mm/memory.c, mm/memory.c of 6.1).  Each is a
 * macro passing the caller's position: a BUG or WARN names the driver's
 * line.  The caller holds mmap_lock (for write from ->mmap, for read in
 * ->fault); vm_insert_page() and friends set VM_MIXEDMAP themselves only
 * under the write lock (BUG otherwise).
 */
int __kshim_vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
			   struct page *page, const struct kshim_site *site);
#define vm_insert_page(vma, addr, page)					\
	__kshim_vm_insert_page(vma, addr, page, __KSHIM_CALLSITE)
int __kshim_vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
			    struct page **pages, unsigned long *num,
			    const struct kshim_site *site);
#define vm_insert_pages(vma, addr, pages, num)				\
	__kshim_vm_insert_pages(vma, addr, pages, num, __KSHIM_CALLSITE)
int __kshim_vm_map_pages(struct vm_area_struct *vma, struct page **pages,
			 unsigned long num, unsigned long offset,
			 const struct kshim_site *site);
#define vm_map_pages(vma, pages, num)					\
	__kshim_vm_map_pages(vma, pages, num, (vma)->vm_pgoff,		\
			     __KSHIM_CALLSITE)
#define vm_map_pages_zero(vma, pages, num)				\
	__kshim_vm_map_pages(vma, pages, num, 0, __KSHIM_CALLSITE)

int __kshim_remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn, unsigned long size,
			    pgprot_t prot, const struct kshim_site *site);
#define remap_pfn_range(vma, addr, pfn, size, prot)			\
	__kshim_remap_pfn_range(vma, addr, pfn, size, prot,		\
				__KSHIM_CALLSITE)
/* x86: no memory encryption, the same as remap_pfn_range(). */
#define io_remap_pfn_range(vma, addr, pfn, size, prot)			\
	__kshim_remap_pfn_range(vma, addr, pfn, size, prot,		\
				__KSHIM_CALLSITE)
int __kshim_vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
			    unsigned long len, const struct kshim_site *site);
#define vm_iomap_memory(vma, start, len)				\
	__kshim_vm_iomap_memory(vma, start, len, __KSHIM_CALLSITE)

/* Remove the PTEs of a VM_PFNMAP range (nothing for other areas). */
void zap_vma_ptes(struct vm_area_struct *vma, unsigned long address,
		  unsigned long size);

/*
 * pfn insertion from a ->fault handler: the vmf_ forms (4.17 on) return
 * VM_FAULT_NOPAGE (or SIGBUS/OOM), the older vm_insert_pfn() and
 * vm_insert_mixed() (until 4.19) an errno.
 */
unsigned int __kshim_vmf_insert_pfn_prot(struct vm_area_struct *vma,
					 unsigned long addr,
					 unsigned long pfn, pgprot_t prot,
					 const struct kshim_site *site);
unsigned int __kshim_vmf_insert_mixed(struct vm_area_struct *vma,
				      unsigned long addr, u64 pfn_t_val,
				      pgprot_t prot,
				      const struct kshim_site *site);
int __kshim_vm_insert_pfn_errno(unsigned int ret);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 17, 0)
#define vmf_insert_pfn_prot(vma, addr, pfn, prot)			\
	((__force vm_fault_t)__kshim_vmf_insert_pfn_prot(vma, addr, pfn,	\
					prot, __KSHIM_CALLSITE))
#define vmf_insert_pfn(vma, addr, pfn)					\
	((__force vm_fault_t)__kshim_vmf_insert_pfn_prot(vma, addr, pfn,	\
				(vma)->vm_page_prot, __KSHIM_CALLSITE))
#define vmf_insert_mixed(vma, addr, pfn)				\
	((__force vm_fault_t)__kshim_vmf_insert_mixed(vma, addr,		\
				(pfn).val, (vma)->vm_page_prot,		\
				__KSHIM_CALLSITE))
#define vmf_insert_mixed_prot(vma, addr, pfn, prot)			\
	((__force vm_fault_t)__kshim_vmf_insert_mixed(vma, addr,		\
				(pfn).val, prot, __KSHIM_CALLSITE))

/* A page into a ->fault's area (VM_MIXEDMAP): a reference taken. */
static inline vm_fault_t __kshim_vmf_insert_page(struct vm_area_struct *vma,
						 unsigned long addr,
						 struct page *page,
						 const struct kshim_site *site)
{
	int err = __kshim_vm_insert_page(vma, addr, page, site);

	if (err == -ENOMEM)
		return VM_FAULT_OOM;
	if (err < 0 && err != -EBUSY)
		return VM_FAULT_SIGBUS;
	return VM_FAULT_NOPAGE;
}
#define vmf_insert_page(vma, addr, page)				\
	__kshim_vmf_insert_page(vma, addr, page, __KSHIM_CALLSITE)
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 20, 0)
#define vm_insert_pfn(vma, addr, pfn)					\
	__kshim_vm_insert_pfn_errno(__kshim_vmf_insert_pfn_prot(vma, addr,	\
				pfn, (vma)->vm_page_prot, __KSHIM_CALLSITE))
#endif

/*
 * Map vmalloc_user() memory (VM_USERMAP; mm/vmalloc.c in the kernel, in
 * compat/mm/memory.c here): -EINVAL for any other memory.
 */
int __kshim_remap_vmalloc_range_partial(struct vm_area_struct *vma,
					unsigned long uaddr, void *kaddr,
					unsigned long pgoff,
					unsigned long size,
					const struct kshim_site *site);
#define remap_vmalloc_range_partial(vma, uaddr, kaddr, pgoff, size)	\
	__kshim_remap_vmalloc_range_partial(vma, uaddr, kaddr, pgoff, size, \
					    __KSHIM_CALLSITE)
#define remap_vmalloc_range(vma, addr, pgoff)				\
	__kshim_remap_vmalloc_range_partial(vma, (vma)->vm_start, addr,	\
					    pgoff,			\
					    (vma)->vm_end - (vma)->vm_start, \
					    __KSHIM_CALLSITE)

/*
 * A process's areas (mm/mmap.c; compat/mm/mmap.c), mmap_lock held:
 * find_vma() is the first area ending above @addr, vma_lookup() the one
 * holding it.  vm_mmap()/vm_munmap() map and unmap in current->mm, taking
 * mmap_lock themselves (kernel code's mmap(): lib/test_user_copy.c).
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr);
unsigned long vm_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset);
int vm_munmap(unsigned long start, size_t len);

/*
 * get_user_pages() and pin_user_pages() (6.1 mm/gup.c, include/linux/mm.h;
 * compat/mm/gup.c).  FOLL_* have 6.1's values for every profile (6.8 moved
 * FOLL_PIN and the other internal flags into mm/internal.h; its checks
 * reject the same misuse).  Each API is a macro naming the caller; the
 * signature follows LINUX_VERSION_CODE: vmas went in 6.5, the task
 * argument of the _remote forms in 5.9, write/force became gup_flags in
 * 4.9 (get_user_pages_fast in 5.2), tsk/mm left get_user_pages() in 4.6.
 */
#define FOLL_WRITE	0x01	/* check pte is writable */
#define FOLL_TOUCH	0x02	/* mark page accessed */
#define FOLL_GET	0x04	/* do get_page on page */
#define FOLL_DUMP	0x08	/* give error on hole if it would be zero */
#define FOLL_FORCE	0x10	/* get_user_pages read/write w/o permission */
#define FOLL_NOWAIT	0x20	/* if a disk transfer is needed, start the IO */
#define FOLL_NOFAULT	0x80	/* do not fault in pages */
#define FOLL_HWPOISON	0x100	/* check page is hwpoisoned */
#define FOLL_MIGRATION	0x400	/* wait for page to replace migration entry */
#define FOLL_TRIED	0x800	/* a retry, previous pass started an IO */
#define FOLL_REMOTE	0x2000	/* we are working on non-current tsk/mm */
#define FOLL_ANON	0x8000	/* don't do file mappings */
#define FOLL_LONGTERM	0x10000	/* mapping lifetime is indefinite */
#define FOLL_SPLIT_PMD	0x20000	/* split huge pmd before returning */
#define FOLL_PIN	0x40000	/* pages must be released via unpin_user_page */
#define FOLL_FAST_ONLY	0x80000	/* gup_fast: prevent fall-back to slow gup */

/*
 * FOLL_PIN counts: an order-0 page's refcount goes up by the bias per pin;
 * a compound page's by 1, with its head's pincount (6.1 page[1].
 * compound_pincount, kshim keeps it in page[1].private) up by 1.
 */
#define GUP_PIN_COUNTING_BIAS (1U << 10)

static inline int __kshim_compound_pincount(const struct page *head)
{
	return (int)__atomic_load_n(&head[1].private, __ATOMIC_RELAXED);
}

/* 6.1 folio_maybe_dma_pinned(page_folio(page)) */
static inline bool page_maybe_dma_pinned(struct page *page)
{
	struct page *head = compound_head(page);

	if (PageHead(head))
		return __kshim_compound_pincount(head) > 0;
	return (unsigned int)atomic_read(&head->__kshim_refcount) >=
	       GUP_PIN_COUNTING_BIAS;
}

struct kshim_gup_req {
	struct mm_struct *mm;		/* NULL: current->mm */
	unsigned long start;
	unsigned long nr_pages;
	unsigned int gup_flags;
	struct page **pages;
	struct vm_area_struct **vmas;
	int *locked;
	unsigned int api;		/* KSHIM_GUP_* */
	unsigned int version;		/* the caller's LINUX_VERSION_CODE */
	const struct kshim_site *site;
};
enum {
	KSHIM_GUP, KSHIM_GUP_REMOTE, KSHIM_GUP_UNLOCKED, KSHIM_GUP_FAST,
	KSHIM_GUP_FAST_ONLY, KSHIM_PIN, KSHIM_PIN_REMOTE, KSHIM_PIN_UNLOCKED,
	KSHIM_PIN_FAST, KSHIM_PIN_FAST_ONLY,
};
long __kshim_gup(const struct kshim_gup_req *req);

#define __KSHIM_GUP(_api, _mm, _start, _nr, _flags, _pages, _vmas, _locked) \
	__kshim_gup(&(const struct kshim_gup_req){			\
		.mm = (_mm), .start = (_start), .nr_pages = (_nr),	\
		.gup_flags = (_flags), .pages = (_pages),		\
		.vmas = (_vmas), .locked = (_locked), .api = (_api),	\
		.version = LINUX_VERSION_CODE,				\
		.site = __KSHIM_CALLSITE })
/* The int of the _fast forms (a cast would warn when it is ignored). */
static inline int __kshim_gup_int(long ret)
{
	return (int)ret;
}

#define __KSHIM_WF(write, force)					\
	(((write) ? FOLL_WRITE : 0) | ((force) ? FOLL_FORCE : 0))

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#define get_user_pages(start, nr_pages, gup_flags, pages)		\
	__KSHIM_GUP(KSHIM_GUP, NULL, start, nr_pages, gup_flags, pages,	\
		    NULL, NULL)
#define pin_user_pages(start, nr_pages, gup_flags, pages)		\
	__KSHIM_GUP(KSHIM_PIN, NULL, start, nr_pages, gup_flags, pages,	\
		    NULL, NULL)
#define get_user_pages_remote(mm, start, nr_pages, gup_flags, pages,	\
			      locked)					\
	__KSHIM_GUP(KSHIM_GUP_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, NULL, locked)
#define pin_user_pages_remote(mm, start, nr_pages, gup_flags, pages,	\
			      locked)					\
	__KSHIM_GUP(KSHIM_PIN_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, NULL, locked)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(4, 9, 0)
#define get_user_pages(start, nr_pages, gup_flags, pages, vmas)	\
	__KSHIM_GUP(KSHIM_GUP, NULL, start, nr_pages, gup_flags, pages,	\
		    vmas, NULL)
#define pin_user_pages(start, nr_pages, gup_flags, pages, vmas)	\
	__KSHIM_GUP(KSHIM_PIN, NULL, start, nr_pages, gup_flags, pages,	\
		    vmas, NULL)
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 9, 0)
#define get_user_pages_remote(mm, start, nr_pages, gup_flags, pages,	\
			      vmas, locked)				\
	__KSHIM_GUP(KSHIM_GUP_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, vmas, locked)
#define pin_user_pages_remote(mm, start, nr_pages, gup_flags, pages,	\
			      vmas, locked)				\
	__KSHIM_GUP(KSHIM_PIN_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, vmas, locked)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(4, 10, 0)
#define get_user_pages_remote(tsk, mm, start, nr_pages, gup_flags,	\
			      pages, vmas, locked)			\
	__KSHIM_GUP(KSHIM_GUP_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, vmas, locked)
#define pin_user_pages_remote(tsk, mm, start, nr_pages, gup_flags,	\
			      pages, vmas, locked)			\
	__KSHIM_GUP(KSHIM_PIN_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, vmas, locked)
#else
#define get_user_pages_remote(tsk, mm, start, nr_pages, gup_flags,	\
			      pages, vmas)				\
	__KSHIM_GUP(KSHIM_GUP_REMOTE, mm, start, nr_pages, gup_flags,	\
		    pages, vmas, NULL)
#endif
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(4, 6, 0)
#define get_user_pages(start, nr_pages, write, force, pages, vmas)	\
	__KSHIM_GUP(KSHIM_GUP, NULL, start, nr_pages,			\
		    __KSHIM_WF(write, force), pages, vmas, NULL)
#define get_user_pages_remote(tsk, mm, start, nr_pages, write, force,	\
			      pages, vmas)				\
	__KSHIM_GUP(KSHIM_GUP_REMOTE, mm, start, nr_pages,		\
		    __KSHIM_WF(write, force), pages, vmas, NULL)
#else
/* 2.6.x - 4.5: the caller names the task and mm, holding mmap_sem. */
#define get_user_pages(tsk, mm, start, nr_pages, write, force, pages,	\
		       vmas)						\
	__KSHIM_GUP(KSHIM_GUP, mm, start, nr_pages,			\
		    __KSHIM_WF(write, force), pages, vmas, NULL)
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 9, 0)
#define get_user_pages_unlocked(start, nr_pages, pages, gup_flags)	\
	__KSHIM_GUP(KSHIM_GUP_UNLOCKED, NULL, start, nr_pages,		\
		    gup_flags, pages, NULL, NULL)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(4, 6, 0)
#define get_user_pages_unlocked(start, nr_pages, write, force, pages)	\
	__KSHIM_GUP(KSHIM_GUP_UNLOCKED, NULL, start, nr_pages,		\
		    __KSHIM_WF(write, force), pages, NULL, NULL)
#endif
#define pin_user_pages_unlocked(start, nr_pages, pages, gup_flags)	\
	__KSHIM_GUP(KSHIM_PIN_UNLOCKED, NULL, start, nr_pages,		\
		    gup_flags, pages, NULL, NULL)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0)
#define get_user_pages_fast(start, nr_pages, gup_flags, pages)		\
	__kshim_gup_int(__KSHIM_GUP(KSHIM_GUP_FAST, NULL, start, nr_pages,	\
			  gup_flags, pages, NULL, NULL))
#else
#define get_user_pages_fast(start, nr_pages, write, pages)		\
	__kshim_gup_int(__KSHIM_GUP(KSHIM_GUP_FAST, NULL, start, nr_pages,	\
			  (write) ? FOLL_WRITE : 0, pages, NULL, NULL))
#endif
#define get_user_pages_fast_only(start, nr_pages, gup_flags, pages)	\
	__kshim_gup_int(__KSHIM_GUP(KSHIM_GUP_FAST_ONLY, NULL, start, nr_pages,	\
			  gup_flags, pages, NULL, NULL))
#define pin_user_pages_fast(start, nr_pages, gup_flags, pages)		\
	__kshim_gup_int(__KSHIM_GUP(KSHIM_PIN_FAST, NULL, start, nr_pages,	\
			  gup_flags, pages, NULL, NULL))
#define pin_user_pages_fast_only(start, nr_pages, gup_flags, pages)	\
	__kshim_gup_int(__KSHIM_GUP(KSHIM_PIN_FAST_ONLY, NULL, start, nr_pages,	\
			  gup_flags, pages, NULL, NULL))

/*
 * Releasing pins: the exact reverse of the pin.  kshim reports (beyond
 * the kernel, which corrupts the counts silently) an unpin of a page
 * with no pin outstanding.  The real functions exist for address-takers.
 */
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
void unpin_user_page_range_dirty_lock(struct page *page,
				      unsigned long npages, bool make_dirty);
void __kshim_unpin_user_pages(struct page **pages, unsigned long npages,
			      int dirty, const struct kshim_site *site);
void __kshim_unpin_user_page_range(struct page *page, unsigned long npages,
				   bool make_dirty,
				   const struct kshim_site *site);
void __kshim_unpin_user_page(struct page *page,
			     const struct kshim_site *site);
#define unpin_user_page(page)						\
	__kshim_unpin_user_page(page, __KSHIM_CALLSITE)
#define unpin_user_pages(pages, npages)					\
	__kshim_unpin_user_pages(pages, npages, -1, __KSHIM_CALLSITE)
#define unpin_user_pages_dirty_lock(pages, npages, make_dirty)		\
	__kshim_unpin_user_pages(pages, npages, !!(make_dirty),		\
				 __KSHIM_CALLSITE)
#define unpin_user_page_range_dirty_lock(page, npages, make_dirty)	\
	__kshim_unpin_user_page_range(page, npages, make_dirty,	\
				      __KSHIM_CALLSITE)

/*
 * set_page_dirty() (mm/folio-compat.c) and set_page_dirty_lock()
 * (mm/page-writeback.c, lock_page(): a might_sleep() point) of a page
 * without a writeback ->mapping: PG_dirty; true if it was clean.
 */
int __kshim_set_page_dirty(struct page *page, bool lock,
			   const struct kshim_site *site);
#define set_page_dirty(page)						\
	__kshim_set_page_dirty(page, false, __KSHIM_CALLSITE)
#define set_page_dirty_lock(page)					\
	__kshim_set_page_dirty(page, true, __KSHIM_CALLSITE)

/* What the kernel's linux/mm.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/hash.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/ioport.h>
#include <linux/kasan.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/mmap_lock.h>
#include <linux/notifier.h>
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
