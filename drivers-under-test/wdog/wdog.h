/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wdog - a watchdog-like device, for tests of time and deferred work:
 *  - a heartbeat timer (struct timer_list) re-armed every second on one
 *    CPU counts ticks; when nobody has petted the watchdog for @timeout
 *    seconds it queues the expiry work (once);
 *  - the device's interrupt handler records an event in a small
 *    kmalloc'd ring under wd->lock and schedule_work()s the bottom half,
 *    which drains the ring and processes the events under wd->event_mutex;
 *  - a kthread pets the watchdog every @pet_ms milliseconds until it is
 *    stopped.
 * wdog.c is the correct driver (a module: wdog, parameters irq, timeout,
 * pet_ms, cpu; its probe and remove are exported for other modules);
 * wdog_bugs.c plants the classic deferred-work bugs, one entry point
 * each.
 */
#ifndef _WDOG_H
#define _WDOG_H

#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#define WDOG_RING_SIZE	8

/* The event ring, in its own kmalloc() block. */
struct wdog_ring {
	unsigned int head;		/* next slot the handler fills */
	unsigned int tail;		/* next slot the bottom half reads */
	unsigned long batches;		/* bottom-half runs that drained it */
	unsigned long ev[WDOG_RING_SIZE];
};

/* What differs between the correct driver and its buggy variants. */
struct wdog_ops {
	void (*heartbeat)(struct timer_list *t);
	work_func_t expire;
	work_func_t events;
	irq_handler_t interrupt;
	work_func_t coalesced;		/* NULL: no coalescing work */
};

struct wdog_stats {
	unsigned long ticks;		/* heartbeats */
	unsigned long pets;
	unsigned long expiries;		/* expiry work runs */
	unsigned long irqs;		/* events recorded */
	unsigned long dropped;		/* events the full ring lost */
	unsigned long processed;	/* events the bottom half handled */
};

struct wdog_dev {
	const struct wdog_ops *ops;
	unsigned int irq;
	unsigned int timeout;		/* seconds without a pet */
	unsigned int pet_ms;
	int cpu;			/* of the heartbeat */

	struct timer_list heartbeat;
	struct work_struct expire_work;
	struct work_struct event_work;
	struct delayed_work coalesce_work; /* wdog_bugs.c's coalescing variant */
	struct task_struct *petter;

	spinlock_t lock;		/* the fields below, the ring */
	unsigned long last_pet;		/* jiffies */
	bool expired;
	bool stopping;			/* the heartbeat must not re-arm */
	unsigned long ticks, pets, irqs, dropped, seq;
	struct wdog_ring *ring;

	struct mutex event_mutex;	/* event processing */
	unsigned long processed, expiries;
};

extern const struct wdog_ops wdog_correct_ops;

/* Probe a device; NULL and the error in @err on failure. */
struct wdog_dev *wdog_probe(const struct wdog_ops *ops, unsigned int irq,
			    unsigned int timeout, unsigned int pet_ms,
			    int cpu, int *err);
void wdog_remove(struct wdog_dev *wd);
/* Stop the petting kthread (the watchdog then expires). */
void wdog_stop_petting(struct wdog_dev *wd);
void wdog_get_stats(struct wdog_dev *wd, struct wdog_stats *st);
/* The module's device (NULL when the module is not loaded). */
struct wdog_dev *wdog_device(void);

/* Building blocks the variants share. */
void wdog_heartbeat(struct timer_list *t);
void wdog_expire_work(struct work_struct *work);
void wdog_event_work(struct work_struct *work);
irqreturn_t wdog_interrupt(int irq, void *dev_id);
bool wdog_record_event(struct wdog_dev *wd);
void wdog_process_events(struct wdog_dev *wd);

/* wdog_bugs.c: each entry point has one planted bug. */
/* (a) remove without deleting the heartbeat: kfree() of an armed timer */
void wdog_bug_remove_timer_armed(struct wdog_dev *wd);
/* (b) interrupts coalesced by delayed work, and a remove that frees the
 * ring before it flushes that work: the work runs on freed memory */
extern const struct wdog_ops wdog_bug_coalescing_ops;
void wdog_bug_remove_free_before_flush(struct wdog_dev *wd);
/* (c) a heartbeat that sleeps (msleep() in a timer callback) */
extern const struct wdog_ops wdog_bug_sleepy_heartbeat_ops;
/* (d) stop with del_timer() under the lock the callback takes: a
 * callback running on the heartbeat's CPU races with the caller;
 * returns the ticks counted */
unsigned long wdog_bug_stop_heartbeat(struct wdog_dev *wd);
/* (e) an expiry work that cancel_work_sync()s itself */
extern const struct wdog_ops wdog_bug_self_cancel_ops;

#endif /* _WDOG_H */
