// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/file.c - a simulated process's open files, following the
 * behaviour of fs/file.c, fs/file_table.c (fput()) and fs/open.c's
 * filp_close() of 6.1 (kshim's own code):
 *  - a descriptor is the lowest free number (up to the RLIMIT_NOFILE
 *    default, 1024: -EMFILE beyond);
 *  - fget() takes a reference on the file (f_count), fput() drops one;
 *    the last one runs __fput(): ->fasync(-1, file, 0) if FASYNC is set,
 *    ->release(inode, file), the cdev reference of a character device,
 *    and the file_operations' module reference;
 *  - close(): the descriptor is freed, then filp_close(): ->flush(file,
 *    current->files) (its result is close()'s, a restart code becoming
 *    -EINTR), then fput(); a file whose count is already 0 prints "VFS:
 *    Close: file count is 0";
 *  - dup(): a new descriptor for the same file (one more reference):
 *    ->release runs at the close of the last of them;
 *  - exit (kshim_files_release()): every descriptor closed in order.
 * kshim: the file table is current->kshim_proc->files (compat/kshim/
 * user.c enters a process's thread); each open file of a device node has
 * its own struct inode (the kernel's /dev inode is shared by the opens of
 * one node), freed with the file.
 */
#include <pthread.h>

#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "fs/internal.h"
#include "kshim/proc.h"

#define NR_OPEN_DEFAULT_MAX	1024	/* RLIMIT_NOFILE's soft default */

struct files_struct {
	pthread_mutex_t lock;		/* the kernel's file_lock */
	unsigned int max_fds;
	unsigned int next_fd;		/* lowest maybe-free descriptor */
	struct file **fd;
	bool *close_on_exec;
};

struct files_struct *kshim_files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	pthread_mutex_init(&files->lock, NULL);
	return files;
}

static struct files_struct *current_files(void)
{
	struct kshim_proc *p = current->kshim_proc;

	return p ? p->files : NULL;
}

/* Room for descriptor @nr; called with the lock held. */
static int fdtable_grow(struct files_struct *files, unsigned int nr)
{
	unsigned int n;
	struct file **fd;
	bool *cloexec;

	if (nr < files->max_fds)
		return 0;
	if (nr >= NR_OPEN_DEFAULT_MAX)
		return -EMFILE;
	n = max(2 * files->max_fds, 64U);
	n = min(n, (unsigned int)NR_OPEN_DEFAULT_MAX);
	fd = krealloc(files->fd, n * sizeof(*fd), GFP_ATOMIC);
	if (!fd)
		return -ENOMEM;
	files->fd = fd;
	cloexec = krealloc(files->close_on_exec, n * sizeof(*cloexec),
			   GFP_ATOMIC);
	if (!cloexec)
		return -ENOMEM;
	files->close_on_exec = cloexec;
	memset(fd + files->max_fds, 0, (n - files->max_fds) * sizeof(*fd));
	memset(cloexec + files->max_fds, 0,
	       (n - files->max_fds) * sizeof(*cloexec));
	files->max_fds = n;
	return 0;
}

/*
 * Install @file at the lowest free descriptor (get_unused_fd_flags() +
 * fd_install()); the table owns the caller's reference.
 */
int kshim_fd_install_new(struct file *file, unsigned int flags)
{
	struct files_struct *files = current_files();
	unsigned int fd;
	int err;

	if (!files)
		return -EBADF;
	pthread_mutex_lock(&files->lock);
	for (fd = files->next_fd; fd < files->max_fds; fd++)
		if (!files->fd[fd])
			break;
	err = fdtable_grow(files, fd);
	if (err) {
		pthread_mutex_unlock(&files->lock);
		return err;
	}
	files->fd[fd] = file;
	files->close_on_exec[fd] = !!(flags & O_CLOEXEC);
	files->next_fd = fd + 1;
	pthread_mutex_unlock(&files->lock);
	return fd;
}

void kshim_set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current_files();

	if (!files)
		return;
	pthread_mutex_lock(&files->lock);
	if (fd < files->max_fds)
		files->close_on_exec[fd] = flag;
	pthread_mutex_unlock(&files->lock);
}

