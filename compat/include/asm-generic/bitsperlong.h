/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/bitsperlong.h - BITS_PER_LONG for kernel code.
 *
 * Follows include/asm-generic/bitsperlong.h of 6.x on a 64-bit
 * architecture, with small_const_nbits(): a bitmap that fits one word and
 * whose size is known at compile time (the bitmap and find_bit inlines
 * take their one-word fast path for it).  Host code reaches this file
 * too, through the host's <asm/bitsperlong.h>.
 */
#ifndef __ASM_GENERIC_BITS_PER_LONG
#define __ASM_GENERIC_BITS_PER_LONG

#include <uapi/asm-generic/bitsperlong.h>

#define BITS_PER_LONG		64
#define BITS_PER_LONG_LONG	64

#define small_const_nbits(nbits)					\
	(__builtin_constant_p(nbits) && (nbits) <= BITS_PER_LONG &&	\
	 (nbits) > 0)

/* What the kernel's asm-generic/bitsperlong.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* __ASM_GENERIC_BITS_PER_LONG */
