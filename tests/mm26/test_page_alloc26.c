/*
 * test_page_alloc26 - the allocator, the page lock and the free-time
 * checks as a 2.6.35 driver sees them (mm/page_alloc.c, mm/filemap.c of
 * 2.6.35 with CONFIG_DEBUG_VM): kernel-api.md §10 items 25, 31, 36, 43,
 * alloc_pages_exact(), and "Bad page state" (items 40-42) in
 * 2.6.32-2.6.36's format.  Built with
 * -DKSHIM_LINUX_VERSION_CODE=0x020623.
 *
 * Negative tests name the exact line of this file (LINE:<name> markers).
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/panic.h>
#include <linux/sched.h>

#include "common/expect_bug.h"
#include "mm/internal.h"
#include "nodump.h"

#define SELF "tests/mm26/test_page_alloc26"

/*
 * 25: 2.6.35's PG_locked accessors: PageLocked(), TestSetPageLocked()
 * (old bit, 2.6.30-2.6.38) and pagemap.h's non-atomic __set_page_locked()
 * and __clear_page_locked(); the 6.8-only ones do not build (compile-fail
 * page_flags_*_2_6_35).
 */
static void test_25_page_locked_accessors(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(TestSetPageLocked(page));
	CU_ASSERT_TRUE(TestSetPageLocked(page));
	CU_ASSERT_FALSE(trylock_page(page));
	unlock_page(page);
	__set_page_locked(page);
	CU_ASSERT_TRUE(PageLocked(page));
	__clear_page_locked(page);
	CU_ASSERT_FALSE(PageLocked(page));
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 25: the other accessors a 2.6.35 driver uses behave as in that kernel. */
static void test_25_common_accessors(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageReserved(page);
	CU_ASSERT_TRUE(PageReserved(page));
	__ClearPageReserved(page);
	CU_ASSERT_FALSE(PageReserved(page));
	SetPageError(page);
	CU_ASSERT_TRUE(TestClearPageError(page));
	CU_ASSERT_FALSE(PageError(page));
	CU_ASSERT_FALSE(TestSetPageDirty(page));
	__ClearPageDirty(page);
	CU_ASSERT_FALSE(TestSetPageWriteback(page));
	CU_ASSERT_TRUE(TestClearPageWriteback(page));
	SetPageUptodate(page);
	CU_ASSERT_TRUE(PageUptodate(page));
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 31: unlock_page() of an unlocked page: VM_BUG_ON(), no dump. */
static void test_31_unlock_unlocked_page_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug("unlock_unlocked");
	unlock_page(page); /* LINE:unlock_unlocked */
	CU_FAIL("unlock_page() of an unlocked page returned");
}

/* 31: the double unlock. */
static void test_31_double_unlock_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	unlock_page(page);
	expect_vm_bug("double_unlock");
	unlock_page(page); /* LINE:double_unlock */
	CU_FAIL("second unlock_page() returned");
}

