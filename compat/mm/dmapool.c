// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/dmapool.c - pools of small coherent DMA blocks.
 *
 * The behaviour of mm/dmapool.c of 6.1 with its debug checks on (6.1's
 * DMAPOOL_DEBUG, which CONFIG_SLUB_DEBUG_ON enables; kshim is that debug
 * kernel), in kshim's own structure:
 *
 *  - dma_pool_create(name, dev, size, align, boundary): NULL when @align
 *    is not a power of two (0 counts as 1), @size is 0, or @boundary is
 *    neither 0 nor a power of two at least the block size.  Blocks are
 *    @size rounded up to 4 bytes and then to @align; the pool takes
 *    dma_alloc_coherent() memory of @dev in chunks of one block or one
 *    page, whichever is larger; no block crosses a multiple of @boundary
 *    (0: the chunk size).  The pool is listed on dev->dma_pools.  Context:
 *    may sleep.  @dev may not be NULL (6.1 dereferences it here too).
 *  - dma_pool_alloc(): might_sleep() at the caller's line for a blocking
 *    gfp; the pool's spinlock (irqsave) guards its chunks, so GFP_ATOMIC
 *    works in any context; a new chunk is allocated with the lock dropped.
 *    Blocks of a chunk are handed out last-freed first, the newest chunk
 *    first, as 6.1's free lists do.  The block comes back filled with
 *    POOL_POISON_ALLOCATED (0xa9), or zeroed for __GFP_ZERO
 *    (dma_pool_zalloc()) and init_on_alloc.
 *  - dma_pool_free() fills the block with POOL_POISON_FREED (0xa7); the
 *    next dma_pool_alloc() of it checks the pattern, so a CPU or device
 *    write after free is reported there ("(corrupted)", with a hex dump).
 *  - dma_pool_destroy() frees the idle chunks; a chunk with blocks still
 *    allocated is reported ("busy") and its memory leaked, as 6.1 does (the
 *    device may still be writing it): the DMA-API and page ledgers then
 *    name it at test end, at the dma_pool_alloc() line that created it.
 *  - dmam_pool_create()/dmam_pool_destroy(): a devres entry destroys the
 *    pool when the driver goes; dmam_pool_destroy() of a pool without one
 *    WARNs at the caller's line (6.1's WARN_ON).
 *
 * Reports (class "dma_pool", one per message, each failing the test unless
 * expected): 6.1's dev_err() text ("<driver> <device>: " prefix; pr_err()
 * without a device), then a kshim line naming the driver's call by
 * file:line and what kshim knows besides (who allocated or freed the
 * block).  The messages: "dma_pool_destroy <pool>, <chunk> busy",
 * "dma_pool_free <pool>, <vaddr>/<dma> (bad dma)", "... <vaddr> (bad
 * vaddr)/<dma>", "... dma <dma> already free", "dma_pool_alloc <pool>,
 * <block> (corrupted)".  kshim's ledger row "dma pools" names the
 * creation line of every pool still existing when a test ends.
 *
 * Deviations, each deliberate:
 *  - Free blocks are tracked beside the memory (a stack of free block
 *    numbers and a state per block), not in a list threaded through the
 *    blocks.  So the whole freed block carries the poison and is checked
 *    (6.1 cannot check its first 4 bytes, which hold its list link), and a
 *    write after free cannot corrupt the pool itself.
 *  - A free of an address inside the pool that is no block's start (6.1
 *    takes it and corrupts its free list) is kshim's own report, "kshim:
 *    dma_pool_free <pool>, <vaddr>/<dma> is not the start of a block", and
 *    is ignored.  A "bad vaddr" free is detected before init_on_free would
 *    clear anything (6.1 clears the caller's bad address first).
 *  - Placement follows 6.1, including its quirk: the last slot before each
 *    boundary stays empty when it would end exactly at the boundary (6.1's
 *    placement compares the following block's end with ">="; fixed after
 *    6.1), so blocks get 6.1's addresses.  6.1 also places blocks beyond
 *    the chunk when @boundary exceeds it (an overrun of its coherent
 *    memory); kshim never does.
 *  - No "pools" sysfs attribute (kshim has no sysfs).
 */
#include <pthread.h>
#include <stdarg.h>
#include <string.h>

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <asm/bug.h>

#include <kshim/ledger.h>
#include <kshim/report.h>

#include "kshim/internal.h"

/* Smallest block: 6.1 keeps its free-list link (an int) in free blocks. */
#define MIN_BLOCK	4
#define NAME_LEN	32

/* Per block of a chunk: handed out or not, and the last call to touch it. */
struct block_state {
	const struct kshim_site *who;	/* alloc (busy) or free; NULL: never */
	bool busy;
};

/* One dma_alloc_coherent() allocation cut into blocks. */
struct pool_chunk {
	struct list_head node;		/* in pool->chunks, newest first */
	void *cpu;
	dma_addr_t bus;
	unsigned int in_use;		/* blocks handed out */
	unsigned int nr_free;		/* entries of free_stack */
	unsigned int *free_stack;	/* block numbers, the next on top */
	struct block_state *state;	/* per block number */
};

struct dma_pool {
	spinlock_t lock;		/* chunks and their blocks */
	struct list_head chunks;
	struct device *dev;
	size_t block;			/* bytes per block */
	size_t chunk_bytes;		/* coherent bytes per chunk */
	size_t seg;			/* no block crosses a multiple of it */
	unsigned int per_seg;		/* blocks placed in each segment */
	unsigned int per_chunk;
	struct list_head pools;		/* on dev->dma_pools */
	struct list_head all;		/* kshim: every pool, for the ledger */
	const struct kshim_site *site;	/* kshim: where it was created */
	char name[NAME_LEN];
};

/* dev->dma_pools of every device, and the ledger's list. */
static pthread_mutex_t pools_mutex = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(all_pools);
static long nr_pools;

/* ---- geometry: where the blocks of a chunk lie ---- */

/*
 * A chunk is a row of segments of pool->seg bytes (one segment, the whole
 * chunk, when the boundary exceeds the chunk).  A segment holds per_seg
 * blocks, packed from its start.
 */
static size_t block_offset(const struct dma_pool *pool, unsigned int nr)
{
	return (size_t)(nr / pool->per_seg) * pool->seg +
	       (size_t)(nr % pool->per_seg) * pool->block;
}

/* The block number at @off, or -1 when no block starts there. */
static long block_at(const struct dma_pool *pool, size_t off)
{
	size_t in_seg = off % pool->seg;
	size_t slot = in_seg / pool->block;

	if (off >= pool->chunk_bytes || in_seg % pool->block ||
	    slot >= pool->per_seg)
		return -1;
	return (long)(off / pool->seg * pool->per_seg + slot);
}

static void plan_layout(struct dma_pool *pool, size_t boundary)
{
	size_t n = 1;

	if (boundary > pool->chunk_bytes) {
		/* The chunk's end is the only limit. */
		pool->seg = pool->chunk_bytes;
		pool->per_seg = pool->chunk_bytes / pool->block;
		pool->per_chunk = pool->per_seg;
		return;
	}
	/* 6.1's rule: a slot after the first needs room to spare. */
	while ((n + 1) * pool->block < boundary)
		n++;
	pool->seg = boundary;
	pool->per_seg = n;
	pool->per_chunk = n * (pool->chunk_bytes / boundary);
}

static bool is_pow2(size_t x)
{
	return x && !(x & (x - 1));
}

/* ---- reports ---- */

static void report_begin(const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_DMA_POOL, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
}

/* The kernel's line: dev_err() of the pool's device, else pr_err(). */
static __printf(2, 3) void pool_err(const struct dma_pool *pool,
				    const char *fmt, ...)
{
	struct va_format vaf;
	va_list ap;

	va_start(ap, fmt);
	vaf.fmt = fmt;
	vaf.va = &ap;
	if (pool->dev)
		dev_err(pool->dev, "%pV", &vaf);
	else
		pr_err("%pV", &vaf);
	va_end(ap);
}

static void print_site(const char *what, const struct kshim_site *site)
{
	if (site)
		pr_cont("%s %s:%d (%s)", what, kshim_site_file(site),
			kshim_site_line(site), kshim_site_func(site));
	else
		pr_cont("%s an unknown caller", what);
}

/* "kshim: <api>() at <file>:<line> (<func>); pool <name> created at ..." */
static void report_where(const struct dma_pool *pool, const char *api,
			 const struct kshim_site *site)
{
	pr_err("kshim: %s()", api);
	print_site(" at", site);
	pr_cont("; pool %s", pool->name);
	print_site(" created at", pool->site);
	pr_cont("\n");
}

/* ---- chunks ---- */

static size_t chunk_meta_bytes(const struct dma_pool *pool)
{
	return sizeof(struct pool_chunk) +
	       pool->per_chunk * (sizeof(unsigned int) +
				  sizeof(struct block_state));
}

static struct pool_chunk *chunk_new(struct dma_pool *pool, gfp_t gfp,
				    const struct kshim_site *site)
{
	unsigned long attrs = (gfp & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0;
	struct pool_chunk *c;
	unsigned int i;

	gfp &= ~__GFP_ZERO;
	c = __kshim_kmalloc(chunk_meta_bytes(pool), gfp, NUMA_NO_NODE, site);
	if (!c)
		return NULL;
	c->state = (struct block_state *)(c + 1);
	c->free_stack = (unsigned int *)(c->state + pool->per_chunk);
	c->cpu = __kshim_dma_alloc_attrs(pool->dev, pool->chunk_bytes,
					 &c->bus, gfp, attrs, site);
	if (!c->cpu) {
		__kshim_kfree(c, site);
		return NULL;
	}
	/* Slack and gaps too: nothing of a chunk reads as data. */
	memset(c->cpu, POOL_POISON_FREED, pool->chunk_bytes);
	memset(c->state, 0, pool->per_chunk * sizeof(*c->state));
	/* Lowest block on top, so a fresh chunk is used from its start. */
	for (i = 0; i < pool->per_chunk; i++)
		c->free_stack[i] = pool->per_chunk - 1 - i;
	c->nr_free = pool->per_chunk;
	c->in_use = 0;
	return c;
}

static void chunk_release(struct dma_pool *pool, struct pool_chunk *c,
			  const struct kshim_site *site)
{
	memset(c->cpu, POOL_POISON_FREED, pool->chunk_bytes);
	__kshim_dma_free_attrs(pool->dev, pool->chunk_bytes, c->cpu, c->bus,
			       0, site);
	__kshim_kfree(c, site);
}

static struct pool_chunk *chunk_holding(struct dma_pool *pool,
					dma_addr_t dma)
{
	struct pool_chunk *c;

	list_for_each_entry(c, &pool->chunks, node)
		if (dma >= c->bus && dma - c->bus < pool->chunk_bytes)
			return c;
	return NULL;
}

/* ---- create and destroy ---- */

struct dma_pool *__kshim_dma_pool_create(const char *name,
					 struct device *dev, size_t size,
					 size_t align, size_t boundary,
					 const struct kshim_site *site)
{
	struct dma_pool *pool;
	size_t block, chunk;

	if (!align)
		align = 1;
	if (!is_pow2(align) || !size)
		return NULL;
	block = ALIGN(max_t(size_t, size, MIN_BLOCK), align);
	chunk = max_t(size_t, block, PAGE_SIZE);
	if (!boundary)
		boundary = chunk;
	else if (!is_pow2(boundary) || boundary < block)
		return NULL;

	pool = __kshim_kmalloc(sizeof(*pool), GFP_KERNEL, NUMA_NO_NODE, site);
	if (!pool)
		return NULL;
	memset(pool, 0, sizeof(*pool));
	strscpy(pool->name, name, sizeof(pool->name));
	spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->chunks);
	pool->dev = dev;
	pool->block = block;
	pool->chunk_bytes = chunk;
	pool->site = site;
	plan_layout(pool, boundary);

	pthread_mutex_lock(&pools_mutex);
	list_add(&pool->pools, &dev->dma_pools);
	list_add_tail(&pool->all, &all_pools);
	nr_pools++;
	pthread_mutex_unlock(&pools_mutex);
	return pool;
}

/* 6.1's "busy" line for chunk @c, and which blocks are still out. */
static void report_busy(struct dma_pool *pool, struct pool_chunk *c,
			const char *api, const struct kshim_site *site)
{
	unsigned int i, named = 0;

	report_begin(site);
	pool_err(pool, "%s %s, %p busy\n", "dma_pool_destroy", pool->name,
		 c->cpu);
	report_where(pool, api, site);
	if (strcmp(api, "dma_pool_destroy"))
		pr_err("kshim: destroyed by devres, the driver being unbound\n");
	for (i = 0; i < pool->per_chunk && named < 4; i++) {
		dma_addr_t at = c->bus + block_offset(pool, i);

		if (!c->state[i].busy)
			continue;
		pr_err("kshim: block %pad still allocated", &at);
		print_site(" by", c->state[i].who);
		pr_cont("\n");
		named++;
	}
	if (c->in_use > named)
		pr_err("kshim: and %u more blocks of that chunk\n",
		       c->in_use - named);
	pr_err("kshim: the chunk's %zu bytes of coherent memory are leaked, as the kernel leaks them (the device may still use them)\n",
	       pool->chunk_bytes);
	kshim_report_end();
}

/*
 * @api and @site: the call the reports name, dma_pool_destroy() or, for a
 * managed pool that devres destroys, its dmam_pool_create().
 */
static void pool_teardown(struct dma_pool *pool, const char *api,
			  const struct kshim_site *site)
{
	struct pool_chunk *c, *next;

	__kshim_might_sleep(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site));
	pthread_mutex_lock(&pools_mutex);
	list_del(&pool->pools);
	list_del(&pool->all);
	nr_pools--;
	pthread_mutex_unlock(&pools_mutex);

	list_for_each_entry_safe(c, next, &pool->chunks, node) {
		list_del(&c->node);
		if (!c->in_use) {
			chunk_release(pool, c, site);
			continue;
		}
		report_busy(pool, c, api, site);
		/* the metadata goes; the coherent memory stays allocated */
		__kshim_kfree(c, site);
	}
	__kshim_kfree(pool, site);
}

