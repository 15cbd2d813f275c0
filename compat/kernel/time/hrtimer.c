// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/hrtimer.c - high-resolution timers on kshim's clock.
 *
 * Reproduces kernel/time/hrtimer.c of 6.1 (CONFIG_HIGH_RES_TIMERS,
 * CONFIG_DEBUG_OBJECTS_TIMERS, not PREEMPT_RT; linux/hrtimer.h):
 *  - each CPU has eight clock bases (MONOTONIC, REALTIME, BOOTTIME, TAI,
 *    then the same for _SOFT timers), each a queue ordered by expiry; a
 *    timer is armed on the caller's CPU, or stays on the CPU where its
 *    callback runs now (switch_hrtimer_base()), and never migrates;
 *  - kshim's clock moves on in steps (timer.c, advance_to()): each step
 *    goes to the next timer-wheel jiffy or hrtimer expiry, whichever is
 *    first (kshim_hrtimer_next_ns()); at each step kshim_hrtimer_expire()
 *    sends the hrtimer interrupt to every CPU with a timer due, as its
 *    clock event device would: a function-call IPI, run in hardirq context
 *    on that CPU (compat/kernel/smp.c).  The interrupt raises
 *    HRTIMER_SOFTIRQ when a _SOFT timer is due and runs the hard ones whose
 *    soft expiry has passed, in order, as hrtimer_interrupt() does; the
 *    softirq runs the _SOFT ones (hrtimer_run_softirq());
 *  - __run_hrtimer(): the timer is dequeued, base->running set, the
 *    callback runs without the lock, and HRTIMER_RESTART queues it again
 *    at its (forwarded) expiry unless it was started meanwhile;
 *  - the checks: hrtimer_start_range_ns()'s two WARN_ON_ONCE()s,
 *    hrtimer_forward()'s WARN_ON(), hrtimer_clockid_to_base()'s "Invalid
 *    clockid" WARN, debugobjects (debug_hrtimer_init/activate/deactivate,
 *    the "hrtimer" object type and its fixups), all at the caller's line;
 *    kshim's own where the kernel hangs or says nothing: hrtimer_cancel()
 *    that can never return ("lockup"), a callback that returns with its
 *    context changed ("context"), a timer queued at a test's end (ledger).
 * The queues hold kshim's records, found by the timer's address, never
 * links inside the timer: a timer freed or overwritten while queued
 * cannot corrupt them, and the ledger still names the line that armed it.
 * One host lock guards them all; callbacks run without it.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/debugobjects.h>
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <kshim/ledger.h>
#include <kshim/report.h>
#include <kshim/time.h>

#include "arch/fault.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/sched/sched.h"
#include "kernel/time/hrtimer_internal.h"
#include "kernel/time/tick.h"

unsigned int hrtimer_resolution = HIGH_RES_NSEC;

/* compat/kernel/softirq.c, compat/kernel/smp.c */
void kshim_raise_softirq_on(int cpu, unsigned int nr);
void kshim_send_call(int cpu, smp_call_func_t func, void *info);

#define HRTIMER_SOFT_BASE	(HRTIMER_MAX_CLOCK_BASES / 2)

/* A queued timer, as kshim keeps it. */
struct hrt_rec {
	struct timerqueue_node node;	/* expires: hard expiry, monotonic */
	s64 soft;			/* soft expiry, monotonic */
	struct hrtimer *timer;
	void *fn;			/* its callback when armed */
	const struct kshim_site *site;	/* the arming line */
	struct hrtimer_clock_base *base;
	struct hrt_rec *hnext;		/* the timer-address hash chain */
};

/* What kshim adds to a CPU's bases; under hrt_lock. */
struct hrt_cpu {
	bool irq_queued;		/* its hrtimer interrupt is sent */
	bool irq_running;		/* ... and runs */
	bool softirq_raised;		/* HRTIMER_SOFTIRQ is raised */
	bool softirq_running;		/* ... and runs */
	pthread_t running_thread;	/* the thread running a callback */
	bool has_running_thread;
};

static struct hrtimer_cpu_base hrtimer_bases[NR_CPUS];
static struct hrt_cpu hrt_cpus[NR_CPUS];
static pthread_mutex_t hrt_lock = PTHREAD_MUTEX_INITIALIZER;
/* An interrupt or softirq finished, or a callback returned. */
static pthread_cond_t hrt_done = PTHREAD_COND_INITIALIZER;
static long nr_queued;			/* records in the queues */

#define REC_HASH_BITS	10
static struct hrt_rec *rec_hash[1 << REC_HASH_BITS];

static unsigned int rec_bucket(const struct hrtimer *timer)
{
	return (unsigned int)(((unsigned long)timer >> 4) *
			      0x9E3779B97F4A7C15UL >> (64 - REC_HASH_BITS));
}

/* hrt_lock held: @timer's record, NULL if it is not queued. */
static struct hrt_rec *rec_of(const struct hrtimer *timer)
{
	struct hrt_rec *r;

	for (r = rec_hash[rec_bucket(timer)]; r; r = r->hnext)
		if (r->timer == timer)
			return r;
	return NULL;
}

