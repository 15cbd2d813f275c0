// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/sched/core.c - tasks, preempt_count, might_sleep() and
 * sleeping.
 *
 * Reproduces kernel/sched/core.c of 6.8 (CONFIG_DEBUG_ATOMIC_SLEEP,
 * CONFIG_DEBUG_PREEMPT, CONFIG_PREEMPT_COUNT, CONFIG_PREEMPT_RCU, no
 * lockdep):
 *  - current: every host thread is a task, created the first time it asks
 *    (comm = the program's name, pid = the host thread id).  Tasks are
 *    never freed (a lock may name a task whose thread is gone); they are
 *    kept on a list, so nothing leaks.
 *  - preempt_count_add()/preempt_count_sub() with the DEBUG_PREEMPT
 *    under/overflow warnings, and the "Preemption disabled at:" record;
 *  - __might_resched()/__might_sleep()/__cant_sleep()/__might_fault()
 *    with 6.8's text and one-per-second rate limit, at the caller's
 *    file:line (the kernel's macros pass __FILE__/__LINE__ too); an RCU
 *    reader counts ("RCU nest depth: 1, expected: 0"), and the RCU-bh /
 *    RCU-sched lockdep-RCU checks come first (compat/kernel/rcu/);
 *  - schedule_debug()/__schedule_bug(): "BUG: scheduling while atomic",
 *    then preempt_count forced back (PREEMPT_DISABLED inside schedule(),
 *    so 0 once the task runs again), then PREEMPT_RCU's "Voluntary
 *    context switch within RCU read-side critical section!";
 *  - schedule(), wake_up_process(): a task sleeps on a host condition
 *    variable of its own.
 * The per-test ledger checks that preempt_count, the interrupt flag and
 * the spinlocks/mutexes held are the same at the end of a test as at its
 * start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/debug_locks.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"

_Static_assert(offsetof(struct task_struct, thread_info) == 0,
	       "current_thread_info() needs thread_info first in task_struct");

/* ---- tasks ---- */

__thread struct task_struct *__kshim_current;
static struct task_struct *all_tasks;

struct task_struct *__kshim_current_setup(void)
{
	struct task_struct *t = calloc(1, sizeof(*t));
	const char *name = program_invocation_short_name;

	if (!t) {
		fprintf(stderr, "kshim: out of memory for a task_struct\n");
		abort();
	}
	t->thread_info.eflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	t->__state = TASK_RUNNING;
	t->pid = gettid();
	t->tgid = getpid();
	snprintf(t->comm, sizeof(t->comm), "%s", name && *name ? name : "kshim");
	host_init(&t->kshim_wake);
	/* Relaxed: publishing a task must not order anything else. */
	t->kshim_next = __atomic_load_n(&all_tasks, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&all_tasks, &t->kshim_next, t,
					    true, __ATOMIC_RELAXED,
					    __ATOMIC_RELAXED))
		;
	__kshim_current = t;
	return t;
}

/* The child of fork() is a new task (the test's process). */
static void sched_atfork_child(void)
{
	struct task_struct *t = __kshim_current;

	if (t) {
		t->pid = gettid();
		t->tgid = getpid();
	}
}

const char *kshim_current_comm(void)
{
	return current->comm;
}

int kshim_current_pid(void)
{
	return current->pid;
}

int kshim_current_cpu(void)
{
	return current_thread_info()->cpu;
}

/* "[<ip>] func [mod] file:line": kshim's print_ip_sym(). */
void kshim_print_ip_site(unsigned long ip, const struct kshim_site *site)
{
	if (!site) {
		printk(KERN_ERR "[<%016lx>] (unknown)\n", ip);
		return;
	}
	printk(KERN_ERR "[<%016lx>] %s%s%s%s %s:%d\n", ip,
	       site->func ? site->func : "?", site->mod ? " [" : "",
	       site->mod ? site->mod : "", site->mod ? "]" : "", site->file,
	       site->line);
}

/* ---- preempt_count (DEBUG_PREEMPT) ---- */

static bool debug_locks_warn(bool cond, const char *text,
			     const struct kshim_site *site)
{
	if (!cond)
		return false;
	if (debug_locks_off() && !debug_locks_silent)
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, "DEBUG_LOCKS_WARN_ON(%s)", text);
	return true;
}

