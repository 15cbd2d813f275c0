/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/pci.h - PCI devices and drivers, as include/linux/pci.h of 6.1 for
 * the subset drivers of endpoint functions use (compat/drivers/pci/
 * implements it; the functions are simulated by the test through
 * kshim/device.h, section "PCI devices"):
 *  - struct pci_dev (ids, class, revision, devfn, resources, irq, the
 *    enable count, is_busmaster, msi/msix_enabled, the capability
 *    offsets), struct pci_driver, pci_bus_type on the driver core;
 *    pci_register_driver()/module_pci_driver()/pci_unregister_driver(),
 *    matching by pci_device_id (PCI_DEVICE(), PCI_DEVICE_SUB(),
 *    PCI_DEVICE_CLASS(), PCI_VDEVICE(), PCI_DEVICE_DATA()), pci_match_id();
 *  - configuration space (4 KiB per function): pci_read/write_config_
 *    byte/word/dword with the kernel's return codes (PCIBIOS_*), all-ones
 *    and PCIBIOS_DEVICE_NOT_FOUND once the function is gone;
 *    pci_find_capability()/pci_find_next_capability();
 *  - pci_enable_device(_mem/_io)/pci_disable_device() with the enable
 *    count and the command register, pci_set_master()/pci_clear_master(),
 *    pci_intx(), pci_request_region(s)/pci_release_region(s) (-EBUSY and
 *    "BAR %d: can't reserve %pR" on a conflict), pci_resource_start/len/
 *    flags, pci_iomap()/pci_iomap_range()/pci_iomap_wc()/pci_iounmap();
 *  - interrupt vectors: pci_alloc_irq_vectors(_affinity)() (MSI-X, MSI,
 *    INTx in that order as @flags allow), pci_irq_vector(),
 *    pci_free_irq_vectors(), pci_enable_msi()/pci_disable_msi(),
 *    pci_enable_msix_range()/_exact()/pci_disable_msix(),
 *    pci_msi_vec_count()/pci_msix_vec_count(); the vectors are kshim IRQ
 *    lines (request_irq() them as usual);
 *  - managed: pcim_enable_device(), pcim_pin_device(), pcim_iomap(),
 *    pcim_iounmap(), pcim_iomap_table(), pcim_iomap_regions(),
 *    pcim_iomap_regions_request_all(), pcim_iounmap_regions(); vectors of
 *    a managed device are freed with its other resources.
 * Reports (WARNs) name the driver's line: those functions are macros
 * over kshim functions taking the call site.  No bridges, SR-IOV, power
 * management beyond D0, AER, VPD or sysfs.
 */
#ifndef LINUX_PCI_H
#define LINUX_PCI_H

#include <linux/mod_devicetable.h>

#include <linux/types.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <uapi/linux/pci.h>

#include <linux/pci_ids.h>
#include <kshim/site.h>

/* A read that failed returns all ones, as the bus does (6.1). */
#define PCI_ERROR_RESPONSE		(~0ULL)
#define PCI_SET_ERROR_RESPONSE(val)	(*(val) = ((typeof(*(val))) PCI_ERROR_RESPONSE))
#define PCI_POSSIBLE_ERROR(val)		((val) == ((typeof(val)) PCI_ERROR_RESPONSE))

/* Indices into pci_dev->resource[] (no SR-IOV: no IOV resources). */
enum {
	PCI_STD_RESOURCES,
	PCI_STD_RESOURCE_END = PCI_STD_RESOURCES + PCI_STD_NUM_BARS - 1,
	PCI_ROM_RESOURCE,
	PCI_BRIDGE_RESOURCES,
	PCI_BRIDGE_RESOURCE_END = PCI_BRIDGE_RESOURCES + 4 - 1,
	PCI_NUM_RESOURCES,
	DEVICE_COUNT_RESOURCE = PCI_NUM_RESOURCES,
};

typedef int __bitwise pci_power_t;
#define PCI_D0		((pci_power_t __force) 0)
#define PCI_D1		((pci_power_t __force) 1)
#define PCI_D2		((pci_power_t __force) 2)
#define PCI_D3hot	((pci_power_t __force) 3)
#define PCI_D3cold	((pci_power_t __force) 4)
#define PCI_UNKNOWN	((pci_power_t __force) 5)
#define PCI_POWER_ERROR	((pci_power_t __force) -1)

