/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/dma/debug.h - hooks of the DMA-API debug checks.
 *
 * Follows the 6.1 kernel's private header kernel/dma/debug.h (plus
 * debug_dma_mapping_error() and debug_dma_map_single(), which 6.1 declares
 * in linux/dma-mapping.h, and dma_debug_add_bus() from linux/dma-map-ops.h),
 * always in the CONFIG_DMA_API_DEBUG=y form.  kshim's difference: every
 * hook takes one more argument, @site, the driver's position captured by
 * the dma_* macro (kshim/site.h); it names the report's line and is saved
 * as the entry's "Mapped at:" stack.  Callers: compat/kernel/dma/mapping.c
 * (and dmapool.c through dma_alloc_coherent).  See /work/brief/DMA-HOOKS.md.
 *
 * Calling rules (as kernel/dma/mapping.c does):
 *  - debug_dma_map_page() after the mapping attempt, also on failure: it
 *    ignores DMA_MAPPING_ERROR itself.
 *  - debug_dma_map_sg() only when the mapping succeeded (mapped_ents > 0),
 *    after sg_dma_address()/sg_dma_len() of the entries are set; @nents is
 *    what the driver passed, @mapped_ents what dma_map_sg() returns.
 *  - debug_dma_map_single() before dma_map_page_attrs() of the buffer, after
 *    the vmalloc rejection (a rejected buffer gets neither hook).
 *  - debug_dma_alloc_coherent() after the allocation (ignores virt == NULL),
 *    debug_dma_free_coherent() before the memory is freed.
 *  - unmap/sync hooks with the driver's arguments, even when the mapping
 *    code does not know the address (the hook reports that).
 */
#ifndef _KSHIM_KERNEL_DMA_DEBUG_H
#define _KSHIM_KERNEL_DMA_DEBUG_H

#include <linux/types.h>
#include <kshim/site.h>

struct device;
struct page;
struct scatterlist;
struct bus_type;

void debug_dma_map_page(struct device *dev, struct page *page,
			size_t offset, size_t size, int direction,
			dma_addr_t dma_addr, unsigned long attrs,
			const struct kshim_site *site);
void debug_dma_unmap_page(struct device *dev, dma_addr_t addr,
			  size_t size, int direction,
			  const struct kshim_site *site);
void debug_dma_map_sg(struct device *dev, struct scatterlist *sg,
		      int nents, int mapped_ents, int direction,
		      unsigned long attrs, const struct kshim_site *site);
void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist,
			int nelems, int dir, const struct kshim_site *site);
void debug_dma_alloc_coherent(struct device *dev, size_t size,
			      dma_addr_t dma_addr, void *virt,
			      unsigned long attrs,
			      const struct kshim_site *site);
void debug_dma_free_coherent(struct device *dev, size_t size,
			     void *virt, dma_addr_t addr,
			     const struct kshim_site *site);
void debug_dma_map_resource(struct device *dev, phys_addr_t addr,
			    size_t size, int direction, dma_addr_t dma_addr,
			    unsigned long attrs,
			    const struct kshim_site *site);
void debug_dma_unmap_resource(struct device *dev, dma_addr_t dma_addr,
			      size_t size, int direction,
			      const struct kshim_site *site);
void debug_dma_sync_single_for_cpu(struct device *dev,
				   dma_addr_t dma_handle, size_t size,
				   int direction,
				   const struct kshim_site *site);
void debug_dma_sync_single_for_device(struct device *dev,
				      dma_addr_t dma_handle, size_t size,
				      int direction,
				      const struct kshim_site *site);
void debug_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
			       int nelems, int direction,
			       const struct kshim_site *site);
void debug_dma_sync_sg_for_device(struct device *dev,
				  struct scatterlist *sg, int nelems,
				  int direction,
				  const struct kshim_site *site);
void debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr,
			     const struct kshim_site *site);
void debug_dma_map_single(struct device *dev, const void *addr,
			  unsigned long len, const struct kshim_site *site);

/* Watch @bus for drivers unbound with DMA still mapped (as the kernel). */
void dma_debug_add_bus(struct bus_type *bus);

#endif /* _KSHIM_KERNEL_DMA_DEBUG_H */
