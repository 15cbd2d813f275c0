// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/irq/manage.c - requesting, freeing, masking interrupt
 * lines.
 *
 * Reproduces kernel/irq/manage.c of 6.8 (no threaded handlers) with the
 * kernel's checks and words, at the caller's file:line:
 *  - request_irq(): -EINVAL for a line out of range, a NULL handler,
 *    IRQF_SHARED without dev_id or with IRQF_NO_AUTOEN; then it may
 *    sleep (kzalloc(GFP_KERNEL), request_mutex: might_sleep()); a second
 *    handler on a line needs IRQF_SHARED on both and the same trigger
 *    type, else "genirq: Flags mismatch irq %d. %08x (%s) vs. %08x (%s)"
 *    and -EBUSY (quiet with IRQF_PROBE_SHARED).  The first handler
 *    unmasks the line (depth 0) unless IRQF_NO_AUTOEN.
 *  - free_irq(): WARN "Trying to free IRQ %d from IRQ context!" in
 *    interrupt context, might_sleep(), WARN "Trying to free already-free
 *    IRQ %d" when no handler with that dev_id is on the line (returns
 *    NULL); otherwise the handler is unlinked, a running one is waited
 *    for (synchronize_hardirq()), and the name it was requested with is
 *    returned.  The last handler gone, raised interrupts are dropped.
 *  - disable_irq() = might_sleep() + disable_irq_nosync() + wait for
 *    running handlers; enable_irq() undoes one disable, replaying an
 *    interrupt raised while masked; one too many is WARN "Unbalanced
 *    enable for IRQ %d".  synchronize_irq() may sleep (wait_event()).
 * A wait for a handler that never returns (say, it sleeps on a mutex the
 * waiter holds) is reported after KSHIM_SPINLOCK_LOCKUP ms (class
 * "lockup", kshim's words: the kernel hangs) and ends the test.
 * The ledger wants every requested handler freed and no interrupt left
 * pending at the end of a test.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/might_sleep.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/irq/internals.h"
#include "kernel/sched/sched.h"
#include "lib/fault-inject.h"

/*
 * func=request_irq: what __setup_irq() can return for a valid request:
 * -ENOMEM (the irqaction's kzalloc), -EBUSY (the line is taken by a
 * handler that does not share it), -EINVAL; silent, as those paths are
 * for a probe (IRQF_PROBE_SHARED) or an allocation failure.
 */
static const int request_irq_errors[] = { -ENOMEM, -EBUSY, -EINVAL, 0 };
struct fault_point kshim_fail_request_irq_point =
	FAULT_POINT_INIT("fail_request_irq", "request_irq",
			 "request_threaded_irq devm_request_irq",
			 request_irq_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_REQUEST_IRQ],
			 true);

static long nr_actions;	/* handlers requested, for the ledger */

/* kshim_irq_lock held: false once @deadline passed. */
static bool wait_idle_until(const struct timespec *deadline)
{
	return pthread_cond_timedwait(&kshim_irq_idle, &kshim_irq_lock,
				      deadline) != ETIMEDOUT;
}

/* __synchronize_hardirq(): kshim_irq_lock held; bounded. */
static void wait_handlers_done(unsigned int irq, const char *what,
			       const struct kshim_site *site)
{
	struct irq_desc *desc = &kshim_irq_desc[irq];
	struct timespec deadline;

	if (!desc->running)
		return;
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	while (desc->running) {
		if (!wait_idle_until(&deadline) && desc->running) {
			unsigned int cpu = desc->handler_cpu;

			pthread_mutex_unlock(&kshim_irq_lock);
			kshim_lockup_die(site, KERN_EMERG "kshim: %s(%u) waits for ever: the handler of IRQ %u on CPU#%u has not returned for %lu ms\n",
					 what, irq, irq, cpu,
					 kshim_spin_lockup_ms());
		}
	}
}

