// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/libfs.c - the buffer helpers of fs/libfs.c (6.1) that
 * character drivers use in ->read/->write, and simple_open():
 *  - simple_read_from_buffer(to, count, ppos, from, available): a
 *    negative *ppos is -EINVAL; at or past @available, or count 0, 0;
 *    else copies min(count, available - pos) to user space and advances
 *    *ppos by what was copied; nothing copied (a bad user address) is
 *    -EFAULT, a partial copy returns its length;
 *  - simple_write_to_buffer(): the same from user space;
 *  - memory_read_from_buffer(): the same between kernel buffers;
 *  - simple_open(): file->private_data = inode->i_private when set.
 * The user copies are might_fault() points naming the driver's line.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#undef simple_read_from_buffer
#undef simple_write_to_buffer

int simple_open(struct inode *inode, struct file *file)
{
	/* Hand the inode's private pointer on, unless it has none. */
	void *data = inode->i_private;

	if (data)
		file->private_data = data;
	return 0;
}
EXPORT_SYMBOL(simple_open);

/*
 * The window a buffer helper works on: *ppos into a buffer of @size
 * bytes, @want bytes asked for.  Returns -EINVAL for a negative
 * position, else the number of bytes the window holds (0 at or past the
 * end, or when nothing is asked for).
 */
static ssize_t kshim_buf_window(const loff_t *ppos, size_t want, size_t size)
{
	loff_t at = *ppos;
	size_t left;

	if (at < 0)
		return -EINVAL;
	if ((u64)at >= size)
		return 0;
	left = size - (size_t)at;
	return want < left ? want : left;
}

/*
 * After a user copy of @n bytes of which @missed were not done: nothing
 * done is -EFAULT, else the position moves by what was done.
 */
static ssize_t kshim_buf_done(loff_t *ppos, size_t n, size_t missed)
{
	size_t done = n - missed;

	if (!done)
		return -EFAULT;
	*ppos += done;
	return done;
}

ssize_t __kshim_simple_read_from_buffer(void __user *to, size_t count,
					loff_t *ppos, const void *from,
					size_t available,
					const struct kshim_site *site)
{
	ssize_t n = kshim_buf_window(ppos, count, available);
	size_t missed;

	if (n <= 0)
		return n;
	missed = __kshim_copy_to_user(to, (const char *)from + *ppos, n,
				      __KSHIM_UC_CHECK | __KSHIM_UC_FAULT,
				      site);
	return kshim_buf_done(ppos, n, missed);
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	return __kshim_simple_read_from_buffer(to, count, ppos, from,
					       available, NULL);
}
EXPORT_SYMBOL(simple_read_from_buffer);

ssize_t __kshim_simple_write_to_buffer(void *to, size_t available,
				       loff_t *ppos, const void __user *from,
				       size_t count,
				       const struct kshim_site *site)
{
	ssize_t n = kshim_buf_window(ppos, count, available);
	size_t missed;

	if (n <= 0)
		return n;
	/* copy_from_user(): the part not copied is zeroed. */
	missed = __kshim_copy_from_user((char *)to + *ppos, from, n,
					__KSHIM_UC_CHECK | __KSHIM_UC_FAULT |
					__KSHIM_UC_ZERO, site);
	return kshim_buf_done(ppos, n, missed);
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	return __kshim_simple_write_to_buffer(to, available, ppos, from,
					      count, NULL);
}
EXPORT_SYMBOL(simple_write_to_buffer);

ssize_t memory_read_from_buffer(void *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	ssize_t n = kshim_buf_window(ppos, count, available);

	if (n > 0) {
		memcpy(to, (const char *)from + *ppos, n);
		*ppos += n;
	}
	return n;
}
EXPORT_SYMBOL(memory_read_from_buffer);
