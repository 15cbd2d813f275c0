// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/timer.c - kshim's clock, timers, sleeping for a
 * while, delays.
 *
 * Reproduces kernel/time/timer.c (timers, msleep(),
 * msleep_interruptible(), usleep_range_state(), schedule_timeout()'s
 * timed sleep), kernel/time/jiffies.c and the x86 delay loop of
 * arch/x86/lib/delay.c (6.1 semantics, HZ=1000), on kshim's clock:
 *  - the clock (kshim/time.h) is virtual by default: nanoseconds since
 *    boot that move only when the test advances them
 *    (kshim_advance_time()) or a task sleeps for a while; jiffies is
 *    INITIAL_JIFFIES plus the clock's milliseconds.  KSHIM_CLOCK=real
 *    makes it host monotonic time since boot;
 *  - moving the clock on fires the timers on the way, in order of expiry:
 *    each step moves the clock to the next expiry, moves the due timers
 *    of each CPU to that CPU's expired list and raises TIMER_SOFTIRQ
 *    there; the CPU runs them in softirq context (run_timer_softirq(),
 *    compat/kernel/softirq.c), as expire_timers() does.  A timer armed at
 *    or before the current jiffy by a callback fires one jiffy later, as
 *    on the kernel's next tick;
 *  - a task that sleeps for a while (msleep(), usleep_range(),
 *    schedule_timeout*()) is "asleep waiting for time": the test's own
 *    task moves the clock to the end of its sleep at once (firing timers
 *    on the way, and stopping early when woken); another task waits until
 *    the clock gets there or it is woken, and after as long in real time
 *    moves the clock there itself;
 *  - ndelay()/udelay()/mdelay() spin: they move the clock on by their
 *    delay without waiting for the timers they make due (spinning, the
 *    caller may hold what a callback wants);
 *  - timers (linux/timer.h): __mod_timer(), add_timer() and
 *    add_timer_on() with the kernel's WARN_ON_ONCE(timer_pending()),
 *    del_timer_sync()'s WARN_ON(in_hardirq() && !TIMER_IRQSAFE) at the
 *    caller's line, timer_shutdown*() (6.2), call_timer_fn()'s
 *    "timer: %pS preempt leak" WARN_ONCE; a del_timer_sync() that can
 *    never return (from the timer's own callback, or a callback that
 *    never ends) is a "lockup" report where the kernel hangs.
 * The timers live in per-CPU lists under one host lock (kshim does not
 * model the timer wheel's granularity: a timer fires at its jiffy).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/timer.h>
#include <kshim/ledger.h>
#include <kshim/report.h>
#include <kshim/time.h>

#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"

/* ---- the clock ---- */

static struct timespec boot_mono;	/* host CLOCK_MONOTONIC at boot */
static struct timespec boot_real;	/* host CLOCK_REALTIME at boot */
static u64 vclock;			/* virtual ns since boot (atomic) */

static bool clock_is_real(void)
{
	return kshim_config.clock_real;
}

int kshim_parse_clock(const char *val, struct kshim_config *c)
{
	if (!strcasecmp(val, "virtual"))
		c->clock_real = false;
	else if (!strcasecmp(val, "real"))
		c->clock_real = true;
	else
		return -EINVAL;
	return 0;
}

const char *kshim_show_clock(const struct kshim_config *c, char *buf,
			     size_t len)
{
	return c->clock_real ? "real" : "virtual";
}

static u64 host_ns_since(const struct timespec *t0, clockid_t id)
{
	struct timespec now;

	clock_gettime(id, &now);
	return (u64)(now.tv_sec - t0->tv_sec) * NSEC_PER_SEC +
	       (u64)(now.tv_nsec - t0->tv_nsec);
}

u64 kshim_clock_ns(void)
{
	if (clock_is_real())
		return host_ns_since(&boot_mono, CLOCK_MONOTONIC);
	return __atomic_load_n(&vclock, __ATOMIC_ACQUIRE);
}

/* The host's wall clock at boot, ns since the epoch (CLOCK_REALTIME). */
u64 kshim_boot_real_ns(void);
u64 kshim_boot_real_ns(void)
{
	return (u64)boot_real.tv_sec * NSEC_PER_SEC + boot_real.tv_nsec;
}

/* Jiffies since boot, 64 bits (jiffies_64 - INITIAL_JIFFIES). */
static u64 ns_to_rel_jiffies(u64 ns)
{
	return ns / TICK_NSEC;
}

unsigned long __kshim_jiffies(void)
{
	return INITIAL_JIFFIES +
	       (unsigned long)ns_to_rel_jiffies(kshim_clock_ns());
}

u64 get_jiffies_64(void)
{
	return (u64)__kshim_jiffies();
}

u64 sched_clock(void)
{
	return kshim_clock_ns();
}

u64 local_clock(void)
{
	return kshim_clock_ns();
}

/* ---- timers: the bases ---- */

/*
 * An armed timer's record, kept by kshim outside the timer: the lists
 * never run through driver memory, so a timer freed or overwritten while
 * armed cannot corrupt them, and the ledger can still say where it was
 * armed.  The timer's entry.pprev points to its record while it is
 * pending (timer_pending(): non-NULL, as in the kernel).
 */
struct timer_rec {
	struct timer_list *t;
	void *fn;			/* its callback, when armed */
	const struct kshim_site *site;	/* the arming line */
	u64 due;			/* jiffies since boot */
	unsigned int cpu;
	struct timer_rec *next, **pprev;
};

struct timer_base {
	struct timer_rec *pending;	/* armed, not yet due */
	struct timer_rec *expired;	/* due, in order: TIMER_SOFTIRQ */
	struct timer_list *running;	/* its callback runs now */
};

static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
/* A base's expired list drained or a callback ended. */
static pthread_cond_t timer_done = PTHREAD_COND_INITIALIZER;
static struct timer_base bases[NR_CPUS];
static long nr_armed;			/* records in the lists */
/* The last jiffy whose timers were collected: later arming is due after. */
static s64 processed_rel = -1;

/* Tasks (not the test's) asleep waiting for the clock; timer_lock. */
#define MAX_TIME_SLEEPERS 64
static struct task_struct *time_sleepers[MAX_TIME_SLEEPERS];

static void *timer_fn_of(const struct timer_list *t)
{
	return t->__kshim_ul ? (void *)t->__kshim_function_ul :
			       (void *)t->function;
}

static void rec_link(struct timer_rec **head, struct timer_rec *r)
{
	r->next = *head;
	if (r->next)
		r->next->pprev = &r->next;
	*head = r;
	r->pprev = head;
}

static void rec_unlink(struct timer_rec *r)
{
	*r->pprev = r->next;
	if (r->next)
		r->next->pprev = r->pprev;
}

/* The record of a pending timer (NULL: not pending). */
static struct timer_rec *timer_rec_of(const struct timer_list *t)
{
	struct timer_rec *r = (struct timer_rec *)READ_ONCE(t->entry.pprev);

	return r && r->t == t ? r : NULL;
}

/* detach_timer(): the timer is no longer pending. */
static void detach_locked(struct timer_list *t, struct timer_rec *r)
{
	rec_unlink(r);
	free(r);
	nr_armed--;
	if ((struct timer_rec *)READ_ONCE(t->entry.pprev) == r) {
		WRITE_ONCE(t->entry.pprev, NULL);
		t->entry.next = LIST_POISON2;
	}
}

static int detach_if_pending_locked(struct timer_list *t)
{
	struct timer_rec *r = timer_rec_of(t);

	if (!r)
		return 0;
	detach_locked(t, r);
	return 1;
}

/* Arm @t for relative jiffy @due on @cpu; timer_lock held. */
static void enqueue_locked(struct timer_list *t, u64 due, unsigned int cpu,
			   const struct kshim_site *site)
{
	struct timer_rec *r = malloc(sizeof(*r));

	if (!r) {
		fprintf(stderr, "kshim: out of host memory for a timer\n");
		abort();
	}
	r->t = t;
	r->fn = timer_fn_of(t);
	r->site = site;
	r->due = due;
	r->cpu = cpu;
	rec_link(&bases[cpu].pending, r);
	nr_armed++;
	t->entry.next = NULL;
	WRITE_ONCE(t->entry.pprev, (struct hlist_node **)(void *)r);
}

/*
 * Move the clock to @ns (never backwards) and wake the tasks waiting for
 * it.  timer_lock held.
 */
static void clock_set_locked(u64 ns)
{
	unsigned int i;

	if (clock_is_real() || ns <= __atomic_load_n(&vclock, __ATOMIC_RELAXED))
		return;
	__atomic_store_n(&vclock, ns, __ATOMIC_RELEASE);
	for (i = 0; i < MAX_TIME_SLEEPERS; i++) {
		struct task_struct *t = time_sleepers[i];

		if (!t)
			continue;
		host_lock(&t->kshim_wake);
		host_wake_all(&t->kshim_wake);
		host_unlock(&t->kshim_wake);
	}
}

/*
 * The relative jiffy at which a timer armed now for @expires is due: not
 * before the current jiffy, and after the last one whose timers were
 * collected (the kernel's next tick).
 */
static u64 due_rel(unsigned long expires, u64 now_rel)
{
	unsigned long now_abs = INITIAL_JIFFIES + (unsigned long)now_rel;
	s64 rel = (s64)now_rel + (long)(expires - now_abs);

	if (rel < (s64)now_rel)
		rel = now_rel;
	if (rel <= processed_rel)
		rel = processed_rel + 1;
	return rel;
}

/* The first jiffy at which an armed timer is due (-1: none). */
static s64 next_due_locked(void)
{
	s64 best = -1;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_rec *r;

		for (r = bases[cpu].pending; r; r = r->next)
			if (best < 0 || (s64)r->due < best)
				best = r->due;
	}
	return best;
}

