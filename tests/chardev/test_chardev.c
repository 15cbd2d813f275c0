/*
 * test_chardev - character devices and the VFS of simulated processes
 * (6.8 profile, the default): fs/char_dev.c's region rules and messages,
 * dynamic majors, cdev lookup, misc minors, classes and /dev nodes, and
 * open/read/write/pread/lseek/ioctl/dup/close as a process sees them
 * (compat/fs/), each checked against the kernel's rule, with the
 * kernel's reports at this file's lines for the misuses.
 */
#include <string.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <asm/ioctls.h>

#include "common/expect_bug.h"

/* ---- a small driver: a 64-byte buffer, counters of what ran ---- */

#define BUF_SIZE 64
static char buffer[BUF_SIZE];
static int nr_open, nr_release, nr_flush;
static unsigned int open_flags, open_minor;
static fmode_t open_mode;
static int open_error;
static bool use_nonseekable;

#define T_IOC_FLAGS	_IOR('k', 1, int)
#define T_IOC_UNKNOWN	_IO('k', 2)

static int t_open(struct inode *inode, struct file *f)
{
	if (open_error)
		return open_error;
	nr_open++;
	open_flags = f->f_flags;
	open_mode = f->f_mode;
	open_minor = iminor(inode);
	if (use_nonseekable)
		return nonseekable_open(inode, f);
	return 0;
}

static int t_release(struct inode *inode, struct file *f)
{
	nr_release++;
	return 0;
}

static int t_flush(struct file *f, fl_owner_t id)
{
	nr_flush++;
	return 0;
}

static ssize_t t_read(struct file *f, char __user *buf, size_t n,
		      loff_t *pos)
{
	return simple_read_from_buffer(buf, n, pos, buffer, BUF_SIZE);
}

static ssize_t t_write(struct file *f, const char __user *buf, size_t n,
		       loff_t *pos)
{
	return simple_write_to_buffer(buffer, BUF_SIZE, pos, buf, n);
}

static long t_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case T_IOC_FLAGS:
		return put_user((int)f->f_flags, (int __user *)arg);
	default:
		return -ENOIOCTLCMD;
	}
}

static loff_t t_fixed_llseek(struct file *f, loff_t off, int whence)
{
	return fixed_size_llseek(f, off, whence, BUF_SIZE);
}

static const struct file_operations t_fops = {
	.owner = THIS_MODULE,
	.open = t_open,
	.release = t_release,
	.flush = t_flush,
	.read = t_read,
	.write = t_write,
	.unlocked_ioctl = t_ioctl,
	.llseek = default_llseek,
};

static struct file_operations t_var_fops;	/* per test variations */

/* read_iter/write_iter driver */
static ssize_t t_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	size_t n;

	if (iocb->ki_pos >= BUF_SIZE)
		return 0;
	n = copy_to_iter(buffer + iocb->ki_pos,
			 min_t(size_t, iov_iter_count(to),
			       BUF_SIZE - iocb->ki_pos), to);
	if (!n)
		return -EFAULT;
	iocb->ki_pos += n;
	return n;
}

static ssize_t t_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	size_t n;

	if (iocb->ki_pos >= BUF_SIZE)
		return -ENOSPC;
	n = copy_from_iter(buffer + iocb->ki_pos,
			   min_t(size_t, iov_iter_count(from),
				 BUF_SIZE - iocb->ki_pos), from);
	if (!n)
		return -EFAULT;
	iocb->ki_pos += n;
	return n;
}

static struct miscdevice t_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kshimchr",
	.fops = &t_fops,
};

static void setup(void)
{
	memset(buffer, 0, sizeof(buffer));
	nr_open = nr_release = nr_flush = 0;
	open_flags = 0;
	open_mode = 0;
	open_error = 0;
	use_nonseekable = false;
	t_var_fops = t_fops;
	t_misc.minor = MISC_DYNAMIC_MINOR;
	t_misc.fops = &t_fops;
	t_misc.name = "kshimchr";
	kshim_dmesg_clear();
}

/* ---- device numbers (fs/char_dev.c) ---- */

