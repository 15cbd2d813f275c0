/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/build_bug.h - compile-time assertions.
 *
 * Follows include/linux/build_bug.h of 6.x.  The checks are C11
 * _Static_asserts, so a failing BUILD_BUG_ON(cond) reports
 * "BUILD_BUG_ON failed: cond" on gcc and clang alike.  They are
 * expressions (a _Static_assert inside a sizeof'd struct), usable at
 * function scope and in comma expressions.  The kernel also accepts
 * conditions that only become constant after inlining and relies on the
 * optimiser to prove them; we may be built at -O0, so such conditions are
 * not checked.  BUILD_BUG() marks code that must be optimised away: with
 * optimisation, a call that survives is a build error (as in the kernel);
 * without, reaching it traps.  static_assert is the kernel's one-or-two
 * argument form; glibc's <assert.h> #undef's and redefines static_assert
 * as _Static_assert, so whichever header comes last wins and both orders
 * compile (the one-argument form needs ours).
 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/* An int 0 if @e is false, a build error if @e is (constant and) true. */
#define BUILD_BUG_ON_ZERO(e)						\
	__kshim_check_zero(!(e), "BUILD_BUG_ON_ZERO failed: " #e)

/* Type-check @e without evaluating it. */
#define BUILD_BUG_ON_INVALID(e)	((void)(sizeof((__force long)(e))))

#define BUILD_BUG_ON_MSG(cond, msg)	compiletime_assert(!(cond), msg)

#define BUILD_BUG_ON(condition)						\
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

#define __BUILD_BUG_ON_NOT_POWER_OF_2(n)				\
	BUILD_BUG_ON(((n) & ((n) - 1)) != 0)
#define BUILD_BUG_ON_NOT_POWER_OF_2(n)					\
	BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))

#if defined(__OPTIMIZE__) && __has_attribute(__error__)
extern void __kshim_build_bug_failed(void)
	__attribute__((__error__("BUILD_BUG failed")));
#define BUILD_BUG()		__kshim_build_bug_failed()
#else
#define BUILD_BUG()		__builtin_trap()
#endif

/*
 * static_assert(expr) or static_assert(expr, msg): without a message the
 * expression's text is the message.
 */
#define __kshim_static_assert(expr, msg, ...)	_Static_assert(expr, msg)
#undef static_assert
#define static_assert(expr, ...)					\
	__kshim_static_assert(expr, ##__VA_ARGS__, #expr)

#endif /* _LINUX_BUILD_BUG_H */
