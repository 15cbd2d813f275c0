// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/timer.c - timers, sleeping for a while, delays, on
 * kshim's clock (compat/kernel/time/jiffies.c).
 *
 * Reproduces kernel/time/timer.c (timers, msleep(),
 * msleep_interruptible(), usleep_range_state(), schedule_timeout()'s
 * timed sleep), kernel/time/jiffies.c and the x86 delay loop of
 * arch/x86/lib/delay.c (6.1 semantics), on kshim's clock:
 *  - the clock (kshim/time.h) is virtual by default: nanoseconds since
 *    boot that move only when the test advances them
 *    (kshim_advance_time()) or a task sleeps for a while; jiffies is
 *    INITIAL_JIFFIES plus the clock's ticks at the machine's HZ (the test
 *    program's: kshim_set_hz() from kshim/test.h).  KSHIM_CLOCK=real
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
#include <kshim/boot.h>
#include <kshim/ledger.h>
#include <kshim/report.h>
#include <kshim/time.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"
#include "kernel/time/hrtimer_internal.h"
#include "kernel/time/tick.h"

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
	u64 seq;			/* arming order */
	unsigned int cpu;
	bool expired;			/* on its base's expired list */
	size_t heap_idx;		/* in pending_heap, while pending */
	struct timer_rec *next, **pprev;
};

struct timer_base {
	struct timer_rec *pending;	/* armed, not yet due */
	struct timer_rec *expired;	/* due, in order: TIMER_SOFTIRQ */
	struct timer_rec **expired_tail;
	struct timer_list *running;	/* its callback runs now */
};

static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
/* A base's expired list drained or a callback ended. */
static pthread_cond_t timer_done = PTHREAD_COND_INITIALIZER;
static struct timer_base bases[NR_CPUS];
static long nr_armed;			/* records in the lists */
/* The last jiffy whose timers were collected: later arming is due after. */
static s64 processed_rel = -1;
/*
 * Every pending record, a binary min-heap by due jiffy (the timer wheel's
 * job: the next expiry in O(1), arming and deleting in O(log n)); among
 * timers due at the same jiffy the last armed runs first, as the wheel's
 * buckets (hlists filled at the head) have them.
 */
static struct timer_rec *free_recs;	/* records to reuse */
static struct timer_rec **pending_heap;
static size_t heap_len, heap_cap;
static u64 arm_seq;

/*
 * Tasks asleep until the clock reaches @end (timed sleeps, waits with a
 * timeout), each on its host lock @h; under timer_lock.  When the machine
 * is idle, the clock moves on to the first @end (tick-sched.c).
 */
#define MAX_TIME_WAITERS 256
static struct time_waiter {
	struct kshim_host_lock *h;
	u64 end;
} time_waiters[MAX_TIME_WAITERS];
static int nr_time_waiters;		/* slots in use are below it */

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
	else if (r->expired)
		bases[r->cpu].expired_tail = r->pprev;
}

/* ---- the heap of pending timers (timer_lock) ---- */

static bool heap_before(const struct timer_rec *a, const struct timer_rec *b)
{
	return a->due < b->due || (a->due == b->due && a->seq > b->seq);
}

static void heap_set(size_t i, struct timer_rec *r)
{
	pending_heap[i] = r;
	r->heap_idx = i;
}

static void heap_up(size_t i)
{
	struct timer_rec *r = pending_heap[i];

	while (i) {
		size_t parent = (i - 1) / 2;

		if (!heap_before(r, pending_heap[parent]))
			break;
		heap_set(i, pending_heap[parent]);
		i = parent;
	}
	heap_set(i, r);
}

static void heap_down(size_t i)
{
	struct timer_rec *r = pending_heap[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= heap_len)
			break;
		if (c + 1 < heap_len &&
		    heap_before(pending_heap[c + 1], pending_heap[c]))
			c++;
		if (!heap_before(pending_heap[c], r))
			break;
		heap_set(i, pending_heap[c]);
		i = c;
	}
	heap_set(i, r);
}

