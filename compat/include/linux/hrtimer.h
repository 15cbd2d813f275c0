/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hrtimer.h - high-resolution timers: a callback at a nanosecond of
 * a clock.
 *
 * Follows include/linux/hrtimer.h and kernel/time/hrtimer.c of 6.1
 * (CONFIG_HIGH_RES_TIMERS, not PREEMPT_RT), on kshim's clock (kshim/time.h:
 * virtual by default):
 *  - hrtimer_init(timer, clock, mode) ties the timer to a clock
 *    (CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME, CLOCK_TAI; another
 *    id is the kernel's "Invalid clockid" WARN and CLOCK_MONOTONIC; a
 *    relative CLOCK_REALTIME timer is a CLOCK_MONOTONIC one) and a
 *    context: hardirq, or softirq (HRTIMER_SOFTIRQ) with HRTIMER_MODE_SOFT;
 *  - hrtimer_start*() arm it on the caller's CPU (every mode: kshim never
 *    moves a timer to another CPU, as if each were HRTIMER_MODE_PINNED),
 *    or on the CPU where its callback runs now; it fires when kshim's
 *    clock reaches its expiry, to the nanosecond (a range timer at the end
 *    of its range, running with it those whose range began): in hardirq
 *    context on that CPU, or in HRTIMER_SOFTIRQ there for _SOFT timers;
 *    a callback returning HRTIMER_RESTART is queued again at its
 *    (forwarded) expiry;
 *  - hrtimer_cancel() waits for a running callback and returns 1 iff the
 *    timer was queued; hrtimer_try_to_cancel() returns -1 while it runs;
 *  - the kernel's checks, at the caller's line: WARN_ON_ONCE() for a
 *    timer with no function and for a start whose _SOFT bit differs from
 *    the init's, WARN_ON() for hrtimer_forward() of a queued timer, and
 *    the debugobjects (ODEBUG) checks of an hrtimer (linux/debugobjects.h);
 *    hrtimer_cancel() of a timer from its own callback (or from an
 *    interrupt that interrupted it), where the kernel spins for ever, and
 *    one whose callback never ends, are "lockup" reports; a hardirq
 *    callback that returns with preempt_count, locks, kmaps or interrupts
 *    changed is a "context" report naming the callback (a _SOFT one: the
 *    kernel's "huh, entered softirq 8 HRTIMER" line too); a timer still
 *    queued at the end of a test is a ledger entry, "hrtimers pending",
 *    naming the line that armed it.
 * Arming, cancelling and forwarding are macros recording the caller's
 * line; each is also a function, for code that takes its address.
 * hrtimer_setup() and hrtimer_setup_on_stack() (6.13) exist when the
 * build asks for that kernel (KSHIM_LINUX_VERSION_CODE).
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/hrtimer_defs.h>
#include <linux/rbtree.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/timer.h>
#include <linux/timerqueue.h>
#include <linux/version.h>
#include <kshim/site.h>

struct hrtimer_clock_base;
struct hrtimer_cpu_base;
struct task_struct;

/*
 * Modes: ABS an absolute expiry, REL relative to now; PINNED stay on
 * this CPU (kshim: always); SOFT the callback runs in softirq context;
 * HARD in hardirq context even on PREEMPT_RT.
 */
enum hrtimer_mode {
	HRTIMER_MODE_ABS	= 0x00,
	HRTIMER_MODE_REL	= 0x01,
	HRTIMER_MODE_PINNED	= 0x02,
	HRTIMER_MODE_SOFT	= 0x04,
	HRTIMER_MODE_HARD	= 0x08,

	HRTIMER_MODE_ABS_PINNED = HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED = HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,

	HRTIMER_MODE_ABS_SOFT	= HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT	= HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,

	HRTIMER_MODE_ABS_PINNED_SOFT = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_PINNED_SOFT = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_SOFT,

	HRTIMER_MODE_ABS_HARD	= HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD	= HRTIMER_MODE_REL | HRTIMER_MODE_HARD,

	HRTIMER_MODE_ABS_PINNED_HARD = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_PINNED_HARD = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_HARD,
};

/* What a callback returns. */
enum hrtimer_restart {
	HRTIMER_NORESTART,	/* Timer is not restarted */
	HRTIMER_RESTART,	/* Timer must be restarted */
};

/*
 * timer->state: queued or not.  Whether its callback runs is
 * timer->base->running == timer, so that a callback may free its timer.
 */
#define HRTIMER_STATE_INACTIVE	0x00
#define HRTIMER_STATE_ENQUEUED	0x01

/*
 * node.expires is the (hard) expiry, _softexpires the start of the range
 * (the same for a timer without a range), both on the timer's clock.
 * kshim keeps the queue itself (records outside the timer, so a timer
 * overwritten while queued cannot corrupt it): node.node is unused.
 */
struct hrtimer {
	struct timerqueue_node		node;
	ktime_t				_softexpires;
	enum hrtimer_restart		(*function)(struct hrtimer *);
	struct hrtimer_clock_base	*base;
	u8				state;
	u8				is_rel;
	u8				is_soft;
	u8				is_hard;
	/* kshim: its record while queued, the line that last armed it */
	void				*__kshim_rec;
	const struct kshim_site		*__kshim_armed;
};

/* A timer that wakes @task; @task is NULL once it fired. */
struct hrtimer_sleeper {
	struct hrtimer timer;
	struct task_struct *task;
};

/*
 * One CPU's queue of one clock: @running is the timer whose callback runs
 * now, @get_time reads the clock, @offset is the clock minus
 * CLOCK_MONOTONIC.  @active holds kshim's records of the queued timers.
 */
struct hrtimer_clock_base {
	struct hrtimer_cpu_base	*cpu_base;
	unsigned int		index;
	clockid_t		clockid;
	struct hrtimer		*running;
	struct timerqueue_head	active;
	ktime_t			(*get_time)(void);
	ktime_t			offset;
};

enum  hrtimer_base_type {
	HRTIMER_BASE_MONOTONIC,
	HRTIMER_BASE_REALTIME,
	HRTIMER_BASE_BOOTTIME,
	HRTIMER_BASE_TAI,
	HRTIMER_BASE_MONOTONIC_SOFT,
	HRTIMER_BASE_REALTIME_SOFT,
	HRTIMER_BASE_BOOTTIME_SOFT,
	HRTIMER_BASE_TAI_SOFT,
	HRTIMER_MAX_CLOCK_BASES,
};

/*
 * A CPU's clock bases.  @in_hrtirq: its hrtimer interrupt runs;
 * @softirq_activated: HRTIMER_SOFTIRQ is raised for its _SOFT timers.
 */
struct hrtimer_cpu_base {
	unsigned int			cpu;
	unsigned int			active_bases;
	unsigned int			clock_was_set_seq;
	unsigned int			hres_active		: 1,
					in_hrtirq		: 1,
					hang_detected		: 1,
					softirq_activated       : 1,
					online			: 1;
	ktime_t				expires_next;
	struct hrtimer			*next_timer;
	ktime_t				softirq_expires_next;
	struct hrtimer			*softirq_next_timer;
	struct hrtimer_clock_base	clock_base[HRTIMER_MAX_CLOCK_BASES];
};

static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t time)
{
	timer->node.expires = time;
	timer->_softexpires = time;
}

