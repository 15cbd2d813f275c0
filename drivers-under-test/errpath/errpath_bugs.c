// SPDX-License-Identifier: GPL-2.0
/*
 * errpath_bugs - errpath's probe with one planted error-path bug each,
 * the bugs real drivers ship because their error paths never run:
 *
 *  - leak:           a failed vmalloc() returns without freeing the page
 *                    and the registers taken before it;
 *  - irq_left:       a failed object allocation unwinds past free_irq();
 *  - double_free:    a failed alloc_page() frees the registers, then falls
 *                    into the label that frees them again;
 *  - use_after_free: a failed request_irq() unwinds in the wrong order and
 *                    "quiesces" the registers after freeing them;
 *  - swallow:        a failed request_irq() is logged and swallowed, probe
 *                    returns 0 with no interrupt, and remove() frees it.
 *
 * Every probe succeeds when nothing fails: only a sweep finds them.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "errpath.h"

static irqreturn_t errpath_bugs_irq(int irq, void *dev_id)
{
	struct errpath_dev *ed = dev_id;

	ed->irqs++;
	return IRQ_HANDLED;
}

int errpath_probe_leak(struct errpath_dev *ed, unsigned int irq)
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
		return -ENOMEM;		/* BUG: leaks dma_page, regs, cache */
	ret = request_irq(irq, errpath_bugs_irq, 0, "errpath", ed);
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
	__free_page(ed->dma_page);
err_free_regs:
	kfree(ed->regs);
err_destroy_cache:
	kmem_cache_destroy(ed->cache);
	return ret;
}

int errpath_probe_irq_left(struct errpath_dev *ed, unsigned int irq)
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
	ret = request_irq(irq, errpath_bugs_irq, 0, "errpath", ed);
	if (ret)
		goto err_vfree;
	ed->irq = irq;
	ed->obj = kmem_cache_alloc(ed->cache, GFP_KERNEL);
	if (!ed->obj) {
		ret = -ENOMEM;
		goto err_vfree;		/* BUG: the IRQ stays requested */
	}
	return 0;

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

int errpath_probe_double_free(struct errpath_dev *ed, unsigned int irq)
{
	int ret = -ENOMEM;

	ed->cache = kmem_cache_create("errpath_obj", 64, 0, 0, NULL);
	if (!ed->cache)
		return -ENOMEM;
	ed->regs = kzalloc(ERRPATH_REGS_SIZE, GFP_KERNEL);
	if (!ed->regs)
		goto err_destroy_cache;
	ed->dma_page = alloc_page(GFP_KERNEL);
	if (!ed->dma_page) {
		kfree(ed->regs);	/* BUG: err_free_regs frees it again */
		goto err_free_regs;
	}
	ed->ring = vmalloc(ERRPATH_RING_PAGES * PAGE_SIZE);
	if (!ed->ring)
		goto err_free_page;
	ret = request_irq(irq, errpath_bugs_irq, 0, "errpath", ed);
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

int errpath_probe_use_after_free(struct errpath_dev *ed, unsigned int irq)
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
	ret = request_irq(irq, errpath_bugs_irq, 0, "errpath", ed);
	if (ret) {
		/* BUG: the registers go first, then are written to */
		kfree(ed->regs);
		vfree(ed->ring);
		__free_page(ed->dma_page);
		ed->regs[0] = 0;	/* quiesce the device */
		goto err_destroy_cache;
	}
	ed->irq = irq;
	ed->obj = kmem_cache_alloc(ed->cache, GFP_KERNEL);
	if (!ed->obj) {
		ret = -ENOMEM;
		goto err_free_irq;
	}
	return 0;

err_free_irq:
	free_irq(irq, ed);
	vfree(ed->ring);
err_free_page:
	__free_page(ed->dma_page);
err_free_regs:
	kfree(ed->regs);
err_destroy_cache:
	kmem_cache_destroy(ed->cache);
	return ret;
}

int errpath_probe_swallow(struct errpath_dev *ed, unsigned int irq)
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
	ret = request_irq(irq, errpath_bugs_irq, 0, "errpath", ed);
	if (ret)
		pr_warn("errpath: no interrupt (%d), polling\n", ret);
	ed->irq = irq;		/* BUG: the error is swallowed... */
	ed->obj = kmem_cache_alloc(ed->cache, GFP_KERNEL);
	if (!ed->obj) {
		ret = -ENOMEM;
		goto err_free_irq;
	}
	return 0;		/* ...and remove() frees an IRQ never had */

err_free_irq:
	free_irq(irq, ed);
	vfree(ed->ring);
err_free_page:
	__free_page(ed->dma_page);
err_free_regs:
	kfree(ed->regs);
err_destroy_cache:
	kmem_cache_destroy(ed->cache);
	return ret;
}
