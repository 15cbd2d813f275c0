/*
 * test_bitops - linux/bitops.h word helpers, linux/find.h and
 * linux/bitmap.h (lib/find_bit.c, lib/bitmap.c of 6.1) against a naive
 * model: one bool per bit.  Every size from 0 to 200 bits, random and
 * edge-pattern bitmaps (with garbage past @nbits in the last word, which
 * must be ignored), every offset; plus the inline one-word paths of
 * constant sizes.
 */
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/bitmap.h>
#include <linux/math.h>
#include <linux/bitops.h>
#include <linux/errno.h>

#define MAXBITS		200
#define NWORDS		BITS_TO_LONGS(MAXBITS + 64)

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A bitmap of @nbits from pattern @p; words past it hold garbage. */
static void fill(unsigned long *map, unsigned int nbits, int p)
{
	unsigned int i;

	for (i = 0; i < NWORDS; i++) {
		switch (p) {
		case 0: map[i] = 0; break;
		case 1: map[i] = ~0UL; break;
		case 2: map[i] = rnd(); break;
		case 3: map[i] = rnd() & rnd() & rnd(); break;	/* sparse */
		default: map[i] = rnd() | rnd() | rnd(); break;	/* dense */
		}
	}
	/* Bits at and past nbits: garbage the functions must not see. */
	for (i = nbits; i < NWORDS * BITS_PER_LONG; i++) {
		if (rnd() & 1)
			map[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
		else
			map[i / BITS_PER_LONG] &= ~(1UL << (i % BITS_PER_LONG));
	}
}

static bool bit(const unsigned long *map, unsigned int i)
{
	return (map[i / BITS_PER_LONG] >> (i % BITS_PER_LONG)) & 1;
}

static unsigned long model_next(const unsigned long *a, const unsigned long *b,
				int op, unsigned long size,
				unsigned long start)
{
	unsigned long i;

	for (i = start; i < size; i++) {
		bool v = op == 0 ? bit(a, i) : op == 1 ? !bit(a, i) :
			 op == 2 ? bit(a, i) && bit(b, i) :
				   bit(a, i) && !bit(b, i);
		if (v)
			return i;
	}
	return size;
}

static unsigned long model_nth(const unsigned long *a, const unsigned long *b,
			       int op, unsigned long size, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < size; i++) {
		bool v = op == 0 ? bit(a, i) :
			 op == 2 ? bit(a, i) && bit(b, i) :
				   bit(a, i) && !bit(b, i);
		if (v && n-- == 0)
			return i;
	}
	return size;
}

static void test_find_all_sizes(void)
{
	unsigned long a[NWORDS], b[NWORDS];
	unsigned int nbits, start;
	int p, q;

	for (nbits = 0; nbits <= MAXBITS; nbits++) {
		for (p = 0; p < 5; p++) {
			q = (p + 2) % 5;
			fill(a, nbits, p);
			fill(b, nbits, q);
			for (start = 0; start <= nbits + 2; start++) {
				CU_ASSERT_EQUAL(find_next_bit(a, nbits, start),
						model_next(a, b, 0, nbits, start));
				CU_ASSERT_EQUAL(find_next_zero_bit(a, nbits,
								   start),
						model_next(a, b, 1, nbits, start));
				CU_ASSERT_EQUAL(find_next_and_bit(a, b, nbits,
								  start),
						model_next(a, b, 2, nbits, start));
				CU_ASSERT_EQUAL(find_next_andnot_bit(a, b, nbits,
								     start),
						model_next(a, b, 3, nbits, start));
				CU_ASSERT_EQUAL(find_nth_bit(a, nbits, start),
						model_nth(a, b, 0, nbits, start));
				CU_ASSERT_EQUAL(find_nth_and_bit(a, b, nbits,
								 start),
						model_nth(a, b, 2, nbits, start));
				CU_ASSERT_EQUAL(find_nth_andnot_bit(a, b, nbits,
								    start),
						model_nth(a, b, 3, nbits, start));
			}
			CU_ASSERT_EQUAL(find_first_bit(a, nbits),
					model_next(a, b, 0, nbits, 0));
			CU_ASSERT_EQUAL(find_first_zero_bit(a, nbits),
					model_next(a, b, 1, nbits, 0));
			CU_ASSERT_EQUAL(find_first_and_bit(a, b, nbits),
					model_next(a, b, 2, nbits, 0));
			{
				unsigned long last = nbits, i;

				for (i = 0; i < nbits; i++)
					if (bit(a, i))
						last = i;
				CU_ASSERT_EQUAL(find_last_bit(a, nbits), last);
			}
		}
	}
}

