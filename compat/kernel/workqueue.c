// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/workqueue.c - workqueues and their kworkers.
 *
 * Reproduces kernel/workqueue.c of 6.1 (linux/workqueue.h):
 *  - worker pools: two per CPU (normal and WQ_HIGHPRI) and two unbound
 *    ones; each pool's kworkers are host threads created the first time
 *    the pool has work and no idle worker (so lazily in each process: a
 *    test's forked child starts with none), named as the kernel names
 *    them ("kworker/N:M", "kworker/N:MH", "kworker/uP:M"), their task
 *    bound to CPU N (smp_processor_id() is N; an unbound worker runs on
 *    one of CPUs 1.. and is not bound);
 *  - a pool_workqueue per workqueue and pool counts the active items
 *    against max_active and keeps the rest inactive, in order; an ordered
 *    workqueue (unbound, max_active 1, one pwq) runs one item at a time,
 *    in queueing order;
 *  - a work item never runs concurrently with itself: queueing a running
 *    item on the same workqueue goes to the pool where it runs, and a
 *    worker that picks an item another worker of its pool is running
 *    hands it over to that worker (process_one_work()'s collision);
 *  - PENDING lives in work->data (test_and_set_bit() claims it, as in the
 *    kernel); the queues themselves are kshim's records, outside the work
 *    item, under the pool's host lock: queueing happens before the
 *    execution (the pool lock), the execution before flush_work() /
 *    flush_workqueue() return (the pool lock again); nothing else is
 *    ordered, so TSan sees the races between work items, interrupt
 *    handlers and the test;
 *  - flushing is by sequence number: flush_work() waits for the last
 *    queueing instance of its item, flush_workqueue() for every item
 *    queued before it; cancel*() steal a queued item (try_to_grab_pending())
 *    and the _sync forms wait for a running one;
 *  - the kernel's checks, at the caller's line: check_flush_dependency()'s
 *    WARN_ONCEs, __queue_work()'s WARN_ON_ONCE for a draining workqueue
 *    (kshim: also for one destroy_workqueue() destroyed, which 6.1 frees),
 *    __queue_delayed_work()'s WARN_ON_ONCEs, __flush_work()'s
 *    WARN_ON(!work->func), destroy_workqueue()'s busy pwq, drain's "isn't
 *    complete", process_one_work()'s "BUG: workqueue leaked lock or
 *    atomic"; where the kernel deadlocks (a work item flushing or
 *    cancelling itself, or its own workqueue; flushing an item that waits
 *    behind the caller on a max_active 1 pwq) kshim prints lockdep's
 *    "possible recursive locking" and ends the task (a "lockup" report);
 *  - the ledger: work items queued and not yet run at the end of a test
 *    ("work items pending", naming the line that queued each), and
 *    workqueues never destroyed.  At a test's end the pools with nothing
 *    queued or running stop their kworkers.
 * Idle kworkers wait for work with kshim_block_begin()/host_wait(), as a
 * task sleeping in kshim does.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/debugobjects.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/workqueue.h>
#include <kshim/ledger.h>
#include <kshim/report.h>
#include <kshim/workqueue.h>

#include "arch/annotate.h"
#include "lib/fault-inject.h"
#include "kshim/internal.h"
#include "kernel/cpu.h"
#include "kernel/sched/sched.h"
#include "kernel/time/tick.h"

__printf(3, 0) int kshim_vsnprintf(char *buf, size_t size, const char *fmt,
				  va_list args);

#define WQ_NAME_LEN		24
#define MAX_POOL_WORKERS	64

struct worker_pool;
struct pool_workqueue;

/* One queueing of a work item, from queue_work() to the end of its run. */
struct wq_rec {
	struct work_struct *work;
	work_func_t func;		/* at queueing, for the ledger */
	const struct kshim_site *site;	/* the queueing line */
	struct pool_workqueue *pwq;
	u64 seq;			/* flush order */
	bool inactive;			/* on pwq->inactive, not counted active */
	bool running;
	struct list_head entry;		/* worklist, inactive, or scheduled */
	struct list_head qnode;		/* pool->queued while not running */
	struct list_head inflight;	/* pwq->inflight, in seq order */
};

struct worker {
	struct worker_pool *pool;
	pthread_t thread;
	struct task_struct *task;
	int id;
	bool idle;
	struct list_head node;		/* pool->workers */
	struct list_head scheduled;	/* items handed over to it */
	struct wq_rec *current_rec;
	struct work_struct *current_work;
	work_func_t current_func;
	struct pool_workqueue *current_pwq;
};

struct worker_pool {
	struct kshim_host_lock lock;	/* everything below; workers and
					 * flushers wait on its condition */
	int cpu;			/* -1: unbound */
	bool highpri;
	int id;
	bool stopping;
	int nr_workers, nr_idle, next_id;
	struct list_head worklist;	/* active items, in order */
	struct list_head queued;	/* every item queued, not yet running */
	struct list_head workers;
};

struct pool_workqueue {
	struct workqueue_struct *wq;
	struct worker_pool *pool;
	int nr_active;			/* pool lock */
	int max_active;
	int nr_in_flight;
	struct list_head inactive;
	struct list_head inflight;
};

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	unsigned int flags;		/* __atomic: __WQ_DRAINING changes */
	int saved_max_active;
	int nr_drainers;		/* wq_list_lock */
	bool destroyed;			/* __atomic */
	bool system;
	const struct kshim_site *alloc_site, *destroy_site;
	int nr_pwqs;
	struct pool_workqueue *pwqs;	/* per CPU, or one (unbound) */
	struct workqueue_struct *next;	/* all_wqs */
};

#define NR_STD_POOLS	2
#define NR_POOLS	(NR_CPUS * NR_STD_POOLS + NR_STD_POOLS)

static struct worker_pool pools[NR_POOLS];
static u64 wq_seq;			/* __atomic, taken under a pool lock */
static pthread_mutex_t wq_list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct workqueue_struct *all_wqs;
/* cancel_work_sync() waiting for another canceller of the same item */
static struct kshim_host_lock cancel_waitq;
static __thread struct worker *cur_worker;
/* Items still queued when a test ended: never run, kept for the ledger. */
static struct list_head leaked = LIST_HEAD_INIT(leaked);
static pthread_mutex_t leaked_lock = PTHREAD_MUTEX_INITIALIZER;

/* The kernel's WARN_ONCE()s, once per test (each test boots afresh). */
static struct {
	bool draining, dwork_wq, dwork_fn, dwork_pending, pf_memalloc,
	     mem_reclaim, pwq_refcnt;
} once;

struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;
struct workqueue_struct *system_freezable_wq;
struct workqueue_struct *system_power_efficient_wq;
struct workqueue_struct *system_freezable_power_efficient_wq;

static const struct kshim_site worker_site = {
	"kernel/workqueue.c", 0, "worker_thread", NULL
};

static bool warn_once(bool *done, const struct kshim_site *site,
		      const char *fmt, ...) __printf(3, 4);

static bool warn_once(bool *done, const struct kshim_site *site,
		      const char *fmt, ...)
{
	char buf[512];
	va_list args;

	if (__atomic_exchange_n(done, true, __ATOMIC_RELAXED))
		return false;
	if (!fmt) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     site ? site->func : NULL, site ? site->mod : NULL,
			     TAINT_WARN, NULL);
		return true;
	}
	va_start(args, fmt);
	kshim_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),
		     site ? site->func : NULL, site ? site->mod : NULL,
		     TAINT_WARN, "%s", buf);
	return true;
}

