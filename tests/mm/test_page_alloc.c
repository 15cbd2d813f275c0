/*
 * test_page_alloc - the buddy allocator as a driver sees it (mm/page_alloc.c
 * of 6.8 with CONFIG_DEBUG_VM): kernel-api.md §10 items 12 and 34-47, plus
 * the simulated machine's zones and nodes: zone fallback HIGHMEM -> NORMAL
 * -> DMA, __GFP_DMA, alloc_pages_node(), __GFP_THISNODE, splitting and
 * merging, alloc_pages_exact(), exhaustion, leaks.  Freeing and its
 * checks (items 37-43) are in test_page_free.c.
 *
 * Tests that depend on the machine's layout boot it explicitly, so a
 * KSHIM_RAM in the environment does not change what they see.  Negative
 * tests name the exact line of this file (LINE:<name> markers).
 *
 * Not applicable or not covered (noted):
 *  36 [old..4.15] get_zeroed_page()/__get_free_pages() BUG on __GFP_HIGHMEM:
 *     6.8 strips the flag silently, which is what is tested;
 *  41 the "BUG: Bad page state: N messages suppressed" line needs the
 *     minute of silence to pass: only the burst of 60 is tested;
 *  44 [DAS] might_sleep() of a blocking allocation in atomic context:
 *     tested with the contexts in tests/sched/test_mm_sleep.c;
 *  46 the __GFP_NOFAIL warnings are on the slow path after reclaim failed
 *     (6.8: costly order, no direct reclaim); kshim fails instead of
 *     retrying for ever, so they are not emulated.  The gfp_zone() BUG for
 *     bad zone-modifier combinations is in 6.8 too and is tested.
 * The 2.6.3x profile's differences (items 36, 38, 40-42) are tested in
 * tests/mm26; item 34's 2.6.28-2.6.31 variant is not yet (see
 * PROFILE-2.6.3x.md here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "mm/internal.h"
#include "mm/mm_test.h"

static const char *zone_name(const struct page *page)
{
	return page_zone(page)->name;
}

/* ---- blocks held by a test, all freed at its end ---- */

struct hoard {
	struct page **page;
	unsigned int *order;
	unsigned long nr, cap;
};

static void hold(struct hoard *h, struct page *page, unsigned int order)
{
	if (h->nr == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->page = realloc(h->page, h->cap * sizeof(*h->page));
		h->order = realloc(h->order, h->cap * sizeof(*h->order));
		CU_ASSERT_FATAL(h->page && h->order);
	}
	h->page[h->nr] = page;
	h->order[h->nr++] = order;
}

/* Take blocks of @order until there are none; returns how many. */
static unsigned long grab_all(struct hoard *h, gfp_t gfp, unsigned int order)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		hold(h, page, order);
		n++;
	}
	return n;
}

/* Take everything @gfp can reach, largest blocks first. */
static unsigned long grab_everything(struct hoard *h, gfp_t gfp)
{
	unsigned long pages = 0;
	int order;

	for (order = MAX_PAGE_ORDER; order >= 0; order--)
		pages += grab_all(h, gfp, order) << order;
	return pages;
}

static void release(struct hoard *h)
{
	while (h->nr--)
		__free_pages(h->page[h->nr], h->order[h->nr]);
	free(h->page);
	free(h->order);
	memset(h, 0, sizeof(*h));
}

/* ---- zones and nodes ---- */

/* GFP_KERNEL comes from Normal, __GFP_HIGHMEM prefers HighMem. */
static void test_zone_preference(void)
{
	struct page *normal, *high, *dma;

	boot("256M", "64M", "1");
	normal = alloc_page(GFP_KERNEL);
	high = alloc_page(GFP_HIGHUSER);
	dma = alloc_page(GFP_KERNEL | GFP_DMA);
	CU_ASSERT_FATAL(normal && high && dma);
	CU_ASSERT_STRING_EQUAL(zone_name(normal), "Normal");
	CU_ASSERT_STRING_EQUAL(zone_name(high), "HighMem");
	CU_ASSERT_STRING_EQUAL(zone_name(dma), "DMA");
	CU_ASSERT_FALSE(PageHighMem(normal));
	CU_ASSERT_TRUE(PageHighMem(high));
	CU_ASSERT_PTR_NULL(page_address(high));	/* not kmapped */
	__free_page(normal);
	__free_page(high);
	__free_page(dma);
}

