/*
 * test_math - linux/log2.h, math.h, math64.h + asm/div64.h, gcd.h,
 * lcm.h, sizes.h and overflow.h of 6.1: constant folding (checked at
 * build time here), the run-time forms against the constant ones and
 * naive models, do_div()'s in-place semantics, overflow helpers at the
 * boundaries of every integer type, saturating size arithmetic.
 */
#include <limits.h>
#include <stdint.h>

#include <kshim/test.h>
#include <linux/gcd.h>
#include <linux/kernel.h>
#include <linux/lcm.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/overflow.h>
#include <linux/sizes.h>

/* Constants stay constant expressions. */
char ilog2_array[ilog2(4096) == 12 ? 1 : -1];
extern char ilog2_array[];
static const int folded[] = {
	ilog2(1), ilog2(2), ilog2(1ULL << 63), roundup_pow_of_two(17),
	rounddown_pow_of_two(17), order_base_2(17), bits_per(16),
	const_ilog2(1000),
};
_Static_assert(ilog2(0) == 0, "ilog2(0) folds to 0");
_Static_assert(ilog2(0x80000000u) == 31, "ilog2 u32 top");
_Static_assert(order_base_2(1) == 0 && order_base_2(5) == 3, "obase2");
_Static_assert(roundup_pow_of_two(1) == 1, "roundup 1");
_Static_assert(SZ_4K == 4096 && SZ_2G == 0x80000000u, "sizes");
_Static_assert(SZ_4G == 1ULL << 32 && SZ_64T == 1ULL << 46, "big sizes");
_Static_assert(sizeof(SZ_4G) == 8 && sizeof(SZ_1G) == 4, "size types");

static unsigned long long rng_state = 0x243f6a8885a308d3ULL;

static unsigned long long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int naive_ilog2(unsigned long long n)
{
	int r = -1;

	while (n) {
		n >>= 1;
		r++;
	}
	return r;
}

static void test_log2(void)
{
	volatile unsigned long long v;
	volatile u32 v32;
	unsigned long n;
	int i;

	CU_ASSERT_EQUAL(sizeof(ilog2_array), 1);
	CU_ASSERT_EQUAL(folded[0], 0);
	CU_ASSERT_EQUAL(folded[1], 1);
	CU_ASSERT_EQUAL(folded[2], 63);
	CU_ASSERT_EQUAL(folded[3], 32);
	CU_ASSERT_EQUAL(folded[4], 16);
	CU_ASSERT_EQUAL(folded[5], 5);
	CU_ASSERT_EQUAL(folded[6], 5);
	CU_ASSERT_EQUAL(folded[7], 9);
	v32 = 0;
	CU_ASSERT_EQUAL(ilog2(v32), -1);	/* run time: fls() - 1 */
	for (i = 0; i < 64; i++) {
		v = 1ULL << i;
		CU_ASSERT_EQUAL(ilog2(v), i);
		CU_ASSERT_EQUAL(ilog2(v | (v >> 1)), i);
		CU_ASSERT_TRUE(is_power_of_2(v));
		if (i > 1)
			CU_ASSERT_FALSE(is_power_of_2(v + 1));
		n = v;
		CU_ASSERT_EQUAL(rounddown_pow_of_two(n), 1UL << i);
		CU_ASSERT_EQUAL(order_base_2(n), i);
		if (i < 63) {
			CU_ASSERT_EQUAL(roundup_pow_of_two(n), 1UL << i);
			if (i > 0)
				CU_ASSERT_EQUAL(roundup_pow_of_two(n + 1),
						1UL << (i + 1));
			CU_ASSERT_EQUAL(order_base_2(n + 1), i + 1);
		}
	}
	CU_ASSERT_FALSE(is_power_of_2(0));
	for (i = 0; i < 10000; i++) {
		v = rnd() >> (rnd() % 64);
		if (!v)
			continue;
		CU_ASSERT_EQUAL(ilog2(v), naive_ilog2(v));
		v32 = (u32)v;
		if (v32)
			CU_ASSERT_EQUAL(ilog2(v32), naive_ilog2(v32));
		n = v;
		CU_ASSERT_EQUAL(bits_per(n), naive_ilog2(n) + 1);
	}
	n = 0;
	CU_ASSERT_EQUAL(order_base_2(n), 0);
	CU_ASSERT_EQUAL(bits_per(n), 1);
}