static void test_dynamic_majors_count_down(void)
{
	dev_t a, b;

	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&a, 0, 4, "a"), 0);
	CU_ASSERT_EQUAL(MAJOR(a), 254);
	CU_ASSERT_EQUAL(MINOR(a), 0);
	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&b, 3, 1, "b"), 0);
	CU_ASSERT_EQUAL(MAJOR(b), 253);
	CU_ASSERT_EQUAL(MINOR(b), 3);
	unregister_chrdev_region(a, 4);
	/* 254 is free again: it is taken first. */
	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&a, 0, 1, "c"), 0);
	CU_ASSERT_EQUAL(MAJOR(a), 254);
	unregister_chrdev_region(a, 1);
	unregister_chrdev_region(b, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_register_chrdev_returns(void)
{
	int major = register_chrdev(0, "dyn", &t_fops);

	CU_ASSERT_EQUAL(major, 254);
	CU_ASSERT_EQUAL(register_chrdev(240, "fixed", &t_fops), 0);
	/* The same 256 minors again: busy. */
	CU_ASSERT_EQUAL(register_chrdev(240, "again", &t_fops), -EBUSY);
	unregister_chrdev(240, "fixed");
	unregister_chrdev(major, "dyn");
}

static void test_region_overlap_busy(void)
{
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 10), 10, "r"), 0);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 19), 2, "o"),
			-EBUSY);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 5), 6, "o"),
			-EBUSY);
	/* Adjacent ranges do not overlap. */
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 20), 5, "n"), 0);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 0), 10, "n"), 0);
	/* A range that is not exactly a registered one is ignored ... */
	unregister_chrdev_region(MKDEV(200, 10), 9);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 10), 1, "x"),
			-EBUSY);
	/* ... the exact one goes. */
	unregister_chrdev_region(MKDEV(200, 10), 10);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, 10), 10, "x"), 0);
	unregister_chrdev_region(MKDEV(200, 10), 10);
	unregister_chrdev_region(MKDEV(200, 20), 5);
	unregister_chrdev_region(MKDEV(200, 0), 10);
	CU_ASSERT_FALSE(kshim_dmesg_contains("CHRDEV"));
}

/* A range over two majors is split, and undone when the second fails. */
static void test_region_across_majors_rolls_back(void)
{
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(201, 0), 1, "blocker"),
			0);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, MINORMASK - 1), 4,
					       "split"), -EBUSY);
	/* The part on major 200 was rolled back. */
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, MINORMASK - 1), 2,
					       "free"), 0);
	unregister_chrdev_region(MKDEV(200, MINORMASK - 1), 2);
	unregister_chrdev_region(MKDEV(201, 0), 1);
	unregister_chrdev_region(MKDEV(201, 0), 1);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(200, MINORMASK - 1), 4,
					       "split"), 0);
	unregister_chrdev_region(MKDEV(200, MINORMASK - 1), 4);
}

static void test_major_too_big(void)
{
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(512, 0), 1, "big"),
			-EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"CHRDEV \"big\" major requested (512) is greater than the maximum (511)\n"));
	CU_ASSERT_EQUAL(register_chrdev(600, "bigger", &t_fops), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"CHRDEV \"bigger\" major requested (600) is greater than the maximum (511)\n"));
	/* 511 itself is allowed. */
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(511, 0), 1, "max"), 0);
	unregister_chrdev_region(MKDEV(511, 0), 1);
}

static void test_minor_range_too_big(void)
{
	dev_t d;

	CU_ASSERT_EQUAL(alloc_chrdev_region(&d, 10, MINORMASK, "wide"),
			-EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"CHRDEV \"wide\" minor range requested (10-1048584) is out of range of maximum range (0-1048575) for a single major\n"));
	/* The whole minor space fits. */
	CU_ASSERT_EQUAL(alloc_chrdev_region(&d, 0, MINORMASK + 1, "all"), 0);
	unregister_chrdev_region(d, MINORMASK + 1);
}

static void test_dynamic_region_full(void)
{
	dev_t d[150];
	int i, n = 0;

	/* 254 .. 234 (21 empty hash slots), then 511 .. 384 (128). */
	for (i = 0; i < 149; i++) {
		if (alloc_chrdev_region(&d[n], 0, 1, "fill"))
			break;
		n++;
	}
	CU_ASSERT_EQUAL(n, 149);
	CU_ASSERT_EQUAL(MAJOR(d[20]), 234);
	CU_ASSERT_EQUAL(MAJOR(d[21]), 511);
	CU_ASSERT_EQUAL(MAJOR(d[148]), 384);
	CU_ASSERT_EQUAL(alloc_chrdev_region(&d[149], 0, 1, "last"), -EBUSY);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"CHRDEV \"last\" dynamic allocation region is full\n"));
	for (i = 0; i < n; i++)
		unregister_chrdev_region(d[i], 1);
}

static void test_region_leak_on_ledger(void)
{
	dev_t d;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "registered at ", "leakregion");
	alloc_chrdev_region(&d, 0, 2, "leaky"); /* LINE:leakregion */
	CU_ASSERT_EQUAL(MAJOR(d), 254);
}

/* ---- cdevs and nodes ---- */

static struct class *t_class;

/* A cdev on @devt with a node "/dev/@name". */
static struct device *make_node(struct cdev *c, dev_t devt, unsigned count,
				const char *name)
{
	struct device *dev;

	cdev_init(c, &t_var_fops);
	c->owner = THIS_MODULE;
	CU_ASSERT_EQUAL(cdev_add(c, devt, count), 0);
	dev = device_create(t_class, NULL, devt, NULL, "%s", name);
	CU_ASSERT_FALSE(IS_ERR(dev));
	return dev;
}

static void cdev_setup(void)
{
	setup();
	t_class = class_create("kshimtest");
	CU_ASSERT_FALSE_FATAL(IS_ERR(t_class));
}

static void cdev_teardown(void)
{
	class_destroy(t_class);
}

