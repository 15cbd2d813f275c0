/*
 * test_page_poison - freed pages are poisoned (mm/page_poison.c,
 * DEBUG_PAGEALLOC, KASAN-like sanitizer poisoning): normal use is silent;
 * a write after free is a "pagealloc: memory corruption" report naming
 * the pfn when the frame is allocated again (plain builds, and highmem
 * in every build) or, if it never is, at the end of the test (beyond the
 * kernel), an AddressSanitizer use-after-poison in ASan builds, and with
 * KSHIM_DEBUG_PAGEALLOC=1 the kernel's oops ("BUG: unable to handle page
 * fault for address", the pfn, the line that freed the page) in every
 * build, for kernel code (tests/mm/page_snippets.c) writing after free,
 * through a kmap() of the freed page, or after its module unloaded.
 *
 * The writes after free run in a fork()ed child of the test: the frame
 * lives in shared simulated RAM, so the test sees what the child wrote,
 * while whatever checker stops the child (ASan, SIGSEGV) ends only the
 * child.  Under Valgrind, memcheck reports the child's write as an
 * "Invalid write" (the freed range is marked no-access), which makes the
 * child's exit status non-zero with --error-exitcode; the test cannot
 * tell memcheck from helgrind, so it only logs that status and checks
 * the pattern report, which every tool build still gives.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "common/expect_bug.h"	/* marker_line() */
#include "common/spawn.h"
#include "mm/internal.h"	/* kshim_pfn_backdoor(): white-box checks */
#include "mm/page_snippets.h"

#include "common/asan.h"
#if ASAN_BUILD
#include <sanitizer/asan_interface.h>
#endif

#define PAGE_POISON	0xaa

/* ---- helpers ---- */

/*
 * Allocate until @pfn comes back (the buddy lists are LIFO: usually the
 * first try), free the other pages; NULL if it does not come back.
 */
static struct page *alloc_pfn(gfp_t gfp, unsigned int order,
			      unsigned long pfn)
{
	struct page *held[64], *hit = NULL;
	unsigned int n = 0, i;

	while (n < 64) {
		struct page *page = alloc_pages(gfp, order); /* LINE:alloc_pfn */

		if (!page)
			break;
		if (page_to_pfn(page) == pfn) {
			hit = page;
			break;
		}
		held[n++] = page;
	}
	for (i = 0; i < n; i++)
		__free_pages(held[i], order);
	return hit;
}

/* Every byte of frames [@pfn, @pfn + @nr) equals @c (kshim's view). */
static bool frames_hold(unsigned long pfn, unsigned long nr, unsigned char c)
{
	const unsigned char *mem = kshim_pfn_backdoor(pfn);
	unsigned long i;

	for (i = 0; i < nr << PAGE_SHIFT; i++)
		if (mem[i] != c)
			return false;
	return true;
}

static void run_child(void (*fn)(void *), void *arg,
		      struct spawn_result *res)
{
	CU_ASSERT_EQUAL_FATAL(spawn_call(fn, arg, res), 0);
}

static bool exited_nonzero(const struct spawn_result *c)
{
	return !c->signaled && c->status;
}

static void write_byte(void *arg)
{
	*(volatile unsigned char *)arg = 0x55;
}

static const char *last_text(void)
{
	const struct kshim_report *r =
		kshim_report_last(KSHIM_REPORT_MEMORY_CORRUPTION);

	return r ? r->text : "";
}

/* The report names the allocation that found the damage: alloc_pfn(). */
static void check_report_names_allocation(void)
{
	const struct kshim_report *r =
		kshim_report_last(KSHIM_REPORT_MEMORY_CORRUPTION);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r->file);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->file, "test_page_poison.c"));
	CU_ASSERT_EQUAL(r->line, marker_line("alloc_pfn"));
	CU_ASSERT_STRING_EQUAL(r->func ? r->func : "", "alloc_pfn");
}

/* ---- normal use: no report ---- */

