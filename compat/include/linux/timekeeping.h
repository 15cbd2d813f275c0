/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/timekeeping.h - reading the clocks.
 *
 * Follows include/linux/timekeeping.h of 6.1.  Every clock reads kshim's
 * clock (kshim/time.h): virtual nanoseconds since boot by default, which
 * move only when a test advances them or a task sleeps for a while; host
 * monotonic time since boot with KSHIM_CLOCK=real.
 *  - CLOCK_MONOTONIC (ktime_get()), CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME
 *    (kshim never suspends) and the _coarse and _fast forms are that
 *    clock;
 *  - CLOCK_REALTIME is the host's wall clock at boot plus that clock;
 *    CLOCK_TAI is CLOCK_REALTIME plus 37 s (the TAI offset since 2017).
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/errno.h>
#include <linux/time64.h>

/* ktime_t is linux/ktime.h's, which includes this header last. */
typedef s64 ktime_t;

enum tk_offsets {
	TK_OFFS_REAL,
	TK_OFFS_BOOT,
	TK_OFFS_TAI,
	TK_OFFS_MAX,
};

ktime_t ktime_get(void);
ktime_t ktime_get_with_offset(enum tk_offsets offs);
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs);
u32 ktime_get_resolution_ns(void);

static inline ktime_t ktime_get_raw(void)
{
	return ktime_get();
}

static inline ktime_t ktime_get_coarse_with_offset(enum tk_offsets offs)
{
	return ktime_get_with_offset(offs);
}

static inline ktime_t ktime_get_real(void)
{
	return ktime_get_with_offset(TK_OFFS_REAL);
}

static inline ktime_t ktime_get_coarse_real(void)
{
	return ktime_get_coarse_with_offset(TK_OFFS_REAL);
}

static inline ktime_t ktime_get_boottime(void)
{
	return ktime_get_with_offset(TK_OFFS_BOOT);
}

static inline ktime_t ktime_get_coarse_boottime(void)
{
	return ktime_get_coarse_with_offset(TK_OFFS_BOOT);
}

static inline ktime_t ktime_get_clocktai(void)
{
	return ktime_get_with_offset(TK_OFFS_TAI);
}

static inline ktime_t ktime_get_coarse_clocktai(void)
{
	return ktime_get_coarse_with_offset(TK_OFFS_TAI);
}

static inline ktime_t ktime_get_coarse(void)
{
	return ktime_get();
}

static inline u64 ktime_get_coarse_ns(void)
{
	return ktime_get_coarse();
}

static inline u64 ktime_get_coarse_real_ns(void)
{
	return ktime_get_coarse_real();
}

static inline u64 ktime_get_coarse_boottime_ns(void)
{
	return ktime_get_coarse_boottime();
}

static inline u64 ktime_get_coarse_clocktai_ns(void)
{
	return ktime_get_coarse_clocktai();
}

static inline ktime_t ktime_mono_to_real(ktime_t mono)
{
	return ktime_mono_to_any(mono, TK_OFFS_REAL);
}

static inline u64 ktime_get_ns(void)
{
	return ktime_get();
}

static inline u64 ktime_get_real_ns(void)
{
	return ktime_get_real();
}

static inline u64 ktime_get_boottime_ns(void)
{
	return ktime_get_boottime();
}

static inline u64 ktime_get_clocktai_ns(void)
{
	return ktime_get_clocktai();
}

static inline u64 ktime_get_raw_ns(void)
{
	return ktime_get_raw();
}

static inline u64 ktime_get_mono_fast_ns(void)
{
	return ktime_get();
}

static inline u64 ktime_get_raw_fast_ns(void)
{
	return ktime_get();
}

static inline u64 ktime_get_boot_fast_ns(void)
{
	return ktime_get_boottime();
}

static inline u64 ktime_get_tai_fast_ns(void)
{
	return ktime_get_clocktai();
}

static inline u64 ktime_get_real_fast_ns(void)
{
	return ktime_get_real();
}

void ktime_get_raw_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *tv);
void ktime_get_coarse_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
time64_t ktime_get_seconds(void);
time64_t __ktime_get_real_seconds(void);
time64_t ktime_get_real_seconds(void);

static inline void ktime_get_boottime_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_boottime());
}

static inline void ktime_get_coarse_boottime_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse_boottime());
}

static inline time64_t ktime_get_boottime_seconds(void)
{
	return ktime_get_coarse_boottime() / NSEC_PER_SEC;
}

static inline void ktime_get_clocktai_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_clocktai());
}

static inline void ktime_get_coarse_clocktai_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse_clocktai());
}

static inline time64_t ktime_get_clocktai_seconds(void)
{
	return ktime_get_coarse_clocktai() / NSEC_PER_SEC;
}

#endif /* _LINUX_TIMEKEEPING_H */
