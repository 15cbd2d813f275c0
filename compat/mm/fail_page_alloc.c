// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/fail_page_alloc.c - page allocation fault injection.
 *
 * Follows mm/fail_page_alloc.c and lib/fault-inject.c of 6.8: the filters
 * of should_fail_alloc_page() (min-order, __GFP_NOFAIL never fails,
 * ignore-gfp-highmem, ignore-gfp-wait on __GFP_DIRECT_RECLAIM), then the
 * checks of should_fail_ex() in its order (times, space, interval,
 * probability), then fail_dump()'s "FAULT_INJECTION: forcing a failure."
 * when verbose, skipped for __GFP_NOWARN (FAULT_NOWARN).  Where kshim
 * differs: the defaults fail every allocation (the kernel spares order 0,
 * reclaiming and highmem allocations and fails once); probability is a
 * fraction drawn from a seeded PRNG, so runs repeat; space lets exactly
 * its budget through, as the documentation describes; nth, after and site
 * are kshim's deterministic selectors (nth is the kernel's per-task
 * fail-nth); no rate limit on the verbose line.
 *
 * A rule holds only in tests.  KSHIM_FAIL_PAGE_ALLOC is the rule every
 * test starts with; a rule a test sets ends with the test, and every
 * counter starts again at each test.  One lock orders the decisions, so
 * a given order of allocations always fails the same ones.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <kshim/fail.h>
#include <kshim/test.h>

#include "kshim/internal.h"
#include "mm/internal.h"

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

/* The setting's values: kept (reachable) for as long as a boot uses them. */
struct spec_copy {
	struct spec_copy *next;
	char spec[];
};

static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;
/* Under fail_lock: */
static struct fail_rule base_rule;	/* every test's starting rule */
static struct fail_rule rule;		/* the running rule */
static struct fail_state state;
static struct spec_copy *spec_copies;
static char seen_test[256];		/* the test @rule and @state are for */
static bool test_hook_ran;		/* the next test name is already reset */
static unsigned long injected;		/* in the running test */
/* Read without the lock (fast path), written under it: */
/*
 * Read by the allocator's inline check (mm/internal.h) without the lock:
 * the setting value @base_rule came from, and whether @rule or
 * @base_rule may fail.
 */
const char *kshim_fail_applied_spec;
bool kshim_fail_armed;

static const char *const known_keys =
	"nth, after, site, probability, seed, interval, times, space, min-order, ignore-gfp-wait, ignore-gfp-highmem, verbose";

/* ---- parsing and validation ---- */

static void fail_msg(const char *who, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));

static void fail_msg(const char *who, const char *fmt, ...)
{
	va_list args;

	if (!who)
		return;
	fprintf(stderr, "kshim: %s: ", who);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
}

