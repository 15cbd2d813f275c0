// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/ratelimit.c - ___ratelimit(), printk_ratelimit().
 *
 * Reproduces lib/ratelimit.c and the printk_ratelimit() part of
 * kernel/printk/printk.c (6.1): an interval of 0 never limits; otherwise
 * the first call starts an interval of @interval jiffies in which @burst
 * calls pass and the rest are missed; the first call after the interval
 * starts a new one and, if calls were missed, prints
 * "<func>: <missed> callbacks suppressed" (KERN_WARNING; with
 * RATELIMIT_MSG_ON_RELEASE the count waits for ratelimit_state_exit()).
 * A caller that finds the state's lock taken is limited, as in the
 * kernel.  jiffies are kshim's (its clock's ticks at the machine's HZ).
 */
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>

#include "kshim/internal.h"

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	int interval = READ_ONCE(rs->interval);
	int burst = READ_ONCE(rs->burst);
	unsigned long flags;
	int ret;

	if (!interval)
		return 1;

	/* contended: somebody else is printing already */
	if (!raw_spin_trylock_irqsave(&rs->lock, flags))
		return 0;

	if (!rs->begin)
		rs->begin = jiffies;

	if (time_is_before_jiffies(rs->begin + interval)) {
		if (rs->missed && !(rs->flags & RATELIMIT_MSG_ON_RELEASE)) {
			printk_deferred(KERN_WARNING
					"%s: %d callbacks suppressed\n",
					func, rs->missed);
			rs->missed = 0;
		}
		rs->begin = jiffies;
		rs->printed = 0;
	}
	if (burst && burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		ret = 0;
	}
	raw_spin_unlock_irqrestore(&rs->lock, flags);

	return ret;
}

/* printk_ratelimit(): one state for every caller (kernel/printk/printk.c) */
DEFINE_RATELIMIT_STATE(printk_ratelimit_state, 5 * HZ, 10);

int __printk_ratelimit(const char *func)
{
	return ___ratelimit(&printk_ratelimit_state, func);
}

/* True if more than @interval_msec passed since *@caller_jiffies (then set). */
bool printk_timed_ratelimit(unsigned long *caller_jiffies,
			    unsigned int interval_msec)
{
	unsigned long elapsed = jiffies - *caller_jiffies;

	if (*caller_jiffies &&
	    elapsed <= kshim_msecs_to_jiffies(interval_msec))
		return false;

	*caller_jiffies = jiffies;
	return true;
}
