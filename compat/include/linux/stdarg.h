/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/stdarg.h - va_list and va_start()...va_end().
 *
 * Follows include/linux/stdarg.h of 6.x (5.15 on), which kernel code uses
 * instead of the C library's: here it is the compiler's own <stdarg.h>,
 * which kernel code built with -nostdinc still sees (as in kbuild) and
 * which glibc's headers use as well, so both can share a translation unit.
 */
#ifndef _LINUX_STDARG_H
#define _LINUX_STDARG_H

#include <stdarg.h>

/* What the kernel's linux/stdarg.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_STDARG_H */
