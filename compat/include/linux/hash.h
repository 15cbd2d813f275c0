/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hash.h - fast multiplicative hashing of integers and pointers.
 *
 * Follows include/linux/hash.h of 6.1 (the generic versions: x86 has no
 * <asm/hash.h>): the value is multiplied by GOLDEN_RATIO_32/64 and the
 * top @bits bits of the product are the hash, so a hash computed here is
 * the one a kernel computes.  @bits must be 1..32 (hash_32) or 1..64
 * (hash_64); hash32_ptr() only folds a pointer to 32 bits.
 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <asm/types.h>
#include <linux/compiler.h>
/* u32, u64 and BITS_PER_LONG, which the kernel's <asm/types.h> brings. */
#include <linux/types.h>
#include <linux/bits.h>

#if BITS_PER_LONG == 32
#define GOLDEN_RATIO_PRIME	GOLDEN_RATIO_32
#define hash_long(val, bits)	hash_32(val, bits)
#elif BITS_PER_LONG == 64
#define hash_long(val, bits)	hash_64(val, bits)
#define GOLDEN_RATIO_PRIME	GOLDEN_RATIO_64
#else
#error Wordsize not 32 or 64
#endif

/* (3 - sqrt(5)) / 2 in 32 and 64-bit fixed point (no longer primes). */
#define GOLDEN_RATIO_32	0x61C88647
#define GOLDEN_RATIO_64	0x61C8864680B583EBull

/* lib/test_hash.c compares these _generic forms with the arch's. */
#define __hash_32	__hash_32_generic
static inline u32 __hash_32_generic(u32 val)
{
	return val * GOLDEN_RATIO_32;
}

static inline u32 hash_32(u32 val, unsigned int bits)
{
	/* The high bits of the product depend on every input bit. */
	return __hash_32(val) >> (32 - bits);
}

#define hash_64	hash_64_generic
static __always_inline u32 hash_64_generic(u64 val, unsigned int bits)
{
#if BITS_PER_LONG == 64
	return val * GOLDEN_RATIO_64 >> (64 - bits);
#else
	return hash_32((u32)val ^ __hash_32(val >> 32), bits);
#endif
}

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

static inline u32 hash32_ptr(const void *ptr)
{
	unsigned long val = (unsigned long)ptr;

#if BITS_PER_LONG == 64
	val ^= val >> 32;
#endif
	return (u32)val;
}

#endif /* _LINUX_HASH_H */
