/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/device/class.h - device classes: the group a device node's
 * device belongs to ("misc", a driver's own class).
 *
 * Follows include/linux/device/class.h of 6.1 for the basics
 * (compat/drivers/base/class.c): struct class (name, devnode,
 * dev_release, class_release ...), class_register()/class_unregister(),
 * class_create()/class_destroy().  class_create() takes (owner, name)
 * until 6.3 and (name) from 6.4 on (LINUX_VERSION_CODE); 6.4 dropped
 * struct class's owner (kshim keeps the slot, for one layout) and 6.2
 * made ->devnode take a const device.  Two classes of one name are the
 * kernel's sysfs duplicate: "sysfs: cannot create duplicate filename
 * '/class/<name>'" and -EEXIST.  No sysfs attributes, no class
 * iterators.  kshim's ledger ("device classes") names a class still
 * registered at the end of a test.
 */
#ifndef _DEVICE_CLASS_H_
#define _DEVICE_CLASS_H_

#include <linux/kobject.h>
#include <linux/types.h>
#include <linux/version.h>
#include <kshim/site.h>

struct attribute_group;
struct device;
struct kobj_uevent_env;
struct module;

struct class {
	const char		*name;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
	struct module		*owner;
#else
	struct module		*__kshim_owner;	/* 6.4 removed it */
#endif

	const struct attribute_group	**class_groups;
	const struct attribute_group	**dev_groups;
	struct kobject			*dev_kobj;

	int (*dev_uevent)(struct device *dev, struct kobj_uevent_env *env);
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
	char *(*devnode)(struct device *dev, umode_t *mode);
#else
	char *(*devnode)(const struct device *dev, umode_t *mode);
#endif

	void (*class_release)(struct class *class);
	void (*dev_release)(struct device *dev);

	int (*shutdown_pre)(struct device *dev);

	/* kshim: registered (class_register() to class_unregister()) */
	const struct kshim_site *kshim_add_site;
	struct list_head kshim_node;
	bool kshim_created;		/* class_create()'s, freed at destroy */
};

int __kshim_class_register(struct class *cls,
			   const struct kshim_site *site);
void class_unregister(struct class *cls);
int __class_register(struct class *cls, void *key);
struct class *__class_create(struct module *owner, const char *name,
			     void *key);
#define class_register(cls)	__kshim_class_register(cls, __KSHIM_CALLSITE)

struct class *__kshim_class_create(struct module *owner, const char *name,
				   const struct kshim_site *site);
void class_destroy(struct class *cls);

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
/* This is a #define to keep the compiler from merging different
 * instances of the __key variable */
#define class_create(owner, name)					\
	__kshim_class_create(owner, name, __KSHIM_CALLSITE)
#else
struct class *class_create(const char *name);
#define class_create(name)	__kshim_class_create(NULL, name, __KSHIM_CALLSITE)
#endif

/* What the kernel's linux/device/class.h also makes visible. */
#include <linux/device/bus.h>
#include <linux/notifier.h>
#include <linux/pm.h>

#endif	/* _DEVICE_CLASS_H_ */
