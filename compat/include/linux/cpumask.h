/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/cpumask.h - which CPUs exist and are online.
 *
 * Follows include/linux/cpumask.h of 6.8 for what drivers use:
 * nr_cpu_ids, num_online_cpus(), num_possible_cpus(), cpu_online() and
 * the for_each_*_cpu() loops.  kshim's simulated CPUs (KSHIM_CPUS, one
 * host thread each, see compat/kernel/cpu.c) are all possible, present
 * and online from boot to the end, numbered 0 to nr_cpu_ids - 1; there is
 * no CPU hotplug, so no struct cpumask either.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/threads.h>
#include <linux/types.h>

extern unsigned int nr_cpu_ids;

static inline unsigned int num_online_cpus(void)
{
	return nr_cpu_ids;
}

#define num_possible_cpus()	num_online_cpus()
#define num_present_cpus()	num_online_cpus()
#define num_active_cpus()	num_online_cpus()

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < nr_cpu_ids;
}

#define cpu_possible(cpu)	cpu_online(cpu)
#define cpu_present(cpu)	cpu_online(cpu)

#define for_each_possible_cpu(cpu)					\
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu)	for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu)	for_each_possible_cpu(cpu)

/* What the kernel's linux/cpumask.h also makes visible. */
#include <linux/bitmap.h>
#include <linux/gfp_types.h>
#include <linux/kernel.h>
#include <linux/numa.h>

#endif /* _LINUX_CPUMASK_H */
