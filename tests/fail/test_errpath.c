/*
 * test_errpath - a correct driver's every error path, swept in the test.
 *
 * errpath's probe takes six fallible resources; kshim_sweep() fails each
 * of its calls in turn, in a process of its own, and finds nothing to
 * report: every unwind releases what was taken.  The sweep's options
 * limit it to an API or a site, fail every later call too, or try every
 * error an API can return.
 */
#include <errno.h>

#include <kshim/irq.h>
#include <kshim/test.h>

#include "errpath/errpath.h"

#define IRQ 7

static void probe_remove(void *arg)
{
	struct errpath_dev ed = { 0 };
	unsigned long *irqs = arg;

	if (errpath_probe(&ed, IRQ))
		return;
	kshim_raise_irq(IRQ);
	kshim_irq_sync(IRQ);
	if (irqs)
		*irqs = ed.irqs;
	errpath_remove(&ed);
}

static void test_probe_and_remove(void)
{
	unsigned long irqs = 0;

	probe_remove(&irqs);
	CU_ASSERT_EQUAL(irqs, 1);
}

/* The one line a suite needs per entry point: six calls, six runs. */
static void test_error_paths_clean(void)
{
	kshim_expect_error_paths_clean(probe_remove, NULL);
}

/*
 * Six fallible calls (a cache, the registers, a page, the ring, the IRQ,
 * an object): the allocations inside them are not calls of their own.
 * request_irq() can fail three ways: errors=all makes a run of each.
 */
static void test_sweep_counts_each_call(void)
{
	struct kshim_sweep_stats st;

	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL,
				    "func=request_irq,errors=all", &st), 0);
	CU_ASSERT_EQUAL(st.calls, 1);
	CU_ASSERT_EQUAL(st.runs, 3);
	CU_ASSERT_EQUAL(st.bugs, 0);
	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL, "func=slab", &st),
			0);
	CU_ASSERT_EQUAL(st.calls, 2);	/* kzalloc, kmem_cache_alloc */
	CU_ASSERT_EQUAL(st.runs, 2);
}

static void test_sweep_options(void)
{
	struct kshim_sweep_stats st;

	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL,
				    "site=errpath_probe,func=vmalloc,mode=rest",
				    &st), 0);
	CU_ASSERT_EQUAL(st.calls, 1);
	CU_ASSERT_EQUAL(st.runs, 1);
	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL, "site=other.c", &st),
			0);
	CU_ASSERT_EQUAL(st.calls, 0);
	CU_ASSERT_EQUAL(st.runs, 0);
	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL, "func=nosuch", &st),
			-EINVAL);
	CU_ASSERT_EQUAL(kshim_sweep(probe_remove, NULL, "mode=pairs", &st),
			-EINVAL);
	CU_ASSERT_EQUAL(kshim_sweep(NULL, NULL, NULL, &st), -EINVAL);
}

static CU_TestInfo tests[] = {
	{ "probe_and_remove", test_probe_and_remove },
	{ "error_paths_clean", test_error_paths_clean },
	{ "sweep_counts_each_call", test_sweep_counts_each_call },
	{ "sweep_options", test_sweep_options },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "errpath", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