static void heap_push(struct timer_rec *r)
{
	if (heap_len == heap_cap) {
		size_t cap = heap_cap ? 2 * heap_cap : 64;
		struct timer_rec **h = realloc(pending_heap, cap * sizeof(*h));

		if (!h) {
			fprintf(stderr, "kshim: out of host memory for timers\n");
			abort();
		}
		pending_heap = h;
		heap_cap = cap;
	}
	heap_set(heap_len++, r);
	heap_up(heap_len - 1);
}

static void heap_del(struct timer_rec *r)
{
	size_t i = r->heap_idx;
	struct timer_rec *last = pending_heap[--heap_len];

	if (i == heap_len)
		return;
	heap_set(i, last);
	if (i && heap_before(last, pending_heap[(i - 1) / 2]))
		heap_up(i);
	else
		heap_down(i);
}

/* The record of a pending timer (NULL: not pending). */
static struct timer_rec *timer_rec_of(const struct timer_list *t)
{
	struct timer_rec *r = (struct timer_rec *)READ_ONCE(t->entry.pprev);

	return r && r->t == t ? r : NULL;
}

/* ODEBUG's timer_list type (below). */
static const struct debug_obj_descr timer_debug_descr;

/* detach_timer(): the timer is no longer pending. */
static void detach_locked(struct timer_list *t, struct timer_rec *r)
{
	/* debug_deactivate() */
	__kshim_debug_object_deactivate(t, &timer_debug_descr, r->site);
	if (!r->expired)
		heap_del(r);
	rec_unlink(r);
	r->next = free_recs;
	free_recs = r;
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
	struct timer_rec *r = free_recs;

	if (r)
		free_recs = r->next;
	else
		r = malloc(sizeof(*r));
	if (!r) {
		fprintf(stderr, "kshim: out of host memory for a timer\n");
		abort();
	}
	r->t = t;
	r->fn = timer_fn_of(t);
	r->site = site;
	r->due = due;
	r->seq = arm_seq++;
	r->cpu = cpu;
	r->expired = false;
	rec_link(&bases[cpu].pending, r);
	heap_push(r);
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
	int i;

	if (kshim_clock_is_real() || ns <= kshim_clock_ns())
		return;
	kshim_clock_store(ns);
	for (i = 0; i < nr_time_waiters; i++) {
		struct time_waiter *w = &time_waiters[i];

		if (!w->h || w->end > ns)
			continue;
		host_lock(w->h);
		host_wake_all(w->h);
		host_unlock(w->h);
	}
}

/* The first end of a timed wait (U64_MAX: none). */
static u64 next_waiter_end_locked(void)
{
	u64 best = U64_MAX;
	int i;

	for (i = 0; i < nr_time_waiters; i++)
		if (time_waiters[i].h && time_waiters[i].end < best)
			best = time_waiters[i].end;
	return best;
}

/*
 * The relative jiffy at which a timer armed now for @expires is due: not
 * before the current jiffy, and after the last one whose timers were
 * collected (the kernel's next tick).
 */
static u64 due_rel(unsigned long expires, u64 now_rel)
{
	unsigned long now_abs = kshim_initial_jiffies() + (unsigned long)now_rel;
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
	return heap_len ? (s64)pending_heap[0]->due : -1;
}

/*
 * Move every timer due at relative jiffy @rel to its CPU's expired list,
 * in order of expiry (after those collected before, all due no later);
 * the CPUs that got any are set in @mask.
 */
