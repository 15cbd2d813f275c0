/*
 * test_fail_page_alloc - fault injection into the page allocator
 * (mm/fail_page_alloc.c): each selector fails exactly the allocations it
 * names, the kernel's attributes (times, space, interval, min-order,
 * ignore-gfp-*, verbose) keep their meaning, a seeded probability repeats,
 * KSHIM_FAIL_PAGE_ALLOC applies to every test, rules never outlive their
 * test (with KSHIM_FORK=0 too), and an injected failure is real
 * exhaustion: NULL and "page allocation failure" unless __GFP_NOWARN.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "common/spawn.h"

#define SELF "tests/mm/test_fail_page_alloc"
#define SELF_FILE "tests/mm/test_fail_page_alloc.c"
#define QUIET (GFP_KERNEL | __GFP_NOWARN)
#define MAX_ALLOCS 64

/* ---- helpers ---- */

static int helper_line;

/* A kernel-style caller: its alloc_page() is the site the tests aim at. */
static struct page *fpa_alloc_helper(gfp_t gfp)
{
	helper_line = __LINE__ + 1;
	return alloc_page(gfp);
}

/*
 * Make @n allocations of order @order (the i-th through the helper when
 * bit i of @via_helper is set), free them, and return the failures: bit
 * i set when the i-th returned NULL.
 */
static unsigned long long pattern(unsigned int n, gfp_t gfp,
				  unsigned int order,
				  unsigned long long via_helper)
{
	struct page *pages[MAX_ALLOCS];
	unsigned long long failed = 0;
	unsigned int i;

	CU_ASSERT_FATAL(n <= MAX_ALLOCS);
	for (i = 0; i < n; i++) {
		if (via_helper & (1ULL << i))
			pages[i] = fpa_alloc_helper(gfp);
		else
			pages[i] = alloc_pages(gfp, order);
		if (!pages[i])
			failed |= 1ULL << i;
	}
	for (i = 0; i < n; i++)
		if (pages[i])
			__free_pages(pages[i], (via_helper & (1ULL << i)) ?
					       0 : order);
	return failed;
}

static unsigned long long quiet(unsigned int n)
{
	return pattern(n, QUIET, 0, 0);
}

static unsigned int popcount(unsigned long long v)
{
	return __builtin_popcountll(v);
}

/* ---- the deterministic selectors ---- */

static void test_nothing_fails_by_default(void)
{
	CU_ASSERT_EQUAL(quiet(16), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL_PAGE_ALLOC"), "");
}

static void test_nth_fails_only_the_nth(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=3"), 0);
	CU_ASSERT_EQUAL(quiet(8), 1ULL << 2);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	/* Setting a rule starts its count again. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	CU_ASSERT_EQUAL(quiet(4), 1ULL << 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2);
}

static void test_after_fails_every_later_one(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=2"), 0);
	CU_ASSERT_EQUAL(quiet(6), 0x3cULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
	kshim_fail_page_alloc_clear();
	CU_ASSERT_EQUAL(quiet(6), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
}

static void test_allocation_after_a_failure_works(void)
{
	struct page *page;
	char *p;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	CU_ASSERT_PTR_NULL(alloc_page(QUIET));
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	p = page_address(page);
	CU_ASSERT_EQUAL(p[0], 0);
	CU_ASSERT_EQUAL(p[PAGE_SIZE - 1], 0);
	memset(p, 0x5a, PAGE_SIZE);
	CU_ASSERT_EQUAL(page_count(page), 1);
	__free_page(page);
}

/* Call the helper once, rule-less, to learn the line of its site. */
static void learn_helper_line(void)
{
	struct page *page = fpa_alloc_helper(QUIET);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
}

/* file:line, the file matched as a path suffix at a '/'. */
static void test_site_file_line(void)
{
	const unsigned long long helper = 0x24ULL;	/* calls 2 and 5 */
	static const struct {
		const char *file;
		int dline;		/* from the helper's line */
		bool match;
	} sites[] = {
		{ SELF_FILE, 0, true },
		{ "test_fail_page_alloc.c", 0, true },
		{ "mm/test_fail_page_alloc.c", 0, true },
		{ "fail_page_alloc.c", 0, false },	/* not at a '/' */
		{ "test_fail_page_alloc.c", 1, false },	/* another line */
		{ "other.c", 0, false },
	};
	unsigned int i, matched = 0;
	char spec[200];

	learn_helper_line();
	for (i = 0; i < sizeof(sites) / sizeof(sites[0]); i++) {
		snprintf(spec, sizeof(spec), "site=%s:%d", sites[i].file,
			 helper_line + sites[i].dline);
		CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set(spec), 0);
		CU_ASSERT_EQUAL(pattern(6, QUIET, 0, helper),
				sites[i].match ? helper : 0);
		matched += sites[i].match;
	}
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2 * matched);
}

