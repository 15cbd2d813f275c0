// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/proc/inode.c - the file operations of a /proc entry (the
 * behaviour of fs/proc/inode.c of 6.1, proc_reg_*, written for kshim).
 *
 * A file opened on an entry reaches the driver's proc_ops through these
 * wrappers.  Each call passes the entry's gate (struct proc_gate) so that
 * removal can wait for it; once the entry is removed the wrappers answer
 * like the kernel's: read/write/mmap -EIO, llseek -EINVAL, ioctl -ENOTTY,
 * poll DEFAULT_POLLMASK, open -ENOENT.  Every open file of an entry whose
 * proc_ops have ->proc_release is recorded; removal calls ->proc_release
 * for those still open, and each file is released exactly once: when
 * close() and removal meet, whichever comes second waits for the first.
 * An entry without ->proc_lseek is not seekable (FMODE_LSEEK cleared:
 * lseek() is -ESPIPE).
 */
#include <pthread.h>

#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>

#include "fs/proc/internal.h"

/* An open file whose ->proc_release is still to be called. */
struct proc_open_file {
	struct list_head node;		/* in gate.files */
	struct file *file;
	bool releasing;			/* ->proc_release is being called */
	struct completion *released;	/* a second closer waits on it */
};

void proc_gate_init(struct proc_gate *gate)
{
	pthread_mutex_init(&gate->lock, NULL);
	gate->calls = 0;
	gate->closed = false;
	gate->idle = NULL;
	INIT_LIST_HEAD(&gate->files);
}

/* Enter the entry's operations; false once it has been removed. */
static bool proc_enter(struct proc_dir_entry *de)
{
	struct proc_gate *g = &de->gate;
	bool open;

	pthread_mutex_lock(&g->lock);
	open = !g->closed;
	if (open)
		g->calls++;
	pthread_mutex_unlock(&g->lock);
	return open;
}

static void proc_leave(struct proc_dir_entry *de)
{
	struct proc_gate *g = &de->gate;
	struct completion *wake = NULL;

	pthread_mutex_lock(&g->lock);
	if (--g->calls == 0 && g->closed)
		wake = g->idle;
	pthread_mutex_unlock(&g->lock);
	/* the remover cannot go away before this completes */
	if (wake)
		complete(wake);
}

/*
 * Release @of (in gate.files) on behalf of close() or removal.  Entered
 * with the gate locked, returns with it unlocked.
 */
static void proc_release_open_file(struct proc_dir_entry *de,
				   struct proc_open_file *of)
{
	struct proc_gate *g = &de->gate;
	struct completion *waiter;

	if (of->releasing) {
		/* the other side is in ->proc_release: wait for it */
		DECLARE_COMPLETION_ONSTACK(done);

		of->released = &done;
		pthread_mutex_unlock(&g->lock);
		wait_for_completion(&done);
		return;
	}
	of->releasing = true;
	pthread_mutex_unlock(&g->lock);

	de->proc_ops->proc_release(file_inode(of->file), of->file);

	pthread_mutex_lock(&g->lock);
	list_del(&of->node);
	waiter = of->released;
	pthread_mutex_unlock(&g->lock);
	if (waiter)
		complete(waiter);
	kfree(of);
}

void proc_entry_rundown(struct proc_dir_entry *de)
{
	struct proc_gate *g = &de->gate;
	DECLARE_COMPLETION_ONSTACK(idle);
	bool busy;

	/* No new calls; the ones in progress finish first. */
	pthread_mutex_lock(&g->lock);
	g->closed = true;
	busy = g->calls != 0;
	if (busy)
		g->idle = &idle;
	pthread_mutex_unlock(&g->lock);
	if (busy)
		wait_for_completion(&idle);

	/* No file can be added now: release the ones left. */
	for (;;) {
		pthread_mutex_lock(&g->lock);
		if (list_empty(&g->files)) {
			pthread_mutex_unlock(&g->lock);
			break;
		}
		proc_release_open_file(de, list_first_entry(&g->files,
						struct proc_open_file, node));
	}
}

static struct proc_dir_entry *file_pde(struct file *file)
{
	return PDE(file_inode(file));
}

