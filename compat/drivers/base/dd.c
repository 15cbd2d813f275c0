// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/dd.c - binding drivers to devices, with the
 * behaviour of drivers/base/dd.c of 6.1:
 *  - a device added to a bus is offered to the bus's drivers in their
 *    registration order; a registered driver is offered every device on
 *    its bus in their order; the bus's match() decides (no match() means
 *    every pair matches), -EPROBE_DEFER from match() defers the device;
 *  - probing, under device_lock(): a device that already has managed
 *    resources is refused ("Resources present before probing", -EBUSY);
 *    dev->driver is set, the bus's dma_configure() runs,
 *    BUS_NOTIFY_BIND_DRIVER is sent, then bus->probe (else drv->probe);
 *    on success the device is bound (BUS_NOTIFY_BOUND_DRIVER); on error
 *    "<drv>: probe of <dev> failed with error <n>" (quiet for -ENODEV and
 *    -ENXIO, which mean "not mine"), BUS_NOTIFY_DRIVER_NOT_BOUND, the
 *    device's managed resources released, dev->driver and drvdata NULL,
 *    and the next matching driver tries;
 *  - -EPROBE_DEFER puts the device on the deferred list; every successful
 *    bind retries the deferred devices (the kernel does it from a work
 *    item; kshim at once, before the binding call returns, so a test sees
 *    the outcome without waiting);
 *  - unbinding (device_release_driver(), driver_unregister(), device_del()):
 *    BUS_NOTIFY_UNBIND_DRIVER, bus->remove (else drv->remove), the bus's
 *    dma_cleanup(), the managed resources released last-added first,
 *    dev->driver and drvdata NULL, BUS_NOTIFY_UNBOUND_DRIVER;
 *  - device_driver_attach() binds one given driver (probe errors as
 *    negative errnos, -EPROBE_DEFER as -EAGAIN), device_bind_driver()
 *    binds without probe.
 * Probing is always synchronous, in the calling task (process context).
 * kshim's own: after remove() (or a failed probe) and the release of the
 * managed resources, the unbind check (compat/kernel/irq/devres.c) reports
 * what the driver acquired without devres and still holds.
 */
#include <pthread.h>
#include <stdlib.h>

#include <linux/device.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <kshim/device.h>

#include "base.h"
#include "binding.h"

/* The deferred-probe list (kshim_device_private.deferred). */
static pthread_mutex_t deferred_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(deferred_devices);
/* Set while the deferred list is being retried (no nested retries). */
static bool retrying;
static bool retry_again;

int driver_deferred_probe_timeout;
EXPORT_SYMBOL_GPL(driver_deferred_probe_timeout);

static void deferred_retry(void);

int kshim_driver_match(struct device_driver *drv, struct device *dev)
{
	return drv->bus->match ? drv->bus->match(dev, drv) : 1;
}

void driver_deferred_probe_add(struct device *dev)
{
	struct kshim_device_private *p = dev->kshim_p;

	if (!p)
		return;
	pthread_mutex_lock(&deferred_lock);
	if (list_empty(&p->deferred)) {
		dev_dbg(dev, "Added to deferred list\n");
		list_add_tail(&p->deferred, &deferred_devices);
	}
	pthread_mutex_unlock(&deferred_lock);
}

void kshim_deferred_probe_del(struct device *dev)
{
	struct kshim_device_private *p = dev->kshim_p;

	if (!p)
		return;
	pthread_mutex_lock(&deferred_lock);
	if (!list_empty(&p->deferred)) {
		dev_dbg(dev, "Removed from deferred list\n");
		list_del_init(&p->deferred);
	}
	pthread_mutex_unlock(&deferred_lock);
}

void kshim_deferred_probe_forget(void)
{
	pthread_mutex_lock(&deferred_lock);
	INIT_LIST_HEAD(&deferred_devices);
	pthread_mutex_unlock(&deferred_lock);
}

/*
 * Without a deferred probe timeout (kshim's configuration: no
 * CONFIG_MODULES-style wait for late drivers), a missing optional
 * supplier means "try later".
 */
