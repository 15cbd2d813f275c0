/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/dma-mapping.h - the DMA API: coherent allocations, streaming
 * mappings of pages, buffers and scatterlists, syncs, masks.
 *
 * Follows include/linux/dma-mapping.h of 6.1 on x86_64 with
 * CONFIG_HAS_DMA, CONFIG_NEED_DMA_MAP_STATE, CONFIG_DMA_API_DEBUG and
 * CONFIG_DMA_API_DEBUG_SG (kshim is a debug kernel).  The machine behind
 * it (compat/kernel/dma/):
 *  - bus address = physical address in the simulated RAM;
 *  - coherent memory (dma_alloc_coherent(), dma pools) is lowmem pages
 *    below the device's coherent mask, zeroed;
 *  - every streaming mapping bounces through a slot of a software IOTLB,
 *    as swiotlb=force does: the data is copied to the slot at map time and
 *    at dma_sync_*_for_device() (DMA_TO_DEVICE, DMA_BIDIRECTIONAL) and
 *    back at unmap and dma_sync_*_for_cpu() (DMA_FROM_DEVICE,
 *    DMA_BIDIRECTIONAL), so a driver that reads its buffer before syncing
 *    reads stale data, as on a machine without coherent DMA;
 *  - kshim's own: while the device owns a streaming buffer (map or
 *    sync_for_device until unmap or sync_for_cpu), ASan and Valgrind
 *    builds make the CPU's view of it inaccessible, and the report names
 *    the map call.
 * The kernel's checks, at the driver's line (the entry points are macros
 * capturing it): an invalid direction is BUG(), a mapping for a device
 * without dma_mask WARNs once and fails, dma_map_single() of vmalloc
 * memory is "rejecting DMA map of vmalloc memory", a coherent allocation
 * without a coherent mask WARNs once, dma_free_coherent() with IRQs off
 * WARNs; the DMA-API debug checks (compat/kernel/dma/debug.c) run on every
 * call.  Not provided: dma_mmap_*(), dma_get_sgtable*(), noncontiguous
 * allocations.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/limits.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/dma-direction.h>
#include <linux/scatterlist.h>
#include <linux/bug.h>
#include <kshim/site.h>

/* Attributes of a mapping or allocation (values of 6.1). */
#define DMA_ATTR_WEAK_ORDERING		(1UL << 1)
#define DMA_ATTR_WRITE_COMBINE		(1UL << 2)
#define DMA_ATTR_NO_KERNEL_MAPPING	(1UL << 4)
#define DMA_ATTR_SKIP_CPU_SYNC		(1UL << 5)
#define DMA_ATTR_FORCE_CONTIGUOUS	(1UL << 6)
#define DMA_ATTR_ALLOC_SINGLE_PAGES	(1UL << 7)
#define DMA_ATTR_NO_WARN		(1UL << 8)
#define DMA_ATTR_PRIVILEGED		(1UL << 9)

/* The one address no mapping ever gets: what a failed mapping returns. */
#define DMA_MAPPING_ERROR		(~(dma_addr_t)0)

#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL<<(n))-1))

struct vm_area_struct;

/* ---- out of line (compat/kernel/dma/mapping.c); the kernel's names ---- */

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
		size_t offset, size_t size, enum dma_data_direction dir,
		unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir, unsigned long attrs);
unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg,
		int nents, enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg,
				      int nents, enum dma_data_direction dir,
				      unsigned long attrs);
int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
		enum dma_data_direction dir, unsigned long attrs);
dma_addr_t dma_map_resource(struct device *dev, phys_addr_t phys_addr,
		size_t size, enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_resource(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir, unsigned long attrs);
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
		size_t size, enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
		    int nelems, enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
		       int nelems, enum dma_data_direction dir);
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		gfp_t flag, unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		dma_addr_t dma_handle, unsigned long attrs);
void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		gfp_t gfp, unsigned long attrs);
void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
		dma_addr_t dma_handle);
bool dma_can_mmap(struct device *dev);
bool dma_pci_p2pdma_supported(struct device *dev);
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
u64 dma_get_required_mask(struct device *dev);
size_t dma_max_mapping_size(struct device *dev);
size_t dma_opt_mapping_size(struct device *dev);
bool dma_need_sync(struct device *dev, dma_addr_t dma_addr);
unsigned long dma_get_merge_boundary(struct device *dev);

