// SPDX-License-Identifier: GPL-2.0
/*
 * buggy - an out-of-tree driver with two planted bugs that only a checker
 * sees, built against an installed kshim with nothing but pkg-config
 * (tests/pkgconfig/consumer.sh, README "Testing your own driver out of
 * tree"):
 *
 *  - buggy_peek_freed() reads a page it has just freed.  The read does not
 *    change the page, so no poison check can notice; kshim-asan's
 *    AddressSanitizer ("use-after-poison") and valgrind's memcheck
 *    ("Invalid read") with the plain kshim name the line below.
 *  - its interrupt handler and buggy_poke() increment one counter without
 *    a lock: kshim-tsan's ThreadSanitizer reports the data race.
 *
 * The lines the reports must name carry markers (BUG-UAF, BUG-RACE-*).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include "buggy.h"

static int irq = 5;
module_param(irq, int, 0444);

static unsigned long events;	/* BUG: shared without a lock */

int buggy_peek_freed(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned char *p;

	if (!page)
		return -ENOMEM;
	p = page_address(page);
	p[100] = 42;
	__free_page(page);
	return p[100];		/* BUG-UAF: read after free */
}
EXPORT_SYMBOL_GPL(buggy_peek_freed);

static irqreturn_t buggy_interrupt(int irq, void *dev_id)
{
	events++;		/* BUG-RACE-IRQ */
	return IRQ_HANDLED;
}

void buggy_poke(void)
{
	events++;		/* BUG-RACE-POKE */
}
EXPORT_SYMBOL_GPL(buggy_poke);

unsigned long buggy_events(void)
{
	return events;
}
EXPORT_SYMBOL_GPL(buggy_events);

int buggy_irq(void)
{
	return irq;
}
EXPORT_SYMBOL_GPL(buggy_irq);

static int __init buggy_init(void)
{
	events = 0;
	return request_irq(irq, buggy_interrupt, 0, KBUILD_MODNAME, &events);
}

static void __exit buggy_exit(void)
{
	free_irq(irq, &events);
}

module_init(buggy_init);
module_exit(buggy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a driver with a use after free and a data race");
