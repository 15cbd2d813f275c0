/*
 * test_locks - spinlocks, rwlocks, mutexes, semaphores, completions, wait
 * queues and task sleep/wake-up across real threads (6.8
 * kernel/locking/{spinlock,spinlock_debug,mutex,semaphore}.c,
 * kernel/sched/{completion,wait,core}.c), and the lock debugging reports:
 * "BUG: spinlock recursion/already unlocked/wrong owner/bad magic", the
 * rwlock ones, the DEBUG_MUTEXES non-owner unlock warning, and kshim's
 * lockup detector, which ends a test that would spin for ever within a
 * bounded time instead of hanging it.
 */
#include <errno.h>
#include <stdint.h>
#include <time.h>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "sched/sched_test.h"

#define NR_THREADS	4
#define NR_LOOPS	2000

static const char *comm = "test_locks";

static pthread_t threads[NR_THREADS];

static void start_threads(void *(*fn)(void *), void *arg)
{
	int i;

	for (i = 0; i < NR_THREADS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&threads[i], NULL, fn,
						     arg), 0);
}

/* CUnit is not thread-safe: workers return how many checks failed. */
#define THREAD_FAILURES(n)	((void *)(uintptr_t)(n))

static void join_threads(void)
{
	uintptr_t failures = 0;
	void *ret;
	int i;

	for (i = 0; i < NR_THREADS; i++) {
		pthread_join(threads[i], &ret);
		failures += (uintptr_t)ret;
	}
	CU_ASSERT_EQUAL(failures, 0);
}

/* ---- mutual exclusion ---- */

static DEFINE_MUTEX(counter_mutex);
static DEFINE_SPINLOCK(counter_lock);
static DEFINE_RWLOCK(counter_rwlock);
static long counter;	/* plain: the locks must order every access */

static void *mutex_worker(void *arg)
{
	int i;

	for (i = 0; i < NR_LOOPS; i++) {
		mutex_lock(&counter_mutex);
		counter++;
		mutex_unlock(&counter_mutex);
	}
	return NULL;
}

static void test_mutex_exclusion(void)
{
	start_threads(mutex_worker, NULL);
	join_threads();
	CU_ASSERT_EQUAL(counter, NR_THREADS * NR_LOOPS);
	CU_ASSERT_FALSE(mutex_is_locked(&counter_mutex));
}

static void *spin_worker(void *arg)
{
	unsigned long flags;
	int i, bad = 0;

	for (i = 0; i < NR_LOOPS; i++) {
		spin_lock_irqsave(&counter_lock, flags);
		bad += !(irqs_disabled() && preempt_count() == 1);
		counter++;
		spin_unlock_irqrestore(&counter_lock, flags);
	}
	bad += irqs_disabled() || preempt_count();
	return THREAD_FAILURES(bad);
}

static void test_spinlock_exclusion(void)
{
	start_threads(spin_worker, NULL);
	join_threads();
	CU_ASSERT_EQUAL(counter, NR_THREADS * NR_LOOPS);
}

static void *rw_worker(void *arg)
{
	long seen = 0;
	int i, bad = 0;

	for (i = 0; i < NR_LOOPS; i++) {
		if (i % 4) {
			read_lock(&counter_rwlock);
			bad += counter < seen;
			seen = counter;
			read_unlock(&counter_rwlock);
		} else {
			write_lock_bh(&counter_rwlock);
			counter++;
			write_unlock_bh(&counter_rwlock);
		}
	}
	return THREAD_FAILURES(bad);
}

static void test_rwlock_exclusion(void)
{
	start_threads(rw_worker, NULL);
	join_threads();
	CU_ASSERT_EQUAL(counter, NR_THREADS * NR_LOOPS / 4);
}

/* 1 or 0: the trylock's result; -1: preempt_count not back to 0. */
static void *try_spin(void *arg)
{
	int got = spin_trylock(&counter_lock);

	if (got)
		spin_unlock(&counter_lock);
	*(int *)arg = preempt_count() ? -1 : got;
	return NULL;
}