static void preempt_latency_start(int val, const struct kshim_site *site,
				  unsigned long ip)
{
	struct thread_info *ti = current_thread_info();

	if (preempt_count() == val) {
		ti->preempt_disable_site = site;
		ti->preempt_disable_ip = ip;
	}
}

static void preempt_count_add_ip(int val, const struct kshim_site *site,
				 unsigned long ip)
{
	if (debug_locks_warn(preempt_count() < 0, "(preempt_count() < 0)",
			     site))
		return;
	__preempt_count_add(val);
	/* Spinlock count overflowing soon? */
	debug_locks_warn((preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10,
			 "(preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10",
			 site);
	preempt_latency_start(val, site, ip);
}

static void preempt_count_sub_site(int val, const struct kshim_site *site)
{
	/* Underflow? */
	if (debug_locks_warn(val > preempt_count(), "val > preempt_count()",
			     site))
		return;
	/* Is the spinlock portion underflowing? */
	if (debug_locks_warn((val < PREEMPT_MASK) &&
			     !(preempt_count() & PREEMPT_MASK),
			     "(val < PREEMPT_MASK) && !(preempt_count() & PREEMPT_MASK)",
			     site))
		return;
	__preempt_count_sub(val);
}

void __kshim_preempt_count_add(int val, const struct kshim_site *site)
{
	preempt_count_add_ip(val, site,
			     (unsigned long)__builtin_return_address(0));
}

void __kshim_preempt_count_sub(int val, const struct kshim_site *site)
{
	preempt_count_sub_site(val, site);
}

/* For kshim's own entry points, which pass the caller's ip along. */
void kshim_preempt_count_add_ip(int val, const struct kshim_site *site,
				unsigned long ip);
void kshim_preempt_count_add_ip(int val, const struct kshim_site *site,
				unsigned long ip)
{
	preempt_count_add_ip(val, site, ip);
}

static void print_preempt_disable_ip(int preempt_offset)
{
	struct thread_info *ti = current_thread_info();

	if (preempt_count() == preempt_offset)
		return;
	pr_err("Preemption disabled at:");
	kshim_print_ip_site(ti->preempt_disable_ip, ti->preempt_disable_site);
}

/* ---- might_sleep() and friends ---- */

/* Ratelimiting timestamps (each test boots afresh: reset per test). */
static unsigned long might_resched_prev_jiffy;
static unsigned long cant_sleep_prev_jiffy;

/* The kernel's "time_before(jiffies, prev + HZ) && prev" under races. */
static bool ratelimited(unsigned long *prev)
{
	unsigned long now = jiffies;
	unsigned long old = __atomic_load_n(prev, __ATOMIC_RELAXED);

	if (old && time_before(now, old + HZ))
		return true;
	return !__atomic_compare_exchange_n(prev, &old, now, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

static inline int resched_offsets_ok(unsigned int offsets)
{
	unsigned int nested = preempt_count();

	nested += rcu_preempt_depth() << MIGHT_RESCHED_RCU_SHIFT;
	return nested == offsets;
}

void __might_resched(const char *file, int line, unsigned int offsets)
{
	/* WARN_ON_ONCE() by default, no rate limit required: */
	kshim_rcu_sleep_check(file, line);

	if (resched_offsets_ok(offsets) && !irqs_disabled() &&
	    !is_idle_task(current) && !current->non_block_count)
		return;
	if (ratelimited(&might_resched_prev_jiffy))
		return;

	kshim_report_begin(KSHIM_REPORT_MIGHT_SLEEP, file, line, NULL);
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->non_block_count,
	       current->pid, current->comm);
	pr_err("preempt_count: %x, expected: %x\n", preempt_count(),
	       offsets & MIGHT_RESCHED_PREEMPT_MASK);
	/* CONFIG_PREEMPT_RCU (kshim/kconfig.h) */
	pr_err("RCU nest depth: %d, expected: %u\n", rcu_preempt_depth(),
	       offsets >> MIGHT_RESCHED_RCU_SHIFT);
	print_preempt_disable_ip(offsets & MIGHT_RESCHED_PREEMPT_MASK);
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	kshim_report_end();
}

void __might_sleep(const char *file, int line)
{
	unsigned int state = get_current_state();
	const struct kshim_site *ss = current->task_state_site;

	/*
	 * Blocking primitives will set (and therefore destroy) current->state,
	 * since we will exit with TASK_RUNNING make sure we enter with it,
	 * otherwise we will destroy state.
	 */
	if (state != TASK_RUNNING && current->task_state_change) {
		static bool done;

		if (!__atomic_exchange_n(&done, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, "__might_sleep", NULL, TAINT_WARN,
				     "do not call blocking ops when !TASK_RUNNING; state=%x set at [<%016lx>] %s %s:%d\n",
				     state, current->task_state_change,
				     ss && ss->func ? ss->func : "?",
				     ss ? ss->file : "?", ss ? ss->line : 0);
	}
	__might_resched(file, line, 0);
}

void __cant_sleep(const char *file, int line, int preempt_offset)
{
	if (irqs_disabled())
		return;
	if (preempt_count() > preempt_offset)
		return;
	if (ratelimited(&cant_sleep_prev_jiffy))
		return;

	kshim_report_begin(KSHIM_REPORT_CANT_SLEEP, file, line, NULL);
	printk(KERN_ERR "BUG: assuming atomic context at %s:%d\n", file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, current->comm);
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	kshim_report_end();
}

/* mm/memory.c in the kernel. */
void __might_fault(const char *file, int line)
{
	if (pagefault_disabled())
		return;
	__might_sleep(file, line);
}

/* ---- schedule_debug() ---- */

static void __schedule_bug(struct task_struct *prev,
			   const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_SCHEDULE_ATOMIC, site->file,
			   site->line, site->func);
	/* As printed inside schedule(), which has preemption disabled. */
	printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n",
	       prev->comm, prev->pid,
	       preempt_count() + (int)PREEMPT_DISABLE_OFFSET);
	kshim_print_modules();
	if (preempt_count()) {
		pr_err("Preemption disabled at:");
		kshim_print_ip_site(current_thread_info()->preempt_disable_ip,
				    current_thread_info()->preempt_disable_site);
	}
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	kshim_report_end();
}

/* Only the task writes its state; wakers read it under the same lock. */
static void task_set_state(struct task_struct *t, unsigned int state)
{
	host_lock(&t->kshim_wake);
	WRITE_ONCE(t->__state, state);
	host_unlock(&t->kshim_wake);
}

void __kshim_set_current_state(unsigned int state,
			       const struct kshim_site *site)
{
	struct task_struct *t = current;

	t->task_state_site = site;
	t->task_state_change = (unsigned long)site;
	task_set_state(t, state);
}

unsigned int kshim_task_state(struct task_struct *p)
{
	unsigned int state;

	if (p == current)
		return READ_ONCE(p->__state);
	host_lock(&p->kshim_wake);
	state = p->__state;
	host_unlock(&p->kshim_wake);
	return state;
}

void kshim_block_begin(unsigned int state, const struct kshim_site *site)
{
	struct task_struct *prev = current;

	if (state)
		task_set_state(prev, state);
	if (READ_ONCE(prev->__state) && prev->non_block_count) {
		kshim_report_begin(KSHIM_REPORT_SCHEDULE_ATOMIC, site->file,
				   site->line, site->func);
		printk(KERN_ERR "BUG: scheduling in a non-blocking section: %s/%d/%i\n",
		       prev->comm, prev->pid, prev->non_block_count);
		dump_stack();
		add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
		kshim_report_end();
	}
	if (unlikely(preempt_count())) {
		__schedule_bug(prev, site);
		/* PREEMPT_DISABLED in schedule(), 0 after it. */
		preempt_count_set(PREEMPT_ENABLED);
	}
	/* __schedule(): rcu_note_context_switch(false), PREEMPT_RCU */
	kshim_rcu_note_context_switch(site);
	/* Off the CPU: CPU 0 takes interrupts without this task now. */
	kshim_cpu_task_sleeps(true);
}

void kshim_block_end(void)
{
	kshim_cpu_task_sleeps(false);
	task_set_state(current, TASK_RUNNING);
}

/* ---- sleeping and waking ---- */

void kshim_deadline_ms(struct timespec *ts, unsigned long ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

long kshim_jiffies_until(const struct timespec *deadline)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_REALTIME, &now);
	ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 +
	     (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms > 0 ? (long)ms : 0;
}

long kshim_task_sleep(long timeout)
{
	struct task_struct *t = current;
	struct timespec deadline;
	bool forever = timeout == MAX_SCHEDULE_TIMEOUT;

	if (!forever)
		kshim_deadline_ms(&deadline, timeout > 0 ? timeout : 0);
	host_lock(&t->kshim_wake);
	while (!t->kshim_woken) {
		if (forever)
			host_wait(&t->kshim_wake);
		else if (!host_wait_until(&t->kshim_wake, &deadline))
			break;
	}
	t->kshim_woken = false;
	host_unlock(&t->kshim_wake);
	return forever ? timeout : kshim_jiffies_until(&deadline);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	int woken = 0;

	host_lock(&p->kshim_wake);
	if (p->__state & state) {
		p->kshim_woken = true;
		host_wake_all(&p->kshim_wake);
		woken = 1;
	}
	host_unlock(&p->kshim_wake);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

void __kshim_schedule(const struct kshim_site *site)
{
	unsigned int state = get_current_state();

	kshim_block_begin(0, site);
	/* __schedule(): a signal keeps an interruptible task running. */
	if (state != TASK_RUNNING && !signal_pending_state(state, current))
		kshim_task_sleep(MAX_SCHEDULE_TIMEOUT);
	kshim_block_end();
}

/* @state ~0U: the state the caller set (TASK_RUNNING: no sleep). */
long __kshim_schedule_timeout(long timeout, unsigned int state,
			      const struct kshim_site *site)
{
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n",
		       (unsigned long)timeout);
		dump_stack();
		kshim_block_end();
		return 0;
	}
	kshim_block_begin(state == ~0U ? 0 : state, site);
	if (get_current_state() != TASK_RUNNING &&
	    !signal_pending_state(get_current_state(), current))
		timeout = kshim_task_sleep(timeout);
	kshim_block_end();
	return timeout;
}

