// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/rcu/tree.c - readers, grace periods, callbacks.
 *
 * Plays kernel/rcu/tree.c + tree_plugin.h of 6.1 with CONFIG_PREEMPT_RCU
 * (readers are tasks), in kshim's own way:
 *
 *  - Readers.  Every host thread is a task.  A task's outermost reader of
 *    any flavour (rcu_read_lock(), _bh, _sched) makes its kshim_rcu_seq
 *    odd, the end of it even again; both are full barriers (a locked
 *    read-modify-write).  The first reader registers the task on a
 *    push-only list (tasks are never freed).
 *  - A grace period (synchronize_rcu(), the grace-period thread) is a full
 *    barrier, then, per registered task, a wait until a task seen odd has
 *    moved on.  The barrier pair is the store-buffering pattern: a reader
 *    that began before the barrier is seen odd; one that began after it
 *    sees every store made before the grace period (the unpublished
 *    pointer).  The reader's end is a release that the grace period
 *    acquires, so TSan sees the reader's last access happen before what
 *    follows the grace period (the kfree()); helgrind is told the same with
 *    happens-before annotations.  A waiting grace period sleeps on a
 *    condition variable that the reader's end signals when someone waits.
 *  - Callbacks.  call_rcu() queues on the calling CPU's list; kshim's
 *    grace-period kthread ("rcu_preempt", a host thread started on first
 *    use, again after fork()) takes every queued callback, waits a grace
 *    period, moves them to their CPU's done list and raises RCU_SOFTIRQ
 *    there: they run in softirq context on that CPU, in queueing order.
 *    rcu_barrier() queues one callback per CPU that has callbacks and
 *    waits for them (6.1's entrain), so it waits for every callback queued
 *    before it but not for those queued later (e.g. by callbacks).
 *  - Checks: unbalanced rcu_read_unlock() (WARN_ON_ONCE, as
 *    __rcu_read_unlock() with PROVE_LOCKING; kshim keeps the depth at 0
 *    instead of letting it go negative), synchronize_rcu() inside a reader
 *    (lockdep-RCU splat; kshim does not wait for the caller's own reader,
 *    where the kernel deadlocks), the schedule path's "Voluntary context
 *    switch within RCU read-side critical section!", a reader open at the
 *    end of a test (ledger), a grace period or barrier that cannot end
 *    for KSHIM_SPINLOCK_LOCKUP ms (kshim's "lockup" in 6.1's stall words:
 *    the kernel warns after 21 s and waits for ever).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/interrupt.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <kshim/ledger.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/time/tick.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"

int rcu_scheduler_active = RCU_SCHEDULER_RUNNING;
int rcu_expedited;
int rcu_normal;
unsigned int __kshim_rcu_boot_gen = 1;

/* ---- registered readers ---- */

static struct task_struct *rcu_tasks;		/* push-only */
static long rcu_readers_open;			/* ledger: tasks inside */
static long rcu_lockdep_held;			/* kshim_lock_acquired() */

/* Grace periods that wait for a reader sleep here. */
static pthread_mutex_t gp_wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gp_wait_cond = PTHREAD_COND_INITIALIZER;
static int gp_waiters;

/* Polled grace periods: a scan's number, and the highest one done. */
static unsigned long gp_starts;
static unsigned long gp_done_max;

static const char *const map_names[] = {
	[KSHIM_RCU_MAP_RCU] = "rcu_read_lock",
	[KSHIM_RCU_MAP_BH] = "rcu_read_lock_bh",
	[KSHIM_RCU_MAP_SCHED] = "rcu_read_lock_sched",
};

/* The lockdep maps: their addresses are the held locks' instances. */
const char kshim_rcu_lock_maps[3];

const char *kshim_rcu_map_name(const void *lock)
{
	if ((const char *)lock >= kshim_rcu_lock_maps &&
	    (const char *)lock < kshim_rcu_lock_maps + 3)
		return map_names[(const char *)lock - kshim_rcu_lock_maps];
	return NULL;
}

static void rcu_register_task(struct task_struct *t)
{
	t->kshim_rcu_registered = true;
	/* Read by grace periods as atomics helgrind does not know. */
	arch_annotate_racy_hint(&t->kshim_rcu_seq, sizeof(t->kshim_rcu_seq));
	t->kshim_rcu_next = __atomic_load_n(&rcu_tasks, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&rcu_tasks, &t->kshim_rcu_next, t,
					    true, __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED))
		;
}

