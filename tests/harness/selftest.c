/*
 * selftest - a test program that fails on purpose.
 *
 * Not run by make check directly: tests/harness/test_harness.c runs it and
 * checks that each scenario fails (or passes) exactly as the harness
 * promises, in TAP, basic and XML output.  "LINE:<name>" markers let the
 * checker find the lines the failures must name.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <kshim/test.h>

static void pass_plain(void)
{
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void unexpected_warn(void)
{
	WARN_ON(1); /* LINE:unexpected_warn */
}

static void bug_kills_test(void)
{
	BUG(); /* LINE:bug_kills_test */
	CU_FAIL("not reached: BUG() ends the test");
}

/* Runs right after the BUG: the machine must be clean. */
static void clean_after_bug(void)
{
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(test_taint(TAINT_DIE));
	CU_ASSERT_FALSE(test_taint(TAINT_WARN));
	CU_ASSERT_FALSE(kshim_dmesg_contains("kernel BUG"));
}

static void expected_never_fires(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING, "never", 1); /* LINE:expected_never_fires */
}

static long unbalanced_counter;

static void ledger_unbalanced(void)
{
	kshim_ledger_add_counter("selftest widgets", &unbalanced_counter);
	unbalanced_counter++;
}

static void expected_warn(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING, "WARNING: CPU:", 1);
	WARN_ON(1);
}

static void expected_bug(void)
{
	kshim_expect_report(KSHIM_REPORT_BUG, "kernel BUG at", 1);
	BUG();
}

static void expected_ledger(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER, "selftest gadgets is 2", 1);
	kshim_ledger_add_counter("selftest gadgets", &unbalanced_counter);
	unbalanced_counter += 2;
}

static void cunit_assert_fails(void)
{
	CU_ASSERT_EQUAL(1, 2); /* LINE:cunit_assert_fails */
}

static void fatal_assert_stops(void)
{
	CU_ASSERT_FATAL(0); /* LINE:fatal_assert_stops */
	WARN_ON(1);	/* not reached: would add a second failure */
}

static void too_many_reports(void)
{
	int i;

	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1); /* LINE:too_many_reports */
	for (i = 0; i < 2; i++)
		WARN_ON(1);
}

static void skips(void)
{
	kshim_test_skip("no widget here");
}

static void segfault(void)
{
	raise(SIGSEGV);
}

static void hangs(void)
{
	for (;;)
		pause();
}

static void exits(void)
{
	exit(3);
}

static void panics(void)
{
	panic("selftest %d", 42);
}

static CU_TestInfo tests[] = {
	{ "pass_plain", pass_plain },
	{ "unexpected_warn", unexpected_warn },
	{ "bug_kills_test", bug_kills_test },
	{ "clean_after_bug", clean_after_bug },
	{ "expected_never_fires", expected_never_fires },
	{ "ledger_unbalanced", ledger_unbalanced },
	{ "expected_warn", expected_warn },
	{ "expected_bug", expected_bug },
	{ "expected_ledger", expected_ledger },
	{ "cunit_assert_fails", cunit_assert_fails },
	{ "fatal_assert_stops", fatal_assert_stops },
	{ "too_many_reports", too_many_reports },
	{ "skips", skips },
	{ "segfault", segfault },
	{ "hangs", hangs },
	{ "panics", panics },
	{ "exits", exits },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "selftest", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
