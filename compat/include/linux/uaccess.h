/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/uaccess.h - pagefault_disable() and friends.
 *
 * Follows include/linux/uaccess.h of 6.8 (4.2+ semantics): the count of
 * pagefault_disable() is current->pagefault_disabled, separate from
 * preempt_count (so in_atomic() does not change); it nests;
 * pagefault_disabled() tells whether it is raised; faulthandler_disabled()
 * is that or in_atomic().  might_fault() does not report while page faults
 * are disabled.  The user-copy functions come later.
 *
 * A driver built for 2.6.28 - 4.1 gets the older form (include/linux/
 * uaccess.h of 2.6.35): pagefault_disable() is inc_preempt_count(), so
 * in_atomic() is true and might_sleep() reports inside it;
 * pagefault_disabled() and faulthandler_disabled() do not exist yet (4.2).
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 2, 0)
/* Macros, so that an unbalanced enable names the driver's line. */
#define pagefault_disable()						\
do {									\
	preempt_count_inc();						\
	/* the store before a pagefault can hit */			\
	barrier();							\
} while (0)

#define pagefault_enable()						\
do {									\
	barrier();							\
	preempt_count_dec();						\
	barrier();							\
	preempt_check_resched();					\
} while (0)
#else

static __always_inline void pagefault_disabled_inc(void)
{
	current->pagefault_disabled++;
}

static __always_inline void pagefault_disabled_dec(void)
{
	current->pagefault_disabled--;
}

/*
 * These routines enable/disable the pagefault handler.  If disabled, it
 * will not take any locks and go straight to the fixup table.  User access
 * methods will not sleep when called from a pagefault_disabled()
 * environment.
 */
static inline void pagefault_disable(void)
{
	pagefault_disabled_inc();
	barrier();
}

static inline void pagefault_enable(void)
{
	barrier();
	pagefault_disabled_dec();
}

static inline bool pagefault_disabled(void)
{
	return current->pagefault_disabled != 0;
}

#define faulthandler_disabled() (pagefault_disabled() || in_atomic())
#endif /* LINUX_VERSION_CODE */

/* What the kernel's linux/uaccess.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/hrtimer.h>
#include <linux/hrtimer_defs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/timerqueue.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#endif /* __LINUX_UACCESS_H__ */