bool kshim_get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current_files();
	bool res = false;

	if (!files)
		return false;
	pthread_mutex_lock(&files->lock);
	if (fd < files->max_fds)
		res = files->close_on_exec[fd];
	pthread_mutex_unlock(&files->lock);
	return res;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current_files();
	struct file *found = NULL;

	if (!files)
		return NULL;
	pthread_mutex_lock(&files->lock);
	if (fd < files->max_fds)
		found = files->fd[fd];
	/* an O_PATH file is no file for fget() */
	if (found && (found->f_mode & FMODE_PATH))
		found = NULL;
	if (found)
		get_file(found);
	pthread_mutex_unlock(&files->lock);
	return found;
}
EXPORT_SYMBOL(fget);

/*
 * The last reference is gone (fs/file_table.c's order): drop the fasync
 * entry, ->release, the cdev reference of a character device, the module
 * reference of the operations, then the memory.  A file that never got
 * opened only goes.
 */
static void file_last_put(struct file *f)
{
	const struct file_operations *ops = f->f_op;
	struct inode *ino = f->f_inode;
	bool char_node;

	if (likely(f->f_mode & FMODE_OPENED)) {
		/* the mode as it was before ->release */
		char_node = ino && S_ISCHR(ino->i_mode) &&
			    !(f->f_mode & FMODE_PATH);
		if ((f->f_flags & FASYNC) && ops->fasync)
			ops->fasync(-1, f, 0);
		if (ops->release)
			ops->release(ino, f);
		if (unlikely(char_node && ino->i_cdev))
			cdev_put(ino->i_cdev);
		fops_put(ops);
	}
	kshim_file_free(f);
}

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		file_last_put(file);
}
EXPORT_SYMBOL(fput);

/* An empty file: one reference, the open flags and modes set by open. */
struct file *kshim_file_alloc(int flags)
{
	struct file *nf = kzalloc(sizeof(*nf), GFP_KERNEL);

	if (!nf)
		return ERR_PTR(-ENFILE);
	nf->f_flags = flags;
	nf->f_mode = OPEN_FMODE(flags);
	nf->kshim_owner = current->kshim_proc;
	atomic_long_set(&nf->f_count, 1);
	spin_lock_init(&nf->f_lock);
	mutex_init(&nf->f_pos_lock);
	return nf;
}

/* A device node's inode is the file's own (see above). */
void kshim_file_free(struct file *file)
{
	struct inode *own = file->f_inode;

	if (own && S_ISCHR(own->i_mode))
		kfree(own);
	kfree(file);
}

int filp_close(struct file *filp, fl_owner_t id)
{
	int flushed;

	if (file_count(filp) == 0) {
		printk(KERN_ERR "VFS: Close: file count is 0\n");
		return 0;
	}
	/* ->flush()'s result is close()'s; the reference goes regardless */
	flushed = filp->f_op->flush ? filp->f_op->flush(filp, id) : 0;
	fput(filp);
	return flushed;
}
EXPORT_SYMBOL(filp_close);

/* Take descriptor @fd out of the table; its reference goes to the caller. */
static struct file *fd_take(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	pthread_mutex_lock(&files->lock);
	if (fd < files->max_fds) {
		file = files->fd[fd];
		if (file) {
			files->fd[fd] = NULL;
			files->close_on_exec[fd] = false;
			if (fd < files->next_fd)
				files->next_fd = fd;
		}
	}
	pthread_mutex_unlock(&files->lock);
	return file;
}

/* A "restart the call" code: those never leave close(). */
static bool wants_restart(int err)
{
	switch (err) {
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		return true;
	}
	return false;
}

int kshim_sys_close(unsigned int fd)
{
	struct files_struct *files = current_files();
	struct file *gone = files ? fd_take(files, fd) : NULL;
	int err;

	if (!gone)
		return -EBADF;
	err = filp_close(gone, files);
	/* the descriptor is already free: a restart cannot redo the close */
	return wants_restart(err) ? -EINTR : err;
}

int kshim_sys_dup(unsigned int fildes)
{
	int ret = -EBADF;
	struct file *file = fget(fildes);

	if (file) {
		ret = kshim_fd_install_new(file, 0);
		if (ret < 0)
			fput(file);
	}
	return ret;
}

void kshim_files_release(struct files_struct *files)
{
	unsigned int fd;

	if (!files)
		return;
	for (fd = 0; fd < files->max_fds; fd++) {
		struct file *file = fd_take(files, fd);

		if (file)
			filp_close(file, files);
	}
	kfree(files->fd);
	kfree(files->close_on_exec);
	pthread_mutex_destroy(&files->lock);
	kfree(files);
}
