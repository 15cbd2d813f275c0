// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/read_write.c - read(2), write(2), pread64(2), pwrite64(2) and
 * lseek(2) of a simulated process, and the llseek helpers drivers use, as
 * fs/read_write.c of 6.1:
 *  - a bad descriptor is -EBADF; vfs_read(): not open for reading
 *    -EBADF, no ->read/->read_iter -EINVAL, a user buffer failing
 *    access_ok() -EFAULT, rw_verify_area() (a negative count or position,
 *    or one that overflows, -EINVAL unless FMODE_UNSIGNED_OFFSET), a
 *    count capped at MAX_RW_COUNT; ->read(file, buf, count, &pos) or
 *    ->read_iter() through a synchronous kiocb and an ITER_UBUF iov_iter;
 *    vfs_write() likewise;
 *  - read()/write() pass a copy of f_pos (NULL for FMODE_STREAM files)
 *    and store it back when the call did not fail; pread()/pwrite() need
 *    FMODE_PREAD/FMODE_PWRITE (-ESPIPE: nonseekable_open()) and a
 *    position >= 0 (-EINVAL), and leave f_pos alone;
 *  - lseek(): whence above SEEK_MAX -EINVAL, no FMODE_LSEEK -ESPIPE
 *    (a file whose fops have no ->llseek, from 2.6.37's profile on;
 *    before, default_llseek()), else ->llseek(); a result that does not
 *    fit off_t -EOVERFLOW;
 *  - kernel_read()/kernel_write(): rw_verify_area() first, then
 *    WARN_ON_ONCE when not open for it (-EINVAL/-EBADF), no
 *    FMODE_CAN_READ/WRITE -EINVAL, and only ->read_iter/->write_iter
 *    without ->read/->write ("kernel read not supported for file ...",
 *    -EINVAL);
 *  - default_llseek() (against i_size), no_llseek() (-ESPIPE),
 *    noop_llseek() (f_pos unchanged), generic_file_llseek(_size)(),
 *    fixed_size_llseek(), no_seek_end_llseek(_size)() and vfs_setpos().
 * kshim: kernel_read()/kernel_write()'s refusal names the file by its
 * device number (kshim's files have no path for %pD4); no inode_lock()
 * around default_llseek() (kshim's device inodes
 * are per file); f_pos_lock is not taken (FMODE_ATOMIC_POS is only set
 * for regular files and directories, which kshim has not).
 */
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <kshim/boot.h>

#include "fs/internal.h"

/* FMODE_UNSIGNED_OFFSET: the file's positions may be "negative" (huge). */
static bool kshim_pos_any(const struct file *f)
{
	return (f->f_mode & FMODE_UNSIGNED_OFFSET) != 0;
}

/* Store a new position; a changed one resets f_version. */
static loff_t kshim_pos_store(struct file *f, loff_t where)
{
	if (f->f_pos == where)
		return where;
	f->f_version = 0;
	f->f_pos = where;
	return where;
}

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	bool ok = offset <= maxsize && (offset >= 0 || kshim_pos_any(file));

	return ok ? kshim_pos_store(file, offset) : -EINVAL;
}
EXPORT_SYMBOL(vfs_setpos);

/*
 * SEEK_DATA and SEEK_HOLE on a file with no holes: every position below
 * @eof is data, and the only hole starts at @eof.  The comparison is
 * unsigned, so a negative start is past the end too.  Returns the
 * position to go to, or -ENXIO.
 */
