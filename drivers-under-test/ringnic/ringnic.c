// SPDX-License-Identifier: GPL-2.0
/*
 * ringnic - driver of the descriptor-ring network-card-like PCI device
 * described in ringnic.h.
 *
 * Probe enables the device, claims and maps BAR 0, sets a 32-bit DMA
 * mask, allocates both rings in coherent memory, fills the receive ring
 * with pages mapped for the device (dma_map_page(), highmem pages when
 * there are some) and takes one MSI vector.
 *  - xmit() copies the packet into a page of its own, maps it
 *    DMA_TO_DEVICE, fills the next transmit descriptor and rings the
 *    doorbell;
 *  - the interrupt handler acknowledges ISR, releases the transmit
 *    descriptors the device handed back (unmap, free the page) and
 *    schedules the receive tasklet;
 *  - the tasklet takes each filled receive buffer back for the CPU
 *    (dma_sync_single_for_cpu()), copies the packet into a queue that
 *    receive() empties, and gives the buffer back to the device
 *    (dma_sync_single_for_device()).
 * nic->lock (taken with interrupts off outside the handler) guards the
 * transmit ring's indices and slots, the receive queue and the counters.
 *
 * Planted bugs: the file is also built with one RINGNIC_BUG_* macro
 * defined, as a module of its own (ringnic_<bug>, see
 * drivers-under-test/Makemodule.am); each changes one spot, marked BUG:
 *   RINGNIC_BUG_NO_SYNC_FOR_CPU  the tasklet reads a receive buffer
 *                                without dma_sync_single_for_cpu()
 *   RINGNIC_BUG_WRONG_DIR        transmit buffers unmapped as
 *                                DMA_FROM_DEVICE
 *   RINGNIC_BUG_DOUBLE_UNMAP     remove unmaps transmit slots already
 *                                unmapped by the handler
 *   RINGNIC_BUG_UNMAP_SIZE       transmit buffers unmapped with the
 *                                page's size, not the packet's
 *   RINGNIC_BUG_UNCHECKED_MAP    xmit never calls dma_mapping_error()
 *   RINGNIC_BUG_LEAK_AT_REMOVE   remove frees the receive pages without
 *                                unmapping them
 *   RINGNIC_BUG_CPU_WRITE        xmit stamps the packet after mapping it
 *                                (the device owns it by then)
 *   RINGNIC_BUG_MMIO_AFTER_UNMAP remove quiets the device after
 *                                pci_iounmap()
 *   RINGNIC_BUG_RX_TO_DEVICE     receive buffers mapped DMA_TO_DEVICE
 *                                (the device cannot write them)
 *   RINGNIC_BUG_REG_OUTSIDE_BAR  probe writes a register beyond BAR 0
 *   RINGNIC_BUG_NOLOCK           xmit fills the ring without nic->lock
 *                                (races with the handler's release)
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "ringnic.h"

/* One buffer of a ring: the page and its mapping while the device has it. */
struct ringnic_slot {
	struct page *page;
	dma_addr_t dma;
	unsigned int len;		/* mapped length */
};

/* A received packet waiting for receive(). */
struct ringnic_packet {
	struct list_head node;
	unsigned int len;
	u8 data[];
};

struct ringnic {
	struct ringnic_if nif;		/* first: the user's handle */
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;

	spinlock_t lock;
	struct ringnic_desc *tx_ring;	/* coherent */
	dma_addr_t tx_ring_dma;
	struct ringnic_slot tx[RINGNIC_RING_SIZE];
	unsigned int tx_fill;		/* next slot xmit fills */
	unsigned int tx_reap;		/* oldest slot the device may own */
	unsigned int tx_busy;		/* slots between the two */

	struct ringnic_desc *rx_ring;	/* coherent */
	dma_addr_t rx_ring_dma;
	struct ringnic_slot rx[RINGNIC_RING_SIZE];
	u32 rx_done;			/* buffers taken back, ever */
	u32 rx_posted;			/* buffers given, ever (RX_TAIL) */
	struct tasklet_struct rx_tasklet;
	struct list_head rx_queue;	/* struct ringnic_packet */
	wait_queue_head_t rx_wait;	/* receive() waiting for a packet */

