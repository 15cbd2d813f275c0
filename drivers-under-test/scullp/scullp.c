// SPDX-License-Identifier: GPL-2.0
/*
 * scullp - a char device that stores its data in whole pages (LDD3's
 * scullp and simple, chapter 15): read/write/llseek, ioctls (size query,
 * resize, reset, direct I/O through pinned user pages), poll, a blocking
 * read, mmap served by ->fault from its own pages (/dev/scullp) or
 * remapped up front with remap_pfn_range() (/dev/scullp_pfn), and a
 * debugfs seq_file with its state.  See scullp.h for what user space sees.
 *
 * Locking:
 *  - dev->lock (a mutex) serialises read/write/ioctl and the data;
 *    copy_to_user()/copy_from_user() run under it (they may fault and
 *    sleep);
 *  - dev->page_lock (a spinlock) guards the page array and npages for
 *    the paths that run under mmap_lock (->fault, mmap, vma close), which
 *    must not take dev->lock: read() holds dev->lock while its copy may
 *    take mmap_lock, so mmap_lock -> dev->lock would be the reverse order.
 *    Changing npages or a slot takes both.
 *
 * Planted bugs: this file is also built with one of the SCULLP_BUG_*
 * macros defined, as a module of its own (scullp_<bug>, see
 * drivers-under-test/Makemodule.am); each changes one spot, marked BUG:
 *   SCULLP_BUG_FAULT_NOREF          ->fault hands out its page without
 *                                   get_page()
 *   SCULLP_BUG_NO_UNPIN             direct I/O to the device never unpins
 *                                   the user pages
 *   SCULLP_BUG_COPY_UNDER_SPINLOCK  read copies to user space holding
 *                                   page_lock
 *   SCULLP_BUG_USER_DEREF           SCULLP_IOCSSIZE dereferences the user
 *                                   pointer
 *   SCULLP_BUG_CFU_IGNORED          write ignores copy_from_user()'s
 *                                   result (no -EFAULT)
 *   SCULLP_BUG_READ_IGNORES_PPOS    read always starts at offset 0
 *   SCULLP_BUG_WAIT_UNDER_SPINLOCK  read waits for data holding page_lock
 *   SCULLP_BUG_NOLOCK               read and write without dev->lock (a
 *                                   data race for ThreadSanitizer)
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/wait.h>

#include "scullp.h"

#define SCULLP_NR_MINORS	2
#define SCULLP_MINOR_FAULT	0	/* /dev/<module>: mmap through ->fault */
#define SCULLP_MINOR_PFN	1	/* /dev/<module>_pfn: remap_pfn_range() */

static unsigned int max_pages = 64;
module_param(max_pages, uint, 0444);
MODULE_PARM_DESC(max_pages, "storage limit in pages (1 to 1024)");

struct scullp_dev {
	struct mutex lock;		/* the data, size, the counters */
	spinlock_t page_lock;		/* pages[], npages, pfn_maps */
	wait_queue_head_t readq;	/* readers of an empty device */
	struct page **pages;		/* [0, npages) allocated */
	unsigned int npages;
	size_t size;			/* bytes of data; WRITE_ONCE */
	int pfn_maps;			/* live remap_pfn_range() vmas */
	atomic_t vmas;			/* live ->fault vmas */
	atomic_t faults;
	unsigned long reads, writes, dios;
	struct cdev cdev;
	struct dentry *debugfs;
};

static struct scullp_dev *scullp_device;
static dev_t scullp_devt;
static struct class *scullp_class;

/* ---- the storage ---- */

/* Allocate the pages below @end (bytes).  Under dev->lock. */
static int scullp_grow(struct scullp_dev *dev, size_t end)
{
	unsigned int want = DIV_ROUND_UP(end, PAGE_SIZE);

	while (dev->npages < want) {
		struct page *page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);

		if (!page)
			return -ENOMEM;
		spin_lock(&dev->page_lock);
		dev->pages[dev->npages] = page;
		dev->npages++;
		spin_unlock(&dev->page_lock);
	}
	return 0;
}

/*
 * Drop the pages from byte @end on and make that the size.  Pages still
 * mapped through ->fault keep their mappings' references; pfn mappings
 * hold none, so they forbid it.  Under dev->lock.
 */
