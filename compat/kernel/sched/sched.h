/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/sched/sched.h - what the scheduler shares with the rest of
 * kshim's kernel side (locking, completions, wait queues, timers).
 *
 * As kernel/sched/sched.h is the scheduler's private header, this one is
 * libkshim's: host locks behind struct kshim_host_lock, the "a task is
 * about to block" hook with 6.8's schedule_debug() checks, the held-lock
 * bookkeeping behind the ledger, and the spin lockup deadline.
 */
#ifndef _KSHIM_KERNEL_SCHED_H
#define _KSHIM_KERNEL_SCHED_H

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include <linux/sched.h>
#include <linux/spinlock_types.h>

/*
 * might_sleep()'s quiet case: a task that may sleep here (no atomic
 * context, interrupts on, no RCU reader, TASK_RUNNING, not idle, outside
 * non_block sections), where __kshim_might_sleep() says nothing.  Inline
 * for hot paths (the page allocator's might_alloc()).
 */
static inline bool kshim_may_sleep_quietly(void)
{
	struct task_struct *t = current;

	return !preempt_count() && !irqs_disabled() &&
	       !t->rcu_read_lock_nesting && !t->kshim_rcu_bh_nesting &&
	       !t->kshim_rcu_sched_nesting &&
	       READ_ONCE(t->__state) == TASK_RUNNING &&
	       !t->non_block_count && !is_idle_task(t);
}

/* ---- host locks (glibc; all-zero is the static initialiser) ---- */

_Static_assert(sizeof(pthread_mutex_t) == sizeof(((struct kshim_host_lock *)0)->__mutex),
	       "struct kshim_host_lock does not fit this libc's pthread_mutex_t");
_Static_assert(sizeof(pthread_cond_t) == sizeof(((struct kshim_host_lock *)0)->__cond),
	       "struct kshim_host_lock does not fit this libc's pthread_cond_t");

static inline pthread_mutex_t *host_mutex(struct kshim_host_lock *h)
{
	return (pthread_mutex_t *)(void *)h->__mutex;
}

static inline pthread_cond_t *host_cond(struct kshim_host_lock *h)
{
	return (pthread_cond_t *)(void *)h->__cond;
}

static inline void host_init(struct kshim_host_lock *h)
{
	pthread_mutex_init(host_mutex(h), NULL);
	pthread_cond_init(host_cond(h), NULL);
	h->__blocked = 0;
	h->__wake_gen = 0;
}

static inline void host_lock(struct kshim_host_lock *h)
{
	pthread_mutex_lock(host_mutex(h));
}

static inline void host_unlock(struct kshim_host_lock *h)
{
	pthread_mutex_unlock(host_mutex(h));
}

/*
 * A task sleeping on a host lock is "blocked" for the virtual clock
 * (compat/kernel/time/tick-sched.c): when every task is, the clock moves
 * on to the next timer or timed sleep.  The waker makes the sleepers
 * runnable again (host_wake_all()); a sleeper that wakes by itself (its
 * real-time deadline) counts itself back.
 */
bool kshim_tick_block(struct kshim_host_lock *h, unsigned int *gen);
void kshim_tick_block_end(struct kshim_host_lock *h, unsigned int gen);
void kshim_tick_wake(struct kshim_host_lock *h);

static inline void host_wait(struct kshim_host_lock *h)
{
	unsigned int gen;
	bool counted = kshim_tick_block(h, &gen);

	pthread_cond_wait(host_cond(h), host_mutex(h));
	if (counted)
		kshim_tick_block_end(h, gen);
}

/* false when @deadline (CLOCK_REALTIME) passed */
static inline bool host_wait_until(struct kshim_host_lock *h,
				   const struct timespec *deadline)
{
	unsigned int gen;
	bool counted = kshim_tick_block(h, &gen);
	int err;

	err = pthread_cond_timedwait(host_cond(h), host_mutex(h), deadline);
	if (counted)
		kshim_tick_block_end(h, gen);
	return err != ETIMEDOUT;
}

/* A spinning task waits, but it is not blocked: it runs. */
static inline bool host_spin_until(struct kshim_host_lock *h,
				   const struct timespec *deadline)
{
	return pthread_cond_timedwait(host_cond(h), host_mutex(h),
				      deadline) != ETIMEDOUT;
}

static inline void host_wake_all(struct kshim_host_lock *h)
{
	if (h->__blocked)
		kshim_tick_wake(h);
	h->__wake_gen++;
	pthread_cond_broadcast(host_cond(h));
}

