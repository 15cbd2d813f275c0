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
 * A machine running 2.6.28 - 2.6.36 (compat/init/version.c) prints
 * 2.6.35's kernel/sched.c instead: __might_sleep() without the non_block,
 * preempt_count and RCU lines, __schedule_bug() with the count in 2.6.35's
 * layout (asm/preempt.h), and no reset of the count afterwards.
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
#include "kernel/time/tick.h"
#include "kernel/sched/sched.h"
#include "kernel/cpu.h"
#include "kernel/rcu/rcu.h"

_Static_assert(offsetof(struct task_struct, thread_info) == 0,
	       "current_thread_info() needs thread_info first in task_struct");

/* ---- tasks ---- */

__thread struct task_struct *__kshim_current;
static struct task_struct *all_tasks;
static pthread_key_t task_exit_key;
static bool task_exit_key_made;
static void task_exit(void *arg);

/* Before boot (constructor 200) and before any thread but main(). */
__attribute__((__constructor__(150))) static void make_task_exit_key(void)
{
	task_exit_key_made = !pthread_key_create(&task_exit_key, task_exit);
}

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
	kshim_tick_task_new(t);
	/* do_exit()'s checks when the thread ends (not for main()'s). */
	if (task_exit_key_made)
		pthread_setspecific(task_exit_key, t);
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

/*
 * "[<ip>] func [mod] file:line": kshim's print_ip_sym().  Without a site,
 * @ip is a code address (a handler's entry): "[<ip>] symbol+0xoff/0xsize".
 */
