/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/swab.h - byte swapping: the kernel's names for the UAPI __swab*
 * helpers (swab16, swab32s, swahw32...) and in-place array swaps.
 *
 * Follows include/linux/swab.h of 6.x (swab() only in kernel code: see
 * below).
 */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <uapi/linux/swab.h>

#define swab16		__swab16
#define swab32		__swab32
#define swab64		__swab64
/*
 * glibc's <unistd.h> declares swab(from, to, n), which this macro would
 * rename: host code that shares a translation unit with it keeps glibc's.
 */
#ifdef __KERNEL__
/*
 * glibc's <unistd.h> has a swab() of its own (copy swapping byte pairs,
 * three arguments): host code keeps that one, kernel code gets the
 * kernel's (swap the bytes of an unsigned long).
 */
#ifdef __KERNEL__
#define swab		__swab
#endif
#endif
#define swahw32		__swahw32
#define swahb32		__swahb32
#define swab16p		__swab16p
#define swab32p		__swab32p
#define swab64p		__swab64p
#define swahw32p	__swahw32p
#define swahb32p	__swahb32p
#define swab16s		__swab16s
#define swab32s		__swab32s
#define swab64s		__swab64s
#define swahw32s	__swahw32s
#define swahb32s	__swahb32s

/* Swap each of @words elements of @buf in place. */
static inline void swab16_array(u16 *buf, unsigned int words)
{
	for (; words; words--, buf++)
		swab16s(buf);
}

static inline void swab32_array(u32 *buf, unsigned int words)
{
	for (; words; words--, buf++)
		swab32s(buf);
}

static inline void swab64_array(u64 *buf, unsigned int words)
{
	for (; words; words--, buf++)
		swab64s(buf);
}

/* What the kernel's linux/swab.h also makes visible. */
#include <linux/compiler.h>

#endif /* _LINUX_SWAB_H */
