/*
 * test_panic - WARN/BUG/panic reports (kernel/panic.c, lib/bug.c) and
 * printk (kernel/printk/printk.c) as a driver sees them: 6.x text, the
 * caller's file:line, once-per-site semantics, taint, the log.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>
#include <linux/panic.h>
#include <linux/printk.h>

#include "common/spawn.h"
#include "kernel/snippets/snippets.h"

#define SNIP_FILE "tests/kernel/snippets/bug_snippets.c"

static const char *text_of_last(const char *cls)
{
	const struct kshim_report *r = kshim_report_last(cls);

	return r ? r->text : "";
}

/* @text's lines, in order, each containing the matching @want entry. */
static void assert_lines_in_order(const char *text, const char *const *want,
				  unsigned int n)
{
	const char *p = text;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const char *hit = strstr(p, want[i]);

		if (!hit)
			fprintf(stderr, "missing (in order) \"%s\" in:\n%s\n",
				want[i], text);
		CU_ASSERT_PTR_NOT_NULL_FATAL(hit);
		p = hit + strlen(want[i]);
	}
}

static void test_warn_on_text_and_caller(void)
{
	char warning[256];
	const struct kshim_report *r;
	int line, ret;

	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	ret = snip_warn_on(1, &line);
	CU_ASSERT_EQUAL(ret, 1);

	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, SNIP_FILE);
	CU_ASSERT_EQUAL(r->line, line);
	CU_ASSERT_STRING_EQUAL(r->func, "snip_warn_on");
	snprintf(warning, sizeof(warning),
		 "WARNING: CPU: 0 PID: %d at %s:%d snip_warn_on [snippets]\n",
		 (int)getpid(), SNIP_FILE, line);
	{
		const char *const want[] = {
			"------------[ cut here ]------------\n",
			warning,
			"Modules linked in:",
			"CPU: 0 PID: ",
			" Not tainted ",	/* W is added after printing */
			"Hardware name: kshim simulated machine\n",
			"Call Trace:\n",
			" <TASK>\n",
			" </TASK>\n",
			"---[ end trace 0000000000000000 ]---\n",
		};

		assert_lines_in_order(r->text, want,
				      sizeof(want) / sizeof(want[0]));
	}
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));
}

static void test_warn_quiet_when_false(void)
{
	int line;

	CU_ASSERT_EQUAL(snip_warn_on(0, &line), 0);
	CU_ASSERT_EQUAL(snip_warn_fmt(0, 1, &line), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(test_taint(TAINT_WARN));
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "");
}

static void test_warn_message_precedes_warning_line(void)
{
	int line;
	const char *const want[] = {
		"------------[ cut here ]------------\n",
		"value 7 out of range\n",
		"WARNING: CPU: 0 PID: ",
	};

	kshim_expect_report(KSHIM_REPORT_WARNING, "value 7 out of range", 1);
	CU_ASSERT_EQUAL(snip_warn_fmt(1, 7, &line), 1);
	assert_lines_in_order(text_of_last(KSHIM_REPORT_WARNING), want, 3);
}

static void test_second_warning_shows_taint(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 2);
	snip_warn_on(1, &line);
	snip_warn_on(1, &line);
	CU_ASSERT_PTR_NOT_NULL(strstr(text_of_last(KSHIM_REPORT_WARNING),
				      " Tainted: G        W          "));
}

static void test_warn_on_once_fires_once_per_site(void)
{
	int line, other, i, ret;

	kshim_expect_report(KSHIM_REPORT_WARNING, "snip_warn_on_once [", 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, "snip_warn_on_once_other", 1);
	for (i = 0; i < 5; i++) {
		ret = snip_warn_on_once(1, &line);
		CU_ASSERT_EQUAL(ret, 1);	/* still returns the condition */
	}
	snip_warn_on_once_other(1, &other);
	snip_warn_on_once_other(1, &other);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 2);
	CU_ASSERT_NOT_EQUAL(line, other);
}

static void test_warn_once_false_does_not_use_up(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_WARNING, "once only: snippet", 1);
	CU_ASSERT_EQUAL(snip_warn_once(0, &line), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(snip_warn_once(1, &line), 1);
	CU_ASSERT_EQUAL(snip_warn_once(1, &line), 1);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 1);
}

