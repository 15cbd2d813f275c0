// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/char/misc.c - misc devices (major 10), following the
 * behaviour of drivers/char/misc.c of 6.1 (kshim's own code):
 *  - at boot, register_chrdev(MISC_MAJOR, "misc", &misc_fops) and the
 *    "misc" class (kshim: both static, so that the machine allocates
 *    nothing at boot; a reboot registers them again);
 *  - misc_register(): MISC_DYNAMIC_MINOR takes the first free of 128
 *    dynamic minors, counted down from 127 (127, 126, ... 0), then
 *    -EBUSY; from 6.2's profile on the next ones are 256, 257 ... (the
 *    IDA of 6.2); a fixed minor already registered is -EBUSY; then
 *    device_create_with_groups(misc_class, parent, MKDEV(10, minor),
 *    misc, groups, "%s", name): its failure (a duplicate name, -EEXIST)
 *    is returned, a dynamic minor released and reset to
 *    MISC_DYNAMIC_MINOR;
 *  - misc_open(): the registered device with the node's minor (-ENODEV
 *    when none), file->private_data = the miscdevice, its fops replace
 *    the file's and their ->open is called;
 *  - misc_deregister(): WARN_ON(list_empty(&misc->list)) (a device whose
 *    registration failed), else destroys the device and frees the minor.
 *  - /proc/misc: "%3i %s\n" (minor, name) per registered device, the
 *    newest first (a static permanent entry made at boot).
 * Reports name the driver's line (the calls are macros); kshim's ledger
 * ("misc devices") names a registration a test leaves behind.
 */
#include <pthread.h>

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kshim/boot.h>
#include <kshim/ledger.h>

#include "fs/internal.h"
#include "fs/proc/internal.h"
#include "kshim/internal.h"

#undef misc_register
#undef misc_deregister

#define MAX_LEAK_LINES 16

/*
 * Minors handed out for MISC_DYNAMIC_MINOR: 0..127, the highest free
 * first; from the 6.2 profile on, then MISC_DYNAMIC_MINOR + 1 onwards.
 * Indexed by the minor itself.  A fixed minor is not marked here (as in
 * the kernel), but freeing any minor below 128 unmarks it.
 */
#define LOW_DYN_MINORS 128
#define HIGH_DYN_FIRST (MISC_DYNAMIC_MINOR + 1)
#define HIGH_DYN_MINORS 1024	/* plenty for 6.2's IDA */

static DECLARE_BITMAP(low_dyn_used, LOW_DYN_MINORS);
static DECLARE_BITMAP(high_dyn_used, HIGH_DYN_MINORS);

/* Registered devices, newest at the head: a lookup sees it first. */
static LIST_HEAD(misc_devices);
static pthread_mutex_t misc_lock = PTHREAD_MUTEX_INITIALIZER;
static long misc_on_ledger;

static struct class misc_class_static;
static struct class *const misc_class = &misc_class_static;

static int dyn_minor_take(void)
{
	int m;

	for (m = LOW_DYN_MINORS - 1; m >= 0; m--)
		if (!test_bit(m, low_dyn_used)) {
			set_bit(m, low_dyn_used);
			return m;
		}
	if (kshim_linux_version() < KERNEL_VERSION(6, 2, 0))
		return -EBUSY;
	m = find_first_zero_bit(high_dyn_used, HIGH_DYN_MINORS);
	if (m >= HIGH_DYN_MINORS)
		return -EBUSY;
	set_bit(m, high_dyn_used);
	return HIGH_DYN_FIRST + m;
}

static void dyn_minor_give_back(int minor)
{
	if (minor >= 0 && minor < LOW_DYN_MINORS)
		clear_bit(minor, low_dyn_used);
	else if (minor >= HIGH_DYN_FIRST &&
		 minor - HIGH_DYN_FIRST < HIGH_DYN_MINORS)
		clear_bit(minor - HIGH_DYN_FIRST, high_dyn_used);
}

/* The newest registered device with @minor; misc_lock held. */
static struct miscdevice *misc_by_minor(int minor)
{
	struct miscdevice *m;

	list_for_each_entry(m, &misc_devices, list)
		if (m->minor == minor)
			return m;
	return NULL;
}

/*
 * misc_fops' ->open: hand the file to the device's own operations, with
 * private_data pointing at the miscdevice before their ->open runs
 * (drivers rely on it).  -ENODEV for an unknown minor or NULL fops.
 */
static int misc_open(struct inode *inode, struct file *file)
{
	const struct file_operations *ops = NULL;
	struct miscdevice *m;
	int ret = -ENODEV;

	pthread_mutex_lock(&misc_lock);
	m = misc_by_minor(iminor(inode));
	if (m)
		ops = fops_get(m->fops);
	if (ops) {
		file->private_data = m;
		replace_fops(file, ops);
		ret = ops->open ? ops->open(inode, file) : 0;
	}
	pthread_mutex_unlock(&misc_lock);
	return ret;
}

static char *misc_devnode(const struct device *dev, umode_t *mode)
{
	struct miscdevice *m = dev_get_drvdata(dev);

	if (m->mode && mode)
		*mode = m->mode;
	return m->nodename ? kstrdup(m->nodename, GFP_KERNEL) : NULL;
}

static const struct file_operations misc_fops = {
	.owner		= NULL,
	.open		= misc_open,
	.llseek		= noop_llseek,
};

/* The minor @misc gets: a dynamic one, or its own if nobody has it. */
static int misc_choose_minor(struct miscdevice *misc)
{
	if (misc->minor == MISC_DYNAMIC_MINOR)
		return dyn_minor_take();
	return misc_by_minor(misc->minor) ? -EBUSY : misc->minor;
}

