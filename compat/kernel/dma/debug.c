// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/dma/debug.c - the DMA-API debug checks (CONFIG_DMA_API_DEBUG).
 *
 * The 6.1 kernel's kernel/dma/debug.c as a driver sees it: every streaming
 * mapping and coherent allocation becomes a record (device, bus address,
 * size, kind, direction, sg counts, first page frame); unmap, free and sync
 * are checked against the records with the kernel's matching rules (exact
 * bus address and device, best fit on size/kind/direction/sg count, several
 * fits without a perfect one count as none; sync needs one record that
 * contains the synced range, searched back one 8 KiB hash slot at a time),
 * and every violation prints the kernel's text:
 *
 *   WARN "DMA-API: <driver> <device>: <message>", then for a known record
 *   "DMA-API: Mapped at:" and the record's map site.
 *
 * kshim's differences, each deliberate:
 * - Every error is reported, each as its own "dma_api" report (which fails
 *   the test unless expected).  The kernel prints only the first error of
 *   the whole boot (show_num_errors = 1; debugfs dma-api/all_errors and
 *   num_errors print more) and just counts the rest.
 * - The report names the driver's line (the unmap/sync/map call; for the
 *   unbind check the line that made the leaked mapping), and "Mapped at:"
 *   is followed by one line naming the map call (function, file:line)
 *   instead of a stack trace of up to five frames.
 * - Records are unlimited (host memory), so "debugging out of memory -
 *   disabling" never happens; there is no dma_debug= / dma_debug_driver=
 *   / dma_debug_entries= (the checks are always on, for every driver).
 * - The stack and kernel-image checks: a kshim stack is a host thread's,
 *   and text and rodata are the test program's, none of them in simulated
 *   RAM.  So dma_map_single() of such a buffer (which 6.1 maps through
 *   the direct map) is recognised in debug_dma_map_single() and prints
 *   the kernel's "maps memory from stack [addr=...]" (the !VMAP_STACK form)
 *   or "maps memory from kernel text or rodata", instead of the "invalid
 *   area" message its host address would otherwise earn.  Other addresses
 *   outside the direct map ("invalid area") are a module's static data in
 *   the kernel and in kshim alike.
 * - CONFIG_DMA_API_DEBUG_SG is on: segment length and boundary are checked.
 * - The ledger row "DMA mappings (DMA-API debug)" counts the records still
 *   live when a test ends, naming their map sites.  Each test starts with
 *   none (a fresh boot).
 * - The unbind check (BUS_NOTIFY_UNBOUND_DRIVER) watches every bus passed
 *   to dma_debug_add_bus(): PCI (which 6.1's pci_driver_init() adds) and
 *   the platform bus (6.1 does not watch it), both added at boot here.
 */
#define pr_fmt(fmt) "DMA-API: " fmt

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/device/bus.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/notifier.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/printk.h>
#include <linux/scatterlist.h>
#include <linux/vmalloc.h>
#include <asm/bug.h>

#include <kshim/ledger.h>
#include <kshim/report.h>
#include <kshim/site.h>

#include "kshim/internal.h"
#include "arch/stack.h"
#include "arch/vmap.h"
#include "debug.h"

/* ---- the records ---- */

enum dbg_kind {
	KIND_SINGLE,		/* dma_map_single/page */
	KIND_SG,		/* one mapped segment of dma_map_sg */
	KIND_COHERENT,		/* dma_alloc_coherent */
	KIND_RESOURCE,		/* dma_map_resource */
};

/* The kernel's names (6.1 spells "scather-gather"). */
static const char *const kind_name[] = {
	[KIND_SINGLE] = "single",
	[KIND_SG] = "scather-gather",
	[KIND_COHERENT] = "coherent",
	[KIND_RESOURCE] = "resource",
};

static const char *dir_name(int dir)
{
	switch (dir) {
	case DMA_BIDIRECTIONAL:
		return "DMA_BIDIRECTIONAL";
	case DMA_TO_DEVICE:
		return "DMA_TO_DEVICE";
	case DMA_FROM_DEVICE:
		return "DMA_FROM_DEVICE";
	case DMA_NONE:
		return "DMA_NONE";
	}
	return "DMA_NONE";	/* not reached: the mapping core BUG()s */
}

enum dbg_err_state {
	ERRCHK_NA,		/* sg, coherent: nothing to check */
	ERRCHK_PENDING,		/* dma_mapping_error() not called yet */
	ERRCHK_DONE,
};

#define NO_PFN	(~0UL)		/* a buffer with no struct page (kshim) */

struct dbg_dev;

struct dbg_map {
	struct list_head link;		/* in its slot */
	struct list_head dev_link;	/* in its device's list */
	struct dbg_dev *owner;		/* that device's entry */
	struct device *dev;
	u64 bus;			/* the DMA address */
	u64 len;
	int kind;
	int dir;
	int sg_nents;			/* nents passed to dma_map_sg */
	int sg_mapped;			/* what dma_map_sg returned */
	unsigned long pfn;		/* first page frame, or NO_PFN */
	size_t off;			/* offset into that frame */
	int errchk;
	const struct kshim_site *site;	/* the map call */
};

/* Records hashed on bus address bits 13.., as the kernel (8 KiB slots). */
#define SLOT_SHIFT	13
#define NR_SLOTS	16384

static struct list_head slots[NR_SLOTS];
static pthread_mutex_t dbg_lock = PTHREAD_MUTEX_INITIALIZER;
static long nr_live;			/* records live: the ledger */
static unsigned long nr_errors;		/* the kernel's error_count */

static unsigned int slot_of(u64 bus)
{
	return (unsigned int)(bus >> SLOT_SHIFT) & (NR_SLOTS - 1);
}

/*
 * kshim's own index, beside the address hash: every device that has had
 * a record since the test began, with its live records in mapping order.
 * The unbind check, the ledger and the reset walk these instead of all
 * the slots.  An entry stays when its list empties (a device maps and
 * unmaps over and over); all go at the next test.
 */
#define NR_DEV_BUCKETS	64

struct dbg_dev {
	struct dbg_dev *next;		/* in its bucket */
	struct dbg_dev *all_next;	/* every entry */
	struct device *dev;
	struct list_head maps;
	int count;
};

static struct dbg_dev *dev_buckets[NR_DEV_BUCKETS];
static struct dbg_dev *all_devs;

static unsigned int dev_bucket(const struct device *dev)
{
	uintptr_t a = (uintptr_t)dev;

	return (unsigned int)((a >> 4) ^ (a >> 10)) & (NR_DEV_BUCKETS - 1);
}

/* Lock held. */
static struct dbg_dev *dev_find(const struct device *dev)
{
	struct dbg_dev *d;

	for (d = dev_buckets[dev_bucket(dev)]; d; d = d->next)
		if (d->dev == dev)
			return d;
	return NULL;
}

static struct dbg_dev *dev_get(struct device *dev)
{
	struct dbg_dev *d = dev_find(dev);
	unsigned int b;

	if (d)
		return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	b = dev_bucket(dev);
	d->dev = dev;
	INIT_LIST_HEAD(&d->maps);
	d->next = dev_buckets[b];
	dev_buckets[b] = d;
	d->all_next = all_devs;
	all_devs = d;
	return d;
}

/*
 * Records are recycled: a driver maps and unmaps per packet, and the host
 * allocator would be most of the cost.  The spare list is bounded.
 */
#define MAX_SPARE	256

static struct dbg_map *spare;		/* linked through ->owner */
static unsigned int nr_spare;

static struct dbg_map *map_alloc(void)
{
	struct dbg_map *m = spare;

	if (!m)
		return malloc(sizeof(*m));
	spare = (struct dbg_map *)m->owner;
	nr_spare--;
	return m;
}

static void map_free(struct dbg_map *m)
{
	if (nr_spare >= MAX_SPARE) {
		free(m);
		return;
	}
	m->owner = (struct dbg_dev *)spare;
	spare = m;
	nr_spare++;
}

static void slots_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_SLOTS; i++)
		INIT_LIST_HEAD(&slots[i]);
}

