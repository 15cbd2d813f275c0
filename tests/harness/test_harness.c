/*
 * test_harness - the harness tested by itself, negatively too.
 *
 * Runs tests/harness/selftest (which fails on purpose) and checks that
 * exactly the right tests fail, with the right file:line and text, that
 * a BUG leaves the next test a clean machine, that the exit status
 * follows the failed-test count in every output mode, and that bad
 * KSHIM_* settings stop a program with a message naming them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>

#include "common/spawn.h"

#define SELFTEST "tests/harness/selftest"
#define SELFTEST_SRC "tests/harness/selftest.c"

static struct spawn_result tap;	/* the full TAP run, shared by tests */

static int run_selftest(const char *const env[], const char *sel1,
			const char *sel2, struct spawn_result *res)
{
	char *argv[4] = { (char *)build_path(SELFTEST) };
	char path[4096];

	snprintf(path, sizeof(path), "%s", argv[0]);
	argv[0] = path;
	argv[1] = (char *)sel1;
	argv[2] = sel1 ? (char *)sel2 : NULL;
	argv[3] = NULL;
	return spawn_run(argv, env, res);
}

static int suite_init(void)
{
	static const char *const env[] = {
		"KSHIM_OUTPUT=tap", "KSHIM_TEST_TIMEOUT=2", NULL
	};

	return run_selftest(env, NULL, NULL, &tap) ? -1 : 0;
}

static int suite_clean(void)
{
	spawn_free(&tap);
	return 0;
}

/* The TAP line of test @name ("ok N - selftest: name" or "not ok ..."). */
static const char *tap_line(const char *name, bool *ok)
{
	static char line[512];
	char needle[256];
	const char *p, *bol, *eol;

	snprintf(needle, sizeof(needle), " - selftest: %s\n", name);
	p = strstr(tap.out, needle);
	if (!p) {	/* or with a directive: "... name # SKIP why" */
		snprintf(needle, sizeof(needle), " - selftest: %s # ", name);
		p = strstr(tap.out, needle);
	}
	if (!p)
		return NULL;
	for (bol = p; bol > tap.out && bol[-1] != '\n'; bol--)
		;
	eol = strchr(p + 1, '\n');
	snprintf(line, sizeof(line), "%.*s", (int)(eol - bol), bol);
	*ok = !strncmp(bol, "ok ", 3);
	return line;
}

/* The "# ..." diagnostics under test @name's TAP line. */
static const char *diagnostics(const char *name)
{
	static char diag[8192];
	char needle[256];
	const char *p, *q;
	size_t n = 0;

	snprintf(needle, sizeof(needle), " - selftest: %s\n", name);
	p = strstr(tap.out, needle);
	diag[0] = '\0';
	if (!p)
		return diag;
	p = strchr(p + 1, '\n') + 1;
	while (*p == '#' && n < sizeof(diag) - 1) {
		q = strchr(p, '\n');
		if (!q)
			break;
		n += snprintf(diag + n, sizeof(diag) - n, "%.*s",
			      (int)(q - p + 1), p);
		p = q + 1;
	}
	return diag;
}

static void check_verdict(const char *name, bool want_ok)
{
	bool ok = false;
	const char *line = tap_line(name, &ok);

	CU_ASSERT_PTR_NOT_NULL_FATAL(line);
	if (ok != want_ok)
		fprintf(stderr, "selftest %s: want %s, TAP says: %s\n", name,
			want_ok ? "ok" : "not ok", line);
	CU_ASSERT_EQUAL(ok, want_ok);
}

static void test_tap_plan_and_status(void)
{
	CU_ASSERT_EQUAL(tap.status, 0);	/* TAP carries the verdicts */
	CU_ASSERT_PTR_NOT_NULL(strstr(tap.out, "1..17\n"));
}

static void test_each_failure_mode_fails_exactly_its_test(void)
{
	static const struct {
		const char *name;
		bool ok;
	} want[] = {
		{ "pass_plain", true },
		{ "unexpected_warn", false },
		{ "bug_kills_test", false },
		{ "clean_after_bug", true },
		{ "expected_never_fires", false },
		{ "ledger_unbalanced", false },
		{ "expected_warn", true },
		{ "expected_bug", true },
		{ "expected_ledger", true },
		{ "cunit_assert_fails", false },
		{ "fatal_assert_stops", false },
		{ "too_many_reports", false },
		{ "skips", true },
		{ "segfault", false },
		{ "hangs", false },
		{ "panics", false },
		{ "exits", false },
	};
	unsigned int i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		check_verdict(want[i].name, want[i].ok);
}

