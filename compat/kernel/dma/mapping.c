// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/dma/mapping.c - the DMA API's entry points, as
 * kernel/dma/mapping.c and the inline half of linux/dma-mapping.h of 6.1
 * behave on x86 without an IOMMU (dma-direct), with every streaming
 * mapping bounced (swiotlb.c) and the DMA-API debug hooks (debug.c)
 * called where the kernel calls them, with the driver's position.
 *
 * The kernel's checks here, each at the driver's line:
 *  - an invalid direction is BUG() (map, unmap, sync of pages and sg);
 *  - mapping for a device without dma_mask: WARN_ON_ONCE, DMA_MAPPING_ERROR
 *    (dma_map_sg(): 0);
 *  - dma_map_single() of vmalloc memory: dev_WARN_ONCE "rejecting DMA map
 *    of vmalloc memory", DMA_MAPPING_ERROR, no debug entry;
 *  - dma_alloc_attrs() without a coherent mask: WARN_ON_ONCE (then no
 *    memory fits the mask: NULL); dma_free_attrs() with IRQs off: WARN_ON.
 * "Once" is once per test and call site here (the kernel: per boot).
 * Scatterlists are mapped entry by entry and never merged, as dma-direct
 * does: dma_map_sg() returns nents, or 0 when an entry cannot be mapped
 * (the ones mapped before are unmapped again); dma_map_sgtable() returns
 * -EIO then.  kshim's ownership rule (arch/dma_owner.c): the buffer goes
 * to the device at map and sync_for_device, back to the CPU at unmap and
 * sync_for_cpu; a sync of part of a mapping moves all of it.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>

#include "kshim/internal.h"
#include "kernel/dma/debug.h"
#include "kernel/dma/internal.h"

/* ---- once per test and site ---- */

#define MAX_ONCE 64
static const void *once_keys[MAX_ONCE];
static unsigned int nr_once;
static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;

static bool first_time(const void *key)
{
	bool first = true;
	unsigned int i;

	pthread_mutex_lock(&once_lock);
	for (i = 0; i < nr_once; i++)
		if (once_keys[i] == key)
			first = false;
	if (first && nr_once < MAX_ONCE)
		once_keys[nr_once++] = key;
	pthread_mutex_unlock(&once_lock);
	return first;
}

void kshim_dma_test_begin(void)
{
	nr_once = 0;
}

#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt)

/* WARN_ON_ONCE(cond) at the driver's line; @what tells the checks apart. */
static bool warn_on_once_at(bool cond, const struct kshim_site *site,
			    const char *what)
{
	if (cond && first_time(site ? (const void *)site : what))
		warn_at(site, NULL);
	return cond;
}

static void check_direction(enum dma_data_direction dir,
			    const struct kshim_site *site)
{
	if (unlikely(!valid_dma_direction(dir)))
		__kshim_bug(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site), site ? site->mod : NULL);
}

static const char *const dir_names[] = {
	"DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE", "DMA_NONE",
};

/* ---- streaming mappings ---- */

/*
 * The checkers' view follows the owner only when ASan or memcheck watches
 * (asked once per call: without them this is a flag and nothing else).
 */
static void give_device(struct kshim_dma_map *m, bool watched)
{
	m->device_owns = true;
	/* Host stack or static data: the checkers own its poisoning. */
	if (watched && m->cpu && m->page)
		arch_dma_give_device(&m->owned, m->cpu, m->size,
				     kshim_site_file(m->site),
				     kshim_site_line(m->site),
				     kshim_site_func(m->site));
}

static void give_cpu(struct kshim_dma_map *m)
{
	m->device_owns = false;
	if (m->owned.on)
		arch_dma_give_cpu(&m->owned);
}

