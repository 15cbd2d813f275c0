/*
 * test_fail_registry - one registry of fallible calls and its rules.
 *
 * Every fallible API kshim provides is in kshim_fail_api()'s list with the
 * errors the kernel returns there; KSHIM_FAIL and kshim_fail_set() take
 * rules naming the API (func=) and the error (errno=); a picked call fails
 * as the real failure does: same return value, same messages.
 */
#include <errno.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kshim/test.h>

#include "common/expect_bug.h"

#define IRQ 5

static irqreturn_t handler(int irq, void *dev)
{
	return IRQ_HANDLED;
}

static const int *errors_of(const char *api)
{
	const int *errors;
	const char *name;
	unsigned int i;

	for (i = 0; (name = kshim_fail_api(i, &errors)); i++)
		if (!strcmp(name, api))
			return errors;
	return NULL;
}

/* The registry lists each API with the kernel's errors, usual first. */
static void test_registry_lists_every_api(void)
{
	static const char *const apis[] = {
		"alloc_pages", "kmalloc", "kmem_cache_create", "vmalloc",
		"request_irq",
	};
	const int *e;
	unsigned int i, n = 0;

	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		e = errors_of(apis[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		if (e)
			CU_ASSERT_EQUAL(e[0], -ENOMEM);
	}
	e = errors_of("request_irq");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	if (!e)
		return;
	CU_ASSERT_EQUAL(e[1], -EBUSY);
	CU_ASSERT_EQUAL(e[2], -EINVAL);
	CU_ASSERT_EQUAL(e[3], 0);
	while (kshim_fail_api(n, NULL))
		n++;
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_PTR_NULL(kshim_fail_api(n, &e));
}

/* func=request_irq fails the picked request with the error asked for. */
static void test_request_irq_fails_as_asked(void)
{
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_set("func=request_irq,nth=2,errno=-EBUSY"), 0);
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "one", NULL), 0);
	free_irq(IRQ, NULL);
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "two", NULL), -EBUSY);
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "three", NULL), 0);
	free_irq(IRQ, NULL);
	CU_ASSERT_EQUAL(kshim_fail_injected("request_irq"), 1);
	CU_ASSERT_EQUAL(kshim_fail_injected(NULL), 1);
	/* Without errno=: the usual failure, -ENOMEM. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=request_threaded_irq"), 0);
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "four", NULL), -ENOMEM);
	kshim_fail_clear("request_irq");
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "five", NULL), 0);
	free_irq(IRQ, NULL);
	CU_ASSERT_EQUAL(kshim_fail_injected("request_irq"), 2);
}

/* A rule names one API: the others go on. */
static void test_rules_per_api(void)
{
	struct kshim_fail_attr attr = KSHIM_FAIL_ATTR_INIT;
	void *p, *v;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=vmalloc;func=slab,nth=2"),
			      0);
	p = kmalloc(32, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_PTR_NULL(kmalloc(32, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(vmalloc(PAGE_SIZE));
	CU_ASSERT_PTR_NULL(vzalloc(3 * PAGE_SIZE));
	kfree(p);
	CU_ASSERT_EQUAL(kshim_fail_injected("vmalloc"), 2);
	CU_ASSERT_EQUAL(kshim_fail_injected("kmalloc"), 1);
	/* Clearing vmalloc's rule leaves kmalloc's. */
	kshim_fail_clear("vmalloc");
	v = vmalloc(PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL(v);
	vfree(v);
	attr.nth = 1;
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set_attr("vmap", &attr), 0);
	v = vmalloc(PAGE_SIZE);
	CU_ASSERT_PTR_NULL(v);
	kshim_fail_clear(NULL);
	p = kmalloc(32, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
}

/* kmem_cache_create() fails with the kernel's warning and NULL. */
static void test_kmem_cache_create_fails_with_the_kernel_warning(void)
{
	const struct kshim_report *r;

	kshim_expect_report(KSHIM_REPORT_SLAB,
		"kmem_cache_create_usercopy(regcache) failed with error -12\n",
		1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmem_cache_create"), 0);
	CU_ASSERT_PTR_NULL(kmem_cache_create("regcache", 64, 0, 0, NULL)); /* LINE:create */
	r = assert_report_at(KSHIM_REPORT_SLAB, "create");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "Call Trace:"));
	CU_ASSERT_EQUAL(kshim_fail_injected("kmem_cache_create"), 1);
}

/* Rules the registry cannot take are refused, naming the problem. */
static void test_bad_rules_are_refused(void)
{
	static const char *const bad[] = {
		"nth=1",			/* no func= */
		"func=nosuch",			/* not an API */
		"func=kmalloc,errno=-EBUSY",	/* not an error of kmalloc */
		"func=request_irq,errno=-EFAULT",
		"func=request_irq,errno=bogus",
		"func=request_irq;func=request_irq,nth=2", /* twice */
		"func=kmalloc,func=vmalloc",
		"func=vmalloc,min-order=1",	/* no page orders there */
		"func=vmalloc;;func=kmalloc",	/* empty rule */
		"func=request_irq,nth=1,after=1", /* never fails */
	};
	unsigned int i;
	void *p;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CU_ASSERT_EQUAL(kshim_fail_set(bad[i]), -EINVAL);
	CU_ASSERT_EQUAL(kshim_fail_set(NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_fail_set_attr("nosuch", NULL), -EINVAL);
	/* Nothing changed: kmalloc's rule still fails the first call. */
	CU_ASSERT_PTR_NULL(kmalloc(8, GFP_KERNEL));
	p = kmalloc(8, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(p);
	kfree(p);
}

/* KSHIM_FAIL: every test's starting rules. */
static void test_the_setting(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_boot(
		"KSHIM_FAIL=func=request_irq,nth=2,errno=EINVAL;func=vmalloc,nth=1",
		NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL"),
		"func=request_irq,nth=2,errno=EINVAL;func=vmalloc,nth=1");
	CU_ASSERT_PTR_NULL(vmalloc(PAGE_SIZE));
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "one", NULL), 0);
	free_irq(IRQ, NULL);
	CU_ASSERT_EQUAL(request_irq(IRQ, handler, 0, "two", NULL), -EINVAL);
	/* Bad values and a rule set twice stop the boot, changing nothing. */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL=func=nosuch", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL=func=slab,nth=1",
				   "KSHIM_FAILSLAB=nth=2", NULL), -EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL"),
		"func=request_irq,nth=2,errno=EINVAL;func=vmalloc,nth=1");
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_FAIL=func=slab,nth=1", NULL),
			      0);
	CU_ASSERT_PTR_NULL(kmalloc(8, GFP_KERNEL));
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL=", NULL), 0);
}

static CU_TestInfo tests[] = {
	{ "registry_lists_every_api", test_registry_lists_every_api },
	{ "request_irq_fails_as_asked", test_request_irq_fails_as_asked },
	{ "rules_per_api", test_rules_per_api },
	{ "kmem_cache_create_fails_with_the_kernel_warning",
	  test_kmem_cache_create_fails_with_the_kernel_warning },
	{ "bad_rules_are_refused", test_bad_rules_are_refused },
	{ "the_setting", test_the_setting },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "fail_registry", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
