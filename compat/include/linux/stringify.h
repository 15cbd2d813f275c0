/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/stringify.h - turn a macro's expansion into a string literal.
 *
 * Follows include/linux/stringify.h: __stringify() expands its arguments
 * first (one extra level of indirection), then __stringify_1() quotes them;
 * commas in the argument list are kept.
 */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define FILE_LINE		__FILE__ ":" __stringify(__LINE__)

/* What the kernel's linux/stringify.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _LINUX_STRINGIFY_H */
