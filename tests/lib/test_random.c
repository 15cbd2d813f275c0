/*
 * test_random - linux/random.h, prandom.h and uuid.h.
 *
 * get_random_*() repeat per KSHIM_RANDOM_SEED and start again at every
 * test whatever ran before (suite init draws first; tests compare with
 * what it drew), another seed gives other numbers, a bad seed stops the
 * program naming the setting; get_random_u32_below() stays below and
 * covers its range; prandom_u32_state() gives L'Ecuyer's LFSR113
 * sequence (checked against a reference written here from the paper's
 * recurrences), prandom_seed_state()/prandom_bytes_state() the kernel's
 * layout; uuid_gen()/guid_gen() set version 4 and the RFC 4122 variant;
 * uuid_parse()/guid_parse() byte orders and -EINVAL.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/random.h>
#include <linux/prandom.h>
#include <linux/uuid.h>

#include "common/spawn.h"

static u64 boot_first[4];

static int suite_init(void)
{
	unsigned int i;

	/* Drawn outside any test: the tests must not depend on it. */
	for (i = 0; i < 4; i++)
		boot_first[i] = get_random_u64();
	return 0;
}

static void test_starts_from_seed(void)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(get_random_u64(), boot_first[i]);
}

/* Draws a lot; the next test still starts from the seed. */
static void test_draw_many(void)
{
	unsigned char buf[1000];
	unsigned int i;

	get_random_bytes(buf, sizeof(buf));
	for (i = 0; i < 1000; i++)
		(void)get_random_u32();
	CU_ASSERT_NOT_EQUAL(get_random_u64(), boot_first[0]);
}

static void test_starts_from_seed_again(void)
{
	test_starts_from_seed();
}

static void test_other_seed(void)
{
	u64 first;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=0x1234", NULL), 0);
	first = get_random_u64();
	CU_ASSERT_NOT_EQUAL(first, boot_first[0]);
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=4660", NULL), 0);
	CU_ASSERT_EQUAL(get_random_u64(), first);	/* same seed */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_RANDOM_SEED=-1", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_RANDOM_SEED=12x", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_RANDOM_SEED=", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_RANDOM_SEED=18446744073709551616",
				   NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_RANDOM_SEED=18446744073709551615",
				   NULL), 0);
}

/* A bad value in the environment stops the program, naming the setting. */
static void test_bad_setting(void)
{
	char *argv[] = { (char *)build_path("tests/lib/test_random"),
			 (char *)"--list", NULL };
	const char *env[] = { "KSHIM_RANDOM_SEED=banana", NULL };
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
	CU_ASSERT_EQUAL(r.status, 99);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
				      "invalid KSHIM_RANDOM_SEED='banana'"));
	spawn_free(&r);
}

static void test_sizes_and_bytes(void)
{
	unsigned char a[37], b[37];
	unsigned int i, ones = 0;
	u32 v;

	/* The same seed gives the same bytes, whatever the chunking. */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=7", NULL), 0);
	get_random_bytes(a, sizeof(a));
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=7", NULL), 0);
	get_random_bytes(b, 16);
	get_random_bytes(b + 16, 21);
	CU_ASSERT_EQUAL(memcmp(a, b, 16), 0);
	CU_ASSERT_EQUAL(get_random_bytes_wait(b, 1), 0);
	CU_ASSERT_EQUAL(get_random_u32_wait(&v), 0);
	CU_ASSERT_TRUE(rng_is_initialized());
	add_device_randomness("x", 1);	/* changes nothing */
	for (i = 0; i < 1000; i++)
		ones += __builtin_popcount(get_random_u32());
	/* Roughly half the bits set: 16000 +- a lot. */
	CU_ASSERT_TRUE(ones > 15000 && ones < 17000);
	CU_ASSERT_EQUAL(get_random_canary() & 0xff, 0);
}

