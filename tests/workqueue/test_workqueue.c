/*
 * test_workqueue - linux/workqueue.h (issue 13, item 4):
 *  - work runs in process context on a kworker bound to the queueing CPU
 *    ("kworker/N:M", "H" for WQ_HIGHPRI, "kworker/uP:M" unbound), with
 *    current_work() set; queue_work() of a pending item returns false;
 *    flush_work() returns whether it waited;
 *  - max_active and ordered workqueues: never more items of one
 *    workqueue at once than allowed, in queueing order when ordered; a
 *    work item never runs concurrently with itself;
 *  - cancel*() return whether the item was pending; delayed work fires
 *    only once kshim's clock reaches its expiry; mod_delayed_work()
 *    re-arms; work queued from an interrupt handler and from a timer;
 *  - the kernel's checks, each with the test's line, and correct use
 *    silent: flushing or cancelling a work item from itself and flushing
 *    the own workqueue from its item (lockdep's recursive locking, then
 *    a lockup report where the kernel hangs), check_flush_dependency()'s
 *    WARN, queueing onto a draining or destroyed workqueue, "BUG:
 *    workqueue leaked lock or atomic", work still queued at the end of a
 *    test (ledger).
 */
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include <kshim/irq.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <kshim/workqueue.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "common/expect_bug.h"

struct tw {
	struct work_struct work;
	struct delayed_work dwork;
	int runs;
	int cpu;
	bool process_ctx;
	bool current_ok;
	char comm[16];
	int order;
	/* blocking items: started, then wait for go */
	struct completion started, go;
	bool block;
};

static int concurrency, max_concurrency, order_next;

static void record(struct tw *t, struct work_struct *work)
{
	int now = __atomic_add_fetch(&concurrency, 1, __ATOMIC_SEQ_CST);
	int max = __atomic_load_n(&max_concurrency, __ATOMIC_SEQ_CST);

	while (now > max &&
	       !__atomic_compare_exchange_n(&max_concurrency, &max, now,
					    false, __ATOMIC_SEQ_CST,
					    __ATOMIC_SEQ_CST))
		;
	t->runs++;
	t->cpu = raw_smp_processor_id();
	t->process_ctx = !in_interrupt() && !preempt_count() &&
			 !irqs_disabled();
	t->current_ok = current_work() == work;
	memcpy(t->comm, current->comm, sizeof(t->comm));
	t->order = __atomic_fetch_add(&order_next, 1, __ATOMIC_SEQ_CST);
	if (t->block) {
		complete(&t->started);
		wait_for_completion(&t->go);
	}
	__atomic_sub_fetch(&concurrency, 1, __ATOMIC_SEQ_CST);
}

static void tw_fn(struct work_struct *work)
{
	record(container_of(work, struct tw, work), work);
}

static void tw_dfn(struct work_struct *work)
{
	record(container_of(to_delayed_work(work), struct tw, dwork), work);
}

static void tw_init(struct tw *t, bool block)
{
	memset(t, 0, sizeof(*t));
	INIT_WORK(&t->work, tw_fn);
	INIT_DELAYED_WORK(&t->dwork, tw_dfn);
	init_completion(&t->started);
	init_completion(&t->go);
	t->block = block;
	t->cpu = -1;
}

static void reset_counters(void)
{
	concurrency = max_concurrency = order_next = 0;
}

/* ---- basics ---- */

