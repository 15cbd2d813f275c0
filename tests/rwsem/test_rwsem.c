/*
 * test_rwsem - read/write semaphores and the mmap_lock API
 * (compat/kernel/locking/rwsem.c, linux/mmap_lock.h): sharing and
 * exclusion, writers not starved, downgrade, signals, might_sleep(), the
 * DEBUG_RWSEMS warnings with 6.1's text at the caller's line, a held
 * rwsem at test end (ledger), self-deadlock (lockup), mmap_assert_*().
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <kshim/signal.h>
#include <kshim/test.h>

#include "sched/sched_test.h"

static DECLARE_RWSEM(sem);

/* Until a task waits on @s (it is asleep in down_*()). */
static void wait_contended(struct rw_semaphore *s)
{
	while (!rwsem_is_contended(s))
		usleep(100);
}

/* ---- sharing and exclusion ---- */

static void test_readers_share_writer_excludes(void)
{
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));
	down_read(&sem);
	CU_ASSERT_TRUE(rwsem_is_locked(&sem));
	CU_ASSERT_EQUAL(down_read_trylock(&sem), 1);
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 0);
	up_read(&sem);
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 0);
	up_read(&sem);
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));

	CU_ASSERT_EQUAL(down_write_trylock(&sem), 1);
	CU_ASSERT_EQUAL(down_read_trylock(&sem), 0);
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 0);
	up_write(&sem);
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));
	CU_ASSERT_EQUAL(down_read_interruptible(&sem), 0);
	up_read(&sem);
	CU_ASSERT_EQUAL(down_write_killable(&sem), 0);
	up_write(&sem);
}

static int counter;	/* under sem */
static int inside;	/* readers inside at once */

static void *reader(void *arg)
{
	down_read(&sem);
	__atomic_fetch_add(&inside, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_add((int *)arg, counter, __ATOMIC_SEQ_CST);
	__atomic_fetch_sub(&inside, 1, __ATOMIC_SEQ_CST);
	up_read(&sem);
	return NULL;
}

static void *writer(void *arg)
{
	int i;

	for (i = 0; i < 100; i++) {
		down_write(&sem);
		counter++;
		up_write(&sem);
	}
	return NULL;
}

/* Writers exclude each other: no increment is lost (TSan sees the lock). */
static void test_writers_exclude(void)
{
	pthread_t th[4];
	int i, sum = 0;

	counter = 0;
	for (i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, writer, NULL);
	for (i = 2; i < 4; i++)
		pthread_create(&th[i], NULL, reader, &sum);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	CU_ASSERT_EQUAL(counter, 200);
}

static void *blocked_reader(void *arg)
{
	down_read(&sem);
	__atomic_store_n((int *)arg, 1, __ATOMIC_SEQ_CST);
	up_read(&sem);
	return NULL;
}

/* A reader sleeps while a writer holds it, and enters after up_write(). */
static void test_writer_blocks_reader(void)
{
	pthread_t th;
	int done = 0;

	down_write(&sem);
	pthread_create(&th, NULL, blocked_reader, &done);
	wait_contended(&sem);
	CU_ASSERT_EQUAL(__atomic_load_n(&done, __ATOMIC_SEQ_CST), 0);
	up_write(&sem);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(done, 1);
}

static void *waiting_writer(void *arg)
{
	down_write(&sem);
	__atomic_store_n((int *)arg, 1, __ATOMIC_SEQ_CST);
	up_write(&sem);
	return NULL;
}

/* A writer waiting behind readers keeps new readers out (6.1). */
static void test_waiting_writer_blocks_new_readers(void)
{
	pthread_t th;
	int done = 0;

	down_read(&sem);
	pthread_create(&th, NULL, waiting_writer, &done);
	wait_contended(&sem);
	CU_ASSERT_EQUAL(down_read_trylock(&sem), 0);
	CU_ASSERT_EQUAL(__atomic_load_n(&done, __ATOMIC_SEQ_CST), 0);
	up_read(&sem);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(done, 1);
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));
}

