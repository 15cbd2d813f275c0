// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/ioremap.c - ioremap(), iounmap() and the MMIO accessors of the
 * simulated machine, with the register models behind them
 * (kshim/device.h, section 1).
 *
 * Behaviour of arch/x86/mm/ioremap.c of 6.1 where a driver can see it:
 *  - a zero size or a range that wraps returns NULL; a physical address
 *    beyond the CPU's physical address bits prints "ioremap: invalid
 *    physical address %llx" and WARNs; a range touching System RAM WARNs
 *    "ioremap on RAM at %pa - %pa" and returns NULL (kshim WARNs every
 *    time, the kernel once per boot);
 *  - the returned address keeps the offset of @phys in its page;
 *  - iounmap() of NULL (any address up to high_memory) does nothing; of an
 *    address in no mapping prints "iounmap: bad address %p" and the stack
 *    (kshim: a report of class "mmio" at the caller's line); any address
 *    inside a mapping unmaps it, as find_vm_area() finds it.
 *
 * Each mapping takes its own pages of kshim's ioremap area
 * (compat/arch/mmio.c) plus a guard page, never touched by the host: a
 * page table of mapping pointers, one per page of the area, gives the
 * accessor its mapping in O(1).  Plain-memory registers are read and
 * written with single (atomic) loads and stores; a model's callbacks are
 * called for each access; every access goes into the region's trace.
 * Pages of an unmapped mapping keep pointing at it (so a late access can
 * say where it was mapped and unmapped) until the area wraps round and a
 * new mapping takes them.
 *
 * What the driver gets for a wrong access:
 *  - after iounmap(), or through an address of the area no ioremap()
 *    covers: the kernel's oops for a fault on a vmalloc address, with
 *    kshim's explanation (where it was mapped and unmapped);
 *  - a plain dereference of an __iomem pointer: the host fault, the same
 *    oops naming the driver's line (on x86 the access would reach the
 *    device; kshim makes sparse's address-space rule a run-time check);
 *  - past the end of the mapping, or inside it where the device has no
 *    register (the mapping is larger than the region): kshim's "mmio"
 *    report; a read returns all ones, a write is dropped;
 *  - a device that is gone (kshim_mmio_destroy(), hot-unplug): all ones,
 *    silently, as a PCI read nobody answers.
 * An accessor on an address outside the area (a kernel pointer into RAM)
 * makes the access itself, as the x86 accessors would.
 */
#define _GNU_SOURCE 1
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/export.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/printk.h>
#include <kshim/device.h>
#include <kshim/ledger.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "arch/fault.h"
#include "arch/membarrier.h"
#include "arch/mmio.h"
#include "arch/physmem.h"
#include "mm/internal.h"

#define KSHIM_PHYS_BITS		46		/* x86_phys_bits of kshim */
#define MMIO_AREA_SIZE		(1UL << 30)	/* ioremap area: 1 GiB */
#define MMIO_WINDOW_LOW		0xc0000000ULL	/* below 4 GiB, as PCI's */

struct kshim_mmio_region {
	uint64_t phys;
	size_t size;
	struct kshim_regs_ops ops;
	void *priv;
	uint8_t *mem;
	bool gone;			/* kshim_mmio_destroy() */
	unsigned int refs;		/* creator + mappings (mmio_lock) */
	unsigned int live;		/* live mappings (mmio_lock) */
	struct list_head node;		/* all_regions */
	/* the trace: a ring written by any accessing thread */
	unsigned long trace_seq;	/* accesses made */
	unsigned long trace_base;	/* trace_seq at the last clear */
	struct trace_slot *trace;
	unsigned int trace_owner;	/* thread id writing without lock */
	pthread_mutex_t trace_lock;	/* any other writer */
};

struct trace_slot {
	unsigned long word;	/* off << 5 | size << 1 | write */
	uint64_t val;
	const struct kshim_site *site;
};

struct mmio_map {
	unsigned long va;		/* what ioremap() returned */
	unsigned long size;		/* what it was asked for */
	unsigned long first, npages;	/* page indexes, guard included */
	phys_addr_t phys;
	enum kshim_ioremap_kind kind;
	struct kshim_mmio_region *region;	/* NULL: no device there */
	unsigned long roff;		/* phys - region->phys */
	/* fast path: bytes from va the region backs, its plain memory
	 * per direction (NULL: a callback, or nothing to reach) */
	unsigned long limit;
	uint8_t *rmem, *wmem;
	bool live;
	unsigned long pages_held;	/* page table slots pointing here */
	const struct kshim_site *map_site, *unmap_site;
	unsigned long long serial;
	struct list_head node;		/* live_maps */
};


static pthread_mutex_t mmio_lock = PTHREAD_MUTEX_INITIALIZER;
static struct mmio_map **page_map;	/* one per page of the area */
static unsigned long nr_pages, cursor;
/* pages of the area below this have been used by some ioremap() */
static unsigned long used_pages;
static LIST_HEAD(live_maps);
static LIST_HEAD(all_regions);
static long nr_live;
static unsigned long long next_serial = 1, test_serial;
static uint64_t window_next;		/* next free physical address */

static const char *const kind_name[] = {
	[KSHIM_IOREMAP]		  = "ioremap",
	[KSHIM_IOREMAP_UC]	  = "ioremap_uc",
	[KSHIM_IOREMAP_WC]	  = "ioremap_wc",
	[KSHIM_IOREMAP_WT]	  = "ioremap_wt",
	[KSHIM_IOREMAP_CACHE]	  = "ioremap_cache",
	[KSHIM_IOREMAP_ENCRYPTED] = "ioremap_encrypted",
	[KSHIM_IOREMAP_NP]	  = "ioremap_np",
};

static const char *access_name(bool write, unsigned int size)
{
	static const char *const names[2][9] = {
		{ [1] = "readb", [2] = "readw", [4] = "readl", [8] = "readq" },
		{ [1] = "writeb", [2] = "writew", [4] = "writel",
		  [8] = "writeq" },
	};

	return size <= 8 && names[write][size] ? names[write][size] : "?";
}

static uint64_t all_ones(unsigned int size)
{
	return size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/* ---- the trace ---- */

/*
 * The trace is a ring per region with one writer at a time.  A locked
 * instruction per access would cost more than the whole access (the
 * readl/writel target is 20 ns), so the region's trace belongs to one
 * thread, its owner, which appends with plain stores; any other thread
 * takes the region's lock, makes itself the owner and waits until the
 * old owner is out of its append: Dekker's pair with an asymmetric fence
 * (compat/arch/membarrier.h), the owner's side a compiler barrier only.
 * Under valgrind and ThreadSanitizer, which do not know that fence,
 * every append takes the lock.
 */
#define TRACE_MAX_THREADS	1024
static bool trace_fenced;
static unsigned int trace_next_tid;
static __thread unsigned int trace_tid;		/* 0: none yet */
static unsigned int trace_busy[TRACE_MAX_THREADS + 1]; /* in an append */

static inline __attribute__((always_inline)) void
trace_fill(struct kshim_mmio_region *r, unsigned long off, unsigned int size,
	   bool write, uint64_t val, const struct kshim_site *site)
{
	unsigned long seq = __atomic_load_n(&r->trace_seq, __ATOMIC_RELAXED);
	struct trace_slot *t = &r->trace[seq % KSHIM_MMIO_TRACE_MAX];

	__atomic_store_n(&t->word, off << 5 | size << 1 | write,
			 __ATOMIC_RELAXED);
	__atomic_store_n(&t->val, val, __ATOMIC_RELAXED);
	__atomic_store_n(&t->site, site, __ATOMIC_RELAXED);
	__atomic_store_n(&r->trace_seq, seq + 1, __ATOMIC_RELEASE);
}

static noinline void
trace_record_slow(struct kshim_mmio_region *r, unsigned long off,
		  unsigned int size, bool write, uint64_t val,
		  const struct kshim_site *site)
{
	unsigned int me = trace_tid, old;

	if (!me) {
		me = __atomic_add_fetch(&trace_next_tid, 1, __ATOMIC_RELAXED);
		if (me > TRACE_MAX_THREADS)
			me = TRACE_MAX_THREADS + 1;	/* always locked */
		trace_tid = me;
	}
	pthread_mutex_lock(&r->trace_lock);
	old = __atomic_load_n(&r->trace_owner, __ATOMIC_RELAXED);
	if (trace_fenced && me <= TRACE_MAX_THREADS) {
		__atomic_store_n(&r->trace_owner, me, __ATOMIC_RELAXED);
		arch_fence_heavy();
		/* the old owner, if it passed its check, is done after this */
		while (old && old <= TRACE_MAX_THREADS &&
		       __atomic_load_n(&trace_busy[old], __ATOMIC_ACQUIRE))
			;
	}
	trace_fill(r, off, size, write, val, site);
	pthread_mutex_unlock(&r->trace_lock);
}

static inline __attribute__((always_inline)) void
trace_record(struct kshim_mmio_region *r, unsigned long off,
	     unsigned int size, bool write, uint64_t val,
	     const struct kshim_site *site)
{
	unsigned int me = trace_tid;

	if (likely(me && __atomic_load_n(&r->trace_owner,
					 __ATOMIC_RELAXED) == me)) {
		__atomic_store_n(&trace_busy[me], 1, __ATOMIC_RELAXED);
		arch_fence_light();
		if (likely(__atomic_load_n(&r->trace_owner,
					   __ATOMIC_RELAXED) == me)) {
			trace_fill(r, off, size, write, val, site);
			__atomic_store_n(&trace_busy[me], 0, __ATOMIC_RELEASE);
			return;
		}
		__atomic_store_n(&trace_busy[me], 0, __ATOMIC_RELEASE);
	}
	trace_record_slow(r, off, size, write, val, site);
}

size_t kshim_mmio_trace(const struct kshim_mmio_region *r,
			struct kshim_mmio_access *buf, size_t max)
{
	unsigned long seq, base, i;
	size_t n = 0;

	if (!r)
		return 0;
	seq = __atomic_load_n(&r->trace_seq, __ATOMIC_ACQUIRE);
	base = __atomic_load_n(&r->trace_base, __ATOMIC_RELAXED);
	if (seq - base > KSHIM_MMIO_TRACE_MAX)
		base = seq - KSHIM_MMIO_TRACE_MAX;
	for (i = base; i != seq && n < max; i++, n++) {
		const struct trace_slot *t =
			&r->trace[i % KSHIM_MMIO_TRACE_MAX];
		unsigned long word;

		buf[n].site = __atomic_load_n(&t->site, __ATOMIC_ACQUIRE);
		word = __atomic_load_n(&t->word, __ATOMIC_RELAXED);
		buf[n].val = __atomic_load_n(&t->val, __ATOMIC_RELAXED);
		buf[n].write = word & 1;
		buf[n].size = (word >> 1) & 15;
		buf[n].off = word >> 5;
	}
	return n;
}

unsigned long kshim_mmio_trace_count(const struct kshim_mmio_region *r)
{
	if (!r)
		return 0;
	return __atomic_load_n(&r->trace_seq, __ATOMIC_ACQUIRE) -
	       __atomic_load_n(&r->trace_base, __ATOMIC_RELAXED);
}

void kshim_mmio_trace_clear(struct kshim_mmio_region *r)
{
	if (r)
		__atomic_store_n(&r->trace_base,
				 __atomic_load_n(&r->trace_seq,
						 __ATOMIC_ACQUIRE),
				 __ATOMIC_RELAXED);
}

/* ---- regions (the test side) ---- */

static void region_put(struct kshim_mmio_region *r)
{
	if (--r->refs)
		return;
	list_del(&r->node);
	pthread_mutex_destroy(&r->trace_lock);
	free(r->trace);
	free(r->mem);
	free(r);
}

static uint64_t window_base(void)
{
	uint64_t ram_end = (uint64_t)max_pfn << PAGE_SHIFT;

	if (ram_end <= MMIO_WINDOW_LOW)
		return MMIO_WINDOW_LOW;
	return (ram_end + (1ULL << 30) - 1) & ~((1ULL << 30) - 1);
}

struct kshim_mmio_region *kshim_mmio_create(size_t size,
					    const struct kshim_regs_ops *ops,
					    void *priv)
{
	struct kshim_mmio_region *r;
	uint64_t align = PAGE_SIZE;

	if (!size)
		return NULL;
	while (align < size)
		align <<= 1;
	r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->mem = calloc(1, ALIGN(size, 8));
	r->trace = calloc(KSHIM_MMIO_TRACE_MAX, sizeof(*r->trace));
	if (!r->mem || !r->trace) {
		free(r->mem);
		free(r->trace);
		free(r);
		return NULL;
	}
	r->size = size;
	if (ops)
		r->ops = *ops;
	r->priv = priv;
	r->refs = 1;
	pthread_mutex_init(&r->trace_lock, NULL);
	pthread_mutex_lock(&mmio_lock);
	if (!window_next)
		window_next = window_base();
	r->phys = (window_next + align - 1) & ~(align - 1);
	window_next = r->phys + ALIGN(size, PAGE_SIZE);
	list_add_tail(&r->node, &all_regions);
	pthread_mutex_unlock(&mmio_lock);
	return r;
}

void kshim_mmio_destroy(struct kshim_mmio_region *r)
{
	struct mmio_map *m;

	if (!r)
		return;
	pthread_mutex_lock(&mmio_lock);
	r->gone = true;
	/* mappings still live fall to the slow path, which sees it gone */
	list_for_each_entry(m, &live_maps, node) {
		if (m->region != r)
			continue;
		__atomic_store_n(&m->rmem, NULL, __ATOMIC_RELAXED);
		__atomic_store_n(&m->wmem, NULL, __ATOMIC_RELAXED);
	}
	region_put(r);
	pthread_mutex_unlock(&mmio_lock);
}

uint64_t kshim_mmio_phys(const struct kshim_mmio_region *r)
{
	return r ? r->phys : 0;
}

size_t kshim_mmio_size(const struct kshim_mmio_region *r)
{
	return r ? r->size : 0;
}

void *kshim_mmio_mem(struct kshim_mmio_region *r)
{
	return r ? r->mem : NULL;
}

static struct kshim_mmio_region *region_at_locked(uint64_t phys)
{
	struct kshim_mmio_region *r;

	list_for_each_entry(r, &all_regions, node)
		if (!r->gone && phys >= r->phys && phys - r->phys < r->size)
			return r;
	return NULL;
}

struct kshim_mmio_region *kshim_mmio_region_at(uint64_t phys)
{
	struct kshim_mmio_region *r;

	pthread_mutex_lock(&mmio_lock);
	r = region_at_locked(phys);
	pthread_mutex_unlock(&mmio_lock);
	return r;
}

unsigned int kshim_mmio_live_mappings(const struct kshim_mmio_region *r)
{
	unsigned int n;

	if (!r)
		return 0;
	pthread_mutex_lock(&mmio_lock);
	n = r->live;
	pthread_mutex_unlock(&mmio_lock);
	return n;
}

unsigned int kshim_mmio_live_mappings_in(uint64_t phys, uint64_t size,
					 const struct kshim_site **sites,
					 unsigned int max)
{
	struct mmio_map *m;
	unsigned int n = 0;

	pthread_mutex_lock(&mmio_lock);
	list_for_each_entry(m, &live_maps, node) {
		if (m->phys >= phys + size || m->phys + m->size <= phys)
			continue;
		if (sites && n < max)
			sites[n] = m->map_site;
		n++;
	}
	pthread_mutex_unlock(&mmio_lock);
	return n;
}

/* ---- ioremap() and iounmap() ---- */

static struct mmio_map *map_of(unsigned long addr)
{
	unsigned long idx = (addr - arch_mmio_start) >> PAGE_SHIFT;

	if (addr < arch_mmio_start || idx >= nr_pages)
		return NULL;
	return __atomic_load_n(&page_map[idx], __ATOMIC_ACQUIRE);
}

/* A page-table slot stops pointing at @m. */
static void map_unhold(struct mmio_map *m)
{
	if (--m->pages_held)
		return;
	if (m->region)
		region_put(m->region);
	free(m);
}

/* @n consecutive pages no live mapping uses, from the cursor on. */
static long find_pages(unsigned long n)
{
	unsigned long start = cursor, tried = 0, run = 0, i;
	struct mmio_map *m;

	if (n > nr_pages)
		return -1;
	for (i = start; tried < nr_pages + n; i++, tried++) {
		if (i == nr_pages) {
			i = 0;
			run = 0;
		}
		m = page_map[i];
		if (m && m->live) {
			run = 0;
			continue;
		}
		if (++run == n)
			return i + 1 - n;
	}
	return -1;
}

void __iomem *__kshim_ioremap(resource_size_t phys, unsigned long size,
			      enum kshim_ioremap_kind kind,
			      const struct kshim_site *site)
{
	resource_size_t last = phys + size - 1;
	resource_size_t ram_start = (resource_size_t)min_low_pfn << PAGE_SHIFT;
	resource_size_t ram_end = (resource_size_t)max_pfn << PAGE_SHIFT;
	unsigned long offset, npages, i;
	struct kshim_mmio_region *r;
	struct mmio_map *m;
	long first;

	__kshim_might_sleep(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site));
	if (!size || last < phys || kind == KSHIM_IOREMAP_NP)
		return NULL;
	if (phys >> KSHIM_PHYS_BITS) {
		printk(KERN_WARNING "ioremap: invalid physical address %llx\n",
		       (unsigned long long)phys);
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
		return NULL;
	}
	if (phys < ram_end && last >= ram_start) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, "ioremap on RAM at %pa - %pa\n",
			     &phys, &last);
		return NULL;
	}

	offset = phys & ~PAGE_MASK;
	npages = (offset + size + PAGE_SIZE - 1) / PAGE_SIZE + 1;  /* guard */
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	pthread_mutex_lock(&mmio_lock);
	first = page_map ? find_pages(npages) : -1;
	if (first < 0) {
		pthread_mutex_unlock(&mmio_lock);
		free(m);
		pr_warn("kshim: ioremap(%pa, %#lx): the ioremap area (%lu MiB) is full\n",
			&phys, size, MMIO_AREA_SIZE >> 20);
		return NULL;
	}
	m->first = first;
	m->npages = npages;
	m->va = arch_mmio_start + (first << PAGE_SHIFT) + offset;
	m->size = size;
	m->phys = phys;
	m->kind = kind;
	m->map_site = site;
	m->serial = next_serial++;
	m->live = true;
	r = region_at_locked(phys);
	if (r) {
		r->refs++;
		r->live++;
		m->region = r;
		m->roff = phys - r->phys;
		m->limit = min_t(unsigned long, size, r->size - m->roff);
		if (!r->ops.read)
			m->rmem = r->mem + m->roff;
		if (!r->ops.write)
			m->wmem = r->mem + m->roff;
	}
	m->pages_held = npages;
	for (i = 0; i < npages; i++) {
		struct mmio_map *old = page_map[first + i];

		__atomic_store_n(&page_map[first + i], m, __ATOMIC_RELEASE);
		if (old)
			map_unhold(old);
	}
	cursor = (first + npages) % nr_pages;
	if (first + npages > used_pages)
		__atomic_store_n(&used_pages, first + npages, __ATOMIC_RELAXED);
	list_add_tail(&m->node, &live_maps);
	__atomic_store_n(&nr_live, nr_live + 1, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&mmio_lock);
	return (void __iomem *)m->va;
}

