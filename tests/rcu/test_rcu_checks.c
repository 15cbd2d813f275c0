/*
 * test_rcu_checks - the RCU debug checks of a 6.1 PREEMPT_RCU +
 * PROVE_RCU + DEBUG_ATOMIC_SLEEP kernel, each negative (the report's
 * class, full text and this file's line) and positive (correct code is
 * silent):
 *  - lockdep-RCU ("WARNING: suspicious RCU usage", class suspicious_rcu):
 *    rcu_dereference*() outside its reader, rcu_dereference_protected()
 *    with a false condition, synchronize_rcu() inside a reader, once per
 *    call site, held locks listed, silent once debug_locks is off;
 *  - might_sleep() inside a reader: "RCU nest depth: 1, expected: 0";
 *  - blocking inside a reader: "Voluntary context switch within RCU
 *    read-side critical section!" (WARN_ONCE);
 *  - synchronize_rcu() in atomic context: might_sleep + scheduling while
 *    atomic;
 *  - an unbalanced rcu_read_unlock(): WARN_ON_ONCE;
 *  - a reader still open at the end of a test: ledger.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <linux/bottom_half.h>
#include <linux/debug_locks.h>
#include <linux/delay.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kshim/test.h>

#include "common/expect_bug.h"

struct obj {
	int val;
};

static struct obj the_obj = { 42 };
static struct obj __rcu *gp = RCU_INITIALIZER(&the_obj);

/* The lockdep-RCU block up to the held-locks line, for @marker. */
static void splat_text(char *buf, size_t len, const char *marker,
		       const char *what)
{
	/* The kernel's blank lines included (one before the block too). */
	snprintf(buf, len,
		 "=============================\n"
		 "WARNING: suspicious RCU usage\n"
		 "%d.%d.%d-kshim #1 Not tainted\n"
		 "-----------------------------\n"
		 "%s:%d %s!\n"
		 "\n"
		 "other info that might help us debug this:\n"
		 "\n"
		 "\n"
		 "rcu_scheduler_active = 2, debug_locks = 1\n",
		 LINUX_VERSION_MAJOR, LINUX_VERSION_PATCHLEVEL,
		 LINUX_VERSION_SUBLEVEL, __FILE__, marker_line(marker), what);
}

static void expect_splat(const char *marker, const char *what,
			 const char *locks)
{
	char want[1024], head[768];

	splat_text(head, sizeof(head), marker, what);
	snprintf(want, sizeof(want), "%s%s", head, locks);
	kshim_expect_report(KSHIM_REPORT_RCU, want, 1);
}

static void expect_no_locks_splat(const char *marker, const char *what)
{
	char locks[128];

	snprintf(locks, sizeof(locks), "no locks held by %s/%d.\n\nstack backtrace:\n",
		 current->comm, current->pid);
	expect_splat(marker, what, locks);
}

/* ---- rcu_dereference() and friends ---- */

static void test_deref_outside_reader(void)
{
	struct obj *p;

	expect_no_locks_splat("deref_outside",
			      "suspicious rcu_dereference_check() usage");
	p = rcu_dereference(gp); /* LINE:deref_outside */
	CU_ASSERT_PTR_EQUAL(p, &the_obj);
	assert_report_at(KSHIM_REPORT_RCU, "deref_outside");
	/* Not a WARN: no cut-here line, no taint. */
	CU_ASSERT_PTR_NULL(strstr(kshim_report_last(KSHIM_REPORT_RCU)->text,
				  "cut here"));
	CU_ASSERT_EQUAL(get_taint(), 0);
}

static struct obj *deref_at_one_site(void)
{
	return rcu_dereference(gp); /* LINE:one_site */
}

static void test_deref_once_per_call_site(void)
{
	int i;

	expect_no_locks_splat("one_site",
			      "suspicious rcu_dereference_check() usage");
	for (i = 0; i < 3; i++)
		CU_ASSERT_PTR_EQUAL(deref_at_one_site(), &the_obj);
}

