/*
 * wdog_bugs_child - the wdog bugs that corrupt memory or race, each in a
 * test of its own, for test_wdog to run in a program of its own:
 *  - uaf: the coalesced bottom half runs on the ring remove() freed
 *    (drivers-under-test/wdog/wdog_bugs.c, (b)).  Here, in kshim's own
 *    builds, SLUB finds its poison overwritten (the test expects that
 *    report and passes); under ASan the write stops the program with
 *    ASan's report; under valgrind it would be memcheck's error, which
 *    is why this is a program of its own;
 *  - race: stopping the heartbeat with del_timer() while its callback
 *    runs on another CPU ((d)): the test makes the callback run at that
 *    moment (it holds the driver's lock while the clock makes the
 *    heartbeat due, and lets go once the callback has been taken off the
 *    timer list), then calls the buggy stop, once per CPU; when the
 *    callback reaches the lock after the stop took it, the stop's read
 *    and the callback's count are unordered: a data race for TSan.
 *    Without a sanitizer nothing is seen (the test passes).
 */
#include <string.h>

#include <kshim/irq.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "../../drivers-under-test/wdog/wdog.h"

#define UAF_IRQ		13

static void test_free_before_flush(void)
{
	struct wdog_dev *wd;
	int err = 0;

	wd = wdog_probe(&wdog_bug_coalescing_ops, UAF_IRQ, 5, 0, 0, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
	/* Taken at once, on this CPU: the bottom half waits 10 ms. */
	CU_ASSERT_EQUAL(kshim_raise_irq_on(UAF_IRQ, 0), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(UAF_IRQ), 0);
	CU_ASSERT_TRUE(delayed_work_pending(&wd->coalesce_work));
	/* Its run on the freed ring writes to it: found at the test's end. */
	kshim_expect_report(KSHIM_REPORT_SLAB, "Poison overwritten", 1);
	wdog_bug_remove_free_before_flush(wd);
}

/*
 * Each round on a CPU whose thread has not run yet: its first callback
 * starts late, so it often reaches the lock only after the stop took it
 * (run with many CPUs: KSHIM_CPUS=32).
 */
static void test_stop_heartbeat_race(void)
{
	struct wdog_dev *wd;
	unsigned long flags;
	int err = 0;
	unsigned int cpu;

	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		wd = wdog_probe(&wdog_correct_ops, UAF_IRQ, 1000, 0, cpu, &err);
		CU_ASSERT_PTR_NOT_NULL_FATAL(wd);
		spin_lock_irqsave(&wd->lock, flags);
		/* Spinning moves the clock without waiting for that CPU. */
		mdelay(1000);
		/* Its callback has been taken off: it runs, or will. */
		while (kshim_timers_pending())
			cpu_relax();
		spin_unlock_irqrestore(&wd->lock, flags);
		wdog_bug_stop_heartbeat(wd);
		/* Clean up properly: wait for the callback. */
		del_timer_sync(&wd->heartbeat);
		wdog_remove(wd);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo uaf_tests[] = {
	{ "free_before_flush", test_free_before_flush },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo race_tests[] = {
	{ "stop_heartbeat", test_stop_heartbeat_race },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "uaf", NULL, NULL, NULL, NULL, uaf_tests },
	{ "race", NULL, NULL, NULL, NULL, race_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
