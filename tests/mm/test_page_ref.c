/*
 * test_page_ref - struct page state after allocation and free, and the
 * reference count API (include/linux/page_ref.h, include/linux/mm.h of
 * 6.8 with CONFIG_DEBUG_VM): kernel-api.md §10 items 9-23.
 *
 * Negative tests name the exact line of this file that misused the API:
 * each such call carries a LINE:<name> marker that the expected report is
 * built from.  A BUG ends its test, so those tests need no cleanup.
 *
 * Not applicable to the 6.x profile (noted, not tested):
 *  14 [old] the -1 bias of 2.6.11's _count (page_count = _count + 1);
 *  15 [old] put_page()/__free_pages() ignoring PageReserved pages;
 *  21 [6.18] get_page()/put_page() of slab and large-kmalloc pages (6.8's
 *     get_page() has no such test, and kshim has no slab yet).
 * The 2.6.3x profile's differences (_count, no page_ref_*, BUGs without
 * dump_page: items 9, 16-20, 22) are tested in tests/mm26; item 11's
 * first_page encoding is not yet (PROFILE-2.6.3x.md here).
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "mm/internal.h"

/* ---- B. state after allocation and free ---- */

/* 9: a fresh order-0 page is referenced once, unmapped and clean. */
static void test_09_fresh_page_state(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_count(page), 1);
	CU_ASSERT_EQUAL(page_ref_count(page), 1);
	CU_ASSERT_EQUAL(page_mapcount(page), 0);
	CU_ASSERT_EQUAL(atomic_read(&page->_mapcount), -1);
	CU_ASSERT_FALSE(page_mapped(page));
	CU_ASSERT_PTR_NULL(page->mapping);
	CU_ASSERT_EQUAL(page_private(page), 0);
	CU_ASSERT_EQUAL(page->flags & PAGE_FLAGS_CHECK_AT_PREP, 0);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageReserved(page));
	CU_ASSERT_FALSE(PageDirty(page));
	CU_ASSERT_FALSE(PageLRU(page));
	CU_ASSERT_FALSE(PageCompound(page));
	CU_ASSERT_FALSE(PageBuddy(page));
	__free_page(page);
}

/* 9: the same holds for a page that was used, dirtied and freed. */
static void test_09_reused_page_is_clean(void)
{
	struct page *page = alloc_page(GFP_KERNEL), *again;
	unsigned long pfn;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	SetPageDirty(page);
	SetPageUptodate(page);
	SetPageReferenced(page);
	set_page_private(page, 0x1234);
	page->index = 77;
	__free_page(page);

	/* The hot page comes back first, as from the kernel's pcp list. */
	again = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again);
	CU_ASSERT_EQUAL(page_to_pfn(again), pfn);
	CU_ASSERT_EQUAL(page_count(again), 1);
	CU_ASSERT_EQUAL(page_mapcount(again), 0);
	CU_ASSERT_EQUAL(page_private(again), 0);
	CU_ASSERT_EQUAL(again->index, 0);
	CU_ASSERT_EQUAL(again->flags & PAGE_FLAGS_CHECK_AT_PREP, 0);
	__free_page(again);
}

/* 10: without __GFP_COMP only page 0 is referenced; no compound state. */
static void test_10_high_order_not_compound(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 3);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_count(page), 1);
	CU_ASSERT_FALSE(PageCompound(page));
	CU_ASSERT_FALSE(PageHead(page));
	CU_ASSERT_EQUAL(compound_order(page), 0);
	for (i = 1; i < 8; i++) {
		CU_ASSERT_EQUAL(page_ref_count(page + i), 0);
		CU_ASSERT_EQUAL(page_count(page + i), 0);
		CU_ASSERT_FALSE(PageCompound(page + i));
		CU_ASSERT_FALSE(PageTail(page + i));
		CU_ASSERT_PTR_EQUAL(compound_head(page + i), page + i);
	}
	__free_pages(page, 3);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 11: __GFP_COMP makes a head and tails sharing the head's count. */
