/*
 * test_refcount - linux/refcount.h and linux/kref.h (lib/refcount.c of
 * 6.1): counting, the saturation semantics (REFCOUNT_SATURATED, and it
 * stays), each of the kernel's four WARN texts once per kind of event,
 * naming the kernel code's file:line, and kref releasing exactly once.
 * The refcount and kref code is kernel code: tests/lib/bits_kernel.c.
 */
#include <limits.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/refcount.h>

#include "bits_kernel.h"

#define SATURATED	((unsigned int)REFCOUNT_SATURATED)
#define TXT_SAT		"refcount_t: saturated; leaking memory.\n"
#define TXT_ADD0	"refcount_t: addition on 0; use-after-free.\n"
#define TXT_UNDER	"refcount_t: underflow; use-after-free.\n"
#define TXT_LEAK	"refcount_t: decrement hit 0; leaking memory.\n"

/* The last warning is @text at bits_kernel.c:@line in @func. */
static void assert_warning_at(const char *text, int line, const char *func)
{
	const struct kshim_report *r = kshim_report_last(KSHIM_REPORT_WARNING);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, text));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text,
				      "------------[ cut here ]------------"));
	CU_ASSERT_STRING_EQUAL(r->file, BITS_KERNEL_FILE);
	CU_ASSERT_EQUAL(r->line, line);
	CU_ASSERT_STRING_EQUAL(r->func, func);
	/* The message comes before the WARNING line, as the kernel prints. */
	CU_ASSERT_TRUE(strstr(r->text, text) < strstr(r->text, "WARNING: CPU"));
}

/* ---- positive: correct use is silent and counts right ---- */

static void test_counting_is_silent(void)
{
	int line, i;

	CU_ASSERT_EQUAL(bk_refcount_init_value(), 3);
	bk_refcount_set(1);
	for (i = 0; i < 1000; i++)
		bk_refcount_inc(&line);
	bk_refcount_add(10, &line);
	CU_ASSERT_EQUAL(bk_refcount_read(), 1011);
	CU_ASSERT_TRUE(bk_refcount_inc_not_zero(&line));
	CU_ASSERT_TRUE(bk_refcount_add_not_zero(5, &line));
	CU_ASSERT_EQUAL(bk_refcount_read(), 1017);
	CU_ASSERT_FALSE(bk_refcount_sub_and_test(16, &line));
	for (i = 0; i < 1000; i++)
		bk_refcount_dec(&line);		/* 1001 -> 1: never hits 0 */
	CU_ASSERT_EQUAL(bk_refcount_read(), 1);
	CU_ASSERT_TRUE(bk_refcount_dec_and_test(&line));
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);
	/* inc_not_zero on 0 refuses quietly. */
	CU_ASSERT_FALSE(bk_refcount_inc_not_zero(&line));
	CU_ASSERT_FALSE(bk_refcount_add_not_zero(3, &line));
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);
	/* Up to REFCOUNT_MAX is fine. */
	bk_refcount_set(REFCOUNT_MAX - 1);
	bk_refcount_inc(&line);
	CU_ASSERT_EQUAL(bk_refcount_read(), (unsigned int)REFCOUNT_MAX);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_dec_if_one_and_not_one(void)
{
	int line;

	bk_refcount_set(2);
	CU_ASSERT_FALSE(bk_refcount_dec_if_one());
	CU_ASSERT_EQUAL(bk_refcount_read(), 2);
	CU_ASSERT_TRUE(bk_refcount_dec_not_one(&line));	/* 2 -> 1 */
	CU_ASSERT_EQUAL(bk_refcount_read(), 1);
	CU_ASSERT_FALSE(bk_refcount_dec_not_one(&line));	/* stays 1 */
	CU_ASSERT_EQUAL(bk_refcount_read(), 1);
	CU_ASSERT_TRUE(bk_refcount_dec_if_one());
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);
	CU_ASSERT_FALSE(bk_refcount_dec_if_one());
	/* Saturated: left alone, "true". */
	bk_refcount_set(REFCOUNT_SATURATED);
	CU_ASSERT_TRUE(bk_refcount_dec_not_one(&line));
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_dec_and_lock_forms(void)
{
	bool locked;
	int line;

	bk_refcount_set(2);
	CU_ASSERT_FALSE(bk_refcount_dec_and_lock(&locked, &line));
	CU_ASSERT_FALSE(locked);
	CU_ASSERT_TRUE(bk_refcount_dec_and_lock(&locked, &line));
	CU_ASSERT_TRUE(locked);
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);

	bk_refcount_set(2);
	CU_ASSERT_FALSE(bk_refcount_dec_and_lock_irqsave(&locked, &line));
	CU_ASSERT_FALSE(locked);
	CU_ASSERT_TRUE(bk_refcount_dec_and_lock_irqsave(&locked, &line));
	CU_ASSERT_TRUE(locked);

	bk_refcount_set(2);
	CU_ASSERT_FALSE(bk_refcount_dec_and_mutex_lock(&locked, &line));
	CU_ASSERT_FALSE(locked);
	CU_ASSERT_TRUE(bk_refcount_dec_and_mutex_lock(&locked, &line));
	CU_ASSERT_TRUE(locked);
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- negative: each report, its text, its line; saturation stays ---- */

