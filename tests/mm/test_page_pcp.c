/*
 * test_page_pcp - the per-CPU page lists of order-0 pages
 * (mm/page_alloc.c: free_unref_page(), rmqueue_pcplist(),
 * drain_all_pages()); in kshim a CPU is a thread.
 *
 * What a driver can see of them: a freed page comes back first (LIFO),
 * pages on a list are free (counted free, not counted by the ledger),
 * and they never make an allocation fail: a higher-order allocation that
 * needs them drains every thread's lists first, a thread's lists go back
 * when it exits, and each test starts with all lists drained.  Each test
 * boots a small machine so that exhausting memory is quick.
 */
#include <pthread.h>
#include <stdlib.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "mm/internal.h"	/* kshim_zone_free_pages(): white-box counts */

#define GFP_QUIET	(GFP_KERNEL | __GFP_NOWARN)
#define MAX_PAGES	(32 << (20 - PAGE_SHIFT))

static void boot_small(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RAM=32M", "KSHIM_HIGHMEM=0",
					 "KSHIM_NODES=1", NULL), 0);
}

static unsigned long free_lowmem(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);

	return kshim_zone_free_pages(&pgdat->node_zones[ZONE_DMA]) +
	       kshim_zone_free_pages(&pgdat->node_zones[ZONE_NORMAL]);
}

/* How many largest blocks can be had at once (all freed again). */
static unsigned int count_max_blocks(void)
{
	struct page *block[64];
	unsigned int n = 0, i;

	while (n < 64 && (block[n] = alloc_pages(GFP_QUIET, MAX_PAGE_ORDER)))
		n++;
	for (i = 0; i < n; i++)
		__free_pages(block[i], MAX_PAGE_ORDER);
	return n;
}

/*
 * Allocate every order-0 page there is, then free them all; returns how
 * many (no CUnit assertion here: threads call it).
 */
static unsigned long churn_all_pages(void)
{
	struct page **pages = malloc(MAX_PAGES * sizeof(*pages));
	unsigned long n = 0, i;

	if (!pages)
		return 0;
	while (n < MAX_PAGES && (pages[n] = alloc_page(GFP_QUIET)))
		n++;
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
	free(pages);
	return n;
}

/* Freed pages stay free while cached: counts and ledger agree. */
static void test_cached_pages_count_as_free(void)
{
	struct page *page[3];
	unsigned long before;
	int i;

	boot_small();
	before = free_lowmem();
	for (i = 0; i < 3; i++) {
		page[i] = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page[i]);
	}
	CU_ASSERT_EQUAL(free_lowmem(), before - 3);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 3);
	for (i = 0; i < 3; i++)
		__free_page(page[i]);
	CU_ASSERT_EQUAL(free_lowmem(), before);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	/* A cached page is not a buddy page: the free lists do not have it. */
	CU_ASSERT_FALSE(PageBuddy(page[2]));
	CU_ASSERT_EQUAL(page_count(page[2]), 0);
}

/* The hottest page first: the last one freed is the next one handed out. */
static void test_lifo(void)
{
	struct page *a, *b, *again;

	boot_small();
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	__free_page(a);
	__free_page(b);
	again = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_EQUAL(again, b);
	__free_page(again);
}

/*
 * All of memory through the lists and back: every largest block can be
 * had again, because the allocation that would fail drains the lists.
 */
static void test_drain_before_failing(void)
{
	unsigned int blocks;
	unsigned long pages, before;

	boot_small();
	before = free_lowmem();
	blocks = count_max_blocks();
	CU_ASSERT_TRUE_FATAL(blocks > 0);
	pages = churn_all_pages();
	CU_ASSERT_EQUAL(pages, before);
	CU_ASSERT_EQUAL(free_lowmem(), before);
	CU_ASSERT_EQUAL(count_max_blocks(), blocks);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void *churn_thread(void *arg)
{
	*(unsigned long *)arg = churn_all_pages();
	return NULL;
}

/* An exiting thread gives its cached pages back. */
static void test_thread_exit_drains(void)
{
	unsigned long before, pages = 0;
	unsigned int blocks;
	pthread_t t;

	boot_small();
	before = free_lowmem();
	blocks = count_max_blocks();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, churn_thread, &pages),
			      0);
	CU_ASSERT_EQUAL_FATAL(pthread_join(t, NULL), 0);
	CU_ASSERT_EQUAL(pages, before);
	CU_ASSERT_EQUAL(free_lowmem(), before);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(count_max_blocks(), blocks);
}

struct holder {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool cached, done;
	unsigned long nr;
};

/* Cache pages on this thread's lists, then wait, alive, until told. */
static void *holder_thread(void *arg)
{
	struct holder *h = arg;
	struct page *page[64];
	int i;

	for (i = 0; i < 64; i++)
		if (!(page[i] = alloc_page(GFP_KERNEL)))
			break;
	h->nr = i;
	while (i-- > 0)
		__free_page(page[i]);
	pthread_mutex_lock(&h->lock);
	h->cached = true;
	pthread_cond_broadcast(&h->cond);
	while (!h->done)
		pthread_cond_wait(&h->cond, &h->lock);
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

/*
 * Another live thread's cached pages are drained when memory runs out
 * (drain_all_pages() from the failing allocation, under the lists' locks).
 */
static void test_drain_other_threads(void)
{
	struct holder h = {
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	};
	unsigned long before;
	unsigned int blocks;
	pthread_t t;

	boot_small();
	before = free_lowmem();
	blocks = count_max_blocks();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, holder_thread, &h), 0);
	pthread_mutex_lock(&h.lock);
	while (!h.cached)
		pthread_cond_wait(&h.cond, &h.lock);
	pthread_mutex_unlock(&h.lock);

	CU_ASSERT_EQUAL(h.nr, 64);
	CU_ASSERT_EQUAL(free_lowmem(), before);
	CU_ASSERT_EQUAL(count_max_blocks(), blocks);
	CU_ASSERT_EQUAL(churn_all_pages(), before);

	pthread_mutex_lock(&h.lock);
	h.done = true;
	pthread_cond_broadcast(&h.cond);
	pthread_mutex_unlock(&h.lock);
	CU_ASSERT_EQUAL(pthread_join(t, NULL), 0);
	CU_ASSERT_EQUAL(free_lowmem(), before);
}

/* A reboot brings fresh RAM: no list hands out a page of the old one. */
static void test_reboot_forgets_cached_pages(void)
{
	struct page *page;
	unsigned long before;

	boot_small();
	before = free_lowmem();
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	boot_small();
	CU_ASSERT_EQUAL(free_lowmem(), before);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(churn_all_pages(), before);
}

int main(int argc, char **argv)
{
	static CU_TestInfo tests[] = {
		{ "cached_pages_count_as_free",
		  test_cached_pages_count_as_free },
		{ "lifo", test_lifo },
		{ "drain_before_failing", test_drain_before_failing },
		{ "thread_exit_drains", test_thread_exit_drains },
		{ "drain_other_threads", test_drain_other_threads },
		{ "reboot_forgets_cached_pages",
		  test_reboot_forgets_cached_pages },
		CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
		{ "page_pcp", NULL, NULL, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};

	return kshim_run_suites(suites, argc, argv);
}