static int scullp_truncate(struct scullp_dev *dev, size_t end)
{
	unsigned int keep = DIV_ROUND_UP(end, PAGE_SIZE);
	struct page *page;

	spin_lock(&dev->page_lock);
	if (dev->pfn_maps && keep < dev->npages) {
		spin_unlock(&dev->page_lock);
		return -EBUSY;
	}
	while (dev->npages > keep) {
		dev->npages--;
		page = dev->pages[dev->npages];
		dev->pages[dev->npages] = NULL;
		spin_unlock(&dev->page_lock);
		__free_page(page); /* LINE:free_page */
		spin_lock(&dev->page_lock);
	}
	spin_unlock(&dev->page_lock);
	if (end < dev->size && keep) {
		/* Clear the tail of the last page kept: extending shows 0s. */
		size_t in = offset_in_page(end);

		if (in)
			memzero_page(dev->pages[keep - 1], in, PAGE_SIZE - in);
	}
	WRITE_ONCE(dev->size, end);
	return 0;
}

#ifdef SCULLP_BUG_NOLOCK
/* BUG: "read and write only touch their own range": no lock at all. */
static int scullp_lock_rw(struct scullp_dev *dev)
{
	return 0;
}

static void scullp_unlock_rw(struct scullp_dev *dev)
{
}
#else
static int scullp_lock_rw(struct scullp_dev *dev)
{
	return mutex_lock_interruptible(&dev->lock);
}

static void scullp_unlock_rw(struct scullp_dev *dev)
{
	mutex_unlock(&dev->lock);
}
#endif

/* ---- file operations ---- */

static int scullp_open(struct inode *inode, struct file *filp)
{
	filp->private_data = container_of(inode->i_cdev, struct scullp_dev,
					  cdev);
	return 0;
}

static int scullp_release(struct inode *inode, struct file *filp)
{
	return 0;
}

/* Wait until the device holds data: 0, -EAGAIN or -ERESTARTSYS. */
static int scullp_wait_data(struct scullp_dev *dev, struct file *filp)
{
#ifdef SCULLP_BUG_WAIT_UNDER_SPINLOCK
	int ret;

	if (!READ_ONCE(dev->size) && (filp->f_flags & O_NONBLOCK))
		return -EAGAIN;
	/* BUG: "no writer can slip in between the test and the sleep" */
	spin_lock(&dev->page_lock);
	ret = wait_event_interruptible(dev->readq, dev->size != 0); /* LINE:wait_locked */
	spin_unlock(&dev->page_lock);
	return ret;
#else
	if (READ_ONCE(dev->size))
		return 0;
	if (filp->f_flags & O_NONBLOCK)
		return -EAGAIN;
	return wait_event_interruptible(dev->readq, READ_ONCE(dev->size) != 0); /* LINE:wait */
#endif
}

static ssize_t scullp_read(struct file *filp, char __user *buf, size_t count,
			   loff_t *ppos)
{
	struct scullp_dev *dev = filp->private_data;
	size_t done = 0;
	loff_t pos;
	ssize_t ret;

	for (;;) {
		ret = scullp_wait_data(dev, filp);
		if (ret)
			return ret;
		if (scullp_lock_rw(dev))
			return -ERESTARTSYS;
		if (dev->size)
			break;
		/* Emptied (reset) between the wake-up and the lock. */
		scullp_unlock_rw(dev);
	}
#ifdef SCULLP_BUG_READ_IGNORES_PPOS
	/* BUG: "a device is read from its start" */
	pos = 0; /* LINE:ignore_ppos */
#else
	pos = *ppos;
#endif
	if (pos < 0) {
		ret = -EINVAL;
		goto out;
	}
	if (pos >= dev->size || !count) {
		ret = 0;
		goto out;
	}
	count = min_t(size_t, count, dev->size - pos);
#ifdef SCULLP_BUG_COPY_UNDER_SPINLOCK
	/* BUG: "the page array is page_lock's": held across the copy */
	spin_lock(&dev->page_lock);
#endif
	while (done < count) {
		size_t off = offset_in_page(pos + done);
		size_t n = min_t(size_t, count - done, PAGE_SIZE - off);
		struct page *page = dev->pages[(pos + done) >> PAGE_SHIFT];
		void *kaddr = kmap_local_page(page);
		unsigned long left;

		left = copy_to_user(buf + done, kaddr + off, n); /* LINE:copy_to_user */
		kunmap_local(kaddr);
		done += n - left;
		if (left)
			break;
	}
#ifdef SCULLP_BUG_COPY_UNDER_SPINLOCK
	spin_unlock(&dev->page_lock);
#endif
	dev->reads++;
#ifndef SCULLP_BUG_READ_IGNORES_PPOS
	*ppos = pos + done;
#endif
	ret = done ? done : -EFAULT;
out:
	scullp_unlock_rw(dev);
	return ret;
}

