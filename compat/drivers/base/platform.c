// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/platform.c - the platform bus, with the behaviour
 * of drivers/base/platform.c of 6.1 (see linux/platform_device.h): device
 * allocation and registration, resources claimed in the resource trees,
 * matching (driver_override, id_table, name), probe/remove through the
 * bus methods, resource and IRQ lookups with the kernel's messages.
 * No device tree, ACPI, clocks or power domains.
 * kshim's own: the bus's kshim_irq hook (the n-th IRQ resource is the
 * device's n-th interrupt line), and the register/allocate calls take
 * the caller's site (ledger entries name the test's or driver's line).
 */
#include <pthread.h>

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "base.h"
#include "binding.h"

/* PLATFORM_DEVID_AUTO numbers (the kernel's platform_devid_ida). */
#define AUTO_IDS 1024
static pthread_mutex_t auto_id_lock = PTHREAD_MUTEX_INITIALIZER;
static DECLARE_BITMAP(auto_ids, AUTO_IDS);

static int auto_id_get(void)
{
	unsigned long id;

	pthread_mutex_lock(&auto_id_lock);
	id = find_first_zero_bit(auto_ids, AUTO_IDS);
	if (id < AUTO_IDS)
		__set_bit(id, auto_ids);
	pthread_mutex_unlock(&auto_id_lock);
	return id < AUTO_IDS ? (int)id : -ENOSPC;
}

static void auto_id_put(int id)
{
	pthread_mutex_lock(&auto_id_lock);
	__clear_bit(id, auto_ids);
	pthread_mutex_unlock(&auto_id_lock);
}

/* ---- resources and interrupts ---- */

struct resource *platform_get_resource(struct platform_device *dev,
				       unsigned int type, unsigned int num)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if (type == resource_type(r) && num-- == 0)
			return r;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(platform_get_resource);

struct resource *platform_get_mem_or_io(struct platform_device *dev,
					unsigned int num)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if ((resource_type(r) & (IORESOURCE_MEM | IORESOURCE_IO)) &&
		    num-- == 0)
			return r;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(platform_get_mem_or_io);

struct resource *platform_get_resource_byname(struct platform_device *dev,
					      unsigned int type,
					      const char *name)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if (r->name && type == resource_type(r) &&
		    !strcmp(r->name, name))
			return r;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(platform_get_resource_byname);

#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt)

/* An IRQ resource's line: 0 is the kernel's WARN and -EINVAL. */
static int irq_of(struct resource *r, const struct kshim_site *site)
{
	if (!r)
		return -ENXIO;
	if (!r->start) {
		warn_at(site, "0 is an invalid IRQ number\n");
		return -EINVAL;
	}
	return r->start;
}

int __kshim_platform_get_irq(struct platform_device *dev, unsigned int num,
			     bool optional, const struct kshim_site *site)
{
	int ret = irq_of(platform_get_resource(dev, IORESOURCE_IRQ, num),
			 site);

	if (ret < 0 && !optional)
		return dev_err_probe(&dev->dev, ret, "IRQ index %u not found\n",
				     num);
	return ret;
}
EXPORT_SYMBOL_GPL(__kshim_platform_get_irq);

int __kshim_platform_get_irq_byname(struct platform_device *dev,
				    const char *name, bool optional,
				    const struct kshim_site *site)
{
	int ret = irq_of(platform_get_resource_byname(dev, IORESOURCE_IRQ,
						      name), site);

	if (ret < 0 && !optional)
		return dev_err_probe(&dev->dev, ret, "IRQ %s not found\n",
				     name);
	return ret;
}
EXPORT_SYMBOL_GPL(__kshim_platform_get_irq_byname);

int platform_irq_count(struct platform_device *dev)
{
	int nr = 0;

	while (platform_get_resource(dev, IORESOURCE_IRQ, nr))
		nr++;
	return nr;
}
EXPORT_SYMBOL_GPL(platform_irq_count);

void __iomem *__kshim_devm_platform_ioremap(struct platform_device *pdev,
					    struct resource *res,
					    const struct kshim_site *site)
{
	return __kshim_devm_ioremap_resource(&pdev->dev, res, KSHIM_IOREMAP,
					     site);
}
EXPORT_SYMBOL_GPL(__kshim_devm_platform_ioremap);

void __iomem *
devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
				       unsigned int index,
				       struct resource **res)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM,
						   index);

	if (res)
		*res = r;
	return __kshim_devm_ioremap_resource(&pdev->dev, r, KSHIM_IOREMAP,
					     __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_platform_get_and_ioremap_resource);

