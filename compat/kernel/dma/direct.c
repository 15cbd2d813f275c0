// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/dma/direct.c - coherent memory, the DMA masks, and the
 * simulated device's side of DMA (kshim/device.h section 5).
 *
 * Coherent memory follows kernel/dma/direct.c of 6.1 on x86 (no IOMMU, DMA
 * coherent with the CPU): whole pages of lowmem, zeroed, the bus address
 * is the physical one; the zone is chosen by the device's coherent mask
 * (ZONE_DMA for masks of 24 bits or less) and an allocation that does not
 * fit the mask is retried in ZONE_DMA, else fails.  Masks follow
 * dma_direct_supported(): a mask of 32 bits or more always works, a
 * smaller one must reach the end of ZONE_DMA (or of RAM if that ends
 * first).
 *
 * The device's side: kshim_dma_read()/kshim_dma_write() move data between
 * the test (the simulated hardware) and bus addresses, as a device behind
 * an IOMMU would: only inside a live mapping of that device, in a
 * direction the mapping allows (a streaming mapping through its bounce
 * slots, a coherent allocation both ways), and for PCI only while bus
 * mastering is on.  Anything else is kshim's IOMMU-style fault report,
 * class "dma_fault", modelled on the Intel IOMMU's
 * "DMAR: [DMA Read NO_PASID] Request device [...] fault addr ..." (a
 * machine without an IOMMU would corrupt memory silently), and -EFAULT.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <kshim/device.h>

#include "kshim/internal.h"
#include "kshim/report.h"
#include "mm/internal.h"
#include "kernel/dma/internal.h"

/* ZONE_DMA's reach, the kernel's zone_dma_bits on x86. */
#define ZONE_DMA_BITS	24

/* One dma_alloc_coherent() allocation, for the device's side. */
struct coherent {
	struct coherent *next;
	struct device *dev;
	void *cpu;
	dma_addr_t bus;
	size_t size;
	unsigned int order;
	const struct kshim_site *site;
};

static pthread_mutex_t coherent_lock = PTHREAD_MUTEX_INITIALIZER;
static struct coherent *coherent_list;

const char *kshim_dma_drv_name(const struct device *dev)
{
	return dev ? dev_driver_string(dev) : "NULL";
}

/* ---- masks ---- */

bool kshim_dma_mask_ok(struct device *dev, u64 mask)
{
	u64 need;

	if (mask >= DMA_BIT_MASK(32))
		return true;
	/* The lowest memory a mask must reach: all of ZONE_DMA, or RAM. */
	need = min((u64)(max_pfn - 1) << PAGE_SHIFT,
		   (u64)DMA_BIT_MASK(ZONE_DMA_BITS));
	return mask >= need;
}

