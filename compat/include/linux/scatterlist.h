/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/scatterlist.h - scatter/gather lists: struct scatterlist,
 * struct sg_table, chaining, the page and mapping iterators.
 *
 * Follows include/linux/scatterlist.h of 6.1 on x86_64
 * (CONFIG_NEED_SG_DMA_LENGTH, no CONFIG_PCI_P2PDMA, CONFIG_SGL_ALLOC,
 * CONFIG_SG_POOL) with CONFIG_DEBUG_SG on, as kshim is a debug kernel.
 * The out-of-line half is compat/lib/scatterlist.c (lib/scatterlist.c and
 * lib/sg_pool.c behaviour).
 *
 * An entry's page_link holds the page pointer; its two low bits say "the
 * next list continues at the pointer" (SG_CHAIN) and "last entry"
 * (SG_END).  The kernel's BUG checks, each naming the caller's file:line
 * (kshim's entry points are macros that capture it):
 *  - sg_set_page()/sg_assign_page() with a page pointer whose low bits are
 *    set (always, as in the kernel);
 *  - CONFIG_DEBUG_SG: sg_set_page()/sg_assign_page() on a chain entry,
 *    sg_page() (and so sg_virt()/sg_phys()) of a chain entry, sg_set_buf()
 *    / sg_init_one() of an address that is not in the direct map
 *    (!virt_addr_valid(): stack of a VMAP kernel, vmalloc, a highmem
 *    kmap, an arbitrary pointer);
 *  - sg_last() on a list whose nents-th entry is not marked as the end.
 * 6.1 has no sg_magic any more (older kernels kept one in every entry
 * under CONFIG_DEBUG_SG); kshim follows 6.1.
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/string.h>
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <asm/io.h>
#include <kshim/site.h>

struct scatterlist {
	unsigned long	page_link;
	unsigned int	offset;
	unsigned int	length;
	dma_addr_t	dma_address;
	unsigned int	dma_length;	/* CONFIG_NEED_SG_DMA_LENGTH */
};

/* After dma_map_sg(): the bus address and length of a mapped segment. */
#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)

struct sg_table {
	struct scatterlist *sgl;	/* first entry */
	unsigned int nents;		/* entries after DMA mapping */
	unsigned int orig_nents;	/* entries as built */
};

struct sg_append_table {
	struct sg_table sgt;
	struct scatterlist *prv;	/* last entry filled so far */
	unsigned int total_nents;	/* entries allocated */
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)

static inline unsigned int __sg_flags(struct scatterlist *sg)
{
	return sg->page_link & SG_PAGE_LINK_MASK;
}

static inline struct scatterlist *sg_chain_ptr(struct scatterlist *sg)
{
	return (struct scatterlist *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

static inline bool sg_is_chain(struct scatterlist *sg)
{
	return __sg_flags(sg) & SG_CHAIN;
}

static inline bool sg_is_last(struct scatterlist *sg)
{
	return __sg_flags(sg) & SG_END;
}

/* A kernel BUG at the caller's line. */
static __always_inline __noreturn void
__kshim_sg_bug(const struct kshim_site *site)
{
	__kshim_bug(site->file, site->line, site->func, site->mod);
}

static __always_inline void
__kshim_sg_assign_page(struct scatterlist *sg, struct page *page,
		       const struct kshim_site *site)
{
	unsigned long flags = sg->page_link & SG_PAGE_LINK_MASK;

	/* The flag bits live in the pointer: it must leave them clear. */
	if (unlikely((unsigned long)page & SG_PAGE_LINK_MASK))
		__kshim_sg_bug(site);
	/* CONFIG_DEBUG_SG: a chain link is no place for a page. */
	if (unlikely(flags & SG_CHAIN))
		__kshim_sg_bug(site);
	sg->page_link = (unsigned long)page | flags;
}

static __always_inline void
__kshim_sg_set_page(struct scatterlist *sg, struct page *page,
		    unsigned int len, unsigned int offset,
		    const struct kshim_site *site)
{
	__kshim_sg_assign_page(sg, page, site);
	sg->offset = offset;
	sg->length = len;
}

static __always_inline struct page *
__kshim_sg_page(struct scatterlist *sg, const struct kshim_site *site)
{
	if (unlikely(sg_is_chain(sg)))	/* CONFIG_DEBUG_SG */
		__kshim_sg_bug(site);
	return (struct page *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

static __always_inline void
__kshim_sg_set_buf(struct scatterlist *sg, const void *buf,
		   unsigned int buflen, const struct kshim_site *site)
{
	if (unlikely(!virt_addr_valid(buf)))	/* CONFIG_DEBUG_SG */
		__kshim_sg_bug(site);
	__kshim_sg_set_page(sg, virt_to_page(buf), buflen,
			    offset_in_page(buf), site);
}

static __always_inline dma_addr_t
__kshim_sg_phys(struct scatterlist *sg, const struct kshim_site *site)
{
	return page_to_phys(__kshim_sg_page(sg, site)) + sg->offset;
}

static __always_inline void *
__kshim_sg_virt(struct scatterlist *sg, const struct kshim_site *site)
{
	return page_address(__kshim_sg_page(sg, site)) + sg->offset;
}

#define sg_assign_page(sg, page)					\
	__kshim_sg_assign_page(sg, page, __KSHIM_CALLSITE)
#define sg_set_page(sg, page, len, offset)				\
	__kshim_sg_set_page(sg, page, len, offset, __KSHIM_CALLSITE)
#define sg_page(sg)		__kshim_sg_page(sg, __KSHIM_CALLSITE)
#define sg_set_buf(sg, buf, buflen)					\
	__kshim_sg_set_buf(sg, buf, buflen, __KSHIM_CALLSITE)
#define sg_phys(sg)		__kshim_sg_phys(sg, __KSHIM_CALLSITE)
#define sg_virt(sg)		__kshim_sg_virt(sg, __KSHIM_CALLSITE)

/* Walk @nr entries, following chain links. */
#define for_each_sg(sglist, sg, nr, __i)				\
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

/* Every entry of a table as built / every DMA segment after mapping. */
#define for_each_sgtable_sg(sgt, sg, i)					\
	for_each_sg((sgt)->sgl, sg, (sgt)->orig_nents, i)
#define for_each_sgtable_dma_sg(sgt, sg, i)				\
	for_each_sg((sgt)->sgl, sg, (sgt)->nents, i)

/* Turn @chain_sg into a link to @sgl (no page, no end mark). */
static inline void __sg_chain(struct scatterlist *chain_sg,
			      struct scatterlist *sgl)
{
	chain_sg->offset = 0;
	chain_sg->length = 0;
	chain_sg->page_link = ((unsigned long)sgl & ~SG_PAGE_LINK_MASK) |
			      SG_CHAIN;
}

/* The last of @prv's @prv_nents entries becomes the link to @sgl. */
static inline void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
			    struct scatterlist *sgl)
{
	__sg_chain(prv + prv_nents - 1, sgl);
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->page_link = (sg->page_link & ~SG_CHAIN) | SG_END;
}

static inline void sg_unmark_end(struct scatterlist *sg)
{
	sg->page_link &= ~SG_END;
}

/* No CONFIG_PCI_P2PDMA: no segment is ever a bus address. */
static inline bool sg_is_dma_bus_address(struct scatterlist *sg)
{
	return false;
}

static inline void sg_dma_mark_bus_address(struct scatterlist *sg)
{
}

static inline void sg_dma_unmark_bus_address(struct scatterlist *sg)
{
}

static inline void sg_init_marker(struct scatterlist *sgl,
				  unsigned int nents)
{
	sg_mark_end(&sgl[nents - 1]);
}

/* ---- compat/lib/scatterlist.c ---- */

int sg_nents(struct scatterlist *sg);
int sg_nents_for_len(struct scatterlist *sg, u64 len);
struct scatterlist *sg_next(struct scatterlist *);
struct scatterlist *sg_last(struct scatterlist *s, unsigned int);
void sg_init_table(struct scatterlist *, unsigned int);
void sg_init_one(struct scatterlist *, const void *, unsigned int);
int sg_split(struct scatterlist *in, const int in_mapped_nents,
	     const off_t skip, const int nb_splits,
	     const size_t *split_sizes,
	     struct scatterlist **out, int *out_mapped_nents,
	     gfp_t gfp_mask);

typedef struct scatterlist *(sg_alloc_fn)(unsigned int, gfp_t);
typedef void (sg_free_fn)(struct scatterlist *, unsigned int);

void __sg_free_table(struct sg_table *, unsigned int, unsigned int,
		     sg_free_fn *, unsigned int);
void sg_free_table(struct sg_table *);
void sg_free_append_table(struct sg_append_table *sgt);
int __sg_alloc_table(struct sg_table *, unsigned int, unsigned int,
		     struct scatterlist *, unsigned int, gfp_t, sg_alloc_fn *);
int sg_alloc_table(struct sg_table *, unsigned int, gfp_t);
int sg_alloc_append_table_from_pages(struct sg_append_table *sgt,
				     struct page **pages, unsigned int n_pages,
				     unsigned int offset, unsigned long size,
				     unsigned int max_segment,
				     unsigned int left_pages, gfp_t gfp_mask);
int sg_alloc_table_from_pages_segment(struct sg_table *sgt, struct page **pages,
				      unsigned int n_pages, unsigned int offset,
				      unsigned long size,
				      unsigned int max_segment, gfp_t gfp_mask);

struct scatterlist *sgl_alloc_order(unsigned long long length,
				    unsigned int order, bool chainable,
				    gfp_t gfp, unsigned int *nent_p);
struct scatterlist *sgl_alloc(unsigned long long length, gfp_t gfp,
			      unsigned int *nent_p);
void sgl_free_n_order(struct scatterlist *sgl, int nents, int order);
void sgl_free_order(struct scatterlist *sgl, int order);
void sgl_free(struct scatterlist *sgl);

size_t sg_copy_buffer(struct scatterlist *sgl, unsigned int nents, void *buf,
		      size_t buflen, off_t skip, bool to_buffer);
size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			   const void *buf, size_t buflen);
size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			 void *buf, size_t buflen);
size_t sg_pcopy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			    const void *buf, size_t buflen, off_t skip);
size_t sg_pcopy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			  void *buf, size_t buflen, off_t skip);
size_t sg_zero_buffer(struct scatterlist *sgl, unsigned int nents,
		      size_t buflen, off_t skip);

