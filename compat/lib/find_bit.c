// SPDX-License-Identifier: GPL-2.0
/*
 * lib/find_bit.c - the out-of-line bitmap searches of linux/find.h, with
 * the semantics of lib/find_bit.c of 6.1: each returns the index found or
 * @size when there is none; bits at and past @size are never looked at as
 * candidates (the last word is masked).
 *
 * One word-by-word scan serves every variant: word(i) computes the i-th
 * word of the combined bitmap (a, a & b, a & ~b, ~a), the first word is
 * masked below @start and the last above @size.
 */
#include <linux/bitmap.h>
#include <linux/math.h>
#include <linux/minmax.h>

/* Low bits of the last word that belong to a @size-bit bitmap. */
#define LAST_WORD_MASK(size)	BITMAP_LAST_WORD_MASK(size)

/* The first set bit of word(i) at or above @start, below @size. */
#define SCAN_NEXT(word, size, start)					\
({									\
	unsigned long __i, __val, __res = (size);			\
									\
	if ((start) < (size)) {						\
		__i = (start) / BITS_PER_LONG;				\
		__val = (word(__i)) & BITMAP_FIRST_WORD_MASK(start);	\
		while (!__val) {					\
			__i++;						\
			if (__i * BITS_PER_LONG >= (size))		\
				break;					\
			__val = word(__i);				\
		}							\
		if (__val)						\
			__res = min((size), __i * BITS_PER_LONG +	\
					    __ffs(__val));		\
	}								\
	__res;								\
})

/* The @n-th set bit of word(i), below @size. */
#define SCAN_NTH(word, size, n)						\
({									\
	unsigned long __i, __w, __res = (size), __left = (n);		\
	unsigned long __nwords = BITS_TO_LONGS(size);			\
									\
	for (__i = 0; __i < __nwords; __i++) {				\
		__w = word(__i);					\
		if (__i == __nwords - 1 && ((size) % BITS_PER_LONG))	\
			__w &= LAST_WORD_MASK(size);			\
		if (hweight_long(__w) > __left) {			\
			__res = __i * BITS_PER_LONG + fns(__w, __left);	\
			break;						\
		}							\
		__left -= hweight_long(__w);				\
	}								\
	__res;								\
})

unsigned long _find_next_bit(const unsigned long *addr, unsigned long nbits,
			     unsigned long start)
{
#define W(i) (addr[i])
	return SCAN_NEXT(W, nbits, start);
#undef W
}

unsigned long _find_next_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long nbits, unsigned long start)
{
#define W(i) (addr1[i] & addr2[i])
	return SCAN_NEXT(W, nbits, start);
#undef W
}

unsigned long _find_next_andnot_bit(const unsigned long *addr1,
				    const unsigned long *addr2,
				    unsigned long nbits, unsigned long start)
{
#define W(i) (addr1[i] & ~addr2[i])
	return SCAN_NEXT(W, nbits, start);
#undef W
}

unsigned long _find_next_zero_bit(const unsigned long *addr,
				  unsigned long nbits, unsigned long start)
{
#define W(i) (~addr[i])
	return SCAN_NEXT(W, nbits, start);
#undef W
}

unsigned long _find_first_bit(const unsigned long *addr, unsigned long size)
{
	return _find_next_bit(addr, size, 0);
}

unsigned long _find_first_and_bit(const unsigned long *addr1,
				  const unsigned long *addr2,
				  unsigned long size)
{
	return _find_next_and_bit(addr1, addr2, size, 0);
}

unsigned long _find_first_zero_bit(const unsigned long *addr,
				   unsigned long size)
{
	return _find_next_zero_bit(addr, size, 0);
}

unsigned long __find_nth_bit(const unsigned long *addr, unsigned long size,
			     unsigned long n)
{
#define W(i) (addr[i])
	return SCAN_NTH(W, size, n);
#undef W
}

unsigned long __find_nth_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long size, unsigned long n)
{
#define W(i) (addr1[i] & addr2[i])
	return SCAN_NTH(W, size, n);
#undef W
}

unsigned long __find_nth_andnot_bit(const unsigned long *addr1,
				    const unsigned long *addr2,
				    unsigned long size, unsigned long n)
{
#define W(i) (addr1[i] & ~addr2[i])
	return SCAN_NTH(W, size, n);
#undef W
}

unsigned long _find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx, val;

	if (!size)
		return size;
	idx = (size - 1) / BITS_PER_LONG;
	val = addr[idx] & LAST_WORD_MASK(size);
	for (;;) {
		if (val)
			return idx * BITS_PER_LONG + __fls(val);
		if (!idx)
			return size;
		val = addr[--idx];
	}
}

unsigned long find_next_clump8(unsigned long *clump,
			       const unsigned long *addr,
			       unsigned long size, unsigned long offset)
{
	offset = find_next_bit(addr, size, offset);
	if (offset == size)
		return size;
	offset = round_down(offset, 8);
	*clump = bitmap_get_value8(addr, offset);
	return offset;
}
