/*
 * test_kmap_local - kmap_local_page() and the stack kmap_atomic() of 6.8
 * (include/linux/highmem-internal.h, mm/highmem.c with
 * CONFIG_DEBUG_KMAP_LOCAL): checklist items 64 and 68-75 of the kernel
 * API reference (section 10); 73 (kunmap_local/kunmap_atomic of a struct
 * page * do not compile) is in tests/compile-fail/.
 */
#include <string.h>

#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/sched.h>

#include "highmem/highmem_test.h"

#define THIS_FILE	"tests/highmem/test_kmap_local.c"
#define DEPTH		16	/* usable levels of the kmap_local stack */

/* ---- 64, 74: kmap_atomic ---- */

static void test_kmap_atomic_lowmem(void)
{
	struct page *page = low_page();
	char *p;

	CU_ASSERT_FALSE(in_atomic());
	p = kmap_atomic(page);
	CU_ASSERT_PTR_EQUAL(p, page_address(page));
	CU_ASSERT_TRUE(in_atomic());
	CU_ASSERT_TRUE(pagefault_disabled());
	kunmap_atomic(p);
	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_FALSE(pagefault_disabled());
	__free_page(page);
}

static void test_kmap_atomic_highmem(void)
{
	struct page *page = high_page();
	char *p = kmap_atomic(page);

	CU_ASSERT_FALSE(virt_addr_valid(p));
	CU_ASSERT_TRUE(in_atomic());
	CU_ASSERT_TRUE(pagefault_disabled());
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 2);
	strcpy(p, "atomic");
	kunmap_atomic(p + 3);		/* any address inside the page */
	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	p = kmap_local_page(page);
	CU_ASSERT_STRING_EQUAL(p, "atomic");
	kunmap_local(p);
	__free_page(page);
}

static void test_might_sleep_inside_kmap_atomic(void)
{
	struct page *page = low_page();
	char *p;

	expect_might_sleep_at(THIS_FILE, "sleep_in_atomic");
	p = kmap_atomic(page);
	might_sleep();				/* LINE:sleep_in_atomic */
	kunmap_atomic(p);
	__free_page(page);
}

static void test_might_sleep_inside_kmap_local_silent(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	might_sleep();
	might_fault();
	kunmap_local(p);
	__free_page(page);
}

/* "Preemption disabled at:" names the kmap_atomic() line. */
static void test_kmap_atomic_preempt_site(void)
{
	struct page *page = high_page();
	char want[256];
	char *p;

	/* "Preemption disabled at:\n[<ip>] func file:line": ip varies. */
	snprintf(want, sizeof(want), ">] %s %s:%d\n",
		 "test_kmap_atomic_preempt_site", THIS_FILE,
		 marker_line("atomic_site"));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	p = kmap_atomic(page);			/* LINE:atomic_site */
	might_sleep();
	kunmap_atomic(p);
	__free_page(page);
}

static void test_kmap_atomic_pfn(void)
{
	struct page *page = high_page();
	char *p = kmap_atomic_pfn(page_to_pfn(page));

	CU_ASSERT_TRUE(in_atomic());
	p[0] = 'p';
	kunmap_atomic(p);
	p = kmap_local_pfn(page_to_pfn(page));
	CU_ASSERT_EQUAL(p[0], 'p');
	kunmap_local(p);
	__free_page(page);
}

/* ---- 68: lowmem kmap_local has no side effect ---- */

static void test_kmap_local_lowmem_no_side_effects(void)
{
	struct page *page = low_page();
	char *p = kmap_local_page(page);

	CU_ASSERT_PTR_EQUAL(p, page_address(page));
	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_FALSE(pagefault_disabled());
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	kunmap_local(p);
	kunmap_local(p);		/* a no-op: nothing was pushed */
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(page);
}

static void test_kmap_local_highmem_no_atomic(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_FALSE(pagefault_disabled());
	CU_ASSERT_PTR_NULL(page_address(page));
	kunmap_local(p);
	__free_page(page);
}

/* ---- 69: depth ---- */

static struct page *pages[DEPTH + 1];

static void alloc_pages_for_depth(void)
{
	int i;

	for (i = 0; i <= DEPTH; i++)
		pages[i] = high_page();
}

static void free_pages_for_depth(void)
{
	int i;

	for (i = 0; i <= DEPTH; i++)
		__free_page(pages[i]);
}