static int *map_nesting(struct task_struct *t, enum kshim_rcu_map map)
{
	switch (map) {
	case KSHIM_RCU_MAP_BH:
		return &t->kshim_rcu_bh_nesting;
	case KSHIM_RCU_MAP_SCHED:
		return &t->kshim_rcu_sched_nesting;
	case KSHIM_RCU_MAP_RCU:
	default:
		return &t->rcu_read_lock_nesting;
	}
}

static int readers_of(struct task_struct *t)
{
	return t->rcu_read_lock_nesting + t->kshim_rcu_bh_nesting +
	       t->kshim_rcu_sched_nesting;
}

static void reader_begin(struct task_struct *t, const struct kshim_site *site)
{
	if (!t->kshim_rcu_registered)
		rcu_register_task(t);
	t->kshim_rcu_site = site;
	__atomic_fetch_add(&rcu_readers_open, 1, __ATOMIC_RELAXED);
	/* Odd; a full barrier before the section's first load. */
	__atomic_fetch_add(&t->kshim_rcu_seq, 1, __ATOMIC_SEQ_CST);
}

static void reader_end(struct task_struct *t)
{
	arch_annotate_happens_before(&t->kshim_rcu_seq);
	/* Even: releases the section; a full barrier before the check. */
	__atomic_fetch_add(&t->kshim_rcu_seq, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_sub(&rcu_readers_open, 1, __ATOMIC_RELAXED);
	if (__atomic_load_n(&gp_waiters, __ATOMIC_SEQ_CST)) {
		pthread_mutex_lock(&gp_wait_lock);
		pthread_cond_broadcast(&gp_wait_cond);
		pthread_mutex_unlock(&gp_wait_lock);
	}
}

void __kshim_rcu_lock_acquire(enum kshim_rcu_map map,
			      const struct kshim_site *site)
{
	struct task_struct *t = current;
	int *nesting = map_nesting(t, map);

	if (!readers_of(t))
		reader_begin(t, site);
	WRITE_ONCE(*nesting, *nesting + 1);
	/* rcu_lock_acquire(): lockdep lists it among the held locks. */
	kshim_lock_acquired(&kshim_rcu_lock_maps[map], map_names[map], site,
			    &rcu_lockdep_held);
}

void __kshim_rcu_lock_release(enum kshim_rcu_map map,
			      const struct kshim_site *site)
{
	static unsigned int warned;
	struct task_struct *t = current;
	int *nesting = map_nesting(t, map);

	if (unlikely(*nesting <= 0)) {
		/*
		 * __rcu_read_unlock(): WARN_ON_ONCE(rrln < 0 || ...).  kshim
		 * leaves the depth at 0 so the machine stays usable.
		 */
		if (__kshim_rcu_once(warned))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return;
	}
	kshim_lock_released(&kshim_rcu_lock_maps[map], &rcu_lockdep_held);
	WRITE_ONCE(*nesting, *nesting - 1);
	if (!readers_of(t))
		reader_end(t);
}

bool kshim_rcu_map_held(enum kshim_rcu_map map)
{
	return *map_nesting(current, map) > 0;
}

/* ---- grace periods ---- */

static unsigned long stall_ms(void)
{
	return kshim_spin_lockup_ms() * arch_slowdown();
}

/*
 * Wait until @t, seen inside a reader with @seq, has left it.  false
 * when it did not within the stall timeout.
 */
static bool wait_task(struct task_struct *t, unsigned long seq)
{
	struct timespec deadline;
	bool ok = true;

	kshim_deadline_ms(&deadline, stall_ms());
	__atomic_fetch_add(&gp_waiters, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_lock(&gp_wait_lock);
	while (__atomic_load_n(&t->kshim_rcu_seq, __ATOMIC_SEQ_CST) == seq) {
		if (pthread_cond_timedwait(&gp_wait_cond, &gp_wait_lock,
					   &deadline) == ETIMEDOUT &&
		    __atomic_load_n(&t->kshim_rcu_seq, __ATOMIC_SEQ_CST) ==
		    seq) {
			ok = false;
			break;
		}
	}
	pthread_mutex_unlock(&gp_wait_lock);
	__atomic_fetch_sub(&gp_waiters, 1, __ATOMIC_RELAXED);
	return ok;
}

static void gp_done(unsigned long nr)
{
	unsigned long old = __atomic_load_n(&gp_done_max, __ATOMIC_RELAXED);

	while (old < nr &&
	       !__atomic_compare_exchange_n(&gp_done_max, &old, nr, true,
					    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
}

/*
 * One grace period: every reader that began before it has ended.  @self
 * (may be NULL) is not waited for.  Returns the task that kept it from
 * ending within the stall timeout (it then keeps waiting if @forever).
 */
static struct task_struct *rcu_gp(struct task_struct *self, bool forever)
{
	unsigned long nr = __atomic_add_fetch(&gp_starts, 1, __ATOMIC_SEQ_CST);
	struct task_struct *t;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (t = __atomic_load_n(&rcu_tasks, __ATOMIC_ACQUIRE); t;
	     t = t->kshim_rcu_next) {
		unsigned long seq = __atomic_load_n(&t->kshim_rcu_seq,
						    __ATOMIC_ACQUIRE);

		if ((seq & 1) && t != self) {
			while (!wait_task(t, seq))
				if (!forever)
					return t;
		}
		arch_annotate_happens_after(&t->kshim_rcu_seq);
	}
	gp_done(nr);
	return NULL;
}

static __attribute__((__noreturn__)) void
rcu_stall_die(struct task_struct *t, const struct kshim_site *site,
	      const char *what)
{
	const struct kshim_site *rs = t->kshim_rcu_site;

	kshim_lockup_die(site, KERN_ERR "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:\n"
			 KERN_ERR "\tTasks blocked on level-0 rcu_node (CPUs 0-%u): P%d\n"
			 KERN_EMERG "kshim: %s() waits for ever (%lu ms): %s/%d is inside rcu_read_lock() taken at %s:%d\n",
			 nr_cpu_ids - 1, t->pid, what, stall_ms(), t->comm,
			 t->pid, rs ? rs->file : "?", rs ? rs->line : 0);
}

static void synchronize_common(const struct kshim_site *site,
			       const char *what, const char *illegal)
{
	static unsigned int warned;
	struct task_struct *self = current, *stuck;

	/* kernel/rcu/tree.c: RCU_LOCKDEP_WARN(lock_is_held(...) ...) */
	if (debug_lockdep_rcu_enabled() && readers_of(self) &&
	    __kshim_rcu_once(warned))
		lockdep_rcu_suspicious(site->file, site->line, illegal);
	/* wait_rcu_gp() -> wait_for_completion(): might_sleep(), sleeps. */
	__kshim_might_sleep(site->file, site->line, site->func);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	stuck = rcu_gp(self, false);
	kshim_block_end();
	if (stuck)
		rcu_stall_die(stuck, site, what);
}

void __kshim_synchronize_rcu(const struct kshim_site *site)
{
	synchronize_common(site, "synchronize_rcu",
			   "Illegal synchronize_rcu() in RCU read-side critical section");
}

void __kshim_synchronize_rcu_expedited(const struct kshim_site *site)
{
	synchronize_common(site, "synchronize_rcu_expedited",
			   "Illegal synchronize_rcu_expedited() in RCU read-side critical section");
}

#undef synchronize_rcu
void synchronize_rcu(void)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 0, "synchronize_rcu", NULL
	};

	__kshim_synchronize_rcu(&site);
}

#undef synchronize_rcu_expedited
void synchronize_rcu_expedited(void)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 0, "synchronize_rcu_expedited", NULL
	};

	__kshim_synchronize_rcu_expedited(&site);
}