/* kshim: the same, with the caller's position for the reports. */
dma_addr_t __kshim_dma_map_page(struct device *dev, struct page *page,
				size_t offset, size_t size,
				enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site);
dma_addr_t __kshim_dma_map_single(struct device *dev, void *ptr, size_t size,
				  enum dma_data_direction dir,
				  unsigned long attrs,
				  const struct kshim_site *site);
void __kshim_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs,
			    const struct kshim_site *site);
unsigned int __kshim_dma_map_sg(struct device *dev, struct scatterlist *sg,
				int nents, enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site);
void __kshim_dma_unmap_sg(struct device *dev, struct scatterlist *sg,
			  int nents, enum dma_data_direction dir,
			  unsigned long attrs, const struct kshim_site *site);
int __kshim_dma_map_sgtable(struct device *dev, struct sg_table *sgt,
			    enum dma_data_direction dir, unsigned long attrs,
			    const struct kshim_site *site);
dma_addr_t __kshim_dma_map_resource(struct device *dev, phys_addr_t phys,
				    size_t size, enum dma_data_direction dir,
				    unsigned long attrs,
				    const struct kshim_site *site);
void __kshim_dma_unmap_resource(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site);
void __kshim_dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr,
				     size_t size,
				     enum dma_data_direction dir,
				     const struct kshim_site *site);
void __kshim_dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
					size_t size,
					enum dma_data_direction dir,
					const struct kshim_site *site);
void __kshim_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
				 int nelems, enum dma_data_direction dir,
				 const struct kshim_site *site);
void __kshim_dma_sync_sg_for_device(struct device *dev,
				    struct scatterlist *sg, int nelems,
				    enum dma_data_direction dir,
				    const struct kshim_site *site);
int __kshim_dma_mapping_error(struct device *dev, dma_addr_t dma_addr,
			      const struct kshim_site *site);
void *__kshim_dma_alloc_attrs(struct device *dev, size_t size,
			      dma_addr_t *dma_handle, gfp_t flag,
			      unsigned long attrs,
			      const struct kshim_site *site);
void __kshim_dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
			    dma_addr_t dma_handle, unsigned long attrs,
			    const struct kshim_site *site);
void *__kshim_dmam_alloc_attrs(struct device *dev, size_t size,
			       dma_addr_t *dma_handle, gfp_t gfp,
			       unsigned long attrs,
			       const struct kshim_site *site);
void __kshim_dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
				dma_addr_t dma_handle,
				const struct kshim_site *site);

#define dma_map_page_attrs(dev, page, offset, size, dir, attrs)	\
	__kshim_dma_map_page(dev, page, offset, size, dir, attrs,	\
			     __KSHIM_CALLSITE)
#define dma_map_single_attrs(dev, ptr, size, dir, attrs)		\
	__kshim_dma_map_single(dev, ptr, size, dir, attrs, __KSHIM_CALLSITE)
#define dma_unmap_page_attrs(dev, addr, size, dir, attrs)		\
	__kshim_dma_unmap_page(dev, addr, size, dir, attrs, __KSHIM_CALLSITE)
#define dma_unmap_single_attrs(dev, addr, size, dir, attrs)		\
	__kshim_dma_unmap_page(dev, addr, size, dir, attrs, __KSHIM_CALLSITE)
#define dma_map_sg_attrs(dev, sg, nents, dir, attrs)			\
	__kshim_dma_map_sg(dev, sg, nents, dir, attrs, __KSHIM_CALLSITE)
#define dma_unmap_sg_attrs(dev, sg, nents, dir, attrs)			\
	__kshim_dma_unmap_sg(dev, sg, nents, dir, attrs, __KSHIM_CALLSITE)
#define dma_map_sgtable(dev, sgt, dir, attrs)				\
	__kshim_dma_map_sgtable(dev, sgt, dir, attrs, __KSHIM_CALLSITE)
#define dma_map_resource(dev, phys, size, dir, attrs)			\
	__kshim_dma_map_resource(dev, phys, size, dir, attrs,		\
				 __KSHIM_CALLSITE)
#define dma_unmap_resource(dev, addr, size, dir, attrs)		\
	__kshim_dma_unmap_resource(dev, addr, size, dir, attrs,	\
				   __KSHIM_CALLSITE)
