// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/open.c - open(2) of a simulated process, as fs/open.c and
 * fs/namei.c's path walk reduce to for device nodes (6.1):
 *  - "/dev/<name>" is a node devtmpfs made for a registered device with
 *    a devt (drivers/base/devtmpfs.c; -ENOENT when there is none), and
 *    "/dev/char/<major>:<minor>" a node for any number (mknod); the
 *    file opens through def_chr_fops: chrdev_open() finds the cdev
 *    (-ENXIO when the number has none), takes the cdev's fops and calls
 *    their ->open;
 *  - "/proc/..." and "/sys/kernel/debug/..." are procfs/debugfs entries
 *    (compat/fs/proc, compat/fs/debugfs: kshim_pseudo_lookup());
 *  - do_dentry_open(): f_mode from O_ACCMODE (O_RDONLY -> FMODE_READ ...,
 *    3 -> neither), FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE before
 *    ->open (nonseekable_open()/stream_open() clear them), then
 *    FMODE_OPENED, FMODE_CAN_READ/WRITE when the fops can, no
 *    FMODE_LSEEK without ->llseek, O_CREAT/O_EXCL/O_NOCTTY/O_TRUNC
 *    dropped from f_flags, O_NONBLOCK kept (the driver sees it), and
 *    O_DIRECT refused with -EINVAL after the open (->release runs);
 *  - a failing ->open: its error, nothing installed; the descriptor is
 *    the lowest free one (-EMFILE).
 */
#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kshim/boot.h>

#include "fs/internal.h"

/*
 * What a device node's inode opens with before the cdev is known (the
 * part of fs/char_dev.c's def_chr_fops kshim needs): chrdev_open() swaps
 * in the driver's fops.
 */
static const struct file_operations kshim_chr_node_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};

/* The three position rights a file is opened with. */
#define KSHIM_FMODE_POSITIONED	(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE)

int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~KSHIM_FMODE_POSITIONED;
	return 0;
}
EXPORT_SYMBOL(nonseekable_open);

int stream_open(struct inode *inode, struct file *filp)
{
	/* Not seekable, and no position at all (read/write get NULL). */
	filp->f_mode = (filp->f_mode & ~(KSHIM_FMODE_POSITIONED |
					 FMODE_ATOMIC_POS)) | FMODE_STREAM;
	return 0;
}
EXPORT_SYMBOL(stream_open);

int generic_file_open(struct inode *inode, struct file *filp)
{
	/* Without O_LARGEFILE a file must fit a 31-bit off_t. */
	bool fits = i_size_read(inode) <= MAX_NON_LFS;

	return fits || (filp->f_flags & O_LARGEFILE) ? 0 : -EOVERFLOW;
}
EXPORT_SYMBOL(generic_file_open);

/*
 * The modes an opened file gets from its fops: it can read (write) when
 * open for it and the fops have a method; it can seek only with
 * ->llseek (profiles before 2.6.37 fall back to default_llseek()).
 */
static void kshim_settle_modes(struct file *f)
{
	const struct file_operations *fo = f->f_op;
	bool reads = fo->read != NULL || fo->read_iter != NULL;
	bool writes = fo->write != NULL || fo->write_iter != NULL;
	bool old_seek = kshim_linux_version() < KERNEL_VERSION(2, 6, 37);

	f->f_mode |= FMODE_OPENED;
	if (reads && (f->f_mode & FMODE_READ))
		f->f_mode |= FMODE_CAN_READ;
	if (writes && (f->f_mode & FMODE_WRITE))
		f->f_mode |= FMODE_CAN_WRITE;
	if (fo->llseek == NULL && !old_seek)
		f->f_mode &= ~FMODE_LSEEK;
}

/*
 * Open @f on @inode with f->f_op already set (do_dentry_open()): the
 * position rights first (->open may take them away), then ->open, then
 * the modes and flags of an open file.  A failing ->open leaves the file
 * unopened, its f_op dropped; a file that then turns out unusable
 * (O_DIRECT) is open, and the caller's fput() releases it.
 */
