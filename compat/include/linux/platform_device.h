/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/platform_device.h - the platform bus.
 *
 * Follows include/linux/platform_device.h of 6.1 (compat/drivers/base/
 * platform.c implements it):
 *  - devices: platform_device_alloc()/_add_resources()/_add_data()/_add(),
 *    platform_device_put()/_del()/_unregister(), platform_device_register()
 *    for a static one, platform_device_register_full()/_resndata()/
 *    _simple()/_data(), platform_add_devices().  The name is "<name>.<id>",
 *    "<name>" for PLATFORM_DEVID_NONE, "<name>.<n>.auto" for
 *    PLATFORM_DEVID_AUTO; memory and I/O resources are claimed in
 *    iomem_resource/ioport_resource ("failed to claim resource %d: %pR",
 *    -EBUSY, for a conflict); a device without a parent has none (the
 *    kernel's "platform" root device is not simulated);
 *  - drivers: platform_driver_register() (module_platform_driver(),
 *    builtin_platform_driver(), platform_register_drivers()),
 *    platform_driver_unregister(), platform_driver_probe() (bound once,
 *    never again); matching by driver_override, then id_table (the id_entry
 *    is set), then the driver's name; .remove's return value is ignored
 *    with the kernel's warning; prevent_deferred_probe turns -EPROBE_DEFER
 *    into -ENXIO with "probe deferral not supported";
 *  - resources: platform_get_resource(_byname)(), platform_get_mem_or_io(),
 *    platform_get_irq(_optional)(), platform_get_irq_byname(_optional)(),
 *    platform_irq_count(): IRQ resources are kshim's interrupt lines (the
 *    test raises them with kshim_device_raise_irq()); a missing one is
 *    -ENXIO and, for the non-optional forms, "error -ENXIO: IRQ index %u
 *    not found" / "IRQ %s not found" as the kernel; IRQ 0 is the kernel's
 *    WARN "0 is an invalid IRQ number" and -EINVAL;
 *    devm_platform_ioremap_resource(_byname)() and
 *    devm_platform_get_and_ioremap_resource() over devm_ioremap_resource();
 *  - platform_get_drvdata()/platform_set_drvdata(), to_platform_device(),
 *    to_platform_driver(), dev_is_platform(), platform_get_device_id().
 * kshim's own: the calls that register, allocate or can report are macros
 * naming the caller's line (ledger entries "registered devices" and
 * "registered drivers").
 */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <kshim/site.h>

#define PLATFORM_DEVID_NONE	(-1)
#define PLATFORM_DEVID_AUTO	(-2)

struct irq_affinity;
struct mfd_cell;
struct property_entry;
struct platform_device_id;

struct platform_device {
	const char	*name;
	int		id;
	bool		id_auto;
	struct device	dev;
	u64		platform_dma_mask;
	struct device_dma_parameters dma_parms;
	u32		num_resources;
	struct resource	*resource;

	const struct platform_device_id	*id_entry;
	/*
	 * Driver name to force a match.  Do not set directly, because core
	 * frees it.  Use driver_set_override() to set or clear it.
	 */
	const char *driver_override;

	/* MFD cell pointer */
	struct mfd_cell *mfd_cell;
};

#define platform_get_device_id(pdev)	((pdev)->id_entry)

#define dev_is_platform(dev) ((dev)->bus == &platform_bus_type)
#define to_platform_device(x) container_of((x), struct platform_device, dev)

extern int platform_device_register(struct platform_device *);
extern void platform_device_unregister(struct platform_device *);

extern struct bus_type platform_bus_type;

extern struct resource *platform_get_resource(struct platform_device *,
					      unsigned int, unsigned int);
extern struct resource *platform_get_mem_or_io(struct platform_device *,
					       unsigned int);

extern struct device *
platform_find_device_by_driver(struct device *start,
			       const struct device_driver *drv);
extern void __iomem *
devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
				unsigned int index, struct resource **res);
extern void __iomem *
devm_platform_ioremap_resource(struct platform_device *pdev,
			       unsigned int index);
extern void __iomem *
devm_platform_ioremap_resource_byname(struct platform_device *pdev,
				      const char *name);
extern int platform_get_irq(struct platform_device *, unsigned int);
extern int platform_get_irq_optional(struct platform_device *, unsigned int);
extern int platform_irq_count(struct platform_device *);
extern struct resource *platform_get_resource_byname(struct platform_device *,
						     unsigned int,
						     const char *);