static void test_open_close_release(void)
{
	struct cdev c;
	dev_t devt;
	struct kshim_proc *p;
	int fd, fd2;

	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&devt, 5, 1, "t"), 0);
	make_node(&c, devt, 1, "tdev");
	p = kshim_proc_create("opener");
	fd = kshim_open(p, "/dev/tdev", O_RDWR | O_NONBLOCK | O_CREAT);
	CU_ASSERT_EQUAL(fd, 0);
	CU_ASSERT_EQUAL(nr_open, 1);
	CU_ASSERT_EQUAL(open_minor, 5);
	/* O_NONBLOCK reaches the driver; O_CREAT is dropped after open. */
	CU_ASSERT_TRUE(open_flags & O_NONBLOCK);
	CU_ASSERT_TRUE(open_mode & FMODE_READ);
	CU_ASSERT_TRUE(open_mode & FMODE_WRITE);
	CU_ASSERT_TRUE(open_mode & FMODE_LSEEK);
	fd2 = kshim_dup(p, fd);
	CU_ASSERT_EQUAL(fd2, 1);
	/* Closing one of two: ->flush, no ->release. */
	CU_ASSERT_EQUAL(kshim_close(p, fd), 0);
	CU_ASSERT_EQUAL(nr_flush, 1);
	CU_ASSERT_EQUAL(nr_release, 0);
	/* The lowest free descriptor is reused. */
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/tdev", O_RDONLY), 0);
	CU_ASSERT_EQUAL(kshim_close(p, 0), 0);
	CU_ASSERT_EQUAL(nr_release, 1);
	CU_ASSERT_EQUAL(kshim_close(p, fd2), 0);
	CU_ASSERT_EQUAL(nr_flush, 3);
	CU_ASSERT_EQUAL(nr_release, 2);
	CU_ASSERT_EQUAL(kshim_close(p, fd2), -EBADF);
	CU_ASSERT_EQUAL(kshim_dup(p, 7), -EBADF);
	kshim_proc_exit(p);
	device_destroy(t_class, devt);
	cdev_del(&c);
	unregister_chrdev_region(devt, 1);
}

/* exit() closes what is open: ->flush and ->release. */
static void test_exit_releases(void)
{
	struct cdev c;
	struct kshim_proc *p;

	make_node(&c, MKDEV(220, 0), 1, "exitdev");
	p = kshim_proc_create("exiter");
	CU_ASSERT(kshim_open(p, "/dev/exitdev", O_RDONLY) >= 0);
	CU_ASSERT(kshim_open(p, "/dev/exitdev", O_RDONLY) >= 0);
	kshim_proc_exit(p);
	CU_ASSERT_EQUAL(nr_release, 2);
	CU_ASSERT_EQUAL(nr_flush, 2);
	device_destroy(t_class, MKDEV(220, 0));
	cdev_del(&c);
}

static void test_open_errors(void)
{
	struct cdev c;
	struct device *dev;
	struct kshim_proc *p = kshim_proc_create("errors");

	/* No node of that name. */
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nonesuch", O_RDONLY), -ENOENT);
	CU_ASSERT_EQUAL(kshim_open(p, "/nowhere", O_RDONLY), -ENOENT);
	/* A node whose number has no cdev: -ENXIO. */
	dev = device_create(t_class, NULL, MKDEV(221, 1), NULL, "nocdev");
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), -ENXIO);
	/* cdev_add() needs no registered numbers; after cdev_del, -ENXIO. */
	cdev_init(&c, &t_var_fops);
	CU_ASSERT_EQUAL(cdev_add(&c, MKDEV(221, 1), 1), 0);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), 0);
	CU_ASSERT_EQUAL(kshim_close(p, 0), 0);
	cdev_del(&c);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), -ENXIO);
	/* A failing ->open: its error, no descriptor, no ->release. */
	cdev_init(&c, &t_var_fops);
	CU_ASSERT_EQUAL(cdev_add(&c, MKDEV(221, 1), 1), 0);
	open_error = -EBUSY;
	nr_release = 0;
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), -EBUSY);
	CU_ASSERT_EQUAL(nr_release, 0);
	open_error = 0;
	/* An existing node with O_CREAT | O_EXCL. */
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDWR | O_CREAT | O_EXCL),
			-EEXIST);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), 0);
	kshim_proc_exit(p);
	device_destroy(t_class, MKDEV(221, 1));
	cdev_del(&c);
	/* The node is gone with its device. */
	p = kshim_proc_create("errors2");
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/nocdev", O_RDONLY), -ENOENT);
	kshim_proc_exit(p);
}

