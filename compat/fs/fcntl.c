// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/fcntl.c - a driver's FASYNC list (fs/fcntl.c of 6.1:
 * fasync_helper(), kill_fasync()).
 *
 * fasync_helper(fd, filp, on, &list): on adds an entry for @filp (1), or
 * updates the fd of the one it has (0), and sets FASYNC in f_flags; off
 * removes it (1; 0 when there was none) and clears FASYNC.  A simulated
 * process turns it on with ioctl(FIOASYNC) (compat/fs/ioctl.c), and the
 * file's last close turns it off (->fasync(-1, file, 0)).
 * kill_fasync(&list, sig, band) walks the list; an entry whose magic is
 * wrong stops it with the kernel's "kill_fasync: bad magic number in
 * fasync_struct!".  The signal goes to the file's owner (F_SETOWN), and
 * kshim's processes have no fcntl(F_SETOWN): as for a real file without
 * an owner, no SIGIO is sent.  kill_fasync_count() tells how many files
 * the last kill_fasync() would have signalled (kshim-internal, tests).
 */
#include <pthread.h>

#include <linux/export.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <uapi/asm-generic/fcntl.h>

static pthread_mutex_t fasync_lock = PTHREAD_MUTEX_INITIALIZER;

static int fasync_remove_entry(struct file *filp, struct fasync_struct **fapp)
{
	struct fasync_struct *fa, **fp;
	int result = 0;

	pthread_mutex_lock(&fasync_lock);
	for (fp = fapp; (fa = *fp) != NULL; fp = &fa->fa_next) {
		if (fa->fa_file != filp)
			continue;
		*fp = fa->fa_next;
		kfree(fa);
		filp->f_flags &= ~FASYNC;
		result = 1;
		break;
	}
	pthread_mutex_unlock(&fasync_lock);
	return result;
}

static int fasync_add_entry(int fd, struct file *filp,
			    struct fasync_struct **fapp)
{
	struct fasync_struct *fa, *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return -ENOMEM;
	pthread_mutex_lock(&fasync_lock);
	for (fa = *fapp; fa; fa = fa->fa_next) {
		if (fa->fa_file == filp) {
			fa->fa_fd = fd;
			pthread_mutex_unlock(&fasync_lock);
			kfree(new);
			return 0;
		}
	}
	new->magic = FASYNC_MAGIC;
	new->fa_file = filp;
	new->fa_fd = fd;
	new->fa_next = *fapp;
	*fapp = new;
	filp->f_flags |= FASYNC;
	pthread_mutex_unlock(&fasync_lock);
	return 1;
}

int fasync_helper(int fd, struct file *filp, int on,
		  struct fasync_struct **fapp)
{
	if (!on)
		return fasync_remove_entry(filp, fapp);
	return fasync_add_entry(fd, filp, fapp);
}
EXPORT_SYMBOL(fasync_helper);

static unsigned int last_kill_count;

unsigned int kill_fasync_count(void);
unsigned int kill_fasync_count(void)
{
	return __atomic_load_n(&last_kill_count, __ATOMIC_RELAXED);
}

void kill_fasync(struct fasync_struct **fp, int sig, int band)
{
	struct fasync_struct *fa;
	unsigned int n = 0;

	/* First a quick test without locking: usually the list is empty. */
	if (!__atomic_load_n(fp, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&fasync_lock);
	for (fa = *fp; fa; fa = fa->fa_next) {
		if (fa->magic != FASYNC_MAGIC) {
			printk(KERN_ERR "kill_fasync: bad magic number in fasync_struct!\n");
			break;
		}
		/* send_sigio(&fa->fa_file->f_owner, ...): no owner here */
		if (fa->fa_file)
			n++;
	}
	pthread_mutex_unlock(&fasync_lock);
	__atomic_store_n(&last_kill_count, n, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(kill_fasync);