static void test_site_whole_file(void)
{
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=test_fail_page_alloc.c"), 0);
	CU_ASSERT_EQUAL(pattern(4, QUIET, 0, 0x5), 0xfULL);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=demo.c"), 0);
	CU_ASSERT_EQUAL(pattern(4, QUIET, 0, 0x5), 0);
}

static void test_site_function(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=fpa_alloc_helper"),
			      0);
	CU_ASSERT_EQUAL(pattern(8, QUIET, 0, 0x96), 0x96ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
	/* Another function's allocations: none fail. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("site=pattern_x"), 0);
	CU_ASSERT_EQUAL(pattern(8, QUIET, 0, 0x96), 0);
}

/* nth and after count the allocations the site (and filters) select. */
static void test_site_with_nth_counts_that_site_only(void)
{
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=fpa_alloc_helper,nth=2"), 0);
	/* helper at 1, 3, 6: its second call is allocation 3. */
	CU_ASSERT_EQUAL(pattern(8, QUIET, 0, 0x4a), 1ULL << 3);
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("site=fpa_alloc_helper,after=1"), 0);
	CU_ASSERT_EQUAL(pattern(8, QUIET, 0, 0x4a), 0x48ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 3);
}

/* A rule that can never fail a call is refused, as probability=0 is. */
static void test_never_fails(void)
{
	static const char *const never[] = {
		"nth=1,after=1", "nth=4,after=5", "nth=3,interval=2",
		"nth=1,space=1", "probability=0",
	};
	unsigned int i;

	for (i = 0; i < sizeof(never) / sizeof(never[0]); i++) {
		CU_ASSERT_EQUAL(kshim_fail_page_alloc_set(never[i]), -EINVAL);
		CU_ASSERT_EQUAL(kshim_failslab_set(never[i]), -EINVAL);
	}
	/* Their neighbours that can fail are accepted. */
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("nth=2,after=1"), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("after=3,interval=2"), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("space=1,times=1"), 0);
	kshim_fail_page_alloc_clear();
}

/* ---- probability ---- */

static unsigned long long run_seed(const char *spec)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set(spec), 0);
	return quiet(64);
}

static void test_probability_repeats_with_its_seed(void)
{
	unsigned long long a = run_seed("probability=0.5,seed=42");
	unsigned long long b = run_seed("probability=0.5,seed=42");
	unsigned long long c = run_seed("probability=0.5,seed=43");
	unsigned long long d = run_seed("seed=42,probability=50%");

	CU_ASSERT_EQUAL(a, b);
	CU_ASSERT_EQUAL(a, d);
	CU_ASSERT_NOT_EQUAL(a, c);
	/* About half of 64, far from all or none. */
	CU_ASSERT(popcount(a) > 16 && popcount(a) < 48);
	CU_ASSERT(popcount(c) > 16 && popcount(c) < 48);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(),
			3 * popcount(a) + popcount(c));
	/* A smaller probability fails fewer; 1 fails all. */
	CU_ASSERT(popcount(run_seed("probability=0.05,seed=42")) < 12);
	CU_ASSERT_EQUAL(run_seed("probability=1,seed=42"), ~0ULL);
}

/* ---- the kernel's attributes ---- */

static void test_times_limits_the_failures(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("times=2"), 0);
	CU_ASSERT_EQUAL(quiet(6), 0x3ULL);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=1,times=2"), 0);
	CU_ASSERT_EQUAL(quiet(6), 0x6ULL);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=1,times=-1"),
			      0);
	CU_ASSERT_EQUAL(quiet(6), 0x3eULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2 + 2 + 5);
}

