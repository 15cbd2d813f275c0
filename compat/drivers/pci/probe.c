// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/probe.c - plugging simulated functions into bus
 * 0000:00 and taking them out: the test side (kshim/device.h, section
 * "PCI devices") of what drivers/pci/probe.c, remove.c and search.c do
 * in 6.1 when firmware or a hotplug slot reports a device:
 *  - kshim_pci_device_add() builds the function's configuration space
 *    from the test's description, fills struct pci_dev from it as
 *    pci_setup_device() does (ids, class, revision, BAR resources, pin,
 *    capability offsets, 32-bit DMA masks, D0), claims the BARs in
 *    iomem_resource (a conflict is probe.c's "can't claim BAR" and
 *    -EBUSY) and registers the device, which binds a matching driver;
 *  - kshim_pci_device_remove()/_unplug() stop the device (the driver's
 *    remove() runs), take it off the bus, release its BARs and drop the
 *    reference; the pci_dev is freed with its last reference
 *    (pci_dev_get()/pci_dev_put()), its interrupt lines with it;
 *  - pci_get_device(), pci_get_domain_bus_and_slot().
 */
#include <errno.h>

#include <linux/pci.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <kshim/device.h>

#include "pci.h"
#include "kernel/irq/internals.h"

/* The one bus; its device list is under bus_lock. */
static struct pci_bus root_bus = {
	.devices = LIST_HEAD_INIT(root_bus.devices),
	.name = "PCI Bus 0000:00",
};
static pthread_mutex_t bus_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long used_slots;	/* bit n: slot n taken */

/* ---- building the configuration space ---- */

static void put_bytes(struct kshim_pci_function *fn, int where, int size,
		      u32 val, u32 wmask)
{
	int i;

	for (i = 0; i < size; i++) {
		fn->cfg[where + i] = val >> (8 * i);
		fn->wmask[where + i] = wmask >> (8 * i);
	}
}

/* One capability header at @at, chained to @next (0: last). */
static void put_cap(struct kshim_pci_function *fn, int at, u8 id, u8 next)
{
	put_bytes(fn, at + PCI_CAP_LIST_ID, 1, id, 0);
	put_bytes(fn, at + PCI_CAP_LIST_NEXT, 1, next, 0);
}

static int build_bars(struct kshim_pci_function *fn, struct pci_dev *dev,
		      const struct kshim_pci_config *cfg)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct kshim_mmio_region *r = cfg->bar[i].region;
		unsigned int flags = cfg->bar[i].flags;
		struct resource *res = &dev->resource[i];
		u64 phys, size;
		u32 low;

		if (!r)
			continue;
		phys = kshim_mmio_phys(r);
		size = kshim_mmio_size(r);
		if (size < 16 || (size & (size - 1)) || (phys & (size - 1))) {
			pr_err("kshim: PCI BAR %d: region [%#llx, %#llx) is not a naturally aligned power-of-two window of at least 16 bytes\n",
			       i, (unsigned long long)phys,
			       (unsigned long long)(phys + size));
			return -EINVAL;
		}
		if ((flags & KSHIM_PCI_BAR_64) &&
		    (i == PCI_STD_NUM_BARS - 1 || cfg->bar[i + 1].region)) {
			pr_err("kshim: PCI BAR %d: a 64-bit BAR needs BAR %d free\n",
			       i, i + 1);
			return -EINVAL;
		}
		if (!(flags & KSHIM_PCI_BAR_64) && (phys >> 32)) {
			pr_err("kshim: PCI BAR %d: region above 4 GiB in a 32-bit BAR\n",
			       i);
			return -EINVAL;
		}

		low = (u32)phys | PCI_BASE_ADDRESS_SPACE_MEMORY;
		res->flags = IORESOURCE_MEM | IORESOURCE_SIZEALIGN;
		if (flags & KSHIM_PCI_BAR_PREFETCH) {
			low |= PCI_BASE_ADDRESS_MEM_PREFETCH;
			res->flags |= IORESOURCE_PREFETCH;
		}
		if (flags & KSHIM_PCI_BAR_64) {
			low |= PCI_BASE_ADDRESS_MEM_TYPE_64;
			res->flags |= IORESOURCE_MEM_64;
		}
		/* The size bits read back as zero: that is BAR sizing. */
		put_bytes(fn, PCI_BASE_ADDRESS_0 + 4 * i, 4, low,
			  (u32)~(size - 1) & (u32)PCI_BASE_ADDRESS_MEM_MASK);
		if (flags & KSHIM_PCI_BAR_64)
			put_bytes(fn, PCI_BASE_ADDRESS_0 + 4 * (i + 1), 4,
				  phys >> 32, (u32)(~(size - 1) >> 32));
		res->start = phys;
		res->end = phys + size - 1;
		res->name = pci_name(dev);
		fn->region[i] = r;
		if (flags & KSHIM_PCI_BAR_64)
			i++;
	}
	return 0;
}

