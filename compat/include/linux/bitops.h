/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bitops.h - bit operations on unsigned long bitmaps.
 *
 * Follows include/linux/bitops.h and the x86 asm/bitops.h contract:
 * set_bit/clear_bit/change_bit and the test_and_* forms are atomic (the
 * test_and_* ones fully ordered), the __ forms are not; _lock/_unlock
 * forms have acquire/release ordering.  Atomic forms use __atomic
 * builtins so ThreadSanitizer sees them.  The word helpers (fls, __ffs,
 * ffz, hweight*, rol/ror*, sign_extend*, get_count_order...) are the
 * compiler's builtins where one exists.  The find_*_bit() family and
 * for_each_set_bit() are in linux/find.h (included by linux/bitmap.h), as
 * in the kernel.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <asm/types.h>
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/typecheck.h>
#include <uapi/linux/kernel.h>

#define BITS_TO_LONGS(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))

#define __KSHIM_BITWORD(nr, addr) \
	(((unsigned long *)(addr)) + ((nr) / BITS_PER_LONG))
#define __KSHIM_BITMASK(nr)	(1UL << ((nr) % BITS_PER_LONG))

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(__KSHIM_BITWORD(nr, addr), __KSHIM_BITMASK(nr),
			  __ATOMIC_RELAXED);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__KSHIM_BITWORD(nr, addr), ~__KSHIM_BITMASK(nr),
			   __ATOMIC_RELAXED);
}

static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(__KSHIM_BITWORD(nr, addr), __KSHIM_BITMASK(nr),
			   __ATOMIC_RELAXED);
}

static __always_inline bool test_and_set_bit(long nr,
					     volatile unsigned long *addr)
{
	return __atomic_fetch_or(__KSHIM_BITWORD(nr, addr),
				 __KSHIM_BITMASK(nr), __ATOMIC_SEQ_CST) &
	       __KSHIM_BITMASK(nr);
}

static __always_inline bool test_and_clear_bit(long nr,
					       volatile unsigned long *addr)
{
	return __atomic_fetch_and(__KSHIM_BITWORD(nr, addr),
				  ~__KSHIM_BITMASK(nr), __ATOMIC_SEQ_CST) &
	       __KSHIM_BITMASK(nr);
}

static __always_inline bool test_and_change_bit(long nr,
						volatile unsigned long *addr)
{
	return __atomic_fetch_xor(__KSHIM_BITWORD(nr, addr),
				  __KSHIM_BITMASK(nr), __ATOMIC_SEQ_CST) &
	       __KSHIM_BITMASK(nr);
}

static __always_inline bool test_and_set_bit_lock(long nr,
						  volatile unsigned long *addr)
{
	return __atomic_fetch_or(__KSHIM_BITWORD(nr, addr),
				 __KSHIM_BITMASK(nr), __ATOMIC_ACQUIRE) &
	       __KSHIM_BITMASK(nr);
}

static __always_inline void clear_bit_unlock(long nr,
					     volatile unsigned long *addr)
{
	__atomic_fetch_and(__KSHIM_BITWORD(nr, addr), ~__KSHIM_BITMASK(nr),
			   __ATOMIC_RELEASE);
}

/*
 * The non-atomic forms still read and write with relaxed atomics: the
 * kernel may race them benignly with atomic readers, and TSan must not
 * see that as a data race in kshim's own page flags.
 */
static __always_inline void __set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);

	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) |
			 __KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);

	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) &
			 ~__KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void __change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);

	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) ^
			 __KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
}

static __always_inline bool __test_and_set_bit(long nr,
					       volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);
	unsigned long old = __atomic_load_n(p, __ATOMIC_RELAXED);

	__atomic_store_n(p, old | __KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
	return old & __KSHIM_BITMASK(nr);
}

static __always_inline bool __test_and_clear_bit(long nr,
						 volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);
	unsigned long old = __atomic_load_n(p, __ATOMIC_RELAXED);

	__atomic_store_n(p, old & ~__KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
	return old & __KSHIM_BITMASK(nr);
}

static __always_inline bool __test_and_change_bit(long nr,
						  volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);
	unsigned long old = __atomic_load_n(p, __ATOMIC_RELAXED);

	__atomic_store_n(p, old ^ __KSHIM_BITMASK(nr), __ATOMIC_RELAXED);
	return old & __KSHIM_BITMASK(nr);
}

/* Non-atomic clear with release ordering (only the lock holder writes). */
static __always_inline void __clear_bit_unlock(long nr,
					       volatile unsigned long *addr)
{
	unsigned long *p = __KSHIM_BITWORD(nr, addr);

	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) &
			 ~__KSHIM_BITMASK(nr), __ATOMIC_RELEASE);
}