/*
 * The wrappers.  Each one passes the gate, calls the driver's method when
 * there is one, and otherwise returns what the kernel returns for a
 * removed entry or a missing method.
 */

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	loff_t ret;

	if (!proc_enter(de))
		return -EINVAL;
	ret = ops->proc_lseek ? ops->proc_lseek(file, offset, whence)
			      : -ESPIPE;
	proc_leave(de);
	return ret;
}

static ssize_t proc_reg_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct proc_dir_entry *de = file_pde(iocb->ki_filp);
	ssize_t ret;

	if (!proc_enter(de))
		return -EIO;
	ret = de->proc_ops->proc_read_iter(iocb, to);
	proc_leave(de);
	return ret;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	ssize_t ret = -EIO;

	if (!proc_enter(de))
		return ret;
	if (ops->proc_read)
		ret = ops->proc_read(file, buf, count, ppos);
	proc_leave(de);
	return ret;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	ssize_t ret = -EIO;

	if (!proc_enter(de))
		return ret;
	if (ops->proc_write)
		ret = ops->proc_write(file, buf, count, ppos);
	proc_leave(de);
	return ret;
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pt)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	__poll_t mask = DEFAULT_POLLMASK;

	if (!proc_enter(de))
		return mask;
	if (ops->proc_poll)
		mask = ops->proc_poll(file, pt);
	proc_leave(de);
	return mask;
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd,
				    unsigned long arg)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	long ret = -ENOTTY;

	if (!proc_enter(de))
		return ret;
	if (ops->proc_ioctl)
		ret = ops->proc_ioctl(file, cmd, arg);
	proc_leave(de);
	return ret;
}

static int proc_reg_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct proc_dir_entry *de = file_pde(file);
	const struct proc_ops *ops = de->proc_ops;
	int ret = -EIO;

	if (!proc_enter(de))
		return ret;
	if (ops->proc_mmap)
		ret = ops->proc_mmap(file, vma);
	proc_leave(de);
	return ret;
}

/*
 * Open: the record for ->proc_release is allocated before ->proc_open
 * runs (a file that opened must be releasable), and kept only when the
 * open succeeded.
 */
static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	const struct proc_ops *ops = de->proc_ops;
	struct proc_open_file *of = NULL;
	int err = 0;

	if (!(de->flags & PROC_ENTRY_proc_lseek))
		file->f_mode &= ~FMODE_LSEEK;

	if (!proc_enter(de)) {
		err = -ENOENT;
		goto drop_ref;
	}
	if (ops->proc_release) {
		of = kzalloc(sizeof(*of), GFP_KERNEL);
		if (!of)
			err = -ENOMEM;
	}
	if (!err && ops->proc_open)
		err = ops->proc_open(inode, file);
	if (of && !err) {
		of->file = file;
		pthread_mutex_lock(&de->gate.lock);
		list_add(&of->node, &de->gate.files);
		pthread_mutex_unlock(&de->gate.lock);
	} else {
		kfree(of);
	}
	proc_leave(de);
drop_ref:
	/* a failed open never reaches ->release: drop the lookup's ref */
	if (err)
		pde_put_file(de);
	return err;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	struct proc_open_file *of, *mine = NULL;

	pthread_mutex_lock(&de->gate.lock);
	list_for_each_entry(of, &de->gate.files, node) {
		if (of->file == file) {
			mine = of;
			break;
		}
	}
	if (mine)
		proc_release_open_file(de, mine);	/* unlocks */
	else
		pthread_mutex_unlock(&de->gate.lock);
	pde_put_file(de);
	return 0;
}

/* One table for proc_ops with ->proc_read, one for ->proc_read_iter. */
#define PROC_REG_COMMON_OPS				\
	.llseek		= proc_reg_llseek,		\
	.write		= proc_reg_write,		\
	.poll		= proc_reg_poll,		\
	.unlocked_ioctl	= proc_reg_unlocked_ioctl,	\
	.mmap		= proc_reg_mmap,		\
	.open		= proc_reg_open,		\
	.release	= proc_reg_release

const struct file_operations proc_reg_file_ops = {
	PROC_REG_COMMON_OPS,
	.read		= proc_reg_read,
};

const struct file_operations proc_iter_file_ops = {
	PROC_REG_COMMON_OPS,
	.read_iter	= proc_reg_read_iter,
};