static void collect_due_locked(s64 rel, unsigned long *mask)
{
	if (rel > processed_rel)
		processed_rel = rel;
	while (heap_len && (s64)pending_heap[0]->due <= rel) {
		struct timer_rec *r = pending_heap[0];
		struct timer_base *b = &bases[r->cpu];

		heap_del(r);
		rec_unlink(r);
		if (!b->expired_tail)
			b->expired_tail = &b->expired;
		r->expired = true;
		r->next = NULL;
		r->pprev = b->expired_tail;
		*b->expired_tail = r;
		b->expired_tail = &r->next;
		__set_bit(r->cpu, mask);
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

void kshim_expire_on_cpus(const unsigned long *mask, void (*kick)(int cpu),
			  bool (*busy)(unsigned int cpu), pthread_mutex_t *lock,
			  pthread_cond_t *done, bool wait, bool run_self)
{
	unsigned int self = raw_smp_processor_id(), cpu;
	bool wait_self;
	struct timespec deadline;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (test_bit(cpu, mask))
			kick(cpu);
	wait_self = cpu0_task_sleeping() || !run_self;
	if (test_bit(self, mask) && !wait_self && !in_interrupt() &&
	    !irqs_disabled() && get_current_state() == TASK_RUNNING) {
		kshim_cpu_take_pending();
		wait_self = true;
	}
	if (!wait)
		return;
	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	pthread_mutex_lock(lock);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!test_bit(cpu, mask) || (cpu == self && !wait_self))
			continue;
		while (busy(cpu))
			if (pthread_cond_timedwait(done, lock, &deadline) ==
			    ETIMEDOUT)
				goto out;
	}
out:
	pthread_mutex_unlock(lock);
}

static void raise_timer_softirq(int cpu)
{
	kshim_raise_softirq_on(cpu, TIMER_SOFTIRQ);
}

/* Run the timers collected on the CPUs of @mask (TIMER_SOFTIRQ). */
static void run_collected(const unsigned long *mask, bool wait,
			  bool run_self)
{
	kshim_expire_on_cpus(mask, raise_timer_softirq, base_busy_locked,
			     &timer_lock, &timer_done, wait, run_self);
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
		s64 rel, hr;

		if (stop && stop(arg))
			return;
		pthread_mutex_lock(&timer_lock);
		now = kshim_clock_ns();
		rel = next_due_locked();
		step = rel < 0 ? U64_MAX : (u64)rel * kshim_tick_ns();
		/* hrtimers: the next step may be theirs (hrtimer.c). */
		hr = kshim_hrtimer_next_ns();
		if (hr >= 0 && (u64)hr < step)
			step = hr;
		if (kshim_clock_is_real()) {
			/* Host time: fire what is due, else sleep on. */
			if (step > now) {
				pthread_mutex_unlock(&timer_lock);
				if (now >= target)
					return;
				host_sleep_ns(min_t(u64, step, target) - now);
				continue;
			}
		} else {
			u64 wend = next_waiter_end_locked();

			if (step < now)
				step = now;
			/* A timed sleep ends first: its task runs then. */
			if (wend > now && wend < step && wend <= target) {
				clock_set_locked(wend);
				pthread_mutex_unlock(&timer_lock);
				continue;
			}
			if (step > target) {
				clock_set_locked(target);
				pthread_mutex_unlock(&timer_lock);
				return;
			}
		}
		clock_set_locked(step);
		if (rel >= 0 && (u64)rel * kshim_tick_ns() <= kshim_clock_ns())
			collect_due_locked(rel, mask);
		pthread_mutex_unlock(&timer_lock);
		kshim_hrtimer_expire(kshim_clock_ns(), wait, true);
		run_collected(mask, wait, true);
	}
}

/*
 * The machine is idle (tick-sched.c): move the clock to the first timer
 * or end of a timed wait and run the timers due then.  With no timed
 * wait, timers alone move it at most IDLE_TIMERS_NS past where the tasks
 * last ran: beyond, the machine is hung (every task blocked for good) and
 * the clock stops rather than spin through a periodic timer for ever.
 */
#define IDLE_TIMERS_NS (120ULL * NSEC_PER_SEC)	/* hung_task_timeout_secs */

