/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/proc_fs.h - a driver's entries under /proc.
 *
 * Follows include/linux/proc_fs.h and fs/proc/{generic,inode}.c of 6.1
 * (compat/fs/proc/): proc_mkdir(), proc_mkdir_data(), proc_mkdir_mode(),
 * proc_create(), proc_create_data(), proc_create_single(_data)(),
 * proc_create_seq(_data)(), proc_create_seq_private(), proc_set_size(),
 * remove_proc_entry(), remove_proc_subtree(), proc_remove(), pde_data().
 * A name may have '/' in it: "driver/foo" is "foo" in the existing
 * directory "driver" (under @parent, or /proc itself when NULL).  The
 * kernel's WARNs name the caller's line: "proc_dir_entry '%s/%s' already
 * registered" (proc_create*() and proc_mkdir*() return NULL), "name
 * '%s'" (remove_proc_entry() of a name that does not exist, or a path
 * through a missing directory, also for remove_proc_subtree()),
 * "create '/proc/%s' by hand" (a number directly under /proc),
 * "remove_proc_entry: removing non-empty directory '%s/%s', leaking at
 * least '%s'".  Removal waits for the
 * calls in progress in the entry's operations, then calls ->proc_release
 * for every file still open on it; those files then get -EIO from read
 * and write (as the kernel's proc_entry_rundown()).  A simulated process
 * opens "/proc/<path>" (kshim/user.h).  Entries still registered when a
 * test ends are on the ledger ("proc entries"), each with the line that
 * created it.
 *
 * Profiles: struct proc_ops from 5.6; before, proc_create*() take a
 * struct file_operations as the kernel's did.  pde_data() from 5.17,
 * PDE_DATA() before (3.10 - 5.16).  proc_create_single/seq from 4.18.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/fs.h>
#include <linux/version.h>
#include <kshim/site.h>

struct proc_dir_entry;
struct seq_file;
struct seq_operations;
struct poll_table_struct;

enum {
	/* All entries of this ->proc_ops are never removed (not in modules). */
#ifdef MODULE
	PROC_ENTRY_PERMANENT		= 0U,
#else
	PROC_ENTRY_PERMANENT		= 1U << 0,
#endif
	PROC_ENTRY_proc_read_iter	= 1U << 1,
	PROC_ENTRY_proc_compat_ioctl	= 1U << 2,
	PROC_ENTRY_proc_lseek		= 1U << 3,
};

struct proc_ops {
	unsigned int proc_flags;
	int	(*proc_open)(struct inode *, struct file *);
	ssize_t	(*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t	(*proc_write)(struct file *, const char __user *, size_t,
			      loff_t *);
	/* without it the file cannot be seeked (lseek(): -ESPIPE) */
	loff_t	(*proc_lseek)(struct file *, loff_t, int);
	int	(*proc_release)(struct inode *, struct file *);
	__poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	long	(*proc_ioctl)(struct file *, unsigned int, unsigned long);
#ifdef CONFIG_COMPAT
	long	(*proc_compat_ioctl)(struct file *, unsigned int,
				     unsigned long);
#endif
	int	(*proc_mmap)(struct file *, struct vm_area_struct *);
	unsigned long (*proc_get_unmapped_area)(struct file *, unsigned long,
						unsigned long, unsigned long,
						unsigned long);
};

typedef int (*proc_write_t)(struct file *, char *, size_t);

/* compat/fs/proc/generic.c: every call names the caller's line. */
struct proc_dir_entry *__kshim_proc_mkdir(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  void *data,
					  const struct kshim_site *site);
struct proc_dir_entry *__kshim_proc_create(const char *name, umode_t mode,
					   struct proc_dir_entry *parent,
					   const struct proc_ops *proc_ops,
					   const struct file_operations *fops,
					   void *data,
					   const struct kshim_site *site);
struct proc_dir_entry *__kshim_proc_create_seq(const char *name,
		umode_t mode, struct proc_dir_entry *parent,
		const struct seq_operations *ops, unsigned int state_size,
		void *data, const struct kshim_site *site);
struct proc_dir_entry *__kshim_proc_create_single(const char *name,
		umode_t mode, struct proc_dir_entry *parent,
		int (*show)(struct seq_file *, void *), void *data,
		const struct kshim_site *site);
void __kshim_remove_proc_entry(const char *name,
			       struct proc_dir_entry *parent,
			       const struct kshim_site *site);
int __kshim_remove_proc_subtree(const char *name,
				struct proc_dir_entry *parent,
				const struct kshim_site *site);
void __kshim_proc_remove(struct proc_dir_entry *de,
			 const struct kshim_site *site);

/* The functions, for code that takes their address. */
struct proc_dir_entry *proc_mkdir(const char *, struct proc_dir_entry *);
struct proc_dir_entry *proc_mkdir_data(const char *, umode_t,
				       struct proc_dir_entry *, void *);
struct proc_dir_entry *proc_mkdir_mode(const char *, umode_t,
				       struct proc_dir_entry *);
void proc_remove(struct proc_dir_entry *);
void remove_proc_entry(const char *, struct proc_dir_entry *);
int remove_proc_subtree(const char *, struct proc_dir_entry *);
void proc_set_size(struct proc_dir_entry *, loff_t);
void *proc_get_parent_data(const struct inode *);

#define proc_mkdir(name, parent)					\
	__kshim_proc_mkdir(name, 0, parent, NULL, __KSHIM_CALLSITE)
#define proc_mkdir_data(name, mode, parent, data)			\
	__kshim_proc_mkdir(name, mode, parent, data, __KSHIM_CALLSITE)
#define proc_mkdir_mode(name, mode, parent)				\
	__kshim_proc_mkdir(name, mode, parent, NULL, __KSHIM_CALLSITE)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
struct proc_dir_entry *proc_create_data(const char *, umode_t,
					struct proc_dir_entry *,
					const struct proc_ops *, void *);
struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
#define proc_create_data(name, mode, parent, proc_ops, data)		\
	__kshim_proc_create(name, mode, parent, proc_ops, NULL, data,	\
			    __KSHIM_CALLSITE)
#define proc_create(name, mode, parent, proc_ops)			\
	__kshim_proc_create(name, mode, parent, proc_ops, NULL, NULL,	\
			    __KSHIM_CALLSITE)
#else
#define proc_create_data(name, mode, parent, fops, data)		\
	__kshim_proc_create(name, mode, parent, NULL, fops, data,	\
			    __KSHIM_CALLSITE)
#define proc_create(name, mode, parent, fops)				\
	__kshim_proc_create(name, mode, parent, NULL, fops, NULL,	\
			    __KSHIM_CALLSITE)
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 18, 0)
#define proc_create_seq_private(name, mode, parent, ops, state_size, data) \
	__kshim_proc_create_seq(name, mode, parent, ops, state_size, data, \
				__KSHIM_CALLSITE)
#define proc_create_seq_data(name, mode, parent, ops, data)		\
	proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops)			\
	proc_create_seq_private(name, mode, parent, ops, 0, NULL)
