/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/atomic.h - atomic_t, atomic64_t and atomic_long_t operations.
 *
 * Follows Documentation/atomic_t.txt: plain ops (inc, add, set...) are
 * relaxed; value-returning RMW ops are fully ordered, with _relaxed,
 * _acquire and _release variants where drivers use them.  Built on the
 * compiler's __atomic builtins so ThreadSanitizer sees every access as
 * atomic; under valgrind every RMW is also serialized per atomic for
 * helgrind, which does not understand atomics (compat/arch/annotate.c).
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/cmpxchg.h>	/* xchg(), cmpxchg(), as asm/atomic.h brings */

/* compat/arch/annotate.c: true under valgrind */
extern bool __kshim_hg_atomics;
void __kshim_hg_atomic_begin(const volatile void *addr);
void __kshim_hg_atomic_end(const volatile void *addr);

/* @expr, an atomic RMW of @addr, as helgrind should see it. */
#define __kshim_atomic_rmw(addr, expr)					\
({									\
	__typeof__(expr) __kshim_r;					\
									\
	if (unlikely(__kshim_hg_atomics))				\
		__kshim_hg_atomic_begin(addr);				\
	__kshim_r = (expr);						\
	if (unlikely(__kshim_hg_atomics))				\
		__kshim_hg_atomic_end(addr);				\
	__kshim_r;							\
})

#define ATOMIC64_INIT(i)	{ (i) }

#define __KSHIM_ATOMIC_OPS(pfx, atype, vtype)				\
static __always_inline vtype pfx##_read(const atype *v)		\
{ return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }		\
static __always_inline vtype pfx##_read_acquire(const atype *v)	\
{ return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); }		\
static __always_inline void pfx##_set(atype *v, vtype i)		\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }		\
static __always_inline void pfx##_set_release(atype *v, vtype i)	\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); }		\
static __always_inline void pfx##_add(vtype i, atype *v)		\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED)); }	\
static __always_inline void pfx##_sub(vtype i, atype *v)		\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED)); }	\
static __always_inline void pfx##_inc(atype *v)			\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_add(&v->counter, 1, __ATOMIC_RELAXED)); }	\
static __always_inline void pfx##_dec(atype *v)			\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_sub(&v->counter, 1, __ATOMIC_RELAXED)); }	\
static __always_inline vtype pfx##_add_return(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_sub_return(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_inc_return(atype *v)		\
{ return __kshim_atomic_rmw(v,					\
	__atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_dec_return(atype *v)		\
{ return __kshim_atomic_rmw(v,					\
	__atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_fetch_add(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_fetch_sub(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_fetch_or(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_fetch_and(vtype i, atype *v)	\
{ return __kshim_atomic_rmw(v,					\
	__atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST)); }	\
static __always_inline void pfx##_or(vtype i, atype *v)		\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED)); }	\
static __always_inline void pfx##_and(vtype i, atype *v)		\
{ __kshim_atomic_rmw(v,							\
	__atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED)); }	\
static __always_inline bool pfx##_add_negative(vtype i, atype *v)	\
{ return pfx##_add_return(i, v) < 0; }				\
static __always_inline bool pfx##_sub_and_test(vtype i, atype *v)	\
{ return pfx##_sub_return(i, v) == 0; }				\
static __always_inline bool pfx##_dec_and_test(atype *v)		\
{ return pfx##_dec_return(v) == 0; }					\
static __always_inline bool pfx##_inc_and_test(atype *v)		\
{ return pfx##_inc_return(v) == 0; }					\
static __always_inline vtype pfx##_xchg(atype *v, vtype n)		\
{ return __kshim_atomic_rmw(v,					\
	__atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST)); }	\
static __always_inline vtype pfx##_cmpxchg(atype *v, vtype o, vtype n) \
{									\
	__kshim_atomic_rmw(v,					\
		__atomic_compare_exchange_n(&v->counter, &o, n, false,	\
					    __ATOMIC_SEQ_CST,		\
					    __ATOMIC_RELAXED));		\
	return o;							\
}									\
static __always_inline bool pfx##_try_cmpxchg(atype *v, vtype *o,	\
					      vtype n)			\
{									\
	return __kshim_atomic_rmw(v,				\
		__atomic_compare_exchange_n(&v->counter, o, n, false,	\
					    __ATOMIC_SEQ_CST,		\
					    __ATOMIC_RELAXED));		\
}									\
/* Add @a unless the value is @u; returns the old value. */		\
static __always_inline vtype pfx##_fetch_add_unless(atype *v, vtype a,	\
						    vtype u)		\
{									\
	vtype c = pfx##_read(v);					\
									\
	do {								\
		if (c == u)						\
			break;						\
	} while (!pfx##_try_cmpxchg(v, &c, c + a));			\
	return c;							\
}									\
static __always_inline bool pfx##_add_unless(atype *v, vtype a, vtype u) \
{ return pfx##_fetch_add_unless(v, a, u) != u; }			\
static __always_inline bool pfx##_inc_not_zero(atype *v)		\
{ return pfx##_add_unless(v, 1, 0); }

__KSHIM_ATOMIC_OPS(atomic, atomic_t, int)
__KSHIM_ATOMIC_OPS(atomic64, atomic64_t, s64)

/*
 * atomic_long_t is atomic64_t on 64-bit, and its operations take and
 * return long (6.1 include/linux/atomic/atomic-long.h), so a driver's
 * "%ld" of atomic_long_read() is right.
 */
typedef atomic64_t atomic_long_t;
#define ATOMIC_LONG_INIT(i)	ATOMIC64_INIT(i)
static __always_inline long atomic_long_read(const atomic_long_t *v)
{ return atomic64_read(v); }
static __always_inline void atomic_long_set(atomic_long_t *v, long i)
{ atomic64_set(v, i); }
static __always_inline void atomic_long_add(long i, atomic_long_t *v)
{ atomic64_add(i, v); }
static __always_inline void atomic_long_sub(long i, atomic_long_t *v)
{ atomic64_sub(i, v); }
static __always_inline void atomic_long_inc(atomic_long_t *v)
{ atomic64_inc(v); }
static __always_inline void atomic_long_dec(atomic_long_t *v)
{ atomic64_dec(v); }
static __always_inline long atomic_long_add_return(long i, atomic_long_t *v)
{ return atomic64_add_return(i, v); }
static __always_inline long atomic_long_sub_return(long i, atomic_long_t *v)
{ return atomic64_sub_return(i, v); }
static __always_inline long atomic_long_inc_return(atomic_long_t *v)
{ return atomic64_inc_return(v); }
static __always_inline long atomic_long_dec_return(atomic_long_t *v)
{ return atomic64_dec_return(v); }
static __always_inline bool atomic_long_dec_and_test(atomic_long_t *v)
{ return atomic64_dec_and_test(v); }
static __always_inline long atomic_long_xchg(atomic_long_t *v, long i)
{ return atomic64_xchg(v, i); }
static __always_inline long atomic_long_cmpxchg(atomic_long_t *v, long o,
						long n)
{ return atomic64_cmpxchg(v, o, n); }

#define atomic_set_release	atomic_set_release
#define atomic_add_return_relaxed atomic_add_return
#define atomic_inc_return_relaxed atomic_inc_return
#define atomic_dec_return_relaxed atomic_dec_return

/* What the kernel's linux/atomic.h also makes visible. */
#include <asm/barrier.h>

#endif /* _LINUX_ATOMIC_H */
