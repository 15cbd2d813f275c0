/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/string_helpers.h - human-readable sizes and yes/no strings.
 *
 * Follows include/linux/string_helpers.h and lib/string_helpers.c of 6.1:
 * string_get_size() prints "<n>[.<frac>] <unit>" with three significant
 * figures, rounded as the kernel rounds (its self-test's outputs hold:
 * "8.39 MB"/"8.00 MiB" for 16384 blocks of 512, "UNK" past YB), and the
 * str_yes_no()-style helpers.  Not provided yet (a compile error):
 * string_escape_*()/string_unescape*() and string_upper()/string_lower()
 * (they need linux/ctype.h), and the allocating kstrdup_quotable*(),
 * kasprintf_strarray() (no kmalloc yet).  memcpy_and_pad(), implemented in
 * lib/string_helpers.c, is declared in linux/string.h as in the kernel.
 */
#ifndef _LINUX_STRING_HELPERS_H_
#define _LINUX_STRING_HELPERS_H_

#include <linux/bits.h>
#include <linux/string.h>
#include <linux/types.h>

struct device;
struct file;
struct task_struct;

/* Descriptions of the types of units to print in */
enum string_size_units {
	STRING_UNITS_10,	/* use powers of 10^3 (standard SI) */
	STRING_UNITS_2,		/* use binary powers of 2^10 */
};

void string_get_size(u64 size, u64 blk_size, enum string_size_units units,
		     char *buf, int len);

static inline const char *str_yes_no(bool v)
{
	return v ? "yes" : "no";
}

static inline const char *str_on_off(bool v)
{
	return v ? "on" : "off";
}

static inline const char *str_enable_disable(bool v)
{
	return v ? "enable" : "disable";
}

static inline const char *str_enabled_disabled(bool v)
{
	return v ? "enabled" : "disabled";
}

static inline const char *str_read_write(bool v)
{
	return v ? "read" : "write";
}

/* What the kernel's linux/string_helpers.h also makes visible. */
#include <linux/ctype.h>

#endif /* _LINUX_STRING_HELPERS_H_ */