#define proc_create_single_data(name, mode, parent, show, data)	\
	__kshim_proc_create_single(name, mode, parent, show, data,	\
				   __KSHIM_CALLSITE)
#define proc_create_single(name, mode, parent, show)			\
	proc_create_single_data(name, mode, parent, show, NULL)
#endif

#define remove_proc_entry(name, parent)					\
	__kshim_remove_proc_entry(name, parent, __KSHIM_CALLSITE)
#define remove_proc_subtree(name, parent)				\
	__kshim_remove_proc_subtree(name, parent, __KSHIM_CALLSITE)
#define proc_remove(de)		__kshim_proc_remove(de, __KSHIM_CALLSITE)

/* The private data passed to proc_create_data() and the like. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 17, 0)
static inline void *pde_data(const struct inode *inode)
{
	return inode->i_private;
}
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(3, 10, 0)
static inline void *PDE_DATA(const struct inode *inode)
{
	return inode->i_private;
}
#endif

/* What the kernel's linux/proc_fs.h also makes visible. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/dcache.h>
#include <linux/gfp.h>
#include <linux/hash.h>
#include <linux/kasan.h>
#include <linux/kref.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/notifier.h>
#include <linux/page-flags.h>
#include <linux/radix-tree.h>
#include <linux/ratelimit.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/xarray.h>

#endif /* _LINUX_PROC_FS_H */
