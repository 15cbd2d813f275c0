// SPDX-License-Identifier: GPL-2.0
/*
 * compat/kernel/locking/rwsem.c - read/write semaphores, CONFIG_DEBUG_RWSEMS.
 *
 * Reproduces what kernel/locking/rwsem.c of 6.1 guarantees a driver:
 *  - down_read*()/down_write*(): might_sleep() at the caller's line, then
 *    take it at once if free for that side, else sleep for real until it
 *    is ("BUG: scheduling while atomic" if atomic).  Readers share it; a
 *    writer excludes everybody.  A reader arriving while a writer waits
 *    queues behind that writer (6.1's reader lock stealing needs no reader
 *    inside), so writers are not starved.  _interruptible/_killable give
 *    up with -EINTR when a signal (fatal for _killable) is pending before
 *    or arrives during the sleep, as rwsem_down_{read,write}_slowpath().
 *  - down_*_trylock(): 1 if taken, else 0, never sleeping.
 *  - up_read(): DEBUG_RWSEMS_WARN_ON(!is_rwsem_reader_owned(sem)) when no
 *    reader owns it (free, or write-held), and the count underflow
 *    (DEBUG_RWSEMS_WARN_ON(tmp < 0)) when no reader is inside; up_write():
 *    DEBUG_RWSEMS_WARN_ON((rwsem_owner(sem) != current) && ...) by a task
 *    that is not the writer (the semaphore is released anyway, as the
 *    kernel's count arithmetic does); a semaphore never initialised is
 *    DEBUG_RWSEMS_WARN_ON(sem->magic != sem) at trylock and unlock.  Each
 *    with 6.1's text (count, magic, owner, curr as the kernel's words),
 *    once per check per boot (WARN_ONCE), naming the caller's line, then
 *    debug_locks_off().  kshim does not corrupt its count on a bogus
 *    unlock: the kernel's would underflow.
 *  - a task that would wait for itself (down_* of an rwsem it write-holds,
 *    down_write() of one it read-holds, down_read() of one it read-holds
 *    while a writer waits) sleeps for ever in the kernel: kshim reports
 *    it at once (class "lockup", naming where it took the rwsem) and the
 *    test ends.
 * Every holder is a lock in its task's held-lock records (lockdep_is_held,
 * the handler and task-exit checks) and on kshim's list of rwsem holders:
 * an rwsem held when a test ends is the ledger's "rwsems held", naming
 * each holder and the line that took it.
 */
#include <stdlib.h>

#include <linux/debug_locks.h>
#include <linux/rwsem.h>
#include <linux/sched/signal.h>
#include <linux/printk.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"

/* 6.1's count and owner words, for DEBUG_RWSEMS's text. */
#define RWSEM_WRITER_LOCKED	(1UL << 0)
#define RWSEM_FLAG_WAITERS	(1UL << 1)
#define RWSEM_READER_SHIFT	8
#define RWSEM_READER_BIAS	(1UL << RWSEM_READER_SHIFT)
#define RWSEM_READER_OWNED	(1UL << 0)
#define RWSEM_NONSPINNABLE	(1UL << 1)
#define RWSEM_OWNER_FLAGS_MASK	(RWSEM_READER_OWNED | RWSEM_NONSPINNABLE)

/* ---- the holders, for the ledger ---- */

struct rwsem_holder {
	struct rwsem_holder *next;
	const struct rw_semaphore *sem;
	const struct task_struct *task;
	char comm[TASK_COMM_LEN];
	pid_t pid;
	const struct kshim_site *site;
	bool write;
};

static struct kshim_host_lock holders_lock;
static struct rwsem_holder *holders;
static long nr_holders;		/* under holders_lock */
static long rwsem_records;	/* kshim_lock_acquired()'s counter */