/* ---- work->data ---- */

static unsigned long work_data(struct work_struct *work)
{
	return (unsigned long)atomic_long_read(&work->data);
}

static void set_work_data(struct work_struct *work, unsigned long data,
			  unsigned long flags)
{
	atomic_long_set(&work->data,
			data | flags | (work_data(work) & WORK_STRUCT_STATIC));
}

static void set_work_pool(struct work_struct *work, int pool_id,
			  unsigned long flags)
{
	set_work_data(work, (unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT,
		      flags);
}

/* The pool @work was last queued on or ran on (NULL: none). */
static struct worker_pool *work_pool(struct work_struct *work)
{
	unsigned long id = work_data(work) >> WORK_OFFQ_POOL_SHIFT;

	if (id >= NR_POOLS)
		return NULL;
	return &pools[id];
}

static bool work_is_canceling(struct work_struct *work)
{
	unsigned long data = work_data(work);

	return !(data & WORK_STRUCT_PWQ) && (data & WORK_OFFQ_CANCELING);
}

/* ---- debugobjects (CONFIG_DEBUG_OBJECTS_WORK) ---- */

static const struct debug_obj_descr work_debug_descr;

static void *work_debug_hint(void *addr)
{
	return (void *)((struct work_struct *)addr)->func;
}

static bool work_is_static_object(void *addr)
{
	struct work_struct *work = addr;

	return test_bit(WORK_STRUCT_STATIC_BIT, work_data_bits(work));
}

/* An active work is initialized: cancel it first. */
static bool work_fixup_init(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct work_struct *work = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	__kshim_cancel_work_sync(work, false, site);
	__kshim_debug_object_init(work, &work_debug_descr, site);
	return true;
}

/* An active work is freed: cancel it first. */
static bool work_fixup_free(void *addr, enum debug_obj_state state)
{
	const struct kshim_site *site = kshim_debug_objects_fixup_site();
	struct work_struct *work = addr;

	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	__kshim_cancel_work_sync(work, false, site);
	__kshim_debug_object_free(work, &work_debug_descr, site);
	return true;
}

static const struct debug_obj_descr work_debug_descr = {
	.name			= "work_struct",
	.debug_hint		= work_debug_hint,
	.is_static_object	= work_is_static_object,
	.fixup_init		= work_fixup_init,
	.fixup_free		= work_fixup_free,
};

static void debug_work_activate(struct work_struct *work,
				const struct kshim_site *site)
{
	__kshim_debug_object_activate(work, &work_debug_descr, site);
}

static void debug_work_deactivate(struct work_struct *work,
				  const struct kshim_site *site)
{
	__kshim_debug_object_deactivate(work, &work_debug_descr, site);
}

void __kshim_init_work(struct work_struct *work, int onstack,
		       const struct kshim_site *site)
{
	/* PENDING and the pool id are atomics, read without a lock. */
	arch_annotate_racy_hint(&work->data, sizeof(work->data));
	if (onstack)
		__kshim_debug_object_init_on_stack(work, &work_debug_descr,
						   site);
	else
		__kshim_debug_object_init(work, &work_debug_descr, site);
}

void destroy_work_on_stack(struct work_struct *work)
{
	__kshim_debug_object_free(work, &work_debug_descr, __KSHIM_CALLSITE);
}

void destroy_delayed_work_on_stack(struct delayed_work *work)
{
	__kshim_destroy_timer_on_stack(&work->timer, __KSHIM_CALLSITE);
	destroy_work_on_stack(&work->work);
}

/* ---- workers ---- */

static struct worker *find_worker_executing(struct worker_pool *pool,
					    struct work_struct *work)
{
	struct worker *w;

	list_for_each_entry(w, &pool->workers, node)
		if (w->current_work == work &&
		    w->current_func == READ_ONCE(work->func))
			return w;
	return NULL;
}

static void *worker_thread(void *arg);

/* Pool lock held: one more kworker (none if the pool has enough). */
static void create_worker(struct worker_pool *pool)
{
	struct worker *w;
	int err;

	if (pool->nr_workers >= MAX_POOL_WORKERS)
		return;
	w = calloc(1, sizeof(*w));
	if (!w) {
		fprintf(stderr, "kshim: out of host memory for a kworker\n");
		abort();
	}
	w->pool = pool;
	w->id = pool->next_id++;
	INIT_LIST_HEAD(&w->scheduled);
	list_add_tail(&w->node, &pool->workers);
	pool->nr_workers++;
	kshim_tick_task_coming();
	err = pthread_create(&w->thread, NULL, worker_thread, w);
	if (err) {
		fprintf(stderr, "kshim: cannot start a kworker: %s\n",
			strerror(err));
		abort();
	}
}

/* Pool lock held: an item became runnable. */
static void kick_pool(struct worker_pool *pool)
{
	if (pool->nr_idle)
		host_wake_all(&pool->lock);
	else
		create_worker(pool);
}

/* Make the next inactive item of @pwq active.  Pool lock held. */
static void pwq_activate_next(struct pool_workqueue *pwq)
{
	struct wq_rec *r;

	if (list_empty(&pwq->inactive) || pwq->nr_active >= pwq->max_active)
		return;
	r = list_first_entry(&pwq->inactive, struct wq_rec, entry);
	list_move_tail(&r->entry, &pwq->pool->worklist);
	r->inactive = false;
	pwq->nr_active++;
	set_work_pool(r->work, pwq->pool->id,
		      WORK_STRUCT_PWQ | WORK_STRUCT_PENDING);
	kick_pool(pwq->pool);
}

/* An item leaves its pwq (run or stolen).  Pool lock held. */
static void pwq_dec_nr_in_flight(struct pool_workqueue *pwq, struct wq_rec *r)
{
	list_del(&r->inflight);
	pwq->nr_in_flight--;
	if (!r->inactive) {
		pwq->nr_active--;
		pwq_activate_next(pwq);
	}
	/* Flushers and drainers wait on the pool. */
	host_wake_all(&pwq->pool->lock);
}

static void check_leaked(struct worker *w, const struct kshim_ctx_mark *m,
			 work_func_t func, const struct kshim_site *qsite)
{
	struct task_struct *t = current;
	const struct kshim_site *site;

	if (!in_atomic() && t->kshim_lockdep_depth <= m->lockdep_depth)
		return;
	kshim_report_begin(KSHIM_REPORT_WORKQUEUE, kshim_site_file(qsite),
			   kshim_site_line(qsite), qsite ? qsite->func : NULL);
	pr_err("BUG: workqueue leaked lock or atomic: %s/0x%08x/%d\n"
	       "     last function: %ps\n",
	       t->comm, preempt_count(), t->pid, func);
	site = kshim_ctx_explain(m, NULL);
	if (!site && preempt_count()) {
		site = current_thread_info()->preempt_disable_site;
		pr_err("Preemption disabled at:");
		kshim_print_ip_site(current_thread_info()->preempt_disable_ip,
				    site);
	}
	dump_stack();
	if (site)
		kshim_report_set_site(site->file, site->line, site->func);
	kshim_report_end();
	/*
	 * The kernel's worker would go on atomic (and schedule() would say
	 * so next): kshim puts the count back; a lock stays held.
	 */
	preempt_count_set(m->preempt_count);
}

/* Run @r on @w.  Pool lock held on entry and exit, dropped meanwhile. */
static void process_one_work(struct worker *w, struct wq_rec *r)
{
	struct worker_pool *pool = w->pool;
	struct work_struct *work = r->work;
	struct worker *collision;
	struct kshim_ctx_mark m;
	work_func_t func;

	collision = find_worker_executing(pool, work);
	if (collision && collision != w) {
		list_move_tail(&r->entry, &collision->scheduled);
		return;
	}
	list_del_init(&r->entry);
	list_del_init(&r->qnode);
	r->running = true;
	func = READ_ONCE(work->func);
	w->current_rec = r;
	w->current_work = work;
	w->current_func = func;
	w->current_pwq = r->pwq;
	/* need_more_worker(): chain the items still waiting. */
	if (!list_empty(&pool->worklist))
		kick_pool(pool);
	debug_work_deactivate(work, r->site);
	/* set_work_pool_and_clear_pending() */
	set_work_pool(work, pool->id, 0);
	host_unlock(&pool->lock);

	kshim_ctx_mark(&m);
	func(work);
	check_leaked(w, &m, func, r->site);

	host_lock(&pool->lock);
	w->current_rec = NULL;
	w->current_work = NULL;
	w->current_func = NULL;
	w->current_pwq = NULL;
	pwq_dec_nr_in_flight(r->pwq, r);
	free(r);
}

static struct wq_rec *next_rec(struct worker *w)
{
	struct worker_pool *pool = w->pool;

	if (!list_empty(&w->scheduled))
		return list_first_entry(&w->scheduled, struct wq_rec, entry);
	if (!list_empty(&pool->worklist))
		return list_first_entry(&pool->worklist, struct wq_rec, entry);
	return NULL;
}

static void worker_set_task(struct worker *w)
{
	struct worker_pool *pool = w->pool;
	struct task_struct *t = current;
	struct thread_info *ti = current_thread_info();

	char comm[32];

	if (pool->cpu >= 0) {
		snprintf(comm, sizeof(comm), "kworker/%d:%d%s",
			 pool->cpu, w->id, pool->highpri ? "H" : "");
		ti->cpu = pool->cpu;
		/* kthread_bind(): smp_processor_id() is stable here. */
		ti->kshim_percpu_thread = true;
	} else {
		snprintf(comm, sizeof(comm), "kworker/u%d:%d",
			 (int)nr_cpu_ids * NR_STD_POOLS + pool->highpri,
			 w->id);
		if (nr_cpu_ids > 1) {
			ti->cpu = 1 + (unsigned int)w->id % (nr_cpu_ids - 1);
		} else {
			/* One CPU: the unbound worker is bound to it. */
			ti->cpu = 0;
			ti->kshim_percpu_thread = true;
		}
	}
	/* TASK_COMM_LEN, as the kernel truncates it */
	memcpy(t->comm, comm, sizeof(t->comm) - 1);
	t->comm[sizeof(t->comm) - 1] = '\0';
	t->flags |= PF_KTHREAD | PF_WQ_WORKER | PF_NOFREEZE;
}

static void *worker_thread(void *arg)
{
	struct worker *w = arg;
	struct worker_pool *pool = w->pool;

	kshim_tick_task_started();
	worker_set_task(w);
	cur_worker = w;
	host_lock(&pool->lock);
	w->task = current;
	for (;;) {
		struct wq_rec *r = next_rec(w);

		if (r) {
			process_one_work(w, r);
			continue;
		}
		if (pool->stopping)
			break;
		/* Idle: asleep in kshim until there is work. */
		w->idle = true;
		pool->nr_idle++;
		host_unlock(&pool->lock);
		kshim_block_begin(TASK_IDLE, &worker_site);
		host_lock(&pool->lock);
		while (!pool->stopping && list_empty(&pool->worklist) &&
		       list_empty(&w->scheduled))
			host_wait(&pool->lock);
		pool->nr_idle--;
		w->idle = false;
		host_unlock(&pool->lock);
		kshim_block_end();
		host_lock(&pool->lock);
	}
	host_unlock(&pool->lock);
	return NULL;
}

/* ---- queueing ---- */

static bool is_chained_work(struct workqueue_struct *wq)
{
	struct worker *w = cur_worker;

	return w && w->current_pwq && w->current_pwq->wq == wq;
}

static struct pool_workqueue *pick_pwq(struct workqueue_struct *wq, int cpu)
{
	if (wq->flags & WQ_UNBOUND)
		return &wq->pwqs[0];
	if (cpu == WORK_CPU_UNBOUND || cpu < 0 || cpu >= (int)nr_cpu_ids)
		cpu = raw_smp_processor_id();
	return &wq->pwqs[cpu];
}

static void __queue_work(int cpu, struct workqueue_struct *wq,
			 struct work_struct *work,
			 const struct kshim_site *site)
{
	struct pool_workqueue *pwq;
	struct worker_pool *pool, *last_pool;
	struct wq_rec *r;
	unsigned int flags = __atomic_load_n(&wq->flags, __ATOMIC_ACQUIRE);

	/* if draining, only works from the same workqueue are allowed */
	if (unlikely(__atomic_load_n(&wq->destroyed, __ATOMIC_ACQUIRE))) {
		warn_once(&once.draining, site,
			  "kshim: workqueue %s was destroyed at %s:%d (the kernel has freed it: this is a use-after-free)\n",
			  wq->name, kshim_site_file(wq->destroy_site),
			  kshim_site_line(wq->destroy_site));
		return;
	}
	if (unlikely(flags & __WQ_DRAINING) && !is_chained_work(wq)) {
		warn_once(&once.draining, site, NULL);
		return;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		fprintf(stderr, "kshim: out of host memory for a work item\n");
		abort();
	}
	r->work = work;
	r->func = READ_ONCE(work->func);
	r->site = site;
	INIT_LIST_HEAD(&r->entry);
	INIT_LIST_HEAD(&r->qnode);

	pwq = pick_pwq(wq, cpu);
	pool = pwq->pool;
	/* Still running elsewhere: queue it there (non-reentrancy). */
	last_pool = work_pool(work);
	if (last_pool && last_pool != pool) {
		struct worker *w;

		host_lock(&last_pool->lock);
		w = find_worker_executing(last_pool, work);
		if (w && w->current_pwq->wq == wq) {
			pwq = w->current_pwq;
			pool = last_pool;
		} else {
			host_unlock(&last_pool->lock);
			host_lock(&pool->lock);
		}
	} else {
		host_lock(&pool->lock);
	}
	r->pwq = pwq;
	r->seq = __atomic_fetch_add(&wq_seq, 1, __ATOMIC_RELAXED);
	list_add_tail(&r->inflight, &pwq->inflight);
	list_add_tail(&r->qnode, &pool->queued);
	pwq->nr_in_flight++;
	WRITE_ONCE(work->__kshim_queued_at, site);
	if (pwq->nr_active < pwq->max_active) {
		pwq->nr_active++;
		list_add_tail(&r->entry, &pool->worklist);
		set_work_pool(work, pool->id,
			      WORK_STRUCT_PWQ | WORK_STRUCT_PENDING);
		debug_work_activate(work, site);
		kick_pool(pool);
	} else {
		r->inactive = true;
		list_add_tail(&r->entry, &pwq->inactive);
		set_work_pool(work, pool->id, WORK_STRUCT_PWQ |
			      WORK_STRUCT_PENDING | WORK_STRUCT_INACTIVE);
		debug_work_activate(work, site);
	}
	host_unlock(&pool->lock);
}

bool __kshim_queue_work_on(int cpu, struct workqueue_struct *wq,
			   struct work_struct *work,
			   const struct kshim_site *site)
{
	bool ret = false;
	unsigned long flags;

	/* DECLARE_WORK() items were never initialised at run time. */
	arch_annotate_racy_hint(&work->data, sizeof(work->data));
	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_work(cpu, wq, work, site);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

static void dwork_timer_fired(struct delayed_work *dwork)
{
	/* should have been called from irqsafe timer with irq already off */
	__queue_work(dwork->cpu, dwork->wq, &dwork->work,
		     READ_ONCE(dwork->work.__kshim_queued_at));
}

void delayed_work_timer_fn(struct timer_list *t)
{
	dwork_timer_fired(container_of(t, struct delayed_work, timer));
}

void __kshim_delayed_work_timer_fn_ul(unsigned long data)
{
	dwork_timer_fired((struct delayed_work *)data);
}

static bool dwork_timer_is_ours(struct timer_list *timer)
{
	if (timer->__kshim_ul)
		return (void *)timer->__kshim_function_ul ==
		       (void *)__kshim_delayed_work_timer_fn_ul;
	return timer->function == delayed_work_timer_fn;
}

static void __queue_delayed_work(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay,
				 const struct kshim_site *site)
{
	struct timer_list *timer = &dwork->timer;

	if (!wq)
		warn_once(&once.dwork_wq, site, NULL);
	if (!dwork_timer_is_ours(timer))
		warn_once(&once.dwork_fn, site, NULL);
	if (timer_pending(timer))
		warn_once(&once.dwork_pending, site, NULL);

	WRITE_ONCE(dwork->work.__kshim_queued_at, site);
	/* @delay 0: at once (the earliest tick would be a jiffy late). */
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work, site);
		return;
	}
	dwork->wq = wq;
	dwork->cpu = cpu;
	timer->expires = jiffies + delay;
	if (unlikely(cpu != WORK_CPU_UNBOUND))
		__kshim_add_timer_on(timer, cpu, site);
	else
		__kshim_add_timer(timer, site);
}