static loff_t kshim_seek_data_hole(loff_t start, int whence, loff_t eof)
{
	if ((u64)start >= (u64)eof)
		return -ENXIO;
	return whence == SEEK_HOLE ? eof : start;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	loff_t target;

	if (whence == SEEK_CUR) {
		/*
		 * A zero move only reports where the file is: leave f_pos
		 * alone (a read() on another thread may be moving it).  A
		 * real move reads and writes f_pos under f_lock so two
		 * relative seeks do not lose one another.
		 */
		if (!offset)
			return file->f_pos;
		spin_lock(&file->f_lock);
		target = vfs_setpos(file, offset + file->f_pos, maxsize);
		spin_unlock(&file->f_lock);
		return target;
	}

	target = offset;
	if (whence == SEEK_END) {
		target = eof + offset;
	} else if (whence == SEEK_DATA || whence == SEEK_HOLE) {
		target = kshim_seek_data_hole(offset, whence, eof);
		if (target < 0)
			return target;
	}
	/* SEEK_SET and any other whence: @offset as it is. */
	return vfs_setpos(file, target, maxsize);
}
EXPORT_SYMBOL(generic_file_llseek_size);

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = i_size_read(file_inode(file));

	return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE,
					size);
}
EXPORT_SYMBOL(generic_file_llseek);

/*
 * The three seek helpers below accept a subset of whence values and
 * differ only in the limit and the end they hand on.
 */
static loff_t kshim_llseek_limited(struct file *file, loff_t offset,
				   int whence, bool end_ok, loff_t limit,
				   loff_t end)
{
	bool accepted = whence == SEEK_SET || whence == SEEK_CUR ||
			(end_ok && whence == SEEK_END);

	if (!accepted)
		return -EINVAL;
	return generic_file_llseek_size(file, offset, whence, limit, end);
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size)
{
	return kshim_llseek_limited(file, offset, whence, true, size, size);
}
EXPORT_SYMBOL(fixed_size_llseek);

loff_t no_seek_end_llseek(struct file *file, loff_t offset, int whence)
{
	return kshim_llseek_limited(file, offset, whence, false, OFFSET_MAX,
				    0);
}
EXPORT_SYMBOL(no_seek_end_llseek);

loff_t no_seek_end_llseek_size(struct file *file, loff_t offset, int whence,
			       loff_t size)
{
	return kshim_llseek_limited(file, offset, whence, false, size, 0);
}
EXPORT_SYMBOL(no_seek_end_llseek_size);

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}
EXPORT_SYMBOL(noop_llseek);

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
EXPORT_SYMBOL(no_llseek);

/*
 * default_llseek(): like generic_file_llseek() but with no upper limit,
 * against i_size, and with a signed data/hole comparison (a negative
 * start goes on to the negative-position check).
 */
loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file_inode(file)->i_size;
	loff_t target = offset;

	if (whence == SEEK_CUR) {
		if (!offset)
			return file->f_pos;
		target = file->f_pos + offset;
	} else if (whence == SEEK_END) {
		target = i_size_read(file_inode(file)) + offset;
	} else if (whence == SEEK_DATA || whence == SEEK_HOLE) {
		if (offset >= size)
			return -ENXIO;
		if (whence == SEEK_HOLE)
			target = size;
	}
	if (target < 0 && !kshim_pos_any(file))
		return -EINVAL;
	return kshim_pos_store(file, target);
}
EXPORT_SYMBOL(default_llseek);

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t (*seek)(struct file *, loff_t, int) = file->f_op->llseek;

	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	/* Profiles before 2.6.37 fall back to default_llseek(). */
	return (seek ? seek : default_llseek)(file, offset, whence);
}
EXPORT_SYMBOL(vfs_llseek);

off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t where;

	if (!file)
		return -EBADF;
	where = whence > SEEK_MAX ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	/* off_t is 64 bits on every host kshim builds for; be exact anyway. */
	if ((off_t)where != where)
		return -EOVERFLOW;
	return where;
}

int rw_verify_area(int read_write, struct file *file, const loff_t *ppos,
		   size_t count)
{
	loff_t start;

	if ((ssize_t)count < 0)
		return -EINVAL;
	if (!ppos)
		return 0;

	start = *ppos;
	if (start >= 0) {
		/* start + count wrapping past LLONG_MAX */
		if ((u64)start + count > (u64)LLONG_MAX && !kshim_pos_any(file))
			return -EINVAL;
		return 0;
	}
	if (!kshim_pos_any(file))
		return -EINVAL;
	/* Negative (unsigned) positions: the range must not cross zero. */
	return (u64)count >= (u64)0 - (u64)start ? -EOVERFLOW : 0;
}
EXPORT_SYMBOL(rw_verify_area);

