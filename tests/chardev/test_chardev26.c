/*
 * test_chardev26 - character devices as a 2.6.35 driver sees them: the
 * BKL-era ->ioctl(inode, file, cmd, arg) called when there is no
 * ->unlocked_ioctl, -ENOIOCTLCMD from ->unlocked_ioctl becoming -EINVAL
 * (until 3.7), a file without ->llseek seeking with default_llseek()
 * (until 2.6.37), misc's 128 dynamic minors then -EBUSY (until 6.2) and
 * class_create(THIS_MODULE, name).  The 6.x rules are in test_chardev.
 */
#include <string.h>

#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

/* (1 and 2 would be FIBMAP and FIGETBSZ, which the VFS answers) */
#define T_GET_MINOR	_IOR('k', 1, unsigned int)
#define T_OTHER		_IO('k', 2)

static int nr_ioctl;
static struct inode *ioctl_inode;

static int old_ioctl(struct inode *inode, struct file *f, unsigned int cmd,
		     unsigned long arg)
{
	nr_ioctl++;
	ioctl_inode = inode;
	if (cmd == T_GET_MINOR)
		return put_user(iminor(inode), (unsigned int __user *)arg);
	return -ENOTTY;
}

static long new_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	return -ENOIOCTLCMD;
}

static ssize_t read_zero(struct file *f, char __user *buf, size_t n,
			 loff_t *pos)
{
	return 0;
}

static const struct file_operations old_fops = {
	.owner = THIS_MODULE,
	.ioctl = old_ioctl,
	.read = read_zero,
};

static const struct file_operations new_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = new_ioctl,
	/* the old ->ioctl is ignored when ->unlocked_ioctl is there */
	.ioctl = old_ioctl,
};

static void setup(void)
{
	nr_ioctl = 0;
	ioctl_inode = NULL;
}

static void test_old_ioctl(void)
{
	struct class *cls = class_create(THIS_MODULE, "old");
	struct kshim_proc *p = kshim_proc_create("oldioctl");
	unsigned long ubuf = kshim_user_alloc(p, PAGE_SIZE);
	unsigned int minor = 0;
	struct cdev c;
	struct device *dev;
	int fd;

	CU_ASSERT_FALSE_FATAL(IS_ERR(cls));
	cdev_init(&c, &old_fops);
	CU_ASSERT_EQUAL(cdev_add(&c, MKDEV(230, 9), 1), 0);
	dev = device_create(cls, NULL, MKDEV(230, 9), NULL, "old%d", 9);
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	fd = kshim_open(p, "/dev/old9", O_RDWR);
	CU_ASSERT_EQUAL_FATAL(fd, 0);
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, T_GET_MINOR, ubuf), 0);
	CU_ASSERT_EQUAL(kshim_user_read(p, ubuf, &minor, sizeof(minor)), 0);
	CU_ASSERT_EQUAL(minor, 9);
	CU_ASSERT_EQUAL(nr_ioctl, 1);
	CU_ASSERT_PTR_NOT_NULL(ioctl_inode);
	/* Its result as is. */
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, T_OTHER, ubuf), -ENOTTY);
	/* No ->llseek: default_llseek() (2.6.35). */
	CU_ASSERT_EQUAL(kshim_lseek(p, fd, 12, SEEK_SET), 12);
	CU_ASSERT_EQUAL(kshim_lseek(p, fd, 3, SEEK_CUR), 15);
	CU_ASSERT_EQUAL(kshim_close(p, fd), 0);

	cdev_del(&c);
	cdev_init(&c, &new_fops);
	CU_ASSERT_EQUAL(cdev_add(&c, MKDEV(230, 9), 1), 0);
	fd = kshim_open(p, "/dev/old9", O_RDWR);
	/* -ENOIOCTLCMD from ->unlocked_ioctl is -EINVAL before 3.7. */
	CU_ASSERT_EQUAL(kshim_ioctl(p, fd, T_GET_MINOR, ubuf), -EINVAL);
	CU_ASSERT_EQUAL(nr_ioctl, 2);	/* the two calls above only */
	kshim_proc_exit(p);
	cdev_del(&c);
	device_destroy(cls, MKDEV(230, 9));
	class_destroy(cls);
}

static const struct file_operations misc_fops = { .owner = THIS_MODULE };

static void test_misc_128_then_busy(void)
{
	static struct miscdevice m[129];
	static char names[129][8];
	int i;

	for (i = 0; i < 128; i++) {
		snprintf(names[i], sizeof(names[i]), "m%d", i);
		m[i].minor = MISC_DYNAMIC_MINOR;
		m[i].name = names[i];
		m[i].fops = &misc_fops;
		CU_ASSERT_EQUAL_FATAL(misc_register(&m[i]), 0);
		CU_ASSERT_EQUAL(m[i].minor, 127 - i);
	}
	m[128].minor = MISC_DYNAMIC_MINOR;
	m[128].name = "m128";
	m[128].fops = &misc_fops;
	CU_ASSERT_EQUAL(misc_register(&m[128]), -EBUSY);
	CU_ASSERT_EQUAL(m[128].minor, MISC_DYNAMIC_MINOR);
	for (i = 0; i < 128; i++)
		misc_deregister(&m[i]);
}

static CU_TestInfo tests[] = {
	{ "old_ioctl", test_old_ioctl },
	{ "misc_128_then_busy", test_misc_128_then_busy },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "chardev26", NULL, NULL, setup, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