static void *try_read(void *arg)
{
	*(int *)arg = down_read_trylock(&sem);
	if (*(int *)arg)
		up_read(&sem);
	return NULL;
}

static void test_downgrade_lets_readers_in(void)
{
	pthread_t th;
	int got = -1;

	down_write(&sem);
	pthread_create(&th, NULL, try_read, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 0);
	downgrade_write(&sem);
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 0);
	pthread_create(&th, NULL, try_read, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 1);
	up_read(&sem);
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));
}

/* ---- signals ---- */

static struct task_struct *sleeper;

static void *killable_reader(void *arg)
{
	__atomic_store_n(&sleeper, current, __ATOMIC_SEQ_CST);
	*(int *)arg = down_read_killable(&sem);
	if (!*(int *)arg)
		up_read(&sem);
	return NULL;
}

/* SIGKILL ends a down_read_killable() sleep with -EINTR. */
static void test_killable_sleep_ends_on_sigkill(void)
{
	pthread_t th;
	int ret = 1;

	down_write(&sem);
	pthread_create(&th, NULL, killable_reader, &ret);
	wait_contended(&sem);
	kshim_signal_send(__atomic_load_n(&sleeper, __ATOMIC_SEQ_CST),
			  SIGKILL);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(ret, -EINTR);
	/* The writer still holds it, alone. */
	CU_ASSERT_FALSE(rwsem_is_contended(&sem));
	up_write(&sem);
	CU_ASSERT_FALSE(rwsem_is_locked(&sem));
}

/* A pending signal: the interruptible forms give up before sleeping. */
static void test_pending_signal_interrupts(void)
{
	pthread_t th;
	int got = -1;

	down_write(&sem);
	pthread_create(&th, NULL, try_read, &got);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(got, 0);
	up_write(&sem);

	down_read(&sem);
	kshim_signal_send(NULL, SIGINT);
	/* Free for readers: no sleep, so no -EINTR. */
	CU_ASSERT_EQUAL(down_read_interruptible(&sem), 0);
	up_read(&sem);
	/* Write would sleep: SIGINT is not fatal for _killable... */
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 0);
	kshim_signal_clear(NULL);
	kshim_signal_send(NULL, SIGKILL);
	/* ...SIGKILL is. */
	CU_ASSERT_EQUAL(down_write_killable(&sem), -EINTR);
	kshim_signal_clear(NULL);
	up_read(&sem);
}

/* ---- might_sleep ---- */

static DEFINE_SPINLOCK(spin);

static void test_down_read_under_spinlock_might_sleep(void)
{
	char want[256];

	file_line(want, "BUG: sleeping function called from invalid context at ",
		  "atomic_down", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	spin_lock(&spin);
	down_read(&sem); /* LINE:atomic_down */
	up_read(&sem);
	spin_unlock(&spin);
}

/* trylock never sleeps: silent under a spinlock. */
static void test_trylock_under_spinlock_silent(void)
{
	spin_lock(&spin);
	CU_ASSERT_EQUAL(down_read_trylock(&sem), 1);
	up_read(&sem);
	CU_ASSERT_EQUAL(down_write_trylock(&sem), 1);
	up_write(&sem);
	spin_unlock(&spin);
}

/* ---- DEBUG_RWSEMS ---- */

static void test_up_read_unlocked_warns(void)
{
	struct rw_semaphore s;
	char want[256], head[256];

	init_rwsem(&s);
	file_line(want, "at ", "bad_up_read", " test_up_read_unlocked_warns\n");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 2);
	up_read(&s); /* LINE:bad_up_read */
	snprintf(head, sizeof(head),
		 "DEBUG_RWSEMS_WARN_ON(!is_rwsem_reader_owned(sem)): count = 0x0, magic = 0x%lx, owner = 0x0, curr 0x%lx, list empty\n",
		 (unsigned long)&s, (unsigned long)current);
	ASSERT_IN_ORDER(kshim_report_get(kshim_report_count(NULL) - 2)->text,
			CUT_HERE, head, "WARNING: CPU: 0 PID: ", want);
	snprintf(head, sizeof(head),
		 "DEBUG_RWSEMS_WARN_ON(tmp < 0): count = 0xffffffffffffff00, magic = 0x%lx, owner = 0x0, curr 0x%lx, list empty\n",
		 (unsigned long)&s, (unsigned long)current);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING), head,
			"WARNING: CPU: 0 PID: ", want);
	/* kshim does not corrupt its count. */
	CU_ASSERT_FALSE(rwsem_is_locked(&s));
	CU_ASSERT_EQUAL(down_write_trylock(&s), 1);
	up_write(&s);
}

