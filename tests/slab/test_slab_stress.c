/*
 * test_slab_stress - kmalloc()/kfree() and a kmem cache used at once on
 * every simulated CPU, in task context and in hardirq context (remote
 * calls run as interrupts on CPUs 1..), objects passed between CPUs:
 * no report, every object intact, and (--enable-tsan) no data race.
 */
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/smp.h>

#define ROUNDS 200
#define PER_CALL 16

static struct kmem_cache *cache;

struct work_arg {
	int bad;
};

static void churn(int seed, int *bad)
{
	unsigned char *p[PER_CALL];
	int i;

	for (i = 0; i < PER_CALL; i++) {
		size_t n = 1 + (seed * 31 + i * 97) % 3000;

		p[i] = i & 1 ? kmalloc(n, GFP_ATOMIC) :
			       kmem_cache_alloc(cache, GFP_ATOMIC);
		if (!p[i]) {
			(*bad)++;
			continue;
		}
		memset(p[i], i, i & 1 ? n : 100);
	}
	for (i = 0; i < PER_CALL; i++) {
		if (!p[i])
			continue;
		if (p[i][0] != i)
			(*bad)++;
		if (i & 1)
			kfree(p[i]);
		else
			kmem_cache_free(cache, p[i]);
	}
}

static void irq_churn(void *info)
{
	struct work_arg *w = info;
	int bad = 0;

	churn(smp_processor_id(), &bad);
	__atomic_fetch_add(&w->bad, bad, __ATOMIC_RELAXED);
}

static void test_all_cpus_and_irqs(void)
{
	struct work_arg w = { 0 };
	int r, bad = 0;

	cache = kmem_cache_create("stress", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cache);
	for (r = 0; r < ROUNDS; r++) {
		/* the other CPUs, in hardirq, while this one churns too */
		smp_call_function(irq_churn, &w, 0);
		churn(r, &bad);
		smp_call_function(irq_churn, &w, 1);
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(__atomic_load_n(&w.bad, __ATOMIC_RELAXED), 0);
	kmem_cache_destroy(cache);
}

static void *handoff[64];

static void irq_free(void *info)
{
	int cpu = smp_processor_id();

	kfree(handoff[cpu]);
	handoff[cpu] = NULL;
}

static void test_free_on_other_cpu(void)
{
	int r, cpu;

	for (r = 0; r < 50; r++) {
		for (cpu = 1; cpu < (int)num_online_cpus(); cpu++)
			handoff[cpu] = kzalloc(200, GFP_KERNEL);
		smp_call_function(irq_free, NULL, 1);
		for (cpu = 1; cpu < (int)num_online_cpus(); cpu++)
			CU_ASSERT_PTR_NULL(handoff[cpu]);
	}
}

static CU_TestInfo stress_tests[] = {
	{ "all_cpus_and_irqs", test_all_cpus_and_irqs },
	{ "free_on_other_cpu", test_free_on_other_cpu },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "stress", NULL, NULL, NULL, NULL, stress_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
