/*
 * test_page_flags - PG_* bits and their accessors (include/linux/page-flags.h
 * of 6.8): kernel-api.md §10 items 24-28.
 *
 * Item 25's other half - accessors 6.8 does not have must not compile - is
 * in tests/compile-fail/page_flags_*.c (run by tests/compile-fail.sh).
 *
 * Not applicable (noted): item 27 needs CONFIG_DEBUG_VM_PGFLAGS, which
 * kshim does not enable (nor does a usual DEBUG_VM kernel): modifying a
 * PF_NO_COMPOUND flag of a compound page or a PF_NO_TAIL flag of a tail
 * page does not BUG; the policies only pick the page the bit lives on, as
 * tested below, and no accessor checks for flags == -1 (poisoned).
 */
#include <pthread.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "mm/internal.h"

static struct page *page_or_die(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	return page;
}

#define BIT_SET(page, pg)	test_bit(pg, &(page)->flags)

/* 24: Set/Clear/Test, the non-atomic forms, TestSet/TestClear's old bit. */
static void test_24_accessor_semantics(void)
{
	struct page *page = page_or_die(GFP_KERNEL, 0);

	CU_ASSERT_FALSE(PageDirty(page));
	SetPageDirty(page);
	CU_ASSERT_TRUE(PageDirty(page));
	CU_ASSERT_TRUE(BIT_SET(page, PG_dirty));
	CU_ASSERT_EQUAL(page->flags, 1UL << PG_dirty);
	ClearPageDirty(page);
	CU_ASSERT_FALSE(PageDirty(page));
	CU_ASSERT_EQUAL(page->flags, 0);

	/* TestSet/TestClear return the bit as it was. */
	CU_ASSERT_FALSE(TestSetPageDirty(page));
	CU_ASSERT_TRUE(TestSetPageDirty(page));
	CU_ASSERT_TRUE(TestClearPageDirty(page));
	CU_ASSERT_FALSE(TestClearPageDirty(page));
	CU_ASSERT_FALSE(TestClearPageLRU(page));
	SetPageLRU(page);
	CU_ASSERT_TRUE(TestClearPageLRU(page));
	CU_ASSERT_FALSE(TestSetPageWriteback(page));
	CU_ASSERT_TRUE(PageWriteback(page));
	CU_ASSERT_TRUE(TestClearPageWriteback(page));
	CU_ASSERT_FALSE(PageWriteback(page));

	/* Non-atomic forms set the same bits. */
	__SetPageLocked(page);
	CU_ASSERT_TRUE(PageLocked(page));
	CU_ASSERT_TRUE(BIT_SET(page, PG_locked));
	__ClearPageLocked(page);
	CU_ASSERT_FALSE(PageLocked(page));
	__SetPageReserved(page);
	CU_ASSERT_TRUE(PageReserved(page));
	__ClearPageReserved(page);
	SetPageReserved(page);
	CU_ASSERT_TRUE(PageReserved(page));
	ClearPageReserved(page);
	CU_ASSERT_FALSE(PageReserved(page));
	__SetPageSwapBacked(page);
	CU_ASSERT_TRUE(PageSwapBacked(page));
	__ClearPageSwapBacked(page);
	__SetPageSlab(page);
	CU_ASSERT_TRUE(PageSlab(page));
	__ClearPageSlab(page);

	/* Each accessor touches only its own bit. */
	SetPagePrivate(page);
	SetPageUptodate(page);
	SetPageReferenced(page);
	SetPageError(page);
	SetPageActive(page);
	SetPageMappedToDisk(page);
	CU_ASSERT_EQUAL(page->flags,
			1UL << PG_private | 1UL << PG_uptodate |
			1UL << PG_referenced | 1UL << PG_error |
			1UL << PG_active | 1UL << PG_mappedtodisk);
	CU_ASSERT_TRUE(TestClearPageReferenced(page));
	CU_ASSERT_TRUE(TestClearPageError(page));
	ClearPagePrivate(page);
	ClearPageActive(page);
	ClearPageUptodate(page);
	ClearPageMappedToDisk(page);
	CU_ASSERT_EQUAL(page->flags, 0);
	__free_page(page);
}