static void test_min_order(void)
{
	struct page *p0, *p1, *p2, *p3;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("min-order=2"), 0);
	p0 = alloc_pages(QUIET, 0);
	p1 = alloc_pages(QUIET, 1);
	p2 = alloc_pages(QUIET, 2);
	p3 = alloc_pages(QUIET | __GFP_COMP, 3);
	CU_ASSERT_PTR_NOT_NULL(p0);
	CU_ASSERT_PTR_NOT_NULL(p1);
	CU_ASSERT_PTR_NULL(p2);
	CU_ASSERT_PTR_NULL(p3);
	if (p0)
		__free_pages(p0, 0);
	if (p1)
		__free_pages(p1, 1);
	/* Lower orders are no candidates: nth counts order >= 1 only. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("min-order=1,nth=2"),
			      0);
	CU_ASSERT_EQUAL(pattern(3, QUIET, 0, 0), 0);
	CU_ASSERT_EQUAL(pattern(3, QUIET, 1, 0), 0x2ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 3);
}

static void test_gfp_filters(void)
{
	struct page *page;

	/* ignore-gfp-wait spares what may reclaim directly: GFP_KERNEL. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("ignore-gfp-wait=Y"),
			      0);
	CU_ASSERT_EQUAL(pattern(2, QUIET, 0, 0), 0);
	CU_ASSERT_EQUAL(pattern(2, GFP_ATOMIC | __GFP_NOWARN, 0, 0), 0x3ULL);
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("ignore-gfp-highmem=1"), 0);
	CU_ASSERT_EQUAL(pattern(2, GFP_HIGHUSER | __GFP_NOWARN, 0, 0), 0);
	CU_ASSERT_EQUAL(pattern(2, QUIET, 0, 0), 0x3ULL);
	/* __GFP_NOFAIL never fails, and is no candidate either. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	page = alloc_page(QUIET | __GFP_NOFAIL);
	CU_ASSERT_PTR_NOT_NULL(page);
	CU_ASSERT_EQUAL(quiet(2), 0x1ULL);
	if (page)
		__free_page(page);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2 + 2 + 1);
}

static void test_space_and_interval(void)
{
	struct page *a, *b;

	/* space: that many pages get through, then the rule applies. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("space=3"), 0);
	a = alloc_pages(QUIET, 1);
	b = alloc_pages(QUIET, 0);
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NOT_NULL(b);
	CU_ASSERT_EQUAL(quiet(2), 0x3ULL);
	if (a)
		__free_pages(a, 1);
	if (b)
		__free_pages(b, 0);
	/* interval: every 3rd candidate. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("interval=3"), 0);
	CU_ASSERT_EQUAL(quiet(9), 0x124ULL);
}

/* All conditions must hold, checked in the kernel's order. */
static void test_combinations(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set(
		"site=fpa_alloc_helper,after=1,interval=2,times=2"), 0);
	/* helper everywhere: candidates 2.. pass after; interval picks
	 * 3 and 5; times stops at two. */
	CU_ASSERT_EQUAL(pattern(10, QUIET, 0, 0x3ff), 0x14ULL);
	/* nth=4,after=5 could never fail: refused (see test_never_fails) */
	CU_ASSERT_EQUAL_FATAL(
		kshim_fail_page_alloc_set("nth=6,after=5"), 0);
	CU_ASSERT_EQUAL(quiet(8), 1ULL << 5);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 3);
}

/* ---- the API ---- */

static void test_set_from_struct(void)
{
	struct kshim_fail_attr attr = KSHIM_FAIL_ATTR_INIT;
	struct kshim_fail_attr zero = { .nth = 2 };
	char site[32] = "fpa_alloc_helper";

	attr.site = site;
	attr.after = 1;
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set_attr(&attr), 0);
	/* The rule took a copy of the site. */
	strcpy(site, "nothing");
	CU_ASSERT_EQUAL(pattern(6, QUIET, 0, 0x3c), 0x38ULL);
	/* Without KSHIM_FAIL_ATTR_INIT: probability 0 and times 0 would
	 * never fail; refused, and the rule stays. */
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set_attr(&zero), -EINVAL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set_attr(NULL), -EINVAL);
	/* Candidates 5 to 8 of the same rule: all past after=1. */
	CU_ASSERT_EQUAL(pattern(6, QUIET, 0, 0x3c), 0x3cULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 3 + 4);
}