static void test_queue_run_flush(void)
{
	static struct tw t;

	tw_init(&t, false);
	CU_ASSERT_FALSE(work_pending(&t.work));
	CU_ASSERT_FALSE(flush_work(&t.work));	/* never queued */
	CU_ASSERT_TRUE(schedule_work(&t.work));
	CU_ASSERT_TRUE(flush_work(&t.work) || t.runs == 1);
	CU_ASSERT_EQUAL(t.runs, 1);
	CU_ASSERT_FALSE(work_pending(&t.work));
	CU_ASSERT_EQUAL(work_busy(&t.work), 0);
	CU_ASSERT_FALSE(flush_work(&t.work));	/* idle now */
	CU_ASSERT_TRUE(t.process_ctx);
	CU_ASSERT_TRUE(t.current_ok);
	CU_ASSERT_EQUAL(t.cpu, 0);
	CU_ASSERT_EQUAL(strncmp(t.comm, "kworker/0:", 10), 0);
	CU_ASSERT_PTR_NULL(current_work());
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_pending_requeue_returns_false(void)
{
	struct workqueue_struct *wq = alloc_workqueue("one", WQ_UNBOUND, 1);
	static struct tw a, b;

	tw_init(&a, true);
	tw_init(&b, false);
	CU_ASSERT_TRUE(queue_work(wq, &a.work));
	wait_for_completion(&a.started);
	CU_ASSERT_TRUE(queue_work(wq, &b.work));
	/* b waits behind a (max_active 1): still pending. */
	CU_ASSERT_FALSE(queue_work(wq, &b.work));
	CU_ASSERT_TRUE(work_pending(&b.work));
	CU_ASSERT_EQUAL(work_busy(&b.work), WORK_BUSY_PENDING);
	CU_ASSERT_EQUAL(work_busy(&a.work), WORK_BUSY_RUNNING);
	CU_ASSERT_EQUAL(kshim_works_pending(), 1);
	complete(&a.go);
	flush_workqueue(wq);
	CU_ASSERT_EQUAL(a.runs, 1);
	CU_ASSERT_EQUAL(b.runs, 1);
	CU_ASSERT_EQUAL(strncmp(a.comm, "kworker/u", 9), 0);
	destroy_workqueue(wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_queue_work_on_cpu(void)
{
	struct workqueue_struct *hi = alloc_workqueue("hi", WQ_HIGHPRI, 0);
	static struct tw t, h;

	tw_init(&t, false);
	tw_init(&h, false);
	CU_ASSERT_TRUE(queue_work_on(3, system_wq, &t.work));
	CU_ASSERT_TRUE(queue_work_on(2, hi, &h.work));
	flush_work(&t.work);
	flush_work(&h.work);
	CU_ASSERT_EQUAL(t.cpu, 3);
	CU_ASSERT_EQUAL(strncmp(t.comm, "kworker/3:", 10), 0);
	CU_ASSERT_EQUAL(h.cpu, 2);
	CU_ASSERT_EQUAL(strncmp(h.comm, "kworker/2:", 10), 0);
	CU_ASSERT_EQUAL(h.comm[strlen(h.comm) - 1], 'H');
	destroy_workqueue(hi);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static int cpu_seen;

static void smp_id_fn(struct work_struct *work)
{
	/* A per-CPU kworker is bound: no "using smp_processor_id()" BUG. */
	cpu_seen = smp_processor_id();
}

static void test_smp_processor_id_in_bound_work(void)
{
	static struct work_struct w;

	INIT_WORK(&w, smp_id_fn);
	cpu_seen = -1;
	schedule_work_on(1, &w);
	flush_work(&w);
	CU_ASSERT_EQUAL(cpu_seen, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_ordered_runs_one_at_a_time_in_order(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ord", 0);
	static struct tw t[8];
	int i;

	reset_counters();
	for (i = 0; i < 8; i++)
		tw_init(&t[i], false);
	for (i = 0; i < 8; i++)
		CU_ASSERT_TRUE(queue_work(wq, &t[i].work));
	flush_workqueue(wq);
	for (i = 0; i < 8; i++) {
		CU_ASSERT_EQUAL(t[i].runs, 1);
		CU_ASSERT_EQUAL(t[i].order, i);
	}
	CU_ASSERT_EQUAL(max_concurrency, 1);
	destroy_workqueue(wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_max_active_honoured(void)
{
	struct workqueue_struct *wq = alloc_workqueue("two", WQ_UNBOUND, 2);
	static struct tw a, b, c;

	reset_counters();
	tw_init(&a, true);
	tw_init(&b, true);
	tw_init(&c, false);
	queue_work(wq, &a.work);
	queue_work(wq, &b.work);
	queue_work(wq, &c.work);
	/* Two run at once; the third waits for one of them. */
	wait_for_completion(&a.started);
	wait_for_completion(&b.started);
	CU_ASSERT_EQUAL(work_busy(&c.work), WORK_BUSY_PENDING);
	CU_ASSERT_EQUAL(c.runs, 0);
	CU_ASSERT_TRUE(workqueue_congested(WORK_CPU_UNBOUND, wq));
	complete(&a.go);
	complete(&b.go);
	flush_workqueue(wq);
	CU_ASSERT_EQUAL(c.runs, 1);
	CU_ASSERT_EQUAL(max_concurrency, 2);
	destroy_workqueue(wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_not_reentrant(void)
{
	static struct tw a;

	reset_counters();
	tw_init(&a, true);
	queue_work_on(1, system_wq, &a.work);
	wait_for_completion(&a.started);
	/* Running on CPU 1: queued for CPU 2, it still waits for itself. */
	CU_ASSERT_TRUE(queue_work_on(2, system_wq, &a.work));
	complete_all(&a.go);
	flush_work(&a.work);
	flush_work(&a.work);
	CU_ASSERT_EQUAL(a.runs, 2);
	CU_ASSERT_EQUAL(a.cpu, 1);
	CU_ASSERT_EQUAL(max_concurrency, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- cancelling ---- */

static void test_cancel_return_values(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("cancel", 0);
	static struct tw a, b, c;

	tw_init(&a, true);
	tw_init(&b, false);
	tw_init(&c, false);
	CU_ASSERT_FALSE(cancel_work_sync(&b.work));	/* idle */
	CU_ASSERT_FALSE(cancel_work(&b.work));
	queue_work(wq, &a.work);
	wait_for_completion(&a.started);
	queue_work(wq, &b.work);
	queue_work(wq, &c.work);
	CU_ASSERT_TRUE(cancel_work_sync(&b.work));	/* was pending */
	CU_ASSERT_TRUE(cancel_work(&c.work));
	CU_ASSERT_FALSE(work_pending(&b.work));
	CU_ASSERT_FALSE(work_pending(&c.work));
	complete(&a.go);
	flush_workqueue(wq);
	CU_ASSERT_EQUAL(b.runs, 0);
	CU_ASSERT_EQUAL(c.runs, 0);
	/* Running, not pending: false, and it has finished on return. */
	tw_init(&a, true);
	queue_work(wq, &a.work);
	wait_for_completion(&a.started);
	complete(&a.go);
	CU_ASSERT_FALSE(cancel_work_sync(&a.work));
	CU_ASSERT_EQUAL(a.runs, 1);
	CU_ASSERT_EQUAL(work_busy(&a.work), 0);
	/* Cancelled items can be queued again. */
	CU_ASSERT_TRUE(queue_work(wq, &b.work));
	flush_work(&b.work);
	CU_ASSERT_EQUAL(b.runs, 1);
	destroy_workqueue(wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- delayed work ---- */

static void test_delayed_work_fires_at_expiry(void)
{
	static struct tw t;

	tw_init(&t, false);
	CU_ASSERT_TRUE(schedule_delayed_work(&t.dwork, 10));
	CU_ASSERT_FALSE(schedule_delayed_work(&t.dwork, 10));
	kshim_advance_time(9 * NSEC_PER_MSEC);
	CU_ASSERT_TRUE(delayed_work_pending(&t.dwork));
	CU_ASSERT_FALSE(flush_work(&t.dwork.work));	/* only armed */
	CU_ASSERT_EQUAL(t.runs, 0);
	kshim_advance_time(1 * NSEC_PER_MSEC);
	flush_work(&t.dwork.work);
	CU_ASSERT_EQUAL(t.runs, 1);
	CU_ASSERT_EQUAL(t.cpu, 0);
	CU_ASSERT_TRUE(t.process_ctx);
	CU_ASSERT_FALSE(delayed_work_pending(&t.dwork));
	/* Delay 0: queued at once. */
	CU_ASSERT_TRUE(schedule_delayed_work(&t.dwork, 0));
	flush_delayed_work(&t.dwork);
	CU_ASSERT_EQUAL(t.runs, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_mod_delayed_work_rearms(void)
{
	static struct tw t;

	tw_init(&t, false);
	/* Idle: false, and queued. */
	CU_ASSERT_FALSE(mod_delayed_work(system_wq, &t.dwork, 100));
	CU_ASSERT_TRUE(mod_delayed_work(system_wq, &t.dwork, 10));
	kshim_advance_time(10 * NSEC_PER_MSEC);
	flush_delayed_work(&t.dwork);
	CU_ASSERT_EQUAL(t.runs, 1);
	/* Pushed later: not at the first expiry. */
	queue_delayed_work(system_wq, &t.dwork, 5);
	CU_ASSERT_TRUE(mod_delayed_work(system_wq, &t.dwork, 50));
	kshim_advance_time(5 * NSEC_PER_MSEC);
	CU_ASSERT_TRUE(delayed_work_pending(&t.dwork));
	CU_ASSERT_EQUAL(t.runs, 1);
	/* flush_delayed_work() runs an armed one now (its return value
	 * says whether it still had to wait: racy by nature). */
	flush_delayed_work(&t.dwork);
	CU_ASSERT_EQUAL(t.runs, 2);
	queue_delayed_work(system_wq, &t.dwork, 5);
	CU_ASSERT_TRUE(cancel_delayed_work(&t.dwork));
	CU_ASSERT_FALSE(cancel_delayed_work_sync(&t.dwork));
	kshim_advance_time(10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(t.runs, 2);
	CU_ASSERT_EQUAL(kshim_timers_pending(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- from interrupts and timers ---- */

static struct tw irq_tw;

static irqreturn_t queue_handler(int irq, void *dev)
{
	schedule_work(&irq_tw.work);
	return IRQ_HANDLED;
}

static void test_queued_from_irq_handler(void)
{
	tw_init(&irq_tw, false);
	CU_ASSERT_EQUAL_FATAL(request_irq(9, queue_handler, 0, "wq", &irq_tw),
			      0);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(9, 2), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(9), 0);
	flush_work(&irq_tw.work);
	CU_ASSERT_EQUAL(irq_tw.runs, 1);
	CU_ASSERT_EQUAL(irq_tw.cpu, 2);
	CU_ASSERT_TRUE(irq_tw.process_ctx);
	free_irq(9, &irq_tw);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct timer_list qtimer;

static void queue_timer_fn(struct timer_list *t)
{
	schedule_work(&irq_tw.work);
}

static void test_queued_from_timer(void)
{
	tw_init(&irq_tw, false);
	timer_setup(&qtimer, queue_timer_fn, 0);
	mod_timer(&qtimer, jiffies + 3);
	kshim_advance_time(3 * NSEC_PER_MSEC);
	flush_work(&irq_tw.work);
	CU_ASSERT_EQUAL(irq_tw.runs, 1);
	CU_ASSERT_TRUE(irq_tw.process_ctx);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the kernel's checks ---- */

static struct work_struct self_w;

static void self_flush_fn(struct work_struct *work)
{
	flush_work(work); /* LINE:self_flush */
}

/* lockdep's report, then kshim's line; the test ends with the kworker. */
static void expect_recursive(const char *lock, const char *func,
			     const char *what, const char *marker)
{
	static char want[512];

	snprintf(want, sizeof(want),
		 "is trying to acquire lock:\n (%s), at: %s %s:%d\n"
		 "\nbut task is already holding lock:\n (%s), at: process_one_work\n"
		 "\n *** DEADLOCK ***\n\n"
		 "kshim: %s() from work %s running on ",
		 lock, func, __FILE__, marker_line(marker), lock, what, func);
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
}

static void test_flush_self_is_a_lockup(void)
{
	expect_recursive("(work_completion)(&self_w)", "self_flush_fn",
			 "flush_work", "self_flush");
	INIT_WORK(&self_w, self_flush_fn);
	schedule_work(&self_w);
	flush_work(&self_w);
	CU_FAIL("flush_work() returned");
}

static void self_cancel_fn(struct work_struct *work)
{
	cancel_work_sync(work); /* LINE:self_cancel */
}

static void test_cancel_sync_self_is_a_lockup(void)
{
	expect_recursive("(work_completion)(&self_w)", "self_cancel_fn",
			 "cancel_work_sync", "self_cancel");
	INIT_WORK(&self_w, self_cancel_fn);
	schedule_work(&self_w);
	flush_work(&self_w);
	CU_FAIL("flush_work() returned");
}

static struct tw other;

static void flush_other_fn(struct work_struct *work)
{
	flush_work(&other.work);
	cancel_work_sync(&other.work);
}

static void test_flush_other_from_work_silent(void)
{
	tw_init(&other, false);
	INIT_WORK(&self_w, flush_other_fn);
	schedule_work(&other.work);
	schedule_work(&self_w);
	flush_work(&self_w);
	CU_ASSERT_EQUAL(other.runs, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct workqueue_struct *own_wq;

static void flush_own_wq_fn(struct work_struct *work)
{
	flush_workqueue(own_wq); /* LINE:own_wq */
}

static void test_flush_own_workqueue_is_a_lockup(void)
{
	expect_recursive("(wq_completion)own", "flush_own_wq_fn",
			 "flush_workqueue", "own_wq");
	own_wq = alloc_ordered_workqueue("own", 0);
	INIT_WORK(&self_w, flush_own_wq_fn);
	queue_work(own_wq, &self_w);
	flush_work(&self_w);
	CU_FAIL("flush_work() returned");
}

static void test_flush_other_workqueue_from_work_silent(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("runner", 0);

	own_wq = alloc_ordered_workqueue("own", 0);
	INIT_WORK(&self_w, flush_own_wq_fn);
	queue_work(wq, &self_w);
	flush_work(&self_w);
	destroy_workqueue(wq);
	destroy_workqueue(own_wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct workqueue_struct *plain_wq;
static struct work_struct target_w, reclaim_w;

/* Ends only once the flusher has warned (or gives up): deterministic. */
static void target_fn(struct work_struct *work)
{
	int i;

	for (i = 0; i < 5000 && !kshim_report_count(KSHIM_REPORT_WARNING);
	     i++)
		msleep(1);
}

static void noop_fn(struct work_struct *work)
{
}

static void reclaim_fn(struct work_struct *work)
{
	flush_work(&target_w); /* LINE:reclaim_flush */
}

static void test_mem_reclaim_flushing_plain_warns(void)
{
	struct workqueue_struct *recl =
		alloc_workqueue("reclaim", WQ_MEM_RECLAIM, 0);

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "reclaim_flush");
	plain_wq = alloc_workqueue("plain", 0, 0);
	INIT_WORK(&target_w, target_fn);
	INIT_WORK(&reclaim_w, reclaim_fn);
	queue_work(plain_wq, &target_w);
	queue_work(recl, &reclaim_w);
	flush_work(&reclaim_w);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "workqueue: WQ_MEM_RECLAIM reclaim:reclaim_fn is flushing !WQ_MEM_RECLAIM plain:target_fn\n"));
	destroy_workqueue(recl);
	destroy_workqueue(plain_wq);
}

static void test_mem_reclaim_flushing_reclaim_silent(void)
{
	struct workqueue_struct *recl =
		alloc_workqueue("reclaim", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *legacy = create_workqueue("legacy");

	/* Target WQ_MEM_RECLAIM: fine; a legacy flusher: not checked. */
	plain_wq = alloc_workqueue("plain2", WQ_MEM_RECLAIM, 0);
	INIT_WORK(&target_w, noop_fn);
	INIT_WORK(&reclaim_w, reclaim_fn);
	queue_work(plain_wq, &target_w);
	queue_work(recl, &reclaim_w);
	flush_work(&reclaim_w);
	queue_work(plain_wq, &target_w);
	queue_work(legacy, &reclaim_w);
	flush_work(&reclaim_w);
	destroy_workqueue(recl);
	destroy_workqueue(legacy);
	destroy_workqueue(plain_wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct workqueue_struct *draining_wq;
static struct work_struct outsider_w, late_w, holder_w;
static struct completion outsider_done;

static void late_fn(struct work_struct *work)
{
	CU_FAIL("an item queued onto a draining workqueue ran");
}

/* On system_wq: waits for the drain, then queues from outside. */
static void outsider_fn(struct work_struct *work)
{
	int i;

	for (i = 0; i < 5000 && !kshim_workqueue_draining(draining_wq); i++)
		msleep(1);
	queue_work(draining_wq, &late_w); /* LINE:queue_draining */
	complete(&outsider_done);
}

/* On the draining workqueue: holds the drain until the outsider queued. */
static void holder_fn(struct work_struct *work)
{
	wait_for_completion(&outsider_done);
}

static void test_queue_on_draining_warns(void)
{
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "queue_draining");
	draining_wq = alloc_workqueue("drained", 0, 0);
	init_completion(&outsider_done);
	INIT_WORK(&outsider_w, outsider_fn);
	INIT_WORK(&late_w, late_fn);
	INIT_WORK(&holder_w, holder_fn);
	queue_work(draining_wq, &holder_w);
	schedule_work(&outsider_w);
	destroy_workqueue(draining_wq);
	flush_work(&outsider_w);
	/* Dropped, PENDING left set (as the kernel does). */
	CU_ASSERT_TRUE(work_pending(&late_w));
	CU_ASSERT_EQUAL(kshim_works_pending(), 0);
}

static int chained;

static void chain_fn(struct work_struct *work)
{
	/* Chained queueing from its own workqueue is allowed. */
	if (chained++ < 3)
		queue_work(draining_wq, work);
}

static void test_chained_queue_while_draining_silent(void)
{
	draining_wq = alloc_workqueue("chain", 0, 0);
	chained = 0;
	INIT_WORK(&late_w, chain_fn);
	queue_work(draining_wq, &late_w);
	drain_workqueue(draining_wq);
	CU_ASSERT_EQUAL(chained, 4);
	CU_ASSERT_FALSE(work_pending(&late_w));
	destroy_workqueue(draining_wq);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_queue_after_destroy_warns(void)
{
	struct workqueue_struct *wq = alloc_workqueue("gone", 0, 0);
	static struct tw t;
	char want[256];

	tw_init(&t, false);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "queue_destroyed");
	/* 6.1 does not see the armed delayed work: its timer queues late. */
	queue_delayed_work(wq, &t.dwork, 10); /* LINE:queue_destroyed */
	destroy_workqueue(wq); /* LINE:destroy_gone */
	kshim_advance_time(10 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(t.runs, 0);
	snprintf(want, sizeof(want),
		 "kshim: workqueue gone was destroyed at %s:%d (the kernel has freed it: this is a use-after-free)\n",
		 __FILE__, marker_line("destroy_gone"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      want));
}

static DEFINE_SPINLOCK(leak_lock);

static void leak_atomic_fn(struct work_struct *work)
{
	preempt_disable(); /* LINE:leak_preempt */
}

static void test_leaked_atomic_reports(void)
{
	static struct work_struct w;

	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_WORKQUEUE,
			    "BUG: workqueue leaked lock or atomic: kworker/1:0/0x00000001/", 1);
	INIT_WORK(&w, leak_atomic_fn);
	schedule_work_on(1, &w);
	flush_work(&w);
	/* At the line that disabled preemption. */
	r = assert_report_at(KSHIM_REPORT_WORKQUEUE, "leak_preempt");
	CU_ASSERT_TRUE(r && strstr(r->text,
			       "\n     last function: leak_atomic_fn\n"));
}

static void balanced_fn(struct work_struct *work)
{
	spin_lock(&leak_lock);
	preempt_disable();
	preempt_enable();
	spin_unlock(&leak_lock);
	msleep(2);		/* process context: sleeping is fine */
}

static void test_balanced_work_silent(void)
{
	static struct work_struct w;

	INIT_WORK(&w, balanced_fn);
	schedule_work_on(1, &w);
	flush_work(&w);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static struct tw blocker, leaked_tw;
static struct workqueue_struct *leak_wq;

static void blocker_fn(struct work_struct *work)
{
	complete(&blocker.started);
	wait_for_completion_timeout(&blocker.go, msecs_to_jiffies(200));
}

static void test_pending_at_test_end_is_ledgered(void)
{
	char want[512], want2[1024];

	snprintf(want, sizeof(want),
		 "kshim: ledger: work items pending is 1 at test end, was 0 at test start\n"
		 "work %016lx (tw_fn) on workqueue leaky: queued at %s:%d, never run\n",
		 (unsigned long)&leaked_tw.work, __FILE__,
		 marker_line("leak_queue"));
	/* One ledger report, its entries in order. */
	snprintf(want2, sizeof(want2),
		 "%skshim: ledger: workqueues not destroyed is 1 at test end, was 0 at test start\n"
		 "workqueue leaky: allocated at %s:%d, not destroyed\n",
		 want, __FILE__, marker_line("leak_alloc"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want2, 1);
	tw_init(&blocker, false);
	tw_init(&leaked_tw, false);
	INIT_WORK(&blocker.work, blocker_fn);
	leak_wq = alloc_ordered_workqueue("leaky", 0); /* LINE:leak_alloc */
	queue_work(leak_wq, &blocker.work);
	wait_for_completion(&blocker.started);
	queue_work(leak_wq, &leaked_tw.work); /* LINE:leak_queue */
}

static void test_flushed_at_test_end_is_silent(void)
{
	tw_init(&leaked_tw, false);
	leak_wq = alloc_ordered_workqueue("tidy", 0);
	queue_work(leak_wq, &leaked_tw.work);
	destroy_workqueue(leak_wq);
	CU_ASSERT_EQUAL(leaked_tw.runs, 1);
	CU_ASSERT_EQUAL(kshim_works_pending(), 0);
}

static CU_TestInfo basic_tests[] = {
	{ "queue_run_flush", test_queue_run_flush },
	{ "pending_requeue_returns_false", test_pending_requeue_returns_false },
	{ "queue_work_on_cpu", test_queue_work_on_cpu },
	{ "smp_processor_id_in_bound_work",
	  test_smp_processor_id_in_bound_work },
	{ "ordered_runs_one_at_a_time_in_order",
	  test_ordered_runs_one_at_a_time_in_order },
	{ "max_active_honoured", test_max_active_honoured },
	{ "not_reentrant", test_not_reentrant },
	{ "cancel_return_values", test_cancel_return_values },
	{ "delayed_work_fires_at_expiry", test_delayed_work_fires_at_expiry },
	{ "mod_delayed_work_rearms", test_mod_delayed_work_rearms },
	{ "queued_from_irq_handler", test_queued_from_irq_handler },
	{ "queued_from_timer", test_queued_from_timer },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "flush_self_is_a_lockup", test_flush_self_is_a_lockup },
	{ "cancel_sync_self_is_a_lockup", test_cancel_sync_self_is_a_lockup },
	{ "flush_other_from_work_silent", test_flush_other_from_work_silent },
	{ "flush_own_workqueue_is_a_lockup",
	  test_flush_own_workqueue_is_a_lockup },
	{ "flush_other_workqueue_from_work_silent",
	  test_flush_other_workqueue_from_work_silent },
	{ "mem_reclaim_flushing_plain_warns",
	  test_mem_reclaim_flushing_plain_warns },
	{ "mem_reclaim_flushing_reclaim_silent",
	  test_mem_reclaim_flushing_reclaim_silent },
	{ "queue_on_draining_warns", test_queue_on_draining_warns },
	{ "chained_queue_while_draining_silent",
	  test_chained_queue_while_draining_silent },
	{ "queue_after_destroy_warns", test_queue_after_destroy_warns },
	{ "leaked_atomic_reports", test_leaked_atomic_reports },
	{ "balanced_work_silent", test_balanced_work_silent },
	{ "pending_at_test_end_is_ledgered",
	  test_pending_at_test_end_is_ledgered },
	{ "flushed_at_test_end_is_silent", test_flushed_at_test_end_is_silent },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "workqueue", NULL, NULL, NULL, NULL, basic_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
