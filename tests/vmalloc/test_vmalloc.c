/*
 * test_vmalloc - vmalloc(), vmap() and vm_map_ram() as mm/vmalloc.c of
 * 6.1 makes them: page-aligned addresses of the vmalloc range backed by
 * real (highmem) frames that the direct map, kmap_local_page() and
 * vmalloc_to_page() agree on; an unmapped guard page after each area and
 * a freed area that keeps faulting, both oopsing with the area named; the
 * per-test leak ledger; areas made before a test forks; deferred vfree().
 */
#include <pthread.h>
#include <string.h>

#include <kshim/context.h>
#include <kshim/fail.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>

#include "common/expect_bug.h"

#define expect_report_at(cls, prefix, marker) \
	expect_report_at_in(__FILE__, cls, prefix, marker)
#include "arch/poison.h"	/* arch_poison_watched() */
#include "mm/internal.h"	/* kshim_vmalloc_keep() */

#define THIS_FILE "tests/vmalloc/test_vmalloc.c"

static void test_vmalloc_basics(void)
{
	unsigned long before = vmalloc_nr_pages();
	unsigned char *p = vmalloc(3 * PAGE_SIZE + 100);
	struct vm_struct *vm;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(PAGE_ALIGNED(p));
	CU_ASSERT_TRUE(is_vmalloc_addr(p));
	CU_ASSERT_TRUE(is_vmalloc_or_module_addr(p + 4 * PAGE_SIZE - 1));
	CU_ASSERT_FALSE(virt_addr_valid(p));
	CU_ASSERT_TRUE((unsigned long)p >= VMALLOC_START);
	CU_ASSERT_TRUE((unsigned long)p < VMALLOC_END);
	memset(p, 0x5a, 3 * PAGE_SIZE + 100);
	/*
	 * The rest of the last page (up to PAGE_ALIGN(size)) is mapped, but
	 * ASan and memcheck treat it as KASAN_VMALLOC does: out of bounds.
	 */
	if (!arch_poison_watched())
		memset(p + 3 * PAGE_SIZE + 100, 0x5a, PAGE_SIZE - 100);
	vm = find_vm_area(p + PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_EQUAL(vm->addr, p);
	CU_ASSERT_EQUAL(vm->size, 5 * PAGE_SIZE);	/* with the guard */
	CU_ASSERT_EQUAL(get_vm_area_size(vm), 4 * PAGE_SIZE);
	CU_ASSERT_EQUAL(vm->nr_pages, 4);
	CU_ASSERT_TRUE(vm->flags & VM_ALLOC);
	CU_ASSERT_EQUAL(vmalloc_nr_pages(), before + 4);
	vfree(p);
	CU_ASSERT_PTR_NULL(find_vm_area(p));
	CU_ASSERT_EQUAL(vmalloc_nr_pages(), before);
	CU_ASSERT_FALSE(is_vmalloc_addr(&p));
}

/* vzalloc(), vmalloc_user(), vcalloc(): zeroed even over poisoned frames. */
static void test_zeroing_flavours(void)
{
	unsigned char *a = vmalloc(2 * PAGE_SIZE), *b, *c, *d;
	unsigned long i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	memset(a, 0xee, 2 * PAGE_SIZE);
	vfree(a);	/* the same frames are likely handed out next */
	b = vzalloc(2 * PAGE_SIZE);
	c = vmalloc_user(100);
	d = vcalloc(10, 400);
	CU_ASSERT_FATAL(b && c && d);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		if (b[i])
			break;
	CU_ASSERT_EQUAL(i, 2 * PAGE_SIZE);
	CU_ASSERT_TRUE(find_vm_area(c)->flags & VM_USERMAP);
	CU_ASSERT_EQUAL(c[0] | c[99] | d[0] | d[3999], 0);
	CU_ASSERT_PTR_NULL(vmalloc_array(SIZE_MAX / 2, 4));	/* overflow */
	CU_ASSERT_PTR_NULL(vcalloc(2, SIZE_MAX / 2 + 1));
	vfree(b);
	vfree(c);
	vfree(d);
}

/*
 * GFP_KERNEL | __GFP_HIGHMEM: the frames are highmem, and the bytes are
 * the same through the vmalloc address and a kmap of vmalloc_to_page().
 */
static void test_highmem_frames_same_bytes(void)
{
	const unsigned long size = 8 * PAGE_SIZE;
	unsigned char *p = vmalloc(size);
	unsigned long off;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	for (off = 0; off < size; off++)
		p[off] = (unsigned char)(off * 7 + off / PAGE_SIZE);
	for (off = 0; off < size; off += PAGE_SIZE / 2 + 123) {
		struct page *page = vmalloc_to_page(p + off);
		unsigned char *k;

		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		CU_ASSERT_TRUE(PageHighMem(page));
		CU_ASSERT_EQUAL(vmalloc_to_pfn(p + off), page_to_pfn(page));
		k = kmap_local_page(page);
		CU_ASSERT_EQUAL(k[offset_in_page(off)], p[off]);
		/* and back: a write through the kmap shows at p */
		k[offset_in_page(off)] ^= 0xff;
		kunmap_local(k);
		CU_ASSERT_EQUAL(p[off],
				(unsigned char)~(off * 7 + off / PAGE_SIZE));
	}
	/* distinct frames for distinct pages */
	CU_ASSERT_PTR_NOT_EQUAL(vmalloc_to_page(p),
				vmalloc_to_page(p + PAGE_SIZE));
	CU_ASSERT_PTR_NULL(vmalloc_to_page(p + size));	/* the guard */
	vfree(p);
	CU_ASSERT_PTR_NULL(vmalloc_to_page(p));
}

/* vmalloc_32(): DMA32 frames, never highmem, still reachable by kmap. */
static void test_vmalloc_32_lowmem(void)
{
	unsigned char *p = vmalloc_32(2 * PAGE_SIZE);
	struct page *page;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	page = vmalloc_to_page(p + PAGE_SIZE);
	CU_ASSERT_FALSE(PageHighMem(page));
	p[PAGE_SIZE + 5] = 42;
	CU_ASSERT_EQUAL(((unsigned char *)page_address(page))[5], 42);
	vfree(p);
}

/* vmap() of a driver's pages, highmem ones included; vunmap() keeps them. */
static void test_vmap_driver_pages(void)
{
	struct page *pages[3];
	unsigned char *v, *k;
	unsigned int i;

	pages[0] = alloc_page(GFP_HIGHUSER);
	pages[1] = alloc_page(GFP_KERNEL);
	pages[2] = alloc_page(GFP_HIGHUSER);
	CU_ASSERT_FATAL(pages[0] && pages[1] && pages[2]);
	CU_ASSERT_TRUE(PageHighMem(pages[0]) && !PageHighMem(pages[1]));
	v = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_TRUE(is_vmalloc_addr(v));
	for (i = 0; i < 3; i++) {
		CU_ASSERT_PTR_EQUAL(vmalloc_to_page(v + i * PAGE_SIZE + 9),
				    pages[i]);
		v[i * PAGE_SIZE + 9] = 0x10 + i;
	}
	CU_ASSERT_EQUAL(((unsigned char *)page_address(pages[1]))[9], 0x11);
	k = kmap_local_page(pages[2]);
	CU_ASSERT_EQUAL(k[9], 0x12);
	kunmap_local(k);
	/* a vmap area owns no pages: nr_pages 0 unless VM_MAP_PUT_PAGES */
	CU_ASSERT_EQUAL(find_vm_area(v)->nr_pages, 0);
	vunmap(v);
	CU_ASSERT_PTR_NULL(find_vm_area(v));
	k = kmap_local_page(pages[0]);
	CU_ASSERT_EQUAL(k[9], 0x10);	/* the page outlives the mapping */
	kunmap_local(k);
	for (i = 0; i < 3; i++)
		__free_page(pages[i]);
}

/* vm_map_ram(): no vm_struct for find_vm_area(), unmapped by count. */
static void test_vm_map_ram(void)
{
	struct page *pages[2] = { alloc_page(GFP_HIGHUSER),
				  alloc_page(GFP_HIGHUSER) };
	unsigned char *v;

	CU_ASSERT_FATAL(pages[0] && pages[1]);
	v = vm_map_ram(pages, 2, NUMA_NO_NODE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_PTR_NULL(find_vm_area(v));
	CU_ASSERT_PTR_EQUAL(vmalloc_to_page(v + PAGE_SIZE), pages[1]);
	v[PAGE_SIZE] = 7;
	vm_unmap_ram(v, 2);
	CU_ASSERT_PTR_NULL(vmalloc_to_page(v));
	v = kmap_local_page(pages[1]);
	CU_ASSERT_EQUAL(v[0], 7);
	kunmap_local(v);
	__free_page(pages[0]);
	__free_page(pages[1]);
}

/* vmap(VM_MAP_PUT_PAGES): vfree() frees the pages and the array. */
static void test_vmap_put_pages(void)
{
	struct page **pages = kvmalloc_array(2, sizeof(*pages), GFP_KERNEL);
	void *v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pages);
	pages[0] = alloc_page(GFP_HIGHUSER);
	pages[1] = alloc_page(GFP_HIGHUSER);
	v = vmap(pages, 2, VM_MAP_PUT_PAGES, PAGE_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_EQUAL(find_vm_area(v)->nr_pages, 2);
	vfree(v);	/* the ledger checks that pages and array went */
}

/* A PAGE_KERNEL_RO vmap() is read-only: a write is the oops. */
static void test_vmap_readonly_write_oopses(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	volatile unsigned char *v;
	char want[160];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	v = vmap(&page, 1, VM_MAP, PAGE_KERNEL_RO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_EQUAL(v[0], v[0]);	/* reads are fine */
	snprintf(want, sizeof(want),
		 "is in page 0 of vmalloc area %#lx-%#lx, mapped read-only\n",
		 (unsigned long)v, (unsigned long)v + PAGE_SIZE);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	v[1] = 1;
	CU_FAIL("the write to a read-only vmap did not fault");
}

/* ---- the guard page and use after vfree(): the oops names the area ---- */

static void test_guard_page_overrun_oopses(void)
{
	volatile unsigned char *p = vmalloc(PAGE_SIZE + 10); /* LINE:guard_alloc */
	unsigned long a = (unsigned long)p;
	char want[768];

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	if (!arch_poison_watched())
		p[2 * PAGE_SIZE - 1] = 1;	/* the last page's rest: mapped */
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor write access in kernel mode\n"
		 "#PF: error_code(0x0002) - not-present page\n"
		 "kshim: %#lx is in the guard page after vmalloc area %#lx-%#lx: an access %lu bytes beyond its end\n"
		 "kshim: the area: %lu bytes from vmalloc() at %s:%d (%s)\n"
		 "kshim: the faulting access: %s:%d (%s)\n"
		 "Oops: 0002 [#1]",
		 a + 2 * PAGE_SIZE + 3, a + 2 * PAGE_SIZE + 3, a,
		 a + 2 * PAGE_SIZE, 2 * PAGE_SIZE + 3 - (PAGE_SIZE + 10),
		 PAGE_SIZE + 10, THIS_FILE, marker_line("guard_alloc"),
		 __func__, THIS_FILE, marker_line("guard_write"), __func__);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	p[2 * PAGE_SIZE + 3] = 1;	/* LINE:guard_write */
	CU_FAIL("the write to the guard page did not fault");
}

static void test_use_after_vfree_oopses(void)
{
	volatile unsigned char *p = vzalloc(3 * PAGE_SIZE); /* LINE:uaf_alloc */
	unsigned long a = (unsigned long)p;
	char want[768];

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	vfree((void *)p);			/* LINE:uaf_free */
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n"
		 "kshim: %#lx is in vmalloc area %#lx-%#lx, which was freed\n"
		 "kshim: the area: %lu bytes from vzalloc() at %s:%d (%s)\n"
		 "kshim: freed by vfree() at %s:%d (%s)\n"
		 "kshim: the faulting access: %s:%d (%s)\n",
		 a + PAGE_SIZE + 8, a + PAGE_SIZE + 8, a, a + 3 * PAGE_SIZE,
		 3 * PAGE_SIZE, THIS_FILE, marker_line("uaf_alloc"), __func__,
		 THIS_FILE, marker_line("uaf_free"), __func__,
		 THIS_FILE, marker_line("uaf_read"), __func__);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	(void)p[PAGE_SIZE + 8];			/* LINE:uaf_read */
	CU_FAIL("the read after vfree() did not fault");
}

/* Freed ranges are not handed out again at once: stale pointers fault. */
static void test_freed_range_not_reused_at_once(void)
{
	void *a = vmalloc(PAGE_SIZE), *b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	vfree(a);
	b = vmalloc(PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_PTR_NOT_EQUAL(a, b);
	vfree(b);
}

/* ---- failures ---- */

/* A page allocation failing inside vmalloc(): NULL, silently (6.1.192). */
static void test_page_failure_is_silent(void)
{
	long pages = kshim_pages_allocated();
	void *p;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=" THIS_FILE
							",nth=3"), 0);
	p = vmalloc(5 * PAGE_SIZE);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), pages);	/* undone */
	kshim_fail_page_alloc_clear();
	p = vmalloc(5 * PAGE_SIZE);
	CU_ASSERT_PTR_NOT_NULL(p);
	vfree(p);
}

