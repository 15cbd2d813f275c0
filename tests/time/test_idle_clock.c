/*
 * test_idle_clock - the virtual clock moves by itself only when the
 * machine is idle (issue 13 item 1), and waits with a timeout take it
 * (item 7):
 *  - a task sleeping 10 ms in a loop while the test waits for it runs its
 *    iterations at exactly the jiffies its sleeps end, however slow the
 *    host: the clock moves to the next end of a sleep only once every task
 *    is asleep;
 *  - kshim_advance_time() lets the other tasks run between its steps: a
 *    task sleeping 10 ms per iteration runs 5 times in 55 ms;
 *  - a wait nobody satisfies gets its timeout at once, in virtual time:
 *    wait_for_completion_timeout(), wait_event_timeout(), down_timeout(),
 *    schedule_timeout(); satisfied by a task after its own sleep, it
 *    returns the jiffies left, counted in virtual time;
 *  - a timer is what ends the wait of a test blocked for ever: the clock
 *    moves to it when nothing else can happen;
 *  - it does not move while kshim starts a kthread or a kworker (they
 *    count from before they run).
 * A host thread the test starts is a task kshim knows from its first use
 * of current: each thread here uses it, then says it has started, before
 * the test lets the clock move (kthreads and kworkers are known from
 * creation).
 */
#include <pthread.h>
#include <stdio.h>

#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/time.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "common/expect_bug.h"

/* The calling thread becomes a task kshim counts (no CUnit here: the
 * test's thread alone asserts). */
static void become_task(void)
{
	struct task_struct *volatile t = current;

	(void)t;
}

struct looper {
	int iterations;			/* sleep 10 ms this many times */
	int done;
	unsigned long at[16];		/* jiffies after each sleep */
	struct completion started, finished;
	bool stop;
};

static void *looper_fn(void *arg)
{
	struct looper *l = arg;

	become_task();
	complete(&l->started);
	while (l->done < l->iterations && !READ_ONCE(l->stop)) {
		msleep(10);
		if (l->done < 16)
			l->at[l->done] = jiffies;
		l->done++;
	}
	complete(&l->finished);
	return NULL;
}

static void start_looper(struct looper *l, pthread_t *th, int iterations)
{
	l->iterations = iterations;
	l->done = 0;
	l->stop = false;
	init_completion(&l->started);
	init_completion(&l->finished);
	CU_ASSERT_FATAL(pthread_create(th, NULL, looper_fn, l) == 0);
	wait_for_completion(&l->started);
}

static void test_sleeping_loop_runs_on_its_jiffies(void)
{
	struct looper l;
	pthread_t th;
	unsigned long j0 = jiffies;
	int i;

	start_looper(&l, &th, 10);
	wait_for_completion(&l.finished);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(l.done, 10);
	/* msleep(10) sleeps 11 jiffies (msecs_to_jiffies(10) + 1). */
	for (i = 0; i < 10; i++)
		CU_ASSERT_EQUAL(l.at[i] - j0, 11UL * (i + 1));
	CU_ASSERT_EQUAL(jiffies - j0, 110UL);
}

static void test_advance_time_lets_tasks_run_between_steps(void)
{
	struct looper l;
	pthread_t th;

	start_looper(&l, &th, 1000);
	kshim_advance_time(55 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(l.done, 5);		/* woke at 11, 22, 33, 44, 55 */
	kshim_advance_time(11 * NSEC_PER_MSEC);
	CU_ASSERT_EQUAL(l.done, 6);
	WRITE_ONCE(l.stop, true);
	wait_for_completion(&l.finished);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(l.done, 7);
}

static void test_completion_timeout_in_virtual_time(void)
{
	DECLARE_COMPLETION_ONSTACK(never);
	unsigned long j0 = jiffies;

	CU_ASSERT_EQUAL(wait_for_completion_timeout(&never, 5 * HZ), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 5UL * HZ);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible_timeout(&never, 7),
			0);
	CU_ASSERT_EQUAL(jiffies - j0, 5UL * HZ + 7);
}

struct later {
	struct completion started, done;
};

static void *complete_after_30ms(void *arg)
{
	struct later *l = arg;

	become_task();
	complete(&l->started);
	msleep(30);
	complete(&l->done);
	return NULL;
}

static void test_completion_left_is_virtual(void)
{
	struct later l;
	unsigned long j0 = jiffies;
	pthread_t th;

	init_completion(&l.started);
	init_completion(&l.done);
	CU_ASSERT_FATAL(pthread_create(&th, NULL, complete_after_30ms, &l) == 0);
	wait_for_completion(&l.started);
	/* Done when the other task's 31 jiffies are over: 69 left. */
	CU_ASSERT_EQUAL(wait_for_completion_timeout(&l.done, 100), 69);
	CU_ASSERT_EQUAL(jiffies - j0, 31UL);
	pthread_join(th, NULL);
}

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int wq_flag;

static void *set_flag_after_30ms(void *arg)
{
	become_task();
	complete(arg);
	msleep(30);
	WRITE_ONCE(wq_flag, 1);
	wake_up(&wq);
	return NULL;
}

static void test_wait_event_timeout_in_virtual_time(void)
{
	DECLARE_COMPLETION_ONSTACK(started);
	unsigned long j0 = jiffies;
	pthread_t th;

	wq_flag = 0;
	CU_ASSERT_EQUAL(wait_event_timeout(wq, READ_ONCE(wq_flag), 250), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 250UL);
	CU_ASSERT_FATAL(pthread_create(&th, NULL, set_flag_after_30ms,
				       &started) == 0);
	wait_for_completion(&started);
	CU_ASSERT_EQUAL(wait_event_interruptible_timeout(wq, READ_ONCE(wq_flag),
							 100), 69);
	CU_ASSERT_EQUAL(jiffies - j0, 281UL);
	pthread_join(th, NULL);
}

