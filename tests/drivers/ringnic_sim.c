/*
 * ringnic_sim.c - the simulated ringnic hardware, see ringnic_sim.h.
 */
#include <errno.h>
#include <string.h>

#include <kshim/device.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/pci.h>

#include "ringnic_sim.h"

static uint32_t reg(struct ringnic_sim *sim, unsigned int off)
{
	return __atomic_load_n(&sim->regs[off / 4], __ATOMIC_ACQUIRE);
}

static uint64_t ring_base(struct ringnic_sim *sim, unsigned int lo)
{
	return (uint64_t)reg(sim, lo + 4) << 32 | reg(sim, lo);
}

static void signal_irq(struct ringnic_sim *sim, uint32_t bit)
{
	__atomic_or_fetch(&sim->isr, bit, __ATOMIC_ACQ_REL);
	if (!(reg(sim, RINGNIC_REG_IMR) & bit))
		return;
	if (kshim_pci_raise_irq(sim->pdev, 0) == 0)
		__atomic_add_fetch(&sim->irqs_raised, 1, __ATOMIC_RELAXED);
}

/* Descriptor @i of the ring at @base, by DMA. */
static int desc_read(struct ringnic_sim *sim, uint64_t base, unsigned int i,
		     struct ringnic_desc *d)
{
	int ret = kshim_dma_read(&sim->pdev->dev, base + i * sizeof(*d), d,
				 sizeof(*d));

	if (ret)
		sim->dma_faults++;
	return ret;
}

static int desc_write(struct ringnic_sim *sim, uint64_t base, unsigned int i,
		      const struct ringnic_desc *d)
{
	int ret = kshim_dma_write(&sim->pdev->dev, base + i * sizeof(*d), d,
				  sizeof(*d));

	if (ret)
		sim->dma_faults++;
	return ret;
}

void ringnic_sim_tx(struct ringnic_sim *sim)
{
	uint64_t base = ring_base(sim, RINGNIC_REG_TX_BASE_LO);
	unsigned int count = reg(sim, RINGNIC_REG_TX_COUNT);
	bool sent = false;

	if (!(reg(sim, RINGNIC_REG_CTRL) & RINGNIC_CTRL_ENABLE) || !count)
		return;
	for (;;) {
		struct ringnic_desc d;
		unsigned int n, len;

		if (desc_read(sim, base, sim->tx_head, &d) ||
		    !(d.flags & RINGNIC_DESC_OWN))
			break;
		len = d.len;
		n = sim->nsent % RINGNIC_SIM_MAX_SENT;
		if (len > RINGNIC_MAX_PACKET)
			len = RINGNIC_MAX_PACKET;
		sim->sent_addr[n] = d.addr;
		sim->sent_len[n] = len;
		if (kshim_dma_read(&sim->pdev->dev, d.addr, sim->sent[n], len))
			sim->dma_faults++;
		sim->nsent++;
		d.flags = RINGNIC_DESC_DONE;
		if (desc_write(sim, base, sim->tx_head, &d))
			break;
		sim->tx_head = (sim->tx_head + 1) % count;
		sent = true;
	}
	if (sent)
		signal_irq(sim, RINGNIC_ISR_TX);
}

int ringnic_sim_inject(struct ringnic_sim *sim, const void *data,
		       unsigned int len)
{
	uint64_t base = ring_base(sim, RINGNIC_REG_RX_BASE_LO);
	unsigned int count = reg(sim, RINGNIC_REG_RX_COUNT);
	uint32_t head, tail;
	struct ringnic_desc d;
	unsigned int slot;
	int ret;

	if (!(reg(sim, RINGNIC_REG_CTRL) & RINGNIC_CTRL_ENABLE) || !count)
		return -EIO;
	pthread_mutex_lock(&sim->lock);
	head = sim->rx_head;
	tail = sim->regs[RINGNIC_REG_RX_TAIL / 4];
	pthread_mutex_unlock(&sim->lock);
	if (head == tail)
		return -ENOBUFS;
	slot = head % count;
	ret = desc_read(sim, base, slot, &d);
	if (ret)
		return ret;
	if (!(d.flags & RINGNIC_DESC_OWN))
		return -ENOBUFS;
	if (len > d.len)
		len = d.len;
	ret = kshim_dma_write(&sim->pdev->dev, d.addr, data, len); /* LINE:rx_dma_write */
	if (ret) {
		sim->dma_faults++;
		return ret;
	}
	d.len = len;
	d.flags = RINGNIC_DESC_DONE;
	ret = desc_write(sim, base, slot, &d);
	if (ret)
		return ret;
	pthread_mutex_lock(&sim->lock);
	sim->rx_head++;
	pthread_mutex_unlock(&sim->lock);
	signal_irq(sim, RINGNIC_ISR_RX);
	return 0;
}