static void test_for_each_loops(void)
{
	unsigned long a[NWORDS];
	unsigned int nbits, bitn, n, i, b, e, start;

	for (nbits = 0; nbits <= MAXBITS; nbits += 7) {
		fill(a, nbits, 2);
		n = 0;
		for_each_set_bit(bitn, a, nbits) {
			CU_ASSERT_TRUE(bit(a, bitn));
			CU_ASSERT_TRUE(bitn < nbits);
			n++;
		}
		CU_ASSERT_EQUAL(n, bitmap_weight(a, nbits));
		n = 0;
		for_each_clear_bit(bitn, a, nbits) {
			CU_ASSERT_FALSE(bit(a, bitn));
			n++;
		}
		CU_ASSERT_EQUAL(n, nbits - bitmap_weight(a, nbits));
		/* _from starts at the current value. */
		bitn = nbits / 2;
		n = 0;
		for_each_set_bit_from(bitn, a, nbits)
			n++;
		for (i = nbits / 2, e = 0; i < nbits; i++)
			e += bit(a, i);
		CU_ASSERT_EQUAL(n, e);
		bitn = nbits / 3;
		n = 0;
		for_each_clear_bit_from(bitn, a, nbits)
			n++;
		for (i = nbits / 3, e = 0; i < nbits; i++)
			e += !bit(a, i);
		CU_ASSERT_EQUAL(n, e);
		/* Ranges cover exactly the set bits. */
		n = 0;
		for_each_set_bitrange(b, e, a, nbits) {
			CU_ASSERT_TRUE(b < e && e <= nbits);
			for (i = b; i < e; i++)
				CU_ASSERT_TRUE(bit(a, i));
			CU_ASSERT_TRUE(e == nbits || !bit(a, e));
			n += e - b;
		}
		CU_ASSERT_EQUAL(n, bitmap_weight(a, nbits));
		/* Wrapping: every set bit once, starting at @start. */
		for (start = 0; start < nbits; start += 5) {
			unsigned int first = 1;

			n = 0;
			for_each_set_bit_wrap(bitn, a, nbits, start) {
				if (first)
					CU_ASSERT_EQUAL(bitn,
						find_next_bit_wrap(a, nbits,
								   start));
				first = 0;
				n++;
			}
			CU_ASSERT_EQUAL(n, bitmap_weight(a, nbits));
		}
	}
}

static void test_small_const_paths(void)
{
	unsigned long w;
	int i;

	for (i = 0; i < 2000; i++) {
		unsigned long x = rnd(), y = rnd(), d;
		unsigned long ref37 = x & GENMASK(36, 0);

		w = x;
		CU_ASSERT_EQUAL(find_first_bit(&w, 37),
				ref37 ? __ffs(ref37) : 37);
		CU_ASSERT_EQUAL(find_last_bit(&w, 37),
				ref37 ? __fls(ref37) : 37);
		CU_ASSERT_EQUAL(find_next_bit(&w, 37, 40), 37);
		CU_ASSERT_EQUAL(find_next_zero_bit(&w, 64, 3),
				model_next(&w, &w, 1, 64, 3));
		CU_ASSERT_EQUAL(bitmap_weight(&w, 37),
				(unsigned int)hweight64(ref37));
		CU_ASSERT_EQUAL(bitmap_empty(&w, 37), ref37 == 0);
		CU_ASSERT_EQUAL(bitmap_full(&w, 5), (x & 31) == 31);
		CU_ASSERT_EQUAL(bitmap_equal(&x, &y, 11),
				((x ^ y) & 0x7ff) == 0);
		CU_ASSERT_EQUAL(bitmap_and(&d, &x, &y, 20),
				(x & y & 0xfffff) != 0);
		CU_ASSERT_EQUAL(d, x & y & 0xfffff);
		CU_ASSERT_EQUAL(bitmap_andnot(&d, &x, &y, 64), (x & ~y) != 0);
		CU_ASSERT_EQUAL(bitmap_subset(&x, &y, 9), !(x & ~y & 0x1ff));
		CU_ASSERT_EQUAL(bitmap_intersects(&x, &y, 9),
				(x & y & 0x1ff) != 0);
		bitmap_shift_left(&d, &x, 5, 40);
		CU_ASSERT_EQUAL(d, (x << 5) & GENMASK(39, 0));
		bitmap_shift_right(&d, &x, 5, 40);
		CU_ASSERT_EQUAL(d, (x & GENMASK(39, 0)) >> 5);
	}
}

