/*
 * test_page_free - freeing pages as a driver does it (mm/page_alloc.c of
 * 6.8 with CONFIG_DEBUG_VM): kernel-api.md §10 items 37-43: free_pages()
 * of NULL and of addresses outside the direct map, blocks whose head keeps
 * other references, compound blocks freed with the wrong order or by a
 * tail, the free-time "Bad page state" checks (and their burst limit),
 * the flags cleared at free, and split_page().
 *
 * Negative tests name the exact line of this file (LINE:<name> markers).
 * The 2.6.3x profile's differences (items 38, 40-43) are tested in
 * tests/mm26.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>

#include "common/expect_bug.h"
#include "mm/internal.h"
#include "mm/mm_test.h"

/* ---- freeing ---- */

/* 37: free_pages(0) is a no-op. */
static void test_37_free_null_is_noop(void)
{
	free_pages(0, 3);
	free_page(0);
	free_page(NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 37: free_pages() of an address outside the direct map. */
static void test_37_free_pages_bad_address_bugs(void)
{
	static char not_a_page[2 * PAGE_SIZE];

	expect_vm_bug("free_bad_addr");
	free_pages((unsigned long)not_a_page, 0); /* LINE:free_bad_addr */
	CU_FAIL("free_pages() of static data returned");
}

static void test_37_free_pages_highmem_address_bugs(void)
{
	boot("256M", "64M", "1");
	expect_vm_bug("free_high_addr");
	free_page(__va(PFN_PHYS(highstart_pfn))); /* LINE:free_high_addr */
	CU_FAIL("free_page() of a highmem __va() returned");
}

/* 38: others hold page 0 of a plain block: the rest is freed at once. */
static void test_38_free_pages_with_extra_head_ref(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 4);
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 1);
	CU_ASSERT_EQUAL(page_count(page), 1);
	for (i = 1; i < 4; i++)
		CU_ASSERT_EQUAL(page_ref_count(page + i), 0);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 38: a compound block with extra references stays whole. */
static void test_38_free_compound_with_extra_ref(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page + 3);
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 4);
	CU_ASSERT_TRUE(PageHead(page));
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 39: __free_pages() of a compound page with the wrong order. */
static void test_39_free_compound_wrong_order_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(compound && compound_order(page) != order)",
			   "wrong_order");
	__free_pages(page, 1); /* LINE:wrong_order */
	CU_FAIL("__free_pages() with the wrong order returned");
}

/* 39: freeing a tail page (given a count of its own, as drivers do). */
static void test_39_free_tail_page_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page_ref_inc(page + 1);
	expect_vm_bug_page("VM_BUG_ON_PAGE(PageTail(page))", "free_tail");
	__free_pages(page + 1, 0); /* LINE:free_tail */
	CU_FAIL("__free_pages() of a tail page returned");
}

/* ---- 40-42: free-time checks ---- */

/* One "Bad page state" report, for @page's pfn. */
static void expect_bad_page(struct page *page)
{
	char want[256];

	snprintf(want, sizeof(want), "  pfn:%05lx\n", page_to_pfn(page));
	kshim_expect_report(KSHIM_REPORT_BAD_PAGE, want, 1);
}

/* The report after the free: text, line, taint, and the page leaked. */
static void check_bad_page(struct page *page, const char *reason,
			   const char *marker)
{
	const struct kshim_report *r = assert_report_at(KSHIM_REPORT_BAD_PAGE, marker);
	char want[128];

	CU_ASSERT_PTR_NOT_NULL(strstr(r->text,
				      "BUG: Bad page state in process "));
	snprintf(want, sizeof(want), "page dumped because: %s\n", reason);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "Modules linked in:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "Call Trace:"));
	CU_ASSERT_TRUE(test_taint(TAINT_BAD_PAGE));
	/* Leaked: not in the buddy lists, never handed out again. */
	CU_ASSERT_FALSE(PageBuddy(page));
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

#define FLAGS_BAD "PAGE_FLAGS_CHECK_AT_FREE flag(s) set"

/* 40: the LDD-era SetPageReserved() without ClearPageReserved(). */
static void test_40_free_reserved_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL), *next;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageReserved(page);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_reserved */
	check_bad_page(page, FLAGS_BAD, "free_reserved");
	CU_ASSERT_TRUE(PageReserved(page));	/* bad fields left for debug */
	next = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(next);
	CU_ASSERT_PTR_NOT_EQUAL(next, page);
	__free_page(next);
}

static void test_40_free_locked_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__SetPageLocked(page);
	expect_bad_page(page);
	put_page(page); /* LINE:free_locked */
	check_bad_page(page, FLAGS_BAD, "free_locked");
}

static void test_40_free_private_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPagePrivate(page);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_private */
	check_bad_page(page, FLAGS_BAD, "free_private");
}

static void test_40_free_lru_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageLRU(page);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_lru */
	check_bad_page(page, FLAGS_BAD, "free_lru");
}

static void test_40_free_writeback_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FALSE(TestSetPageWriteback(page));
	expect_bad_page(page);
	__free_page(page); /* LINE:free_writeback */
	check_bad_page(page, FLAGS_BAD, "free_writeback");
}

static void test_40_free_active_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageActive(page);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_active */
	check_bad_page(page, FLAGS_BAD, "free_active");
}