static void holder_add(struct rw_semaphore *sem, bool write,
		       const struct kshim_site *site)
{
	struct rwsem_holder *h = malloc(sizeof(*h));
	struct task_struct *t = current;

	kshim_lock_acquired(sem, write ? "rwsem (write)" : "rwsem (read)",
			    site, &rwsem_records);
	if (!h)
		return;
	h->sem = sem;
	h->task = t;
	memcpy(h->comm, t->comm, sizeof(h->comm));
	h->pid = t->pid;
	h->site = site;
	h->write = write;
	host_lock(&holders_lock);
	h->next = holders;
	holders = h;
	nr_holders++;
	host_unlock(&holders_lock);
}

/*
 * @sem's hold by the current task (or, released by another task, any
 * hold of that side) ends.  Returns its site (NULL if none was listed).
 */
static const struct kshim_site *holder_del(struct rw_semaphore *sem,
					   bool write)
{
	struct rwsem_holder **pp, **found = NULL, *h;
	const struct kshim_site *site = NULL;

	kshim_lock_released(sem, &rwsem_records);
	host_lock(&holders_lock);
	for (pp = &holders; *pp; pp = &(*pp)->next) {
		if ((*pp)->sem != sem || (*pp)->write != write)
			continue;
		if ((*pp)->task == current) {
			found = pp;
			break;
		}
		if (!found)
			found = pp;
	}
	if (found) {
		h = *found;
		*found = h->next;
		nr_holders--;
		site = h->site;
		free(h);
	}
	host_unlock(&holders_lock);
	return site;
}

static long ledger_holders(void *arg)
{
	long n;

	host_lock(&holders_lock);
	n = nr_holders;
	host_unlock(&holders_lock);
	return n;
}

static void explain_holders(void *arg)
{
	struct rwsem_holder *h;
	int i = 0;

	host_lock(&holders_lock);
	for (h = holders; h; h = h->next)
		printk(KERN_ERR " #%d: rwsem %p held for %s by %s/%d, at: %s %s:%d\n",
		       i++, h->sem, h->write ? "write" : "read", h->comm,
		       h->pid, kshim_site_func(h->site),
		       kshim_site_file(h->site), kshim_site_line(h->site));
	host_unlock(&holders_lock);
}

/* ---- DEBUG_RWSEMS ---- */

enum rwsem_check {
	CHECK_MAGIC,		/* sem->magic != sem */
	CHECK_NOT_READER_OWNED,	/* !is_rwsem_reader_owned(sem) */
	CHECK_READ_UNDERFLOW,	/* tmp < 0 */
	CHECK_WRITE_OWNER,	/* up_write() by another task */
	CHECK_DOWNGRADE_OWNER,	/* downgrade_write() by another task */
	NR_CHECKS
};

static const char *const check_text[NR_CHECKS] = {
	[CHECK_MAGIC] = "sem->magic != sem",
	[CHECK_NOT_READER_OWNED] = "!is_rwsem_reader_owned(sem)",
	[CHECK_READ_UNDERFLOW] = "tmp < 0",
	[CHECK_WRITE_OWNER] =
		"(rwsem_owner(sem) != current) && !rwsem_test_oflags(sem, RWSEM_NONSPINNABLE)",
	[CHECK_DOWNGRADE_OWNER] = "rwsem_owner(sem) != current",
};

/* WARN_ONCE(): one flag per check in kernel/locking/rwsem.c, per boot. */
static bool check_done[NR_CHECKS];

/* The words DEBUG_RWSEMS prints, as the kernel has them (under host). */
struct rwsem_words {
	unsigned long count, magic, owner;
	bool waiters;
};

static unsigned long kernel_count(const struct rw_semaphore *sem)
{
	unsigned long c;

	if (sem->count < 0)
		c = RWSEM_WRITER_LOCKED;
	else
		c = (unsigned long)sem->count << RWSEM_READER_SHIFT;
	if (sem->waiters)
		c |= RWSEM_FLAG_WAITERS;
	return c;
}

static void snapshot(const struct rw_semaphore *sem, struct rwsem_words *w)
{
	w->count = kernel_count(sem);
	w->magic = (unsigned long)sem->magic;
	w->owner = sem->kernel_owner;
	w->waiters = sem->waiters != 0;
}