/* After a reader left, only the count underflow is left to see (6.1). */
static void test_up_read_twice_warns_underflow(void)
{
	struct rw_semaphore s;
	char want[256];

	init_rwsem(&s);
	file_line(want, "at ", "second_up_read", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, "DEBUG_RWSEMS_WARN_ON(tmp < 0): count = 0xffffffffffffff00", 1);
	down_read(&s);
	up_read(&s);
	up_read(&s); /* LINE:second_up_read */
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING), want);
}

static void *take_write(void *arg)
{
	down_write(arg);
	return NULL;
}

static void test_up_write_by_non_owner_warns(void)
{
	struct rw_semaphore s;
	char want[256], head[256];
	pthread_t th;

	init_rwsem(&s);
	file_line(want, "at ", "non_owner", " test_up_write_by_non_owner_warns\n");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	pthread_create(&th, NULL, take_write, &s);
	pthread_join(th, NULL);
	CU_ASSERT_TRUE(rwsem_is_locked(&s));
	up_write(&s); /* LINE:non_owner */
	CU_ASSERT_FALSE(rwsem_is_locked(&s));
	snprintf(head, sizeof(head),
		 "DEBUG_RWSEMS_WARN_ON((rwsem_owner(sem) != current) && !rwsem_test_oflags(sem, RWSEM_NONSPINNABLE)): count = 0x1, magic = 0x%lx, owner = 0x",
		 (unsigned long)&s);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING), head, ", list empty\n",
			"WARNING: CPU: 0 PID: ", want);
}

/* Never initialised (kzalloc'ed): the magic check at up_read(). */
static void test_uninitialised_magic_warns(void)
{
	struct rw_semaphore s;

	memset(&s, 0, sizeof(s));
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_RWSEMS_WARN_ON(sem->magic != sem): count = 0x100, magic = 0x0, owner = 0x", 1);
	down_read(&s);
	up_read(&s);
}

