/*
 * test_hrtimer - the kernel's high-resolution timers (linux/hrtimer.h,
 * issue 13) on kshim's virtual clock:
 *  - a timer fires when the clock reaches its expiry, to the nanosecond
 *    (relative and absolute, CLOCK_MONOTONIC/REALTIME/BOOTTIME/TAI), a
 *    range timer at the end of its range or with an earlier timer of its
 *    CPU; in hardirq context, or in softirq context for _SOFT timers, on
 *    the CPU that started it; a periodic one (hrtimer_forward_now() +
 *    HRTIMER_RESTART) at each period; in order of expiry with the timer
 *    wheel's timers; while the test sleeps (msleep(), schedule_hrtimeout());
 *  - hrtimer_cancel()/hrtimer_try_to_cancel()/hrtimer_forward() return
 *    what the kernel's do, hrtimer_try_to_cancel() is -1 while the
 *    callback runs and hrtimer_cancel() waits for it;
 *  - the kernel's checks, with its text and the test's line: a start whose
 *    _SOFT bit differs from the init's, a timer without a function,
 *    forwarding a queued timer, an invalid clock id, a copied timer never
 *    initialised (ODEBUG), sleeping in a hardirq callback; kshim's where
 *    the kernel hangs or stays silent: hrtimer_cancel() from the timer's
 *    own callback (lockup), a callback that leaves its context changed,
 *    a timer still queued at test end (ledger); correct use stays silent.
 * The suite "ending" holds the tests whose report ends the test (run
 * them with KSHIM_FORK=1 only).
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>

#include "common/expect_bug.h"

/* The order in which callbacks ran, across hrtimers and timers. */
static int seq;

struct hdev {
	struct hrtimer t;
	int fired;
	ktime_t fired_at[16];	/* ktime_get() at each call */
	int order[16];		/* seq at each call */
	int cpu;
	bool hardirq, softirq;
	int restarts;		/* restart this many more times, +period */
	ktime_t period;
	u64 overruns;
};

static enum hrtimer_restart hdev_fn(struct hrtimer *t)
{
	struct hdev *d = container_of(t, struct hdev, t);

	if (d->fired < 16) {
		d->fired_at[d->fired] = ktime_get();
		d->order[d->fired] = __atomic_add_fetch(&seq, 1,
							__ATOMIC_RELAXED);
	}
	d->fired++;
	d->cpu = raw_smp_processor_id();
	d->hardirq = in_hardirq();
	d->softirq = in_serving_softirq();
	if (d->restarts-- > 0) {
		d->overruns += hrtimer_forward_now(t, d->period);
		return HRTIMER_RESTART;
	}
	return HRTIMER_NORESTART;
}

static void hdev_init(struct hdev *d, clockid_t clock, enum hrtimer_mode mode)
{
	memset(d, 0, sizeof(*d));
	d->cpu = -1;
	hrtimer_init(&d->t, clock, mode);
	d->t.function = hdev_fn;
}

/* ---- expiry ---- */

