/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mod_devicetable.h - the device id tables drivers match with.
 *
 * Follows include/linux/mod_devicetable.h of 6.1 for the buses kshim
 * simulates or drivers commonly declare: pci_device_id (PCI_ANY_ID),
 * platform_device_id, of_device_id and acpi_device_id (declared so that
 * tables compile; kshim has no device tree or ACPI, so they never match).
 * MODULE_DEVICE_TABLE() is in linux/module.h.
 */
#ifndef LINUX_MOD_DEVICETABLE_H
#define LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PCI_ANY_ID (~0)

enum {
	PCI_ID_F_VFIO_DRIVER_OVERRIDE = 1,
};

struct pci_device_id {
	__u32 vendor, device;		/* Vendor and device ID or PCI_ANY_ID*/
	__u32 subvendor, subdevice;	/* Subsystem ID's or PCI_ANY_ID */
	__u32 class, class_mask;	/* (class,subclass,prog-if) triplet */
	kernel_ulong_t driver_data;	/* Data private to the driver */
	__u32 override_only;
};

#define ACPI_ID_LEN	16

struct acpi_device_id {
	__u8 id[ACPI_ID_LEN];
	kernel_ulong_t driver_data;
	__u32 cls;
	__u32 cls_msk;
};

/* Struct used for matching a device (device tree) */
struct of_device_id {
	char	name[32];
	char	type[32];
	char	compatible[128];
	const void *data;
};

#define PLATFORM_NAME_SIZE	20
#define PLATFORM_MODULE_PREFIX	"platform:"

struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};

/* What the kernel's linux/mod_devicetable.h also makes visible. */
#include <linux/array_size.h>
#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/jump_label.h>
#include <linux/limits.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/uuid.h>

#endif /* LINUX_MOD_DEVICETABLE_H */
