// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/smp_processor_id.c - DEBUG_PREEMPT variant of
 * smp_processor_id().
 *
 * Reproduces lib/smp_processor_id.c of 6.8: the CPU number is only
 * stable while the task cannot migrate, so asking for it in preemptible
 * code (preempt_count 0, interrupts on, not a per-CPU thread) prints
 *
 *   BUG: using smp_processor_id() in preemptible [00000000] code: <comm>/<pid>
 *   caller is <function>
 *
 * and a backtrace (report class "smp_processor_id", at the caller's
 * file:line; __this_cpu_*() say "__this_cpu_<op>()"), through
 * printk_ratelimit(): 10 reports per 5 seconds.  The CPU number is
 * returned all the same.
 */
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"

/* printk_ratelimit(): DEFAULT_RATELIMIT_BURST 10 per 5 * HZ. */
static unsigned long rl_begin;
static unsigned int rl_printed;
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

static bool ratelimit_ok(void)
{
	bool ok;

	pthread_mutex_lock(&rl_lock);
	if (!rl_begin || time_after(jiffies, rl_begin + 5 * kshim_hz())) {
		rl_begin = jiffies ? jiffies : 1;
		rl_printed = 0;
	}
	ok = rl_printed < 10;
	if (ok)
		rl_printed++;
	pthread_mutex_unlock(&rl_lock);
	return ok;
}

void kshim_smp_processor_id_test_begin(void)
{
	pthread_mutex_lock(&rl_lock);
	rl_begin = 0;
	rl_printed = 0;
	pthread_mutex_unlock(&rl_lock);
}

unsigned int __kshim_debug_smp_processor_id(const char *what2,
					    const struct kshim_site *site)
{
	int this_cpu = raw_smp_processor_id();

	if (likely(preempt_count()))
		goto out;
	if (irqs_disabled())
		goto out;
	/* Kernel threads bound to a single CPU can safely use it. */
	if (current_thread_info()->kshim_percpu_thread)
		goto out;
	/* Avoid recursion: */
	preempt_disable_notrace();
	if (!ratelimit_ok())
		goto out_enable;
	kshim_report_begin(KSHIM_REPORT_SMP_PROCESSOR_ID, site->file,
			   site->line, site->func);
	printk(KERN_ERR "BUG: using %s%s() in preemptible [%08x] code: %s/%d\n",
	       *what2 ? "__this_cpu_" : "smp_processor_id", what2,
	       preempt_count() - 1, current->comm, current->pid);
	printk(KERN_DEFAULT "caller is %s%s%s%s %s:%d\n",
	       site->func ? site->func : "?", site->mod ? " [" : "",
	       site->mod ? site->mod : "", site->mod ? "]" : "", site->file,
	       site->line);
	dump_stack();
	kshim_report_end();
out_enable:
	preempt_enable_no_resched_notrace();
out:
	return this_cpu;
}
