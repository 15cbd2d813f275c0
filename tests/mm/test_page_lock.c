/*
 * test_page_lock - the page lock (include/linux/pagemap.h, mm/filemap.c of
 * 6.8 with CONFIG_DEBUG_VM): trylock_page, lock_page, lock_page_killable,
 * unlock_page, wait_on_page_locked, across real threads.  Checklist items
 * 29-33 of the kernel API reference (section 10) are named where tested.
 *
 * "Really blocked" is shown the way a reader of the kernel would: the
 * sleeper announces itself with PG_waiters, then a short sleep passes and
 * it still has not returned while the page stays locked.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pagemap.h>

#include "common/flags.h"
#include "common/spawn.h"

#define THIS_FILE	"tests/mm/test_page_lock.c"
#define BLOCK_CHECK_US	50000	/* how long a sleeper must stay asleep */

/* Poll @cond for up to 20 s (valgrind is slow); its final value. */
#define WAIT_UNTIL(cond)						\
	({								\
		int __n;						\
		for (__n = 0; __n < 20000 && !(cond); __n++)		\
			usleep(1000);					\
		!!(cond);						\
	})

static pthread_t start(void *(*fn)(void *), void *arg)
{
	pthread_t t;

	CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, fn, arg), 0);
	return t;
}

static void join(pthread_t t)
{
	CU_ASSERT_EQUAL(pthread_join(t, NULL), 0);
}

/* ---- 29: trylock_page ---- */

static void test_trylock_semantics(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FALSE(PageLocked(page));	/* 9: fresh pages are unlocked */
	/* 29: true and PG_locked set when it was clear ... */
	CU_ASSERT_TRUE(trylock_page(page));
	CU_ASSERT_TRUE(PageLocked(page));
	CU_ASSERT_TRUE(test_bit(PG_locked, &page->flags));
	/* ... false (and no sleep) when it was already set */
	CU_ASSERT_FALSE(trylock_page(page));
	CU_ASSERT_FALSE(trylock_page(page));
	CU_ASSERT_TRUE(PageLocked(page));
	unlock_page(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_TRUE(trylock_page(page));
	unlock_page(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));	/* nobody ever slept */
	__free_page(page);
}

/* 29: trylock from another thread fails while the page is held. */
struct try_arg {
	struct page *page;
	int result;
};

static void *try_thread(void *arg)
{
	struct try_arg *a = arg;

	a->result = trylock_page(a->page);
	return NULL;
}

static void test_trylock_from_other_thread(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct try_arg a = { .page = page, .result = -1 };

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	join(start(try_thread, &a));
	CU_ASSERT_EQUAL(a.result, 0);
	unlock_page(page);
	a.result = -1;
	join(start(try_thread, &a));
	CU_ASSERT_EQUAL(a.result, 1);		/* the other thread holds it */
	CU_ASSERT_TRUE(PageLocked(page));
	unlock_page(page);			/* 32: not the locker: legal */
	CU_ASSERT_FALSE(PageLocked(page));
	__free_page(page);
}

/* ---- 30: lock_page in one thread ---- */

static void test_lock_unlock_one_thread(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	/* 30: a free page is taken at once */
	for (i = 0; i < 3; i++) {
		lock_page(page);
		CU_ASSERT_TRUE(PageLocked(page));
		CU_ASSERT_FALSE(trylock_page(page));
		unlock_page(page);
		CU_ASSERT_FALSE(PageLocked(page));
	}
	/* 30: lock_page_killable: 0, there are no fatal signals in kshim */
	CU_ASSERT_EQUAL(lock_page_killable(page), 0);
	CU_ASSERT_TRUE(PageLocked(page));
	unlock_page(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));
	__free_page(page);
}

/* ---- 30, 32: lock_page blocks until another thread unlocks ---- */

struct locker {
	struct page *page;	/* the page to lock_page() */
	bool killable;		/* lock_page_killable() instead */
	bool unlock;		/* unlock again once it has the lock */
	int entered;		/* about to call lock_page() */
	int acquired;		/* lock_page() returned */
	int ret;		/* lock_page_killable()'s return */
	int *holders;		/* shared: threads inside the lock now */
	int *overlaps;		/* shared: times two were inside at once */
};

static void *locker_thread(void *arg)
{
	struct locker *l = arg;

	flag_store(&l->entered, 1);
	if (l->killable)
		l->ret = lock_page_killable(l->page);
	else
		lock_page(l->page);
	flag_store(&l->acquired, 1);
	if (l->holders) {
		if (flag_add(l->holders, 1) != 1)
			flag_add(l->overlaps, 1);
		usleep(1000);
		flag_add(l->holders, -1);
	}
	if (l->unlock)
		unlock_page(l->page);
	return NULL;
}

