/*
 * bench_kunit - the KUnit runner's cost next to a kshim CUnit test's,
 * measured in the same run (issue 16's targets):
 *
 *   a trivial KUnit case, KTAP output        vs a trivial CUnit test, TAP,
 *   (its process, checks, ledger, KTAP)        the same checks: <= 1.5x
 *   the kernel's own KUnit suites            absolute, < 5 s on 2 CPUs
 *     (tests/kunit-src/kunit_kernel, when built)
 *
 * The program runs itself as each kind of test program, 100 tests a run,
 * best of several rounds, the two kinds alternating.  A MISS is
 * information, not a failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <kshim/kunit.h>
#include <kshim/test.h>

#define ROUNDS	5
#define CASES	100

static void cunit_case(void)
{
	CU_ASSERT_EQUAL(CASES, CASES);
}

static CU_TestInfo cunit_tests[CASES + 1];
static char names[CASES][16];

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds for @path @arg with KSHIM_OUTPUT=@output, output discarded. */
static double timed_run(const char *path, const char *arg, const char *output)
{
	double t;
	int status;
	pid_t pid;

	fflush(stdout);		/* the child must not print our lines again */
	t = now_s();
	pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		if (!freopen("/dev/null", "w", stdout) ||
		    !freopen("/dev/null", "w", stderr))
			_exit(127);
		setenv("KSHIM_OUTPUT", output, 1);
		execl(path, path, arg, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) == 127)
		return -1;
	return now_s() - t;
}

static int run_as(const char *what)
{
	CU_SuiteInfo suites[] = {
		{ "bench_cunit", NULL, NULL, NULL, NULL, cunit_tests },
		CU_SUITE_INFO_NULL,
	};
	char *argv[] = { (char *)"bench_kunit", NULL };
	unsigned int i;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if (!strcmp(what, "--kunit")) {
		if (kshim_kunit_add_suites())
			return 99;
	} else {
		for (i = 0; i < CASES; i++) {
			snprintf(names[i], sizeof(names[i]), "case_%u", i);
			cunit_tests[i].pName = names[i];
			cunit_tests[i].pTestFunc = cunit_case;
		}
		if (CU_register_suites(suites) != CUE_SUCCESS)
			return 99;
	}
	return kshim_run_tests(1, argv);
}

int main(int argc, char **argv)
{
	double kunit = 1e9, cunit = 1e9, kernel = 1e9, t;
	const char *suites = "tests/kunit-src/kunit_kernel";
	unsigned int r;

	if (argc > 1)
		return run_as(argv[1]);

	for (r = 0; r < ROUNDS; r++) {
		t = timed_run("/proc/self/exe", "--kunit", "ktap");
		if (t < 0)
			return 1;
		if (t < kunit)
			kunit = t;
		t = timed_run("/proc/self/exe", "--cunit", "tap");
		if (t < 0)
			return 1;
		if (t < cunit)
			cunit = t;
	}
	printf("KUnit case (KTAP)           %8.1f us   CUnit test (TAP) %8.1f us   %.2fx (target <= 1.5x) %s\n",
	       kunit / CASES * 1e6, cunit / CASES * 1e6, kunit / cunit,
	       kunit / cunit <= 1.5 ? "PASS" : "MISS");

	if (access(suites, X_OK)) {
		printf("kernel KUnit suites         not built (configure --with-linux-source)\n");
		return 0;
	}
	for (r = 0; r < 3; r++) {
		t = timed_run(suites, NULL, "ktap");
		if (t >= 0 && t < kernel)
			kernel = t;
	}
	printf("kernel KUnit suites, all    %8.2f s    (target < 5 s) %s\n",
	       kernel, kernel < 5 ? "PASS" : "MISS");
	return 0;
}
