/*
 * test_kmap - kmap()/kunmap() and page_address() of 6.8 with
 * CONFIG_HIGHMEM (include/linux/highmem-internal.h, mm/highmem.c):
 * checklist items 48-54 and 90 of the kernel API reference (section 10),
 * the pkmap area running full (a second thread's kunmap() lets the
 * sleeper go on; with nobody left to kunmap, kshim's deadlock report
 * instead of a hang), the ledger for leaked kmaps, and the settings.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include <kshim/context.h>
#include <kshim/test.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "common/flags.h"
#include "highmem/highmem_test.h"
#include "highmem/kmap_snippets.h"

#define THIS_FILE	"tests/highmem/test_kmap.c"

/* ---- 48: lowmem ---- */

static void test_kmap_lowmem_is_page_address(void)
{
	struct page *page = low_page();

	CU_ASSERT_PTR_EQUAL(kmap(page), page_address(page));
	kunmap(page);
	/* kunmap() of a lowmem page does nothing, even one too many. */
	kunmap(page);
	__free_page(page);
}

/* ---- 49, 50: sleeping ---- */

static DEFINE_SPINLOCK(lock);

static void test_kmap_in_atomic_reports(void)
{
	struct page *page = high_page();

	expect_might_sleep_at(THIS_FILE, "kmap_atomic_ctx");
	spin_lock(&lock);
	kmap(page);				/* LINE:kmap_atomic_ctx */
	spin_unlock(&lock);
	kunmap(page);
	__free_page(page);
}

static void test_kmap_lowmem_in_atomic_reports(void)
{
	struct page *page = low_page();

	expect_might_sleep_at(THIS_FILE, "kmap_low_atomic_ctx");
	preempt_disable();
	kmap(page);				/* LINE:kmap_low_atomic_ctx */
	preempt_enable();
	kunmap(page);
	__free_page(page);
}

static void test_kmap_kunmap_in_process_context_silent(void)
{
	struct page *page = high_page();
	char *p = kmap(page);

	p[0] = 'k';
	kunmap(page);
	__free_page(page);
}

static struct page *irq_page;

static void kunmap_in_irq(void *arg)
{
	kunmap(irq_page);			/* LINE:kunmap_irq */
}

static void test_kunmap_in_hardirq_might_sleep(void)
{
	irq_page = high_page();
	expect_might_sleep_at(THIS_FILE, "kunmap_irq");
	kmap(irq_page);
	kshim_run_in_hardirq(kunmap_in_irq, NULL);
	CU_ASSERT_PTR_NULL(page_address(irq_page));
	__free_page(irq_page);
}

/* 50, 2.6.3x: kunmap() in interrupt context is a BUG, no might_sleep(). */
static void kunmap26_in_irq(void *arg)
{
	snip26_kunmap(irq_page);
}

static void test_kunmap_26_in_hardirq_bugs(void)
{
	char want[256];

	irq_page = high_page();
	snip26_kmap(irq_page);
	snprintf(want, sizeof(want), "kernel BUG at %s:%d!\n",
		 KMAP_SNIPPETS_26_FILE,
		 marker_line_in(KMAP_SNIPPETS_26_FILE, "kunmap_26"));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	kshim_run_in_hardirq(kunmap26_in_irq, NULL);
	CU_FAIL("a 2.6.36 kunmap() in hardirq returned");
}

static void test_kunmap_26_atomic_process_silent(void)
{
	struct page *page = high_page();

	snip26_kmap(page);
	snip26_kunmap_locked(page);
	CU_ASSERT_PTR_NULL(page_address(page));
	snip26_kmap(page);
	snip26_kunmap(page);
	__free_page(page);
}

/* ---- 51, 90: the pkmap window and page_address() ---- */

static void test_kmap_highmem_window(void)
{
	struct page *page = high_page();
	char *p, *q;

	CU_ASSERT_PTR_NULL(page_address(page));		/* 90 */
	p = kmap(page);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_FALSE(virt_addr_valid(p));		/* not the direct map */
	CU_ASSERT_PTR_EQUAL(page_address(page), p);
	q = kmap(page);					/* a second user */
	CU_ASSERT_PTR_EQUAL(q, p);
	strcpy(p, "highmem");
	kunmap(page);
	CU_ASSERT_PTR_EQUAL(page_address(page), p);	/* one user left */
	CU_ASSERT_STRING_EQUAL(q, "highmem");
	kunmap(page);
	CU_ASSERT_PTR_NULL(page_address(page));
	/* The frame kept what was written through the window. */
	p = kmap_local_page(page);
	CU_ASSERT_STRING_EQUAL(p, "highmem");
	kunmap_local(p);
	__free_page(page);
}

