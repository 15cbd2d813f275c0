/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/err.h - error codes carried inside pointer values.
 *
 * Follows include/linux/err.h of 6.x: the top MAX_ERRNO addresses of the
 * address space are never valid objects, so a pointer in
 * [-MAX_ERRNO, -1] encodes the negative errno it equals.  The helpers are
 * __must_check where the kernel's are.
 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>

#define MAX_ERRNO	4095

/* Is the (unsigned long-convertible) value @x an encoded error? */
#define IS_ERR_VALUE(x)							\
	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void * __must_check ERR_PTR(long error)
{
	return (void *)error;
}

static inline long __must_check PTR_ERR(__force const void *ptr)
{
	return (long)ptr;
}

static inline bool __must_check IS_ERR(__force const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/* Pass an error pointer on as a pointer to another type. */
static inline void * __must_check ERR_CAST(__force const void *ptr)
{
	return (void *)ptr;
}

/* The errno in @ptr, or 0 when @ptr is a valid (or NULL) pointer. */
static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	if (IS_ERR(ptr))
		return (int)PTR_ERR(ptr);
	return 0;
}

#endif /* _LINUX_ERR_H */
