/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/numa.h - the node count limits.
 *
 * Follows include/linux/numa.h of 6.x with kshim's configuration: up to 8
 * nodes (NODES_SHIFT 3; KSHIM_NODES chooses how many the machine has).
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#include <linux/init.h>
#include <linux/types.h>

#define NODES_SHIFT	3
#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NUMA_NO_NODE	(-1)
#define NUMA_NO_MEMBLK	(-1)

#endif /* _LINUX_NUMA_H */