/* 24: aliases share their bit (PG_checked = PG_owner_priv_1, ...). */
static void test_24_aliases(void)
{
	struct page *page = page_or_die(GFP_KERNEL, 0);

	SetPageChecked(page);
	CU_ASSERT_TRUE(PageOwnerPriv1(page));
	CU_ASSERT_TRUE(BIT_SET(page, PG_owner_priv_1));
	ClearPageOwnerPriv1(page);
	CU_ASSERT_FALSE(PageChecked(page));
	SetPageReadahead(page);
	CU_ASSERT_TRUE(PageReclaim(page));
	CU_ASSERT_TRUE(TestClearPageReclaim(page));
	CU_ASSERT_FALSE(PageReadahead(page));
	CU_ASSERT_EQUAL(PG_swapcache, PG_owner_priv_1);
	/* PageSwapCache needs SwapBacked too. */
	SetPageOwnerPriv1(page);
	CU_ASSERT_FALSE(PageSwapCache(page));
	SetPageSwapBacked(page);
	CU_ASSERT_TRUE(PageSwapCache(page));
	ClearPageSwapBacked(page);
	ClearPageOwnerPriv1(page);
	CU_ASSERT_EQUAL(page->flags, 0);
	__free_page(page);
}

/* 24: policies: PF_HEAD/PF_NO_TAIL act on the head, PF_ANY and
 * PF_NO_COMPOUND on the page itself. */
static void test_24_compound_policies(void)
{
	struct page *head = page_or_die(GFP_KERNEL | __GFP_COMP, 2);
	struct page *tail = head + 2;

	SetPageDirty(tail);			/* PF_HEAD */
	CU_ASSERT_TRUE(BIT_SET(head, PG_dirty));
	CU_ASSERT_FALSE(BIT_SET(tail, PG_dirty));
	CU_ASSERT_TRUE(PageDirty(head + 1));
	ClearPageDirty(head + 3);
	CU_ASSERT_FALSE(PageDirty(head));

	SetPageUptodate(tail);			/* PF_NO_TAIL */
	CU_ASSERT_TRUE(BIT_SET(head, PG_uptodate));
	CU_ASSERT_TRUE(PageUptodate(tail));
	ClearPageUptodate(head);

	SetPagePrivate(tail);			/* PF_ANY */
	CU_ASSERT_TRUE(BIT_SET(tail, PG_private));
	CU_ASSERT_FALSE(PagePrivate(head));
	ClearPagePrivate(tail);

	__SetPageLocked(head);			/* PF_NO_TAIL lock */
	CU_ASSERT_TRUE(PageLocked(tail));
	__ClearPageLocked(head);

	CU_ASSERT_EQUAL(head->flags, 1UL << PG_head);
	CU_ASSERT_EQUAL(tail->flags, 0);
	__free_pages(head, 2);
}

static struct page *shared_page;

static void *flip_bit(void *arg)
{
	int bit = (int)(long)arg, i;

	for (i = 0; i < 20000; i++) {
		set_bit(bit, &shared_page->flags);
		clear_bit(bit, &shared_page->flags);
	}
	set_bit(bit, &shared_page->flags);
	return NULL;
}

static void *flip_dirty(void *arg)
{
	int i;

	for (i = 0; i < 20000; i++) {
		SetPageDirty(shared_page);
		ClearPageDirty(shared_page);
	}
	SetPageDirty(shared_page);
	return NULL;
}

static void *flip_active(void *arg)
{
	int i;

	for (i = 0; i < 20000; i++) {
		SetPageActive(shared_page);
		ClearPageActive(shared_page);
	}
	SetPageActive(shared_page);
	return NULL;
}

static void *flip_private(void *arg)
{
	int i;

	for (i = 0; i < 20000; i++) {
		SetPagePrivate(shared_page);
		ClearPagePrivate(shared_page);
	}
	SetPagePrivate(shared_page);
	return NULL;
}

/* 24: the atomic accessors lose no update when CPUs race on one word. */
static void test_24_set_clear_are_atomic(void)
{
	void *(*fn[])(void *) = { flip_dirty, flip_active, flip_private,
				  flip_bit };
	pthread_t t[4];
	int i;

	shared_page = page_or_die(GFP_KERNEL, 0);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, fn[i],
				      (void *)(long)PG_referenced), 0);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	CU_ASSERT_EQUAL(shared_page->flags,
			1UL << PG_dirty | 1UL << PG_active |
			1UL << PG_private | 1UL << PG_referenced);
	shared_page->flags = 0;
	__free_page(shared_page);
}

