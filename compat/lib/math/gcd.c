// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/math/gcd.c - gcd(): greatest common divisor (binary algorithm);
 * gcd(a, 0) is a, gcd(0, 0) is 0, as in 6.x.
 */
#include <linux/gcd.h>
#include <linux/bitops.h>

unsigned long gcd(unsigned long a, unsigned long b)
{
	unsigned int shift;

	if (!a || !b)
		return a | b;

	shift = __ffs(a | b);
	a >>= __ffs(a);
	do {
		b >>= __ffs(b);
		if (a > b) {
			unsigned long t = a;

			a = b;
			b = t;
		}
		b -= a;
	} while (b);
	return a << shift;
}