#define dma_sync_single_for_cpu(dev, addr, size, dir)			\
	__kshim_dma_sync_single_for_cpu(dev, addr, size, dir, __KSHIM_CALLSITE)
#define dma_sync_single_for_device(dev, addr, size, dir)		\
	__kshim_dma_sync_single_for_device(dev, addr, size, dir,	\
					   __KSHIM_CALLSITE)
#define dma_sync_single_range_for_cpu(dev, addr, offset, size, dir)	\
	__kshim_dma_sync_single_for_cpu(dev, (addr) + (offset), size, dir, \
					__KSHIM_CALLSITE)
#define dma_sync_single_range_for_device(dev, addr, offset, size, dir)	\
	__kshim_dma_sync_single_for_device(dev, (addr) + (offset), size, \
					   dir, __KSHIM_CALLSITE)
#define dma_sync_sg_for_cpu(dev, sg, nelems, dir)			\
	__kshim_dma_sync_sg_for_cpu(dev, sg, nelems, dir, __KSHIM_CALLSITE)
#define dma_sync_sg_for_device(dev, sg, nelems, dir)			\
	__kshim_dma_sync_sg_for_device(dev, sg, nelems, dir, __KSHIM_CALLSITE)
#define dma_mapping_error(dev, dma_addr)				\
	__kshim_dma_mapping_error(dev, dma_addr, __KSHIM_CALLSITE)
#define dma_alloc_attrs(dev, size, dma_handle, flag, attrs)		\
	__kshim_dma_alloc_attrs(dev, size, dma_handle, flag, attrs,	\
				__KSHIM_CALLSITE)
#define dma_free_attrs(dev, size, cpu_addr, dma_handle, attrs)		\
	__kshim_dma_free_attrs(dev, size, cpu_addr, dma_handle, attrs,	\
			       __KSHIM_CALLSITE)
#define dmam_alloc_attrs(dev, size, dma_handle, gfp, attrs)		\
	__kshim_dmam_alloc_attrs(dev, size, dma_handle, gfp, attrs,	\
				 __KSHIM_CALLSITE)
#define dmam_free_coherent(dev, size, vaddr, dma_handle)		\
	__kshim_dmam_free_coherent(dev, size, vaddr, dma_handle,	\
				   __KSHIM_CALLSITE)

/* No attributes (the kernel's shorthands). */
#define dma_map_single(d, a, s, r) dma_map_single_attrs(d, a, s, r, 0)
#define dma_unmap_single(d, a, s, r) dma_unmap_single_attrs(d, a, s, r, 0)
#define dma_map_sg(d, s, n, r) dma_map_sg_attrs(d, s, n, r, 0)
#define dma_unmap_sg(d, s, n, r) dma_unmap_sg_attrs(d, s, n, r, 0)
#define dma_map_page(d, p, o, s, r) dma_map_page_attrs(d, p, o, s, r, 0)
#define dma_unmap_page(d, a, s, r) dma_unmap_page_attrs(d, a, s, r, 0)

