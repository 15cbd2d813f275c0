// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/debugfs/inode.c - the debugfs tree and the proxy file
 * operations (the behaviour of fs/debugfs/inode.c and the proxies of
 * fs/debugfs/file.c of 6.1, written for kshim).
 *
 * Creation returns a dentry or an ERR_PTR, never NULL: an ERR_PTR parent
 * comes back as it is, a name that exists is pr_err "debugfs: File '%s'
 * in directory '%s' already present!" (or "Directory '%s' with parent
 * '%s' already present!") and -EEXIST; the root directory's name is "/".
 * debugfs_remove() takes the whole subtree out, children first; each
 * file waits for the calls in progress through its proxy (or between
 * debugfs_file_get() and _put()), then every later call on a file still
 * open is -EIO (poll: EPOLLHUP), and its ->release still comes at close.
 * An open file of debugfs_create_file() calls the driver's llseek, read,
 * write, poll and unlocked_ioctl through the "full proxy" (as 6.1: no
 * mmap); debugfs_create_file_unsafe()'s forwards every operation
 * unprotected (the kernel replaces f_op by the driver's).
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <kshim/ledger.h>

#include "fs/debugfs/internal.h"
#include "kshim/internal.h"

#define MAX_LEAK_LINES	16

/*
 * debugfs_lock guards the tree (subdirs/child links, dead), the ledger
 * list and count and the graveyard; never held while driver code runs.
 */
static pthread_mutex_t debugfs_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(debugfs_all);
static long nr_entries;

static char debugfs_root_name[] = "/";
static struct debugfs_node debugfs_root = {
	.dentry = {
		.d_name = { .name = (const unsigned char *)debugfs_root_name },
	},
	.inode = { .i_mode = S_IFDIR | S_IRWXU | S_IRUGO | S_IXUGO },
	.subdirs = LIST_HEAD_INIT(debugfs_root.subdirs),
	.name = debugfs_root_name,
};

static struct dentry *root_dentry(void)
{
	struct dentry *d = &debugfs_root.dentry;

	d->d_parent = d;
	d->d_inode = &debugfs_root.inode;
	return d;
}

bool debugfs_initialized(void)
{
	return true;
}
EXPORT_SYMBOL_GPL(debugfs_initialized);

/* The child of @dir named by the @len characters at @name (locked). */
static struct debugfs_node *dbg_child(struct debugfs_node *dir,
				      const char *name, size_t len)
{
	struct debugfs_node *c;

	list_for_each_entry(c, &dir->subdirs, child)
		if (strncmp(c->name, name, len) == 0 && c->name[len] == '\0')
			return c;
	return NULL;
}

static struct debugfs_node *dbg_first_child(struct debugfs_node *dir)
{
	if (list_empty(&dir->subdirs))
		return NULL;
	return list_first_entry(&dir->subdirs, struct debugfs_node, child);
}

static void dbg_node_free(struct debugfs_node *n)
{
	kfree(n->name);
	kfree(n);
}

void debugfs_node_put(struct debugfs_node *n)
{
	if (atomic_dec_and_test(&n->refcnt))
		dbg_node_free(n);
}

/* A file's reference (see pde_put_file()): the last waits for test end. */
static LIST_HEAD(debugfs_graveyard);	/* under debugfs_lock */

void debugfs_node_put_file(struct debugfs_node *n)
{
	if (!atomic_dec_and_test(&n->refcnt))
		return;
	pthread_mutex_lock(&debugfs_lock);
	list_add_tail(&n->all, &debugfs_graveyard);
	pthread_mutex_unlock(&debugfs_lock);
}

void kshim_debugfs_test_end(void)
{
	struct debugfs_node *n, *tmp;
	LIST_HEAD(parked);

	pthread_mutex_lock(&debugfs_lock);
	list_splice_init(&debugfs_graveyard, &parked);
	pthread_mutex_unlock(&debugfs_lock);
	list_for_each_entry_safe(n, tmp, &parked, all)
		dbg_node_free(n);
}

void dput(struct dentry *dentry)
{
	if (dentry && dentry != &debugfs_root.dentry)
		debugfs_node_put(DNODE(dentry));
}
EXPORT_SYMBOL(dput);

struct dentry *dget(struct dentry *dentry)
{
	if (dentry && dentry != &debugfs_root.dentry)
		atomic_inc(&DNODE(dentry)->refcnt);
	return dentry;
}
EXPORT_SYMBOL(dget);

/* ---- the proxies ---- */

static struct debugfs_node *file_node(const struct file *file)
{
	return INODE_DNODE(file_inode(file));
}

/* A call may start only while the file's liveness is not 0. */
int debugfs_file_get(struct dentry *dentry)
{
	struct debugfs_node *n = DNODE(dentry);

	if (WARN_ON(!S_ISREG(n->inode.i_mode)))
		return -EINVAL;
	return atomic_inc_not_zero(&n->liveness) ? 0 : -EIO;
}
EXPORT_SYMBOL_GPL(debugfs_file_get);

void debugfs_file_put(struct dentry *dentry)
{
	struct debugfs_node *n = DNODE(dentry);

	/* the last call of a removed file lets debugfs_remove() go on */
	if (atomic_dec_and_test(&n->liveness))
		complete(n->drained);
}
EXPORT_SYMBOL_GPL(debugfs_file_put);

const struct file_operations *debugfs_real_fops(const struct file *filp)
{
	return file_node(filp)->real_fops;
}
EXPORT_SYMBOL_GPL(debugfs_real_fops);

static int proxy_open(struct inode *inode, struct file *filp)
{
	struct debugfs_node *n = INODE_DNODE(inode);
	int r = 0;

	/*
	 * The proxy has no owner: the open holds the real fops' module, as
	 * full_proxy_open()'s fops_get(real_fops) does, until ->release.
	 */
	if (!fops_get(n->real_fops)) {
		WARN(1, "debugfs file owner did not clean up at exit: %s",
		     n->dentry.d_name.name);
		r = -ENXIO;
		goto out;
	}
	if (n->unsafe) {
		if (debugfs_file_get(&n->dentry)) {
			r = -ENOENT;
			goto out;
		}
		if (n->real_fops->open)
			r = n->real_fops->open(inode, filp);
		debugfs_file_put(&n->dentry);
		goto out;
	}
	r = debugfs_file_get(&n->dentry);
	if (r) {
		r = r == -EIO ? -ENOENT : r;
		goto out;
	}
	if (n->real_fops->open)
		r = n->real_fops->open(inode, filp);
	debugfs_file_put(&n->dentry);
out:
	/* A failed open never reaches ->release: drop the lookup's ref. */
	if (r) {
		if (r != -ENXIO)
			fops_put(n->real_fops);
		debugfs_node_put_file(n);
	}
	return r;
}

static const struct file_operations debugfs_released_fops;

static int proxy_release(struct inode *inode, struct file *filp)
{
	struct debugfs_node *n = INODE_DNODE(inode);
	int r = 0;

	if (n->real_fops->release)
		r = n->real_fops->release(inode, filp);
	/* The proxy may go with the node: the file keeps a static one
	 * (full_proxy_release()'s replace_fops()). */
	filp->f_op = &debugfs_released_fops;
	fops_put(n->real_fops);
	debugfs_node_put_file(n);
	return r;
}

#define PROXY_GET(n, err)						\
	do {								\
		if (!(n)->unsafe && debugfs_file_get(&(n)->dentry))	\
			return err;					\
	} while (0)
#define PROXY_PUT(n)							\
	do {								\
		if (!(n)->unsafe)					\
			debugfs_file_put(&(n)->dentry);			\
	} while (0)

static loff_t proxy_llseek(struct file *filp, loff_t offset, int whence)
{
	struct debugfs_node *n = file_node(filp);
	loff_t r;

	PROXY_GET(n, -EIO);
	r = n->real_fops->llseek(filp, offset, whence);
	PROXY_PUT(n);
	return r;
}

static ssize_t proxy_read(struct file *filp, char __user *buf, size_t size,
			  loff_t *ppos)
{
	struct debugfs_node *n = file_node(filp);
	ssize_t r;

	PROXY_GET(n, -EIO);
	r = n->real_fops->read(filp, buf, size, ppos);
	PROXY_PUT(n);
	return r;
}

static ssize_t proxy_write(struct file *filp, const char __user *buf,
			   size_t size, loff_t *ppos)
{
	struct debugfs_node *n = file_node(filp);
	ssize_t r;

	PROXY_GET(n, -EIO);
	r = n->real_fops->write(filp, buf, size, ppos);
	PROXY_PUT(n);
	return r;
}

static ssize_t proxy_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	return file_node(iocb->ki_filp)->real_fops->read_iter(iocb, iter);
}

