/*
 * test_might_sleep - the no-sleep assertions and "scheduling while atomic"
 * (6.8 kernel/sched/core.c with CONFIG_DEBUG_ATOMIC_SLEEP): might_sleep()
 * from every atomic state, silent in process context, one report a
 * second; might_sleep_if(); the !TASK_RUNNING warning; cant_sleep();
 * non_block_start()/end(); might_fault() and pagefault_disable(); and
 * every sleeping primitive kshim has, in atomic context.  kernel-api.md
 * §10 items 82-85 and 87-88.  Reports must name this file's exact line
 * (LINE:<name> markers).
 *
 * Not covered here (noted): lock_page(), blocking page allocations, kmap()
 * and the user-copy functions are might_sleep() points of the memory
 * issues (their own tests); rcu_read_lock() nesting (no RCU in kshim).
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <kshim/context.h>

#include "sched/sched_test.h"

/* current->comm: the program name cut to TASK_COMM_LEN - 1 characters */
static const char *comm = "test_might_slee";

/* One place that calls might_sleep(), so every state reports this line. */
static void call_might_sleep(void *arg)
{
	might_sleep(); /* LINE:might_sleep */
}

/*
 * The three lines of __might_resched(), for a might_sleep() at the
 * LINE:@marker line, in the state described.
 */
static void expect_might_sleep(const char *marker, int atomic, int irqs,
			       int non_block, unsigned int count)
{
	char text[512];

	snprintf(text, sizeof(text),
		 "BUG: sleeping function called from invalid context at %s:%d\n"
		 "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n"
		 "preempt_count: %x, expected: 0\n",
		 __FILE__, marker_line(marker), atomic, irqs, non_block,
		 (int)getpid(), comm, count);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, text, 1);
}

/* 82: silent when the task may sleep. */
static void test_process_context_is_silent(void)
{
	might_sleep();
	might_sleep_if(1);
	might_fault();
	cond_resched();
	call_might_sleep(NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(test_taint(TAINT_WARN));
}

/* 82: the whole report, preemption disabled. */
static void test_preempt_off_full_text(void)
{
	const struct kshim_report *r;
	char disabled[256];

	expect_might_sleep("might_sleep", 1, 0, 0, 1);
	file_line(disabled, "] test_preempt_off_full_text ", "preempt_off",
		  "\n");
	preempt_disable(); /* LINE:preempt_off */
	call_might_sleep(NULL);
	preempt_enable();
	r = assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "might_sleep");
	/* The report names the function that called might_sleep(). */
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r->func);
	CU_ASSERT_STRING_EQUAL(r->func, "call_might_sleep");
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_MIGHT_SLEEP),
			"preempt_count: 1, expected: 0\n",
			"Preemption disabled at:\n", disabled,
			"CPU: 0 PID: ", "Hardware name: kshim simulated machine\n",
			"Call Trace:\n", " <TASK>\n", " </TASK>\n");
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));
}

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rwlock);

static void test_spinlock(void)
{
	expect_might_sleep("might_sleep", 1, 0, 0, 1);
	spin_lock(&lock);
	call_might_sleep(NULL);
	spin_unlock(&lock);
}

static void test_spinlock_irqsave(void)
{
	unsigned long flags;

	expect_might_sleep("might_sleep", 1, 1, 0, 1);
	spin_lock_irqsave(&lock, flags);
	call_might_sleep(NULL);
	spin_unlock_irqrestore(&lock, flags);
}

static void test_spinlock_bh(void)
{
	expect_might_sleep("might_sleep", 1, 0, 0, 0x201);
	spin_lock_bh(&lock);
	call_might_sleep(NULL);
	spin_unlock_bh(&lock);
}

static void test_read_lock(void)
{
	expect_might_sleep("might_sleep", 1, 0, 0, 1);
	read_lock(&rwlock);
	call_might_sleep(NULL);
	read_unlock(&rwlock);
}

