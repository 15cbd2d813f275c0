/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vdso/ktime.h - the resolution of the low-resolution clocks.
 *
 * Follows include/vdso/ktime.h of 6.1 (TICK_NSEC from linux/jiffies.h).
 */
#ifndef __VDSO_KTIME_H
#define __VDSO_KTIME_H

#include <vdso/jiffies.h>

#define LOW_RES_NSEC		TICK_NSEC
#define KTIME_LOW_RES		(LOW_RES_NSEC)

#endif /* __VDSO_KTIME_H */
