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
 * kasprintf(), kvasprintf() and kvasprintf_const() (6.1 declares them in
 * linux/kernel.h, which includes this header) format with the kernel's
 * vsnprintf into kmalloc() memory allocated at the caller's line
 * (compat/lib/kasprintf.c); kvasprintf_const() returns a read-only @fmt
 * (or sole "%s" argument) itself, to be freed with kfree_const().
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <kshim/site.h>

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
struct kshim_site;
__printf(3, 4) char *__kshim_kasprintf(const struct kshim_site *site,
				       gfp_t gfp, const char *fmt, ...);
__printf(3, 0) char *__kshim_kvasprintf(const struct kshim_site *site,
					gfp_t gfp, const char *fmt,
					va_list args);
__printf(3, 0) const char *__kshim_kvasprintf_const(
	const struct kshim_site *site, gfp_t gfp, const char *fmt,
	va_list args);
#define kasprintf(gfp, fmt, ...)					\
	__kshim_kasprintf(__KSHIM_CALLSITE, gfp, fmt, ##__VA_ARGS__)
#define kvasprintf(gfp, fmt, args)					\
	__kshim_kvasprintf(__KSHIM_CALLSITE, gfp, fmt, args)
#define kvasprintf_const(gfp, fmt, args)				\
	__kshim_kvasprintf_const(__KSHIM_CALLSITE, gfp, fmt, args)
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt,
			      va_list args);

#endif /* _LINUX_SPRINTF_H */