static void rwsem_warn(enum rwsem_check check, const struct rwsem_words *w,
		       const struct kshim_site *site)
{
	if (debug_locks_silent)
		return;
	if (__atomic_exchange_n(&check_done[check], true, __ATOMIC_RELAXED))
		return;
	__kshim_warn(site->file, site->line, site->func, site->mod,
		     TAINT_WARN,
		     "DEBUG_RWSEMS_WARN_ON(%s): count = 0x%lx, magic = 0x%lx, owner = 0x%lx, curr 0x%lx, list %sempty\n",
		     check_text[check], w->count, w->magic, w->owner,
		     (unsigned long)current, w->waiters ? "not " : "");
	debug_locks_off();
}

/* is_rwsem_reader_owned() of 6.1 with DEBUG_RWSEMS (under host). */
static bool reader_owned(const struct rw_semaphore *sem)
{
	if (sem->count < 0)
		return false;
	return sem->kernel_owner & RWSEM_READER_OWNED;
}

/* ---- init ---- */

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	host_init(&sem->host);
	sem->count = 0;
	sem->owner = NULL;
	sem->waiters = 0;
	sem->writers_waiting = 0;
	sem->magic = sem;
	sem->site = NULL;
	sem->kernel_owner = 0;
}

int rwsem_is_contended(struct rw_semaphore *sem)
{
	int contended;

	host_lock(&sem->host);
	contended = sem->waiters != 0;
	host_unlock(&sem->host);
	return contended;
}

/* ---- taking it ---- */

/* The line where the current task took @sem (NULL: it does not hold it). */
static const struct kshim_site *held_by_current(const struct rw_semaphore *sem,
						const char **kind)
{
	struct task_struct *t = current;
	int i, n = t->kshim_lockdep_depth;

	if (n > KSHIM_HELD_LOCKS_MAX)
		n = KSHIM_HELD_LOCKS_MAX;
	for (i = n - 1; i >= 0; i--) {
		if (t->kshim_held_locks[i].lock != sem)
			continue;
		*kind = t->kshim_held_locks[i].kind;
		return t->kshim_held_locks[i].site;
	}
	return NULL;
}

/* The current task holds @sem and is about to wait for it: for ever. */
static void check_self_deadlock(struct rw_semaphore *sem, bool write,
				const struct kshim_site *site)
{
	const struct kshim_site *held;
	const char *kind = NULL;

	held = held_by_current(sem, &kind);
	if (!held)
		return;
	host_unlock(&sem->host);
	kshim_lockup_die(site, KERN_ERR "kshim: deadlock: %s/%d takes rwsem %p for %s, which it holds (%s, taken at %s:%d)%s; the task would sleep for ever\n",
			 current->comm, current->pid, (void *)sem,
			 write ? "write" : "read", kind, held->file,
			 held->line,
			 !write && sem->count > 0 ?
				", and a writer waits for it" : "");
}

static bool can_read(const struct rw_semaphore *sem)
{
	return sem->count >= 0 && !sem->writers_waiting;
}

static bool can_write(const struct rw_semaphore *sem)
{
	return sem->count == 0;
}

/*
 * Sleep (host held, returned held) until @ready or, for an interruptible
 * or killable @state, a signal: 0 or -EINTR.
 */
static int rwsem_sleep(struct rw_semaphore *sem, unsigned int state,
		       bool (*ready)(const struct rw_semaphore *), bool write,
		       const struct kshim_site *site)
{
	struct task_struct *t = current;
	bool wakeable = state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL);
	int ret = 0;

	/* A signal ends an interruptible (killable) wait before it starts. */
	kshim_signal_fault(state, site);
	if (signal_pending_state(state, t))
		return -EINTR;
	check_self_deadlock(sem, write, site);
	sem->waiters++;
	host_unlock(&sem->host);
	kshim_block_begin(state, site);
	if (wakeable) {
		/* signal_wake_up() reaches the task sleeping here. */
		host_lock(&t->kshim_wake);
		t->kshim_sleep_woken = false;
		t->kshim_sleep_host = &sem->host;
		host_unlock(&t->kshim_wake);
	}
	host_lock(&sem->host);
	while (!ready(sem)) {
		if (wakeable && signal_pending_state(state, t)) {
			ret = -EINTR;
			break;
		}
		host_wait(&sem->host);
	}
	sem->waiters--;
	host_unlock(&sem->host);
	if (wakeable) {
		host_lock(&t->kshim_wake);
		t->kshim_sleep_host = NULL;
		t->kshim_woken = false;
		host_unlock(&t->kshim_wake);
	}
	kshim_block_end();
	host_lock(&sem->host);
	return ret;
}

