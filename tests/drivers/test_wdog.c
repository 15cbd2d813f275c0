/*
 * test_wdog - the wdog driver (drivers-under-test/wdog/) in kshim's
 * virtual time, and its planted deferred-work bugs caught:
 *  - the correct driver: in 10 s of virtual time the heartbeat counts 10
 *    ticks and the petting kthread (100 ms) pets 101 times (at 0, then
 *    every 100 ms), and nothing expires; with the kthread stopped the
 *    expiry work runs once, @timeout seconds after the last pet, and
 *    never again; an interrupt's event reaches the bottom half; unload
 *    with the timer armed, work queued and the kthread asleep is silent
 *    (every resource released: the ledger balances), and so is every
 *    error path of the load (tests/fail/sweep-drivers.sh sweeps
 *    wdog:load_unload);
 *  - the bugs, each with the kernel's text, its report class and the
 *    driver's file:line:
 *    (a) kfree() of the device with its heartbeat armed: ODEBUG's "free
 *        active" WARNING at the kfree() line, and the timer never fires;
 *    (b) the bottom half running on the ring remove() freed: SLUB's
 *        "Poison overwritten" naming the kfree() line (kshim's builds),
 *        ASan's use-after-poison (kshim's slab is poisoned for ASan, not
 *        host heap) at the bottom half's first read of the ring (ASan);
 *    (c) msleep() in the heartbeat: "BUG: scheduling while atomic" at
 *        that line, and call_timer_fn()'s preempt-leak WARNING;
 *    (d) del_timer() racing with the callback on CPU 1: ThreadSanitizer's
 *        data race between the driver's two lines (skipped, with the
 *        reason, without --enable-tsan);
 *    (e) cancel_work_sync() of the expiry work from itself: lockdep's
 *        recursive locking report and kshim's lockup at that line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/irq.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <kshim/workqueue.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sprintf.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "common/asan.h"
#include "common/expect_bug.h"
#include "common/spawn.h"
#include "../../drivers-under-test/wdog/wdog.h"

#if defined(__SANITIZE_THREAD__)
#define TSAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_BUILD 1
#endif
#endif

#define WDOG_C		"drivers-under-test/wdog/wdog.c"
#define WDOG_BUGS_C	"drivers-under-test/wdog/wdog_bugs.c"
#define IRQ		11

static int line_of(const char *file, const char *name)
{
	return marker_line_in(file, name);
}

/* "file:line" of a marked line of the driver. */
static const char *at(const char *file, const char *name)
{
	static char buf[4][128];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s:%d", file, line_of(file, name));
	return buf[i];
}

static struct wdog_stats stats(void)
{
	struct wdog_stats st;

	wdog_get_stats(wdog_device(), &st);
	if (getenv("WDOG_DEBUG"))
		fprintf(stderr, "clock %llu ms: ticks %lu pets %lu expiries %lu irqs %lu processed %lu\n",
			(unsigned long long)kshim_clock_ns() / NSEC_PER_MSEC,
			st.ticks, st.pets, st.expiries, st.irqs, st.processed);
	return st;
}

static int load(const char *args)
{
	return kshim_module_load("wdog", args);
}

/* ---- the correct driver ---- */

static void load_unload(void *arg)
{
	if (kshim_module_load("wdog", "cpu=1"))
		return;
	kshim_advance_time(1500 * NSEC_PER_MSEC);
	kshim_raise_irq_on(IRQ, 2);
	kshim_irq_sync(IRQ);
	kshim_module_unload("wdog");
}

