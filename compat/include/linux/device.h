/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/device.h - the device model's struct device and managed resources.
 *
 * Follows include/linux/device.h of 6.1 for a subset (compat/drivers/base/
 * core.c and devres.c implement it; buses and drivers are in
 * device/{bus,driver}.h with binding in dd.c, dev_printk in dev_printk.h;
 * no sysfs or power management):
 *  - struct device: kobj (name, parent, kref count), parent, init_name,
 *    type (struct device_type: name, release), platform_data, driver_data,
 *    mutex, devres_lock/devres_head, dma_mask/coherent_dma_mask, id,
 *    release;
 *  - device_initialize()/device_add()/device_register(), device_del()/
 *    device_unregister(), get_device()/put_device(), dev_name()/
 *    dev_set_name(), drvdata, device_lock(), root_device_register()/
 *    root_device_unregister().  A device without a name is not added
 *    (-EINVAL); the last put_device() releases the device's resources,
 *    then calls dev->release or dev->type->release, or WARNs "Device '%s'
 *    does not have a release() function, it is broken and must be fixed."
 *    as the kernel; a put of a device never initialized WARNs "kobject:
 *    '%s' (%p): is not initialized, yet kobject_put() is being called.";
 *    one put too many is refcount_t's "underflow; use-after-free." WARN;
 *  - devres: devres_alloc()/devres_free()/devres_add()/devres_find()/
 *    devres_get()/devres_remove()/devres_destroy()/devres_release()/
 *    devres_for_each_res(), devm_add_action(_or_reset)()/
 *    devm_remove_action()/devm_release_action(), devm_kmalloc()/
 *    devm_kzalloc()/devm_kmalloc_array()/devm_kcalloc()/devm_kfree(),
 *    devm_kstrdup()/devm_kmemdup()/devm_kasprintf()/devm_kvasprintf().
 *    Resources are released in the reverse order of their addition, at
 *    device_del() and at the final put_device(); devm_kfree() of memory the
 *    device does not manage is the kernel's WARN_ON.  Resource groups
 *    (devres_open_group() ...) and devm_krealloc() are not provided.
 *  - binding (dd.c): device_attach(), device_release_driver(),
 *    device_driver_attach(), device_bind_driver(), device_reprobe(),
 *    device_is_bound(); dev_driver_string(), dev_bus_name(), dev_fwnode();
 *    struct device_dma_parameters;
 *  - devt and class: device_create()/device_destroy() (class.c), the
 *    node "/dev/<name>" of a registered device with a devt
 *    (devtmpfs.c), linux/device/class.h;
 * kshim's own: every report names the caller's file:line (these are
 * macros over real functions), and the ledger entry "registered devices"
 * fails a test that leaves a device registered, naming where it was.
 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/numa.h>
#include <linux/err.h>
#include <linux/stdarg.h>
#include <linux/dev_printk.h>
#include <linux/pm.h>
#include <linux/device/bus.h>
#include <linux/device/driver.h>
#include <kshim/site.h>

struct attribute_group;
struct bus_type;
struct class;
struct device_driver;
struct device_dma_parameters;
struct fwnode_handle;
struct kshim_sim_device;
struct kshim_device_private;
struct device;
struct module;

/* What the DMA layer may do with a device's memory (6.1). */
struct device_dma_parameters {
	/*
	 * a low level driver may set these to teach IOMMU code about
	 * sg limitations.
	 */
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

/* What the devices of one kind share (6.1: name, release; no sysfs). */
struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};