static void rec_hash_del(struct hrt_rec *rec)
{
	struct hrt_rec **p = &rec_hash[rec_bucket(rec->timer)];

	while (*p != rec)
		p = &(*p)->hnext;
	*p = rec->hnext;
}

/* ---- the clocks ---- */

static ktime_t get_real(void)
{
	return ktime_get_real();
}

static ktime_t get_boottime(void)
{
	return ktime_get_boottime();
}

static ktime_t get_clocktai(void)
{
	return ktime_get_clocktai();
}

static const struct {
	clockid_t clockid;
	ktime_t (*get_time)(void);
} clocks[HRTIMER_SOFT_BASE] = {
	[HRTIMER_BASE_MONOTONIC] = { CLOCK_MONOTONIC, ktime_get },
	[HRTIMER_BASE_REALTIME] = { CLOCK_REALTIME, get_real },
	[HRTIMER_BASE_BOOTTIME] = { CLOCK_BOOTTIME, get_boottime },
	[HRTIMER_BASE_TAI] = { CLOCK_TAI, get_clocktai },
};

/* The base's clock minus CLOCK_MONOTONIC (constant: kshim never sets it). */
static ktime_t base_offset(unsigned int index)
{
	switch (index % HRTIMER_SOFT_BASE) {
	case HRTIMER_BASE_REALTIME:
		return ktime_mono_to_any(0, TK_OFFS_REAL);
	case HRTIMER_BASE_TAI:
		return ktime_mono_to_any(0, TK_OFFS_TAI);
	default:
		return 0;
	}
}

static void bases_init(void)
{
	unsigned int cpu, i;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct hrtimer_cpu_base *cb = &hrtimer_bases[cpu];

		cb->cpu = cpu;
		cb->hres_active = 1;
		cb->online = 1;
		cb->expires_next = KTIME_MAX;
		cb->softirq_expires_next = KTIME_MAX;
		for (i = 0; i < HRTIMER_MAX_CLOCK_BASES; i++) {
			struct hrtimer_clock_base *b = &cb->clock_base[i];

			b->cpu_base = cb;
			b->index = i;
			b->clockid = clocks[i % HRTIMER_SOFT_BASE].clockid;
			b->get_time = clocks[i % HRTIMER_SOFT_BASE].get_time;
			b->offset = base_offset(i);
			timerqueue_init_head(&b->active);
		}
	}
}

/* @base is one of kshim's: the timer was initialised. */
static bool base_valid(const struct hrtimer_clock_base *base)
{
	unsigned long first = (unsigned long)&hrtimer_bases[0];
	unsigned long b = (unsigned long)base, rem;

	if (b < first || b >= (unsigned long)&hrtimer_bases[NR_CPUS])
		return false;
	rem = (b - first) % sizeof(struct hrtimer_cpu_base);
	if (rem < offsetof(struct hrtimer_cpu_base, clock_base))
		return false;
	rem -= offsetof(struct hrtimer_cpu_base, clock_base);
	return rem % sizeof(struct hrtimer_clock_base) == 0 &&
	       rem / sizeof(struct hrtimer_clock_base) < HRTIMER_MAX_CLOCK_BASES;
}

/*
 * A timer never initialised (its base not one of the clock bases): the
 * kernel dereferences the base in lock_hrtimer_base() and oopses there.
 */
static void check_base(const struct hrtimer *timer,
		       const struct kshim_site *site)
{
	const struct hrtimer_clock_base *base = READ_ONCE(timer->base);

	if (likely(base_valid(base)))
		return;
	arch_oops_at((unsigned long)base +
		     offsetof(struct hrtimer_clock_base, cpu_base), false,
		     site ? site->file : NULL, site ? site->line : 0,
		     site ? site->func : NULL);
}

/* ---- debugobjects ---- */

static const struct debug_obj_descr hrtimer_debug_descr;

static void *hrtimer_debug_hint(void *addr)
{
	return ((struct hrtimer *)addr)->function;
}

/* Initialising an active timer: cancel it first. */
static bool hrtimer_fixup_init(void *addr, enum debug_obj_state state)
{
	struct hrtimer *timer = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	hrtimer_cancel(timer);
	debug_object_init(timer, &hrtimer_debug_descr);
	return true;
}

/* Activating an active one is a bug; an unknown one is left as it is. */
static bool hrtimer_fixup_activate(void *addr, enum debug_obj_state state)
{
	if (state == ODEBUG_STATE_ACTIVE)
		WARN_ON(1);
	return false;
}

/* Freeing an active timer: cancel it. */
static bool hrtimer_fixup_free(void *addr, enum debug_obj_state state)
{
	struct hrtimer *timer = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	hrtimer_cancel(timer);
	debug_object_free(timer, &hrtimer_debug_descr);
	return true;
}

static const struct debug_obj_descr hrtimer_debug_descr = {
	.name		= "hrtimer",
	.debug_hint	= hrtimer_debug_hint,
	.fixup_init	= hrtimer_fixup_init,
	.fixup_activate	= hrtimer_fixup_activate,
	.fixup_free	= hrtimer_fixup_free,
};

