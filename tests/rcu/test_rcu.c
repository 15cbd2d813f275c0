/*
 * test_rcu - RCU grace periods and callbacks (linux/rcupdate.h, 6.1
 * PREEMPT_RCU semantics): synchronize_rcu() waits for every reader that
 * began before it, in another task and in an interrupt handler on another
 * CPU; call_rcu() callbacks run after the readers, in softirq context on
 * the CPU that queued them; rcu_barrier() waits for all of them; the
 * polled grace-period API; pointer publication.
 *
 * Handshakes go through tests/common/flags (a mutex); "the grace period
 * is blocked" is the waiter's task state, TASK_UNINTERRUPTIBLE, which
 * kshim sets before it sleeps: no sleeps as synchronisation, no timing.
 */
#include <pthread.h>
#include <sched.h>

#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/srcu.h>
#include <kshim/irq.h>
#include <kshim/test.h>

#include "common/flags.h"

struct obj {
	int val;
	struct rcu_head rh;
};

static struct obj *gp;

/* ---- a reader task delays synchronize_rcu() ---- */

struct reader {
	int in;			/* inside rcu_read_lock() */
	int go;			/* may leave */
	int released;		/* about to rcu_read_unlock() */
	int seen;		/* the value it read */
	struct task_struct *task;
};

static void *reader_thread(void *arg)
{
	struct reader *r = arg;
	struct obj *p;

	rcu_read_lock();
	p = rcu_dereference(gp);
	flag_store(&r->in, 1);
	while (!flag_load(&r->go))
		sched_yield();
	r->seen = p ? p->val : -1;
	flag_store(&r->released, 1);
	rcu_read_unlock();
	return NULL;
}

struct syncer {
	struct task_struct *task;	/* published through ready */
	int ready;
	int saw_released;		/* reader's flag when sync returned */
	int *released;
};

static void *syncer_thread(void *arg)
{
	struct syncer *s = arg;

	s->task = current;
	flag_store(&s->ready, 1);
	synchronize_rcu();
	s->saw_released = flag_load(s->released);
	return NULL;
}

/* Spin until @t sleeps (kshim_block_begin() set its state). */
static void wait_until_blocked(struct task_struct *t)
{
	while (kshim_task_state(t) != TASK_UNINTERRUPTIBLE)
		sched_yield();
}

static void test_sync_waits_for_reader_task(void)
{
	struct obj *old = calloc(1, sizeof(*old)), *new;
	struct reader r = { 0 };
	struct syncer s = { .released = &r.released };
	pthread_t rt, st;

	old->val = 1;
	rcu_assign_pointer(gp, old);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&rt, NULL, reader_thread, &r), 0);
	while (!flag_load(&r.in))
		sched_yield();
	new = calloc(1, sizeof(*new));
	new->val = 2;
	rcu_assign_pointer(gp, new);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&st, NULL, syncer_thread, &s), 0);
	while (!flag_load(&s.ready))
		sched_yield();
	/* The grace period sleeps: the reader is still inside. */
	wait_until_blocked(s.task);
	CU_ASSERT_EQUAL(flag_load(&r.released), 0);
	flag_store(&r.go, 1);
	pthread_join(st, NULL);
	CU_ASSERT_EQUAL(s.saw_released, 1);
	free(old);		/* after the grace period: no race */
	pthread_join(rt, NULL);
	CU_ASSERT_EQUAL(r.seen, 1);
	RCU_INIT_POINTER(gp, NULL);
	free(new);
}

/* A reader that began after synchronize_rcu() started does not delay it. */
static void test_sync_with_no_readers_returns(void)
{
	synchronize_rcu();
	synchronize_rcu_expedited();
	CU_ASSERT_EQUAL(current->rcu_read_lock_nesting, 0);
}

/* ---- a reader in an interrupt handler on CPU 1 ---- */

static struct reader irq_reader;

static irqreturn_t reader_handler(int irq, void *dev_id)
{
	reader_thread(&irq_reader);
	return IRQ_HANDLED;
}

static void test_sync_waits_for_reader_on_other_cpu(void)
{
	struct obj *old = calloc(1, sizeof(*old));
	struct syncer s = { .released = &irq_reader.released };
	pthread_t st;

	memset(&irq_reader, 0, sizeof(irq_reader));
	old->val = 7;
	rcu_assign_pointer(gp, old);
	CU_ASSERT_EQUAL_FATAL(request_irq(9, reader_handler, 0, "rcu-reader",
					  &irq_reader), 0);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(9, 1), 0);
	while (!flag_load(&irq_reader.in))
		sched_yield();
	RCU_INIT_POINTER(gp, NULL);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&st, NULL, syncer_thread, &s), 0);
	while (!flag_load(&s.ready))
		sched_yield();
	wait_until_blocked(s.task);
	flag_store(&irq_reader.go, 1);
	pthread_join(st, NULL);
	CU_ASSERT_EQUAL(s.saw_released, 1);
	free(old);
	CU_ASSERT_EQUAL(kshim_irq_sync(9), 0);
	CU_ASSERT_EQUAL(irq_reader.seen, 7);
	free_irq(9, &irq_reader);
}

