/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rbtree.h - red-black trees.
 *
 * Follows include/linux/rbtree.h of 6.1: the caller walks the tree to
 * the insertion point and links the node with rb_link_node(), then
 * rb_insert_color() rebalances; rb_erase() unlinks.  The leftmost-cached
 * variants, the rb_add()/rb_find() helpers taking a less()/cmp() operator
 * and post-order iteration behave as the kernel's.  The implementation is
 * compat/lib/rbtree.c.
 *
 * Not provided: rb_link_node_rcu() and rb_replace_node_rcu(), which need
 * <linux/rcupdate.h> (kshim has no RCU yet).
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/container_of.h>
#include <linux/rbtree_types.h>

#include <linux/stddef.h>
#include <linux/compiler.h>

/* The parent of @r, with the colour bits masked off. */
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3))

#define rb_entry(ptr, type, member)	container_of(ptr, type, member)

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/* A node known not to be in any tree points to itself as its parent. */
#define RB_EMPTY_NODE(node)						\
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)						\
	((node)->__rb_parent_color = (unsigned long)(node))

extern void rb_insert_color(struct rb_node *, struct rb_root *);
extern void rb_erase(struct rb_node *, struct rb_root *);

/* In-order neighbours and ends; NULL past the end or for a cleared node. */
extern struct rb_node *rb_next(const struct rb_node *);
extern struct rb_node *rb_prev(const struct rb_node *);
extern struct rb_node *rb_first(const struct rb_root *);
extern struct rb_node *rb_last(const struct rb_root *);

/* Post-order: every node comes after both of its children. */
extern struct rb_node *rb_first_postorder(const struct rb_root *);
extern struct rb_node *rb_next_postorder(const struct rb_node *);

/* @new takes @victim's place (same key order assumed), no rebalancing. */
extern void rb_replace_node(struct rb_node *victim, struct rb_node *new,
			    struct rb_root *root);

/* Hang @node, red and childless, at *@rb_link below @parent. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

#define rb_entry_safe(ptr, type, member)				\
	({								\
		typeof(ptr) ____ptr = (ptr);				\
		____ptr ? rb_entry(____ptr, type, member) : NULL;	\
	})

/*
 * Post-order walk over the entries of @root that tolerates @pos being
 * freed by the body (not other changes to the tree: rb_erase() of @pos
 * may rebalance it and skip nodes).
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)	\
	for (pos = rb_entry_safe(rb_first_postorder(root),		\
				 typeof(*pos), field);			\
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field),\
					 typeof(*pos), field); 1; });	\
	     pos = n)

/* rb_first() in O(1). */
#define rb_first_cached(root)	(root)->rb_leftmost

static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/* Returns the new leftmost node if @node was the leftmost, else NULL. */
static inline struct rb_node *
rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node) {
		leftmost = rb_next(node);
		root->rb_leftmost = leftmost;
	}
	rb_erase(node, &root->rb_root);
	return leftmost;
}

static inline void rb_replace_node_cached(struct rb_node *victim,
					  struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

/*
 * The helpers below order nodes with less(a, b) or cmp(key, b):
 * cmp(a->key, b) < 0 is less(a, b), > 0 is less(b, a), 0 is neither.
 * Equal nodes are inserted after the ones already there.
 */

/* Insert @node; returns @node when it became the leftmost, else NULL. */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

static __always_inline void
rb_add(struct rb_node *node, struct rb_root *tree,
       bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left :
					    &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/* The node equal to @node if there is one, else NULL and @node is added. */
static __always_inline struct rb_node *
rb_find_add(struct rb_node *node, struct rb_root *tree,
	    int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		int c;

		parent = *link;
		c = cmp(node, parent);
		if (c == 0)
			return parent;
		link = c < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
	return NULL;
}

/* Some node matching @key (which one, among equals, is unspecified). */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c == 0)
			return node;
		node = c < 0 ? node->rb_left : node->rb_right;
	}
	return NULL;
}

/* The leftmost node matching @key, or NULL. */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;
	struct rb_node *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c > 0) {
			node = node->rb_right;
		} else {
			if (c == 0)
				match = node;
			node = node->rb_left;
		}
	}
	return match;
}

/* The node after @node if it matches @key too, else NULL. */
static __always_inline struct rb_node *
rb_next_match(const void *key, struct rb_node *node,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	node = rb_next(node);
	if (node && cmp(key, node) != 0)
		return NULL;
	return node;
}

/* Every node matching @key, in order. */
#define rb_for_each(node, key, tree, cmp)				\
	for ((node) = rb_find_first((key), (tree), (cmp));		\
	     (node); (node) = rb_next_match((key), (node), (cmp)))

/* What the kernel's linux/rbtree.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/smp.h>
#include <linux/time64.h>

#endif /* _LINUX_RBTREE_H */
