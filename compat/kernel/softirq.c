// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/softirq.c - bottom halves and interrupt context entry.
 *
 * Reproduces kernel/softirq.c of 6.8 (non-RT):
 *  - __local_bh_disable_ip() adds @cnt (SOFTIRQ_DISABLE_OFFSET, or
 *    SOFTIRQ_LOCK_OFFSET for spin_lock_bh()) through the DEBUG_PREEMPT
 *    preempt_count_add();
 *  - __local_bh_enable_ip() WARN_ON_ONCE(in_hardirq()), takes @cnt - 1
 *    off unchecked and the last 1 through preempt_count_sub(), so an
 *    unbalanced local_bh_enable() trips the underflow warning;
 *  - irq_enter()/irq_exit(), nmi_enter()/nmi_exit() and the softirq
 *    handler loop's accounting, for kshim_run_in_hardirq(),
 *    kshim_run_in_nmi() and kshim_run_in_softirq() (kshim/context.h).
 * There are no pending softirqs to run yet (tasklets come with the
 * asynchronous interrupts).
 */
#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/context.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

void kshim_preempt_count_add_ip(int val, const struct kshim_site *site,
				unsigned long ip);

void __kshim_local_bh_disable_ip(unsigned int cnt,
				 const struct kshim_site *site)
{
	kshim_preempt_count_add_ip(cnt, site,
				   (unsigned long)__builtin_return_address(0));
}

void __kshim_local_bh_enable_ip(unsigned int cnt,
				const struct kshim_site *site)
{
	static bool warned;

	if (unlikely(in_hardirq()) &&
	    !__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	/* Keep preemption disabled until we are done with softirq processing. */
	__preempt_count_sub(cnt - 1);
	__kshim_preempt_count_sub(1, site);
}

static const char *const ctx_names[] = {
	[KSHIM_CTX_HARDIRQ] = "hardirq",
	[KSHIM_CTX_SOFTIRQ] = "softirq",
	[KSHIM_CTX_NMI] = "NMI",
};

void __kshim_run_in_context(enum kshim_context ctx, kshim_context_fn fn,
			    void *arg, const char *fn_name, const char *file,
			    int line)
{
	struct task_struct *t = current;
	struct thread_info *ti = current_thread_info();
	unsigned long flags = arch_local_save_flags();
	unsigned long ip = (unsigned long)__builtin_return_address(0);
	struct kshim_site saved_site = t->kshim_ctx_site;
	int offset, before, entered;

	switch (ctx) {
	case KSHIM_CTX_HARDIRQ:
		offset = HARDIRQ_OFFSET;
		break;
	case KSHIM_CTX_NMI:
		BUG_ON(in_nmi() == NMI_MASK);
		offset = NMI_OFFSET + HARDIRQ_OFFSET;
		break;
	case KSHIM_CTX_SOFTIRQ:
	default:
		offset = SOFTIRQ_OFFSET;
		break;
	}

	t->kshim_ctx_site.file = file;
	t->kshim_ctx_site.line = line;
	t->kshim_ctx_site.func = fn_name;
	t->kshim_ctx_site.mod = NULL;

	/* The CPU takes the interrupt with IF cleared. */
	if (ctx != KSHIM_CTX_SOFTIRQ) {
		if (!arch_irqs_disabled_flags(flags))
			ti->irq_disable_site = &t->kshim_ctx_site;
		arch_local_irq_disable();
	}
	before = preempt_count();
	__preempt_count_add(offset);
	entered = preempt_count();
	if (!before) {
		ti->preempt_disable_site = &t->kshim_ctx_site;
		ti->preempt_disable_ip = ip;
	}

	fn(arg);

	if (ctx != KSHIM_CTX_SOFTIRQ && !arch_irqs_disabled()) {
		static bool warned;

		/* handle_irq_event_percpu() */
		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, fn_name, NULL, TAINT_WARN,
				     "irq %u handler %s enabled interrupts\n",
				     0U, fn_name);
		arch_local_irq_disable();
	}
	if (preempt_count() != entered) {
		kshim_report_begin(KSHIM_REPORT_CONTEXT, file, line, fn_name);
		printk(KERN_ERR "kshim: %s handler %s returned with preempt_count %08x, entered with %08x\n",
		       ctx_names[ctx], fn_name, preempt_count(), entered);
		dump_stack();
		kshim_report_end();
		preempt_count_set(entered);
	}
	__preempt_count_sub(offset);
	if (ctx != KSHIM_CTX_SOFTIRQ)
		arch_local_irq_restore(flags);
	t->kshim_ctx_site = saved_site;
}