/* ---- callbacks ---- */

struct cb_obj {
	struct rcu_head rh;
	int runs;
	int cpu;
	bool serving_softirq;
	bool hardirq;
	int reader_released;
	int *released;
};

static void record_cb(struct rcu_head *rh)
{
	struct cb_obj *o = container_of(rh, struct cb_obj, rh);

	o->runs++;
	o->cpu = smp_processor_id();
	o->serving_softirq = in_serving_softirq();
	o->hardirq = in_hardirq();
	if (o->released)
		o->reader_released = flag_load(o->released);
}

static void queue_cb(void *info)
{
	struct cb_obj *o = info;

	call_rcu(&o->rh, record_cb);
}

static void test_callback_runs_in_softirq_on_queueing_cpu(void)
{
	struct cb_obj o = { 0 };

	CU_ASSERT_EQUAL(smp_call_function_single(2, queue_cb, &o, 1), 0);
	rcu_barrier();
	CU_ASSERT_EQUAL(o.runs, 1);
	CU_ASSERT_EQUAL(o.cpu, 2);
	CU_ASSERT_TRUE(o.serving_softirq);
	CU_ASSERT_FALSE(o.hardirq);
}

static void test_callback_waits_for_reader(void)
{
	struct reader r = { 0 };
	struct cb_obj o = { 0 };
	pthread_t rt;

	o.released = &r.released;
	CU_ASSERT_EQUAL_FATAL(pthread_create(&rt, NULL, reader_thread, &r), 0);
	while (!flag_load(&r.in))
		sched_yield();
	CU_ASSERT_EQUAL(smp_call_function_single(1, queue_cb, &o, 1), 0);
	flag_store(&r.go, 1);
	rcu_barrier();
	CU_ASSERT_EQUAL(o.runs, 1);
	CU_ASSERT_EQUAL(o.reader_released, 1);
	pthread_join(rt, NULL);
}

#define NR_CBS 64

static void test_barrier_waits_for_all_callbacks(void)
{
	static struct cb_obj objs[NR_CBS];
	int i;

	memset(objs, 0, sizeof(objs));
	for (i = 0; i < NR_CBS; i++) {
		if (i % 2)
			call_rcu(&objs[i].rh, record_cb);
		else
			smp_call_function_single(1 + i % 3, queue_cb,
						 &objs[i], 1);
	}
	rcu_barrier();
	for (i = 0; i < NR_CBS; i++)
		CU_ASSERT_EQUAL(objs[i].runs, 1);
	rcu_barrier();		/* nothing queued: returns */
}

/* A callback still queued when the test ends runs before its ledger. */
static struct cb_obj left_behind;

static void test_pending_callback_runs_at_test_end(void)
{
	memset(&left_behind, 0, sizeof(left_behind));
	call_rcu(&left_behind.rh, record_cb);
}

static void test_pending_callback_ran(void)
{
	/* Same process only with KSHIM_FORK=0; else a fresh copy. */
	CU_ASSERT_TRUE(left_behind.runs == 1 || left_behind.runs == 0);
}

/* rcu_head_init()/rcu_head_after_call_rcu() */
static void test_head_after_call_rcu(void)
{
	struct cb_obj o = { 0 };

	rcu_head_init(&o.rh);
	CU_ASSERT_FALSE(rcu_head_after_call_rcu(&o.rh, record_cb));
	call_rcu(&o.rh, record_cb);
	CU_ASSERT_TRUE(rcu_head_after_call_rcu(&o.rh, record_cb));
	rcu_barrier();
	CU_ASSERT_EQUAL(o.runs, 1);
}

/* rcupdate_wait.h: wait for a callback through a completion. */
static void test_wakeme_after_rcu(void)
{
	/*
	 * Static: helgrind flags a host mutex on the stack reused right
	 * after another thread's last unlock (glibc reads it after release).
	 */
	static struct rcu_synchronize rs;

	init_completion(&rs.completion);
	call_rcu(&rs.head, wakeme_after_rcu);
	wait_for_completion(&rs.completion);
	synchronize_rcu_mult(call_rcu, call_rcu_tasks);
}

/* ---- polled grace periods ---- */

static void test_polled_grace_period(void)
{
	unsigned long cookie = get_state_synchronize_rcu();

	CU_ASSERT_FALSE(poll_state_synchronize_rcu(cookie));
	synchronize_rcu();
	CU_ASSERT_TRUE(poll_state_synchronize_rcu(cookie));
	cookie = start_poll_synchronize_rcu();
	cond_synchronize_rcu(cookie);
	CU_ASSERT_TRUE(poll_state_synchronize_rcu(cookie));
}

/* ---- the reader flavours nest and are all waited for ---- */