/* kobj_map: the smallest range wins, then the newest of equal ones. */
static void test_lookup_preference(void)
{
	static struct file_operations wide_fops, narrow_fops, newer_fops;
	struct cdev wide, narrow, newer;
	struct kshim_proc *p = kshim_proc_create("lookup");
	unsigned long ubuf = kshim_user_alloc(p, PAGE_SIZE);
	struct device *dev;

	wide_fops = t_fops;
	wide_fops.unlocked_ioctl = NULL;	/* ioctl: -ENOTTY */
	narrow_fops = t_fops;
	newer_fops = t_fops;
	newer_fops.read = NULL;			/* read: -EINVAL */
	dev = device_create(t_class, NULL, MKDEV(222, 3), NULL, "pref");
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	cdev_init(&wide, &wide_fops);
	CU_ASSERT_EQUAL(cdev_add(&wide, MKDEV(222, 0), 10), 0);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/pref", O_RDWR), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, 0, T_IOC_UNKNOWN, 0), -ENOTTY);
	cdev_init(&narrow, &narrow_fops);
	CU_ASSERT_EQUAL(cdev_add(&narrow, MKDEV(222, 2), 2), 0);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/pref", O_RDWR), 1);
	/* The narrow one: it has ->unlocked_ioctl (-ENOIOCTLCMD -> -ENOTTY
	 * for an unknown command, but its T_IOC_FLAGS works). */
	CU_ASSERT_EQUAL(kshim_ioctl(p, 1, T_IOC_FLAGS, ubuf), 0);
	CU_ASSERT_EQUAL(kshim_read(p, 1, ubuf, 1), 1);
	cdev_init(&newer, &newer_fops);
	CU_ASSERT_EQUAL(cdev_add(&newer, MKDEV(222, 2), 2), 0);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/pref", O_RDWR), 2);
	CU_ASSERT_EQUAL(kshim_read(p, 2, ubuf, 1), -EINVAL);
	/* Files opened before keep their cdev. */
	CU_ASSERT_EQUAL(kshim_read(p, 1, ubuf, 1), 1);
	CU_ASSERT_EQUAL(kshim_ioctl(p, 0, T_IOC_FLAGS, ubuf), -ENOTTY);
	kshim_proc_exit(p);
	cdev_del(&newer);
	cdev_del(&narrow);
	cdev_del(&wide);
	device_destroy(t_class, MKDEV(222, 3));
}

static void test_cdev_alloc_register_chrdev_open(void)
{
	struct kshim_proc *p = kshim_proc_create("regchr");
	unsigned long ubuf = kshim_user_alloc(p, PAGE_SIZE);
	int major = register_chrdev(0, "regchr", &t_fops);
	struct device *dev;

	CU_ASSERT_EQUAL_FATAL(major, 254);
	dev = device_create(t_class, NULL, MKDEV(major, 200), NULL, "rc%d", 7);
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/rc7", O_RDONLY), 0);
	CU_ASSERT_EQUAL(open_minor, 200);
	/* Unregistered while open: the file works on, released at close. */
	unregister_chrdev(major, "regchr");
	CU_ASSERT_EQUAL(kshim_read(p, 0, ubuf, 1), 1);
	CU_ASSERT_EQUAL(kshim_close(p, 0), 0);
	CU_ASSERT_EQUAL(nr_release, 1);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/rc7", O_RDONLY), -ENXIO);
	device_destroy(t_class, MKDEV(major, 200));
	kshim_proc_exit(p);
}

static void test_cdev_device_add(void)
{
	struct kshim_proc *p = kshim_proc_create("cdevdev");
	struct device *parent = root_device_register("kshimparent");
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	struct cdev c;

	CU_ASSERT_FALSE_FATAL(IS_ERR(parent));
	device_initialize(dev);
	dev->devt = MKDEV(223, 4);
	dev->class = t_class;
	dev->parent = parent;
	dev->release = (void (*)(struct device *))kfree;
	dev_set_name(dev, "cdd%d", 4);
	cdev_init(&c, &t_fops);
	CU_ASSERT_EQUAL(cdev_device_add(&c, dev), 0);
	/* The cdev holds its parent, the device. */
	CU_ASSERT_EQUAL(kref_read(&dev->kobj.kref), 2);
	CU_ASSERT_EQUAL(kshim_open(p, "/dev/cdd4", O_RDONLY), 0);
	cdev_device_del(&c, dev);
	CU_ASSERT_EQUAL(kref_read(&dev->kobj.kref), 2);	/* the open file */
	CU_ASSERT_EQUAL(kshim_close(p, 0), 0);
	CU_ASSERT_EQUAL(kref_read(&dev->kobj.kref), 1);
	put_device(dev);
	root_device_unregister(parent);
	kshim_proc_exit(p);
}

static void test_class_duplicate(void)
{
	struct class *dup = class_create("kshimtest");

	CU_ASSERT_EQUAL(PTR_ERR(dup), -EEXIST);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"sysfs: cannot create duplicate filename '/class/kshimtest'\n"));
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"kobject_add_internal failed for kshimtest with -EEXIST, don't try to register things with the same name in the same directory.\n"));
	class_destroy(dup);	/* an error pointer: nothing */
	CU_ASSERT_EQUAL(PTR_ERR(device_create(NULL, NULL, MKDEV(1, 1), NULL,
					      "x")), -ENODEV);
}

static void test_cdev_add_whiteout_warns(void)
{
	struct cdev c;

	cdev_init(&c, &t_fops);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "whiteout");
	CU_ASSERT_EQUAL(cdev_add(&c, 0, 1), -EBUSY); /* LINE:whiteout */
}

static void test_cdev_leak_on_ledger(void)
{
	static struct cdev c;

	cdev_init(&c, &t_fops);
	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER, "added at ",
			    "leakcdev");
	cdev_add(&c, MKDEV(224, 0), 1); /* LINE:leakcdev */
}

