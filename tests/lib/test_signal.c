/*
 * test_signal - signal_pending() and friends driven by the test
 * (kshim/signal.h), and the waits that honour them as 6.1 does:
 * wait_event_interruptible*() and wait_for_completion_interruptible*()
 * return -ERESTARTSYS, mutex_lock_interruptible()/down_interruptible()
 * -EINTR, the _killable forms only for SIGKILL, an uninterruptible wait
 * never; a wait that need not sleep succeeds despite the signal; a task
 * sleeping in schedule_timeout_interruptible() is woken by the signal.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>

#include <kshim/signal.h>
#include <kshim/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/semaphore.h>
#include <linux/wait.h>

#include "common/flags.h"

static void test_pending_flags(void)
{
	CU_ASSERT_FALSE(signal_pending(current));	/* each test: none */
	CU_ASSERT_EQUAL(kshim_signal_send(NULL, SIGINT), 0);
	CU_ASSERT_TRUE(signal_pending(current));
	CU_ASSERT_FALSE(fatal_signal_pending(current));
	CU_ASSERT_TRUE(signal_pending_state(TASK_INTERRUPTIBLE, current));
	CU_ASSERT_FALSE(signal_pending_state(TASK_KILLABLE, current));
	CU_ASSERT_FALSE(signal_pending_state(TASK_UNINTERRUPTIBLE, current));
	CU_ASSERT_EQUAL(kshim_signal_send(current, SIGKILL), 0);
	CU_ASSERT_TRUE(fatal_signal_pending(current));
	CU_ASSERT_TRUE(signal_pending_state(TASK_KILLABLE, current));
	CU_ASSERT_FALSE(signal_pending_state(TASK_UNINTERRUPTIBLE, current));
	kshim_signal_clear(NULL);
	CU_ASSERT_FALSE(signal_pending(current));
	CU_ASSERT_FALSE(fatal_signal_pending(current));
	CU_ASSERT_EQUAL(kshim_signal_send(NULL, 0), -EINVAL);
	CU_ASSERT_EQUAL(kshim_signal_send(NULL, 65), -EINVAL);
	CU_ASSERT_FALSE(signal_pending(current));
}

/* Left pending at the end: the next test must start without it. */
static void test_leave_pending(void)
{
	kshim_signal_send(NULL, SIGTERM);
	CU_ASSERT_TRUE(signal_pending(current));
}

static void test_none_after_leaving(void)
{
	CU_ASSERT_FALSE(signal_pending(current));
}

static void test_wait_event(void)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	int cond = 0;

	init_waitqueue_head(&wq);
	kshim_signal_send(NULL, SIGINT);
	CU_ASSERT_EQUAL(wait_event_interruptible(wq, cond), -ERESTARTSYS);
	CU_ASSERT_EQUAL(wait_event_interruptible_timeout(wq, cond, 1000),
			-ERESTARTSYS);
	/* An uninterruptible wait ignores the signal: it times out. */
	CU_ASSERT_EQUAL(wait_event_timeout(wq, cond, 1), 0);
	cond = 1;	/* nothing to wait for: success despite the signal */
	CU_ASSERT_EQUAL(wait_event_interruptible(wq, cond), 0);
	CU_ASSERT_EQUAL(wait_event_interruptible_timeout(wq, cond, 5), 5);
	cond = 0;
	kshim_signal_send(NULL, SIGKILL);
	CU_ASSERT_EQUAL(wait_event_killable(wq, cond), -ERESTARTSYS);
}

static void test_completion(void)
{
	DECLARE_COMPLETION(done);

	init_completion(&done);
	kshim_signal_send(NULL, SIGUSR1);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible(&done), -ERESTARTSYS);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible_timeout(&done, 100),
			-ERESTARTSYS);
	CU_ASSERT_EQUAL(wait_for_completion_killable_timeout(&done, 1), 0);
	CU_ASSERT_EQUAL(wait_for_completion_timeout(&done, 1), 0);
	complete(&done);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible(&done), 0);
	kshim_signal_send(NULL, SIGKILL);
	CU_ASSERT_EQUAL(wait_for_completion_killable(&done), -ERESTARTSYS);
}

static DEFINE_MUTEX(held);
static struct semaphore sem;
static pthread_barrier_t taken, release;

static void *holder(void *arg)
{
	mutex_lock(&held);
	pthread_barrier_wait(&taken);
	pthread_barrier_wait(&release);
	mutex_unlock(&held);
	return NULL;
}