/* ---- reports ---- */

static const char *dbg_drv(struct device *dev)
{
	return dev ? dev_driver_string(dev) : "NULL";
}

static const char *dbg_dev(struct device *dev)
{
	return dev ? dev_name(dev) : "NULL";
}

/*
 * One error: a WARN of class "dma_api" at @site, the kernel's
 * "DMA-API: <driver> <device>: " and @fmt, then where @m was mapped.
 */
static __printf(4, 5)
void dbg_error(const struct kshim_site *site, struct device *dev,
	       const struct dbg_map *m, const char *fmt, ...)
{
	const char *file = kshim_site_file(site);
	int line = kshim_site_line(site);
	const char *func = site ? site->func : NULL;
	char msg[512];
	va_list ap;

	nr_errors++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	kshim_report_begin(KSHIM_REPORT_DMA_API, file, line, func);
	__kshim_warn(file, line, func, site ? site->mod : NULL, TAINT_WARN,
		     pr_fmt("%s %s: %s"), dbg_drv(dev), dbg_dev(dev), msg);
	if (m) {
		pr_warn("Mapped at:\n");
		/* where the kernel's saved stack would be: the map call */
		printk(KERN_WARNING " %s %s:%d\n", kshim_site_func(m->site),
		       kshim_site_file(m->site), kshim_site_line(m->site));
	}
	kshim_report_end();
}

