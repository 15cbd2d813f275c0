/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/jiffies.h - the tick counter and its conversions.
 *
 * Follows include/linux/jiffies.h of 6.8 at the program's HZ (linux/param.h:
 * 1000 as Ubuntu's 6.8, 250 for 2.6.35, or -DKSHIM_HZ=...): jiffies starts
 * at INITIAL_JIFFIES (5 minutes before the 32-bit wrap, as the kernel
 * does, so wrap bugs show) when the machine boots and counts the ticks of
 * kshim's clock: virtual time by default,
 * which moves only when a test advances it or a task sleeps for a while
 * (kshim/time.h), host monotonic time with KSHIM_CLOCK=real.  jiffies is
 * read-only, as drivers use it; time_after() and friends compare with
 * wrap-around.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/typecheck.h>
#include <linux/param.h>		/* HZ, USER_HZ */
#include <vdso/time64.h>		/* MSEC_PER_SEC... (linux/time64.h) */
#include <vdso/jiffies.h>		/* TICK_NSEC */

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

unsigned long __kshim_jiffies(void);
u64 get_jiffies_64(void);
#define jiffies		(__kshim_jiffies())
#define jiffies_64	(get_jiffies_64())

#define time_after(a, b)						\
	(typecheck(unsigned long, a) &&					\
	 typecheck(unsigned long, b) &&					\
	 ((long)((b) - (a)) < 0))
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)						\
	(typecheck(unsigned long, a) &&					\
	 typecheck(unsigned long, b) &&					\
	 ((long)((a) - (b)) >= 0))
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)
#define time_is_before_eq_jiffies(a)	time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a)	time_before_eq(jiffies, a)

#define time_after64(a, b)						\
	(typecheck(__u64, a) &&						\
	 typecheck(__u64, b) &&						\
	 ((__s64)((b) - (a)) < 0))
#define time_before64(a, b)	time_after64(b, a)
#define time_after_eq64(a, b)						\
	(typecheck(__u64, a) &&						\
	 typecheck(__u64, b) &&						\
	 ((__s64)((a) - (b)) >= 0))
#define time_before_eq64(a, b)	time_after_eq64(b, a)
#define time_in_range64(a, b, c)					\
	(time_after_eq64(a, b) && time_before_eq64(a, c))
#define time_is_before_jiffies64(a)	time_after64(get_jiffies_64(), a)
#define time_is_after_jiffies64(a)	time_before64(get_jiffies_64(), a)
#define time_is_before_eq_jiffies64(a)	time_after_eq64(get_jiffies_64(), a)
#define time_is_after_eq_jiffies64(a)	time_before_eq64(get_jiffies_64(), a)
#define time_in_range_open(a, b, c)	(time_after_eq(a, b) && time_before(a, c))

/*
 * The conversions round as the kernel's do at any CONFIG_HZ (jiffies to
 * time truncates, time to jiffies rounds up), in 64-bit arithmetic
 * instead of the kernel's per-HZ constants.
 */
static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)((u64)j * MSEC_PER_SEC / HZ);
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)((u64)j * USEC_PER_SEC / HZ);
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)jiffies_to_usecs(j) * NSEC_PER_USEC;
}

static inline u64 jiffies64_to_nsecs(u64 j)
{
	return j / HZ * NSEC_PER_SEC + j % HZ * NSEC_PER_SEC / HZ;
}

static inline u64 jiffies64_to_msecs(u64 j)
{
	return j / HZ * MSEC_PER_SEC + j % HZ * MSEC_PER_SEC / HZ;
}

static inline unsigned long _msecs_to_jiffies(const unsigned int m)
{
	return (unsigned long)(((u64)m * HZ + MSEC_PER_SEC - 1) /
			       MSEC_PER_SEC);
}

/* Negative values mean "for ever" (MAX_JIFFY_OFFSET), as in the kernel. */
static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	if ((u64)m * HZ > (u64)MAX_JIFFY_OFFSET * MSEC_PER_SEC)
		return MAX_JIFFY_OFFSET;
	return _msecs_to_jiffies(m);
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return (unsigned long)(((u64)u * HZ + USEC_PER_SEC - 1) /
			       USEC_PER_SEC);
}

static inline u64 nsecs_to_jiffies64(u64 n)
{
	if (NSEC_PER_SEC % HZ == 0)
		return n / (NSEC_PER_SEC / HZ);
	/* Generic case, as the kernel's: multiplied by 9 to keep precision */
	return n * 9 / ((9ULL * NSEC_PER_SEC + HZ / 2) / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)nsecs_to_jiffies64(n);
}

static inline unsigned int jiffies_delta_to_msecs(long delta)
{
	return jiffies_to_msecs(delta > 0 ? delta : 0);
}

/* What the kernel's linux/jiffies.h also makes visible. */
#include <asm/barrier.h>
#include <asm/byteorder.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/gfp_types.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kstrtox.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/once_lite.h>
#include <linux/overflow.h>
#include <linux/panic.h>
#include <linux/pfn.h>
#include <linux/stdarg.h>
#include <linux/threads.h>
#include <linux/time.h>
#include <linux/time64.h>

#endif /* _LINUX_JIFFIES_H */
