/*
 * test_kernel_h.c - behaviour of the "pure" kernel headers: linux/kernel.h
 * and what it gathers (minmax, bits, build_bug), compiler.h's
 * READ_ONCE/WRITE_ONCE, err.h, errno.h, sprintf.h, string.h, version.h.
 */
#include <kshim/kconfig.h>

#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/version.h>

#include <kshim/test.h>

static int calls;

static int next_value(int v)
{
	calls++;
	return v;
}

static void test_min_max(void)
{
	int a = -3, b = 7;
	unsigned long ul = 10;
	int i = 0;

	CU_ASSERT_EQUAL(min(a, b), -3);
	CU_ASSERT_EQUAL(max(a, b), 7);
	CU_ASSERT_EQUAL(min(5, 9), 5);
	CU_ASSERT_EQUAL(max(5u, 9u), 9u);
	CU_ASSERT_EQUAL(min3(4, 2, 8), 2);
	CU_ASSERT_EQUAL(max3(4, 2, 8), 8);
	/* min_t compares after the cast: -1 as unsigned is huge. */
	CU_ASSERT_EQUAL(min_t(unsigned long, ul, -1), 10);
	CU_ASSERT_EQUAL(min_t(long, ul, -1), -1);
	CU_ASSERT_EQUAL(max_t(int, 'a', 300), 300);
	CU_ASSERT_EQUAL(min_not_zero(0, 5), 5);
	CU_ASSERT_EQUAL(min_not_zero(4, 5), 4);
	CU_ASSERT_EQUAL(abs_diff(3u, 10u), 7u);

	/* Each argument is evaluated exactly once. */
	calls = 0;
	CU_ASSERT_EQUAL(min(next_value(4), next_value(2)), 2);
	CU_ASSERT_EQUAL(calls, 2);
	CU_ASSERT_EQUAL(max(i++, i++), 1);
	CU_ASSERT_EQUAL(i, 2);

	/* Nested uses do not clash. */
	CU_ASSERT_EQUAL(min(min(a, b), max(a, b)), -3);

	/* Constant arguments give a constant expression. */
	{
		char buf[max(3, 5)];

		BUILD_BUG_ON(sizeof(buf) != 5);
		CU_ASSERT_EQUAL(sizeof(buf), 5);
	}
}

/*
 * The 6.7+ rule (default 6.8 profile): mixed types are fine when the
 * signedness agrees or one side is a non-negative constant; the result
 * has the common type.  (int vs unsigned int does not build: see
 * tests/compile-fail/min_signedness.c.)
 */
