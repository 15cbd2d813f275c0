/*
 * bench_workqueue - a work item's round trip next to the host's
 * (issue 13's target):
 *
 *   queue_work() + the kworker runs it + flush_work()   vs a pthread
 *   condition-variable round trip (wake a waiting thread, wait for its
 *   answer), <= 3x
 *
 * Each time is the best of several rounds, the rounds of an operation and
 * of its baseline alternating.  A MISS is information, not a failure.
 */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <kshim/boot.h>
#include <linux/workqueue.h>

#define ROUNDS	7
#define ITERS	20000UL

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ---- the host baseline: ping-pong through one mutex and two conds ---- */

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t to_server = PTHREAD_COND_INITIALIZER;
static pthread_cond_t to_client = PTHREAD_COND_INITIALIZER;
static unsigned long asked, answered;
static volatile unsigned long sink;

static void *server(void *arg)
{
	pthread_mutex_lock(&m);
	for (;;) {
		while (answered == asked)
			pthread_cond_wait(&to_server, &m);
		if (asked == ~0UL)
			break;
		sink++;				/* the "work" */
		answered = asked;
		pthread_cond_signal(&to_client);
	}
	pthread_mutex_unlock(&m);
	return NULL;
}

static double bench_condvar(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < ITERS; i++) {
		pthread_mutex_lock(&m);
		asked++;
		pthread_cond_signal(&to_server);
		while (answered != asked)
			pthread_cond_wait(&to_client, &m);
		pthread_mutex_unlock(&m);
	}
	return (now_ns() - t) / ITERS;
}

/* ---- kshim: queue_work + run + flush_work ---- */

static void work_fn(struct work_struct *work)
{
	sink++;
}

static struct work_struct w;

static double bench_work(void)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < ITERS; i++) {
		queue_work(system_wq, &w);
		flush_work(&w);
	}
	return (now_ns() - t) / ITERS;
}

int main(void)
{
	double best_cv = 1e30, best_wq = 1e30, r;
	pthread_t th;
	int i;

	INIT_WORK(&w, work_fn);
	pthread_create(&th, NULL, server, NULL);
	bench_work();				/* the kworker starts */
	for (i = 0; i < ROUNDS; i++) {
		double a = bench_condvar(), b = bench_work();

		best_cv = a < best_cv ? a : best_cv;
		best_wq = b < best_wq ? b : best_wq;
	}
	pthread_mutex_lock(&m);
	asked = ~0UL;
	pthread_cond_signal(&to_server);
	pthread_mutex_unlock(&m);
	pthread_join(th, NULL);
	r = best_wq / best_cv;
	printf("queue_work + run + flush_work   %8.0f ns   condvar round trip %8.0f ns   %.2fx (target <= 3x) %s\n",
	       best_wq, best_cv, r, r <= 3.0 ? "ok" : "MISS");
	return 0;
}
