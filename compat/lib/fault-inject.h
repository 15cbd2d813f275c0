/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/lib/fault-inject.h - fault injection rules (libkshim-private).
 *
 * Follows lib/fault-inject.c of 6.8: a rule (struct fault_attr there) is
 * parsed from kshim's "key=value,..." spec or a struct kshim_fail_attr,
 * and should_fail_ex()'s checks decide, in its order, whether one
 * candidate fails.  The subsystem's own filters (gfp, order) and its
 * locking stay with it (compat/mm/fail_page_alloc.c).
 */
#ifndef _KSHIM_LIB_FAULT_INJECT_H
#define _KSHIM_LIB_FAULT_INJECT_H

#include <stdbool.h>

#include <kshim/fail.h>

#define SITE_MAX 256

enum site_kind {
	SITE_ANY,
	SITE_FUNC,	/* "function" */
	SITE_FILE,	/* "dir/file.c": any line */
	SITE_FILE_LINE,	/* "dir/file.c:42" */
};

/* A validated rule, self-contained (the site is copied). */
struct fail_rule {
	bool enabled;
	struct kshim_fail_attr attr;	/* .site points nowhere: use below */
	enum site_kind site_kind;
	int site_line;
	char site[SITE_MAX];		/* function or file */
};

/* Where the running rule stands; reset whenever the rule changes. */
struct fail_state {
	unsigned long candidates;	/* allocations that passed the filters */
	long times_left;		/* -1: no limit */
	unsigned long space_left;	/* pages */
	unsigned long interval_count;
	unsigned long long prng;
};

/*
 * Check @attr, or parse @spec ("" or "key=value,..."), into @r; @who names
 * the caller in error messages on stderr (NULL: quiet).
 */
int fault_rule_from_attr(const struct kshim_fail_attr *attr,
			 struct fail_rule *r, const char *who);
int fault_rule_from_spec(const char *spec, struct fail_rule *r,
			 const char *who);
/* @s as @r starts it. */
void fault_state_reset(struct fail_state *s, const struct fail_rule *r);
/*
 * should_fail_ex() for a candidate of @size units made at @file:@line in
 * @func that passed the caller's filters: the site, then nth, after,
 * times, space, interval and probability.  Does not count the failure
 * against times (the caller does, with what it prints).
 */
bool fault_should_fail(const struct fail_rule *r, struct fail_state *s,
		       const char *file, int line, const char *func,
		       unsigned long size);

#endif /* _KSHIM_LIB_FAULT_INJECT_H */