static void test_min_max_mixed(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	u8 small = 200;
	u32 big = 100000;
	u16 half = 300;
	size_t len = 100;
	int neg = -5, pos = 9;
	long lneg = -7;
	unsigned long ul = 3;
	int i = 0, j = 10;
	u8 bytes[] = { 7, 3, 9, 3 };
	const int *ip;
	int ints[] = { 4, -2, 8 };

	/* Same signedness, different widths. */
	CU_ASSERT_EQUAL(min(small, big), 200);
	CU_ASSERT_EQUAL(max(small, big), 100000);
	CU_ASSERT_EQUAL(min(big, small), 200);
	CU_ASSERT_EQUAL(min(neg, lneg), -7);
	CU_ASSERT_EQUAL(max(lneg, neg), -5);
	BUILD_BUG_ON(!__same_type(max(small, big), u32));
	BUILD_BUG_ON(!__same_type(min(neg, lneg), long));

	/* u8/u16 promote to int: comparable with signed ints. */
	CU_ASSERT_EQUAL(min(small, neg), -5);
	CU_ASSERT_EQUAL(max(half, neg), 300);

	/* size_t against a plain int constant. */
	CU_ASSERT_EQUAL(min(len, 64), 64);
	CU_ASSERT_EQUAL(max(len, 64), 100);
	CU_ASSERT_EQUAL(min(64, ul), 3);
	BUILD_BUG_ON(!__same_type(min(len, 64), size_t));

	/* int against a non-negative constant, of either signedness. */
	CU_ASSERT_EQUAL(min(neg, 0), -5);
	CU_ASSERT_EQUAL(max(pos, 100), 100);
	CU_ASSERT_EQUAL(min(big, 1000), 1000);

	/* umin()/umax() compare as unsigned: a negative int is huge. */
	CU_ASSERT_EQUAL(umin(pos, 4u), 4u);
	CU_ASSERT_EQUAL(umax(pos, len), 100);
	CU_ASSERT_EQUAL(umin(neg, 7), 7);
	CU_ASSERT_EQUAL(umax(neg, 7), (unsigned int)-5); /* zero-extended */
	CU_ASSERT_EQUAL(umin(lneg, big), 100000);

	/* min3/max3 across types. */
	CU_ASSERT_EQUAL(min3(big, small, 50), 50);
	CU_ASSERT_EQUAL(max3(big, small, 7), 100000);

	/* min_not_zero with mixed widths. */
	CU_ASSERT_EQUAL(min_not_zero(small, big), 200);
	CU_ASSERT_EQUAL(min_not_zero((u8)0, big), 100000);
	CU_ASSERT_EQUAL(min_not_zero(small, (u32)0), 200);
	CU_ASSERT_EQUAL(min_not_zero((u8)0, (u32)0), 0);
	CU_ASSERT_EQUAL(min_not_zero(len, ul), 3);

	/* Single evaluation with side effects, mixed types. */
	calls = 0;
	CU_ASSERT_EQUAL(min(small, next_value(40)), 40);
	CU_ASSERT_EQUAL(calls, 1);
	CU_ASSERT_EQUAL(max(i++, small), 200);
	CU_ASSERT_EQUAL(i, 1);
	CU_ASSERT_EQUAL(umin(j--, len), 10);
	CU_ASSERT_EQUAL(j, 9);
	CU_ASSERT_EQUAL(min_not_zero(i++, 5), 1);
	CU_ASSERT_EQUAL(i, 2);
	CU_ASSERT_EQUAL(min3(next_value(6), 5l, next_value(4)), 4);
	CU_ASSERT_EQUAL(calls, 3);

	/* min_array()/max_array() and in_range(). */
	ip = ints;
	CU_ASSERT_EQUAL(min_array(bytes, ARRAY_SIZE(bytes)), 3);
	CU_ASSERT_EQUAL(max_array(bytes, ARRAY_SIZE(bytes)), 9);
	CU_ASSERT_EQUAL(min_array(ip, 3), -2);
	CU_ASSERT_EQUAL(max_array(ints, 3u), 8);
	CU_ASSERT_TRUE(in_range(5, 5, 1));
	CU_ASSERT_FALSE(in_range(6, 5, 1));
	CU_ASSERT_TRUE(in_range(len, 64, 64));
	CU_ASSERT_FALSE(in_range(big, 0u, 1000u));
	CU_ASSERT_TRUE(in_range(0x100000000ull, 0xffffffffull, 2));

	/* Mixed constants still give a constant expression. */
	{
		char buf[max(3u, 5)];

		BUILD_BUG_ON(min(64ul, 7) != 7);
		CU_ASSERT_EQUAL(sizeof(buf), 5);
	}
#endif
}

static void test_clamp_swap(void)
{
	int v = 50, lo = 0, hi = 10;
	u8 small = 200;

	CU_ASSERT_EQUAL(clamp(v, lo, hi), 10);
	CU_ASSERT_EQUAL(clamp(-v, lo, hi), 0);
	CU_ASSERT_EQUAL(clamp(5, 0, 10), 5);
	CU_ASSERT_EQUAL(clamp_t(u8, 300, 0, 255), 44); /* (u8)300 == 44 */
	CU_ASSERT_EQUAL(clamp_val(small, 10, 100), 100);

	calls = 0;
	CU_ASSERT_EQUAL(clamp(next_value(7), next_value(0), next_value(5)), 5);
	CU_ASSERT_EQUAL(calls, 3);

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	/* Mixed types, as for min(): signedness or constants decide. */
	{
		size_t len = 100;
		u32 word = 5;
		u8 b_lo = 10;
		u16 h_hi = 50;
		int k = 0;

		CU_ASSERT_EQUAL(clamp(len, 0, 64), 64);
		CU_ASSERT_EQUAL(clamp(word, b_lo, h_hi), 10);
		CU_ASSERT_EQUAL(clamp(len, b_lo, h_hi), 50);
		CU_ASSERT_EQUAL(clamp(small, 0, 100), 100);
		CU_ASSERT_EQUAL(clamp(-v, b_lo, 20), 10);
		BUILD_BUG_ON(!__same_type(clamp(len, b_lo, h_hi), size_t));
		calls = 0;
		CU_ASSERT_EQUAL(clamp(k++, b_lo, next_value(20)), 10);
		CU_ASSERT_EQUAL(k, 1);
		CU_ASSERT_EQUAL(calls, 1);
		BUILD_BUG_ON(clamp(300u, 0, 255) != 255);
	}
#endif

	swap(lo, hi);
	CU_ASSERT_EQUAL(lo, 10);
	CU_ASSERT_EQUAL(hi, 0);
}