	struct ringnic_stats st;
};

#ifdef RINGNIC_BUG_WRONG_DIR
#define TX_UNMAP_DIR	DMA_FROM_DEVICE		/* BUG */
#else
#define TX_UNMAP_DIR	DMA_TO_DEVICE
#endif

#ifdef RINGNIC_BUG_RX_TO_DEVICE
#define RX_DIR		DMA_TO_DEVICE		/* BUG */
#else
#define RX_DIR		DMA_FROM_DEVICE
#endif

static struct device *ringnic_dev(struct ringnic *nic)
{
	return &nic->pdev->dev;
}

static void ringnic_write(struct ringnic *nic, unsigned int reg, u32 val)
{
	writel(val, nic->regs + reg); /* LINE:reg_write */
}

static u32 ringnic_read(struct ringnic *nic, unsigned int reg)
{
	return readl(nic->regs + reg);
}

/* ---- transmit ---- */

/* Give back a transmit slot the device is done with (nic->lock held). */
static void ringnic_tx_release(struct ringnic *nic, struct ringnic_slot *s)
{
#ifdef RINGNIC_BUG_UNMAP_SIZE
	dma_unmap_page(ringnic_dev(nic), s->dma, PAGE_SIZE, TX_UNMAP_DIR); /* LINE:tx_unmap_size */
#else
	dma_unmap_page(ringnic_dev(nic), s->dma, s->len, TX_UNMAP_DIR); /* LINE:tx_unmap */
#endif
	__free_page(s->page);
	s->page = NULL;
#ifndef RINGNIC_BUG_DOUBLE_UNMAP
	s->dma = 0;
#endif
	/* BUG (RINGNIC_BUG_DOUBLE_UNMAP): s->dma stays set. */
}

/* Release every transmit descriptor the device handed back. */
static void ringnic_tx_complete(struct ringnic *nic)
{
	while (nic->tx_busy) { /* LINE:tx_busy_poll */
		struct ringnic_desc *d = &nic->tx_ring[nic->tx_reap];

		if (!(le16_to_cpu(d->flags) & RINGNIC_DESC_DONE))
			break;
		dma_rmb();
		ringnic_tx_release(nic, &nic->tx[nic->tx_reap]);
		d->flags = 0;
		nic->tx_reap = (nic->tx_reap + 1) % RINGNIC_RING_SIZE;
		nic->tx_busy--; /* LINE:tx_busy_dec */
		nic->st.tx_done++;
	}
}

/* Copy the packet into a fresh page. */
static struct page *ringnic_tx_page(const void *data, unsigned int len)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
	u8 *va;

	if (!page)
		return NULL;
	va = kmap_local_page(page);
	memcpy(va, data, len);
	kunmap_local(va);
	return page;
}

/* The driver's stamp: the packet's length in its first byte. */
static void ringnic_stamp(struct page *page, unsigned int len)
{
	u8 *va = kmap_local_page(page);

	va[0] = (u8)len; /* LINE:stamp */
	kunmap_local(va);
}

