// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for hmbuf, built into the driver when CONFIG_HMBUF_KUNIT_TEST
 * is set (hmbuf.c includes this file, so the tests reach its statics, as
 * several kernel drivers do with theirs).  Each case gets a freshly
 * initialised two-page buffer.  KUnit runs a case's exit even when its
 * init failed: the buffer is torn down only if it was set up.
 */
#include <kunit/test.h>

static bool hmbuf_test_ready;

static int hmbuf_test_init(struct kunit *test)
{
	int ret;

	nr_pages = 2;
	fast_peek = false;
	ret = hmbuf_init();
	hmbuf_test_ready = !ret;
	return ret;
}

static void hmbuf_test_exit(struct kunit *test)
{
	if (hmbuf_test_ready)
		hmbuf_exit();
	hmbuf_test_ready = false;
}

/* A copy that straddles the two pages comes back intact. */
static void hmbuf_test_across_pages(struct kunit *test)
{
	u8 *in = kunit_kmalloc(test, 100, GFP_KERNEL);
	u8 *out = kunit_kzalloc(test, 100, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, in);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	for (i = 0; i < 100; i++)
		in[i] = i + 1;
	KUNIT_ASSERT_EQ(test, hmbuf_write(PAGE_SIZE - 50, in, 100), 0);
	KUNIT_ASSERT_EQ(test, hmbuf_read(PAGE_SIZE - 50, out, 100), 0);
	KUNIT_EXPECT_MEMEQ(test, in, out, 100);
}

static void hmbuf_test_bounds(struct kunit *test)
{
	u8 byte = 0;

	KUNIT_EXPECT_EQ(test, hmbuf_size(), 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, hmbuf_write(2 * PAGE_SIZE - 1, &byte, 2),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, hmbuf_read(2 * PAGE_SIZE, &byte, 0), 0);
	KUNIT_EXPECT_EQ(test, hmbuf_peek(2 * PAGE_SIZE), -EINVAL);
}

static void hmbuf_test_checksum(struct kunit *test)
{
	static const u8 data[] = { 1, 2, 3, 250 };

	KUNIT_EXPECT_EQ(test, hmbuf_checksum(), 0);
	KUNIT_ASSERT_EQ(test, hmbuf_write(PAGE_SIZE + 7, data, sizeof(data)),
			0);
	KUNIT_EXPECT_EQ(test, hmbuf_checksum(), 256);
}

/* The buffer lives in highmem: only kmap reaches it. */
static void hmbuf_test_in_highmem(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, PageHighMem(pages[0]));
	KUNIT_EXPECT_NULL(test, page_address(pages[0]));
}

static const size_t hmbuf_test_offsets[] = { 0, 1, PAGE_SIZE - 1, PAGE_SIZE };

static void hmbuf_test_offset_desc(const size_t *off, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "offset %zu", *off);
}

KUNIT_ARRAY_PARAM(hmbuf_test_offsets, hmbuf_test_offsets,
		  hmbuf_test_offset_desc);

static void hmbuf_test_peek(struct kunit *test)
{
	const size_t *off = test->param_value;
	u8 byte = 0x5a;

	KUNIT_ASSERT_EQ(test, hmbuf_write(*off, &byte, 1), 0);
	KUNIT_EXPECT_EQ(test, hmbuf_peek(*off), 0x5a);
}

static struct kunit_case hmbuf_test_cases[] = {
	KUNIT_CASE(hmbuf_test_across_pages),
	KUNIT_CASE(hmbuf_test_bounds),
	KUNIT_CASE(hmbuf_test_checksum),
	KUNIT_CASE(hmbuf_test_in_highmem),
	KUNIT_CASE_PARAM(hmbuf_test_peek, hmbuf_test_offsets_gen_params),
	{}
};

static struct kunit_suite hmbuf_test_suite = {
	.name = "hmbuf",
	.init = hmbuf_test_init,
	.exit = hmbuf_test_exit,
	.test_cases = hmbuf_test_cases,
};
kunit_test_suite(hmbuf_test_suite);