static void debug_hrtimer_activate(struct hrtimer *timer,
				   const struct kshim_site *site)
{
	__kshim_debug_object_activate(timer, &hrtimer_debug_descr, site);
}

static void debug_hrtimer_deactivate(struct hrtimer *timer,
				     const struct kshim_site *site)
{
	__kshim_debug_object_deactivate(timer, &hrtimer_debug_descr, site);
}

/* ---- queueing (hrt_lock held) ---- */

static void enqueue_locked(struct hrtimer *timer,
			   struct hrtimer_clock_base *base,
			   const struct kshim_site *site)
{
	struct hrt_rec *rec = malloc(sizeof(*rec));
	ktime_t offset = base_offset(base->index);
	unsigned int b;

	if (!rec) {
		fprintf(stderr, "kshim: out of host memory for an hrtimer\n");
		abort();
	}
	debug_hrtimer_activate(timer, site);
	rec->node.expires = ktime_sub(timer->node.expires, offset);
	rec->soft = ktime_sub(timer->_softexpires, offset);
	rec->timer = timer;
	rec->fn = (void *)timer->function;
	rec->site = site;
	rec->base = base;
	timerqueue_init(&rec->node);
	timerqueue_add(&base->active, &rec->node);
	base->cpu_base->active_bases |= 1U << base->index;
	b = rec_bucket(timer);
	rec->hnext = rec_hash[b];
	rec_hash[b] = rec;
	nr_queued++;
	timer->__kshim_armed = site;
	WRITE_ONCE(timer->state, HRTIMER_STATE_ENQUEUED);
}

/* Take @rec off its queue; the timer's state becomes @state. */
static void dequeue_locked(struct hrt_rec *rec, u8 state)
{
	struct hrtimer_clock_base *base = rec->base;

	if (!timerqueue_del(&base->active, &rec->node))
		base->cpu_base->active_bases &= ~(1U << base->index);
	rec_hash_del(rec);
	nr_queued--;
	WRITE_ONCE(rec->timer->state, state);
	free(rec);
}

/* remove_hrtimer(): 1 if it was queued. */
static int remove_locked(struct hrtimer *timer, u8 state,
			 const struct kshim_site *site)
{
	struct hrt_rec *rec = rec_of(timer);

	if (!rec) {
		/* Not queued (a copy of a queued timer says it is). */
		if (READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED)
			WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
		return 0;
	}
	debug_hrtimer_deactivate(timer, site);
	dequeue_locked(rec, state);
	return 1;
}

/* hrtimer_clockid_to_base() */
static int clockid_to_base(clockid_t clock_id, const struct kshim_site *site)
{
	switch (clock_id) {
	case CLOCK_MONOTONIC:
		return HRTIMER_BASE_MONOTONIC;
	case CLOCK_REALTIME:
		return HRTIMER_BASE_REALTIME;
	case CLOCK_BOOTTIME:
		return HRTIMER_BASE_BOOTTIME;
	case CLOCK_TAI:
		return HRTIMER_BASE_TAI;
	}
	__kshim_warn(site->file, site->line, site->func, site->mod, TAINT_WARN,
		     "Invalid clockid %d. Using MONOTONIC\n", clock_id);
	return HRTIMER_BASE_MONOTONIC;
}

/* ---- initialisation ---- */

static void __hrtimer_init(struct hrtimer *timer, clockid_t clock_id,
			   enum hrtimer_mode mode,
			   const struct kshim_site *site)
{
	bool softtimer = !!(mode & HRTIMER_MODE_SOFT);
	int base;

	memset(timer, 0, sizeof(*timer));
	/* A relative CLOCK_REALTIME timer ignores clock changes (POSIX). */
	if (clock_id == CLOCK_REALTIME && (mode & HRTIMER_MODE_REL))
		clock_id = CLOCK_MONOTONIC;
	base = (softtimer ? HRTIMER_SOFT_BASE : 0) +
	       clockid_to_base(clock_id, site);
	timer->is_soft = softtimer;
	timer->is_hard = !!(mode & HRTIMER_MODE_HARD);
	timer->base = &hrtimer_bases[raw_smp_processor_id()].clock_base[base];
	timerqueue_init(&timer->node);
}

void __kshim_hrtimer_init(struct hrtimer *timer, clockid_t clock_id,
			  enum hrtimer_mode mode, bool onstack,
			  const struct kshim_site *site)
{
	kshim_ensure_booted();
	if (onstack)
		__kshim_debug_object_init_on_stack(timer, &hrtimer_debug_descr,
						   site);
	else
		__kshim_debug_object_init(timer, &hrtimer_debug_descr, site);
	__hrtimer_init(timer, clock_id, mode, site);
}

static enum hrtimer_restart hrtimer_wakeup(struct hrtimer *timer)
{
	struct hrtimer_sleeper *t =
		container_of(timer, struct hrtimer_sleeper, timer);
	struct task_struct *task = READ_ONCE(t->task);

