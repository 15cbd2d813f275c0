// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/scatterlist.c - scatterlist tables, page and mapping
 * iterators, copies between lists and linear buffers.
 *
 * Behaves as lib/scatterlist.c and lib/sg_pool.c of 6.1 (x86_64: lists
 * chain, CONFIG_SGL_ALLOC, CONFIG_DEBUG_SG), written for kshim:
 *  - A table of N entries is a run of "pieces" of at most max_ents
 *    slots; every piece but the last gives its final slot to the link
 *    to the next one, so it carries max_ents - 1 entries.  Building and
 *    freeing derive the layout from the same rule (piece_layout()), so a
 *    table goes back with exactly the sizes it was allocated with - what
 *    a caller's sg_alloc_fn/sg_free_fn pair relies on.
 *  - Tables from page arrays merge runs of physically contiguous pages
 *    (consecutive pfns) into one entry of at most max_segment bytes; an
 *    append table keeps growing its last entry and its last piece.
 *  - The mapping iterator maps with kmap() or, with SG_MITER_ATOMIC,
 *    kmap_atomic(), as 6.1 does: highmem pages work, and between
 *    sg_miter_next() and the next step the kmap rules hold (no sleeping
 *    under SG_MITER_ATOMIC: kshim's might_sleep() reports it).
 *  - Every allocation, report and kmap names the driver's line: the
 *    entry points are macros (linux/scatterlist.h) passing the caller's
 *    position here; the plain names are real functions too.
 *  - sg_pool's mempools of 8..128 entries become plain GFP_ATOMIC
 *    kmalloc()s: same sizes, same failure (NULL) with no reserve.
 */
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/scatterlist.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/overflow.h>
#include <linux/cacheflush.h>

#include "kshim/internal.h"

/* ---- reports at the caller's line ---- */

static void sg_warn(const struct kshim_site *site)
{
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN, NULL);
}

/* The WARN_ON_ONCE(): once per boot, and each test boots afresh. */
static bool miter_atomic_warned;

void kshim_scatterlist_test_begin(void)
{
	__atomic_store_n(&miter_atomic_warned, false, __ATOMIC_RELAXED);
}

/* ---- walking ---- */

struct scatterlist *sg_next(struct scatterlist *sg)
{
	struct scatterlist *next;

	if (sg_is_last(sg))
		return NULL;
	next = sg + 1;
	return sg_is_chain(next) ? sg_chain_ptr(next) : next;
}
EXPORT_SYMBOL(sg_next);

int sg_nents(struct scatterlist *sg)
{
	int count = 0;

	while (sg) {
		count++;
		sg = sg_next(sg);
	}
	return count;
}
EXPORT_SYMBOL(sg_nents);

int sg_nents_for_len(struct scatterlist *sg, u64 len)
{
	u64 covered = 0;
	int count = 0;

	if (len == 0)
		return 0;
	for (; sg; sg = sg_next(sg)) {
		count++;
		covered += sg->length;
		if (covered >= len)
			return count;
	}
	return -EINVAL;		/* the list is shorter than @len */
}
EXPORT_SYMBOL(sg_nents_for_len);

struct scatterlist *__kshim_sg_last(struct scatterlist *sgl,
				    unsigned int nents,
				    const struct kshim_site *site)
{
	struct scatterlist *last = sgl;

	while (nents-- > 1)
		last = sg_next(last);
	/* The kernel's BUG_ON(): the @nents-th entry must carry the end. */
	if (!sg_is_last(last))
		__kshim_sg_bug(site);
	return last;
}

#undef sg_last
struct scatterlist *sg_last(struct scatterlist *sgl, unsigned int nents)
{
	return __kshim_sg_last(sgl, nents, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_last);

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, nents * sizeof(*sgl));
	sg_init_marker(sgl, nents);
}
EXPORT_SYMBOL(sg_init_table);

void __kshim_sg_init_one(struct scatterlist *sg, const void *buf,
			 unsigned int buflen, const struct kshim_site *site)
{
	sg_init_table(sg, 1);
	__kshim_sg_set_buf(sg, buf, buflen, site);
}

