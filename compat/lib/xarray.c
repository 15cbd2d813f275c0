// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/xarray.c - the XArray of lib/xarray.c (6.1), kshim's own tree.
 *
 * A tree of 64-slot nodes.  A node of shift s covers 64 << s indices; the
 * leaves (shift 0) hold the entries.  Each node keeps, per slot, whether
 * it is in use ("present"), whether everything under it is in use ("full":
 * what ID allocation searches, as the kernel's XA_FREE_MARK), and the
 * three marks (set on an internal slot when some entry below has it).  The
 * root is xa_head, tagged as an internal entry so xa_empty() works as the
 * kernel's; the tree grows a level on top when an index does not fit and
 * shrinks when only the first slot of the root is left.
 *
 * Locking is the kernel's: writers run under xa_lock (taken here, or by
 * the caller for the __xa_*() forms), readers need none.  In the kernel
 * readers rely on RCU; here a host rwlock around each tree walk stands for
 * it (the tree lock: writers exclusive, readers shared), so a reader on
 * another simulated CPU never walks a freed node.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/panic.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include "lib/fault-inject.h"

#include "lib/xarray_internal.h"

struct xa_node {
	unsigned char shift;		/* 0 for a leaf */
	unsigned char offset;		/* slot in the parent */
	struct xa_node *parent;
	unsigned long present;		/* slots holding something */
	unsigned long full;		/* slots with no free index below */
	unsigned long marks[XA_MAX_MARKS];
	void *slots[XA_CHUNK_SIZE];
};

static pthread_rwlock_t xa_tree_lock = PTHREAD_RWLOCK_INITIALIZER;

void kshim_xa_read_lock(void)
{
	pthread_rwlock_rdlock(&xa_tree_lock);
}

void kshim_xa_read_unlock(void)
{
	pthread_rwlock_unlock(&xa_tree_lock);
}

void kshim_xa_write_lock(void)
{
	pthread_rwlock_wrlock(&xa_tree_lock);
}

void kshim_xa_write_unlock(void)
{
	pthread_rwlock_unlock(&xa_tree_lock);
}

/* ---- geometry ---- */

/* The slots a node of @shift can use (the top level of 64 bits: 16). */
static unsigned long span_mask(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT <= BITS_PER_LONG)
		return ~0UL;
	return (1UL << (1U << (BITS_PER_LONG - shift))) - 1;
}

/* The last index a root of @shift covers. */
static unsigned long root_max(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ULONG_MAX;
	return (1UL << (shift + XA_CHUNK_SHIFT)) - 1;
}

