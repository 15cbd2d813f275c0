/*
 * errpath_buggy - errpath's probes with planted error-path bugs, for
 * test_sweep to sweep ("errpath_buggy --sweep"): every test passes when
 * nothing fails, and the sweep must find each bug, naming the call whose
 * failure exposes it.  Not run by itself under make check.
 */
#include <kshim/irq.h>
#include <kshim/test.h>

#include "errpath/errpath.h"

#define IRQ 9

static void use(int (*probe)(struct errpath_dev *, unsigned int))
{
	struct errpath_dev ed = { 0 };

	if (probe(&ed, IRQ))
		return;
	kshim_raise_irq(IRQ);
	kshim_irq_sync(IRQ);
	errpath_remove(&ed);
}

static void test_correct(void)
{
	use(errpath_probe);
}

static void test_leak(void)
{
	use(errpath_probe_leak);
}

static void test_irq_left(void)
{
	use(errpath_probe_irq_left);
}

static void test_double_free(void)
{
	use(errpath_probe_double_free);
}

static void test_use_after_free(void)
{
	use(errpath_probe_use_after_free);
}

static void test_swallow(void)
{
	use(errpath_probe_swallow);
}

static void use_leak(void *arg)
{
	use(errpath_probe_leak);
}

/* The same bug found by a sweep inside a test: a failure of that test. */
static void test_leak_in_test(void)
{
	kshim_expect_error_paths_clean(use_leak, NULL); /* LINE:in_test */
}

static CU_TestInfo bugs[] = {
	{ "correct", test_correct },
	{ "leak", test_leak },
	{ "irq_left", test_irq_left },
	{ "double_free", test_double_free },
	{ "use_after_free", test_use_after_free },
	{ "swallow", test_swallow },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo in_test[] = {
	{ "leak_in_test", test_leak_in_test },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "errpath_bugs", NULL, NULL, NULL, NULL, bugs },
	{ "errpath_in_test", NULL, NULL, NULL, NULL, in_test },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
