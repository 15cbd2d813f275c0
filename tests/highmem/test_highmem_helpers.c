/*
 * test_highmem_helpers - the page helpers of include/linux/highmem.h and
 * mm/highmem.c of 6.8 (CONFIG_HIGHMEM, CONFIG_DEBUG_VM): checklist items
 * 76-78 of the kernel API reference (section 10), on lowmem and highmem
 * pages; each bounds check is a kernel BUG at the caller's line.
 */
#include <string.h>

#include <kshim/test.h>
#include <linux/highmem.h>

#include "highmem/highmem_test.h"

#define THIS_FILE	"tests/highmem/test_highmem_helpers.c"

static struct page *page_of_kind(int high)
{
	return high ? high_page() : low_page();
}

/* Fill @page with @c through a window of its own. */
static void fill(struct page *page, int c)
{
	char *p = kmap_local_page(page);

	memset(p, c, PAGE_SIZE);
	kunmap_local(p);
}

/* Bytes [@from, @to) of @page are @c. */
static bool all_are(struct page *page, unsigned int from, unsigned int to,
		    int c)
{
	unsigned char *p = kmap_local_page(page);
	bool ok = true;
	unsigned int i;

	for (i = from; i < to; i++)
		ok &= p[i] == (unsigned char)c;
	kunmap_local(p);
	return ok;
}

/* ---- 76 ---- */

static void check_clear_highpage(int high)
{
	struct page *page = page_of_kind(high);

	fill(page, 0x5a);
	clear_highpage(page);
	CU_ASSERT_TRUE(all_are(page, 0, PAGE_SIZE, 0));
	fill(page, 0x5a);
	clear_user_highpage(page, 0x1000);
	CU_ASSERT_TRUE(all_are(page, 0, PAGE_SIZE, 0));
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(page);
}

static void test_clear_highpage_low(void) { check_clear_highpage(0); }
static void test_clear_highpage_high(void) { check_clear_highpage(1); }

static void check_copy_highpage(int high_to, int high_from)
{
	struct page *to = page_of_kind(high_to);
	struct page *from = page_of_kind(high_from);

	fill(from, 0x33);
	fill(to, 0);
	copy_highpage(to, from);
	CU_ASSERT_TRUE(all_are(to, 0, PAGE_SIZE, 0x33));
	fill(from, 0x44);
	copy_user_highpage(to, from, 0x2000, NULL);
	CU_ASSERT_TRUE(all_are(to, 0, PAGE_SIZE, 0x44));
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(to);
	__free_page(from);
}

static void test_copy_highpage_kinds(void)
{
	check_copy_highpage(0, 0);
	check_copy_highpage(1, 0);
	check_copy_highpage(0, 1);
	check_copy_highpage(1, 1);
}

/* ---- 77 ---- */

static void check_zero_user(int high)
{
	struct page *page = page_of_kind(high);

	fill(page, 0xff);
	zero_user_segments(page, 10, 20, 100, 110);
	CU_ASSERT_TRUE(all_are(page, 0, 10, 0xff));
	CU_ASSERT_TRUE(all_are(page, 10, 20, 0));
	CU_ASSERT_TRUE(all_are(page, 20, 100, 0xff));
	CU_ASSERT_TRUE(all_are(page, 100, 110, 0));
	CU_ASSERT_TRUE(all_are(page, 110, PAGE_SIZE, 0xff));
	/* end <= start: that range is left alone. */
	fill(page, 0xff);
	zero_user_segments(page, 30, 20, 0, 0);
	CU_ASSERT_TRUE(all_are(page, 0, PAGE_SIZE, 0xff));
	zero_user_segment(page, 4000, PAGE_SIZE);
	CU_ASSERT_TRUE(all_are(page, 0, 4000, 0xff));
	CU_ASSERT_TRUE(all_are(page, 4000, PAGE_SIZE, 0));
	fill(page, 0xff);
	zero_user(page, 1, 2);
	CU_ASSERT_TRUE(all_are(page, 0, 1, 0xff));
	CU_ASSERT_TRUE(all_are(page, 1, 3, 0));
	CU_ASSERT_TRUE(all_are(page, 3, PAGE_SIZE, 0xff));
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(page);
}

static void test_zero_user_low(void) { check_zero_user(0); }
static void test_zero_user_high(void) { check_zero_user(1); }