/* ---- the leak ledger ---- */

static void test_leak_is_reported(void)
{
	char want[256];
	void *p;

	p = vmalloc(1000);			/* LINE:leak_alloc */
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	/* the kernel's %px: scnprintf() is the kernel's in tests too */
	scnprintf(want, sizeof(want),
		 "kshim: ledger: vmalloc areas is 1 at test end, was 0 at test start\n"
		 "kshim: vmalloc area %px-%px (1000 bytes) from vmalloc() at %s:%d (%s) was never freed\n",
		 p, (char *)p + PAGE_SIZE, THIS_FILE,
		 marker_line("leak_alloc"), __func__);
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
}

static void test_many_leaks_first_ten(void)
{
	unsigned int i;

	for (i = 0; i < 13; i++)
		CU_ASSERT_PTR_NOT_NULL(vmalloc(100 + i));
	/* the tenth, then the count (one report: one expectation) */
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "(109 bytes) from vmalloc() at " THIS_FILE ":",
			    1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_many_leaks_then_count(void)
{
	unsigned int i;

	for (i = 0; i < 13; i++)
		CU_ASSERT_PTR_NOT_NULL(vmalloc(100 + i));
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "was never freed\nkshim: ... and 3 more vmalloc area(s)\n",
			    1);
}

static void test_kept_area_is_no_leak(void)
{
	void *p = vmalloc(3 * PAGE_SIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	kshim_vmalloc_keep((char *)p + 5);	/* any address inside */
	/* neither the area nor its pages are reported */
}

/* ---- areas made before the test forks ---- */

static unsigned char *suite_area;

static int suite_init(void)
{
	unsigned long i;

	suite_area = vmalloc(3 * PAGE_SIZE);
	if (!suite_area)
		return 1;
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		suite_area[i] = (unsigned char)i;
	return 0;
}

static int suite_cleanup(void)
{
	vfree(suite_area);
	return 0;
}

/* The child's RAM is a copy: the area is usable and private. */
static void test_area_from_suite_init(void)
{
	struct page *page;
	unsigned char *k;
	unsigned long i;

	for (i = 0; i < 3 * PAGE_SIZE; i++)
		if (suite_area[i] != (unsigned char)i)
			break;
	CU_ASSERT_EQUAL(i, 3 * PAGE_SIZE);
	suite_area[PAGE_SIZE + 1] = 0xa5;
	page = vmalloc_to_page(suite_area + PAGE_SIZE);
	k = kmap_local_page(page);
	CU_ASSERT_EQUAL(k[1], 0xa5);	/* the same frame, the child's RAM */
	k[2] = 0x5a;
	kunmap_local(k);
	CU_ASSERT_EQUAL(suite_area[PAGE_SIZE + 2], 0x5a);
}

/* The previous test's writes stayed in its child (with KSHIM_FORK=1). */
static void test_area_from_suite_init_again(void)
{
	if (strcmp(kshim_setting("KSHIM_FORK"), "1"))
		return;
	CU_ASSERT_EQUAL(suite_area[PAGE_SIZE + 1], (unsigned char)(PAGE_SIZE + 1));
	CU_ASSERT_EQUAL(suite_area[PAGE_SIZE + 2], (unsigned char)(PAGE_SIZE + 2));
}

/* ---- deferred vfree() ---- */

static void free_in_irq(void *p)
{
	vfree(p);	/* deferred: no report, nothing freed yet */
}

static void test_vfree_in_hardirq_deferred(void)
{
	unsigned char *p = vmalloc(2 * PAGE_SIZE);
	long pages;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	pages = kshim_pages_allocated();
	kshim_run_in_hardirq(free_in_irq, p);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_PTR_NOT_NULL(find_vm_area(p));	/* still there */
	CU_ASSERT_EQUAL(kshim_pages_allocated(), pages);
	vfree(NULL);		/* the next call from process context */
	CU_ASSERT_PTR_NULL(find_vm_area(p));
	CU_ASSERT_EQUAL(kshim_pages_allocated(), pages - 2);
}

static void test_vfree_in_softirq_and_atomic_freed_at_test_end(void)
{
	void *a = vmalloc(PAGE_SIZE), *b = vmalloc(PAGE_SIZE);

	CU_ASSERT_FATAL(a && b);
	kshim_run_in_softirq(free_in_irq, a);
	vfree_atomic(b);
	CU_ASSERT_PTR_NOT_NULL(find_vm_area(a));
	CU_ASSERT_PTR_NOT_NULL(find_vm_area(b));
	/* the test end drains the list: the ledger stays balanced */
}

/* ---- concurrency: TSan and helgrind must find nothing ---- */

static void *vmalloc_worker(void *arg)
{
	unsigned long i, seed = (unsigned long)arg;

	for (i = 0; i < 100; i++) {
		unsigned long size = 1 + (seed * 7919 + i * 104729) % 20000;
		unsigned char *p = vmalloc(size);

		if (!p)
			return (void *)1;
		p[0] = (unsigned char)i;
		p[size - 1] = (unsigned char)seed;
		if (p[0] != (unsigned char)i || !vmalloc_to_page(p + size - 1))
			return (void *)1;
		vfree(p);
	}
	return NULL;
}

static void vfree_on_cpu(void *p)
{
	vfree(p);	/* hardirq on another CPU: deferred */
}

static void test_concurrent_vmalloc_vfree(void)
{
	unsigned long i, before = vmalloc_nr_pages();
	pthread_t t[3];
	void *ret;

	for (i = 0; i < 3; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL,
						     vmalloc_worker,
						     (void *)(i + 1)), 0);
	for (i = 0; i < 20; i++) {
		void *p = vmalloc(PAGE_SIZE * (1 + i % 3));

		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		smp_call_function_single(1 + i % 2, vfree_on_cpu, p, 1);
	}
	for (i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(pthread_join(t[i], &ret), 0);
		CU_ASSERT_PTR_NULL(ret);
	}
	vfree(NULL);	/* drain what the other CPUs deferred */
	CU_ASSERT_EQUAL(vmalloc_nr_pages(), before);
}

