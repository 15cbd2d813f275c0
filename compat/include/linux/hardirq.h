/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hardirq.h - hard interrupt context.
 *
 * Follows include/linux/hardirq.h of 6.8: the context predicates come from
 * linux/preempt.h.  Drivers never enter interrupt context themselves: the
 * test harness does, with kshim_run_in_hardirq() and friends
 * (kshim/context.h), as the kernel's irq and NMI entry code does.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <kshim/site.h>

/* Waits until no handler of @irq runs (kernel/irq/manage.c). */
void __kshim_synchronize_irq(unsigned int irq, const struct kshim_site *site);
#define synchronize_irq(irq)	__kshim_synchronize_irq(irq, __KSHIM_CALLSITE)

/* What the kernel's linux/hardirq.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#endif /* _LINUX_HARDIRQ_H */
