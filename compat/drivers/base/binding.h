/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/drivers/base/binding.h - what bus.c, driver.c, dd.c and
 * platform.c share: the private state of a bus (6.1's struct
 * subsys_private), of a driver (struct driver_private) and of a device on
 * a bus, and the internal calls between the files.
 *
 * Locking: one host mutex per bus guards its device and driver lists and
 * every driver's list of bound devices; it is held only to change or copy
 * a list, never while a driver's code runs.  Binding and unbinding hold
 * the device's own device_lock() (a kernel mutex: probe() and remove()
 * may sleep), as the kernel does.
 */
#ifndef _KSHIM_DRIVERS_BASE_BINDING_H
#define _KSHIM_DRIVERS_BASE_BINDING_H

#include <pthread.h>
#include <stdbool.h>

#include <linux/device.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <kshim/site.h>

struct subsys_private {
	struct bus_type *bus;
	pthread_mutex_t lock;		/* the lists below */
	struct list_head devices;	/* device.kshim_bus_node */
	struct list_head drivers;	/* driver_private.node */
	struct blocking_notifier_head bus_notifier;
	bool drivers_autoprobe;
	struct list_head all;		/* every registered bus */
};

struct driver_private {
	struct device_driver *driver;
	struct list_head node;		/* on the bus's drivers */
	struct list_head devices;	/* bound: device.kshim_drv_node */
	const struct kshim_site *site;	/* where it was registered */
	struct list_head all;		/* every registered driver (ledger) */
};

/* The most IRQ handlers remembered per device for the unbind check. */
#define KSHIM_UNBIND_IRQ_LINES	8
#define KSHIM_UNBIND_IRQ_ACTIONS 16

struct kshim_device_private {
	struct device *dev;
	/*
	 * On a host list while it lives: struct device is in simulated RAM,
	 * which LeakSanitizer does not scan, so this keeps the block
	 * reachable for it (a test ended by an oops leaves devices behind).
	 */
	struct list_head all;
	bool dead;			/* device_del() began */
	struct list_head deferred;	/* on the deferred-probe list */
	/* the handlers already on the device's lines when probe began */
	unsigned int nr_before;
	const void *before[KSHIM_UNBIND_IRQ_ACTIONS];
	/* ioremaps live on each of its first resources when probe began */
	unsigned int maps_before[KSHIM_UNBIND_IRQ_LINES];
};

/* bus.c */
struct device **kshim_bus_snapshot_devices(struct bus_type *bus,
					   size_t *nr);
struct device_driver **kshim_bus_snapshot_drivers(struct bus_type *bus,
						  size_t *nr);
void kshim_put_devices(struct device **devs, size_t nr);
int kshim_bus_notify(struct device *dev, unsigned long action);

/* dd.c */
int kshim_driver_match(struct device_driver *drv, struct device *dev);
void kshim_driver_detach(struct device_driver *drv);
void kshim_deferred_probe_del(struct device *dev);
void kshim_deferred_probe_forget(void);

/* The unbind check (compat/kernel/irq/devres.c and dd.c). */
int kshim_device_irq(struct device *dev, unsigned int n);
void kshim_unbind_snapshot(struct device *dev);
void kshim_unbind_check(struct device *dev, struct device_driver *drv,
			bool failed_probe);

#endif /* _KSHIM_DRIVERS_BASE_BINDING_H */
