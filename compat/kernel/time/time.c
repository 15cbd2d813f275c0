// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/time.c - calendar and timespec64 helpers.
 *
 * Reproduces the pure conversions of kernel/time/time.c (6.1): mktime64(),
 * set_normalized_timespec64(), ns_to_timespec64() and
 * timespec64_add_safe(), with the semantics documented in linux/time.h
 * and linux/time64.h.
 */
#include <linux/time.h>

/* Days before each month of a year that starts in March. */
static const unsigned int days_before_month_from_march[12] = {
	0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337,
};

/* Days from 0000-03-01 (proleptic Gregorian) to 1970-01-01. */
#define DAYS_TO_EPOCH	719468

time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec)
{
	/*
	 * Counted from March, so that February, with its leap day, ends
	 * the year: January and February belong to the year before.
	 */
	unsigned int y = mon > 2 ? year : year - 1;
	unsigned int m = mon > 2 ? mon - 3 : mon + 9;
	time64_t days;

	days = (time64_t)y * 365 + y / 4 - y / 100 + y / 400 +
	       days_before_month_from_march[m % 12] + day - 1 - DAYS_TO_EPOCH;
	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
	/* Usually a step or two: the loop form keeps large values exact. */
	/* Seconds wrap as in the kernel (-fno-strict-overflow). */
	while (nsec >= NSEC_PER_SEC) {
		nsec -= NSEC_PER_SEC;
		sec = (time64_t)((timeu64_t)sec + 1);
	}
	while (nsec < 0) {
		nsec += NSEC_PER_SEC;
		sec = (time64_t)((timeu64_t)sec - 1);
	}
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}

struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts = { 0, 0 };
	u64 before;
	u32 rem;

	if (nsec > 0) {
		ts.tv_sec = div_u64_rem(nsec, NSEC_PER_SEC, &rem);
		ts.tv_nsec = rem;
	} else if (nsec < 0) {
		/* Whole seconds before, counted from -1 so S64_MIN is fine. */
		before = div_u64_rem(-(nsec + 1), NSEC_PER_SEC, &rem);
		ts.tv_sec = -(time64_t)before - 1;
		ts.tv_nsec = NSEC_PER_SEC - 1 - rem;
	}
	return ts;
}

struct timespec64 timespec64_add_safe(const struct timespec64 lhs,
				      const struct timespec64 rhs)
{
	struct timespec64 res;

	set_normalized_timespec64(&res,
				  (time64_t)((timeu64_t)lhs.tv_sec + rhs.tv_sec),
				  lhs.tv_nsec + rhs.tv_nsec);
	if (res.tv_sec < lhs.tv_sec || res.tv_sec < rhs.tv_sec) {
		res.tv_sec = TIME64_MAX;
		res.tv_nsec = 0;
	}
	return res;
}
