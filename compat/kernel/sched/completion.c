// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/sched/completion.c - completions.
 *
 * Reproduces kernel/sched/completion.c of 6.8: done counts complete()s
 * (UINT_MAX after complete_all(), which then satisfies every wait until
 * reinit_completion()); a wait is a might_sleep() point at the caller's
 * file:line and, when not done, a real sleep ("BUG: scheduling while
 * atomic" if atomic); the timed forms return 0 on timeout, else the
 * jiffies left, at least 1.  The count lives under a host mutex; sleepers
 * wait on its condition variable.
 */
#include <limits.h>

#include <linux/completion.h>
#include <linux/sched/signal.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

void init_completion(struct completion *x)
{
	host_init(&x->host);
	x->done = 0;
}

void reinit_completion(struct completion *x)
{
	host_lock(&x->host);
	x->done = 0;
	host_unlock(&x->host);
}

void complete(struct completion *x)
{
	host_lock(&x->host);
	if (x->done != UINT_MAX)
		x->done++;
	host_wake_all(&x->host);
	host_unlock(&x->host);
}

void complete_on_current_cpu(struct completion *x)
{
	complete(x);
}

void complete_all(struct completion *x)
{
	host_lock(&x->host);
	x->done = UINT_MAX;
	host_wake_all(&x->host);
	host_unlock(&x->host);
}

long __kshim_wait_for_completion(struct completion *x, unsigned int state,
				 long timeout, const struct kshim_site *site)
{
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;
	struct kshim_time_wait w;
	bool done;

	__kshim_might_sleep(site->file, site->line, site->func);
	host_lock(&x->host);
	if (!x->done) {
		/* do_wait_for_common(): a signal ends the wait unslept. */
		kshim_signal_fault(state, site);
		if (signal_pending_state(state, current)) {
			host_unlock(&x->host);
			return -ERESTARTSYS;
		}
		host_unlock(&x->host);
		kshim_block_begin(state, site);
		if (forever) {
			host_lock(&x->host);
			while (!x->done)
				host_wait(&x->host);
		} else {
			kshim_time_wait_begin(&w, &x->host, timeout);
			host_lock(&x->host);
			while (!x->done && kshim_time_wait(&w, &x->host))
				;
			done = x->done;
			if (done && x->done != UINT_MAX)
				x->done--;
			host_unlock(&x->host);
			/* Not under x->host: the clock may move on here. */
			timeout = kshim_time_wait_end(&w);
			kshim_block_end();
			return done ? (timeout ? timeout : 1) : 0;
		}
		kshim_block_end();
	}
	if (x->done != UINT_MAX)
		x->done--;
	host_unlock(&x->host);
	return timeout ? timeout : 1;
}

bool try_wait_for_completion(struct completion *x)
{
	bool ret = true;

	host_lock(&x->host);
	if (!x->done)
		ret = false;
	else if (x->done != UINT_MAX)
		x->done--;
	host_unlock(&x->host);
	return ret;
}

bool completion_done(struct completion *x)
{
	bool done;

	host_lock(&x->host);
	done = x->done != 0;
	host_unlock(&x->host);
	return done;
}
