/*
 * test_mm_sleep - the memory API's sleeping points (kernel-api.md §7, §10
 * items 84, 87 and 88): a blocking-gfp allocation calls might_sleep() at
 * the caller's line whether or not memory is short (6.8's might_alloc()),
 * lock_page() always does (folio_lock()), and a page lock wait that
 * really sleeps in atomic context is "BUG: scheduling while atomic"
 * (wait_on_page_locked() has no might_sleep() of its own).  Non-blocking
 * allocations and uncontended waits are silent.  The allocation tests
 * are checklist item 44 in each atomic state (spinlock, IRQs off,
 * hardirq, softirq, non_block section) with each blocking gfp.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kshim/context.h>

#include "sched/sched_test.h"

/* current->comm: the program name cut to TASK_COMM_LEN - 1 characters */
static const char *comm = "test_mm_sleep";

static DEFINE_SPINLOCK(lock);

static void expect_might_sleep_at(const char *marker, unsigned int count)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n",
		 __FILE__, marker_line(marker));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, count);
}

/* 87: GFP_KERNEL under a spinlock, with plenty of memory free. */
static void test_gfp_kernel_in_spinlock(void)
{
	struct page *page;

	expect_might_sleep_at("alloc_kernel", 1);
	spin_lock(&lock);
	page = alloc_page(GFP_KERNEL); /* LINE:alloc_kernel */
	spin_unlock(&lock);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "alloc_kernel");
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_MIGHT_SLEEP),
			"in_atomic(): 1, irqs_disabled(): 0, non_block: 0",
			"preempt_count: 1, expected: 0\n");
	__free_page(page);
}

static void alloc_in_handler(void *arg)
{
	unsigned long *addr = arg;

	*addr = __get_free_page(GFP_NOIO); /* LINE:alloc_noio */
}

/* 87: every gfp that may reclaim directly (GFP_NOIO too), in hardirq. */
static void test_gfp_noio_in_hardirq(void)
{
	unsigned long addr = 0;

	expect_might_sleep_at("alloc_noio", 1);
	kshim_run_in_hardirq(alloc_in_handler, &addr);
	CU_ASSERT_NOT_EQUAL_FATAL(addr, 0);
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "alloc_noio");
	free_page(addr);
}

/* 44: IRQs off alone (in_atomic() 0), GFP_USER. */
static void test_gfp_user_irqs_off(void)
{
	struct page *page;

	expect_might_sleep_at("alloc_user", 1);
	local_irq_disable();
	page = alloc_page(GFP_USER); /* LINE:alloc_user */
	local_irq_enable();
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_MIGHT_SLEEP),
			"in_atomic(): 0, irqs_disabled(): 1");
	__free_page(page);
}

static void alloc_highuser(void *arg)
{
	*(struct page **)arg = alloc_page(GFP_HIGHUSER); /* LINE:alloc_highuser */
}

/* 44: softirq, GFP_HIGHUSER (a highmem page: freed, never mapped). */
static void test_gfp_highuser_in_softirq(void)
{
	struct page *page = NULL;

	expect_might_sleep_at("alloc_highuser", 1);
	kshim_run_in_softirq(alloc_highuser, &page);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_MIGHT_SLEEP),
			"preempt_count: 100, expected: 0\n");
	__free_page(page);
}

/* 44: a non_block section, GFP_NOFS. */
static void test_gfp_nofs_in_non_block(void)
{
	unsigned long addr;

	expect_might_sleep_at("alloc_nofs", 1);
	non_block_start();
	addr = __get_free_pages(GFP_NOFS, 1); /* LINE:alloc_nofs */
	non_block_end();
	CU_ASSERT_NOT_EQUAL_FATAL(addr, 0);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_MIGHT_SLEEP),
			"in_atomic(): 0, irqs_disabled(): 0, non_block: 1");
	free_pages(addr, 1);
}

/* Positive: blocking gfp in process context; atomic gfp in atomic context. */
static void test_allocations_silent_where_allowed(void)
{
	struct page *a, *b, *c;
	unsigned long flags;

	a = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	spin_lock_irqsave(&lock, flags);
	b = alloc_page(GFP_ATOMIC);
	c = alloc_page(GFP_NOWAIT);
	spin_unlock_irqrestore(&lock, flags);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	__free_pages(a, 1);
	__free_page(b);
	__free_page(c);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 87: lock_page() checks even when the page is free to take. */
static void test_lock_page_in_atomic(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_might_sleep_at("lock_page", 1);
	preempt_disable();
	lock_page(page); /* LINE:lock_page */
	preempt_enable();
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "lock_page");
	CU_ASSERT_TRUE(PageLocked(page));
	unlock_page(page);
	__free_page(page);
}