static unsigned int slot_of(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

static struct xa_node *root_node(const struct xarray *xa)
{
	unsigned long head = (unsigned long)
		__atomic_load_n(&xa->xa_head, __ATOMIC_RELAXED);

	return (struct xa_node *)(head & ~3UL);
}

static void set_root(struct xarray *xa, struct xa_node *node)
{
	void *head = node ? xa_mk_internal((unsigned long)node >> 2) : NULL;

	__atomic_store_n(&xa->xa_head, head, __ATOMIC_RELAXED);
}

/*
 * The allocating operation running on this thread: its gfp and the
 * driver's call, for the kernel's node allocation (a kmem_cache_alloc()
 * from radix_tree_node_cachep, which failslab can fail).
 */
static __thread gfp_t alloc_gfp;
static __thread const struct kshim_site *alloc_site;

static struct xa_node *node_new(unsigned int shift, struct xa_node *parent,
				unsigned int offset)
{
	struct xa_node *node;

	if (alloc_site && kshim_failslab_kmalloc(sizeof(*node), alloc_gfp,
						 alloc_site))
		return NULL;
	node = calloc(1, sizeof(*node));
	if (!node)
		return NULL;
	node->shift = shift;
	node->parent = parent;
	node->offset = offset;
	node->full = ~span_mask(shift);	/* slots that do not exist */
	return node;
}

static bool node_full(const struct xa_node *node)
{
	return node->full == ~0UL;
}

/*
 * The flags mirror the root's marks (xa_marked(), radix_tree_tagged()).
 * An allocating array keeps XA_FREE_MARK's flag: it always has room.
 */
static void update_root_marks(struct xarray *xa)
{
	struct xa_node *root = root_node(xa);
	unsigned int m;

	for (m = 0; m < XA_MAX_MARKS; m++) {
		gfp_t bit = XA_FLAGS_MARK(m);

		if (m == 0 && (xa->xa_flags & XA_FLAGS_TRACK_FREE))
			continue;
		if (root && root->marks[m])
			xa->xa_flags |= bit;
		else
			xa->xa_flags &= ~bit;
	}
}

/* After @node's full state may have changed: tell the ancestors. */
static void propagate_full(struct xa_node *node)
{
	while (node->parent) {
		struct xa_node *parent = node->parent;
		unsigned long bit = 1UL << node->offset;
		bool full = node_full(node);

		if (!!(parent->full & bit) == full)
			return;
		if (full)
			parent->full |= bit;
		else
			parent->full &= ~bit;
		node = parent;
	}
}

/* Set or clear @mark of slot @offset of @node, and up the tree. */
static void change_mark(struct xa_node *node, unsigned int offset,
			unsigned int mark, bool set)
{
	while (node) {
		bool had = node->marks[mark] != 0;

		if (set)
			node->marks[mark] |= 1UL << offset;
		else
			node->marks[mark] &= ~(1UL << offset);
		if ((node->marks[mark] != 0) == had)
			return;
		offset = node->offset;
		node = node->parent;
	}
}

/* Unlink and free empty nodes from @node up; then drop needless levels. */
static void prune(struct xarray *xa, struct xa_node *node)
{
	struct xa_node *root;

	while (node && !node->present) {
		struct xa_node *parent = node->parent;

		if (parent) {
			unsigned long bit = 1UL << node->offset;

			parent->slots[node->offset] = NULL;
			parent->present &= ~bit;
			parent->full &= ~bit;
		} else {
			set_root(xa, NULL);
		}
		free(node);
		node = parent;
	}
	if (node)
		propagate_full(node);

	root = root_node(xa);
	while (root && root->shift && root->present == 1) {
		struct xa_node *child = root->slots[0];

		child->parent = NULL;
		child->offset = 0;
		set_root(xa, child);
		free(root);
		root = child;
	}
}

/* Add levels on top until the root covers @index. */
static int grow(struct xarray *xa, unsigned long index)
{
	struct xa_node *root = root_node(xa);
	unsigned int shift = 0, m;

	if (!root) {
		while (index > root_max(shift))
			shift += XA_CHUNK_SHIFT;
		root = node_new(shift, NULL, 0);
		if (!root)
			return -ENOMEM;
		set_root(xa, root);
		return 0;
	}
	while (index > root_max(root->shift)) {
		struct xa_node *top = node_new(root->shift + XA_CHUNK_SHIFT,
					       NULL, 0);

		if (!top)
			return -ENOMEM;
		top->slots[0] = root;
		top->present = 1;
		if (node_full(root))
			top->full |= 1;
		for (m = 0; m < XA_MAX_MARKS; m++)
			if (root->marks[m])
				top->marks[m] = 1;
		root->parent = top;
		root->offset = 0;
		set_root(xa, top);
		root = top;
	}
	return 0;
}

/* ---- the tree operations (tree lock held) ---- */

static struct xa_node *leaf_of(const struct xarray *xa, unsigned long index)
{
	struct xa_node *node = root_node(xa);

	if (!node || index > root_max(node->shift))
		return NULL;
	while (node && node->shift)
		node = node->slots[slot_of(node, index)];
	return node;
}

void **kshim_xa_slot(const struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = leaf_of(xa, index);

	return leaf ? &leaf->slots[index & XA_CHUNK_MASK] : NULL;
}

void *kshim_xa_get(const struct xarray *xa, unsigned long index)
{
	void **slot = kshim_xa_slot(xa, index);

	return slot ? *slot : NULL;
}

static void *erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = leaf_of(xa, index);
	unsigned int offset = index & XA_CHUNK_MASK, m;
	unsigned long bit = 1UL << offset;
	void *old;

	if (!leaf || !leaf->slots[offset])
		return NULL;
	old = leaf->slots[offset];
	for (m = 0; m < XA_MAX_MARKS; m++)
		if (leaf->marks[m] & bit)
			change_mark(leaf, offset, m, false);
	leaf->slots[offset] = NULL;
	leaf->present &= ~bit;
	leaf->full &= ~bit;
	propagate_full(leaf);
	prune(xa, leaf);
	update_root_marks(xa);
	return old;
}