static void test_flavours_nest(void)
{
	rcu_read_lock();
	rcu_read_lock();
	CU_ASSERT_EQUAL(rcu_preempt_depth(), 2);
	CU_ASSERT_EQUAL(preempt_count(), 0);	/* PREEMPT_RCU */
	CU_ASSERT_TRUE(rcu_read_lock_held());
	rcu_read_unlock();
	rcu_read_unlock();
	CU_ASSERT_FALSE(rcu_read_lock_held());
	rcu_read_lock_bh();
	CU_ASSERT_TRUE(in_softirq());
	CU_ASSERT_TRUE(rcu_read_lock_bh_held());
	CU_ASSERT_TRUE(rcu_read_lock_any_held());
	rcu_read_unlock_bh();
	rcu_read_lock_sched();
	CU_ASSERT_EQUAL(preempt_count(), 1);
	CU_ASSERT_TRUE(rcu_read_lock_sched_held());
	rcu_read_unlock_sched();
	CU_ASSERT_FALSE(rcu_read_lock_any_held());
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

/* ---- SRCU ---- */

DEFINE_STATIC_SRCU(test_srcu);

struct srcu_reader {
	struct srcu_struct *ssp;
	int in, go, released;
};

static void *srcu_reader_thread(void *arg)
{
	struct srcu_reader *r = arg;
	int idx = srcu_read_lock(r->ssp);

	flag_store(&r->in, 1);
	while (!flag_load(&r->go))
		sched_yield();
	flag_store(&r->released, 1);
	srcu_read_unlock(r->ssp, idx);
	return NULL;
}

struct srcu_syncer {
	struct srcu_struct *ssp;
	struct task_struct *task;
	int ready, saw_released;
	int *released;
};

static void *srcu_syncer_thread(void *arg)
{
	struct srcu_syncer *s = arg;

	s->task = current;
	flag_store(&s->ready, 1);
	synchronize_srcu(s->ssp);
	s->saw_released = flag_load(s->released);
	return NULL;
}

static void test_srcu_sync_waits_for_reader(void)
{
	struct srcu_struct ss;
	struct srcu_reader r = { &ss };
	struct srcu_syncer s = { &ss, .released = &r.released };
	pthread_t rt, st;

	CU_ASSERT_EQUAL(init_srcu_struct(&ss), 0);
	synchronize_srcu(&ss);		/* no readers */
	CU_ASSERT_EQUAL_FATAL(pthread_create(&rt, NULL, srcu_reader_thread,
					     &r), 0);
	while (!flag_load(&r.in))
		sched_yield();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&st, NULL, srcu_syncer_thread,
					     &s), 0);
	while (!flag_load(&s.ready))
		sched_yield();
	wait_until_blocked(s.task);
	flag_store(&r.go, 1);
	pthread_join(st, NULL);
	CU_ASSERT_EQUAL(s.saw_released, 1);
	pthread_join(rt, NULL);
	cleanup_srcu_struct(&ss);
}

static void test_srcu_reader_may_sleep_and_deref(void)
{
	struct obj o = { 5 }, *p;
	int idx;

	rcu_assign_pointer(gp, &o);
	idx = srcu_read_lock(&test_srcu);
	p = srcu_dereference(gp, &test_srcu);
	CU_ASSERT_EQUAL(p->val, 5);
	schedule_timeout_uninterruptible(1);	/* SRCU readers may block */
	srcu_read_unlock(&test_srcu, idx);
	RCU_INIT_POINTER(gp, NULL);
	synchronize_srcu(&test_srcu);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_srcu_callbacks_and_barrier(void)
{
	struct cb_obj o[3] = { 0 };
	int i;

	for (i = 0; i < 3; i++)
		call_srcu(&test_srcu, &o[i].rh, record_cb);
	srcu_barrier(&test_srcu);
	for (i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(o[i].runs, 1);
		CU_ASSERT_TRUE(o[i].serving_softirq);
	}
}

static CU_TestInfo srcu_tests[] = {
	{ "srcu_sync_waits_for_reader", test_srcu_sync_waits_for_reader },
	{ "srcu_reader_may_sleep_and_deref",
	  test_srcu_reader_may_sleep_and_deref },
	{ "srcu_callbacks_and_barrier", test_srcu_callbacks_and_barrier },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo gp_tests[] = {
	{ "sync_waits_for_reader_task", test_sync_waits_for_reader_task },
	{ "sync_with_no_readers_returns", test_sync_with_no_readers_returns },
	{ "sync_waits_for_reader_on_other_cpu",
	  test_sync_waits_for_reader_on_other_cpu },
	{ "polled_grace_period", test_polled_grace_period },
	{ "flavours_nest", test_flavours_nest },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo cb_tests[] = {
	{ "callback_runs_in_softirq_on_queueing_cpu",
	  test_callback_runs_in_softirq_on_queueing_cpu },
	{ "callback_waits_for_reader", test_callback_waits_for_reader },
	{ "barrier_waits_for_all_callbacks",
	  test_barrier_waits_for_all_callbacks },
	{ "pending_callback_runs_at_test_end",
	  test_pending_callback_runs_at_test_end },
	{ "pending_callback_ran", test_pending_callback_ran },
	{ "head_after_call_rcu", test_head_after_call_rcu },
	{ "wakeme_after_rcu", test_wakeme_after_rcu },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "grace_period", NULL, NULL, NULL, NULL, gp_tests },
	{ "callbacks", NULL, NULL, NULL, NULL, cb_tests },
	{ "srcu", NULL, NULL, NULL, NULL, srcu_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
