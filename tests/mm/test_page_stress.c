/*
 * test_page_stress - struct page under real concurrency, for TSan and
 * helgrind: the buddy allocator (mm/page_alloc.c of 6.8), the refcount
 * handoff of get_page()/put_page() (include/linux/mm.h: whoever drops the
 * last reference frees the page) and the page lock (mm/filemap.c: one
 * thread locks, another unlocks, sleepers wake).
 *
 * Invariants checked:
 *  - no page is handed out twice at once: every thread stamps each page it
 *    holds with its own id and finds its stamp intact later;
 *  - a page shared by references stays intact until its last put;
 *  - the page lock excludes: a "holder" slot, written only under the lock,
 *    never shows another holder;
 *  - counts balance: every reference taken is dropped exactly once, every
 *    lock handed off is unlocked, and the harness's ledger sees the pages
 *    allocated return to zero.
 * Threads count their failures; the main thread asserts (CUnit is not
 * thread-safe).  Iterations shrink under valgrind.
 *
 * The drops of shared references race for real in every build, helgrind
 * included: it reports nothing on them (make check-valgrind-helgrind);
 * were it to, put_page() would need happens-before annotations, not a
 * lock in the test.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pagemap.h>

#define NR_THREADS	4
#define ITERS		3000	/* per thread; RUNNING_ON_VALGRIND: / 30 */
#define MAX_ORDER_USED	3
#define NR_LOCK_PAGES	3
#define RING_SIZE	64	/* outstanding shared references */
#define NR_SHARE	2	/* references handed to other threads */

struct ticket {
	struct page *page;
	unsigned long stamp;
};

struct handoff {
	struct page *page;
	int locker;		/* 1 + id of the thread that locked it */
	int idx;
};

struct stress {
	pthread_mutex_t lock;	/* guards everything below but holder[] */
	pthread_cond_t queued;	/* handoff queue grew, or a worker left */
	struct ticket ring[RING_SIZE];
	unsigned int ring_head, ring_len;
	struct handoff queue[NR_LOCK_PAGES];
	unsigned int queue_len;
	int workers_left;
	long tickets_pushed, tickets_popped;

	struct page *lock_pages[NR_LOCK_PAGES];
	/* Written only by the page-lock holder: plain ints on purpose. */
	int holder[NR_LOCK_PAGES];
	unsigned int iters;
};

struct worker {
	struct stress *s;
	int id;
	unsigned long rng;
	long allocs, gets, puts, locks, handoffs, unlocks;
	long bad_stamp, bad_zero, bad_holder, alloc_failed;
};

static unsigned long rnd(struct worker *w)
{
	/* xorshift64 */
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return w->rng;
}

static unsigned long *word(struct page *page, unsigned long i, bool last)
{
	char *p = page_address(page + i);

	return (unsigned long *)(p + (last ? PAGE_SIZE - sizeof(long) : 0));
}

static void stamp_block(struct page *page, unsigned int order,
			unsigned long stamp)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		*word(page, i, false) = stamp;
		*word(page, i, true) = stamp;
	}
}

static bool block_has(struct page *page, unsigned int order,
		      unsigned long stamp)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		if (*word(page, i, false) != stamp ||
		    *word(page, i, true) != stamp)
			return false;
	return true;
}

static unsigned long make_stamp(struct worker *w, unsigned long n)
{
	return (unsigned long)(w->id + 1) << 48 | n;
}

/* A block of my own: nobody else may hold any of its pages meanwhile. */
static void private_block(struct worker *w, unsigned long n)
{
	unsigned int order = rnd(w) % (MAX_ORDER_USED + 1);
	gfp_t gfp = GFP_KERNEL;
	struct page *page;

	if (rnd(w) & 1)
		gfp |= __GFP_COMP;
	if (n % 3 == 0)
		gfp |= __GFP_ZERO;
	page = alloc_pages(gfp, order);
	if (!page) {
		w->alloc_failed++;
		return;
	}
	w->allocs++;
	if ((gfp & __GFP_ZERO) && !block_has(page, order, 0))
		w->bad_zero++;
	stamp_block(page, order, make_stamp(w, n));
	sched_yield();
	if (!block_has(page, order, make_stamp(w, n)))
		w->bad_stamp++;
	__free_pages(page, order);
}