int kshim_xa_set(struct xarray *xa, unsigned long index, void *entry,
		 void **old)
{
	struct xa_node *node;
	unsigned int offset;
	int ret;

	if (!entry) {
		void *prev = erase(xa, index);

		if (old)
			*old = prev;
		return 0;
	}
	ret = grow(xa, index);
	if (ret)
		goto fail;
	node = root_node(xa);
	while (node->shift) {
		struct xa_node *child;

		offset = slot_of(node, index);
		child = node->slots[offset];
		if (!child) {
			child = node_new(node->shift - XA_CHUNK_SHIFT, node,
					 offset);
			if (!child) {
				ret = -ENOMEM;
				prune(xa, node);
				goto fail;
			}
			node->slots[offset] = child;
			node->present |= 1UL << offset;
		}
		node = child;
	}
	offset = index & XA_CHUNK_MASK;
	if (old)
		*old = node->slots[offset];
	if (!node->slots[offset]) {
		node->present |= 1UL << offset;
		node->full |= 1UL << offset;
		propagate_full(node);
	}
	node->slots[offset] = entry;
	return 0;
fail:
	prune(xa, root_node(xa));
	if (old)
		*old = NULL;
	return ret;
}

static void **next_in(struct xa_node *node, unsigned long base,
		      unsigned long start, unsigned long max, int mark,
		      unsigned long *indexp)
{
	unsigned int offset = (start - base) >> node->shift;

	for (; offset < XA_CHUNK_SIZE; offset++) {
		unsigned long bits = mark < 0 ? node->present :
						node->marks[mark];
		unsigned long at;

		bits &= ~0UL << offset;
		if (!bits)
			return NULL;
		offset = __builtin_ctzl(bits);
		at = base + ((unsigned long)offset << node->shift);
		if (at > max)
			return NULL;
		if (!node->shift) {
			if (xa_is_zero(node->slots[offset]))
				continue;
			*indexp = at;
			return &node->slots[offset];
		} else {
			void **slot = next_in(node->slots[offset], at,
					      max_t(unsigned long, start, at),
					      max, mark, indexp);
			if (slot)
				return slot;
		}
	}
	return NULL;
}

void **kshim_xa_next(const struct xarray *xa, unsigned long *index,
		     unsigned long max, int mark)
{
	struct xa_node *root = root_node(xa);

	if (!root || *index > max || *index > root_max(root->shift))
		return NULL;
	return next_in(root, 0, *index, max, mark, index);
}

static bool free_in(struct xa_node *node, unsigned long base,
		    unsigned long start, unsigned long max,
		    unsigned long *indexp)
{
	unsigned int offset = (start - base) >> node->shift;

	for (; offset < XA_CHUNK_SIZE; offset++) {
		unsigned long bits = ~node->full & (~0UL << offset);
		unsigned long at;

		if (!bits)
			return false;
		offset = __builtin_ctzl(bits);
		at = base + ((unsigned long)offset << node->shift);
		if (at > max)
			return false;
		if (!(node->present & (1UL << offset))) {
			*indexp = max_t(unsigned long, start, at);
			return true;
		}
		if (free_in(node->slots[offset], at,
			    max_t(unsigned long, start, at), max, indexp))
			return true;
	}
	return false;
}

bool kshim_xa_next_free(const struct xarray *xa, unsigned long *index,
			unsigned long max)
{
	struct xa_node *root = root_node(xa);
	unsigned long start = *index, end;

	if (start > max)
		return false;
	if (!root || start > root_max(root->shift))
		return true;
	if (free_in(root, 0, start, max, index))
		return true;
	end = root_max(root->shift);
	if (end == ULONG_MAX || end + 1 > max)
		return false;
	*index = end + 1;
	return true;
}

bool kshim_xa_mark_get(const struct xarray *xa, unsigned long index,
		       unsigned int mark)
{
	struct xa_node *leaf = leaf_of(xa, index);

	return leaf && (leaf->marks[mark] & (1UL << (index & XA_CHUNK_MASK)));
}