/* The bitmap operations at every size against the model. */
static void test_bitmap_ops_all_sizes(void)
{
	unsigned long a[NWORDS], b[NWORDS], c[NWORDS], d[NWORDS];
	unsigned int nbits, i, w, sh;
	int p;

	for (nbits = 1; nbits <= MAXBITS; nbits++) {
		for (p = 2; p < 5; p++) {
			bool any, eq, sub, inter, empty, full;

			fill(a, nbits, p);
			fill(b, nbits, (p + 1) % 5);
			fill(c, nbits, 3);

			for (i = 0, w = 0, eq = true, sub = true, inter = false,
			     empty = true, full = true; i < nbits; i++) {
				w += bit(a, i);
				eq = eq && bit(a, i) == bit(b, i);
				sub = sub && (!bit(a, i) || bit(b, i));
				inter = inter || (bit(a, i) && bit(b, i));
				empty = empty && !bit(a, i);
				full = full && bit(a, i);
			}
			CU_ASSERT_EQUAL(bitmap_weight(a, nbits), w);
			CU_ASSERT_EQUAL(bitmap_equal(a, b, nbits), eq);
			CU_ASSERT_TRUE(bitmap_equal(a, a, nbits));
			CU_ASSERT_EQUAL(bitmap_subset(a, b, nbits), sub);
			CU_ASSERT_EQUAL(bitmap_intersects(a, b, nbits), inter);
			CU_ASSERT_EQUAL(bitmap_empty(a, nbits), empty);
			CU_ASSERT_EQUAL(bitmap_full(a, nbits), full);

			any = bitmap_and(d, a, b, nbits);
			for (i = 0, eq = false; i < nbits; i++) {
				CU_ASSERT_EQUAL(bit(d, i), bit(a, i) && bit(b, i));
				eq = eq || bit(d, i);
			}
			CU_ASSERT_EQUAL(any, eq);
			any = bitmap_andnot(d, a, b, nbits);
			for (i = 0, eq = false; i < nbits; i++) {
				CU_ASSERT_EQUAL(bit(d, i),
						bit(a, i) && !bit(b, i));
				eq = eq || bit(d, i);
			}
			CU_ASSERT_EQUAL(any, eq);
			bitmap_or(d, a, b, nbits);
			for (i = 0; i < nbits; i++)
				CU_ASSERT_EQUAL(bit(d, i), bit(a, i) || bit(b, i));
			CU_ASSERT_TRUE(bitmap_or_equal(a, b, d, nbits));
			d[0] ^= 1;
			CU_ASSERT_FALSE(bitmap_or_equal(a, b, d, nbits));
			bitmap_xor(d, a, b, nbits);
			for (i = 0; i < nbits; i++)
				CU_ASSERT_EQUAL(bit(d, i), bit(a, i) != bit(b, i));
			bitmap_complement(d, a, nbits);
			for (i = 0; i < nbits; i++)
				CU_ASSERT_EQUAL(bit(d, i), !bit(a, i));
			bitmap_replace(d, a, b, c, nbits);
			for (i = 0; i < nbits; i++)
				CU_ASSERT_EQUAL(bit(d, i),
						bit(c, i) ? bit(b, i) : bit(a, i));
			bitmap_copy_clear_tail(d, a, nbits);
			CU_ASSERT_EQUAL(find_next_bit(d,
					BITS_TO_LONGS(nbits) * BITS_PER_LONG,
					nbits),
					BITS_TO_LONGS(nbits) * BITS_PER_LONG);
			CU_ASSERT_TRUE(bitmap_equal(d, a, nbits));

			for (sh = 0; sh <= nbits + 1; sh += 1 + sh / 8) {
				bitmap_shift_right(d, a, sh, nbits);
				for (i = 0; i < nbits; i++)
					CU_ASSERT_EQUAL(bit(d, i),
						i + sh < nbits && bit(a, i + sh));
				bitmap_shift_left(d, a, sh, nbits);
				for (i = 0; i < nbits; i++)
					CU_ASSERT_EQUAL(bit(d, i),
						i >= sh && bit(a, i - sh));
				/* In place. */
				memcpy(c, a, sizeof(c));
				bitmap_shift_right(c, c, sh, nbits);
				bitmap_shift_right(d, a, sh, nbits);
				CU_ASSERT_TRUE(bitmap_equal(c, d, nbits));
				memcpy(c, a, sizeof(c));
				bitmap_shift_left(c, c, sh, nbits);
				bitmap_shift_left(d, a, sh, nbits);
				CU_ASSERT_TRUE(bitmap_equal(c, d, nbits));
			}
		}
	}
}

