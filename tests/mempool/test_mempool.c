/*
 * test_mempool - memory pools (linux/mempool.h, mm/mempool.c of 6.1).
 *
 *  - creation preallocates min_nr elements, a failure undoes everything;
 *  - mempool_alloc() uses the allocator first (without direct reclaim on
 *    the first pass), the reserve when the allocator fails, waits for
 *    mempool_free() with a blocking gfp (woken from another thread and
 *    from another CPU's interrupt), returns NULL without one;
 *  - mempool_free() refills the reserve, else frees to the allocator;
 *  - might_sleep for a blocking gfp in atomic context, __GFP_ZERO's WARN,
 *    at the test's line;
 *  - resting elements are poisoned: a write after mempool_free() is
 *    "BUG: mempool element poison mismatch" naming the line that took
 *    the element out (or ASan's report in ASan builds);
 *  - elements still out at mempool_destroy() are leaks the ledger names
 *    with the mempool_alloc() line;
 *  - mempool_resize() up and down.
 * The allocator underneath is made to fail with fault injection
 * (kshim/fail.h), for allocations made in take() only.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/mempool.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "common/expect_bug.h"
#include "common/flags.h"
#include "common/spawn.h"
#include "mempool/mempool_kernel.h"

#include "common/asan.h"

#define POISON_INUSE	0x5a
#define POISON_FREE	0x6b
#define POISON_END	0xa5

/* ---- helpers ---- */

/* The allocations the rules below make fail are the ones made here. */
static void *take(mempool_t *pool, gfp_t gfp)
{
	return mempool_alloc(pool, gfp); /* LINE:take */
}

static void fail_pages_in_take(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=take"), 0);
}

static void fail_slab_in_take(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=take"), 0);
}

/* Peek at a resting element (plain builds: the checkers forbid it). */
static bool checkers_watch(void)
{
	return ASAN_BUILD || RUNNING_ON_VALGRIND;
}

static bool all_bytes(const void *p, size_t len, unsigned char c)
{
	const unsigned char *m = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (m[i] != c)
			return false;
	return true;
}

/* A custom allocator: counts calls, records the gfp, fails on demand. */
struct custom {
	int allocs, frees, fail;
	gfp_t gfp[8];
	char buf[8][32];
	bool used[8];
};

static void *custom_alloc(gfp_t gfp, void *data)
{
	struct custom *c = data;
	int i;

	if (c->allocs < 8)
		c->gfp[c->allocs] = gfp;
	c->allocs++;
	if (c->fail)
		return NULL;
	for (i = 0; i < 8; i++)
		if (!c->used[i]) {
			c->used[i] = true;
			return c->buf[i];
		}
	return NULL;
}

static void custom_free(void *element, void *data)
{
	struct custom *c = data;

	c->frees++;
	c->used[((char (*)[32])element) - c->buf] = false;
}

/* ---- creation and normal use ---- */