void kshim_xa_mark_set(struct xarray *xa, unsigned long index,
		       unsigned int mark, bool set)
{
	struct xa_node *leaf = leaf_of(xa, index);
	unsigned int offset = index & XA_CHUNK_MASK;

	if (!leaf || !leaf->slots[offset])
		return;
	change_mark(leaf, offset, mark, set);
	update_root_marks(xa);
}

static void free_nodes(struct xa_node *node)
{
	unsigned long bits;

	if (node->shift) {
		for (bits = node->present; bits; bits &= bits - 1)
			free_nodes(node->slots[__builtin_ctzl(bits)]);
	}
	free(node);
}

void kshim_xa_free_all(struct xarray *xa)
{
	struct xa_node *root = root_node(xa);

	set_root(xa, NULL);
	if (root)
		free_nodes(root);
	update_root_marks(xa);
}

/* ---- checks ---- */

void kshim_xa_might_alloc(gfp_t gfp, const struct kshim_site *site)
{
	if (gfpflags_allow_blocking(gfp))
		__kshim_might_sleep(site->file, site->line, site->func);
	alloc_gfp = gfp;
	alloc_site = site;
}

bool kshim_xa_alloc_fails(size_t size)
{
	return alloc_site && kshim_failslab_kmalloc(size, alloc_gfp,
						    alloc_site);
}

