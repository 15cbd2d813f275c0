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

#endif /* _KSHIM_DRIVERS_BASE_BASE_H */
