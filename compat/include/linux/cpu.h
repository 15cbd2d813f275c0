/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cpu.h - CPU hotplug locking for drivers.
 *
 * Follows include/linux/cpu.h of 6.1 built without CONFIG_HOTPLUG_CPU,
 * which is what kshim's machine is: its simulated CPUs are online from
 * boot to the end (linux/cpumask.h), nothing can take one away, so
 * cpus_read_lock()/cpus_read_unlock(), cpu_hotplug_disable()/enable() and
 * the rest have nothing to exclude and are empty, as in such a kernel;
 * remove_cpu() fails with -EPERM.  The cpumasks never change.
 */
#ifndef _LINUX_CPU_H_
#define _LINUX_CPU_H_

#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/errno.h>

/* What the kernel's linux/cpu.h also makes visible (through node.h). */
#include <linux/device.h>
#include <linux/list.h>
#include <linux/ratelimit.h>
#include <linux/time.h>

static inline void cpus_write_lock(void) { }
static inline void cpus_write_unlock(void) { }
static inline void cpus_read_lock(void) { }
static inline void cpus_read_unlock(void) { }
static inline int cpus_read_trylock(void) { return true; }
static inline void lockdep_assert_cpus_held(void) { }
static inline void cpu_hotplug_disable(void) { }
static inline void cpu_hotplug_enable(void) { }
static inline int remove_cpu(unsigned int cpu) { return -EPERM; }
static inline void smp_shutdown_nonboot_cpus(unsigned int primary_cpu) { }

/* What the kernel's linux/cpu.h also makes visible. */
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/timerqueue.h>
#include <linux/workqueue.h>

#endif /* _LINUX_CPU_H_ */