static dma_addr_t map_page(struct device *dev, struct page *page,
			   size_t offset, size_t size,
			   enum dma_data_direction dir, unsigned long attrs,
			   const char *how, const struct kshim_site *site)
{
	struct kshim_dma_map *m;
	bool watched;

	check_direction(dir, site);
	if (warn_on_once_at(!dev->dma_mask, site, "dma_mask"))
		return DMA_MAPPING_ERROR;
	/* A buffer may start pages after @page: keep the offset in a page. */
	if (page) {
		page += offset >> PAGE_SHIFT;
		offset &= PAGE_SIZE - 1;
	}
	m = kshim_iotlb_map(dev, page, offset, size, dir, attrs, how, site);
	if (!m)
		return DMA_MAPPING_ERROR;
	if (m->bus + size - 1 > dma_get_mask(dev) ||
	    (dev->bus_dma_limit && m->bus + size - 1 > dev->bus_dma_limit)) {
		dma_addr_t bus = m->bus;

		kshim_iotlb_lock();
		kshim_iotlb_unmap(m, size, dir, attrs | DMA_ATTR_SKIP_CPU_SYNC);
		kshim_iotlb_unlock();
		if (first_time(site))
			warn_at(site, "%s %s: swiotlb addr %pad+%zu overflow (mask %llx, bus limit %llx).\n",
				kshim_dma_drv_name(dev), dev_name(dev), &bus,
				size, (unsigned long long)*dev->dma_mask,
				(unsigned long long)dev->bus_dma_limit);
		return DMA_MAPPING_ERROR;
	}
	watched = arch_dma_owner_watched();
	if (watched)
		snprintf(m->owned.desc, sizeof(m->owned.desc),
			 "DMA buffer mapped %s for %s %s by %s at %s:%d (%s), owned by the device (%zu bytes at %p)",
			 dir_names[dir], kshim_dma_drv_name(dev),
			 dev_name(dev), how, kshim_site_file(site),
			 kshim_site_line(site), kshim_site_func(site), size,
			 m->cpu);
	give_device(m, watched);
	return m->bus;
}

dma_addr_t __kshim_dma_map_page(struct device *dev, struct page *page,
				size_t offset, size_t size,
				enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site)
{
	dma_addr_t addr = map_page(dev, page, offset, size, dir, attrs,
				   "dma_map_page()", site);

	debug_dma_map_page(dev, page, offset, size, dir, addr, attrs, site);
	return addr;
}

dma_addr_t __kshim_dma_map_single(struct device *dev, void *ptr, size_t size,
				  enum dma_data_direction dir,
				  unsigned long attrs,
				  const struct kshim_site *site)
{
	dma_addr_t addr;

	/* Memory that may be remapped under the device is refused. */
	if (is_vmalloc_addr(ptr)) {
		if (first_time(site))
			warn_at(site, "%s %s: rejecting DMA map of vmalloc memory\n",
				kshim_dma_drv_name(dev), dev_name(dev));
		return DMA_MAPPING_ERROR;
	}
	debug_dma_map_single(dev, ptr, size, site);
	/*
	 * Outside simulated RAM (the host's stack, static data: the direct
	 * map of a real kernel) the slots copy from the address itself.
	 */
	if (!virt_addr_valid(ptr))
		addr = map_page(dev, NULL, (unsigned long)ptr, size, dir, attrs,
				"dma_map_single()", site);
	else
		addr = map_page(dev, virt_to_page(ptr), offset_in_page(ptr),
				size, dir, attrs, "dma_map_single()", site);
	debug_dma_map_page(dev, virt_to_page(ptr), offset_in_page(ptr), size,
			   dir, addr, attrs, site);
	return addr;
}

static void unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		       enum dma_data_direction dir, unsigned long attrs)
{
	struct kshim_dma_map *m;

	/* One critical section: found, handed back, copied, freed. */
	kshim_iotlb_lock();
	m = kshim_iotlb_find_start(addr);
	/* Not a mapping's start: DMA-API debug reports it; copy nothing. */
	if (m && m->dev == dev) {
		give_cpu(m);
		kshim_iotlb_unmap(m, size, dir, attrs);
	}
	kshim_iotlb_unlock();
}

void __kshim_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs,
			    const struct kshim_site *site)
{
	check_direction(dir, site);
	debug_dma_unmap_page(dev, addr, size, dir, site);
	unmap_page(dev, addr, size, dir, attrs);
}

/* ---- syncs ---- */

static void sync_single(struct device *dev, dma_addr_t addr, size_t size,
			enum dma_data_direction dir, bool for_cpu)
{
	struct kshim_dma_map *m;

