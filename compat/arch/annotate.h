/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/arch/annotate.h - telling race checkers what is racy on purpose.
 *
 * kshim reads a few words without a lock as hints that it then rechecks
 * under the lock (a CPU's pending-work word, read at every
 * local_irq_enable()).  TSan sees those reads as the atomics they are;
 * helgrind does not understand atomics, so the words are excluded from
 * its checking.  Free outside valgrind.
 */
#ifndef _KSHIM_ARCH_ANNOTATE_H
#define _KSHIM_ARCH_ANNOTATE_H

#include <stddef.h>

#include <valgrind/helgrind.h>

static inline void arch_annotate_racy_hint(const void *addr, size_t len)
{
	VALGRIND_HG_DISABLE_CHECKING(addr, len);
}

#endif /* _KSHIM_ARCH_ANNOTATE_H */