int __kshim_request_irq(unsigned int irq, irq_handler_t handler,
			unsigned long irqflags, const char *devname,
			void *dev_id, const struct kshim_site *site)
{
	struct irqaction *new, *old, **p;
	struct irq_desc *desc;
	int err;

	kshim_ensure_booted();
	/*
	 * Sanity-check: shared interrupts must pass in a real dev_id,
	 * otherwise we'll have trouble later trying to figure out which
	 * interrupt is which (messes up the interrupt freeing logic etc).
	 */
	if (((irqflags & IRQF_SHARED) && !dev_id) ||
	    ((irqflags & IRQF_SHARED) && (irqflags & IRQF_NO_AUTOEN)))
		return -EINVAL;
	if (irq >= NR_IRQS)
		return -EINVAL;
	if (!handler)
		return -EINVAL;

	/* kzalloc(GFP_KERNEL) and mutex_lock(&desc->request_mutex) */
	__kshim_might_sleep(site->file, site->line, site->func);
	err = fault_check(&kshim_fail_request_irq_point, 0, site);
	if (err)
		return err;
	new = calloc(1, sizeof(*new));
	if (!new)
		return -ENOMEM;
	new->handler = handler;
	new->flags = irqflags;
	new->name = devname;
	new->dev_id = dev_id;
	new->irq = irq;
	new->kshim_site = site;

	desc = &kshim_irq_desc[irq];
	pthread_mutex_lock(&kshim_irq_lock);
	old = desc->action;
	if (old) {
		if (!((old->flags & new->flags) & IRQF_SHARED) ||
		    ((old->flags ^ new->flags) & IRQF_TRIGGER_MASK) ||
		    ((old->flags ^ new->flags) & IRQF_ONESHOT)) {
			pthread_mutex_unlock(&kshim_irq_lock);
			if (!(new->flags & IRQF_PROBE_SHARED))
				pr_err("genirq: Flags mismatch irq %d. %08x (%s) vs. %08x (%s)\n",
				       irq, new->flags, new->name, old->flags,
				       old->name);
			free(new);
			return -EBUSY;
		}
	} else {
		desc->depth = (irqflags & IRQF_NO_AUTOEN) ? 1 : 0;
		desc->replay = false;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	*p = new;
	nr_actions++;
	pthread_mutex_unlock(&kshim_irq_lock);
	return 0;
}

const void *__kshim_free_irq(unsigned int irq, void *dev_id,
			     const struct kshim_site *site)
{
	struct irqaction *action, **p;
	struct irq_desc *desc;
	const char *devname;

	kshim_ensure_booted();
	if (irq >= NR_IRQS)
		return NULL;
	desc = &kshim_irq_desc[irq];
	if (in_interrupt())
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "Trying to free IRQ %d from IRQ context!\n", irq);
	__kshim_might_sleep(site->file, site->line, site->func);

	pthread_mutex_lock(&kshim_irq_lock);
	for (p = &desc->action; (action = *p); p = &action->next)
		if (action->dev_id == dev_id)
			break;
	if (!action) {
		pthread_mutex_unlock(&kshim_irq_lock);
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, "Trying to free already-free IRQ %d\n",
			     irq);
		return NULL;
	}
	*p = action->next;
	nr_actions--;
	if (!desc->action) {
		/* irq_shutdown(): nothing raised survives. */
		desc->pending = 0;
		desc->replay = false;
		pthread_cond_broadcast(&kshim_irq_idle);
	}
	/* A handler running on another CPU may still use it. */
	if (!in_interrupt())
		wait_handlers_done(irq, "free_irq", site);
	pthread_mutex_unlock(&kshim_irq_lock);
	devname = action->name;
	free(action);
	return devname;
}

void __kshim_disable_irq(unsigned int irq, bool sync,
			 const struct kshim_site *site)
{
	if (sync)
		__kshim_might_sleep(site->file, site->line, site->func);
	if (irq >= NR_IRQS)
		return;
	pthread_mutex_lock(&kshim_irq_lock);
	kshim_irq_desc[irq].depth++;
	if (sync && !in_interrupt())
		wait_handlers_done(irq, "disable_irq", site);
	pthread_mutex_unlock(&kshim_irq_lock);
}

