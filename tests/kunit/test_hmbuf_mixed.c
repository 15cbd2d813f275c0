/*
 * test_hmbuf_mixed - one program, two kinds of tests of the same driver:
 * hmbuf's own KUnit suite (drivers-under-test/hmbuf/hmbuf_test.c, built
 * into the driver) and kshim CUnit tests that load the driver as insmod
 * would.  kshim_kunit_add_suites() puts the KUnit suites in the CUnit
 * registry beside the CUnit ones; kshim_run_tests() runs them all, each
 * test in its own process, in any output format.
 */
#include <string.h>

#include <kshim/kunit.h>
#include <kshim/test.h>

#include "../drivers-under-test/hmbuf/hmbuf.h"

static void test_loaded_module(void)
{
	static const char msg[] = "hello, highmem";
	char out[sizeof(msg)];

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hmbuf", "nr_pages=3"), 0);
	CU_ASSERT_EQUAL(hmbuf_size(), 3 * 4096);
	CU_ASSERT_EQUAL(hmbuf_write(2 * 4096 - 4, msg, sizeof(msg)), 0);
	CU_ASSERT_EQUAL(hmbuf_read(2 * 4096 - 4, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, msg);
	CU_ASSERT_EQUAL(kshim_module_unload("hmbuf"), 0);
}

/* The KUnit suite's cases are registered tests like the CUnit ones. */
static void test_kunit_cases_registered(void)
{
	CU_pSuite s = CU_get_suite_by_name("hmbuf", CU_get_registry());

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(s->uiNumberOfTests, 5);
	CU_ASSERT_PTR_NOT_NULL(CU_get_test_by_name("hmbuf_test_peek", s));
}

static CU_TestInfo tests[] = {
	{ "loaded_module", test_loaded_module },
	{ "kunit_cases_registered", test_kunit_cases_registered },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "hmbuf_module", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

int main(int argc, char **argv)
{
	if (CU_initialize_registry() != CUE_SUCCESS ||
	    CU_register_suites(suites) != CUE_SUCCESS ||
	    kshim_kunit_add_suites())
		return 99;
	return kshim_run_tests(argc, argv);
}
