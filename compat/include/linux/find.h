/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/find.h - searching bitmaps: find_first/next/last_bit(), the zero,
 * and, andnot, nth and wrapping forms, and the for_each_*_bit() loops.
 *
 * Follows include/linux/find.h of 6.1: every search returns the index
 * found, or @size when there is none (also when @offset >= @size).  A
 * bitmap of a constant size of at most one word is searched inline; the
 * others call lib/find_bit.c (compat/lib/find_bit.c).  Bits past @size in
 * the last word are ignored.
 */
#ifndef __LINUX_FIND_H_
#define __LINUX_FIND_H_

#ifndef __LINUX_BITMAP_H
#error only <linux/bitmap.h> can be included directly
#endif

#include <linux/bitops.h>

unsigned long _find_next_bit(const unsigned long *addr1, unsigned long nbits,
			     unsigned long start);
unsigned long _find_next_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long nbits, unsigned long start);
unsigned long _find_next_andnot_bit(const unsigned long *addr1,
				    const unsigned long *addr2,
				    unsigned long nbits, unsigned long start);
unsigned long _find_next_zero_bit(const unsigned long *addr,
				  unsigned long nbits, unsigned long start);
unsigned long _find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long __find_nth_bit(const unsigned long *addr, unsigned long size,
			     unsigned long n);
unsigned long __find_nth_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long size, unsigned long n);
unsigned long __find_nth_andnot_bit(const unsigned long *addr1,
				    const unsigned long *addr2,
				    unsigned long size, unsigned long n);
unsigned long _find_first_and_bit(const unsigned long *addr1,
				  const unsigned long *addr2,
				  unsigned long size);
unsigned long _find_first_zero_bit(const unsigned long *addr,
				   unsigned long size);
unsigned long _find_last_bit(const unsigned long *addr, unsigned long size);

/* Bits 0..@size-1 and @offset..@size-1 of a one-word bitmap. */
#define __kshim_find_low_mask(size)					\
	(~0UL >> (-(size) & (BITS_PER_LONG - 1)))
#define __kshim_find_word_mask(size, offset)				\
	(__kshim_find_low_mask(size) &					\
	 (~0UL << ((offset) & (BITS_PER_LONG - 1))))

static inline
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	if (small_const_nbits(size)) {
		unsigned long val;

		if (unlikely(offset >= size))
			return size;
		val = *addr & __kshim_find_word_mask(size, offset);
		return val ? __ffs(val) : size;
	}
	return _find_next_bit(addr, size, offset);
}

static inline
unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2,
				unsigned long size, unsigned long offset)
{
	if (small_const_nbits(size)) {
		unsigned long val;

		if (unlikely(offset >= size))
			return size;
		val = *addr1 & *addr2 & __kshim_find_word_mask(size, offset);
		return val ? __ffs(val) : size;
	}
	return _find_next_and_bit(addr1, addr2, size, offset);
}

static inline
unsigned long find_next_andnot_bit(const unsigned long *addr1,
				   const unsigned long *addr2,
				   unsigned long size, unsigned long offset)
{
	if (small_const_nbits(size)) {
		unsigned long val;

		if (unlikely(offset >= size))
			return size;
		val = *addr1 & ~*addr2 & __kshim_find_word_mask(size, offset);
		return val ? __ffs(val) : size;
	}
	return _find_next_andnot_bit(addr1, addr2, size, offset);
}

static inline
unsigned long find_next_zero_bit(const unsigned long *addr,
				 unsigned long size, unsigned long offset)
{
	if (small_const_nbits(size)) {
		unsigned long val;

		if (unlikely(offset >= size))
			return size;
		val = *addr | ~__kshim_find_word_mask(size, offset);
		return val == ~0UL ? size : ffz(val);
	}
	return _find_next_zero_bit(addr, size, offset);
}

static inline
unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	if (small_const_nbits(size)) {
		unsigned long val = *addr & __kshim_find_low_mask(size);

		return val ? __ffs(val) : size;
	}
	return _find_first_bit(addr, size);
}

/* The @n-th (from 0) set bit, or @size if there are not that many. */
static inline
unsigned long find_nth_bit(const unsigned long *addr, unsigned long size,
			   unsigned long n)
{
	if (n >= size)
		return size;
	if (small_const_nbits(size)) {
		unsigned long val = *addr & __kshim_find_low_mask(size);

		return val ? fns(val, n) : size;
	}
	return __find_nth_bit(addr, size, n);
}

static inline
unsigned long find_nth_and_bit(const unsigned long *addr1,
			       const unsigned long *addr2,
			       unsigned long size, unsigned long n)
{
	if (n >= size)
		return size;
	if (small_const_nbits(size)) {
		unsigned long val = *addr1 & *addr2 & __kshim_find_low_mask(size);

		return val ? fns(val, n) : size;
	}
	return __find_nth_and_bit(addr1, addr2, size, n);
}

static inline
unsigned long find_nth_andnot_bit(const unsigned long *addr1,
				  const unsigned long *addr2,
				  unsigned long size, unsigned long n)
{
	if (n >= size)
		return size;
	if (small_const_nbits(size)) {
		unsigned long val = *addr1 & ~*addr2 & __kshim_find_low_mask(size);

		return val ? fns(val, n) : size;
	}
	return __find_nth_andnot_bit(addr1, addr2, size, n);
}

static inline
unsigned long find_first_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2,
				 unsigned long size)
{
	if (small_const_nbits(size)) {
		unsigned long val = *addr1 & *addr2 & __kshim_find_low_mask(size);

		return val ? __ffs(val) : size;
	}
	return _find_first_and_bit(addr1, addr2, size);
}

