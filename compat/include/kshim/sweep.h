/*
 * kshim/sweep.h - the failure-path sweep: every error path of a test, run.
 *
 * Like syzkaller's fail-nth walk over the kernel's fault injection points,
 * a sweep runs code once to count the fallible calls it makes (every API
 * of kshim_fail_api()), then once more per call, each run in its own
 * process from the same machine, failing exactly that call (as the kernel
 * would fail it: same return value, same messages).  The code may fail
 * its own assertions about the success path; a kshim report (BUG, WARN,
 * oops, a leak on the ledger, a lock or kmap held, an IRQ still
 * requested), a sanitizer error, a crash or a hang in such a run is a
 * failure-path bug, told with the failed call's API, site and error.
 *
 * A test program sweeps whole tests with "prog --sweep[=OPTIONS] NAME..."
 * (see README, "Failure-path sweep").  OPTIONS, here as on the command
 * line, are "key=value,..." (NULL or "": the defaults):
 *   func=API        only the calls of API (kshim_fail_api() names)
 *   site=WHERE      only the calls made at file:line, in a file or function
 *   mode=each|rest  fail only the call (each), or it and every later call
 *   errors=first|all  each call's usual error, or every error it can return
 */
#ifndef _KSHIM_SWEEP_H
#define _KSHIM_SWEEP_H

struct kshim_sweep_stats {
	unsigned int calls;	/* fallible calls of the run without failure */
	unsigned int runs;	/* runs with a failure injected */
	unsigned int bugs;	/* of those, runs with a failure-path bug */
};

/*
 * Sweep @fn(@arg) from inside a test: each failure-path bug (and a failure
 * of @fn without any injected failure) is a failure of the running test
 * at the caller's line, naming the call.  Returns the number of bugs, or
 * -EINVAL (bad @options, or not in a test).  @stats may be NULL.
 */
int __kshim_sweep(void (*fn)(void *), void *arg, const char *options,
		  struct kshim_sweep_stats *stats, const char *file, int line);
#define kshim_sweep(fn, arg, options, stats)				\
	__kshim_sweep(fn, arg, options, stats, __FILE__, __LINE__)

/* One line per driver entry point: its every error path must be clean. */
#define kshim_expect_error_paths_clean(fn, arg)				\
	((void)__kshim_sweep(fn, arg, NULL, NULL, __FILE__, __LINE__))

#endif /* _KSHIM_SWEEP_H */
