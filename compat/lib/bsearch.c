// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/bsearch.c - bsearch(), the library form of
 * __inline_bsearch() (linux/bsearch.h), as lib/bsearch.c of 6.1.
 *
 * The C library exports a bsearch() with the same prototype and the same
 * probing order; a program linked with libkshim uses this one.
 */
#include <linux/bsearch.h>
#include <linux/export.h>

void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      cmp_func_t cmp)
{
	return __inline_bsearch(key, base, num, size, cmp);
}
EXPORT_SYMBOL(bsearch);