struct device {
	struct kobject kobj;
	struct device		*parent;
	const char		*init_name;	/* initial name */
	const struct device_type *type;
	void		*platform_data;
	void		*driver_data;	/* dev_set_drvdata/dev_get_drvdata */
	struct mutex		mutex;	/* device_lock() */
	struct bus_type	*bus;		/* type of bus device is on */
	struct device_driver *driver;	/* which driver has allocated this
					   device */
	u64		*dma_mask;	/* dma mask (if dma'able device) */
	u64		coherent_dma_mask; /* for coherent allocations */
	u64		bus_dma_limit;	/* upstream dma constraint */
	struct device_dma_parameters *dma_parms;
	struct list_head	dma_pools;	/* dma pools (if dma'ble) */
	struct fwnode_handle	*fwnode; /* firmware device node */
	spinlock_t		devres_lock;
	struct list_head	devres_head;
	u32			id;	/* device instance */
	dev_t			devt;	/* dev_t, creates the sysfs "dev" */
	struct class		*class;
	const struct attribute_group **groups;	/* optional groups */
	void	(*release)(struct device *dev);
	/* kshim: where device_add() registered it, for the ledger */
	const struct kshim_site *kshim_add_site;
	struct list_head	kshim_node;
	/* kshim: its bus's device list / its driver's bound list */
	struct list_head	kshim_bus_node;
	struct list_head	kshim_drv_node;
	/* kshim: the simulated hardware behind it (kshim/device.h), or NULL */
	struct kshim_sim_device	*kshim_sim;
	/* kshim: the driver core's own state (drivers/base/base.h) */
	struct kshim_device_private *kshim_p;
};

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

static inline const char *dev_name(const struct device *dev)
{
	/* Use the init name until the kobject becomes available. */
	if (dev->init_name)
		return dev->init_name;
	return kobject_name(&dev->kobj);
}

__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* !CONFIG_NUMA, as kshim's kconfig. */
static inline int dev_to_node(struct device *dev)
{
	return NUMA_NO_NODE;
}

static inline void set_dev_node(struct device *dev, int node)
{
}

static inline int device_is_registered(struct device *dev)
{
	return dev->kobj.state_in_sysfs;
}

static inline void device_lock(struct device *dev)
{
	mutex_lock(&dev->mutex);
}

static inline int device_lock_interruptible(struct device *dev)
{
	return mutex_lock_interruptible(&dev->mutex);
}

static inline int device_trylock(struct device *dev)
{
	return mutex_trylock(&dev->mutex);
}

static inline void device_unlock(struct device *dev)
{
	mutex_unlock(&dev->mutex);
}

static inline void device_lock_assert(struct device *dev)
{
	lockdep_assert_held(&dev->mutex);
}

const char *dev_driver_string(const struct device *dev);

static inline struct fwnode_handle *dev_fwnode(const struct device *dev)
{
	return dev->fwnode;
}

static inline void device_set_node(struct device *dev,
				   struct fwnode_handle *fwnode)
{
	dev->fwnode = fwnode;
}

/* ---- binding devices and drivers (drivers/base/dd.c) ---- */

bool device_is_bound(struct device *dev);
int __must_check device_bind_driver(struct device *dev);
void device_release_driver(struct device *dev);
int  __must_check device_attach(struct device *dev);
int __must_check driver_attach(struct device_driver *drv);
void device_initial_probe(struct device *dev);
int __must_check device_reprobe(struct device *dev);
int device_driver_attach(struct device_driver *drv, struct device *dev);

/* ---- registration and reference counting (drivers/base/core.c) ---- */

void device_initialize(struct device *dev);
int device_add(struct device *dev);
int device_register(struct device *dev);
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
struct device *__root_device_register(const char *name, struct module *owner);
void root_device_unregister(struct device *root);

int __kshim_device_add(struct device *dev, const struct kshim_site *site);
int __kshim_device_register(struct device *dev,
			    const struct kshim_site *site);
void __kshim_device_del(struct device *dev, const struct kshim_site *site);
void __kshim_device_unregister(struct device *dev,
			       const struct kshim_site *site);
struct device *__kshim_get_device(struct device *dev,
				  const struct kshim_site *site);
void __kshim_put_device(struct device *dev, const struct kshim_site *site);
struct device *__kshim_root_device_register(const char *name,
					    struct module *owner,
					    const struct kshim_site *site);
void __kshim_root_device_unregister(struct device *root,
				    const struct kshim_site *site);

#define device_add(dev)		__kshim_device_add(dev, __KSHIM_CALLSITE)
#define device_register(dev)	__kshim_device_register(dev, __KSHIM_CALLSITE)
#define device_del(dev)		__kshim_device_del(dev, __KSHIM_CALLSITE)
#define device_unregister(dev)						\
	__kshim_device_unregister(dev, __KSHIM_CALLSITE)