static ssize_t scullp_write(struct file *filp, const char __user *buf,
			    size_t count, loff_t *ppos)
{
	struct scullp_dev *dev = filp->private_data;
	size_t limit = (size_t)max_pages << PAGE_SHIFT;
	loff_t pos = *ppos;
	size_t done = 0;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	if (!count)
		return 0;
	if (pos >= limit)
		return -ENOSPC;
	count = min_t(size_t, count, limit - pos);
	if (scullp_lock_rw(dev))
		return -ERESTARTSYS;
	ret = scullp_grow(dev, pos + count);
	if (ret)
		goto out;
	while (done < count) {
		size_t off = offset_in_page(pos + done);
		size_t n = min_t(size_t, count - done, PAGE_SIZE - off);
		struct page *page = dev->pages[(pos + done) >> PAGE_SHIFT];
		void *kaddr = kmap_local_page(page);
		unsigned long left;

		left = copy_from_user(kaddr + off, buf + done, n); /* LINE:copy_from_user */
		kunmap_local(kaddr);
#ifdef SCULLP_BUG_CFU_IGNORED
		/* BUG: "copy_from_user() zero-fills what it could not copy" */
		left = 0;
#endif
		done += n - left;
		if (left)
			break;
	}
	if (!done) {
		ret = -EFAULT;
		goto out;
	}
	if (pos + done > dev->size)
		WRITE_ONCE(dev->size, pos + done);
	dev->writes++;
	*ppos = pos + done;
	ret = done;
	wake_up_interruptible(&dev->readq);
out:
	scullp_unlock_rw(dev);
	return ret;
}

static loff_t scullp_llseek(struct file *filp, loff_t off, int whence)
{
	struct scullp_dev *dev = filp->private_data;
	loff_t limit = (loff_t)max_pages << PAGE_SHIFT;
	loff_t pos;

	mutex_lock(&dev->lock);
	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = filp->f_pos + off;
		break;
	case SEEK_END:
		pos = dev->size + off;
		break;
	default:
		mutex_unlock(&dev->lock);
		return -EINVAL;
	}
	if (pos < 0 || pos > limit) {
		pos = -EINVAL;
	} else {
		filp->f_pos = pos;
		filp->f_version = 0;
	}
	mutex_unlock(&dev->lock);
	return pos;
}

