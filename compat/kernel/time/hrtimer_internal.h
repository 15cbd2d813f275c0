/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/kernel/time/hrtimer_internal.h - what the clock's advance
 * (compat/kernel/time/timer.c) and the softirqs (compat/kernel/softirq.c)
 * need of the hrtimers (compat/kernel/time/hrtimer.c).
 */
#ifndef _KSHIM_KERNEL_TIME_HRTIMER_INTERNAL_H
#define _KSHIM_KERNEL_TIME_HRTIMER_INTERNAL_H

#include <stdbool.h>

#include <linux/types.h>

/*
 * The first expiry (ns of kshim's clock, CLOCK_MONOTONIC) of the queued
 * hrtimers that no CPU has been told to run yet; -1: none.
 */
s64 kshim_hrtimer_next_ns(void);
/*
 * Run every hrtimer due at @now_ns or before, on its CPU: that CPU's
 * hrtimer interrupt (a function-call IPI: hardirq context), which raises
 * HRTIMER_SOFTIRQ there for the _SOFT ones.  This CPU's, when this task
 * may take its interrupts now and @run_self, right here.  With @wait,
 * return once they ran (this CPU's only if they could run), bounded by
 * KSHIM_SPINLOCK_LOCKUP.
 */
void kshim_hrtimer_expire(u64 now_ns, bool wait, bool run_self);
/* HRTIMER_SOFTIRQ: this CPU's due _SOFT hrtimers, in softirq context. */
void kshim_run_hrtimer_softirq(void);

/* Boot (the ledger entry, the clock bases) and each test's start. */
void kshim_hrtimers_init(void);
void kshim_hrtimers_test_begin(void);

#endif /* _KSHIM_KERNEL_TIME_HRTIMER_INTERNAL_H */