static void test_kmap_two_pages_two_windows(void)
{
	struct page *a = high_page(), *b = high_page();
	char *pa = kmap(a), *pb = kmap(b);

	CU_ASSERT_PTR_NOT_EQUAL(pa, pb);
	pa[0] = 'a';
	pb[0] = 'b';
	CU_ASSERT_EQUAL(pa[0], 'a');
	kunmap(b);
	kunmap(a);
	__free_page(a);
	__free_page(b);
}

/* 90: kmap_local/kmap_atomic addresses are never page_address(). */
static void test_page_address_not_kmap_local(void)
{
	struct page *page = high_page();
	char *p = kmap_local_page(page);

	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_PTR_NULL(page_address(page));
	kunmap_local(p);
	__free_page(page);
}

static void test_page_address_lowmem_linear(void)
{
	struct page *page = low_page();

	CU_ASSERT_PTR_EQUAL(page_address(page),
			    __va(page_to_pfn(page) << PAGE_SHIFT));
	CU_ASSERT_TRUE(virt_addr_valid(page_address(page)));
	__free_page(page);
}

/*
 * Issue 3 item 2: virt_addr_valid() is false for kmap windows (kmap and
 * kmap_local, and a lowmem page forced through a window) and for the
 * address a highmem page would have in the direct map; true for lowmem.
 */
static void test_virt_addr_valid_not_for_kmaps(void)
{
	struct page *high = high_page(), *low = low_page();
	char *k = kmap(high), *l = kmap_local_page(high);

	CU_ASSERT_FALSE(virt_addr_valid(k));
	CU_ASSERT_FALSE(virt_addr_valid(l));
	CU_ASSERT_FALSE(virt_addr_valid(__va(page_to_pfn(high) << PAGE_SHIFT)));
	CU_ASSERT_TRUE(virt_addr_valid(page_address(low)));
	kunmap_local(l);
	kunmap(high);
	__free_page(high);
	__free_page(low);

	low = forced_low_page();
	l = kmap_local_page(low);
	CU_ASSERT_PTR_NOT_EQUAL(l, page_address(low));
	CU_ASSERT_FALSE(virt_addr_valid(l));
	CU_ASSERT_TRUE(virt_addr_valid(page_address(low)));
	kunmap_local(l);
	__free_page(low);
}

/* ---- 53, 54: kunmap and set_page_address misuse ---- */

static void test_kunmap_not_kmapped_bugs(void)
{
	struct page *page = high_page();

	expect_vm_bug("kunmap_never");
	kunmap(page);				/* LINE:kunmap_never */
	CU_FAIL("kunmap() of a page that is not kmapped returned");
}

static void test_kunmap_once_too_many_bugs(void)
{
	struct page *page = high_page();

	kmap(page);
	kunmap(page);
	expect_vm_bug("kunmap_extra");
	kunmap(page);				/* LINE:kunmap_extra */
	CU_FAIL("the extra kunmap() returned");
}

static void test_set_page_address_lowmem_bugs(void)
{
	struct page *page = low_page();

	expect_vm_bug("set_page_address_low");
	set_page_address(page, NULL);		/* LINE:set_page_address_low */
	CU_FAIL("set_page_address() of a lowmem page returned");
}

static void test_kmap_flush_unused_keeps_users(void)
{
	struct page *page = high_page();
	char *p = kmap(page);

	kmap_flush_unused();
	CU_ASSERT_PTR_EQUAL(page_address(page), p);
	p[1] = 1;
	kunmap(page);
	kmap_flush_unused();
	CU_ASSERT_PTR_NULL(page_address(page));
	__free_page(page);
}

/* ---- 52: the pkmap area full ---- */

#define SMALL_PKMAP	"KSHIM_LAST_PKMAP=4"

struct holder {
	struct page *page;
	struct task_struct *waiter;
	void *vaddr;
};

static int holder_ready;

/* Holds one slot until the waiter sleeps in kmap(), then frees it. */
static void *holder_fn(void *arg)
{
	struct holder *h = arg;
	int n;

	h->vaddr = kmap(h->page);
	flag_store(&holder_ready, 1);
	for (n = 0; n < 20000; n++) {
		if (kshim_task_state(h->waiter) == TASK_UNINTERRUPTIBLE)
			break;
		usleep(1000);
	}
	kunmap(h->page);
	return NULL;
}