int driver_deferred_probe_check_state(struct device *dev)
{
	return -EPROBE_DEFER;
}
EXPORT_SYMBOL_GPL(driver_deferred_probe_check_state);

bool device_is_bound(struct device *dev)
{
	return dev->driver && dev->driver->p &&
	       !list_empty(&dev->kshim_drv_node);
}
EXPORT_SYMBOL_GPL(device_is_bound);

/* The device now belongs to dev->driver: list it, tell the bus. */
static void driver_bound(struct device *dev)
{
	struct subsys_private *bp = dev->bus->p;

	if (device_is_bound(dev)) {
		pr_warn("%s: device %s already bound\n", __func__,
			kobject_name(&dev->kobj));
		return;
	}
	pr_debug("driver: '%s': %s: bound to device '%s'\n",
		 dev->driver->name, __func__, dev_name(dev));
	pthread_mutex_lock(&bp->lock);
	list_add_tail(&dev->kshim_drv_node, &dev->driver->p->devices);
	pthread_mutex_unlock(&bp->lock);
	kshim_deferred_probe_del(dev);
	kshim_bus_notify(dev, BUS_NOTIFY_BOUND_DRIVER);
}

/* What unbinding and a failed probe share: resources go, fields reset. */
static void unbind_cleanup(struct device *dev)
{
	devres_release_all(dev);
	dev->driver = NULL;
	dev_set_drvdata(dev, NULL);
}

static int call_probe(struct device *dev, struct device_driver *drv)
{
	int ret = 0;

	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);

	if (ret == -EPROBE_DEFER)
		dev_dbg(dev, "Driver %s requests probe deferral\n", drv->name);
	else if (ret == -ENODEV || ret == -ENXIO)
		pr_debug("%s: probe of %s rejects match %d\n", drv->name,
			 dev_name(dev), ret);
	else if (ret)
		pr_warn("%s: probe of %s failed with error %d\n", drv->name,
			dev_name(dev), ret);
	return ret;
}

/* Probe @dev with @drv; device_lock(dev) held.  Probe errors positive. */
static int really_probe(struct device *dev, struct device_driver *drv)
{
	int ret;

	pr_debug("bus: '%s': %s: probing driver %s with device %s\n",
		 drv->bus->name, __func__, drv->name, dev_name(dev));
	if (!list_empty(&dev->devres_head)) {
		dev_crit(dev, "Resources present before probing\n");
		return -EBUSY;
	}

	dev->driver = drv;
	if (dev->bus->dma_configure) {
		ret = dev->bus->dma_configure(dev);
		if (ret) {
			unbind_cleanup(dev);
			return ret;
		}
	}
	/* driver_sysfs_add() */
	kshim_bus_notify(dev, BUS_NOTIFY_BIND_DRIVER);
	kshim_unbind_snapshot(dev);

	ret = call_probe(dev, drv);
	if (ret) {
		kshim_bus_notify(dev, BUS_NOTIFY_DRIVER_NOT_BOUND);
		if (dev->bus->dma_cleanup)
			dev->bus->dma_cleanup(dev);
		unbind_cleanup(dev);
		kshim_unbind_check(dev, drv, true);
		return -ret;
	}

	driver_bound(dev);
	pr_debug("bus: '%s': %s: bound device %s to driver %s\n",
		 drv->bus->name, __func__, dev_name(dev), drv->name);
	return 0;
}

/* device_lock(dev) held: 0 bound, -errno, or a positive probe error. */
static int probe_locked(struct device_driver *drv, struct device *dev)
{
	if (!dev->kshim_p || dev->kshim_p->dead || !device_is_registered(dev))
		return -ENODEV;
	if (dev->driver)
		return -EBUSY;
	pr_debug("bus: '%s': %s: matched device %s with driver %s\n",
		 drv->bus->name, __func__, dev_name(dev), drv->name);
	return really_probe(dev, drv);
}

