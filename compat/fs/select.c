// SPDX-License-Identifier: GPL-2.0
/*
 * compat/fs/select.c - poll(2) (fs/select.c of 6.1: do_sys_poll()).
 *
 * Each pass calls ->poll of every file (vfs_poll(): DEFAULT_POLLMASK
 * without one) with the events asked for plus EPOLLERR | EPOLLHUP; a
 * negative fd is skipped (revents 0), a bad one is POLLNVAL.  In the
 * first pass poll_wait() adds an entry to every wait queue the driver
 * passes; a wake-up on any of them (whose poll key, if any, has one of
 * the entry's events) makes the task pass again.  Once a file is ready
 * no more entries are added.  The task sleeps TASK_INTERRUPTIBLE with
 * schedule_timeout() on kshim's clock: the timeout (msecs, rounded up to
 * jiffies; -1 for ever, 0 never sleeps) ends with 0 ready files, a signal
 * with -ERESTARTNOHAND (no timeout) or -ERESTART_RESTARTBLOCK (a
 * timeout), which user space sees as -EINTR.  The entries leave their
 * queues before poll returns (poll_freewait()).
 * kshim's own pieces: a poller (the table and the sleeping task) and its
 * hooks, one per wait queue a driver named, kept on a plain list.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <kshim/user.h>

#include "fs/internal.h"

/* One hook of a poller on one wait queue a ->poll() passed to poll_wait(). */
struct kshim_poll_hook {
	struct list_head link;		/* on kshim_poller.hooks */
	wait_queue_entry_t entry;	/* on *queue */
	wait_queue_head_t *queue;
	struct file *file;		/* held while hooked */
	__poll_t interest;		/* the events polled for on @file */
};

/* The state of one poll() call. */
struct kshim_poller {
	poll_table table;		/* what ->poll() sees */
	struct task_struct *sleeper;
	struct list_head hooks;
	int woken;			/* a hook fired since the last pass */
	int error;			/* a hook could not be allocated */
};

/*
 * A wake-up on a hooked queue.  A keyed wake-up that carries none of
 * the events the hook is interested in is ignored.  The flag is set
 * before the wake-up: the task checks it before it goes to sleep, so a
 * wake-up between its pass and its sleep is not lost.
 */
static int kshim_poll_wake(wait_queue_entry_t *wq, unsigned mode, int sync,
			   void *key)
{
	struct kshim_poll_hook *hook =
		container_of(wq, struct kshim_poll_hook, entry);
	struct kshim_poller *poller = wq->private;

	if (key != NULL && (key_to_poll(key) & hook->interest) == 0)
		return 0;
	__atomic_store_n(&poller->woken, 1, __ATOMIC_SEQ_CST);
	return wake_up_state(poller->sleeper, mode);
}

/* The table's queueing function (poll_wait() calls it). */
static void kshim_poll_hook_on(struct file *filp, wait_queue_head_t *queue,
			       poll_table *table)
{
	struct kshim_poller *poller =
		container_of(table, struct kshim_poller, table);
	struct kshim_poll_hook *hook = kmalloc(sizeof(*hook), GFP_KERNEL);

	if (hook == NULL) {
		poller->error = -ENOMEM;
		return;
	}
	hook->queue = queue;
	hook->file = filp;
	hook->interest = table->_key;
	get_file(filp);
	init_waitqueue_func_entry(&hook->entry, kshim_poll_wake);
	hook->entry.private = poller;
	list_add_tail(&hook->link, &poller->hooks);
	add_wait_queue(queue, &hook->entry);
}

/* Every hook off its queue, its file released. */
static void kshim_poll_unhook_all(struct kshim_poller *poller)
{
	while (!list_empty(&poller->hooks)) {
		struct kshim_poll_hook *hook =
			list_first_entry(&poller->hooks,
					 struct kshim_poll_hook, link);

		list_del(&hook->link);
		remove_wait_queue(hook->queue, &hook->entry);
		fput(hook->file);
		kfree(hook);
	}
}

/*
 * The revents of one pollfd: 0 for a negative fd, POLLNVAL for one that
 * is not open, else what ->poll() reports among the events asked for;
 * EPOLLERR and EPOLLHUP are always of interest.
 */
static short kshim_poll_fd(const struct kshim_pollfd *pfd, poll_table *table)
{
	__poll_t interest, ready;
	struct file *file;

	if (pfd->fd < 0)
		return 0;
	file = fget(pfd->fd);
	if (file == NULL)
		return POLLNVAL;
	interest = EPOLLERR | EPOLLHUP | demangle_poll(pfd->events);
	if (table != NULL)
		table->_key = interest;
	ready = interest & vfs_poll(file, table);
	fput(file);
	return mangle_poll(ready);
}

/*
 * One pass over the set; returns how many entries are ready.  Hooks are
 * only wanted while nothing is ready: the first ready file ends the
 * queueing for the rest of the pass (and for good after it).
 */
static int kshim_poll_pass(struct kshim_pollfd *fds, unsigned int nfds,
			   poll_table *table)
{
	int ready = 0;
	unsigned int n;

	for (n = 0; n < nfds; n++) {
		fds[n].revents = kshim_poll_fd(&fds[n], table);
		if (fds[n].revents != 0) {
			table->_qproc = NULL;
			ready++;
		}
	}
	table->_qproc = NULL;
	return ready;
}

int kshim_sys_poll(struct kshim_pollfd *fds, unsigned int nfds,
		   int timeout_ms)
{
	long left = timeout_ms < 0 ? MAX_SCHEDULE_TIMEOUT :
				     (long)msecs_to_jiffies(timeout_ms);
	struct kshim_poller poller = {
		.sleeper = current,
		.hooks = LIST_HEAD_INIT(poller.hooks),
	};
	int ret;

	init_poll_funcptr(&poller.table, kshim_poll_hook_on);
	/* A zero timeout checks once and hooks nothing. */
	if (left == 0)
		poller.table._qproc = NULL;

	for (;;) {
		ret = kshim_poll_pass(fds, nfds, &poller.table);
		if (ret == 0)
			ret = signal_pending(current) ? -ERESTARTNOHAND :
							poller.error;
		if (ret != 0 || left == 0)
			break;

		set_current_state(TASK_INTERRUPTIBLE);
		if (!__atomic_load_n(&poller.woken, __ATOMIC_SEQ_CST))
			left = schedule_timeout(left);
		__set_current_state(TASK_RUNNING);
		__atomic_store_n(&poller.woken, 0, __ATOMIC_SEQ_CST);
	}
	kshim_poll_unhook_all(&poller);

	/* A timed poll restarts through the restart block. */
	if (ret == -ERESTARTNOHAND && timeout_ms >= 0)
		ret = -ERESTART_RESTARTBLOCK;
	return ret;
}