static void test_kmap_full_waits_for_kunmap(void)
{
	struct page *pages[4], *extra;
	struct holder h;
	pthread_t t;
	char *p;
	int i;

	CU_ASSERT_EQUAL_FATAL(kshim_boot(SMALL_PKMAP, NULL), 0);
	for (i = 0; i < 3; i++) {
		pages[i] = high_page();
		kmap(pages[i]);
	}
	h.page = high_page();
	h.waiter = current;
	flag_store(&holder_ready, 0);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, holder_fn, &h), 0);
	while (!flag_load(&holder_ready))
		usleep(1000);
	extra = high_page();
	/* All four slots are taken: this sleeps until holder_fn's kunmap. */
	p = kmap(extra);
	CU_ASSERT_EQUAL(pthread_join(t, NULL), 0);
	CU_ASSERT_PTR_EQUAL(p, h.vaddr);	/* the slot it freed */
	CU_ASSERT_PTR_NULL(page_address(h.page));
	CU_ASSERT_PTR_EQUAL(page_address(extra), p);
	p[0] = 'x';
	kunmap(extra);
	for (i = 0; i < 3; i++) {
		kunmap(pages[i]);
		__free_page(pages[i]);
	}
	__free_page(h.page);
	__free_page(extra);
}

/* Nobody else holds a slot: the kernel would hang, kshim reports. */
static void test_kmap_full_alone_deadlock_report(void)
{
	struct page *page;
	char want[256];
	int i;

	CU_ASSERT_EQUAL_FATAL(kshim_boot(SMALL_PKMAP, "KSHIM_SPINLOCK_LOCKUP=50",
					 NULL), 0);
	for (i = 0; i < 4; i++)
		kmap(high_page());		/* LINE:deadlock_holders */
	page = high_page();
	snprintf(want, sizeof(want),
		 "kshim: kmap() deadlock (a kshim report: the kernel would hang here)\n"
		 "kshim: %s/%d waits in kmap() at %s:%d for a free pkmap slot",
		 current->comm, current->pid, THIS_FILE,
		 marker_line("deadlock_kmap"));
	kshim_expect_report(KSHIM_REPORT_KMAP_DEADLOCK, want, 1);
	kmap(page);				/* LINE:deadlock_kmap */
	CU_FAIL("kmap() with every slot held by its own task returned");
}

/* The holders named in the report are where they were kmapped. */
static void test_kmap_deadlock_names_holders(void)
{
	char want[256];

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_LAST_PKMAP=1",
					 "KSHIM_SPINLOCK_LOCKUP=50", NULL), 0);
	kmap(high_page());			/* LINE:deadlock_holder */
	snprintf(want, sizeof(want), " kmap()ed at %s:%d (%s) by %s/%d\n",
		 THIS_FILE, marker_line("deadlock_holder"),
		 "test_kmap_deadlock_names_holders", current->comm,
		 current->pid);
	kshim_expect_report(KSHIM_REPORT_KMAP_DEADLOCK, want, 1);
	kmap(high_page());
	CU_FAIL("kmap() with the only slot held returned");
}

/* A thread that exited holding slots can free none of them. */
static void *exit_holding_fn(void *arg)
{
	kmap(arg);
	return NULL;
}

static void test_kmap_full_holder_exited_deadlock(void)
{
	pthread_t t;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_LAST_PKMAP=1",
					 "KSHIM_SPINLOCK_LOCKUP=50", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, exit_holding_fn,
					     high_page()), 0);
	CU_ASSERT_EQUAL(pthread_join(t, NULL), 0);
	kshim_expect_report(KSHIM_REPORT_KMAP_DEADLOCK, NULL, 1);
	kmap(high_page());
	CU_FAIL("kmap() with the only slot held by a dead thread returned");
}

/* Threads kmap the same pages over and over, more pages than slots. */
#define CONTENDERS	4
#define SHARED_PAGES	6

static struct page *shared[SHARED_PAGES];

static void *contender_fn(void *arg)
{
	unsigned long id = (unsigned long)arg;
	int i, iters = RUNNING_ON_VALGRIND ? 50 : 2000;

	for (i = 0; i < iters; i++) {
		struct page *page = shared[(id + i) % SHARED_PAGES];
		volatile char *p = kmap(page);

		p[id] = (char)i;	/* each thread its own byte */
		if (p[id] != (char)i)
			return (void *)1;
		kunmap(page);
	}
	return NULL;
}

