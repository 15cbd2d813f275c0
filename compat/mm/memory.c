/*
 * compat/mm/memory.c - page faults of user mappings and the driver mm
 * helpers, as mm/memory.c of 6.1 behaves for drivers.
 *
 *  - kshim_handle_mm_fault(): the access rules of the x86 fault handler
 *    (a write to an area without VM_WRITE, any access to a PROT_NONE area:
 *    VM_FAULT_SIGSEGV), then handle_pte_fault(): an anonymous area gets a
 *    zeroed GFP_HIGHUSER_MOVABLE page (PageAnon through ->mapping's low
 *    bit, _mapcount 0, the allocation's reference for the PTE); an area
 *    with ->vm_ops calls ->fault in the faulting task's context: read
 *    faults map the handler's page, write faults of private areas copy it
 *    into a new anonymous page (do_cow_fault), write faults of shared ones
 *    call ->page_mkwrite first; a write to a present read-only PTE reuses
 *    or copies the page (do_wp_page).  The ->fault contract of __do_fault:
 *    VM_FAULT_ERROR/NOPAGE/RETRY/DONE_COW return at once; otherwise
 *    vmf->page carries a reference the handler took, which becomes the
 *    PTE's (or is dropped if the PTE is there already); without
 *    VM_FAULT_LOCKED the core locks the page itself, with it the page must
 *    be locked (VM_BUG_ON_PAGE); a NULL vmf->page oopses as the kernel's
 *    PageHWPoison(vmf->page) does.
 *  - kshim_zap_range(): each PTE goes; a page's _mapcount drops at once,
 *    its reference after the whole range (the kernel's TLB batch), so a
 *    page mapped twice with one reference underflows at the second put:
 *    the VM_BUG_ON_PAGE(page_ref_count(page) == 0) of put_page_testzero().
 *    Special PTEs (pfn mappings) drop nothing.
 *  - vm_insert_page(s), vm_map_pages(_zero), remap_pfn_range,
 *    vm_iomap_memory, vmf_insert_pfn(_prot), vmf_insert_mixed, zap_vma_ptes,
 *    remap_vmalloc_range(_partial) with the kernel's return values, flags
 *    and BUG_ON/WARN_ON_ONCE checks, which name the driver's line.
 *
 * A report the kernel makes in its own code while running the driver's
 * ->fault (the unlocked page, the NULL page, the refcount underflow at
 * unmap) names the driver's ->fault handler: the file and line where its
 * code starts (DWARF), the function, as kshim has no better driver line
 * for it; the kernel names include/linux/mm.h or mm/memory.c there, which
 * kshim uses when the handler's line is unknown.
 *
 * Deviations (documented): no zero page (a read fault of anonymous memory
 * allocates, as on an architecture where mm_forbids_zeropage()); no LRU,
 * no rss counters, no anon_vma (an anonymous page's ->mapping is its mm
 * with PAGE_MAPPING_ANON); MAP_SHARED anonymous memory is faulted like
 * private anonymous memory (the kernel uses shmem); PAT (track_pfn_remap)
 * never refuses, pfn_modify_allowed() is always true.  A fault that keeps
 * returning without a PTE, which the kernel retries for ever, is a kshim
 * warning after a few retries and then VM_FAULT_SIGBUS.
 */
#include <stdbool.h>
#include <stddef.h>

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mmap_lock.h>
#include <linux/overflow.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pfn_t.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/version.h>
#include <linux/vmalloc.h>

#include "kshim/internal.h"
#include "arch/fault.h"
#include "mm/pgtable.h"

/* Where the kernel itself would report, when the driver's line is unknown */
#define KERNEL_SITE(name, file, line, func)				\
	static const struct kshim_site name = { file, line, func, NULL }

KERNEL_SITE(put_site, "include/linux/mm.h", 780, "release_pages");
KERNEL_SITE(fault_site_k, "mm/memory.c", 4285, "__do_fault");
KERNEL_SITE(mkwrite_site_k, "mm/memory.c", 3025, "do_page_mkwrite");

/* Retries of one fault that ends without a PTE before kshim gives up. */
#define FAULT_RETRIES	16

static unsigned int ret_bits(vm_fault_t ret)
{
	return (__force unsigned int)ret;
}

/* ---- the driver's callbacks, called the way its kernel calls them ---- */

typedef int (*old_fault_fn)(struct vm_area_struct *, struct vm_fault *);
typedef vm_fault_t (*new_fault_fn)(struct vm_fault *);