typedef unsigned int __bitwise pci_channel_state_t;
enum {
	pci_channel_io_normal = (__force pci_channel_state_t) 1,
	pci_channel_io_frozen = (__force pci_channel_state_t) 2,
	pci_channel_io_perm_failure = (__force pci_channel_state_t) 3,
};

/* Return codes of the configuration accessors. */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED	0x81
#define PCIBIOS_BAD_VENDOR_ID		0x83
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87
#define PCIBIOS_SET_FAILED		0x88
#define PCIBIOS_BUFFER_TOO_SMALL	0x89

/* A PCIBIOS_* code (or a negative errno) as a negative errno. */
static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;
	switch (err) {
	case PCIBIOS_FUNC_NOT_SUPPORTED:
		return -ENOENT;
	case PCIBIOS_BAD_VENDOR_ID:
		return -ENOTTY;
	case PCIBIOS_DEVICE_NOT_FOUND:
		return -ENODEV;
	case PCIBIOS_BAD_REGISTER_NUMBER:
		return -EFAULT;
	case PCIBIOS_SET_FAILED:
		return -EIO;
	case PCIBIOS_BUFFER_TOO_SMALL:
		return -ENOSPC;
	}
	return -ERANGE;
}

struct pci_dev;
struct pci_driver;
struct irq_affinity;
struct kshim_pci_function;

#define PCI_BUS_FLAGS_NO_MSI	1

/* kshim has one bus, 0000:00, with no bridge above it. */
struct pci_bus {
	struct list_head node;
	struct pci_bus	*parent;
	struct list_head devices;	/* its pci_dev's, by bus_list */
	struct pci_dev	*self;		/* the bridge: none */
	unsigned char	number;
	unsigned short	bus_flags;
	char		name[48];
};

struct pci_dev {
	struct list_head bus_list;	/* on bus->devices */
	struct pci_bus	*bus;
	unsigned int	devfn;		/* slot << 3 | function */
	unsigned short	vendor;
	unsigned short	device;
	unsigned short	subsystem_vendor;
	unsigned short	subsystem_device;
	unsigned int	class;		/* base, sub class, prog-if */
	u8		revision;
	u8		hdr_type;
	u8		msi_cap;	/* offset of the MSI capability, or 0 */
	u8		msix_cap;	/* offset of the MSI-X capability, or 0 */
	u8		pin;		/* 1 (INTA#) or 0: no INTx */
	u64		dma_mask;	/* what dev.dma_mask points to */
	pci_power_t	current_state;
	pci_channel_state_t error_state; /* perm_failure: unplugged */
	int		cfg_size;	/* bytes of configuration space */
	unsigned int	irq;		/* INTx line, or the first MSI's */
	struct resource	resource[DEVICE_COUNT_RESOURCE];
	struct device	dev;
	struct pci_driver *driver;	/* bound driver, or NULL */
	bool		match_driver;	/* may be bound (set once added) */
	unsigned int	is_busmaster:1;	/* bus mastering enabled */
	unsigned int	no_msi:1;
	unsigned int	msi_enabled:1;
	unsigned int	msix_enabled:1;
	unsigned int	is_managed:1;	/* pcim_enable_device() */
	unsigned int	is_msi_managed:1; /* vectors freed by devres */
	unsigned int	is_added:1;
	atomic_t	enable_cnt;	/* pci_enable_device() nesting */
	const char	*driver_override;
	/* kshim: the simulated function (configuration space, vectors) */
	struct kshim_pci_function *kshim_fn;
};

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline int pci_channel_offline(struct pci_dev *pdev)
{
	return (pdev->error_state != pci_channel_io_normal);
}

static inline bool pci_is_pcie(struct pci_dev *dev)
{
	return dev->cfg_size > PCI_CFG_SPACE_SIZE;
}

static inline int pci_pcie_type(const struct pci_dev *dev)
{
	return PCI_EXP_TYPE_ENDPOINT;
}

