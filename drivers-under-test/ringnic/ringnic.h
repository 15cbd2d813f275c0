/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ringnic - a PCI network-card-like device with one transmit and one
 * receive descriptor ring: what the hardware looks like (its registers
 * and descriptors, for the simulated device in tests/drivers/) and what
 * the driver offers its user (struct ringnic_if, in place of a
 * net_device).
 *
 * The device (vendor RINGNIC_VENDOR, device RINGNIC_DEVICE) has one
 * 4 KiB memory BAR of 32-bit registers and one MSI vector.  Both rings
 * live in coherent DMA memory; a descriptor belongs to the device while
 * RINGNIC_DESC_OWN is set in its flags and comes back with the flag
 * cleared and RINGNIC_DESC_DONE set.
 *  - Transmit: the driver fills descriptors (a buffer's bus address and
 *    length), sets OWN and writes the index after the last one to
 *    TX_TAIL.  The device sends every descriptor it owns from TX_HEAD
 *    on, hands each back and raises ISR_TX.
 *  - Receive: the driver gives the device empty buffers
 *    (RINGNIC_RX_BUF_SIZE bytes each, OWN set) and counts them in
 *    RX_TAIL; the device writes a packet into the next one (while
 *    RX_HEAD != RX_TAIL), stores the length, hands it back, counts it in
 *    RX_HEAD and raises ISR_RX.  Both are free-running counts: slot =
 *    count % ring size.  The driver takes back exactly the buffers
 *    RX_HEAD counts, never polling a descriptor the device may be
 *    writing.
 * ISR bits are cleared by writing them back (write 1 to clear); the
 * interrupt fires for a bit set in both ISR and IMR.
 */
#ifndef _RINGNIC_H
#define _RINGNIC_H

#include <linux/types.h>

#define RINGNIC_VENDOR		0x1b36
#define RINGNIC_DEVICE		0x7a10

#define RINGNIC_BAR_SIZE	4096
#define RINGNIC_ID_VALUE	0x52494e47	/* "RING" */

/* Registers, 32 bits each, offsets into BAR 0. */
#define RINGNIC_REG_ID		0x00	/* RO: RINGNIC_ID_VALUE */
#define RINGNIC_REG_CTRL	0x04
#define  RINGNIC_CTRL_ENABLE	0x1
#define RINGNIC_REG_ISR		0x08	/* write 1 to clear */
#define  RINGNIC_ISR_TX		0x1
#define  RINGNIC_ISR_RX		0x2
#define RINGNIC_REG_IMR		0x0c
#define RINGNIC_REG_TX_BASE_LO	0x10
#define RINGNIC_REG_TX_BASE_HI	0x14
#define RINGNIC_REG_TX_COUNT	0x18	/* descriptors in the ring */
#define RINGNIC_REG_TX_TAIL	0x1c	/* doorbell: next slot the driver fills */
#define RINGNIC_REG_TX_HEAD	0x20	/* RO: next slot the device sends */
#define RINGNIC_REG_RX_BASE_LO	0x30
#define RINGNIC_REG_RX_BASE_HI	0x34
#define RINGNIC_REG_RX_COUNT	0x38
#define RINGNIC_REG_RX_TAIL	0x3c	/* doorbell: buffers posted, ever */
#define RINGNIC_REG_RX_HEAD	0x40	/* RO: buffers filled, ever */

/* A descriptor, little endian, 16 bytes. */
struct ringnic_desc {
	__le64 addr;		/* bus address of the buffer */
	__le16 len;		/* TX: bytes to send; RX: buffer size, then
				 * the packet's length */
	__le16 flags;
	__le32 reserved;
};
#define RINGNIC_DESC_OWN	0x1	/* the device's */
#define RINGNIC_DESC_DONE	0x2	/* handed back by the device */

#define RINGNIC_RING_SIZE	16
#define RINGNIC_RX_BUF_SIZE	2048
#define RINGNIC_MAX_PACKET	RINGNIC_RX_BUF_SIZE
#define RINGNIC_RX_WAIT_MS	1000

struct ringnic_stats {
	unsigned long tx_queued;	/* accepted by xmit */
	unsigned long tx_done;		/* handed back and released */
	unsigned long rx_packets;	/* received and queued for receive() */
	unsigned long rx_dropped;	/* no memory for a received packet */
	unsigned long interrupts;
};

/*
 * What the driver's user calls (the driver's private data starts with
 * it: dev_get_drvdata() of the PCI device's struct device).
 *  - xmit(): copy @len bytes (1 to RINGNIC_MAX_PACKET) into a page of
 *    the driver's, map it and queue it; 0, -EINVAL, -EBUSY (ring full),
 *    -ENOMEM (no page, or the mapping failed).
 *  - receive(): the oldest received packet into @buf (at most @size
 *    bytes): its length, or -EAGAIN when none is waiting (with @wait,
 *    after waiting up to RINGNIC_RX_WAIT_MS for one; process context).
 *  - stats(): a snapshot of the counters.
 */
struct ringnic_if {
	int (*xmit)(struct ringnic_if *nif, const void *data, unsigned int len);
	int (*receive)(struct ringnic_if *nif, void *buf, unsigned int size,
		       bool wait);
	void (*stats)(struct ringnic_if *nif, struct ringnic_stats *st);
};

#endif /* _RINGNIC_H */
