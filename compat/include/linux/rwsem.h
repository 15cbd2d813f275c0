/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rwsem.h - read/write semaphores.
 *
 * Follows include/linux/rwsem.h and kernel/locking/rwsem.c of 6.1
 * (CONFIG_DEBUG_RWSEMS, lockdep's held-lock records): many readers or one
 * writer; down_read*()/down_write*() are might_sleep() points at the
 * caller's line and sleep for real while the other side holds it; a
 * reader that finds readers in and a writer waiting queues behind the
 * writer (6.1 gives lock stealing to a reader only when no reader holds
 * it), so a nested down_read() with a writer waiting deadlocks as in the
 * kernel: kshim reports every such self-deadlock at once ("lockup").
 * The _interruptible/_killable forms return -EINTR when a signal (fatal
 * for _killable) is pending or arrives while they sleep.  up_read() of a
 * semaphore no reader holds and up_write() by a task that is not the
 * writer are DEBUG_RWSEMS_WARN_ON() warnings with 6.1's text, naming the
 * caller.  An rwsem still held when a test ends is a ledger report naming
 * the line that took it.  compat/kernel/locking/rwsem.c implements it.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <linux/version.h>
#include <kshim/site.h>

struct rw_semaphore {
	struct kshim_host_lock host;
	long count;			/* readers, or -1 for a writer */
	void *owner;			/* the writer's task, under host */
	unsigned int waiters;		/* under host */
	void *magic;
	const struct kshim_site *site;	/* where the writer took it */
	/* kshim, under host: */
	unsigned int writers_waiting;	/* writers queued (readers yield) */
	/*
	 * 6.1's sem->owner word, for DEBUG_RWSEMS's checks and text: the
	 * writer, or the last reader | RWSEM_READER_OWNED (bit 0, which
	 * stays once that reader left: is_rwsem_reader_owned()).
	 */
	unsigned long kernel_owner;
};

#define RWSEM_UNLOCKED_VALUE		0L

#define __RWSEM_INITIALIZER(name)	{ .magic = &(name) }
#define DECLARE_RWSEM(name)						\
	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key);
#define init_rwsem(sem)		__init_rwsem((sem), #sem, NULL)

/* In all implementations count != 0 means locked. */
static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return __atomic_load_n(&sem->count, __ATOMIC_RELAXED) != 0;
}

/* Some task waits for it (6.1: the wait list is not empty). */
int rwsem_is_contended(struct rw_semaphore *sem);

int __kshim_down_read(struct rw_semaphore *sem, unsigned int state,
		      const struct kshim_site *site);
int __kshim_down_read_trylock(struct rw_semaphore *sem,
			      const struct kshim_site *site);
int __kshim_down_write(struct rw_semaphore *sem, unsigned int state,
		       const struct kshim_site *site);
int __kshim_down_write_trylock(struct rw_semaphore *sem,
			       const struct kshim_site *site);
void __kshim_up_read(struct rw_semaphore *sem, const struct kshim_site *site);
void __kshim_up_write(struct rw_semaphore *sem,
		      const struct kshim_site *site);
void __kshim_downgrade_write(struct rw_semaphore *sem,
			     const struct kshim_site *site);

/* The real functions, for code that takes their address. */
extern void down_read(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);

#define down_read(sem)							\
	((void)__kshim_down_read(sem, TASK_UNINTERRUPTIBLE,	\
				 __KSHIM_CALLSITE))
#define down_read_interruptible(sem)					\
	__kshim_down_read(sem, TASK_INTERRUPTIBLE, __KSHIM_CALLSITE)
#define down_read_killable(sem)						\
	__kshim_down_read(sem, TASK_KILLABLE, __KSHIM_CALLSITE)
#define down_read_trylock(sem)						\
	__kshim_down_read_trylock(sem, __KSHIM_CALLSITE)
#define down_write(sem)							\
	((void)__kshim_down_write(sem, TASK_UNINTERRUPTIBLE,	\
				  __KSHIM_CALLSITE))
#define down_write_killable(sem)					\
	__kshim_down_write(sem, TASK_KILLABLE, __KSHIM_CALLSITE)
#define down_write_trylock(sem)						\
	__kshim_down_write_trylock(sem, __KSHIM_CALLSITE)
#define up_read(sem)		__kshim_up_read(sem, __KSHIM_CALLSITE)
#define up_write(sem)		__kshim_up_write(sem, __KSHIM_CALLSITE)
#define downgrade_write(sem)	__kshim_downgrade_write(sem, __KSHIM_CALLSITE)

/* Lockdep's nesting annotations: kshim has no validator. */
#define down_read_nested(sem, subclass)		down_read(sem)
#define down_read_killable_nested(sem, subclass) down_read_killable(sem)
#define down_write_nest_lock(sem, nest_lock)	down_write(sem)
#define down_write_nested(sem, subclass)	down_write(sem)
#define down_write_killable_nested(sem, subclass) down_write_killable(sem)
#define down_read_non_owner(sem)		down_read(sem)
#define up_read_non_owner(sem)			up_read(sem)

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
/*
 * 6.8 include/linux/rwsem.h, !CONFIG_LOCKDEP: the count says whether it
 * is held (by anyone) or write-held.  WARN_ON() at the caller's line.
 */
void __kshim_rwsem_assert_held(struct rw_semaphore *sem, bool write,
			       const struct kshim_site *site);
#define rwsem_assert_held_nolockdep(sem)				\
	__kshim_rwsem_assert_held(sem, false, __KSHIM_CALLSITE)
#define rwsem_assert_held_write_nolockdep(sem)				\
	__kshim_rwsem_assert_held(sem, true, __KSHIM_CALLSITE)
#define rwsem_assert_held(sem)		rwsem_assert_held_nolockdep(sem)
#define rwsem_assert_held_write(sem)	rwsem_assert_held_write_nolockdep(sem)
#endif

/* What the kernel's linux/rwsem.h also makes visible. */
#include <linux/err.h>
#include <linux/spinlock.h>

/*
 * The TASK_* states the macros above expand to (linux/sched.h, which
 * includes this header: so it comes last).
 */
#include <linux/sched.h>

#endif /* _LINUX_RWSEM_H */
