/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/minmax.h - min(), max(), clamp() and swap() with type checking.
 *
 * Follows the classic kernel semantics of include/linux/minmax.h (4.17 to
 * 6.1): both arguments of min()/max() must have the same type, otherwise
 * the compiler warns "comparison of distinct pointer types" (use min_t()
 * to compare different types); each argument is evaluated exactly once;
 * and with two integer constant expressions the result is itself one
 * (usable for array sizes inside functions).  Later 6.x kernels relax the
 * check to signedness only; kshim keeps the stricter one.
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler_types.h>

/*
 * Always 1; warns when @x and @y differ in type, by comparing a pointer to
 * each type - the classic &x == &y check, without needing objects.
 */
#define __kshim_same_types(x, y)					\
	(!!sizeof((__typeof__(x) *)1 == (__typeof__(y) *)1))

#define __kshim_pick(x, y, op)		((x) op (y) ? (x) : (y))

#define __kshim_pick_once(x, y, op, ux, uy)				\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(y) uy = (y);						\
	__kshim_pick(ux, uy, op);					\
})

#define __kshim_careful_pick(x, y, op)					\
	__builtin_choose_expr(__kshim_same_types(x, y) &&		\
			      __is_constexpr(x) && __is_constexpr(y),	\
			      __kshim_pick(x, y, op),			\
			      __kshim_pick_once(x, y, op,		\
						__UNIQUE_ID(min_x_),	\
						__UNIQUE_ID(min_y_)))

#define min(x, y)	__kshim_careful_pick(x, y, <)
#define max(x, y)	__kshim_careful_pick(x, y, >)

/* Unsigned comparison of values of any (unsigned-compatible) types. */
#define umin(x, y)	min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y)	max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)

#define min3(x, y, z)	min((__typeof__(x))min(x, y), z)
#define max3(x, y, z)	max((__typeof__(x))max(x, y), z)

/* Compare after converting both sides to @type: no type check. */
#define min_t(type, x, y)	__kshim_careful_pick((type)(x), (type)(y), <)
#define max_t(type, x, y)	__kshim_careful_pick((type)(x), (type)(y), >)

/* The smaller of two values, ignoring a 0 on either side. */
#define __kshim_min_not_zero(x, y, ux, uy)				\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(y) uy = (y);						\
	ux == 0 ? uy : ((uy == 0) ? ux : min(ux, uy));			\
})
#define min_not_zero(x, y)						\
	__kshim_min_not_zero(x, y, __UNIQUE_ID(mnz_x_), __UNIQUE_ID(mnz_y_))

/*
 * @val limited to [@lo, @hi], each evaluated once; all three must have
 * the same type.  With constant limits, @lo > @hi is a build error.
 */
#define __kshim_clamp_limits_ok(lo, hi)					\
	(__kshim_check_zero(!((lo) > (hi)),				\
			    "clamp() low limit greater than high limit") == 0)

#define __kshim_clamp_pick(v, l, h)					\
	((v) < (l) ? (l) : (v) > (h) ? (h) : (v))

#define __kshim_clamp_once(val, lo, hi, uv, ul, uh)			\
({									\
	__typeof__(val) uv = (val);					\
	__typeof__(lo) ul = (lo);					\
	__typeof__(hi) uh = (hi);					\
	__kshim_clamp_pick(uv, ul, uh);					\
})

#define __kshim_careful_clamp(val, lo, hi)				\
	__builtin_choose_expr(__kshim_same_types(val, lo) &&		\
			      __kshim_same_types(val, hi) &&		\
			      __kshim_clamp_limits_ok(lo, hi) &&	\
			      __is_constexpr(val) &&			\
			      __is_constexpr(lo) && __is_constexpr(hi),	\
			      __kshim_clamp_pick(val, lo, hi),		\
			      __kshim_clamp_once(val, lo, hi,		\
						 __UNIQUE_ID(clamp_v_),	\
						 __UNIQUE_ID(clamp_l_),	\
						 __UNIQUE_ID(clamp_h_)))

#define clamp(val, lo, hi)	__kshim_careful_clamp(val, lo, hi)
#define clamp_t(type, val, lo, hi)					\
	__kshim_careful_clamp((type)(val), (type)(lo), (type)(hi))
#define clamp_val(val, lo, hi)	clamp_t(__typeof__(val), val, lo, hi)

/* |@a - @b| without overflow, for two values of the same type. */
#define __kshim_abs_diff(a, b, ua, ub)					\
({									\
	__typeof__(a) ua = (a);						\
	__typeof__(b) ub = (b);						\
	(void)(&ua == &ub);						\
	ua > ub ? (ua - ub) : (ub - ua);				\
})
#define abs_diff(a, b)							\
	__kshim_abs_diff(a, b, __UNIQUE_ID(ad_a_), __UNIQUE_ID(ad_b_))

#define __kshim_swap(a, b, tmp)						\
do {									\
	__typeof__(a) tmp = (a);					\
	(a) = (b);							\
	(b) = tmp;							\
} while (0)
#define swap(a, b)	__kshim_swap(a, b, __UNIQUE_ID(swap_))

#endif /* _LINUX_MINMAX_H */
