/*
 * test_kmap_typed_drivers - the typed kmap_atomic(page, KM_...) of the
 * 2.6.3x profile in kernel-style driver code (kmap26_snippets.c: IRQ
 * handlers, bounce copies, two pages, stale pointers, each right and
 * wrong) and in that era's linux/highmem.h helpers on KM_USER0/KM_USER1
 * (kernel-api.md §10 items 76, 77).  Built twice, as a 2.6.35 and as a
 * 2.6.36 driver (tests/highmem26/Makemodule.am).  Negative tests name the
 * exact line (LINE:<name> markers) of the snippets or of this file.
 */
#include <string.h>

#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>

#include "common/expect_bug.h"
#include "highmem26/kmap26_snippets.h"
#include "highmem26/typed_test.h"

/* ---- kernel-style driver code (kmap26_snippets.c) ---- */

#define SNIP	KMAP26_SNIPPETS_FILE

static int snip_line(const char *marker)
{
	int line = marker_line_in(SNIP, marker);

	CU_ASSERT_FATAL(line > 0);
	return line;
}

static void assert_last_in_snippets(const char *cls, const char *marker)
{
	const struct kshim_report *r = kshim_report_last(cls);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, SNIP);
	CU_ASSERT_EQUAL(r->line, snip_line(marker));
}

struct copy_req {
	struct page *page;
	void (*copy)(struct page *page, void *buf, size_t len);
	unsigned char buf[32];
};

static void irq_handler(void *arg)
{
	struct copy_req *r = arg;

	r->copy(r->page, r->buf, sizeof(r->buf));
}

/* Fill @page with 0, 1, 2... through a slot of its own. */
static void fill_page(struct page *page)
{
	unsigned char *p = kmap_atomic(page, KM_USER1);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = i;
	kunmap_atomic(p, KM_USER1);
}

static void test_snip_irq_handler_user0_warns(void)
{
	struct copy_req r = { .page = high_page(),
			      .copy = snip26_irq_copy_user0 };

	fill_page(r.page);
	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(irq_handler, &r);
	assert_last_in_snippets(KSHIM_REPORT_WARNING, "irq_user0");
	/* A warning, not a stop: the copy was made. */
	CU_ASSERT_EQUAL(r.buf[31], 31);
	__free_page(r.page);
}

static void test_snip_irq_handler_irq0_silent(void)
{
	struct copy_req r = { .page = high_page(),
			      .copy = snip26_irq_copy_irq0 };

	fill_page(r.page);
	kshim_run_in_hardirq(irq_handler, &r);
	CU_ASSERT_EQUAL(r.buf[0], 0);
	CU_ASSERT_EQUAL(r.buf[31], 31);
	__free_page(r.page);
}

static void test_snip_bounce_irqs_on_warns(void)
{
	struct page *page = high_page();
	static const char msg[] = "bounce";

	expect_kmap_warn(HM_LINE(464), 1);
	snip26_bounce_irqs_on(page, msg, sizeof(msg));
	assert_last_in_snippets(KSHIM_REPORT_WARNING, "bounce_on");
	__free_page(page);
}

static void test_snip_bounce_irqs_off_silent(void)
{
	struct page *page = high_page();
	static const char msg[] = "bounce";
	char *p;

	snip26_bounce_irqs_off(page, msg, sizeof(msg));
	p = kmap_atomic(page, KM_USER0);
	CU_ASSERT_STRING_EQUAL(p, msg);
	kunmap_atomic(p, KM_USER0);
	__free_page(page);
}

