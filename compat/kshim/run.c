/*
 * compat/kshim/run.c - running a CUnit registry on the simulated machine.
 *
 * kshim_run_tests() swaps each test function (and its suite's per-test
 * setup/teardown) for a trampoline that runs them, isolated, on a freshly
 * begun test; failures found inside come back as CUnit assertion
 * failures at the right file:line.  Output: CUnit's basic report (by
 * hand), TAP with one line per test (KSHIM_OUTPUT=tap, under make check)
 * or CUnit's XML results (KSHIM_OUTPUT=xml).  The exit status comes from
 * the failed-test count, not from CUnit's framework error code.
 */
#include <fnmatch.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Automated.h>
#include <CUnit/Basic.h>
#include <CUnit/TestRun.h>

#include <kshim/test.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"

struct wrapped {
	CU_pTest test;
	CU_pSuite suite;
	CU_TestFunc fn;
	CU_SetUpFunc setup;
	CU_TearDownFunc teardown;
};

static struct wrapped *wrapped;
static unsigned int nr_wrapped;
static bool harness_running;

bool kshim_harness_running(void)
{
	return harness_running;
}

static struct wrapped *find_wrap(CU_pTest t)
{
	unsigned int i;

	for (i = 0; i < nr_wrapped; i++)
		if (wrapped[i].test == t)
			return &wrapped[i];
	return NULL;
}

/* The test as the kernel sees it: setup, body, teardown, then judgement. */
void kshim_test_body(void *arg)
{
	struct wrapped *w = arg;
	jmp_buf jb, *saved = w->test->pJumpBuf;
	volatile int stage = 0;
	char name[256];

	snprintf(name, sizeof(name), "%s:%s", w->suite->pName,
		 w->test->pName);
	kshim_test_begin(name);
	/* A fatal CUnit assertion longjmps here, not into CUnit's runner. */
	w->test->pJumpBuf = &jb;
	setjmp(jb);
	if (stage == 0) {
		stage = 1;
		if (w->setup)
			w->setup();
		w->fn();
	}
	if (stage == 1) {
		stage = 2;
		if (w->teardown)
			w->teardown();
	}
	w->test->pJumpBuf = saved;
	/*
	 * What the CPUs did for the body (handlers, softirqs touching its
	 * locals) happens before what follows, for checkers that see only
	 * locks: kshim_test_end() reuses the body's stack.
	 */
	kshim_cpu_sync_all();
	kshim_test_end(KSHIM_TEST_COMPLETED);
}

static void fail_into_cunit(const char *file, int line, const char *msg)
{
	CU_assertImplementation(CU_FALSE, line, msg, file, "", CU_FALSE);
}

void kshim_test_trampoline(void)
{
	struct wrapped *w = find_wrap(CU_get_current_test());

	if (!w) {
		fail_into_cunit(__FILE__, __LINE__, "kshim: unknown test");
		return;
	}
	if (kshim_config.fork)
		arch_run_isolated(kshim_test_body, w, fail_into_cunit);
	else
		kshim_test_body(w);
}

static int wrap_registry(CU_pTestRegistry reg)
{
	CU_pSuite s;
	CU_pTest t;
	unsigned int n = 0;

	for (s = reg->pSuite; s; s = s->pNext)
		for (t = s->pTest; t; t = t->pNext)
			n++;
	wrapped = calloc(n ? n : 1, sizeof(*wrapped));
	if (!wrapped)
		return -1;
	for (s = reg->pSuite; s; s = s->pNext) {
		for (t = s->pTest; t; t = t->pNext) {
			struct wrapped *w = &wrapped[nr_wrapped++];

			w->test = t;
			w->suite = s;
			w->fn = t->pTestFunc;
			w->setup = s->pSetUpFunc;
			w->teardown = s->pTearDownFunc;
			t->pTestFunc = kshim_test_trampoline;
		}
		/* They run inside the isolated test now. */
		s->pSetUpFunc = NULL;
		s->pTearDownFunc = NULL;
	}
	return 0;
}

/* Keep the tests matching one of the patterns ("suite" or "suite:test"). */
static int select_tests(int argc, char **argv)
{
	unsigned int i, active = 0;
	int a;

	for (i = 0; i < nr_wrapped; i++) {
		const struct wrapped *w = &wrapped[i];
		char name[512];
		bool keep = false;

		snprintf(name, sizeof(name), "%s:%s", w->suite->pName,
			 w->test->pName);
		for (a = 1; a < argc && !keep; a++)
			keep = !fnmatch(argv[a], w->suite->pName, 0) ||
			       !fnmatch(argv[a], name, 0);
		CU_set_test_active(w->test, keep ? CU_TRUE : CU_FALSE);
		active += keep;
	}
	return active;
}

