/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/array_size.h - ARRAY_SIZE() (include/linux/array_size.h of 6.1.y,
 * kernel.h's before).
 */
#ifndef _LINUX_ARRAY_SIZE_H
#define _LINUX_ARRAY_SIZE_H

#include <linux/compiler.h>

/* Number of elements of the array @arr; a build error for a pointer. */
#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#endif /* _LINUX_ARRAY_SIZE_H */
