// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/idr.c - the IDR and the IDA of lib/idr.c (6.1), on kshim's
 * XArray tree (compat/lib/xarray.c).
 *
 * IDR: IDs are indices of the radix tree root, shifted by idr_base; a NULL
 * pointer is kept as XA_ZERO_ENTRY so its ID stays allocated.  The IDR
 * takes no lock (the caller's job).
 * IDA: chunk n of the XArray is a bitmap of IDs n * IDA_BITMAP_BITS ...;
 * mark 0 (XA_FREE_MARK) is set on a chunk with a clear bit, and an empty
 * chunk is removed.  The IDA takes its xa_lock with interrupts saved.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include <linux/bug.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/idr.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#include "lib/xarray_internal.h"

/* ---- IDR ---- */

void __kshim_idr_preload(gfp_t gfp_mask, const struct kshim_site *site)
{
	kshim_xa_might_alloc(gfp_mask, site);
	__kshim_preempt_count_add(1, site);
}

int __kshim_idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid,
			  unsigned long max, gfp_t gfp,
			  const struct kshim_site *site)
{
	static bool once;
	struct xarray *xa = &idr->idr_rt;
	unsigned long base = idr->idr_base;
	unsigned long index;
	int ret;

	/* A zeroed struct idr that never saw idr_init(): fixed up. */
	if (unlikely(!(xa->xa_flags & ROOT_IS_IDR))) {
		kshim_xa_warn_once(&once, site);
		xa->xa_flags |= IDR_RT_MARKER;
	}
	kshim_xa_might_alloc(gfp, site);
	if (max < base)
		return -ENOSPC;
	index = *nextid < base ? 0 : *nextid - base;
	kshim_xa_write_lock();
	if (!kshim_xa_next_free(xa, &index, max - base)) {
		ret = -ENOSPC;
	} else {
		ret = kshim_xa_set(xa, index, ptr ? ptr : XA_ZERO_ENTRY,
				   NULL);
		if (!ret)
			*nextid = index + base;
	}
	kshim_xa_write_unlock();
	return ret;
}

int __kshim_idr_alloc(struct idr *idr, void *ptr, int start, int end,
		      gfp_t gfp, const struct kshim_site *site)
{
	static bool once;
	u32 id = start;
	int ret;

	if (unlikely(start < 0)) {
		kshim_xa_warn_once(&once, site);
		return -EINVAL;
	}
	ret = __kshim_idr_alloc_u32(idr, ptr, &id, end > 0 ? end - 1 : INT_MAX,
				    gfp, site);
	return ret ? ret : (int)id;
}

/*
 * From the cursor (or @start if the cursor is below it) to the end of the
 * range, then once more from @start; the cursor moves past the new ID.
 */
int __kshim_idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end,
			     gfp_t gfp, const struct kshim_site *site)
{
	int max = end > 0 ? end - 1 : INT_MAX;
	u32 id = idr->idr_next;
	int ret;

	if ((int)id < start)
		id = start;
	ret = __kshim_idr_alloc_u32(idr, ptr, &id, max, gfp, site);
	if (ret == -ENOSPC && id > (u32)start) {
		id = start;
		ret = __kshim_idr_alloc_u32(idr, ptr, &id, max, gfp, site);
	}
	if (ret)
		return ret;
	idr->idr_next = id + 1;
	return id;
}

void *idr_remove(struct idr *idr, unsigned long id)
{
	void *old;

	kshim_xa_write_lock();
	kshim_xa_set(&idr->idr_rt, id - idr->idr_base, NULL, &old);
	kshim_xa_write_unlock();
	return xa_is_zero(old) ? NULL : old;
}

void *idr_find(const struct idr *idr, unsigned long id)
{
	void *entry;

	kshim_xa_read_lock();
	entry = kshim_xa_get(&idr->idr_rt, id - idr->idr_base);
	kshim_xa_read_unlock();
	return xa_is_zero(entry) ? NULL : entry;
}

