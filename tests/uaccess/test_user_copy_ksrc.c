/*
 * test_user_copy_ksrc - Linux 6.1's own lib/test_user_copy.c, compiled
 * unmodified as kernel code from the tree given to configure
 * --with-linux-source, loaded as insmod would from a thread of a
 * simulated process (its vm_mmap() needs current->mm): every legitimate
 * copy, get_user() and put_user() must work and every illegal one
 * (kernel pointers as user pointers) must fail, with the zeroing the
 * kernel promises; it says "tests passed." when all did.
 */
#include <string.h>
#include <unistd.h>

#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>

#include "mm/pgtable.h"

static void test_user_copy_module(void)
{
	struct mm_struct *mm = kshim_mm_alloc();

	CU_ASSERT_PTR_NOT_NULL_FATAL(mm);
	current->mm = mm;
	current->active_mm = mm;
	CU_ASSERT_EQUAL(kshim_module_load("test_user_copy", NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("test_user_copy: tests passed.\n"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("failed"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("passed\n") &&
			kshim_dmesg_contains("illegal"));
	CU_ASSERT_EQUAL(kshim_module_unload("test_user_copy"), 0);
	/* it unmapped what it mapped */
	CU_ASSERT_EQUAL(mm->map_count, 0);
	current->mm = NULL;
	current->active_mm = NULL;
	mmput(mm);
}

static CU_TestInfo tests[] = {
	{ "test_user_copy", test_user_copy_module },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kernel_src", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