void __kshim_iounmap(volatile void __iomem *addr,
		     const struct kshim_site *site)
{
	unsigned long a = (unsigned long)addr;
	struct mmio_map *m;

	/* addr <= high_memory: NULL, the direct map */
	if (!arch_mmio_owns(a) && (a < PAGE_SIZE || virt_addr_valid(a)))
		return;
	pthread_mutex_lock(&mmio_lock);
	m = map_of(a);
	if (m && m->live) {
		__atomic_store_n(&m->live, false, __ATOMIC_RELAXED);
		__atomic_store_n(&m->rmem, NULL, __ATOMIC_RELAXED);
		__atomic_store_n(&m->wmem, NULL, __ATOMIC_RELAXED);
		m->unmap_site = site;
		list_del(&m->node);
		if (m->region)
			m->region->live--;
		__atomic_store_n(&nr_live, nr_live - 1, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&mmio_lock);
		return;
	}
	pthread_mutex_unlock(&mmio_lock);

	kshim_report_begin(KSHIM_REPORT_MMIO, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	printk(KERN_ERR "iounmap: bad address %p\n",
	       (void *)(a & PAGE_MASK));
	if (m)
		pr_err("kshim: %#lx was mapped by %s(%pa, %#lx) at %s:%d and already unmapped at %s:%d\n",
		       a, kind_name[m->kind], &m->phys, m->size,
		       kshim_site_file(m->map_site),
		       kshim_site_line(m->map_site),
		       kshim_site_file(m->unmap_site),
		       kshim_site_line(m->unmap_site));
	dump_stack();
	kshim_report_end();
}

/* ---- the accessors ---- */

static void print_map(const struct mmio_map *m)
{
	pr_err("kshim: the mapping: %s(%pa, %#lx) at %s:%d (%s)\n",
	       kind_name[m->kind], &m->phys, m->size,
	       kshim_site_file(m->map_site), kshim_site_line(m->map_site),
	       kshim_site_func(m->map_site));
}

static void report_beyond(const struct mmio_map *m, unsigned long a,
			  unsigned int size, bool write,
			  const struct kshim_site *site)
{
	long off = (long)(a - m->va);

	kshim_report_begin(KSHIM_REPORT_MMIO, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	pr_err("kshim: MMIO %s() beyond the mapping: %u bytes at offset %s%#lx of a %#lx-byte mapping\n",
	       access_name(write, size), size, off < 0 ? "-" : "",
	       off < 0 ? -off : off, m->size);
	print_map(m);
	pr_err("kshim: the access: %s:%d (%s)\n", kshim_site_file(site),
	       kshim_site_line(site), kshim_site_func(site));
	dump_stack();
	kshim_report_end();
}

static void report_no_register(const struct mmio_map *m, unsigned long a,
			       unsigned int size, bool write,
			       const struct kshim_site *site)
{
	phys_addr_t phys = m->phys + (a - m->va);

	kshim_report_begin(KSHIM_REPORT_MMIO, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	if (m->region)
		pr_err("kshim: MMIO %s() at physical address %pa: no device register there (the device's region is [mem %#llx-%#llx])\n",
		       access_name(write, size), &phys,
		       (unsigned long long)m->region->phys,
		       (unsigned long long)(m->region->phys +
					    m->region->size - 1));
	else
		pr_err("kshim: MMIO %s() at physical address %pa: no device there\n",
		       access_name(write, size), &phys);
	print_map(m);
	pr_err("kshim: the access: %s:%d (%s)\n", kshim_site_file(site),
	       kshim_site_line(site), kshim_site_func(site));
	dump_stack();
	kshim_report_end();
}

static inline __attribute__((always_inline)) uint64_t
load(const uint8_t *p, unsigned int size)
{
	uint64_t v = 0;

	if ((unsigned long)p & (size - 1)) {
		memcpy(&v, p, size);	/* split, as the bus splits it */
		return v;
	}
	switch (size) {
	case 1:
		return __atomic_load_n(p, __ATOMIC_RELAXED);
	case 2:
		return __atomic_load_n((const uint16_t *)p, __ATOMIC_RELAXED);
	case 4:
		return __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED);
	default:
		return __atomic_load_n((const uint64_t *)p, __ATOMIC_RELAXED);
	}
}

static inline __attribute__((always_inline)) void
store(uint8_t *p, uint64_t v, unsigned int size)
{
	if ((unsigned long)p & (size - 1)) {
		memcpy(p, &v, size);
		return;
	}
	switch (size) {
	case 1:
		__atomic_store_n(p, (uint8_t)v, __ATOMIC_RELAXED);
		break;
	case 2:
		__atomic_store_n((uint16_t *)p, (uint16_t)v, __ATOMIC_RELAXED);
		break;
	case 4:
		__atomic_store_n((uint32_t *)p, (uint32_t)v, __ATOMIC_RELAXED);
		break;
	default:
		__atomic_store_n((uint64_t *)p, v, __ATOMIC_RELAXED);
		break;
	}
}

/* The kernel's access to a pointer that is no ioremap() address. */
static uint64_t raw_access(unsigned long a, uint64_t val, unsigned int size,
			   bool write, const struct kshim_site *site)
{
	uint64_t v = 0;

	if (a < PAGE_SIZE)		/* the NULL page */
		arch_oops_at(a, write, kshim_site_file(site),
			     kshim_site_line(site), kshim_site_func(site));
	arch_fault_access_site = site;	/* a fault there is this line's */
	switch (size) {
	case 1:
		if (write)
			*(volatile uint8_t *)a = val;
		else
			v = *(volatile uint8_t *)a;
		break;
	case 2:
		if (write)
			*(volatile uint16_t *)a = val;
		else
			v = *(volatile uint16_t *)a;
		break;
	case 4:
		if (write)
			*(volatile uint32_t *)a = val;
		else
			v = *(volatile uint32_t *)a;
		break;
	default:
		if (write)
			*(volatile uint64_t *)a = val;
		else
			v = *(volatile uint64_t *)a;
		break;
	}
	arch_fault_access_site = NULL;
	return v;
}

static uint64_t mmio_slow(unsigned long a, uint64_t val, unsigned int size,
			  bool write, const struct kshim_site *site)
{
	struct mmio_map *m;
	struct kshim_mmio_region *r;
	unsigned long off;

	if (!arch_mmio_owns(a))
		return raw_access(a, val, size, write, site);
	m = map_of(a);
	if (!m || !__atomic_load_n(&m->live, __ATOMIC_RELAXED))
		arch_oops_at(a, write, kshim_site_file(site),
			     kshim_site_line(site), kshim_site_func(site));
	off = a - m->va;
	if (a < m->va || off + size > m->size || off + size < off) {
		report_beyond(m, a, size, write, site);
		return write ? 0 : all_ones(size);
	}
	r = m->region;
	if (r && __atomic_load_n(&r->gone, __ATOMIC_RELAXED))
		return write ? 0 : all_ones(size);	/* unplugged */
	if (!r || off + size > m->limit) {
		report_no_register(m, a, size, write, site);
		return write ? 0 : all_ones(size);
	}
	off += m->roff;
	if (write) {
		if (r->ops.write)
			r->ops.write(r->priv, off, val, size);
		else
			store(r->mem + off, val, size);
	} else {
		if (r->ops.read)
			val = r->ops.read(r->priv, off, size) & all_ones(size);
		else
			val = load(r->mem + off, size);
	}
	trace_record(r, off, size, write, val, site);
	return val;
}

u64 __kshim_mmio_read(const volatile void __iomem *addr, unsigned int size,
		      const struct kshim_site *site)
{
	unsigned long a = (unsigned long)addr;
	unsigned long idx = (a - arch_mmio_start) >> PAGE_SHIFT;
	struct mmio_map *m;
	unsigned long off;
	const uint8_t *mem;
	uint64_t v;

	if (likely(idx < nr_pages)) {
		m = __atomic_load_n(&page_map[idx], __ATOMIC_ACQUIRE);
		mem = m ? __atomic_load_n(&m->rmem, __ATOMIC_RELAXED) : NULL;
		off = m ? a - m->va : 0;
		if (likely(mem && off < m->limit && m->limit - off >= size &&
			   !(a & (size - 1)))) {
			v = load(mem + off, size);
			trace_record(m->region, off + m->roff, size, false, v,
				     site);
			return v;
		}
	}
	return mmio_slow(a, 0, size, false, site);
}

void __kshim_mmio_write(volatile void __iomem *addr, u64 val,
			unsigned int size, const struct kshim_site *site)
{
	unsigned long a = (unsigned long)addr;
	unsigned long idx = (a - arch_mmio_start) >> PAGE_SHIFT;
	struct mmio_map *m;
	unsigned long off;
	uint8_t *mem;

	if (likely(idx < nr_pages)) {
		m = __atomic_load_n(&page_map[idx], __ATOMIC_ACQUIRE);
		mem = m ? __atomic_load_n(&m->wmem, __ATOMIC_RELAXED) : NULL;
		off = m ? a - m->va : 0;
		if (likely(mem && off < m->limit && m->limit - off >= size &&
			   !(a & (size - 1)))) {
			store(mem + off, val, size);
			trace_record(m->region, off + m->roff, size, true, val,
				     site);
			return;
		}
	}
	mmio_slow(a, val, size, true, site);
}

/* ---- what a fault in the area is (the oops explains it) ---- */

bool kshim_mmio_fault_explain(unsigned long addr)
{
	struct mmio_map *m = map_of(addr);
	unsigned long page = (addr - (unsigned long)arch_mmio_start) >>
			     PAGE_SHIFT;
	long off;

	if (!m && page >= __atomic_load_n(&used_pages, __ATOMIC_RELAXED))
		return false;
	if (!m) {
		printk(KERN_ALERT "kshim: %#lx is in the ioremap area, but no ioremap() mapped it: a pointer that is no MMIO mapping\n",
		       addr);
		return true;
	}
	off = (long)(addr - m->va);
	if (!__atomic_load_n(&m->live, __ATOMIC_RELAXED)) {
		printk(KERN_ALERT "kshim: %#lx was MMIO: offset %s%#lx of %s(%pa, %#lx) at %s:%d, unmapped by iounmap() at %s:%d: an access after iounmap()\n",
		       addr, off < 0 ? "-" : "", off < 0 ? -off : off,
		       kind_name[m->kind], &m->phys, m->size,
		       kshim_site_file(m->map_site),
		       kshim_site_line(m->map_site),
		       kshim_site_file(m->unmap_site),
		       kshim_site_line(m->unmap_site));
		return true;
	}
	printk(KERN_ALERT "kshim: %#lx is __iomem: offset %s%#lx of the %#lx-byte MMIO mapping %s(%pa, %#lx) at %s:%d\n",
	       addr, off < 0 ? "-" : "", off < 0 ? -off : off, m->size,
	       kind_name[m->kind], &m->phys, m->size,
	       kshim_site_file(m->map_site), kshim_site_line(m->map_site));
	printk(KERN_ALERT "kshim: __iomem memory is accessed only with readl()/writel(), ioread32()/iowrite32(), memcpy_fromio() ... (sparse: different address space); a plain dereference faults in kshim\n");
	return true;
}

/* ---- boot and tests ---- */

static long ledger_live(void *arg)
{
	return __atomic_load_n(&nr_live, __ATOMIC_RELAXED);
}

static void explain_live(void *arg)
{
	struct mmio_map *m;

	pthread_mutex_lock(&mmio_lock);
	list_for_each_entry(m, &live_maps, node) {
		if (m->serial < test_serial)
			continue;
		pr_err("  %s(%pa, %#lx) at %s:%d (%s) is still mapped at %#lx\n",
		       kind_name[m->kind], &m->phys, m->size,
		       kshim_site_file(m->map_site),
		       kshim_site_line(m->map_site),
		       kshim_site_func(m->map_site), m->va);
	}
	pthread_mutex_unlock(&mmio_lock);
}

void kshim_mmio_init(void)
{
	static bool registered;

	if (!page_map) {
		trace_fenced = arch_fence_init();
		nr_pages = MMIO_AREA_SIZE >> PAGE_SHIFT;
		/* heap, not arch_alloc_sparse(): leak checkers see the
		 * unmapped mappings the table still points at */
		page_map = calloc(nr_pages, sizeof(*page_map));
		if (!page_map)
			arch_host_fail("allocating the ioremap page table");
		arch_mmio_start =
			(unsigned long)arch_mmio_reserve(MMIO_AREA_SIZE);
		arch_mmio_end = arch_mmio_start + MMIO_AREA_SIZE;
	}
	if (!registered) {
		registered = true;
		kshim_ledger_add("ioremap mappings", ledger_live,
				 explain_live, NULL);
	}
}

void kshim_mmio_test_begin(void)
{
	pthread_mutex_lock(&mmio_lock);
	test_serial = next_serial;
	pthread_mutex_unlock(&mmio_lock);
}

/* ---- the functions behind the macros ---- */

#undef ioremap
#undef ioremap_uc
#undef ioremap_wc
#undef ioremap_wt
#undef ioremap_cache
#undef ioremap_encrypted
#undef iounmap

void __iomem *ioremap(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP, NULL);
}
EXPORT_SYMBOL(ioremap);

void __iomem *ioremap_uc(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP_UC, NULL);
}
EXPORT_SYMBOL(ioremap_uc);

void __iomem *ioremap_wc(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP_WC, NULL);
}
EXPORT_SYMBOL(ioremap_wc);

void __iomem *ioremap_wt(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP_WT, NULL);
}
EXPORT_SYMBOL(ioremap_wt);

void __iomem *ioremap_cache(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP_CACHE, NULL);
}
EXPORT_SYMBOL(ioremap_cache);

void __iomem *ioremap_encrypted(resource_size_t offset, unsigned long size)
{
	return __kshim_ioremap(offset, size, KSHIM_IOREMAP_ENCRYPTED, NULL);
}
EXPORT_SYMBOL(ioremap_encrypted);

void iounmap(volatile void __iomem *addr)
{
	__kshim_iounmap(addr, NULL);
}
EXPORT_SYMBOL(iounmap);
