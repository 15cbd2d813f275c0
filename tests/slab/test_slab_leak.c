/*
 * test_slab_leak - kmemleak-grade leak reports (compat/mm/slab_common.c,
 * kmemleak.c): a slab object or large kmalloc() allocated in a test and
 * still live at its end is the "slab objects allocated" ledger report
 * naming the allocating line; kmemleak_not_leak()/kmemleak_ignore()
 * exclude an object; balanced code passes, and the slab allocator's own
 * page caching never shows up in the "pages allocated" entry.
 */
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/kmemleak.h>
#include <linux/slab.h>

#include "common/expect_bug.h"

static void test_balanced_passes(void)
{
	struct kmem_cache *c = kmem_cache_create("bal", 72, 0, 0, NULL);
	void *p[50], *big;
	int i;

	for (i = 0; i < 50; i++)
		p[i] = kmalloc(16 * (i + 1), GFP_KERNEL);
	big = kmalloc(20000, GFP_KERNEL);
	for (i = 0; i < 50; i++)
		kfree(p[i]);
	kfree(big);
	/* slabs the caches keep are theirs, not a page leak */
	p[0] = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p[0]);
	kmem_cache_destroy(c);
}

static void *kept_from_before;

static int suite_init(void)
{
	/* allocated outside any test: never one test's leak */
	kept_from_before = kmalloc(40, GFP_KERNEL);
	return 0;
}

static void test_old_objects_not_leaks(void)
{
	CU_ASSERT_PTR_NOT_NULL(kept_from_before);
}

static void test_leak_reported(void)
{
	void *p;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "(size 24): kmalloc-32 allocated at ", "leak");
	p = kmalloc(24, GFP_KERNEL); /* LINE:leak */
	CU_ASSERT_PTR_NOT_NULL(p);
}

static void test_large_leak_reported(void)
{
	void *p;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "(size 30000): kmalloc (pages, order 3) allocated at ",
			    "bigleak");
	p = kmalloc(30000, GFP_KERNEL); /* LINE:bigleak */
	CU_ASSERT_PTR_NOT_NULL(p);
}

/* kmemleak_update_trace(): the leak is the line that took the object over. */
static void test_update_trace_moves_the_site(void)
{
	void *p;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "(size 24): kmalloc-32 allocated at ", "retrace");
	p = kmalloc(24, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	kmemleak_update_trace(p); /* LINE:retrace */
}

static void test_many_leaks_counted(void)
{
	int i;

	kshim_expect_report(KSHIM_REPORT_LEDGER, "and 5 more leaked object(s)",
			    1);
	for (i = 0; i < 15; i++)
		CU_ASSERT_PTR_NOT_NULL(kmalloc(8, GFP_KERNEL));
}

static void test_not_leak(void)
{
	void *a = kmalloc(24, GFP_KERNEL);
	void *b = kmalloc(100000, GFP_KERNEL);
	struct kmem_cache *c = kmem_cache_create("nl", 50, 0, 0, NULL);
	void *d = kmem_cache_alloc(c, GFP_KERNEL);

	kmemleak_not_leak(a);
	kmemleak_ignore(b);
	kmemleak_not_leak(d);
	kmemleak_not_leak(NULL);
}

static void test_freed_after_not_leak(void)
{
	void *a = kmalloc(24, GFP_KERNEL);

	kmemleak_not_leak(a);
	kfree(a);
}

static CU_TestInfo leak_tests[] = {
	{ "balanced_passes", test_balanced_passes },
	{ "old_objects_not_leaks", test_old_objects_not_leaks },
	{ "leak_reported", test_leak_reported },
	{ "large_leak_reported", test_large_leak_reported },
	{ "update_trace_moves_the_site", test_update_trace_moves_the_site },
	{ "many_leaks_counted", test_many_leaks_counted },
	{ "not_leak", test_not_leak },
	{ "freed_after_not_leak", test_freed_after_not_leak },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmemleak", suite_init, NULL, NULL, NULL, leak_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
