/*
 * test_mempool_stress - a mempool under real concurrency, for TSan and
 * helgrind: several tasks (threads of the test, CPU 0) allocate with
 * GFP_KERNEL and free, and interrupt handlers on CPUs 1.. (remote
 * smp_call_function_single()) allocate with GFP_ATOMIC, while the slab
 * allocator underneath fails 9 times in 10 (failslab), so the reserve is
 * emptied, refilled and waited for all the time.
 *
 * Invariants checked:
 *  - no element is handed out twice at once: each user stamps its element
 *    with its own id and finds the stamp intact before freeing it;
 *  - GFP_KERNEL never gets NULL (it waits instead); GFP_ATOMIC may;
 *  - no report: the poison check of every element taken from the reserve
 *    finds it untouched while it rested;
 *  - at the end the reserve is full again and the ledger balances.
 * With one reserved element, four tasks and the allocator failing 90 %,
 * tasks wait in mempool_alloc() for each other's mempool_free() about a
 * thousand times a run.  Each task holds at most one element at a time
 * and never blocks while holding one, so a waiting task is always woken.
 * Workers count their failures; the main thread asserts.
 */
#include <pthread.h>
#include <sched.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mempool.h>
#include <linux/slab.h>
#include <linux/smp.h>

#define NR_THREADS	4
#define MIN_NR		1
#define ELEM_SIZE	64
#define ITERS		2000	/* per thread; RUNNING_ON_VALGRIND: / 20 */

struct stamp {
	unsigned long owner;
	unsigned long iter;
};

struct worker {
	mempool_t *pool;
	int id;
	/* the interrupt's handler is done: see irq_sync[] */
	pthread_mutex_t *lock;
	pthread_cond_t *cond;
	int irq_done;
	unsigned int iters;
	long allocs, irq_allocs, irq_nulls;
	long bad_stamp, kernel_nulls;
};

/* Stamp, let others run, check: the element is ours alone. */
static bool use_element(void *e, unsigned long owner, unsigned long iter)
{
	struct stamp *s = e;
	bool ok;

	s->owner = owner;
	s->iter = iter;
	memset(s + 1, (int)owner, ELEM_SIZE - sizeof(*s));
	sched_yield();
	ok = s->owner == owner && s->iter == iter &&
	     ((unsigned char *)e)[ELEM_SIZE - 1] == (unsigned char)owner;
	return ok;
}

/*
 * Never destroyed: helgrind flags pthread_mutex_destroy() after another
 * thread's unlock as a race (glibc's unlock stores to the mutex after
 * releasing it), even after a join.
 */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
} irq_sync[NR_THREADS] = {
	[0 ... NR_THREADS - 1] = {
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER
	},
};

struct irq_req {
	struct worker *w;
	unsigned long iter;
};

/* A hardirq on another CPU: GFP_ATOMIC, may get NULL. */
static void irq_use(void *arg)
{
	struct irq_req *r = arg;
	struct worker *w = r->w;
	void *e = mempool_alloc(w->pool, GFP_ATOMIC);

	if (!e) {
		w->irq_nulls++;
	} else {
		w->irq_allocs++;
		if (!use_element(e, 100 + w->id, r->iter))
			w->bad_stamp++;
		mempool_free(e, w->pool);
	}
	pthread_mutex_lock(w->lock);
	w->irq_done = 1;
	pthread_cond_signal(w->cond);
	pthread_mutex_unlock(w->lock);
}

static void *worker_fn(void *arg)
{
	struct worker *w = arg;
	unsigned int i;

	for (i = 0; i < w->iters; i++) {
		void *e;

		if (i % 8 == 7) {
			struct irq_req r = { w, i };

			/*
			 * wait=0 and our own handshake: helgrind flags
			 * smp.c's on-stack wait, destroyed just after the
			 * remote CPU's unlock (see irq_sync[]).
			 */
			smp_call_function_single(1 + w->id % 3, irq_use, &r, 0);
			pthread_mutex_lock(w->lock);
			while (!w->irq_done)
				pthread_cond_wait(w->cond, w->lock);
			w->irq_done = 0;
			pthread_mutex_unlock(w->lock);
			continue;
		}
		e = mempool_alloc(w->pool, GFP_KERNEL);
		if (!e) {
			w->kernel_nulls++;
			continue;
		}
		w->allocs++;
		if (!use_element(e, 1 + w->id, i))
			w->bad_stamp++;
		mempool_free(e, w->pool);
	}
	return NULL;
}

static void nothing(void *arg)
{
}

static void run_stress(mempool_t *pool)
{
	struct worker w[NR_THREADS];
	pthread_t t[NR_THREADS];
	unsigned int iters = RUNNING_ON_VALGRIND ? ITERS / 20 : ITERS;
	long allocs = 0, irq_allocs = 0;
	int i;

	CU_ASSERT_EQUAL_FATAL(
		kshim_failslab_set("site=test_mempool_stress.c,probability=90%,seed=7"),
		0);
	/*
	 * Start the CPU threads from here first: kshim_cpu_kick() reads
	 * kshim_cpus[].started without a lock, which TSan reports when
	 * two threads kick a CPU for the first time together (a kshim
	 * race in compat/kernel/cpu.c, not the pool's).
	 */
	on_each_cpu(nothing, NULL, 1);
	memset(w, 0, sizeof(w));
	for (i = 0; i < NR_THREADS; i++) {
		w[i].pool = pool;
		w[i].id = i;
		w[i].iters = iters;
		w[i].lock = &irq_sync[i].lock;
		w[i].cond = &irq_sync[i].cond;
		CU_ASSERT_EQUAL_FATAL(
			pthread_create(&t[i], NULL, worker_fn, &w[i]), 0);
	}
	for (i = 0; i < NR_THREADS; i++) {
		CU_ASSERT_EQUAL(pthread_join(t[i], NULL), 0);
		CU_ASSERT_EQUAL(w[i].bad_stamp, 0);
		CU_ASSERT_EQUAL(w[i].kernel_nulls, 0);
		allocs += w[i].allocs;
		irq_allocs += w[i].irq_allocs;
	}
	kshim_failslab_clear();
	CU_ASSERT_EQUAL(allocs, (long)NR_THREADS * (iters - iters / 8));
	CU_ASSERT_TRUE(irq_allocs > 0);
	CU_ASSERT_TRUE(kshim_failslab_injected() > 0);
	CU_ASSERT_EQUAL(pool->curr_nr, MIN_NR);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kmalloc_pool_stress(void)
{
	mempool_t *pool = mempool_create_kmalloc_pool(MIN_NR, ELEM_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	run_stress(pool);
	mempool_destroy(pool);
}

static void test_slab_pool_stress(void)
{
	struct kmem_cache *cache = kmem_cache_create("mempool_stress",
						     ELEM_SIZE, 0, 0, NULL);
	mempool_t *pool;

	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	pool = mempool_create_slab_pool(MIN_NR, cache);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	run_stress(pool);
	mempool_destroy(pool);
	kmem_cache_destroy(cache);
}

static CU_TestInfo stress_tests[] = {
	{ "kmalloc_pool", test_kmalloc_pool_stress },
	{ "slab_pool", test_slab_pool_stress },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "stress", NULL, NULL, NULL, NULL, stress_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
