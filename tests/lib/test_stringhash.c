/*
 * test_stringhash - linux/stringhash.h (compat/fs/namei.c, fs/namei.c of
 * 6.1): full_name_hash() and hashlen_string() give the values of a 64-bit
 * CONFIG_DCACHE_WORD_ACCESS kernel (checked against a reference written
 * here the way x86-64 computes them: whole zero-padded words loaded from
 * memory), agree with each other, count the length, depend on the salt,
 * and read no byte past the name (an exact-size buffer under the slab's
 * red zones, ASan and valgrind); the incremental hash is the kernel's.
 */
#include <stdint.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/slab.h>
#include <linux/stringhash.h>

/* ---- the reference: x86-64's word-at-a-time hash ---- */

static uint64_t rol(uint64_t w, unsigned int s)
{
	return (w << s) | (w >> (64 - s));
}

static unsigned int ref_hash(const void *salt, const char *name, size_t len)
{
	uint64_t x = 0, y = (uintptr_t)salt, a;
	unsigned char pad[8];
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&a, name + i, 8);	/* little-endian host */
		x ^= a;
		y ^= x;
		x = rol(x, 12);
		x += y;
		y = rol(y, 45);
		y *= 9;
	}
	if (len % 8) {
		memset(pad, 0, sizeof(pad));
		memcpy(pad, name + i, len % 8);
		memcpy(&a, pad, 8);
		x ^= a;
	}
	y ^= x * 0x61C8864680B583EBull;
	y *= 0x61C8864680B583EBull;
	return (unsigned int)(y >> 32);
}

static void fill(char *buf, size_t len, uint32_t seed)
{
	size_t i;

	for (i = 0; i < len; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 17;
		seed ^= seed << 5;
		buf[i] = (char)(seed % 255 + 1);	/* never NUL */
	}
}

static void test_matches_reference(void)
{
	char buf[41];
	size_t i, j, bad = 0;

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
	CU_PASS("reference assumes a little-endian host");
	return;
#endif
	fill(buf, 40, 7);
	for (j = 40; j > 0; j--) {
		buf[j] = '\0';
		for (i = 0; i <= j; i++) {
			const void *salt = buf + i;
			unsigned int h = full_name_hash(salt, buf + i, j - i);
			u64 hl = hashlen_string(salt, buf + i);

			if (h != ref_hash(salt, buf + i, j - i) ||
			    hashlen_hash(hl) != h || hashlen_len(hl) != j - i)
				bad++;
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Lengths around the word size; the empty name under a NULL salt. */
static void test_word_boundaries(void)
{
	static const char *const names[] = {
		"", "a", "1234567", "12345678", "123456789",
		"0123456789abcdef", "0123456789abcdefX",
	};
	unsigned int k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		size_t len = strlen(names[k]);
		u64 hl = hashlen_string(NULL, names[k]);

		CU_ASSERT_EQUAL(hashlen_len(hl), len);
		CU_ASSERT_EQUAL(hashlen_hash(hl),
				full_name_hash(NULL, names[k], len));
		CU_ASSERT_EQUAL(full_name_hash(NULL, names[k], len),
				ref_hash(NULL, names[k], len));
	}
	/* Nothing mixed, nothing folded in: fold(0, salt 0) is 0. */
	CU_ASSERT_EQUAL(full_name_hash(NULL, "", 0), 0);
	CU_ASSERT_EQUAL(hashlen_string(NULL, ""), 0);
}

static void test_salt_matters(void)
{
	static const int parent_a, parent_b;
	unsigned int ha = full_name_hash(&parent_a, "eth0", 4);
	unsigned int hb = full_name_hash(&parent_b, "eth0", 4);

	CU_ASSERT_NOT_EQUAL(ha, hb);
	CU_ASSERT_EQUAL(ha, full_name_hash(&parent_a, "eth0", 4));
	CU_ASSERT_EQUAL(hashlen_hash(hashlen_string(&parent_b, "eth0")), hb);
	/* Only @len bytes count. */
	CU_ASSERT_EQUAL(full_name_hash(&parent_a, "eth0:1", 4), ha);
	CU_ASSERT_NOT_EQUAL(full_name_hash(&parent_a, "eth0:1", 6), ha);
}

/* An exact-size slab object: a read past it is the checkers' report. */
static void test_reads_only_the_name(void)
{
	size_t len;

	for (len = 1; len <= 24; len++) {
		char *name = kmalloc(len, GFP_KERNEL);
		char *str = kmalloc(len + 1, GFP_KERNEL);

		CU_ASSERT_PTR_NOT_NULL_FATAL(name);
		CU_ASSERT_PTR_NOT_NULL_FATAL(str);
		fill(name, len, (uint32_t)len);
		memcpy(str, name, len);
		str[len] = '\0';
		CU_ASSERT_EQUAL(full_name_hash(name, name, len),
				hashlen_hash(hashlen_string(name, str)));
		CU_ASSERT_EQUAL(hashlen_len(hashlen_string(name, str)), len);
		kfree(str);
		kfree(name);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_incremental(void)
{
	unsigned long h = init_name_hash(0x1000);
	const char *s = "ab";

	CU_ASSERT_EQUAL(h, 0x1000);
	h = partial_name_hash((unsigned char)s[0], h);
	CU_ASSERT_EQUAL(h, (0x1000ul + (97 << 4) + (97 >> 4)) * 11);
	h = partial_name_hash((unsigned char)s[1], h);
	CU_ASSERT_EQUAL(end_name_hash(h), hash_long(h, 32));
	CU_ASSERT_EQUAL(end_name_hash(h), (u32)((h * 0x61C8864680B583EBull) >> 32));
	CU_ASSERT_EQUAL(hashlen_create(0x12345678u, 9), 0x912345678ull);
	CU_ASSERT_EQUAL(hashlen_hash(0x912345678ull), 0x12345678u);
	CU_ASSERT_EQUAL(hashlen_len(0x912345678ull), 9);
}

static CU_TestInfo tests[] = {
	{ "matches_reference", test_matches_reference },
	{ "word_boundaries", test_word_boundaries },
	{ "salt_matters", test_salt_matters },
	{ "reads_only_the_name", test_reads_only_the_name },
	{ "incremental", test_incremental },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "stringhash", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
