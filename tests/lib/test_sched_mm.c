/*
 * test_sched_mm - the memalloc scopes of linux/sched/mm.h as 6.1 applies
 * them: nesting save/restore, current_gfp_context(), and the page
 * allocator honouring them (a failing GFP_KERNEL allocation inside
 * memalloc_noio_save() reports mode GFP_NOIO, inside memalloc_nofs_save()
 * GFP_NOFS, outside GFP_KERNEL); might_alloc(); prefetch hints.
 */
#include <kshim/fail.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/prefetch.h>
#include <linux/sched/mm.h>
#include <linux/spinlock.h>

static void test_scopes_nest(void)
{
	unsigned int a, b, c;

	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_KERNEL);
	a = memalloc_nofs_save();
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_NOFS);
	b = memalloc_noio_save();
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_NOIO);
	c = memalloc_noio_save();		/* nested: stays NOIO */
	memalloc_noio_restore(c);
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_NOIO);
	memalloc_noio_restore(b);
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_NOFS);
	memalloc_nofs_restore(a);
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_KERNEL);
	/* Atomic requests have nothing to strip. */
	a = memalloc_noio_save();
	CU_ASSERT_EQUAL(current_gfp_context(GFP_ATOMIC), GFP_ATOMIC);
	memalloc_noio_restore(a);

	a = memalloc_pin_save();
	CU_ASSERT_EQUAL(current_gfp_context(GFP_HIGHUSER_MOVABLE),
			GFP_HIGHUSER_MOVABLE & ~__GFP_MOVABLE);
	memalloc_pin_restore(a);
	a = memalloc_noreclaim_save();
	CU_ASSERT_TRUE(current->flags & PF_MEMALLOC);
	CU_ASSERT_EQUAL(current_gfp_context(GFP_KERNEL), GFP_KERNEL);
	memalloc_noreclaim_restore(a);
	CU_ASSERT_FALSE(current->flags & PF_MEMALLOC);
}

/* The allocator sees the stripped mask: its failure report shows it. */
static void fail_one(const char *mode)
{
	struct page *page;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, mode, 1);
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NULL(page);
	kshim_fail_page_alloc_clear();
}

static void test_allocator_noio(void)
{
	unsigned int flags = memalloc_noio_save();
	struct page *page;

	fail_one("mode:0xc00(GFP_NOIO)");
	page = alloc_page(GFP_KERNEL);		/* works, as GFP_NOIO */
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	memalloc_noio_restore(flags);
}

static void test_allocator_nofs(void)
{
	unsigned int flags = memalloc_nofs_save();

	fail_one("mode:0xc40(GFP_NOFS)");
	memalloc_nofs_restore(flags);
}

static void test_allocator_plain(void)
{
	fail_one("mode:0xcc0(GFP_KERNEL)");
}

/* NOIO still may sleep: the allocation is a might_sleep() point. */
static void test_noio_still_sleeps(void)
{
	DEFINE_SPINLOCK(lock);
	unsigned int flags = memalloc_noio_save();
	struct page *page;

	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, "test_sched_mm.c", 1);
	spin_lock(&lock);
	page = alloc_page(GFP_KERNEL);
	spin_unlock(&lock);
	if (page)
		__free_page(page);
	memalloc_noio_restore(flags);
	might_alloc(GFP_ATOMIC);		/* never sleeps */
}

static void test_prefetch(void)
{
	static char buf[4096];

	prefetch(buf);
	prefetchw(buf + 64);
	prefetch_range(buf, sizeof(buf));
	prefetch(NULL);				/* a hint never faults */
	CU_PASS("prefetch hints are harmless");
}

static CU_TestInfo tests[] = {
	{ "scopes_nest", test_scopes_nest },
	{ "allocator_noio", test_allocator_noio },
	{ "allocator_nofs", test_allocator_nofs },
	{ "allocator_plain", test_allocator_plain },
	{ "noio_still_sleeps", test_noio_still_sleeps },
	{ "prefetch", test_prefetch },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "sched_mm", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
