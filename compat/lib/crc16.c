// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/crc16.c - CRC16 as lib/crc16.c (6.1): reflected 0xa001.
 * The table is computed by the compiler (compat/lib/crc_table.h).
 */
#include <linux/crc16.h>

#include "lib/crc_table.h"

#define CRC16_ENTRY(i)	KSHIM_CRC_REFLECTED(u16, i, 0xa001)

u16 const crc16_table[256] = { KSHIM_CRC_TABLE(CRC16_ENTRY) };

u16 crc16(u16 crc, u8 const *buffer, size_t len)
{
	while (len--)
		crc = crc16_byte(crc, *buffer++);
	return crc;
}
