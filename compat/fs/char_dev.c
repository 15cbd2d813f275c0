// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/char_dev.c - character device numbers and cdevs, following
 * the behaviour of fs/char_dev.c (with drivers/base/map.c's kobj_map) of
 * 6.1; the data structures and code are kshim's own:
 *  - a region is (major, first minor, count, name); kshim keeps every
 *    region in one list ordered by major, then by first minor.  A request
 *    is checked in the kernel's order: a major of 512 or more ("CHRDEV
 *    \"%s\" major requested (%u) is greater than the maximum (%u)",
 *    -EINVAL), a minor range past MINORMASK ("... minor range requested
 *    (%u-%u) is out of range of maximum range (%u-%u) for a single
 *    major", -EINVAL), then for major 0 a dynamic major: the first of 254
 *    down to 234 that the kernel's table would show as empty (neither m
 *    nor m + 255 in use: the kernel hashes majors modulo 255), then the
 *    first of 511 down to 384 not in use ("... dynamic allocation region
 *    is full", -EBUSY); last, a minor range meeting one of the same major
 *    is -EBUSY without a message;
 *  - register_chrdev_region() splits a range at major boundaries and
 *    gives back what it took when one part fails; alloc_chrdev_region()
 *    returns the dynamic major; register_chrdev() returns 0 for a fixed
 *    major and the major for 0; unregister_chrdev_region() ignores a
 *    range that was not registered exactly so;
 *  - cdev_add() makes a range live (no check that it was registered, no
 *    overlap check; WARN_ON(dev == WHITEOUT_DEV) and -EBUSY); a lookup
 *    picks, among the live ranges holding the number, the smallest, the
 *    newest of equal ones, and takes a reference on the cdev and on its
 *    owner module (a module going away gives -ENXIO);
 *  - chrdev_open(): no cdev, a dead owner, or NULL fops is -ENXIO; else
 *    the file's f_op becomes the cdev's and its ->open is called; the
 *    reference is dropped at the file's release (cd_forget());
 *  - a cdev's last reference releases it (cdev_alloc()'s are freed) and
 *    drops its parent (cdev_set_parent()/cdev_device_add()).
 * kshim's own: the ledger entries "char device regions" and "char
 * devices" name the line that registered a region, or added a cdev, that
 * a test leaves behind.  The machine's own major (misc's 10) is
 * registered at boot in static storage (kshim_register_chrdev_boot():
 * nothing is allocated at boot) and is not on the ledger; a reboot
 * (kshim_boot()) forgets every region and cdev as a fresh boot.
 */
#include <pthread.h>

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kdev_t.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kshim/ledger.h>

#include "fs/internal.h"
#include "kshim/internal.h"

#undef alloc_chrdev_region
#undef register_chrdev_region
#undef __register_chrdev
#undef register_chrdev
#undef cdev_add
#undef cdev_device_add

#define MAX_LEAK_LINES 16
/* The kernel hashes majors modulo this; dynamic majors depend on it. */
#define KERNEL_MAJOR_BUCKETS 255

/* ---- registered number ranges ---- */

struct chr_region {
	struct list_head link;		/* in regions, ordered */
	unsigned int major;
	unsigned int first;		/* first minor */
	unsigned int count;		/* number of minors */
	char name[64];
	struct cdev *own_cdev;		/* register_chrdev()'s */
	const struct kshim_site *where;	/* for the ledger */
	bool is_static;			/* the machine's own: static */
};

static pthread_mutex_t regions_mutex = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(regions);
static long regions_on_ledger;

static bool major_taken(unsigned int major)
{
	struct chr_region *r;

	list_for_each_entry(r, &regions, link) {
		if (r->major == major)
			return true;
		if (r->major > major)
			break;
	}
	return false;
}

/*
 * A free dynamic major, or -EBUSY.  In the low window the kernel asks
 * whether its hash bucket is empty, so a major sharing the bucket
 * (m + 255) makes m unavailable too.
 */