static int kshim_file_open(struct file *f, struct inode *inode)
{
	int (*open)(struct inode *, struct file *) = f->f_op->open;
	int err = 0;

	f->f_inode = inode;
	f->f_mode |= KSHIM_FMODE_POSITIONED;
	if (open != NULL)
		err = open(inode, f);
	if (err != 0) {
		/* A positive return is a driver bug; the caller sees -EINVAL. */
		if (WARN_ON_ONCE(err > 0))
			err = -EINVAL;
		fops_put(f->f_op);
		f->f_op = NULL;
		return err;
	}

	kshim_settle_modes(f);
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	f->f_iocb_flags = iocb_flags(f);
	/* Device files cannot do direct I/O (no FMODE_CAN_ODIRECT). */
	return (f->f_flags & O_DIRECT) ? -EINVAL : 0;
}

/* A device node's inode: one per open file, freed with it. */
static struct inode *kshim_chr_inode(dev_t devt, umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (inode != NULL) {
		inode->i_rdev = devt;
		inode->i_mode = S_IFCHR | (mode == 0 ? 0600 : mode & 07777);
		atomic_set(&inode->i_count, 1);
	}
	return inode;
}

/*
 * "/dev/char/<major>:<minor>": a node for a device number, whether or
 * not a device with that devt exists (what mknod(1) makes for a driver
 * that only called register_chrdev(); udev's /dev/char links have this
 * form).  -ENOENT for any other path.
 */
static int kshim_char_path(const char *path, dev_t *devt, umode_t *mode)
{
	unsigned int major, minor;
	int end = 0;

	if (strncmp(path, "/dev/char/", 10) ||
	    sscanf(path + 10, "%u:%u%n", &major, &minor, &end) != 2 ||
	    path[10 + end] != '\0' || major >= 4096 || minor > MINORMASK)
		return -ENOENT;
	*devt = MKDEV(major, minor);
	*mode = 0600;
	return 0;
}

/*
 * Resolve @path to an inode and the fops to open it with: a devtmpfs
 * node under /dev, else a procfs/debugfs entry (whose reference the
 * caller must give back with kshim_pseudo_put() unless ->open ran).
 */
static int kshim_open_resolve(const char *path, int flags,
			      struct inode **inode,
			      const struct file_operations **fops,
			      bool *pseudo)
{
	dev_t devt;
	umode_t mode;
	int err;

	*pseudo = strncmp(path, "/dev/", 5) != 0;
	if (*pseudo)
		return kshim_pseudo_lookup(path, inode, fops);

	err = kshim_char_path(path, &devt, &mode);
	if (err == -ENOENT)
		err = kshim_devnode_lookup(path + 5, &devt, &mode);
	if (err)
		return err;
	/* The name exists, so O_CREAT | O_EXCL fails (fs/namei.c). */
	if ((flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	*inode = kshim_chr_inode(devt, mode);
	if (*inode == NULL)
		return -ENOMEM;
	*fops = &kshim_chr_node_fops;
	return 0;
}

/* Give back what kshim_open_resolve() produced, ->open not having run. */
static void kshim_open_unresolve(struct inode *inode, bool pseudo)
{
	if (pseudo)
		kshim_pseudo_put(inode);
	else
		kfree(inode);
}

int kshim_sys_open(const char *path, int flags)
{
	const struct file_operations *fops;
	struct inode *inode;
	struct file *f;
	bool pseudo;
	int err, fd;

	if (path == NULL)
		return -EFAULT;
	flags &= VALID_OPEN_FLAGS;
	if (path[0] == '\0')
		return -ENOENT;
	/* Nothing kshim opens is a directory, nor can it make a tmpfile. */
	if (flags & (O_DIRECTORY | __O_TMPFILE))
		return -ENOTDIR;

	err = kshim_open_resolve(path, flags, &inode, &fops, &pseudo);
	if (err)
		return err;

	f = kshim_file_alloc(flags);
	if (IS_ERR(f)) {
		kshim_open_unresolve(inode, pseudo);
		return PTR_ERR(f);
	}
	f->f_op = fops_get(fops);
	if (WARN_ON(f->f_op == NULL)) {
		/* The fops' module is going: ->open never ran. */
		kfree(f);
		kshim_open_unresolve(inode, pseudo);
		return -ENODEV;
	}

	err = kshim_file_open(f, inode);
	if (err && (f->f_mode & FMODE_OPENED)) {
		fput(f);		/* opened: ->release runs */
		return err;
	}
	if (err) {
		/* ->open failed and dropped its own references. */
		f->f_inode = NULL;
		kfree(f);
		if (!pseudo)
			kfree(inode);
		return err;
	}

	fd = kshim_fd_install_new(f, flags);
	if (fd < 0)
		fput(f);
	return fd;
}
