/*
 * test_gup - get_user_pages() and pin_user_pages() on a simulated
 * process's memory (compat/mm/gup.c): the pages are the ones the process
 * wrote, faulted in when not present; FOLL_PIN adds 1024 to an order-0
 * page (page_maybe_dma_pinned()) and unpin_user_page() takes exactly that
 * back; a pinned highmem page is reached with kmap_local_page(); the
 * flag misuse WARN_ON_ONCE()s with -EINVAL at the caller's line; VM_IO
 * areas, read-only areas and holes give -EFAULT or a partial count; a pin
 * left at test end is the ledger's, naming the pinning line; kshim's own
 * checks (beyond the kernel) of an unpin of an unpinned page and of a
 * put_page() of a pinned one.  Each call runs in a thread of the process
 * (current->mm is its mm), through kshim_call_start().
 */
#include <stdio.h>
#include <string.h>

#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <kshim/test.h>
#include <kshim/user.h>

#include "sched/sched_test.h"

#define NPAGES	4

static struct kshim_proc *proc;
static unsigned long ubuf;		/* NPAGES of the process's memory */

/* Run @fn(@arg) as a thread of the process; its result. */
static long in_proc(long (*fn)(struct kshim_proc *, void *), void *arg)
{
	struct kshim_call *c = kshim_call_start(proc, fn, arg);
	long ret;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	ret = kshim_call_wait(c);
	kshim_call_free(c);
	return ret;
}

/* A process with NPAGES of anonymous memory; page 0 written. */
static void setup(void)
{
	proc = kshim_proc_create("gup");
	CU_ASSERT_PTR_NOT_NULL_FATAL(proc);
	ubuf = (unsigned long)kshim_user_alloc(proc, NPAGES * PAGE_SIZE);
	CU_ASSERT_FATAL((long)ubuf > 0);
	CU_ASSERT_EQUAL_FATAL(kshim_user_write(proc, ubuf, "hello", 6), 0);
}

static void teardown(void)
{
	kshim_proc_exit(proc);
	proc = NULL;
}

/* ---- the pin counts ---- */

struct counts {
	struct page *page;
	int base, pinned, unpinned;
	bool dma_pinned, dma_unpinned, highmem;
	char data[8];
};

static long pin_counts(struct kshim_proc *p, void *arg)
{
	struct counts *c = arg;
	struct page *page, *got;
	void *kaddr;

	/* The base count: what the page has without us. */
	if (get_user_pages_fast(ubuf, 1, 0, &page) != 1)
		return -1;
	c->base = page_count(page) - 1;
	put_page(page);

	if (pin_user_pages_fast(ubuf, 1, FOLL_WRITE, &got) != 1)
		return -2;
	c->page = got;
	c->pinned = page_count(got);
	c->dma_pinned = page_maybe_dma_pinned(got);
	c->highmem = PageHighMem(got);
	kaddr = kmap_local_page(got);
	memcpy(c->data, kaddr, sizeof(c->data));
	kunmap_local(kaddr);
	unpin_user_page(got);
	c->unpinned = page_count(got);
	c->dma_unpinned = page_maybe_dma_pinned(got);
	return 0;
}

static void test_pin_adds_bias_unpin_reverses(void)
{
	struct counts c = { 0 };

	setup();
	CU_ASSERT_EQUAL(in_proc(pin_counts, &c), 0);
	CU_ASSERT(c.base >= 1);
	CU_ASSERT_EQUAL(c.pinned, c.base + GUP_PIN_COUNTING_BIAS);
	CU_ASSERT_TRUE(c.dma_pinned);
	CU_ASSERT_EQUAL(c.unpinned, c.base);
	CU_ASSERT_FALSE(c.dma_unpinned);
	/* The page the process wrote. */
	CU_ASSERT_STRING_EQUAL(c.data, "hello");
	teardown();
}

