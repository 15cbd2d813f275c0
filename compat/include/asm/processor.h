/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/processor.h - the CPU hints drivers use: cpu_relax() in busy-wait
 * loops and the cache prefetches.
 *
 * Follows arch/x86/include/asm/processor.h (and asm/vdso/processor.h) of
 * 6.x for these only: cpu_relax() is x86's PAUSE; prefetch(), prefetchw()
 * and spin_lock_prefetch() are hints (__builtin_prefetch() for read and for
 * write) that never fault, so a bad address is harmless, as on x86.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/compiler.h>

/* REP NOP (PAUSE): a spin-wait hint, and a compiler barrier. */
static __always_inline void rep_nop(void)
{
	asm volatile("rep; nop" ::: "memory");
}

static __always_inline void cpu_relax(void)
{
	rep_nop();
}

#define ARCH_HAS_PREFETCH
#define ARCH_HAS_PREFETCHW
#define ARCH_HAS_SPINLOCK_PREFETCH

static inline void prefetch(const void *x)
{
	__builtin_prefetch(x, 0);
}

static __always_inline void prefetchw(const void *x)
{
	__builtin_prefetch(x, 1);
}

static inline void spin_lock_prefetch(const void *x)
{
	prefetchw(x);
}

/* What the kernel's asm/processor.h also makes visible. */
#include <asm/barrier.h>
#include <asm/pgtable_types.h>
#include <linux/ioctl.h>	/* through asm/msr.h, uapi/asm/msr.h */
#include <linux/irqflags.h>

#endif /* _ASM_X86_PROCESSOR_H */
