// SPDX-License-Identifier: GPL-2.0
/*
 * errpath - probe and remove with a correct unwind: each failure releases
 * exactly what was taken before it, in reverse order, and probe returns
 * the error.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "errpath.h"

static irqreturn_t errpath_irq(int irq, void *dev_id)
{
	struct errpath_dev *ed = dev_id;

	ed->irqs++;
	return IRQ_HANDLED;
}

int errpath_probe(struct errpath_dev *ed, unsigned int irq)
{
	int ret = -ENOMEM;

	ed->cache = kmem_cache_create("errpath_obj", 64, 0, 0, NULL);
	if (!ed->cache)
		return -ENOMEM;
	ed->regs = kzalloc(ERRPATH_REGS_SIZE, GFP_KERNEL);
	if (!ed->regs)
		goto err_destroy_cache;
	ed->dma_page = alloc_page(GFP_KERNEL);
	if (!ed->dma_page)
		goto err_free_regs;
	ed->ring = vmalloc(ERRPATH_RING_PAGES * PAGE_SIZE);
	if (!ed->ring)
		goto err_free_page;
	ret = request_irq(irq, errpath_irq, 0, "errpath", ed);
	if (ret)
		goto err_vfree;
	ed->irq = irq;
	ed->obj = kmem_cache_alloc(ed->cache, GFP_KERNEL);
	if (!ed->obj) {
		ret = -ENOMEM;
		goto err_free_irq;
	}
	return 0;

err_free_irq:
	free_irq(irq, ed);
err_vfree:
	vfree(ed->ring);
err_free_page:
	__free_page(ed->dma_page);
err_free_regs:
	kfree(ed->regs);
err_destroy_cache:
	kmem_cache_destroy(ed->cache);
	return ret;
}

void errpath_remove(struct errpath_dev *ed)
{
	kmem_cache_free(ed->cache, ed->obj);
	free_irq(ed->irq, ed);
	vfree(ed->ring);
	__free_page(ed->dma_page);
	kfree(ed->regs);
	kmem_cache_destroy(ed->cache);
}
