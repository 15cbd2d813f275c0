/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/rcu/rcu.h - what kshim's RCU shares inside libkshim.
 *
 * As kernel/rcu/rcu.h is RCU's private header, this one is libkshim's:
 * the boot/test hooks (compat/init/main.c), the RCU_SOFTIRQ handler
 * (compat/kernel/softirq.c), the schedule path's and might_sleep()'s
 * checks (compat/kernel/sched/core.c), and the lockdep maps.
 */
#ifndef _KSHIM_KERNEL_RCU_H
#define _KSHIM_KERNEL_RCU_H

#include <stdbool.h>

#include <linux/rcupdate.h>

struct kshim_site;

/* tree.c */
void kshim_rcu_init(void);
void kshim_rcu_test_begin(void);
void kshim_rcu_test_end(void);
void kshim_rcu_softirq(void);
void kshim_rcu_note_context_switch(const struct kshim_site *site);
bool kshim_rcu_map_held(enum kshim_rcu_map map);
/* The held-lock name of an RCU lockdep map, NULL for other locks. */
const char *kshim_rcu_map_name(const void *lock);
/* Queue a kvfree_rcu() of the object @offset bytes before @head. */
void kshim_rcu_kvfree_call(struct rcu_head *head, unsigned long offset,
			   void (*kvfree_fn)(const void *));

/* For SRCU (srcutree.c). */
void kshim_rcu_queue_done(int cpu, struct rcu_head *head);
void kshim_rcu_wake_waiters(void);
bool kshim_rcu_wait_event(bool (*done)(void *), void *arg);

/* update.c: rcu_sleep_check() at the start of __might_resched(). */
void kshim_rcu_sleep_check(const char *file, int line);

/* compat/kernel/softirq.c: raise softirq @nr on @cpu and kick it. */
void kshim_raise_softirq_on(int cpu, unsigned int nr);

#endif /* _KSHIM_KERNEL_RCU_H */
