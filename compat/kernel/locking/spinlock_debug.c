// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/spinlock_debug.c - the spinlock and rwlock
 * themselves, with CONFIG_DEBUG_SPINLOCK.
 *
 * Reproduces kernel/locking/spinlock_debug.c of 6.8: the checks before
 * taking and releasing a lock and spin_dump()'s text:
 *
 *   BUG: spinlock <what> on CPU#<cpu>, <comm>/<pid>
 *    lock: <addr>, .magic: <magic>, .owner: <comm>/<pid>, .owner_cpu: <cpu>
 *   <dump_stack()>
 *
 * for "bad magic", "recursion", "already unlocked" and "wrong owner"
 * (report class "spinlock"), printed once per boot (debug_locks_off()),
 * and "BUG: rwlock <what> on CPU#<cpu>, <comm>/<pid>, <addr>" for rwlocks.
 * After reporting, the operation goes ahead as in the kernel, which is
 * how a lock survives being released by the wrong task.
 *
 * The lock is a flag under a host mutex; a contended lock waits on the
 * host condition variable.  6.8 has no lockup detection (removed in 4.14):
 * a CPU that cannot get the lock spins for ever.  kshim cannot let a test
 * hang, so its own detector reports a spin that makes no progress for
 * KSHIM_SPINLOCK_LOCKUP milliseconds, in the words of the old detector
 * ("BUG: spinlock lockup suspected on CPU#..."), with a line saying it is
 * kshim's, then ends the test (class "lockup").  A task spinning on a
 * lock it holds itself can never get it: that is reported at once.
 */
#include <stdio.h>

#include <linux/debug_locks.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#include "kshim/internal.h"
#include "kernel/locking/spinlock_debug.h"
#include "kernel/sched/sched.h"

static void spin_dump(raw_spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = lock->owner;

	if (owner == SPINLOCK_OWNER_INIT)
		owner = NULL;
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%d, %s/%d\n", msg,
	       raw_smp_processor_id(), current->comm, task_pid_nr(current));
	printk(KERN_EMERG " lock: %pS, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
	       (void *)lock, lock->magic, owner ? owner->comm : "<none>",
	       owner ? task_pid_nr(owner) : -1, lock->owner_cpu);
	if (lock->locked && lock->site)
		printk(KERN_EMERG " kshim: the owner took it at %s:%d (%s)\n",
		       lock->site->file, lock->site->line,
		       lock->site->func ? lock->site->func : "?");
}

/* Called with the host mutex held. */
static void spin_bug(raw_spinlock_t *lock, const char *msg,
		     const struct kshim_site *site)
{
	if (!debug_locks_off())
		return;
	kshim_report_begin(KSHIM_REPORT_SPINLOCK, site->file, site->line,
			   site->func);
	spin_dump(lock, msg);
	dump_stack();
	kshim_report_end();
}

#define SPIN_BUG_ON(cond, lock, msg, site)				\
	do {								\
		if (unlikely(cond))					\
			spin_bug(lock, msg, site);			\
	} while (0)

/* kshim's lockup detector: report, then the task dies (host unlocked). */
static __noreturn void spin_lockup(raw_spinlock_t *lock, unsigned long ms,
				   const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_LOCKUP, site->file, site->line,
			   site->func);
	spin_dump(lock, "lockup suspected");
	if (lock->owner == current)
		printk(KERN_EMERG " kshim: lockup detector: spinning at %s:%d on a lock this task holds: it can never get it (6.8 would spin for ever)\n",
		       site->file, site->line);
	else
		printk(KERN_EMERG " kshim: lockup detector: no progress for %lu ms at %s:%d (6.8 would spin for ever)\n",
		       ms, site->file, site->line);
	dump_stack();
	kshim_report_end();
	host_unlock(&lock->host);
	kshim_task_die();
}

static void debug_spin_lock_after(raw_spinlock_t *lock,
				  const struct kshim_site *site)
{
	lock->locked = 1;
	lock->owner_cpu = raw_smp_processor_id();
	lock->owner = current;
	lock->site = site;
}

void do_raw_spin_lock(raw_spinlock_t *lock, const struct kshim_site *site)
{
	unsigned long ms = kshim_spin_lockup_ms();
	struct timespec deadline;
	bool armed = false;

	host_lock(&lock->host);
	SPIN_BUG_ON(lock->magic != SPINLOCK_MAGIC, lock, "bad magic", site);
	SPIN_BUG_ON(lock->locked && lock->owner == current, lock, "recursion",
		    site);
	while (lock->locked) {
		if (lock->owner == current)
			spin_lockup(lock, ms, site);
		if (!armed) {
			kshim_deadline_ms(&deadline, ms);
			armed = true;
		}
		if (!host_spin_until(&lock->host, &deadline) && lock->locked)
			spin_lockup(lock, ms, site);
	}
	debug_spin_lock_after(lock, site);
	host_unlock(&lock->host);
}

int do_raw_spin_trylock(raw_spinlock_t *lock, const struct kshim_site *site)
{
	int ret = 0;

	host_lock(&lock->host);
	if (!lock->locked) {
		debug_spin_lock_after(lock, site);
		ret = 1;
	}
	host_unlock(&lock->host);
	return ret;
}

/* Returns false when there was nothing to release. */
bool do_raw_spin_unlock(raw_spinlock_t *lock, const struct kshim_site *site)
{
	bool was_locked;

	host_lock(&lock->host);
	SPIN_BUG_ON(lock->magic != SPINLOCK_MAGIC, lock, "bad magic", site);
	SPIN_BUG_ON(!lock->locked, lock, "already unlocked", site);
	SPIN_BUG_ON(lock->locked && lock->owner != current, lock,
		    "wrong owner", site);
	was_locked = lock->locked;
	lock->locked = 0;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->site = NULL;
	host_wake_all(&lock->host);
	host_unlock(&lock->host);
	return was_locked;
}