bool __kshim_queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
				   struct delayed_work *dwork,
				   unsigned long delay,
				   const struct kshim_site *site)
{
	struct work_struct *work = &dwork->work;
	bool ret = false;
	unsigned long flags;

	arch_annotate_racy_hint(&work->data, sizeof(work->data));
	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_delayed_work(cpu, wq, dwork, delay, site);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

/* ---- stealing a queued item ---- */

static struct wq_rec *find_queued(struct worker_pool *pool,
				  struct work_struct *work)
{
	struct wq_rec *r;

	list_for_each_entry(r, &pool->queued, qnode)
		if (r->work == work)
			return r;
	return NULL;
}

/*
 * try_to_grab_pending(): 1 if @work was pending and is ours now (stolen
 * from its queue or its timer), 0 if it was idle and we claimed PENDING,
 * -EAGAIN if it is between its timer and its queue, -ENOENT if someone
 * else is cancelling it.  Interrupts off (the caller's).
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork,
			       const struct kshim_site *site)
{
	struct worker_pool *pool;
	struct wq_rec *r;

	if (is_dwork && __kshim_timer_delete(&to_delayed_work(work)->timer, site))
		return 1;
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return 0;
	pool = work_pool(work);
	if (!pool)
		goto fail;
	host_lock(&pool->lock);
	r = (work_data(work) & WORK_STRUCT_PWQ) ? find_queued(pool, work) :
						   NULL;
	if (r) {
		debug_work_deactivate(work, r->site);
		list_del(&r->entry);
		list_del(&r->qnode);
		pwq_dec_nr_in_flight(r->pwq, r);
		free(r);
		/* work->data points to the pool, PENDING kept: ours now */
		set_work_pool(work, pool->id, WORK_STRUCT_PENDING);
		host_unlock(&pool->lock);
		return 1;
	}
	host_unlock(&pool->lock);
