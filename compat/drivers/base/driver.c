// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/driver.c - registering drivers, as drivers/base/
 * driver.c and the driver half of bus.c of 6.1 (see linux/device/
 * driver.h): driver_register() checks the bus is registered, warns about
 * a driver with both bus and driver methods, refuses a name already on
 * the bus (-EBUSY), then adds the driver and binds the devices it matches;
 * driver_unregister() takes it off the bus first, then unbinds its
 * devices (each: remove(), then its managed resources).
 * kshim's own: the "registered drivers" ledger entry.
 */
#include <pthread.h>
#include <stdlib.h>

#include <linux/device.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kshim/ledger.h>

#include "base.h"
#include "binding.h"

#define MAX_LEAK_LINES 16

static pthread_mutex_t drivers_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(all_drivers);
static long nr_drivers;

static int match_driver_name(struct device_driver *drv, void *name)
{
	return !strcmp(drv->name, name);
}

struct device_driver *driver_find(const char *name, struct bus_type *bus)
{
	struct device_driver **drvs, *found = NULL;
	size_t nr, i;

	drvs = kshim_bus_snapshot_drivers(bus, &nr);
	for (i = 0; i < nr && !found; i++)
		if (match_driver_name(drvs[i], (void *)name))
			found = drvs[i];
	free(drvs);
	return found;
}
EXPORT_SYMBOL_GPL(driver_find);

int __kshim_driver_register(struct device_driver *drv,
			    const struct kshim_site *site)
{
	struct subsys_private *bp;
	struct driver_private *priv;

	if (!drv->bus->p) {
		pr_err("Driver '%s' was unable to register with bus_type '%s' because the bus was not initialized.\n",
		       drv->name, drv->bus->name);
		return -EINVAL;
	}
	bp = drv->bus->p;

	if ((drv->bus->probe && drv->probe) ||
	    (drv->bus->remove && drv->remove) ||
	    (drv->bus->shutdown && drv->shutdown))
		pr_warn("Driver '%s' needs updating - please use bus_type methods\n",
			drv->name);

	if (driver_find(drv->name, drv->bus)) {
		pr_err("Error: Driver '%s' is already registered, aborting...\n",
		       drv->name);
		return -EBUSY;
	}

	/* bus_add_driver() */
	priv = calloc(1, sizeof(*priv));
	if (!priv)
		return -ENOMEM;
	priv->driver = drv;
	priv->site = site;
	INIT_LIST_HEAD(&priv->devices);
	drv->p = priv;
	pr_debug("bus: '%s': add driver %s\n", drv->bus->name, drv->name);
	pthread_mutex_lock(&bp->lock);
	list_add_tail(&priv->node, &bp->drivers);
	pthread_mutex_unlock(&bp->lock);
	pthread_mutex_lock(&drivers_lock);
	list_add_tail(&priv->all, &all_drivers);
	nr_drivers++;
	pthread_mutex_unlock(&drivers_lock);

	if (bp->drivers_autoprobe)
		return driver_attach(drv);
	return 0;
}
EXPORT_SYMBOL_GPL(__kshim_driver_register);

void __kshim_driver_unregister(struct device_driver *drv,
			       const struct kshim_site *site)
{
	struct driver_private *priv;
	struct subsys_private *bp;

	if (!drv || !drv->p) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, "Unexpected driver unregister!\n");
		return;
	}
	priv = drv->p;
	bp = drv->bus->p;
	pr_debug("bus: '%s': remove driver %s\n", drv->bus->name, drv->name);
	if (bp) {
		pthread_mutex_lock(&bp->lock);
		list_del(&priv->node);
		pthread_mutex_unlock(&bp->lock);
	}
	kshim_driver_detach(drv);
	pthread_mutex_lock(&drivers_lock);
	list_del(&priv->all);
	nr_drivers--;
	pthread_mutex_unlock(&drivers_lock);
	drv->p = NULL;
	free(priv);
}
EXPORT_SYMBOL_GPL(__kshim_driver_unregister);

/* The devices bound to @drv, each with a reference the caller puts. */
static struct device **snapshot_bound(struct device_driver *drv, size_t *nr)
{
	struct subsys_private *bp = drv->bus->p;
	struct device **devs, *dev;
	size_t n = 0;

	*nr = 0;
	if (!drv->p || !bp)
		return NULL;
	pthread_mutex_lock(&bp->lock);
	list_for_each_entry(dev, &drv->p->devices, kshim_drv_node)
		n++;
	devs = calloc(n ? n : 1, sizeof(*devs));
	if (!devs)
		abort();
	n = 0;
	list_for_each_entry(dev, &drv->p->devices, kshim_drv_node)
		devs[n++] = get_device(dev);
	pthread_mutex_unlock(&bp->lock);
	*nr = n;
	return devs;
}

