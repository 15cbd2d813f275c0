// SPDX-License-Identifier: GPL-2.0
/*
 * demo - a tiny FIFO of u32 values.
 *
 * The ring has nr_slots entries (a power of two, set at load time).  Using
 * the FIFO while the module is not loaded is a caller bug and warns.
 * demo_discard() trusts its caller and can break the ring's invariant,
 * which demo_count() then catches with BUG_ON(): a bug a test should find.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

#include "demo.h"

static unsigned int nr_slots = 16;
module_param(nr_slots, uint, 0444);
MODULE_PARM_DESC(nr_slots, "ring size: a power of two from 2 to 64");

static bool strict;
module_param(strict, bool, 0644);
MODULE_PARM_DESC(strict, "warn when popping from an empty ring");

static u32 ring[DEMO_MAX_SLOTS];
static unsigned int head, tail;	/* free-running; tail - head = used */
static bool ready;

int demo_push(u32 val)
{
	if (WARN_ON(!ready))
		return -ENODEV;
	if (tail - head == nr_slots)
		return -ENOSPC;
	ring[tail++ & (nr_slots - 1)] = val;
	return 0;
}
EXPORT_SYMBOL_GPL(demo_push);

int demo_pop(u32 *val)
{
	if (WARN_ON_ONCE(!ready))
		return -ENODEV;
	if (head == tail) {
		WARN_ONCE(strict, "pop from an empty ring\n");
		return -EAGAIN;
	}
	*val = ring[head++ & (nr_slots - 1)];
	return 0;
}
EXPORT_SYMBOL_GPL(demo_pop);

unsigned int demo_count(void)
{
	BUG_ON(tail - head > nr_slots);
	return tail - head;
}
EXPORT_SYMBOL_GPL(demo_count);

void demo_discard(unsigned int n)
{
	head += n;	/* no bound check: the caller must know the count */
}
EXPORT_SYMBOL_GPL(demo_discard);

static int __init demo_init(void)
{
	if (nr_slots < 2 || nr_slots > DEMO_MAX_SLOTS ||
	    (nr_slots & (nr_slots - 1))) {
		pr_err("nr_slots=%u is not a power of two from 2 to %d\n",
		       nr_slots, DEMO_MAX_SLOTS);
		return -EINVAL;
	}
	head = tail = 0;
	ready = true;
	pr_info("ready with %u slots\n", nr_slots);
	return 0;
}

static void __exit demo_exit(void)
{
	if (tail != head)
		pr_warn("dropping %u queued values\n", tail - head);
	ready = false;
}

module_init(demo_init);
module_exit(demo_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kshim developers");
MODULE_DESCRIPTION("A tiny FIFO, the first driver under test");