static void test_bitmap_set_clear_zero_fill(void)
{
	unsigned long a[NWORDS], ref[NWORDS];
	unsigned int nbits = 190, start, len, i;

	for (start = 0; start < nbits; start += 3) {
		for (len = 0; start + len <= nbits; len += 1 + len / 4) {
			fill(a, nbits, 2);
			memcpy(ref, a, sizeof(a));
			bitmap_set(a, start, len);
			for (i = 0; i < NWORDS * BITS_PER_LONG; i++)
				CU_ASSERT_EQUAL(bit(a, i),
					(i >= start && i < start + len) ||
					bit(ref, i));
			memcpy(a, ref, sizeof(a));
			bitmap_clear(a, start, len);
			for (i = 0; i < NWORDS * BITS_PER_LONG; i++)
				CU_ASSERT_EQUAL(bit(a, i),
					!(i >= start && i < start + len) &&
					bit(ref, i));
		}
	}
	bitmap_set(a, 7, 1);
	CU_ASSERT_TRUE(test_bit(7, a));
	bitmap_clear(a, 7, 1);
	CU_ASSERT_FALSE(test_bit(7, a));
	/* zero/fill/copy work on whole words, as the kernel's. */
	fill(a, 70, 2);
	bitmap_zero(a, 70);
	CU_ASSERT_EQUAL(a[0] | a[1], 0);
	bitmap_fill(a, 70);
	CU_ASSERT_EQUAL(a[0] & a[1], ~0UL);
	CU_ASSERT_TRUE(bitmap_full(a, 70));
	fill(ref, 130, 2);
	bitmap_copy(a, ref, 130);
	CU_ASSERT_EQUAL(memcmp(a, ref, 3 * sizeof(long)), 0);
}

static void test_bitmap_zero_area_and_regions(void)
{
	DECLARE_BITMAP(map, 128);
	unsigned long pos;
	int r;

	bitmap_zero(map, 128);
	bitmap_set(map, 0, 3);
	bitmap_set(map, 10, 1);
	/* 4 free bits after 0, aligned to 4: bits 4..7. */
	pos = bitmap_find_next_zero_area(map, 128, 0, 4, 3);
	CU_ASSERT_EQUAL(pos, 4);
	/* 8 free bits: 11..18 (unaligned), 16..23 aligned to 8. */
	CU_ASSERT_EQUAL(bitmap_find_next_zero_area(map, 128, 0, 8, 0), 11);
	CU_ASSERT_EQUAL(bitmap_find_next_zero_area(map, 128, 0, 8, 7), 16);
	CU_ASSERT_EQUAL(bitmap_find_next_zero_area_off(map, 128, 0, 8, 7, 1),
			15);
	/* None: the returned end is past the size. */
	CU_ASSERT_TRUE(bitmap_find_next_zero_area(map, 128, 0, 200, 0) > 128);

	bitmap_zero(map, 128);
	bitmap_set(map, 1, 1);
	r = bitmap_find_free_region(map, 128, 2);	/* 4 bits */
	CU_ASSERT_EQUAL(r, 4);
	CU_ASSERT_EQUAL(bitmap_weight(map, 128), 5);
	CU_ASSERT_EQUAL(bitmap_allocate_region(map, 4, 2), -EBUSY);
	CU_ASSERT_EQUAL(bitmap_allocate_region(map, 64, 6), 0);
	CU_ASSERT_TRUE(bitmap_full(map + 1, 64));
	bitmap_release_region(map, 64, 6);
	bitmap_release_region(map, 4, 2);
	CU_ASSERT_EQUAL(bitmap_weight(map, 128), 1);
	bitmap_fill(map, 128);
	CU_ASSERT_EQUAL(bitmap_find_free_region(map, 128, 0), -ENOMEM);
}

