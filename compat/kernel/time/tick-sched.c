// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/tick-sched.c - the virtual clock moves on by itself
 * when the machine is idle.
 *
 * The kernel's NO_HZ idle (kernel/time/tick-sched.c) stops the tick of an
 * idle CPU until its next timer; kshim's virtual clock does the same for
 * the whole machine.  When every task that could make progress is asleep
 * (each blocked on a host lock through host_wait(), no CPU with an
 * interrupt, function call or softirq pending or being handled), the
 * machine's only future is the next timer or the end of a timed sleep, so
 * the clock's thread ("kshim-clock") moves the clock there at once,
 * firing the timers on the way (compat/kernel/time/timer.c,
 * kshim_clock_idle_step()).  msleep(1000) in a test takes microseconds,
 * yet a worker sleeping 10 ms in a loop meanwhile runs exactly 100 times.
 *
 * The tasks counted are every task kshim knows (the test's, kthreads,
 * kworkers, any thread that entered kernel code), except the machinery
 * that stands for hardware or for the kernel's own background (CPU idle
 * threads, RCU's, this clock's), which calls kshim_tick_untrack().  A
 * task waiting on something kshim cannot see (a host pthread_join) counts
 * as running: the clock then does not move by itself, and a timed sleep
 * falls back to as long in real time (timer.c).
 *
 * When the clock has nowhere to go and nothing changes for a while, every
 * task sleeps for good: khungtaskd's report (class "hung_task", at the
 * line where the test's task sleeps) ends the test instead of a hang.
 *
 * Lock order: timer_lock, then a host lock, then tick.lock.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/sched.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/sched/sched.h"
#include "kernel/time/tick.h"

static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;		/* the clock's thread waits on it */
	pthread_cond_t quiet;		/* kshim_tick_wait_quiet() waits */
	long tasks;			/* tasks counted */
	long blocked;			/* of them, asleep in host_wait() */
	long cpus_busy;			/* CPU threads handling something */
	unsigned long gen;		/* bumped at each change */
	unsigned long task_gen;		/* bumped when a task runs */
	unsigned long idle_gen;		/* nothing to do since this gen */
	bool started;
	pthread_t thread;
} tick = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.cond = PTHREAD_COND_INITIALIZER,
	.quiet = PTHREAD_COND_INITIALIZER,
};

/* tick.lock held: nothing runs but @running of the counted tasks. */
static bool quiet_locked(long running)
{
	int cpu;

	if (tick.tasks - tick.blocked > running || tick.cpus_busy)
		return false;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (__atomic_load_n(&__kshim_cpu_pending[cpu],
				    __ATOMIC_RELAXED))
			return false;
	return true;
}

static void changed_locked(void)
{
	tick.gen++;
	pthread_cond_signal(&tick.cond);
	pthread_cond_broadcast(&tick.quiet);
}

/*
 * tick.lock held, the clock had nothing to move to at @gen: every task
 * sleeps and no timer or timed sleep can wake one.  Only something kshim
 * does not count could (a host thread that has not used current yet, RCU
 * callbacks): the machine is hung when it stays so for
 * KSHIM_SPINLOCK_LOCKUP of real time (ten times that under valgrind).
 */
static bool hung_locked(unsigned long gen)
{
	struct timespec deadline;

	if (!tick.tasks || !quiet_locked(0))
		return false;
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms() * arch_slowdown());
	while (tick.gen == gen)
		if (pthread_cond_timedwait(&tick.cond, &tick.lock,
					   &deadline) == ETIMEDOUT)
			break;
	return tick.gen == gen && quiet_locked(0);
}

static void *tick_thread(void *arg)
{
	unsigned long gen, task_gen = 0;
	bool moved, ran;

	kshim_tick_untrack();
	snprintf(current->comm, sizeof(current->comm), "kshim-clock");
	pthread_mutex_lock(&tick.lock);
	for (;;) {
		while (!quiet_locked(0) || tick.gen == tick.idle_gen)
			pthread_cond_wait(&tick.cond, &tick.lock);
		gen = tick.gen;
		ran = tick.task_gen != task_gen;
		task_gen = tick.task_gen;
		pthread_mutex_unlock(&tick.lock);
		moved = kshim_clock_idle_step(ran);
		pthread_mutex_lock(&tick.lock);
		if (!moved) {
			tick.idle_gen = gen;
			if (hung_locked(gen)) {
				pthread_mutex_unlock(&tick.lock);
				kshim_report_hung_tasks();
				kshim_task_die();
			}
		}
	}
	return NULL;
}

