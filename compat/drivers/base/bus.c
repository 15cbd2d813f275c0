// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/bus.c - buses, as drivers/base/bus.c of 6.1 for
 * what linux/device/bus.h declares:
 *  - bus_register() gives the bus its private state (lists of devices
 *    and drivers, the notifier chain) and turns automatic probing on;
 *    bus_unregister() forgets it (the devices and drivers still on it
 *    should have gone first, as in the kernel);
 *  - a device whose dev->bus is set joins the bus's list at device_add()
 *    (after which BUS_NOTIFY_ADD_DEVICE is sent and a driver is looked
 *    for) and leaves it at device_del() (BUS_NOTIFY_DEL_DEVICE first, the
 *    driver unbound, BUS_NOTIFY_REMOVED_DEVICE last);
 *  - iteration (bus_for_each_dev(), bus_find_device(), bus_for_each_drv())
 *    works on a copy of the list taken under the bus's lock, each device
 *    held by a reference for the walk, so the callback may sleep, bind,
 *    or register and unregister other devices.
 * kshim's own: every registered bus is remembered, so a reboot
 * (kshim_driver_core_exit()) forgets the devices and drivers a test left.
 */
#include <pthread.h>
#include <stdlib.h>

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/notifier.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "base.h"
#include "binding.h"

static pthread_mutex_t buses_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(buses);
/* every device's private block (under buses_lock) */
static LIST_HEAD(device_privates);

/* Host memory for kshim's bookkeeping: never fails a test's allocation. */
static void *bookkeeping_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p)
		abort();
	return p;
}

int bus_register(struct bus_type *bus)
{
	struct subsys_private *priv;

	priv = bookkeeping_alloc(sizeof(*priv));
	priv->bus = bus;
	pthread_mutex_init(&priv->lock, NULL);
	INIT_LIST_HEAD(&priv->devices);
	INIT_LIST_HEAD(&priv->drivers);
	BLOCKING_INIT_NOTIFIER_HEAD(&priv->bus_notifier);
	priv->drivers_autoprobe = true;
	bus->p = priv;
	pthread_mutex_lock(&buses_lock);
	list_add_tail(&priv->all, &buses);
	pthread_mutex_unlock(&buses_lock);
	pr_debug("bus: '%s': registered\n", bus->name);
	return 0;
}
EXPORT_SYMBOL_GPL(bus_register);

void bus_unregister(struct bus_type *bus)
{
	struct subsys_private *priv = bus->p;

	if (!priv)
		return;
	pr_debug("bus: '%s': unregistering\n", bus->name);
	pthread_mutex_lock(&buses_lock);
	list_del(&priv->all);
	pthread_mutex_unlock(&buses_lock);
	bus->p = NULL;
	pthread_mutex_destroy(&priv->lock);
	free(priv);
}
EXPORT_SYMBOL_GPL(bus_unregister);

int bus_register_notifier(struct bus_type *bus, struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&bus->p->bus_notifier, nb);
}
EXPORT_SYMBOL_GPL(bus_register_notifier);

int bus_unregister_notifier(struct bus_type *bus, struct notifier_block *nb)
{
	return blocking_notifier_chain_unregister(&bus->p->bus_notifier, nb);
}
EXPORT_SYMBOL_GPL(bus_unregister_notifier);

int kshim_bus_notify(struct device *dev, unsigned long action)
{
	if (!dev->bus || !dev->bus->p)
		return NOTIFY_DONE;
	return blocking_notifier_call_chain(&dev->bus->p->bus_notifier,
					    action, dev);
}

/* ---- the device list ---- */

void kshim_bus_add_device(struct device *dev)
{
	struct subsys_private *priv = dev->bus ? dev->bus->p : NULL;
	struct kshim_device_private *p;

	if (!priv)
		return;
	pr_debug("bus: '%s': add device %s\n", dev->bus->name, dev_name(dev));
	p = dev->kshim_p;
	if (!p) {
		p = bookkeeping_alloc(sizeof(*p));
		p->dev = dev;
		INIT_LIST_HEAD(&p->deferred);
		pthread_mutex_lock(&buses_lock);
		list_add(&p->all, &device_privates);
		pthread_mutex_unlock(&buses_lock);
		dev->kshim_p = p;
	}
	p->dead = false;
	pthread_mutex_lock(&priv->lock);
	list_add_tail(&dev->kshim_bus_node, &priv->devices);
	pthread_mutex_unlock(&priv->lock);
}

void kshim_bus_probe_device(struct device *dev)
{
	struct subsys_private *priv = dev->bus ? dev->bus->p : NULL;

	if (!priv)
		return;
	kshim_bus_notify(dev, BUS_NOTIFY_ADD_DEVICE);
	if (priv->drivers_autoprobe)
		device_initial_probe(dev);
}

void kshim_bus_del_device(struct device *dev)
{
	struct subsys_private *priv = dev->bus ? dev->bus->p : NULL;

	if (!priv || !dev->kshim_p)
		return;
	kshim_bus_notify(dev, BUS_NOTIFY_DEL_DEVICE);
	/* kill_device(): no probe from now on */
	device_lock(dev);
	dev->kshim_p->dead = true;
	device_unlock(dev);
	pr_debug("bus: '%s': remove device %s\n", dev->bus->name,
		 dev_name(dev));
	pthread_mutex_lock(&priv->lock);
	list_del_init(&dev->kshim_bus_node);
	pthread_mutex_unlock(&priv->lock);
	device_release_driver(dev);
	kshim_deferred_probe_del(dev);
}