static int ringnic_xmit(struct ringnic_if *nif, const void *data,
			unsigned int len)
{
	struct ringnic *nic = container_of(nif, struct ringnic, nif);
	struct device *dev = ringnic_dev(nic);
	struct ringnic_slot *s;
	struct ringnic_desc *d;
	unsigned long flags __maybe_unused;
	struct page *page;
	dma_addr_t dma;

	if (!len || len > RINGNIC_MAX_PACKET)
		return -EINVAL;
	page = ringnic_tx_page(data, len);
	if (!page)
		return -ENOMEM;
#ifndef RINGNIC_BUG_CPU_WRITE
	ringnic_stamp(page, len);
#endif
	dma = dma_map_page(dev, page, 0, len, DMA_TO_DEVICE); /* LINE:tx_map */
#ifdef RINGNIC_BUG_CPU_WRITE
	ringnic_stamp(page, len);	/* BUG: the device owns the page now */
#endif
#ifndef RINGNIC_BUG_UNCHECKED_MAP
	if (dma_mapping_error(dev, dma)) {
		__free_page(page);
		return -ENOMEM;
	}
#endif

#ifndef RINGNIC_BUG_NOLOCK
	spin_lock_irqsave(&nic->lock, flags);
#endif
	if (nic->tx_busy == RINGNIC_RING_SIZE) { /* LINE:tx_busy_read */
#ifndef RINGNIC_BUG_NOLOCK
		spin_unlock_irqrestore(&nic->lock, flags);
#endif
		dma_unmap_page(dev, dma, len, DMA_TO_DEVICE);
		__free_page(page);
		return -EBUSY;
	}
	s = &nic->tx[nic->tx_fill];
	s->page = page;
	s->dma = dma;
	s->len = len;
	d = &nic->tx_ring[nic->tx_fill];
	d->addr = cpu_to_le64(dma);
	d->len = cpu_to_le16(len);
	dma_wmb();
	d->flags = cpu_to_le16(RINGNIC_DESC_OWN);
	nic->tx_fill = (nic->tx_fill + 1) % RINGNIC_RING_SIZE;
	nic->tx_busy++; /* LINE:tx_busy_inc */
	nic->st.tx_queued++;
	ringnic_write(nic, RINGNIC_REG_TX_TAIL, nic->tx_fill);
#ifndef RINGNIC_BUG_NOLOCK
	spin_unlock_irqrestore(&nic->lock, flags);
#endif
	return 0;
}

/* ---- receive ---- */

/* Hand receive slot @i (mapped) to the device. */
static void ringnic_rx_post(struct ringnic *nic, unsigned int i)
{
	struct ringnic_desc *d = &nic->rx_ring[i];

	d->addr = cpu_to_le64(nic->rx[i].dma);
	d->len = cpu_to_le16(RINGNIC_RX_BUF_SIZE);
	dma_wmb();
	d->flags = cpu_to_le16(RINGNIC_DESC_OWN);
}

/* Take one filled receive buffer's packet into the queue. */
static void ringnic_rx_one(struct ringnic *nic, unsigned int i,
			   unsigned int len)
{
	struct device *dev = ringnic_dev(nic);
	struct ringnic_slot *s = &nic->rx[i];
	struct ringnic_packet *pkt;
	u8 *va;

	if (len > RINGNIC_RX_BUF_SIZE)
		len = RINGNIC_RX_BUF_SIZE;
#ifndef RINGNIC_BUG_NO_SYNC_FOR_CPU
	dma_sync_single_for_cpu(dev, s->dma, RINGNIC_RX_BUF_SIZE, RX_DIR); /* LINE:rx_sync_cpu */
#endif
	pkt = kmalloc(struct_size(pkt, data, len), GFP_ATOMIC);
	if (pkt) {
		pkt->len = len;
		va = kmap_local_page(s->page);
		memcpy(pkt->data, va, len); /* LINE:rx_copy */
		kunmap_local(va);
	}
	dma_sync_single_for_device(dev, s->dma, RINGNIC_RX_BUF_SIZE, RX_DIR);

	spin_lock_irq(&nic->lock);
	if (pkt) {
		list_add_tail(&pkt->node, &nic->rx_queue);
		nic->st.rx_packets++;
	} else {
		nic->st.rx_dropped++;
	}
	spin_unlock_irq(&nic->lock);
	if (pkt)
		wake_up(&nic->rx_wait);
}

