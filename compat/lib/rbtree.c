// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/rbtree.c - red-black tree rebalancing and walking.
 *
 * Behaves as lib/rbtree.c of 6.1 (our own implementation of the textbook
 * algorithm, on the kernel's node layout):
 *  1. every node is red or black,
 *  2. the root is black,
 *  3. a red node has no red child,
 *  4. every path from a node down to a NULL link crosses the same number
 *     of black nodes.
 * Insertion needs at most two rotations, erasure at most three; each
 * rotation is reported to the augment callback as (old subtree root, new
 * subtree root), after the links moved.  Child links are written with
 * WRITE_ONCE() and are never made to form a loop, as the kernel does for
 * lockless (latched) lookups that may miss a node but must terminate.
 */
#include <linux/export.h>
#include <linux/rbtree_augmented.h>

static inline bool node_is_red(const struct rb_node *rb)
{
	return rb && rb_is_red(rb);
}

static inline void set_black(struct rb_node *rb)
{
	rb->__rb_parent_color |= RB_BLACK;
}

static inline void set_red(struct rb_node *rb)
{
	rb->__rb_parent_color &= ~1UL;
}

static inline void set_color(struct rb_node *rb, unsigned long color)
{
	rb->__rb_parent_color = (rb->__rb_parent_color & ~1UL) | color;
}

/*
 * @up, a child of @down, takes @down's place; @down becomes @up's child
 * on the other side and adopts @up's inner subtree.  Colours stay.
 */
static void rotate_up(struct rb_node *up, struct rb_node *down,
		      struct rb_root *root)
{
	struct rb_node *above = rb_parent(down);
	struct rb_node *inner;

	if (down->rb_left == up) {
		inner = up->rb_right;
		WRITE_ONCE(down->rb_left, inner);
		WRITE_ONCE(up->rb_right, down);
	} else {
		inner = up->rb_left;
		WRITE_ONCE(down->rb_right, inner);
		WRITE_ONCE(up->rb_left, down);
	}
	if (inner)
		rb_set_parent(inner, down);
	rb_set_parent(up, above);
	rb_set_parent(down, up);
	__rb_change_child(down, up, above, root);
}

static __always_inline void
insert_fixup(struct rb_node *node, struct rb_root *root,
	     void (*rotate)(struct rb_node *old, struct rb_node *new))
{
	for (;;) {
		struct rb_node *parent = rb_parent(node);
		struct rb_node *gparent, *uncle;
		bool parent_is_left;

		if (!parent) {
			/* @node is the root: always black (rule 2). */
			set_black(node);
			return;
		}
		if (rb_is_black(parent))
			return;

		/* A red parent is not the root: the grandparent exists. */
		gparent = rb_parent(parent);
		parent_is_left = gparent->rb_left == parent;
		uncle = parent_is_left ? gparent->rb_right : gparent->rb_left;

		if (node_is_red(uncle)) {
			/*
			 * Push the grandparent's black down to both of its
			 * children; the grandparent, now red, may clash with
			 * its own parent: go on from there.
			 */
			set_black(parent);
			set_black(uncle);
			set_red(gparent);
			node = gparent;
			continue;
		}

		if (parent_is_left != (parent->rb_left == node)) {
			/* Inner grandchild: make it the outer one first. */
			rotate_up(node, parent, root);
			rotate(parent, node);
			parent = node;
		}
		/* Outer grandchild: the parent goes up, black. */
		rotate_up(parent, gparent, root);
		set_black(parent);
		set_red(gparent);
		rotate(gparent, parent);
		return;
	}
}

static __always_inline void
erase_fixup(struct rb_node *parent, struct rb_root *root,
	    void (*rotate)(struct rb_node *old, struct rb_node *new))
{
	/* @node (NULL at first) is black and one black short of its sibling. */
	struct rb_node *node = NULL;

	for (;;) {
		bool node_is_left = parent->rb_left == node;
		struct rb_node *sib, *near, *far;

		sib = node_is_left ? parent->rb_right : parent->rb_left;
		if (rb_is_red(sib)) {
			/* Red sibling: rotate it up, a black one moves in. */
			rotate_up(sib, parent, root);
			set_black(sib);
			set_red(parent);
			rotate(parent, sib);
			sib = node_is_left ? parent->rb_right : parent->rb_left;
		}
		near = node_is_left ? sib->rb_left : sib->rb_right;
		far = node_is_left ? sib->rb_right : sib->rb_left;

		if (!node_is_red(far)) {
			if (!node_is_red(near)) {
				/*
				 * Black sibling with black children: make it
				 * red, so the parent's subtree is short as a
				 * whole.  A red parent turned black pays for
				 * it; otherwise go up.
				 */
				set_red(sib);
				if (rb_is_red(parent)) {
					set_black(parent);
					return;
				}
				node = parent;
				parent = rb_parent(node);
				if (!parent)
					return;
				continue;
			}
			/* Only the near nephew is red: make it the far one. */
			rotate_up(near, sib, root);
			set_red(sib);
			set_black(near);
			rotate(sib, near);
			far = sib;
			sib = near;
		}
		/*
		 * Red far nephew: the sibling goes up in the parent's place
		 * and colour; the parent, now above @node, and the far
		 * nephew turn black.
		 */
		rotate_up(sib, parent, root);
		set_color(sib, rb_color(parent));
		set_black(parent);
		set_black(far);
		rotate(parent, sib);
		return;
	}
}

static void dummy_propagate(struct rb_node *node, struct rb_node *stop)
{
	(void)node;
	(void)stop;
}

static void dummy_copy(struct rb_node *old, struct rb_node *new)
{
	(void)old;
	(void)new;
}

static void dummy_rotate(struct rb_node *old, struct rb_node *new)
{
	(void)old;
	(void)new;
}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, dummy_rotate);
}
EXPORT_SYMBOL(rb_insert_color);

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *rebalance;

	rebalance = __rb_erase_augmented(node, root, &dummy_callbacks);
	if (rebalance)
		erase_fixup(rebalance, root, dummy_rotate);
}
EXPORT_SYMBOL(rb_erase);

void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	insert_fixup(node, root, augment_rotate);
}
EXPORT_SYMBOL(__rb_insert_augmented);

void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	erase_fixup(parent, root, augment_rotate);
}
EXPORT_SYMBOL(__rb_erase_color);

static struct rb_node *leftmost(struct rb_node *n)
{
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

static struct rb_node *rightmost(struct rb_node *n)
{
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? leftmost(root->rb_node) : NULL;
}
EXPORT_SYMBOL(rb_first);

struct rb_node *rb_last(const struct rb_root *root)
{
	return root->rb_node ? rightmost(root->rb_node) : NULL;
}
EXPORT_SYMBOL(rb_last);

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right)
		return leftmost(node->rb_right);
	/* Climb while we are a right child: the first left turn is next. */
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}
EXPORT_SYMBOL(rb_next);

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left)
		return rightmost(node->rb_left);
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
EXPORT_SYMBOL(rb_prev);

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	/* Same parent, colour and children; the links point back at @new. */
	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	__rb_change_child(victim, new, parent, root);
}
EXPORT_SYMBOL(rb_replace_node);

/* The first node of @node's subtree in post-order: its deepest-left leaf. */
static struct rb_node *deepest_left(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	/* From a left child, the right sibling's subtree comes first. */
	if (parent && node == parent->rb_left && parent->rb_right)
		return deepest_left(parent->rb_right);
	return parent;
}
EXPORT_SYMBOL(rb_next_postorder);

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? deepest_left(root->rb_node) : NULL;
}
EXPORT_SYMBOL(rb_first_postorder);