/*
 * Move every timer due at relative jiffy @rel to its CPU's expired list,
 * in order of expiry; the CPUs that got any are set in @mask.
 */
static void collect_due_locked(s64 rel, unsigned long *mask)
{
	unsigned int cpu;

	if (rel > processed_rel)
		processed_rel = rel;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_base *b = &bases[cpu];
		struct timer_rec *r, *n;

		for (r = b->pending; r; r = n) {
			struct timer_rec **pos;

			n = r->next;
			if ((s64)r->due > rel)
				continue;
			rec_unlink(r);
			/* After those due no later than it. */
			for (pos = &b->expired; *pos; pos = &(*pos)->next)
				if ((*pos)->due > r->due)
					break;
			rec_link(pos, r);
			__set_bit(cpu, mask);
		}
	}
}

static bool base_busy_locked(unsigned int cpu)
{
	return bases[cpu].expired || bases[cpu].running;
}

/* This task is one of CPU 0's (not a CPU thread) and is asleep in kshim. */
static bool cpu0_task_sleeping(void)
{
	struct thread_info *ti = current_thread_info();

	return !ti->cpu && !ti->kshim_percpu_thread &&
	       get_current_state() != TASK_RUNNING;
}

/*
 * Run the timers collected on the CPUs of @mask: raise TIMER_SOFTIRQ on
 * each; this CPU's, when this task may take its softirqs now, right here
 * (kshim's ksoftirqd).  With @wait, return once they have run (this
 * CPU's only if they could run), bounded by KSHIM_SPINLOCK_LOCKUP.
 */