void __kshim_dma_pool_destroy(struct dma_pool *pool,
			      const struct kshim_site *site)
{
	if (pool)
		pool_teardown(pool, "dma_pool_destroy", site);
}

/* ---- blocks ---- */

/* A freed block must still hold the free poison, byte for byte. */
static void check_poison(struct dma_pool *pool, u8 *blk,
			 const struct kshim_site *freed_by,
			 const struct kshim_site *site)
{
	size_t i = 0;

	while (i < pool->block && blk[i] == POOL_POISON_FREED)
		i++;
	if (i == pool->block)
		return;
	report_begin(site);
	pool_err(pool, "%s %s, %p (corrupted)\n", "dma_pool_alloc",
		 pool->name, blk);
	print_hex_dump(KERN_ERR, "", DUMP_PREFIX_OFFSET, 16, 1, blk,
		       pool->block, true);
	report_where(pool, "dma_pool_alloc", site);
	pr_err("kshim: byte %zu of the block is 0x%02x, not POOL_POISON_FREED (0x%02x): written by the CPU or the device while free",
	       i, blk[i], POOL_POISON_FREED);
	if (freed_by)
		print_site(", after dma_pool_free() at", freed_by);
	else
		pr_cont(", before its first allocation");
	pr_cont("\n");
	kshim_report_end();
}