/* The first entry at or after *@index (which it moves there), or NULL. */
static void **idr_next(const struct idr *idr, unsigned long *index,
		       void **entry)
{
	void **slot;

	kshim_xa_read_lock();
	slot = kshim_xa_next(&idr->idr_rt, index, ULONG_MAX, -1);
	if (slot)
		*entry = *slot;
	kshim_xa_read_unlock();
	return slot;
}

int __kshim_idr_for_each(const struct idr *idr,
			 int (*fn)(int id, void *p, void *data), void *data,
			 const struct kshim_site *site)
{
	static bool once;
	unsigned long base = idr->idr_base;
	unsigned long index = 0;

	for (;;) {
		void *entry = NULL;
		unsigned long id;
		int ret;

		if (!idr_next(idr, &index, &entry))
			break;
		id = index + base;
		if (unlikely(id > INT_MAX)) {
			kshim_xa_warn_once(&once, site);
			break;
		}
		/* Unlocked: @fn may remove the entry it is given. */
		ret = fn(id, entry, data);
		if (ret)
			return ret;
		if (index++ == ULONG_MAX)
			break;
	}
	return 0;
}

void *idr_get_next_ul(struct idr *idr, unsigned long *nextid)
{
	unsigned long base = idr->idr_base;
	unsigned long index = *nextid < base ? 0 : *nextid - base;
	void *entry = NULL;

	if (!idr_next(idr, &index, &entry))
		return NULL;
	*nextid = index + base;
	return entry;
}

void *__kshim_idr_get_next(struct idr *idr, int *nextid,
			   const struct kshim_site *site)
{
	static bool once;
	unsigned long id = *nextid;
	void *entry = idr_get_next_ul(idr, &id);

	if (unlikely(id > INT_MAX)) {
		kshim_xa_warn_once(&once, site);
		return NULL;
	}
	*nextid = id;
	return entry;
}

void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	unsigned long index = id - idr->idr_base;
	void *old = ERR_PTR(-ENOENT);

	kshim_xa_write_lock();
	/* Only an allocated ID (a NULL one included) can be replaced. */
	if (kshim_xa_get(&idr->idr_rt, index))
		kshim_xa_set(&idr->idr_rt, index, ptr ? ptr : XA_ZERO_ENTRY,
			     &old);
	kshim_xa_write_unlock();
	return xa_is_zero(old) ? NULL : old;
}

void idr_destroy(struct idr *idr)
{
	kshim_xa_write_lock();
	kshim_xa_free_all(&idr->idr_rt);
	kshim_xa_write_unlock();
}

/* ---- IDA ---- */

#define IDA_BITS	((unsigned long)IDA_BITMAP_BITS)

static bool ida_test(const struct ida_bitmap *bm, unsigned long bit)
{
	return bm->bitmap[bit / BITS_PER_LONG] & (1UL << (bit % BITS_PER_LONG));
}

static void ida_change(struct ida_bitmap *bm, unsigned long bit, bool set)
{
	unsigned long mask = 1UL << (bit % BITS_PER_LONG);

	if (set)
		bm->bitmap[bit / BITS_PER_LONG] |= mask;
	else
		bm->bitmap[bit / BITS_PER_LONG] &= ~mask;
}

/* The first clear bit at or after @bit, or IDA_BITS. */
static unsigned long ida_next_zero(const struct ida_bitmap *bm,
				   unsigned long bit)
{
	while (bit < IDA_BITS) {
		unsigned long word = ~bm->bitmap[bit / BITS_PER_LONG];

		word &= ~0UL << (bit % BITS_PER_LONG);
		if (word)
			return (bit & ~(BITS_PER_LONG - 1)) +
				__builtin_ctzl(word);
		bit = (bit | (BITS_PER_LONG - 1)) + 1;
	}
	return IDA_BITS;
}

static bool ida_bitmap_empty(const struct ida_bitmap *bm)
{
	unsigned int i;

	for (i = 0; i < IDA_BITMAP_LONGS; i++)
		if (bm->bitmap[i])
			return false;
	return true;
}