static int pick_dynamic_major(void)
{
	unsigned int m;

	for (m = KERNEL_MAJOR_BUCKETS - 1; m >= CHRDEV_MAJOR_DYN_END; m--)
		if (!major_taken(m) && !major_taken(m + KERNEL_MAJOR_BUCKETS))
			return m;
	for (m = CHRDEV_MAJOR_DYN_EXT_START; m >= CHRDEV_MAJOR_DYN_EXT_END; m--)
		if (!major_taken(m))
			return m;
	return -EBUSY;
}

/*
 * Where @nr goes in the ordered list: before the first region that lies
 * wholly after it.  -EBUSY when its minors meet a region of its major.
 */
static int find_slot(const struct chr_region *nr, struct list_head **before)
{
	unsigned int end = nr->first + nr->count;
	struct chr_region *r;

	list_for_each_entry(r, &regions, link) {
		if (r->major > nr->major)
			break;
		if (r->major < nr->major || r->first + r->count <= nr->first)
			continue;
		if (r->first >= end)
			break;
		return -EBUSY;
	}
	*before = &r->link;
	return 0;
}

/* Insert @nr (major already chosen); -EBUSY on a clash. */
static int region_link(struct chr_region *nr, bool count_it)
{
	struct list_head *before;
	int err = find_slot(nr, &before);

	if (err)
		return err;
	list_add_tail(&nr->link, before);
	if (count_it)
		regions_on_ledger++;
	return 0;
}

/*
 * One major's worth of a registration: @major 0 takes a dynamic one.
 * The new region, or an ERR_PTR.
 */
static struct chr_region *claim_range(unsigned int major, unsigned int first,
				      int count, const char *name,
				      const struct kshim_site *site)
{
	struct chr_region *nr;
	int err;

	if (major >= CHRDEV_MAJOR_MAX) {
		pr_err("CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n",
		       name, major, CHRDEV_MAJOR_MAX - 1);
		return ERR_PTR(-EINVAL);
	}
	/* compared as unsigned, as the kernel does */
	if ((unsigned int)count > MINORMASK + 1 - first) {
		pr_err("CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
		       name, first, first + count - 1, 0, MINORMASK);
		return ERR_PTR(-EINVAL);
	}

	nr = kzalloc(sizeof(*nr), GFP_KERNEL);
	if (!nr)
		return ERR_PTR(-ENOMEM);
	nr->first = first;
	nr->count = count;
	nr->where = site;
	strscpy(nr->name, name, sizeof(nr->name));

	pthread_mutex_lock(&regions_mutex);
	err = major;
	if (!major) {
		err = pick_dynamic_major();
		if (err < 0)
			pr_err("CHRDEV \"%s\" dynamic allocation region is full\n",
			       name);
	}
	if (err >= 0) {
		nr->major = err;
		err = region_link(nr, true);
	}
	pthread_mutex_unlock(&regions_mutex);

	if (err) {
		kfree(nr);
		return ERR_PTR(err);
	}
	return nr;
}

/* Unlink the region registered exactly as given; NULL when none is. */
static struct chr_region *release_range(unsigned int major,
					unsigned int first, unsigned int count)
{
	struct chr_region *r, *hit = NULL;

	pthread_mutex_lock(&regions_mutex);
	list_for_each_entry(r, &regions, link)
		if (r->major == major && r->first == first &&
		    r->count == count) {
			hit = r;
			break;
		}
	if (hit) {
		list_del(&hit->link);
		if (!hit->is_static)
			regions_on_ledger--;
	}
	pthread_mutex_unlock(&regions_mutex);
	return hit;
}

static void region_free(struct chr_region *r)
{
	if (r && !r->is_static)
		kfree(r);
}

/* The part of [@from, @to) inside @from's major, as a number of minors. */
static unsigned int minors_in_major(dev_t from, dev_t to)
{
	dev_t next_major = MKDEV(MAJOR(from) + 1, 0);

	return (next_major < to ? next_major : to) - from;
}