fail:
	if (work_is_canceling(work))
		return -ENOENT;
	cpu_relax();
	return -EAGAIN;
}

/* Spin on -EAGAIN, bounded: an item dropped by a draining wq stays so. */
static int grab_pending(struct work_struct *work, bool is_dwork,
			unsigned long *flags, const struct kshim_site *site)
{
	struct timespec deadline;
	bool timed = false;
	int ret;

	for (;;) {
		local_irq_save(*flags);
		ret = try_to_grab_pending(work, is_dwork, site);
		if (ret != -EAGAIN)
			return ret;
		local_irq_restore(*flags);
		if (!timed) {
			kshim_deadline_ms(&deadline, kshim_spin_lockup_ms());
			timed = true;
		} else if (!kshim_jiffies_until(&deadline)) {
			kshim_lockup_die(site, KERN_EMERG "kshim: %s() waits for ever: work %ps is PENDING but on no queue (for %lu ms)\n",
					 kshim_site_func(site),
					 work->func, kshim_spin_lockup_ms());
		}
	}
}

bool __kshim_mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay,
				 const struct kshim_site *site)
{
	unsigned long flags;
	int ret;

	ret = grab_pending(&dwork->work, true, &flags, site);
	if (ret >= 0) {
		__queue_delayed_work(cpu, wq, dwork, delay, site);
		local_irq_restore(flags);
	}
	/* -ENOENT from try_to_grab_pending() becomes %true */
	return ret;
}

bool __kshim_cancel_work(struct work_struct *work, bool is_dwork,
			 const struct kshim_site *site)
{
	unsigned long flags;
	int ret;

	ret = grab_pending(work, is_dwork, &flags, site);
	if (unlikely(ret < 0))
		return false;
	set_work_pool(work, (int)(work_data(work) >> WORK_OFFQ_POOL_SHIFT), 0);
	local_irq_restore(flags);
	return ret;
}

/* ---- flushing ---- */

static void check_flush_dependency(struct workqueue_struct *target_wq,
				   work_func_t target_func, bool from_cancel,
				   const struct kshim_site *site)
{
	struct worker *w = cur_worker;

	if (from_cancel || target_wq->flags & WQ_MEM_RECLAIM)
		return;
	if (current->flags & PF_MEMALLOC)
		warn_once(&once.pf_memalloc, site,
			  "workqueue: PF_MEMALLOC task %d(%s) is flushing !WQ_MEM_RECLAIM %s:%ps",
			  current->pid, current->comm, target_wq->name,
			  target_func);
	if (w && w->current_pwq &&
	    (w->current_pwq->wq->flags & (WQ_MEM_RECLAIM | __WQ_LEGACY)) ==
	    WQ_MEM_RECLAIM)
		warn_once(&once.mem_reclaim, site,
			  "workqueue: WQ_MEM_RECLAIM %s:%ps is flushing !WQ_MEM_RECLAIM %s:%ps",
			  w->current_pwq->wq->name, w->current_func,
			  target_wq->name, target_func);
}

