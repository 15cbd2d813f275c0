/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rcutree.h - the Tree RCU part of the RCU API.
 *
 * Follows include/linux/rcutree.h of 6.1 (linux/rcupdate.h includes it):
 * synchronize_rcu_expedited() (a full grace period in kshim; the
 * expedited one differs only in speed), kvfree_call_rcu(), rcu_barrier()
 * and the polled grace-period API: a cookie from
 * get_state_synchronize_rcu() / start_poll_synchronize_rcu() is
 * "completed" once a grace period that began after it has ended.
 */
#ifndef __LINUX_RCUTREE_H
#define __LINUX_RCUTREE_H

#include <linux/types.h>
#include <kshim/site.h>

struct rcu_head;

void rcu_softirq_qs(void);
void rcu_note_context_switch(bool preempt);
void synchronize_rcu_expedited(void);
void __kshim_synchronize_rcu_expedited(const struct kshim_site *site);
#define synchronize_rcu_expedited()					\
	__kshim_synchronize_rcu_expedited(__KSHIM_CALLSITE)
void rcu_momentary_dyntick_idle(void);

unsigned long get_state_synchronize_rcu(void);
unsigned long start_poll_synchronize_rcu(void);
bool poll_state_synchronize_rcu(unsigned long oldstate);
void __kshim_cond_synchronize_rcu(unsigned long oldstate,
				  const struct kshim_site *site);
void cond_synchronize_rcu(unsigned long oldstate);
#define cond_synchronize_rcu(oldstate)					\
	__kshim_cond_synchronize_rcu(oldstate, __KSHIM_CALLSITE)
#define start_poll_synchronize_rcu_expedited()	start_poll_synchronize_rcu()
#define cond_synchronize_rcu_expedited(oldstate) cond_synchronize_rcu(oldstate)

void rcu_end_inkernel_boot(void);
bool rcu_inkernel_boot_has_ended(void);

#endif /* __LINUX_RCUTREE_H */
