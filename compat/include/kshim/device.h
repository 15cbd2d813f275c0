/*
 * kshim/device.h - simulated hardware behind a driver's devices.
 *
 * kshim-internal API (no kernel counterpart): what the test plays as the
 * hardware.  A simulated device has MMIO regions (a PCI BAR, a platform
 * memory resource) whose registers are a model the test writes (callbacks
 * for reads and writes at offsets, or plain memory), interrupt lines it
 * raises, and DMA it performs on bus addresses the driver handed it.  The
 * test creates platform or PCI devices, binds and unbinds drivers,
 * hot-unplugs devices, and reads the trace of the driver's register
 * accesses.  Drivers see only the kernel's API (linux/platform_device.h,
 * linux/pci.h, linux/io.h, linux/dma-mapping.h).
 *
 * Sections, each implemented by the file named in it.
 */
#ifndef _KSHIM_DEVICE_H
#define _KSHIM_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <kshim/site.h>

struct device;
struct kshim_sim_device;

/* ---- register models and MMIO regions (compat/mm/ioremap.c) ---- */

/*
 * A region is a device's register block at a physical address of the
 * MMIO window above simulated RAM (aligned to its size rounded up to a
 * power of two, as a PCI BAR is).  Its registers are plain memory
 * (kshim_mmio_mem(): the test reads what the driver wrote and sets what
 * it will read) or a model: read/write callbacks at byte offsets, called
 * for each access with its size (1, 2, 4 or 8) from the accessing thread;
 * a NULL callback leaves that direction to the plain memory.  The driver
 * reaches a region only through ioremap() of its physical range (or
 * devm_ioremap_resource(), pci_iomap() ... on top of it) and the
 * accessors of linux/io.h.
 */
struct kshim_regs_ops {
	uint64_t (*read)(void *priv, unsigned long off, unsigned int size);
	void (*write)(void *priv, unsigned long off, uint64_t val,
		      unsigned int size);
};

struct kshim_mmio_region;

/* @ops NULL: plain memory.  @ops is copied.  NULL when @size is 0. */
struct kshim_mmio_region *kshim_mmio_create(size_t size,
					    const struct kshim_regs_ops *ops,
					    void *priv);
/*
 * The device goes (hot-unplug): reads through mappings still live return
 * all ones and writes are dropped, as on a bus where nothing answers; the
 * region's memory lives until its last mapping is unmapped.
 */
void kshim_mmio_destroy(struct kshim_mmio_region *region);
uint64_t kshim_mmio_phys(const struct kshim_mmio_region *region);
size_t kshim_mmio_size(const struct kshim_mmio_region *region);
/* The plain memory behind the registers (also for a model's own use). */
void *kshim_mmio_mem(struct kshim_mmio_region *region);
/* The region whose range holds @phys, or NULL. */
struct kshim_mmio_region *kshim_mmio_region_at(uint64_t phys);

/*
 * The trace: every access of the driver to the region, in order (the last
 * KSHIM_MMIO_TRACE_MAX are kept).  kshim_mmio_trace() copies up to @max of
 * them, oldest first, and returns how many it copied;
 * kshim_mmio_trace_count() is how many were made since the last clear.
 */
#define KSHIM_MMIO_TRACE_MAX	4096
struct kshim_mmio_access {
	bool write;
	unsigned int size;		/* 1, 2, 4 or 8 */
	unsigned long off;		/* from the region's start */
	uint64_t val;			/* read or written */
	const struct kshim_site *site;	/* the driver's line */
};
size_t kshim_mmio_trace(const struct kshim_mmio_region *region,
			struct kshim_mmio_access *buf, size_t max);
unsigned long kshim_mmio_trace_count(const struct kshim_mmio_region *region);
void kshim_mmio_trace_clear(struct kshim_mmio_region *region);

/*
 * ioremap()s still live on @region (D1's unbind check), and on any part
 * of [@phys, @phys + @size): the count, with up to @max of their ioremap
 * sites stored in @sites (which may be NULL).
 */
unsigned int kshim_mmio_live_mappings(const struct kshim_mmio_region *region);
unsigned int kshim_mmio_live_mappings_in(uint64_t phys, uint64_t size,
					 const struct kshim_site **sites,
					 unsigned int max);

/* ---- devices, binding, unplug, interrupts (compat/drivers/base/) ---- */

/*
 * A device's interrupts, as its bus numbers them: a platform device's
 * n-th IRQ resource, a PCI function's vector n (pci_irq_vector()).
 * kshim_device_irq() is that line or a negative errno (-ENXIO: none);
 * kshim_device_raise_irq() raises it as kshim_raise_irq() (kshim/irq.h)
 * does, and returns its result.
 */
int kshim_device_irq(struct device *dev, unsigned int n);
int kshim_device_raise_irq(struct device *dev, unsigned int n);

/*
 * Binding from the test, as writing the driver's name to sysfs "bind"
 * and the device's to "unbind" does: kshim_device_bind() binds @dev to
 * its bus's driver called @driver (-ENODEV: no such driver, or it does
 * not match; -EBUSY: already bound; a probe error as a negative errno,
 * -EPROBE_DEFER as -EAGAIN); kshim_device_unbind() runs the driver's
 * remove() and releases the device's managed resources.
 * kshim_device_driver() is the name of the bound driver, or NULL.
 */
int kshim_device_bind(struct device *dev, const char *driver);
void kshim_device_unbind(struct device *dev);
const char *kshim_device_driver(struct device *dev);

/*
 * Hot-unplug: the device disappears as on a surprise removal.  Its
 * driver's remove() runs, the device is unregistered and the bus's
 * reference is dropped (a platform device: platform_device_unregister();
 * a bus with its own unplug, e.g. PCI, does it its way).  The driver
 * must not touch @dev after its remove() returned.
 */
