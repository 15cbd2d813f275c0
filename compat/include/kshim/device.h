/*
 * kshim/device.h - simulated hardware behind a driver's devices.
 *
 * kshim-internal API (no kernel counterpart): what the test plays as the
 * hardware.  A simulated device has MMIO regions (a PCI BAR, a platform
 * memory resource) whose registers are a model the test writes (callbacks
 * for reads and writes at offsets, or plain memory), interrupt lines it
 * raises, and DMA it performs on bus addresses the driver handed it.  The
 * test creates platform or PCI devices, binds and unbinds drivers,
 * hot-unplugs devices, and reads the trace of the driver's register
 * accesses.  Drivers see only the kernel's API (linux/platform_device.h,
 * linux/pci.h, linux/io.h, linux/dma-mapping.h).
 *
 * Sections, each implemented by the file named in it.
 */
#ifndef _KSHIM_DEVICE_H
#define _KSHIM_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <kshim/site.h>

struct device;
struct kshim_sim_device;

/* ---- register models and MMIO regions (compat/mm/ioremap.c) ---- */

/* ---- devices, binding, unplug, interrupts (compat/drivers/base/) ---- */

/* ---- platform devices (compat/drivers/base/platform.c) ---- */

/* ---- PCI devices (compat/drivers/pci/) ---- */

/* ---- device-side DMA (compat/kernel/dma/direct.c) ---- */

#endif /* _KSHIM_DEVICE_H */
