/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mutex.h - sleeping mutual exclusion.
 *
 * Follows include/linux/mutex.h and kernel/locking/mutex.c +
 * mutex-debug.c of 6.8 with CONFIG_DEBUG_MUTEXES:
 *  - mutex_lock*() are might_sleep() points (reported at the caller's
 *    file:line even when the mutex is free) and sleep, really blocking the
 *    thread, until the mutex is free; sleeping while atomic is "BUG:
 *    scheduling while atomic".  kshim tasks get no signals, so the
 *    _interruptible and _killable forms return -EINTR when a signal (a
 *    fatal one for _killable) is pending as they would sleep, else 0.
 *  - mutex_trylock() returns 1 when it took the mutex, 0 otherwise.
 *  - mutex_unlock() by a task that does not own it (or of a free mutex)
 *    WARNs "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)" and
 *    releases it anyway; a mutex that was never mutex_init()ed WARNs
 *    "DEBUG_LOCKS_WARN_ON(lock->magic != lock)" when contended or
 *    trylocked, as in the kernel.  Once per boot (debug_locks).
 *  - mutex_lock() of a mutex the task already holds would sleep for ever:
 *    kshim reports that at once (class "lockup") and ends the test.
 * The lock is a host mutex + condition variable (see spinlock_types.h).
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/limits.h>
#include <linux/might_sleep.h>
#include <asm/current.h>

struct mutex {
	struct kshim_host_lock host;
	void *owner;			/* struct task_struct *, under host */
	unsigned int waiters;		/* under host */
	void *magic;
	const struct kshim_site *site;	/* where the owner took it */
};

#define __MUTEX_INITIALIZER(lockname)	{ .magic = &(lockname) }
#define DEFINE_MUTEX(mutexname)						\
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);
#define mutex_init(mutex)	__mutex_init((mutex), #mutex, NULL)

int __kshim_mutex_lock(struct mutex *lock, unsigned int state,
		       const struct kshim_site *site);
int __kshim_mutex_trylock(struct mutex *lock, const struct kshim_site *site);
void __kshim_mutex_unlock(struct mutex *lock, const struct kshim_site *site);
void __kshim_mutex_destroy(struct mutex *lock, const struct kshim_site *site);
bool mutex_is_locked(struct mutex *lock);

#define mutex_lock(lock)						\
	((void)__kshim_mutex_lock(lock, TASK_UNINTERRUPTIBLE, __KSHIM_CALLSITE))
#define mutex_lock_io(lock)		mutex_lock(lock)
#define mutex_lock_interruptible(lock)					\
	__kshim_mutex_lock(lock, TASK_INTERRUPTIBLE, __KSHIM_CALLSITE)
#define mutex_lock_killable(lock)					\
	__kshim_mutex_lock(lock, TASK_KILLABLE, __KSHIM_CALLSITE)
#define mutex_lock_nested(lock, subclass)	mutex_lock(lock)
#define mutex_lock_io_nested(lock, subclass)	mutex_lock(lock)
#define mutex_lock_nest_lock(lock, nest_lock)	mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass)			\
	mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, subclass)			\
	mutex_lock_killable(lock)
#define mutex_trylock(lock)	__kshim_mutex_trylock(lock, __KSHIM_CALLSITE)
#define mutex_unlock(lock)	__kshim_mutex_unlock(lock, __KSHIM_CALLSITE)
#define mutex_destroy(lock)	__kshim_mutex_destroy(lock, __KSHIM_CALLSITE)

/* What the kernel's linux/mutex.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/debug_locks.h>
#include <linux/percpu-defs.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/time64.h>

/*
 * The TASK_* states the macros above expand to (linux/sched.h, which
 * includes this header: so it comes last).
 */
#include <linux/sched.h>

#endif /* __LINUX_MUTEX_H */