static inline bool pci_is_root_bus(struct pci_bus *pbus)
{
	return !(pbus->parent || pbus->self);
}

static inline int pci_domain_nr(struct pci_bus *bus)
{
	return 0;
}

static inline bool pci_dev_msi_enabled(struct pci_dev *pci_dev)
{
	return pci_dev->msi_enabled || pci_dev->msix_enabled;
}

struct pci_dynids {
	spinlock_t		lock;
	struct list_head	list;
};

struct pci_driver {
	struct list_head	node;
	const char		*name;
	const struct pci_device_id *id_table;	/* NULL: no ids */
	int  (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int  (*suspend)(struct pci_dev *dev, pm_message_t state);
	int  (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int  (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver	driver;
	struct pci_dynids	dynids;
	bool driver_managed_dma;
};

static inline struct pci_driver *to_pci_driver(struct device_driver *drv)
{
	return drv ? container_of(drv, struct pci_driver, driver) : NULL;
}

/* Initializers of struct pci_device_id. */
#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev)			\
	.vendor = (vend), .device = (dev),				\
	.subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)			\
	.class = (dev_class), .class_mask = (dev_class_mask),		\
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,			\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev)						\
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev),		\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0
#define PCI_VDEVICE_SUB(vend, dev, subvend, subdev)			\
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev),		\
	.subvendor = (subvend), .subdevice = (subdev), 0, 0
#define PCI_DEVICE_DATA(vend, dev, data)				\
	.vendor = PCI_VENDOR_ID_##vend,					\
	.device = PCI_DEVICE_ID_##vend##_##dev,				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0,		\
	.driver_data = (kernel_ulong_t)(data)

#define PCI_IRQ_LEGACY		(1 << 0)	/* INTx allowed */
#define PCI_IRQ_MSI		(1 << 1)	/* MSI allowed */
#define PCI_IRQ_MSIX		(1 << 2)	/* MSI-X allowed */
#define PCI_IRQ_AFFINITY	(1 << 3)	/* spread over the CPUs */
#define PCI_IRQ_VIRTUAL		(1 << 4)	/* more than the table has */
#define PCI_IRQ_ALL_TYPES	(PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

struct msix_entry {
	u32	vector;		/* the IRQ line, filled in */
	u16	entry;		/* the table index, given */
};

extern struct bus_type pci_bus_type;

static inline bool dev_is_pci(struct device *dev)
{
	return dev->bus == &pci_bus_type;
}

#define to_pci_dev_or_null(d) (dev_is_pci(d) ? to_pci_dev(d) : NULL)

/* ---- drivers (drivers/pci/pci-driver.c) ---- */

int __must_check __pci_register_driver(struct pci_driver *drv,
				       struct module *owner,
				       const char *mod_name);
/* kshim: KBUILD_MODNAME, or NULL in host code (kshim/site.h). */
#define pci_register_driver(driver)					\
	__pci_register_driver(driver, THIS_MODULE, __KSHIM_MODNAME)
void pci_unregister_driver(struct pci_driver *dev);

#define module_pci_driver(__pci_driver)					\
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);
struct pci_driver *pci_dev_driver(const struct pci_dev *dev);
int pci_add_dynid(struct pci_driver *drv,
		  unsigned int vendor, unsigned int device,
		  unsigned int subvendor, unsigned int subdevice,
		  unsigned int class, unsigned int class_mask,
		  unsigned long driver_data);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* ---- configuration space (drivers/pci/access.c) ---- */

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);

/* ---- enable, bus mastering, regions (drivers/pci/pci.c) ---- */

