/*
 * test_buggy - CUnit tests of the out-of-tree buggy driver, built with
 * `pkg-config --cflags --libs kshim<flavour>` only.  Each test exercises
 * one planted bug; it fails only where a checker sees the bug:
 *   use_after_free   kshim-asan (AddressSanitizer), or plain kshim under
 *                    valgrind; a plain run cannot see a read
 *   irq_race         kshim-tsan (ThreadSanitizer)
 * tests/pkgconfig/consumer.sh asserts each checker's report names the
 * driver's line.
 */
#include <errno.h>

#include <kshim/irq.h>
#include <kshim/test.h>

#include "buggy.h"

static void test_use_after_free(void)
{
	CU_ASSERT_TRUE(buggy_peek_freed() >= 0);
}

static void test_irq_race(void)
{
	int i;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("buggy", "irq=5"), 0);
	for (i = 0; i < 200; i++) {
		CU_ASSERT_EQUAL_FATAL(kshim_raise_irq(buggy_irq()), 0);
		buggy_poke();
		CU_ASSERT_EQUAL_FATAL(kshim_irq_sync(buggy_irq()), 0);
	}
	CU_ASSERT_TRUE(buggy_events() > 0);
	CU_ASSERT_EQUAL(kshim_module_unload("buggy"), 0);
}

int main(int argc, char **argv)
{
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("buggy", NULL, NULL);
	if (!s || !CU_add_test(s, "use_after_free", test_use_after_free) ||
	    !CU_add_test(s, "irq_race", test_irq_race))
		return 99;
	return kshim_run_tests(argc, argv);
}