#define get_device(dev)		__kshim_get_device(dev, __KSHIM_CALLSITE)
#define put_device(dev)		__kshim_put_device(dev, __KSHIM_CALLSITE)
#define __root_device_register(name, owner)				\
	__kshim_root_device_register(name, owner, __KSHIM_CALLSITE)
#define root_device_register(name)					\
	__kshim_root_device_register(name, THIS_MODULE, __KSHIM_CALLSITE)
#define root_device_unregister(root)					\
	__kshim_root_device_unregister(root, __KSHIM_CALLSITE)

/* ---- managed resources (drivers/base/devres.c) ---- */

typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp,
			  int nid, const char *name) __malloc;
void *__kshim_devres_alloc_node(dr_release_t release, size_t size,
				gfp_t gfp, int nid, const char *name,
				const struct kshim_site *site) __malloc;
#define __devres_alloc_node(release, size, gfp, nid, name)		\
	__kshim_devres_alloc_node(release, size, gfp, nid, name,	\
				  __KSHIM_CALLSITE)
#define devres_alloc(release, size, gfp) \
	__devres_alloc_node(release, size, gfp, NUMA_NO_NODE, #release)
#define devres_alloc_node(release, size, gfp, nid) \
	__devres_alloc_node(release, size, gfp, nid, #release)

void devres_for_each_res(struct device *dev, dr_release_t release,
			 dr_match_t match, void *match_data,
			 void (*fn)(struct device *, void *, void *),
			 void *data);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void *devres_find(struct device *dev, dr_release_t release,
		  dr_match_t match, void *match_data);
void *devres_get(struct device *dev, void *new_res,
		 dr_match_t match, void *match_data);
void *devres_remove(struct device *dev, dr_release_t release,
		    dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data);

void __kshim_devres_free(void *res, const struct kshim_site *site);
void __kshim_devres_add(struct device *dev, void *res,
			const struct kshim_site *site);
#define devres_free(res)	__kshim_devres_free(res, __KSHIM_CALLSITE)
#define devres_add(dev, res)	__kshim_devres_add(dev, res, __KSHIM_CALLSITE)

/* Managed kmalloc: freed when the device goes. */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
void *devm_kmemdup(struct device *dev, const void *src, size_t len,
		   gfp_t gfp);
__printf(3, 0) char *devm_kvasprintf(struct device *dev, gfp_t gfp,
				     const char *fmt, va_list ap) __malloc;
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp,
				    const char *fmt, ...) __malloc;

void *__kshim_devm_kmalloc(struct device *dev, size_t size, gfp_t gfp,
			   const struct kshim_site *site) __malloc;
void __kshim_devm_kfree(struct device *dev, const void *p,
			const struct kshim_site *site);
char *__kshim_devm_kstrdup(struct device *dev, const char *s, gfp_t gfp,
			   const struct kshim_site *site) __malloc;
void *__kshim_devm_kmemdup(struct device *dev, const void *src, size_t len,
			   gfp_t gfp, const struct kshim_site *site);
__printf(4, 0) char *__kshim_devm_kvasprintf(struct device *dev, gfp_t gfp,
					     const struct kshim_site *site,
					     const char *fmt, va_list ap)
	__malloc;
__printf(4, 5) char *__kshim_devm_kasprintf(struct device *dev, gfp_t gfp,
					    const struct kshim_site *site,
					    const char *fmt, ...) __malloc;

#define devm_kmalloc(dev, size, gfp)					\
	__kshim_devm_kmalloc(dev, size, gfp, __KSHIM_CALLSITE)
#define devm_kzalloc(dev, size, gfp)					\
	__kshim_devm_kmalloc(dev, size, (gfp) | __GFP_ZERO, __KSHIM_CALLSITE)
#define devm_kfree(dev, p)	__kshim_devm_kfree(dev, p, __KSHIM_CALLSITE)
#define devm_kstrdup(dev, s, gfp)					\
	__kshim_devm_kstrdup(dev, s, gfp, __KSHIM_CALLSITE)
#define devm_kmemdup(dev, src, len, gfp)				\
	__kshim_devm_kmemdup(dev, src, len, gfp, __KSHIM_CALLSITE)
#define devm_kvasprintf(dev, gfp, fmt, ap)				\
	__kshim_devm_kvasprintf(dev, gfp, __KSHIM_CALLSITE, fmt, ap)
#define devm_kasprintf(dev, gfp, fmt...)				\
	__kshim_devm_kasprintf(dev, gfp, __KSHIM_CALLSITE, fmt)

static __always_inline void *
__kshim_devm_kmalloc_array(struct device *dev, size_t n, size_t size,
			   gfp_t flags, const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kshim_devm_kmalloc(dev, bytes, flags, site);
}

#define devm_kmalloc_array(dev, n, size, flags)				\
	__kshim_devm_kmalloc_array(dev, n, size, flags, __KSHIM_CALLSITE)
#define devm_kcalloc(dev, n, size, flags)				\
	__kshim_devm_kmalloc_array(dev, n, size, (flags) | __GFP_ZERO,	\
				   __KSHIM_CALLSITE)

/* Managed actions: @action(@data) runs when the device goes. */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *),
			void *data);
