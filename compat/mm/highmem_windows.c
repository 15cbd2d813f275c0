// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/highmem_windows.c - the kmap windows themselves: the areas of
 * one-page windows (the pkmap area, each task's atomic slots), what each
 * window maps and where it was last mapped and unmapped, and what the
 * fault handler says about an address in them.
 *
 * kshim's stand-in for the page-table side of x86-32's pkmap area and
 * FIX_KMAP fixmap slots (arch/x86/mm/init_32.c permanent_kmaps_init(),
 * kmap_init()) and for the highmem lines of its page-fault oops; the
 * kernel API on top (kmap(), kmap_local_page(), kmap_atomic()) is
 * highmem.c and highmem_32.c.  Every window is a real alias of the
 * frame's page of the RAM file (compat/arch/kmap_window.c).  The atomic
 * slots (the kernel's per-CPU FIX_KMAP slots) are per task: in kshim a
 * task runs on a CPU of its own, and an interrupt runs on the task it
 * interrupts.
 */
#include <stdio.h>
#include <stdlib.h>

#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "arch/fault.h"
#include "arch/kmap_window.h"
#include "mm/internal.h"

/* ---- windows ---- */

struct kshim_kmap_area *kshim_kmap_areas;

struct kshim_kmap_area *kshim_kmap_area_new(const char *what,
					    unsigned int nr,
					    struct task_struct *task)
{
	struct kshim_kmap_area *a;
	unsigned int i;

	a = calloc(1, sizeof(*a) + nr * sizeof(a->win[0]));
	if (!a) {
		fprintf(stderr, "kshim: out of memory for kmap windows\n");
		exit(99);
	}
	a->what = what;
	a->nr = nr;
	a->task = task;
	a->first = arch_kmap_windows_reserve(nr);
	for (i = 0; i < nr; i++)
		a->win[i].pfn = ~0UL;
	/* Published for the fault handler, which only reads. */
	a->next = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&kshim_kmap_areas, &a->next, a,
					    true, __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED))
		;
	return a;
}

void *kshim_kmap_window_va(const struct kshim_kmap_area *a, unsigned int idx)
{
	return arch_kmap_window(a->first, idx);
}

int kshim_kmap_window_index(const struct kshim_kmap_area *a,
			    unsigned long vaddr)
{
	unsigned long off = vaddr - (unsigned long)a->first;

	if (vaddr < (unsigned long)a->first ||
	    off >= a->nr * ARCH_KMAP_WINDOW_STRIDE)
		return -1;
	if (off % ARCH_KMAP_WINDOW_STRIDE >= PAGE_SIZE)
		return -1;
	return off / ARCH_KMAP_WINDOW_STRIDE;
}

void kshim_kmap_window_map(struct kshim_kmap_area *a, unsigned int idx,
			   struct page *page, const struct kshim_site *site)
{
	struct kshim_kmap_window *w = &a->win[idx];
	unsigned long pfn = page_to_pfn(page);

	/* An ASan build's window still shows its last frame: reopen it. */
	if (w->kept && w->pfn == pfn)
		arch_kmap_window_reopen(kshim_kmap_window_va(a, idx));
	else
		arch_kmap_window_map(kshim_kmap_window_va(a, idx),
				     kshim_pfn_ram_offset(pfn));
	w->kept = false;
	w->page = page;
	w->pfn = pfn;
	w->map_site = site;
}

void kshim_kmap_window_unmap(struct kshim_kmap_area *a, unsigned int idx,
			     const struct kshim_site *site)
{
	struct kshim_kmap_window *w = &a->win[idx];

	if (!w->page)
		return;
	arch_kmap_window_unmap(kshim_kmap_window_va(a, idx));
	w->kept = arch_kmap_windows_kept();
	w->page = NULL;
	w->unmap_site = site;
}

/* New RAM (a reboot, a test's private copy): no window shows it yet. */
void kshim_kmap_windows_forget_kept(void)
{
	struct kshim_kmap_area *a;
	unsigned int i;

	a = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_ACQUIRE);
	for (; a; a = a->next)
		for (i = 0; i < a->nr; i++)
			a->win[i].kept = false;
}

/* ---- the atomic slots of the current task (mm/internal.h) ---- */

struct kshim_kmap_area *kshim_kmap_task_slots(void)
{
	struct task_struct *t = current;

	if (unlikely(!t->kshim_kmap_slots))
		t->kshim_kmap_slots = kshim_kmap_area_new("atomic kmap slot",
							  KSHIM_KMAP_SLOTS, t);
	return t->kshim_kmap_slots;
}

void *kshim_kmap_slot_vaddr(unsigned int idx)
{
	return kshim_kmap_window_va(kshim_kmap_task_slots(), idx);
}

int kshim_kmap_slot_index(unsigned long vaddr)
{
	const struct kshim_kmap_area *a = current->kshim_kmap_slots;

	return a ? kshim_kmap_window_index(a, vaddr) : -1;
}

