/*
 * test_page_misuse - misuse of the page API never crashes kshim or
 * corrupts it silently (issue 11, items 1, 2 and 4); the snippets are
 * kernel code (page_snippets.c), each report names its line.
 *
 *  - __free_pages() with an order larger than allocated: the pages of
 *    the block that are free already are each a "Bad page state" at the
 *    free (page_alloc.c's free_page_is_bad()/bad_page() of 6.8; the
 *    kernel itself sees only a free buddy block's first page, "nonzero
 *    mapcount"), the block is leaked as the kernel does, and the free
 *    lists stay intact: no page is handed out twice.
 *  - wild struct page pointers (a stack buffer's virt_to_page(), NULL,
 *    pfn_to_page() of a pfn far beyond RAM, virt_to_page() of host heap
 *    memory, page_address() of a made-up pointer) are the kernel's oops
 *    naming the driver's line, never kshim's header nor a bare signal 11;
 *    a non-canonical address is a "general protection fault, probably
 *    for non-canonical address 0x...", as on x86-64.
 *  - __free_pages(NULL, 0): the oops at the driver's line, with a trace.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>

#include "common/asan.h"
#include "common/expect_bug.h"
#include "mm/internal.h"
#include "mm/page_snippets.h"

#define SNIP	PAGE_SNIPPETS_FILE

static int snip_line(const char *marker)
{
	return marker_line_in(SNIP, marker);
}

/* kshim's line naming the faulting access (the snippet's own line). */
static const char *access_line(const char *func, const char *marker)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "kshim: the faulting access: %s:%d (%s)\n",
		 SNIP, snip_line(marker), func);
	return buf;
}

/*
 * The oops the test expects: @head (the lines just before kshim's access
 * line), kshim's line naming the snippet's faulting line, then @tail.
 */
static void expect_oops(const char *head, const char *func,
			const char *marker, const char *tail)
{
	char want[1024];

	snprintf(want, sizeof(want), "%s%s%s", head, access_line(func, marker),
		 tail);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
}

/*
 * memcheck reports a read through a wild pointer itself ("Invalid read"),
 * which fails the test before the oops can be judged: plain builds and
 * the sanitizers only.
 */
static bool memcheck_sees_wild_reads(void)
{
	if (RUNNING_ON_VALGRIND) {
		kshim_test_skip("memcheck reports the wild read itself");
		return true;
	}
	return false;
}

#define PF_READ_OOPS	"Oops: 0000 [#1] PREEMPT SMP NOPTI\n"

/* ---- item 1: __free_pages() with an order larger than allocated ---- */

static void test_free_order_too_large_is_bad_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL), *seen[64];
	unsigned long pfn;
	unsigned int i, j;
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	for (i = 1; i < 4; i++) {
		snprintf(want, sizeof(want),
			 "BUG: Bad page state in process %s  pfn:%05lx\n",
			 current->comm, pfn + i);
		kshim_expect_report(KSHIM_REPORT_BAD_PAGE, want, 1);
	}
	snip_free_order_too_large(page);
	CU_ASSERT_EQUAL_FATAL(kshim_report_count(KSHIM_REPORT_BAD_PAGE), 3);
	/* Each names the driver's line, in its trace too. */
	snprintf(want, sizeof(want), " %s:%d\n", SNIP,
		 snip_line("free_order_too_large"));
	for (i = 0; i < kshim_report_count(NULL); i++) {
		const struct kshim_report *r = kshim_report_get(i);

		CU_ASSERT_STRING_EQUAL(r->file, SNIP);
		CU_ASSERT_EQUAL(r->line, snip_line("free_order_too_large"));
		CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
		/*
		 * Where the neighbours wait decides the reason: on a per-CPU
		 * list or inside a free block, kshim's; at the head of a free
		 * buddy block (the layout under valgrind's smaller machine),
		 * the kernel's own.
		 */
		CU_ASSERT(strstr(r->text,
				 "page dumped because: kshim: already free") ||
			  strstr(r->text,
				 "page dumped because: nonzero mapcount"));
	}
	CU_ASSERT_TRUE(test_taint(TAINT_BAD_PAGE));
	/* The block is leaked as the kernel does: not the driver's leak. */
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);

	/* The free lists are intact: every page handed out once. */
	for (i = 0; i < 64; i++) {
		seen[i] = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(seen[i]);
		CU_ASSERT_NOT_EQUAL(page_to_pfn(seen[i]), pfn);
		for (j = 0; j < i; j++)
			CU_ASSERT_PTR_NOT_EQUAL(seen[i], seen[j]);
	}
	for (i = 0; i < 64; i++)
		__free_page(seen[i]);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* A free buddy block's first page: the kernel's own reason. */
