// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/sched/core.c - the current task, as reports name it.
 *
 * Reproduces what kernel/sched/core.c gives reports: current->comm (the
 * program name, TASK_COMM_LEN-1 characters), current->pid (the host thread
 * id, so each thread is its own task) and the CPU it runs on.  The
 * contexts issue grows this into full task and preempt_count state.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "kshim/internal.h"

#define TASK_COMM_LEN 16

const char *kshim_current_comm(void)
{
	static __thread char comm[TASK_COMM_LEN];

	if (!comm[0]) {
		strncpy(comm, program_invocation_short_name,
			TASK_COMM_LEN - 1);
		if (!comm[0])
			strcpy(comm, "kshim");
	}
	return comm;
}

int kshim_current_pid(void)
{
	return (int)gettid();
}

int kshim_current_cpu(void)
{
	return 0;
}