/* ---- cacheline tracking (overlapping device-writable mappings) ---- */

/*
 * The kernel keys the first 64-byte cacheline of each mapping that is not
 * DMA_TO_DEVICE and counts overlaps in three radix-tree tags: a second
 * such mapping of a line is an error; beyond 7 overlaps it WARNs once and
 * stops counting.
 */
#define LINE_SHIFT		6
#define MAX_OVERLAP		7
#define NR_LINE_SLOTS		4096

struct dbg_line {
	struct dbg_line *next;
	u64 line;
	int users;		/* mappings of it, 1 + overlaps */
};

static struct dbg_line *line_slots[NR_LINE_SLOTS];
static bool overlap_warned;

static u64 line_of(const struct dbg_map *m)
{
	return ((u64)m->pfn << (PAGE_SHIFT - LINE_SHIFT)) +
	       (m->off >> LINE_SHIFT);
}

static struct dbg_line **line_find(u64 line)
{
	struct dbg_line **pp = &line_slots[line % NR_LINE_SLOTS];

	while (*pp && (*pp)->line != line)
		pp = &(*pp)->next;
	return pp;
}

static bool line_tracked(const struct dbg_map *m)
{
	return m->dir != DMA_TO_DEVICE && m->pfn != NO_PFN;
}

/* The line of @m is in use: true when it already was (EEXIST). */
static bool line_get(const struct dbg_map *m)
{
	u64 line = line_of(m);
	struct dbg_line **pp = line_find(line);
	struct dbg_line *l = *pp;

	if (!l) {
		l = calloc(1, sizeof(*l));
		if (!l)
			return false;
		l->line = line;
		l->users = 1;
		*pp = l;
		return false;
	}
	if (l->users <= MAX_OVERLAP) {
		l->users++;
	} else if (!overlap_warned) {
		/* a plain WARN_ONCE() in the kernel, at the mapping call */
		const struct kshim_site *s = m->site;
		phys_addr_t cln = line;

		overlap_warned = true;
		__kshim_warn(kshim_site_file(s), kshim_site_line(s),
			     s ? s->func : NULL, s ? s->mod : NULL,
			     TAINT_WARN,
			     pr_fmt("exceeded %d overlapping mappings of cacheline %pa\n"),
			     MAX_OVERLAP, &cln);
	}
	return true;
}

static void line_put(const struct dbg_map *m)
{
	struct dbg_line **pp = line_find(line_of(m));
	struct dbg_line *l = *pp;

	if (!l)
		return;
	if (--l->users > 0)
		return;
	*pp = l->next;
	free(l);
}

/* ---- the table ---- */