	WRITE_ONCE(t->task, NULL);
	if (task)
		wake_up_process(task);
	return HRTIMER_NORESTART;
}

void __kshim_hrtimer_init_sleeper(struct hrtimer_sleeper *sl,
				  clockid_t clock_id, enum hrtimer_mode mode,
				  bool onstack, const struct kshim_site *site)
{
	__kshim_hrtimer_init(&sl->timer, clock_id, mode, onstack, site);
	sl->timer.function = hrtimer_wakeup;
	sl->task = current;
}

void __kshim_destroy_hrtimer_on_stack(struct hrtimer *timer,
				      const struct kshim_site *site)
{
	__kshim_debug_object_free(timer, &hrtimer_debug_descr, site);
}

/* 6.13's hrtimer_setup(): a NULL callback is a WARN, then a dummy. */
static enum hrtimer_restart hrtimer_dummy_timeout(struct hrtimer *unused)
{
	return HRTIMER_NORESTART;
}

void __kshim_hrtimer_setup(struct hrtimer *timer,
			   enum hrtimer_restart (*function)(struct hrtimer *),
			   clockid_t clock_id, enum hrtimer_mode mode,
			   bool onstack, const struct kshim_site *site);
void __kshim_hrtimer_setup(struct hrtimer *timer,
			   enum hrtimer_restart (*function)(struct hrtimer *),
			   clockid_t clock_id, enum hrtimer_mode mode,
			   bool onstack, const struct kshim_site *site)
{
	__kshim_hrtimer_init(timer, clock_id, mode, onstack, site);
	if (unlikely(!function)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		function = hrtimer_dummy_timeout;
	}
	timer->function = function;
}

/* ---- arming, cancelling ---- */

static void warn_once_at(bool *done, const struct kshim_site *site)
{
	if (!__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
}

void __kshim_hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim,
				    u64 delta_ns, const enum hrtimer_mode mode,
				    const struct kshim_site *site)
{
	static bool warned_fn, warned_soft;
	struct hrtimer_clock_base *base, *new_base;
	unsigned int cpu;

	if (unlikely(!timer->function)) {
		warn_once_at(&warned_fn, site);
		return;
	}
	/* The mode's SOFT bit must say what hrtimer_init() said. */
	if (!(mode & HRTIMER_MODE_SOFT) ^ !timer->is_soft)
		warn_once_at(&warned_soft, site);
	check_base(timer, site);

	pthread_mutex_lock(&hrt_lock);
	base = timer->base;
	remove_locked(timer, HRTIMER_STATE_ENQUEUED, site);
	if (mode & HRTIMER_MODE_REL)
		tim = ktime_add_safe(tim, base->get_time());
	hrtimer_set_expires_range_ns(timer, tim, delta_ns);
	/*
	 * switch_hrtimer_base(): to this CPU, unless the callback runs now
	 * (then it stays where it runs).  kshim never picks another CPU.
	 */
	cpu = READ_ONCE(base->running) == timer ? base->cpu_base->cpu :
						  raw_smp_processor_id();
	new_base = &hrtimer_bases[cpu].clock_base[base->index];
	WRITE_ONCE(timer->base, new_base);
	enqueue_locked(timer, new_base, site);
	pthread_mutex_unlock(&hrt_lock);
	kshim_tick_changed();
}

int __kshim_hrtimer_try_to_cancel(struct hrtimer *timer,
				  const struct kshim_site *site)
{
	struct hrtimer_clock_base *base;
	int ret;

	check_base(timer, site);
	pthread_mutex_lock(&hrt_lock);
	base = timer->base;
	if (READ_ONCE(base->running) == timer)
		ret = -1;
	else
		ret = remove_locked(timer, HRTIMER_STATE_INACTIVE, site);
	pthread_mutex_unlock(&hrt_lock);
	return ret;
}

int __kshim_hrtimer_cancel(struct hrtimer *timer,
			   const struct kshim_site *site)
{
	struct timespec deadline;
	int ret;

	kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
	for (;;) {
		struct hrtimer_clock_base *base;
		unsigned int on;

		ret = __kshim_hrtimer_try_to_cancel(timer, site);
		if (ret >= 0)
			return ret;
		/* hrtimer_cancel_wait_running(): the kernel spins. */
		pthread_mutex_lock(&hrt_lock);
		base = timer->base;
		on = base->cpu_base->cpu;
		while (READ_ONCE(base->running) == timer) {
			struct hrt_cpu *hc = &hrt_cpus[on];

			if (hc->has_running_thread &&
			    pthread_equal(hc->running_thread, pthread_self())) {
				pthread_mutex_unlock(&hrt_lock);
				kshim_lockup_die(site, KERN_EMERG "kshim: hrtimer_cancel() at %s:%d waits for ever: it is called from the timer's own callback %ps on CPU#%u (or from an interrupt of it)\n",
						 kshim_site_file(site),
						 kshim_site_line(site),
						 (void *)timer->function, on);
			}
			if (pthread_cond_timedwait(&hrt_done, &hrt_lock,
						   &deadline) == ETIMEDOUT &&
			    READ_ONCE(base->running) == timer) {
				pthread_mutex_unlock(&hrt_lock);
				kshim_lockup_die(site, KERN_EMERG "kshim: hrtimer_cancel() at %s:%d waits for ever: the callback %ps still runs on CPU#%u (for %lu ms)\n",
						 kshim_site_file(site),
						 kshim_site_line(site),
						 (void *)timer->function, on,
						 kshim_spin_lockup_ms());
			}
			base = timer->base;
			on = base->cpu_base->cpu;
		}
		pthread_mutex_unlock(&hrt_lock);
	}
}

