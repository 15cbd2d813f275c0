/*
 * test_string - the kernel-only functions of linux/string.h and
 * linux/string_helpers.h as lib/string.c and lib/string_helpers.c (6.1)
 * define them: strscpy()'s -E2BIG and its WARN above INT_MAX, strlcpy()/
 * strlcat() (and strlcat()'s BUG on an unterminated destination),
 * match_string()'s -EINVAL, sysfs_streq()'s newline, the kernel's isspace
 * in strim()/skip_spaces(), and string_get_size() against the outputs
 * lib/test-string_helpers.c expects.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/string_helpers.h>
#include <linux/kstrtox.h>

static void test_strscpy(void)
{
	char buf[8], big[16];

	memset(buf, 'x', sizeof(buf));
	CU_ASSERT_EQUAL(strscpy(buf, "hello", sizeof(buf)), 5);
	CU_ASSERT_STRING_EQUAL(buf, "hello");
	CU_ASSERT_EQUAL(buf[6], 'x');		/* no padding */
	CU_ASSERT_EQUAL(strscpy(buf, "1234567", sizeof(buf)), 7);
	CU_ASSERT_EQUAL(strscpy(buf, "12345678", sizeof(buf)), -E2BIG);
	CU_ASSERT_STRING_EQUAL(buf, "1234567");	/* truncated, terminated */
	CU_ASSERT_EQUAL(strscpy(buf, "abc", 1), -E2BIG);
	CU_ASSERT_EQUAL(buf[0], '\0');
	buf[0] = 'q';
	CU_ASSERT_EQUAL(strscpy(buf, "abc", 0), -E2BIG);
	CU_ASSERT_EQUAL(buf[0], 'q');		/* count 0: untouched */
	CU_ASSERT_EQUAL(strscpy(buf, ""), 0);	/* two-argument form */
	CU_ASSERT_EQUAL(strscpy(big, "0123456789abcdefg"), -E2BIG);
	CU_ASSERT_STRING_EQUAL(big, "0123456789abcde");

	memset(big, 'x', sizeof(big));
	CU_ASSERT_EQUAL(strscpy_pad(big, "abc", sizeof(big)), 3);
	CU_ASSERT_EQUAL(memchr_inv(big + 3, 0, sizeof(big) - 3), NULL);
	memset(big, 'x', sizeof(big));
	CU_ASSERT_EQUAL(strscpy_pad(big, "abc"), 3);
	CU_ASSERT_EQUAL(big[15], '\0');
	CU_ASSERT_EQUAL(strscpy_pad(buf, "too long for it"), -E2BIG);
	CU_ASSERT_STRING_EQUAL(buf, "too lon");
}

