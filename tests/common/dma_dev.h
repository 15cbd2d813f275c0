/*
 * tests/common/dma_dev.h - a bare device for DMA tests: no bus, a driver
 * name for the DMA-API prefix ("DMA-API: <driver> <name>: "), a DMA mask
 * (dma_mask points at coherent_dma_mask), optional DMA parameters.
 */
#ifndef _TESTS_COMMON_DMA_DEV_H
#define _TESTS_COMMON_DMA_DEV_H

#include <linux/device.h>
#include <linux/types.h>

/* Fails the test (fatally) when it cannot be made; @parms may be NULL. */
struct device *dma_test_dev_create(const char *name,
				   struct device_driver *drv, u64 mask,
				   struct device_dma_parameters *parms);
/* Unbinds the pretend driver and drops the last reference. */
void dma_test_dev_put(struct device *dev);

#endif /* _TESTS_COMMON_DMA_DEV_H */
