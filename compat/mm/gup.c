// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/gup.c - get_user_pages() and pin_user_pages().
 *
 * Reproduces mm/gup.c of 6.1 as drivers see it:
 *  - the pages behind a process's user range, as its page table has them
 *    (compat/mm/pgtable.h); a page not yet present, or present read-only
 *    for FOLL_WRITE, is faulted in through its area as the hardware would
 *    (kshim_handle_mm_fault(), compat/mm/memory.c: anonymous zero-fill,
 *    copy-on-write, the driver's ->fault), then looked up again;
 *  - check_vma_flags(): no area, VM_IO/VM_PFNMAP areas, FOLL_WRITE to an
 *    area without VM_WRITE (unless FOLL_FORCE on a COW mapping), a read
 *    of one without VM_READ (unless FOLL_FORCE with VM_MAYREAD): -EFAULT;
 *    a PTE without a struct page (pfn mappings in a VM_MIXEDMAP area):
 *    -EEXIST when pages are wanted.  A fault's VM_FAULT_OOM is -ENOMEM,
 *    SIGBUS/SIGSEGV are -EFAULT; a pending SIGKILL is -EINTR.  The result
 *    is the number of pages done before the first failure, or the error
 *    when none was;
 *  - references: FOLL_GET takes one per page; FOLL_PIN (pin_user_pages*)
 *    adds GUP_PIN_COUNTING_BIAS (1024) to an order-0 page's refcount, and
 *    1 to a compound page's refcount and its head's pincount (try_grab_
 *    folio()); unpin_user_page*() reverses exactly that (gup_put_folio());
 *  - the flag misuse checks, each a WARN_ON_ONCE() (once per boot, per
 *    check of each entry point as the kernel's distinct sites) at the
 *    caller's line and -EINVAL: FOLL_PIN or FOLL_LONGTERM given to
 *    get_user_pages*(), FOLL_GET or a NULL pages array given to
 *    pin_user_pages*(), FOLL_LONGTERM to get_user_pages_unlocked(), a
 *    flag the fast path does not know;
 *  - locking: get_user_pages()/pin_user_pages() and the _remote forms
 *    without @locked run under the caller's mmap_lock (from 6.3 the kernel
 *    asserts it: mmap_assert_locked()); the _unlocked and _fast forms take
 *    it themselves (the _fast ones only when the lockless walk over the
 *    present PTEs does not do).  The slow paths are might_sleep() points
 *    at the caller's line (the kernel's cond_resched()).
 *
 * Beyond the kernel: every FOLL_PIN is recorded with the line that took it
 * (per head page frame).  Pins outstanding when a test ends are the
 * ledger's "pages pinned (FOLL_PIN)", naming the pinning lines.  An
 * unpin_user_page() of a page with no pin outstanding (or whose count is
 * already below what the pins hold), and a put_page() that takes a pinned
 * page's count below what its pins and mappings hold, corrupt the counts
 * silently in the kernel: kshim reports them (class "gup", marked
 * "beyond the kernel") at the caller's line and leaves the counts alone.
 * The zero page does not exist in kshim (read faults of anonymous memory
 * get a page of their own), FOLL_LONGTERM migrates nothing, DEBUG_VM's
 * sanity_check_pinned_pages() is not done.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "arch/physmem.h"
#include "mm/internal.h"
#include "mm/pgtable.h"

/* ---- the pin records (per head page frame) ---- */

struct gup_pin {
	const struct kshim_site *site;	/* the last pin's line */
	long pins;			/* FOLL_PIN references outstanding */
};

static struct gup_pin *pin_recs;
static size_t pin_recs_len;
static long pins_outstanding;

static struct gup_pin *pin_rec(const struct page *head)
{
	unsigned long pfn = page_to_pfn(head);

	return pin_recs && pfn < max_pfn ? &pin_recs[pfn] : NULL;
}

