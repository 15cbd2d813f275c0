/*
 * test_vmalloc_checks - the rules of mm/vmalloc.c (6.1.192) in the
 * kernel's words, at the test's line: vmalloc(0)'s WARN_ON_ONCE, the
 * "Trying to vfree() ..." WARNs (double vfree included), vfree() in NMI,
 * vunmap() and vmalloc() in interrupt context (BUGs), might_sleep at
 * vfree() (before the NULL check) and vmalloc(), "vmalloc error: ...
 * exceeds total pages" (ratelimited, __GFP_NOWARN), vmap()'s
 * VM_NO_GUARD WARN, vm_unmap_ram() of a foreign address, and a deferred
 * vfree() whose diagnostics come when the deferred list is drained.
 * Each check has its silent twin.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/bottom_half.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

#include "common/expect_bug.h"

#define expect_report_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

#define THIS_FILE "tests/vmalloc/test_vmalloc_checks.c"

static DEFINE_SPINLOCK(lock);

/* "@what (<%p of @ptr>)\n" + the WARNING line's start. */
static void expect_warn_text(const char *what, const void *ptr)
{
	char hashed[32], want[256];

	scnprintf(hashed, sizeof(hashed), "%p", ptr);
	snprintf(want, sizeof(want), "%s (%s)\nWARNING: CPU: ", what, hashed);
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
}

/* ---- vmalloc(0) ---- */

static void test_vmalloc_zero_warns_once(void)
{
	expect_report_at(KSHIM_REPORT_WARNING, " at ",
			 "zero_first");
	CU_ASSERT_PTR_NULL(vmalloc(0));		/* LINE:zero_first */
	CU_ASSERT_PTR_NULL(vzalloc(0));		/* once per boot */
	assert_report_at(KSHIM_REPORT_WARNING, "zero_first");
}

/* ---- vfree() of what is no area ---- */

static void test_vfree_nonexistent_warns(void)
{
	void *x = (void *)__get_free_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	expect_warn_text("Trying to vfree() nonexistent vm area", x);
	vfree(x);				/* LINE:nonexistent */
	assert_report_at(KSHIM_REPORT_WARNING, "nonexistent");
	free_page((unsigned long)x);		/* untouched by vfree() */
}

