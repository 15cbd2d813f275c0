/*
 * test_ctype - linux/ctype.h and lib/ctype.c of 6.x: every one of the 256
 * byte values against the kernel's classification rules (ASCII as the C
 * locale, Latin-1 0xA0-0xFF classified too, 0x80-0x9F in no class), in
 * kernel code (bits_kernel.c), in host code that includes glibc's
 * <ctype.h> first (this file) and in host code that includes it last
 * (ctype_order.c).
 */
#include <ctype.h>
#include <linux/ctype.h>

#include <kshim/test.h>

#include "bits_kernel.h"
#include "ctype_order.h"

/* The kernel's classes of byte @c, from the rules, not from the table. */
static unsigned int model_classes(int c)
{
	bool upper = (c >= 'A' && c <= 'Z') ||
		     (c >= 0xc0 && c <= 0xde && c != 0xd7);
	bool lower = (c >= 'a' && c <= 'z') ||
		     (c >= 0xdf && c <= 0xff && c != 0xf7);
	bool digit = c >= '0' && c <= '9';
	bool cntrl = c < 0x20 || c == 0x7f;
	bool space = (c >= '\t' && c <= '\r') || c == ' ' || c == 0xa0;
	bool hard_space = c == ' ' || c == 0xa0;
	bool punct = (c > 0x20 && c < 0x7f && !upper && !lower && !digit) ||
		     (c >= 0xa1 && c <= 0xbf) || c == 0xd7 || c == 0xf7;
	bool xdigit = digit || (c >= 'a' && c <= 'f') ||
		      (c >= 'A' && c <= 'F');
	unsigned int m = 0;

	if (upper || lower || digit)
		m |= BK_ALNUM;
	if (upper || lower)
		m |= BK_ALPHA;
	if (cntrl)
		m |= BK_CNTRL;
	if (digit)
		m |= BK_DIGIT;
	if (upper || lower || digit || punct)
		m |= BK_GRAPH;
	if (lower)
		m |= BK_LOWER;
	if (upper || lower || digit || punct || hard_space)
		m |= BK_PRINT;
	if (punct)
		m |= BK_PUNCT;
	if (space)
		m |= BK_SPACE;
	if (upper)
		m |= BK_UPPER;
	if (xdigit)
		m |= BK_XDIGIT;
	if (c <= 0x7f)
		m |= BK_ASCII;
	if (c >= '0' && c <= '7')
		m |= BK_ODIGIT;
	return m;
}

static int model_tolower(int c)
{
	return model_classes(c) & BK_UPPER ? c + 0x20 : c;
}

static int model_toupper(int c)
{
	return model_classes(c) & BK_LOWER ? c - 0x20 : c;
}

/* The same classes through the host (glibc-first) macros. */
static unsigned int host_classes(int c)
{
	return (isalnum(c) ? BK_ALNUM : 0) | (isalpha(c) ? BK_ALPHA : 0) |
	       (iscntrl(c) ? BK_CNTRL : 0) | (isdigit(c) ? BK_DIGIT : 0) |
	       (isgraph(c) ? BK_GRAPH : 0) | (islower(c) ? BK_LOWER : 0) |
	       (isprint(c) ? BK_PRINT : 0) | (ispunct(c) ? BK_PUNCT : 0) |
	       (isspace(c) ? BK_SPACE : 0) | (isupper(c) ? BK_UPPER : 0) |
	       (isxdigit(c) ? BK_XDIGIT : 0) | (isascii(c) ? BK_ASCII : 0) |
	       (isodigit(c) ? BK_ODIGIT : 0);
}

static void test_kernel_code_all_bytes(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		CU_ASSERT_EQUAL(bk_ctype_classes(c), model_classes(c));
		CU_ASSERT_EQUAL(bk_tolower(c), model_tolower(c));
		CU_ASSERT_EQUAL(bk_toupper(c), model_toupper(c));
		CU_ASSERT_EQUAL(bk__tolower(c), (c | 0x20) & 0xff);
		CU_ASSERT_EQUAL(bk_toascii(c), c & 0x7f);
	}
}

static void test_host_code_all_bytes(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		CU_ASSERT_EQUAL(host_classes(c), model_classes(c));
		CU_ASSERT_EQUAL(tolower(c), model_tolower(c));
		CU_ASSERT_EQUAL(toupper(c), model_toupper(c));
		CU_ASSERT_EQUAL(toascii(c), c & 0x7f);
		CU_ASSERT_EQUAL(order_isalpha(c) != 0,
				(model_classes(c) & BK_ALPHA) != 0);
		CU_ASSERT_EQUAL(order_toupper(c), model_toupper(c));
	}
}

static void test_table_spot_checks(void)
{
	/* The kernel's well-known quirks, spelled out. */
	CU_ASSERT_FALSE(isspace('\0'));
	CU_ASSERT_TRUE(isspace(0xa0));
	CU_ASSERT_TRUE(isprint(0xa0));
	CU_ASSERT_FALSE(isgraph(0xa0));
	CU_ASSERT_TRUE(islower(0xdf));		/* sharp s */
	CU_ASSERT_EQUAL(toupper(0xdf), 0xbf);	/* ... "upper-cased" */
	CU_ASSERT_EQUAL(toupper(0xff), 0xdf);
	CU_ASSERT_EQUAL(tolower(0xc9), 0xe9);
	CU_ASSERT_TRUE(ispunct(0xd7));
	CU_ASSERT_FALSE(isalpha(0xd7));
	CU_ASSERT_FALSE(isprint(0x85));
	CU_ASSERT_FALSE(iscntrl(0x85));
	/* Arguments are bytes: a negative char is its unsigned value. */
	CU_ASSERT_TRUE(isalpha((char)0xe9));
	CU_ASSERT_TRUE(islower(-1));		/* EOF is 0xff here */
	CU_ASSERT_EQUAL(_tolower('Q'), 'q');
	CU_ASSERT_EQUAL(_tolower('q'), 'q');
	CU_ASSERT_TRUE(isodigit('7'));
	CU_ASSERT_FALSE(isodigit('8'));
	CU_ASSERT_EQUAL(_ctype['A'], _U | _X);
	CU_ASSERT_EQUAL(_ctype[' '], _S | _SP);
}

static void test_glibc_names_still_work(void)
{
	CU_ASSERT_TRUE(order_isblank(' '));
	CU_ASSERT_TRUE(order_isblank('\t'));
	CU_ASSERT_FALSE(order_isblank('\n'));
	CU_ASSERT_TRUE(isblank(' '));
}

static CU_TestInfo tests[] = {
	{ "kernel_code_all_bytes", test_kernel_code_all_bytes },
	{ "host_code_all_bytes", test_host_code_all_bytes },
	{ "table_spot_checks", test_table_spot_checks },
	{ "glibc_names_still_work", test_glibc_names_still_work },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "ctype", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
