/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/dcache.h - directory entries, as debugfs hands them out.
 *
 * Follows include/linux/dcache.h of 6.1 for the part a driver sees of the
 * struct dentry that debugfs_create_*() return: d_name (a struct qstr),
 * d_parent, d_inode (d_inode()), d_fsdata, and dput() to drop the
 * reference debugfs_lookup() took.  kshim has no dcache: the only dentries
 * are debugfs's (compat/fs/debugfs/).
 */
#ifndef __LINUX_DCACHE_H
#define __LINUX_DCACHE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/stringhash.h>
#include <linux/types.h>

struct inode;

struct qstr {
	union {
		struct {
			u32 hash;	/* little-endian 64-bit: hash, len */
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};

#define QSTR_INIT(n, l) { { { .len = l } }, .name = n }

struct dentry {
	struct dentry *d_parent;	/* parent directory */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL: negative */
	void *d_fsdata;			/* fs-specific data */
};

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

void dput(struct dentry *);
struct dentry *dget(struct dentry *);

/* What the kernel's linux/dcache.h also makes visible. */
#include <asm-generic/getorder.h>
#include <asm-generic/ioctl.h>
#include <asm/current.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/page_types.h>
#include <asm/pgtable_types.h>
#include <asm/preempt.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <linux/bitmap.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/debug_locks.h>
#include <linux/find.h>
#include <linux/gfp_types.h>
#include <linux/irqflags.h>
#include <linux/llist.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/mutex.h>
#include <linux/numa.h>
#include <linux/overflow.h>
#include <linux/percpu-defs.h>
#include <linux/pfn.h>
#include <linux/preempt.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/thread_info.h>
#include <linux/threads.h>
#include <linux/time64.h>
#include <linux/wait.h>
#include <vdso/math64.h>
#include <vdso/time64.h>

#endif /* __LINUX_DCACHE_H */