/* Coherent memory: no allocation-failure report with __GFP_NOWARN. */
#define dma_alloc_coherent(dev, size, dma_handle, gfp)			\
	dma_alloc_attrs(dev, size, dma_handle, gfp,			\
			((gfp) & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0)
#define dma_free_coherent(dev, size, cpu_addr, dma_handle)		\
	dma_free_attrs(dev, size, cpu_addr, dma_handle, 0)
#define dmam_alloc_coherent(dev, size, dma_handle, gfp)		\
	dmam_alloc_attrs(dev, size, dma_handle, gfp,			\
			 ((gfp) & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0)
#define dma_alloc_wc(dev, size, dma_addr, gfp)				\
	dma_alloc_attrs(dev, size, dma_addr, gfp, DMA_ATTR_WRITE_COMBINE | \
			(((gfp) & __GFP_NOWARN) ? DMA_ATTR_NO_WARN : 0))
#define dma_free_wc(dev, size, cpu_addr, dma_addr)			\
	dma_free_attrs(dev, size, cpu_addr, dma_addr, DMA_ATTR_WRITE_COMBINE)

/* A table's entries as built (orig_nents), as the kernel's helpers pass. */
#define dma_unmap_sgtable(dev, sgt, dir, attrs)			\
	__kshim_dma_unmap_sg(dev, (sgt)->sgl, (sgt)->orig_nents, dir,	\
			     attrs, __KSHIM_CALLSITE)
#define dma_sync_sgtable_for_cpu(dev, sgt, dir)			\
	__kshim_dma_sync_sg_for_cpu(dev, (sgt)->sgl, (sgt)->orig_nents,	\
				    dir, __KSHIM_CALLSITE)
#define dma_sync_sgtable_for_device(dev, sgt, dir)			\
	__kshim_dma_sync_sg_for_device(dev, (sgt)->sgl, (sgt)->orig_nents, \
				       dir, __KSHIM_CALLSITE)

/* ---- masks and limits ---- */

static inline u64 dma_get_mask(struct device *dev)
{
	if (!dev->dma_mask || !*dev->dma_mask)
		return DMA_BIT_MASK(32);
	return *dev->dma_mask;
}

/*
 * The coherent mask follows the streaming one only when that one was
 * accepted; the API promises the coherent mask can always be set to it.
 */
static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int ret = dma_set_mask(dev, mask);

	if (!ret)
		dma_set_coherent_mask(dev, mask);
	return ret;
}

/* For devices whose bus code left dma_mask unset: use the coherent one. */
static inline int dma_coerce_mask_and_coherent(struct device *dev, u64 mask)
{
	dev->dma_mask = &dev->coherent_dma_mask;
	return dma_set_mask_and_coherent(dev, mask);
}

static inline bool dma_addressing_limited(struct device *dev)
{
	u64 limit = dma_get_mask(dev);

	if (dev->bus_dma_limit && dev->bus_dma_limit < limit)
		limit = dev->bus_dma_limit;
	return limit < dma_get_required_mask(dev);
}

/* Without dma_parms: 64 KiB segments, no boundary, no alignment rule. */
static inline unsigned int dma_get_max_seg_size(struct device *dev)
{
	unsigned int max = dev->dma_parms ? dev->dma_parms->max_segment_size : 0;

	return max ? max : SZ_64K;
}

static inline int dma_set_max_seg_size(struct device *dev, unsigned int size)
{
	if (!dev->dma_parms)
		return -EIO;
	dev->dma_parms->max_segment_size = size;
	return 0;
}

static inline unsigned long dma_get_seg_boundary(struct device *dev)
{
	unsigned long b = dev->dma_parms ?
			  dev->dma_parms->segment_boundary_mask : 0;

	return b ? b : ULONG_MAX;
}

static inline unsigned long dma_get_seg_boundary_nr_pages(struct device *dev,
		unsigned int page_shift)
{
	unsigned long b = dev ? dma_get_seg_boundary(dev) : U32_MAX;

	return (b >> page_shift) + 1;
}

static inline int dma_set_seg_boundary(struct device *dev, unsigned long mask)
{
	if (!dev->dma_parms)
		return -EIO;
	dev->dma_parms->segment_boundary_mask = mask;
	return 0;
}

static inline unsigned int dma_get_min_align_mask(struct device *dev)
{
	return dev->dma_parms ? dev->dma_parms->min_align_mask : 0;
}

static inline int dma_set_min_align_mask(struct device *dev,
		unsigned int min_align_mask)
{
	if (WARN_ON_ONCE(!dev->dma_parms))
		return -EIO;
	dev->dma_parms->min_align_mask = min_align_mask;
	return 0;
}

/* x86 DMA is cache-coherent: no alignment beyond a byte is required. */
static inline int dma_get_cache_alignment(void)
{
	return 1;
}

/* The unmap state drivers keep next to each buffer (NEED_DMA_MAP_STATE). */
#define DEFINE_DMA_UNMAP_ADDR(ADDR_NAME)        dma_addr_t ADDR_NAME
#define DEFINE_DMA_UNMAP_LEN(LEN_NAME)          __u32 LEN_NAME
#define dma_unmap_addr(PTR, ADDR_NAME)           ((PTR)->ADDR_NAME)
#define dma_unmap_addr_set(PTR, ADDR_NAME, VAL)  (((PTR)->ADDR_NAME) = (VAL))
#define dma_unmap_len(PTR, LEN_NAME)             ((PTR)->LEN_NAME)
#define dma_unmap_len_set(PTR, LEN_NAME, VAL)    (((PTR)->LEN_NAME) = (VAL))

/* What the kernel's linux/dma-mapping.h also makes visible. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/notifier.h>

#endif /* _LINUX_DMA_MAPPING_H */
