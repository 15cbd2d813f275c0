/*
 * test_expect_explain - an unmet kshim_expect_report() says what the test
 * did see of the class: the reports, their lines, which expectation
 * claimed each, and how many a kernel rate limit kept from printing
 * (issue 11 item 13).  Runs tests/profile/expect_selftest, which fails on
 * purpose, and reads its TAP diagnostics.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>

#include "common/spawn.h"

#define SELFTEST "tests/profile/expect_selftest"
#define SELFTEST_SRC "tests/profile/expect_selftest.c"

static struct spawn_result tap;

static int suite_init(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=tap", NULL };
	char path[4096];
	char *argv[2] = { path, NULL };

	snprintf(path, sizeof(path), "%s", build_path(SELFTEST));
	return spawn_run(argv, env, &tap) ? -1 : 0;
}

static int suite_clean(void)
{
	spawn_free(&tap);
	return 0;
}

static int line_of(const char *name)
{
	char marker[128];

	snprintf(marker, sizeof(marker), "LINE:%s ", name);
	return find_marker_line(src_path(SELFTEST_SRC), marker);
}

static void assert_out(const char *want)
{
	if (!strstr(tap.out, want))
		fprintf(stderr, "want \"%s\" in:\n%s", want, tap.out);
	CU_ASSERT_PTR_NOT_NULL(strstr(tap.out, want));
}

static void test_rate_limited_is_named(void)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "# %s:%d: expected 2 page_allocation_failure report(s), got 1; seen: %s:%d \"",
		 SELFTEST_SRC, line_of("want_two"), SELFTEST_SRC,
		 line_of("first_failure"));
	assert_out(want);
	assert_out("(claimed by this expectation); 1 more page_allocation_failure report(s) not printed: rate-limited as in the kernel (one report per 10 s; README \"Rate-limited reports\")\n");
	assert_out("not ok 1 - expect: rate_limited\n");
}

static void test_claimed_earlier_is_named(void)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "# %s:%d: expected 1 page_allocation_failure report(s) containing \"order:\", got 0; seen: %s:%d \"",
		 SELFTEST_SRC, line_of("starves"), SELFTEST_SRC,
		 line_of("only_failure"));
	assert_out(want);
	snprintf(want, sizeof(want), "(claimed by the expectation at %s:%d)\n",
		 SELFTEST_SRC, line_of("claims"));
	assert_out(want);
	assert_out("not ok 2 - expect: claimed_earlier\n");
}

static void test_met_passes(void)
{
	assert_out("ok 3 - expect: met\n");
	CU_ASSERT_PTR_NULL(strstr(tap.out, "not ok 3 "));
}

static CU_TestInfo tests[] = {
	{ "rate_limited_is_named", test_rate_limited_is_named },
	{ "claimed_earlier_is_named", test_claimed_earlier_is_named },
	{ "met_passes", test_met_passes },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "explain", suite_init, suite_clean, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
