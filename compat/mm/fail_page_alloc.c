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
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <kshim/fail.h>
#include <kshim/test.h>

#include "kshim/internal.h"
#include "lib/fault-inject.h"
#include "mm/internal.h"

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

/* ---- the running rule (fail_lock held) ---- */

static void reset_state(void)
{
	fault_state_reset(&state, &rule);
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
		if (fault_rule_from_spec(spec, &base_rule, NULL))
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

/* should_fail_alloc_page(), then should_fail_ex(), minus the dump. */
static bool decide_locked(gfp_t gfp, unsigned int order, const char *file,
			  int line, const char *func)
{
	const struct kshim_fail_attr *a = &rule.attr;

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
	return fault_should_fail(&rule, &state, file, line, func,
				 1UL << order);
}

/* ---- libkshim's side ---- */

int kshim_parse_fail_page_alloc(const char *val, struct kshim_config *c)
{
	struct fail_rule r;
	struct spec_copy *copy;
	size_t len = strlen(val);

	if (fault_rule_from_spec(val, &r, "KSHIM_FAIL_PAGE_ALLOC"))
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
		char prob[32];

		/* the kernel's printk has no floating point: glibc's %g */
		snprintf(prob, sizeof(prob), "%g", shown.probability * 100);
		pr_notice("FAULT_INJECTION: forcing a failure.\n");
		pr_notice("name fail_page_alloc, interval %lu, probability %s, space %lu, times %ld\n",
			  shown.interval, prob, shown.space, times_shown);
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
	if (!spec || fault_rule_from_spec(spec, &r, "kshim_fail_page_alloc_set()"))
		return -EINVAL;
	set_rule(&r);
	return 0;
}

int kshim_fail_page_alloc_set_attr(const struct kshim_fail_attr *attr)
{
	struct fail_rule r;

	kshim_ensure_booted();
	if (!attr ||
	    fault_rule_from_attr(attr, &r, "kshim_fail_page_alloc_set_attr()"))
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
