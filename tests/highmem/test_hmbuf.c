/*
 * test_hmbuf - the hmbuf driver (drivers-under-test/hmbuf): a buffer in
 * highmem pages used through kmap_local_page(), memcpy_from_page() and
 * kmap_atomic() (also from a hard interrupt), loaded and unloaded with
 * every page and mapping given back; with fast_peek=1 its stale
 * kmap_local pointer oopses at the driver's line.
 */
#include <errno.h>
#include <string.h>

#include <kshim/context.h>
#include <kshim/test.h>

#include "../drivers-under-test/hmbuf/hmbuf.h"
#include "common/expect_bug.h"

#define HMBUF_FILE "drivers-under-test/hmbuf/hmbuf.c"

static void test_write_read_across_pages(void)
{
	static char in[3 * 4096], out[sizeof(in)];
	unsigned int i;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hmbuf", NULL), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("hmbuf: 4 pages, 4 in highmem\n"));
	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)(i * 7);
	CU_ASSERT_EQUAL(hmbuf_write(100, in, sizeof(in)), 0);
	CU_ASSERT_EQUAL(hmbuf_read(100, out, sizeof(out)), 0);
	CU_ASSERT_EQUAL(memcmp(in, out, sizeof(in)), 0);
	CU_ASSERT_EQUAL(hmbuf_peek(100 + 4096), (unsigned char)in[4096]);
	CU_ASSERT_EQUAL(hmbuf_write(hmbuf_size() - 1, in, 2), -EINVAL);
	CU_ASSERT_EQUAL(hmbuf_read(hmbuf_size(), out, 1), -EINVAL);
	CU_ASSERT_EQUAL(kshim_module_unload("hmbuf"), 0);
}

static u32 irq_sum;

static void checksum_irq(void *arg)
{
	irq_sum = hmbuf_checksum();
}

static void test_checksum_in_hardirq(void)
{
	const char data[] = { 1, 2, 3, 4 };

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hmbuf", "nr_pages=2"), 0);
	CU_ASSERT_EQUAL(hmbuf_write(4094, data, sizeof(data)), 0);
	CU_ASSERT_EQUAL(hmbuf_checksum(), 10);
	kshim_run_in_hardirq(checksum_irq, NULL);
	CU_ASSERT_EQUAL(irq_sum, 10);
	CU_ASSERT_EQUAL(kshim_module_unload("hmbuf"), 0);
}

static void test_bad_nr_pages(void)
{
	CU_ASSERT_EQUAL(kshim_module_load("hmbuf", "nr_pages=65"), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("hmbuf: nr_pages=65 is not from 1 to 64\n"));
}

static void test_peek_without_fast_path_silent(void)
{
	const char x = 42;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hmbuf", "fast_peek=0"), 0);
	CU_ASSERT_EQUAL(hmbuf_write(5, &x, 1), 0);
	CU_ASSERT_EQUAL(hmbuf_peek(5), 42);
	CU_ASSERT_EQUAL(hmbuf_peek(5), 42);
	CU_ASSERT_EQUAL(kshim_module_unload("hmbuf"), 0);
}

/* The fast path reads through a window it already unmapped. */
static void test_fast_peek_oopses(void)
{
	char want[512];
	int map = marker_line_in(HMBUF_FILE, "peek_map");
	int unmap = marker_line_in(HMBUF_FILE, "peek_unmap");

	CU_ASSERT_FATAL(map > 0 && unmap > 0);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("hmbuf", "fast_peek=1"), 0);
	snprintf(want, sizeof(want),
		 " at %s:%d (hmbuf_peek)\n"
		 "kshim: and unmapped it at %s:%d (hmbuf_peek)\n",
		 HMBUF_FILE, map, HMBUF_FILE, unmap);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	hmbuf_peek(5);
	CU_FAIL("the stale peek did not fault");
}

static CU_TestInfo hmbuf_tests[] = {
	{ "write and read across pages", test_write_read_across_pages },
	{ "checksum in hardirq", test_checksum_in_hardirq },
	{ "nr_pages out of range", test_bad_nr_pages },
	{ "peek without the fast path is silent",
	  test_peek_without_fast_path_silent },
	{ "fast_peek=1 oopses at the driver's line", test_fast_peek_oopses },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "hmbuf", NULL, NULL, NULL, NULL, hmbuf_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
