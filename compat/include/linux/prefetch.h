/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/prefetch.h - cache prefetch hints.
 *
 * Follows include/linux/prefetch.h of 6.1 (with x86's prefetch() and
 * prefetchw()): hints only, __builtin_prefetch() for read and write;
 * prefetch_range() touches each PREFETCH_STRIDE (4 cache lines) of the
 * range.  A hint never faults, so a bad address is harmless, as on x86.
 */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#include <linux/types.h>

#define L1_CACHE_BYTES_PREFETCH	64
#define PREFETCH_STRIDE		(4 * L1_CACHE_BYTES_PREFETCH)

#define ARCH_HAS_PREFETCH
#define ARCH_HAS_PREFETCHW

static inline void prefetch(const void *x)
{
	__builtin_prefetch(x, 0);
}

static inline void prefetchw(const void *x)
{
	__builtin_prefetch(x, 1);
}

#define spin_lock_prefetch(x)	prefetchw(x)

static inline void prefetch_range(void *addr, size_t len)
{
	char *cp, *end = (char *)addr + len;

	for (cp = addr; cp < end; cp += PREFETCH_STRIDE)
		prefetch(cp);
}

/* What the kernel's linux/prefetch.h also makes visible. */
#include <asm/page.h>
#include <linux/math64.h>
#include <linux/percpu-defs.h>

#endif /* _LINUX_PREFETCH_H */