static void test_spin_trylock(void)
{
	pthread_t th;
	int got = -1;

	CU_ASSERT_TRUE(spin_trylock(&counter_lock));
	CU_ASSERT_EQUAL(preempt_count(), 1);
	pthread_create(&th, NULL, try_spin, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 0);		/* held by this task */
	spin_unlock(&counter_lock);
	pthread_create(&th, NULL, try_spin, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 1);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_assert_spin_locked(void)
{
	char want[256];

	spin_lock(&counter_lock);
	assert_spin_locked(&counter_lock);
	spin_unlock(&counter_lock);
	file_line(want, "kernel BUG at ", "assert_spin_locked", "!\n");
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	assert_spin_locked(&counter_lock); /* LINE:assert_spin_locked */
	CU_FAIL("assert_spin_locked() of a free lock did not BUG");
}

/* ---- mutexes ---- */

static void *try_mutex(void *arg)
{
	*(int *)arg = mutex_trylock(&counter_mutex);
	if (*(int *)arg)
		mutex_unlock(&counter_mutex);
	return NULL;
}

static void test_mutex_trylock(void)
{
	struct mutex m;
	pthread_t th;
	int got = -1;

	mutex_init(&m);
	CU_ASSERT_FALSE(mutex_is_locked(&m));
	CU_ASSERT_EQUAL(mutex_trylock(&m), 1);
	CU_ASSERT_TRUE(mutex_is_locked(&m));
	CU_ASSERT_EQUAL(mutex_trylock(&m), 0);
	mutex_unlock(&m);
	mutex_destroy(&m);

	mutex_lock(&counter_mutex);
	pthread_create(&th, NULL, try_mutex, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 0);
	mutex_unlock(&counter_mutex);
	pthread_create(&th, NULL, try_mutex, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 1);
}

static void *lock_counter_mutex(void *arg)
{
	mutex_lock(&counter_mutex);
	return NULL;
}

/* DEBUG_MUTEXES: a task that does not own it unlocks it. */
static void test_mutex_unlock_by_non_owner(void)
{
	char want[256];
	pthread_t th;

	file_line(want, "at ", "non_owner",
		  " test_mutex_unlock_by_non_owner\n");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	pthread_create(&th, NULL, lock_counter_mutex, NULL);
	pthread_join(th, NULL);
	CU_ASSERT_TRUE(mutex_is_locked(&counter_mutex));
	mutex_unlock(&counter_mutex); /* LINE:non_owner */
	CU_ASSERT_FALSE(mutex_is_locked(&counter_mutex));
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\n",
			"WARNING: CPU: 0 PID: ", want);
}

static void test_mutex_destroy_locked(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock))", 1);
	mutex_lock(&counter_mutex);
	mutex_destroy(&counter_mutex);
	mutex_unlock(&counter_mutex);
}

static void test_mutex_recursion_ends_test(void)
{
	char want[256];

	file_line(want, "(taken at ", "first_lock", ")");
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	mutex_lock(&counter_mutex); /* LINE:first_lock */
	mutex_lock(&counter_mutex);
	CU_FAIL("a recursive mutex_lock() returned");
}

/* ---- semaphores ---- */

static void test_semaphore_counts(void)
{
	DEFINE_SEMAPHORE(binary, 1);
	struct semaphore sem;

	sema_init(&sem, 2);
	CU_ASSERT_EQUAL(down_trylock(&sem), 0);
	CU_ASSERT_EQUAL(down_trylock(&sem), 0);
	CU_ASSERT_EQUAL(down_trylock(&sem), 1);	/* 1: not taken */
	up(&sem);
	CU_ASSERT_EQUAL(down_interruptible(&sem), 0);
	CU_ASSERT_EQUAL(down_timeout(&sem, 10), -ETIME);
	up(&sem);
	up(&sem);
	down(&sem);
	CU_ASSERT_EQUAL(down_killable(&sem), 0);

	down(&binary);
	CU_ASSERT_EQUAL(down_trylock(&binary), 1);
	up(&binary);
}

static DEFINE_SEMAPHORE(gate, 0);
static int through;	/* under counter_mutex */

static int read_through(void)
{
	int n;

	mutex_lock(&counter_mutex);
	n = through;
	mutex_unlock(&counter_mutex);
	return n;
}

static void *down_gate(void *arg)
{
	down(&gate);
	mutex_lock(&counter_mutex);
	through++;
	mutex_unlock(&counter_mutex);
	return NULL;
}

static void test_semaphore_blocks_until_up(void)
{
	int i;

	start_threads(down_gate, NULL);
	sleep_ms(20);
	CU_ASSERT_EQUAL(read_through(), 0);
	for (i = 0; i < NR_THREADS; i++)
		up(&gate);
	join_threads();
	CU_ASSERT_EQUAL(through, NR_THREADS);
	CU_ASSERT_EQUAL(down_trylock(&gate), 1);
}