struct outer {
	int first;
	long second;
	char name[6];
};

static void test_array_size_container_of(void)
{
	int ints[7];
	struct outer o;
	long *sp = &o.second;
	char (*np)[6] = &o.name;
	const int *cfirst = &o.first;

	CU_ASSERT_EQUAL(ARRAY_SIZE(ints), 7);
	CU_ASSERT_EQUAL(ARRAY_SIZE(o.name), 6);
	CU_ASSERT_PTR_EQUAL(container_of(sp, struct outer, second), &o);
	CU_ASSERT_PTR_EQUAL(container_of(np, struct outer, name), &o);
	CU_ASSERT_PTR_EQUAL(container_of(cfirst, struct outer, first), &o);
	CU_ASSERT_PTR_EQUAL(container_of((void *)sp, struct outer, second),
			    &o);
	CU_ASSERT_EQUAL(sizeof_field(struct outer, name), 6);
	CU_ASSERT_EQUAL(offsetofend(struct outer, second),
			offsetof(struct outer, name));
}

static void test_align(void)
{
	char buf[64];
	char *p = buf + 1;

	CU_ASSERT_EQUAL(ALIGN(13, 8), 16);
	CU_ASSERT_EQUAL(ALIGN(16, 8), 16);
	CU_ASSERT_EQUAL(ALIGN(0, 8), 0);
	CU_ASSERT_EQUAL(ALIGN_DOWN(13, 8), 8);
	CU_ASSERT_EQUAL(ALIGN_DOWN(16, 8), 16);
	CU_ASSERT_EQUAL(ALIGN(0x1001ul, 0x1000), 0x2000ul);
	CU_ASSERT_TRUE(IS_ALIGNED(64, 16));
	CU_ASSERT_FALSE(IS_ALIGNED(65, 16));
	CU_ASSERT_TRUE(IS_ALIGNED((unsigned long)PTR_ALIGN(p, 16), 16));
	CU_ASSERT_TRUE(PTR_ALIGN(p, 16) >= p);
	CU_ASSERT_TRUE(PTR_ALIGN(p, 16) < p + 16);
	CU_ASSERT_PTR_EQUAL(PTR_ALIGN(&buf[0], 1), buf);
}

static void test_rounding(void)
{
	unsigned long long big = 10000000000ULL;
	int n = 7;

	CU_ASSERT_EQUAL(DIV_ROUND_UP(7, 2), 4);
	CU_ASSERT_EQUAL(DIV_ROUND_UP(8, 2), 4);
	CU_ASSERT_EQUAL(DIV_ROUND_UP_ULL(big + 1, 3), 3333333334ULL);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(7, 2), 4);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(5, 3), 2);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(-7, 2), -4);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(-5, 3), -2);
	CU_ASSERT_EQUAL(DIV_ROUND_CLOSEST(10u, 4u), 3u);
	CU_ASSERT_EQUAL(roundup(n, 5), 10);
	CU_ASSERT_EQUAL(roundup(10, 5), 10);
	CU_ASSERT_EQUAL(rounddown(n, 5), 5);
	CU_ASSERT_EQUAL(round_up(9, 8), 16);
	CU_ASSERT_EQUAL(round_up(8, 8), 8);
	CU_ASSERT_EQUAL(round_down(15, 8), 8);
}