/* Entries in one page: beyond that, tables are chained pieces. */
#define SG_MAX_SINGLE_ALLOC	(PAGE_SIZE / sizeof(struct scatterlist))

/* Entries per sg_pool chunk (the inline first chunk of block drivers). */
#define SG_CHUNK_SIZE	128

/* The limit on segments of a chained list (x86 chains). */
#define SG_MAX_SEGMENTS	2048

void sg_free_table_chained(struct sg_table *table,
			   unsigned nents_first_chunk);
int sg_alloc_table_chained(struct sg_table *table, int nents,
			   struct scatterlist *first_chunk,
			   unsigned nents_first_chunk);

/*
 * kshim's entry points that allocate or report: the caller's position
 * goes to the allocator (a leaked table names the driver's line) and to
 * the BUG/WARN reports.  The names above stay real functions (a driver
 * may take their address).
 */
struct scatterlist *__kshim_sg_last(struct scatterlist *sgl,
				    unsigned int nents,
				    const struct kshim_site *site);
void __kshim_sg_init_one(struct scatterlist *sg, const void *buf,
			 unsigned int buflen, const struct kshim_site *site);
int __kshim_sg_alloc_table(struct sg_table *table, unsigned int nents,
			   gfp_t gfp_mask, const struct kshim_site *site);
