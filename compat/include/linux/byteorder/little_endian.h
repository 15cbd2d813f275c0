/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/byteorder/little_endian.h - the UAPI little-endian conversions
 * plus the kernel's names for them (linux/byteorder/generic.h).
 *
 * Follows include/linux/byteorder/little_endian.h of 6.x.
 */
#ifndef _LINUX_BYTEORDER_LITTLE_ENDIAN_H
#define _LINUX_BYTEORDER_LITTLE_ENDIAN_H

#include <uapi/linux/byteorder/little_endian.h>

#ifdef CONFIG_CPU_BIG_ENDIAN
#error "kshim is little-endian (x86-64): CONFIG_CPU_BIG_ENDIAN is not set"
#endif

#include <linux/byteorder/generic.h>

#endif /* _LINUX_BYTEORDER_LITTLE_ENDIAN_H */
