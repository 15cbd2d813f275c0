/*
 * compat/kshim/proc.h - a simulated user process (kshim/user.h).
 *
 * kshim-internal.  Every thread of a process is a task whose kshim_proc
 * points here and whose mm is the process's; user.c owns the structure,
 * fs/ the file table, mm/ the address space.
 */
#ifndef _KSHIM_PROC_H
#define _KSHIM_PROC_H

#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/types.h>

struct files_struct;

struct kshim_proc {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct files_struct *files;
	u64 caps;			/* capable() bits, CAP_* */
	int threads;			/* background calls running */
};

#endif /* _KSHIM_PROC_H */
