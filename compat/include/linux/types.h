/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/types.h - the kernel's basic types on top of the host UAPI ones.
 *
 * Follows include/linux/types.h of 6.x for x86-64, on top of the UAPI
 * types (uapi/linux/types.h: __u8..__u64, __le32, __bitwise...).
 *
 * Kernel code (__KERNEL__, built with -nostdinc) gets the kernel's own
 * definitions of the POSIX and C99 names (pid_t, off_t, int64_t as long
 * long, uint8_t...).  Host code (kshim itself, the tests) shares a
 * translation unit with glibc, whose definitions of those names differ
 * (int64_t is long, loff_t is long): there the C library's are used, with
 * the same sizes and representations.  As the kernel force-includes
 * compiler_types.h and we do not, it is included from here.
 */
#ifndef _KSHIM_LINUX_TYPES_H
#define _KSHIM_LINUX_TYPES_H

#include <uapi/linux/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <linux/compiler_types.h>

typedef __u32			__kernel_dev_t;

#ifdef __KERNEL__
typedef __kernel_fd_set		fd_set;
typedef __kernel_dev_t		dev_t;
typedef __kernel_ulong_t	ino_t;
typedef __kernel_mode_t		mode_t;
typedef __u32			nlink_t;
typedef __kernel_off_t		off_t;
typedef __kernel_pid_t		pid_t;
typedef __kernel_daddr_t	daddr_t;
typedef __kernel_key_t		key_t;
typedef __kernel_suseconds_t	suseconds_t;
typedef __kernel_timer_t	timer_t;
typedef __kernel_clockid_t	clockid_t;
typedef __kernel_mqd_t		mqd_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;
typedef __kernel_uid16_t	uid16_t;
typedef __kernel_gid16_t	gid16_t;
typedef unsigned long		uintptr_t;
typedef __kernel_loff_t		loff_t;
typedef __kernel_size_t		size_t;
typedef __kernel_ssize_t	ssize_t;
typedef __kernel_ptrdiff_t	ptrdiff_t;
typedef __kernel_clock_t	clock_t;
typedef __kernel_caddr_t	caddr_t;

typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;

typedef __u8			u_int8_t;
typedef __s8			int8_t;
typedef __u16			u_int16_t;
typedef __s16			int16_t;
typedef __u32			u_int32_t;
typedef __s32			int32_t;
typedef __u8			uint8_t;
typedef __u16			uint16_t;
typedef __u32			uint32_t;
typedef __u64			uint64_t;
typedef __u64			u_int64_t;
typedef __s64			int64_t;
#else
#include <stdint.h>
#include <sys/types.h>
#ifndef __USE_MISC
/* <sys/types.h> only declares loff_t for _DEFAULT_SOURCE/_GNU_SOURCE. */
typedef __loff_t loff_t;
#endif
/*
 * The one that differs: glibc's dev_t is 64-bit, the kernel's 32.  Host
 * code sees the kernel's, so the structures and prototypes it shares
 * with kernel code (struct inode, alloc_chrdev_region(dev_t *) ...)
 * agree; glibc's own declarations use __dev_t and are not affected.
 */
#define dev_t __kernel_dev_t
#endif /* __KERNEL__ */

#define aligned_u64		__aligned_u64
#define aligned_s64		__aligned_s64
#define aligned_be64		__aligned_be64
#define aligned_le64		__aligned_le64

typedef __u8	u8;
typedef __s8	s8;
typedef __u16	u16;
typedef __s16	s16;
typedef __u32	u32;
typedef __s32	s32;
typedef __u64	u64;
typedef __s64	s64;

typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise slab_flags_t;
typedef unsigned int __bitwise fmode_t;
typedef unsigned short umode_t;

/* A bitmap of @bits bits (BITS_TO_LONGS() is in linux/bitops.h). */
#define DECLARE_BITMAP(name, bits)					\
	unsigned long name[BITS_TO_LONGS(bits)]

typedef u64 sector_t;
#ifdef __KERNEL__
typedef u64 blkcnt_t;		/* glibc's is a signed long */
#endif

typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;
typedef unsigned long pgoff_t;
typedef unsigned long irq_hw_number_t;

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

typedef struct {
	s64 counter;
} atomic64_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

/* The RCU callback record, word aligned as the kernel requires. */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((__aligned__(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

/* sort(), sort_r(), bsearch() (linux/sort.h, linux/bsearch.h). */
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);
typedef void (*swap_func_t)(void *a, void *b, int size);

typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef int (*cmp_func_t)(const void *a, const void *b);

#endif /* _KSHIM_LINUX_TYPES_H */
