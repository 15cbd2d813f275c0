// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/proc/generic.c - the /proc tree (the behaviour of
 * fs/proc/generic.c of 6.1, written for kshim).
 *
 * Entries form a tree under proc_root ("/proc"); each directory keeps
 * its children in a plain list (the kernel's rbtree only orders them,
 * which no driver sees).  The kernel's WARNs and return values, reported
 * at the caller's line:
 *  - a path through a directory that does not exist: "name '%s'" and
 *    NULL (remove_proc_subtree(): -ENOENT; a missing last component is
 *    -ENOENT without a WARN there);
 *  - a last component of length 0 or >= 256, "." or "..": "name len %u",
 *    "name '.'", "name '..'"; a number directly under /proc: "create
 *    '/proc/%s' by hand"; all NULL;
 *  - a name that exists: "proc_dir_entry '%s/%s' already registered"
 *    and NULL;
 *  - removing a missing name: "name '%s'"; removing a directory that
 *    still has entries: "remove_proc_entry: removing non-empty directory
 *    '%s/%s', leaking at least '%s'" (the children stay registered, and
 *    stay on the ledger, unreachable); removing a permanent entry:
 *    "removing permanent /proc entry ...".
 *
 * kshim keeps every entry created during a test on the ledger ("proc
 * entries"): one still registered at its end is reported with the line
 * that created it, and forgotten before the next test.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <kshim/ledger.h>

#include "fs/internal.h"
#include "fs/proc/internal.h"
#include "kshim/internal.h"

#define MAX_LEAK_LINES	16
#define PROC_NAME_MAX	255

/*
 * proc_tree_lock guards the tree (children/sibling/parent links), the
 * live list and its count, and the graveyard.  Never held while a
 * driver's code or a WARN runs.
 */
static pthread_mutex_t proc_tree_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(proc_live);		/* every registered entry but the root */
static long proc_live_count;
/* Entries whose last reference was an open file; freed at test end. */
static LIST_HEAD(proc_graveyard);

static char proc_root_name[] = "/proc";

static struct proc_dir_entry proc_root = {
	.mode = S_IFDIR | S_IRUGO | S_IXUGO,
	.name = proc_root_name,
	.children = LIST_HEAD_INIT(proc_root.children),
	.gate = {
		.lock = PTHREAD_MUTEX_INITIALIZER,
		.files = LIST_HEAD_INIT(proc_root.gate.files),
	},
	.flags = PROC_ENTRY_PERMANENT,
};

#define warn_at(site, fmt, ...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt, ##__VA_ARGS__)

static void tree_lock(void)
{
	pthread_mutex_lock(&proc_tree_lock);
}

static void tree_unlock(void)
{
	pthread_mutex_unlock(&proc_tree_lock);
}

/* ------------------------------------------------------------------ */
/* Looking things up (all under proc_tree_lock)                        */
/* ------------------------------------------------------------------ */

/* The child of @dir whose name is the @len characters at @name. */
static struct proc_dir_entry *proc_child(struct proc_dir_entry *dir,
					 const char *name, size_t len)
{
	struct proc_dir_entry *c;

	list_for_each_entry(c, &dir->children, sibling)
		if (strncmp(c->name, name, len) == 0 && c->name[len] == '\0')
			return c;
	return NULL;
}

static struct proc_dir_entry *proc_first_child(struct proc_dir_entry *dir)
{
	if (list_empty(&dir->children))
		return NULL;
	return list_first_entry(&dir->children, struct proc_dir_entry,
				sibling);
}

/*
 * Walk the directories of @path ("tty/driver/serial") from @base (NULL:
 * /proc): returns the directory that holds the last component (here
 * tty/driver) and points *@leaf at that component ("serial"); NULL when a
 * directory on the way is missing.
 */
static struct proc_dir_entry *proc_walk(struct proc_dir_entry *base,
					const char *path, const char **leaf)
{
	struct proc_dir_entry *dir = base ? base : &proc_root;
	const char *slash;

	while ((slash = strchr(path, '/'))) {
		dir = proc_child(dir, path, slash - path);
		if (!dir)
			return NULL;
		path = slash + 1;
	}
	*leaf = path;
	return dir;
}

/* ------------------------------------------------------------------ */
/* References                                                          */
/* ------------------------------------------------------------------ */

void pde_get(struct proc_dir_entry *pde)
{
	atomic_inc(&pde->refs);
}

static void proc_entry_free(struct proc_dir_entry *de)
{
	struct proc_dir_entry *dir = de->parent;

	kfree(de->fops_ops);
	kfree(de->name);
	kfree(de);
	/* the directory's memory was kept for this child */
	if (dir && dir != &proc_root)
		pde_put(dir);
}

void pde_put(struct proc_dir_entry *pde)
{
	if (atomic_dec_and_test(&pde->refs))
		proc_entry_free(pde);
}

/*
 * The reference of an open file, dropped from ->release (or a failed
 * ->open).  The VFS still looks at the inode afterwards (in the kernel
 * dput() comes after ->release), so a last reference parks the entry
 * until the end of the test.
 */
void pde_put_file(struct proc_dir_entry *pde)
{
	if (!atomic_dec_and_test(&pde->refs))
		return;
	tree_lock();
	list_add_tail(&pde->live, &proc_graveyard);
	tree_unlock();
}

void kshim_proc_test_end(void)
{
	struct proc_dir_entry *de, *tmp;
	LIST_HEAD(parked);

	tree_lock();
	list_splice_init(&proc_graveyard, &parked);
	tree_unlock();
	list_for_each_entry_safe(de, tmp, &parked, live)
		proc_entry_free(de);
}

/* ------------------------------------------------------------------ */
/* Creating entries                                                    */
/* ------------------------------------------------------------------ */

/* name_to_int(): a decimal number without leading zeros, below ~0U. */
static bool proc_name_is_pid(const char *s)
{
	unsigned int n = 0;

	if (s[0] == '0' && s[1])
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n >= (~0U - 9) / 10)
			return false;
		n = n * 10 + (*s - '0');
	}
	return true;
}

