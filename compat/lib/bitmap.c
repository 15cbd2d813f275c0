// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/bitmap.c - the out-of-line bitmap operations of linux/bitmap.h,
 * with the semantics of lib/bitmap.c of 6.1: and, andnot, or, xor,
 * complement and replace write whole words (and/andnot mask the last
 * one); comparisons and counts ignore the bits past @nbits; shifts move
 * bits towards (right) or away from (left) bit 0, filling with zeros;
 * the region helpers allocate naturally aligned power-of-two runs.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/kernel.h>

/* The last word's mask, or all ones when @nbits fills its last word. */
static unsigned long tail_mask(unsigned int nbits)
{
	return BITMAP_LAST_WORD_MASK(nbits);
}

bool __bitmap_equal(const unsigned long *bitmap1,
		    const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (bitmap1[k] != bitmap2[k])
			return false;
	if (nbits % BITS_PER_LONG)
		return !((bitmap1[k] ^ bitmap2[k]) & tail_mask(nbits));
	return true;
}

bool __bitmap_or_equal(const unsigned long *bitmap1,
		       const unsigned long *bitmap2,
		       const unsigned long *bitmap3, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if ((bitmap1[k] | bitmap2[k]) != bitmap3[k])
			return false;
	if (nbits % BITS_PER_LONG)
		return !(((bitmap1[k] | bitmap2[k]) ^ bitmap3[k]) &
			 tail_mask(nbits));
	return true;
}

void __bitmap_complement(unsigned long *dst, const unsigned long *src,
			 unsigned int nbits)
{
	unsigned int k, n = BITS_TO_LONGS(nbits);

	for (k = 0; k < n; k++)
		dst[k] = ~src[k];
}

/* Bit @i of @src as a 0/1 word, 0 at and past @nbits. */
static unsigned long src_word_masked(const unsigned long *src, unsigned int k,
				     unsigned int nbits)
{
	unsigned int lim = BITS_TO_LONGS(nbits);

	if (k >= lim)
		return 0;
	if (k == lim - 1)
		return src[k] & tail_mask(nbits);
	return src[k];
}

void __bitmap_shift_right(unsigned long *dst, const unsigned long *src,
			  unsigned int shift, unsigned int nbits)
{
	unsigned int k, lim = BITS_TO_LONGS(nbits);
	unsigned int off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;

	/* Ascending k reads only words at k + off >= k: @dst may be @src. */
	for (k = 0; k < lim; k++) {
		unsigned long lo, hi = 0;

		lo = src_word_masked(src, k + off, nbits) >> rem;
		if (rem)
			hi = src_word_masked(src, k + off + 1, nbits) <<
			     (BITS_PER_LONG - rem);
		dst[k] = k + off < lim ? lo | hi : 0;
	}
}

void __bitmap_shift_left(unsigned long *dst, const unsigned long *src,
			 unsigned int shift, unsigned int nbits)
{
	unsigned int lim = BITS_TO_LONGS(nbits);
	unsigned int off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;
	unsigned int k;

	/* Descending k reads only words at k - off <= k: @dst may be @src. */
	for (k = lim; k-- > 0;) {
		unsigned long v = 0;

		if (k >= off) {
			v = src[k - off] << rem;
			if (rem && k > off)
				v |= src[k - off - 1] >> (BITS_PER_LONG - rem);
		}
		dst[k] = v;
	}
}

void bitmap_cut(unsigned long *dst, const unsigned long *src,
		unsigned int first, unsigned int cut, unsigned int nbits)
{
	unsigned int len = BITS_TO_LONGS(nbits);
	unsigned int w = first / BITS_PER_LONG, b = first % BITS_PER_LONG;
	unsigned long low = 0;
	unsigned int i;

	if (!len)
		return;
	/* The bits below @first in its word stay where they are. */
	if (b)
		low = src[w] & (~0UL >> (BITS_PER_LONG - b));
	memmove(dst, src, len * sizeof(*dst));
	/* Everything from @first up moves down by @cut, zeros come in. */
	while (cut) {
		unsigned int step = cut < BITS_PER_LONG ? cut : BITS_PER_LONG - 1;

		for (i = w; i < len; i++) {
			unsigned long carry = i + 1 < len ? dst[i + 1] : 0;

			dst[i] = (dst[i] >> step) |
				 (carry << (BITS_PER_LONG - step));
		}
		cut -= step;
	}
	dst[w] = (dst[w] & (~0UL << b)) | low;
}

bool __bitmap_and(unsigned long *dst, const unsigned long *bitmap1,
		  const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;
	unsigned long any = 0;

	for (k = 0; k < full; k++)
		any |= (dst[k] = bitmap1[k] & bitmap2[k]);
	if (nbits % BITS_PER_LONG)
		any |= (dst[k] = bitmap1[k] & bitmap2[k] & tail_mask(nbits));
	return any != 0;
}

void __bitmap_or(unsigned long *dst, const unsigned long *bitmap1,
		 const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, n = BITS_TO_LONGS(nbits);

	for (k = 0; k < n; k++)
		dst[k] = bitmap1[k] | bitmap2[k];
}

void __bitmap_xor(unsigned long *dst, const unsigned long *bitmap1,
		  const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, n = BITS_TO_LONGS(nbits);

	for (k = 0; k < n; k++)
		dst[k] = bitmap1[k] ^ bitmap2[k];
}

