/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/xarray.h - the XArray: an array of pointers indexed by unsigned
 * long, with three search marks per entry and ID allocation.
 *
 * Follows include/linux/xarray.h of 6.1 (Documentation/core-api/xarray.rst)
 * for the normal API: struct xarray is the kernel's (xa_lock, xa_flags,
 * xa_head), the entry encodings are the kernel's (value entries, tagged
 * pointers, internal entries, XA_ZERO_ENTRY, xa_err()), and so are the
 * locking rules: xa_store(), xa_erase(), xa_insert(), xa_cmpxchg(),
 * xa_alloc*(), xa_set/clear_mark() and xa_destroy() take xa_lock (a kshim
 * spinlock, with its debugging and context checks), the _bh/_irq forms
 * take it that way, and the __xa_*() forms expect the caller to hold it
 * and may drop and retake it around a blocking allocation.
 *
 * The tree behind it is kshim's own (compat/lib/xarray.c): 64-slot nodes
 * with marks, allocated from the host heap.  What kshim checks, as a debug
 * kernel would, at the caller's file:line:
 *  - storing an entry the XArray reserves for itself (an internal entry,
 *    which a pointer that is only 2-byte aligned also is) is the kernel's
 *    WARN_ON_ONCE(xa_is_advanced(entry)) and fails with -EINVAL;
 *  - a gfp that may block is might_alloc()'s might_sleep() before the lock
 *    is taken (with the lock dropped, for the __xa_*() forms), whether or
 *    not a node is really allocated, so GFP_KERNEL under a spinlock is
 *    reported every time; GFP_ATOMIC/GFP_NOWAIT are silent;
 *  - xa_alloc*() on an array not initialised for allocation WARNs.
 * Readers (xa_load(), xa_find(), iteration) need no lock, as under RCU.
 *
 * Not provided (a compile error): the advanced API (XA_STATE, xas_*()),
 * multi-index entries (xa_store_range(), xa_get_order()), xa_dump().
 * On an allocating array XA_MARK_0 is the kernel's XA_FREE_MARK: do not
 * use it as a mark there (kshim does not emulate what it then returns).
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <kshim/site.h>

#define BITS_PER_XA_VALUE	(BITS_PER_LONG - 1)

void __kshim_xa_warn_value(unsigned long v, const struct kshim_site *site);

/* xa_mk_value() WARNs (WARN_ON((long)v < 0)) at its caller's line. */
static __always_inline void *__kshim_xa_mk_value(unsigned long v,
						 const struct kshim_site *site)
{
	if (unlikely((long)v < 0))
		__kshim_xa_warn_value(v, site);
	return (void *)((v << 1) | 1);
}
#define xa_mk_value(v)	__kshim_xa_mk_value(v, __KSHIM_CALLSITE)

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

static inline void *xa_tag_pointer(void *p, unsigned long tag)
{
	return (void *)((unsigned long)p | tag);
}

static inline void *xa_untag_pointer(void *entry)
{
	return (void *)((unsigned long)entry & ~3UL);
}

static inline unsigned int xa_pointer_tag(void *entry)
{
	return (unsigned long)entry & 3UL;
}

static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

#define XA_ZERO_ENTRY		xa_mk_internal(257)
#define XA_RETRY_ENTRY		xa_mk_internal(256)

static inline bool xa_is_zero(const void *entry)
{
	return unlikely(entry == XA_ZERO_ENTRY);
}

static inline bool xa_is_retry(const void *entry)
{
	return unlikely(entry == XA_RETRY_ENTRY);
}

static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) &&
			entry >= xa_mk_internal(-MAX_ERRNO));
}

static inline int xa_err(void *entry)
{
	/* An arithmetic shift keeps the errno's sign. */
	if (xa_is_err(entry))
		return (long)entry >> 2;
	return 0;
}

/* Entries only the XArray itself may store (they would break a walk). */
static inline bool xa_is_advanced(const void *entry)
{
	return xa_is_internal(entry) && (entry <= XA_RETRY_ENTRY);
}

/* An error as an entry (what the store functions return on failure). */
#define XA_ERROR(errno) ((struct xa_node *)(((unsigned long)errno << 2) | 2UL))

struct xa_limit {
	u32 max;
	u32 min;
};

#define XA_LIMIT(_min, _max) (struct xa_limit) { .min = _min, .max = _max }

