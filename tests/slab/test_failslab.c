/*
 * test_failslab - slab allocation fault injection (mm/failslab.c of 6.1):
 * the rule language of fail_page_alloc, bytes for space, a picked
 * allocation NULL and silent, __GFP_NOFAIL and (ignore-gfp-wait)
 * reclaiming allocations spared, large kmalloc() left to the page rule,
 * the KSHIM_FAILSLAB setting and bad rules refused with a message.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/boot.h>
#include <kshim/fail.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/slab.h>

#include "common/expect_bug.h"
#include "common/spawn.h"

static void *alloc64(void)
{
	return kmalloc(64, GFP_KERNEL); /* LINE:alloc64 */
}

static void test_nth_fails_one_silently(void)
{
	void *a, *b, *c;

	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("nth=2"), 0);
	a = alloc64();
	b = alloc64();
	c = kzalloc(24, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NULL(b);
	CU_ASSERT_PTR_NOT_NULL(c);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);	/* silent */
	kfree(a);
	kfree(c);
}

static void test_site_picks_the_line(void)
{
	char site[64];
	void *a, *b;

	snprintf(site, sizeof(site), "site=test_failslab.c:%d",
		 marker_line("alloc64"));
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set(site), 0);
	a = kmalloc(64, GFP_KERNEL);
	b = alloc64();
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NULL(b);
	kfree(a);
	/* By function name too. */
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=alloc64"), 0);
	CU_ASSERT_PTR_NULL(alloc64());
	a = kmalloc(64, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(a);
	kfree(a);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 2);
}

/* space counts bytes: each allocation uses its cache's object size. */
static void test_space_counts_bytes(void)
{
	struct kmem_cache *c = kmem_cache_create("fs_test24", 24, 0, 0, NULL);
	void *a, *b, *x, *y;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("space=100"), 0);
	a = kmalloc(64, GFP_KERNEL);		/* 100 - 64 = 36 left */
	x = kmem_cache_alloc(c, GFP_KERNEL);	/* 36 - 24 = 12 left */
	b = kmalloc(64, GFP_KERNEL);		/* 64 > 12: fails */
	y = kmem_cache_alloc(c, GFP_KERNEL);	/* 24 > 12: fails */
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NOT_NULL(x);
	CU_ASSERT_PTR_NULL(b);
	CU_ASSERT_PTR_NULL(y);
	kfree(a);
	kmem_cache_free(c, x);
	kshim_failslab_clear();
	kmem_cache_destroy(c);
}

static void test_filters(void)
{
	void *p;

	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set(""), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("times=-1"), 0);
	p = kmalloc(32, GFP_KERNEL | __GFP_NOFAIL);
	CU_ASSERT_PTR_NOT_NULL(p);		/* never fails */
	kfree(p);
	CU_ASSERT_PTR_NULL(kmalloc(32, GFP_ATOMIC));
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("ignore-gfp-wait=1"), 0);
	p = kmalloc(32, GFP_KERNEL);		/* may reclaim: spared */
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
	CU_ASSERT_PTR_NULL(kmalloc(32, GFP_ATOMIC));
	/* kmalloc() beyond kmalloc-8k is the page allocator's business. */
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set(""), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("times=-1"), 0);
	p = kmalloc(16384, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("times=1"), 0);
	CU_ASSERT_PTR_NULL(kmalloc(16384, GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
}

static void test_verbose_prints_fail_dump(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("nth=1,verbose=1"), 0);
	CU_ASSERT_PTR_NULL(alloc64());
	CU_ASSERT_TRUE(kshim_dmesg_contains("FAULT_INJECTION: forcing a failure.\n"
		"name failslab, interval 1, probability 100, space 0, times -1\n"));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_bad_rules_are_refused(void)
{
	void *p;

	CU_ASSERT_EQUAL(kshim_failslab_set("min-order=1"), -EINVAL);
	CU_ASSERT_EQUAL(kshim_failslab_set("ignore-gfp-highmem=1"), -EINVAL);
	CU_ASSERT_EQUAL(kshim_failslab_set("space=lots"), -EINVAL);
	CU_ASSERT_EQUAL(kshim_failslab_set("nth=0"), -EINVAL);
	CU_ASSERT_EQUAL(kshim_failslab_set(NULL), -EINVAL);
	{
		struct kshim_fail_attr a = KSHIM_FAIL_ATTR_INIT;

		a.min_order = 2;
		CU_ASSERT_EQUAL(kshim_failslab_set_attr(&a), -EINVAL);
		a.min_order = 0;
		a.nth = 1;
		CU_ASSERT_EQUAL(kshim_failslab_set_attr(&a), 0);
		CU_ASSERT_PTR_NULL(alloc64());
	}
	/* The refused rules changed nothing: only the attr rule failed. */
	p = alloc64();
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 1);
}