/* __GFP_DMA memory lies below 16 MiB, __get_dma_pages() too. */
static void test_gfp_dma_below_16m(void)
{
	struct hoard h = { 0 };
	unsigned long addr, i;

	boot("256M", "64M", "1");
	addr = __get_dma_pages(GFP_KERNEL, 2);
	CU_ASSERT_FATAL(addr != 0);
	CU_ASSERT(__pa(addr) + 4 * PAGE_SIZE <= 16UL << 20);
	free_pages(addr, 2);

	/* All of ZONE_DMA, and nothing else, answers __GFP_DMA. */
	grab_everything(&h, GFP_KERNEL | __GFP_DMA);
	CU_ASSERT(h.nr > 0);
	for (i = 0; i < h.nr; i++) {
		CU_ASSERT(page_to_phys(h.page[i] + (1UL << h.order[i]) - 1) <
			  16UL << 20);
		CU_ASSERT_STRING_EQUAL(zone_name(h.page[i]), "DMA");
	}
	release(&h);
}

/* Exhausting a zone moves the next allocations one zone down. */
static void test_zone_fallback(void)
{
	static const char *const order[] = { "HighMem", "Normal", "DMA" };
	struct hoard h = { 0 };
	unsigned int z = 0, seen[3] = { 0 };
	unsigned long i;

	boot("256M", "64M", "1");
	grab_all(&h, GFP_HIGHUSER, MAX_PAGE_ORDER);
	CU_ASSERT_FATAL(h.nr > 0);
	for (i = 0; i < h.nr; i++) {
		const char *name = zone_name(h.page[i]);

		while (z < 3 && strcmp(name, order[z]))
			z++;	/* never back up to a higher zone */
		CU_ASSERT_FATAL(z < 3);
		seen[z]++;
	}
	/*
	 * RAM starts at 1M: HighMem is [193M, 257M), 15 aligned 4M blocks;
	 * Normal [16M, 193M) has 44, DMA [1M, 16M) has 3.
	 */
	CU_ASSERT_EQUAL(seen[0], 15);
	CU_ASSERT_EQUAL(seen[1], 44);
	CU_ASSERT_EQUAL(seen[2], 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);	/* __GFP_NOWARN */
	release(&h);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* No __GFP_HIGHMEM: highmem is never used, even when lowmem is gone. */
static void test_lowmem_never_falls_up(void)
{
	struct hoard h = { 0 };
	unsigned long i, pages;

	boot("256M", "64M", "1");
	pages = grab_everything(&h, GFP_KERNEL);
	CU_ASSERT_EQUAL(pages, (192UL << 20) >> PAGE_SHIFT);
	for (i = 0; i < h.nr; i++)
		CU_ASSERT_FALSE(PageHighMem(h.page[i]));
	release(&h);
}

/* alloc_pages_node() takes the node's memory; NUMA_NO_NODE is local. */
static void test_alloc_pages_node(void)
{
	struct page *n1, *n1high, *n0, *local;

	boot("256M", "64M", "2");
	n1 = alloc_pages_node(1, GFP_KERNEL, 0);
	n1high = alloc_pages_node(1, GFP_HIGHUSER, 3);
	n0 = alloc_pages_node(0, GFP_HIGHUSER, 0);
	local = alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 0);
	CU_ASSERT_FATAL(n1 && n1high && n0 && local);
	CU_ASSERT_EQUAL(page_to_nid(n1), 1);
	CU_ASSERT_STRING_EQUAL(zone_name(n1), "Normal");
	CU_ASSERT_EQUAL(page_to_nid(n1high), 1);
	CU_ASSERT_STRING_EQUAL(zone_name(n1high), "HighMem");
	/* Node 0 has no highmem: its own Normal comes before node 1. */
	CU_ASSERT_EQUAL(page_to_nid(n0), 0);
	CU_ASSERT_STRING_EQUAL(zone_name(n0), "Normal");
	CU_ASSERT_EQUAL(page_to_nid(local), numa_node_id());
	CU_ASSERT_EQUAL(page_zone(n1)->node, 1);
	__free_page(n1);
	__free_pages(n1high, 3);
	__free_page(n0);
	__free_page(local);
}