/* A copy of @tmpl becomes a live record. */
static void record_add(const struct dbg_map *tmpl, unsigned long attrs)
{
	bool overlap = false;
	struct dbg_map *m;
	struct dbg_dev *d;

	pthread_mutex_lock(&dbg_lock);
	m = map_alloc();
	d = m ? dev_get(tmpl->dev) : NULL;
	if (!d) {
		if (m)
			map_free(m);
		pthread_mutex_unlock(&dbg_lock);
		return;
	}
	*m = *tmpl;
	m->owner = d;
	list_add_tail(&m->dev_link, &d->maps);
	d->count++;
	list_add_tail(&m->link, &slots[slot_of(m->bus)]);
	nr_live++;
	if (line_tracked(m))
		overlap = line_get(m);
	if (overlap && !(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		dbg_error(m->site, m->dev, m,
			  "cacheline tracking EEXIST, overlapping mappings aren't supported\n");
	pthread_mutex_unlock(&dbg_lock);
}

static void record_drop(struct dbg_map *m)
{
	list_del(&m->link);
	list_del(&m->dev_link);
	m->owner->count--;
	nr_live--;
	if (line_tracked(m))
		line_put(m);
	map_free(m);
}

/* Is @m a candidate for @ref?  Exact: same device and address. */
static bool fits_exact(const struct dbg_map *ref, const struct dbg_map *m)
{
	return m->dev == ref->dev && m->bus == ref->bus;
}

/* Containing: same device, and @ref's range lies inside @m's. */
static bool fits_inside(const struct dbg_map *ref, const struct dbg_map *m)
{
	return m->dev == ref->dev && m->bus <= ref->bus &&
	       ref->bus + ref->len <= m->bus + m->len;
}

/*
 * The best candidate of one slot: a record equal to @ref in size, kind,
 * direction and sg count at once wins; otherwise the one agreeing on most
 * of these, but only when it is the only candidate of the slot.
 */
static struct dbg_map *slot_best(unsigned int slot, const struct dbg_map *ref,
				 bool (*fits)(const struct dbg_map *,
					      const struct dbg_map *))
{
	struct dbg_map *m, *best = NULL;
	int candidates = 0, best_score = -1;

	list_for_each_entry(m, &slots[slot], link) {
		int score;

		if (!fits(ref, m))
			continue;
		candidates++;
		score = (m->len == ref->len) + (m->kind == ref->kind) +
			(m->dir == ref->dir) +
			(m->sg_nents == ref->sg_nents);
		if (score == 4)
			return m;
		if (score > best_score) {
			best_score = score;
			best = m;
		}
	}
	return candidates == 1 ? best : NULL;
}

static struct dbg_map *find_exact(const struct dbg_map *ref)
{
	return slot_best(slot_of(ref->bus), ref, fits_exact);
}

/* Containing record: this slot, then the slots below it, one by one. */
static struct dbg_map *find_inside(const struct dbg_map *ref)
{
	u64 slots_below = ref->bus >> SLOT_SHIFT;
	unsigned int tries = slots_below + 1 < NR_SLOTS ?
			     (unsigned int)slots_below + 1 : NR_SLOTS;
	u64 bus = ref->bus;
	unsigned int i;

	for (i = 0; i < tries; i++, bus -= 1ULL << SLOT_SHIFT) {
		struct dbg_map *m = slot_best(slot_of(bus), ref, fits_inside);

		if (m)
			return m;
	}
	return NULL;
}

static unsigned long long map_phys(const struct dbg_map *m)
{
	return ((unsigned long long)m->pfn << PAGE_SHIFT) + m->off;
}

static void check_release(const struct dbg_map *ref,
			  const struct kshim_site *site)
{
	struct dbg_map *m;

	pthread_mutex_lock(&dbg_lock);
	m = find_exact(ref);
	if (!m) {
		if (ref->bus == ~(u64)0)
			dbg_error(site, ref->dev, NULL,
				  "device driver tries to free an invalid DMA memory address\n");
		else
			dbg_error(site, ref->dev, NULL,
				  "device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
				  (unsigned long long)ref->bus,
				  (unsigned long long)ref->len);
		pthread_mutex_unlock(&dbg_lock);
		return;
	}

	if (m->len != ref->len)
		dbg_error(site, ref->dev, m,
			  "device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)m->len,
			  (unsigned long long)ref->len);

	if (m->kind != ref->kind)
		dbg_error(site, ref->dev, m,
			  "device driver frees DMA memory with wrong function [device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)ref->len,
			  kind_name[m->kind], kind_name[ref->kind]);
	else if (m->kind == KIND_COHERENT && map_phys(m) != map_phys(ref))
		dbg_error(site, ref->dev, m,
			  "device driver frees DMA memory with different CPU address [device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%016llx] [cpu free address=0x%016llx]",
			  (unsigned long long)ref->bus,
			  (unsigned long long)ref->len,
			  map_phys(m), map_phys(ref));

	if (ref->kind == KIND_SG && ref->sg_nents &&
	    ref->sg_nents != m->sg_nents)
		dbg_error(site, ref->dev, m,
			  "device driver frees DMA sg list with different entry count [map count=%d] [unmap count=%d]\n",
			  m->sg_nents, ref->sg_nents);

	if (m->dir != ref->dir)
		dbg_error(site, ref->dev, m,
			  "device driver frees DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)ref->len,
			  dir_name(m->dir), dir_name(ref->dir));

	if (m->errchk == ERRCHK_PENDING)
		dbg_error(site, ref->dev, m,
			  "device driver failed to check map error[device address=0x%016llx] [size=%llu bytes] [mapped as %s]",
			  (unsigned long long)ref->bus,
			  (unsigned long long)ref->len, kind_name[m->kind]);

	record_drop(m);
	pthread_mutex_unlock(&dbg_lock);
}

static void check_sync(const struct dbg_map *ref, bool for_cpu,
		       const struct kshim_site *site)
{
	struct device *dev = ref->dev;
	struct dbg_map *m;

	pthread_mutex_lock(&dbg_lock);
	m = find_inside(ref);
	if (!m) {
		dbg_error(site, dev, NULL,
			  "device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)ref->len);
		goto out;
	}

	/* Unreachable with a containing record, kept as the kernel has it. */
	if (ref->len > m->len)
		dbg_error(site, dev, m,
			  "device driver syncs DMA memory outside allocated range [device address=0x%016llx] [allocation size=%llu bytes] [sync offset+size=%llu]\n",
			  (unsigned long long)m->bus,
			  (unsigned long long)m->len,
			  (unsigned long long)ref->len);

	if (m->dir == DMA_BIDIRECTIONAL)
		goto out;

	if (ref->dir != m->dir)
		dbg_error(site, dev, m,
			  "device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)m->len,
			  dir_name(m->dir), dir_name(ref->dir));

	if (for_cpu && m->dir != DMA_FROM_DEVICE && ref->dir != DMA_TO_DEVICE)
		dbg_error(site, dev, m,
			  "device driver syncs device read-only DMA memory for cpu [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)m->len,
			  dir_name(m->dir), dir_name(ref->dir));

	if (!for_cpu && m->dir != DMA_TO_DEVICE &&
	    ref->dir != DMA_FROM_DEVICE)
		dbg_error(site, dev, m,
			  "device driver syncs device write-only DMA memory to device [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			  (unsigned long long)ref->bus,
			  (unsigned long long)m->len,
			  dir_name(m->dir), dir_name(ref->dir));

	if (ref->kind == KIND_SG && ref->sg_nents &&
	    ref->sg_nents != m->sg_nents)
		dbg_error(site, ref->dev, m,
			  "device driver syncs DMA sg list with different entry count [map count=%d] [sync count=%d]\n",
			  m->sg_nents, ref->sg_nents);
out:
	pthread_mutex_unlock(&dbg_lock);
}

/* The record to be (record_add() copies it). */
static void record_init(struct dbg_map *m, struct device *dev, int kind,
			u64 bus, u64 len, int dir,
			const struct kshim_site *site)
{
	*m = (struct dbg_map) {
		.dev = dev, .kind = kind, .bus = bus, .len = len,
		.dir = dir, .pfn = NO_PFN, .site = site,
	};
}

/* ---- the hooks ---- */

/*
 * dma_map_single(): the buffer's CPU address.  A kshim stack or program
 * image is no direct-map memory (see the header comment for why these two
 * get the kernel's own messages).
 */
void debug_dma_map_single(struct device *dev, const void *addr,
			  unsigned long len, const struct kshim_site *site)
{
	const char *end = (const char *)addr + (len ? len - 1 : 0);

	/*
	 * Simulated RAM's direct map (the usual buffer) holds no stack, no
	 * program image and no vmalloc area: nothing below can fire.
	 */
	if (virt_addr_valid(addr) && (end == addr || virt_addr_valid(end)))
		return;
	if (arch_on_stack(addr) || arch_on_stack(end)) {
		dbg_error(site, dev, NULL,
			  "device driver maps memory from stack [addr=%p]\n",
			  addr);
		return;
	}
	if (arch_is_rodata(addr) || arch_is_rodata(end)) {
		dbg_error(site, dev, NULL,
			  "device driver maps memory from kernel text or rodata [addr=%p] [len=%lu]\n",
			  addr, len);
		return;
	}
	if (!virt_addr_valid(addr))
		dbg_error(site, dev, NULL,
			  "device driver maps memory from invalid area [addr=%p] [len=%lu]\n",
			  addr, len);
	if (is_vmalloc_addr(addr))
		dbg_error(site, dev, NULL,
			  "device driver maps memory from vmalloc area [addr=%p] [len=%lu]\n",
			  addr, len);
}

void debug_dma_map_page(struct device *dev, struct page *page,
			size_t offset, size_t size, int direction,
			dma_addr_t dma_addr, unsigned long attrs,
			const struct kshim_site *site)
{
	struct dbg_map m;

	if (dma_addr == ~(dma_addr_t)0)
		return;		/* a failed mapping is no mapping */
	record_init(&m, dev, KIND_SINGLE, dma_addr, size, direction, site);
	if (page) {
		/* the frame of the mapping's first byte, as the kernel */
		m.pfn = page_to_pfn(page);
		m.off = offset;
	}
	m.errchk = ERRCHK_PENDING;
	record_add(&m, attrs);
}

void debug_dma_unmap_page(struct device *dev, dma_addr_t addr,
			  size_t size, int direction,
			  const struct kshim_site *site)
{
	struct dbg_map ref = {
		.dev = dev, .kind = KIND_SINGLE, .bus = addr, .len = size,
		.dir = direction,
	};

	check_release(&ref, site);
}

void debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr,
			     const struct kshim_site *site)
{
	struct dbg_map *m;

	pthread_mutex_lock(&dbg_lock);
	/* The first unchecked record of this address (it may be mapped
	 * more than once) is the one the driver checks now. */
	list_for_each_entry(m, &slots[slot_of(dma_addr)], link) {
		if (m->dev == dev && m->bus == dma_addr &&
		    m->errchk == ERRCHK_PENDING) {
			m->errchk = ERRCHK_DONE;
			break;
		}
	}
	pthread_mutex_unlock(&dbg_lock);
}

/* CONFIG_DMA_API_DEBUG_SG: what the device's dma_parms allow. */
static void check_segment(struct device *dev, struct scatterlist *s,
			  const struct kshim_site *site)
{
	unsigned int max = dma_get_max_seg_size(dev);
	u64 boundary = dma_get_seg_boundary(dev);
	u64 first, last;

	if (s->length > max)
		dbg_error(site, dev, NULL,
			  "mapping sg segment longer than device claims to support [len=%u] [max=%u]\n",
			  s->length, max);
	first = sg_dma_address(s);
	last = first + sg_dma_len(s) - 1;
	if ((first & ~boundary) != (last & ~boundary))
		dbg_error(site, dev, NULL,
			  "mapping sg segment across boundary [start=0x%016llx] [end=0x%016llx] [boundary=0x%016llx]\n",
			  (unsigned long long)first,
			  (unsigned long long)last,
			  (unsigned long long)boundary);
}

void debug_dma_map_sg(struct device *dev, struct scatterlist *sg,
		      int nents, int mapped_ents, int direction,
		      unsigned long attrs, const struct kshim_site *site)
{
	struct scatterlist *s;
	int i;

	/*
	 * The stack and image checks of the kernel's loop over all @nents
	 * have nothing to find: sg_set_buf() takes direct-map memory only
	 * (CONFIG_DEBUG_SG), and simulated RAM holds no stack or image.
	 */
	for_each_sg(sg, s, mapped_ents, i) {
		struct dbg_map m;

		record_init(&m, dev, KIND_SG, sg_dma_address(s),
			    sg_dma_len(s), direction, site);
		m.pfn = page_to_pfn(sg_page(s));
		m.off = s->offset;
		m.sg_nents = nents;
		m.sg_mapped = mapped_ents;
		check_segment(dev, s, site);
		record_add(&m, attrs);
	}
}

/* How many segments the mapping @ref belongs to returned (0: unknown). */
static int sg_mapped_of(const struct dbg_map *ref)
{
	struct dbg_map *m;
	int n = 0;

	pthread_mutex_lock(&dbg_lock);
	m = find_exact(ref);
	if (m)
		n = m->sg_mapped;
	pthread_mutex_unlock(&dbg_lock);
	return n;
}

static void sg_ref(struct dbg_map *ref, struct device *dev,
		   struct scatterlist *s, int nelems, int dir)
{
	*ref = (struct dbg_map) {
		.dev = dev, .kind = KIND_SG, .bus = sg_dma_address(s),
		.len = sg_dma_len(s), .dir = dir, .sg_nents = nelems,
		.pfn = page_to_pfn(sg_page(s)), .off = s->offset,
	};
}

void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist,
			int nelems, int dir, const struct kshim_site *site)
{
	struct scatterlist *s;
	int segs = 0, i;

	for_each_sg(sglist, s, nelems, i) {
		struct dbg_map ref;

		sg_ref(&ref, dev, s, nelems, dir);
		/* the first segment tells how many the mapping has; with
		 * no record found, every entry is checked (and reported) */
		if (i == 0)
			segs = sg_mapped_of(&ref);
		else if (segs && i >= segs)
			break;
		check_release(&ref, site);
	}
}

static void sync_sg(struct device *dev, struct scatterlist *sg, int nelems,
		    int dir, bool for_cpu, const struct kshim_site *site)
{
	struct scatterlist *s;
	int segs = 0, i;

	for_each_sg(sg, s, nelems, i) {
		struct dbg_map ref;

		sg_ref(&ref, dev, s, nelems, dir);
		/* unlike unmap: nothing is checked without a record */
		if (i == 0)
			segs = sg_mapped_of(&ref);
		if (i >= segs)
			break;
		check_sync(&ref, for_cpu, site);
	}
}

void debug_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
			       int nelems, int direction,
			       const struct kshim_site *site)
{
	sync_sg(dev, sg, nelems, direction, true, site);
}