/* ->fault/->page_mkwrite/->pfn_mkwrite took (vma, vmf) before 4.11. */
static vm_fault_t call_vmf_op(const void *fn, struct vm_fault *vmf)
{
	if (kshim_linux_version() < KERNEL_VERSION(4, 11, 0))
		return (__force vm_fault_t)((old_fault_fn)fn)(vmf->vma, vmf);
	return ((new_fault_fn)fn)(vmf);
}

/* FAULT_FLAG_MKWRITE was bit 2 in 2.6.35 (bit 1 from 3.x on). */
static unsigned int flag_mkwrite(void)
{
	return kshim_kernel_2_6() ? 0x04 : FAULT_FLAG_MKWRITE;
}

/*
 * The site of a report the kernel makes in its own code about what the
 * driver's @fn (its ->fault) did: where @fn's code starts, or @kernel.
 */
static void handler_site(const void *fn, const struct kshim_site *kernel,
			 struct kshim_site *out)
{
	if (fn && arch_fault_site((unsigned long)fn, out) && out->file)
		return;
	*out = *kernel;
}

/* ---- PTEs and reverse maps ---- */

static pgoff_t linear_index(struct vm_area_struct *vma, unsigned long addr)
{
	return ((addr - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

/*
 * The area tells the core before a read-only page becomes writable
 * (vma_wants_writenotify()): its PTEs start without _PAGE_RW.
 */
static bool wants_writenotify(struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_WRITE | VM_SHARED)) ==
		       (VM_WRITE | VM_SHARED) &&
	       vma->vm_ops && (vma->vm_ops->page_mkwrite ||
			       vma->vm_ops->pfn_mkwrite);
}

static u64 mk_pte(unsigned long pfn, pgprot_t prot)
{
	return ((u64)pfn << PAGE_SHIFT) | pgprot_val(prot) | _PAGE_PRESENT;
}

/* do_set_pte(): young, and dirty + writable for a write (maybe_mkwrite). */
static u64 fault_pte(struct vm_area_struct *vma, unsigned long pfn,
		     bool write)
{
	u64 pte = mk_pte(pfn, vma->vm_page_prot) | _PAGE_ACCESSED;

	if (wants_writenotify(vma) || !(vma->vm_flags & VM_WRITE))
		pte &= ~_PAGE_RW;
	if (write) {
		pte |= _PAGE_DIRTY;
		if (vma->vm_flags & VM_WRITE)
			pte |= _PAGE_RW;
	}
	return pte;
}

static void add_file_rmap(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

/* page_add_new_anon_rmap(): kshim's anon_vma is the mm. */
static void add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			      unsigned long addr)
{
	__SetPageSwapBacked(page);
	atomic_set(&page->_mapcount, 0);
	page->mapping = (struct address_space *)
		((unsigned long)vma->vm_mm | PAGE_MAPPING_ANON);
	page->index = linear_index(vma, addr);
	SetPageAnonExclusive(page);
}

static void remove_rmap(struct page *page)
{
	atomic_dec(&page->_mapcount);
}

/* folio_mark_dirty() of a page without ->mapping: the flag only. */
static void mark_dirty(struct page *page)
{
	if (!PageAnon(page))
		SetPageDirty(page);
}

static void kput(struct page *page, const struct kshim_site *site)
{
	__kshim_put_page(page, kshim_site_file(site), kshim_site_line(site),
			 kshim_site_func(site));
}

/* ---- unmapping ---- */

#define ZAP_BATCH	64

struct zap_batch {
	struct vm_area_struct *vma;
	unsigned int nr;
	struct page *pages[ZAP_BATCH];
};

/*
 * release_pages(): each page's reference after the PTEs went.  A page
 * already at 0 is the underflow put_page_testzero() BUGs on: named after
 * the area's ->fault handler, which handed out a page without a reference.
 */
static void zap_flush(struct zap_batch *b)
{
	const struct vm_operations_struct *ops = b->vma->vm_ops;
	unsigned int i;

	for (i = 0; i < b->nr; i++) {
		struct page *page = b->pages[i];
		struct kshim_site site;

		if (unlikely(!page_ref_count(compound_head(page)))) {
			handler_site(ops ? (const void *)ops->fault : NULL,
				     &put_site, &site);
			kput(page, &site);
		} else {
			kput(page, &put_site);
		}
	}
	b->nr = 0;
}

void kshim_zap_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct zap_batch b = { .vma = vma, .nr = 0 };
	unsigned long addr;

	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE) {
		u64 pte = kshim_pte_clear(mm, addr);
		struct page *page;

		if (!pte || (pte & KSHIM_PTE_SPECIAL))
			continue;
		page = pfn_to_page(KSHIM_PTE_PFN(pte));
		if (pte & _PAGE_DIRTY)
			mark_dirty(page);
		remove_rmap(page);
		b.pages[b.nr++] = page;
		if (b.nr == ZAP_BATCH)
			zap_flush(&b);
	}
	zap_flush(&b);
}

