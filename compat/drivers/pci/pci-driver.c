// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/pci-driver.c - PCI drivers on the driver core, as
 * drivers/pci/pci-driver.c of 6.1:
 *  - pci_bus_type ("pci") is registered at boot; __pci_register_driver()
 *    fills the embedded device_driver (name, bus, owner, mod_name) and
 *    registers it, which probes every matching device already present;
 *    pci_unregister_driver() unbinds them (remove(), then devres);
 *  - a device matches a driver by its dynamic ids, then its id_table:
 *    each field equal or PCI_ANY_ID, and the class equal under
 *    class_mask; the table ends at an entry with vendor, subvendor and
 *    class_mask all zero.  driver_override, when set, restricts binding
 *    to the driver of that name (and matches it even with no id);
 *  - probe gets the matching entry; pci_dev->driver is set during probe
 *    and cleared when probe fails; a positive return is success with the
 *    kernel's warning "Driver probe function unexpectedly returned %d";
 *    the bus holds a reference to the pci_dev while a driver is bound;
 *  - pci_add_dynid() adds an id to a registered driver (no sysfs new_id)
 *    and binds the devices it now fits.
 */
#include <linux/pci.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pci.h"
#include "kshim/internal.h"

struct pci_dynid {
	struct list_head node;
	struct pci_device_id id;
};

/* Does entry @id describe @dev? */
static bool id_fits(const struct pci_device_id *id, const struct pci_dev *dev)
{
	if (id->vendor != PCI_ANY_ID && id->vendor != dev->vendor)
		return false;
	if (id->device != PCI_ANY_ID && id->device != dev->device)
		return false;
	if (id->subvendor != PCI_ANY_ID &&
	    id->subvendor != dev->subsystem_vendor)
		return false;
	if (id->subdevice != PCI_ANY_ID &&
	    id->subdevice != dev->subsystem_device)
		return false;
	return ((id->class ^ dev->class) & id->class_mask) == 0;
}

static bool table_end(const struct pci_device_id *id)
{
	return !id->vendor && !id->subvendor && !id->class_mask;
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	for (; ids && !table_end(ids); ids++)
		if (id_fits(ids, dev))
			return ids;
	return NULL;
}
EXPORT_SYMBOL(pci_match_id);

/* What probe gets when only driver_override made the match. */
static const struct pci_device_id any_id = {
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,
};

/* The entry @drv binds @dev with, or NULL; a dynamic id is copied. */
static const struct pci_device_id *
find_id(struct pci_driver *drv, struct pci_dev *dev,
	struct pci_device_id *copy)
{
	const struct pci_device_id *found = NULL;
	struct pci_dynid *dyn;

	if (dev->driver_override && strcmp(dev->driver_override, drv->name))
		return NULL;

	spin_lock(&drv->dynids.lock);
	list_for_each_entry(dyn, &drv->dynids.list, node)
		if (id_fits(&dyn->id, dev)) {
			*copy = dyn->id;
			found = copy;
			break;
		}
	spin_unlock(&drv->dynids.lock);
	if (!found)
		found = pci_match_id(drv->id_table, dev);
	if (!found && dev->driver_override)
		found = &any_id;
	return found;
}

static int pci_bus_match(struct device *dev, struct device_driver *drv)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pci_device_id copy;

	return pdev->match_driver &&
	       find_id(to_pci_driver(drv), pdev, &copy) != NULL;
}

static int pci_device_probe(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pci_driver *drv = container_of(dev->driver, struct pci_driver,
					      driver);
	const struct pci_device_id *id;
	struct pci_device_id copy;
	int ret;

	if (!drv->probe)
		return 0;
	id = find_id(drv, pdev, &copy);
	if (!id)
		return -ENODEV;

	pci_dev_get(pdev);
	pdev->driver = drv;
	ret = drv->probe(pdev, id);
	if (ret < 0) {
		pdev->driver = NULL;
		pci_dev_put(pdev);
		return ret;
	}
	if (ret > 0)
		pci_warn(pdev, "Driver probe function unexpectedly returned %d\n",
			 ret);
	return 0;
}

static void pci_device_remove(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pci_driver *drv = pdev->driver;

	if (drv && drv->remove)
		drv->remove(pdev);
	pdev->driver = NULL;
	/* No complaint about a device left enabled: the kernel has none. */
	pci_dev_put(pdev);
}

static void pci_device_shutdown(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	if (pdev->driver && pdev->driver->shutdown)
		pdev->driver->shutdown(pdev);
}

/* The driver core's kshim_irq hook (linux/device/bus.h): the n-th vector. */
static int pci_kshim_irq(struct device *dev, unsigned int n)
{
	int irq = pci_irq_vector(to_pci_dev(dev), n);

	return irq == 0 ? -ENXIO : irq;	/* 0: no INTx, no vectors */
}

struct bus_type pci_bus_type = {
	.name		= "pci",
	.match		= pci_bus_match,
	.probe		= pci_device_probe,
	.remove		= pci_device_remove,
	.shutdown	= pci_device_shutdown,
	.kshim_irq	= pci_kshim_irq,
};
EXPORT_SYMBOL(pci_bus_type);

int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name)
{
	struct device_driver *core = &drv->driver;

	/* The core sees the PCI driver through its embedded driver. */
	core->bus = &pci_bus_type;
	core->name = drv->name;
	core->owner = owner;
	core->mod_name = mod_name;
	core->groups = drv->groups;
	core->dev_groups = drv->dev_groups;
	INIT_LIST_HEAD(&drv->dynids.list);
	spin_lock_init(&drv->dynids.lock);
	return driver_register(core);
}
EXPORT_SYMBOL(__pci_register_driver);

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dynid *dyn, *tmp;

	driver_unregister(&drv->driver);
	spin_lock(&drv->dynids.lock);
	list_for_each_entry_safe(dyn, tmp, &drv->dynids.list, node) {
		list_del(&dyn->node);
		kfree(dyn);
	}
	spin_unlock(&drv->dynids.lock);
}
EXPORT_SYMBOL(pci_unregister_driver);

/* A new id for a registered driver; devices it now fits are probed. */
int pci_add_dynid(struct pci_driver *drv,
		  unsigned int vendor, unsigned int device,
		  unsigned int subvendor, unsigned int subdevice,
		  unsigned int class, unsigned int class_mask,
		  unsigned long driver_data)
{
	struct pci_dynid *dyn = kzalloc(sizeof(*dyn), GFP_KERNEL);

	if (!dyn)
		return -ENOMEM;
	dyn->id = (struct pci_device_id) {
		.vendor = vendor, .device = device,
		.subvendor = subvendor, .subdevice = subdevice,
		.class = class, .class_mask = class_mask,
		.driver_data = driver_data,
	};
	spin_lock(&drv->dynids.lock);
	list_add_tail(&dyn->node, &drv->dynids.list);
	spin_unlock(&drv->dynids.lock);
	return driver_attach(&drv->driver);
}
EXPORT_SYMBOL_GPL(pci_add_dynid);

struct pci_driver *pci_dev_driver(const struct pci_dev *dev)
{
	return dev->driver;
}
EXPORT_SYMBOL(pci_dev_driver);

/* Boot (once per process, as the platform bus: a reboot keeps the bus
 * and the driver core forgets its lists). */
void kshim_pci_init(void)
{
	if (!pci_bus_type.p && bus_register(&pci_bus_type))
		pr_err("kshim: the PCI bus could not be registered\n");
}