void __kshim_sg_free_table(struct sg_table *table,
			   const struct kshim_site *site);
int __kshim_sg_alloc_append_table_from_pages(struct sg_append_table *sgt,
				struct page **pages, unsigned int n_pages,
				unsigned int offset, unsigned long size,
				unsigned int max_segment,
				unsigned int left_pages, gfp_t gfp_mask,
				const struct kshim_site *site);
int __kshim_sg_alloc_table_from_pages_segment(struct sg_table *sgt,
				struct page **pages, unsigned int n_pages,
				unsigned int offset, unsigned long size,
				unsigned int max_segment, gfp_t gfp_mask,
				const struct kshim_site *site);
void __kshim_sg_free_append_table(struct sg_append_table *sgt,
				  const struct kshim_site *site);
struct scatterlist *__kshim_sgl_alloc_order(unsigned long long length,
				unsigned int order, bool chainable,
				gfp_t gfp, unsigned int *nent_p,
				const struct kshim_site *site);
void __kshim_sgl_free_n_order(struct scatterlist *sgl, int nents, int order,
			      const struct kshim_site *site);
size_t __kshim_sg_copy_buffer(struct scatterlist *sgl, unsigned int nents,
			      void *buf, size_t buflen, off_t skip,
			      bool to_buffer, const struct kshim_site *site);