static void test_do_div_in_place(void)
{
	u64 n = 10000000007ULL;
	volatile u64 wide;
	u32 rem;
	int i;

	rem = do_div(n, 10);
	CU_ASSERT_EQUAL(n, 1000000000ULL);
	CU_ASSERT_EQUAL(rem, 7);
	n = U64_MAX;
	rem = do_div(n, U32_MAX);
	CU_ASSERT_EQUAL(n, U64_MAX / U32_MAX);
	CU_ASSERT_EQUAL(rem, U64_MAX % U32_MAX);
	/* The base is 32 bits, as the kernel's uint32_t local makes it. */
	n = 1000;
	wide = (1ULL << 32) + 10;
	rem = do_div(n, wide);
	CU_ASSERT_EQUAL(n, 100);
	CU_ASSERT_EQUAL(rem, 0);
	for (i = 0; i < 10000; i++) {
		u64 a = rnd(), b = a;
		u32 d = (u32)rnd() | 1;

		rem = do_div(b, d);
		CU_ASSERT_EQUAL(b, a / d);
		CU_ASSERT_EQUAL(rem, a % d);
	}
	n = 7;
	CU_ASSERT_EQUAL(sector_div(n, 2), 1);
	CU_ASSERT_EQUAL(n, 3);
}

static void test_div64(void)
{
	u32 r32;
	s32 s32r;
	u64 r64;
	int i;

	CU_ASSERT_EQUAL(div_u64(U64_MAX, 2), U64_MAX / 2);
	CU_ASSERT_EQUAL(div_u64_rem(100, 7, &r32), 14);
	CU_ASSERT_EQUAL(r32, 2);
	CU_ASSERT_EQUAL(div_s64(-7, 2), -3);		/* truncates to 0 */
	CU_ASSERT_EQUAL(div_s64_rem(-7, 2, &s32r), -3);
	CU_ASSERT_EQUAL(s32r, -1);
	CU_ASSERT_EQUAL(div_s64(S64_MIN, -1 + 2), S64_MIN);
	CU_ASSERT_EQUAL(div64_u64(U64_MAX, 1ULL << 40), U64_MAX >> 40);
	CU_ASSERT_EQUAL(div64_u64_rem(U64_MAX, 1ULL << 40, &r64),
			U64_MAX >> 40);
	CU_ASSERT_EQUAL(r64, (1ULL << 40) - 1);
	CU_ASSERT_EQUAL(div64_s64(S64_MIN, 1LL << 32), -(1LL << 31));
	CU_ASSERT_EQUAL(div64_long(-9, 4), -2);
	CU_ASSERT_EQUAL(div64_ul(9, 4), 2);
	CU_ASSERT_EQUAL(iter_div_u64_rem(1000000007ULL, 1000000000U, &r64), 1);
	CU_ASSERT_EQUAL(r64, 7);
	CU_ASSERT_EQUAL(DIV64_U64_ROUND_UP(10, 3), 4);
	CU_ASSERT_EQUAL(DIV64_U64_ROUND_UP(9, 3), 3);
	CU_ASSERT_EQUAL(DIV64_U64_ROUND_CLOSEST(10, 4), 3);
	CU_ASSERT_EQUAL(DIV64_U64_ROUND_CLOSEST(9, 4), 2);
	CU_ASSERT_EQUAL(DIV_U64_ROUND_CLOSEST(5, 2), 3);
	CU_ASSERT_EQUAL(DIV_S64_ROUND_CLOSEST(-5, 2), -3);
	CU_ASSERT_EQUAL(DIV_S64_ROUND_CLOSEST(5, -2), -3);
	CU_ASSERT_EQUAL(DIV_S64_ROUND_CLOSEST(-4, 3), -1);
	CU_ASSERT_EQUAL(mul_u32_u32(U32_MAX, U32_MAX), 0xfffffffe00000001ULL);
	CU_ASSERT_EQUAL(mul_u64_u32_shr(U64_MAX, 4, 2), U64_MAX);
	CU_ASSERT_EQUAL(mul_u64_u32_shr(1ULL << 63, 2, 64 - 1), 2);
	CU_ASSERT_EQUAL(mul_u64_u64_shr(1ULL << 40, 1ULL << 40, 40),
			1ULL << 40);
	CU_ASSERT_EQUAL((s64)mul_s64_u64_shr(-(1LL << 40), 1ULL << 30, 30),
			-(1LL << 40));
	CU_ASSERT_EQUAL(mul_u64_u32_div(1ULL << 62, 8, 16), 1ULL << 61);
	CU_ASSERT_EQUAL(mul_u64_u64_div_u64(1ULL << 63, 1ULL << 10,
					    1ULL << 12), 1ULL << 61);
	for (i = 0; i < 5000; i++) {
		u64 a = rnd();
		u32 m = (u32)rnd(), d = (u32)rnd() | 1;
		unsigned int sh = rnd() % 64;

		CU_ASSERT_EQUAL(mul_u64_u32_shr(a, m, sh),
			(u64)(((unsigned __int128)a * m) >> sh));
		CU_ASSERT_EQUAL(mul_u64_u32_div(a, m, d),
			(u64)(((unsigned __int128)a * m) / d));
	}
}