extern int platform_get_irq_byname(struct platform_device *, const char *);
extern int platform_get_irq_byname_optional(struct platform_device *dev,
					    const char *name);
extern int platform_add_devices(struct platform_device **, int);

struct platform_device_info {
		struct device *parent;
		struct fwnode_handle *fwnode;
		bool of_node_reused;

		const char *name;
		int id;

		const struct resource *res;
		unsigned int num_res;

		const void *data;
		size_t size_data;
		u64 dma_mask;

		const struct property_entry *properties;
};
extern struct platform_device *platform_device_register_full(
		const struct platform_device_info *pdevinfo);

extern struct platform_device *platform_device_alloc(const char *name, int id);
extern int platform_device_add_resources(struct platform_device *pdev,
					 const struct resource *res,
					 unsigned int num);
extern int platform_device_add_data(struct platform_device *pdev,
				    const void *data, size_t size);
extern int platform_device_add(struct platform_device *pdev);
extern void platform_device_del(struct platform_device *pdev);
extern void platform_device_put(struct platform_device *pdev);

/* kshim: the same, naming the caller's line. */
int __kshim_platform_device_register(struct platform_device *pdev,
				     const struct kshim_site *site);
void __kshim_platform_device_unregister(struct platform_device *pdev,
					const struct kshim_site *site);
struct platform_device *
__kshim_platform_device_register_full(const struct platform_device_info *info,
				      const struct kshim_site *site);
struct platform_device *__kshim_platform_device_alloc(const char *name,
						      int id,
						      const struct kshim_site *site);
int __kshim_platform_device_add(struct platform_device *pdev,
				const struct kshim_site *site);
void __kshim_platform_device_del(struct platform_device *pdev,
				 const struct kshim_site *site);
void __kshim_platform_device_put(struct platform_device *pdev,
				 const struct kshim_site *site);
int __kshim_platform_get_irq(struct platform_device *pdev, unsigned int num,
			     bool optional, const struct kshim_site *site);
int __kshim_platform_get_irq_byname(struct platform_device *pdev,
				    const char *name, bool optional,
				    const struct kshim_site *site);
void __iomem *
__kshim_devm_platform_ioremap(struct platform_device *pdev,
			      struct resource *res,
			      const struct kshim_site *site);

#define platform_device_register(pdev)					\
	__kshim_platform_device_register(pdev, __KSHIM_CALLSITE)
#define platform_device_unregister(pdev)				\
	__kshim_platform_device_unregister(pdev, __KSHIM_CALLSITE)
#define platform_device_register_full(info)				\
	__kshim_platform_device_register_full(info, __KSHIM_CALLSITE)
#define platform_device_alloc(name, id)					\
	__kshim_platform_device_alloc(name, id, __KSHIM_CALLSITE)
#define platform_device_add(pdev)					\
	__kshim_platform_device_add(pdev, __KSHIM_CALLSITE)
#define platform_device_del(pdev)					\
	__kshim_platform_device_del(pdev, __KSHIM_CALLSITE)
#define platform_device_put(pdev)					\
	__kshim_platform_device_put(pdev, __KSHIM_CALLSITE)
#define platform_get_irq(pdev, num)					\
	__kshim_platform_get_irq(pdev, num, false, __KSHIM_CALLSITE)
#define platform_get_irq_optional(pdev, num)				\
	__kshim_platform_get_irq(pdev, num, true, __KSHIM_CALLSITE)
#define platform_get_irq_byname(pdev, name)				\
	__kshim_platform_get_irq_byname(pdev, name, false, __KSHIM_CALLSITE)
#define platform_get_irq_byname_optional(pdev, name)			\
	__kshim_platform_get_irq_byname(pdev, name, true, __KSHIM_CALLSITE)
#define devm_platform_ioremap_resource(pdev, index)			\
	__kshim_devm_platform_ioremap(pdev,				\
		platform_get_resource(pdev, IORESOURCE_MEM, index),	\
		__KSHIM_CALLSITE)
#define devm_platform_ioremap_resource_byname(pdev, name)		\
	__kshim_devm_platform_ioremap(pdev,				\
		platform_get_resource_byname(pdev, IORESOURCE_MEM, name), \
		__KSHIM_CALLSITE)

static inline struct platform_device *
__kshim_platform_device_register_resndata(struct device *parent,
		const char *name, int id,
		const struct resource *res, unsigned int num,
		const void *data, size_t size, const struct kshim_site *site)
{
	struct platform_device_info pdevinfo = {
		.parent = parent,
		.name = name,
		.id = id,
		.res = res,
		.num_res = num,
		.data = data,
		.size_data = size,
		.dma_mask = 0,
	};

	return __kshim_platform_device_register_full(&pdevinfo, site);
}

