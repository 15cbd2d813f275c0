/*
 * test_crc - crc32_le/crc32_be/__crc32c_le, crc16, crc_ccitt(_false) and
 * crc_itu_t against the standard check values of the CRC catalogue (the
 * CRC of "123456789"), a bit-at-a-time reference written here, the
 * _combine() helpers and the inline byte forms.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/crc32.h>
#include <linux/crc16.h>
#include <linux/crc-ccitt.h>
#include <linux/crc-itu-t.h>

static const unsigned char check[] = "123456789";

/* Bit-serial references, straight from the definition. */
static uint32_t ref_reflected(uint32_t crc, const unsigned char *p,
			      size_t len, uint32_t poly)
{
	while (len--) {
		int b;

		crc ^= *p++;
		for (b = 0; b < 8; b++)
			crc = (crc & 1) ? (crc >> 1) ^ poly : crc >> 1;
	}
	return crc;
}

static uint32_t ref_normal(uint32_t crc, const unsigned char *p, size_t len,
			   uint32_t poly, int width)
{
	uint32_t top = 1U << (width - 1);
	uint32_t mask = width == 32 ? 0xffffffffU : (1U << width) - 1;

	while (len--) {
		int b;

		crc ^= (uint32_t)*p++ << (width - 8);
		for (b = 0; b < 8; b++)
			crc = (crc & top) ? ((crc << 1) ^ poly) & mask :
					    (crc << 1) & mask;
	}
	return crc;
}

static void test_check_values(void)
{
	CU_ASSERT_EQUAL(~crc32_le(~0U, check, 9), 0xcbf43926U);	/* CRC-32 */
	CU_ASSERT_EQUAL(~crc32(~0U, check, 9), 0xcbf43926U);
	CU_ASSERT_EQUAL(crc32_le(~0U, check, 9) ^ 0xffffffffU, 0xcbf43926U);
	CU_ASSERT_EQUAL(~crc32_be(~0U, check, 9), 0xfc891918U); /* BZIP2 */
	CU_ASSERT_EQUAL(crc32_be(~0U, check, 9), 0x0376e6e7U);	/* MPEG-2 */
	CU_ASSERT_EQUAL(~__crc32c_le(~0U, check, 9), 0xe3069283U); /* CRC-32C */
	CU_ASSERT_EQUAL(crc32_le(~0U, check, 9), 0x340bc6d9U);	/* JAMCRC */
	CU_ASSERT_EQUAL(crc16(0, check, 9), 0xbb3d);		/* ARC */
	CU_ASSERT_EQUAL(crc16(0xffff, check, 9), 0x4b37);	/* MODBUS */
	CU_ASSERT_EQUAL(crc_ccitt(0, check, 9), 0x2189);	/* KERMIT */
	CU_ASSERT_EQUAL((u16)~crc_ccitt(0xffff, check, 9), 0x906e); /* */
	CU_ASSERT_EQUAL(crc_ccitt_false(0xffff, check, 9), 0x29b1);
	CU_ASSERT_EQUAL(crc_itu_t(0, check, 9), 0x31c3);	/* XMODEM */
	/* Empty buffers leave the seed alone; nothing is inverted. */
	CU_ASSERT_EQUAL(crc32_le(0x1234, check, 0), 0x1234);
	CU_ASSERT_EQUAL(crc32_le(0, (const unsigned char *)"\0\0\0", 3), 0);
	/* The Ethernet FCS of the check string, in both bit orders. */
	CU_ASSERT_EQUAL(ether_crc_le(9, check), 0x340bc6d9U);
	CU_ASSERT_EQUAL(ether_crc(9, check), 0x9b63d02cU);
}

static void test_tables(void)
{
	CU_ASSERT_EQUAL(crc16_table[1], 0xc0c1);
	CU_ASSERT_EQUAL(crc16_table[255], 0x4040);
	CU_ASSERT_EQUAL(crc_ccitt_table[1], 0x1189);
	CU_ASSERT_EQUAL(crc_ccitt_false_table[1], 0x1021);
	CU_ASSERT_EQUAL(crc_itu_t_table[1], 0x1021);
	CU_ASSERT_EQUAL(crc_itu_t_table[255], 0x1ef0);
	CU_ASSERT_EQUAL(crc16_byte(0, '1'), crc16(0, check, 1));
	CU_ASSERT_EQUAL(crc_ccitt_byte(0xffff, '1'),
			crc_ccitt(0xffff, check, 1));
	CU_ASSERT_EQUAL(crc_ccitt_false_byte(0xffff, '1'),
			crc_ccitt_false(0xffff, check, 1));
	CU_ASSERT_EQUAL(crc_itu_t_byte(0x1d0f, '1'), crc_itu_t(0x1d0f, check, 1));
}

/* Random buffers and seeds against the bit-serial definitions. */
static void test_against_reference(void)
{
	unsigned char buf[300];
	unsigned int round, i;

	srand(9);
	for (round = 0; round < 200; round++) {
		size_t len = (size_t)rand() % sizeof(buf);
		uint32_t seed = (uint32_t)rand() * 2654435761U;

		for (i = 0; i < len; i++)
			buf[i] = (unsigned char)rand();
		CU_ASSERT_EQUAL(crc32_le(seed, buf, len),
				ref_reflected(seed, buf, len, 0xedb88320U));
		CU_ASSERT_EQUAL(__crc32c_le(seed, buf, len),
				ref_reflected(seed, buf, len, 0x82f63b78U));
		CU_ASSERT_EQUAL(crc32_be(seed, buf, len),
				ref_normal(seed, buf, len, 0x04c11db7U, 32));
		CU_ASSERT_EQUAL(crc16((u16)seed, buf, len),
				ref_reflected((u16)seed, buf, len, 0xa001));
		CU_ASSERT_EQUAL(crc_ccitt((u16)seed, buf, len),
				ref_reflected((u16)seed, buf, len, 0x8408));
		CU_ASSERT_EQUAL(crc_ccitt_false((u16)seed, buf, len),
				ref_normal((u16)seed, buf, len, 0x1021, 16));
		CU_ASSERT_EQUAL(crc_itu_t((u16)seed, buf, len),
				ref_normal((u16)seed, buf, len, 0x1021, 16));
	}
}

/* crc(A || B) from crc(A) and crc(B) alone, as the kernel's self-test does. */
static void test_combine(void)
{
	unsigned char buf[512];
	unsigned int round, i;

	srand(5);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)rand();
	for (round = 0; round < 100; round++) {
		size_t la = (size_t)rand() % 256, lb = (size_t)rand() % 256;
		u32 seed = (u32)rand();
		u32 a = crc32_le(seed, buf, la);
		u32 b = crc32_le(0, buf + la, lb);
		u32 ac = __crc32c_le(seed, buf, la);
		u32 bc = __crc32c_le(0, buf + la, lb);

		CU_ASSERT_EQUAL(crc32_le_combine(a, b, lb),
				crc32_le(seed, buf, la + lb));
		CU_ASSERT_EQUAL(__crc32c_le_combine(ac, bc, lb),
				__crc32c_le(seed, buf, la + lb));
	}
	CU_ASSERT_EQUAL(crc32_le_shift(0x12345678, 0), 0x12345678);
	CU_ASSERT_EQUAL(crc32_le_shift(0x12345678, 3),
			crc32_le(0x12345678, (const unsigned char *)"\0\0\0", 3));
}

static CU_TestInfo tests[] = {
	{ "check_values", test_check_values },
	{ "tables", test_tables },
	{ "against_reference", test_against_reference },
	{ "combine", test_combine },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "crc", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
