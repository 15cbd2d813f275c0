/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/rwsem.h - read/write semaphores.
 *
 * Follows include/linux/rwsem.h of 6.1 (CONFIG_DEBUG_RWSEMS, lockdep):
 * many readers or one writer; down_read()/down_write() may sleep;
 * up_read()/up_write() by the wrong side or of an unlocked semaphore is
 * DEBUG_RWSEMS's warning; held rwsems are locks for lockdep's reports.
 * compat/kernel/locking/rwsem.c implements it.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <kshim/site.h>

struct rw_semaphore {
	struct kshim_host_lock host;
	long count;			/* readers, or -1 for a writer */
	void *owner;			/* the writer's task, under host */
	unsigned int waiters;		/* under host */
	void *magic;
	const struct kshim_site *site;	/* where the writer took it */
};

#define __RWSEM_INITIALIZER(name)	{ .magic = &(name) }
#define DECLARE_RWSEM(name)						\
	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

#endif /* _LINUX_RWSEM_H */
