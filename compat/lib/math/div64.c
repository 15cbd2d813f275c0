// SPDX-License-Identifier: GPL-2.0
/*
 * lib/math/div64.c - the out-of-line 64-bit division helper of 6.x that a
 * 64-bit kernel still has: iter_div_u64_rem() (the others are inline in
 * linux/math64.h on 64-bit).
 */
#include <linux/math64.h>

u32 iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder)
{
	return __iter_div_u64_rem(dividend, divisor, remainder);
}
