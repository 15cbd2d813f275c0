/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/crc16.h - CRC16 (polynomial x^16 + x^15 + x^2 + 1, LSB first).
 *
 * Follows include/linux/crc16.h and lib/crc16.c of 6.1: the reflected
 * polynomial 0xa001, no inversion (crc16(0, "123456789", 9) is 0xbb3d,
 * CRC-16/ARC).
 */
#ifndef __CRC16_H
#define __CRC16_H

#include <linux/types.h>

extern u16 const crc16_table[256];

extern u16 crc16(u16 crc, const u8 *buffer, size_t len);

static inline u16 crc16_byte(u16 crc, const u8 data)
{
	return (crc >> 8) ^ crc16_table[(crc ^ data) & 0xff];
}

#endif /* __CRC16_H */
