/*
 * test_devres - the device model subset of linux/device.h (6.1's
 * drivers/base/core.c and devres.c): root devices, the reference count and
 * release, managed resources released last-first at device_del() and at
 * the final put_device(), devm_kmalloc() and friends; and the kernel's
 * reports for their misuse, each naming this file's line: devm_kfree() of
 * memory the device does not manage, a device without release(), a put
 * too many, a put of a device never initialized, a devres node added
 * twice, and (kshim's ledger) a device left registered.
 */
#include <stdint.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/device.h>
#include <linux/slab.h>

#include "common/expect_bug.h"

#define NR_EVENTS 16

/* What the release callbacks saw, in order. */
static int events[NR_EVENTS];
static int nr_events;

static void record(int what)
{
	if (nr_events < NR_EVENTS)
		events[nr_events++] = what;
}

static void release_int(struct device *dev, void *res)
{
	record(*(int *)res);
}

static void action_int(void *data)
{
	record((int)(intptr_t)data);
}

static int match_int(struct device *dev, void *res, void *data)
{
	return *(int *)res == (int)(intptr_t)data;
}

static void *add_int(struct device *dev, int value)
{
	int *res = devres_alloc(release_int, sizeof(int), GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(res);
	*res = value;
	devres_add(dev, res);
	return res;
}

static int nr_released;

static void count_release(struct device *dev)
{
	nr_released++;
	record(100);
}

static void test_setup(void)
{
	nr_events = 0;
	nr_released = 0;
}

/* ---- positive: correct use is silent ---- */

static void test_root_device(void)
{
	struct device *dev = root_device_register("kunit/dev");

	CU_ASSERT_FALSE_FATAL(IS_ERR_OR_NULL(dev));
	/* kobject names have no '/': it becomes '!'. */
	CU_ASSERT_STRING_EQUAL(dev_name(dev), "kunit!dev");
	CU_ASSERT_TRUE(device_is_registered(dev));
	CU_ASSERT_EQUAL(kref_read(&dev->kobj.kref), 1);
	CU_ASSERT_PTR_NULL(dev->parent);
	dev_set_drvdata(dev, &nr_events);
	CU_ASSERT_PTR_EQUAL(dev_get_drvdata(dev), &nr_events);
	root_device_unregister(dev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_release_order_is_reverse(void)
{
	struct device *dev = root_device_register("order");
	void *mem;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	add_int(dev, 1);
	CU_ASSERT_EQUAL(devm_add_action(dev, action_int, (void *)2), 0);
	mem = devm_kmalloc(dev, 100, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(mem);
	add_int(dev, 3);
	CU_ASSERT_EQUAL(devm_add_action_or_reset(dev, action_int,
						 (void *)4), 0);
	CU_ASSERT_EQUAL(nr_events, 0);
	device_unregister(dev);
	CU_ASSERT_EQUAL_FATAL(nr_events, 4);
	CU_ASSERT_EQUAL(events[0], 4);
	CU_ASSERT_EQUAL(events[1], 3);
	CU_ASSERT_EQUAL(events[2], 2);
	CU_ASSERT_EQUAL(events[3], 1);
}

/* Resources go at device_del(); the device itself at the last put. */
static void test_refcount_and_release(void)
{
	static struct device dev;

	memset(&dev, 0, sizeof(dev));
	dev.init_name = "counted";
	dev.release = count_release;
	CU_ASSERT_EQUAL(device_register(&dev), 0);
	CU_ASSERT_STRING_EQUAL(dev_name(&dev), "counted");
	CU_ASSERT_PTR_NULL(dev.init_name);
	add_int(&dev, 7);
	CU_ASSERT_PTR_EQUAL(get_device(&dev), &dev);
	CU_ASSERT_EQUAL(kref_read(&dev.kobj.kref), 2);
	device_unregister(&dev);
	/* The resource went with device_del(), the device is still there. */
	CU_ASSERT_EQUAL(nr_events, 1);
	CU_ASSERT_EQUAL(events[0], 7);
	CU_ASSERT_EQUAL(nr_released, 0);
	CU_ASSERT_FALSE(device_is_registered(&dev));
	/* Added after device_del(): released at the final put. */
	add_int(&dev, 8);
	put_device(&dev);
	CU_ASSERT_EQUAL(nr_released, 1);
	CU_ASSERT_EQUAL_FATAL(nr_events, 3);
	CU_ASSERT_EQUAL(events[1], 8);
	CU_ASSERT_EQUAL(events[2], 100);	/* release() after devres */
	CU_ASSERT_PTR_NULL(get_device(NULL));
	put_device(NULL);
}

/* A child holds its parent until it is deleted. */
static void test_parent_reference(void)
{
	struct device *parent = root_device_register("parent");
	static struct device child;

	CU_ASSERT_FALSE_FATAL(IS_ERR(parent));
	memset(&child, 0, sizeof(child));
	child.parent = parent;
	child.release = count_release;
	device_initialize(&child);
	CU_ASSERT_EQUAL(dev_set_name(&child, "child%d", 3), 0);
	CU_ASSERT_EQUAL(device_add(&child), 0);
	CU_ASSERT_STRING_EQUAL(dev_name(&child), "child3");
	CU_ASSERT_EQUAL(kref_read(&parent->kobj.kref), 2);
	device_unregister(&child);
	CU_ASSERT_EQUAL(kref_read(&parent->kobj.kref), 1);
	CU_ASSERT_EQUAL(nr_released, 1);
	root_device_unregister(parent);
}

static void test_add_without_name(void)
{
	static struct device dev;

	memset(&dev, 0, sizeof(dev));
	dev.release = count_release;
	device_initialize(&dev);
	CU_ASSERT_EQUAL(device_add(&dev), -EINVAL);
	CU_ASSERT_FALSE(device_is_registered(&dev));
	CU_ASSERT_EQUAL(nr_released, 0);
	put_device(&dev);
	CU_ASSERT_EQUAL(nr_released, 1);
}

static void test_devm_kmalloc(void)
{
	struct device *dev = root_device_register("mem");
	unsigned char *a, *z;
	u32 *arr;
	char *s;
	size_t i;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	a = devm_kmalloc(dev, 64, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL((uintptr_t)a % ARCH_KMALLOC_MINALIGN, 0);
	memset(a, 0x5a, 64);
	z = devm_kzalloc(dev, 300, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(z);
	for (i = 0; i < 300; i++)
		if (z[i])
			break;
	CU_ASSERT_EQUAL(i, 300);
	arr = devm_kcalloc(dev, 10, sizeof(*arr), GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(arr);
	CU_ASSERT_EQUAL(arr ? arr[9] : 1, 0);
	/* Sizes that wrap fail, as in the kernel. */
	CU_ASSERT_PTR_NULL(devm_kmalloc(dev, SIZE_MAX, GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_PTR_NULL(devm_kmalloc_array(dev, SIZE_MAX / 2, 3, GFP_KERNEL));
	CU_ASSERT_PTR_EQUAL(devm_kmalloc(dev, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	s = devm_kstrdup(dev, "hello", GFP_KERNEL);
	CU_ASSERT_STRING_EQUAL(s, "hello");
	CU_ASSERT_PTR_NULL(devm_kstrdup(dev, NULL, GFP_KERNEL));
	s = devm_kasprintf(dev, GFP_KERNEL, "%s-%d", "irq", 42);
	CU_ASSERT_STRING_EQUAL(s, "irq-42");
	s = devm_kmemdup(dev, "abc", 4, GFP_KERNEL);
	CU_ASSERT_STRING_EQUAL(s, "abc");
	/* Freed early: no longer released at unregister (no double free). */
	devm_kfree(dev, a);
	devm_kfree(dev, NULL);
	devm_kfree(dev, ZERO_SIZE_PTR);
	root_device_unregister(dev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_devres_lookup(void)
{
	struct device *dev = root_device_register("lookup");
	int *one, *two, *again, *fresh;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	one = add_int(dev, 1);
	two = add_int(dev, 2);
	/* The most recent match first; a match function narrows. */
	CU_ASSERT_PTR_EQUAL(devres_find(dev, release_int, NULL, NULL), two);
	CU_ASSERT_PTR_EQUAL(devres_find(dev, release_int, match_int,
					(void *)1), one);
	CU_ASSERT_PTR_NULL(devres_find(dev, release_int, match_int,
				       (void *)9));
	/* devres_get(): the existing one wins, the new one is freed. */
	fresh = devres_alloc(release_int, sizeof(int), GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fresh);
	*fresh = 2;
	again = devres_get(dev, fresh, match_int, (void *)2);
	CU_ASSERT_PTR_EQUAL(again, two);
	/* ... and a new one is added when nothing matches. */
	fresh = devres_alloc(release_int, sizeof(int), GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fresh);
	*fresh = 5;
	CU_ASSERT_PTR_EQUAL(devres_get(dev, fresh, match_int, (void *)5),
			    fresh);
	/* remove: unlinked, not released; destroy: freed, not released. */
	CU_ASSERT_PTR_EQUAL(devres_remove(dev, release_int, match_int,
					  (void *)1), one);
	devres_free(one);
	CU_ASSERT_EQUAL(devres_destroy(dev, release_int, match_int,
				       (void *)5), 0);
	CU_ASSERT_EQUAL(devres_destroy(dev, release_int, match_int,
				       (void *)5), -ENOENT);
	CU_ASSERT_EQUAL(nr_events, 0);
	/* release: released now, once. */
	CU_ASSERT_EQUAL(devres_release(dev, release_int, match_int,
				       (void *)2), 0);
	CU_ASSERT_EQUAL(nr_events, 1);
	CU_ASSERT_EQUAL(devres_release(dev, release_int, NULL, NULL),
			-ENOENT);
	root_device_unregister(dev);
	CU_ASSERT_EQUAL(nr_events, 1);
}

static void test_actions(void)
{
	struct device *dev = root_device_register("actions");

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	CU_ASSERT_EQUAL(devm_add_action(dev, action_int, (void *)1), 0);
	CU_ASSERT_EQUAL(devm_add_action(dev, action_int, (void *)2), 0);
	CU_ASSERT_EQUAL(devm_add_action(dev, action_int, (void *)3), 0);
	devm_remove_action(dev, action_int, (void *)2);	/* never runs */
	devm_release_action(dev, action_int, (void *)3);	/* runs now */
	CU_ASSERT_EQUAL_FATAL(nr_events, 1);
	CU_ASSERT_EQUAL(events[0], 3);
	root_device_unregister(dev);
	CU_ASSERT_EQUAL_FATAL(nr_events, 2);
	CU_ASSERT_EQUAL(events[1], 1);
}

/* ---- negative: the kernel's reports, at this file's lines ---- */

static void test_devm_kfree_unknown_warns(void)
{
	struct device *dev = root_device_register("kfree");
	void *mine;
	int other;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "unknown");
	devm_kfree(dev, &other); /* LINE:unknown */
	mine = devm_kmalloc(dev, 8, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(mine);
	root_device_unregister(dev);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      "WARNING: CPU: "));
}

static void test_devm_kfree_twice_warns(void)
{
	struct device *dev = root_device_register("twice");
	void *p;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	p = devm_kzalloc(dev, 16, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "twice");
	devm_kfree(dev, p);
	devm_kfree(dev, p); /* LINE:twice */
	root_device_unregister(dev);
}

/* Freed memory of another device is not this device's to free. */
static void test_devm_kfree_other_device_warns(void)
{
	struct device *a = root_device_register("a");
	struct device *b = root_device_register("b");
	void *p;

	CU_ASSERT_FALSE_FATAL(IS_ERR(a) || IS_ERR(b));
	p = devm_kmalloc(a, 16, GFP_KERNEL);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "other");
	devm_kfree(b, p); /* LINE:other */
	root_device_unregister(b);
	root_device_unregister(a);
}

static void test_no_release_warns(void)
{
	static struct device dev;

	memset(&dev, 0, sizeof(dev));
	dev.init_name = "broken";
	CU_ASSERT_EQUAL(device_register(&dev), 0);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "Device 'broken' does not have a release() function, it is broken and must be fixed. See Documentation/core-api/kobject.rst.\n",
			    1);
	device_unregister(&dev); /* LINE:norel */
	assert_report_at(KSHIM_REPORT_WARNING, "norel");
}

static void test_put_too_many_warns(void)
{
	static struct device dev;

	memset(&dev, 0, sizeof(dev));
	dev.init_name = "twice-put";
	dev.release = count_release;
	CU_ASSERT_EQUAL(device_register(&dev), 0);
	device_unregister(&dev);
	CU_ASSERT_EQUAL(nr_released, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "refcount_t: underflow; use-after-free.\n", 1);
	put_device(&dev); /* LINE:underflow */
	assert_report_at(KSHIM_REPORT_WARNING, "underflow");
	CU_ASSERT_EQUAL(nr_released, 1);
}

static void test_put_uninitialized_warns(void)
{
	static struct device dev;
	const struct kshim_report *r;
	char name[32];

	memset(&dev, 0, sizeof(dev));
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "): is not initialized, yet kobject_put() is being called.\n",
			    1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "refcount_t: underflow; use-after-free.\n", 1);
	put_device(&dev); /* LINE:uninit */
	CU_ASSERT_EQUAL_FATAL(kshim_report_count(KSHIM_REPORT_WARNING), 2);
	r = kshim_report_get(0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	/* The kobject's name (none yet) and its %p address. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "kobject: '(null)' ("));
	CU_ASSERT_STRING_EQUAL(r->file, __FILE__);
	CU_ASSERT_EQUAL(r->line, marker_line("uninit"));
	snprintf(name, sizeof(name), "%s:%d", __FILE__, marker_line("uninit"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_WARNING)->text,
				      name));
}

static void test_devres_add_twice_bugs(void)
{
	struct device *dev = root_device_register("bug");
	int *res;

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	res = add_int(dev, 1);
	expect_report_at_in(__FILE__, KSHIM_REPORT_BUG, "kernel BUG at ",
			    "addtwice");
	devres_add(dev, res); /* LINE:addtwice */
	CU_FAIL("devres_add() of a node on a list returned");
}

static void test_remove_missing_action_warns(void)
{
	struct device *dev = root_device_register("noaction");

	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "noaction");
	devm_remove_action(dev, action_int, (void *)1); /* LINE:noaction */
	root_device_unregister(dev);
}

static void test_leaked_device_on_ledger(void)
{
	struct device *dev;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "kshim: device 'leaky' registered at ", "leaky");
	dev = root_device_register("leaky"); /* LINE:leaky */
	CU_ASSERT_FALSE(IS_ERR(dev));
}

static CU_TestInfo positive_tests[] = {
	{ "root_device", test_root_device },
	{ "release_order_is_reverse", test_release_order_is_reverse },
	{ "refcount_and_release", test_refcount_and_release },
	{ "parent_reference", test_parent_reference },
	{ "add_without_name", test_add_without_name },
	{ "devm_kmalloc", test_devm_kmalloc },
	{ "devres_lookup", test_devres_lookup },
	{ "actions", test_actions },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo negative_tests[] = {
	{ "devm_kfree_unknown_warns", test_devm_kfree_unknown_warns },
	{ "devm_kfree_twice_warns", test_devm_kfree_twice_warns },
	{ "devm_kfree_other_device_warns",
	  test_devm_kfree_other_device_warns },
	{ "no_release_warns", test_no_release_warns },
	{ "put_too_many_warns", test_put_too_many_warns },
	{ "put_uninitialized_warns", test_put_uninitialized_warns },
	{ "devres_add_twice_bugs", test_devres_add_twice_bugs },
	{ "remove_missing_action_warns", test_remove_missing_action_warns },
	{ "leaked_device_on_ledger", test_leaked_device_on_ledger },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "device", NULL, NULL, test_setup, NULL, positive_tests },
	{ "device_misuse", NULL, NULL, test_setup, NULL, negative_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
