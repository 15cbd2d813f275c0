/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/refcount.h - reference counters that saturate instead of
 * wrapping.
 *
 * Follows include/linux/refcount.h and lib/refcount.c of 6.1 (the
 * "full" refcount_t: every operation checks).  An increment from 0
 * (use after free), an increment that overflows, a decrement below 0
 * (underflow) and refcount_dec() reaching 0 (a leak: the object is never
 * freed) set the counter to REFCOUNT_SATURATED, where it stays (reads
 * see it, operations leave it there), and WARN once per kind of event
 * and boot, as refcount_warn_saturate() does:
 *
 *	refcount_t: saturated; leaking memory.
 *	refcount_t: addition on 0; use-after-free.
 *	refcount_t: underflow; use-after-free.
 *	refcount_t: decrement hit 0; leaking memory.
 *
 * The kernel's WARN names lib/refcount.c; kshim's names the caller's
 * file:line (every operation is a macro capturing its call site).  The
 * ordering is the kernel's documented one (relaxed increments, release
 * decrements with acquire on reaching 0).  refcount_dec_and_lock() and
 * refcount_dec_and_mutex_lock() take the lock with the caller's
 * spin_lock()/mutex_lock(), so lock debugging names the caller too; they
 * need <linux/spinlock.h> or <linux/mutex.h>, which any code holding
 * such a lock has included.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/spinlock_types.h>
#include <kshim/site.h>

struct mutex;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n), }
#define REFCOUNT_MAX		INT_MAX
#define REFCOUNT_SATURATED	(INT_MIN / 2)

enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

/* compat/lib/refcount.c: saturate @r and WARN_ONCE() for @t at @site. */
void __kshim_refcount_warn_saturate(refcount_t *r,
				    enum refcount_saturation_type t,
				    const struct kshim_site *site);
#define refcount_warn_saturate(r, t)					\
	__kshim_refcount_warn_saturate(r, t, __KSHIM_CALLSITE)

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

/* Signed results computed without signed overflow (it is what we test). */
#define __kshim_rc_sum(a, b)	((int)((unsigned int)(a) + (unsigned int)(b)))
#define __kshim_rc_diff(a, b)	((int)((unsigned int)(a) - (unsigned int)(b)))

static inline __must_check bool
__kshim_refcount_add_not_zero(int i, refcount_t *r, int *oldp,
			      const struct kshim_site *site)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			break;
	} while (!__atomic_compare_exchange_n(&r->refs.counter, &old,
					      __kshim_rc_sum(old, i), false,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	if (oldp)
		*oldp = old;
	if (unlikely(old < 0 || __kshim_rc_sum(old, i) < 0))
		__kshim_refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF,
					       site);
	return old;
}

static inline void __kshim_refcount_add(int i, refcount_t *r, int *oldp,
					const struct kshim_site *site)
{
	int old = __atomic_fetch_add(&r->refs.counter, i, __ATOMIC_RELAXED);

	if (oldp)
		*oldp = old;
	if (unlikely(!old))
		__kshim_refcount_warn_saturate(r, REFCOUNT_ADD_UAF, site);
	else if (unlikely(old < 0 || __kshim_rc_sum(old, i) < 0))
		__kshim_refcount_warn_saturate(r, REFCOUNT_ADD_OVF, site);
}

static inline __must_check bool
__kshim_refcount_sub_and_test(int i, refcount_t *r, int *oldp,
			      const struct kshim_site *site)
{
	int old = __atomic_fetch_sub(&r->refs.counter, i, __ATOMIC_RELEASE);

	if (oldp)
		*oldp = old;
	if (old == i) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		return true;
	}
	if (unlikely(old < 0 || __kshim_rc_diff(old, i) < 0))
		__kshim_refcount_warn_saturate(r, REFCOUNT_SUB_UAF, site);
	return false;
}

static inline void __kshim_refcount_dec(refcount_t *r, int *oldp,
					const struct kshim_site *site)
{
	int old = __atomic_fetch_sub(&r->refs.counter, 1, __ATOMIC_RELEASE);

	if (oldp)
		*oldp = old;
	if (unlikely(old <= 1))
		__kshim_refcount_warn_saturate(r, REFCOUNT_DEC_LEAK, site);
}

