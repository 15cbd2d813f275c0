/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/time.h - calendar conversions and 32-bit time comparisons.
 *
 * Follows include/linux/time.h of 6.1 for what drivers use:
 *  - mktime64(year, mon, day, hour, min, sec): seconds since 1970-01-01
 *    00:00:00 UTC of a Gregorian date (mon 1-12, day 1-31); sec 60 (a leap
 *    second) counts as the next second, 24:00:00 as the next midnight
 *    (compat/kernel/time/time.c);
 *  - struct tm (tm_year a long, years since 1900) and time64_to_tm(),
 *    which is kernel/time/timeconv.c's: kshim does not provide it, a test
 *    program builds that file from the kernel tree (tests/kunit-src);
 *  - itimerspec64_valid(), time_after32()/time_before32()/
 *    time_between32().
 * Host code keeps glibc's struct tm (<time.h>), so there the kernel's
 * struct tm and time64_to_tm() are not declared.  The user-copy helpers
 * (get_timespec64()...) and sys_tz are left out: kshim has no user space.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/math64.h>
#include <linux/time64.h>

time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec);

#ifdef __KERNEL__
/* As <time.h>'s struct tm, with a long tm_year and no DST fields. */
struct tm {
	int tm_sec;		/* 0-59, 60 for a leap second */
	int tm_min;		/* 0-59 */
	int tm_hour;		/* 0-23 */
	int tm_mday;		/* 1-31 */
	int tm_mon;		/* months since January, 0-11 */
	long tm_year;		/* years since 1900 */
	int tm_wday;		/* days since Sunday, 0-6 */
	int tm_yday;		/* days since January 1, 0-365 */
};

void time64_to_tm(time64_t totalsecs, int offset, struct tm *result);
#endif

static inline bool itimerspec64_valid(const struct itimerspec64 *its)
{
	return timespec64_valid(&its->it_interval) &&
	       timespec64_valid(&its->it_value);
}

/* Wrapping comparisons of 32-bit second counts less than 68 years apart. */
#define time_after32(a, b)	((s32)((u32)(b) - (u32)(a)) < 0)
#define time_before32(b, a)	time_after32(a, b)

/* @l <= @t <= @h, all three as 32-bit wrapping values. */
#define time_between32(t, l, h) ((u32)(h) - (u32)(l) >= (u32)(t) - (u32)(l))

/* What the kernel's linux/time.h also makes visible (time32.h, timex.h). */
#include <linux/param.h>
#include <asm/processor.h>

/* What the kernel's linux/time.h also makes visible. */
#include <asm/barrier.h>

#endif /* _LINUX_TIME_H */