/* __GFP_THISNODE fails when the node is full; without it, fall back. */
static void test_gfp_thisnode(void)
{
	struct hoard h = { 0 };
	struct page *page;
	unsigned long i, n;

	boot("256M", "64M", "2");
	n = 0;
	while ((page = alloc_pages_node(1, GFP_KERNEL | __GFP_THISNODE |
					   __GFP_NOWARN, MAX_PAGE_ORDER))) {
		hold(&h, page, MAX_PAGE_ORDER);
		n++;
	}
	CU_ASSERT(n > 0);
	for (i = 0; i < h.nr; i++)
		CU_ASSERT_EQUAL(page_to_nid(h.page[i]), 1);
	page = alloc_pages_node(1, GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_to_nid(page), 0);
	hold(&h, page, MAX_PAGE_ORDER);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	release(&h);
}

/* 47: alloc_pages_node() with a node that cannot exist. */
static void test_47_alloc_pages_node_negative_bugs(void)
{
	boot("256M", "64M", "2");
	expect_vm_bug("node_negative");
	alloc_pages_node(-2, GFP_KERNEL, 0); /* LINE:node_negative */
	CU_FAIL("alloc_pages_node(-2) returned");
}

static void test_47_alloc_pages_node_too_big_bugs(void)
{
	expect_vm_bug("node_too_big");
	alloc_pages_node(MAX_NUMNODES, GFP_KERNEL, 0); /* LINE:node_too_big */
	CU_FAIL("alloc_pages_node(MAX_NUMNODES) returned");
}

/* ---- splitting, merging, exhaustion ---- */

/* Free everything in order-0 pieces: the buddies merge back to 4M. */
static void test_split_and_merge(void)
{
	struct hoard h = { 0 };
	unsigned long big_before, big_after, pages;

	boot("32M", "0", "1");
	big_before = grab_all(&h, GFP_KERNEL, MAX_PAGE_ORDER);
	release(&h);
	CU_ASSERT_EQUAL(big_before, 7);	/* 3 in DMA, 4 in Normal */

	pages = grab_all(&h, GFP_KERNEL, 0);
	CU_ASSERT_EQUAL(pages, (32UL << 20) >> PAGE_SHIFT);
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL | __GFP_NOWARN,
				       MAX_PAGE_ORDER));
	release(&h);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);

	big_after = grab_all(&h, GFP_KERNEL, MAX_PAGE_ORDER);
	CU_ASSERT_EQUAL(big_after, big_before);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	release(&h);
}

/* Blocks are naturally aligned to their size. */
static void test_blocks_are_aligned(void)
{
	struct page *pages[NR_PAGE_ORDERS];
	int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		pages[order] = alloc_pages(GFP_KERNEL, order);
		CU_ASSERT_PTR_NOT_NULL_FATAL(pages[order]);
		CU_ASSERT_EQUAL(page_to_pfn(pages[order]) &
				((1UL << order) - 1), 0);
	}
	for (order = 0; order <= MAX_PAGE_ORDER; order++)
		__free_pages(pages[order], order);
}

/* 45: exhaustion fails with the kernel's report, once per 10 s. */
static void test_45_exhaustion_reports_failure(void)
{
	struct hoard h = { 0 };
	const struct kshim_report *r;
	struct page *page;

	boot("32M", "0", "1");
	grab_all(&h, GFP_KERNEL, MAX_PAGE_ORDER);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE,
			    ": page allocation failure: order:10, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n",
			    1);
	page = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER); /* LINE:exhausted */
	CU_ASSERT_PTR_NULL(page);
	r = assert_report_at(KSHIM_REPORT_ALLOC_FAILURE, "exhausted");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "Call Trace:"));
	/* nopage_rs: one report per 10 seconds. */
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
	release(&h);
}