static void test_kmap_local_16_levels(void)
{
	char *p[DEPTH];
	int i;

	alloc_pages_for_depth();
	for (i = 0; i < DEPTH; i++) {
		p[i] = kmap_local_page(pages[i]);
		p[i][0] = (char)i;
	}
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 2 * DEPTH);
	for (i = 0; i < DEPTH; i++)
		CU_ASSERT_EQUAL(p[i][0], (char)i);
	for (i = DEPTH - 1; i >= 0; i--)
		kunmap_local(p[i]);
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	free_pages_for_depth();
}

static void test_kmap_local_17th_bugs(void)
{
	int i;

	alloc_pages_for_depth();
	for (i = 0; i < DEPTH; i++)
		kmap_local_page(pages[i]);
	expect_vm_bug("seventeenth");
	kmap_local_page(pages[DEPTH]);		/* LINE:seventeenth */
	CU_FAIL("the 17th kmap_local_page() returned");
}

static void test_kunmap_local_extra_bugs(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	kunmap_local(p);
	/* The slot is no longer the top: the LIFO warning, then the BUG. */
	expect_warning_at(THIS_FILE, "extra_unmap");
	expect_vm_bug("extra_unmap");
	kunmap_local(p);			/* LINE:extra_unmap */
	CU_FAIL("an unmap more than maps returned");
}

static struct page *irq_page;

static void map_in_hardirq_irqs_on(void *arg)
{
	char *p;

	local_irq_enable();
	p = kmap_local_page(irq_page);		/* LINE:push_irqs_on */
	local_irq_disable();
	kunmap_local(p);
}

static void test_push_in_hardirq_irqs_on_warns(void)
{
	irq_page = high_page();
	expect_warning_at(THIS_FILE, "push_irqs_on");
	kshim_run_in_hardirq(map_in_hardirq_irqs_on, NULL);
	__free_page(irq_page);
}

static void map_in_hardirq(void *arg)
{
	char *p = kmap_local_page(irq_page);

	p[0] = 'i';
	kunmap_local(p);
	p = kmap_atomic(irq_page);
	CU_ASSERT_EQUAL(p[0], 'i');
	kunmap_atomic(p);
}

static void test_push_in_hardirq_irqs_off_silent(void)
{
	irq_page = high_page();
	kshim_run_in_hardirq(map_in_hardirq, NULL);
	kshim_run_in_softirq(map_in_hardirq, NULL);
	kshim_run_in_nmi(map_in_hardirq, NULL);
	__free_page(irq_page);
}

/* ---- 70, 71: order and addresses ---- */

static void test_out_of_order_warns_once_top_torn_down(void)
{
	struct page *a = high_page(), *b = high_page();
	char *pa = kmap_local_page(a);
	char *pb = kmap_local_page(b);

	pa[0] = 'a';
	pb[0] = 'b';
	expect_warning_at(THIS_FILE, "out_of_order");
	kunmap_local(pa);			/* LINE:out_of_order */
	/* b's window went; a's is still there. */
	CU_ASSERT_EQUAL(pa[0], 'a');
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 2);
	kunmap_local(pb);			/* once: no second warning */
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(a);
	__free_page(b);
}

static void test_in_order_silent(void)
{
	struct page *a = high_page(), *b = low_page(), *c = high_page();
	char *pa = kmap_local_page(a);
	char *pb = kmap_local_page(b);	/* lowmem: not on the stack */
	char *pc = kmap_local_page(c);

	pc[0] = pb[0] = pa[0] = 1;
	kunmap_local(pc);
	kunmap_local(pb);
	kunmap_local(pa);
	__free_page(a);
	__free_page(b);
	__free_page(c);
}

static void test_kunmap_local_inside_page(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	kunmap_local(p + PAGE_SIZE - 1);
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(page);
}

static void test_kunmap_local_user_address_warns(void)
{
	expect_warning_at(THIS_FILE, "user_addr");
	kunmap_local((void *)0x1000);		/* LINE:user_addr */
}

static void test_force_map_kunmap_non_kmap_warns(void)
{
	struct page *page;

	page = forced_low_page();
	expect_warning_at(THIS_FILE, "force_foreign");
	kunmap_local(page_address(page));	/* LINE:force_foreign */
	__free_page(page);
}