int raw_spin_is_locked(raw_spinlock_t *lock)
{
	int locked;

	host_lock(&lock->host);
	locked = lock->locked;
	host_unlock(&lock->host);
	return locked;
}

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name,
			  struct lock_class_key *key)
{
	host_init(&lock->host);
	lock->locked = 0;
	lock->magic = SPINLOCK_MAGIC;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->site = NULL;
}

/* ---- rwlock_t ---- */

static void rwlock_bug(rwlock_t *lock, const char *msg,
		       const struct kshim_site *site)
{
	if (!debug_locks_off())
		return;
	kshim_report_begin(KSHIM_REPORT_SPINLOCK, site->file, site->line,
			   site->func);
	printk(KERN_EMERG "BUG: rwlock %s on CPU#%d, %s/%d, %p\n", msg,
	       raw_smp_processor_id(), current->comm, task_pid_nr(current),
	       (void *)lock);
	dump_stack();
	kshim_report_end();
}

#define RWLOCK_BUG_ON(cond, lock, msg, site)				\
	do {								\
		if (unlikely(cond))					\
			rwlock_bug(lock, msg, site);			\
	} while (0)

static __noreturn void rwlock_lockup(rwlock_t *lock, bool write,
				     unsigned long ms,
				     const struct kshim_site *site)
{
	kshim_report_begin(KSHIM_REPORT_LOCKUP, site->file, site->line,
			   site->func);
	/* The text of the detector 6.8 keeps under #if 0. */
	printk(KERN_EMERG "BUG: %s-lock lockup on CPU#%d, %s/%d, %p\n",
	       write ? "write" : "read", raw_smp_processor_id(),
	       current->comm, current->pid, (void *)lock);
	if (!ms)
		printk(KERN_EMERG " kshim: lockup detector: spinning at %s:%d on a lock this task holds: it can never get it (6.8 would spin for ever)\n",
		       site->file, site->line);
	else
		printk(KERN_EMERG " kshim: lockup detector: no progress for %lu ms at %s:%d (6.8 would spin for ever)\n",
		       ms, site->file, site->line);
	dump_stack();
	kshim_report_end();
	host_unlock(&lock->host);
	kshim_task_die();
}

/* Wait while @busy(lock), with kshim's lockup deadline.  Host mutex held. */
static void rwlock_spin(rwlock_t *lock, bool write,
			const struct kshim_site *site)
{
	unsigned long ms = kshim_spin_lockup_ms();
	struct timespec deadline;

	kshim_deadline_ms(&deadline, ms);
	for (;;) {
		bool busy = write ? lock->writer || lock->readers :
				    lock->writer;

		if (!busy)
			return;
		if (lock->writer && lock->owner == current)
			rwlock_lockup(lock, write, 0, site);
		if (!host_spin_until(&lock->host, &deadline)) {
			busy = write ? lock->writer || lock->readers :
				       lock->writer;
			if (busy)
				rwlock_lockup(lock, write, ms, site);
		}
	}
}

static void debug_write_lock_after(rwlock_t *lock,
				   const struct kshim_site *site)
{
	lock->writer = 1;
	lock->owner_cpu = raw_smp_processor_id();
	lock->owner = current;
	lock->site = site;
}

void do_raw_read_lock(rwlock_t *lock, const struct kshim_site *site)
{
	host_lock(&lock->host);
	RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", site);
	rwlock_spin(lock, false, site);
	lock->readers++;
	host_unlock(&lock->host);
}

int do_raw_read_trylock(rwlock_t *lock, const struct kshim_site *site)
{
	int ret = 0;

	host_lock(&lock->host);
	if (!lock->writer) {
		lock->readers++;
		ret = 1;
	}
	host_unlock(&lock->host);
	return ret;
}

bool do_raw_read_unlock(rwlock_t *lock, const struct kshim_site *site)
{
	bool was_locked;

	host_lock(&lock->host);
	RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", site);
	/* kshim: the kernel's qrwlock count would just go negative. */
	RWLOCK_BUG_ON(lock->readers <= 0, lock, "already unlocked", site);
	was_locked = lock->readers > 0;
	if (was_locked)
		lock->readers--;
	host_wake_all(&lock->host);
	host_unlock(&lock->host);
	return was_locked;
}

void do_raw_write_lock(rwlock_t *lock, const struct kshim_site *site)
{
	host_lock(&lock->host);
	RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", site);
	RWLOCK_BUG_ON(lock->writer && lock->owner == current, lock,
		      "recursion", site);
	rwlock_spin(lock, true, site);
	debug_write_lock_after(lock, site);
	host_unlock(&lock->host);
}

int do_raw_write_trylock(rwlock_t *lock, const struct kshim_site *site)
{
	int ret = 0;

	host_lock(&lock->host);
	if (!lock->writer && !lock->readers) {
		debug_write_lock_after(lock, site);
		ret = 1;
	}
	host_unlock(&lock->host);
	return ret;
}

bool do_raw_write_unlock(rwlock_t *lock, const struct kshim_site *site)
{
	bool was_locked;

	host_lock(&lock->host);
	RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", site);
	RWLOCK_BUG_ON(lock->owner != current, lock, "wrong owner", site);
	was_locked = lock->writer;
	lock->writer = 0;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->site = NULL;
	host_wake_all(&lock->host);
	host_unlock(&lock->host);
	return was_locked;
}

void __rwlock_init(rwlock_t *lock, const char *name,
		   struct lock_class_key *key)
{
	host_init(&lock->host);
	lock->readers = 0;
	lock->writer = 0;
	lock->magic = RWLOCK_MAGIC;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lock->site = NULL;
}