static void test_double_vfree_warns(void)
{
	void *p = vmalloc(PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	vfree(p);
	expect_warn_text("Trying to vfree() nonexistent vm area", p);
	vfree(p);				/* LINE:double */
	assert_report_at(KSHIM_REPORT_WARNING, "double");
}

static void test_vfree_misaligned_warns(void)
{
	char *p = vmalloc(2 * PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	expect_warn_text("Trying to vfree() bad address", p + 1);
	vfree(p + 1);				/* LINE:misaligned */
	assert_report_at(KSHIM_REPORT_WARNING, "misaligned");
	CU_ASSERT_PTR_NOT_NULL(find_vm_area(p));	/* not freed */
	vfree(p);
}

/* find_vm_area() semantics: a page-aligned address inside frees it all. */
static void test_vfree_inner_page_frees_area(void)
{
	char *p = vmalloc(3 * PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	vfree(p + PAGE_SIZE);
	CU_ASSERT_PTR_NULL(find_vm_area(p));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_vfree_right_silent(void)
{
	void *p = vmalloc(10);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	vfree(p);
	vfree(NULL);
	vfree_atomic(NULL);
	vunmap(NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- contexts ---- */

static void vfree_null(void *arg)
{
	vfree(arg);				/* LINE:vfree_nmi */
}

static void test_vfree_in_nmi_bugs(void)
{
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "vfree_nmi");
	kshim_run_in_nmi(vfree_null, NULL);
	CU_FAIL("vfree() in NMI did not BUG");
}

static void vfree_atomic_null(void *arg)
{
	vfree_atomic(arg);			/* LINE:vfree_atomic_nmi */
}

static void test_vfree_atomic_in_nmi_bugs(void)
{
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ",
			 "vfree_atomic_nmi");
	kshim_run_in_nmi(vfree_atomic_null, NULL);
	CU_FAIL("vfree_atomic() in NMI did not BUG");
}

/* might_sleep_if(!in_interrupt()) comes before the NULL check. */
static void test_vfree_null_under_spinlock_might_sleep(void)
{
	expect_report_at(KSHIM_REPORT_MIGHT_SLEEP, "invalid context at ",
			 "vfree_locked");
	spin_lock(&lock);
	vfree(NULL);				/* LINE:vfree_locked */
	spin_unlock(&lock);
}

static void test_vfree_in_hardirq_silent(void)
{
	void *p = vmalloc(PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	kshim_run_in_hardirq(vfree_null, NULL);
	kshim_run_in_hardirq(vfree_null, p);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void vunmap_null(void *arg)
{
	vunmap(arg);				/* LINE:vunmap_irq */
}

static void test_vunmap_null_in_hardirq_bugs(void)
{
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "vunmap_irq");
	kshim_run_in_hardirq(vunmap_null, NULL);
	CU_FAIL("vunmap() in hardirq did not BUG");
}

static void test_vunmap_with_bh_disabled_bugs(void)
{
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "vunmap_bh");
	local_bh_disable();
	vunmap(NULL);				/* LINE:vunmap_bh */
	CU_FAIL("vunmap() with BHs off did not BUG");
}

/* vunmap() of no area prints the vfree() text (6.1). */
static void test_vunmap_nonexistent_warns(void)
{
	void *x = (void *)__get_free_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	expect_warn_text("Trying to vfree() nonexistent vm area", x);
	vunmap(x);				/* LINE:vunmap_none */
	assert_report_at(KSHIM_REPORT_WARNING, "vunmap_none");
	free_page((unsigned long)x);
}

static void vmalloc_in_irq(void *arg)
{
	vfree(vmalloc(100));			/* LINE:vmalloc_irq */
}

static void test_vmalloc_in_hardirq_bugs(void)
{
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "vmalloc_irq");
	kshim_run_in_hardirq(vmalloc_in_irq, NULL);
	CU_FAIL("vmalloc() in hardirq did not BUG");
}

static void test_vmalloc_under_spinlock_might_sleep(void)
{
	void *p;

	expect_report_at(KSHIM_REPORT_MIGHT_SLEEP, "invalid context at ",
			 "vmalloc_locked");
	spin_lock(&lock);
	p = __vmalloc(PAGE_SIZE, GFP_ATOMIC);	/* LINE:vmalloc_locked */
	spin_unlock(&lock);
	vfree(p);
}

/* ---- vmalloc error: size above the RAM ---- */

static void test_exceeds_total_pages(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 ": vmalloc error: size %lu, exceeds total pages, mode:0xcc0(GFP_KERNEL), nodemask=(null),cpuset=/,mems_allowed=0\n",
		 1UL << 40);
	kshim_expect_report(KSHIM_REPORT_VMALLOC_ERROR, want, 1);
	CU_ASSERT_PTR_NULL(vmalloc(1UL << 40));	/* LINE:exceeds */
	assert_report_at(KSHIM_REPORT_VMALLOC_ERROR, "exceeds");
	/* warn_alloc()'s rate limit: one per 10 s */
	CU_ASSERT_PTR_NULL(vmalloc(1UL << 41));
}

static void test_exceeds_nowarn_silent(void)
{
	CU_ASSERT_PTR_NULL(__vmalloc(1UL << 40, GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- vmap(), vm_unmap_ram() ---- */

static void test_vmap_no_guard_warns_once(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	void *v, *w;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_report_at(KSHIM_REPORT_WARNING, " at ",
			 "no_guard");
	v = vmap(&page, 1, VM_NO_GUARD, PAGE_KERNEL);	/* LINE:no_guard */
	w = vmap(&page, 1, VM_NO_GUARD, PAGE_KERNEL);
	CU_ASSERT_FATAL(v && w);
	/* the flag is dropped: the guard is there */
	CU_ASSERT_EQUAL(find_vm_area(v)->size, 2 * PAGE_SIZE);
	vunmap(v);
	vunmap(w);
	__free_page(page);
}

static void test_vm_unmap_ram_foreign_bugs(void)
{
	void *p = vmalloc(PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	expect_report_at(KSHIM_REPORT_BUG, "kernel BUG at ", "unmap_ram");
	vm_unmap_ram(p, 1);			/* LINE:unmap_ram */
	CU_FAIL("vm_unmap_ram() of a vmalloc area did not BUG");
}

/* ---- deferred frees report when drained ---- */

static void vfree_arg(void *arg)
{
	vfree(arg);				/* LINE:deferred_bad */
}

static void test_deferred_bad_vfree_reports_later(void)
{
	void *x = (void *)__get_free_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(x);
	kshim_run_in_hardirq(vfree_arg, x);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);	/* not at the call */
	expect_warn_text("Trying to vfree() nonexistent vm area", x);
	vfree(NULL);	/* drains: the WARN names the vfree() in the handler */
	assert_report_at(KSHIM_REPORT_WARNING, "deferred_bad");
	free_page((unsigned long)x);
}

static CU_TestInfo tests[] = {
	{ "vmalloc(0) warns once", test_vmalloc_zero_warns_once },
	{ "vfree of no area warns", test_vfree_nonexistent_warns },
	{ "double vfree warns", test_double_vfree_warns },
	{ "misaligned vfree warns", test_vfree_misaligned_warns },
	{ "vfree of an inner page frees the area",
	  test_vfree_inner_page_frees_area },
	{ "right vfree is silent", test_vfree_right_silent },
	{ "vfree in NMI BUGs", test_vfree_in_nmi_bugs },
	{ "vfree_atomic in NMI BUGs", test_vfree_atomic_in_nmi_bugs },
	{ "vfree(NULL) under a spinlock might_sleep",
	  test_vfree_null_under_spinlock_might_sleep },
	{ "vfree in hardirq is silent", test_vfree_in_hardirq_silent },
	{ "vunmap(NULL) in hardirq BUGs", test_vunmap_null_in_hardirq_bugs },
	{ "vunmap with BHs off BUGs", test_vunmap_with_bh_disabled_bugs },
	{ "vunmap of no area warns the vfree text",
	  test_vunmap_nonexistent_warns },
	{ "vmalloc in hardirq BUGs", test_vmalloc_in_hardirq_bugs },
	{ "vmalloc under a spinlock might_sleep",
	  test_vmalloc_under_spinlock_might_sleep },
	{ "vmalloc error: exceeds total pages", test_exceeds_total_pages },
	{ "exceeds total pages with __GFP_NOWARN is silent",
	  test_exceeds_nowarn_silent },
	{ "vmap VM_NO_GUARD warns once", test_vmap_no_guard_warns_once },
	{ "vm_unmap_ram of a vmalloc area BUGs",
	  test_vm_unmap_ram_foreign_bugs },
	{ "deferred bad vfree reports when drained",
	  test_deferred_bad_vfree_reports_later },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "vmalloc_checks", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