bool kshim_clock_idle_step(bool tasks_ran)
{
	static u64 timers_only_from = U64_MAX;
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	u64 now, due, hdue, end, target;
	s64 rel, hr;

	if (kshim_clock_is_real())
		return false;
	pthread_mutex_lock(&timer_lock);
	if (!kshim_tick_quiet(0)) {
		pthread_mutex_unlock(&timer_lock);
		return true;		/* look again once it is */
	}
	now = kshim_clock_ns();
	rel = next_due_locked();
	due = rel < 0 ? U64_MAX : (u64)rel * kshim_tick_ns();
	hr = kshim_hrtimer_next_ns();
	hdue = hr < 0 ? U64_MAX : (u64)hr;
	end = next_waiter_end_locked();
	if (end != U64_MAX || tasks_ran)
		timers_only_from = U64_MAX;
	if (end == U64_MAX) {
		if (timers_only_from == U64_MAX)
			timers_only_from = now;
		if (min(due, hdue) == U64_MAX ||
		    min(due, hdue) > timers_only_from + IDLE_TIMERS_NS) {
			pthread_mutex_unlock(&timer_lock);
			return false;
		}
	}
	target = max_t(u64, min3(due, hdue, end), now);
	clock_set_locked(target);
	if (due <= target)
		collect_due_locked(rel, mask);
	pthread_mutex_unlock(&timer_lock);
	kshim_hrtimer_expire(target, true, false);
	run_collected(mask, true, false);
	return true;
}

/* The caller is a task the idle clock counts (as running, now). */
static long self_running(void)
{
	struct task_struct *t = __kshim_current;

	return t && t->kshim_tracked;
}

/* The caller may wait for other CPUs: not atomic, interrupts on. */
static bool may_wait_for_timers(void)
{
	return !preempt_count() && !irqs_disabled();
}

/*
 * The test moves the clock: before each step and at the end, what the
 * last step started (timer callbacks, the work and tasks they woke) runs
 * until the other tasks are all asleep again, within KSHIM_SPINLOCK_LOCKUP
 * of real time, so a loop that sleeps 10 ms runs exactly 10 times in
 * kshim_advance_time(100 ms).
 */
static bool others_settle(void *arg)
{
	long *self = arg;

	kshim_tick_wait_quiet(*self, kshim_spin_lockup_ms());
	return false;
}

