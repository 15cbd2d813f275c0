// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/mm_init.c - the simulated machine's memory at boot.
 *
 * Plays mm/mm_init.c + the x86-32 setup code: RAM (KSHIM_RAM) starts at
 * physical 1 MiB and is split over KSHIM_NODES nodes with a 64 MiB hole
 * between them; the top KSHIM_HIGHMEM bytes are highmem, from
 * highstart_pfn up.  Zones per node: DMA below 16 MiB, NORMAL up to
 * highstart_pfn, HIGHMEM above.  Lowmem is mapped once at
 * page_offset_base (the direct map); highmem is not mapped at all.  The
 * struct page array and every other per-frame table are sparse: boot
 * costs the same for 256 MiB and for 64 GiB until pages are used.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/mm.h>

#include "kshim/internal.h"
#include "arch/physmem.h"
#include "arch/poison.h"
#include "mm/internal.h"

#define RAM_START_PFN	((1UL << 20) >> PAGE_SHIFT)	/* 1 MiB */
#define NODE_HOLE_PAGES	((64UL << 20) >> PAGE_SHIFT)	/* between nodes */
#define SIZE_UNIT	((unsigned long long)PAGE_SIZE << MAX_PAGE_ORDER)
#define RAM_MIN		(32ULL << 20)
#define RAM_MAX		(1ULL << 40)
#define LOWMEM_MIN	(32ULL << 20)

unsigned long page_offset_base;
struct page *vmemmap_base;
unsigned long highstart_pfn;
unsigned long max_pfn;
unsigned long min_low_pfn;
struct pglist_data *node_data[MAX_NUMNODES];
int nr_node_ids;

static struct pglist_data nodes[MAX_NUMNODES];
static unsigned long node_file_pfn[MAX_NUMNODES];	/* RAM offset */
static void *direct_map, *backdoor;
static size_t direct_map_len, backdoor_len, vmemmap_len;

static const char *const zone_names[MAX_NR_ZONES] = {
	"DMA", "Normal", "HighMem", "Movable",
};

/* ---- settings ---- */

/*
 * A size as the kernel's memparse() reads it (a number, 0x/0 prefixes, an
 * optional K/M/G/T/P/E suffix), refusing what it would silently wrap: a
 * number or a suffix shift beyond 64 bits.
 */
static int parse_size(const char *val, unsigned long long *res)
{
	static const char units[] = "KMGTPE";
	const char *unit;
	unsigned long long v;
	unsigned int shift = 0;
	char *end;

	if (!isdigit((unsigned char)*val))
		return -EINVAL;
	errno = 0;
	v = strtoull(val, &end, 0);
	if (errno)
		return -EINVAL;
	if (*end) {
		unit = strchr(units, toupper((unsigned char)*end));
		if (!unit || end[1])
			return -EINVAL;
		shift = 10 * (unit - units + 1);
	}
	if (v > (ULLONG_MAX >> shift))
		return -EINVAL;
	*res = v << shift;
	return 0;
}

int kshim_parse_ram(const char *val, struct kshim_config *c)
{
	return parse_size(val, &c->ram);
}

int kshim_parse_highmem(const char *val, struct kshim_config *c)
{
	return parse_size(val, &c->highmem);
}

int kshim_parse_nodes(const char *val, struct kshim_config *c)
{
	return kshim_parse_uint(val, MAX_NUMNODES, &c->nodes) || !c->nodes ?
	       -EINVAL : 0;
}