void debug_dma_sync_sg_for_device(struct device *dev,
				  struct scatterlist *sg, int nelems,
				  int direction,
				  const struct kshim_site *site)
{
	sync_sg(dev, sg, nelems, direction, false, site);
}

static void sync_single(struct device *dev, dma_addr_t addr, size_t size,
			int dir, bool for_cpu, const struct kshim_site *site)
{
	struct dbg_map ref = {
		.dev = dev, .kind = KIND_SINGLE, .bus = addr, .len = size,
		.dir = dir,
	};

	check_sync(&ref, for_cpu, site);
}

void debug_dma_sync_single_for_cpu(struct device *dev,
				   dma_addr_t dma_handle, size_t size,
				   int direction,
				   const struct kshim_site *site)
{
	sync_single(dev, dma_handle, size, direction, true, site);
}

void debug_dma_sync_single_for_device(struct device *dev,
				      dma_addr_t dma_handle, size_t size,
				      int direction,
				      const struct kshim_site *site)
{
	sync_single(dev, dma_handle, size, direction, false, site);
}

/* The frame of a coherent buffer (direct map or vmalloc), or false. */
static bool coherent_frame(const void *virt, unsigned long *pfn)
{
	if (is_vmalloc_addr(virt))
		*pfn = vmalloc_to_pfn(virt);
	else if (virt_addr_valid(virt))
		*pfn = page_to_pfn(virt_to_page(virt));
	else
		return false;
	return true;
}

