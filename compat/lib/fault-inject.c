// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/fault-inject.c - fault injection rules: see fault-inject.h.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/gfp_types.h>
#include <linux/mmzone.h>	/* MAX_PAGE_ORDER: min-order's range */
#include <linux/printk.h>
#include <kshim/test.h>

#include "kshim/internal.h"	/* kshim_parse_bool() */
#include "lib/fault-inject.h"

static const char *const known_keys =
	"nth, after, site, probability, seed, interval, times, space, min-order, ignore-gfp-wait, ignore-gfp-highmem, verbose, errno";
/* failslab's (mm/failslab.c): no page orders, space in bytes. */
static const char *const known_keys_bytes =
	"nth, after, site, probability, seed, interval, times, space, ignore-gfp-wait, verbose, errno";

/* ---- errors by name ---- */

#define EPROBE_DEFER_VALUE 517	/* kernel-internal: no host name */

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EINTR", EINTR },
	{ "EIO", EIO }, { "ENXIO", ENXIO }, { "E2BIG", E2BIG },
	{ "EAGAIN", EAGAIN }, { "ENOMEM", ENOMEM }, { "EACCES", EACCES },
	{ "EFAULT", EFAULT }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "ENODEV", ENODEV }, { "EINVAL", EINVAL }, { "ENFILE", ENFILE },
	{ "EMFILE", EMFILE }, { "ENOTTY", ENOTTY }, { "ENOSPC", ENOSPC },
	{ "ERANGE", ERANGE }, { "ENOSYS", ENOSYS }, { "EOVERFLOW", EOVERFLOW },
	{ "ETIMEDOUT", ETIMEDOUT }, { "EOPNOTSUPP", EOPNOTSUPP },
	{ "EPROBE_DEFER", EPROBE_DEFER_VALUE },
};

int fault_errno_parse(const char *name)
{
	unsigned long v;
	unsigned int i;
	char *end;

	if (*name == '-')
		name++;
	if (*name >= '1' && *name <= '9') {
		errno = 0;
		v = strtoul(name, &end, 10);
		return errno || *end || v > 4095 ? 0 : -(int)v;
	}
	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (!strcmp(name, errnos[i].name))
			return -errnos[i].value;
	return 0;
}

const char *fault_errno_name(int error, char *buf, size_t len)
{
	unsigned int i;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (-error == errnos[i].value) {
			snprintf(buf, len, "-%s", errnos[i].name);
			return buf;
		}
	snprintf(buf, len, "%d", error);
	return buf;
}

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

int fault_rule_from_attr(const struct kshim_fail_attr *attr,
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
	/* Rules that can never fail a call are mistakes, as probability=0. */
	if (attr->nth && attr->after >= attr->nth) {
		fail_msg(who, "nth=%lu with after=%lu never fails: after= lets the first %lu calls through",
			 attr->nth, attr->after, attr->after);
		return -EINVAL;
	}
	if (attr->nth && attr->interval > 1) {
		fail_msg(who, "nth=%lu with interval=%lu never fails: the nth call is the first interval= counts",
			 attr->nth, attr->interval);
		return -EINVAL;
	}
	if (attr->nth && attr->space) {
		fail_msg(who, "nth=%lu with space=%lu: space= spends its budget on the nth call alone; give one of them",
			 attr->nth, attr->space);
		return -EINVAL;
	}
	if (attr->error > 0 || attr->error < -4095) {
		fail_msg(who, "errno=%d is not a negative error number",
			 attr->error);
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
	KEY_IGNORE_GFP_WAIT, KEY_IGNORE_GFP_HIGHMEM, KEY_VERBOSE, KEY_ERRNO,
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
	[KEY_ERRNO] = { "errno", "an error such as -ENOMEM, ENOMEM or -12" },
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
		attr->site = val;	/* checked by fault_rule_from_attr() */
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
	case KEY_ERRNO:
		attr->error = fault_errno_parse(val);
		return !attr->error;
	case NR_KEYS:
		break;
	}
	return -EINVAL;
}

