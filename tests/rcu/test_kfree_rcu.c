/*
 * test_kfree_rcu - kfree_rcu()/kvfree_rcu() (6.1: 1 or 2 arguments) free
 * with kvfree() after a grace period: the object's cache can be destroyed
 * without the "still has objects" WARN once rcu_barrier() returned, and a
 * reader that began before kfree_rcu() still reads the object intact.
 * kfree_rcu(NULL, rh) does nothing; the headless form may sleep
 * (might_sleep at the caller's line in atomic context).
 */
#include <pthread.h>
#include <sched.h>

#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kshim/test.h>

#include "common/expect_bug.h"
#include "common/flags.h"

struct obj {
	int val;
	struct rcu_head rh;
};

static struct obj __rcu *gp;

static void test_kfree_rcu_frees_after_grace_period(void)
{
	struct kmem_cache *c = kmem_cache_create("rcu_test_obj",
						 sizeof(struct obj), 0, 0,
						 NULL);
	struct obj *p;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	for (i = 0; i < 8; i++) {
		p = kmem_cache_alloc(c, GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		p->val = i;
		kfree_rcu(p, rh);
	}
	rcu_barrier();
	kmem_cache_destroy(c);	/* silent: every object was freed */
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static DEFINE_SPINLOCK(test_lock);

static void test_kvfree_rcu_vmalloc_and_null(void)
{
	struct obj *v = vmalloc(3 * PAGE_SIZE);
	struct obj *k = kmalloc(sizeof(*k), GFP_ATOMIC), *none = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	kvfree_rcu(v, rh);
	spin_lock_irq(&test_lock);
	kfree_rcu(none, rh);		/* nothing */
	spin_unlock_irq(&test_lock);
	rcu_read_lock();
	kfree_rcu(k, rh);		/* any context */
	rcu_read_unlock();
	rcu_barrier();
}

static void test_kfree_rcu_headless(void)
{
	void *p = kmalloc(40, GFP_KERNEL);

	kfree_rcu_mightsleep(p);
	p = kvmalloc(64, GFP_KERNEL);
	kvfree_rcu(p);
}

static void test_kfree_rcu_headless_in_atomic(void)
{
	void *p = kmalloc(40, GFP_KERNEL);
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n",
		 __FILE__, marker_line("headless_atomic"));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, NULL, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
	preempt_disable();
	kfree_rcu(p); /* LINE:headless_atomic */
	preempt_enable();
}

/* A reader on the object before kfree_rcu() reads it intact. */
struct reader {
	int in, go, val;
};

static void *reader(void *arg)
{
	struct reader *r = arg;
	struct obj *p;

	rcu_read_lock();
	p = rcu_dereference(gp);
	flag_store(&r->in, 1);
	while (!flag_load(&r->go))
		sched_yield();
	r->val = p->val;	/* ASan/TSan: no use after free, no race */
	rcu_read_unlock();
	return NULL;
}

static void test_reader_outlives_kfree_rcu_call(void)
{
	struct obj *p = kmalloc(sizeof(*p), GFP_KERNEL);
	struct reader r = { 0 };
	pthread_t th;

	p->val = 99;
	rcu_assign_pointer(gp, p);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, reader, &r), 0);
	while (!flag_load(&r.in))
		sched_yield();
	RCU_INIT_POINTER(gp, NULL);
	kfree_rcu(p, rh);
	flag_store(&r.go, 1);
	pthread_join(th, NULL);
	rcu_barrier();
	CU_ASSERT_EQUAL(r.val, 99);
}

static CU_TestInfo tests[] = {
	{ "kfree_rcu_frees_after_grace_period",
	  test_kfree_rcu_frees_after_grace_period },
	{ "kvfree_rcu_vmalloc_and_null", test_kvfree_rcu_vmalloc_and_null },
	{ "kfree_rcu_headless", test_kfree_rcu_headless },
	{ "kfree_rcu_headless_in_atomic", test_kfree_rcu_headless_in_atomic },
	{ "reader_outlives_kfree_rcu_call",
	  test_reader_outlives_kfree_rcu_call },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kfree_rcu", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