static int build_config(struct kshim_pci_function *fn, struct pci_dev *dev,
			const struct kshim_pci_config *cfg)
{
	u8 *next_ptr;
	int err;

	put_bytes(fn, PCI_VENDOR_ID, 2, cfg->vendor, 0);
	put_bytes(fn, PCI_DEVICE_ID, 2, cfg->device, 0);
	put_bytes(fn, PCI_COMMAND, 2, 0,
		  PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
		  PCI_COMMAND_INVALIDATE | PCI_COMMAND_PARITY |
		  PCI_COMMAND_SERR | PCI_COMMAND_INTX_DISABLE);
	put_bytes(fn, PCI_STATUS, 2, PCI_STATUS_CAP_LIST, 0);
	put_bytes(fn, PCI_CLASS_REVISION, 4,
		  (cfg->class & 0xffffff) << 8 | cfg->revision, 0);
	put_bytes(fn, PCI_CACHE_LINE_SIZE, 1, 0, 0xff);
	put_bytes(fn, PCI_LATENCY_TIMER, 1, 0, 0xff);
	put_bytes(fn, PCI_HEADER_TYPE, 1, PCI_HEADER_TYPE_NORMAL, 0);
	put_bytes(fn, PCI_SUBSYSTEM_VENDOR_ID, 2, cfg->subsystem_vendor, 0);
	put_bytes(fn, PCI_SUBSYSTEM_ID, 2, cfg->subsystem_device, 0);
	put_bytes(fn, PCI_INTERRUPT_LINE, 1, fn->intx_irq, 0xff);
	put_bytes(fn, PCI_INTERRUPT_PIN, 1, cfg->intx ? 1 : 0, 0);

	err = build_bars(fn, dev, cfg);
	if (err)
		return err;

	/* The capability list: each entry's next is patched as we go. */
	put_bytes(fn, PCI_CAPABILITY_LIST, 1, KSHIM_PCI_CAP_PM, 0);
	put_cap(fn, KSHIM_PCI_CAP_PM, PCI_CAP_ID_PM, 0);
	put_bytes(fn, KSHIM_PCI_CAP_PM + PCI_PM_PMC, 2, 0x0003, 0);
	put_bytes(fn, KSHIM_PCI_CAP_PM + PCI_PM_CTRL, 2,
		  PCI_PM_CTRL_NO_SOFT_RESET, PCI_PM_CTRL_STATE_MASK);
	next_ptr = &fn->cfg[KSHIM_PCI_CAP_PM + PCI_CAP_LIST_NEXT];

	if (cfg->msi_vectors) {
		unsigned int n = cfg->msi_vectors, log2 = 0;
		int at = KSHIM_PCI_CAP_MSI;

		if (n > 32 || (n & (n - 1))) {
			pr_err("kshim: PCI MSI: %u vectors (a power of two up to 32)\n",
			       n);
			return -EINVAL;
		}
		while ((1u << log2) < n)
			log2++;
		*next_ptr = at;
		put_cap(fn, at, PCI_CAP_ID_MSI, 0);
		put_bytes(fn, at + PCI_MSI_FLAGS, 2,
			  PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT | log2 << 1,
			  PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE);
		put_bytes(fn, at + PCI_MSI_ADDRESS_LO, 4, 0, 0xfffffffc);
		put_bytes(fn, at + PCI_MSI_ADDRESS_HI, 4, 0, 0xffffffff);
		put_bytes(fn, at + PCI_MSI_DATA_64, 2, 0, 0xffff);
		put_bytes(fn, at + PCI_MSI_MASK_64, 4, 0,
			  n == 32 ? 0xffffffff : (1u << n) - 1);
		fn->msi_max = n;
		next_ptr = &fn->cfg[at + PCI_CAP_LIST_NEXT];
	}
	if (cfg->msix_vectors) {
		unsigned int n = cfg->msix_vectors;
		int at = KSHIM_PCI_CAP_MSIX;

		if (n > 2048 || cfg->msix_bar >= PCI_STD_NUM_BARS ||
		    !cfg->bar[cfg->msix_bar].region) {
			pr_err("kshim: PCI MSI-X: %u entries in BAR %u (up to 2048, in a BAR that exists)\n",
			       n, cfg->msix_bar);
			return -EINVAL;
		}
		*next_ptr = at;
		put_cap(fn, at, PCI_CAP_ID_MSIX, 0);
		put_bytes(fn, at + PCI_MSIX_FLAGS, 2, n - 1,
			  PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
		put_bytes(fn, at + PCI_MSIX_TABLE, 4,
			  (cfg->msix_table_offset & PCI_MSIX_TABLE_OFFSET) |
			  cfg->msix_bar, 0);
		put_bytes(fn, at + PCI_MSIX_PBA, 4,
			  (cfg->msix_pba_offset & PCI_MSIX_PBA_OFFSET) |
			  cfg->msix_bar, 0);
		fn->msix_size = n;
		next_ptr = &fn->cfg[at + PCI_CAP_LIST_NEXT];
	}
	*next_ptr = KSHIM_PCI_CAP_EXP;
	put_cap(fn, KSHIM_PCI_CAP_EXP, PCI_CAP_ID_EXP, 0);
	put_bytes(fn, KSHIM_PCI_CAP_EXP + PCI_EXP_FLAGS, 2,
		  2 | PCI_EXP_TYPE_ENDPOINT << 4, 0);
	put_bytes(fn, KSHIM_PCI_CAP_EXP + PCI_EXP_DEVCTL, 2, 0, 0xffff);
	put_bytes(fn, KSHIM_PCI_CAP_EXP + PCI_EXP_LNKCTL, 2, 0, 0x0fff);
	/* 0x100: an empty extended capability header (none). */
	return 0;
}

/* ---- struct pci_dev ---- */

static void release_function(struct pci_dev *dev)
{
	struct kshim_pci_function *fn = dev->kshim_fn;

	kshim_pci_msi_teardown(dev);
	if (fn->intx_irq)
		kshim_irq_free_lines(fn->intx_irq, 1);
	pthread_mutex_lock(&bus_lock);
	used_slots &= ~(1ul << fn->slot);
	pthread_mutex_unlock(&bus_lock);
	kfree(fn);
	dev->kshim_fn = NULL;
}

/* dev->release: the last reference is gone (pci_release_dev()). */
static void pci_dev_release(struct device *d)
{
	struct pci_dev *dev = to_pci_dev(d);

	release_function(dev);
	kfree(dev->driver_override);
	kfree(dev);
}

struct pci_dev *pci_dev_get(struct pci_dev *dev)
{
	if (dev)
		get_device(&dev->dev);
	return dev;
}
EXPORT_SYMBOL(pci_dev_get);

void pci_dev_put(struct pci_dev *dev)
{
	if (dev)
		put_device(&dev->dev);
}
EXPORT_SYMBOL(pci_dev_put);

static u8 walk_caps(struct kshim_pci_function *fn, u8 id)
{
	u8 at = fn->cfg[PCI_CAPABILITY_LIST];

	while (at) {
		if (fn->cfg[at + PCI_CAP_LIST_ID] == id)
			return at;
		at = fn->cfg[at + PCI_CAP_LIST_NEXT];
	}
	return 0;
}

static int claim_bars(struct pci_dev *dev)
{
	char a[64], b[64];
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct resource *res = &dev->resource[i], *other;

		if (!res->flags)
			continue;
		other = request_resource_conflict(&iomem_resource, res);
		if (!other)
			continue;
		pci_info(dev, "can't claim BAR %d %s: address conflict with %s %s\n",
			 i, kshim_pci_res_str(res, a, sizeof(a)),
			 other->name ?: "", kshim_pci_res_str(other, b, sizeof(b)));
		while (--i >= 0)
			if (dev->resource[i].parent)
				release_resource(&dev->resource[i]);
		return -EBUSY;
	}
	return 0;
}

