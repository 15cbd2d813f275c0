/*
 * test_timer - kshim's virtual clock and the kernel's timers
 * (linux/timer.h, kshim/time.h, issue 13):
 *  - the clock moves only when the test advances it or a task sleeps:
 *    jiffies, ktime_get*(), local_clock() agree; msleep(60000) returns at
 *    once, after a timer armed for 59 s has fired;
 *  - callbacks run in softirq context on the CPU that armed them, in
 *    order of expiry, a re-armed timer again one jiffy later at the soonest;
 *  - mod_timer()/del_timer()/timer_reduce()/mod_timer_pending() return
 *    what the kernel's do; timer_shutdown_sync() makes arming a no-op;
 *  - the kernel's checks, with its text and the test's line: add_timer()
 *    of a pending timer (WARN_ON_ONCE), del_timer_sync() from hardirq
 *    without TIMER_IRQSAFE (WARN_ON), sleeping in a callback ("BUG:
 *    scheduling while atomic"), a timer still armed at test end (ledger,
 *    naming the arming line); correct use of each stays silent.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <kshim/context.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/timer.h>

#include "common/expect_bug.h"

struct tdev {
	struct timer_list timer;
	int fired;
	unsigned long fired_at[16];
	int cpu;
	bool softirq;
	bool hardirq;
	int rearm;		/* re-arm this many more times, +period */
	unsigned long period;
};

static void tdev_fn(struct timer_list *t)
{
	struct tdev *d = from_timer(d, t, timer);

	if (d->fired < 16)
		d->fired_at[d->fired] = jiffies;
	d->fired++;
	d->cpu = raw_smp_processor_id();
	d->softirq = in_serving_softirq();
	d->hardirq = in_hardirq();
	if (d->rearm-- > 0)
		mod_timer(&d->timer, jiffies + d->period);
}

/* ---- the clock ---- */

