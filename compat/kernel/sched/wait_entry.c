// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/sched/wait_entry.c - wait queue entries.
 *
 * Follows kernel/sched/wait.c of 6.1 for the entry half: add_wait_queue()
 * (at the head), add_wait_queue_exclusive() (at the tail, flagged
 * WQ_FLAG_EXCLUSIVE), remove_wait_queue(), prepare_to_wait*() (queue the
 * entry if it is not queued yet, then set the task's state),
 * finish_wait() (TASK_RUNNING, then dequeue), and __wake_up_common(): each
 * entry's ->func(entry, mode, 0, key) in list order, stopping after @nr
 * exclusive entries that woke or at a negative return.  The queue's host
 * lock is the kernel's wq_head->lock: the callbacks run under it, so they
 * must not take the same queue (autoremove_wake_function() unlinks its
 * entry directly, as the kernel's does).
 */
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include "kernel/sched/sched.h"

/* A queue a driver zeroed without init_waitqueue_head() has no list yet. */
static void entries_ready(struct wait_queue_head *wq_head)
{
	if (!wq_head->head.next)
		INIT_LIST_HEAD(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	host_lock(&wq_head->host);
	entries_ready(wq_head);
	list_add(&wq_entry->entry, &wq_head->head);
	host_unlock(&wq_head->host);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	host_lock(&wq_head->host);
	entries_ready(wq_head);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	host_unlock(&wq_head->host);
}

void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	host_lock(&wq_head->host);
	list_del(&wq_entry->entry);
	host_unlock(&wq_head->host);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	host_lock(&wq_head->host);
	entries_ready(wq_head);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	host_unlock(&wq_head->host);
	set_current_state(state);
}

bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	bool was_empty = false;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	host_lock(&wq_head->host);
	entries_ready(wq_head);
	if (list_empty(&wq_entry->entry)) {
		was_empty = list_empty(&wq_head->head);
		list_add_tail(&wq_entry->entry, &wq_head->head);
	}
	host_unlock(&wq_head->host);
	set_current_state(state);
	return was_empty;
}

void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	__set_current_state(TASK_RUNNING);
	host_lock(&wq_head->host);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	host_unlock(&wq_head->host);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			  int flags, void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned mode, int sync, void *key)
{
	int ret = default_wake_function(wq_entry, mode, sync, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void __kshim_wake_up_entries(struct wait_queue_head *wq_head,
			     unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *curr, *next;

	if (!wq_head->head.next)
		return;
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
}
