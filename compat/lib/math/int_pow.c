// SPDX-License-Identifier: GPL-2.0
/*
 * lib/math/int_pow.c - int_pow(): @base to the power @exp, by squaring,
 * wrapping modulo 2^64 as the kernel's does.
 */
#include <linux/math.h>

u64 int_pow(u64 base, unsigned int exp)
{
	u64 result = 1;

	for (; exp; exp >>= 1) {
		if (exp & 1)
			result *= base;
		base *= base;
	}
	return result;
}