static void test_create_fills_reserve(void)
{
	mempool_t *pool = mempool_create_page_pool(4, 1);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_TRUE(mempool_initialized(pool));
	CU_ASSERT_EQUAL(pool->min_nr, 4);
	CU_ASSERT_EQUAL(pool->curr_nr, 4);
	CU_ASSERT_TRUE(mempool_is_saturated(pool));
	CU_ASSERT_TRUE(pool->alloc == mempool_alloc_pages);
	CU_ASSERT_TRUE(pool->free == mempool_free_pages);
	for (i = 0; i < 4; i++) {
		struct page *page = pool->elements[i];

		CU_ASSERT_PTR_NOT_NULL(page);
		CU_ASSERT_FALSE(PageHighMem(page));
		CU_ASSERT_EQUAL(page_count(page), 1);
	}
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The allocator comes first; a full reserve sends frees to it. */
static void test_alloc_uses_allocator_first(void)
{
	mempool_t *pool = mempool_create_page_pool(2, 0);
	struct page *a, *b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	a = mempool_alloc(pool, GFP_KERNEL);
	b = mempool_alloc(pool, GFP_ATOMIC);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_EQUAL(pool->curr_nr, 2);	/* reserve untouched */
	CU_ASSERT_PTR_NOT_EQUAL(a, pool->elements[0]);
	CU_ASSERT_PTR_NOT_EQUAL(a, pool->elements[1]);
	memset(page_address(a), 0x11, PAGE_SIZE);
	mempool_free(a, pool);
	mempool_free(b, pool);
	CU_ASSERT_EQUAL(pool->curr_nr, 2);
	mempool_free(NULL, pool);		/* a no-op */
	mempool_destroy(pool);
	mempool_destroy(NULL);			/* a no-op */
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kmalloc_pool(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(3, 100);
	unsigned char *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL(pool->curr_nr, 3);
	CU_ASSERT_TRUE(pool->alloc == mempool_kmalloc);
	CU_ASSERT_EQUAL((size_t)pool->pool_data, 100);
	p = mempool_alloc(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(ksize(p) >= 100);
	memset(p, 0x22, 100);
	mempool_free(p, pool);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_slab_pool(void)
{
	struct kmem_cache *cache = kmem_cache_create("mempool_test", 48, 0, 0,
						     NULL);
	mempool_t *pool;
	void *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	pool = mempool_create_slab_pool(2, cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL(pool->curr_nr, 2);
	CU_ASSERT_TRUE(pool->pool_data == cache);
	p = mempool_alloc(pool, GFP_NOIO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	memset(p, 0x33, 48);
	mempool_free(p, pool);
	mempool_destroy(pool);
	kmem_cache_destroy(cache);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* mempool_init*() on a pool embedded in another structure. */
static void test_init_exit_embedded(void)
{
	struct {
		int x;
		mempool_t pool;
	} *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	void *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
	CU_ASSERT_FALSE(mempool_initialized(&dev->pool));
	mempool_exit(&dev->pool);		/* zeroed: allowed */
	CU_ASSERT_EQUAL(mempool_init_kmalloc_pool(&dev->pool, 2, 32), 0);
	CU_ASSERT_TRUE(mempool_initialized(&dev->pool));
	p = mempool_alloc(&dev->pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	mempool_free(p, &dev->pool);
	mempool_exit(&dev->pool);
	CU_ASSERT_FALSE(mempool_initialized(&dev->pool));
	CU_ASSERT_EQUAL(mempool_init_page_pool(&dev->pool, 1, 0), 0);
	mempool_exit(&dev->pool);
	kfree(dev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The kernel's names are real functions too. */
static void test_real_functions(void)
{
	mempool_t *(*create)(int, mempool_alloc_t *, mempool_free_t *,
			     void *) = mempool_create;
	void *(*alloc)(mempool_t *, gfp_t) = mempool_alloc;
	void (*fr)(void *, mempool_t *) = mempool_free;
	void (*destroy)(mempool_t *) = mempool_destroy;
	mempool_t *pool = create(2, mempool_kmalloc, mempool_kfree,
				 (void *)64);
	void *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = alloc(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	fr(p, pool);
	CU_ASSERT_EQUAL((mempool_resize)(pool, 3), 0);
	CU_ASSERT_EQUAL(pool->curr_nr, 3);
	destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the reserve ---- */

static void test_reserve_used_when_pages_fail(void)
{
	mempool_t *pool = mempool_create_page_pool(2, 0);
	struct page *spare, *a, *b, *r0, *r1;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	r0 = pool->elements[0];
	r1 = pool->elements[1];
	spare = mempool_alloc(pool, GFP_KERNEL);	/* from the allocator */
	CU_ASSERT_PTR_NOT_NULL_FATAL(spare);

	fail_pages_in_take();
	a = take(pool, GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL(a, r1);		/* the reserve is a stack */
	CU_ASSERT_EQUAL(pool->curr_nr, 1);
	CU_ASSERT_FALSE(mempool_is_saturated(pool));
	b = take(pool, GFP_ATOMIC);		/* reserve: atomic is fine */
	CU_ASSERT_PTR_EQUAL(b, r0);
	CU_ASSERT_EQUAL(pool->curr_nr, 0);
	/* one failure each: the first pass found the reserve full */
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2);
	/* empty reserve, no waiting allowed: NULL after both passes */
	CU_ASSERT_PTR_NULL(take(pool, GFP_ATOMIC));
	CU_ASSERT_PTR_NULL(take(pool, GFP_NOWAIT));
	/* one pass each: GFP_ATOMIC has no reclaim or IO to drop */
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
	/* the elements handed out are usable pages */
	memset(page_address(a), 1, PAGE_SIZE);
	memset(page_address(b), 2, PAGE_SIZE);

	mempool_free(spare, pool);		/* refills the reserve */
	CU_ASSERT_EQUAL(pool->curr_nr, 1);
	CU_ASSERT_PTR_EQUAL(pool->elements[0], spare);
	mempool_free(a, pool);
	CU_ASSERT_EQUAL(pool->curr_nr, 2);
	mempool_free(b, pool);			/* full: to the allocator */
	CU_ASSERT_EQUAL(pool->curr_nr, 2);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_reserve_used_when_slab_fails(void)
{
	mempool_t *kpool = mempool_create_kmalloc_pool(1, 200);
	struct kmem_cache *cache = kmem_cache_create("mempool_rsv", 24, 0, 0,
						     NULL);
	mempool_t *spool;
	void *r, *s, *k, *c;

	CU_ASSERT_PTR_NOT_NULL_FATAL(kpool);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	spool = mempool_create_slab_pool(1, cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(spool);
	r = kpool->elements[0];
	s = spool->elements[0];

	fail_slab_in_take();
	k = take(kpool, GFP_KERNEL);
	c = take(spool, GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL(k, r);
	CU_ASSERT_PTR_EQUAL(c, s);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 2);
	CU_ASSERT_PTR_NULL(take(kpool, GFP_ATOMIC));
	CU_ASSERT_PTR_NULL(take(spool, GFP_ATOMIC));
	memset(k, 0x44, 200);
	memset(c, 0x55, 24);
	mempool_free(k, kpool);
	mempool_free(c, spool);
	CU_ASSERT_EQUAL(kpool->curr_nr, 1);
	CU_ASSERT_EQUAL(spool->curr_nr, 1);
	mempool_destroy(kpool);
	mempool_destroy(spool);
	kmem_cache_destroy(cache);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The allocator's gfp on each pass (6.1's mempool_alloc()). */
static void test_allocator_gfp_passes(void)
{
	static struct custom c;
	const gfp_t added = __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN;
	mempool_t *pool;
	void *a, *b;

	memset(&c, 0, sizeof(c));
	pool = mempool_create(1, custom_alloc, custom_free, &c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL(c.allocs, 1);
	CU_ASSERT_EQUAL(c.gfp[0], GFP_KERNEL);	/* preallocation */

	a = mempool_alloc(pool, GFP_KERNEL);	/* allocator, first pass */
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_EQUAL(c.gfp[1],
		(GFP_KERNEL | added) & ~(__GFP_DIRECT_RECLAIM | __GFP_IO));
	c.fail = 1;
	b = mempool_alloc(pool, GFP_KERNEL);	/* reserve after one try */
	CU_ASSERT_PTR_NOT_NULL(b);
	CU_ASSERT_EQUAL(c.allocs, 3);
	/*
	 * Empty reserve: a second pass with the caller's full gfp (here
	 * with __GFP_IO but no direct reclaim: NULL, no waiting).
	 */
	CU_ASSERT_PTR_NULL(mempool_alloc(pool, GFP_NOWAIT | __GFP_IO));
	CU_ASSERT_EQUAL(c.allocs, 5);
	CU_ASSERT_EQUAL(c.gfp[3], GFP_NOWAIT | added);
	CU_ASSERT_EQUAL(c.gfp[4], GFP_NOWAIT | __GFP_IO | added);
	CU_ASSERT_PTR_NULL(mempool_alloc(pool, GFP_ATOMIC));
	CU_ASSERT_EQUAL(c.allocs, 6);		/* no flags to drop: 1 pass */

	mempool_free(a, pool);			/* refills */
	CU_ASSERT_EQUAL(c.frees, 0);
	mempool_free(b, pool);			/* to the allocator */
	CU_ASSERT_EQUAL(c.frees, 1);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(c.frees, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* Preallocation that fails undoes everything: no leak at test end. */
static mempool_t *create_pages(int min_nr)
{
	return mempool_create_page_pool(min_nr, 0); /* LINE:create_pages */
}

static void test_create_failure_undone(void)
{
	mempool_t pool;

	/*
	 * Preallocation uses the caller's gfp as it is: the failure is
	 * reported (once: warn_alloc()'s rate limit is 1 per 10 s).
	 */
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE,
		"page allocation failure: order:0, mode:0xcc0(GFP_KERNEL)", 1);
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=create_pages,nth=3"), 0);
	CU_ASSERT_PTR_NULL(create_pages(4));
	assert_report_at(KSHIM_REPORT_ALLOC_FAILURE, "create_pages");
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	/* the pool and its array from slab */
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=create_pages,nth=1"), 0);
	CU_ASSERT_PTR_NULL(create_pages(1));
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=create_pages,nth=2"), 0);
	CU_ASSERT_PTR_NULL(create_pages(1));
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 2);
	kshim_failslab_clear();

	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=test_mempool.c,nth=2"), 0);
	memset(&pool, 0, sizeof(pool));
	CU_ASSERT_EQUAL(mempool_init_page_pool(&pool, 3, 0), -ENOMEM);
	CU_ASSERT_FALSE(mempool_initialized(&pool));
	CU_ASSERT_EQUAL(pool.curr_nr, 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2);
	/* the ledger (pages, slab objects) balances at the end */
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 1);
}

/* ---- waiting ---- */

struct waiter {
	mempool_t *pool;
	void *element;		/* what the freer gives back */
	int returned;		/* the waiter came back */
	int seen_returned;	/* ... before the free (must stay 0) */
	int cpu, hardirq;	/* where the CPU variant freed */
};

static void wait_until_sleeping(struct waiter *w)
{
	while (!waitqueue_active(&w->pool->wait))
		sched_yield();
	flag_store(&w->seen_returned, flag_load(&w->returned));
}

static void *freer_thread(void *arg)
{
	struct waiter *w = arg;

	wait_until_sleeping(w);
	mempool_free(w->element, w->pool);
	return NULL;
}

static void free_on_cpu(void *arg)
{
	struct waiter *w = arg;

	flag_store(&w->cpu, raw_smp_processor_id());
	flag_store(&w->hardirq, !!in_hardirq());
	mempool_free(w->element, w->pool);
}

static void *ipi_thread(void *arg)
{
	struct waiter *w = arg;

	wait_until_sleeping(w);
	/* no wait: the waiter's wake-up is the handshake */
	smp_call_function_single(1, free_on_cpu, w, 0);
	return NULL;
}

static void run_waiter(void *(*freer)(void *), struct waiter *w)
{
	mempool_t *pool = mempool_create_page_pool(1, 0);
	pthread_t t;
	void *got;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	memset(w, 0, sizeof(*w));
	w->pool = pool;
	fail_pages_in_take();
	w->element = take(pool, GFP_KERNEL);	/* the only element */
	CU_ASSERT_PTR_NOT_NULL_FATAL(w->element);
	CU_ASSERT_EQUAL(pool->curr_nr, 0);

	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, freer, w), 0);
	got = take(pool, GFP_KERNEL);		/* sleeps until the free */
	flag_store(&w->returned, 1);
	CU_ASSERT_EQUAL(pthread_join(t, NULL), 0);

	CU_ASSERT_PTR_EQUAL(got, w->element);	/* handed over */
	CU_ASSERT_EQUAL(flag_load(&w->seen_returned), 0);
	CU_ASSERT_EQUAL(pool->curr_nr, 0);
	/* the allocator was asked on both passes before the sleep */
	CU_ASSERT_TRUE(kshim_fail_page_alloc_injected() >= 4);
	kshim_fail_page_alloc_clear();
	mempool_free(got, pool);
	mempool_destroy(pool);
}

static void test_blocking_alloc_waits_for_free(void)
{
	struct waiter w;

	run_waiter(freer_thread, &w);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_blocking_alloc_woken_by_irq_on_other_cpu(void)
{
	struct waiter w;

	run_waiter(ipi_thread, &w);
	CU_ASSERT_EQUAL(flag_load(&w.cpu), 1);
	CU_ASSERT_EQUAL(flag_load(&w.hardirq), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- contexts and gfp ---- */

static mempool_t *ctx_pool;
static void *ctx_elem;

static void alloc_kernel_in_irq(void *arg)
{
	ctx_elem = mempool_alloc(ctx_pool, GFP_KERNEL); /* LINE:irq_kernel */
	mempool_free(ctx_elem, ctx_pool);
}

static void alloc_atomic_in_irq(void *arg)
{
	ctx_elem = mempool_alloc(ctx_pool, GFP_ATOMIC);
	mempool_free(ctx_elem, ctx_pool);
}

static void test_gfp_kernel_in_hardirq_might_sleep(void)
{
	ctx_pool = mempool_create_kmalloc_pool(1, 64);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ctx_pool);
	expect_report_at_in(__FILE__, KSHIM_REPORT_MIGHT_SLEEP,
		"BUG: sleeping function called from invalid context at ",
		"irq_kernel");
	kshim_run_in_hardirq(alloc_kernel_in_irq, NULL);
	CU_ASSERT_PTR_NOT_NULL(ctx_elem);	/* memory was there */
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "irq_kernel");
	mempool_destroy(ctx_pool);
}

static void test_gfp_atomic_in_hardirq_silent(void)
{
	ctx_pool = mempool_create_kmalloc_pool(1, 64);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ctx_pool);
	kshim_run_in_hardirq(alloc_atomic_in_irq, NULL);
	CU_ASSERT_PTR_NOT_NULL(ctx_elem);
	mempool_destroy(ctx_pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* VM_WARN_ON_ONCE(gfp_mask & __GFP_ZERO), once. */
static void test_gfp_zero_warns_once(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(1, 64);
	void *a, *b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, " at ", "gfp_zero");
	a = mempool_alloc(pool, GFP_KERNEL | __GFP_ZERO); /* LINE:gfp_zero */
	b = mempool_alloc(pool, GFP_KERNEL | __GFP_ZERO);
	assert_report_at(KSHIM_REPORT_WARNING, "gfp_zero");
	mempool_free(a, pool);
	mempool_free(b, pool);
	mempool_destroy(pool);
}

/* ---- poisoning of resting elements ---- */

/* Elements rest as POISON_FREE...POISON_END, leave as POISON_INUSE. */
static void test_resting_elements_poisoned(void)
{
	mempool_t *kpool = mempool_create_kmalloc_pool(1, 40);
	mempool_t *ppool = mempool_create_page_pool(1, 1);
	unsigned char *k, *m;
	struct page *p;
	size_t size;

	CU_ASSERT_PTR_NOT_NULL_FATAL(kpool);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ppool);
	k = kpool->elements[0];
	p = ppool->elements[0];
	size = ksize(k);
	if (!checkers_watch()) {
		CU_ASSERT_TRUE(all_bytes(k, size - 1, POISON_FREE));
		CU_ASSERT_EQUAL(k[size - 1], POISON_END);
		m = page_address(p);
		CU_ASSERT_TRUE(all_bytes(m, PAGE_SIZE - 1, POISON_FREE));
		CU_ASSERT_EQUAL(m[PAGE_SIZE - 1], POISON_END);
		/* each page of the element on its own */
		CU_ASSERT_TRUE(all_bytes(m + PAGE_SIZE, PAGE_SIZE - 1,
					 POISON_FREE));
		CU_ASSERT_EQUAL(m[2 * PAGE_SIZE - 1], POISON_END);
	}
	fail_pages_in_take();
	fail_slab_in_take();
	CU_ASSERT_PTR_EQUAL(take(kpool, GFP_KERNEL), k);
	CU_ASSERT_PTR_EQUAL(take(ppool, GFP_KERNEL), p);
	CU_ASSERT_TRUE(all_bytes(k, size, POISON_INUSE));
	CU_ASSERT_TRUE(all_bytes(page_address(p), 2 * PAGE_SIZE,
				 POISON_INUSE));
	/* used and given back, many times: silent */
	mempool_free(k, kpool);
	mempool_free(p, ppool);
	CU_ASSERT_PTR_EQUAL(take(kpool, GFP_KERNEL), k);
	memset(k, 0, size);
	mempool_free(k, kpool);
	CU_ASSERT_PTR_EQUAL(take(kpool, GFP_KERNEL), k);
	mempool_free(k, kpool);
	mempool_destroy(kpool);
	mempool_destroy(ppool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* Custom allocators' elements are not touched. */
static void test_custom_elements_not_poisoned(void)
{
	static struct custom c;
	mempool_t *pool;
	char *e;

	memset(&c, 0, sizeof(c));
	pool = mempool_create(1, custom_alloc, custom_free, &c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	c.fail = 1;
	e = mempool_alloc(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	strcpy(e, "kept");
	mempool_free(e, pool);
	CU_ASSERT_STRING_EQUAL(e, "kept");
	CU_ASSERT_PTR_EQUAL(mempool_alloc(pool, GFP_KERNEL), e);
	CU_ASSERT_STRING_EQUAL(e, "kept");
	mempool_free(e, pool);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void write_byte(void *arg)
{
	*(volatile unsigned char *)arg = 0x55;
}

/*
 * Write @p[0] = 0x55 after it went back to the pool: in a child process,
 * as ASan (and memcheck) stop the bad write itself.  False in ASan builds
 * (the write was caught, and never happened).
 */
static bool write_after_free(unsigned char *p)
{
	struct spawn_result c;
	bool done = true;

	CU_ASSERT_EQUAL_FATAL(spawn_call(write_byte, p, &c), 0);
	if (ASAN_BUILD) {
		CU_ASSERT_TRUE(!c.signaled && c.status);
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "AddressSanitizer"));
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "use-after-poison"));
		done = false;
	} else if (!RUNNING_ON_VALGRIND) {
		CU_ASSERT_EQUAL(c.status, 0);	/* memcheck: its error */
	}
	spawn_free(&c);
	return done;
}

static const char *corruption_text(void)
{
	const struct kshim_report *r =
		kshim_report_last(KSHIM_REPORT_MEMORY_CORRUPTION);

	return r ? r->text : "";
}

static void test_poison_mismatch_page_pool(void)
{
	mempool_t *pool = mempool_create_page_pool(1, 0);
	struct page *page;
	char want[128];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	fail_pages_in_take();
	page = take(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	mempool_free(page, pool);		/* rests in the reserve */
	if (!write_after_free((unsigned char *)page_address(page) + 100)) {
		CU_ASSERT_PTR_EQUAL(take(pool, GFP_KERNEL), page);
		mempool_free(page, pool);
		mempool_destroy(pool);
		return;
	}
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION,
			    "BUG: mempool element poison mismatch\n", 1);
	CU_ASSERT_PTR_EQUAL(take(pool, GFP_KERNEL), page);
	assert_report_at(KSHIM_REPORT_MEMORY_CORRUPTION, "take");
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), "\nMempool "));
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), " size 4096\n"));
	/* bytes 92..107: the damaged one in the middle */
	snprintf(want, sizeof(want), ": ... 0x%s55 %s...\n",
		 "6b 6b 6b 6b 6b 6b 6b 6b ", "6b 6b 6b 6b 6b 6b 6b ");
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), " nr=0 @ "));
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), want));
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), "Call Trace:"));
	/* reported once: the element left the pool as it was */
	mempool_free(page, pool);
	CU_ASSERT_PTR_EQUAL(take(pool, GFP_KERNEL), page);
	mempool_free(page, pool);
	mempool_destroy(pool);
}