/* Correct use from several tasks is silent (and balanced). */
static void test_correct_use_silent(void)
{
	test_readers_share_writer_excludes();
	test_downgrade_lets_readers_in();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- held at test end; self-deadlock ---- */

static struct rw_semaphore leaked;

static void test_held_at_test_end_is_ledger(void)
{
	char want[256];

	init_rwsem(&leaked);
	file_line(want, "held for read by ", "leak", "\n");
	/* the holder's comm/pid come first: match the line only */
	file_line(want, "at: test_held_at_test_end_is_ledger ", "leak", "\n");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	down_read(&leaked); /* LINE:leak */
}

static void test_recursive_down_write_is_lockup(void)
{
	struct rw_semaphore s;
	char want[256];

	init_rwsem(&s);
	file_line(want, "(rwsem (write), taken at ", "first_write", ")");
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	down_write(&s); /* LINE:first_write */
	down_read(&s);
	CU_FAIL("a down_read() of an rwsem the task write-holds returned");
}

static void test_nested_read_with_writer_waiting_is_lockup(void)
{
	pthread_t th;
	int done = 0;

	kshim_expect_report(KSHIM_REPORT_LOCKUP, ", and a writer waits for it; the task would sleep for ever", 1);
	down_read(&sem);
	pthread_create(&th, NULL, waiting_writer, &done);
	wait_contended(&sem);
	pthread_detach(th);
	down_read(&sem);
	CU_FAIL("a nested down_read() with a writer waiting returned");
}

/* ---- mmap_lock ---- */

static struct mm_struct mm;

static void test_mmap_lock_wrappers(void)
{
	mmap_init_lock(&mm);
	mmap_read_lock(&mm);
	mmap_assert_locked(&mm);
	CU_ASSERT_TRUE(mmap_read_trylock(&mm));
	CU_ASSERT_FALSE(mmap_write_trylock(&mm));
	mmap_read_unlock(&mm);
	mmap_read_unlock(&mm);
	CU_ASSERT_EQUAL(mmap_read_lock_killable(&mm), 0);
	mmap_read_unlock(&mm);
	mmap_write_lock(&mm);
	mmap_assert_write_locked(&mm);
	mmap_assert_locked(&mm);
	CU_ASSERT_FALSE(mmap_read_trylock(&mm));
	mmap_write_downgrade(&mm);
	CU_ASSERT_TRUE(mmap_read_trylock(&mm));
	mmap_read_unlock(&mm);
	mmap_read_unlock(&mm);
	CU_ASSERT_EQUAL(mmap_write_lock_killable(&mm), 0);
	mmap_write_unlock(&mm);
	CU_ASSERT_FALSE(rwsem_is_locked(&mm.mmap_lock));
}

/* 6.8 (the default profile): rwsem_assert_held() is a WARN_ON(). */
static void test_mmap_assert_locked_unlocked_warns(void)
{
	char want[256];

	mmap_init_lock(&mm);
	file_line(want, " at ", "assert", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	mmap_assert_locked(&mm); /* LINE:assert */
}

static void test_mmap_assert_write_locked_reader_warns(void)
{
	char want[256];

	mmap_init_lock(&mm);
	file_line(want, " at ", "assert_write", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	mmap_read_lock(&mm);
	mmap_assert_write_locked(&mm); /* LINE:assert_write */
	mmap_read_unlock(&mm);
}

static CU_TestInfo rwsem_tests[] = {
	{ "readers share, a writer excludes", test_readers_share_writer_excludes },
	{ "writers exclude each other", test_writers_exclude },
	{ "a writer blocks a reader", test_writer_blocks_reader },
	{ "a waiting writer blocks new readers", test_waiting_writer_blocks_new_readers },
	{ "downgrade_write lets readers in", test_downgrade_lets_readers_in },
	{ "SIGKILL ends a killable sleep", test_killable_sleep_ends_on_sigkill },
	{ "a pending signal interrupts", test_pending_signal_interrupts },
	{ "down_read under a spinlock: might_sleep", test_down_read_under_spinlock_might_sleep },
	{ "trylock under a spinlock is silent", test_trylock_under_spinlock_silent },
	{ "up_read of a free rwsem warns", test_up_read_unlocked_warns },
	{ "a second up_read warns the underflow", test_up_read_twice_warns_underflow },
	{ "up_write by a non-owner warns", test_up_write_by_non_owner_warns },
	{ "an uninitialised rwsem warns", test_uninitialised_magic_warns },
	{ "correct use is silent", test_correct_use_silent },
	{ "held at test end: ledger", test_held_at_test_end_is_ledger },
	{ "recursive down_write: lockup", test_recursive_down_write_is_lockup },
	{ "nested down_read with a writer waiting: lockup", test_nested_read_with_writer_waiting_is_lockup },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo mmap_lock_tests[] = {
	{ "the wrappers lock mm->mmap_lock", test_mmap_lock_wrappers },
	{ "mmap_assert_locked unlocked warns (6.8)", test_mmap_assert_locked_unlocked_warns },
	{ "mmap_assert_write_locked with a reader warns (6.8)", test_mmap_assert_write_locked_reader_warns },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "rwsem", NULL, NULL, NULL, NULL, rwsem_tests },
	{ "mmap_lock", NULL, NULL, NULL, NULL, mmap_lock_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
