/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/timerqueue.h - a queue of timer nodes ordered by expiry.
 *
 * Follows include/linux/timerqueue.h and lib/timerqueue.c of 6.1: an
 * rb_root_cached ordered by @expires (equal expiries in the order they
 * were added), so the earliest node is at hand in O(1);
 * timerqueue_add() and timerqueue_del() return whether the queue's
 * earliest node changed (add: the new node is the earliest; del: the
 * queue is not empty after it).  Out of line in compat/lib/timerqueue.c.
 */
#ifndef _LINUX_TIMERQUEUE_H
#define _LINUX_TIMERQUEUE_H

#include <linux/rbtree.h>
#include <linux/ktime.h>

struct timerqueue_node {
	struct rb_node node;
	ktime_t expires;
};

struct timerqueue_head {
	struct rb_root_cached rb_root;
};

bool timerqueue_add(struct timerqueue_head *head,
		    struct timerqueue_node *node);
bool timerqueue_del(struct timerqueue_head *head,
		    struct timerqueue_node *node);
struct timerqueue_node *timerqueue_iterate_next(struct timerqueue_node *node);

/* The node that expires first, NULL if the queue is empty. */
static inline
struct timerqueue_node *timerqueue_getnext(struct timerqueue_head *head)
{
	struct rb_node *leftmost = rb_first_cached(&head->rb_root);

	return rb_entry_safe(leftmost, struct timerqueue_node, node);
}

static inline void timerqueue_init(struct timerqueue_node *node)
{
	RB_CLEAR_NODE(&node->node);
}

static inline bool timerqueue_node_queued(struct timerqueue_node *node)
{
	return !RB_EMPTY_NODE(&node->node);
}

/* 6.1 returns bool here (the kernel's own oddity, kept). */
static inline bool timerqueue_node_expires(struct timerqueue_node *node)
{
	return node->expires;
}

static inline void timerqueue_init_head(struct timerqueue_head *head)
{
	head->rb_root = RB_ROOT_CACHED;
}

#endif /* _LINUX_TIMERQUEUE_H */
