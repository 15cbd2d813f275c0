/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bitops.h - bit operations on unsigned long bitmaps.
 *
 * Follows include/linux/bitops.h and the x86 asm/bitops.h contract:
 * set_bit/clear_bit/change_bit and the test_and_* forms are atomic (the
 * test_and_* ones fully ordered), the __ forms are not; _lock/_unlock
 * forms have acquire/release ordering.  Atomic forms use __atomic
 * builtins so ThreadSanitizer sees them.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

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

static inline int hweight_long(unsigned long w)
{
	return __builtin_popcountl(w);
}

#define hweight32(w)	__builtin_popcount((unsigned int)(w))
#define hweight64(w)	__builtin_popcountll((unsigned long long)(w))

#endif /* _LINUX_BITOPS_H */