void debug_dma_alloc_coherent(struct device *dev, size_t size,
			      dma_addr_t dma_addr, void *virt,
			      unsigned long attrs,
			      const struct kshim_site *site)
{
	struct dbg_map m;
	unsigned long pfn;

	if (!virt || !coherent_frame(virt, &pfn))
		return;
	record_init(&m, dev, KIND_COHERENT, dma_addr, size,
		    DMA_BIDIRECTIONAL, site);
	m.pfn = pfn;
	m.off = offset_in_page(virt);
	record_add(&m, attrs);
}

void debug_dma_free_coherent(struct device *dev, size_t size,
			     void *virt, dma_addr_t addr,
			     const struct kshim_site *site)
{
	struct dbg_map ref = {
		.dev = dev, .kind = KIND_COHERENT, .bus = addr, .len = size,
		.dir = DMA_BIDIRECTIONAL, .off = offset_in_page(virt),
	};

	if (!coherent_frame(virt, &ref.pfn))
		return;
	check_release(&ref, site);
}

void debug_dma_map_resource(struct device *dev, phys_addr_t addr,
			    size_t size, int direction, dma_addr_t dma_addr,
			    unsigned long attrs,
			    const struct kshim_site *site)
{
	struct dbg_map m;

	record_init(&m, dev, KIND_RESOURCE, dma_addr, size, direction, site);
	m.pfn = addr >> PAGE_SHIFT;
	m.off = offset_in_page(addr);
	m.errchk = ERRCHK_PENDING;
	record_add(&m, attrs);
}