static void test_poison_mismatch_kmalloc_pool(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(1, 64);
	unsigned char *p;
	char want[64];
	size_t size;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	fail_slab_in_take();
	p = take(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	size = ksize(p);
	mempool_free(p, pool);
	/* the last byte: POISON_END's place, no "..." after it */
	if (!write_after_free(p + size - 1)) {
		mempool_destroy(pool);
		return;
	}
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION,
			    "BUG: mempool element poison mismatch\n", 1);
	CU_ASSERT_PTR_EQUAL(take(pool, GFP_KERNEL), p);
	assert_report_at(KSHIM_REPORT_MEMORY_CORRUPTION, "take");
	snprintf(want, sizeof(want), " size %zu\n", size);
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(), want));
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(),
		": ... 0x6b 6b 6b 6b 6b 6b 6b 6b 55 \n"));
	mempool_free(p, pool);
	mempool_destroy(pool);
}

/* The first byte: no "... " before; and found by mempool_destroy(). */
static void test_poison_mismatch_found_by_destroy(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(1, 64);
	unsigned char *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = pool->elements[0];
	if (!write_after_free(p)) {
		mempool_destroy(pool);
		return;
	}
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION,
			    ": 0x55 6b 6b 6b 6b 6b 6b 6b ...\n", 1);
	mempool_destroy(pool); /* LINE:destroy */
	assert_report_at(KSHIM_REPORT_MEMORY_CORRUPTION, "destroy");
	CU_ASSERT_PTR_NOT_NULL(strstr(corruption_text(),
		"BUG: mempool element poison mismatch\n"));
}