static int driver_probe_device(struct device_driver *drv, struct device *dev)
{
	int ret = probe_locked(drv, dev);

	if (ret == -EPROBE_DEFER || ret == EPROBE_DEFER)
		driver_deferred_probe_add(dev);
	return ret;
}

/* Offer @dev to the drivers of its bus; 1 if it got one, else 0. */
static int attach_device(struct device *dev)
{
	struct device_driver **drvs;
	size_t nr, i;
	int ret = 0;

	device_lock(dev);
	if (dev->kshim_p && dev->kshim_p->dead) {
		ret = -ENODEV;
	} else if (dev->driver) {
		if (device_is_bound(dev)) {
			ret = 1;
		} else {
			ret = device_bind_driver(dev) ? 0 : 1;
		}
	} else {
		drvs = kshim_bus_snapshot_drivers(dev->bus, &nr);
		for (i = 0; i < nr; i++) {
			int m = kshim_driver_match(drvs[i], dev);

			if (m == 0)
				continue;
			if (m == -EPROBE_DEFER) {
				dev_dbg(dev, "Device match requests probe deferral\n");
				driver_deferred_probe_add(dev);
				ret = m;
				break;
			}
			if (m < 0) {
				dev_dbg(dev, "Bus failed to match device: %d\n",
					m);
				ret = m;
				break;
			}
			m = driver_probe_device(drvs[i], dev);
			if (m == 0) {
				ret = 1;
				break;
			}
			if (m < 0) {
				ret = m;
				break;
			}
			/* a probe error: the next driver may try */
		}
		free(drvs);
		if (ret == -EPROBE_DEFER)
			ret = 0;
	}
	device_unlock(dev);
	if (ret == 1)
		deferred_retry();
	return ret;
}

int device_attach(struct device *dev)
{
	return attach_device(dev);
}
EXPORT_SYMBOL_GPL(device_attach);

void device_initial_probe(struct device *dev)
{
	attach_device(dev);
}

int device_reprobe(struct device *dev)
{
	if (dev->driver)
		device_release_driver(dev);
	return attach_device(dev);
}
EXPORT_SYMBOL_GPL(device_reprobe);

int device_bind_driver(struct device *dev)
{
	if (!dev->driver || !dev->driver->p)
		return -EINVAL;
	kshim_bus_notify(dev, BUS_NOTIFY_BIND_DRIVER);
	driver_bound(dev);
	return 0;
}
EXPORT_SYMBOL_GPL(device_bind_driver);

int device_driver_attach(struct device_driver *drv, struct device *dev)
{
	int ret;

	device_lock(dev);
	ret = probe_locked(drv, dev);
	device_unlock(dev);
	if (ret == 0)
		deferred_retry();
	/* probe errors as the usual negative errnos */
	if (ret > 0)
		ret = -ret;
	if (ret == -EPROBE_DEFER)
		return -EAGAIN;
	return ret;
}
EXPORT_SYMBOL_GPL(device_driver_attach);

int driver_attach(struct device_driver *drv)
{
	struct device **devs;
	size_t nr, i;
	bool bound = false;

	devs = kshim_bus_snapshot_devices(drv->bus, &nr);
	for (i = 0; i < nr; i++) {
		struct device *dev = devs[i];
		int m = kshim_driver_match(drv, dev);

		if (m == 0)
			continue;
		if (m == -EPROBE_DEFER) {
			dev_dbg(dev, "Device match requests probe deferral\n");
			driver_deferred_probe_add(dev);
			continue;
		}
		if (m < 0) {
			dev_dbg(dev, "Bus failed to match device: %d\n", m);
			continue;
		}
		device_lock(dev);
		if (driver_probe_device(drv, dev) == 0)
			bound = true;
		device_unlock(dev);
	}
	kshim_put_devices(devs, nr);
	if (bound)
		deferred_retry();
	return 0;
}
EXPORT_SYMBOL_GPL(driver_attach);