static void run_collected(const unsigned long *mask, bool wait)
{
	unsigned int self = raw_smp_processor_id(), cpu;
	bool wait_self;
	struct timespec deadline;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (test_bit(cpu, mask))
			kshim_raise_softirq_on(cpu, TIMER_SOFTIRQ);
	wait_self = cpu0_task_sleeping();
	if (test_bit(self, mask) && !wait_self && !in_interrupt() &&
	    !irqs_disabled() && get_current_state() == TASK_RUNNING) {
		kshim_cpu_take_pending();
		wait_self = true;
	}
	if (!wait)
		return;
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	pthread_mutex_lock(&timer_lock);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!test_bit(cpu, mask) || (cpu == self && !wait_self))
			continue;
		while (base_busy_locked(cpu))
			if (pthread_cond_timedwait(&timer_done, &timer_lock,
						   &deadline) == ETIMEDOUT)
				goto out;
	}
out:
	pthread_mutex_unlock(&timer_lock);
}

/* Host sleep, for KSHIM_CLOCK=real. */
static void host_sleep_ns(u64 ns)
{
	struct timespec ts = {
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_nsec = ns % NSEC_PER_SEC,
	};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

typedef bool (*stop_fn)(void *arg);

/*
 * Move the clock to @target (ns since boot), running the timers that
 * fall due on the way, step by step; stop early when @stop says so
 * (checked between steps).  With KSHIM_CLOCK=real, sleep for real
 * between the steps instead.
 */
static void advance_to(u64 target, bool wait, stop_fn stop, void *arg)
{
	for (;;) {
		unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
		u64 now, step;
		s64 rel;

		if (stop && stop(arg))
			return;
		pthread_mutex_lock(&timer_lock);
		now = kshim_clock_ns();
		rel = next_due_locked();
		step = rel < 0 ? U64_MAX : (u64)rel * TICK_NSEC;
		if (clock_is_real()) {
			/* Host time: fire what is due, else sleep on. */
			if (step > now) {
				pthread_mutex_unlock(&timer_lock);
				if (now >= target)
					return;
				host_sleep_ns(min_t(u64, step, target) - now);
				continue;
			}
		} else {
			if (step < now)
				step = now;
			if (step > target) {
				clock_set_locked(target);
				pthread_mutex_unlock(&timer_lock);
				return;
			}
		}
		clock_set_locked(step);
		collect_due_locked(rel, mask);
		pthread_mutex_unlock(&timer_lock);
		run_collected(mask, wait);
	}
}

/* The caller may wait for other CPUs: not atomic, interrupts on. */
static bool may_wait_for_timers(void)
{
	return !preempt_count() && !irqs_disabled();
}

void kshim_advance_time(u64 ns)
{
	kshim_ensure_booted();
	advance_to(kshim_clock_ns() + ns, may_wait_for_timers(), NULL, NULL);
}

void kshim_run_timers(void)
{
	kshim_advance_time(0);
}

long kshim_timers_pending(void)
{
	long n;

	pthread_mutex_lock(&timer_lock);
	n = nr_armed;
	pthread_mutex_unlock(&timer_lock);
	return n;
}

/* ---- sleeping for a while ---- */

static bool is_test_task(void)
{
	struct thread_info *ti = current_thread_info();

	return !ti->kshim_percpu_thread && syscall(SYS_gettid) == getpid();
}

struct sleep_stop {
	struct task_struct *t;
	bool wakeable;
	bool woken;
};

static bool sleep_woken(void *arg)
{
	struct sleep_stop *s = arg;

	if (!s->wakeable)
		return false;
	host_lock(&s->t->kshim_wake);
	if (s->t->kshim_woken) {
		s->t->kshim_woken = false;
		s->woken = true;
	}
	host_unlock(&s->t->kshim_wake);
	return s->woken;
}

static int sleeper_add(struct task_struct *t)
{
	int i;

	pthread_mutex_lock(&timer_lock);
	for (i = 0; i < MAX_TIME_SLEEPERS; i++)
		if (!time_sleepers[i]) {
			time_sleepers[i] = t;
			break;
		}
	pthread_mutex_unlock(&timer_lock);
	return i;
}

static void sleeper_del(int i)
{
	if (i >= MAX_TIME_SLEEPERS)
		return;
	pthread_mutex_lock(&timer_lock);
	time_sleepers[i] = NULL;
	pthread_mutex_unlock(&timer_lock);
}

/*
 * The current task, already in its sleeping state (kshim_block_begin()),
 * sleeps @timeout jiffies of kshim's clock or, if @wakeable, until woken
 * (wake_up_process(), a signal).  Returns the jiffies left, as
 * schedule_timeout() does.  @may_wait: the task was not atomic.
 */
static long timed_sleep(long timeout, bool wakeable, bool may_wait)
{
	struct task_struct *t = current;
	struct sleep_stop s = { t, wakeable, false };
	u64 start = kshim_clock_ns();
	u64 end_rel = ns_to_rel_jiffies(start) + (u64)timeout;
	u64 end = end_rel * TICK_NSEC, now;
	struct timespec real_end;
	int slot;

	if (clock_is_real() || is_test_task()) {
		advance_to(end, may_wait, sleep_woken, &s);
	} else {
		/* Asleep until the clock gets there, or as long for real. */
		slot = sleeper_add(t);
		kshim_deadline_ms(&real_end, (end - start) / NSEC_PER_MSEC);
		host_lock(&t->kshim_wake);
		for (;;) {
			if (wakeable && t->kshim_woken) {
				t->kshim_woken = false;
				s.woken = true;
				break;
			}
			if (kshim_clock_ns() >= end)
				break;
			if (!host_wait_until(&t->kshim_wake, &real_end))
				break;
		}
		host_unlock(&t->kshim_wake);
		sleeper_del(slot);
		if (!s.woken && kshim_clock_ns() < end)
			advance_to(end, may_wait, sleep_woken, &s);
	}
	now = ns_to_rel_jiffies(kshim_clock_ns());
	return now >= end_rel ? 0 : (long)(end_rel - now);
}

/* schedule_timeout()'s sleep (compat/kernel/sched/core.c). */
long kshim_time_sleep(long timeout)
{
	return timed_sleep(timeout > 0 ? timeout : 0, true,
			   may_wait_for_timers());
}

void __kshim_msleep(unsigned int msecs, const struct kshim_site *site)
{
	long timeout = msecs_to_jiffies(msecs) + 1;
	bool may_wait = may_wait_for_timers();

	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	while (timeout)
		timeout = timed_sleep(timeout, false, may_wait);
	kshim_block_end();
}

unsigned long __kshim_msleep_interruptible(unsigned int msecs,
					   const struct kshim_site *site)
{
	long timeout = msecs_to_jiffies(msecs) + 1;
	bool may_wait = may_wait_for_timers();

	while (timeout && !signal_pending(current)) {
		kshim_block_begin(TASK_INTERRUPTIBLE, site);
		timeout = timed_sleep(timeout, true, may_wait);
		kshim_block_end();
	}
	return jiffies_to_msecs(timeout);
}

void __kshim_usleep_range_state(unsigned long min, unsigned long max,
				unsigned int state,
				const struct kshim_site *site)
{
	bool may_wait = may_wait_for_timers();
	u64 end = kshim_clock_ns() + (u64)min * NSEC_PER_USEC;

	kshim_block_begin(state, site);
	if (clock_is_real() || is_test_task()) {
		advance_to(end, may_wait, NULL, NULL);
	} else {
		long timeout = usecs_to_jiffies(min);

		while (timeout && kshim_clock_ns() < end)
			timeout = timed_sleep(timeout, false, may_wait);
	}
	kshim_block_end();
}

void __kshim_ndelay(unsigned long nsecs)
{
	u64 end = kshim_clock_ns() + nsecs;

	if (clock_is_real()) {
		while (kshim_clock_ns() < end)
			;
		return;
	}
	advance_to(end, false, NULL, NULL);
}

/* ---- timers ---- */

static void timer_init(struct timer_list *t, unsigned int flags,
		       const struct kshim_site *site)
{
	WRITE_ONCE(t->entry.pprev, NULL);
	t->entry.next = NULL;
	t->flags = flags | raw_smp_processor_id();
	t->__kshim_armed = NULL;
}

void __kshim_init_timer(struct timer_list *timer,
			void (*func)(struct timer_list *), unsigned int flags,
			const char *name, const struct kshim_site *site)
{
	if (flags & ~TIMER_INIT_FLAGS) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
	}
	timer_init(timer, flags & TIMER_INIT_FLAGS, site);
	timer->function = func;
	timer->__kshim_data = 0;
	timer->__kshim_ul = false;
}

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, void *key)
{
	__kshim_init_timer(timer, func, flags, name, __KSHIM_CALLSITE);
}

