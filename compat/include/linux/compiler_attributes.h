/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler_attributes.h - short names for GNU C attributes.
 *
 * Follows include/linux/compiler_attributes.h of 6.x: every attribute is
 * spelled with the __name__ form so a user macro cannot break it, and
 * __section() takes a string literal as in 5.10+.  Only gcc and clang are
 * supported, as for the kernel.  glibc's <sys/cdefs.h> also defines
 * __always_inline (and #undef's it first); we do the same, so either
 * header may come first.
 */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

#ifndef __has_attribute
#define __has_attribute(x) 0
#endif

#define __aligned(x)		__attribute__((__aligned__(x)))
#define __aligned_largest	__attribute__((__aligned__))
#define __packed		__attribute__((__packed__))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define __pure			__attribute__((__pure__))
#define __weak			__attribute__((__weak__))
#define __alias(symbol)		__attribute__((__alias__(#symbol)))
#define __section(s)		__attribute__((__section__(s)))
#define __must_check		__attribute__((__warn_unused_result__))
#define __malloc		__attribute__((__malloc__))
#define __mode(x)		__attribute__((__mode__(x)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)		__attribute__((__format__(scanf, a, b)))
#define __gnu_inline		__attribute__((__gnu_inline__))
#define __flatten		__attribute__((__flatten__))
#define __naked			__attribute__((__naked__))
#define __deprecated
#define __visible		__attribute__((__externally_visible__))
#define __copy(symbol)
#define __nonstring
#define __designated_init
#define __counted_by(member)
/* A call that survives optimisation is a build error with @msg. */
#if __has_attribute(__error__)
#define __compiletime_error(msg)	__attribute__((__error__(msg)))
#else
#define __compiletime_error(msg)
#endif
#define __assume_aligned(a, ...)					\
	__attribute__((__assume_aligned__(a, ## __VA_ARGS__)))

/* Also in glibc's <sys/cdefs.h>, unguarded: spelled exactly the same. */
#define __attribute_const__ __attribute__ ((__const__))

#undef __always_inline
#define __always_inline		__inline __attribute__ ((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __noinline		noinline
#define __noclone

#if __has_attribute(__fallthrough__)
#define fallthrough		__attribute__((__fallthrough__))
#else
#define fallthrough		do {} while (0)	/* fallthrough */
#endif

#endif /* _LINUX_COMPILER_ATTRIBUTES_H */
