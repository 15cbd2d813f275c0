// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/proc/root.c - where a simulated process finds /proc and
 * /sys/kernel/debug (the mounts of fs/proc/root.c and fs/debugfs/inode.c).
 *
 * kshim_sys_open() (compat/fs/open.c) asks here for "/proc/<path>" and
 * "/sys/kernel/debug/<path>": the entry's inode and the file_operations
 * its file is opened with, holding a reference the file's ->release (or
 * a failed ->open, or kshim_pseudo_put()) drops.
 */
#include <errno.h>
#include <string.h>

#include <linux/fs.h>

#include "fs/internal.h"
#include "fs/debugfs/internal.h"
#include "fs/proc/internal.h"

static void proc_inode_put(struct inode *inode)
{
	pde_put_file(PDE(inode));
}

static void debugfs_inode_put(struct inode *inode)
{
	debugfs_node_put_file(INODE_DNODE(inode));
}

static const char *after_prefix(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n))
		return NULL;
	if (path[n] != '/' && path[n] != '\0')
		return NULL;
	return path + n;
}

int kshim_pseudo_lookup(const char *path, struct inode **inode,
			const struct file_operations **fops)
{
	const char *rest;
	int err;

	if ((rest = after_prefix(path, "/proc"))) {
		err = kshim_proc_lookup(rest, inode, fops);
		if (!err)
			(*inode)->kshim_put = proc_inode_put;
		return err;
	}
	if ((rest = after_prefix(path, "/sys/kernel/debug"))) {
		err = kshim_debugfs_lookup(rest, inode, fops);
		if (!err)
			(*inode)->kshim_put = debugfs_inode_put;
		return err;
	}
	return -ENOENT;
}

void kshim_pseudo_put(struct inode *inode)
{
	if (inode && inode->kshim_put)
		inode->kshim_put(inode);
}