/* tick.lock held: the clock's thread runs in this process. */
static void start_locked(void)
{
	pthread_attr_t attr;
	int err;

	if (tick.started)
		return;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&tick.thread, &attr, tick_thread, NULL);
	pthread_attr_destroy(&attr);
	if (err) {
		fprintf(stderr, "kshim: cannot start the clock's thread: %s\n",
			strerror(err));
		abort();
	}
	tick.started = true;
}

/* This thread was counted by its creator (kshim_tick_task_coming()). */
static __thread bool counted_before_start;

void kshim_tick_task_new(struct task_struct *t)
{
	t->kshim_tracked = true;
	if (counted_before_start) {
		counted_before_start = false;
		return;
	}
	pthread_mutex_lock(&tick.lock);
	tick.tasks++;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

void kshim_tick_task_coming(void)
{
	pthread_mutex_lock(&tick.lock);
	tick.tasks++;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

void kshim_tick_task_not_coming(void)
{
	pthread_mutex_lock(&tick.lock);
	tick.tasks--;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

void kshim_tick_task_started(void)
{
	counted_before_start = !__kshim_current;
	(void)current;
}

void kshim_tick_task_exit(struct task_struct *t)
{
	if (!t->kshim_tracked)
		return;
	t->kshim_tracked = false;
	pthread_mutex_lock(&tick.lock);
	tick.tasks--;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

void kshim_tick_untrack(void)
{
	kshim_tick_task_exit(current);
}

bool kshim_tick_block(struct kshim_host_lock *h, unsigned int *gen)
{
	struct task_struct *t = __kshim_current;

	if (!t || !t->kshim_tracked)
		return false;
	h->__blocked++;
	*gen = h->__wake_gen;
	pthread_mutex_lock(&tick.lock);
	tick.blocked++;
	start_locked();
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
	return true;
}

/* The sleeper woke by itself (deadline, spurious): it runs again. */
void kshim_tick_block_end(struct kshim_host_lock *h, unsigned int gen)
{
	if (h->__wake_gen != gen)
		return;		/* the waker counted it already */
	h->__blocked--;
	pthread_mutex_lock(&tick.lock);
	tick.blocked--;
	tick.task_gen++;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

/* host_wake_all(): the sleepers on @h run again from now. */
void kshim_tick_wake(struct kshim_host_lock *h)
{
	pthread_mutex_lock(&tick.lock);
	tick.blocked -= h->__blocked;
	if (tick.blocked < 0)	/* sleepers of the parent of fork() */
		tick.blocked = 0;
	tick.task_gen++;
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
	h->__blocked = 0;
}

void kshim_tick_cpu_busy(bool busy)
{
	pthread_mutex_lock(&tick.lock);
	tick.cpus_busy += busy ? 1 : -1;
	if (!busy)
		changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

void kshim_tick_changed(void)
{
	pthread_mutex_lock(&tick.lock);
	start_locked();
	changed_locked();
	pthread_mutex_unlock(&tick.lock);
}

bool kshim_tick_quiet(long running)
{
	bool quiet;

	pthread_mutex_lock(&tick.lock);
	quiet = quiet_locked(running);
	pthread_mutex_unlock(&tick.lock);
	return quiet;
}

bool kshim_tick_wait_quiet(long running, unsigned long ms)
{
	struct timespec deadline;
	bool quiet;

	kshim_deadline_ms(&deadline, ms);
	pthread_mutex_lock(&tick.lock);
	while (!(quiet = quiet_locked(running)))
		if (pthread_cond_timedwait(&tick.quiet, &tick.lock,
					   &deadline) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&tick.lock);
	return quiet;
}

/*
 * The child of fork() has one thread: the forking task (counted, and
 * running), no CPU thread yet, no clock thread.
 */
static void tick_atfork_child(void)
{
	struct task_struct *t = __kshim_current;

	pthread_mutex_init(&tick.lock, NULL);
	pthread_cond_init(&tick.cond, NULL);
	pthread_cond_init(&tick.quiet, NULL);
	tick.tasks = t && t->kshim_tracked;
	tick.blocked = 0;
	tick.cpus_busy = 0;
	tick.gen = 0;
	tick.idle_gen = 0;
	tick.started = false;
}

__attribute__((__constructor__(150))) static void tick_register_atfork(void)
{
	pthread_atfork(NULL, NULL, tick_atfork_child);
}
