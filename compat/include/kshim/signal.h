/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kshim/signal.h - the test sends signals to kernel tasks.
 *
 * kshim-internal API (no kernel counterpart): what a user process does
 * with kill(2) to a task sleeping in a driver.  kshim_signal_send() makes
 * @sig pending for @task (NULL: current): signal_pending() is then true,
 * fatal_signal_pending() too for SIGKILL, and an interruptible (for
 * SIGKILL also a killable) sleep is woken, as signal_wake_up() does: in
 * schedule(), wait_event_*() and wait_for_completion_*().  A task
 * sleeping in a mutex or semaphore sees the signal when it next checks:
 * send it before the driver waits.  kshim_signal_clear()
 * takes every signal back (the kernel would deliver them on the return to
 * user space).  Each test starts with no signal pending.
 */
#ifndef _KSHIM_SIGNAL_H
#define _KSHIM_SIGNAL_H

struct task_struct;

/* 0, or -EINVAL for a signal number outside 1..64. */
int kshim_signal_send(struct task_struct *task, int sig);
void kshim_signal_clear(struct task_struct *task);

#endif /* _KSHIM_SIGNAL_H */
