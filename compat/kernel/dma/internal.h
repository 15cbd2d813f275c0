/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/dma/internal.h - kshim's DMA machine, shared by
 * mapping.c (the API), direct.c (coherent memory, device-side DMA) and
 * swiotlb.c (the bounce slots every streaming mapping goes through).
 */
#ifndef _KSHIM_KERNEL_DMA_INTERNAL_H
#define _KSHIM_KERNEL_DMA_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/dma-mapping.h>
#include <kshim/site.h>

#include "arch/dma_owner.h"

/* Bounce slots, the kernel's IO_TLB_SIZE; one mapping is at most 128. */
#define KSHIM_IOTLB_SHIFT	11
#define KSHIM_IOTLB_SLOT	(1UL << KSHIM_IOTLB_SHIFT)
#define KSHIM_IOTLB_SEGSIZE	128

struct kshim_iotlb_chunk;

/*
 * One streaming mapping: the CPU's buffer (first page + offset, and its
 * direct-map address unless highmem), the bounce slots the device sees,
 * who mapped it where.  Lives in its chunk's table, indexed by the first
 * slot; valid while @live.
 */
struct kshim_dma_map {
	struct device *dev;
	struct page *page;	/* NULL: @cpu is host memory (stack, data) */
	size_t offset;		/* into @page; may exceed a page */
	size_t size;
	void *cpu;		/* page_address() + offset, or NULL */
	void *bounce;		/* the slots, through the direct map */
	dma_addr_t bus;
	enum dma_data_direction dir;
	bool live;
	bool device_owns;	/* mapped or synced for the device */
	const char *how;	/* "dma_map_single()" ... */
	const struct kshim_site *site;
	struct kshim_iotlb_chunk *chunk;
	unsigned int slot, nslots;
	struct arch_dma_owned owned;	/* the CPU view's poisoning */
};

/* ---- swiotlb.c ---- */
struct kshim_dma_map *kshim_iotlb_map(struct device *dev, struct page *page,
				      size_t offset, size_t size,
				      enum dma_data_direction dir,
				      unsigned long attrs, const char *how,
				      const struct kshim_site *site);
/* Copies back as @dir says and frees the slots; lock held. */
void kshim_iotlb_unmap(struct kshim_dma_map *m, size_t size,
		       enum dma_data_direction dir, unsigned long attrs);
/* The mapping that contains bus range [addr, addr + len), or NULL. */
struct kshim_dma_map *kshim_iotlb_find(dma_addr_t addr, size_t len);
/* The mapping that starts at @addr (unmap), or NULL; lock held. */
struct kshim_dma_map *kshim_iotlb_find_start(dma_addr_t addr);
void kshim_iotlb_sync(struct kshim_dma_map *m, dma_addr_t addr, size_t len,
		      enum dma_data_direction dir, bool for_cpu);
/* Bytes the bounce slots can take at once. */
size_t kshim_iotlb_max_mapping(void);
/* Copy between the CPU's buffer @m (from @off) and its slots. */
void kshim_iotlb_bounce(struct kshim_dma_map *m, size_t off, size_t len,
			bool to_device);
/* Lock around the tables (device-side DMA reads them). */
void kshim_iotlb_lock(void);
void kshim_iotlb_unlock(void);

/* ---- direct.c ---- */
void *kshim_dma_direct_alloc(struct device *dev, size_t size,
			     dma_addr_t *handle, gfp_t gfp,
			     unsigned long attrs,
			     const struct kshim_site *site);
void kshim_dma_direct_free(struct device *dev, size_t size, void *cpu,
			   dma_addr_t handle);
bool kshim_dma_mask_ok(struct device *dev, u64 mask);

/* Pages of the bounce pool and of coherent allocations (page ledger). */
extern long kshim_dma_pages_held;

/* Driver name as dev_driver_string() gives it. */
const char *kshim_dma_drv_name(const struct device *dev);


#endif /* _KSHIM_KERNEL_DMA_INTERNAL_H */