static void test_math_h(void)
{
	int x = -7;
	unsigned long long big = 10000000000ULL;

	CU_ASSERT_EQUAL(DIV_ROUND_UP(7, 2), 4);
	CU_ASSERT_EQUAL(DIV_ROUND_UP_ULL(big + 1, 3), 3333333334ULL);
	CU_ASSERT_EQUAL(DIV_ROUND_DOWN_ULL(big, 3), 3333333333ULL);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(7, 2), 4);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(x, 2), -4);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(-5, 3), -2);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(5u, 3u), 2);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST_ULL(big + 1, 2), 5000000001ULL);
	CU_ASSERT_EQUAL(round_up(13, 8), 16);
	CU_ASSERT_EQUAL(round_down(13, 8), 8);
	CU_ASSERT_EQUAL(roundup(13, 5), 15);
	CU_ASSERT_EQUAL(rounddown(13, 5), 10);
	CU_ASSERT_EQUAL(mult_frac(1000000000, 3, 4), 750000000);
	CU_ASSERT_EQUAL(mult_frac(INT_MAX, 2, 3), 1431655764);
	CU_ASSERT_EQUAL(reciprocal_scale(U32_MAX, 10), 9);
	CU_ASSERT_EQUAL(reciprocal_scale(0, 10), 0);
	CU_ASSERT_EQUAL(int_pow(3, 5), 243);
	CU_ASSERT_EQUAL(int_pow(2, 64), 0);		/* wraps */
	CU_ASSERT_EQUAL(int_pow(7, 0), 1);
	CU_ASSERT_EQUAL(int_sqrt(0), 0);
	CU_ASSERT_EQUAL(int_sqrt(1), 1);
	CU_ASSERT_EQUAL(int_sqrt(15), 3);
	CU_ASSERT_EQUAL(int_sqrt(16), 4);
	CU_ASSERT_EQUAL(int_sqrt(ULONG_MAX), 0xffffffffUL);
	CU_ASSERT_EQUAL(int_sqrt64(1ULL << 62), 1U << 31);
	{
		int i;

		for (i = 0; i < 5000; i++) {
			unsigned long n = rnd() >> (rnd() % 64);
			unsigned long r = int_sqrt(n);

			CU_ASSERT_TRUE((unsigned __int128)r * r <= n);
			CU_ASSERT_TRUE((unsigned __int128)(r + 1) * (r + 1) > n);
		}
	}
	CU_ASSERT_EQUAL(gcd(0, 0), 0);
	CU_ASSERT_EQUAL(gcd(12, 0), 12);
	CU_ASSERT_EQUAL(gcd(12, 18), 6);
	CU_ASSERT_EQUAL(gcd(1UL << 40, 3UL << 20), 1UL << 20);
	CU_ASSERT_EQUAL(lcm(4, 6), 12);
	CU_ASSERT_EQUAL(lcm(0, 6), 0);
	CU_ASSERT_EQUAL(lcm_not_zero(0, 6), 6);
	CU_ASSERT_EQUAL(lcm_not_zero(4, 0), 4);
}

