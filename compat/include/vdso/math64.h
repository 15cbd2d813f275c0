/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vdso/math64.h - __iter_div_u64_rem(): division by repeated subtraction,
 * for quotients known to be small (include/vdso/math64.h of 6.x).
 */
#ifndef __VDSO_MATH64_H
#define __VDSO_MATH64_H

#include <linux/types.h>

static __always_inline u32
__iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder)
{
	u32 ret = 0;

	while (dividend >= divisor) {
		/* Keep the compiler from turning the loop into a divide. */
		__asm__("" : "+rm"(dividend));
		dividend -= divisor;
		ret++;
	}
	*remainder = dividend;
	return ret;
}

#endif /* __VDSO_MATH64_H */