static void test_lock_handoff_across_threads(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct locker b = { .page = page };
	pthread_t t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	t = start(locker_thread, &b);
	CU_ASSERT_TRUE(WAIT_UNTIL(flag_load(&b.entered)));
	/* B went to sleep on the page (PG_waiters) and stays asleep. */
	CU_ASSERT_TRUE(WAIT_UNTIL(PageWaiters(page)));
	usleep(BLOCK_CHECK_US);
	CU_ASSERT_FALSE(flag_load(&b.acquired));
	CU_ASSERT_TRUE(PageLocked(page));
	unlock_page(page);			/* 30: the wake-up */
	join(t);
	CU_ASSERT_TRUE(b.acquired);
	/* B holds the lock now; its leaving cleared PG_waiters. */
	CU_ASSERT_TRUE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));
	unlock_page(page);			/* 32: B locked, we unlock */
	CU_ASSERT_FALSE(PageLocked(page));
	__free_page(page);
}

static void test_lock_page_killable_blocks(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct locker b = { .page = page, .killable = true, .unlock = true,
			    .ret = -1 };
	pthread_t t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	t = start(locker_thread, &b);
	CU_ASSERT_TRUE(WAIT_UNTIL(PageWaiters(page)));
	usleep(BLOCK_CHECK_US);
	CU_ASSERT_FALSE(flag_load(&b.acquired));
	unlock_page(page);
	join(t);
	CU_ASSERT_TRUE(b.acquired);
	CU_ASSERT_EQUAL(b.ret, 0);		/* 30: never -EINTR */
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));
	__free_page(page);
}

/* ---- 32: an unlock by a third thread wakes every waiter ---- */

struct waiter {
	struct page *page;
	int entered;
	int returned;
};

static void *waiter_thread(void *arg)
{
	struct waiter *w = arg;

	flag_store(&w->entered, 1);
	wait_on_page_locked(w->page);
	flag_store(&w->returned, 1);
	return NULL;
}

#define NR_LOCKERS	4
#define NR_WAITERS	2

static void test_unlock_by_other_thread_wakes_all(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct locker a = { .page = page }, lk[NR_LOCKERS];
	struct waiter w[NR_WAITERS];
	pthread_t tl[NR_LOCKERS], tw[NR_WAITERS];
	int holders = 0, overlaps = 0, i, n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	/* Thread A takes the lock and exits holding it. */
	join(start(locker_thread, &a));
	CU_ASSERT_TRUE_FATAL(a.acquired);
	CU_ASSERT_TRUE(PageLocked(page));

	memset(lk, 0, sizeof(lk));
	memset(w, 0, sizeof(w));
	for (i = 0; i < NR_LOCKERS; i++) {
		lk[i].page = page;
		lk[i].unlock = true;
		lk[i].holders = &holders;
		lk[i].overlaps = &overlaps;
		tl[i] = start(locker_thread, &lk[i]);
	}
	for (i = 0; i < NR_WAITERS; i++) {
		w[i].page = page;
		tw[i] = start(waiter_thread, &w[i]);
	}
	for (i = 0; i < NR_LOCKERS; i++)
		CU_ASSERT_TRUE(WAIT_UNTIL(flag_load(&lk[i].entered)));
	for (i = 0; i < NR_WAITERS; i++)
		CU_ASSERT_TRUE(WAIT_UNTIL(flag_load(&w[i].entered)));
	CU_ASSERT_TRUE(WAIT_UNTIL(PageWaiters(page)));
	usleep(BLOCK_CHECK_US);
	for (n = 0, i = 0; i < NR_LOCKERS; i++)
		n += flag_load(&lk[i].acquired);
	for (i = 0; i < NR_WAITERS; i++)
		n += flag_load(&w[i].returned);
	CU_ASSERT_EQUAL(n, 0);			/* all still blocked */
	CU_ASSERT_TRUE(PageLocked(page));

	/* 32: not A (the locker) but this thread unlocks. */
	unlock_page(page);
	for (i = 0; i < NR_WAITERS; i++) {
		join(tw[i]);
		CU_ASSERT_TRUE(w[i].returned);
	}
	for (i = 0; i < NR_LOCKERS; i++) {
		join(tl[i]);
		CU_ASSERT_TRUE(lk[i].acquired);
	}
	CU_ASSERT_EQUAL(overlaps, 0);		/* one holder at a time */
	CU_ASSERT_EQUAL(holders, 0);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));	/* the last one cleared it */
	__free_page(page);
}

/* ---- 33: wait_on_page_locked ---- */

static void test_wait_on_unlocked_page_returns(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	/* 33: returns at once, takes nothing, leaves no trace */
	wait_on_page_locked(page);
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));
	wait_on_page_locked(page);
	CU_ASSERT_FALSE(PageLocked(page));
	__free_page(page);
}

static void test_wait_on_locked_page_waits(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct waiter w = { .page = page };
	pthread_t t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	lock_page(page);
	t = start(waiter_thread, &w);
	CU_ASSERT_TRUE(WAIT_UNTIL(flag_load(&w.entered)));
	CU_ASSERT_TRUE(WAIT_UNTIL(PageWaiters(page)));
	usleep(BLOCK_CHECK_US);
	CU_ASSERT_FALSE(flag_load(&w.returned));	/* 33: it waits ... */
	unlock_page(page);
	join(t);
	CU_ASSERT_TRUE(w.returned);
	/* ... and did not take the lock */
	CU_ASSERT_FALSE(PageLocked(page));
	CU_ASSERT_FALSE(PageWaiters(page));
	CU_ASSERT_TRUE(trylock_page(page));
	unlock_page(page);
	__free_page(page);
}

