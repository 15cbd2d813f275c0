/*
 * kshim/test.h - the test-side API: everything a CUnit test program needs.
 *
 * A test program registers ordinary CUnit suites and tests, then returns
 * kshim_run_tests(argc, argv) from main().  Each test runs on a clean
 * simulated machine (see README, "Isolation"); any kernel-style report the
 * test did not announce with kshim_expect_report() fails it, and so does a
 * ledger counter that does not return to its start value.
 */
#ifndef _KSHIM_TEST_H
#define _KSHIM_TEST_H

#include <CUnit/CUnit.h>

#include <kshim/boot.h>
#include <kshim/context.h>
#include <kshim/fail.h>
#include <kshim/ledger.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/sweep.h>
#include <linux/param.h>

/*
 * Run every active test of the CUnit registry, each on a clean machine, and
 * clean the registry up.  Output follows KSHIM_OUTPUT (basic, tap or xml);
 * arguments select tests by "suite" or "suite:test" (shell patterns).
 * Returns the process exit status: 0 all passed, 1 a test failed, 77 no
 * test ran, 99 a framework error.
 */
int kshim_run_tests(int argc, char **argv);

/*
 * Register @suites (a CU_SUITE_INFO_NULL-terminated CUnit table) in a new
 * registry and run them as kshim_run_tests() does.  KSHIM_TEST_MAIN(suites)
 * is a whole main() doing just that.
 */
int kshim_run_suites(CU_SuiteInfo *suites, int argc, char **argv);
#define KSHIM_TEST_MAIN(suites)						\
	int main(int argc, char **argv)					\
	{								\
		return kshim_run_suites(suites, argc, argv);		\
	}

/*
 * Mark the running test skipped, with @reason (TAP "# SKIP reason"); the
 * test goes on (return after this to skip the rest).  A failure in the
 * same test still fails it.
 */
void kshim_test_skip(const char *reason);

/* Name of the running test ("suite:test"), or NULL outside a test. */
const char *kshim_current_test(void);

/*
 * A test program built for another kernel (-DKSHIM_LINUX_VERSION_CODE=...)
 * runs a machine of that kernel: its reports use that kernel's texts.
 */
#ifdef KSHIM_LINUX_VERSION_CODE
__attribute__((__constructor__)) static void __kshim_test_linux_version(void)
{
	kshim_set_linux_version(KSHIM_LINUX_VERSION_CODE);
}
#endif

/*
 * Its jiffies count at its HZ (linux/param.h: the profile's, or
 * -DKSHIM_HZ=...), which the kernel code it tests is built with too; the
 * machine's is 1000 unless a file of the program says otherwise.
 */
#if HZ != 1000
__attribute__((__constructor__)) static void __kshim_test_hz(void)
{
	kshim_set_hz(HZ);
}
#endif

#endif /* _KSHIM_TEST_H */
