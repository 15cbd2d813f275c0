// SPDX-License-Identifier: GPL-2.0
/*
 * irqcount_racy - irqcount with its bug left in: the counter is shared by
 * the interrupt handler and process context without any lock, so an
 * interrupt on another CPU (or on this one, between the load and the
 * store of events++) loses counts.  On a real machine that shows as
 * rare wrong numbers; under kshim's --enable-tsan build ThreadSanitizer
 * reports the data race with both stacks, naming this file.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include "irqcount.h"

static int irq = 6;
module_param(irq, int, 0444);
MODULE_PARM_DESC(irq, "the interrupt line of the device");

static unsigned long events;	/* BUG: no lock */

static irqreturn_t irqcount_racy_interrupt(int irq, void *dev_id)
{
	events++;
	return IRQ_HANDLED;
}

void irqcount_racy_poke(void)
{
	events++;
}
EXPORT_SYMBOL_GPL(irqcount_racy_poke);

unsigned long irqcount_racy_events(void)
{
	return events;
}
EXPORT_SYMBOL_GPL(irqcount_racy_events);

static int __init irqcount_racy_init(void)
{
	events = 0;
	return request_irq(irq, irqcount_racy_interrupt, 0, KBUILD_MODNAME,
			   &events);
}

static void __exit irqcount_racy_exit(void)
{
	free_irq(irq, &events);
}

module_init(irqcount_racy_init);
module_exit(irqcount_racy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("irqcount without its lock: a data race to be found");