void yield(void)
{
	sched_yield();
}

/* ---- held locks, for the ledger ---- */

long kshim_spinlocks_held;
long kshim_mutexes_held;

void kshim_lock_acquired(const void *lock, const char *kind,
			 const struct kshim_site *site, long *counter)
{
	struct task_struct *t = current;

	__atomic_fetch_add(counter, 1, __ATOMIC_RELAXED);
	if (t->kshim_lockdep_depth < KSHIM_HELD_LOCKS_MAX) {
		struct kshim_held_lock *h =
			&t->kshim_held_locks[t->kshim_lockdep_depth];

		h->lock = lock;
		h->kind = kind;
		h->site = site;
	}
	t->kshim_lockdep_depth++;
}

void kshim_lock_released(const void *lock, long *counter)
{
	struct task_struct *t = current;
	int i, n = t->kshim_lockdep_depth;

	__atomic_fetch_sub(counter, 1, __ATOMIC_RELAXED);
	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = n - 1; i >= 0; i--) {
		if (t->kshim_held_locks[i].lock != lock)
			continue;
		memmove(&t->kshim_held_locks[i], &t->kshim_held_locks[i + 1],
			(n - i - 1) * sizeof(t->kshim_held_locks[0]));
		t->kshim_lockdep_depth--;
		return;
	}
	/* Released by a task that does not hold it (already reported). */
}