#undef sg_init_one
void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	__kshim_sg_init_one(sg, buf, buflen, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_init_one);

/* ---- tables: pieces chained through their last slot ---- */

/*
 * The piece that starts where @left entries are still to place, with
 * pieces of at most @cap slots: its slot count and how many of the slots
 * are entries (all but the last when another piece follows).
 */
static void piece_layout(unsigned int left, unsigned int cap,
			 unsigned int *slots, unsigned int *entries)
{
	*slots = left > cap ? cap : left;
	*entries = left > cap ? cap - 1 : left;
}

/*
 * Where pieces come from and go: a caller's sg_alloc_fn/sg_free_fn, or
 * (NULL) kmalloc()/kfree() charged to the caller's line.
 */
struct piece_source {
	sg_alloc_fn *alloc;
	sg_free_fn *free;
	const struct kshim_site *site;
};

static struct scatterlist *piece_get(const struct piece_source *src,
				     unsigned int slots, gfp_t gfp)
{
	size_t bytes;

	if (src->alloc)
		return src->alloc(slots, gfp);
	if (check_mul_overflow((size_t)slots, sizeof(struct scatterlist),
			       &bytes))
		return NULL;
	return __kshim_kmalloc(bytes, gfp, NUMA_NO_NODE, src->site);
}

static void piece_put(const struct piece_source *src,
		      struct scatterlist *piece, unsigned int slots)
{
	if (src->free)
		src->free(piece, slots);
	else
		__kshim_kfree(piece, src->site);
}

/*
 * Give back the pieces of a table of @total entries; a first piece of
 * @first_slots slots (not 0) was the caller's and stays.
 */
static void table_release(struct sg_table *table, unsigned int max_ents,
			  unsigned int first_slots, unsigned int total,
			  const struct piece_source *src)
{
	struct scatterlist *piece = table->sgl;
	unsigned int cap = first_slots ? first_slots : max_ents;
	bool borrowed = first_slots != 0;

	if (!piece)
		return;
	while (total) {
		struct scatterlist *link_to = NULL;
		unsigned int slots, entries;

		piece_layout(total, cap, &slots, &entries);
		if (entries != slots)
			link_to = sg_chain_ptr(&piece[slots - 1]);
		if (!borrowed)
			piece_put(src, piece, slots);
		borrowed = false;
		total -= entries;
		piece = link_to;
		cap = max_ents;
	}
	table->sgl = NULL;
}

/*
 * Build a table of @nents entries (see __sg_alloc_table()).  On failure
 * the counts cover what was built, laid out so table_release() frees it.
 */
static int table_build(struct sg_table *table, unsigned int nents,
		       unsigned int max_ents, struct scatterlist *first,
		       unsigned int first_slots, gfp_t gfp,
		       const struct piece_source *src)
{
	unsigned int cap = first_slots ? first_slots : max_ents;
	struct scatterlist *link_slot = NULL;
	unsigned int left = nents;

	memset(table, 0, sizeof(*table));
	if (nents == 0)
		return -EINVAL;

	while (left) {
		unsigned int slots, entries;
		struct scatterlist *piece;

		piece_layout(left, cap, &slots, &entries);
		piece = first ? first : piece_get(src, slots, gfp);
		first = NULL;
		if (!piece) {
			/*
			 * The previous piece was counted as linking on; it
			 * now ends the table, its last slot an entry again.
			 */
			if (link_slot)
				table->orig_nents++;
			table->nents = table->orig_nents;
			return -ENOMEM;
		}
		sg_init_table(piece, slots);
		if (link_slot)
			__sg_chain(link_slot, piece);
		else
			table->sgl = piece;
		table->orig_nents += entries;
		table->nents = table->orig_nents;
		left -= entries;
		link_slot = left ? &piece[slots - 1] : NULL;
		cap = max_ents;
	}
	return 0;
}