static void test_below(void)
{
	unsigned int seen[10] = { 0 }, i;

	for (i = 0; i < 10000; i++) {
		u32 v = get_random_u32_below(10);

		CU_ASSERT_FATAL(v < 10);
		seen[v]++;
	}
	for (i = 0; i < 10; i++)
		CU_ASSERT_TRUE(seen[i] > 800 && seen[i] < 1200);
	CU_ASSERT_EQUAL(get_random_u32_below(1), 0);
	CU_ASSERT_TRUE(prandom_u32_max(3) < 3);
	for (i = 0; i < 1000; i++) {
		u32 v = get_random_u32_inclusive(5, 7);

		CU_ASSERT_FATAL(v >= 5 && v <= 7);
		CU_ASSERT_FATAL(get_random_u32_above(0xfffffffd) >= 0xfffffffe);
		CU_ASSERT_FATAL(get_random_u32_below(0x80000001) <= 0x80000000);
	}
}

/*
 * L'Ecuyer 1999, "Tables of maximally equidistributed combined LFSR
 * generators", the lfsr113 recurrences, written out bit by bit here.
 */
static u32 ref_component(u32 *z, int k, int q, int s)
{
	/* k: degree, q, s: parameters; the component keeps its top k bits. */
	u32 mask = ~0U << (32 - k), b = ((*z << q) ^ *z) >> (k - s);

	*z = ((*z & mask) << s) ^ b;
	return *z;
}

static u32 ref_lfsr113(u32 z[4])
{
	return ref_component(&z[0], 31, 6, 18) ^ ref_component(&z[1], 29, 2, 2) ^
	       ref_component(&z[2], 28, 13, 7) ^ ref_component(&z[3], 25, 3, 13);
}

static void test_prandom_sequence(void)
{
	struct rnd_state st;
	u32 z[4];
	unsigned char bytes[7];
	unsigned int i;

	prandom_seed_state(&st, 0x0123456789abcdefULL);
	/* i = (seed >> 32) ^ (seed << 10) ^ seed, truncated to 32 bits */
	CU_ASSERT_EQUAL(st.s1, 0x27bf3488U);
	CU_ASSERT_EQUAL(st.s1, st.s4);
	z[0] = st.s1; z[1] = st.s2; z[2] = st.s3; z[3] = st.s4;
	for (i = 0; i < 10000; i++)
		CU_ASSERT_EQUAL_FATAL(prandom_u32_state(&st), ref_lfsr113(z));

	/* Small seeds are lifted to each component's minimum. */
	prandom_seed_state(&st, 0);
	CU_ASSERT_EQUAL(st.s1, 2);
	CU_ASSERT_EQUAL(st.s2, 8);
	CU_ASSERT_EQUAL(st.s3, 16);
	CU_ASSERT_EQUAL(st.s4, 128);

	/* Bytes: whole words little-endian, then the low bytes of one more. */
	prandom_seed_state(&st, 42);
	z[0] = st.s1; z[1] = st.s2; z[2] = st.s3; z[3] = st.s4;
	prandom_bytes_state(&st, bytes, sizeof(bytes));
	{
		u32 w0 = ref_lfsr113(z), w1 = ref_lfsr113(z);

		CU_ASSERT_EQUAL(bytes[0], w0 & 0xff);
		CU_ASSERT_EQUAL(bytes[3], w0 >> 24);
		CU_ASSERT_EQUAL(bytes[4], w1 & 0xff);
		CU_ASSERT_EQUAL(bytes[6], (w1 >> 16) & 0xff);
	}
	CU_ASSERT_EQUAL(next_pseudo_random32(1), 1664525U + 1013904223U);
}

