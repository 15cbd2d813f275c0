/*
 * test_kunit - KUnit on kshim, checked from outside.
 *
 * Runs tests/kunit/kunit_selftest (KUnit suites that pass, fail and skip on
 * purpose; no main() of its own) and compares what it prints with what
 * the kernel's KUnit prints: every check's failure text, the KTAP lines
 * of cases, parameters, skips and init failures, the suites' counts; and
 * kshim's own verdicts inside KUnit cases (a leaked page, a held lock, an
 * unexpected WARN).  Then the other outputs (TAP, JUnit), selection and
 * --list, the 6.1 text, and the KTAP read by the kernel's own parser,
 * tools/testing/kunit/kunit.py, when the kernel source and python3 are
 * there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>

#include "common/spawn.h"

#define SELFTEST "tests/kunit/kunit_selftest"
#define SELFTEST61 "tests/kunit/kunit_selftest61"
#define SRC "tests/kunit/kunit_selftest.c"

/* How the compiler spells NULL's expansion when KUnit stringifies it. */
#ifdef __clang__
#define NULL_TEXT "((void*)0)"
#else
#define NULL_TEXT "((void *)0)"
#endif

static struct spawn_result ktap;	/* the default (KTAP) run, shared */

static int run(const char *prog, const char *const env[], const char *sel1,
	       const char *sel2, struct spawn_result *res)
{
	char path[4096];
	char *argv[4] = { path, (char *)sel1, sel1 ? (char *)sel2 : NULL,
			  NULL };

	snprintf(path, sizeof(path), "%s", build_path(prog));
	return spawn_run(argv, env, res);
}

static int suite_init(void)
{
	return run(SELFTEST, NULL, NULL, NULL, &ktap) ? -1 : 0;
}

static int suite_clean(void)
{
	spawn_free(&ktap);
	return 0;
}

static int line_of(const char *name)
{
	char marker[64];

	snprintf(marker, sizeof(marker), "LINE:%s ", name);
	return find_marker_line(src_path(SRC), marker);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void want_text(const char *out, const char *want)
{
	if (!strstr(out, want))
		fprintf(stderr, "want:\n%s\nin:\n%s\n", want, out);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
}

/* "    # <case>: EXPECTATION FAILED at <SRC>:<line of marker>\n" */
static const char *failed_at(const char *kind, const char *test_case,
			     const char *marker)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "    # %s: %s FAILED at %s:%d\n", test_case,
		 kind, SRC, line_of(marker));
	return buf;
}

static void test_ktap_plan_and_status(void)
{
	CU_ASSERT_EQUAL(ktap.status, 1);	/* failures on purpose */
	CU_ASSERT(starts_with(ktap.out, "KTAP version 1\n1..4\n"));
}

static void test_passing_suite_block(void)
{
	want_text(ktap.out,
		  "    KTAP version 1\n"
		  "    # Subtest: kunit_pass\n"
		  "    1..9\n"
		  "    ok 1 pass_every_form\n"
		  "    ok 2 pass_resources\n"
		  "    ok 3 pass_actions\n"
		  "    ok 4 pass_static_stub\n"
		  "    ok 5 pass_stub_is_per_case\n"
		  "    ok 6 pass_named_resource\n"
		  "        KTAP version 1\n"
		  "        # Subtest: pass_params\n"
		  "        ok 1 one\n"
		  "        ok 2 two\n"
		  "        ok 3 three\n"
		  "    # pass_params: pass:3 fail:0 skip:0 total:3\n"
		  "    ok 7 pass_params\n"
		  "    ok 8 pass_suite_state\n"
		  "    ok 9 pass_suite_state_again\n"
		  "# kunit_pass: pass:9 fail:0 skip:0 total:9\n"
		  "# Totals: pass:11 fail:0 skip:0 total:11\n"
		  "ok 1 kunit_pass\n");
}

static void test_expectation_text_and_case_goes_on(void)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "%s    Expected a == 4, but\n"
		 "        a == 3 (0x3)\n"
		 "    # fail_expect_eq: still running after the expectation\n"
		 "    not ok 1 fail_expect_eq\n",
		 failed_at("EXPECTATION", "fail_expect_eq", "fail_expect_eq"));
	want_text(ktap.out, want);
}