/*
 * Where the kernel deadlocks for ever: lockdep's report of the lock map
 * taken twice, then kshim ends the task (a "lockup" report).
 */
__attribute__((__noreturn__))
static void flush_deadlock(const struct kshim_site *site, const char *what,
			   const char *name, const char *lock)
{
	struct worker *w = cur_worker;
	struct task_struct *t = current;

	kshim_lockup_die(site, KERN_WARNING "\n"
			 "============================================\n"
			 "WARNING: possible recursive locking detected\n"
			 "--------------------------------------------\n"
			 "%s/%d is trying to acquire lock:\n"
			 " (%s%s), at: %s %s:%d\n"
			 "\nbut task is already holding lock:\n"
			 " (%s%s), at: process_one_work\n"
			 "\n *** DEADLOCK ***\n\n"
			 "kshim: %s() from work %ps running on %s waits for ever\n",
			 t->comm, t->pid, lock, name, kshim_site_func(site),
			 kshim_site_file(site), kshim_site_line(site), lock,
			 name, what, w ? w->current_func : NULL,
			 w ? w->current_pwq->wq->name : "?");
}

static bool rec_alive(struct worker_pool *pool, u64 seq)
{
	struct wq_rec *r;
	struct worker *w;

	list_for_each_entry(r, &pool->queued, qnode)
		if (r->seq == seq)
			return true;
	list_for_each_entry(w, &pool->workers, node)
		if (w->current_rec && w->current_rec->seq == seq)
			return true;
	return false;
}

static bool __flush_work(struct work_struct *work, bool from_cancel,
			 const struct kshim_site *site)
{
	struct worker_pool *pool;
	struct pool_workqueue *pwq;
	struct wq_rec *r = NULL;
	struct worker *w = NULL, *self = cur_worker;
	work_func_t func = READ_ONCE(work->func);
	u64 seq;

	if (!func) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     site->func, site->mod, TAINT_WARN, NULL);
		return false;
	}
	__kshim_might_sleep(site->file, site->line, site->func);
	pool = work_pool(work);
	if (!pool)
		return false;
	host_lock(&pool->lock);
	if (work_data(work) & WORK_STRUCT_PWQ)
		r = find_queued(pool, work);
	if (!r) {
		w = find_worker_executing(pool, work);
		if (w)
			r = w->current_rec;
	}
	if (!r) {
		host_unlock(&pool->lock);
		return false;
	}
	seq = r->seq;
	pwq = r->pwq;
	host_unlock(&pool->lock);

	check_flush_dependency(pwq->wq, func, from_cancel, site);
	/* Its own item (running: itself; queued: waits behind it). */
	if (self && self->current_work == work)
		flush_deadlock(site, from_cancel ? "cancel_work_sync" :
			       "flush_work", work->__kshim_name,
			       "");
	/* Behind it on a pwq that runs one at a time. */
	if (self && !w && self->current_pwq == pwq && pwq->max_active == 1)
		flush_deadlock(site, "flush_work", pwq->wq->name,
			       "(wq_completion)");

	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	host_lock(&pool->lock);
	while (rec_alive(pool, seq))
		host_wait(&pool->lock);
	host_unlock(&pool->lock);
	kshim_block_end();
	return true;
}

bool __kshim_flush_work(struct work_struct *work,
			const struct kshim_site *site)
{
	return __flush_work(work, false, site);
}

bool __kshim_flush_delayed_work(struct delayed_work *dwork,
				const struct kshim_site *site)
{
	local_irq_disable();
	if (__kshim_timer_delete_sync(&dwork->timer, site))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work,
			     READ_ONCE(dwork->work.__kshim_queued_at));
	local_irq_enable();
	return __flush_work(&dwork->work, false, site);
}

bool __kshim_cancel_work_sync(struct work_struct *work, bool is_dwork,
			      const struct kshim_site *site)
{
	unsigned long flags;
	int ret;

	for (;;) {
		ret = grab_pending(work, is_dwork, &flags, site);
		if (ret != -ENOENT)
			break;
		/* Someone else cancels it: wait until they are done. */
		kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
		host_lock(&cancel_waitq);
		while (work_is_canceling(work))
			host_wait(&cancel_waitq);
		host_unlock(&cancel_waitq);
		kshim_block_end();
	}
	/* mark_work_canceling(): others back off */
	set_work_pool(work, (int)(work_data(work) >> WORK_OFFQ_POOL_SHIFT),
		      WORK_OFFQ_CANCELING | WORK_STRUCT_PENDING);
	local_irq_restore(flags);
	__flush_work(work, true, site);
	/* clear_work_data() */
	set_work_data(work, WORK_STRUCT_NO_POOL, 0);
	host_lock(&cancel_waitq);
	host_wake_all(&cancel_waitq);
	host_unlock(&cancel_waitq);
	return ret;
}

/* Every item of @wq queued before now has run (or was cancelled). */
static void flush_wq(struct workqueue_struct *wq,
		     const struct kshim_site *site)
{
	u64 seq;
	int i;

	__kshim_might_sleep(site->file, site->line, site->func);
	if (is_chained_work(wq))
		flush_deadlock(site, "flush_workqueue", wq->name,
			       "(wq_completion)");
	check_flush_dependency(wq, NULL, false, site);
	seq = __atomic_load_n(&wq_seq, __ATOMIC_RELAXED);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	for (i = 0; i < wq->nr_pwqs; i++) {
		struct pool_workqueue *pwq = &wq->pwqs[i];
		struct worker_pool *pool = pwq->pool;

		host_lock(&pool->lock);
		while (!list_empty(&pwq->inflight) &&
		       list_first_entry(&pwq->inflight, struct wq_rec,
					inflight)->seq < seq)
			host_wait(&pool->lock);
		host_unlock(&pool->lock);
	}
	kshim_block_end();
}

void __kshim_flush_workqueue(struct workqueue_struct *wq,
			     const struct kshim_site *site)
{
	flush_wq(wq, site);
}

static bool wq_drained(struct workqueue_struct *wq)
{
	bool drained = true;
	int i;

	for (i = 0; i < wq->nr_pwqs && drained; i++) {
		struct pool_workqueue *pwq = &wq->pwqs[i];

		host_lock(&pwq->pool->lock);
		drained = !pwq->nr_in_flight;
		host_unlock(&pwq->pool->lock);
	}
	return drained;
}

void __kshim_drain_workqueue(struct workqueue_struct *wq,
			     const struct kshim_site *site)
{
	unsigned int flush_cnt = 0;

	pthread_mutex_lock(&wq_list_lock);
	if (!wq->nr_drainers++)
		__atomic_fetch_or(&wq->flags, __WQ_DRAINING, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&wq_list_lock);
	for (;;) {
		flush_wq(wq, site);
		if (wq_drained(wq))
			break;
		if (++flush_cnt == 10 ||
		    (flush_cnt % 100 == 0 && flush_cnt <= 1000))
			pr_warn("workqueue %s: %s() isn't complete after %u tries\n",
				wq->name, "drain_workqueue", flush_cnt);
	}
	pthread_mutex_lock(&wq_list_lock);
	if (!--wq->nr_drainers)
		__atomic_fetch_and(&wq->flags, ~__WQ_DRAINING,
				   __ATOMIC_RELEASE);
	pthread_mutex_unlock(&wq_list_lock);
}

