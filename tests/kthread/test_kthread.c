/*
 * test_kthread - kernel threads and the kthread_worker (linux/kthread.h,
 * issue 13 item 5), against kernel/kthread.c of 6.1:
 *  - a kthread is created stopped with its own task (comm from the
 *    format, cut to 15 bytes; PF_KTHREAD; a pid of its own), runs once
 *    woken, and kthread_stop() returns its function's result; stopped
 *    before it ever ran: -EINTR, the function never called;
 *  - a kthread_should_stop() loop sleeping schedule_timeout_interruptible()
 *    on kshim's clock, stopped by the test; park/unpark round trips (also
 *    before the first wake-up); kthread_create_on_cpu() binds the thread:
 *    smp_processor_id() is that CPU without a report;
 *  - the kthread_worker: works run in order on the worker's kthread,
 *    kthread_flush_work()/kthread_flush_worker() wait for them, delayed
 *    works fire on kshim's clock, kthread_destroy_worker() drains;
 *  - the checks, each with its negative test (class, kernel text, this
 *    file's line) and a silent positive one: to_kthread()'s WARN on a task
 *    that is not a kthread and the oops after it; kthread_stop() of a
 *    stopped (freed) kthread; kthread_stop() by the thread itself
 *    (lockup); kthread_park() of an exited thread (WARN, -ENOSYS) and
 *    twice (WARN, -EBUSY); kthread_bind() of a running thread (WARN);
 *    kthread_create() in atomic context (might_sleep); a kthread left
 *    running (ledger, naming its comm and creating line); a kthread
 *    ending atomic or with interrupts off (task_exit); a kthread_work
 *    flushing its own worker (lockup).
 * Tests whose report ends the task need KSHIM_FORK=1 (skipped with 0).
 */
#include <stdio.h>
#include <string.h>

#include <kshim/boot.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/completion.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/wait.h>

#include "common/expect_bug.h"

#define expect_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

/* A report that ends the task ends the program without KSHIM_FORK=1. */
static bool isolated(void)
{
	if (!strcmp(kshim_setting("KSHIM_FORK"), "1"))
		return true;
	kshim_test_skip("the report ends the task: needs KSHIM_FORK=1");
	return false;
}

struct kdata {
	struct completion started;
	struct completion done;
	int called;
	int loops;
	int cpu;
	int result;
	unsigned int flags;
	pid_t pid;
	char comm[TASK_COMM_LEN];
};

static void kdata_init(struct kdata *d, int result)
{
	memset(d, 0, sizeof(*d));
	init_completion(&d->started);
	init_completion(&d->done);
	d->result = result;
}

/* Sleeps in slices of HZ/10 until told to stop. */
static int loop_fn(void *arg)
{
	struct kdata *d = arg;

	d->called++;
	d->pid = current->pid;
	d->flags = current->flags;
	memcpy(d->comm, current->comm, sizeof(d->comm));
	complete(&d->started);
	while (!kthread_should_stop()) {
		d->loops++;
		if (d->loops == 3)
			complete(&d->done);
		schedule_timeout_interruptible(HZ / 10);
	}
	return d->result;
}

static void test_create_wake_stop_returns_result(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 42);
	k = kthread_create(loop_fn, &d, "kth-%d", 7);
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_STRING_EQUAL(k->comm, "kth-7");
	CU_ASSERT(k->flags & PF_KTHREAD);
	CU_ASSERT_NOT_EQUAL(k->pid, current->pid);
	CU_ASSERT(k != current);
	CU_ASSERT_EQUAL(kshim_task_state(k), TASK_UNINTERRUPTIBLE);
	CU_ASSERT_PTR_EQUAL(kthread_data(k), &d);
	CU_ASSERT_PTR_EQUAL(kthread_func(k), (void *)loop_fn);
	CU_ASSERT_PTR_NULL(kthread_func(current));
	CU_ASSERT_EQUAL(d.called, 0);
	CU_ASSERT_EQUAL(wake_up_process(k), 1);
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(d.called, 1);
	CU_ASSERT_EQUAL(d.pid, k->pid);
	CU_ASSERT_STRING_EQUAL(d.comm, "kth-7");
	CU_ASSERT(d.flags & PF_KTHREAD);
	CU_ASSERT_EQUAL(kthread_stop(k), 42);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_stop_before_wake_is_eintr(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 1);
	k = kthread_create(loop_fn, &d, "knever");
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_EQUAL(kthread_stop(k), -EINTR);
	CU_ASSERT_EQUAL(d.called, 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The loop's sleeps are on kshim's clock: 3 of them took 3 * HZ/10. */
static void test_should_stop_loop_on_virtual_time(void)
{
	struct kdata d;
	struct task_struct *k;
	unsigned long start = jiffies;

	kdata_init(&d, 0);
	k = kthread_run(loop_fn, &d, "kloop");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.done);
	CU_ASSERT(time_after_eq(jiffies, start + 2 * (HZ / 10)));
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
	CU_ASSERT(d.loops >= 3);
}