static void test_words_bits(void)
{
	u64 v = 0x123456789abcdef0ULL;
	u32 narrow = 0xdeadbeef;

	CU_ASSERT_EQUAL(upper_32_bits(v), 0x12345678u);
	CU_ASSERT_EQUAL(lower_32_bits(v), 0x9abcdef0u);
	CU_ASSERT_EQUAL(upper_32_bits(narrow), 0);
	CU_ASSERT_EQUAL(lower_32_bits(narrow), 0xdeadbeefu);
	CU_ASSERT_EQUAL(BIT(0), 1ul);
	CU_ASSERT_EQUAL(BIT(63), 0x8000000000000000ul);
	CU_ASSERT_EQUAL(BIT_ULL(40), 1ULL << 40);
	CU_ASSERT_EQUAL(BIT_MASK(65), 2ul);
	CU_ASSERT_EQUAL(BIT_WORD(65), 1);
	CU_ASSERT_EQUAL(GENMASK(3, 0), 0xful);
	CU_ASSERT_EQUAL(GENMASK(7, 4), 0xf0ul);
	CU_ASSERT_EQUAL(GENMASK(63, 0), ~0ul);
	CU_ASSERT_EQUAL(GENMASK(63, 63), BIT(63));
	CU_ASSERT_EQUAL(GENMASK_ULL(39, 32), 0xff00000000ULL);
	CU_ASSERT_EQUAL(abs(-5), 5);
	CU_ASSERT_EQUAL(abs(-5L), 5L);
	CU_ASSERT_EQUAL(abs(-((s64)1 << 40)), 1LL << 40);
	CU_ASSERT_EQUAL(abs(7), 7);
}

static void test_err_ptr(void)
{
	int obj;
	void *ok = &obj;
	void *e = ERR_PTR(-ENOMEM);
	void *edge = ERR_PTR(-MAX_ERRNO);
	void *beyond = (void *)(long)(-MAX_ERRNO - 1);

	CU_ASSERT_TRUE(IS_ERR(e));
	CU_ASSERT_EQUAL(PTR_ERR(e), -ENOMEM);
	CU_ASSERT_EQUAL(PTR_ERR_OR_ZERO(e), -ENOMEM);
	CU_ASSERT_TRUE(IS_ERR_OR_NULL(e));
	CU_ASSERT_PTR_EQUAL(ERR_CAST(e), e);

	CU_ASSERT_FALSE(IS_ERR(ok));
	CU_ASSERT_FALSE(IS_ERR_OR_NULL(ok));
	CU_ASSERT_EQUAL(PTR_ERR_OR_ZERO(ok), 0);

	CU_ASSERT_FALSE(IS_ERR(NULL));
	CU_ASSERT_TRUE(IS_ERR_OR_NULL(NULL));
	CU_ASSERT_EQUAL(PTR_ERR_OR_ZERO(NULL), 0);

	/* -MAX_ERRNO is the last error value; one below is a pointer. */
	CU_ASSERT_TRUE(IS_ERR(edge));
	CU_ASSERT_EQUAL(PTR_ERR(edge), -4095);
	CU_ASSERT_FALSE(IS_ERR(beyond));
	CU_ASSERT_FALSE(IS_ERR_OR_NULL(beyond));
	CU_ASSERT_TRUE(IS_ERR(ERR_PTR(-1)));
	CU_ASSERT_TRUE(IS_ERR_VALUE((unsigned long)-EINVAL));
	CU_ASSERT_FALSE(IS_ERR_VALUE(0ul));
}