static void test_write_lock_irq(void)
{
	expect_might_sleep("might_sleep", 1, 1, 0, 1);
	write_lock_irq(&rwlock);
	call_might_sleep(NULL);
	write_unlock_irq(&rwlock);
}

static void test_bh_off(void)
{
	expect_might_sleep("might_sleep", 1, 0, 0, 0x200);
	local_bh_disable();
	call_might_sleep(NULL);
	local_bh_enable();
}

/* IRQs off alone: in_atomic() is 0 and preempt_count as expected. */
static void test_irqs_off(void)
{
	expect_might_sleep("might_sleep", 0, 1, 0, 0);
	local_irq_disable();
	call_might_sleep(NULL);
	local_irq_enable();
}

static void test_softirq(void)
{
	expect_might_sleep("might_sleep", 1, 0, 0, 0x100);
	kshim_run_in_softirq(call_might_sleep, NULL);
}

static void test_hardirq(void)
{
	expect_might_sleep("might_sleep", 1, 1, 0, 0x10000);
	kshim_run_in_hardirq(call_might_sleep, NULL);
}

static void test_nmi(void)
{
	expect_might_sleep("might_sleep", 1, 1, 0, 0x110000);
	kshim_run_in_nmi(call_might_sleep, NULL);
}

static void test_non_block(void)
{
	expect_might_sleep("might_sleep", 0, 0, 1, 0);
	non_block_start();
	call_might_sleep(NULL);
	non_block_end();
}

/* 82: one report a second (the kernel's prev_jiffy). */
static void test_rate_limited(void)
{
	unsigned long t0;
	int suppressed = 0;

	/* No backtrace: the report itself must take well under a second. */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_BACKTRACE=0", NULL), 0);
	expect_might_sleep("might_sleep", 1, 0, 0, 1);
	preempt_disable();
	t0 = jiffies;
	call_might_sleep(NULL);
	/* The report's timestamp is at least t0: calls until t0 + HZ are quiet. */
	while (suppressed < 3 && time_before(jiffies, t0 + HZ)) {
		call_might_sleep(NULL);
		if (time_before(jiffies, t0 + HZ))
			suppressed++;
	}
	preempt_enable();
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_MIGHT_SLEEP), 1);
	CU_ASSERT_TRUE(suppressed > 0);
}

/* 82: execution continues; the next second reports again. */
static void test_reports_again_after_a_second(void)
{
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, NULL, 2);
	preempt_disable();
	call_might_sleep(NULL);
	preempt_enable();
	msleep(1100);
	preempt_disable();
	call_might_sleep(NULL);
	preempt_enable();
}

/* 83 */
static void test_might_sleep_if(void)
{
	char want[256];

	file_line(want, "invalid context at ", "might_sleep_if", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	preempt_disable();
	might_sleep_if(0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	might_sleep_if(1); /* LINE:might_sleep_if */
	preempt_enable();
}

/* 83: blocking with a task state set WARNs once (then the usual check). */
static void test_not_task_running_warns_once(void)
{
	char set_at[256], at[256];

	file_line(set_at, "set at [<", "set_state", "");
	file_line(at, "at ", "blocking_op", " __might_sleep\n");
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "do not call blocking ops when !TASK_RUNNING; state=2 set at [<",
			    1);
	set_current_state(TASK_UNINTERRUPTIBLE); /* LINE:set_state */
	might_sleep(); /* LINE:blocking_op */
	might_sleep();
	__set_current_state(TASK_RUNNING);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"do not call blocking ops when !TASK_RUNNING; state=2 set at [<",
			"] test_not_task_running_warns_once ", __FILE__, at);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_MIGHT_SLEEP), 0);
}

