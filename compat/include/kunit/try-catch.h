/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/try-catch.h - how KUnit ends a case early, as 6.1's: the case runs
 * as the "try" function; a failed assertion or kunit_skip() throws, which
 * ends the try (the kernel exits the case's kthread; kshim unwinds the
 * case's thread), and the "catch" function cleans up.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef void (*kunit_try_catch_func_t)(void *);

struct completion;
struct kunit;

struct kunit_try_catch {
	/* private: internal use only. */
	struct kunit *test;
	struct completion *try_completion;
	int try_result;
	kunit_try_catch_func_t try;
	kunit_try_catch_func_t catch;
	void *context;
	/* kshim: where a throw lands, and the thread that may throw */
	void *kshim_landing;
	const void *kshim_thread;
};

void kunit_try_catch_run(struct kunit_try_catch *try_catch, void *context);

void __noreturn kunit_try_catch_throw(struct kunit_try_catch *try_catch);

static inline int kunit_try_catch_get_result(struct kunit_try_catch *try_catch)
{
	return try_catch->try_result;
}

#endif /* _KUNIT_TRY_CATCH_H */