	kshim_iotlb_lock();
	m = kshim_iotlb_find(addr, 0);
	kshim_iotlb_unlock();
	if (!m || m->dev != dev)
		return;
	if (for_cpu) {
		kshim_iotlb_sync(m, addr, size, dir, true);
		give_cpu(m);
	} else {
		kshim_iotlb_sync(m, addr, size, dir, false);
		give_device(m, arch_dma_owner_watched());
	}
}

void __kshim_dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr,
				     size_t size,
				     enum dma_data_direction dir,
				     const struct kshim_site *site)
{
	check_direction(dir, site);
	sync_single(dev, addr, size, dir, true);
	debug_dma_sync_single_for_cpu(dev, addr, size, dir, site);
}

void __kshim_dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
					size_t size,
					enum dma_data_direction dir,
					const struct kshim_site *site)
{
	check_direction(dir, site);
	sync_single(dev, addr, size, dir, false);
	debug_dma_sync_single_for_device(dev, addr, size, dir, site);
}

/* ---- scatterlists ---- */

static void unmap_sg_entries(struct device *dev, struct scatterlist *sgl,
			     int n, enum dma_data_direction dir,
			     unsigned long attrs)
{
	struct scatterlist *sg = sgl;
	int i;

	for (i = 0; i < n && sg; i++, sg = sg_next(sg))
		unmap_page(dev, sg_dma_address(sg), sg_dma_len(sg), dir,
			   attrs);
}

/* Entries mapped, or -EIO (none left mapped). */
static int map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		  enum dma_data_direction dir, unsigned long attrs,
		  const char *how, const struct kshim_site *site)
{
	struct scatterlist *sg = sgl;
	int i;

	check_direction(dir, site);
	if (warn_on_once_at(!dev->dma_mask, site, "dma_mask"))
		return -EIO;
	for (i = 0; i < nents && sg; i++, sg = sg_next(sg)) {
		sg_dma_address(sg) = map_page(dev, sg_page(sg), sg->offset,
					      sg->length, dir, attrs, how,
					      site);
		if (sg_dma_address(sg) == DMA_MAPPING_ERROR) {
			unmap_sg_entries(dev, sgl, i, dir,
					 attrs | DMA_ATTR_SKIP_CPU_SYNC);
			return -EIO;
		}
		sg_dma_len(sg) = sg->length;
	}
	return i;
}

unsigned int __kshim_dma_map_sg(struct device *dev, struct scatterlist *sg,
				int nents, enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site)
{
	int ents = map_sg(dev, sg, nents, dir, attrs, "dma_map_sg()", site);

	if (ents <= 0)
		return 0;
	debug_dma_map_sg(dev, sg, nents, ents, dir, attrs, site);
	return ents;
}

int __kshim_dma_map_sgtable(struct device *dev, struct sg_table *sgt,
			    enum dma_data_direction dir, unsigned long attrs,
			    const struct kshim_site *site)
{
	int ents = map_sg(dev, sgt->sgl, sgt->orig_nents, dir, attrs,
			  "dma_map_sgtable()", site);

	if (ents < 0)
		return ents;
	debug_dma_map_sg(dev, sgt->sgl, sgt->orig_nents, 1, dir, attrs, site);
	sgt->nents = ents;
	return 0;
}

void __kshim_dma_unmap_sg(struct device *dev, struct scatterlist *sg,
			  int nents, enum dma_data_direction dir,
			  unsigned long attrs, const struct kshim_site *site)
{
	check_direction(dir, site);
	debug_dma_unmap_sg(dev, sg, nents, dir, site);
	unmap_sg_entries(dev, sg, nents, dir, attrs);
}

static void sync_sg(struct device *dev, struct scatterlist *sgl, int nelems,
		    enum dma_data_direction dir, bool for_cpu)
{
	struct scatterlist *sg = sgl;
	int i;

	for (i = 0; i < nelems && sg; i++, sg = sg_next(sg))
		sync_single(dev, sg_dma_address(sg), sg->length, dir, for_cpu);
}

void __kshim_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
				 int nelems, enum dma_data_direction dir,
				 const struct kshim_site *site)
{
	check_direction(dir, site);
	sync_sg(dev, sg, nelems, dir, true);
	debug_dma_sync_sg_for_cpu(dev, sg, nelems, dir, site);
}

