// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/llist.c - the atomic parts of lock-less lists.
 *
 * Behaves as lib/llist.c of 6.1: adding is a compare-and-exchange loop on
 * the head, so any number of producers need no lock; llist_del_first()
 * is one too and, as in the kernel, must not race with another deleter.
 * Every access to the head is an atomic (so ThreadSanitizer sees no
 * race); under valgrind the loads of the head go through the same
 * per-address serialization as the exchanges (asm/cmpxchg.h), so helgrind
 * sees a producer's writes to its node happen before the consumer reads
 * them.
 */
#include <linux/export.h>
#include <linux/llist.h>

static struct llist_node *load_first(struct llist_head *head)
{
	return __kshim_cmpxchg_hg(&head->first,
		__atomic_load_n(&head->first, __ATOMIC_ACQUIRE));
}

bool llist_add_batch(struct llist_node *new_first, struct llist_node *new_last,
		     struct llist_head *head)
{
	struct llist_node *first = load_first(head);

	do {
		/* Our chain is private until the exchange publishes it. */
		new_last->next = first;
	} while (!try_cmpxchg(&head->first, &first, new_first));
	return first == NULL;
}
EXPORT_SYMBOL_GPL(llist_add_batch);

struct llist_node *llist_del_first(struct llist_head *head)
{
	struct llist_node *entry = load_first(head);
	struct llist_node *next;

	do {
		if (!entry)
			return NULL;
		next = READ_ONCE(entry->next);
	} while (!try_cmpxchg(&head->first, &entry, next));
	return entry;
}
EXPORT_SYMBOL_GPL(llist_del_first);

struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *reversed = NULL;

	while (head) {
		struct llist_node *node = head;

		head = node->next;
		node->next = reversed;
		reversed = node;
	}
	return reversed;
}
EXPORT_SYMBOL_GPL(llist_reverse_order);