/* Give back the per-major parts of [@from, @to). */
static void release_span(dev_t from, dev_t to)
{
	while (from < to) {
		unsigned int len = minors_in_major(from, to);

		region_free(release_range(MAJOR(from), MINOR(from), len));
		from += len;
	}
}

/* /proc/devices (compat/fs/proc/devices.c): the regions of one major. */
void chrdev_show(struct seq_file *f, off_t offset)
{
	struct chr_region *r;

	pthread_mutex_lock(&regions_mutex);
	list_for_each_entry(r, &regions, link)
		if (r->major == offset)
			seq_printf(f, "%3d %s\n", r->major, r->name);
	pthread_mutex_unlock(&regions_mutex);
}

int __kshim_register_chrdev_region(dev_t from, unsigned count,
				   const char *name,
				   const struct kshim_site *site)
{
	dev_t end = from + count, pos = from;

	while (pos < end) {
		unsigned int len = minors_in_major(pos, end);
		struct chr_region *r = claim_range(MAJOR(pos), MINOR(pos),
						   len, name, site);

		if (IS_ERR(r)) {
			/* give back the parts already taken */
			release_span(from, pos);
			return PTR_ERR(r);
		}
		pos += len;
	}
	return 0;
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	return __kshim_register_chrdev_region(from, count, name, NULL);
}
EXPORT_SYMBOL(register_chrdev_region);

int __kshim_alloc_chrdev_region(dev_t *dev, unsigned baseminor,
				unsigned count, const char *name,
				const struct kshim_site *site)
{
	struct chr_region *r = claim_range(0, baseminor, count, name, site);

	if (IS_ERR(r))
		return PTR_ERR(r);
	*dev = MKDEV(r->major, r->first);
	return 0;
}

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name)
{
	return __kshim_alloc_chrdev_region(dev, baseminor, count, name, NULL);
}
EXPORT_SYMBOL(alloc_chrdev_region);

int __kshim_register_chrdev(unsigned int major, unsigned int baseminor,
			    unsigned int count, const char *name,
			    const struct file_operations *fops,
			    const struct kshim_site *site)
{
	struct chr_region *r;
	struct cdev *c;
	int err;

	r = claim_range(major, baseminor, count, name, site);
	if (IS_ERR(r))
		return PTR_ERR(r);

	c = cdev_alloc();
	err = -ENOMEM;
	if (c) {
		c->ops = fops;
		c->owner = fops->owner;
		c->kobj.name = kstrdup(name, GFP_KERNEL);
		err = __kshim_cdev_add(c, MKDEV(r->major, baseminor), count,
				       site);
		if (!err) {
			r->own_cdev = c;
			/* 0 for a fixed major, else the dynamic one */
			return major == 0 ? (int)r->major : 0;
		}
		cdev_put(c);
	}
	region_free(release_range(r->major, baseminor, count));
	return err;
}

int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops)
{
	return __kshim_register_chrdev(major, baseminor, count, name, fops,
				       NULL);
}
EXPORT_SYMBOL(__register_chrdev);

void unregister_chrdev_region(dev_t from, unsigned count)
{
	release_span(from, from + count);
}
EXPORT_SYMBOL(unregister_chrdev_region);

void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name)
{
	struct chr_region *r = release_range(major, baseminor, count);

	if (!r)
		return;
	if (r->own_cdev)
		cdev_del(r->own_cdev);
	region_free(r);
}
EXPORT_SYMBOL(__unregister_chrdev);

/* ---- live cdevs: which cdev answers for a device number ---- */

struct live_range {
	struct list_head link;	/* by size; newest first of equal */
	dev_t base;
	unsigned long len;
	struct cdev *cdev;
	bool is_static;
};

static pthread_mutex_t live_mutex = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(live_ranges);
static LIST_HEAD(cdevs_added);		/* the ledger's view */
static long cdevs_on_ledger;