#define xa_limit_32b	XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b	XA_LIMIT(0, INT_MAX)
#define xa_limit_16b	XA_LIMIT(0, USHRT_MAX)

typedef unsigned __bitwise xa_mark_t;
#define XA_MARK_0		((__force xa_mark_t)0U)
#define XA_MARK_1		((__force xa_mark_t)1U)
#define XA_MARK_2		((__force xa_mark_t)2U)
#define XA_PRESENT		((__force xa_mark_t)8U)
#define XA_MARK_MAX		XA_MARK_2
#define XA_FREE_MARK		XA_MARK_0

enum xa_lock_type {
	XA_LOCK_IRQ = 1,
	XA_LOCK_BH = 2,
};

#define XA_FLAGS_LOCK_IRQ	((__force gfp_t)XA_LOCK_IRQ)
#define XA_FLAGS_LOCK_BH	((__force gfp_t)XA_LOCK_BH)
#define XA_FLAGS_TRACK_FREE	((__force gfp_t)4U)
#define XA_FLAGS_ZERO_BUSY	((__force gfp_t)8U)
#define XA_FLAGS_ALLOC_WRAPPED	((__force gfp_t)16U)
#define XA_FLAGS_ACCOUNT	((__force gfp_t)32U)
#define XA_FLAGS_MARK(mark)	((__force gfp_t)((1U << __GFP_BITS_SHIFT) << \
						(__force unsigned)(mark)))

/* Allocating arrays: IDs from 0, or from 1 (index 0 stays busy). */
#define XA_FLAGS_ALLOC	(XA_FLAGS_TRACK_FREE | XA_FLAGS_MARK(XA_FREE_MARK))
#define XA_FLAGS_ALLOC1	(XA_FLAGS_TRACK_FREE | XA_FLAGS_ZERO_BUSY)

/* kshim's tree node (compat/lib/xarray.c); drivers never look inside. */
struct xa_node;

struct xarray {
	spinlock_t	xa_lock;
/* private: The rest of the data structure is not to be used directly. */
	gfp_t		xa_flags;
	void __rcu *	xa_head;
};

#define XARRAY_INIT(name, flags) {				\
	.xa_lock = ___SPIN_LOCK_INITIALIZER(name.xa_lock),	\
	.xa_flags = flags,					\
	.xa_head = NULL,					\
}

#define DEFINE_XARRAY_FLAGS(name, flags)				\
	struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name) DEFINE_XARRAY_FLAGS(name, 0)
#define DEFINE_XARRAY_ALLOC(name) DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC)
#define DEFINE_XARRAY_ALLOC1(name) DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC1)

/* Readers: no lock (RCU in the kernel), nothing to report. */
void *xa_load(struct xarray *, unsigned long index);
bool xa_get_mark(struct xarray *, unsigned long index, xa_mark_t);
void *xa_find(struct xarray *xa, unsigned long *index,
		unsigned long max, xa_mark_t) __attribute__((nonnull(2)));
void *xa_find_after(struct xarray *xa, unsigned long *index,
		unsigned long max, xa_mark_t) __attribute__((nonnull(2)));
unsigned int xa_extract(struct xarray *, void **dst, unsigned long start,
		unsigned long max, unsigned int n, xa_mark_t);

/*
 * Writers: each is a macro handing its caller's position to kshim, so a
 * lock, sleep or WARN report names the driver's line.  @how is the way
 * the function takes xa_lock (enum kshim_lock_how), or KSHIM_XA_HELD for
 * the __xa_*() forms called with it held.
 */
#define KSHIM_XA_HELD	(-1)

void *__kshim_xa_store(struct xarray *, unsigned long index, void *entry,
		       gfp_t, int how, const struct kshim_site *);
void *__kshim_xa_erase(struct xarray *, unsigned long index, int how,
		       const struct kshim_site *);
void *__kshim_xa_cmpxchg(struct xarray *, unsigned long index, void *old,
			 void *entry, gfp_t, int how,
			 const struct kshim_site *);
int __kshim_xa_insert(struct xarray *, unsigned long index, void *entry,
		      gfp_t, int how, const struct kshim_site *);
int __kshim_xa_alloc(struct xarray *, u32 *id, void *entry,
		     struct xa_limit, gfp_t, int how,
		     const struct kshim_site *);