static ssize_t proxy_write_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	return file_node(iocb->ki_filp)->real_fops->write_iter(iocb, iter);
}

static __poll_t proxy_poll(struct file *filp, struct poll_table_struct *wait)
{
	struct debugfs_node *n = file_node(filp);
	__poll_t r;

	PROXY_GET(n, EPOLLHUP);
	r = n->real_fops->poll(filp, wait);
	PROXY_PUT(n);
	return r;
}

static long proxy_unlocked_ioctl(struct file *filp, unsigned int cmd,
				 unsigned long arg)
{
	struct debugfs_node *n = file_node(filp);
	long r;

	PROXY_GET(n, -EIO);
	r = n->real_fops->unlocked_ioctl(filp, cmd, arg);
	PROXY_PUT(n);
	return r;
}

static int proxy_mmap(struct file *filp, struct vm_area_struct *vma)
{
	return file_node(filp)->real_fops->mmap(filp, vma);
}

static int proxy_flush(struct file *filp, fl_owner_t id)
{
	return file_node(filp)->real_fops->flush(filp, id);
}

static int proxy_fasync(int fd, struct file *filp, int on)
{
	return file_node(filp)->real_fops->fasync(fd, filp, on);
}

static void proxy_fops_init(struct debugfs_node *n)
{
	const struct file_operations *real = n->real_fops;
	struct file_operations *p = &n->proxy_fops;

	p->owner = NULL;
	p->open = proxy_open;
	p->release = proxy_release;
	if (real->llseek)
		p->llseek = proxy_llseek;
	if (real->read)
		p->read = proxy_read;
	if (real->write)
		p->write = proxy_write;
	if (real->poll)
		p->poll = proxy_poll;
	if (real->unlocked_ioctl)
		p->unlocked_ioctl = proxy_unlocked_ioctl;
	if (!n->unsafe)
		return;
	/* _unsafe: the kernel's file has the driver's own f_op. */
	if (real->read_iter)
		p->read_iter = proxy_read_iter;
	if (real->write_iter)
		p->write_iter = proxy_write_iter;
	if (real->mmap)
		p->mmap = proxy_mmap;
	if (real->flush)
		p->flush = proxy_flush;
	if (real->fasync)
		p->fasync = proxy_fasync;
}

