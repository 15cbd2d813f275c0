/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/time/tick.h - the virtual clock's idle machinery, as the
 * scheduler, the CPUs and the timers see it (kernel/time/tick-internal.h
 * is the kernel's private header of that kind).
 */
#ifndef _KSHIM_KERNEL_TIME_TICK_H
#define _KSHIM_KERNEL_TIME_TICK_H

#include <pthread.h>
#include <stdbool.h>

#include <linux/types.h>

struct task_struct;

/* Tasks counted as "could make progress" unless blocked in host_wait(). */
void kshim_tick_task_new(struct task_struct *t);
/*
 * kshim starts a thread that will be a task (a kthread, a kworker): the
 * creator counts it before pthread_create() (so the clock does not see an
 * idle machine while it starts), and takes it back if that fails; the
 * thread calls kshim_tick_task_started() first, which sets up its task.
 */
void kshim_tick_task_coming(void);
void kshim_tick_task_not_coming(void);
void kshim_tick_task_started(void);
void kshim_tick_task_exit(struct task_struct *t);
/* The current thread is machinery (a CPU, RCU, the clock): not counted. */
void kshim_tick_untrack(void);
/* A CPU thread starts or stops handling what was pending on its CPU. */
void kshim_tick_cpu_busy(bool busy);
/* A timed sleep or a timer appeared: the clock's thread looks again. */
void kshim_tick_changed(void);
/* Nothing runs but @running counted tasks (and no CPU has work). */
bool kshim_tick_quiet(long running);
/* Wait up to @ms of real time for kshim_tick_quiet(@running). */
bool kshim_tick_wait_quiet(long running, unsigned long ms);

/*
 * compat/kernel/time/timer.c: make the CPUs of @mask expire their due
 * timers (@kick(cpu): raise TIMER_SOFTIRQ, send the hrtimer interrupt);
 * this CPU's share right here when this task may take interrupts now and
 * @run_self.  With @wait, return once @busy(cpu) is false for each (this
 * CPU's only if it ran), checked under @lock and signalled on @done,
 * bounded by KSHIM_SPINLOCK_LOCKUP.
 */
void kshim_expire_on_cpus(const unsigned long *mask, void (*kick)(int cpu),
			  bool (*busy)(unsigned int cpu), pthread_mutex_t *lock,
			  pthread_cond_t *done, bool wait, bool run_self);

/*
 * compat/kernel/time/timer.c, called by the clock's thread when the
 * machine is quiet: move the clock to the next timer or end of a timed
 * sleep and run what fell due.  false: nothing to move to.  @tasks_ran:
 * a task ran since the last step.
 */
bool kshim_clock_idle_step(bool tasks_ran);

/*
 * compat/kernel/time/jiffies.c: the clock (KSHIM_CLOCK=real or virtual),
 * which timer.c moves (kshim_clock_store(), timer_lock held) and each boot
 * starts again; its ticks at the machine's HZ.
 */
bool kshim_clock_is_real(void);
void kshim_clock_store(u64 ns);
void kshim_clock_boot(void);
u64 kshim_boot_real_ns(void);
u64 kshim_tick_ns(void);			/* TICK_NSEC */
unsigned long kshim_initial_jiffies(void);	/* INITIAL_JIFFIES */
u64 kshim_ns_to_rel_jiffies(u64 ns);		/* jiffies since boot at @ns */

#endif /* _KSHIM_KERNEL_TIME_TICK_H */
