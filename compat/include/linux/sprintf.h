/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sprintf.h - the kernel's string formatting entry points.
 *
 * Follows include/linux/sprintf.h of 6.x.  Kernel code gets the kernel's
 * vsnprintf (compat/lib/vsprintf.c: the %p extensions, "(null)", no %n):
 * sprintf, snprintf, vsprintf, vsnprintf, sscanf and vsscanf are bound to
 * kshim_sprintf... by asm labels, so the calls never reach glibc's
 * functions of the same names (sscanf/vsscanf are glibc's parser behind
 * kshim's names: it reads the kernel's conversions the same way).  Host
 * code keeps glibc's <stdio.h>.  scnprintf()/vscnprintf() are the
 * kernel's in both: they return the number of characters stored in @buf
 * without the NUL (at most @size - 1; 0 when @size is 0).  The __printf
 * checks accept the %p extensions: -Wformat sees %p and then letters.
 * No kasprintf()/kvasprintf(): kshim has no kmalloc() yet.
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#ifdef __KERNEL__
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...)
	__asm__("kshim_sprintf");
__printf(2, 0) int vsprintf(char *buf, const char *, va_list)
	__asm__("kshim_vsprintf");
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...)
	__asm__("kshim_snprintf");
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt,
			     va_list args)
	__asm__("kshim_vsnprintf");
__scanf(2, 3) int sscanf(const char *, const char *, ...)
	__asm__("kshim_sscanf");
__scanf(2, 0) int vsscanf(const char *, const char *, va_list)
	__asm__("kshim_vsscanf");
#else
#include <stdio.h>
#endif

__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt,
			      va_list args);

#endif /* _LINUX_SPRINTF_H */
