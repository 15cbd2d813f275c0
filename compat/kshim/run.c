/*
 * compat/kshim/run.c - running a CUnit registry on the simulated machine.
 *
 * kshim_run_tests() swaps each test function (and its suite's per-test
 * setup/teardown) for a trampoline that runs them, isolated, on a freshly
 * begun test; failures found inside come back as CUnit assertion
 * failures at the right file:line.  Output: CUnit's basic report, TAP
 * with one line per test (KSHIM_OUTPUT=tap, under make check), KTAP as
 * KUnit prints it (ktap), JUnit XML (junit) or CUnit's XML results (xml).
 * A test may also tell the harness why it skipped, its KTAP lines and its
 * subtests' counts (kshim_harness_note()).  The exit status comes from the
 * failed-test count, not from CUnit's framework error code.
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
#include "kshim/run.h"
#include "kernel/cpu.h"

#define wrapped kshim_run_test

static struct wrapped *wrapped;
static unsigned int nr_wrapped;
static bool harness_running;
static struct wrapped *running;		/* the test the harness runs */
static CU_pFailureRecord *logged;	/* failures its log already shows */
static unsigned int nr_logged;
char kshim_run_name_sep = ':';		/* "suite:test" (KUnit: '.') */

bool kshim_harness_running(void)
{
	return harness_running;
}

struct wrapped *kshim_run_find(CU_pTest t)
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

static void fail_into_cunit(const char *file, int line, const char *msg,
			    enum kshim_failure_kind kind)
{
	CU_assertImplementation(CU_FALSE, line, msg, file, "", CU_FALSE);
	if (kind == KSHIM_FAILURE_OWN_LOGGED)
		kshim_harness_failure_logged();
}

void kshim_test_trampoline(void)
{
	struct wrapped *w = kshim_run_find(CU_get_current_test());

	if (!w) {
		fail_into_cunit(__FILE__, __LINE__, "kshim: unknown test",
				KSHIM_FAILURE_REPORT);
		return;
	}
	running = w;
	if (kshim_sweep_cli_active())
		kshim_sweep_cli_test(w);
	else if (kshim_config.fork)
		arch_run_isolated(kshim_test_body, w, fail_into_cunit);
	else
		kshim_test_body(w);
	running = NULL;
}

static void append_log(struct wrapped *w, const char *text)
{
	size_t len = strlen(text);
	char *log = realloc(w->log, w->log_len + len + 2);

	if (!log)
		return;
	memcpy(log + w->log_len, text, len);
	log[w->log_len + len] = '\n';
	log[w->log_len + len + 1] = '\0';
	w->log = log;
	w->log_len += len + 1;
}

void kshim_harness_note(const char *tag, const char *text)
{
	struct wrapped *w = running;

	if (!strcmp(tag, "sweep")) {
		kshim_sweep_note(text);
		return;
	}
	if (!strcmp(tag, "asserts")) {
		unsigned long n = strtoul(text, NULL, 10);

		/* The child's assertions that held, in this run's summary. */
		while (n-- > 0 && CU_get_current_test())
			CU_assertImplementation(CU_TRUE, 0, "", "", "",
						CU_FALSE);
		return;
	}
	if (!strcmp(tag, "ktap")) {
		if (w)
			append_log(w, text);
		else
			kshim_ktap_direct(text);
	} else if (w && !strcmp(tag, "skip")) {
		free(w->skip);
		w->skip = strdup(text);
		fprintf(stderr, "kshim: %s:%s skipped: %s\n", w->suite->pName,
			w->test->pName, text);
	} else if (w && !strcmp(tag, "stats")) {
		w->has_stats = sscanf(text, "%lu %lu %lu %lu", &w->stats[0],
				      &w->stats[1], &w->stats[2],
				      &w->stats[3]) == 4;
	}
}

void kshim_harness_failure_logged(void)
{
	CU_pFailureRecord f = CU_get_failure_list(), *more;

	while (f && f->pNext)
		f = f->pNext;
	more = realloc(logged, (nr_logged + 1) * sizeof(*logged));
	if (!f || !more)
		return;
	logged = more;
	logged[nr_logged++] = f;
}

bool kshim_run_failure_logged(CU_pFailureRecord f)
{
	unsigned int i;

	for (i = 0; i < nr_logged; i++)
		if (logged[i] == f)
			return true;
	return false;
}

