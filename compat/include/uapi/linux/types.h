/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/types.h - the fixed-width and byte-order types of the system
 * call interface (__u32, __le32, __be16, __poll_t...).
 *
 * Follows include/uapi/linux/types.h of 6.x (without its warning for user
 * space: kshim's tests read these headers from user space on purpose).
 * glibc includes <linux/types.h> by name; that finds kshim's linux/types.h,
 * which includes this one.
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#include <asm/types.h>

#ifndef __ASSEMBLY__

#include <linux/posix_types.h>

#ifdef __CHECKER__
#define __bitwise	__attribute__((bitwise))
#else
#define __bitwise
#endif
#define __bitwise__	__bitwise

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;

typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;

#define __aligned_u64	__u64 __attribute__((aligned(8)))
#define __aligned_s64	__s64 __attribute__((aligned(8)))
#define __aligned_be64	__be64 __attribute__((aligned(8)))
#define __aligned_le64	__le64 __attribute__((aligned(8)))

typedef unsigned __bitwise __poll_t;

#endif /* __ASSEMBLY__ */
#endif /* _UAPI_LINUX_TYPES_H */
