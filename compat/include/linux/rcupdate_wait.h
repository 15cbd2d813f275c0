/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rcupdate_wait.h - waiting for an RCU grace period through a
 * callback.
 *
 * Follows include/linux/rcupdate_wait.h of 6.1: struct rcu_synchronize +
 * wakeme_after_rcu() (a callback completing a completion), and
 * synchronize_rcu_mult(call_rcu, ...).  Every flavour in 6.1 (call_rcu,
 * call_rcu_tasks...) is kshim's call_rcu, so waiting for all of them is
 * one synchronize_rcu().
 */
#ifndef _LINUX_SCHED_RCUPDATE_WAIT_H
#define _LINUX_SCHED_RCUPDATE_WAIT_H

#include <linux/rcupdate.h>
#include <linux/completion.h>

struct rcu_synchronize {
	struct rcu_head head;
	struct completion completion;
};

static inline void wakeme_after_rcu(struct rcu_head *head)
{
	struct rcu_synchronize *rcu;

	rcu = container_of(head, struct rcu_synchronize, head);
	complete(&rcu->completion);
}

#define synchronize_rcu_mult(...)	synchronize_rcu()

/* What the kernel's linux/rcupdate_wait.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/time64.h>

#endif /* _LINUX_SCHED_RCUPDATE_WAIT_H */
