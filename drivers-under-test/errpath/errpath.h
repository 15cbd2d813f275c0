/* SPDX-License-Identifier: GPL-2.0 */
/*
 * errpath - a device whose probe takes six resources in turn, each of
 * which can fail: a slab cache, register shadow memory, a DMA page, a
 * vmalloc'ed ring, an interrupt and a first object.  errpath.c unwinds
 * every failure correctly; errpath_bugs.c plants the classic error-path
 * bugs, one probe each, for the failure-path sweep to find.
 */
#ifndef _ERRPATH_H
#define _ERRPATH_H

#include <linux/interrupt.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/types.h>

#define ERRPATH_REGS_SIZE	256
#define ERRPATH_RING_PAGES	4

struct errpath_dev {
	struct kmem_cache *cache;
	u32 *regs;
	struct page *dma_page;
	void *ring;
	unsigned int irq;
	void *obj;
	unsigned long irqs;
};

int errpath_probe(struct errpath_dev *ed, unsigned int irq);
void errpath_remove(struct errpath_dev *ed);

/* errpath_bugs.c: each probe has one planted error-path bug. */
int errpath_probe_leak(struct errpath_dev *ed, unsigned int irq);
int errpath_probe_irq_left(struct errpath_dev *ed, unsigned int irq);
int errpath_probe_double_free(struct errpath_dev *ed, unsigned int irq);
int errpath_probe_use_after_free(struct errpath_dev *ed, unsigned int irq);
int errpath_probe_swallow(struct errpath_dev *ed, unsigned int irq);

#endif /* _ERRPATH_H */