void debug_dma_unmap_resource(struct device *dev, dma_addr_t dma_addr,
			      size_t size, int direction,
			      const struct kshim_site *site)
{
	struct dbg_map ref = {
		.dev = dev, .kind = KIND_RESOURCE, .bus = dma_addr,
		.len = size, .dir = direction,
	};

	check_release(&ref, site);
}

/* ---- driver unbound with DMA still mapped ---- */

static int dbg_bus_event(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	struct device *dev = data;
	struct dbg_map *last = NULL;
	struct dbg_dev *d;
	int count = 0;

	if (action != BUS_NOTIFY_UNBOUND_DRIVER)
		return 0;
	pthread_mutex_lock(&dbg_lock);
	/* The device's own records only (the kernel scans every slot). */
	d = dev_find(dev);
	if (d && d->count) {
		count = d->count;
		last = list_last_entry(&d->maps, struct dbg_map, dev_link);
	}
	/* One report for all, at the line that mapped the one it names
	 * (the latest; the kernel names the last in its hash order). */
	if (count)
		dbg_error(last->site, dev, last,
			  "device driver has pending DMA allocations while released from device [count=%d]\nOne of leaked entries details: [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s]\n",
			  count, (unsigned long long)last->bus,
			  (unsigned long long)last->len, dir_name(last->dir),
			  kind_name[last->kind]);
	pthread_mutex_unlock(&dbg_lock);
	return 0;
}

