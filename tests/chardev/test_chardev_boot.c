/*
 * test_chardev_boot - what the machine itself registers for character
 * devices, and what a reboot does to it (6.8 profile, the default):
 *  - misc's major 10 (minors 0-255) and class "misc" exist from boot, as
 *    in the kernel (misc_init()), without a page allocated at boot: every
 *    test starts with no page out (the mm tests count from 0);
 *  - /proc/devices as a process reads it (fs/proc/devices.c,
 *    fs/char_dev.c's chrdev_show()), and /proc/misc (drivers/char/misc.c);
 *  - kshim_boot() inside a test forgets every region, cdev, class, /dev
 *    node and misc device as a fresh boot: registering again works.
 * A misc device left registered is the "misc devices" ledger's report.
 */
#include <string.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <kshim/user.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

#include "common/expect_bug.h"
#include "mm/internal.h"

/* ---- a small driver: open counts, read gives one byte, its minor ---- */

static int nr_open;

static int t_open(struct inode *inode, struct file *f)
{
	nr_open++;
	return 0;
}

static ssize_t t_read(struct file *f, char __user *buf, size_t n,
		      loff_t *pos)
{
	char c = (char)iminor(file_inode(f));

	return simple_read_from_buffer(buf, n, pos, &c, 1);
}

static const struct file_operations t_fops = {
	.owner = THIS_MODULE,
	.open = t_open,
	.read = t_read,
	.llseek = default_llseek,
};

static void setup(void)
{
	nr_open = 0;
	kshim_dmesg_clear();
}

/*
 * What @path holds, read by process @p in reads of @chunk bytes, into
 * @out (NUL-terminated); the length, or the first error.
 */
static long read_file(struct kshim_proc *p, const char *path, char *out,
		      size_t size, size_t chunk)
{
	long ubuf = kshim_user_alloc(p, size);
	size_t len = 0;
	int fd;

	CU_ASSERT_FATAL(ubuf > 0);
	fd = kshim_open(p, path, O_RDONLY);
	if (fd < 0)
		return fd;
	for (;;) {
		ssize_t n = kshim_read(p, fd, ubuf + len,
				       min(chunk, size - 1 - len));

		if (n < 0) {
			kshim_close(p, fd);
			return n;
		}
		if (n == 0)
			break;
		len += n;
		if (len == size - 1)
			break;
	}
	CU_ASSERT_EQUAL(kshim_user_read(p, ubuf, out, len), 0);
	out[len] = '\0';
	CU_ASSERT_EQUAL(kshim_close(p, fd), 0);
	return len;
}

/* ---- boot ---- */

/* Before: misc's class (kzalloc at boot) kept a slab page out. */
static void test_boot_allocates_nothing(void)
{
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);
}

/* misc_init()'s major 10 (0-255) and class "misc" are there, as in 6.1. */
static void test_misc_major_and_class_from_boot(void)
{
	struct class *c;

	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(MISC_MAJOR, 0), 1, "t"),
			-EBUSY);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(MISC_MAJOR, 255), 1,
					       "t"), -EBUSY);
	/* register_chrdev() takes 256 minors: 256 and up are free. */
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(MISC_MAJOR, 256), 1,
					       "t"), 0);
	unregister_chrdev_region(MKDEV(MISC_MAJOR, 256), 1);
	c = class_create("misc");
	CU_ASSERT_TRUE(IS_ERR(c));
	CU_ASSERT_EQUAL(PTR_ERR(c), -EEXIST);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"sysfs: cannot create duplicate filename '/class/misc'\n"));
	/* unregister_chrdev_region() of a range that does not match: nothing */
	unregister_chrdev_region(MKDEV(MISC_MAJOR, 0), 1);
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(MISC_MAJOR, 0), 1, "t"),
			-EBUSY);
}

/* ---- /proc/devices, /proc/misc ---- */