void __kshim_dma_sync_sg_for_device(struct device *dev,
				    struct scatterlist *sg, int nelems,
				    enum dma_data_direction dir,
				    const struct kshim_site *site)
{
	check_direction(dir, site);
	sync_sg(dev, sg, nelems, dir, false);
	debug_dma_sync_sg_for_device(dev, sg, nelems, dir, site);
}

/* ---- MMIO of another device: the bus address is the physical one ---- */

dma_addr_t __kshim_dma_map_resource(struct device *dev, phys_addr_t phys,
				    size_t size, enum dma_data_direction dir,
				    unsigned long attrs,
				    const struct kshim_site *site)
{
	dma_addr_t addr = phys;

	check_direction(dir, site);
	if (warn_on_once_at(!dev->dma_mask, site, "dma_mask"))
		return DMA_MAPPING_ERROR;
	/* No struct page may stand behind it (dma-direct's own check). */
	if (WARN_ON_ONCE(pfn_valid(PHYS_PFN(phys))))
		return DMA_MAPPING_ERROR;
	debug_dma_map_resource(dev, phys, size, dir, addr, attrs, site);
	return addr;
}

void __kshim_dma_unmap_resource(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir,
				unsigned long attrs,
				const struct kshim_site *site)
{
	check_direction(dir, site);
	debug_dma_unmap_resource(dev, addr, size, dir, site);
}

int __kshim_dma_mapping_error(struct device *dev, dma_addr_t dma_addr,
			      const struct kshim_site *site)
{
	debug_dma_mapping_error(dev, dma_addr, site);
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

/* ---- coherent memory ---- */

void *__kshim_dma_alloc_attrs(struct device *dev, size_t size,
			      dma_addr_t *dma_handle, gfp_t flag,
			      unsigned long attrs,
			      const struct kshim_site *site)
{
	void *cpu = NULL;

	warn_on_once_at(!dev->coherent_dma_mask, site, "coherent_dma_mask");
	/* The zone follows the coherent mask, not the caller's flags. */
	flag &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM);
	if (dev->coherent_dma_mask)
		cpu = kshim_dma_direct_alloc(dev, size, dma_handle, flag,
					     attrs, site);
	debug_dma_alloc_coherent(dev, size, cpu ? *dma_handle : 0, cpu, attrs,
				 site);
	return cpu;
}

void __kshim_dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
			    dma_addr_t dma_handle, unsigned long attrs,
			    const struct kshim_site *site)
{
	/* Freeing may need to sleep on other machines: not with IRQs off. */
	if (irqs_disabled())
		warn_at(site, NULL);
	if (!cpu_addr)
		return;
	debug_dma_free_coherent(dev, size, cpu_addr, dma_handle, site);
	kshim_dma_direct_free(dev, size, cpu_addr, dma_handle);
}

/* dmam_*: a devres entry frees the memory when the driver goes. */
struct dmam_res {
	void *vaddr;
	dma_addr_t handle;
	size_t size;
	unsigned long attrs;
	const struct kshim_site *site;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dmam_res *r = res;

	__kshim_dma_free_attrs(dev, r->size, r->vaddr, r->handle, r->attrs,
			       r->site);
}

static int dmam_match(struct device *dev, void *res, void *data)
{
	struct dmam_res *r = res, *want = data;

	if (r->vaddr != want->vaddr)
		return 0;
	WARN_ON(r->size != want->size || r->handle != want->handle);
	return 1;
}

void *__kshim_dmam_alloc_attrs(struct device *dev, size_t size,
			       dma_addr_t *dma_handle, gfp_t gfp,
			       unsigned long attrs,
			       const struct kshim_site *site)
{
	struct dmam_res *r;
	void *vaddr;

	r = __kshim_devres_alloc_node(dmam_release, sizeof(*r), gfp,
				      NUMA_NO_NODE, "dmam_release", site);
	if (!r)
		return NULL;
	vaddr = __kshim_dma_alloc_attrs(dev, size, dma_handle, gfp, attrs,
					site);
	if (!vaddr) {
		__kshim_devres_free(r, site);
		return NULL;
	}
	r->vaddr = vaddr;
	r->handle = *dma_handle;
	r->size = size;
	r->attrs = attrs;
	r->site = site;
	__kshim_devres_add(dev, r, site);
	return vaddr;
}