/* The kernel's rules for the name of a new entry in @dir. */
static bool proc_name_acceptable(struct proc_dir_entry *dir,
				 const char *leaf,
				 const struct kshim_site *site)
{
	size_t len = strlen(leaf);

	if (len == 0 || len > PROC_NAME_MAX)
		warn_at(site, "name len %u\n", (unsigned int)len);
	else if (strcmp(leaf, ".") == 0)
		warn_at(site, "name '.'\n");
	else if (strcmp(leaf, "..") == 0)
		warn_at(site, "name '..'\n");
	else if (dir == &proc_root && proc_name_is_pid(leaf))
		warn_at(site, "create '/proc/%s' by hand\n", leaf);
	else
		return true;
	return false;
}

/* Fill in a zeroed entry; it is not in any list yet. */
static void proc_entry_setup(struct proc_dir_entry *de, umode_t mode)
{
	de->mode = mode;
	INIT_LIST_HEAD(&de->children);
	INIT_LIST_HEAD(&de->sibling);
	INIT_LIST_HEAD(&de->live);
	proc_gate_init(&de->gate);
	atomic_set(&de->refs, 1);
	de->inode.i_mode = mode;
	atomic_set(&de->inode.i_count, 1);
}

/*
 * A new, unregistered entry for @path below *@dirp; *@dirp becomes the
 * directory it is to go into.
 */
static struct proc_dir_entry *proc_entry_new(struct proc_dir_entry **dirp,
					     const char *path, umode_t mode,
					     void *data,
					     const struct kshim_site *site)
{
	struct proc_dir_entry *dir, *de;
	const char *leaf = NULL;

	tree_lock();
	dir = proc_walk(*dirp, path, &leaf);
	tree_unlock();
	if (!dir) {
		warn_at(site, "name '%s'\n", path);
		return NULL;
	}
	if (!proc_name_acceptable(dir, leaf, site))
		return NULL;

	de = kzalloc(sizeof(*de), GFP_KERNEL);
	if (!de)
		return NULL;
	de->name = kstrdup(leaf, GFP_KERNEL);
	if (!de->name) {
		kfree(de);
		return NULL;
	}
	proc_entry_setup(de, mode);
	de->site = site;
	de->data = data;
	*dirp = dir;
	return de;
}