static void test_read_write_once(void)
{
	u8 b = 0;
	u16 h = 0;
	u32 w = 0;
	u64 q = 0;
	int obj = 42;
	int *p = NULL;
	const u32 cw = 0xcafe;
	const volatile u64 cvq = 77;
	int *const cp = &obj;
	bool flag = false;

	WRITE_ONCE(b, 0xab);
	WRITE_ONCE(h, 0xabcd);
	WRITE_ONCE(w, 0xdeadbeefu);
	WRITE_ONCE(q, 0x0123456789abcdefULL);
	WRITE_ONCE(p, &obj);
	WRITE_ONCE(flag, true);
	CU_ASSERT_EQUAL(READ_ONCE(b), 0xab);
	CU_ASSERT_EQUAL(READ_ONCE(h), 0xabcd);
	CU_ASSERT_EQUAL(READ_ONCE(w), 0xdeadbeefu);
	CU_ASSERT_EQUAL(READ_ONCE(q), 0x0123456789abcdefULL);
	CU_ASSERT_PTR_EQUAL(READ_ONCE(p), &obj);
	CU_ASSERT_EQUAL(*READ_ONCE(p), 42);
	CU_ASSERT_TRUE(READ_ONCE(flag));
	CU_ASSERT_EQUAL(READ_ONCE(cw), 0xcafe);
	CU_ASSERT_EQUAL(READ_ONCE(cvq), 77);
	CU_ASSERT_PTR_EQUAL(READ_ONCE(cp), &obj);
	/* The result is an unqualified value of the same type. */
	BUILD_BUG_ON(!__same_type(READ_ONCE(cw), u32));
	BUILD_BUG_ON(!__same_type(READ_ONCE(b), u8));
	/* Nesting works. */
	{
		u32 arr[3] = { 5, 6, 7 };
		u32 idx = 2;

		CU_ASSERT_EQUAL(READ_ONCE(arr[READ_ONCE(idx)]), 7);
	}
	ACCESS_ONCE(w) = 5;
	CU_ASSERT_EQUAL(ACCESS_ONCE(w), 5);
}

