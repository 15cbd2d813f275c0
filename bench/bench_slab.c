/*
 * bench_slab - the costs of slab, vmalloc and RCU next to raw host
 * baselines, measured in the same run (issue 10's targets):
 *
 *   kmalloc(64) + kfree, every SLUB check on     vs malloc(64) + free, <= 2x
 *   the same with no poisoning (KSHIM_SLUB_DEBUG   vs malloc(64) + free, <= 1.2x
 *     without P) and init_on_free=0
 *   kmem_cache_alloc + kmem_cache_free (64 B)    vs kmalloc(64) + kfree, <= 1x
 *   vmalloc(64 KiB) + vfree                      vs mmap + munmap 64 KiB, <= 1.5x
 *   synchronize_rcu() with no reader             absolute, < 20 us
 *
 * Each time is the best of several rounds, the rounds of an operation and
 * of its baseline alternating.  A MISS is information, not a failure: the
 * exit status is 0 unless the machine cannot be booted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#include <kshim/boot.h>
#include <linux/gfp.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#define ROUNDS		7
#define SMALL_ITERS	1000000UL
#define VMALLOC_ITERS	5000UL
#define RCU_ITERS	2000UL
#define VSIZE		(64UL << 10)

static void *volatile sink_ptr;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double bench_malloc64(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < SMALL_ITERS; i++) {
		void *p = malloc(64);

		sink_ptr = p;		/* escapes: the pair cannot be elided */
		free(p);
	}
	return (now_ns() - t) / SMALL_ITERS;
}

static double bench_kmalloc64(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < SMALL_ITERS; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		sink_ptr = p;
		kfree(p);
	}
	return (now_ns() - t) / SMALL_ITERS;
}

static struct kmem_cache *cache64;

static double bench_cache64(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < SMALL_ITERS; i++) {
		void *p = kmem_cache_alloc(cache64, GFP_KERNEL);

		sink_ptr = p;
		kmem_cache_free(cache64, p);
	}
	return (now_ns() - t) / SMALL_ITERS;
}

static double bench_mmap64k(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < VMALLOC_ITERS; i++) {
		void *p = mmap(NULL, VSIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			abort();
		sink_ptr = p;
		munmap(p, VSIZE);
	}
	return (now_ns() - t) / VMALLOC_ITERS;
}

static double bench_vmalloc64k(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < VMALLOC_ITERS; i++) {
		void *p = vmalloc(VSIZE);

		if (!p)
			abort();
		sink_ptr = p;
		vfree(p);
	}
	return (now_ns() - t) / VMALLOC_ITERS;
}

static double bench_synchronize_rcu(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < RCU_ITERS; i++)
		synchronize_rcu();
	return (now_ns() - t) / RCU_ITERS;
}

static double min_d(double a, double b)
{
	return a < b ? a : b;
}

static int boot(const char *slub_debug)
{
	if (kshim_boot("KSHIM_RAM=256M", "KSHIM_HIGHMEM=64M", "KSHIM_NODES=1",
		       slub_debug, "KSHIM_INIT_ON_FREE=0", NULL)) {
		fprintf(stderr, "bench_slab: cannot boot with %s\n", slub_debug);
		return -1;
	}
	return 0;
}

static void row_ratio(const char *what, double ns, const char *base,
		      double base_ns, double target)
{
	double ratio = ns / base_ns;

	printf("%-34s %9.1f  %-26s %9.1f  %6.2fx  <= %.1fx   %s\n", what, ns,
	       base, base_ns, ratio, target, ratio <= target ? "PASS" : "MISS");
}

int main(void)
{
	double mal = 1e30, kdebug = 1e30, kfast = 1e30, cache = 1e30,
	       kdebug2 = 1e30, raw = 1e30, vm = 1e30, rcu = 1e30;
	int r;

	printf("kshim slab/vmalloc/RCU benchmarks (best of %d rounds; ns per operation pair)\n\n",
	       ROUNDS);
	for (r = 0; r < ROUNDS; r++) {
		mal = min_d(mal, bench_malloc64());
		/* The default: slub_debug=FZPU on every cache. */
		if (boot("KSHIM_SLUB_DEBUG=FZPU"))
			return 1;
		kdebug = min_d(kdebug, bench_kmalloc64());
		cache64 = kmem_cache_create("bench64", 64, 0, 0, NULL);
		if (!cache64)
			return 1;
		cache = min_d(cache, bench_cache64());
		kdebug2 = min_d(kdebug2, bench_kmalloc64());
		kmem_cache_destroy(cache64);
		raw = min_d(raw, bench_mmap64k());
		vm = min_d(vm, bench_vmalloc64k());
		rcu = min_d(rcu, bench_synchronize_rcu());
		/* Checks on, but no poison to write and compare. */
		if (boot("KSHIM_SLUB_DEBUG=FZU"))
			return 1;
		kfast = min_d(kfast, bench_kmalloc64());
	}

	printf("%-34s %9s  %-26s %9s  %7s  %-7s   %s\n", "kshim operation",
	       "ns/op", "host baseline", "ns/op", "ratio", "target", "result");
	row_ratio("kmalloc(64) + kfree", kdebug, "malloc(64) + free", mal, 2.0);
	row_ratio("  same, no poisoning (FZU)", kfast, "malloc(64) + free", mal,
		  1.2);
	row_ratio("kmem_cache_alloc + free (64 B)", cache,
		  "kmalloc(64) + kfree", min_d(kdebug, kdebug2), 1.0);
	row_ratio("vmalloc(64 KiB) + vfree", vm, "mmap + munmap 64 KiB", raw,
		  1.5);
	printf("%-34s %9.1f %-3s %-51s < 20000 ns  %s\n",
	       "synchronize_rcu(), no reader", rcu, "ns", "", rcu < 20000 ?
	       "PASS" : "MISS");
	return 0;
}
