/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/radix-tree.h - the radix tree API of 6.x, kept on top of the XArray.
 *
 * Follows include/linux/radix-tree.h of 6.1: a radix_tree_root is a struct
 * xarray whose xa_flags hold the gfp mask given to INIT_RADIX_TREE() and,
 * above __GFP_BITS_SHIFT, the root's tags (the XArray's marks); the tree
 * does no locking of its own (the caller serialises updates; lookups are
 * lock-free).  kshim checks, at the caller's line, as the kernel does:
 *  - radix_tree_insert() of an internal entry is BUG_ON(), and with a
 *    root mask that may block it is might_alloc()'s might_sleep() (every
 *    time, whether or not a node is allocated);
 *  - radix_tree_tag_set() of an index holding nothing is BUG_ON();
 *  - radix_tree_preload() WARNs for a gfp that cannot block, checks
 *    might_sleep() for one that can, and returns with preemption disabled
 *    (kshim's preempt count) until radix_tree_preload_end().
 * Nodes come from the host heap, so preloading reserves nothing.
 *
 * Iterators see one slot per chunk: radix_tree_next_chunk() finds the next
 * entry from iter->next_index on and radix_tree_next_slot() ends the chunk,
 * so the tree may change between two steps of radix_tree_for_each_slot().
 * Not provided: the slot replacement functions (radix_tree_replace_slot(),
 * radix_tree_iter_replace()), radix_tree_gang_lookup_tag_slot(),
 * idr_get_free().
 */
#ifndef _LINUX_RADIX_TREE_H
#define _LINUX_RADIX_TREE_H

#include <linux/bitops.h>
#include <linux/gfp_types.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>
#include <kshim/site.h>

/* Keep unconverted code working */
#define radix_tree_root		xarray
#define radix_tree_node		xa_node

#define RADIX_TREE_ENTRY_MASK		3UL
#define RADIX_TREE_INTERNAL_NODE	2UL

static inline bool radix_tree_is_internal_node(void *ptr)
{
	return ((unsigned long)ptr & RADIX_TREE_ENTRY_MASK) ==
				RADIX_TREE_INTERNAL_NODE;
}

#define RADIX_TREE_MAP_SHIFT	XA_CHUNK_SHIFT
#define RADIX_TREE_MAP_SIZE	(1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK	(RADIX_TREE_MAP_SIZE-1)

#define RADIX_TREE_MAX_TAGS	XA_MAX_MARKS
#define RADIX_TREE_TAG_LONGS	XA_MARK_LONGS

#define RADIX_TREE_INDEX_BITS  (8 /* CHAR_BIT */ * sizeof(unsigned long))
#define RADIX_TREE_MAX_PATH (DIV_ROUND_UP(RADIX_TREE_INDEX_BITS, \
					  RADIX_TREE_MAP_SHIFT))

/* The IDR tag is stored in the low bits of xa_flags */
#define ROOT_IS_IDR	((__force gfp_t)4)
/* The top bits of xa_flags are used to store the root tags */
#define ROOT_TAG_SHIFT	(__GFP_BITS_SHIFT)

#define RADIX_TREE_INIT(name, mask)	XARRAY_INIT(name, mask)

#define RADIX_TREE(name, mask) \
	struct radix_tree_root name = RADIX_TREE_INIT(name, mask)

#define INIT_RADIX_TREE(root, mask) xa_init_flags(root, mask)

static inline bool radix_tree_empty(const struct radix_tree_root *root)
{
	return root->xa_head == NULL;
}

struct radix_tree_iter {
	unsigned long	index;
	unsigned long	next_index;
	unsigned long	tags;
	struct radix_tree_node *node;
};

static inline void *radix_tree_deref_slot(void __rcu **slot)
{
	return READ_ONCE(*slot);
}

static inline void *radix_tree_deref_slot_protected(void __rcu **slot,
						    spinlock_t *treelock)
{
	(void)treelock;
	return *slot;
}

static inline int radix_tree_deref_retry(void *arg)
{
	return unlikely(radix_tree_is_internal_node(arg));
}

static inline int radix_tree_exception(void *arg)
{
	return unlikely((unsigned long)arg & RADIX_TREE_ENTRY_MASK);
}

int __kshim_radix_tree_insert(struct radix_tree_root *, unsigned long index,
			      void *, const struct kshim_site *);
#define radix_tree_insert(root, index, item) \
	__kshim_radix_tree_insert(root, index, item, __KSHIM_CALLSITE)