static void test_force_map_lowmem_pushed(void)
{
	struct page *page;
	char *p;

	page = forced_low_page();
	p = kmap_local_page(page);
	CU_ASSERT_PTR_NOT_EQUAL(p, page_address(page));
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 2);
	kunmap_local(p);
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	__free_page(page);
}

/* ---- 72: a mapping left at the end of the test ---- */

static void test_leaked_kmap_local_reported(void)
{
	struct page *page = high_page();
	char want[256];

	snprintf(want, sizeof(want), "mapped at %s:%d (%s), never unmapped",
		 THIS_FILE, marker_line("leaked_local"),
		 "test_leaked_kmap_local_reported");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	kmap_local_page(page);			/* LINE:leaked_local */
	__free_page(page);
}

/* ---- 75: kmap_to_page ---- */

static void test_kmap_to_page_linear_silent(void)
{
	struct page *page = low_page();

	CU_ASSERT_PTR_EQUAL(kmap_to_page(page_address(page)), page);
	CU_ASSERT_PTR_EQUAL(kmap_to_page((char *)page_address(page) + 5),
			    page);
	__free_page(page);
}

static void test_kmap_to_page_kmap_warns(void)
{
	struct page *page = high_page();
	char *p = kmap(page);

	expect_warning_at(THIS_FILE, "to_page_kmap");
	CU_ASSERT_PTR_EQUAL(kmap_to_page(p), page);	/* LINE:to_page_kmap */
	kunmap(page);
	__free_page(page);
}

static void test_kmap_to_page_local_warns(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	expect_warning_at(THIS_FILE, "to_page_local");
	CU_ASSERT_PTR_EQUAL(kmap_to_page(p + 9), page);	/* LINE:to_page_local */
	kunmap_local(p);
	__free_page(page);
}

static CU_TestInfo atomic_tests[] = {
	{ "64 kmap_atomic of lowmem: atomic, pagefaults off",
	  test_kmap_atomic_lowmem },
	{ "64 kmap_atomic of highmem: a window", test_kmap_atomic_highmem },
	{ "74 might_sleep inside kmap_atomic reports",
	  test_might_sleep_inside_kmap_atomic },
	{ "74 might_sleep inside kmap_local is silent",
	  test_might_sleep_inside_kmap_local_silent },
	{ "74 preemption disabled at the kmap_atomic line",
	  test_kmap_atomic_preempt_site },
	{ "kmap_atomic_pfn and kmap_local_pfn", test_kmap_atomic_pfn },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo local_tests[] = {
	{ "68 kmap_local of lowmem: no side effects",
	  test_kmap_local_lowmem_no_side_effects },
	{ "68 kmap_local of highmem: not atomic",
	  test_kmap_local_highmem_no_atomic },
	{ "69 16 nested levels are fine", test_kmap_local_16_levels },
	{ "69 the 17th nested map BUGs", test_kmap_local_17th_bugs },
	{ "69 one unmap more than maps BUGs", test_kunmap_local_extra_bugs },
	{ "69 push in hardirq with IRQs on warns",
	  test_push_in_hardirq_irqs_on_warns },
	{ "69 push in hardirq/softirq/NMI with IRQs off is silent",
	  test_push_in_hardirq_irqs_off_silent },
	{ "70 out of order: warns once, top torn down",
	  test_out_of_order_warns_once_top_torn_down },
	{ "70 in order is silent", test_in_order_silent },
	{ "70 kunmap_local of a user address warns",
	  test_kunmap_local_user_address_warns },
	{ "70 FORCE_MAP: kunmap_local of a non-kmap address warns",
	  test_force_map_kunmap_non_kmap_warns },
	{ "70 FORCE_MAP: lowmem is pushed", test_force_map_lowmem_pushed },
	{ "71 kunmap_local of any address in the page",
	  test_kunmap_local_inside_page },
	{ "72 a leaked kmap_local names its line",
	  test_leaked_kmap_local_reported },
	{ "75 kmap_to_page of a linear address",
	  test_kmap_to_page_linear_silent },
	{ "75 kmap_to_page of a kmap address warns",
	  test_kmap_to_page_kmap_warns },
	{ "75 kmap_to_page of a kmap_local address warns",
	  test_kmap_to_page_local_warns },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmap_atomic", NULL, NULL, NULL, NULL, atomic_tests },
	{ "kmap_local", NULL, NULL, NULL, NULL, local_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
