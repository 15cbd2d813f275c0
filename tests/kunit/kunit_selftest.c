// SPDX-License-Identifier: GPL-2.0
/*
 * kunit_selftest - KUnit suites written in the kernel's style that pass,
 * fail, skip and misbehave on purpose.  Not run by make check directly:
 * tests/kunit/test_kunit.c runs the program and checks every verdict and
 * every line of KUnit's text against the kernel's (built once for the
 * default profile and once for 6.1, whose integer values have no hex).
 * "LINE:<name>" markers let the checker find the lines reports must name.
 */
#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/static_stub.h>
#endif

/* ---- everything passes: silence ---- */

static __maybe_unused int answer(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	KUNIT_STATIC_STUB_REDIRECT(answer);
#endif
	return 42;
}

static void pass_every_form(struct kunit *test)
{
	int a = 3, b = 4;
	const char *s = "abc";
	void *p = &a;

	KUNIT_SUCCEED(test);
	KUNIT_EXPECT_TRUE(test, a < b);
	KUNIT_EXPECT_FALSE(test, a > b);
	KUNIT_EXPECT_EQ(test, a, 3);
	KUNIT_EXPECT_NE(test, a, b);
	KUNIT_EXPECT_LT(test, a, b);
	KUNIT_EXPECT_LE(test, a, 3);
	KUNIT_EXPECT_GT(test, b, a);
	KUNIT_EXPECT_GE(test, b, 4);
	KUNIT_EXPECT_PTR_EQ(test, p, (void *)&a);
	KUNIT_EXPECT_PTR_NE(test, p, (void *)&b);
	KUNIT_EXPECT_NULL(test, NULL);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, p);
	KUNIT_EXPECT_STREQ(test, s, "abc");
	KUNIT_EXPECT_STRNEQ(test, s, "abd");
	KUNIT_EXPECT_EQ_MSG(test, a, 3, "a is %d", a);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	KUNIT_EXPECT_MEMEQ(test, s, "abc", 3);
	KUNIT_EXPECT_MEMNEQ(test, s, "abd", 3);
	KUNIT_ASSERT_MEMEQ(test, s, "abc", 4);
#endif
	KUNIT_ASSERT_TRUE(test, true);
	KUNIT_ASSERT_EQ(test, b, 4);
	KUNIT_ASSERT_PTR_EQ(test, p, (void *)&a);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	KUNIT_ASSERT_STREQ(test, s, "abc");
}

static void pass_resources(struct kunit *test)
{
	int *x = kunit_kzalloc(test, sizeof(*x), GFP_KERNEL);
	char *y = kunit_kmalloc_array(test, 4, 8, GFP_KERNEL);
	u32 *z = kunit_kcalloc(test, 16, sizeof(*z), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, x);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, y);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, z);
	KUNIT_EXPECT_EQ(test, *x, 0);
	KUNIT_EXPECT_EQ(test, z[15], 0);
	kunit_kfree(test, y);	/* the rest goes at the case's end */
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
static void bump(void *ctx)
{
	(*(int *)ctx)++;
}

static void pass_actions(struct kunit *test)
{
	int n = 0;

	KUNIT_ASSERT_EQ(test, kunit_add_action(test, bump, &n), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, bump, &n), 0);
	kunit_release_action(test, bump, &n);
	KUNIT_EXPECT_EQ(test, n, 1);
	kunit_remove_action(test, bump, &n);	/* forgotten, never called */
	KUNIT_EXPECT_EQ(test, n, 1);
}
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
static int answer_stub(void)
{
	return 7;
}

static void pass_static_stub(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, answer(), 42);
	kunit_activate_static_stub(test, answer, answer_stub);
	KUNIT_EXPECT_EQ(test, answer(), 7);
	kunit_deactivate_static_stub(test, answer);
	KUNIT_EXPECT_EQ(test, answer(), 42);
	kunit_activate_static_stub(test, answer, answer_stub);
	/* still active at the end: gone for the next case */
}

static void pass_stub_is_per_case(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, answer(), 42);
}
#endif

static int named_value;