static __always_inline bool test_bit(long nr,
				     const volatile unsigned long *addr)
{
	return __atomic_load_n(__KSHIM_BITWORD(nr, addr), __ATOMIC_RELAXED) &
	       __KSHIM_BITMASK(nr);
}

static __always_inline bool test_bit_acquire(long nr,
					     const volatile unsigned long *addr)
{
	return __atomic_load_n(__KSHIM_BITWORD(nr, addr), __ATOMIC_ACQUIRE) &
	       __KSHIM_BITMASK(nr);
}

static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

static inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

/* 1 + the index of the lowest set bit, 0 for 0: the C library's ffs(). */
#ifdef __KERNEL__
static __always_inline int ffs(int x)
{
	return __builtin_ffs(x);
}
#else
/* Host code: glibc's <strings.h> declares (and defines) the same ffs(). */
extern int ffs(int __i);
#endif

/*
 * Population counts of the low 8, 16, 32 and 64 bits (constant-folded by
 * the compiler for constants, as the kernel's __const_hweight*()).
 */
#define hweight8(w)	((unsigned int)__builtin_popcount((u8)(w)))
#define hweight16(w)	((unsigned int)__builtin_popcount((u16)(w)))
#define hweight32(w)	((unsigned int)__builtin_popcount((u32)(w)))
#define hweight64(w)	((unsigned int)__builtin_popcountll((u64)(w)))

unsigned int __sw_hweight8(unsigned int w);
unsigned int __sw_hweight16(unsigned int w);
unsigned int __sw_hweight32(unsigned int w);
unsigned long __sw_hweight64(__u64 w);

static __always_inline unsigned long hweight_long(unsigned long w)
{
	return hweight64((__u64)w);
}

/* The lowest @n bytes of a word, as loaded from memory (little endian). */
#define aligned_byte_mask(n)	((1UL << 8 * (n)) - 1)

#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_U64(nr)		__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr)		__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(char))
#define BYTES_TO_BITS(nb)	((nb) * BITS_PER_BYTE)

static inline int get_bitmask_order(unsigned int count)
{
	return fls(count);
}

/* Rotations; a shift of 0 or of the width is the identity. */
static inline __u64 rol64(__u64 word, unsigned int shift)
{
	return (word << (shift & 63)) | (word >> ((-shift) & 63));
}

static inline __u64 ror64(__u64 word, unsigned int shift)
{
	return (word >> (shift & 63)) | (word << ((-shift) & 63));
}

static inline __u32 rol32(__u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline __u32 ror32(__u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

static inline __u16 rol16(__u16 word, unsigned int shift)
{
	return (word << (shift & 15)) | (word >> ((-shift) & 15));
}

static inline __u16 ror16(__u16 word, unsigned int shift)
{
	return (word >> (shift & 15)) | (word << ((-shift) & 15));
}

static inline __u8 rol8(__u8 word, unsigned int shift)
{
	return (word << (shift & 7)) | (word >> ((-shift) & 7));
}

static inline __u8 ror8(__u8 word, unsigned int shift)
{
	return (word >> (shift & 7)) | (word << ((-shift) & 7));
}

/* @value with bit @index (0-based) taken as its sign bit. */
static __always_inline __s32 sign_extend32(__u32 value, int index)
{
	__u8 shift = 31 - index;

	return (__s32)(value << shift) >> shift;
}

static __always_inline __s64 sign_extend64(__u64 value, int index)
{
	__u8 shift = 63 - index;

	return (__s64)(value << shift) >> shift;
}

static inline unsigned int fls_long(unsigned long l)
{
	return fls64(l);
}

/* The order of @count rounded up to a power of two; -1 for 0. */
static inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return fls(--count);
}

static inline int get_count_order_long(unsigned long l)
{
	if (l == 0UL)
		return -1;
	return (int)fls_long(--l);
}

/* Index of the lowest set bit of a non-zero 64-bit word. */
static inline unsigned long __ffs64(u64 word)
{
	return __ffs((unsigned long)word);
}

/* Index of the @n-th (from 0) set bit of @word, or BITS_PER_LONG. */
static inline unsigned long fns(unsigned long word, unsigned int n)
{
	unsigned int bit;

	while (word) {
		bit = __ffs(word);
		if (n-- == 0)
			return bit;
		word &= word - 1;
	}
	return BITS_PER_LONG;
}

static __always_inline void assign_bit(long nr, volatile unsigned long *addr,
				       bool value)
{
	if (value)
		set_bit(nr, addr);
	else
		clear_bit(nr, addr);
}

static __always_inline void __assign_bit(long nr,
					 volatile unsigned long *addr,
					 bool value)
{
	if (value)
		__set_bit(nr, addr);
	else
		__clear_bit(nr, addr);
}

/* What the kernel's linux/bitops.h also makes visible. */
#include <asm/barrier.h>
#include <linux/jump_label.h>

#endif /* _LINUX_BITOPS_H */