/*
 * ->read_iter()/->write_iter() for a plain read()/write(): one
 * synchronous kiocb over an ITER_UBUF iterator.  A read's position is
 * written back whatever the result, a write's only after progress.
 */
static ssize_t kshim_sync_iter(struct file *file, bool writing,
			       void __user *ubuf, size_t len, loff_t *ppos)
{
	struct iov_iter iter;
	struct kiocb kiocb;
	ssize_t done;

	init_sync_kiocb(&kiocb, file);
	if (ppos)
		kiocb.ki_pos = *ppos;
	iov_iter_ubuf(&iter, writing ? ITER_SOURCE : ITER_DEST, ubuf, len);
	done = writing ? call_write_iter(file, &kiocb, &iter) :
			 call_read_iter(file, &kiocb, &iter);
	/* kshim has no asynchronous kiocbs: nothing may be queued. */
	BUG_ON(done == -EIOCBQUEUED);
	if (ppos && (!writing || done > 0))
		*ppos = kiocb.ki_pos;
	return done;
}

/*
 * The checks vfs_read() and vfs_write() share, in the kernel's order;
 * on success *count is capped at MAX_RW_COUNT.
 */
static int kshim_rw_checks(struct file *file, bool writing,
			   const void __user *ubuf, size_t *count,
			   const loff_t *pos)
{
	fmode_t open_mode = writing ? FMODE_WRITE : FMODE_READ;
	fmode_t can_mode = writing ? FMODE_CAN_WRITE : FMODE_CAN_READ;
	int err;

	if ((file->f_mode & open_mode) == 0)
		return -EBADF;
	if ((file->f_mode & can_mode) == 0)
		return -EINVAL;
	if (!__kshim_access_ok(ubuf, *count))
		return -EFAULT;
	err = rw_verify_area(writing ? WRITE : READ, file, pos, *count);
	if (!err)
		*count = min_t(size_t, *count, MAX_RW_COUNT);
	return err;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos)
{
	const struct file_operations *fops = file->f_op;
	int err = kshim_rw_checks(file, false, buf, &count, pos);

	if (err)
		return err;
	if (fops->read)
		return fops->read(file, buf, count, pos);
	if (!fops->read_iter)
		return -EINVAL;
	return kshim_sync_iter(file, false, buf, count, pos);
}
EXPORT_SYMBOL(vfs_read);

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	const struct file_operations *fops = file->f_op;
	int err = kshim_rw_checks(file, true, buf, &count, pos);

	if (err)
		return err;
	if (fops->write)
		return fops->write(file, buf, count, pos);
	if (!fops->write_iter)
		return -EINVAL;
	return kshim_sync_iter(file, true, (void __user *)buf, count, pos);
}
EXPORT_SYMBOL(vfs_write);

/*
 * kernel_read()/kernel_write() on a file whose fops cannot take a kernel
 * buffer: only ->read_iter/->write_iter can, and a file that also has
 * ->read/->write is refused too (two paths with different semantics).
 * The kernel prints the file's path with %pD4; kshim's device files have
 * no path, so their device number stands in for it.
 */
static int kshim_kernel_rw_unsupported(struct file *file, const char *op)
{
	struct inode *inode = file_inode(file);
	char name[32] = "?";

	if (inode)
		snprintf(name, sizeof(name), "char:%u:%u", imajor(inode),
			 iminor(inode));
	pr_warn_ratelimited("kernel %s not supported for file %s (pid: %d comm: %.20s)\n",
			    op, name, current->pid, current->comm);
	return -EINVAL;
}