static void test_kmap_contended(void)
{
	pthread_t t[CONTENDERS];
	void *ret;
	unsigned long i;

	/* Two slots for four threads: some always wait for a kunmap(). */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_LAST_PKMAP=2", NULL), 0);
	for (i = 0; i < SHARED_PAGES; i++)
		shared[i] = high_page();
	for (i = 0; i < CONTENDERS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, contender_fn,
						     (void *)i), 0);
	for (i = 0; i < CONTENDERS; i++) {
		CU_ASSERT_EQUAL(pthread_join(t[i], &ret), 0);
		CU_ASSERT_PTR_NULL(ret);
	}
	for (i = 0; i < SHARED_PAGES; i++) {
		CU_ASSERT_PTR_NULL(page_address(shared[i]));
		__free_page(shared[i]);
	}
}

/* ---- the ledger ---- */

static void test_leaked_kmap_reported(void)
{
	struct page *page = high_page();
	char want[256];

	snprintf(want, sizeof(want), "kmap()ed at %s:%d (%s) by ", THIS_FILE,
		 marker_line("leaked_kmap"), "test_leaked_kmap_reported");
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	kmap(page);				/* LINE:leaked_kmap */
	/* Only the kmap is left over (the ledger names the first). */
	__free_page(page);
}

static void test_balanced_kmaps_silent(void)
{
	struct page *page = high_page();

	kmap(page);
	kmap(page);
	kunmap(page);
	kunmap(page);
	__free_page(page);
}

/* ---- settings ---- */

static void test_last_pkmap_setting(void)
{
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_LAST_PKMAP"), "1024");
	CU_ASSERT_EQUAL(LAST_PKMAP, 1024);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=512", NULL), 0);
	CU_ASSERT_EQUAL(LAST_PKMAP, 512);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=3", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=0", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=131072", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=many", NULL), -EINVAL);
	CU_ASSERT_EQUAL(LAST_PKMAP, 512);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_KMAP_FORCE_MAP=maybe", NULL),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_KMAP_FORCE_MAP"), "0");
}

static CU_TestInfo kmap_tests[] = {
	{ "48 kmap of lowmem is page_address", test_kmap_lowmem_is_page_address },
	{ "49 kmap in atomic context reports", test_kmap_in_atomic_reports },
	{ "49 kmap of lowmem in atomic context reports",
	  test_kmap_lowmem_in_atomic_reports },
	{ "49 kmap/kunmap in process context silent",
	  test_kmap_kunmap_in_process_context_silent },
	{ "50 kunmap in hardirq is a might_sleep point",
	  test_kunmap_in_hardirq_might_sleep },
	{ "50 2.6.36: kunmap in hardirq BUGs", test_kunmap_26_in_hardirq_bugs },
	{ "50 2.6.36: kunmap under a spinlock is silent",
	  test_kunmap_26_atomic_process_silent },
	{ "51 kmap of highmem: one window, users",
	  test_kmap_highmem_window },
	{ "51 two pages, two windows", test_kmap_two_pages_two_windows },
	{ "90 page_address is never a kmap_local address",
	  test_page_address_not_kmap_local },
	{ "90 page_address of lowmem is linear",
	  test_page_address_lowmem_linear },
	{ "virt_addr_valid is false for kmap addresses",
	  test_virt_addr_valid_not_for_kmaps },
	{ "53 kunmap of a page not kmapped BUGs", test_kunmap_not_kmapped_bugs },
	{ "53 one kunmap too many BUGs", test_kunmap_once_too_many_bugs },
	{ "54 set_page_address of lowmem BUGs",
	  test_set_page_address_lowmem_bugs },
	{ "kmap_flush_unused keeps mapped pages",
	  test_kmap_flush_unused_keeps_users },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo full_tests[] = {
	{ "52 kmap sleeps until another thread's kunmap",
	  test_kmap_full_waits_for_kunmap },
	{ "52 nobody can kunmap: deadlock report",
	  test_kmap_full_alone_deadlock_report },
	{ "52 the deadlock report names the holders",
	  test_kmap_deadlock_names_holders },
	{ "52 the holder exited: deadlock report",
	  test_kmap_full_holder_exited_deadlock },
	{ "51/52 threads contending for few slots", test_kmap_contended },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_tests[] = {
	{ "a leaked kmap names its line", test_leaked_kmap_reported },
	{ "balanced kmaps are silent", test_balanced_kmaps_silent },
	{ "KSHIM_LAST_PKMAP and KSHIM_KMAP_FORCE_MAP",
	  test_last_pkmap_setting },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kmap", NULL, NULL, NULL, NULL, kmap_tests },
	{ "pkmap full", NULL, NULL, NULL, NULL, full_tests },
	{ "kmap ledger", NULL, NULL, NULL, NULL, ledger_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