/* Polled grace periods. */
unsigned long get_state_synchronize_rcu(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&gp_starts, __ATOMIC_SEQ_CST);
}

bool poll_state_synchronize_rcu(unsigned long oldstate)
{
	return __atomic_load_n(&gp_done_max, __ATOMIC_ACQUIRE) > oldstate;
}

static void gp_kthread_request(void);

unsigned long start_poll_synchronize_rcu(void)
{
	unsigned long s = get_state_synchronize_rcu();

	gp_kthread_request();
	return s;
}

void __kshim_cond_synchronize_rcu(unsigned long oldstate,
				  const struct kshim_site *site)
{
	if (!poll_state_synchronize_rcu(oldstate))
		__kshim_synchronize_rcu(site);
}

#undef cond_synchronize_rcu
void cond_synchronize_rcu(unsigned long oldstate)
{
	if (!poll_state_synchronize_rcu(oldstate))
		synchronize_rcu();
}

void rcu_softirq_qs(void) { }
void rcu_momentary_dyntick_idle(void) { }
void rcu_end_inkernel_boot(void) { }
bool rcu_inkernel_boot_has_ended(void)
{
	return true;
}

/*
 * The schedule path (compat/kernel/sched/core.c kshim_block_begin()):
 * 6.1's rcu_note_context_switch(false) under PREEMPT_RCU.
 */
