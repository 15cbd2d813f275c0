/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/map_benchmark.h - the ioctl interface of the DMA map benchmark
 * (kernel/dma/map_benchmark.c, 6.1): the DMA_MAP_BENCHMARK command on
 * debugfs "dma_map_benchmark", its limits and the parameter block user
 * space passes in and reads results from (the layout is ABI: 6.1's).
 */
#ifndef _KERNEL_DMA_BENCHMARK_H
#define _KERNEL_DMA_BENCHMARK_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/time64.h>

#define DMA_MAP_BENCHMARK	_IOWR('d', 1, struct map_benchmark)
#define DMA_MAP_MAX_THREADS	1024
#define DMA_MAP_MAX_SECONDS	300
#define DMA_MAP_MAX_TRANS_DELAY	(10 * NSEC_PER_MSEC)

/* dma_dir: the direction each map/unmap pair uses */
#define DMA_MAP_BIDIRECTIONAL	0
#define DMA_MAP_TO_DEVICE	1
#define DMA_MAP_FROM_DEVICE	2

struct map_benchmark {
	__u64 avg_map_100ns;	/* mean map latency, 100 ns units (out) */
	__u64 map_stddev;	/* its standard deviation (out) */
	__u64 avg_unmap_100ns;	/* mean unmap latency (out) */
	__u64 unmap_stddev;
	__u32 threads;		/* kthreads mapping in parallel */
	__u32 seconds;		/* how long they run */
	__s32 node;		/* NUMA node of the threads, or -1 */
	__u32 dma_bits;		/* the device's DMA mask width */
	__u32 dma_dir;		/* DMA_MAP_* above */
	__u32 dma_trans_ns;	/* simulated transfer time between the two */
	__u32 granule;		/* pages per mapping */
	__u8 expansion[76];	/* reserved, must be zero */
};

#endif /* _KERNEL_DMA_BENCHMARK_H */
