/*
 * test_demo - the demo driver (drivers-under-test/demo) through its whole
 * lifecycle: load with parameters, use, misuse (warnings and a BUG the
 * driver's own checks raise, at the driver's file:line), unload.
 */
#include <errno.h>
#include <string.h>

#include <kshim/test.h>

#include "../drivers-under-test/demo/demo.h"

#define DEMO_FILE "drivers-under-test/demo/demo.c"

static void test_fifo_order(void)
{
	u32 v = 0;
	unsigned int i;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("demo", NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("demo: ready with 16 slots\n"));
	for (i = 0; i < 16; i++)
		CU_ASSERT_EQUAL(demo_push(i * 3), 0);
	CU_ASSERT_EQUAL(demo_push(99), -ENOSPC);
	CU_ASSERT_EQUAL(demo_count(), 16);
	for (i = 0; i < 16; i++) {
		CU_ASSERT_EQUAL(demo_pop(&v), 0);
		CU_ASSERT_EQUAL(v, i * 3);
	}
	CU_ASSERT_EQUAL(demo_pop(&v), -EAGAIN);
	CU_ASSERT_EQUAL(kshim_module_unload("demo"), 0);
}

static void test_nr_slots_param(void)
{
	char buf[16];
	unsigned int i;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("demo", "nr_slots=4"), 0);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(demo_push(i), 0);
	CU_ASSERT_EQUAL(demo_push(4), -ENOSPC);
	kshim_module_param("demo", "nr_slots", buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "4\n");
	CU_ASSERT_EQUAL(kshim_module_unload("demo"), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("demo: dropping 4 queued values\n"));
}

static void test_bad_nr_slots_fails_load(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("demo", "nr_slots=3"), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"demo: nr_slots=3 is not a power of two from 2 to 64\n"));
	CU_ASSERT_FALSE(kshim_module_loaded("demo"));
	CU_ASSERT_EQUAL(kshim_module_load("demo", "nr_slots=128"), -EINVAL);
}

static void test_use_before_load_warns_at_driver_line(void)
{
	const struct kshim_report *r;
	u32 v;

	kshim_expect_report(KSHIM_REPORT_WARNING, " at " DEMO_FILE ":", 1);
	CU_ASSERT_EQUAL(demo_push(1), -ENODEV);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, DEMO_FILE);
	CU_ASSERT_STRING_EQUAL(r->func, "demo_push");
	CU_ASSERT(r->line > 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, " demo_push [demo]\n"));
	(void)v;
}

static void test_pop_before_load_warns_once(void)
{
	u32 v;
	int i;

	kshim_expect_report(KSHIM_REPORT_WARNING, " demo_pop [demo]\n", 1);
	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(demo_pop(&v), -ENODEV);
}

static void test_strict_empty_pop_warns_with_message(void)
{
	u32 v;

	kshim_expect_report(KSHIM_REPORT_WARNING, "pop from an empty ring\n",
			    1);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("demo", "strict=1"), 0);
	CU_ASSERT_EQUAL(demo_pop(&v), -EAGAIN);
	CU_ASSERT_EQUAL(demo_pop(&v), -EAGAIN);	/* WARN_ONCE */
	kshim_module_unload("demo");
}

static void test_discard_bug_is_caught(void)
{
	kshim_expect_report(KSHIM_REPORT_BUG, "kernel BUG at " DEMO_FILE ":",
			    1);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("demo", NULL), 0);
	demo_push(1);
	demo_discard(2);	/* one more than queued: breaks the ring */
	demo_count();		/* BUG_ON: the test ends here */
	CU_FAIL("demo_count() returned after BUG_ON");
}

static CU_TestInfo tests[] = {
	{ "fifo_order", test_fifo_order },
	{ "nr_slots_param", test_nr_slots_param },
	{ "bad_nr_slots_fails_load", test_bad_nr_slots_fails_load },
	{ "use_before_load_warns_at_driver_line",
	  test_use_before_load_warns_at_driver_line },
	{ "pop_before_load_warns_once", test_pop_before_load_warns_once },
	{ "strict_empty_pop_warns_with_message",
	  test_strict_empty_pop_warns_with_message },
	{ "discard_bug_is_caught", test_discard_bug_is_caught },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "demo", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