/* The CLOCK_REALTIME instant @ms milliseconds from now. */
void kshim_deadline_ms(struct timespec *ts, unsigned long ms);
/* Jiffies left until @deadline (0 once passed). */
long kshim_jiffies_until(const struct timespec *deadline);

/*
 * A wait with a timeout, on kshim's clock (compat/kernel/time/timer.c):
 * kshim_time_wait_begin() before taking @h (@timeout jiffies from now),
 * kshim_time_wait() with @h held instead of host_wait() (false once the
 * time is up), kshim_time_wait_end() after dropping @h: the jiffies left.
 */
struct kshim_time_wait {
	u64 end;			/* ns since boot */
	struct timespec real_end;	/* last resort (CLOCK_REALTIME) */
	int slot;
	bool fell_back;
	bool may_wait;
};
void kshim_time_wait_begin(struct kshim_time_wait *w, struct kshim_host_lock *h,
			   long timeout);
bool kshim_time_wait(struct kshim_time_wait *w, struct kshim_host_lock *h);
long kshim_time_wait_end(struct kshim_time_wait *w);

/* ---- blocking (compat/kernel/sched/core.c) ---- */

/*
 * A kshim primitive is about to block for real, at @site: 6.8's
 * schedule_debug() checks ("BUG: scheduling while atomic", "BUG:
 * scheduling in a non-blocking section").  kshim_block_end() is the task
 * running again: preempt_count back to 0 if schedule_debug() repaired it.
 */
void kshim_block_begin(unsigned int state, const struct kshim_site *site);
void kshim_block_end(void);

/* Sleep the current task until wake_up_process() or @timeout jiffies. */
long kshim_task_sleep(long timeout);

/* ---- held locks (for the ledger) ---- */

void kshim_lock_acquired(const void *lock, const char *kind,
			 const struct kshim_site *site, long *counter);
void kshim_lock_released(const void *lock, long *counter);
extern long kshim_spinlocks_held;
extern long kshim_mutexes_held;

/*
 * What a handler (an interrupt handler, a tasklet, a softirq vector, a
 * function-call IPI) must leave as it found: preempt_count, the locks the
 * task holds, its kmap_local/kmap_atomic stack and pagefault_disable()
 * depth.  kshim_ctx_mark() before the handler, kshim_ctx_moved() after;
 * kshim_ctx_explain() prints what it left behind (each lock and kmap with
 * the line that took it) and returns the first such line, or @fallback.
 */
struct kshim_ctx_mark {
	int preempt_count;
	int lockdep_depth;
	int kmap_idx;
	int pagefault_disabled;
};
void kshim_ctx_mark(struct kshim_ctx_mark *m);
bool kshim_ctx_moved(const struct kshim_ctx_mark *m);
const struct kshim_site *kshim_ctx_explain(const struct kshim_ctx_mark *m,
					   const struct kshim_site *fallback);
/* A task's context is clean (the idle state of a CPU between handlers). */
bool kshim_task_ctx_clean(const struct task_struct *t);
/* Print what @t holds of its context (for the ledger of the CPUs). */
void kshim_task_ctx_explain(const struct task_struct *t);

/*
 * compat/mm/highmem.c: the kmap_local/kmap_atomic windows of task @t.
 * How many are mapped; the lines of those from stack level @from up
 * ("kshim: ... mapped at <file>:<line>"), returning the first one's site
 * (NULL if none); and at the end of @t's thread, what the kernel's last
 * switch away from it does (the windows are unmapped).
 */
long kshim_kmap_local_mapped(const struct task_struct *t);
const struct kshim_site *kshim_kmap_local_explain(const struct task_struct *t,
						  int from);
void kshim_kmap_local_task_exit(struct task_struct *t);

/* KSHIM_SPINLOCK_LOCKUP, milliseconds */
unsigned long kshim_spin_lockup_ms(void);
/*
 * A bounded wait that gave up: a "lockup" report at @site (the printk
 * @fmt says what waits for what), the stack, and the task dies.
 */
__printf(2, 3) __attribute__((__noreturn__))
void kshim_lockup_die(const struct kshim_site *site, const char *fmt, ...);

/* The address a report prints for an instruction pointer (0: unknown). */
void kshim_print_ip_site(unsigned long ip, const struct kshim_site *site);

/* compat/kernel/time/timer.c: jiffies start again at each boot. */
void kshim_time_init(void);

#endif /* _KSHIM_KERNEL_SCHED_H */
