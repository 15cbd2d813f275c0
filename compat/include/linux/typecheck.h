/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/typecheck.h - compile-time type checks that cost nothing.
 *
 * Follows include/linux/typecheck.h: typecheck(type, x) is always 1, and
 * the compiler warns ("comparison of distinct pointer types") when @x does
 * not have type @type, because it compares pointers to both.  @x is not
 * evaluated.
 */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

#include <linux/compiler_types.h>

#define __kshim_typecheck(type, x, want, got)				\
({									\
	type want;							\
	__typeof__(x) got;						\
	(void)(&want == &got);						\
	1;								\
})
#define typecheck(type, x)						\
	__kshim_typecheck(type, x, __UNIQUE_ID(want_), __UNIQUE_ID(got_))

/* Does @function have the function (pointer) type @type? */
#define __kshim_typecheck_fn(type, function, fp)			\
({									\
	__typeof__(type) fp = function;					\
	(void)fp;							\
})
#define typecheck_fn(type, function)					\
	__kshim_typecheck_fn(type, function, __UNIQUE_ID(fn_))

/* 1 if @x is a pointer (it can be dereferenced), a build error if not. */
#define typecheck_pointer(x)	((int)!!sizeof(*(x)))

#endif /* _LINUX_TYPECHECK_H */