static void unclaim_bars(struct pci_dev *dev)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (dev->resource[i].parent)
			release_resource(&dev->resource[i]);
}

struct pci_dev *__kshim_pci_device_add(const struct kshim_pci_config *cfg,
				       const struct kshim_site *site)
{
	struct kshim_pci_function *fn;
	struct pci_dev *dev;
	unsigned int slot;
	int err, irq;

	pthread_mutex_lock(&bus_lock);
	for (slot = 1; slot < 32 && (used_slots & (1ul << slot)); slot++)
		;
	if (slot < 32)
		used_slots |= 1ul << slot;
	pthread_mutex_unlock(&bus_lock);
	if (slot == 32)
		return ERR_PTR(-ENOSPC);

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	fn = kzalloc(sizeof(*fn), GFP_KERNEL);
	if (!dev || !fn) {
		kfree(dev);
		kfree(fn);
		err = -ENOMEM;
		goto free_slot;
	}
	fn->slot = slot;
	fn->add_site = site;
	dev->kshim_fn = fn;

	device_initialize(&dev->dev);
	dev->dev.release = pci_dev_release;
	err = dev_set_name(&dev->dev, "0000:00:%02x.0", slot);
	if (err)
		goto put;
	/* From here the release frees the function too. */

	if (cfg->intx) {
		irq = kshim_irq_alloc_lines(KSHIM_PCI_INTX_BASE, 1);
		if (irq < 0) {
			err = irq;
			goto put;
		}
		fn->intx_irq = irq;
	}
	err = build_config(fn, dev, cfg);
	if (err)
		goto put;

	dev->bus = &root_bus;
	dev->devfn = PCI_DEVFN(slot, 0);
	dev->vendor = cfg->vendor;
	dev->device = cfg->device;
	dev->subsystem_vendor = cfg->subsystem_vendor;
	dev->subsystem_device = cfg->subsystem_device;
	dev->class = cfg->class & 0xffffff;
	dev->revision = cfg->revision;
	dev->hdr_type = PCI_HEADER_TYPE_NORMAL;
	dev->cfg_size = PCI_CFG_SPACE_EXP_SIZE;
	dev->pin = fn->cfg[PCI_INTERRUPT_PIN];
	dev->irq = fn->intx_irq;
	dev->msi_cap = walk_caps(fn, PCI_CAP_ID_MSI);
	dev->msix_cap = walk_caps(fn, PCI_CAP_ID_MSIX);
	dev->current_state = PCI_D0;
	dev->error_state = pci_channel_io_normal;
	dev->dma_mask = 0xffffffffull;
	atomic_set(&dev->enable_cnt, 0);

	dev->dev.bus = &pci_bus_type;
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = 0xffffffffull;

	err = claim_bars(dev);
	if (err)
		goto put;

	pthread_mutex_lock(&bus_lock);
	list_add_tail(&dev->bus_list, &root_bus.devices);
	pthread_mutex_unlock(&bus_lock);
	dev->match_driver = true;
	dev->is_added = 1;
	err = __kshim_device_add(&dev->dev, site);
	if (err) {
		pthread_mutex_lock(&bus_lock);
		list_del(&dev->bus_list);
		pthread_mutex_unlock(&bus_lock);
		unclaim_bars(dev);
		goto put;
	}
	return dev;

put:
	/* The release gives the slot and the lines back. */
	put_device(&dev->dev);
	return ERR_PTR(err);
free_slot:
	pthread_mutex_lock(&bus_lock);
	used_slots &= ~(1ul << slot);
	pthread_mutex_unlock(&bus_lock);
	return ERR_PTR(err);
}

