// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/kunit/try-catch.c - ending a case early (lib/kunit/
 * try-catch.c of 6.1).  The kernel runs the case in a kthread and a throw
 * exits that kthread; kshim runs it in the test's task and a throw unwinds
 * to kunit_try_catch_run(), which then runs the catch function (the
 * case's exit and the release of its resources), as the kernel's does
 * after the kthread is gone.  A throw from another task or from interrupt
 * context has no case to end there: kshim ends the whole test, with a
 * failure saying so.  The case's time limit is kshim's test timeout.
 */
#include <errno.h>
#include <setjmp.h>

#include <kunit/test.h>
#include <kunit/try-catch.h>
#include <linux/preempt.h>
#include <linux/sched.h>

#include "kshim/internal.h"

void kunit_try_catch_run(struct kunit_try_catch *try_catch, void *context)
{
	jmp_buf landing;

	try_catch->context = context;
	try_catch->try_result = 0;
	try_catch->kshim_thread = current;
	try_catch->kshim_landing = &landing;
	if (!setjmp(landing))
		try_catch->try(context);
	try_catch->kshim_landing = NULL;
	if (!try_catch->try_result)
		return;
	/* Thrown: the try ended early, which is not an error in itself. */
	if (try_catch->try_result == -EFAULT)
		try_catch->try_result = 0;
	try_catch->catch(context);
}

void kunit_try_catch_throw(struct kunit_try_catch *try_catch)
{
	try_catch->try_result = -EFAULT;
	if (try_catch->kshim_landing && try_catch->kshim_thread == current &&
	    in_task())
		longjmp(*(jmp_buf *)try_catch->kshim_landing, 1);
	kshim_test_fail(NULL, 0,
			"KUnit: a failed assertion or kunit_skip() %s ends the whole test",
			try_catch->kshim_landing ?
			"outside the case's task (another thread or interrupt context)" :
			"outside a running case");
	kshim_task_die();
}
