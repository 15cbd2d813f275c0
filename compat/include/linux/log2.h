/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/log2.h - integer base-2 logarithms and powers of two.
 *
 * Follows include/linux/log2.h of 6.x.  ilog2(n) is floor(log2(n)): with
 * a constant @n it is itself a constant expression (usable in array sizes
 * and static initializers; ilog2(0) and ilog2(1) are 0 there), otherwise
 * fls() - 1, so ilog2(0) is -1 at run time as in the kernel.
 * roundup_pow_of_two()/rounddown_pow_of_two() and order_base_2() fold
 * constants the same way; they are undefined for 0 (and for values above
 * the top power of two) as in the kernel.
 */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/types.h>
#include <linux/bitops.h>

static __always_inline __attribute__((const)) int __ilog2_u32(u32 n)
{
	return fls(n) - 1;
}

static __always_inline __attribute__((const)) int __ilog2_u64(u64 n)
{
	return fls64(n) - 1;
}

/* Is @n a power of two?  0 is not. */
static inline __attribute__((const)) bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

static inline __attribute__((const))
unsigned long __roundup_pow_of_two(unsigned long n)
{
	return 1UL << fls_long(n - 1);
}

static inline __attribute__((const))
unsigned long __rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls_long(n) - 1);
}

/*
 * floor(log2(@n)) of a constant as a constant expression (0 for 0 and 1);
 * -1 when @n is not a constant.
 */
#define const_ilog2(n)							\
	(__builtin_constant_p(n) ?					\
	 ((n) < 2 ? 0 : 63 - __builtin_clzll((unsigned long long)(n))) : -1)

#define ilog2(n)							\
	(__builtin_constant_p(n) ?					\
	 ((n) < 2 ? 0 : 63 - __builtin_clzll((unsigned long long)(n))) : \
	 (sizeof(n) <= 4) ? __ilog2_u32((u32)(n)) : __ilog2_u64(n))

#define roundup_pow_of_two(n)						\
	(__builtin_constant_p(n) ?					\
	 (((n) == 1) ? 1 : (1UL << (ilog2((n) - 1) + 1))) :		\
	 __roundup_pow_of_two(n))

#define rounddown_pow_of_two(n)						\
	(__builtin_constant_p(n) ? (1UL << ilog2(n)) :			\
	 __rounddown_pow_of_two(n))

static inline __attribute_const__ int __order_base_2(unsigned long n)
{
	return n > 1 ? ilog2(n - 1) + 1 : 0;
}

/* ceil(log2(@n)): the order of the smallest power of two >= @n. */
#define order_base_2(n)							\
	(__builtin_constant_p(n) ?					\
	 (((n) == 0 || (n) == 1) ? 0 : ilog2((n) - 1) + 1) :		\
	 __order_base_2(n))

static inline __attribute__((const)) int __bits_per(unsigned long n)
{
	if (n < 2)
		return 1;
	if (is_power_of_2(n))
		return order_base_2(n) + 1;
	return order_base_2(n);
}

/* The number of bits needed to hold @n (at least 1). */
#define bits_per(n)							\
	(__builtin_constant_p(n) ?					\
	 (((n) == 0 || (n) == 1) ? 1 : ilog2(n) + 1) :			\
	 __bits_per(n))

/* What the kernel's linux/log2.h also makes visible. */
#include <asm/barrier.h>

#endif /* _LINUX_LOG2_H */