void kshim_advance_time(u64 ns)
{
	long self;

	kshim_ensure_booted();
	self = self_running();
	if (!may_wait_for_timers()) {
		advance_to(kshim_clock_ns() + ns, false, NULL, NULL);
		return;
	}
	advance_to(kshim_clock_ns() + ns, true, others_settle, &self);
	others_settle(&self);
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

static int waiter_add(struct kshim_host_lock *h, u64 end)
{
	int i;

	pthread_mutex_lock(&timer_lock);
	for (i = 0; i < MAX_TIME_WAITERS; i++)
		if (!time_waiters[i].h) {
			time_waiters[i].h = h;
			time_waiters[i].end = end;
			if (i >= nr_time_waiters)
				nr_time_waiters = i + 1;
			break;
		}
	pthread_mutex_unlock(&timer_lock);
	kshim_tick_changed();
	return i;
}

static void waiter_del(int i)
{
	if (i >= MAX_TIME_WAITERS)
		return;
	pthread_mutex_lock(&timer_lock);
	time_waiters[i].h = NULL;
	while (nr_time_waiters && !time_waiters[nr_time_waiters - 1].h)
		nr_time_waiters--;
	pthread_mutex_unlock(&timer_lock);
}

/*
 * A wait on host lock @h until the clock reaches @end ns since boot: the
 * clock's thread gets it there once the machine is idle.  The real-time
 * deadline is a last resort for tasks kshim cannot see (a test thread in
 * pthread_join() counts as running): as long as the wait plus
 * KSHIM_SPINLOCK_LOCKUP (ten times that under valgrind), after which the
 * waiter moves the clock itself.
 * With KSHIM_CLOCK=real the deadline is the end itself.
 */
static void time_wait_begin_ns(struct kshim_time_wait *w,
			       struct kshim_host_lock *h, u64 end)
{
	u64 now = kshim_clock_ns();

	w->end = max(end, now);
	w->fell_back = false;
	w->may_wait = may_wait_for_timers();
	kshim_deadline_ms(&w->real_end, (w->end - now) / NSEC_PER_MSEC +
			  (kshim_clock_is_real() ? 1 :
			   kshim_spin_lockup_ms() * arch_slowdown()));
	w->slot = kshim_clock_is_real() ? MAX_TIME_WAITERS : waiter_add(h, w->end);
}

void kshim_time_wait_begin(struct kshim_time_wait *w, struct kshim_host_lock *h,
			   long timeout)
{
	u64 rel = kshim_ns_to_rel_jiffies(kshim_clock_ns());

	time_wait_begin_ns(w, h, (rel + (u64)(timeout > 0 ? timeout : 0)) *
				 kshim_tick_ns());
}

bool kshim_time_wait(struct kshim_time_wait *w, struct kshim_host_lock *h)
{
	if (kshim_clock_ns() >= w->end || w->fell_back)
		return false;
	if (!host_wait_until(h, &w->real_end)) {
		w->fell_back = true;
		return false;
	}
	return kshim_clock_ns() < w->end;
}

long kshim_time_wait_end(struct kshim_time_wait *w)
{
	u64 now;

	waiter_del(w->slot);
	if (w->fell_back && !kshim_clock_is_real() && kshim_clock_ns() < w->end)
		advance_to(w->end, w->may_wait, NULL, NULL);
	now = kshim_clock_ns();
	return now >= w->end ? 0 :
	       (long)(kshim_ns_to_rel_jiffies(w->end) - kshim_ns_to_rel_jiffies(now));
}

/*
 * The current task, already in its sleeping state (kshim_block_begin()),
 * sleeps @timeout jiffies of kshim's clock or, if @wakeable, until woken
 * (wake_up_process(), a signal).  Returns the jiffies left, as
 * schedule_timeout() does.  With KSHIM_CLOCK=real the sleeping task runs
 * the timers that fall due meanwhile.
 */
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

/* Sleep until the clock reaches @end ns or, if @wakeable, until woken. */
static void sleep_until_ns(u64 end, bool wakeable)
{
	struct task_struct *t = current;
	struct kshim_time_wait w;

	time_wait_begin_ns(&w, &t->kshim_wake, end);
	host_lock(&t->kshim_wake);
	do {
		if (wakeable && t->kshim_woken) {
			t->kshim_woken = false;
			break;
		}
	} while (kshim_time_wait(&w, &t->kshim_wake));
	host_unlock(&t->kshim_wake);
	kshim_time_wait_end(&w);
}

static long timed_sleep(long timeout, bool wakeable)
{
	u64 end_rel = kshim_ns_to_rel_jiffies(kshim_clock_ns()) + timeout;
	u64 now;

	if (kshim_clock_is_real()) {
		struct sleep_stop stop = { current, wakeable, false };

		advance_to(end_rel * kshim_tick_ns(), may_wait_for_timers(),
			   sleep_woken, &stop);
	} else {
		sleep_until_ns(end_rel * kshim_tick_ns(), wakeable);
	}
	now = kshim_ns_to_rel_jiffies(kshim_clock_ns());
	return now >= end_rel ? 0 : (long)(end_rel - now);
}

/* schedule_timeout()'s sleep (compat/kernel/sched/core.c). */
long kshim_time_sleep(long timeout)
{
	return timed_sleep(timeout > 0 ? timeout : 0, true);
}

void __kshim_msleep(unsigned int msecs, const struct kshim_site *site)
{
	long timeout = kshim_msecs_to_jiffies(msecs) + 1;

	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	while (timeout)
		timeout = timed_sleep(timeout, false);
	kshim_block_end();
}

unsigned long __kshim_msleep_interruptible(unsigned int msecs,
					   const struct kshim_site *site)
{
	long timeout = kshim_msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current)) {
		kshim_block_begin(TASK_INTERRUPTIBLE, site);
		timeout = timed_sleep(timeout, true);
		kshim_block_end();
	}
	return kshim_jiffies_to_msecs(timeout);
}

void __kshim_usleep_range_state(unsigned long min, unsigned long max,
				unsigned int state,
				const struct kshim_site *site)
{
	u64 end = kshim_clock_ns() + (u64)min * NSEC_PER_USEC;

	kshim_block_begin(state, site);
	if (kshim_clock_is_real())
		advance_to(end, may_wait_for_timers(), NULL, NULL);
	else
		while (kshim_clock_ns() < end)
			sleep_until_ns(end, false);
	kshim_block_end();
}

