/*
 * test_kernel_src - one of Linux's own lib/ self-test modules, compiled
 * unmodified from the tree given to configure --with-linux-source, loaded
 * and unloaded as insmod/rmmod would.  Such a module checks the library it
 * tests and reports in its kernel log: the test passes when init returns
 * 0, the log has the module's own success line and none of its failure
 * lines, and no report was raised beyond the ones the module provokes on
 * purpose (KSRC_REPORTS).
 *
 * Built once per module with:
 *   KSRC_MODULE   its KBUILD_MODNAME ("test_uuid")
 *   KSRC_PASS     how its success line starts ("all "), or
 *   KSRC_OF       the "%u of %u tests passed" prefix ("IDA: "): every run
 *                 test must have passed
 *   KSRC_FAIL     a text that only its failure lines contain (optional)
 *   KSRC_REPORTS  the report class and count it raises on purpose
 *                 (optional, e.g. KSHIM_REPORT_WARNING, 1)
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>

static void test_module_passes(void)
{
	const char *log;
#ifdef KSRC_OF
	unsigned int passed, run;
#endif

#ifdef KSRC_REPORTS
	kshim_expect_report(KSRC_REPORTS);
#endif
	CU_ASSERT_EQUAL_FATAL(kshim_module_load(KSRC_MODULE, NULL), 0);
	log = kshim_dmesg();
#ifdef KSRC_PASS
	CU_ASSERT_PTR_NOT_NULL(strstr(log, KSRC_MODULE ": " KSRC_PASS));
#endif
#ifdef KSRC_OF
	{
		const char *p = strstr(log, KSRC_OF);

		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		CU_ASSERT_EQUAL_FATAL(sscanf(p + strlen(KSRC_OF),
					     "%u of %u tests passed", &passed,
					     &run), 2);
		CU_ASSERT(run > 0);
		CU_ASSERT_EQUAL(passed, run);
	}
#endif
#ifdef KSRC_FAIL
	CU_ASSERT_PTR_NULL(strstr(log, KSRC_FAIL));
#endif
	CU_ASSERT_EQUAL(kshim_module_unload(KSRC_MODULE), 0);
}

static CU_TestInfo tests[] = {
	{ KSRC_MODULE, test_module_passes },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kernel-src", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
