/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit/static_stub.h - static stubbing, as 6.4's: a function that starts
 * with KUNIT_STATIC_STUB_REDIRECT() calls the replacement a running test
 * installed with kunit_activate_static_stub() instead of its own body,
 * for that test only and until the case ends or the stub is deactivated.
 */
#ifndef _KUNIT_STATIC_STUB_H
#define _KUNIT_STATIC_STUB_H

#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#include <kunit/test-bug.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>

struct kunit;

/* The replacement the current test installed for @real_fn_addr, or NULL. */
void *__kshim_kunit_static_stub(struct kunit *test, void *real_fn_addr);

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...)		\
	do {								\
		typeof(&real_fn_name) replacement;			\
		struct kunit *current_test = kunit_get_current_test();	\
									\
		if (likely(!current_test))				\
			break;						\
		replacement = __kshim_kunit_static_stub(current_test,	\
						(void *)&real_fn_name);	\
		if (unlikely(replacement))				\
			return replacement(args);			\
	} while (0)

void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr);

#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) \
	do {								\
		typecheck_fn(typeof(&real_fn_addr), replacement_addr);	\
		__kunit_activate_static_stub(test, real_fn_addr,	\
					     replacement_addr);		\
	} while (0)

void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr);
#endif

#endif /* _KUNIT_STATIC_STUB_H */
