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
 *    kshim_run_in_nmi() and kshim_run_in_softirq() (kshim/context.h),
 *    and for the interrupts the simulated CPUs take (compat/kernel/cpu.c);
 *  - softirqs: raised per CPU, run by handle_softirqs() in softirq
 *    context with interrupts on, at irq_exit() when not nested in another
 *    interrupt context, at local_bh_enable(), and (kshim's ksoftirqd) when
 *    a CPU in task context turns interrupts on (cpu.c); HI, TASKLET and
 *    RCU (callbacks, compat/kernel/rcu/tree.c) are the ones kshim has;
 *  - tasklets (tasklet_action_common(), tasklet_kill(),
 *    tasklet_unlock_wait()): a tasklet runs on the CPU that scheduled it,
 *    never on two CPUs at once, never while disabled.  A disabled one
 *    stays queued without raising its softirq again (the kernel re-raises
 *    and lets ksoftirqd spin); tasklet_enable() raises it again.  Waiting
 *    for a tasklet (tasklet_kill(), tasklet_disable()) may sleep
 *    (might_sleep()) and is bounded: a tasklet that cannot run (disabled
 *    for ever) is reported after KSHIM_SPINLOCK_LOCKUP ms (class
 *    "lockup") and the test ends, where the kernel hangs.
 */
#include <time.h>
#include <unistd.h>

#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/might_sleep.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/context.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"
#include "kernel/time/hrtimer_internal.h"

static void do_softirq(void);

/* This CPU has softirqs raised (the lock-free hint of its pending word). */
static bool local_softirq_pending(void)
{
	return __atomic_load_n(&__kshim_cpu_pending[raw_smp_processor_id()],
			       __ATOMIC_RELAXED) & KSHIM_PENDING_SOFTIRQ;
}

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
	if (unlikely(!in_interrupt() && local_softirq_pending()))
		do_softirq();
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

/* ---- interrupt entry and exit, softirqs ---- */

/* irq_enter(): the CPU already turned interrupts off. */
void kshim_irq_enter(const struct kshim_site *site)
{
	struct thread_info *ti = current_thread_info();

	if (!preempt_count()) {
		ti->preempt_disable_site = site;
		ti->preempt_disable_ip = 0;
	}
	__preempt_count_add(HARDIRQ_OFFSET);
}

static void handle_softirqs(void);

/* irq_exit(): softirqs run here unless this interrupt interrupted one. */
void kshim_irq_exit(void)
{
	__preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		handle_softirqs();
}

static void tasklet_action_common(struct kshim_tasklet_list *vec,
				  unsigned int softirq_nr);

static const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU"
};

/* The first tasklet of a softirq run that changed preempt_count. */
static __thread struct {
	void *fn;
	int entered, exited;
} leaky_tasklet;