/* What the file operations need to know about the entry's proc_ops. */
static u8 proc_ops_flags(const struct proc_ops *ops)
{
	u8 flags = 0;

	if (!ops)
		return 0;
	if (ops->proc_flags & PROC_ENTRY_PERMANENT)
		flags |= PROC_ENTRY_PERMANENT;
	if (ops->proc_read_iter)
		flags |= PROC_ENTRY_proc_read_iter;
	if (ops->proc_lseek)
		flags |= PROC_ENTRY_proc_lseek;
	return flags;
}

/* Put @de into @dir: the entry, or NULL (and @de freed) on a clash. */
static struct proc_dir_entry *proc_entry_attach(struct proc_dir_entry *dir,
						struct proc_dir_entry *de)
{
	bool clash;

	if (!S_ISDIR(de->mode))
		de->flags |= proc_ops_flags(de->proc_ops);
	de->inode.i_private = de->data;
	de->inode.i_size = de->size;

	tree_lock();
	clash = proc_child(dir, de->name, strlen(de->name)) != NULL;
	if (!clash) {
		de->parent = dir;
		if (dir != &proc_root)
			pde_get(dir);
		list_add_tail(&de->sibling, &dir->children);
		list_add_tail(&de->live, &proc_live);
		proc_live_count++;
	}
	tree_unlock();

	if (clash) {
		warn_at(de->site, "proc_dir_entry '%s/%s' already registered\n",
			dir->name, de->name);
		proc_entry_free(de);
		return NULL;
	}
	return de;
}

struct proc_dir_entry *__kshim_proc_mkdir(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  void *data,
					  const struct kshim_site *site)
{
	struct proc_dir_entry *de;

	/* no permission bits given: r-x for everyone */
	if (!mode)
		mode = S_IRUGO | S_IXUGO;
	de = proc_entry_new(&parent, name, S_IFDIR | mode, data, site);
	return de ? proc_entry_attach(parent, de) : NULL;
}
EXPORT_SYMBOL(__kshim_proc_mkdir);

/* A regular file's entry, not attached yet; @mode completed as the kernel does. */
static struct proc_dir_entry *proc_file_new(const char *name, umode_t mode,
					    struct proc_dir_entry **dirp,
					    void *data,
					    const struct kshim_site *site)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!(mode & S_IALLUGO))
		mode |= S_IRUGO;
	if (!S_ISREG(mode)) {
		warn_at(site, NULL);	/* WARN_ON_ONCE(!S_ISREG(mode)) */
		return NULL;
	}
	return proc_entry_new(dirp, name, mode, data, site);
}

/* A < 5.6 driver's file_operations, as the proc_ops they stand for. */
static struct proc_ops *proc_ops_from_fops(const struct file_operations *f)
{
	struct proc_ops *ops = kzalloc(sizeof(*ops), GFP_KERNEL);

	if (ops)
		*ops = (struct proc_ops) {
			.proc_open	= f->open,
			.proc_read	= f->read,
			.proc_read_iter	= f->read_iter,
			.proc_write	= f->write,
			.proc_lseek	= f->llseek,
			.proc_release	= f->release,
			.proc_poll	= f->poll,
			.proc_ioctl	= f->unlocked_ioctl,
			.proc_mmap	= f->mmap,
		};
	return ops;
}

struct proc_dir_entry *__kshim_proc_create(const char *name, umode_t mode,
					   struct proc_dir_entry *parent,
					   const struct proc_ops *proc_ops,
					   const struct file_operations *fops,
					   void *data,
					   const struct kshim_site *site)
{
	struct proc_dir_entry *de;

	de = proc_file_new(name, mode, &parent, data, site);
	if (!de)
		return NULL;
	de->proc_ops = proc_ops;
	if (fops) {
		de->fops_ops = proc_ops_from_fops(fops);
		if (!de->fops_ops) {
			proc_entry_free(de);
			return NULL;
		}
		de->proc_ops = de->fops_ops;
	}
	return proc_entry_attach(parent, de);
}
EXPORT_SYMBOL(__kshim_proc_create);

