/*
 * test_static_key - static keys (linux/jump_label.h) as kernel/jump_label.c
 * of 6.1.y counts them: DEFINE_STATIC_KEY_TRUE/FALSE, static_branch_*(),
 * inc/dec nesting, enable/disable, the old static_key_true/false() API;
 * the WARN_ON_ONCE of a decrement at 0 (named at the caller's line, the
 * count left at 0), of enable() on a counted key and disable() of one;
 * might_sleep() of every update under a spinlock, including the
 * _cpuslocked forms that change the branch direction.
 */
#include <stdio.h>

#include <kshim/test.h>
#include <linux/jump_label.h>
#include <linux/spinlock.h>

DEFINE_STATIC_KEY_FALSE(key_off);
DEFINE_STATIC_KEY_TRUE(key_on);
DECLARE_STATIC_KEY_FALSE(key_off);
DEFINE_STATIC_KEY_ARRAY_FALSE(key_array, 3);
static struct static_key old_key = STATIC_KEY_INIT_FALSE;
static struct static_key old_key_on = STATIC_KEY_INIT_TRUE;
static DEFINE_SPINLOCK(lock);

static void test_initial_state(void)
{
	CU_ASSERT_FALSE(static_branch_unlikely(&key_off));
	CU_ASSERT_FALSE(static_branch_likely(&key_off));
	CU_ASSERT_TRUE(static_branch_likely(&key_on));
	CU_ASSERT_TRUE(static_branch_unlikely(&key_on));
	CU_ASSERT_FALSE(static_key_enabled(&key_off));
	CU_ASSERT_TRUE(static_key_enabled(&key_on.key));
	CU_ASSERT_FALSE(static_key_enabled(&key_array[2]));
	CU_ASSERT_FALSE(static_key_false(&old_key));
	CU_ASSERT_TRUE(static_key_true(&old_key_on));
	CU_ASSERT_EQUAL(static_key_count(&key_on.key), 1);
}

static void test_inc_dec(void)
{
	unsigned int i;

	for (i = 0; i < 5; i++) {
		static_branch_inc(&key_off);
		CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
	}
	CU_ASSERT_EQUAL(static_key_count(&key_off.key), 5);
	for (i = 0; i < 4; i++)
		static_branch_dec(&key_off);
	CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
	static_branch_dec(&key_off);
	CU_ASSERT_FALSE(static_branch_unlikely(&key_off));
	CU_ASSERT_TRUE(static_key_slow_inc(&old_key));
	CU_ASSERT_TRUE(static_key_false(&old_key));
	static_key_slow_dec(&old_key);
	CU_ASSERT_FALSE(static_key_false(&old_key));
	static_branch_dec(&key_on);		/* TRUE keys count down too */
	CU_ASSERT_FALSE(static_branch_likely(&key_on));
	static_branch_inc_cpuslocked(&key_on);
	CU_ASSERT_TRUE(static_branch_likely(&key_on));
	static_branch_dec_cpuslocked(&key_on);
	CU_ASSERT_FALSE(static_key_enabled(&key_on));
}

static void test_enable_disable(void)
{
	static_branch_enable(&key_off);
	CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
	static_branch_enable(&key_off);		/* idempotent */
	CU_ASSERT_EQUAL(static_key_count(&key_off.key), 1);
	static_branch_disable(&key_off);
	CU_ASSERT_FALSE(static_branch_unlikely(&key_off));
	static_branch_disable(&key_off);	/* idempotent */
	static_branch_enable_cpuslocked(&key_array[1]);
	CU_ASSERT_TRUE(static_key_enabled(&key_array[1]));
	CU_ASSERT_FALSE(static_key_enabled(&key_array[0]));
	static_branch_disable_cpuslocked(&key_array[1]);
	CU_ASSERT_FALSE(static_key_enabled(&key_array[1]));
	static_key_enable(&old_key);
	CU_ASSERT_TRUE(static_key_enabled(&old_key));
	static_key_disable(&old_key);
	CU_ASSERT_FALSE(static_key_enabled(&old_key));
}

/* static_key_dec_not_one(): WARN_ON_ONCE(v == 0), count stays 0. */
static void test_dec_underflow_warns(void)
{
	char where[64];

	snprintf(where, sizeof(where), "test_static_key.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_WARNING, where, 1);
	static_branch_dec(&key_off);
	CU_ASSERT_EQUAL(static_key_count(&key_off.key), 0);
	CU_ASSERT_FALSE(static_branch_unlikely(&key_off));
	static_branch_dec(&key_off);		/* _ONCE */
	static_branch_inc(&key_off);		/* still works */
	CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
	static_branch_dec(&key_off);
}

static void test_enable_counted_warns(void)
{
	char where[64];

	static_branch_inc(&key_off);
	static_branch_inc(&key_off);
	snprintf(where, sizeof(where), "test_static_key.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_WARNING, where, 1);
	static_branch_enable(&key_off);
	CU_ASSERT_EQUAL(static_key_count(&key_off.key), 2);
	snprintf(where, sizeof(where), "test_static_key.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_WARNING, where, 1);
	static_branch_disable(&key_off);	/* count 2: not disabled */
	CU_ASSERT_EQUAL(static_key_count(&key_off.key), 2);
	static_branch_dec(&key_off);
	static_branch_dec(&key_off);
	CU_ASSERT_FALSE(static_key_enabled(&key_off));
}

/* Updates take cpus_read_lock() and jump_label_mutex: they sleep. */
static void test_update_in_atomic(void)
{
	char where[64];

	snprintf(where, sizeof(where), "test_static_key.c:%d", __LINE__ + 3);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, where, 1);
	spin_lock(&lock);
	static_branch_enable(&key_off);
	spin_unlock(&lock);
	CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
}

/* Reading a key never sleeps; a _cpuslocked count move neither. */
static void test_read_in_atomic_is_fine(void)
{
	static_branch_inc(&key_off);
	spin_lock(&lock);
	CU_ASSERT_TRUE(static_branch_unlikely(&key_off));
	CU_ASSERT_FALSE(static_branch_likely(&key_array[0]));
	static_branch_inc_cpuslocked(&key_off);	/* 1 -> 2: no mutex */
	static_branch_dec_cpuslocked(&key_off);	/* 2 -> 1: no mutex */
	spin_unlock(&lock);
	static_branch_dec(&key_off);
}

static CU_TestInfo tests[] = {
	{ "initial_state", test_initial_state },
	{ "inc_dec", test_inc_dec },
	{ "enable_disable", test_enable_disable },
	{ "dec_underflow_warns", test_dec_underflow_warns },
	{ "enable_counted_warns", test_enable_counted_warns },
	{ "update_in_atomic", test_update_in_atomic },
	{ "read_in_atomic_is_fine", test_read_in_atomic_is_fine },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "static_key", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
