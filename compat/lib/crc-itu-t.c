// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/crc-itu-t.c - the ITU-T V.41 CRC16 as lib/crc-itu-t.c (6.1):
 * MSB first, 0x1021.  The table is computed by the compiler
 * (compat/lib/crc_table.h).
 */
#include <linux/crc-itu-t.h>

#include "lib/crc_table.h"

#define ITU_T_ENTRY(i)	KSHIM_CRC_NORMAL(u16, (u16)((i) << 8), 0x1021, 0x8000)

u16 const crc_itu_t_table[256] = { KSHIM_CRC_TABLE(ITU_T_ENTRY) };

u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len)
{
	while (len--)
		crc = crc_itu_t_byte(crc, *buffer++);
	return crc;
}
