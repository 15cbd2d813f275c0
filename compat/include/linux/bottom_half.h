/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bottom_half.h - local_bh_disable()/local_bh_enable().
 *
 * Follows include/linux/bottom_half.h and kernel/softirq.c of 6.8
 * (non-RT): local_bh_disable() adds SOFTIRQ_DISABLE_OFFSET (0x200) to
 * preempt_count, so in_softirq() and in_interrupt() become true while
 * in_serving_softirq() and in_task() do not change.  local_bh_enable()
 * takes it off again (WARN_ON_ONCE when called in hardirq context); an
 * unbalanced one trips the DEBUG_PREEMPT underflow warning.  Both report
 * at the caller's file:line.  kshim has no pending softirqs to run yet.
 * A 2.6.28 - 2.6.36 driver reads the count in 2.6.35's layout, where
 * local_bh_disable() shows as 0x100 (linux/preempt.h).
 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/preempt.h>

void __kshim_local_bh_disable_ip(unsigned int cnt,
				 const struct kshim_site *site);
void __kshim_local_bh_enable_ip(unsigned int cnt,
				const struct kshim_site *site);

#define __local_bh_disable_ip(ip, cnt)					\
	__kshim_local_bh_disable_ip(cnt, __KSHIM_CALLSITE)
#define __local_bh_enable_ip(ip, cnt)					\
	__kshim_local_bh_enable_ip(cnt, __KSHIM_CALLSITE)

#define local_bh_disable()						\
	__kshim_local_bh_disable_ip(__KSHIM_SOFTIRQ_DISABLE_OFFSET,	\
				    __KSHIM_CALLSITE)
#define local_bh_enable()						\
	__kshim_local_bh_enable_ip(__KSHIM_SOFTIRQ_DISABLE_OFFSET,	\
				   __KSHIM_CALLSITE)
#define local_bh_enable_ip(ip)		local_bh_enable()
#define _local_bh_enable()		local_bh_enable()

/* What the kernel's linux/bottom_half.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/percpu-defs.h>
#include <linux/time64.h>

#endif /* _LINUX_BH_H */