/*
 * The common driver loop: wait_event_interruptible(wq, ... ||
 * kthread_should_stop()), ended by kthread_stop() alone (its
 * wake_up_process() ends the wait, as the kernel's try_to_wake_up()).
 */
static DECLARE_WAIT_QUEUE_HEAD(event_wq);

static int wait_event_fn(void *arg)
{
	struct kdata *d = arg;

	complete(&d->done);
	wait_event_interruptible(event_wq, kthread_should_stop());
	return 7;
}

static void test_stop_ends_wait_event(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_run(wait_event_fn, &d, "kwaiter");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.done);
	CU_ASSERT_EQUAL(kthread_stop(k), 7);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The name is cut to TASK_COMM_LEN - 1; get_kthread_comm() has it all. */
static void test_long_name(void)
{
	struct kdata d;
	struct task_struct *k;
	char buf[64];

	kdata_init(&d, 0);
	k = kthread_run(loop_fn, &d, "a-very-long-kthread-name-%d", 12345);
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_STRING_EQUAL(k->comm, "a-very-long-kth");
	get_kthread_comm(buf, sizeof(buf), k);
	CU_ASSERT_STRING_EQUAL(buf, "a-very-long-kthread-name-12345");
	/* Stopped before it left its first sleep, it would say -EINTR. */
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
}

/* A parkable loop. */
static int park_fn(void *arg)
{
	struct kdata *d = arg;

	d->called++;
	while (!kthread_should_stop()) {
		if (kthread_should_park()) {
			kthread_parkme();
			continue;
		}
		d->loops++;
		complete(&d->started);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop() && !kthread_should_park())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 7;
}

static void test_park_unpark_round_trip(void)
{
	struct kdata d;
	struct task_struct *k;
	int loops;

	kdata_init(&d, 0);
	k = kthread_run(park_fn, &d, "kpark");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_park(k), 0);
	CU_ASSERT_EQUAL(kshim_task_state(k), TASK_PARKED);
	CU_ASSERT(__kthread_should_park(k));
	loops = d.loops;
	/* Parked: a wake-up does not make it run. */
	CU_ASSERT_EQUAL(wake_up_process(k), 0);
	CU_ASSERT_EQUAL(d.loops, loops);
	kthread_unpark(k);
	CU_ASSERT_FALSE(__kthread_should_park(k));
	wait_for_completion(&d.started);
	CU_ASSERT(d.loops > loops);
	/* Parked again, then stopped: kthread_stop() unparks. */
	CU_ASSERT_EQUAL(kthread_park(k), 0);
	CU_ASSERT_EQUAL(kthread_stop(k), 7);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* kthread_park() instead of the first wake-up: parked, function not run. */
static void test_park_before_wake(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_create(park_fn, &d, "kpark0");
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_EQUAL(kthread_park(k), 0);
	CU_ASSERT_EQUAL(kshim_task_state(k), TASK_PARKED);
	CU_ASSERT_EQUAL(d.called, 0);
	kthread_unpark(k);
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(d.called, 1);
	CU_ASSERT_EQUAL(kthread_stop(k), 7);
}