static void test_set_rejects_bad_specs(void)
{
	static const char *const bad[] = {
		"bogus=1", "nth", "nth=", "nth=0", "nth=x", "nth=-1",
		"nth=1,nth=2", "nth=1,,after=2", ",", "after=1x",
		"probability=2", "probability=-0.5", "probability=0",
		"probability=101%", "probability=nan", "probability=%",
		"seed=-1", "seed=", "times=0", "times=-2", "interval=0",
		"space=-1", "min-order=11", "ignore-gfp-wait=maybe",
		"ignore-gfp-highmem=", "verbose=3", "site=", "site=:12",
		"site=demo.c:0", "site=demo.c:x", "site=demo.c:", NULL,
	};
	unsigned int i;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=2"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (kshim_fail_page_alloc_set(bad[i]) != -EINVAL)
			CU_FAIL(bad[i] ? bad[i] : "NULL");
	/* Nothing changed: nth=2 still holds, its count still at 0. */
	CU_ASSERT_EQUAL(quiet(4), 0x2ULL);
	/* Accepted spellings: '_' for '-', the kernel's variable name. */
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("min_order=1,ignore_gfp_wait=0"), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("ignore-gfp-reclaim=n"), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set("seed=0x2a,probability=1e-1"), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_set(""), 0);
	CU_ASSERT_EQUAL(quiet(4), 0);
}

static void test_injected_counts_the_whole_test(void)
{
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 0);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=0"), 0);
	CU_ASSERT_EQUAL(quiet(3), 0x7ULL);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=2"), 0);
	CU_ASSERT_EQUAL(quiet(3), 0x2ULL);
	kshim_fail_page_alloc_clear();
	CU_ASSERT_EQUAL(quiet(3), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
}

/* ---- exhaustion as the caller sees it ---- */

static void test_injected_failure_warns_like_exhaustion(void)
{
	const struct kshim_report *r;
	struct page *page;
	int line;

	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE,
			    "page allocation failure: order:0, mode:0x",
			    1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	line = __LINE__ + 1;
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NULL(page);
	r = kshim_report_last(KSHIM_REPORT_ALLOC_FAILURE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, SELF_FILE);
	CU_ASSERT_EQUAL(r->line, line);
	/* Not verbose: no FAULT_INJECTION line. */
	CU_ASSERT_FALSE(kshim_dmesg_contains("FAULT_INJECTION"));
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(page);
	if (page)
		__free_page(page);
}

static void test_nowarn_failure_is_silent(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=0,verbose=2"),
			      0);
	CU_ASSERT_EQUAL(quiet(3), 0x7ULL);
	CU_ASSERT_EQUAL(__get_free_page(QUIET), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_FALSE(kshim_dmesg_contains("page allocation failure"));
	CU_ASSERT_FALSE(kshim_dmesg_contains("FAULT_INJECTION"));
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 4);
}

static void test_verbose_prints_the_kernel_line(void)
{
	kshim_expect_report(KSHIM_REPORT_ALLOC_FAILURE, NULL, 1);
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set(
		"after=1,times=3,verbose=2,probability=100%"), 0);
	CU_ASSERT_EQUAL(pattern(2, GFP_KERNEL, 0, 0), 0x2ULL);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"FAULT_INJECTION: forcing a failure.\n"
		"name fail_page_alloc, interval 1, probability 100, space 0, times 3\n"));
	/* verbose=2 adds the stack, before the allocator's warning. */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_dmesg(), "Call Trace:"));
	CU_ASSERT(strstr(kshim_dmesg(), "FAULT_INJECTION") <
		  strstr(kshim_dmesg(), "page allocation failure"));
}

/* ---- the setting ---- */

