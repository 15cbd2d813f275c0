// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/rcu/srcutree.c - Sleepable RCU (see linux/srcu.h).
 *
 * Plays kernel/rcu/srcutree.c of 6.1 with the classic two-counter
 * algorithm: srcu_read_lock() counts the reader in index srcu_idx & 1
 * (a full barrier, as 6.1's smp_mb() B), srcu_read_unlock() counts it out
 * (a release and a full barrier); a grace period, under one host mutex,
 * waits for the inactive index to drain (stragglers of the previous
 * flip), flips, and waits for the old index.  "Drained" reads the unlock
 * count, then (full barrier) the lock count, and compares.  call_srcu()
 * callbacks wait for a grace period in kshim's SRCU thread, then run in
 * softirq context on the queueing CPU through RCU's callback lists;
 * srcu_barrier() waits until they have all been handed over, then for
 * RCU's callbacks (which come after them on every CPU).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp_types.h>
#include <linux/srcu.h>
#include <linux/sched.h>

#include "arch/annotate.h"
#include "kshim/internal.h"
#include "kernel/time/tick.h"
#include "kernel/rcu/rcu.h"
#include "kernel/sched/sched.h"
#include "lib/fault-inject.h"

static pthread_mutex_t srcu_gp_mutex = PTHREAD_MUTEX_INITIALIZER;
static __thread int srcu_nesting;

/*
 * func=init_srcu_struct: the kernel's alloc_percpu() of the srcu_data
 * fails (-ENOMEM, silently); the structure is then not initialized.
 */
static const int init_srcu_errors[] = { -ENOMEM, 0 };
struct fault_point kshim_fail_init_srcu_point =
	FAULT_POINT_INIT("fail_init_srcu_struct", "init_srcu_struct",
			 "alloc_percpu", init_srcu_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_INIT_SRCU],
			 true);

int __kshim_init_srcu_struct(struct srcu_struct *ssp,
			     const struct kshim_site *site)
{
	int err = fault_check(&kshim_fail_init_srcu_point, GFP_KERNEL, site);

	if (err)
		return err;
	memset(ssp, 0, sizeof(*ssp));
	ssp->initialized = 1;
	arch_annotate_racy_hint(ssp, sizeof(*ssp));
	return 0;
}

#undef init_srcu_struct
int init_srcu_struct(struct srcu_struct *ssp)
{
	return __kshim_init_srcu_struct(ssp, __KSHIM_CALLSITE);
}

void cleanup_srcu_struct(struct srcu_struct *ssp)
{
	unsigned long l = __atomic_load_n(&ssp->lock_count[0], __ATOMIC_SEQ_CST) +
			  __atomic_load_n(&ssp->lock_count[1], __ATOMIC_SEQ_CST);
	unsigned long u = __atomic_load_n(&ssp->unlock_count[0], __ATOMIC_SEQ_CST) +
			  __atomic_load_n(&ssp->unlock_count[1], __ATOMIC_SEQ_CST);

	/* 6.1: WARN_ON(srcu_readers_active(ssp)) -> leak it. */
	if (WARN_ON(l != u) ||
	    WARN_ON(__atomic_load_n(&ssp->cbs_queued, __ATOMIC_SEQ_CST)))
		return;
	ssp->initialized = 0;
}

int __srcu_read_lock(struct srcu_struct *ssp)
{
	int idx = __atomic_load_n(&ssp->srcu_idx, __ATOMIC_RELAXED) & 1;

	__atomic_fetch_add(&ssp->lock_count[idx], 1, __ATOMIC_SEQ_CST);
	srcu_nesting++;
	return idx;
}

void __srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	srcu_nesting--;
	arch_annotate_happens_before(ssp);
	__atomic_fetch_add(&ssp->unlock_count[idx], 1, __ATOMIC_SEQ_CST);
	kshim_rcu_wake_waiters();
}

int srcu_read_lock_held(const struct srcu_struct *ssp)
{
	if (!debug_lockdep_rcu_enabled())
		return 1;
	return srcu_nesting > 0;
}

struct drain {
	struct srcu_struct *ssp;
	int idx;
};

static bool drained(void *arg)
{
	struct drain *d = arg;
	unsigned long u = __atomic_load_n(&d->ssp->unlock_count[d->idx],
					  __ATOMIC_SEQ_CST);

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&d->ssp->lock_count[d->idx],
			       __ATOMIC_SEQ_CST) == u;
}

/* false: a reader did not leave within the stall timeout. */
static bool srcu_gp(struct srcu_struct *ssp)
{
	struct drain d = { ssp, 0 };
	bool ok;

	pthread_mutex_lock(&srcu_gp_mutex);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	d.idx = (__atomic_load_n(&ssp->srcu_idx, __ATOMIC_RELAXED) + 1) & 1;
	ok = kshim_rcu_wait_event(drained, &d);
	if (ok) {
		__atomic_fetch_add(&ssp->srcu_idx, 1, __ATOMIC_SEQ_CST);
		d.idx ^= 1;
		ok = kshim_rcu_wait_event(drained, &d);
	}
	arch_annotate_happens_after(ssp);
	pthread_mutex_unlock(&srcu_gp_mutex);
	return ok;
}