static void pin_record(struct page *head, long refs,
		       const struct kshim_site *site)
{
	struct gup_pin *r = pin_rec(head);

	if (!r)
		return;
	__atomic_store_n(&r->site, site, __ATOMIC_RELAXED);
	__atomic_fetch_add(&r->pins, refs, __ATOMIC_RELAXED);
	__atomic_fetch_add(&pins_outstanding, refs, __ATOMIC_RELAXED);
}

static long pins_of(const struct page *head)
{
	struct gup_pin *r = pin_rec(head);

	return r ? __atomic_load_n(&r->pins, __ATOMIC_RELAXED) : 0;
}

static long ledger_pins(void *arg)
{
	return __atomic_load_n(&pins_outstanding, __ATOMIC_RELAXED);
}

static void explain_pins(void *arg)
{
	unsigned long pfn, lines = 0;

	for (pfn = min_low_pfn; pfn < max_pfn && lines < 20; pfn++) {
		const struct gup_pin *r = &pin_recs[pfn];
		long n = __atomic_load_n(&r->pins, __ATOMIC_RELAXED);
		const struct kshim_site *s;

		if (n <= 0)
			continue;
		s = __atomic_load_n(&r->site, __ATOMIC_RELAXED);
		pr_err("kshim: page pfn %#lx has %ld pin%s (FOLL_PIN) outstanding, pinned at %s %s:%d; unpin_user_page() releases it\n",
		       pfn, n, n == 1 ? "" : "s", kshim_site_func(s),
		       kshim_site_file(s), kshim_site_line(s));
		lines++;
	}
}

/* ---- the kernel's WARN_ON_ONCE() sites ---- */

enum gup_check {
	CHK_FOLL_PIN,		/* get_*: FOLL_PIN */
	CHK_FOLL_LONGTERM,	/* get_*: FOLL_LONGTERM */
	CHK_FOLL_GET,		/* pin_*: FOLL_GET */
	CHK_NO_PAGES,		/* pin_*: !pages */
	CHK_FAST_FLAGS,		/* internal_get_user_pages_fast() */
	CHK_LOCKED,		/* *locked != 1 (6.5+), LONGTERM + locked */
	CHK_GRAB_ZERO,		/* try_grab_page(): refcount <= 0 */
	NR_GUP_CHECKS
};

#define NR_GUP_APIS	(KSHIM_PIN_FAST_ONLY + 1)
static bool gup_once[NR_GUP_APIS][NR_GUP_CHECKS];