static __poll_t scullp_poll(struct file *filp, struct poll_table_struct *wait)
{
	struct scullp_dev *dev = filp->private_data;
	size_t size;
	__poll_t mask = 0;

	poll_wait(filp, &dev->readq, wait);
	size = READ_ONCE(dev->size);
	if (size)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (size < (size_t)max_pages << PAGE_SHIFT)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

/* ---- direct I/O ---- */

/* Copy @len bytes between the user pages and the device at @offset. */
static void scullp_dio_copy(struct scullp_dev *dev, struct page **upages,
			    unsigned long ubuf, size_t len, loff_t offset,
			    bool to_device)
{
	size_t done = 0;

	while (done < len) {
		size_t uoff = offset_in_page(ubuf + done);
		size_t doff = offset_in_page(offset + done);
		size_t n = min3(len - done, PAGE_SIZE - uoff, PAGE_SIZE - doff);
		struct page *upage =
			upages[(offset_in_page(ubuf) + done) >> PAGE_SHIFT];
		struct page *dpage = dev->pages[(offset + done) >> PAGE_SHIFT];
		u8 *uaddr = kmap_local_page(upage);
		u8 *daddr = kmap_local_page(dpage);

		if (to_device)
			memcpy(daddr + doff, uaddr + uoff, n);
		else
			memcpy(uaddr + uoff, daddr + doff, n);
		kunmap_local(daddr);
		kunmap_local(uaddr);
		done += n;
	}
}

static long scullp_dio(struct scullp_dev *dev, void __user *argp)
{
	size_t limit = (size_t)max_pages << PAGE_SHIFT;
	struct scullp_dio d;
	struct page **pages;
	unsigned int gup_flags;
	int nr, pinned;
	long ret;

	if (copy_from_user(&d, argp, sizeof(d)))
		return -EFAULT;
	if (d.offset < 0 || d.len > SCULLP_DIO_MAX || d.pad)
		return -EINVAL;
	if (!d.len)
		return 0;
	if (d.to_device && (d.offset >= limit || d.len > limit - d.offset))
		return -ENOSPC;
	nr = DIV_ROUND_UP(offset_in_page(d.buf) + d.len, PAGE_SIZE);
	pages = kmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	/* Reading the device writes into the user's pages. */
	gup_flags = d.to_device ? 0 : FOLL_WRITE;
	pinned = pin_user_pages_fast(d.buf & PAGE_MASK, nr, gup_flags, pages); /* LINE:pin */
	if (pinned < 0) {
		ret = pinned;
		goto out_free;
	}
	if (pinned < nr) {
		ret = -EFAULT;
		goto out_unpin;
	}

	mutex_lock(&dev->lock);
	if (d.to_device) {
		ret = scullp_grow(dev, d.offset + d.len);
		if (!ret) {
			scullp_dio_copy(dev, pages, d.buf, d.len, d.offset,
					true);
			if (d.offset + d.len > dev->size)
				WRITE_ONCE(dev->size, d.offset + d.len);
			ret = d.len;
			wake_up_interruptible(&dev->readq);
		}
	} else if (d.offset >= dev->size) {
		ret = 0;
	} else {
		ret = min_t(size_t, d.len, dev->size - d.offset);
		scullp_dio_copy(dev, pages, d.buf, ret, d.offset, false);
	}
	dev->dios++;
	mutex_unlock(&dev->lock);

out_unpin:
#ifdef SCULLP_BUG_NO_UNPIN
	/* BUG: "the user's pages were only read: nothing to give back" */
	if (!d.to_device)
		unpin_user_pages_dirty_lock(pages, pinned, true);
#else
	/* What went to the user's pages must reach their backing store. */
	unpin_user_pages_dirty_lock(pages, pinned, !d.to_device);
#endif
out_free:
	kfree(pages);
	return ret;
}

static long scullp_ioctl(struct file *filp, unsigned int cmd,
			 unsigned long arg)
{
	struct scullp_dev *dev = filp->private_data;
	u64 __user *up = (u64 __user *)arg;
	u64 val;
	long ret;

	if (_IOC_TYPE(cmd) != SCULLP_IOC_MAGIC)
		return -ENOTTY;
	switch (cmd) {
	case SCULLP_IOCRESET:
		mutex_lock(&dev->lock);
		ret = scullp_truncate(dev, 0);
		mutex_unlock(&dev->lock);
		return ret;
	case SCULLP_IOCGSIZE:
		return put_user((u64)READ_ONCE(dev->size), up);
	case SCULLP_IOCSSIZE:
#ifdef SCULLP_BUG_USER_DEREF
		/* BUG: "arg is just the address of a u64" */
		val = *up; /* LINE:user_deref */
#else
		if (get_user(val, up))
			return -EFAULT;
#endif
		if (val > (u64)max_pages << PAGE_SHIFT)
			return -ENOSPC;
		mutex_lock(&dev->lock);
		if (val <= dev->size) {
			ret = scullp_truncate(dev, val);
		} else {
			ret = scullp_grow(dev, val);
			if (!ret)
				WRITE_ONCE(dev->size, val);
		}
		mutex_unlock(&dev->lock);
		return ret;
	case SCULLP_IOCDIO:
		return scullp_dio(dev, (void __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* ---- mmap ---- */

static void scullp_vma_open(struct vm_area_struct *vma)
{
	struct scullp_dev *dev = vma->vm_private_data;

	atomic_inc(&dev->vmas);
}

static void scullp_vma_close(struct vm_area_struct *vma)
{
	struct scullp_dev *dev = vma->vm_private_data;

	atomic_dec(&dev->vmas);
}

static vm_fault_t scullp_vma_fault(struct vm_fault *vmf)
{
	struct scullp_dev *dev = vmf->vma->vm_private_data;
	struct page *page = NULL;

	spin_lock(&dev->page_lock);
	if (vmf->pgoff < dev->npages) {
		page = dev->pages[vmf->pgoff];
#ifndef SCULLP_BUG_FAULT_NOREF
		get_page(page); /* LINE:fault_get_page */
#else
		/* BUG: "the page is ours, it stays allocated" */
#endif
	}
	spin_unlock(&dev->page_lock);
	if (!page)
		return VM_FAULT_SIGBUS;
	atomic_inc(&dev->faults);
	vmf->page = page; /* LINE:fault_page */
	return 0;
}

static const struct vm_operations_struct scullp_vm_ops = {
	.open	= scullp_vma_open,
	.close	= scullp_vma_close,
	.fault	= scullp_vma_fault,
};

static void scullp_pfn_vma_open(struct vm_area_struct *vma)
{
	struct scullp_dev *dev = vma->vm_private_data;

	spin_lock(&dev->page_lock);
	dev->pfn_maps++;
	spin_unlock(&dev->page_lock);
}

static void scullp_pfn_vma_close(struct vm_area_struct *vma)
{
	struct scullp_dev *dev = vma->vm_private_data;

	spin_lock(&dev->page_lock);
	dev->pfn_maps--;
	spin_unlock(&dev->page_lock);
}

static const struct vm_operations_struct scullp_pfn_vm_ops = {
	.open	= scullp_pfn_vma_open,
	.close	= scullp_pfn_vma_close,
};

static int scullp_mmap_pfn(struct scullp_dev *dev, struct vm_area_struct *vma)
{
	unsigned long i, n = vma_pages(vma);
	int ret = 0;

	/* Page by page: a private writable mapping would need one call. */
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	spin_lock(&dev->page_lock);
	if (vma->vm_pgoff > dev->npages || n > dev->npages - vma->vm_pgoff) {
		spin_unlock(&dev->page_lock);
		return -ENXIO;
	}
	/* From here on the pages cannot be dropped. */
	dev->pfn_maps++;
	spin_unlock(&dev->page_lock);

	for (i = 0; i < n; i++) {
		struct page *page = dev->pages[vma->vm_pgoff + i];

		ret = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
				      page_to_pfn(page), PAGE_SIZE,
				      vma->vm_page_prot);
		if (ret)
			break;
	}
	if (ret) {
		scullp_pfn_vma_close(vma);
		return ret;
	}
	vma->vm_ops = &scullp_pfn_vm_ops;
	vma->vm_private_data = dev;
	return 0;
}

static int scullp_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct scullp_dev *dev = filp->private_data;

	if (iminor(file_inode(filp)) - MINOR(scullp_devt) == SCULLP_MINOR_PFN)
		return scullp_mmap_pfn(dev, vma);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
#else
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
#endif
	vma->vm_ops = &scullp_vm_ops;
	vma->vm_private_data = dev;
	/* The core calls ->open for copies of the vma only. */
	scullp_vma_open(vma);
	return 0;
}

static const struct file_operations scullp_fops = {
	.owner		= THIS_MODULE,
	.llseek		= scullp_llseek,
	.read		= scullp_read,
	.write		= scullp_write,
	.poll		= scullp_poll,
	.unlocked_ioctl	= scullp_ioctl,
	.mmap		= scullp_mmap,
	.open		= scullp_open,
	.release	= scullp_release,
};

/* ---- debugfs ---- */

static int scullp_state_show(struct seq_file *s, void *unused)
{
	struct scullp_dev *dev = s->private;

	mutex_lock(&dev->lock);
	seq_printf(s, "size: %zu\n", dev->size);
	seq_printf(s, "pages: %u of %u\n", dev->npages, max_pages);
	seq_printf(s, "vmas: %d\n", atomic_read(&dev->vmas));
	spin_lock(&dev->page_lock);
	seq_printf(s, "pfn vmas: %d\n", dev->pfn_maps);
	spin_unlock(&dev->page_lock);
	seq_printf(s, "faults: %d\n", atomic_read(&dev->faults));
	seq_printf(s, "reads: %lu\nwrites: %lu\ndio: %lu\n", dev->reads,
		   dev->writes, dev->dios);
	mutex_unlock(&dev->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(scullp_state);

/* ---- module ---- */

static int __init scullp_init(void)
{
	struct scullp_dev *dev;
	struct device *node;
	int ret;

	if (max_pages < 1 || max_pages > SCULLP_MAX_PAGES_LIMIT)
		return -EINVAL;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->pages = kcalloc(max_pages, sizeof(*dev->pages), GFP_KERNEL);
	if (!dev->pages) {
		ret = -ENOMEM;
		goto err_dev;
	}
	mutex_init(&dev->lock);
	spin_lock_init(&dev->page_lock);
	init_waitqueue_head(&dev->readq);

	ret = alloc_chrdev_region(&scullp_devt, 0, SCULLP_NR_MINORS,
				  KBUILD_MODNAME);
	if (ret)
		goto err_pages;
	cdev_init(&dev->cdev, &scullp_fops);
	dev->cdev.owner = THIS_MODULE;
	ret = cdev_add(&dev->cdev, scullp_devt, SCULLP_NR_MINORS);
	if (ret)
		goto err_region;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	scullp_class = class_create(KBUILD_MODNAME);
#else
	scullp_class = class_create(THIS_MODULE, KBUILD_MODNAME);
#endif
	if (IS_ERR(scullp_class)) {
		ret = PTR_ERR(scullp_class);
		goto err_cdev;
	}
	node = device_create(scullp_class, NULL,
			     MKDEV(MAJOR(scullp_devt), MINOR(scullp_devt) +
				   SCULLP_MINOR_FAULT),
			     NULL, "%s", KBUILD_MODNAME);
	if (IS_ERR(node)) {
		ret = PTR_ERR(node);
		goto err_class;
	}
	node = device_create(scullp_class, NULL,
			     MKDEV(MAJOR(scullp_devt), MINOR(scullp_devt) +
				   SCULLP_MINOR_PFN),
			     NULL, "%s_pfn", KBUILD_MODNAME);
	if (IS_ERR(node)) {
		ret = PTR_ERR(node);
		goto err_node;
	}
	/* Diagnostics only: debugfs failures are not the driver's. */
	dev->debugfs = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("state", 0444, dev->debugfs, dev,
			    &scullp_state_fops);
	scullp_device = dev;
	pr_info("%u pages at most, major %d\n", max_pages,
		MAJOR(scullp_devt));
	return 0;

err_node:
	device_destroy(scullp_class, scullp_devt);
err_class:
	class_destroy(scullp_class);
err_cdev:
	cdev_del(&dev->cdev);
err_region:
	unregister_chrdev_region(scullp_devt, SCULLP_NR_MINORS);
err_pages:
	kfree(dev->pages);
err_dev:
	kfree(dev);
	return ret;
}

static void __exit scullp_exit(void)
{
	struct scullp_dev *dev = scullp_device;

	debugfs_remove(dev->debugfs);
	device_destroy(scullp_class, MKDEV(MAJOR(scullp_devt),
					   MINOR(scullp_devt) +
					   SCULLP_MINOR_PFN));
	device_destroy(scullp_class, scullp_devt);
	class_destroy(scullp_class);
	cdev_del(&dev->cdev);
	unregister_chrdev_region(scullp_devt, SCULLP_NR_MINORS);
	/* No file is open (the module is pinned while one is). */
	mutex_lock(&dev->lock);
	scullp_truncate(dev, 0);
	mutex_unlock(&dev->lock);
	kfree(dev->pages);
	kfree(dev);
	scullp_device = NULL;
}

module_init(scullp_init);
module_exit(scullp_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Whole-page char device (LDD3 scullp), for kshim's tests");