static void test_every_expectation_text(void)
{
	static const struct {
		const char *marker;
		const char *text;
	} want[] = {
		{ "every_true", "    Expected a > b to be true, but is false\n" },
		{ "every_false", "    Expected a < b to be false, but is true\n" },
		{ "every_ne", "    Expected a != 3, but\n        a == 3 (0x3)\n" },
		{ "every_lt", "    Expected b < a, but\n        b == 4 (0x4)\n        a == 3 (0x3)\n" },
		{ "every_le", "    Expected b <= a, but\n        b == 4 (0x4)\n        a == 3 (0x3)\n" },
		{ "every_gt", "    Expected a > b, but\n        a == 3 (0x3)\n        b == 4 (0x4)\n" },
		{ "every_ge", "    Expected a >= b, but\n        a == 3 (0x3)\n        b == 4 (0x4)\n" },
		{ "every_null", "    Expected s == " NULL_TEXT ", but\n        s == " },
		{ "every_not_null", "    Expected n != " NULL_TEXT ", but\n        n == 0000000000000000\n        " NULL_TEXT " == 0000000000000000\n" },
		{ "every_err_null", "    Expected n is not null, but is\n" },
		{ "every_err", "    Expected e is not error, but is: -5\n" },
		{ "every_streq", "    Expected s == \"abd\", but\n        s == \"abc\"\n" },
		{ "every_strneq", "    Expected s != \"abc\", but\n        s == \"abc\"\n" },
		{ "every_msg", "    Expected a == b, but\n        a == 3 (0x3)\n        b == 4 (0x4)\nwidgets: 7\n" },
		{ "every_fail", "plain failure 9\n" },
		{ "every_memeq", "    Expected s == \"abd\", but\n        s ==\n         61  62 <63>\n        \"abd\" ==\n         61  62 <64>\n" },
	};
	char text[1024];
	unsigned int i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(text, sizeof(text), "%s%s",
			 failed_at("EXPECTATION", "fail_every_expect",
				   want[i].marker), want[i].text);
		want_text(ktap.out, text);
	}
	want_text(ktap.out, "    not ok 2 fail_every_expect\n");
}

static void test_assertion_ends_case(void)
{
	char want[512];

	snprintf(want, sizeof(want), "%s    Expected 1 > 2, but\n"
		 "    not ok 3 fail_assert_ends_case\n",
		 failed_at("ASSERTION", "fail_assert_ends_case", "fail_assert"));
	want_text(ktap.out, want);
	CU_ASSERT_PTR_NULL(strstr(ktap.out, "not reached"));
}

/* The aborted case's memory and actions are released: no kshim report. */
static void test_assertion_releases_resources(void)
{
	const char *p = strstr(ktap.out, failed_at("ASSERTION",
						   "fail_assert_frees_resources",
						   "fail_frees"));

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	want_text(p, "        " NULL_TEXT " == 0000000000000000\n"
		  "    not ok 4 fail_assert_frees_resources\n");
	want_text(ktap.err, "kunit_selftest: action ran after the aborted case\n");
	CU_ASSERT_PTR_NULL(strstr(ktap.out, "fail_assert_frees_resources: kunit"));
}

static void test_parameter_failure(void)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "        KTAP version 1\n"
		 "        # Subtest: fail_params\n"
		 "        ok 1 one\n"
		 "%s    Expected w->size != 2, but\n"
		 "        w->size == 2 (0x2)\n"
		 "        not ok 2 two\n"
		 "        ok 3 three\n"
		 "    # fail_params: pass:2 fail:1 skip:0 total:3\n"
		 "    not ok 5 fail_params\n",
		 failed_at("EXPECTATION", "fail_params", "fail_params"));
	want_text(ktap.out, want);
}