/* "# tests/harness/selftest.c:<line>: <text>" for the marked line. */
static void check_diag_at_marker(const char *name, const char *text)
{
	char marker[128], want[512];
	int line;

	snprintf(marker, sizeof(marker), "LINE:%s ", name);
	line = find_marker_line(src_path(SELFTEST_SRC), marker);
	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want), "# %s:%d: %s", SELFTEST_SRC, line, text);
	if (!strstr(diagnostics(name), want))
		fprintf(stderr, "want \"%s\" in:\n%s", want, diagnostics(name));
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics(name), want));
}

static void test_unexpected_warn_names_caller_line(void)
{
	char want[256];
	int line = find_marker_line(src_path(SELFTEST_SRC),
				    "LINE:unexpected_warn ");

	check_diag_at_marker("unexpected_warn",
			     "unexpected warning report: WARNING: CPU: 0 PID: ");
	snprintf(want, sizeof(want), " at %s:%d unexpected_warn\n",
		 SELFTEST_SRC, line);
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics("unexpected_warn"), want));
}

static void test_bug_names_caller_line(void)
{
	char want[256];
	int line = find_marker_line(src_path(SELFTEST_SRC),
				    "LINE:bug_kills_test ");

	snprintf(want, sizeof(want), "unexpected bug report: kernel BUG at %s:%d!",
		 SELFTEST_SRC, line);
	check_diag_at_marker("bug_kills_test", want);
	/* The CU_FAIL after BUG() never ran. */
	CU_ASSERT_PTR_NULL(strstr(diagnostics("bug_kills_test"), "not reached"));
}

static void test_unmet_expectation_names_its_line(void)
{
	check_diag_at_marker("expected_never_fires",
			     "expected 1 warning report(s) containing \"never\", got 0");
}

static void test_ledger_names_offender(void)
{
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics("ledger_unbalanced"),
		"unexpected ledger report: kshim: ledger: selftest widgets is 1 at test end, was 0 at test start"));
}

static void test_cunit_failures_cross_the_process(void)
{
	check_diag_at_marker("cunit_assert_fails", "CU_ASSERT_EQUAL(1,2)");
}

static void test_fatal_assert_ends_test(void)
{
	const char *d = diagnostics("fatal_assert_stops");

	check_diag_at_marker("fatal_assert_stops", "0\n");
	/* One diagnostic: the WARN_ON after the fatal assertion never ran. */
	CU_ASSERT_PTR_NULL(strchr(strchr(d, '\n') + 1, '#'));
}

static void test_surplus_report(void)
{
	check_diag_at_marker("too_many_reports",
			     "expected 1 warning report(s), got 2");
}

static void test_crash_and_hang_are_contained(void)
{
	const char *seg = diagnostics("segfault");

	/* A signal, or a sanitizer's SEGV report and exit: both contained. */
	CU_ASSERT(strstr(seg, "test process killed by signal 11") ||
		  strstr(seg, "before the test ended"));
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics("hangs"),
				      "test timed out after 2 s"));
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics("exits"),
		"test process exited with status 3 before the test ended"));
}

static void test_skip_directive(void)
{
	bool ok = false;
	const char *line = tap_line("skips", &ok);

	CU_ASSERT_PTR_NOT_NULL_FATAL(line);
	CU_ASSERT_PTR_NOT_NULL(strstr(line, " - selftest: skips # SKIP no widget here"));
}

static void test_panic_report(void)
{
	CU_ASSERT_PTR_NOT_NULL(strstr(diagnostics("panics"),
		"unexpected panic report: Kernel panic - not syncing: selftest 42"));
}

/* The summary's asserts row counts the assertions the tests' processes
 * ran, passed ones too (clean_after_bug has four). */
static void test_asserts_row_counts_the_childs(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=basic", NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:clean_after_bug",
					   NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"             asserts      4      4      4      0      n/a"));
	if (!strstr(r.out, "asserts      4      4      4      0"))
		fprintf(stderr, "%s\n", r.out);
	spawn_free(&r);
}

static void test_basic_mode_exit_status(void)
{
	static const char *const env[] = { "KSHIM_OUTPUT=basic", NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain",
					   "selftest:expected_[wbl]*", &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "passed"));
	spawn_free(&r);

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain",
					   "selftest:unexpected_warn", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "unexpected warning report"));
	spawn_free(&r);

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "nosuchsuite", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 77);
	spawn_free(&r);
}

static void test_xml_results_file(void)
{
	char root[] = "/tmp/kshim-xml-XXXXXX", setting[128], file[128];
	const char *env[] = { "KSHIM_OUTPUT=xml", setting, NULL };
	struct spawn_result r;
	FILE *f;
	char buf[65536];
	size_t n;
	int fd = mkstemp(root);

	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	unlink(root);
	snprintf(setting, sizeof(setting), "KSHIM_XML_ROOT=%s", root);
	snprintf(file, sizeof(file), "%s-Results.xml", root);
	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain",
					   "selftest:unexpected_warn", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	spawn_free(&r);
	f = fopen(file, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	unlink(file);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "pass_plain"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "unexpected warning report"));
}

