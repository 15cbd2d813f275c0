/*
 * expect_selftest - expectations that fail on purpose, for
 * test_expect_explain: their failure messages must say which reports of
 * the class were claimed, by which expectation, and how many a kernel
 * rate limit kept from printing.
 */
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

/* Two failures within 10 s: nopage_rs prints the first only. */
static void test_rate_limited(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("times=2"), 0);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, NULL, 2); /* LINE:want_two */
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL)); /* LINE:first_failure */
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL));
}

/* The one report is claimed by the first expectation, not the second. */
static void test_claimed_earlier(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, "order:0", 1); /* LINE:claims */
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, "order:", 1); /* LINE:starves */
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL)); /* LINE:only_failure */
}

/* Met exactly: passes (the explanation costs nothing when all is well). */
static void test_met(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("times=2"), 0);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, NULL, 1);
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL));
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL));
}

static CU_TestInfo tests[] = {
	{ "rate_limited", test_rate_limited },
	{ "claimed_earlier", test_claimed_earlier },
	{ "met", test_met },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "expect", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