void __kshim_ndelay(unsigned long nsecs)
{
	u64 end = kshim_clock_ns() + nsecs;

	if (kshim_clock_is_real()) {
		while (kshim_clock_ns() < end)
			;
		return;
	}
	advance_to(end, false, NULL, NULL);
}

/* ---- timers: debugobjects (CONFIG_DEBUG_OBJECTS_TIMERS) ---- */

static int delete_sync(struct timer_list *t, bool shutdown,
		       const struct kshim_site *site);

/*
 * timer_debug_hint(): the callback, or for the timer of a delayed work
 * item (struct delayed_work, struct kthread_delayed_work) the work's
 * function: the workqueue code registers its timer function and the
 * offset from the timer to the work's func (kshim_timer_debug_hint()).
 */
#define MAX_TIMER_HINTS 4
static struct {
	void (*function)(struct timer_list *);
	long offset;
} timer_hints[MAX_TIMER_HINTS];
static unsigned int nr_timer_hints;	/* atomic */

void kshim_timer_debug_hint(void (*function)(struct timer_list *),
			    long offset)
{
	unsigned int i = __atomic_load_n(&nr_timer_hints, __ATOMIC_ACQUIRE);

	while (i < MAX_TIMER_HINTS) {
		unsigned int j;

		for (j = 0; j < i; j++)
			if (timer_hints[j].function == function)
				return;
		if (__atomic_compare_exchange_n(&nr_timer_hints, &i, i + 1,
						false, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE)) {
			timer_hints[i].offset = offset;
			__atomic_store_n(&timer_hints[i].function, function,
					 __ATOMIC_RELEASE);
			return;
		}
	}
}

static void *timer_debug_hint(void *addr)
{
	struct timer_list *timer = addr;
	unsigned int i, n = __atomic_load_n(&nr_timer_hints, __ATOMIC_ACQUIRE);

	if (timer->__kshim_ul)
		return (void *)timer->__kshim_function_ul;
	for (i = 0; i < n; i++) {
		void (*fn)(struct timer_list *) =
			__atomic_load_n(&timer_hints[i].function,
					__ATOMIC_ACQUIRE);

		if (fn && fn == timer->function)
			return *(void **)((char *)addr + timer_hints[i].offset);
	}
	return (void *)timer->function;
}

/*
 * DEFINE_TIMER(): never armed, entry.next is TIMER_ENTRY_STATIC.  kshim
 * also takes a timer detached before (entry.next LIST_POISON2) that ODEBUG
 * no longer tracks: a module's or a test's static timer whose record went
 * with an earlier test or module unload, where the kernel would have
 * loaded the module's data afresh (KSHIM_FORK=0, a module loaded again).
 */
static bool timer_is_static_object(void *addr)
{
	struct timer_list *timer = addr;

	return !timer->entry.pprev &&
	       (timer->entry.next == TIMER_ENTRY_STATIC ||
		timer->entry.next == LIST_POISON2);
}

static bool timer_fixup_init(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct timer_list *timer = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	delete_sync(timer, false, site);
	__kshim_debug_object_init(timer, &timer_debug_descr, site);
	return true;
}

/*
 * A timer armed without timer_setup() fires this instead of whatever
 * its memory held: WARN_ON(1), at the line that armed it.
 */
static void stub_timer(struct timer_list *t)
{
	const struct kshim_site *site = READ_ONCE(t->__kshim_armed);

	__kshim_warn(kshim_site_file(site), kshim_site_line(site),
		     site ? site->func : NULL, site ? site->mod : NULL,
		     TAINT_WARN, NULL);
}

static bool timer_fixup_activate(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct timer_list *timer = addr;

	switch (state) {
	case ODEBUG_STATE_NOTAVAILABLE:
		__kshim_init_timer(timer, stub_timer, 0, "timer", site);
		return true;
	case ODEBUG_STATE_ACTIVE:
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     site ? site->func : NULL,
			     site ? site->mod : NULL, TAINT_WARN, NULL);
		fallthrough;
	default:
		return false;
	}
}

