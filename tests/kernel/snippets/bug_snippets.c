// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-style code that warns and BUGs, built with the kernel's flags as
 * module "snippets".  Each function returns (in *line) the line its check
 * sits on, so tests can demand that exact file:line in the report.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "snippets.h"

int snip_warn_on(int cond, int *line)
{
	*line = __LINE__ + 1;
	return WARN_ON(cond);
}

int snip_warn_fmt(int cond, int val, int *line)
{
	*line = __LINE__ + 1;
	return WARN(cond, "value %d out of range\n", val);
}

int snip_warn_on_once(int cond, int *line)
{
	*line = __LINE__ + 1;
	return WARN_ON_ONCE(cond);
}

/* A second WARN_ON_ONCE site: its "once" is its own. */
int snip_warn_on_once_other(int cond, int *line)
{
	*line = __LINE__ + 1;
	return WARN_ON_ONCE(cond);
}

int snip_warn_once(int cond, int *line)
{
	*line = __LINE__ + 1;
	return WARN_ONCE(cond, "once only: %s\n", "snippet");
}

void snip_bug_on(int cond, int *line)
{
	*line = __LINE__ + 1;
	BUG_ON(cond);
}

void snip_bug(int *line)
{
	*line = __LINE__ + 1;
	BUG(); /* LINE:snip_bug */
}

void snip_printk_levels(void)
{
	pr_emerg("emerg %d\n", 0);
	pr_err("err %d\n", 3);
	pr_warn("warn %d\n", 4);
	pr_info("info %d\n", 6);
	pr_debug("debug %d\n", 7);	/* compiled out: DEBUG is not defined */
	printk(KERN_INFO "no prefix here\n");
	pr_info("cont start");
	pr_cont(" and end\n");
	pr_info_once("only once\n");
}