static void test_addition_on_zero(void)
{
	int line;

	bk_refcount_set(0);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_ADD0, 1);
	bk_refcount_inc(&line);
	assert_warning_at(TXT_ADD0, line, "bk_refcount_inc");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_overflow_saturates(void)
{
	int line, i;

	bk_refcount_set(REFCOUNT_MAX);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_SAT, 1);
	bk_refcount_inc(&line);
	assert_warning_at(TXT_SAT, line, "bk_refcount_inc");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
	/* It stays there: more increments, no second warning. */
	for (i = 0; i < 100; i++)
		bk_refcount_inc(&line);
	bk_refcount_add(INT_MAX, &line);
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_add_overflow_saturates(void)
{
	int line;

	bk_refcount_set(INT_MAX - 5);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_SAT, 1);
	bk_refcount_add(6, &line);
	assert_warning_at(TXT_SAT, line, "bk_refcount_add");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_inc_not_zero_overflow(void)
{
	int line;

	/* A separate WARN_ONCE() from refcount_inc()'s, as in the kernel. */
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_SAT, 2);
	bk_refcount_set(REFCOUNT_MAX);
	CU_ASSERT_TRUE(bk_refcount_inc_not_zero(&line));
	assert_warning_at(TXT_SAT, line, "bk_refcount_inc_not_zero");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
	bk_refcount_set(REFCOUNT_MAX);
	bk_refcount_inc(&line);
	assert_warning_at(TXT_SAT, line, "bk_refcount_inc");
}

static void test_underflow(void)
{
	int line;

	bk_refcount_set(1);
	CU_ASSERT_TRUE(bk_refcount_dec_and_test(&line));
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_FALSE(bk_refcount_dec_and_test(&line));
	assert_warning_at(TXT_UNDER, line, "bk_refcount_dec_and_test");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
	/* Saturated: never 0 again, so nothing is freed twice. */
	CU_ASSERT_FALSE(bk_refcount_dec_and_test(&line));
	CU_ASSERT_FALSE(bk_refcount_sub_and_test(5, &line));
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_sub_below_zero(void)
{
	int line;

	bk_refcount_set(3);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_FALSE(bk_refcount_sub_and_test(4, &line));
	assert_warning_at(TXT_UNDER, line, "bk_refcount_sub_and_test");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_dec_hit_zero(void)
{
	int line;

	bk_refcount_set(1);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_LEAK, 1);
	bk_refcount_dec(&line);
	assert_warning_at(TXT_LEAK, line, "bk_refcount_dec");
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
}

static void test_dec_not_one_underflow(void)
{
	int line;

	bk_refcount_set(0);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_TRUE(bk_refcount_dec_not_one(&line));
	assert_warning_at(TXT_UNDER, line, "bk_refcount_dec_not_one");
	CU_ASSERT_EQUAL(bk_refcount_read(), 0);	/* left alone */
}

static void test_once_per_kind(void)
{
	int l1, l2;

	/* Two sites, one kind of event: one warning (per boot). */
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_ADD0, 1);
	bk_refcount_set(0);
	bk_refcount_inc(&l1);
	bk_refcount_set(0);
	bk_refcount_add(1, &l2);
	CU_ASSERT_NOT_EQUAL(l1, l2);
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
	/*
	 * A saturated count is negative: incrementing it again is the other
	 * kind, overflow, and a put is an underflow - each warns once.
	 */
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_SAT, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_EQUAL(bk_refcount_inc_two_sites(&l1, &l2), (int)SATURATED);
	CU_ASSERT_FALSE(bk_refcount_dec_and_test(&l1));
	CU_ASSERT_FALSE(bk_refcount_dec_and_test(&l1));
	CU_ASSERT_EQUAL(bk_refcount_read(), SATURATED);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 3);
}

/* ---- kref ---- */