/* A rule ends with its test: the next one allocates freely. */
static void test_rule_set_here(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("times=-1"), 0);
	CU_ASSERT_PTR_NULL(alloc64());
}

static void test_next_test_is_clean(void)
{
	void *p = alloc64();

	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 0);
}

/* KSHIM_FAILSLAB: the rule every test starts with. */
static void test_setting(void)
{
	void *p;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_FAILSLAB=nth=2", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAILSLAB"), "nth=2");
	p = alloc64();
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_PTR_NULL(alloc64());
	kfree(p);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAILSLAB=min-order=3", NULL),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAILSLAB"), "nth=2");
}

static void boot_bad(void *arg)
{
	_exit(kshim_boot("KSHIM_FAILSLAB=space=lots", NULL) == -EINVAL ? 0 :
									  1);
}

static void test_bad_setting_names_it(void)
{
	struct spawn_result c;

	CU_ASSERT_EQUAL_FATAL(spawn_call(boot_bad, NULL, &c), 0);
	CU_ASSERT_TRUE(!c.signaled && c.status == 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err,
		"kshim: KSHIM_FAILSLAB: bad value space='lots': expected a number of bytes"));
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err,
		"kshim: invalid KSHIM_FAILSLAB='space=lots'"));
	spawn_free(&c);
}

/* kmalloc(0) is ZERO_SIZE_PTR: a dereference is the NULL-page oops. */
static void test_zero_size_ptr_deref_oopses(void)
{
	volatile char *p = kmalloc(0, GFP_KERNEL);
	char want[256];

	CU_ASSERT_PTR_EQUAL_FATAL((void *)p, ZERO_SIZE_PTR);
	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n", 16UL);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	p[0] = 1;
	CU_FAIL("the write to ZERO_SIZE_PTR did not fault");
}

int main(int argc, char **argv)
{
	static CU_TestInfo tests[] = {
		{ "nth_fails_one_silently", test_nth_fails_one_silently },
		{ "site_picks_the_line", test_site_picks_the_line },
		{ "space_counts_bytes", test_space_counts_bytes },
		{ "filters", test_filters },
		{ "verbose_prints_fail_dump", test_verbose_prints_fail_dump },
		{ "bad_rules_are_refused", test_bad_rules_are_refused },
		{ "rule_set_here", test_rule_set_here },
		{ "next_test_is_clean", test_next_test_is_clean },
		{ "setting", test_setting },
		{ "bad_setting_names_it", test_bad_setting_names_it },
		CU_TEST_INFO_NULL,
	};
	static CU_TestInfo zero[] = {
		{ "zero_size_ptr_deref_oopses",
		  test_zero_size_ptr_deref_oopses },
		CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
		{ "failslab", NULL, NULL, NULL, NULL, tests },
		{ "kmalloc_zero", NULL, NULL, NULL, NULL, zero },
		CU_SUITE_INFO_NULL,
	};

	return kshim_run_suites(suites, argc, argv);
}