static bool timer_fixup_free(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct timer_list *timer = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	delete_sync(timer, false, site);
	__kshim_debug_object_free(timer, &timer_debug_descr, site);
	return true;
}

static bool timer_fixup_assert_init(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct timer_list *timer = addr;

	if (state != ODEBUG_STATE_NOTAVAILABLE)
		return false;
	__kshim_init_timer(timer, stub_timer, 0, "timer", site);
	return true;
}

static const struct debug_obj_descr timer_debug_descr = {
	.name			= "timer_list",
	.debug_hint		= timer_debug_hint,
	.is_static_object	= timer_is_static_object,
	.fixup_init		= timer_fixup_init,
	.fixup_activate		= timer_fixup_activate,
	.fixup_free		= timer_fixup_free,
	.fixup_assert_init	= timer_fixup_assert_init,
};

static void debug_assert_init(struct timer_list *t,
			      const struct kshim_site *site)
{
	__kshim_debug_object_assert_init(t, &timer_debug_descr, site);
}

void __kshim_destroy_timer_on_stack(struct timer_list *timer,
				    const struct kshim_site *site)
{
	__kshim_debug_object_free(timer, &timer_debug_descr, site);
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

static void do_init_timer(struct timer_list *timer,
		       void (*func)(struct timer_list *), unsigned int flags,
		       const struct kshim_site *site)
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

/* init_timer_key(): debug_init(), then do_init_timer(). */
void __kshim_init_timer(struct timer_list *timer,
			void (*func)(struct timer_list *), unsigned int flags,
			const char *name, const struct kshim_site *site)
{
	__kshim_debug_object_init(timer, &timer_debug_descr, site);
	do_init_timer(timer, func, flags, site);
}

void __kshim_init_timer_on_stack(struct timer_list *timer,
				 void (*func)(struct timer_list *),
				 unsigned int flags, const char *name,
				 const struct kshim_site *site)
{
	__kshim_debug_object_init_on_stack(timer, &timer_debug_descr, site);
	do_init_timer(timer, func, flags, site);
}

void init_timer_on_stack_key(struct timer_list *timer,
			     void (*func)(struct timer_list *),
			     unsigned int flags, const char *name, void *key)
{
	__kshim_init_timer_on_stack(timer, func, flags, name,
				    __KSHIM_CALLSITE);
}

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, void *key)
{
	__kshim_init_timer(timer, func, flags, name, __KSHIM_CALLSITE);
}

static void do_init_timer_ul(struct timer_list *timer,
			  void (*func)(unsigned long), unsigned long data,
			  unsigned int flags, const struct kshim_site *site)
{
	timer_init(timer, flags & TIMER_INIT_FLAGS, site);
	timer->__kshim_function_ul = func;
	timer->__kshim_data = data;
	timer->__kshim_ul = true;
}

void __kshim_init_timer_ul(struct timer_list *timer,
			   void (*func)(unsigned long), unsigned long data,
			   unsigned int flags, const struct kshim_site *site)
{
	__kshim_debug_object_init(timer, &timer_debug_descr, site);
	do_init_timer_ul(timer, func, data, flags, site);
}

