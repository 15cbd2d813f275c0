/*
 * test_kmalloc - the kmalloc() family and kmem caches as 6.1 has them
 * (mm/slab_common.c, mm/slub.c): size classes and cache names, ksize(),
 * ZERO_SIZE_PTR, the KMALLOC_MAX_SIZE limit, krealloc() and
 * kfree_sensitive(), objects in simulated lowmem (PageSlab,
 * virt_addr_valid, virt_to_phys), large kmalloc() as compound pages,
 * constructors, SLAB_HWCACHE_ALIGN, SLAB_TYPESAFE_BY_RCU, bulk calls and
 * the gfp rules (might_sleep, "Unexpected gfp", GFP_ATOMIC in IRQ).
 */
#include <string.h>

#include <valgrind/memcheck.h>

#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <asm/io.h>

#include "common/expect_bug.h"
#include "mm/slab.h"		/* white box: the object's cache */

static const char *cache_of(const void *p)
{
	struct kshim_slab *sl = kshim_virt_to_slab(p);

	return sl ? sl->cache->name : NULL;
}

/* ---- size classes ---- */

static void test_size_classes(void)
{
	static const struct {
		size_t size;
		const char *cache;
		size_t cls;
	} t[] = {
		{ 1, "kmalloc-8", 8 }, { 8, "kmalloc-8", 8 },
		{ 9, "kmalloc-16", 16 }, { 17, "kmalloc-32", 32 },
		{ 33, "kmalloc-64", 64 }, { 50, "kmalloc-64", 64 },
		{ 65, "kmalloc-96", 96 }, { 96, "kmalloc-96", 96 },
		{ 97, "kmalloc-128", 128 }, { 129, "kmalloc-192", 192 },
		{ 192, "kmalloc-192", 192 }, { 193, "kmalloc-256", 256 },
		{ 300, "kmalloc-512", 512 }, { 1000, "kmalloc-1k", 1024 },
		{ 2000, "kmalloc-2k", 2048 }, { 4096, "kmalloc-4k", 4096 },
		{ 4097, "kmalloc-8k", 8192 }, { 8192, "kmalloc-8k", 8192 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		void *p = kmalloc(t[i].size, GFP_KERNEL);

		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		CU_ASSERT_STRING_EQUAL(cache_of(p), t[i].cache);
		/* slub_debug Z/P: ksize() is the object size (6.1) */
		CU_ASSERT_EQUAL(ksize(p), t[i].cls);
		CU_ASSERT_EQUAL(kmalloc_size_roundup(t[i].size), t[i].cls);
		memset(p, 0x11, ksize(p));
		kfree(p);
	}
}

static void test_cache_families(void)
{
	void *a = kmalloc(64, GFP_KERNEL | __GFP_DMA);
	void *b = kmalloc(64, GFP_KERNEL | __GFP_RECLAIMABLE);
	void *c = kmalloc(64, GFP_KERNEL_ACCOUNT);

	CU_ASSERT_STRING_EQUAL(cache_of(a), "dma-kmalloc-64");
	CU_ASSERT_STRING_EQUAL(cache_of(b), "kmalloc-rcl-64");
	CU_ASSERT_STRING_EQUAL(cache_of(c), "kmalloc-cg-64");
	CU_ASSERT_EQUAL(page_zonenum(virt_to_page(a)), ZONE_DMA);
	kfree(a);
	kfree(b);
	kfree(c);
}

static void test_zero_size(void)
{
	void *p = kmalloc(0, GFP_KERNEL);

	CU_ASSERT_PTR_EQUAL(p, ZERO_SIZE_PTR);
	CU_ASSERT_PTR_EQUAL(kzalloc(0, GFP_KERNEL), (void *)16);
	CU_ASSERT_TRUE(ZERO_OR_NULL_PTR(p));
	CU_ASSERT_TRUE(ZERO_OR_NULL_PTR(NULL));
	CU_ASSERT_FALSE(ZERO_OR_NULL_PTR((void *)17));
	CU_ASSERT_EQUAL(ksize(p), 0);
	CU_ASSERT_EQUAL(ksize(NULL), 0);
	kfree(p);
	kfree(NULL);
}

static void test_too_big_warns_once(void)
{
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "too_big");
	CU_ASSERT_PTR_NULL(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL)); /* LINE:too_big */
	CU_ASSERT_PTR_NULL(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
}

