/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/nodemask.h - which nodes exist.
 *
 * Follows include/linux/nodemask.h of 6.x for what drivers read: nodes
 * 0 .. nr_node_ids - 1 are online (KSHIM_NODES of them), so
 * node_online() and for_each_online_node() need no mask.  No nodemask_t
 * operations.
 */
#ifndef __LINUX_NODEMASK_H
#define __LINUX_NODEMASK_H

#include <linux/threads.h>
#include <linux/bitmap.h>
#include <linux/minmax.h>
#include <linux/numa.h>
#include <linux/random.h>

extern int nr_node_ids;

#define node_online(nid)	((nid) >= 0 && (nid) < nr_node_ids)
#define num_online_nodes()	(nr_node_ids)
/* No node hot-add: the possible nodes are the online ones. */
#define node_possible(nid)	node_online(nid)
#define num_possible_nodes()	(nr_node_ids)
#define for_each_online_node(nid)					\
	for ((nid) = 0; (nid) < nr_node_ids; (nid)++)

/* What the kernel's linux/nodemask.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/time64.h>

#endif /* __LINUX_NODEMASK_H */
