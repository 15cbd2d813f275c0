// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/rcu/tree_kvfree.c - kvfree_call_rcu(): kfree_rcu() and
 * kvfree_rcu().
 *
 * 6.1 has it in kernel/rcu/tree.c; kshim keeps it in an object of its
 * own so that only programs that use kfree_rcu() link kvfree() (and the
 * allocators behind it) in.
 *  - 2 arguments: the object is kvfree()d after a grace period, from the
 *    RCU callback softirq (batched in 6.1; here one callback each); any
 *    context may call it.
 *  - 1 argument (headless, kvfree_rcu_mightsleep()): might_sleep() (6.1:
 *    kernel/rcu/tree.c:3391), then, as 6.1 does when it finds no page for
 *    its pointer array, synchronize_rcu() and kvfree() in place.
 */
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "kernel/rcu/rcu.h"

static void kvfree_fn(const void *p)
{
	(kvfree)(p);
}

void __kshim_kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func,
			     const struct kshim_site *site)
{
	if (head) {
		kshim_rcu_kvfree_call(head, (unsigned long)func, kvfree_fn);
		return;
	}
	__kshim_might_sleep(site->file, site->line, site->func);
	__kshim_synchronize_rcu(site);
	__kshim_kvfree((void *)func, site);
}

void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 3391, "kvfree_call_rcu", NULL
	};

	__kshim_kvfree_call_rcu(head, func, &site);
}