static void test_alloc_write_free_cycles(void)
{
	struct page *page;
	unsigned long pfn;
	int i;

	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	for (i = 0; i < 100; i++) {
		memset(page_address(page), i, PAGE_SIZE);
		__free_page(page);
		page = alloc_page(GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		CU_ASSERT_EQUAL(page_to_pfn(page), pfn);	/* LIFO */
	}
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_freed_page_holds_pattern(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pfn;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	memset(page_address(page), 0x11, PAGE_SIZE);
	__free_page(page);
#if ASAN_BUILD
	/* ASan watches the direct map instead of a pattern. */
	CU_ASSERT_PTR_NOT_NULL(__asan_region_is_poisoned(
		lowmem_page_address(pfn_to_page(pfn)), PAGE_SIZE));
	page = alloc_pfn(GFP_KERNEL, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_PTR_NULL(__asan_region_is_poisoned(page_address(page),
						     PAGE_SIZE));
#else
	CU_ASSERT_TRUE(frames_hold(pfn, 1, PAGE_POISON));
	page = alloc_pfn(GFP_KERNEL, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
#endif
	__free_page(page);
}

static void test_gfp_zero_after_poison(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pfn;
	const unsigned char *p;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	__free_page(page);
	page = alloc_pfn(GFP_KERNEL | __GFP_ZERO, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	p = page_address(page);
	for (i = 0; i < PAGE_SIZE; i++)
		if (p[i])
			break;
	CU_ASSERT_EQUAL(i, PAGE_SIZE);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_every_order(void)
{
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;

		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		pfn = page_to_pfn(page);
		memset(page_address(page), 0x5a, PAGE_SIZE << order);
		__free_pages(page, order);
		page = alloc_pfn(GFP_KERNEL, order, pfn);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		memset(page_address(page), 0xa5, PAGE_SIZE << order);
		__free_pages(page, order);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_compound_pages(void)
{
	unsigned int order;

	for (order = 1; order <= MAX_PAGE_ORDER; order += 3) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, order);
		unsigned long pfn;

		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		CU_ASSERT_TRUE(PageHead(page));
		pfn = page_to_pfn(page);
		memset(page_address(page), 0x77, PAGE_SIZE << order);
		put_page(page);
		page = alloc_pfn(GFP_KERNEL | __GFP_COMP | __GFP_ZERO, order,
				 pfn);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		CU_ASSERT_EQUAL(((unsigned char *)page_address(page))
				[(PAGE_SIZE << order) - 1], 0);
		put_page(page);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_highmem_pages(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 2);
	unsigned long pfn;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE_FATAL(PageHighMem(page));
	pfn = page_to_pfn(page);
	__free_pages(page, 2);
	/* Highmem has no direct-map address: the pattern in every build. */
	CU_ASSERT_TRUE(frames_hold(pfn, 4, PAGE_POISON));
	page = alloc_pfn(GFP_HIGHUSER | __GFP_ZERO, 2, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_TRUE(frames_hold(pfn, 4, 0));
	__free_pages(page, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_split_and_exact(void)
{
	void *p = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	memset(p, 0x42, 5 * PAGE_SIZE);
	free_pages_exact(p, 5 * PAGE_SIZE);
	p = alloc_pages_exact(8 * PAGE_SIZE, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	free_pages_exact(p, 8 * PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* A reboot brings fresh RAM: what was poisoned before is not expected. */
static void test_reboot_forgets_poison(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	unsigned long pfn, hpfn;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	hpfn = page_to_pfn(page);
	__free_page(page);
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	__free_page(page);

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=0", NULL), 0);
	CU_ASSERT_TRUE(frames_hold(hpfn, 1, 0));
	page = alloc_pfn(GFP_HIGHUSER, 0, hpfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	page = alloc_pfn(GFP_KERNEL, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- use after free: reports ---- */

/* A lowmem write after free: ASan in ASan builds, the pattern otherwise. */
static void test_write_after_free_lowmem(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned char *p;
	unsigned long pfn;
	struct spawn_result c;
	char want[64];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	p = page_address(page);
	__free_page(page);

	if (ASAN_BUILD) {
		run_child(write_byte, p + 100, &c);
		CU_ASSERT_TRUE(exited_nonzero(&c));
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "AddressSanitizer"));
		CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "use-after-poison"));
		spawn_free(&c);
		/* The write never happened: nothing to find later. */
		page = alloc_pfn(GFP_KERNEL, 0, pfn);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		__free_page(page);
		return;
	}

	snprintf(want, sizeof(want), "pfn:0x%lx\n", pfn);
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION, want, 1);
	run_child(write_byte, p + 100, &c);
	if (RUNNING_ON_VALGRIND) {
		fprintf(stderr, "write-after-free child: status %#x (memcheck: non-zero)\n",
			c.status);
	} else {
		CU_ASSERT_EQUAL(c.status, 0);
	}
	spawn_free(&c);
	page = alloc_pfn(GFP_KERNEL, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
				      "pagealloc: memory corruption\n"));
	/* print_hex_dump(): address, bytes, then the ASCII column. */
	snprintf(want, sizeof(want), "%016lx: 55 ", (unsigned long)p + 100);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), want));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
		"page dumped because: pagealloc: corrupted page details\n"));
	check_report_names_allocation();

	/* Reported once: the next free poisons the page afresh. */
	__free_page(page);
	page = alloc_pfn(GFP_KERNEL, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
}

/*
 * Highmem frames have no driver address yet (kmap comes later): a stale
 * kmap or a DMA into a freed frame is played by writing through kshim's
 * own view.  The pattern catches it in every build.
 */
static void test_write_after_free_highmem(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 1);
	unsigned char *mem;
	unsigned long pfn;
	char want[64];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page) + 1;
	__free_pages(page, 1);
	mem = kshim_pfn_backdoor(pfn);
	memset(mem + 0x100, 0, 40);

	snprintf(want, sizeof(want), "pfn:0x%lx\n", pfn);
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION, want, 1);
	page = alloc_pfn(GFP_HIGHUSER, 1, pfn - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
				      "pagealloc: memory corruption\n"));
	/* The dump shows the physical address of the damaged bytes. */
	snprintf(want, sizeof(want), "%016lx: 00 00 00",
		 (pfn << PAGE_SHIFT) + 0x100);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), want));
	snprintf(want, sizeof(want), "%016lx: 00 00 00 00 00 00 00 00  ",
		 (pfn << PAGE_SHIFT) + 0x120);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(), want));
	check_report_names_allocation();
	__free_pages(page, 1);
}