static int cpu_fn(void *arg)
{
	struct kdata *d = arg;

	d->cpu = smp_processor_id(); /* LINE:cpu_fn */
	memcpy(d->comm, current->comm, sizeof(d->comm));
	complete(&d->started);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

static void test_create_on_cpu(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	d.cpu = -1;
	k = kthread_create_on_cpu(cpu_fn, &d, 1, "kcpu/%u");
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_STRING_EQUAL(k->comm, "kcpu/1");
	CU_ASSERT(k->flags & PF_NO_SETAFFINITY);
	wake_up_process(k);
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(d.cpu, 1);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);

	kdata_init(&d, 0);
	k = kthread_run_on_cpu(cpu_fn, &d, 2, "krun/%u");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(d.cpu, 2);
	CU_ASSERT_STRING_EQUAL(d.comm, "krun/2");
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* An unbound kthread may migrate: the kernel's report. */
static void test_unbound_smp_processor_id_reports(void)
{
	struct kdata d;
	struct task_struct *k;

	char want[256];

	kdata_init(&d, 0);
	k = kthread_create(cpu_fn, &d, "kfree");
	CU_ASSERT_FATAL(!IS_ERR(k));
	snprintf(want, sizeof(want),
		 "BUG: using smp_processor_id() in preemptible [00000000] code: kfree/%d\n"
		 "caller is cpu_fn %s:%d\n", k->pid, __FILE__,
		 marker_line("cpu_fn"));
	kshim_expect_report(KSHIM_REPORT_SMP_PROCESSOR_ID, want, 1);
	wake_up_process(k);
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
}

static void test_bind_running_warns(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_run(loop_fn, &d, "kbind");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	expect_at(KSHIM_REPORT_WARNING, " at ", "bind_running");
	kthread_bind(k, 1); /* LINE:bind_running */
	CU_ASSERT_FALSE(k->flags & PF_NO_SETAFFINITY);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
}

static void test_bind_created_silent(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_create(cpu_fn, &d, "kbound");
	CU_ASSERT_FATAL(!IS_ERR(k));
	kthread_bind(k, 1);
	wake_up_process(k);
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(d.cpu, 1);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- checks ---- */

static void test_stop_non_kthread_warns_and_oopses(void)
{
	if (!isolated())
		return;
	expect_at(KSHIM_REPORT_WARNING, " at ", "stop_non_kthread");
	kshim_expect_report(KSHIM_REPORT_OOPS,
			    "BUG: kernel NULL pointer dereference, address: 0000000000000000\n",
			    1);
	kthread_stop(current); /* LINE:stop_non_kthread */
	CU_FAIL("kthread_stop() of a task that is not a kthread returned");
}

static void test_should_stop_non_kthread_warns_and_oopses(void)
{
	if (!isolated())
		return;
	expect_at(KSHIM_REPORT_WARNING, " at ", "should_stop_non_kthread");
	kshim_expect_report(KSHIM_REPORT_OOPS,
			    "BUG: kernel NULL pointer dereference, address: 0000000000000000\n",
			    1);
	if (kthread_should_stop()) /* LINE:should_stop_non_kthread */
		CU_FAIL("stop");
	CU_FAIL("kthread_should_stop() outside a kthread returned");
}

static void test_stop_twice_is_use_after_free(void)
{
	struct kdata d;
	struct task_struct *k;
	char want[256];

	if (!isolated())
		return;
	kdata_init(&d, 3);
	k = kthread_run(loop_fn, &d, "ktwice");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 3);
	snprintf(want, sizeof(want),
		 "refcount_t: addition on 0; use-after-free.\n"
		 "WARNING: CPU: 0 PID: %d at %s:%d ", current->pid, __FILE__,
		 marker_line("stop_twice"));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	kshim_expect_report(KSHIM_REPORT_OOPS,
			    "BUG: kernel NULL pointer dereference, address: 0000000000000000\n",
			    1);
	kthread_stop(k); /* LINE:stop_twice */
	CU_FAIL("kthread_stop() of a freed kthread returned");
}

static int exit_fn(void *arg)
{
	struct kdata *d = arg;

	d->called++;
	kthread_complete_and_exit(&d->done, d->result);
}

/* A reference held: kthread_stop() after the thread exited on its own. */
static void test_stop_after_own_exit_with_reference(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 5);
	k = kthread_create(exit_fn, &d, "kexit");
	CU_ASSERT_FATAL(!IS_ERR(k));
	get_task_struct(k);
	wake_up_process(k);
	wait_for_completion(&d.done);
	CU_ASSERT_EQUAL(kthread_stop(k), 5);
	put_task_struct(k);
	CU_ASSERT_EQUAL(d.called, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static int stop_self_fn(void *arg)
{
	kthread_stop(current); /* LINE:stop_self */
	return 0;
}

static void test_stop_self_is_lockup(void)
{
	struct completion never;
	struct task_struct *k;
	char want[256];

	if (!isolated())
		return;
	init_completion(&never);
	k = kthread_create(stop_self_fn, NULL, "kself");
	CU_ASSERT_FATAL(!IS_ERR(k));
	snprintf(want, sizeof(want),
		 "kshim: kthread_stop() waits for ever: kself/%d stops itself at %s:%d, and cannot exit while it waits for its own exit\n",
		 k->pid, __FILE__, marker_line("stop_self"));
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	wake_up_process(k);
	wait_for_completion(&never);
	CU_FAIL("the test went on");
}

static void test_park_exited_warns_enosys(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 3);
	k = kthread_create(exit_fn, &d, "kgone");
	CU_ASSERT_FATAL(!IS_ERR(k));
	get_task_struct(k);
	wake_up_process(k);
	wait_for_completion(&d.done);
	expect_at(KSHIM_REPORT_WARNING, " at ", "park_exited");
	CU_ASSERT_EQUAL(kthread_park(k), -ENOSYS); /* LINE:park_exited */
	CU_ASSERT_EQUAL(kthread_stop(k), 3);
	put_task_struct(k);
}

static void test_park_twice_warns_ebusy(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_run(park_fn, &d, "kpark2");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_park(k), 0);
	expect_at(KSHIM_REPORT_WARNING, " at ", "park_twice");
	CU_ASSERT_EQUAL(kthread_park(k), -EBUSY); /* LINE:park_twice */
	kthread_unpark(k);
	CU_ASSERT_EQUAL(kthread_stop(k), 7);
}

