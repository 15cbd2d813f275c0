// SPDX-License-Identifier: GPL-2.0
/*
 * lib/math/int_sqrt.c - int_sqrt(): floor of the square root of @x,
 * computed bit by bit (no floating point), as lib/math/int_sqrt.c of 6.x.
 */
#include <linux/math.h>
#include <linux/bitops.h>

unsigned long int_sqrt(unsigned long x)
{
	unsigned long root = 0, bit;

	if (x <= 1)
		return x;

	/* The highest power of four not above x. */
	bit = 1UL << (__fls(x) & ~1UL);
	while (bit) {
		if (x >= root + bit) {
			x -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
		bit >>= 2;
	}
	return root;
}
