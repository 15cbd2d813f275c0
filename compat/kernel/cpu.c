// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/cpu.c - the simulated CPUs: bring-up, the idle loop, and
 * taking what is pending when interrupts are on.
 *
 * Plays kernel/cpu.c and kernel/smpboot.c (CPUs come online at boot and
 * stay), kernel/sched/idle.c (an idle CPU waits for an interrupt) and the
 * x86 entry code (a CPU takes an interrupt only while EFLAGS.IF is set).
 * KSHIM_CPUS (1-64, default 4) CPUs: CPU 0 is the test's own thread (and
 * any other thread the test makes: they all run "on CPU 0"), CPU 1.. are
 * kshim's threads, started the first time something is sent their way.
 * Their tasks are the idle tasks "swapper/N", pid 0, per-CPU threads.
 *
 * Design note: how interrupts are delivered.  A raised interrupt (or a
 * function-call IPI, or a softirq) is a bit in the target CPU's pending
 * word plus the work itself under the CPU's host lock; the target CPU
 * takes it on its own thread when it has interrupts on:
 *  - an idle CPU thread sleeps on its condition variable and is woken;
 *  - a CPU running with interrupts off (inside a handler, under
 *    spin_lock_irqsave()...) finds the bit when it turns them on again:
 *    arch_local_irq_enable() (and so local_irq_restore(),
 *    spin_unlock_irq*()) tests the word and calls
 *    kshim_cpu_take_pending();
 *  - CPU 0, the test's thread, takes its share at those same points and
 *    at once when the test raises towards itself with interrupts on.
 * The other way, a signal sent to the target thread, was not taken: the
 * handler would run inside a host signal handler, interrupting kshim's
 * own host locks, malloc and stdio at arbitrary points (deadlocks that no
 * kernel has), and TSan and valgrind treat code in signal handlers
 * specially.  Event loops plus pending bits give the same guarantees a
 * driver can rely on (a handler runs with interrupts off, in hardirq
 * context, on a CPU that has interrupts on, never while that CPU has them
 * off) with only ordinary locks, so TSan and helgrind see every handoff.
 * CPU 0 also has an idle thread (swapper/0), started when first needed:
 * while a task of CPU 0 sleeps in kshim (a mutex, a completion, msleep()
 * ...: kshim_block_begin()/end()), the CPU is free, and the idle thread
 * takes CPU 0's interrupts, IPIs and softirqs, as the kernel's CPU does
 * once schedule() has switched away from the sleeper.  The one
 * difference left: a CPU 0 busy in a loop with interrupts on and no
 * kshim call takes nothing until it reaches one; tests target CPUs 1..
 * for that (the default affinity).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

#include <kshim/ledger.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/time/tick.h"
#include "kernel/cpu.h"
#include "kernel/sched/sched.h"

unsigned int nr_cpu_ids = 1;

/*
 * The machine's CPU masks (kernel/cpu.c): CPUs 0..nr_cpu_ids-1 possible,
 * present, online and active, set at each boot (CPU 0 alone before the
 * first); none dying.
 */
struct cpumask __cpu_possible_mask = { CPU_BITS_CPU0 };
struct cpumask __cpu_online_mask = { CPU_BITS_CPU0 };
struct cpumask __cpu_present_mask = { CPU_BITS_CPU0 };
struct cpumask __cpu_active_mask = { CPU_BITS_CPU0 };
struct cpumask __cpu_dying_mask;
struct cpumask __kshim_cpumask_of[NR_CPUS];
const DECLARE_BITMAP(cpu_all_bits, NR_CPUS) = CPU_BITS_ALL;
const DECLARE_BITMAP(__kshim_cpu_none_bits, NR_CPUS) = CPU_BITS_NONE;

static void init_cpu_masks(void)
{
	struct cpumask all = CPU_MASK_NONE;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		__kshim_cpumask_of[cpu] = (struct cpumask)CPU_MASK_NONE;
		__set_bit(cpu, cpumask_bits(&__kshim_cpumask_of[cpu]));
		if (cpu < nr_cpu_ids)
			__set_bit(cpu, cpumask_bits(&all));
	}
	__cpu_possible_mask = all;
	__cpu_present_mask = all;
	__cpu_online_mask = all;
	__cpu_active_mask = all;
	__cpu_dying_mask = (struct cpumask)CPU_MASK_NONE;
}
unsigned long __kshim_cpu_pending[NR_CPUS];
struct kshim_cpu kshim_cpus[NR_CPUS];

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;