/* ---- creating ---- */

static struct debugfs_node *parent_node(struct dentry *parent)
{
	return parent ? DNODE(parent) : &debugfs_root;
}

/* A new node under @parent (ERR_PTR: as the kernel's start_creating()). */
static struct dentry *debugfs_create_node(const char *name, umode_t mode,
					  struct dentry *parent,
					  const struct kshim_site *site)
{
	struct debugfs_node *dir, *n, *old;

	if (IS_ERR(parent))
		return parent;
	root_dentry();
	dir = parent_node(parent);

	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return ERR_PTR(-ENOMEM);
	n->name = kstrdup(name, GFP_KERNEL);
	if (!n->name) {
		kfree(n);
		return ERR_PTR(-ENOMEM);
	}
	n->site = site;
	INIT_LIST_HEAD(&n->subdirs);
	INIT_LIST_HEAD(&n->child);
	INIT_LIST_HEAD(&n->all);
	atomic_set(&n->refcnt, 1);
	atomic_set(&n->liveness, 1);
	n->inode.i_mode = mode;
	atomic_set(&n->inode.i_count, 1);
	n->dentry.d_name.name = (const unsigned char *)n->name;
	n->dentry.d_name.len = strlen(n->name);
	n->dentry.d_parent = &dir->dentry;
	n->dentry.d_inode = &n->inode;

	pthread_mutex_lock(&debugfs_lock);
	if (dir->dead) {
		pthread_mutex_unlock(&debugfs_lock);
		debugfs_node_put(n);
		return ERR_PTR(-ENOENT);
	}
	old = dbg_child(dir, name, strlen(name));
	if (old) {
		bool isdir = S_ISDIR(old->inode.i_mode);

		pthread_mutex_unlock(&debugfs_lock);
		if (isdir)
			pr_err("debugfs: Directory '%s' with parent '%s' already present!\n",
			       name, dir->name);
		else
			pr_err("debugfs: File '%s' in directory '%s' already present!\n",
			       name, dir->name);
		debugfs_node_put(n);
		return ERR_PTR(-EEXIST);
	}
	list_add_tail(&n->child, &dir->subdirs);
	list_add_tail(&n->all, &debugfs_all);
	nr_entries++;
	pthread_mutex_unlock(&debugfs_lock);
	return &n->dentry;
}

