// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/smp.c - running a function on other CPUs.
 *
 * Reproduces kernel/smp.c of 6.8: smp_call_function_single() runs
 * @func(@info) on the calling CPU with interrupts off, or queues it for
 * another CPU, whose thread runs it in hardirq context (the call-function
 * IPI, generic_smp_call_function_single_interrupt()); with @wait the
 * caller waits until it ran.  smp_call_function_many_cond() (behind
 * on_each_cpu() and smp_call_function()) sends to every other online CPU
 * first, runs the local call, then waits.  The kernel's checks, at the
 * caller's file:line: WARN_ON_ONCE(cpu_online(this_cpu) && irqs_disabled()
 * && !oops_in_progress) in smp_call_function_single(), and
 * WARN_ON_ONCE(!in_task()) in smp_call_function_many_cond() (interrupts
 * off there is lockdep's business, not emulated).  A call to a CPU that
 * is not online returns -ENXIO.  Waiting for a function that never
 * returns is reported after KSHIM_SPINLOCK_LOCKUP ms (class "lockup")
 * and ends the test, where the kernel would hang (csd_lock_wait()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/smp.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/sched/sched.h"

/* What the caller waits on: the calls not yet run. */
struct call_wait {
	pthread_mutex_t lock;
	pthread_cond_t done;
	unsigned int left;
};

struct kshim_call {
	smp_call_func_t func;
	void *info;
	struct call_wait *wait;
	struct kshim_call *next;
};

/*
 * Each calling thread has one wait, made once and never destroyed: a
 * wait on the caller's stack, destroyed as soon as the last CPU has
 * signalled it, is legal but looks to helgrind like destroying a mutex
 * another thread may still be unlocking.  A thread waits for one
 * cross-call at a time, so one is enough.
 */
static __thread struct call_wait thread_wait;
static __thread bool thread_wait_ready;

static struct call_wait *call_wait_get(void)
{
	struct call_wait *w = &thread_wait;

	if (!thread_wait_ready) {
		pthread_mutex_init(&w->lock, NULL);
		pthread_cond_init(&w->done, NULL);
		thread_wait_ready = true;
	}
	w->left = 0;
	return w;
}

/*
 * csd_lock_wait(), bounded: a function that never returns on its CPU
 * would hang the caller for ever; after KSHIM_SPINLOCK_LOCKUP ms that is
 * a "lockup" report in kshim's words and the test ends.
 */
static void call_wait_for_all(struct call_wait *w, const char *what,
			      const struct kshim_site *site)
{
	struct timespec deadline;

	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	pthread_mutex_lock(&w->lock);
	while (w->left) {
		if (pthread_cond_timedwait(&w->done, &w->lock, &deadline) ==
		    ETIMEDOUT && w->left) {
			unsigned int left = w->left;

			pthread_mutex_unlock(&w->lock);
			kshim_lockup_die(site, KERN_EMERG "kshim: %s() waits for ever: %u CPU(s) have not run the function for %lu ms\n",
					 what, left, kshim_spin_lockup_ms());
		}
	}
	pthread_mutex_unlock(&w->lock);
}

static void send_call(int cpu, smp_call_func_t func, void *info,
		      struct call_wait *w)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];
	struct kshim_call *call = malloc(sizeof(*call));

	if (!call) {
		fprintf(stderr, "kshim: out of memory for a function-call IPI\n");
		abort();
	}
	call->func = func;
	call->info = info;
	call->wait = w;
	call->next = NULL;
	if (w) {
		pthread_mutex_lock(&w->lock);
		w->left++;
		pthread_mutex_unlock(&w->lock);
	}
	kshim_cpu_lock(cpu);
	*c->calls_tail = call;
	c->calls_tail = &call->next;
	kshim_cpu_unlock(cpu);
	kshim_cpu_kick(cpu, KSHIM_PENDING_CALL);
}

/*
 * Queue @func(@info) for @cpu's function-call IPI, this CPU included,
 * without waiting: kshim's clock event interrupts (the hrtimer
 * interrupt, compat/kernel/time/hrtimer.c).
 */
void kshim_send_call(int cpu, smp_call_func_t func, void *info);
void kshim_send_call(int cpu, smp_call_func_t func, void *info)
{
	send_call(cpu, func, info, NULL);
}