static void test_11_compound_page(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	char *addr;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	addr = page_address(head);
	CU_ASSERT_TRUE(PageHead(head));
	CU_ASSERT_FALSE(PageTail(head));
	CU_ASSERT_TRUE(PageCompound(head));
	CU_ASSERT_EQUAL(compound_order(head), 3);
	CU_ASSERT_EQUAL(compound_nr(head), 8);
	CU_ASSERT_EQUAL(page_size(head), 8 * PAGE_SIZE);
	CU_ASSERT_EQUAL(page_shift(head), PAGE_SHIFT + 3);
	for (i = 1; i < 8; i++) {
		CU_ASSERT_TRUE(PageTail(head + i));
		CU_ASSERT_FALSE(PageHead(head + i));
		CU_ASSERT_TRUE(PageCompound(head + i));
		CU_ASSERT_PTR_EQUAL(compound_head(head + i), head);
		CU_ASSERT_EQUAL(page_ref_count(head + i), 0);
		CU_ASSERT_EQUAL(page_count(head + i), page_count(head));
	}
	CU_ASSERT_PTR_EQUAL(virt_to_head_page(addr + 5 * PAGE_SIZE + 17), head);

	/* get_page/put_page of a tail act on the head. */
	get_page(head + 5);
	CU_ASSERT_EQUAL(page_ref_count(head), 2);
	CU_ASSERT_EQUAL(page_ref_count(head + 5), 0);
	CU_ASSERT_EQUAL(page_count(head + 7), 2);
	put_page(head + 5);
	CU_ASSERT_EQUAL(page_ref_count(head), 1);

	/* The last put frees the whole compound block. */
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 8);
	put_page(head + 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 11: freeing with __free_pages() and the right order also works. */
static void test_11_compound_free_pages(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	__free_pages(head, 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	/* Compound state is gone with the free. */
	CU_ASSERT_FALSE(PageHead(head));
	CU_ASSERT_FALSE(PageTail(head + 1));
}

/* 13: the memory returns to the allocator exactly on the last put. */
static void test_13_last_reference_frees(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long before;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	before = kshim_zone_free_pages(page_zone(page));
	get_page(page);
	get_page(page);
	put_page(page);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 1);
	CU_ASSERT_EQUAL(kshim_zone_free_pages(page_zone(page)), before);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_zone_free_pages(page_zone(page)), before + 1);
}

/* 13: put_page_testzero() is true only on the 1 -> 0 transition. */
static void test_13_put_page_testzero(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page);
	get_page(page);
	CU_ASSERT_FALSE(put_page_testzero(page));
	CU_ASSERT_FALSE(put_page_testzero(page));
	CU_ASSERT_TRUE(put_page_testzero(page));
	CU_ASSERT_EQUAL(page_ref_count(page), 0);
	/* It only counts: the page is still allocated.  Free it. */
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 1);
	init_page_count(page);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* ---- C. the refcount API ---- */

/* 16: raw accessors never check, and return what the atomics return. */
static void test_16_raw_page_ref_ops(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_ref_count(page), 1);
	page_ref_inc(page);
	CU_ASSERT_EQUAL(page_ref_count(page), 2);
	page_ref_add(page, 5);
	CU_ASSERT_EQUAL(page_ref_count(page), 7);
	page_ref_sub(page, 3);
	CU_ASSERT_EQUAL(page_ref_count(page), 4);
	page_ref_dec(page);
	CU_ASSERT_EQUAL(page_ref_count(page), 3);
	CU_ASSERT_EQUAL(page_ref_inc_return(page), 4);
	CU_ASSERT_EQUAL(page_ref_dec_return(page), 3);
	CU_ASSERT_EQUAL(page_ref_sub_return(page, 2), 1);
	CU_ASSERT_FALSE(page_ref_sub_and_test(page, -1));	/* 2 */
	CU_ASSERT_FALSE(page_ref_dec_and_test(page));		/* 1 */
	CU_ASSERT_TRUE(page_ref_dec_and_test(page));		/* 0 */
	/* Below zero: raw ops have no checks (and free nothing). */
	page_ref_dec(page);
	CU_ASSERT_EQUAL(page_ref_count(page), -1);
	CU_ASSERT_EQUAL(page_count(page), -1);
	page_ref_add(page, 3);
	CU_ASSERT_TRUE(page_ref_sub_and_test(page, 2));
	set_page_count(page, 42);
	CU_ASSERT_EQUAL(page_ref_count(page), 42);
	init_page_count(page);
	CU_ASSERT_EQUAL(page_ref_count(page), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 1);
	__free_page(page);
}