int __kshim_xa_alloc_cyclic(struct xarray *, u32 *id, void *entry,
			    struct xa_limit, u32 *next, gfp_t, int how,
			    const struct kshim_site *);
void __kshim_xa_mark(struct xarray *, unsigned long index, xa_mark_t,
		     bool set, int how, const struct kshim_site *);
void __kshim_xa_destroy(struct xarray *, const struct kshim_site *);

static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_head = NULL;
}

static inline void xa_init(struct xarray *xa)
{
	xa_init_flags(xa, 0);
}

static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}

static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags & XA_FLAGS_MARK(mark);
}

#define xa_for_each_range(xa, index, entry, start, last)		\
	for (index = start,						\
	     entry = xa_find(xa, &index, last, XA_PRESENT);		\
	     entry;							\
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))

#define xa_for_each_start(xa, index, entry, start) \
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)

#define xa_for_each(xa, index, entry) \
	xa_for_each_start(xa, index, entry, 0)

#define xa_for_each_marked(xa, index, entry, filter) \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter); \
	     entry; entry = xa_find_after(xa, &index, ULONG_MAX, filter))

#define xa_trylock(xa)		spin_trylock(&(xa)->xa_lock)
#define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
#define xa_lock_bh(xa)		spin_lock_bh(&(xa)->xa_lock)
#define xa_unlock_bh(xa)	spin_unlock_bh(&(xa)->xa_lock)
#define xa_lock_irq(xa)		spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags) \
				spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags) \
				spin_unlock_irqrestore(&(xa)->xa_lock, flags)
#define xa_lock_nested(xa, subclass) \
				spin_lock_nested(&(xa)->xa_lock, subclass)
#define xa_lock_bh_nested(xa, subclass)	xa_lock_bh(xa)
#define xa_lock_irq_nested(xa, subclass) xa_lock_irq(xa)
#define xa_lock_irqsave_nested(xa, flags, subclass) \
		spin_lock_irqsave_nested(&(xa)->xa_lock, flags, subclass)

#define __KSHIM_XA(fn, how, ...)	fn(__VA_ARGS__, how, __KSHIM_CALLSITE)

/* The functions that take xa_lock themselves (plain spin_lock). */
#define xa_store(xa, index, entry, gfp)					\
	__KSHIM_XA(__kshim_xa_store, KSHIM_LOCK_PLAIN, xa, index, entry, gfp)
#define xa_erase(xa, index)						\
	__KSHIM_XA(__kshim_xa_erase, KSHIM_LOCK_PLAIN, xa, index)
#define xa_set_mark(xa, index, mark)					\
	__KSHIM_XA(__kshim_xa_mark, KSHIM_LOCK_PLAIN, xa, index, mark, true)
#define xa_clear_mark(xa, index, mark)					\
	__KSHIM_XA(__kshim_xa_mark, KSHIM_LOCK_PLAIN, xa, index, mark, false)
#define xa_destroy(xa)	__kshim_xa_destroy(xa, __KSHIM_CALLSITE)

/* Called with xa_lock held. */
#define __xa_store(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_store, KSHIM_XA_HELD, xa, index, entry, gfp)
#define __xa_erase(xa, index)						\
	__KSHIM_XA(__kshim_xa_erase, KSHIM_XA_HELD, xa, index)
#define __xa_cmpxchg(xa, index, old, entry, gfp)			\
	__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_XA_HELD, xa, index, old,	\
		   entry, gfp)
#define __xa_insert(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_insert, KSHIM_XA_HELD, xa, index, entry, gfp)
#define __xa_alloc(xa, id, entry, limit, gfp)				\
	__KSHIM_XA(__kshim_xa_alloc, KSHIM_XA_HELD, xa, id, entry, limit, gfp)
#define __xa_alloc_cyclic(xa, id, entry, limit, next, gfp)		\
	__KSHIM_XA(__kshim_xa_alloc_cyclic, KSHIM_XA_HELD, xa, id, entry, \
		   limit, next, gfp)
#define __xa_set_mark(xa, index, mark)					\
	__KSHIM_XA(__kshim_xa_mark, KSHIM_XA_HELD, xa, index, mark, true)
