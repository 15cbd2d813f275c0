/*
 * test_byteorder - linux/swab.h, the byte-order conversions
 * (asm/byteorder.h: linux/byteorder/little_endian.h + generic.h),
 * asm/unaligned.h and linux/bitfield.h of 6.1, checked against the bytes
 * in memory; the bitfield part through kernel code (bits_kernel.c), built
 * optimised with the kernel's flags.
 */
#include <string.h>

#include <kshim/test.h>
#include <asm/byteorder.h>
#include <asm/unaligned.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/swab.h>

#include "bits_kernel.h"

/* Usable in constant expressions. */
static const u32 const_be = __constant_cpu_to_be32(0x11223344);
_Static_assert(___constant_swab64(0x0102030405060708ULL) ==
	       0x0807060504030201ULL, "constant swab64");
_Static_assert(___constant_swahw32(0x11223344) == 0x33441122, "swahw32");
_Static_assert(___constant_swahb32(0x11223344) == 0x22114433, "swahb32");

static void test_swab(void)
{
	u16 h = 0x1234;
	u32 w = 0x12345678;
	u64 q = 0x0102030405060708ULL;
	u16 a16[3] = { 0x0102, 0x0304, 0x0506 };
	u32 a32[2] = { 0x01020304, 0x05060708 };
	u64 a64[1] = { 0x0102030405060708ULL };

	CU_ASSERT_EQUAL(swab16(0x1234), 0x3412);
	CU_ASSERT_EQUAL(swab32(0x12345678), 0x78563412);
	CU_ASSERT_EQUAL(swab64(q), 0x0807060504030201ULL);
	CU_ASSERT_EQUAL(__swab(0x0102030405060708UL), 0x0807060504030201UL);
	CU_ASSERT_EQUAL(swahw32(w), 0x56781234);
	CU_ASSERT_EQUAL(swahb32(w), 0x34127856);
	CU_ASSERT_EQUAL(swab16p(&h), 0x3412);
	CU_ASSERT_EQUAL(swab32p(&w), 0x78563412);
	CU_ASSERT_EQUAL(swab64p(&q), 0x0807060504030201ULL);
	CU_ASSERT_EQUAL(swahw32p(&w), 0x56781234);
	CU_ASSERT_EQUAL(swahb32p(&w), 0x34127856);
	swab16s(&h);
	swab32s(&w);
	swab64s(&q);
	CU_ASSERT_EQUAL(h, 0x3412);
	CU_ASSERT_EQUAL(w, 0x78563412);
	CU_ASSERT_EQUAL(q, 0x0807060504030201ULL);
	swahw32s(&w);
	CU_ASSERT_EQUAL(w, 0x34127856);
	swahb32s(&w);
	CU_ASSERT_EQUAL(w, 0x12345678);
	swab16_array(a16, 3);
	CU_ASSERT_EQUAL(a16[2], 0x0605);
	swab32_array(a32, 2);
	CU_ASSERT_EQUAL(a32[1], 0x08070605);
	swab64_array(a64, 1);
	CU_ASSERT_EQUAL(a64[0], 0x0807060504030201ULL);
	/* Arguments are truncated to the width first. */
	CU_ASSERT_EQUAL(swab16(0xabcd1234), 0x3412);
}