static void test_create_with_irqs_off_might_sleep(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "create_atomic");
	local_irq_disable();
	k = kthread_create(loop_fn, &d, "katomic"); /* LINE:create_atomic */
	local_irq_enable();
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_EQUAL(kthread_stop(k), -EINTR);
}

static struct kdata leaked;

static int sleep_fn(void *arg)
{
	struct kdata *d = arg;

	complete(&d->started);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static void test_running_at_test_end_is_ledgered(void)
{
	struct task_struct *k;
	char want[256];

	kdata_init(&leaked, 0);
	k = kthread_run(sleep_fn, &leaked, "kleak"); /* LINE:leak */
	CU_ASSERT_FATAL(!IS_ERR(k));
	snprintf(want, sizeof(want),
		 "kshim: ledger: kthreads running is 1 at test end, was 0 at test start\n"
		 "kthread kleak/%d (sleep_fn) created at %s:%d, still running: never stopped\n",
		 k->pid, __FILE__, marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	wait_for_completion(&leaked.started);
}

static void test_stopped_at_test_end_is_silent(void)
{
	struct kdata d;
	struct task_struct *k;

	kdata_init(&d, 0);
	k = kthread_run(sleep_fn, &d, "kclean");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
}

/* Started, then stopped (no reference held: it must not exit first). */
static void wait_for_stop(struct kdata *d)
{
	complete(&d->started);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
}

static int exit_atomic_fn(void *arg)
{
	wait_for_stop(arg);
	preempt_disable(); /* LINE:exit_atomic */
	return 0;
}

static void test_exit_atomic_is_task_exit_report(void)
{
	struct kdata d;
	struct task_struct *k;
	const struct kshim_report *r;

	kdata_init(&d, 0);
	kshim_expect_report(KSHIM_REPORT_TASK_EXIT,
			    "] exited with preempt_count 1\n", 1);
	k = kthread_run(exit_atomic_fn, &d, "katom");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
	/* In by the time kthread_stop() returns. */
	r = assert_report_at(KSHIM_REPORT_TASK_EXIT, "exit_atomic");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "note: katom["));
}

static int exit_irqs_off_fn(void *arg)
{
	wait_for_stop(arg);
	local_irq_disable(); /* LINE:exit_irqs_off */
	return 0;
}

static void test_exit_irqs_off_is_task_exit_report(void)
{
	struct kdata d;
	struct task_struct *k;
	const struct kshim_report *r;

	kdata_init(&d, 0);
	kshim_expect_report(KSHIM_REPORT_TASK_EXIT,
			    "] exited with irqs disabled\n", 1);
	k = kthread_run(exit_irqs_off_fn, &d, "kirqoff");
	CU_ASSERT_FATAL(!IS_ERR(k));
	wait_for_completion(&d.started);
	CU_ASSERT_EQUAL(kthread_stop(k), 0);
	r = assert_report_at(KSHIM_REPORT_TASK_EXIT, "exit_irqs_off");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "note: kirqoff["));
}