/* ---- completions ---- */

static DECLARE_COMPLETION(event);
static long payload;

static void *wait_event_thread(void *arg)
{
	wait_for_completion(&event);
	/* complete() publishes the payload */
	return THREAD_FAILURES(payload != 42);
}

static void test_completion_wakes_waiter(void)
{
	pthread_t th;
	void *ret;

	pthread_create(&th, NULL, wait_event_thread, NULL);
	sleep_ms(10);
	CU_ASSERT_FALSE(completion_done(&event));
	payload = 42;
	complete(&event);
	pthread_join(th, &ret);
	CU_ASSERT_PTR_NULL(ret);
	CU_ASSERT_FALSE(completion_done(&event));	/* consumed */
}

static void test_complete_all(void)
{
	start_threads(wait_event_thread, NULL);
	payload = 42;
	complete_all(&event);
	join_threads();
	CU_ASSERT_TRUE(completion_done(&event));
	CU_ASSERT_TRUE(try_wait_for_completion(&event));
	CU_ASSERT_TRUE(try_wait_for_completion(&event));
	reinit_completion(&event);
	CU_ASSERT_FALSE(try_wait_for_completion(&event));
}

static void test_completion_counts_and_timeouts(void)
{
	struct completion c;
	unsigned long left;

	init_completion(&c);
	CU_ASSERT_EQUAL(wait_for_completion_timeout(&c, 10), 0);
	complete(&c);
	complete(&c);
	CU_ASSERT_TRUE(completion_done(&c));
	left = wait_for_completion_timeout(&c, 100);
	CU_ASSERT(left >= 1 && left <= 100);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible(&c), 0);
	CU_ASSERT_FALSE(try_wait_for_completion(&c));
	CU_ASSERT_EQUAL(wait_for_completion_interruptible_timeout(&c, 5), 0);
}

/* ---- wait queues ---- */

static DECLARE_WAIT_QUEUE_HEAD(wq);
static DEFINE_SPINLOCK(ready_lock);
static int ready;	/* under ready_lock */

static int is_ready(void)
{
	int r;

	spin_lock(&ready_lock);
	r = ready;
	spin_unlock(&ready_lock);
	return r;
}

/*
 * A task (it uses current) that sets the flag after sleeping 20 ms of
 * kshim's clock; the test waits for it to start, so the clock knows it.
 */
static DECLARE_COMPLETION(ready_started);

static void *set_ready_later(void *arg)
{
	struct task_struct *volatile t = current;

	(void)t;
	complete(&ready_started);
	msleep(20);
	spin_lock(&ready_lock);
	ready = 1;
	spin_unlock(&ready_lock);
	wake_up(&wq);
	return NULL;
}

static void test_wait_event_wakes(void)
{
	pthread_t th;

	pthread_create(&th, NULL, set_ready_later, NULL);
	wait_for_completion(&ready_started);
	wait_event(wq, is_ready());
	CU_ASSERT_EQUAL(is_ready(), 1);
	pthread_join(th, NULL);
}

static void test_wait_event_timeouts(void)
{
	pthread_t th;
	long left;

	CU_ASSERT_EQUAL(wait_event_timeout(wq, is_ready(), 10), 0);
	CU_ASSERT_EQUAL(wait_event_timeout(wq, 1, 0), 1);
	CU_ASSERT_EQUAL(wait_event_interruptible_timeout(wq, 1, 7), 7);
	pthread_create(&th, NULL, set_ready_later, NULL);
	wait_for_completion(&ready_started);
	/* Woken after the other task's msleep(20): 21 of kshim's jiffies. */
	left = wait_event_interruptible_timeout(wq, is_ready(), 5000);
	CU_ASSERT_EQUAL(left, 5000 - 21);
	CU_ASSERT_EQUAL(wait_event_interruptible(wq, is_ready()), 0);
	pthread_join(th, NULL);
}

/* ---- sleeping and waking a task ---- */

static struct task_struct *sleeper;	/* published by sleeper_known */
static DECLARE_COMPLETION(sleeper_known);
static int wake_flag;			/* under ready_lock */

static int should_wake(void)
{
	int w;

	spin_lock(&ready_lock);
	w = wake_flag;
	spin_unlock(&ready_lock);
	return w;
}

static void *sleep_until_flag(void *arg)
{
	sleeper = current;
	complete(&sleeper_known);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (should_wake())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return NULL;
}

