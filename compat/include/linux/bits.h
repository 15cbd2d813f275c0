/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bits.h - single-bit and bit-range masks.
 *
 * Follows include/linux/bits.h of 6.x on x86-64 (BITS_PER_LONG is 64).
 * GENMASK(h, l) is the contiguous mask from bit l up to bit h inclusive;
 * with constant arguments, h < l is a build error as in the kernel.
 */
#ifndef _LINUX_BITS_H
#define _LINUX_BITS_H

#include <linux/const.h>
#include <linux/compiler_types.h>

#include <asm/bitsperlong.h>

#define BITS_PER_BYTE		8

#define BIT(nr)			(UL(1) << (nr))
#define BIT_ULL(nr)		(ULL(1) << (nr))
#define BIT_MASK(nr)		(UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr)	(ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)	((nr) / BITS_PER_LONG_LONG)

/* 0, or a build error when both bounds are constants and @h < @l. */
#define GENMASK_INPUT_CHECK(h, l)					\
	__kshim_check_zero(!((l) > (h)),				\
			   "GENMASK(): high bit is below low bit")

/* Bits @l..@h: all ones shifted up by @l, cut off above bit @h. */
#define __GENMASK(h, l)							\
	((~UL(0) << (l)) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define __GENMASK_ULL(h, l)						\
	((~ULL(0) << (l)) & (~ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h))))

#define GENMASK(h, l)		(GENMASK_INPUT_CHECK(h, l) + __GENMASK(h, l))
#define GENMASK_ULL(h, l)							\
	(GENMASK_INPUT_CHECK(h, l) + __GENMASK_ULL(h, l))

/* What the kernel's linux/bits.h also makes visible. */
#include <linux/build_bug.h>

#endif /* _LINUX_BITS_H */
