/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/idr.h - ID allocation: the IDR (ID -> pointer) and the IDA (IDs
 * only).
 *
 * Follows include/linux/idr.h and lib/idr.c of 6.1.  The IDR is a radix
 * tree root with ROOT_IS_IDR (an allocating XArray) plus idr_base and the
 * cyclic cursor idr_next; it does no locking (the caller serialises
 * updates; idr_find() is lock-free).  An ID allocated with a NULL pointer
 * stays allocated (idr_find() returns NULL, iteration skips it).  The IDA
 * is an XArray of bitmaps that takes its own xa_lock (irqsave).
 *
 * Checks at the caller's line, with the kernel's texts:
 *  - idr_alloc() with start < 0, idr_alloc*() on an IDR not initialised
 *    with idr_init()/DEFINE_IDR() (it is fixed up), idr_get_next() and
 *    idr_for_each() meeting an ID above INT_MAX: WARN_ON_ONCE();
 *  - ida_free() of an ID not allocated:
 *    "ida_free called for id=%d which is not allocated.";
 *  - a gfp that may block is might_sleep() (might_alloc()), every time;
 *  - idr_preload() disables preemption until idr_preload_end().
 */
#ifndef __IDR_H__
#define __IDR_H__

#include <linux/radix-tree.h>
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <kshim/site.h>

struct idr {
	struct radix_tree_root	idr_rt;
	unsigned int		idr_base;
	unsigned int		idr_next;
};

/* The radix tree tag the IDR keeps for free space (not for users). */
#define IDR_FREE	0

/* Set the IDR flag and the IDR_FREE tag */
#define IDR_RT_MARKER	(ROOT_IS_IDR | (__force gfp_t)			\
					(1 << (ROOT_TAG_SHIFT + IDR_FREE)))

#define IDR_INIT_BASE(name, base) {					\
	.idr_rt = RADIX_TREE_INIT(name, IDR_RT_MARKER),			\
	.idr_base = (base),						\
	.idr_next = 0,							\
}

#define IDR_INIT(name)	IDR_INIT_BASE(name, 0)

#define DEFINE_IDR(name)	struct idr name = IDR_INIT(name)

static inline unsigned int idr_get_cursor(const struct idr *idr)
{
	return READ_ONCE(idr->idr_next);
}

static inline void idr_set_cursor(struct idr *idr, unsigned int val)
{
	WRITE_ONCE(idr->idr_next, val);
}

#define idr_lock(idr)		xa_lock(&(idr)->idr_rt)
#define idr_unlock(idr)		xa_unlock(&(idr)->idr_rt)
#define idr_lock_bh(idr)	xa_lock_bh(&(idr)->idr_rt)
#define idr_unlock_bh(idr)	xa_unlock_bh(&(idr)->idr_rt)
#define idr_lock_irq(idr)	xa_lock_irq(&(idr)->idr_rt)
#define idr_unlock_irq(idr)	xa_unlock_irq(&(idr)->idr_rt)
#define idr_lock_irqsave(idr, flags) \
				xa_lock_irqsave(&(idr)->idr_rt, flags)
#define idr_unlock_irqrestore(idr, flags) \
				xa_unlock_irqrestore(&(idr)->idr_rt, flags)

/* The functions that can report are macros passing the caller's line. */
void __kshim_idr_preload(gfp_t gfp_mask, const struct kshim_site *);
int __kshim_idr_alloc(struct idr *, void *ptr, int start, int end, gfp_t,
		      const struct kshim_site *);
int __must_check __kshim_idr_alloc_u32(struct idr *, void *ptr, u32 *id,
				       unsigned long max, gfp_t,
				       const struct kshim_site *);
int __kshim_idr_alloc_cyclic(struct idr *, void *ptr, int start, int end,
			     gfp_t, const struct kshim_site *);
int __kshim_idr_for_each(const struct idr *,
			 int (*fn)(int id, void *p, void *data), void *data,
			 const struct kshim_site *);
void *__kshim_idr_get_next(struct idr *, int *nextid,
			   const struct kshim_site *);

#define idr_preload(gfp)	__kshim_idr_preload(gfp, __KSHIM_CALLSITE)
#define idr_alloc(idr, ptr, start, end, gfp) \
	__kshim_idr_alloc(idr, ptr, start, end, gfp, __KSHIM_CALLSITE)
#define idr_alloc_u32(idr, ptr, id, max, gfp) \
	__kshim_idr_alloc_u32(idr, ptr, id, max, gfp, __KSHIM_CALLSITE)
