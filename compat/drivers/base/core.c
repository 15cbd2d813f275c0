// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/core.c - struct device registration and lifetime,
 * as drivers/base/core.c (with lib/kobject.c's reference counting) of
 * 6.1, for the subset linux/device.h describes:
 *  - device_initialize() makes the count 1 and readies the devres list;
 *    device_add() names the device from init_name, refuses a nameless one
 *    (-EINVAL), holds a reference to its parent and marks it registered;
 *    device_del() releases the managed resources and drops the parent;
 *  - put_device() of the last reference releases the managed resources
 *    left, then calls dev->release, else dev->type->release, else WARNs as
 *    device_release(); the name is freed after the release, as
 *    kobject_cleanup() does;
 *  - root_device_register() allocates, names and registers a device
 *    that frees itself on its last put.
 * Reports name the caller's line (the API is macros, see linux/device.h).
 * kshim's own: devices between device_add() and device_del() are counted
 * on the ledger ("registered devices"), which names where each was added.
 * No sysfs: names are not checked for duplicates.
 */
#include <pthread.h>

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <kshim/ledger.h>

#include "base.h"
#include "kshim/internal.h"
#include "lib/fault-inject.h"

/*
 * func=device_add: kobject_add() failing (its name, its sysfs directory):
 * kobject_add_internal()'s message, then device_add()'s unwind; the
 * caller still holds its reference and must put_device().
 */
static const int device_add_errors[] = { -ENOMEM, 0 };
struct fault_point kshim_fail_device_add_point =
	FAULT_POINT_INIT("fail_device_add", "device_add", "device_register",
			 device_add_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_DEVICE_ADD],
			 true);

static pthread_mutex_t devices_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(devices);		/* between device_add() and _del() */
static long nr_registered;

#define MAX_LEAK_LINES 16


#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt)

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	const char *old = dev->kobj.name;
	va_list ap;
	char *name;

	va_start(ap, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!name)
		return -ENOMEM;
	/* A '/' would be a sysfs directory: kobject names use '!'. */
	strreplace(name, '/', '!');
	dev->kobj.name = name;
	kfree(old);
	return 0;
}
EXPORT_SYMBOL_GPL(dev_set_name);

void device_initialize(struct device *dev)
{
	kref_init(&dev->kobj.kref);
	INIT_LIST_HEAD(&dev->kobj.entry);
	dev->kobj.state_initialized = 1;
	mutex_init(&dev->mutex);
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->devres_head);
	INIT_LIST_HEAD(&dev->kshim_node);
	INIT_LIST_HEAD(&dev->kshim_bus_node);
	INIT_LIST_HEAD(&dev->kshim_drv_node);
	INIT_LIST_HEAD(&dev->dma_pools);
}
EXPORT_SYMBOL_GPL(device_initialize);

struct device *__kshim_get_device(struct device *dev,
				  const struct kshim_site *site)
{
	if (!dev)
		return NULL;
	if (!dev->kobj.state_initialized)
		warn_at(site, KERN_WARNING "kobject: '%s' (%p): is not initialized, yet kobject_get() is being called.\n",
			kobject_name(&dev->kobj), &dev->kobj);
	__kshim_refcount_add(1, &dev->kobj.kref.refcount, NULL, site);
	return dev;
}

/* device_release() and kobject_cleanup(): the last reference is gone. */
static void device_release(struct device *dev, const struct kshim_site *site)
{
	const char *name = dev->kobj.name;

	/* A device used without a driver may still hold resources. */
	devres_release_all(dev);

	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else
		warn_at(site, KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed. See Documentation/core-api/kobject.rst.\n",
			dev_name(dev));
	kfree(name);
}

void __kshim_put_device(struct device *dev, const struct kshim_site *site)
{
	if (!dev)
		return;
	if (!dev->kobj.state_initialized)
		warn_at(site, KERN_WARNING "kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
			kobject_name(&dev->kobj), &dev->kobj);
	if (__kshim_refcount_sub_and_test(1, &dev->kobj.kref.refcount, NULL,
					  site))
		device_release(dev, site);
}

int __kshim_device_add(struct device *dev, const struct kshim_site *site)
{
	struct device *parent;
	int error = -EINVAL;

	dev = __kshim_get_device(dev, site);
	if (!dev)
		return error;

	if (dev->init_name) {
		error = dev_set_name(dev, "%s", dev->init_name);
		dev->init_name = NULL;
		if (error)
			goto out;
	}
	if (!dev_name(dev)) {
		error = -EINVAL;
		goto out;
	}

	parent = __kshim_get_device(dev->parent, site);
	error = fault_check(&kshim_fail_device_add_point, GFP_KERNEL, site);
	if (error) {
		pr_err("kobject_add_internal failed for %s (error: %d parent: %s)\n",
		       dev_name(dev), error,
		       parent ? dev_name(parent) : "'none'");
		__kshim_put_device(parent, site);
		goto out;
	}
	/* kshim (class.c): the name in its class, the node of a devt */
	error = kshim_device_add_node(dev);
	if (error) {
		__kshim_put_device(parent, site);
		goto out;
	}
	dev->kobj.parent = parent ? &parent->kobj : NULL;
	dev->kobj.state_in_sysfs = 1;
	dev->kshim_add_site = site;
	pthread_mutex_lock(&devices_lock);
	list_add_tail(&dev->kshim_node, &devices);
	nr_registered++;
	pthread_mutex_unlock(&devices_lock);
	/* its bus (bus.c): listed, BUS_NOTIFY_ADD_DEVICE, a driver bound */
	kshim_bus_add_device(dev);
	kshim_bus_probe_device(dev);
	error = 0;
out:
	__kshim_put_device(dev, site);
	return error;
}