/* put_page() of a page others hold references to. */
static void put_shared(struct stress *s, struct page *page)
{
	put_page(page);		/* maybe the last one: frees */
}

/* Take up to two references others published, check, drop them. */
static void consume_refs(struct worker *w)
{
	struct stress *s = w->s;
	struct ticket t[2];
	unsigned int n = 0, i;

	pthread_mutex_lock(&s->lock);
	while (n < 2 && s->ring_len) {
		t[n++] = s->ring[s->ring_head];
		s->ring_head = (s->ring_head + 1) % RING_SIZE;
		s->ring_len--;
		s->tickets_popped++;
	}
	pthread_mutex_unlock(&s->lock);
	for (i = 0; i < n; i++) {
		/* A reference keeps the page: the stamp is still there. */
		if (*word(compound_head(t[i].page), 0, false) != t[i].stamp)
			w->bad_stamp++;
		put_shared(s, t[i].page);
		w->puts++;
	}
}

/* Publish a page with NR_SHARE extra references, then drop mine. */
static void share_page(struct worker *w, unsigned long n)
{
	struct stress *s = w->s;
	unsigned int order = rnd(w) & 1, i;
	unsigned long stamp = make_stamp(w, n);
	struct page *page;

	page = alloc_pages(GFP_KERNEL | (order ? __GFP_COMP : 0), order);
	if (!page) {
		w->alloc_failed++;
		return;
	}
	w->allocs++;
	stamp_block(page, order, stamp);
	pthread_mutex_lock(&s->lock);
	if (s->ring_len + NR_SHARE <= RING_SIZE) {
		for (i = 0; i < NR_SHARE; i++) {
			/* A tail page of a compound page refers to the head. */
			struct ticket *t = &s->ring[(s->ring_head +
						     s->ring_len) % RING_SIZE];

			t->page = page + (order ? i % 2 : 0);
			t->stamp = stamp;
			get_page(t->page);
			w->gets++;
			s->ring_len++;
			s->tickets_pushed++;
		}
	}
	pthread_mutex_unlock(&s->lock);
	if (!block_has(compound_head(page), 0, stamp))
		w->bad_stamp++;
	/* The allocation's reference: the last one when nothing was published. */
	put_shared(s, page);
}

/* The page lock: lock (blocking, or try then wait), check, hand off. */
static void lock_round(struct worker *w)
{
	struct stress *s = w->s;
	int idx = rnd(w) % NR_LOCK_PAGES;
	struct page *page = s->lock_pages[idx];
	unsigned long r = rnd(w);

	if (r & 1) {
		lock_page(page);
	} else if (!trylock_page(page)) {
		/* Busy: wait for it to be unlocked, and take nothing. */
		wait_on_page_locked(page);
		return;
	}
	w->locks++;
	if (s->holder[idx])
		w->bad_holder++;
	s->holder[idx] = w->id + 1;
	*word(page, 0, false) = w->id;
	sched_yield();
	if (s->holder[idx] != w->id + 1 || *word(page, 0, false) != w->id)
		w->bad_holder++;
	if (r & 2) {
		s->holder[idx] = 0;
		unlock_page(page);
		w->unlocks++;
		return;
	}
	/* Leave it locked; the unlocker thread unlocks it for me. */
	pthread_mutex_lock(&s->lock);
	s->queue[s->queue_len].page = page;
	s->queue[s->queue_len].locker = w->id + 1;
	s->queue[s->queue_len].idx = idx;
	s->queue_len++;
	w->handoffs++;
	pthread_cond_signal(&s->queued);
	pthread_mutex_unlock(&s->lock);
}

