/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hex.h - hex digits and conversions (lib/hexdump.c).
 *
 * Follows include/linux/hex.h of 6.3+, which took these out of
 * include/linux/kernel.h (where 6.1 declares them): linux/kernel.h
 * includes this header, so drivers of either era find them.
 * hex_to_bin() is a digit's value or -1; hex2bin() converts @count bytes
 * (-EINVAL at the first non-hex digit); bin2hex() writes 2 * @count
 * lower-case digits (no NUL) and returns the end.
 */
#ifndef _LINUX_HEX_H
#define _LINUX_HEX_H

#include <linux/types.h>
#include <linux/compiler.h>

extern const char hex_asc[];
#define hex_asc_lo(x)	hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x)	hex_asc[((x) & 0xf0) >> 4]

static inline char *hex_byte_pack(char *buf, u8 byte)
{
	*buf++ = hex_asc_hi(byte);
	*buf++ = hex_asc_lo(byte);
	return buf;
}

extern const char hex_asc_upper[];
#define hex_asc_upper_lo(x)	hex_asc_upper[((x) & 0x0f)]
#define hex_asc_upper_hi(x)	hex_asc_upper[((x) & 0xf0) >> 4]

static inline char *hex_byte_pack_upper(char *buf, u8 byte)
{
	*buf++ = hex_asc_upper_hi(byte);
	*buf++ = hex_asc_upper_lo(byte);
	return buf;
}

extern int hex_to_bin(unsigned char ch);
extern int __must_check hex2bin(u8 *dst, const char *src, size_t count);
extern char *bin2hex(char *dst, const void *src, size_t count);

#endif /* _LINUX_HEX_H */