/* One "key=value" of a spec into @attr; @seen guards against repeats. */
static int parse_item(char *item, struct kshim_fail_attr *attr,
		      unsigned int *seen, const char *who, bool bytes)
{
	const char *known = bytes ? known_keys_bytes : known_keys;
	char *val = strchr(item, '=');
	int k;

	if (!val) {
		fail_msg(who, "'%s' is not key=value (keys: %s)", item, known);
		return -EINVAL;
	}
	*val++ = '\0';
	k = find_key(item);
	if (k < 0 || (bytes && (k == KEY_MIN_ORDER ||
				k == KEY_IGNORE_GFP_HIGHMEM))) {
		fail_msg(who, "unknown key '%s' (keys: %s)", item, known);
		return -EINVAL;
	}
	if (*seen & (1U << k)) {
		fail_msg(who, "%s given twice", keys[k].name);
		return -EINVAL;
	}
	*seen |= 1U << k;
	if (parse_value(k, val, attr)) {
		fail_msg(who, "bad value %s='%s': expected %s", keys[k].name,
			 val, bytes && k == KEY_SPACE ? "a number of bytes" :
							keys[k].expect);
		return -EINVAL;
	}
	return 0;
}

static int rule_from_spec(const char *spec, struct fail_rule *r,
			  const char *who, bool bytes)
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
		err = parse_item(item, &attr, &seen, who, bytes);
	}
	if (!err)
		err = fault_rule_from_attr(&attr, r, who);
	free(copy);
	return err;
}

int fault_rule_from_spec(const char *spec, struct fail_rule *r,
			 const char *who)
{
	return rule_from_spec(spec, r, who, false);
}

int fault_rule_from_spec_bytes(const char *spec, struct fail_rule *r,
			       const char *who)
{
	return rule_from_spec(spec, r, who, true);
}

int fault_rule_from_attr_bytes(const struct kshim_fail_attr *attr,
			       struct fail_rule *r, const char *who)
{
	if (attr && (attr->min_order || attr->ignore_gfp_highmem)) {
		fail_msg(who, "min_order and ignore_gfp_highmem are page allocation filters: a slab allocation has neither");
		memset(r, 0, sizeof(*r));
		return -EINVAL;
	}
	return fault_rule_from_attr(attr, r, who);
}

void fault_state_reset(struct fail_state *s, const struct fail_rule *r)
{
	memset(s, 0, sizeof(*s));
	s->times_left = r->attr.times;
	s->space_left = r->attr.space;
	s->prng = r->attr.seed;
}