#define __xa_clear_mark(xa, index, mark)				\
	__KSHIM_XA(__kshim_xa_mark, KSHIM_XA_HELD, xa, index, mark, false)

/* The inline wrappers of the kernel header, each way of taking the lock. */
#define xa_store_bh(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_store, KSHIM_LOCK_BH, xa, index, entry, gfp)
#define xa_store_irq(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_store, KSHIM_LOCK_IRQ, xa, index, entry, gfp)
#define xa_erase_bh(xa, index)						\
	__KSHIM_XA(__kshim_xa_erase, KSHIM_LOCK_BH, xa, index)
#define xa_erase_irq(xa, index)						\
	__KSHIM_XA(__kshim_xa_erase, KSHIM_LOCK_IRQ, xa, index)
#define xa_cmpxchg(xa, index, old, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_PLAIN, xa, index, old, \
		   entry, gfp)
#define xa_cmpxchg_bh(xa, index, old, entry, gfp)			\
	__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_BH, xa, index, old,	\
		   entry, gfp)
#define xa_cmpxchg_irq(xa, index, old, entry, gfp)			\
	__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_IRQ, xa, index, old,	\
		   entry, gfp)
#define xa_insert(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_insert, KSHIM_LOCK_PLAIN, xa, index, entry, gfp)
#define xa_insert_bh(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_insert, KSHIM_LOCK_BH, xa, index, entry, gfp)
#define xa_insert_irq(xa, index, entry, gfp)				\
	__KSHIM_XA(__kshim_xa_insert, KSHIM_LOCK_IRQ, xa, index, entry, gfp)
#define xa_alloc(xa, id, entry, limit, gfp)				\
	__KSHIM_XA(__kshim_xa_alloc, KSHIM_LOCK_PLAIN, xa, id, entry,	\
		   limit, gfp)
#define xa_alloc_bh(xa, id, entry, limit, gfp)				\
	__KSHIM_XA(__kshim_xa_alloc, KSHIM_LOCK_BH, xa, id, entry,	\
		   limit, gfp)
#define xa_alloc_irq(xa, id, entry, limit, gfp)				\
	__KSHIM_XA(__kshim_xa_alloc, KSHIM_LOCK_IRQ, xa, id, entry,	\
		   limit, gfp)
#define xa_alloc_cyclic(xa, id, entry, limit, next, gfp)		\
	__KSHIM_XA(__kshim_xa_alloc_cyclic, KSHIM_LOCK_PLAIN, xa, id,	\
		   entry, limit, next, gfp)
#define xa_alloc_cyclic_bh(xa, id, entry, limit, next, gfp)		\
	__KSHIM_XA(__kshim_xa_alloc_cyclic, KSHIM_LOCK_BH, xa, id,	\
		   entry, limit, next, gfp)
#define xa_alloc_cyclic_irq(xa, id, entry, limit, next, gfp)		\
	__KSHIM_XA(__kshim_xa_alloc_cyclic, KSHIM_LOCK_IRQ, xa, id,	\
		   entry, limit, next, gfp)

/* Reserve an index: loads see NULL, the slot is busy for xa_alloc(). */
#define xa_reserve(xa, index, gfp)					\
	xa_err(__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_PLAIN, xa, index, \
			  NULL, XA_ZERO_ENTRY, gfp))
#define xa_reserve_bh(xa, index, gfp)					\
	xa_err(__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_BH, xa, index,	\
			  NULL, XA_ZERO_ENTRY, gfp))
#define xa_reserve_irq(xa, index, gfp)					\
	xa_err(__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_IRQ, xa, index, \
			  NULL, XA_ZERO_ENTRY, gfp))
#define xa_release(xa, index)						\
	((void)__KSHIM_XA(__kshim_xa_cmpxchg, KSHIM_LOCK_PLAIN, xa, index, \
			  XA_ZERO_ENTRY, NULL, 0))

/* The tree's geometry (lib/xarray.c's, without CONFIG_BASE_SMALL). */
#define XA_CHUNK_SHIFT		6
#define XA_CHUNK_SIZE		(1UL << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK		(XA_CHUNK_SIZE - 1)
#define XA_MAX_MARKS		3
#define XA_MARK_LONGS		DIV_ROUND_UP(XA_CHUNK_SIZE, BITS_PER_LONG)

/* What the kernel's linux/xarray.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched/mm.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_XARRAY_H */