void __kshim_init_timer_ul(struct timer_list *timer,
			   void (*func)(unsigned long), unsigned long data,
			   unsigned int flags, const struct kshim_site *site)
{
	timer_init(timer, flags & TIMER_INIT_FLAGS, site);
	timer->__kshim_function_ul = func;
	timer->__kshim_data = data;
	timer->__kshim_ul = true;
}

#define MOD_TIMER_PENDING_ONLY		0x01
#define MOD_TIMER_REDUCE		0x02
#define MOD_TIMER_NOTPENDING		0x04

/* __mod_timer(): arm on this CPU (or @cpu >= 0). */
static int __mod_timer(struct timer_list *t, unsigned long expires,
		       unsigned int options, int cpu,
		       const struct kshim_site *site)
{
	int ret = 0;

	if (!(options & MOD_TIMER_NOTPENDING) && timer_pending(t)) {
		/* The kernel's shortcut: already armed for that jiffy. */
		if (READ_ONCE(t->expires) == expires)
			return 1;
	}
	pthread_mutex_lock(&timer_lock);
	if (timer_pending(t)) {
		if ((options & MOD_TIMER_REDUCE) &&
		    time_before_eq(t->expires, expires)) {
			pthread_mutex_unlock(&timer_lock);
			return 1;
		}
		ret = detach_if_pending_locked(t);
	} else if (options & MOD_TIMER_PENDING_ONLY) {
		pthread_mutex_unlock(&timer_lock);
		return 0;
	}
	/* timer_shutdown(): no more arming until timer_setup(). */
	if (!t->function)
		goto out;
	if (cpu < 0)
		cpu = raw_smp_processor_id();
	t->expires = expires;
	t->flags = (t->flags & ~TIMER_BASEMASK) | (unsigned int)cpu;
	t->__kshim_armed = site;
	enqueue_locked(t, due_rel(expires, ns_to_rel_jiffies(kshim_clock_ns())),
		       cpu, site);
out:
	pthread_mutex_unlock(&timer_lock);
	return ret;
}