static int parse_ulong(const char *val, unsigned long *res)
{
	unsigned long v;
	char *end;

	if (*val < '0' || *val > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(val, &end, 10);
	if (errno || *end)
		return -EINVAL;
	*res = v;
	return 0;
}

/* "0.25", "1e-3" or "25%": a fraction from 0 to 1. */
static int parse_probability(const char *val, double *res)
{
	size_t len = strlen(val);
	char num[64], *end;
	bool percent = false;
	double p;

	if (!len || len >= sizeof(num) || *val == '-' || *val == '+')
		return -EINVAL;
	memcpy(num, val, len + 1);
	if (num[len - 1] == '%') {
		num[--len] = '\0';
		percent = true;
	}
	if (!len)
		return -EINVAL;
	errno = 0;
	p = strtod(num, &end);
	if (errno || *end || isnan(p))
		return -EINVAL;
	if (percent)
		p /= 100;
	if (p < 0 || p > 1)
		return -EINVAL;
	*res = p;
	return 0;
}

/* True when @file is @pat or ends with "/" @pat. */
static bool path_matches(const char *file, const char *pat)
{
	size_t fl = strlen(file), pl = strlen(pat);

	if (pl > fl || strcmp(file + fl - pl, pat))
		return false;
	return fl == pl || pat[0] == '/' || file[fl - pl - 1] == '/';
}

/* Check @attr and build @r from it; @who names the caller in messages
 * (NULL: quiet). */
static int compile_attr(const struct kshim_fail_attr *attr,
			struct fail_rule *r, const char *who)
{
	memset(r, 0, sizeof(*r));
	if (isnan(attr->probability) || attr->probability < 0 ||
	    attr->probability > 1) {
		fail_msg(who, "probability=%g is not a fraction from 0 to 1 (or a percentage like 10%%)",
			 attr->probability);
		return -EINVAL;
	}
	if (attr->probability == 0) {
		fail_msg(who, "probability=0 never fails an allocation (start from KSHIM_FAIL_ATTR_INIT, or clear the rule)");
		return -EINVAL;
	}
	if (attr->times == 0 || attr->times < -1) {
		fail_msg(who, "times=%ld: give the most failures to inject (1 or more), or -1 for no limit",
			 attr->times);
		return -EINVAL;
	}
	if (attr->min_order > MAX_PAGE_ORDER) {
		fail_msg(who, "min-order=%u: no allocation has an order above %d",
			 attr->min_order, MAX_PAGE_ORDER);
		return -EINVAL;
	}
	if (attr->verbose > 2) {
		fail_msg(who, "verbose=%u: 0 (silent), 1 (a line) or 2 (a line and a stack)",
			 attr->verbose);
		return -EINVAL;
	}
	if (attr->site) {
		const char *colon = strrchr(attr->site, ':');
		size_t len = colon ? (size_t)(colon - attr->site) :
				     strlen(attr->site);
		unsigned long line = 0;

		if (!len || len >= SITE_MAX ||
		    (colon && (parse_ulong(colon + 1, &line) || !line ||
			       line > 0x7fffffff))) {
			fail_msg(who, "site='%s' is not file:line, a file (with its '.') or a function",
				 attr->site);
			return -EINVAL;
		}
		memcpy(r->site, attr->site, len);
		r->site[len] = '\0';
		r->site_line = line;
		if (colon)
			r->site_kind = SITE_FILE_LINE;
		else if (strpbrk(r->site, "./"))
			r->site_kind = SITE_FILE;
		else
			r->site_kind = SITE_FUNC;
	}
	r->attr = *attr;
	r->attr.site = NULL;
	if (r->attr.interval == 0)
		r->attr.interval = 1;
	r->enabled = true;
	return 0;
}

enum fail_key {
	KEY_NTH, KEY_AFTER, KEY_SITE, KEY_PROBABILITY, KEY_SEED,
	KEY_INTERVAL, KEY_TIMES, KEY_SPACE, KEY_MIN_ORDER,
	KEY_IGNORE_GFP_WAIT, KEY_IGNORE_GFP_HIGHMEM, KEY_VERBOSE,
	NR_KEYS
};

static const struct {
	const char *name;	/* the kernel's debugfs file name */
	const char *expect;	/* what a value must be, for messages */
} keys[NR_KEYS] = {
	[KEY_NTH] = { "nth", "a count from 1" },
	[KEY_AFTER] = { "after", "a count" },
	[KEY_SITE] = { "site", "file:line, file or function" },
	[KEY_PROBABILITY] = { "probability",
			      "a fraction from 0 to 1, or a percentage like 10%" },
	[KEY_SEED] = { "seed", "a number" },
	[KEY_INTERVAL] = { "interval", "a count from 1" },
	[KEY_TIMES] = { "times", "a count from 1, or -1" },
	[KEY_SPACE] = { "space", "a number of pages" },
	[KEY_MIN_ORDER] = { "min-order", "an order from 0 to 10" },
	[KEY_IGNORE_GFP_WAIT] = { "ignore-gfp-wait", "a boolean" },
	[KEY_IGNORE_GFP_HIGHMEM] = { "ignore-gfp-highmem", "a boolean" },
	[KEY_VERBOSE] = { "verbose", "0, 1 or 2" },
};

static int find_key(char *name)
{
	char *p;
	int k;

	for (p = name; *p; p++)
		if (*p == '_')
			*p = '-';
	/* The variable behind ignore-gfp-wait, as 6.x names it. */
	if (!strcmp(name, "ignore-gfp-reclaim"))
		return KEY_IGNORE_GFP_WAIT;
	for (k = 0; k < NR_KEYS; k++)
		if (!strcmp(name, keys[k].name))
			return k;
	return -1;
}

static int parse_value(enum fail_key k, const char *val,
		       struct kshim_fail_attr *attr)
{
	unsigned long ul = 0;
	bool b = false;
	char *end;

	switch (k) {
	case KEY_NTH:
		return parse_ulong(val, &attr->nth) || !attr->nth;
	case KEY_AFTER:
		return parse_ulong(val, &attr->after);
	case KEY_SITE:
		attr->site = val;	/* checked by compile_attr() */
		return 0;
	case KEY_PROBABILITY:
		return parse_probability(val, &attr->probability);
	case KEY_SEED:
		if (*val < '0' || *val > '9')
			return -EINVAL;
		errno = 0;
		attr->seed = strtoull(val, &end, 0);
		return errno || *end;
	case KEY_INTERVAL:
		return parse_ulong(val, &attr->interval) || !attr->interval;
	case KEY_TIMES:
		if (!strcmp(val, "-1")) {
			attr->times = -1;
			return 0;
		}
		if (parse_ulong(val, &ul) || ul > 0x7fffffff)
			return -EINVAL;
		attr->times = ul;
		return 0;
	case KEY_SPACE:
		return parse_ulong(val, &attr->space);
	case KEY_MIN_ORDER:
		if (parse_ulong(val, &ul) || ul > MAX_PAGE_ORDER)
			return -EINVAL;
		attr->min_order = ul;
		return 0;
	case KEY_IGNORE_GFP_WAIT:
	case KEY_IGNORE_GFP_HIGHMEM:
		if (kshim_parse_bool(val, &b))
			return -EINVAL;
		if (k == KEY_IGNORE_GFP_WAIT)
			attr->ignore_gfp_reclaim = b;
		else
			attr->ignore_gfp_highmem = b;
		return 0;
	case KEY_VERBOSE:
		if (parse_ulong(val, &ul) || ul > 2)
			return -EINVAL;
		attr->verbose = ul;
		return 0;
	case NR_KEYS:
		break;
	}
	return -EINVAL;
}

/* One "key=value" of a spec into @attr; @seen guards against repeats. */
static int parse_item(char *item, struct kshim_fail_attr *attr,
		      unsigned int *seen, const char *who)
{
	char *val = strchr(item, '=');
	int k;

	if (!val) {
		fail_msg(who, "'%s' is not key=value (keys: %s)", item,
			 known_keys);
		return -EINVAL;
	}
	*val++ = '\0';
	k = find_key(item);
	if (k < 0) {
		fail_msg(who, "unknown key '%s' (keys: %s)", item, known_keys);
		return -EINVAL;
	}
	if (*seen & (1U << k)) {
		fail_msg(who, "%s given twice", keys[k].name);
		return -EINVAL;
	}
	*seen |= 1U << k;
	if (parse_value(k, val, attr)) {
		fail_msg(who, "bad value %s='%s': expected %s", keys[k].name,
			 val, keys[k].expect);
		return -EINVAL;
	}
	return 0;
}

/* Compile a spec ("" or "key=value,...") into @r. */
static int compile_spec(const char *spec, struct fail_rule *r,
			const char *who)
{
	struct kshim_fail_attr attr = KSHIM_FAIL_ATTR_INIT;
	unsigned int seen = 0;
	char *copy, *item, *next;
	int err = 0;

	memset(r, 0, sizeof(*r));
	if (!spec || !*spec)
		return 0;
	copy = strdup(spec);
	if (!copy)
		abort();
	for (item = copy; item && !err; item = next) {
		next = strchr(item, ',');
		if (next)
			*next++ = '\0';
		if (!*item) {
			fail_msg(who, "empty item in '%s'", spec);
			err = -EINVAL;
			break;
		}
		err = parse_item(item, &attr, &seen, who);
	}
	if (!err)
		err = compile_attr(&attr, r, who);
	free(copy);
	return err;
}

/* ---- the running rule (fail_lock held) ---- */

static void reset_state(void)
{
	memset(&state, 0, sizeof(state));
	state.times_left = rule.attr.times;
	state.space_left = rule.attr.space;
	state.prng = rule.attr.seed;
}

/* Written only when it changes: threads that merely allocate race on
 * nothing, even for checkers blind to atomics (helgrind). */
static void update_armed(void)
{
	bool now = rule.enabled || base_rule.enabled;

	if (__atomic_load_n(&kshim_fail_armed, __ATOMIC_RELAXED) != now)
		__atomic_store_n(&kshim_fail_armed, now, __ATOMIC_RELEASE);
}

/*
 * Catch up with what happened since the last look: a boot with another
 * KSHIM_FAIL_PAGE_ALLOC value, or (without the per-test hook) a new test.
 */
static void sync_locked(void)
{
	const char *spec = kshim_config.fail_page_alloc;
	const char *name = kshim_current_test();

	if (spec != __atomic_load_n(&kshim_fail_applied_spec,
				    __ATOMIC_RELAXED)) {
		/* Validated by kshim_parse_fail_page_alloc(): cannot fail. */
		if (compile_spec(spec, &base_rule, NULL))
			memset(&base_rule, 0, sizeof(base_rule));
		__atomic_store_n(&kshim_fail_applied_spec, spec,
				 __ATOMIC_RELEASE);
		rule = base_rule;
		reset_state();
	}
	if (name && strncmp(name, seen_test, sizeof(seen_test) - 1)) {
		if (!test_hook_ran) {
			rule = base_rule;
			reset_state();
			injected = 0;
		}
		snprintf(seen_test, sizeof(seen_test), "%s", name);
		test_hook_ran = false;
	}
	update_armed();
}

static void set_rule(const struct fail_rule *r)
{
	pthread_mutex_lock(&fail_lock);
	sync_locked();
	rule = *r;
	/* Outside a test: what every later test starts with. */
	if (!kshim_in_test())
		base_rule = *r;
	reset_state();
	update_armed();
	pthread_mutex_unlock(&fail_lock);
}

/* splitmix64: small, fast, and the same everywhere. */
static double next_random(void)
{
	unsigned long long z = (state.prng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (z >> 11) * 0x1.0p-53;
}

static bool site_matches(const char *file, int line, const char *func)
{
	switch (rule.site_kind) {
	case SITE_ANY:
		return true;
	case SITE_FUNC:
		return func && !strcmp(func, rule.site);
	case SITE_FILE:
		return file && path_matches(file, rule.site);
	case SITE_FILE_LINE:
		return file && line == rule.site_line &&
		       path_matches(file, rule.site);
	}
	return false;
}

/* should_fail_alloc_page() + should_fail_ex(), minus the dump. */
static bool decide_locked(gfp_t gfp, unsigned int order, const char *file,
			  int line, const char *func)
{
	const struct kshim_fail_attr *a = &rule.attr;
	unsigned long pages = 1UL << order, idx;

	if (!rule.enabled)
		return false;
	/* The filters: what is not a candidate is not counted either. */
	if (order < a->min_order)
		return false;
	if (gfp & __GFP_NOFAIL)
		return false;
	if (a->ignore_gfp_highmem && (gfp & __GFP_HIGHMEM))
		return false;
	if (a->ignore_gfp_reclaim && (gfp & __GFP_DIRECT_RECLAIM))
		return false;
	if (!site_matches(file, line, func))
		return false;

	idx = ++state.candidates;
	if (a->nth && idx != a->nth)
		return false;
	if (idx <= a->after)
		return false;
	if (state.times_left == 0)
		return false;
	if (state.space_left >= pages) {
		state.space_left -= pages;
		return false;
	}
	if (a->interval > 1 && ++state.interval_count % a->interval)
		return false;
	if (a->probability < 1 && next_random() >= a->probability)
		return false;
	return true;
}

/* ---- libkshim's side ---- */

int kshim_parse_fail_page_alloc(const char *val, struct kshim_config *c)
{
	struct fail_rule r;
	struct spec_copy *copy;
	size_t len = strlen(val);

	if (compile_spec(val, &r, "KSHIM_FAIL_PAGE_ALLOC"))
		return -EINVAL;
	/*
	 * A fresh copy per boot: the caller's string may not outlive
	 * kshim_boot(), and a new pointer tells the allocator to start the
	 * rule again even when the text is the same.
	 */
	copy = malloc(sizeof(*copy) + len + 1);
	if (!copy)
		abort();
	memcpy(copy->spec, val, len + 1);
	pthread_mutex_lock(&fail_lock);
	copy->next = spec_copies;
	spec_copies = copy;
	pthread_mutex_unlock(&fail_lock);
	c->fail_page_alloc = copy->spec;
	return 0;
}

void kshim_fail_page_alloc_test_begin(void)
{
	pthread_mutex_lock(&fail_lock);
	sync_locked();
	rule = base_rule;
	reset_state();
	injected = 0;
	seen_test[0] = '\0';
	test_hook_ran = true;
	update_armed();
	pthread_mutex_unlock(&fail_lock);
}

bool __kshim_fail_page_alloc(gfp_t gfp, unsigned int order, const char *file,
			     int line, const char *func)
{
	struct kshim_fail_attr shown = { 0 };
	long times_shown = 0;
	bool fail;

	/* (The inline caller has seen a rule, or a setting not applied yet.) */
	if (!kshim_in_test()) {
		/*
		 * Nothing fails outside tests; take the setting in anyway, so
		 * that without a rule the inline check settles it next time.
		 */
		if (__atomic_load_n(&kshim_fail_applied_spec,
				    __ATOMIC_ACQUIRE) !=
		    kshim_config.fail_page_alloc) {
			pthread_mutex_lock(&fail_lock);
			sync_locked();
			pthread_mutex_unlock(&fail_lock);
		}
		return false;
	}

	pthread_mutex_lock(&fail_lock);
	sync_locked();
	fail = decide_locked(gfp, order, file, line, func);
	if (fail) {
		shown = rule.attr;
		shown.space = state.space_left;
		times_shown = state.times_left;
		if (state.times_left > 0)
			state.times_left--;
		injected++;
	}
	pthread_mutex_unlock(&fail_lock);

	/* fail_dump(), outside the lock: printing may take its time. */
	if (fail && shown.verbose && !(gfp & __GFP_NOWARN)) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n");
		pr_notice("name fail_page_alloc, interval %lu, probability %g, space %lu, times %ld\n",
			  shown.interval, shown.probability * 100, shown.space,
			  times_shown);
		if (shown.verbose > 1)
			dump_stack();
	}
	return fail;
}

/* ---- the test's side ---- */

int kshim_fail_page_alloc_set(const char *spec)
{
	struct fail_rule r;

	kshim_ensure_booted();
	if (!spec || compile_spec(spec, &r, "kshim_fail_page_alloc_set()"))
		return -EINVAL;
	set_rule(&r);
	return 0;
}

int kshim_fail_page_alloc_set_attr(const struct kshim_fail_attr *attr)
{
	struct fail_rule r;

	kshim_ensure_booted();
	if (!attr ||
	    compile_attr(attr, &r, "kshim_fail_page_alloc_set_attr()"))
		return -EINVAL;
	set_rule(&r);
	return 0;
}

void kshim_fail_page_alloc_clear(void)
{
	struct fail_rule none = { .enabled = false };

	kshim_ensure_booted();
	set_rule(&none);
}

unsigned long kshim_fail_page_alloc_injected(void)
{
	unsigned long n;

	if (!kshim_in_test())
		return 0;
	pthread_mutex_lock(&fail_lock);
	sync_locked();
	n = injected;
	pthread_mutex_unlock(&fail_lock);
	return n;
}