void devm_release_action(struct device *dev, void (*action)(void *),
			 void *data);

int __kshim_devm_add_action(struct device *dev, void (*action)(void *),
			    void *data, const struct kshim_site *site);
void __kshim_devm_remove_action(struct device *dev, void (*action)(void *),
				void *data, const struct kshim_site *site);
void __kshim_devm_release_action(struct device *dev,
				 void (*action)(void *), void *data,
				 const struct kshim_site *site);

#define devm_add_action(dev, action, data)				\
	__kshim_devm_add_action(dev, action, data, __KSHIM_CALLSITE)
#define devm_remove_action(dev, action, data)				\
	__kshim_devm_remove_action(dev, action, data, __KSHIM_CALLSITE)
#define devm_release_action(dev, action, data)				\
	__kshim_devm_release_action(dev, action, data, __KSHIM_CALLSITE)

/* Add @action; if that fails, run it now and return the error. */
static inline int
__kshim_devm_add_action_or_reset(struct device *dev, void (*action)(void *),
				 void *data, const struct kshim_site *site)
{
	int ret = __kshim_devm_add_action(dev, action, data, site);

	if (ret)
		action(data);
	return ret;
}

#define devm_add_action_or_reset(dev, action, data)			\
	__kshim_devm_add_action_or_reset(dev, action, data, __KSHIM_CALLSITE)

/* ---- device nodes of a class (drivers/base/core.c; compat/drivers/base/
 * class.c): device_create() allocates, names (printf format), registers
 * a device whose devt makes the node "/dev/<name>"; device_destroy()
 * unregisters the class's device with that devt. ---- */

__printf(5, 6) struct device *
device_create(struct class *cls, struct device *parent, dev_t devt,
	      void *drvdata, const char *fmt, ...);
__printf(6, 7) struct device *
device_create_with_groups(struct class *cls, struct device *parent,
			  dev_t devt, void *drvdata,
			  const struct attribute_group **groups,
			  const char *fmt, ...);
void device_destroy(struct class *cls, dev_t devt);

struct device *__kshim_device_create(struct class *cls, struct device *parent,
				     dev_t devt, void *drvdata,
				     const struct attribute_group **groups,
				     const struct kshim_site *site,
				     const char *fmt, ...) __printf(7, 8);
void __kshim_device_destroy(struct class *cls, dev_t devt,
			    const struct kshim_site *site);
#define device_create(cls, parent, devt, drvdata, fmt...)		\
	__kshim_device_create(cls, parent, devt, drvdata, NULL,	\
			      __KSHIM_CALLSITE, fmt)
#define device_create_with_groups(cls, parent, devt, drvdata, groups, fmt...) \
	__kshim_device_create(cls, parent, devt, drvdata, groups,	\
			      __KSHIM_CALLSITE, fmt)
#define device_destroy(cls, devt)					\
	__kshim_device_destroy(cls, devt, __KSHIM_CALLSITE)

#include <linux/device/class.h>

/* The name of the bus or class the device is on, else "". */
static inline const char *dev_bus_name(const struct device *dev)
{
	return dev->bus ? dev->bus->name : (dev->class ? dev->class->name : "");
}


/* What the kernel's linux/device.h also makes visible. */
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/ratelimit.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _DEVICE_H_ */
