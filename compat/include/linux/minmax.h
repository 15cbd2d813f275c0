/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/minmax.h - min(), max(), clamp() and swap() with type checking.
 *
 * The type rule follows the kernel of the selected profile
 * (LINUX_VERSION_CODE, see linux/version.h):
 *
 * - 6.7 and later (the 6.8 header is the reference): the operands of
 *   min()/max()/clamp() may differ in type as long as the comparison
 *   cannot go wrong: same signedness, or an unsigned char/short that
 *   promotes to int, or one side a non-negative signed integer constant
 *   expression.  Anything else (int against unsigned int, say) is a build
 *   error "min(x, y) signedness error, fix types or consider umin() before
 *   min_t()" (for clamp: "clamp() 'lo' signedness error" and 'hi').
 *   Upstream made this change in 6.7 (and stable trees backported it).
 * - Older profiles: the classic rule of 2.6 to 6.6, both operands must
 *   have the same type, otherwise the compiler warns "comparison of
 *   distinct pointer types" (use min_t()).
 *
 * Either way each argument is evaluated exactly once, and with integer
 * constant expressions as arguments the result is itself one (usable for
 * array sizes inside functions).  Comparisons are made in the common type
 * of the operands with explicit casts, so accepted mixed types do not
 * trip -Wsign-compare.  umin()/umax(), min_array()/max_array() and
 * in_range() appear with the kernel that introduced them (6.7, 6.5, 6.6);
 * MIN()/MAX() are not defined (6.8 has none; glibc's <sys/param.h> does).
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler_types.h>
#include <linux/compiler.h>
#include <linux/version.h>

#define __kshim_cmp_op_min	<
#define __kshim_cmp_op_max	>

/* The type of a ?: between @x and @y: the type the comparison uses. */
#define __kshim_common_type(x, y)	__typeof__(0 ? (x) : (y))

/* @x op @y (op is min or max), both converted to their common type. */
#define __kshim_cmp(op, x, y)						\
	((__kshim_common_type(x, y))(x) __kshim_cmp_op_##op		\
	 (__kshim_common_type(x, y))(y) ?				\
	 (__kshim_common_type(x, y))(x) : (__kshim_common_type(x, y))(y))

/* (hi) when @v >= @hi, else (lo) when @v <= @lo, else @v. */
#define __kshim_clamp_type(v, lo, hi)					\
	__typeof__(0 ? (hi) : 0 ? (lo) : (v))
#define __kshim_clamp(v, lo, hi)					\
	((__kshim_clamp_type(v, lo, hi))(v) >=				\
	 (__kshim_clamp_type(v, lo, hi))(hi) ?				\
	 (__kshim_clamp_type(v, lo, hi))(hi) :				\
	 (__kshim_clamp_type(v, lo, hi))(v) <=				\
	 (__kshim_clamp_type(v, lo, hi))(lo) ?				\
	 (__kshim_clamp_type(v, lo, hi))(lo) :				\
	 (__kshim_clamp_type(v, lo, hi))(v))

#define __kshim_all_constexpr3(a, b, c)					\
	(__is_constexpr(a) && __is_constexpr(b) && __is_constexpr(c))

/* 1 if @lo and @hi are constants with @lo > @hi, else 0 (a constant). */
#define __kshim_clamp_bad_limits(lo, hi)				\
	__builtin_choose_expr(__is_constexpr(lo) && __is_constexpr(hi),	\
			      (__kshim_common_type(lo, hi))(lo) >	\
			      (__kshim_common_type(lo, hi))(hi), 0)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)

/* Is @x of a signed type?  0 for pointers (not a constant there). */
#define __kshim_is_signed(x)						\
	__builtin_choose_expr(						\
		__is_constexpr(is_signed_type(__typeof__(x))),		\
		is_signed_type(__typeof__(x)), 0)

/* Is @x a signed integer constant expression with a value >= 0? */
#define __kshim_is_noneg_int(x)						\
	(__builtin_choose_expr(__is_constexpr(x) && __kshim_is_signed(x), \
			       x, -1) >= 0)

