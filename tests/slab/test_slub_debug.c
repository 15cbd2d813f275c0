/*
 * test_slub_debug - SLUB debugging (slub_debug=FZPU, the default) with
 * 6.1's report text (mm/slub.c): redzones, poison (at the next
 * allocation and at test end), double free, invalid pointers, the wrong
 * cache, non-slab and non-kernel pointers, kmem_cache_destroy() with
 * live objects, kmem_cache_create() errors, taint, and KSHIM_SLUB_DEBUG.
 *
 * Damage is done through kshim's backdoor view of RAM (white box), so
 * the plain checks are tested in every build: an ASan build would stop a
 * real overflow at the write itself (tested separately, ASan only).
 */
#include <stdio.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "mm/slab.h"

#include "common/asan.h"

#define RULE77 "============================================================================="

/* Write @val at @p + @off through the backdoor (no checker sees it). */
static void poke(void *p, long off, unsigned char val)
{
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	CU_ASSERT_PTR_NOT_NULL_FATAL(sl);
	sl->bd[(char *)p + off - sl->addr] = val;
}

static unsigned char peek(void *p, long off)
{
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	return sl->bd[(char *)p + off - sl->addr];
}

static struct kmem_cache *test_cache(const char *name, unsigned int size)
{
	struct kmem_cache *c = kmem_cache_create(name, size, 0, 0, NULL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	return c;
}

/* ---- redzones ---- */

static void test_right_redzone(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	CU_ASSERT_EQUAL(peek(p, 64), 0xcc);	/* SLUB_RED_ACTIVE */
	poke(p, 64, 0x55);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    RULE77 "\nBUG kmalloc-64 (Not tainted): Right Redzone overwritten\n", 1);
	kfree(p); /* LINE:rz_free */
	assert_report_at(KSHIM_REPORT_SLAB, "rz_free");
	{
		const char *t = kshim_report_last(KSHIM_REPORT_SLAB)->text;

		CU_ASSERT_PTR_NOT_NULL(strstr(t, "First byte 0x55 instead of 0xcc\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Allocated in test_right_redzone age="));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Slab 0x"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, " objects="));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Redzone  "));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Object   "));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Padding  "));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "Disabling lock debugging due to kernel taint\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "FIX kmalloc-64: Restoring Right Redzone 0x"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "=0xcc\nFIX kmalloc-64: Object at 0x"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, " not freed\n"));
	}
	CU_ASSERT_TRUE(test_taint(TAINT_BAD_PAGE));
	CU_ASSERT_EQUAL(peek(p, 64), 0xcc);	/* restored */
	/* not freed: never handed out again, the pointer still works */
	CU_ASSERT_EQUAL(kshim_virt_to_slab(p)->state[
		kshim_slab_obj_index(kshim_virt_to_slab(p), p, true)], OBJ_LOST);
}

static void test_left_redzone_and_taint(void)
{
	char *p = kmalloc(64, GFP_KERNEL), *q = kmalloc(64, GFP_KERNEL);

	poke(p, -1, 0);
	poke(q, 70, 1);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG kmalloc-64 (Not tainted): Left Redzone overwritten", 1);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG kmalloc-64 (Tainted: G    B             ): Right Redzone overwritten", 1);
	kfree(p);
	kfree(q);
	/* the first report only turns lock debugging off */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_get(0)->text,
				      "Disabling lock debugging"));
	CU_ASSERT_PTR_NULL(strstr(kshim_report_get(1)->text,
				  "Disabling lock debugging"));
}

static void test_slack_not_checked(void)
{
	/* 6.1: bytes between 50 and the 64-byte class are not a redzone */
	char *p = kmalloc(50, GFP_KERNEL);

	poke(p, 50, 1);
	poke(p, 63, 1);
	kfree(p);
}

static void test_clean_objects_silent(void)
{
	void *p[100];
	int i;

	for (i = 0; i < 100; i++) {
		p[i] = kmalloc(i + 1, GFP_KERNEL);
		memset(p[i], i, i + 1);
	}
	for (i = 0; i < 100; i++)
		kfree(p[i]);
}

/* ---- free checks ---- */

static void test_double_free(void)
{
	char *p = kmalloc(32, GFP_KERNEL);

	kfree(p);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG kmalloc-32 (Not tainted): Object already free\n", 1);
	kfree(p); /* LINE:double */
	assert_report_at(KSHIM_REPORT_SLAB, "double");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "Freed in test_double_free age="));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "FIX kmalloc-32: Object at 0x"));
	/* the allocator is still consistent */
	p = kmalloc(32, GFP_KERNEL);
	kfree(p);
}