/* FOLL_GET counts one per page, and put_page() gives it back. */
static long get_counts(struct kshim_proc *p, void *arg)
{
	struct counts *c = arg;
	struct page *pages[2];

	mmap_read_lock(current->mm);
	if (get_user_pages(ubuf, 1, 0, pages) != 1 ||
	    get_user_pages(ubuf, 1, 0, pages + 1) != 1) {
		mmap_read_unlock(current->mm);
		return -1;
	}
	mmap_read_unlock(current->mm);
	c->pinned = page_count(pages[0]);
	c->dma_pinned = page_maybe_dma_pinned(pages[0]);
	put_page(pages[0]);
	put_page(pages[1]);
	c->unpinned = page_count(pages[0]);
	return pages[0] == pages[1] ? 0 : -2;
}

static void test_get_counts_one_per_page(void)
{
	struct counts c = { 0 };

	setup();
	CU_ASSERT_EQUAL(in_proc(get_counts, &c), 0);
	CU_ASSERT_EQUAL(c.pinned, c.unpinned + 2);
	CU_ASSERT_FALSE(c.dma_pinned);
	teardown();
}

/* ---- highmem: the pinned user page through kmap_local_page() ---- */

static long pin_and_write(struct kshim_proc *p, void *arg)
{
	struct counts *c = arg;
	struct page *page;
	char *kaddr;

	if (pin_user_pages_unlocked(ubuf + PAGE_SIZE, 1, &page,
				    FOLL_WRITE | FOLL_LONGTERM) != 1)
		return -1;
	c->highmem = PageHighMem(page);
	c->dma_pinned = page_maybe_dma_pinned(page);
	kaddr = kmap_local_page(page);
	strcpy(kaddr + 100, "from the kernel");
	kunmap_local(kaddr);
	unpin_user_pages_dirty_lock(&page, 1, true);
	c->dma_unpinned = page_maybe_dma_pinned(page);
	return PageDirty(page) ? 0 : -2;
}

static void test_pinned_highmem_page_kmap_local(void)
{
	struct counts c = { 0 };
	char buf[32];

	setup();
	CU_ASSERT_EQUAL(in_proc(pin_and_write, &c), 0);
	/* Anonymous user memory is GFP_HIGHUSER_MOVABLE: highmem first. */
	CU_ASSERT_TRUE(c.highmem);
	CU_ASSERT_TRUE(c.dma_pinned);
	CU_ASSERT_FALSE(c.dma_unpinned);
	/* The process sees what the kernel wrote through its kmap. */
	CU_ASSERT_EQUAL(kshim_user_read(proc, ubuf + PAGE_SIZE + 100, buf,
					16), 0);
	CU_ASSERT_STRING_EQUAL(buf, "from the kernel");
	teardown();
}

/* ---- faulting pages in ---- */

static long gup_all(struct kshim_proc *p, void *arg)
{
	char (*data)[NPAGES][8] = arg;
	struct page *pages[NPAGES];
	long n, i;

	mmap_read_lock(current->mm);
	n = get_user_pages(ubuf, NPAGES, FOLL_WRITE, pages);
	mmap_read_unlock(current->mm);
	for (i = 0; i < n; i++) {
		void *kaddr = kmap_local_page(pages[i]);

		memcpy((*data)[i], kaddr, 8);
		kunmap_local(kaddr);
		put_page(pages[i]);
	}
	return n;
}

static void test_gup_faults_anonymous_pages_in(void)
{
	char data[NPAGES][8];

	setup();
	CU_ASSERT_EQUAL(kshim_user_write(proc, ubuf + 2 * PAGE_SIZE, "third",
					 6), 0);
	memset(data, 0x5a, sizeof(data));
	CU_ASSERT_EQUAL(in_proc(gup_all, data), NPAGES);
	CU_ASSERT_STRING_EQUAL(data[0], "hello");
	CU_ASSERT_STRING_EQUAL(data[2], "third");
	/* Pages 1 and 3 were never touched: faulted in, zero-filled. */
	CU_ASSERT_EQUAL(memcmp(data[1], "\0\0\0\0\0\0\0\0", 8), 0);
	CU_ASSERT_EQUAL(memcmp(data[3], "\0\0\0\0\0\0\0\0", 8), 0);
	teardown();
}

