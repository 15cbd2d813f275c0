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

#include <pthread.h>
#include <stdbool.h>

#include <kshim/fail.h>
#include <kshim/site.h>

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
/*
 * As above for a point that has no page orders (failslab): min-order and
 * ignore-gfp-highmem are refused, space counts bytes.
 */
int fault_rule_from_spec_bytes(const char *spec, struct fail_rule *r,
			       const char *who);
int fault_rule_from_attr_bytes(const struct kshim_fail_attr *attr,
			       struct fail_rule *r, const char *who);
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

/*
 * One injection point (fail_page_alloc, failslab): its setting, the rule
 * every test starts from, the running rule and its counts.  A rule holds
 * only in tests; the setting is every test's starting rule, a rule set in
 * a test ends with it, one set outside tests becomes the starting rule.
 * One lock per point orders its decisions, so a given order of calls
 * always fails the same ones.
 */
struct fault_point {
	const char *name;		/* "fail_page_alloc": verbose line */
	const char *api;		/* "alloc_pages": its func= */
	const char *aliases;		/* other func= names, ' '-separated */
	const int *errors;		/* what the kernel returns, 0-ended;
					 * the first is the default */
	const char *report_cls;		/* the report the kernel prints for
					 * the failure, or NULL (silent) */
	const char *what;		/* what is injected, if not an error
					 * ("SIGKILL"), for the sweep's lines */
	const char *setting;		/* "KSHIM_FAIL_PAGE_ALLOC" */
	const char *const *config;	/* the setting's value in kshim_config */
	bool bytes;			/* space in bytes, no page orders */
	pthread_mutex_t lock;
	/* Under @lock: */
	struct fail_rule base_rule, rule;
	struct fail_state state;
	char seen_test[256];		/* the test @rule and @state are for */
	bool test_hook_ran;		/* the next test name is already reset */
	unsigned long injected;		/* in the running test */
	/* Written under @lock, read without it by the inline check: */
	const char *applied_spec;	/* the setting value @base_rule is from */
	bool armed;			/* @rule or @base_rule may fail */
};

#define FAULT_POINT_INIT(n, a, al, errs, set, cfg, b, ...) {		\
	.name = (n), .api = (a), .aliases = (al), .errors = (errs),	\
	.setting = (set), .config = (cfg), .bytes = (b),		\
	.lock = PTHREAD_MUTEX_INITIALIZER, __VA_ARGS__			\
}

/* The registry (compat/lib/fault-registry.c): every point, in order. */
extern struct fault_point *const fault_points[];
extern const unsigned int nr_fault_points;
/* The point @func names (its api or an alias), or NULL. */
struct fault_point *fault_point_find(const char *func);

/*
 * The failure-path sweep's view of every point (compat/kshim/sweep.c
 * drives it): counting the calls a test makes, or failing the target-th
 * (and, in "rest" mode, every later one).  Set before the test's process
 * forks; the counts live in that process.
 */
enum fault_sweep_mode {
	FAULT_SWEEP_OFF,
	FAULT_SWEEP_COUNT,	/* tell the harness of each call */
	FAULT_SWEEP_FAIL,	/* fail the target-th call */
	FAULT_SWEEP_FAIL_REST,	/* fail it and every later one */
};

/* A report the failure itself prints: no bug (a sweep's injection). */
struct fault_sweep_claim {
	const char *cls;
	const char *file;
	int line;
};
#define FAULT_SWEEP_CLAIMS 64

struct fault_sweep {
	enum fault_sweep_mode mode;
	unsigned long target;		/* 1-based */
	int error;			/* 0: each API's default */
	struct fail_rule filter;	/* its site (if any) limits the calls */
	const struct fault_point *only;	/* NULL: every API */
	unsigned long calls;		/* seen in this process */
	int owner;			/* the sweeping process (not swept) */
	struct fault_sweep_claim claims[FAULT_SWEEP_CLAIMS];
	unsigned int nr_claims;
};
extern struct fault_sweep fault_sweep;
extern bool fault_sweep_on;