int __kshim_misc_register(struct miscdevice *misc,
			  const struct kshim_site *site)
{
	bool wants_dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	struct device *node;
	int minor;

	INIT_LIST_HEAD(&misc->list);
	pthread_mutex_lock(&misc_lock);

	minor = misc_choose_minor(misc);
	if (minor < 0) {
		pthread_mutex_unlock(&misc_lock);
		return minor;
	}
	misc->minor = minor;

	node = __kshim_device_create(misc_class, misc->parent,
				     MKDEV(MISC_MAJOR, minor), misc,
				     misc->groups, site, "%s", misc->name);
	misc->this_device = node;
	if (IS_ERR(node)) {
		/* the caller may retry: leave it as it came */
		if (wants_dynamic) {
			dyn_minor_give_back(minor);
			misc->minor = MISC_DYNAMIC_MINOR;
		}
		pthread_mutex_unlock(&misc_lock);
		return PTR_ERR(node);
	}

	/* newest first, so that a later device shadows an older one */
	list_add(&misc->list, &misc_devices);
	misc->kshim_add_site = site;
	misc_on_ledger++;
	pthread_mutex_unlock(&misc_lock);
	return 0;
}

int misc_register(struct miscdevice *misc)
{
	return __kshim_misc_register(misc, NULL);
}
EXPORT_SYMBOL(misc_register);

void __kshim_misc_deregister(struct miscdevice *misc,
			     const struct kshim_site *site)
{
	/* WARN_ON(): never registered, or its registration failed */
	if (list_empty(&misc->list)) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
		return;
	}

	pthread_mutex_lock(&misc_lock);
	list_del(&misc->list);
	misc_on_ledger--;
	__kshim_device_destroy(misc_class, MKDEV(MISC_MAJOR, misc->minor),
			       site);
	dyn_minor_give_back(misc->minor);
	pthread_mutex_unlock(&misc_lock);
}

void misc_deregister(struct miscdevice *misc)
{
	__kshim_misc_deregister(misc, NULL);
}
EXPORT_SYMBOL(misc_deregister);

/* /proc/misc: "%3i %s\n" (minor, name) per device, newest first. */
static void *proc_misc_start(struct seq_file *sf, loff_t *pos)
{
	pthread_mutex_lock(&misc_lock);
	return seq_list_start(&misc_devices, *pos);
}

static void *proc_misc_next(struct seq_file *sf, void *cur, loff_t *pos)
{
	return seq_list_next(cur, &misc_devices, pos);
}

static void proc_misc_stop(struct seq_file *sf, void *cur)
{
	pthread_mutex_unlock(&misc_lock);
}

static int proc_misc_show(struct seq_file *sf, void *cur)
{
	const struct miscdevice *m = container_of(cur, struct miscdevice,
						  list);

	seq_printf(sf, "%3i %s\n", m->minor, m->name ?: "");
	return 0;
}

static const struct seq_operations proc_misc_ops = {
	.start	= proc_misc_start,
	.next	= proc_misc_next,
	.stop	= proc_misc_stop,
	.show	= proc_misc_show,
};

static struct proc_dir_entry proc_misc;

/* ---- boot and the ledger ---- */

static long ledger_misc(void *arg)
{
	long n;

	pthread_mutex_lock(&misc_lock);
	n = misc_on_ledger;
	pthread_mutex_unlock(&misc_lock);
	return n;
}

static void explain_misc(void *arg)
{
	struct miscdevice *m;
	unsigned long shown = 0;

	pthread_mutex_lock(&misc_lock);
	list_for_each_entry(m, &misc_devices, list) {
		const struct kshim_site *s = m->kshim_add_site;

		if (shown++ >= MAX_LEAK_LINES)
			break;
		printk(KERN_ERR "kshim: misc device '%s' (minor %d) registered at %s:%d (%s) was never deregistered\n",
		       m->name, m->minor, kshim_site_file(s),
		       kshim_site_line(s), kshim_site_func(s));
	}
	pthread_mutex_unlock(&misc_lock);
}

/*
 * misc_init(): the "misc" class and major 10, static (the machine
 * allocates nothing at boot: the class and the region are not on the
 * ledger).  Again at each boot: a reboot forgot them (kshim_misc_exit(),
 * kshim_class_exit(), kshim_chrdev_exit()).
 */
void kshim_misc_init(void)
{
	static bool on_ledger;

	if (!on_ledger) {
		on_ledger = true;
		kshim_ledger_add("misc devices", ledger_misc, explain_misc,
				 NULL);
	}
	misc_class_static = (struct class){
		.name = "misc",
		.devnode = misc_devnode,
	};
	INIT_LIST_HEAD(&misc_class_static.kshim_node);
	if (__kshim_class_register(&misc_class_static, NULL))
		panic("kshim: cannot create the misc class");
	/* register_chrdev(): 256 minors (2025 kernels: MINORMASK + 1) */
	if (kshim_register_chrdev_boot(MISC_MAJOR, 256, "misc", &misc_fops))
		panic("kshim: unable to get major %d for misc devices",
		      MISC_MAJOR);
	kshim_proc_create_seq_boot(&proc_misc, "misc", &proc_misc_ops);
}

/* A reboot: every misc device is forgotten, as at a fresh boot. */
void kshim_misc_exit(void)
{
	pthread_mutex_lock(&misc_lock);
	INIT_LIST_HEAD(&misc_devices);
	bitmap_zero(low_dyn_used, LOW_DYN_MINORS);
	bitmap_zero(high_dyn_used, HIGH_DYN_MINORS);
	misc_on_ledger = 0;
	pthread_mutex_unlock(&misc_lock);
}
