/*
 * test_kvmalloc - mm/util.c of 6.1: kvmalloc_node()'s choice between a
 * slab object, a large kmalloc (page allocator) and vmalloc, its limits
 * (no fallback at or below PAGE_SIZE or for GFP_ATOMIC, WARN_ON_ONCE
 * above INT_MAX), kvfree() of each kind, kvrealloc(), kvcalloc(); the
 * kstrdup()/kmemdup() family with kstrdup_const()/kfree_const() on
 * read-only data; lib/kasprintf.c with the kernel's vsnprintf.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/fail.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "common/expect_bug.h"

#define expect_report_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)

#define THIS_FILE "tests/vmalloc/test_kvmalloc.c"

static bool slab_object(const void *p)
{
	return !is_vmalloc_addr(p) && virt_addr_valid(p) &&
	       PageSlab(virt_to_head_page(p));
}

static bool large_kmalloc(const void *p)
{
	return !is_vmalloc_addr(p) && virt_addr_valid(p) &&
	       !PageSlab(virt_to_head_page(p));
}

/* ---- the decision table ---- */

static void test_small_sizes_are_slab(void)
{
	static const size_t sizes[] = { 1, 100, 4096, 4097, 8192 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p = kvmalloc(sizes[i], GFP_KERNEL);

		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		CU_ASSERT_TRUE(slab_object(p));
		memset(p, 1, sizes[i]);
		kvfree(p);
	}
}

static void test_large_size_from_page_allocator(void)
{
	void *p = kvmalloc(64 * 1024, GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(large_kmalloc(p));
	kvfree(p);
}

/* kmalloc's attempt fails (silently: __GFP_NOWARN), vmalloc serves it. */
static void test_failed_kmalloc_falls_back_to_vmalloc(void)
{
	unsigned char *p;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=" THIS_FILE
							",nth=1"), 0);
	p = kvzalloc(64 * 1024, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	CU_ASSERT_TRUE(is_vmalloc_addr(p));
	CU_ASSERT_EQUAL(p[0] | p[64 * 1024 - 1], 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kvfree(p);
	CU_ASSERT_PTR_NULL(find_vm_area(p));
}

/* Above KMALLOC_MAX_SIZE kmalloc cannot, and silently: vmalloc. */
static void test_huge_size_is_vmalloc(void)
{
	void *p = kvmalloc(8UL << 20, GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(is_vmalloc_addr(p));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kvfree(p);
}

static void test_atomic_never_falls_back(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=" THIS_FILE
							",nth=1"), 0);
	CU_ASSERT_PTR_NULL(kvmalloc(64 * 1024, GFP_ATOMIC));
	CU_ASSERT_PTR_NULL(kvmalloc(8UL << 20, GFP_NOWAIT));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* Up to PAGE_SIZE there is no fallback: a failed kmalloc is NULL. */
static void test_small_size_never_falls_back(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("site=" THIS_FILE ",nth=1"),
			      0);
	CU_ASSERT_PTR_NULL(kvmalloc(PAGE_SIZE, GFP_KERNEL));
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 1);
}

static void test_above_int_max_warns_once(void)
{
	expect_report_at(KSHIM_REPORT_WARNING, " at ",
			 "int_max");
	CU_ASSERT_PTR_NULL(kvmalloc((size_t)INT_MAX + 1, GFP_KERNEL)); /* LINE:int_max */
	CU_ASSERT_PTR_NULL(kvmalloc((size_t)INT_MAX + 1, GFP_KERNEL));
	assert_report_at(KSHIM_REPORT_WARNING, "int_max");
}

