// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/timer.c - jiffies, sleeping for a while, delays.
 *
 * Reproduces kernel/time/timer.c (msleep(), msleep_interruptible(),
 * usleep_range_state()), kernel/time/jiffies.c and the x86 delay loop of
 * arch/x86/lib/delay.c (6.8, HZ=1000):
 *  - jiffies counts host monotonic milliseconds from INITIAL_JIFFIES at
 *    boot;
 *  - msleep(ms) sleeps at least ms + 1 jiffies, usleep_range(min, max) at
 *    least min microseconds; neither has a might_sleep() of its own in
 *    6.8, but sleeping while atomic is "BUG: scheduling while atomic" at
 *    the caller's file:line;
 *  - ndelay()/udelay()/mdelay() spin on the clock and never sleep.
 * The host sleeps are nanosleep(); kshim tasks get no signals, so nothing
 * cuts them short.
 */
#include <errno.h>
#include <stdarg.h>
#include <time.h>

#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

static struct timespec boot_time;

static unsigned long long ns_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (unsigned long long)(now.tv_sec - t0->tv_sec) * 1000000000ULL +
	       (now.tv_nsec - t0->tv_nsec);
}

unsigned long __kshim_jiffies(void)
{
	return INITIAL_JIFFIES + (unsigned long)(ns_since(&boot_time) /
						 NSEC_PER_MSEC);
}

u64 get_jiffies_64(void)
{
	return (u64)__kshim_jiffies();
}

void kshim_time_init(void)
{
	clock_gettime(CLOCK_MONOTONIC, &boot_time);
}

static void host_sleep_ns(unsigned long long ns)
{
	struct timespec ts = {
		.tv_sec = ns / 1000000000ULL,
		.tv_nsec = ns % 1000000000ULL,
	};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

void __kshim_msleep(unsigned int msecs, const struct kshim_site *site)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	host_sleep_ns((unsigned long long)timeout * NSEC_PER_MSEC);
	kshim_block_end();
}

unsigned long __kshim_msleep_interruptible(unsigned int msecs,
					   const struct kshim_site *site)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	kshim_block_begin(TASK_INTERRUPTIBLE, site);
	host_sleep_ns((unsigned long long)timeout * NSEC_PER_MSEC);
	kshim_block_end();
	return 0;
}

void __kshim_usleep_range_state(unsigned long min, unsigned long max,
				unsigned int state,
				const struct kshim_site *site)
{
	kshim_block_begin(state, site);
	host_sleep_ns((unsigned long long)min * NSEC_PER_USEC);
	kshim_block_end();
}

void __kshim_ndelay(unsigned long nsecs)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (ns_since(&t0) < nsecs)
		;
}

unsigned long kshim_spin_lockup_ms(void)
{
	return kshim_config.spin_lockup_ms;
}

void kshim_lockup_die(const struct kshim_site *site, const char *fmt, ...)
{
	va_list args;

	kshim_report_begin(KSHIM_REPORT_LOCKUP, site->file, site->line,
			   site->func);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	dump_stack();
	kshim_report_end();
	kshim_task_die();
}