/* lib/string.c: WARN_ON_ONCE(count > INT_MAX), here at the caller's line. */
static void test_strscpy_int_max_warns(void)
{
	char buf[4], where[64];
	int line;

	snprintf(where, sizeof(where), "test_string.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_WARNING, where, 1);
	line = (int)strscpy(buf, "a", (size_t)INT_MAX + 1);
	CU_ASSERT_EQUAL(line, -E2BIG);
	/* WARN_ON_ONCE: silent the second time. */
	CU_ASSERT_EQUAL(strscpy(buf, "a", (size_t)INT_MAX + 1), -E2BIG);
	CU_ASSERT_EQUAL(strscpy(buf, "a", (size_t)INT_MAX), 1);	/* fine */
}

static void test_strlcpy_strlcat(void)
{
	char buf[8];

	CU_ASSERT_EQUAL(strlcpy(buf, "abc", sizeof(buf)), 3);
	CU_ASSERT_STRING_EQUAL(buf, "abc");
	CU_ASSERT_EQUAL(strlcpy(buf, "abcdefghij", sizeof(buf)), 10);
	CU_ASSERT_STRING_EQUAL(buf, "abcdefg");
	buf[0] = 'z';
	CU_ASSERT_EQUAL(strlcpy(buf, "abc", 0), 3);
	CU_ASSERT_EQUAL(buf[0], 'z');

	strlcpy(buf, "ab", sizeof(buf));
	CU_ASSERT_EQUAL(strlcat(buf, "cd", sizeof(buf)), 4);
	CU_ASSERT_STRING_EQUAL(buf, "abcd");
	CU_ASSERT_EQUAL(strlcat(buf, "efghij", sizeof(buf)), 10);
	CU_ASSERT_STRING_EQUAL(buf, "abcdefg");
	CU_ASSERT_EQUAL(strlcat(buf, "", sizeof(buf)), 7);
}

/* BUG_ON(dsize >= count): the destination is longer than its size says. */
static void test_strlcat_bug(void)
{
	char buf[8] = "abcdefg", where[64];

	snprintf(where, sizeof(where), "test_string.c:%d", __LINE__ + 2);
	kshim_expect_report(KSHIM_REPORT_BUG, where, 1);
	strlcat(buf, "x", 4);
	CU_FAIL("strlcat() returned after its BUG");
}

static void test_search(void)
{
	const char *s = "hello world";
	char buf[32];
	unsigned char mem[16];

	CU_ASSERT_PTR_EQUAL(strnchr(s, 5, 'o'), s + 4);
	CU_ASSERT_PTR_NULL(strnchr(s, 4, 'o'));
	CU_ASSERT_PTR_EQUAL(strnchr(s, 100, '\0'), s + 11);
	CU_ASSERT_PTR_NULL(strnchr(s, 100, 'z'));	/* stops at the NUL */
	CU_ASSERT_PTR_EQUAL(strnchrnul(s, 100, 'z'), s + 11);
	CU_ASSERT_PTR_EQUAL(strnchrnul(s, 3, 'z'), s + 3);
	CU_ASSERT_PTR_EQUAL(strnstr(s, "world", 11), s + 6);
	CU_ASSERT_PTR_NULL(strnstr(s, "world", 10));
	CU_ASSERT_PTR_EQUAL(strnstr(s, "", 0), s);
	CU_ASSERT_PTR_EQUAL(strnstr(s, "lo", 5), s + 3);

	memset(mem, 0, sizeof(mem));
	CU_ASSERT_PTR_NULL(memchr_inv(mem, 0, sizeof(mem)));
	CU_ASSERT_TRUE(mem_is_zero(mem, sizeof(mem)));
	mem[13] = 1;
	CU_ASSERT_PTR_EQUAL(memchr_inv(mem, 0, sizeof(mem)), mem + 13);
	CU_ASSERT_PTR_NULL(memchr_inv(mem, 0, 13));
	CU_ASSERT_PTR_EQUAL(memchr_inv(mem, 0x100, 4), NULL); /* c as a byte */
	CU_ASSERT_PTR_EQUAL(memscan(mem, 1, sizeof(mem)), mem + 13);
	CU_ASSERT_PTR_EQUAL(memscan(mem, 7, sizeof(mem)), mem + 16); /* end */

	strcpy(buf, "a/b/c");
	CU_ASSERT_PTR_EQUAL(strreplace(buf, '/', '_'), buf + 5);
	CU_ASSERT_STRING_EQUAL(buf, "a_b_c");
	CU_ASSERT_STRING_EQUAL(kbasename("/lib/string.c"), "string.c");
	CU_ASSERT_STRING_EQUAL(kbasename("string.c"), "string.c");
	CU_ASSERT_EQUAL(str_has_prefix("kshim_x", "kshim_"), 6);
	CU_ASSERT_EQUAL(str_has_prefix("ksh", "kshim_"), 0);
	CU_ASSERT_TRUE(strstarts("abc", "ab"));
}

static void test_spaces(void)
{
	char buf[32];

	strcpy(buf, " \t\n\v\f\r x y \r\n");
	CU_ASSERT_STRING_EQUAL(strim(buf), "x y");
	strcpy(buf, "   ");
	CU_ASSERT_STRING_EQUAL(strim(buf), "");
	strcpy(buf, "");
	CU_ASSERT_PTR_EQUAL(strim(buf), buf);
	strcpy(buf, "\xa0z\xa0");	/* lib/ctype.c: NBSP is a space */
	CU_ASSERT_STRING_EQUAL(strstrip(buf), "z");
	CU_ASSERT_STRING_EQUAL(skip_spaces("  \tq "), "q ");
	CU_ASSERT_STRING_EQUAL(skip_spaces("q"), "q");
}

static void test_memset_n(void)
{
	uint16_t a16[5] = { 0 };
	uint32_t a32[5] = { 0 };
	uint64_t a64[5] = { 0 };
	unsigned long al[3];
	void *ap[3];
	char pad[8];

	CU_ASSERT_PTR_EQUAL(memset16(a16, 0xbeef, 4), a16);
	CU_ASSERT_EQUAL(a16[3], 0xbeef);
	CU_ASSERT_EQUAL(a16[4], 0);
	memset32(a32 + 1, 0xdeadbeef, 3);
	CU_ASSERT_EQUAL(a32[0], 0);
	CU_ASSERT_EQUAL(a32[3], 0xdeadbeef);
	CU_ASSERT_EQUAL(a32[4], 0);
	memset64(a64, 0x0123456789abcdefULL, 5);
	CU_ASSERT_EQUAL(a64[4], 0x0123456789abcdefULL);
	memset_l(al, 7UL, 3);
	CU_ASSERT_EQUAL(al[2], 7UL);
	memset_p(ap, pad, 3);
	CU_ASSERT_PTR_EQUAL(ap[2], pad);

	memcpy_and_pad(pad, sizeof(pad), "abc", 3, '*');
	CU_ASSERT_EQUAL(memcmp(pad, "abc*****", 8), 0);
	memcpy_and_pad(pad, 4, "0123456", 7, '*');
	CU_ASSERT_EQUAL(memcmp(pad, "0123****", 8), 0);
	memzero_explicit(pad, 2);
	CU_ASSERT_EQUAL(memcmp(pad, "\0\0" "23****", 8), 0);
}

static void test_match(void)
{
	static const char * const modes[] = { "off", "on", "auto" };
	static const char * const holey[] = { "a", NULL, "c" };

	CU_ASSERT_EQUAL(match_string(modes, ARRAY_SIZE(modes), "auto"), 2);
	CU_ASSERT_EQUAL(match_string(modes, ARRAY_SIZE(modes), "au"), -EINVAL);
	CU_ASSERT_EQUAL(match_string(modes, ARRAY_SIZE(modes), "on\n"),
			-EINVAL);
	CU_ASSERT_EQUAL(match_string(modes, 2, "auto"), -EINVAL);
	/* A NULL ends the array. */
	CU_ASSERT_EQUAL(match_string(holey, ARRAY_SIZE(holey), "c"), -EINVAL);
	CU_ASSERT_EQUAL(sysfs_match_string(modes, "on\n"), 1);
	CU_ASSERT_EQUAL(sysfs_match_string(modes, "on\n\n"), -EINVAL);
	CU_ASSERT_EQUAL(__sysfs_match_string(holey, 3, "c\n"), -EINVAL);

	CU_ASSERT_TRUE(sysfs_streq("abc", "abc"));
	CU_ASSERT_TRUE(sysfs_streq("abc\n", "abc"));
	CU_ASSERT_TRUE(sysfs_streq("abc", "abc\n"));
	CU_ASSERT_TRUE(sysfs_streq("abc\n", "abc\n\n"));	/* as 6.1 does */
	CU_ASSERT_FALSE(sysfs_streq("abc\n\n", "abc"));
	CU_ASSERT_FALSE(sysfs_streq("abc ", "abc"));
	CU_ASSERT_FALSE(sysfs_streq("ab", "abc"));
	CU_ASSERT_TRUE(sysfs_streq("", "\n"));
}

static void test_bool_helpers(void)
{
	bool b = false;

	CU_ASSERT_STRING_EQUAL(str_yes_no(true), "yes");
	CU_ASSERT_STRING_EQUAL(str_yes_no(false), "no");
	CU_ASSERT_STRING_EQUAL(str_on_off(true), "on");
	CU_ASSERT_STRING_EQUAL(str_on_off(false), "off");
	CU_ASSERT_STRING_EQUAL(str_enable_disable(true), "enable");
	CU_ASSERT_STRING_EQUAL(str_enabled_disabled(false), "disabled");
	CU_ASSERT_STRING_EQUAL(str_read_write(false), "write");
	CU_ASSERT_EQUAL(strtobool("on", &b), 0);
	CU_ASSERT_TRUE(b);
	CU_ASSERT_EQUAL(strtobool("x", &b), -EINVAL);
}

static void check_size(u64 size, u64 blk, const char *exp10, const char *exp2)
{
	char buf[16];

	memset(buf, 'x', sizeof(buf));
	string_get_size(size, blk, STRING_UNITS_10, buf, sizeof(buf));
	if (strcmp(buf, exp10))
		printf("\n%llu x %llu: \"%s\", want \"%s\"\n",
		       (unsigned long long)size, (unsigned long long)blk, buf,
		       exp10);
	CU_ASSERT_STRING_EQUAL(buf, exp10);
	string_get_size(size, blk, STRING_UNITS_2, buf, sizeof(buf));
	if (strcmp(buf, exp2))
		printf("\n%llu x %llu: \"%s\", want \"%s\"\n",
		       (unsigned long long)size, (unsigned long long)blk, buf,
		       exp2);
	CU_ASSERT_STRING_EQUAL(buf, exp2);
}

/* The expectations of lib/test-string_helpers.c (6.1), and a few more. */
static void test_string_get_size(void)
{
	char small[5];

	check_size(0, 512, "0 B", "0 B");
	check_size(1, 512, "512 B", "512 B");
	check_size(1100, 1, "1.10 kB", "1.07 KiB");
	check_size(16384, 512, "8.39 MB", "8.00 MiB");
	check_size(500118192, 512, "256 GB", "238 GiB");
	check_size(8192, 4096, "33.6 MB", "32.0 MiB");
	check_size(3000, 1900, "5.70 MB", "5.44 MiB");
	check_size(U64_MAX, 4096, "75.6 ZB", "64.0 ZiB");
	check_size(4096, U64_MAX, "75.6 ZB", "64.0 ZiB");
	/* Zero block size, rounding up into the next integer, big units. */
	check_size(12345, 0, "0 B", "0 B");
	check_size(999, 1, "999 B", "999 B");
	check_size(1023, 1, "1.02 kB", "1023 B");
	check_size(1000, 1, "1.00 kB", "1000 B");
	check_size(1024, 1, "1.02 kB", "1.00 KiB");
	check_size(U64_MAX, U64_MAX, "340 UNK", "256 UNK");	/* past YB */
	/* snprintf() semantics: truncated to the buffer. */
	string_get_size(16384, 512, STRING_UNITS_10, small, sizeof(small));
	CU_ASSERT_STRING_EQUAL(small, "8.39");
}

static CU_TestInfo tests[] = {
	{ "strscpy", test_strscpy },
	{ "strscpy_int_max_warns", test_strscpy_int_max_warns },
	{ "strlcpy_strlcat", test_strlcpy_strlcat },
	{ "strlcat_bug", test_strlcat_bug },
	{ "search", test_search },
	{ "spaces", test_spaces },
	{ "memset_n", test_memset_n },
	{ "match", test_match },
	{ "bool_helpers", test_bool_helpers },
	{ "string_get_size", test_string_get_size },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "string", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
