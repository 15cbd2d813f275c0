/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pdma - a platform "DMA transform engine": the driver hands it a chain
 * of descriptors (from a dma_pool), each naming a source and a
 * destination buffer; the engine reads each source, XORs every byte with
 * the descriptor's key, writes the destination, marks the descriptor
 * done and raises its interrupt.  What the hardware looks like (for the
 * simulated device in tests/drivers/test_pdma.c) and what the driver
 * offers (struct pdma_if).
 *
 * The platform device ("pdma") has one memory resource (PDMA_REGS_SIZE
 * bytes of 32-bit registers) and one interrupt.
 */
#ifndef _PDMA_H
#define _PDMA_H

#include <linux/types.h>

#define PDMA_NAME		"pdma"
#define PDMA_REGS_SIZE		0x100
#define PDMA_ID_VALUE		0x50444d41	/* "PDMA" */

#define PDMA_REG_ID		0x00	/* RO */
#define PDMA_REG_CTRL		0x04
#define  PDMA_CTRL_ENABLE	0x1
#define PDMA_REG_STATUS		0x08	/* write 1 to clear */
#define  PDMA_STATUS_DONE	0x1
#define  PDMA_STATUS_ERROR	0x2
#define PDMA_REG_IRQ_EN		0x0c
#define PDMA_REG_CHAIN_LO	0x10	/* bus address of the first descriptor */
#define PDMA_REG_CHAIN_HI	0x14
#define PDMA_REG_GO		0x18	/* write 1: run the chain */
#define PDMA_REG_COUNT		0x1c	/* RO: descriptors completed so far */

/* A descriptor (32 bytes, 32-byte aligned, little endian). */
struct pdma_desc {
	__le64 src;
	__le64 dst;
	__le64 next;		/* bus address of the next one, 0: last */
	__le16 len;
	__u8 key;		/* XORed into every byte */
	__u8 status;		/* set by the engine */
	__le32 pad;
};
#define PDMA_DESC_DONE		0x1
#define PDMA_DESC_FAULT		0x2

#define PDMA_CHUNK		1024	/* bytes per descriptor */
#define PDMA_MAX_LEN		(8 * PDMA_CHUNK)

/*
 * What the driver's user calls (the driver's private data starts with
 * it: dev_get_drvdata() of the platform device's struct device).
 * transform(): dst[i] = src[i] ^ key for @len bytes (1 to PDMA_MAX_LEN),
 * through the engine; 0, -EINVAL, -ENOMEM, -EIO (the engine reported an
 * error) or -ETIMEDOUT.
 */
struct pdma_if {
	int (*transform)(struct pdma_if *pif, const void *src, void *dst,
			 unsigned int len, u8 key);
	unsigned long completed;	/* transforms that succeeded */
};

#endif /* _PDMA_H */