/* pci_stop_and_remove_bus_device(): unbind, delete, unclaim, put. */
static void take_out(struct pci_dev *dev, bool surprise)
{
	if (surprise) {
		dev->error_state = pci_channel_io_perm_failure;
		dev->kshim_fn->gone = true;
	}
	device_del(&dev->dev);
	dev->is_added = 0;
	pthread_mutex_lock(&bus_lock);
	list_del(&dev->bus_list);
	pthread_mutex_unlock(&bus_lock);
	unclaim_bars(dev);
	put_device(&dev->dev);
}

void kshim_pci_device_remove(struct pci_dev *pdev)
{
	take_out(pdev, false);
}

void kshim_pci_device_unplug(struct pci_dev *pdev)
{
	take_out(pdev, true);
}

uint32_t kshim_pci_config_peek(struct pci_dev *pdev, unsigned int where,
			       unsigned int size)
{
	u32 v;

	if (where + size > PCI_CFG_SPACE_EXP_SIZE || !size || size > 4)
		return ~0u;
	pthread_mutex_lock(&kshim_pci_cfg_lock);
	v = kshim_pci_cfg_get(pdev->kshim_fn, where, size);
	pthread_mutex_unlock(&kshim_pci_cfg_lock);
	return v;
}

/* ---- lookup (drivers/pci/search.c) ---- */

/* The next device after @from matching the ids, with a reference; the
 * reference to @from is dropped. */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct pci_dev *dev, *found = NULL;
	bool past = !from;

	pthread_mutex_lock(&bus_lock);
	list_for_each_entry(dev, &root_bus.devices, bus_list) {
		if (!past) {
			past = dev == from;
			continue;
		}
		if ((vendor == PCI_ANY_ID || dev->vendor == vendor) &&
		    (device == PCI_ANY_ID || dev->device == device)) {
			found = pci_dev_get(dev);
			break;
		}
	}
	pthread_mutex_unlock(&bus_lock);
	pci_dev_put(from);
	return found;
}
EXPORT_SYMBOL(pci_get_device);

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	struct pci_dev *dev, *found = NULL;

	if (domain || bus)
		return NULL;
	pthread_mutex_lock(&bus_lock);
	list_for_each_entry(dev, &root_bus.devices, bus_list)
		if (dev->devfn == devfn) {
			found = pci_dev_get(dev);
			break;
		}
	pthread_mutex_unlock(&bus_lock);
	return found;
}
EXPORT_SYMBOL(pci_get_domain_bus_and_slot);