/*
 * Calls a fallible API makes inside itself (the pages of a vmalloc(), a
 * slab's new page) are not calls of their own for the sweep: it fails
 * the outer call.  Rules still see them, as the kernel's do.
 */
extern __thread int fault_nest;

static inline void fault_nest_begin(void)
{
	fault_nest++;
}

static inline void fault_nest_end(void)
{
	fault_nest--;
}

/* Cheap: false when no rule can fail and the setting is applied. */
static inline bool fault_point_may_fail(struct fault_point *p)
{
	const char *applied = __atomic_load_n(&p->applied_spec,
					      __ATOMIC_ACQUIRE);

	return __atomic_load_n(&p->armed, __ATOMIC_ACQUIRE) ||
	       applied != *p->config ||
	       __atomic_load_n(&fault_sweep_on, __ATOMIC_RELAXED);
}

/* Parse the setting's value; 0 and *@out a lasting copy, or -EINVAL. */
int fault_point_parse_setting(struct fault_point *p, const char *val,
			      const char **out);
void fault_point_test_begin(struct fault_point *p);
/*
 * The decision for one allocation of @size units (pages or bytes) with
 * @gfp and @order: the kernel's filters (__GFP_NOFAIL never fails,
 * ignore-gfp-wait, and for pages min-order and ignore-gfp-highmem), then
 * should_fail_ex(); prints fail_dump()'s "FAULT_INJECTION" lines when the
 * rule is verbose, unless __GFP_NOWARN.
 */
bool fault_point_should_fail(struct fault_point *p, unsigned int gfp,
			     unsigned int order, unsigned long size,
			     const char *file, int line, const char *func);
/* The same for an API that returns an error: 0, or the error to return. */
int fault_point_check(struct fault_point *p, unsigned int gfp,
		      unsigned int order, unsigned long size,
		      const char *file, int line, const char *func);

/* Is the call at @file:@line in @func where @r's site= points? */
bool fault_site_matches(const struct fail_rule *r, const char *file,
			int line, const char *func);

/* fault_point_check() for the driver's call at @site. */
static inline int fault_check(struct fault_point *p, unsigned int gfp,
			      const struct kshim_site *site)
{
	if (__builtin_expect(!fault_point_may_fail(p), 1))
		return 0;
	return fault_point_check(p, gfp, 0, 1, kshim_site_file(site),
				 kshim_site_line(site), kshim_site_func(site));
}

/*
 * A slab allocation of @size the kernel makes at this point (an XArray
 * node, a module parameter's copy) where kshim uses host memory: true
 * when func=kmalloc's rule or the sweep fails it (compat/mm/failslab.c).
 */
bool kshim_failslab_kmalloc(size_t size, unsigned int gfp,
			    const struct kshim_site *site);

/* The errno @name or number names ("-EBUSY", "EBUSY", "-16"): 0 if none. */
int fault_errno_parse(const char *name);
/* "-EBUSY" for -16 ("-16" for an errno without a name here). */
const char *fault_errno_name(int error, char *buf, size_t len);
/* @spec as @p's rule (errno= among @p's errors); 0 or -EINVAL. */
int fault_point_rule_from_spec(struct fault_point *p, const char *spec,
			       struct fail_rule *r, const char *who);
/* @r (valid) is @p's rule from now on (a test's or, outside, the base). */
void fault_point_set_rule(struct fault_point *p, const struct fail_rule *r);
/* The test's side: 0, or -EINVAL after a message naming the problem. */
int fault_point_set_spec(struct fault_point *p, const char *spec,
			 const char *who);
int fault_point_set_attr(struct fault_point *p,
			 const struct kshim_fail_attr *attr, const char *who);
void fault_point_clear(struct fault_point *p);
unsigned long fault_point_injected(struct fault_point *p);

#endif /* _KSHIM_LIB_FAULT_INJECT_H */
