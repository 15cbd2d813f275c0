/*
 * test_cmdline - lib/cmdline.c's option parsers and the simple_strto*()
 * they stand on, as 6.1 parses: get_option()'s four answers, get_options()
 * with lists, ranges (expanded, reversed, cut by a full array), the
 * count-only mode, and simple_strtoull()'s lenient edges (no blanks, no
 * '+', "0x" without digits, wrap-around).
 */
#include <kshim/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

static void test_simple_strtoull(void)
{
	const char *s;
	char *end;

	s = "123abc";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 10), 123);
	CU_ASSERT_PTR_EQUAL(end, s + 3);
	s = "0x1f";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 31);
	CU_ASSERT_PTR_EQUAL(end, s + 4);
	s = "077";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 63);
	CU_ASSERT_PTR_EQUAL(end, s + 3);
	/* "0x" with no hex digit: octal 0, the 'x' left. */
	s = "0xg";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 0);
	CU_ASSERT_PTR_EQUAL(end, s + 1);
	/* ... but base 16 takes the prefix even then. */
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 16), 0);
	CU_ASSERT_PTR_EQUAL(end, s + 2);
	s = "08";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 0);
	CU_ASSERT_PTR_EQUAL(end, s + 1);
	s = "ff";
	CU_ASSERT_EQUAL(simple_strtoull(s, NULL, 16), 255);
	/* Past ULLONG_MAX the value wraps: no error exists. */
	CU_ASSERT_EQUAL(simple_strtoull("18446744073709551617", NULL, 10), 1);
}

static void test_simple_strto_rejects(void)
{
	const char *s;
	char *end;

	/* Nothing taken: 0, and the end is the start. */
	s = " 5";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 0);
	CU_ASSERT_PTR_EQUAL(end, s);
	s = "+5";
	CU_ASSERT_EQUAL(simple_strtoul(s, &end, 0), 0);
	CU_ASSERT_PTR_EQUAL(end, s);
	s = "-5";
	CU_ASSERT_EQUAL(simple_strtoull(s, &end, 0), 0);
	CU_ASSERT_PTR_EQUAL(end, s);
	s = "";
	CU_ASSERT_EQUAL(simple_strtol(s, &end, 10), 0);
	CU_ASSERT_PTR_EQUAL(end, s);
}

static void test_simple_strtol_sign(void)
{
	const char *s = "-42,";
	char *end;

	CU_ASSERT_EQUAL(simple_strtol(s, &end, 10), -42);
	CU_ASSERT_PTR_EQUAL(end, s + 3);
	CU_ASSERT_EQUAL(simple_strtoll("-0x10", &end, 0), -16);
	CU_ASSERT_EQUAL(simple_strtoll("9223372036854775807", NULL, 10),
			9223372036854775807LL);
}

static void test_get_option(void)
{
	char buf[] = "10,0x20-3";
	char *p = buf;
	int v = 99;

	CU_ASSERT_EQUAL(get_option(&p, &v), 2);	/* int and its ',' */
	CU_ASSERT_EQUAL(v, 10);
	CU_ASSERT_PTR_EQUAL(p, buf + 3);
	CU_ASSERT_EQUAL(get_option(&p, &v), 3);	/* int, then a range */
	CU_ASSERT_EQUAL(v, 32);
	CU_ASSERT_PTR_EQUAL(p, buf + 7);	/* at the '-' */
	p++;
	CU_ASSERT_EQUAL(get_option(&p, NULL), 1);	/* the last int */
	CU_ASSERT_PTR_EQUAL(p, buf + 9);

	p = (char *)"-7";
	CU_ASSERT_EQUAL(get_option(&p, &v), 1);
	CU_ASSERT_EQUAL(v, -7);
}

