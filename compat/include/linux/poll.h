/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/poll.h - a driver's ->poll(): poll_wait() and the event masks.
 *
 * Follows include/linux/poll.h of 6.1: poll_table (_qproc, _key),
 * poll_wait() (registers the caller on @wait_address through the table's
 * queueing function: for poll(2) an entry whose wake-up makes the polling
 * task look at every file again), poll_does_not_wait(),
 * poll_requested_events(), init_poll_funcptr(), vfs_poll() (without
 * ->poll a file is DEFAULT_POLLMASK), and the POLL* and EPOLL* bits of the
 * uapi headers.  poll(2) itself is compat/fs/select.c, reached by a
 * simulated process (kshim/user.h kshim_poll()).  Its poller
 * and the entries it hangs on the queues are select.c's own (not visible).
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/compiler.h>
#include <linux/ktime.h>
#include <linux/wait.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <uapi/linux/poll.h>
#include <uapi/linux/eventpoll.h>
/* POLL_IN... for kill_fasync() (kernel: through linux/signal.h) */
#include <uapi/asm-generic/siginfo.h>

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;

/* structures and helpers for f_op->poll implementations */
typedef void (*poll_queue_proc)(struct file *, wait_queue_head_t *,
				struct poll_table_struct *);

/*
 * Do not touch the structure directly, use the access functions
 * poll_does_not_wait() and poll_requested_events() instead.
 */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address) {
		p->_qproc(filp, wait_address, p);
		/* paired with wq_has_sleeper() */
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
	}
}

/* true when poll() will not sleep: the caller need not add to a queue */
static inline bool poll_does_not_wait(const poll_table *p)
{
	return p == NULL || p->_qproc == NULL;
}

/* the events the caller asked for (all of them without a table) */
static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~(__poll_t)0;
}

static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key   = ~(__poll_t)0; /* all events enabled */
}

static inline bool file_can_poll(struct file *file)
{
	return file->f_op->poll;
}

static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (unlikely(!file->f_op->poll))
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* Epoll event masks are the same as the poll(2) ones. */
static inline __u16 mangle_poll(__poll_t val)
{
	return (__force __u16)val;
}

static inline __poll_t demangle_poll(u16 val)
{
	return (__force __poll_t)val;
}

/* What the kernel's linux/poll.h also makes visible. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/dcache.h>
#include <linux/gfp.h>
#include <linux/hash.h>
#include <linux/kasan.h>
#include <linux/kref.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/notifier.h>
#include <linux/page-flags.h>
#include <linux/radix-tree.h>
#include <linux/ratelimit.h>
#include <linux/rwsem.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/stringhash.h>
#include <linux/uuid.h>
#include <linux/xarray.h>

#endif /* _LINUX_POLL_H */