void kshim_xa_warn_once(bool *once, const struct kshim_site *site)
{
	if (!__atomic_exchange_n(once, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
}

void __kshim_xa_warn_value(unsigned long v, const struct kshim_site *site)
{
	(void)v;
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN, NULL);
}

/*
 * What an entry the caller may not store is: the kernel WARNs for the
 * entries it uses itself (xa_is_advanced()); the other internal entries
 * (a pointer only 2-byte aligned, an XA_ERROR()) it would store and then
 * misread as a node, so kshim WARNs for them the same way.  The reserved
 * entry is legal (xa_reserve() stores it).
 */
static bool bad_entry(const void *entry)
{
	return xa_is_internal(entry) && !xa_is_zero(entry);
}

static bool track_free(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_TRACK_FREE;
}

static void *zero_to_null(void *entry)
{
	return xa_is_zero(entry) ? NULL : entry;
}

/* The way xa_lock is taken for this array (xas_lock_type()). */
static enum kshim_lock_how lock_type(const struct xarray *xa)
{
	if (xa->xa_flags & XA_FLAGS_LOCK_IRQ)
		return KSHIM_LOCK_IRQ;
	if (xa->xa_flags & XA_FLAGS_LOCK_BH)
		return KSHIM_LOCK_BH;
	return KSHIM_LOCK_PLAIN;
}

/*
 * Enter an update.  The wrappers check might_alloc() and take xa_lock
 * their way.  The __xa_*() forms, called with xa_lock held, may drop it
 * for a blocking allocation (__xas_nomem()): with a blocking gfp kshim
 * always does, and checks might_sleep() with it dropped.
 */
static void update_begin(struct xarray *xa, gfp_t gfp, int how,
			 const struct kshim_site *site)
{
	if (how == KSHIM_XA_HELD) {
		if (gfpflags_allow_blocking(gfp)) {
			enum kshim_lock_how type = lock_type(xa);

			__kshim_spin_unlock(&xa->xa_lock.rlock, type, 0, site);
			__kshim_might_sleep(site->file, site->line, site->func);
			__kshim_spin_lock(&xa->xa_lock.rlock, type, site);
		}
		return;
	}
	kshim_xa_might_alloc(gfp, site);
	__kshim_spin_lock(&xa->xa_lock.rlock, how, site);
}

static void update_end(struct xarray *xa, int how,
		       const struct kshim_site *site)
{
	if (how != KSHIM_XA_HELD)
		__kshim_spin_unlock(&xa->xa_lock.rlock, how, 0, site);
}

/* Store with the tree lock: the old entry, or an XA_ERROR(). */
static void *store_entry(struct xarray *xa, unsigned long index, void *entry)
{
	void *old;
	int ret;

	kshim_xa_write_lock();
	ret = kshim_xa_set(xa, index, entry, &old);
	kshim_xa_write_unlock();
	return ret ? XA_ERROR(ret) : old;
}

/* ---- the normal API ---- */

void *xa_load(struct xarray *xa, unsigned long index)
{
	void *entry;

	kshim_xa_read_lock();
	entry = kshim_xa_get(xa, index);
	kshim_xa_read_unlock();
	return zero_to_null(entry);
}

void *__kshim_xa_store(struct xarray *xa, unsigned long index, void *entry,
		       gfp_t gfp, int how, const struct kshim_site *site)
{
	static bool once;
	void *curr;

	update_begin(xa, gfp, how, site);
	if (unlikely(bad_entry(entry))) {
		kshim_xa_warn_once(&once, site);
		curr = XA_ERROR(-EINVAL);
	} else {
		if (track_free(xa) && !entry)
			entry = XA_ZERO_ENTRY;
		curr = store_entry(xa, index, entry);
		if (!xa_is_err(curr))
			curr = zero_to_null(curr);
	}
	update_end(xa, how, site);
	return curr;
}

void *__kshim_xa_erase(struct xarray *xa, unsigned long index, int how,
		       const struct kshim_site *site)
{
	void *curr;

	update_begin(xa, 0, how, site);
	curr = zero_to_null(store_entry(xa, index, NULL));
	update_end(xa, how, site);
	return curr;
}

void *__kshim_xa_cmpxchg(struct xarray *xa, unsigned long index, void *old,
			 void *entry, gfp_t gfp, int how,
			 const struct kshim_site *site)
{
	static bool once;
	void *curr;
	int ret = 0;

	update_begin(xa, gfp, how, site);
	if (unlikely(bad_entry(entry))) {
		kshim_xa_warn_once(&once, site);
		curr = XA_ERROR(-EINVAL);
	} else {
		kshim_xa_write_lock();
		curr = kshim_xa_get(xa, index);
		if (curr == old)
			ret = kshim_xa_set(xa, index, entry, NULL);
		kshim_xa_write_unlock();
		curr = ret ? XA_ERROR(ret) : zero_to_null(curr);
	}
	update_end(xa, how, site);
	return curr;
}

int __kshim_xa_insert(struct xarray *xa, unsigned long index, void *entry,
		      gfp_t gfp, int how, const struct kshim_site *site)
{
	static bool once;
	int ret;

	update_begin(xa, gfp, how, site);
	if (unlikely(bad_entry(entry))) {
		kshim_xa_warn_once(&once, site);
		ret = -EINVAL;
	} else {
		if (!entry)
			entry = XA_ZERO_ENTRY;
		kshim_xa_write_lock();
		if (kshim_xa_get(xa, index))
			ret = -EBUSY;
		else
			ret = kshim_xa_set(xa, index, entry, NULL);
		kshim_xa_write_unlock();
	}
	update_end(xa, how, site);
	return ret;
}

/* __xa_alloc() with xa_lock held and the checks done. */
static int alloc_locked(struct xarray *xa, u32 *id, void *entry,
			struct xa_limit limit)
{
	unsigned long index = limit.min;
	int ret;

	if (!entry)
		entry = XA_ZERO_ENTRY;
	/* An ALLOC1 array counts index 0 as reserved (xa_zero_busy()). */
	if ((xa->xa_flags & XA_FLAGS_ZERO_BUSY) && index == 0)
		index = 1;
	kshim_xa_write_lock();
	if (!kshim_xa_next_free(xa, &index, limit.max)) {
		ret = -EBUSY;
	} else {
		ret = kshim_xa_set(xa, index, entry, NULL);
		if (!ret)
			*id = index;
	}
	kshim_xa_write_unlock();
	return ret;
}

static int alloc_checks(struct xarray *xa, void *entry,
			const struct kshim_site *site)
{
	static bool once_entry, once_flags;

	if (unlikely(bad_entry(entry))) {
		kshim_xa_warn_once(&once_entry, site);
		return -EINVAL;
	}
	if (unlikely(!track_free(xa))) {
		kshim_xa_warn_once(&once_flags, site);
		return -EINVAL;
	}
	return 0;
}

int __kshim_xa_alloc(struct xarray *xa, u32 *id, void *entry,
		     struct xa_limit limit, gfp_t gfp, int how,
		     const struct kshim_site *site)
{
	int ret;

	update_begin(xa, gfp, how, site);
	ret = alloc_checks(xa, entry, site);
	if (!ret)
		ret = alloc_locked(xa, id, entry, limit);
	update_end(xa, how, site);
	return ret;
}

/*
 * Cyclic: search from *next up to the limit, then from the limit's start;
 * 1 when the IDs wrapped (the search went round, or the previous one
 * handed out the last index and *next overflowed to 0).
 */
int __kshim_xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry,
			    struct xa_limit limit, u32 *next, gfp_t gfp,
			    int how, const struct kshim_site *site)
{
	u32 lowest = limit.min;
	int ret;

	update_begin(xa, gfp, how, site);
	ret = alloc_checks(xa, entry, site);
	if (ret)
		goto out;
	if (*next > limit.min)
		limit.min = *next;
	ret = alloc_locked(xa, id, entry, limit);
	if (ret == 0 && (xa->xa_flags & XA_FLAGS_ALLOC_WRAPPED)) {
		xa->xa_flags &= ~XA_FLAGS_ALLOC_WRAPPED;
		ret = 1;
	}
	if (ret < 0 && limit.min > lowest) {
		limit.min = lowest;
		ret = alloc_locked(xa, id, entry, limit);
		if (ret == 0)
			ret = 1;
	}
	if (ret >= 0) {
		*next = *id + 1;
		if (*next == 0)
			xa->xa_flags |= XA_FLAGS_ALLOC_WRAPPED;
	}
out:
	update_end(xa, how, site);
	return ret;
}

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	bool ret;

	if ((__force unsigned int)mark >= XA_MAX_MARKS)
		return false;
	kshim_xa_read_lock();
	ret = kshim_xa_mark_get(xa, index, (__force unsigned int)mark);
	kshim_xa_read_unlock();
	return ret;
}

