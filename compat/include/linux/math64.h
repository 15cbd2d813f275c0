/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/math64.h - 64-bit division and multiplication helpers.
 *
 * Follows include/linux/math64.h of 6.1 for a 64-bit kernel: the divisions
 * are plain C divisions (div_u64() and div_s64() take a 32-bit divisor,
 * div64_u64() and div64_s64() a 64-bit one; the _rem forms also store the
 * remainder, with C's sign rules for the signed ones), the mul_*_shr()
 * forms use a 128-bit product.  Dividing by zero is what the CPU makes of
 * it (SIGFPE), as the kernel's #DE oops.
 */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>
#include <linux/math.h>
#include <vdso/math64.h>
#include <asm/div64.h>

#define div64_long(x, y)	div64_s64((x), (y))
#define div64_ul(x, y)		div64_u64((x), (y))

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 remainder;

	return div_u64_rem(dividend, divisor, &remainder);
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	s32 remainder;

	return div_s64_rem(dividend, divisor, &remainder);
}

/* lib/math/div64.c */
u32 iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder);

/* (@a * @mul) >> @shift without losing the product's top bits. */
static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

static inline u64 mul_u64_u64_shr(u64 a, u64 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

/* As mul_u64_u64_shr() of |@a|, negated back when @a < 0. */
static inline u64 mul_s64_u64_shr(s64 a, u64 b, unsigned int shift)
{
	u64 ret;

	ret = mul_u64_u64_shr(a < 0 ? -(u64)a : (u64)a, b, shift);
	if (a < 0)
		ret = -ret;
	return ret;
}

#define __kshim_div64_round(dividend, divisor, t, half)		\
	({ u64 t = (divisor);						\
	   div64_u64((dividend) + ((half) ? t / 2 : t - 1), t); })
#define DIV64_U64_ROUND_UP(ll, d)					\
	__kshim_div64_round(ll, d, __UNIQUE_ID(d64ru_), 0)
#define DIV64_U64_ROUND_CLOSEST(dividend, divisor)			\
	__kshim_div64_round(dividend, divisor, __UNIQUE_ID(d64rc_), 1)

#define __kshim_div_u64_round_closest(dividend, divisor, t)		\
	({ u32 t = (divisor); div_u64((u64)(dividend) + t / 2, t); })
#define DIV_U64_ROUND_CLOSEST(dividend, divisor)			\
	__kshim_div_u64_round_closest(dividend, divisor,		\
				      __UNIQUE_ID(du64rc_))

#define __kshim_div_s64_round_closest(dividend, divisor, x, d)		\
({									\
	s64 x = (dividend);						\
	s32 d = (divisor);						\
	((x > 0) == (d > 0)) ? div_s64(x + (d / 2), d) :		\
			       div_s64(x - (d / 2), d);			\
})
#define DIV_S64_ROUND_CLOSEST(dividend, divisor)			\
	__kshim_div_s64_round_closest(dividend, divisor,		\
				      __UNIQUE_ID(ds64rc_x_),		\
				      __UNIQUE_ID(ds64rc_d_))

/* What the kernel's linux/math64.h also makes visible. */
#include <linux/kernel.h>

#endif /* _LINUX_MATH64_H */