/*
 * proc_create_seq*() and proc_create_single*(): kshim's own proc_ops
 * open the seq_file with what the entry stores.  (The kernel's read with
 * seq_read_iter; seq_read is the same loop.)
 */
static int proc_seq_entry_open(struct inode *inode, struct file *file)
{
	const struct proc_dir_entry *de = PDE(inode);

	if (!de->state_size)
		return seq_open(file, de->seq_ops);
	return seq_open_private(file, de->seq_ops, de->state_size);
}

static int proc_seq_entry_release(struct inode *inode, struct file *file)
{
	if (!PDE(inode)->state_size)
		return seq_release(inode, file);
	return seq_release_private(inode, file);
}

static const struct proc_ops proc_seq_entry_ops = {
	.proc_open	= proc_seq_entry_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= proc_seq_entry_release,
};

static int proc_single_entry_open(struct inode *inode, struct file *file)
{
	const struct proc_dir_entry *de = PDE(inode);

	return single_open(file, de->single_show, de->data);
}

static const struct proc_ops proc_single_entry_ops = {
	.proc_open	= proc_single_entry_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= single_release,
};

struct proc_dir_entry *__kshim_proc_create_seq(const char *name,
		umode_t mode, struct proc_dir_entry *parent,
		const struct seq_operations *ops, unsigned int state_size,
		void *data, const struct kshim_site *site)
{
	struct proc_dir_entry *de;

	de = proc_file_new(name, mode, &parent, data, site);
	if (!de)
		return NULL;
	de->seq_ops = ops;
	de->state_size = state_size;
	de->proc_ops = &proc_seq_entry_ops;
	return proc_entry_attach(parent, de);
}
EXPORT_SYMBOL(__kshim_proc_create_seq);

struct proc_dir_entry *__kshim_proc_create_single(const char *name,
		umode_t mode, struct proc_dir_entry *parent,
		int (*show)(struct seq_file *, void *), void *data,
		const struct kshim_site *site)
{
	struct proc_dir_entry *de;

	de = proc_file_new(name, mode, &parent, data, site);
	if (!de)
		return NULL;
	de->single_show = show;
	de->proc_ops = &proc_single_entry_ops;
	return proc_entry_attach(parent, de);
}
EXPORT_SYMBOL(__kshim_proc_create_single);

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	de->inode.i_size = size;
	de->size = size;
}
EXPORT_SYMBOL(proc_set_size);

void *proc_get_parent_data(const struct inode *inode)
{
	const struct proc_dir_entry *de = PDE(inode);

	return de->parent->data;
}
EXPORT_SYMBOL_GPL(proc_get_parent_data);

/* ------------------------------------------------------------------ */
/* Removing entries                                                    */
/* ------------------------------------------------------------------ */

/* Unlink @de from its directory and the ledger (under proc_tree_lock). */
static void proc_detach(struct proc_dir_entry *de)
{
	list_del_init(&de->sibling);
	list_del_init(&de->live);
	proc_live_count--;
}

void __kshim_remove_proc_entry(const char *name,
			       struct proc_dir_entry *parent,
			       const struct kshim_site *site)
{
	struct proc_dir_entry *dir, *de = NULL, *left;
	const char *leaf;
	bool permanent = false;

	tree_lock();
	dir = proc_walk(parent, name, &leaf);
	if (dir)
		de = proc_child(dir, leaf, strlen(leaf));
	if (de) {
		permanent = pde_is_permanent(de);
		if (!permanent)
			proc_detach(de);
	}
	tree_unlock();

	if (!de) {
		/* a missing directory on the way or a missing entry */
		warn_at(site, "name '%s'\n", name);
		return;
	}
	if (permanent) {
		warn_at(site, "removing permanent /proc entry '%s'", de->name);
		return;
	}

	proc_entry_rundown(de);

	tree_lock();
	left = proc_first_child(de);
	tree_unlock();
	if (left)
		warn_at(site, "%s: removing non-empty directory '%s/%s', leaking at least '%s'\n",
			"remove_proc_entry", de->parent->name, de->name,
			left->name);
	/* leaked children keep the directory's memory (and name) alive */
	pde_put(de);
}
EXPORT_SYMBOL(__kshim_remove_proc_entry);

