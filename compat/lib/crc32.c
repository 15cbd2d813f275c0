// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/crc32.c - CRC32 and CRC32C, bit-exact with lib/crc32.c (6.1).
 *
 * Byte-at-a-time table lookup; the tables are computed by the compiler
 * from the polynomials (kshim's own generator macros below), so they are
 * read-only data as in the kernel.  The _shift() functions multiply by
 * x^(8*len) modulo the polynomial (GF(2) arithmetic), which is what
 * advancing a CRC over len zero bytes does.
 */
#include <linux/crc32.h>

#include "lib/crc_table.h"

#define CRC32_POLY_LE	0xedb88320U
#define CRC32C_POLY_LE	0x82f63b78U
#define CRC32_POLY_BE	0x04c11db7U

#define LE32(i)		KSHIM_CRC_REFLECTED(u32, i, CRC32_POLY_LE)
#define LE32C(i)	KSHIM_CRC_REFLECTED(u32, i, CRC32C_POLY_LE)
#define BE32(i)		KSHIM_CRC_NORMAL(u32, (u32)(i) << 24, CRC32_POLY_BE, \
					 0x80000000U)

static const u32 crc32_table_le[256] = { KSHIM_CRC_TABLE(LE32) };
static const u32 crc32c_table_le[256] = { KSHIM_CRC_TABLE(LE32C) };
static const u32 crc32_table_be[256] = { KSHIM_CRC_TABLE(BE32) };

static u32 crc_le(u32 crc, const unsigned char *p, size_t len,
		  const u32 *table)
{
	while (len--)
		crc = (crc >> 8) ^ table[(crc ^ *p++) & 0xff];
	return crc;
}

u32 __pure crc32_le(u32 crc, unsigned char const *p, size_t len)
{
	return crc_le(crc, p, len, crc32_table_le);
}

u32 __pure __crc32c_le(u32 crc, unsigned char const *p, size_t len)
{
	return crc_le(crc, p, len, crc32c_table_le);
}

u32 __pure crc32_be(u32 crc, unsigned char const *p, size_t len)
{
	while (len--)
		crc = (crc << 8) ^ crc32_table_be[(crc >> 24) ^ *p++];
	return crc;
}

/* a * b mod the reflected polynomial (bit 31 is x^0). */
static u32 gf2_multiply(u32 a, u32 b, u32 poly)
{
	u32 product = 0;
	int i;

	for (i = 0; i < 32; i++) {
		if (a & 0x80000000U)
			product ^= b;
		a <<= 1;
		b = (b >> 1) ^ ((b & 1) ? poly : 0);
	}
	return product;
}

/* crc * x^(8*len) mod poly. */
static u32 crc_shift(u32 crc, size_t len, u32 poly)
{
	u32 power = 0x80000000U >> 8;	/* x^8, reflected */
	u32 result = crc;

	/* Square-and-multiply on the bits of len. */
	while (len) {
		if (len & 1)
			result = gf2_multiply(result, power, poly);
		power = gf2_multiply(power, power, poly);
		len >>= 1;
	}
	return result;
}

u32 __attribute_const__ crc32_le_shift(u32 crc, size_t len)
{
	return crc_shift(crc, len, CRC32_POLY_LE);
}

u32 __attribute_const__ __crc32c_le_shift(u32 crc, size_t len)
{
	return crc_shift(crc, len, CRC32C_POLY_LE);
}
