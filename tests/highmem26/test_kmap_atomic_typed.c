/*
 * test_kmap_atomic_typed - the typed kmap_atomic(page, KM_...) of the
 * 2.6.3x profile (asm/highmem.h, compat/mm/highmem_32.c), as a driver
 * built for 2.6.35 (or 2.6.36: this file is built twice, see
 * tests/highmem26/Makemodule.am) sees it: kernel-api.md §5.2, §5.3 and
 * §10 items 55-63 (and 90 for the atomic slots).  Kernel-style driver
 * code and the helpers of that era are in test_kmap_typed_drivers.c.
 *
 * Negative tests name the exact line of this file that misused the API
 * (LINE:<name> markers): the kernel's report text names mm/highmem.c or
 * arch/x86/mm/highmem_32.c, the report event and the call trace name the
 * driver's line.  A BUG ends its test.
 *
 * Not applicable (noted, not tested):
 *  - 57 [old] / 58 without CONFIG_DEBUG_HIGHMEM: kshim is always a
 *    DEBUG_HIGHMEM kernel;
 *  - 62 [2.6.31]: the spurious KM_IRQ_PTE/KM_NMI warnings (2.6.32+ here);
 *  - 63 [2.6.28-2.6.29]: the debug_kmap_atomic_prot() text of x86;
 *  - KM_KDB's rule (2.6.36 with CONFIG_KGDB_KDB only).
 */
#include <string.h>

#include <kshim/boot.h>
#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/bottom_half.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/version.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "highmem26/typed_test.h"

/* ---- 56: enum km_type ---- */

static void test_56_km_type_values(void)
{
	static const int want[] = {
		KM_BOUNCE_READ, KM_SKB_SUNRPC_DATA, KM_SKB_DATA_SOFTIRQ,
		KM_USER0, KM_USER1, KM_BIO_SRC_IRQ, KM_BIO_DST_IRQ, KM_PTE0,
		KM_PTE1, KM_IRQ0, KM_IRQ1, KM_SOFTIRQ0, KM_SOFTIRQ1,
		KM_SYNC_ICACHE, KM_SYNC_DCACHE, KM_UML_USERCOPY, KM_IRQ_PTE,
		KM_NMI, KM_NMI_PTE, KM_KDB,
	};
	unsigned int i;

	/* 2.6.35/2.6.36 include/asm-generic/kmap_types.h, in order. */
	for (i = 0; i < ARRAY_SIZE(want); i++)
		CU_ASSERT_EQUAL(want[i], (int)i);
	CU_ASSERT_EQUAL(KM_TYPE_NR, 20);
	CU_ASSERT_EQUAL(sizeof(enum km_type) >= sizeof(char), 1);
}

/* ---- 55: lowmem pages ---- */

static void test_55_lowmem_is_page_address(void)
{
	struct page *page = low_page();
	int count = preempt_count();
	char *p;

	p = kmap_atomic(page, KM_USER0);
	CU_ASSERT_PTR_EQUAL(p, page_address(page));
	/* pagefault_disable() of 2.6.35 raises the preempt count. */
	CU_ASSERT_EQUAL(preempt_count(), count + 1);
	CU_ASSERT_TRUE(in_atomic());
	memset(p, 0x5a, PAGE_SIZE);
	CU_ASSERT_PTR_EQUAL(kmap_atomic_to_page(p), page);
	kunmap_atomic(p, KM_USER0);
	CU_ASSERT_EQUAL(preempt_count(), count);
	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_EQUAL(((unsigned char *)page_address(page))[PAGE_SIZE - 1],
			0x5a);
	__free_page(page);
}

