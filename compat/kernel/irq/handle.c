// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/irq/handle.c - an interrupt arriving and its handlers
 * running.
 *
 * Reproduces kernel/irq/handle.c of 6.8 (handle_irq_event_percpu()) behind
 * kshim's "interrupt controller": the test raises a line
 * (kshim_raise_irq(), kshim/irq.h), the line becomes pending on its CPU,
 * and that CPU takes it when it has interrupts on (compat/kernel/cpu.c,
 * which also explains why pending bits and not signals).  On the CPU,
 * in hardirq context with interrupts off, every handler of the chain runs
 * in order with (irq, dev_id); a handler that returns with interrupts on
 * gets the kernel's WARN_ONCE "irq %u handler %pS enabled interrupts" and
 * they go off again.  A line masked by disable_irq() keeps a raised
 * interrupt for enable_irq() to replay (IRQS_PENDING, check_irq_resend()).
 */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <kshim/irq.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/irq/internals.h"
#include "kernel/sched/sched.h"

struct irq_desc kshim_irq_desc[NR_IRQS];
pthread_mutex_t kshim_irq_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t kshim_irq_idle = PTHREAD_COND_INITIALIZER;

/* The most handlers one shared line runs per interrupt. */
#define MAX_CHAIN	16

int kshim_irq_affinity(unsigned int irq)
{
	kshim_ensure_booted();
	return nr_cpu_ids > 1 ? 1 + (int)(irq % (nr_cpu_ids - 1)) : 0;
}

void kshim_irq_mark_pending(unsigned int irq, int cpu)
{
	struct irq_desc *desc = &kshim_irq_desc[irq];

	if (desc->depth) {
		desc->replay = true;
		desc->replay_cpu = cpu;
		return;
	}
	desc->pending |= 1UL << cpu;
}

int kshim_raise_irq_on(unsigned int irq, int cpu)
{
	kshim_ensure_booted();
	if (irq >= NR_IRQS || cpu < 0 || !cpu_online(cpu))
		return -EINVAL;
	pthread_mutex_lock(&kshim_irq_lock);
	if (!kshim_irq_desc[irq].action) {
		pthread_mutex_unlock(&kshim_irq_lock);
		return -ENXIO;
	}
	kshim_irq_mark_pending(irq, cpu);
	pthread_mutex_unlock(&kshim_irq_lock);
	kshim_cpu_kick(cpu, KSHIM_PENDING_IRQ);
	/* Towards this very CPU with interrupts on: taken right here. */
	if (cpu == raw_smp_processor_id() && !irqs_disabled())
		kshim_cpu_take_pending();
	return 0;
}

int kshim_raise_irq(unsigned int irq)
{
	return kshim_raise_irq_on(irq, kshim_irq_affinity(irq));
}

/*
 * "%pS" of a function: arch_sprint_symbol() names the call before a
 * return address, so ask for the byte after the entry and take it back.
 */
static void handler_symbol(char *buf, size_t len, irq_handler_t fn)
{
	char *plus;

	arch_sprint_symbol(buf, len, (unsigned long)fn + 1);
	plus = strstr(buf, "+0x1/");
	if (plus)
		memcpy(plus, "+0x0/", 5);
}

/*
 * A handler returned with preempt_count, its locks, kmap_atomic() stack
 * or pagefault_disable() depth changed.  The kernel's irq_exit() does not
 * look (DEBUG_PREEMPT's underflow checks aside): the CPU goes on atomic
 * until something sleeps.  kshim reports it here, in its own words like
 * kshim_run_in_hardirq()'s, naming the handler and the line that took
 * what was left (else where the handler was requested), and puts the
 * count back as handle_softirqs() does for a softirq.  Locks and kmaps
 * stay held: the ledger sees them on this CPU when the test ends.
 */
static void handler_leaked(unsigned int irq, const struct irqaction *action,
			   const struct kshim_ctx_mark *mark)
{
	const struct kshim_site *site;
	char sym[256];

	handler_symbol(sym, sizeof(sym), action->handler);
	kshim_report_begin(KSHIM_REPORT_CONTEXT, NULL, 0, NULL);
	printk(KERN_ERR "kshim: irq %u handler %s returned with preempt_count %08x, entered with %08x\n",
	       irq, sym, preempt_count(), mark->preempt_count);
	site = kshim_ctx_explain(mark, action->kshim_site);
	kshim_report_set_site(site->file, site->line, site->func);
	kshim_report_end();
	preempt_count_set(mark->preempt_count);
}