/* The once-state is per boot: each test starts with it unused. */
static void test_once_state_is_per_test(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_WARNING, "snip_warn_on_once [", 1);
	snip_warn_on_once(1, &line);
}

static int bug_line;

static void test_bug_on_text_and_caller(void)
{
	char want[256];

	snprintf(want, sizeof(want), "kernel BUG at %s:", SNIP_FILE);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	snip_bug_on(0, &bug_line);	/* false: silent */
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	snip_bug_on(1, &bug_line);
	CU_FAIL("BUG_ON(1) returned");
}

/* BUG ends the test, so its text is checked through the expectation. */
static void test_bug_text_head(void)
{
	char want[512];
	int line = find_marker_line(src_path(SNIP_FILE), "LINE:snip_bug ");

	CU_ASSERT_FATAL(line > 0);
	snprintf(want, sizeof(want),
		 "------------[ cut here ]------------\n"
		 "kernel BUG at %s:%d!\n"
		 "Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI\n"
		 "CPU: 0 PID: ", SNIP_FILE, line);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	snip_bug(&line);
}

static void test_bug_text_tail(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_BUG,
			    "RIP: 0010:snip_bug [snippets]\n"
			    "Call Trace:\n <TASK>\n", 1);
	snip_bug(&line);
}

static void test_bug_text_end(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_BUG,
			    " </TASK>\nModules linked in:\n"
			    "---[ end trace 0000000000000000 ]---\n", 1);
	snip_bug(&line);
}

static void test_printk_levels_and_prefix(void)
{
	const char *log;

	snip_printk_levels();
	log = kshim_dmesg();
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "snippets: emerg 0\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "snippets: err 3\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "snippets: warn 4\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "snippets: info 6\n"));
	CU_ASSERT_PTR_NULL(strstr(log, "debug 7"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "\nno prefix here\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "snippets: cont start and end\n"));
	CU_ASSERT_PTR_NULL(strstr(log, "\001"));	/* levels stripped */
	snip_printk_levels();
	log = kshim_dmesg();
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "only once\n"));
	CU_ASSERT_PTR_NULL(strstr(strstr(log, "only once\n") + 1,
				  "only once"));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);	/* printk: no report */
}

static void test_dmesg_clear(void)
{
	printk(KERN_ERR "something\n");
	CU_ASSERT_TRUE(kshim_dmesg_contains("something"));
	kshim_dmesg_clear();
	CU_ASSERT_FALSE(kshim_dmesg_contains("something"));
}

static void test_panic_ends_test(void)
{
	kshim_expect_report(KSHIM_REPORT_PANIC,
			    "Kernel panic - not syncing: out of widgets: 3", 1);
	panic("out of widgets: %d", 3);
	CU_FAIL("panic() returned");
}

static void test_dump_stack_is_not_a_report(void)
{
	dump_stack();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("Call Trace:"));
}

static void test_expect_any_count(void)
{
	int line;

	kshim_expect_report(KSHIM_REPORT_WARNING, "snip_warn_on [",
			    KSHIM_ANY_COUNT);
	snip_warn_on(1, &line);
	snip_warn_on(1, &line);
	snip_warn_on(1, &line);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 3);
}

static CU_TestInfo tests[] = {
	{ "warn_on_text_and_caller", test_warn_on_text_and_caller },
	{ "warn_quiet_when_false", test_warn_quiet_when_false },
	{ "warn_message_precedes_warning_line",
	  test_warn_message_precedes_warning_line },
	{ "second_warning_shows_taint", test_second_warning_shows_taint },
	{ "warn_on_once_fires_once_per_site",
	  test_warn_on_once_fires_once_per_site },
	{ "warn_once_false_does_not_use_up",
	  test_warn_once_false_does_not_use_up },
	{ "once_state_is_per_test", test_once_state_is_per_test },
	{ "bug_on_text_and_caller", test_bug_on_text_and_caller },
	{ "bug_text_head", test_bug_text_head },
	{ "bug_text_tail", test_bug_text_tail },
	{ "bug_text_end", test_bug_text_end },
	{ "printk_levels_and_prefix", test_printk_levels_and_prefix },
	{ "dmesg_clear", test_dmesg_clear },
	{ "panic_ends_test", test_panic_ends_test },
	{ "dump_stack_is_not_a_report", test_dump_stack_is_not_a_report },
	{ "expect_any_count", test_expect_any_count },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "panic", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