static void take_read(struct rw_semaphore *sem)
{
	sem->count++;
	/* rwsem_set_reader_owned(): the non-spinnable bit is kept. */
	sem->kernel_owner = (unsigned long)current | RWSEM_READER_OWNED |
			    (sem->kernel_owner & RWSEM_NONSPINNABLE);
}

static void take_write(struct rw_semaphore *sem,
		       const struct kshim_site *site)
{
	sem->count = -1;
	sem->owner = current;
	sem->site = site;
	sem->kernel_owner = (unsigned long)current;
}

int __kshim_down_read(struct rw_semaphore *sem, unsigned int state,
		      const struct kshim_site *site)
{
	int ret = 0;

	__kshim_might_sleep(site->file, site->line, site->func);
	host_lock(&sem->host);
	if (!can_read(sem)) {
		ret = rwsem_sleep(sem, state, can_read, false, site);
	}
	if (!ret)
		take_read(sem);
	host_unlock(&sem->host);
	if (!ret)
		holder_add(sem, false, site);
	return ret;
}

int __kshim_down_read_trylock(struct rw_semaphore *sem,
			      const struct kshim_site *site)
{
	struct rwsem_words w;
	int locked = 0;

	host_lock(&sem->host);
	snapshot(sem, &w);
	if (can_read(sem)) {
		take_read(sem);
		locked = 1;
	}
	host_unlock(&sem->host);
	if (w.magic != (unsigned long)sem)
		rwsem_warn(CHECK_MAGIC, &w, site);
	if (locked)
		holder_add(sem, false, site);
	return locked;
}

int __kshim_down_write(struct rw_semaphore *sem, unsigned int state,
		       const struct kshim_site *site)
{
	int ret = 0;

	__kshim_might_sleep(site->file, site->line, site->func);
	host_lock(&sem->host);
	if (!can_write(sem)) {
		sem->writers_waiting++;
		ret = rwsem_sleep(sem, state, can_write, true, site);
		sem->writers_waiting--;
		/* A writer that gave up lets the readers behind it in. */
		if (ret && sem->waiters)
			host_wake_all(&sem->host);
	}
	if (!ret)
		take_write(sem, site);
	host_unlock(&sem->host);
	if (!ret)
		holder_add(sem, true, site);
	return ret;
}

int __kshim_down_write_trylock(struct rw_semaphore *sem,
			       const struct kshim_site *site)
{
	struct rwsem_words w;
	int locked = 0;

	host_lock(&sem->host);
	snapshot(sem, &w);
	if (can_write(sem)) {
		take_write(sem, site);
		locked = 1;
	}
	host_unlock(&sem->host);
	if (w.magic != (unsigned long)sem)
		rwsem_warn(CHECK_MAGIC, &w, site);
	if (locked)
		holder_add(sem, true, site);
	return locked;
}

/* ---- releasing it ---- */

void __kshim_up_read(struct rw_semaphore *sem, const struct kshim_site *site)
{
	struct rwsem_words before, after;
	bool held;

	host_lock(&sem->host);
	snapshot(sem, &before);
	held = sem->count > 0;
	if (reader_owned(sem) &&
	    (sem->kernel_owner & ~RWSEM_OWNER_FLAGS_MASK) ==
	    (unsigned long)current)
		/* rwsem_clear_reader_owned(): only the recorded reader. */
		sem->kernel_owner &= RWSEM_OWNER_FLAGS_MASK;
	if (held) {
		sem->count--;
		if (!sem->count && sem->waiters)
			host_wake_all(&sem->host);
	}
	/* The kernel's count after its subtraction of a reader. */
	snapshot(sem, &after);
	if (!held)
		after.count = before.count - RWSEM_READER_BIAS;
	host_unlock(&sem->host);

	if (before.magic != (unsigned long)sem)
		rwsem_warn(CHECK_MAGIC, &before, site);
	if (!(before.count & RWSEM_WRITER_LOCKED) &&
	    (before.owner & RWSEM_READER_OWNED)) {
		/* is_rwsem_reader_owned() */
	} else {
		rwsem_warn(CHECK_NOT_READER_OWNED, &before, site);
	}
	if (!held)
		rwsem_warn(CHECK_READ_UNDERFLOW, &after, site);
	else
		holder_del(sem, false);
}

