/*
 * test_context - preempt_count, the context predicates, interrupt flags,
 * bottom halves and pagefault_disable() as a driver sees them (6.8
 * include/linux/preempt.h, irqflags.h, bottom_half.h, uaccess.h and the
 * DEBUG_PREEMPT / DEBUG_IRQFLAGS checks), in every context: process,
 * preemption off, spinlock, BH off, softirq, hardirq, NMI, IRQs off.
 * kernel-api.md §10 items 79 (counts and predicates), 80 (irq flags), 81
 * (DEBUG_PREEMPT), 86 (pagefault_disable), plus the per-test ledger and
 * the kshim_run_in_*() balance checks.  Negative tests name the exact line
 * of this file (LINE:<name> markers).
 *
 * Not covered here: the typecheck() warning for a non-unsigned-long
 * @flags (a compile-time warning: belongs with tests/compile-warn/).
 */
#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <kshim/context.h>

#include "sched/sched_test.h"

struct predicates {
	int count;
	bool atomic, interrupt, irq, hardirq, softirq, serving, nmi, task;
	bool preemptible, irqs_off;
	int level;
};

static struct predicates seen;

static void sample(void *arg)
{
	seen.count = preempt_count();
	seen.atomic = in_atomic();
	seen.interrupt = in_interrupt();
	seen.irq = in_irq();
	seen.hardirq = in_hardirq();
	seen.softirq = in_softirq();
	seen.serving = in_serving_softirq();
	seen.nmi = in_nmi();
	seen.task = in_task();
	seen.preemptible = preemptible();
	seen.irqs_off = irqs_disabled();
	seen.level = interrupt_context_level();
}

#define CHECK(want_count, atomic_, interrupt_, hardirq_, softirq_,	\
	      serving_, nmi_, task_, preemptible_, irqs_off_, level_)	\
do {									\
	CU_ASSERT_EQUAL(seen.count, want_count);			\
	CU_ASSERT_EQUAL(seen.atomic, atomic_);				\
	CU_ASSERT_EQUAL(seen.interrupt, interrupt_);			\
	CU_ASSERT_EQUAL(seen.irq, hardirq_);				\
	CU_ASSERT_EQUAL(seen.hardirq, hardirq_);			\
	CU_ASSERT_EQUAL(seen.softirq, softirq_);			\
	CU_ASSERT_EQUAL(seen.serving, serving_);			\
	CU_ASSERT_EQUAL(seen.nmi, nmi_);				\
	CU_ASSERT_EQUAL(seen.task, task_);				\
	CU_ASSERT_EQUAL(seen.preemptible, preemptible_);		\
	CU_ASSERT_EQUAL(seen.irqs_off, irqs_off_);			\
	CU_ASSERT_EQUAL(seen.level, level_);				\
} while (0)

/* 79: the masks of 6.x. */
static void test_layout(void)
{
	CU_ASSERT_EQUAL(PREEMPT_MASK, 0x000000ffUL);
	CU_ASSERT_EQUAL(SOFTIRQ_MASK, 0x0000ff00UL);
	CU_ASSERT_EQUAL(HARDIRQ_MASK, 0x000f0000UL);
	CU_ASSERT_EQUAL(NMI_MASK, 0x00f00000UL);
	CU_ASSERT_EQUAL(SOFTIRQ_DISABLE_OFFSET, 2 * SOFTIRQ_OFFSET);
	CU_ASSERT_EQUAL(SOFTIRQ_LOCK_OFFSET, 0x201UL);
}

