/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/bug.h - BUG() and WARN() as asm-generic/bug.h defines them for 6.x.
 *
 * A WARN prints "------------[ cut here ]------------", the optional
 * message, "WARNING: CPU: <cpu> PID: <pid> at <file>:<line> <function>",
 * the modules, the CPU line, a backtrace and "---[ end trace ... ]---",
 * and continues.  BUG() prints "kernel BUG at <file>:<line>!" and the oops
 * and kills the running test (the kernel kills the task).  <file>:<line>
 * is the caller's: the macros capture it where they are expanded.  The
 * *_ONCE forms fire once per call site per boot (each test boots afresh).
 */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#include <stdbool.h>
#include <linux/compiler.h>
#include <linux/panic.h>
#include <kshim/site.h>

__cold __noreturn void __kshim_bug(const char *file, int line,
				   const char *func, const char *mod);
__printf(6, 7) __cold void __kshim_warn(const char *file, int line,
					const char *func, const char *mod,
					unsigned int taint,
					const char *fmt, ...);

#define BUG() __kshim_bug(__FILE__, __LINE__, __func__, __KSHIM_MODNAME)

#define BUG_ON(condition)						\
	do {								\
		if (unlikely(condition))				\
			BUG();						\
	} while (0)

#define __WARN_printf(taint, fmt, ...)					\
	__kshim_warn(__FILE__, __LINE__, __func__, __KSHIM_MODNAME,	\
		     taint, fmt, ##__VA_ARGS__)
#define __WARN() __WARN_printf(TAINT_WARN, NULL)

#define WARN_ON(condition)						\
({									\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();						\
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, format...)					\
({									\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(TAINT_WARN, format);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_TAINT(condition, taint, format...)				\
({									\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(taint, format);				\
	unlikely(__ret_warn_on);					\
})

/* True the first time it is reached with a true condition, per site. */
#define __KSHIM_ONCE_TRIGGER(condition)					\
({									\
	static bool __already_done;					\
	bool __once_cond = !!(condition);				\
	__once_cond && !__atomic_exchange_n(&__already_done, true,	\
					   __ATOMIC_RELAXED);		\
})

#define WARN_ON_ONCE(condition)						\
({									\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__KSHIM_ONCE_TRIGGER(__ret_warn_once)))		\
		__WARN();						\
	unlikely(__ret_warn_once);					\
})

#define WARN_ONCE(condition, format...)					\
({									\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__KSHIM_ONCE_TRIGGER(__ret_warn_once)))		\
		__WARN_printf(TAINT_WARN, format);			\
	unlikely(__ret_warn_once);					\
})

#define WARN_TAINT_ONCE(condition, taint, format...)			\
({									\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__KSHIM_ONCE_TRIGGER(__ret_warn_once)))		\
		__WARN_printf(taint, format);				\
	unlikely(__ret_warn_once);					\
})

#define WARN_ON_SMP(x)	WARN_ON(x)

/* What the kernel's asm/bug.h also makes visible. */
#include <linux/build_bug.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/instruction_pointer.h>

#endif /* _ASM_BUG_H */