void __kshim_init_timer_ul_on_stack(struct timer_list *timer,
				    void (*func)(unsigned long),
				    unsigned long data, unsigned int flags,
				    const struct kshim_site *site)
{
	__kshim_debug_object_init_on_stack(timer, &timer_debug_descr, site);
	do_init_timer_ul(timer, func, data, flags, site);
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

	/* A pending timer was activated when armed: ODEBUG knows it. */
	if (!timer_pending(t))
		debug_assert_init(t, site);
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
	/* debug_timer_activate() */
	__kshim_debug_object_activate(t, &timer_debug_descr, site);
	enqueue_locked(t, due_rel(expires, kshim_ns_to_rel_jiffies(kshim_clock_ns())),
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

	debug_assert_init(timer, site);
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

	debug_assert_init(timer, site);
	if (unlikely(timer_pending(timer))) {
		warn_once_at(&warned, site);
		return;
	}
	if (cpu < 0 || cpu >= NR_CPUS || !cpu_possible(cpu))
		cpu = raw_smp_processor_id();
	__mod_timer(timer, timer->expires, MOD_TIMER_NOTPENDING, cpu, site);
}

int __kshim_timer_delete(struct timer_list *timer,
			 const struct kshim_site *site)
{
	int ret = 0;

	if (!timer_pending(timer)) {
		debug_assert_init(timer, site);
		return 0;
	}
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
	static const struct kshim_site site = {
		"try_to_del_timer_sync", 0, "try_to_del_timer_sync", NULL
	};
	int ret;

	debug_assert_init(timer, &site);
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

	debug_assert_init(t, site);
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
			kshim_lockup_die(site, KERN_EMERG "kshim: del_timer_sync() at %s:%d waits for ever: it is called from the timer's own callback %ps on CPU#%u\n",
					 site->file, site->line,
					 t->__kshim_ul ?
					 (void *)t->__kshim_function_ul :
					 (void *)t->function, on);
		}
		if (pthread_cond_timedwait(&timer_done, &timer_lock,
					   &deadline) == ETIMEDOUT) {
			pthread_mutex_unlock(&timer_lock);
			kshim_lockup_die(site, KERN_EMERG "kshim: del_timer_sync() at %s:%d waits for ever: the callback %ps still runs on CPU#%u (for %lu ms)\n",
					 site->file, site->line,
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
	static const struct kshim_site site = {
		"timer_shutdown", 0, "timer_shutdown", NULL
	};
	int ret;

	debug_assert_init(timer, &site);
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
#undef destroy_timer_on_stack

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
	return __kshim_timer_delete(timer, __KSHIM_CALLSITE);
}

void destroy_timer_on_stack(struct timer_list *timer)
{
	__kshim_destroy_timer_on_stack(timer, __KSHIM_CALLSITE);
}

int timer_shutdown_sync(struct timer_list *timer)
{
	return __kshim_timer_shutdown_sync(timer, __KSHIM_CALLSITE);
}

/*
 * Module @mod is unloaded: a timer it armed that is still pending is
 * reported as the kernel reports a timer in freed module memory, ODEBUG's
 * "free active" (at the line that armed it), and cancelled.  kshim does
 * not know which memory is a module's: the arming line's KBUILD_MODNAME
 * stands for it.
 */
void kshim_timers_module_unload(const char *mod)
{
	struct { struct timer_list *t; const struct kshim_site *site; } *v;
	size_t n = 0, cap = 0, i;
	unsigned int cpu;

	if (!mod)
		return;
	pthread_mutex_lock(&timer_lock);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_rec *lists[2] = { bases[cpu].pending,
					       bases[cpu].expired };

		for (i = 0; i < 2; i++) {
			struct timer_rec *r;

			for (r = lists[i]; r; r = r->next) {
				if (!r->site || !r->site->mod ||
				    strcmp(r->site->mod, mod))
					continue;
				cap++;
			}
		}
	}
	v = cap ? calloc(cap, sizeof(*v)) : NULL;
	for (cpu = 0; v && cpu < NR_CPUS; cpu++) {
		struct timer_rec *lists[2] = { bases[cpu].pending,
					       bases[cpu].expired };

		for (i = 0; i < 2; i++) {
			struct timer_rec *r;

			for (r = lists[i]; r && n < cap; r = r->next) {
				if (!r->site || !r->site->mod ||
				    strcmp(r->site->mod, mod))
					continue;
				v[n].t = r->t;
				v[n].site = r->site;
				n++;
			}
		}
	}
	pthread_mutex_unlock(&timer_lock);
	for (i = 0; i < n; i++)
		__kshim_debug_check_no_obj_freed(v[i].t, sizeof(*v[i].t),
						 v[i].site);
	free(v);
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
	unsigned int hz = kshim_hz();
	unsigned long original = j, rem = j % hz;

	if (rem < hz / 4 && !force_up)
		j = j - rem;
	else
		j = j - rem + hz;
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
	u64 now_rel = kshim_ns_to_rel_jiffies(kshim_clock_ns());
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

	kshim_clock_boot();
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
		bases[cpu].expired_tail = NULL;
	}
	heap_len = 0;
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