static void ringnic_rx_tasklet(struct tasklet_struct *t)
{
	struct ringnic *nic = from_tasklet(nic, t, rx_tasklet);
	u32 head = ringnic_read(nic, RINGNIC_REG_RX_HEAD);

	if (nic->rx_done == head)
		return;
	/* Exactly the buffers the device says it filled. */
	while (nic->rx_done != head) {
		unsigned int i = nic->rx_done % RINGNIC_RING_SIZE;
		struct ringnic_desc *d = &nic->rx_ring[i];

		dma_rmb();
		if (le16_to_cpu(d->flags) & RINGNIC_DESC_DONE)
			ringnic_rx_one(nic, i, le16_to_cpu(d->len));
		ringnic_rx_post(nic, i);
		nic->rx_done++;
		nic->rx_posted++;
	}
	ringnic_write(nic, RINGNIC_REG_RX_TAIL, nic->rx_posted);
}

/* The oldest queued packet, off the queue; NULL when there is none. */
static struct ringnic_packet *ringnic_dequeue(struct ringnic *nic)
{
	struct ringnic_packet *pkt;
	unsigned long flags;

	spin_lock_irqsave(&nic->lock, flags);
	pkt = list_first_entry_or_null(&nic->rx_queue, struct ringnic_packet,
				       node);
	if (pkt)
		list_del(&pkt->node);
	spin_unlock_irqrestore(&nic->lock, flags);
	return pkt;
}

static int ringnic_receive(struct ringnic_if *nif, void *buf,
			   unsigned int size, bool wait)
{
	struct ringnic *nic = container_of(nif, struct ringnic, nif);
	struct ringnic_packet *pkt = NULL;
	int len;

	if (wait)
		wait_event_timeout(nic->rx_wait,
				   (pkt = ringnic_dequeue(nic)) != NULL,
				   msecs_to_jiffies(RINGNIC_RX_WAIT_MS));
	else
		pkt = ringnic_dequeue(nic);
	if (!pkt)
		return -EAGAIN;
	len = min(pkt->len, size);
	memcpy(buf, pkt->data, len);
	kfree(pkt);
	return len;
}

static void ringnic_stats(struct ringnic_if *nif, struct ringnic_stats *st)
{
	struct ringnic *nic = container_of(nif, struct ringnic, nif);
	unsigned long flags;

	spin_lock_irqsave(&nic->lock, flags);
	*st = nic->st;
	spin_unlock_irqrestore(&nic->lock, flags);
}

/* ---- interrupt ---- */

static irqreturn_t ringnic_interrupt(int irq, void *data)
{
	struct ringnic *nic = data;
	u32 isr = ringnic_read(nic, RINGNIC_REG_ISR);

	if (!isr)
		return IRQ_NONE;
	ringnic_write(nic, RINGNIC_REG_ISR, isr);

	spin_lock(&nic->lock);
	nic->st.interrupts++;
	if (isr & RINGNIC_ISR_TX)
		ringnic_tx_complete(nic);
	spin_unlock(&nic->lock);

	if (isr & RINGNIC_ISR_RX)
		tasklet_schedule(&nic->rx_tasklet);
	return IRQ_HANDLED;
}

/* ---- rings ---- */

static int ringnic_rx_fill(struct ringnic *nic)
{
	struct device *dev = ringnic_dev(nic);
	unsigned int i;

	for (i = 0; i < RINGNIC_RING_SIZE; i++) {
		struct ringnic_slot *s = &nic->rx[i];

		s->page = alloc_page(GFP_KERNEL | __GFP_HIGHMEM);
		if (!s->page)
			return -ENOMEM;
		s->dma = dma_map_page(dev, s->page, 0, RINGNIC_RX_BUF_SIZE, RX_DIR); /* LINE:rx_map */
		if (dma_mapping_error(dev, s->dma)) {
			__free_page(s->page);
			s->page = NULL;
			return -ENOMEM;
		}
		s->len = RINGNIC_RX_BUF_SIZE;
		ringnic_rx_post(nic, i);
	}
	return 0;
}