static void test_deref_inside_reader_is_silent(void)
{
	struct obj *p;

	rcu_read_lock();
	p = rcu_dereference(gp);
	CU_ASSERT_EQUAL(p->val, 42);
	rcu_read_unlock();
	p = rcu_dereference_check(gp, 1);
	p = rcu_dereference_raw(gp);
	p = rcu_dereference_protected(gp, true);
	p = rcu_access_pointer(gp);
	CU_ASSERT_PTR_EQUAL(p, &the_obj);
	rcu_read_lock_bh();
	p = rcu_dereference_bh(gp);
	rcu_read_unlock_bh();
	rcu_read_lock_sched();
	p = rcu_dereference_sched(gp);
	rcu_read_unlock_sched();
	preempt_disable();		/* any non-preemptible region */
	p = rcu_dereference_sched(gp);
	preempt_enable();
	local_bh_disable();
	p = rcu_dereference_bh(gp);
	local_bh_enable();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_deref_protected_false(void)
{
	struct obj *p;

	expect_no_locks_splat("protected",
			      "suspicious rcu_dereference_protected() usage");
	p = rcu_dereference_protected(gp, 0); /* LINE:protected */
	CU_ASSERT_PTR_EQUAL(p, &the_obj);
}

static void test_deref_bh_outside(void)
{
	char locks[256];

	snprintf(locks, sizeof(locks), "1 lock held by %s/%d:\n #0: ",
		 current->comm, current->pid);
	expect_splat("deref_bh", "suspicious rcu_dereference_check() usage",
		     locks);
	rcu_read_lock();	/* the plain flavour is not the bh one */
	(void)rcu_dereference_bh(gp); /* LINE:deref_bh */
	rcu_read_unlock();
}

static void test_deref_sched_outside(void)
{
	expect_no_locks_splat("deref_sched",
			      "suspicious rcu_dereference_check() usage");
	(void)rcu_dereference_sched(gp); /* LINE:deref_sched */
}

/* The block lists the held locks: a spinlock and the RCU reader. */
static DEFINE_SPINLOCK(test_lock);

static void test_splat_lists_held_locks(void)
{
	char locks[512];

	spin_lock(&test_lock); /* LINE:spin */
	snprintf(locks, sizeof(locks),
		 "1 lock held by %s/%d:\n"
		 " #0: %016lx (spinlock){....}-{2:2}, at: %s %s:%d\n"
		 "\nstack backtrace:\n",
		 current->comm, current->pid,
		 (unsigned long)&test_lock.rlock, __func__,
		 __FILE__, marker_line("spin"));
	expect_splat("held_spin", "suspicious rcu_dereference_protected() usage",
		     locks);
	(void)rcu_dereference_protected(gp, false); /* LINE:held_spin */
	spin_unlock(&test_lock);
}

/*
 * lockdep_is_held(), the usual condition: true only while the current
 * task holds that lock (a spinlock or a mutex).
 */
static DEFINE_MUTEX(test_mutex);
static DEFINE_SPINLOCK(other_lock);

static void test_protected_by_held_lock_is_silent(void)
{
	struct obj *p;

	spin_lock(&test_lock);
	CU_ASSERT_EQUAL(lockdep_is_held(&test_lock), LOCK_STATE_HELD);
	p = rcu_dereference_protected(gp, lockdep_is_held(&test_lock));
	spin_unlock(&test_lock);
	CU_ASSERT_PTR_EQUAL(p, &the_obj);
	mutex_lock(&test_mutex);
	p = rcu_dereference_check(gp, lockdep_is_held(&test_mutex));
	mutex_unlock(&test_mutex);
	CU_ASSERT_PTR_EQUAL(p, &the_obj);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_protected_by_lock_not_held(void)
{
	CU_ASSERT_EQUAL(lockdep_is_held(&test_lock), LOCK_STATE_NOT_HELD);
	expect_no_locks_splat("not_held",
			      "suspicious rcu_dereference_protected() usage");
	(void)rcu_dereference_protected(gp, lockdep_is_held(&test_lock)); /* LINE:not_held */
}

static void test_protected_by_another_lock(void)
{
	spin_lock(&other_lock);
	CU_ASSERT_EQUAL(lockdep_is_held(&test_lock), LOCK_STATE_NOT_HELD);
	CU_ASSERT_EQUAL(lockdep_is_held(&other_lock), LOCK_STATE_HELD);
	kshim_expect_report(KSHIM_REPORT_RCU,
			    "suspicious rcu_dereference_check() usage!", 1);
	(void)rcu_dereference_check(gp, lockdep_is_held(&test_lock));
	spin_unlock(&other_lock);
}

static void test_no_splat_once_debug_locks_off(void)
{
	debug_locks_off();
	(void)rcu_dereference(gp);
	(void)rcu_dereference_protected(gp, 0);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_RCU), 0);
}

/* ---- sleeping in a reader ---- */

static void test_might_sleep_in_reader(void)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n"
		 "in_atomic(): 0, irqs_disabled(): 0, non_block: 0, pid: %d, name: %s\n"
		 "preempt_count: 0, expected: 0\n"
		 "RCU nest depth: 1, expected: 0\n",
		 __FILE__, marker_line("sleep_in_reader"), current->pid,
		 current->comm);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	rcu_read_lock();
	might_sleep(); /* LINE:sleep_in_reader */
	rcu_read_unlock();
}

static void test_might_sleep_outside_reader_is_silent(void)
{
	rcu_read_lock();
	rcu_read_unlock();
	might_sleep();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_blocking_in_reader(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 CUT_HERE "Voluntary context switch within RCU read-side critical section!\n"
		 "WARNING: CPU: 0 PID: %d at %s:%d ", current->pid, __FILE__,
		 marker_line("block_in_reader"));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	rcu_read_lock();
	schedule_timeout_uninterruptible(1); /* LINE:block_in_reader */
	schedule_timeout_uninterruptible(1);	/* WARN_ONCE */
	rcu_read_unlock();
	schedule_timeout_uninterruptible(1);	/* outside: silent */
}

