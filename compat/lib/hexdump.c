// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/hexdump.c - hex digits, hex conversions and hex dumps.
 *
 * Reproduces lib/hexdump.c of 6.1: hex_asc[], hex_to_bin(), hex2bin(),
 * bin2hex(), hex_dump_to_buffer() and print_hex_dump(), to the byte.
 * A dump line holds one row (16 or 32 bytes; anything else is 16) in
 * groups of 1, 2, 4 or 8 bytes read as native (little-endian) numbers;
 * a group size that is no power of two up to 8, or does not divide the
 * row's length, means bytes.  The ASCII column starts at
 * rowsize * 2 + rowsize / groupsize + 1 and shows printable ASCII, '.'
 * for the rest.  When @linebuf is too small, hex_dump_to_buffer() stops
 * and returns the length the whole line would have had.
 */
#include <string.h>

#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "kshim/internal.h"

const char hex_asc[] = "0123456789abcdef";
const char hex_asc_upper[] = "0123456789ABCDEF";

int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;	/* lower case */
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++);
		int lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (hi << 4) | lo;
	}
	return 0;
}

char *bin2hex(char *dst, const void *src, size_t count)
{
	const unsigned char *p = src;

	while (count--)
		dst = hex_byte_pack(dst, *p++);
	return dst;
}

/* One group of @size bytes at @p, a native-endian number. */
static unsigned long long group_value(const u8 *p, int size)
{
	u64 v8;
	u32 v4;
	u16 v2;

	switch (size) {
	case 8:
		memcpy(&v8, p, 8);
		return v8;
	case 4:
		memcpy(&v4, p, 4);
		return v4;
	default:
		memcpy(&v2, p, 2);
		return v2;
	}
}

int hex_dump_to_buffer(const void *buf, size_t len, int rowsize,
		       int groupsize, char *linebuf, size_t linebuflen,
		       bool ascii)
{
	const u8 *ptr = buf;
	int ngroups, ascii_column, j, lx = 0;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (len > (size_t)rowsize)	/* one line at a time */
		len = rowsize;
	if (groupsize <= 0 || groupsize > 8 ||
	    (groupsize & (groupsize - 1)) || len % groupsize)
		groupsize = 1;
	ngroups = len / groupsize;
	ascii_column = rowsize * 2 + rowsize / groupsize + 1;

	if (!linebuflen)
		goto overflow1;
	if (!len)
		goto nil;

	if (groupsize > 1) {
		for (j = 0; j < ngroups; j++) {
			int ret = snprintf(linebuf + lx, linebuflen - lx,
					   "%s%0*llx", j ? " " : "",
					   2 * groupsize,
					   group_value(ptr + j * groupsize,
						       groupsize));

			if ((size_t)ret >= linebuflen - lx)
				goto overflow1;
			lx += ret;
		}
	} else {
		for (j = 0; j < (int)len; j++) {
			if (linebuflen < (size_t)lx + 2)
				goto overflow2;
			linebuf[lx++] = hex_asc_hi(ptr[j]);
			if (linebuflen < (size_t)lx + 2)
				goto overflow2;
			linebuf[lx++] = hex_asc_lo(ptr[j]);
			if (linebuflen < (size_t)lx + 2)
				goto overflow2;
			linebuf[lx++] = ' ';
		}
		if (j)
			lx--;	/* no space after the last byte */
	}
	if (!ascii)
		goto nil;

	while (lx < ascii_column) {
		if (linebuflen < (size_t)lx + 2)
			goto overflow2;
		linebuf[lx++] = ' ';
	}
	for (j = 0; j < (int)len; j++) {
		if (linebuflen < (size_t)lx + 2)
			goto overflow2;
		linebuf[lx++] = ptr[j] >= 0x20 && ptr[j] < 0x7f ? ptr[j] : '.';
	}
nil:
	linebuf[lx] = '\0';
	return lx;
overflow2:
	linebuf[lx++] = '\0';
overflow1:
	return ascii ? ascii_column + (int)len :
		       (groupsize * 2 + 1) * ngroups - 1;
}

void print_hex_dump(const char *level, const char *prefix_str,
		    int prefix_type, int rowsize, int groupsize,
		    const void *buf, size_t len, bool ascii)
{
	const u8 *ptr = buf;
	int remaining = len;
	char linebuf[32 * 3 + 2 + 32 + 1];
	size_t i;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;

	for (i = 0; i < len; i += rowsize) {
		int linelen = remaining < rowsize ? remaining : rowsize;

		remaining -= rowsize;
		hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize,
				   linebuf, sizeof(linebuf), ascii);
		switch (prefix_type) {
		case DUMP_PREFIX_ADDRESS:
			printk("%s%s%p: %s\n", level, prefix_str, ptr + i,
			       linebuf);
			break;
		case DUMP_PREFIX_OFFSET:
			printk("%s%s%.8zx: %s\n", level, prefix_str, i,
			       linebuf);
			break;
		default:
			printk("%s%s%s\n", level, prefix_str, linebuf);
			break;
		}
	}
}