static void ringnic_rx_drain(struct ringnic *nic)
{
	struct ringnic_packet *pkt, *tmp;
	unsigned int i;

	for (i = 0; i < RINGNIC_RING_SIZE; i++) {
		struct ringnic_slot *s = &nic->rx[i];

		if (!s->page)
			continue;
#ifndef RINGNIC_BUG_LEAK_AT_REMOVE
		dma_unmap_page(ringnic_dev(nic), s->dma, s->len, RX_DIR);
#endif
		/* BUG (RINGNIC_BUG_LEAK_AT_REMOVE): still mapped. */
		__free_page(s->page);
		s->page = NULL;
	}
	list_for_each_entry_safe(pkt, tmp, &nic->rx_queue, node) {
		list_del(&pkt->node);
		kfree(pkt);
	}
}

/* Transmit slots the device never handed back (the device is off). */
static void ringnic_tx_drain(struct ringnic *nic)
{
	unsigned int i;

	for (i = 0; i < RINGNIC_RING_SIZE; i++) {
		struct ringnic_slot *s = &nic->tx[i];

#ifdef RINGNIC_BUG_DOUBLE_UNMAP
		if (s->dma) {
			/* BUG: the handler unmapped it already. */
			dma_unmap_page(ringnic_dev(nic), s->dma, s->len, DMA_TO_DEVICE); /* LINE:tx_unmap_again */
			s->dma = 0;
		}
		if (s->page) {
			__free_page(s->page);
			s->page = NULL;
		}
#else
		if (s->page)
			ringnic_tx_release(nic, s);
#endif
	}
	nic->tx_busy = 0;
}

static void ringnic_hw_setup(struct ringnic *nic)
{
	ringnic_write(nic, RINGNIC_REG_TX_BASE_LO, lower_32_bits(nic->tx_ring_dma));
	ringnic_write(nic, RINGNIC_REG_TX_BASE_HI, upper_32_bits(nic->tx_ring_dma));
	ringnic_write(nic, RINGNIC_REG_TX_COUNT, RINGNIC_RING_SIZE);
	ringnic_write(nic, RINGNIC_REG_RX_BASE_LO, lower_32_bits(nic->rx_ring_dma));
	ringnic_write(nic, RINGNIC_REG_RX_BASE_HI, upper_32_bits(nic->rx_ring_dma));
	ringnic_write(nic, RINGNIC_REG_RX_COUNT, RINGNIC_RING_SIZE);
	nic->rx_posted = RINGNIC_RING_SIZE;
	ringnic_write(nic, RINGNIC_REG_RX_TAIL, nic->rx_posted);
	ringnic_write(nic, RINGNIC_REG_IMR, RINGNIC_ISR_TX | RINGNIC_ISR_RX);
#ifdef RINGNIC_BUG_REG_OUTSIDE_BAR
	/* BUG: the counters' reset register of a bigger model, past BAR 0. */
	writel(0, nic->regs + RINGNIC_BAR_SIZE + 0x10); /* LINE:outside_bar */
#endif
	ringnic_write(nic, RINGNIC_REG_CTRL, RINGNIC_CTRL_ENABLE);
}

/* ---- probe and remove ---- */