size_t __kshim_sg_zero_buffer(struct scatterlist *sgl, unsigned int nents,
			      size_t buflen, off_t skip,
			      const struct kshim_site *site);
void __kshim_sg_free_table_chained(struct sg_table *table,
				   unsigned int nents_first_chunk,
				   const struct kshim_site *site);
int __kshim_sg_alloc_table_chained(struct sg_table *table, int nents,
				   struct scatterlist *first_chunk,
				   unsigned int nents_first_chunk,
				   const struct kshim_site *site);

#define sg_last(sgl, nents)	__kshim_sg_last(sgl, nents, __KSHIM_CALLSITE)
#define sg_init_one(sg, buf, buflen)					\
	__kshim_sg_init_one(sg, buf, buflen, __KSHIM_CALLSITE)
#define sg_alloc_table(table, nents, gfp)				\
	__kshim_sg_alloc_table(table, nents, gfp, __KSHIM_CALLSITE)
#define sg_free_table(table)	__kshim_sg_free_table(table, __KSHIM_CALLSITE)
#define sg_alloc_append_table_from_pages(sgt, pages, n_pages, offset,	\
					 size, max_segment, left_pages,	\
					 gfp)				\
	__kshim_sg_alloc_append_table_from_pages(sgt, pages, n_pages,	\
						 offset, size,		\
						 max_segment, left_pages, \
						 gfp, __KSHIM_CALLSITE)
#define sg_alloc_table_from_pages_segment(sgt, pages, n_pages, offset,	\
					  size, max_segment, gfp)	\
	__kshim_sg_alloc_table_from_pages_segment(sgt, pages, n_pages,	\
						  offset, size,		\
						  max_segment, gfp,	\
						  __KSHIM_CALLSITE)
/* Contiguous pages merge with no limit on the entry's size. */
#define sg_alloc_table_from_pages(sgt, pages, n_pages, offset, size, gfp) \
	__kshim_sg_alloc_table_from_pages_segment(sgt, pages, n_pages,	\
						  offset, size, UINT_MAX, \
						  gfp, __KSHIM_CALLSITE)
#define sg_free_append_table(sgt)					\
	__kshim_sg_free_append_table(sgt, __KSHIM_CALLSITE)
