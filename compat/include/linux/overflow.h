/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * linux/overflow.h - arithmetic that reports overflow, and allocation
 * sizes that saturate instead of wrapping.
 *
 * Follows include/linux/overflow.h of 6.1: check_add/sub/mul_overflow()
 * are the compiler's __builtin_*_overflow() (any mix of integer types;
 * the result is the infinitely precise one truncated to *@d's type, and
 * the return value, which must be used, says whether that truncation lost
 * anything); check_shl_overflow() also refuses negative operands and
 * shifts outside *@d's width.  size_add/size_sub/size_mul() saturate at
 * SIZE_MAX and keep it sticky, so a SIZE_MAX size makes the allocation
 * fail; array_size(), array3_size(), flex_array_size() and struct_size()
 * are built on them (constant counts stay constant expressions).
 */
#ifndef __LINUX_OVERFLOW_H
#define __LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/const.h>
#include <linux/types.h>

/* The largest and smallest value of integer type @T. */
#define __type_half_max(type)						\
	((type)1 << (8 * sizeof(type) - 1 - is_signed_type(type)))
#define type_max(T)	((T)((__type_half_max(T) - 1) + __type_half_max(T)))
#define type_min(T)	((T)((T)-type_max(T) - (T)1))

/* Sign tests that do not warn "comparison is always true" on unsigned. */
#define is_non_negative(a)	((a) > 0 || (a) == 0)
#define is_negative(a)		(!(is_non_negative(a)))

/* __must_check for the macros below: their result must be looked at. */
static inline bool __must_check __must_check_overflow(bool overflow)
{
	return unlikely(overflow);
}

#define check_add_overflow(a, b, d)					\
	__must_check_overflow(__builtin_add_overflow(a, b, d))

#define check_sub_overflow(a, b, d)					\
	__must_check_overflow(__builtin_sub_overflow(a, b, d))

#define check_mul_overflow(a, b, d)					\
	__must_check_overflow(__builtin_mul_overflow(a, b, d))

/*
 * *@d = @a << @s; true if bits were lost, the sign bit of *@d got set,
 * @a is negative or @s is negative or not below *@d's width (then the
 * shift is not done).
 */
#define __kshim_check_shl_overflow(a, s, d, _a, _s, _d, _full, _sh)	\
	__must_check_overflow(({					\
	__typeof__(a) _a = (a);						\
	__typeof__(s) _s = (s);						\
	__typeof__(d) _d = (d);						\
	u64 _full = _a;							\
	unsigned int _sh =						\
		is_non_negative(_s) && _s < 8 * sizeof(*(d)) ? _s : 0;	\
	*_d = (_full << _sh);						\
	(_sh != _s || is_negative(*_d) || is_negative(_a) ||		\
	 (*_d >> _sh) != _a);						\
}))
#define check_shl_overflow(a, s, d)					\
	__kshim_check_shl_overflow(a, s, d, __UNIQUE_ID(shl_a_),	\
				   __UNIQUE_ID(shl_s_), __UNIQUE_ID(shl_d_), \
				   __UNIQUE_ID(shl_full_),		\
				   __UNIQUE_ID(shl_sh_))

/* @factor1 * @factor2, or SIZE_MAX if that overflows size_t. */
static inline size_t __must_check size_mul(size_t factor1, size_t factor2)
{
	size_t bytes;

	if (check_mul_overflow(factor1, factor2, &bytes))
		return SIZE_MAX;
	return bytes;
}

/* @addend1 + @addend2, or SIZE_MAX if that overflows size_t. */
static inline size_t __must_check size_add(size_t addend1, size_t addend2)
{
	size_t bytes;

	if (check_add_overflow(addend1, addend2, &bytes))
		return SIZE_MAX;
	return bytes;
}

/*
 * @minuend - @subtrahend, or SIZE_MAX if that is negative or either side
 * is already SIZE_MAX (a saturated size stays saturated).
 */
static inline size_t __must_check size_sub(size_t minuend, size_t subtrahend)
{
	size_t bytes;

	if (minuend == SIZE_MAX || subtrahend == SIZE_MAX ||
	    check_sub_overflow(minuend, subtrahend, &bytes))
		return SIZE_MAX;
	return bytes;
}

#define array_size(a, b)	size_mul(a, b)
#define array3_size(a, b, c)	size_mul(size_mul(a, b), c)

/* Bytes of @count elements of the flexible array @member of *@p. */
#define flex_array_size(p, member, count)				\
	__builtin_choose_expr(__is_constexpr(count),			\
		(count) * sizeof(*(p)->member) +			\
			__must_be_array((p)->member),			\
		size_mul(count, sizeof(*(p)->member) +			\
			 __must_be_array((p)->member)))

/* Bytes of *@p with @count elements in its flexible array @member. */
#define struct_size(p, member, count)					\
	__builtin_choose_expr(__is_constexpr(count),			\
		sizeof(*(p)) + flex_array_size(p, member, count),	\
		size_add(sizeof(*(p)), flex_array_size(p, member, count)))

#define struct_size_t(type, member, count)				\
	struct_size((type *)NULL, member, count)

/* An on-stack @type with a flexible array of @count (constant) members. */
#define _DEFINE_FLEX(type, name, member, count, initializer...)	\
	_Static_assert(__builtin_constant_p(count),			\
		       "onstack flex array members require compile-time const count"); \
	union {								\
		u8 bytes[struct_size_t(type, member, count)];		\
		type obj;						\
	} name##_u initializer;						\
	type *name = (type *)&name##_u

#define DEFINE_RAW_FLEX(type, name, member, count)			\
	_DEFINE_FLEX(type, name, member, count, = {})

#define DEFINE_FLEX(TYPE, NAME, MEMBER, COUNTER, COUNT)			\
	_DEFINE_FLEX(TYPE, NAME, MEMBER, COUNT, = { .obj.COUNTER = COUNT, })

#endif /* __LINUX_OVERFLOW_H */