void *radix_tree_lookup(const struct radix_tree_root *, unsigned long);
void __rcu **radix_tree_lookup_slot(const struct radix_tree_root *,
				    unsigned long index);
void radix_tree_iter_delete(struct radix_tree_root *,
			    struct radix_tree_iter *iter, void __rcu **slot);
void *radix_tree_delete_item(struct radix_tree_root *, unsigned long, void *);
void *radix_tree_delete(struct radix_tree_root *, unsigned long);
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *,
			void **results, unsigned long first_index,
			unsigned int max_items);

int __kshim_radix_tree_preload(gfp_t gfp_mask, bool maybe,
			       const struct kshim_site *);
#define radix_tree_preload(gfp) \
	__kshim_radix_tree_preload(gfp, false, __KSHIM_CALLSITE)
#define radix_tree_maybe_preload(gfp) \
	__kshim_radix_tree_preload(gfp, true, __KSHIM_CALLSITE)
/* An inline function in the kernel: here a macro, for the caller's line. */
#define radix_tree_preload_end()	preempt_enable()

void *__kshim_radix_tree_tag_set(struct radix_tree_root *,
				 unsigned long index, unsigned int tag,
				 const struct kshim_site *);
#define radix_tree_tag_set(root, index, tag) \
	__kshim_radix_tree_tag_set(root, index, tag, __KSHIM_CALLSITE)
void *radix_tree_tag_clear(struct radix_tree_root *,
			unsigned long index, unsigned int tag);
int radix_tree_tag_get(const struct radix_tree_root *,
			unsigned long index, unsigned int tag);
void radix_tree_iter_tag_clear(struct radix_tree_root *,
		const struct radix_tree_iter *iter, unsigned int tag);
unsigned int radix_tree_gang_lookup_tag(const struct radix_tree_root *,
		void **results, unsigned long first_index,
		unsigned int max_items, unsigned int tag);
int radix_tree_tagged(const struct radix_tree_root *, unsigned int tag);

enum {
	RADIX_TREE_ITER_TAG_MASK = 0x0f,	/* tag index in lower nybble */
	RADIX_TREE_ITER_TAGGED   = 0x10,	/* lookup tagged slots */
	RADIX_TREE_ITER_CONTIG   = 0x20,	/* stop at first hole */
};

static __always_inline void __rcu **
radix_tree_iter_init(struct radix_tree_iter *iter, unsigned long start)
{
	/* index 0 with next_index 0 is the start; after a wrap, the end. */
	iter->index = 0;
	iter->next_index = start;
	return NULL;
}

void __rcu **radix_tree_next_chunk(const struct radix_tree_root *,
			     struct radix_tree_iter *iter, unsigned flags);

static inline void __rcu **
radix_tree_iter_lookup(const struct radix_tree_root *root,
			struct radix_tree_iter *iter, unsigned long index)
{
	radix_tree_iter_init(iter, index);
	return radix_tree_next_chunk(root, iter, RADIX_TREE_ITER_CONTIG);
}

static inline __must_check
void __rcu **radix_tree_iter_retry(struct radix_tree_iter *iter)
{
	iter->next_index = iter->index;
	iter->tags = 0;
	return NULL;
}

void __rcu **__must_check radix_tree_iter_resume(void __rcu **slot,
					struct radix_tree_iter *iter);

static __always_inline long
radix_tree_chunk_size(struct radix_tree_iter *iter)
{
	return iter->next_index - iter->index;
}

/* kshim's chunks are one slot long: the next slot is in the next chunk. */
static __always_inline void __rcu **radix_tree_next_slot(void __rcu **slot,
				struct radix_tree_iter *iter, unsigned flags)
{
	(void)slot;
	(void)iter;
	(void)flags;
	return NULL;
}

#define radix_tree_for_each_slot(slot, root, iter, start)		\
	for (slot = radix_tree_iter_init(iter, start) ;			\
	     slot || (slot = radix_tree_next_chunk(root, iter, 0)) ;	\
	     slot = radix_tree_next_slot(slot, iter, 0))

#define radix_tree_for_each_tagged(slot, root, iter, start, tag)	\
	for (slot = radix_tree_iter_init(iter, start) ;			\
	     slot || (slot = radix_tree_next_chunk(root, iter,		\
			      RADIX_TREE_ITER_TAGGED | tag)) ;		\
	     slot = radix_tree_next_slot(slot, iter,			\
				RADIX_TREE_ITER_TAGGED | tag))

/* What the kernel's linux/radix-tree.h also makes visible. */
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

#endif /* _LINUX_RADIX_TREE_H */
