/*
 * test_ratelimit - lib/ratelimit.c's ___ratelimit() driven from kernel
 * code: a burst passes, the rest is missed, and the first call of the
 * next interval prints "<func>: <n> callbacks suppressed" and passes
 * again.  The end of an interval is made by moving the state's begin
 * back (what time passing does to it), so no check depends on how fast
 * the machine runs; one test sleeps past a 20 ms interval for real.
 * Also: interval 0 never limits, burst 0 always does,
 * RATELIMIT_MSG_ON_RELEASE keeps the count for ratelimit_state_exit().
 */
#include <unistd.h>

#include <kshim/test.h>
#include <kshim/time.h>

#include "printk_kernel.h"

static void test_burst_then_suppressed(void)
{
	struct ratelimit_state *rs = pk_rs_new(3600 * 1000, 3);
	int i;

	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 4);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "");

	pk_rs_age(rs);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
			       "pk_ratelimit: 4 callbacks suppressed\n");
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 0);
	/* a new burst: two more pass, then limited again */
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	/* nothing missed: a new interval prints nothing */
	pk_rs_age(rs);
	kshim_dmesg_clear();
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
			       "pk_ratelimit: 1 callbacks suppressed\n");
	pk_rs_age(rs);
	kshim_dmesg_clear();
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "");
}

static void test_interval_zero_never_limits(void)
{
	struct ratelimit_state *rs = pk_rs_new(0, 1);
	int i;

	for (i = 0; i < 100; i++)
		CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 0);
}

static void test_burst_zero_always_limits(void)
{
	struct ratelimit_state *rs = pk_rs_new(1000, 0);
	int i;

	for (i = 0; i < 5; i++)
		CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 5);
}

static void test_msg_on_release(void)
{
	struct ratelimit_state *rs = pk_rs_new(3600 * 1000, 1);
	char want[128];

	pk_rs_on_release(rs);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	pk_rs_age(rs);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "");
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 2);
	pk_rs_exit(rs);
	snprintf(want, sizeof(want),
		 ": 2 output lines suppressed due to ratelimiting\n");
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	CU_ASSERT_EQUAL(pk_rs_missed(rs), 0);
}

/* After the interval has passed (kernel time: jiffies), the burst is
 * back; real time alone moves nothing. */
static void test_interval_passes(void)
{
	struct ratelimit_state *rs = pk_rs_new(20, 1);

	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
	usleep(40 * 1000);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 0);
	kshim_advance_time(40 * 1000 * 1000);
	CU_ASSERT_EQUAL(pk_ratelimit(rs), 1);
}

static CU_TestInfo tests[] = {
	{ "burst_then_suppressed", test_burst_then_suppressed },
	{ "interval_zero_never_limits", test_interval_zero_never_limits },
	{ "burst_zero_always_limits", test_burst_zero_always_limits },
	{ "msg_on_release", test_msg_on_release },
	{ "interval_passes", test_interval_passes },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "ratelimit", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