bool __bitmap_andnot(unsigned long *dst, const unsigned long *bitmap1,
		     const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;
	unsigned long any = 0;

	for (k = 0; k < full; k++)
		any |= (dst[k] = bitmap1[k] & ~bitmap2[k]);
	if (nbits % BITS_PER_LONG)
		any |= (dst[k] = bitmap1[k] & ~bitmap2[k] & tail_mask(nbits));
	return any != 0;
}

void __bitmap_replace(unsigned long *dst, const unsigned long *old,
		      const unsigned long *new, const unsigned long *mask,
		      unsigned int nbits)
{
	unsigned int k, n = BITS_TO_LONGS(nbits);

	for (k = 0; k < n; k++)
		dst[k] = (old[k] & ~mask[k]) | (new[k] & mask[k]);
}

bool __bitmap_intersects(const unsigned long *bitmap1,
			 const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (bitmap1[k] & bitmap2[k])
			return true;
	if (nbits % BITS_PER_LONG)
		return (bitmap1[k] & bitmap2[k] & tail_mask(nbits)) != 0;
	return false;
}

bool __bitmap_subset(const unsigned long *bitmap1,
		     const unsigned long *bitmap2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (bitmap1[k] & ~bitmap2[k])
			return false;
	if (nbits % BITS_PER_LONG)
		return !(bitmap1[k] & ~bitmap2[k] & tail_mask(nbits));
	return true;
}

unsigned int __bitmap_weight(const unsigned long *bitmap, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG, w = 0;

	for (k = 0; k < full; k++)
		w += hweight_long(bitmap[k]);
	if (nbits % BITS_PER_LONG)
		w += hweight_long(bitmap[k] & tail_mask(nbits));
	return w;
}

/* Apply @set (or clear) to bits [@start, @start + @len). */
static void bitmap_range(unsigned long *map, unsigned int start, int len,
			 bool set)
{
	unsigned long *p = map + BIT_WORD(start);
	unsigned int end = start + len;
	unsigned long mask = BITMAP_FIRST_WORD_MASK(start);

	if (len <= 0)
		return;
	while (BIT_WORD(start) != BIT_WORD(end - 1)) {
		*p = set ? *p | mask : *p & ~mask;
		p++;
		start = round_down(start, BITS_PER_LONG) + BITS_PER_LONG;
		mask = ~0UL;
	}
	mask &= BITMAP_LAST_WORD_MASK(end);
	*p = set ? *p | mask : *p & ~mask;
}

void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	bitmap_range(map, start, len, true);
}

void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	bitmap_range(map, start, len, false);
}

unsigned long bitmap_find_next_zero_area_off(unsigned long *map,
					     unsigned long size,
					     unsigned long start,
					     unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset)
{
	unsigned long index, end, i;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		/* Round up so that index + align_offset is aligned. */
		index = __ALIGN_MASK(index + align_offset, align_mask) -
			align_offset;
		end = index + nr;
		if (end > size)
			return end;
		i = find_next_bit(map, end, index);
		if (i >= end)
			return index;
		start = i + 1;
	}
}

/* The bits of the naturally aligned 2^@order region at @pos, per word. */
static void region_words(unsigned int pos, int order, unsigned int *first,
			 unsigned int *nwords, unsigned long *mask)
{
	unsigned int nbits = 1U << order;

	*first = pos / BITS_PER_LONG;
	*nwords = BITS_TO_LONGS(nbits);
	if (nbits >= BITS_PER_LONG)
		*mask = ~0UL;
	else
		*mask = ((1UL << nbits) - 1) << (pos % BITS_PER_LONG);
}

static bool region_free(const unsigned long *bitmap, unsigned int pos,
			int order)
{
	unsigned int first, n, i;
	unsigned long mask;

	region_words(pos, order, &first, &n, &mask);
	for (i = 0; i < n; i++)
		if (bitmap[first + i] & mask)
			return false;
	return true;
}

static void region_set(unsigned long *bitmap, unsigned int pos, int order,
		       bool set)
{
	unsigned int first, n, i;
	unsigned long mask;

	region_words(pos, order, &first, &n, &mask);
	for (i = 0; i < n; i++) {
		if (set)
			bitmap[first + i] |= mask;
		else
			bitmap[first + i] &= ~mask;
	}
}

int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits,
			    int order)
{
	unsigned int pos, end;

	for (pos = 0; (end = pos + (1U << order)) <= bits; pos = end) {
		if (!region_free(bitmap, pos, order))
			continue;
		region_set(bitmap, pos, order, true);
		return pos;
	}
	return -ENOMEM;
}

void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	region_set(bitmap, pos, order, false);
}

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order)
{
	if (!region_free(bitmap, pos, order))
		return -EBUSY;
	region_set(bitmap, pos, order, true);
	return 0;
}

void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf,
		       unsigned int nbits)
{
	unsigned int i, n32 = DIV_ROUND_UP(nbits, 32);

	for (i = 0; i < n32; i++) {
		if (i % 2 == 0)
			bitmap[i / 2] = buf[i];
		else
			bitmap[i / 2] |= (unsigned long)buf[i] << 32;
	}
	if (nbits % BITS_PER_LONG)
		bitmap[(n32 - 1) / 2] &= BITMAP_LAST_WORD_MASK(nbits);
}

void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap,
		     unsigned int nbits)
{
	unsigned int i, n32 = DIV_ROUND_UP(nbits, 32);

	for (i = 0; i < n32; i++)
		buf[i] = (u32)(bitmap[i / 2] >> (32 * (i % 2)));
	if (nbits % 32)
		buf[n32 - 1] &= U32_MAX >> ((-nbits) & 31);
}
