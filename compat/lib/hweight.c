// SPDX-License-Identifier: GPL-2.0
/*
 * lib/hweight.c - the software population counts of 6.x (__sw_hweight*),
 * which the kernel uses where the CPU has no popcnt.  Here a bit-parallel
 * count of our own; linux/bitops.h's hweight*() use the compiler's.
 */
#include <linux/bitops.h>

unsigned int __sw_hweight32(unsigned int w)
{
	w = w - ((w >> 1) & 0x55555555u);
	w = (w & 0x33333333u) + ((w >> 2) & 0x33333333u);
	w = (w + (w >> 4)) & 0x0f0f0f0fu;
	return (w * 0x01010101u) >> 24;
}

unsigned int __sw_hweight16(unsigned int w)
{
	return __sw_hweight32(w & 0xffffu);
}

unsigned int __sw_hweight8(unsigned int w)
{
	return __sw_hweight32(w & 0xffu);
}

unsigned long __sw_hweight64(__u64 w)
{
	return __sw_hweight32((unsigned int)w) +
	       __sw_hweight32((unsigned int)(w >> 32));
}