/* The bus's kshim_irq hook: the n-th IRQ resource. */
static int platform_kshim_irq(struct device *dev, unsigned int n)
{
	struct resource *r = platform_get_resource(to_platform_device(dev),
						   IORESOURCE_IRQ, n);

	return r && r->start ? (int)r->start : -ENXIO;
}

static struct resource *platform_kshim_resource(struct device *dev,
						unsigned int n)
{
	struct platform_device *pdev = to_platform_device(dev);

	return n < pdev->num_resources ? &pdev->resource[n] : NULL;
}

/* Hot-unplug (kshim_device_unplug()): unregistered, the bus's ref put. */
static void platform_kshim_unplug(struct device *dev)
{
	__kshim_platform_device_unregister(to_platform_device(dev),
					   __KSHIM_CALLSITE);
}

/* ---- devices ---- */

struct named_pdev {
	struct platform_device pdev;
	char name[];
};

/* The kernel's defaults: 32-bit streaming and coherent DMA masks. */
static void default_dma_masks(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;

	dev->dma_parms = &pdev->dma_parms;
	dev->coherent_dma_mask = dev->coherent_dma_mask ?: 0xffffffffULL;
	if (dev->dma_mask)
		return;
	pdev->platform_dma_mask = 0xffffffffULL;
	dev->dma_mask = &pdev->platform_dma_mask;
}

static void free_named_pdev(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);

	/* what the device owns, then the device with its name */
	kfree(pdev->dev.platform_data);
	kfree(pdev->mfd_cell);
	kfree(pdev->resource);
	kfree(pdev->driver_override);
	kfree(container_of(pdev, struct named_pdev, pdev));
}

struct platform_device *__kshim_platform_device_alloc(const char *name,
						      int id,
						      const struct kshim_site *site)
{
	size_t len = strlen(name) + 1;
	struct named_pdev *np;
	struct platform_device *pdev;

	np = __kshim_kmalloc(sizeof(*np) + len, GFP_KERNEL | __GFP_ZERO,
			     NUMA_NO_NODE, site);
	if (!np)
		return NULL;
	pdev = &np->pdev;
	pdev->name = memcpy(np->name, name, len);
	pdev->id = id;
	device_initialize(&pdev->dev);
	pdev->dev.release = free_named_pdev;
	default_dma_masks(pdev);
	return pdev;
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_alloc);

int platform_device_add_resources(struct platform_device *pdev,
				  const struct resource *res, unsigned int num)
{
	struct resource *r = NULL;

	if (res) {
		r = kmemdup(res, sizeof(struct resource) * num, GFP_KERNEL);
		if (!r)
			return -ENOMEM;
	}
	kfree(pdev->resource);
	pdev->resource = r;
	pdev->num_resources = num;
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_resources);

int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size)
{
	void *d = NULL;

	if (data) {
		d = kmemdup(data, size, GFP_KERNEL);
		if (!d)
			return -ENOMEM;
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_data);

/* What %pR prints for a memory or I/O port resource. */
static void print_claim_failure(struct platform_device *pdev, u32 i,
				struct resource *r)
{
	if (resource_type(r) == IORESOURCE_IO)
		dev_err(&pdev->dev, "failed to claim resource %u: [io  %#06llx-%#06llx]\n",
			i, (unsigned long long)r->start,
			(unsigned long long)r->end);
	else
		dev_err(&pdev->dev, "failed to claim resource %u: [mem %#010llx-%#010llx]\n",
			i, (unsigned long long)r->start,
			(unsigned long long)r->end);
}

static void release_claimed(struct platform_device *pdev, u32 upto)
{
	while (upto-- > 0) {
		struct resource *r = &pdev->resource[upto];

		if (r->parent)
			release_resource(r);
	}
}

int __kshim_platform_device_add(struct platform_device *pdev,
				const struct kshim_site *site)
{
	u32 i;
	int ret;

	if (!pdev)
		return -EINVAL;
	pdev->dev.bus = &platform_bus_type;

	switch (pdev->id) {
	default:
		ret = dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);
		break;
	case PLATFORM_DEVID_NONE:
		ret = dev_set_name(&pdev->dev, "%s", pdev->name);
		break;
	case PLATFORM_DEVID_AUTO:
		ret = auto_id_get();
		if (ret < 0)
			return ret;
		pdev->id = ret;
		pdev->id_auto = true;
		ret = dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name,
				   pdev->id);
		break;
	}
	if (ret < 0)
		goto failed;

	for (i = 0; i < pdev->num_resources; i++) {
		struct resource *p, *r = &pdev->resource[i];

		if (!r->name)
			r->name = dev_name(&pdev->dev);
		p = r->parent;
		if (!p) {
			if (resource_type(r) == IORESOURCE_MEM)
				p = &iomem_resource;
			else if (resource_type(r) == IORESOURCE_IO)
				p = &ioport_resource;
		}
		if (p) {
			ret = insert_resource(p, r);
			if (ret) {
				print_claim_failure(pdev, i, r);
				release_claimed(pdev, i);
				goto failed;
			}
		}
	}

	pr_debug("Registering platform device '%s'. Parent at %s\n",
		 dev_name(&pdev->dev), pdev->dev.parent ?
		 dev_name(pdev->dev.parent) : "(none)");
	ret = __kshim_device_add(&pdev->dev, site);
	if (ret) {
		release_claimed(pdev, pdev->num_resources);
		goto failed;
	}
	return 0;