u64 __kshim_hrtimer_forward(struct hrtimer *timer, ktime_t now,
			    ktime_t interval, const struct kshim_site *site)
{
	ktime_t delta = ktime_sub(now, hrtimer_get_expires(timer));
	u64 orun = 1;

	if (delta < 0)
		return 0;
	if (READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED) {
		/* WARN_ON(): forwarding a queued timer corrupts its queue. */
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
		return 0;
	}
	if (interval < hrtimer_resolution)
		interval = hrtimer_resolution;
	if (unlikely(delta >= interval)) {
		/* Whole intervals first; one more unless past @now already. */
		orun = (u64)(delta / interval);
		hrtimer_add_expires_ns(timer, (u64)interval * orun);
		if (hrtimer_get_expires_tv64(timer) > now)
			return orun;
		orun++;
	}
	hrtimer_add_expires(timer, interval);
	return orun;
}

/* ---- queries ---- */

bool hrtimer_active(const struct hrtimer *timer)
{
	bool active;

	pthread_mutex_lock(&hrt_lock);
	active = READ_ONCE(timer->state) != HRTIMER_STATE_INACTIVE ||
		 READ_ONCE(timer->base->running) == timer;
	pthread_mutex_unlock(&hrt_lock);
	return active;
}

ktime_t __hrtimer_get_remaining(const struct hrtimer *timer, bool adjust)
{
	ktime_t rem;

	pthread_mutex_lock(&hrt_lock);
	rem = adjust ? hrtimer_expires_remaining_adjusted(timer) :
		       hrtimer_expires_remaining(timer);
	pthread_mutex_unlock(&hrt_lock);
	return rem;
}

/* hrt_lock held: the first hard expiry of @cb's bases [@from, @to). */
static s64 first_expiry_locked(struct hrtimer_cpu_base *cb, unsigned int from,
			       unsigned int to, const struct hrtimer *exclude)
{
	s64 best = KTIME_MAX;
	unsigned int i;

	for (i = from; i < to; i++) {
		struct timerqueue_node *n;

		if (!(cb->active_bases & (1U << i)))
			continue;
		for (n = timerqueue_getnext(&cb->clock_base[i].active); n;
		     n = timerqueue_iterate_next(n)) {
			if (container_of(n, struct hrt_rec, node)->timer ==
			    exclude)
				continue;
			if (n->expires < best)
				best = n->expires;
			break;
		}
	}
	return best;
}

u64 hrtimer_get_next_event(void)
{
	s64 next;

	pthread_mutex_lock(&hrt_lock);
	next = first_expiry_locked(&hrtimer_bases[raw_smp_processor_id()], 0,
				   HRTIMER_MAX_CLOCK_BASES, NULL);
	pthread_mutex_unlock(&hrt_lock);
	return next;
}

u64 hrtimer_next_event_without(const struct hrtimer *exclude)
{
	s64 next;

	pthread_mutex_lock(&hrt_lock);
	next = first_expiry_locked(&hrtimer_bases[raw_smp_processor_id()], 0,
				   HRTIMER_MAX_CLOCK_BASES, exclude);
	pthread_mutex_unlock(&hrt_lock);
	return next;
}

/* ---- expiry ---- */

/*
 * Call one callback in the CPU's context (hardirq, or HRTIMER_SOFTIRQ).
 * What it leaves changed (preempt_count, locks, kmaps, the interrupt
 * flag) is a "context" report naming it, and is put back as the kernel's
 * interrupt exit would find it expected (locks and kmaps stay).
 */
