// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/semaphore.c - counting semaphores.
 *
 * Reproduces kernel/locking/semaphore.c of 6.8: down*() are might_sleep()
 * points (at the caller's file:line) that take one unit, sleeping (for
 * real, "BUG: scheduling while atomic" if atomic) while the count is 0;
 * down_trylock() returns 0 on success and 1 when it would have to sleep;
 * down_timeout() gives up with -ETIME; up() adds one and wakes a sleeper.
 * A signal pending when the task would sleep (interruptible, or fatal for
 * the killable form) makes the wait return -EINTR, as __down_common().
 * The count lives under a host mutex; sleepers wait on its condition
 * variable.
 */
#include <errno.h>

#include <linux/semaphore.h>
#include <linux/sched/signal.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

void sema_init(struct semaphore *sem, int val)
{
	host_init(&sem->host);
	sem->count = val;
}

int __kshim_down(struct semaphore *sem, unsigned int state, long timeout,
		 const struct kshim_site *site)
{
	struct kshim_time_wait w;
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;
	int ret = 0;

	__kshim_might_sleep(site->file, site->line, site->func);
	host_lock(&sem->host);
	if (likely(sem->count > 0)) {
		sem->count--;
		host_unlock(&sem->host);
		return 0;
	}
	kshim_signal_fault(state, site);
	if (signal_pending_state(state, current)) {
		host_unlock(&sem->host);
		return -EINTR;
	}
	host_unlock(&sem->host);

	kshim_block_begin(state, site);
	if (!forever)
		kshim_time_wait_begin(&w, &sem->host, timeout);
	host_lock(&sem->host);
	while (!sem->count) {
		if (forever) {
			host_wait(&sem->host);
		} else if (!kshim_time_wait(&w, &sem->host) && !sem->count) {
			ret = -ETIME;
			break;
		}
	}
	if (!ret)
		sem->count--;
	host_unlock(&sem->host);
	if (!forever)
		kshim_time_wait_end(&w);
	kshim_block_end();
	return ret;
}

int down_trylock(struct semaphore *sem)
{
	int count;

	host_lock(&sem->host);
	count = sem->count - 1;
	if (likely(count >= 0))
		sem->count = count;
	host_unlock(&sem->host);
	return count < 0;
}

void up(struct semaphore *sem)
{
	host_lock(&sem->host);
	sem->count++;
	host_wake_all(&sem->host);
	host_unlock(&sem->host);
}