/* RCU-bh is not preemptible: lockdep-RCU first, then might_sleep. */
static void test_might_sleep_in_bh_reader(void)
{
	char locks[512], want[256];

	snprintf(locks, sizeof(locks),
		 "(rcu_read_lock_bh){....}-{1:2}, at: %s %s:%d\n"
		 "\nstack backtrace:\n", __func__, __FILE__,
		 marker_line("bh_lock"));
	/* The map's address is kshim's: match from its name on. */
	expect_splat("sleep_in_bh",
		     "Illegal context switch in RCU-bh read-side critical section",
		     "1 lock held by ");
	snprintf(want, sizeof(want),
		 "invalid context at %s:%d\n"
		 "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: %d, name: %s\n"
		 "preempt_count: 200, expected: 0\n"
		 "RCU nest depth: 0, expected: 0\n", __FILE__,
		 marker_line("sleep_in_bh"), current->pid, current->comm);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	rcu_read_lock_bh(); /* LINE:bh_lock */
	might_sleep(); /* LINE:sleep_in_bh */
	rcu_read_unlock_bh();
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_RCU)->text,
				      locks));
}

/* ---- synchronize_rcu() where it must not be ---- */

static void test_sync_in_reader(void)
{
	char locks[512], want[512];

	snprintf(locks, sizeof(locks),
		 "1 lock held by %s/%d:\n"
		 " #0: ", current->comm, current->pid);
	expect_splat("sync_in_reader",
		     "Illegal synchronize_rcu() in RCU read-side critical section",
		     locks);
	snprintf(want, sizeof(want),
		 "invalid context at %s:%d\n", __FILE__,
		 marker_line("sync_in_reader"));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "Voluntary context switch within RCU read-side critical section!",
			    1);
	rcu_read_lock(); /* LINE:sync_reader_lock */
	synchronize_rcu(); /* LINE:sync_in_reader */
	rcu_read_unlock();
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_RCU)->text,
				      " (rcu_read_lock){....}-{1:2}, at: test_sync_in_reader "));
}

static void test_sync_in_atomic(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n"
		 "in_atomic(): 1, irqs_disabled(): 0,", __FILE__,
		 marker_line("sync_atomic"));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	snprintf(want, sizeof(want), "BUG: scheduling while atomic: %s/%d/0x00000002\n",
		 current->comm, current->pid);
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, want, 1);
	/* schedule() reset preempt_count: the enable underflows. */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
	preempt_disable();
	synchronize_rcu(); /* LINE:sync_atomic */
	preempt_enable();
}

/* ---- balance ---- */

static void test_unbalanced_unlock(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 CUT_HERE "WARNING: CPU: 0 PID: %d at %s:%d ", current->pid,
		 __FILE__, marker_line("extra_unlock"));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	rcu_read_lock();
	rcu_read_unlock();
	rcu_read_unlock(); /* LINE:extra_unlock */
	CU_ASSERT_EQUAL(rcu_preempt_depth(), 0);
	/* The machine stays usable. */
	rcu_read_lock();
	CU_ASSERT_EQUAL(rcu_preempt_depth(), 1);
	rcu_read_unlock();
	synchronize_rcu();
}

static void test_reader_left_open_at_test_end(void)
{
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "ledger: RCU read-side critical sections is 1 at test end, was 0",
			    1);
	rcu_read_lock(); /* LINE:left_open */
}

static void test_next_test_starts_clean(void)
{
	CU_ASSERT_EQUAL(rcu_preempt_depth(), 0);
	synchronize_rcu();
}

static CU_TestInfo lockdep_tests[] = {
	{ "deref_outside_reader", test_deref_outside_reader },
	{ "deref_once_per_call_site", test_deref_once_per_call_site },
	{ "deref_inside_reader_is_silent", test_deref_inside_reader_is_silent },
	{ "deref_protected_false", test_deref_protected_false },
	{ "deref_bh_outside", test_deref_bh_outside },
	{ "deref_sched_outside", test_deref_sched_outside },
	{ "splat_lists_held_locks", test_splat_lists_held_locks },
	{ "no_splat_once_debug_locks_off", test_no_splat_once_debug_locks_off },
	{ "protected_by_held_lock_is_silent",
	  test_protected_by_held_lock_is_silent },
	{ "protected_by_lock_not_held", test_protected_by_lock_not_held },
	{ "protected_by_another_lock", test_protected_by_another_lock },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo sleep_tests[] = {
	{ "might_sleep_in_reader", test_might_sleep_in_reader },
	{ "might_sleep_outside_reader_is_silent",
	  test_might_sleep_outside_reader_is_silent },
	{ "might_sleep_in_bh_reader", test_might_sleep_in_bh_reader },
	{ "blocking_in_reader", test_blocking_in_reader },
	{ "sync_in_reader", test_sync_in_reader },
	{ "sync_in_atomic", test_sync_in_atomic },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo balance_tests[] = {
	{ "unbalanced_unlock", test_unbalanced_unlock },
	{ "reader_left_open_at_test_end", test_reader_left_open_at_test_end },
	{ "next_test_starts_clean", test_next_test_starts_clean },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "lockdep_rcu", NULL, NULL, NULL, NULL, lockdep_tests },
	{ "sleeping", NULL, NULL, NULL, NULL, sleep_tests },
	{ "balance", NULL, NULL, NULL, NULL, balance_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