/* 55: two lowmem pages may share a type: no slot is used. */
static void test_55_lowmem_same_type_twice_silent(void)
{
	struct page *a = low_page(), *b = low_page();
	void *pa, *pb;

	pa = kmap_atomic(a, KM_USER0);
	pb = kmap_atomic(b, KM_USER0);
	CU_ASSERT_PTR_EQUAL(pa, page_address(a));
	CU_ASSERT_PTR_EQUAL(pb, page_address(b));
	kunmap_atomic(pb, KM_USER0);
	kunmap_atomic(pa, KM_USER0);
	__free_page(b);
	__free_page(a);
}

/* 55: inside the section a sleeping function reports (in_atomic()). */
static void test_55_might_sleep_inside_reports(void)
{
	struct page *page = low_page();
	void *p;

	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP,
			    "BUG: sleeping function called from invalid context", 1);
	p = kmap_atomic(page, KM_USER0);
	might_sleep();	/* LINE:might_sleep */
	kunmap_atomic(p, KM_USER0);
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "might_sleep");
	__free_page(page);
}

/* 62: the rules are for highmem pages only: lowmem in hardirq is fine. */
static void lowmem_user0(void *arg)
{
	struct page *page = arg;
	void *p = kmap_atomic(page, KM_USER0);

	CU_ASSERT_PTR_EQUAL(p, page_address(page));
	kunmap_atomic(p, KM_USER0);
}

static void test_62_lowmem_rules_not_checked(void)
{
	struct page *page = low_page();

	kshim_run_in_hardirq(lowmem_user0, page);
	kshim_run_in_softirq(lowmem_user0, page);
	kshim_run_in_nmi(lowmem_user0, page);
	__free_page(page);
}

/* ---- highmem pages: the slots ---- */

