/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/div64.h - do_div() and the 128-bit mul_u64_u64_div_u64() of x86-64.
 *
 * Follows arch/x86/include/asm/div64.h of 6.x for 64-bit, which is
 * include/asm-generic/div64.h: do_div(n, base) divides the u64 lvalue @n
 * in place by the 32-bit @base (a wider base is truncated, as the
 * kernel's uint32_t local does) and evaluates to the u32 remainder.
 */
#ifndef _ASM_X86_DIV64_H
#define _ASM_X86_DIV64_H

#include <linux/types.h>
#include <linux/log2.h>

#define __kshim_do_div(n, base, b, r)					\
({									\
	u32 b = (base);							\
	u32 r;								\
									\
	r = ((u64)(n)) % b;						\
	(n) = ((u64)(n)) / b;						\
	r;								\
})
#define do_div(n, base)							\
	__kshim_do_div(n, base, __UNIQUE_ID(div_base_), __UNIQUE_ID(div_rem_))

/*
 * @a * @mul / @div with a 128-bit intermediate product.  x86's divq
 * faults when the quotient does not fit 64 bits; here it is truncated.
 */
static inline u64 mul_u64_u64_div_u64(u64 a, u64 mul, u64 div)
{
	return (u64)((unsigned __int128)a * mul / div);
}
#define mul_u64_u64_div_u64 mul_u64_u64_div_u64

static inline u64 mul_u32_u32(u32 a, u32 b)
{
	return (u64)a * b;
}
#define mul_u32_u32 mul_u32_u32

/* @a * @mul / @divisor with a 96-bit intermediate product. */
static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	return (u64)(((unsigned __int128)a * mul) / divisor);
}
#define mul_u64_u32_div mul_u64_u32_div

#endif /* _ASM_X86_DIV64_H */
