// SPDX-License-Identifier: GPL-2.0
/*
 * lib/math/lcm.c - lcm() (0 if either is 0) and lcm_not_zero() (the
 * other one if either is 0), as in 6.x.
 */
#include <linux/lcm.h>
#include <linux/gcd.h>

unsigned long lcm(unsigned long a, unsigned long b)
{
	if (a && b)
		return (a / gcd(a, b)) * b;
	return 0;
}

unsigned long lcm_not_zero(unsigned long a, unsigned long b)
{
	unsigned long l = lcm(a, b);

	if (l)
		return l;
	return b ? b : a;
}
