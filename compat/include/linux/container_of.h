/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/container_of.h - from a member's address to its structure.
 *
 * Follows include/linux/container_of.h of 6.1 (kernel.h's before 5.16).
 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/stddef.h>

#define typeof_member(T, m)	typeof(((T *)0)->m)

/*
 * The structure of type @type whose member @member is at @ptr.  @ptr must
 * point to the member's type (or be a void pointer); anything else is a
 * build error.
 */
#define __kshim_container_of(ptr, type, member, mp)			\
({									\
	void *mp = (void *)(ptr);					\
									\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)((char *)mp - offsetof(type, member)));		\
})
#define container_of(ptr, type, member)					\
	__kshim_container_of(ptr, type, member, __UNIQUE_ID(mptr_))

#endif /* _LINUX_CONTAINER_OF_H */