#define sgl_alloc_order(length, order, chainable, gfp, nent_p)		\
	__kshim_sgl_alloc_order(length, order, chainable, gfp, nent_p,	\
				__KSHIM_CALLSITE)
#define sgl_alloc(length, gfp, nent_p)					\
	__kshim_sgl_alloc_order(length, 0, false, gfp, nent_p,		\
				__KSHIM_CALLSITE)
#define sgl_free_n_order(sgl, nents, order)				\
	__kshim_sgl_free_n_order(sgl, nents, order, __KSHIM_CALLSITE)
#define sgl_free_order(sgl, order)					\
	__kshim_sgl_free_n_order(sgl, INT_MAX, order, __KSHIM_CALLSITE)
#define sgl_free(sgl)							\
	__kshim_sgl_free_n_order(sgl, INT_MAX, 0, __KSHIM_CALLSITE)
#define sg_copy_buffer(sgl, nents, buf, buflen, skip, to_buffer)	\
	__kshim_sg_copy_buffer(sgl, nents, buf, buflen, skip, to_buffer, \
			       __KSHIM_CALLSITE)
#define sg_copy_from_buffer(sgl, nents, buf, buflen)			\
	__kshim_sg_copy_buffer(sgl, nents, (void *)(buf), buflen, 0,	\
			       false, __KSHIM_CALLSITE)
#define sg_copy_to_buffer(sgl, nents, buf, buflen)			\
	__kshim_sg_copy_buffer(sgl, nents, buf, buflen, 0, true,	\
			       __KSHIM_CALLSITE)
#define sg_pcopy_from_buffer(sgl, nents, buf, buflen, skip)		\
	__kshim_sg_copy_buffer(sgl, nents, (void *)(buf), buflen, skip,	\
			       false, __KSHIM_CALLSITE)
#define sg_pcopy_to_buffer(sgl, nents, buf, buflen, skip)		\
	__kshim_sg_copy_buffer(sgl, nents, buf, buflen, skip, true,	\
			       __KSHIM_CALLSITE)
#define sg_zero_buffer(sgl, nents, buflen, skip)			\
	__kshim_sg_zero_buffer(sgl, nents, buflen, skip, __KSHIM_CALLSITE)
#define sg_free_table_chained(table, nents_first_chunk)		\
	__kshim_sg_free_table_chained(table, nents_first_chunk,		\
				      __KSHIM_CALLSITE)
#define sg_alloc_table_chained(table, nents, first_chunk,		\
			       nents_first_chunk)			\
	__kshim_sg_alloc_table_chained(table, nents, first_chunk,	\
				       nents_first_chunk, __KSHIM_CALLSITE)

/*
 * Page iterator: one step per page of the entries, the current entry in
 * ->sg and the page's index inside it in ->sg_pgoffset.
 */
struct sg_page_iter {
	struct scatterlist	*sg;
	unsigned int		sg_pgoffset;

	/* private */
	unsigned int		__nents;	/* entries left */
	int			__pg_advance;	/* pages to step next time */
};

/* The same over DMA segments: only sg_page_iter_dma_address() applies. */
struct sg_dma_page_iter {
	struct sg_page_iter base;
};

bool __sg_page_iter_next(struct sg_page_iter *piter);
bool __sg_page_iter_dma_next(struct sg_dma_page_iter *dma_iter);
void __sg_page_iter_start(struct sg_page_iter *piter,
			  struct scatterlist *sglist, unsigned int nents,
			  unsigned long pgoffset);

static __always_inline struct page *
__kshim_sg_page_iter_page(struct sg_page_iter *piter,
			  const struct kshim_site *site)
{
	return nth_page(__kshim_sg_page(piter->sg, site), piter->sg_pgoffset);
}
#define sg_page_iter_page(piter)					\
	__kshim_sg_page_iter_page(piter, __KSHIM_CALLSITE)