/* For drivers: only pfn mappings, and only a range inside the area. */
void zap_vma_ptes(struct vm_area_struct *vma, unsigned long address,
		  unsigned long size)
{
	unsigned long end = address + size;
	bool pfnmap = (vma->vm_flags & VM_PFNMAP) != 0;

	if (pfnmap && range_in_vma(vma, address, end))
		kshim_zap_range(vma, address, end);
}

/* ---- faults ---- */

static struct page *alloc_user_page(bool zero)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | (zero ? __GFP_ZERO : 0));
}

/* Map a new anonymous page at @addr: 0, VM_FAULT_NOPAGE (raced), OOM. */
static vm_fault_t map_new_anon(struct vm_area_struct *vma,
			       unsigned long addr, struct page *page,
			       bool write)
{
	int err;

	__SetPageUptodate(page);
	add_new_anon_rmap(page, vma, addr);
	err = kshim_pte_install(vma->vm_mm, addr,
				fault_pte(vma, page_to_pfn(page), write));
	if (err) {
		/* Someone mapped it meanwhile: the page goes again. */
		atomic_set(&page->_mapcount, -1);
		ClearPageAnonExclusive(page);
		kput(page, &put_site);
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_NOPAGE;
	}
	return 0;
}

static vm_fault_t do_anonymous_page(struct vm_area_struct *vma,
				    unsigned long addr, bool write)
{
	struct page *page = alloc_user_page(true);

	if (!page)
		return VM_FAULT_OOM;
	return map_new_anon(vma, addr, page, write);
}

/*
 * The fault ends without a page to map: the handler failed, mapped the
 * page itself (NOPAGE) or wants the fault retried.
 */
static bool fault_stops(vm_fault_t ret)
{
	return (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)) != 0;
}

/* ->page_mkwrite/->pfn_mkwrite said no (an error, NOPAGE) or "retry" (0). */
static bool mkwrite_refused(vm_fault_t ret)
{
	return ret == 0 || (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)) != 0;
}

/*
 * Call the area's ->fault (the kernel's __do_fault()).  Unless it stops
 * the fault or did the COW itself, vmf->page comes back with a
 * reference for the caller, locked: by the handler when it says
 * VM_FAULT_LOCKED (checked: the kernel's VM_BUG_ON_PAGE), else here.  A
 * poisoned page is given back and the fault fails with HWPOISON; no page
 * at all oopses where the kernel's PageHWPoison(NULL) would.
 */
static vm_fault_t do_driver_fault(struct vm_fault *vmf)
{
	const void *handler = (const void *)vmf->vma->vm_ops->fault;
	vm_fault_t ret = call_vmf_op(handler, vmf);
	struct kshim_site site;
	struct page *page;

	if (fault_stops(ret) || (ret & VM_FAULT_DONE_COW))
		return ret;

	page = vmf->page;
	if (page == NULL) {
		handler_site(handler, &fault_site_k, &site);
		arch_oops_at(0, false, site.file, site.line, site.func);
	}
	if (PageHWPoison(page)) {
		if (ret & VM_FAULT_LOCKED)
			unlock_page(page);
		vmf->page = NULL;
		kput(page, &put_site);
		return VM_FAULT_HWPOISON;
	}
	if ((ret & VM_FAULT_LOCKED) == 0) {
		lock_page(page);
		return ret;
	}
	if (!PageLocked(page)) {
		handler_site(handler, &fault_site_k, &site);
		__kshim_vm_bug_page(page,
				    "VM_BUG_ON_PAGE(!PageLocked(vmf->page))",
				    site.file, site.line, site.func);
	}
	return ret;
}

/* finish_fault(): map @page (the handler's, or the COW copy). */
static vm_fault_t finish_fault(struct vm_fault *vmf, struct page *page,
			       bool anon)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	bool write = (vmf->flags & FAULT_FLAG_WRITE) != 0;
	int err;

	if (anon)
		return map_new_anon(vmf->vma, vmf->address, page, write);
	add_file_rmap(page);
	err = kshim_pte_install(mm, vmf->address,
				fault_pte(vmf->vma, page_to_pfn(page), write));
	if (err == 0)
		return 0;
	remove_rmap(page);
	return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_NOPAGE;
}