/*
 * The shared part of kernel_read()/kernel_write() once the caller's
 * checks passed: the buffer goes in as one kvec (capped at
 * MAX_RW_COUNT) through a synchronous kiocb; the position moves only
 * after progress.
 */
static ssize_t kshim_kernel_rw(struct file *file, bool writing, void *buf,
			       size_t count, loff_t *pos)
{
	struct kvec vec;
	struct kiocb kiocb;
	struct iov_iter iter;
	ssize_t done;

	if (!(file->f_mode & (writing ? FMODE_CAN_WRITE : FMODE_CAN_READ)))
		return -EINVAL;
	if (writing ? (!file->f_op->write_iter || file->f_op->write) :
		      (!file->f_op->read_iter || file->f_op->read))
		return kshim_kernel_rw_unsupported(file,
						   writing ? "write" : "read");

	vec.iov_base = buf;
	vec.iov_len = min_t(size_t, count, MAX_RW_COUNT);
	init_sync_kiocb(&kiocb, file);
	if (pos)
		kiocb.ki_pos = *pos;
	iov_iter_kvec(&iter, writing ? ITER_SOURCE : ITER_DEST, &vec, 1,
		      vec.iov_len);
	done = writing ? file->f_op->write_iter(&kiocb, &iter) :
			 file->f_op->read_iter(&kiocb, &iter);
	if (done > 0 && pos)
		*pos = kiocb.ki_pos;
	return done;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	int err = rw_verify_area(READ, file, pos, count);

	if (err)
		return err;
	/* Not open for reading: a kernel caller's bug (-EINVAL, not -EBADF). */
	if (WARN_ON_ONCE(!(file->f_mode & FMODE_READ)))
		return -EINVAL;
	return kshim_kernel_rw(file, false, buf, count, pos);
}
EXPORT_SYMBOL(kernel_read);

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	int err = rw_verify_area(WRITE, file, pos, count);

	if (err)
		return err;
	if (WARN_ON_ONCE(!(file->f_mode & FMODE_WRITE)))
		return -EBADF;
	return kshim_kernel_rw(file, true, (void *)buf, count, pos);
}
EXPORT_SYMBOL(kernel_write);

/*
 * read(2)/write(2): work on a copy of f_pos (streams have none) and keep
 * it only when the call did not fail.
 */
static ssize_t kshim_rw_at_fpos(unsigned int fd, bool writing,
				void __user *buf, size_t count)
{
	struct file *file = fget(fd);
	loff_t cursor;
	loff_t *at = NULL;
	ssize_t ret;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_STREAM)) {
		cursor = file->f_pos;
		at = &cursor;
	}
	ret = writing ? vfs_write(file, buf, count, at) :
			vfs_read(file, buf, count, at);
	if (at && ret >= 0)
		file->f_pos = cursor;
	fput(file);
	return ret;
}

ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	return kshim_rw_at_fpos(fd, false, buf, count);
}

ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return kshim_rw_at_fpos(fd, true, (void __user *)buf, count);
}

/*
 * pread64(2)/pwrite64(2): an explicit position, f_pos untouched; the
 * file must allow positioned I/O (nonseekable_open() takes it away).
 */
static ssize_t kshim_rw_at(unsigned int fd, bool writing, void __user *buf,
			   size_t count, loff_t at)
{
	fmode_t need = writing ? FMODE_PWRITE : FMODE_PREAD;
	struct file *file;
	ssize_t ret;

	if (at < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!(file->f_mode & need))
		ret = -ESPIPE;
	else if (writing)
		ret = vfs_write(file, buf, count, &at);
	else
		ret = vfs_read(file, buf, count, &at);
	fput(file);
	return ret;
}

ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos)
{
	return kshim_rw_at(fd, false, buf, count, pos);
}

ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf,
		      size_t count, loff_t pos)
{
	return kshim_rw_at(fd, true, (void __user *)buf, count, pos);
}