/* Register a device with resources and a copy of @data. */
#define platform_device_register_resndata(parent, name, id, res, num,	\
					  data, size)			\
	__kshim_platform_device_register_resndata(parent, name, id, res, \
						  num, data, size,	\
						  __KSHIM_CALLSITE)
/* Register a device with resources only. */
#define platform_device_register_simple(name, id, res, num)		\
	__kshim_platform_device_register_resndata(NULL, name, id, res,	\
						  num, NULL, 0,		\
						  __KSHIM_CALLSITE)
/* Register a device with a copy of @data only. */
#define platform_device_register_data(parent, name, id, data, size)	\
	__kshim_platform_device_register_resndata(parent, name, id,	\
						  NULL, 0, data, size,	\
						  __KSHIM_CALLSITE)

struct platform_driver {
	int (*probe)(struct platform_device *);

	/*
	 * .remove's int is ignored by the driver core (with a warning when
	 * not 0); new drivers implement the void .remove_new().
	 */
	int (*remove)(struct platform_device *);
	void (*remove_new)(struct platform_device *);

	void (*shutdown)(struct platform_device *);
	int (*suspend)(struct platform_device *, pm_message_t state);
	int (*resume)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	/* The driver manages the device's DMA itself (VFIO); unused. */
	bool driver_managed_dma;
};

#define to_platform_driver(drv)	(container_of((drv), struct platform_driver, \
				 driver))

/* Use the THIS_MODULE of the caller. */
#define platform_driver_register(drv) \
	__kshim_platform_driver_register(drv, THIS_MODULE, __KSHIM_CALLSITE)
extern int __platform_driver_register(struct platform_driver *,
					struct module *);
int __kshim_platform_driver_register(struct platform_driver *drv,
				     struct module *owner,
				     const struct kshim_site *site);
extern void platform_driver_unregister(struct platform_driver *);
void __kshim_platform_driver_unregister(struct platform_driver *drv,
					const struct kshim_site *site);
#define platform_driver_unregister(drv)					\
	__kshim_platform_driver_unregister(drv, __KSHIM_CALLSITE)

/*
 * Bind the driver to the devices already registered and never again
 * (its probe may be __init): -ENODEV if it bound none.
 */
#define platform_driver_probe(drv, probe) \
	__kshim_platform_driver_probe(drv, probe, THIS_MODULE, __KSHIM_CALLSITE)
extern int __platform_driver_probe(struct platform_driver *driver,
		int (*probe)(struct platform_device *), struct module *module);
int __kshim_platform_driver_probe(struct platform_driver *driver,
				  int (*probe)(struct platform_device *),
				  struct module *module,
				  const struct kshim_site *site);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* module_init()/module_exit() that only (un)register @__platform_driver. */
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
			platform_driver_unregister)

#define builtin_platform_driver(__platform_driver) \
	builtin_driver(__platform_driver, platform_driver_register)

#define module_platform_driver_probe(__platform_driver, __platform_probe) \
static int __init __platform_driver##_init(void) \
{ \
	return platform_driver_probe(&(__platform_driver), \
				     __platform_probe);    \
} \
module_init(__platform_driver##_init); \
static void __exit __platform_driver##_exit(void) \
{ \
	platform_driver_unregister(&(__platform_driver)); \
} \
module_exit(__platform_driver##_exit);

int __platform_register_drivers(struct platform_driver * const *drivers,
				unsigned int count, struct module *owner);
void platform_unregister_drivers(struct platform_driver * const *drivers,
				 unsigned int count);

#define platform_register_drivers(drivers, count) \
	__platform_register_drivers(drivers, count, THIS_MODULE)

/* !CONFIG_SUSPEND, !CONFIG_HIBERNATE_CALLBACKS, !CONFIG_PM_SLEEP */
#define platform_pm_suspend		NULL
#define platform_pm_resume		NULL
#define platform_pm_freeze		NULL
#define platform_pm_thaw		NULL
#define platform_pm_poweroff		NULL
#define platform_pm_restore		NULL
#define USE_PLATFORM_PM_SLEEP_OPS

/* What the kernel's linux/platform_device.h also makes visible. */
#include <linux/io.h>
#include <linux/notifier.h>

#endif /* _PLATFORM_DEVICE_H_ */