static void *worker_thread(void *arg)
{
	struct worker *w = arg;
	struct stress *s = w->s;
	unsigned long n;

	for (n = 1; n <= s->iters; n++) {
		private_block(w, n);
		share_page(w, n);
		consume_refs(w);
		lock_round(w);
	}
	pthread_mutex_lock(&s->lock);
	s->workers_left--;
	pthread_cond_broadcast(&s->queued);
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

/* Unlocks pages that other threads locked, until the workers are done. */
static void *unlocker_thread(void *arg)
{
	struct worker *w = arg;
	struct stress *s = w->s;
	struct handoff h;

	for (;;) {
		pthread_mutex_lock(&s->lock);
		while (!s->queue_len && s->workers_left)
			pthread_cond_wait(&s->queued, &s->lock);
		if (!s->queue_len) {
			pthread_mutex_unlock(&s->lock);
			break;
		}
		h = s->queue[--s->queue_len];
		pthread_mutex_unlock(&s->lock);

		/* Still locked, still the locker's. */
		if (!PageLocked(h.page) || s->holder[h.idx] != h.locker ||
		    *word(h.page, 0, false) != h.locker - 1)
			w->bad_holder++;
		s->holder[h.idx] = 0;
		unlock_page(h.page);
		w->unlocks++;
	}
	return NULL;
}

static void test_page_stress(void)
{
	struct stress *s = calloc(1, sizeof(*s));
	struct worker w[NR_THREADS + 1];
	pthread_t t[NR_THREADS + 1];
	long locks = 0, handoffs = 0, unlocks = 0, nget = 0, nput = 0;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->queued, NULL);
	s->iters = RUNNING_ON_VALGRIND ? ITERS / 30 : ITERS;
	s->workers_left = NR_THREADS;
	for (i = 0; i < NR_LOCK_PAGES; i++) {
		s->lock_pages[i] = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(s->lock_pages[i]);
	}

	memset(w, 0, sizeof(w));
	for (i = 0; i <= NR_THREADS; i++) {
		w[i].s = s;
		w[i].id = i;
		w[i].rng = 0x9e3779b97f4a7c15UL * (i + 1);
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL,
				i < NR_THREADS ? worker_thread :
						 unlocker_thread,
				&w[i]), 0);
	}
	for (i = 0; i <= NR_THREADS; i++)
		CU_ASSERT_EQUAL(pthread_join(t[i], NULL), 0);

	/* References nobody consumed: drop them here. */
	while (s->ring_len) {
		put_page(s->ring[s->ring_head].page);
		s->ring_head = (s->ring_head + 1) % RING_SIZE;
		s->ring_len--;
		s->tickets_popped++;
		nput++;
	}

	for (i = 0; i <= NR_THREADS; i++) {
		CU_ASSERT_EQUAL(w[i].bad_stamp, 0);
		CU_ASSERT_EQUAL(w[i].bad_zero, 0);
		CU_ASSERT_EQUAL(w[i].bad_holder, 0);
		CU_ASSERT_EQUAL(w[i].alloc_failed, 0);
		CU_ASSERT_EQUAL(w[i].allocs, i < NR_THREADS ? 2 * s->iters : 0);
		locks += w[i].locks;
		handoffs += w[i].handoffs;
		unlocks += w[i].unlocks;
		nget += w[i].gets;
		nput += w[i].puts;
	}
	CU_ASSERT_EQUAL(s->queue_len, 0);
	CU_ASSERT_EQUAL(s->tickets_pushed, s->tickets_popped);
	CU_ASSERT_EQUAL(nget, nput);		/* every reference dropped */
	CU_ASSERT_EQUAL(locks, unlocks);	/* every lock released ... */
	CU_ASSERT_TRUE(locks > 0);
	CU_ASSERT_TRUE(handoffs > 0);		/* ... some by another thread */
	CU_ASSERT_TRUE(nget > 0);
	for (i = 0; i < NR_LOCK_PAGES; i++) {
		CU_ASSERT_FALSE(PageLocked(s->lock_pages[i]));
		CU_ASSERT_FALSE(PageWaiters(s->lock_pages[i]));
		CU_ASSERT_EQUAL(page_count(s->lock_pages[i]), 1);
		__free_page(s->lock_pages[i]);
	}
	pthread_cond_destroy(&s->queued);
	pthread_mutex_destroy(&s->lock);
	free(s);
	/* The harness's ledger checks that pages allocated is back to 0. */
}

int main(int argc, char **argv)
{
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("test_page_stress", NULL, NULL);
	if (!s || !CU_ADD_TEST(s, test_page_stress))
		return 99;
	return kshim_run_tests(argc, argv);
}