static void test_lock_page_killable_irqs_off(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_might_sleep_at("lock_page_killable", 1);
	local_irq_disable();
	CU_ASSERT_EQUAL(lock_page_killable(page), 0); /* LINE:lock_page_killable */
	local_irq_enable();
	unlock_page(page);
	__free_page(page);
}

/* Positive: lock_page() and an uncontended wait in process context. */
static void test_lock_page_silent_in_process_context(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	unlock_page(page);
	CU_ASSERT_EQUAL(lock_page_killable(page), 0);
	unlock_page(page);
	/* Not locked: wait_on_page_locked() does not sleep, even atomic. */
	spin_lock(&lock);
	wait_on_page_locked(page);
	spin_unlock(&lock);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* Another task unlocks the page once the test task sleeps on it. */
struct unlocker {
	struct page *page;
	struct task_struct *waiter;
};

static void *unlock_when_sleeping(void *arg)
{
	struct unlocker *u = arg;

	while (task_is_running(u->waiter))
		sleep_ms(1);
	unlock_page(u->page);
	return NULL;
}

static void expect_schedule_bug(unsigned int count)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: scheduling while atomic: %s/%d/0x%08x\n", comm,
		 (int)getpid(), count);
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, want, 1);
	/* 6.8 forces preempt_count to 0: the later preempt_enable() underflows */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
}

/* 84: a contended lock_page() in atomic context: both reports. */
static void test_lock_page_sleeping_in_atomic(void)
{
	struct unlocker u = { alloc_page(GFP_KERNEL), current };
	pthread_t th;

	CU_ASSERT_PTR_NOT_NULL_FATAL(u.page);
	lock_page(u.page);
	expect_might_sleep_at("lock_page_sleeps", 1);
	expect_schedule_bug(2);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, unlock_when_sleeping,
					     &u), 0);
	preempt_disable();
	lock_page(u.page); /* LINE:lock_page_sleeps */
	preempt_enable();
	pthread_join(th, NULL);
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "lock_page_sleeps");
	CU_ASSERT_EQUAL(preempt_count(), 0);
	unlock_page(u.page);
	__free_page(u.page);
}

/* 88: wait_on_page_locked() reports only the real sleep. */
static void test_wait_on_page_locked_sleeping_in_atomic(void)
{
	struct unlocker u = { alloc_page(GFP_KERNEL), current };
	pthread_t th;

	CU_ASSERT_PTR_NOT_NULL_FATAL(u.page);
	lock_page(u.page);
	expect_schedule_bug(2);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, unlock_when_sleeping,
					     &u), 0);
	spin_lock(&lock);
	wait_on_page_locked(u.page); /* LINE:wait_locked_sleeps */
	spin_unlock(&lock);
	pthread_join(th, NULL);
	assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "wait_locked_sleeps");
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_MIGHT_SLEEP), 0);
	CU_ASSERT_FALSE(PageLocked(u.page));
	__free_page(u.page);
}

/* Positive: a real page-lock sleep in process context is silent. */
static void test_page_lock_sleep_silent_in_process_context(void)
{
	struct unlocker u = { alloc_page(GFP_KERNEL), current };
	pthread_t th;

	CU_ASSERT_PTR_NOT_NULL_FATAL(u.page);
	lock_page(u.page);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, unlock_when_sleeping,
					     &u), 0);
	lock_page(u.page);
	pthread_join(th, NULL);
	unlock_page(u.page);
	__free_page(u.page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo alloc_tests[] = {
	{ "gfp_kernel_in_spinlock", test_gfp_kernel_in_spinlock },
	{ "gfp_noio_in_hardirq", test_gfp_noio_in_hardirq },
	{ "gfp_user_irqs_off", test_gfp_user_irqs_off },
	{ "gfp_highuser_in_softirq", test_gfp_highuser_in_softirq },
	{ "gfp_nofs_in_non_block", test_gfp_nofs_in_non_block },
	{ "allocations_silent_where_allowed",
	  test_allocations_silent_where_allowed },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo page_lock_tests[] = {
	{ "lock_page_in_atomic", test_lock_page_in_atomic },
	{ "lock_page_killable_irqs_off", test_lock_page_killable_irqs_off },
	{ "lock_page_silent_in_process_context",
	  test_lock_page_silent_in_process_context },
	{ "lock_page_sleeping_in_atomic", test_lock_page_sleeping_in_atomic },
	{ "wait_on_page_locked_sleeping_in_atomic",
	  test_wait_on_page_locked_sleeping_in_atomic },
	{ "page_lock_sleep_silent_in_process_context",
	  test_page_lock_sleep_silent_in_process_context },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "alloc", NULL, NULL, NULL, NULL, alloc_tests },
	{ "page_lock", NULL, NULL, NULL, NULL, page_lock_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