void kshim_rcu_note_context_switch(const struct kshim_site *site)
{
	static unsigned int warned;

	if (rcu_preempt_depth() > 0 && __kshim_rcu_once(warned))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "Voluntary context switch within RCU read-side critical section!");
}

void rcu_note_context_switch(bool preempt)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree_plugin.h", 320, "rcu_note_context_switch",
		NULL
	};

	if (!preempt)
		kshim_rcu_note_context_switch(&site);
}

/* ---- callbacks ---- */

struct rcu_cblist {
	struct rcu_head *head;
	struct rcu_head **tail;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;		/* the kthread waits for work */
	pthread_cond_t barrier_done;
	struct rcu_cblist wait[NR_CPUS];	/* need a grace period */
	struct rcu_cblist done[NR_CPUS];	/* ready to run */
	long pending[NR_CPUS];		/* queued, not yet run */
	long pending_total;
	bool gp_requested;		/* start_poll_synchronize_rcu() */
	bool started;
	int barrier_left;		/* barrier callbacks not yet run */
	void (*kvfree)(const void *);	/* set by kvfree_call_rcu() */
} rcu = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.wake = PTHREAD_COND_INITIALIZER,
	.barrier_done = PTHREAD_COND_INITIALIZER,
};

static pthread_mutex_t barrier_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct rcu_head barrier_heads[NR_CPUS];

static void cblist_init(struct rcu_cblist *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

static void cblist_append(struct rcu_cblist *to, struct rcu_cblist *from)
{
	if (!from->head)
		return;
	if (!to->tail)
		cblist_init(to);
	*to->tail = from->head;
	to->tail = from->tail;
	cblist_init(from);
}

static void cblist_enqueue(struct rcu_cblist *l, struct rcu_head *head)
{
	if (!l->tail)
		cblist_init(l);
	head->next = NULL;
	*l->tail = head;
	l->tail = &head->next;
}

static void *gp_kthread(void *arg)
{
	static struct rcu_cblist batch[NR_CPUS];
	unsigned int cpu;

	kshim_tick_untrack();		/* the kernel's background */
	for (;;) {
		bool any = false;

		pthread_mutex_lock(&rcu.lock);
		for (;;) {
			for (cpu = 0; cpu < NR_CPUS; cpu++) {
				if (rcu.wait[cpu].head) {
					cblist_init(&batch[cpu]);
					cblist_append(&batch[cpu],
						      &rcu.wait[cpu]);
					any = true;
				}
			}
			if (any || rcu.gp_requested)
				break;
			pthread_cond_wait(&rcu.wake, &rcu.lock);
		}
		rcu.gp_requested = false;
		pthread_mutex_unlock(&rcu.lock);

		/* Waits for ever: a stuck reader is reported by its waiters. */
		rcu_gp(NULL, true);

		pthread_mutex_lock(&rcu.lock);
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			if (batch[cpu].head)
				cblist_append(&rcu.done[cpu], &batch[cpu]);
		pthread_mutex_unlock(&rcu.lock);
		if (!any)
			continue;
		for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
			bool ready;

			pthread_mutex_lock(&rcu.lock);
			ready = rcu.done[cpu].head != NULL;
			pthread_mutex_unlock(&rcu.lock);
			if (ready)
				kshim_raise_softirq_on(cpu, RCU_SOFTIRQ);
		}
	}
	return NULL;
}