/* show_pwq() */
static void show_pwq(struct pool_workqueue *pwq)
{
	struct worker_pool *pool = pwq->pool;
	struct wq_rec *r;
	struct worker *w;
	bool first;

	if (pool->cpu >= 0)
		pr_info("  pwq %d: cpus=%d flags=0x%x nice=%d active=%d/%d refcnt=%d\n",
			pool->id, pool->cpu, 0, pool->highpri ? -20 : 0,
			pwq->nr_active, pwq->max_active,
			pwq->nr_in_flight + 1);
	else
		pr_info("  pwq %d: cpus=0-%u flags=0x%x nice=%d active=%d/%d refcnt=%d\n",
			pool->id, nr_cpu_ids - 1, 4, pool->highpri ? -20 : 0,
			pwq->nr_active, pwq->max_active,
			pwq->nr_in_flight + 1);
	first = true;
	list_for_each_entry(w, &pool->workers, node)
		if (w->current_pwq == pwq) {
			pr_cont("%s%d:%ps", first ? "    in-flight: " : " ",
				w->task ? w->task->pid : 0, w->current_func);
			first = false;
		}
	if (!first)
		pr_cont("\n");
	first = true;
	list_for_each_entry(r, &pwq->inflight, inflight)
		if (!r->running && !r->inactive) {
			pr_cont("%s%ps", first ? "    pending: " : ", ",
				r->work->func);
			first = false;
		}
	if (!first)
		pr_cont("\n");
	first = true;
	list_for_each_entry(r, &pwq->inactive, entry) {
		pr_cont("%s%ps", first ? "    inactive: " : ", ",
			r->work->func);
		first = false;
	}
	if (!first)
		pr_cont("\n");
}

void __kshim_destroy_workqueue(struct workqueue_struct *wq,
			       const struct kshim_site *site)
{
	int i;

	__kshim_drain_workqueue(wq, site);
	for (i = 0; i < wq->nr_pwqs; i++) {
		struct pool_workqueue *pwq = &wq->pwqs[i];
		bool busy;

		host_lock(&pwq->pool->lock);
		busy = pwq->nr_in_flight;
		host_unlock(&pwq->pool->lock);
		if (!busy)
			continue;
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     site->func, site->mod, TAINT_WARN, NULL);
		pr_warn("%s: %s has the following busy pwq\n",
			"destroy_workqueue", wq->name);
		host_lock(&pwq->pool->lock);
		show_pwq(pwq);
		host_unlock(&pwq->pool->lock);
		return;
	}
	/*
	 * The kernel frees it (RCU): kshim keeps it until the next test as
	 * a tombstone, so a late queueing is a report, not a crash.
	 */
	wq->destroy_site = site;
	__atomic_store_n(&wq->destroyed, true, __ATOMIC_RELEASE);
}

/* ---- workqueues ---- */

static struct worker_pool *pool_for(struct workqueue_struct *wq, int cpu)
{
	int hi = !!(wq->flags & WQ_HIGHPRI);

	if (cpu < 0)
		return &pools[NR_CPUS * NR_STD_POOLS + hi];
	return &pools[cpu * NR_STD_POOLS + hi];
}

static int clamp_max_active(int max_active, unsigned int flags,
			    const char *name)
{
	int lim = flags & WQ_UNBOUND ? WQ_UNBOUND_MAX_ACTIVE : WQ_MAX_ACTIVE;

	if (max_active < 1 || max_active > lim)
		pr_warn("workqueue: max_active %d requested for %s is out of range, clamping between %d and %d\n",
			max_active, name, 1, lim);
	return clamp_val(max_active, 1, lim);
}

static __printf(2, 0) struct workqueue_struct *
alloc_wq(const struct kshim_site *site, const char *fmt, unsigned int flags,
	 int max_active, va_list args)
{
	struct workqueue_struct *wq;
	int i;

	/* see the comment above the definition of WQ_POWER_EFFICIENT */
	flags &= ~WQ_POWER_EFFICIENT;
	/* 6.1: an unbound wq with max_active 1 is ordered */
	if ((flags & WQ_UNBOUND) && max_active == 1)
		flags |= __WQ_ORDERED;
	/* alloc_workqueue(): kzalloc() of the workqueue */
	if (kshim_failslab_kmalloc(sizeof(*wq), GFP_KERNEL, site))
		return NULL;
	wq = calloc(1, sizeof(*wq));
	if (!wq)
		return NULL;
	kshim_vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	max_active = max_active ?: WQ_DFL_ACTIVE;
	max_active = clamp_max_active(max_active, flags, wq->name);
	wq->flags = flags;
	wq->saved_max_active = max_active;
	wq->alloc_site = site;
	wq->nr_pwqs = flags & WQ_UNBOUND ? 1 : NR_CPUS;
	wq->pwqs = calloc(wq->nr_pwqs, sizeof(*wq->pwqs));
	if (!wq->pwqs) {
		free(wq);
		return NULL;
	}
	for (i = 0; i < wq->nr_pwqs; i++) {
		struct pool_workqueue *pwq = &wq->pwqs[i];

		pwq->wq = wq;
		pwq->pool = pool_for(wq, flags & WQ_UNBOUND ? -1 : i);
		pwq->max_active = max_active;
		INIT_LIST_HEAD(&pwq->inactive);
		INIT_LIST_HEAD(&pwq->inflight);
	}
	pthread_mutex_lock(&wq_list_lock);
	wq->next = all_wqs;
	all_wqs = wq;
	pthread_mutex_unlock(&wq_list_lock);
	return wq;
}

struct workqueue_struct *__kshim_alloc_workqueue(const struct kshim_site *site,
						 const char *fmt,
						 unsigned int flags,
						 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list args;

	va_start(args, max_active);
	wq = alloc_wq(site, fmt, flags, max_active, args);
	va_end(args);
	return wq;
}

void workqueue_set_max_active(struct workqueue_struct *wq, int max_active)
{
	int i;

	/* disallow meddling with max_active for ordered workqueues */
	if (WARN_ON(wq->flags & __WQ_ORDERED_EXPLICIT))
		return;
	max_active = clamp_max_active(max_active, wq->flags, wq->name);
	wq->saved_max_active = max_active;
	if (wq->flags & WQ_UNBOUND)
		wq->flags &= ~__WQ_ORDERED;
	for (i = 0; i < wq->nr_pwqs; i++) {
		struct pool_workqueue *pwq = &wq->pwqs[i];

		host_lock(&pwq->pool->lock);
		pwq->max_active = max_active;
		while (!list_empty(&pwq->inactive) &&
		       pwq->nr_active < pwq->max_active)
			pwq_activate_next(pwq);
		host_unlock(&pwq->pool->lock);
	}
}

/* ---- queries ---- */

struct work_struct *current_work(void)
{
	struct worker *w = cur_worker;

	return w ? w->current_work : NULL;
}

bool current_is_workqueue_rescuer(void)
{
	return false;
}

bool workqueue_congested(int cpu, struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq = pick_pwq(wq, cpu);
	bool ret;

	host_lock(&pwq->pool->lock);
	ret = !list_empty(&pwq->inactive);
	host_unlock(&pwq->pool->lock);
	return ret;
}

