/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/poison.h - the values list_del() leaves behind (x86_64's
 * POISON_POINTER_DELTA), so a use after list_del faults at a telling
 * address, as in include/linux/poison.h.
 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

#define POISON_POINTER_DELTA	0xdead000000000000UL
#define LIST_POISON1		((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2		((void *)(0x122 + POISON_POINTER_DELTA))

/* A timer's entry.next until it is first armed (linux/timer.h). */
#define TIMER_ENTRY_STATIC	((void *) 0x300 + POISON_POINTER_DELTA)

/* page->mapping of a compound page's tail pages (mm/page_alloc.c). */
#define TAIL_MAPPING		((void *)(0x400 + POISON_POINTER_DELTA))

/* Bytes of dma pool blocks (mm/dmapool.c): free, and allocated unzeroed. */
#define POOL_POISON_FREED	0xa7
#define POOL_POISON_ALLOCATED	0xa9

/* What the kernel's linux/poison.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_POISON_H */
