/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kshim/run.h - the harness's view of a run (compat/kshim/run.c),
 * shared with its output writers (tap.c: TAP and KTAP, junit.c).
 */
#ifndef _KSHIM_RUN_H
#define _KSHIM_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include <CUnit/CUnit.h>

/* One test of the registry, and what it told the harness while it ran. */
struct kshim_run_test {
	CU_pTest test;
	CU_pSuite suite;
	CU_TestFunc fn;
	CU_SetUpFunc setup;
	CU_TearDownFunc teardown;
	char *log;		/* its KTAP lines ("ktap" notes) */
	size_t log_len;
	char *skip;		/* why it skipped ("skip" note), or NULL */
	unsigned long stats[4];	/* its subtests: pass, fail, skip, total */
	bool has_stats;
};

enum { KSHIM_PASS, KSHIM_FAIL, KSHIM_SKIP };

/* Between suite and test in names: ':' ("suite:test"), KUnit's '.'. */
extern char kshim_run_name_sep;

struct kshim_run_test *kshim_run_find(CU_pTest t);
/* Active tests of @s (all active tests when @s is NULL). */
unsigned int kshim_run_count(CU_pSuite s);
/* Was @f recorded as a failure the test's own log shows? */
bool kshim_run_failure_logged(CU_pFailureRecord f);
/* PASS, FAIL or SKIP, from its failure records (first: @first) and notes. */
int kshim_run_status(struct kshim_run_test *w, CU_pFailureRecord first);

/* The failure-path sweep's command-line mode (compat/kshim/sweep.c). */
int kshim_sweep_cli_begin(const char *options);
bool kshim_sweep_cli_active(void);
void kshim_sweep_cli_test(struct kshim_run_test *w);
int kshim_sweep_cli_end(void);
void kshim_sweep_cli_reset(void);

/* Output writers: each runs the registry (CU_run_all_tests). */
void kshim_run_tap(void);
void kshim_run_ktap(void);
void kshim_run_junit(void);
/* A line printed outside any test's log (KTAP: a suite's diagnostics). */
void kshim_ktap_direct(const char *text);

#endif /* _KSHIM_RUN_H */
