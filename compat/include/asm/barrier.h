/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/barrier.h - memory barriers, as x86's arch/x86/include/asm/barrier.h
 * and asm-generic/barrier.h (6.1) give them to kernel code: mb()/rmb()/
 * wmb(), the dma_ and smp_ forms, smp_store_mb(), smp_store_release()/
 * smp_load_acquire(), smp_mb__{before,after}_atomic(),
 * smp_acquire__after_ctrl_dep() and smp_cond_load_{relaxed,acquire}().
 *
 * kshim's CPUs are host threads, so every smp_ barrier is a real one
 * (CONFIG_SMP).  They are __atomic fences and acquire/release accesses
 * rather than x86 instructions: on x86-64 the code is the kernel's (a
 * plain load or store for acquire/release, a full fence for smp_mb()),
 * and ThreadSanitizer sees the ordering they give.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <linux/compiler.h>

#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)
#define dma_rmb()	rmb()
#define dma_wmb()	wmb()

#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()

/* Store, then a full barrier. */
#define smp_store_mb(var, value)					\
do {									\
	WRITE_ONCE(var, value);						\
	smp_mb();							\
} while (0)

/* Around an atomic RMW without ordering of its own (x86's are locked). */
#define smp_mb__before_atomic()	barrier()
#define smp_mb__after_atomic()	barrier()

/* A control dependency followed by this orders later loads too. */
#define smp_acquire__after_ctrl_dep()	smp_rmb()

#define smp_store_release(p, v)						\
do {									\
	__unqual_scalar_typeof(*(p)) __kshim_rel_v = (v);		\
									\
	compiletime_assert_rwonce_type(*(p));				\
	__atomic_store((p), &__kshim_rel_v, __ATOMIC_RELEASE);		\
} while (0)

#define smp_load_acquire(p)						\
({									\
	__unqual_scalar_typeof(*(p)) __kshim_acq_v;			\
									\
	compiletime_assert_rwonce_type(*(p));				\
	__atomic_load((p), &__kshim_acq_v, __ATOMIC_ACQUIRE);		\
	__kshim_acq_v;							\
})

/*
 * Spin until @cond_expr (which may use VAL, the value read from @ptr)
 * holds; the last value read is the result.
 */
#define smp_cond_load_relaxed(ptr, cond_expr)				\
({									\
	typeof(ptr) __PTR = (ptr);					\
	__unqual_scalar_typeof(*(ptr)) VAL;				\
									\
	for (;;) {							\
		VAL = READ_ONCE(*__PTR);				\
		if (cond_expr)						\
			break;						\
		cpu_relax();						\
	}								\
	(typeof(*(ptr)))VAL;						\
})

#define smp_cond_load_acquire(ptr, cond_expr)				\
({									\
	__unqual_scalar_typeof(*(ptr)) __kshim_cond_v;			\
									\
	__kshim_cond_v = smp_cond_load_relaxed(ptr, cond_expr);	\
	smp_acquire__after_ctrl_dep();					\
	(typeof(*(ptr)))__kshim_cond_v;					\
})

/* What the kernel's asm/barrier.h also makes visible. */
#include <asm-generic/param.h>
#include <asm/bug.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/byteorder/generic.h>
#include <linux/const.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/instruction_pointer.h>
#include <linux/jump_label.h>
#include <linux/once_lite.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/ratelimit_types.h>
#include <linux/spinlock_types.h>
#include <linux/stringify.h>
#include <linux/swab.h>

#endif /* _ASM_X86_BARRIER_H */
