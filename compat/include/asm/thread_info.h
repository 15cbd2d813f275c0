/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/thread_info.h - the low-level per-task state of kshim's "arch".
 *
 * Follows the CONFIG_THREAD_INFO_IN_TASK layout of 6.x (struct thread_info
 * is the first member of struct task_struct).  As on arm64 and other
 * asm-generic architectures, preempt_count lives here (x86 keeps it per
 * CPU; in kshim each thread runs on its own CPU, so per task is the same
 * thing).  kshim also keeps the task's CPU interrupt flag here (what x86
 * keeps in EFLAGS.IF), and where preemption and interrupts were last
 * turned off, for reports.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <linux/types.h>

struct kshim_site;

struct thread_info {
	unsigned long flags;		/* TIF_* */
	u32 status;
	u32 cpu;
	int preempt_count;		/* layout in linux/preempt.h */
	unsigned long eflags;		/* kshim: X86_EFLAGS_IF when IRQs are on */
	/* kshim: where preempt_count left 0 / IRQs went off, for reports */
	const struct kshim_site *preempt_disable_site;
	unsigned long preempt_disable_ip;
	const struct kshim_site *irq_disable_site;
	/* kshim: a simulated CPU's own thread (a per-CPU kthread) */
	bool kshim_percpu_thread;
};

/* thread_info->flags bits (arch/x86/include/asm/thread_info.h) */
#define TIF_SIGPENDING		2	/* signal pending */
#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)

/* What the kernel's asm/thread_info.h also makes visible. */
#include <asm/current.h>
#include <asm/page.h>
#include <linux/cpumask.h>
#include <linux/math64.h>

#endif /* _ASM_THREAD_INFO_H */