void __kshim_dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
				dma_addr_t dma_handle,
				const struct kshim_site *site)
{
	struct dmam_res want = { vaddr, dma_handle, size, 0, site };

	/* The managed entry must exist (the kernel's WARN_ON). */
	if (devres_destroy(dev, dmam_release, dmam_match, &want))
		warn_at(site, NULL);
	__kshim_dma_free_attrs(dev, size, vaddr, dma_handle, 0, site);
}

/* ---- what the machine can do ---- */

bool dma_can_mmap(struct device *dev)
{
	return false;
}

bool dma_pci_p2pdma_supported(struct device *dev)
{
	return false;
}

size_t dma_max_mapping_size(struct device *dev)
{
	return kshim_iotlb_max_mapping();
}

size_t dma_opt_mapping_size(struct device *dev)
{
	return kshim_iotlb_max_mapping();
}

/* Every streaming mapping bounces: syncs always matter. */
bool dma_need_sync(struct device *dev, dma_addr_t dma_addr)
{
	return true;
}

unsigned long dma_get_merge_boundary(struct device *dev)
{
	return 0;
}

/* ---- the kernel's names as real functions (their addresses) ---- */

#undef dma_map_page_attrs
#undef dma_unmap_page_attrs
#undef dma_map_sg_attrs
#undef dma_unmap_sg_attrs
#undef dma_map_sgtable
#undef dma_map_resource
#undef dma_unmap_resource
#undef dma_sync_single_for_cpu
#undef dma_sync_single_for_device
#undef dma_sync_sg_for_cpu
#undef dma_sync_sg_for_device
#undef dma_alloc_attrs
#undef dma_free_attrs
#undef dmam_alloc_attrs
#undef dmam_free_coherent

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
		size_t offset, size_t size, enum dma_data_direction dir,
		unsigned long attrs)
{
	return __kshim_dma_map_page(dev, page, offset, size, dir, attrs,
				    NULL);
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir, unsigned long attrs)
{
	__kshim_dma_unmap_page(dev, addr, size, dir, attrs, NULL);
}

unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg,
		int nents, enum dma_data_direction dir, unsigned long attrs)
{
	return __kshim_dma_map_sg(dev, sg, nents, dir, attrs, NULL);
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg,
				      int nents, enum dma_data_direction dir,
				      unsigned long attrs)
{
	__kshim_dma_unmap_sg(dev, sg, nents, dir, attrs, NULL);
}

int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
		enum dma_data_direction dir, unsigned long attrs)
{
	return __kshim_dma_map_sgtable(dev, sgt, dir, attrs, NULL);
}

dma_addr_t dma_map_resource(struct device *dev, phys_addr_t phys_addr,
		size_t size, enum dma_data_direction dir, unsigned long attrs)
{
	return __kshim_dma_map_resource(dev, phys_addr, size, dir, attrs,
					NULL);
}

void dma_unmap_resource(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir, unsigned long attrs)
{
	__kshim_dma_unmap_resource(dev, addr, size, dir, attrs, NULL);
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
		enum dma_data_direction dir)
{
	__kshim_dma_sync_single_for_cpu(dev, addr, size, dir, NULL);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
		size_t size, enum dma_data_direction dir)
{
	__kshim_dma_sync_single_for_device(dev, addr, size, dir, NULL);
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
		    int nelems, enum dma_data_direction dir)
{
	__kshim_dma_sync_sg_for_cpu(dev, sg, nelems, dir, NULL);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
		       int nelems, enum dma_data_direction dir)
{
	__kshim_dma_sync_sg_for_device(dev, sg, nelems, dir, NULL);
}

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		gfp_t flag, unsigned long attrs)
{
	return __kshim_dma_alloc_attrs(dev, size, dma_handle, flag, attrs,
				       NULL);
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		dma_addr_t dma_handle, unsigned long attrs)
{
	__kshim_dma_free_attrs(dev, size, cpu_addr, dma_handle, attrs, NULL);
}

void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		gfp_t gfp, unsigned long attrs)
{
	return __kshim_dmam_alloc_attrs(dev, size, dma_handle, gfp, attrs,
					NULL);
}

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
		dma_addr_t dma_handle)
{
	__kshim_dmam_free_coherent(dev, size, vaddr, dma_handle, NULL);
}