/* ---- kthread_worker ---- */

struct wdata {
	struct kthread_work work[3];
	struct kthread_work block;
	struct kthread_delayed_work dwork;
	struct completion release;
	struct completion blocked;
	struct kthread_worker *worker;
	int order[8];
	int n;
	bool on_worker;
	int cpu;
};

static struct wdata *wd;
/* Static: a timer on the stack needs timer_setup_on_stack() (ODEBUG). */
static struct wdata w;

static void work_fn(struct kthread_work *work)
{
	int i;

	for (i = 0; i < 3; i++)
		if (work == &wd->work[i] && wd->n < 8)
			wd->order[wd->n++] = i + 1;
	if (work == &wd->dwork.work && wd->n < 8)
		wd->order[wd->n++] = 9;
	wd->on_worker = current == wd->worker->task;
	wd->cpu = raw_smp_processor_id();
}

static void block_fn(struct kthread_work *work)
{
	complete(&wd->blocked);
	wait_for_completion(&wd->release);
}

static void wdata_init(struct wdata *x)
{
	int i;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < 3; i++)
		kthread_init_work(&x->work[i], work_fn);
	kthread_init_work(&x->block, block_fn);
	kthread_init_delayed_work(&x->dwork, work_fn);
	init_completion(&x->release);
	init_completion(&x->blocked);
	wd = x;
}