static void test_rel_expiry_exact_ns(void)
{
	static struct hdev d;
	ktime_t t0 = ktime_get();

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	CU_ASSERT_FALSE(hrtimer_active(&d.t));
	hrtimer_start(&d.t, ns_to_ktime(1500), HRTIMER_MODE_REL);
	CU_ASSERT_TRUE(hrtimer_is_queued(&d.t));
	CU_ASSERT_TRUE(hrtimer_active(&d.t));
	CU_ASSERT_EQUAL(hrtimer_get_expires(&d.t), t0 + 1500);
	CU_ASSERT_EQUAL(hrtimer_get_remaining(&d.t), 1500);
	kshim_advance_time(1499);
	CU_ASSERT_EQUAL(d.fired, 0);
	CU_ASSERT_EQUAL(hrtimer_get_remaining(&d.t), 1);
	kshim_advance_time(1);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(d.fired_at[0], t0 + 1500);
	CU_ASSERT_EQUAL(d.cpu, 0);
	CU_ASSERT_TRUE(d.hardirq);
	CU_ASSERT_FALSE(d.softirq);
	CU_ASSERT_FALSE(hrtimer_is_queued(&d.t));
	CU_ASSERT_FALSE(hrtimer_active(&d.t));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_abs_expiry_on_each_clock(void)
{
	static const clockid_t clocks[] = {
		CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME, CLOCK_TAI,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		static struct hdev d;
		ktime_t now, at;

		hdev_init(&d, clocks[i], HRTIMER_MODE_ABS);
		now = hrtimer_cb_get_time(&d.t);
		/* The base reads the clock asked for. */
		switch (clocks[i]) {
		case CLOCK_REALTIME:
			CU_ASSERT_EQUAL(now, ktime_get_real());
			break;
		case CLOCK_TAI:
			CU_ASSERT_EQUAL(now, ktime_get_clocktai());
			break;
		default:
			CU_ASSERT_EQUAL(now, ktime_get());
		}
		at = now + 12345 + i;
		hrtimer_start(&d.t, at, HRTIMER_MODE_ABS);
		kshim_advance_time(12344 + i);
		CU_ASSERT_EQUAL(d.fired, 0);
		kshim_advance_time(1);
		CU_ASSERT_EQUAL(d.fired, 1);
		CU_ASSERT_EQUAL(hrtimer_cb_get_time(&d.t), at);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_expiry_in_the_past_fires_now(void)
{
	static struct hdev d;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
	kshim_advance_time(NSEC_PER_MSEC);
	hrtimer_start(&d.t, ktime_get() - 10, HRTIMER_MODE_ABS);
	kshim_run_timers();
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_periodic_forward_now_restart(void)
{
	static struct hdev d;
	ktime_t t0 = ktime_get();
	int i;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	d.period = 250 * NSEC_PER_USEC;
	d.restarts = 9;
	hrtimer_start(&d.t, d.period, HRTIMER_MODE_REL);
	kshim_advance_time(10 * d.period + 1);
	CU_ASSERT_EQUAL(d.fired, 10);
	for (i = 0; i < 10; i++)
		CU_ASSERT_EQUAL(d.fired_at[i], t0 + (i + 1) * d.period);
	/* One period each time: no overrun. */
	CU_ASSERT_EQUAL(d.overruns, 9);
	CU_ASSERT_FALSE(hrtimer_active(&d.t));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_forward_counts_overruns(void)
{
	static struct hdev d;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
	hrtimer_set_expires(&d.t, 100);
	/* Not yet expired: nothing to do. */
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, 99, 100), 0);
	CU_ASSERT_EQUAL(hrtimer_get_expires(&d.t), 100);
	/* 950 ns late by 100 ns periods: 10 periods, to 1100. */
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, 1050, 100), 10);
	CU_ASSERT_EQUAL(hrtimer_get_expires(&d.t), 1100);
	CU_ASSERT_EQUAL(hrtimer_get_softexpires(&d.t), 1100);
	/* Exactly at the expiry: one period. */
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, 1100, 100), 1);
	CU_ASSERT_EQUAL(hrtimer_get_expires(&d.t), 1200);
	/* A range moves as a whole. */
	hrtimer_set_expires_range_ns(&d.t, 1000, 50);
	/* Measured from the end of the range. */
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, 1049, 300), 0);
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, 1050, 300), 1);
	CU_ASSERT_EQUAL(hrtimer_get_softexpires(&d.t), 1300);
	CU_ASSERT_EQUAL(hrtimer_get_expires(&d.t), 1350);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_range_fires_at_end_or_with_earlier(void)
{
	static struct hdev a, b;
	ktime_t t0 = ktime_get();

	/* Alone: at the end of its range (the hard expiry). */
	hdev_init(&a, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start_range_ns(&a.t, 1000, 500, HRTIMER_MODE_REL);
	kshim_advance_time(1499);
	CU_ASSERT_EQUAL(a.fired, 0);
	kshim_advance_time(1);
	CU_ASSERT_EQUAL(a.fired, 1);
	CU_ASSERT_EQUAL(a.fired_at[0], t0 + 1500);

	/* With a timer of its CPU due inside its range: at that one's. */
	t0 = ktime_get();
	hdev_init(&b, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start_range_ns(&a.t, 1000, 500, HRTIMER_MODE_REL);
	hrtimer_start(&b.t, 1200, HRTIMER_MODE_REL);
	kshim_advance_time(1200);
	CU_ASSERT_EQUAL(b.fired, 1);
	CU_ASSERT_EQUAL(a.fired, 2);
	CU_ASSERT_EQUAL(a.fired_at[1], t0 + 1200);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- cancelling ---- */

static void test_cancel_pending(void)
{
	static struct hdev d;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	CU_ASSERT_EQUAL(hrtimer_try_to_cancel(&d.t), 0);
	CU_ASSERT_EQUAL(hrtimer_cancel(&d.t), 0);
	hrtimer_start(&d.t, 1000, HRTIMER_MODE_REL);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	CU_ASSERT_EQUAL(hrtimer_cancel(&d.t), 1);
	CU_ASSERT_FALSE(hrtimer_is_queued(&d.t));
	CU_ASSERT_EQUAL(hrtimer_cancel(&d.t), 0);
	hrtimer_start(&d.t, 1000, HRTIMER_MODE_REL);
	CU_ASSERT_EQUAL(hrtimer_try_to_cancel(&d.t), 1);
	CU_ASSERT_EQUAL(hrtimer_try_to_cancel(&d.t), 0);
	/* Restarting a queued timer moves it. */
	hrtimer_start(&d.t, 1000, HRTIMER_MODE_REL);
	hrtimer_start(&d.t, 3000, HRTIMER_MODE_REL);
	kshim_advance_time(2999);
	CU_ASSERT_EQUAL(d.fired, 0);
	kshim_advance_time(1);
	CU_ASSERT_EQUAL(d.fired, 1);
	kshim_advance_time(10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* A callback that waits for the test, on CPU 2. */
static struct {
	struct hrtimer t;
	int entered, release, done;
} slow;

/* Host-level handshakes between the test and a callback (not kshim's). */
static pthread_mutex_t flag_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t flag_cond = PTHREAD_COND_INITIALIZER;

static int flag_get(int *f)
{
	int v;

	pthread_mutex_lock(&flag_lock);
	v = *f;
	pthread_mutex_unlock(&flag_lock);
	return v;
}

static void flag_set(int *f)
{
	pthread_mutex_lock(&flag_lock);
	*f = 1;
	pthread_cond_broadcast(&flag_cond);
	pthread_mutex_unlock(&flag_lock);
}

/* Wait (real time, bounded) until @f is set; false if it never is. */
static bool flag_wait(int *f)
{
	struct timespec end;
	bool ok = true;

	clock_gettime(CLOCK_REALTIME, &end);
	end.tv_sec += 30;
	pthread_mutex_lock(&flag_lock);
	while (!*f && ok)
		ok = pthread_cond_timedwait(&flag_cond, &flag_lock, &end) == 0;
	ok = *f;
	pthread_mutex_unlock(&flag_lock);
	return ok;
}

static enum hrtimer_restart slow_fn(struct hrtimer *t)
{
	int i;

	flag_set(&slow.entered);
	flag_wait(&slow.release);
	for (i = 0; i < 1000; i++)
		sched_yield();
	flag_set(&slow.done);
	return HRTIMER_NORESTART;
}

static void start_here(void *info)
{
	struct hrtimer *t = info;

	hrtimer_start(t, 1000, HRTIMER_MODE_REL_PINNED);
}

static void test_try_to_cancel_while_running(void)
{
	memset(&slow, 0, sizeof(slow));
	hrtimer_init(&slow.t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	slow.t.function = slow_fn;
	CU_ASSERT_EQUAL_FATAL(smp_call_function_single(2, start_here, &slow.t,
						       1), 0);
	/* Interrupts off: the advance does not wait for CPU 2. */
	local_irq_disable();
	kshim_advance_time(1000);
	local_irq_enable();
	CU_ASSERT_FATAL(flag_wait(&slow.entered));
	CU_ASSERT_EQUAL(hrtimer_try_to_cancel(&slow.t), -1);
	CU_ASSERT_TRUE(hrtimer_callback_running(&slow.t));
	CU_ASSERT_TRUE(hrtimer_active(&slow.t));
	CU_ASSERT_FALSE(hrtimer_is_queued(&slow.t));
	flag_set(&slow.release);
	/* Waits for the callback: it was not queued, 0. */
	CU_ASSERT_EQUAL(hrtimer_cancel(&slow.t), 0);
	CU_ASSERT_EQUAL(flag_get(&slow.done), 1);
	CU_ASSERT_FALSE(hrtimer_active(&slow.t));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- contexts and CPUs ---- */

static void test_soft_and_hard_context(void)
{
	static struct hdev hard, soft;

	hdev_init(&hard, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hdev_init(&soft, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	hrtimer_start(&soft.t, 700, HRTIMER_MODE_REL_SOFT);
	hrtimer_start(&hard.t, 700, HRTIMER_MODE_REL);
	kshim_advance_time(700);
	CU_ASSERT_EQUAL(hard.fired, 1);
	CU_ASSERT_EQUAL(soft.fired, 1);
	CU_ASSERT_TRUE(hard.hardirq);
	CU_ASSERT_FALSE(hard.softirq);
	CU_ASSERT_FALSE(soft.hardirq);
	CU_ASSERT_TRUE(soft.softirq);
	/* The hardirq one first, then HRTIMER_SOFTIRQ at the irq's exit. */
	CU_ASSERT_TRUE(hard.order[0] < soft.order[0]);
	CU_ASSERT_EQUAL(soft.fired_at[0], hard.fired_at[0]);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_pinned_on_other_cpu(void)
{
	static struct hdev d, s;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	hdev_init(&s, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_SOFT);
	CU_ASSERT_EQUAL(smp_call_function_single(2, start_here, &d.t, 1), 0);
	CU_ASSERT_TRUE(hrtimer_is_queued(&d.t));
	kshim_advance_time(999);
	CU_ASSERT_EQUAL(d.fired, 0);
	kshim_advance_time(1);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(d.cpu, 2);
	CU_ASSERT_TRUE(d.hardirq);
	/* A periodic one stays there. */
	d.period = 100;
	d.restarts = 2;
	CU_ASSERT_EQUAL(smp_call_function_single(3, start_here, &d.t, 1), 0);
	kshim_advance_time(1000 + 2 * 100);
	CU_ASSERT_EQUAL(d.fired, 4);
	CU_ASSERT_EQUAL(d.cpu, 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void start_soft_here(void *info)
{
	struct hrtimer *t = info;

	hrtimer_start(t, 1000, HRTIMER_MODE_REL_PINNED_SOFT);
}

static void test_soft_on_other_cpu(void)
{
	static struct hdev s;

	hdev_init(&s, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_SOFT);
	CU_ASSERT_EQUAL(smp_call_function_single(3, start_soft_here, &s.t, 1),
			0);
	kshim_advance_time(1000);
	CU_ASSERT_EQUAL(s.fired, 1);
	CU_ASSERT_EQUAL(s.cpu, 3);
	CU_ASSERT_TRUE(s.softirq);
	CU_ASSERT_FALSE(s.hardirq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- with the clock's other users ---- */

struct tdev {
	struct timer_list timer;
	int order;
	unsigned long at;
};

static void tdev_fn(struct timer_list *t)
{
	struct tdev *d = from_timer(d, t, timer);

	d->order = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
	d->at = jiffies;
}

static void test_order_with_timers(void)
{
	static struct hdev early, late;
	static struct tdev tl;
	ktime_t t0;
	unsigned long j0;

	/* Start on a jiffy's boundary. */
	kshim_advance_time(NSEC_PER_MSEC - ktime_get() % NSEC_PER_MSEC);
	t0 = ktime_get();
	j0 = jiffies;
	hdev_init(&early, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hdev_init(&late, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	memset(&tl, 0, sizeof(tl));
	timer_setup(&tl.timer, tdev_fn, 0);
	mod_timer(&tl.timer, j0 + 2);
	hrtimer_start(&late.t, 2 * NSEC_PER_MSEC + 500 * NSEC_PER_USEC,
		      HRTIMER_MODE_REL);
	hrtimer_start(&early.t, 1500 * NSEC_PER_USEC, HRTIMER_MODE_REL);
	kshim_advance_time(5 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(early.fired, 1);
	CU_ASSERT_EQUAL(late.fired, 1);
	CU_ASSERT_TRUE(tl.order > 0);
	CU_ASSERT_TRUE(early.order[0] < tl.order);
	CU_ASSERT_TRUE(tl.order < late.order[0]);
	CU_ASSERT_EQUAL(early.fired_at[0], t0 + 1500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(tl.at, j0 + 2);
	CU_ASSERT_EQUAL(late.fired_at[0], t0 + 2500 * NSEC_PER_USEC);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_msleep_fires_hrtimers(void)
{
	static struct hdev a, b;
	ktime_t t0 = ktime_get();

	hdev_init(&a, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hdev_init(&b, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	hrtimer_start(&a.t, 3 * NSEC_PER_MSEC + 7, HRTIMER_MODE_REL);
	hrtimer_start(&b.t, 7 * NSEC_PER_MSEC + 11, HRTIMER_MODE_REL_SOFT);
	msleep(10);
	CU_ASSERT_EQUAL(a.fired, 1);
	CU_ASSERT_EQUAL(b.fired, 1);
	CU_ASSERT_EQUAL(a.fired_at[0], t0 + 3 * NSEC_PER_MSEC + 7);
	CU_ASSERT_EQUAL(b.fired_at[0], t0 + 7 * NSEC_PER_MSEC + 11);
	CU_ASSERT_TRUE(ktime_get() >= t0 + 10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_schedule_hrtimeout(void)
{
	ktime_t t0 = ktime_get(), to = 2 * NSEC_PER_MSEC + 3;

	set_current_state(TASK_UNINTERRUPTIBLE);
	CU_ASSERT_EQUAL(schedule_hrtimeout(&to, HRTIMER_MODE_REL), 0);
	CU_ASSERT_EQUAL(ktime_get(), t0 + 2 * NSEC_PER_MSEC + 3);
	CU_ASSERT_EQUAL(get_current_state(), TASK_RUNNING);
	/* Zero: no sleep. */
	to = 0;
	set_current_state(TASK_UNINTERRUPTIBLE);
	CU_ASSERT_EQUAL(schedule_hrtimeout(&to, HRTIMER_MODE_REL), 0);
	CU_ASSERT_EQUAL(ktime_get(), t0 + 2 * NSEC_PER_MSEC + 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_on_stack(void)
{
	struct hrtimer t;

	hrtimer_init_on_stack(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	t.function = hdev_fn;
	CU_ASSERT_FALSE(hrtimer_active(&t));
	destroy_hrtimer_on_stack(&t);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the kernel's checks ---- */

static void test_soft_mismatch_warns(void)
{
	static struct hdev d;

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "soft_mismatch");
	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&d.t, 100, HRTIMER_MODE_REL_SOFT); /* LINE:soft_mismatch */
	/* Still started, in the context hrtimer_init() chose. */
	kshim_advance_time(100);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_TRUE(d.hardirq);
}

static void test_no_function_warns(void)
{
	static struct hrtimer t;

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "no_function");
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&t, 100, HRTIMER_MODE_REL); /* LINE:no_function */
	CU_ASSERT_FALSE(hrtimer_is_queued(&t));
}

static void test_forward_queued_warns(void)
{
	static struct hdev d;

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "forward_queued");
	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);
	hrtimer_start(&d.t, ktime_get() + 100, HRTIMER_MODE_ABS);
	CU_ASSERT_EQUAL(hrtimer_forward(&d.t, ktime_get() + 1000, 100), 0); /* LINE:forward_queued */
	CU_ASSERT_EQUAL(hrtimer_cancel(&d.t), 1);
}

static void test_invalid_clockid_warns(void)
{
	static struct hdev d;

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "Invalid clockid 4. Using MONOTONIC\n", 1);
	memset(&d, 0, sizeof(d));
	hrtimer_init(&d.t, CLOCK_MONOTONIC_RAW, HRTIMER_MODE_REL); /* LINE:bad_clock */
	CU_ASSERT_EQUAL(d.t.base->clockid, CLOCK_MONOTONIC);
	CU_ASSERT_PTR_NOT_NULL(assert_report_at_in(__FILE__,
						   KSHIM_REPORT_WARNING,
						   "bad_clock"));
}

static void test_copied_timer_odebug(void)
{
	static struct hdev d, copy;
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "ODEBUG: activate not available (active state 0) object: ",
			    1);
	/* And when it fires: the kernel's deactivate of an unknown object. */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "ODEBUG: deactivate not available (active state 0) object: ",
			    1);
	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	/* A struct copy: looks initialised, debugobjects never saw it. */
	memcpy(&copy, &d, sizeof(d));
	hrtimer_start(&copy.t, 100, HRTIMER_MODE_REL); /* LINE:start_copy */
	r = assert_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "start_copy");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, " object type: hrtimer hint: hdev_fn+0x0/0x"));
	/* The kernel starts it anyway. */
	kshim_advance_time(100);
	CU_ASSERT_EQUAL(copy.fired, 1);
}

static void test_initialised_timer_silent(void)
{
	static struct hdev d;

	hdev_init(&d, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&d.t, 100, HRTIMER_MODE_REL);
	kshim_advance_time(100);
	hrtimer_start(&d.t, 100, HRTIMER_MODE_REL);
	CU_ASSERT_EQUAL(hrtimer_cancel(&d.t), 1);
	CU_ASSERT_EQUAL(d.fired, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static enum hrtimer_restart might_sleep_fn(struct hrtimer *t)
{
	might_sleep(); /* LINE:might_sleep_hrtimer */
	return HRTIMER_NORESTART;
}

static void test_might_sleep_in_callback(void)
{
	static struct hrtimer t;

	expect_report_at_in(__FILE__, KSHIM_REPORT_MIGHT_SLEEP, "at ",
			    "might_sleep_hrtimer");
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	t.function = might_sleep_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL);
	kshim_advance_time(10);
}

static enum hrtimer_restart sleepy_fn(struct hrtimer *t)
{
	msleep(1); /* LINE:sleep_in_hrtimer */
	return HRTIMER_NORESTART;
}

static void test_sleep_in_callback_reports(void)
{
	static struct hrtimer t;

	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC,
			    "BUG: scheduling while atomic: ", 1);
	/* schedule() left preempt_count 0: the irq exit finds it changed. */
	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "kshim: hardirq hrtimer callback sleepy_fn returned with preempt_count 00000000, entered with 00010000\n",
			    1);
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	t.function = sleepy_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL);
	kshim_advance_time(10);
	CU_ASSERT_PTR_NOT_NULL(assert_report_at_in(__FILE__,
						   KSHIM_REPORT_SCHEDULE_ATOMIC,
						   "sleep_in_hrtimer"));
	CU_ASSERT_FALSE(hrtimer_active(&t));
}

static enum hrtimer_restart leak_fn(struct hrtimer *t)
{
	preempt_disable();
	return HRTIMER_NORESTART;
}

static void test_callback_preempt_leak_reported(void)
{
	static struct hrtimer t;

	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "kshim: hardirq hrtimer callback leak_fn returned with preempt_count 00010001, entered with 00010000\n",
			    1);
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	t.function = leak_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL); /* LINE:leak_armed */
	kshim_advance_time(10);
	/* Named at the arming line; the count was put back. */
	CU_ASSERT_PTR_NOT_NULL(assert_report_at_in(__FILE__,
						   KSHIM_REPORT_CONTEXT,
						   "leak_armed"));
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static enum hrtimer_restart soft_irq_off_fn(struct hrtimer *t)
{
	local_irq_disable();
	return HRTIMER_NORESTART;
}

static void test_soft_callback_irqs_off_reported(void)
{
	static struct hrtimer t;

	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "kshim: hrtimer callback soft_irq_off_fn returned with interrupts disabled\n",
			    1);
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	t.function = soft_irq_off_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL_SOFT);
	kshim_advance_time(10);
	CU_ASSERT_FALSE(irqs_disabled());
}

static enum hrtimer_restart soft_leak_fn(struct hrtimer *t)
{
	preempt_disable();
	return HRTIMER_NORESTART;
}

static void test_soft_callback_preempt_leak_huh(void)
{
	static struct hrtimer t;

	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "huh, entered softirq 8 HRTIMER ", 1);
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	t.function = soft_leak_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL_SOFT);
	kshim_advance_time(10);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_CONTEXT)->text,
				      " with preempt_count 00000100, exited with 00000101?\n"));
}

static struct hdev leaked;

static void test_queued_at_test_end_is_ledgered(void)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: ledger: hrtimers pending is 1 at test end, was 0 at test start\n"
		 "hrtimer %016lx (hdev_fn) on CPU#0, expires in 100000 ns: armed at %s:%d, not cancelled\n",
		 (unsigned long)&leaked.t, __FILE__, marker_line("hr_leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	hdev_init(&leaked, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&leaked.t, 100000, HRTIMER_MODE_REL); /* LINE:hr_leak */
}

static void test_cancelled_at_test_end_is_silent(void)
{
	hdev_init(&leaked, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&leaked.t, 100000, HRTIMER_MODE_REL);
	CU_ASSERT_EQUAL(hrtimer_cancel(&leaked.t), 1);
}

/* ---- checks that end the test ---- */

static enum hrtimer_restart self_cancel_fn(struct hrtimer *t)
{
	hrtimer_cancel(t); /* LINE:self_cancel */
	return HRTIMER_NORESTART;
}

static void test_cancel_from_own_callback_lockup(void)
{
	static struct hrtimer t;
	char want[256];

	snprintf(want, sizeof(want),
		 "kshim: hrtimer_cancel() at %s:%d waits for ever: it is called from the timer's own callback self_cancel_fn on CPU#0 (or from an interrupt of it)\n",
		 __FILE__, marker_line("self_cancel"));
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	hrtimer_init(&t, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	t.function = self_cancel_fn;
	hrtimer_start(&t, 10, HRTIMER_MODE_REL);
	kshim_advance_time(10);
	CU_FAIL("hrtimer_cancel() from the callback returned");
}

static void test_never_initialised_oopses(void)
{
	static struct hdev d;
	char want[512];

	memset(&d, 0, sizeof(d));
	d.t.function = hdev_fn;
	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: 0000000000000000\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n"
		 "kshim: the faulting access: %s:%d (test_never_initialised_oopses)\n",
		 __FILE__, marker_line("start_zeroed"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	hrtimer_start(&d.t, 100, HRTIMER_MODE_REL); /* LINE:start_zeroed */
	CU_FAIL("starting a zeroed hrtimer returned");
}

static CU_TestInfo api_tests[] = {
	{ "rel_expiry_exact_ns", test_rel_expiry_exact_ns },
	{ "abs_expiry_on_each_clock", test_abs_expiry_on_each_clock },
	{ "expiry_in_the_past_fires_now", test_expiry_in_the_past_fires_now },
	{ "periodic_forward_now_restart", test_periodic_forward_now_restart },
	{ "forward_counts_overruns", test_forward_counts_overruns },
	{ "range_fires_at_end_or_with_earlier",
	  test_range_fires_at_end_or_with_earlier },
	{ "cancel_pending", test_cancel_pending },
	{ "try_to_cancel_while_running", test_try_to_cancel_while_running },
	{ "soft_and_hard_context", test_soft_and_hard_context },
	{ "pinned_on_other_cpu", test_pinned_on_other_cpu },
	{ "soft_on_other_cpu", test_soft_on_other_cpu },
	{ "order_with_timers", test_order_with_timers },
	{ "msleep_fires_hrtimers", test_msleep_fires_hrtimers },
	{ "schedule_hrtimeout", test_schedule_hrtimeout },
	{ "on_stack", test_on_stack },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "soft_mismatch_warns", test_soft_mismatch_warns },
	{ "no_function_warns", test_no_function_warns },
	{ "forward_queued_warns", test_forward_queued_warns },
	{ "invalid_clockid_warns", test_invalid_clockid_warns },
	{ "copied_timer_odebug", test_copied_timer_odebug },
	{ "initialised_timer_silent", test_initialised_timer_silent },
	{ "might_sleep_in_callback", test_might_sleep_in_callback },
	{ "sleep_in_callback_reports", test_sleep_in_callback_reports },
	{ "callback_preempt_leak_reported",
	  test_callback_preempt_leak_reported },
	{ "soft_callback_irqs_off_reported",
	  test_soft_callback_irqs_off_reported },
	{ "soft_callback_preempt_leak_huh",
	  test_soft_callback_preempt_leak_huh },
	{ "queued_at_test_end_is_ledgered",
	  test_queued_at_test_end_is_ledgered },
	{ "cancelled_at_test_end_is_silent",
	  test_cancelled_at_test_end_is_silent },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ending_tests[] = {
	{ "cancel_from_own_callback_lockup",
	  test_cancel_from_own_callback_lockup },
	{ "never_initialised_oopses", test_never_initialised_oopses },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "api", NULL, NULL, NULL, NULL, api_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	{ "ending", NULL, NULL, NULL, NULL, ending_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
