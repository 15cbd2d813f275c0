/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/dma-direction.h - which way the data of a DMA mapping flows.
 *
 * Follows include/linux/dma-direction.h of 6.1: the four directions with
 * the kernel's values (drivers store them in descriptors and compare
 * them), and valid_dma_direction(), true for the three a mapping may
 * have (DMA_NONE is only a marker).
 */
#ifndef _LINUX_DMA_DIRECTION_H
#define _LINUX_DMA_DIRECTION_H

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

static inline int valid_dma_direction(enum dma_data_direction dir)
{
	switch (dir) {
	case DMA_BIDIRECTIONAL:
	case DMA_TO_DEVICE:
	case DMA_FROM_DEVICE:
		return 1;
	default:
		return 0;
	}
}

#endif /* _LINUX_DMA_DIRECTION_H */
