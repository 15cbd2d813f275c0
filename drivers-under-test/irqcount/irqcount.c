// SPDX-License-Identifier: GPL-2.0
/*
 * irqcount - an event counter shared by an interrupt handler and process
 * context, locked the way the kernel wants: the handler takes the lock
 * with spin_lock() (interrupts are already off there), process context
 * with spin_lock_irqsave() (so the handler cannot interrupt it on the
 * same CPU and spin for ever on the lock it holds).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/spinlock.h>

#include "irqcount.h"

static int irq = 5;
module_param(irq, int, 0444);
MODULE_PARM_DESC(irq, "the interrupt line of the device");

static DEFINE_SPINLOCK(irqcount_lock);
static unsigned long events;	/* protected by irqcount_lock */

static irqreturn_t irqcount_interrupt(int irq, void *dev_id)
{
	spin_lock(&irqcount_lock);
	events++;
	spin_unlock(&irqcount_lock);
	return IRQ_HANDLED;
}

void irqcount_poke(void)
{
	unsigned long flags;

	spin_lock_irqsave(&irqcount_lock, flags);
	events++;
	spin_unlock_irqrestore(&irqcount_lock, flags);
}
EXPORT_SYMBOL_GPL(irqcount_poke);

unsigned long irqcount_events(void)
{
	unsigned long flags, n;

	spin_lock_irqsave(&irqcount_lock, flags);
	n = events;
	spin_unlock_irqrestore(&irqcount_lock, flags);
	return n;
}
EXPORT_SYMBOL_GPL(irqcount_events);

static int __init irqcount_init(void)
{
	events = 0;
	return request_irq(irq, irqcount_interrupt, 0, KBUILD_MODNAME,
			   &events);
}

static void __exit irqcount_exit(void)
{
	free_irq(irq, &events);
}

module_init(irqcount_init);
module_exit(irqcount_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("interrupt and process-context event counter");
