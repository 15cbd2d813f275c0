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
 * The rule's life (settings, tests, counts) is lib/fault-inject.c's
 * struct fault_point; this file is the page allocator's point.
 */
#include <errno.h>

#include <linux/gfp.h>
#include <kshim/fail.h>

#include "kshim/internal.h"
#include "lib/fault-inject.h"
#include "mm/internal.h"

static const int page_alloc_errors[] = { -ENOMEM, 0 };

/* func=alloc_pages: every page allocation (alloc_pages(), __get_free_pages()...) */
struct fault_point kshim_fail_page_alloc_point =
	FAULT_POINT_INIT("fail_page_alloc", "alloc_pages",
			 "page_alloc fail_page_alloc alloc_page __get_free_pages",
			 page_alloc_errors, "KSHIM_FAIL_PAGE_ALLOC",
			 &kshim_config.fail_page_alloc, false,
			 .report_cls = KSHIM_REPORT_ALLOC_FAILURE);

int kshim_parse_fail_page_alloc(const char *val, struct kshim_config *c)
{
	return fault_point_parse_setting(&kshim_fail_page_alloc_point, val,
					 &c->fail_page_alloc);
}

bool __kshim_fail_page_alloc(gfp_t gfp, unsigned int order, const char *file,
			     int line, const char *func)
{
	return fault_point_should_fail(&kshim_fail_page_alloc_point, gfp,
				       order, 1UL << order, file, line, func);
}

/* ---- the test's side ---- */

int kshim_fail_page_alloc_set(const char *spec)
{
	return fault_point_set_spec(&kshim_fail_page_alloc_point, spec,
				    "kshim_fail_page_alloc_set()");
}

int kshim_fail_page_alloc_set_attr(const struct kshim_fail_attr *attr)
{
	return fault_point_set_attr(&kshim_fail_page_alloc_point, attr,
				    "kshim_fail_page_alloc_set_attr()");
}

void kshim_fail_page_alloc_clear(void)
{
	fault_point_clear(&kshim_fail_page_alloc_point);
}

unsigned long kshim_fail_page_alloc_injected(void)
{
	return fault_point_injected(&kshim_fail_page_alloc_point);
}
