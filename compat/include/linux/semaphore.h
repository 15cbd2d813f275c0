/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/semaphore.h - counting semaphores.
 *
 * Follows include/linux/semaphore.h and kernel/locking/semaphore.c of 6.8:
 *  - DEFINE_SEMAPHORE(name, n) (the count argument exists since 6.4),
 *    sema_init(sem, n);
 *  - down*() are might_sleep() points (reported at the caller's file:line)
 *    and sleep, really blocking, until the count is positive, then take
 *    one; down_interruptible() and down_killable() return -EINTR when a
 *    signal (a fatal one for _killable) is pending as they would sleep; down_timeout() returns -ETIME when the
 *    count stays 0 for @timeout jiffies;
 *  - down_trylock() never sleeps and returns 0 when it took one, 1 when
 *    the count was 0 (the opposite of mutex_trylock());
 *  - up() gives one back; any task, any context; semaphores have no owner.
 */
#ifndef __LINUX_SEMAPHORE_H
#define __LINUX_SEMAPHORE_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/limits.h>
#include <linux/might_sleep.h>
#include <linux/sched.h>
#include <asm/current.h>

struct semaphore {
	struct kshim_host_lock host;
	unsigned int count;		/* under host */
};

#define __SEMAPHORE_INITIALIZER(name, n)	{ .count = (n) }
#define DEFINE_SEMAPHORE(_name, _n)					\
	struct semaphore _name = __SEMAPHORE_INITIALIZER(_name, _n)

void sema_init(struct semaphore *sem, int val);
int __kshim_down(struct semaphore *sem, unsigned int state, long timeout,
		 const struct kshim_site *site);
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#define down(sem)							\
	((void)__kshim_down(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, \
			    __KSHIM_CALLSITE))
#define down_interruptible(sem)						\
	__kshim_down(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, __KSHIM_CALLSITE)
#define down_killable(sem)						\
	__kshim_down(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT, __KSHIM_CALLSITE)
#define down_timeout(sem, timeout)					\
	__kshim_down(sem, TASK_UNINTERRUPTIBLE, (long)(timeout), __KSHIM_CALLSITE)

/* What the kernel's linux/semaphore.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/time64.h>

#endif /* __LINUX_SEMAPHORE_H */
