/*
 * test_kstrtox - kstrto*() as lib/kstrtox.c parses: bases, signs, the one
 * trailing newline, -ERANGE and -EINVAL.
 */
#include <errno.h>

#include <kshim/test.h>
#include <linux/kstrtox.h>

static void test_bases(void)
{
	unsigned long long v;

	CU_ASSERT_EQUAL(kstrtoull("42", 0, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(kstrtoull("0x2a", 0, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(kstrtoull("052", 0, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(kstrtoull("2A", 16, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(kstrtoull("0X2a", 16, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(kstrtoull("+7\n", 10, &v), 0);
	CU_ASSERT_EQUAL(v, 7);
	CU_ASSERT_EQUAL(kstrtoull("0", 0, &v), 0);
	CU_ASSERT_EQUAL(v, 0);
}

static void test_rejects(void)
{
	unsigned long long v = 5;
	int i;

	CU_ASSERT_EQUAL(kstrtoull("", 0, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull("12a", 10, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull("7\n\n", 10, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull(" 7", 10, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull("-1", 10, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull("08", 0, &v), -EINVAL);
	CU_ASSERT_EQUAL(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	CU_ASSERT_EQUAL(v, 5);	/* untouched on error */
	CU_ASSERT_EQUAL(kstrtoint("2147483648", 10, &i), -ERANGE);
	CU_ASSERT_EQUAL(kstrtoint("-+1", 10, &i), -EINVAL);
}

static void test_signed(void)
{
	long long ll;
	s8 s;
	int i;

	CU_ASSERT_EQUAL(kstrtoll("-9223372036854775808", 10, &ll), 0);
	CU_ASSERT_EQUAL(ll, (-9223372036854775807LL - 1));
	CU_ASSERT_EQUAL(kstrtoll("-9223372036854775809", 10, &ll), -ERANGE);
	CU_ASSERT_EQUAL(kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	CU_ASSERT_EQUAL(kstrtoint("-0x10", 0, &i), 0);
	CU_ASSERT_EQUAL(i, -16);
	CU_ASSERT_EQUAL(kstrtos8("-128", 10, &s), 0);
	CU_ASSERT_EQUAL(s, -128);
	CU_ASSERT_EQUAL(kstrtos8("128", 10, &s), -ERANGE);
}

static void test_narrow(void)
{
	u8 b;
	u16 w;

	CU_ASSERT_EQUAL(kstrtou8("255", 10, &b), 0);
	CU_ASSERT_EQUAL(b, 255);
	CU_ASSERT_EQUAL(kstrtou8("256", 10, &b), -ERANGE);
	CU_ASSERT_EQUAL(kstrtou16("0xffff", 0, &w), 0);
	CU_ASSERT_EQUAL(w, 0xffff);
	CU_ASSERT_EQUAL(kstrtou16("65536", 0, &w), -ERANGE);
}

static void test_bool(void)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "ON", "yes", "t" };
	static const char *const no[] = { "n", "N", "0", "off", "Off", "no", "f" };
	unsigned int i;
	bool b;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		b = false;
		CU_ASSERT_EQUAL(kstrtobool(yes[i], &b), 0);
		CU_ASSERT_TRUE(b);
		CU_ASSERT_EQUAL(kstrtobool(no[i], &b), 0);
		CU_ASSERT_FALSE(b);
	}
	CU_ASSERT_EQUAL(kstrtobool("maybe", &b), -EINVAL);
	CU_ASSERT_EQUAL(kstrtobool("o", &b), -EINVAL);
	CU_ASSERT_EQUAL(kstrtobool(NULL, &b), -EINVAL);
}

static CU_TestInfo tests[] = {
	{ "bases", test_bases },
	{ "rejects", test_rejects },
	{ "signed", test_signed },
	{ "narrow", test_narrow },
	{ "bool", test_bool },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kstrtox", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
