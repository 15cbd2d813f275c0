/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cdev.h - a character device: file_operations behind a range of
 * device numbers.
 *
 * Follows include/linux/cdev.h of 6.1 (fs/char_dev.c's behaviour,
 * compat/fs/char_dev.c): cdev_init()/cdev_alloc(), cdev_add() (live at
 * once: opens may arrive; numbers need not be registered; overlapping
 * ranges are allowed and a lookup prefers the smallest range, then the
 * most recently added), cdev_del() (open files keep their reference),
 * cdev_set_parent(), cdev_device_add()/cdev_device_del(), and the
 * reference the open file holds (cdev_put() at the last fput()).
 * cdev_add() of device number 0 (WHITEOUT_DEV) is the kernel's WARN_ON
 * and -EBUSY.  kshim's own: cdev_add() is a macro naming the driver's
 * line, for the WARN and for the ledger ("char devices"): a cdev still
 * added at the end of a test is reported with that line.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/kobject.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/device.h>
#include <kshim/site.h>

struct file_operations;
struct inode;
struct module;

struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
	/* kshim: cdev_alloc()'s (freed at the last put) or embedded */
	bool kshim_dynamic;
	/* kshim: where cdev_add() made it live, for the ledger */
	const struct kshim_site *kshim_add_site;
	struct list_head kshim_node;
};

void cdev_init(struct cdev *, const struct file_operations *);

struct cdev *cdev_alloc(void);

void cdev_put(struct cdev *p);

int cdev_add(struct cdev *, dev_t, unsigned);

void cdev_set_parent(struct cdev *p, struct kobject *kobj);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);

void cdev_del(struct cdev *);

void cd_forget(struct inode *);

int __kshim_cdev_add(struct cdev *p, dev_t dev, unsigned count,
		     const struct kshim_site *site);
int __kshim_cdev_device_add(struct cdev *cdev, struct device *dev,
			    const struct kshim_site *site);
#define cdev_add(p, dev, count)						\
	__kshim_cdev_add(p, dev, count, __KSHIM_CALLSITE)
#define cdev_device_add(cdev, dev)					\
	__kshim_cdev_device_add(cdev, dev, __KSHIM_CALLSITE)

/* What the kernel's linux/cdev.h also makes visible. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/notifier.h>

#endif
