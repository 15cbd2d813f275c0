// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/ioctl.c - ioctl(2) of a simulated process, as fs/ioctl.c of
 * 6.1 for a device file:
 *  - a bad descriptor is -EBADF;
 *  - do_vfs_ioctl() answers the generic commands itself: FIOCLEX and
 *    FIONCLEX (close-on-exec), FIONBIO (O_NONBLOCK in f_flags, from an
 *    int in user space, -EFAULT when unreadable), FIOASYNC (FASYNC
 *    through ->fasync, -ENOTTY without one), FIOQSIZE (-ENOTTY: not a
 *    regular file), FIGETBSZ (the block size of devtmpfs, PAGE_SIZE),
 *    FIFREEZE/FITHAW (-EPERM without CAP_SYS_ADMIN, else -EOPNOTSUPP:
 *    devtmpfs cannot freeze); FIONREAD and every other command go to the
 *    driver;
 *  - vfs_ioctl(): ->unlocked_ioctl(file, cmd, arg), -ENOIOCTLCMD
 *    becoming -ENOTTY (-EINVAL before 3.7's profile); no
 *    ->unlocked_ioctl is -ENOTTY.  Until 2.6.35's profile a driver's
 *    ->ioctl(inode, file, cmd, arg) is called when it has no
 *    ->unlocked_ioctl (under the BKL there; here under nothing), its
 *    result returned as is.
 * Not here: FICLONE/FICLONERANGE/FIDEDUPERANGE and FS_IOC_FIEMAP (the
 * driver sees them), compat_ioctl (no 32-bit processes).
 */
#include <linux/capability.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <asm/ioctls.h>
#include <kshim/boot.h>

#include "fs/internal.h"

/* The driver's reply to a command it does not know, by profile. */
static long kshim_unknown_cmd_errno(void)
{
	return kshim_linux_version() >= KERNEL_VERSION(3, 7, 0) ? -ENOTTY
								: -EINVAL;
}

long vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	const struct file_operations *fo = filp->f_op;
	int ret;	/* as in the kernel: the driver's long is cut to int */

	if (fo->unlocked_ioctl == NULL) {
		/*
		 * Profiles before 2.6.36 still have the inode-taking
		 * ->ioctl (the BKL it ran under is not modelled); its
		 * result goes back untouched.
		 */
		bool legacy = kshim_linux_version() < KERNEL_VERSION(2, 6, 36);

		if (legacy && __kshim_fop_ioctl(fo) != NULL)
			return __kshim_fop_ioctl(fo)(file_inode(filp), filp,
						     cmd, arg);
		return -ENOTTY;
	}
	ret = fo->unlocked_ioctl(filp, cmd, arg);
	return ret == -ENOIOCTLCMD ? kshim_unknown_cmd_errno() : ret;
}
EXPORT_SYMBOL(vfs_ioctl);

/* The 64-bit handler takes the (already converted) pointer as is. */
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long (*handler)(struct file *, unsigned int, unsigned long) =
		file->f_op->unlocked_ioctl;

	return handler ? handler(file, cmd, arg) : -ENOIOCTLCMD;
}
EXPORT_SYMBOL(compat_ptr_ioctl);

/* FIONBIO: the int at @argp turns O_NONBLOCK on (non-zero) or off. */
static long kshim_ioctl_nonblock(struct file *file, int __user *argp)
{
	int want;

	if (get_user(want, argp))
		return -EFAULT;
	spin_lock(&file->f_lock);
	file->f_flags = want ? (file->f_flags | O_NONBLOCK) :
			       (file->f_flags & ~O_NONBLOCK);
	spin_unlock(&file->f_lock);
	return 0;
}

/*
 * FIOASYNC: only a change of the FASYNC state is passed on, to ->fasync
 * (which updates f_flags itself); a file without one cannot change it.
 * A positive ->fasync result counts as success.
 */
static long kshim_ioctl_async(unsigned int fd, struct file *file,
			      int __user *argp)
{
	bool now_on, want_on;
	int want, ret;

	if (get_user(want, argp))
		return -EFAULT;
	want_on = want != 0;
	now_on = (file->f_flags & FASYNC) != 0;
	if (want_on == now_on)
		return 0;
	if (file->f_op->fasync == NULL)
		return -ENOTTY;
	ret = file->f_op->fasync(fd, file, want);
	return ret > 0 ? 0 : ret;
}

/*
 * The commands the VFS answers for any file.  Returns -ENOIOCTLCMD for
 * the ones that go to the driver: every other command, and FIONREAD
 * (a device file is not a regular file, its driver knows).
 */
static long kshim_ioctl_common(struct file *file, unsigned int fd,
			       unsigned int cmd, unsigned long arg)
{
	void __user *uptr = (void __user *)arg;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		kshim_set_close_on_exec(fd, cmd == FIOCLEX);
		return 0;
	case FIONBIO:
		return kshim_ioctl_nonblock(file, uptr);
	case FIOASYNC:
		return kshim_ioctl_async(fd, file, uptr);
	case FIOQSIZE:
		/* A size only for regular files, directories and links. */
		return -ENOTTY;
	case FIFREEZE:
	case FITHAW:
		/* Privileged; and devtmpfs has nothing to freeze. */
		return capable(CAP_SYS_ADMIN) ? -EOPNOTSUPP : -EPERM;
	case FIGETBSZ:
		/* devtmpfs' block size */
		return put_user((int)PAGE_SIZE, (int __user *)uptr);
	default:
		return -ENOIOCTLCMD;
	}
}

long kshim_sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long ret;

	if (file == NULL)
		return -EBADF;
	ret = kshim_ioctl_common(file, fd, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = vfs_ioctl(file, cmd, arg);
	fput(file);
	return ret;
}
