/*
 * test_rcu_tsan - ThreadSanitizer's view of RCU publication: a pointer
 * published with rcu_assign_pointer() and read with rcu_dereference()
 * under rcu_read_lock() is ordered (no report); the same publication as a
 * plain store ("gp = p", the missing rcu_assign_pointer()) is the data
 * race TSan reports.  Each runs in a forked child (spawn_call), so this
 * suite stays green; without --enable-tsan the program is skipped.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/rcupdate.h>
#include <kshim/test.h>

#include "common/spawn.h"

#if defined(__SANITIZE_THREAD__)
#define KSHIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define KSHIM_TSAN 1
#endif
#endif

#define SKIP_REASON							\
	"RCU publication races need ThreadSanitizer to be seen (configure --enable-tsan)"

#ifdef KSHIM_TSAN
struct obj {
	int val;
};

static struct obj __rcu *gp;

static void *reader(void *arg)
{
	int *seen = arg;
	struct obj *p = NULL;

	while (!p) {
		rcu_read_lock();
		p = rcu_dereference(gp);
		if (p)
			*seen = p->val;
		rcu_read_unlock();
		sched_yield();
	}
	return NULL;
}

static void publish(void *arg)
{
	bool plain = arg != NULL;
	struct obj *p = malloc(sizeof(*p));
	pthread_t th;
	int seen = 0;

	pthread_create(&th, NULL, reader, &seen);
	p->val = 1;
	if (plain)
		*(struct obj **)&gp = p;	/* no rcu_assign_pointer() */
	else
		rcu_assign_pointer(gp, p);
	pthread_join(th, NULL);
	RCU_INIT_POINTER(gp, NULL);
	synchronize_rcu();
	free(p);
	printf("seen %d\n", seen);
}

static void test_rcu_assign_pointer_is_ordered(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(spawn_call(publish, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NULL(strstr(r.err, "ThreadSanitizer"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "seen 1"));
	if (strstr(r.err, "ThreadSanitizer"))
		fprintf(stderr, "child's stderr:\n%s\n", r.err);
	spawn_free(&r);
}

static void test_plain_publication_is_a_race(void)
{
	struct spawn_result r;

	CU_ASSERT_EQUAL_FATAL(spawn_call(publish, (void *)1, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
				      "WARNING: ThreadSanitizer: data race"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "publish"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "reader"));
	spawn_free(&r);
}

static CU_TestInfo tsan_tests[] = {
	{ "rcu_assign_pointer_is_ordered", test_rcu_assign_pointer_is_ordered },
	{ "plain_publication_is_a_race", test_plain_publication_is_a_race },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "rcu_tsan", NULL, NULL, NULL, NULL, tsan_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
#else
int main(void)
{
	const char *out = getenv("KSHIM_OUTPUT");

	if (out && !strcmp(out, "tap")) {
		printf("1..0 # SKIP %s\n", SKIP_REASON);
		return 0;
	}
	fprintf(stderr, "test_rcu_tsan: skipped: %s\n", SKIP_REASON);
	return 77;
}
#endif
