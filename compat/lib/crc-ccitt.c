// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/crc-ccitt.c - the CCITT CRC16 as lib/crc-ccitt.c (6.1), LSB
 * first (0x8408) and MSB first (0x1021, "false").  The tables are
 * computed by the compiler (compat/lib/crc_table.h).
 */
#include <linux/crc-ccitt.h>

#include "lib/crc_table.h"

#define CCITT_ENTRY(i)	KSHIM_CRC_REFLECTED(u16, i, 0x8408)
#define CCITT_FALSE_ENTRY(i)						\
	KSHIM_CRC_NORMAL(u16, (u16)((i) << 8), 0x1021, 0x8000)

u16 const crc_ccitt_table[256] = { KSHIM_CRC_TABLE(CCITT_ENTRY) };
u16 const crc_ccitt_false_table[256] = { KSHIM_CRC_TABLE(CCITT_FALSE_ENTRY) };

u16 crc_ccitt(u16 crc, u8 const *buffer, size_t len)
{
	while (len--)
		crc = crc_ccitt_byte(crc, *buffer++);
	return crc;
}

u16 crc_ccitt_false(u16 crc, u8 const *buffer, size_t len)
{
	while (len--)
		crc = crc_ccitt_false_byte(crc, *buffer++);
	return crc;
}
