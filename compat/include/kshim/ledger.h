/*
 * kshim/ledger.h - per-test balance checks.
 *
 * A ledger entry is a value that must be the same at the end of a test as
 * at its start: pages allocated, kmaps held, preempt_count, locks held...
 * kshim's subsystems register theirs at boot; a test may add its own.  At
 * teardown every entry that moved is reported (one "ledger" report), and the
 * entry's explain callback may print details (who allocated what, where).
 */
#ifndef _KSHIM_LEDGER_H
#define _KSHIM_LEDGER_H

typedef long (*kshim_ledger_value_fn)(void *arg);
typedef void (*kshim_ledger_explain_fn)(void *arg);

/*
 * Register an entry.  Entries added during a test live until that test
 * ends; entries added outside tests apply to every test.
 */
void kshim_ledger_add(const char *name, kshim_ledger_value_fn value,
		      kshim_ledger_explain_fn explain, void *arg);
/* Convenience: the entry is the long at @counter. */
void kshim_ledger_add_counter(const char *name, const long *counter);

#endif /* _KSHIM_LEDGER_H */
