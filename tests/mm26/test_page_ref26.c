/*
 * test_page_ref26 - struct page references as a 2.6.35 driver sees them
 * (include/linux/mm.h, mm/page_alloc.c of 2.6.35 with CONFIG_DEBUG_VM):
 * kernel-api.md §10 items 9, 16, 19, 20 and 38 with their [2.6.2x] tags.
 * Built with -DKSHIM_LINUX_VERSION_CODE=0x020623.
 *
 * What must not compile for this version (page->_refcount, page_ref_*(),
 * set_page_count(), try_get_page(), linux/page_ref.h) is checked by
 * the tests/compile-fail/ cases named 2_6_35; the 6.x behaviour by tests/mm.
 *
 * Negative tests name the exact line of this file that misused the API
 * (LINE:<name> markers).  A 2.6.35 VM_BUG_ON() has no dump_page(): the
 * report is "kernel BUG at <file>:<line>!" right after the cut line.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/version.h>

#include "common/expect_bug.h"
#include "mm/internal.h"
#include "nodump.h"
#include "ref_snippets.h"

#define SELF "tests/mm26/test_page_ref26"

/* The profile under test really is 2.6.35's. */
static void test_00_version(void)
{
	CU_ASSERT_EQUAL(LINUX_VERSION_CODE, KERNEL_VERSION(2, 6, 35));
}

/* 9, 16: the count is page->_count, unbiased: 1 after allocation. */
static void test_09_fresh_page_count(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(atomic_read(&page->_count), 1);
	CU_ASSERT_EQUAL(page_count(page), 1);
	CU_ASSERT_EQUAL(page_mapcount(page), 0);
	/* Drivers of that era bumped the field by hand. */
	atomic_inc(&page->_count);
	CU_ASSERT_EQUAL(page_count(page), 2);
	atomic_dec(&page->_count);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/*
 * 9, 16: a 4.6 driver's page->_refcount and page_ref_*() work on the same
 * word as this 2.6.35 driver's page->_count, in one libkshim.
 */
static void test_09_same_count_for_every_version(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(snip46_read_refcount(page), 1);
	snip46_page_ref_add(page, 2);
	CU_ASSERT_EQUAL(atomic_read(&page->_count), 3);
	CU_ASSERT_TRUE(snip46_freeze_unfreeze(page, 3));
	CU_ASSERT_FALSE(snip46_freeze_unfreeze(page, 1));
	CU_ASSERT_EQUAL(page_count(page), 3);
	snip46_set_page_count(page, 1);
	CU_ASSERT_TRUE(snip41518_try_get_page(page));
	CU_ASSERT_EQUAL(atomic_read(&page->_count), 2);
	put_page(page);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 16: init_page_count() is public (set_page_count() is not). */
static void test_16_init_page_count(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(page_count(page + 1), 0);
	init_page_count(page + 1);
	CU_ASSERT_EQUAL(atomic_read(&page[1]._count), 1);
	__free_page(page + 1);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 17: get_page_unless_zero() takes a live page, refuses a free one. */
static void test_17_get_page_unless_zero(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE(get_page_unless_zero(page));
	CU_ASSERT_EQUAL(page_count(page), 2);
	CU_ASSERT_FALSE(get_page_unless_zero(page + 1));
	CU_ASSERT_EQUAL(page_count(page + 1), 0);
	put_page(page);
	__free_pages(page, 1);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 11, 13: get_page()/put_page() of a compound tail move the head's count. */
static void test_13_compound_get_put(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	get_page(head + 3);
	CU_ASSERT_EQUAL(atomic_read(&head->_count), 2);
	CU_ASSERT_EQUAL(page_count(head + 3), 2);
	put_page(head + 3);
	put_page(head);		/* the last reference frees the block */
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 19: put_page() on a zero count: VM_BUG_ON(), no dump. */
static void test_19_put_page_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	atomic_dec(&page->_count);
	expect_vm_bug("put_zero");
	put_page(page); /* LINE:put_zero */
	CU_FAIL("put_page() of a free page returned");
}

/* 19: the double put. */
static void test_19_double_put_page_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	put_page(page);
	expect_vm_bug("double_put");
	put_page(page); /* LINE:double_put */
	CU_FAIL("second put_page() returned");
}

/* 19: put_page_testzero() on 0. */
static void test_19_put_page_testzero_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	atomic_set(&page->_count, 0);
	expect_vm_bug("testzero_zero");
	put_page_testzero(page); /* LINE:testzero_zero */
	CU_FAIL("put_page_testzero() on 0 returned");
}

/* 19: __free_pages() twice, in the library: the driver's version counts. */
static void test_19_double_free_pages_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_pages(page, 1);
	expect_vm_bug("double_free");
	__free_pages(page, 1); /* LINE:double_free */
	CU_FAIL("second __free_pages() returned");
}

/* 19: free_page() by address, twice. */
static void test_19_double_free_by_address_bugs(void)
{
	unsigned long addr = __get_free_page(GFP_KERNEL);

	CU_ASSERT_FATAL(addr != 0);
	free_page(addr);
	expect_vm_bug("double_free_addr");
	free_page(addr); /* LINE:double_free_addr */
	CU_FAIL("second free_page() returned");
}

/* 19: correct puts are silent and the last one frees the page. */
static void test_19_put_page_positive(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page);
	CU_ASSERT_FALSE(put_page_testzero(page));
	CU_ASSERT_EQUAL(page_count(page), 1);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 20: get_page() of a free page: VM_BUG_ON(), no dump. */
static void test_20_get_page_on_zero_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	put_page(page);
	expect_vm_bug("get_zero");
	get_page(page); /* LINE:get_zero */
	CU_FAIL("get_page() of a free page returned");
}

