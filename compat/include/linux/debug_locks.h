/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/debug_locks.h - the lock debugging switch and DEBUG_LOCKS_WARN_ON().
 *
 * Follows include/linux/debug_locks.h and lib/debug_locks.c of 6.8: lock
 * debugging (spinlock, mutex and preempt_count checks) reports only the
 * first problem it finds and then turns itself off (debug_locks_off()), as
 * later reports would only be consequences.  Each kshim test boots a fresh
 * machine, so each test gets its own first report.
 */
#ifndef _LINUX_DEBUG_LOCKING_H
#define _LINUX_DEBUG_LOCKING_H

#include <linux/compiler.h>
#include <asm/bug.h>

extern int debug_locks;
extern int debug_locks_silent;

/* Turn lock debugging off; true if it was on (this caller reports). */
int debug_locks_off(void);

#define DEBUG_LOCKS_WARN_ON(c)						\
({									\
	int __ret = 0;							\
									\
	if (unlikely(c)) {						\
		if (debug_locks_off() && !debug_locks_silent)		\
			WARN(1, "DEBUG_LOCKS_WARN_ON(%s)", #c);		\
		__ret = 1;						\
	}								\
	__ret;								\
})

#define SMP_DEBUG_LOCKS_WARN_ON(c)	DEBUG_LOCKS_WARN_ON(c)

static inline void debug_show_all_locks(void) { }
static inline void debug_show_held_locks(void *task) { }
static inline void debug_check_no_locks_freed(const void *from,
					      unsigned long len) { }
static inline void debug_check_no_locks_held(void) { }

/* What the kernel's linux/debug_locks.h also makes visible. */
#include <asm/barrier.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>

#endif /* _LINUX_DEBUG_LOCKING_H */