/* 45: the mode is printed by name, flag by flag. */
static void test_45_failure_names_flags(void)
{
	struct hoard h = { 0 };

	boot("32M", "0", "1");
	grab_all(&h, GFP_KERNEL, MAX_PAGE_ORDER);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE,
			    "page allocation failure: order:10, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null)",
			    1);
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL | __GFP_COMP,
				       MAX_PAGE_ORDER));
	release(&h);
}

/* 45: __GFP_NOWARN (and GFP_NOWAIT, which has it) fail silently. */
static void test_45_nowarn_is_silent(void)
{
	struct hoard h = { 0 };

	boot("32M", "0", "1");
	grab_everything(&h, GFP_KERNEL);
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_PTR_NULL(alloc_page(GFP_NOWAIT));
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 3));
	CU_ASSERT_EQUAL(__get_free_page(GFP_KERNEL | __GFP_NOWARN), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	release(&h);
}

/* 34: order 11 fails with a warning, once. */
static void test_34_order_too_big_warns_once(void)
{
	const struct kshim_report *r;
	char want[256];

	snprintf(want, sizeof(want), "WARNING: CPU: 0 PID: %d at %s:%d ",
		 (int)getpid(), __FILE__, marker_line("order11"));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	/* __GFP_NOWARN: silent, and does not use the warning up. */
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL | __GFP_NOWARN,
				       MAX_PAGE_ORDER + 1));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1)); /* LINE:order11 */
	r = assert_report_at(KSHIM_REPORT_WARNING, "order11");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, CUT_HERE));
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));
	/* WARN_ON_ONCE_GFP: the second call is silent; still NULL. */
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_ATOMIC, 20));
	CU_ASSERT_EQUAL(__get_free_pages(GFP_KERNEL, 11), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
	/* No page allocation failure report for these. */
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_ALLOC_FAILURE), 0);
}

/* 34: MAX_PAGE_ORDER itself is fine. */
static void test_34_max_order_succeeds(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER);

	CU_ASSERT_EQUAL(MAX_PAGE_ORDER, 10);
	CU_ASSERT_EQUAL(NR_PAGE_ORDERS, 11);
	CU_ASSERT_EQUAL(MAX_ORDER_NR_PAGES, 1024);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_pages(page, MAX_PAGE_ORDER);
}

/* ---- contents and addresses ---- */

/* 12: __GFP_ZERO clears every byte of the block. */
static void test_12_gfp_zero(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2), *again;
	unsigned char *p;
	unsigned long i;
	bool zero = true;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	memset(page_address(page), 0xa5, 4 * PAGE_SIZE);
	__free_pages(page, 2);
	again = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again);
	CU_ASSERT_PTR_EQUAL(again, page);	/* the dirty block, reused */
	p = page_address(again);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		zero &= p[i] == 0;
	CU_ASSERT_TRUE(zero);
	__free_pages(again, 2);
}

/* 12: highmem is zeroed too (read through kshim's own view). */
static void test_12_gfp_zero_highmem(void)
{
	struct page *page;
	unsigned char *p;
	unsigned long i;
	bool zero = true;

	boot("256M", "64M", "1");
	page = alloc_page(GFP_HIGHUSER);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	memset(kshim_pfn_backdoor(page_to_pfn(page)), 0x5a, PAGE_SIZE);
	__free_page(page);
	page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE(PageHighMem(page));
	p = kshim_pfn_backdoor(page_to_pfn(page));
	for (i = 0; i < PAGE_SIZE; i++)
		zero &= p[i] == 0;
	CU_ASSERT_TRUE(zero);
	__free_page(page);
}

