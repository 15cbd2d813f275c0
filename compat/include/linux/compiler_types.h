/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/compiler_types.h - sparse annotations, attribute shorthands and the
 * type-level helpers every other kernel header leans on.
 *
 * Follows include/linux/compiler_types.h of 6.x.  The kernel force-includes
 * this header in every translation unit; kshim's forced kshim/kconfig.h
 * includes it in kernel code, and linux/types.h in host code.  Sparse annotations (__user, __iomem, __rcu...)
 * are empty: we are never built by sparse.  __UNIQUE_ID() names the
 * temporaries of statement-expression macros so that nesting them does not
 * trip -Wshadow.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#include <linux/compiler_attributes.h>

/* Address spaces and checker-only annotations: nothing for a compiler. */
#define __user
#define __kernel
#define __iomem
#define __force
#define __nocast
#define __safe
#define __private
#define __rcu
#define __percpu
#define __chk_user_ptr(x)	((void)0)
#define __chk_io_ptr(x)		((void)0)
#define ACCESS_PRIVATE(p, member) ((p)->member)

/* Lock context annotations. */
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		((void)0)
#define __release(x)		((void)0)
#define __cond_lock(x, c)	(c)

/* Code placement and instrumentation markers. */
#define notrace
#define noinstr
#define __noinstr_section(s)
#define __no_sanitize_address
#define __no_sanitize_thread
#define __no_kcsan
#define __nocfi
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start	struct {
#define randomized_struct_fields_end	};
#define __latent_entropy
#define __ro_after_init
#define __read_mostly
#define __noendbr

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __UNIQUE_ID(prefix)						\
	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* Do @a and @b have compatible types (top-level qualifiers ignored)? */
#define __same_type(a, b)						\
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/*
 * 1 when @x is an integer constant expression, else 0 - and itself always
 * an integer constant expression.  A null pointer constant (a constant
 * zero cast to void *) makes the conditional take the int * side; any
 * other void * value makes the result void *, whose target has size 1.
 */
#define __is_constexpr(x)						\
	(sizeof(int) == sizeof(*(1 ? ((void *)((long)(x) * 0l)) : (int *)1)))

/*
 * A compile-time check usable wherever an expression is: an int 0 when
 * @cond is true, a build error carrying @msg when it is false.  A @cond
 * that is not an integer constant expression is not checked (the kernel
 * would defer it to the optimiser; we may be built at -O0).
 */
#define __kshim_check_zero(cond, msg)					\
	((int)(0 * sizeof(struct {					\
		int __kshim_pad;					\
		_Static_assert(__builtin_choose_expr(__is_constexpr(cond), \
						     (cond), 1), msg);	\
	})))

#define compiletime_assert(condition, msg)				\
	((void)__kshim_check_zero(condition, msg))

/* Does @t have a size a CPU loads/stores in one go? */
#define __native_word(t)						\
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) ||	\
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))

#define compiletime_assert_atomic_type(t)				\
	compiletime_assert(__native_word(t),				\
		"Need native word sized stores/loads for atomicity.")

/*
 * The type of @x without its qualifiers (const volatile int -> int), for
 * declaring a writable temporary of @x's type.  Integer types are picked
 * by _Generic (which drops qualifiers from its controlling expression);
 * anything else (pointers, structs) goes through a comma expression, whose
 * value is never qualified.
 */
#define __kshim_unqual_pick(type) type: (type)0
#define __unqual_scalar_typeof(x)					\
	__typeof__(_Generic((x),					\
		char: (char)0,						\
		__kshim_unqual_pick(signed char),			\
		__kshim_unqual_pick(unsigned char),			\
		__kshim_unqual_pick(short),				\
		__kshim_unqual_pick(unsigned short),			\
		__kshim_unqual_pick(int),				\
		__kshim_unqual_pick(unsigned int),			\
		__kshim_unqual_pick(long),				\
		__kshim_unqual_pick(unsigned long),			\
		__kshim_unqual_pick(long long),			\
		__kshim_unqual_pick(unsigned long long),		\
		_Bool: (_Bool)0,					\
		default: ((void)0, (x))))

/* Control never gets here (include/linux/compiler-gcc.h). */
#define unreachable()		__builtin_unreachable()

#endif /* _LINUX_COMPILER_TYPES_H */
