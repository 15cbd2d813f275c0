/*
 * test_sweep - the failure-path sweep finds every planted error-path bug.
 *
 * Sweeps tests/fail/errpath_buggy ("--sweep", as a user would) and checks
 * each planted bug is one "not ok" run naming the call whose failure
 * exposes it (API, driver file:line, function, error) and kshim's report
 * (the ledger's leak, the IRQ left requested, SLUB's double free and
 * poison, the kernel's already-free IRQ warning), while the correct
 * driver's every run is "ok"; the options, the output formats, the exit
 * status, and the sweep inside a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>

#include "common/asan.h"
#include "common/spawn.h"

#define BUGGY "tests/fail/errpath_buggy"
#define DRIVER "drivers-under-test/errpath/errpath_bugs.c"

static struct spawn_result all;	/* "--sweep errpath_bugs" in TAP */

static int sweep(const char *output, const char *opt, const char *sel,
		 struct spawn_result *res)
{
	char env[64], path[4096];
	const char *const envp[] = { env, "KSHIM_TEST_TIMEOUT=60", NULL };
	char *argv[4];

	snprintf(env, sizeof(env), "KSHIM_OUTPUT=%s", output);
	snprintf(path, sizeof(path), "%s", build_path(BUGGY));
	argv[0] = path;
	argv[1] = (char *)opt;
	argv[2] = opt ? (char *)sel : NULL;
	argv[3] = NULL;
	return spawn_run(argv, envp, res);
}

static int suite_init(void)
{
	return sweep("tap", "--sweep", "errpath_bugs", &all) ? -1 : 0;
}

static int suite_clean(void)
{
	spawn_free(&all);
	return 0;
}

/* The line of the driver's @func where @needle first appears after it. */
static int driver_line(const char *func, const char *needle)
{
	FILE *f = fopen(src_path(DRIVER), "r");
	char buf[512], start[128];
	int n = 0, found = 0;
	bool in = false;

	snprintf(start, sizeof(start), "int %s(", func);
	while (f && fgets(buf, sizeof(buf), f)) {
		n++;
		if (!in && !strncmp(buf, start, strlen(start)))
			in = true;
		else if (in && strstr(buf, needle)) {
			found = n;
			break;
		}
	}
	if (f)
		fclose(f);
	CU_ASSERT(found > 0);
	return found;
}