/* 35: address-returning allocators. */
static void test_35_get_free_pages(void)
{
	unsigned long a = __get_free_pages(GFP_KERNEL, 3);
	unsigned long b = __get_free_page(GFP_KERNEL);
	unsigned long z = get_zeroed_page(GFP_KERNEL);
	unsigned long i;
	bool zero = true;

	CU_ASSERT_FATAL(a && b && z);
	CU_ASSERT_TRUE(virt_addr_valid(a));
	CU_ASSERT_TRUE(PAGE_ALIGNED(a));
	CU_ASSERT_PTR_EQUAL(page_address(virt_to_page(a)), (void *)a);
	CU_ASSERT_EQUAL(page_count(virt_to_page(a)), 1);
	memset((void *)a, 1, 8 * PAGE_SIZE);	/* all of it is usable */
	for (i = 0; i < PAGE_SIZE; i++)
		zero &= ((unsigned char *)z)[i] == 0;
	CU_ASSERT_TRUE(zero);
	free_pages(a, 3);
	free_page(b);
	free_page(z);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 35: failure is 0. */
static void test_35_get_free_pages_failure(void)
{
	struct hoard h = { 0 };

	boot("32M", "0", "1");
	grab_everything(&h, GFP_KERNEL);
	CU_ASSERT_EQUAL(__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 0), 0);
	CU_ASSERT_EQUAL(get_zeroed_page(GFP_KERNEL | __GFP_NOWARN), 0);
	release(&h);
}

/* 36: 5.15+: __GFP_HIGHMEM is stripped, the page has an address. */
static void test_36_get_free_pages_highmem_stripped(void)
{
	unsigned long a, z;

	boot("256M", "64M", "1");
	a = __get_free_pages(GFP_HIGHUSER, 1);
	z = get_zeroed_page(GFP_KERNEL | __GFP_HIGHMEM);
	CU_ASSERT_FATAL(a && z);
	CU_ASSERT_TRUE(virt_addr_valid(a));
	CU_ASSERT_FALSE(PageHighMem(virt_to_page(a)));
	CU_ASSERT_FALSE(PageHighMem(virt_to_page(z)));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	free_pages(a, 1);
	free_page(z);
}

/* ---- 46: zone modifiers ---- */

static void test_46_gfp_dma_highmem_bugs(void)
{
	expect_vm_bug("dma_highmem");
	alloc_page(GFP_KERNEL | __GFP_DMA | __GFP_HIGHMEM); /* LINE:dma_highmem */
	CU_FAIL("alloc_page(__GFP_DMA | __GFP_HIGHMEM) returned");
}

static void test_46_gfp_dma_dma32_bugs(void)
{
	expect_vm_bug("dma_dma32");
	alloc_page(GFP_KERNEL | __GFP_DMA | __GFP_DMA32); /* LINE:dma_dma32 */
	CU_FAIL("alloc_page(__GFP_DMA | __GFP_DMA32) returned");
}

static void test_46_gfp_dma32_highmem_bugs(void)
{
	expect_vm_bug("dma32_highmem");
	alloc_page(GFP_KERNEL | __GFP_DMA32 | __GFP_HIGHMEM); /* LINE:dma32_highmem */
	CU_FAIL("alloc_page(__GFP_DMA32 | __GFP_HIGHMEM) returned");
}

