// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/debug_locks.c - the lock debugging switch.
 *
 * Reproduces lib/debug_locks.c of 6.8: debug_locks starts on, and the
 * first lock-debugging report turns it off (debug_locks_off() returns
 * true only for that caller), so one bug gives one report rather than a
 * cascade.  kshim turns it back on when a test begins (a fresh boot).
 */
#include <linux/debug_locks.h>

int debug_locks = 1;
int debug_locks_silent;

int debug_locks_off(void)
{
	if (__atomic_load_n(&debug_locks, __ATOMIC_RELAXED) &&
	    __atomic_exchange_n(&debug_locks, 0, __ATOMIC_RELAXED))
		return 1;
	return 0;
}
