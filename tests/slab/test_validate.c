/*
 * test_validate - validate_slab_cache() (6.1 mm/slub.c: validate_slab(),
 * check_slab(), on_freelist(), check_object()) and the free chain kshim
 * keeps in the objects (s->offset), when no KUnit case counts the errors
 * (lib/slub_kunit.c, tests/kunit-src, is the KUnit side): the kernel's
 * text, a report naming the line that called it, the kernel's repairs,
 * and silence on a clean cache.
 *
 * Damage is done through kshim's backdoor view of RAM (white box), so the
 * checks are tested in every build, ASan and valgrind included.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/kasan.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "common/asan.h"
#include "common/expect_bug.h"
#include "mm/slab.h"

#if ASAN_BUILD
#include <sanitizer/asan_interface.h>
#endif

/* The byte at @p + @off, read or written through the backdoor. */
static unsigned char *bdp(void *p, long off)
{
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	CU_ASSERT_PTR_NOT_NULL_FATAL(sl);
	return (unsigned char *)sl->bd + ((char *)p + off - sl->addr);
}

static void *fp_of(struct kmem_cache *s, void *p)
{
	void *fp;

	memcpy(&fp, bdp(p, s->offset), sizeof(fp));
	return fp;
}

static void set_fp_of(struct kmem_cache *s, void *p, void *fp)
{
	memcpy(bdp(p, s->offset), &fp, sizeof(fp));
}

static struct kmem_cache *cache(const char *name, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(name, 64, 0, flags, NULL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	return s;
}

/* ---- clean caches: silent ---- */

static void test_clean_cache_silent(void)
{
	struct kmem_cache *s = cache("v_clean", 0);	/* FZPU */
	void *p[200];
	unsigned int i, n;

	n = 2 * s->objects + 3;
	CU_ASSERT_FATAL(n <= 200);
	for (i = 0; i < n; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < n; i += 2)
		kmem_cache_free(s, p[i]);
	/* STORE_USER: partial and full slabs, all three */
	CU_ASSERT_EQUAL(validate_slab_cache(s), 3);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	for (i = 1; i < n; i += 2)
		kmem_cache_free(s, p[i]);
	CU_ASSERT_EQUAL(validate_slab_cache(s), s->nr_slabs);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kmem_cache_destroy(s);
}

static void test_no_user_flags(void)
{
	struct kmem_cache *s = cache("v_nouser", SLAB_POISON |
				     SLAB_NO_USER_FLAGS);
	void *p[3];
	int i;

	/* slub_debug's FZPU stays out (kmem_cache_flags()) */
	CU_ASSERT_EQUAL(s->flags & (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE |
				    SLAB_STORE_USER), 0);
	CU_ASSERT(s->flags & SLAB_POISON);
	/* the free pointer after the object: it cannot overlay the poison */
	CU_ASSERT_EQUAL(s->offset, 64);
	for (i = 0; i < 3; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p[1]);
	/* without SLAB_STORE_USER only the partial list: one slab */
	CU_ASSERT_EQUAL(validate_slab_cache(s), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kmem_cache_free(s, p[0]);
	kmem_cache_free(s, p[2]);
	kmem_cache_destroy(s);
}

/* ---- object checks ---- */

static void test_redzone_of_live_object(void)
{
	struct kmem_cache *s = cache("v_rz", SLAB_RED_ZONE |
				     SLAB_NO_USER_FLAGS);
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL);

	*bdp(p, 64) = 0x12;
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "=============================================================================\n"
			    "BUG v_rz (Not tainted): Right Redzone overwritten\n", 1);
	validate_slab_cache(s); /* LINE:rz */
	assert_report_at(KSHIM_REPORT_SLAB, "rz");
	{
		const char *t = kshim_report_last(KSHIM_REPORT_SLAB)->text;

		CU_ASSERT_PTR_NOT_NULL(strstr(t, "First byte 0x12 instead of 0xcc\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(t, "FIX v_rz: Restoring Right Redzone 0x"));
	}
	CU_ASSERT_EQUAL(*bdp(p, 64), 0xcc);	/* restored */
	/* repaired: silent now */
	validate_slab_cache(s);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void test_poison_of_free_object(void)
{
	struct kmem_cache *s = cache("v_poison", SLAB_POISON |
				     SLAB_NO_USER_FLAGS);
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, p);
	*bdp(p, 50) = 0x9a;
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG v_poison (Not tainted): Poison overwritten\n", 1);
	validate_slab_cache(s); /* LINE:poison */
	assert_report_at(KSHIM_REPORT_SLAB, "poison");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "First byte 0x9a instead of 0x6b\n"));
	CU_ASSERT_EQUAL(*bdp(p, 50), 0x6b);
	kmem_cache_destroy(s);
}

