/*
 * compat/arch/membarrier.h - asymmetric fences (membarrier.c).
 *
 * A fast path that runs on its own thread almost always, and a slow path
 * on another thread that must sometimes exclude it (a drain of another
 * CPU's per-CPU page list), can order themselves without a locked
 * instruction on the fast side: the fast side only keeps the compiler
 * from reordering (arch_fence_light()), the slow side makes every thread
 * of the process execute a full barrier (arch_fence_heavy(), one
 * membarrier() system call).  The pairs are Dekker's: the fast side
 * writes its flag, arch_fence_light(), reads the other's; the slow side
 * writes its flag, arch_fence_heavy(), reads the fast side's.
 *
 * Race checkers do not know the system call's ordering: under valgrind
 * and ThreadSanitizer arch_fence_init() says no, and callers keep their
 * locks.
 */
#ifndef _KSHIM_ARCH_MEMBARRIER_H
#define _KSHIM_ARCH_MEMBARRIER_H

#include <stdbool.h>

/* True when the pair below can be used (registers the process once). */
bool arch_fence_init(void);

static inline void arch_fence_light(void)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

/* A full barrier on every running thread of the process. */
void arch_fence_heavy(void);

#endif /* _KSHIM_ARCH_MEMBARRIER_H */