/*
 * @x after the integer promotions (the kernel writes (x) + 0, which clang
 * flags as null pointer arithmetic when @x is a null pointer constant).
 */
#define __kshim_promoted(x)	(0 ? (x) : 0)

/*
 * May @x and @y be compared without a signed value becoming a huge
 * unsigned one?  Yes when the signedness agrees before or after the
 * integer promotions (u8 and u16 promote to int), or when either is a
 * non-negative signed constant.  Always an integer constant expression.
 */
#define __kshim_types_ok(x, y)						\
	(__kshim_is_signed(x) == __kshim_is_signed(y) ||		\
	 __kshim_is_signed(__kshim_promoted(x)) ==			\
	 __kshim_is_signed(__kshim_promoted(y)) ||			\
	 __kshim_is_noneg_int(x) || __kshim_is_noneg_int(y))

/*
 * The check sits in the run-time variant only; __builtin_choose_expr
 * still compiles it when both arguments are constants, so constant
 * arguments are checked as well.
 */
#define __kshim_cmp_once(op, x, y, ux, uy)				\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(y) uy = (y);						\
	_Static_assert(__kshim_types_ok(x, y),				\
		#op "(" #x ", " #y ") signedness error, fix types or "	\
		"consider u" #op "() before " #op "_t()");		\
	__kshim_cmp(op, ux, uy);					\
})

#define __kshim_clamp_once(val, lo, hi, uv, ul, uh)			\
({									\
	__typeof__(val) uv = (val);					\
	__typeof__(lo) ul = (lo);					\
	__typeof__(hi) uh = (hi);					\
	_Static_assert(!__kshim_clamp_bad_limits(lo, hi),		\
		"clamp() low limit " #lo " greater than high limit " #hi); \
	_Static_assert(__kshim_types_ok(val, lo),			\
		"clamp() 'lo' signedness error");			\
	_Static_assert(__kshim_types_ok(val, hi),			\
		"clamp() 'hi' signedness error");			\
	__kshim_clamp(uv, ul, uh);					\
})

#else /* LINUX_VERSION_CODE < 6.7 */

/*
 * Always 1; warns when @x and @y differ in type, by comparing a pointer to
 * each type - the classic &x == &y check, without needing objects.
 */
#define __kshim_same_types(x, y)					\
	(!!sizeof((__typeof__(x) *)1 == (__typeof__(y) *)1))

#define __kshim_cmp_once(op, x, y, ux, uy)				\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(y) uy = (y);						\
	(void)__kshim_same_types(ux, uy);				\
	__kshim_cmp(op, ux, uy);					\
})