unsigned int work_busy(struct work_struct *work)
{
	struct worker_pool *pool;
	unsigned int ret = 0;

	if (work_pending(work))
		ret |= WORK_BUSY_PENDING;
	pool = work_pool(work);
	if (pool) {
		host_lock(&pool->lock);
		if (find_worker_executing(pool, work))
			ret |= WORK_BUSY_RUNNING;
		host_unlock(&pool->lock);
	}
	return ret;
}

void set_worker_desc(const char *fmt, ...)
{
}

int execute_in_process_context(work_func_t fn, struct execute_work *ew)
{
	if (!in_interrupt()) {
		fn(&ew->work);
		return 0;
	}
	INIT_WORK(&ew->work, fn);
	schedule_work(&ew->work);
	return 1;
}

struct wfc {
	struct work_struct work;
	long (*fn)(void *);
	void *arg;
	long ret;
};

static void work_for_cpu_fn(struct work_struct *work)
{
	struct wfc *wfc = container_of(work, struct wfc, work);

	wfc->ret = wfc->fn(wfc->arg);
}

long work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	struct wfc wfc = { .fn = fn, .arg = arg };

	INIT_WORK_ONSTACK(&wfc.work, work_for_cpu_fn);
	schedule_work_on(cpu, &wfc.work);
	flush_work(&wfc.work);
	destroy_work_on_stack(&wfc.work);
	return wfc.ret;
}

long work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg)
{
	return work_on_cpu(cpu, fn, arg);
}

int schedule_on_each_cpu(work_func_t func)
{
	static const struct kshim_site site = {
		__FILE__, __LINE__, "schedule_on_each_cpu", NULL
	};
	struct work_struct *works;
	unsigned int cpu;

	/* alloc_percpu() of the works: a slab allocation that may fail */
	if (kshim_failslab_kmalloc(nr_cpu_ids * sizeof(*works), GFP_KERNEL,
				   &site))
		return -ENOMEM;
	works = calloc(nr_cpu_ids, sizeof(*works));
	if (!works)
		return -ENOMEM;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		INIT_WORK(&works[cpu], func);
		schedule_work_on(cpu, &works[cpu]);
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		flush_work(&works[cpu]);
	free(works);
	return 0;
}

/* ---- the real functions, for drivers that take their address ---- */

#undef alloc_workqueue
#undef destroy_workqueue
#undef queue_work_on
#undef queue_work_node
#undef queue_delayed_work_on
#undef mod_delayed_work_on
#undef __flush_workqueue
#undef drain_workqueue
#undef flush_work
#undef cancel_work
#undef cancel_work_sync
#undef flush_delayed_work
#undef cancel_delayed_work
#undef cancel_delayed_work_sync

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list args;

	va_start(args, max_active);
	wq = alloc_wq(__KSHIM_CALLSITE, fmt, flags, max_active, args);
	va_end(args);
	return wq;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	__kshim_destroy_workqueue(wq, __KSHIM_CALLSITE);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work)
{
	return __kshim_queue_work_on(cpu, wq, work, __KSHIM_CALLSITE);
}

bool queue_work_node(int node, struct workqueue_struct *wq,
		     struct work_struct *work)
{
	return __kshim_queue_work_on(WORK_CPU_UNBOUND, wq, work,
				     __KSHIM_CALLSITE);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	return __kshim_queue_delayed_work_on(cpu, wq, dwork, delay,
					     __KSHIM_CALLSITE);
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay)
{
	return __kshim_mod_delayed_work_on(cpu, wq, dwork, delay,
					   __KSHIM_CALLSITE);
}

void __flush_workqueue(struct workqueue_struct *wq)
{
	__kshim_flush_workqueue(wq, __KSHIM_CALLSITE);
}

void drain_workqueue(struct workqueue_struct *wq)
{
	__kshim_drain_workqueue(wq, __KSHIM_CALLSITE);
}

bool flush_work(struct work_struct *work)
{
	return __kshim_flush_work(work, __KSHIM_CALLSITE);
}

bool cancel_work(struct work_struct *work)
{
	return __kshim_cancel_work(work, false, __KSHIM_CALLSITE);
}

bool cancel_work_sync(struct work_struct *work)
{
	return __kshim_cancel_work_sync(work, false, __KSHIM_CALLSITE);
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	return __kshim_flush_delayed_work(dwork, __KSHIM_CALLSITE);
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __kshim_cancel_work(&dwork->work, true, __KSHIM_CALLSITE);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __kshim_cancel_work_sync(&dwork->work, true, __KSHIM_CALLSITE);
}

/* ---- kshim/workqueue.h ---- */

bool kshim_workqueue_draining(struct workqueue_struct *wq)
{
	return __atomic_load_n(&wq->flags, __ATOMIC_ACQUIRE) & __WQ_DRAINING;
}

long kshim_works_pending(void)
{
	long n = 0;
	unsigned int i;
	struct wq_rec *l;

	pthread_mutex_lock(&leaked_lock);
	list_for_each_entry(l, &leaked, qnode)
		n++;
	pthread_mutex_unlock(&leaked_lock);
	for (i = 0; i < NR_POOLS; i++) {
		struct worker_pool *pool = &pools[i];
		struct wq_rec *r;

		host_lock(&pool->lock);
		list_for_each_entry(r, &pool->queued, qnode)
			n++;
		host_unlock(&pool->lock);
	}
	return n;
}

/* ---- the ledger, boot and tests ---- */

static void explain_rec(struct wq_rec *r)
{
	printk(KERN_ERR "work %px (%ps) on workqueue %s: queued at %s:%d, never run\n",
	       r->work, r->func, r->pwq->wq->name, kshim_site_file(r->site),
	       kshim_site_line(r->site));
}

static void explain_works(void *arg)
{
	unsigned int i;
	struct wq_rec *l;

	pthread_mutex_lock(&leaked_lock);
	list_for_each_entry(l, &leaked, qnode)
		explain_rec(l);
	pthread_mutex_unlock(&leaked_lock);

	for (i = 0; i < NR_POOLS; i++) {
		struct worker_pool *pool = &pools[i];
		struct wq_rec *r;

		host_lock(&pool->lock);
		list_for_each_entry(r, &pool->queued, qnode)
			explain_rec(r);
		host_unlock(&pool->lock);
	}
}

static long ledger_works(void *arg)
{
	return kshim_works_pending();
}

static long ledger_wqs(void *arg)
{
	struct workqueue_struct *wq;
	long n = 0;

	pthread_mutex_lock(&wq_list_lock);
	for (wq = all_wqs; wq; wq = wq->next)
		n += !wq->system && !__atomic_load_n(&wq->destroyed,
						     __ATOMIC_ACQUIRE);
	pthread_mutex_unlock(&wq_list_lock);
	return n;
}

static void explain_wqs(void *arg)
{
	struct workqueue_struct *wq;

	pthread_mutex_lock(&wq_list_lock);
	for (wq = all_wqs; wq; wq = wq->next)
		if (!wq->system &&
		    !__atomic_load_n(&wq->destroyed, __ATOMIC_ACQUIRE))
			printk(KERN_ERR "workqueue %s: allocated at %s:%d, not destroyed\n",
			       wq->name, kshim_site_file(wq->alloc_site),
			       kshim_site_line(wq->alloc_site));
	pthread_mutex_unlock(&wq_list_lock);
}

