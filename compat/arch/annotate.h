/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/arch/annotate.h - telling race checkers what is racy on purpose.
 *
 * kshim reads a few words without a lock as hints that it then rechecks
 * under the lock (a CPU's pending-work word, read at every
 * local_irq_enable()).  TSan sees those reads as the atomics they are;
 * helgrind does not understand atomics, so the words are excluded from
 * its checking.  Likewise an ordering kshim builds from atomic bits
 * (a tasklet's state) is spelled out for helgrind as happens-before
 * annotations.  Free outside valgrind.
 */
#ifndef _KSHIM_ARCH_ANNOTATE_H
#define _KSHIM_ARCH_ANNOTATE_H

#include <stddef.h>

#include <valgrind/helgrind.h>
#include <valgrind/valgrind.h>

static inline void arch_annotate_racy_hint(const void *addr, size_t len)
{
	VALGRIND_HG_DISABLE_CHECKING(addr, len);
}

/*
 * An atomic release on @addr that helgrind cannot see: what this thread
 * did so far happens before whatever follows a matching
 * arch_annotate_happens_after(@addr) in another thread.
 */
static inline void arch_annotate_happens_before(const void *addr)
{
	ANNOTATE_HAPPENS_BEFORE(addr);
}

static inline void arch_annotate_happens_after(const void *addr)
{
	ANNOTATE_HAPPENS_AFTER(addr);
}

/*
 * How much slower than native this process runs: 10 under valgrind, 1
 * otherwise.  Waits that give up only to catch a hang (a test's timeout,
 * kshim_irq_sync()) scale by it, so that no verdict depends on speed.
 */
static inline unsigned int arch_slowdown(void)
{
	return RUNNING_ON_VALGRIND ? 10 : 1;
}

#endif /* _KSHIM_ARCH_ANNOTATE_H */
