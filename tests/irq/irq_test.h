/*
 * tests/irq/irq_test.h - helpers of the CPU, interrupt and tasklet tests:
 * the line markers and report helpers of tests/sched, plus bounded host
 * waits (a test must never hang, even when the code under test is wrong).
 */
#ifndef _TESTS_IRQ_TEST_H
#define _TESTS_IRQ_TEST_H

#include <errno.h>
#include <pthread.h>
#include <time.h>

#include <kshim/irq.h>

#include "sched/sched_test.h"

/* Wait for @e at most @ms milliseconds; true if it was set. */
static inline bool test_event_wait_ms(struct test_event *e, unsigned int ms)
{
	struct timespec ts;
	int set;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&e->lock);
	while (!e->set &&
	       pthread_cond_timedwait(&e->cond, &e->lock, &ts) != ETIMEDOUT)
		;
	set = e->set;
	pthread_mutex_unlock(&e->lock);
	return set;
}

static inline bool test_event_is_set(struct test_event *e)
{
	int set;

	pthread_mutex_lock(&e->lock);
	set = e->set;
	pthread_mutex_unlock(&e->lock);
	return set;
}

/* What a handler or function saw of its context, written where it ran. */
struct seen {
	int cpu;
	int preempt_count;
	bool hardirq, softirq, task, irqs_off;
	pthread_t thread;
	struct task_struct *task_struct;
};

#define RECORD_SEEN(s)							\
do {									\
	(s)->cpu = raw_smp_processor_id();				\
	(s)->preempt_count = preempt_count();				\
	(s)->hardirq = in_hardirq() != 0;				\
	(s)->softirq = in_serving_softirq() != 0;			\
	(s)->task = in_task();						\
	(s)->irqs_off = irqs_disabled();				\
	(s)->thread = pthread_self();					\
	(s)->task_struct = current;					\
} while (0)

/* Bounded waits of these tests: generous, they only stop a broken run. */
#define TEST_WAIT_MS	10000

#endif /* _TESTS_IRQ_TEST_H */