void __kshim_xa_mark(struct xarray *xa, unsigned long index, xa_mark_t mark,
		     bool set, int how, const struct kshim_site *site)
{
	update_begin(xa, 0, how, site);
	if ((__force unsigned int)mark < XA_MAX_MARKS) {
		kshim_xa_write_lock();
		kshim_xa_mark_set(xa, index, (__force unsigned int)mark, set);
		kshim_xa_write_unlock();
	}
	update_end(xa, how, site);
}

static int filter_mark(xa_mark_t filter)
{
	unsigned int mark = (__force unsigned int)filter;

	return mark < XA_MAX_MARKS ? (int)mark : -1;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max,
	      xa_mark_t filter)
{
	unsigned long index = *indexp;
	void **slot;
	void *entry = NULL;

	kshim_xa_read_lock();
	slot = kshim_xa_next(xa, &index, max, filter_mark(filter));
	if (slot)
		entry = *slot;
	kshim_xa_read_unlock();
	if (entry)
		*indexp = index;
	return entry;
}

void *xa_find_after(struct xarray *xa, unsigned long *indexp,
		    unsigned long max, xa_mark_t filter)
{
	unsigned long index = *indexp + 1;
	void *entry;

	if (index == 0)
		return NULL;
	entry = xa_find(xa, &index, max, filter);
	if (entry)
		*indexp = index;
	return entry;
}

unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start,
			unsigned long max, unsigned int n, xa_mark_t filter)
{
	unsigned long index = start;
	unsigned int i = 0;
	void **slot;

	if (!n)
		return 0;
	kshim_xa_read_lock();
	while (i < n &&
	       (slot = kshim_xa_next(xa, &index, max, filter_mark(filter)))) {
		dst[i++] = *slot;
		if (index++ == ULONG_MAX)
			break;
	}
	kshim_xa_read_unlock();
	return i;
}

void __kshim_xa_destroy(struct xarray *xa, const struct kshim_site *site)
{
	unsigned long flags;

	flags = __kshim_spin_lock(&xa->xa_lock.rlock, KSHIM_LOCK_IRQSAVE, site);
	kshim_xa_write_lock();
	kshim_xa_free_all(xa);
	kshim_xa_write_unlock();
	__kshim_spin_unlock(&xa->xa_lock.rlock, KSHIM_LOCK_IRQSAVE, flags,
			    site);
}