static inline void hrtimer_set_expires_range(struct hrtimer *timer,
					     ktime_t time, ktime_t delta)
{
	timer->_softexpires = time;
	timer->node.expires = ktime_add_safe(time, delta);
}

static inline void hrtimer_set_expires_range_ns(struct hrtimer *timer,
						ktime_t time, u64 delta)
{
	timer->_softexpires = time;
	timer->node.expires = ktime_add_safe(time, ns_to_ktime(delta));
}

static inline void hrtimer_set_expires_tv64(struct hrtimer *timer, s64 tv64)
{
	timer->node.expires = tv64;
	timer->_softexpires = tv64;
}

static inline void hrtimer_add_expires(struct hrtimer *timer, ktime_t time)
{
	timer->node.expires = ktime_add_safe(timer->node.expires, time);
	timer->_softexpires = ktime_add_safe(timer->_softexpires, time);
}

static inline void hrtimer_add_expires_ns(struct hrtimer *timer, u64 ns)
{
	timer->node.expires = ktime_add_ns(timer->node.expires, ns);
	timer->_softexpires = ktime_add_ns(timer->_softexpires, ns);
}

static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer)
{
	return timer->node.expires;
}

static inline ktime_t hrtimer_get_softexpires(const struct hrtimer *timer)
{
	return timer->_softexpires;
}

static inline s64 hrtimer_get_expires_tv64(const struct hrtimer *timer)
{
	return timer->node.expires;
}

static inline s64 hrtimer_get_softexpires_tv64(const struct hrtimer *timer)
{
	return timer->_softexpires;
}

static inline s64 hrtimer_get_expires_ns(const struct hrtimer *timer)
{
	return ktime_to_ns(timer->node.expires);
}

static inline ktime_t hrtimer_expires_remaining(const struct hrtimer *timer)
{
	return ktime_sub(timer->node.expires, timer->base->get_time());
}

static inline ktime_t hrtimer_cb_get_time(struct hrtimer *timer)
{
	return timer->base->get_time();
}

