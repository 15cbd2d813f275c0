// SPDX-License-Identifier: GPL-2.0
/*
 * hello - an out-of-tree driver, built against an installed kshim with
 * nothing but pkg-config (see .ci/run and the README).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/printk.h>

static int greetings = 1;
module_param(greetings, int, 0444);

int hello_greet(void);

int hello_greet(void)
{
	if (WARN_ON(greetings <= 0))
		return -EINVAL;
	pr_info("hello %d\n", greetings);
	return 0;
}
EXPORT_SYMBOL(hello_greet);

static int __init hello_init(void)
{
	return greetings < 0 ? -EINVAL : 0;
}

static void __exit hello_exit(void)
{
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
