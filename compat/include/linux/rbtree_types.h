/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rbtree_types.h - the red-black tree node and roots.
 *
 * Follows include/linux/rbtree_types.h (6.x): a node keeps its parent
 * pointer and its colour in one word, __rb_parent_color, the colour in
 * bit 0 (0 red, 1 black); nodes are therefore at least 4-byte aligned.
 * Drivers and the rb_*() macros read that word directly, so its layout is
 * the kernel's.  rb_root_cached adds the leftmost node, for O(1)
 * rb_first_cached().
 */
#ifndef _LINUX_RBTREE_TYPES_H
#define _LINUX_RBTREE_TYPES_H

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT		(struct rb_root) { NULL, }
#define RB_ROOT_CACHED	(struct rb_root_cached) { { NULL, }, NULL }

/* What the kernel's linux/rbtree_types.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_RBTREE_TYPES_H */