int __kshim_remove_proc_subtree(const char *name,
				struct proc_dir_entry *parent,
				const struct kshim_site *site)
{
	struct proc_dir_entry *dir, *top = NULL, *cur, *child, *up;
	const char *leaf;

	tree_lock();
	dir = proc_walk(parent, name, &leaf);
	if (dir)
		top = proc_child(dir, leaf, strlen(leaf));
	if (top && !pde_is_permanent(top))
		proc_detach(top);
	tree_unlock();
	if (!dir)
		warn_at(site, "name '%s'\n", name);
	if (!top)
		return -ENOENT;
	if (pde_is_permanent(top)) {
		child = top;
		goto permanent;
	}

	/*
	 * Depth first: go down through first children, unlinking each on
	 * the way, until one has none; run that one down, drop it and go
	 * on from its directory.  @top goes last.
	 */
	for (cur = top;; cur = up) {
		tree_lock();
		while ((child = proc_first_child(cur))) {
			if (pde_is_permanent(child)) {
				tree_unlock();
				goto permanent;
			}
			proc_detach(child);
			cur = child;
		}
		up = cur->parent;
		tree_unlock();

		proc_entry_rundown(cur);
		if (cur == top)
			break;
		pde_put(cur);
	}
	pde_put(top);
	return 0;

permanent:
	warn_at(site, "removing permanent /proc entry '%s/%s'",
		child->parent->name, child->name);
	return -EINVAL;
}
EXPORT_SYMBOL(__kshim_remove_proc_subtree);

void __kshim_proc_remove(struct proc_dir_entry *de,
			 const struct kshim_site *site)
{
	if (de)
		__kshim_remove_proc_subtree(de->name, de->parent, site);
}
EXPORT_SYMBOL(__kshim_proc_remove);

/* The functions behind the macros, for code that takes their address. */
#undef proc_mkdir
#undef proc_mkdir_data
#undef proc_mkdir_mode
#undef proc_create_data
#undef proc_create
#undef remove_proc_entry
#undef remove_proc_subtree
#undef proc_remove

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	return __kshim_proc_mkdir(name, 0, parent, NULL, NULL);
}
EXPORT_SYMBOL(proc_mkdir);

struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       void *data)
{
	return __kshim_proc_mkdir(name, mode, parent, data, NULL);
}
EXPORT_SYMBOL_GPL(proc_mkdir_data);

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent)
{
	return __kshim_proc_mkdir(name, mode, parent, NULL, NULL);
}
EXPORT_SYMBOL(proc_mkdir_mode);

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data)
{
	return __kshim_proc_create(name, mode, parent, proc_ops, NULL, data,
				   NULL);
}
EXPORT_SYMBOL(proc_create_data);

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return __kshim_proc_create(name, mode, parent, proc_ops, NULL, NULL,
				   NULL);
}
EXPORT_SYMBOL(proc_create);

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	__kshim_remove_proc_entry(name, parent, NULL);
}
EXPORT_SYMBOL(remove_proc_entry);

int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	return __kshim_remove_proc_subtree(name, parent, NULL);
}
EXPORT_SYMBOL(remove_proc_subtree);

void proc_remove(struct proc_dir_entry *de)
{
	__kshim_proc_remove(de, NULL);
}
EXPORT_SYMBOL(proc_remove);

/* ------------------------------------------------------------------ */
/* Opening "/proc/<path>" (compat/fs/internal.h)                       */
/* ------------------------------------------------------------------ */