/*
 * The end of a fault that maps the handler's own page (locked and
 * referenced, from do_driver_fault()): after the mapping attempt the
 * page is unlocked, and its reference either stays as the new PTE's or
 * is dropped.  @shared_write: a write to a shared area dirties the page
 * first (fault_dirty_shared_page()).
 */
static vm_fault_t map_handler_page(struct vm_fault *vmf, vm_fault_t ret,
				   bool shared_write)
{
	struct page *page = vmf->page;

	ret |= finish_fault(vmf, page, false);
	if (fault_stops(ret)) {
		unlock_page(page);
		kput(page, &put_site);
		return ret;
	}
	if (shared_write)
		mark_dirty(page);
	unlock_page(page);
	return ret;
}

/* A read of a page not mapped yet. */
static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = do_driver_fault(vmf);

	return fault_stops(ret) ? ret : map_handler_page(vmf, ret, false);
}

/*
 * A write to a private area: the handler supplies the original, the
 * process gets an anonymous copy of it (prepared before ->fault, which
 * may fill it itself: VM_FAULT_DONE_COW).
 */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	struct page *copy = alloc_user_page(false);
	vm_fault_t ret;

	if (copy == NULL)
		return VM_FAULT_OOM;
	vmf->cow_page = copy;
	ret = do_driver_fault(vmf);
	if (fault_stops(ret)) {
		kput(copy, &put_site);
		return ret;
	}
	if (ret & VM_FAULT_DONE_COW)
		return ret;

	copy_user_highpage(copy, vmf->page, vmf->address, vmf->vma);
	/* On failure map_new_anon() has already let the copy go. */
	ret |= finish_fault(vmf, copy, true);
	unlock_page(vmf->page);
	kput(vmf->page, &put_site);
	return ret;
}

/*
 * Ask ->page_mkwrite whether vmf->page may become writable.  It runs
 * with FAULT_FLAG_WRITE | FAULT_FLAG_MKWRITE only, and may lock the page
 * itself (then it must be locked: the kernel's VM_BUG_ON_PAGE); else it
 * is locked here and, having lost its ->mapping (truncated, as the
 * kernel reads it), the fault is retried.  Returns the handler's bits
 * plus VM_FAULT_LOCKED with the page locked, the handler's refusal, or
 * 0 for a retry.
 */
static vm_fault_t do_page_mkwrite(struct vm_fault *vmf)
{
	const void *handler = (const void *)vmf->vma->vm_ops->page_mkwrite;
	unsigned int caller_flags = vmf->flags;
	struct page *page = vmf->page;
	struct kshim_site site;
	vm_fault_t ret;

	vmf->flags = FAULT_FLAG_WRITE | flag_mkwrite();
	ret = call_vmf_op(handler, vmf);
	vmf->flags = caller_flags;

	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	if (ret & VM_FAULT_LOCKED) {
		if (!PageLocked(page)) {
			handler_site(handler, &mkwrite_site_k, &site);
			__kshim_vm_bug_page(page,
					    "VM_BUG_ON_PAGE(!PageLocked(page))",
					    site.file, site.line, site.func);
		}
		return ret;
	}
	lock_page(page);
	if (page->mapping != NULL)
		return ret | VM_FAULT_LOCKED;
	unlock_page(page);
	return 0;
}

/*
 * A write to a shared area: the handler's page itself is mapped
 * writable, after ->page_mkwrite (if the area has one) agreed; it is
 * called with the page unlocked and leaves it locked.
 */
static vm_fault_t do_shared_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = do_driver_fault(vmf);

	if (fault_stops(ret))
		return ret;
	if (vmf->vma->vm_ops->page_mkwrite != NULL) {
		vm_fault_t verdict;

		unlock_page(vmf->page);
		verdict = do_page_mkwrite(vmf);
		if (mkwrite_refused(verdict)) {
			kput(vmf->page, &put_site);
			return verdict;
		}
	}
	return map_handler_page(vmf, ret, true);
}

/* Make the present PTE at @addr writable and dirty (wp_page_reuse()). */
static void pte_mkwrite(struct vm_area_struct *vma, unsigned long addr)
{
	kshim_pte_update(vma->vm_mm, addr,
			 _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED, 0);
}