static void live_insert(struct live_range *lr)
{
	struct list_head *at = &live_ranges;
	struct live_range *it;

	pthread_mutex_lock(&live_mutex);
	list_for_each_entry(it, &live_ranges, link)
		if (it->len >= lr->len) {
			at = &it->link;
			break;
		}
	list_add_tail(&lr->link, at);
	pthread_mutex_unlock(&live_mutex);
}

static void live_remove(dev_t base, unsigned long len)
{
	struct live_range *it, *gone = NULL;

	pthread_mutex_lock(&live_mutex);
	list_for_each_entry(it, &live_ranges, link) {
		if (it->base != base || it->len != len)
			continue;
		list_del(&it->link);
		gone = it;
		break;
	}
	pthread_mutex_unlock(&live_mutex);
	if (gone && !gone->is_static)
		kfree(gone);
}

/*
 * A reference on @c and its owner module; false when the module is on
 * its way out.
 */
static bool cdev_grab(struct cdev *c)
{
	if (c->owner && !try_module_get(c->owner))
		return false;
	kref_get(&c->kobj.kref);
	return true;
}

/* The first live cdev holding @dev that can be referenced, or NULL. */
static struct cdev *live_find(dev_t dev)
{
	struct live_range *it;
	struct cdev *hit = NULL;

	pthread_mutex_lock(&live_mutex);
	list_for_each_entry(it, &live_ranges, link) {
		bool inside = dev >= it->base && dev - it->base < it->len;

		if (inside && cdev_grab(it->cdev)) {
			hit = it->cdev;
			break;
		}
	}
	pthread_mutex_unlock(&live_mutex);
	return hit;
}

/* ---- cdev lifetime ---- */

static void cdev_last_put(struct kref *kref)
{
	struct cdev *c = container_of(kref, struct cdev, kobj.kref);
	struct kobject *up = c->kobj.parent;

	if (c->kshim_dynamic) {
		kfree(c->kobj.name);
		kfree(c);
	}
	if (up)
		__kshim_put_device(kobj_to_dev(up), NULL);
}

void cdev_put(struct cdev *p)
{
	struct module *mod;

	if (!p)
		return;
	mod = p->owner;		/* @p may be gone after the kref_put() */
	kref_put(&p->kobj.kref, cdev_last_put);
	module_put(mod);
}
EXPORT_SYMBOL(cdev_put);

int __kshim_cdev_add(struct cdev *p, dev_t dev, unsigned count,
		     const struct kshim_site *site)
{
	struct live_range *lr;

	p->dev = dev;
	p->count = count;
	if (dev == WHITEOUT_DEV) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, NULL);
		return -EBUSY;
	}

	lr = kmalloc(sizeof(*lr), GFP_KERNEL);
	if (!lr)
		return -ENOMEM;
	*lr = (struct live_range){ .base = dev, .len = count, .cdev = p };
	live_insert(lr);

	if (p->kobj.parent)
		__kshim_get_device(kobj_to_dev(p->kobj.parent), site);

	p->kshim_add_site = site;
	pthread_mutex_lock(&live_mutex);
	list_add_tail(&p->kshim_node, &cdevs_added);
	cdevs_on_ledger++;
	pthread_mutex_unlock(&live_mutex);
	return 0;
}

int cdev_add(struct cdev *p, dev_t dev, unsigned count)
{
	return __kshim_cdev_add(p, dev, count, NULL);
}
EXPORT_SYMBOL(cdev_add);

void cdev_set_parent(struct cdev *p, struct kobject *kobj)
{
	WARN_ON(kobj->state_initialized == 0);
	p->kobj.parent = kobj;
}
EXPORT_SYMBOL(cdev_set_parent);

int __kshim_cdev_device_add(struct cdev *cdev, struct device *dev,
			    const struct kshim_site *site)
{
	bool has_number = dev->devt != 0;
	int err;

	if (has_number) {
		cdev_set_parent(cdev, &dev->kobj);
		err = __kshim_cdev_add(cdev, dev->devt, 1, site);
		if (err)
			return err;
	}
	err = __kshim_device_add(dev, site);
	if (err && has_number)
		cdev_del(cdev);	/* the device never appeared: undo */
	return err;
}