int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask || !kshim_dma_mask_ok(dev, mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!kshim_dma_mask_ok(dev, mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

/* Bits needed to reach all RAM. */
u64 dma_get_required_mask(struct device *dev)
{
	u64 top = ((u64)max_pfn << PAGE_SHIFT) - 1;
	unsigned int bits = fls64(top);

	return bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
}

/* ---- coherent memory ---- */

static bool fits_mask(dma_addr_t bus, size_t size, u64 mask)
{
	return bus + size - 1 <= mask;
}

void *kshim_dma_direct_alloc(struct device *dev, size_t size,
			     dma_addr_t *handle, gfp_t gfp,
			     unsigned long attrs,
			     const struct kshim_site *site)
{
	unsigned int order = get_order(size ? size : 1);
	u64 mask = dev->coherent_dma_mask;
	struct coherent *c;
	struct page *page;

	if (attrs & DMA_ATTR_NO_WARN)
		gfp |= __GFP_NOWARN;
	gfp |= __GFP_ZERO;
	if (mask && mask <= DMA_BIT_MASK(ZONE_DMA_BITS))
		gfp |= GFP_DMA;
	c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	page = __kshim_alloc_pages(gfp, order, NUMA_NO_NODE,
				   kshim_site_file(site), kshim_site_line(site),
				   kshim_site_func(site));
	if (page && mask && !fits_mask(page_to_phys(page), size, mask) &&
	    !(gfp & GFP_DMA)) {
		__kshim_free_pages(page, order, 0, kshim_site_file(site),
				   kshim_site_line(site),
				   kshim_site_func(site));
		page = __kshim_alloc_pages(gfp | GFP_DMA, order, NUMA_NO_NODE,
					   kshim_site_file(site),
					   kshim_site_line(site),
					   kshim_site_func(site));
	}
	if (page && mask && !fits_mask(page_to_phys(page), size, mask)) {
		__kshim_free_pages(page, order, 0, kshim_site_file(site),
				   kshim_site_line(site),
				   kshim_site_func(site));
		page = NULL;
	}
	if (!page) {
		free(c);
		return NULL;
	}
	__atomic_fetch_add(&kshim_dma_pages_held, 1L << order,
			   __ATOMIC_RELAXED);
	c->dev = dev;
	c->cpu = page_address(page);
	c->bus = page_to_phys(page);
	c->size = size;
	c->order = order;
	c->site = site;
	pthread_mutex_lock(&coherent_lock);
	c->next = coherent_list;
	coherent_list = c;
	pthread_mutex_unlock(&coherent_lock);
	*handle = c->bus;
	return c->cpu;
}

void kshim_dma_direct_free(struct device *dev, size_t size, void *cpu,
			   dma_addr_t handle)
{
	struct coherent **pp, *c = NULL;

	pthread_mutex_lock(&coherent_lock);
	for (pp = &coherent_list; *pp; pp = &(*pp)->next) {
		if ((*pp)->cpu == cpu) {
			c = *pp;
			*pp = c->next;
			break;
		}
	}
	pthread_mutex_unlock(&coherent_lock);
	/* Not ours: DMA-API debug has said so; nothing to free safely. */
	if (!c)
		return;
	__atomic_fetch_sub(&kshim_dma_pages_held, 1L << c->order,
			   __ATOMIC_RELAXED);
	__free_pages(virt_to_page(cpu), c->order);
	free(c);
}

/* ---- the device's side ---- */

static bool busmaster_off(struct device *dev)
{
	return dev_is_pci(dev) && !to_pci_dev(dev)->is_busmaster;
}

static const char *const dir_names[] = {
	"DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE", "DMA_NONE",
};

static const char *dir_name(enum dma_data_direction dir)
{
	return (unsigned int)dir < 4 ? dir_names[dir] : "invalid";
}

static void fault_report(struct device *dev, bool write, u64 addr,
			 size_t len, const char *why,
			 const struct kshim_site *map_site,
			 const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_DMA_FAULT, kshim_site_file(site),
			   kshim_site_line(site), kshim_site_func(site));
	if (why == NULL)
		why = "";
	printk(KERN_ERR "DMAR: [%s NO_PASID] Request device [%s] fault addr 0x%llx [fault reason 0x%02x] %s\n",
	       write ? "DMA Write" : "DMA Read", dev_name(dev),
	       (unsigned long long)addr, write ? 0x05 : 0x06,
	       write ? "PTE Write access is not set" :
		       "PTE Read access is not set");
	printk(KERN_ERR "kshim: %s %s: device %s of %zu bytes at bus address 0x%llx (test side: %s:%d): %s\n",
	       kshim_dma_drv_name(dev), dev_name(dev),
	       write ? "write" : "read", len, (unsigned long long)addr,
	       kshim_site_file(site), kshim_site_line(site), why);
	if (map_site)
		printk(KERN_ERR "kshim: the mapping there was made at %s:%d (%s)\n",
		       kshim_site_file(map_site), kshim_site_line(map_site),
		       kshim_site_func(map_site));
	printk(KERN_ERR "kshim: (an IOMMU-style fault of kshim's simulated machine; without an IOMMU the access would go to memory unchecked)\n");
	kshim_report_end();
}

/* A coherent allocation of @dev holding [addr, addr + len), or NULL. */
static struct coherent *find_coherent(dma_addr_t addr, size_t len,
				      struct coherent **near)
{
	struct coherent *c;

	*near = NULL;
	for (c = coherent_list; c; c = c->next) {
		if (addr < c->bus || addr - c->bus >= c->size)
			continue;
		*near = c;
		if (len <= c->size - (addr - c->bus))
			return c;
	}
	return NULL;
}

static int device_access(struct device *dev, u64 addr, void *buf,
			 size_t len, bool write,
			 const struct kshim_site *site)
{
	const struct kshim_site *map_site = NULL;
	struct kshim_dma_map *m, *near_map;
	struct coherent *c, *near_c;
	char why[256];
	void *at = NULL;

	if (busmaster_off(dev)) {
		fault_report(dev, write, addr, len,
			     "bus mastering is off (pci_set_master() not called, or pci_clear_master())",
			     NULL, site);
		return -EFAULT;
	}
	kshim_iotlb_lock();
	m = kshim_iotlb_find(addr, len);
	near_map = m ? m : kshim_iotlb_find(addr, 0);
	if (m && m->dev == dev) {
		bool ok = write ? m->dir != DMA_TO_DEVICE :
				  m->dir != DMA_FROM_DEVICE;

		if (ok) {
			at = (char *)m->bounce + (addr - m->bus);
		} else {
			snprintf(why, sizeof(why),
				 "mapped %s, the device may not %s it",
				 dir_name(m->dir), write ? "write" : "read");
			map_site = m->site;
		}
	} else if (near_map) {
		if (near_map->dev != dev)
			snprintf(why, sizeof(why),
				 "mapped for another device (%s %s)",
				 kshim_dma_drv_name(near_map->dev),
				 dev_name(near_map->dev));
		else
			snprintf(why, sizeof(why),
				 "beyond the mapping of %zu bytes at 0x%llx",
				 near_map->size,
				 (unsigned long long)near_map->bus);
		map_site = near_map->site;
	}
	kshim_iotlb_unlock();
	if (!at && !map_site) {
		pthread_mutex_lock(&coherent_lock);
		c = find_coherent(addr, len, &near_c);
		if (c && c->dev == dev) {
			at = (char *)c->cpu + (addr - c->bus);
		} else if (near_c) {
			if (near_c->dev != dev)
				snprintf(why, sizeof(why),
					 "coherent memory of another device (%s %s)",
					 kshim_dma_drv_name(near_c->dev),
					 dev_name(near_c->dev));
			else
				snprintf(why, sizeof(why),
					 "beyond the coherent allocation of %zu bytes at 0x%llx",
					 near_c->size,
					 (unsigned long long)near_c->bus);
			map_site = near_c->site;
		} else {
			snprintf(why, sizeof(why),
				 "no DMA mapping or coherent allocation there");
		}
		pthread_mutex_unlock(&coherent_lock);
	}
	if (!at) {
		fault_report(dev, write, addr, len, why, map_site, site);
		return -EFAULT;
	}
	/* Bounce slots and coherent pages are never poisoned: plain copy. */
	if (write)
		memcpy(at, buf, len);
	else
		memcpy(buf, at, len);
	return 0;
}

int __kshim_dma_read(struct device *dev, uint64_t dma_addr, void *buf,
		     size_t len, const struct kshim_site *site)
{
	return device_access(dev, dma_addr, buf, len, false, site);
}

int __kshim_dma_write(struct device *dev, uint64_t dma_addr, const void *buf,
		      size_t len, const struct kshim_site *site)
{
	return device_access(dev, dma_addr, (void *)buf, len, true, site);
}