/* 31: lock, trylock, unlock: silent. */
static void test_31_lock_unlock_positive(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	CU_ASSERT_TRUE(PageLocked(page));
	CU_ASSERT_FALSE(trylock_page(page));
	unlock_page(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_TRUE(trylock_page(page));
	unlock_page(page);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 36: __get_free_pages() with __GFP_HIGHMEM: VM_BUG_ON() (6.x strips it). */
static void test_36_get_free_pages_highmem_bugs(void)
{
	unsigned long addr;

	expect_vm_bug("gfp_highmem");
	addr = __get_free_pages(GFP_KERNEL | __GFP_HIGHMEM, 1); /* LINE:gfp_highmem */
	CU_FAIL("__get_free_pages(__GFP_HIGHMEM) returned");
	free_pages(addr, 1);
}

/* 36: get_zeroed_page() is __get_free_pages() too. */
static void test_36_get_zeroed_page_highuser_bugs(void)
{
	unsigned long addr;

	expect_vm_bug("zeroed_highuser");
	addr = get_zeroed_page(GFP_HIGHUSER); /* LINE:zeroed_highuser */
	CU_FAIL("get_zeroed_page(GFP_HIGHUSER) returned");
	free_page(addr);
}

/* 36: lowmem masks are fine, and the page is zeroed as asked. */
static void test_36_get_free_pages_positive(void)
{
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	unsigned long addr2 = __get_free_pages(GFP_KERNEL | __GFP_DMA, 2);

	CU_ASSERT_FATAL(addr != 0);
	CU_ASSERT_FATAL(addr2 != 0);
	CU_ASSERT_EQUAL(((char *)addr)[PAGE_SIZE - 1], 0);
	CU_ASSERT_TRUE(virt_addr_valid(addr2));
	free_page(addr);
	free_pages(addr2, 2);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- 43: split_page(), and alloc_pages_exact() built on it ---- */

/* 43: split, then every sub-page is freed on its own: silent. */
static void test_43_split_page_positive(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	split_page(page, 2);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(atomic_read(&page[i]._count), 1);
	for (i = 3; i >= 0; i--)
		__free_page(page + i);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* 43: split_page() of a compound page: VM_BUG_ON(PageCompound(page)). */
static void test_43_split_compound_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_vm_bug("split_compound");
	split_page(page, 2); /* LINE:split_compound */
	CU_FAIL("split_page() of a compound page returned");
}

/* 43: set_page_refcounted() of each sub-page: splitting twice BUGs. */
static void test_43_split_twice_bugs(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	split_page(page, 1);
	expect_vm_bug("split_twice");
	split_page(page, 1); /* LINE:split_twice */
	CU_FAIL("second split_page() returned");
}

/* alloc_pages_exact(): the pages past @size go back at once. */
static void test_exact_positive(void)
{
	void *p = alloc_pages_exact(3 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 3);
	CU_ASSERT_EQUAL(((char *)p)[3 * PAGE_SIZE - 1], 0);
	free_pages_exact(p, 3 * PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/*
 * 36: alloc_pages_exact() with __GFP_HIGHMEM: 2.6.35 hands the mask to
 * __get_free_pages(), which BUGs (6.x warns once and strips the flag).
 */
static void test_36_exact_highmem_bugs(void)
{
	void *p;

	expect_vm_bug("exact_highmem");
	p = alloc_pages_exact(2 * PAGE_SIZE, GFP_HIGHUSER); /* LINE:exact_highmem */
	CU_FAIL("alloc_pages_exact(GFP_HIGHUSER) returned");
	free_pages_exact(p, 2 * PAGE_SIZE);
}

/* 43: ... and with __GFP_COMP its split_page() BUGs (6.x: warn, strip). */
static void test_43_exact_comp_bugs(void)
{
	void *p;

	expect_vm_bug("exact_comp");
	p = alloc_pages_exact(3 * PAGE_SIZE, GFP_KERNEL | __GFP_COMP); /* LINE:exact_comp */
	CU_FAIL("alloc_pages_exact(__GFP_COMP) returned");
	free_pages_exact(p, 3 * PAGE_SIZE);
}

/* 19: free_pages_exact() twice: the double free of each page BUGs. */
static void test_19_free_pages_exact_twice_bugs(void)
{
	void *p = alloc_pages_exact(PAGE_SIZE, GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	free_pages_exact(p, PAGE_SIZE);
	expect_vm_bug("exact_twice");
	free_pages_exact(p, PAGE_SIZE); /* LINE:exact_twice */
	CU_FAIL("second free_pages_exact() returned");
}

/* ---- 40-42: "Bad page state" in 2.6.32-2.6.36's format ---- */

static void expect_bad_page(struct page *page)
{
	char want[64];

	snprintf(want, sizeof(want), "  pfn:%05lx\n", page_to_pfn(page));
	kshim_expect_report(KSHIM_REPORT_BAD_PAGE, want, 1);
}

/* %p as 2.6.35 printed it: "(null)", else 16 zero-padded hex digits. */
static const char *ptr26(unsigned long p, char *buf, size_t len)
{
	if (!p)
		return "(null)";
	snprintf(buf, len, "%016lx", p);
	return buf;
}

/*
 * The report after the free: made at @marker's line, 2.6.35's field line
 * (%p as that kernel printed it), no dump_page() reason, no module list;
 * taint B, and the page leaked.
 */
static void check_bad_page(struct page *page, unsigned long flags,
			   int mapcount, const char *mapping,
			   const char *marker)
{
	const struct kshim_report *r = kshim_report_last(KSHIM_REPORT_BAD_PAGE);
	char want[256], fl[20];

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, __FILE__);
	CU_ASSERT_EQUAL(r->line, marker_line(marker));
	snprintf(want, sizeof(want),
		 "BUG: Bad page state in process %s  pfn:%05lx\n"
		 "page:%016lx flags:%s count:0 mapcount:%d mapping:%s index:0\n",
		 current->comm, page_to_pfn(page), (unsigned long)page,
		 ptr26(flags, fl, sizeof(fl)), mapcount, mapping);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	if (!strstr(r->text, want))
		fprintf(stderr, "want:\n%s\ngot:\n%s\n", want, r->text);
	CU_ASSERT_PTR_NULL(strstr(r->text, "page dumped because"));
	CU_ASSERT_PTR_NULL(strstr(r->text, "Modules linked in:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "Call Trace:"));
	CU_ASSERT_TRUE(test_taint(TAINT_BAD_PAGE));
	CU_ASSERT_FALSE(PageBuddy(page));
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* 40: SetPageReserved() without ClearPageReserved() (LDD3 style). */
static void test_40_free_reserved_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long flags;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageReserved(page);
	/* printed in 2.6.35's bit numbers: PG_reserved is bit 10 there */
	flags = (page->flags & ~((1UL << __NR_PAGEFLAGS) - 1)) | 1UL << 10;
	expect_bad_page(page);
	__free_page(page); /* LINE:free_reserved */
	check_bad_page(page, flags, 0, "(null)", "free_reserved");
	CU_ASSERT_TRUE(PageReserved(page));	/* bad fields left for debug */
}

/* 40: the same found by the last put_page(). */
static void test_40_put_private_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long flags;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPagePrivate(page);
	/* printed in 2.6.35's bit numbers: PG_private is bit 11 there */
	flags = (page->flags & ~((1UL << __NR_PAGEFLAGS) - 1)) | 1UL << 11;
	expect_bad_page(page);
	put_page(page); /* LINE:put_private */
	check_bad_page(page, flags, 0, "(null)", "put_private");
}

/* 41: freed with a mapping still set. */
static void test_41_free_page_with_mapping(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	static long fake_mapping;
	char mapping[20];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	page->mapping = (struct address_space *)&fake_mapping;
	snprintf(mapping, sizeof(mapping), "%016lx",
		 (unsigned long)&fake_mapping);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_mapping */
	check_bad_page(page, page->flags, 0, mapping, "free_mapping");
}

/* 42: freed while still mapped (mapcount 1). */
static void test_42_free_mapped_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	atomic_inc(&page->_mapcount);
	expect_bad_page(page);
	__free_page(page); /* LINE:free_mapped */
	check_bad_page(page, page->flags, 1, "(null)", "free_mapped");
}

/* 40-42: a clean page frees silently. */
static void test_40_clean_free_positive(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	SetPageReserved(page);
	ClearPageReserved(page);
	SetPageDirty(page);		/* not checked at free */
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(test_taint(TAINT_BAD_PAGE));
}

/* 31, 36, 43: each BUG above, run again in a child: no dump_page(). */
static void test_31_36_43_bugs_print_no_dump(void)
{
	static const char *const bugs[] = {
		"page_lock_2635:31_unlock_unlocked_page_bugs",
		"page_alloc_2635:36_get_free_pages_highmem_bugs",
		"split_page_2635:43_split_compound_bugs",
		"split_page_2635:43_split_twice_bugs",
		"split_page_2635:43_exact_comp_bugs",
	};
	unsigned int i;

	for (i = 0; i < sizeof(bugs) / sizeof(bugs[0]); i++)
		assert_bug_without_dump(SELF, bugs[i]);
}

static CU_TestInfo lock_tests[] = {
	{ "25_page_locked_accessors", test_25_page_locked_accessors },
	{ "25_common_accessors", test_25_common_accessors },
	{ "31_unlock_unlocked_page_bugs", test_31_unlock_unlocked_page_bugs },
	{ "31_double_unlock_bugs", test_31_double_unlock_bugs },
	{ "31_lock_unlock_positive", test_31_lock_unlock_positive },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo alloc_tests[] = {
	{ "36_get_free_pages_highmem_bugs",
	  test_36_get_free_pages_highmem_bugs },
	{ "36_get_zeroed_page_highuser_bugs",
	  test_36_get_zeroed_page_highuser_bugs },
	{ "36_get_free_pages_positive", test_36_get_free_pages_positive },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo split_tests[] = {
	{ "43_split_page_positive", test_43_split_page_positive },
	{ "43_split_compound_bugs", test_43_split_compound_bugs },
	{ "43_split_twice_bugs", test_43_split_twice_bugs },
	{ "exact_positive", test_exact_positive },
	{ "36_exact_highmem_bugs", test_36_exact_highmem_bugs },
	{ "43_exact_comp_bugs", test_43_exact_comp_bugs },
	{ "19_free_pages_exact_twice_bugs",
	  test_19_free_pages_exact_twice_bugs },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bad_page_tests[] = {
	{ "40_free_reserved_page", test_40_free_reserved_page },
	{ "40_put_private_page", test_40_put_private_page },
	{ "41_free_page_with_mapping", test_41_free_page_with_mapping },
	{ "42_free_mapped_page", test_42_free_mapped_page },
	{ "40_clean_free_positive", test_40_clean_free_positive },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo nodump_tests[] = {
	{ "31_36_43_bugs_print_no_dump", test_31_36_43_bugs_print_no_dump },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "page_lock_2635", NULL, NULL, NULL, NULL, lock_tests },
	{ "page_alloc_2635", NULL, NULL, NULL, NULL, alloc_tests },
	{ "split_page_2635", NULL, NULL, NULL, NULL, split_tests },
	{ "bad_page_2635", NULL, NULL, NULL, NULL, bad_page_tests },
	{ "no_dump_2635", NULL, NULL, NULL, NULL, nodump_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
