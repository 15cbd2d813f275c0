/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/linux/time.h - the POSIX clock ids (include/uapi/linux/time.h of
 * 6.1).  Kernel code reaches it through <linux/time64.h>.
 *
 * Only the clock ids are here: the UAPI time structs (struct timespec,
 * timeval, itimerspec, timezone) are glibc's in host code, and kernel code
 * uses the 64-bit ones (linux/time64.h).  glibc's <time.h> defines the
 * same ids with the same values and tokens, so both may be included in
 * either order.  TIMER_ABSTIME is left out: glibc spells it "1", the
 * kernel "0x01", and two spellings of one macro do not coexist.
 */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_REALTIME_ALARM		8
#define CLOCK_BOOTTIME_ALARM		9
/* 10: a retired clock's id, never reused. */
#define CLOCK_SGI_CYCLE			10
#define CLOCK_TAI			11

#define MAX_CLOCKS			16
#define CLOCKS_MASK			(CLOCK_REALTIME | CLOCK_MONOTONIC)
#define CLOCKS_MONO			CLOCK_MONOTONIC

#endif /* _UAPI_LINUX_TIME_H */
