/*
 * test_kmap_oops - stale and missing kernel mappings fault, and the oops
 * (arch/x86/mm/fault.c of 6.8: "BUG: unable to handle page fault for
 * address", "#PF: ..." and "Oops: 0002 [#1]") names the frame, where its
 * window was mapped and unmapped, and the faulting line; the test that
 * expected it passes and the next one runs.  Each wrong snippet has a
 * silent right twin (tests/highmem/kmap_snippets.c).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/mman.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/highmem.h>

#include "common/spawn.h"
#include "highmem/highmem_test.h"
#include "highmem/kmap_snippets.h"

#define SNIP	KMAP_SNIPPETS_FILE


static int snip_line(const char *marker)
{
	int line = marker_line_in(SNIP, marker);

	CU_ASSERT_FATAL(line > 0);
	return line;
}

/*
 * kshim's line naming the faulting access, from the host's debug
 * information (clang builds ask for the .debug_aranges libdw needs).
 */
static const char *access_line(const char *func, const char *marker)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "kshim: the faulting access: %s:%d (%s)\n",
		 SNIP, snip_line(marker), func);
	return buf;
}

/* The stable part of a window oops: history, faulting line, error code. */
static void expect_window_oops(struct page *page, const char *func,
			       const char *map, const char *unmap,
			       const char *access)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n"
		 "kshim: and unmapped it at %s:%d (%s)\n"
		 "%s"
		 "Oops: 0002 [#1] PREEMPT SMP NOPTI\n",
		 page_to_pfn(page), SNIP, snip_line(map), func, SNIP,
		 snip_line(unmap), func, access_line(func, access));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
}

/* Stale kmap_atomic() pointer: the kernel's and kshim's lines. */
static void test_stale_kmap_atomic_oopses(void)
{
	struct page *page = high_page();

	expect_window_oops(page, "snip_stale_kmap_atomic", "stale_atomic_map",
			   "stale_atomic_unmap", "stale_atomic_write");
	snip_stale_kmap_atomic(page);
	CU_FAIL("the stale write did not fault");
}

/*
 * A driver built out of tree (absolute paths in its debug information)
 * is still the driver: the oops names its faulting line.
 */