static void test_scnprintf(void)
{
	char buf[8];

	CU_ASSERT_EQUAL(scnprintf(buf, sizeof(buf), "%d", 1234), 4);
	CU_ASSERT_STRING_EQUAL(buf, "1234");
	/* Truncated: the count is what was stored, not what was wanted. */
	CU_ASSERT_EQUAL(scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	CU_ASSERT_STRING_EQUAL(buf, "0123456");
	CU_ASSERT_EQUAL(scnprintf(buf, 1, "abc"), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
	CU_ASSERT_EQUAL(scnprintf(NULL, 0, "abc"), 0);
}

static void test_strscpy(void)
{
	char buf[6];
	char padded[8];

	CU_ASSERT_EQUAL(strscpy(buf, "abc", sizeof(buf)), 3);
	CU_ASSERT_STRING_EQUAL(buf, "abc");
	CU_ASSERT_EQUAL(strscpy(buf, "abcde", sizeof(buf)), 5);
	CU_ASSERT_STRING_EQUAL(buf, "abcde");
	CU_ASSERT_EQUAL(strscpy(buf, "abcdef", sizeof(buf)), -E2BIG);
	CU_ASSERT_STRING_EQUAL(buf, "abcde");
	CU_ASSERT_EQUAL(strscpy(buf, "too long for it"), -E2BIG);
	CU_ASSERT_STRING_EQUAL(buf, "too l");
	CU_ASSERT_EQUAL(strscpy(buf, "", sizeof(buf)), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
	buf[0] = 'x';
	CU_ASSERT_EQUAL(strscpy(buf, "abc", 0), -E2BIG);
	CU_ASSERT_EQUAL(buf[0], 'x');

	memset(padded, 'z', sizeof(padded));
	CU_ASSERT_EQUAL(strscpy_pad(padded, "hi"), 2);
	CU_ASSERT_EQUAL(memcmp(padded, "hi\0\0\0\0\0\0", 8), 0);
}

static void test_versions(void)
{
	CU_ASSERT_EQUAL(KERNEL_VERSION(6, 8, 0), 0x060800);
	CU_ASSERT_EQUAL(KERNEL_VERSION(2, 6, 32), 0x02061f + 1);
	CU_ASSERT_EQUAL(KERNEL_VERSION(4, 9, 300), KERNEL_VERSION(4, 9, 255));
#ifndef KSHIM_LINUX_VERSION_CODE
	CU_ASSERT_EQUAL(LINUX_VERSION_CODE, KERNEL_VERSION(6, 8, 0));
#endif
	CU_ASSERT_EQUAL(LINUX_VERSION_CODE,
			KERNEL_VERSION(LINUX_VERSION_MAJOR,
				       LINUX_VERSION_PATCHLEVEL,
				       LINUX_VERSION_SUBLEVEL));
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 0)
	CU_FAIL("LINUX_VERSION_CODE must be usable in #if");
#endif
}

static void test_kconfig_errno(void)
{
	CU_ASSERT_TRUE(IS_ENABLED(CONFIG_HIGHMEM));
	CU_ASSERT_TRUE(IS_ENABLED(CONFIG_SMP));
	CU_ASSERT_FALSE(IS_ENABLED(CONFIG_KSHIM_NO_SUCH_OPTION));

	CU_ASSERT_EQUAL(ENOMEM, 12);
	CU_ASSERT_EQUAL(EINVAL, 22);
	CU_ASSERT_EQUAL(ERESTARTSYS, 512);
	CU_ASSERT_EQUAL(ERESTARTNOINTR, 513);
	CU_ASSERT_EQUAL(ERESTARTNOHAND, 514);
	CU_ASSERT_EQUAL(ENOIOCTLCMD, 515);
	CU_ASSERT_EQUAL(ERESTART_RESTARTBLOCK, 516);
	CU_ASSERT_EQUAL(EPROBE_DEFER, 517);
	CU_ASSERT_EQUAL(EOPENSTALE, 518);
	CU_ASSERT_EQUAL(ENOPARAM, 519);
	CU_ASSERT_EQUAL(EBADHANDLE, 521);
	CU_ASSERT_EQUAL(ENOTSYNC, 522);
	CU_ASSERT_EQUAL(EBADCOOKIE, 523);
	CU_ASSERT_EQUAL(ENOTSUPP, 524);
	CU_ASSERT_EQUAL(ETOOSMALL, 525);
	CU_ASSERT_EQUAL(ESERVERFAULT, 526);
	CU_ASSERT_EQUAL(EBADTYPE, 527);
	CU_ASSERT_EQUAL(EJUKEBOX, 528);
	CU_ASSERT_EQUAL(EIOCBQUEUED, 529);
	CU_ASSERT_EQUAL(ERECALLCONFLICT, 530);
	CU_ASSERT_EQUAL(ENOGRACE, 531);
}

static void test_build_bug_and_typecheck(void)
{
	int x = 0;

	BUILD_BUG_ON(sizeof(u32) != 4);
	BUILD_BUG_ON(!__same_type(x, int));
	BUILD_BUG_ON_NOT_POWER_OF_2(64);
	BUILD_BUG_ON_MSG(sizeof(u64) != 8, "u64 must be 8 bytes");
	CU_ASSERT_EQUAL(BUILD_BUG_ON_ZERO(0), 0);
	CU_ASSERT_EQUAL(__must_be_array((int[3]){ 0 }), 0);
	CU_ASSERT_EQUAL(typecheck(int, x), 1);
	CU_ASSERT_STRING_EQUAL(__stringify(BITS_PER_LONG), "64");
	CU_ASSERT_EQUAL(UL(3), 3ul);
	CU_ASSERT_EQUAL(ULL(3), 3ull);
}

int kshim_headers_coexist(void);
int kshim_headers_coexist_rev(void);

/* Both include orders of libc + kernel headers compiled; now run them. */
static void test_headers_coexist(void)
{
	CU_ASSERT_EQUAL(kshim_headers_coexist(), 0);
	CU_ASSERT_EQUAL(kshim_headers_coexist_rev(), 0);
}

static const struct {
	const char *name;
	CU_TestFunc fn;
} tests[] = {
	{ "min_max", test_min_max },
	{ "min_max_mixed", test_min_max_mixed },
	{ "clamp_swap", test_clamp_swap },
	{ "array_size_container_of", test_array_size_container_of },
	{ "align", test_align },
	{ "rounding", test_rounding },
	{ "words_bits", test_words_bits },
	{ "err_ptr", test_err_ptr },
	{ "read_write_once", test_read_write_once },
	{ "scnprintf", test_scnprintf },
	{ "strscpy", test_strscpy },
	{ "versions", test_versions },
	{ "kconfig_errno", test_kconfig_errno },
	{ "build_bug_typecheck", test_build_bug_and_typecheck },
	{ "headers_coexist", test_headers_coexist },
};

int main(int argc, char **argv)
{
	CU_pSuite suite;
	size_t i;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	suite = CU_add_suite("kernel_h", NULL, NULL);
	if (!suite)
		return 99;
	for (i = 0; i < ARRAY_SIZE(tests); i++)
		if (!CU_add_test(suite, tests[i].name, tests[i].fn))
			return 99;
	return kshim_run_tests(argc, argv);
}