int kshim_proc_lookup(const char *path, struct inode **inode,
		      const struct file_operations **fops)
{
	struct proc_dir_entry *de = &proc_root;
	int err = 0;

	tree_lock();
	for (;;) {
		size_t len;

		path += strspn(path, "/");
		if (!*path)
			break;
		len = strcspn(path, "/");
		de = proc_child(de, path, len);
		if (!de) {
			err = -ENOENT;
			break;
		}
		path += len;
	}
	if (!err && S_ISDIR(de->mode))
		err = -EISDIR;
	if (!err)
		pde_get(de);	/* the file's reference */
	tree_unlock();
	if (err)
		return err;

	*inode = &de->inode;
	if (de->flags & PROC_ENTRY_proc_read_iter)
		*fops = &proc_iter_file_ops;
	else
		*fops = &proc_reg_file_ops;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The ledger and the per-test lifecycle                               */
/* ------------------------------------------------------------------ */

static long ledger_proc_entries(void *arg)
{
	long n;

	tree_lock();
	n = proc_live_count;
	tree_unlock();
	return n;
}

static void explain_proc_entries(void *arg)
{
	struct proc_dir_entry *de;
	unsigned long shown = 0, total = 0;

	tree_lock();
	list_for_each_entry(de, &proc_live, live) {
		const struct kshim_site *s = de->site;

		if (++total > MAX_LEAK_LINES)
			continue;
		shown++;
		printk(KERN_ERR "kshim: proc entry '%s/%s' created at %s:%d (%s) was never removed\n",
		       de->parent->name, de->name, kshim_site_file(s),
		       kshim_site_line(s), kshim_site_func(s));
	}
	tree_unlock();
	if (total > shown)
		printk(KERN_ERR "kshim: ... and %lu more proc entries\n",
		       total - shown);
}

void kshim_proc_init(void)
{
	static bool on_ledger;

	if (on_ledger)
		return;
	on_ledger = true;
	kshim_ledger_add("proc entries", ledger_proc_entries,
			 explain_proc_entries, NULL);
}

/*
 * The machine's own entries, made at boot (fs/proc/devices.c's
 * "devices", misc's "misc"): static (the machine allocates nothing at
 * boot), permanent, not on the ledger, and in the tree of every test.
 */
#define NR_BOOT_ENTRIES 4
static struct proc_dir_entry *proc_boot[NR_BOOT_ENTRIES];
static unsigned int nr_proc_boot;	/* under proc_tree_lock */

static bool proc_is_boot_entry(const struct proc_dir_entry *de)
{
	unsigned int i;

	for (i = 0; i < nr_proc_boot; i++)
		if (proc_boot[i] == de)
			return true;
	return false;
}

/* proc_create_seq(@name, 0, NULL, @ops) made permanent, in @de. */
void kshim_proc_create_seq_boot(struct proc_dir_entry *de, const char *name,
				const struct seq_operations *ops)
{
	tree_lock();
	if (proc_is_boot_entry(de)) {
		/* a reboot: it is there already */
		tree_unlock();
		return;
	}
	if (nr_proc_boot == NR_BOOT_ENTRIES ||
	    proc_child(&proc_root, name, strlen(name)))
		panic("kshim: cannot create /proc/%s", name);
	memset(de, 0, sizeof(*de));
	proc_entry_setup(de, S_IFREG | S_IRUGO);
	de->name = (char *)name;
	de->proc_ops = &proc_seq_entry_ops;
	de->seq_ops = ops;
	de->flags = proc_ops_flags(de->proc_ops) | PROC_ENTRY_PERMANENT;
	de->parent = &proc_root;
	proc_boot[nr_proc_boot++] = de;
	list_add_tail(&de->sibling, &proc_root.children);
	tree_unlock();
}

/*
 * What the test before left registered is forgotten (not freed); the
 * machine's own entries stay.
 */
void kshim_proc_test_begin(void)
{
	unsigned int i;

	tree_lock();
	INIT_LIST_HEAD(&proc_root.children);
	INIT_LIST_HEAD(&proc_live);
	INIT_LIST_HEAD(&proc_graveyard);
	proc_live_count = 0;
	for (i = 0; i < nr_proc_boot; i++)
		list_add_tail(&proc_boot[i]->sibling, &proc_root.children);
	tree_unlock();
}
