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
#include <kshim/site.h>

#include "kernel/sched/sched.h"

struct files_struct;

struct kshim_proc {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct files_struct *files;
	u64 caps;			/* capable() bits, CAP_* */
	struct kshim_host_lock host;	/* threads */
	int threads;			/* background calls running */
	struct list_head node;		/* live processes (user.c) */
};

/* What a task was before it entered as a thread of a process. */
struct kshim_proc_entry {
	bool entered;		/* false: it already was one of @proc's */
	struct kshim_proc *proc;
	/* what the task had before (restored on the way out) */
	struct kshim_proc *old_proc;
	struct mm_struct *mm, *active_mm;
	pid_t pid, tgid;
	char comm[TASK_COMM_LEN];
	struct kshim_ctx_mark mark;
};

/*
 * The calling thread's task becomes a thread of @p (@pid 0: its main
 * thread): 0, or -EPERM from kernel code (atomic, IRQs off, already a
 * thread of another process).  kshim_proc_leave() returns to user space:
 * the checks of syscall_exit_to_user_mode() (@nr the system call number,
 * -1 for the return from a user-mode fault), restart codes become -EINTR,
 * pending signals are delivered; it returns @ret so translated.
 */
int kshim_proc_enter(struct kshim_proc *p, pid_t pid,
		     struct kshim_proc_entry *e);
long kshim_proc_leave(struct kshim_proc_entry *e, long ret, long nr,
		      const struct kshim_site *site);

#endif /* _KSHIM_PROC_H */