/* rcu.lock held. */
static void gp_kthread_wake(void)
{
	pthread_attr_t attr;
	pthread_t thread;
	int err;

	if (!rcu.started) {
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = pthread_create(&thread, &attr, gp_kthread, NULL);
		pthread_attr_destroy(&attr);
		if (err) {
			fprintf(stderr, "kshim: cannot start the RCU grace-period thread: %s\n",
				strerror(err));
			abort();
		}
		rcu.started = true;
	}
	pthread_cond_signal(&rcu.wake);
}

static void gp_kthread_request(void)
{
	pthread_mutex_lock(&rcu.lock);
	rcu.gp_requested = true;
	gp_kthread_wake();
	pthread_mutex_unlock(&rcu.lock);
}

static void enqueue(struct rcu_head *head, rcu_callback_t func, int cpu)
{
	head->func = func;
	pthread_mutex_lock(&rcu.lock);
	cblist_enqueue(&rcu.wait[cpu], head);
	rcu.pending[cpu]++;
	rcu.pending_total++;
	gp_kthread_wake();
	pthread_mutex_unlock(&rcu.lock);
}

void __kshim_call_rcu(struct rcu_head *head, rcu_callback_t func,
		      const struct kshim_site *site)
{
	static unsigned int warned_align, warned_func;

	/* kernel/rcu/tree.c: __call_rcu_common() */
	if ((unsigned long)head & (sizeof(void *) - 1)) {
		if (__kshim_rcu_once(warned_align))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return;
	}
	if (!func) {
		if (__kshim_rcu_once(warned_func))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return;
	}
	enqueue(head, func, raw_smp_processor_id());
}

#undef call_rcu
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 0, "call_rcu", NULL
	};

	__kshim_call_rcu(head, func, &site);
}

/* kvfree_call_rcu() (tree_kvfree.c) hands over the freeing function. */
void kshim_rcu_kvfree_call(struct rcu_head *head, unsigned long offset,
			   void (*kvfree_fn)(const void *))
{
	__atomic_store_n(&rcu.kvfree, kvfree_fn, __ATOMIC_RELAXED);
	enqueue(head, (rcu_callback_t)offset, raw_smp_processor_id());
}

/* RCU_SOFTIRQ (compat/kernel/softirq.c): rcu_do_batch() on this CPU. */
void kshim_rcu_softirq(void)
{
	int cpu = raw_smp_processor_id();
	struct rcu_cblist list;
	long n = 0;

	pthread_mutex_lock(&rcu.lock);
	list = rcu.done[cpu];
	cblist_init(&rcu.done[cpu]);
	pthread_mutex_unlock(&rcu.lock);

	while (list.head) {
		struct rcu_head *head = list.head;
		rcu_callback_t f = head->func;

		list.head = head->next;
		n++;
		if ((unsigned long)f < 4096)
			__atomic_load_n(&rcu.kvfree, __ATOMIC_RELAXED)
				((char *)head - (unsigned long)f);
		else
			f(head);
	}
	if (!n)
		return;
	pthread_mutex_lock(&rcu.lock);
	rcu.pending[cpu] -= n;
	rcu.pending_total -= n;
	pthread_mutex_unlock(&rcu.lock);
}

