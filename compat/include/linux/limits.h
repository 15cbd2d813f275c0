/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/limits.h - the kernel's fixed-width integer limits.
 *
 * Follows include/linux/limits.h + include/vdso/limits.h of 6.x.  glibc's
 * <limits.h> includes <linux/limits.h> by name for NR_OPEN, ARG_MAX,
 * PATH_MAX..., so the UAPI part (uapi/linux/limits.h) comes first and this
 * file must stay safe to read in the middle of <limits.h>: it includes
 * nothing else, and
 * defines the names the C library also has (INT_MAX, SIZE_MAX...) only if
 * they are not defined yet, with plain literals usable in #if.  gcc's and
 * clang's <limits.h> #undef theirs before defining them, so either include
 * order works.
 */
#ifndef _KSHIM_LINUX_LIMITS_H
#define _KSHIM_LINUX_LIMITS_H

#include <uapi/linux/limits.h>

/* The kernel's fixed-width limits, typed like the kernel's. */
#define U8_MAX		((u8)~0U)
#define S8_MAX		((s8)(U8_MAX >> 1))
#define S8_MIN		((s8)(-S8_MAX - 1))
#define U16_MAX		((u16)~0U)
#define S16_MAX		((s16)(U16_MAX >> 1))
#define S16_MIN		((s16)(-S16_MAX - 1))
#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define U64_MAX		((u64)~0ULL)
#define S64_MAX		((s64)(U64_MAX >> 1))
#define S64_MIN		((s64)(-S64_MAX - 1))

#define PHYS_ADDR_MAX		(~(phys_addr_t)0)
#define RESOURCE_SIZE_MAX	((resource_size_t)~0)

/* Names the C library shares: same values, defined only when missing. */
#ifndef USHRT_MAX
#define USHRT_MAX	65535
#endif
#ifndef SHRT_MAX
#define SHRT_MAX	32767
#endif
#ifndef SHRT_MIN
#define SHRT_MIN	(-SHRT_MAX - 1)
#endif
#ifndef INT_MAX
#define INT_MAX		2147483647
#endif
#ifndef INT_MIN
#define INT_MIN		(-INT_MAX - 1)
#endif
#ifndef UINT_MAX
#define UINT_MAX	4294967295U
#endif
#ifndef LONG_MAX
#define LONG_MAX	9223372036854775807L
#endif
#ifndef LONG_MIN
#define LONG_MIN	(-LONG_MAX - 1L)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX	18446744073709551615UL
#endif
#ifndef LLONG_MAX
#define LLONG_MAX	9223372036854775807LL
#endif
#ifndef LLONG_MIN
#define LLONG_MIN	(-LLONG_MAX - 1LL)
#endif
#ifndef ULLONG_MAX
#define ULLONG_MAX	18446744073709551615ULL
#endif
/* Spelled exactly as glibc's <stdint.h>, which defines it unconditionally. */
#ifndef SIZE_MAX
#define SIZE_MAX		(18446744073709551615UL)
#endif
#ifndef SSIZE_MAX
#define SSIZE_MAX	LONG_MAX
#endif

/* What the kernel's linux/limits.h also makes visible. */
#include <linux/types.h>

#endif /* _KSHIM_LINUX_LIMITS_H */