/* 79: every predicate in every context. */
static void test_process(void)
{
	sample(NULL);
	CHECK(0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
	CU_ASSERT_PTR_NOT_NULL(current);
	CU_ASSERT_EQUAL(current->pid, getpid());
	CU_ASSERT_STRING_EQUAL(current->comm, "test_context");
}

static void test_preempt_off(void)
{
	preempt_disable();
	sample(NULL);
	CHECK(1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0);
	preempt_disable();
	CU_ASSERT_EQUAL(preempt_count(), 2);
	preempt_enable();
	preempt_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_spinlock(void)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;

	spin_lock(&lock);
	sample(NULL);
	CHECK(1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0);
	CU_ASSERT_TRUE(spin_is_locked(&lock));
	spin_unlock(&lock);
	CU_ASSERT_FALSE(spin_is_locked(&lock));

	spin_lock_irqsave(&lock, flags);
	sample(NULL);
	CHECK(1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0);
	spin_unlock_irqrestore(&lock, flags);

	spin_lock_irq(&lock);
	sample(NULL);
	CHECK(1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0);
	spin_unlock_irq(&lock);

	spin_lock_bh(&lock);
	sample(NULL);
	CHECK(0x201, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0);
	spin_unlock_bh(&lock);
	sample(NULL);
	CHECK(0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
}

static void test_rwlock(void)
{
	DEFINE_RWLOCK(lock);

	read_lock(&lock);
	read_lock(&lock);	/* readers nest */
	CU_ASSERT_EQUAL(preempt_count(), 2);
	read_unlock(&lock);
	read_unlock(&lock);
	write_lock_bh(&lock);
	CU_ASSERT_EQUAL(preempt_count(), 0x201);
	write_unlock_bh(&lock);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_bh_off(void)
{
	local_bh_disable();
	sample(NULL);
	CHECK(0x200, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0);
	local_bh_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_softirq(void)
{
	kshim_run_in_softirq(sample, NULL);
	CHECK(0x100, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_hardirq(void)
{
	kshim_run_in_hardirq(sample, NULL);
	CHECK(0x10000, 1, 1, 1, 0, 0, 0, 0, 0, 1, 2);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_FALSE(irqs_disabled());
}

static void test_nmi(void)
{
	kshim_run_in_nmi(sample, NULL);
	CHECK(0x110000, 1, 1, 1, 0, 0, 1, 0, 0, 1, 3);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_FALSE(irqs_disabled());
}

static void hardirq_in_softirq(void *arg)
{
	kshim_run_in_hardirq(sample, NULL);
}

static void test_nested_contexts(void)
{
	kshim_run_in_softirq(hardirq_in_softirq, NULL);
	CHECK(0x10100, 1, 1, 1, 1, 1, 0, 0, 0, 1, 2);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_irqs_off(void)
{
	local_irq_disable();
	sample(NULL);
	CHECK(0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0);
	local_irq_enable();
	CU_ASSERT_FALSE(irqs_disabled());
}

/* Threads are tasks of their own, each with its own context. */
static void *other_task(void *arg)
{
	sample(NULL);
	*(pid_t *)arg = current->pid;
	return NULL;
}

static void test_threads_are_tasks(void)
{
	pthread_t th;
	pid_t pid = 0;

	preempt_disable();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, other_task, &pid), 0);
	pthread_join(th, NULL);
	preempt_enable();
	CHECK(0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
	CU_ASSERT_NOT_EQUAL(pid, current->pid);
	CU_ASSERT_TRUE(pid > 0);
}

/* 80: save/restore nest; disable/enable do not. */
static void test_irq_save_restore_nest(void)
{
	unsigned long f1, f2, f3;

	local_save_flags(f1);
	CU_ASSERT_FALSE(irqs_disabled_flags(f1));
	local_irq_save(f2);
	CU_ASSERT_TRUE(irqs_disabled());
	CU_ASSERT_FALSE(irqs_disabled_flags(f2));
	local_irq_save(f3);
	CU_ASSERT_TRUE(irqs_disabled_flags(f3));
	local_irq_restore(f3);
	CU_ASSERT_TRUE(irqs_disabled());
	local_irq_restore(f2);
	CU_ASSERT_FALSE(irqs_disabled());
	CU_ASSERT_EQUAL(preempt_count(), 0);

	local_irq_disable();
	local_irq_disable();
	local_irq_enable();
	CU_ASSERT_FALSE(irqs_disabled());
}

/* 80 [DEBUG_IRQFLAGS]: restoring with IRQs on WARNs once. */
static void test_irq_restore_with_irqs_enabled_warns_once(void)
{
	char want[256];
	unsigned long flags;

	file_line(want, "at ", "bogus_restore",
		  " test_irq_restore_with_irqs_enabled_warns_once\n");
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "raw_local_irq_restore() called with IRQs enabled", 1);
	local_irq_save(flags);
	local_irq_enable();
	local_irq_restore(flags); /* LINE:bogus_restore */
	local_irq_save(flags);
	local_irq_enable();
	local_irq_restore(flags);
	CU_ASSERT_FALSE(irqs_disabled());
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"------------[ cut here ]------------\n",
			"raw_local_irq_restore() called with IRQs enabled\n",
			"WARNING: CPU: 0 PID: ", want);
}

/* 81: underflow is refused and WARNs at the caller. */
static void test_preempt_underflow(void)
{
	char want[256];

	file_line(want, "at ", "underflow", " test_preempt_underflow\n");
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
	preempt_enable(); /* LINE:underflow */
	CU_ASSERT_EQUAL(preempt_count(), 0);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"DEBUG_LOCKS_WARN_ON(val > preempt_count())\n",
			want);
	/* Lock debugging is off after its first report. */
	preempt_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

/* 81: the spinlock part about to overflow its 8 bits. */
static void test_preempt_overflow(void)
{
	int i;

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON((preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10)",
			    1);
	for (i = 0; i < 250; i++)
		preempt_disable();
	CU_ASSERT_EQUAL(preempt_count(), 250);
	for (i = 0; i < 250; i++)
		preempt_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_bh_enable_unbalanced(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
	local_bh_enable();
	/* As in 6.8: the unchecked part already went. */
	CU_ASSERT_EQUAL(preempt_count(), -0x1ff);
	preempt_count_set(0);
}

static void bh_enable_in_irq(void *arg)
{
	local_bh_disable();
	local_bh_enable(); /* LINE:bh_enable_in_irq */
}

static void test_bh_enable_in_hardirq_warns(void)
{
	char want[256];

	file_line(want, "at ", "bh_enable_in_irq", " bh_enable_in_irq\n");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	kshim_run_in_hardirq(bh_enable_in_irq, NULL);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

/* 86: a counter of its own, not preempt_count. */
static void test_pagefault_disable(void)
{
	CU_ASSERT_FALSE(pagefault_disabled());
	CU_ASSERT_FALSE(faulthandler_disabled());
	pagefault_disable();
	pagefault_disable();
	CU_ASSERT_TRUE(pagefault_disabled());
	CU_ASSERT_TRUE(faulthandler_disabled());
	CU_ASSERT_FALSE(in_atomic());
	pagefault_enable();
	CU_ASSERT_TRUE(pagefault_disabled());
	pagefault_enable();
	CU_ASSERT_FALSE(pagefault_disabled());
	preempt_disable();
	CU_ASSERT_TRUE(faulthandler_disabled());
	preempt_enable();
}

/* ---- the ledger ---- */

/* The ledger names where the leak happened: "<function> <file>:<line>". */
#define where(buf, fn, name)	file_line(buf, fn " ", name, "\n")

static void test_ledger_preempt_count(void)
{
	char want[256];

	where(want, "test_ledger_preempt_count", "leak_preempt");
	/* "kshim: ledger: preempt_count is 1 at test end, was 0" + where */
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	preempt_disable(); /* LINE:leak_preempt */
}

static void test_ledger_irqs(void)
{
	char want[256];

	/* "kshim: ledger: irqs_disabled() is 1 at test end, was 0" */
	where(want, "hardirqs last disabled at: test_ledger_irqs",
	      "leak_irqs");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	local_irq_disable(); /* LINE:leak_irqs */
}

static DEFINE_SPINLOCK(leaked_lock);

static void *take_and_exit(void *arg)
{
	spin_lock(&leaked_lock);
	return NULL;
}

static void test_ledger_spinlock(void)
{
	pthread_t th;

	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "ledger: spinlocks and rwlocks held is 1 at test end, was 0",
			    1);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, take_and_exit, NULL),
			      0);
	pthread_join(th, NULL);
}

static DEFINE_MUTEX(leaked_mutex);

static void test_ledger_mutex(void)
{
	char want[256];

	/* "kshim: ledger: mutexes held is 1 at test end, was 0" */
	where(want, "at: test_ledger_mutex", "leak_mutex");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	mutex_lock(&leaked_mutex); /* LINE:leak_mutex */
}

/* ---- kshim_run_in_*() balance ---- */

static void leaves_preemption_off(void *arg)
{
	preempt_disable();
}

static void test_handler_leaving_count_is_reported(void)
{
	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "kshim: softirq handler leaves_preemption_off returned with preempt_count 00000101, entered with 00000100",
			    1);
	kshim_run_in_softirq(leaves_preemption_off, NULL); /* LINE:run_leak */
	CU_ASSERT_EQUAL(kshim_report_last(KSHIM_REPORT_CONTEXT)->line,
			marker_line("run_leak"));
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void enables_irqs(void *arg)
{
	local_irq_enable();
}

static void test_handler_enabling_irqs_warns(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "irq 0 handler enables_irqs enabled interrupts", 1);
	kshim_run_in_hardirq(enables_irqs, NULL);
	kshim_run_in_hardirq(enables_irqs, NULL);
	CU_ASSERT_FALSE(irqs_disabled());
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static CU_TestInfo context_tests[] = {
	{ "layout", test_layout },
	{ "process", test_process },
	{ "preempt_off", test_preempt_off },
	{ "spinlock", test_spinlock },
	{ "rwlock", test_rwlock },
	{ "bh_off", test_bh_off },
	{ "softirq", test_softirq },
	{ "hardirq", test_hardirq },
	{ "nmi", test_nmi },
	{ "nested_contexts", test_nested_contexts },
	{ "irqs_off", test_irqs_off },
	{ "threads_are_tasks", test_threads_are_tasks },
	{ "irq_save_restore_nest", test_irq_save_restore_nest },
	{ "irq_restore_with_irqs_enabled_warns_once",
	  test_irq_restore_with_irqs_enabled_warns_once },
	{ "preempt_underflow", test_preempt_underflow },
	{ "preempt_overflow", test_preempt_overflow },
	{ "bh_enable_unbalanced", test_bh_enable_unbalanced },
	{ "bh_enable_in_hardirq_warns", test_bh_enable_in_hardirq_warns },
	{ "pagefault_disable", test_pagefault_disable },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_tests[] = {
	{ "preempt_count", test_ledger_preempt_count },
	{ "irqs", test_ledger_irqs },
	{ "spinlock", test_ledger_spinlock },
	{ "mutex", test_ledger_mutex },
	{ "handler_leaving_count_is_reported",
	  test_handler_leaving_count_is_reported },
	{ "handler_enabling_irqs_warns", test_handler_enabling_irqs_warns },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "context", NULL, NULL, NULL, NULL, context_tests },
	{ "balance", NULL, NULL, NULL, NULL, ledger_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