static void test_single_bit_error(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	unsigned long pfn;
	char want[64];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	__free_page(page);
	((unsigned char *)kshim_pfn_backdoor(pfn))[PAGE_SIZE - 1] ^= 0x10;

	snprintf(want, sizeof(want), "pfn:0x%lx\n", pfn);
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION, want, 1);
	page = alloc_pfn(GFP_HIGHUSER, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(),
				      "pagealloc: single bit error\n"));
	__free_page(page);
}

/* The kernel's ratelimit: 10 reports, then quiet for the 5 s window. */
static void test_reports_rate_limited(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 4);
	unsigned long pfn, i;
	unsigned char *mem;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	__free_pages(page, 4);
	mem = kshim_pfn_backdoor(pfn);
	for (i = 0; i < 16; i++)
		mem[i * PAGE_SIZE + 7] = 0;

	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION, NULL, 10);
	page = alloc_pfn(GFP_HIGHUSER, 4, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_pages(page, 4);
}

/* ---- KSHIM_PAGE_POISON ---- */

/* page_poison=off: no pattern, a write after free goes unnoticed. */
static void test_page_poison_off(void)
{
	struct page *page;
	unsigned long pfn;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=0", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_PAGE_POISON"), "0");
	page = alloc_page(GFP_HIGHUSER);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	memset(kshim_pfn_backdoor(pfn), 0x11, PAGE_SIZE);
	__free_page(page);
	CU_ASSERT_TRUE(frames_hold(pfn, 1, 0x11));
	((unsigned char *)kshim_pfn_backdoor(pfn))[100] = 0x55;
	page = alloc_pfn(GFP_HIGHUSER, 0, pfn);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);

	/* Lowmem: no pattern either, but ASan still watches freed pages. */
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	memset(page_address(page), 0x22, PAGE_SIZE);
	__free_page(page);
	CU_ASSERT_TRUE(frames_hold(pfn, 1, 0x22));