/* The lowest free ID in [min, max], taken; tree lock held. */
static int ida_take(struct xarray *xa, unsigned long min, unsigned long max)
{
	unsigned long chunk = min / IDA_BITS, last = max / IDA_BITS;
	struct ida_bitmap *bm;
	unsigned long id;

	for (;;) {
		unsigned long hole = chunk, part = chunk, bit;
		bool has_hole = kshim_xa_next_free(xa, &hole, last);
		void **slot = kshim_xa_next(xa, &part, last, XA_FREE_MARK);

		if (!has_hole && !slot)
			return -ENOSPC;
		if (slot && (!has_hole || part < hole)) {
			bm = *slot;
			bit = ida_next_zero(bm, part == min / IDA_BITS ?
						min % IDA_BITS : 0);
			if (bit == IDA_BITS) {
				/* Only IDs below @min were free here. */
				chunk = part + 1;
				if (chunk > last)
					return -ENOSPC;
				continue;
			}
			id = part * IDA_BITS + bit;
			if (id > max)
				return -ENOSPC;
			ida_change(bm, bit, true);
			if (ida_next_zero(bm, 0) == IDA_BITS)
				kshim_xa_mark_set(xa, part, XA_FREE_MARK,
						  false);
			return id;
		}
		id = hole == min / IDA_BITS ? min : hole * IDA_BITS;
		if (id > max)
			return -ENOSPC;
		bm = kshim_xa_alloc_fails(sizeof(*bm)) ? NULL :
			calloc(1, sizeof(*bm));
		if (!bm)
			return -ENOMEM;
		ida_change(bm, id % IDA_BITS, true);
		if (kshim_xa_set(xa, hole, bm, NULL)) {
			free(bm);
			return -ENOMEM;
		}
		kshim_xa_mark_set(xa, hole, XA_FREE_MARK, true);
		return id;
	}
}

int __kshim_ida_alloc_range(struct ida *ida, unsigned int min,
			    unsigned int max, gfp_t gfp,
			    const struct kshim_site *site)
{
	unsigned long flags;
	int ret;

	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	kshim_xa_might_alloc(gfp, site);
	flags = __kshim_spin_lock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE,
				  site);
	kshim_xa_write_lock();
	ret = min > max ? -ENOSPC : ida_take(&ida->xa, min, max);
	kshim_xa_write_unlock();
	__kshim_spin_unlock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE, flags,
			    site);
	return ret;
}

void __kshim_ida_free(struct ida *ida, unsigned int id,
		      const struct kshim_site *site)
{
	unsigned long chunk = id / IDA_BITS, bit = id % IDA_BITS;
	struct ida_bitmap *bm;
	unsigned long flags;
	bool allocated;

	if ((int)id < 0)
		return;
	flags = __kshim_spin_lock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE,
				  site);
	kshim_xa_write_lock();
	bm = kshim_xa_get(&ida->xa, chunk);
	allocated = bm && ida_test(bm, bit);
	if (allocated) {
		ida_change(bm, bit, false);
		if (ida_bitmap_empty(bm)) {
			kshim_xa_set(&ida->xa, chunk, NULL, NULL);
			free(bm);
		} else {
			kshim_xa_mark_set(&ida->xa, chunk, XA_FREE_MARK, true);
		}
	}
	kshim_xa_write_unlock();
	__kshim_spin_unlock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE, flags,
			    site);
	if (unlikely(!allocated))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "ida_free called for id=%d which is not allocated.\n",
			     id);
}

void __kshim_ida_destroy(struct ida *ida, const struct kshim_site *site)
{
	unsigned long flags, index = 0;
	void **slot;

	flags = __kshim_spin_lock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE,
				  site);
	kshim_xa_write_lock();
	while ((slot = kshim_xa_next(&ida->xa, &index, ULONG_MAX, -1))) {
		free(*slot);
		if (index++ == ULONG_MAX)
			break;
	}
	kshim_xa_free_all(&ida->xa);
	kshim_xa_write_unlock();
	__kshim_spin_unlock(&ida->xa.xa_lock.rlock, KSHIM_LOCK_IRQSAVE, flags,
			    site);
}
