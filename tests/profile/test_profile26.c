/*
 * test_profile26 - the kernel's own texts and context rules follow the
 * kernel the machine runs (tests/mm/PROFILE-2.6.3x.md, issue 11 item 12).
 *
 * One source, built twice: as a 2.6.35 test program
 * (-DKSHIM_LINUX_VERSION_CODE=0x020623, test_profile26_2635) and as a 6.8
 * one (test_profile26_68).  Each test checks its profile's behaviour, so
 * the 6.x build proves the 6.x profile unchanged.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/irq.h>
#include <kshim/test.h>
#include <linux/bottom_half.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/might_sleep.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "common/expect_bug.h"

#define OLD	(LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 37))

/* The report's text has @needle. */
static void assert_has(const struct kshim_report *r, const char *needle)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	if (!strstr(r->text, needle))
		fprintf(stderr, "want \"%s\" in:\n%s", needle, r->text);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, needle));
}

static void assert_lacks(const struct kshim_report *r, const char *needle)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NULL(strstr(r->text, needle));
}

/* "<prefix><this file>:<marked line><suffix>" */
static void assert_at(const struct kshim_report *r, const char *prefix,
		      const char *marker, const char *suffix)
{
	char want[512];

	snprintf(want, sizeof(want), "%s%s:%d%s", prefix, __FILE__,
		 marker_line(marker), suffix);
	assert_has(r, want);
}

/* ---- WARN ---- */

static noinline void warn_plain(void)
{
	WARN_ON(1); /* LINE:warn_plain */
}

static void test_warn_text(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	warn_plain();
	r = assert_report_at(KSHIM_REPORT_WARNING, "warn_plain");
	assert_has(r, CUT_HERE);
	assert_has(r, "Modules linked in:");
	assert_has(r, "Call Trace:\n");
	assert_has(r, "---[ end trace ");
	if (OLD) {
		/* 2.6.35 warn_slowpath_common(): "%pS()" of the caller */
		/* %pS of the return address: "sym+0xoff/0xsize" */
		assert_at(r, CUT_HERE "WARNING: at ", "warn_plain", " ");
		assert_has(r, "+0x");
		assert_has(r, "()\nModules linked in:");
		assert_has(r, "\nPid: ");
		assert_has(r, ", comm: ");
		assert_has(r, " Not tainted 2.6.35-kshim #1\nCall Trace:\n");
		assert_lacks(r, "WARNING: CPU:");
		assert_lacks(r, "<TASK>");
		assert_lacks(r, "Hardware name:");
	} else {
		assert_has(r, CUT_HERE "WARNING: CPU: 0 PID: ");
		assert_at(r, " at ", "warn_plain", " warn_plain\n");
		assert_has(r, " Not tainted 6.8.0-kshim #1\n");
		assert_has(r, " <TASK>\n");
		assert_lacks(r, "\nPid: ");
	}
}

static noinline void warn_message(void)
{
	WARN(1, "profile says %d\n", 35); /* LINE:warn_message */
}

static void test_warn_message_order(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_WARNING, "profile says 35", 1);
	warn_message();
	r = assert_report_at(KSHIM_REPORT_WARNING, "warn_message");
	if (OLD)	/* the message follows the WARNING line */
		assert_has(r, "()\nprofile says 35\nModules linked in:");
	else		/* __warn_printk() first, then the trap's line */
		assert_has(r, CUT_HERE "profile says 35\nWARNING: CPU:");
}

/* A second WARN shows the taint of the first (2.6.35: 11 flags). */
static void test_warn_taint_flags(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 2);
	warn_plain();
	warn_plain();
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	if (OLD)
		assert_has(r, " Tainted: G        W  2.6.35-kshim #1\n");
	else
		assert_has(r, " Tainted: G        W          6.8.0-kshim #1\n");
}

/* ---- might_sleep() ---- */

static void test_might_sleep_text(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, NULL, 1);
	preempt_disable();
	might_sleep(); /* LINE:might_sleep */
	preempt_enable();
	r = assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "might_sleep");
	assert_at(r, "BUG: sleeping function called from invalid context at ",
		  "might_sleep", "\n");
	if (OLD) {
		assert_has(r, "\nin_atomic(): 1, irqs_disabled(): 0, pid: ");
		assert_lacks(r, "non_block:");
		assert_lacks(r, "preempt_count:");
		assert_lacks(r, "RCU nest depth");
		assert_has(r, "\nPid: ");
	} else {
		assert_has(r, "\nin_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: ");
		assert_has(r, "\npreempt_count: 1, expected: 0\n");
	}
}