/* CPU 0's idle thread and the sleeping CPU 0 tasks it stands in for. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int sleepers;
	bool started;
	pthread_t thread;
	struct task_struct *task;	/* swapper/0 */
} cpu0_idle = {
	PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, false,
};

void kshim_cpu_lock(int cpu)
{
	pthread_mutex_lock(&kshim_cpus[cpu].lock);
}

void kshim_cpu_unlock(int cpu)
{
	pthread_mutex_unlock(&kshim_cpus[cpu].lock);
}

void kshim_cpu_sync_all(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		pthread_mutex_lock(&kshim_cpus[cpu].lock);
		pthread_mutex_unlock(&kshim_cpus[cpu].lock);
	}
}

/* CPU lock held. */
void kshim_cpu_update_pending(int cpu)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];
	unsigned long word = __atomic_load_n(&__kshim_cpu_pending[cpu],
					     __ATOMIC_RELAXED);

	word &= ~(KSHIM_PENDING_CALL | KSHIM_PENDING_SOFTIRQ);
	if (c->calls)
		word |= KSHIM_PENDING_CALL;
	if (c->softirq_pending)
		word |= KSHIM_PENDING_SOFTIRQ;
	__atomic_store_n(&__kshim_cpu_pending[cpu], word, __ATOMIC_RELAXED);
	if (word)
		pthread_cond_signal(&c->wake);
}

/* ---- the idle loop of CPUs 1.. ---- */

static void *cpu_idle_thread(void *arg)
{
	int cpu = (int)(long)arg;
	struct kshim_cpu *c = &kshim_cpus[cpu];
	struct task_struct *t = current;
	struct thread_info *ti = current_thread_info();

	t->pid = 0;
	snprintf(t->comm, sizeof(t->comm), "swapper/%d", cpu);
	ti->cpu = cpu;
	ti->kshim_percpu_thread = true;
	kshim_tick_untrack();
	pthread_mutex_lock(&c->lock);
	c->idle = t;
	pthread_mutex_unlock(&c->lock);
	for (;;) {
		pthread_mutex_lock(&c->lock);
		while (!__atomic_load_n(&__kshim_cpu_pending[cpu],
					__ATOMIC_RELAXED))
			pthread_cond_wait(&c->wake, &c->lock);
		/* Busy before the pending word clears: never seen idle. */
		kshim_tick_cpu_busy(true);
		pthread_mutex_unlock(&c->lock);
		/* do_idle(): interrupts are on, take whatever came. */
		kshim_cpu_take_pending();
		kshim_tick_cpu_busy(false);
	}
	return NULL;
}

/* cpu0_idle.lock held: does the idle thread of CPU 0 have work? */
static bool cpu0_idle_has_work(void)
{
	return cpu0_idle.sleepers &&
	       __atomic_load_n(&__kshim_cpu_pending[0], __ATOMIC_RELAXED);
}

static void *cpu0_idle_thread(void *arg)
{
	struct task_struct *t = current;
	struct thread_info *ti = current_thread_info();

	t->pid = 0;
	snprintf(t->comm, sizeof(t->comm), "swapper/0");
	ti->cpu = 0;
	ti->kshim_percpu_thread = true;
	kshim_tick_untrack();
	pthread_mutex_lock(&cpu0_idle.lock);
	cpu0_idle.task = t;
	pthread_mutex_unlock(&cpu0_idle.lock);
	for (;;) {
		pthread_mutex_lock(&cpu0_idle.lock);
		while (!cpu0_idle_has_work())
			pthread_cond_wait(&cpu0_idle.wake, &cpu0_idle.lock);
		kshim_tick_cpu_busy(true);
		pthread_mutex_unlock(&cpu0_idle.lock);
		kshim_cpu_take_pending();
		kshim_tick_cpu_busy(false);
	}
	return NULL;
}

/* cpu0_idle.lock held. */
static void cpu0_idle_poke(void)
{
	pthread_attr_t attr;
	int err;

	if (!cpu0_idle_has_work())
		return;
	if (!cpu0_idle.started) {
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = pthread_create(&cpu0_idle.thread, &attr,
				     cpu0_idle_thread, NULL);
		pthread_attr_destroy(&attr);
		if (err) {
			fprintf(stderr, "kshim: cannot start the idle thread of CPU 0: %s\n",
				strerror(err));
			abort();
		}
		cpu0_idle.started = true;
	}
	pthread_cond_signal(&cpu0_idle.wake);
}