void __kshim_synchronize_srcu(struct srcu_struct *ssp,
			      const struct kshim_site *site)
{
	bool ok;

	__kshim_might_sleep(site->file, site->line, site->func);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, site);
	ok = srcu_gp(ssp);
	kshim_block_end();
	if (!ok)
		kshim_lockup_die(site, KERN_EMERG "kshim: synchronize_srcu() waits for ever: an SRCU reader never leaves (%lu ms)\n",
				 kshim_spin_lockup_ms());
}

#undef synchronize_srcu
void synchronize_srcu(struct srcu_struct *ssp)
{
	static const struct kshim_site site = {
		"kernel/rcu/srcutree.c", 0, "synchronize_srcu", NULL
	};

	__kshim_synchronize_srcu(ssp, &site);
}

unsigned long get_state_synchronize_srcu(struct srcu_struct *ssp)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&ssp->srcu_idx, __ATOMIC_SEQ_CST);
}

unsigned long start_poll_synchronize_srcu(struct srcu_struct *ssp)
{
	return get_state_synchronize_srcu(ssp);
}

/* Two flips after the cookie: a whole grace period began after it. */
bool poll_state_synchronize_srcu(struct srcu_struct *ssp, unsigned long cookie)
{
	return __atomic_load_n(&ssp->srcu_idx, __ATOMIC_ACQUIRE) - cookie >= 2;
}

/* ---- call_srcu(): kshim's SRCU thread ---- */

struct srcu_cb {
	struct srcu_cb *next;
	struct srcu_struct *ssp;
	struct rcu_head *head;
	int cpu;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake, idle;
	struct srcu_cb *head, **tail;
	bool started;
} sq = {
	PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	PTHREAD_COND_INITIALIZER, NULL, &sq.head, false,
};

static void *srcu_thread(void *arg)
{
	kshim_tick_untrack();		/* the kernel's background */
	for (;;) {
		struct srcu_cb *batch, *c;

		pthread_mutex_lock(&sq.lock);
		while (!sq.head)
			pthread_cond_wait(&sq.wake, &sq.lock);
		batch = sq.head;
		sq.head = NULL;
		sq.tail = &sq.head;
		pthread_mutex_unlock(&sq.lock);
		while ((c = batch)) {
			batch = c->next;
			while (!srcu_gp(c->ssp))
				;
			kshim_rcu_queue_done(c->cpu, c->head);
			pthread_mutex_lock(&sq.lock);
			c->ssp->cbs_queued--;
			pthread_cond_broadcast(&sq.idle);
			pthread_mutex_unlock(&sq.lock);
			free(c);
		}
	}
	return NULL;
}

static void srcu_atfork_child(void)
{
	pthread_mutex_init(&sq.lock, NULL);
	pthread_cond_init(&sq.wake, NULL);
	pthread_cond_init(&sq.idle, NULL);
	pthread_mutex_init(&srcu_gp_mutex, NULL);
	sq.started = false;
}

void call_srcu(struct srcu_struct *ssp, struct rcu_head *head,
	       void (*func)(struct rcu_head *head))
{
	static bool atfork;
	struct srcu_cb *c = calloc(1, sizeof(*c));

	if (!c) {
		fprintf(stderr, "kshim: out of memory in call_srcu()\n");
		abort();
	}
	head->func = func;
	c->ssp = ssp;
	c->head = head;
	c->cpu = raw_smp_processor_id();
	pthread_mutex_lock(&sq.lock);
	if (!__atomic_exchange_n(&atfork, true, __ATOMIC_RELAXED))
		pthread_atfork(NULL, NULL, srcu_atfork_child);
	if (!sq.started) {
		pthread_attr_t attr;
		pthread_t th;

		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&th, &attr, srcu_thread, NULL)) {
			fprintf(stderr, "kshim: cannot start the SRCU thread\n");
			abort();
		}
		pthread_attr_destroy(&attr);
		sq.started = true;
	}
	ssp->cbs_queued++;
	*sq.tail = c;
	sq.tail = &c->next;
	pthread_cond_signal(&sq.wake);
	pthread_mutex_unlock(&sq.lock);
}

void srcu_barrier(struct srcu_struct *ssp)
{
	static const struct kshim_site site = {
		"kernel/rcu/srcutree.c", 0, "srcu_barrier", NULL
	};

	__kshim_might_sleep(site.file, site.line, site.func);
	kshim_block_begin(TASK_UNINTERRUPTIBLE, &site);
	pthread_mutex_lock(&sq.lock);
	while (ssp->cbs_queued)
		pthread_cond_wait(&sq.idle, &sq.lock);
	pthread_mutex_unlock(&sq.lock);
	kshim_block_end();
	__kshim_rcu_barrier(&site);
}