static void test_55_highmem_maps_slot(void)
{
	struct page *page = high_page();
	int count = preempt_count();
	unsigned char *p, *q;

	CU_ASSERT_PTR_NULL(page_address(page));
	p = kmap_atomic(page, KM_USER0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(preempt_count(), count + 1);
	CU_ASSERT_PTR_EQUAL(kmap_atomic_to_page(p + 100), page);
	/* 90: page_address() is never an atomic slot (only a kmap() one). */
	CU_ASSERT_PTR_NULL(page_address(page));
	memset(p, 0xa5, PAGE_SIZE);
	/* A second type is a second slot: both mapped at once. */
	q = kmap_atomic(page, KM_USER1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_PTR_NOT_EQUAL(q, p);
	CU_ASSERT_EQUAL(q[0], 0xa5);
	CU_ASSERT_EQUAL(q[PAGE_SIZE - 1], 0xa5);
	q[7] = 7;
	CU_ASSERT_EQUAL(p[7], 7);
	kunmap_atomic(q, KM_USER1);
	/* kunmap_atomic() takes any address inside the page. */
	kunmap_atomic(p + 123, KM_USER0);
	CU_ASSERT_EQUAL(preempt_count(), count);
	CU_ASSERT_PTR_NULL(page_address(page));

	/* The slot is free again: the same type maps the page once more. */
	p = kmap_atomic(page, KM_USER0);
	CU_ASSERT_EQUAL(p[7], 7);
	kunmap_atomic(p, KM_USER0);
	__free_page(page);
}

/* 56/60: every type has a slot of its own and may map in process context. */
static void test_61_process_context_types_silent(void)
{
	static const int types[] = {
		KM_SKB_SUNRPC_DATA, KM_SKB_DATA_SOFTIRQ, KM_USER0, KM_USER1,
		KM_PTE0, KM_PTE1, KM_SYNC_ICACHE, KM_SYNC_DCACHE,
		KM_UML_USERCOPY, KM_KDB,
	};
	struct page *page = high_page();
	void *p[ARRAY_SIZE(types)];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		p[i] = kmap_atomic(page, types[i]);
	for (i = ARRAY_SIZE(types); i-- > 0;)
		kunmap_atomic(p[i], types[i]);
	__free_page(page);
}

/* 57: a slot still mapped on this CPU is mapped again: BUG. */
static void test_57_same_slot_twice_bugs(void)
{
	struct page *a = high_page(), *b = high_page();

	expect_highmem_32_bug(45);
	kmap_atomic(a, KM_USER0);
	kmap_atomic(b, KM_USER0);	/* LINE:same_slot */
	CU_FAIL("not reached");
}

/* 57: the classic: the process holds KM_USER0, an IRQ handler takes it. */
static void irq_takes_user0(void *arg)
{
	kmap_atomic(arg, KM_USER0);	/* LINE:irq_user0_again */
}

static void test_57_irq_reuses_process_slot_bugs(void)
{
	struct page *a = high_page(), *b = high_page();

	/* Rule A warns first, then the slot is found busy. */
	expect_kmap_warn(HM_LINE(444), 1);
	expect_highmem_32_bug(45);
	kmap_atomic(a, KM_USER0);
	kshim_run_in_hardirq(irq_takes_user0, b);
	CU_FAIL("not reached");
}

/* 58: kunmap_atomic() with another type than the map's: BUG. */
static void test_58_wrong_type_at_unmap_bugs(void)
{
	struct page *page = high_page();
	void *p;

	expect_highmem_32_bug(72);
	p = kmap_atomic(page, KM_USER0);
	kunmap_atomic(p, KM_USER1);	/* LINE:wrong_type */
	CU_FAIL("not reached");
}

/* 58: the report also names the driver's call, first in the trace. */
static void test_58_wrong_type_report_names_caller(void)
{
	struct page *page = high_page();
	char want[256];
	void *p;

	snprintf(want, sizeof(want), "] %s %s:%d\n", __func__, __FILE__,
		 marker_line("wrong_type2"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	p = kmap_atomic(page, KM_PTE1);
	kunmap_atomic(p, KM_PTE0);	/* LINE:wrong_type2 */
	CU_FAIL("not reached");
}

/*
 * One kunmap_atomic() too many: the slot is already clear (nothing to
 * report there), but pagefault_enable() drops a preempt count that is not
 * held: sub_preempt_count()'s DEBUG_PREEMPT warning, at that line.
 */
static void test_double_kunmap_atomic_warns(void)
{
	struct page *page = high_page();
	void *p;

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DEBUG_LOCKS_WARN_ON(val > preempt_count())", 1);
	p = kmap_atomic(page, KM_USER0);
	kunmap_atomic(p, KM_USER0);
	kunmap_atomic(p, KM_USER0);	/* LINE:double_unmap */
	assert_report_at(KSHIM_REPORT_WARNING, "double_unmap");
	CU_ASSERT_EQUAL(preempt_count(), 0);
	__free_page(page);
}

/* 58: a NULL address is below PAGE_OFFSET: BUG at line 71. */
static void test_58_null_at_unmap_bugs(void)
{
	expect_highmem_32_bug(71);
	kunmap_atomic(NULL, KM_USER0);	/* LINE:null_unmap */
	CU_FAIL("not reached");
}

/* 59: 2.6.35's kunmap_atomic() is a function of void *: a struct page *
 * compiles and, being "lowmem", passes (2.6.36 refuses it at build time:
 * tests/compile-fail/kunmap_atomic_page_2_6_36.c). */
static void test_59_page_pointer_at_unmap(void)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 36)
	struct page *page = low_page();
	int count = preempt_count();

	kmap_atomic(page, KM_USER0);
	kunmap_atomic(page, KM_USER0);
	CU_ASSERT_EQUAL(preempt_count(), count);
	__free_page(page);
#endif
}

/* ---- 60, 61, 63: debug_kmap_atomic() ---- */

struct map_req {
	struct page *page;
	int type;
};

static void map_unmap(void *arg)
{
	struct map_req *r = arg;
	void *p = kmap_atomic(r->page, r->type);	/* LINE:in_context */

	CU_ASSERT_PTR_NOT_NULL(p);
	kunmap_atomic(p, r->type);
}

/* The case: KM_USER0 in a hard interrupt warns (rule A). */
static void test_60_user0_in_hardirq_warns(void)
{
	struct map_req r = { high_page(), KM_USER0 };

	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(map_unmap, &r);
	assert_report_at(KSHIM_REPORT_WARNING, "in_context");
	__free_page(r.page);
}

/* 63: the whole 2.6.3x WARN format, then the driver in the trace. */
static void test_63_warning_text(void)
{
	struct map_req r = { high_page(), KM_USER1 };
	const struct kshim_report *w;
	char line[256];

	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(map_unmap, &r);
	w = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(w);
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "debug_kmap_atomic+0x"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "/0x"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "()\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "Modules linked in:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "Pid: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 36)
				      " 2.6.36-kshim #1\n"
#else
				      " 2.6.35-kshim #1\n"
#endif
				      ));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "Call Trace:\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "---[ end trace "));
	/* 6.x's "WARNING: CPU:" form is not used for this profile. */
	CU_ASSERT_PTR_NULL(strstr(w->text, "WARNING: CPU:"));
	/* The call trace starts with the driver's call. */
	snprintf(line, sizeof(line), "] map_unmap %s:%d\n", __FILE__,
		 marker_line("in_context"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, "Call Trace:\n [<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(w->text, line));
	CU_ASSERT_TRUE(test_taint(TAINT_WARN));
	__free_page(r.page);
}

/* The hardirq slots in a hard interrupt (IRQs off): silent. */
static void test_60_irq_types_in_hardirq_silent(void)
{
	static const int types[] = {
		KM_IRQ0, KM_IRQ1, KM_BIO_SRC_IRQ, KM_BIO_DST_IRQ,
		KM_BOUNCE_READ, KM_IRQ_PTE,
	};
	struct map_req r = { high_page(), 0 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		r.type = types[i];
		kshim_run_in_hardirq(map_unmap, &r);
	}
	__free_page(r.page);
}

/* Softirq with IRQs on: only the softirq-safe slots (rule A, line 453). */
static void test_60_user0_in_softirq_warns(void)
{
	struct map_req r = { high_page(), KM_USER0 };

	expect_kmap_warn(HM_LINE(453), 1);
	kshim_run_in_softirq(map_unmap, &r);
	assert_report_at(KSHIM_REPORT_WARNING, "in_context");
	__free_page(r.page);
}

static void test_60_softirq_types_in_softirq_silent(void)
{
	static const int types[] = {
		KM_SOFTIRQ0, KM_SOFTIRQ1, KM_SKB_SUNRPC_DATA,
		KM_SKB_DATA_SOFTIRQ,
	};
	struct map_req r = { high_page(), 0 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		r.type = types[i];
		kshim_run_in_softirq(map_unmap, &r);
	}
	__free_page(r.page);
}

/* Softirq with IRQs off: rule A is not checked there. */
static void irqs_off_map_unmap(void *arg)
{
	unsigned long flags;

	local_irq_save(flags);
	map_unmap(arg);
	local_irq_restore(flags);
}

static void test_60_softirq_irqs_off_not_checked(void)
{
	struct map_req r = { high_page(), KM_USER0 };

	kshim_run_in_softirq(irqs_off_map_unmap, &r);
	__free_page(r.page);
}

/* NMI: only KM_NMI and KM_NMI_PTE (rule A, line 437). */
static void test_60_user0_in_nmi_warns(void)
{
	struct map_req r = { high_page(), KM_USER0 };

	expect_kmap_warn(HM_LINE(437), 1);
	kshim_run_in_nmi(map_unmap, &r);
	assert_report_at(KSHIM_REPORT_WARNING, "in_context");
	__free_page(r.page);
}

static void test_60_nmi_types_in_nmi_silent(void)
{
	struct map_req r = { high_page(), KM_NMI };

	kshim_run_in_nmi(map_unmap, &r);
	r.type = KM_NMI_PTE;
	kshim_run_in_nmi(map_unmap, &r);
	__free_page(r.page);
}

/* Rule B: an IRQ slot with IRQs on warns, wherever (line 464). */
static void test_61_irq0_with_irqs_on_warns(void)
{
	struct page *page = high_page();
	void *p;

	expect_kmap_warn(HM_LINE(464), 1);
	p = kmap_atomic(page, KM_IRQ0);	/* LINE:irq0_irqs_on */
	kunmap_atomic(p, KM_IRQ0);
	assert_report_at(KSHIM_REPORT_WARNING, "irq0_irqs_on");
	__free_page(page);
}

/* Rule B: with IRQs off, an IRQ slot is fine in process context. */
static void test_61_irq0_with_irqs_off_silent(void)
{
	struct page *page = high_page();
	unsigned long flags;
	void *p;

	local_irq_save(flags);
	p = kmap_atomic(page, KM_IRQ0);
	kunmap_atomic(p, KM_IRQ0);
	p = kmap_atomic(page, KM_NMI);
	kunmap_atomic(p, KM_NMI);
	local_irq_restore(flags);
	__free_page(page);
}

/* Rule B: a softirq slot in process context with IRQs on (line 469). */
static void test_61_softirq0_in_process_warns(void)
{
	struct page *page = high_page();
	void *p;

	expect_kmap_warn(HM_LINE(469), 1);
	p = kmap_atomic(page, KM_SOFTIRQ0);	/* LINE:softirq0_process */
	kunmap_atomic(p, KM_SOFTIRQ0);
	assert_report_at(KSHIM_REPORT_WARNING, "softirq0_process");
	__free_page(page);
}

/* Rule B: with BHs disabled, irq_count() != 0: a softirq slot is fine. */
static void test_61_softirq0_bh_disabled_silent(void)
{
	struct page *page = high_page();
	void *p;

	local_bh_disable();
	p = kmap_atomic(page, KM_SOFTIRQ1);
	kunmap_atomic(p, KM_SOFTIRQ1);
	local_bh_enable();
	__free_page(page);
}

/* 62: both rules report on one call: softirq, IRQs on, a bio IRQ slot. */
static void test_62_both_rules_warn(void)
{
	struct map_req r = { high_page(), KM_BIO_SRC_IRQ };

	expect_kmap_warn(HM_LINE(453), 1);
	expect_kmap_warn(HM_LINE(464), 1);
	kshim_run_in_softirq(map_unmap, &r);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 2);
	__free_page(r.page);
}

/* 62: warn_count starts at 10 and the checks stop once it is below 0. */
static void test_62_warn_count_limit(void)
{
	struct page *page = high_page();
	unsigned int i;
	void *p;

	expect_kmap_warn(HM_LINE(464), 11);
	for (i = 0; i < 15; i++) {
		p = kmap_atomic(page, KM_IRQ1);
		kunmap_atomic(p, KM_IRQ1);
	}
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_WARNING), 11);
	__free_page(page);
}