/* The settings together must describe a machine. */
int kshim_mm_check_config(const struct kshim_config *c)
{
	unsigned long long per_node;

	if (c->ram < RAM_MIN || c->ram > RAM_MAX || c->ram % SIZE_UNIT) {
		fprintf(stderr,
			"kshim: invalid KSHIM_RAM=%llu bytes: must be a multiple of 4M from 32M to 1T\n",
			c->ram);
		return -EINVAL;
	}
	per_node = c->ram / c->nodes;
	if (c->ram % c->nodes || per_node % SIZE_UNIT) {
		fprintf(stderr,
			"kshim: invalid KSHIM_NODES=%u for KSHIM_RAM=%lluM: each node must get a multiple of 4M\n",
			c->nodes, c->ram >> 20);
		return -EINVAL;
	}
	if (c->highmem % SIZE_UNIT || c->highmem > c->ram - LOWMEM_MIN) {
		char size[32];

		fprintf(stderr,
			"kshim: invalid KSHIM_HIGHMEM=%s for KSHIM_RAM=%lluM: must be a multiple of 4M leaving at least 32M of lowmem\n",
			kshim_show_size(c->highmem, size, sizeof(size)),
			c->ram >> 20);
		return -EINVAL;
	}
	return 0;
}

const char *kshim_show_size(unsigned long long bytes, char *buf, size_t len)
{
	if (bytes && !(bytes % (1ULL << 30)))
		snprintf(buf, len, "%lluG", bytes >> 30);
	else if (!(bytes % (1ULL << 20)))
		snprintf(buf, len, "%lluM", bytes >> 20);
	else
		snprintf(buf, len, "%llu", bytes);	/* as given, in bytes */
	return buf;
}

/* ---- layout ---- */

int pfn_valid(unsigned long pfn)
{
	int nid;

	for (nid = 0; nid < nr_node_ids; nid++)
		if (pfn >= nodes[nid].node_start_pfn &&
		    pfn < nodes[nid].node_start_pfn +
			  nodes[nid].node_spanned_pages)
			return 1;
	return 0;
}

int pfn_to_nid(unsigned long pfn)
{
	int nid;

	for (nid = nr_node_ids - 1; nid > 0; nid--)
		if (pfn >= nodes[nid].node_start_pfn)
			break;
	return nid;
}

int page_to_nid(const struct page *page)
{
	return pfn_to_nid(page_to_pfn(page));
}

bool __virt_addr_valid(unsigned long kaddr)
{
	unsigned long pfn;

	if (!direct_map || kaddr < PAGE_OFFSET ||
	    kaddr - PAGE_OFFSET >= direct_map_len)
		return false;
	pfn = (kaddr - PAGE_OFFSET) >> PAGE_SHIFT;
	return pfn < highstart_pfn && pfn_valid(pfn);
}

off_t kshim_pfn_ram_offset(unsigned long pfn)
{
	int nid = pfn_to_nid(pfn);

	return (off_t)(node_file_pfn[nid] + pfn - nodes[nid].node_start_pfn)
	       << PAGE_SHIFT;
}

void *kshim_pfn_backdoor(unsigned long pfn)
{
	int nid = pfn_to_nid(pfn);
	unsigned long off = node_file_pfn[nid] + pfn -
			    nodes[nid].node_start_pfn;
	unsigned long end = node_file_pfn[nid] +
			    nodes[nid].node_spanned_pages;
	void *va = (char *)backdoor + (off << PAGE_SHIFT);

	/* Callers use up to one largest block from @pfn. */
	arch_private_view_open(va, min(end - off,
				       (unsigned long)MAX_ORDER_NR_PAGES)
				   << PAGE_SHIFT);
	return va;
}

static void init_node(int nid, unsigned long start, unsigned long pages)
{
	struct pglist_data *pgdat = &nodes[nid];
	unsigned long end = start + pages;
	unsigned long bounds[MAX_NR_ZONES + 1] = {
		0, MAX_DMA_PFN, highstart_pfn, end, end,
	};
	int z;

	memset(pgdat, 0, sizeof(*pgdat));
	pgdat->node_id = nid;
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = pages;
	pgdat->node_present_pages = pages;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		unsigned long zs = max(start, bounds[z]);
		unsigned long ze = min(end, bounds[z + 1]);

		zone->name = zone_names[z];
		zone->node = nid;
		if (z == ZONE_MOVABLE || ze <= zs) {
			zone->zone_start_pfn = z == ZONE_MOVABLE ? end : zs;
			continue;
		}
		zone->zone_start_pfn = zs;
		zone->spanned_pages = ze - zs;
		zone->present_pages = ze - zs;
		pgdat->nr_zones = z + 1;
	}
	node_data[nid] = pgdat;
}