void kshim_bus_removed_device(struct device *dev)
{
	struct kshim_device_private *p = dev->kshim_p;

	if (!p)
		return;
	kshim_bus_notify(dev, BUS_NOTIFY_REMOVED_DEVICE);
	dev->kshim_p = NULL;
	pthread_mutex_lock(&buses_lock);
	list_del(&p->all);
	pthread_mutex_unlock(&buses_lock);
	free(p);
}

/* The devices on @bus, each with a reference the caller puts. */
struct device **kshim_bus_snapshot_devices(struct bus_type *bus, size_t *nr)
{
	struct subsys_private *priv = bus ? bus->p : NULL;
	struct device **devs, *dev;
	size_t n = 0;

	*nr = 0;
	if (!priv)
		return NULL;
	pthread_mutex_lock(&priv->lock);
	list_for_each_entry(dev, &priv->devices, kshim_bus_node)
		n++;
	devs = bookkeeping_alloc(n * sizeof(*devs));
	n = 0;
	list_for_each_entry(dev, &priv->devices, kshim_bus_node)
		devs[n++] = get_device(dev);
	pthread_mutex_unlock(&priv->lock);
	*nr = n;
	return devs;
}

void kshim_put_devices(struct device **devs, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		put_device(devs[i]);
	free(devs);
}

/* The drivers on @bus in registration order. */
struct device_driver **kshim_bus_snapshot_drivers(struct bus_type *bus,
						  size_t *nr)
{
	struct subsys_private *priv = bus ? bus->p : NULL;
	struct device_driver **drvs;
	struct driver_private *dp;
	size_t n = 0;

	*nr = 0;
	if (!priv)
		return NULL;
	pthread_mutex_lock(&priv->lock);
	list_for_each_entry(dp, &priv->drivers, node)
		n++;
	drvs = bookkeeping_alloc(n * sizeof(*drvs));
	n = 0;
	list_for_each_entry(dp, &priv->drivers, node)
		drvs[n++] = dp->driver;
	pthread_mutex_unlock(&priv->lock);
	*nr = n;
	return drvs;
}

/* Where to start in @devs: after @start, or at the beginning. */
static size_t start_index(struct device **devs, size_t nr,
			  struct device *start)
{
	size_t i;

	if (!start)
		return 0;
	for (i = 0; i < nr; i++)
		if (devs[i] == start)
			return i + 1;
	return nr;
}

int bus_for_each_dev(struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct device **devs;
	size_t nr, i;
	int error = 0;

	if (!bus || !bus->p)
		return -EINVAL;
	devs = kshim_bus_snapshot_devices(bus, &nr);
	for (i = start_index(devs, nr, start); i < nr && !error; i++)
		error = fn(devs[i], data);
	kshim_put_devices(devs, nr);
	return error;
}
EXPORT_SYMBOL_GPL(bus_for_each_dev);

struct device *bus_find_device(struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct device **devs, *found = NULL;
	size_t nr, i;

	if (!bus || !bus->p)
		return NULL;
	devs = kshim_bus_snapshot_devices(bus, &nr);
	for (i = start_index(devs, nr, start); i < nr; i++) {
		if (match(devs[i], data)) {
			found = get_device(devs[i]);
			break;
		}
	}
	kshim_put_devices(devs, nr);
	return found;
}
EXPORT_SYMBOL_GPL(bus_find_device);

int bus_for_each_drv(struct bus_type *bus, struct device_driver *start,
		     void *data, int (*fn)(struct device_driver *, void *))
{
	struct device_driver **drvs;
	size_t nr, i = 0;
	int error = 0;

	if (!bus || !bus->p)
		return -EINVAL;
	drvs = kshim_bus_snapshot_drivers(bus, &nr);
	if (start) {
		while (i < nr && drvs[i] != start)
			i++;
		i++;
	}
	for (; i < nr && !error; i++)
		error = fn(drvs[i], data);
	free(drvs);
	return error;
}
EXPORT_SYMBOL_GPL(bus_for_each_drv);

static int rescan_one(struct device *dev, void *data)
{
	int ret = 0;

	if (!dev->driver)
		ret = device_attach(dev);
	return ret < 0 && ret != -EPROBE_DEFER ? ret : 0;
}

int bus_rescan_devices(struct bus_type *bus)
{
	return bus_for_each_dev(bus, NULL, NULL, rescan_one);
}
EXPORT_SYMBOL_GPL(bus_rescan_devices);

/* ---- the generic matches of bus_find_device() ---- */

int device_match_name(struct device *dev, const void *name)
{
	return sysfs_streq(dev_name(dev), name);
}
EXPORT_SYMBOL_GPL(device_match_name);

int device_match_fwnode(struct device *dev, const void *fwnode)
{
	return dev_fwnode(dev) == fwnode;
}
EXPORT_SYMBOL_GPL(device_match_fwnode);

int device_match_devt(struct device *dev, const void *pdevt)
{
	return dev->devt == *(dev_t *)pdevt;
}
EXPORT_SYMBOL_GPL(device_match_devt);

int device_match_any(struct device *dev, const void *unused)
{
	return 1;
}
EXPORT_SYMBOL_GPL(device_match_any);

/* ---- reboot ---- */

/* Forget what a test left on every bus (the ledger has named it). */
void kshim_bus_forget_all(void);
void kshim_bus_forget_all(void)
{
	struct subsys_private *priv;

	pthread_mutex_lock(&buses_lock);
	list_for_each_entry(priv, &buses, all) {
		pthread_mutex_lock(&priv->lock);
		INIT_LIST_HEAD(&priv->devices);
		INIT_LIST_HEAD(&priv->drivers);
		pthread_mutex_unlock(&priv->lock);
	}
	pthread_mutex_unlock(&buses_lock);
}