/* WARN_ON_ONCE(@cond) of @api's site @check, at the caller's line. */
static bool gup_warn_on(bool cond, unsigned int api, enum gup_check check,
			const struct kshim_site *site)
{
	if (!cond)
		return false;
	/* is_valid_gup_flags() is one site for all of its callers */
	if (check == CHK_FOLL_PIN || check == CHK_FOLL_LONGTERM)
		if (api == KSHIM_GUP_REMOTE || api == KSHIM_GUP_FAST)
			api = KSHIM_GUP;
	if (check == CHK_FAST_FLAGS || check == CHK_GRAB_ZERO)
		api = KSHIM_GUP;
	if (!__atomic_exchange_n(&gup_once[api][check], true,
				 __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	return true;
}

/* ---- references ---- */

/*
 * try_grab_page(): FOLL_GET takes a reference, FOLL_PIN a pin.  False
 * (the kernel's -ENOMEM) for a page whose count is not positive.
 */
static bool gup_grab(struct page *page, unsigned int flags,
		     const struct kshim_site *site)
{
	struct page *head = compound_head(page);

	if (gup_warn_on(atomic_read(&head->__kshim_refcount) <= 0, KSHIM_GUP,
			CHK_GRAB_ZERO, site))
		return false;
	if (flags & FOLL_GET) {
		atomic_inc(&head->__kshim_refcount);
	} else if (flags & FOLL_PIN) {
		if (PageHead(head)) {
			atomic_inc(&head->__kshim_refcount);
			__atomic_fetch_add(&head[1].private, 1UL,
					   __ATOMIC_RELAXED);
		} else {
			atomic_add(GUP_PIN_COUNTING_BIAS,
				   &head->__kshim_refcount);
		}
		pin_record(head, 1, site);
	}
	return true;
}

static void gup_report_begin(struct page *page, const char *what,
			     const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_GUP, site->file, site->line,
			   site->func);
	pr_err("kshim: %s (beyond the kernel, which corrupts the page's counts here without a check) at %s:%d\n",
	       what, site->file, site->line);
}

static void gup_report_end(struct page *page, const char *reason)
{
	struct gup_pin *r = pin_rec(compound_head(page));
	const struct kshim_site *s;

	dump_page(page, reason);
	if (r && __atomic_load_n(&r->site, __ATOMIC_RELAXED)) {
		s = __atomic_load_n(&r->site, __ATOMIC_RELAXED);
		pr_err("kshim: last pinned at %s %s:%d\n", kshim_site_func(s),
		       kshim_site_file(s), kshim_site_line(s));
	}
	dump_stack();
	kshim_report_end();
}

/* gup_put_folio(FOLL_PIN) of one pin of @page. */
static void gup_unpin(struct page *page, const struct kshim_site *site)
{
	struct page *head = compound_head(page);
	struct gup_pin *r = pin_rec(head);
	long pins = pins_of(head);
	int count = atomic_read(&head->__kshim_refcount);
	bool compound = PageHead(head);

	if (pins <= 0) {
		gup_report_begin(page, "unpin_user_page() of a page that is not pinned (no pin_user_pages*() reference outstanding)",
				 site);
		gup_report_end(page, "unpin_user_page() of a page that is not pinned");
		return;
	}
	if (compound ? count < 1 || __kshim_compound_pincount(head) < 1 :
		       (unsigned int)count < GUP_PIN_COUNTING_BIAS) {
		gup_report_begin(page, "unpin_user_page() of a pinned page whose count is below its pins (a put_page() released a pin's reference)",
				 site);
		gup_report_end(page, "unpin_user_page(): refcount below the pins");
		return;
	}
	if (r)
		__atomic_fetch_sub(&r->pins, 1, __ATOMIC_RELAXED);
	__atomic_fetch_sub(&pins_outstanding, 1, __ATOMIC_RELAXED);
	if (compound) {
		__atomic_fetch_sub(&head[1].private, 1UL, __ATOMIC_RELAXED);
		count = atomic_sub_return(1, &head->__kshim_refcount);
	} else {
		count = atomic_sub_return(GUP_PIN_COUNTING_BIAS,
					  &head->__kshim_refcount);
	}
	/* folio_put_refs(): the last reference frees it. */
	if (!count)
		__kshim_put_page_final(head, LINUX_VERSION_CODE, site->file,
				       site->line, site->func);
}

/*
 * put_page() took @head's count to @count: a pinned page must keep what
 * its pins and its mappings hold (each PTE holds a reference).
 */
void __kshim_gup_put_check(struct page *head, int count, const char *file,
			   int line, const char *func)
{
	long pins = pins_of(head);
	long need;
	struct kshim_site site = { file, line, func, NULL };

	if (pins <= 0)
		return;
	need = PageHead(head) ? pins : pins * (long)GUP_PIN_COUNTING_BIAS;
	need += page_mapcount(head) > 0 ? page_mapcount(head) : 0;
	if (count >= need)
		return;
	gup_report_begin(head, "put_page() of a pinned page released a pin's reference (pins are released with unpin_user_page())",
			 &site);
	gup_report_end(head, "put_page() of a pinned page");
}

/* ---- set_page_dirty ---- */

int __kshim_set_page_dirty(struct page *page, bool lock,
			   const struct kshim_site *site)
{
	int ret;

	page = compound_head(page);
	if (lock)
		__kshim_lock_page(page, site->file, site->line, site->func);
	ret = !TestSetPageDirty(page);
	if (lock)
		__kshim_unlock_page(page, LINUX_VERSION_CODE, site->file,
				    site->line, site->func);
	return ret;
}

/* ---- the walk ---- */

/* check_vma_flags() of 6.1 */
static int check_vma_flags(struct vm_area_struct *vma, unsigned int flags)
{
	unsigned long vm_flags = vma->vm_flags;

	if (vm_flags & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if ((flags & FOLL_ANON) && !vma_is_anonymous(vma))
		return -EFAULT;
	if (flags & FOLL_WRITE) {
		if (!(vm_flags & VM_WRITE)) {
			if (!(flags & FOLL_FORCE))
				return -EFAULT;
			if (!is_cow_mapping(vm_flags))
				return -EFAULT;
		}
	} else if (!(vm_flags & VM_READ)) {
		if (!(flags & FOLL_FORCE))
			return -EFAULT;
		if (!(vm_flags & VM_MAYREAD))
			return -EFAULT;
	}
	return 0;
}

/* vm_fault_to_errno() */
static int fault_errno(vm_fault_t ret, unsigned int flags)
{
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	if (ret & (VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
		return flags & FOLL_HWPOISON ? -EHWPOISON : -EFAULT;
	if (ret & (VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV))
		return -EFAULT;
	return 0;
}

/*
 * follow_page_pte() + try_grab_page() under the page table lock: 0 with
 * *pagep (NULL when not present, or read-only for FOLL_WRITE: a fault is
 * needed), -EEXIST for a PTE without a struct page, -ENOMEM when the grab
 * fails.
 */
static int follow_and_grab(struct mm_struct *mm, unsigned long addr,
			   unsigned int flags, struct page **pagep,
			   const struct kshim_site *site)
{
	struct page *page = NULL;
	int ret = 0;
	u64 pte;

	*pagep = NULL;
	spin_lock(&mm->page_table_lock);
	pte = kshim_pte_read(mm, addr & PAGE_MASK);
	if (!(pte & _PAGE_PRESENT))
		goto out;
	if ((flags & FOLL_WRITE) && !(pte & _PAGE_RW))
		goto out;
	if ((pte & KSHIM_PTE_SPECIAL) || !pfn_valid(KSHIM_PTE_PFN(pte))) {
		ret = -EEXIST;
		goto out;
	}
	page = pfn_to_page(KSHIM_PTE_PFN(pte));
	if (flags & (FOLL_GET | FOLL_PIN)) {
		if (!gup_grab(page, flags, site)) {
			ret = -ENOMEM;
			goto out;
		}
	}
	/* FOLL_TOUCH: a write through the page dirties it */
	if ((flags & FOLL_TOUCH) && (flags & FOLL_WRITE) &&
	    !(pte & _PAGE_DIRTY))
		SetPageDirty(compound_head(page));
	*pagep = page;
out:
	spin_unlock(&mm->page_table_lock);
	return ret;
}

/* __get_user_pages(), mmap_lock held: pages done, or the first error. */
static long gup_walk(struct mm_struct *mm, unsigned long start,
		     unsigned long nr_pages, unsigned int flags,
		     struct page **pages, struct vm_area_struct **vmas,
		     const struct kshim_site *site)
{
	struct vm_area_struct *vma = NULL;
	long i = 0;
	int ret = 0;

	if (!nr_pages)
		return 0;
	__kshim_might_sleep(site->file, site->line, site->func);
	if (pages && !(flags & FOLL_PIN))
		flags |= FOLL_GET;
	start &= PAGE_MASK;
	do {
		struct page *page;
		int tries = 0;

		if (!vma || start >= vma->vm_end) {
			vma = vma_lookup(mm, start);
			if (!vma) {
				ret = -EFAULT;
				break;
			}
			ret = check_vma_flags(vma, flags);
			if (ret)
				break;
		}
		for (;;) {
			unsigned int fault_flags = 0;
			vm_fault_t fret;

			if (fatal_signal_pending(current)) {
				ret = -EINTR;
				goto out;
			}
			ret = follow_and_grab(mm, start,
					      pages ? flags :
					      flags & ~(FOLL_GET | FOLL_PIN),
					      &page, site);
			if (ret == -EEXIST && !pages) {
				ret = 0;
				page = NULL;
				break;
			}
			if (ret)
				goto out;
			if (page)
				break;
			/* faultin_page() */
			if ((flags & FOLL_NOFAULT) || ++tries > 3) {
				ret = -EFAULT;
				goto out;
			}
			if (flags & FOLL_WRITE)
				fault_flags |= FAULT_FLAG_WRITE;
			if (flags & FOLL_REMOTE)
				fault_flags |= FAULT_FLAG_REMOTE;
			fret = kshim_handle_mm_fault(vma, start, fault_flags);
			if (fret & VM_FAULT_ERROR) {
				ret = fault_errno(fret, flags);
				if (!ret)
					ret = -EFAULT;
				goto out;
			}
		}
		if (pages)
			pages[i] = page;
		if (vmas)
			vmas[i] = vma;
		i++;
		start += PAGE_SIZE;
	} while (--nr_pages);
out:
	return i ? i : ret;
}

/*
 * The lockless walk of the _fast forms (gup_pgd_range()): present PTEs
 * (writable for FOLL_WRITE) with a struct page; stops at the first other.
 * As the kernel's, it looks at no vma (a present PTE is in one) and takes
 * no lock: the page's count is raised only if it is not zero
 * (try_grab_folio()), and the PTE read again after, so a page unmapped and
 * freed meanwhile is let go (gup_pte_range()'s pte_val() recheck).
 */
static bool gup_fast_grab(struct page *page, unsigned int flags,
			  const struct kshim_site *site)
{
	struct page *head = compound_head(page);
	int add = (flags & FOLL_PIN) && !PageHead(head) ?
		  GUP_PIN_COUNTING_BIAS : 1;

	if (!atomic_add_unless(&head->__kshim_refcount, add, 0))
		return false;
	if (flags & FOLL_PIN) {
		if (PageHead(head))
			__atomic_fetch_add(&head[1].private, 1UL,
					   __ATOMIC_RELAXED);
		pin_record(head, 1, site);
	}
	return true;
}

static long gup_fast_walk(struct mm_struct *mm, unsigned long start,
			  unsigned long nr_pages, unsigned int flags,
			  struct page **pages, const struct kshim_site *site)
{
	long i;

	for (i = 0; i < (long)nr_pages; i++) {
		unsigned long addr = start + i * PAGE_SIZE;
		u64 pte = kshim_pte_read(mm, addr);
		struct page *page;

		if (!(pte & _PAGE_PRESENT) ||
		    ((flags & FOLL_WRITE) && !(pte & _PAGE_RW)) ||
		    (pte & KSHIM_PTE_SPECIAL) ||
		    !pfn_valid(KSHIM_PTE_PFN(pte)))
			break;
		page = pfn_to_page(KSHIM_PTE_PFN(pte));
		if (!gup_fast_grab(page, flags, site))
			break;
		if (kshim_pte_read(mm, addr) != pte) {
			if (flags & FOLL_PIN)
				gup_unpin(page, site);
			else
				put_page(page);
			break;
		}
		pages[i] = page;
	}
	return i;
}

static bool is_pin_api(unsigned int api)
{
	return api >= KSHIM_PIN;
}

/* The checks of each entry point: 0, or -EINVAL after the WARN. */
static int check_flags(const struct kshim_gup_req *r, unsigned int *flags)
{
	unsigned int api = r->api, f = r->gup_flags;

	if (is_pin_api(api)) {
		if (gup_warn_on(f & FOLL_GET, api, CHK_FOLL_GET, r->site))
			return -EINVAL;
		if (gup_warn_on(!r->pages, api, CHK_NO_PAGES, r->site))
			return -EINVAL;
		f |= FOLL_PIN;
	} else if (api == KSHIM_GUP_UNLOCKED) {
		if (gup_warn_on(f & FOLL_LONGTERM, api, CHK_FOLL_LONGTERM,
				r->site))
			return -EINVAL;
	} else if (api != KSHIM_GUP_FAST_ONLY) {
		/* is_valid_gup_flags() */
		if (gup_warn_on(f & FOLL_PIN, api, CHK_FOLL_PIN, r->site))
			return -EINVAL;
		if (gup_warn_on(f & FOLL_LONGTERM, api, CHK_FOLL_LONGTERM,
				r->site))
			return -EINVAL;
	}
	switch (api) {
	case KSHIM_GUP_FAST:
	case KSHIM_GUP_FAST_ONLY:
		f |= FOLL_GET;
		fallthrough;
	case KSHIM_PIN_FAST:
	case KSHIM_PIN_FAST_ONLY:
		if (api == KSHIM_GUP_FAST_ONLY || api == KSHIM_PIN_FAST_ONLY)
			f |= FOLL_FAST_ONLY;
		/* internal_get_user_pages_fast() */
		if (gup_warn_on(f & ~(FOLL_WRITE | FOLL_LONGTERM | FOLL_FORCE |
				      FOLL_PIN | FOLL_GET | FOLL_FAST_ONLY |
				      FOLL_NOFAULT),
				api, CHK_FAST_FLAGS, r->site))
			return -EINVAL;
		break;
	case KSHIM_GUP_REMOTE:
	case KSHIM_PIN_REMOTE:
		f |= FOLL_TOUCH | FOLL_REMOTE;
		if (r->locked) {
			if (gup_warn_on((f & FOLL_LONGTERM), api, CHK_LOCKED,
					r->site))
				return -EINVAL;
			if (r->version >= KERNEL_VERSION(6, 5, 0)) {
				if (gup_warn_on(*r->locked != 1, api,
						CHK_LOCKED, r->site))
					return -EINVAL;
			} else if (*r->locked != 1 || r->vmas) {
				/* BUG_ON(vmas); BUG_ON(*locked != 1) */
				__kshim_bug(r->site->file, r->site->line,
					    r->site->func, r->site->mod);
			}
		}
		break;
	case KSHIM_GUP:
	case KSHIM_GUP_UNLOCKED:
	case KSHIM_PIN_UNLOCKED:
		f |= FOLL_TOUCH;
		break;
	default:
		break;
	}
	*flags = f;
	return 0;
}

long __kshim_gup(const struct kshim_gup_req *r)
{
	struct mm_struct *mm = r->mm ? r->mm : current->mm;
	unsigned int flags, api = r->api;
	long done, ret;
	bool fast = api == KSHIM_GUP_FAST || api == KSHIM_GUP_FAST_ONLY ||
		    api == KSHIM_PIN_FAST || api == KSHIM_PIN_FAST_ONLY;

	ret = check_flags(r, &flags);
	if (ret)
		return (api == KSHIM_PIN_FAST_ONLY) ? 0 : ret;
	if (!mm)		/* a kernel thread: the kernel would oops */
		return -EFAULT;

	if (fast) {
		unsigned long start = r->start & PAGE_MASK;

		done = r->pages ? gup_fast_walk(mm, start, r->nr_pages, flags,
						r->pages, r->site) : 0;
		if (done == (long)r->nr_pages || (flags & FOLL_FAST_ONLY))
			return done;
		/* __gup_longterm_unlocked() for the rest */
		__kshim_down_read(&mm->__kshim_mmap_lock, TASK_UNINTERRUPTIBLE,
				  r->site);
		ret = gup_walk(mm, start + done * PAGE_SIZE,
			       r->nr_pages - done, flags | FOLL_TOUCH,
			       r->pages + done, NULL, r->site);
		__kshim_up_read(&mm->__kshim_mmap_lock, r->site);
		if (ret < 0)
			return done ? done : ret;
		return done + ret;
	}

	if (api == KSHIM_GUP_UNLOCKED || api == KSHIM_PIN_UNLOCKED) {
		__kshim_down_read(&mm->__kshim_mmap_lock, TASK_UNINTERRUPTIBLE,
				  r->site);
		ret = gup_walk(mm, r->start, r->nr_pages, flags, r->pages,
			       NULL, r->site);
		__kshim_up_read(&mm->__kshim_mmap_lock, r->site);
		return ret;
	}

	/* The caller holds mmap_lock (6.3+ asserts it). */
	if (r->version >= KERNEL_VERSION(6, 3, 0))
		__kshim_mmap_assert_locked(mm, false, r->version, r->site);
	return gup_walk(mm, r->start, r->nr_pages, flags, r->pages, r->vmas,
			r->site);
}

/* ---- unpinning ---- */

/* @dirty: -1 unpin_user_pages(), else unpin_user_pages_dirty_lock() */
void __kshim_unpin_user_pages(struct page **pages, unsigned long npages,
			      int dirty, const struct kshim_site *site)
{
	unsigned long i;

	/* "Ensure that unpin_user_pages() can handle pages == NULL" (6.1) */
	if (dirty < 0 && IS_ERR_VALUE(npages)) {
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
		return;
	}
	for (i = 0; i < npages; i++) {
		struct page *head = compound_head(pages[i]);

		if (dirty > 0 && !PageDirty(head)) {
			__kshim_lock_page(head, site->file, site->line,
					  site->func);
			SetPageDirty(head);
			__kshim_unlock_page(head, LINUX_VERSION_CODE,
					    site->file, site->line,
					    site->func);
		}
		gup_unpin(pages[i], site);
	}
}

void __kshim_unpin_user_page_range(struct page *page, unsigned long npages,
				   bool make_dirty,
				   const struct kshim_site *site)
{
	unsigned long i;

	for (i = 0; i < npages; i++) {
		struct page *p = nth_page(page, i);

		__kshim_unpin_user_pages(&p, 1, make_dirty, site);
	}
}

void __kshim_unpin_user_page(struct page *page,
			     const struct kshim_site *site)
{
	__kshim_unpin_user_pages(&page, 1, -1, site);
}

static const struct kshim_site unknown_site = { "?", 0, NULL, NULL };

#undef unpin_user_page
#undef unpin_user_pages
#undef unpin_user_pages_dirty_lock
#undef unpin_user_page_range_dirty_lock

void unpin_user_page(struct page *page)
{
	__kshim_unpin_user_pages(&page, 1, -1, &unknown_site);
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	__kshim_unpin_user_pages(pages, npages, -1, &unknown_site);
}

void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty)
{
	__kshim_unpin_user_pages(pages, npages, make_dirty, &unknown_site);
}

void unpin_user_page_range_dirty_lock(struct page *page,
				      unsigned long npages, bool make_dirty)
{
	__kshim_unpin_user_page_range(page, npages, make_dirty,
				      &unknown_site);
}

/* ---- boot, tests ---- */

void kshim_gup_init(void)
{
	static bool registered;

	pin_recs_len = max_pfn * sizeof(*pin_recs);
	pin_recs = arch_alloc_sparse(pin_recs_len);
	pins_outstanding = 0;
	if (registered)
		return;
	registered = true;
	kshim_ledger_add("pages pinned (FOLL_PIN)", ledger_pins, explain_pins,
			 NULL);
}

void kshim_gup_exit(void)
{
	arch_release(pin_recs, pin_recs_len);
	pin_recs = NULL;
	pin_recs_len = 0;
}

/* Each test is a fresh boot: every WARN_ON_ONCE() may fire again. */
void kshim_gup_test_begin(void)
{
	unsigned int a, c;

	for (a = 0; a < NR_GUP_APIS; a++)
		for (c = 0; c < NR_GUP_CHECKS; c++)
			__atomic_store_n(&gup_once[a][c], false,
					 __ATOMIC_RELAXED);
}