static unsigned int count(const char *hay, const char *needle)
{
	unsigned int n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

/*
 * Exactly one "not ok" run for @test, failing call @k of 6 of @api at the
 * driver's line of @needle in @func; its diagnostics hold @report.
 */
static void expect_bug(const char *test, unsigned int k, const char *api,
		       const char *func, const char *needle,
		       const char *report)
{
	char prefix[128];
	const char *p, *next = NULL;

	snprintf(prefix, sizeof(prefix), " - errpath_bugs:%s: call ", test);
	/* Find the not-ok line of the test and compare it. */
	p = strstr(all.out, "not ok");
	for (; p; p = strstr(p + 1, "\nnot ok")) {
		if (*p == '\n')
			p++;
		next = strchr(p, '\n');
		if (next && memmem(p, next - p, prefix, strlen(prefix)))
			break;
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	{
		char want[512], got[512];

		snprintf(want, sizeof(want),
			 "errpath_bugs:%s: call %u/6 %s() at %s:%d (%s) -ENOMEM",
			 test, k, api, DRIVER, driver_line(func, needle),
			 func);
		snprintf(got, sizeof(got), "%.*s", (int)(next - p), p);
		CU_ASSERT_PTR_NOT_NULL(strstr(got, want));
		if (!strstr(got, want))
			fprintf(stderr, "want: %s\ngot:  %s\n", want, got);
		CU_ASSERT_PTR_NOT_NULL(strstr(next, report));
	}
	snprintf(prefix, sizeof(prefix), "errpath_bugs:%s: ", test);
	{
		/* one bug per planted bug: the other five runs are ok */
		unsigned int bad = 0, good = 0;
		const char *l;

		for (l = all.out; l && *l; l = strchr(l, '\n'), l = l ? l + 1 :
									NULL) {
			const char *eol = strchr(l, '\n');
			size_t len = eol ? (size_t)(eol - l) : strlen(l);

			if (!memmem(l, len, prefix, strlen(prefix)))
				continue;
			bad += !strncmp(l, "not ok", 6);
			good += !strncmp(l, "ok", 2);
		}
		CU_ASSERT_EQUAL(bad, 1);
		CU_ASSERT_EQUAL(good, 6);
	}
}

static void test_finds_the_leak(void)
{
	expect_bug("leak", 4, "vmalloc", "errpath_probe_leak", "vmalloc(",
		   "unexpected ledger report: kshim: ledger: pages allocated is 1 at test end, was 0 at test start");
}

static void test_finds_the_irq_left_requested(void)
{
	expect_bug("irq_left", 6, "kmalloc", "errpath_probe_irq_left",
		   "kmem_cache_alloc(",
		   "unexpected ledger report: kshim: ledger: IRQ handlers requested is 1 at test end");
}

static void test_finds_the_double_free(void)
{
	expect_bug("double_free", 3, "alloc_pages",
		   "errpath_probe_double_free", "alloc_page(",
		   "unexpected slab report: BUG kmalloc-256 (Not tainted): Object already free");
}

static void test_finds_the_use_after_free(void)
{
	/* ASan stops the write itself; SLUB finds its poison overwritten. */
	expect_bug("use_after_free", 5, "request_irq",
		   "errpath_probe_use_after_free", "request_irq(",
		   ASAN_BUILD ? "test process exited with status 1 before the test ended (sanitizer" :
		   "unexpected slab report: BUG kmalloc-256 (Not tainted): Poison overwritten");
}

static void test_finds_the_swallowed_error(void)
{
	expect_bug("swallow", 5, "request_irq", "errpath_probe_swallow",
		   "request_irq(",
		   "unexpected warning report: Trying to free already-free IRQ 9");
}

/* The correct driver: every run ok; the summary and the status. */
static void test_correct_driver_sweeps_clean(void)
{
	CU_ASSERT_EQUAL(count(all.out, " - errpath_bugs:correct: "), 7);
	CU_ASSERT_EQUAL(count(all.out, "not ok"), 5);
	CU_ASSERT_PTR_NOT_NULL(strstr(all.out,
		"ok 1 - errpath_bugs:correct: without injected failures (6 fallible calls)\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(all.out, "\n1..42\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(all.out,
		"#   errpath_bugs:correct                          6      6      0"));
	CU_ASSERT_PTR_NOT_NULL(strstr(all.out,
		"#   total                                        36     36      5"));
	CU_ASSERT_EQUAL(all.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(all.err,
		"kshim: sweep: 6 test(s), 36 fallible calls, 36 runs, 5 failure-path bug(s)"));
}

/* Without a sweep every test passes: the bugs hide in error paths. */
static void test_plain_run_passes(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("tap", "errpath_bugs", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_EQUAL(count(r.out, "\nok "), 6);
	CU_ASSERT_EQUAL(count(r.out, "not ok"), 0);
	spawn_free(&r);
}

/* mode=rest fails the call and every later one; clean stays clean. */
static void test_mode_rest(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("tap", "--sweep=mode=rest",
				    "errpath_bugs:correct", &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"ok 5 - errpath_bugs:correct: call 4/6 and later vmalloc() at drivers-under-test/errpath/errpath.c:"));
	CU_ASSERT_EQUAL(count(r.out, "not ok"), 0);
	spawn_free(&r);
	CU_ASSERT_EQUAL_FATAL(sweep("tap", "--sweep=mode=rest",
				    "errpath_bugs:leak", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"not ok 5 - errpath_bugs:leak: call 4/6 and later vmalloc()"));
	spawn_free(&r);
}

/* func= limits the calls; errors=all tries each error of the API. */
static void test_func_and_every_error(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("tap",
				    "--sweep=func=request_irq,errors=all",
				    "errpath_bugs:swallow", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "(1 fallible call)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"not ok 2 - errpath_bugs:swallow: call 1/1 request_irq() at "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "(errpath_probe_swallow) -ENOMEM\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "(errpath_probe_swallow) -EBUSY\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "(errpath_probe_swallow) -EINVAL\n"));
	CU_ASSERT_EQUAL(count(r.out, "not ok"), 3);
	spawn_free(&r);
}

/* JUnit XML: each run a test case, each bug a failure. */
static void test_junit(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("junit", "--sweep",
				    "errpath_bugs:irq_left", &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"<testsuites tests=\"7\" failures=\"1\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"<testcase classname=\"sweep\" name=\"errpath_bugs:irq_left: call 6/6 kmalloc() at drivers-under-test/errpath/errpath_bugs.c:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"<failure message=\"failure-path bug\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "IRQ handlers requested is 1"));
	spawn_free(&r);
}

/* The default output: a line per run and the summary table. */
static void test_basic(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("basic", "--sweep", "errpath_bugs:leak",
				    &r), 0);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"FAIL errpath_bugs:leak: call 4/6 vmalloc() at "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"ok   errpath_bugs:leak: call 3/6 alloc_pages() at "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"kshim sweep: test                           calls   runs   bugs       time\n"));
	spawn_free(&r);
}

/* kshim_expect_error_paths_clean() in a test: a failure at its line. */
static void test_sweep_inside_a_test(void)
{
	struct spawn_result r;
	char want[512];

	CU_ASSERT_EQUAL_FATAL(sweep("tap", "errpath_in_test", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);	/* TAP: the verdict is in the lines */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out,
		"not ok 1 - errpath_in_test: leak_in_test\n"));
	snprintf(want, sizeof(want),
		 "# tests/fail/errpath_buggy.c:%d: failure-path bug: call 4/6 vmalloc() at %s:%d (errpath_probe_leak) -ENOMEM:\n",
		 find_marker_line(src_path("tests/fail/errpath_buggy.c"),
				  "LINE:in_test"),
		 DRIVER, driver_line("errpath_probe_leak", "vmalloc("));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, want));
	if (!strstr(r.out, want))
		fprintf(stderr, "want: %s\nout:\n%s\n", want, r.out);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
		"6 fallible calls, 6 runs, 1 failure-path bugs"));
	spawn_free(&r);
}

