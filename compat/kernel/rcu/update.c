// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/rcu/update.c - lockdep-RCU: who holds what, and the
 * "suspicious RCU usage" report.
 *
 * Plays kernel/rcu/update.c of 6.1 (CONFIG_PROVE_RCU: rcu_read_lock_held()
 * and friends, debug_lockdep_rcu_enabled()) and the lockdep-RCU half of
 * kernel/locking/lockdep.c (lockdep_rcu_suspicious(),
 * lockdep_print_held_locks()).  kshim has no lockdep: the held locks are
 * kshim's own record of the task's spinlocks, rwlocks, mutexes and RCU
 * readers, printed in lockdep's layout (the lock's kind where lockdep
 * prints its class name, "{....}" for the usage it cannot know, the
 * caller's function and file:line for %pS).  The report is class
 * "suspicious_rcu"; once debug_locks is off (a taint) none is printed.
 */
#include <string.h>

#include <linux/debug_locks.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/version.h>

#include "kshim/internal.h"
#include "kernel/rcu/rcu.h"

int debug_lockdep_rcu_enabled(void)
{
	return rcu_scheduler_active != RCU_SCHEDULER_INACTIVE &&
	       READ_ONCE(debug_locks);
}

static bool rcu_read_lock_held_common(bool *ret)
{
	if (!debug_lockdep_rcu_enabled()) {
		*ret = true;
		return true;
	}
	return false;
}

int rcu_read_lock_held(void)
{
	bool ret;

	if (rcu_read_lock_held_common(&ret))
		return ret;
	return kshim_rcu_map_held(KSHIM_RCU_MAP_RCU);
}

int rcu_read_lock_bh_held(void)
{
	bool ret;

	if (rcu_read_lock_held_common(&ret))
		return ret;
	return in_softirq() || irqs_disabled();
}

int rcu_read_lock_sched_held(void)
{
	bool ret;

	if (rcu_read_lock_held_common(&ret))
		return ret;
	return kshim_rcu_map_held(KSHIM_RCU_MAP_SCHED) || !preemptible();
}

int rcu_read_lock_any_held(void)
{
	bool ret;

	if (rcu_read_lock_held_common(&ret))
		return ret;
	if (kshim_rcu_map_held(KSHIM_RCU_MAP_RCU) ||
	    kshim_rcu_map_held(KSHIM_RCU_MAP_BH) ||
	    kshim_rcu_map_held(KSHIM_RCU_MAP_SCHED))
		return 1;
	return !preemptible();
}

/* kernel/panic.c print_tainted(), as lockdep's print_kernel_ident() uses it. */
static const char *print_tainted(char *buf, size_t len)
{
	static const char letters[] = "PFSRMBUDAWCIOELKXTN";
	unsigned long mask = get_taint();
	size_t n, i;

	if (!mask)
		return "Not tainted";
	n = snprintf(buf, len, "Tainted: ");
	for (i = 0; i < sizeof(letters) - 1 && n + 1 < len; i++)
		buf[n++] = (mask >> i) & 1 ? letters[i] : (i ? ' ' : 'G');
	buf[n] = '\0';
	return buf;
}

/* lockdep's wait types {outer:inner} for the kinds kshim records. */
static void print_lock(int i, const struct kshim_held_lock *h)
{
	const char *name = kshim_rcu_map_name(h->lock);
	int outer = 2, inner = 2;

	if (name) {
		outer = 1;
	} else {
		name = h->kind;
		if (!strcmp(h->kind, "mutex"))
			outer = inner = 3;
	}
	printk(KERN_WARNING " #%d: %px (%s){....}-{%d:%d}, at: %s %s:%d\n",
	       i, h->lock, name, outer, inner,
	       h->site && h->site->func ? h->site->func : "?",
	       h->site ? h->site->file : "?", h->site ? h->site->line : 0);
}

/* kernel/locking/lockdep.c lockdep_print_held_locks(current) */
static void print_held_locks(struct task_struct *p)
{
	int i, depth = p->kshim_lockdep_depth;

	if (!depth)
		printk(KERN_WARNING "no locks held by %s/%d.\n", p->comm,
		       task_pid_nr(p));
	else
		printk(KERN_WARNING "%d lock%s held by %s/%d:\n", depth,
		       depth > 1 ? "s" : "", p->comm, task_pid_nr(p));
	if (depth > KSHIM_HELD_LOCKS_MAX)
		depth = KSHIM_HELD_LOCKS_MAX;
	for (i = 0; i < depth; i++)
		print_lock(i, &p->kshim_held_locks[i]);
}

void lockdep_rcu_suspicious(const char *file, const int line, const char *s)
{
	struct task_struct *curr = current;
	int dl = READ_ONCE(debug_locks);
	char taint[64];

	kshim_report_begin(KSHIM_REPORT_RCU, file, line, NULL);
	pr_warn("\n");
	pr_warn("=============================\n");
	pr_warn("WARNING: suspicious RCU usage\n");
	pr_warn("%d.%d.%d-kshim #1 %s\n", LINUX_VERSION_MAJOR,
		LINUX_VERSION_PATCHLEVEL, LINUX_VERSION_SUBLEVEL,
		print_tainted(taint, sizeof(taint)));
	pr_warn("-----------------------------\n");
	pr_warn("%s:%d %s!\n", file, line, s);
	pr_warn("\nother info that might help us debug this:\n\n");
	pr_warn("\n%srcu_scheduler_active = %d, debug_locks = %d\n%s",
		!rcu_lockdep_current_cpu_online()
			? "RCU used illegally from offline CPU!\n" : "",
		rcu_scheduler_active, dl,
		dl ? "" : "Possible false positive due to lockdep disabling via debug_locks = 0\n");
	if (!rcu_is_watching())
		pr_warn("RCU used illegally from extended quiescent state!\n");
	print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
	kshim_report_end();
}

/*
 * rcu_sleep_check() as __might_resched() expands it (PREEMPT_RCU: only the
 * bh and sched flavours), at the might_sleep() caller's file:line where
 * the kernel names kernel/sched/core.c.
 */
void kshim_rcu_sleep_check(const char *file, int line)
{
	static unsigned int warned_bh, warned_sched;

	if (!debug_lockdep_rcu_enabled())
		return;
	if (current->kshim_rcu_bh_nesting > 0 && __kshim_rcu_once(warned_bh))
		lockdep_rcu_suspicious(file, line,
				       "Illegal context switch in RCU-bh read-side critical section");
	if (current->kshim_rcu_sched_nesting > 0 &&
	    __kshim_rcu_once(warned_sched))
		lockdep_rcu_suspicious(file, line,
				       "Illegal context switch in RCU-sched read-side critical section");
}