static CU_TestInfo vmalloc_tests[] = {
	{ "vmalloc basics", test_vmalloc_basics },
	{ "vzalloc, vmalloc_user, vcalloc zero", test_zeroing_flavours },
	{ "highmem frames, same bytes via kmap", test_highmem_frames_same_bytes },
	{ "vmalloc_32 uses lowmem", test_vmalloc_32_lowmem },
	{ "vmap of driver pages", test_vmap_driver_pages },
	{ "vm_map_ram", test_vm_map_ram },
	{ "vmap VM_MAP_PUT_PAGES", test_vmap_put_pages },
	{ "read-only vmap write oopses", test_vmap_readonly_write_oopses },
	{ "guard page overrun oopses", test_guard_page_overrun_oopses },
	{ "use after vfree oopses", test_use_after_vfree_oopses },
	{ "freed range not reused at once",
	  test_freed_range_not_reused_at_once },
	{ "page failure inside vmalloc is silent", test_page_failure_is_silent },
	{ "leak is a ledger report", test_leak_is_reported },
	{ "many leaks: the first ten", test_many_leaks_first_ten },
	{ "many leaks: then a count", test_many_leaks_then_count },
	{ "kshim_vmalloc_keep", test_kept_area_is_no_leak },
	{ "vfree in hardirq is deferred", test_vfree_in_hardirq_deferred },
	{ "concurrent vmalloc/vfree, vfree on other CPUs",
	  test_concurrent_vmalloc_vfree },
	{ "deferred frees drained at test end",
	  test_vfree_in_softirq_and_atomic_freed_at_test_end },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo fork_tests[] = {
	{ "area from suite init", test_area_from_suite_init },
	{ "area from suite init, again", test_area_from_suite_init_again },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "vmalloc", NULL, NULL, NULL, NULL, vmalloc_tests },
	{ "fork", suite_init, suite_cleanup, NULL, NULL, fork_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