int cdev_device_add(struct cdev *cdev, struct device *dev)
{
	return __kshim_cdev_device_add(cdev, dev, NULL);
}
EXPORT_SYMBOL(cdev_device_add);

void cdev_device_del(struct cdev *cdev, struct device *dev)
{
	__kshim_device_del(dev, NULL);
	if (dev->devt != 0)
		cdev_del(cdev);
}
EXPORT_SYMBOL(cdev_device_del);

void cdev_del(struct cdev *p)
{
	live_remove(p->dev, p->count);
	pthread_mutex_lock(&live_mutex);
	/* a cdev that was never added has an unused or zeroed node */
	if (p->kshim_node.next && !list_empty(&p->kshim_node)) {
		list_del_init(&p->kshim_node);
		cdevs_on_ledger--;
	}
	pthread_mutex_unlock(&live_mutex);
	kref_put(&p->kobj.kref, cdev_last_put);
}
EXPORT_SYMBOL(cdev_del);

/* The fields every cdev starts with, embedded or allocated. */
static void cdev_fresh(struct cdev *c, const struct file_operations *fops,
		       bool dynamic)
{
	*c = (struct cdev){ .ops = fops, .kshim_dynamic = dynamic };
	INIT_LIST_HEAD(&c->list);
	INIT_LIST_HEAD(&c->kshim_node);
	kref_init(&c->kobj.kref);
	c->kobj.state_initialized = 1;
}

struct cdev *cdev_alloc(void)
{
	struct cdev *c = kmalloc(sizeof(*c), GFP_KERNEL);

	if (c)
		cdev_fresh(c, NULL, true);
	return c;
}
EXPORT_SYMBOL(cdev_alloc);

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	cdev_fresh(cdev, fops, false);
}
EXPORT_SYMBOL(cdev_init);

/*
 * The inode is going away: forget its cdev (no reference: each open file
 * holds its own, dropped by __fput()).
 */
void cd_forget(struct inode *inode)
{
	inode->i_cdev = NULL;
}

/*
 * def_chr_fops' ->open: find the cdev for the inode's number (cached in
 * i_cdev), hold it for the life of the file, and hand the file over to
 * the cdev's operations.
 */
int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *ops;
	struct cdev *c = inode->i_cdev;
	int err;

	if (c) {
		if (!cdev_grab(c))
			return -ENXIO;
	} else {
		c = live_find(inode->i_rdev);
		if (!c)
			return -ENXIO;
		inode->i_cdev = c;
	}

	ops = fops_get(c->ops);
	err = -ENXIO;
	if (ops) {
		replace_fops(filp, ops);
		err = 0;
		if (ops->open)
			err = ops->open(inode, filp);
		if (!err)
			return 0;
	}
	inode->i_cdev = NULL;
	cdev_put(c);
	return err;
}

/* ---- the ledger ---- */

static long ledger_regions(void *arg)
{
	long n;

	pthread_mutex_lock(&regions_mutex);
	n = regions_on_ledger;
	pthread_mutex_unlock(&regions_mutex);
	return n;
}

static void explain_regions(void *arg)
{
	struct chr_region *r;
	unsigned long shown = 0;

	pthread_mutex_lock(&regions_mutex);
	list_for_each_entry(r, &regions, link) {
		if (r->is_static)
			continue;	/* the machine's own (misc) */
		if (shown++ >= MAX_LEAK_LINES)
			continue;
		printk(KERN_ERR "kshim: char device region %u:%u-%u \"%s\" registered at %s:%d (%s) was never unregistered\n",
		       r->major, r->first, r->first + r->count - 1, r->name,
		       kshim_site_file(r->where), kshim_site_line(r->where),
		       kshim_site_func(r->where));
	}
	pthread_mutex_unlock(&regions_mutex);
	if (shown > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more region(s)\n",
		       shown - MAX_LEAK_LINES);
}