/* 46: the legal combinations stay silent. */
static void test_46_gfp_zone_good_combinations(void)
{
	static const gfp_t good[] = {
		0, __GFP_DMA, __GFP_HIGHMEM, __GFP_DMA32, __GFP_MOVABLE,
		__GFP_MOVABLE | __GFP_DMA, __GFP_MOVABLE | __GFP_HIGHMEM,
		__GFP_MOVABLE | __GFP_DMA32,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		struct page *page = alloc_page(GFP_KERNEL | good[i]);

		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		__free_page(page);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- alloc_pages_exact() ---- */

static void test_alloc_pages_exact(void)
{
	void *p = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	void *q = alloc_pages_exact(PAGE_SIZE + 1, GFP_KERNEL);
	struct page *page;
	int i;

	CU_ASSERT_FATAL(p && q);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 5 + 2);
	page = virt_to_page(p);
	for (i = 0; i < 5; i++)
		CU_ASSERT_EQUAL(page_count(page + i), 1);
	CU_ASSERT_EQUAL(page_ref_count(page + 5), 0);	/* given back */
	memset(p, 1, 5 * PAGE_SIZE);
	free_pages_exact(p, 5 * PAGE_SIZE);
	free_pages_exact(q, PAGE_SIZE + 1);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* alloc_pages_exact() refuses __GFP_COMP/__GFP_HIGHMEM: warns, strips. */
static void test_alloc_pages_exact_bad_flags_warn(void)
{
	void *p;

	boot("256M", "64M", "1");
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	p = alloc_pages_exact(3 * PAGE_SIZE, GFP_HIGHUSER); /* LINE:exact_highmem */
	assert_report_at(KSHIM_REPORT_WARNING, "exact_highmem");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(virt_addr_valid(p));
	free_pages_exact(p, 3 * PAGE_SIZE);
}

/* ---- leaks ---- */

static void test_leak_names_allocation_site(void)
{
	struct page *page;
	char want[256];

	page = alloc_pages(GFP_KERNEL, 1); /* LINE:leak */
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	snprintf(want, sizeof(want),
		 "pages allocated is 2 at test end, was 0 at test start\n"
		 "kshim: leaked 2 page(s) at pfn %#lx, allocated at %s:%d\n",
		 page_to_pfn(page), __FILE__, marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

static CU_TestInfo zone_tests[] = {
	{ "zone_preference", test_zone_preference },
	{ "gfp_dma_below_16m", test_gfp_dma_below_16m },
	{ "zone_fallback", test_zone_fallback },
	{ "lowmem_never_falls_up", test_lowmem_never_falls_up },
	{ "alloc_pages_node", test_alloc_pages_node },
	{ "gfp_thisnode", test_gfp_thisnode },
	{ "47_alloc_pages_node_negative_bugs",
	  test_47_alloc_pages_node_negative_bugs },
	{ "47_alloc_pages_node_too_big_bugs",
	  test_47_alloc_pages_node_too_big_bugs },
	{ "46_gfp_dma_highmem_bugs", test_46_gfp_dma_highmem_bugs },
	{ "46_gfp_dma_dma32_bugs", test_46_gfp_dma_dma32_bugs },
	{ "46_gfp_dma32_highmem_bugs", test_46_gfp_dma32_highmem_bugs },
	{ "46_gfp_zone_good_combinations",
	  test_46_gfp_zone_good_combinations },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo buddy_tests[] = {
	{ "split_and_merge", test_split_and_merge },
	{ "blocks_are_aligned", test_blocks_are_aligned },
	{ "34_order_too_big_warns_once", test_34_order_too_big_warns_once },
	{ "34_max_order_succeeds", test_34_max_order_succeeds },
	{ "45_exhaustion_reports_failure",
	  test_45_exhaustion_reports_failure },
	{ "45_failure_names_flags", test_45_failure_names_flags },
	{ "45_nowarn_is_silent", test_45_nowarn_is_silent },
	{ "12_gfp_zero", test_12_gfp_zero },
	{ "12_gfp_zero_highmem", test_12_gfp_zero_highmem },
	{ "35_get_free_pages", test_35_get_free_pages },
	{ "35_get_free_pages_failure", test_35_get_free_pages_failure },
	{ "36_get_free_pages_highmem_stripped",
	  test_36_get_free_pages_highmem_stripped },
	{ "alloc_pages_exact", test_alloc_pages_exact },
	{ "alloc_pages_exact_bad_flags_warn",
	  test_alloc_pages_exact_bad_flags_warn },
	{ "leak_names_allocation_site", test_leak_names_allocation_site },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "zones", NULL, NULL, NULL, NULL, zone_tests },
	{ "buddy", NULL, NULL, NULL, NULL, buddy_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
