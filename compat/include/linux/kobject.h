/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kobject.h - the kernel object embedded in every struct device.
 *
 * Follows include/linux/kobject.h of 6.1 for the part kshim's device model
 * (compat/drivers/base/core.c) uses: a name, a parent, a struct kref count
 * and the state_initialized/state_in_sysfs bits, and kobject_name().  The
 * count is driven by get_device()/put_device(); kobject_get()/_put() of a
 * bare kobject, ktypes, ksets and uevents are not provided (no sysfs).
 */
#ifndef _KOBJ_H_
#define _KOBJ_H_

#include <linux/types.h>
#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/kref.h>
#include <linux/wait.h>
#include <linux/atomic.h>

struct kobject {
	const char		*name;
	struct list_head	entry;
	struct kobject		*parent;
	struct kref		kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/* What the kernel's linux/kobject.h also makes visible. */
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/idr.h>
#include <linux/kthread.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/notifier.h>
#include <linux/page-flags.h>
#include <linux/radix-tree.h>
#include <linux/sched/mm.h>
#include <linux/srcu.h>
#include <linux/stat.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#endif /* _KOBJ_H_ */
