// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/timekeeping.c - the clocks kernel code reads.
 *
 * Reproduces the readers of kernel/time/timekeeping.c (6.1) on kshim's
 * clock (kshim/time.h, compat/kernel/time/timer.c): CLOCK_MONOTONIC is
 * the clock itself (nanoseconds since boot; kshim never suspends, so
 * CLOCK_BOOTTIME is the same), CLOCK_REALTIME the host's wall clock at
 * boot plus it, CLOCK_TAI CLOCK_REALTIME plus 37 seconds; and
 * ktime_add_safe() of kernel/time/hrtimer.c.
 */
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <kshim/time.h>

#include "kshim/internal.h"
#include "kernel/time/tick.h"

#define TAI_OFFSET_NS	(37LL * NSEC_PER_SEC)


static s64 offset(enum tk_offsets offs)
{
	switch (offs) {
	case TK_OFFS_REAL:
		return (s64)kshim_boot_real_ns();
	case TK_OFFS_TAI:
		return (s64)kshim_boot_real_ns() + TAI_OFFSET_NS;
	default:
		return 0;
	}
}

ktime_t ktime_get(void)
{
	return (ktime_t)kshim_clock_ns();
}

ktime_t ktime_get_with_offset(enum tk_offsets offs)
{
	return ktime_add(ktime_get(), offset(offs));
}

ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs)
{
	return ktime_add(tmono, offset(offs));
}

u32 ktime_get_resolution_ns(void)
{
	return 1;
}

void ktime_get_raw_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_raw());
}

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real());
}

void ktime_get_coarse_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse());
}

void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_coarse_real());
}

time64_t ktime_get_seconds(void)
{
	return ktime_get() / NSEC_PER_SEC;
}

time64_t __ktime_get_real_seconds(void)
{
	return ktime_get_real() / NSEC_PER_SEC;
}

time64_t ktime_get_real_seconds(void)
{
	return __ktime_get_real_seconds();
}

/* hrtimer.c: saturate at KTIME_MAX instead of wrapping. */
ktime_t ktime_add_safe(const ktime_t lhs, const ktime_t rhs)
{
	ktime_t res = ktime_add_unsafe(lhs, rhs);

	if (res < 0 || res < lhs || res < rhs)
		res = ktime_set(KTIME_SEC_MAX, 0);
	return res;
}
