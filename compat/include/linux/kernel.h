/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kernel.h - the kernel's grab-bag header.
 *
 * Follows include/linux/kernel.h of 6.x together with the pieces it has
 * been split into (align.h, array_size.h, container_of.h, wordpart.h;
 * math.h is a header of its own, included here), so that drivers that
 * include only <linux/kernel.h> find everything, as they do in the
 * kernel.  glibc's <sys/sysinfo.h> includes <linux/kernel.h> by name
 * for struct sysinfo, which the UAPI part (uapi/linux/kernel.h) provides.
 *
 * abs() is the kernel's type-generic macro.  glibc's <stdlib.h> declares
 * an abs() function, which such a macro would break if <stdlib.h> came
 * later, so host code gets <stdlib.h> first: any order then works.  Likewise
 * glibc's <sys/param.h> has its own roundup(): include it before kernel
 * headers (ours replaces it), not after.
 */
#ifndef _KSHIM_LINUX_KERNEL_H
#define _KSHIM_LINUX_KERNEL_H

#include <uapi/linux/kernel.h>

#ifndef __KERNEL__
#include <stdlib.h>
#endif
#include <linux/stdarg.h>
#include <stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/limits.h>
#include <linux/const.h>
#include <linux/bits.h>
#include <linux/hex.h>
#include <linux/build_bug.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/might_sleep.h>
#include <linux/math.h>

/* Number of elements of the array @arr; a build error for a pointer. */
#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

/* Pre-5.5 name of sizeof_field(). */
#define FIELD_SIZEOF(t, f)	sizeof_field(t, f)

/*
 * The structure of type @type whose member @member is at @ptr.  @ptr must
 * point to the member's type (or be a void pointer); anything else is a
 * build error.
 */
#define __kshim_container_of(ptr, type, member, mp)			\
({									\
	void *mp = (void *)(ptr);					\
									\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)((char *)mp - offsetof(type, member)));		\
})
#define container_of(ptr, type, member)					\
	__kshim_container_of(ptr, type, member, __UNIQUE_ID(mptr_))

/* Alignment (a must be a power of two). */
#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN_DOWN(x, a)	ALIGN((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a)		((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define PTR_ALIGN_DOWN(p, a)						\
	((__typeof__(p))ALIGN_DOWN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

/* Halves of a 64-bit (or narrower: the shifts stay defined) value. */
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
#define upper_16_bits(n)	((u16)((n) >> 16))
#define lower_16_bits(n)	((u16)((n) & 0xffff))

/* The byte @x repeated in every byte of an unsigned long. */
#define REPEAT_BYTE(x)		((~0ul / 0xff) * (x))

/*
 * abs(x) for any integer type: the result has the signed type of @x's
 * width, so abs((u32)-5) is 5 as in the kernel.  No floating point.
 */
#define __kshim_abs_as(type, x, ux)					\
	({ type ux = (type)(x); ux < 0 ? -ux : ux; })
#define __kshim_abs(x, ux)						\
	_Generic((x),							\
		char: (char)__kshim_abs_as(signed char, x, ux),		\
		signed char: __kshim_abs_as(signed char, x, ux),	\
		unsigned char: __kshim_abs_as(signed char, x, ux),	\
		short: __kshim_abs_as(short, x, ux),			\
		unsigned short: __kshim_abs_as(short, x, ux),		\
		int: __kshim_abs_as(int, x, ux),			\
		unsigned int: __kshim_abs_as(int, x, ux),		\
		long: __kshim_abs_as(long, x, ux),			\
		unsigned long: __kshim_abs_as(long, x, ux),		\
		long long: __kshim_abs_as(long long, x, ux),		\
		unsigned long long: __kshim_abs_as(long long, x, ux))
#define abs(x)			__kshim_abs(x, __UNIQUE_ID(abs_))

/* Caller's and current instruction address. */
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_							\
	({ __label__ __here; __here: (unsigned long)&&__here; })

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

/* lib/cmdline.c */
unsigned long long memparse(const char *ptr, char **retptr);

#endif /* _KSHIM_LINUX_KERNEL_H */
