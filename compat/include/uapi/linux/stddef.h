/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/stddef.h - __struct_group() and __DECLARE_FLEX_ARRAY().
 *
 * Follows include/uapi/linux/stddef.h of 6.x.
 */
#ifndef _UAPI_LINUX_STDDEF_H
#define _UAPI_LINUX_STDDEF_H

#include <linux/compiler_types.h>

#ifndef __always_inline
#define __always_inline inline
#endif

/* A named and an anonymous struct with the same members, in one union. */
#define __struct_group(TAG, NAME, ATTRS, MEMBERS...)			\
	union {								\
		struct { MEMBERS } ATTRS;				\
		struct TAG { MEMBERS } ATTRS NAME;			\
	} ATTRS

/* A flexible array that may stand alone in a struct or a union. */
#define __DECLARE_FLEX_ARRAY(TYPE, NAME)				\
	struct {							\
		struct { } __empty_ ## NAME;				\
		TYPE NAME[];						\
	}

#endif /* _UAPI_LINUX_STDDEF_H */
