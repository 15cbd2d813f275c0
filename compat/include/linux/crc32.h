/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/crc32.h - CRC32 (IEEE 802.3) and CRC32C (Castagnoli).
 *
 * Follows include/linux/crc32.h and lib/crc32.c of 6.1: crc32_le() is the
 * reflected CRC with polynomial 0xedb88320, crc32_be() the MSB-first one
 * with 0x04c11db7, __crc32c_le() the reflected Castagnoli CRC (0x82f63b78).
 * None of them inverts the seed or the result: the standard CRC-32 of a
 * buffer is ~crc32_le(~0, buf, len), as in the kernel.  crc32_le_shift()
 * and __crc32c_le_shift() advance a CRC over @len zero bytes, for the
 * _combine() helpers.  (crc32() is also the name of zlib's function: a host
 * file including both <zlib.h> and this header gets the kernel's macro.)
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>
#include <linux/compiler.h>

u32 __pure crc32_le(u32 crc, unsigned char const *p, size_t len);
u32 __pure crc32_be(u32 crc, unsigned char const *p, size_t len);
u32 __attribute_const__ crc32_le_shift(u32 crc, size_t len);

static inline u32 crc32_le_combine(u32 crc1, u32 crc2, size_t len2)
{
	return crc32_le_shift(crc1, len2) ^ crc2;
}

u32 __pure __crc32c_le(u32 crc, unsigned char const *p, size_t len);
u32 __attribute_const__ __crc32c_le_shift(u32 crc, size_t len);

static inline u32 __crc32c_le_combine(u32 crc1, u32 crc2, size_t len2)
{
	return __crc32c_le_shift(crc1, len2) ^ crc2;
}

#define crc32(seed, data, length)					\
	crc32_le(seed, (unsigned char const *)(data), length)

/* kshim: bitrev32() of linux/bitrev.h, which kshim does not provide. */
static inline u32 __kshim_crc32_bitrev32(u32 x)
{
	x = ((x & 0x55555555U) << 1) | ((x >> 1) & 0x55555555U);
	x = ((x & 0x33333333U) << 2) | ((x >> 2) & 0x33333333U);
	x = ((x & 0x0f0f0f0fU) << 4) | ((x >> 4) & 0x0f0f0f0fU);
	return __builtin_bswap32(x);
}

/* The Ethernet FCS, in the two bit orders drivers want it. */
#define ether_crc(length, data)						\
	__kshim_crc32_bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)

#endif /* _LINUX_CRC32_H */
