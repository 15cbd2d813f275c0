/*
 * kshim/fail.h - page and slab allocation fault injection.
 *
 * Follows the kernel's fail_page_alloc (mm/fail_page_alloc.c on top of
 * lib/fault-inject.c, Documentation/fault-injection/): a rule picks the
 * allocations that fail, and a picked allocation fails exactly as real
 * exhaustion does: alloc_pages() returns NULL and prints "page allocation
 * failure" (a page_allocation_failure report) unless __GFP_NOWARN.  The
 * kernel's attributes keep their names and meaning (probability aside:
 * a fraction here, see README); kshim adds deterministic selectors (nth,
 * after, site, seed).  A rule holds in tests only, its counts starting
 * again with each test.  The KSHIM_FAIL_PAGE_ALLOC setting is every
 * test's starting rule; a rule set in a test ends with that test; one set
 * outside any test (main(), a suite's init) is the following tests'
 * starting rule instead.  See README, "Fault injection", for the syntax.
 */
#ifndef _KSHIM_FAIL_H
#define _KSHIM_FAIL_H

#include <stdbool.h>

/*
 * A rule: an allocation fails when every condition given holds.  Start
 * from KSHIM_FAIL_ATTR_INIT (fails every allocation) and narrow it down.
 */
struct kshim_fail_attr {
	unsigned long nth;	/* only the nth candidate (1-based); 0: any */
	unsigned long after;	/* let the first @after candidates succeed */
	const char *site;	/* "file:line", "file.c" or "function"; NULL: any */
	double probability;	/* chance (0, 1] that a candidate fails */
	unsigned long long seed; /* of the PRNG drawing against @probability */
	unsigned long interval;	/* only every interval-th candidate; 0, 1: each */
	long times;		/* most failures to inject; -1: no limit */
	unsigned long space;	/* pages (1 << order each) let through first */
	unsigned int min_order;	/* spare allocations of a lower order */
	bool ignore_gfp_reclaim; /* spare __GFP_DIRECT_RECLAIM (ignore-gfp-wait) */
	bool ignore_gfp_highmem; /* spare __GFP_HIGHMEM allocations */
	unsigned int verbose;	/* 1: "FAULT_INJECTION" line, 2: and a stack */
	int error;		/* what the call returns (-EBUSY...), among
				 * those the kernel returns there; 0: its
				 * usual failure (the first of its list) */
};

/* Every allocation fails: no limit, no filter, silent. */
#define KSHIM_FAIL_ATTR_INIT { .probability = 1.0, .times = -1 }

/* Set the rule from "key=value,..." ("" clears); 0, or -EINVAL after a
 * message naming the bad key or value, changing nothing. */
int kshim_fail_page_alloc_set(const char *spec);
/* Set the rule from @attr (copied); 0, or -EINVAL as above. */
int kshim_fail_page_alloc_set_attr(const struct kshim_fail_attr *attr);
/* No allocation fails by injection from now on. */
void kshim_fail_page_alloc_clear(void);
/* Failures injected since the running test began (0 outside tests). */
unsigned long kshim_fail_page_alloc_injected(void);

/*
 * Slab allocations (mm/failslab.c): the same rules and life, set by
 * KSHIM_FAILSLAB or these calls; space counts bytes, min_order and
 * ignore_gfp_highmem do not apply (-EINVAL).  A picked kmalloc(),
 * kmem_cache_alloc()... returns NULL silently, as the kernel's; a
 * kmalloc() beyond KMALLOC_MAX_CACHE_SIZE is a page allocation, decided
 * by the page allocation rule above.
 */
int kshim_failslab_set(const char *spec);
int kshim_failslab_set_attr(const struct kshim_fail_attr *attr);
void kshim_failslab_clear(void);
unsigned long kshim_failslab_injected(void);

/*
 * Every fallible call kshim provides, by API (func=): see README, "Fault
 * injection", for the list and the errors each can return.  @rules is one
 * rule or several separated by ';', each naming its API with func= and
 * optionally the error with errno= (-EBUSY, EBUSY or -16); a rule
 * replaces that API's rule only ("func=kmalloc" alone fails every
 * kmalloc(); kshim_fail_clear() ends a rule).  The
 * KSHIM_FAIL setting takes the same list.  0, or -EINVAL after a message
 * naming the bad API, key or value, changing nothing.
 */
int kshim_fail_set(const char *rules);
int kshim_fail_set_attr(const char *func, const struct kshim_fail_attr *attr);
/* No call of @func (NULL: of any API) fails by injection from now on. */
void kshim_fail_clear(const char *func);
/* Failures injected into @func (NULL: every API) in the running test. */
unsigned long kshim_fail_injected(const char *func);

/*
 * The registry: the name (func=) of each fallible API in turn, from 0
 * until NULL, and the errors it can return, as negative errnos ending
 * with 0.  Its calls are those of the driver-facing functions README
 * lists for it.
 */
const char *kshim_fail_api(unsigned int i, const int **errors);

#endif /* _KSHIM_FAIL_H */
