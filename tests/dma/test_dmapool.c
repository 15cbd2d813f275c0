/*
 * tests/dma/test_dmapool.c - DMA pools (compat/mm/dmapool.c): 6.1's
 * creation rules, block size, alignment and boundary, the poison of
 * allocated and freed blocks, the device's view of the blocks, managed
 * pools, contexts, and every debug check of 6.1's mm/dmapool.c with its
 * dev_err() text.
 *
 * Every negative test checks the class, the kernel's text and this file's
 * line (LINE: markers); every check has a silent positive counterpart.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/device.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>

#include "common/dma_dev.h"
#include "common/expect_bug.h"

#define PREFIX "dmapool dmapool0: "

static struct device_driver drv = { .name = "dmapool" };
static struct device *dev;

static void setup(void)
{
	dev = dma_test_dev_create("dmapool0", &drv, DMA_BIT_MASK(32), NULL);
}

static void teardown(void)
{
	dma_test_dev_put(dev);
	dev = NULL;
}

static unsigned int nr_pools_of(struct device *d)
{
	struct list_head *p;
	unsigned int n = 0;

	list_for_each(p, &d->dma_pools)
		n++;
	return n;
}

static bool all_bytes(const void *p, int c, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] != c)
			return false;
	return true;
}

/*
 * One dma_pool report with the kernel's line (formatted by kshim's printk,
 * so %p hashes as the report's does), made at the marked line of this
 * file and naming it in kshim's "<api>() at" line.  Call check_where()
 * after the call that reports.
 */
static __printf(1, 2) void want(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	scnprintf(buf + n, sizeof(buf) - n, "\n");
	kshim_expect_report(KSHIM_REPORT_DMA_POOL, buf, 1);
}

static const char *last_text(void)
{
	const struct kshim_report *r = kshim_report_last(KSHIM_REPORT_DMA_POOL);

	return r ? r->text : "";
}

static void check_where(const char *api, const char *marker)
{
	char w[256];

	assert_report_at(KSHIM_REPORT_DMA_POOL, marker);
	snprintf(w, sizeof(w), "\nkshim: %s() at %s:%d (", api, __FILE__,
		 marker_line(marker));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), w));
}

/* ---- creation rules ---- */

static void test_create_rules(void)
{
	struct dma_pool *p;

	setup();
	/* align not a power of two; size 0 */
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 64, 3, 0));
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 64, 48, 0));
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 0, 8, 0));
	/* boundary not a power of two, or below the (aligned) block */
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 64, 8, 1000));
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 64, 8, 32));
	CU_ASSERT_PTR_NULL(dma_pool_create("p", dev, 100, 64, 64));
	CU_ASSERT_EQUAL(nr_pools_of(dev), 0);
	/* align 0 is 1; boundary equal to the block is fine */
	p = dma_pool_create("p0", dev, 64, 0, 64);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 1);
	dma_pool_destroy(p);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 0);
	dma_pool_destroy(NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* Listed on dev->dma_pools while they exist, newest first. */
static void test_listed_on_device(void)
{
	struct dma_pool *a, *b;

	setup();
	a = dma_pool_create("a", dev, 32, 8, 0);
	b = dma_pool_create("b", dev, 32, 8, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 2);
	dma_pool_destroy(a);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 1);
	dma_pool_destroy(b);
	CU_ASSERT(list_empty(&dev->dma_pools));
	teardown();
}

/* ---- blocks ---- */