static enum hrtimer_restart call_hrtimer_fn(struct hrtimer *timer,
					    enum hrtimer_restart (*fn)(struct hrtimer *),
					    bool hard,
					    const struct kshim_site *armed)
{
	struct thread_info *ti = current_thread_info();
	struct kshim_ctx_mark mark;
	const struct kshim_site *site;
	enum hrtimer_restart restart;
	bool irqs_off_before = irqs_disabled(), irqs_moved;
	int entered;

	kshim_ctx_mark(&mark);
	entered = preempt_count();
	if (entered == (hard ? HARDIRQ_OFFSET : SOFTIRQ_OFFSET)) {
		/* "Preemption disabled at:" names the callback. */
		ti->preempt_disable_site = NULL;
		ti->preempt_disable_ip = (unsigned long)fn;
	}
	restart = fn(timer);
	irqs_moved = irqs_disabled() != irqs_off_before;
	if (!kshim_ctx_moved(&mark) && !irqs_moved)
		return restart;
	kshim_report_begin(KSHIM_REPORT_CONTEXT, NULL, 0, NULL);
	if (!hard && preempt_count() != entered)
		printk(KERN_ERR "huh, entered softirq %u %s %p with preempt_count %08x, exited with %08x?\n",
		       HRTIMER_SOFTIRQ, "HRTIMER",
		       (void *)kshim_run_hrtimer_softirq, entered,
		       preempt_count());
	printk(KERN_ERR "kshim: %s hrtimer callback %ps returned with preempt_count %08x, entered with %08x\n",
	       hard ? "hardirq" : "softirq", (void *)fn, preempt_count(),
	       entered);
	if (irqs_moved)
		printk(KERN_ERR "kshim: hrtimer callback %ps returned with interrupts %s\n",
		       (void *)fn, irqs_off_before ? "enabled" : "disabled");
	site = kshim_ctx_explain(&mark, armed);
	if (site)
		kshim_report_set_site(site->file, site->line, site->func);
	kshim_report_end();
	preempt_count_set(mark.preempt_count);
	if (irqs_moved) {
		if (irqs_off_before)
			arch_local_irq_disable();
		else
			arch_local_irq_enable();
	}
	return restart;
}

/* __run_hrtimer(): hrt_lock held, dropped around the callback. */
static void run_one_locked(struct hrt_cpu *hc, struct hrtimer_clock_base *base,
			   struct hrt_rec *rec, bool hard)
{
	struct hrtimer *timer = rec->timer;
	const struct kshim_site *site = rec->site;
	enum hrtimer_restart (*fn)(struct hrtimer *) = timer->function;
	enum hrtimer_restart restart;

	debug_hrtimer_deactivate(timer, site);
	WRITE_ONCE(base->running, timer);
	dequeue_locked(rec, HRTIMER_STATE_INACTIVE);
	hc->running_thread = pthread_self();
	hc->has_running_thread = true;
	pthread_mutex_unlock(&hrt_lock);

	if (unlikely(!fn))
		/* The kernel calls through the NULL pointer. */
		arch_oops_at(0, false, site ? site->file : NULL,
			     site ? site->line : 0, site ? site->func : NULL);
	restart = call_hrtimer_fn(timer, fn, hard, site);

	pthread_mutex_lock(&hrt_lock);
	/* Not if it was started meanwhile (then it is queued already). */
	if (restart != HRTIMER_NORESTART &&
	    !(READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED))
		enqueue_locked(timer, base, site);
	hc->has_running_thread = false;
	WRITE_ONCE(base->running, NULL);
	pthread_cond_broadcast(&hrt_done);
}

/* __hrtimer_run_queues() for bases [@from, @to) of this CPU. */
static void run_queues_locked(unsigned int cpu, unsigned int from,
			      unsigned int to, bool hard)
{
	struct hrtimer_cpu_base *cb = &hrtimer_bases[cpu];
	s64 now = (s64)kshim_clock_ns();
	unsigned int i;

	for (i = from; i < to; i++) {
		struct hrtimer_clock_base *base = &cb->clock_base[i];
		struct timerqueue_node *n;

		while ((n = timerqueue_getnext(&base->active))) {
			struct hrt_rec *rec = container_of(n, struct hrt_rec,
							   node);

			/* Ordered by hard expiry; run once the range began. */
			if (now < rec->soft)
				break;
			run_one_locked(&hrt_cpus[cpu], base, rec, hard);
		}
	}
}

/* The earliest expiry among @cb's bases [@from, @to), as next_ns wants. */
static s64 first_due_locked(struct hrtimer_cpu_base *cb, unsigned int from,
			    unsigned int to)
{
	s64 t = first_expiry_locked(cb, from, to, NULL);

	return t < 0 ? 0 : t;
}

/* hrtimer_interrupt(): in hardirq context on the CPU it was sent to. */
static void hrtimer_interrupt(void *unused)
{
	unsigned int cpu = raw_smp_processor_id();
	struct hrtimer_cpu_base *cb = &hrtimer_bases[cpu];
	struct hrt_cpu *hc = &hrt_cpus[cpu];
	bool raise = false;

	pthread_mutex_lock(&hrt_lock);
	hc->irq_queued = false;
	hc->irq_running = true;
	cb->in_hrtirq = 1;
	if (!hc->softirq_raised &&
	    first_due_locked(cb, HRTIMER_SOFT_BASE, HRTIMER_MAX_CLOCK_BASES) <=
	    (s64)kshim_clock_ns()) {
		hc->softirq_raised = true;
		cb->softirq_activated = 1;
		raise = true;
	}
	pthread_mutex_unlock(&hrt_lock);
	if (raise)
		kshim_raise_softirq_on(cpu, HRTIMER_SOFTIRQ);
	pthread_mutex_lock(&hrt_lock);
	run_queues_locked(cpu, 0, HRTIMER_SOFT_BASE, true);
	cb->in_hrtirq = 0;
	hc->irq_running = false;
	pthread_cond_broadcast(&hrt_done);
	pthread_mutex_unlock(&hrt_lock);
}

