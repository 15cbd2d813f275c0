/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/crc-ccitt.h - the CCITT CRC16 (x^16 + x^12 + x^5 + 1).
 *
 * Follows include/linux/crc-ccitt.h and lib/crc-ccitt.c of 6.1:
 * crc_ccitt() is the LSB-first form (reflected polynomial 0x8408; seed 0
 * gives CRC-16/KERMIT, seed 0xffff and ~result the X.25 FCS),
 * crc_ccitt_false() the MSB-first form (0x1021; seed 0xffff gives
 * CRC-16/CCITT-FALSE).  No inversion is done.
 */
#ifndef _LINUX_CRC_CCITT_H
#define _LINUX_CRC_CCITT_H

#include <linux/types.h>

extern u16 const crc_ccitt_table[256];
extern u16 const crc_ccitt_false_table[256];

extern u16 crc_ccitt(u16 crc, const u8 *buffer, size_t len);
extern u16 crc_ccitt_false(u16 crc, const u8 *buffer, size_t len);

static inline u16 crc_ccitt_byte(u16 crc, const u8 c)
{
	return (crc >> 8) ^ crc_ccitt_table[(crc ^ c) & 0xff];
}

static inline u16 crc_ccitt_false_byte(u16 crc, const u8 c)
{
	return (crc << 8) ^ crc_ccitt_false_table[(crc >> 8) ^ c];
}

#endif /* _LINUX_CRC_CCITT_H */