static void test_alloc_free(void)
{
	struct dma_pool *pool;
	unsigned char *a, *b, *c, in[8], out[8];
	dma_addr_t da, db, dc;

	setup();
	pool = dma_pool_create("blocks", dev, 40, 16, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	a = dma_pool_alloc(pool, GFP_KERNEL, &da);
	b = dma_pool_alloc(pool, GFP_KERNEL, &db);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	/* coherent memory: the bus address is the physical one */
	CU_ASSERT_EQUAL(da, virt_to_phys(a));
	CU_ASSERT_EQUAL(db, virt_to_phys(b));
	/* 40 aligned to 16: blocks of 48 bytes, from the chunk's start */
	CU_ASSERT_EQUAL(db - da, 48);
	CU_ASSERT_EQUAL(b - a, 48);
	CU_ASSERT_EQUAL(da % 16, 0);
	CU_ASSERT_EQUAL(da % PAGE_SIZE, 0);
	/* not zeroed: POOL_POISON_ALLOCATED, as the kernel's debug pools */
	CU_ASSERT(all_bytes(a, POOL_POISON_ALLOCATED, 48));
	/* the device reaches the block both ways */
	memcpy(in, "DEVICE!", 8);
	CU_ASSERT_EQUAL(kshim_dma_write(dev, db + 8, in, 8), 0);
	CU_ASSERT_EQUAL(memcmp(b + 8, "DEVICE!", 8), 0);
	memcpy(a, "CPUSIDE", 8);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, da, out, 8), 0);
	CU_ASSERT_EQUAL(memcmp(out, "CPUSIDE", 8), 0);
	/* last freed, first reused; it comes back poisoned again */
	dma_pool_free(pool, a, da);
	c = dma_pool_alloc(pool, GFP_KERNEL, &dc);
	CU_ASSERT_PTR_EQUAL(c, a);
	CU_ASSERT_EQUAL(dc, da);
	CU_ASSERT(all_bytes(c, POOL_POISON_ALLOCATED, 48));
	dma_pool_free(pool, c, dc);
	dma_pool_free(pool, b, db);
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

