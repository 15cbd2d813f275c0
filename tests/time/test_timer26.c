/*
 * test_timer26 - the timer API of a 2.6.35 driver (KSHIM_LINUX_VERSION_CODE
 * 2.6.35): init_timer() then .function/.data/.expires and add_timer(),
 * setup_timer(), DEFINE_TIMER(name, fn, expires, data); the callback gets
 * .data and runs in softirq context when kshim's clock reaches it.  The
 * profile's HZ is Ubuntu 10.10's 250: a jiffy is 4 ms of kshim's clock.
 */
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/timer.h>

static unsigned long got_data;
static int fired;
static bool in_softirq_ctx;

static void old_fn(unsigned long data)
{
	got_data = data;
	fired++;
	in_softirq_ctx = in_softirq();
}

static DEFINE_TIMER(static_old, old_fn, 0, 77);

static void test_init_timer_fields(void)
{
	struct timer_list t;

	fired = 0;
	init_timer_on_stack(&t);
	t.function = old_fn;
	t.data = 42;
	t.expires = jiffies + 3;
	add_timer(&t);
	CU_ASSERT_TRUE(timer_pending(&t));
	kshim_advance_time(2 * TICK_NSEC);
	CU_ASSERT_EQUAL(fired, 0);
	kshim_advance_time(TICK_NSEC);
	CU_ASSERT_EQUAL(fired, 1);
	CU_ASSERT_EQUAL(got_data, 42);
	CU_ASSERT_TRUE(in_softirq_ctx);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_setup_timer_and_define_timer(void)
{
	struct timer_list t;

	fired = 0;
	setup_timer_on_stack(&t, old_fn, 9);
	mod_timer(&t, jiffies + 1);
	CU_ASSERT_EQUAL(del_timer_sync(&t), 1);
	mod_timer(&t, jiffies + 1);
	kshim_advance_time(TICK_NSEC);
	CU_ASSERT_EQUAL(got_data, 9);
	mod_timer(&static_old, jiffies + 1);
	kshim_advance_time(TICK_NSEC);
	CU_ASSERT_EQUAL(got_data, 77);
	CU_ASSERT_EQUAL(fired, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_hz_250(void)
{
	unsigned long j0 = jiffies;

	CU_ASSERT_EQUAL(HZ, 250);
	CU_ASSERT_EQUAL(msecs_to_jiffies(1000), 250);
	kshim_advance_time(NSEC_PER_SEC);
	CU_ASSERT_EQUAL(jiffies - j0, 250UL);
	kshim_advance_time(4 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(jiffies - j0, 251UL);
}

static CU_TestInfo tests[] = {
	{ "hz_250", test_hz_250 },
	{ "init_timer_fields", test_init_timer_fields },
	{ "setup_timer_and_define_timer", test_setup_timer_and_define_timer },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "timer26", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
