/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/bitfield.h - register fields described by a mask.
 *
 * Follows include/linux/bitfield.h of 6.1: FIELD_PREP(mask, val) shifts
 * @val into the field, FIELD_GET(mask, reg) extracts it, FIELD_FIT()
 * tells whether @val fits, FIELD_MAX() is the field's largest value; the
 * mask must be a non-zero contiguous compile-time constant, a constant
 * @val must fit, and the register's type must hold the mask - each
 * checked at build time with the kernel's message ("FIELD_PREP: mask is
 * not constant", "...mask is zero", "...value too large for the field",
 * "...type of reg too small for mask", and a BUILD_BUG_ON() for a
 * non-contiguous mask; the *_encode_bits() functions say "bad bitfield
 * mask" and "value doesn't fit into mask").  A check
 * whose operands are integer constant expressions fails at any -O level;
 * one that needs the optimiser to see a constant (an inline function's
 * argument) fails in optimised builds only, through __compiletime_error
 * as in the kernel (not optimising, the *_encode_bits() checks trap at
 * run time, as kshim's BUILD_BUG() does).  The {u8,u16,u32,u64,le16,le32,
 * le64,be16,be32,be64}_{encode,get,replace}_bits() families and
 * field_prep()/field_get() (non-constant masks) are here too.
 */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

#include <linux/build_bug.h>
#include <linux/bitops.h>
#include <asm/byteorder.h>

#define __bf_shf(x)	__builtin_ctzll(x)

#define __scalar_type_to_unsigned_cases(type)				\
		unsigned type:	(unsigned type)0,			\
		signed type:	(unsigned type)0

#define __unsigned_scalar_typeof(x) __typeof__(				\
		_Generic((x),						\
			char:	(unsigned char)0,			\
			__scalar_type_to_unsigned_cases(char),		\
			__scalar_type_to_unsigned_cases(short),		\
			__scalar_type_to_unsigned_cases(int),		\
			__scalar_type_to_unsigned_cases(long),		\
			__scalar_type_to_unsigned_cases(long long),	\
			default: (x)))

#define __bf_cast_unsigned(type, x)	((__unsigned_scalar_typeof(type))(x))

/*
 * BUILD_BUG_ON_MSG() in two halves.  @ice_cond is checked when it is an
 * integer constant expression, at any -O level; when optimising, @cond is
 * also checked after optimisation, as the kernel's compiletime_assert()
 * does: a call to a function declared with the error attribute, which the
 * compiler drops when @cond folds to false.  __builtin_constant_p() is
 * only meaningful after inlining, so it appears in @cond only; not
 * optimising, a mask passed through an inline function's parameter is
 * refused as "not constant" (the kernel is never built without -O).
 */
#ifdef __OPTIMIZE__
#define __kshim_bf_late_check(cond, msg, fn)				\
	do {								\
		extern void fn(void) __compiletime_error(msg);		\
		if (cond)						\
			fn();						\
	} while (0)
#define __kshim_bf_mask_not_constant(_mask)	0
#else
#define __kshim_bf_late_check(cond, msg, fn)	do { } while (0)
#define __kshim_bf_mask_not_constant(_mask)	(!__builtin_constant_p(_mask))
#endif
#define __kshim_bf_check2(ice_cond, cond, msg)				\
	do {								\
		BUILD_BUG_ON_MSG(ice_cond, msg);			\
		__kshim_bf_late_check(cond, msg,			\
				      __UNIQUE_ID(__kshim_bf_fail_));	\
	} while (0)
#define __kshim_bf_check(cond, msg)	__kshim_bf_check2(cond, cond, msg)

#define __BF_FIELD_CHECK_MASK(_mask, _val, _pfx)			\
	({								\
		__kshim_bf_check2(__kshim_bf_mask_not_constant(_mask),	\
				  !__builtin_constant_p(_mask),		\
				  _pfx "mask is not constant");		\
		__kshim_bf_check((_mask) == 0, _pfx "mask is zero");	\
		__kshim_bf_check2(__builtin_choose_expr(__is_constexpr(_val), \
				  ~((_mask) >> __bf_shf(_mask)) & (_val), 0), \
				  __builtin_constant_p(_val) ?		\
				  ~((_mask) >> __bf_shf(_mask)) & (_val) : 0, \
				  _pfx "value too large for the field"); \
		__kshim_bf_check2(__kshim_bf_not_pow2((_mask) +		\
					(1ULL << __bf_shf(_mask))),	\
				  __kshim_bf_not_pow2((_mask) +		\
					(1ULL << __bf_shf(_mask))),	\
				  "BUILD_BUG_ON failed: "		\
				  "((((_mask) + (1ULL << __bf_shf(_mask)))) & " \
				  "(((_mask) + (1ULL << __bf_shf(_mask))) - 1)) != 0"); \
	})
#define __kshim_bf_not_pow2(n)	(((n) & ((n) - 1)) != 0)

#define __BF_FIELD_CHECK_REG(mask, reg, pfx)				\
	__kshim_bf_check(__bf_cast_unsigned(mask, mask) >		\
			 __bf_cast_unsigned(reg, ~0ull),		\
			 pfx "type of reg too small for mask")

#define __BF_FIELD_CHECK(mask, reg, val, pfx)				\
	({								\
		__BF_FIELD_CHECK_MASK(mask, val, pfx);			\
		__BF_FIELD_CHECK_REG(mask, reg, pfx);			\
	})

