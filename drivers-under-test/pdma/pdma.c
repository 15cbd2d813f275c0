// SPDX-License-Identifier: GPL-2.0
/*
 * pdma - driver of the platform DMA transform engine described in
 * pdma.h, written with device-managed resources: the private data
 * (devm_kzalloc()), the register window (devm_platform_ioremap_resource())
 * and the interrupt (devm_request_irq()) are released by the driver core
 * after remove() or a failed probe(); remove() itself only stops the
 * engine and destroys the descriptor pool.
 *
 * transform() copies the caller's source into a kmalloc() bounce of its
 * own, maps it DMA_TO_DEVICE and a destination buffer DMA_FROM_DEVICE,
 * builds one descriptor per PDMA_CHUNK bytes from the pool, starts the
 * chain and sleeps until the interrupt handler completes it.  One
 * transform runs at a time (pd->lock).
 *
 * Planted bugs (the file built with the macro, as module pdma_<bug>):
 *   PDMA_BUG_REG_OUTSIDE  probe enables the interrupt at the second
 *                         revision's offset, beyond the register window
 *   PDMA_BUG_POOL_LEAK    transform never returns the chain's last
 *                         descriptor to the pool
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pdma.h"

/* The second revision moved the interrupt enable here. */
#define PDMA_V2_REG_IRQ_EN	0x100

struct pdma_chunk {
	struct pdma_desc *desc;
	dma_addr_t dma;
};

struct pdma {
	struct pdma_if pif;		/* first: the user's handle */
	struct device *dev;
	void __iomem *regs;
	struct dma_pool *pool;
	struct mutex lock;		/* one transform at a time */
	struct completion done;
	u32 status;			/* STATUS seen by the handler */
};

static irqreturn_t pdma_interrupt(int irq, void *data)
{
	struct pdma *pd = data;
	u32 status = readl(pd->regs + PDMA_REG_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, pd->regs + PDMA_REG_STATUS);
	WRITE_ONCE(pd->status, status);
	complete(&pd->done);
	return IRQ_HANDLED;
}

/* Build the chain over the mapped buffers; the number of descriptors. */
static int pdma_build(struct pdma *pd, struct pdma_chunk *c, dma_addr_t src,
		      dma_addr_t dst, unsigned int len, u8 key)
{
	unsigned int n = DIV_ROUND_UP(len, PDMA_CHUNK), i;

	for (i = 0; i < n; i++) {
		unsigned int off = i * PDMA_CHUNK;

		c[i].desc = dma_pool_zalloc(pd->pool, GFP_KERNEL, &c[i].dma); /* LINE:pool_alloc */
		if (!c[i].desc) {
			while (i--)
				dma_pool_free(pd->pool, c[i].desc, c[i].dma);
			return -ENOMEM;
		}
		c[i].desc->src = cpu_to_le64(src + off);
		c[i].desc->dst = cpu_to_le64(dst + off);
		c[i].desc->len = cpu_to_le16(min(len - off, (unsigned int)PDMA_CHUNK));
		c[i].desc->key = key;
		if (i)
			c[i - 1].desc->next = cpu_to_le64(c[i].dma);
	}
	return n;
}

static int pdma_run(struct pdma *pd, struct pdma_chunk *c, int n)
{
	int i;

	reinit_completion(&pd->done);
	WRITE_ONCE(pd->status, 0);
	writel(lower_32_bits(c[0].dma), pd->regs + PDMA_REG_CHAIN_LO);
	writel(upper_32_bits(c[0].dma), pd->regs + PDMA_REG_CHAIN_HI);
	writel(1, pd->regs + PDMA_REG_GO);
	if (!wait_for_completion_timeout(&pd->done, msecs_to_jiffies(1000))) {
		dev_err(pd->dev, "transform timed out\n");
		return -ETIMEDOUT;
	}
	if (READ_ONCE(pd->status) & PDMA_STATUS_ERROR)
		return -EIO;
	for (i = 0; i < n; i++)
		if (!(c[i].desc->status & PDMA_DESC_DONE))
			return -EIO;
	return 0;
}