/* wp_page_copy(): a private copy of @old (NULL: of the pfn) replaces it. */
static vm_fault_t wp_page_copy(struct vm_area_struct *vma, unsigned long addr,
			       u64 pte, struct page *old)
{
	unsigned long pfn = KSHIM_PTE_PFN(pte);
	struct page *src = old;
	struct page *page;

	if (src == NULL && pfn_valid(pfn))
		src = pfn_to_page(pfn);
	/* Nothing to copy from (a pfn without a page): a zeroed page. */
	page = alloc_user_page(src == NULL);
	if (page == NULL)
		return VM_FAULT_OOM;
	if (src != NULL)
		copy_user_highpage(page, src, addr, vma);
	if (kshim_pte_clear(vma->vm_mm, addr) != pte) {
		/* kshim: the caller's mmap_lock keeps the PTE; cannot race */
		kput(page, &put_site);
		return VM_FAULT_NOPAGE;
	}
	if (old != NULL) {
		remove_rmap(old);
		kput(old, &put_site);
	}
	return map_new_anon(vma, addr, page, true);
}

/*
 * A write to a shared, writable pfn mapping (no struct page behind it):
 * ->pfn_mkwrite may refuse, else the PTE just becomes writable.
 */
static vm_fault_t wp_shared_pfn(struct vm_fault *vmf)
{
	const struct vm_operations_struct *ops = vmf->vma->vm_ops;
	vm_fault_t verdict;

	if (ops != NULL && ops->pfn_mkwrite != NULL) {
		vmf->flags |= flag_mkwrite();
		verdict = call_vmf_op((const void *)ops->pfn_mkwrite, vmf);
		if (verdict & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
			return verdict;
	}
	pte_mkwrite(vmf->vma, vmf->address);
	return 0;
}

/*
 * A write to a shared page mapped read-only (for ->page_mkwrite): with
 * the handler's consent (it leaves the page locked) or without a
 * handler, the PTE becomes writable and the page dirty.  The page is
 * held across the handler call.
 */
static vm_fault_t wp_shared_page(struct vm_fault *vmf, struct page *page)
{
	const struct vm_operations_struct *ops = vmf->vma->vm_ops;

	get_page(page);
	vmf->page = page;
	if (ops != NULL && ops->page_mkwrite != NULL) {
		vm_fault_t verdict = do_page_mkwrite(vmf);

		if (mkwrite_refused(verdict)) {
			kput(page, &put_site);
			return verdict;
		}
		pte_mkwrite(vmf->vma, vmf->address);
	} else {
		pte_mkwrite(vmf->vma, vmf->address);
		lock_page(page);
	}
	mark_dirty(page);
	unlock_page(page);
	kput(page, &put_site);
	return 0;
}

/*
 * do_wp_page(): a write to a present read-only PTE of a writable area.
 * Shared areas make the mapping writable (after asking the driver);
 * private ones reuse a page only they own, else write to a copy.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf, u64 pte)
{
	vm_flags_t shared_rw = VM_SHARED | VM_WRITE;
	bool shared = (vmf->vma->vm_flags & shared_rw) == shared_rw;
	struct page *page;

	if (pte & KSHIM_PTE_SPECIAL)
		return shared ? wp_shared_pfn(vmf) :
				wp_page_copy(vmf->vma, vmf->address, pte, NULL);

	page = pfn_to_page(KSHIM_PTE_PFN(pte));
	if (shared)
		return wp_shared_page(vmf, page);
	if (PageAnon(page) && page_count(page) == 1) {
		pte_mkwrite(vmf->vma, vmf->address);
		return 0;
	}
	return wp_page_copy(vmf->vma, vmf->address, pte, page);
}

static vm_fault_t handle_pte_fault(struct vm_area_struct *vma,
				   unsigned long address, unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	bool write = flags & FAULT_FLAG_WRITE;
	struct vm_fault vmf = {
		.vma = vma,
		.gfp_mask = GFP_KERNEL,
		.pgoff = linear_index(vma, addr),
		.address = addr,
		.real_address = address,
		.flags = flags,
		.__kshim_virtual_address = (void __user *)addr,
	};
	u64 pte = kshim_pte_read(vma->vm_mm, addr);

	vmf.orig_pte = __pte(pte);
	if (!pte) {
		/* A file mapping is never anonymous, ->vm_ops or not. */
		if (vma_is_anonymous(vma) && !vma->vm_file)
			return do_anonymous_page(vma, addr, write);
		if (!vma->vm_ops || !vma->vm_ops->fault)
			return VM_FAULT_SIGBUS;
		if (!write)
			return do_read_fault(&vmf);
		if (!(vma->vm_flags & VM_SHARED))
			return do_cow_fault(&vmf);
		return do_shared_fault(&vmf);
	}
	if (write && !(pte & _PAGE_RW))
		return do_wp_page(&vmf, pte);
	kshim_pte_update(vma->vm_mm, addr,
			 _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0), 0);
	return 0;
}