/* 85: cant_sleep() wants atomic context. */
static void test_cant_sleep(void)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "BUG: assuming atomic context at %s:%d\n"
		 "in_atomic(): 0, irqs_disabled(): 0, pid: %d, name: %s\n",
		 __FILE__, marker_line("cant_sleep"), (int)getpid(), comm);
	kshim_expect_report(KSHIM_REPORT_CANT_SLEEP, want, 1);
	spin_lock(&lock);
	cant_sleep();
	spin_unlock(&lock);
	local_irq_disable();
	cant_sleep();
	local_irq_enable();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	cant_sleep(); /* LINE:cant_sleep */
}

/* 85: an unbalanced non_block_end() WARNs. */
static void test_non_block_unbalanced(void)
{
	char want[256];

	file_line(want, "at ", "non_block_end",
		  " test_non_block_unbalanced\n");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	non_block_start();
	non_block_start();
	non_block_end();
	non_block_end();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	non_block_end(); /* LINE:non_block_end */
	current->non_block_count = 0;
}

/* 85: really sleeping inside non_block_start(). */
static void test_schedule_in_non_block_section(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: scheduling in a non-blocking section: %s/%d/1\n", comm,
		 (int)getpid());
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, want, 1);
	non_block_start();
	msleep(1); /* LINE:non_block_msleep */
	non_block_end();
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "non_block_msleep");
}

/* 86: might_fault() is quiet while page faults are disabled. */
static void test_might_fault(void)
{
	char want[256];

	file_line(want, "invalid context at ", "might_fault", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	spin_lock(&lock);
	pagefault_disable();
	might_fault();
	pagefault_enable();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	might_fault(); /* LINE:might_fault */
	spin_unlock(&lock);
}

/* ---- 87: the sleeping primitives report even when they do not sleep ---- */

static void expect_at(const char *marker)
{
	char want[256];

	file_line(want, "invalid context at ", marker, "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
}

static void test_mutex_lock(void)
{
	DEFINE_MUTEX(m);

	expect_at("mutex_lock");
	spin_lock(&lock);
	mutex_lock(&m); /* LINE:mutex_lock */
	mutex_unlock(&m);
	spin_unlock(&lock);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_SCHEDULE_ATOMIC), 0);
}

static void test_mutex_lock_interruptible(void)
{
	DEFINE_MUTEX(m);

	expect_at("mutex_lock_interruptible");
	preempt_disable();
	CU_ASSERT_EQUAL(mutex_lock_interruptible(&m), 0); /* LINE:mutex_lock_interruptible */
	mutex_unlock(&m);
	preempt_enable();
}

static void test_down(void)
{
	DEFINE_SEMAPHORE(sem, 1);

	expect_at("down");
	local_irq_disable();
	down(&sem); /* LINE:down */
	up(&sem);
	local_irq_enable();
}

static void test_wait_for_completion(void)
{
	DECLARE_COMPLETION(done);

	expect_at("wait_for_completion");
	complete(&done);
	spin_lock(&lock);
	wait_for_completion(&done); /* LINE:wait_for_completion */
	spin_unlock(&lock);
}

static void test_wait_event(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);

	expect_at("wait_event");
	preempt_disable();
	wait_event(wq, 1); /* LINE:wait_event */
	preempt_enable();
}

static void test_cond_resched(void)
{
	expect_at("cond_resched");
	preempt_disable();
	cond_resched(); /* LINE:cond_resched */
	preempt_enable();
}

/* ---- 88: really sleeping while atomic ---- */

/*
 * "BUG: scheduling while atomic: comm/pid/0x%08x" (the count as seen in
 * schedule(), one more than the caller's), at @marker.  6.8 then forces
 * preempt_count back, so the caller's later preempt_enable() underflows.
 */
static void expect_schedule_bug(unsigned int count)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: scheduling while atomic: %s/%d/0x%08x\n", comm,
		 (int)getpid(), count);
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, want, 1);
}

static void expect_underflow(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
}

