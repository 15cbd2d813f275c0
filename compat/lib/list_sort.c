// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/list_sort.c - list_sort(), a stable merge sort of a list.
 *
 * Behaves as lib/list_sort.c of 6.1 (sorted result, stability, cmp only
 * ever called on two elements of the list, the older one first when the
 * order of equal elements is at stake, no allocation), with our own
 * algorithm: the classic bottom-up merge sort with a binary counter of
 * pending runs, run k holding 2^k elements (or none).  Each element
 * enters as a run of one and carries through the counter as in binary
 * addition; at the end the runs are merged from the smallest up.  While
 * sorting, the list is singly linked through ->next and NULL-terminated;
 * ->prev links and the circular head are rebuilt at the end.
 */
#include <linux/export.h>
#include <linux/list.h>
#include <linux/list_sort.h>

#define MAX_RUNS	(sizeof(size_t) * 8)

/*
 * Merge two sorted NULL-terminated chains; @a holds elements that came
 * before those of @b, so @a wins ties (stability).
 */
static struct list_head *merge(void *priv, list_cmp_func_t cmp,
			       struct list_head *a, struct list_head *b)
{
	struct list_head *first = NULL, **link = &first;

	while (a && b) {
		if (cmp(priv, a, b) <= 0) {
			*link = a;
			a = a->next;
		} else {
			*link = b;
			b = b->next;
		}
		link = &(*link)->next;
	}
	*link = a ? a : b;
	return first;
}

void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
{
	struct list_head *runs[MAX_RUNS] = { NULL };
	struct list_head *list, *sorted = NULL, *prev;
	size_t k, top = 0;

	if (head->next == head->prev)	/* zero or one element */
		return;

	head->prev->next = NULL;
	list = head->next;
	while (list) {
		struct list_head *run = list;

		list = list->next;
		run->next = NULL;
		/* Carry: equal-sized older runs absorb the new one. */
		for (k = 0; runs[k]; k++) {
			run = merge(priv, cmp, runs[k], run);
			runs[k] = NULL;
		}
		runs[k] = run;
		if (k > top)
			top = k;
	}

	/* Smaller runs are newer: each is merged behind the larger ones. */
	for (k = 0; k <= top; k++) {
		if (!runs[k])
			continue;
		sorted = sorted ? merge(priv, cmp, runs[k], sorted) : runs[k];
	}

	/* Back to a circular doubly linked list around @head. */
	prev = head;
	for (list = sorted; list; list = list->next) {
		prev->next = list;
		list->prev = prev;
		prev = list;
	}
	prev->next = head;
	head->prev = prev;
}
EXPORT_SYMBOL(list_sort);