static void pass_named_resource(struct kunit *test)
{
	static struct kunit_resource res;
	struct kunit_resource *found;

	KUNIT_ASSERT_EQ(test, kunit_add_named_resource(test, NULL, NULL, &res,
						       "answer", &named_value),
			0);
	KUNIT_EXPECT_EQ(test, kunit_add_named_resource(test, NULL, NULL, &res,
						       "answer", &named_value),
			-EEXIST);
	found = kunit_find_named_resource(test, "answer");
	KUNIT_ASSERT_NOT_NULL(test, found);
	KUNIT_EXPECT_PTR_EQ(test, found->data, (void *)&named_value);
	kunit_put_resource(found);
	KUNIT_EXPECT_EQ(test, kunit_destroy_named_resource(test, "answer"), 0);
	KUNIT_EXPECT_NULL(test, kunit_find_named_resource(test, "answer"));
}

struct widget {
	int size;
	const char *name;
};

static const struct widget widgets[] = {
	{ 1, "one" }, { 2, "two" }, { 3, "three" },
};

static void widget_desc(const struct widget *w, char *desc)
{
	strscpy(desc, w->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(widgets, widgets, widget_desc);

static void pass_params(struct kunit *test)
{
	const struct widget *w = test->param_value;

	KUNIT_EXPECT_EQ(test, w->size, test->param_index + 1);
}

static int pass_inits;
static int *pass_suite_data;

static int pass_suite_init(struct kunit_suite *suite)
{
	pass_suite_data = kmalloc(sizeof(*pass_suite_data), GFP_KERNEL);
	if (!pass_suite_data)
		return -ENOMEM;
	*pass_suite_data = 5;
	return 0;
}

static void pass_suite_exit(struct kunit_suite *suite)
{
	kfree(pass_suite_data);
}

static int pass_init(struct kunit *test)
{
	pass_inits++;
	test->priv = pass_suite_data;
	return 0;
}

/* Each case sees suite_init's data and its own init, not another's. */
static void pass_suite_state(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, test->priv, (void *)pass_suite_data);
	KUNIT_EXPECT_EQ(test, *pass_suite_data, 5);
	KUNIT_EXPECT_EQ(test, pass_inits, 1);
	(*pass_suite_data)++;	/* the next case's process does not see it */
}

static void pass_suite_state_again(struct kunit *test)
{
	pass_suite_state(test);
}

static struct kunit_case pass_cases[] = {
	KUNIT_CASE(pass_every_form),
	KUNIT_CASE(pass_resources),
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
	KUNIT_CASE(pass_actions),
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	KUNIT_CASE(pass_static_stub),
	KUNIT_CASE(pass_stub_is_per_case),
#endif
	KUNIT_CASE(pass_named_resource),
	KUNIT_CASE_PARAM(pass_params, widgets_gen_params),
	KUNIT_CASE(pass_suite_state),
	KUNIT_CASE(pass_suite_state_again),
	{}
};

static struct kunit_suite pass_suite = {
	.name = "kunit_pass",
	.suite_init = pass_suite_init,
	.suite_exit = pass_suite_exit,
	.init = pass_init,
	.test_cases = pass_cases,
};

/* ---- failures on purpose: each text is the kernel's ---- */

static void fail_expect_eq(struct kunit *test)
{
	int a = 3;

	KUNIT_EXPECT_EQ(test, a, 4); /* LINE:fail_expect_eq */
	kunit_info(test, "still running after the expectation");
}

static void fail_every_expect(struct kunit *test)
{
	int a = 3, b = 4;
	const char *s = "abc";
	void *n = NULL, *e = ERR_PTR(-EIO);

	KUNIT_EXPECT_TRUE(test, a > b); /* LINE:every_true */
	KUNIT_EXPECT_FALSE(test, a < b); /* LINE:every_false */
	KUNIT_EXPECT_NE(test, a, 3); /* LINE:every_ne */
	KUNIT_EXPECT_LT(test, b, a); /* LINE:every_lt */
	KUNIT_EXPECT_LE(test, b, a); /* LINE:every_le */
	KUNIT_EXPECT_GT(test, a, b); /* LINE:every_gt */
	KUNIT_EXPECT_GE(test, a, b); /* LINE:every_ge */
	KUNIT_EXPECT_NULL(test, s); /* LINE:every_null */
	KUNIT_EXPECT_NOT_NULL(test, n); /* LINE:every_not_null */
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, n); /* LINE:every_err_null */
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, e); /* LINE:every_err */
	KUNIT_EXPECT_STREQ(test, s, "abd"); /* LINE:every_streq */
	KUNIT_EXPECT_STRNEQ(test, s, "abc"); /* LINE:every_strneq */
	KUNIT_EXPECT_EQ_MSG(test, a, b, "widgets: %d", 7); /* LINE:every_msg */
	KUNIT_FAIL(test, "plain failure %d", 9); /* LINE:every_fail */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	KUNIT_EXPECT_MEMEQ(test, s, "abd", 3); /* LINE:every_memeq */
