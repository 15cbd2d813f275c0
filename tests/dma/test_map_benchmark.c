/*
 * test_map_benchmark - Linux 6.1's own kernel/dma/map_benchmark.c,
 * compiled unmodified as kernel code from the tree given to configure
 * --with-linux-source: the module registers its platform and PCI drivers,
 * binds to a platform device named "dma_map_benchmark", creates its
 * debugfs file, and a process's DMA_MAP_BENCHMARK ioctl starts kthreads
 * that map and unmap pages with dma_map_single() for a second, under
 * kshim's DMA-API debug checks and bounce buffers.  It must bind, run,
 * report statistics, refuse bad parameters with -EINVAL as 6.1 does, and
 * leave nothing behind (no DMA mapping, no page, no debugfs file).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/platform_device.h>
#include <linux/map_benchmark.h>
#include <linux/dma-mapping.h>

struct bench_env {
	struct platform_device *pdev;
	struct kshim_proc *proc;
	long ubuf;
	int fd;
};

static void bench_setup(struct bench_env *e)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("map_benchmark", NULL), 0);
	e->pdev = platform_device_register_simple("dma_map_benchmark", -1,
						  NULL, 0);
	CU_ASSERT_FATAL(!IS_ERR(e->pdev));
	/* the module's probe bound it */
	CU_ASSERT_PTR_NOT_NULL_FATAL(e->pdev->dev.driver);
	CU_ASSERT_STRING_EQUAL(e->pdev->dev.driver->name, "dma_map_benchmark");
	e->proc = kshim_proc_create("dma_map_bench");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e->proc);
	e->fd = kshim_open(e->proc, "/sys/kernel/debug/dma_map_benchmark",
			   O_RDWR);
	CU_ASSERT_FATAL(e->fd >= 0);
	e->ubuf = kshim_user_alloc(e->proc, sizeof(struct map_benchmark));
	CU_ASSERT_FATAL(e->ubuf > 0);
}

static void bench_teardown(struct bench_env *e)
{
	CU_ASSERT_EQUAL(kshim_close(e->proc, e->fd), 0);
	kshim_proc_exit(e->proc);
	platform_device_unregister(e->pdev);
	CU_ASSERT_EQUAL(kshim_module_unload("map_benchmark"), 0);
	CU_ASSERT_FALSE(kshim_dmesg_contains("dma_map_single failed"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("create dma_map thread failed"));
}

static long run_bench(struct bench_env *e, struct map_benchmark *mb)
{
	long ret;

	CU_ASSERT_EQUAL_FATAL(kshim_user_write(e->proc, e->ubuf, mb,
					       sizeof(*mb)), 0);
	ret = kshim_ioctl(e->proc, e->fd, DMA_MAP_BENCHMARK, e->ubuf);
	CU_ASSERT_EQUAL_FATAL(kshim_user_read(e->proc, e->ubuf, mb,
					      sizeof(*mb)), 0);
	return ret;
}

static void test_map_benchmark_runs(void)
{
	struct bench_env e;
	struct map_benchmark mb;

	bench_setup(&e);
	memset(&mb, 0, sizeof(mb));
	mb.threads = 2;
	mb.seconds = 1;
	mb.node = NUMA_NO_NODE;
	mb.dma_bits = 32;
	mb.dma_dir = DMA_MAP_BIDIRECTIONAL;
	mb.granule = 2;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), 0);
	/* the parameters come back as given, with the statistics */
	CU_ASSERT_EQUAL(mb.threads, 2);
	CU_ASSERT_EQUAL(mb.granule, 2);
	fprintf(stderr, "map %llu/%llu unmap %llu/%llu (100 ns)\n",
		(unsigned long long)mb.avg_map_100ns,
		(unsigned long long)mb.map_stddev,
		(unsigned long long)mb.avg_unmap_100ns,
		(unsigned long long)mb.unmap_stddev);
	/* the device's own mask is back */
	CU_ASSERT_EQUAL(dma_get_mask(&e.pdev->dev), DMA_BIT_MASK(32));
	CU_ASSERT_FALSE(kshim_dmesg_contains("dma_map_single failed"));

	/* a DMA-only direction, a 64-bit mask, one thread */
	mb.threads = 1;
	mb.dma_bits = 64;
	mb.dma_dir = DMA_MAP_FROM_DEVICE;
	mb.granule = 1;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), 0);
	bench_teardown(&e);
}

static void test_map_benchmark_refuses(void)
{
	struct bench_env e;
	struct map_benchmark mb;

	bench_setup(&e);
	memset(&mb, 0, sizeof(mb));
	mb.seconds = 1;
	mb.node = NUMA_NO_NODE;
	mb.dma_bits = 32;
	mb.granule = 1;
	/* no threads */
	mb.threads = 0;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("invalid thread number\n"));
	/* no time to run */
	mb.threads = 1;
	mb.seconds = 0;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("invalid duration seconds\n"));
	mb.seconds = 1;
	/* no pages */
	mb.granule = 0;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("invalid granule size\n"));
	mb.granule = 1;
	/* a mask the direct mapping cannot serve (below 24 bits) */
	mb.dma_bits = 20;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"failed to set dma_mask on device dma_map_benchmark\n"));
	/* a direction that does not exist */
	mb.dma_bits = 32;
	mb.dma_dir = 7;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("invalid DMA direction\n"));
	/* a node the machine does not have */
	mb.dma_dir = DMA_MAP_TO_DEVICE;
	mb.node = 7;
	CU_ASSERT_EQUAL(run_bench(&e, &mb), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("invalid numa node\n"));
	/* an unknown command is not the driver's */
	CU_ASSERT_EQUAL(kshim_ioctl(e.proc, e.fd, _IO('d', 9), e.ubuf), -EINVAL);
	bench_teardown(&e);
}

static CU_TestInfo tests[] = {
	{ "runs", test_map_benchmark_runs },
	{ "refuses bad parameters", test_map_benchmark_refuses },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "map_benchmark", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