static void test_too_big_nowarn(void)
{
	CU_ASSERT_PTR_NULL(kmalloc(KMALLOC_MAX_SIZE + 1,
				   GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_PTR_NULL(kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(kcalloc(SIZE_MAX / 2, 4, GFP_KERNEL));
}

static void test_kzalloc_kcalloc_zeroed(void)
{
	unsigned char *p = kzalloc(100, GFP_KERNEL);
	unsigned char *q = kcalloc(10, 10, GFP_KERNEL);
	unsigned char *r = kmalloc(100, GFP_KERNEL);
	unsigned int i, zero = 0;

	CU_ASSERT_FATAL(p && q && r);
	for (i = 0; i < 100; i++)
		zero += !p[i] && !q[i];
	CU_ASSERT_EQUAL(zero, 100);
	/*
	 * slub_debug P: a fresh object reads 0x6b ... 0xa5 (6.1).  memcheck
	 * sees kmalloc() memory as uninitialised (as KMSAN would): say the
	 * test reads it on purpose.
	 */
	VALGRIND_MAKE_MEM_DEFINED(r, 100);
	CU_ASSERT_EQUAL(r[0], 0x6b);
	CU_ASSERT_EQUAL(r[99], 0x6b);	/* ... 0xa5 at [127] */
	kfree(p);
	kfree(q);
	kfree(r);
}

/* ---- lowmem ---- */

static void test_objects_in_lowmem(void)
{
	char *p = kmalloc(64, GFP_KERNEL);
	struct page *page;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(virt_addr_valid(p));
	page = virt_to_page(p);
	CU_ASSERT_TRUE(PageSlab(compound_head(page)));
	CU_ASSERT_PTR_EQUAL((char *)page_address(page) + offset_in_page(p),
			    p);
	CU_ASSERT_PTR_EQUAL(phys_to_virt(virt_to_phys(p)), p);
	CU_ASSERT_EQUAL(virt_to_phys(p) >> PAGE_SHIFT, page_to_pfn(page));
	CU_ASSERT_EQUAL((unsigned long)p % 64, 0);	/* power of two */
	kfree(p);
}

static void test_large_kmalloc_compound(void)
{
	char *p = kmalloc(8193, GFP_KERNEL);
	struct page *page;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	page = virt_to_page(p);
	CU_ASSERT_FALSE(PageSlab(page));
	CU_ASSERT_TRUE(PageHead(page));
	CU_ASSERT_EQUAL(compound_order(page), 2);
	CU_ASSERT_EQUAL(ksize(p), 4 * PAGE_SIZE);
	CU_ASSERT_PTR_NULL(cache_of(p));
	p[4 * PAGE_SIZE - 1] = 1;
	kfree(p);
	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);	/* order 10 works */
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
}

static void test_kfree_page_warns(void)
{
	unsigned long addr = __get_free_page(GFP_KERNEL);

	CU_ASSERT_FATAL(addr != 0);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "kfree_page");
	kfree((void *)addr); /* LINE:kfree_page */
	CU_ASSERT_TRUE(kshim_dmesg_contains("object pointer: 0x"));
	/* freed anyway: the page ledger balances */
}

/* ---- krealloc, kfree_sensitive ---- */

static void test_krealloc(void)
{
	char *p = kmalloc(50, GFP_KERNEL), *q;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	memset(p, 'a', 50);
	CU_ASSERT_PTR_EQUAL(krealloc(p, 60, GFP_KERNEL), p);	/* fits */
	CU_ASSERT_PTR_EQUAL(krealloc(p, 10, GFP_KERNEL), p);	/* smaller */
	q = krealloc(p, 200, GFP_KERNEL | __GFP_ZERO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_PTR_NOT_EQUAL(q, p);
	CU_ASSERT_STRING_EQUAL(cache_of(q), "kmalloc-256");
	CU_ASSERT_EQUAL(q[0], 'a');
	CU_ASSERT_EQUAL(q[9], 'a');
	CU_ASSERT_EQUAL(q[199], 0);
	CU_ASSERT_PTR_EQUAL(krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = krealloc(NULL, 30, GFP_KERNEL);
	CU_ASSERT_STRING_EQUAL(cache_of(p), "kmalloc-32");
	/* failure: NULL, the old object stays valid */
	CU_ASSERT_PTR_NULL(krealloc(p, KMALLOC_MAX_SIZE + 1,
				    GFP_KERNEL | __GFP_NOWARN));
	p[0] = 1;
	p = krealloc_array(p, 4, 16, GFP_KERNEL);
	CU_ASSERT_STRING_EQUAL(cache_of(p), "kmalloc-64");
	kfree(p);
}

static void test_kfree_sensitive_zeroes(void)
{
	/* A TYPESAFE_BY_RCU cache is never poisoned: what stays is what
	 * kfree_sensitive() left, zeroes over the whole ksize(). */
	struct kmem_cache *c = kmem_cache_create("secrets", 48, 0,
						 SLAB_TYPESAFE_BY_RCU, NULL);
	unsigned char *p;
	unsigned int i, zero = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	memset(p, 0x42, 48);
	CU_ASSERT_EQUAL(ksize(p), 48);
	kfree_sensitive(p);
	for (i = 0; i < 48; i++)
		zero += !p[i];
	CU_ASSERT_EQUAL(zero, 48);
	kfree_sensitive(NULL);
	kmem_cache_destroy(c);
}

/* ---- kmem caches ---- */

struct thing {
	int a;
	char name[20];
};

static int ctor_calls;

static void thing_ctor(void *p)
{
	struct thing *t = p;

	ctor_calls++;
	t->a = 77;
}

static void test_cache_basic(void)
{
	struct kmem_cache *c = KMEM_CACHE(thing, 0);
	struct thing *t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(kmem_cache_name(c), "thing");
	CU_ASSERT_EQUAL(kmem_cache_size(c), sizeof(struct thing));
	t = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT_STRING_EQUAL(cache_of(t), "thing");
	CU_ASSERT_EQUAL(ksize(t), sizeof(struct thing));
	kmem_cache_free(c, t);
	t = kmem_cache_zalloc(c, GFP_KERNEL);
	CU_ASSERT_EQUAL(t->a, 0);
	kmem_cache_free(c, t);
	CU_ASSERT_EQUAL(kmem_cache_shrink(c), 0);
	kmem_cache_destroy(c);
	kmem_cache_destroy(NULL);
}

static void test_cache_ctor(void)
{
	struct kmem_cache *c = kmem_cache_create("thing_ctor",
						 sizeof(struct thing), 0, 0,
						 thing_ctor);
	struct thing *t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	t = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_EQUAL(t->a, 77);
	/* the constructor runs when the slab is set up, for every object */
	CU_ASSERT_EQUAL(ctor_calls, (int)c->objects);
	t->a = 5;
	kmem_cache_free(c, t);
	t = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_EQUAL(ctor_calls, (int)c->objects);
	kmem_cache_free(c, t);
	kmem_cache_destroy(c);
}

static void test_cache_hwcache_align(void)
{
	struct kmem_cache *c = kmem_cache_create("aligned", 40, 0,
						 SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *d = kmem_cache_create("aligned_small", 20, 0,
						 SLAB_HWCACHE_ALIGN, NULL);
	void *p, *q;

	CU_ASSERT_FATAL(c && d);
	CU_ASSERT_EQUAL(c->align, 64);
	CU_ASSERT_EQUAL(d->align, 32);	/* halved while size <= align/2 */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(d, GFP_KERNEL);
	CU_ASSERT_EQUAL((unsigned long)p % 64, 0);
	CU_ASSERT_EQUAL((unsigned long)q % 32, 0);
	kmem_cache_free(c, p);
	kmem_cache_free(d, q);
	kmem_cache_destroy(c);
	kmem_cache_destroy(d);
}

static void test_cache_typesafe_by_rcu(void)
{
	struct kmem_cache *c = kmem_cache_create("rcu_things",
						 sizeof(struct thing), 0,
						 SLAB_TYPESAFE_BY_RCU, NULL);
	struct thing *t, *u;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_FALSE(c->flags & __OBJECT_POISON);	/* never poisoned */
	t = kmem_cache_alloc(c, GFP_KERNEL);
	t->a = 1234;
	kmem_cache_free(c, t);
	/* a reader may still look: the memory is still a struct thing */
	CU_ASSERT_EQUAL(t->a, 1234);
	u = kmem_cache_alloc(c, GFP_KERNEL);	/* reused at once */
	CU_ASSERT_PTR_EQUAL(u, t);
	kmem_cache_free(c, u);
	kmem_cache_destroy(c);
}

static void test_typesafe_slabs_wait_for_gp(void)
{
	struct kmem_cache *c = kmem_cache_create("rcu_gp", 200, 0,
						 SLAB_TYPESAFE_BY_RCU, NULL);
	struct thing *t[200];
	unsigned int i, n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	n = 3 * c->objects;
	CU_ASSERT_FATAL(n <= 200);
	for (i = 0; i < n; i++)
		t[i] = kmem_cache_alloc(c, GFP_KERNEL);
	CU_ASSERT_EQUAL(c->nr_slabs, 3);
	rcu_read_lock();
	for (i = 0; i < n; i++)
		kmem_cache_free(c, t[i]);
	/* a reader is inside: no slab page has gone back yet */
	CU_ASSERT_EQUAL(c->nr_slabs, 3);
	CU_ASSERT_EQUAL(t[n - 1]->a, t[n - 1]->a);	/* still readable */
	rcu_read_unlock();
	rcu_barrier();
	CU_ASSERT_EQUAL(c->nr_slabs, 1);	/* one empty slab is kept */
	kmem_cache_destroy(c);
}

static void test_bulk(void)
{
	struct kmem_cache *c = KMEM_CACHE(thing, 0);
	void *p[40];
	int i, n;

	n = kmem_cache_alloc_bulk(c, GFP_KERNEL, 40, p);
	CU_ASSERT_EQUAL(n, 40);
	for (i = 1; i < n; i++)
		CU_ASSERT_PTR_NOT_EQUAL(p[i], p[0]);
	kmem_cache_free_bulk(c, 40, p);
	for (i = 0; i < 5; i++)
		p[i] = kmalloc(32, GFP_KERNEL);
	kfree_bulk(5, p);
	kmem_cache_destroy(c);
}

/* ---- gfp ---- */

static void test_might_sleep_under_spinlock(void)
{
	DEFINE_SPINLOCK(lock);
	void *p;

	spin_lock(&lock);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, NULL, 1);
	p = kmalloc(16, GFP_KERNEL); /* LINE:sleep */
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "sleep");
	kfree(p);
	p = kmalloc(16, GFP_ATOMIC);
	kfree(p);
	spin_unlock(&lock);
}

static void irq_alloc(void *arg)
{
	void *p = kmalloc(128, GFP_ATOMIC);

	*(bool *)arg = p != NULL;
	kfree(p);
}

static void test_atomic_in_irq(void)
{
	bool ok = false;

	kshim_run_in_hardirq(irq_alloc, &ok);
	CU_ASSERT_TRUE(ok);
}

static void test_unexpected_gfp(void)
{
	struct kmem_cache *c = KMEM_CACHE(thing, 0);
	void *p;

	kshim_expect_report(KSHIM_REPORT_SLAB,
			    "Unexpected gfp: 0x2 (__GFP_HIGHMEM). Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!",
			    1);
	p = kmem_cache_alloc(c, GFP_KERNEL | __GFP_HIGHMEM); /* LINE:gfp */
	assert_report_at(KSHIM_REPORT_SLAB, "gfp");
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_TRUE(virt_addr_valid(p));
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}

static CU_TestInfo kmalloc_tests[] = {
	{ "size_classes", test_size_classes },
	{ "cache_families", test_cache_families },
	{ "zero_size", test_zero_size },
	{ "too_big_warns_once", test_too_big_warns_once },
	{ "too_big_nowarn", test_too_big_nowarn },
	{ "kzalloc_kcalloc_zeroed", test_kzalloc_kcalloc_zeroed },
	{ "objects_in_lowmem", test_objects_in_lowmem },
	{ "large_kmalloc_compound", test_large_kmalloc_compound },
	{ "kfree_page_warns", test_kfree_page_warns },
	{ "krealloc", test_krealloc },
	{ "kfree_sensitive_zeroes", test_kfree_sensitive_zeroes },
	{ "might_sleep_under_spinlock", test_might_sleep_under_spinlock },
	{ "atomic_in_irq", test_atomic_in_irq },
	{ "unexpected_gfp", test_unexpected_gfp },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo cache_tests[] = {
	{ "basic", test_cache_basic },
	{ "ctor", test_cache_ctor },
	{ "hwcache_align", test_cache_hwcache_align },
	{ "typesafe_by_rcu", test_cache_typesafe_by_rcu },
	{ "typesafe_slabs_wait_for_gp", test_typesafe_slabs_wait_for_gp },
	{ "bulk", test_bulk },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmalloc", NULL, NULL, NULL, NULL, kmalloc_tests },
	{ "kmem_cache", NULL, NULL, NULL, NULL, cache_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
