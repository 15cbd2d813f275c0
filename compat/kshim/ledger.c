/*
 * compat/kshim/ledger.c - values that every test must leave as it found.
 *
 * Subsystems register counters at boot (pages held, kmaps, preempt_count,
 * locks, loaded modules); a test may add its own.  The start values are
 * taken when a test begins; when its body completes, every entry that
 * moved is reported, in one "ledger" report, which fails the test unless
 * the test expected it.
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

/*
 * The report's file:line: the first "<file>:<line>" its text names that
 * is not kshim's own source (a leak's allocation, a lock's acquisition,
 * a kmap), else the test's name with line 0.  The names are kept for
 * the rest of the program (reports keep pointers to them).
 */
static void ledger_site(void)
{
	static char *kept[64];
	static unsigned int nr_kept;
	const char *text = kshim_report_text(), *p;

	for (p = text; *p; p++) {
		const char *start, *colon;
		char *file, *end;
		unsigned int i;
		long line;

		if (*p != ':' || p == text || p[1] < '0' || p[1] > '9')
			continue;
		colon = p;
		for (start = colon; start > text && start[-1] != ' ' &&
		     start[-1] != '\n' && start[-1] != '(' && start[-1] != '[';
		     start--)
			;
		/* a source file: "<something>.c" or ".h", not kshim's */
		if (colon - start < 3 || colon[-2] != '.' ||
		    (colon[-1] != 'c' && colon[-1] != 'h') ||
		    !strncmp(start, "compat/", 7))
			continue;
		line = strtol(colon + 1, &end, 10);
		if (line <= 0)
			continue;
		for (i = 0; i < nr_kept; i++)
			if (strlen(kept[i]) == (size_t)(colon - start) &&
			    !strncmp(kept[i], start, colon - start))
				break;
		if (i == nr_kept) {
			if (nr_kept == sizeof(kept) / sizeof(kept[0]))
				return;
			file = strndup(start, colon - start);
			if (!file)
				return;
			kept[nr_kept++] = file;
		}
		kshim_report_set_site(kept[i], (int)line, NULL);
		return;
	}
}

/*
 * Every entry that moved, in registration order, each with its
 * explanation: one report of class "ledger" (a kmap_atomic() leaked
 * under spin_lock_irqsave() names the lock, the kmap and the count).
 */
void kshim_ledger_check(void)
{
	struct ledger_entry *bad;
	unsigned int i, n = 0;
	long *now;

	pthread_mutex_lock(&ledger_lock);
	bad = calloc(nr_entries ? nr_entries : 1, sizeof(*bad));
	now = calloc(nr_entries ? nr_entries : 1, sizeof(*now));
	if (!bad || !now) {
		pthread_mutex_unlock(&ledger_lock);
		free(bad);
		free(now);
		return;
	}
	for (i = 0; i < nr_entries; i++) {
		long v = entries[i].value(entries[i].arg);

		if (v != entries[i].start) {
			bad[n] = entries[i];
			now[n++] = v;
		}
	}
	pthread_mutex_unlock(&ledger_lock);

	if (n) {
		/* Printed outside the lock: explain() may take its own. */
		kshim_report_begin(KSHIM_REPORT_LEDGER, kshim_current_test(),
				   0, NULL);
		for (i = 0; i < n; i++) {
			printk(KERN_ERR "kshim: ledger: %s is %ld at test end, was %ld at test start\n",
			       bad[i].name, now[i], bad[i].start);
			if (bad[i].explain)
				bad[i].explain(bad[i].arg);
		}
		ledger_site();
		kshim_report_end();
	}
	free(bad);
	free(now);
}

/*
 * kshim_boot() inside a test (compat/init/main.c): what the test holds of
 * the machine a reboot would destroy under it.  Every entry registered
 * at boot that moved since the test began, with its explanation, except
 * slab objects: a reboot releases them with their slabs (the test drops
 * its pointers; tests/slab/test_slub_debug.c).  Returns how many; with
 * @print, prints each with its explanation.
 */
unsigned int kshim_ledger_explain_held(bool print)
{
	static const char *const released[] = { "slab objects allocated" };
	unsigned int i, j, n = 0, nr;
	struct ledger_entry *copy;

	pthread_mutex_lock(&ledger_lock);
	nr = nr_entries;
	copy = calloc(nr ? nr : 1, sizeof(*copy));
	if (copy)
		memcpy(copy, entries, nr * sizeof(*copy));
	pthread_mutex_unlock(&ledger_lock);
	if (!copy)
		return 0;
	for (i = 0; i < nr; i++) {
		long now;

		if (copy[i].test_local)
			continue;
		for (j = 0; j < sizeof(released) / sizeof(released[0]); j++)
			if (!strcmp(copy[i].name, released[j]))
				break;
		if (j < sizeof(released) / sizeof(released[0]))
			continue;
		now = copy[i].value(copy[i].arg);
		if (now == copy[i].start)
			continue;
		n++;
		if (!print)
			continue;
		printk(KERN_ERR "kshim: %s is %ld, was %ld at test start\n",
		       copy[i].name, now, copy[i].start);
		if (copy[i].explain)
			copy[i].explain(copy[i].arg);
	}
	free(copy);
	return n;
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
