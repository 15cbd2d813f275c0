/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/cmpxchg.h - xchg(), cmpxchg() and try_cmpxchg() on plain objects.
 *
 * Follows arch/x86/include/asm/cmpxchg.h with the generic ordering
 * variants of include/linux/atomic/atomic-instrumented.h (6.1): objects of
 * 1, 2, 4 or 8 bytes (any other size fails to build); the plain forms are
 * fully ordered, the _relaxed/_acquire/_release ones as named.
 * cmpxchg() returns the value found, try_cmpxchg() returns true on success
 * and on failure stores the value found in *@oldp.  Built on the
 * compiler's __atomic builtins so ThreadSanitizer sees atomics; under
 * valgrind each one is serialized per address for helgrind, as
 * linux/atomic.h does (compat/arch/annotate.c).
 */
#ifndef _ASM_X86_CMPXCHG_H
#define _ASM_X86_CMPXCHG_H

#include <linux/compiler.h>
#include <linux/types.h>

/* compat/arch/annotate.c: true under valgrind */
extern bool __kshim_hg_atomics;
void __kshim_hg_atomic_begin(const volatile void *addr);
void __kshim_hg_atomic_end(const volatile void *addr);

#define __kshim_cmpxchg_hg(addr, expr)					\
({									\
	__typeof__(expr) __kshim_cx_r;					\
									\
	if (unlikely(__kshim_hg_atomics))				\
		__kshim_hg_atomic_begin(addr);				\
	__kshim_cx_r = (expr);						\
	if (unlikely(__kshim_hg_atomics))				\
		__kshim_hg_atomic_end(addr);				\
	__kshim_cx_r;							\
})

#define __kshim_xchg(ptr, v, order)					\
({									\
	__typeof__(*(ptr)) __kshim_xv = (v);				\
									\
	__kshim_cmpxchg_hg(ptr,						\
		__atomic_exchange_n((ptr), __kshim_xv, (order)));	\
})

#define __kshim_cmpxchg(ptr, o, n, order, forder)			\
({									\
	__typeof__(*(ptr)) __kshim_co = (o);				\
	__typeof__(*(ptr)) __kshim_cn = (n);				\
									\
	(void)__kshim_cmpxchg_hg(ptr,					\
		__atomic_compare_exchange_n((ptr), &__kshim_co,	\
					    __kshim_cn, false,		\
					    (order), (forder)));	\
	__kshim_co;							\
})

#define __kshim_try_cmpxchg(ptr, oldp, n, order, forder)		\
({									\
	__typeof__(*(ptr)) *__kshim_top = (oldp);			\
	__typeof__(*(ptr)) __kshim_tn = (n);				\
									\
	__kshim_cmpxchg_hg(ptr,						\
		__atomic_compare_exchange_n((ptr), __kshim_top,	\
					    __kshim_tn, false,		\
					    (order), (forder)));	\
})

#define xchg(ptr, v)		__kshim_xchg(ptr, v, __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, v)	__kshim_xchg(ptr, v, __ATOMIC_RELAXED)
#define xchg_acquire(ptr, v)	__kshim_xchg(ptr, v, __ATOMIC_ACQUIRE)
#define xchg_release(ptr, v)	__kshim_xchg(ptr, v, __ATOMIC_RELEASE)

#define cmpxchg(ptr, o, n)						\
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(ptr, o, n)					\
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define cmpxchg_acquire(ptr, o, n)					\
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
#define cmpxchg_release(ptr, o, n)					\
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
#define cmpxchg64(ptr, o, n)	cmpxchg(ptr, o, n)
#define cmpxchg_local(ptr, o, n) cmpxchg(ptr, o, n)
#define cmpxchg64_local(ptr, o, n) cmpxchg(ptr, o, n)

#define try_cmpxchg(ptr, oldp, n)					\
	__kshim_try_cmpxchg(ptr, oldp, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(ptr, oldp, n)				\
	__kshim_try_cmpxchg(ptr, oldp, n, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define try_cmpxchg_acquire(ptr, oldp, n)				\
	__kshim_try_cmpxchg(ptr, oldp, n, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
#define try_cmpxchg_release(ptr, oldp, n)				\
	__kshim_try_cmpxchg(ptr, oldp, n, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
#define try_cmpxchg64(ptr, oldp, n)	try_cmpxchg(ptr, oldp, n)

/* What the kernel's asm/cmpxchg.h also makes visible. */
#include <asm/bug.h>

#endif /* _ASM_X86_CMPXCHG_H */
