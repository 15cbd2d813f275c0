/*
 * test_boot - configuring the simulated machine (init/main.c): defaults,
 * kshim_boot() overrides, and rejection of bad or unknown settings
 * without changing anything.
 */
#include <errno.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/bug.h>

static void test_defaults(void)
{
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LOGLEVEL"), "7");
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_BACKTRACE"), "1");
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FORK"), "1");
	CU_ASSERT_PTR_NULL(kshim_setting("KSHIM_NOPE"));
}

static void test_boot_overrides(void)
{
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LOGLEVEL=3", "KSHIM_BACKTRACE=off",
				   NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LOGLEVEL"), "3");
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_BACKTRACE"), "0");
	/* The last of two values for one setting wins. */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LOGLEVEL=2", "KSHIM_LOGLEVEL=5",
				   NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LOGLEVEL"), "5");
}

/* Each test boots afresh: the previous test's overrides are gone. */
static void test_boot_is_per_test(void)
{
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LOGLEVEL"), "7");
}

static void test_boot_rejects(void)
{
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LOGLEVEL=9", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LOGLEVEL=", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_TEST_TIMEOUT=1x", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_NOPE=1", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("LOGLEVEL", NULL), -EINVAL);
	/* One bad setting rejects the whole call: nothing changed. */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LOGLEVEL=1", "KSHIM_FORK=perhaps",
				   NULL), -EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LOGLEVEL"), "7");
}

static void test_backtrace_off_leaves_trace_empty(void)
{
	const struct kshim_report *r;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_BACKTRACE=0", NULL), 0);
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	WARN_ON(1);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, " <TASK>\n </TASK>\n"));
}

static CU_TestInfo tests[] = {
	{ "defaults", test_defaults },
	{ "boot_overrides", test_boot_overrides },
	{ "boot_is_per_test", test_boot_is_per_test },
	{ "boot_rejects", test_boot_rejects },
	{ "backtrace_off_leaves_trace_empty",
	  test_backtrace_off_leaves_trace_empty },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "boot", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
