/*
 * test_hello - CUnit tests of the out-of-tree hello driver, built with
 * `pkg-config --cflags --libs kshim` only.
 */
#include <errno.h>

#include <kshim/test.h>

int hello_greet(void);

static void test_greets(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hello", "greetings=3"), 0);
	CU_ASSERT_EQUAL(hello_greet(), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("hello: hello 3\n"));
	CU_ASSERT_EQUAL(kshim_module_unload("hello"), 0);
}

static void test_warns_on_zero(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING, "hello.c:", 1);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hello", "greetings=0"), 0);
	CU_ASSERT_EQUAL(hello_greet(), -EINVAL);
	CU_ASSERT_EQUAL(kshim_module_unload("hello"), 0);
}

static void test_bad_param(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("hello", "greetings=-1"), -EINVAL);
}

int main(int argc, char **argv)
{
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("hello", NULL, NULL);
	if (!s || !CU_ADD_TEST(s, test_greets) ||
	    !CU_ADD_TEST(s, test_warns_on_zero) ||
	    !CU_ADD_TEST(s, test_bad_param))
		return 99;
	return kshim_run_tests(argc, argv);
}
