/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/spinlock_types.h - spinlock_t, raw_spinlock_t and rwlock_t.
 *
 * Follows include/linux/spinlock_types.h, spinlock_types_raw.h and
 * rwlock_types.h of 6.8 with CONFIG_DEBUG_SPINLOCK: a lock carries a magic
 * number (a lock nobody initialised is "BUG: spinlock bad magic"), its
 * owner task and the owner's CPU.  DEFINE_SPINLOCK()/DEFINE_RWLOCK() and
 * the __*_UNLOCKED() initialisers set them up statically.
 *
 * Underneath is a real host lock (struct kshim_host_lock: a glibc mutex
 * and condition variable, for which all-zero is the static initialiser),
 * so ThreadSanitizer and helgrind see every acquire and release as the
 * synchronisation it is.  The host mutex guards the lock's state only
 * briefly; a task "spinning" waits on the condition variable with a
 * deadline, so a lockup is reported instead of hanging.  This is also
 * what lets any task release a lock (a kernel bug kshim must survive to
 * report), which a host mutex held for the whole critical section would
 * not allow.
 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

struct kshim_site;

/*
 * Opaque here: pthread_mutex_t and pthread_cond_t of x86-64 glibc, and
 * (under the mutex) how many tasks sleep on it and how often it woke them,
 * for the virtual clock's "everyone is asleep" test
 * (compat/kernel/time/tick-sched.c).
 */
struct kshim_host_lock {
	unsigned long __mutex[5];
	unsigned long __cond[6];
	int __blocked;
	unsigned int __wake_gen;
};

/* Lock classes belong to lockdep, which kshim does not emulate. */
struct lock_class_key { };

#define SPINLOCK_MAGIC		0xdead4ead
#define SPINLOCK_OWNER_INIT	((void *)-1L)
#define RWLOCK_MAGIC		0xdeaf1eed

typedef struct raw_spinlock {
	struct kshim_host_lock host;
	unsigned int locked;		/* under the host mutex */
	unsigned int magic;
	int owner_cpu;
	void *owner;			/* struct task_struct * */
	const struct kshim_site *site;	/* where the owner took it */
} raw_spinlock_t;

#define __RAW_SPIN_LOCK_INITIALIZER(lockname)				\
	{								\
		.magic = SPINLOCK_MAGIC,				\
		.owner_cpu = -1,					\
		.owner = SPINLOCK_OWNER_INIT,				\
	}
#define __RAW_SPIN_LOCK_UNLOCKED(lockname)				\
	((raw_spinlock_t) __RAW_SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_RAW_SPINLOCK(x)						\
	raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)

typedef struct spinlock {
	union {
		struct raw_spinlock rlock;
	};
} spinlock_t;

#define ___SPIN_LOCK_INITIALIZER(lockname)				\
	{ { .rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) } }
#define __SPIN_LOCK_UNLOCKED(lockname)					\
	((spinlock_t) ___SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_SPINLOCK(x)	spinlock_t x = ___SPIN_LOCK_INITIALIZER(x)

typedef struct {
	struct kshim_host_lock host;
	int readers;			/* under the host mutex */
	unsigned int writer;		/* under the host mutex */
	unsigned int magic;
	int owner_cpu;
	void *owner;			/* the writer */
	const struct kshim_site *site;
} rwlock_t;

#define __RWLOCK_INITIALIZER(lockname)					\
	{								\
		.magic = RWLOCK_MAGIC,					\
		.owner_cpu = -1,					\
		.owner = SPINLOCK_OWNER_INIT,				\
	}
#define __RW_LOCK_UNLOCKED(lockname)					\
	((rwlock_t) __RWLOCK_INITIALIZER(lockname))
#define DEFINE_RWLOCK(x)	rwlock_t x = __RWLOCK_INITIALIZER(x)

/* What the kernel's linux/spinlock_types.h also makes visible. */
#include <asm/byteorder.h>
#include <linux/compiler.h>

#endif /* __LINUX_SPINLOCK_TYPES_H */
