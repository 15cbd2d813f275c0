/*
 * test_tasklet - softirqs and tasklets (kernel/softirq.c of 6.8): a
 * tasklet runs in softirq context on the CPU that scheduled it; from an
 * interrupt handler at the end of the interrupt, from task context as
 * soon as bottom halves and interrupts are on; local_bh_disable() and
 * tasklet_disable() hold it back; waiting for a tasklet may sleep and
 * never hangs a test.  And the ledger: lines, raised interrupts and
 * tasklets left behind at the end of a test.
 */
#include <linux/bottom_half.h>
#include <linux/interrupt.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "irq/irq_test.h"

struct work {
	struct tasklet_struct t;
	int runs;
	struct seen seen;
	bool handler_done;	/* set by the IRQ handler before it returns */
	bool after_handler;
};

static void work_fn(struct tasklet_struct *t)
{
	struct work *w = from_tasklet(w, t, t);

	RECORD_SEEN(&w->seen);
	w->after_handler = w->handler_done;
	w->runs++;
}

/* From task context: run at once in softirq context, on this CPU. */
static void test_schedule_from_task_runs_in_softirq(void)
{
	struct work w = { .runs = 0 };

	tasklet_setup(&w.t, work_fn);
	tasklet_schedule(&w.t);
	CU_ASSERT_EQUAL(w.runs, 1);
	CU_ASSERT_TRUE(w.seen.softirq);
	CU_ASSERT_FALSE(w.seen.task);
	CU_ASSERT_FALSE(w.seen.hardirq);
	CU_ASSERT_FALSE(w.seen.irqs_off);
	CU_ASSERT_EQUAL(w.seen.preempt_count, SOFTIRQ_OFFSET);
	CU_ASSERT_EQUAL(w.seen.cpu, 0);
	CU_ASSERT_TRUE(pthread_equal(w.seen.thread, pthread_self()));
	/* Not scheduled any more: it can be scheduled again. */
	CU_ASSERT_FALSE(test_bit(TASKLET_STATE_SCHED, &w.t.state));
	tasklet_schedule(&w.t);
	CU_ASSERT_EQUAL(w.runs, 2);
	tasklet_kill(&w.t);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* local_bh_disable() defers it to local_bh_enable(). */
static void test_bh_disable_defers(void)
{
	struct work w = { .runs = 0 };

	tasklet_setup(&w.t, work_fn);
	local_bh_disable();
	tasklet_schedule(&w.t);
	tasklet_schedule(&w.t);		/* already scheduled: once */
	CU_ASSERT_EQUAL(w.runs, 0);
	local_bh_enable();
	CU_ASSERT_EQUAL(w.runs, 1);
	CU_ASSERT_TRUE(w.seen.softirq);
	/* 6.8: softirqs run with one preempt count still held. */
	CU_ASSERT_EQUAL(w.seen.preempt_count, SOFTIRQ_OFFSET + 1);
	CU_ASSERT_EQUAL(preempt_count(), 0);

	/* spin_lock_bh() too */
	{
		DEFINE_SPINLOCK(l);

		spin_lock_bh(&l);
		tasklet_schedule(&w.t);
		CU_ASSERT_EQUAL(w.runs, 1);
		spin_unlock_bh(&l);
		CU_ASSERT_EQUAL(w.runs, 2);
	}
}

/* With interrupts off in task context: at local_irq_enable(). */
static void test_irqs_off_defers(void)
{
	struct work w = { .runs = 0 };
	unsigned long flags;

	tasklet_setup(&w.t, work_fn);
	local_irq_save(flags);
	tasklet_schedule(&w.t);
	CU_ASSERT_EQUAL(w.runs, 0);
	local_irq_restore(flags);
	CU_ASSERT_EQUAL(w.runs, 1);
}

static irqreturn_t scheduling_handler(int irq, void *dev_id)
{
	struct work *w = dev_id;

	tasklet_schedule(&w->t);
	w->handler_done = true;
	return IRQ_HANDLED;
}

/* From a handler on CPU 2: after the handler, softirq, same CPU. */
static void test_schedule_from_handler_runs_at_irq_exit(void)
{
	struct work w = { .runs = 0 };

	tasklet_setup(&w.t, work_fn);
	CU_ASSERT_EQUAL_FATAL(request_irq(1, scheduling_handler, 0, "tl", &w),
			      0);
	kshim_raise_irq_on(1, 2);
	CU_ASSERT_EQUAL(kshim_irq_sync(1), 0);
	tasklet_kill(&w.t);		/* waits for it if still to run */
	CU_ASSERT_EQUAL(w.runs, 1);
	CU_ASSERT_EQUAL(w.seen.cpu, 2);
	CU_ASSERT_TRUE(w.seen.softirq);
	CU_ASSERT_FALSE(w.seen.hardirq);
	CU_ASSERT_FALSE(w.seen.irqs_off);
	CU_ASSERT_TRUE(w.after_handler);
	free_irq(1, &w);
}

static int old_runs;
static unsigned long old_data;

static void old_style(unsigned long data)
{
	old_runs++;
	old_data = data;
}

static DECLARE_TASKLET_OLD(old_tasklet, old_style);

static int declared_runs;

static void declared_fn(struct tasklet_struct *t)
{
	declared_runs++;
}

static DECLARE_TASKLET(declared, declared_fn);

/* tasklet_init(func, data), DECLARE_TASKLET*, tasklet_hi_schedule(). */
static void test_old_style_and_hi(void)
{
	struct tasklet_struct t;

	tasklet_init(&t, old_style, 42);
	tasklet_hi_schedule(&t);
	CU_ASSERT_EQUAL(old_runs, 1);
	CU_ASSERT_EQUAL(old_data, 42);
	tasklet_schedule(&old_tasklet);
	CU_ASSERT_EQUAL(old_runs, 2);
	CU_ASSERT_EQUAL(old_data, 0);
	tasklet_schedule(&declared);
	CU_ASSERT_EQUAL(declared_runs, 1);
	tasklet_kill(&declared);
}

/* tasklet_disable(): queued, not run; tasklet_enable() lets it run. */
static void test_disable_enable(void)
{
	struct work w = { .runs = 0 };

	tasklet_setup(&w.t, work_fn);
	tasklet_disable(&w.t);
	tasklet_schedule(&w.t);
	CU_ASSERT_EQUAL(w.runs, 0);
	local_bh_disable();
	local_bh_enable();
	CU_ASSERT_EQUAL(w.runs, 0);
	tasklet_enable(&w.t);
	CU_ASSERT_EQUAL(w.runs, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static DECLARE_TASKLET_DISABLED(stuck, work_fn);

/* tasklet_kill() of a disabled, scheduled tasklet: reported, not hung. */
static void test_kill_disabled_tasklet_is_bounded(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SPINLOCK_LOCKUP=100", NULL), 0);
	tasklet_schedule(&stuck);
	kshim_expect_report(KSHIM_REPORT_LOCKUP,
			    "kshim: tasklet_kill() waits for ever: tasklet callback is still scheduled (for 100 ms), and disabled: it can never run\n",
			    1);
	tasklet_kill(&stuck); /* LINE:kill_stuck */
	CU_FAIL("tasklet_kill() returned");
}

static DEFINE_SPINLOCK(lock);

/* 5.13+: tasklet_kill() and tasklet_disable() may sleep. */
static void test_kill_in_atomic(void)
{
	struct work w = { .runs = 0 };
	char want[256];

	tasklet_setup(&w.t, work_fn);
	file_line(want, "invalid context at ", "kill_atomic", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	spin_lock(&lock);
	tasklet_kill(&w.t); /* LINE:kill_atomic */
	spin_unlock(&lock);
}

static void test_disable_in_atomic(void)
{
	struct work w = { .runs = 0 };
	char want[256];

	tasklet_setup(&w.t, work_fn);
	file_line(want, "invalid context at ", "disable_atomic", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	spin_lock(&lock);
	tasklet_disable_nosync(&w.t);	/* fine */
	tasklet_enable(&w.t);
	tasklet_disable(&w.t); /* LINE:disable_atomic */
	spin_unlock(&lock);
	tasklet_enable(&w.t);
}

/* ---- the ledger ---- */

static int ledger_dev;

static irqreturn_t nop_handler(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void test_ledger_requested_irq(void)
{
	char want[512];
	int ret;

	/* the kernel's %p: scnprintf() is the kernel's */
	scnprintf(want, sizeof(want),
		 "kshim: ledger: IRQ handlers requested is 1 at test end, was 0 at test start\n"
		 "IRQ 2: handler leaky (dev_id %p) requested at %s:%d, not freed\n",
		 (void *)&ledger_dev, __FILE__, marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);

	ret = request_irq(2, nop_handler, 0, "leaky", &ledger_dev); /* LINE:leak */
	CU_ASSERT_EQUAL(ret, 0);
}

static struct test_event busy_started = TEST_EVENT_INIT;
static struct test_event busy_go = TEST_EVENT_INIT;

static irqreturn_t busy_handler(int irq, void *dev_id)
{
	test_event_set(&busy_started);
	test_event_wait_ms(&busy_go, TEST_WAIT_MS);
	return IRQ_HANDLED;
}

/*
 * Lines 3 and 26 stay requested for the suite (its init, in the parent
 * of every test): only "pending or running" moves in its tests.
 */
static int ledger_init(void)
{
	if (request_irq(3, nop_handler, 0, "suite", &ledger_dev))
		return -1;
	return request_irq(26, busy_handler, 0, "busy", &ledger_dev);
}

static int ledger_cleanup(void)
{
	free_irq(3, &ledger_dev);
	free_irq(26, &ledger_dev);
	return 0;
}

/* A handler still running when the test ends. */
static void test_ledger_running_handler(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "kshim: ledger: IRQs pending or running is 1 at test end, was 0 at test start\n"
			    "IRQ 26: its handler still runs on CPU#3\n",
			    1);
	kshim_raise_irq(26);
	CU_ASSERT_TRUE_FATAL(test_event_wait_ms(&busy_started, TEST_WAIT_MS));
}

static void test_ledger_pending_irq(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "kshim: ledger: IRQs pending or running is 1 at test end, was 0 at test start\n"
			    "IRQ 3: raised while disabled (depth 1), waiting for enable_irq()\n",
			    1);
	disable_irq(3);
	kshim_raise_irq(3);
}

static void test_ledger_scheduled_tasklet(void)
{
	static struct work w;

	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "kshim: ledger: tasklets scheduled is 1 at test end, was 0 at test start\n",
			    1);
	tasklet_setup(&w.t, work_fn);
	tasklet_disable(&w.t);
	tasklet_schedule(&w.t);
}

/* Positive: a test that cleans up leaves the ledger quiet. */
static void test_ledger_balanced(void)
{
	struct work w = { .runs = 0 };

	disable_irq(3);
	kshim_raise_irq(3);
	enable_irq(3);
	CU_ASSERT_EQUAL(kshim_irq_sync(3), 0);
	tasklet_setup(&w.t, work_fn);
	tasklet_disable(&w.t);
	tasklet_schedule(&w.t);
	tasklet_enable(&w.t);
	tasklet_kill(&w.t);
	CU_ASSERT_EQUAL(w.runs, 1);
}

static CU_TestInfo tasklet_tests[] = {
	{ "schedule_from_task_runs_in_softirq",
	  test_schedule_from_task_runs_in_softirq },
	{ "bh_disable_defers", test_bh_disable_defers },
	{ "irqs_off_defers", test_irqs_off_defers },
	{ "schedule_from_handler_runs_at_irq_exit",
	  test_schedule_from_handler_runs_at_irq_exit },
	{ "old_style_and_hi", test_old_style_and_hi },
	{ "disable_enable", test_disable_enable },
	{ "kill_disabled_tasklet_is_bounded",
	  test_kill_disabled_tasklet_is_bounded },
	{ "kill_in_atomic", test_kill_in_atomic },
	{ "disable_in_atomic", test_disable_in_atomic },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_tests[] = {
	{ "requested_irq", test_ledger_requested_irq },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_line_tests[] = {
	{ "pending_irq", test_ledger_pending_irq },
	{ "running_handler", test_ledger_running_handler },
	{ "scheduled_tasklet", test_ledger_scheduled_tasklet },
	{ "balanced", test_ledger_balanced },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "tasklet", NULL, NULL, NULL, NULL, tasklet_tests },
	{ "ledger", NULL, NULL, NULL, NULL, ledger_tests },
	{ "ledger_line", ledger_init, ledger_cleanup, NULL, NULL,
	  ledger_line_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