static void test_snip_copy_same_slot_bugs(void)
{
	struct page *to = high_page(), *from = high_page();
	char want[256];

	snprintf(want, sizeof(want),
		 "] snip26_copy_same_slot [kmap26_snippets] %s:%d\n", SNIP,
		 snip_line("same_slot"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	snip26_copy_same_slot(to, from);
	CU_FAIL("not reached");
}

static void test_snip_copy_two_slots_silent(void)
{
	struct page *to = high_page(), *from = high_page();
	unsigned char *p;

	fill_page(from);
	snip26_copy_two_slots(to, from);
	p = kmap_atomic(to, KM_USER0);
	CU_ASSERT_EQUAL(p[1], 1);
	CU_ASSERT_EQUAL(p[PAGE_SIZE - 1], (PAGE_SIZE - 1) & 0xff);
	kunmap_atomic(p, KM_USER0);
	__free_page(from);
	__free_page(to);
}

static void test_snip_checksum_stale_oopses(void)
{
	struct page *page = high_page();
	char want[1024];

	fill_page(page);
	snprintf(want, sizeof(want),
		 "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n"
		 "kshim: and unmapped it at %s:%d (%s)\n",
		 page_to_pfn(page), SNIP, snip_line("sum_map"),
		 "snip26_checksum_stale", SNIP, snip_line("sum_unmap"),
		 "snip26_checksum_stale");
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	snip26_checksum_stale(page);
	CU_FAIL("the stale read did not fault");
}

static void test_snip_checksum_silent(void)
{
	struct page *page = high_page();

	fill_page(page);
	CU_ASSERT_EQUAL(snip26_checksum(page), 15 * 16 / 2);
	__free_page(page);
}

/* ---- 76, 77: the helpers on KM_USER0/KM_USER1 ---- */

static void set_page_bytes(struct page *page, int c)
{
	void *v = kmap_atomic(page, KM_USER0);

	memset(v, c, PAGE_SIZE);
	kunmap_atomic(v, KM_USER0);
}

/* The bytes [@from, @to) of @page all equal @c. */
static bool page_bytes_are(struct page *page, unsigned int from,
			   unsigned int to, int c)
{
	unsigned char *v = kmap_atomic(page, KM_USER1);
	bool same = true;
	unsigned int i;

	for (i = from; i < to; i++)
		same &= v[i] == c;
	kunmap_atomic(v, KM_USER1);
	return same;
}

static void test_76_clear_highpage_zeroes(void)
{
	struct page *page = high_page();

	set_page_bytes(page, 0xa5);
	clear_highpage(page);
	CU_ASSERT_TRUE(page_bytes_are(page, 0, PAGE_SIZE, 0));
	CU_ASSERT_PTR_NULL(page_address(page));
	CU_ASSERT_EQUAL(preempt_count(), 0);
	__free_page(page);
}

static void test_76_copy_highpage_copies(void)
{
	struct page *from = high_page(), *to = high_page();

	set_page_bytes(from, 0x3c);
	set_page_bytes(to, 0);
	copy_highpage(to, from);
	CU_ASSERT_TRUE(page_bytes_are(to, 0, PAGE_SIZE, 0x3c));
	copy_user_highpage(from, to, 0, NULL);
	CU_ASSERT_TRUE(page_bytes_are(from, 0, PAGE_SIZE, 0x3c));
	CU_ASSERT_EQUAL(preempt_count(), 0);
	__free_page(from);
	__free_page(to);
}

/* 76: the helpers map KM_USER0, so the rules see them in a handler. */
static void clear_in_handler(void *arg)
{
	clear_highpage(arg);	/* LINE:clear_in_irq */
}

static void test_76_clear_highpage_in_hardirq_warns(void)
{
	struct page *page = high_page();

	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(clear_in_handler, page);
	assert_report_at(KSHIM_REPORT_WARNING, "clear_in_irq");
	__free_page(page);
}

static void test_77_zero_user_segments_ranges(void)
{
	struct page *page = high_page();

	set_page_bytes(page, 0xff);
	/* The second range is empty (end < start): nothing. */
	zero_user_segments(page, 10, 20, 100, 50);
	CU_ASSERT_TRUE(page_bytes_are(page, 0, 10, 0xff));
	CU_ASSERT_TRUE(page_bytes_are(page, 10, 20, 0));
	CU_ASSERT_TRUE(page_bytes_are(page, 20, PAGE_SIZE, 0xff));
	zero_user_segment(page, PAGE_SIZE - 8, PAGE_SIZE);
	CU_ASSERT_TRUE(page_bytes_are(page, PAGE_SIZE - 8, PAGE_SIZE, 0));
	zero_user(page, 200, 16);
	CU_ASSERT_TRUE(page_bytes_are(page, 200, 216, 0));
	CU_ASSERT_TRUE(page_bytes_are(page, 216, PAGE_SIZE - 8, 0xff));
	__free_page(page);
}

static void test_77_zero_user_past_page_bugs(void)
{
	struct page *page = high_page();
	char want[256];

	snprintf(want, sizeof(want), CUT "kernel BUG at %s:%d!\n", __FILE__,
		 marker_line("zero_past_end"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	zero_user_segments(page, 0, 8, 16, PAGE_SIZE + 1); /* LINE:zero_past_end */
	CU_FAIL("not reached");
}

static CU_TestInfo snippet_tests[] = {
	{ "irq_handler_user0_warns", test_snip_irq_handler_user0_warns },
	{ "irq_handler_irq0_silent", test_snip_irq_handler_irq0_silent },
	{ "bounce_irqs_on_warns", test_snip_bounce_irqs_on_warns },
	{ "bounce_irqs_off_silent", test_snip_bounce_irqs_off_silent },
	{ "copy_same_slot_bugs", test_snip_copy_same_slot_bugs },
	{ "copy_two_slots_silent", test_snip_copy_two_slots_silent },
	{ "checksum_stale_oopses", test_snip_checksum_stale_oopses },
	{ "checksum_silent", test_snip_checksum_silent },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo helper_tests[] = {
	{ "76_clear_highpage_zeroes", test_76_clear_highpage_zeroes },
	{ "76_copy_highpage_copies", test_76_copy_highpage_copies },
	{ "76_clear_highpage_in_hardirq_warns",
	  test_76_clear_highpage_in_hardirq_warns },
	{ "77_zero_user_segments_ranges", test_77_zero_user_segments_ranges },
	{ "77_zero_user_past_page_bugs", test_77_zero_user_past_page_bugs },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kernel-style driver code", NULL, NULL, NULL, NULL, snippet_tests },
	{ "highmem helpers (KM_USER0/1)", NULL, NULL, NULL, NULL,
	  helper_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