static void test_invalid_pointer(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG kmalloc-64 (Not tainted): Invalid object pointer 0x", 1);
	kfree(p + 8); /* LINE:invalid */
	assert_report_at(KSHIM_REPORT_SLAB, "invalid");
	kfree(p);
}

static void test_wrong_cache(void)
{
	struct kmem_cache *a = test_cache("cache_a", 40);
	struct kmem_cache *b = test_cache("cache_b", 40);
	void *x = kmem_cache_alloc(a, GFP_KERNEL);

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "wrong");
	kmem_cache_free(b, x); /* LINE:wrong */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "cache_from_obj: Wrong slab cache. cache_b but object is from cache_a\n"));
	/* freed into the real cache: both destroy cleanly */
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void test_not_a_slab_page(void)
{
	struct kmem_cache *a = test_cache("cache_np", 40);
	unsigned long page = __get_free_page(GFP_KERNEL);

	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "notslab");
	kmem_cache_free(a, (void *)page); /* LINE:notslab */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "virt_to_cache: Object is not a Slab page!\n"));
	free_page(page);	/* the free was dropped */
	kmem_cache_destroy(a);
}

static void test_kfree_not_kernel_memory(void)
{
	char stack_buf[16];

	kshim_expect_report(KSHIM_REPORT_SLAB, "kshim: kfree(0x", 1);
	kfree(stack_buf); /* LINE:stackfree */
	assert_report_at(KSHIM_REPORT_SLAB, "stackfree");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "not kernel memory"));
}

/* ---- poison ---- */

static void test_poison_at_next_alloc(void)
{
	struct kmem_cache *c = test_cache("poisoned", 48);
	char *p = kmem_cache_alloc(c, GFP_KERNEL), *q;

	kmem_cache_free(c, p);
	kshim_slab_flush_quarantine();	/* sanitizer builds: reuse now */
	CU_ASSERT_EQUAL(peek(p, 0), 0x6b);
	CU_ASSERT_EQUAL(peek(p, 47), 0xa5);
	poke(p, 10, 0x00);		/* a write after free */
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG poisoned (Not tainted): Poison overwritten\n", 1);
	q = kmem_cache_alloc(c, GFP_KERNEL); /* LINE:poison_alloc */
	assert_report_at(KSHIM_REPORT_SLAB, "poison_alloc");
	{
		const char *t = kshim_report_last(KSHIM_REPORT_SLAB)->text;

		CU_ASSERT_PTR_NOT_NULL(strstr(t, "First byte 0x0 instead of 0x6b\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "FIX poisoned: Restoring Poison 0x"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "FIX poisoned: Marking all objects used\n"));
	}
	/* served from another slab */
	CU_ASSERT_PTR_NOT_NULL(q);
	CU_ASSERT_PTR_NOT_EQUAL(kshim_virt_to_slab(q), kshim_virt_to_slab(p));
	kmem_cache_free(c, q);
	/* the bad slab stays out of use: the cache keeps it */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "kmem_cache_destroy poisoned: Slab cache still has objects when called from test_poison_at_next_alloc", 1);
	kmem_cache_destroy(c);
}

static void test_poison_at_test_end(void)
{
	char *p = kmalloc(128, GFP_KERNEL);

	kfree(p);
	poke(p, 127, 0x00);		/* the end marker */
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG kmalloc-128 (Not tainted): End Poison overwritten\n", 1);
}

static void test_fresh_object_poisoned(void)
{
	unsigned char *p = kmalloc(64, GFP_KERNEL);

	VALGRIND_MAKE_MEM_DEFINED(p, 64);	/* read uninitialised on purpose */
	CU_ASSERT_EQUAL(p[0], 0x6b);
	CU_ASSERT_EQUAL(p[63], 0xa5);
	kfree(p);
}

/* ---- kmem_cache_destroy, kmem_cache_create ---- */

static void test_destroy_with_objects(void)
{
	struct kmem_cache *c = test_cache("leaky", 100);
	void *x = kmem_cache_alloc(c, GFP_KERNEL);
	void *y = kmem_cache_alloc(c, GFP_KERNEL);

	kmem_cache_free(c, y);
	kmemleak_not_leak(x);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG leaky (Not tainted): Objects remaining in leaky on __kmem_cache_shutdown()\n", 1);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "destroy");
	kmem_cache_destroy(c); /* LINE:destroy */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "kmem_cache_destroy leaky: Slab cache still has objects when called from test_destroy_with_objects\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "\nObject 0x"));
	/* the cache is kept: freeing the last object and destroying works */
	kmem_cache_free(c, x);
	kmem_cache_destroy(c);
}

static void test_create_bad_flags(void)
{
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "kmem_cache_create_usercopy(badflags) failed with error -22\n", 1);
	CU_ASSERT_PTR_NULL(kmem_cache_create("badflags", 32, 0, 0x1, NULL)); /* LINE:badflags */
	assert_report_at(KSHIM_REPORT_SLAB, "badflags");
}