/* device_lock(dev) held. */
static void release_driver_locked(struct device *dev)
{
	struct device_driver *drv = dev->driver;
	struct subsys_private *bp;

	if (!drv)
		return;
	kshim_bus_notify(dev, BUS_NOTIFY_UNBIND_DRIVER);

	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	if (dev->bus && dev->bus->dma_cleanup)
		dev->bus->dma_cleanup(dev);

	unbind_cleanup(dev);
	bp = dev->bus ? dev->bus->p : NULL;
	if (bp) {
		pthread_mutex_lock(&bp->lock);
		list_del_init(&dev->kshim_drv_node);
		pthread_mutex_unlock(&bp->lock);
	} else {
		list_del_init(&dev->kshim_drv_node);
	}
	kshim_unbind_check(dev, drv, false);
	kshim_bus_notify(dev, BUS_NOTIFY_UNBOUND_DRIVER);
}

void device_release_driver(struct device *dev)
{
	device_lock(dev);
	release_driver_locked(dev);
	device_unlock(dev);
}
EXPORT_SYMBOL_GPL(device_release_driver);

/* driver_detach(): unbind every device bound to @drv, last bound first. */
void kshim_driver_detach(struct device_driver *drv)
{
	struct subsys_private *bp = drv->bus->p;
	struct device *dev;

	if (!bp || !drv->p)
		return;
	for (;;) {
		pthread_mutex_lock(&bp->lock);
		if (list_empty(&drv->p->devices)) {
			pthread_mutex_unlock(&bp->lock);
			break;
		}
		dev = list_last_entry(&drv->p->devices, struct device,
				      kshim_drv_node);
		get_device(dev);
		pthread_mutex_unlock(&bp->lock);
		device_lock(dev);
		if (dev->driver == drv)
			release_driver_locked(dev);
		else
			list_del_init(&dev->kshim_drv_node);
		device_unlock(dev);
		put_device(dev);
	}
}

/*
 * Offer every deferred device to the drivers again, until a round binds
 * nothing new.  A bind during the retry asks for another round instead
 * of retrying recursively.
 */
static void deferred_retry(void)
{
	struct kshim_device_private *p;
	struct device **devs;
	size_t nr, i;

	pthread_mutex_lock(&deferred_lock);
	if (retrying) {
		retry_again = true;
		pthread_mutex_unlock(&deferred_lock);
		return;
	}
	retrying = true;
	do {
		retry_again = false;
		nr = 0;
		list_for_each_entry(p, &deferred_devices, deferred)
			nr++;
		if (!nr)
			break;
		devs = calloc(nr, sizeof(*devs));
		if (!devs)
			abort();
		i = 0;
		list_for_each_entry(p, &deferred_devices, deferred)
			devs[i++] = get_device(p->dev);
		pthread_mutex_unlock(&deferred_lock);
		for (i = 0; i < nr; i++) {
			dev_dbg(devs[i], "Retrying from deferred list\n");
			kshim_deferred_probe_del(devs[i]);
			attach_device(devs[i]);
		}
		kshim_put_devices(devs, nr);
		pthread_mutex_lock(&deferred_lock);
	} while (retry_again);
	retrying = false;
	pthread_mutex_unlock(&deferred_lock);
}

int driver_probe_done(void)
{
	return 0;
}
EXPORT_SYMBOL_GPL(driver_probe_done);

/* Probing is synchronous: nothing is ever in flight. */
void wait_for_device_probe(void)
{
}
EXPORT_SYMBOL_GPL(wait_for_device_probe);

/* ---- the test side (kshim/device.h) ---- */

int kshim_device_bind(struct device *dev, const char *name)
{
	struct device_driver *drv = dev->bus ? driver_find(name, dev->bus)
					     : NULL;

	if (!drv || kshim_driver_match(drv, dev) <= 0)
		return -ENODEV;
	return device_driver_attach(drv, dev);
}

void kshim_device_unbind(struct device *dev)
{
	device_release_driver(dev);
}

const char *kshim_device_driver(struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	return drv ? drv->name : NULL;
}

void kshim_device_unplug(struct device *dev)
{
	if (dev->bus && dev->bus->kshim_unplug)
		dev->bus->kshim_unplug(dev);
	else
		device_unregister(dev);
}
