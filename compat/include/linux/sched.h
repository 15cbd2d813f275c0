/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/sched.h - struct task_struct, task states and sleeping.
 *
 * Follows include/linux/sched.h of 6.8 (CONFIG_DEBUG_ATOMIC_SLEEP) for
 * what drivers touch: current->comm, ->pid, ->__state,
 * set_current_state(), schedule(), schedule_timeout*(), cond_resched(),
 * wake_up_process().  Every host thread is a task (pid = host thread id,
 * comm = the program's name).
 *
 * Sleeping is real: the thread blocks.  A sleep that really happens while
 * the task is atomic (preempt_count not 0) reports kernel/sched/core.c's
 * "BUG: scheduling while atomic: <comm>/<pid>/0x<preempt_count>" at the
 * caller's file:line (report class "schedule_atomic") and, as 6.8's
 * schedule_debug() does, forces preempt_count back to 0 when the task
 * resumes; a later unlock then trips the underflow warning, as it does in
 * the kernel.  schedule() with the state TASK_RUNNING returns at once;
 * otherwise the task sleeps until wake_up_process() (or the timeout).  A
 * signal the test sent (kshim/signal.h; signal_pending() is in
 * linux/sched/signal.h) keeps an interruptible sleep (a fatal one: a
 * killable sleep) from starting and wakes it.  The sleeping functions are macros, so that reports name the
 * caller; the kernel names its own file there.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/jiffies.h>
#include <linux/might_sleep.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/thread_info.h>
#include <linux/spinlock_types.h>
#include <linux/signal_types.h>
#include <linux/refcount.h>
#include <asm/current.h>

#define TASK_COMM_LEN			16

/* Used in tsk->__state: */
#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define __TASK_STOPPED			0x00000004
#define __TASK_TRACED			0x00000008
#define EXIT_DEAD			0x00000010
#define EXIT_ZOMBIE			0x00000020
#define TASK_PARKED			0x00000040
#define TASK_DEAD			0x00000080
#define TASK_WAKEKILL			0x00000100
#define TASK_WAKING			0x00000200
#define TASK_NOLOAD			0x00000400
#define TASK_NEW			0x00000800
#define TASK_RTLOCK_WAIT		0x00001000
#define TASK_FREEZABLE			0x00002000
#define TASK_FROZEN			0x00008000
#define TASK_STATE_MAX			0x00010000

#define TASK_ANY			(TASK_STATE_MAX - 1)
#define TASK_KILLABLE			(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED			(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED			__TASK_TRACED
#define TASK_IDLE			(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL			(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT		LONG_MAX

/* Per process flags (tsk->flags); kshim uses the PF_MEMALLOC* ones. */
#define PF_VCPU			0x00000001
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_POSTCOREDUMP		0x00000008
#define PF_IO_WORKER		0x00000010
#define PF_WQ_WORKER		0x00000020
#define PF_FORKNOEXEC		0x00000040
#define PF_MCE_PROCESS		0x00000080
#define PF_SUPERPRIV		0x00000100
#define PF_DUMPCORE		0x00000200
#define PF_SIGNALED		0x00000400
#define PF_MEMALLOC		0x00000800
#define PF_NPROC_EXCEEDED	0x00001000
#define PF_USED_MATH		0x00002000
#define PF_NOFREEZE		0x00008000
#define PF_KSWAPD		0x00020000
#define PF_MEMALLOC_NOFS	0x00040000
#define PF_MEMALLOC_NOIO	0x00080000
#define PF_LOCAL_THROTTLE	0x00100000
#define PF_KTHREAD		0x00200000
#define PF_RANDOMIZE		0x00400000
#define PF_NO_SETAFFINITY	0x04000000
#define PF_MCE_EARLY		0x08000000
#define PF_MEMALLOC_PIN		0x10000000
#define PF_SUSPEND_TASK		0x80000000

/* kshim: the most locks a task's ledger entry remembers. */
#define KSHIM_HELD_LOCKS_MAX		48

struct kshim_held_lock {
	const void *lock;
	const char *kind;		/* "spinlock", "rwlock", "mutex" */
	const struct kshim_site *site;	/* where it was taken */
};

/*
 * The task's kmap_local stack (6.x, CONFIG_DEBUG_KMAP_LOCAL: idx moves by
 * 2, every second slot a guard).  kshim keeps the windows themselves in
 * compat/mm/highmem.c.
 */
struct kmap_ctrl {
	int idx;
};

struct kshim_kmap_area;
struct kshim_proc;
struct mm_struct;
struct kunit;

struct task_struct {
	struct thread_info thread_info;	/* must be first */
	unsigned int __state;
	unsigned int flags;		/* PF_* */
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];
	int pagefault_disabled;
	/*
	 * A simulated user process's thread has its address space here
	 * (kshim/user.h); kthreads and kshim's other tasks have none.
	 */
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	struct kshim_proc *kshim_proc;	/* its process (compat/kshim/user.c) */
	int non_block_count;
	unsigned long task_state_change;
	/* kshim: */
	const struct kshim_site *task_state_site;
	struct kshim_site kshim_ctx_site;	/* kshim_run_in_*() caller */
	int kshim_lockdep_depth;
	struct kshim_held_lock kshim_held_locks[KSHIM_HELD_LOCKS_MAX];
	struct kmap_ctrl kmap_ctrl;
	struct kshim_kmap_area *kshim_kmap_slots; /* atomic kmap windows */
	int kshim_pkmap_state;			/* compat/mm/highmem.c */
	int exit_state;				/* EXIT_DEAD: its thread ended */
	struct task_struct *kshim_next;		/* every task, for reports */
	struct kshim_host_lock kshim_wake;	/* schedule() sleeps on it */
	bool kshim_woken;
	bool kshim_tracked;		/* counts for the virtual clock */
	/*
	 * the wait queue's host lock it sleeps on, and (under that lock)
	 * whether wake_up_process() woke it there
	 */
	struct kshim_host_lock *kshim_sleep_host;
	bool kshim_sleep_woken;
	/* where it sleeps now (kshim_block_begin()), for the hung report */
	const struct kshim_site *kshim_block_site;
	/* kshim: signals sent by the test, bit (sig - 1) (linux/sched/signal.h) */
	unsigned long kshim_sigpending;
	/* PREEMPT_RCU: rcu_read_lock() depth (rcu_preempt_depth()) */
	int rcu_read_lock_nesting;
	/* kshim (compat/kernel/rcu/tree.c): the other reader flavours, */
	int kshim_rcu_bh_nesting;		/* rcu_read_lock_bh() */
	int kshim_rcu_sched_nesting;		/* rcu_read_lock_sched() */
	unsigned long kshim_rcu_seq;		/* odd: inside a reader */
	const struct kshim_site *kshim_rcu_site; /* its outermost lock */
	struct task_struct *kshim_rcu_next;	/* tasks that ever read */
	bool kshim_rcu_registered;
	/* CONFIG_KUNIT: the KUnit case this task runs (kunit/test-bug.h) */
	struct kunit *kunit_test;
	/*
	 * kthreads (compat/kernel/kthread.c): get_task_struct() references
	 * (linux/sched/task.h; counted for kthreads, whose task is "freed"
	 * when the last one goes) and the struct kthread of a PF_KTHREAD task.
	 */
	refcount_t usage;
	void *worker_private;
};

