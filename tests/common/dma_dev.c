/* tests/common/dma_dev.c - a bare device for DMA tests (dma_dev.h). */
#include <string.h>

#include <CUnit/CUnit.h>
#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/slab.h>

#include "dma_dev.h"

static void dma_test_dev_release(struct device *dev)
{
	kfree(dev);
}

struct device *dma_test_dev_create(const char *name,
				   struct device_driver *drv, u64 mask,
				   struct device_dma_parameters *parms)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(dev);
	device_initialize(dev);
	dev->release = dma_test_dev_release;
	CU_ASSERT_EQUAL_FATAL(dev_set_name(dev, "%s", name), 0);
	dev->driver = drv;
	dev->dma_mask = &dev->coherent_dma_mask;
	dev->coherent_dma_mask = mask;
	if (parms) {
		memset(parms, 0, sizeof(*parms));
		dev->dma_parms = parms;
	}
	return dev;
}

void dma_test_dev_put(struct device *dev)
{
	dev->driver = NULL;
	put_device(dev);
}