static void test_zalloc(void)
{
	struct dma_pool *pool;
	unsigned char *a;
	dma_addr_t da;

	setup();
	pool = dma_pool_create("zero", dev, 100, 4, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	a = dma_pool_zalloc(pool, GFP_KERNEL, &da);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT(all_bytes(a, 0, 100));
	memset(a, 0x55, 100);
	dma_pool_free(pool, a, da);
	a = dma_pool_alloc(pool, GFP_KERNEL | __GFP_ZERO, &da);
	CU_ASSERT(all_bytes(a, 0, 100));
	dma_pool_free(pool, a, da);
	dma_pool_destroy(pool);
	teardown();
}

/* Size below 4 is 4; blocks larger than a page get chunks of their own. */
static void test_sizes(void)
{
	struct dma_pool *tiny, *big;
	dma_addr_t d1, d2, d3;
	void *p1, *p2, *p3;

	setup();
	tiny = dma_pool_create("tiny", dev, 1, 1, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tiny);
	p1 = dma_pool_alloc(tiny, GFP_KERNEL, &d1);
	p2 = dma_pool_alloc(tiny, GFP_KERNEL, &d2);
	CU_ASSERT_EQUAL(d2 - d1, 4);
	dma_pool_free(tiny, p1, d1);
	dma_pool_free(tiny, p2, d2);
	dma_pool_destroy(tiny);

	big = dma_pool_create("big", dev, 6000, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	p1 = dma_pool_alloc(big, GFP_KERNEL, &d1);
	p2 = dma_pool_alloc(big, GFP_KERNEL, &d2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
	CU_ASSERT(all_bytes(p1, POOL_POISON_ALLOCATED, 6000));
	/* the whole block is the device's, in one piece */
	CU_ASSERT_EQUAL(kshim_dma_write(dev, d1, p2, 6000), 0);
	dma_pool_free(big, p2, d2);
	p3 = dma_pool_alloc(big, GFP_KERNEL, &d3);
	CU_ASSERT_EQUAL(d3, d2);
	dma_pool_free(big, p3, d3);
	dma_pool_free(big, p1, d1);
	dma_pool_destroy(big);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* No block crosses the boundary; 6.1's placement, slot for slot. */
static void test_boundary(void)
{
	struct dma_pool *pool;
	dma_addr_t d[64];
	void *v[64];
	unsigned int i, per_seg = 0;

	setup();
	/* blocks of 96 bytes, never across 256: two per 256 bytes */
	pool = dma_pool_create("bound", dev, 96, 32, 256);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	for (i = 0; i < 64; i++) {
		v[i] = dma_pool_alloc(pool, GFP_KERNEL, &d[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(v[i]);
		CU_ASSERT_EQUAL(d[i] / 256, (d[i] + 96 - 1) / 256);
		CU_ASSERT_EQUAL(d[i] % 32, 0);
		if (d[i] / 256 == d[0] / 256)
			per_seg++;
	}
	CU_ASSERT_EQUAL(per_seg, 2);
	/* 16 segments of a page: 32 blocks, then a new chunk */
	CU_ASSERT_EQUAL(d[31] - d[0], 15 * 256 + 96);
	CU_ASSERT_NOT_EQUAL(d[32] / PAGE_SIZE, d[0] / PAGE_SIZE);
	for (i = 0; i < 64; i++)
		dma_pool_free(pool, v[i], d[i]);
	dma_pool_destroy(pool);

	/*
	 * Default boundary (the page): 6.1 leaves the slot that would end
	 * exactly at the page's end empty, so 63 blocks of 64 bytes.
	 */
	pool = dma_pool_create("quirk", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	for (i = 0; i < 64; i++)
		v[i] = dma_pool_alloc(pool, GFP_KERNEL, &d[i]);
	CU_ASSERT_EQUAL(d[62] - d[0], 62 * 64);
	CU_ASSERT_NOT_EQUAL(d[63] / PAGE_SIZE, d[0] / PAGE_SIZE);
	for (i = 0; i < 64; i++)
		dma_pool_free(pool, v[i], d[i]);
	dma_pool_destroy(pool);

	/* a boundary beyond the chunk: the chunk's end is the limit */
	pool = dma_pool_create("wide", dev, 3000, 8, 8192);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	v[0] = dma_pool_alloc(pool, GFP_KERNEL, &d[0]);
	v[1] = dma_pool_alloc(pool, GFP_KERNEL, &d[1]);
	CU_ASSERT_NOT_EQUAL(d[1] / PAGE_SIZE, d[0] / PAGE_SIZE);
	CU_ASSERT_EQUAL((d[1] + 2999) / PAGE_SIZE, d[1] / PAGE_SIZE);
	dma_pool_free(pool, v[0], d[0]);
	dma_pool_free(pool, v[1], d[1]);
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* The real functions (drivers may take their addresses). */
static void test_real_functions(void)
{
	struct dma_pool *(*create)(const char *, struct device *, size_t,
				   size_t, size_t) = (dma_pool_create);
	void *(*alloc)(struct dma_pool *, gfp_t, dma_addr_t *) =
		(dma_pool_alloc);
	void (*free_fn)(struct dma_pool *, void *, dma_addr_t) =
		(dma_pool_free);
	void (*destroy)(struct dma_pool *) = (dma_pool_destroy);
	struct dma_pool *pool;
	dma_addr_t d;
	void *p;

	setup();
	pool = create("fn", dev, 16, 16, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(d, virt_to_phys(p));
	free_fn(pool, p, d);
	destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* ---- failures (fault injection through kmalloc and alloc_pages) ---- */

static void fail_at(int (*set)(const char *), const char *marker)
{
	char rule[128];

	snprintf(rule, sizeof(rule), "site=test_dmapool.c:%d",
		 marker_line(marker));
	CU_ASSERT_EQUAL_FATAL(set(rule), 0);
}

static void test_failures(void)
{
	struct dma_pool *pool;
	dma_addr_t d = 0;
	void *p;

	setup();
	fail_at(kshim_failslab_set, "create_fails");
	pool = dma_pool_create("f", dev, 64, 8, 0); /* LINE:create_fails */
	CU_ASSERT_PTR_NULL(pool);
	fail_at(kshim_failslab_set, "dmam_fails");
	pool = dmam_pool_create("f", dev, 64, 8, 0); /* LINE:dmam_fails */
	CU_ASSERT_PTR_NULL(pool);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 0);
	kshim_failslab_clear();

	pool = dma_pool_create("f", dev, 64, 8, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	/* the chunk's coherent pages, then its header */
	fail_at(kshim_fail_page_alloc_set, "pages_fail");
	p = dma_pool_alloc(pool, GFP_KERNEL | __GFP_NOWARN, &d); /* LINE:pages_fail */
	CU_ASSERT_PTR_NULL(p);
	kshim_fail_page_alloc_clear();
	fail_at(kshim_failslab_set, "header_fails");
	p = dma_pool_alloc(pool, GFP_KERNEL, &d); /* LINE:header_fails */
	CU_ASSERT_PTR_NULL(p);
	kshim_failslab_clear();
	/* nothing half-made stays behind: the next one works */
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	dma_pool_free(pool, p, d);
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* ---- contexts ---- */

static struct dma_pool *ctx_pool;
static void *ctx_blk;
static dma_addr_t ctx_dma;

static void alloc_atomic(void *arg)
{
	ctx_blk = dma_pool_alloc(ctx_pool, GFP_ATOMIC, &ctx_dma);
	if (ctx_blk)
		dma_pool_free(ctx_pool, ctx_blk, ctx_dma);
}

static void test_atomic_ok(void)
{
	DEFINE_SPINLOCK(lock);
	dma_addr_t d;
	void *p;

	setup();
	ctx_pool = dma_pool_create("atomic", dev, 64, 8, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ctx_pool);
	/* in a hardirq, a new chunk too (the pool is empty) */
	kshim_run_in_hardirq(alloc_atomic, NULL);
	CU_ASSERT_PTR_NOT_NULL(ctx_blk);
	spin_lock(&lock);
	p = dma_pool_alloc(ctx_pool, GFP_ATOMIC, &d);
	CU_ASSERT_PTR_NOT_NULL(p);
	dma_pool_free(ctx_pool, p, d);
	spin_unlock(&lock);
	dma_pool_destroy(ctx_pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

static void test_sleeping_alloc_in_atomic(void)
{
	DEFINE_SPINLOCK(lock);
	struct dma_pool *pool;
	dma_addr_t d, d2;
	void *p, *p2;

	setup();
	pool = dma_pool_create("sleepy", dev, 64, 8, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	/* a chunk with room first: the only report is the alloc's own */
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	expect_report_at_in(__FILE__, KSHIM_REPORT_MIGHT_SLEEP,
			    "BUG: sleeping function called from invalid context at ",
			    "sleepy");
	spin_lock(&lock);
	p2 = dma_pool_alloc(pool, GFP_KERNEL, &d2); /* LINE:sleepy */
	spin_unlock(&lock);
	CU_ASSERT_PTR_NOT_NULL(p2);
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "sleepy");
	dma_pool_free(pool, p2, d2);
	dma_pool_free(pool, p, d);
	dma_pool_destroy(pool);
	teardown();
}

/* CPU 0 and a hardirq on CPU 1 share one pool (TSan, helgrind). */
#define ROUNDS 300

static pthread_mutex_t remote_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t remote_cond = PTHREAD_COND_INITIALIZER;
static int remote_done, remote_bad;

static bool stamp_and_check(unsigned char *p, unsigned char v)
{
	memset(p, v, 32);
	return all_bytes(p, v, 32);
}

static void remote_rounds(void *arg)
{
	struct dma_pool *pool = arg;
	unsigned int i;
	int bad = 0;

	for (i = 0; i < ROUNDS; i++) {
		dma_addr_t d;
		unsigned char *p = dma_pool_alloc(pool, GFP_ATOMIC, &d);

		if (!p || !stamp_and_check(p, 0x11))
			bad++;
		if (p)
			dma_pool_free(pool, p, d);
	}
	pthread_mutex_lock(&remote_lock);
	remote_bad = bad;
	remote_done = 1;
	pthread_cond_signal(&remote_cond);
	pthread_mutex_unlock(&remote_lock);
}

static void nothing(void *arg)
{
}

static void test_two_cpus(void)
{
	struct dma_pool *pool;
	unsigned int i, rounds = RUNNING_ON_VALGRIND ? ROUNDS / 3 : ROUNDS;
	int bad = 0;

	setup();
	pool = dma_pool_create("shared", dev, 32, 32, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	on_each_cpu(nothing, NULL, 1);
	remote_done = 0;
	smp_call_function_single(1, remote_rounds, pool, 0);
	for (i = 0; i < rounds; i++) {
		dma_addr_t d;
		unsigned char *p = dma_pool_alloc(pool, GFP_KERNEL, &d);

		if (!p || !stamp_and_check(p, 0x22))
			bad++;
		if (p)
			dma_pool_free(pool, p, d);
	}
	pthread_mutex_lock(&remote_lock);
	while (!remote_done)
		pthread_cond_wait(&remote_cond, &remote_lock);
	pthread_mutex_unlock(&remote_lock);
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(remote_bad, 0);
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* ---- managed pools ---- */

static void test_dmam_released_with_device(void)
{
	struct dma_pool *pool;
	dma_addr_t d;
	void *p;

	setup();
	pool = dmam_pool_create("managed", dev, 128, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 1);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	dma_pool_free(pool, p, d);
	/* invalid arguments: NULL, and nothing left in devres */
	CU_ASSERT_PTR_NULL(dmam_pool_create("bad", dev, 0, 8, 0));
	/* the pool (and its chunk) go with the device's resources */
	teardown();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_dmam_destroy(void)
{
	struct dma_pool *pool;

	setup();
	pool = dmam_pool_create("managed", dev, 128, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	dmam_pool_destroy(pool);
	CU_ASSERT_EQUAL(nr_pools_of(dev), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* A managed pool with a block out when the device goes: busy, named at
 * the dmam_pool_create() line. */
static void test_dmam_busy_at_release(void)
{
	struct dma_pool *pool;
	dma_addr_t d;
	void *p;

	setup();
	pool = dmam_pool_create("mbusy", dev, 128, 64, 0); /* LINE:mbusy */
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	want(PREFIX "dma_pool_destroy mbusy, %p busy", p);
	/* devres goes with the driver still set, as at unbind */
	put_device(dev);
	dev = NULL;
	check_where("dmam_pool_create", "mbusy");
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
				      "kshim: destroyed by devres, the driver being unbound\n"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, "kshim: DMA mapping still live", 1);
}

/* dmam_pool_destroy() of a pool dma_pool_create() made: WARN_ON. */
static void test_dmam_destroy_unmanaged(void)
{
	struct dma_pool *pool;

	setup();
	pool = dma_pool_create("plain", dev, 128, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, " at ", "unmanaged");
	dmam_pool_destroy(pool); /* LINE:unmanaged */
	assert_report_at(KSHIM_REPORT_WARNING, "unmanaged");
	CU_ASSERT_EQUAL(nr_pools_of(dev), 1);
	dma_pool_destroy(pool);
	teardown();
}

/* ---- debug checks ---- */

static void test_destroy_busy(void)
{
	struct dma_pool *pool;
	dma_addr_t d;
	void *p, *chunk;
	char w[256];

	setup();
	pool = dma_pool_create("busy", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d); /* LINE:busy_alloc */
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	chunk = p;		/* the first block starts the chunk */
	want(PREFIX "dma_pool_destroy busy, %p busy",
	     chunk);
	dma_pool_destroy(pool); /* LINE:busy */
	check_where("dma_pool_destroy", "busy");
	/* the block's allocation is named */
	scnprintf(w, sizeof(w), "kshim: block %pad still allocated by %s:%d (",
		  &d, __FILE__, marker_line("busy_alloc"));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), w));
	CU_ASSERT_EQUAL(nr_pools_of(dev), 0);
	/* the memory is leaked as the kernel leaks it: the ledger says so */
	kshim_expect_report(KSHIM_REPORT_LEDGER, "kshim: DMA mapping still live", 1);
	teardown();
}

static void test_destroy_idle_silent(void)
{
	struct dma_pool *pool;
	dma_addr_t d[3];
	void *p[3];
	int i;

	setup();
	pool = dma_pool_create("idle", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	for (i = 0; i < 3; i++)
		p[i] = dma_pool_alloc(pool, GFP_KERNEL, &d[i]);
	for (i = 2; i >= 0; i--)
		dma_pool_free(pool, p[i], d[i]);
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

static void test_free_bad_dma(void)
{
	struct dma_pool *pool;
	dma_addr_t d, bad;
	void *p;

	setup();
	pool = dma_pool_create("baddma", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	bad = d + 2 * PAGE_SIZE;
	want(PREFIX "dma_pool_free baddma, %p/%pad (bad dma)", p, &bad);
	dma_pool_free(pool, p, bad); /* LINE:baddma */
	check_where("dma_pool_free", "baddma");
	/* the block stays allocated: the right free is silent */
	dma_pool_free(pool, p, d);
	dma_pool_destroy(pool);
	teardown();
}

static void test_free_bad_vaddr(void)
{
	struct dma_pool *pool;
	dma_addr_t d, d2;
	void *p, *p2;

	setup();
	pool = dma_pool_create("badvaddr", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	p2 = dma_pool_alloc(pool, GFP_KERNEL, &d2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
	/* the other block's address with this block's dma */
	want(PREFIX "dma_pool_free badvaddr, %p (bad vaddr)/%pad", p2, &d);
	dma_pool_free(pool, p2, d); /* LINE:badvaddr */
	check_where("dma_pool_free", "badvaddr");
	dma_pool_free(pool, p, d);
	dma_pool_free(pool, p2, d2);
	dma_pool_destroy(pool);
	teardown();
}

static void test_free_twice(void)
{
	struct dma_pool *pool;
	dma_addr_t d;
	void *p;
	char w[256];

	setup();
	pool = dma_pool_create("twice", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	dma_pool_free(pool, p, d); /* LINE:first_free */
	want(PREFIX "dma_pool_free twice, dma %pad already free", &d);
	dma_pool_free(pool, p, d); /* LINE:twice */
	check_where("dma_pool_free", "twice");
	snprintf(w, sizeof(w), "kshim: the block was freed at %s:%d (",
		 __FILE__, marker_line("first_free"));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), w));
	/* the pool is intact: the block is handed out once, poison intact */
	CU_ASSERT_PTR_EQUAL(dma_pool_alloc(pool, GFP_KERNEL, &d), p);
	dma_pool_free(pool, p, d);
	dma_pool_destroy(pool);
	teardown();
}

/* kshim's own: an address inside a block is no block. */
static void test_free_inside_block(void)
{
	struct dma_pool *pool;
	dma_addr_t d, in;
	unsigned char *p;

	setup();
	pool = dma_pool_create("inside", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	in = d + 8;
	want("kshim: dma_pool_free inside, %p/%pad is not the start of a block (blocks of 64 bytes); ignored",
	     p + 8, &in);
	dma_pool_free(pool, p + 8, in); /* LINE:inside */
	check_where("dma_pool_free", "inside");
	dma_pool_free(pool, p, d);
	dma_pool_destroy(pool);
	teardown();
}

static void test_write_after_free_cpu(void)
{
	struct dma_pool *pool;
	dma_addr_t d, d2;
	unsigned char *p, *p2;
	char w[256];

	setup();
	pool = dma_pool_create("uaf", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	dma_pool_free(pool, p, d); /* LINE:uaf_free */
	p[10] = 0x42;		/* the bug: a write after free */
	want(PREFIX "dma_pool_alloc uaf, %p (corrupted)", p);
	p2 = dma_pool_alloc(pool, GFP_KERNEL, &d2); /* LINE:uaf_alloc */
	check_where("dma_pool_alloc", "uaf_alloc");
	CU_ASSERT_PTR_EQUAL(p2, p);
	/* the hex dump shows the byte; kshim names the free */
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
				      "00000000: a7 a7 a7 a7 a7 a7 a7 a7 a7 a7 42 a7"));
	snprintf(w, sizeof(w),
		 "kshim: byte 10 of the block is 0x42, not POOL_POISON_FREED (0xa7): written by the CPU or the device while free, after dma_pool_free() at %s:%d (",
		 __FILE__, marker_line("uaf_free"));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), w));
	/* handed out anyway, poisoned for the caller */
	CU_ASSERT(all_bytes(p2, POOL_POISON_ALLOCATED, 64));
	dma_pool_free(pool, p2, d2);
	dma_pool_destroy(pool);
	teardown();
}

/* 6.1 cannot see the first 4 bytes (its list link); kshim can. */
static void test_write_after_free_device(void)
{
	struct dma_pool *pool;
	dma_addr_t d, d2;
	unsigned char *p, *p2;
	static const unsigned char junk[2] = { 0, 1 };

	setup();
	pool = dma_pool_create("devuaf", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	p = dma_pool_alloc(pool, GFP_KERNEL, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	dma_pool_free(pool, p, d);
	/* the device writes a descriptor the driver already gave back */
	CU_ASSERT_EQUAL(kshim_dma_write(dev, d, junk, 2), 0);
	want(PREFIX "dma_pool_alloc devuaf, %p (corrupted)", p);
	p2 = dma_pool_alloc(pool, GFP_KERNEL, &d2); /* LINE:devuaf */
	check_where("dma_pool_alloc", "devuaf");
	dma_pool_free(pool, p2, d2);
	dma_pool_destroy(pool);
	teardown();
}

/* A block written while allocated, freed, reused: silent. */
static void test_reuse_silent(void)
{
	struct dma_pool *pool;
	dma_addr_t d;
	unsigned char *p, data[64];
	int i;

	setup();
	pool = dma_pool_create("reuse", dev, 64, 64, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	for (i = 0; i < 10; i++) {
		p = dma_pool_alloc(pool, GFP_KERNEL, &d);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		memset(p, i, 64);
		memset(data, 0x80 + i, sizeof(data));
		CU_ASSERT_EQUAL(kshim_dma_write(dev, d, data, 64), 0);
		CU_ASSERT(all_bytes(p, 0x80 + i, 64));
		dma_pool_free(pool, p, d);
	}
	dma_pool_destroy(pool);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

/* ---- the ledger: a pool left at test end ---- */

static void test_pool_left_is_ledger(void)
{
	struct dma_pool *pool;
	char w[256];

	setup();
	pool = dma_pool_create("leaky", dev, 64, 64, 0); /* LINE:leaky */
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	snprintf(w, sizeof(w),
		 "kshim: dma pool leaky (blocks of 64 bytes, 0 in use, 0 chunks) still exists, created at %s:%d (%s); dma_pool_destroy() frees it",
		 __FILE__, marker_line("leaky"), __func__);
	kshim_expect_report(KSHIM_REPORT_LEDGER, w, 1);
	/* the device stays too (the pool points at it) */
}

static CU_TestInfo create_tests[] = {
	{ "creation rules", test_create_rules },
	{ "listed on dev->dma_pools", test_listed_on_device },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo block_tests[] = {
	{ "alloc, free, device view", test_alloc_free },
	{ "dma_pool_zalloc", test_zalloc },
	{ "tiny and large blocks", test_sizes },
	{ "boundary and placement", test_boundary },
	{ "real functions", test_real_functions },
	{ "allocation failures", test_failures },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo context_tests[] = {
	{ "GFP_ATOMIC in hardirq and under a spinlock", test_atomic_ok },
	{ "GFP_KERNEL under a spinlock", test_sleeping_alloc_in_atomic },
	{ "two CPUs share a pool", test_two_cpus },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo managed_tests[] = {
	{ "released with the device", test_dmam_released_with_device },
	{ "dmam_pool_destroy", test_dmam_destroy },
	{ "busy when the device goes", test_dmam_busy_at_release },
	{ "dmam_pool_destroy of an unmanaged pool", test_dmam_destroy_unmanaged },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "destroy with blocks allocated", test_destroy_busy },
	{ "destroy when idle is silent", test_destroy_idle_silent },
	{ "free with a bad dma", test_free_bad_dma },
	{ "free with a bad vaddr", test_free_bad_vaddr },
	{ "free twice", test_free_twice },
	{ "free inside a block", test_free_inside_block },
	{ "CPU write after free", test_write_after_free_cpu },
	{ "device write after free", test_write_after_free_device },
	{ "reuse is silent", test_reuse_silent },
	{ "pool left at test end", test_pool_left_is_ledger },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "create", NULL, NULL, NULL, NULL, create_tests },
	{ "blocks", NULL, NULL, NULL, NULL, block_tests },
	{ "contexts", NULL, NULL, NULL, NULL, context_tests },
	{ "managed", NULL, NULL, NULL, NULL, managed_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