int __kshim_device_register(struct device *dev,
			    const struct kshim_site *site)
{
	device_initialize(dev);
	return __kshim_device_add(dev, site);
}

void __kshim_device_del(struct device *dev, const struct kshim_site *site)
{
	struct device *parent = dev->parent;

	/* bus.c: BUS_NOTIFY_DEL_DEVICE, off the bus, its driver unbound */
	if (dev->kobj.state_in_sysfs)
		kshim_bus_del_device(dev);
	if (dev->kobj.state_in_sysfs) {
		pthread_mutex_lock(&devices_lock);
		list_del_init(&dev->kshim_node);
		nr_registered--;
		pthread_mutex_unlock(&devices_lock);
		kshim_device_del_node(dev);	/* kshim (class.c) */
	}
	devres_release_all(dev);
	if (dev->kobj.state_in_sysfs) {
		dev->kobj.state_in_sysfs = 0;
		dev->kobj.parent = NULL;
		kshim_bus_removed_device(dev);	/* BUS_NOTIFY_REMOVED_DEVICE */
		__kshim_put_device(parent, site);
	}
}

void __kshim_device_unregister(struct device *dev,
			       const struct kshim_site *site)
{
	__kshim_device_del(dev, site);
	__kshim_put_device(dev, site);
}

struct root_device {
	struct device dev;
	struct module *owner;
};

static void root_device_release(struct device *dev)
{
	kfree(container_of(dev, struct root_device, dev));
}

struct device *__kshim_root_device_register(const char *name,
					    struct module *owner,
					    const struct kshim_site *site)
{
	struct root_device *root;
	int err;

	root = __kshim_kmalloc(sizeof(*root), GFP_KERNEL | __GFP_ZERO,
			       NUMA_NO_NODE, site);
	if (!root)
		return ERR_PTR(-ENOMEM);
	err = dev_set_name(&root->dev, "%s", name);
	if (err) {
		__kshim_kfree(root, site);
		return ERR_PTR(err);
	}
	root->dev.release = root_device_release;
	err = __kshim_device_register(&root->dev, site);
	if (err) {
		__kshim_put_device(&root->dev, site);
		return ERR_PTR(err);
	}
	root->owner = owner;
	return &root->dev;
}

void __kshim_root_device_unregister(struct device *dev,
				    const struct kshim_site *site)
{
	__kshim_device_unregister(dev, site);
}

/* The real functions, for callers that take their address. */
#undef device_add
#undef device_register
#undef device_del
#undef device_unregister
#undef get_device
#undef put_device
#undef __root_device_register
#undef root_device_unregister

int device_add(struct device *dev)
{
	return __kshim_device_add(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(device_add);

int device_register(struct device *dev)
{
	return __kshim_device_register(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(device_register);

void device_del(struct device *dev)
{
	__kshim_device_del(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(device_del);

void device_unregister(struct device *dev)
{
	__kshim_device_unregister(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(device_unregister);

struct device *get_device(struct device *dev)
{
	return __kshim_get_device(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(get_device);

void put_device(struct device *dev)
{
	__kshim_put_device(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(put_device);

struct device *__root_device_register(const char *name, struct module *owner)
{
	return __kshim_root_device_register(name, owner, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(__root_device_register);

void root_device_unregister(struct device *dev)
{
	__kshim_root_device_unregister(dev, __KSHIM_CALLSITE);
}
EXPORT_SYMBOL_GPL(root_device_unregister);

/* ---- the ledger ---- */

static long ledger_devices(void *arg)
{
	long n;

	pthread_mutex_lock(&devices_lock);
	n = nr_registered;
	pthread_mutex_unlock(&devices_lock);
	return n;
}

static void explain_devices(void *arg)
{
	struct device *dev;
	unsigned long n = 0;

	pthread_mutex_lock(&devices_lock);
	list_for_each_entry(dev, &devices, kshim_node) {
		const struct kshim_site *s = dev->kshim_add_site;

		if (n++ < MAX_LEAK_LINES)
			printk(KERN_ERR "kshim: device '%s' registered at %s:%d (%s) was never unregistered\n",
			       dev_name(dev), kshim_site_file(s),
			       kshim_site_line(s), kshim_site_func(s));
	}
	pthread_mutex_unlock(&devices_lock);
	if (n > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more device(s)\n",
		       n - MAX_LEAK_LINES);
}

void kshim_devices_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	kshim_ledger_add("registered devices", ledger_devices,
			 explain_devices, NULL);
}
