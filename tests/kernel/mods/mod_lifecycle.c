// SPDX-License-Identifier: GPL-2.0
/*
 * Modules for the loader tests, each its own KBUILD_MODNAME (see
 * tests/Makemodule.am): their init/exit behaviour is chosen by the
 * MODE macro the build gives each copy.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>

#include "mods.h"

#define __MODS_PASTE_(a, b) a##b
#define __MODS_PASTE(a, b) __MODS_PASTE_(a, b)
#define CALLS __MODS_PASTE(MODE, _calls)

struct mod_calls CALLS;

static int __init lc_init(void)
{
	CALLS.init++;
	return MODE_INIT_RET;
}
module_init(lc_init);

#ifndef MODE_NO_EXIT
static void __exit lc_exit(void)
{
	CALLS.exit++;
}
module_exit(lc_exit);
#endif

#ifdef MODE_LICENSE
MODULE_LICENSE(MODE_LICENSE);
#endif