/* The area ends after NPAGES: the pages before the hole, then -EFAULT. */
static long gup_past_end(struct kshim_proc *p, void *arg)
{
	struct page *pages[NPAGES + 2];
	long n, i, err;

	n = pin_user_pages_fast(ubuf + 2 * PAGE_SIZE, 4, 0, pages);
	for (i = 0; i < n; i++)
		unpin_user_page(pages[i]);
	err = pin_user_pages_fast(ubuf + NPAGES * PAGE_SIZE, 1, 0, pages);
	return n * 100 - err;
}

static void test_partial_result_at_a_hole(void)
{
	setup();
	/* 2 pinned, then -EFAULT for the first page past the area. */
	CU_ASSERT_EQUAL(in_proc(gup_past_end, NULL), 2 * 100 + EFAULT);
	teardown();
}

/* ---- areas gup refuses ---- */

static long gup_vm_io(struct kshim_proc *p, void *arg)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret;

	mmap_write_lock(current->mm);
	vma = vma_lookup(current->mm, ubuf);
	vm_flags_set(vma, VM_IO);
	mmap_write_downgrade(current->mm);
	ret = get_user_pages(ubuf, 1, 0, &page);
	mmap_read_unlock(current->mm);
	return ret;
}

static void test_vm_io_area_is_efault(void)
{
	setup();
	CU_ASSERT_EQUAL(in_proc(gup_vm_io, NULL), -EFAULT);
	teardown();
}

static long gup_read_only(struct kshim_proc *p, void *arg)
{
	struct vm_area_struct *vma;
	struct page *page;
	long ret, forced;

	mmap_write_lock(current->mm);
	vma = vma_lookup(current->mm, ubuf);
	vm_flags_clear(vma, VM_WRITE);
	mmap_write_downgrade(current->mm);
	ret = get_user_pages(ubuf, 1, FOLL_WRITE, &page);
	/* FOLL_FORCE writes to a private (COW) mapping. */
	forced = get_user_pages(ubuf, 1, FOLL_WRITE | FOLL_FORCE, &page);
	mmap_read_unlock(current->mm);
	if (forced == 1)
		put_page(page);
	return ret * 10 + forced;
}

static void test_write_to_read_only_area(void)
{
	setup();
	CU_ASSERT_EQUAL(in_proc(gup_read_only, NULL), -EFAULT * 10 + 1);
	teardown();
}

/* ---- flag misuse (6.1: WARN_ON_ONCE + -EINVAL) ---- */

static long gup_with_foll_pin(struct kshim_proc *p, void *arg)
{
	struct page *page;
	long ret, ret2;

	mmap_read_lock(current->mm);
	ret = get_user_pages(ubuf, 1, FOLL_PIN, &page); /* LINE:gup_pin */
	ret2 = get_user_pages(ubuf, 1, FOLL_LONGTERM, &page); /* LINE:gup_lt */
	mmap_read_unlock(current->mm);
	return ret == -EINVAL && ret2 == -EINVAL ? 0 : -1;
}

static void test_get_user_pages_foll_pin_warns(void)
{
	char pin[256], lt[256];

	setup();
	file_line(pin, " at ", "gup_pin", " ");
	file_line(lt, " at ", "gup_lt", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, pin, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, lt, 1);
	CU_ASSERT_EQUAL(in_proc(gup_with_foll_pin, NULL), 0);
	teardown();
}

