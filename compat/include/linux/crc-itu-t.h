/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/crc-itu-t.h - the ITU-T V.41 CRC16 (x^16 + x^12 + x^5 + 1, MSB
 * first).
 *
 * Follows include/linux/crc-itu-t.h and lib/crc-itu-t.c of 6.1: polynomial
 * 0x1021, no inversion (crc_itu_t(0, "123456789", 9) is 0x31c3,
 * CRC-16/XMODEM).
 */
#ifndef CRC_ITU_T_H
#define CRC_ITU_T_H

#include <linux/types.h>

extern u16 const crc_itu_t_table[256];

extern u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len);

static inline u16 crc_itu_t_byte(u16 crc, const u8 data)
{
	return (crc << 8) ^ crc_itu_t_table[((crc >> 8) ^ data) & 0xff];
}

#endif /* CRC_ITU_T_H */