static void test_proc_devices(void)
{
	struct kshim_proc *p = kshim_proc_create("cat");
	static const char want[] =
		"Character devices:\n"
		" 10 misc\n"
		"240 kshimfix\n"
		"240 kshimfix2\n"
		"254 kshimdyn\n"
		"265 kshimhi\n"
		"\n"
		"Block devices:\n";
	static char text[4096];
	dev_t dyn;

	/* 265 shares its hash slot with 10 (265 % 255): listed after 254. */
	CU_ASSERT_EQUAL_FATAL(register_chrdev_region(MKDEV(265, 0), 4,
						     "kshimhi"), 0);
	CU_ASSERT_EQUAL_FATAL(register_chrdev_region(MKDEV(240, 0), 1,
						     "kshimfix"), 0);
	/* A second range of 240: a line per range, as the kernel prints. */
	CU_ASSERT_EQUAL_FATAL(register_chrdev_region(MKDEV(240, 8), 1,
						     "kshimfix2"), 0);
	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&dyn, 0, 1, "kshimdyn"), 0);
	CU_ASSERT_EQUAL(MAJOR(dyn), 254);

	CU_ASSERT_EQUAL(read_file(p, "/proc/devices", text, sizeof(text),
				  4096), (long)strlen(want));
	CU_ASSERT_STRING_EQUAL(text, want);
	/* The same text read 7 bytes at a time (seq_file resumes). */
	CU_ASSERT_EQUAL(read_file(p, "/proc/devices", text, sizeof(text), 7),
			(long)strlen(want));
	CU_ASSERT_STRING_EQUAL(text, want);

	unregister_chrdev_region(dyn, 1);
	unregister_chrdev_region(MKDEV(240, 8), 1);
	unregister_chrdev_region(MKDEV(240, 0), 1);
	unregister_chrdev_region(MKDEV(265, 0), 4);
	CU_ASSERT_EQUAL(read_file(p, "/proc/devices", text, sizeof(text),
				  4096), 44);
	CU_ASSERT_STRING_EQUAL(text,
		"Character devices:\n 10 misc\n\nBlock devices:\n");
	kshim_proc_exit(p);
}

/* A test cannot remove the machine's entry (pde_make_permanent()). */
static void test_proc_devices_permanent(void)
{
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ",
			    "rmdevices");
	remove_proc_entry("devices", NULL); /* LINE:rmdevices */
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"removing permanent /proc entry 'devices'"));
}

static void test_proc_misc(void)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR, .name = "ma",
				.fops = &t_fops };
	struct miscdevice fixed = { .minor = 42, .name = "mfixed",
				    .fops = &t_fops };
	struct kshim_proc *p = kshim_proc_create("cat");
	static char text[1024];

	CU_ASSERT_EQUAL(read_file(p, "/proc/misc", text, sizeof(text), 4096),
			0);
	CU_ASSERT_EQUAL_FATAL(misc_register(&a), 0);
	CU_ASSERT_EQUAL_FATAL(misc_register(&fixed), 0);
	/* Newest first (list_add()), "%3i %s\n". */
	CU_ASSERT_EQUAL(read_file(p, "/proc/misc", text, sizeof(text), 4096),
			18);
	CU_ASSERT_STRING_EQUAL(text, " 42 mfixed\n127 ma\n");
	misc_deregister(&fixed);
	CU_ASSERT_EQUAL(read_file(p, "/proc/misc", text, sizeof(text), 4096),
			7);
	CU_ASSERT_STRING_EQUAL(text, "127 ma\n");
	misc_deregister(&a);
	kshim_proc_exit(p);
}

/* ---- reboot ---- */

/* A reboot with the settings the machine has (its RAM size). */
static int reboot(void)
{
	char ram[64];

	snprintf(ram, sizeof(ram), "KSHIM_RAM=%s", kshim_setting("KSHIM_RAM"));
	return kshim_boot(ram, NULL);
}

static struct class *t_class;
static struct cdev t_cdev;
static struct miscdevice t_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "bootmisc",
	.fops = &t_fops,
};

/* A dynamic region, a cdev with a node in a new class, a misc device. */
static void register_all(dev_t *devt)
{
	struct device *dev;

	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(devt, 3, 1, "bootchr"), 0);
	CU_ASSERT_EQUAL(MAJOR(*devt), 254);
	cdev_init(&t_cdev, &t_fops);
	t_cdev.owner = THIS_MODULE;
	CU_ASSERT_EQUAL_FATAL(cdev_add(&t_cdev, *devt, 1), 0);
	t_class = class_create("bootclass");
	CU_ASSERT_FALSE_FATAL(IS_ERR(t_class));
	dev = device_create(t_class, NULL, *devt, NULL, "bootchr");
	CU_ASSERT_FALSE_FATAL(IS_ERR(dev));
	t_misc.minor = MISC_DYNAMIC_MINOR;
	CU_ASSERT_EQUAL_FATAL(misc_register(&t_misc), 0);
	CU_ASSERT_EQUAL(t_misc.minor, 127);
}

static void unregister_all(dev_t devt)
{
	misc_deregister(&t_misc);
	device_destroy(t_class, devt);
	class_destroy(t_class);
	cdev_del(&t_cdev);
	unregister_chrdev_region(devt, 1);
}