/* Every block handed out, kept reachable: a bus may go with its chain. */
struct dbg_watch {
	struct notifier_block nb;
	struct dbg_watch *next;
};
static struct dbg_watch *watches;

void dma_debug_add_bus(struct bus_type *bus)
{
	struct dbg_watch *w = calloc(1, sizeof(*w));

	if (!w) {
		pr_err("dma_debug_add_bus: out of memory\n");
		return;
	}
	w->nb.notifier_call = dbg_bus_event;
	pthread_mutex_lock(&dbg_lock);
	w->next = watches;
	watches = w;
	pthread_mutex_unlock(&dbg_lock);
	bus_register_notifier(bus, &w->nb);
}

/* ---- ledger, boot and tests ---- */

static long ledger_live(void *arg)
{
	return __atomic_load_n(&nr_live, __ATOMIC_RELAXED);
}

static void explain_live(void *arg)
{
	struct dbg_map *m;
	struct dbg_dev *d;
	unsigned int lines = 0;

	pthread_mutex_lock(&dbg_lock);
	for (d = all_devs; d && lines < 20; d = d->all_next)
		list_for_each_entry(m, &d->maps, dev_link) {
			if (lines++ == 20)
				break;
			/* no device names: the device may be gone */
			printk(KERN_ERR "kshim: DMA mapping still live [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s], mapped at %s %s:%d; %s releases it\n",
			       (unsigned long long)m->bus,
			       (unsigned long long)m->len, dir_name(m->dir),
			       kind_name[m->kind], kshim_site_func(m->site),
			       kshim_site_file(m->site),
			       kshim_site_line(m->site),
			       m->kind == KIND_COHERENT ? "dma_free_coherent()" :
			       m->kind == KIND_SG ? "dma_unmap_sg()" :
			       m->kind == KIND_RESOURCE ?
			       "dma_unmap_resource()" :
			       "dma_unmap_single()/dma_unmap_page()");
		}
	pthread_mutex_unlock(&dbg_lock);
}

/* Forget every record and line (a fresh boot). */
static void dbg_forget_all(void)
{
	unsigned int i;

	pthread_mutex_lock(&dbg_lock);
	while (all_devs) {
		struct dbg_dev *d = all_devs;
		struct dbg_map *m, *n;

		list_for_each_entry_safe(m, n, &d->maps, dev_link) {
			list_del(&m->link);
			free(m);
		}
		all_devs = d->all_next;
		free(d);
	}
	memset(dev_buckets, 0, sizeof(dev_buckets));
	while (spare) {
		struct dbg_map *m = spare;

		spare = (struct dbg_map *)m->owner;
		free(m);
	}
	nr_spare = 0;
	for (i = 0; i < NR_LINE_SLOTS; i++)
		while (line_slots[i]) {
			struct dbg_line *l = line_slots[i];

			line_slots[i] = l->next;
			free(l);
		}
	nr_live = 0;
	nr_errors = 0;
	overlap_warned = false;
	pthread_mutex_unlock(&dbg_lock);
}

/*
 * Watch @bus once per registration of it (a reboot re-registers the PCI
 * bus with an empty notifier chain, and keeps the platform bus's).
 */
static void watch_bus(struct bus_type *bus, const void **watched)
{
	if (!bus->p || bus->p == *watched)
		return;
	*watched = bus->p;
	dma_debug_add_bus(bus);
}

/* After the driver core and PCI (compat/init/main.c's order). */
void kshim_dma_debug_init(void)
{
	static const void *platform_watched, *pci_watched;
	static bool registered;

	if (!registered) {
		slots_init();
		registered = true;
		kshim_ledger_add("DMA mappings (DMA-API debug)", ledger_live,
				 explain_live, NULL);
	}
	dbg_forget_all();
	/* 6.1's pci_driver_init() adds the PCI bus; kshim adds the
	 * platform bus too */
	watch_bus(&platform_bus_type, &platform_watched);
	watch_bus(&pci_bus_type, &pci_watched);
}

void kshim_dma_debug_test_begin(void)
{
	dbg_forget_all();
}
