/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sort.h - in-place array sorting.
 *
 * Follows include/linux/sort.h and lib/sort.c of 6.1: a bottom-up
 * heapsort, O(n log n) in the worst case, no allocation, not stable (equal
 * elements end up in the order the kernel's sort() leaves them).
 * cmp_func returns <0, 0 or >0; a NULL swap_func picks a built-in swap of
 * 8-byte words, 4-byte words or bytes by the element size, as the kernel
 * does on x86.  sort_r() passes @priv to both callbacks.  The
 * implementation is compat/lib/sort.c.
 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

void sort_r(void *base, size_t num, size_t size,
	    cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func,
	    const void *priv);

void sort(void *base, size_t num, size_t size,
	  cmp_func_t cmp_func,
	  swap_func_t swap_func);

#endif /* _LINUX_SORT_H */
