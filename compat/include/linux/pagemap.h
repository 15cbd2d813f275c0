/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/pagemap.h - the page lock (PG_locked) as a driver uses it.
 *
 * Follows include/linux/pagemap.h of 6.8 with CONFIG_DEBUG_VM, page forms
 * only (no folio_* API):
 *
 *  - trylock_page() sets PG_locked when it was clear and returns true,
 *    returns false when it was already set; it never sleeps, and a
 *    success has acquire ordering.
 *  - lock_page() is a might_sleep() point; it takes a free page at once,
 *    otherwise sleeps (uninterruptibly, really blocking the thread) until
 *    the page is unlocked and it wins the bit.
 *  - lock_page_killable() is lock_page() that returns -EINTR when a fatal
 *    signal (kshim_signal_send(task, SIGKILL)) is pending as it would
 *    wait; one sent during the wait does not end it.
 *  - unlock_page() needs no owner: any thread may unlock a page another
 *    thread locked, and it wakes every waiter.  Unlocking a page that is
 *    not locked dumps the page with the reason
 *    "VM_BUG_ON_FOLIO(!folio_test_locked(folio))" and BUGs at the
 *    caller's file:line.
 *  - wait_on_page_locked() returns at once when the page is unlocked,
 *    otherwise waits for an unlock without taking the lock.
 *
 * The lock of a compound page lives on its head (PF_NO_TAIL): locking a
 * tail page locks the head.  The sleeping side is in compat/mm/filemap.c.
 *
 * A 2.6.28-2.6.36 driver (LINUX_VERSION_CODE) gets 2.6.35's
 * "VM_BUG_ON(!PageLocked(page))" BUG without a dump instead, and before
 * 4.5 the non-atomic setters are __set_page_locked()/__clear_page_locked()
 * here (4.5 renamed them __SetPageLocked()/__ClearPageLocked()).
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>

bool trylock_page(struct page *page);

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 5, 0)
static inline void __set_page_locked(struct page *page)
{
	__set_bit(PG_locked, &page->flags);
}

static inline void __clear_page_locked(struct page *page)
{
	__clear_bit(PG_locked, &page->flags);
}
#endif

void __kshim_lock_page(struct page *page, const char *file, int line,
		       const char *func);
int __kshim_lock_page_killable(struct page *page, const char *file, int line,
			       const char *func);
/* @version: the driver's LINUX_VERSION_CODE (2.6.3x: another BUG text) */
void __kshim_unlock_page(struct page *page, unsigned int version,
			 const char *file, int line, const char *func);
void __kshim_wait_on_page_locked(struct page *page, const char *file,
				 int line, const char *func);

/* Macros, so that reports (and later might_sleep()) name the caller. */
#define lock_page(page) \
	__kshim_lock_page(page, __FILE__, __LINE__, __func__)
#define lock_page_killable(page) \
	__kshim_lock_page_killable(page, __FILE__, __LINE__, __func__)
#define unlock_page(page) \
	__kshim_unlock_page(page, LINUX_VERSION_CODE, __FILE__, __LINE__, \
			    __func__)
#define wait_on_page_locked(page) \
	__kshim_wait_on_page_locked(page, __FILE__, __LINE__, __func__)

/* What the kernel's linux/pagemap.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/dcache.h>
#include <linux/dma-direction.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/ioport.h>
#include <linux/kasan.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_PAGEMAP_H */