/* ---- the free chain ---- */

static void test_freechain_cut_and_restored(void)
{
	struct kmem_cache *s = cache("v_chain", SLAB_POISON |
				     SLAB_NO_USER_FLAGS);
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL), *q;
	struct kshim_slab *sl = kshim_virt_to_slab(p);
	unsigned int n = s->objects;
	char text[128];
	void *next;

	kmem_cache_free(s, p);
	/* the freed object heads the chain, its pointer the next object */
	next = fp_of(s, p);
	CU_ASSERT_PTR_EQUAL(next, p + s->size);
	*bdp(p, s->offset) ^= 0xff;

	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG v_chain (Not tainted): Freechain corrupt\n", 1);
	snprintf(text, sizeof(text),
		 "): Wrong object count. Counter is 0 but counted were %u\n",
		 n - 1);
	kshim_expect_report(KSHIM_REPORT_SLAB, text, 1);
	validate_slab_cache(s); /* LINE:cut */
	assert_report_at(KSHIM_REPORT_SLAB, "cut");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "FIX v_chain: Object count adjusted\n"));
	/* the kernel's repair: the pointer zapped, the rest of the chain lost */
	CU_ASSERT_PTR_NULL(fp_of(s, p));
	CU_ASSERT_EQUAL(sl->kinuse, n - 1);
	CU_ASSERT_EQUAL(sl->state[1], OBJ_UNUSABLE);

	/* the chain reaches every object again: the count is repaired */
	set_fp_of(s, p, next);
	snprintf(text, sizeof(text),
		 "): Wrong object count. Counter is %u but counted were 0\n",
		 n - 1);
	kshim_expect_report(KSHIM_REPORT_SLAB, text, 1);
	validate_slab_cache(s); /* LINE:restored */
	assert_report_at(KSHIM_REPORT_SLAB, "restored");
	CU_ASSERT_EQUAL(sl->kinuse, 0);
	CU_ASSERT_EQUAL(sl->state[1], OBJ_FREE);
	/* and is clean */
	validate_slab_cache(s);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 3);
	/* objects the chain lost and found again are handed out */
	kshim_slab_flush_quarantine();
	q = kmem_cache_alloc(s, GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL(kshim_virt_to_slab(q), sl);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

static void test_lost_objects_not_handed_out(void)
{
	struct kmem_cache *s = cache("v_lost", SLAB_POISON |
				     SLAB_NO_USER_FLAGS);
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL), *q, *r;
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	kmem_cache_free(s, p);
	kshim_slab_flush_quarantine();
	set_fp_of(s, p, p + 1);			/* inside an object */
	kshim_expect_report(KSHIM_REPORT_SLAB, "): Freechain corrupt\n", 1);
	kshim_expect_report(KSHIM_REPORT_SLAB, "): Wrong object count.", 1);
	validate_slab_cache(s);
	/* only the head is left: then a new slab */
	q = kmem_cache_alloc(s, GFP_KERNEL);
	r = kmem_cache_alloc(s, GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL(q, p);
	CU_ASSERT_PTR_NOT_EQUAL(kshim_virt_to_slab(r), sl);
	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	/* the lost objects keep the slab: the kernel's report at destroy */
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "): Objects remaining in v_lost on __kmem_cache_shutdown()", 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "kmem_cache_destroy v_lost: Slab cache still has objects", 1);
	kmem_cache_destroy(s);
}