static inline int hrtimer_is_hres_active(struct hrtimer *timer)
{
	return timer->base->cpu_base->hres_active;
}

/* 1 ns: kshim's clock has no coarser tick for hrtimers. */
extern unsigned int hrtimer_resolution;

static inline ktime_t
__hrtimer_expires_remaining_adjusted(const struct hrtimer *timer, ktime_t now)
{
	/* No CONFIG_TIME_LOW_RES: nothing added to relative timers. */
	return ktime_sub(timer->node.expires, now);
}

static inline ktime_t
hrtimer_expires_remaining_adjusted(const struct hrtimer *timer)
{
	return __hrtimer_expires_remaining_adjusted(timer,
						    timer->base->get_time());
}

static inline void timerfd_clock_was_set(void) { }
static inline void timerfd_resume(void) { }

/* Not PREEMPT_RT: a canceller spins while the callback runs. */
static inline void hrtimer_cancel_wait_running(struct hrtimer *timer)
{
}

/* ---- initialisation ---- */

/* The real functions: for code that takes their address. */
void hrtimer_init(struct hrtimer *timer, clockid_t which_clock,
		  enum hrtimer_mode mode);
void hrtimer_init_on_stack(struct hrtimer *timer, clockid_t which_clock,
			   enum hrtimer_mode mode);
void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id,
			  enum hrtimer_mode mode);
void hrtimer_init_sleeper_on_stack(struct hrtimer_sleeper *sl,
				   clockid_t clock_id, enum hrtimer_mode mode);
void destroy_hrtimer_on_stack(struct hrtimer *timer);

void __kshim_hrtimer_init(struct hrtimer *timer, clockid_t clock_id,
			  enum hrtimer_mode mode, bool onstack,
			  const struct kshim_site *site);
void __kshim_hrtimer_init_sleeper(struct hrtimer_sleeper *sl,
				  clockid_t clock_id, enum hrtimer_mode mode,
				  bool onstack, const struct kshim_site *site);
void __kshim_destroy_hrtimer_on_stack(struct hrtimer *timer,
				      const struct kshim_site *site);

#define hrtimer_init(timer, clock_id, mode)				\
	__kshim_hrtimer_init(timer, clock_id, mode, false, __KSHIM_CALLSITE)
#define hrtimer_init_on_stack(timer, clock_id, mode)			\
	__kshim_hrtimer_init(timer, clock_id, mode, true, __KSHIM_CALLSITE)
#define hrtimer_init_sleeper(sl, clock_id, mode)			\
	__kshim_hrtimer_init_sleeper(sl, clock_id, mode, false,		\
				     __KSHIM_CALLSITE)
#define hrtimer_init_sleeper_on_stack(sl, clock_id, mode)		\
	__kshim_hrtimer_init_sleeper(sl, clock_id, mode, true,		\
				     __KSHIM_CALLSITE)
#define destroy_hrtimer_on_stack(timer)					\
	__kshim_destroy_hrtimer_on_stack(timer, __KSHIM_CALLSITE)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
/* 6.13: init and set the callback at once (a NULL one WARNs). */
void hrtimer_setup(struct hrtimer *timer,
		   enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_setup_on_stack(struct hrtimer *timer,
			    enum hrtimer_restart (*function)(struct hrtimer *),
			    clockid_t clock_id, enum hrtimer_mode mode);
void __kshim_hrtimer_setup(struct hrtimer *timer,
			   enum hrtimer_restart (*function)(struct hrtimer *),
			   clockid_t clock_id, enum hrtimer_mode mode,
			   bool onstack, const struct kshim_site *site);
#define hrtimer_setup(timer, function, clock_id, mode)			\
	__kshim_hrtimer_setup(timer, function, clock_id, mode, false,	\
			      __KSHIM_CALLSITE)
#define hrtimer_setup_on_stack(timer, function, clock_id, mode)	\
	__kshim_hrtimer_setup(timer, function, clock_id, mode, true,	\
			      __KSHIM_CALLSITE)
#endif

/* ---- arming and cancelling ---- */

void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim,
			    u64 range_ns, const enum hrtimer_mode mode);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
void hrtimer_sleeper_start_expires(struct hrtimer_sleeper *sl,
				   enum hrtimer_mode mode);

void __kshim_hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim,
				    u64 range_ns, const enum hrtimer_mode mode,
				    const struct kshim_site *site);
int __kshim_hrtimer_cancel(struct hrtimer *timer,
			   const struct kshim_site *site);
int __kshim_hrtimer_try_to_cancel(struct hrtimer *timer,
				  const struct kshim_site *site);