static void test_might_sleep_silent(void)
{
	might_sleep();
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the preempt_count layout ---- */

static void test_bh_disable_count(void)
{
	local_bh_disable();
	CU_ASSERT_EQUAL(preempt_count(), OLD ? 0x100 : 0x200);
	CU_ASSERT(in_softirq());
	CU_ASSERT(in_interrupt());
	CU_ASSERT(in_atomic());
	local_bh_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT(!in_softirq());
#if OLD
	CU_ASSERT_EQUAL(SOFTIRQ_OFFSET, 0x100);
#ifdef SOFTIRQ_DISABLE_OFFSET
	CU_FAIL("2.6.35 has no SOFTIRQ_DISABLE_OFFSET");
#endif
#else
	CU_ASSERT_EQUAL(SOFTIRQ_DISABLE_OFFSET, 0x200);
#endif
}

static int seen_count;
static bool seen_nmi, seen_hardirq;

static void record_context(void *arg)
{
	seen_count = preempt_count();
	seen_nmi = in_nmi();
	seen_hardirq = in_irq();
}

static void test_nmi_count(void)
{
	kshim_run_in_nmi(record_context, NULL);
	CU_ASSERT_EQUAL(seen_count, OLD ? 0x4010000 : 0x110000);
	CU_ASSERT(seen_nmi);
	CU_ASSERT(seen_hardirq);
#if OLD
	CU_ASSERT_EQUAL(NMI_OFFSET, 0x4000000UL);
	CU_ASSERT_EQUAL(NMI_MASK, 0x4000000UL);
	CU_ASSERT_EQUAL(HARDIRQ_MASK, 0x3ff0000UL);
#else
	CU_ASSERT_EQUAL(NMI_OFFSET, 0x100000UL);
#endif
}

static void test_hardirq_count(void)
{
	kshim_run_in_hardirq(record_context, NULL);
	CU_ASSERT_EQUAL(seen_count, 0x10000);
	CU_ASSERT(!seen_nmi);
	CU_ASSERT(seen_hardirq);
}

static void bh_in_softirq(void *arg)
{
	int *counts = arg;

	counts[0] = preempt_count();
	local_bh_disable();
	counts[1] = preempt_count();
	local_bh_enable();
}

static void test_softirq_count(void)
{
	int counts[2] = { -1, -1 };

	kshim_run_in_softirq(bh_in_softirq, counts);
	CU_ASSERT_EQUAL(counts[0], 0x100);
	CU_ASSERT_EQUAL(counts[1], OLD ? 0x200 : 0x300);
}

/* ---- pagefault_disable() ---- */

static void test_pagefault_disable(void)
{
	pagefault_disable();
	if (OLD) {	/* inc_preempt_count() */
		CU_ASSERT_EQUAL(preempt_count(), 1);
		CU_ASSERT(in_atomic());
		kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, NULL, 1);
	} else {	/* its own counter since 4.2 */
		CU_ASSERT_EQUAL(preempt_count(), 0);
		CU_ASSERT(!in_atomic());
	}
	might_sleep(); /* LINE:pagefault_sleep */
	pagefault_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
	if (OLD)
		assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "pagefault_sleep");
	else
		CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- scheduling while atomic ---- */

static void test_schedule_atomic_no_reset(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, NULL, 1);
	if (!OLD)	/* 6.x forced the count to 0: the enable underflows */
		kshim_expect_report(KSHIM_REPORT_WARNING,
				    "DEBUG_LOCKS_WARN_ON(val > preempt_count())",
				    1);
	preempt_disable();
	msleep(1); /* LINE:sleep_atomic */
	r = assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "sleep_atomic");
	/* comm/pid/count, the count inside schedule() (+1) */
	assert_has(r, "/0x00000002\n");
	if (OLD)
		assert_lacks(r, "Preemption disabled at:");
	CU_ASSERT_EQUAL(preempt_count(), OLD ? 1 : 0);
	preempt_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

#if OLD
/* The count printed is in 2.6.35's layout: BH disabled is 0x100. */
static void test_schedule_atomic_count_layout(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_SCHEDULE_ATOMIC, NULL, 1);
	local_bh_disable();
	msleep(1); /* LINE:sleep_bh */
	r = assert_report_at(KSHIM_REPORT_SCHEDULE_ATOMIC, "sleep_bh");
	assert_has(r, "/0x00000101\n");
	CU_ASSERT_EQUAL(preempt_count(), 0x100);
	local_bh_enable();
	CU_ASSERT_EQUAL(preempt_count(), 0);
}
#endif

/* ---- page allocation failure ---- */

static void test_alloc_failure_line(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, NULL, 1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL)); /* LINE:alloc_fails */
	r = assert_report_at(KSHIM_REPORT_ALLOC_FAILURE, "alloc_fails");
	if (OLD) {
		assert_has(r, ": page allocation failure. order:0, mode:0xd0\n");
		assert_has(r, "\nPid: ");
		assert_lacks(r, "nodemask");
	} else {
		assert_has(r, ": page allocation failure: order:0, mode:0xcc0(GFP_KERNEL), nodemask=(null)");
	}
}