static void test_freepointer_corrupt_at_alloc(void)
{
	struct kmem_cache *s = cache("v_fp", 0);	/* FZPU */
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL), *q;

	kmem_cache_free(s, p);
	kshim_slab_flush_quarantine();
	/* F checks the free pointer of the object it hands out */
	set_fp_of(s, p, (void *)0x1234);
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "BUG v_fp (Not tainted): Freepointer corrupt\n", 1);
	q = kmem_cache_alloc(s, GFP_KERNEL); /* LINE:fpalloc */
	assert_report_at(KSHIM_REPORT_SLAB, "fpalloc");
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "FIX v_fp: Marking all objects used\n"));
	CU_ASSERT_PTR_NULL(fp_of(s, p));	/* zapped */
	CU_ASSERT_PTR_NOT_EQUAL(kshim_virt_to_slab(q), kshim_virt_to_slab(p));
	/*
	 * The slab marked all used is on no list of the kernel's: with
	 * SLAB_STORE_USER the slab count says so.
	 */
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "SLUB: v_fp 1 slabs counted but counter=2\n", 1);
	CU_ASSERT_EQUAL(validate_slab_cache(s), 1); /* LINE:count */
	assert_report_at(KSHIM_REPORT_SLAB, "count");
	kmem_cache_free(s, q);
	kshim_expect_report(KSHIM_REPORT_WARNING, "kmem_cache_destroy v_fp:", 1);
	kmem_cache_destroy(s);
}

static void test_chain_follows_frees(void)
{
	struct kmem_cache *s = cache("v_order", SLAB_RED_ZONE |
				     SLAB_NO_USER_FLAGS);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *c = kmem_cache_alloc(s, GFP_KERNEL);

	/* the free pointer overlays the object's middle (no poison) */
	CU_ASSERT_EQUAL(s->offset, 32);
	kmem_cache_free(s, b);
	kmem_cache_free(s, a);
	/* LIFO as the kernel's: a -> b -> the never-used rest */
	CU_ASSERT_PTR_EQUAL(fp_of(s, a), b);
	CU_ASSERT_PTR_EQUAL(fp_of(s, b), (char *)c + s->size);
	CU_ASSERT_EQUAL(validate_slab_cache(s), 1);
	kmem_cache_free(s, c);
	CU_ASSERT_EQUAL(validate_slab_cache(s), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kmem_cache_destroy(s);
}

/* ---- kasan_disable_current(): the checker looks away, then again ---- */

static void test_kasan_disable_current(void)
{
	struct kmem_cache *s = cache("v_kasan", SLAB_RED_ZONE |
				     SLAB_NO_USER_FLAGS);
	unsigned char *p = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned char *volatile q = p;

	kasan_disable_current();
	kasan_disable_current();
	q[64] = 0x12;		/* the redzone: no ASan / memcheck error */
	kasan_enable_current();
	q[65] = 0x34;		/* still off: the outermost enable counts */
	kasan_enable_current();
#if ASAN_BUILD
	/* poisoned again by the object's state */
	CU_ASSERT_TRUE(__asan_address_is_poisoned(p + 64));
	CU_ASSERT_FALSE(__asan_address_is_poisoned(p + 63));
#endif
	/* SLUB's own check sees it */
	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "): Right Redzone overwritten\n", 1);
	validate_slab_cache(s);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_SLAB)->text,
				      "First byte 0x12 instead of 0xcc\n"));
	kmem_cache_free(s, p);
#if ASAN_BUILD
	CU_ASSERT_TRUE(__asan_address_is_poisoned(p));
#endif
	kmem_cache_destroy(s);
}

static CU_TestInfo validate_tests[] = {
	{ "clean_cache_silent", test_clean_cache_silent },
	{ "no_user_flags", test_no_user_flags },
	{ "redzone_of_live_object", test_redzone_of_live_object },
	{ "poison_of_free_object", test_poison_of_free_object },
	{ "freechain_cut_and_restored", test_freechain_cut_and_restored },
	{ "lost_objects_not_handed_out", test_lost_objects_not_handed_out },
	{ "freepointer_corrupt_at_alloc", test_freepointer_corrupt_at_alloc },
	{ "chain_follows_frees", test_chain_follows_frees },
	{ "kasan_disable_current", test_kasan_disable_current },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "validate", NULL, NULL, NULL, NULL, validate_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
