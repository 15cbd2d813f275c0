/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cacheflush.h - cache maintenance around kernel mappings of pages.
 *
 * Follows include/linux/cacheflush.h + include/asm-generic/cacheflush.h
 * of 6.8 as x86 uses them: caches are coherent, so flushing the data cache
 * for a page (after writing it through a kmap) does nothing.
 */
#ifndef _LINUX_CACHEFLUSH_H
#define _LINUX_CACHEFLUSH_H

struct page;

#define ARCH_IMPLEMENTS_FLUSH_DCACHE_PAGE 0

static inline void flush_dcache_page(struct page *page)
{
}

static inline void flush_kernel_vmap_range(void *vaddr, int size)
{
}

static inline void invalidate_kernel_vmap_range(void *vaddr, int size)
{
}

/* What the kernel's linux/cacheflush.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/ioport.h>
#include <linux/kasan.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_CACHEFLUSH_H */