static void test_get_option_none(void)
{
	const char *in;
	char *p = NULL;
	int v = 5;

	CU_ASSERT_EQUAL(get_option(&p, &v), 0);	/* NULL string */
	in = "";
	p = (char *)in;
	CU_ASSERT_EQUAL(get_option(&p, &v), 0);
	CU_ASSERT_PTR_EQUAL(p, in);
	in = "x1";
	p = (char *)in;
	CU_ASSERT_EQUAL(get_option(&p, &v), 0);
	CU_ASSERT_PTR_EQUAL(p, in);
	/* A lone leading '-' is consumed all the same. */
	in = "-,";
	p = (char *)in;
	CU_ASSERT_EQUAL(get_option(&p, &v), 0);
	CU_ASSERT_PTR_EQUAL(p, in + 1);
}

static void test_get_options_list(void)
{
	static const int want[] = { 5, 1, 3, 4, 5, 7 };
	const char *in = "1,3-5,7";
	int ints[16];
	char *end;

	memset(ints, 0, sizeof(ints));
	end = get_options(in, ARRAY_SIZE(ints), ints);
	CU_ASSERT_EQUAL(memcmp(ints, want, sizeof(want)), 0);
	CU_ASSERT_EQUAL(ints[6], 0);
	CU_ASSERT_PTR_EQUAL(end, in + strlen(in));

	/* Count only: ints[0] alone is written. */
	memset(ints, 0, sizeof(ints));
	get_options(in, 0, ints);
	CU_ASSERT_EQUAL(ints[0], 5);
	CU_ASSERT_PTR_NULL(memchr_inv(&ints[1], 0, sizeof(ints) - sizeof(int)));
}

static void test_get_options_limits(void)
{
	const char *in = "1,2,3,4";
	int ints[8];
	char *end;

	/* Room for two: parsing stops at the third, which is returned. */
	memset(ints, 0, sizeof(ints));
	end = get_options(in, 3, ints);
	CU_ASSERT_EQUAL(ints[0], 2);
	CU_ASSERT_EQUAL(ints[1], 1);
	CU_ASSERT_EQUAL(ints[2], 2);
	CU_ASSERT_EQUAL(ints[3], 0);
	CU_ASSERT_PTR_EQUAL(end, in + 4);

	/* A range cut by the array still counts all of its numbers. */
	memset(ints, 0, sizeof(ints));
	get_options("1-10", 3, ints);
	CU_ASSERT_EQUAL(ints[0], 9);
	CU_ASSERT_EQUAL(ints[1], 1);
	CU_ASSERT_EQUAL(ints[2], 2);
	CU_ASSERT_EQUAL(ints[3], 0);

	/* A reversed range ends the list, its first number kept. */
	memset(ints, 0, sizeof(ints));
	get_options("9-7,4", ARRAY_SIZE(ints), ints);
	CU_ASSERT_EQUAL(ints[0], 0);
	CU_ASSERT_EQUAL(ints[1], 9);
	CU_ASSERT_EQUAL(ints[2], 0);
}

static void test_memparse(void)
{
	const char *s;
	char *end;

	s = "64K,";
	CU_ASSERT_EQUAL(memparse(s, &end), 65536);
	CU_ASSERT_PTR_EQUAL(end, s + 3);
	CU_ASSERT_EQUAL(memparse("0x10M", NULL), 16ULL << 20);
	CU_ASSERT_EQUAL(memparse("1g", NULL), 1ULL << 30);
	CU_ASSERT_EQUAL(memparse("2E", NULL), 2ULL << 60);
	s = "5x";
	CU_ASSERT_EQUAL(memparse(s, &end), 5);
	CU_ASSERT_PTR_EQUAL(end, s + 1);
	/* The kernel's parser: no blanks skipped. */
	s = " 5K";
	CU_ASSERT_EQUAL(memparse(s, &end), 0);
	CU_ASSERT_PTR_EQUAL(end, s);
}

static CU_TestInfo tests[] = {
	{ "simple_strtoull", test_simple_strtoull },
	{ "simple_strto_rejects", test_simple_strto_rejects },
	{ "simple_strtol_sign", test_simple_strtol_sign },
	{ "get_option", test_get_option },
	{ "get_option_none", test_get_option_none },
	{ "get_options_list", test_get_options_list },
	{ "get_options_limits", test_get_options_limits },
	{ "memparse", test_memparse },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "cmdline", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