void *kshim_kmap_slot_map(unsigned int idx, struct page *page,
			  const struct kshim_site *site)
{
	struct kshim_kmap_area *a;

	if (!kshim_kmap_needs_window(page))
		return page_address(page);
	a = kshim_kmap_task_slots();
	kshim_kmap_window_map(a, idx, page, site);
	return kshim_kmap_window_va(a, idx);
}

void kshim_kmap_slot_unmap(unsigned int idx, const struct kshim_site *site)
{
	struct kshim_kmap_area *a = current->kshim_kmap_slots;

	if (a)
		kshim_kmap_window_unmap(a, idx, site);
}

struct page *kshim_kmap_slot_page(unsigned int idx)
{
	const struct kshim_kmap_area *a = current->kshim_kmap_slots;

	return a ? a->win[idx].page : NULL;
}

static void print_window_history(const struct kshim_kmap_window *w)
{
	if (w->pfn == ~0UL) {
		printk(KERN_ALERT "kshim: nothing was ever mapped there\n");
		return;
	}
	printk(KERN_ALERT "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n",
	       w->pfn, w->map_site ? w->map_site->file : "?",
	       w->map_site ? w->map_site->line : 0,
	       kshim_site_func(w->map_site));
	if (w->page)
		printk(KERN_ALERT "kshim: the page is still mapped there\n");
	else if (w->unmap_site)
		printk(KERN_ALERT "kshim: and unmapped it at %s:%d (%s)\n",
		       w->unmap_site->file, w->unmap_site->line,
		       kshim_site_func(w->unmap_site));
}

/* ---- the fault handler's questions (arch/fault.h) ---- */

static bool in_direct_map_highmem(unsigned long addr)
{
	unsigned long off = addr - PAGE_OFFSET;

	return page_offset_base && addr >= PAGE_OFFSET &&
	       off >= (highstart_pfn << PAGE_SHIFT) &&
	       off < (max_pfn << PAGE_SHIFT);
}

static const struct kshim_kmap_area *area_of(unsigned long addr)
{
	const struct kshim_kmap_area *a;

	a = __atomic_load_n(&kshim_kmap_areas, __ATOMIC_ACQUIRE);
	for (; a; a = a->next)
		if (addr >= (unsigned long)a->first - PAGE_SIZE &&
		    addr < (unsigned long)a->first +
			   a->nr * ARCH_KMAP_WINDOW_STRIDE)
			return a;
	return NULL;
}

bool kshim_fault_is_kmap_window(unsigned long addr)
{
	return area_of(addr) != NULL;
}

bool kshim_fault_is_kernel_address(unsigned long addr)
{
	return area_of(addr) || in_direct_map_highmem(addr) ||
	       kshim_vmalloc_fault_owns(addr);
}

static void explain_window(const struct kshim_kmap_area *a,
			   unsigned long addr)
{
	long off = (long)(addr - (unsigned long)a->first);
	char owner[64] = "";
	long idx;

	if (a->task)
		snprintf(owner, sizeof(owner), " of task %s/%d", a->task->comm,
			 a->task->pid);
	if (off < 0) {
		printk(KERN_ALERT "kshim: %#lx is in the guard page before %s 0%s\n",
		       addr, a->what, owner);
		return;
	}
	idx = off / ARCH_KMAP_WINDOW_STRIDE;
	if (off % ARCH_KMAP_WINDOW_STRIDE >= (long)PAGE_SIZE)
		printk(KERN_ALERT "kshim: %#lx is in the guard page after %s %ld%s: an access beyond the page mapped there\n",
		       addr, a->what, idx, owner);
	else
		printk(KERN_ALERT "kshim: %#lx is in %s %ld%s, which maps nothing now\n",
		       addr, a->what, idx, owner);
	print_window_history(&a->win[idx]);
}

void kshim_fault_explain(unsigned long addr)
{
	const struct kshim_kmap_area *a = area_of(addr);
	unsigned long pfn;
	void *kmapped;

	if (a) {
		explain_window(a, addr);
		return;
	}
	if (kshim_vmalloc_fault_explain(addr))
		return;
	if (!in_direct_map_highmem(addr)) {
		printk(KERN_ALERT "kshim: (page_address() of a highmem page that is not kmapped is NULL)\n");
		return;
	}
	pfn = (addr - PAGE_OFFSET) >> PAGE_SHIFT;
	printk(KERN_ALERT "kshim: %#lx is in the highmem part of the direct map, where nothing is mapped\n",
	       addr);
	if (!pfn_valid(pfn)) {
		printk(KERN_ALERT "kshim: it is no RAM (pfn %#lx)\n", pfn);
		return;
	}
	printk(KERN_ALERT "kshim: it is highmem page pfn:%#lx: kmap() or kmap_local_page() it\n",
	       pfn);
	kmapped = READ_ONCE(pfn_to_page(pfn)->virtual);
	if (kmapped)
		printk(KERN_ALERT "kshim: the page is kmap()ed at %p now\n",
		       kmapped);
}