static unsigned int count_active(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < nr_wrapped; i++)
		n += wrapped[i].test->fActive && wrapped[i].suite->fActive;
	return n;
}

/* ---- TAP ---- */

static unsigned int tap_seq;
static unsigned int tap_cleanup_failures;

static void tap_complete(const CU_pTest t, const CU_pSuite s,
			 const CU_pFailureRecord first)
{
	CU_pFailureRecord f;

	if (!t->fActive)
		return;
	tap_seq++;
	printf("%s %u - %s: %s\n", first ? "not ok" : "ok", tap_seq,
	       s->pName, t->pName);
	for (f = first; f && f->pTest == t; f = f->pNext)
		printf("# %s:%u: %s\n", f->strFileName ? f->strFileName : "",
		       f->uiLineNumber, f->strCondition ? f->strCondition : "");
	fflush(stdout);
}

static void tap_suite_init_failed(const CU_pSuite s)
{
	CU_pTest t;

	for (t = s->pTest; t; t = t->pNext)
		if (t->fActive)
			printf("not ok %u - %s: %s\n# suite initialization failed\n",
			       ++tap_seq, s->pName, t->pName);
	fflush(stdout);
}

static void tap_suite_cleanup_failed(const CU_pSuite s)
{
	tap_cleanup_failures++;
	printf("# suite %s: cleanup failed\n", s->pName);
	fflush(stdout);
}

static void run_tap(void)
{
	printf("1..%u\n", count_active());
	fflush(stdout);
	CU_set_test_complete_handler(tap_complete);
	CU_set_suite_init_failure_handler(tap_suite_init_failed);
	CU_set_suite_cleanup_failure_handler(tap_suite_cleanup_failed);
	CU_run_all_tests();
}

static void list_tests(void)
{
	unsigned int i;

	for (i = 0; i < nr_wrapped; i++)
		printf("%s:%s\n", wrapped[i].suite->pName,
		       wrapped[i].test->pName);
}

int kshim_run_tests(int argc, char **argv)
{
	CU_pTestRegistry reg = CU_get_registry();
	const char *root;
	unsigned int ran, failed, suites_failed, outside;
	bool tap;

	kshim_ensure_booted();
	if (!reg || CU_get_error() != CUE_SUCCESS) {
		fprintf(stderr, "kshim: the CUnit registry is not set up: %s\n",
			CU_get_error_msg());
		return 99;
	}
	if (wrap_registry(reg)) {
		fprintf(stderr, "kshim: out of memory\n");
		return 99;
	}
	if (argc > 1 && !strcmp(argv[1], "--list")) {
		list_tests();
		goto cleanup_ok;
	}
	if (argc > 1 && !select_tests(argc, argv)) {
		fprintf(stderr, "kshim: no test matches the given names\n");
		CU_cleanup_registry();
		free(wrapped);
		return 77;
	}
	CU_set_fail_on_inactive(CU_FALSE);
	arch_dump_stack_prepare();
	harness_running = true;

	tap = !strcmp(kshim_config.output, "tap");
	if (tap) {
		run_tap();
	} else if (!strcmp(kshim_config.output, "xml")) {
		root = kshim_config.xml_root;
		if (!root)
			root = argc ? argv[0] : "kshim";
		CU_set_output_filename(root);
		CU_automated_run_tests();
	} else {
		CU_basic_set_mode(CU_BRM_VERBOSE);
		CU_basic_run_tests();
	}

	harness_running = false;
	ran = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed();
	suites_failed = CU_get_number_of_suites_failed();
	outside = kshim_reports_outside_tests();
	if (outside)
		fprintf(stderr, "kshim: %u report(s) outside any test (see above)\n",
			outside);
	CU_cleanup_registry();
	free(wrapped);
	wrapped = NULL;
	nr_wrapped = 0;

	if (tap)	/* TAP carries the verdicts; status only hard errors */
		return (tap_cleanup_failures || outside) ? 99 : 0;
	if (!ran && !suites_failed)
		return 77;
	return (failed || suites_failed || outside) ? 1 : 0;

cleanup_ok:
	CU_cleanup_registry();
	free(wrapped);
	return 0;
}

int kshim_run_suites(CU_SuiteInfo *suites, int argc, char **argv)
{
	if (CU_initialize_registry() != CUE_SUCCESS ||
	    CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "kshim: cannot register the test suites: %s\n",
			CU_get_error_msg());
		return 99;
	}
	return kshim_run_tests(argc, argv);
}
