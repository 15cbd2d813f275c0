// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/radix-tree.c - the radix tree API of lib/radix-tree.c (6.1)
 * on kshim's XArray tree (compat/lib/xarray.c), and the preload calls.
 *
 * The radix tree takes no lock: the caller serialises updates, lookups
 * need none.  Tags are the XArray's marks.  A root's gfp mask is the low
 * part of xa_flags; kshim's nodes come from the host heap, so preloading
 * only does what the caller can see: might_sleep(), the WARN for a gfp
 * that cannot block, and preemption disabled until the _end() call.
 */
#include <errno.h>
#include <stdlib.h>

#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/might_sleep.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/radix-tree.h>

#include "lib/xarray_internal.h"

static gfp_t root_gfp_mask(const struct radix_tree_root *root)
{
	return root->xa_flags & __GFP_BITS_MASK;
}

static __noreturn void bug_at(const struct kshim_site *site)
{
	__kshim_bug(site->file, site->line, site->func, site->mod);
}

int __kshim_radix_tree_insert(struct radix_tree_root *root,
			      unsigned long index, void *item,
			      const struct kshim_site *site)
{
	int ret = 0;

	if (unlikely(radix_tree_is_internal_node(item)))
		bug_at(site);
	kshim_xa_might_alloc(root_gfp_mask(root), site);
	kshim_xa_write_lock();
	if (kshim_xa_get(root, index))
		ret = -EEXIST;
	else if (item)
		ret = kshim_xa_set(root, index, item, NULL);
	kshim_xa_write_unlock();
	return ret;
}

void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index)
{
	void *entry;

	kshim_xa_read_lock();
	entry = kshim_xa_get(root, index);
	kshim_xa_read_unlock();
	return xa_is_zero(entry) ? NULL : entry;
}

void __rcu **radix_tree_lookup_slot(const struct radix_tree_root *root,
				    unsigned long index)
{
	void **slot;

	kshim_xa_read_lock();
	slot = kshim_xa_slot(root, index);
	if (slot && !*slot)
		slot = NULL;
	kshim_xa_read_unlock();
	return slot;
}

void *radix_tree_delete_item(struct radix_tree_root *root,
			     unsigned long index, void *item)
{
	void *entry;

	kshim_xa_write_lock();
	entry = kshim_xa_get(root, index);
	if (entry && (!item || entry == item))
		kshim_xa_set(root, index, NULL, NULL);
	else
		entry = NULL;
	kshim_xa_write_unlock();
	return xa_is_zero(entry) ? NULL : entry;
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	return radix_tree_delete_item(root, index, NULL);
}

void radix_tree_iter_delete(struct radix_tree_root *root,
			    struct radix_tree_iter *iter, void __rcu **slot)
{
	(void)slot;
	radix_tree_delete_item(root, iter->index, NULL);
}

void *__kshim_radix_tree_tag_set(struct radix_tree_root *root,
				 unsigned long index, unsigned int tag,
				 const struct kshim_site *site)
{
	void *entry;

	kshim_xa_write_lock();
	entry = kshim_xa_get(root, index);
	if (entry)
		kshim_xa_mark_set(root, index, tag, true);
	kshim_xa_write_unlock();
	/* lib/radix-tree.c: BUG_ON(!node) on the way to a missing entry. */
	if (unlikely(!entry))
		bug_at(site);
	return entry;
}

void *radix_tree_tag_clear(struct radix_tree_root *root,
			   unsigned long index, unsigned int tag)
{
	void *entry;

	kshim_xa_write_lock();
	entry = kshim_xa_get(root, index);
	if (entry)
		kshim_xa_mark_set(root, index, tag, false);
	kshim_xa_write_unlock();
	return entry;
}

void radix_tree_iter_tag_clear(struct radix_tree_root *root,
			       const struct radix_tree_iter *iter,
			       unsigned int tag)
{
	radix_tree_tag_clear(root, iter->index, tag);
}

