/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/drivers/base/base.h - what core.c and devres.c share, as
 * drivers/base/base.h (6.1): devres_release_all().
 */
#ifndef _KSHIM_DRIVERS_BASE_BASE_H
#define _KSHIM_DRIVERS_BASE_BASE_H

struct device;

/* Release every managed resource of @dev, last added first. */
int devres_release_all(struct device *dev);

/*
 * class.c (H1): device_add() of a device of a class or with a devt
 * (its sysfs name must be free in the class: -EEXIST and the sysfs
 * duplicate warning; a devt makes the node "/dev/<name>"), device_del().
 */
int kshim_device_add_node(struct device *dev);
void kshim_device_del_node(struct device *dev);

/* kshim: the "registered devices" ledger entry (boot). */
void kshim_devices_init(void);

/*
 * Buses, drivers and binding (bus.c, driver.c, dd.c; D1, issue 15).
 * device_add() calls kshim_bus_add_device() once the device is
 * registered, then kshim_bus_probe_device(); device_del() calls
 * kshim_bus_del_device() first (BUS_NOTIFY_DEL_DEVICE, the driver
 * unbound) and kshim_bus_removed_device() last (BUS_NOTIFY_REMOVED_DEVICE).
 */
void kshim_bus_add_device(struct device *dev);
void kshim_bus_probe_device(struct device *dev);
void kshim_bus_del_device(struct device *dev);
void kshim_bus_removed_device(struct device *dev);

/* Boot and reboot of the driver core (ledger rows, the platform bus). */
void kshim_driver_core_init(void);
void kshim_driver_core_exit(void);

#endif /* _KSHIM_DRIVERS_BASE_BASE_H */