static long ledger_preempt_count(void *arg)
{
	return preempt_count();
}

static void explain_preempt_count(void *arg)
{
	struct thread_info *ti = current_thread_info();

	printk(KERN_ERR "preempt_count: %08x (hardirq %lu, softirq %lu, preempt %lu)\n",
	       preempt_count(), hardirq_count() >> HARDIRQ_SHIFT,
	       softirq_count() >> SOFTIRQ_SHIFT,
	       (preempt_count() & PREEMPT_MASK) >> PREEMPT_SHIFT);
	if (preempt_count() > 0) {
		pr_err("Preemption disabled at:");
		kshim_print_ip_site(ti->preempt_disable_ip,
				    ti->preempt_disable_site);
	}
}

static long ledger_irqs_disabled(void *arg)
{
	return irqs_disabled();
}

static void explain_irqs_disabled(void *arg)
{
	const struct kshim_site *s = current_thread_info()->irq_disable_site;

	if (irqs_disabled() && s)
		printk(KERN_ERR "hardirqs last disabled at: %s %s:%d\n",
		       s->func ? s->func : "?", s->file, s->line);
}

static void explain_held_locks(const char *kind)
{
	struct task_struct *t = current;
	int i, n = t->kshim_lockdep_depth;

	/* Only this task's: other tasks may still be running. */
	printk(KERN_ERR "%d lock%s held by %s/%d:\n", n, n == 1 ? "" : "s",
	       t->comm, t->pid);
	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = 0; i < n; i++) {
		const struct kshim_held_lock *h = &t->kshim_held_locks[i];

		if (strcmp(h->kind, kind) && strcmp(kind, "*"))
			continue;
		printk(KERN_ERR " #%d: %s %p, at: %s %s:%d\n", i, h->kind,
		       h->lock, h->site->func ? h->site->func : "?",
		       h->site->file, h->site->line);
	}
}

