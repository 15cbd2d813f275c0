/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/smp.h - which CPU this is, and running functions on other CPUs.
 *
 * Follows include/linux/smp.h, kernel/smp.c and lib/smp_processor_id.c of
 * 6.8 (CONFIG_SMP, CONFIG_DEBUG_PREEMPT):
 *  - smp_processor_id() in preemptible code (preempt_count 0, interrupts
 *    on, not a per-CPU thread) reports "BUG: using smp_processor_id() in
 *    preemptible [00000000] code: <comm>/<pid>" and "caller is <function>"
 *    at the caller's file:line (class "smp_processor_id"), at most 10
 *    reports per 5 seconds (printk_ratelimit()), then returns the CPU
 *    anyway; raw_smp_processor_id() and get_cpu() never check.
 *  - smp_call_function_single(cpu, func, info, wait) runs @func(@info) on
 *    @cpu: locally with interrupts off, remotely in that CPU's thread in
 *    hardirq context (the call-function IPI), waiting for it when @wait;
 *    on_each_cpu() does so on every online CPU, smp_call_function() on
 *    every other one.  Calling them with interrupts disabled can deadlock
 *    a real machine: WARN_ON_ONCE(irqs_disabled()) (single) and
 *    WARN_ON_ONCE(!in_task()) (many), at the caller's file:line.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#include <linux/thread_info.h>
#include <kshim/site.h>

typedef void (*smp_call_func_t)(void *info);

#define raw_smp_processor_id()	((int)current_thread_info()->cpu)
#define __smp_processor_id()	raw_smp_processor_id()

unsigned int __kshim_debug_smp_processor_id(const char *what2,
					    const struct kshim_site *site);
#define smp_processor_id()						\
	((int)__kshim_debug_smp_processor_id("", __KSHIM_CALLSITE))

#define get_cpu()		({ preempt_disable(); __smp_processor_id(); })
#define put_cpu()		preempt_enable()

int __kshim_smp_call_function_single(int cpu, smp_call_func_t func,
				     void *info, int wait,
				     const struct kshim_site *site);
void __kshim_smp_call_function_many(smp_call_func_t func, void *info,
				    int wait, bool run_local,
				    const struct kshim_site *site);

#define smp_call_function_single(cpu, func, info, wait)			\
	__kshim_smp_call_function_single(cpu, func, info, wait,		\
					 __KSHIM_CALLSITE)
#define smp_call_function(func, info, wait)				\
	__kshim_smp_call_function_many(func, info, wait, false,	\
				       __KSHIM_CALLSITE)
#define on_each_cpu(func, info, wait)					\
	__kshim_smp_call_function_many(func, info, wait, true,		\
				       __KSHIM_CALLSITE)

/* What the kernel's linux/smp.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/llist.h>
#include <linux/time64.h>

#endif /* _LINUX_SMP_H */