static int pdma_transform(struct pdma_if *pif, const void *src, void *dst,
			  unsigned int len, u8 key)
{
	struct pdma *pd = container_of(pif, struct pdma, pif);
	struct pdma_chunk chain[PDMA_MAX_LEN / PDMA_CHUNK];
	dma_addr_t sdma, ddma;
	void *sbuf, *dbuf;
	int n, i, ret = -ENOMEM;

	if (!len || len > PDMA_MAX_LEN)
		return -EINVAL;
	sbuf = kmalloc(len, GFP_KERNEL);
	dbuf = kmalloc(len, GFP_KERNEL);
	if (!sbuf || !dbuf)
		goto out_free;
	memcpy(sbuf, src, len);

	mutex_lock(&pd->lock);
	sdma = dma_map_single(pd->dev, sbuf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(pd->dev, sdma))
		goto out_unlock;
	ddma = dma_map_single(pd->dev, dbuf, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(pd->dev, ddma))
		goto out_unmap_src;
	n = pdma_build(pd, chain, sdma, ddma, len, key);
	if (n < 0)
		goto out_unmap_dst;

	ret = pdma_run(pd, chain, n);

#ifdef PDMA_BUG_POOL_LEAK
	n--;			/* BUG: the last descriptor stays allocated */
#endif
	for (i = 0; i < n; i++)
		dma_pool_free(pd->pool, chain[i].desc, chain[i].dma);
out_unmap_dst:
	dma_unmap_single(pd->dev, ddma, len, DMA_FROM_DEVICE);
out_unmap_src:
	dma_unmap_single(pd->dev, sdma, len, DMA_TO_DEVICE);
	if (!ret) {
		memcpy(dst, dbuf, len);
		pd->pif.completed++;
	}
out_unlock:
	mutex_unlock(&pd->lock);
out_free:
	kfree(dbuf);
	kfree(sbuf);
	return ret;
}

static int pdma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct pdma *pd;
	int irq, ret;
	u32 id;

	pd = devm_kzalloc(dev, sizeof(*pd), GFP_KERNEL);
	if (!pd)
		return -ENOMEM;
	pd->dev = dev;
	pd->pif.transform = pdma_transform;
	mutex_init(&pd->lock);
	init_completion(&pd->done);

	pd->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pd->regs))
		return PTR_ERR(pd->regs);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(dev, ret, "no 32-bit DMA\n");
	id = readl(pd->regs + PDMA_REG_ID);
	if (id != PDMA_ID_VALUE)
		return dev_err_probe(dev, -ENODEV, "unknown id %#x\n", id);

	pd->pool = dma_pool_create("pdma-desc", dev, sizeof(struct pdma_desc),
				   32, 0);
	if (!pd->pool)
		return -ENOMEM;
	ret = devm_request_irq(dev, irq, pdma_interrupt, 0, dev_name(dev), pd);
	if (ret) {
		dma_pool_destroy(pd->pool);
		return ret;
	}
	platform_set_drvdata(pdev, pd);

#ifdef PDMA_BUG_REG_OUTSIDE
	writel(1, pd->regs + PDMA_V2_REG_IRQ_EN); /* LINE:irq_en_outside */
#else
	writel(1, pd->regs + PDMA_REG_IRQ_EN);
#endif
	writel(PDMA_CTRL_ENABLE, pd->regs + PDMA_REG_CTRL);
	dev_info(dev, "engine ready, irq %d\n", irq);
	return 0;
}

static int pdma_remove(struct platform_device *pdev)
{
	struct pdma *pd = platform_get_drvdata(pdev);

	writel(0, pd->regs + PDMA_REG_CTRL);
	writel(0, pd->regs + PDMA_REG_IRQ_EN);
	dma_pool_destroy(pd->pool); /* LINE:pool_destroy */
	return 0;
}

static const struct platform_device_id pdma_ids[] = {
	{ .name = PDMA_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, pdma_ids);

static struct platform_driver pdma_driver = {
	.driver = {
		.name = KBUILD_MODNAME,
	},
	.id_table = pdma_ids,
	.probe = pdma_probe,
	.remove = pdma_remove,
};
module_platform_driver(pdma_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("platform DMA transform engine");