static void test_env_applies_from_the_start(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=nth=2", NULL),
			      0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL_PAGE_ALLOC"), "nth=2");
	CU_ASSERT_EQUAL(quiet(4), 0x2ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	/* A rejected boot changes nothing... */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=bogus=1", NULL),
			-EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL_PAGE_ALLOC"), "nth=2");
	CU_ASSERT_EQUAL(quiet(4), 0);
	/* ... a reboot starts the rule again, even with the same text. */
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=nth=2", NULL),
			      0);
	CU_ASSERT_EQUAL(quiet(4), 0x2ULL);
	/* A test's own rule replaces it. */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=1"), 0);
	CU_ASSERT_EQUAL(quiet(4), 0x1ULL);
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=", NULL), 0);
	CU_ASSERT_EQUAL(quiet(4), 0);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 3);
}

static void test_env_rejects_bad_specs(void)
{
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=bogus=1", NULL),
			-EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=nth=0", NULL),
			-EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_FAIL_PAGE_ALLOC=probability=0.5,seed=x",
				   NULL), -EINVAL);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_FAIL_PAGE_ALLOC"), "");
	CU_ASSERT_EQUAL(quiet(4), 0);
}

/* A program started with a bad KSHIM_FAIL_PAGE_ALLOC stops, naming it. */
static void test_env_bad_spec_stops_the_program(void)
{
	static const char *const env[] = {
		"KSHIM_FAIL_PAGE_ALLOC=nth=1,bogus=1", NULL
	};
	char *argv[3] = { NULL, (char *)"--list", NULL };
	struct spawn_result res;
	char path[4096];

	snprintf(path, sizeof(path), "%s", build_path(SELF));
	argv[0] = path;
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &res), 0);
	CU_ASSERT_EQUAL(res.status, 99);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err,
		"kshim: KSHIM_FAIL_PAGE_ALLOC: unknown key 'bogus'"));
	CU_ASSERT_PTR_NOT_NULL(strstr(res.err,
		"kshim: invalid KSHIM_FAIL_PAGE_ALLOC='nth=1,bogus=1'"));
	spawn_free(&res);
}

/* ---- threads: one order of decisions, counted exactly ---- */

#define NR_THREADS 4
#define PER_THREAD 32

static void *thread_allocs(void *arg)
{
	unsigned long *failed = arg;
	struct page *pages[PER_THREAD];
	unsigned int i;

	for (i = 0; i < PER_THREAD; i++) {
		pages[i] = alloc_page(QUIET);
		if (!pages[i])
			(*failed)++;
	}
	for (i = 0; i < PER_THREAD; i++)
		if (pages[i])
			__free_page(pages[i]);
	return NULL;
}

static void test_threads_count_exactly(void)
{
	unsigned long failed[NR_THREADS] = { 0 }, total = 0;
	pthread_t t[NR_THREADS];
	unsigned int i;

	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=50,times=40"),
			      0);
	for (i = 0; i < NR_THREADS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL,
						     thread_allocs, &failed[i]),
				      0);
	for (i = 0; i < NR_THREADS; i++) {
		pthread_join(t[i], NULL);
		total += failed[i];
	}
	CU_ASSERT_EQUAL(total, 40);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 40);
}

/* ---- rules end with their test ---- */

static void test_leak_a_sets_a_rule(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("after=0"), 0);
	CU_ASSERT_EQUAL(quiet(2), 0x3ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 2);
}

/* Runs after a_sets_a_rule: only the setting's rule, counted afresh. */
static void test_leak_b_starts_clean(void)
{
	const char *env = kshim_setting("KSHIM_FAIL_PAGE_ALLOC");

	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 0);
	if (!strcmp(env, "nth=2")) {
		CU_ASSERT_EQUAL(quiet(4), 0x2ULL);
		CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
	} else {
		CU_ASSERT_STRING_EQUAL(env, "");
		CU_ASSERT_EQUAL(quiet(4), 0);
	}
}

/* The same two tests in one process (KSHIM_FORK=0), with and without
 * the setting: the rule of the first must not reach the second. */
