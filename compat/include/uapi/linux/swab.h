/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/swab.h - byte swapping of 16, 32 and 64-bit values.
 *
 * Follows include/uapi/linux/swab.h of 6.x on x86-64: __swab16/32/64 are
 * the compiler's __builtin_bswap* (constant-folded for constants, one
 * instruction otherwise), __swahw32 swaps the two halfwords of a 32-bit
 * value, __swahb32 the bytes inside each halfword; the p forms read
 * through a pointer, the s forms swap in place.
 */
#ifndef _UAPI_LINUX_SWAB_H
#define _UAPI_LINUX_SWAB_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <asm/bitsperlong.h>

/* Forms for constant expressions (static initializers, case labels). */
#define ___constant_swab16(x) ((__u16)(				\
	(((__u16)(x) & (__u16)0x00ffU) << 8) |			\
	(((__u16)(x) & (__u16)0xff00U) >> 8)))

#define ___constant_swab32(x) ((__u32)(				\
	(((__u32)(x) & (__u32)0x000000ffUL) << 24) |		\
	(((__u32)(x) & (__u32)0x0000ff00UL) <<  8) |		\
	(((__u32)(x) & (__u32)0x00ff0000UL) >>  8) |		\
	(((__u32)(x) & (__u32)0xff000000UL) >> 24)))

#define ___constant_swab64(x) ((__u64)(				\
	(((__u64)(x) & (__u64)0x00000000000000ffULL) << 56) |	\
	(((__u64)(x) & (__u64)0x000000000000ff00ULL) << 40) |	\
	(((__u64)(x) & (__u64)0x0000000000ff0000ULL) << 24) |	\
	(((__u64)(x) & (__u64)0x00000000ff000000ULL) <<  8) |	\
	(((__u64)(x) & (__u64)0x000000ff00000000ULL) >>  8) |	\
	(((__u64)(x) & (__u64)0x0000ff0000000000ULL) >> 24) |	\
	(((__u64)(x) & (__u64)0x00ff000000000000ULL) >> 40) |	\
	(((__u64)(x) & (__u64)0xff00000000000000ULL) >> 56)))

#define ___constant_swahw32(x) ((__u32)(			\
	(((__u32)(x) & (__u32)0x0000ffffUL) << 16) |		\
	(((__u32)(x) & (__u32)0xffff0000UL) >> 16)))

#define ___constant_swahb32(x) ((__u32)(			\
	(((__u32)(x) & (__u32)0x00ff00ffUL) << 8) |		\
	(((__u32)(x) & (__u32)0xff00ff00UL) >> 8)))

static inline __attribute_const__ __u16 __fswab16(__u16 val)
{
	return __builtin_bswap16(val);
}

static inline __attribute_const__ __u32 __fswab32(__u32 val)
{
	return __builtin_bswap32(val);
}

static inline __attribute_const__ __u64 __fswab64(__u64 val)
{
	return __builtin_bswap64(val);
}

static inline __attribute_const__ __u32 __fswahw32(__u32 val)
{
	return (val << 16) | (val >> 16);
}

static inline __attribute_const__ __u32 __fswahb32(__u32 val)
{
	return ((val & 0x00ff00ffUL) << 8) | ((val & 0xff00ff00UL) >> 8);
}

#define __swab16(x) (__u16)__builtin_bswap16((__u16)(x))
#define __swab32(x) (__u32)__builtin_bswap32((__u32)(x))
#define __swab64(x) (__u64)__builtin_bswap64((__u64)(x))

/* Swap the bytes of an unsigned long (64 bits here). */
static __always_inline unsigned long __swab(const unsigned long y)
{
#if __BITS_PER_LONG == 64
	return __swab64(y);
#else
	return __swab32(y);
#endif
}

#define __swahw32(x)						\
	(__builtin_constant_p((__u32)(x)) ?			\
	 ___constant_swahw32(x) : __fswahw32(x))

#define __swahb32(x)						\
	(__builtin_constant_p((__u32)(x)) ?			\
	 ___constant_swahb32(x) : __fswahb32(x))

static __always_inline __u16 __swab16p(const __u16 *p)
{
	return __swab16(*p);
}

static __always_inline __u32 __swab32p(const __u32 *p)
{
	return __swab32(*p);
}

static __always_inline __u64 __swab64p(const __u64 *p)
{
	return __swab64(*p);
}

static inline __u32 __swahw32p(const __u32 *p)
{
	return __swahw32(*p);
}

static inline __u32 __swahb32p(const __u32 *p)
{
	return __swahb32(*p);
}

static inline void __swab16s(__u16 *p)
{
	*p = __swab16p(p);
}

static __always_inline void __swab32s(__u32 *p)
{
	*p = __swab32p(p);
}

static __always_inline void __swab64s(__u64 *p)
{
	*p = __swab64p(p);
}

static inline void __swahw32s(__u32 *p)
{
	*p = __swahw32p(p);
}

static inline void __swahb32s(__u32 *p)
{
	*p = __swahb32p(p);
}

#endif /* _UAPI_LINUX_SWAB_H */