/* 17: page_ref_add_unless() and get_page_unless_zero(). */
static void test_17_add_unless(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE(page_ref_add_unless(page, 2, 0));
	CU_ASSERT_EQUAL(page_ref_count(page), 3);
	CU_ASSERT_FALSE(page_ref_add_unless(page, 2, 3));
	CU_ASSERT_EQUAL(page_ref_count(page), 3);
	CU_ASSERT_TRUE(get_page_unless_zero(page));
	CU_ASSERT_EQUAL(page_ref_count(page), 4);

	page_ref_sub(page, 4);
	CU_ASSERT_FALSE(get_page_unless_zero(page));
	CU_ASSERT_EQUAL(page_ref_count(page), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	init_page_count(page);
	__free_page(page);
}

/* 18: freeze succeeds only at the expected count; unfreeze restores. */
static void test_18_freeze_unfreeze(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page);				/* 2 */
	CU_ASSERT_EQUAL(page_ref_freeze(page, 1), 0);
	CU_ASSERT_EQUAL(page_ref_count(page), 2);
	CU_ASSERT_EQUAL(page_ref_freeze(page, 2), 1);
	CU_ASSERT_EQUAL(page_ref_count(page), 0);
	/* Frozen: speculative references fail. */
	CU_ASSERT_FALSE(get_page_unless_zero(page));
	page_ref_unfreeze(page, 2);
	CU_ASSERT_EQUAL(page_ref_count(page), 2);
	put_page(page);
	__free_page(page);
}

/* 18: unfreezing a page that is not frozen. */
static void test_18_unfreeze_not_frozen_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_count(page) != 0)",
			   "unfreeze_not_frozen");
	page_ref_unfreeze(page, 1); /* LINE:unfreeze_not_frozen */
	CU_FAIL("page_ref_unfreeze() of a live page returned");
}

/* 18: unfreezing to a count of 0. */
static void test_18_unfreeze_to_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE_FATAL(page_ref_freeze(page, 1));
	expect_vm_bug("unfreeze_zero");
	page_ref_unfreeze(page, 0); /* LINE:unfreeze_zero */
	CU_FAIL("page_ref_unfreeze(page, 0) returned");
}

/* 19: put_page() on a page whose count is already 0. */
static void test_19_put_page_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page_ref_dec(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "put_zero");
	put_page(page); /* LINE:put_zero */
	CU_FAIL("put_page() of a free page returned");
}

/* 19: the classic double put: the second put_page() of a freed page. */
static void test_19_double_put_page_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	put_page(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "double_put");
	put_page(page); /* LINE:double_put */
	CU_FAIL("second put_page() returned");
}

/* 19: put_page_testzero() on 0. */
static void test_19_put_page_testzero_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page_ref_dec(page);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "testzero_zero");
	put_page_testzero(page); /* LINE:testzero_zero */
	CU_FAIL("put_page_testzero() on 0 returned");
}

/* 19: __free_pages() twice (double free). */
static void test_19_double_free_pages_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_pages(page, 1);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "double_free");
	__free_pages(page, 1); /* LINE:double_free */
	CU_FAIL("second __free_pages() returned");
}

/* 19: free_pages() by address of a page already freed. */
static void test_19_double_free_by_address_bugs(void)
{
	unsigned long addr = __get_free_page(GFP_KERNEL);

	CU_ASSERT_FATAL(addr != 0);
	free_page(addr);
	expect_vm_bug_page("VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
			   "double_free_addr");
	free_page(addr); /* LINE:double_free_addr */
	CU_FAIL("second free_page() returned");
}

#define GET_PAGE_REASON \
	"VM_BUG_ON_FOLIO(((unsigned int) folio_ref_count(folio) + 127u <= 127u))"

/* 20: get_page() of a free page. */
static void test_20_get_page_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	put_page(page);
	expect_vm_bug_page(GET_PAGE_REASON, "get_zero");
	get_page(page); /* LINE:get_zero */
	CU_FAIL("get_page() of a free page returned");
}

/* 20: get_page() of a count about to overflow. */
static void test_20_get_page_near_overflow_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	set_page_count(page, -5);
	expect_vm_bug_page(GET_PAGE_REASON, "get_overflow");
	get_page(page); /* LINE:get_overflow */
	CU_FAIL("get_page() near overflow returned");
}

/* 20: get_page() of page 1 of a non-compound block (LDD3's scullp). */
static void test_20_get_page_of_plain_tail_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug_page(GET_PAGE_REASON, "get_plain_tail");
	get_page(page + 1); /* LINE:get_plain_tail */
	CU_FAIL("get_page() of a refcount-0 tail returned");
}