void kshim_run_hrtimer_softirq(void)
{
	unsigned int cpu = raw_smp_processor_id();
	struct hrt_cpu *hc = &hrt_cpus[cpu];

	pthread_mutex_lock(&hrt_lock);
	hc->softirq_raised = false;
	hc->softirq_running = true;
	run_queues_locked(cpu, HRTIMER_SOFT_BASE, HRTIMER_MAX_CLOCK_BASES,
			  false);
	hc->softirq_running = false;
	hrtimer_bases[cpu].softirq_activated = 0;
	pthread_cond_broadcast(&hrt_done);
	pthread_mutex_unlock(&hrt_lock);
}

s64 kshim_hrtimer_next_ns(void)
{
	s64 best = -1;
	unsigned int cpu;

	pthread_mutex_lock(&hrt_lock);
	if (!nr_queued)
		goto out;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct hrtimer_cpu_base *cb = &hrtimer_bases[cpu];
		struct hrt_cpu *hc = &hrt_cpus[cpu];
		s64 t;

		/* Those the CPU was told to run are its business now. */
		if (!cb->active_bases || hc->irq_queued)
			continue;
		t = first_due_locked(cb, 0, hc->softirq_raised ?
					    HRTIMER_SOFT_BASE :
					    HRTIMER_MAX_CLOCK_BASES);
		if (t != KTIME_MAX && (best < 0 || t < best))
			best = t;
	}
out:
	pthread_mutex_unlock(&hrt_lock);
	return best;
}

static bool cpu_busy_locked(unsigned int cpu)
{
	struct hrt_cpu *hc = &hrt_cpus[cpu];

	return hc->irq_queued || hc->irq_running || hc->softirq_raised ||
	       hc->softirq_running;
}

/* Its clock event device fires on @cpu: the hrtimer interrupt. */
static void send_hrtimer_interrupt(int cpu)
{
	kshim_send_call(cpu, hrtimer_interrupt, NULL);
}

void kshim_hrtimer_expire(u64 now_ns, bool wait, bool run_self)
{
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	unsigned int cpu;
	bool any = false;

	pthread_mutex_lock(&hrt_lock);
	for (cpu = 0; nr_queued && cpu < nr_cpu_ids; cpu++) {
		struct hrtimer_cpu_base *cb = &hrtimer_bases[cpu];
		struct hrt_cpu *hc = &hrt_cpus[cpu];
		unsigned int to = hc->softirq_raised ? HRTIMER_SOFT_BASE :
						       HRTIMER_MAX_CLOCK_BASES;

		if (!cb->active_bases || hc->irq_queued ||
		    first_due_locked(cb, 0, to) > (s64)now_ns)
			continue;
		/* Its clock event device fires: the hrtimer interrupt. */
		hc->irq_queued = true;
		__set_bit(cpu, mask);
		any = true;
	}
	pthread_mutex_unlock(&hrt_lock);
	if (!any)
		return;
	kshim_expire_on_cpus(mask, send_hrtimer_interrupt, cpu_busy_locked,
			     &hrt_lock, &hrt_done, wait, run_self);
}

/* ---- sleeping ---- */

int __kshim_schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
					   const enum hrtimer_mode mode,
					   clockid_t clock_id,
					   const struct kshim_site *site)
{
	struct hrtimer_sleeper t;

	/* Zero: no sleep, absolute or relative alike. */
	if (expires && *expires == 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	/* NULL: for ever (until woken). */
	if (!expires) {
		__kshim_schedule(site);
		return -EINTR;
	}
	__kshim_hrtimer_init_sleeper(&t, clock_id, mode, true, site);
	hrtimer_set_expires_range_ns(&t.timer, *expires, delta);
	__kshim_hrtimer_start_expires(&t.timer, mode, site);
	if (likely(READ_ONCE(t.task)))
		__kshim_schedule(site);
	__kshim_hrtimer_cancel(&t.timer, site);
	__kshim_destroy_hrtimer_on_stack(&t.timer, site);
	__set_current_state(TASK_RUNNING);
	return !READ_ONCE(t.task) ? 0 : -EINTR;
}

/* ---- the real functions, for code that takes their address ---- */

#undef hrtimer_init
#undef hrtimer_init_on_stack
#undef hrtimer_init_sleeper
#undef hrtimer_init_sleeper_on_stack
#undef destroy_hrtimer_on_stack
#undef hrtimer_start_range_ns
#undef hrtimer_cancel
#undef hrtimer_try_to_cancel
#undef hrtimer_forward
#undef schedule_hrtimeout_range_clock
#undef schedule_hrtimeout_range
#undef schedule_hrtimeout

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock,
		  enum hrtimer_mode mode)
{
	__kshim_hrtimer_init(timer, which_clock, mode, false,
			     __KSHIM_CALLSITE);
}

void hrtimer_init_on_stack(struct hrtimer *timer, clockid_t which_clock,
			   enum hrtimer_mode mode)
{
	__kshim_hrtimer_init(timer, which_clock, mode, true, __KSHIM_CALLSITE);
}