int driver_for_each_device(struct device_driver *drv, struct device *start,
			   void *data, int (*fn)(struct device *, void *))
{
	struct device **devs;
	size_t nr, i = 0;
	int error = 0;

	if (!drv)
		return -EINVAL;
	devs = snapshot_bound(drv, &nr);
	if (start) {
		while (i < nr && devs[i] != start)
			i++;
		i++;
	}
	for (; i < nr && !error; i++)
		error = fn(devs[i], data);
	kshim_put_devices(devs, nr);
	return error;
}
EXPORT_SYMBOL_GPL(driver_for_each_device);

struct device *driver_find_device(struct device_driver *drv,
				  struct device *start, const void *data,
				  int (*match)(struct device *dev, const void *data))
{
	struct device **devs, *found = NULL;
	size_t nr, i = 0;

	if (!drv)
		return NULL;
	devs = snapshot_bound(drv, &nr);
	if (start) {
		while (i < nr && devs[i] != start)
			i++;
		i++;
	}
	for (; i < nr; i++) {
		if (match(devs[i], data)) {
			found = get_device(devs[i]);
			break;
		}
	}
	kshim_put_devices(devs, nr);
	return found;
}
EXPORT_SYMBOL_GPL(driver_find_device);

/*
 * Set (or with "" or "\n", clear) a driver override string such as
 * platform_device.driver_override: only the driver of that name may bind.
 */
int driver_set_override(struct device *dev, const char **override,
			const char *s, size_t len)
{
	const char *replaced, *nl;
	char *copy = NULL;

	if (!override || !s)
		return -EINVAL;
	if (len >= PAGE_SIZE - 1)
		return -EINVAL;
	/* Trailing NULs (a sysfs write) do not count. */
	len = strlen(s);
	nl = len ? strnchr(s, len, '\n') : NULL;
	if (nl)
		len = nl - s;
	if (len) {
		copy = kstrndup(s, len, GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
	}
	device_lock(dev);
	replaced = *override;
	*override = copy;
	device_unlock(dev);
	kfree(replaced);
	return 0;
}
EXPORT_SYMBOL_GPL(driver_set_override);

/* The real functions, for callers that take their address. */
#undef driver_register
#undef driver_unregister
int driver_register(struct device_driver *drv)
{
	return __kshim_driver_register(drv, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(driver_register);

void driver_unregister(struct device_driver *drv)
{
	__kshim_driver_unregister(drv, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(driver_unregister);

/* ---- the ledger ---- */

static long ledger_drivers(void *arg)
{
	long n;

	pthread_mutex_lock(&drivers_lock);
	n = nr_drivers;
	pthread_mutex_unlock(&drivers_lock);
	return n;
}

static void explain_drivers(void *arg)
{
	struct driver_private *priv;
	unsigned long n = 0;

	pthread_mutex_lock(&drivers_lock);
	list_for_each_entry(priv, &all_drivers, all) {
		const struct kshim_site *s = priv->site;
		struct device_driver *drv = priv->driver;
		struct device *dev;

		if (n++ >= MAX_LEAK_LINES)
			continue;
		printk(KERN_ERR "kshim: driver '%s' (bus %s) registered at %s:%d (%s) was never unregistered\n",
		       drv->name, drv->bus->name, kshim_site_file(s),
		       kshim_site_line(s), kshim_site_func(s));
		list_for_each_entry(dev, &priv->devices, kshim_drv_node)
			printk(KERN_ERR "kshim:   still bound to %s %s\n",
			       dev_bus_name(dev), dev_name(dev));
	}
	pthread_mutex_unlock(&drivers_lock);
	if (n > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more driver(s)\n",
		       n - MAX_LEAK_LINES);
}

void kshim_bus_forget_all(void);
void kshim_platform_init(void);

void kshim_driver_core_init(void)
{
	static bool registered;

	kshim_platform_init();
	if (registered)
		return;
	registered = true;
	kshim_ledger_add("registered drivers", ledger_drivers,
			 explain_drivers, NULL);
}

/* A reboot: what a test left registered is forgotten (already reported). */
void kshim_driver_core_exit(void)
{
	pthread_mutex_lock(&drivers_lock);
	INIT_LIST_HEAD(&all_drivers);
	nr_drivers = 0;
	pthread_mutex_unlock(&drivers_lock);
	kshim_bus_forget_all();
	kshim_deferred_probe_forget();
}