u64 __kshim_hrtimer_forward(struct hrtimer *timer, ktime_t now,
			    ktime_t interval, const struct kshim_site *site);

#define hrtimer_start_range_ns(timer, tim, range_ns, mode)		\
	__kshim_hrtimer_start_range_ns(timer, tim, range_ns, mode,	\
				       __KSHIM_CALLSITE)
#define hrtimer_cancel(timer)	__kshim_hrtimer_cancel(timer, __KSHIM_CALLSITE)
#define hrtimer_try_to_cancel(timer)					\
	__kshim_hrtimer_try_to_cancel(timer, __KSHIM_CALLSITE)
#define hrtimer_forward(timer, now, interval)				\
	__kshim_hrtimer_forward(timer, now, interval, __KSHIM_CALLSITE)

/* (Re)start: @mode HRTIMER_MODE_ABS/REL (+ PINNED, + SOFT as at init). */
#define hrtimer_start(timer, tim, mode)					\
	__kshim_hrtimer_start_range_ns(timer, tim, 0, mode, __KSHIM_CALLSITE)

static inline void __kshim_hrtimer_start_expires(struct hrtimer *timer,
						 enum hrtimer_mode mode,
						 const struct kshim_site *site)
{
	ktime_t soft = hrtimer_get_softexpires(timer);
	ktime_t hard = hrtimer_get_expires(timer);

	__kshim_hrtimer_start_range_ns(timer, soft,
				       (u64)ktime_to_ns(ktime_sub(hard, soft)),
				       mode, site);
}

#define hrtimer_start_expires(timer, mode)				\
	__kshim_hrtimer_start_expires(timer, mode, __KSHIM_CALLSITE)
/*
 * A function, not a macro recording the caller's line: the name is also
 * enum hrtimer_restart's, which a macro would swallow.  The ledger names
 * the line of the start before it, or this header.
 */
static inline void hrtimer_restart(struct hrtimer *timer)
{
	__kshim_hrtimer_start_expires(timer, HRTIMER_MODE_ABS,
				      timer->__kshim_armed ?
				      timer->__kshim_armed : __KSHIM_CALLSITE);
}

/* ---- queries ---- */

ktime_t __hrtimer_get_remaining(const struct hrtimer *timer, bool adjust);

static inline ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
	return __hrtimer_get_remaining(timer, false);
}

/* The first expiry of this CPU's timers (CLOCK_MONOTONIC), or KTIME_MAX. */
u64 hrtimer_get_next_event(void);
u64 hrtimer_next_event_without(const struct hrtimer *exclude);

/* Queued, or its callback runs. */
bool hrtimer_active(const struct hrtimer *timer);

/* Queued (a lockless snapshot). */
static inline bool hrtimer_is_queued(struct hrtimer *timer)
{
	return !!(READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED);
}

/* Its callback runs now. */
static inline int hrtimer_callback_running(struct hrtimer *timer)
{
	return READ_ONCE(timer->base->running) == timer;
}

/*
 * Move the expiry on by whole @intervals until it is after the clock's
 * now: the number of intervals (0 if it already was).  From the callback,
 * or for a timer neither queued nor running.
 */
#define hrtimer_forward_now(timer, interval)				\
	__kshim_hrtimer_forward(timer, (timer)->base->get_time(),	\
				interval, __KSHIM_CALLSITE)

/* ---- sleeping ---- */

int schedule_hrtimeout_range(ktime_t *expires, u64 delta,
			     const enum hrtimer_mode mode);
int schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
				   const enum hrtimer_mode mode,
				   clockid_t clock_id);
int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode);

int __kshim_schedule_hrtimeout_range_clock(ktime_t *expires, u64 delta,
					   const enum hrtimer_mode mode,
					   clockid_t clock_id,
					   const struct kshim_site *site);

#define schedule_hrtimeout_range_clock(expires, delta, mode, clock_id)	\
	__kshim_schedule_hrtimeout_range_clock(expires, delta, mode,	\
					       clock_id, __KSHIM_CALLSITE)
#define schedule_hrtimeout_range(expires, delta, mode)			\
	__kshim_schedule_hrtimeout_range_clock(expires, delta, mode,	\
					       CLOCK_MONOTONIC,		\
					       __KSHIM_CALLSITE)
#define schedule_hrtimeout(expires, mode)				\
	__kshim_schedule_hrtimeout_range_clock(expires, 0, mode,	\
					       CLOCK_MONOTONIC,		\
					       __KSHIM_CALLSITE)

/* What the kernel's linux/hrtimer.h also makes visible. */
#include <linux/debug_locks.h>
#include <linux/mutex.h>

#endif /* _LINUX_HRTIMER_H */
