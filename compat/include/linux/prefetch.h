/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/prefetch.h - cache prefetch hints.
 *
 * Follows include/linux/prefetch.h of 6.1: x86's prefetch(), prefetchw()
 * and spin_lock_prefetch() come from asm/processor.h; prefetch_range()
 * touches each PREFETCH_STRIDE (4 cache lines) of the range.
 */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#include <linux/types.h>
#include <asm/processor.h>

#define L1_CACHE_BYTES_PREFETCH	64
#define PREFETCH_STRIDE		(4 * L1_CACHE_BYTES_PREFETCH)

static inline void prefetch_range(void *addr, size_t len)
{
	char *cp, *end = (char *)addr + len;

	for (cp = addr; cp < end; cp += PREFETCH_STRIDE)
		prefetch(cp);
}

/* What the kernel's linux/prefetch.h also makes visible. */
#include <asm/barrier.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <linux/irqflags.h>
#include <linux/math64.h>
#include <linux/percpu-defs.h>

#endif /* _LINUX_PREFETCH_H */
