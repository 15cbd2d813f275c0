/*
 * test_race - the irqcount driver, locked as the kernel wants (handler:
 * spin_lock(), process context: spin_lock_irqsave()), with its handler on
 * another CPU than the process-context code: every count arrives, and
 * the run is clean under ThreadSanitizer (--enable-tsan) and helgrind
 * (make check-valgrind), which would fail this test on any race in the
 * driver or in kshim's interrupt machinery.  Its unlocked twin is
 * test_race_tsan's business.
 */
#include "irq/race_workload.h"
#include "../../drivers-under-test/irqcount/irqcount.h"

#define ROUNDS	200

static void test_locked_driver_counts_everything(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("irqcount", "irq=5"), 0);
	race_workload(5, irqcount_poke, ROUNDS);
	CU_ASSERT_EQUAL(irqcount_events(), 2 * ROUNDS);
	CU_ASSERT_EQUAL(kshim_module_unload("irqcount"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo locked_tests[] = {
	{ "locked_driver_counts_everything",
	  test_locked_driver_counts_everything },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "irqcount", NULL, NULL, NULL, NULL, locked_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
