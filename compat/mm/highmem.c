// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/highmem.c - kmap windows: the atomic slots, the pkmap area
 * (kmap()/kunmap()) and the 6.x kmap_local stack.
 *
 * Reproduces mm/highmem.c of 6.8 with CONFIG_HIGHMEM, CONFIG_DEBUG_HIGHMEM
 * and CONFIG_DEBUG_KMAP_LOCAL on a 64-bit host:
 *  - every window is a real alias of the frame's page of the RAM file
 *    (compat/arch/kmap_window.c), so an access after the unmap faults and
 *    compat/arch/fault.c prints the oops, naming the frame and where the
 *    window was last mapped and unmapped;
 *  - the atomic slots (the kernel's per-CPU FIX_KMAP fixmap slots) are per
 *    task: in kshim a task runs on a CPU of its own, and an interrupt runs
 *    on the task it interrupts;
 *  - kmap_high()/kunmap_high() keep pkmap_count[] as the kernel does, but
 *    a slot whose last user leaves is flushed at once (the kernel waits
 *    for the next flush_all_zero_pkmaps()), so a stale kmap() pointer
 *    faults at its first use instead of whenever the area wraps;
 *  - all slots busy: kmap() sleeps until a kunmap() frees one.  When every
 *    slot is held by tasks that are themselves waiting in kmap() (or
 *    gone), nothing can ever free one: kshim reports a deadlock (its own
 *    report, the kernel would hang) and ends the task.
 * The ledger checks at each test's end that no kmap(), kmap_local or
 * kmap_atomic mapping is left, naming the file:line that made it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"
#include "arch/kmap_window.h"
#include "mm/internal.h"

/* ---- windows ---- */

struct kshim_kmap_window {
	struct page *page;		/* mapped through the window now */
	unsigned long pfn;		/* the last frame mapped (~0UL: none) */
	const struct kshim_site *map_site;	/* where last mapped */
	const struct kshim_site *unmap_site;	/* where last unmapped */
};

/* A group of windows: one task's atomic slots, or the pkmap area. */
struct kshim_kmap_area {
	const char *what;		/* for the oops */
	char *first;			/* window 0 */
	unsigned int nr;
	struct task_struct *task;	/* owner of atomic slots, else NULL */
	struct kshim_kmap_area *next;	/* every area, for the fault handler */
	struct kshim_kmap_window win[];
};

#define WINDOW_STRIDE	(2 * PAGE_SIZE)

bool kshim_kmap_force_map;		/* KSHIM_KMAP_FORCE_MAP */
unsigned long kshim_lowmem_end;		/* PAGE_OFFSET + lowmem bytes */
static struct kshim_kmap_area *all_areas;

static struct kshim_kmap_area *area_new(const char *what, unsigned int nr,
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
	a->next = __atomic_load_n(&all_areas, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&all_areas, &a->next, a, true,
					    __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED))
		;
	return a;
}

static void *window_va(const struct kshim_kmap_area *a, unsigned int idx)
{
	return arch_kmap_window(a->first, idx);
}

/* The window of @a that @vaddr lies in (not its guard page), or -1. */
static int window_index(const struct kshim_kmap_area *a, unsigned long vaddr)
{
	unsigned long off = vaddr - (unsigned long)a->first;

	if (vaddr < (unsigned long)a->first || off >= a->nr * WINDOW_STRIDE)
		return -1;
	if (off % WINDOW_STRIDE >= PAGE_SIZE)
		return -1;
	return off / WINDOW_STRIDE;
}

static void window_map(struct kshim_kmap_area *a, unsigned int idx,
		       struct page *page, const struct kshim_site *site)
{
	struct kshim_kmap_window *w = &a->win[idx];
	unsigned long pfn = page_to_pfn(page);

	arch_kmap_window_map(window_va(a, idx), kshim_pfn_ram_offset(pfn));
	w->page = page;
	w->pfn = pfn;
	w->map_site = site;
}

static void window_unmap(struct kshim_kmap_area *a, unsigned int idx,
			 const struct kshim_site *site)
{
	struct kshim_kmap_window *w = &a->win[idx];

	if (!w->page)
		return;
	arch_kmap_window_unmap(window_va(a, idx));
	w->page = NULL;
	w->unmap_site = site;
}

/* A page goes through a window: highmem, or any page when forced. */
static inline bool needs_window(const struct page *page)
{
	return PageHighMem(page) || kshim_kmap_force_map;
}

/* ---- the atomic slots of the current task (mm/internal.h) ---- */

static struct kshim_kmap_area *task_slots(void)
{
	struct task_struct *t = current;

	if (unlikely(!t->kshim_kmap_slots))
		t->kshim_kmap_slots = area_new("atomic kmap slot",
					       KSHIM_KMAP_SLOTS, t);
	return t->kshim_kmap_slots;
}

void *kshim_kmap_slot_vaddr(unsigned int idx)
{
	return window_va(task_slots(), idx);
}

int kshim_kmap_slot_index(unsigned long vaddr)
{
	const struct kshim_kmap_area *a = current->kshim_kmap_slots;

	return a ? window_index(a, vaddr) : -1;
}

void *kshim_kmap_slot_map(unsigned int idx, struct page *page,
			  const struct kshim_site *site)
{
	struct kshim_kmap_area *a;

	if (!needs_window(page))
		return page_address(page);
	a = task_slots();
	window_map(a, idx, page, site);
	return window_va(a, idx);
}

void kshim_kmap_slot_unmap(unsigned int idx, const struct kshim_site *site)
{
	struct kshim_kmap_area *a = current->kshim_kmap_slots;

	if (a)
		window_unmap(a, idx, site);
}

struct page *kshim_kmap_slot_page(unsigned int idx)
{
	const struct kshim_kmap_area *a = current->kshim_kmap_slots;

	return a ? a->win[idx].page : NULL;
}
