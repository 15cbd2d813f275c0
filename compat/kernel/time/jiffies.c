// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/time/jiffies.c - kshim's clock and what counts it.
 *
 * Reproduces kernel/time/jiffies.c and the clock behind sched_clock() and
 * local_clock(), on kshim's clock: virtual by default, nanoseconds since
 * boot that move only when timer.c moves them (the test advances the
 * clock, or the machine is idle: tick-sched.c); KSHIM_CLOCK=real makes it
 * host monotonic time since boot.  jiffies is INITIAL_JIFFIES plus the
 * clock's ticks at the machine's HZ: the test program's CONFIG_HZ
 * (kshim_set_hz() from kshim/test.h), 1000 otherwise.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>

#include <linux/jiffies.h>
#include <linux/sched/clock.h>
#include <kshim/boot.h>
#include <kshim/time.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/time/tick.h"

static struct timespec boot_mono;	/* host CLOCK_MONOTONIC at boot */
static struct timespec boot_real;	/* host CLOCK_REALTIME at boot */
static u64 vclock;			/* virtual ns since boot (atomic) */

bool kshim_clock_is_real(void)
{
	return kshim_config.clock_real;
}

int kshim_parse_clock(const char *val, struct kshim_config *c)
{
	if (!strcasecmp(val, "virtual"))
		c->clock_real = false;
	else if (!strcasecmp(val, "real"))
		c->clock_real = true;
	else
		return -EINVAL;
	return 0;
}

const char *kshim_show_clock(const struct kshim_config *c, char *buf,
			     size_t len)
{
	return c->clock_real ? "real" : "virtual";
}

static u64 host_ns_since(const struct timespec *t0, clockid_t id)
{
	struct timespec now;

	clock_gettime(id, &now);
	return (u64)(now.tv_sec - t0->tv_sec) * NSEC_PER_SEC +
	       (u64)(now.tv_nsec - t0->tv_nsec);
}

u64 kshim_clock_ns(void)
{
	if (kshim_clock_is_real())
		return host_ns_since(&boot_mono, CLOCK_MONOTONIC);
	return __atomic_load_n(&vclock, __ATOMIC_ACQUIRE);
}

/* The virtual clock moves on (timer.c, timer_lock held). */
void kshim_clock_store(u64 ns)
{
	__atomic_store_n(&vclock, ns, __ATOMIC_RELEASE);
}

/* Each boot: the clock starts again. */
void kshim_clock_boot(void)
{
	clock_gettime(CLOCK_MONOTONIC, &boot_mono);
	clock_gettime(CLOCK_REALTIME, &boot_real);
	/* one atomic word, read anywhere: helgrind does not see atomics */
	arch_annotate_racy_hint(&vclock, sizeof(vclock));
	__atomic_store_n(&vclock, 0, __ATOMIC_RELEASE);
}

/* The host's wall clock at boot, ns since the epoch (CLOCK_REALTIME). */
u64 kshim_boot_real_ns(void)
{
	return (u64)boot_real.tv_sec * NSEC_PER_SEC + boot_real.tv_nsec;
}

/* ---- the tick rate ---- */

/*
 * The machine's HZ: the test program's CONFIG_HZ (kshim/test.h sets it
 * before main(), as it sets the kernel version), 1000 otherwise.  Kernel
 * code built for another HZ than the program's counts its jiffies wrong.
 */
static unsigned int machine_hz = 1000;

void kshim_set_hz(unsigned int hz)
{
	if (hz != 100 && hz != 250 && hz != 300 && hz != 1000) {
		fprintf(stderr, "kshim: HZ=%u: the kernel's CONFIG_HZ is 100, 250, 300 or 1000\n",
			hz);
		exit(2);
	}
	__atomic_store_n(&machine_hz, hz, __ATOMIC_RELAXED);
}

unsigned int kshim_hz(void)
{
	return __atomic_load_n(&machine_hz, __ATOMIC_RELAXED);
}

/* TICK_NSEC and INITIAL_JIFFIES at the machine's HZ. */
u64 kshim_tick_ns(void)
{
	unsigned int hz = kshim_hz();

	return (NSEC_PER_SEC + hz / 2) / hz;
}

unsigned long kshim_initial_jiffies(void)
{
	return (unsigned long)(unsigned int)(-300 * (int)kshim_hz());
}

/* msecs_to_jiffies() and jiffies_to_msecs() at the machine's HZ. */
unsigned long kshim_msecs_to_jiffies(unsigned int m)
{
	u64 j = ((u64)m * kshim_hz() + MSEC_PER_SEC - 1) / MSEC_PER_SEC;

	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}

unsigned int kshim_jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)((u64)j * MSEC_PER_SEC / kshim_hz());
}

/* Jiffies since boot, 64 bits (jiffies_64 - INITIAL_JIFFIES). */
u64 kshim_ns_to_rel_jiffies(u64 ns)
{
	return ns / kshim_tick_ns();
}

unsigned long __kshim_jiffies(void)
{
	return kshim_initial_jiffies() +
	       (unsigned long)kshim_ns_to_rel_jiffies(kshim_clock_ns());
}

u64 get_jiffies_64(void)
{
	return (u64)__kshim_jiffies();
}

u64 sched_clock(void)
{
	return kshim_clock_ns();
}

u64 local_clock(void)
{
	return kshim_clock_ns();
}
