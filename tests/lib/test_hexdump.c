/*
 * test_hexdump - lib/hexdump.c as 6.1 has it: hex_to_bin() against a
 * reference over every byte, hex2bin()/bin2hex(), hex_asc and the byte
 * packers, hex_dump_to_buffer() (each group size, the fallbacks to bytes,
 * the ASCII column, short buffers and the length it then returns) and
 * print_hex_dump()/print_hex_dump_bytes() from kernel code, with each
 * prefix type (the address one is the kernel's hashed %p).
 */
#include <string.h>

#include <kshim/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/hex.h>
#include <linux/printk.h>

#include "printk_kernel.h"

static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int ref_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void test_hex_to_bin(void)
{
	int c;

	for (c = 0; c < 256; c++)
		CU_ASSERT_EQUAL(hex_to_bin((unsigned char)c), ref_hex(c));
}

static void test_hex2bin_bin2hex(void)
{
	u8 out[4] = { 0 };
	char hex[16];
	static const u8 in[3] = { 0x0a, 0xff, 0x10 };

	CU_ASSERT_EQUAL(hex2bin(out, "0aFf10", 3), 0);
	CU_ASSERT_EQUAL(memcmp(out, in, 3), 0);
	CU_ASSERT_EQUAL(hex2bin(out, "0g", 1), -EINVAL);
	CU_ASSERT_EQUAL(hex2bin(out, "x0", 1), -EINVAL);
	CU_ASSERT_EQUAL(hex2bin(out, "", 0), 0);
	memset(hex, 'z', sizeof(hex));
	CU_ASSERT_PTR_EQUAL(bin2hex(hex, in, 3), hex + 6);
	CU_ASSERT_EQUAL(memcmp(hex, "0aff10z", 7), 0);	/* no NUL */
	CU_ASSERT_EQUAL(hex_asc_hi(0xa5), 'a');
	CU_ASSERT_EQUAL(hex_asc_lo(0xa5), '5');
	CU_ASSERT_EQUAL(hex_asc_upper_hi(0xb5), 'B');
	CU_ASSERT_PTR_EQUAL(hex_byte_pack(hex, 0xc3), hex + 2);
	CU_ASSERT_EQUAL(memcmp(hex, "c3", 2), 0);
	CU_ASSERT_PTR_EQUAL(hex_byte_pack_upper(hex, 0xc3), hex + 2);
	CU_ASSERT_EQUAL(memcmp(hex, "C3", 2), 0);
	CU_ASSERT_STRING_EQUAL(hex_asc, "0123456789abcdef");
	CU_ASSERT_STRING_EQUAL(hex_asc_upper, "0123456789ABCDEF");
}

struct dump_case {
	size_t len;
	int rowsize, groupsize;
	bool ascii;
	const char *want;
};

static const struct dump_case dump_cases[] = {
	{ 16, 16, 1, true, "41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50"
			   "  ABCDEFGHIJKLMNOP" },
	{ 16, 16, 2, true, "4241 4443 4645 4847 4a49 4c4b 4e4d 504f"
			   "  ABCDEFGHIJKLMNOP" },
	{ 16, 16, 4, true, "44434241 48474645 4c4b4a49 504f4e4d"
			   "  ABCDEFGHIJKLMNOP" },
	{ 16, 16, 8, true, "4847464544434241 504f4e4d4c4b4a49"
			   "  ABCDEFGHIJKLMNOP" },
	{ 16, 16, 1, false, "41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50" },
	{ 8, 16, 4, false, "44434241 48474645" },
	/* 5 bytes do not make groups of 4: bytes */
	{ 5, 16, 4, true, "41 42 43 44 45"
			  "                                   ABCDE" },
	/* 3 is no power of two, 16 is too big: bytes */
	{ 4, 16, 3, false, "41 42 43 44" },
	{ 4, 16, 16, false, "41 42 43 44" },
	/* rowsize 20 is 16; one row at most */
	{ 20, 20, 1, true, "41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50"
			   "  ABCDEFGHIJKLMNOP" },
	/* rowsize 32: the ASCII column at 32 * 2 + 32 + 1 */
	{ 2, 32, 1, true, "41 42                                           "
			  "                                                 AB" },
	{ 0, 16, 1, true, "" },
};

