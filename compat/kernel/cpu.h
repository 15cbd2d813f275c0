/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/cpu.h - the simulated CPUs, as the rest of libkshim sees
 * them (kernel/smpboot.h is the kernel's private header of that kind).
 *
 * Each CPU has a pending word (__kshim_cpu_pending[cpu], read without a
 * lock by arch_local_irq_enable()) and, under its host lock, what is
 * pending: raised interrupt lines (kept in the irq descriptors), queued
 * function calls and softirqs with their tasklet lists.  Lock order:
 * irq descriptor lock, then a CPU's lock.
 */
#ifndef _KSHIM_KERNEL_CPU_H
#define _KSHIM_KERNEL_CPU_H

#include <pthread.h>
#include <stdbool.h>

#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/threads.h>

/* Bits of __kshim_cpu_pending[cpu]. */
#define KSHIM_PENDING_IRQ	0x1UL	/* an interrupt line was raised */
#define KSHIM_PENDING_CALL	0x2UL	/* a function-call IPI is queued */
#define KSHIM_PENDING_SOFTIRQ	0x4UL	/* softirqs are raised */

struct kshim_call;

struct kshim_tasklet_list {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

struct kshim_cpu {
	pthread_mutex_t lock;
	pthread_cond_t wake;		/* the CPU thread waits for work */
	struct kshim_call *calls;	/* function-call IPIs, in order */
	struct kshim_call **calls_tail;
	unsigned int softirq_pending;	/* 1 << HI_SOFTIRQ ... */
	struct kshim_tasklet_list tasklet_vec, tasklet_hi_vec;
	pthread_t thread;
	bool started;			/* CPU 0 is the test's thread */
	struct task_struct *idle;	/* swapper/N, once its thread runs */
	bool idle_dirty;		/* a handler left it atomic, locked... */
};

extern struct kshim_cpu kshim_cpus[NR_CPUS];

/* Make @bit pending on @cpu and wake it (its thread starts if needed). */
void kshim_cpu_kick(int cpu, unsigned long bit);
/* With the CPU's lock held: recompute the pending word. */
void kshim_cpu_update_pending(int cpu);
void kshim_cpu_lock(int cpu);
void kshim_cpu_unlock(int cpu);
/*
 * Take and drop every CPU's lock: what each CPU did before it last let
 * go of its lock happens before what the caller does next, for checkers
 * that see only locks (helgrind).  A test's end calls it.
 */
void kshim_cpu_sync_all(void);

/* Boot (compat/init/main.c): KSHIM_CPUS, then the CPUs and their areas. */
struct kshim_config;
int kshim_parse_cpus(const char *val, struct kshim_config *c);
void kshim_smp_init(void);
void kshim_smp_test_begin(void);
void kshim_setup_per_cpu_areas(unsigned int nr_cpus); /* compat/arch/ */
void kshim_irq_init(void);		/* kernel/irq/manage.c: ledger */
void kshim_smp_processor_id_test_begin(void);	/* lib/smp_processor_id.c */

/*
 * A task of CPU 0 (not a CPU thread) starts (@sleeps) or stops sleeping
 * for real: while one does, CPU 0's idle thread takes CPU 0's interrupts.
 */
void kshim_cpu_task_sleeps(bool sleeps);

/* Interrupt entry and exit (compat/kernel/softirq.c). */
void kshim_irq_enter(const struct kshim_site *site);
void kshim_irq_exit(void);
/* Run the softirqs pending on this CPU (task context, kshim's ksoftirqd). */
void kshim_do_softirq(void);
/* Tasklets still scheduled, for the ledger. */
long kshim_tasklets_scheduled(void);

/* What an interrupt on this CPU runs (hardirq context, IRQs off). */
void kshim_handle_pending_irqs(int cpu);	/* kernel/irq/handle.c */
void kshim_smp_call_interrupt(int cpu);		/* kernel/smp.c */

#endif /* _KSHIM_KERNEL_CPU_H */