#if ASAN_BUILD
	CU_ASSERT_PTR_NOT_NULL(__asan_region_is_poisoned(
		lowmem_page_address(pfn_to_page(pfn)), PAGE_SIZE));
#endif
}

/* The default is on; the next boot without the override has it again. */
static void test_page_poison_default_on(void)
{
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_PAGE_POISON"), "1");
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=off", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_PAGE_POISON"), "0");
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_PAGE_POISON=on", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_PAGE_POISON"), "1");
}

static void boot_bad_page_poison(void *arg)
{
	_exit(kshim_boot("KSHIM_PAGE_POISON=maybe", NULL) == -EINVAL ? 0 : 1);
}

/* A bad value is rejected with an error naming it; nothing changes. */
static void test_page_poison_bad_value(void)
{
	struct spawn_result c;

	run_child(boot_bad_page_poison, NULL, &c);
	CU_ASSERT_TRUE(!c.signaled && c.status == 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err,
				      "kshim: invalid KSHIM_PAGE_POISON='maybe': a boolean"));
	spawn_free(&c);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_PAGE_POISON"), "1");
}

/* ---- AddressSanitizer: memory never handed out, and reboots ---- */

#if ASAN_BUILD
/*
 * Frames carved from a zone but never allocated are no-access, and so is
 * the first page past the carved part (a guard): the allocation
 * unpoisons exactly what it hands out.
 */
static void test_asan_never_allocated_poisoned(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct kshim_zone *kz;
	unsigned char *p;
	struct spawn_result c;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	p = page_address(page);
	CU_ASSERT_PTR_NULL(__asan_region_is_poisoned(p, PAGE_SIZE));
	kz = page_zone(page)->kshim;
	CU_ASSERT_TRUE(__asan_address_is_poisoned(
		__va((kz->frontier - 1) << PAGE_SHIFT)));
	CU_ASSERT_TRUE_FATAL(kz->frontier < kz->end);
	CU_ASSERT_TRUE(__asan_address_is_poisoned(
		__va(kz->frontier << PAGE_SHIFT)));
	/* Past the guard nothing is known yet. */
	CU_ASSERT_FALSE(__asan_address_is_poisoned(
		__va((kz->frontier + 1) << PAGE_SHIFT)));

	run_child(write_byte, __va((kz->frontier - 1) << PAGE_SHIFT), &c);
	CU_ASSERT_TRUE(exited_nonzero(&c));
	CU_ASSERT_PTR_NOT_NULL(strstr(c.err, "use-after-poison"));
	spawn_free(&c);
	__free_page(page);
}

/*
 * A reboot unmaps the direct map: the poison of its used part must not
 * stay behind for whatever the host maps there next.
 */
static void test_asan_reboot_clears_shadow(void)
{
	struct page *page[4];
	unsigned char *p;
	int i;

	/* The last of a few blocks: far from what a new boot uses first. */
	for (i = 0; i < 4; i++) {
		page[i] = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page[i]);
	}
	p = page_address(page[3]);
	for (i = 0; i < 4; i++)
		__free_pages(page[i], MAX_PAGE_ORDER);
	CU_ASSERT_TRUE_FATAL(__asan_address_is_poisoned(p));
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RAM=128M", NULL), 0);
	CU_ASSERT_PTR_NULL(__asan_region_is_poisoned(
		p, PAGE_SIZE << MAX_PAGE_ORDER));
}
#endif

