/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/time.h - the test's hold on time.
 *
 * Kernel code sees one clock (jiffies, ktime_get(), local_clock()...):
 * by default a virtual one, nanoseconds since boot, that moves only
 *  - when the test advances it: kshim_advance_time(ns) moves it on by
 *    @ns, firing on the way every timer that falls due, in order of
 *    expiry, each in softirq context on the CPU that armed it; it returns
 *    once they have all run (those of the caller's own CPU only when the
 *    caller can take softirqs: task context with interrupts on);
 *  - when the test's task sleeps for a while (msleep(), usleep_range(),
 *    schedule_timeout*(), ndelay()/udelay()/mdelay() spin): the clock
 *    moves on to the end of the sleep the same way, so msleep(60000)
 *    returns at once, after a timer armed for 59 s has fired.  Another
 *    task sleeping for a while waits until the clock reaches its end
 *    (or, as a last resort, as long in real time, then moves it there).
 * KSHIM_CLOCK=real gives host monotonic time instead (drivers that poll
 * real hardware); then kshim_advance_time() only sleeps for real.
 */
#ifndef _KSHIM_TIME_H
#define _KSHIM_TIME_H

#include <linux/types.h>

/* Move the clock on by @ns and run every timer that fell due. */
void kshim_advance_time(u64 ns);
/* Run the timers due now (kshim_advance_time(0)). */
void kshim_run_timers(void);
/* The clock: nanoseconds since boot (what ktime_get() returns). */
u64 kshim_clock_ns(void);
/* Timers armed (pending or due and not yet run) on every CPU. */
long kshim_timers_pending(void);

#endif /* _KSHIM_TIME_H */