int __kshim_mod_timer(struct timer_list *timer, unsigned long expires,
		      const struct kshim_site *site)
{
	return __mod_timer(timer, expires, 0, -1, site);
}

int __kshim_mod_timer_pending(struct timer_list *timer, unsigned long expires,
			      const struct kshim_site *site)
{
	return __mod_timer(timer, expires, MOD_TIMER_PENDING_ONLY, -1, site);
}

int __kshim_timer_reduce(struct timer_list *timer, unsigned long expires,
			 const struct kshim_site *site)
{
	return __mod_timer(timer, expires, MOD_TIMER_REDUCE, -1, site);
}

static bool warn_once_at(bool *done, const struct kshim_site *site)
{
	if (__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		return false;
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN, NULL);
	return true;
}

void __kshim_add_timer(struct timer_list *timer,
		       const struct kshim_site *site)
{
	static bool warned;

	if (unlikely(timer_pending(timer))) {
		warn_once_at(&warned, site);
		return;
	}
	__mod_timer(timer, timer->expires, MOD_TIMER_NOTPENDING, -1, site);
}

void __kshim_add_timer_on(struct timer_list *timer, int cpu,
			  const struct kshim_site *site)
{
	static bool warned;

	if (unlikely(timer_pending(timer))) {
		warn_once_at(&warned, site);
		return;
	}
	if (cpu < 0 || cpu >= NR_CPUS || !cpu_possible(cpu))
		cpu = raw_smp_processor_id();
	__mod_timer(timer, timer->expires, MOD_TIMER_NOTPENDING, cpu, site);
}