void __kshim_enable_irq(unsigned int irq, const struct kshim_site *site)
{
	struct irq_desc *desc;
	int cpu = -1;

	if (irq >= NR_IRQS)
		return;
	desc = &kshim_irq_desc[irq];
	pthread_mutex_lock(&kshim_irq_lock);
	switch (desc->depth) {
	case 0:
		pthread_mutex_unlock(&kshim_irq_lock);
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, "Unbalanced enable for IRQ %d\n", irq);
		return;
	case 1:
		desc->depth = 0;
		if (desc->replay && desc->action) {
			/* check_irq_resend() */
			desc->replay = false;
			cpu = desc->replay_cpu;
			kshim_irq_mark_pending(irq, cpu);
		}
		break;
	default:
		desc->depth--;
		break;
	}
	pthread_mutex_unlock(&kshim_irq_lock);
	if (cpu >= 0) {
		kshim_cpu_kick(cpu, KSHIM_PENDING_IRQ);
		if (cpu == raw_smp_processor_id() && !irqs_disabled())
			kshim_cpu_take_pending();
	}
}

void __kshim_synchronize_irq(unsigned int irq, const struct kshim_site *site)
{
	__kshim_might_sleep(site->file, site->line, site->func);
	if (irq >= NR_IRQS)
		return;
	pthread_mutex_lock(&kshim_irq_lock);
	if (!in_interrupt())
		wait_handlers_done(irq, "synchronize_irq", site);
	pthread_mutex_unlock(&kshim_irq_lock);
}

/* ---- the ledger ---- */

static long ledger_actions(void *arg)
{
	long n;

	pthread_mutex_lock(&kshim_irq_lock);
	n = nr_actions;
	pthread_mutex_unlock(&kshim_irq_lock);
	return n;
}

static void explain_actions(void *arg)
{
	unsigned int irq;

	pthread_mutex_lock(&kshim_irq_lock);
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irqaction *a;

		for (a = kshim_irq_desc[irq].action; a; a = a->next)
			printk(KERN_ERR "IRQ %u: handler %s (dev_id %p) requested at %s:%d, not freed\n",
			       irq, a->name ? a->name : "(null)", a->dev_id,
			       a->kshim_site->file, a->kshim_site->line);
	}
	pthread_mutex_unlock(&kshim_irq_lock);
}

static long ledger_pending(void *arg)
{
	unsigned int irq;
	long n = 0;

	pthread_mutex_lock(&kshim_irq_lock);
	for (irq = 0; irq < NR_IRQS; irq++)
		if (kshim_irq_desc[irq].pending || kshim_irq_desc[irq].replay ||
		    kshim_irq_desc[irq].running)
			n++;
	pthread_mutex_unlock(&kshim_irq_lock);
	return n;
}

static void explain_pending(void *arg)
{
	unsigned int irq;

	pthread_mutex_lock(&kshim_irq_lock);
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = &kshim_irq_desc[irq];

		if (desc->pending)
			printk(KERN_ERR "IRQ %u: raised, not yet taken (CPU mask %lx; kshim_irq_sync() waits for it)\n",
			       irq, desc->pending);
		if (desc->replay)
			printk(KERN_ERR "IRQ %u: raised while disabled (depth %u), waiting for enable_irq()\n",
			       irq, desc->depth);
		if (desc->running)
			printk(KERN_ERR "IRQ %u: its handler still runs on CPU#%u\n",
			       irq, desc->handler_cpu);
	}
	pthread_mutex_unlock(&kshim_irq_lock);
}

static long ledger_tasklets(void *arg)
{
	return kshim_tasklets_scheduled();
}

void kshim_irq_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	kshim_ledger_add("IRQ handlers requested", ledger_actions,
			 explain_actions, NULL);
	kshim_ledger_add("IRQs pending or running", ledger_pending,
			 explain_pending, NULL);
	kshim_ledger_add("tasklets scheduled", ledger_tasklets, NULL, NULL);
}