static void test_40_free_page_with_mapping(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page->mapping = (struct address_space *)0x1000;
	expect_bad_page(page);
	__free_page(page); /* LINE:free_mapping */
	check_bad_page(page, "non-NULL mapping", "free_mapping");
}

static void test_40_free_mapped_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	atomic_inc(&page->_mapcount);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_mapped */
	check_bad_page(page, "nonzero mapcount", "free_mapped");
}

/* 40: split_page() then __free_pages() of the whole: tails still held. */
static void test_40_free_split_block_whole(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	split_page(page, 1);
	expect_bad_page(page + 1);
	__free_pages(page, 1); /* LINE:free_split_whole */
	check_bad_page(page + 1, "nonzero _refcount", "free_split_whole");
}

/* 40: the last of several reasons wins; a compound page's head is checked. */
static void test_40_last_reason_wins(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page->mapping = (struct address_space *)0x1000;
	SetPagePrivate(page);
	expect_bad_page(page);
	put_page(page + 1); /* LINE:free_two_reasons */
	check_bad_page(page, FLAGS_BAD, "free_two_reasons");
}

/* 41: a burst of 60 reports, then silence (the page is still leaked). */
static void test_41_bad_page_burst_of_60(void)
{
	struct page *pages[61];
	int i;

	for (i = 0; i < 61; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(pages[i]);
		SetPageReserved(pages[i]);
	}
	kshim_expect_report(KSHIM_REPORT_BAD_PAGE, "BUG: Bad page state", 60);
	for (i = 0; i < 61; i++)
		__free_page(pages[i]);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_BAD_PAGE), 60);
	CU_ASSERT_FALSE(PageBuddy(pages[60]));
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 42: a good free clears the PAGE_FLAGS_CHECK_AT_PREP flags. */
static void test_42_free_clears_prep_flags(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageDirty(page);
	SetPageUptodate(page);
	SetPageReferenced(page);
	SetPageMappedToDisk(page);
	SetPageChecked(page + 1);
	SetPageError(page + 1);
	__free_pages(page, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(page[0].flags & PAGE_FLAGS_CHECK_AT_PREP, 0);
	CU_ASSERT_EQUAL(page[1].flags & PAGE_FLAGS_CHECK_AT_PREP, 0);
}

/* ---- 43: split_page() ---- */

static void test_43_split_page(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 3);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	split_page(page, 3);
	for (i = 0; i < 8; i++)
		CU_ASSERT_EQUAL(page_count(page + i), 1);
	/* Each sub-page lives on its own: get/put and free one by one. */
	get_page(page + 5);
	put_page(page + 5);
	for (i = 7; i >= 0; i--) {
		__free_page(page + i);
		CU_ASSERT_EQUAL(kshim_pages_allocated(), i);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_43_split_compound_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(PageCompound(page))",
			   "split_compound");
	split_page(page, 2); /* LINE:split_compound */
	CU_FAIL("split_page() of a compound page returned");
}

static void test_43_split_unreferenced_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(!page_count(page))",
			   "split_tail");
	split_page(page + 2, 1); /* LINE:split_tail */
	CU_FAIL("split_page() of a count-0 page returned");
}

/* 43: set_page_refcounted() of each sub-page: splitting twice BUGs. */
static void test_43_split_twice_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	split_page(page, 1);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page))",
			   "split_twice");
	split_page(page, 1); /* LINE:split_twice */
	CU_FAIL("second split_page() returned");
}

static CU_TestInfo free_tests[] = {
	{ "37_free_null_is_noop", test_37_free_null_is_noop },
	{ "37_free_pages_bad_address_bugs",
	  test_37_free_pages_bad_address_bugs },
	{ "37_free_pages_highmem_address_bugs",
	  test_37_free_pages_highmem_address_bugs },
	{ "38_free_pages_with_extra_head_ref",
	  test_38_free_pages_with_extra_head_ref },
	{ "38_free_compound_with_extra_ref",
	  test_38_free_compound_with_extra_ref },
	{ "39_free_compound_wrong_order_bugs",
	  test_39_free_compound_wrong_order_bugs },
	{ "39_free_tail_page_bugs", test_39_free_tail_page_bugs },
	{ "40_free_reserved_page", test_40_free_reserved_page },
	{ "40_free_locked_page", test_40_free_locked_page },
	{ "40_free_private_page", test_40_free_private_page },
	{ "40_free_lru_page", test_40_free_lru_page },
	{ "40_free_writeback_page", test_40_free_writeback_page },
	{ "40_free_active_page", test_40_free_active_page },
	{ "40_free_page_with_mapping", test_40_free_page_with_mapping },
	{ "40_free_mapped_page", test_40_free_mapped_page },
	{ "40_free_split_block_whole", test_40_free_split_block_whole },
	{ "40_last_reason_wins", test_40_last_reason_wins },
	{ "41_bad_page_burst_of_60", test_41_bad_page_burst_of_60 },
	{ "42_free_clears_prep_flags", test_42_free_clears_prep_flags },
	{ "43_split_page", test_43_split_page },
	{ "43_split_compound_bugs", test_43_split_compound_bugs },
	{ "43_split_unreferenced_bugs", test_43_split_unreferenced_bugs },
	{ "43_split_twice_bugs", test_43_split_twice_bugs },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "free", NULL, NULL, NULL, NULL, free_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
