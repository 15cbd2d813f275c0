/*
 * ringnic_sim.h - the simulated ringnic hardware (drivers-under-test/
 * ringnic/ringnic.h) for test_ringnic and ringnic_bugs_child: BAR 0 is a
 * register model, the device reads and writes the rings and buffers by
 * DMA (kshim_dma_read()/kshim_dma_write()) and signals MSI vector 0.
 *
 * Transmit: a write of TX_TAIL makes the device send every descriptor it
 * owns at once (inside the driver's writel(), as a fast device would
 * before the driver's next instruction), unless the test paused it; each
 * packet sent is recorded.  Receive: ringnic_sim_inject() writes a packet
 * into the next buffer the driver posted (RX_HEAD != RX_TAIL).  Both set their ISR bit and, if
 * unmasked, raise the interrupt (taken asynchronously on another CPU).
 */
#ifndef _TESTS_RINGNIC_SIM_H
#define _TESTS_RINGNIC_SIM_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <kshim/device.h>

#include "../../drivers-under-test/ringnic/ringnic.h"

#define RINGNIC_SIM_MAX_SENT	64

struct ringnic_sim {
	struct kshim_mmio_region *bar;
	struct pci_dev *pdev;
	uint32_t regs[RINGNIC_BAR_SIZE / 4];	/* what the driver wrote */
	uint32_t isr;				/* atomics */
	uint32_t tx_head;			/* next TX slot to send */
	/*
	 * Receive counts (RX_HEAD; RX_TAIL is in regs[]), under @lock: the
	 * driver's tasklet reads RX_HEAD on another CPU, and what the device
	 * wrote before counting a buffer must be seen there (the order a
	 * real device's posted writes give).
	 */
	pthread_mutex_t lock;
	uint32_t rx_head;
	bool paused;				/* TX doorbell ignored */
	/* What the device sent: the data and the descriptor's address. */
	unsigned int nsent;
	unsigned int sent_len[RINGNIC_SIM_MAX_SENT];
	uint64_t sent_addr[RINGNIC_SIM_MAX_SENT];
	unsigned char sent[RINGNIC_SIM_MAX_SENT][RINGNIC_MAX_PACKET];
	int dma_faults;				/* DMA calls that failed */
	unsigned long irqs_raised;
};

/* Create the BAR and plug the function in (the loaded driver probes). */
struct pci_dev *ringnic_sim_add(struct ringnic_sim *sim);
/* The same, NULL (nothing left behind) when kshim refuses. */
struct pci_dev *ringnic_sim_try_add(struct ringnic_sim *sim);
/* hot-unplug as "echo 1 > remove": the driver's remove() runs. */
void ringnic_sim_remove(struct ringnic_sim *sim);
/* The bound driver's handle (NULL when no driver is bound). */
struct ringnic_if *ringnic_sim_nif(struct ringnic_sim *sim);
/* Send what the device owns (after a pause). */
void ringnic_sim_tx(struct ringnic_sim *sim);
/* Receive a packet: 0, -ENOBUFS (no buffer owned), or DMA's error. */
int ringnic_sim_inject(struct ringnic_sim *sim, const void *data,
		       unsigned int len);
/* The MSI vector's interrupt line. */
unsigned int ringnic_sim_irq(struct ringnic_sim *sim);

#endif /* _TESTS_RINGNIC_SIM_H */
