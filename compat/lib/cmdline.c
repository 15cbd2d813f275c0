// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/cmdline.c - memparse(): "64K", "256M", "4G" -> bytes.
 *
 * Behaves as lib/cmdline.c: a number in any C base, then an optional
 * K/M/G/T/P/E suffix (either case) multiplying by powers of 1024.
 */
#include <stdlib.h>

#include <linux/kernel.h>

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = strtoull(ptr, &endptr, 0);
	unsigned int shift = 0;

	switch (*endptr) {
	case 'E': case 'e':
		shift += 10;
		/* fall through */
	case 'P': case 'p':
		shift += 10;
		/* fall through */
	case 'T': case 't':
		shift += 10;
		/* fall through */
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		endptr++;
		break;
	default:
		break;
	}
	ret <<= shift;
	if (retptr)
		*retptr = endptr;
	return ret;
}
