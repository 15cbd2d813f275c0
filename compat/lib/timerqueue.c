// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/timerqueue.c - timer nodes ordered by expiry.
 *
 * Reproduces lib/timerqueue.c of 6.1 (linux/timerqueue.h): an
 * rb_root_cached keyed by the node's expiry, later nodes of an equal
 * expiry after the earlier ones.
 */
#include <linux/bug.h>
#include <linux/rbtree.h>
#include <linux/timerqueue.h>

static bool expires_before(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct timerqueue_node, node)->expires <
	       rb_entry(b, struct timerqueue_node, node)->expires;
}

bool timerqueue_add(struct timerqueue_head *head, struct timerqueue_node *node)
{
	/* A node already queued is a caller's bug, as in the kernel. */
	WARN_ON_ONCE(!RB_EMPTY_NODE(&node->node));
	return rb_add_cached(&node->node, &head->rb_root, expires_before);
}

bool timerqueue_del(struct timerqueue_head *head, struct timerqueue_node *node)
{
	WARN_ON_ONCE(RB_EMPTY_NODE(&node->node));
	rb_erase_cached(&node->node, &head->rb_root);
	RB_CLEAR_NODE(&node->node);
	return !RB_EMPTY_ROOT(&head->rb_root.rb_root);
}

struct timerqueue_node *timerqueue_iterate_next(struct timerqueue_node *node)
{
	struct rb_node *next;

	if (!node)
		return NULL;
	next = rb_next(&node->node);
	return next ? rb_entry(next, struct timerqueue_node, node) : NULL;
}