static void test_hex_dump_to_buffer(void)
{
	const struct dump_case *c;
	char line[200];

	for (c = dump_cases; c < dump_cases + ARRAY_SIZE(dump_cases); c++) {
		int n = hex_dump_to_buffer(alpha, c->len, c->rowsize,
					   c->groupsize, line, sizeof(line),
					   c->ascii);

		CU_ASSERT_STRING_EQUAL(line, c->want);
		CU_ASSERT_EQUAL(n, (int)strlen(c->want));
	}
}

/* The ASCII column: printable ASCII only. */
static void test_hex_dump_ascii(void)
{
	static const u8 b[] = { 0x00, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff, 'a' };
	char line[100];

	hex_dump_to_buffer(b, sizeof(b), 16, 1, line, sizeof(line), true);
	CU_ASSERT_STRING_EQUAL(line, "00 1f 20 7e 7f 80 ff 61"
			       "                          .. ~...a");
}

/* Too small a buffer: cut, NUL-terminated, the full length returned. */
static void test_hex_dump_overflow(void)
{
	char line[64];

	memset(line, 'z', sizeof(line));
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 1, line, 10, true),
			65);
	CU_ASSERT_STRING_EQUAL(line, "41 42 43 ");
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 4, line, 10, true),
			53);
	CU_ASSERT_STRING_EQUAL(line, "44434241 ");
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 4, line, 10, false),
			35);
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 1, line, 47, false),
			47);
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 1, line, 48, false),
			47);
	CU_ASSERT_STRING_EQUAL(line, dump_cases[4].want);
	memset(line, 'z', sizeof(line));
	CU_ASSERT_EQUAL(hex_dump_to_buffer(alpha, 16, 16, 1, line, 0, true),
			65);
	CU_ASSERT_EQUAL(line[0], 'z');
}

static void test_print_hex_dump(void)
{
	char want[512];

	pk_print_hex_dump(DUMP_PREFIX_OFFSET, 16, 1, alpha, 20, true);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
		"pfx: 00000000: 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP\n"
		"pfx: 00000010: 51 52 53 54                                      QRST\n");
	kshim_dmesg_clear();
	pk_print_hex_dump(DUMP_PREFIX_NONE, 32, 4, alpha, 24, false);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
		"pfx: 44434241 48474645 4c4b4a49 504f4e4d 54535251 58575655\n");
	kshim_dmesg_clear();
	pk_print_hex_dump(DUMP_PREFIX_ADDRESS, 16, 2, alpha, 18, false);
	scnprintf(want, sizeof(want),
		  "pfx: %p: 4241 4443 4645 4847 4a49 4c4b 4e4d 504f\n"
		  "pfx: %p: 5251\n", alpha, alpha + 16);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), want);
	kshim_dmesg_clear();
	pk_print_hex_dump(DUMP_PREFIX_NONE, 16, 1, alpha, 0, true);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(), "");
	/* KERN_DEBUG, 16 bytes a row, with ASCII (printk_kernel.c is DEBUG) */
	pk_print_hex_dump_bytes(alpha, 3);
	CU_ASSERT_STRING_EQUAL(kshim_dmesg(),
		"bytes: 00000000: 41 42 43                                         ABC\n");
}

static CU_TestInfo tests[] = {
	{ "hex_to_bin", test_hex_to_bin },
	{ "hex2bin_bin2hex", test_hex2bin_bin2hex },
	{ "hex_dump_to_buffer", test_hex_dump_to_buffer },
	{ "hex_dump_ascii", test_hex_dump_ascii },
	{ "hex_dump_overflow", test_hex_dump_overflow },
	{ "print_hex_dump", test_print_hex_dump },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "hexdump", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
