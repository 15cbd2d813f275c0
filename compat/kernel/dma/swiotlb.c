// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/dma/swiotlb.c - the bounce slots of every streaming
 * mapping, as kernel/dma/swiotlb.c of 6.1 behaves with swiotlb=force.
 *
 * kshim bounces every streaming mapping, whatever the device's mask, so
 * that a driver relying on coherence it was not promised fails in tests:
 * the device works on the slots, the CPU on its own buffer, and data
 * moves between them only when the DMA API says so (6.1's rules):
 *  - map: the buffer is copied to the slots, whatever the direction (6.1
 *    copies even for DMA_FROM_DEVICE, so a device that writes less than
 *    the mapping does not leak old slot contents);
 *  - sync_for_device: copied to the slots for DMA_TO_DEVICE and
 *    DMA_BIDIRECTIONAL;
 *  - sync_for_cpu and unmap: copied back for DMA_FROM_DEVICE and
 *    DMA_BIDIRECTIONAL (unmap not with DMA_ATTR_SKIP_CPU_SYNC).
 * Slots are 2 KiB (IO_TLB_SIZE); a mapping takes up to 128 contiguous
 * ones (256 KiB, swiotlb_max_mapping_size()), page aligned when it is a
 * page or more.  The pool grows on demand in 1 MiB chunks of simulated
 * lowmem, up to 64 MiB (the kernel's default swiotlb size); then
 * mapping fails with the kernel's "swiotlb buffer is full" warning.
 * The search for free slots goes round from where the last one ended, as
 * the kernel's does, so a freed bus address is not handed out again at
 * once (a device still using it then faults); kshim's one difference:
 * while at most 32 slots are in use, the round is the first 64 slots of
 * a chunk rather than all of it, so the slots in use stay in the CPU's
 * caches (some 64 mappings pass before an address comes back).
 * Chunks are kept until the machine reboots; their pages are not the
 * "pages allocated" ledger's (kshim_dma_pages_held).  The CPU's buffer is
 * copied through kshim's backdoor view of RAM, so highmem pages need no
 * kmap and the poisoned direct-map view (arch/dma_owner.c) is not touched.
 */
#include <pthread.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "mm/internal.h"
#include "kernel/dma/internal.h"

#define CHUNK_ORDER	8
#define CHUNK_BYTES	(PAGE_SIZE << CHUNK_ORDER)
#define CHUNK_SLOTS	(CHUNK_BYTES >> KSHIM_IOTLB_SHIFT)
#define MAX_CHUNKS	64
#define FREE_SLOT	0xffffU
#define SLOTS_PER_PAGE	(PAGE_SIZE >> KSHIM_IOTLB_SHIFT)
/* Slots searched first while the pool is quiet (see the header). */
#define WINDOW_SLOTS	64

struct kshim_iotlb_chunk {
	char *va;			/* direct-map address of slot 0 */
	dma_addr_t bus;			/* bus (= physical) address of slot 0 */
	struct page *pages;
	unsigned int used;
	unsigned int hint;		/* where the next search starts */
	unsigned short first[CHUNK_SLOTS]; /* slot -> its mapping's first */
	struct kshim_dma_map maps[CHUNK_SLOTS];
};

static pthread_mutex_t iotlb_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct kshim_iotlb_chunk *chunks[MAX_CHUNKS];
static unsigned int nr_chunks;
long kshim_dma_pages_held;

void kshim_iotlb_lock(void)
{
	pthread_mutex_lock(&iotlb_mutex);
}

void kshim_iotlb_unlock(void)
{
	pthread_mutex_unlock(&iotlb_mutex);
}

size_t kshim_iotlb_max_mapping(void)
{
	return KSHIM_IOTLB_SEGSIZE * KSHIM_IOTLB_SLOT;
}

static struct kshim_iotlb_chunk *grow_pool(void)
{
	struct kshim_iotlb_chunk *c;
	struct page *pages;
	unsigned int i;

	if (nr_chunks == MAX_CHUNKS)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	/*
	 * Low memory first, as the kernel places its pool.  The kernel's pool
	 * exists from boot, so an injected page-allocation failure never
	 * fails a mapping: kshim's lazily grown pool is spared (__GFP_NOFAIL
	 * is never a fault-injection candidate).
	 */
	pages = alloc_pages(GFP_ATOMIC | __GFP_NOWARN | __GFP_NOFAIL,
			    CHUNK_ORDER);
	if (pages && page_to_phys(pages) + CHUNK_BYTES > (1ULL << 32)) {
		__free_pages(pages, CHUNK_ORDER);
		pages = alloc_pages(GFP_ATOMIC | __GFP_NOWARN | __GFP_NOFAIL |
				    GFP_DMA, CHUNK_ORDER);
	}
	if (!pages) {
		free(c);
		return NULL;
	}
	c->pages = pages;
	c->va = page_address(pages);
	c->bus = page_to_phys(pages);
	for (i = 0; i < CHUNK_SLOTS; i++)
		c->first[i] = FREE_SLOT;
	__atomic_fetch_add(&kshim_dma_pages_held, 1L << CHUNK_ORDER,
			   __ATOMIC_RELAXED);
	chunks[nr_chunks++] = c;
	return c;
}

/* @n free slots in a row in @c, starting at a multiple of @align. */
static int find_slots(struct kshim_iotlb_chunk *c, unsigned int n,
		      unsigned int align)
{
	unsigned int tries, start = c->hint - c->hint % align, i;

	if (c->used + n > CHUNK_SLOTS)
		return -1;
	for (tries = 0; tries < CHUNK_SLOTS; tries += align,
	     start = (start + align) % CHUNK_SLOTS) {
		if (start + n > CHUNK_SLOTS)
			continue;
		for (i = 0; i < n && c->first[start + i] == FREE_SLOT; i++)
			;
		if (i == n)
			return start;
	}
	return -1;
}

static unsigned long slots_used(void)
{
	unsigned long used = 0;
	unsigned int i;

	for (i = 0; i < nr_chunks; i++)
		used += chunks[i]->used;
	return used;
}

static void copy_dir(char *slot, char *cpu, size_t len, bool to_device)
{
	if (to_device)
		memcpy(slot, cpu, len);
	else
		memcpy(cpu, slot, len);
}

/*
 * Through the backdoor view: no kmap, no poisoned alias.  The backdoor
 * maps a node's frames in order, so a buffer whose first and last frames
 * are on one node is one run there: a single copy (the usual case); else
 * page by page.
 */
void kshim_iotlb_bounce(struct kshim_dma_map *m, size_t off, size_t len,
			bool to_device)
{
	unsigned long pfn, last;
	size_t pos = m->offset + off;
	char *slot = (char *)m->bounce + off;

	if (!len)
		return;
	/* Host memory standing in for kernel data (stack, static data). */
	if (!m->page) {
		copy_dir(slot, (char *)m->cpu + off, len, to_device);
		return;
	}
	pfn = page_to_pfn(m->page) + (pos >> PAGE_SHIFT);
	last = page_to_pfn(m->page) + ((pos + len - 1) >> PAGE_SHIFT);
	if (pfn == last || pfn_to_nid(pfn) == pfn_to_nid(last)) {
		copy_dir(slot, (char *)kshim_pfn_backdoor(pfn) +
			 (pos & (PAGE_SIZE - 1)), len, to_device);
		return;
	}
	while (len) {
		size_t in_page = pos & (PAGE_SIZE - 1);
		size_t n = min(len, (size_t)(PAGE_SIZE - in_page));

		copy_dir(slot, (char *)kshim_pfn_backdoor(pfn) + in_page, n,
			 to_device);
		pfn++;
		slot += n;
		pos += n;
		len -= n;
	}
}

struct kshim_dma_map *kshim_iotlb_map(struct device *dev, struct page *page,
				      size_t offset, size_t size,
				      enum dma_data_direction dir,
				      unsigned long attrs, const char *how,
				      const struct kshim_site *site)
{
	unsigned int n = (size + KSHIM_IOTLB_SLOT - 1) >> KSHIM_IOTLB_SHIFT;
	unsigned int align = size >= PAGE_SIZE ? SLOTS_PER_PAGE : 1;
	struct kshim_iotlb_chunk *c = NULL;
	struct kshim_dma_map *m;
	unsigned int i;
	int slot = -1;

	if (!n)
		n = 1;
	if (n > KSHIM_IOTLB_SEGSIZE) {
		/* the kernel's answer too: no slot run is that long */
		if (!(attrs & DMA_ATTR_NO_WARN))
			dev_warn_ratelimited(dev,
				"swiotlb buffer is full (sz: %zd bytes), total %lu (slots), used %lu (slots)\n",
				size, (unsigned long)nr_chunks * CHUNK_SLOTS,
				slots_used());
		return NULL;
	}
	kshim_iotlb_lock();
	for (i = 0; i < nr_chunks && slot < 0; i++) {
		c = chunks[i];
		slot = find_slots(c, n, align);
	}
	if (slot < 0) {
		c = grow_pool();
		if (c)
			slot = find_slots(c, n, align);
	}
	if (slot < 0) {
		unsigned long total = (unsigned long)nr_chunks * CHUNK_SLOTS;
		unsigned long used = slots_used();

		kshim_iotlb_unlock();
		if (!(attrs & DMA_ATTR_NO_WARN))
			dev_warn_ratelimited(dev,
				"swiotlb buffer is full (sz: %zd bytes), total %lu (slots), used %lu (slots)\n",
				size, total, used);
		return NULL;
	}
	for (i = 0; i < n; i++)
		c->first[slot + i] = slot;
	c->used += n;
	c->hint = (slot + n) % CHUNK_SLOTS;
	if (c->hint >= WINDOW_SLOTS && c->used <= WINDOW_SLOTS / 2)
		c->hint = 0;
	m = &c->maps[slot];
	m->dev = dev;
	m->page = page;
	m->offset = offset;
	m->size = size;
	if (!page)		/* @offset is the host address itself */
		m->cpu = (void *)offset;
	else if (PageHighMem(page + (offset >> PAGE_SHIFT)))
		m->cpu = NULL;
	else
		m->cpu = (char *)page_address(page) + offset;
	if (!page)
		m->offset = 0;
	m->bounce = c->va + ((size_t)slot << KSHIM_IOTLB_SHIFT);
	m->bus = c->bus + ((dma_addr_t)slot << KSHIM_IOTLB_SHIFT);
	m->dir = dir;
	m->how = how;
	m->site = site;
	m->chunk = c;
	m->slot = slot;
	m->nslots = n;
	m->device_owns = true;
	m->live = true;
	kshim_iotlb_unlock();
	kshim_iotlb_bounce(m, 0, size, true);
	return m;
}

/*
 * Caller holds kshim_iotlb_lock(): the copy back happens before the slots
 * are free, and a second unmap of the same address finds nothing.
 */
void kshim_iotlb_unmap(struct kshim_dma_map *m, size_t size,
		       enum dma_data_direction dir, unsigned long attrs)
{
	struct kshim_iotlb_chunk *c = m->chunk;
	unsigned int i;

	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC) &&
	    (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		kshim_iotlb_bounce(m, 0, min(size, m->size), false);
	m->live = false;
	for (i = 0; i < m->nslots; i++)
		c->first[m->slot + i] = FREE_SLOT;
	c->used -= m->nslots;
}

static struct kshim_dma_map *lookup(dma_addr_t addr)
{
	unsigned int i;

	for (i = 0; i < nr_chunks; i++) {
		struct kshim_iotlb_chunk *c = chunks[i];

		if (addr >= c->bus && addr - c->bus < CHUNK_BYTES) {
			unsigned int s = (addr - c->bus) >> KSHIM_IOTLB_SHIFT;

			if (c->first[s] == FREE_SLOT)
				return NULL;
			return &c->maps[c->first[s]];
		}
	}
	return NULL;
}

/* Caller holds kshim_iotlb_lock(). */
struct kshim_dma_map *kshim_iotlb_find(dma_addr_t addr, size_t len)
{
	struct kshim_dma_map *m = lookup(addr);

	if (!m || !m->live)
		return NULL;
	if (addr - m->bus > m->size || len > m->size - (addr - m->bus))
		return NULL;
	return m;
}

/* Caller holds kshim_iotlb_lock(). */
struct kshim_dma_map *kshim_iotlb_find_start(dma_addr_t addr)
{
	struct kshim_dma_map *m = lookup(addr);

	return m && m->live && m->bus == addr ? m : NULL;
}

void kshim_iotlb_sync(struct kshim_dma_map *m, dma_addr_t addr, size_t len,
		      enum dma_data_direction dir, bool for_cpu)
{
	size_t off = addr - m->bus;

	if (off >= m->size)
		return;
	len = min(len, m->size - off);
	if (for_cpu && (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		kshim_iotlb_bounce(m, off, len, false);
	else if (!for_cpu && (dir == DMA_TO_DEVICE ||
			      dir == DMA_BIDIRECTIONAL))
		kshim_iotlb_bounce(m, off, len, true);
}

/* The machine reboots: its RAM, and so the pool, is gone. */
void kshim_dma_exit(void)
{
	unsigned int i;

	for (i = 0; i < nr_chunks; i++) {
		free(chunks[i]);
		chunks[i] = NULL;
	}
	nr_chunks = 0;
	kshim_dma_pages_held = 0;
}

/*
 * The test is over (same process next, KSHIM_FORK=0): buffers a leaked
 * mapping still holds go back to the CPU, so the next test can touch the
 * memory; the ledger has named the mapping.
 */
void kshim_dma_test_end(void)
{
	unsigned int i, s;

	kshim_iotlb_lock();
	for (i = 0; i < nr_chunks; i++)
		for (s = 0; s < CHUNK_SLOTS; s++)
			if (chunks[i]->maps[s].live)
				arch_dma_give_cpu(&chunks[i]->maps[s].owned);
	kshim_iotlb_unlock();
}