static void test_free_into_buddy_block_nonzero_mapcount(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 3), *page;
	char want[256];
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	/* Keep page 0 (split), free the rest: pages 4-7 are a free buddy. */
	split_page(block, 3);
	for (page = block + 1; page < block + 8; page++)
		__free_page(page);
	kshim_drain_all_pages();
	CU_ASSERT_TRUE_FATAL(PageBuddy(block + 4));
	kshim_expect_report(KSHIM_REPORT_BAD_PAGE, NULL, 7);
	__free_pages(block, 3);		/* LINE:free_into_buddy */
	assert_report_at(KSHIM_REPORT_BAD_PAGE, "free_into_buddy");
	/* The first page of each free buddy block: the kernel's reason. */
	for (i = 0; i < kshim_report_count(NULL); i++) {
		const struct kshim_report *r = kshim_report_get(i);
		unsigned long pfn = page_to_pfn(block) + i + 1;
		bool buddy = i + 1 == 1 || i + 1 == 2 || i + 1 == 4;

		snprintf(want, sizeof(want), "pfn:%05lx\n", pfn);
		CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
		CU_ASSERT_EQUAL(strstr(r->text,
			"page dumped because: nonzero mapcount\n") != NULL,
			buddy);
	}
	/* Still on the free lists, still marked. */
	CU_ASSERT_TRUE(PageBuddy(block + 1));
	CU_ASSERT_TRUE(PageBuddy(block + 2));
	CU_ASSERT_TRUE(PageBuddy(block + 4));
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

static void test_free_right_order_silent(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	snip_free_order_ok(page);
	page = alloc_pages(GFP_KERNEL, 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(test_taint(TAINT_BAD_PAGE));
}

/* ---- items 2 and 4: wild struct page pointers are oopses ---- */

static void test_get_page_of_stack_buffer_oopses(void)
{
	if (memcheck_sees_wild_reads())
		return;
	/* (no bare signal 11: the oops, at the line of get_page()) */
	/*
	 * Where the bogus struct page lands depends on the host's layout
	 * (a wild pointer, kshim's highmem or ioremap range...): the oops and
	 * its line are the point, not the explanation.
	 */
	expect_oops("", "snip_get_page_stack", "get_page_stack", PF_READ_OOPS);
	snip_get_page_stack();
	CU_FAIL("get_page() of a stack buffer's page returned");
}

static void test_page_address_wild_oopses(void)
{
	char want[256];

	if (memcheck_sees_wild_reads())
		return;
	if (!strcmp(KSHIM_SANITIZER, "tsan")) {
		/* ThreadSanitizer's own memory is mapped there. */
		kshim_test_skip("TSan maps its shadow at this address");
		return;
	}
	/* page_address() reads page->virtual of the made-up page. */
	/* (ASan's shadow check of the address faults first: its address) */
	if (ASAN_BUILD)
		snprintf(want, sizeof(want), ": a wild pointer\n");
	else
		snprintf(want, sizeof(want),
			 "BUG: unable to handle page fault for address: %016lx\n"
			 "#PF: supervisor read access in kernel mode\n"
			 "#PF: error_code(0x0000) - not-present page\n"
			 "kshim: nothing of the simulated machine is at %#lx: a wild pointer\n",
			 0xdeadbeef000UL + offsetof(struct page, virtual),
			 0xdeadbeef000UL + offsetof(struct page, virtual));
	expect_oops(want, "snip_page_address_wild", "page_address_wild",
		    PF_READ_OOPS);
	snip_page_address_wild();
	CU_FAIL("page_address() of a made-up page returned");
}

/* NULL: the dereference is compound_head()'s, inside get_page(). */
static void test_get_page_null_names_driver_line(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: %016lx\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n",
		 (unsigned long)offsetof(struct page, compound_head));
	/* No hint about page_address(): the NULL is get_page()'s. */
	expect_oops(want, "snip_get_page_null", "get_page_null",
		    PF_READ_OOPS);
	snip_get_page_null();
	CU_FAIL("get_page(NULL) returned");
}