void kshim_cpu_task_sleeps(bool sleeps)
{
	struct thread_info *ti = current_thread_info();

	if (ti->cpu || ti->kshim_percpu_thread)
		return;
	pthread_mutex_lock(&cpu0_idle.lock);
	cpu0_idle.sleepers += sleeps ? 1 : -1;
	cpu0_idle_poke();
	pthread_mutex_unlock(&cpu0_idle.lock);
}

static void cpu_start(int cpu)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];
	pthread_attr_t attr;
	int err;

	pthread_mutex_lock(&start_lock);
	if (c->started)
		goto out;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&c->thread, &attr, cpu_idle_thread,
			     (void *)(long)cpu);
	pthread_attr_destroy(&attr);
	if (err) {
		fprintf(stderr, "kshim: cannot start the thread of CPU %d: %s\n",
			cpu, strerror(err));
		abort();
	}
	/* Read without start_lock by kshim_cpu_kick(): a hint, rechecked. */
	__atomic_store_n(&c->started, true, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&start_lock);
}

void kshim_cpu_kick(int cpu, unsigned long bit)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];

	if (cpu && !__atomic_load_n(&c->started, __ATOMIC_ACQUIRE))
		cpu_start(cpu);
	pthread_mutex_lock(&c->lock);
	__atomic_fetch_or(&__kshim_cpu_pending[cpu], bit, __ATOMIC_RELAXED);
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	if (!cpu) {
		/* A sleeping CPU 0 leaves it to its idle thread. */
		pthread_mutex_lock(&cpu0_idle.lock);
		cpu0_idle_poke();
		pthread_mutex_unlock(&cpu0_idle.lock);
	}
}

/* ---- taking what is pending ---- */

static void take_pending(int cpu);

/* Enter hardirq as the CPU does for an interrupt, run @work, leave. */
static void cpu_interrupt(int cpu, unsigned long work)
{
	struct thread_info *ti = current_thread_info();

	/* The CPU clears IF on the way in. */
	WRITE_ONCE(ti->eflags, READ_ONCE(ti->eflags) & ~X86_EFLAGS_IF);
	/* "Preemption disabled at:" names each handler as it runs. */
	kshim_irq_enter(NULL);
	if (work & KSHIM_PENDING_IRQ)
		kshim_handle_pending_irqs(cpu);
	if (work & KSHIM_PENDING_CALL)
		kshim_smp_call_interrupt(cpu);
	kshim_irq_exit();
	/* iret: IF back on, without re-entering through the enable hook. */
	WRITE_ONCE(ti->eflags, READ_ONCE(ti->eflags) | X86_EFLAGS_IF);
}

/*
 * An idle task (swapper/N) back from what it took: the state a handler
 * left on the CPU, noted for the end of the test (the ledger reads it
 * under the CPU's lock; the CPU is between interrupts then).
 */
static void idle_note_state(int cpu)
{
	struct task_struct *t = current;
	bool dirty;

	if (!current_thread_info()->kshim_percpu_thread)
		return;
	dirty = !kshim_task_ctx_clean(t);
	pthread_mutex_lock(&kshim_cpus[cpu].lock);
	kshim_cpus[cpu].idle_dirty = dirty;
	pthread_mutex_unlock(&kshim_cpus[cpu].lock);
}

void kshim_cpu_take_pending(void)
{
	int cpu = raw_smp_processor_id();

	take_pending(cpu);
	idle_note_state(cpu);
}

static void take_pending(int cpu)
{
	struct kshim_cpu *c = &kshim_cpus[cpu];

	for (;;) {
		unsigned long word, work;

		if (arch_irqs_disabled())
			return;
		/* Nested interrupts: HARDIRQ_BITS bound them in the kernel. */
		if (hardirq_count() >= 8 * HARDIRQ_OFFSET)
			return;
		pthread_mutex_lock(&c->lock);
		word = __atomic_load_n(&__kshim_cpu_pending[cpu],
				       __ATOMIC_RELAXED);
		work = word & (KSHIM_PENDING_IRQ | KSHIM_PENDING_CALL);
		if (work)
			__atomic_fetch_and(&__kshim_cpu_pending[cpu], ~work,
					   __ATOMIC_RELAXED);
		pthread_mutex_unlock(&c->lock);
		if (work) {
			cpu_interrupt(cpu, work);
			continue;
		}
		/* ksoftirqd: softirqs raised from task context. */
		if ((word & KSHIM_PENDING_SOFTIRQ) && !in_interrupt()) {
			kshim_do_softirq();
			/* What stays pending (disabled tasklets) waits. */
			pthread_mutex_lock(&c->lock);
			word = __atomic_load_n(&__kshim_cpu_pending[cpu],
					       __ATOMIC_RELAXED);
			pthread_mutex_unlock(&c->lock);
			if (word & (KSHIM_PENDING_IRQ | KSHIM_PENDING_CALL))
				continue;
		}
		return;
	}
}