static void tasklet_action(void)
{
	tasklet_action_common(&kshim_cpus[raw_smp_processor_id()].tasklet_vec,
			      TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(void)
{
	tasklet_action_common(&kshim_cpus[raw_smp_processor_id()].tasklet_hi_vec,
			      HI_SOFTIRQ);
}

/*
 * One softirq vector, checked as handle_softirqs() of 6.1 checks it: a
 * preempt_count changed by the vector's handlers is the kernel's "huh"
 * line, and the count is put back.  kshim adds which tasklet did it and
 * what it left (locks, kmaps, with their lines: the report's line), all
 * one "context" report.  Locks and kmaps stay as they are.
 */
static void run_softirq(unsigned int nr, void (*action)(void))
{
	struct kshim_ctx_mark mark;
	const struct kshim_site *site;

	leaky_tasklet.fn = NULL;
	kshim_ctx_mark(&mark);
	action();
	if (!kshim_ctx_moved(&mark))
		return;
	kshim_report_begin(KSHIM_REPORT_CONTEXT, NULL, 0, NULL);
	if (preempt_count() != mark.preempt_count)
		printk(KERN_ERR "huh, entered softirq %u %s %p with preempt_count %08x, exited with %08x?\n",
		       nr, softirq_to_name[nr], (void *)action,
		       mark.preempt_count, preempt_count());
	if (leaky_tasklet.fn) {
		char sym[256];
		unsigned long off, size;

		if (arch_lookup_symbol((unsigned long)leaky_tasklet.fn, sym,
				       sizeof(sym), &off, &size))
			printk(KERN_ERR "kshim: tasklet %s+0x%lx/0x%lx returned with preempt_count %08x, entered with %08x\n",
			       sym, off, size, leaky_tasklet.exited,
			       leaky_tasklet.entered);
		else
			printk(KERN_ERR "kshim: tasklet %p returned with preempt_count %08x, entered with %08x\n",
			       leaky_tasklet.fn, leaky_tasklet.exited,
			       leaky_tasklet.entered);
	}
	site = kshim_ctx_explain(&mark, NULL);
	if (site)
		kshim_report_set_site(site->file, site->line, site->func);
	kshim_report_end();
	preempt_count_set(mark.preempt_count);
}

/*
 * handle_softirqs(): entered with interrupts off; they are on while the
 * softirqs run (an interrupt may come in between), off again at the end.
 */
static void handle_softirqs(void)
{
	int cpu = raw_smp_processor_id();
	struct kshim_cpu *c = &kshim_cpus[cpu];
	struct thread_info *ti = current_thread_info();
	int max_restart = 10;
	unsigned int pending;

	__preempt_count_add(SOFTIRQ_OFFSET);
restart:
	kshim_cpu_lock(cpu);
	pending = c->softirq_pending;
	c->softirq_pending = 0;
	kshim_cpu_update_pending(cpu);
	kshim_cpu_unlock(cpu);

	arch_local_irq_enable();
	if (pending & (1U << HI_SOFTIRQ))
		run_softirq(HI_SOFTIRQ, tasklet_hi_action);
	if (pending & (1U << TIMER_SOFTIRQ))
		run_softirq(TIMER_SOFTIRQ, kshim_run_timer_softirq);
	if (pending & (1U << TASKLET_SOFTIRQ))
		run_softirq(TASKLET_SOFTIRQ, tasklet_action);
	if (pending & (1U << HRTIMER_SOFTIRQ))
		run_softirq(HRTIMER_SOFTIRQ, kshim_run_hrtimer_softirq);
	if (pending & (1U << RCU_SOFTIRQ))
		run_softirq(RCU_SOFTIRQ, kshim_rcu_softirq);
	WRITE_ONCE(ti->eflags, READ_ONCE(ti->eflags) & ~X86_EFLAGS_IF);

	if (local_softirq_pending() && --max_restart)
		goto restart;
	__preempt_count_sub(SOFTIRQ_OFFSET);
}

/* do_softirq(): from task context, with interrupts off around it. */
static void do_softirq(void)
{
	struct thread_info *ti = current_thread_info();
	unsigned long flags;

	if (in_interrupt())
		return;
	flags = READ_ONCE(ti->eflags);
	WRITE_ONCE(ti->eflags, flags & ~X86_EFLAGS_IF);
	if (local_softirq_pending())
		handle_softirqs();
	/* Restore IF without the enable hook: the caller looks again. */
	WRITE_ONCE(ti->eflags, (READ_ONCE(ti->eflags) & ~X86_EFLAGS_IF) |
			       (flags & X86_EFLAGS_IF));
}

void kshim_do_softirq(void)
{
	do_softirq();
}

/* ---- tasklets ---- */

static void raise_softirq_locked(int cpu, unsigned int nr)
{
	kshim_cpus[cpu].softirq_pending |= 1U << nr;
	kshim_cpu_update_pending(cpu);
}

static void tasklet_append(struct kshim_tasklet_list *vec,
			   struct tasklet_struct *t)
{
	t->next = NULL;
	*vec->tail = t;
	vec->tail = &t->next;
}

static void __tasklet_schedule_common(struct tasklet_struct *t, bool hi)
{
	struct kshim_cpu *c;
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	c = &kshim_cpus[cpu];
	kshim_cpu_lock(cpu);
	tasklet_append(hi ? &c->tasklet_hi_vec : &c->tasklet_vec, t);
	raise_softirq_locked(cpu, hi ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
	kshim_cpu_unlock(cpu);
	local_irq_restore(flags);
}

/* Raise softirq @nr on @cpu from anywhere (RCU's grace-period thread). */
void kshim_raise_softirq_on(int cpu, unsigned int nr)
{
	kshim_cpu_lock(cpu);
	raise_softirq_locked(cpu, nr);
	kshim_cpu_unlock(cpu);
	kshim_cpu_kick(cpu, KSHIM_PENDING_SOFTIRQ);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, false);
}

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, true);
}

/*
 * The state bits order the tasklet's work with whoever waits for it
 * (tasklet_kill(), tasklet_unlock_wait()): atomics TSan understands, and
 * happens-before annotations for helgrind, which does not.
 */
static bool tasklet_clear_sched(struct tasklet_struct *t)
{
	arch_annotate_happens_before(&t->state);
	return test_and_clear_bit(TASKLET_STATE_SCHED, &t->state);
}

static bool tasklet_trylock(struct tasklet_struct *t)
{
	return !test_and_set_bit(TASKLET_STATE_RUN, &t->state);
}

static void tasklet_unlock(struct tasklet_struct *t)
{
	arch_annotate_happens_before(&t->state);
	clear_bit_unlock(TASKLET_STATE_RUN, &t->state);
}