static void test_schedule_and_wake_up_process(void)
{
	pthread_t th;

	pthread_create(&th, NULL, sleep_until_flag, NULL);
	wait_for_completion(&sleeper_known);
	sleep_ms(10);
	spin_lock(&ready_lock);
	wake_flag = 1;
	spin_unlock(&ready_lock);
	wake_up_process(sleeper);
	pthread_join(th, NULL);
	CU_ASSERT_TRUE(task_is_running(current));
}

static void test_schedule_timeout(void)
{
	unsigned long t0 = jiffies;

	CU_ASSERT_EQUAL(schedule_timeout(25), 25);	/* TASK_RUNNING */
	set_current_state(TASK_INTERRUPTIBLE);
	CU_ASSERT_EQUAL(schedule_timeout(20), 0);
	CU_ASSERT_TRUE(task_is_running(current));
	CU_ASSERT_TRUE(time_after_eq(jiffies, t0 + 20));
	CU_ASSERT_EQUAL(schedule_timeout_uninterruptible(1), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- spinlock debugging (kernel/locking/spinlock_debug.c) ---- */

static void expect_spin_bug(const char *what)
{
	char want[256];

	snprintf(want, sizeof(want), "BUG: spinlock %s on CPU#0, %s/%d\n",
		 what, comm, (int)getpid());
	kshim_expect_report(KSHIM_REPORT_SPINLOCK, want, 1);
}

static void test_spin_unlock_unlocked(void)
{
	DEFINE_SPINLOCK(l);

	expect_spin_bug("already unlocked");
	spin_unlock(&l); /* LINE:already_unlocked */
	assert_report_at(KSHIM_REPORT_SPINLOCK, "already_unlocked");
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_SPINLOCK),
			" lock: 0x", ", .magic: dead4ead, .owner: <none>/-1, .owner_cpu: -1\n",
			"Call Trace:\n");
	/* Lock debugging is off now: the preempt_count underflow is silent. */
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static DEFINE_SPINLOCK(shared);

/* The holder waits on host events: it may not sleep with the lock held. */
struct holder {
	struct test_event taken, may_go;
	int pid;		/* published by taken */
};

static void *hold_shared(void *arg)
{
	struct holder *h = arg;

	spin_lock(&shared);
	h->pid = current->pid;
	test_event_set(&h->taken);
	test_event_wait(&h->may_go);
	return NULL;
}

static void test_spin_unlock_wrong_owner(void)
{
	struct holder h = { TEST_EVENT_INIT, TEST_EVENT_INIT, 0 };
	char owner[128];
	pthread_t th;

	expect_spin_bug("wrong owner");
	pthread_create(&th, NULL, hold_shared, &h);
	test_event_wait(&h.taken);
	preempt_disable();	/* balance the unlock's preempt_enable() */
	spin_unlock(&shared); /* LINE:wrong_owner */
	assert_report_at(KSHIM_REPORT_SPINLOCK, "wrong_owner");
	snprintf(owner, sizeof(owner), ".owner: %s/%d, .owner_cpu: 0\n",
		 comm, h.pid);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_SPINLOCK), owner);
	CU_ASSERT_FALSE(spin_is_locked(&shared));	/* released anyway */
	test_event_set(&h.may_go);
	pthread_join(th, NULL);
}

