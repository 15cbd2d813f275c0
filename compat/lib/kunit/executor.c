// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/executor.c - KUnit's executor on kshim.
 *
 * The kernel collects the suites from a section at boot (lib/kunit/
 * executor.c) or module load and runs each with kunit_run_tests()
 * (lib/kunit/test.c).  kshim collects them when the program starts and
 * hands them to its harness as CUnit suites: suite_init/suite_exit run in
 * the harness around the suite (once, as KUnit's), each case is a kshim
 * test, run in its own process from the clean machine.  Inside, the case
 * runs as KUnit runs it: per parameter, init, the case, exit and its
 * resources' release even after a failed assertion or a skip; its KTAP
 * lines, its skip reason and its parameters' counts go to the harness,
 * which prints the case's result line (compat/kshim/tap.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>
#include <CUnit/TestRun.h>

#include <kunit/test.h>
#include <kshim/kunit.h>
#include <kshim/test.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "kshim/internal.h"
#include "lib/kunit/kunit.h"

extern char kshim_run_name_sep;

static struct kshim_kunit_suites *sets, **sets_tail = &sets;

/* A constructor per kunit_test_suites(): before main, one thread. */
void __kshim_kunit_register(struct kshim_kunit_suites *set)
{
	set->next = NULL;
	*sets_tail = set;
	sets_tail = &set->next;
}

/* Which KUnit suite and case a CUnit suite or test stands for. */
struct kunit_map {
	CU_pSuite cu_suite;
	CU_pTest cu_test;		/* NULL: the suite's own entry */
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	unsigned int version;
};

static struct kunit_map *map;
static unsigned int nr_map;

static struct kunit_map *map_find(CU_pSuite s, CU_pTest t)
{
	unsigned int i;

	for (i = 0; i < nr_map; i++)
		if (map[i].cu_suite == s && map[i].cu_test == t)
			return &map[i];
	return NULL;
}

static int map_add(CU_pSuite s, CU_pTest t, struct kunit_suite *suite,
		   struct kunit_case *test_case, unsigned int version)
{
	struct kunit_map *more = realloc(map, (nr_map + 1) * sizeof(*map));

	if (!more)
		return -1;
	map = more;
	map[nr_map++] = (struct kunit_map){ s, t, suite, test_case, version };
	return 0;
}

/* ---- in the harness: the suite around its cases ---- */

static int suite_init_trampoline(void)
{
	struct kunit_map *m = map_find(CU_get_current_suite(), NULL);
	struct kunit_suite *suite;

	if (!m)
		return 1;
	suite = m->suite;
	kshim_kunit_set_version(m->version);
	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;
	if (!suite->suite_init)
		return 0;
	suite->suite_init_err = suite->suite_init(suite);
	if (!suite->suite_init_err)
		return 0;
	kunit_err(suite, KUNIT_SUBTEST_INDENT "# failed to initialize (%d)",
		  suite->suite_init_err);
	return 1;
}

static int suite_exit_trampoline(void)
{
	struct kunit_map *m = map_find(CU_get_current_suite(), NULL);

	if (m && m->suite->suite_exit)
		m->suite->suite_exit(m->suite);
	return 0;
}

/* ---- in the test's process: one case, as kunit_run_tests() runs it ---- */

struct case_context {
	struct kunit *test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
};

static void case_cleanup(struct kunit *test, struct kunit_suite *suite)
{
	if (suite->exit)
		suite->exit(test);
	kunit_cleanup(test);
}

static void case_try(void *data)
{
	struct case_context *ctx = data;
	struct kunit *test = ctx->test;
	struct kunit_suite *suite = ctx->suite;

	current->kunit_test = test;
	if (suite->init) {
		int ret = suite->init(test);

		if (ret) {
			kunit_err(test, "failed to initialize: %d\n", ret);
			kunit_set_failure(test);
			goto cleanup;
		}
	}
	ctx->test_case->run_case(test);
cleanup:
	case_cleanup(test, suite);
}

static void case_catch(void *data)
{
	struct case_context *ctx = data;

	case_cleanup(ctx->test, ctx->suite);
}

static void run_case_catch_errors(struct kunit_suite *suite,
				  struct kunit_case *test_case,
				  struct kunit *test)
{
	struct case_context ctx = { test, suite, test_case };

	kunit_init_test(test, test_case->name, test_case->log);
	test->try_catch.test = test;
	test->try_catch.try = case_try;
	test->try_catch.catch = case_catch;
	kunit_try_catch_run(&test->try_catch, &ctx);

	if (test->status == KUNIT_FAILURE)
		test_case->status = KUNIT_FAILURE;
	else if (test_case->status != KUNIT_FAILURE &&
		 test->status == KUNIT_SUCCESS)
		test_case->status = KUNIT_SUCCESS;
}

struct kunit_stats {
	unsigned long passed, failed, skipped, total;
};

static void stats_add(struct kunit_stats *s, enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		s->passed++;
	else if (status == KUNIT_FAILURE)
		s->failed++;
	else
		s->skipped++;
	s->total++;
}

static void run_params(struct kunit_suite *suite,
		       struct kunit_case *test_case, struct kunit *test,
		       struct kunit_stats *stats)
{
	char desc[KUNIT_PARAM_DESC_SIZE];

	desc[0] = '\0';
	test->param_value = test_case->generate_params(NULL, desc);
	kunit_log(KERN_INFO, test, KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT
		  "KTAP version 1\n");
	kunit_log(KERN_INFO, test, KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT
		  "# Subtest: %s", test_case->name);
	while (test->param_value) {
		run_case_catch_errors(suite, test_case, test);
		if (!desc[0])
			snprintf(desc, sizeof(desc), "param-%d",
				 test->param_index);
		kunit_log(KERN_INFO, test, KUNIT_SUBTEST_INDENT
			  KUNIT_SUBTEST_INDENT "%s %d %s",
			  kunit_status_to_ok_not_ok(test->status),
			  test->param_index + 1, desc);
		desc[0] = '\0';
		test->param_value = test_case->generate_params(test->param_value,
							       desc);
		test->param_index++;
		stats_add(stats, test->status);
	}
}

static void run_case(void)
{
	struct kunit_map *m = map_find(CU_get_current_suite(),
				       CU_get_current_test());
	struct kunit test = { .param_value = NULL, .param_index = 0 };
	struct kunit_stats stats = { 0 };
	unsigned long failures = kshim_kunit_failures;
	struct kunit_case *test_case;
	char note[96];

	if (!m) {
		kshim_test_fail(__FILE__, __LINE__, "KUnit: unknown case");
		return;
	}
	test_case = m->test_case;
	kshim_kunit_set_version(m->version);
	test_case->status = KUNIT_SKIPPED;
	if (!test_case->generate_params) {
		run_case_catch_errors(m->suite, test_case, &test);
		stats_add(&stats, test.status);
	} else {
		run_params(m->suite, test_case, &test, &stats);
	}
	if (stats.total > 1)
		kunit_log(KERN_INFO, &test, KUNIT_SUBTEST_INDENT
			  "# %s: pass:%lu fail:%lu skip:%lu total:%lu",
			  test.name, stats.passed, stats.failed,
			  stats.skipped, stats.total);
	snprintf(note, sizeof(note), "%lu %lu %lu %lu", stats.passed,
		 stats.failed, stats.skipped, stats.total);
	kshim_test_note("stats", note);

	if (test_case->status == KUNIT_SKIPPED) {
		kshim_test_note("skip", test.status_comment);
	} else if (test_case->status == KUNIT_FAILURE &&
		   kshim_kunit_failures == failures) {
		/* failed without a failed check: a failed init... */
		kshim_test_fail_logged("kunit", 0,
				       "the case failed (see its log)");
	}
}

/* ---- registration with the harness ---- */

int kshim_kunit_add_suites(void)
{
	struct kshim_kunit_suites *set;
	struct kunit_case *test_case;
	struct kunit_suite *suite;
	CU_pSuite s;
	CU_pTest t;
	int i;

	for (set = sets; set; set = set->next) {
		for (i = 0; i < set->num; i++) {
			suite = set->suites[i];
			s = CU_add_suite(suite->name, suite_init_trampoline,
					 suite_exit_trampoline);
			if (!s || map_add(s, NULL, suite, NULL, set->version))
				return -1;
			kunit_suite_for_each_test_case(suite, test_case) {
				t = CU_add_test(s, test_case->name,
						run_case);
				if (!t || map_add(s, t, suite, test_case,
						  set->version))
					return -1;
			}
		}
	}
	return 0;
}

int kshim_kunit_main(int argc, char **argv)
{
	if (!getenv("KSHIM_OUTPUT"))
		kshim_config.output = "ktap";
	if (CU_initialize_registry() != CUE_SUCCESS ||
	    kshim_kunit_add_suites()) {
		fprintf(stderr, "kshim: cannot register the KUnit suites: %s\n",
			CU_get_error_msg());
		return 99;
	}
	kshim_run_name_sep = '.';
	return kshim_run_tests(argc, argv);
}