static void tasklet_action_common(struct kshim_tasklet_list *vec,
				  unsigned int softirq_nr)
{
	int cpu = raw_smp_processor_id();
	struct thread_info *ti = current_thread_info();
	struct tasklet_struct *list;

	kshim_cpu_lock(cpu);
	list = vec->head;
	vec->head = NULL;
	vec->tail = &vec->head;
	kshim_cpu_unlock(cpu);

	while (list) {
		struct tasklet_struct *t = list;
		bool disabled = false;

		list = list->next;
		if (tasklet_trylock(t)) {
			if (!atomic_read(&t->count)) {
				if (tasklet_clear_sched(t)) {
					void *fn = t->use_callback ?
						   (void *)t->callback :
						   (void *)t->func;
					int entered = preempt_count();

					if (entered == SOFTIRQ_OFFSET) {
						ti->preempt_disable_site = NULL;
						ti->preempt_disable_ip =
							(unsigned long)fn;
					}
					if (t->use_callback)
						t->callback(t);
					else
						t->func(t->data);
					if (preempt_count() != entered &&
					    !leaky_tasklet.fn) {
						leaky_tasklet.fn = fn;
						leaky_tasklet.entered = entered;
						leaky_tasklet.exited =
							preempt_count();
					}
				}
				tasklet_unlock(t);
				continue;
			}
			disabled = true;
			tasklet_unlock(t);
		}
		kshim_cpu_lock(cpu);
		tasklet_append(vec, t);
		/* Running elsewhere: retry.  Disabled: tasklet_enable() will. */
		if (!disabled)
			raise_softirq_locked(cpu, softirq_nr);
		kshim_cpu_unlock(cpu);
	}
}

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}

/* Where @t is queued, if it is (every CPU's lists, each under its lock). */
static int tasklet_queued_on(struct tasklet_struct *t, unsigned int *nr)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct kshim_cpu *c = &kshim_cpus[cpu];
		struct tasklet_struct *p;

		kshim_cpu_lock(cpu);
		for (p = c->tasklet_vec.head; p; p = p->next)
			if (p == t)
				*nr = TASKLET_SOFTIRQ;
		for (p = c->tasklet_hi_vec.head; p; p = p->next)
			if (p == t)
				*nr = HI_SOFTIRQ;
		kshim_cpu_unlock(cpu);
		if (*nr != NR_SOFTIRQS)
			return (int)cpu;
	}
	return -1;
}

void __kshim_tasklet_enable(struct tasklet_struct *t)
{
	unsigned int nr = NR_SOFTIRQS;
	int cpu;

	if (!atomic_dec_and_test(&t->count))
		return;
	if (!test_bit(TASKLET_STATE_SCHED, &t->state))
		return;
	/* Queued while disabled: its CPU runs it at its next softirq. */
	cpu = tasklet_queued_on(t, &nr);
	if (cpu < 0)
		return;
	kshim_cpu_lock(cpu);
	raise_softirq_locked(cpu, nr);
	kshim_cpu_unlock(cpu);
	kshim_cpu_kick(cpu, KSHIM_PENDING_SOFTIRQ);
	/* This CPU in task context: ksoftirqd gets to run now. */
	if (cpu == raw_smp_processor_id() && !irqs_disabled())
		kshim_cpu_take_pending();
}

/* wait_var_event() on @t->state, bounded (see the top of this file). */
static void tasklet_wait(struct tasklet_struct *t, int bit,
			 const char *what, const struct kshim_site *site)
{
	struct timespec deadline;

	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	while (test_bit_acquire(bit, &t->state)) {
		/* This CPU's own softirqs: kshim's ksoftirqd runs them. */
		if (!irqs_disabled())
			kshim_cpu_take_pending();
		if (!test_bit_acquire(bit, &t->state))
			break;
		if (!kshim_jiffies_until(&deadline)) {
			kshim_lockup_die(site, KERN_EMERG "kshim: %s() waits for ever: tasklet %s is %s (for %lu ms)%s\n",
					 what,
					 t->use_callback ? "callback" : "func",
					 bit == TASKLET_STATE_RUN ?
					 "still running" : "still scheduled",
					 kshim_spin_lockup_ms(),
					 atomic_read(&t->count) ?
					 ", and disabled: it can never run" :
					 "");
		}
		usleep(200);
	}
	arch_annotate_happens_after(&t->state);
}

void __kshim_tasklet_unlock_wait(struct tasklet_struct *t,
				 const struct kshim_site *site)
{
	__kshim_might_sleep(site->file, site->line, site->func);
	tasklet_wait(t, TASKLET_STATE_RUN, "tasklet_unlock_wait", site);
}

void __kshim_tasklet_kill(struct tasklet_struct *t,
			  const struct kshim_site *site)
{
	if (in_interrupt())
		printk(KERN_NOTICE "Attempt to kill tasklet from interrupt\n");

	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		__kshim_might_sleep(site->file, site->line, site->func);
		tasklet_wait(t, TASKLET_STATE_SCHED, "tasklet_kill", site);
	}
	arch_annotate_happens_after(&t->state);
	__kshim_tasklet_unlock_wait(t, site);
	tasklet_clear_sched(t);
}

long kshim_tasklets_scheduled(void)
{
	unsigned int cpu;
	long n = 0;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct kshim_cpu *c = &kshim_cpus[cpu];
		struct tasklet_struct *p;

		if (!c->tasklet_vec.tail)
			continue;
		kshim_cpu_lock(cpu);
		for (p = c->tasklet_vec.head; p; p = p->next)
			n++;
		for (p = c->tasklet_hi_vec.head; p; p = p->next)
			n++;
		kshim_cpu_unlock(cpu);
	}
	return n;
}