static void test_load_unload(void)
{
	CU_ASSERT_EQUAL_FATAL(load("cpu=1"), 0);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 1);
	kshim_advance_time(1500 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(IRQ, 2), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(IRQ), 0);
	/* Unloaded with its heartbeat armed, the kthread asleep and the
	 * bottom half maybe still queued: remove() takes care of all. */
	CU_ASSERT_EQUAL(kshim_module_unload("wdog"), 0);
	CU_ASSERT_PTR_NULL(wdog_device());
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	CU_ASSERT_EQUAL(kshim_works_pending(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_error_paths_clean(void)
{
	kshim_expect_error_paths_clean(load_unload, NULL);
}

static void test_bad_cpu_refused(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("wdog", "cpu=-1"), -EINVAL);
	CU_ASSERT_EQUAL(kshim_module_load("wdog", "timeout=0"), -EINVAL);
	CU_ASSERT_FALSE(kshim_module_loaded("wdog"));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_ten_seconds_of_heartbeats_and_pets(void)
{
	struct wdog_stats st;

	CU_ASSERT_EQUAL_FATAL(load("cpu=1 timeout=3"), 0);
	kshim_advance_time(10 * NSEC_PER_SEC);
	st = stats();
	if (st.ticks != 10 || st.pets != 101)
		fprintf(stderr, "ticks %lu pets %lu expiries %lu\n", st.ticks,
			st.pets, st.expiries);
	CU_ASSERT_EQUAL(st.ticks, 10);
	/* At 0 ms, then at each 100 ms up to 10 s. */
	CU_ASSERT_EQUAL(st.pets, 101);
	CU_ASSERT_EQUAL(st.expiries, 0);
	CU_ASSERT_FALSE(kshim_dmesg_contains("expired"));
	CU_ASSERT_EQUAL(kshim_module_unload("wdog"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_msleep_runs_the_machine_too(void)
{
	struct wdog_stats st;
	u64 t0 = kshim_clock_ns();

	/* The test's own task sleeping moves the clock the same way. */
	CU_ASSERT_EQUAL_FATAL(load("timeout=3"), 0);
	msleep(4500);	/* 4501 jiffies, as the kernel's */
	st = stats();
	CU_ASSERT_EQUAL(kshim_clock_ns() - t0, 4501 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(st.ticks, 4);
	CU_ASSERT_EQUAL(st.pets, 46);
	CU_ASSERT_EQUAL(st.expiries, 0);
	CU_ASSERT_EQUAL(kshim_module_unload("wdog"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_expires_once_when_not_petted(void)
{
	struct wdog_dev *wd;
	struct wdog_stats st;

	CU_ASSERT_EQUAL_FATAL(load("cpu=1 timeout=3"), 0);
	wd = wdog_device();
	kshim_advance_time(10 * NSEC_PER_SEC);
	/* The last pet was at 10 s: the heartbeat at 13 s expires it. */
	wdog_stop_petting(wd);
	kshim_advance_time(2 * NSEC_PER_SEC + 999 * NSEC_PER_MSEC);
	flush_work(&wd->expire_work);
	CU_ASSERT_EQUAL(stats().expiries, 0);
	kshim_advance_time(NSEC_PER_MSEC);
	flush_work(&wd->expire_work);
	st = stats();
	CU_ASSERT_EQUAL(st.expiries, 1);
	CU_ASSERT_EQUAL(st.ticks, 13);
	CU_ASSERT_TRUE(kshim_dmesg_contains("wdog: not petted for 3 s: expired\n"));
	/* Never again. */
	kshim_advance_time(10 * NSEC_PER_SEC);
	flush_work(&wd->expire_work);
	st = stats();
	CU_ASSERT_EQUAL(st.expiries, 1);
	CU_ASSERT_EQUAL(st.ticks, 23);
	CU_ASSERT_EQUAL(st.pets, 101);
	CU_ASSERT_EQUAL(kshim_module_unload("wdog"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_interrupt_events_reach_the_bottom_half(void)
{
	struct wdog_dev *wd;
	struct wdog_stats st;
	int i;

	CU_ASSERT_EQUAL_FATAL(load("cpu=1"), 0);
	wd = wdog_device();
	CU_ASSERT_EQUAL(kshim_raise_irq_on(IRQ, 2), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(IRQ), 0);
	flush_work(&wd->event_work);
	st = stats();
	CU_ASSERT_EQUAL(st.irqs, 1);
	CU_ASSERT_EQUAL(st.processed, 1);
	for (i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(kshim_raise_irq_on(IRQ, 1 + i % 3), 0);
		CU_ASSERT_EQUAL(kshim_irq_sync(IRQ), 0);
	}
	flush_work(&wd->event_work);
	st = stats();
	CU_ASSERT_EQUAL(st.irqs, 4);
	CU_ASSERT_EQUAL(st.dropped, 0);
	CU_ASSERT_EQUAL(st.processed, 4);
	CU_ASSERT_EQUAL(kshim_module_unload("wdog"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- (a) the heartbeat left armed ---- */

static void test_remove_with_timer_armed(void)
{
	struct wdog_dev *wd;
	const struct kshim_report *r;
	char want[256];
	int err = 0;

	wd = wdog_probe(&wdog_correct_ops, IRQ, 5, 100, 1, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
	kshim_advance_time(1500 * NSEC_PER_MSEC);
	CU_ASSERT_TRUE(timer_pending(&wd->heartbeat));
	scnprintf(want, sizeof(want),
		  "ODEBUG: free active (active state 0) object: %p object type: timer_list hint: wdog_heartbeat+0x0/0x",
		  &wd->heartbeat);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	wdog_bug_remove_timer_armed(wd);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, WDOG_BUGS_C);
	CU_ASSERT_EQUAL(r->line, line_of(WDOG_BUGS_C, "free_armed"));
	scnprintf(want, sizeof(want), " at %s ", at(WDOG_BUGS_C, "free_armed"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	/* ODEBUG's fixup deleted it: it never fires on the freed memory. */
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	kshim_advance_time(5 * NSEC_PER_SEC);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
}

/* ---- (b) the bottom half on the freed ring ---- */

static void test_work_on_freed_ring(void)
{
	char path[4096];
	char *argv[] = { path, (char *)"uaf", NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", NULL };
	struct spawn_result r;
	char want[256];

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/drivers/wdog_bugs_child"));
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
	if (ASAN_BUILD) {
		/*
		 * ASan's view of kshim's slab: the freed object is poisoned
		 * (not host heap), so "use-after-poison" at the bottom half's
		 * first read of the ring, on the kworker.
		 */
		CU_ASSERT_NOT_EQUAL(r.status, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
			"ERROR: AddressSanitizer: use-after-poison"));
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "READ of size 4 "));
		snprintf(want, sizeof(want), " in wdog_process_events ./%s",
			 at(WDOG_C, "ev_read"));
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, want));
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " in process_one_work "));
	} else {
		/* SLUB's view: its poison overwritten, freed at that line. */
		CU_ASSERT_EQUAL(r.status, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "(Not tainted): Poison overwritten\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
			"\nFreed in wdog_bug_remove_free_before_flush age="));
		snprintf(want, sizeof(want), "%s", at(WDOG_BUGS_C, "free_ring"));
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, want));
	}
	if (CU_get_number_of_failures())
		fprintf(stderr, "wdog_bugs_child's stderr:\n%s\nstdout:\n%s\n",
			r.err, r.out);
	spawn_free(&r);
}

/* ---- (c) sleeping in the heartbeat ---- */

static void test_sleep_in_heartbeat(void)
{
	struct wdog_dev *wd;
	int err = 0;

	wd = wdog_probe(&wdog_bug_sleepy_heartbeat_ops, IRQ, 5, 0, 0, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC,
			    "BUG: scheduling while atomic: ", 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "timer: wdog_bug_sleepy_heartbeat+0x0/0x", 1);
	kshim_advance_time(NSEC_PER_SEC);
	assert_report_at_in(WDOG_BUGS_C, KSHIM_REPORT_SCHEDULE_ATOMIC,
			    "sleep_in_timer");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      " preempt leak: 00000100 -> 00000000\n"));
	/* It went on after the report: counted, and re-armed. */
	CU_ASSERT_EQUAL(wd->ticks, 1);
	CU_ASSERT_TRUE(timer_pending(&wd->heartbeat));
	wdog_remove(wd);
}

/* ---- (d) del_timer() racing with the callback ---- */

#define RACE_SKIP \
	"the del_timer() race needs ThreadSanitizer to be seen (configure --enable-tsan)"

static void test_del_timer_races_with_callback(void)
{
#ifdef TSAN_BUILD
	char path[4096];
	char *argv[] = { path, (char *)"race", NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", "KSHIM_CPUS=32", NULL };
	struct spawn_result r;
	int tries;

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/drivers/wdog_bugs_child"));
	/*
	 * The race is there when a callback reaches the lock after the
	 * stop took it: each run gives 31 CPUs' first callbacks the chance
	 * (most runs show it); a few runs make missing it very unlikely.
	 */
	for (tries = 0; tries < 5; tries++) {
		CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
		if (strstr(r.err, "WARNING: ThreadSanitizer: data race"))
			break;
		spawn_free(&r);
	}
	CU_ASSERT_FATAL(tries < 5);
	CU_ASSERT_NOT_EQUAL(r.status, 0);
	/* The two sides: the callback's count and the stop's read. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " wdog_heartbeat "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, at(WDOG_C, "tick")));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " wdog_bug_stop_heartbeat "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, at(WDOG_BUGS_C, "race_read")));
	if (CU_get_number_of_failures())
		fprintf(stderr, "wdog_bugs_child's stderr:\n%s\n", r.err);
	spawn_free(&r);
#else
	kshim_test_skip(RACE_SKIP);
#endif
}

/* The correct stop (del_timer_sync()) on the same CPUs: race-free. */
static void test_del_timer_sync_on_other_cpu_silent(void)
{
	struct wdog_dev *wd;
	int err = 0;

	wd = wdog_probe(&wdog_correct_ops, IRQ, 1000, 0, 1, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
	kshim_advance_time(3 * NSEC_PER_SEC);
	del_timer_sync(&wd->heartbeat);
	CU_ASSERT_EQUAL(wd->ticks, 3);
	CU_ASSERT_FALSE(timer_pending(&wd->heartbeat));
	wdog_remove(wd);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- (e) the expiry work cancelling itself ---- */

static void test_expiry_work_cancels_itself(void)
{
	struct wdog_dev *wd;
	char want[512];
	int err = 0;

	/* The lockup ends the task, and without isolation the program. */
	if (strcmp(kshim_setting("KSHIM_FORK"), "1")) {
		kshim_test_skip("the lockup report ends the task: needs KSHIM_FORK=1");
		return;
	}
	snprintf(want, sizeof(want),
		 "is trying to acquire lock:\n ((work_completion)(&wd->expire_work)), at: wdog_bug_quiesce %s\n"
		 "\nbut task is already holding lock:\n ((work_completion)(&wd->expire_work)), at: process_one_work\n"
		 "\n *** DEADLOCK ***\n\n"
		 "kshim: cancel_work_sync() from work wdog_bug_expire_and_reset running on ",
		 at(WDOG_BUGS_C, "self_cancel"));
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	wd = wdog_probe(&wdog_bug_self_cancel_ops, IRQ, 2, 0, 0, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
	kshim_advance_time(2 * NSEC_PER_SEC);
	flush_work(&wd->expire_work);
	CU_FAIL("flush_work() returned");
}

static CU_TestInfo wdog_tests[] = {
	/* First: with KSHIM_FORK=0 the sweep forks before any thread exists
	 * (ThreadSanitizer cannot fork a process that has threads). */
	{ "error_paths_clean", test_error_paths_clean },
	{ "load_unload", test_load_unload },
	{ "bad_cpu_refused", test_bad_cpu_refused },
	{ "ten_seconds_of_heartbeats_and_pets",
	  test_ten_seconds_of_heartbeats_and_pets },
	{ "msleep_runs_the_machine_too", test_msleep_runs_the_machine_too },
	{ "expires_once_when_not_petted", test_expires_once_when_not_petted },
	{ "interrupt_events_reach_the_bottom_half",
	  test_interrupt_events_reach_the_bottom_half },
	{ "del_timer_sync_on_other_cpu_silent",
	  test_del_timer_sync_on_other_cpu_silent },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bug_tests[] = {
	{ "remove_with_timer_armed", test_remove_with_timer_armed },
	{ "work_on_freed_ring", test_work_on_freed_ring },
	{ "sleep_in_heartbeat", test_sleep_in_heartbeat },
	{ "del_timer_races_with_callback", test_del_timer_races_with_callback },
	{ "expiry_work_cancels_itself", test_expiry_work_cancels_itself },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "wdog", NULL, NULL, NULL, NULL, wdog_tests },
	{ "bugs", NULL, NULL, NULL, NULL, bug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