static void test_create_integrity(void)
{
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "kmem_cache_create((null)) integrity check failed\nkmem_cache_create_usercopy((null)) failed with error -22\n", 1);
	CU_ASSERT_PTR_NULL(kmem_cache_create(NULL, 32, 0, 0, NULL));
}

static void test_create_duplicate(void)
{
	struct kmem_cache *a = test_cache("twice", 32);

	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "sysfs: cannot create duplicate filename '/kernel/slab/twice'\n", 1);
	CU_ASSERT_PTR_NULL(kmem_cache_create("twice", 32, 0, 0, NULL));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "kobject_add_internal failed for twice with -EEXIST, don't try to register things with the same name in the same directory.\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "kmem_cache_create_usercopy(twice) failed with error -17\n"));
	kmem_cache_destroy(a);
}

static void test_create_panic(void)
{
	kshim_expect_report(KSHIM_REPORT_PANIC,
			    "Kernel panic - not syncing: kmem_cache_create_usercopy: Failed to create slab 'p'. Error -22", 1);
	kmem_cache_create("p", 32, 0, SLAB_PANIC | 0x1, NULL);
	CU_FAIL("panic() returned");
}

/* ---- KSHIM_SLUB_DEBUG ---- */

static void test_setting_none(void)
{
	unsigned char *p;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SLUB_DEBUG=-", NULL), 0);
	p = kmalloc(64, GFP_KERNEL);
	/* no poison, no redzone: the stride is the object */
	CU_ASSERT_EQUAL(kshim_virt_to_slab(p)->cache->size, 64);
	CU_ASSERT_EQUAL(kshim_virt_to_slab(p)->cache->flags &
			(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER), 0);
	CU_ASSERT_EQUAL(ksize(p), 64);
	kfree(p);
}

/*
 * kshim_boot() with objects and caches alive: the slabs die with the RAM,
 * the kmalloc caches are made again with the new boot's KSHIM_SLUB_DEBUG
 * (their layout changes with it) and nothing of the old layout is
 * checked against the new one (once a false "Left Redzone overwritten").
 */
static void test_reboot_with_live_objects(void)
{
	struct kmem_cache *c;
	struct kshim_slab *sl;
	char *p, *q;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SLUB_DEBUG=FZPU", NULL), 0);
	c = test_cache("reboot_live", 40);
	p = kmalloc(40, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	sl = kshim_virt_to_slab(p);
	CU_ASSERT_EQUAL(sl->cache->size, 256);	/* 64 + redzones + tracks */
	CU_ASSERT_EQUAL(sl->cache->red_left_pad, 64);
	CU_ASSERT_EQUAL(peek(p, 64), 0xcc);
	kfree(kmalloc(64, GFP_KERNEL));		/* a free object too */
	kmemleak_not_leak(p);
	kmemleak_not_leak(q);

	/* p and q die with the RAM; no checks, no leak, no report */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SLUB_DEBUG=-", NULL), 0);
	p = kmalloc(40, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	sl = kshim_virt_to_slab(p);
	CU_ASSERT_STRING_EQUAL(sl->cache->name, "kmalloc-64");
	CU_ASSERT_EQUAL(sl->cache->size, 64);
	CU_ASSERT_EQUAL(sl->cache->red_left_pad, 0);
	CU_ASSERT_EQUAL(sl->cache->flags & SLAB_DEBUG_FLAGS, 0);
	CU_ASSERT_EQUAL(ksize(p), 64);
	memset(p, 0x11, 64);
	q = kmalloc(64, GFP_KERNEL);
	memset(q, 0x22, 64);
	kfree(p);
	kfree(q);
	/* the driver's cache stays, empty, with the flags it was made with */
	q = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_EQUAL(peek(q, 40), 0xcc);
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);

	/* back to the default: the checks see the new slabs only */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SLUB_DEBUG=FZPU", NULL), 0);
	p = kmalloc(40, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(kshim_virt_to_slab(p)->cache->size, 256);
	CU_ASSERT_EQUAL(peek(p, -1), 0xcc);
	poke(p, 64, 0x55);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    RULE77 "\nBUG kmalloc-64 (Not tainted): Right Redzone overwritten\n", 1);
	kfree(p);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_SLAB), 1);
}