static void test_out_of_tree_driver_line(void)
{
	struct page *page = high_page();
	char want[512];

	snprintf(want, sizeof(want),
		 "tests/highmem/kmap_snippets_oot.c:%d (snip_oot_stale_kmap_local)\n"
		 "Oops: 0002 [#1]",
		 marker_line_in("tests/highmem/kmap_snippets_oot.c",
				"oot_stale_write"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_oot_stale_kmap_local(page);
	CU_FAIL("the stale write did not fault");
}

/* The kernel's lines, for the address the stale pointer points to. */
static void test_stale_kmap_atomic_pf_lines(void)
{
	struct page *page = high_page();
	unsigned long slot0;
	char want[512];
	char *p;

	/* kmap_atomic() will use the first slot, as this does. */
	p = kmap_local_page(page);
	slot0 = (unsigned long)p;
	kunmap_local(p);
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n"
		 "#PF: error_code(0x0002) - not-present page\n"
		 "kshim: %#lx is in atomic kmap slot 0 of task ",
		 slot0 + 1, slot0 + 1);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_stale_kmap_atomic(page);
	CU_FAIL("the stale write did not fault");
}

static void test_good_kmap_atomic_silent(void)
{
	struct page *page = high_page();
	char *p;

	snip_good_kmap_atomic(page);
	p = kmap_local_page(page);
	CU_ASSERT_EQUAL(p[0], 1);
	CU_ASSERT_EQUAL(p[1], 2);
	kunmap_local(p);
	__free_page(page);
}

static void test_stale_kmap_oopses(void)
{
	struct page *page = high_page();

	expect_window_oops(page, "snip_stale_kmap", "stale_kmap_map",
			   "stale_kmap_unmap", "stale_kmap_write");
	snip_stale_kmap(page);
	CU_FAIL("the stale write did not fault");
}

static void test_good_kmap_silent(void)
{
	struct page *page = high_page();
	char *p;

	snip_good_kmap(page);
	p = kmap(page);
	CU_ASSERT_EQUAL(p[1], 2);
	kunmap(page);
	__free_page(page);
}

/* The top window is the one an out-of-order kunmap_local() tears down. */
static void test_misordered_unmap_kills_top(void)
{
	struct page *a = high_page(), *b = high_page();
	char want[512];

	expect_warning_at(SNIP, "misordered_unmap");
	snprintf(want, sizeof(want),
		 "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n"
		 "kshim: and unmapped it at %s:%d (%s)\n"
		 "%s",
		 page_to_pfn(b), SNIP, snip_line("misordered_map_b"),
		 "snip_stale_after_misordered_unmap", SNIP,
		 snip_line("misordered_unmap"),
		 "snip_stale_after_misordered_unmap",
		 access_line("snip_stale_after_misordered_unmap",
			     "misordered_write"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_stale_after_misordered_unmap(a, b);
	CU_FAIL("the write through the torn-down window did not fault");
}

/* page_address() of an unmapped highmem page is NULL: writing oopses. */
static void test_page_address_null_oopses(void)
{
	struct page *page = high_page();
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n", 16UL);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_page_address_unmapped(page);
	CU_FAIL("the NULL write did not fault");
}

static void test_page_address_kmapped_silent(void)
{
	struct page *page = high_page();

	snip_page_address_kmapped(page);
	CU_ASSERT_PTR_NULL(page_address(page));
	__free_page(page);
}

/* A highmem page has no direct-map address: arithmetic gives a hole. */
static void test_direct_map_arithmetic_oopses(void)
{
	struct page *page = high_page();
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: it is highmem page pfn:%#lx: kmap() or kmap_local_page() it\n"
		 "%s"
		 "Oops: 0002 [#1] PREEMPT SMP NOPTI\n",
		 page_to_pfn(page),
		 access_line("snip_direct_map_arithmetic",
			     "direct_map_write"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_direct_map_arithmetic(page);
	CU_FAIL("the direct-map write did not fault");
}

static void test_direct_map_lowmem_silent(void)
{
	struct page *page = low_page();

	snip_direct_map_lowmem(page);
	CU_ASSERT_EQUAL(((char *)page_address(page))[8], 1);
	__free_page(page);
}

/* Running off a kmap_local window hits its guard page. */
static void test_kmap_local_overrun_oopses(void)
{
	struct page *page = high_page();
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n"
		 "kshim: the page is still mapped there\n"
		 "%s",
		 page_to_pfn(page), SNIP, snip_line("overrun_map"),
		 "snip_kmap_local_overrun",
		 access_line("snip_kmap_local_overrun", "overrun_write"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_kmap_local_overrun(page);
	CU_FAIL("the overrun did not fault");
}

/* KSHIM_KMAP_FORCE_MAP=1: lowmem goes through the windows too. */
static void test_force_map_stale_lowmem_oopses(void)
{
	struct page *page;

	page = forced_low_page();
	expect_window_oops(page, "snip_stale_kmap_atomic", "stale_atomic_map",
			   "stale_atomic_unmap", "stale_atomic_write");
	snip_stale_kmap_atomic(page);
	CU_FAIL("the stale write did not fault");
}

static void test_force_map_lowmem_good_silent(void)
{
	struct page *page;
	char *p;

	page = forced_low_page();
	p = kmap_local_page(page);
	CU_ASSERT_PTR_NOT_EQUAL(p, page_address(page));
	p[3] = 7;
	kunmap_local(p);
	CU_ASSERT_EQUAL(((char *)page_address(page))[3], 7);
	snip_good_kmap_atomic(page);
	__free_page(page);
}

/*
 * A fault at an address kshim does not own is no oops: it goes to the
 * handler that was there before (ASan's) or kills the process, as it
 * would without kshim.  Run in a child process of the test's own.
 */
/* RUNNING_ON_VALGRIND as a value, not a constant clang warns about. */
static bool under_valgrind(void)
{
	return RUNNING_ON_VALGRIND;
}

static void write_foreign(void *p)
{
	*(volatile char *)p = 1;
}

static void test_foreign_fault_not_an_oops(void)
{
	struct spawn_result c;
	char *p = mmap(NULL, PAGE_SIZE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CU_ASSERT_FATAL(p != MAP_FAILED);
	CU_ASSERT_EQUAL_FATAL(spawn_call(write_foreign, p, &c), 0);
	CU_ASSERT_PTR_NULL(strstr(c.err, "unable to handle page fault"));
	if (!strcmp(KSHIM_SANITIZER, "asan")) {
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "AddressSanitizer: SEGV"));
	}
	/* A sanitizer's handler reports and exits non-zero on its own. */
	if (under_valgrind() || strcmp(KSHIM_SANITIZER, "none")) {
		CU_ASSERT_FALSE(!c.signaled && c.status == 0);
	} else {
		CU_ASSERT_TRUE(c.signaled && c.status == 128 + SIGSEGV);
	}
	spawn_free(&c);
	munmap(p, PAGE_SIZE);
}

static CU_TestInfo oops_tests[] = {
	{ "stale kmap_atomic pointer oopses", test_stale_kmap_atomic_oopses },
	{ "oops #PF lines", test_stale_kmap_atomic_pf_lines },
	{ "out-of-tree driver's faulting line",
	  test_out_of_tree_driver_line },
	{ "kmap_atomic used in time is silent", test_good_kmap_atomic_silent },
	{ "stale kmap pointer oopses", test_stale_kmap_oopses },
	{ "kmap used in time is silent", test_good_kmap_silent },
	{ "out-of-order kunmap_local tears down the top",
	  test_misordered_unmap_kills_top },
	{ "page_address NULL of highmem oopses",
	  test_page_address_null_oopses },
	{ "page_address of a kmapped page is silent",
	  test_page_address_kmapped_silent },
	{ "direct-map arithmetic on highmem oopses",
	  test_direct_map_arithmetic_oopses },
	{ "direct-map arithmetic on lowmem is silent",
	  test_direct_map_lowmem_silent },
	{ "kmap_local overrun hits the guard page",
	  test_kmap_local_overrun_oopses },
	{ "FORCE_MAP: stale lowmem kmap_atomic oopses",
	  test_force_map_stale_lowmem_oopses },
	{ "FORCE_MAP: lowmem through a window is silent",
	  test_force_map_lowmem_good_silent },
	{ "a fault kshim does not own is not an oops",
	  test_foreign_fault_not_an_oops },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmap oops", NULL, NULL, NULL, NULL, oops_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