/* The PTE at @addr now allows the access (the hardware would not refault) */
static bool access_ok_now(struct mm_struct *mm, unsigned long addr,
			  bool write)
{
	u64 pte = kshim_pte_read(mm, addr & PAGE_MASK);

	return (pte & _PAGE_PRESENT) && (!write || (pte & _PAGE_RW));
}

vm_fault_t kshim_handle_mm_fault(struct vm_area_struct *vma,
				 unsigned long addr, unsigned int flags)
{
	bool write = flags & FAULT_FLAG_WRITE;
	vm_fault_t ret = 0;
	int tries;

	/* arch/x86/mm/fault.c access_error(): SIGSEGV, the area is intact */
	if (write ? !(vma->vm_flags & VM_WRITE) : !vma_is_accessible(vma))
		return VM_FAULT_SIGSEGV;
	for (tries = 0; tries < FAULT_RETRIES; tries++) {
		ret = handle_pte_fault(vma, addr, flags);
		if (ret & VM_FAULT_ERROR)
			return ret & VM_FAULT_ERROR;
		if (access_ok_now(vma->vm_mm, addr, write))
			return 0;
		/* the kernel returns to user space, which faults again */
	}
	WARN(1, "kshim: a fault at %#lx of %s keeps returning without a usable PTE (last %#x): the kernel would retry it for ever\n",
	     addr, current->comm, ret_bits(ret));
	return VM_FAULT_SIGBUS;
}

/* ---- inserting pages and pfns ---- */

/*
 * Setting VM_MIXEDMAP outside ->mmap: BUG_ON(mmap_read_trylock(mm)) (the
 * caller must hold mmap_lock for write), BUG_ON(VM_PFNMAP).
 */
static void set_mixedmap(struct vm_area_struct *vma,
			 const struct kshim_site *site)
{
	if (vma->vm_flags & VM_MIXEDMAP)
		return;
	if (__kshim_down_read_trylock(&vma->vm_mm->__kshim_mmap_lock, site)) {
		/* (kshim lets it go first: the BUG ends the test anyway) */
		__kshim_up_read(&vma->vm_mm->__kshim_mmap_lock, site);
		__kshim_bug(site->file, site->line, site->func, site->mod);
	}
	if (vma->vm_flags & VM_PFNMAP)
		__kshim_bug(site->file, site->line, site->func, site->mod);
	vm_flags_set(vma, VM_MIXEDMAP);
}

/* @addr is a page of @vma. */
static bool addr_in_vma(const struct vm_area_struct *vma, unsigned long addr)
{
	return vma->vm_start <= addr && addr < vma->vm_end;
}

/*
 * Pages a driver may map into user space with vm_insert_page(): not
 * anonymous memory, not slab memory, no typed pages (page tables,
 * buddy pages...) - validate_page_before_insert().
 */
static bool page_insertable(struct page *page)
{
	return !PageAnon(page) && !PageSlab(page) && !page_has_type(page);
}

/*
 * A PTE for @page at @addr, the page gaining a mapping and a reference
 * (the PTE's).  -EBUSY when something is mapped there already.
 */
static int insert_page(struct vm_area_struct *vma, unsigned long addr,
		       struct page *page, pgprot_t prot,
		       const struct kshim_site *site)
{
	int err;

	if (!page_insertable(page))
		return -EINVAL;
	__kshim_get_page(page, site->file, site->line, site->func);
	add_file_rmap(page);
	err = kshim_pte_install(vma->vm_mm, addr,
				mk_pte(page_to_pfn(page), prot));
	if (err != 0) {
		remove_rmap(page);
		kput(page, site);
	}
	return err;
}

/* One page: inside the area, already referenced (not a free page). */
static int insert_one_page(struct vm_area_struct *vma, unsigned long addr,
			   struct page *page, const struct kshim_site *site)
{
	if (page_count(page) == 0)
		return -EINVAL;
	return insert_page(vma, addr, page, vma->vm_page_prot, site);
}

int __kshim_vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
			   struct page *page, const struct kshim_site *site)
{
	if (!addr_in_vma(vma, addr))
		return -EFAULT;
	if (page_count(page) == 0)
		return -EINVAL;
	set_mixedmap(vma, site);
	return insert_page(vma, addr, page, vma->vm_page_prot, site);
}

/*
 * *num pages from @addr on, in order; on an error *num says how many
 * were left unmapped (the failing page included), else 0.
 */