void kshim_print_ip_site(unsigned long ip, const struct kshim_site *site)
{
	if (!site) {
		char name[128];
		unsigned long off, size;

		if (ip && arch_lookup_symbol(ip, name, sizeof(name), &off,
					     &size))
			printk(KERN_ERR "[<%016lx>] %s+0x%lx/0x%lx\n", ip, name,
			       off, size);
		else
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

	if (old && time_before(now, old + kshim_hz()))
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

static void might_resched_at(const char *file, int line, const char *func,
			     unsigned int offsets)
{
	/* WARN_ON_ONCE() by default, no rate limit required: */
	kshim_rcu_sleep_check(file, line);

	if (resched_offsets_ok(offsets) && !irqs_disabled() &&
	    !is_idle_task(current) && !current->non_block_count)
		return;
	if (ratelimited(&might_resched_prev_jiffy))
		return;

	kshim_report_begin(KSHIM_REPORT_MIGHT_SLEEP, file, line, func);
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	if (kshim_kernel_2_6()) {
		/* 2.6.35 kernel/sched.c __might_sleep() */
		pr_err("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
		       in_atomic(), irqs_disabled(), current->pid,
		       current->comm);
		dump_stack();	/* no taint before 3.x */
		kshim_report_end();
		return;
	}
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

void __might_resched(const char *file, int line, unsigned int offsets)
{
	might_resched_at(file, line, NULL, offsets);
}

void __might_sleep(const char *file, int line)
{
	__kshim_might_sleep(file, line, NULL);
}

void __kshim_might_sleep(const char *file, int line, const char *func)
{
	const struct kshim_site *ss;
	unsigned int state;

	if (kshim_may_sleep_quietly())
		return;
	state = get_current_state();
	ss = current->task_state_site;

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
	might_resched_at(file, line, func, 0);
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
	       (kshim_kernel_2_6() ? __kshim_preempt_count_2_6(preempt_count()) :
				     preempt_count()) +
	       (int)PREEMPT_DISABLE_OFFSET);
	kshim_print_modules();
	if (kshim_kernel_2_6()) {	/* 2.6.35: no "Preemption disabled at:" */
		dump_stack();
		kshim_report_end();
		return;
	}
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
		/* PREEMPT_DISABLED in schedule(), 0 after it (not in 2.6.35). */
		if (!kshim_kernel_2_6())
			preempt_count_set(PREEMPT_ENABLED);
	}
	/* __schedule(): rcu_note_context_switch(false), PREEMPT_RCU */
	kshim_rcu_note_context_switch(site);
	__atomic_store_n(&prev->kshim_block_site, site, __ATOMIC_RELAXED);
	/* Off the CPU: CPU 0 takes interrupts without this task now. */
	kshim_cpu_task_sleeps(true);
}

void kshim_block_end(void)
{
	__atomic_store_n(&current->kshim_block_site, NULL, __ATOMIC_RELAXED);
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

	/* A timed sleep is on kshim's clock (compat/kernel/time/timer.c). */
	if (timeout != MAX_SCHEDULE_TIMEOUT)
		return kshim_time_sleep(timeout);
	host_lock(&t->kshim_wake);
	while (!t->kshim_woken)
		host_wait(&t->kshim_wake);
	t->kshim_woken = false;
	host_unlock(&t->kshim_wake);
	return timeout;
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	int woken = 0;

	host_lock(&p->kshim_wake);
	if (p->__state & state) {
		p->kshim_woken = true;
		host_wake_all(&p->kshim_wake);
		/* try_to_wake_up() ends a wait_event*() sleep too. */
		if (p->kshim_sleep_host) {
			host_lock(p->kshim_sleep_host);
			p->kshim_sleep_woken = true;
			host_wake_all(p->kshim_sleep_host);
			host_unlock(p->kshim_sleep_host);
		}
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

/* " #0: spinlock 0x..., at: func file:line" for @t's locks @from.. */
static const struct kshim_site *print_held_locks(const struct task_struct *t,
						 int from, const char *kind)
{
	const struct kshim_site *first = NULL;
	int i, n = t->kshim_lockdep_depth;

	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = from; i < n; i++) {
		const struct kshim_held_lock *h = &t->kshim_held_locks[i];

		if (strcmp(h->kind, kind) && strcmp(kind, "*"))
			continue;
		printk(KERN_ERR " #%d: %s %p, at: %s %s:%d\n", i, h->kind,
		       h->lock, h->site->func ? h->site->func : "?",
		       h->site->file, h->site->line);
		if (!first)
			first = h->site;
	}
	return first;
}

/* How many locks of @kind @t holds. */
static int held_locks_of(const struct task_struct *t, const char *kind)
{
	int i, n = t->kshim_lockdep_depth, k = 0;

	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = 0; i < n; i++)
		k += !strcmp(kind, "*") ||
		     !strcmp(t->kshim_held_locks[i].kind, kind);
	return k;
}

/*
 * lockdep_print_held_locks() for every task that holds one: the test's
 * own, a thread it started (still running, or gone: its locks stay held
 * for ever), a CPU's idle task.  The counters said a lock is held: the
 * task that holds it is named, never only the one that checks.
 */
static void explain_held_locks(const char *kind)
{
	struct task_struct *t = __atomic_load_n(&all_tasks, __ATOMIC_ACQUIRE);
	bool any = false;

	for (; t; t = t->kshim_next) {
		int n = held_locks_of(t, kind);

		if (!n)
			continue;
		any = true;
		printk(KERN_ERR "%d lock%s held by %s/%d%s:\n", n,
		       n == 1 ? "" : "s", t->comm, t->pid,
		       t->exit_state ? " (exited)" : "");
		print_held_locks(t, 0, kind);
	}
	if (!any)
		printk(KERN_ERR "0 locks held by %s/%d\n", current->comm,
		       current->pid);
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

/* ---- what a handler leaves behind (kernel/softirq.c, irq/handle.c) ---- */

void kshim_ctx_mark(struct kshim_ctx_mark *m)
{
	struct task_struct *t = current;

	m->preempt_count = preempt_count();
	m->lockdep_depth = t->kshim_lockdep_depth;
	m->kmap_idx = t->kmap_ctrl.idx;
	m->pagefault_disabled = t->pagefault_disabled;
}

bool kshim_ctx_moved(const struct kshim_ctx_mark *m)
{
	struct task_struct *t = current;

	return m->preempt_count != preempt_count() ||
	       m->lockdep_depth != t->kshim_lockdep_depth ||
	       m->kmap_idx != t->kmap_ctrl.idx ||
	       m->pagefault_disabled != t->pagefault_disabled;
}

const struct kshim_site *kshim_ctx_explain(const struct kshim_ctx_mark *m,
					   const struct kshim_site *fallback)
{
	struct task_struct *t = current;
	const struct kshim_site *site = NULL, *s;
	int n = t->kshim_lockdep_depth - m->lockdep_depth;

	if (n > 0) {
		printk(KERN_ERR "kshim: %d lock%s taken there and still held by %s/%d:\n",
		       n, n == 1 ? "" : "s", t->comm, t->pid);
		site = print_held_locks(t, m->lockdep_depth, "*");
	}
	if (t->kmap_ctrl.idx > m->kmap_idx) {
		s = kshim_kmap_local_explain(t, m->kmap_idx / 2);
		if (!site)
			site = s;
	}
	if (t->pagefault_disabled != m->pagefault_disabled)
		printk(KERN_ERR "kshim: pagefault_disable() depth %d, entered with %d\n",
		       t->pagefault_disabled, m->pagefault_disabled);
	return site ? site : fallback;
}

bool kshim_task_ctx_clean(const struct task_struct *t)
{
	return !READ_ONCE(t->thread_info.preempt_count) &&
	       (READ_ONCE(t->thread_info.eflags) & X86_EFLAGS_IF) &&
	       !READ_ONCE(t->kshim_lockdep_depth) &&
	       !READ_ONCE(t->kmap_ctrl.idx) &&
	       !READ_ONCE(t->pagefault_disabled);
}

void kshim_task_ctx_explain(const struct task_struct *t)
{
	const struct thread_info *ti = &t->thread_info;
	int pc = ti->preempt_count;

	printk(KERN_ERR "kshim: CPU#%u: %s/%d is left with preempt_count %08x (hardirq %d, softirq %d, preempt %d), irqs_disabled(): %d, pagefault_disable() depth %d\n",
	       ti->cpu, t->comm, t->pid, pc,
	       (int)((pc & HARDIRQ_MASK) >> HARDIRQ_SHIFT),
	       (int)((pc & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT),
	       (int)((pc & PREEMPT_MASK) >> PREEMPT_SHIFT),
	       !(ti->eflags & X86_EFLAGS_IF), t->pagefault_disabled);
	if (t->kshim_lockdep_depth) {
		printk(KERN_ERR "%d lock%s held by %s/%d:\n",
		       t->kshim_lockdep_depth,
		       t->kshim_lockdep_depth == 1 ? "" : "s", t->comm, t->pid);
		print_held_locks(t, 0, "*");
	}
	if (t->kmap_ctrl.idx)
		kshim_kmap_local_explain(t, 0);
}

/*
 * do_exit() of a task whose host thread ends (6.8): "note: ... exited
 * with irqs disabled" / "... with preempt_count %d", and both put right.
 * kshim has no lockdep (no "still has locks held!"): a lock still held
 * stays held for ever and counted, and the ledger names this task at the
 * end of the test.  kshim adds the kmap_local/kmap_atomic windows the
 * task never unmapped, which the kernel's last switch away from it drops
 * silently: they are unmapped too.  Interrupts left off, windows left
 * mapped, or a preempt_count no held lock accounts for are one report of
 * class "task_exit", at the line that made the first of them; the notes
 * alone (a spinlock held) go to the log.
 */
static void task_exit(void *arg)
{
	struct task_struct *t = arg;
	struct thread_info *ti = &t->thread_info;
	const struct kshim_site *site = NULL, *s;
	bool irqs_off = !(ti->eflags & X86_EFLAGS_IF);
	long kmaps;
	bool report;

	if (t != __kshim_current)	/* not a thread of ours any more */
		return;
	kmaps = kshim_kmap_local_mapped(t);
	report = irqs_off || kmaps ||
		 (ti->preempt_count && !t->kshim_lockdep_depth);
	if (report)
		kshim_report_begin(KSHIM_REPORT_TASK_EXIT, NULL, 0, NULL);
	if (irqs_off) {
		pr_info("note: %s[%d] exited with irqs disabled\n", t->comm,
			t->pid);
		site = ti->irq_disable_site;
		if (site)
			printk(KERN_ERR "hardirqs last disabled at: %s %s:%d\n",
			       kshim_site_func(site), site->file, site->line);
		ti->eflags |= X86_EFLAGS_IF;
	}
	if (ti->preempt_count) {
		pr_info("note: %s[%d] exited with preempt_count %d\n", t->comm,
			t->pid, ti->preempt_count);
		if (report) {
			pr_err("Preemption disabled at:");
			kshim_print_ip_site(ti->preempt_disable_ip,
					    ti->preempt_disable_site);
			if (!site)
				site = ti->preempt_disable_site;
		}
		ti->preempt_count = 0;
	}
	if (kmaps) {
		printk(KERN_ERR "kshim: %s/%d exited with %ld kmap_local/kmap_atomic mapping%s never unmapped:\n",
		       t->comm, t->pid, kmaps, kmaps == 1 ? "" : "s");
		s = kshim_kmap_local_explain(t, 0);
		site = s ? s : site;
	}
	if (report) {
		if (site)
			kshim_report_set_site(site->file, site->line,
					      site->func);
		kshim_report_end();
	}
	kshim_kmap_local_task_exit(t);
	t->kmap_ctrl.idx = 0;
	t->pagefault_disabled = 0;
	t->exit_state = EXIT_DEAD;
	kshim_tick_task_exit(t);
	kshim_report_thread_exit();
}

/* ---- hung tasks ---- */

static const char *state_name(unsigned int state)
{
	if (state & TASK_NOLOAD)
		return "I";
	if (state & TASK_UNINTERRUPTIBLE)
		return "D";
	return "S";
}

/*
 * kernel/hung_task.c's check_hung_task() for every task of this process
 * that sleeps: "INFO: task ... blocked for more than 120 seconds." for one
 * in D state (uninterruptible, not killable, not idle), as khungtaskd
 * prints it after hung_task_timeout_secs; then where each task sleeps.
 * The report is at the line where the test's task (else the first) sleeps.
 */
void kshim_report_hung_tasks(void)
{
	struct task_struct *all = __atomic_load_n(&all_tasks, __ATOMIC_ACQUIRE);
	const struct kshim_site *at = NULL, *s;
	struct task_struct *t;
	pid_t tgid = getpid();
	char tr[80];

	for (t = all; t; t = t->kshim_next) {
		if (t->tgid != tgid || t->exit_state || !t->kshim_tracked)
			continue;
		s = __atomic_load_n(&t->kshim_block_site, __ATOMIC_RELAXED);
		if (s && (!at || t->pid == tgid))
			at = s;
	}
	kshim_report_begin(KSHIM_REPORT_HUNG_TASK, at ? at->file : NULL,
			   at ? at->line : 0, at ? at->func : NULL);
	kshim_taint_release(tr, sizeof(tr));
	for (t = all; t; t = t->kshim_next) {
		unsigned int state;

		if (t->tgid != tgid || t->exit_state || !t->kshim_tracked)
			continue;
		state = kshim_task_state(t);
		if (state == TASK_RUNNING)
			continue;
		if ((state & TASK_UNINTERRUPTIBLE) &&
		    !(state & (TASK_WAKEKILL | TASK_NOLOAD))) {
			pr_err("INFO: task %s:%d blocked for more than 120 seconds.\n",
			       t->comm, t->pid);
			pr_err("      %s\n", tr);
			pr_err("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n");
		}
		s = __atomic_load_n(&t->kshim_block_site, __ATOMIC_RELAXED);
		if (s)
			pr_err("kshim: %s:%d sleeps (state %s) at %s:%d (%s)\n",
			       t->comm, t->pid, state_name(state), s->file,
			       s->line, kshim_site_func(s));
	}
	pr_err("kshim: every task sleeps and no timer or timed sleep can wake one: the test cannot go on\n");
	kshim_report_end();
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