static void test_down_timeout_in_virtual_time(void)
{
	struct semaphore sem;
	unsigned long j0 = jiffies;

	sema_init(&sem, 0);
	CU_ASSERT_EQUAL(down_timeout(&sem, 3 * HZ), -ETIME);
	CU_ASSERT_EQUAL(jiffies - j0, 3UL * HZ);
	up(&sem);
	CU_ASSERT_EQUAL(down_timeout(&sem, 3 * HZ), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 3UL * HZ);
}

static void test_schedule_timeout_in_virtual_time(void)
{
	unsigned long j0 = jiffies;

	set_current_state(TASK_UNINTERRUPTIBLE);
	CU_ASSERT_EQUAL(schedule_timeout(42), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 42UL);
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(8), 0);
	CU_ASSERT_EQUAL(jiffies - j0, 50UL);
}

struct waker {
	struct timer_list timer;
	struct completion done;
};

static void waker_fn(struct timer_list *t)
{
	struct waker *w = from_timer(w, t, timer);

	complete(&w->done);
}

/* A test blocked for ever is woken by the timer that completes its wait. */
static void test_timer_ends_an_endless_wait(void)
{
	struct waker w;
	unsigned long j0 = jiffies;

	init_completion(&w.done);
	timer_setup_on_stack(&w.timer, waker_fn, 0);
	mod_timer(&w.timer, j0 + 3 * HZ);
	wait_for_completion(&w.done);
	CU_ASSERT_EQUAL(jiffies - j0, 3UL * HZ);
	del_timer_sync(&w.timer);
	destroy_timer_on_stack(&w.timer);
}

/*
 * kshim's own threads count from before they start: the machine does not
 * look idle (and the clock does not run to an armed timer) while a
 * kthread or a pool's first kworker is being created.
 */
static struct timer_list armed;
static int armed_fired;

static void armed_fn(struct timer_list *t)
{
	armed_fired++;
}

static int idle_loop(void *arg)
{
	while (!kthread_should_stop())
		schedule_timeout_interruptible(msecs_to_jiffies(100));
	return 0;
}

static void noop_work(struct work_struct *w)
{
}

static void test_clock_still_while_threads_start(void)
{
	static struct work_struct w;
	struct task_struct *k;
	u64 t0 = kshim_clock_ns();

	armed_fired = 0;
	timer_setup(&armed, armed_fn, 0);
	mod_timer(&armed, jiffies + HZ);
	k = kthread_run(idle_loop, NULL, "idle_loop");
	CU_ASSERT_FATAL(!IS_ERR(k));
	CU_ASSERT_EQUAL(kshim_clock_ns(), t0);
	INIT_WORK(&w, noop_work);
	schedule_work_on(1, &w);	/* CPU 1's pool makes its first kworker */
	flush_work(&w);
	CU_ASSERT_EQUAL(kshim_clock_ns(), t0);
	CU_ASSERT_EQUAL(armed_fired, 0);
	kthread_stop(k);
	del_timer_sync(&armed);
}

/*
 * Every task asleep for good (nothing armed, nothing timed): khungtaskd's
 * report at the line where the test sleeps ends the test, instead of a
 * hang.
 */
static void test_hung_task_ends_the_test(void)
{
	DECLARE_COMPLETION_ONSTACK(never);
	char want[512];

	snprintf(want, sizeof(want),
		 "INFO: task %s:%d blocked for more than 120 seconds.\n"
		 "      Not tainted 6.8.0-kshim #1\n"
		 "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n"
		 "kshim: %s:%d sleeps (state D) at %s:%d (%s)\n"
		 "kshim: every task sleeps and no timer or timed sleep can wake one: the test cannot go on\n",
		 current->comm, current->pid, current->comm, current->pid,
		 __FILE__, marker_line("hung"), __func__);
	kshim_expect_report(KSHIM_REPORT_HUNG_TASK, want, 1);
	wait_for_completion(&never); /* LINE:hung */
	CU_FAIL("a wait nothing can end returned");
}

static CU_TestInfo idle_tests[] = {
	{ "hung_task_ends_the_test", test_hung_task_ends_the_test },
	{ "clock_still_while_threads_start",
	  test_clock_still_while_threads_start },
	{ "sleeping_loop_runs_on_its_jiffies",
	  test_sleeping_loop_runs_on_its_jiffies },
	{ "advance_time_lets_tasks_run_between_steps",
	  test_advance_time_lets_tasks_run_between_steps },
	{ "timer_ends_an_endless_wait", test_timer_ends_an_endless_wait },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo wait_tests[] = {
	{ "completion_timeout_in_virtual_time",
	  test_completion_timeout_in_virtual_time },
	{ "completion_left_is_virtual", test_completion_left_is_virtual },
	{ "wait_event_timeout_in_virtual_time",
	  test_wait_event_timeout_in_virtual_time },
	{ "down_timeout_in_virtual_time", test_down_timeout_in_virtual_time },
	{ "schedule_timeout_in_virtual_time",
	  test_schedule_timeout_in_virtual_time },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "idle", NULL, NULL, NULL, NULL, idle_tests },
	{ "waits", NULL, NULL, NULL, NULL, wait_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
