/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/version.h - the kernel version kshim pretends to be.
 *
 * Follows the generated include/generated/uapi/linux/version.h of 6.x: the
 * sublevel is clamped to 255 in KERNEL_VERSION().  The build may pick
 * another version with -DKSHIM_LINUX_VERSION_CODE=...; the default is
 * 6.8.0.  The host's <linux/version.h> is deliberately not included: it
 * describes the installed UAPI headers, not the kernel we emulate (glibc's
 * <sys/rseq.h> only reads it when __has_include is unavailable).
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#undef KERNEL_VERSION
#define KERNEL_VERSION(a, b, c)						\
	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

#undef LINUX_VERSION_CODE
#ifdef KSHIM_LINUX_VERSION_CODE
#define LINUX_VERSION_CODE	KSHIM_LINUX_VERSION_CODE
#else
#define LINUX_VERSION_CODE	KERNEL_VERSION(6, 8, 0)
#endif

#undef LINUX_VERSION_MAJOR
#undef LINUX_VERSION_PATCHLEVEL
#undef LINUX_VERSION_SUBLEVEL
#define LINUX_VERSION_MAJOR	((LINUX_VERSION_CODE >> 16) & 0xff)
#define LINUX_VERSION_PATCHLEVEL ((LINUX_VERSION_CODE >> 8) & 0xff)
#define LINUX_VERSION_SUBLEVEL	(LINUX_VERSION_CODE & 0xff)

/* What the kernel's linux/version.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_VERSION_H */