/* ---- misc ---- */

static void test_misc_dynamic_minors(void)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR, .name = "ma",
				.fops = &t_fops };
	struct miscdevice b = { .minor = MISC_DYNAMIC_MINOR, .name = "mb",
				.fops = &t_fops };
	struct miscdevice fixed = { .minor = 42, .name = "mfixed",
				    .fops = &t_fops };
	struct miscdevice fixed2 = { .minor = 42, .name = "mfixed2",
				     .fops = &t_fops };

	CU_ASSERT_EQUAL(misc_register(&a), 0);
	CU_ASSERT_EQUAL(a.minor, 127);
	CU_ASSERT_EQUAL(misc_register(&b), 0);
	CU_ASSERT_EQUAL(b.minor, 126);
	CU_ASSERT_EQUAL(MAJOR(a.this_device->devt), MISC_MAJOR);
	CU_ASSERT_STRING_EQUAL(dev_name(a.this_device), "ma");
	CU_ASSERT_EQUAL(misc_register(&fixed), 0);
	CU_ASSERT_EQUAL(misc_register(&fixed2), -EBUSY);
	misc_deregister(&a);
	/* 127 is free again. */
	a.minor = MISC_DYNAMIC_MINOR;
	CU_ASSERT_EQUAL(misc_register(&a), 0);
	CU_ASSERT_EQUAL(a.minor, 127);
	misc_deregister(&a);
	misc_deregister(&b);
	misc_deregister(&fixed);
}

/* 6.2 and later: after 128 dynamic minors come 256, 257 ... */
static void test_misc_dynamic_beyond_128(void)
{
	static struct miscdevice m[130];
	static char names[130][8];
	int i;

	for (i = 0; i < 130; i++) {
		snprintf(names[i], sizeof(names[i]), "m%d", i);
		m[i].minor = MISC_DYNAMIC_MINOR;
		m[i].name = names[i];
		m[i].fops = &t_fops;
		CU_ASSERT_EQUAL_FATAL(misc_register(&m[i]), 0);
	}
	CU_ASSERT_EQUAL(m[127].minor, 0);
	CU_ASSERT_EQUAL(m[128].minor, 256);
	CU_ASSERT_EQUAL(m[129].minor, 257);
	for (i = 0; i < 130; i++)
		misc_deregister(&m[i]);
}

/* A duplicate name: the sysfs duplicate, the minor given back. */
static void test_misc_duplicate_name(void)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR, .name = "same",
				.fops = &t_fops };
	struct miscdevice b = { .minor = MISC_DYNAMIC_MINOR, .name = "same",
				.fops = &t_fops };

	CU_ASSERT_EQUAL(misc_register(&a), 0);
	CU_ASSERT_EQUAL(misc_register(&b), -EEXIST);
	CU_ASSERT_EQUAL(b.minor, MISC_DYNAMIC_MINOR);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"sysfs: cannot create duplicate filename '/devices/virtual/misc/same'\n"));
	misc_deregister(&a);
}

static void test_misc_open_private_data(void)
{
	struct kshim_proc *p = kshim_proc_create("miscopen");
	int fd;

	CU_ASSERT_EQUAL_FATAL(misc_register(&t_misc), 0);
	fd = kshim_open(p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(fd, 0);
	CU_ASSERT_EQUAL(open_minor, t_misc.minor);
	kshim_proc_exit(p);
	misc_deregister(&t_misc);
}

static void test_misc_deregister_unregistered_warns(void)
{
	struct miscdevice a = { .minor = 42, .name = "m42",
				.fops = &t_fops };
	struct miscdevice b = { .minor = 42, .name = "m42b",
				.fops = &t_fops };

	CU_ASSERT_EQUAL(misc_register(&a), 0);
	CU_ASSERT_EQUAL(misc_register(&b), -EBUSY);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "miscdereg");
	misc_deregister(&b); /* LINE:miscdereg */
	misc_deregister(&a);
}

/* ---- read, write, lseek, ioctl ---- */

struct rw_env {
	struct kshim_proc *p;
	unsigned long ubuf;
};

static void rw_open(struct rw_env *e, const struct file_operations *fops)
{
	t_misc.fops = fops;
	CU_ASSERT_EQUAL_FATAL(misc_register(&t_misc), 0);
	e->p = kshim_proc_create("rw");
	e->ubuf = kshim_user_alloc(e->p, 2 * PAGE_SIZE);
	CU_ASSERT_FATAL((long)e->ubuf > 0);
}

static void rw_close(struct rw_env *e)
{
	kshim_proc_exit(e->p);
	misc_deregister(&t_misc);
}