/* 20: the largest count that is still fine, and a positive round trip. */
static void test_20_get_page_limits(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	set_page_count(page, 0x7fffff00);
	get_page(page);
	CU_ASSERT_EQUAL(page_ref_count(page), 0x7fffff01);
	init_page_count(page);
	get_page(page);
	CU_ASSERT_EQUAL(page_count(page), 2);
	put_page(page);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 22: try_get_page() on a free page warns once and fails. */
static void test_22_try_get_page_on_zero_warns_once(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	const struct kshim_report *r;
	int line = marker_line("try_get_zero");

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(line > 0);
	page_ref_dec(page);
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	CU_ASSERT_FALSE(try_get_page(page)); /* LINE:try_get_zero */
	CU_ASSERT_EQUAL(page_ref_count(page), 0);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, __FILE__);
	CU_ASSERT_EQUAL(r->line, line);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, CUT_HERE "WARNING: CPU: "));
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));

	/* WARN_ON_ONCE: the second failure is silent but still fails. */
	set_page_count(page, -3);
	CU_ASSERT_FALSE(try_get_page(page));
	CU_ASSERT_EQUAL(page_ref_count(page), -3);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 1);
	init_page_count(page);
	__free_page(page);
}

/* 22: try_get_page() of a live page (or a tail: the head counts). */
static void test_22_try_get_page_succeeds(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	CU_ASSERT_TRUE(try_get_page(head));
	CU_ASSERT_TRUE(try_get_page(head + 1));
	CU_ASSERT_EQUAL(page_ref_count(head), 3);
	CU_ASSERT_EQUAL(page_ref_count(head + 1), 0);
	put_page(head);
	put_page(head + 1);
	put_page(head);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 23: page_private()/set_page_private() are ->private. */
static void test_23_page_private(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_private(page), 0);
	set_page_private(page, 0xdeadbeefUL);
	CU_ASSERT_EQUAL(page->private, 0xdeadbeefUL);
	CU_ASSERT_EQUAL(page_private(page), 0xdeadbeefUL);
	page->private = 7;
	CU_ASSERT_EQUAL(page_private(page), 7);
	/* ->private is not a free-time check: drivers need not clear it. */
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo state_tests[] = {
	{ "09_fresh_page_state", test_09_fresh_page_state },
	{ "09_reused_page_is_clean", test_09_reused_page_is_clean },
	{ "10_high_order_not_compound", test_10_high_order_not_compound },
	{ "11_compound_page", test_11_compound_page },
	{ "11_compound_free_pages", test_11_compound_free_pages },
	{ "13_last_reference_frees", test_13_last_reference_frees },
	{ "13_put_page_testzero", test_13_put_page_testzero },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ref_tests[] = {
	{ "16_raw_page_ref_ops", test_16_raw_page_ref_ops },
	{ "17_add_unless", test_17_add_unless },
	{ "18_freeze_unfreeze", test_18_freeze_unfreeze },
	{ "18_unfreeze_not_frozen_bugs", test_18_unfreeze_not_frozen_bugs },
	{ "18_unfreeze_to_zero_bugs", test_18_unfreeze_to_zero_bugs },
	{ "19_put_page_on_zero_bugs", test_19_put_page_on_zero_bugs },
	{ "19_double_put_page_bugs", test_19_double_put_page_bugs },
	{ "19_put_page_testzero_on_zero_bugs",
	  test_19_put_page_testzero_on_zero_bugs },
	{ "19_double_free_pages_bugs", test_19_double_free_pages_bugs },
	{ "19_double_free_by_address_bugs",
	  test_19_double_free_by_address_bugs },
	{ "20_get_page_on_zero_bugs", test_20_get_page_on_zero_bugs },
	{ "20_get_page_near_overflow_bugs",
	  test_20_get_page_near_overflow_bugs },
	{ "20_get_page_of_plain_tail_bugs",
	  test_20_get_page_of_plain_tail_bugs },
	{ "20_get_page_limits", test_20_get_page_limits },
	{ "22_try_get_page_on_zero_warns_once",
	  test_22_try_get_page_on_zero_warns_once },
	{ "22_try_get_page_succeeds", test_22_try_get_page_succeeds },
	{ "23_page_private", test_23_page_private },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "page_state", NULL, NULL, NULL, NULL, state_tests },
	{ "page_ref", NULL, NULL, NULL, NULL, ref_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