static void test_uuid_gen(void)
{
	unsigned int i;
	uuid_t u, u2;
	guid_t g;
	unsigned char raw[16];

	for (i = 0; i < 100; i++) {
		uuid_gen(&u);
		CU_ASSERT_EQUAL(u.b[6] >> 4, 4);
		CU_ASSERT_EQUAL(u.b[8] & 0xc0, 0x80);
		guid_gen(&g);
		CU_ASSERT_EQUAL(g.b[7] >> 4, 4);
		CU_ASSERT_EQUAL(g.b[8] & 0xc0, 0x80);
		generate_random_uuid(raw);
		CU_ASSERT_EQUAL(raw[6] >> 4, 4);
		generate_random_guid(raw);
		CU_ASSERT_EQUAL(raw[7] >> 4, 4);
	}
	CU_ASSERT_FALSE(uuid_is_null(&u));
	uuid_copy(&u2, &u);
	CU_ASSERT_TRUE(uuid_equal(&u2, &u));
	CU_ASSERT_TRUE(uuid_is_null(&uuid_null));
	CU_ASSERT_TRUE(guid_is_null(&guid_null));
	/* Deterministic: the same seed, the same UUID. */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=9", NULL), 0);
	uuid_gen(&u);
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RANDOM_SEED=9", NULL), 0);
	uuid_gen(&u2);
	CU_ASSERT_TRUE(uuid_equal(&u, &u2));
}

static void test_uuid_parse(void)
{
	const char *text = "c33f4995-3701-450e-9fbf-206a2e98e576";
	uuid_t u, want_u = UUID_INIT(0xc33f4995, 0x3701, 0x450e, 0x9f, 0xbf,
				     0x20, 0x6a, 0x2e, 0x98, 0xe5, 0x76);
	guid_t g, want_g = GUID_INIT(0xc33f4995, 0x3701, 0x450e, 0x9f, 0xbf,
				     0x20, 0x6a, 0x2e, 0x98, 0xe5, 0x76);

	CU_ASSERT_EQUAL(UUID_STRING_LEN, 36);
	CU_ASSERT_EQUAL(uuid_parse(text, &u), 0);
	CU_ASSERT_TRUE(uuid_equal(&u, &want_u));
	CU_ASSERT_EQUAL(u.b[0], 0xc3);
	CU_ASSERT_EQUAL(guid_parse(text, &g), 0);
	CU_ASSERT_TRUE(guid_equal(&g, &want_g));
	CU_ASSERT_EQUAL(g.b[0], 0x95);		/* first field little-endian */
	CU_ASSERT_EQUAL(g.b[4], 0x01);
	CU_ASSERT_EQUAL(g.b[8], 0x9f);
	CU_ASSERT_EQUAL(uuid_parse("C33F4995-3701-450E-9FBF-206A2E98E576", &u), 0);
	CU_ASSERT_TRUE(uuid_equal(&u, &want_u));
	/* Anything after the 36 characters is not looked at. */
	CU_ASSERT_TRUE(uuid_is_valid("c33f4995-3701-450e-9fbf-206a2e98e576xyz"));
	CU_ASSERT_FALSE(uuid_is_valid("c33f4995-3701-450e-9fbf-206a2e98e57"));
	CU_ASSERT_FALSE(uuid_is_valid("c33f4995_3701-450e-9fbf-206a2e98e576"));
	CU_ASSERT_FALSE(uuid_is_valid("g33f4995-3701-450e-9fbf-206a2e98e576"));
	u = want_u;
	CU_ASSERT_EQUAL(uuid_parse("c33f4995-3701-450e-9fbf206a2e98e576", &u),
			-EINVAL);
	CU_ASSERT_TRUE(uuid_equal(&u, &want_u));	/* untouched */
	CU_ASSERT_EQUAL(guid_parse("", &g), -EINVAL);
}

static CU_TestInfo tests[] = {
	{ "starts_from_seed", test_starts_from_seed },
	{ "draw_many", test_draw_many },
	{ "starts_from_seed_again", test_starts_from_seed_again },
	{ "other_seed", test_other_seed },
	{ "bad_setting", test_bad_setting },
	{ "sizes_and_bytes", test_sizes_and_bytes },
	{ "below", test_below },
	{ "prandom_sequence", test_prandom_sequence },
	{ "uuid_gen", test_uuid_gen },
	{ "uuid_parse", test_uuid_parse },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "random", suite_init, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