static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return false;
}

#define get_task_comm(buf, tsk)						\
({									\
	__builtin_strncpy(buf, (tsk)->comm, sizeof(buf) - 1);		\
	(buf)[sizeof(buf) - 1] = '\0';					\
	(buf);								\
})

/*
 * The state changes note where they happened (DEBUG_ATOMIC_SLEEP keeps
 * the instruction pointer; kshim keeps the file:line).  The task's state
 * is written under a host lock of the task, which is also what a waker
 * reads it under: set_current_state() is the full barrier it is in the
 * kernel, and TSan and helgrind see the sleep/wake-up pairing as the
 * synchronisation it is.  Only the task itself writes its state.
 */
void __kshim_set_current_state(unsigned int state,
			       const struct kshim_site *site);
unsigned int kshim_task_state(struct task_struct *p);

#define __set_current_state(state_value)				\
	__kshim_set_current_state(state_value, __KSHIM_CALLSITE)
#define set_current_state(state_value)					\
	__kshim_set_current_state(state_value, __KSHIM_CALLSITE)
#define set_special_state(state_value)	set_current_state(state_value)
/* The task reading its own state needs no lock. */
#define get_current_state()	READ_ONCE(current->__state)
#define task_is_running(task)	(kshim_task_state(task) == TASK_RUNNING)

void __kshim_schedule(const struct kshim_site *site);
long __kshim_schedule_timeout(long timeout, unsigned int state,
			      const struct kshim_site *site);
int wake_up_process(struct task_struct *tsk);
int wake_up_state(struct task_struct *tsk, unsigned int state);
void yield(void);

#define schedule()		__kshim_schedule(__KSHIM_CALLSITE)
#define io_schedule()		__kshim_schedule(__KSHIM_CALLSITE)
/* The current state: the caller set it (TASK_RUNNING: no sleep at all). */
#define schedule_timeout(timeout)					\
	__kshim_schedule_timeout(timeout, ~0U, __KSHIM_CALLSITE)
#define io_schedule_timeout(timeout)	schedule_timeout(timeout)
#define schedule_timeout_interruptible(timeout)				\
	__kshim_schedule_timeout(timeout, TASK_INTERRUPTIBLE, __KSHIM_CALLSITE)
#define schedule_timeout_killable(timeout)				\
	__kshim_schedule_timeout(timeout, TASK_KILLABLE, __KSHIM_CALLSITE)
#define schedule_timeout_uninterruptible(timeout)			\
	__kshim_schedule_timeout(timeout, TASK_UNINTERRUPTIBLE, __KSHIM_CALLSITE)
#define schedule_timeout_idle(timeout)					\
	__kshim_schedule_timeout(timeout, TASK_IDLE, __KSHIM_CALLSITE)

/* A voluntary preemption point: a might_sleep() check, never a switch. */
#define cond_resched()							\
({									\
	__might_resched(__FILE__, __LINE__, 0);				\
	0;								\
})

static inline int need_resched(void)
{
	return 0;
}

/* What the kernel's linux/sched.h also makes visible. */
#include <asm-generic/kmap_size.h>
#include <asm/pgtable_types.h>
#include <linux/debug_locks.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/prandom.h>
#include <linux/rbtree.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/timerqueue.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

/*
 * Until 4.11 linux/sched.h was one header: it held signal_pending() and
 * its family (linux/sched/signal.h since) and brought in, among much else,
 * linux/capability.h and linux/mm_types.h.  Older drivers rely on that.
 */
#include <linux/version.h>
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 11, 0)
#include <linux/capability.h>
#include <linux/mm_types.h>
#include <linux/sched/signal.h>
#endif

#endif /* _LINUX_SCHED_H */