void *__kshim_dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags,
			     dma_addr_t *handle,
			     const struct kshim_site *site)
{
	const struct kshim_site *freed_by;
	struct pool_chunk *c, *fresh = NULL;
	unsigned long flags;
	unsigned int nr;
	size_t off;
	u8 *blk;

	if (gfpflags_allow_blocking(mem_flags))
		__kshim_might_sleep(kshim_site_file(site),
				    kshim_site_line(site),
				    kshim_site_func(site));
	for (;;) {
		spin_lock_irqsave(&pool->lock, flags);
		if (fresh)
			list_add(&fresh->node, &pool->chunks);
		list_for_each_entry(c, &pool->chunks, node)
			if (c->nr_free)
				goto take;
		spin_unlock_irqrestore(&pool->lock, flags);
		/* No room: a new chunk, without the lock (it may sleep). */
		fresh = chunk_new(pool, mem_flags, site);
		if (!fresh)
			return NULL;
	}
take:
	nr = c->free_stack[--c->nr_free];
	c->in_use++;
	freed_by = c->state[nr].who;
	c->state[nr].busy = true;
	c->state[nr].who = site;
	off = block_offset(pool, nr);
	blk = (u8 *)c->cpu + off;
	*handle = c->bus + off;
	spin_unlock_irqrestore(&pool->lock, flags);

	/* The block is the caller's now: check and fill it unlocked. */
	check_poison(pool, blk, freed_by, site);
	if (want_init_on_alloc(mem_flags))
		memset(blk, 0, pool->block);
	else
		memset(blk, POOL_POISON_ALLOCATED, pool->block);
	return blk;
}