static void test_read_write_positions(void)
{
	struct rw_env e;
	char out[BUF_SIZE + 8];
	int fd;

	rw_open(&e, &t_fops);
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL_FATAL(fd, 0);
	CU_ASSERT_EQUAL(kshim_user_write(e.p, e.ubuf, "hello, world", 12), 0);
	CU_ASSERT_EQUAL(kshim_write(e.p, fd, e.ubuf, 12), 12);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_CUR), 12);
	CU_ASSERT_EQUAL(memcmp(buffer, "hello, world", 12), 0);
	/* pread does not move f_pos. */
	CU_ASSERT_EQUAL(kshim_pread(e.p, fd, e.ubuf + 100, 5, 7), 5);
	CU_ASSERT_EQUAL(kshim_user_read(e.p, e.ubuf + 100, out, 5), 0);
	CU_ASSERT_EQUAL(memcmp(out, "world", 5), 0);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_CUR), 12);
	/* simple_read_from_buffer: at most what is left, then 0 at the end */
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 60, SEEK_SET), 60);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 10), 4);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 10), 0);
	CU_ASSERT_EQUAL(kshim_write(e.p, fd, e.ubuf, 10), 0);
	/* default_llseek: SEEK_END against i_size (0 for a device). */
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 5, SEEK_END), 5);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, -6, SEEK_CUR), -EINVAL);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, 7), -EINVAL);
	/* Negative positions and counts. */
	CU_ASSERT_EQUAL(kshim_pread(e.p, fd, e.ubuf, 1, -1), -EINVAL);
	/* access_ok() comes before rw_verify_area() ... */
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, (size_t)-1), -EFAULT);
	/* ... which refuses a position + count past LLONG_MAX. */
	CU_ASSERT_EQUAL(kshim_pread(e.p, fd, e.ubuf, 10, LLONG_MAX - 5),
			-EINVAL);
	/* A buffer outside the process: -EFAULT (access_ok). */
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, (unsigned long)out, 4), -EFAULT);
	/* Nothing copyable: simple_read_from_buffer()'s -EFAULT. */
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_SET), 0);
	CU_ASSERT_EQUAL(kshim_munmap(e.p, e.ubuf, PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 4), -EFAULT);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_CUR), 0);
	/* Bad descriptors. */
	CU_ASSERT_EQUAL(kshim_read(e.p, 9, e.ubuf, 1), -EBADF);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, 9, 0, SEEK_SET), -EBADF);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, 9, FIONBIO, 0), -EBADF);
	rw_close(&e);
}

static void test_access_modes(void)
{
	struct rw_env e;
	int rd, wr;

	t_var_fops.write = NULL;
	rw_open(&e, &t_var_fops);
	rd = kshim_open(e.p, "/dev/kshimchr", O_RDONLY);
	wr = kshim_open(e.p, "/dev/kshimchr", O_WRONLY);
	CU_ASSERT_EQUAL(kshim_write(e.p, rd, e.ubuf, 1), -EBADF);
	CU_ASSERT_EQUAL(kshim_read(e.p, wr, e.ubuf, 1), -EBADF);
	/* Open for writing, but no ->write: -EINVAL. */
	CU_ASSERT_EQUAL(kshim_write(e.p, wr, e.ubuf, 1), -EINVAL);
	/* O_ACCMODE: neither. */
	CU_ASSERT_EQUAL(kshim_open(e.p, "/dev/kshimchr", O_ACCMODE), 2);
	CU_ASSERT_FALSE(open_mode & (FMODE_READ | FMODE_WRITE));
	CU_ASSERT_EQUAL(kshim_read(e.p, 2, e.ubuf, 1), -EBADF);
	rw_close(&e);
}

static void test_llseek_variants(void)
{
	struct rw_env e;
	int fd;

	/* No ->llseek: not seekable (6.x). */
	t_var_fops.llseek = NULL;
	rw_open(&e, &t_var_fops);
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_FALSE(e.p == NULL);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_SET), -ESPIPE);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	/* no_llseek */
	t_var_fops.llseek = no_llseek;
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_SET), -ESPIPE);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	/* noop_llseek: the position stays. */
	t_var_fops.llseek = noop_llseek;
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 3), 3);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 40, SEEK_SET), 3);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	/* fixed_size_llseek: SEEK_END from the size, nothing beyond it. */
	t_var_fops.llseek = t_fixed_llseek;
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, -4, SEEK_END), BUF_SIZE - 4);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 4, SEEK_CUR), BUF_SIZE);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 1, SEEK_CUR), -EINVAL);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_DATA), -EINVAL);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_CUR), BUF_SIZE);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	/* nonseekable_open(): no lseek, no pread/pwrite. */
	t_var_fops.llseek = default_llseek;
	use_nonseekable = true;
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_SET), -ESPIPE);
	CU_ASSERT_EQUAL(kshim_pread(e.p, fd, e.ubuf, 1, 0), -ESPIPE);
	CU_ASSERT_EQUAL(kshim_pwrite(e.p, fd, e.ubuf, 1, 0), -ESPIPE);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 2), 2);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	rw_close(&e);
}

