/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rbtree_augmented.h - red-black trees whose nodes carry data about
 * their whole subtree (e.g. the largest end of an interval tree).
 *
 * Follows include/linux/rbtree_augmented.h of 6.1.  The public part is
 * struct rb_augment_callbacks, rb_insert_augmented(), rb_erase_augmented()
 * (and their _cached forms) and the RB_DECLARE_CALLBACKS{,_MAX}() templates;
 * the rest (colour accessors, __rb_erase_augmented(), __rb_erase_color())
 * is the kernel's implementation interface, which some drivers use too.
 *
 * The callbacks: propagate(node, stop) recomputes the data from @node up
 * to, not including, @stop; copy(old, new) gives @new the data of @old;
 * rotate(old, new) is called after @new replaced @old as the root of a
 * subtree: @new takes @old's data and @old is recomputed.
 *
 * Not provided: __rb_change_child_rcu(), which needs <linux/rcupdate.h>.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/compiler.h>
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

extern void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/*
 * Insert as rb_insert_color() does: the caller has updated the data along
 * the path to the new node and linked it with rb_link_node().
 */
static inline void
rb_insert_augmented(struct rb_node *node, struct rb_root *root,
		    const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

static inline void
rb_insert_augmented_cached(struct rb_node *node,
			   struct rb_root_cached *root, bool newleft,
			   const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/*
 * RBSTATIC: static or nothing; RBNAME: the callbacks structure's name;
 * RBSTRUCT: the node type; RBFIELD: its struct rb_node; RBAUGMENTED: its
 * subtree data; RBCOMPUTE(node, exit): recompute node->RBAUGMENTED and,
 * when @exit, return true if it did not change (propagation stops there).
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME,				\
			     RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE)	\
static inline void							\
RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)		\
{									\
	for (; rb != stop; rb = rb_parent(rb)) {			\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);	\
									\
		if (RBCOMPUTE(node, true))				\
			break;						\
	}								\
}									\
static inline void							\
RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)		\
{									\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =		\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
}									\
static void								\
RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{									\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);		\
									\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =		\
		old->RBAUGMENTED;					\
	RBCOMPUTE(old, false);						\
}									\
RBSTATIC const struct rb_augment_callbacks RBNAME = {			\
	.propagate = RBNAME ## _propagate,				\
	.copy = RBNAME ## _copy,					\
	.rotate = RBNAME ## _rotate					\
};

/*
 * As RB_DECLARE_CALLBACKS(), the data being the largest RBCOMPUTE(node)
 * (a value of type RBTYPE) of the subtree.
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)	\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)	\
{									\
	struct rb_node *kid[2] = {					\
		node->RBFIELD.rb_left, node->RBFIELD.rb_right		\
	};								\
	RBTYPE max = RBCOMPUTE(node);					\
	int i;								\
									\
	for (i = 0; i < 2; i++) {					\
		RBSTRUCT *child;					\
									\
		if (!kid[i])						\
			continue;					\
		child = rb_entry(kid[i], RBSTRUCT, RBFIELD);		\
		if (child->RBAUGMENTED > max)				\
			max = child->RBAUGMENTED;			\
	}								\
	if (exit && node->RBAUGMENTED == max)				\
		return true;						\
	node->RBAUGMENTED = max;					\
	return false;							\
}									\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME,					\
		     RBSTRUCT, RBFIELD, RBAUGMENTED, RBNAME ## _compute_max)

#define RB_RED		0
#define RB_BLACK	1

#define __rb_parent(pc)		((struct rb_node *)((pc) & ~3))

#define __rb_color(pc)		((pc) & 1)
#define __rb_is_black(pc)	__rb_color(pc)
#define __rb_is_red(pc)		(!__rb_color(pc))
#define rb_color(rb)		__rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb)		__rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb)		__rb_is_black((rb)->__rb_parent_color)

static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = (unsigned long)p | rb_color(rb);
}

static inline void rb_set_parent_color(struct rb_node *rb,
				       struct rb_node *p, int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

/* Make @parent's link to @old (the root's if @parent is NULL) @new. */
static inline void
__rb_change_child(struct rb_node *old, struct rb_node *new,
		  struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 * Restore the colour rules after a black leaf position below @parent lost
 * its node (what __rb_erase_augmented() returned).
 */
extern void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/*
 * Unlink @node, keeping the augmented data right; returns the node below
 * which the tree is one black short (for __rb_erase_color()), or NULL.
 */
static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *left = node->rb_left;
	struct rb_node *right = node->rb_right;
	unsigned long pc = node->__rb_parent_color;
	struct rb_node *parent = __rb_parent(pc);
	struct rb_node *rebalance = NULL;
	struct rb_node *from;

	if (!left || !right) {
		/*
		 * At most one child: it replaces @node.  A lone child is red
		 * and @node black, so the child taking @node's colour keeps
		 * the black height; a black leaf leaves a hole to fix.
		 */
		struct rb_node *child = left ? left : right;

		__rb_change_child(node, child, parent, root);
		if (child)
			child->__rb_parent_color = pc;
		else if (__rb_is_black(pc))
			rebalance = parent;
		from = parent;
	} else {
		/*
		 * Two children: the in-order successor (the leftmost node
		 * of the right subtree, which has no left child) takes
		 * @node's place and colour; its own right child, if any,
		 * moves up into the successor's old place.
		 */
		struct rb_node *succ = right, *hole_parent, *orphan;

		if (!succ->rb_left) {
			hole_parent = succ;
			orphan = succ->rb_right;
			augment->copy(node, succ);
		} else {
			do {
				hole_parent = succ;
				succ = succ->rb_left;
			} while (succ->rb_left);
			orphan = succ->rb_right;
			WRITE_ONCE(hole_parent->rb_left, orphan);
			WRITE_ONCE(succ->rb_right, right);
			rb_set_parent(right, succ);
			augment->copy(node, succ);
			augment->propagate(hole_parent, succ);
		}
		WRITE_ONCE(succ->rb_left, left);
		rb_set_parent(left, succ);
		__rb_change_child(node, succ, parent, root);

		if (orphan)
			rb_set_parent_color(orphan, hole_parent, RB_BLACK);
		else if (rb_is_black(succ))
			rebalance = hole_parent;
		succ->__rb_parent_color = pc;
		from = succ;
	}
	augment->propagate(from, NULL);
	return rebalance;
}

static __always_inline void
rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		   const struct rb_augment_callbacks *augment)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, augment);

	if (rebalance)
		__rb_erase_color(rebalance, root, augment->rotate);
}

static __always_inline void
rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			  const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

/* What the kernel's linux/rbtree_augmented.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time64.h>

#endif /* _LINUX_RBTREE_AUGMENTED_H */