int __kshim_vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
			    struct page **pages, unsigned long *num,
			    const struct kshim_site *site)
{
	unsigned long done;

	if (!range_in_vma(vma, addr, addr + *num * PAGE_SIZE))
		return -EFAULT;
	set_mixedmap(vma, site);
	for (done = 0; done < *num; done++) {
		int err = insert_one_page(vma, addr + done * PAGE_SIZE,
					  pages[done], site);

		if (err != 0) {
			*num -= done;
			return err;
		}
	}
	*num = 0;
	return 0;
}

/*
 * The whole area from pages[@offset] on; -ENXIO when the array does not
 * reach the area's end (or @offset is past the array).
 */
int __kshim_vm_map_pages(struct vm_area_struct *vma, struct page **pages,
			 unsigned long num, unsigned long offset,
			 const struct kshim_site *site)
{
	unsigned long want = vma_pages(vma), n;

	if (offset >= num || want > num - offset)
		return -ENXIO;
	for (n = 0; n < want; n++) {
		int err = __kshim_vm_insert_page(vma,
						 vma->vm_start + n * PAGE_SIZE,
						 pages[offset + n], site);

		if (err < 0)
			return err;
	}
	return 0;
}

/*
 * remap_pfn_range() proper: @size (rounded up to pages) of pfns from
 * @pfn as special PTEs from @addr.  A private writable (COW) area can
 * only be remapped whole; its vm_pgoff then records the first pfn.
 * Checks at the driver's line: an unaligned @addr warns once (and
 * fails), an empty range and an occupied PTE are BUGs.
 */
static int remap_internal(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn, unsigned long size,
			  pgprot_t prot, const struct kshim_site *site)
{
	unsigned long span = PAGE_ALIGN(size), off;
	static bool warned;

	if (!PAGE_ALIGNED(addr)) {
		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return -EINVAL;
	}
	if (is_cow_mapping(vma->vm_flags)) {
		bool whole = addr == vma->vm_start &&
			     addr + span == vma->vm_end;

		if (!whole)
			return -EINVAL;
		vma->vm_pgoff = pfn;
	}
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	if (addr + span <= addr)
		__kshim_bug(site->file, site->line, site->func, site->mod);

	for (off = 0; off < span; off += PAGE_SIZE) {
		u64 pte = mk_pte(pfn + (off >> PAGE_SHIFT), prot) |
			  KSHIM_PTE_SPECIAL;
		int err = kshim_pte_install(vma->vm_mm, addr + off, pte);

		/* -EBUSY: a PTE there already (BUG_ON(!pte_none())) */
		if (err == -EBUSY)
			__kshim_bug(site->file, site->line, site->func,
				    site->mod);
		if (err != 0)
			return err;
	}
	return 0;
}

int __kshim_remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn, unsigned long size,
			    pgprot_t prot, const struct kshim_site *site)
{
	unsigned long start = addr & PAGE_MASK;
	bool whole = addr == vma->vm_start &&
		     PAGE_ALIGN(size) == vma->vm_end - vma->vm_start;
	int err;

	/* x86 PAT bookkeeping (track_pfn_remap()): whole areas are VM_PAT. */
	if (whole)
		vm_flags_set(vma, VM_PAT);
	err = remap_internal(vma, addr, pfn, size, prot, site);
	if (err == 0)
		return 0;
	/*
	 * Do not leave half a pfn mapping behind: the PTEs made so far go
	 * now (nothing would account for them at unmap), and the PAT
	 * marking with them (untrack_pfn()).
	 */
	kshim_zap_range(vma, start, start + PAGE_ALIGN(size));
	if (addr == vma->vm_start)
		vm_flags_clear(vma, VM_PAT);
	return err;
}

/*
 * Map the physical range [@start, @start + @len) over the whole area,
 * vm_pgoff pages into the range; the area must not be larger than what
 * is left of the range.
 */
int __kshim_vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start,
			    unsigned long len, const struct kshim_site *site)
{
	unsigned long first_pfn = start >> PAGE_SHIFT;
	unsigned long range_pages, area_len;

	if (start + len < start)
		return -EINVAL;
	/* pages touched by the range, its offset in the first one counted */
	range_pages = (len + offset_in_page(start) + PAGE_SIZE - 1) >>
		      PAGE_SHIFT;
	if (first_pfn + range_pages < first_pfn ||
	    vma->vm_pgoff > range_pages)
		return -EINVAL;
	area_len = vma->vm_end - vma->vm_start;
	if ((area_len >> PAGE_SHIFT) > range_pages - vma->vm_pgoff)
		return -EINVAL;
	return __kshim_remap_pfn_range(vma, vma->vm_start,
				       first_pfn + vma->vm_pgoff, area_len,
				       vma->vm_page_prot, site);
}

