// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/filemap.c - the page lock: sleeping on PG_locked and waking.
 *
 * Follows mm/filemap.c of 6.8 (folio_lock, folio_unlock, folio_wait_locked,
 * with the wait queues of folio_wait_bit_common and folio_wake_bit):
 *
 *  - PG_locked in page->flags is the lock itself; taking it is an atomic
 *    test-and-set with acquire ordering, dropping it a release.
 *  - Sleepers wait on one of 256 hashed wait queues (the kernel's
 *    folio_wait_table), here a pthread mutex and condition variable each,
 *    so that TSan and helgrind see real synchronisation.
 *  - PG_waiters says "someone sleeps on this page": a sleeper sets it under
 *    its queue's mutex before it re-tests PG_locked, and the unlocker
 *    clears PG_locked and reads PG_waiters in one atomic operation on the
 *    same word (as folio_xor_flags_has_waiters does), so a wake-up cannot
 *    be lost.  The unlocker then wakes the queue under the mutex.
 *  - PG_waiters is cleared when no sleeper for the page is left: by the
 *    waker when only wait_on_page_locked() sleepers were queued (they are
 *    done once they see an unlock), by the last lock_page() sleeper when it
 *    leaves with the lock.
 *  - A wake-up wakes every sleeper of the queue (broadcast); lock_page()
 *    sleepers race for the bit again, the loser sleeps again.  The kernel
 *    hands the lock to the first exclusive waiter instead; no driver can
 *    tell the difference except by timing.
 *
 *  - lock_page() and lock_page_killable() call might_sleep() at the
 *    caller's line (always, as folio_lock() does); a wait that really
 *    sleeps is "BUG: scheduling while atomic" in atomic context
 *    (kshim_block_begin(), kernel/sched/core.c's schedule_debug()).
 *
 * Locks are not owned: any thread may unlock.  No deadlock detection: a
 * lock_page() nobody will ever answer blocks until the harness's
 * KSHIM_TEST_TIMEOUT kills the test.
 */
#include <pthread.h>
#include <stdbool.h>

#include <valgrind/helgrind.h>

#include <linux/list.h>
#include <linux/might_sleep.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#include "kernel/sched/sched.h"
#include "mm/internal.h"

#define PAGE_WAIT_TABLE_BITS	8
#define PAGE_WAIT_TABLE_SIZE	(1 << PAGE_WAIT_TABLE_BITS)

struct page_wait_queue {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct list_head sleepers;	/* struct page_sleeper, lazily set up */
};

struct page_sleeper {
	struct list_head entry;
	struct page *page;	/* the (head) page slept on */
	bool exclusive;		/* lock_page(): wants the lock itself */
	bool woken;		/* wait_on_page_locked(): an unlock was seen */
};

static struct page_wait_queue page_wait_table[PAGE_WAIT_TABLE_SIZE] = {
	[0 ... PAGE_WAIT_TABLE_SIZE - 1] = {
		.lock = PTHREAD_MUTEX_INITIALIZER,
		.wake = PTHREAD_COND_INITIALIZER,
	},
};

/* folio_waitqueue(): hash the page to its queue, and lock the queue. */
static struct page_wait_queue *page_waitqueue_lock(const struct page *page)
{
	unsigned long long key = page_to_pfn(page) * 0x61c8864680b583ebULL;
	struct page_wait_queue *q;

	q = &page_wait_table[key >> (64 - PAGE_WAIT_TABLE_BITS)];
	pthread_mutex_lock(&q->lock);
	if (!q->sleepers.next)
		INIT_LIST_HEAD(&q->sleepers);
	return q;
}

/* Queue lock held: does anyone still sleep on @page? */
static bool page_has_sleepers(struct page_wait_queue *q,
			      const struct page *page)
{
	struct page_sleeper *s;

	list_for_each_entry(s, &q->sleepers, entry)
		if (s->page == page)
			return true;
	return false;
}

/* Queue lock held: @s leaves; the last sleeper clears PG_waiters. */
static void page_sleeper_leave(struct page_wait_queue *q,
			       struct page_sleeper *s)
{
	list_del(&s->entry);
	if (!page_has_sleepers(q, s->page))
		clear_bit(PG_waiters, &s->page->flags);
}

/*
 * Helgrind does not see the ordering of atomic operations: tell it that an
 * unlock happens before whatever next takes or sees the page unlocked, so
 * that data protected by the page lock is not reported.  Free outside
 * valgrind; TSan reads the atomics themselves.
 */
static inline void page_lock_release_hb(struct page *page)
{
	ANNOTATE_HAPPENS_BEFORE(&page->flags);
}

static inline void page_lock_acquire_hb(struct page *page)
{
	ANNOTATE_HAPPENS_AFTER(&page->flags);
}

bool trylock_page(struct page *page)
{
	page = compound_head(page);
	if (test_and_set_bit_lock(PG_locked, &page->flags))
		return false;
	page_lock_acquire_hb(page);
	return true;
}

/*
 * The task really sleeps (io_schedule()): schedule_debug()'s checks, once
 * per wait, at the caller's @site ("BUG: scheduling while atomic").
 */
static void page_sleep_begin(bool *blocked, const struct kshim_site *site)
{
	if (*blocked)
		return;
	*blocked = true;
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
}

/* __folio_lock(): sleep until this thread is the one that sets PG_locked. */
static void page_lock_slow(struct page *page, const struct kshim_site *site)
{
	struct page_sleeper s = { .page = page, .exclusive = true };
	struct page_wait_queue *q = page_waitqueue_lock(page);
	bool blocked = false;

	list_add_tail(&s.entry, &q->sleepers);
	for (;;) {
		/* Announce the sleeper first: the unlock then sees it. */
		set_bit(PG_waiters, &page->flags);
		if (!test_and_set_bit_lock(PG_locked, &page->flags))
			break;
		page_sleep_begin(&blocked, site);
		pthread_cond_wait(&q->wake, &q->lock);
	}
	page_sleeper_leave(q, &s);
	pthread_mutex_unlock(&q->lock);
	if (blocked)
		kshim_block_end();
	page_lock_acquire_hb(page);
}

void __kshim_lock_page(struct page *page, const char *file, int line,
		       const char *func)
{
	struct kshim_site site = { file, line, func, NULL };

	/* folio_lock(): might_sleep(), at @file:@line (the caller's). */
	__kshim_might_sleep(file, line, func);
	page = compound_head(page);
	if (!trylock_page(page))
		page_lock_slow(page, &site);
}

int __kshim_lock_page_killable(struct page *page, const char *file,
			       int line, const char *func)
{
	struct kshim_site site = { file, line, func, NULL };

	/*
	 * As lock_page(), but a fatal signal (kshim_signal_send(SIGKILL))
	 * pending when it would wait is -EINTR, as __folio_lock_killable()
	 * returns (one that arrives during the wait does not end it here).
	 */
	__kshim_might_sleep(file, line, func);
	page = compound_head(page);
	if (trylock_page(page))
		return 0;
	kshim_signal_fault(TASK_KILLABLE, &site);
	if (fatal_signal_pending(current))
		return -EINTR;
	page_lock_slow(page, &site);
	return 0;
}

/* folio_wake_bit(): PG_locked was just cleared and PG_waiters was set. */
static void page_wake_locked(struct page *page)
{
	struct page_wait_queue *q = page_waitqueue_lock(page);
	struct page_sleeper *s, *next;
	bool exclusive_left = false;

	list_for_each_entry_safe(s, next, &q->sleepers, entry) {
		if (s->page != page)
			continue;
		if (s->exclusive) {
			exclusive_left = true;
			continue;
		}
		/* A wait_on_page_locked() sleeper is done: it saw the unlock. */
		s->woken = true;
		list_del(&s->entry);
	}
	if (!exclusive_left)
		clear_bit(PG_waiters, &page->flags);
	pthread_cond_broadcast(&q->wake);
	pthread_mutex_unlock(&q->lock);
}

void __kshim_unlock_page(struct page *page, unsigned int version,
			 const char *file, int line, const char *func)
{
	unsigned long old;

	page = compound_head(page);
	if (unlikely(!PageLocked(page))) {
		/* 2.6.35 mm/filemap.c: VM_BUG_ON(), no dump_page() */
		if (kshim_mm_2_6(version))
			__kshim_vm_bug_page(NULL,
					    "VM_BUG_ON(!PageLocked(page))",
					    file, line, func);
		__kshim_vm_bug_page(page,
				    "VM_BUG_ON_FOLIO(!folio_test_locked(folio))",
				    file, line, func);
	}
	page_lock_release_hb(page);
	/* Clear PG_locked and learn PG_waiters in one operation. */
	old = __atomic_fetch_and(&page->flags, ~(1UL << PG_locked),
				 __ATOMIC_RELEASE);
	if (old & (1UL << PG_waiters))
		page_wake_locked(page);
}

/* folio_wait_bit(PG_locked), shared: wait for an unlock, take nothing. */
void __kshim_wait_on_page_locked(struct page *page, const char *file,
				 int line, const char *func)
{
	struct kshim_site site = { file, line, func, NULL };
	struct page_sleeper s = { .exclusive = false };
	struct page_wait_queue *q;
	bool blocked = false;

	/*
	 * 6.8's folio_wait_locked() has no might_sleep() annotation: only a
	 * real sleep is checked ("BUG: scheduling while atomic").
	 */
	page = compound_head(page);
	if (!test_bit_acquire(PG_locked, &page->flags))
		goto out;
	s.page = page;
	q = page_waitqueue_lock(page);
	list_add_tail(&s.entry, &q->sleepers);
	for (;;) {
		set_bit(PG_waiters, &page->flags);
		if (!test_bit_acquire(PG_locked, &page->flags))
			break;
		page_sleep_begin(&blocked, &site);
		pthread_cond_wait(&q->wake, &q->lock);
		if (s.woken)
			break;
	}
	if (!s.woken)
		page_sleeper_leave(q, &s);
	pthread_mutex_unlock(&q->lock);
	if (blocked)
		kshim_block_end();
out:
	page_lock_acquire_hb(page);
}