static void test_read_write_iter(void)
{
	struct rw_env e;
	char out[8];
	int fd;

	t_var_fops.read = NULL;
	t_var_fops.write = NULL;
	t_var_fops.read_iter = t_read_iter;
	t_var_fops.write_iter = t_write_iter;
	rw_open(&e, &t_var_fops);
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_user_write(e.p, e.ubuf, "abcdefgh", 8), 0);
	CU_ASSERT_EQUAL(kshim_write(e.p, fd, e.ubuf, 8), 8);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, 0, SEEK_CUR), 8);
	CU_ASSERT_EQUAL(kshim_pread(e.p, fd, e.ubuf + 64, 3, 2), 3);
	CU_ASSERT_EQUAL(kshim_user_read(e.p, e.ubuf + 64, out, 3), 0);
	CU_ASSERT_EQUAL(memcmp(out, "cde", 3), 0);
	CU_ASSERT_EQUAL(kshim_lseek(e.p, fd, BUF_SIZE - 2, SEEK_SET),
			BUF_SIZE - 2);
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 8), 2);
	CU_ASSERT_EQUAL(kshim_write(e.p, fd, e.ubuf, 8), -ENOSPC);
	rw_close(&e);
}

static void test_ioctl(void)
{
	struct rw_env e;
	int fd, v;

	rw_open(&e, &t_fops);
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	/* The driver's -ENOIOCTLCMD is -ENOTTY for the process. */
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, T_IOC_UNKNOWN, 0), -ENOTTY);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, T_IOC_FLAGS, e.ubuf), 0);
	CU_ASSERT_EQUAL(kshim_user_read(e.p, e.ubuf, &v, sizeof(v)), 0);
	CU_ASSERT_FALSE(v & O_NONBLOCK);
	/* FIONBIO: O_NONBLOCK, seen by the driver. */
	v = 1;
	CU_ASSERT_EQUAL(kshim_user_write(e.p, e.ubuf, &v, sizeof(v)), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIONBIO, e.ubuf), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, T_IOC_FLAGS, e.ubuf + 8), 0);
	CU_ASSERT_EQUAL(kshim_user_read(e.p, e.ubuf + 8, &v, sizeof(v)), 0);
	CU_ASSERT_TRUE(v & O_NONBLOCK);
	/* FIONBIO from an unreadable address: -EFAULT. */
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIONBIO, 16), -EFAULT);
	/* FIOASYNC without ->fasync: -ENOTTY; FIOQSIZE: not a file. */
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIOASYNC, e.ubuf), -ENOTTY);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIOQSIZE, e.ubuf), -ENOTTY);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIOCLEX, 0), 0);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, FIGETBSZ, e.ubuf), 0);
	CU_ASSERT_EQUAL(kshim_user_read(e.p, e.ubuf, &v, sizeof(v)), 0);
	CU_ASSERT_EQUAL(v, PAGE_SIZE);
	CU_ASSERT_EQUAL(kshim_close(e.p, fd), 0);
	/* No ->unlocked_ioctl: -ENOTTY. */
	t_var_fops.unlocked_ioctl = NULL;
	t_misc.fops = &t_var_fops;
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDWR);
	CU_ASSERT_EQUAL(kshim_ioctl(e.p, fd, T_IOC_FLAGS, e.ubuf), -ENOTTY);
	rw_close(&e);
}

/* The ioctl encoding (uapi/asm-generic/ioctl.h). */
static void test_ioctl_numbers(void)
{
	unsigned int cmd = _IOWR('k', 7, long);

	CU_ASSERT_EQUAL(_IOC_DIR(cmd), _IOC_READ | _IOC_WRITE);
	CU_ASSERT_EQUAL(_IOC_TYPE(cmd), 'k');
	CU_ASSERT_EQUAL(_IOC_NR(cmd), 7);
	CU_ASSERT_EQUAL(_IOC_SIZE(cmd), sizeof(long));
	CU_ASSERT_EQUAL(_IOR('k', 1, int), 0x80046b01);
	CU_ASSERT_EQUAL(_IOW('k', 1, int), 0x40046b01);
	CU_ASSERT_EQUAL(_IO('k', 2), 0x6b02);
	CU_ASSERT_EQUAL(FIONBIO, 0x5421);
}

/* simple_read_from_buffer() against the kernel's rules, directly. */
static long direct_simple(struct kshim_proc *p, void *arg)
{
	unsigned long ubuf = *(unsigned long *)arg;
	char from[10] = "0123456789";
	loff_t pos = -1;

	CU_ASSERT_EQUAL(simple_read_from_buffer((void __user *)ubuf, 4, &pos,
						from, 10), -EINVAL);
	pos = 10;
	CU_ASSERT_EQUAL(simple_read_from_buffer((void __user *)ubuf, 4, &pos,
						from, 10), 0);
	pos = 8;
	CU_ASSERT_EQUAL(simple_read_from_buffer((void __user *)ubuf, 4, &pos,
						from, 10), 2);
	CU_ASSERT_EQUAL(pos, 10);
	pos = 0;
	CU_ASSERT_EQUAL(simple_read_from_buffer((void __user *)ubuf, 0, &pos,
						from, 10), 0);
	/* The buffer's last 3 bytes are mapped: a partial copy. */
	pos = 0;
	CU_ASSERT_EQUAL(simple_read_from_buffer((void __user *)(ubuf +
					PAGE_SIZE - 3), 8, &pos, from, 10), 3);
	CU_ASSERT_EQUAL(pos, 3);
	pos = 0;
	CU_ASSERT_EQUAL(simple_write_to_buffer(from, 10, &pos,
					       (const void __user *)(ubuf + PAGE_SIZE), 4),
			-EFAULT);
	CU_ASSERT_EQUAL(pos, 0);
	{
		char m[4];

		pos = 7;
		CU_ASSERT_EQUAL(memory_read_from_buffer(m, 4, &pos, from, 10), 3);
		CU_ASSERT_EQUAL(memcmp(m, "789", 3), 0);
	}
	return 0;
}

