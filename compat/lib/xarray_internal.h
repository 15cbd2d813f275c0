/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/lib/xarray_internal.h - kshim-internal: the tree behind linux/xarray.h,
 * shared by compat/lib/xarray.c, idr.c and radix-tree.c.
 *
 * Slots hold the caller's entries as they are (XA_ZERO_ENTRY marks a
 * reserved index: present for allocation, NULL for lookups).  Storing
 * NULL erases.  Every function here expects the tree lock: shared for
 * the lookups, exclusive for the updates.  The tree lock is a host
 * rwlock that stands for RCU: readers never see a node being freed.
 */
#ifndef _KSHIM_LIB_XARRAY_INTERNAL_H
#define _KSHIM_LIB_XARRAY_INTERNAL_H

#include <linux/xarray.h>

void kshim_xa_read_lock(void);
void kshim_xa_read_unlock(void);
void kshim_xa_write_lock(void);
void kshim_xa_write_unlock(void);

/* The raw entry at @index (XA_ZERO_ENTRY included), or NULL. */
void *kshim_xa_get(const struct xarray *xa, unsigned long index);
/* The leaf slot of @index, or NULL when no node holds it. */
void **kshim_xa_slot(const struct xarray *xa, unsigned long index);
/* Store @entry (NULL erases, with its marks): 0 or -ENOMEM. */
int kshim_xa_set(struct xarray *xa, unsigned long index, void *entry,
		 void **old);
/*
 * The slot of the first entry at or after *@index, up to @max, that is
 * present (@mark < 0; reserved entries skipped) or has mark @mark;
 * *@index becomes its index.  NULL when there is none.
 */
void **kshim_xa_next(const struct xarray *xa, unsigned long *index,
		     unsigned long max, int mark);
/* The first index at or after *@index, up to @max, holding nothing. */
bool kshim_xa_next_free(const struct xarray *xa, unsigned long *index,
			unsigned long max);
bool kshim_xa_mark_get(const struct xarray *xa, unsigned long index,
		       unsigned int mark);
/* Set or clear a mark of a present entry (no-op for an empty index). */
void kshim_xa_mark_set(struct xarray *xa, unsigned long index,
		       unsigned int mark, bool set);
/* Free every node: the array is empty, marks cleared. */
void kshim_xa_free_all(struct xarray *xa);

/* might_alloc(): might_sleep() at the caller's line for a blocking gfp. */
void kshim_xa_might_alloc(gfp_t gfp, const struct kshim_site *site);
/*
 * A kmalloc() of @size the kernel makes for the operation that last called
 * kshim_xa_might_alloc() on this thread (an IDA bitmap): true when
 * fault injection fails it.
 */
bool kshim_xa_alloc_fails(size_t size);
/* A WARN_ON_ONCE() of lib/ at the caller's line; @once is its site flag. */
void kshim_xa_warn_once(bool *once, const struct kshim_site *site);

#endif /* _KSHIM_LIB_XARRAY_INTERNAL_H */
