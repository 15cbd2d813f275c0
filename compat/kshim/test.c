/*
 * compat/kshim/test.c - the life of one test on the simulated machine.
 *
 * kshim_test_begin() gives the test a clean log, no reports, no
 * expectations and fresh ledger start values; kshim_test_end() judges it:
 * CUnit assertion failures, unmet expectations, unexpected reports and (if
 * the body completed) the ledger.  Failures go to the harness: straight
 * into CUnit, or through the isolation channel when the test runs in a
 * child process.  kshim_task_die() is what an oops does to the task.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/panic.h>
#include <kshim/test.h>

#include "kshim/internal.h"

static bool in_test;
/* Failures now are the test's own (its expectations), not kshim's. */
static bool own_failures;
static char test_name[256];
static unsigned int cunit_failures_at_begin;
static unsigned int cunit_successes_at_begin;

bool kshim_in_test(void)
{
	return __atomic_load_n(&in_test, __ATOMIC_ACQUIRE);
}

const char *kshim_current_test(void)
{
	return kshim_in_test() ? test_name : NULL;
}

void kshim_test_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[2048];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (!file)
		file = test_name[0] ? test_name : "kshim";
	fprintf(stderr, "kshim: FAIL %s: %s:%d: %s\n", test_name, file, line,
		msg);
	if (arch_isolated_child() && own_failures)
		arch_isolated_send_own(file, line, msg);
	else if (arch_isolated_child())
		arch_isolated_send(file, line, msg);
	else
		CU_assertImplementation(CU_FALSE, line, msg, file, "",
					CU_FALSE);
}

void kshim_test_fail_logged(const char *file, int line, const char *msg)
{
	if (arch_isolated_child()) {
		arch_isolated_send_logged(file, line, msg);
		return;
	}
	CU_assertImplementation(CU_FALSE, line, msg, file, "", CU_FALSE);
	kshim_harness_failure_logged();
}

void kshim_test_note(const char *tag, const char *text)
{
	if (arch_isolated_child())
		arch_isolated_send_note(tag, text);
	else
		kshim_harness_note(tag, text);
}

void kshim_test_skip(const char *reason)
{
	kshim_test_note("skip", reason);
}

void kshim_test_begin(const char *name)
{
	snprintf(test_name, sizeof(test_name), "%s", name);
	cunit_failures_at_begin = CU_get_number_of_failure_records();
	cunit_successes_at_begin = CU_get_number_of_successes();
	kshim_dmesg_reset();
	kshim_reports_reset();
	kshim_expect_reset();
	kshim_taint_reset();
	kshim_subsys_test_begin();
	__atomic_store_n(&in_test, true, __ATOMIC_RELEASE);
	kshim_ledger_snapshot();
}

/*
 * A child's CUnit registry is its own: hand its new failures over, and
 * the count of its assertions that held (the run summary's "asserts").
 */
static void forward_cunit_failures(void)
{
	CU_pFailureRecord f = CU_get_failure_list();
	unsigned int i;
	char passed[32];

	if (!arch_isolated_child())
		return;
	snprintf(passed, sizeof(passed), "%u",
		 CU_get_number_of_successes() - cunit_successes_at_begin);
	arch_isolated_send_note("asserts", passed);
	for (i = 0; f; f = f->pNext, i++)
		if (i >= cunit_failures_at_begin)
			arch_isolated_send_own(f->strFileName ?
					       f->strFileName : "",
					       f->uiLineNumber,
					       f->strCondition ?
					       f->strCondition : "");
}

void kshim_test_end(enum kshim_test_end how)
{
	static pthread_mutex_t end_lock = PTHREAD_MUTEX_INITIALIZER;

	/* One verdict per test, even if a second thread oopses meanwhile. */
	pthread_mutex_lock(&end_lock);
	if (!kshim_in_test()) {
		pthread_mutex_unlock(&end_lock);
		return;
	}
	forward_cunit_failures();
	if (how == KSHIM_TEST_COMPLETED) {
		kshim_subsys_test_end();
		kshim_ledger_check();
	}
	own_failures = true;
	kshim_expect_check();
	own_failures = false;
	kshim_reports_check_unexpected();
	__atomic_store_n(&in_test, false, __ATOMIC_RELEASE);
	kshim_ledger_drop_test_entries();
	pthread_mutex_unlock(&end_lock);
}

void kshim_task_die(void)
{
	kshim_report_end_all();
	if (kshim_in_test() && arch_isolated_child()) {
		kshim_test_end(KSHIM_TEST_KILLED);
		arch_isolated_exit();
	}
	fprintf(stderr,
		"kshim: a BUG/panic %s: stopping the program (tests run in child processes unless KSHIM_FORK=0)\n",
		kshim_in_test() ? "in a test that runs without isolation" :
				  "outside any test");
	if (kshim_in_test())
		kshim_test_end(KSHIM_TEST_KILLED);
	fflush(NULL);
	abort();
}