static int ringnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	const size_t ring_bytes = RINGNIC_RING_SIZE * sizeof(struct ringnic_desc);
	struct ringnic *nic;
	int ret;

	nic = kzalloc(sizeof(*nic), GFP_KERNEL);
	if (!nic)
		return -ENOMEM;
	nic->pdev = pdev;
	nic->nif.xmit = ringnic_xmit;
	nic->nif.receive = ringnic_receive;
	nic->nif.stats = ringnic_stats;
	spin_lock_init(&nic->lock);
	INIT_LIST_HEAD(&nic->rx_queue);
	init_waitqueue_head(&nic->rx_wait);
	tasklet_setup(&nic->rx_tasklet, ringnic_rx_tasklet);

	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_regions(pdev, KBUILD_MODNAME);
	if (ret)
		goto err_disable;
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret) {
		dev_err(dev, "no usable DMA configuration\n");
		goto err_regions;
	}
	nic->regs = pci_iomap(pdev, 0, RINGNIC_BAR_SIZE); /* LINE:pci_iomap */
	if (!nic->regs) {
		ret = -ENOMEM;
		goto err_regions;
	}
	if (ringnic_read(nic, RINGNIC_REG_ID) != RINGNIC_ID_VALUE) {
		dev_err(dev, "unknown device id %#x\n",
			ringnic_read(nic, RINGNIC_REG_ID));
		ret = -ENODEV;
		goto err_unmap;
	}
	pci_set_master(pdev);

	ret = -ENOMEM;
	nic->tx_ring = dma_alloc_coherent(dev, ring_bytes, &nic->tx_ring_dma,
					  GFP_KERNEL);
	if (!nic->tx_ring)
		goto err_master;
	nic->rx_ring = dma_alloc_coherent(dev, ring_bytes, &nic->rx_ring_dma,
					  GFP_KERNEL);
	if (!nic->rx_ring)
		goto err_tx_ring;
	ret = ringnic_rx_fill(nic);
	if (ret)
		goto err_rx_bufs;

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (ret < 0)
		goto err_rx_bufs;
	nic->irq = pci_irq_vector(pdev, 0);
	ret = request_irq(nic->irq, ringnic_interrupt, 0, KBUILD_MODNAME, nic);
	if (ret)
		goto err_vectors;

	pci_set_drvdata(pdev, nic);
	ringnic_hw_setup(nic);
	dev_info(dev, "ring of %d descriptors, irq %d\n", RINGNIC_RING_SIZE,
		 nic->irq);
	return 0;

err_vectors:
	pci_free_irq_vectors(pdev);
err_rx_bufs:
	ringnic_rx_drain(nic);
	dma_free_coherent(dev, ring_bytes, nic->rx_ring, nic->rx_ring_dma);
err_tx_ring:
	dma_free_coherent(dev, ring_bytes, nic->tx_ring, nic->tx_ring_dma);
err_master:
	pci_clear_master(pdev);
err_unmap:
	pci_iounmap(pdev, nic->regs);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(nic);
	return ret;
}

static void ringnic_quiesce(struct ringnic *nic)
{
	ringnic_write(nic, RINGNIC_REG_IMR, 0);
	ringnic_write(nic, RINGNIC_REG_CTRL, 0);
}

static void ringnic_remove(struct pci_dev *pdev)
{
	struct ringnic *nic = pci_get_drvdata(pdev);
	struct device *dev = &pdev->dev;
	const size_t ring_bytes = RINGNIC_RING_SIZE * sizeof(struct ringnic_desc);

#ifndef RINGNIC_BUG_MMIO_AFTER_UNMAP
	ringnic_quiesce(nic);
#endif
	free_irq(nic->irq, nic);
	pci_free_irq_vectors(pdev);
	tasklet_kill(&nic->rx_tasklet);
	pci_clear_master(pdev);

	ringnic_tx_drain(nic);
	ringnic_rx_drain(nic);
	dma_free_coherent(dev, ring_bytes, nic->rx_ring, nic->rx_ring_dma);
	dma_free_coherent(dev, ring_bytes, nic->tx_ring, nic->tx_ring_dma);

	pci_iounmap(pdev, nic->regs); /* LINE:iounmap */
#ifdef RINGNIC_BUG_MMIO_AFTER_UNMAP
	ringnic_quiesce(nic);	/* BUG: the registers are unmapped */
#endif
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(nic);
}

static const struct pci_device_id ringnic_ids[] = {
	{ PCI_DEVICE(RINGNIC_VENDOR, RINGNIC_DEVICE) },
	{ }
};
MODULE_DEVICE_TABLE(pci, ringnic_ids);

static struct pci_driver ringnic_driver = {
	.name		= KBUILD_MODNAME,
	.id_table	= ringnic_ids,
	.probe		= ringnic_probe,
	.remove		= ringnic_remove,
};
module_pci_driver(ringnic_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("descriptor-ring network-card-like PCI device");