static void test_clock_is_virtual(void)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	unsigned long j0 = jiffies;
	u64 c0 = kshim_clock_ns();
	ktime_t k0 = ktime_get();

	/* Real time passes; the clock does not. */
	nanosleep(&pause, NULL);
	CU_ASSERT_EQUAL(kshim_clock_ns(), c0);
	CU_ASSERT_EQUAL(jiffies, j0);
	CU_ASSERT_EQUAL(ktime_get(), k0);

	kshim_advance_time(1500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(kshim_clock_ns(), c0 + 1500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(ktime_get_ns(), c0 + 1500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(local_clock(), c0 + 1500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(ktime_us_delta(ktime_get(), k0), 1500);
	CU_ASSERT_TRUE(time_after_eq(jiffies, j0 + 1));
	kshim_advance_time(10 * NSEC_PER_SEC);
	CU_ASSERT_TRUE(time_after(jiffies, j0 + 10 * HZ));
	CU_ASSERT_TRUE(time_before(j0, jiffies));
	CU_ASSERT_TRUE(time_is_before_jiffies(j0 + 10 * HZ));
	CU_ASSERT_TRUE(time_after64(get_jiffies_64(), (u64)j0));
	/* The wall clock moves with it. */
	CU_ASSERT_EQUAL(ktime_get_real() - ktime_get(),
			ktime_mono_to_real(0));
	CU_ASSERT_EQUAL(ktime_get_clocktai() - ktime_get_real(),
			37LL * NSEC_PER_SEC);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_jiffies_start_before_the_wrap(void)
{
	/* INITIAL_JIFFIES: 5 minutes before the 32-bit wrap. */
	CU_ASSERT_EQUAL(INITIAL_JIFFIES, 0xfffb6c20UL);
	CU_ASSERT_EQUAL(msecs_to_jiffies(1000), HZ);
	CU_ASSERT_EQUAL(msecs_to_jiffies(-1), MAX_JIFFY_OFFSET);
	CU_ASSERT_EQUAL(usecs_to_jiffies(1), 1);
	CU_ASSERT_EQUAL(jiffies_to_msecs(HZ), 1000);
	CU_ASSERT_EQUAL(nsecs_to_jiffies(5 * NSEC_PER_MSEC), 5);
	CU_ASSERT_EQUAL(TICK_NSEC, NSEC_PER_MSEC);
}

static void test_ktime_arithmetic(void)
{
	ktime_t a = ms_to_ktime(1500), b = ns_to_ktime(500000000ULL);
	struct timespec64 ts;

	CU_ASSERT_EQUAL(ktime_to_ns(ktime_add(a, b)), 2000000000LL);
	CU_ASSERT_EQUAL(ktime_to_ms(ktime_sub(a, b)), 1000);
	CU_ASSERT_EQUAL(ktime_compare(a, b), 1);
	CU_ASSERT_EQUAL(ktime_compare(b, a), -1);
	CU_ASSERT_EQUAL(ktime_compare(a, a), 0);
	CU_ASSERT_TRUE(ktime_after(a, b));
	CU_ASSERT_TRUE(ktime_before(b, a));
	CU_ASSERT_EQUAL(ktime_set(1, 5), 1000000005LL);
	CU_ASSERT_EQUAL(ktime_set(KTIME_SEC_MAX, 0), KTIME_MAX);
	CU_ASSERT_EQUAL(ktime_add_safe(KTIME_MAX, a), KTIME_MAX);
	CU_ASSERT_EQUAL(ktime_add_us(0, 3), 3000);
	CU_ASSERT_EQUAL(ktime_ms_delta(a, b), 1000);
	ts = ktime_to_timespec64(a);
	CU_ASSERT_EQUAL(ts.tv_sec, 1);
	CU_ASSERT_EQUAL(ts.tv_nsec, 500000000L);
	CU_ASSERT_EQUAL(timespec64_to_ktime(ts), a);
}

/* The test the issue asks for: a long sleep costs no real time. */
static void test_msleep_60s_fires_59s_timer(void)
{
	struct tdev d = { 0 };
	unsigned long j0 = jiffies;
	u64 c0 = kshim_clock_ns();

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	mod_timer(&d.timer, j0 + 59 * HZ);
	msleep(58000);
	CU_ASSERT_EQUAL(d.fired, 0);
	CU_ASSERT_TRUE(timer_pending(&d.timer));
	msleep(2000);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(d.fired_at[0], j0 + 59 * HZ);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
	CU_ASSERT_TRUE(kshim_clock_ns() >= c0 + 60 * NSEC_PER_SEC);
	/* msleep(ms) sleeps ms + 1 jiffies, as the kernel's. */
	CU_ASSERT_TRUE(time_after_eq(jiffies, j0 + 60 * HZ + 2));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_schedule_timeout_and_usleep_are_virtual(void)
{
	struct tdev d = { 0 };
	unsigned long j0 = jiffies;

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	mod_timer(&d.timer, j0 + 30 * HZ);
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(3600 * HZ), 0);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_TRUE(time_after_eq(jiffies, j0 + 3600 * HZ));
	j0 = jiffies;
	usleep_range(5000, 6000);
	CU_ASSERT_TRUE(time_after_eq(jiffies, j0 + 5));
	j0 = jiffies;
	mdelay(7);
	CU_ASSERT_EQUAL(jiffies, j0 + 7);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- timers ---- */

static void test_callback_in_softirq_on_arming_cpu(void)
{
	struct tdev d = { 0 };

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	d.cpu = -1;
	mod_timer(&d.timer, jiffies + 10);
	kshim_advance_time(9 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 0);
	kshim_advance_time(1 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(d.cpu, 0);
	CU_ASSERT_TRUE(d.softirq);
	CU_ASSERT_FALSE(d.hardirq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void arm_here(void *info)
{
	struct tdev *d = info;

	mod_timer(&d->timer, jiffies + 5);
}

static void test_callback_on_other_cpu(void)
{
	struct tdev d = { 0 };

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	d.cpu = -1;
	/* Armed from CPU 2's interrupt: it fires on CPU 2. */
	CU_ASSERT_EQUAL(smp_call_function_single(2, arm_here, &d, 1), 0);
	CU_ASSERT_TRUE(timer_pending(&d.timer));
	kshim_advance_time(5 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(d.cpu, 2);
	CU_ASSERT_TRUE(d.softirq);
	/* add_timer_on() names the CPU. */
	d.timer.expires = jiffies + 1;
	add_timer_on(&d.timer, 3);
	kshim_run_timers();
	CU_ASSERT_EQUAL(d.fired, 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 2);
	CU_ASSERT_EQUAL(d.cpu, 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_order_and_rearm(void)
{
	struct tdev a = { 0 }, b = { 0 }, p = { 0 };

	timer_setup_on_stack(&a.timer, tdev_fn, 0);
	timer_setup_on_stack(&b.timer, tdev_fn, 0);
	timer_setup_on_stack(&p.timer, tdev_fn, TIMER_DEFERRABLE);
	mod_timer(&b.timer, jiffies + 20);
	mod_timer(&a.timer, jiffies + 10);
	p.rearm = 4;
	p.period = 7;
	mod_timer(&p.timer, jiffies + 7);
	kshim_advance_time(100 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(a.fired, 1);
	CU_ASSERT_EQUAL(b.fired, 1);
	CU_ASSERT_EQUAL(b.fired_at[0] - a.fired_at[0], 10);
	/* A periodic timer fires at each period along one advance. */
	CU_ASSERT_EQUAL(p.fired, 5);
	CU_ASSERT_EQUAL(p.fired_at[4] - p.fired_at[0], 28);
	CU_ASSERT_FALSE(timer_pending(&p.timer));

	/* Due now (or in the past): kshim_run_timers() fires it. */
	mod_timer(&a.timer, jiffies - 5);
	kshim_run_timers();
	CU_ASSERT_EQUAL(a.fired, 2);

	/*
	 * This jiffy's timers ran: one armed for it now (or by a callback)
	 * is due at the next tick, as in the kernel.
	 */
	p.rearm = 1;
	p.period = 0;
	p.fired = 0;
	mod_timer(&p.timer, jiffies);
	kshim_run_timers();
	CU_ASSERT_EQUAL(p.fired, 0);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(p.fired, 1);
	CU_ASSERT_TRUE(timer_pending(&p.timer));
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(p.fired, 2);
	CU_ASSERT_EQUAL(p.fired_at[1] - p.fired_at[0], 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_return_values(void)
{
	struct tdev d = { 0 };

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
	CU_ASSERT_EQUAL(mod_timer_pending(&d.timer, jiffies + 5), 0);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
	CU_ASSERT_EQUAL(mod_timer(&d.timer, jiffies + 50), 0);
	CU_ASSERT_EQUAL(mod_timer(&d.timer, jiffies + 50), 1);
	CU_ASSERT_EQUAL(mod_timer_pending(&d.timer, jiffies + 40), 1);
	CU_ASSERT_EQUAL(d.timer.expires, jiffies + 40);
	/* timer_reduce() only brings it forward. */
	CU_ASSERT_EQUAL(timer_reduce(&d.timer, jiffies + 60), 1);
	CU_ASSERT_EQUAL(d.timer.expires, jiffies + 40);
	CU_ASSERT_EQUAL(timer_reduce(&d.timer, jiffies + 20), 1);
	CU_ASSERT_EQUAL(d.timer.expires, jiffies + 20);
	CU_ASSERT_EQUAL(del_timer(&d.timer), 1);
	CU_ASSERT_EQUAL(del_timer(&d.timer), 0);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
	d.timer.expires = jiffies + 3;
	add_timer(&d.timer);
	CU_ASSERT_EQUAL(try_to_del_timer_sync(&d.timer), 1);
	add_timer(&d.timer);
	CU_ASSERT_EQUAL(del_timer_sync(&d.timer), 1);
	CU_ASSERT_EQUAL(del_timer_sync(&d.timer), 0);
	CU_ASSERT_EQUAL(timer_delete_sync(&d.timer), 0);
	kshim_advance_time(10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 0);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_shutdown_makes_arming_a_no_op(void)
{
	struct tdev d = { 0 };

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	mod_timer(&d.timer, jiffies + 5);
	CU_ASSERT_EQUAL(timer_shutdown_sync(&d.timer), 1);
	CU_ASSERT_EQUAL(mod_timer(&d.timer, jiffies + 5), 0);
	add_timer(&d.timer);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
	kshim_advance_time(10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 0);
	/* timer_setup() makes it usable again. */
	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	mod_timer(&d.timer, jiffies + 5);
	kshim_advance_time(5 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static DEFINE_TIMER(static_timer, NULL);
static int static_fired;

static void static_fn(struct timer_list *t)
{
	CU_ASSERT_PTR_EQUAL(t, &static_timer);
	static_fired++;
}

static void test_define_timer(void)
{
	static_fired = 0;
	static_timer.function = static_fn;
	mod_timer(&static_timer, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(static_fired, 1);
}

/* ---- the kernel's checks ---- */

static void test_add_timer_pending_warns(void)
{
	struct tdev d = { 0 };

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "add_pending");
	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	d.timer.expires = jiffies + 5;
	add_timer(&d.timer);
	d.timer.expires = jiffies + 50;
	add_timer(&d.timer); /* LINE:add_pending */
	/* Nothing changed: it fires at the first expiry only. */
	kshim_advance_time(5 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_FALSE(timer_pending(&d.timer));
}

static void test_add_timer_not_pending_silent(void)
{
	struct tdev d = { 0 };

	timer_setup_on_stack(&d.timer, tdev_fn, 0);
	d.timer.expires = jiffies + 5;
	add_timer(&d.timer);
	kshim_advance_time(5 * NSEC_PER_MSEC);
	d.timer.expires = jiffies + 5;
	add_timer(&d.timer);
	CU_ASSERT_EQUAL(del_timer_sync(&d.timer), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct tdev hard;

static void del_sync_in_hardirq(void *arg)
{
	del_timer_sync(&hard.timer); /* LINE:del_sync_hardirq */
}

static void test_del_timer_sync_in_hardirq_warns(void)
{
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "del_sync_hardirq");
	timer_setup(&hard.timer, tdev_fn, 0);
	mod_timer(&hard.timer, jiffies + 5);
	kshim_run_in_hardirq(del_sync_in_hardirq, NULL);
	CU_ASSERT_FALSE(timer_pending(&hard.timer));
}

static void test_del_timer_sync_irqsafe_in_hardirq_silent(void)
{
	timer_setup(&hard.timer, tdev_fn, TIMER_IRQSAFE);
	mod_timer(&hard.timer, jiffies + 5);
	kshim_run_in_hardirq(del_sync_in_hardirq, NULL);
	CU_ASSERT_FALSE(timer_pending(&hard.timer));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void sleepy_fn(struct timer_list *t)
{
	msleep(1); /* LINE:sleep_in_timer */
}

static void test_sleep_in_callback_reports(void)
{
	struct timer_list t;

	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC,
			    "BUG: scheduling while atomic: ", 1);
	/*
	 * schedule() left preempt_count 0, as the kernel's does:
	 * call_timer_fn() warns and puts it back.
	 */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "timer: sleepy_fn+0x0/0x", 1);

	timer_setup_on_stack(&t, sleepy_fn, 0);
	mod_timer(&t, jiffies + 1);
	kshim_advance_time(NSEC_PER_MSEC);
	CU_ASSERT_PTR_NOT_NULL(assert_report_at_in(__FILE__,
						   KSHIM_REPORT_SCHEDULE_ATOMIC,
						   "sleep_in_timer"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      " preempt leak: 00000100 -> 00000000\n"));
	CU_ASSERT_FALSE(timer_pending(&t));
}

static struct tdev leaked;

/* del_timer_sync() from the timer's own callback: the kernel spins for
 * ever; kshim reports a lockup at the caller's line and ends the test. */
static struct timer_list self_del;

static void self_del_fn(struct timer_list *t)
{
	del_timer_sync(t); /* LINE:self_del */
}

static void test_del_timer_sync_from_own_callback_lockup(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "kshim: del_timer_sync() at %s:%d waits for ever: it is called from the timer's own callback self_del_fn on CPU#0\n",
		 __FILE__, marker_line("self_del"));
	timer_setup(&self_del, self_del_fn, 0);
	mod_timer(&self_del, jiffies + 1);
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	kshim_advance_time(2 * NSEC_PER_MSEC);
	CU_FAIL("del_timer_sync() from its own callback returned");
}

static void test_pending_at_test_end_is_ledgered(void)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: ledger: timers pending is 1 at test end, was 0 at test start\n"
		 "timer %016lx (tdev_fn) on CPU#0, due in 100 jiffies: armed at %s:%d, not deleted\n",
		 (unsigned long)&leaked.timer, __FILE__, marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	timer_setup(&leaked.timer, tdev_fn, 0);
	mod_timer(&leaked.timer, jiffies + 100); /* LINE:leak */
}

static void test_deleted_at_test_end_is_silent(void)
{
	timer_setup(&leaked.timer, tdev_fn, 0);
	mod_timer(&leaked.timer, jiffies + 100);
	del_timer_sync(&leaked.timer);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
}

static CU_TestInfo clock_tests[] = {
	{ "clock_is_virtual", test_clock_is_virtual },
	{ "jiffies_start_before_the_wrap", test_jiffies_start_before_the_wrap },
	{ "ktime_arithmetic", test_ktime_arithmetic },
	{ "msleep_60s_fires_59s_timer", test_msleep_60s_fires_59s_timer },
	{ "schedule_timeout_and_usleep_are_virtual",
	  test_schedule_timeout_and_usleep_are_virtual },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo timer_tests[] = {
	{ "callback_in_softirq_on_arming_cpu",
	  test_callback_in_softirq_on_arming_cpu },
	{ "callback_on_other_cpu", test_callback_on_other_cpu },
	{ "order_and_rearm", test_order_and_rearm },
	{ "return_values", test_return_values },
	{ "shutdown_makes_arming_a_no_op", test_shutdown_makes_arming_a_no_op },
	{ "define_timer", test_define_timer },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "add_timer_pending_warns", test_add_timer_pending_warns },
	{ "add_timer_not_pending_silent", test_add_timer_not_pending_silent },
	{ "del_timer_sync_in_hardirq_warns",
	  test_del_timer_sync_in_hardirq_warns },
	{ "del_timer_sync_irqsafe_in_hardirq_silent",
	  test_del_timer_sync_irqsafe_in_hardirq_silent },
	{ "sleep_in_callback_reports", test_sleep_in_callback_reports },
	{ "del_timer_sync_from_own_callback_lockup",
	  test_del_timer_sync_from_own_callback_lockup },
	{ "pending_at_test_end_is_ledgered",
	  test_pending_at_test_end_is_ledgered },
	{ "deleted_at_test_end_is_silent", test_deleted_at_test_end_is_silent },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "clock", NULL, NULL, NULL, NULL, clock_tests },
	{ "timer", NULL, NULL, NULL, NULL, timer_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