/* ---- KSHIM_DEBUG_PAGEALLOC=1 ---- */

static void test_debug_pagealloc_normal_use(void)
{
	unsigned int order;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=1", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_DEBUG_PAGEALLOC"), "1");
	for (order = 0; order <= 4; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;

		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		pfn = page_to_pfn(page);
		memset(page_address(page), 0x33, PAGE_SIZE << order);
		__free_pages(page, order);
		page = alloc_pfn(GFP_KERNEL | __GFP_ZERO, order, pfn);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		CU_ASSERT_EQUAL(((unsigned char *)page_address(page))[0], 0);
		memset(page_address(page), 0x44, PAGE_SIZE << order);
		__free_pages(page, order);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* The oops of a write at @addr in freed page @pfn (KSHIM_DEBUG_PAGEALLOC). */
static void expect_pagealloc_oops(unsigned long addr, unsigned long pfn,
				  const char *func, const char *free_func,
				  const char *free_marker,
				  const char *write_marker)
{
	const char *snip = PAGE_SNIPPETS_FILE;
	char want[1024];

	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n"
		 "#PF: error_code(0x0002) - not-present page\n"
		 "kshim: %#lx is in page pfn:%#lx, free: DEBUG_PAGEALLOC unmapped it from the direct map when it was freed\n"
		 "kshim: the page was freed at %s:%d (%s)\n"
		 "kshim: the faulting access: %s:%d (%s)\n"
		 "Oops: 0002 [#1] PREEMPT SMP DEBUG_PAGEALLOC NOPTI\n",
		 addr, addr, pfn, snip, marker_line_in(snip, free_marker),
		 free_func, snip, marker_line_in(snip, write_marker), func);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
}

static void test_debug_pagealloc_write_after_free_oopses(void)
{
	struct page *page;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=1", NULL), 0);
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_pagealloc_oops((unsigned long)page_address(page) + 8,
			      page_to_pfn(page), "snip_write_after_free",
			      "snip_write_after_free", "uaf_free",
			      "uaf_write");
	snip_write_after_free(page);
	CU_FAIL("the write after free did not fault");
}

static void test_debug_pagealloc_kmap_of_freed_page_oopses(void)
{
	struct page *page;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=1", NULL), 0);
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_pagealloc_oops((unsigned long)page_address(page) + 8,
			      page_to_pfn(page), "snip_kmap_after_free",
			      "snip_kmap_after_free", "kmap_free",
			      "kmap_write");
	snip_kmap_after_free(page);
	CU_FAIL("the write through kmap() of a freed page did not fault");
}