static void test_cpu_to_le_be(void)
{
	const u8 le[8] = { 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01 };
	const u8 be[8] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };
	__le64 l64 = cpu_to_le64(0x0102030405060708ULL);
	__be64 b64 = cpu_to_be64(0x0102030405060708ULL);
	__le32 l32 = cpu_to_le32(0x05060708);
	__be32 b32 = cpu_to_be32(0x01020304);
	__le16 l16 = cpu_to_le16(0x0708);
	__be16 b16 = cpu_to_be16(0x0102);
	u64 c64 = 0x0102030405060708ULL;
	u32 c32 = 0x01020304;
	u16 c16 = 0x0102;

	CU_ASSERT_EQUAL(memcmp(&l64, le, 8), 0);
	CU_ASSERT_EQUAL(memcmp(&b64, be, 8), 0);
	CU_ASSERT_EQUAL(memcmp(&l32, le, 4), 0);
	CU_ASSERT_EQUAL(memcmp(&b32, be, 4), 0);
	CU_ASSERT_EQUAL(memcmp(&l16, le, 2), 0);
	CU_ASSERT_EQUAL(memcmp(&b16, be, 2), 0);
	CU_ASSERT_EQUAL(memcmp(&const_be, "\x11\x22\x33\x44", 4), 0);
	CU_ASSERT_EQUAL(le64_to_cpu(l64), 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(be64_to_cpu(b64), 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(le32_to_cpu(l32), 0x05060708);
	CU_ASSERT_EQUAL(be32_to_cpu(b32), 0x01020304);
	CU_ASSERT_EQUAL(le16_to_cpu(l16), 0x0708);
	CU_ASSERT_EQUAL(be16_to_cpu(b16), 0x0102);
	CU_ASSERT_EQUAL(le64_to_cpup(&l64), 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(be64_to_cpup(&b64), 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(be32_to_cpup(&b32), 0x01020304);
	CU_ASSERT_EQUAL(be16_to_cpup(&b16), 0x0102);
	CU_ASSERT_EQUAL(le32_to_cpup(&l32), 0x05060708);
	CU_ASSERT_EQUAL(le16_to_cpup(&l16), 0x0708);
	CU_ASSERT_EQUAL(cpu_to_be64p(&c64), b64);
	CU_ASSERT_EQUAL(cpu_to_be32p(&c32), b32);
	CU_ASSERT_EQUAL(cpu_to_be16p(&c16), b16);
	CU_ASSERT_EQUAL(cpu_to_le64p(&c64), c64);
	CU_ASSERT_EQUAL(cpu_to_le32p(&c32), c32);
	CU_ASSERT_EQUAL(cpu_to_le16p(&c16), c16);
	/* In place. */
	cpu_to_be64s(&c64);
	cpu_to_be32s(&c32);
	cpu_to_be16s(&c16);
	CU_ASSERT_EQUAL(memcmp(&c64, be, 8), 0);
	CU_ASSERT_EQUAL(memcmp(&c32, be, 4), 0);
	CU_ASSERT_EQUAL(memcmp(&c16, be, 2), 0);
	be64_to_cpus(&c64);
	be32_to_cpus(&c32);
	be16_to_cpus(&c16);
	CU_ASSERT_EQUAL(c64, 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(c32, 0x01020304);
	CU_ASSERT_EQUAL(c16, 0x0102);
	cpu_to_le32s(&c32);
	le32_to_cpus(&c32);
	cpu_to_le16s(&c16);
	le64_to_cpus(&c64);
	CU_ASSERT_EQUAL(c32, 0x01020304);
	CU_ASSERT_EQUAL(c64, 0x0102030405060708ULL);
	CU_ASSERT_EQUAL(___htonl(0x01020304), b32);
	CU_ASSERT_EQUAL(___ntohs(b16), 0x0102);
}

static void test_add_cpu_and_arrays(void)
{
	__le16 l16 = cpu_to_le16(0xffff);
	__le32 l32 = cpu_to_le32(10);
	__le64 l64 = cpu_to_le64(1);
	__be16 b16 = cpu_to_be16(0x00ff);
	__be32 b32 = cpu_to_be32(0x000000ff);
	__be64 b64 = cpu_to_be64(0xffffffffULL);
	u32 buf[3] = { 1, 0x01020304, 3 }, back[3];
	__be32 bebuf[3];

	le16_add_cpu(&l16, 2);			/* wraps in 16 bits */
	CU_ASSERT_EQUAL(le16_to_cpu(l16), 1);
	le32_add_cpu(&l32, (u32)-11);
	CU_ASSERT_EQUAL(le32_to_cpu(l32), 0xffffffff);
	le64_add_cpu(&l64, 1ULL << 40);
	CU_ASSERT_EQUAL(le64_to_cpu(l64), (1ULL << 40) + 1);
	be16_add_cpu(&b16, 1);
	CU_ASSERT_EQUAL(be16_to_cpu(b16), 0x100);
	be32_add_cpu(&b32, 1);
	CU_ASSERT_EQUAL(be32_to_cpu(b32), 0x100);
	be64_add_cpu(&b64, 1);
	CU_ASSERT_EQUAL(be64_to_cpu(b64), 1ULL << 32);

	cpu_to_be32_array(bebuf, buf, 3);
	CU_ASSERT_EQUAL(memcmp(&bebuf[1], "\x01\x02\x03\x04", 4), 0);
	be32_to_cpu_array(back, bebuf, 3);
	CU_ASSERT_EQUAL(memcmp(back, buf, sizeof(buf)), 0);
	/* In place (dst == src) works too. */
	cpu_to_be32_array((__be32 *)buf, buf, 3);
	CU_ASSERT_EQUAL(memcmp(buf, bebuf, sizeof(buf)), 0);
	cpu_to_le32_array(back, 3);
	le32_to_cpu_array(back, 3);
	CU_ASSERT_EQUAL(back[1], 0x01020304);
}

static void test_unaligned_every_offset(void)
{
	u8 buf[32];
	unsigned int off;

	for (off = 0; off < 16; off++) {
		u64 v64;
		u32 v32;
		u16 v16;

		memset(buf, 0, sizeof(buf));
		put_unaligned_le64(0x0102030405060708ULL, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0x08);
		CU_ASSERT_EQUAL(buf[off + 7], 0x01);
		CU_ASSERT_EQUAL(get_unaligned_le64(buf + off),
				0x0102030405060708ULL);
		CU_ASSERT_EQUAL(get_unaligned_be64(buf + off),
				0x0807060504030201ULL);
		put_unaligned_be32(0xa1b2c3d4, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0xa1);
		CU_ASSERT_EQUAL(get_unaligned_be32(buf + off), 0xa1b2c3d4);
		CU_ASSERT_EQUAL(get_unaligned_le32(buf + off), 0xd4c3b2a1);
		put_unaligned_le32(0xa1b2c3d4, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0xd4);
		put_unaligned_be16(0xbeef, buf + off);
		CU_ASSERT_EQUAL(get_unaligned_be16(buf + off), 0xbeef);
		CU_ASSERT_EQUAL(get_unaligned_le16(buf + off), 0xefbe);
		put_unaligned_le16(0xbeef, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0xef);
		put_unaligned_be64(0x1122334455667788ULL, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0x11);
		/* The generic forms, native (little) endian. */
		put_unaligned(0x0102030405060708ULL, (u64 *)(buf + off));
		v64 = get_unaligned((u64 *)(buf + off));
		CU_ASSERT_EQUAL(v64, 0x0102030405060708ULL);
		CU_ASSERT_EQUAL(buf[off], 0x08);
		put_unaligned((u32)0xcafe, (u32 *)(buf + off + 1));
		v32 = get_unaligned((u32 *)(buf + off + 1));
		CU_ASSERT_EQUAL(v32, 0xcafe);
		put_unaligned((u16)0x1234, (u16 *)(buf + off + 3));
		v16 = get_unaligned((u16 *)(buf + off + 3));
		CU_ASSERT_EQUAL(v16, 0x1234);
		CU_ASSERT_EQUAL(__get_unaligned_cpu32(buf + off + 1),
				get_unaligned((u32 *)(buf + off + 1)));
		/* 24 and 48 bits. */
		memset(buf, 0xee, sizeof(buf));
		put_unaligned_be24(0x12345678, buf + off);	/* top byte dropped */
		CU_ASSERT_EQUAL(buf[off], 0x34);
		CU_ASSERT_EQUAL(buf[off + 3], 0xee);
		CU_ASSERT_EQUAL(get_unaligned_be24(buf + off), 0x345678);
		put_unaligned_le24(0xabcdef, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0xef);
		CU_ASSERT_EQUAL(get_unaligned_le24(buf + off), 0xabcdef);
		CU_ASSERT_EQUAL(get_unaligned_be24(buf + off), 0xefcdab);
		put_unaligned_be48(0xffff112233445566ULL, buf + off);
		CU_ASSERT_EQUAL(buf[off], 0x11);
		CU_ASSERT_EQUAL(buf[off + 6], 0xee);
		CU_ASSERT_EQUAL(get_unaligned_be48(buf + off),
				0x112233445566ULL);
	}
}

static void test_bitfield_kernel_code(void)
{
	unsigned int reg, a, b, c, raw;

	reg = bk_field_prep(0xa, 0x5c, 1);
	CU_ASSERT_EQUAL(reg, 0x80005c0a);
	bk_field_get(reg | 0x00ff00f0, &a, &b, &c);	/* bits outside */
	CU_ASSERT_EQUAL(a, 0xa);
	CU_ASSERT_EQUAL(b, 0x5c);
	CU_ASSERT_EQUAL(c, 1);
	/* Values wider than the field are cut to it. */
	CU_ASSERT_EQUAL(bk_field_prep(0x1f, 0x1ff, 3), 0x8000ff0f);
	CU_ASSERT_TRUE(bk_field_fit_b(0xff));
	CU_ASSERT_FALSE(bk_field_fit_b(0x100));
	CU_ASSERT_EQUAL(bk_field_max_b(), 0xff);
	CU_ASSERT_EQUAL(bk_u64_encode(0x1ab), 0xabULL << 40);
	CU_ASSERT_EQUAL(bk_le32_roundtrip(0xabc, &raw) & 0xfff, 0xabc);
	CU_ASSERT_EQUAL(raw, 0xabc000);
	CU_ASSERT_EQUAL(bk_le32_roundtrip(0xabc, &raw) >> 24, 0xab);
}

static void test_bitfield_host(void)
{
	const u16 r16 = 0xbeef;

	CU_ASSERT_EQUAL(FIELD_PREP(GENMASK(7, 4), 0x5), 0x50);
	CU_ASSERT_EQUAL(FIELD_GET(GENMASK(15, 12), r16), 0xb);
	CU_ASSERT_EQUAL(FIELD_MAX(GENMASK_ULL(63, 60)), 0xf);
	CU_ASSERT_TRUE(FIELD_FIT(GENMASK(3, 0), 15));
	CU_ASSERT_FALSE(FIELD_FIT(GENMASK(3, 0), 16));
	CU_ASSERT_EQUAL(u8_encode_bits(3, 0x30), 0x30);
	CU_ASSERT_EQUAL(u16_get_bits(0xbeef, 0x0ff0), 0xee);
	CU_ASSERT_EQUAL(u32_replace_bits(0xffffffff, 0, 0xff00), 0xffff00ff);
	CU_ASSERT_EQUAL(be16_get_bits(cpu_to_be16(0x1234), 0xf000), 1);
	CU_ASSERT_EQUAL(be16_encode_bits(0x3, 0x0f00), cpu_to_be16(0x0300));
	CU_ASSERT_EQUAL(le64_get_bits(cpu_to_le64(1ULL << 62), 1ULL << 62), 1);
	CU_ASSERT_EQUAL(field_max(0x0ff0u), 0xff);
	{
		volatile u32 m = 0x0ff0;

		CU_ASSERT_EQUAL(field_prep(m, 0xab), 0xab0);
		CU_ASSERT_EQUAL(field_get(m, 0x1234u), 0x23);
	}
}

static CU_TestInfo tests[] = {
	{ "swab", test_swab },
	{ "cpu_to_le_be", test_cpu_to_le_be },
	{ "add_cpu_and_arrays", test_add_cpu_and_arrays },
	{ "unaligned_every_offset", test_unaligned_every_offset },
	{ "bitfield_kernel_code", test_bitfield_kernel_code },
	{ "bitfield_host", test_bitfield_host },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "byteorder", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