void kshim_device_unplug(struct device *dev);

/* ---- platform devices (compat/drivers/base/platform.c) ---- */

/* ---- PCI devices (compat/drivers/pci/) ---- */

/*
 * A PCI Express endpoint function on bus 0000:00 (kshim has no bridges),
 * named "0000:00:<slot>.0" with the first free slot from 1.  Its
 * configuration space (4 KiB) holds the ids, the class, BARs decoding the
 * given MMIO regions, INTA# if @intx, and a capability list: power
 * management, MSI if @msi_vectors, MSI-X if @msix_vectors, PCI Express.
 * A region's size must be a power of two of at least 16 bytes (a BAR
 * decodes such a window); a 64-bit BAR takes the next slot too (leave
 * bar[n + 1] empty).  INTx gets an interrupt line from 16 up at add; MSI
 * and MSI-X vectors get lines from 32 up when the driver enables them
 * (never a line a test has requested).
 */
struct pci_dev;

#define KSHIM_PCI_BAR_64	0x1	/* 64-bit memory BAR */
#define KSHIM_PCI_BAR_PREFETCH	0x2	/* prefetchable */

struct kshim_pci_config {
	uint16_t vendor, device;
	uint16_t subsystem_vendor, subsystem_device;
	uint32_t class;			/* base class << 16 | sub << 8 | prog-if */
	uint8_t revision;
	struct {
		struct kshim_mmio_region *region;	/* NULL: no BAR */
		unsigned int flags;			/* KSHIM_PCI_BAR_* */
	} bar[6];
	bool intx;			/* has INTA# */
	unsigned int msi_vectors;	/* 0: no MSI; else 1, 2, 4 ... 32 */
	unsigned int msix_vectors;	/* 0: no MSI-X; else 1 .. 2048 */
	uint8_t msix_bar;		/* BAR of the MSI-X table and PBA */
	uint32_t msix_table_offset, msix_pba_offset;
};

/*
 * Plug a function in: registered on the PCI bus, so a registered driver
 * whose id table matches probes it before this returns.  The pci_dev, or
 * an ERR_PTR(): -EINVAL for a bad configuration, -EBUSY when a BAR's
 * range is claimed already, -ENOSPC when no slot or line is left.  The
 * ledger wants it removed by the end of the test (named at this line).
 */
struct pci_dev *__kshim_pci_device_add(const struct kshim_pci_config *cfg,
				       const struct kshim_site *site);
#define kshim_pci_device_add(cfg)					\
	__kshim_pci_device_add(cfg, __KSHIM_CALLSITE)
/*
 * Take it out: kshim_pci_device_remove() as "echo 1 > remove" (the
 * driver's remove() runs with the function still answering);
 * kshim_pci_device_unplug() as a surprise removal (pciehp with the card
 * gone): the function stops answering first (configuration reads return
 * all ones, pci_channel_offline()), then remove() runs.  Either drops
 * the reference kshim_pci_device_add() returned.
 */
void kshim_pci_device_remove(struct pci_dev *pdev);
void kshim_pci_device_unplug(struct pci_dev *pdev);

/*
 * The function signals interrupt @n as the hardware would: MSI-X entry
 * @n (enabled, not masked by the function mask), MSI vector @n (MSI
 * enabled and bus mastering on, an MSI being a memory write), or INTx
 * for @n == 0 (INTx not disabled in PCI_COMMAND).  0 when raised;
 * -EIO when the function cannot signal it in its current state (the
 * interrupt is lost, as on real hardware), -EINVAL for no such vector.
 */
int kshim_pci_raise_irq(struct pci_dev *pdev, unsigned int n);

/* The function's configuration space as the hardware holds it (size 1,
 * 2 or 4), without the driver-side accessors. */
uint32_t kshim_pci_config_peek(struct pci_dev *pdev, unsigned int where,
			       unsigned int size);


/* ---- device-side DMA (compat/kernel/dma/direct.c) ---- */

/*
 * The device reads (kshim_dma_read()) or writes (kshim_dma_write()) @len
 * bytes at bus address @dma_addr, as its DMA engine would: what the
 * driver handed it from dma_map_*() (the mapping's bounce slots: the
 * driver sees the data after its unmap or dma_sync_*_for_cpu()) or
 * dma_alloc_coherent() (memory both sides see at once).  The range must
 * lie inside one live mapping of @dev whose direction allows the access
 * (read: DMA_TO_DEVICE or DMA_BIDIRECTIONAL; write: DMA_FROM_DEVICE or
 * DMA_BIDIRECTIONAL; coherent: both), and a PCI device must have bus
 * mastering on (pci_set_master()).  Otherwise: an IOMMU-style fault
 * report, class "dma_fault" ("DMAR: [DMA Read NO_PASID] Request device
 * [<device>] fault addr 0x... [fault reason 0x06] PTE Read access is not
 * set" and kshim's explanation naming the map call), nothing is copied,
 * and the call returns -EFAULT; 0 on success.
 */
int __kshim_dma_read(struct device *dev, uint64_t dma_addr, void *buf,
		     size_t len, const struct kshim_site *site);
int __kshim_dma_write(struct device *dev, uint64_t dma_addr,
		      const void *buf, size_t len,
		      const struct kshim_site *site);
#define kshim_dma_read(dev, dma_addr, buf, len)				\
	__kshim_dma_read(dev, dma_addr, buf, len, __KSHIM_CALLSITE)
#define kshim_dma_write(dev, dma_addr, buf, len)			\
	__kshim_dma_write(dev, dma_addr, buf, len, __KSHIM_CALLSITE)

#endif /* _KSHIM_DEVICE_H */