/* Both nodes open and read their minor. */
static void use_all(void)
{
	struct kshim_proc *p = kshim_proc_create("user");
	long ubuf = kshim_user_alloc(p, PAGE_SIZE);
	char c = 0;
	int fd;

	CU_ASSERT_FATAL(ubuf > 0);
	fd = kshim_open(p, "/dev/bootchr", O_RDONLY);
	CU_ASSERT_EQUAL(fd, 0);
	CU_ASSERT_EQUAL(kshim_read(p, fd, ubuf, 1), 1);
	CU_ASSERT_EQUAL(kshim_user_read(p, ubuf, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 3);
	fd = kshim_open(p, "/dev/bootmisc", O_RDONLY);
	CU_ASSERT_EQUAL(fd, 1);
	CU_ASSERT_EQUAL(kshim_read(p, fd, ubuf, 1), 1);
	CU_ASSERT_EQUAL(kshim_user_read(p, ubuf, &c, 1), 0);
	CU_ASSERT_EQUAL(c, 127);
	CU_ASSERT_EQUAL(nr_open, 2);
	kshim_proc_exit(p);
}

/*
 * Register, unregister, reboot, register again: the new machine is a
 * fresh one (before: misc's map entry and class of the old machine's
 * memory crashed the first cdev_add() or misc_register()).
 */
static void test_register_reboot_register(void)
{
	dev_t devt;

	register_all(&devt);
	use_all();
	unregister_all(devt);

	CU_ASSERT_EQUAL_FATAL(reboot(), 0);
	CU_ASSERT_EQUAL(kshim_pages_allocated(), 0);

	nr_open = 0;
	register_all(&devt);
	use_all();
	/* Still misc's major and class, as at the first boot. */
	CU_ASSERT_EQUAL(register_chrdev_region(MKDEV(MISC_MAJOR, 0), 1, "t"),
			-EBUSY);
	unregister_all(devt);
}

/*
 * What a test before left registered (KSHIM_FORK=0: still there) is
 * forgotten by a reboot: 254, the dynamic major it held, is free again.
 */
static void test_reboot_forgets_old_registrations(void)
{
	struct kshim_proc *p;
	static char text[4096];
	dev_t devt;

	CU_ASSERT_EQUAL_FATAL(reboot(), 0);
	CU_ASSERT_EQUAL_FATAL(alloc_chrdev_region(&devt, 0, 1, "fresh"), 0);
	CU_ASSERT_EQUAL(MAJOR(devt), 254);
	p = kshim_proc_create("cat");
	read_file(p, "/proc/devices", text, sizeof(text), 4096);
	CU_ASSERT_STRING_EQUAL(text,
		"Character devices:\n 10 misc\n254 fresh\n\nBlock devices:\n");
	kshim_proc_exit(p);
	unregister_chrdev_region(devt, 1);
}

/* ---- leaks (last: with KSHIM_FORK=0 they stay for the tests after) ---- */

/* Left registered: the misc ledger names the line (misc itself stays). */
static void test_misc_leak_on_ledger(void)
{
	static struct miscdevice leaky = { .minor = MISC_DYNAMIC_MINOR,
					   .name = "leakymisc",
					   .fops = &t_fops };

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "registered at ", "leakmisc");
	CU_ASSERT_EQUAL(misc_register(&leaky), 0); /* LINE:leakmisc */
}

static void test_leaky_region(void)
{
	dev_t d;

	expect_report_at_in(__FILE__, KSHIM_REPORT_LEDGER,
			    "registered at ", "leakregion");
	alloc_chrdev_region(&d, 0, 1, "leaky"); /* LINE:leakregion */
}

static CU_TestInfo boot_tests[] = {
	{ "boot_allocates_nothing", test_boot_allocates_nothing },
	{ "misc_major_and_class_from_boot",
	  test_misc_major_and_class_from_boot },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo proc_tests[] = {
	{ "proc_devices", test_proc_devices },
	{ "proc_devices_permanent", test_proc_devices_permanent },
	{ "proc_misc", test_proc_misc },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo leak_tests[] = {
	{ "misc_leak_on_ledger", test_misc_leak_on_ledger },
	{ "leaky_region", test_leaky_region },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo reboot_tests[] = {
	{ "register_reboot_register", test_register_reboot_register },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo after_leak_tests[] = {
	{ "reboot_forgets_old_registrations",
	  test_reboot_forgets_old_registrations },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "boot", NULL, NULL, setup, NULL, boot_tests },
	{ "proc", NULL, NULL, setup, NULL, proc_tests },
	{ "reboot", NULL, NULL, setup, NULL, reboot_tests },
	{ "leaks", NULL, NULL, setup, NULL, leak_tests },
	/* After the leaks: with KSHIM_FORK=0 a reboot forgets them. */
	{ "after_leaks", NULL, NULL, setup, NULL, after_leak_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
