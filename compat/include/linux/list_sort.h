/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/list_sort.h - stable sorting of a list_head list.
 *
 * Follows include/linux/list_sort.h and lib/list_sort.c of 6.1: a merge
 * sort, O(n log n), no allocation, stable (elements that compare equal
 * keep their order).  cmp(priv, a, b) returns >0 to put @a after @b and
 * <=0 to keep @a before @b; it is only ever called on elements of the
 * list.  The implementation is compat/lib/list_sort.c.
 */
#ifndef _LINUX_LIST_SORT_H
#define _LINUX_LIST_SORT_H

#include <linux/types.h>

struct list_head;

typedef int __attribute__((nonnull(2, 3))) (*list_cmp_func_t)(void *,
		const struct list_head *, const struct list_head *);

__attribute__((nonnull(2, 3)))
void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp);

#endif /* _LINUX_LIST_SORT_H */