static void test_simple_buffer_helpers(void)
{
	struct kshim_proc *p = kshim_proc_create("simple");
	unsigned long ubuf = kshim_user_alloc(p, 2 * PAGE_SIZE);
	struct kshim_call *c;
	char out[3];

	CU_ASSERT_FATAL((long)ubuf > 0);
	CU_ASSERT_EQUAL(kshim_munmap(p, ubuf + PAGE_SIZE, PAGE_SIZE), 0);
	c = kshim_call_start(p, direct_simple, &ubuf);
	CU_ASSERT_EQUAL(kshim_call_wait(c), 0);
	kshim_call_free(c);
	CU_ASSERT_EQUAL(kshim_user_read(p, ubuf + PAGE_SIZE - 3, out, 3), 0);
	CU_ASSERT_EQUAL(memcmp(out, "012", 3), 0);
	kshim_proc_exit(p);
}

/* A user copy under a spinlock: might_fault names the driver's line. */
static DEFINE_SPINLOCK(t_lock);

static ssize_t t_read_locked(struct file *f, char __user *buf, size_t n,
			     loff_t *pos)
{
	ssize_t ret;

	spin_lock(&t_lock);
	ret = simple_read_from_buffer(buf, n, pos, buffer, BUF_SIZE); /* LINE:locked */
	spin_unlock(&t_lock);
	return ret;
}

static void test_simple_read_under_lock_reports(void)
{
	struct rw_env e;
	int fd;

	t_var_fops.read = t_read_locked;
	rw_open(&e, &t_var_fops);
	fd = kshim_open(e.p, "/dev/kshimchr", O_RDONLY);
	expect_report_at_in(__FILE__, KSHIM_REPORT_MIGHT_SLEEP,
			    "BUG: sleeping function called from invalid context at ",
			    "locked");
	/*
	 * In atomic context the fault on the untouched page is not
	 * handled (faulthandler_disabled()): nothing copied, -EFAULT.
	 */
	CU_ASSERT_EQUAL(kshim_read(e.p, fd, e.ubuf, 4), -EFAULT);
	rw_close(&e);
}

static CU_TestInfo region_tests[] = {
	{ "dynamic_majors_count_down", test_dynamic_majors_count_down },
	{ "register_chrdev_returns", test_register_chrdev_returns },
	{ "region_overlap_busy", test_region_overlap_busy },
	{ "region_across_majors_rolls_back",
	  test_region_across_majors_rolls_back },
	{ "major_too_big", test_major_too_big },
	{ "minor_range_too_big", test_minor_range_too_big },
	{ "dynamic_region_full", test_dynamic_region_full },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo cdev_tests[] = {
	{ "open_close_release", test_open_close_release },
	{ "exit_releases", test_exit_releases },
	{ "open_errors", test_open_errors },
	{ "lookup_preference", test_lookup_preference },
	{ "cdev_alloc_register_chrdev_open",
	  test_cdev_alloc_register_chrdev_open },
	{ "cdev_device_add", test_cdev_device_add },
	{ "class_duplicate", test_class_duplicate },
	{ "cdev_add_whiteout_warns", test_cdev_add_whiteout_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo misc_tests[] = {
	{ "misc_dynamic_minors", test_misc_dynamic_minors },
	{ "misc_dynamic_beyond_128", test_misc_dynamic_beyond_128 },
	{ "misc_duplicate_name", test_misc_duplicate_name },
	{ "misc_open_private_data", test_misc_open_private_data },
	{ "misc_deregister_unregistered_warns",
	  test_misc_deregister_unregistered_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo vfs_tests[] = {
	{ "read_write_positions", test_read_write_positions },
	{ "access_modes", test_access_modes },
	{ "llseek_variants", test_llseek_variants },
	{ "read_write_iter", test_read_write_iter },
	{ "ioctl", test_ioctl },
	{ "ioctl_numbers", test_ioctl_numbers },
	{ "simple_buffer_helpers", test_simple_buffer_helpers },
	{ "simple_read_under_lock_reports",
	  test_simple_read_under_lock_reports },
	CU_TEST_INFO_NULL,
};

/* Last: with KSHIM_FORK=0 what they leave stays for the tests after. */
static CU_TestInfo leak_tests[] = {
	{ "region_leak_on_ledger", test_region_leak_on_ledger },
	{ "cdev_leak_on_ledger", test_cdev_leak_on_ledger },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "chrdev_region", NULL, NULL, setup, NULL, region_tests },
	{ "cdev", NULL, NULL, cdev_setup, cdev_teardown, cdev_tests },
	{ "misc", NULL, NULL, setup, NULL, misc_tests },
	{ "vfs", NULL, NULL, setup, NULL, vfs_tests },
	{ "leaks", NULL, NULL, setup, NULL, leak_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