#define __KSHIM_RC	__KSHIM_CALLSITE

#define __refcount_add_not_zero(i, r, oldp)				\
	__kshim_refcount_add_not_zero(i, r, oldp, __KSHIM_RC)
#define refcount_add_not_zero(i, r)					\
	__kshim_refcount_add_not_zero(i, r, NULL, __KSHIM_RC)
#define __refcount_add(i, r, oldp)					\
	__kshim_refcount_add(i, r, oldp, __KSHIM_RC)
#define refcount_add(i, r)	__kshim_refcount_add(i, r, NULL, __KSHIM_RC)
#define __refcount_inc_not_zero(r, oldp)				\
	__kshim_refcount_add_not_zero(1, r, oldp, __KSHIM_RC)
#define refcount_inc_not_zero(r)					\
	__kshim_refcount_add_not_zero(1, r, NULL, __KSHIM_RC)
#define __refcount_inc(r, oldp)	__kshim_refcount_add(1, r, oldp, __KSHIM_RC)
#define refcount_inc(r)		__kshim_refcount_add(1, r, NULL, __KSHIM_RC)
#define __refcount_sub_and_test(i, r, oldp)				\
	__kshim_refcount_sub_and_test(i, r, oldp, __KSHIM_RC)
#define refcount_sub_and_test(i, r)					\
	__kshim_refcount_sub_and_test(i, r, NULL, __KSHIM_RC)
#define __refcount_dec_and_test(r, oldp)				\
	__kshim_refcount_sub_and_test(1, r, oldp, __KSHIM_RC)
#define refcount_dec_and_test(r)					\
	__kshim_refcount_sub_and_test(1, r, NULL, __KSHIM_RC)
#define __refcount_dec(r, oldp)	__kshim_refcount_dec(r, oldp, __KSHIM_RC)
#define refcount_dec(r)		__kshim_refcount_dec(r, NULL, __KSHIM_RC)

/* compat/lib/refcount.c */
__must_check bool refcount_dec_if_one(refcount_t *r);
__must_check bool __kshim_refcount_dec_not_one(refcount_t *r,
					       const struct kshim_site *site);
#define refcount_dec_not_one(r)						\
	__kshim_refcount_dec_not_one(r, __KSHIM_RC)

/*
 * Decrement; if that would reach 0, take the lock first (with the
 * caller's lock macros) and return true holding it.
 */
#define __kshim_refcount_dec_and_locked(r, site, rr, ret, lock_op,	\
					unlock_op)			\
({									\
	refcount_t *rr = (r);						\
	bool ret = false;						\
									\
	if (!__kshim_refcount_dec_not_one(rr, site)) {			\
		lock_op;						\
		ret = __kshim_refcount_sub_and_test(1, rr, NULL, site);	\
		if (!ret)						\
			unlock_op;					\
	}								\
	ret;								\
})

#define refcount_dec_and_lock(r, lock)					\
	__kshim_refcount_dec_and_locked(r, __KSHIM_RC,			\
					__UNIQUE_ID(rc_), __UNIQUE_ID(rcret_), \
					spin_lock(lock), spin_unlock(lock))
#define refcount_dec_and_lock_irqsave(r, lock, flags)			\
	__kshim_refcount_dec_and_locked(r, __KSHIM_RC,			\
					__UNIQUE_ID(rc_), __UNIQUE_ID(rcret_), \
					spin_lock_irqsave(lock, *(flags)), \
					spin_unlock_irqrestore(lock, *(flags)))
#define refcount_dec_and_mutex_lock(r, lock)				\
	__kshim_refcount_dec_and_locked(r, __KSHIM_RC,			\
					__UNIQUE_ID(rc_), __UNIQUE_ID(rcret_), \
					mutex_lock(lock), mutex_unlock(lock))

/* What the kernel's linux/refcount.h also makes visible. */
#include <asm/barrier.h>
#include <linux/jump_label.h>

#endif /* _LINUX_REFCOUNT_H */