enum free_verdict { FREE_OK, BAD_DMA, BAD_VADDR, NOT_A_BLOCK, TWICE };

void __kshim_dma_pool_free(struct dma_pool *pool, void *vaddr,
			   dma_addr_t dma, const struct kshim_site *site)
{
	enum free_verdict v = FREE_OK;
	const struct kshim_site *who = NULL;
	struct pool_chunk *c;
	unsigned long flags;
	long nr = -1;
	size_t off = 0;

	spin_lock_irqsave(&pool->lock, flags);
	c = chunk_holding(pool, dma);
	if (!c) {
		v = BAD_DMA;
	} else {
		off = dma - c->bus;
		if ((char *)vaddr - (char *)c->cpu != (ptrdiff_t)off)
			v = BAD_VADDR;
		else if ((nr = block_at(pool, off)) < 0)
			v = NOT_A_BLOCK;
		else if (!c->state[nr].busy)
			v = TWICE;
	}
	if (v == FREE_OK) {
		if (want_init_on_free())
			memset(vaddr, 0, pool->block);
		memset(vaddr, POOL_POISON_FREED, pool->block);
		c->state[nr].busy = false;
		c->state[nr].who = site;
		c->free_stack[c->nr_free++] = nr;
		c->in_use--;
		/* An idle chunk stays for the next allocation (as 6.1). */
	} else if (v == TWICE) {
		who = c->state[nr].who;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	if (v == FREE_OK)
		return;

	report_begin(site);
	switch (v) {
	case BAD_DMA:
		pool_err(pool, "%s %s, %p/%pad (bad dma)\n", "dma_pool_free",
			 pool->name, vaddr, &dma);
		break;
	case BAD_VADDR:
		pool_err(pool, "%s %s, %p (bad vaddr)/%pad\n",
			 "dma_pool_free", pool->name, vaddr, &dma);
		break;
	case NOT_A_BLOCK:
		pr_err("kshim: dma_pool_free %s, %p/%pad is not the start of a block (blocks of %zu bytes); ignored\n",
		       pool->name, vaddr, &dma, pool->block);
		break;
	default:
		pool_err(pool, "%s %s, dma %pad already free\n",
			 "dma_pool_free", pool->name, &dma);
		break;
	}
	report_where(pool, "dma_pool_free", site);
	if (v == TWICE) {
		pr_err("kshim: the block was");
		print_site(" freed at", who);
		pr_cont("\n");
	}
	kshim_report_end();
}

/* ---- managed pools ---- */

/* The devres entry of a managed pool. */
struct managed_pool {
	struct dma_pool *pool;
};

/* Unbind, or dmam_pool_destroy(): reports name the dmam_pool_create(). */
static void managed_pool_release(struct device *dev, void *res)
{
	struct managed_pool *m = res;

	pool_teardown(m->pool, "dmam_pool_create", m->pool->site);
}

static int managed_pool_is(struct device *dev, void *res, void *pool)
{
	return ((struct managed_pool *)res)->pool == pool;
}

struct dma_pool *__kshim_dmam_pool_create(const char *name,
					  struct device *dev, size_t size,
					  size_t align, size_t boundary,
					  const struct kshim_site *site)
{
	struct managed_pool *m;
	struct dma_pool *pool;

	/* devres node first, as 6.1: its failure leaves no pool behind */
	m = __kshim_devres_alloc_node(managed_pool_release, sizeof(*m),
				      GFP_KERNEL, NUMA_NO_NODE,
				      "dmam_pool_release", site);
	if (!m)
		return NULL;
	pool = __kshim_dma_pool_create(name, dev, size, align, boundary, site);
	if (!pool) {
		__kshim_devres_free(m, site);
		return NULL;
	}
	m->pool = pool;
	__kshim_devres_add(dev, m, site);
	return pool;
}

void __kshim_dmam_pool_destroy(struct dma_pool *pool,
			       const struct kshim_site *site)
{
	/* No devres entry for it: 6.1's WARN_ON, at the caller's line. */
	if (devres_release(pool->dev, managed_pool_release, managed_pool_is,
			   pool))
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
}

/* ---- ledger and machine lifecycle ---- */

static long ledger_pools(void *arg)
{
	return __atomic_load_n(&nr_pools, __ATOMIC_RELAXED);
}

static void explain_pools(void *arg)
{
	struct dma_pool *pool;
	struct pool_chunk *c;
	unsigned int shown = 0;

	pthread_mutex_lock(&pools_mutex);
	list_for_each_entry(pool, &all_pools, all) {
		unsigned int used = 0, chunks = 0;

		if (shown++ == 20)
			break;
		list_for_each_entry(c, &pool->chunks, node) {
			used += c->in_use;
			chunks++;
		}
		/* no device name: the device may be gone */
		pr_err("kshim: dma pool %s (blocks of %zu bytes, %u in use, %u chunks) still exists, created at %s:%d (%s); dma_pool_destroy() frees it\n",
		       pool->name, pool->block, used, chunks,
		       kshim_site_file(pool->site),
		       kshim_site_line(pool->site),
		       kshim_site_func(pool->site));
	}
	pthread_mutex_unlock(&pools_mutex);
}

void kshim_dmapool_init(void)
{
	static bool registered;

	if (!registered) {
		registered = true;
		kshim_ledger_add("dma pools", ledger_pools, explain_pools,
				 NULL);
	}
}

/* The machine goes: its pools lived in its RAM. */
void kshim_dmapool_exit(void)
{
	pthread_mutex_lock(&pools_mutex);
	INIT_LIST_HEAD(&all_pools);
	nr_pools = 0;
	pthread_mutex_unlock(&pools_mutex);
}

/* ---- the kernel's names as real functions (their addresses) ---- */

/* Called through a pointer: the reports name this file. */
#define HERE	__KSHIM_CALLSITE

#undef dma_pool_create
#undef dma_pool_destroy
#undef dma_pool_alloc
#undef dma_pool_free
#undef dmam_pool_create
#undef dmam_pool_destroy

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary)
{
	return __kshim_dma_pool_create(name, dev, size, align, boundary,
				       HERE);
}

void dma_pool_destroy(struct dma_pool *pool)
{
	__kshim_dma_pool_destroy(pool, HERE);
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags,
		     dma_addr_t *handle)
{
	return __kshim_dma_pool_alloc(pool, mem_flags, handle, HERE);
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	__kshim_dma_pool_free(pool, vaddr, dma, HERE);
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t boundary)
{
	return __kshim_dmam_pool_create(name, dev, size, align, boundary,
					HERE);
}

void dmam_pool_destroy(struct dma_pool *pool)
{
	__kshim_dmam_pool_destroy(pool, HERE);
}