/* A compound highmem page: the limit is page_size(), page by page. */
static void test_zero_user_compound(void)
{
	struct page *head = alloc_pages(GFP_HIGHUSER | __GFP_COMP, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	fill(head, 0xee);
	fill(head + 1, 0xee);
	zero_user_segment(head, PAGE_SIZE - 8, PAGE_SIZE + 8);
	CU_ASSERT_TRUE(all_are(head, 0, PAGE_SIZE - 8, 0xee));
	CU_ASSERT_TRUE(all_are(head, PAGE_SIZE - 8, PAGE_SIZE, 0));
	CU_ASSERT_TRUE(all_are(head + 1, 0, 8, 0));
	CU_ASSERT_TRUE(all_are(head + 1, 8, PAGE_SIZE, 0xee));
	__free_pages(head, 1);
}

static void test_zero_user_segments_beyond_bugs(void)
{
	struct page *page = high_page();

	expect_vm_bug("zero_beyond");
	zero_user_segments(page, 0, 10, 4000, PAGE_SIZE + 1); /* LINE:zero_beyond */
	CU_FAIL("zero_user_segments() beyond the page returned");
}

static void test_zero_user_beyond_bugs(void)
{
	struct page *page = low_page();

	expect_vm_bug("zero_user_beyond");
	zero_user(page, 4090, 7);		/* LINE:zero_user_beyond */
	CU_FAIL("zero_user() beyond the page returned");
}

/* ---- 78 ---- */

static void check_memcpy_helpers(int high)
{
	struct page *a = page_of_kind(high), *b = page_of_kind(!high);
	char buf[16];

	fill(a, 0);
	fill(b, 0);
	memcpy_to_page(a, 100, "kshim", 6);
	memcpy_from_page(buf, a, 100, 6);
	CU_ASSERT_STRING_EQUAL(buf, "kshim");
	memcpy_page(b, PAGE_SIZE - 6, a, 100, 6);
	memcpy_from_page(buf, b, PAGE_SIZE - 6, 6);
	CU_ASSERT_STRING_EQUAL(buf, "kshim");
	memset_page(a, 0, 'x', 4);
	memcpy_from_page(buf, a, 0, 4);
	CU_ASSERT_EQUAL(memcmp(buf, "xxxx", 4), 0);
	memzero_page(a, 1, 2);
	memcpy_from_page(buf, a, 0, 4);
	CU_ASSERT_EQUAL(memcmp(buf, "x\0\0x", 4), 0);
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(a);
	__free_page(b);
}

static void test_memcpy_helpers_low(void) { check_memcpy_helpers(0); }
static void test_memcpy_helpers_high(void) { check_memcpy_helpers(1); }

static char src[PAGE_SIZE];

static void test_memcpy_to_page_beyond_bugs(void)
{
	struct page *page = high_page();

	expect_vm_bug("to_beyond");
	memcpy_to_page(page, 1, src, PAGE_SIZE);	/* LINE:to_beyond */
	CU_FAIL("memcpy_to_page() beyond the page returned");
}

static void test_memcpy_from_page_beyond_bugs(void)
{
	struct page *page = low_page();

	expect_vm_bug("from_beyond");
	memcpy_from_page(src, page, PAGE_SIZE, 1);	/* LINE:from_beyond */
	CU_FAIL("memcpy_from_page() beyond the page returned");
}

static void test_memcpy_page_beyond_bugs(void)
{
	struct page *a = high_page(), *b = high_page();

	expect_vm_bug("page_beyond");
	memcpy_page(a, 0, b, 2048, 2049);		/* LINE:page_beyond */
	CU_FAIL("memcpy_page() beyond the page returned");
}

static void test_memset_page_beyond_bugs(void)
{
	struct page *page = high_page();

	expect_vm_bug("memset_beyond");
	memset_page(page, 4095, 0, 2);			/* LINE:memset_beyond */
	CU_FAIL("memset_page() beyond the page returned");
}

static void test_memzero_page_beyond_bugs(void)
{
	struct page *page = high_page();

	expect_vm_bug("memzero_beyond");
	memzero_page(page, PAGE_SIZE, 1);		/* LINE:memzero_beyond */
	CU_FAIL("memzero_page() beyond the page returned");
}

static CU_TestInfo helper_tests[] = {
	{ "76 clear_highpage (lowmem)", test_clear_highpage_low },
	{ "76 clear_highpage (highmem)", test_clear_highpage_high },
	{ "76 copy_highpage, copy_user_highpage", test_copy_highpage_kinds },
	{ "77 zero_user* (lowmem)", test_zero_user_low },
	{ "77 zero_user* (highmem)", test_zero_user_high },
	{ "77 zero_user_segment across a compound page",
	  test_zero_user_compound },
	{ "77 zero_user_segments beyond the page BUGs",
	  test_zero_user_segments_beyond_bugs },
	{ "77 zero_user beyond the page BUGs", test_zero_user_beyond_bugs },
	{ "78 memcpy/memset helpers (lowmem first)", test_memcpy_helpers_low },
	{ "78 memcpy/memset helpers (highmem first)", test_memcpy_helpers_high },
	{ "78 memcpy_to_page beyond BUGs", test_memcpy_to_page_beyond_bugs },
	{ "78 memcpy_from_page beyond BUGs",
	  test_memcpy_from_page_beyond_bugs },
	{ "78 memcpy_page beyond BUGs", test_memcpy_page_beyond_bugs },
	{ "78 memset_page beyond BUGs", test_memset_page_beyond_bugs },
	{ "78 memzero_page beyond BUGs", test_memzero_page_beyond_bugs },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "highmem helpers", NULL, NULL, NULL, NULL, helper_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