static void test_put_page_null_names_driver_line(void)
{
	expect_oops("#PF: error_code(0x0000) - not-present page\n",
		    "snip_put_page_null", "put_page_null", PF_READ_OOPS);
	snip_put_page_null();
	CU_FAIL("put_page(NULL) returned");
}

/* A pfn far beyond RAM: vmemmap + pfn is non-canonical. */
static void test_get_page_huge_pfn_general_protection(void)
{
	unsigned long addr = (unsigned long)pfn_to_page(1UL << 46) +
			     offsetof(struct page, compound_head);
	char want[256];

	if (memcheck_sees_wild_reads())
		return;
	snprintf(want, sizeof(want),
		 "general protection fault, probably for non-canonical address %#lx: 0000 [#1] PREEMPT SMP NOPTI\n",
		 addr);
	/* (a sanitizer's shadow access faults first: its address) */
	if (strcmp(KSHIM_SANITIZER, "none"))
		snprintf(want, sizeof(want), ": 0000 [#1] PREEMPT SMP NOPTI\n");
	expect_oops(want, "snip_get_page_pfn", "get_page_pfn", "CPU: 0 ");
	snip_get_page_pfn(1UL << 46);
	CU_FAIL("get_page() of a pfn beyond RAM returned");
}

/* Host heap memory is not in the direct map. */
static void test_get_page_of_malloc_oopses(void)
{
	if (memcheck_sees_wild_reads())
		return;
	static void *heap;

	heap = malloc(100);
	CU_ASSERT_PTR_NOT_NULL_FATAL(heap);
	expect_oops(": 0000 [#1] PREEMPT SMP NOPTI\n", "snip_get_page_addr",
		    "get_page_addr", "CPU: 0 ");
	snip_get_page_addr(heap);
	CU_FAIL("get_page() of a malloc()ed address returned");
}

static void test_free_pages_null_oopses(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: %016lx\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n", 0UL);
	expect_oops(want, "snip_free_pages_null", "free_pages_null",
		    PF_READ_OOPS);
	snip_free_pages_null();
	CU_FAIL("__free_pages(NULL, 0) returned");
}

/* A real call trace: the snippet's frame with its line, then the test. */
static void test_free_pages_null_trace(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "RIP: 0010:snip_free_pages_null %s:%d\nCall Trace:\n <TASK>\n snip_free_pages_null+",
		 SNIP, snip_line("free_pages_null"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_free_pages_null();
	CU_FAIL("__free_pages(NULL, 0) returned");
}

static void test_get_put_right_page_silent(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	snip_get_put_ok(page);
	CU_ASSERT_EQUAL(page_count(page), 1);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

int main(int argc, char **argv)
{
	static CU_TestInfo tests[] = {
		{ "free_order_too_large_is_bad_page",
		  test_free_order_too_large_is_bad_page },
		{ "free_into_buddy_block_nonzero_mapcount",
		  test_free_into_buddy_block_nonzero_mapcount },
		{ "free_right_order_silent", test_free_right_order_silent },
		{ "get_page_of_stack_buffer_oopses",
		  test_get_page_of_stack_buffer_oopses },
		{ "page_address_wild_oopses", test_page_address_wild_oopses },
		{ "get_page_null_names_driver_line",
		  test_get_page_null_names_driver_line },
		{ "put_page_null_names_driver_line",
		  test_put_page_null_names_driver_line },
		{ "get_page_huge_pfn_general_protection",
		  test_get_page_huge_pfn_general_protection },
		{ "get_page_of_malloc_oopses", test_get_page_of_malloc_oopses },
		{ "free_pages_null_oopses", test_free_pages_null_oopses },
		{ "free_pages_null_trace", test_free_pages_null_trace },
		{ "get_put_right_page_silent", test_get_put_right_page_silent },
		CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
		{ "page_misuse", NULL, NULL, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};

	return kshim_run_suites(suites, argc, argv);
}
