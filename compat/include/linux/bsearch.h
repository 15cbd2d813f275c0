/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bsearch.h - binary search of a sorted array.
 *
 * Follows include/linux/bsearch.h of 6.1: cmp(key, element) returns <0,
 * 0 or >0; the result is a matching element (any of several equal ones)
 * or NULL.  __inline_bsearch() is the inline form, bsearch() the library
 * one (compat/lib/bsearch.c).  The C library's <stdlib.h> declares a
 * bsearch() with the same prototype (and the same probing order), so
 * both headers may share a translation unit, in either order.
 */
#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H

#include <linux/types.h>

static __always_inline
void *__inline_bsearch(const void *key, const void *base, size_t num,
		       size_t size, cmp_func_t cmp)
{
	const char *lo = base;

	/* The candidates are the @num elements from @lo on. */
	while (num) {
		const char *mid = lo + (num / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			/* Keep what lies after @mid. */
			lo = mid + size;
			num -= num / 2 + 1;
		} else {
			num /= 2;
		}
	}
	return NULL;
}

extern void *bsearch(const void *key, const void *base, size_t num,
		     size_t size, cmp_func_t cmp);

#endif /* _LINUX_BSEARCH_H */
