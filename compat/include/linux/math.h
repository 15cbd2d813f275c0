/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/math.h - rounding and division helpers, fractions.
 *
 * Follows include/linux/math.h of 6.1: round_up()/round_down() for a
 * power-of-two step, roundup()/rounddown() for any step, DIV_ROUND_UP,
 * DIV_ROUND_CLOSEST (half away from zero, signed operands of either
 * sign), DIV_ROUND_CLOSEST_ULL (through do_div(): a 32-bit divisor, as in
 * the kernel), mult_frac(), sector_div(), reciprocal_scale(), int_pow()
 * and int_sqrt() (compat/lib/math/), abs().  glibc's <stdlib.h> declares
 * an abs() function, which the kernel's type-generic macro would break if
 * <stdlib.h> came later, so host code gets <stdlib.h> first: any order
 * then works.  glibc's <sys/param.h> has its own roundup(): include it
 * before kernel headers (ours replaces it).
 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>
#include <asm/div64.h>
#include <uapi/linux/kernel.h>
#ifndef __KERNEL__
#include <stdlib.h>	/* glibc's abs() first: the macro below then wins */
#endif

/* Rounding to a multiple of y: a power of two... */
#define __round_mask(x, y)	((__typeof__(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__round_mask(x, y))

/* Division rounding up. */
#define DIV_ROUND_UP		__KERNEL_DIV_ROUND_UP
#define __kshim_div_round_down_ull(ll, d, t)				\
	({ unsigned long long t = (ll); do_div(t, d); t; })
#define DIV_ROUND_DOWN_ULL(ll, d)					\
	__kshim_div_round_down_ull(ll, d, __UNIQUE_ID(drdu_))
#define DIV_ROUND_UP_ULL(ll, d)						\
	DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d)	DIV_ROUND_UP_ULL(ll, d)

/* ...or any positive number. */
#undef roundup
#define __kshim_roundup(x, y, uy)					\
({									\
	__typeof__(y) uy = (y);						\
	(((x) + (uy - 1)) / uy) * uy;					\
})
#define roundup(x, y)		__kshim_roundup(x, y, __UNIQUE_ID(ru_y_))
#define __kshim_rounddown(x, y, ux)					\
({									\
	__typeof__(x) ux = (x);						\
	ux - (ux % (y));						\
})
#define rounddown(x, y)		__kshim_rounddown(x, y, __UNIQUE_ID(rd_x_))

/*
 * Rounds half away from zero.  With signed operands of opposite signs the
 * quotient is negative, so half the divisor is subtracted instead of added.
 */
#define __kshim_div_round_closest(x, divisor, ux, ud)			\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(divisor) ud = (divisor);				\
	(((__typeof__(x))-1) > 0 ||					\
	 ((__typeof__(divisor))-1) > 0 ||				\
	 ((ux > 0) == (ud > 0))) ?					\
		((ux + (ud / 2)) / ud) : ((ux - (ud / 2)) / ud);	\
})
#define DIV_ROUND_CLOSEST(x, divisor)					\
	__kshim_div_round_closest(x, divisor, __UNIQUE_ID(drc_x_),	\
				  __UNIQUE_ID(drc_d_))

/* As the kernel: @divisor is used as do_div() uses it (32 bits). */
#define __kshim_div_round_closest_ull(x, divisor, ud, ut)		\
({									\
	__typeof__(divisor) ud = (divisor);				\
	unsigned long long ut = (x) + (ud) / 2;				\
	do_div(ut, ud);							\
	ut;								\
})
#define DIV_ROUND_CLOSEST_ULL(x, divisor)				\
	__kshim_div_round_closest_ull(x, divisor, __UNIQUE_ID(drcu_d_),	\
				      __UNIQUE_ID(drcu_t_))

#define __STRUCT_FRACT(type)						\
struct type##_fract {							\
	__##type numerator;						\
	__##type denominator;						\
};
__STRUCT_FRACT(s16)
__STRUCT_FRACT(u16)
__STRUCT_FRACT(s32)
__STRUCT_FRACT(u32)
#undef __STRUCT_FRACT

/* @x * @numer / @denom without overflowing in the intermediate product. */
#define __kshim_mult_frac(x, numer, denom, q, r)			\
({									\
	__typeof__(x) q = (x) / (denom);				\
	__typeof__(x) r = (x) % (denom);				\
	(q * (numer)) + ((r * (numer)) / (denom));			\
})
#define mult_frac(x, numer, denom)					\
	__kshim_mult_frac(x, numer, denom, __UNIQUE_ID(mf_q_),		\
			  __UNIQUE_ID(mf_r_))

#define sector_div(a, b)	do_div(a, b)

/* Scale @val (a 32-bit hash) into [0, @ep_ro). */
static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

/* lib/math/int_pow.c, lib/math/int_sqrt.c */
u64 int_pow(u64 base, unsigned int exp);
unsigned long int_sqrt(unsigned long x);

static inline u32 int_sqrt64(u64 x)
{
	return (u32)int_sqrt(x);
}

/*
 * abs(x) for any integer type: the result has the signed type of @x's
 * width, so abs((u32)-5) is 5 as in the kernel.  No floating point.
 */
#define __kshim_abs_as(type, x, ux)					\
	({ type ux = (type)(x); ux < 0 ? -ux : ux; })
#define __kshim_abs(x, ux)						\
	_Generic((x),							\
		char: (char)__kshim_abs_as(signed char, x, ux),		\
		signed char: __kshim_abs_as(signed char, x, ux),	\
		unsigned char: __kshim_abs_as(signed char, x, ux),	\
		short: __kshim_abs_as(short, x, ux),			\
		unsigned short: __kshim_abs_as(short, x, ux),		\
		int: __kshim_abs_as(int, x, ux),			\
		unsigned int: __kshim_abs_as(int, x, ux),		\
		long: __kshim_abs_as(long, x, ux),			\
		unsigned long: __kshim_abs_as(long, x, ux),		\
		long long: __kshim_abs_as(long long, x, ux),		\
		unsigned long long: __kshim_abs_as(long long, x, ux))
#define abs(x)			__kshim_abs(x, __UNIQUE_ID(abs_))

#endif /* _LINUX_MATH_H */
