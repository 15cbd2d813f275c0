/*
 * test_capability - capable() as kernel/capability.c (6.1) answers it for
 * a root task: every capability by default (and PF_SUPERPRIV set), what
 * the test took away with kshim_capable_set() denied until given back or
 * the test ends, and an invalid number the kernel's pr_crit() + BUG at
 * the caller's line.
 */
#include <errno.h>
#include <stdio.h>

#include <kshim/capability.h>
#include <kshim/test.h>
#include <linux/capability.h>
#include <linux/sched.h>

static void test_root_by_default(void)
{
	int cap;

	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		CU_ASSERT_TRUE(capable(cap));
	CU_ASSERT_TRUE(current->flags & PF_SUPERPRIV);
	CU_ASSERT_EQUAL(CAP_SYS_ADMIN, 21);
	CU_ASSERT_EQUAL(CAP_LAST_CAP, 40);
	CU_ASSERT_TRUE(cap_valid(CAP_BPF));
	CU_ASSERT_FALSE(cap_valid(41));
}

static void test_deny(void)
{
	CU_ASSERT_EQUAL(kshim_capable_set(CAP_SYS_ADMIN, false), 0);
	CU_ASSERT_FALSE(capable(CAP_SYS_ADMIN));
	CU_ASSERT_TRUE(capable(CAP_NET_ADMIN));
	CU_ASSERT_EQUAL(kshim_capable_set(CAP_CHECKPOINT_RESTORE, false), 0);
	CU_ASSERT_FALSE(capable(CAP_CHECKPOINT_RESTORE));
	CU_ASSERT_EQUAL(kshim_capable_set(CAP_SYS_ADMIN, true), 0);
	CU_ASSERT_TRUE(capable(CAP_SYS_ADMIN));
	CU_ASSERT_EQUAL(kshim_capable_set(-1, false), -EINVAL);
	CU_ASSERT_EQUAL(kshim_capable_set(CAP_LAST_CAP + 1, false), -EINVAL);
	/* Left denied: the next test starts with it granted. */
	CU_ASSERT_EQUAL(kshim_capable_set(CAP_NET_RAW, false), 0);
}

static void test_granted_again(void)
{
	CU_ASSERT_TRUE(capable(CAP_NET_RAW));
	CU_ASSERT_TRUE(capable(CAP_CHECKPOINT_RESTORE));
}

static void test_invalid_cap_bugs(void)
{
	char where[64];

	snprintf(where, sizeof(where), "test_capability.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_BUG, where, 1);
	(void)capable(CAP_LAST_CAP + 1);
	CU_FAIL("capable() returned after its BUG");
}

static void test_invalid_cap_message(void)
{
	kshim_expect_report(KSHIM_REPORT_BUG,
			    "capable() called with invalid cap=4294967293", 1);
	(void)capable(-3);
}

static CU_TestInfo tests[] = {
	{ "root_by_default", test_root_by_default },
	{ "deny", test_deny },
	{ "granted_again", test_granted_again },
	{ "invalid_cap_bugs", test_invalid_cap_bugs },
	{ "invalid_cap_message", test_invalid_cap_message },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "capability", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
