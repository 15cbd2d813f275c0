/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/test-bug.h - what code under test may ask of KUnit, as 6.1's
 * (kunit_get_current_test() from 6.2): fail the running case from deep
 * inside the code it exercises.  Outside a case both do nothing.
 */
#ifndef _KUNIT_TEST_BUG_H
#define _KUNIT_TEST_BUG_H

#include <linux/compiler.h>
#include <linux/version.h>

struct kunit;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
/* The case the current task runs, or NULL. */
struct kunit *kunit_get_current_test(void);
#endif

#define kunit_fail_current_test(fmt, ...) \
	__kunit_fail_current_test(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

extern __printf(3, 4) void __kunit_fail_current_test(const char *file,
						    int line,
						    const char *fmt, ...);

#endif /* _KUNIT_TEST_BUG_H */