int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pci_enable_device_io(struct pci_dev *dev);
int __must_check pci_enable_device_mem(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void __kshim_pci_disable_device(struct pci_dev *dev,
				const struct kshim_site *site);
#define pci_disable_device(dev)						\
	__kshim_pci_disable_device(dev, __KSHIM_CALLSITE)

static inline int pci_is_enabled(struct pci_dev *pdev)
{
	return (atomic_read(&pdev->enable_cnt) > 0);
}

static inline int pci_is_managed(struct pci_dev *pdev)
{
	return pdev->is_managed;
}

void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
int pci_set_mwi(struct pci_dev *dev);
int pci_try_set_mwi(struct pci_dev *dev);
void pci_clear_mwi(struct pci_dev *dev);
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
int pci_select_bars(struct pci_dev *dev, unsigned long flags);

int __must_check pci_request_region(struct pci_dev *pdev, int bar,
				    const char *res_name);
void pci_release_region(struct pci_dev *pdev, int bar);
int __must_check pci_request_regions(struct pci_dev *pdev,
				     const char *res_name);
int __must_check pci_request_regions_exclusive(struct pci_dev *pdev,
					       const char *res_name);
void pci_release_regions(struct pci_dev *pdev);
int __must_check pci_request_selected_regions(struct pci_dev *pdev,
					      int bars, const char *res_name);
int __must_check pci_request_selected_regions_exclusive(struct pci_dev *pdev,
							int bars,
							const char *res_name);
void pci_release_selected_regions(struct pci_dev *pdev, int bars);

/* The BARs' resources: where, how long, what kind. */
#define pci_resource_n(dev, bar)	(&(dev)->resource[(bar)])
#define pci_resource_start(dev, bar)	(pci_resource_n(dev, bar)->start)
#define pci_resource_end(dev, bar)	(pci_resource_n(dev, bar)->end)
#define pci_resource_flags(dev, bar)	(pci_resource_n(dev, bar)->flags)
#define pci_resource_len(dev, bar)					\
	(pci_resource_end((dev), (bar)) ?				\
	 resource_size(pci_resource_n((dev), (bar))) : 0)

/* ---- mapping BARs (lib/pci_iomap.c) ---- */

#include <asm-generic/pci_iomap.h>

/* ---- interrupt vectors (drivers/pci/msi/) ---- */

int pci_alloc_irq_vectors_affinity(struct pci_dev *dev,
				   unsigned int min_vecs,
				   unsigned int max_vecs, unsigned int flags,
				   struct irq_affinity *affd);
int __kshim_pci_alloc_irq_vectors(struct pci_dev *dev,
				  unsigned int min_vecs,
				  unsigned int max_vecs, unsigned int flags,
				  struct irq_affinity *affd,
				  const struct kshim_site *site);
#define pci_alloc_irq_vectors_affinity(dev, min_vecs, max_vecs, flags, affd) \
	__kshim_pci_alloc_irq_vectors(dev, min_vecs, max_vecs, flags, affd, \
				      __KSHIM_CALLSITE)

/* The kernel's is a static inline over _affinity(); a macro here, so a
 * WARN names the driver's line. */
#define pci_alloc_irq_vectors(dev, min_vecs, max_vecs, flags)		\
	__kshim_pci_alloc_irq_vectors(dev, min_vecs, max_vecs, flags, NULL, \
				      __KSHIM_CALLSITE)

void pci_free_irq_vectors(struct pci_dev *dev);
void __kshim_pci_free_irq_vectors(struct pci_dev *dev,
				  const struct kshim_site *site);
#define pci_free_irq_vectors(dev)					\
	__kshim_pci_free_irq_vectors(dev, __KSHIM_CALLSITE)

int pci_irq_vector(struct pci_dev *dev, unsigned int nr);

int pci_msi_vec_count(struct pci_dev *dev);
int pci_msix_vec_count(struct pci_dev *dev);
int pci_enable_msi(struct pci_dev *dev);
void pci_disable_msi(struct pci_dev *dev);
int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries,
			  int minvec, int maxvec);
void pci_disable_msix(struct pci_dev *dev);

void __kshim_pci_disable_msi(struct pci_dev *dev,
			     const struct kshim_site *site);
void __kshim_pci_disable_msix(struct pci_dev *dev,
			      const struct kshim_site *site);
#define pci_disable_msi(dev)	__kshim_pci_disable_msi(dev, __KSHIM_CALLSITE)
#define pci_disable_msix(dev)	__kshim_pci_disable_msix(dev, __KSHIM_CALLSITE)