static long ledger_cdevs(void *arg)
{
	long n;

	pthread_mutex_lock(&live_mutex);
	n = cdevs_on_ledger;
	pthread_mutex_unlock(&live_mutex);
	return n;
}

static void explain_cdevs(void *arg)
{
	struct cdev *c;
	unsigned long shown = 0;

	pthread_mutex_lock(&live_mutex);
	list_for_each_entry(c, &cdevs_added, kshim_node) {
		const struct kshim_site *s = c->kshim_add_site;

		if (!s || shown++ >= MAX_LEAK_LINES)
			continue;
		printk(KERN_ERR "kshim: cdev %u:%u (%u minors) added at %s:%d (%s) was never deleted\n",
		       MAJOR(c->dev), MINOR(c->dev), c->count,
		       kshim_site_file(s), kshim_site_line(s),
		       kshim_site_func(s));
	}
	pthread_mutex_unlock(&live_mutex);
	if (shown > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more cdev(s)\n",
		       shown - MAX_LEAK_LINES);
}

void kshim_chrdev_init(void)
{
	static bool on_ledger;

	if (on_ledger)
		return;
	on_ledger = true;
	kshim_ledger_add("char device regions", ledger_regions,
			 explain_regions, NULL);
	kshim_ledger_add("char devices", ledger_cdevs, explain_cdevs, NULL);
}

/* ---- the machine's own majors, and a reboot ---- */

#define BOOT_SLOTS 2

static struct boot_chrdev {
	struct chr_region region;
	struct cdev cdev;
	struct live_range live;
} boot_slots[BOOT_SLOTS];
static unsigned int boot_slots_used;	/* under regions_mutex */

/*
 * __register_chrdev(@major, 0, @count, @name, @fops) by the machine at
 * boot (misc's MISC_MAJOR): the same region, cdev and live range, in
 * static storage, not on the ledger.  0, or -EBUSY (the major is taken,
 * or no slot is left).
 */
int kshim_register_chrdev_boot(unsigned int major, unsigned int count,
			       const char *name,
			       const struct file_operations *fops)
{
	struct boot_chrdev *b;
	bool usable;

	pthread_mutex_lock(&regions_mutex);
	usable = major && major < CHRDEV_MAJOR_MAX && count &&
		 count <= MINORMASK + 1 && boot_slots_used < BOOT_SLOTS &&
		 !major_taken(major);
	if (!usable) {
		pthread_mutex_unlock(&regions_mutex);
		return -EBUSY;
	}
	b = &boot_slots[boot_slots_used++];
	memset(b, 0, sizeof(*b));
	b->region.major = major;
	b->region.count = count;
	b->region.is_static = true;
	b->region.own_cdev = &b->cdev;
	strscpy(b->region.name, name, sizeof(b->region.name));
	/* the major is free: this cannot clash */
	region_link(&b->region, false);
	pthread_mutex_unlock(&regions_mutex);

	cdev_fresh(&b->cdev, fops, false);
	b->cdev.owner = fops->owner;
	b->cdev.kobj.name = name;
	b->cdev.dev = MKDEV(major, 0);
	b->cdev.count = count;
	b->live = (struct live_range){
		.base = b->cdev.dev, .len = count, .cdev = &b->cdev,
		.is_static = true,
	};
	live_insert(&b->live);
	return 0;
}

/*
 * The machine reboots (kshim_boot()): every region and cdev is forgotten
 * as at a fresh boot (their memory went with the old machine's RAM: not
 * touched); the machine's own majors are registered again by their
 * owners' init.
 */
void kshim_chrdev_exit(void)
{
	pthread_mutex_lock(&regions_mutex);
	INIT_LIST_HEAD(&regions);
	regions_on_ledger = 0;
	boot_slots_used = 0;
	pthread_mutex_unlock(&regions_mutex);
	pthread_mutex_lock(&live_mutex);
	INIT_LIST_HEAD(&live_ranges);
	INIT_LIST_HEAD(&cdevs_added);
	cdevs_on_ledger = 0;
	pthread_mutex_unlock(&live_mutex);
}
