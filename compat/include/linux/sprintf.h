/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sprintf.h - the kernel's string formatting entry points.
 *
 * Follows include/linux/sprintf.h of 6.x.  sprintf, snprintf, vsnprintf,
 * vsprintf, sscanf and vsscanf are glibc's (from <stdio.h>; the kernel's
 * own %p extensions are not available).  scnprintf()/vscnprintf() are
 * built on vsnprintf: they return the number of characters actually
 * stored in @buf, not counting the NUL - at most @size - 1, and 0 when
 * @size is 0 (the kernel's also return 0 for an output error).
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#ifdef __KERNEL__
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *, va_list);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt,
			     va_list args);
__scanf(2, 3) int sscanf(const char *, const char *, ...);
__scanf(2, 0) int vsscanf(const char *, const char *, va_list);
#else
#include <stdio.h>
#endif

static inline __printf(3, 0)
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len;

	if (size == 0)
		return 0;
	len = vsnprintf(buf, size, fmt, args);
	if (len < 0) {
		buf[0] = '\0';
		return 0;
	}
	if ((size_t)len >= size)
		return (int)(size - 1);
	return len;
}

static inline __printf(3, 4)
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

#endif /* _LINUX_SPRINTF_H */