static long pin_with_foll_get(struct kshim_proc *p, void *arg)
{
	struct page *page;
	long a, b, c;

	a = pin_user_pages_fast(ubuf, 1, FOLL_GET, &page); /* LINE:pin_get */
	mmap_read_lock(current->mm);
	b = pin_user_pages(ubuf, 1, FOLL_GET | FOLL_WRITE, &page); /* LINE:pin_get2 */
	c = pin_user_pages(ubuf, 1, 0, NULL); /* LINE:pin_null */
	mmap_read_unlock(current->mm);
	return a == -EINVAL && b == -EINVAL && c == -EINVAL ? 0 : -1;
}

static void test_pin_user_pages_foll_get_warns(void)
{
	char w1[256], w2[256], w3[256];

	setup();
	file_line(w1, " at ", "pin_get", " ");
	file_line(w2, " at ", "pin_get2", " ");
	file_line(w3, " at ", "pin_null", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, w1, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, w2, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING, w3, 1);
	CU_ASSERT_EQUAL(in_proc(pin_with_foll_get, NULL), 0);
	teardown();
}

/* WARN_ON_ONCE(): the second misuse from the same check is silent. */
static long pin_get_twice(struct kshim_proc *p, void *arg)
{
	struct page *page;
	long a, b;

	a = pin_user_pages_fast(ubuf, 1, FOLL_GET, &page); /* LINE:once */
	b = pin_user_pages_fast(ubuf, 1, FOLL_GET, &page);
	return a == -EINVAL && b == -EINVAL ? 0 : -1;
}

static void test_misuse_warns_once(void)
{
	char want[256];

	setup();
	file_line(want, " at ", "once", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	CU_ASSERT_EQUAL(in_proc(pin_get_twice, NULL), 0);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING), want);
	teardown();
}

/* 6.8 (the default profile) asserts the caller holds mmap_lock. */
static long gup_unlocked(struct kshim_proc *p, void *arg)
{
	struct page *page;
	long ret;

	ret = get_user_pages(ubuf, 1, 0, &page); /* LINE:no_lock */
	if (ret == 1)
		put_page(page);
	return ret;
}

static void test_get_user_pages_without_mmap_lock_warns(void)
{
	char want[256];

	setup();
	file_line(want, " at ", "no_lock", " ");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	CU_ASSERT_EQUAL(in_proc(gup_unlocked, NULL), 1);
	teardown();
}

/* ---- the ledger and kshim's checks beyond the kernel ---- */

static long pin_and_forget(struct kshim_proc *p, void *arg)
{
	struct page *page;

	return pin_user_pages_fast(ubuf, 1, 0, &page); /* LINE:leak */
}

static void test_missing_unpin_is_ledger(void)
{
	char want[256];

	setup();
	file_line(want, "pinned at pin_and_forget ", "leak", ";");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	CU_ASSERT_EQUAL(in_proc(pin_and_forget, NULL), 1);
	teardown();
}

static long unpin_a_gup_page(struct kshim_proc *p, void *arg)
{
	struct page *page;
	int before, after;

	if (get_user_pages_fast(ubuf, 1, 0, &page) != 1)
		return -1;
	before = page_count(page);
	unpin_user_page(page); /* LINE:unpin_get */
	after = page_count(page);
	put_page(page);
	return before == after ? 0 : -2;
}

static void test_unpin_of_unpinned_page_reports(void)
{
	char want[256];

	setup();
	file_line(want, "not pinned (no pin_user_pages*() reference outstanding) (beyond the kernel, which corrupts the page's counts here without a check) at ",
		  "unpin_get", "\n");
	kshim_expect_report(KSHIM_REPORT_GUP, want, 1);
	/* and the counts are left alone */
	CU_ASSERT_EQUAL(in_proc(unpin_a_gup_page, NULL), 0);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_GUP),
			"page dumped because: unpin_user_page() of a page that is not pinned");
	teardown();
}

