/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/types.h - the kernel's basic types on top of the host UAPI ones.
 *
 * Follows include/linux/types.h of 6.x for x86-64.  The host UAPI header
 * (linux-libc-dev) comes first: it provides __u8..__u64, __le32, __bitwise
 * and friends, and other host headers include <linux/types.h> by name.  It
 * uses the guard _LINUX_TYPES_H, hence the different guard here.  Types
 * that glibc also defines (size_t, ssize_t, loff_t, uintptr_t...) are
 * taken from glibc so that kernel and libc headers can share a translation
 * unit; note that glibc's loff_t is long where the kernel's is long long
 * (same size and representation).  As the kernel force-includes
 * compiler_types.h and we do not, it is included from here.
 */
#ifndef _KSHIM_LINUX_TYPES_H
#define _KSHIM_LINUX_TYPES_H

#include_next <linux/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/compiler_types.h>

#ifndef __USE_MISC
/* <sys/types.h> only declares loff_t for _DEFAULT_SOURCE/_GNU_SOURCE. */
typedef __loff_t loff_t;
#endif

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

typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;
typedef unsigned long pgoff_t;
typedef unsigned long irq_hw_number_t;

typedef struct {
	int counter;
} atomic_t;

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

#endif /* _KSHIM_LINUX_TYPES_H */