int __kshim_timer_delete(struct timer_list *timer)
{
	int ret = 0;

	if (!timer_pending(timer))
		return 0;
	pthread_mutex_lock(&timer_lock);
	ret = detach_if_pending_locked(timer);
	pthread_mutex_unlock(&timer_lock);
	return ret;
}

/* -1 if its callback runs now (on which CPU: *@on), else timer_delete(). */
static int try_to_del_locked(struct timer_list *t, unsigned int *on)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (bases[cpu].running == t) {
			if (on)
				*on = cpu;
			return -1;
		}
	return detach_if_pending_locked(t);
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	int ret;

	pthread_mutex_lock(&timer_lock);
	ret = try_to_del_locked(timer, NULL);
	pthread_mutex_unlock(&timer_lock);
	return ret;
}

static int delete_sync(struct timer_list *t, bool shutdown,
		       const struct kshim_site *site)
{
	struct timespec deadline;
	unsigned int on = 0;
	int ret;

	/* __timer_delete_sync(): plain WARN_ON, every call. */
	if (in_hardirq() && !(t->flags & TIMER_IRQSAFE))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	pthread_mutex_lock(&timer_lock);
	for (;;) {
		ret = try_to_del_locked(t, &on);
		if (ret >= 0)
			break;
		if (on == raw_smp_processor_id() && in_serving_softirq()) {
			pthread_mutex_unlock(&timer_lock);
			kshim_lockup_die(site, KERN_EMERG "kshim: del_timer_sync() waits for ever: it is called from the timer's own callback %ps on CPU#%u\n",
					 t->__kshim_ul ?
					 (void *)t->__kshim_function_ul :
					 (void *)t->function, on);
		}
		if (pthread_cond_timedwait(&timer_done, &timer_lock,
					   &deadline) == ETIMEDOUT) {
			pthread_mutex_unlock(&timer_lock);
			kshim_lockup_die(site, KERN_EMERG "kshim: del_timer_sync() waits for ever: the callback %ps still runs on CPU#%u (for %lu ms)\n",
					 t->__kshim_ul ?
					 (void *)t->__kshim_function_ul :
					 (void *)t->function, on,
					 kshim_spin_lockup_ms());
		}
	}
	if (shutdown)
		t->function = NULL;
	pthread_mutex_unlock(&timer_lock);
	return ret;
}

