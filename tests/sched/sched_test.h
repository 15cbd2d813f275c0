/*
 * tests/sched/sched_test.h - helpers shared by the contexts and locking
 * tests: line markers, expected report text, a helper thread.
 */
#ifndef _TESTS_SCHED_TEST_H
#define _TESTS_SCHED_TEST_H

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kshim/test.h>

#include "common/expect_bug.h"	/* marker_line(), assert_report_at() */
#include "common/spawn.h"

/* "<prefix><file>:<line of marker><suffix>" for matching report text. */
#define file_line(buf, prefix, name, suffix)				\
	snprintf(buf, sizeof(buf), "%s%s:%d%s", prefix, __FILE__,	\
		 marker_line(name), suffix)

/* The report of class @cls that was recorded last, never NULL. */
static inline const char *last_text(const char *cls)
{
	const struct kshim_report *r = kshim_report_last(cls);

	return r ? r->text : "";
}

/* Each of @want appears in @text, in this order. */
static inline void assert_in_order(const char *text, const char *const *want,
				   unsigned int n)
{
	const char *p = text;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const char *hit = strstr(p, want[i]);

		if (!hit)
			fprintf(stderr, "missing (in order) \"%s\" in:\n%s\n",
				want[i], text);
		CU_ASSERT_PTR_NOT_NULL_FATAL(hit);
		p = hit + strlen(want[i]);
	}
}

#define ASSERT_IN_ORDER(text, ...)					\
do {									\
	const char *const __want[] = { __VA_ARGS__ };			\
									\
	assert_in_order(text, __want, sizeof(__want) / sizeof(__want[0])); \
} while (0)

/*
 * A host-level one-shot event, for test threads that must wait where the
 * kernel API may not sleep (holding a spinlock).
 */
struct test_event {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int set;
};

#define TEST_EVENT_INIT	{ PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 }

static inline void test_event_set(struct test_event *e)
{
	pthread_mutex_lock(&e->lock);
	e->set = 1;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
}

static inline void test_event_wait(struct test_event *e)
{
	pthread_mutex_lock(&e->lock);
	while (!e->set)
		pthread_cond_wait(&e->cond, &e->lock);
	pthread_mutex_unlock(&e->lock);
}

static inline void sleep_ms(unsigned int ms)
{
	usleep(ms * 1000);
}

#endif /* _TESTS_SCHED_TEST_H */
