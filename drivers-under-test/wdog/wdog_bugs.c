// SPDX-License-Identifier: GPL-2.0
/*
 * wdog_bugs - the wdog device with the deferred-work bugs real drivers
 * ship, one entry point each (see wdog.h):
 *
 *  (a) wdog_bug_remove_timer_armed(): remove() forgets del_timer_sync():
 *      the device is freed with its heartbeat armed;
 *  (b) wdog_bug_coalescing_ops + wdog_bug_remove_free_before_flush(): the
 *      interrupt's bottom half is coalesced (delayed work), and remove()
 *      frees the ring before it flushes that work, which then runs on the
 *      freed ring;
 *  (c) wdog_bug_sleepy_heartbeat_ops: the heartbeat msleep()s in its
 *      timer callback (softirq context);
 *  (d) wdog_bug_stop_heartbeat(): stopping the heartbeat with del_timer()
 *      under the lock the callback takes (del_timer_sync() would wait for
 *      ever there), then reading what the callback writes: a callback
 *      already running on the heartbeat's CPU races with it;
 *  (e) wdog_bug_self_cancel_ops: the expiry work resets the device with a
 *      helper that cancel_work_sync()s every work item, its own included.
 *
 * Each works as long as nothing runs at the wrong moment: only kshim's
 * checks (ODEBUG, SLUB poison / ASan, scheduling while atomic, TSan,
 * the workqueue's lockdep report) show them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "wdog.h"

/* (a) */
void wdog_bug_remove_timer_armed(struct wdog_dev *wd)
{
	wdog_stop_petting(wd);
	free_irq(wd->irq, wd);
	/* BUG: no del_timer_sync(&wd->heartbeat) */
	cancel_work_sync(&wd->expire_work);
	cancel_work_sync(&wd->event_work);
	kfree(wd->ring);
	kfree(wd); /* LINE:free_armed */
}

/* (b) */
#define WDOG_COALESCE_MS	10

static irqreturn_t wdog_bug_coalescing_interrupt(int irq, void *dev_id)
{
	struct wdog_dev *wd = dev_id;

	wdog_record_event(wd);
	/* Interrupts in a burst share one bottom-half run. */
	schedule_delayed_work(&wd->coalesce_work,
			      msecs_to_jiffies(WDOG_COALESCE_MS));
	return IRQ_HANDLED;
}

static void wdog_bug_coalesced_events(struct work_struct *work)
{
	struct wdog_dev *wd = container_of(to_delayed_work(work),
					   struct wdog_dev, coalesce_work);

	wdog_process_events(wd); /* LINE:coalesced_process */
}

const struct wdog_ops wdog_bug_coalescing_ops = {
	.heartbeat	= wdog_heartbeat,
	.expire		= wdog_expire_work,
	.events		= wdog_event_work,
	.interrupt	= wdog_bug_coalescing_interrupt,
	.coalesced	= wdog_bug_coalesced_events,
};

void wdog_bug_remove_free_before_flush(struct wdog_dev *wd)
{
	wdog_stop_petting(wd);
	free_irq(wd->irq, wd);
	del_timer_sync(&wd->heartbeat);
	cancel_work_sync(&wd->expire_work);
	cancel_work_sync(&wd->event_work);
	kfree(wd->ring); /* LINE:free_ring */
	/* BUG: the coalesced bottom half may be queued: it runs here */
	flush_delayed_work(&wd->coalesce_work);
	kfree(wd);
}

/* (c) */
static void wdog_bug_sleepy_heartbeat(struct timer_list *t)
{
	/* Give the hardware time to latch the beat. */
	msleep(1); /* LINE:sleep_in_timer */
	wdog_heartbeat(t);
}

const struct wdog_ops wdog_bug_sleepy_heartbeat_ops = {
	.heartbeat	= wdog_bug_sleepy_heartbeat,
	.expire		= wdog_expire_work,
	.events		= wdog_event_work,
	.interrupt	= wdog_interrupt,
};

/* (d) */
unsigned long wdog_bug_stop_heartbeat(struct wdog_dev *wd)
{
	unsigned long flags;

	spin_lock_irqsave(&wd->lock, flags);
	wd->stopping = true;
	/* BUG: del_timer() does not wait for a callback already running */
	del_timer(&wd->heartbeat); /* LINE:race_del */
	spin_unlock_irqrestore(&wd->lock, flags);
	return wd->ticks; /* LINE:race_read */
}

/* (e) */
static void wdog_bug_quiesce(struct wdog_dev *wd)
{
	del_timer_sync(&wd->heartbeat);
	cancel_work_sync(&wd->event_work);
	/* BUG: called from the expiry work itself: waits for itself */
	cancel_work_sync(&wd->expire_work); /* LINE:self_cancel */
}

static void wdog_bug_expire_and_reset(struct work_struct *work)
{
	struct wdog_dev *wd = container_of(work, struct wdog_dev, expire_work);

	wdog_expire_work(work);
	wdog_bug_quiesce(wd);
}

const struct wdog_ops wdog_bug_self_cancel_ops = {
	.heartbeat	= wdog_heartbeat,
	.expire		= wdog_bug_expire_and_reset,
	.events		= wdog_event_work,
	.interrupt	= wdog_interrupt,
};
