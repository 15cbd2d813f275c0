/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/time64.h - time64_t, struct timespec64 and their arithmetic.
 *
 * Follows include/linux/time64.h of 6.1: seconds as a signed 64-bit
 * time64_t (TIME64_MAX / TIME64_MIN), a timespec64 is normalised when
 * 0 <= tv_nsec < NSEC_PER_SEC; timespec64_add()/_sub() normalise their
 * result (set_normalized_timespec64()), timespec64_to_ns() saturates at
 * KTIME_MAX / KTIME_MIN, ns_to_timespec64() of a negative value gives the
 * earlier second and a positive tv_nsec, timespec64_add_safe() saturates
 * at TIME64_MAX.  The out-of-line ones are compat/kernel/time/time.c.
 * The UAPI time structs (struct timespec, timeval, timezone) are not
 * here: kernel code uses the 64-bit ones, and host code has glibc's.
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/math64.h>
#include <vdso/time64.h>
#include <uapi/linux/time.h>

typedef __s64 time64_t;
typedef __u64 timeu64_t;

struct timespec64 {
	time64_t	tv_sec;			/* seconds */
	long		tv_nsec;		/* nanoseconds */
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

/* Parameters used to convert the timespec values: */
#define PSEC_PER_NSEC			1000L

#define TIME64_MAX			((s64)~((u64)1 << 63))
#define TIME64_MIN			(-TIME64_MAX - 1)

#define KTIME_MAX			((s64)~((u64)1 << 63))
#define KTIME_MIN			(-KTIME_MAX - 1)
#define KTIME_SEC_MAX			(KTIME_MAX / NSEC_PER_SEC)
#define KTIME_SEC_MIN			(KTIME_MIN / NSEC_PER_SEC)

/* settimeofday() keeps 30 years of uptime below the wrap of ktime_t. */
#define TIME_UPTIME_SEC_MAX		(30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX		(KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

static inline int timespec64_equal(const struct timespec64 *a,
				   const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* < 0, 0 or > 0 as @lhs is earlier than, equal to or later than @rhs. */
static inline int timespec64_compare(const struct timespec64 *lhs,
				     const struct timespec64 *rhs)
{
	if (lhs->tv_sec != rhs->tv_sec)
		return lhs->tv_sec < rhs->tv_sec ? -1 : 1;
	return lhs->tv_nsec - rhs->tv_nsec;
}

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec,
			       s64 nsec);

static inline struct timespec64 timespec64_add(struct timespec64 lhs,
					       struct timespec64 rhs)
{
	struct timespec64 sum;

	set_normalized_timespec64(&sum, lhs.tv_sec + rhs.tv_sec,
				  lhs.tv_nsec + rhs.tv_nsec);
	return sum;
}

static inline struct timespec64 timespec64_sub(struct timespec64 lhs,
					       struct timespec64 rhs)
{
	struct timespec64 diff;

	set_normalized_timespec64(&diff, lhs.tv_sec - rhs.tv_sec,
				  lhs.tv_nsec - rhs.tv_nsec);
	return diff;
}

/* Normalised and not before 1970. */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 &&
	       (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

/* ... and representable as a ktime_t. */
static inline bool timespec64_valid_strict(const struct timespec64 *ts)
{
	return timespec64_valid(ts) &&
	       (unsigned long long)ts->tv_sec < KTIME_SEC_MAX;
}

/* ... and a settable CLOCK_REALTIME. */
static inline bool timespec64_valid_settod(const struct timespec64 *ts)
{
	return timespec64_valid(ts) &&
	       (unsigned long long)ts->tv_sec < TIME_SETTOD_SEC_MAX;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= KTIME_SEC_MIN)
		return KTIME_MIN;
	return (s64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

struct timespec64 ns_to_timespec64(s64 nsec);

static __always_inline void timespec64_add_ns(struct timespec64 *a, u64 ns)
{
	a->tv_sec += __iter_div_u64_rem(a->tv_nsec + ns, NSEC_PER_SEC, &ns);
	a->tv_nsec = ns;
}

/* For non-negative values: the sum, or TIME64_MAX seconds on overflow. */
struct timespec64 timespec64_add_safe(const struct timespec64 lhs,
				      const struct timespec64 rhs);

#endif /* _LINUX_TIME64_H */
