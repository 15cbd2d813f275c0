/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/fs/proc/internal.h - kshim's /proc entries (the role of
 * fs/proc/internal.h of 6.1; the layout is kshim's own).
 *
 * kshim-internal.  An entry is its own inode (no dcache): PDE(inode) is
 * the entry the inode is embedded in.
 *  refs:   1 while in the tree, +1 for each open file (lookup), +1 for
 *          each child (a child keeps its directory's memory);
 *  gate:   calls into the entry's proc_ops count themselves in
 *          gate.calls; removal closes the gate (gate.closed) and waits
 *          until gate.calls drops to 0, then releases the files still
 *          open (gate.files).
 */
#ifndef _KSHIM_FS_PROC_INTERNAL_H
#define _KSHIM_FS_PROC_INTERNAL_H

#include <pthread.h>

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <kshim/site.h>

struct completion;

/* Who may still call into an entry's proc_ops (fs/proc/inode.c). */
struct proc_gate {
	pthread_mutex_t lock;
	unsigned int calls;		/* in progress */
	bool closed;			/* the entry was removed */
	struct completion *idle;	/* the remover, waiting for calls == 0 */
	struct list_head files;		/* struct proc_open_file, open files */
};

struct proc_dir_entry {
	atomic_t refs;
	struct proc_gate gate;
	const struct proc_ops *proc_ops;
	/* < 5.6 profiles: the driver's file_operations as proc_ops */
	struct proc_ops *fops_ops;
	const struct seq_operations *seq_ops;
	int (*single_show)(struct seq_file *, void *);
	unsigned int state_size;
	void *data;
	loff_t size;
	umode_t mode;
	u8 flags;
	struct proc_dir_entry *parent;
	struct list_head children;	/* under the tree lock */
	struct list_head sibling;	/* in the parent's children */
	struct list_head live;		/* every registered entry, the ledger */
	const struct kshim_site *site;	/* who created it */
	char *name;
	struct inode inode;
};

static inline struct proc_dir_entry *PDE(const struct inode *inode)
{
	return container_of((struct inode *)inode, struct proc_dir_entry,
			    inode);
}

static inline bool pde_is_permanent(const struct proc_dir_entry *pde)
{
	return pde->flags & PROC_ENTRY_PERMANENT;
}

/* inode.c */
extern const struct file_operations proc_reg_file_ops;
extern const struct file_operations proc_iter_file_ops;
void proc_gate_init(struct proc_gate *gate);
/* Close the gate, wait for the calls in it, release the open files. */
void proc_entry_rundown(struct proc_dir_entry *de);
/* generic.c */
void pde_get(struct proc_dir_entry *pde);
void pde_put(struct proc_dir_entry *pde);
void pde_put_file(struct proc_dir_entry *pde);
void kshim_proc_test_end(void);
int kshim_proc_lookup(const char *path, struct inode **inode,
		      const struct file_operations **fops);
void kshim_proc_init(void);
void kshim_proc_test_begin(void);
/* The machine's own /proc/@name at boot, in static @de (no allocation). */
void kshim_proc_create_seq_boot(struct proc_dir_entry *de, const char *name,
				const struct seq_operations *ops);

#endif /* _KSHIM_FS_PROC_INTERNAL_H */