#endif
}

static void fail_assert_ends_case(struct kunit *test)
{
	KUNIT_ASSERT_GT(test, 1, 2); /* LINE:fail_assert */
	kunit_info(test, "not reached");
}

static __maybe_unused void freed(void *ctx)
{
	pr_info("kunit_selftest: action ran after the aborted case\n");
}

/* The assertion ends the case; its memory and actions still go. */
static void fail_assert_frees_resources(struct kunit *test)
{
	void *p = kunit_kmalloc(test, 100, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, freed, NULL), 0);
#endif
	KUNIT_ASSERT_PTR_EQ(test, p, NULL); /* LINE:fail_frees */
}

static void fail_params(struct kunit *test)
{
	const struct widget *w = test->param_value;

	KUNIT_EXPECT_NE(test, w->size, 2); /* LINE:fail_params */
}

static void fail_leaks_page(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, alloc_page(GFP_KERNEL)); /* LINE:leaks_page */
}

static DEFINE_SPINLOCK(held_lock);

static void fail_holds_spinlock(struct kunit *test)
{
	spin_lock(&held_lock);
}

static void fail_unexpected_warn(struct kunit *test)
{
	WARN_ON(1); /* LINE:fail_warn */
}

static void fail_kfree_foreign(struct kunit *test)
{
	static int x;

	kunit_kfree(test, &x); /* the text names kunit's own line */
}

/* Code under test failing the case that runs it (kunit/test-bug.h). */
static void driver_helper(int v)
{
	if (v != 1)
		kunit_fail_current_test("bad value %d", v); /* LINE:fail_current */
}

static void fail_current_test(struct kunit *test)
{
	driver_helper(2);
}

static void skip_case(struct kunit *test)
{
	kunit_skip(test, "no widget on this machine");
	KUNIT_FAIL(test, "not reached");
}

static void mark_skipped_case(struct kunit *test)
{
	kunit_mark_skipped(test, "marked, %s", "continues");
	kunit_info(test, "after the mark");
}

static struct kunit_case fail_cases[] = {
	KUNIT_CASE(fail_expect_eq),
	KUNIT_CASE(fail_every_expect),
	KUNIT_CASE(fail_assert_ends_case),
	KUNIT_CASE(fail_assert_frees_resources),
	KUNIT_CASE_PARAM(fail_params, widgets_gen_params),
	KUNIT_CASE(fail_leaks_page),
	KUNIT_CASE(fail_holds_spinlock),
	KUNIT_CASE(fail_unexpected_warn),
	KUNIT_CASE(fail_kfree_foreign),
	KUNIT_CASE(fail_current_test),
	KUNIT_CASE(skip_case),
	KUNIT_CASE(mark_skipped_case),
	{}
};

static struct kunit_suite fail_suite = {
	.name = "kunit_fail",
	.test_cases = fail_cases,
};

/* ---- init failures ---- */

static int failing_init(struct kunit *test)
{
	return -ENOMEM;
}

static void never_body(struct kunit *test)
{
	KUNIT_FAIL(test, "the case ran although init failed");
}

static struct kunit_case init_cases[] = {
	KUNIT_CASE(never_body),
	{}
};

static struct kunit_suite init_fail_suite = {
	.name = "kunit_init_fail",
	.init = failing_init,
	.test_cases = init_cases,
};

static int failing_suite_init(struct kunit_suite *suite)
{
	return -EINVAL;
}

static struct kunit_suite suite_init_fail_suite = {
	.name = "kunit_suite_init_fail",
	.suite_init = failing_suite_init,
	.test_cases = init_cases,
};

kunit_test_suites(&pass_suite, &fail_suite, &init_fail_suite,
		  &suite_init_fail_suite);

MODULE_LICENSE("GPL");
