// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/capability.c - capable().
 *
 * Plays kernel/capability.c (6.1) with one set of credentials, root's,
 * from which the test may remove capabilities (kshim/capability.h): a bit
 * per capability that is denied.  An invalid number is the kernel's
 * pr_crit() line and BUG(), here at the caller's line.  A thread of a
 * simulated process (kshim/user.h) has its process's credentials.
 */
#include <errno.h>

#include <linux/capability.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/bug.h>
#include <kshim/capability.h>

#include "kshim/internal.h"
#include "kshim/proc.h"

static u64 caps_denied;

bool __kshim_capable(int cap, const struct kshim_site *site)
{
	if (unlikely(!cap_valid(cap))) {
		/* One report: the pr_crit() line, then the BUG. */
		kshim_report_begin(KSHIM_REPORT_BUG, site->file, site->line,
				   site->func);
		pr_crit("capable() called with invalid cap=%u\n", cap);
		__kshim_bug(site->file, site->line, site->func, site->mod);
	}
	if (current->kshim_proc ?
	    !(__atomic_load_n(&current->kshim_proc->caps, __ATOMIC_ACQUIRE) &
	      (1ULL << cap)) :
	    __atomic_load_n(&caps_denied, __ATOMIC_ACQUIRE) & (1ULL << cap))
		return false;
	current->flags |= PF_SUPERPRIV;
	return true;
}

int kshim_capable_set(int cap, bool granted)
{
	if (!cap_valid(cap))
		return -EINVAL;
	if (granted)
		__atomic_fetch_and(&caps_denied, ~(1ULL << cap),
				   __ATOMIC_RELEASE);
	else
		__atomic_fetch_or(&caps_denied, 1ULL << cap, __ATOMIC_RELEASE);
	return 0;
}

void kshim_capable_reset(void)
{
	__atomic_store_n(&caps_denied, 0, __ATOMIC_RELEASE);
}

void kshim_capability_test_begin(void)
{
	kshim_capable_reset();
}