void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode)
{
	__kshim_hrtimer_init_sleeper(sl, clock_id, mode, false,
				     __KSHIM_CALLSITE);
}

void hrtimer_init_sleeper_on_stack(struct hrtimer_sleeper *sl,
				   clockid_t clock_id, enum hrtimer_mode mode)
{
	__kshim_hrtimer_init_sleeper(sl, clock_id, mode, true,
				     __KSHIM_CALLSITE);
}

void destroy_hrtimer_on_stack(struct hrtimer *timer)
{
	__kshim_destroy_hrtimer_on_stack(timer, __KSHIM_CALLSITE);
}

void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim,
			    u64 range_ns, const enum hrtimer_mode mode)
{
	__kshim_hrtimer_start_range_ns(timer, tim, range_ns, mode,
				       __KSHIM_CALLSITE);
}

void hrtimer_sleeper_start_expires(struct hrtimer_sleeper *sl,
				   enum hrtimer_mode mode)
{
	__kshim_hrtimer_start_expires(&sl->timer, mode, __KSHIM_CALLSITE);
}

int hrtimer_cancel(struct hrtimer *timer)
{
	return __kshim_hrtimer_cancel(timer, __KSHIM_CALLSITE);
}

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	return __kshim_hrtimer_try_to_cancel(timer, __KSHIM_CALLSITE);
}

u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	return __kshim_hrtimer_forward(timer, now, interval, __KSHIM_CALLSITE);
}

int schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
				   const enum hrtimer_mode mode,
				   clockid_t clock_id)
{
	return __kshim_schedule_hrtimeout_range_clock(expires, delta, mode,
						      clock_id,
						      __KSHIM_CALLSITE);
}

int schedule_hrtimeout_range(ktime_t *expires, u64 delta,
			     const enum hrtimer_mode mode)
{
	return __kshim_schedule_hrtimeout_range_clock(expires, delta, mode,
						      CLOCK_MONOTONIC,
						      __KSHIM_CALLSITE);
}

int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode)
{
	return __kshim_schedule_hrtimeout_range_clock(expires, 0, mode,
						      CLOCK_MONOTONIC,
						      __KSHIM_CALLSITE);
}

void hrtimer_setup(struct hrtimer *timer,
		   enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer,
		   enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode)
{
	__kshim_hrtimer_setup(timer, function, clock_id, mode, false,
			      __KSHIM_CALLSITE);
}

void hrtimer_setup_on_stack(struct hrtimer *timer,
			    enum hrtimer_restart (*function)(struct hrtimer *),
			    clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_setup_on_stack(struct hrtimer *timer,
			    enum hrtimer_restart (*function)(struct hrtimer *),
			    clockid_t clock_id, enum hrtimer_mode mode)
{
	__kshim_hrtimer_setup(timer, function, clock_id, mode, true,
			      __KSHIM_CALLSITE);
}

/* ---- the ledger, boot and tests ---- */

static long ledger_hrtimers(void *arg)
{
	long n;

	pthread_mutex_lock(&hrt_lock);
	n = nr_queued;
	pthread_mutex_unlock(&hrt_lock);
	return n;
}

static void explain_hrtimers(void *arg)
{
	s64 now = (s64)kshim_clock_ns();
	unsigned int b;

	pthread_mutex_lock(&hrt_lock);
	for (b = 0; b < ARRAY_SIZE(rec_hash); b++) {
		struct hrt_rec *r;

		for (r = rec_hash[b]; r; r = r->hnext)
			printk(KERN_ERR "hrtimer %px (%ps) on CPU#%u, expires in %lld ns: armed at %s:%d, not cancelled\n",
			       r->timer, r->fn, r->base->cpu_base->cpu,
			       (long long)(r->node.expires - now),
			       kshim_site_file(r->site),
			       kshim_site_line(r->site));
	}
	pthread_mutex_unlock(&hrt_lock);
}

/* Only the forking thread lives on in a child: no lock is held there. */
static void hrt_atfork_child(void)
{
	pthread_mutex_init(&hrt_lock, NULL);
	pthread_cond_init(&hrt_done, NULL);
}

void kshim_hrtimers_init(void)
{
	static bool registered;

	kshim_hrtimers_test_begin();
	if (registered)
		return;
	registered = true;
	pthread_atfork(NULL, NULL, hrt_atfork_child);
	kshim_ledger_add("hrtimers pending", ledger_hrtimers, explain_hrtimers,
			 NULL);
}

/* A test starts with no hrtimer queued (those of the one before forgotten). */
void kshim_hrtimers_test_begin(void)
{
	unsigned int b;

	pthread_mutex_lock(&hrt_lock);
	for (b = 0; b < ARRAY_SIZE(rec_hash); b++)
		while (rec_hash[b]) {
			struct hrt_rec *r = rec_hash[b];

			rec_hash[b] = r->hnext;
			free(r);
		}
	nr_queued = 0;
	memset(hrt_cpus, 0, sizeof(hrt_cpus));
	bases_init();
	pthread_mutex_unlock(&hrt_lock);
}
