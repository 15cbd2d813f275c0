/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/hrtimer_defs.h - the resolution of the hrtimer clocks.
 *
 * Follows include/linux/hrtimer_defs.h of 6.1 with CONFIG_HIGH_RES_TIMERS:
 * kshim's clock counts nanoseconds and hrtimers fire at the nanosecond
 * they expire (linux/hrtimer.h), so the resolution is 1 ns.
 */
#ifndef _LINUX_HRTIMER_DEFS_H
#define _LINUX_HRTIMER_DEFS_H

#include <linux/ktime.h>

#define HIGH_RES_NSEC		1
#define KTIME_HIGH_RES		(HIGH_RES_NSEC)
#define MONOTONIC_RES_NSEC	HIGH_RES_NSEC
#define KTIME_MONOTONIC_RES	KTIME_HIGH_RES

#endif /* _LINUX_HRTIMER_DEFS_H */
