/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/device/bus.h - buses of the device model.
 *
 * Follows include/linux/device/bus.h of 6.1 (compat/drivers/base/bus.c
 * implements it; no sysfs, so no attributes, no uevents; nothing calls
 * the power management callbacks):
 *  - struct bus_type: name, dev_name, match, probe, remove, shutdown,
 *    dma_configure/dma_cleanup, need_parent_lock; bus_register() and
 *    bus_unregister(); a driver registered on a bus that was never
 *    registered fails with the kernel's "bus was not initialized" error;
 *  - bus_for_each_dev()/bus_find_device() (+ the _by_name/_by_devt
 *    helpers and the device_match_*() functions), bus_for_each_drv(),
 *    bus_rescan_devices();
 *  - bus notifiers: bus_register_notifier()/bus_unregister_notifier()
 *    and BUS_NOTIFY_*, sent at the same points as the kernel (add/delete
 *    of a device, before and after binding and unbinding, failed probe).
 * kshim's own: @kshim_irq, set by a bus that knows its devices' interrupt
 * lines (the platform bus: its IRQ resources; PCI: its vectors), returns
 * the @n-th line of a device or a negative errno; the test side's
 * kshim_device_raise_irq() and the unbind check use it; @kshim_resource
 * returns its @n-th resource (the unbind check looks for ioremaps of the
 * memory ones still live); @kshim_unplug removes a device as its bus
 * does on hot-unplug (kshim_device_unplug(); default: device_unregister()).
 */
#ifndef _DEVICE_BUS_H_
#define _DEVICE_BUS_H_

#include <linux/kobject.h>
#include <linux/pm.h>
#include <linux/types.h>

struct attribute_group;
struct device;
struct device_driver;
struct dev_pm_ops;
struct fwnode_handle;
struct iommu_ops;
struct kobj_uevent_env;
struct resource;
struct subsys_private;

struct bus_type {
	const char		*name;
	const char		*dev_name;
	struct device		*dev_root;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;

	int (*match)(struct device *dev, struct device_driver *drv);
	int (*uevent)(struct device *dev, struct kobj_uevent_env *env);
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);

	int (*online)(struct device *dev);
	int (*offline)(struct device *dev);

	int (*suspend)(struct device *dev, pm_message_t state);
	int (*resume)(struct device *dev);

	int (*num_vf)(struct device *dev);

	int (*dma_configure)(struct device *dev);
	void (*dma_cleanup)(struct device *dev);

	const struct dev_pm_ops *pm;

	const struct iommu_ops *iommu_ops;

	struct subsys_private *p;

	bool need_parent_lock;

	/* kshim: the @n-th interrupt line of @dev, or a negative errno */
	int (*kshim_irq)(struct device *dev, unsigned int n);
	/* kshim: the @n-th resource of @dev (memory, I/O...), or NULL */
	struct resource *(*kshim_resource)(struct device *dev, unsigned int n);
	/* kshim: hot-unplug @dev (kshim_device_unplug()); NULL: unregister */
	void (*kshim_unplug)(struct device *dev);
};

extern int __must_check bus_register(struct bus_type *bus);

extern void bus_unregister(struct bus_type *bus);

extern int __must_check bus_rescan_devices(struct bus_type *bus);

/* Generic device matching functions that all busses can use to match with */
int device_match_name(struct device *dev, const void *name);
int device_match_fwnode(struct device *dev, const void *fwnode);
int device_match_devt(struct device *dev, const void *pdevt);
int device_match_any(struct device *dev, const void *unused);

int bus_for_each_dev(struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data));
struct device *bus_find_device(struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data));

/* Find the device on @bus with name @name (a reference is taken). */
static inline struct device *bus_find_device_by_name(struct bus_type *bus,
						     struct device *start,
						     const char *name)
{
	return bus_find_device(bus, start, name, device_match_name);
}

static inline struct device *
bus_find_device_by_fwnode(struct bus_type *bus, const struct fwnode_handle *fwnode)
{
	return bus_find_device(bus, NULL, fwnode, device_match_fwnode);
}

static inline struct device *bus_find_device_by_devt(struct bus_type *bus,
						     dev_t devt)
{
	return bus_find_device(bus, NULL, &devt, device_match_devt);
}

static inline struct device *
bus_find_next_device(struct bus_type *bus, struct device *cur)
{
	return bus_find_device(bus, cur, NULL, device_match_any);
}

int bus_for_each_drv(struct bus_type *bus, struct device_driver *start,
		     void *data, int (*fn)(struct device_driver *, void *));

/*
 * Bus notifiers: Get notified of addition/removal of devices
 * and binding/unbinding of drivers to devices.
 * In the long run, it should be a replacement for the platform
 * notify hooks.
 */
struct notifier_block;

extern int bus_register_notifier(struct bus_type *bus,
				 struct notifier_block *nb);
extern int bus_unregister_notifier(struct bus_type *bus,
				   struct notifier_block *nb);

/* All 4 notifers below get called with the target struct device *
 * as an argument. Note that those functions are likely to be called
 * with the device lock held in the core, so be careful.
 */
#define BUS_NOTIFY_ADD_DEVICE		0x00000001 /* device added */
#define BUS_NOTIFY_DEL_DEVICE		0x00000002 /* device to be removed */
#define BUS_NOTIFY_REMOVED_DEVICE	0x00000003 /* device removed */
#define BUS_NOTIFY_BIND_DRIVER		0x00000004 /* driver about to be
						      bound */
#define BUS_NOTIFY_BOUND_DRIVER		0x00000005 /* driver bound to device */
#define BUS_NOTIFY_UNBIND_DRIVER	0x00000006 /* driver about to be
						      unbound */
#define BUS_NOTIFY_UNBOUND_DRIVER	0x00000007 /* driver is unbound
						      from the device */
#define BUS_NOTIFY_DRIVER_NOT_BOUND	0x00000008 /* driver fails to be bound */

/* What the kernel's linux/device/bus.h also makes visible. */
#include <linux/notifier.h>

#endif /* _DEVICE_BUS_H_ */
