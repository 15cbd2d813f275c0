/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/capability.h - capable().
 *
 * Follows include/linux/capability.h and kernel/capability.c of 6.1 for
 * capable(): true when the current task has @cap (and it then marks the
 * task PF_SUPERPRIV, as ns_capable() does), a BUG at the caller's line,
 * after "capable() called with invalid cap=<n>", for a number outside
 * 0..CAP_LAST_CAP.  kshim's tasks run as root: every capability is granted
 * unless the test takes it away with kshim_capable_set()
 * (kshim/capability.h); each test starts with all granted.  User
 * namespaces, credentials and file capabilities are not provided
 * (ns_capable() and friends are absent).
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <uapi/linux/capability.h>
#include <linux/types.h>
#include <kshim/site.h>

bool __kshim_capable(int cap, const struct kshim_site *site);

#define capable(cap)	__kshim_capable(cap, __KSHIM_CALLSITE)

#endif /* _LINUX_CAPABILITY_H */
