/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mmzone.h - nodes, zones and the buddy allocator's orders.
 *
 * Follows include/linux/mmzone.h of 6.8 for a 32-bit-style machine with
 * CONFIG_HIGHMEM: ZONE_DMA (below 16 MiB), ZONE_NORMAL (the rest of
 * lowmem), ZONE_HIGHMEM (above highstart_pfn); MAX_PAGE_ORDER 10, i.e.
 * orders 0..10 (4 MiB blocks).  Each node has its zones; page_zone() and
 * page_to_nid() follow the page's pfn.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/version.h>
#include <linux/numa.h>
#include <linux/nodemask.h>
#include <linux/page-flags.h>

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	ZONE_MOVABLE,
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES	__MAX_NR_ZONES

#define MAX_PAGE_ORDER		10
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES	(1 << MAX_PAGE_ORDER)
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
#define MAX_ORDER		11	/* exclusive, before 6.4 */
#endif
#define PAGE_ALLOC_COSTLY_ORDER	3

#define MAX_DMA_PFN	((16UL << 20) >> PAGE_SHIFT)

struct kshim_zone;

struct zone {
	const char *name;
	int node;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	struct kshim_zone *kshim;	/* allocator state */
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)		(node_data[nid])

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline bool is_highmem(const struct zone *zone)
{
	return zone->name && zone == &NODE_DATA(zone->node)->node_zones[ZONE_HIGHMEM];
}

/*
 * Also declared by page-flags.h, which may be mid-way through when an
 * include cycle (the 2.6.3x linux/sched.h) brings this header in.
 */
extern unsigned long highstart_pfn;

static inline enum zone_type page_zonenum(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	if (pfn >= highstart_pfn)
		return ZONE_HIGHMEM;
	return pfn < MAX_DMA_PFN ? ZONE_DMA : ZONE_NORMAL;
}

int page_to_nid(const struct page *page);
int pfn_to_nid(unsigned long pfn);

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

static inline bool zone_idx_is(const struct zone *zone, enum zone_type t)
{
	return zone == &NODE_DATA(zone->node)->node_zones[t];
}

#define numa_node_id()		0
#define numa_mem_id()		0

/* What the kernel's linux/mmzone.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/prandom.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_MMZONE_H */