static void test_alloc_failure_atomic_mode(void)
{
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE,
			    OLD ? "page allocation failure. order:1, mode:0x20\n" :
				  "page allocation failure: order:1, mode:0x820(GFP_ATOMIC)",
			    1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	CU_ASSERT_PTR_NULL(alloc_pages(GFP_ATOMIC, 1));
}

/*
 * The rate limit: 6.x's nopage_rs prints one report per 10 s; 2.6.35's
 * printk_ratelimit() ten per 5 s.
 */
static void test_alloc_failure_rate_limit(void)
{
	int i;

	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, NULL, OLD ? 10 : 1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("times=12"), 0);
	for (i = 0; i < 12; i++)
		CU_ASSERT_PTR_NULL(alloc_page(GFP_KERNEL));
}

/* ---- IRQF_DISABLED ---- */

static bool handler_irqs_off;

static irqreturn_t flag_handler(int irq, void *dev)
{
	handler_irqs_off = irqs_disabled();
	return IRQ_HANDLED;
}

static void test_irqf_disabled(void)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 1, 0)
	int dev;

	CU_ASSERT_EQUAL(IRQF_DISABLED, 0x20);
	CU_ASSERT_EQUAL_FATAL(request_irq(5, flag_handler, IRQF_DISABLED,
					  "profile", &dev), 0);
	handler_irqs_off = false;
	CU_ASSERT_EQUAL(kshim_raise_irq(5), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(5), 0);
	CU_ASSERT(handler_irqs_off);
	CU_ASSERT_STRING_EQUAL(free_irq(5, &dev), "profile");
#else
#ifdef IRQF_DISABLED
	CU_FAIL("IRQF_DISABLED was removed in 4.1");
#endif
	(void)flag_handler;
#endif
}

/* 6.8's bit order ("mm: Rearrange page flags", 6.6) */
static void test_page_flag_bits(void)
{
	CU_ASSERT_EQUAL(PG_locked, 0);
	CU_ASSERT_EQUAL(PG_writeback, 1);
	CU_ASSERT_EQUAL(PG_lru, 5);
	CU_ASSERT_EQUAL(PG_head, 6);
	CU_ASSERT_EQUAL(PG_waiters, 7);
	CU_ASSERT_EQUAL(PG_active, 8);
	CU_ASSERT_EQUAL(PG_workingset, 9);
	CU_ASSERT_EQUAL(PG_reserved, 14);
}

#if OLD
/* ---- kunmap_atomic() of a kmap() address (2.6.35 only) ---- */

static void test_kunmap_atomic_of_kmap_bugs(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	void *v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(PageHighMem(page));
	v = kmap(page);
	kshim_expect_report(KSHIM_REPORT_BUG,
			    CUT_HERE "kernel BUG at arch/x86/mm/highmem_32.c:72!\n",
			    1);
	kunmap_atomic(v, KM_USER0); /* LINE:kunmap_atomic_kmap */
	CU_FAIL("not reached");
}

/* The kmap_atomic() address itself is unmapped silently. */
static void test_kunmap_atomic_of_its_slot_silent(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	void *v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	v = kmap_atomic(page, KM_USER0);
	CU_ASSERT_EQUAL(preempt_count(), 1);
	kunmap_atomic(v, KM_USER0);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	__free_page(page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}
#endif

static CU_TestInfo tests[] = {
	{ "warn_text", test_warn_text },
	{ "warn_message_order", test_warn_message_order },
	{ "warn_taint_flags", test_warn_taint_flags },
	{ "might_sleep_text", test_might_sleep_text },
	{ "might_sleep_silent", test_might_sleep_silent },
	{ "bh_disable_count", test_bh_disable_count },
	{ "nmi_count", test_nmi_count },
	{ "hardirq_count", test_hardirq_count },
	{ "softirq_count", test_softirq_count },
	{ "pagefault_disable", test_pagefault_disable },
	{ "schedule_atomic_no_reset", test_schedule_atomic_no_reset },
	{ "alloc_failure_line", test_alloc_failure_line },
	{ "alloc_failure_atomic_mode", test_alloc_failure_atomic_mode },
	{ "alloc_failure_rate_limit", test_alloc_failure_rate_limit },
	{ "irqf_disabled", test_irqf_disabled },
	{ "page_flag_bits", test_page_flag_bits },
#if OLD
	{ "schedule_atomic_count_layout", test_schedule_atomic_count_layout },
	{ "kunmap_atomic_of_kmap_bugs", test_kunmap_atomic_of_kmap_bugs },
	{ "kunmap_atomic_of_its_slot_silent",
	  test_kunmap_atomic_of_its_slot_silent },
#endif
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "profile", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

int main(int argc, char **argv)
{
	if (kshim_boot("KSHIM_HIGHMEM=16M", NULL))
		return 99;
	return kshim_run_suites(suites, argc, argv);
}