/* Bad options stop the program (99); no test named: 77. */
static void test_bad_options(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(sweep("tap", "--sweep=func=nosuch", "x", &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 99);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
		"kshim: --sweep: func=nosuch is not a fallible API kshim knows"));
	spawn_free(&r);
	CU_ASSERT_EQUAL_FATAL(sweep("tap", "--sweep", "nosuch", &r), 0);
	CU_ASSERT_EQUAL(r.status, 77);
	spawn_free(&r);
}

static CU_TestInfo tests[] = {
	{ "finds_the_leak", test_finds_the_leak },
	{ "finds_the_irq_left_requested", test_finds_the_irq_left_requested },
	{ "finds_the_double_free", test_finds_the_double_free },
	{ "finds_the_use_after_free", test_finds_the_use_after_free },
	{ "finds_the_swallowed_error", test_finds_the_swallowed_error },
	{ "correct_driver_sweeps_clean", test_correct_driver_sweeps_clean },
	{ "plain_run_passes", test_plain_run_passes },
	{ "mode_rest", test_mode_rest },
	{ "func_and_every_error", test_func_and_every_error },
	{ "junit", test_junit },
	{ "basic", test_basic },
	{ "sweep_inside_a_test", test_sweep_inside_a_test },
	{ "bad_options", test_bad_options },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "sweep", suite_init, suite_clean, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
