// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/page_owner.c - who allocated each page still in use.
 *
 * Plays mm/page_owner.c: every allocated frame records the file:line that
 * allocated it, so the per-test ledger can report each leaked page with
 * its allocation site.  The table is sparse, indexed by pfn: recording
 * is two plain stores per frame, no lock, no shared counter.  The number
 * of pages in use comes from the zones' own counts instead (handed out
 * minus freed), less the blocks leaked in a bad state.
 */
#include <linux/mm.h>
#include <linux/printk.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "arch/physmem.h"
#include "mm/internal.h"

#define MAX_LEAK_LINES 20

/* Recording and clearing are inline in mm/internal.h. */
struct kshim_page_owner *kshim_page_owners;
static size_t owners_len;
/* Frames freed in a bad state, this boot. */
static long nr_leaked;

void kshim_page_owner_leak(struct page *page, unsigned int order)
{
	kshim_page_owner_clear(page, order);
	__atomic_fetch_add(&nr_leaked, 1L << order, __ATOMIC_RELAXED);
}

long kshim_pages_allocated(void)
{
	return (long)kshim_zone_pages_out() -
	       __atomic_load_n(&nr_leaked, __ATOMIC_RELAXED);
}

static long ledger_pages(void *arg)
{
	/*
	 * vmalloc areas' frames are the "vmalloc areas" ledger's, slab pages
	 * and large kmalloc()s the "slab objects allocated" ledger's, DMA
	 * bounce slots and coherent memory DMA-API debug's.
	 */
	return kshim_pages_allocated() -
	       __atomic_load_n(&kshim_vmalloc_pages_held, __ATOMIC_RELAXED) -
	       __atomic_load_n(&kshim_slab_pages, __ATOMIC_RELAXED) -
	       __atomic_load_n(&kshim_dma_pages_held, __ATOMIC_RELAXED);
}

/* One line per run of pages with the same owner. */
static void explain_leaks(void *arg)
{
	unsigned long pfn, run = 0, first = 0, lines = 0;
	const struct kshim_page_owner *cur = NULL;

	for (pfn = min_low_pfn; pfn <= max_pfn && lines < MAX_LEAK_LINES;
	     pfn++) {
		const struct kshim_page_owner *o =
			pfn < max_pfn && pfn_valid(pfn) &&
			kshim_page_owners[pfn].file ? &kshim_page_owners[pfn] :
						      NULL;

		if (cur && o && o->file == cur->file && o->line == cur->line &&
		    pfn == first + run) {
			run++;
			continue;
		}
		if (cur) {
			pr_err("kshim: leaked %lu page(s) at pfn %#lx, allocated at %s:%d\n",
			       run, first, cur->file, cur->line);
			lines++;
		}
		cur = o;
		first = pfn;
		run = 1;
	}
}

void kshim_page_owner_init(void)
{
	static bool registered;

	owners_len = max_pfn * sizeof(*kshim_page_owners);
	kshim_page_owners = arch_alloc_sparse(owners_len);
	nr_leaked = 0;
	if (!registered) {
		registered = true;
		kshim_ledger_add("pages allocated", ledger_pages,
				 explain_leaks, NULL);
	}
}

void kshim_page_owner_exit(void)
{
	arch_release(kshim_page_owners, owners_len);
	kshim_page_owners = NULL;
}