static void test_no_leak_without_fork(void)
{
	static const char *const env_none[] = {
		"KSHIM_FORK=0", "KSHIM_OUTPUT=tap", NULL
	};
	static const char *const env_nth[] = {
		"KSHIM_FORK=0", "KSHIM_OUTPUT=tap",
		"KSHIM_FAIL_PAGE_ALLOC=nth=2", NULL
	};
	const char *const *envs[] = { env_none, env_nth };
	char *argv[3] = { NULL, (char *)"leak", NULL };
	struct spawn_result res;
	char path[4096];
	unsigned int i;

	snprintf(path, sizeof(path), "%s", build_path(SELF));
	argv[0] = path;
	for (i = 0; i < 2; i++) {
		CU_ASSERT_EQUAL_FATAL(spawn_run(argv, envs[i], &res), 0);
		CU_ASSERT_EQUAL(res.status, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(res.out, "1..2\n"));
		CU_ASSERT_PTR_NULL(strstr(res.out, "not ok"));
		if (res.status)
			fprintf(stderr, "%s%s", res.out, res.err);
		spawn_free(&res);
	}
}

/* ---- a rule set outside any test: every test's starting rule ---- */

static int suite_set_rule(void)
{
	return kshim_fail_page_alloc_set("nth=1");
}

static int suite_clear_rule(void)
{
	kshim_fail_page_alloc_clear();
	return 0;
}

static void test_suite_rule_first(void)
{
	CU_ASSERT_EQUAL(quiet(3), 0x1ULL);
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 1);
}

static void test_suite_rule_again(void)
{
	CU_ASSERT_EQUAL(kshim_fail_page_alloc_injected(), 0);
	CU_ASSERT_EQUAL(quiet(3), 0x1ULL);
}

static CU_TestInfo tests[] = {
	{ "nothing_fails_by_default", test_nothing_fails_by_default },
	{ "nth_fails_only_the_nth", test_nth_fails_only_the_nth },
	{ "after_fails_every_later_one", test_after_fails_every_later_one },
	{ "allocation_after_a_failure_works",
	  test_allocation_after_a_failure_works },
	{ "site_file_line", test_site_file_line },
	{ "site_whole_file", test_site_whole_file },
	{ "site_function", test_site_function },
	{ "site_with_nth_counts_that_site_only",
	  test_site_with_nth_counts_that_site_only },
	{ "probability_repeats_with_its_seed",
	  test_probability_repeats_with_its_seed },
	{ "times_limits_the_failures", test_times_limits_the_failures },
	{ "min_order", test_min_order },
	{ "gfp_filters", test_gfp_filters },
	{ "space_and_interval", test_space_and_interval },
	{ "combinations", test_combinations },
	{ "never_fails", test_never_fails },
	{ "set_from_struct", test_set_from_struct },
	{ "set_rejects_bad_specs", test_set_rejects_bad_specs },
	{ "injected_counts_the_whole_test",
	  test_injected_counts_the_whole_test },
	{ "injected_failure_warns_like_exhaustion",
	  test_injected_failure_warns_like_exhaustion },
	{ "nowarn_failure_is_silent", test_nowarn_failure_is_silent },
	{ "verbose_prints_the_kernel_line",
	  test_verbose_prints_the_kernel_line },
	{ "env_applies_from_the_start", test_env_applies_from_the_start },
	{ "env_rejects_bad_specs", test_env_rejects_bad_specs },
	{ "env_bad_spec_stops_the_program",
	  test_env_bad_spec_stops_the_program },
	{ "threads_count_exactly", test_threads_count_exactly },
	{ "no_leak_without_fork", test_no_leak_without_fork },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo leak_tests[] = {
	{ "a_sets_a_rule", test_leak_a_sets_a_rule },
	{ "b_starts_clean", test_leak_b_starts_clean },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo suite_rule_tests[] = {
	{ "first", test_suite_rule_first },
	{ "again", test_suite_rule_again },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "fail_page_alloc", NULL, NULL, NULL, NULL, tests },
	{ "leak", NULL, NULL, NULL, NULL, leak_tests },
	{ "suite_rule", suite_set_rule, suite_clear_rule, NULL, NULL,
	  suite_rule_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
