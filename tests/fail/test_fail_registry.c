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

#include <signal.h>

#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/idr.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/moduleparam.h>
#include <linux/semaphore.h>
#include <linux/wait.h>
#include <linux/pagemap.h>
#include <linux/radix-tree.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/vmalloc.h>
#include <linux/xarray.h>
#include <kshim/signal.h>
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

/* The registry lists each API with the kernel's errors, usual first
 * (a signal makes a wait fail with -EINTR or -ERESTARTSYS). */
static void test_registry_lists_every_api(void)
{
	static const char *const apis[] = {
		"alloc_pages", "kmalloc", "kmem_cache_create", "vmalloc",
		"request_irq", "device_add", "init_srcu_struct", "signal",
	};
	const int *e;
	unsigned int i, n = 0;

	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		e = errors_of(apis[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		if (e)
			CU_ASSERT_EQUAL(e[0], strcmp(apis[i], "signal") ?
					      -ENOMEM : -EINTR);
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
	CU_ASSERT_EQUAL(n, 8);
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

/*
 * Allocations the kernel makes from slab where kshim keeps host memory
 * (XArray and IDR nodes, an IDA bitmap, the radix tree's preload, a
 * charp parameter's copy) are kmalloc calls for the rules: they fail with
 * the kernel's -ENOMEM, and work again after.
 */
static void test_hidden_slab_allocations_fail(void)
{
	DEFINE_XARRAY(xa);
	DEFINE_IDR(idr);
	DEFINE_IDA(ida);
	char *charp = NULL;
	struct kernel_param kp = { .name = "p", .arg = &charp };

	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	CU_ASSERT_EQUAL(xa_err(xa_store(&xa, 5, xa_mk_value(5), GFP_KERNEL)),
			-ENOMEM);
	CU_ASSERT_PTR_NULL(xa_load(&xa, 5));
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	CU_ASSERT_EQUAL(idr_alloc(&idr, &xa, 5, 0, GFP_KERNEL), -ENOMEM);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), -ENOMEM);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	CU_ASSERT_EQUAL(radix_tree_preload(GFP_KERNEL), -ENOMEM);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=1"), 0);
	CU_ASSERT_EQUAL(param_set_charp("x", &kp), -ENOMEM);
	CU_ASSERT_PTR_NULL(charp);
	CU_ASSERT_EQUAL(kshim_fail_injected("kmalloc"), 5);

	kshim_fail_clear(NULL);
	CU_ASSERT_EQUAL(xa_err(xa_store(&xa, 5, xa_mk_value(5), GFP_KERNEL)),
			0);
	xa_destroy(&xa);
	CU_ASSERT_EQUAL(idr_alloc(&idr, &xa, 5, 0, GFP_KERNEL), 5);
	idr_destroy(&idr);
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 0);
	ida_destroy(&ida);
	CU_ASSERT_EQUAL_FATAL(radix_tree_preload(GFP_KERNEL), 0);
	radix_tree_preload_end();
	CU_ASSERT_EQUAL(param_set_charp("x", &kp), 0);
	CU_ASSERT_STRING_EQUAL(charp, "x");
}

/* kmem_cache_alloc_bulk() is one failslab decision, as the kernel's. */
static void test_bulk_is_one_call(void)
{
	struct kmem_cache *c = kmem_cache_create("bulk", 32, 0, 0, NULL);
	void *p[4];

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=kmalloc,nth=2"), 0);
	CU_ASSERT_EQUAL(kmem_cache_alloc_bulk(c, GFP_KERNEL, 4, p), 4);
	kmem_cache_free_bulk(c, 4, p);
	CU_ASSERT_EQUAL(kmem_cache_alloc_bulk(c, GFP_KERNEL, 4, p), 0);
	CU_ASSERT_EQUAL(kshim_fail_injected("kmalloc"), 1);
	kshim_fail_clear(NULL);
	kmem_cache_destroy(c);
}

/* device_add(): kobject_add()'s failure, its message, nothing left. */
static void test_device_add_fails(void)
{
	struct device *dev;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=device_register"), 0);
	dev = root_device_register("faildev");
	CU_ASSERT_TRUE(IS_ERR(dev));
	CU_ASSERT_EQUAL(PTR_ERR(dev), -ENOMEM);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"kobject_add_internal failed for faildev (error: -12 parent: 'none')"));
	kshim_fail_clear(NULL);
	dev = root_device_register("faildev");
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	root_device_unregister(dev);
}

static void test_init_srcu_struct_fails(void)
{
	struct srcu_struct s;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=init_srcu_struct"), 0);
	CU_ASSERT_EQUAL(init_srcu_struct(&s), -ENOMEM);
	kshim_fail_clear("alloc_percpu");
	CU_ASSERT_EQUAL_FATAL(init_srcu_struct(&s), 0);
	cleanup_srcu_struct(&s);
}

/* lock_page_killable() with SIGKILL pending as it would wait: -EINTR. */
static void test_lock_page_killable_sees_a_fatal_signal(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	CU_ASSERT_EQUAL(kshim_signal_send(current, SIGKILL), 0);
	CU_ASSERT_EQUAL(lock_page_killable(page), -EINTR);
	kshim_signal_clear(current);
	unlock_page(page);
	CU_ASSERT_EQUAL(lock_page_killable(page), 0);
	unlock_page(page);
	__free_page(page);
}

/*
 * func=signal: an interruptible or killable wait about to sleep is
 * interrupted by a SIGKILL, as a real kill would: each returns the
 * kernel's error there and the signal stays pending.  A wait that does
 * not sleep is no candidate.
 */
static void test_signal_interrupts_a_wait(void)
{
	struct semaphore sem;
	struct completion done;
	DECLARE_WAIT_QUEUE_HEAD(wq);
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	sema_init(&sem, 1);
	init_completion(&done);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_set("func=signal"), 0);
	/* Free semaphore: taken at once, nothing injected. */
	CU_ASSERT_EQUAL(down_interruptible(&sem), 0);
	CU_ASSERT_EQUAL(kshim_fail_injected("signal"), 0);
	CU_ASSERT_FALSE(signal_pending(current));
	CU_ASSERT_EQUAL(down_interruptible(&sem), -EINTR);
	CU_ASSERT_TRUE(fatal_signal_pending(current));
	kshim_signal_clear(current);
	CU_ASSERT_EQUAL(wait_for_completion_interruptible(&done),
			-ERESTARTSYS);
	kshim_signal_clear(current);
	CU_ASSERT_EQUAL(wait_event_interruptible(wq, false), -ERESTARTSYS);
	kshim_signal_clear(current);
	lock_page(page);
	CU_ASSERT_EQUAL(lock_page_killable(page), -EINTR);
	kshim_signal_clear(current);
	CU_ASSERT_EQUAL(kshim_fail_injected("down_interruptible"), 4);
	kshim_fail_clear("signal");
	unlock_page(page);
	up(&sem);
	__free_page(page);
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
	{ "hidden_slab_allocations_fail", test_hidden_slab_allocations_fail },
	{ "bulk_is_one_call", test_bulk_is_one_call },
	{ "device_add_fails", test_device_add_fails },
	{ "init_srcu_struct_fails", test_init_srcu_struct_fails },
	{ "lock_page_killable_sees_a_fatal_signal",
	  test_lock_page_killable_sees_a_fatal_signal },
	{ "signal_interrupts_a_wait", test_signal_interrupts_a_wait },
	{ "bad_rules_are_refused", test_bad_rules_are_refused },
	{ "the_setting", test_the_setting },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "fail_registry", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