static void rcu_barrier_callback(struct rcu_head *head)
{
	pthread_mutex_lock(&rcu.lock);
	if (!--rcu.barrier_left)
		pthread_cond_broadcast(&rcu.barrier_done);
	pthread_mutex_unlock(&rcu.lock);
}

void __kshim_rcu_barrier(const struct kshim_site *site)
{
	struct timespec deadline;
	unsigned int cpu;
	bool stuck = false;

	__kshim_might_sleep(site->file, site->line, site->func);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	pthread_mutex_lock(&barrier_mutex);
	pthread_mutex_lock(&rcu.lock);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!rcu.pending[cpu])
			continue;
		rcu.barrier_left++;
		barrier_heads[cpu].func = rcu_barrier_callback;
		cblist_enqueue(&rcu.wait[cpu], &barrier_heads[cpu]);
		rcu.pending[cpu]++;
		rcu.pending_total++;
	}
	if (rcu.barrier_left)
		gp_kthread_wake();
	kshim_deadline_ms(&deadline, 2 * stall_ms());
	while (rcu.barrier_left) {
		if (pthread_cond_timedwait(&rcu.barrier_done, &rcu.lock,
					   &deadline) == ETIMEDOUT &&
		    rcu.barrier_left) {
			stuck = true;
			break;
		}
	}
	pthread_mutex_unlock(&rcu.lock);
	pthread_mutex_unlock(&barrier_mutex);
	kshim_block_end();
	if (stuck)
		kshim_lockup_die(site, KERN_EMERG "kshim: rcu_barrier() waits for ever (%lu ms): callbacks cannot run (a reader that never ends, or a CPU that never takes its softirqs)\n",
				 2 * stall_ms());
}

#undef rcu_barrier
void rcu_barrier(void)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 0, "rcu_barrier", NULL
	};

	__kshim_rcu_barrier(&site);
}

/* SRCU (srcutree.c): callbacks whose grace period ended, run them. */
void kshim_rcu_queue_done(int cpu, struct rcu_head *head)
{
	pthread_mutex_lock(&rcu.lock);
	cblist_enqueue(&rcu.done[cpu], head);
	rcu.pending[cpu]++;
	rcu.pending_total++;
	pthread_mutex_unlock(&rcu.lock);
	kshim_raise_softirq_on(cpu, RCU_SOFTIRQ);
}

/* SRCU readers leaving wake grace periods as RCU readers do. */
void kshim_rcu_wake_waiters(void)
{
	if (__atomic_load_n(&gp_waiters, __ATOMIC_SEQ_CST)) {
		pthread_mutex_lock(&gp_wait_lock);
		pthread_cond_broadcast(&gp_wait_cond);
		pthread_mutex_unlock(&gp_wait_lock);
	}
}

