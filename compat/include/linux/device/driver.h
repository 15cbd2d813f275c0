/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/device/driver.h - drivers of the device model.
 *
 * Follows include/linux/device/driver.h of 6.1 (compat/drivers/base/
 * driver.c and dd.c implement it; no sysfs attributes, no asynchronous
 * probing: PROBE_PREFER_ASYNCHRONOUS probes synchronously, which the
 * kernel also does whenever it likes):
 *  - struct device_driver; driver_register() binds every matching device
 *    already on the bus, driver_unregister() unbinds them (remove, then
 *    the device's managed resources); the kernel's errors for a driver
 *    registered twice ("Error: Driver '%s' is already registered,
 *    aborting...", -EBUSY), on a bus never registered, a driver with both
 *    bus and driver methods ("needs updating"), and the WARN "Unexpected
 *    driver unregister!";
 *  - driver_find(), driver_for_each_device(), driver_find_device() and
 *    the _by_name/_by_devt helpers, driver_set_override();
 *  - deferred probe: a probe returning -EPROBE_DEFER puts the device on
 *    the deferred list, retried each time another device binds (the
 *    kernel retries from a workqueue; kshim right after that bind, in the
 *    same call, so a test sees the result when the call returns);
 *    driver_deferred_probe_check_state() returns -EPROBE_DEFER;
 *  - module_driver()/builtin_driver().
 * kshim's own: driver_register() is a macro naming its caller (bus code
 * may call __kshim_driver_register() with its own caller's site), and
 * the ledger entry "registered drivers" fails a test that leaves a
 * driver registered, naming where it was registered and what it is
 * still bound to.
 */
#ifndef _DEVICE_DRIVER_H_
#define _DEVICE_DRIVER_H_

#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/pm.h>
#include <linux/device/bus.h>
#include <kshim/site.h>

struct acpi_device_id;
struct device_node;
struct of_device_id;
struct driver_private;

/**
 * enum probe_type - device driver probe type to try
 *	Device drivers may opt in for special handling of their
 *	respective probe routines. This tells the core what to
 *	expect and prefer.
 */
enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

struct device_driver {
	const char		*name;
	struct bus_type		*bus;

	struct module		*owner;
	const char		*mod_name;	/* used for built-in modules */

	bool suppress_bind_attrs;	/* disables bind/unbind via sysfs */
	enum probe_type probe_type;

	const struct of_device_id	*of_match_table;
	const struct acpi_device_id	*acpi_match_table;

	int (*probe) (struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove) (struct device *dev);
	void (*shutdown) (struct device *dev);
	int (*suspend) (struct device *dev, pm_message_t state);
	int (*resume) (struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;

	const struct dev_pm_ops *pm;
	void (*coredump) (struct device *dev);

	struct driver_private *p;
};


extern int __must_check driver_register(struct device_driver *drv);
extern void driver_unregister(struct device_driver *drv);

/* kshim: the ledger names the line that registered a driver left behind */
int __must_check __kshim_driver_register(struct device_driver *drv,
					 const struct kshim_site *site);
void __kshim_driver_unregister(struct device_driver *drv,
			       const struct kshim_site *site);
#define driver_register(drv)	__kshim_driver_register(drv, __KSHIM_CALLSITE)
#define driver_unregister(drv)	__kshim_driver_unregister(drv, __KSHIM_CALLSITE)

extern struct device_driver *driver_find(const char *name,
					 struct bus_type *bus);
extern int driver_probe_done(void);
extern void wait_for_device_probe(void);

int driver_set_override(struct device *dev, const char **override,
			const char *s, size_t len);
extern int __must_check driver_for_each_device(struct device_driver *drv,
					       struct device *start,
					       void *data,
					       int (*fn)(struct device *dev,
							 void *));
struct device *driver_find_device(struct device_driver *drv,
				  struct device *start, const void *data,
				  int (*match)(struct device *dev, const void *data));

static inline struct device *driver_find_device_by_name(struct device_driver *drv,
							const char *name)
{
	return driver_find_device(drv, NULL, name, device_match_name);
}

static inline struct device *
driver_find_device_by_fwnode(struct device_driver *drv,
			     const struct fwnode_handle *fwnode)
{
	return driver_find_device(drv, NULL, fwnode, device_match_fwnode);
}

static inline struct device *driver_find_device_by_devt(struct device_driver *drv,
							dev_t devt)
{
	return driver_find_device(drv, NULL, &devt, device_match_devt);
}

static inline struct device *driver_find_next_device(struct device_driver *drv,
						     struct device *start)
{
	return driver_find_device(drv, start, NULL, device_match_any);
}

static inline struct device *
driver_find_device_by_acpi_dev(struct device_driver *drv, const void *adev)
{
	return NULL;
}

extern int driver_deferred_probe_timeout;
void driver_deferred_probe_add(struct device *dev);
int driver_deferred_probe_check_state(struct device *dev);

/**
 * module_driver() - Helper macro for drivers that don't do anything
 * special in module init/exit.  Each module may only use this macro once,
 * and calling it replaces module_init() and module_exit().
 */
#define module_driver(__driver, __register, __unregister, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
module_init(__driver##_init); \
static void __exit __driver##_exit(void) \
{ \
	__unregister(&(__driver) , ##__VA_ARGS__); \
} \
module_exit(__driver##_exit);

/*
 * builtin_driver() - the same without the exit; kshim has no initcall
 * levels, so the init runs as a module's init (module_init()).
 */
#define builtin_driver(__driver, __register, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
module_init(__driver##_init);

/* What the kernel's linux/device/driver.h also makes visible. */
#include <linux/notifier.h>

#endif	/* _DEVICE_DRIVER_H_ */