/* In hardirq context on @cpu: run every queued call, in order. */
/*
 * A function-call IPI's function, checked as an interrupt handler is
 * (irq/handle.c): what it left of preempt_count, locks and kmaps is a
 * "context" report, and the count goes back.
 */
static void call_func(smp_call_func_t func, void *info)
{
	struct thread_info *ti = current_thread_info();
	struct kshim_ctx_mark mark;
	const struct kshim_site *site;
	char sym[256];
	unsigned long off, size;

	if (preempt_count() == HARDIRQ_OFFSET) {
		ti->preempt_disable_site = NULL;
		ti->preempt_disable_ip = (unsigned long)func;
	}
	kshim_ctx_mark(&mark);
	func(info);
	if (!kshim_ctx_moved(&mark))
		return;
	kshim_report_begin(KSHIM_REPORT_CONTEXT, NULL, 0, NULL);
	if (arch_lookup_symbol((unsigned long)func, sym, sizeof(sym), &off,
			       &size))
		printk(KERN_ERR "kshim: function call %s+0x%lx/0x%lx returned with preempt_count %08x, entered with %08x\n",
		       sym, off, size, preempt_count(), mark.preempt_count);
	else
		printk(KERN_ERR "kshim: function call %p returned with preempt_count %08x, entered with %08x\n",
		       (void *)func, preempt_count(), mark.preempt_count);
	site = kshim_ctx_explain(&mark, NULL);
	if (site)
		kshim_report_set_site(site->file, site->line, site->func);
	kshim_report_end();
	preempt_count_set(mark.preempt_count);
}

void kshim_smp_call_interrupt(int cpu)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];

	for (;;) {
		struct kshim_call *call;

		kshim_cpu_lock(cpu);
		call = c->calls;
		if (call) {
			c->calls = call->next;
			if (!c->calls)
				c->calls_tail = &c->calls;
		}
		kshim_cpu_update_pending(cpu);
		kshim_cpu_unlock(cpu);
		if (!call)
			return;
		call_func(call->func, call->info);
		if (call->wait) {
			pthread_mutex_lock(&call->wait->lock);
			if (!--call->wait->left)
				pthread_cond_broadcast(&call->wait->done);
			pthread_mutex_unlock(&call->wait->lock);
		}
		free(call);
	}
}

static void warn_once_at(bool *done, const struct kshim_site *site)
{
	if (!__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
}

/* csd_do_func() on this CPU: interrupts off around the call. */
static void run_local(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

int __kshim_smp_call_function_single(int cpu, smp_call_func_t func,
				     void *info, int wait,
				     const struct kshim_site *site)
{
	static bool warned;
	struct call_wait *w = NULL;
	int this_cpu;

	kshim_ensure_booted();
	this_cpu = get_cpu();
	/*
	 * Can deadlock when called with interrupts disabled.  We allow
	 * cpu's that are not yet online though, as no one else can send smp
	 * call function interrupt to this cpu and as such deadlocks can't
	 * happen.
	 */
	if (cpu_online(this_cpu) && irqs_disabled())
		warn_once_at(&warned, site);
	if (cpu == this_cpu) {
		run_local(func, info);
		put_cpu();
		return 0;
	}
	if (cpu < 0 || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	}
	if (wait)
		w = call_wait_get();
	send_call(cpu, func, info, w);
	put_cpu();
	if (wait)
		call_wait_for_all(w, "smp_call_function_single", site);
	return 0;
}

void __kshim_smp_call_function_many(smp_call_func_t func, void *info,
				    int wait, bool run_local_too,
				    const struct kshim_site *site)
{
	static bool warned;
	struct call_wait *w = NULL;
	unsigned int cpu;
	int this_cpu;

	kshim_ensure_booted();
	/* on_each_cpu_cond_mask(): preemption off across the sends. */
	this_cpu = get_cpu();
	/*
	 * When @wait we can deadlock when we interrupt between llist_add()
	 * and arch_send_call_function_ipi*(); when !@wait we can deadlock
	 * due to csd_lock() on because the interrupt context uses the same
	 * csd storage.
	 */
	if (!in_task())
		warn_once_at(&warned, site);
	if (wait)
		w = call_wait_get();
	for_each_online_cpu(cpu)
		if ((int)cpu != this_cpu)
			send_call(cpu, func, info, w);
	if (run_local_too)
		run_local(func, info);
	put_cpu();
	if (wait)
		call_wait_for_all(w, run_local_too ? "on_each_cpu" :
				  "smp_call_function", site);
}