static inline dma_addr_t
sg_page_iter_dma_address(struct sg_dma_page_iter *dma_iter)
{
	return sg_dma_address(dma_iter->base.sg) +
	       ((dma_addr_t)dma_iter->base.sg_pgoffset << PAGE_SHIFT);
}

#define for_each_sg_page(sglist, piter, nents, pgoffset)		\
	for (__sg_page_iter_start((piter), (sglist), (nents), (pgoffset)); \
	     __sg_page_iter_next(piter);)

#define for_each_sg_dma_page(sglist, dma_iter, dma_nents, pgoffset)	\
	for (__sg_page_iter_start(&(dma_iter)->base, sglist, dma_nents,	\
				  pgoffset);				\
	     __sg_page_iter_dma_next(dma_iter);)

#define for_each_sgtable_page(sgt, piter, pgoffset)			\
	for_each_sg_page((sgt)->sgl, piter, (sgt)->orig_nents, pgoffset)

#define for_each_sgtable_dma_page(sgt, dma_iter, pgoffset)		\
	for_each_sg_dma_page((sgt)->sgl, dma_iter, (sgt)->nents, pgoffset)

/*
 * Mapping iterator: each sg_miter_next() maps the next piece (at most
 * the rest of one page) with kmap_local_page(), or kmap_atomic() with
 * SG_MITER_ATOMIC, at ->addr for ->length bytes; ->consumed may be
 * lowered to take less.  The mapping lives until the next
 * sg_miter_next()/sg_miter_skip()/sg_miter_stop(), so the kmap rules
 * hold in between: with SG_MITER_ATOMIC no sleeping, and local maps nest.
 */
#define SG_MITER_ATOMIC		(1 << 0)	/* map with kmap_atomic */
#define SG_MITER_TO_SG		(1 << 1)	/* the caller writes the pages */
#define SG_MITER_FROM_SG	(1 << 2)	/* the caller reads the pages */

struct sg_mapping_iter {
	/* for the caller */
	struct page		*page;		/* page mapped now */
	void			*addr;		/* its mapped piece */
	size_t			length;		/* bytes at addr */
	size_t			consumed;	/* bytes used */
	struct sg_page_iter	piter;

	/* private */
	unsigned int		__offset;	/* offset in the page */
	unsigned int		__remaining;	/* bytes left in the page */
	unsigned int		__flags;
};

void sg_miter_start(struct sg_mapping_iter *miter, struct scatterlist *sgl,
		    unsigned int nents, unsigned int flags);
bool sg_miter_skip(struct sg_mapping_iter *miter, off_t offset);
bool sg_miter_next(struct sg_mapping_iter *miter);
void sg_miter_stop(struct sg_mapping_iter *miter);

void __kshim_sg_miter_start(struct sg_mapping_iter *miter,
			    struct scatterlist *sgl, unsigned int nents,
			    unsigned int flags, const struct kshim_site *site);
bool __kshim_sg_miter_skip(struct sg_mapping_iter *miter, off_t offset,
			   const struct kshim_site *site);
bool __kshim_sg_miter_next(struct sg_mapping_iter *miter,
			   const struct kshim_site *site);
void __kshim_sg_miter_stop(struct sg_mapping_iter *miter,
			   const struct kshim_site *site);

#define sg_miter_start(miter, sgl, nents, flags)			\
	__kshim_sg_miter_start(miter, sgl, nents, flags, __KSHIM_CALLSITE)
#define sg_miter_skip(miter, offset)					\
	__kshim_sg_miter_skip(miter, offset, __KSHIM_CALLSITE)
#define sg_miter_next(miter)						\
	__kshim_sg_miter_next(miter, __KSHIM_CALLSITE)
#define sg_miter_stop(miter)						\
	__kshim_sg_miter_stop(miter, __KSHIM_CALLSITE)

/* What the kernel's linux/scatterlist.h also makes visible. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/notifier.h>

#endif /* _LINUX_SCATTERLIST_H */
