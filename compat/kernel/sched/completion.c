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

/*
 * The completion's host lock is where a signal sent to the sleeping task
 * wakes it (signal_wake_up(): wake_up_state() wakes the lock it sleeps
 * on); a plain wake_up_process() does not end the wait, as in the kernel.
 */
static void completion_sleep_host(struct kshim_host_lock *h)
{
	struct task_struct *t = current;

	host_lock(&t->kshim_wake);
	t->kshim_sleep_host = h;
	host_unlock(&t->kshim_wake);
}

long __kshim_wait_for_completion(struct completion *x, unsigned int state,
				 long timeout, const struct kshim_site *site)
{
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;
	struct task_struct *t = current;
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
		completion_sleep_host(&x->host);
		if (forever) {
			host_lock(&x->host);
			while (!x->done && !signal_pending_state(state, t))
				host_wait(&x->host);
		} else {
			kshim_time_wait_begin(&w, &x->host, timeout);
			host_lock(&x->host);
			while (!x->done && !signal_pending_state(state, t) &&
			       kshim_time_wait(&w, &x->host))
				;
			done = x->done;
			if (done && x->done != UINT_MAX)
				x->done--;
			host_unlock(&x->host);
			completion_sleep_host(NULL);
			/* Not under x->host: the clock may move on here. */
			timeout = kshim_time_wait_end(&w);
			kshim_block_end();
			if (!done && signal_pending_state(state, t))
				return -ERESTARTSYS;
			return done ? (timeout ? timeout : 1) : 0;
		}
		done = x->done;		/* else a signal woke it */
		if (done && x->done != UINT_MAX)
			x->done--;
		/* x->host before t->kshim_wake: wake_up_state()'s order. */
		host_unlock(&x->host);
		completion_sleep_host(NULL);
		kshim_block_end();
		return done ? timeout : -ERESTARTSYS;
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