static long ledger_spinlocks(void *arg)
{
	return __atomic_load_n(&kshim_spinlocks_held, __ATOMIC_RELAXED);
}

static void explain_spinlocks(void *arg)
{
	explain_held_locks("*");
}

static long ledger_mutexes(void *arg)
{
	return __atomic_load_n(&kshim_mutexes_held, __ATOMIC_RELAXED);
}

static void explain_mutexes(void *arg)
{
	explain_held_locks("mutex");
}

/* ---- boot and tests ---- */

void kshim_sched_init(void)
{
	static bool registered;

	kshim_time_init();
	if (registered)
		return;
	registered = true;
	pthread_atfork(NULL, NULL, sched_atfork_child);
	kshim_ledger_add("preempt_count", ledger_preempt_count,
			 explain_preempt_count, NULL);
	kshim_ledger_add("irqs_disabled()", ledger_irqs_disabled,
			 explain_irqs_disabled, NULL);
	kshim_ledger_add("spinlocks and rwlocks held", ledger_spinlocks,
			 explain_spinlocks, NULL);
	kshim_ledger_add("mutexes held", ledger_mutexes, explain_mutexes,
			 NULL);
}

/* A fresh machine: rate limits, lock debugging and the task's context. */
void kshim_sched_test_begin(void)
{
	struct task_struct *t = current;

	__atomic_store_n(&might_resched_prev_jiffy, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cant_sleep_prev_jiffy, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&debug_locks, 1, __ATOMIC_RELAXED);
	t->pid = gettid();
	t->tgid = getpid();
}
