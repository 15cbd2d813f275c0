// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/sched/wait.c - wait queue heads, minimal.
 *
 * Reproduces what wait_event*() and wake_up*() of kernel/sched/wait.c
 * (6.8) guarantee: a waiter that found its condition false sleeps until a
 * wake_up() that came after its check, so no wake-up is lost.  kshim
 * counts wake-ups under the queue's host mutex: the waiter reads the count
 * before checking the condition and sleeps only while it is unchanged.
 * Every wake-up wakes every sleeper, which re-checks its condition (the
 * kernel's exclusive waits are an optimisation drivers cannot observe).
 * Sleeping while atomic is "BUG: scheduling while atomic" at the
 * wait_event*() line.
 */
#include <linux/wait.h>
#include <linux/sched/signal.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	host_init(&wq_head->host);
	INIT_LIST_HEAD(&wq_head->head);
	wq_head->kshim_seq = 0;
	wq_head->kshim_sleepers = 0;
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key)
{
	host_lock(&wq_head->host);
	wq_head->kshim_seq++;
	host_wake_all(&wq_head->host);
	__kshim_wake_up_entries(wq_head, mode, nr, key);
	host_unlock(&wq_head->host);
}

int waitqueue_active(struct wait_queue_head *wq_head)
{
	int active;

	host_lock(&wq_head->host);
	active = wq_head->kshim_sleepers != 0 ||
		 (wq_head->head.next && !list_empty(&wq_head->head));
	host_unlock(&wq_head->host);
	return active;
}

unsigned long __kshim_wait_prepare(struct wait_queue_head *wq_head)
{
	unsigned long seq;

	host_lock(&wq_head->host);
	seq = wq_head->kshim_seq;
	host_unlock(&wq_head->host);
	return seq;
}

long __kshim_wait_sleep(struct wait_queue_head *wq_head, unsigned long seq,
			long timeout, unsigned int state,
			const struct kshim_site *site)
{
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;
	struct task_struct *t = current;
	struct kshim_time_wait w;

	if (timeout <= 0)
		return 0;
	/* prepare_to_wait_event(): a signal ends the wait unslept. */
	kshim_signal_fault(state, site);
	if (signal_pending_state(state, current))
		return -ERESTARTSYS;
	kshim_block_begin(state, site);
	if (!forever)
		kshim_time_wait_begin(&w, &wq_head->host, timeout);
	/* wake_up_process() of this task ends the sleep too: the caller
	 * looks at its condition again, as after the kernel's schedule(). */
	host_lock(&t->kshim_wake);
	t->kshim_sleep_woken = false;
	t->kshim_sleep_host = &wq_head->host;
	host_unlock(&t->kshim_wake);
	host_lock(&wq_head->host);
	wq_head->kshim_sleepers++;
	/* A signal sent meanwhile wakes it too (signal_wake_up()). */
	while (wq_head->kshim_seq == seq && !t->kshim_sleep_woken &&
	       !signal_pending_state(state, t)) {
		if (forever)
			host_wait(&wq_head->host);
		else if (!kshim_time_wait(&w, &wq_head->host))
			break;
	}
	wq_head->kshim_sleepers--;
	host_unlock(&wq_head->host);
	host_lock(&t->kshim_wake);
	t->kshim_sleep_host = NULL;
	t->kshim_woken = false;		/* consumed here, not by a later schedule() */
	host_unlock(&t->kshim_wake);
	if (!forever)
		timeout = kshim_time_wait_end(&w);
	kshim_block_end();
	return timeout;
}
