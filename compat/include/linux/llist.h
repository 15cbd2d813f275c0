/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/llist.h - lock-less NULL-terminated singly linked lists.
 *
 * Follows include/linux/llist.h of 6.1.  Any number of producers may
 * llist_add()/llist_add_batch() concurrently with each other and with
 * llist_del_all(); llist_del_first() is safe against adders but needs a
 * lock (or a single consumer) against other llist_del_first() and
 * llist_del_all() callers, as the kernel documents (ABA).  The __ forms
 * are the non-atomic ones for lists the caller owns.  The list is LIFO:
 * llist_reverse_order() turns a deleted chain into insertion order.
 * The atomic parts are compat/lib/llist.c.
 */
#ifndef LLIST_H
#define LLIST_H

#include <linux/atomic.h>
#include <linux/container_of.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct llist_head {
	struct llist_node *first;
};

struct llist_node {
	struct llist_node *next;
};

#define LLIST_HEAD_INIT(name)	{ NULL }
#define LLIST_HEAD(name)	struct llist_head name = LLIST_HEAD_INIT(name)

static inline void init_llist_head(struct llist_head *list)
{
	list->first = NULL;
}

#define llist_entry(ptr, type, member)	container_of(ptr, type, member)

/*
 * True while @ptr, computed by llist_entry() of a possibly NULL node,
 * stands for a real entry (its @member is not at address 0).
 */
#define member_address_is_nonnull(ptr, member)				\
	((uintptr_t)(ptr) + offsetof(typeof(*(ptr)), member) != 0)

/*
 * llist_entry() for the iterators, which also compute it for the NULL
 * that ends a chain: by integer arithmetic, as NULL minus an offset is
 * what UBSan's pointer-overflow check (on in kshim's sanitizer builds,
 * not in the kernel's UBSAN) reports.  Same type check as container_of().
 */
#define __llist_entry_or_end(ptr, type, member)			\
	({								\
		_Static_assert(__same_type(*(ptr), ((type *)0)->member),\
			       "pointer type mismatch in llist_entry()");\
		(type *)((uintptr_t)(ptr) - offsetof(type, member));	\
	})

/*
 * The iterators walk a chain taken off a list (llist_del_all() ...), not
 * a live list that others add to.
 */
#define llist_for_each(pos, node)					\
	for ((pos) = (node); pos; (pos) = (pos)->next)

#define llist_for_each_safe(pos, n, node)				\
	for ((pos) = (node); (pos) && ((n) = (pos)->next, true); (pos) = (n))

#define llist_for_each_entry(pos, node, member)				\
	for ((pos) = __llist_entry_or_end((node), typeof(*(pos)), member); \
	     member_address_is_nonnull(pos, member);			\
	     (pos) = __llist_entry_or_end((pos)->member.next,		\
					  typeof(*(pos)), member))

#define llist_for_each_entry_safe(pos, n, node, member)			\
	for (pos = __llist_entry_or_end((node), typeof(*pos), member);	\
	     member_address_is_nonnull(pos, member) &&			\
		(n = __llist_entry_or_end(pos->member.next,		\
					  typeof(*n), member), true);	\
	     pos = n)

/* Racy by nature: the answer may be stale when the caller looks at it. */
static inline bool llist_empty(const struct llist_head *head)
{
	return READ_ONCE(head->first) == NULL;
}

static inline struct llist_node *llist_next(struct llist_node *node)
{
	return node->next;
}

/*
 * Add the chain @new_first..@new_last (already linked) at the head;
 * returns true if the list was empty before.
 */
extern bool llist_add_batch(struct llist_node *new_first,
			    struct llist_node *new_last,
			    struct llist_head *head);

static inline bool __llist_add_batch(struct llist_node *new_first,
				     struct llist_node *new_last,
				     struct llist_head *head)
{
	new_last->next = head->first;
	head->first = new_first;
	return new_last->next == NULL;
}

static inline bool llist_add(struct llist_node *new, struct llist_head *head)
{
	return llist_add_batch(new, new, head);
}

static inline bool __llist_add(struct llist_node *new, struct llist_head *head)
{
	return __llist_add_batch(new, new, head);
}

/* Take the whole chain, newest first; the list is left empty. */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return xchg(&head->first, NULL);
}

static inline struct llist_node *__llist_del_all(struct llist_head *head)
{
	struct llist_node *first = head->first;

	head->first = NULL;
	return first;
}

/* Take the newest node, or NULL if the list is empty. */
extern struct llist_node *llist_del_first(struct llist_head *head);

/* Reverse a chain in place; returns its new first node. */
struct llist_node *llist_reverse_order(struct llist_node *head);

/* What the kernel's linux/llist.h also makes visible. */
#include <asm/barrier.h>
#include <linux/err.h>

#endif /* LLIST_H */
