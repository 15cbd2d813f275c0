/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/dmapool.h - pools of small coherent DMA blocks.
 *
 * Follows include/linux/dmapool.h of 6.1 with CONFIG_HAS_DMA, and the
 * behaviour of mm/dmapool.c with its debug checks on (DMAPOOL_DEBUG: 6.1
 * turns them on with CONFIG_SLUB_DEBUG_ON, which kshim always has).  The
 * pool's pages are dma_alloc_coherent() memory of the pool's device, so
 * the device reaches its blocks (kshim_dma_read()/kshim_dma_write()); see
 * compat/mm/dmapool.c for the rules and the reports.
 *
 * Entry points that can report are macros capturing the driver's
 * position; dma_pool_create(), dma_pool_alloc(), dma_pool_free(),
 * dma_pool_destroy(), dmam_pool_create() and dmam_pool_destroy() also
 * exist as real functions (their addresses).
 */
#ifndef LINUX_DMAPOOL_H
#define LINUX_DMAPOOL_H

#include <linux/scatterlist.h>
#include <linux/types.h>
#include <linux/gfp_types.h>
#include <asm/io.h>
#include <kshim/site.h>

struct device;
struct dma_pool;

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
			size_t size, size_t align, size_t allocation);
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags,
		     dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr);

/* Managed: the pool goes when the driver is unbound (devres). */
struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation);
void dmam_pool_destroy(struct dma_pool *pool);

/* kshim: the same, with the caller's position for the reports. */
struct dma_pool *__kshim_dma_pool_create(const char *name,
					 struct device *dev, size_t size,
					 size_t align, size_t boundary,
					 const struct kshim_site *site);
void __kshim_dma_pool_destroy(struct dma_pool *pool,
			      const struct kshim_site *site);
void *__kshim_dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags,
			     dma_addr_t *handle,
			     const struct kshim_site *site);
void __kshim_dma_pool_free(struct dma_pool *pool, void *vaddr,
			   dma_addr_t addr, const struct kshim_site *site);
struct dma_pool *__kshim_dmam_pool_create(const char *name,
					  struct device *dev, size_t size,
					  size_t align, size_t boundary,
					  const struct kshim_site *site);
void __kshim_dmam_pool_destroy(struct dma_pool *pool,
			       const struct kshim_site *site);

#define dma_pool_create(name, dev, size, align, boundary)		\
	__kshim_dma_pool_create(name, dev, size, align, boundary,	\
				__KSHIM_CALLSITE)
#define dma_pool_destroy(pool)						\
	__kshim_dma_pool_destroy(pool, __KSHIM_CALLSITE)
#define dma_pool_alloc(pool, mem_flags, handle)				\
	__kshim_dma_pool_alloc(pool, mem_flags, handle, __KSHIM_CALLSITE)
#define dma_pool_free(pool, vaddr, addr)				\
	__kshim_dma_pool_free(pool, vaddr, addr, __KSHIM_CALLSITE)
#define dmam_pool_create(name, dev, size, align, boundary)		\
	__kshim_dmam_pool_create(name, dev, size, align, boundary,	\
				 __KSHIM_CALLSITE)
#define dmam_pool_destroy(pool)						\
	__kshim_dmam_pool_destroy(pool, __KSHIM_CALLSITE)

/* A block cleared to zero (and left without the allocation poison). */
#define dma_pool_zalloc(pool, mem_flags, handle)			\
	__kshim_dma_pool_alloc(pool, (mem_flags) | __GFP_ZERO, handle,	\
			       __KSHIM_CALLSITE)

/* What the kernel's linux/dmapool.h also makes visible. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/notifier.h>

#endif /* LINUX_DMAPOOL_H */