struct dentry *__kshim_debugfs_create_file(const char *name, umode_t mode,
		struct dentry *parent, void *data,
		const struct file_operations *fops, bool unsafe,
		const struct kshim_site *site)
{
	static const struct file_operations noop_fops;
	struct debugfs_node *n;
	struct dentry *d;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	BUG_ON(!S_ISREG(mode));
	if (IS_ERR(parent))
		return parent;
	/* Set up before it is visible to a concurrent open. */
	n = NULL;
	d = debugfs_create_node(name, mode, parent, site);
	if (IS_ERR(d))
		return d;
	n = DNODE(d);
	pthread_mutex_lock(&debugfs_lock);
	n->inode.i_private = data;
	n->real_fops = fops ? fops : &noop_fops;
	n->unsafe = unsafe;
	proxy_fops_init(n);
	pthread_mutex_unlock(&debugfs_lock);
	return d;
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_create_file);

void debugfs_create_file_size(const char *name, umode_t mode,
			      struct dentry *parent, void *data,
			      const struct file_operations *fops,
			      loff_t file_size)
{
	struct dentry *de = __kshim_debugfs_create_file(name, mode, parent,
							data, fops, false,
							NULL);

	if (!IS_ERR(de))
		d_inode(de)->i_size = file_size;
}
EXPORT_SYMBOL_GPL(debugfs_create_file_size);

struct dentry *__kshim_debugfs_create_dir(const char *name,
					  struct dentry *parent,
					  const struct kshim_site *site)
{
	return debugfs_create_node(name, S_IFDIR | S_IRWXU | S_IRUGO | S_IXUGO,
				   parent, site);
}
EXPORT_SYMBOL_GPL(__kshim_debugfs_create_dir);

#undef debugfs_create_file
#undef debugfs_create_file_unsafe
#undef debugfs_create_dir

struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops)
{
	return __kshim_debugfs_create_file(name, mode, parent, data, fops,
					   false, NULL);
}
EXPORT_SYMBOL_GPL(debugfs_create_file);

struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops)
{
	return __kshim_debugfs_create_file(name, mode, parent, data, fops,
					   true, NULL);
}
EXPORT_SYMBOL_GPL(debugfs_create_file_unsafe);

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	return __kshim_debugfs_create_dir(name, parent, NULL);
}
EXPORT_SYMBOL_GPL(debugfs_create_dir);

/* ---- removing ---- */

/* Take @n out of the tree and the ledger (under debugfs_lock). */
static void dbg_unlink(struct debugfs_node *n)
{
	list_del_init(&n->child);
	list_del_init(&n->all);
	n->dead = true;
	nr_entries--;
}

/*
 * A removed file: drop its liveness and wait for the calls in progress
 * to finish; none can start afterwards (-EIO).
 */
static void dbg_wait_idle(struct debugfs_node *n)
{
	DECLARE_COMPLETION_ONSTACK(idle);

	if (!S_ISREG(n->inode.i_mode))
		return;
	n->drained = &idle;
	if (!atomic_dec_and_test(&n->liveness))
		wait_for_completion(&idle);
}