int __kshim_timer_delete_sync(struct timer_list *timer,
			      const struct kshim_site *site)
{
	return delete_sync(timer, false, site);
}

int __kshim_timer_shutdown_sync(struct timer_list *timer,
				const struct kshim_site *site)
{
	return delete_sync(timer, true, site);
}

int timer_shutdown(struct timer_list *timer)
{
	int ret;

	pthread_mutex_lock(&timer_lock);
	ret = detach_if_pending_locked(timer);
	timer->function = NULL;
	pthread_mutex_unlock(&timer_lock);
	return ret;
}

/* The real functions, for drivers that take their address. */
#undef add_timer_on
#undef mod_timer
#undef mod_timer_pending
#undef timer_reduce
#undef add_timer
#undef timer_delete_sync
#undef del_timer_sync
#undef del_timer
#undef timer_shutdown_sync

void add_timer_on(struct timer_list *timer, int cpu)
{
	__kshim_add_timer_on(timer, cpu, __KSHIM_CALLSITE);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __kshim_mod_timer(timer, expires, __KSHIM_CALLSITE);
}

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return __kshim_mod_timer_pending(timer, expires, __KSHIM_CALLSITE);
}

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return __kshim_timer_reduce(timer, expires, __KSHIM_CALLSITE);
}

void add_timer(struct timer_list *timer)
{
	__kshim_add_timer(timer, __KSHIM_CALLSITE);
}

int timer_delete_sync(struct timer_list *timer)
{
	return __kshim_timer_delete_sync(timer, __KSHIM_CALLSITE);
}

int del_timer_sync(struct timer_list *timer)
{
	return __kshim_timer_delete_sync(timer, __KSHIM_CALLSITE);
}

int del_timer(struct timer_list *timer)
{
	return __kshim_timer_delete(timer);
}

int timer_shutdown_sync(struct timer_list *timer)
{
	return __kshim_timer_shutdown_sync(timer, __KSHIM_CALLSITE);
}

/* ---- expiry: TIMER_SOFTIRQ ---- */

/* call_timer_fn(): a preempt_count the callback changed is put back. */
static void call_timer_fn(struct timer_list *t, bool ul,
			  void (*fn)(struct timer_list *),
			  void (*fn_ul)(unsigned long), unsigned long data,
			  const struct kshim_site *site)
{
	int count = preempt_count();

	if (ul)
		fn_ul(data);
	else
		fn(t);
	if (count != preempt_count()) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site ? site->file : NULL,
				     site ? site->line : 0,
				     site ? site->func : NULL,
				     site ? site->mod : NULL, TAINT_WARN,
				     "timer: %pS preempt leak: %08x -> %08x\n",
				     ul ? (void *)fn_ul : (void *)fn, count,
				     preempt_count());
		preempt_count_set(count);
	}
}

/* run_timer_softirq(): this CPU's due timers, in softirq context. */
void kshim_run_timer_softirq(void)
{
	struct timer_base *b = &bases[raw_smp_processor_id()];

	pthread_mutex_lock(&timer_lock);
	while (b->expired) {
		struct timer_rec *r = b->expired;
		struct timer_list *t = r->t;
		void (*fn)(struct timer_list *) = t->function;
		void (*fn_ul)(unsigned long) = t->__kshim_function_ul;
		unsigned long data = t->__kshim_data;
		bool ul = t->__kshim_ul, irqsafe = t->flags & TIMER_IRQSAFE;
		const struct kshim_site *site = r->site;

		detach_locked(t, r);
		b->running = t;
		pthread_mutex_unlock(&timer_lock);
		if (!(ul ? (void *)fn_ul : (void *)fn)) {
			static bool warned;

			/* expire_timers(): a shut-down timer fired. */
			if (!__atomic_exchange_n(&warned, true,
						 __ATOMIC_RELAXED))
				__kshim_warn(site ? site->file : NULL,
					     site ? site->line : 0,
					     site ? site->func : NULL,
					     site ? site->mod : NULL,
					     TAINT_WARN, NULL);
		} else if (irqsafe) {
			local_irq_disable();
			call_timer_fn(t, ul, fn, fn_ul, data, site);
			local_irq_enable();
		} else {
			call_timer_fn(t, ul, fn, fn_ul, data, site);
		}
		pthread_mutex_lock(&timer_lock);
		b->running = NULL;
		pthread_cond_broadcast(&timer_done);
	}
	pthread_cond_broadcast(&timer_done);
	pthread_mutex_unlock(&timer_lock);
}

