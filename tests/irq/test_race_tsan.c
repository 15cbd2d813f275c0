/*
 * test_race_tsan - ThreadSanitizer finds the race of a driver that
 * shares a counter between its interrupt handler and process context
 * without a lock (drivers-under-test/irqcount/irqcount_racy.c): the
 * handler runs on a CPU thread of kshim, so the unlocked events++ of
 * both sides is a data race TSan sees.  The racy run happens in a child
 * (race_child), so this suite stays green: the test asserts the child's
 * "WARNING: ThreadSanitizer: data race" naming the driver's file and
 * both functions.  Without --enable-tsan there is nothing to detect it:
 * the program reports itself skipped, with the reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	"the racy driver needs ThreadSanitizer to be seen (configure --enable-tsan)"

#ifdef KSHIM_TSAN
static void test_tsan_reports_the_racy_driver(void)
{
	char path[4096];
	char *argv[] = { path, NULL };
	const char *env[] = { "KSHIM_BACKTRACE=0", NULL };
	struct spawn_result r;

	snprintf(path, sizeof(path), "%s", build_path("tests/irq/race_child"));
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
	/* TSan's exit status, through the harness: the child fails. */
	CU_ASSERT_NOT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
				      "WARNING: ThreadSanitizer: data race"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err,
			"drivers-under-test/irqcount/irqcount_racy.c:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "irqcount_racy_interrupt"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "irqcount_racy_poke"));
	if (!strstr(r.err, "WARNING: ThreadSanitizer: data race"))
		fprintf(stderr, "race_child's stderr:\n%s\n", r.err);
	spawn_free(&r);
}

static CU_TestInfo tsan_tests[] = {
	{ "tsan_reports_the_racy_driver", test_tsan_reports_the_racy_driver },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "race", NULL, NULL, NULL, NULL, tsan_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
#else
int main(void)
{
	const char *out = getenv("KSHIM_OUTPUT");

	if (out && !strcmp(out, "tap")) {
		/* TAP: a plan of no tests, skipped with the reason. */
		printf("1..0 # SKIP %s\n", SKIP_REASON);
		return 0;
	}
	fprintf(stderr, "test_race_tsan: skipped: %s\n", SKIP_REASON);
	return 77;
}
#endif