/* 26: PageHighMem follows the zone; Set/ClearPageHighMem do nothing. */
static void test_26_page_highmem(void)
{
	struct page *low, *high;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_RAM=256M", "KSHIM_HIGHMEM=64M",
					 "KSHIM_NODES=1", NULL), 0);
	low = page_or_die(GFP_KERNEL, 0);
	high = page_or_die(GFP_HIGHUSER, 0);
	CU_ASSERT_FALSE(PageHighMem(low));
	CU_ASSERT_TRUE(PageHighMem(high));
	SetPageHighMem(low);
	ClearPageHighMem(high);
	CU_ASSERT_FALSE(PageHighMem(low));
	CU_ASSERT_TRUE(PageHighMem(high));
	CU_ASSERT_EQUAL(low->flags, 0);
	CU_ASSERT_EQUAL(high->flags, 0);
	CU_ASSERT_TRUE(PhysHighMem(page_to_phys(high)));
	CU_ASSERT_FALSE(PhysHighMem(page_to_phys(low)));
	/* The boundary is the first HighMem frame. */
	CU_ASSERT_TRUE(PageHighMem(pfn_to_page(highstart_pfn)));
	CU_ASSERT_FALSE(PageHighMem(pfn_to_page(highstart_pfn - 1)));
	__free_page(low);
	__free_page(high);
}

/* 26: without highmem, nothing is highmem. */
static void test_26_no_highmem(void)
{
	struct page *page;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_HIGHMEM=0", NULL), 0);
	page = page_or_die(GFP_HIGHUSER, 0);
	CU_ASSERT_FALSE(PageHighMem(page));
	CU_ASSERT_PTR_NOT_NULL(page_address(page));
	__free_page(page);
}

/* 28: SetPageUptodate publishes the data written before it. */
struct uptodate_msg {
	struct page *page;
	unsigned long *data;
};

static void *uptodate_reader(void *arg)
{
	struct uptodate_msg *m = arg;
	unsigned long sum = 0;
	int i;

	while (!PageUptodate(m->page))
		;
	/* Plain reads: ordered after the flag by PageUptodate's acquire. */
	for (i = 0; i < 64; i++)
		sum += m->data[i];
	return (void *)sum;
}

/*
 * ThreadSanitizer checks the ordering for real (it caught the fence-based
 * SetPageUptodate of old).  Helgrind and DRD do not model C11 atomics, so
 * any release/acquire publication is a "possible data race" to them:
 * under valgrind only the single-threaded half runs.
 */
static void test_28_uptodate_orders_contents(void)
{
	struct uptodate_msg m;
	pthread_t t;
	void *sum;
	int i;

	m.page = page_or_die(GFP_KERNEL, 0);
	m.data = page_address(m.page);
	if (RUNNING_ON_VALGRIND) {
		for (i = 0; i < 64; i++)
			m.data[i] = i + 1;
		SetPageUptodate(m.page);
		CU_ASSERT_EQUAL((unsigned long)uptodate_reader(&m),
				64 * 65 / 2);
		ClearPageUptodate(m.page);
		__free_page(m.page);
		return;
	}
	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, uptodate_reader, &m),
			      0);
	for (i = 0; i < 64; i++)
		m.data[i] = i + 1;	/* plain writes, then the flag */
	SetPageUptodate(m.page);
	pthread_join(t, &sum);
	CU_ASSERT_EQUAL((unsigned long)sum, 64 * 65 / 2);
	ClearPageUptodate(m.page);
	__free_page(m.page);
}

/* 28: __SetPageUptodate (for pages nobody else sees yet) also works. */
static void test_28_nonatomic_uptodate(void)
{
	struct page *page = page_or_die(GFP_KERNEL, 0);

	__SetPageUptodate(page);
	CU_ASSERT_TRUE(PageUptodate(page));
	CU_ASSERT_EQUAL(page->flags, 1UL << PG_uptodate);
	__free_page(page);
}

/* %pGp in dump_page() names the flags that are set. */
static void test_dump_page_names_flags(void)
{
	struct page *page = page_or_die(GFP_KERNEL, 0);

	SetPageDirty(page);
	SetPageReferenced(page);
	dump_page(page, "test");
	CU_ASSERT_TRUE(kshim_dmesg_contains("(referenced|dirty|node=0|zone=1)"));
	CU_ASSERT_TRUE(kshim_dmesg_contains("page dumped because: test\n"));
	ClearPageDirty(page);
	ClearPageReferenced(page);
	__free_page(page);
}

static CU_TestInfo tests[] = {
	{ "24_accessor_semantics", test_24_accessor_semantics },
	{ "24_aliases", test_24_aliases },
	{ "24_compound_policies", test_24_compound_policies },
	{ "24_set_clear_are_atomic", test_24_set_clear_are_atomic },
	{ "26_page_highmem", test_26_page_highmem },
	{ "26_no_highmem", test_26_no_highmem },
	{ "28_uptodate_orders_contents", test_28_uptodate_orders_contents },
	{ "28_nonatomic_uptodate", test_28_nonatomic_uptodate },
	{ "dump_page_names_flags", test_dump_page_names_flags },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "page_flags", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