/* ---- kmap_atomic_pfn() (iomap_32.c) ---- */

static void test_kmap_atomic_pfn_highmem(void)
{
	struct page *page = high_page();
	unsigned char *p;

	p = kmap_atomic_pfn(page_to_pfn(page), KM_USER0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	p[1] = 0x11;
	CU_ASSERT_PTR_EQUAL(kmap_atomic_to_page(p), page);
	kunmap_atomic(p, KM_USER0);
	p = kmap_atomic(page, KM_USER1);
	CU_ASSERT_EQUAL(p[1], 0x11);
	kunmap_atomic(p, KM_USER1);
	__free_page(page);
}

/* kmap_atomic_prot_pfn() checks the type for any frame, lowmem too. */
static void pfn_user0(void *arg)
{
	struct page *page = arg;
	void *p = kmap_atomic_pfn(page_to_pfn(page), KM_USER0); /* LINE:pfn_irq */

	kunmap_atomic(p, KM_USER0);
}

static void test_60_kmap_atomic_pfn_lowmem_checked(void)
{
	struct page *page = low_page();

	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(pfn_user0, page);
	assert_report_at(KSHIM_REPORT_WARNING, "pfn_irq");
	__free_page(page);
}

/* A value outside enum km_type: kshim's own BUG (the kernel would map
 * some other fixmap slot). */
static void test_bad_type_bugs(void)
{
	struct page *page = low_page();
	char want[256];

	snprintf(want, sizeof(want), "kernel BUG at %s:%d!", __FILE__,
		 marker_line("bad_type"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	kmap_atomic(page, KM_TYPE_NR);	/* LINE:bad_type */
	CU_FAIL("not reached");
}

/* ---- stale pointers, KSHIM_KMAP_FORCE_MAP, the ledger ---- */

/*
 * The history lines of the window oops (compat/arch/fault.c): where the
 * typed map and unmap were.  (The faulting line that follows them is the
 * fault handler's business: tests/highmem.)
 */
static void expect_window_oops(struct page *page, const char *func,
			       const char *map, const char *unmap)
{
	char want[1024];

	snprintf(want, sizeof(want),
		 "kshim: it last mapped page pfn:%#lx at %s:%d (%s)\n"
		 "kshim: and unmapped it at %s:%d (%s)\n",
		 page_to_pfn(page), __FILE__, marker_line(map), func, __FILE__,
		 marker_line(unmap), func);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
}

/* A pointer kept after kunmap_atomic() of a highmem page faults. */
static void test_stale_pointer_after_kunmap_atomic_oopses(void)
{
	struct page *page = high_page();
	char *p;

	expect_window_oops(page, __func__, "stale_map", "stale_unmap");
	p = kmap_atomic(page, KM_USER0);	/* LINE:stale_map */
	p[0] = 1;
	kunmap_atomic(p, KM_USER0);		/* LINE:stale_unmap */
	WRITE_ONCE(p[1], 2);
	CU_FAIL("the stale write did not fault");
}

/* KSHIM_KMAP_FORCE_MAP=1: lowmem goes through the slot window too. */
static void test_force_map_lowmem_uses_slot(void)
{
	struct page *page;
	unsigned char *p;

	page = forced_low_page();
	p = kmap_atomic(page, KM_USER0);
	CU_ASSERT_PTR_NOT_EQUAL(p, page_address(page));
	CU_ASSERT_PTR_EQUAL(kmap_atomic_to_page(p), page);
	p[5] = 0x55;
	kunmap_atomic(p, KM_USER0);
	CU_ASSERT_EQUAL(((unsigned char *)page_address(page))[5], 0x55);
	__free_page(page);
}

static void test_force_map_lowmem_stale_pointer_oopses(void)
{
	struct page *page;
	char *p;

	page = forced_low_page();
	expect_window_oops(page, __func__, "force_map", "force_unmap");
	p = kmap_atomic(page, KM_USER1);	/* LINE:force_map */
	kunmap_atomic(p, KM_USER1);		/* LINE:force_unmap */
	WRITE_ONCE(p[0], 1);
	CU_FAIL("the stale write did not fault");
}

/* With FORCE_MAP a lowmem page follows the highmem rules as well. */
static void test_force_map_lowmem_rules_apply(void)
{
	struct map_req r;

	r.page = forced_low_page();
	r.type = KM_USER0;
	expect_kmap_warn(HM_LINE(444), 1);
	kshim_run_in_hardirq(map_unmap, &r);
	__free_page(r.page);
}

/*
 * A typed mapping left at the test's end: pagefault_disable() of 2.6.35
 * is the preempt count, so the ledger's first complaint is that, and it
 * names the kmap_atomic() line ("Preemption disabled at:").
 */
static void test_leaked_map_reported(void)
{
	struct page *page = high_page();
	char want[256];

	snprintf(want, sizeof(want), "] %s %s:%d\n", __func__, __FILE__,
		 marker_line("leak"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	kmap_atomic(page, KM_USER1);	/* LINE:leak */
	CU_ASSERT_EQUAL(preempt_count(), 1);
}
static CU_TestInfo slot_tests[] = {
	{ "56_km_type_values", test_56_km_type_values },
	{ "55_lowmem_is_page_address", test_55_lowmem_is_page_address },
	{ "55_lowmem_same_type_twice_silent",
	  test_55_lowmem_same_type_twice_silent },
	{ "55_might_sleep_inside_reports", test_55_might_sleep_inside_reports },
	{ "55_highmem_maps_slot", test_55_highmem_maps_slot },
	{ "57_same_slot_twice_bugs", test_57_same_slot_twice_bugs },
	{ "57_irq_reuses_process_slot_bugs",
	  test_57_irq_reuses_process_slot_bugs },
	{ "58_wrong_type_at_unmap_bugs", test_58_wrong_type_at_unmap_bugs },
	{ "58_wrong_type_report_names_caller",
	  test_58_wrong_type_report_names_caller },
	{ "58_null_at_unmap_bugs", test_58_null_at_unmap_bugs },
	{ "double_kunmap_atomic_warns", test_double_kunmap_atomic_warns },
	{ "59_page_pointer_at_unmap", test_59_page_pointer_at_unmap },
	{ "kmap_atomic_pfn_highmem", test_kmap_atomic_pfn_highmem },
	{ "bad_type_bugs", test_bad_type_bugs },
	{ "stale_pointer_after_kunmap_atomic_oopses",
	  test_stale_pointer_after_kunmap_atomic_oopses },
	{ "force_map_lowmem_uses_slot", test_force_map_lowmem_uses_slot },
	{ "force_map_lowmem_stale_pointer_oopses",
	  test_force_map_lowmem_stale_pointer_oopses },
	{ "leaked_map_reported", test_leaked_map_reported },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo rule_tests[] = {
	{ "60_user0_in_hardirq_warns", test_60_user0_in_hardirq_warns },
	{ "63_warning_text", test_63_warning_text },
	{ "60_irq_types_in_hardirq_silent",
	  test_60_irq_types_in_hardirq_silent },
	{ "60_user0_in_softirq_warns", test_60_user0_in_softirq_warns },
	{ "60_softirq_types_in_softirq_silent",
	  test_60_softirq_types_in_softirq_silent },
	{ "60_softirq_irqs_off_not_checked",
	  test_60_softirq_irqs_off_not_checked },
	{ "60_user0_in_nmi_warns", test_60_user0_in_nmi_warns },
	{ "60_nmi_types_in_nmi_silent", test_60_nmi_types_in_nmi_silent },
	{ "60_kmap_atomic_pfn_lowmem_checked",
	  test_60_kmap_atomic_pfn_lowmem_checked },
	{ "61_irq0_with_irqs_on_warns", test_61_irq0_with_irqs_on_warns },
	{ "61_irq0_with_irqs_off_silent", test_61_irq0_with_irqs_off_silent },
	{ "61_softirq0_in_process_warns", test_61_softirq0_in_process_warns },
	{ "61_softirq0_bh_disabled_silent",
	  test_61_softirq0_bh_disabled_silent },
	{ "61_process_context_types_silent",
	  test_61_process_context_types_silent },
	{ "62_lowmem_rules_not_checked", test_62_lowmem_rules_not_checked },
	{ "62_both_rules_warn", test_62_both_rules_warn },
	{ "62_warn_count_limit", test_62_warn_count_limit },
	{ "force_map_lowmem_rules_apply", test_force_map_lowmem_rules_apply },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmap_atomic_typed_slots", NULL, NULL, NULL, NULL, slot_tests },
	{ "debug_kmap_atomic", NULL, NULL, NULL, NULL, rule_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