/* Results that cannot be written are a hard error, not "no test ran". */
static void test_xml_unwritable(void)
{
	static const char *const env[] = {
		"KSHIM_OUTPUT=xml", "KSHIM_XML_ROOT=/nonexistent-dir/results", NULL
	};
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain", NULL,
					   &r), 0);
	CU_ASSERT_EQUAL(r.status, 99);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "kshim: cannot write the XML results /nonexistent-dir/results-Results.xml (KSHIM_XML_ROOT)"));
	spawn_free(&r);
}

static void check_bad_setting(const char *setting, const char *want)
{
	const char *env[] = { setting, NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain", NULL,
					   &r), 0);
	CU_ASSERT_EQUAL(r.status, 99);
	if (!strstr(r.err, want))
		fprintf(stderr, "want \"%s\" in stderr:\n%s", want, r.err);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, want));
	CU_ASSERT_PTR_NULL(strstr(r.out, "pass_plain"));	/* nothing ran */
	spawn_free(&r);
}

static void test_bad_settings_stop_the_program(void)
{
	check_bad_setting("KSHIM_LOGLEVEL=9", "kshim: invalid KSHIM_LOGLEVEL='9'");
	check_bad_setting("KSHIM_OUTPUT=json", "kshim: invalid KSHIM_OUTPUT='json': one of basic, tap, ktap, junit, xml");
	check_bad_setting("KSHIM_TEST_TIMEOUT=-1", "kshim: invalid KSHIM_TEST_TIMEOUT='-1'");
	check_bad_setting("KSHIM_FORK=maybe", "kshim: invalid KSHIM_FORK='maybe'");
	check_bad_setting("KSHIM_FROK=1", "kshim: unknown setting KSHIM_FROK in the environment");
	/* sizes that memparse() would wrap, and one that is not whole MiB */
	check_bad_setting("KSHIM_HIGHMEM=16E", "kshim: invalid KSHIM_HIGHMEM='16E'");
	check_bad_setting("KSHIM_RAM=17179869185G", "kshim: invalid KSHIM_RAM='17179869185G'");
	check_bad_setting("KSHIM_RAM=99999999999999999999", "kshim: invalid KSHIM_RAM='99999999999999999999'");
	check_bad_setting("KSHIM_RAM=64Q", "kshim: invalid KSHIM_RAM='64Q'");
	check_bad_setting("KSHIM_RAM= 64M", "kshim: invalid KSHIM_RAM=' 64M'");
	check_bad_setting("KSHIM_HIGHMEM=4097", "kshim: invalid KSHIM_HIGHMEM=4097 for KSHIM_RAM=256M: must be a multiple of 4M");
}

static void test_without_isolation(void)
{
	static const char *const env[] = {
		"KSHIM_OUTPUT=tap", "KSHIM_FORK=0", NULL
	};
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:pass_plain",
					   "selftest:unexpected_warn", &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "ok 1 - selftest: pass_plain\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "not ok 2 - selftest: unexpected_warn\n"));
	spawn_free(&r);

	/* Without isolation a BUG must stop the program, loudly. */
	CU_ASSERT_EQUAL_FATAL(run_selftest(env, "selftest:bug_kills_test",
					   NULL, &r), 0);
	CU_ASSERT(r.status != 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "stopping the program"));
	spawn_free(&r);
}

static CU_TestInfo tests[] = {
	{ "tap_plan_and_status", test_tap_plan_and_status },
	{ "each_failure_mode_fails_exactly_its_test",
	  test_each_failure_mode_fails_exactly_its_test },
	{ "unexpected_warn_names_caller_line",
	  test_unexpected_warn_names_caller_line },
	{ "bug_names_caller_line", test_bug_names_caller_line },
	{ "unmet_expectation_names_its_line",
	  test_unmet_expectation_names_its_line },
	{ "ledger_names_offender", test_ledger_names_offender },
	{ "cunit_failures_cross_the_process",
	  test_cunit_failures_cross_the_process },
	{ "fatal_assert_ends_test", test_fatal_assert_ends_test },
	{ "surplus_report", test_surplus_report },
	{ "crash_and_hang_are_contained", test_crash_and_hang_are_contained },
	{ "panic_report", test_panic_report },
	{ "skip_directive", test_skip_directive },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo mode_tests[] = {
	{ "basic_mode_exit_status", test_basic_mode_exit_status },
	{ "asserts_row_counts_the_childs",
	  test_asserts_row_counts_the_childs },
	{ "xml_results_file", test_xml_results_file },
	{ "xml_unwritable", test_xml_unwritable },
	{ "bad_settings_stop_the_program", test_bad_settings_stop_the_program },
	{ "without_isolation", test_without_isolation },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "harness_tap", suite_init, suite_clean, NULL, NULL, tests },
	{ "harness_modes", NULL, NULL, NULL, NULL, mode_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