void __sg_free_table(struct sg_table *table, unsigned int max_ents,
		     unsigned int nents_first_chunk, sg_free_fn *free_fn,
		     unsigned int num_ents)
{
	struct piece_source src = { NULL, free_fn, __KSHIM_CALLSITE };

	table_release(table, max_ents, nents_first_chunk, num_ents, &src);
}
EXPORT_SYMBOL(__sg_free_table);

int __sg_alloc_table(struct sg_table *table, unsigned int nents,
		     unsigned int max_ents, struct scatterlist *first_chunk,
		     unsigned int nents_first_chunk, gfp_t gfp_mask,
		     sg_alloc_fn *alloc_fn)
{
	struct piece_source src = { alloc_fn, NULL, __KSHIM_CALLSITE };

	return table_build(table, nents, max_ents, first_chunk,
			   nents_first_chunk, gfp_mask, &src);
}
EXPORT_SYMBOL(__sg_alloc_table);

void __kshim_sg_free_table(struct sg_table *table,
			   const struct kshim_site *site)
{
	struct piece_source src = { NULL, NULL, site };

	table_release(table, SG_MAX_SINGLE_ALLOC, 0, table->orig_nents, &src);
}

#undef sg_free_table
void sg_free_table(struct sg_table *table)
{
	__kshim_sg_free_table(table, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_free_table);

int __kshim_sg_alloc_table(struct sg_table *table, unsigned int nents,
			   gfp_t gfp_mask, const struct kshim_site *site)
{
	struct piece_source src = { NULL, NULL, site };
	int err;

	err = table_build(table, nents, SG_MAX_SINGLE_ALLOC, NULL, 0,
			  gfp_mask, &src);
	if (err)
		table_release(table, SG_MAX_SINGLE_ALLOC, 0,
			      table->orig_nents, &src);
	return err;
}

#undef sg_alloc_table
int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp_mask)
{
	return __kshim_sg_alloc_table(table, nents, gfp_mask,
				      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_alloc_table);

void __kshim_sg_free_append_table(struct sg_append_table *sgt,
				  const struct kshim_site *site)
{
	struct piece_source src = { NULL, NULL, site };

	table_release(&sgt->sgt, SG_MAX_SINGLE_ALLOC, 0, sgt->total_nents,
		      &src);
}

#undef sg_free_append_table
void sg_free_append_table(struct sg_append_table *sgt)
{
	__kshim_sg_free_append_table(sgt, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_free_append_table);

/* ---- tables from page arrays ---- */

/*
 * The slot for the next entry after @cur (NULL: the table is empty),
 * @wanted entries being still to come.  The last slot of a piece is kept
 * for a link unless exactly one entry is wanted; a new piece holds up to
 * SG_MAX_SINGLE_ALLOC slots.
 */
static struct scatterlist *append_slot(struct sg_append_table *sgt,
				       struct scatterlist *cur,
				       unsigned long wanted, gfp_t gfp,
				       const struct kshim_site *site)
{
	struct piece_source src = { NULL, NULL, site };
	struct scatterlist *slot = NULL, *piece;
	unsigned int slots;

	if (cur) {
		slot = sg_next(cur);
		/*
		 * No slot after the end mark of an earlier call's last entry
		 * (left_pages was 0): the kernel dereferences NULL here.
		 */
		if (!slot)
			__kshim_sg_bug(site);
		if (wanted == 1 || !sg_is_last(slot))
			return slot;
	}
	slots = wanted < SG_MAX_SINGLE_ALLOC ? wanted : SG_MAX_SINGLE_ALLOC;
	piece = piece_get(&src, slots, gfp);
	if (!piece)
		return ERR_PTR(-ENOMEM);
	sg_init_table(piece, slots);
	if (slot) {
		/* @slot, the old piece's last, becomes the link. */
		__sg_chain(slot, piece);
		sgt->total_nents += slots - 1;
	} else {
		sgt->sgt.sgl = piece;
		sgt->total_nents = slots;
	}
	return piece;
}

/* One past the last page of the contiguous run starting at @start. */
static unsigned int run_end(struct page **pages, unsigned int n_pages,
			    unsigned int start, unsigned int max_pages)
{
	unsigned long pfn = page_to_pfn(pages[start]);
	unsigned int end = start + 1;

	while (end < n_pages && end - start < max_pages &&
	       page_to_pfn(pages[end]) == pfn + (end - start))
		end++;
	return end;
}

int __kshim_sg_alloc_append_table_from_pages(struct sg_append_table *sgt,
				struct page **pages, unsigned int n_pages,
				unsigned int offset, unsigned long size,
				unsigned int max_segment,
				unsigned int left_pages, gfp_t gfp_mask,
				const struct kshim_site *site)
{
	struct scatterlist *tail = sgt->prv;
	unsigned int runs, done, first, max_pages, tail_len = 0;

	/* Whole pages per entry, at least one (a WARN_ON() otherwise). */
	max_segment = ALIGN_DOWN(max_segment, PAGE_SIZE);
	if (max_segment < PAGE_SIZE) {
		sg_warn(site);
		return -EINVAL;
	}
	max_pages = max_segment >> PAGE_SHIFT;

	if (tail) {
		/* The pfn just past the bytes the last entry covers. */
		unsigned long next_pfn =
			(page_to_phys(__kshim_sg_page(tail, site)) +
			 tail->offset + tail->length) >> PAGE_SHIFT;

		if (offset) {		/* WARN_ON(offset) */
			sg_warn(site);
			return -EINVAL;
		}
		tail_len = tail->length;
		for (; n_pages; n_pages--, pages++, next_pfn++) {
			if (page_to_pfn(pages[0]) != next_pfn ||
			    tail->length + PAGE_SIZE > max_segment)
				break;
			tail->length += PAGE_SIZE;
		}
		if (!n_pages)
			goto finish;
	}

	runs = 0;
	for (first = 0; first < n_pages;
	     first = run_end(pages, n_pages, first, max_pages))
		runs++;

	for (done = 0, first = 0; done < runs; done++) {
		unsigned int end = run_end(pages, n_pages, first, max_pages);
		unsigned long bytes = ((unsigned long)(end - first) << PAGE_SHIFT)
				      - offset;
		struct scatterlist *slot;

		slot = append_slot(sgt, tail, runs - done + left_pages,
				   gfp_mask, site);
		if (IS_ERR(slot)) {
			/* Leave the table as the call found it. */
			if (sgt->prv)
				sgt->prv->length = tail_len;
			return PTR_ERR(slot);
		}
		__kshim_sg_set_page(slot, pages[first],
				    size < bytes ? size : bytes, offset, site);
		size -= bytes;
		offset = 0;
		first = end;
		tail = slot;
	}
	sgt->sgt.nents += runs;
	sgt->sgt.orig_nents = sgt->sgt.nents;
	sgt->prv = tail;
finish:
	if (!left_pages)
		sg_mark_end(tail);
	return 0;
}

#undef sg_alloc_append_table_from_pages
int sg_alloc_append_table_from_pages(struct sg_append_table *sgt,
				     struct page **pages, unsigned int n_pages,
				     unsigned int offset, unsigned long size,
				     unsigned int max_segment,
				     unsigned int left_pages, gfp_t gfp_mask)
{
	return __kshim_sg_alloc_append_table_from_pages(sgt, pages, n_pages,
			offset, size, max_segment, left_pages, gfp_mask,
			__KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_alloc_append_table_from_pages);

int __kshim_sg_alloc_table_from_pages_segment(struct sg_table *sgt,
				struct page **pages, unsigned int n_pages,
				unsigned int offset, unsigned long size,
				unsigned int max_segment, gfp_t gfp_mask,
				const struct kshim_site *site)
{
	struct sg_append_table tmp = { };
	int err;

	err = __kshim_sg_alloc_append_table_from_pages(&tmp, pages, n_pages,
			offset, size, max_segment, 0, gfp_mask, site);
	if (err) {
		__kshim_sg_free_append_table(&tmp, site);
		return err;
	}
	*sgt = tmp.sgt;
	/* A plain table is freed by its orig_nents: they must agree. */
	if (tmp.total_nents != sgt->orig_nents)
		sg_warn(site);
	return 0;
}

#undef sg_alloc_table_from_pages_segment
int sg_alloc_table_from_pages_segment(struct sg_table *sgt, struct page **pages,
				      unsigned int n_pages, unsigned int offset,
				      unsigned long size,
				      unsigned int max_segment, gfp_t gfp_mask)
{
	return __kshim_sg_alloc_table_from_pages_segment(sgt, pages, n_pages,
			offset, size, max_segment, gfp_mask, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_alloc_table_from_pages_segment);

/* ---- sg_pool: chained tables with an optional inline first piece ---- */

static struct scatterlist *pool_piece_alloc(unsigned int slots, gfp_t gfp)
{
	return kmalloc_array(slots, sizeof(struct scatterlist), gfp);
}

static void pool_piece_free(struct scatterlist *piece, unsigned int slots)
{
	kfree(piece);
}

void __kshim_sg_free_table_chained(struct sg_table *table,
				   unsigned int nents_first_chunk,
				   const struct kshim_site *site)
{
	struct piece_source src = { pool_piece_alloc, pool_piece_free, site };

	if (table->orig_nents <= nents_first_chunk)
		return;		/* it all fitted in the caller's piece */
	table_release(table, SG_CHUNK_SIZE,
		      nents_first_chunk == 1 ? 0 : nents_first_chunk,
		      table->orig_nents, &src);
}

#undef sg_free_table_chained
void sg_free_table_chained(struct sg_table *table,
			   unsigned nents_first_chunk)
{
	__kshim_sg_free_table_chained(table, nents_first_chunk,
				      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(sg_free_table_chained);

int __kshim_sg_alloc_table_chained(struct sg_table *table, int nents,
				   struct scatterlist *first_chunk,
				   unsigned int nents_first_chunk,
				   const struct kshim_site *site)
{
	struct piece_source src = { pool_piece_alloc, pool_piece_free, site };
	int err;

	if (!nents)		/* BUG_ON(!nents) */
		__kshim_sg_bug(site);
	/* Everything fits in the caller's piece, at table->sgl. */
	if (first_chunk && nents_first_chunk &&
	    (unsigned int)nents <= nents_first_chunk) {
		table->nents = table->orig_nents = nents;
		sg_init_table(table->sgl, nents);
		return 0;
	}
	/* A piece of one slot would hold nothing but the link. */
	if (nents_first_chunk <= 1) {
		first_chunk = NULL;
		nents_first_chunk = 0;
	}
	err = table_build(table, nents, SG_CHUNK_SIZE, first_chunk,
			  nents_first_chunk, GFP_ATOMIC, &src);
	if (err)
		__kshim_sg_free_table_chained(table, nents_first_chunk, site);
	return err;
}

#undef sg_alloc_table_chained
int sg_alloc_table_chained(struct sg_table *table, int nents,
			   struct scatterlist *first_chunk,
			   unsigned nents_first_chunk)
{
	return __kshim_sg_alloc_table_chained(table, nents, first_chunk,
					      nents_first_chunk,
					      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(sg_alloc_table_chained);

/* ---- sgl_alloc(): a list together with its pages ---- */

struct scatterlist *__kshim_sgl_alloc_order(unsigned long long length,
				unsigned int order, bool chainable,
				gfp_t gfp, unsigned int *nent_p,
				const struct kshim_site *site)
{
	unsigned int shift = PAGE_SHIFT + order;
	unsigned long long piece = 1ULL << shift;
	unsigned int nent, slots, i;
	struct scatterlist *sgl;
	size_t bytes;

	nent = (length + piece - 1) >> shift;
	/* The kernel checks the covered size in 32 bits: beyond, NULL. */
	if (length > (unsigned int)(nent << shift))
		return NULL;
	slots = nent + (chainable ? 1 : 0);
	if (slots < nent)
		return NULL;
	if (check_mul_overflow((size_t)slots, sizeof(*sgl), &bytes))
		return NULL;
	sgl = __kshim_kmalloc(bytes, gfp & ~GFP_DMA, NUMA_NO_NODE, site);
	if (!sgl)
		return NULL;
	sg_init_table(sgl, slots);

	for (i = 0; i < nent; i++) {
		unsigned long long len = length < piece ? length : piece;
		struct page *page;

		page = __kshim_alloc_pages(gfp, order, NUMA_NO_NODE,
					   __KSHIM_SITE_ARGS(site));
		if (!page) {
			__kshim_sgl_free_n_order(sgl, INT_MAX, order, site);
			return NULL;
		}
		__kshim_sg_set_page(&sgl[i], page, len, 0, site);
		length -= len;
	}
	if (nent_p)
		*nent_p = nent;
	return sgl;
}

#undef sgl_alloc_order
struct scatterlist *sgl_alloc_order(unsigned long long length,
				    unsigned int order, bool chainable,
				    gfp_t gfp, unsigned int *nent_p)
{
	return __kshim_sgl_alloc_order(length, order, chainable, gfp, nent_p,
				       __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sgl_alloc_order);

#undef sgl_alloc
struct scatterlist *sgl_alloc(unsigned long long length, gfp_t gfp,
			      unsigned int *nent_p)
{
	return __kshim_sgl_alloc_order(length, 0, false, gfp, nent_p,
				       __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sgl_alloc);

void __kshim_sgl_free_n_order(struct scatterlist *sgl, int nents, int order,
			      const struct kshim_site *site)
{
	struct scatterlist *sg = sgl;
	int i;

	/* At most @nents entries, following links, up to the end mark. */
	for (i = 0; sg && i < nents; i++, sg = sg_next(sg)) {
		struct page *page = __kshim_sg_page(sg, site);

		if (page)
			__kshim_free_pages(page, order, LINUX_VERSION_CODE,
					   __KSHIM_SITE_ARGS(site));
	}
	__kshim_kfree(sgl, site);
}

#undef sgl_free_n_order
void sgl_free_n_order(struct scatterlist *sgl, int nents, int order)
{
	__kshim_sgl_free_n_order(sgl, nents, order, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sgl_free_n_order);

#undef sgl_free_order
void sgl_free_order(struct scatterlist *sgl, int order)
{
	__kshim_sgl_free_n_order(sgl, INT_MAX, order, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sgl_free_order);

#undef sgl_free
void sgl_free(struct scatterlist *sgl)
{
	__kshim_sgl_free_n_order(sgl, INT_MAX, 0, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sgl_free);

/* ---- page iterators ---- */

void __sg_page_iter_start(struct sg_page_iter *piter,
			  struct scatterlist *sglist, unsigned int nents,
			  unsigned long pgoffset)
{
	*piter = (struct sg_page_iter) {
		.sg = sglist,
		.sg_pgoffset = pgoffset,
		.__nents = nents,
		.__pg_advance = 0,
	};
}
EXPORT_SYMBOL(__sg_page_iter_start);

/* Pages an entry touches, from its offset over @len bytes. */
static unsigned int pages_spanned(struct scatterlist *sg, unsigned int len)
{
	return PAGE_ALIGN((unsigned long)sg->offset + len) >> PAGE_SHIFT;
}

/* Step one page; @dma counts pages by sg_dma_len() instead of length. */
static bool page_iter_step(struct sg_page_iter *piter, bool dma)
{
	if (!piter->__nents || !piter->sg)
		return false;
	piter->sg_pgoffset += piter->__pg_advance;
	piter->__pg_advance = 1;
	for (;;) {
		struct scatterlist *sg = piter->sg;
		unsigned int count = pages_spanned(sg, dma ? sg_dma_len(sg)
							   : sg->length);

		if (piter->sg_pgoffset < count)
			return true;
		piter->sg_pgoffset -= count;
		piter->sg = sg_next(sg);
		if (--piter->__nents == 0 || !piter->sg)
			return false;
	}
}

bool __sg_page_iter_next(struct sg_page_iter *piter)
{
	return page_iter_step(piter, false);
}
EXPORT_SYMBOL(__sg_page_iter_next);

bool __sg_page_iter_dma_next(struct sg_dma_page_iter *dma_iter)
{
	return page_iter_step(&dma_iter->base, true);
}
EXPORT_SYMBOL(__sg_page_iter_dma_next);

/* ---- the mapping iterator ---- */

void __kshim_sg_miter_start(struct sg_mapping_iter *miter,
			    struct scatterlist *sgl, unsigned int nents,
			    unsigned int flags, const struct kshim_site *site)
{
	memset(miter, 0, sizeof(*miter));
	__sg_page_iter_start(&miter->piter, sgl, nents, 0);
	/* WARN_ON(): the caller must say which way the data goes. */
	if (!(flags & (SG_MITER_TO_SG | SG_MITER_FROM_SG)))
		sg_warn(site);
	miter->__flags = flags;
}

#undef sg_miter_start
void sg_miter_start(struct sg_mapping_iter *miter, struct scatterlist *sgl,
		    unsigned int nents, unsigned int flags)
{
	__kshim_sg_miter_start(miter, sgl, nents, flags, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_miter_start);

/*
 * Make sure a piece of a page is pending (__offset, __remaining): when
 * the current one is used up, move to the next page of the list.
 */
static bool miter_want_page(struct sg_mapping_iter *miter)
{
	struct scatterlist *sg;
	unsigned long start, end;

	if (miter->__remaining)
		return true;
	if (!__sg_page_iter_next(&miter->piter))
		return false;
	sg = miter->piter.sg;
	/* Byte positions relative to the entry's first page. */
	start = (unsigned long)miter->piter.sg_pgoffset << PAGE_SHIFT;
	if (!miter->piter.sg_pgoffset)
		start = sg->offset;	/* the entry's first page: its offset */
	end = (unsigned long)sg->offset + sg->length;
	miter->piter.sg_pgoffset = start >> PAGE_SHIFT;
	miter->__offset = offset_in_page(start);
	miter->__remaining = min_t(unsigned long, end - start,
				   PAGE_SIZE - miter->__offset);
	return true;
}

void __kshim_sg_miter_stop(struct sg_mapping_iter *miter,
			   const struct kshim_site *site)
{
	if (miter->consumed > miter->length)	/* WARN_ON() */
		sg_warn(site);
	if (!miter->addr)
		return;

	miter->__offset += miter->consumed;
	miter->__remaining -= miter->consumed;
	if (miter->__flags & SG_MITER_TO_SG)
		flush_dcache_page(miter->page);
	if (miter->__flags & SG_MITER_ATOMIC) {
		/* WARN_ON_ONCE(): still inside the kmap_atomic() section? */
		if (!pagefault_disabled() &&
		    !__atomic_exchange_n(&miter_atomic_warned, true,
					 __ATOMIC_RELAXED))
			sg_warn(site);
		__kshim_kunmap_local_atomic(miter->addr, site);
	} else {
		__kshim_kunmap(miter->page, LINUX_VERSION_CODE, site);
	}
	miter->page = NULL;
	miter->addr = NULL;
	miter->length = 0;
	miter->consumed = 0;
}

#undef sg_miter_stop
void sg_miter_stop(struct sg_mapping_iter *miter)
{
	__kshim_sg_miter_stop(miter, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_miter_stop);

bool __kshim_sg_miter_skip(struct sg_mapping_iter *miter, off_t offset,
			   const struct kshim_site *site)
{
	__kshim_sg_miter_stop(miter, site);
	while (offset > 0) {
		unsigned int step;

		if (!miter_want_page(miter))
			return false;
		step = min_t(off_t, offset, miter->__remaining);
		miter->__offset += step;
		miter->__remaining -= step;
		offset -= step;
	}
	return true;
}

#undef sg_miter_skip
bool sg_miter_skip(struct sg_mapping_iter *miter, off_t offset)
{
	return __kshim_sg_miter_skip(miter, offset, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_miter_skip);

bool __kshim_sg_miter_next(struct sg_mapping_iter *miter,
			   const struct kshim_site *site)
{
	void *base;

	__kshim_sg_miter_stop(miter, site);
	if (!miter_want_page(miter))
		return false;

	miter->page = __kshim_sg_page_iter_page(&miter->piter, site);
	miter->length = miter->__remaining;
	miter->consumed = miter->length;
	if (miter->__flags & SG_MITER_ATOMIC)
		base = __kshim_kmap_local_atomic(miter->page, site,
				(unsigned long)__builtin_return_address(0));
	else
		base = __kshim_kmap(miter->page, site);
	miter->addr = base + miter->__offset;
	return true;
}

#undef sg_miter_next
bool sg_miter_next(struct sg_mapping_iter *miter)
{
	return __kshim_sg_miter_next(miter, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_miter_next);

/* ---- copies ---- */

size_t __kshim_sg_copy_buffer(struct scatterlist *sgl, unsigned int nents,
			      void *buf, size_t buflen, off_t skip,
			      bool to_buffer, const struct kshim_site *site)
{
	struct sg_mapping_iter miter;
	size_t done = 0;

	__kshim_sg_miter_start(&miter, sgl, nents, SG_MITER_ATOMIC |
			       (to_buffer ? SG_MITER_FROM_SG : SG_MITER_TO_SG),
			       site);
	if (!__kshim_sg_miter_skip(&miter, skip, site))
		return 0;
	while (done < buflen && __kshim_sg_miter_next(&miter, site)) {
		size_t n = min(miter.length, buflen - done);

		if (to_buffer)
			memcpy((char *)buf + done, miter.addr, n);
		else
			memcpy(miter.addr, (char *)buf + done, n);
		done += n;
	}
	__kshim_sg_miter_stop(&miter, site);
	return done;
}

#undef sg_copy_buffer
size_t sg_copy_buffer(struct scatterlist *sgl, unsigned int nents, void *buf,
		      size_t buflen, off_t skip, bool to_buffer)
{
	return __kshim_sg_copy_buffer(sgl, nents, buf, buflen, skip,
				      to_buffer, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_copy_buffer);

#undef sg_copy_from_buffer
size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			   const void *buf, size_t buflen)
{
	return __kshim_sg_copy_buffer(sgl, nents, (void *)buf, buflen, 0,
				      false, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_copy_from_buffer);

#undef sg_copy_to_buffer
size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			 void *buf, size_t buflen)
{
	return __kshim_sg_copy_buffer(sgl, nents, buf, buflen, 0, true,
				      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_copy_to_buffer);

#undef sg_pcopy_from_buffer
size_t sg_pcopy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			    const void *buf, size_t buflen, off_t skip)
{
	return __kshim_sg_copy_buffer(sgl, nents, (void *)buf, buflen, skip,
				      false, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_pcopy_from_buffer);

#undef sg_pcopy_to_buffer
size_t sg_pcopy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			  void *buf, size_t buflen, off_t skip)
{
	return __kshim_sg_copy_buffer(sgl, nents, buf, buflen, skip, true,
				      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_pcopy_to_buffer);

size_t __kshim_sg_zero_buffer(struct scatterlist *sgl, unsigned int nents,
			      size_t buflen, off_t skip,
			      const struct kshim_site *site)
{
	struct sg_mapping_iter miter;
	size_t done = 0;

	__kshim_sg_miter_start(&miter, sgl, nents,
			       SG_MITER_ATOMIC | SG_MITER_TO_SG, site);
	if (!__kshim_sg_miter_skip(&miter, skip, site))
		return 0;
	while (done < buflen && __kshim_sg_miter_next(&miter, site)) {
		size_t n = min(miter.length, buflen - done);

		memset(miter.addr, 0, n);
		done += n;
	}
	__kshim_sg_miter_stop(&miter, site);
	return done;
}

#undef sg_zero_buffer
size_t sg_zero_buffer(struct scatterlist *sgl, unsigned int nents,
		      size_t buflen, off_t skip)
{
	return __kshim_sg_zero_buffer(sgl, nents, buflen, skip,
				      __KSHIM_CALLSITE);
}
EXPORT_SYMBOL(sg_zero_buffer);
