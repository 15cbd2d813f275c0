/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/stddef.h - offsetof() and the member-size helpers.
 *
 * Follows include/linux/stddef.h of 6.x, with the UAPI part
 * (__struct_group, __DECLARE_FLEX_ARRAY).  offsetof and NULL are the
 * compiler's, from its freestanding <stddef.h> (kernel code is built with
 * -nostdinc, but the compiler's own headers stay visible, as in kbuild);
 * true and false come from <stdbool.h> rather than the kernel's enum.
 */
#ifndef _KSHIM_LINUX_STDDEF_H
#define _KSHIM_LINUX_STDDEF_H

#include <uapi/linux/stddef.h>
#include <stddef.h>

/* Size of @MEMBER in struct type @TYPE, without an object of that type. */
#define sizeof_field(TYPE, MEMBER)	sizeof((((TYPE *)0)->MEMBER))

/* Offset of the first byte after @MEMBER in @TYPE. */
#define offsetofend(TYPE, MEMBER)					\
	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))

#define struct_group(NAME, MEMBERS...)					\
	__struct_group(/* no tag */, NAME, /* no attrs */, MEMBERS)
#define struct_group_attr(NAME, ATTRS, MEMBERS...)			\
	__struct_group(/* no tag */, NAME, ATTRS, MEMBERS)
#define struct_group_tagged(TAG, NAME, MEMBERS...)			\
	__struct_group(TAG, NAME, /* no attrs */, MEMBERS)

#define DECLARE_FLEX_ARRAY(TYPE, NAME)					\
	__DECLARE_FLEX_ARRAY(TYPE, NAME)

#endif /* _KSHIM_LINUX_STDDEF_H */