static void test_bitmap_arr32_u64_value8_cut(void)
{
	unsigned long a[NWORDS], d[NWORDS];
	u32 arr[8], back[8];
	unsigned int nbits, i, first, cut;

	for (nbits = 1; nbits <= 200; nbits++) {
		if (nbits > 8 * 32)
			break;
		for (i = 0; i < 8; i++)
			arr[i] = (u32)rnd();
		memset(a, 0xa5, sizeof(a));
		bitmap_from_arr32(a, arr, nbits);
		for (i = 0; i < nbits; i++)
			CU_ASSERT_EQUAL(bit(a, i), (arr[i / 32] >> (i % 32)) & 1);
		/* The tail of the last word is cleared. */
		if (nbits % BITS_PER_LONG)
			CU_ASSERT_EQUAL(a[nbits / BITS_PER_LONG] &
					~BITMAP_LAST_WORD_MASK(nbits), 0);
		memset(back, 0xff, sizeof(back));
		bitmap_to_arr32(back, a, nbits);
		for (i = 0; i < DIV_ROUND_UP(nbits, 32); i++) {
			u32 m = (i + 1) * 32 <= nbits ? ~0u :
				(u32)((1ULL << (nbits % 32)) - 1);

			CU_ASSERT_EQUAL(back[i], arr[i] & m);
		}
	}
	bitmap_from_u64(a, 0x8000000000000001ULL);
	CU_ASSERT_TRUE(test_bit(0, a) && test_bit(63, a));
	CU_ASSERT_EQUAL(bitmap_weight(a, 64), 2);

	bitmap_zero(a, 128);
	bitmap_set_value8(a, 0xa5, 56);
	bitmap_set_value8(a, 0x3c, 64);
	CU_ASSERT_EQUAL(bitmap_get_value8(a, 56), 0xa5);
	CU_ASSERT_EQUAL(bitmap_get_value8(a, 64), 0x3c);
	CU_ASSERT_EQUAL(bitmap_weight(a, 128), 8);
	{
		unsigned long start, clump, n = 0;

		for_each_set_clump8(start, clump, a, 128) {
			CU_ASSERT_EQUAL(clump, start == 56 ? 0xa5 : 0x3c);
			n++;
		}
		CU_ASSERT_EQUAL(n, 2);
	}

	/* bitmap_cut(): bits [first, first + cut) go, upper ones move down. */
	for (nbits = 1; nbits <= 160; nbits += 3) {
		for (first = 0; first < nbits; first += 5) {
			for (cut = 0; first + cut <= nbits; cut += 7) {
				fill(a, nbits, 2);
				bitmap_copy_clear_tail(a, a, nbits);
				bitmap_cut(d, a, first, cut, nbits);
				for (i = 0; i < nbits; i++) {
					bool want = i < first ? bit(a, i) :
						    i + cut < nbits ?
						    bit(a, i + cut) : false;

					CU_ASSERT_EQUAL(bit(d, i), want);
				}
			}
		}
	}
}