/* 20: get_page() of page 1 of a plain block (LDD3's scullp). */
static void test_20_get_page_of_plain_tail_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug("get_plain_tail");
	get_page(page + 1); /* LINE:get_plain_tail */
	CU_FAIL("get_page() of a refcount-0 tail returned");
}

/*
 * 20: 2.6.35 has no near-overflow test (6.8 BUGs within 127 of the
 * wrap): a negative count is taken silently.
 */
static void test_20_no_overflow_check(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	atomic_set(&page->_count, -5);
	get_page(page);
	CU_ASSERT_EQUAL(atomic_read(&page->_count), -4);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	init_page_count(page);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/*
 * 38: __free_pages() of a plain order-2 block whose page 0 someone else
 * still holds frees nothing (2.6.35: only put_page_testzero() of page 0);
 * the last put_page() then frees page 0 alone and pages 1-3 leak, as in
 * that kernel.  The test gives them a count of their own to free them.
 */
static void test_38_free_pages_of_held_block_frees_nothing(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	get_page(page);
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(page_count(page), 1);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 4);
	put_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 3);
	for (i = 1; i < 4; i++) {
		CU_ASSERT_EQUAL(page_count(page + i), 0);
		init_page_count(page + i);
		__free_page(page + i);
	}
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 38: with only the allocation's reference the whole block goes back. */
static void test_38_free_pages_whole_block(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 4);
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 19, 20: each BUG above, run again in a child: no dump_page() lines. */
static void test_19_20_bugs_print_no_dump(void)
{
	static const char *const bugs[] = {
		"page_ref_2635:19_put_page_on_zero_bugs",
		"page_ref_2635:19_put_page_testzero_on_zero_bugs",
		"page_ref_2635:19_double_free_pages_bugs",
		"page_ref_2635:19_double_free_by_address_bugs",
		"page_ref_2635:20_get_page_on_zero_bugs",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bugs) / sizeof(bugs[0]); i++)
		assert_bug_without_dump(SELF, bugs[i]);
}

static CU_TestInfo ref_tests[] = {
	{ "00_version", test_00_version },
	{ "09_fresh_page_count", test_09_fresh_page_count },
	{ "09_same_count_for_every_version",
	  test_09_same_count_for_every_version },
	{ "16_init_page_count", test_16_init_page_count },
	{ "17_get_page_unless_zero", test_17_get_page_unless_zero },
	{ "13_compound_get_put", test_13_compound_get_put },
	{ "19_put_page_on_zero_bugs", test_19_put_page_on_zero_bugs },
	{ "19_double_put_page_bugs", test_19_double_put_page_bugs },
	{ "19_put_page_testzero_on_zero_bugs",
	  test_19_put_page_testzero_on_zero_bugs },
	{ "19_double_free_pages_bugs", test_19_double_free_pages_bugs },
	{ "19_double_free_by_address_bugs",
	  test_19_double_free_by_address_bugs },
	{ "19_put_page_positive", test_19_put_page_positive },
	{ "20_get_page_on_zero_bugs", test_20_get_page_on_zero_bugs },
	{ "20_get_page_of_plain_tail_bugs",
	  test_20_get_page_of_plain_tail_bugs },
	{ "20_no_overflow_check", test_20_no_overflow_check },
	{ "38_free_pages_of_held_block_frees_nothing",
	  test_38_free_pages_of_held_block_frees_nothing },
	{ "38_free_pages_whole_block", test_38_free_pages_whole_block },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo nodump_tests[] = {
	{ "19_20_bugs_print_no_dump", test_19_20_bugs_print_no_dump },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "page_ref_2635", NULL, NULL, NULL, NULL, ref_tests },
	{ "no_dump_2635", NULL, NULL, NULL, NULL, nodump_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
