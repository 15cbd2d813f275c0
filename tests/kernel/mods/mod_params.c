// SPDX-License-Identifier: GPL-2.0
/*
 * Module "params": one parameter of each kind, for the loader tests.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>
#include <linux/string.h>

#include "mods.h"

static int p_int = -5;
module_param(p_int, int, 0644);
static unsigned int p_uint = 7;
module_param(p_uint, uint, S_IRUGO);
static long p_long;
module_param(p_long, long, 0444);
static unsigned long p_ulong;
module_param(p_ulong, ulong, 0444);
static short p_short;
module_param(p_short, short, 0444);
static unsigned short p_ushort;
module_param(p_ushort, ushort, 0444);
static unsigned char p_byte;
module_param(p_byte, byte, 0444);
static unsigned long long p_ullong;
module_param(p_ullong, ullong, 0444);
static unsigned int p_hex = 0x10;
module_param(p_hex, hexint, 0444);
static bool p_bool;
module_param(p_bool, bool, 0644);
static bool p_invbool;
module_param(p_invbool, invbool, 0644);
static char *p_charp = "default";
module_param(p_charp, charp, 0444);
static char p_string[8] = "abc";
module_param_string(p_string, p_string, sizeof(p_string), 0444);
static int p_array[4] = { 1, 2 };
static unsigned int p_array_n = 2;
module_param_array(p_array, int, &p_array_n, 0444);
/* bool is a macro under <stdbool.h>: it must reach the ## untouched */
static bool p_barray[3];
static unsigned int p_barray_n;
module_param_array(p_barray, bool, &p_barray_n, 0444);
static int renamed_var = 3;
module_param_named(p_named, renamed_var, int, 0444);

struct params_seen params_seen;

static int __init params_init(void)
{
	params_seen.p_int = p_int;
	params_seen.p_uint = p_uint;
	params_seen.p_long = p_long;
	params_seen.p_ulong = p_ulong;
	params_seen.p_short = p_short;
	params_seen.p_ushort = p_ushort;
	params_seen.p_byte = p_byte;
	params_seen.p_ullong = p_ullong;
	params_seen.p_hex = p_hex;
	params_seen.p_bool = p_bool;
	params_seen.p_invbool = p_invbool;
	params_seen.p_charp = p_charp;
	memcpy(params_seen.p_string, p_string, sizeof(p_string));
	memcpy(params_seen.p_array, p_array, sizeof(p_array));
	params_seen.p_array_n = p_array_n;
	memcpy(params_seen.p_barray, p_barray, sizeof(p_barray));
	params_seen.p_barray_n = p_barray_n;
	params_seen.p_named = renamed_var;
	return 0;
}

static void __exit params_exit(void)
{
}

/* Written without semicolons, as some kernel files do (lib/rbtree_test.c). */
module_init(params_init)
module_exit(params_exit)
MODULE_LICENSE("GPL");