static void test_spin_lock_bad_magic(void)
{
	spinlock_t l;

	memset(&l, 0, sizeof(l));	/* never spin_lock_init()ed */
	expect_spin_bug("bad magic");
	spin_lock(&l); /* LINE:bad_magic */
	assert_report_at(KSHIM_REPORT_SPINLOCK, "bad_magic");
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_SPINLOCK), ".magic: 00000000");
	spin_unlock(&l);
	spin_lock_init(&l);
	spin_lock(&l);
	spin_unlock(&l);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec - t0->tv_sec + (now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The owner locks it again: recursion, then the lockup, at once. */
static void test_spin_lock_recursion(void)
{
	char want[256];

	expect_spin_bug("recursion");
	file_line(want, "kshim: lockup detector: spinning at ", "recursion",
		  " on a lock this task holds");
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	spin_lock(&shared);
	spin_lock(&shared); /* LINE:recursion */
	CU_FAIL("spin_lock() of a lock the task holds returned");
}

static void *take_shared_and_exit(void *arg)
{
	spin_lock(&shared);
	return NULL;
}

/* Another task never lets go: kshim's detector ends the spin. */
static void test_spin_lockup_is_bounded(void)
{
	char want[256];
	pthread_t th;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SPINLOCK_LOCKUP=200", NULL), 0);
	snprintf(want, sizeof(want),
		 "BUG: spinlock lockup suspected on CPU#0, %s/%d\n", comm,
		 (int)getpid());
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	/* Its thread exits with the lock held: it is never released. */
	pthread_create(&th, NULL, take_shared_and_exit, NULL);
	pthread_join(th, NULL);
	spin_lock(&shared); /* LINE:lockup */
	CU_FAIL("spin_lock() of a lock held for ever returned");
}

/* The same, as a program run: it ends, passing, in bounded time. */
static void test_lockup_ends_the_run_in_bounded_time(void)
{
	char path[4096];
	char *argv[] = { path, (char *)"lockup:spin_lockup_is_bounded", NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", NULL };
	struct spawn_result res;
	struct timespec t0;
	char want[256];

	/* build_path() and src_path() share one buffer: copy it. */
	snprintf(path, sizeof(path), "%s", build_path("tests/sched/test_locks"));
	file_line(want, "kshim: lockup detector: no progress for 200 ms at ",
		  "lockup", " (6.8 would spin for ever)\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &res), 0);
	CU_ASSERT_TRUE(seconds_since(&t0) < 30);
	CU_ASSERT_EQUAL(res.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, want));
	spawn_free(&res);
}

static void test_rwlock_write_recursion(void)
{
	DEFINE_RWLOCK(l);
	char want[256];

	/* the lock's hashed %p, as the kernel prints it (scnprintf's) */
	scnprintf(want, sizeof(want), "BUG: rwlock recursion on CPU#0, %s/%d, %p\n",
		  comm, (int)getpid(), &l);
	kshim_expect_report(KSHIM_REPORT_SPINLOCK, want, 1);
	kshim_expect_report(KSHIM_REPORT_LOCKUP,
			    "BUG: write-lock lockup on CPU#0", 1);
	write_lock(&l);
	write_lock(&l); /* LINE:rw_recursion */
	CU_FAIL("write_lock() of a lock the task holds returned");
}

static CU_TestInfo exclusion_tests[] = {
	{ "mutex_exclusion", test_mutex_exclusion },
	{ "spinlock_exclusion", test_spinlock_exclusion },
	{ "rwlock_exclusion", test_rwlock_exclusion },
	{ "spin_trylock", test_spin_trylock },
	{ "assert_spin_locked", test_assert_spin_locked },
	{ "mutex_trylock", test_mutex_trylock },
	{ "mutex_unlock_by_non_owner", test_mutex_unlock_by_non_owner },
	{ "mutex_destroy_locked", test_mutex_destroy_locked },
	{ "mutex_recursion_ends_test", test_mutex_recursion_ends_test },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo sleep_tests[] = {
	{ "semaphore_counts", test_semaphore_counts },
	{ "semaphore_blocks_until_up", test_semaphore_blocks_until_up },
	{ "completion_wakes_waiter", test_completion_wakes_waiter },
	{ "complete_all", test_complete_all },
	{ "completion_counts_and_timeouts",
	  test_completion_counts_and_timeouts },
	{ "wait_event_wakes", test_wait_event_wakes },
	{ "wait_event_timeouts", test_wait_event_timeouts },
	{ "schedule_and_wake_up_process", test_schedule_and_wake_up_process },
	{ "schedule_timeout", test_schedule_timeout },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo debug_tests[] = {
	{ "spin_unlock_unlocked", test_spin_unlock_unlocked },
	{ "spin_unlock_wrong_owner", test_spin_unlock_wrong_owner },
	{ "spin_lock_bad_magic", test_spin_lock_bad_magic },
	{ "spin_lock_recursion", test_spin_lock_recursion },
	{ "rwlock_write_recursion", test_rwlock_write_recursion },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo lockup_tests[] = {
	{ "spin_lockup_is_bounded", test_spin_lockup_is_bounded },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo lockup_run_tests[] = {
	{ "lockup_ends_the_run_in_bounded_time",
	  test_lockup_ends_the_run_in_bounded_time },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "exclusion", NULL, NULL, NULL, NULL, exclusion_tests },
	{ "sleep", NULL, NULL, NULL, NULL, sleep_tests },
	{ "debug", NULL, NULL, NULL, NULL, debug_tests },
	{ "lockup", NULL, NULL, NULL, NULL, lockup_tests },
	{ "lockup_run", NULL, NULL, NULL, NULL, lockup_run_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