static void test_above_int_max_nowarn_silent(void)
{
	CU_ASSERT_PTR_NULL(kvmalloc((size_t)INT_MAX + 1,
				    GFP_KERNEL | __GFP_NOWARN));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_array_forms(void)
{
	unsigned int *a = kvcalloc(3000, sizeof(*a), GFP_KERNEL);
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	for (i = 0; i < 3000; i++)
		if (a[i])
			break;
	CU_ASSERT_EQUAL(i, 3000);
	kvfree(a);
	CU_ASSERT_PTR_NULL(kvmalloc_array(SIZE_MAX / 4, 8, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(kvcalloc(2, SIZE_MAX / 2 + 1, GFP_KERNEL));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- kvfree ---- */

static void test_kvfree_each_kind(void)
{
	void (*fn)(const void *) = kvfree;	/* a real function too */
	void *s = kmalloc(32, GFP_KERNEL), *l = kmalloc(32768, GFP_KERNEL);
	void *v = vmalloc(100), *v2 = vmalloc(PAGE_SIZE);

	CU_ASSERT_FATAL(s && l && v && v2);
	kvfree(s);
	kvfree(l);
	kvfree(v);
	fn(v2);
	kvfree(NULL);
	kvfree(ZERO_SIZE_PTR);
	CU_ASSERT_PTR_NULL(find_vm_area(v));
	CU_ASSERT_PTR_NULL(find_vm_area(v2));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_kvfree_sensitive(void)
{
	void *s = kvmalloc(100, GFP_KERNEL), *v = vmalloc(3 * PAGE_SIZE);

	CU_ASSERT_FATAL(s && v);
	memset(s, 0x77, 100);
	memset(v, 0x77, 3 * PAGE_SIZE);
	kvfree_sensitive(s, 100);
	kvfree_sensitive(v, 3 * PAGE_SIZE);
	kvfree_sensitive(NULL, 10);
	CU_ASSERT_PTR_NULL(find_vm_area(v));
}

static void test_kvrealloc(void)
{
	unsigned char *p = kvmalloc(100, GFP_KERNEL), *q;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	memset(p, 0x3c, 100);
	CU_ASSERT_PTR_EQUAL(kvrealloc(p, 100, 50, GFP_KERNEL), p);
	q = kvrealloc(p, 100, 10 * PAGE_SIZE, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_PTR_NOT_EQUAL(q, p);
	CU_ASSERT_EQUAL(q[0], 0x3c);
	CU_ASSERT_EQUAL(q[99], 0x3c);
	kvfree(q);
}

/* A kvmalloc()ed vmalloc area names the driver's line when leaked. */
static void test_kvmalloc_leak_names_line(void)
{
	void *p;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=" THIS_FILE
							",nth=1"), 0);
	p = kvmalloc(3 * PAGE_SIZE, GFP_KERNEL);	/* LINE:kv_leak */
	CU_ASSERT_TRUE_FATAL(is_vmalloc_addr(p));
	expect_report_at(KSHIM_REPORT_LEDGER, "(12288 bytes) from kvmalloc() at ",
			 "kv_leak");
}

/* ---- kstrdup, kmemdup ---- */

static void test_kstrdup_family(void)
{
	const char src[] = { 'a', 'b', 'c', 'd' };	/* no NUL */
	char *a = kstrdup("hello", GFP_KERNEL);
	char *b = kstrndup("hello", 3, GFP_KERNEL);
	char *c = kmemdup(src, sizeof(src), GFP_KERNEL);
	char *d = kmemdup_nul(src, 2, GFP_KERNEL);

	CU_ASSERT_FATAL(a && b && c && d);
	CU_ASSERT_STRING_EQUAL(a, "hello");
	CU_ASSERT_STRING_EQUAL(b, "hel");
	CU_ASSERT_EQUAL(memcmp(c, src, sizeof(src)), 0);
	CU_ASSERT_STRING_EQUAL(d, "ab");
	CU_ASSERT_TRUE(slab_object(a));
	CU_ASSERT_PTR_NULL(kstrdup(NULL, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(kstrndup(NULL, 3, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(kmemdup_nul(NULL, 3, GFP_KERNEL));
	kfree(a);
	kfree(b);
	kfree(c);
	kfree(d);
}

/* Read-only data is returned as is and not freed; other strings copied. */
static void test_kstrdup_const(void)
{
	static const char lit[] = "a constant";
	char stack[] = "on the stack";
	char *heap = kstrdup("in kmalloc memory", GFP_KERNEL);
	const char *c1 = kstrdup_const(lit, GFP_KERNEL);
	const char *c2 = kstrdup_const("a literal", GFP_KERNEL);
	const char *c3 = kstrdup_const(stack, GFP_KERNEL);
	const char *c4 = kstrdup_const(heap, GFP_KERNEL);
	void (*fn)(const void *) = kfree_const;

	CU_ASSERT_FATAL(heap && c3 && c4);
	CU_ASSERT_PTR_EQUAL(c1, lit);
	CU_ASSERT_STRING_EQUAL(c2, "a literal");
	CU_ASSERT_FALSE(slab_object(c2));
	CU_ASSERT_PTR_NOT_EQUAL(c3, stack);
	CU_ASSERT_STRING_EQUAL(c3, "on the stack");
	CU_ASSERT_PTR_NOT_EQUAL(c4, heap);
	CU_ASSERT_TRUE(slab_object(c4));
	kfree_const(c1);
	kfree_const(c2);
	kfree_const(c3);
	fn(c4);
	kfree(heap);
	/* the ledger checks that c3 and c4 (only) were freed */
}

static void test_kstrdup_leak_names_line(void)
{
	char *p = kstrdup("leak", GFP_KERNEL);	/* LINE:str_leak */

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	expect_report_at(KSHIM_REPORT_LEDGER, "allocated at ", "str_leak");
}

/* ---- kasprintf ---- */

static __printf(1, 2) const char *fmt_const(const char *fmt, ...)
{
	const char *r;
	va_list ap;

	va_start(ap, fmt);
	r = kvasprintf_const(GFP_KERNEL, fmt, ap);
	va_end(ap);
	return r;
}

static void test_kasprintf(void)
{
	int x = 5;
	char want[64];
	char *a = kasprintf(GFP_KERNEL, "%d-%s-%03x", 42, "abc", 0x1f);
	char *b = kasprintf(GFP_KERNEL, "%p", &x);	/* the kernel's %p */
	const char *volatile null_str = NULL;
	char *e = kasprintf(GFP_KERNEL, "%s", null_str);

	CU_ASSERT_FATAL(a && b && e);
	CU_ASSERT_STRING_EQUAL(a, "42-abc-01f");
	scnprintf(want, sizeof(want), "%p", &x);
	CU_ASSERT_STRING_EQUAL(b, want);
	CU_ASSERT_EQUAL(strlen(b), 16);		/* hashed, 16 hex digits */
	CU_ASSERT_STRING_EQUAL(e, "(null)");
	CU_ASSERT_TRUE(slab_object(a));
	CU_ASSERT_EQUAL(ksize(a) >= 11, 1);
	kfree(a);
	kfree(b);
	kfree(e);
}

static void test_kvasprintf_const(void)
{
	char name[] = "dyn";
	const char *c1 = fmt_const("no conversions");
	const char *c2 = fmt_const("%s", "a literal");
	const char *c3 = fmt_const("%s", name);
	const char *c4 = fmt_const("x%dy", 7);

	CU_ASSERT_FATAL(c1 && c2 && c3 && c4);
	CU_ASSERT_FALSE(slab_object(c1));	/* the format itself */
	CU_ASSERT_FALSE(slab_object(c2));
	CU_ASSERT_STRING_EQUAL(c2, "a literal");
	CU_ASSERT_TRUE(slab_object(c3));
	CU_ASSERT_STRING_EQUAL(c3, "dyn");
	CU_ASSERT_STRING_EQUAL(c4, "x7y");
	kfree_const(c1);
	kfree_const(c2);
	kfree_const(c3);
	kfree_const(c4);
}

static CU_TestInfo tests[] = {
	{ "small sizes are slab objects", test_small_sizes_are_slab },
	{ "large size from the page allocator",
	  test_large_size_from_page_allocator },
	{ "failed kmalloc falls back to vmalloc",
	  test_failed_kmalloc_falls_back_to_vmalloc },
	{ "above KMALLOC_MAX_SIZE is vmalloc", test_huge_size_is_vmalloc },
	{ "GFP_ATOMIC never falls back", test_atomic_never_falls_back },
	{ "PAGE_SIZE never falls back", test_small_size_never_falls_back },
	{ "above INT_MAX warns once", test_above_int_max_warns_once },
	{ "above INT_MAX with __GFP_NOWARN is silent",
	  test_above_int_max_nowarn_silent },
	{ "kvcalloc, kvmalloc_array", test_array_forms },
	{ "kvfree of each kind", test_kvfree_each_kind },
	{ "kvfree_sensitive", test_kvfree_sensitive },
	{ "kvrealloc", test_kvrealloc },
	{ "kvmalloc leak names the line", test_kvmalloc_leak_names_line },
	{ "kstrdup family", test_kstrdup_family },
	{ "kstrdup_const and kfree_const", test_kstrdup_const },
	{ "kstrdup leak names the line", test_kstrdup_leak_names_line },
	{ "kasprintf", test_kasprintf },
	{ "kvasprintf_const", test_kvasprintf_const },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kvmalloc", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