failed:
	if (pdev->id_auto) {
		auto_id_put(pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_add);

void __kshim_platform_device_del(struct platform_device *pdev,
				 const struct kshim_site *site)
{
	if (IS_ERR_OR_NULL(pdev))
		return;
	__kshim_device_del(&pdev->dev, site);
	if (pdev->id_auto) {
		auto_id_put(pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
	release_claimed(pdev, pdev->num_resources);
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_del);

void __kshim_platform_device_put(struct platform_device *pdev,
				 const struct kshim_site *site)
{
	if (!IS_ERR_OR_NULL(pdev))
		__kshim_put_device(&pdev->dev, site);
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_put);

int __kshim_platform_device_register(struct platform_device *pdev,
				     const struct kshim_site *site)
{
	device_initialize(&pdev->dev);
	default_dma_masks(pdev);
	return __kshim_platform_device_add(pdev, site);
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_register);

void __kshim_platform_device_unregister(struct platform_device *pdev,
					const struct kshim_site *site)
{
	if (IS_ERR_OR_NULL(pdev))
		return;
	__kshim_platform_device_del(pdev, site);
	__kshim_platform_device_put(pdev, site);
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_unregister);

struct platform_device *
__kshim_platform_device_register_full(const struct platform_device_info *info,
				      const struct kshim_site *site)
{
	struct platform_device *pdev;
	int ret;

	pdev = __kshim_platform_device_alloc(info->name, info->id, site);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	pdev->dev.parent = info->parent;
	pdev->dev.fwnode = info->fwnode;
	if (info->dma_mask) {
		pdev->platform_dma_mask = info->dma_mask;
		pdev->dev.dma_mask = &pdev->platform_dma_mask;
		pdev->dev.coherent_dma_mask = info->dma_mask;
	}
	ret = platform_device_add_resources(pdev, info->res, info->num_res);
	if (ret)
		goto err;
	ret = platform_device_add_data(pdev, info->data, info->size_data);
	if (ret)
		goto err;
	if (info->properties) {
		/* software nodes (linux/property.h) are not simulated */
		pr_err("kshim: %s: platform_device_info.properties are not supported\n",
		       info->name);
		ret = -EINVAL;
		goto err;
	}
	ret = __kshim_platform_device_add(pdev, site);
	if (ret)
		goto err;
	return pdev;
err:
	__kshim_platform_device_put(pdev, site);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(__kshim_platform_device_register_full);

int platform_add_devices(struct platform_device **devs, int num)
{
	int i, ret = 0;

	for (i = 0; i < num; i++) {
		ret = __kshim_platform_device_register(devs[i],
						       __KSHIM_CALLSITE);
		if (ret) {
			while (--i >= 0)
				__kshim_platform_device_unregister(devs[i],
							__KSHIM_CALLSITE);
			break;
		}
	}
	return ret;
}
EXPORT_SYMBOL_GPL(platform_add_devices);

static int match_driver(struct device *dev, const void *data)
{
	return dev->driver == data;
}

struct device *platform_find_device_by_driver(struct device *start,
					      const struct device_driver *drv)
{
	return bus_find_device(&platform_bus_type, start, drv, match_driver);
}
EXPORT_SYMBOL_GPL(platform_find_device_by_driver);

/* ---- drivers ---- */

int __kshim_platform_driver_register(struct platform_driver *drv,
				     struct module *owner,
				     const struct kshim_site *site)
{
	drv->driver.owner = owner;
	drv->driver.bus = &platform_bus_type;
	return __kshim_driver_register(&drv->driver, site);
}
EXPORT_SYMBOL_GPL(__kshim_platform_driver_register);

int __platform_driver_register(struct platform_driver *drv,
			       struct module *owner)
{
	return __kshim_platform_driver_register(drv, owner, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(__platform_driver_register);

void __kshim_platform_driver_unregister(struct platform_driver *drv,
					const struct kshim_site *site)
{
	__kshim_driver_unregister(&drv->driver, site);
}
EXPORT_SYMBOL_GPL(__kshim_platform_driver_unregister);

/* The probe of a platform_driver_probe() driver once registered. */
static int platform_probe_fail(struct platform_device *pdev)
{
	return -ENXIO;
}

int __kshim_platform_driver_probe(struct platform_driver *drv,
				  int (*probe)(struct platform_device *),
				  struct module *module,
				  const struct kshim_site *site)
{
	struct device *dev;
	int ret;

	if (drv->driver.probe_type == PROBE_PREFER_ASYNCHRONOUS) {
		pr_err("%s: drivers registered with %s can not be probed asynchronously\n",
		       drv->driver.name, "__platform_driver_probe");
		return -EINVAL;
	}
	drv->driver.probe_type = PROBE_FORCE_SYNCHRONOUS;
	/* Its probe cannot run later: a deferral would never be retried. */
	drv->prevent_deferred_probe = true;
	drv->driver.suppress_bind_attrs = true;
	drv->probe = probe;
	ret = __kshim_platform_driver_register(drv, module, site);
	if (ret)
		return ret;
	/* From now on no device binds (the probe may have been __init). */
	drv->probe = platform_probe_fail;
	dev = driver_find_next_device(&drv->driver, NULL);
	if (!dev) {
		platform_driver_unregister(drv);
		return -ENODEV;
	}
	put_device(dev);
	return 0;
}
EXPORT_SYMBOL_GPL(__kshim_platform_driver_probe);

int __platform_driver_probe(struct platform_driver *drv,
			    int (*probe)(struct platform_device *),
			    struct module *module)
{
	return __kshim_platform_driver_probe(drv, probe, module,
					     __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(__platform_driver_probe);

int __platform_register_drivers(struct platform_driver * const *drivers,
				unsigned int count, struct module *owner)
{
	unsigned int i;
	int err;

	for (i = 0; i < count; i++) {
		pr_debug("registering platform driver %ps\n", drivers[i]);
		err = __kshim_platform_driver_register(drivers[i], owner,
						       __KSHIM_CALLSITE);
		if (err < 0) {
			pr_err("failed to register platform driver %ps: %d\n",
			       drivers[i], err);
			while (i--) {
				pr_debug("unregistering platform driver %ps\n",
					 drivers[i]);
				platform_driver_unregister(drivers[i]);
			}
			return err;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(__platform_register_drivers);

void platform_unregister_drivers(struct platform_driver * const *drivers,
				 unsigned int count)
{
	while (count--) {
		pr_debug("unregistering platform driver %ps\n",
			 drivers[count]);
		platform_driver_unregister(drivers[count]);
	}
}
EXPORT_SYMBOL_GPL(platform_unregister_drivers);

/* ---- the bus ---- */

static const struct platform_device_id *
platform_match_id(const struct platform_device_id *id,
		  struct platform_device *pdev)
{
	for (; id->name[0]; id++) {
		if (!strcmp(pdev->name, id->name)) {
			pdev->id_entry = id;
			return id;
		}
	}
	return NULL;
}

static int platform_match(struct device *dev, struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_device_id *ids = to_platform_driver(drv)->id_table;

	/* an override names the one driver allowed */
	if (pdev->driver_override)
		return strcmp(pdev->driver_override, drv->name) == 0;
	/* no OF or ACPI tables to try in kshim; then the ids, then the name */
	if (!ids)
		return strcmp(pdev->name, drv->name) == 0;
	return platform_match_id(ids, pdev) != NULL;
}

static int platform_probe(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	int err;

	/* A platform_driver_probe() driver binds nothing later. */
	if (unlikely(pdrv->probe == platform_probe_fail))
		return -ENXIO;
	err = pdrv->probe ? pdrv->probe(to_platform_device(dev)) : 0;
	if (err == -EPROBE_DEFER && pdrv->prevent_deferred_probe) {
		dev_warn(dev, "probe deferral not supported\n");
		return -ENXIO;
	}
	return err;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	struct platform_device *pdev = to_platform_device(dev);

	if (pdrv->remove_new)
		pdrv->remove_new(pdev);
	else if (pdrv->remove && pdrv->remove(pdev) != 0)
		dev_warn(dev, "remove callback returned a non-zero value. This will be ignored.\n");
}

static void platform_shutdown(struct device *dev)
{
	struct platform_driver *pdrv;

	if (!dev->driver)
		return;
	pdrv = to_platform_driver(dev->driver);
	if (pdrv->shutdown)
		pdrv->shutdown(to_platform_device(dev));
}

struct bus_type platform_bus_type = {
	.name		= "platform",
	.match		= platform_match,
	.probe		= platform_probe,
	.remove		= platform_remove,
	.shutdown	= platform_shutdown,
	.kshim_irq	= platform_kshim_irq,
	.kshim_resource	= platform_kshim_resource,
	.kshim_unplug	= platform_kshim_unplug,
};
EXPORT_SYMBOL_GPL(platform_bus_type);

/* Boot (once per process; a reboot keeps the bus, forgets its lists). */
void kshim_platform_init(void);
void kshim_platform_init(void)
{
	if (!platform_bus_type.p && bus_register(&platform_bus_type))
		pr_err("kshim: the platform bus could not be registered\n");
}

/* The real functions, for callers that take their address. */
#undef platform_device_register
#undef platform_device_unregister
#undef platform_device_register_full
#undef platform_device_alloc
#undef platform_device_add
#undef platform_device_del
#undef platform_device_put
#undef platform_get_irq
#undef platform_get_irq_optional
#undef platform_get_irq_byname
#undef platform_get_irq_byname_optional
#undef devm_platform_ioremap_resource
#undef devm_platform_ioremap_resource_byname
#undef platform_driver_unregister

int platform_device_register(struct platform_device *pdev)
{
	return __kshim_platform_device_register(pdev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_register);

void platform_device_unregister(struct platform_device *pdev)
{
	__kshim_platform_device_unregister(pdev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_unregister);

struct platform_device *
platform_device_register_full(const struct platform_device_info *info)
{
	return __kshim_platform_device_register_full(info, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_register_full);

struct platform_device *platform_device_alloc(const char *name, int id)
{
	return __kshim_platform_device_alloc(name, id, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_alloc);

int platform_device_add(struct platform_device *pdev)
{
	return __kshim_platform_device_add(pdev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_add);

void platform_device_del(struct platform_device *pdev)
{
	__kshim_platform_device_del(pdev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_del);

void platform_device_put(struct platform_device *pdev)
{
	__kshim_platform_device_put(pdev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_device_put);

int platform_get_irq(struct platform_device *dev, unsigned int num)
{
	return __kshim_platform_get_irq(dev, num, false, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_get_irq);

int platform_get_irq_optional(struct platform_device *dev, unsigned int num)
{
	return __kshim_platform_get_irq(dev, num, true, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_get_irq_optional);

int platform_get_irq_byname(struct platform_device *dev, const char *name)
{
	return __kshim_platform_get_irq_byname(dev, name, false,
					       __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_get_irq_byname);

int platform_get_irq_byname_optional(struct platform_device *dev,
				     const char *name)
{
	return __kshim_platform_get_irq_byname(dev, name, true,
					       __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_get_irq_byname_optional);

void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
					     unsigned int index)
{
	return __kshim_devm_platform_ioremap(pdev,
		platform_get_resource(pdev, IORESOURCE_MEM, index),
		__KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_platform_ioremap_resource);

void __iomem *devm_platform_ioremap_resource_byname(struct platform_device *pdev,
						    const char *name)
{
	return __kshim_devm_platform_ioremap(pdev,
		platform_get_resource_byname(pdev, IORESOURCE_MEM, name),
		__KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(devm_platform_ioremap_resource_byname);

void platform_driver_unregister(struct platform_driver *drv)
{
	__kshim_platform_driver_unregister(drv, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(platform_driver_unregister);