#define idr_alloc_cyclic(idr, ptr, start, end, gfp) \
	__kshim_idr_alloc_cyclic(idr, ptr, start, end, gfp, __KSHIM_CALLSITE)
#define idr_for_each(idr, fn, data) \
	__kshim_idr_for_each(idr, fn, data, __KSHIM_CALLSITE)
#define idr_get_next(idr, nextid) \
	__kshim_idr_get_next(idr, nextid, __KSHIM_CALLSITE)

void *idr_remove(struct idr *, unsigned long id);
void *idr_find(const struct idr *, unsigned long id);
void *idr_get_next_ul(struct idr *, unsigned long *nextid);
void *idr_replace(struct idr *, void *, unsigned long id);
void idr_destroy(struct idr *);

static inline void idr_init_base(struct idr *idr, int base)
{
	INIT_RADIX_TREE(&idr->idr_rt, IDR_RT_MARKER);
	idr->idr_base = base;
	idr->idr_next = 0;
}

static inline void idr_init(struct idr *idr)
{
	idr_init_base(idr, 0);
}

static inline bool idr_is_empty(const struct idr *idr)
{
	return radix_tree_empty(&idr->idr_rt) &&
		radix_tree_tagged(&idr->idr_rt, IDR_FREE);
}

/* An inline function in the kernel: here a macro, for the caller's line. */
#define idr_preload_end()	preempt_enable()

#define idr_for_each_entry(idr, entry, id)			\
	for (id = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; id += 1U)

#define idr_for_each_entry_ul(idr, entry, tmp, id)			\
	for (tmp = 0, id = 0;						\
	     ((entry) = tmp <= id ? idr_get_next_ul(idr, &(id)) : NULL) != NULL; \
	     tmp = id, ++id)

#define idr_for_each_entry_continue(idr, entry, id)			\
	for ((entry) = idr_get_next((idr), &(id));			\
	     entry;							\
	     ++id, (entry) = idr_get_next((idr), &(id)))

#define idr_for_each_entry_continue_ul(idr, entry, tmp, id)		\
	for (tmp = id;							\
	     ((entry) = tmp <= id ? idr_get_next_ul(idr, &(id)) : NULL) != NULL; \
	     tmp = id, ++id)

/* The IDA keeps IDs in bitmaps of IDA_CHUNK_SIZE bytes. */
#define IDA_CHUNK_SIZE		128	/* 128 bytes per chunk */
#define IDA_BITMAP_LONGS	(IDA_CHUNK_SIZE / sizeof(long))
#define IDA_BITMAP_BITS 	(IDA_BITMAP_LONGS * sizeof(long) * 8)

struct ida_bitmap {
	unsigned long		bitmap[IDA_BITMAP_LONGS];
};

struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS	(XA_FLAGS_LOCK_IRQ | XA_FLAGS_ALLOC)

#define IDA_INIT(name)	{						\
	.xa = XARRAY_INIT(name, IDA_INIT_FLAGS)				\
}
#define DEFINE_IDA(name)	struct ida name = IDA_INIT(name)

int __kshim_ida_alloc_range(struct ida *, unsigned int min, unsigned int max,
			    gfp_t, const struct kshim_site *);
void __kshim_ida_free(struct ida *, unsigned int id,
		      const struct kshim_site *);
void __kshim_ida_destroy(struct ida *, const struct kshim_site *);

#define ida_alloc_range(ida, min, max, gfp) \
	__kshim_ida_alloc_range(ida, min, max, gfp, __KSHIM_CALLSITE)
#define ida_free(ida, id)	__kshim_ida_free(ida, id, __KSHIM_CALLSITE)
#define ida_destroy(ida)	__kshim_ida_destroy(ida, __KSHIM_CALLSITE)

#define ida_alloc(ida, gfp)		ida_alloc_range(ida, 0, ~0, gfp)
#define ida_alloc_min(ida, min, gfp)	ida_alloc_range(ida, min, ~0, gfp)
#define ida_alloc_max(ida, max, gfp)	ida_alloc_range(ida, 0, max, gfp)

static inline void ida_init(struct ida *ida)
{
	xa_init_flags(&ida->xa, IDA_INIT_FLAGS);
}

/* The old names (still in 6.1): @end is exclusive, 0 for no limit. */
#define ida_simple_get(ida, start, end, gfp)	\
			ida_alloc_range(ida, start, (end) - 1, gfp)
#define ida_simple_remove(ida, id)	ida_free(ida, id)

static inline bool ida_is_empty(const struct ida *ida)
{
	return xa_empty(&ida->xa);
}

/* What the kernel's linux/idr.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* __IDR_H__ */