/* ---- round_jiffies() (one CPU's skew is not modelled) ---- */

static unsigned long round_jiffies_common(unsigned long j, bool force_up)
{
	unsigned long original = j, rem = j % HZ;

	if (rem < HZ / 4 && !force_up)
		j = j - rem;
	else
		j = j - rem + HZ;
	if (time_is_after_jiffies(j))
		return j;
	return original;
}

unsigned long __round_jiffies(unsigned long j, int cpu)
{
	return round_jiffies_common(j, false);
}

unsigned long __round_jiffies_relative(unsigned long j, int cpu)
{
	unsigned long j0 = jiffies;

	return round_jiffies_common(j + j0, false) - j0;
}

unsigned long round_jiffies(unsigned long j)
{
	return round_jiffies_common(j, false);
}

unsigned long round_jiffies_relative(unsigned long j)
{
	return __round_jiffies_relative(j, 0);
}

unsigned long __round_jiffies_up(unsigned long j, int cpu)
{
	return round_jiffies_common(j, true);
}

unsigned long __round_jiffies_up_relative(unsigned long j, int cpu)
{
	unsigned long j0 = jiffies;

	return round_jiffies_common(j + j0, true) - j0;
}

unsigned long round_jiffies_up(unsigned long j)
{
	return round_jiffies_common(j, true);
}

unsigned long round_jiffies_up_relative(unsigned long j)
{
	return __round_jiffies_up_relative(j, 0);
}

/* ---- the ledger, boot and tests ---- */

static long ledger_timers(void *arg)
{
	return kshim_timers_pending();
}

static void explain_timers(void *arg)
{
	u64 now_rel = ns_to_rel_jiffies(kshim_clock_ns());
	unsigned int cpu;

	pthread_mutex_lock(&timer_lock);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_rec *lists[2] = { bases[cpu].pending,
					       bases[cpu].expired };
		unsigned int i;

		for (i = 0; i < 2; i++) {
			struct timer_rec *r;

			for (r = lists[i]; r; r = r->next)
				printk(KERN_ERR "timer %px (%ps) on CPU#%u, due in %lld jiffies: armed at %s:%d, not deleted\n",
				       r->t, r->fn, cpu,
				       (long long)r->due - (long long)now_rel,
				       r->site ? r->site->file : "?",
				       r->site ? r->site->line : 0);
		}
	}
	pthread_mutex_unlock(&timer_lock);
}

/* Each boot: the clock starts again, no timer is armed. */
void kshim_time_init(void)
{
	static bool registered;

	clock_gettime(CLOCK_MONOTONIC, &boot_mono);
	clock_gettime(CLOCK_REALTIME, &boot_real);
	__atomic_store_n(&vclock, 0, __ATOMIC_RELEASE);
	kshim_timers_test_begin();
	pthread_mutex_lock(&timer_lock);
	processed_rel = -1;
	pthread_mutex_unlock(&timer_lock);
	if (registered)
		return;
	registered = true;
	kshim_ledger_add("timers pending", ledger_timers, explain_timers,
			 NULL);
}

/* A test starts with no timer armed (those of the one before forgotten). */
void kshim_timers_test_begin(void)
{
	unsigned int cpu;

	pthread_mutex_lock(&timer_lock);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_rec **lists[2] = { &bases[cpu].pending,
						&bases[cpu].expired };
		unsigned int i;

		for (i = 0; i < 2; i++)
			while (*lists[i]) {
				struct timer_rec *r = *lists[i];

				rec_unlink(r);
				free(r);
			}
	}
	nr_armed = 0;
	pthread_mutex_unlock(&timer_lock);
}

/* ---- lockups ---- */

unsigned long kshim_spin_lockup_ms(void)
{
	return kshim_config.spin_lockup_ms;
}

void kshim_lockup_die(const struct kshim_site *site, const char *fmt, ...)
{
	va_list args;

	kshim_report_begin(KSHIM_REPORT_LOCKUP, site->file, site->line,
			   site->func);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	dump_stack();
	kshim_report_end();
	kshim_task_die();
}