#define __FIELD_PREP(mask, val, pfx)					\
	({								\
		__BF_FIELD_CHECK_MASK(mask, val, pfx);			\
		((__typeof__(mask))(val) << __bf_shf(mask)) & (mask);	\
	})

#define __FIELD_GET(mask, reg, pfx)					\
	({								\
		__BF_FIELD_CHECK_MASK(mask, 0U, pfx);			\
		(__typeof__(mask))(((reg) & (mask)) >> __bf_shf(mask));	\
	})

/* The largest value the field @_mask holds. */
#define FIELD_MAX(_mask)						\
	({								\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_MAX: ");	\
		(__typeof__(_mask))((_mask) >> __bf_shf(_mask));	\
	})

/* Does @_val fit in the field @_mask? */
#define FIELD_FIT(_mask, _val)						\
	({								\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_FIT: ");	\
		!((((__typeof__(_mask))_val) << __bf_shf(_mask)) & ~(_mask)); \
	})

/* @_val shifted into the field @_mask (bits outside it are dropped). */
#define FIELD_PREP(_mask, _val)						\
	({								\
		__BF_FIELD_CHECK_REG(_mask, 0ULL, "FIELD_PREP: ");	\
		__FIELD_PREP(_mask, _val, "FIELD_PREP: ");		\
	})

/* The field @_mask of @_reg, shifted down to bit 0. */
#define FIELD_GET(_mask, _reg)						\
	({								\
		__BF_FIELD_CHECK_REG(_mask, _reg, "FIELD_GET: ");	\
		__FIELD_GET(_mask, _reg, "FIELD_GET: ");		\
	})

#ifdef __OPTIMIZE__
extern void __compiletime_error("value doesn't fit into mask")
__field_overflow(void);
extern void __compiletime_error("bad bitfield mask")
__bad_mask(void);
#else
#define __field_overflow()	__builtin_trap()
#define __bad_mask()		__builtin_trap()
#endif

/* The field's lowest bit; a non-contiguous (or zero) mask is an error. */
static __always_inline u64 field_multiplier(u64 field)
{
	if ((field | (field - 1)) & ((field | (field - 1)) + 1))
		__bad_mask();
	return field & -field;
}

static __always_inline u64 field_mask(u64 field)
{
	return field / field_multiplier(field);
}

#define field_max(field)	((__typeof__(field))field_mask(field))

#define ____MAKE_OP(type, base, to, from)				\
static __always_inline __##type type##_encode_bits(base v, base field)	\
{									\
	if (__builtin_constant_p(v) && (v & ~field_mask(field)))	\
		__field_overflow();					\
	return to((v & field_mask(field)) * field_multiplier(field));	\
}									\
static __always_inline __##type type##_replace_bits(__##type old,	\
						    base val, base field) \
{									\
	return (old & ~to(field)) | type##_encode_bits(val, field);	\
}									\
static __always_inline void type##p_replace_bits(__##type *p,		\
						 base val, base field)	\
{									\
	*p = (*p & ~to(field)) | type##_encode_bits(val, field);	\
}									\
static __always_inline base type##_get_bits(__##type v, base field)	\
{									\
	return (from(v) & field) / field_multiplier(field);		\
}

#define __MAKE_OP(size)							\
	____MAKE_OP(le##size, u##size, cpu_to_le##size, le##size##_to_cpu) \
	____MAKE_OP(be##size, u##size, cpu_to_be##size, be##size##_to_cpu) \
	____MAKE_OP(u##size, u##size, , )
____MAKE_OP(u8, u8, , )
__MAKE_OP(16)
__MAKE_OP(32)
__MAKE_OP(64)
#undef __MAKE_OP
#undef ____MAKE_OP

/* FIELD_PREP()/FIELD_GET() for masks only known at run time. */
#define __kshim_field_prep(mask, val, m, v, sh)				\
	({								\
		__auto_type m = (mask);					\
		__typeof__(m) v = (val);				\
		unsigned int sh = BITS_PER_TYPE(m) <= 32 ?		\
				  __ffs(m) : __ffs64(m);		\
		(v << sh) & m;						\
	})
#define __field_prep(mask, val)						\
	__kshim_field_prep(mask, val, __UNIQUE_ID(fp_m_),		\
			   __UNIQUE_ID(fp_v_), __UNIQUE_ID(fp_sh_))

#define __kshim_field_get(mask, reg, m, r, sh)				\
	({								\
		__auto_type m = (mask);					\
		__typeof__(m) r = (reg);				\
		unsigned int sh = BITS_PER_TYPE(m) <= 32 ?		\
				  __ffs(m) : __ffs64(m);		\
		(r & m) >> sh;						\
	})
#define __field_get(mask, reg)						\
	__kshim_field_get(mask, reg, __UNIQUE_ID(fg_m_),		\
			  __UNIQUE_ID(fg_r_), __UNIQUE_ID(fg_sh_))

#define field_prep(mask, val)						\
	(__builtin_constant_p(mask) ?					\
	 __FIELD_PREP(mask, val, "field_prep: ") : __field_prep(mask, val))

#define field_get(mask, reg)						\
	(__builtin_constant_p(mask) ?					\
	 __FIELD_GET(mask, reg, "field_get: ") : __field_get(mask, reg))

#endif /* _LINUX_BITFIELD_H */
