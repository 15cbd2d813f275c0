/*
 * compat/kshim/ledger.c - values that every test must leave as it found.
 *
 * Subsystems register counters at boot (pages held, kmaps, preempt_count,
 * locks, loaded modules); a test may add its own.  The start values are
 * taken when a test begins; when its body completes, the first entry that
 * moved is reported as a "ledger" report, which fails the test unless the
 * test expected it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/printk.h>

#include <kshim/test.h>

#include "kshim/internal.h"

struct ledger_entry {
	const char *name;
	kshim_ledger_value_fn value;
	kshim_ledger_explain_fn explain;
	void *arg;
	long start;
	bool test_local;
};

static pthread_mutex_t ledger_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ledger_entry *entries;
static unsigned int nr_entries, entries_cap;

void kshim_ledger_add(const char *name, kshim_ledger_value_fn value,
		      kshim_ledger_explain_fn explain, void *arg)
{
	struct ledger_entry *e;

	pthread_mutex_lock(&ledger_lock);
	if (nr_entries == entries_cap) {
		unsigned int ncap = entries_cap ? entries_cap * 2 : 8;
		struct ledger_entry *ne = realloc(entries, ncap * sizeof(*ne));

		if (!ne) {
			pthread_mutex_unlock(&ledger_lock);
			return;
		}
		entries = ne;
		entries_cap = ncap;
	}
	e = &entries[nr_entries++];
	e->name = name;
	e->value = value;
	e->explain = explain;
	e->arg = arg;
	e->test_local = kshim_in_test();
	e->start = value(arg);
	pthread_mutex_unlock(&ledger_lock);
}

static long read_counter(void *arg)
{
	return __atomic_load_n((const long *)arg, __ATOMIC_RELAXED);
}

void kshim_ledger_add_counter(const char *name, const long *counter)
{
	kshim_ledger_add(name, read_counter, NULL, (void *)counter);
}

void kshim_ledger_snapshot(void)
{
	unsigned int i;

	pthread_mutex_lock(&ledger_lock);
	for (i = 0; i < nr_entries; i++)
		entries[i].start = entries[i].value(entries[i].arg);
	pthread_mutex_unlock(&ledger_lock);
}

void kshim_ledger_check(void)
{
	struct ledger_entry bad;
	bool found = false;
	unsigned int i;
	long now = 0;

	pthread_mutex_lock(&ledger_lock);
	for (i = 0; i < nr_entries && !found; i++) {
		now = entries[i].value(entries[i].arg);
		if (now != entries[i].start) {
			bad = entries[i];
			found = true;
		}
	}
	pthread_mutex_unlock(&ledger_lock);
	if (!found)
		return;

	/* Printed outside the lock: explain() may take its own. */
	kshim_report_begin(KSHIM_REPORT_LEDGER, kshim_current_test(), 0, NULL);
	printk(KERN_ERR "kshim: ledger: %s is %ld at test end, was %ld at test start\n",
	       bad.name, now, bad.start);
	if (bad.explain)
		bad.explain(bad.arg);
	kshim_report_end();
}

void kshim_ledger_drop_test_entries(void)
{
	unsigned int i, j = 0;

	pthread_mutex_lock(&ledger_lock);
	for (i = 0; i < nr_entries; i++)
		if (!entries[i].test_local)
			entries[j++] = entries[i];
	nr_entries = j;
	pthread_mutex_unlock(&ledger_lock);
}
