/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/delay.h - busy-wait delays and sleeps.
 *
 * Follows include/linux/delay.h and kernel/time/timer.c of 6.8:
 *  - udelay()/ndelay()/mdelay() spin on the clock and never sleep, so they
 *    are legal in any context and check nothing;
 *  - msleep(), ssleep(), msleep_interruptible(), usleep_range() and
 *    fsleep() really sleep; they have no might_sleep() of their own in 6.8,
 *    but sleeping while atomic reports "BUG: scheduling while atomic" (see
 *    linux/sched.h), at the caller's file:line.
 * msleep(ms) sleeps at least ms milliseconds (the kernel: ms + 1 jiffies).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/compiler.h>
#include <linux/sched.h>

void __kshim_ndelay(unsigned long nsecs);
#define ndelay(n)	__kshim_ndelay(n)
#define udelay(n)	__kshim_ndelay((unsigned long)(n) * 1000UL)
#define mdelay(n)	__kshim_ndelay((unsigned long)(n) * 1000000UL)

void __kshim_msleep(unsigned int msecs, const struct kshim_site *site);
unsigned long __kshim_msleep_interruptible(unsigned int msecs,
					   const struct kshim_site *site);
void __kshim_usleep_range_state(unsigned long min, unsigned long max,
				unsigned int state,
				const struct kshim_site *site);

#define msleep(msecs)	__kshim_msleep(msecs, __KSHIM_CALLSITE)
#define msleep_interruptible(msecs)					\
	__kshim_msleep_interruptible(msecs, __KSHIM_CALLSITE)
#define ssleep(seconds)	__kshim_msleep((seconds) * 1000, __KSHIM_CALLSITE)
#define usleep_range_state(min, max, state)				\
	__kshim_usleep_range_state(min, max, state, __KSHIM_CALLSITE)
#define usleep_range(min, max)						\
	__kshim_usleep_range_state(min, max, TASK_UNINTERRUPTIBLE,	\
				   __KSHIM_CALLSITE)
#define usleep_idle_range(min, max)					\
	__kshim_usleep_range_state(min, max, TASK_IDLE, __KSHIM_CALLSITE)

/* 6.8: a delay for any duration, picking the kind of wait by size. */
#define fsleep(usecs)							\
do {									\
	unsigned long __kshim_us = (usecs);				\
									\
	if (__kshim_us <= 10)						\
		udelay(__kshim_us);					\
	else if (__kshim_us <= 20000)					\
		usleep_range(__kshim_us, 2 * __kshim_us);		\
	else								\
		msleep((__kshim_us + 999) / 1000);			\
} while (0)

/* What the kernel's linux/delay.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#endif /* _LINUX_DELAY_H */