static void test_msleep_in_spinlock(void)
{
	char disabled[256];

	file_line(disabled, "] test_msleep_in_spinlock ", "msleep_lock",
		  "\n");
	expect_schedule_bug(2);
	expect_underflow();
	spin_lock(&lock); /* LINE:msleep_lock */
	msleep(1); /* LINE:msleep */
	CU_ASSERT_EQUAL(preempt_count(), 0);	/* repaired, as 6.8 does */
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "msleep");
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_SCHEDULE_ATOMIC),
			"Modules linked in:", "Preemption disabled at:\n",
			disabled, "Call Trace:\n");
	spin_unlock(&lock);
	CU_ASSERT_FALSE(spin_is_locked(&lock));
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));
}

/* 6.8's msleep() has no might_sleep(): IRQs off alone go unnoticed. */
static void test_msleep_irqs_off_like_6_8(void)
{
	local_irq_disable();
	msleep(1);
	local_irq_enable();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_msleep_process_context(void)
{
	unsigned long t0 = jiffies;

	msleep(20);
	CU_ASSERT_TRUE(time_after_eq(jiffies, t0 + 21));
	ssleep(0);
	usleep_range(100, 200);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_usleep_range_in_bh_off(void)
{
	expect_schedule_bug(0x201);
	expect_underflow();
	local_bh_disable();
	usleep_range(10, 20); /* LINE:usleep_range */
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "usleep_range");
	local_bh_enable();
	preempt_count_set(0);	/* the 0x1ff local_bh_enable() still took */
}

static void sleeping_handler(void *arg)
{
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(1), 0); /* LINE:schedule_timeout */
}

/* The handler's count is gone after the sleep: the entry code notices. */
static void test_schedule_timeout_in_hardirq_handler(void)
{
	expect_schedule_bug(0x10001);
	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "kshim: hardirq handler sleeping_handler returned with preempt_count 00000000, entered with 00010000",
			    1);
	kshim_run_in_hardirq(sleeping_handler, NULL);
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "schedule_timeout");
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_FALSE(irqs_disabled());
}

static void test_delays_never_report(void)
{
	spin_lock(&lock);
	udelay(10);
	ndelay(100);
	mdelay(1);
	spin_unlock(&lock);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* Wait until @t sleeps (its state is no longer TASK_RUNNING). */
static void wait_until_sleeping(struct task_struct *t)
{
	while (task_is_running(t))
		sleep_ms(1);
}

/* A helper task that releases something once the test task sleeps. */
struct later {
	void (*fn)(void *);
	void *arg;
	struct task_struct *waiter;
	pthread_t th;
};

static void *later_thread(void *arg)
{
	struct later *l = arg;

	wait_until_sleeping(l->waiter);
	l->fn(l->arg);
	return NULL;
}

static void run_later(struct later *l, void (*fn)(void *), void *arg)
{
	l->fn = fn;
	l->arg = arg;
	l->waiter = current;
	CU_ASSERT_EQUAL_FATAL(pthread_create(&l->th, NULL, later_thread, l), 0);
}

struct held_mutex {
	struct mutex m;
	struct test_event taken, locking;
	struct task_struct *waiter;
};

/* Another task holds the mutex until the test task sleeps on it. */
static void *hold_mutex(void *arg)
{
	struct held_mutex *h = arg;

	mutex_lock(&h->m);
	test_event_set(&h->taken);
	/* Its next sleep is on the mutex (host events change no state). */
	test_event_wait(&h->locking);
	wait_until_sleeping(h->waiter);
	mutex_unlock(&h->m);
	return NULL;
}

/* Contended: the might_sleep() report, then the real sleep's. */
static void test_mutex_lock_contended_in_atomic(void)
{
	struct held_mutex h = {
		.m = __MUTEX_INITIALIZER(h.m),
		.taken = TEST_EVENT_INIT,
		.locking = TEST_EVENT_INIT,
		.waiter = current,
	};
	pthread_t owner;

	expect_at("mutex_contended");
	expect_schedule_bug(2);
	expect_underflow();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&owner, NULL, hold_mutex, &h), 0);
	test_event_wait(&h.taken);
	test_event_set(&h.locking);
	preempt_disable();
	mutex_lock(&h.m); /* LINE:mutex_contended */
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "mutex_contended");
	mutex_unlock(&h.m);
	preempt_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
	pthread_join(owner, NULL);
}