/* insert_pfn(): a special PTE unless one is there; VM_FAULT_NOPAGE. */
static unsigned int insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t prot)
{
	int err = kshim_pte_install(vma->vm_mm, addr,
				    mk_pte(pfn, prot) | KSHIM_PTE_SPECIAL);

	if (err == -ENOMEM)
		return ret_bits(VM_FAULT_OOM);
	return ret_bits(VM_FAULT_NOPAGE);
}

unsigned int __kshim_vmf_insert_pfn_prot(struct vm_area_struct *vma,
					 unsigned long addr,
					 unsigned long pfn, pgprot_t prot,
					 const struct kshim_site *site)
{
	vm_flags_t f = vma->vm_flags;

	if (!(f & (VM_PFNMAP | VM_MIXEDMAP)) ||
	    (f & (VM_PFNMAP | VM_MIXEDMAP)) == (VM_PFNMAP | VM_MIXEDMAP) ||
	    ((f & VM_PFNMAP) && is_cow_mapping(f)) ||
	    ((f & VM_MIXEDMAP) && pfn_valid(pfn)))
		__kshim_bug(site->file, site->line, site->func, site->mod);
	if (!addr_in_vma(vma, addr))
		return ret_bits(VM_FAULT_SIGBUS);
	return insert_pfn(vma, addr, pfn, prot);
}

unsigned int __kshim_vmf_insert_mixed(struct vm_area_struct *vma,
				      unsigned long addr, u64 pfn_t_val,
				      pgprot_t prot,
				      const struct kshim_site *site)
{
	pfn_t pfn = { .val = pfn_t_val };

	/* vm_mixed_ok(): x86 has no zero pfn use here (no zero page) */
	if (!(vma->vm_flags & VM_MIXEDMAP) && !pfn_t_devmap(pfn) &&
	    !pfn_t_special(pfn))
		__kshim_bug(site->file, site->line, site->func, site->mod);
	if (!addr_in_vma(vma, addr))
		return ret_bits(VM_FAULT_SIGBUS);
	/* ARCH_HAS_PTE_SPECIAL: a special PTE, no page reference */
	return insert_pfn(vma, addr, pfn_t_to_pfn(pfn), prot);
}

/* vm_insert_pfn() until 4.19: the errno of its VM_FAULT_* result. */
int __kshim_vm_insert_pfn_errno(unsigned int ret)
{
	if (ret == ret_bits(VM_FAULT_OOM))
		return -ENOMEM;
	if (ret == ret_bits(VM_FAULT_SIGBUS))
		return -EFAULT;
	return 0;
}

/* ---- vmalloc memory (mm/vmalloc.c in the kernel) ---- */

/*
 * The checks of remap_vmalloc_range_partial(): page-aligned addresses,
 * @kaddr the start of a vmalloc area made for user mapping
 * (VM_USERMAP, or DMA-coherent memory), @pgoff pages plus @size bytes
 * inside it.  Returns the byte offset into the area, or -EINVAL.
 */
static long vmalloc_user_range(unsigned long uaddr, void *kaddr,
			       unsigned long pgoff, unsigned long size)
{
	struct vm_struct *area;
	unsigned long skip, last;

	if (check_shl_overflow(pgoff, PAGE_SHIFT, &skip))
		return -EINVAL;
	if (!PAGE_ALIGNED(uaddr) || !PAGE_ALIGNED(kaddr))
		return -EINVAL;
	area = find_vm_area(kaddr);
	if (area == NULL || !(area->flags & (VM_USERMAP | VM_DMA_COHERENT)))
		return -EINVAL;
	if (check_add_overflow(size, skip, &last) ||
	    last > get_vm_area_size(area))
		return -EINVAL;
	return (long)skip;
}

int __kshim_remap_vmalloc_range_partial(struct vm_area_struct *vma,
					unsigned long uaddr, void *kaddr,
					unsigned long pgoff,
					unsigned long size,
					const struct kshim_site *site)
{
	unsigned long len = PAGE_ALIGN(size), done;
	long skip = vmalloc_user_range(uaddr, kaddr, pgoff, len);
	char *from;

	if (skip < 0)
		return skip;
	from = (char *)kaddr + skip;
	/*
	 * Page by page through vm_insert_page().  The kernel's loop runs at
	 * least once; kshim's maps nothing for a zero size (where the
	 * kernel's would run on past the range).
	 */
	for (done = 0; done < len; done += PAGE_SIZE) {
		int err = __kshim_vm_insert_page(vma, uaddr + done,
						 vmalloc_to_page(from + done),
						 site);

		if (err != 0)
			return err;
	}
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	return 0;
}
