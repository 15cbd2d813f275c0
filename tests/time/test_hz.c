/*
 * test_hz - the tick rate (issue 13 item 1: HZ per profile and a setting).
 * Built several times: the 6.x profile (HZ 1000), -DKSHIM_HZ=100 and
 * -DKSHIM_HZ=300 (EXPECT_HZ says which); the 2.6.35 profile's 250 is
 * test_timer26's.  Whatever HZ the program is built with, the machine's
 * jiffies count at that rate: a second of kshim's clock is HZ jiffies,
 * msleep(), schedule_timeout(), timers and timed waits agree with the
 * driver-side conversions, and INITIAL_JIFFIES is 300 s before the wrap.
 */
#include <kshim/boot.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/timer.h>

static void test_hz_is_the_programs(void)
{
	CU_ASSERT_EQUAL(HZ, EXPECT_HZ);
	CU_ASSERT_EQUAL(kshim_hz(), EXPECT_HZ);
	CU_ASSERT_EQUAL(INITIAL_JIFFIES,
			(unsigned long)(unsigned int)(-300 * EXPECT_HZ));
	CU_ASSERT_EQUAL(msecs_to_jiffies(1000), EXPECT_HZ);
	CU_ASSERT_EQUAL(jiffies_to_msecs(EXPECT_HZ), 1000);
}

static void test_a_second_is_hz_jiffies(void)
{
	unsigned long j0 = jiffies;

	kshim_advance_time(NSEC_PER_SEC);
	CU_ASSERT_EQUAL(jiffies - j0, (unsigned long)HZ);
	kshim_advance_time(10 * NSEC_PER_SEC);
	CU_ASSERT_EQUAL(jiffies - j0, 11UL * HZ);
}

static int fired;
static unsigned long fired_at;

static void tfn(struct timer_list *t)
{
	fired++;
	fired_at = jiffies;
}

static void test_timer_half_a_second(void)
{
	struct timer_list t;
	unsigned long j0 = jiffies;

	fired = 0;
	timer_setup_on_stack(&t, tfn, 0);
	mod_timer(&t, j0 + HZ / 2);
	kshim_advance_time(NSEC_PER_SEC / 2 - NSEC_PER_SEC / HZ);
	CU_ASSERT_EQUAL(fired, 0);
	kshim_advance_time(NSEC_PER_SEC / HZ);
	CU_ASSERT_EQUAL(fired, 1);
	CU_ASSERT_EQUAL(fired_at - j0, (unsigned long)HZ / 2);
	destroy_timer_on_stack(&t);
}

static void test_sleeps_in_jiffies_of_hz(void)
{
	unsigned long j0 = jiffies;
	u64 c0 = kshim_clock_ns();
	DECLARE_COMPLETION_ONSTACK(never);

	msleep(1000);			/* msecs_to_jiffies(1000) + 1 */
	CU_ASSERT_EQUAL(jiffies - j0, (unsigned long)HZ + 1);
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(HZ), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 2UL * HZ + 1);
	CU_ASSERT_EQUAL(wait_for_completion_timeout(&never, HZ / 10), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 2UL * HZ + 1 + HZ / 10);
	/* A jiffy is TICK_NSEC of the clock. */
	CU_ASSERT_EQUAL(kshim_clock_ns() - c0, (2ULL * HZ + 1 + HZ / 10) *
					       TICK_NSEC);
}

static CU_TestInfo hz_tests[] = {
	{ "hz_is_the_programs", test_hz_is_the_programs },
	{ "a_second_is_hz_jiffies", test_a_second_is_hz_jiffies },
	{ "timer_half_a_second", test_timer_half_a_second },
	{ "sleeps_in_jiffies_of_hz", test_sleeps_in_jiffies_of_hz },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "hz", NULL, NULL, NULL, NULL, hz_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
