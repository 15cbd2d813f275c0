// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/mutex.c - sleeping mutexes, CONFIG_DEBUG_MUTEXES.
 *
 * Reproduces kernel/locking/mutex.c and mutex-debug.c of 6.8:
 *  - mutex_lock*(): might_sleep() first, then the trylock fast path, then
 *    (contended) the magic check and a real sleep until the owner
 *    releases it ("BUG: scheduling while atomic" if atomic);
 *  - mutex_trylock(): the magic check, then take it if free;
 *  - mutex_unlock(): "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)"
 *    when the task does not own it, then released anyway;
 *  - mutex_destroy(): "DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock))".
 * WARNs name the caller's file:line, once per boot (debug_locks).  A
 * mutex_lock() by its owner would sleep for ever: kshim reports it at once
 * (class "lockup") and ends the test.  Underneath, a host mutex guards the
 * owner field and a host condition variable is the wait list, so any task
 * may release a mutex, and TSan/helgrind see the handoff.
 */
#include <linux/debug_locks.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/printk.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

static bool mutex_warn_on(bool cond, const char *text,
			  const struct kshim_site *site)
{
	if (!cond)
		return false;
	if (debug_locks_off() && !debug_locks_silent)
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, "DEBUG_LOCKS_WARN_ON(%s)", text);
	return true;
}

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	host_init(&lock->host);
	lock->owner = NULL;
	lock->waiters = 0;
	lock->magic = lock;
	lock->site = NULL;
}

static __noreturn void mutex_deadlock(struct mutex *lock,
				      const struct kshim_site *site)
{
	const struct kshim_site *held = lock->site;

	host_unlock(&lock->host);
	kshim_lockup_die(site, KERN_ERR "kshim: deadlock: %s/%d locks mutex %p, which it holds (taken at %s:%d); the task would sleep for ever\n",
			 current->comm, current->pid, (void *)lock,
			 held ? held->file : "?", held ? held->line : 0);
}

int __kshim_mutex_lock(struct mutex *lock, unsigned int state,
		       const struct kshim_site *site)
{
	struct task_struct *t = current;

	__kshim_might_sleep(site->file, site->line, site->func);
	host_lock(&lock->host);
	if (lock->owner) {
		mutex_warn_on(lock->magic != lock, "lock->magic != lock", site);
		if (lock->owner == t)
			mutex_deadlock(lock, site);
		/* A signal ends an interruptible (killable) wait before it starts. */
		kshim_signal_fault(state, site);
		if (signal_pending_state(state, t)) {
			host_unlock(&lock->host);
			return -EINTR;
		}
		host_unlock(&lock->host);
		kshim_block_begin(state, site);
		host_lock(&lock->host);
		lock->waiters++;
		while (lock->owner)
			host_wait(&lock->host);
		lock->waiters--;
		kshim_block_end();
	}
	lock->owner = t;
	lock->site = site;
	host_unlock(&lock->host);
	kshim_lock_acquired(lock, "mutex", site, &kshim_mutexes_held);
	return 0;
}

int __kshim_mutex_trylock(struct mutex *lock, const struct kshim_site *site)
{
	int locked = 0;

	mutex_warn_on(lock->magic != lock, "lock->magic != lock", site);
	host_lock(&lock->host);
	if (!lock->owner) {
		lock->owner = current;
		lock->site = site;
		locked = 1;
	}
	host_unlock(&lock->host);
	if (locked)
		kshim_lock_acquired(lock, "mutex", site, &kshim_mutexes_held);
	return locked;
}

void __kshim_mutex_unlock(struct mutex *lock, const struct kshim_site *site)
{
	struct task_struct *owner;

	host_lock(&lock->host);
	owner = lock->owner;
	mutex_warn_on(owner != current, "__owner_task(owner) != current",
		      site);
	lock->owner = NULL;
	lock->site = NULL;
	if (lock->waiters)
		host_wake_all(&lock->host);
	host_unlock(&lock->host);
	if (owner)
		kshim_lock_released(lock, &kshim_mutexes_held);
}

bool mutex_is_locked(struct mutex *lock)
{
	bool locked;

	host_lock(&lock->host);
	locked = lock->owner != NULL;
	host_unlock(&lock->host);
	return locked;
}

void __kshim_mutex_destroy(struct mutex *lock, const struct kshim_site *site)
{
	mutex_warn_on(mutex_is_locked(lock), "mutex_is_locked(lock)", site);
	lock->magic = NULL;
}