static uint64_t sim_read(void *priv, unsigned long off, unsigned int size)
{
	struct ringnic_sim *sim = priv;

	if (size != 4 || off % 4)
		return ~0ULL;
	switch (off) {
	case RINGNIC_REG_ID:
		return RINGNIC_ID_VALUE;
	case RINGNIC_REG_ISR:
		return __atomic_load_n(&sim->isr, __ATOMIC_ACQUIRE);
	case RINGNIC_REG_TX_HEAD:
		return sim->tx_head;
	case RINGNIC_REG_RX_HEAD: {
		uint32_t head;

		pthread_mutex_lock(&sim->lock);
		head = sim->rx_head;
		pthread_mutex_unlock(&sim->lock);
		return head;
	}
	default:
		return reg(sim, off);
	}
}

static void sim_write(void *priv, unsigned long off, uint64_t val,
		      unsigned int size)
{
	struct ringnic_sim *sim = priv;

	if (size != 4 || off % 4)
		return;
	switch (off) {
	case RINGNIC_REG_ISR:
		__atomic_and_fetch(&sim->isr, ~(uint32_t)val, __ATOMIC_ACQ_REL);
		return;
	case RINGNIC_REG_CTRL:
		if (!(val & RINGNIC_CTRL_ENABLE)) {
			pthread_mutex_lock(&sim->lock);
			sim->tx_head = sim->rx_head = 0;
			pthread_mutex_unlock(&sim->lock);
		}
		break;
	}
	pthread_mutex_lock(&sim->lock);
	__atomic_store_n(&sim->regs[off / 4], (uint32_t)val, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&sim->lock);
	if (off == RINGNIC_REG_TX_TAIL && !sim->paused)
		ringnic_sim_tx(sim);
}

static const struct kshim_regs_ops sim_ops = {
	.read = sim_read,
	.write = sim_write,
};

struct pci_dev *ringnic_sim_try_add(struct ringnic_sim *sim)
{
	struct kshim_pci_config cfg = {
		.vendor = RINGNIC_VENDOR,
		.device = RINGNIC_DEVICE,
		.subsystem_vendor = RINGNIC_VENDOR,
		.subsystem_device = 1,
		.class = 0x020000,		/* Ethernet controller */
		.msi_vectors = 1,
	};
	struct pci_dev *pdev;

	memset(sim, 0, sizeof(*sim));
	pthread_mutex_init(&sim->lock, NULL);
	sim->bar = kshim_mmio_create(RINGNIC_BAR_SIZE, &sim_ops, sim);
	if (!sim->bar)
		return NULL;
	cfg.bar[0].region = sim->bar;
	pdev = kshim_pci_device_add(&cfg);
	if (IS_ERR_OR_NULL(pdev)) {
		kshim_mmio_destroy(sim->bar);
		sim->bar = NULL;
		return NULL;
	}
	sim->pdev = pdev;
	return pdev;
}

struct pci_dev *ringnic_sim_add(struct ringnic_sim *sim)
{
	struct pci_dev *pdev = ringnic_sim_try_add(sim);

	CU_ASSERT_PTR_NOT_NULL_FATAL(pdev);
	return pdev;
}

void ringnic_sim_remove(struct ringnic_sim *sim)
{
	kshim_pci_device_remove(sim->pdev);
	kshim_mmio_destroy(sim->bar);
	sim->pdev = NULL;
}

struct ringnic_if *ringnic_sim_nif(struct ringnic_sim *sim)
{
	return dev_get_drvdata(&sim->pdev->dev);
}

unsigned int ringnic_sim_irq(struct ringnic_sim *sim)
{
	return pci_irq_vector(sim->pdev, 0);
}