static inline
unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size)
{
	if (small_const_nbits(size)) {
		unsigned long val = *addr | ~__kshim_find_low_mask(size);

		return val == ~0UL ? size : ffz(val);
	}
	return _find_first_zero_bit(addr, size);
}

static inline
unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	if (small_const_nbits(size)) {
		unsigned long val = *addr & __kshim_find_low_mask(size);

		return val ? __fls(val) : size;
	}
	return _find_last_bit(addr, size);
}

/* The next bit set in both from @offset, wrapping round to 0; or @size. */
static inline
unsigned long find_next_and_bit_wrap(const unsigned long *addr1,
				     const unsigned long *addr2,
				     unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_and_bit(addr1, addr2, size, offset);

	if (bit < size)
		return bit;
	bit = find_first_and_bit(addr1, addr2, offset);
	return bit < offset ? bit : size;
}

static inline
unsigned long find_next_bit_wrap(const unsigned long *addr,
				 unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_bit(addr, size, offset);

	if (bit < size)
		return bit;
	bit = find_first_bit(addr, offset);
	return bit < offset ? bit : size;
}

/* The step of for_each_set_bit_wrap(): @n is the bit after the last one. */
static inline
unsigned long __for_each_wrap(const unsigned long *bitmap, unsigned long size,
			      unsigned long start, unsigned long n)
{
	unsigned long bit;

	/* If not wrapped around */
	if (n > start) {
		/* and have a bit, just return it. */
		bit = find_next_bit(bitmap, size, n);
		if (bit < size)
			return bit;
		/* Otherwise, wrap around and ... */
		n = 0;
	}
	/* Search the other part. */
	bit = find_next_bit(bitmap, start, n);
	return bit < start ? bit : size;
}

unsigned long find_next_clump8(unsigned long *clump,
			       const unsigned long *addr,
			       unsigned long size, unsigned long offset);

#define find_first_clump8(clump, bits, size)				\
	find_next_clump8((clump), (bits), (size), 0)

/* Little-endian bitmaps of bytes: the native layout on x86. */
static inline unsigned long find_next_zero_bit_le(const void *addr,
						  unsigned long size,
						  unsigned long offset)
{
	return find_next_zero_bit((const unsigned long *)addr, size, offset);
}

static inline unsigned long find_next_bit_le(const void *addr,
					     unsigned long size,
					     unsigned long offset)
{
	return find_next_bit((const unsigned long *)addr, size, offset);
}

static inline unsigned long find_first_zero_bit_le(const void *addr,
						   unsigned long size)
{
	return find_first_zero_bit((const unsigned long *)addr, size);
}

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = 0;							\
	     (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)

#define for_each_and_bit(bit, addr1, addr2, size)			\
	for ((bit) = 0;							\
	     (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), \
	     (bit) < (size);						\
	     (bit)++)

#define for_each_andnot_bit(bit, addr1, addr2, size)			\
	for ((bit) = 0;							\
	     (bit) = find_next_andnot_bit((addr1), (addr2), (size), (bit)), \
	     (bit) < (size);						\
	     (bit)++)

/* As for_each_set_bit(), starting at the current value of @bit. */
#define for_each_set_bit_from(bit, addr, size)				\
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)

#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = 0;							\
	     (bit) = find_next_zero_bit((addr), (size), (bit)),		\
	     (bit) < (size);						\
	     (bit)++)

#define for_each_clear_bit_from(bit, addr, size)			\
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)),	\
	     (bit) < (size);						\
	     (bit)++)

/* Ranges [b, e) of set (clear) bits. */
#define for_each_set_bitrange(b, e, addr, size)				\
	for ((b) = 0;							\
	     (b) = find_next_bit((addr), (size), b),			\
	     (e) = find_next_zero_bit((addr), (size), (b) + 1),		\
	     (b) < (size);						\
	     (b) = (e) + 1)

#define for_each_set_bitrange_from(b, e, addr, size)			\
	for (;								\
	     (b) = find_next_bit((addr), (size), (b)),			\
	     (e) = find_next_zero_bit((addr), (size), (b) + 1),		\
	     (b) < (size);						\
	     (b) = (e) + 1)

#define for_each_clear_bitrange(b, e, addr, size)			\
	for ((b) = 0;							\
	     (b) = find_next_zero_bit((addr), (size), (b)),		\
	     (e) = find_next_bit((addr), (size), (b) + 1),		\
	     (b) < (size);						\
	     (b) = (e) + 1)

#define for_each_clear_bitrange_from(b, e, addr, size)			\
	for (;								\
	     (b) = find_next_zero_bit((addr), (size), (b)),		\
	     (e) = find_next_bit((addr), (size), (b) + 1),		\
	     (b) < (size);						\
	     (b) = (e) + 1)

/* Every set bit, from @start to the end and then from 0 to @start. */
#define for_each_set_bit_wrap(bit, addr, size, start)			\
	for ((bit) = find_next_bit_wrap((addr), (size), (start));	\
	     (bit) < (size);						\
	     (bit) = __for_each_wrap((addr), (size), (start), (bit) + 1))

#define for_each_set_clump8(start, clump, bits, size)			\
	for ((start) = find_first_clump8(&(clump), (bits), (size));	\
	     (start) < (size);						\
	     (start) = find_next_clump8(&(clump), (bits), (size), (start) + 8))

#endif /* __LINUX_FIND_H_ */