static void test_word_helpers(void)
{
	unsigned int i, s;

	CU_ASSERT_EQUAL(hweight8(0x1ff), 8);
	CU_ASSERT_EQUAL(hweight16(0x1ffff), 16);
	CU_ASSERT_EQUAL(hweight32(~0ULL), 32);
	CU_ASSERT_EQUAL(hweight64(~0ULL), 64);
	CU_ASSERT_EQUAL(hweight_long(0xf0f0UL), 8);
	for (i = 0; i < 5000; i++) {
		unsigned long long x = rnd();
		u32 x32 = (u32)x;

		CU_ASSERT_EQUAL(__sw_hweight32(x32), hweight32(x32));
		CU_ASSERT_EQUAL(__sw_hweight16(x32), hweight16(x32));
		CU_ASSERT_EQUAL(__sw_hweight8(x32), hweight8(x32));
		CU_ASSERT_EQUAL(__sw_hweight64(x), hweight64(x));
		s = rnd() % 70;
		CU_ASSERT_EQUAL(rol64(x, s), s % 64 ?
				(x << (s % 64)) | (x >> (64 - s % 64)) : x);
		CU_ASSERT_EQUAL(ror64(rol64(x, s), s), x);
		CU_ASSERT_EQUAL(ror32(rol32(x32, s), s), x32);
		CU_ASSERT_EQUAL(ror16(rol16((u16)x, s), s), (u16)x);
		CU_ASSERT_EQUAL(ror8(rol8((u8)x, s), s), (u8)x);
		CU_ASSERT_EQUAL(rol32(x32, 8), (x32 << 8) | (x32 >> 24));
		if (x) {
			CU_ASSERT_EQUAL(__ffs64(x), (unsigned long)__builtin_ctzll(x));
			CU_ASSERT_EQUAL(fls64(x), 64 - __builtin_clzll(x));
			CU_ASSERT_EQUAL(fns(x, 0), __ffs(x));
			CU_ASSERT_EQUAL(fns(x, hweight64(x) - 1), __fls(x));
			CU_ASSERT_EQUAL(fns(x, hweight64(x)), BITS_PER_LONG);
		}
		if (~x)
			CU_ASSERT_EQUAL(ffz(x), __ffs(~x));
	}
	CU_ASSERT_EQUAL(ffs(0), 0);
	CU_ASSERT_EQUAL(ffs(1), 1);
	CU_ASSERT_EQUAL(ffs(INT_MIN), 32);
	CU_ASSERT_EQUAL(fls(0), 0);
	CU_ASSERT_EQUAL(fls(1), 1);
	CU_ASSERT_EQUAL(fls(0x80000000u), 32);
	CU_ASSERT_EQUAL(fls_long(1UL << 63), 64);
	CU_ASSERT_EQUAL(sign_extend32(0x80, 7), -128);
	CU_ASSERT_EQUAL(sign_extend32(0x7f, 7), 127);
	CU_ASSERT_EQUAL(sign_extend32(0x1ff, 8), -1);
	CU_ASSERT_EQUAL(sign_extend32(0x80000000u, 31), INT_MIN);
	CU_ASSERT_EQUAL(sign_extend32(0xffff8000u, 15), -32768);
	CU_ASSERT_EQUAL(sign_extend64(1ULL << 40, 40), -(1LL << 40));
	CU_ASSERT_EQUAL(sign_extend64(0xffffffffffULL, 39), -1);
	CU_ASSERT_EQUAL(get_count_order(0), -1);
	CU_ASSERT_EQUAL(get_count_order(1), 0);
	CU_ASSERT_EQUAL(get_count_order(2), 1);
	CU_ASSERT_EQUAL(get_count_order(3), 2);
	CU_ASSERT_EQUAL(get_count_order(4), 2);
	CU_ASSERT_EQUAL(get_count_order(5), 3);
	CU_ASSERT_EQUAL(get_count_order_long(1UL << 40), 40);
	CU_ASSERT_EQUAL(get_count_order_long((1UL << 40) + 1), 41);
	CU_ASSERT_EQUAL(get_bitmask_order(0), 0);
	CU_ASSERT_EQUAL(get_bitmask_order(5), 3);
	CU_ASSERT_EQUAL(BITS_TO_LONGS(0), 0);
	CU_ASSERT_EQUAL(BITS_TO_LONGS(65), 2);
	CU_ASSERT_EQUAL(BITS_TO_U32(33), 2);
	CU_ASSERT_EQUAL(BITS_TO_U64(64), 1);
	CU_ASSERT_EQUAL(BITS_TO_BYTES(9), 2);
	CU_ASSERT_EQUAL(BITS_PER_TYPE(u16), 16);
}

static void test_bit_ops_assign(void)
{
	DECLARE_BITMAP(m, 100) = { 0 };

	assign_bit(70, m, true);
	CU_ASSERT_TRUE(test_bit(70, m));
	__assign_bit(70, m, false);
	CU_ASSERT_FALSE(test_bit(70, m));
	CU_ASSERT_FALSE(__test_and_change_bit(3, m));
	CU_ASSERT_TRUE(__test_and_change_bit(3, m));
	CU_ASSERT_FALSE(test_bit(3, m));
	CU_ASSERT_FALSE(test_and_set_bit_lock(5, m));
	__clear_bit_unlock(5, m);
	CU_ASSERT_TRUE(bitmap_empty(m, 100));
}

static CU_TestInfo tests[] = {
	{ "find_all_sizes", test_find_all_sizes },
	{ "for_each_loops", test_for_each_loops },
	{ "small_const_paths", test_small_const_paths },
	{ "bitmap_ops_all_sizes", test_bitmap_ops_all_sizes },
	{ "bitmap_set_clear_zero_fill", test_bitmap_set_clear_zero_fill },
	{ "bitmap_zero_area_and_regions", test_bitmap_zero_area_and_regions },
	{ "bitmap_arr32_u64_value8_cut", test_bitmap_arr32_u64_value8_cut },
	{ "word_helpers", test_word_helpers },
	{ "bit_ops_assign", test_bit_ops_assign },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "bitops", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
