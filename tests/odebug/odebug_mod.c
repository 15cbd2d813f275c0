// SPDX-License-Identifier: GPL-2.0
/*
 * odebug_mod - a module that forgets to delete its timers at unload, for
 * tests/odebug: one static (DEFINE_TIMER, in the module's data) and one
 * in kmalloc() memory; with armed=0 it deletes them.
 */
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/timer.h>

#include "odebug_mod.h"

static bool leak = true;
module_param(leak, bool, 0444);

static void odebug_mod_fn(struct timer_list *t)
{
}

static DEFINE_TIMER(odebug_static_timer, odebug_mod_fn);

struct odebug_mod_dev {
	struct timer_list timer;
};

static struct odebug_mod_dev *dev;

struct timer_list *odebug_mod_timer(int which)
{
	return which ? &dev->timer : &odebug_static_timer;
}

static int __init odebug_mod_init(void)
{
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	timer_setup(&dev->timer, odebug_mod_fn, 0);
	mod_timer(&odebug_static_timer, jiffies + HZ); /* LINE:mod_static */
	mod_timer(&dev->timer, jiffies + HZ); /* LINE:mod_dev */
	return 0;
}

static void __exit odebug_mod_exit(void)
{
	if (!leak) {
		del_timer_sync(&odebug_static_timer);
		del_timer_sync(&dev->timer);
	}
	kfree(dev);	/* LINE:kfree_dev */
}

module_init(odebug_mod_init);
module_exit(odebug_mod_exit);
MODULE_LICENSE("GPL");