#define __kshim_clamp_once(val, lo, hi, uv, ul, uh)			\
({									\
	__typeof__(val) uv = (val);					\
	__typeof__(lo) ul = (lo);					\
	__typeof__(hi) uh = (hi);					\
	_Static_assert(!__kshim_clamp_bad_limits(lo, hi),		\
		"clamp() low limit " #lo " greater than high limit " #hi); \
	(void)(__kshim_same_types(uv, ul) && __kshim_same_types(uv, uh)); \
	__kshim_clamp(uv, ul, uh);					\
})

#endif /* LINUX_VERSION_CODE */

#define __kshim_careful_cmp(op, x, y)					\
	__builtin_choose_expr(__is_constexpr(x) && __is_constexpr(y),	\
			      __kshim_cmp(op, x, y),			\
			      __kshim_cmp_once(op, x, y,		\
					       __UNIQUE_ID(min_x_),	\
					       __UNIQUE_ID(min_y_)))

#define __kshim_careful_clamp(val, lo, hi)				\
	__builtin_choose_expr(__kshim_all_constexpr3(val, lo, hi),	\
			      __kshim_clamp(val, lo, hi),		\
			      __kshim_clamp_once(val, lo, hi,		\
						 __UNIQUE_ID(clamp_v_),	\
						 __UNIQUE_ID(clamp_l_),	\
						 __UNIQUE_ID(clamp_h_)))

#define min(x, y)	__kshim_careful_cmp(min, x, y)
#define max(x, y)	__kshim_careful_cmp(max, x, y)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
/*
 * Unsigned comparison of two non-negative values of any integer types:
 * signed ones are converted to a (large enough) unsigned type first.
 */
#define umin(x, y)							\
	__kshim_careful_cmp(min, (x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y)							\
	__kshim_careful_cmp(max, (x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#endif

#define min3(x, y, z)	min((__typeof__(x))min(x, y), z)
#define max3(x, y, z)	max((__typeof__(x))max(x, y), z)

/* Compare after converting both sides to @type: no type check. */
#define min_t(type, x, y)	__kshim_careful_cmp(min, (type)(x), (type)(y))
#define max_t(type, x, y)	__kshim_careful_cmp(max, (type)(x), (type)(y))

/* The smaller of two values, ignoring a 0 on either side. */
#define __kshim_min_not_zero(x, y, ux, uy)				\
({									\
	__typeof__(x) ux = (x);						\
	__typeof__(y) uy = (y);						\
	ux == 0 ? (__kshim_common_type(ux, uy))uy :			\
	uy == 0 ? (__kshim_common_type(ux, uy))ux :			\
	(__kshim_common_type(ux, uy))min(ux, uy);			\
})
#define min_not_zero(x, y)						\
	__kshim_min_not_zero(x, y, __UNIQUE_ID(mnz_x_), __UNIQUE_ID(mnz_y_))

/*
 * @val limited to [@lo, @hi], each evaluated once, under the same type
 * rule as min().  With constant limits, @lo > @hi is a build error.
 */
#define clamp(val, lo, hi)	__kshim_careful_clamp(val, lo, hi)
#define clamp_t(type, val, lo, hi)					\
	__kshim_careful_clamp((type)(val), (type)(lo), (type)(hi))
#define clamp_val(val, lo, hi)	clamp_t(__typeof__(val), val, lo, hi)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
/*
 * The smallest/largest of the @len (> 0) elements at @array, which may be
 * an array or a pointer; @array and @len are evaluated once.
 */
#define __kshim_minmax_array(op, array, len, ua, ul, ue)		\
({									\
	__typeof__(&(array)[0]) ua = (array);				\
	__typeof__(len) ul = (len);					\
	__unqual_scalar_typeof(ua[0]) ue = ua[--ul];			\
	while (ul--)							\
		ue = op(ue, ua[ul]);					\
	ue;								\
})
#define min_array(array, len)						\
	__kshim_minmax_array(min, array, len, __UNIQUE_ID(mma_a_),	\
			     __UNIQUE_ID(mma_l_), __UNIQUE_ID(mma_e_))
#define max_array(array, len)						\
	__kshim_minmax_array(max, array, len, __UNIQUE_ID(mma_a_),	\
			     __UNIQUE_ID(mma_l_), __UNIQUE_ID(mma_e_))
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
/*
 * Is @val within [@start, @start + @len)?  Computed as one unsigned
 * subtraction in 32 or 64 bits, so a range that wraps around the type
 * gives a different answer from start <= val && val < start + len.
 */
static inline _Bool in_range64(unsigned long long val,
			       unsigned long long start,
			       unsigned long long len)
{
	return (val - start) < len;
}

static inline _Bool in_range32(unsigned int val, unsigned int start,
			       unsigned int len)
{
	return (val - start) < len;
}

#define in_range(val, start, len)					\
	((sizeof(start) | sizeof(len) | sizeof(val)) <= sizeof(unsigned int) ? \
	 in_range32(val, start, len) : in_range64(val, start, len))
#endif

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

/* What the kernel's linux/minmax.h also makes visible. */
#include <linux/build_bug.h>
#include <linux/const.h>

#endif /* _LINUX_MINMAX_H */