/* ---- boot ---- */

static void cpus_atfork_child(void)
{
	int cpu;

	/* Only the forking thread lives on: CPUs 1.. start again if used. */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct kshim_cpu *c = &kshim_cpus[cpu];

		pthread_mutex_init(&c->lock, NULL);
		pthread_cond_init(&c->wake, NULL);
		c->started = false;
		c->idle = NULL;
		c->idle_dirty = false;
	}
	pthread_mutex_init(&start_lock, NULL);
	pthread_mutex_init(&cpu0_idle.lock, NULL);
	pthread_cond_init(&cpu0_idle.wake, NULL);
	cpu0_idle.started = false;
	cpu0_idle.sleepers = 0;
	cpu0_idle.task = NULL;
}

/*
 * The idle tasks of the CPUs (swapper/N, and swapper/0 while CPU 0's
 * tasks sleep) between interrupts: what a handler left behind on them
 * (a preempt_count, interrupts off, a lock, a kmap_atomic()) stays on
 * that CPU.  Each CPU's lock is taken to read its task: what the CPU did
 * before it last let go of the lock is ordered before the read.
 */
static struct task_struct *cpu_idle_task(unsigned int cpu)
{
	struct task_struct *t;

	if (!cpu) {
		pthread_mutex_lock(&cpu0_idle.lock);
		t = cpu0_idle.task;
		pthread_mutex_unlock(&cpu0_idle.lock);
	} else {
		pthread_mutex_lock(&kshim_cpus[cpu].lock);
		t = kshim_cpus[cpu].idle;
		pthread_mutex_unlock(&kshim_cpus[cpu].lock);
	}
	return t;
}

/* Its lock held: the CPU's idle task is back in its loop, is it clean? */
static bool cpu_dirty(unsigned int cpu)
{
	return kshim_cpus[cpu].idle_dirty;
}

static long ledger_cpus_atomic(void *arg)
{
	unsigned int cpu;
	long n = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		kshim_cpu_lock(cpu);
		n += cpu_dirty(cpu);
		kshim_cpu_unlock(cpu);
	}
	return n;
}

static void explain_cpus_atomic(void *arg)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct task_struct *t = cpu_idle_task(cpu);
		bool dirty;

		kshim_cpu_lock(cpu);
		dirty = cpu_dirty(cpu);
		kshim_cpu_unlock(cpu);
		if (t && dirty)
			kshim_task_ctx_explain(t);
	}
}

int kshim_parse_cpus(const char *val, struct kshim_config *c)
{
	if (kshim_parse_uint(val, NR_CPUS, &c->cpus) || !c->cpus)
		return -EINVAL;
	return 0;
}

void kshim_smp_init(void)
{
	static bool registered;
	int cpu;

	if (!registered) {
		registered = true;
		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			struct kshim_cpu *c = &kshim_cpus[cpu];

			pthread_mutex_init(&c->lock, NULL);
			pthread_cond_init(&c->wake, NULL);
			c->calls_tail = &c->calls;
			c->tasklet_vec.tail = &c->tasklet_vec.head;
			c->tasklet_hi_vec.tail = &c->tasklet_hi_vec.head;
			arch_annotate_racy_hint(&c->started,
						sizeof(c->started));
		}
		/* Read without a lock on purpose: a hint, rechecked locked. */
		arch_annotate_racy_hint(__kshim_cpu_pending,
					sizeof(__kshim_cpu_pending));
		pthread_atfork(NULL, NULL, cpus_atfork_child);
		kshim_irq_init();
		kshim_ledger_add("CPUs left atomic by a handler",
				 ledger_cpus_atomic, explain_cpus_atomic,
				 NULL);
	}
	nr_cpu_ids = kshim_config.cpus;
	init_cpu_masks();
	kshim_setup_per_cpu_areas(nr_cpu_ids);
}

/* A fresh test: its own printk_ratelimit() budget. */
void kshim_smp_test_begin(void)
{
	kshim_smp_processor_id_test_begin();
}