/* splitmix64: small, fast, and the same everywhere. */
static double next_random(struct fail_state *s)
{
	unsigned long long z = (s->prng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (z >> 11) * 0x1.0p-53;
}

bool fault_site_matches(const struct fail_rule *r, const char *file,
			int line, const char *func)
{
	switch (r->site_kind) {
	case SITE_ANY:
		return true;
	case SITE_FUNC:
		return func && !strcmp(func, r->site);
	case SITE_FILE:
		return file && path_matches(file, r->site);
	case SITE_FILE_LINE:
		return file && line == r->site_line &&
		       path_matches(file, r->site);
	}
	return false;
}

bool fault_should_fail(const struct fail_rule *r, struct fail_state *s,
		       const char *file, int line, const char *func,
		       unsigned long size)
{
	const struct kshim_fail_attr *a = &r->attr;
	unsigned long idx;

	if (!fault_site_matches(r, file, line, func))
		return false;
	idx = ++s->candidates;
	if (a->nth && idx != a->nth)
		return false;
	if (idx <= a->after)
		return false;
	if (s->times_left == 0)
		return false;
	if (s->space_left >= size) {
		s->space_left -= size;
		return false;
	}
	if (a->interval > 1 && ++s->interval_count % a->interval)
		return false;
	if (a->probability < 1 && next_random(s) >= a->probability)
		return false;
	return true;
}

/* ---- injection points ---- */

static void point_reset_state(struct fault_point *p)
{
	fault_state_reset(&p->state, &p->rule);
}

/* Written only when it changes: threads that merely allocate race on
 * nothing, even for checkers blind to atomics (helgrind). */
static void point_update_armed(struct fault_point *p)
{
	bool now = p->rule.enabled || p->base_rule.enabled;

	if (__atomic_load_n(&p->armed, __ATOMIC_RELAXED) != now)
		__atomic_store_n(&p->armed, now, __ATOMIC_RELEASE);
}

/* The errors the kernel returns at @p, for messages: "-ENOMEM, -EBUSY". */
static void point_errors(const struct fault_point *p, char *buf, size_t len)
{
	size_t used = 0;
	const int *e;
	char name[32];

	buf[0] = '\0';
	for (e = p->errors; *e && used < len; e++)
		used += snprintf(buf + used, len - used, "%s%s",
				 e == p->errors ? "" : ", ",
				 fault_errno_name(*e, name, sizeof(name)));
}

/* errno= must be one the kernel returns there. */
static int point_check_error(const struct fault_point *p,
			     const struct fail_rule *r, const char *who)
{
	char list[256], name[32];
	const int *e;

	if (!r->enabled || !r->attr.error)
		return 0;
	for (e = p->errors; *e; e++)
		if (*e == r->attr.error)
			return 0;
	point_errors(p, list, sizeof(list));
	fail_msg(who, "errno=%s: %s can fail with %s only",
		 fault_errno_name(r->attr.error, name, sizeof(name)), p->api,
		 list);
	return -EINVAL;
}

int fault_point_rule_from_spec(struct fault_point *p, const char *spec,
			       struct fail_rule *r, const char *who)
{
	int err = p->bytes ? fault_rule_from_spec_bytes(spec, r, who) :
			     fault_rule_from_spec(spec, r, who);

	return err ? err : point_check_error(p, r, who);
}

/*
 * Catch up with what happened since the last look: a boot with another
 * setting value, or (without the per-test hook) a new test.
 */
static void point_sync_locked(struct fault_point *p)
{
	const char *spec = *p->config;
	const char *name = kshim_current_test();

	if (spec != __atomic_load_n(&p->applied_spec, __ATOMIC_RELAXED)) {
		/* Validated when the setting was parsed: cannot fail. */
		if (fault_point_rule_from_spec(p, spec, &p->base_rule, NULL))
			memset(&p->base_rule, 0, sizeof(p->base_rule));
		__atomic_store_n(&p->applied_spec, spec, __ATOMIC_RELEASE);
		p->rule = p->base_rule;
		point_reset_state(p);
	}
	if (name && strncmp(name, p->seen_test, sizeof(p->seen_test) - 1)) {
		if (!p->test_hook_ran) {
			p->rule = p->base_rule;
			point_reset_state(p);
			p->injected = 0;
		}
		snprintf(p->seen_test, sizeof(p->seen_test), "%s", name);
		p->test_hook_ran = false;
	}
	point_update_armed(p);
}

void fault_point_set_rule(struct fault_point *p, const struct fail_rule *r)
{
	pthread_mutex_lock(&p->lock);
	point_sync_locked(p);
	p->rule = *r;
	/* Outside a test: what every later test starts with. */
	if (!kshim_in_test())
		p->base_rule = *r;
	point_reset_state(p);
	point_update_armed(p);
	pthread_mutex_unlock(&p->lock);
}

/* The setting values: kept (reachable) for as long as a boot uses them. */
struct spec_copy {
	struct spec_copy *next;
	char spec[];
};
static struct spec_copy *spec_copies;
static pthread_mutex_t spec_copies_lock = PTHREAD_MUTEX_INITIALIZER;

int fault_point_parse_setting(struct fault_point *p, const char *val,
			      const char **out)
{
	struct fail_rule r;
	struct spec_copy *copy;
	size_t len = strlen(val);

	if (fault_point_rule_from_spec(p, val, &r,
				       p->setting ? p->setting : "KSHIM_FAIL"))
		return -EINVAL;
	/*
	 * A fresh copy per boot: the caller's string may not outlive
	 * kshim_boot(), and a new pointer tells the point to start the rule
	 * again even when the text is the same.
	 */
	copy = malloc(sizeof(*copy) + len + 1);
	if (!copy)
		abort();
	memcpy(copy->spec, val, len + 1);
	pthread_mutex_lock(&spec_copies_lock);
	copy->next = spec_copies;
	spec_copies = copy;
	pthread_mutex_unlock(&spec_copies_lock);
	*out = copy->spec;
	return 0;
}

void fault_point_test_begin(struct fault_point *p)
{
	pthread_mutex_lock(&p->lock);
	point_sync_locked(p);
	p->rule = p->base_rule;
	point_reset_state(p);
	p->injected = 0;
	p->seen_test[0] = '\0';
	p->test_hook_ran = true;
	point_update_armed(p);
	pthread_mutex_unlock(&p->lock);
}

/* should_fail_alloc_page() / should_failslab(), then should_fail_ex(). */
static bool point_decide_locked(struct fault_point *p, unsigned int gfp,
				unsigned int order, unsigned long size,
				const char *file, int line, const char *func)
{
	const struct kshim_fail_attr *a = &p->rule.attr;

	if (!p->rule.enabled)
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
	return fault_should_fail(&p->rule, &p->state, file, line, func, size);
}

/* ---- the failure-path sweep's side ---- */

struct fault_sweep fault_sweep;
bool fault_sweep_on;
__thread int fault_nest;

/* @p's error for the sweep: the one asked for if @p returns it. */
static int sweep_error(const struct fault_point *p)
{
	const int *e;

	for (e = p->errors; fault_sweep.error && *e; e++)
		if (*e == fault_sweep.error)
			return *e;
	return p->errors[0];
}

/*
 * A call the sweep sees: counted (and told to the harness), failed when
 * it is the target.  Calls inside a fallible API, __GFP_NOFAIL ones and
 * those the sweep's filter leaves out are not the sweep's.
 */
static int sweep_call(struct fault_point *p, unsigned int gfp,
		      const char *file, int line, const char *func)
{
	unsigned long n;
	char text[1024];
	int err = 0;

	if (fault_nest || (gfp & __GFP_NOFAIL) || getpid() == fault_sweep.owner)
		return 0;
	if (fault_sweep.only && fault_sweep.only != p)
		return 0;
	if (fault_sweep.filter.enabled &&
	    !fault_site_matches(&fault_sweep.filter, file, line, func))
		return 0;
	n = __atomic_add_fetch(&fault_sweep.calls, 1, __ATOMIC_RELAXED);
	if (fault_sweep.mode == FAULT_SWEEP_FAIL ? n == fault_sweep.target :
	    fault_sweep.mode == FAULT_SWEEP_FAIL_REST &&
	    n >= fault_sweep.target)
		err = sweep_error(p);
	if (fault_sweep.mode == FAULT_SWEEP_COUNT || err) {
		snprintf(text, sizeof(text), "%s\t%lu\t%s\t%s\t%d\t%s\t%d",
			 err ? "inject" : "call", n, p->api,
			 file ? file : "?", line, func ? func : "?", err);
		kshim_test_note("sweep", text);
	}
	if (err) {
		pthread_mutex_lock(&p->lock);
		p->injected++;
		if (p->report_cls && file &&
		    fault_sweep.nr_claims < FAULT_SWEEP_CLAIMS) {
			struct fault_sweep_claim *c =
				&fault_sweep.claims[fault_sweep.nr_claims++];

			c->cls = p->report_cls;
			c->file = file;
			c->line = line;
		}
		pthread_mutex_unlock(&p->lock);
	}
	return err;
}

bool kshim_sweep_claim(const struct kshim_report *r)
{
	unsigned int i;

	if (!__atomic_load_n(&fault_sweep_on, __ATOMIC_RELAXED) ||
	    fault_sweep.mode < FAULT_SWEEP_FAIL || !r->file)
		return false;
	for (i = 0; i < fault_sweep.nr_claims; i++) {
		const struct fault_sweep_claim *c = &fault_sweep.claims[i];

		if (!strcmp(c->cls, r->cls) && c->line == r->line &&
		    !strcmp(c->file, r->file))
			return true;
	}
	return false;
}

int fault_point_check(struct fault_point *p, unsigned int gfp,
		      unsigned int order, unsigned long size,
		      const char *file, int line, const char *func)
{
	struct kshim_fail_attr shown = { 0 };
	long times_shown = 0;
	bool fail;
	int err;

	/* (The inline caller has seen a rule, or a setting not applied yet.) */
	if (!kshim_in_test()) {
		/*
		 * Nothing fails outside tests; take the setting in anyway, so
		 * that without a rule the inline check settles it next time.
		 */
		if (__atomic_load_n(&p->applied_spec, __ATOMIC_ACQUIRE) !=
		    *p->config) {
			pthread_mutex_lock(&p->lock);
			point_sync_locked(p);
			pthread_mutex_unlock(&p->lock);
		}
		return 0;
	}
	if (__atomic_load_n(&fault_sweep_on, __ATOMIC_RELAXED)) {
		err = sweep_call(p, gfp, file, line, func);
		if (err)
			return err;
	}

	pthread_mutex_lock(&p->lock);
	point_sync_locked(p);
	fail = point_decide_locked(p, gfp, order, size, file, line, func);
	err = fail ? (p->rule.attr.error ? p->rule.attr.error :
					   p->errors[0]) : 0;
	if (fail) {
		shown = p->rule.attr;
		shown.space = p->state.space_left;
		times_shown = p->state.times_left;
		if (p->state.times_left > 0)
			p->state.times_left--;
		p->injected++;
	}
	pthread_mutex_unlock(&p->lock);

	/* fail_dump(), outside the lock: printing may take its time. */
	if (fail && shown.verbose && !(gfp & __GFP_NOWARN)) {
		char prob[32];

		/* the kernel's printk has no floating point: glibc's %g */
		snprintf(prob, sizeof(prob), "%g", shown.probability * 100);
		pr_notice("FAULT_INJECTION: forcing a failure.\n");
		pr_notice("name %s, interval %lu, probability %s, space %lu, times %ld\n",
			  p->name, shown.interval, prob, shown.space,
			  times_shown);
		if (shown.verbose > 1)
			dump_stack();
	}
	return err;
}

bool fault_point_should_fail(struct fault_point *p, unsigned int gfp,
			     unsigned int order, unsigned long size,
			     const char *file, int line, const char *func)
{
	return fault_point_check(p, gfp, order, size, file, line, func);
}

int fault_point_set_spec(struct fault_point *p, const char *spec,
			 const char *who)
{
	struct fail_rule r;

	kshim_ensure_booted();
	if (!spec || fault_point_rule_from_spec(p, spec, &r, who))
		return -EINVAL;
	fault_point_set_rule(p, &r);
	return 0;
}

int fault_point_set_attr(struct fault_point *p,
			 const struct kshim_fail_attr *attr, const char *who)
{
	struct fail_rule r;
	int err;

	kshim_ensure_booted();
	if (!attr)
		return -EINVAL;
	err = p->bytes ? fault_rule_from_attr_bytes(attr, &r, who) :
			 fault_rule_from_attr(attr, &r, who);
	if (err || point_check_error(p, &r, who))
		return -EINVAL;
	fault_point_set_rule(p, &r);
	return 0;
}

void fault_point_clear(struct fault_point *p)
{
	struct fail_rule none = { .enabled = false };

	kshim_ensure_booted();
	fault_point_set_rule(p, &none);
}

unsigned long fault_point_injected(struct fault_point *p)
{
	unsigned long n;

	if (!kshim_in_test())
		return 0;
	pthread_mutex_lock(&p->lock);
	point_sync_locked(p);
	n = p->injected;
	pthread_mutex_unlock(&p->lock);
	return n;
}