static void test_worker_queue_flush_destroy(void)
{

	wdata_init(&w);
	w.worker = kthread_create_worker(0, "kw-%s", "test");
	CU_ASSERT_FATAL(!IS_ERR(w.worker));
	CU_ASSERT_STRING_EQUAL(w.worker->task->comm, "kw-test");
	/* Held up by the first work: the others wait in order. */
	CU_ASSERT(kthread_queue_work(w.worker, &w.block));
	wait_for_completion(&w.blocked);
	CU_ASSERT(kthread_queue_work(w.worker, &w.work[1]));
	CU_ASSERT(kthread_queue_work(w.worker, &w.work[0]));
	CU_ASSERT_FALSE(kthread_queue_work(w.worker, &w.work[1]));
	CU_ASSERT(kthread_queue_work(w.worker, &w.work[2]));
	CU_ASSERT_EQUAL(w.n, 0);
	complete(&w.release);
	kthread_flush_work(&w.work[0]);
	CU_ASSERT(w.n >= 2);
	CU_ASSERT_EQUAL(w.order[0], 2);
	CU_ASSERT_EQUAL(w.order[1], 1);
	kthread_flush_worker(w.worker);
	CU_ASSERT_EQUAL(w.n, 3);
	CU_ASSERT_EQUAL(w.order[2], 3);
	CU_ASSERT(w.on_worker);
	/* Queued again, then destroyed: destroy drains first. */
	CU_ASSERT(kthread_queue_work(w.worker, &w.work[2]));
	kthread_destroy_worker(w.worker);
	CU_ASSERT_EQUAL(w.n, 4);
	CU_ASSERT_EQUAL(w.order[3], 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_worker_delayed_work(void)
{

	wdata_init(&w);
	w.worker = kthread_create_worker(0, "kwd");
	CU_ASSERT_FATAL(!IS_ERR(w.worker));
	CU_ASSERT(kthread_queue_delayed_work(w.worker, &w.dwork, HZ));
	CU_ASSERT_FALSE(kthread_queue_delayed_work(w.worker, &w.dwork, HZ));
	kshim_advance_time(500 * NSEC_PER_MSEC);
	kthread_flush_worker(w.worker);
	CU_ASSERT_EQUAL(w.n, 0);
	kshim_advance_time(600 * NSEC_PER_MSEC);
	kthread_flush_work(&w.dwork.work);
	CU_ASSERT_EQUAL(w.n, 1);
	CU_ASSERT_EQUAL(w.order[0], 9);
	/* Cancelled before it fires: never runs. */
	CU_ASSERT(kthread_queue_delayed_work(w.worker, &w.dwork, 10 * HZ));
	CU_ASSERT(kthread_cancel_delayed_work_sync(&w.dwork));
	kshim_advance_time(20ULL * NSEC_PER_SEC);
	kthread_flush_worker(w.worker);
	CU_ASSERT_EQUAL(w.n, 1);
	CU_ASSERT_FALSE(kthread_cancel_delayed_work_sync(&w.dwork));
	kthread_destroy_worker(w.worker);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_worker_on_cpu(void)
{

	wdata_init(&w);
	w.cpu = -1;
	w.worker = kthread_create_worker_on_cpu(1, 0, "kw/%d", 1);
	CU_ASSERT_FATAL(!IS_ERR(w.worker));
	CU_ASSERT_STRING_EQUAL(w.worker->task->comm, "kw/1");
	CU_ASSERT(kthread_queue_work(w.worker, &w.work[0]));
	kthread_flush_work(&w.work[0]);
	CU_ASSERT_EQUAL(w.cpu, 1);
	kthread_destroy_worker(w.worker);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void flush_self_fn(struct kthread_work *work)
{
	kthread_flush_worker(wd->worker); /* LINE:flush_self */
}

static void test_flush_own_worker_is_lockup(void)
{
	struct completion never;
	char want[256];

	if (!isolated())
		return;
	wdata_init(&w);
	init_completion(&never);
	kthread_init_work(&w.work[0], flush_self_fn);
	w.worker = kthread_create_worker(0, "kwself");
	CU_ASSERT_FATAL(!IS_ERR(w.worker));
	snprintf(want, sizeof(want),
		 "kshim: kthread_flush_worker() waits for ever: called at %s:%d by kwself/%d, the worker that would run the flush\n",
		 __FILE__, marker_line("flush_self"), w.worker->task->pid);
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	kthread_queue_work(w.worker, &w.work[0]);
	wait_for_completion(&never);
	CU_FAIL("the test went on");
}

static CU_TestInfo kthread_tests[] = {
	{ "create_wake_stop_returns_result",
	  test_create_wake_stop_returns_result },
	{ "stop_before_wake_is_eintr", test_stop_before_wake_is_eintr },
	{ "should_stop_loop_on_virtual_time",
	  test_should_stop_loop_on_virtual_time },
	{ "stop_ends_wait_event", test_stop_ends_wait_event },
	{ "long_name", test_long_name },
	{ "park_unpark_round_trip", test_park_unpark_round_trip },
	{ "park_before_wake", test_park_before_wake },
	{ "create_on_cpu", test_create_on_cpu },
	{ "stop_after_own_exit_with_reference",
	  test_stop_after_own_exit_with_reference },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "stop_non_kthread_warns_and_oopses",
	  test_stop_non_kthread_warns_and_oopses },
	{ "should_stop_non_kthread_warns_and_oopses",
	  test_should_stop_non_kthread_warns_and_oopses },
	{ "stop_twice_is_use_after_free", test_stop_twice_is_use_after_free },
	{ "stop_self_is_lockup", test_stop_self_is_lockup },
	{ "park_exited_warns_enosys", test_park_exited_warns_enosys },
	{ "park_twice_warns_ebusy", test_park_twice_warns_ebusy },
	{ "bind_running_warns", test_bind_running_warns },
	{ "bind_created_silent", test_bind_created_silent },
	{ "unbound_smp_processor_id_reports",
	  test_unbound_smp_processor_id_reports },
	{ "create_with_irqs_off_might_sleep",
	  test_create_with_irqs_off_might_sleep },
	{ "running_at_test_end_is_ledgered",
	  test_running_at_test_end_is_ledgered },
	{ "stopped_at_test_end_is_silent", test_stopped_at_test_end_is_silent },
	{ "exit_atomic_is_task_exit_report",
	  test_exit_atomic_is_task_exit_report },
	{ "exit_irqs_off_is_task_exit_report",
	  test_exit_irqs_off_is_task_exit_report },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo worker_tests[] = {
	{ "queue_flush_destroy", test_worker_queue_flush_destroy },
	{ "delayed_work", test_worker_delayed_work },
	{ "on_cpu", test_worker_on_cpu },
	{ "flush_own_worker_is_lockup", test_flush_own_worker_is_lockup },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kthread", NULL, NULL, NULL, NULL, kthread_tests },
	{ "kthread_checks", NULL, NULL, NULL, NULL, check_tests },
	{ "kthread_worker", NULL, NULL, NULL, NULL, worker_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