/* ---- compound pages: the lock lives on the head (PF_NO_TAIL) ---- */

static void test_compound_tail_locks_head(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	struct locker b;
	pthread_t t;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	CU_ASSERT_TRUE_FATAL(PageTail(head + 3));
	lock_page(head + 3);
	CU_ASSERT_TRUE(test_bit(PG_locked, &head->flags));
	for (i = 1; i < 4; i++) {
		CU_ASSERT_FALSE(test_bit(PG_locked, &head[i].flags));
		CU_ASSERT_TRUE(PageLocked(head + i));	/* reads the head */
		CU_ASSERT_FALSE(trylock_page(head + i));
	}
	CU_ASSERT_FALSE(trylock_page(head));
	unlock_page(head + 1);			/* any page of it unlocks */
	CU_ASSERT_FALSE(PageLocked(head));
	CU_ASSERT_TRUE(trylock_page(head + 2));
	CU_ASSERT_TRUE(PageLocked(head));
	unlock_page(head);

	/* A sleeper on one tail is woken by the unlock through another. */
	memset(&b, 0, sizeof(b));
	b.page = head + 2;
	b.unlock = true;
	lock_page(head + 1);
	t = start(locker_thread, &b);
	CU_ASSERT_TRUE(WAIT_UNTIL(PageWaiters(head)));
	usleep(BLOCK_CHECK_US);
	CU_ASSERT_FALSE(flag_load(&b.acquired));
	unlock_page(head + 3);
	join(t);
	CU_ASSERT_TRUE(b.acquired);
	CU_ASSERT_FALSE(PageLocked(head));
	CU_ASSERT_FALSE(PageWaiters(head));
	__free_pages(head, 2);
}

/* ---- 31: unlock_page of an unlocked page ---- */

static void test_unlock_unlocked_page_bugs(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	kshim_expect_report(KSHIM_REPORT_BUG,
			    "VM_BUG_ON_FOLIO(!folio_test_locked(folio))", 1);
	unlock_page(page);
	CU_FAIL("unlock_page of an unlocked page returned");
}

/* BUG ends the test: the text (and the caller's line) via the expectation. */
static void test_unlock_unlocked_page_names_caller(void)
{
	/* Split, so that this line does not carry the marker itself. */
	int line = find_marker_line(src_path(THIS_FILE),
				    "LINE:" "unlock_unlocked ");
	struct page *page;
	char want[512];

	CU_ASSERT_FATAL(line > 0);
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	snprintf(want, sizeof(want),
		 "page dumped because: VM_BUG_ON_FOLIO(!folio_test_locked(folio))\n"
		 "------------[ cut here ]------------\n"
		 "kernel BUG at %s:%d!\n", THIS_FILE, line);
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	lock_page(page);
	unlock_page(page);
	unlock_page(page); /* LINE:unlock_unlocked */
	CU_FAIL("unlock_page of an unlocked page returned");
}

/* 31: the dump shows the head, whichever page of a compound one is named. */
static void test_unlock_unlocked_tail_dumps_head(void)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);
	char want[128];

	CU_ASSERT_PTR_NOT_NULL_FATAL(head);
	/* The dumped page is the head: its pfn, then the "head:" line. */
	snprintf(want, sizeof(want), " pfn:0x%lx\nhead:", page_to_pfn(head));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
	unlock_page(head + 1);
	CU_FAIL("unlock_page of an unlocked page returned");
}

int main(int argc, char **argv)
{
	CU_pSuite s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	s = CU_add_suite("test_page_lock", NULL, NULL);
	if (!s ||
	    !CU_ADD_TEST(s, test_trylock_semantics) ||
	    !CU_ADD_TEST(s, test_trylock_from_other_thread) ||
	    !CU_ADD_TEST(s, test_lock_unlock_one_thread) ||
	    !CU_ADD_TEST(s, test_lock_handoff_across_threads) ||
	    !CU_ADD_TEST(s, test_lock_page_killable_blocks) ||
	    !CU_ADD_TEST(s, test_unlock_by_other_thread_wakes_all) ||
	    !CU_ADD_TEST(s, test_wait_on_unlocked_page_returns) ||
	    !CU_ADD_TEST(s, test_wait_on_locked_page_waits) ||
	    !CU_ADD_TEST(s, test_compound_tail_locks_head) ||
	    !CU_ADD_TEST(s, test_unlock_unlocked_page_bugs) ||
	    !CU_ADD_TEST(s, test_unlock_unlocked_page_names_caller) ||
	    !CU_ADD_TEST(s, test_unlock_unlocked_tail_dumps_head))
		return 99;
	return kshim_run_tests(argc, argv);
}
