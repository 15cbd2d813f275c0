// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/base/class.c - device classes, device_create() and the
 * device nodes devtmpfs makes, following the behaviour of
 * drivers/base/class.c, the class part of drivers/base/core.c and
 * drivers/base/devtmpfs.c of 6.1 (kshim's own code):
 *  - class_register()/class_create(): a second class of one name is the
 *    sysfs duplicate ("sysfs: cannot create duplicate filename
 *    '/class/<name>'", a stack dump, "kobject_add_internal failed for
 *    <name> with -EEXIST, don't try to register things with the same
 *    name in the same directory.") and -EEXIST; class_destroy() of an
 *    error pointer or NULL does nothing;
 *  - device_create(): a device of @cls (-ENODEV for an error pointer or
 *    NULL class), parent, devt, drvdata and a printf name, registered
 *    (device_add()); two devices of one class and parent with one name
 *    are the sysfs duplicate ('/devices/virtual/<class>/<name>') and
 *    -EEXIST; device_destroy() unregisters the class's device with that
 *    devt (nothing when there is none);
 *  - devtmpfs: a registered device with a devt (MAJOR != 0) is the node
 *    "/dev/<name>": ->devnode of its class when it gives a name, else its
 *    name with '!' back to '/'; kshim_sys_open() looks nodes up here.
 * kshim's ledger ("device classes") names a class a test leaves
 * registered; a reboot (kshim_boot()) forgets every class and node.
 */
#include <pthread.h>
#include <stdarg.h>

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <kshim/ledger.h>

#include "base.h"
#include "fs/internal.h"
#include "kshim/internal.h"

#undef class_register
#undef class_create
#undef device_create
#undef device_create_with_groups
#undef device_destroy

#define MAX_LEAK_LINES 16

static pthread_mutex_t class_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(classes);
static long nr_classes;

/* A registered device of a class or with a node. */
struct devnode {
	struct list_head node;
	struct device *dev;
	char *name;		/* the node's, or NULL: none */
	umode_t mode;
};

static pthread_mutex_t nodes_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(nodes);

static void warn_dup(const char *dir, const char *name)
{
	printk(KERN_WARNING "sysfs: cannot create duplicate filename '%s/%s'\n",
	       dir, name);
	dump_stack();
	printk(KERN_ERR "kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same name in the same directory.\n",
	       name);
}

static struct class *class_find(const char *name)
{
	struct class *cls;

	list_for_each_entry(cls, &classes, kshim_node)
		if (!strcmp(cls->name, name))
			return cls;
	return NULL;
}

int __kshim_class_register(struct class *cls, const struct kshim_site *site)
{
	pthread_mutex_lock(&class_lock);
	if (class_find(cls->name)) {
		pthread_mutex_unlock(&class_lock);
		warn_dup("/class", cls->name);
		return -EEXIST;
	}
	cls->kshim_add_site = site;
	list_add_tail(&cls->kshim_node, &classes);
	nr_classes++;
	pthread_mutex_unlock(&class_lock);
	return 0;
}

int __class_register(struct class *cls, void *key)
{
	return __kshim_class_register(cls, NULL);
}
EXPORT_SYMBOL_GPL(__class_register);

void class_unregister(struct class *cls)
{
	pthread_mutex_lock(&class_lock);
	list_del_init(&cls->kshim_node);
	nr_classes--;
	pthread_mutex_unlock(&class_lock);
	if (cls->class_release)
		cls->class_release(cls);
}
EXPORT_SYMBOL_GPL(class_unregister);

/* class_create()'s classes are kzalloc()ed: the last step frees them. */
static void created_class_free(struct class *cls)
{
	kfree(cls);
}

struct class *__kshim_class_create(struct module *owner, const char *name,
				   const struct kshim_site *site)
{
	struct class *made = kzalloc(sizeof(*made), GFP_KERNEL);
	int err;

	if (!made)
		return ERR_PTR(-ENOMEM);
	made->name = name;
	made->class_release = created_class_free;
	made->kshim_created = true;
	err = __kshim_class_register(made, site);
	if (err) {
		kfree(made);
		return ERR_PTR(err);
	}
	return made;
}

/* 6.4's class_create(name) (the library is built with that profile). */
struct class *class_create(const char *name)
{
	return __kshim_class_create(NULL, name, NULL);
}
EXPORT_SYMBOL_GPL(class_create);

struct class *__class_create(struct module *owner, const char *name,
			     void *key)
{
	return __kshim_class_create(owner, name, NULL);
}
EXPORT_SYMBOL_GPL(__class_create);

/* An error pointer or NULL (a failed class_create()) is ignored. */
void class_destroy(struct class *cls)
{
	if (!IS_ERR_OR_NULL(cls))
		class_unregister(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);

/* ---- devtmpfs ---- */

/*
 * The /dev name of @dev, kmalloc()ed (NULL: none): what its class's
 * ->devnode says, else the device name where '!' stands for '/'.
 */
static char *node_name_of(struct device *dev, umode_t *mode)
{
	const char *base = dev_name(dev);
	char *path, *c;

	*mode = 0;
	if (dev->class && dev->class->devnode) {
		path = dev->class->devnode(dev, mode);
		if (path)
			return path;
	}
	path = base ? kstrdup(base, GFP_KERNEL) : NULL;
	for (c = path; c && *c; c++)
		if (*c == '!')
			*c = '/';
	return path;
}

/*
 * device_add() of @dev (drivers/base/core.c): its sysfs name must be
 * free in its class directory, and a devt makes a node.
 */
int kshim_device_add_node(struct device *dev)
{
	struct devnode *n, *pos;

	if (!dev->class && !MAJOR(dev->devt))
		return 0;
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	n->dev = dev;
	pthread_mutex_lock(&nodes_lock);
	if (dev->class) {
		list_for_each_entry(pos, &nodes, node) {
			if (pos->dev->class != dev->class ||
			    pos->dev->parent != dev->parent ||
			    strcmp(dev_name(pos->dev), dev_name(dev)))
				continue;
			pthread_mutex_unlock(&nodes_lock);
			kfree(n);
			if (dev->parent) {
				char *dir = kasprintf(GFP_KERNEL,
						      "/devices/%s/%s",
						      dev_name(dev->parent),
						      dev->class->name);

				warn_dup(dir ?: "", dev_name(dev));
				kfree(dir);
			} else {
				char *dir = kasprintf(GFP_KERNEL,
						      "/devices/virtual/%s",
						      dev->class->name);

				warn_dup(dir ?: "", dev_name(dev));
				kfree(dir);
			}
			return -EEXIST;
		}
	}
	pthread_mutex_unlock(&nodes_lock);
	if (MAJOR(dev->devt))
		n->name = node_name_of(dev, &n->mode);
	pthread_mutex_lock(&nodes_lock);
	list_add_tail(&n->node, &nodes);
	pthread_mutex_unlock(&nodes_lock);
	return 0;
}

/* device_del() of @dev: its node goes. */
void kshim_device_del_node(struct device *dev)
{
	struct devnode *n, *found = NULL;

	pthread_mutex_lock(&nodes_lock);
	list_for_each_entry(n, &nodes, node)
		if (n->dev == dev) {
			list_del(&n->node);
			found = n;
			break;
		}
	pthread_mutex_unlock(&nodes_lock);
	if (found) {
		kfree(found->name);
		kfree(found);
	}
}

int kshim_devnode_lookup(const char *name, dev_t *devt, umode_t *mode)
{
	struct devnode *n;
	int ret = -ENOENT;

	pthread_mutex_lock(&nodes_lock);
	list_for_each_entry(n, &nodes, node)
		if (n->name && !strcmp(n->name, name)) {
			*devt = n->dev->devt;
			*mode = n->mode;
			ret = 0;
			break;
		}
	pthread_mutex_unlock(&nodes_lock);
	return ret;
}

/* ---- device_create() (drivers/base/core.c) ---- */

/* device_create()'s devices are kzalloc()ed: the last put frees them. */
static void created_device_free(struct device *dev)
{
	kfree(dev);
}

/*
 * The common body of the device_create() family: -ENODEV for a missing
 * class, -ENOMEM, or what naming and device_add() return (the device is
 * then dropped again).
 */
static __printf(7, 0) struct device *
create_in_class(struct class *cls, struct device *parent, dev_t devt,
		void *drvdata, const struct attribute_group **groups,
		const struct kshim_site *site, const char *fmt, va_list ap)
{
	struct device *d;
	char *name;
	int err;

	if (IS_ERR_OR_NULL(cls))
		return ERR_PTR(-ENODEV);
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return ERR_PTR(-ENOMEM);

	device_initialize(d);
	d->release = created_device_free;
	d->class = cls;
	d->parent = parent;
	d->devt = devt;
	d->groups = groups;
	d->driver_data = drvdata;

	name = kvasprintf(GFP_KERNEL, fmt, ap);
	err = name ? dev_set_name(d, "%s", name) : -ENOMEM;
	kfree(name);
	if (!err)
		err = __kshim_device_add(d, site);
	if (!err)
		return d;
	__kshim_put_device(d, site);
	return ERR_PTR(err);
}

struct device *__kshim_device_create(struct class *cls, struct device *parent,
				     dev_t devt, void *drvdata,
				     const struct attribute_group **groups,
				     const struct kshim_site *site,
				     const char *fmt, ...)
{
	struct device *d;
	va_list ap;

	va_start(ap, fmt);
	d = create_in_class(cls, parent, devt, drvdata, groups, site, fmt, ap);
	va_end(ap);
	return d;
}

struct device *device_create(struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
{
	struct device *d;
	va_list ap;

	va_start(ap, fmt);
	d = create_in_class(cls, parent, devt, drvdata, NULL, NULL, fmt, ap);
	va_end(ap);
	return d;
}
EXPORT_SYMBOL_GPL(device_create);

struct device *device_create_with_groups(struct class *cls,
					 struct device *parent, dev_t devt,
					 void *drvdata,
					 const struct attribute_group **groups,
					 const char *fmt, ...)
{
	struct device *d;
	va_list ap;

	va_start(ap, fmt);
	d = create_in_class(cls, parent, devt, drvdata, groups, NULL, fmt, ap);
	va_end(ap);
	return d;
}
EXPORT_SYMBOL_GPL(device_create_with_groups);

void __kshim_device_destroy(struct class *cls, dev_t devt,
			    const struct kshim_site *site)
{
	struct device *victim = NULL;
	struct devnode *n;

	pthread_mutex_lock(&nodes_lock);
	list_for_each_entry(n, &nodes, node) {
		if (n->dev->class != cls || n->dev->devt != devt)
			continue;
		victim = __kshim_get_device(n->dev, site);
		break;
	}
	pthread_mutex_unlock(&nodes_lock);
	if (!victim)
		return;		/* nothing of that number: no-op */
	__kshim_put_device(victim, site);
	__kshim_device_unregister(victim, site);
}

void device_destroy(struct class *cls, dev_t devt)
{
	__kshim_device_destroy(cls, devt, NULL);
}
EXPORT_SYMBOL_GPL(device_destroy);

/* ---- the ledger ---- */

static long ledger_classes(void *arg)
{
	long n;

	pthread_mutex_lock(&class_lock);
	n = nr_classes;
	pthread_mutex_unlock(&class_lock);
	return n;
}

static void explain_classes(void *arg)
{
	struct class *cls;
	unsigned long n = 0;

	pthread_mutex_lock(&class_lock);
	list_for_each_entry(cls, &classes, kshim_node) {
		const struct kshim_site *s = cls->kshim_add_site;

		if (!s)
			continue;
		if (n++ < MAX_LEAK_LINES)
			printk(KERN_ERR "kshim: class '%s' registered at %s:%d (%s) was never unregistered\n",
			       cls->name, kshim_site_file(s),
			       kshim_site_line(s), kshim_site_func(s));
	}
	pthread_mutex_unlock(&class_lock);
}

void kshim_class_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	kshim_ledger_add("device classes", ledger_classes, explain_classes,
			 NULL);
}

/*
 * The machine reboots (kshim_boot()): every class and /dev node is
 * forgotten as at a fresh boot (their memory went with the old machine's
 * RAM: not touched).
 */
void kshim_class_exit(void)
{
	pthread_mutex_lock(&class_lock);
	INIT_LIST_HEAD(&classes);
	nr_classes = 0;
	pthread_mutex_unlock(&class_lock);
	pthread_mutex_lock(&nodes_lock);
	INIT_LIST_HEAD(&nodes);
	pthread_mutex_unlock(&nodes_lock);
}