/* check_*_overflow() at the boundaries of type T against __int128. */
#define CHECK_OVF(T)							\
do {									\
	const T vals[] = { type_min(T), (T)(type_min(T) + 1), (T)-1, 0,	\
			   1, 2, (T)(type_max(T) / 2),			\
			   (T)(type_max(T) - 1), type_max(T) };		\
	unsigned int i, j;						\
									\
	CU_ASSERT_TRUE(type_max(T) > 0);				\
	for (i = 0; i < ARRAY_SIZE(vals); i++) {			\
		for (j = 0; j < ARRAY_SIZE(vals); j++) {		\
			__int128 a = vals[i], b = vals[j], r;		\
			T d;						\
			bool o;						\
									\
			r = a + b;					\
			o = r < (__int128)type_min(T) ||		\
			    r > (__int128)type_max(T);			\
			CU_ASSERT_EQUAL(check_add_overflow(vals[i],	\
					vals[j], &d), o);		\
			if (!o)						\
				CU_ASSERT_TRUE(d == (T)r);		\
			r = a - b;					\
			o = r < (__int128)type_min(T) ||		\
			    r > (__int128)type_max(T);			\
			CU_ASSERT_EQUAL(check_sub_overflow(vals[i],	\
					vals[j], &d), o);		\
			if (!o)						\
				CU_ASSERT_TRUE(d == (T)r);		\
			/* u64 products may not fit even __int128. */	\
			o = __builtin_mul_overflow(a, b, &r) ||		\
			    r < (__int128)type_min(T) ||		\
			    r > (__int128)type_max(T);			\
			CU_ASSERT_EQUAL(check_mul_overflow(vals[i],	\
					vals[j], &d), o);		\
			if (!o)						\
				CU_ASSERT_TRUE(d == (T)r);		\
		}							\
	}								\
} while (0)

static void test_overflow_every_type(void)
{
	CHECK_OVF(u8);
	CHECK_OVF(s8);
	CHECK_OVF(u16);
	CHECK_OVF(s16);
	CHECK_OVF(u32);
	CHECK_OVF(s32);
	CHECK_OVF(u64);
	CHECK_OVF(s64);
	CHECK_OVF(size_t);
	CHECK_OVF(long);
	CU_ASSERT_EQUAL(type_max(s8), 127);
	CU_ASSERT_EQUAL(type_min(s8), -128);
	CU_ASSERT_EQUAL(type_max(u16), 65535);
	CU_ASSERT_EQUAL(type_min(u64), 0);
	CU_ASSERT_TRUE(type_min(s64) == S64_MIN);
	{
		/* Mixed types: the result's type decides. */
		u8 d8;
		s32 ds;

		CU_ASSERT_TRUE(check_add_overflow(200, 100, &d8));
		CU_ASSERT_FALSE(check_add_overflow(200u, 55, &d8));
		CU_ASSERT_EQUAL(d8, 255);
		CU_ASSERT_TRUE(check_sub_overflow(0u, 1u, &d8));
		CU_ASSERT_FALSE(check_sub_overflow(0u, 1u, &ds));
		CU_ASSERT_EQUAL(ds, -1);
		CU_ASSERT_TRUE(check_mul_overflow(U64_MAX, 2, &ds));
	}
}