/* kshim's checks around a KUnit case: its diagnostics, then not ok. */
static void test_kshim_checks_fail_cases(void)
{
	char want[512];

	/* the ledger report is at the line its explanation names */
	snprintf(want, sizeof(want),
		 "    # fail_leaks_page: %s:%d: unexpected ledger report: kshim: ledger: pages allocated is 1 at test end, was 0 at test start\n"
		 "    not ok 6 fail_leaks_page\n", SRC, line_of("leaks_page"));
	want_text(ktap.out, want);
	want_text(ktap.out, "unexpected ledger report: kshim: ledger: preempt_count is 1 at test end, was 0 at test start\n"
		  "    not ok 7 fail_holds_spinlock\n");
	snprintf(want, sizeof(want),
		 "    # fail_unexpected_warn: %s:%d: unexpected warning report: WARNING: CPU: 0 PID: ",
		 SRC, line_of("fail_warn"));
	want_text(ktap.out, want);
	snprintf(want, sizeof(want), " at %s:%d fail_unexpected_warn [kunit_selftest]\n"
		 "    not ok 8 fail_unexpected_warn\n", SRC, line_of("fail_warn"));
	want_text(ktap.out, want);
	want_text(ktap.err, "kshim: leaked 1 page(s) at pfn ");
}

static void test_kfree_and_fail_current_test(void)
{
	char want[256];

	want_text(ktap.out, "\nkunit_kfree: ");
	want_text(ktap.out, " already freed or not allocated by kunit\n"
		  "    not ok 9 fail_kfree_foreign\n");
	snprintf(want, sizeof(want), "    # fail_current_test: %s:%d: bad value 2\n"
		 "    not ok 10 fail_current_test\n", SRC, line_of("fail_current"));
	want_text(ktap.out, want);
}

static void test_skips(void)
{
	want_text(ktap.out, "    ok 11 skip_case # SKIP no widget on this machine\n");
	want_text(ktap.out, "    # mark_skipped_case: after the mark\n"
		  "    ok 12 mark_skipped_case # SKIP marked, continues\n");
	want_text(ktap.out, "# kunit_fail: pass:0 fail:10 skip:2 total:12\n"
		  "# Totals: pass:5 fail:7 skip:2 total:14\n"
		  "not ok 2 kunit_fail\n");
}

static void test_init_failures(void)
{
	want_text(ktap.out, "    # Subtest: kunit_init_fail\n    1..1\n"
		  "    # never_body: failed to initialize: -12\n"
		  "    not ok 1 never_body\n"
		  "not ok 3 kunit_init_fail\n");
	CU_ASSERT_PTR_NULL(strstr(ktap.out, "the case ran although init failed"));
	/* suite_init failed: no subtest block, as KUnit prints it */
	want_text(ktap.out, "not ok 3 kunit_init_fail\n"
		  "    # kunit_suite_init_fail:     # failed to initialize (-22)\n"
		  "not ok 4 kunit_suite_init_fail\n");
}

static void test_tap_under_make_check(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=tap", NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST, env, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);	/* the verdicts are in the lines */
	want_text(r.out, "1..23\nok 1 - kunit_pass: pass_every_form\n");
	want_text(r.out, "not ok 10 - kunit_fail: fail_expect_eq\n# ");
	want_text(r.out, "ok 20 - kunit_fail: skip_case # SKIP no widget on this machine\n");
	want_text(r.out, "not ok 22 - kunit_init_fail: never_body\n");
	want_text(r.out, "not ok 23 - kunit_suite_init_fail: never_body\n# suite initialization failed\n");
	spawn_free(&r);
}

static void test_junit(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=junit", NULL };
	struct spawn_result r;
	char want[512];

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST, env, "kunit_fail.fail_expect_eq",
				  "kunit_fail.skip_case", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT(starts_with(r.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"2\" failures=\"1\" skipped=\"1\">\n"));
	want_text(r.out, "  <testsuite tests=\"2\" failures=\"1\" skipped=\"1\" name=\"kunit_fail\">\n");
	snprintf(want, sizeof(want),
		 "<failure message=\"%s:%d: EXPECTATION FAILED at %s:%d\">",
		 SRC, line_of("fail_expect_eq"), SRC, line_of("fail_expect_eq"));
	want_text(r.out, want);
	want_text(r.out, "<skipped message=\"no widget on this machine\"/>");
	want_text(r.out, "</testsuites>\n");
	spawn_free(&r);
}