/* Tell valgrind what nobody may touch yet (after each (re)mapping). */
static void hide_unused_ram(void)
{
	int nid;

	arch_poison_private_view(backdoor, backdoor_len);
	if (kshim_pages_allocated())
		return;		/* pages handed out before the fork stay usable */
	for (nid = 0; nid < nr_node_ids; nid++) {
		unsigned long s = nodes[nid].node_start_pfn;
		unsigned long e = min(s + nodes[nid].node_spanned_pages,
				      highstart_pfn);

		if (e > s)
			arch_poison_unused_ram(__va(s << PAGE_SHIFT),
					       (e - s) << PAGE_SHIFT);
	}
}

void kshim_mm_init(void)
{
	const struct kshim_config *c = &kshim_config;
	unsigned long per_node = (c->ram / c->nodes) >> PAGE_SHIFT;
	unsigned long lowmem = (c->ram - c->highmem) >> PAGE_SHIFT;
	unsigned long pfn = RAM_START_PFN;
	unsigned int nid;
	int z;

	nr_node_ids = c->nodes;
	min_low_pfn = RAM_START_PFN;
	/* highstart_pfn: where the RAM below reaches the lowmem size. */
	highstart_pfn = 0;
	for (nid = 0; nid < c->nodes; nid++) {
		node_file_pfn[nid] = nid * per_node;
		if (!highstart_pfn && lowmem <= (nid + 1) * per_node)
			highstart_pfn = pfn + (lowmem - nid * per_node);
		pfn += per_node + NODE_HOLE_PAGES;
	}
	max_pfn = pfn - NODE_HOLE_PAGES;
	if (!c->highmem)
		highstart_pfn = max_pfn;

	arch_ram_create(c->ram);
	direct_map_len = max_pfn << PAGE_SHIFT;
	direct_map = arch_reserve(direct_map_len);
	page_offset_base = (unsigned long)direct_map;
	backdoor_len = c->ram;
	backdoor = arch_reserve(backdoor_len);
	arch_ram_map(backdoor, backdoor_len, 0);
	vmemmap_len = max_pfn * sizeof(struct page);
	vmemmap_base = arch_alloc_sparse(vmemmap_len);

	for (nid = 0, pfn = RAM_START_PFN; nid < c->nodes; nid++) {
		unsigned long low_end = min(pfn + per_node, highstart_pfn);

		init_node(nid, pfn, per_node);
		if (low_end > pfn)
			arch_ram_map(__va(pfn << PAGE_SHIFT),
				     (low_end - pfn) << PAGE_SHIFT,
				     (off_t)node_file_pfn[nid] << PAGE_SHIFT);
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &nodes[nid].node_zones[z];

			kshim_zone_init(zone, zone->zone_start_pfn,
					zone->zone_start_pfn +
					zone->spanned_pages);
		}
		pfn += per_node + NODE_HOLE_PAGES;
	}
	kshim_page_owner_init();
	kshim_page_poison_init();
	hide_unused_ram();
}

void kshim_mm_exit(void)
{
	int nid, z;

	kshim_page_poison_exit();
	kshim_page_owner_exit();
	for (nid = 0; nid < nr_node_ids; nid++)
		for (z = 0; z < MAX_NR_ZONES; z++)
			kshim_zone_exit(&nodes[nid].node_zones[z]);
	arch_ram_destroy();
	arch_release(direct_map, direct_map_len);
	arch_release(backdoor, backdoor_len);
	arch_release(vmemmap_base, vmemmap_len);
	direct_map = backdoor = NULL;
	vmemmap_base = NULL;
	nr_node_ids = 0;
}

void kshim_mm_test_begin(void)
{
	if (arch_isolated_child()) {
		arch_ram_fork();
		hide_unused_ram();
	}
	kshim_pcp_test_begin();
	kshim_bad_page_reset();
	kshim_warn_alloc_reset();
	kshim_page_poison_test_begin();
}