static void test_setting_per_cache(void)
{
	struct kmem_cache *a, *b;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SLUB_DEBUG=Z,dbg_*;-", NULL), 0);
	a = test_cache("dbg_one", 40);
	b = test_cache("other", 40);
	CU_ASSERT_EQUAL(a->flags & SLAB_DEBUG_FLAGS, SLAB_RED_ZONE);
	CU_ASSERT_EQUAL(b->flags & SLAB_DEBUG_FLAGS, 0);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void test_setting_bad(void)
{
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_SLUB_DEBUG=FQ", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_SLUB_DEBUG=", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_SLUB_DEBUG=F,", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_SLUB_DEBUG=fzpu", NULL), 0);
}

static void run_bad_env(void *arg)
{
	char *argv[] = { (char *)arg, (char *)"--list", NULL };
	const char *const env[] = { "KSHIM_SLUB_DEBUG=Y", NULL };
	struct spawn_result res;

	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &res), 0);
	CU_ASSERT_NOT_EQUAL(res.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, "kshim: invalid KSHIM_SLUB_DEBUG='Y'"));
	spawn_free(&res);
}

static void test_setting_bad_env(void)
{
	run_bad_env((void *)build_path("tests/slab/test_slub_debug"));
}

/* ---- ASan: a real overflow is ASan's report at the access ---- */

#if ASAN_BUILD
static void overflow_child(void *arg)
{
	volatile char *p = kmalloc(50, GFP_KERNEL);

	p[50] = 1;	/* exactly past the request: KASAN's view */
}

static void uaf_child(void *arg)
{
	volatile char *p = kmalloc(64, GFP_KERNEL);

	kfree((void *)p);
	p[3] = 1;
}

static void test_asan_overflow_and_uaf(void)
{
	struct spawn_result res;

	CU_ASSERT_EQUAL_FATAL(spawn_call(overflow_child, NULL, &res), 0);
	CU_ASSERT_NOT_EQUAL(res.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, "AddressSanitizer"));
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, "overflow_child"));
	spawn_free(&res);
	CU_ASSERT_EQUAL_FATAL(spawn_call(uaf_child, NULL, &res), 0);
	CU_ASSERT_NOT_EQUAL(res.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, "AddressSanitizer"));
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err, "uaf_child"));
	spawn_free(&res);
}
#endif

static CU_TestInfo check_tests[] = {
	{ "right_redzone", test_right_redzone },
	{ "left_redzone_and_taint", test_left_redzone_and_taint },
	{ "slack_not_checked", test_slack_not_checked },
	{ "clean_objects_silent", test_clean_objects_silent },
	{ "double_free", test_double_free },
	{ "invalid_pointer", test_invalid_pointer },
	{ "wrong_cache", test_wrong_cache },
	{ "not_a_slab_page", test_not_a_slab_page },
	{ "kfree_not_kernel_memory", test_kfree_not_kernel_memory },
	{ "poison_at_next_alloc", test_poison_at_next_alloc },
	{ "poison_at_test_end", test_poison_at_test_end },
	{ "fresh_object_poisoned", test_fresh_object_poisoned },
	{ "destroy_with_objects", test_destroy_with_objects },
	{ "create_bad_flags", test_create_bad_flags },
	{ "create_integrity", test_create_integrity },
	{ "create_duplicate", test_create_duplicate },
	{ "create_panic", test_create_panic },
#if ASAN_BUILD
	{ "asan_overflow_and_uaf", test_asan_overflow_and_uaf },
#endif
	CU_TEST_INFO_NULL,
};

static CU_TestInfo setting_tests[] = {
	{ "none", test_setting_none },
	{ "per_cache", test_setting_per_cache },
	{ "reboot_with_live_objects", test_reboot_with_live_objects },
	{ "bad", test_setting_bad },
	{ "bad_env", test_setting_bad_env },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "slub_debug", NULL, NULL, NULL, NULL, check_tests },
	{ "setting", NULL, NULL, NULL, NULL, setting_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
