/*
 * kshim/kunit.h - running KUnit suites (kunit/test.h) as kshim tests.
 *
 * Every suite registered with kunit_test_suites() in the program becomes
 * a CUnit suite and each of its cases a test: run in its own process from
 * the clean machine, failed by KUnit's verdict or by a kernel report it
 * did not expect, a ledger counter that does not balance, a crash or a
 * timeout (see kshim/test.h).  suite_init/suite_exit run once around the
 * suite's cases, init/exit around each case, as KUnit runs them.
 */
#ifndef _KSHIM_KUNIT_H
#define _KSHIM_KUNIT_H

/*
 * Run every registered KUnit suite: arguments select as kunit.py's filter
 * ("suite" or "suite.case", shell patterns), "--list" lists "suite.case".
 * The output is KTAP unless KSHIM_OUTPUT says otherwise.  A program made
 * only of KUnit files needs no main(): libkshim's calls this.  Returns the
 * process exit status, as kshim_run_tests().
 */
int kshim_kunit_main(int argc, char **argv);

/*
 * Add the registered KUnit suites to the CUnit registry (initialised by
 * the caller), beside its CUnit suites, for kshim_run_tests().  Returns 0,
 * or -1 with CUnit's error when a suite cannot be added.
 */
int kshim_kunit_add_suites(void);

#endif /* _KSHIM_KUNIT_H */
