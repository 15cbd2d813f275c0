/*
 * tests/mm26/nodump.h - a 2.6.35 VM_BUG_ON() prints no dump_page().
 *
 * A BUG ends its test, and kshim_expect_report() only says what a report
 * contains, so "no dump lines before the BUG" is checked from outside:
 * the program runs one of its own BUG tests again in a child and reads
 * the kernel log it printed.
 */
#ifndef _TESTS_MM26_NODUMP_H
#define _TESTS_MM26_NODUMP_H

/*
 * Run test @name ("suite:test") of the program @self (a path below the
 * build tree): it must pass, its log must hold a "kernel BUG at" line
 * after the cut line, and no dump_page() line (6.x "page dumped
 * because:", "refcount:").
 */
void assert_bug_without_dump(const char *self, const char *name);

#endif /* _TESTS_MM26_NODUMP_H */