/* handle_irq_event_percpu(): the chain, in hardirq context. */
static void handle_irq_event(unsigned int irq, struct irqaction *chain[],
			     unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct irqaction *action = chain[i];
		struct thread_info *ti = current_thread_info();
		struct kshim_ctx_mark mark;
		static bool warned;

		/* Interrupted at preempt_count 0: the handler disabled it. */
		if (preempt_count() == HARDIRQ_OFFSET) {
			ti->preempt_disable_site = NULL;
			ti->preempt_disable_ip = (unsigned long)action->handler;
		}
		kshim_ctx_mark(&mark);
		action->handler((int)irq, action->dev_id);
		if (kshim_ctx_moved(&mark))
			handler_leaked(irq, action, &mark);
		if (!arch_irqs_disabled()) {
			const struct kshim_site *s = action->kshim_site;
			char sym[256];

			/* %pS of the handler; reported where it was requested */
			handler_symbol(sym, sizeof(sym), action->handler);
			if (!__atomic_exchange_n(&warned, true,
						 __ATOMIC_RELAXED))
				__kshim_warn(s->file, s->line, s->func, s->mod,
					     TAINT_WARN,
					     "irq %u handler %s enabled interrupts\n",
					     irq, sym);
			WRITE_ONCE(current_thread_info()->eflags,
				   READ_ONCE(current_thread_info()->eflags) &
				   ~X86_EFLAGS_IF);
		}
	}
}

/* kshim_irq_lock held: a line raised on @cpu, now runnable, or -1. */
static int next_pending(int cpu)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = &kshim_irq_desc[irq];

		if (!(desc->pending & (1UL << cpu)))
			continue;
		desc->pending &= ~(1UL << cpu);
		if (!desc->action) {
			/* Freed meanwhile: nobody to run it. */
			pthread_cond_broadcast(&kshim_irq_idle);
			continue;
		}
		if (desc->depth) {
			/* Masked after it was raised: replay at enable. */
			desc->replay = true;
			desc->replay_cpu = cpu;
			pthread_cond_broadcast(&kshim_irq_idle);
			continue;
		}
		return (int)irq;
	}
	return -1;
}

/* In hardirq context on @cpu: every line raised towards it. */
void kshim_handle_pending_irqs(int cpu)
{
	for (;;) {
		struct irqaction *chain[MAX_CHAIN], *a;
		struct irq_desc *desc;
		unsigned int n = 0;
		int irq;

		pthread_mutex_lock(&kshim_irq_lock);
		irq = next_pending(cpu);
		if (irq < 0) {
			pthread_mutex_unlock(&kshim_irq_lock);
			return;
		}
		desc = &kshim_irq_desc[irq];
		for (a = desc->action; a && n < MAX_CHAIN; a = a->next)
			chain[n++] = a;
		desc->running++;
		desc->handler_cpu = cpu;
		pthread_mutex_unlock(&kshim_irq_lock);

		handle_irq_event(irq, chain, n);

		pthread_mutex_lock(&kshim_irq_lock);
		desc->running--;
		pthread_cond_broadcast(&kshim_irq_idle);
		pthread_mutex_unlock(&kshim_irq_lock);
	}
}

/* kshim_irq_lock held. */
static bool line_busy(const struct irq_desc *desc)
{
	return desc->pending || desc->running;
}

int kshim_irq_sync(unsigned int irq)
{
	struct irq_desc *desc;
	struct timespec deadline;
	int ret = 0;

	kshim_ensure_booted();
	if (irq >= NR_IRQS)
		return -EINVAL;
	desc = &kshim_irq_desc[irq];
	/*
	 * The bound catches a CPU that keeps interrupts off for good, not a
	 * slow handler: under valgrind a handler's report alone may take
	 * seconds.
	 */
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms() * arch_slowdown());
	/*
	 * Polling, not a timed condition wait: helgrind misreads glibc's
	 * timed-out pthread_cond_timedwait(), and CPU 0's share needs this
	 * thread between checks anyway.
	 */
	for (;;) {
		bool busy;

		/* CPU 0's share is for this thread to take. */
		if (!irqs_disabled())
			kshim_cpu_take_pending();
		pthread_mutex_lock(&kshim_irq_lock);
		busy = line_busy(desc);
		pthread_mutex_unlock(&kshim_irq_lock);
		if (!busy)
			break;
		if (!kshim_jiffies_until(&deadline)) {
			ret = -ETIMEDOUT;
			break;
		}
		usleep(100);
	}
	return ret;
}