int radix_tree_tag_get(const struct radix_tree_root *root,
		       unsigned long index, unsigned int tag)
{
	bool ret;

	if (tag >= RADIX_TREE_MAX_TAGS)
		return 0;
	kshim_xa_read_lock();
	ret = kshim_xa_mark_get(root, index, tag);
	kshim_xa_read_unlock();
	return ret;
}

int radix_tree_tagged(const struct radix_tree_root *root, unsigned int tag)
{
	return !!(root->xa_flags & (1U << (tag + ROOT_TAG_SHIFT)));
}

void __rcu **radix_tree_next_chunk(const struct radix_tree_root *root,
				   struct radix_tree_iter *iter,
				   unsigned flags)
{
	int mark = (flags & RADIX_TREE_ITER_TAGGED) ?
		   (int)(flags & RADIX_TREE_ITER_TAG_MASK) : -1;
	unsigned long index = iter->next_index;
	void **slot;

	/* next_index wrapped past ULONG_MAX: the walk is over. */
	if (!index && iter->index)
		return NULL;
	kshim_xa_read_lock();
	slot = kshim_xa_next(root, &index, ULONG_MAX, mark);
	if (slot && (flags & RADIX_TREE_ITER_CONTIG) &&
	    index != iter->next_index)
		slot = NULL;
	kshim_xa_read_unlock();
	if (!slot)
		return NULL;
	iter->index = index;
	iter->next_index = index + 1;
	iter->tags = mark >= 0 ? 1 : 0;
	iter->node = NULL;
	return slot;
}

void __rcu **radix_tree_iter_resume(void __rcu **slot,
				    struct radix_tree_iter *iter)
{
	(void)slot;
	iter->index++;
	iter->next_index = iter->index;
	iter->tags = 0;
	return NULL;
}

static unsigned int gang_lookup(const struct radix_tree_root *root,
				void **results, unsigned long first_index,
				unsigned int max_items, int mark)
{
	unsigned long index = first_index;
	unsigned int n = 0;
	void **slot;

	if (!max_items)
		return 0;
	kshim_xa_read_lock();
	while (n < max_items &&
	       (slot = kshim_xa_next(root, &index, ULONG_MAX, mark))) {
		results[n++] = *slot;
		if (index++ == ULONG_MAX)
			break;
	}
	kshim_xa_read_unlock();
	return n;
}

unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root,
				    void **results, unsigned long first_index,
				    unsigned int max_items)
{
	return gang_lookup(root, results, first_index, max_items, -1);
}

unsigned int radix_tree_gang_lookup_tag(const struct radix_tree_root *root,
					void **results,
					unsigned long first_index,
					unsigned int max_items, unsigned int tag)
{
	if (tag >= RADIX_TREE_MAX_TAGS)
		return 0;
	return gang_lookup(root, results, first_index, max_items, (int)tag);
}

/*
 * radix_tree_preload(): WARN_ON_ONCE(!gfpflags_allow_blocking(gfp)), the
 * allocation's might_sleep(), then preemption off (the per-CPU pool's
 * local_lock).  radix_tree_maybe_preload() and idr_preload() do not WARN.
 * Its node allocations are slab allocations: func=kmalloc's rule (or the
 * sweep) makes it return -ENOMEM, preemption left on, as the kernel's.
 */
int __kshim_radix_tree_preload(gfp_t gfp_mask, bool maybe,
			       const struct kshim_site *site)
{
	static bool once;

	if (!maybe && unlikely(!gfpflags_allow_blocking(gfp_mask)))
		kshim_xa_warn_once(&once, site);
	kshim_xa_might_alloc(gfp_mask, site);
	/*
	 * The kernel fills the per-CPU reserve with kmem_cache_alloc()s and
	 * returns -ENOMEM, preemption on, when one fails (maybe-preload of
	 * a non-blocking mask allocates nothing).
	 */
	if ((!maybe || gfpflags_allow_blocking(gfp_mask)) &&
	    kshim_xa_alloc_fails(sizeof(void *) * 64))
		return -ENOMEM;
	__kshim_preempt_count_add(1, site);
	return 0;
}
