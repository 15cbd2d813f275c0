// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/lockdep.c - lock_is_held() without a validator.
 *
 * kernel/locking/lockdep.c answers lockdep_is_held() from the task's held
 * lock stack; kshim keeps the same stack for its own reports (the locks
 * acquired through spin_lock*(), read/write_lock*() and mutex_lock*(),
 * compat/kernel/sched/core.c) and answers from it.  A spinlock_t is
 * recorded by its raw_spinlock_t, which is its first member: either
 * address is the lock.
 */
#include <linux/lockdep.h>
#include <linux/sched.h>

int kshim_lock_is_held(const void *lock)
{
	struct task_struct *t = current;
	int i, n = t->kshim_lockdep_depth;

	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = 0; i < n; i++)
		if (t->kshim_held_locks[i].lock == lock)
			return LOCK_STATE_HELD;
	return LOCK_STATE_NOT_HELD;
}
