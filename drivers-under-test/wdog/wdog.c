// SPDX-License-Identifier: GPL-2.0
/*
 * wdog - a watchdog-like device (see wdog.h), written the way the kernel
 * wants deferred work handled:
 *  - wd->lock is taken by the interrupt handler (spin_lock(): interrupts
 *    are off there), so every other context takes it with interrupts
 *    off (spin_lock_irqsave(), spin_lock_irq());
 *  - the heartbeat re-arms itself from its callback; remove() stops the
 *    petting kthread, frees the interrupt, then del_timer_sync()s the
 *    heartbeat (it waits for a callback running on another CPU), then
 *    cancel_work_sync()s the work items those queue, and only then frees
 *    the memory they use;
 *  - probe unwinds exactly what it took when a step fails.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <asm/rwonce.h>

#include "wdog.h"

/* ---- the heartbeat (softirq context, on wd->cpu) ---- */

void wdog_heartbeat(struct timer_list *t)
{
	struct wdog_dev *wd = from_timer(wd, t, heartbeat);
	unsigned long flags;

	spin_lock_irqsave(&wd->lock, flags);
	wd->ticks++; /* LINE:tick */
	if (!wd->expired &&
	    time_after_eq(jiffies, wd->last_pet + wd->timeout * HZ)) {
		wd->expired = true;
		schedule_work(&wd->expire_work);
	}
	if (!wd->stopping)
		mod_timer(&wd->heartbeat, wd->heartbeat.expires + HZ);
	spin_unlock_irqrestore(&wd->lock, flags);
}
EXPORT_SYMBOL_GPL(wdog_heartbeat);

void wdog_expire_work(struct work_struct *work)
{
	struct wdog_dev *wd = container_of(work, struct wdog_dev, expire_work);

	mutex_lock(&wd->event_mutex);
	wd->expiries++;
	mutex_unlock(&wd->event_mutex);
	pr_crit("not petted for %u s: expired\n", wd->timeout);
}
EXPORT_SYMBOL_GPL(wdog_expire_work);

static void wdog_pet(struct wdog_dev *wd)
{
	unsigned long flags;

	spin_lock_irqsave(&wd->lock, flags);
	wd->last_pet = jiffies;
	wd->pets++;
	spin_unlock_irqrestore(&wd->lock, flags);
}

static int wdog_petter(void *data)
{
	struct wdog_dev *wd = data;

	while (!kthread_should_stop()) {
		wdog_pet(wd);
		schedule_timeout_interruptible(msecs_to_jiffies(wd->pet_ms));
	}
	return 0;
}

/* ---- events: the interrupt handler and its bottom half ---- */

/* Hardirq context: interrupts are off, spin_lock() is enough. */
bool wdog_record_event(struct wdog_dev *wd)
{
	struct wdog_ring *r;
	bool room;

	spin_lock(&wd->lock);
	r = wd->ring;
	wd->irqs++;
	room = r->head - r->tail < WDOG_RING_SIZE;
	if (room)
		r->ev[r->head++ % WDOG_RING_SIZE] = ++wd->seq;
	else
		wd->dropped++;
	spin_unlock(&wd->lock);
	return room;
}
EXPORT_SYMBOL_GPL(wdog_record_event);

irqreturn_t wdog_interrupt(int irq, void *dev_id)
{
	struct wdog_dev *wd = dev_id;

	wdog_record_event(wd);
	schedule_work(&wd->event_work);
	return IRQ_HANDLED;
}
EXPORT_SYMBOL_GPL(wdog_interrupt);

/* Process context: drain the ring, then handle the events. */
void wdog_process_events(struct wdog_dev *wd)
{
	unsigned long batch[WDOG_RING_SIZE];
	struct wdog_ring *r;
	unsigned int n = 0, i, head;

	mutex_lock(&wd->event_mutex);
	spin_lock_irq(&wd->lock);
	r = wd->ring;
	head = READ_ONCE(r->head); /* LINE:ev_read */
	while (n < WDOG_RING_SIZE && r->tail != head)
		batch[n++] = r->ev[r->tail++ % WDOG_RING_SIZE];
	r->batches++; /* LINE:ev_write */
	spin_unlock_irq(&wd->lock);
	for (i = 0; i < n; i++) {
		wd->processed++;
		pr_debug("event %lu\n", batch[i]);
	}
	mutex_unlock(&wd->event_mutex);
}
EXPORT_SYMBOL_GPL(wdog_process_events);

void wdog_event_work(struct work_struct *work)
{
	wdog_process_events(container_of(work, struct wdog_dev, event_work));
}
EXPORT_SYMBOL_GPL(wdog_event_work);

const struct wdog_ops wdog_correct_ops = {
	.heartbeat	= wdog_heartbeat,
	.expire		= wdog_expire_work,
	.events		= wdog_event_work,
	.interrupt	= wdog_interrupt,
};
EXPORT_SYMBOL_GPL(wdog_correct_ops);

/* ---- probe and remove ---- */

