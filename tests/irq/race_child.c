/*
 * race_child - runs the racy irqcount driver's workload, for
 * test_race_tsan to watch: under ThreadSanitizer this process reports a
 * data race on irqcount_racy.c's counter and exits with TSan's status.
 * Not a test of its own (not in TESTS).
 */
#include "irq/race_workload.h"
#include "../../drivers-under-test/irqcount/irqcount.h"

static void test_racy_workload(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("irqcount_racy", "irq=6"), 0);
	race_workload(6, irqcount_racy_poke, 200);
	CU_ASSERT_TRUE(irqcount_racy_events() > 0);
	CU_ASSERT_EQUAL(kshim_module_unload("irqcount_racy"), 0);
}

static CU_TestInfo racy_tests[] = {
	{ "workload", test_racy_workload },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "racy", NULL, NULL, NULL, NULL, racy_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