static void complete_it(void *arg)
{
	complete(arg);
}

static void test_wait_for_completion_sleeping_in_atomic(void)
{
	DECLARE_COMPLETION(done);
	struct later l;

	expect_at("wfc_sleeps");
	expect_schedule_bug(2);
	expect_underflow();
	run_later(&l, complete_it, &done);
	spin_lock(&lock);
	wait_for_completion(&done); /* LINE:wfc_sleeps */
	spin_unlock(&lock);
	pthread_join(l.th, NULL);
}

static void up_it(void *arg)
{
	up(arg);
}

static void test_down_sleeping_in_atomic(void)
{
	DEFINE_SEMAPHORE(sem, 0);
	struct later l;

	expect_at("down_sleeps");
	expect_schedule_bug(2);
	expect_underflow();
	run_later(&l, up_it, &sem);
	preempt_disable();
	down(&sem); /* LINE:down_sleeps */
	preempt_enable();
	pthread_join(l.th, NULL);
}

static CU_TestInfo might_sleep_tests[] = {
	{ "process_context_is_silent", test_process_context_is_silent },
	{ "preempt_off_full_text", test_preempt_off_full_text },
	{ "spinlock", test_spinlock },
	{ "spinlock_irqsave", test_spinlock_irqsave },
	{ "spinlock_bh", test_spinlock_bh },
	{ "read_lock", test_read_lock },
	{ "write_lock_irq", test_write_lock_irq },
	{ "bh_off", test_bh_off },
	{ "irqs_off", test_irqs_off },
	{ "softirq", test_softirq },
	{ "hardirq", test_hardirq },
	{ "nmi", test_nmi },
	{ "non_block", test_non_block },
	{ "rate_limited", test_rate_limited },
	{ "reports_again_after_a_second", test_reports_again_after_a_second },
	{ "might_sleep_if", test_might_sleep_if },
	{ "not_task_running_warns_once", test_not_task_running_warns_once },
	{ "cant_sleep", test_cant_sleep },
	{ "non_block_unbalanced", test_non_block_unbalanced },
	{ "schedule_in_non_block_section",
	  test_schedule_in_non_block_section },
	{ "might_fault", test_might_fault },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo primitive_tests[] = {
	{ "mutex_lock", test_mutex_lock },
	{ "mutex_lock_interruptible", test_mutex_lock_interruptible },
	{ "down", test_down },
	{ "wait_for_completion", test_wait_for_completion },
	{ "wait_event", test_wait_event },
	{ "cond_resched", test_cond_resched },
	{ "msleep_in_spinlock", test_msleep_in_spinlock },
	{ "msleep_irqs_off_like_6_8", test_msleep_irqs_off_like_6_8 },
	{ "msleep_process_context", test_msleep_process_context },
	{ "usleep_range_in_bh_off", test_usleep_range_in_bh_off },
	{ "schedule_timeout_in_hardirq_handler",
	  test_schedule_timeout_in_hardirq_handler },
	{ "delays_never_report", test_delays_never_report },
	{ "mutex_lock_contended_in_atomic",
	  test_mutex_lock_contended_in_atomic },
	{ "wait_for_completion_sleeping_in_atomic",
	  test_wait_for_completion_sleeping_in_atomic },
	{ "down_sleeping_in_atomic", test_down_sleeping_in_atomic },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "might_sleep", NULL, NULL, NULL, NULL, might_sleep_tests },
	{ "primitives", NULL, NULL, NULL, NULL, primitive_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
