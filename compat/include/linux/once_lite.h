/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/once_lite.h - do something once per call site.
 *
 * Follows include/linux/once_lite.h of 6.1 (DO_ONCE_LITE, DO_ONCE_LITE_IF,
 * __ONCE_LITE_IF): a static flag per expansion, no static keys.  The flag
 * is flipped with an atomic exchange so that two tasks racing through the
 * site still do it once (and ThreadSanitizer sees no race); "once" lasts a
 * boot, and every test runs in a freshly booted process.
 */
#ifndef _LINUX_ONCE_LITE_H
#define _LINUX_ONCE_LITE_H

#include <linux/types.h>
#include <linux/compiler.h>

#define DO_ONCE_LITE(func, ...)						\
	DO_ONCE_LITE_IF(true, func, ##__VA_ARGS__)

/* True the first time the site is reached with @condition true. */
#define __ONCE_LITE_IF(condition)					\
	({								\
		static bool __already_done;				\
		bool __ret_cond = !!(condition);			\
		bool __ret_once = false;				\
									\
		if (unlikely(__ret_cond &&				\
			     !__atomic_exchange_n(&__already_done, true,\
						  __ATOMIC_RELAXED)))	\
			__ret_once = true;				\
		unlikely(__ret_once);					\
	})

#define DO_ONCE_LITE_IF(condition, func, ...)				\
	({								\
		bool __ret_do_once = !!(condition);			\
									\
		if (__ONCE_LITE_IF(__ret_do_once))			\
			func(__VA_ARGS__);				\
									\
		unlikely(__ret_do_once);				\
	})

#endif /* _LINUX_ONCE_LITE_H */