static void test_shl_overflow(void)
{
	u32 d32;
	s32 s32d;
	u64 d64;
	u8 d8;

	CU_ASSERT_FALSE(check_shl_overflow(1u, 31, &d32));
	CU_ASSERT_EQUAL(d32, 1u << 31);
	CU_ASSERT_TRUE(check_shl_overflow(2u, 31, &d32));
	CU_ASSERT_TRUE(check_shl_overflow(1u, 32, &d32));	/* too far */
	CU_ASSERT_TRUE(check_shl_overflow(1, 31, &s32d));	/* sign bit */
	CU_ASSERT_FALSE(check_shl_overflow(1, 30, &s32d));
	CU_ASSERT_TRUE(check_shl_overflow(-1, 1, &s32d));	/* negative */
	CU_ASSERT_TRUE(check_shl_overflow(1, -1, &s32d));	/* shift < 0 */
	CU_ASSERT_FALSE(check_shl_overflow(0xffULL, 56, &d64));
	CU_ASSERT_TRUE(check_shl_overflow(0x1ffULL, 56, &d64));
	CU_ASSERT_TRUE(check_shl_overflow(1, 8, &d8));
	CU_ASSERT_FALSE(check_shl_overflow(1, 7, &d8));
	CU_ASSERT_FALSE(check_shl_overflow(0, 63, &d64));
}

struct flex {
	int head;
	long tail[];
};

static void test_sizes_saturate(void)
{
	struct flex *p = NULL;
	volatile size_t n;

	CU_ASSERT_EQUAL(size_mul(SIZE_MAX / 2, 2), SIZE_MAX - 1);
	CU_ASSERT_EQUAL(size_mul(SIZE_MAX / 2 + 1, 2), SIZE_MAX);
	CU_ASSERT_EQUAL(size_add(SIZE_MAX - 1, 1), SIZE_MAX);
	CU_ASSERT_EQUAL(size_add(SIZE_MAX, 1), SIZE_MAX);
	CU_ASSERT_EQUAL(size_sub(10, 3), 7);
	CU_ASSERT_EQUAL(size_sub(3, 10), SIZE_MAX);
	CU_ASSERT_EQUAL(size_sub(SIZE_MAX, 1), SIZE_MAX);	/* sticky */
	CU_ASSERT_EQUAL(size_sub(100, SIZE_MAX), SIZE_MAX);
	CU_ASSERT_EQUAL(array_size(10, 20), 200);
	CU_ASSERT_EQUAL(array_size(SIZE_MAX, 2), SIZE_MAX);
	CU_ASSERT_EQUAL(array3_size(1 << 20, 1 << 20, 1 << 20), 1ULL << 60);
	CU_ASSERT_EQUAL(array3_size(1 << 30, 1 << 30, 1 << 30), SIZE_MAX);
	CU_ASSERT_EQUAL(array3_size(SIZE_MAX, 0, 2), 0);
	/* Constant counts: a constant expression. */
	_Static_assert(struct_size(p, tail, 4) == sizeof(*p) + 4 * sizeof(long),
		       "struct_size constant");
	_Static_assert(struct_size_t(struct flex, tail, 2) ==
		       sizeof(struct flex) + 2 * sizeof(long), "struct_size_t");
	n = 3;
	CU_ASSERT_EQUAL(struct_size(p, tail, n), sizeof(*p) + 3 * sizeof(long));
	CU_ASSERT_EQUAL(flex_array_size(p, tail, n), 3 * sizeof(long));
	n = SIZE_MAX / sizeof(long) + 1;	/* the array alone overflows */
	CU_ASSERT_EQUAL(flex_array_size(p, tail, n), SIZE_MAX);
	CU_ASSERT_EQUAL(struct_size(p, tail, n), SIZE_MAX);
	n = SIZE_MAX / sizeof(long);		/* the header tips it over */
	CU_ASSERT_EQUAL(struct_size(p, tail, n), SIZE_MAX);
	{
		DEFINE_FLEX(struct flex, f, tail, head, 3);

		CU_ASSERT_EQUAL(f->head, 3);
		f->tail[2] = 7;
		CU_ASSERT_EQUAL(f->tail[2], 7);
	}
}

static CU_TestInfo tests[] = {
	{ "log2", test_log2 },
	{ "do_div_in_place", test_do_div_in_place },
	{ "div64", test_div64 },
	{ "math_h", test_math_h },
	{ "overflow_every_type", test_overflow_every_type },
	{ "shl_overflow", test_shl_overflow },
	{ "sizes_saturate", test_sizes_saturate },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "math", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
