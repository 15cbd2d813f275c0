/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/topology.h - which CPUs belong to which node.
 *
 * Follows include/linux/topology.h and x86's asm/topology.h of 6.1 with
 * kshim's machine: memory may span several nodes (KSHIM_NODES), every
 * simulated CPU sits on node 0.  cpumask_of_node() answers as x86's
 * CONFIG_DEBUG_PER_CPU_MAPS variant does: NUMA_NO_NODE means every CPU, a
 * node without CPUs an empty mask.
 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/cpumask.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/numa.h>
#include <linux/smp.h>

static inline int cpu_to_node(int cpu)
{
	return 0;
}

static inline int cpu_to_mem(int cpu)
{
	return 0;
}

static inline const struct cpumask *cpumask_of_node(int node)
{
	if (node == NUMA_NO_NODE)
		return cpu_all_mask;
	return node == 0 ? cpu_possible_mask : cpu_none_mask;
}

#define topology_physical_package_id(cpu)	((void)(cpu), 0)
#define topology_core_id(cpu)			(cpu)

/* What the kernel's linux/topology.h also makes visible. */
#include <linux/notifier.h>

#endif /* _LINUX_TOPOLOGY_H */
