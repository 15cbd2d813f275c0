// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kshim/tap.c - the line-oriented outputs of a run.
 *
 * TAP (KSHIM_OUTPUT=tap, under make check): "ok N - suite: test" per test,
 * "# SKIP reason" for a skipped one, its failures as diagnostics.
 *
 * KTAP (KSHIM_OUTPUT=ktap): as KUnit's executor prints it (6.1's
 * lib/kunit/executor.c and test.c), so tools/testing/kunit/kunit.py parse
 * reads it: "KTAP version 1" and the suites' plan, then per suite a
 * subtest block (its header once a test runs, as KUnit prints it after
 * suite_init succeeded), each test's own KTAP lines (a KUnit case's log,
 * parameters nested), kshim's failures as diagnostics, "ok N name" with
 * "# SKIP reason", the counts when there is more than one, and the suite's
 * result line.
 */
#include <stdio.h>
#include <string.h>

#include <CUnit/TestRun.h>

#include "kshim/internal.h"
#include "kshim/run.h"

extern unsigned int kshim_tap_cleanup_failures;

/* Each line of @msg after @prefix (a failure's text may have several). */
static void print_lines(const char *prefix, const char *first,
			const char *msg)
{
	size_t len = strlen(msg);
	const char *eol;

	while (len && msg[len - 1] == '\n')	/* no empty last line */
		len--;
	printf("%s%s", prefix, first);
	for (;;) {
		eol = memchr(msg, '\n', len);
		if (!eol) {
			printf("%.*s\n", (int)len, msg);
			return;
		}
		len -= eol + 1 - msg;
		printf("%.*s\n%s", (int)(eol - msg), msg, prefix);
		msg = eol + 1;
	}
}

static void print_failure(const char *prefix, CU_pFailureRecord f)
{
	char where[600];

	snprintf(where, sizeof(where), "%s:%u: ",
		 f->strFileName ? f->strFileName : "", f->uiLineNumber);
	print_lines(prefix, where, f->strCondition ? f->strCondition : "");
}

/* ---- TAP ---- */

static unsigned int tap_seq;

static void tap_complete(const CU_pTest t, const CU_pSuite s,
			 const CU_pFailureRecord first)
{
	struct kshim_run_test *w = kshim_run_find(t);
	CU_pFailureRecord f;
	int status;

	if (!t->fActive)
		return;
	status = kshim_run_status(w, first);
	tap_seq++;
	printf("%s %u - %s: %s", status == KSHIM_FAIL ? "not ok" : "ok",
	       tap_seq, s->pName, t->pName);
	if (status == KSHIM_SKIP)
		printf(" # SKIP %s", w->skip);
	printf("\n");
	for (f = first; f && f->pTest == t; f = f->pNext)
		print_failure("# ", f);
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
	kshim_tap_cleanup_failures++;
	printf("# suite %s: cleanup failed\n", s->pName);
	fflush(stdout);
}

void kshim_run_tap(void)
{
	printf("1..%u\n", kshim_run_count(NULL));
	fflush(stdout);
	CU_set_test_complete_handler(tap_complete);
	CU_set_suite_init_failure_handler(tap_suite_init_failed);
	CU_set_suite_cleanup_failure_handler(tap_suite_cleanup_failed);
	CU_run_all_tests();
}

/* ---- KTAP ---- */

#define INDENT "    "

static unsigned int ktap_suite_seq, ktap_test_seq;
static bool ktap_header_done, ktap_init_failed;
static unsigned long suite_stats[4], total_stats[4];	/* pass fail skip total */

void kshim_ktap_direct(const char *text)
{
	if (strcmp(kshim_config.output, "ktap"))
		return;
	printf("%s\n", text);
	fflush(stdout);
}

static void ktap_header(const CU_pSuite s)
{
	if (ktap_header_done)
		return;
	ktap_header_done = true;
	printf(INDENT "KTAP version 1\n" INDENT "# Subtest: %s\n" INDENT "1..%u\n",
	       s->pName, kshim_run_count(s));
}

static void ktap_suite_start(const CU_pSuite s)
{
	ktap_test_seq = 0;
	ktap_header_done = false;
	ktap_init_failed = false;
	memset(suite_stats, 0, sizeof(suite_stats));
	memset(total_stats, 0, sizeof(total_stats));
}

static void ktap_test_start(const CU_pTest t, const CU_pSuite s)
{
	if (t->fActive)
		ktap_header(s);
}

static void ktap_complete(const CU_pTest t, const CU_pSuite s,
			  const CU_pFailureRecord first)
{
	struct kshim_run_test *w = kshim_run_find(t);
	CU_pFailureRecord f;
	char prefix[300];
	int status, i;

	if (!t->fActive)
		return;
	ktap_header(s);
	status = kshim_run_status(w, first);
	if (w->log)
		fputs(w->log, stdout);
	snprintf(prefix, sizeof(prefix), INDENT "# %s: ", t->pName);
	for (f = first; f && f->pTest == t; f = f->pNext)
		if (!kshim_run_failure_logged(f))
			print_failure(prefix, f);
	printf(INDENT "%s %u %s%s%s\n", status == KSHIM_FAIL ? "not ok" : "ok",
	       ++ktap_test_seq, t->pName, status == KSHIM_SKIP ? " # SKIP " : "",
	       status == KSHIM_SKIP ? w->skip : "");
	fflush(stdout);

	suite_stats[status]++;
	suite_stats[3]++;
	if (w->has_stats) {
		for (i = 0; i < 4; i++)
			total_stats[i] += w->stats[i];
	} else {
		total_stats[status]++;
		total_stats[3]++;
	}
}

static void ktap_suite_init_failed(const CU_pSuite s)
{
	ktap_init_failed = true;
}

static void ktap_suite_complete(const CU_pSuite s, const CU_pFailureRecord f)
{
	bool failed = ktap_init_failed || suite_stats[KSHIM_FAIL];
	bool skipped = !failed && !suite_stats[KSHIM_PASS];

	if (!s->fActive)
		return;
	if (!ktap_init_failed) {
		ktap_header(s);
		if (suite_stats[3] > 1)
			printf("# %s: pass:%lu fail:%lu skip:%lu total:%lu\n",
			       s->pName, suite_stats[0], suite_stats[1],
			       suite_stats[2], suite_stats[3]);
		if (total_stats[3] > 1)
			printf("# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
			       total_stats[0], total_stats[1], total_stats[2],
			       total_stats[3]);
	}
	printf("%s %u %s%s\n", failed ? "not ok" : "ok", ++ktap_suite_seq,
	       s->pName, skipped ? " # SKIP " : "");
	fflush(stdout);
}

static void ktap_suite_cleanup_failed(const CU_pSuite s)
{
	printf("# %s: suite cleanup failed\n", s->pName);
}

void kshim_run_ktap(void)
{
	CU_pSuite s;
	unsigned int n = 0;

	for (s = CU_get_registry()->pSuite; s; s = s->pNext)
		n += s->fActive && kshim_run_count(s);
	printf("KTAP version 1\n1..%u\n", n);
	fflush(stdout);
	CU_set_suite_start_handler(ktap_suite_start);
	CU_set_test_start_handler(ktap_test_start);
	CU_set_test_complete_handler(ktap_complete);
	CU_set_suite_complete_handler(ktap_suite_complete);
	CU_set_suite_init_failure_handler(ktap_suite_init_failed);
	CU_set_suite_cleanup_failure_handler(ktap_suite_cleanup_failed);
	CU_run_all_tests();
}