static void test_selection_and_list(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=ktap", NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST, env, "kunit_pass.pass_p*", NULL,
				  &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT(starts_with(r.out, "KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: kunit_pass\n    1..1\n"));
	want_text(r.out, "    ok 1 pass_params\n# Totals: pass:3 fail:0 skip:0 total:3\nok 1 kunit_pass\n");
	spawn_free(&r);

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST, env, "--list", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	want_text(r.out, "kunit_pass.pass_every_form\n");
	want_text(r.out, "kunit_suite_init_fail.never_body\n");
	spawn_free(&r);

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST, env, "nosuch*", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 77);
	spawn_free(&r);
}

/* The 6.1 profile: integers without their hex form, no MEMEQ. */
static void test_61_text(void)
{
	struct spawn_result r;
	char want[512];

	CU_ASSERT_EQUAL_FATAL(run(SELFTEST61, NULL, "kunit_fail.fail_expect_eq",
				  NULL, &r), 0);
	snprintf(want, sizeof(want), "%s    Expected a == 4, but\n"
		 "        a == 3\n"
		 "    # fail_expect_eq: still running after the expectation\n",
		 failed_at("EXPECTATION", "fail_expect_eq", "fail_expect_eq"));
	want_text(r.out, want);
	spawn_free(&r);
}

/* The kernel's own KTAP parser reads kshim's KTAP. */
static void test_kunit_py_parses(void)
{
	const char *src = getenv("LINUX_SOURCE");
	char tool[4096], file[] = "/tmp/kshim-ktap-XXXXXX";
	char *argv[] = { (char *)"/usr/bin/env", (char *)"python3", tool,
			 (char *)"parse", file, NULL };
	struct spawn_result r;
	FILE *f;
	int fd;

	if (!src || !*src) {
		kshim_test_skip("no kernel source (configure --with-linux-source)");
		return;
	}
	snprintf(tool, sizeof(tool), "%s/tools/testing/kunit/kunit.py", src);
	if (access(tool, R_OK) || system("python3 -c 'import sys; sys.exit(sys.version_info < (3, 7))' 2>/dev/null")) {
		kshim_test_skip("no python3 (3.7+) or no tools/testing/kunit/kunit.py");
		return;
	}
	fd = mkstemp(file);
	CU_ASSERT_FATAL(fd >= 0);
	f = fdopen(fd, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(ktap.out, f);
	fclose(f);
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, NULL, &r), 0);
	unlink(file);
	want_text(r.out, "Testing complete. Ran 27 tests: passed: 13, failed: 12, skipped: 2\n");
	want_text(r.out, "[PASSED] pass_every_form\n");
	want_text(r.out, "[FAILED] fail_leaks_page\n");
	want_text(r.out, "[SKIPPED] skip_case\n");
	CU_ASSERT_NOT_EQUAL(r.status, 0);	/* failures on purpose */
	spawn_free(&r);
}

static CU_TestInfo tests[] = {
	{ "ktap_plan_and_status", test_ktap_plan_and_status },
	{ "passing_suite_block", test_passing_suite_block },
	{ "expectation_text_and_case_goes_on",
	  test_expectation_text_and_case_goes_on },
	{ "every_expectation_text", test_every_expectation_text },
	{ "assertion_ends_case", test_assertion_ends_case },
	{ "assertion_releases_resources", test_assertion_releases_resources },
	{ "parameter_failure", test_parameter_failure },
	{ "kshim_checks_fail_cases", test_kshim_checks_fail_cases },
	{ "kfree_and_fail_current_test", test_kfree_and_fail_current_test },
	{ "skips", test_skips },
	{ "init_failures", test_init_failures },
	{ "kunit_py_parses", test_kunit_py_parses },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo mode_tests[] = {
	{ "tap_under_make_check", test_tap_under_make_check },
	{ "junit", test_junit },
	{ "selection_and_list", test_selection_and_list },
	{ "61_text", test_61_text },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kunit_ktap", suite_init, suite_clean, NULL, NULL, tests },
	{ "kunit_modes", NULL, NULL, NULL, NULL, mode_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