static void pool_init(struct worker_pool *pool, int id)
{
	host_init(&pool->lock);
	pool->id = id;
	pool->highpri = id % NR_STD_POOLS;
	pool->cpu = id < NR_CPUS * NR_STD_POOLS ? id / NR_STD_POOLS : -1;
	pool->stopping = false;
	pool->nr_workers = pool->nr_idle = pool->next_id = 0;
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->queued);
	INIT_LIST_HEAD(&pool->workers);
}

/*
 * Take every queued item off @pool's queues (they will never run) onto
 * @dst, linked by qnode.  Pool lock held.
 */
static void pool_take_queued(struct worker_pool *pool, struct list_head *dst)
{
	struct wq_rec *r, *n;
	struct worker *w;

	list_for_each_entry_safe(r, n, &pool->queued, qnode) {
		list_del_init(&r->entry);
		list_del_init(&r->inflight);
		r->pwq->nr_in_flight--;
		if (!r->inactive)
			r->pwq->nr_active--;
		list_move_tail(&r->qnode, dst);
	}
	list_for_each_entry(w, &pool->workers, node)
		INIT_LIST_HEAD(&w->scheduled);
	host_wake_all(&pool->lock);
}

static void free_recs(struct list_head *head)
{
	struct wq_rec *r, *n;

	list_for_each_entry_safe(r, n, head, qnode)
		free(r);
	INIT_LIST_HEAD(head);
}

/* The child of fork(): no kworker lives on, nothing is queued. */
static void wq_atfork_child(void)
{
	struct workqueue_struct *wq;
	unsigned int i;

	pthread_mutex_init(&wq_list_lock, NULL);
	pthread_mutex_init(&leaked_lock, NULL);
	free_recs(&leaked);
	host_init(&cancel_waitq);
	cur_worker = NULL;
	for (i = 0; i < NR_POOLS; i++) {
		struct worker_pool *pool = &pools[i];
		struct worker *w, *n;

		host_init(&pool->lock);
		list_for_each_entry_safe(w, n, &pool->workers, node)
			free(w);
		INIT_LIST_HEAD(&pool->workers);
		INIT_LIST_HEAD(&pool->worklist);
		free_recs(&pool->queued);
		pool->nr_workers = pool->nr_idle = pool->next_id = 0;
		pool->stopping = false;
	}
	for (wq = all_wqs; wq; wq = wq->next) {
		int j;

		for (j = 0; j < wq->nr_pwqs; j++) {
			struct pool_workqueue *pwq = &wq->pwqs[j];

			pwq->nr_active = pwq->nr_in_flight = 0;
			INIT_LIST_HEAD(&pwq->inactive);
			INIT_LIST_HEAD(&pwq->inflight);
		}
	}
}

static struct workqueue_struct *system_alloc(const char *name,
					     unsigned int flags,
					     int max_active)
{
	struct workqueue_struct *wq =
		__kshim_alloc_workqueue(NULL, "%s", flags, max_active, name);

	if (!wq) {
		fprintf(stderr, "kshim: out of host memory for %s\n", name);
		abort();
	}
	wq->system = true;
	return wq;
}

void kshim_workqueue_init(void)
{
	static bool registered;
	unsigned int i;

	if (registered)
		return;
	registered = true;
	host_init(&cancel_waitq);
	for (i = 0; i < NR_POOLS; i++)
		pool_init(&pools[i], (int)i);
	system_wq = system_alloc("events", 0, 0);
	system_highpri_wq = system_alloc("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = system_alloc("events_long", 0, 0);
	system_unbound_wq = system_alloc("events_unbound", WQ_UNBOUND,
					 WQ_UNBOUND_MAX_ACTIVE);
	system_freezable_wq = system_alloc("events_freezable", WQ_FREEZABLE,
					   0);
	system_power_efficient_wq = system_alloc("events_power_efficient",
						 WQ_POWER_EFFICIENT, 0);
	system_freezable_power_efficient_wq =
		system_alloc("events_freezable_power_efficient",
			     WQ_FREEZABLE | WQ_POWER_EFFICIENT, 0);
	kshim_timer_debug_hint(delayed_work_timer_fn,
			       (long)offsetof(struct delayed_work, work.func) -
			       (long)offsetof(struct delayed_work, timer));
	pthread_atfork(NULL, NULL, wq_atfork_child);
	kshim_ledger_add("work items pending", ledger_works, explain_works,
			 NULL);
	kshim_ledger_add("workqueues not destroyed", ledger_wqs, explain_wqs,
			 NULL);
}

/*
 * A test starts with nothing queued; the workqueues a test before it
 * allocated (destroyed or leaked) are freed, unless an item of theirs
 * still runs.
 */
void kshim_workqueue_test_begin(void)
{
	struct workqueue_struct **pp, *wq;
	unsigned int i;

	memset(&once, 0, sizeof(once));
	pthread_mutex_lock(&leaked_lock);
	for (i = 0; i < NR_POOLS; i++) {
		host_lock(&pools[i].lock);
		pool_take_queued(&pools[i], &leaked);
		host_unlock(&pools[i].lock);
	}
	free_recs(&leaked);
	pthread_mutex_unlock(&leaked_lock);
	pthread_mutex_lock(&wq_list_lock);
	for (pp = &all_wqs; (wq = *pp);) {
		bool busy = false;
		int j;

		if (wq->system) {
			pp = &wq->next;
			continue;
		}
		for (j = 0; j < wq->nr_pwqs && !busy; j++) {
			host_lock(&wq->pwqs[j].pool->lock);
			busy = wq->pwqs[j].nr_in_flight;
			host_unlock(&wq->pwqs[j].pool->lock);
		}
		if (busy) {
			pp = &wq->next;
			continue;
		}
		*pp = wq->next;
		free(wq->pwqs);
		free(wq);
	}
	pthread_mutex_unlock(&wq_list_lock);
}

/*
 * After the test body: the pools with nothing queued or running stop
 * their kworkers (joined, so the next test starts with none); a pool
 * still busy keeps them (the ledger says why).
 */
void kshim_workqueue_test_end(void)
{
	unsigned int i;

	for (i = 0; i < NR_POOLS; i++) {
		struct worker_pool *pool = &pools[i];
		struct worker *w, *n;
		bool busy = false;

		pthread_mutex_lock(&leaked_lock);
		host_lock(&pool->lock);
		pool_take_queued(pool, &leaked);
		pthread_mutex_unlock(&leaked_lock);
		if (!pool->nr_workers) {
			host_unlock(&pool->lock);
			continue;
		}
		list_for_each_entry(w, &pool->workers, node)
			busy |= w->current_rec != NULL;
		if (busy) {
			host_unlock(&pool->lock);
			continue;
		}
		pool->stopping = true;
		host_wake_all(&pool->lock);
		host_unlock(&pool->lock);
		list_for_each_entry(w, &pool->workers, node)
			pthread_join(w->thread, NULL);
		host_lock(&pool->lock);
		list_for_each_entry_safe(w, n, &pool->workers, node)
			free(w);
		INIT_LIST_HEAD(&pool->workers);
		pool->nr_workers = pool->nr_idle = pool->next_id = 0;
		pool->stopping = false;
		host_unlock(&pool->lock);
	}
}