/* ---- leaks ---- */

static void test_destroy_leaks_page_element(void)
{
	mempool_t *pool = mempool_create_page_pool(1, 0);
	struct page *page;
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	page = mempool_alloc(pool, GFP_KERNEL); /* LINE:leak_page */
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);	/* the kernel's way */
	snprintf(want, sizeof(want),
		 "pages allocated is 1 at test end, was 0 at test start\n"
		 "kshim: leaked 1 page(s) at pfn %#lx, allocated at %s:%d\n",
		 page_to_pfn(page), __FILE__, marker_line("leak_page"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

/* A reserved element taken out belongs to the line that took it. */
static void test_destroy_leaks_reserved_page(void)
{
	mempool_t *pool = mempool_create_page_pool(1, 0);
	struct page *page;
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	fail_pages_in_take();
	page = take(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	mempool_destroy(pool);
	snprintf(want, sizeof(want),
		 "kshim: leaked 1 page(s) at pfn %#lx, allocated at %s:%d\n",
		 page_to_pfn(page), __FILE__, marker_line("take"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

static void test_destroy_leaks_kmalloc_element(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(2, 96);
	void *p;
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = mempool_alloc(pool, GFP_KERNEL); /* LINE:leak_kmalloc */
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	mempool_destroy(pool);
	snprintf(want, sizeof(want),
		 " (size 96): kmalloc-96 allocated at %s:%d (test_destroy_leaks_kmalloc_element)\n",
		 __FILE__, marker_line("leak_kmalloc"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

/* kmemleak_update_trace(): the slab object's allocation site moves too. */
static void test_destroy_leaks_reserved_kmalloc(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(1, 96);
	char want[256];
	void *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	fail_slab_in_take();
	p = take(pool, GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL_FATAL(p, pool->elements[0]);
	mempool_destroy(pool);
	snprintf(want, sizeof(want),
		 " (size 96): kmalloc-96 allocated at %s:%d (take)\n",
		 __FILE__, marker_line("take"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

/* ---- resize ---- */

static void test_resize_up_and_down(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(2, 128);
	char spec[64];
	void *a, *b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL(mempool_resize(pool, 5), 0);
	CU_ASSERT_EQUAL(pool->min_nr, 5);
	CU_ASSERT_EQUAL(pool->curr_nr, 5);
	CU_ASSERT_EQUAL(mempool_resize(pool, 1), 0);
	CU_ASSERT_EQUAL(pool->min_nr, 1);
	CU_ASSERT_EQUAL(pool->curr_nr, 1);
	CU_ASSERT_EQUAL(mempool_resize(pool, 1), 0);
	CU_ASSERT_EQUAL(pool->curr_nr, 1);

	/* grown while the allocator fails: frees fill it later */
	a = mempool_alloc(pool, GFP_KERNEL);
	b = mempool_alloc(pool, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	/* the new array comes, its elements do not */
	snprintf(spec, sizeof(spec), "site=test_mempool.c:%d,after=1",
		 marker_line("grow"));
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set(spec), 0);
	CU_ASSERT_EQUAL(mempool_resize(pool, 4), 0); /* LINE:grow */
	CU_ASSERT_EQUAL(pool->min_nr, 4);
	CU_ASSERT_EQUAL(pool->curr_nr, 1);	/* array only */
	kshim_failslab_clear();
	mempool_free(a, pool);
	mempool_free(b, pool);
	CU_ASSERT_EQUAL(pool->curr_nr, 3);
	mempool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_resize_to_zero_bugs(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(2, 128);
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	snprintf(want, sizeof(want), "kernel BUG at %s:%d!", __FILE__,
		 marker_line("resize0"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	mempool_resize(pool, 0); /* LINE:resize0 */
	CU_FAIL("mempool_resize(pool, 0) returned");
}

static void resize_in_irq(void *arg)
{
	mempool_resize(ctx_pool, 1); /* LINE:resize_irq */
}

static void test_resize_might_sleep(void)
{
	ctx_pool = mempool_create_kmalloc_pool(2, 128);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ctx_pool);
	expect_report_at_in(__FILE__, KSHIM_REPORT_MIGHT_SLEEP,
		"BUG: sleeping function called from invalid context at ",
		"resize_irq");
	kshim_run_in_softirq(resize_in_irq, NULL);
	CU_ASSERT_EQUAL(ctx_pool->curr_nr, 1);
	mempool_destroy(ctx_pool);
}

/* ---- kernel code (mempool_kernel.c, built as a driver is) ---- */

#define MPK_FILE	"tests/mempool/mempool_kernel.c"

static void test_kernel_driver_roundtrip(void)
{
	struct mpk_dev *dev = mpk_create(2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
	CU_ASSERT_EQUAL(mpk_roundtrip(dev, GFP_KERNEL), 0);
	/* every allocator in the driver failing: the reserves serve */
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=mempool_kernel.c"), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=mempool_kernel.c"), 0);
	CU_ASSERT_EQUAL(mpk_roundtrip(dev, GFP_NOIO), 0);
	CU_ASSERT_EQUAL(mpk_roundtrip(dev, GFP_ATOMIC), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 4);
	kshim_fail_page_alloc_clear();
	kshim_failslab_clear();
	mpk_destroy(dev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kernel_driver_leak_names_its_line(void)
{
	struct mpk_dev *dev = mpk_create(1);
	char want[256];
	void *req;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
	req = mpk_get(dev);
	CU_ASSERT_PTR_NOT_NULL_FATAL(req);
	mpk_destroy(dev);
	snprintf(want, sizeof(want), "(size 56): kmalloc-64 allocated at %s:%d (mpk_get)\n",
		 MPK_FILE, marker_line_in(MPK_FILE, "mpk_get"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

static CU_TestInfo basic_tests[] = {
	{ "create_fills_reserve", test_create_fills_reserve },
	{ "alloc_uses_allocator_first", test_alloc_uses_allocator_first },
	{ "kmalloc_pool", test_kmalloc_pool },
	{ "slab_pool", test_slab_pool },
	{ "init_exit_embedded", test_init_exit_embedded },
	{ "real_functions", test_real_functions },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo reserve_tests[] = {
	{ "used_when_pages_fail", test_reserve_used_when_pages_fail },
	{ "used_when_slab_fails", test_reserve_used_when_slab_fails },
	{ "allocator_gfp_passes", test_allocator_gfp_passes },
	{ "create_failure_undone", test_create_failure_undone },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo wait_tests[] = {
	{ "blocking_alloc_waits_for_free",
	  test_blocking_alloc_waits_for_free },
	{ "blocking_alloc_woken_by_irq_on_other_cpu",
	  test_blocking_alloc_woken_by_irq_on_other_cpu },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo context_tests[] = {
	{ "gfp_kernel_in_hardirq_might_sleep",
	  test_gfp_kernel_in_hardirq_might_sleep },
	{ "gfp_atomic_in_hardirq_silent", test_gfp_atomic_in_hardirq_silent },
	{ "gfp_zero_warns_once", test_gfp_zero_warns_once },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo poison_tests[] = {
	{ "resting_elements_poisoned", test_resting_elements_poisoned },
	{ "custom_elements_not_poisoned", test_custom_elements_not_poisoned },
	{ "mismatch_page_pool", test_poison_mismatch_page_pool },
	{ "mismatch_kmalloc_pool", test_poison_mismatch_kmalloc_pool },
	{ "mismatch_found_by_destroy", test_poison_mismatch_found_by_destroy },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo leak_tests[] = {
	{ "destroy_leaks_page_element", test_destroy_leaks_page_element },
	{ "destroy_leaks_reserved_page", test_destroy_leaks_reserved_page },
	{ "destroy_leaks_kmalloc_element",
	  test_destroy_leaks_kmalloc_element },
	{ "destroy_leaks_reserved_kmalloc",
	  test_destroy_leaks_reserved_kmalloc },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo resize_tests[] = {
	{ "up_and_down", test_resize_up_and_down },
	{ "to_zero_bugs", test_resize_to_zero_bugs },
	{ "might_sleep", test_resize_might_sleep },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo kernel_code_tests[] = {
	{ "driver_roundtrip", test_kernel_driver_roundtrip },
	{ "driver_leak_names_its_line", test_kernel_driver_leak_names_its_line },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "basic", NULL, NULL, NULL, NULL, basic_tests },
	{ "reserve", NULL, NULL, NULL, NULL, reserve_tests },
	{ "wait", NULL, NULL, NULL, NULL, wait_tests },
	{ "context", NULL, NULL, NULL, NULL, context_tests },
	{ "poison", NULL, NULL, NULL, NULL, poison_tests },
	{ "leak", NULL, NULL, NULL, NULL, leak_tests },
	{ "resize", NULL, NULL, NULL, NULL, resize_tests },
	{ "kernel_code", NULL, NULL, NULL, NULL, kernel_code_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
