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

/* kshim: the "registered devices" ledger entry (boot). */
void kshim_devices_init(void);

#endif /* _KSHIM_DRIVERS_BASE_BASE_H */