static void test_kref_release_exactly_once(void)
{
	int line, i;

	bk_kobj_init();
	CU_ASSERT_EQUAL(bk_kobj_read(), 1);
	for (i = 0; i < 10; i++)
		bk_kref_get(&line);
	CU_ASSERT_TRUE(bk_kref_get_unless_zero(&line));
	CU_ASSERT_EQUAL(bk_kobj_read(), 12);
	for (i = 0; i < 11; i++)
		CU_ASSERT_EQUAL(bk_kref_put(&line), 0);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 0);
	CU_ASSERT_EQUAL(bk_kref_put(&line), 1);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 1);
	CU_ASSERT_FALSE(bk_kref_get_unless_zero(&line));
	CU_ASSERT_EQUAL(bk_kobj_read(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kref_put_lock_forms(void)
{
	int line;

	bk_kobj_init();
	bk_kref_get(&line);
	CU_ASSERT_EQUAL(bk_kref_put_lock(&line), 0);
	CU_ASSERT_FALSE(bk_kobj_lock_held());
	CU_ASSERT_EQUAL(bk_kref_put_lock(&line), 1);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 1);
	CU_ASSERT_TRUE(bk_kobj_release_had_lock());
	CU_ASSERT_FALSE(bk_kobj_lock_held());

	bk_kobj_init();
	bk_kref_get(&line);
	CU_ASSERT_EQUAL(bk_kref_put_mutex(&line), 0);
	CU_ASSERT_EQUAL(bk_kref_put_mutex(&line), 1);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 1);
	CU_ASSERT_TRUE(bk_kobj_release_had_lock());
	CU_ASSERT_FALSE(bk_kobj_lock_held());
}

static void test_kref_put_too_many(void)
{
	int line;

	bk_kobj_init();
	CU_ASSERT_EQUAL(bk_kref_put(&line), 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_EQUAL(bk_kref_put(&line), 0);
	assert_warning_at(TXT_UNDER, line, "bk_kref_put");
	CU_ASSERT_EQUAL(bk_kobj_releases(), 1);	/* not released again */
	CU_ASSERT_EQUAL(bk_kobj_read(), SATURATED);
	CU_ASSERT_EQUAL(bk_kref_put(&line), 0);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 1);
}

static void test_kref_get_after_release(void)
{
	int line;

	bk_kobj_init();
	CU_ASSERT_EQUAL(bk_kref_put(&line), 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_ADD0, 1);
	bk_kref_get(&line);
	assert_warning_at(TXT_ADD0, line, "bk_kref_get");
	CU_ASSERT_EQUAL(bk_kobj_read(), SATURATED);
}

static void test_kref_overflow(void)
{
	int line;

	bk_kobj_init();
	bk_kobj_set(REFCOUNT_MAX);
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_SAT, 1);
	bk_kref_get(&line);
	assert_warning_at(TXT_SAT, line, "bk_kref_get");
	/*
	 * Saturated: the object leaks rather than being freed early (a put
	 * of the negative count is the kernel's underflow warning).
	 */
	kshim_expect_report(KSHIM_REPORT_WARNING, TXT_UNDER, 1);
	CU_ASSERT_EQUAL(bk_kref_put(&line), 0);
	CU_ASSERT_EQUAL(bk_kobj_read(), SATURATED);
	CU_ASSERT_EQUAL(bk_kobj_releases(), 0);
}

static CU_TestInfo refcount_tests[] = {
	{ "counting_is_silent", test_counting_is_silent },
	{ "dec_if_one_and_not_one", test_dec_if_one_and_not_one },
	{ "dec_and_lock_forms", test_dec_and_lock_forms },
	{ "addition_on_zero", test_addition_on_zero },
	{ "overflow_saturates", test_overflow_saturates },
	{ "add_overflow_saturates", test_add_overflow_saturates },
	{ "inc_not_zero_overflow", test_inc_not_zero_overflow },
	{ "underflow", test_underflow },
	{ "sub_below_zero", test_sub_below_zero },
	{ "dec_hit_zero", test_dec_hit_zero },
	{ "dec_not_one_underflow", test_dec_not_one_underflow },
	{ "once_per_kind", test_once_per_kind },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo kref_tests[] = {
	{ "release_exactly_once", test_kref_release_exactly_once },
	{ "put_lock_forms", test_kref_put_lock_forms },
	{ "put_too_many", test_kref_put_too_many },
	{ "get_after_release", test_kref_get_after_release },
	{ "overflow", test_kref_overflow },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "refcount", NULL, NULL, NULL, NULL, refcount_tests },
	{ "kref", NULL, NULL, NULL, NULL, kref_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