/* module_exit() freed the page; the test writes through the old pointer. */
static void test_debug_pagealloc_write_after_unload_oopses(void)
{
	char want[512];
	char *p;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=1", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("page_snippets", NULL), 0);
	p = snip_module_page();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(kshim_module_unload("page_snippets"), 0);
	/*
	 * The pfn and the line in module_exit() that freed the page; the
	 * faulting line is checked above (valgrind may name the caller of
	 * a leaf function that faults).
	 */
	snprintf(want, sizeof(want),
		 "kshim: %#lx is in page pfn:%#lx, free: DEBUG_PAGEALLOC unmapped it from the direct map when it was freed\n"
		 "kshim: the page was freed at %s:%d (page_snippets_exit)\n"
		 "kshim: the faulting access: ",
		 (unsigned long)p + 8, page_to_pfn(virt_to_page(p)),
		 PAGE_SNIPPETS_FILE,
		 marker_line_in(PAGE_SNIPPETS_FILE, "exit_free"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip_write_module_page(p);
	CU_FAIL("the write after unload did not fault");
}

/* The same module, loaded and unloaded without a stale write: silent. */
static void test_debug_pagealloc_unload_silent(void)
{
	char *p;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_DEBUG_PAGEALLOC=1", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("page_snippets", NULL), 0);
	p = snip_module_page();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	snip_write_module_page(p);
	CU_ASSERT_EQUAL(p[8], 4);
	CU_ASSERT_EQUAL_FATAL(kshim_module_unload("page_snippets"), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- a write to a freed page that is never allocated again ---- */

/*
 * Beyond the kernel (which checks the pattern only when the page is
 * allocated again): pages freed during the test are checked at its end.
 */
static void test_write_after_free_found_at_test_end(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	unsigned long pfn;
	char want[512];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	pfn = page_to_pfn(page);
	__free_page(page);	/* LINE:end_free */
	memset((unsigned char *)kshim_pfn_backdoor(pfn) + 0x40, 0x5a, 4);
	snprintf(want, sizeof(want),
		 "pagealloc: memory corruption\n"
		 "%016lx: %-49sZZZZ\n"
		 "kshim: page pfn:%#lx was written after it was freed at %s:%d (%s) and was not allocated again; found at the end of the test (a kshim check: the kernel finds this only when the page is allocated again)\n",
		 (pfn << PAGE_SHIFT) + 0x40, "5a 5a 5a 5a", pfn, __FILE__,
		 marker_line("end_free"),
		 "test_write_after_free_found_at_test_end");
	/* Found after the body returned, at the line that freed the page. */
	kshim_expect_report(KSHIM_REPORT_MEMORY_CORRUPTION, want, 1);
}

/* Freed pages left alone until the end: silent. */
static void test_freed_pages_intact_at_test_end(void)
{
	struct page *a = alloc_pages(GFP_HIGHUSER, 2);
	struct page *b = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	memset(page_address(b), 0x33, PAGE_SIZE);
	__free_pages(a, 2);
	__free_page(b);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

int main(int argc, char **argv)
{
	static CU_TestInfo tests[] = {
		{ "alloc_write_free_cycles", test_alloc_write_free_cycles },
		{ "freed_page_holds_pattern", test_freed_page_holds_pattern },
		{ "gfp_zero_after_poison", test_gfp_zero_after_poison },
		{ "every_order", test_every_order },
		{ "compound_pages", test_compound_pages },
		{ "highmem_pages", test_highmem_pages },
		{ "split_and_exact", test_split_and_exact },
		{ "reboot_forgets_poison", test_reboot_forgets_poison },
		{ "write_after_free_lowmem", test_write_after_free_lowmem },
		{ "write_after_free_highmem", test_write_after_free_highmem },
		{ "single_bit_error", test_single_bit_error },
		{ "reports_rate_limited", test_reports_rate_limited },
		{ "page_poison_off", test_page_poison_off },
		{ "page_poison_default_on", test_page_poison_default_on },
		{ "page_poison_bad_value", test_page_poison_bad_value },
#if ASAN_BUILD
		{ "asan_never_allocated_poisoned",
		  test_asan_never_allocated_poisoned },
		{ "asan_reboot_clears_shadow", test_asan_reboot_clears_shadow },
#endif
		{ "debug_pagealloc_normal_use",
		  test_debug_pagealloc_normal_use },
		{ "debug_pagealloc_write_after_free_oopses",
		  test_debug_pagealloc_write_after_free_oopses },
		{ "debug_pagealloc_kmap_of_freed_page_oopses",
		  test_debug_pagealloc_kmap_of_freed_page_oopses },
		{ "debug_pagealloc_write_after_unload_oopses",
		  test_debug_pagealloc_write_after_unload_oopses },
		{ "debug_pagealloc_unload_silent",
		  test_debug_pagealloc_unload_silent },
		{ "write_after_free_found_at_test_end",
		  test_write_after_free_found_at_test_end },
		{ "freed_pages_intact_at_test_end",
		  test_freed_pages_intact_at_test_end },
		CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
		{ "page_poison", NULL, NULL, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};

	return kshim_run_suites(suites, argc, argv);
}
