/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/fs/debugfs/internal.h - kshim's debugfs nodes (the role of
 * fs/debugfs/internal.h; the layout is kshim's own).
 *
 * kshim-internal.  A node is a dentry, its inode, the driver's
 * file_operations and the proxy an open file calls.
 *  refcnt:    1 in the tree, +1 per lookup (open file, debugfs_lookup());
 *  liveness:  1 while the file is in the tree, +1 for each call in
 *             progress (debugfs_file_get()); removal drops the 1 and
 *             waits on *drained until the calls are done, after which
 *             no call can start (it stays 0).
 */
#ifndef _KSHIM_FS_DEBUGFS_INTERNAL_H
#define _KSHIM_FS_DEBUGFS_INTERNAL_H

#include <linux/atomic.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <kshim/site.h>

struct completion;

struct debugfs_node {
	struct dentry dentry;
	struct inode inode;
	const struct file_operations *real_fops;
	struct file_operations proxy_fops;	/* what an open file calls */
	bool unsafe;				/* _unsafe: no protection */
	bool dead;				/* removed */
	atomic_t refcnt;
	atomic_t liveness;
	struct completion *drained;
	struct list_head subdirs;		/* children */
	struct list_head child;			/* in the parent's subdirs */
	struct list_head all;			/* for the ledger */
	const struct kshim_site *site;
	char *name;
};

static inline struct debugfs_node *DNODE(const struct dentry *d)
{
	return (struct debugfs_node *)((char *)d -
				       offsetof(struct debugfs_node, dentry));
}

static inline struct debugfs_node *INODE_DNODE(const struct inode *i)
{
	return (struct debugfs_node *)((char *)i -
				       offsetof(struct debugfs_node, inode));
}

void debugfs_node_put(struct debugfs_node *n);
void debugfs_node_put_file(struct debugfs_node *n);
void kshim_debugfs_test_end(void);
int kshim_debugfs_lookup(const char *path, struct inode **inode,
			 const struct file_operations **fops);
void kshim_debugfs_init(void);
void kshim_debugfs_test_begin(void);

#endif /* _KSHIM_FS_DEBUGFS_INTERNAL_H */