static void test_mutex_semaphore(void)
{
	pthread_t t;

	/* Uncontended: taken despite the signal, as in the kernel. */
	kshim_signal_send(NULL, SIGINT);
	CU_ASSERT_EQUAL(mutex_lock_interruptible(&held), 0);
	mutex_unlock(&held);

	pthread_barrier_init(&taken, NULL, 2);
	pthread_barrier_init(&release, NULL, 2);
	pthread_create(&t, NULL, holder, NULL);
	pthread_barrier_wait(&taken);
	CU_ASSERT_EQUAL(mutex_lock_interruptible(&held), -EINTR);
	kshim_signal_clear(NULL);
	kshim_signal_send(NULL, SIGKILL);
	CU_ASSERT_EQUAL(mutex_lock_killable(&held), -EINTR);
	pthread_barrier_wait(&release);
	pthread_join(t, NULL);
	pthread_barrier_destroy(&taken);
	pthread_barrier_destroy(&release);

	sema_init(&sem, 1);
	CU_ASSERT_EQUAL(down_interruptible(&sem), 0);	/* count 1: taken */
	CU_ASSERT_EQUAL(down_interruptible(&sem), -EINTR);
	CU_ASSERT_EQUAL(down_timeout(&sem, 1), -ETIME);	/* uninterruptible */
	kshim_signal_send(NULL, SIGKILL);
	CU_ASSERT_EQUAL(down_killable(&sem), -EINTR);
	up(&sem);
}

static struct task_struct *sleeper;	/* published by sleeper_ready */
static int sleeper_ready;
static long sleeper_left;
static int sleeper_pending;

static void *sleep_thread(void *arg)
{
	sleeper = current;
	flag_store(&sleeper_ready, 1);
	sleeper_left = schedule_timeout_interruptible(60 * HZ);
	sleeper_pending = signal_pending(current);
	return NULL;
}

/* signal_wake_up(): a task asleep in schedule() wakes up at once. */
static void test_wakes_sleeper(void)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	pthread_t t;

	pthread_create(&t, NULL, sleep_thread, NULL);
	while (!flag_load(&sleeper_ready))
		nanosleep(&pause, NULL);
	while (kshim_task_state(sleeper) != TASK_INTERRUPTIBLE)
		nanosleep(&pause, NULL);
	CU_ASSERT_EQUAL(kshim_signal_send(sleeper, SIGINT), 0);
	pthread_join(t, NULL);
	CU_ASSERT_TRUE(sleeper_left > 50 * HZ);
	CU_ASSERT_TRUE(sleeper_pending);
	/* With the signal pending, the task does not even go to sleep. */
	kshim_signal_send(NULL, SIGINT);
	CU_ASSERT_EQUAL(schedule_timeout_interruptible(60 * HZ), 60 * HZ);
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(1), 0);
}

/* signal_wake_up() ends a wait_event_interruptible() or an interruptible
 * completion wait already asleep: -ERESTARTSYS, as in the kernel. */
static DECLARE_WAIT_QUEUE_HEAD(never_wq);
static DECLARE_COMPLETION(never_done);
static struct task_struct *waiter;	/* published by waiter_ready */
static int waiter_ready;
static long waiter_ret[2];

static void *wait_thread(void *arg)
{
	waiter = current;
	flag_store(&waiter_ready, 1);
	waiter_ret[0] = wait_event_interruptible(never_wq, false);
	kshim_signal_clear(NULL);
	flag_store(&waiter_ready, 2);
	waiter_ret[1] = wait_for_completion_interruptible(&never_done);
	return NULL;
}

static void test_wakes_waiter(void)
{
	struct timespec pause = { 0, 2 * 1000 * 1000 };
	pthread_t t;
	int step;

	pthread_create(&t, NULL, wait_thread, NULL);
	for (step = 1; step <= 2; step++) {
		while (flag_load(&waiter_ready) != step)
			nanosleep(&pause, NULL);
		while (kshim_task_state(waiter) != TASK_INTERRUPTIBLE)
			nanosleep(&pause, NULL);
		CU_ASSERT_EQUAL(kshim_signal_send(waiter, SIGINT), 0);
	}
	pthread_join(t, NULL);
	CU_ASSERT_EQUAL(waiter_ret[0], -ERESTARTSYS);
	CU_ASSERT_EQUAL(waiter_ret[1], -ERESTARTSYS);
}

static CU_TestInfo tests[] = {
	{ "pending_flags", test_pending_flags },
	{ "leave_pending", test_leave_pending },
	{ "none_after_leaving", test_none_after_leaving },
	{ "wait_event", test_wait_event },
	{ "completion", test_completion },
	{ "mutex_semaphore", test_mutex_semaphore },
	{ "wakes_sleeper", test_wakes_sleeper },
	{ "wakes_waiter", test_wakes_waiter },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "signal", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