void debugfs_remove(struct dentry *dentry)
{
	struct debugfs_node *top, *cur, *child, *up;
	bool gone;

	if (IS_ERR_OR_NULL(dentry) || dentry == &debugfs_root.dentry)
		return;
	top = DNODE(dentry);

	pthread_mutex_lock(&debugfs_lock);
	gone = top->dead;
	if (!gone)
		dbg_unlink(top);
	pthread_mutex_unlock(&debugfs_lock);
	if (gone)
		return;

	/*
	 * Children before their directory: descend through first children
	 * (unlinking them) to one without any, finish it, continue from
	 * its directory; @top is the last one.
	 */
	for (cur = top; cur; cur = up) {
		pthread_mutex_lock(&debugfs_lock);
		while ((child = dbg_first_child(cur))) {
			dbg_unlink(child);
			cur = child;
		}
		pthread_mutex_unlock(&debugfs_lock);
		up = cur == top ? NULL : DNODE(cur->dentry.d_parent);
		dbg_wait_idle(cur);
		debugfs_node_put(cur);
	}
}
EXPORT_SYMBOL_GPL(debugfs_remove);

struct dentry *debugfs_lookup(const char *name, struct dentry *parent)
{
	struct debugfs_node *found;

	if (!name || IS_ERR(parent))
		return NULL;
	root_dentry();
	pthread_mutex_lock(&debugfs_lock);
	found = dbg_child(parent_node(parent), name, strlen(name));
	if (found)
		atomic_inc(&found->refcnt);	/* the caller's dput() */
	pthread_mutex_unlock(&debugfs_lock);
	return found ? &found->dentry : NULL;
}
EXPORT_SYMBOL_GPL(debugfs_lookup);

void debugfs_lookup_and_remove(const char *name, struct dentry *parent)
{
	struct dentry *dentry = debugfs_lookup(name, parent);

	if (!dentry)
		return;
	debugfs_remove(dentry);
	dput(dentry);
}
EXPORT_SYMBOL_GPL(debugfs_lookup_and_remove);

/* ---- opening "/sys/kernel/debug/<path>" ---- */

int kshim_debugfs_lookup(const char *path, struct inode **inode,
			 const struct file_operations **fops)
{
	struct debugfs_node *n = &debugfs_root;
	int err = 0;

	pthread_mutex_lock(&debugfs_lock);
	for (;;) {
		size_t len;

		path += strspn(path, "/");
		if (!*path)
			break;
		len = strcspn(path, "/");
		n = dbg_child(n, path, len);
		if (!n) {
			err = -ENOENT;
			break;
		}
		path += len;
	}
	if (!err && !S_ISREG(n->inode.i_mode))
		err = -EISDIR;
	if (!err)
		atomic_inc(&n->refcnt);	/* the file's reference */
	pthread_mutex_unlock(&debugfs_lock);
	if (err)
		return err;

	*inode = &n->inode;
	*fops = &n->proxy_fops;
	return 0;
}

/* ---- the ledger ---- */

static long ledger_debugfs_entries(void *arg)
{
	long n;

	pthread_mutex_lock(&debugfs_lock);
	n = nr_entries;
	pthread_mutex_unlock(&debugfs_lock);
	return n;
}

static void explain_debugfs_entries(void *arg)
{
	struct debugfs_node *n;
	unsigned long i = 0;

	pthread_mutex_lock(&debugfs_lock);
	list_for_each_entry(n, &debugfs_all, all) {
		const struct kshim_site *s = n->site;

		if (i++ < MAX_LEAK_LINES)
			printk(KERN_ERR "kshim: debugfs %s '%s' created at %s:%d (%s) was never removed\n",
			       S_ISDIR(n->inode.i_mode) ? "directory" : "file",
			       n->name, kshim_site_file(s),
			       kshim_site_line(s), kshim_site_func(s));
	}
	pthread_mutex_unlock(&debugfs_lock);
	if (i > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more debugfs entries\n",
		       i - MAX_LEAK_LINES);
}

void kshim_debugfs_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	kshim_ledger_add("debugfs entries", ledger_debugfs_entries,
			 explain_debugfs_entries, NULL);
}

/* What the test before left is forgotten (not freed). */
void kshim_debugfs_test_begin(void)
{
	pthread_mutex_lock(&debugfs_lock);
	INIT_LIST_HEAD(&debugfs_root.subdirs);
	INIT_LIST_HEAD(&debugfs_all);
	INIT_LIST_HEAD(&debugfs_graveyard);
	nr_entries = 0;
	pthread_mutex_unlock(&debugfs_lock);
}