int kshim_run_status(struct wrapped *w, CU_pFailureRecord first)
{
	if (first && first->pTest == w->test)
		return KSHIM_FAIL;
	return w && w->skip ? KSHIM_SKIP : KSHIM_PASS;
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

/*
 * Keep the tests matching one of the patterns ("suite", "suite:test" or,
 * as kunit.py's filter, "suite.test"); a suite left without tests does
 * not run at all (no suite init or cleanup).
 */
static int select_tests(int argc, char **argv)
{
	unsigned int i, active = 0;
	CU_pSuite s;
	int a;

	for (i = 0; i < nr_wrapped; i++) {
		const struct wrapped *w = &wrapped[i];
		char name[512], dotted[512];
		bool keep = false;

		snprintf(name, sizeof(name), "%s:%s", w->suite->pName,
			 w->test->pName);
		snprintf(dotted, sizeof(dotted), "%s.%s", w->suite->pName,
			 w->test->pName);
		for (a = 1; a < argc && !keep; a++)
			keep = !fnmatch(argv[a], w->suite->pName, 0) ||
			       !fnmatch(argv[a], name, 0) ||
			       !fnmatch(argv[a], dotted, 0);
		CU_set_test_active(w->test, keep ? CU_TRUE : CU_FALSE);
		active += keep;
	}
	for (s = CU_get_registry()->pSuite; s; s = s->pNext)
		CU_set_suite_active(s, kshim_run_count(s) ? CU_TRUE : CU_FALSE);
	return active;
}

unsigned int kshim_run_count(CU_pSuite s)
{
	unsigned int i, n = 0;

	for (i = 0; i < nr_wrapped; i++)
		if (!s || wrapped[i].suite == s)
			n += wrapped[i].test->fActive &&
			     (s || wrapped[i].suite->fActive);
	return n;
}

static void list_tests(void)
{
	unsigned int i;

	for (i = 0; i < nr_wrapped; i++)
		printf("%s%c%s\n", wrapped[i].suite->pName,
		       kshim_run_name_sep, wrapped[i].test->pName);
}

static void free_wrapped(void)
{
	unsigned int i;

	for (i = 0; i < nr_wrapped; i++) {
		free(wrapped[i].log);
		free(wrapped[i].skip);
	}
	free(wrapped);
	wrapped = NULL;
	nr_wrapped = 0;
	free(logged);
	logged = NULL;
	nr_logged = 0;
}

/*
 * "prog --sweep[=OPTIONS] [NAME...]": sweep the tests named (all without
 * a name) instead of running them; the status tells of failure-path bugs.
 */
static int run_sweep(int argc, char **argv)
{
	const char *opts = argv[1][7] == '=' ? argv[1] + 8 : NULL;
	int status;

	if (kshim_sweep_cli_begin(opts)) {
		status = 99;
		goto out;
	}
	/* The names after the option select, as for a run. */
	argv[1] = argv[0];
	if (argc > 2 && !select_tests(argc - 1, argv + 1)) {
		fprintf(stderr, "kshim: no test matches the given names\n");
		kshim_sweep_cli_reset();
		status = 77;
		goto out;
	}
	CU_set_fail_on_inactive(CU_FALSE);
	arch_dump_stack_prepare();
	harness_running = true;
	CU_run_all_tests();
	harness_running = false;
	status = kshim_sweep_cli_end();
out:
	CU_cleanup_registry();
	free_wrapped();
	return status;
}

/* TAP and KTAP carry the verdicts in their lines: status on hard errors. */
unsigned int kshim_tap_cleanup_failures;

int kshim_run_tests(int argc, char **argv)
{
	CU_pTestRegistry reg = CU_get_registry();
	const char *out = kshim_config.output, *root;
	unsigned int ran, failed, suites_failed, outside;
	bool tap = false;

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
	if (argc > 1 && !strncmp(argv[1], "--sweep", 7) &&
	    (!argv[1][7] || argv[1][7] == '='))
		return run_sweep(argc, argv);
	if (argc > 1 && !select_tests(argc, argv)) {
		fprintf(stderr, "kshim: no test matches the given names\n");
		CU_cleanup_registry();
		free_wrapped();
		return 77;
	}
	CU_set_fail_on_inactive(CU_FALSE);
	arch_dump_stack_prepare();
	harness_running = true;

	if (!strcmp(out, "tap")) {
		tap = true;
		kshim_run_tap();
	} else if (!strcmp(out, "ktap")) {
		kshim_run_ktap();
	} else if (!strcmp(out, "junit")) {
		kshim_run_junit();
	} else if (!strcmp(out, "xml")) {
		root = kshim_config.xml_root;
		if (!root)
			root = argc ? argv[0] : "kshim";
		CU_set_output_filename(root);
		CU_automated_run_tests();
		if (CU_get_error() == CUE_FOPEN_FAILED) {
			fprintf(stderr, "kshim: cannot write the XML results %s-Results.xml (KSHIM_XML_ROOT)\n",
				root);
			CU_cleanup_registry();
			free_wrapped();
			return 99;
		}
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
	free_wrapped();

	if (tap)
		return (kshim_tap_cleanup_failures || outside) ? 99 : 0;
	if (!ran && !suites_failed)
		return 77;
	return (failed || suites_failed || outside) ? 1 : 0;

cleanup_ok:
	CU_cleanup_registry();
	free_wrapped();
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