void __kshim_up_write(struct rw_semaphore *sem,
		      const struct kshim_site *site)
{
	struct rwsem_words w;
	bool held, owner;

	host_lock(&sem->host);
	snapshot(sem, &w);
	held = sem->count < 0;
	owner = (w.owner & ~RWSEM_OWNER_FLAGS_MASK) == (unsigned long)current;
	if (held) {
		sem->count = 0;
		sem->owner = NULL;
		sem->site = NULL;
		sem->kernel_owner = 0;
		if (sem->waiters)
			host_wake_all(&sem->host);
	}
	host_unlock(&sem->host);

	if (w.magic != (unsigned long)sem)
		rwsem_warn(CHECK_MAGIC, &w, site);
	if (!owner && !(w.owner & RWSEM_NONSPINNABLE))
		rwsem_warn(CHECK_WRITE_OWNER, &w, site);
	if (held)
		holder_del(sem, true);
}

void __kshim_downgrade_write(struct rw_semaphore *sem,
			     const struct kshim_site *site)
{
	const struct kshim_site *taken = NULL;
	struct rwsem_words w;
	bool held;

	host_lock(&sem->host);
	snapshot(sem, &w);
	held = sem->count < 0;
	if (held) {
		sem->count = 0;
		sem->owner = NULL;
		sem->site = NULL;
		take_read(sem);
		if (sem->waiters)
			host_wake_all(&sem->host);
	}
	host_unlock(&sem->host);

	if ((w.owner & ~RWSEM_OWNER_FLAGS_MASK) != (unsigned long)current)
		rwsem_warn(CHECK_DOWNGRADE_OWNER, &w, site);
	if (held) {
		/* The hold goes on, as a reader's, from the same line. */
		taken = holder_del(sem, true);
		holder_add(sem, false, taken ? taken : site);
	}
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
void __kshim_rwsem_assert_held(struct rw_semaphore *sem, bool write,
			       const struct kshim_site *site)
{
	long count = __atomic_load_n(&sem->count, __ATOMIC_RELAXED);
	bool bad = write ? count >= 0 : count == 0;

	if (bad)
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
}
#endif

/* ---- the real functions ---- */

static const struct kshim_site unknown_site = { "?", 0, NULL, NULL };

#undef down_read
#undef down_write
#undef up_read
#undef up_write

void down_read(struct rw_semaphore *sem)
{
	__kshim_down_read(sem, TASK_UNINTERRUPTIBLE, &unknown_site);
}

void down_write(struct rw_semaphore *sem)
{
	__kshim_down_write(sem, TASK_UNINTERRUPTIBLE, &unknown_site);
}

void up_read(struct rw_semaphore *sem)
{
	__kshim_up_read(sem, &unknown_site);
}

void up_write(struct rw_semaphore *sem)
{
	__kshim_up_write(sem, &unknown_site);
}

/* ---- boot, tests ---- */

void kshim_rwsem_init(void)
{
	static bool registered;

	if (registered)
		return;
	registered = true;
	kshim_ledger_add("rwsems held", ledger_holders, explain_holders,
			 NULL);
}

/* Each test is a fresh boot: every WARN_ONCE() may fire again. */
void kshim_rwsem_test_begin(void)
{
	unsigned int i;

	for (i = 0; i < NR_CHECKS; i++)
		__atomic_store_n(&check_done[i], false, __ATOMIC_RELAXED);
}