static inline int pci_enable_msix_exact(struct pci_dev *dev,
					struct msix_entry *entries, int nvec)
{
	int rc = pci_enable_msix_range(dev, entries, nvec, nvec);

	return rc < 0 ? rc : 0;
}

/* ---- managed (drivers/pci/pci.c, lib/devres.c) ---- */

int pcim_enable_device(struct pci_dev *pdev);
void pcim_pin_device(struct pci_dev *pdev);
void __kshim_pcim_pin_device(struct pci_dev *pdev,
			     const struct kshim_site *site);
#define pcim_pin_device(pdev)	__kshim_pcim_pin_device(pdev, __KSHIM_CALLSITE)

void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void pcim_iounmap(struct pci_dev *pdev, void __iomem *addr);
void __iomem * const *pcim_iomap_table(struct pci_dev *pdev);
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name);
int pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask,
				   const char *name);
void pcim_iounmap_regions(struct pci_dev *pdev, int mask);

void __iomem *__kshim_pcim_iomap(struct pci_dev *pdev, int bar,
				 unsigned long maxlen,
				 const struct kshim_site *site);
void __kshim_pcim_iounmap(struct pci_dev *pdev, void __iomem *addr,
			  const struct kshim_site *site);
int __kshim_pcim_iomap_regions(struct pci_dev *pdev, int mask,
			       const char *name,
			       const struct kshim_site *site);
int __kshim_pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask,
					   const char *name,
					   const struct kshim_site *site);
void __kshim_pcim_iounmap_regions(struct pci_dev *pdev, int mask,
				  const struct kshim_site *site);
#define pcim_iomap(pdev, bar, maxlen)					\
	__kshim_pcim_iomap(pdev, bar, maxlen, __KSHIM_CALLSITE)
#define pcim_iounmap(pdev, addr)					\
	__kshim_pcim_iounmap(pdev, addr, __KSHIM_CALLSITE)
#define pcim_iomap_regions(pdev, mask, name)				\
	__kshim_pcim_iomap_regions(pdev, mask, name, __KSHIM_CALLSITE)
#define pcim_iomap_regions_request_all(pdev, mask, name)		\
	__kshim_pcim_iomap_regions_request_all(pdev, mask, name,	\
					       __KSHIM_CALLSITE)
#define pcim_iounmap_regions(pdev, mask)				\
	__kshim_pcim_iounmap_regions(pdev, mask, __KSHIM_CALLSITE)

/* ---- messages: dev_*() on the function's device ---- */

#define pci_printk(level, pdev, fmt, arg...) \
	dev_printk(level, &(pdev)->dev, fmt, ##arg)
#define pci_emerg(pdev, fmt, arg...)	dev_emerg(&(pdev)->dev, fmt, ##arg)
#define pci_alert(pdev, fmt, arg...)	dev_alert(&(pdev)->dev, fmt, ##arg)
#define pci_crit(pdev, fmt, arg...)	dev_crit(&(pdev)->dev, fmt, ##arg)
#define pci_err(pdev, fmt, arg...)	dev_err(&(pdev)->dev, fmt, ##arg)
#define pci_warn(pdev, fmt, arg...)	dev_warn(&(pdev)->dev, fmt, ##arg)
#define pci_notice(pdev, fmt, arg...)	dev_notice(&(pdev)->dev, fmt, ##arg)
#define pci_info(pdev, fmt, arg...)	dev_info(&(pdev)->dev, fmt, ##arg)
#define pci_dbg(pdev, fmt, arg...)	dev_dbg(&(pdev)->dev, fmt, ##arg)
#define pci_WARN(pdev, condition, fmt, arg...) \
	WARN(condition, "%s %s: " fmt, \
	     dev_driver_string(&(pdev)->dev), pci_name(pdev), ##arg)
#define pci_WARN_ONCE(pdev, condition, fmt, arg...) \
	WARN_ONCE(condition, "%s %s: " fmt, \
		  dev_driver_string(&(pdev)->dev), pci_name(pdev), ##arg)

/* What the kernel's linux/pci.h also makes visible. */
#include <linux/dma-direction.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/notifier.h>
#include <linux/scatterlist.h>

#endif /* LINUX_PCI_H */
