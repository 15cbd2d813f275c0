/* placeholder: test_page_alloc */
#include <kshim/test.h>

static void placeholder(void)
{
	CU_PASS("placeholder");
}

int main(int argc, char **argv)
{
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("test_page_alloc", NULL, NULL);
	if (!s || !CU_ADD_TEST(s, placeholder))
		return 99;
	return kshim_run_tests(argc, argv);
}