struct wdog_dev *wdog_probe(const struct wdog_ops *ops, unsigned int irq,
			    unsigned int timeout, unsigned int pet_ms,
			    int cpu, int *err)
{
	struct wdog_dev *wd;
	int ret;

	if (!timeout || cpu < 0 || cpu >= nr_cpu_ids) {
		ret = -EINVAL;
		goto err;
	}
	wd = kzalloc(sizeof(*wd), GFP_KERNEL);
	if (!wd) {
		ret = -ENOMEM;
		goto err;
	}
	wd->ops = ops;
	wd->irq = irq;
	wd->timeout = timeout;
	wd->pet_ms = pet_ms;
	wd->cpu = cpu;
	spin_lock_init(&wd->lock);
	mutex_init(&wd->event_mutex);
	INIT_WORK(&wd->expire_work, ops->expire);
	INIT_WORK(&wd->event_work, ops->events);
	if (ops->coalesced)
		INIT_DELAYED_WORK(&wd->coalesce_work, ops->coalesced);
	timer_setup(&wd->heartbeat, ops->heartbeat, TIMER_PINNED);

	wd->ring = kzalloc(sizeof(*wd->ring), GFP_KERNEL);
	if (!wd->ring) {
		ret = -ENOMEM;
		goto err_free_wd;
	}
	ret = request_irq(irq, ops->interrupt, 0, KBUILD_MODNAME, wd);
	if (ret)
		goto err_free_ring;

	/* The petting starts before the watchdog does. */
	wd->last_pet = jiffies;
	if (pet_ms) {
		wd->petter = kthread_run(wdog_petter, wd, "wdog-petter");
		if (IS_ERR(wd->petter)) {
			ret = PTR_ERR(wd->petter);
			wd->petter = NULL;
			goto err_free_irq;
		}
	}
	wd->heartbeat.expires = jiffies + HZ;
	add_timer_on(&wd->heartbeat, cpu);
	return wd;

err_free_irq:
	free_irq(irq, wd);
	cancel_work_sync(&wd->event_work);
	if (ops->coalesced)
		cancel_delayed_work_sync(&wd->coalesce_work);
err_free_ring:
	kfree(wd->ring);
err_free_wd:
	kfree(wd);
err:
	*err = ret;
	return NULL;
}
EXPORT_SYMBOL_GPL(wdog_probe);

void wdog_stop_petting(struct wdog_dev *wd)
{
	if (wd->petter) {
		kthread_stop(wd->petter);
		wd->petter = NULL;
	}
}
EXPORT_SYMBOL_GPL(wdog_stop_petting);

void wdog_remove(struct wdog_dev *wd)
{
	wdog_stop_petting(wd);
	free_irq(wd->irq, wd);			/* no more events queued */
	del_timer_sync(&wd->heartbeat);		/* no more expiry queued */
	cancel_work_sync(&wd->expire_work);
	cancel_work_sync(&wd->event_work);
	if (wd->ops->coalesced)
		cancel_delayed_work_sync(&wd->coalesce_work);
	kfree(wd->ring);
	kfree(wd);
}
EXPORT_SYMBOL_GPL(wdog_remove);

void wdog_get_stats(struct wdog_dev *wd, struct wdog_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&wd->lock, flags);
	st->ticks = wd->ticks;
	st->pets = wd->pets;
	st->irqs = wd->irqs;
	st->dropped = wd->dropped;
	spin_unlock_irqrestore(&wd->lock, flags);
	mutex_lock(&wd->event_mutex);
	st->processed = wd->processed;
	st->expiries = wd->expiries;
	mutex_unlock(&wd->event_mutex);
}
EXPORT_SYMBOL_GPL(wdog_get_stats);

/* ---- the module: one device ---- */

static int irq = 11;
module_param(irq, int, 0444);
MODULE_PARM_DESC(irq, "the interrupt line of the device");
static int timeout = 5;
module_param(timeout, int, 0444);
MODULE_PARM_DESC(timeout, "seconds without a pet before the watchdog expires");
static int pet_ms = 100;
module_param(pet_ms, int, 0444);
MODULE_PARM_DESC(pet_ms, "the petting kthread's period (0: no kthread)");
static int cpu;
module_param(cpu, int, 0444);
MODULE_PARM_DESC(cpu, "the CPU the heartbeat runs on");

static struct wdog_dev *wdog;

struct wdog_dev *wdog_device(void)
{
	return wdog;
}
EXPORT_SYMBOL_GPL(wdog_device);

static int __init wdog_init(void)
{
	int err;

	if (timeout <= 0 || pet_ms < 0)
		return -EINVAL;
	wdog = wdog_probe(&wdog_correct_ops, irq, timeout, pet_ms, cpu, &err);
	return wdog ? 0 : err;
}

static void __exit wdog_exit(void)
{
	wdog_remove(wdog);
	wdog = NULL;
}

module_init(wdog_init);
module_exit(wdog_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a watchdog-like device: a heartbeat timer, an interrupt's bottom half, a petting kthread");
