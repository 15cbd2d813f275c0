// SPDX-License-Identifier: GPL-2.0
/*
 * pci_bench_drv - the smallest realistic PCI driver, for bench_dma's
 * probe/remove measurement: enable, claim and map BAR 0, bus mastering,
 * a 32-bit DMA mask, one MSI vector with its handler; remove undoes it
 * all.  It binds the bench's device (vendor 0x1b36, device 0x7aff).
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct pci_bench {
	void __iomem *regs;
	int irq;
};

static irqreturn_t pci_bench_interrupt(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int pci_bench_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct pci_bench *b;
	int ret;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_regions(pdev, KBUILD_MODNAME);
	if (ret)
		goto err_disable;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		goto err_regions;
	b->regs = pci_iomap(pdev, 0, 0);
	if (!b->regs) {
		ret = -ENOMEM;
		goto err_regions;
	}
	pci_set_master(pdev);
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (ret < 0)
		goto err_unmap;
	b->irq = pci_irq_vector(pdev, 0);
	ret = request_irq(b->irq, pci_bench_interrupt, 0, KBUILD_MODNAME, b);
	if (ret)
		goto err_vectors;
	writel(1, b->regs);
	pci_set_drvdata(pdev, b);
	return 0;

err_vectors:
	pci_free_irq_vectors(pdev);
err_unmap:
	pci_clear_master(pdev);
	pci_iounmap(pdev, b->regs);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(b);
	return ret;
}

static void pci_bench_remove(struct pci_dev *pdev)
{
	struct pci_bench *b = pci_get_drvdata(pdev);

	writel(0, b->regs);
	free_irq(b->irq, b);
	pci_free_irq_vectors(pdev);
	pci_clear_master(pdev);
	pci_iounmap(pdev, b->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(b);
}

static const struct pci_device_id pci_bench_ids[] = {
	{ PCI_DEVICE(0x1b36, 0x7aff) },
	{ }
};
MODULE_DEVICE_TABLE(pci, pci_bench_ids);

static struct pci_driver pci_bench_driver = {
	.name		= KBUILD_MODNAME,
	.id_table	= pci_bench_ids,
	.probe		= pci_bench_probe,
	.remove		= pci_bench_remove,
};
module_pci_driver(pci_bench_driver);

MODULE_LICENSE("GPL");
