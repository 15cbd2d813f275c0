/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched/clock.h - the scheduler's nanosecond clocks.
 *
 * Follows include/linux/sched/clock.h of 6.1: sched_clock(),
 * local_clock() and cpu_clock() count nanoseconds since boot; in kshim
 * they read kshim's clock (kshim/time.h), virtual by default.
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/smp.h>

u64 sched_clock(void);
u64 local_clock(void);

static inline u64 sched_clock_cpu(int cpu)
{
	return sched_clock();
}

static inline u64 cpu_clock(int cpu)
{
	return sched_clock();
}

static inline u64 running_clock(void)
{
	return local_clock();
}

static inline int sched_clock_stable(void)
{
	return 1;
}

#endif /* _LINUX_SCHED_CLOCK_H */