static long put_a_pinned_page(struct kshim_proc *p, void *arg)
{
	struct page *page;

	if (pin_user_pages_fast(ubuf, 1, 0, &page) != 1)
		return -1;
	put_page(page); /* LINE:put_pinned */
	/* what the driver owed: the pin's reference, given back twice */
	get_page(page);
	unpin_user_page(page);
	return 0;
}

static void test_put_page_of_pinned_page_reports(void)
{
	char want[256];

	setup();
	file_line(want, "put_page() of a pinned page released a pin's reference (pins are released with unpin_user_page()) (beyond the kernel, which corrupts the page's counts here without a check) at ",
		  "put_pinned", "\n");
	kshim_expect_report(KSHIM_REPORT_GUP, want, 1);
	CU_ASSERT_EQUAL(in_proc(put_a_pinned_page, NULL), 0);
	teardown();
}

/* Correct pins and unpins of every form are silent and balanced. */
static long every_form(struct kshim_proc *p, void *arg)
{
	struct page *pages[NPAGES];
	long n = 0;

	n += pin_user_pages_fast(ubuf, NPAGES, FOLL_WRITE, pages);
	unpin_user_pages(pages, NPAGES);
	n += pin_user_pages_unlocked(ubuf, NPAGES, pages, 0);
	unpin_user_pages_dirty_lock(pages, NPAGES, false);
	mmap_read_lock(current->mm);
	n += pin_user_pages(ubuf, NPAGES, FOLL_LONGTERM, pages);
	unpin_user_page_range_dirty_lock(pages[0], 1, true);
	unpin_user_pages(pages + 1, NPAGES - 1);
	n += pin_user_pages_remote(current->mm, ubuf, 1, 0, pages, NULL);
	unpin_user_page(pages[0]);
	n += get_user_pages_remote(current->mm, ubuf, 1, 0, pages, NULL);
	put_page(pages[0]);
	mmap_read_unlock(current->mm);
	n += get_user_pages_unlocked(ubuf, 1, pages, FOLL_WRITE);
	put_page(pages[0]);
	n += get_user_pages_fast_only(ubuf, 1, 0, pages);
	put_page(pages[0]);
	n += pin_user_pages_fast_only(ubuf, 1, 0, pages);
	unpin_user_page(pages[0]);
	if (set_page_dirty_lock(pages[0]) < 0)
		return -1;
	return n;
}

static void test_every_form_silent(void)
{
	setup();
	CU_ASSERT_EQUAL(in_proc(every_form, NULL), 3 * NPAGES + 5);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

static CU_TestInfo gup_tests[] = {
	{ "pin adds 1024, unpin takes it back", test_pin_adds_bias_unpin_reverses },
	{ "FOLL_GET counts one per page", test_get_counts_one_per_page },
	{ "a pinned highmem page through kmap_local_page", test_pinned_highmem_page_kmap_local },
	{ "get_user_pages faults anonymous pages in", test_gup_faults_anonymous_pages_in },
	{ "a hole: partial count, then -EFAULT", test_partial_result_at_a_hole },
	{ "a VM_IO area: -EFAULT", test_vm_io_area_is_efault },
	{ "FOLL_WRITE to a read-only area", test_write_to_read_only_area },
	{ "get_user_pages with FOLL_PIN warns", test_get_user_pages_foll_pin_warns },
	{ "pin_user_pages with FOLL_GET warns", test_pin_user_pages_foll_get_warns },
	{ "misuse warns once", test_misuse_warns_once },
	{ "get_user_pages without mmap_lock warns (6.8)", test_get_user_pages_without_mmap_lock_warns },
	{ "a missing unpin: ledger", test_missing_unpin_is_ledger },
	{ "unpin of an unpinned page (beyond the kernel)", test_unpin_of_unpinned_page_reports },
	{ "put_page of a pinned page (beyond the kernel)", test_put_page_of_pinned_page_reports },
	{ "every form, correctly: silent", test_every_form_silent },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "gup", NULL, NULL, NULL, NULL, gup_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