/* Wait until @done(@arg); false after the stall timeout. */
bool kshim_rcu_wait_event(bool (*done)(void *), void *arg)
{
	struct timespec deadline;
	bool ok = true;

	if (done(arg))
		return true;
	kshim_deadline_ms(&deadline, stall_ms());
	__atomic_fetch_add(&gp_waiters, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_lock(&gp_wait_lock);
	while (!done(arg)) {
		if (pthread_cond_timedwait(&gp_wait_cond, &gp_wait_lock,
					   &deadline) == ETIMEDOUT &&
		    !done(arg)) {
			ok = false;
			break;
		}
	}
	pthread_mutex_unlock(&gp_wait_lock);
	__atomic_fetch_sub(&gp_waiters, 1, __ATOMIC_RELAXED);
	return ok;
}

/* ---- helgrind: what rcu_assign_pointer()/rcu_dereference() order ---- */

int __kshim_rcu_annotate;

void __kshim_rcu_publish(const volatile void *slot)
{
	/* The slot itself is read and written as an atomic. */
	arch_annotate_racy_hint((const void *)slot, sizeof(void *));
	arch_annotate_happens_before((const void *)slot);
}

void __kshim_rcu_consume(const volatile void *slot)
{
	arch_annotate_happens_after((const void *)slot);
}

/* ---- boot, tests, fork ---- */

static long ledger_readers(void *arg)
{
	return __atomic_load_n(&rcu_readers_open, __ATOMIC_RELAXED);
}

static void explain_readers(void *arg)
{
	struct task_struct *t;

	for (t = __atomic_load_n(&rcu_tasks, __ATOMIC_ACQUIRE); t;
	     t = t->kshim_rcu_next) {
		const struct kshim_site *s = t->kshim_rcu_site;

		if (!(__atomic_load_n(&t->kshim_rcu_seq, __ATOMIC_ACQUIRE) & 1))
			continue;
		printk(KERN_ERR "%s/%d is inside an RCU read-side critical section (depth %d) entered at %s %s:%d\n",
		       t->comm, t->pid, t == current ? readers_of(t) : -1,
		       s && s->func ? s->func : "?", s ? s->file : "?",
		       s ? s->line : 0);
	}
}

static void rcu_atfork_child(void)
{
	struct task_struct *self = __kshim_current, *t;
	unsigned int cpu;

	/* Only the forking thread lives on; the others' readers are gone. */
	for (t = rcu_tasks; t; t = t->kshim_rcu_next) {
		if (t == self || !(t->kshim_rcu_seq & 1))
			continue;
		t->kshim_rcu_seq++;
		rcu_readers_open--;
	}
	pthread_mutex_init(&gp_wait_lock, NULL);
	pthread_cond_init(&gp_wait_cond, NULL);
	gp_waiters = 0;
	pthread_mutex_init(&rcu.lock, NULL);
	pthread_cond_init(&rcu.wake, NULL);
	pthread_cond_init(&rcu.barrier_done, NULL);
	pthread_mutex_init(&barrier_mutex, NULL);
	rcu.started = false;
	/* Callbacks the kthread had taken are lost with it: none, idle. */
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (rcu.wait[cpu].head || rcu.done[cpu].head)
			rcu.gp_requested = true;
}

void kshim_rcu_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	__kshim_rcu_annotate = RUNNING_ON_VALGRIND;
	arch_annotate_racy_hint(&gp_waiters, sizeof(gp_waiters));
	arch_annotate_racy_hint(&gp_starts, sizeof(gp_starts));
	arch_annotate_racy_hint(&gp_done_max, sizeof(gp_done_max));
	arch_annotate_racy_hint(&rcu_readers_open, sizeof(rcu_readers_open));
	arch_annotate_racy_hint(&rcu_tasks, sizeof(rcu_tasks));
	pthread_atfork(NULL, NULL, rcu_atfork_child);
	kshim_ledger_add("RCU read-side critical sections", ledger_readers,
			 explain_readers, NULL);
}

void kshim_rcu_test_begin(void)
{
	struct task_struct *t = current;

	__atomic_add_fetch(&__kshim_rcu_boot_gen, 1, __ATOMIC_RELAXED);
	/* A test that died inside a reader (KSHIM_FORK=0) left it open. */
	if (readers_of(t)) {
		int i;

		for (i = 0; i < 3; i++)
			while (*map_nesting(t, i) > 0) {
				kshim_lock_released(&kshim_rcu_lock_maps[i],
						    &rcu_lockdep_held);
				(*map_nesting(t, i))--;
			}
		reader_end(t);
	}
}

/* Callbacks still queued run before the allocators count what is left. */
void kshim_rcu_test_end(void)
{
	static const struct kshim_site site = {
		"kernel/rcu/tree.c", 0, "kshim_rcu_test_end", NULL
	};
	long pending;

	pthread_mutex_lock(&rcu.lock);
	pending = rcu.pending_total;
	pthread_mutex_unlock(&rcu.lock);
	if (pending && !readers_of(current) && !preempt_count() &&
	    !irqs_disabled())
		__kshim_rcu_barrier(&site);
}
