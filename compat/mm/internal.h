/*
 * compat/mm/internal.h - shared state of the simulated memory, as the
 * kernel's mm/internal.h is for mm/ (libkshim-private).
 */
#ifndef _KSHIM_MM_INTERNAL_H
#define _KSHIM_MM_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>

#include <linux/list.h>
#include <linux/mm.h>

#include "kshim/internal.h"	/* kshim_config */
#include "lib/fault-inject.h"

/* The allocator's per-zone state. */
struct kshim_zone {
	pthread_mutex_t lock;
	struct list_head free_list[NR_PAGE_ORDERS];
	unsigned long nr_free[NR_PAGE_ORDERS];
	unsigned long start, end;	/* [start, end) pfns of the zone */
	unsigned long frontier;		/* pfns from here up never used */
	/* Per-CPU (per-thread) order-0 lists: see page_alloc.c. */
	unsigned int id;		/* index of the zone's lists */
	unsigned int batch, high;	/* pcp->batch, pcp->high */
};

/* mm_init.c: the machine's memory layout */
extern unsigned long max_pfn;		/* one past the last RAM frame */
extern unsigned long min_low_pfn;	/* the first RAM frame */
/* kshim's own view of a frame (and up to a 4 MiB block after it) */
void *kshim_pfn_backdoor(unsigned long pfn);
/* Where frame @pfn lives in the RAM file (for alias mappings). */
off_t kshim_pfn_ram_offset(unsigned long pfn);
void kshim_mm_init(void);
void kshim_mm_exit(void);
void kshim_mm_test_begin(void);

/* page_alloc.c */
void kshim_zone_init(struct zone *zone, unsigned long start,
		     unsigned long end);
void kshim_zone_exit(struct zone *zone);
/* Each test starts with the "page allocation failure" rate limit unused. */
void kshim_warn_alloc_reset(void);
/*
 * warn_alloc() of mm/page_alloc.c: "<comm>: <fmt...>, mode:<gfp>(<names>),
 * nodemask=(null),cpuset=/,mems_allowed=<nodes>" and a stack, as a report
 * of class @cls at @file:@line, nothing with __GFP_NOWARN, at most once
 * per 10 s of @rs.
 */
struct kshim_warn_alloc_rs {
	pthread_mutex_t lock;
	long long last_ns;	/* -1: not used yet */
};
#define KSHIM_WARN_ALLOC_RS_INIT { PTHREAD_MUTEX_INITIALIZER, -1 }
void kshim_warn_alloc_rs_reset(struct kshim_warn_alloc_rs *rs);
void kshim_warn_alloc(struct kshim_warn_alloc_rs *rs, const char *cls,
		      gfp_t gfp, const char *file, int line, const char *func,
		      const char *fmt, ...)
	__attribute__((__format__(__printf__, 7, 8)));
/* Free pages of @zone: the buddy lists, never-used frames and every
 * thread's per-CPU list. */
unsigned long kshim_zone_free_pages(const struct zone *zone);
/* Frames the zones have handed out and not got back, in all zones. */
unsigned long kshim_zone_pages_out(void);
/*
 * drain_all_pages(): every thread's per-CPU lists back to the buddy
 * lists; true if there was anything to drain.  kshim_pcp_test_begin()
 * drains at each test's start (so a test's pfns do not depend on the
 * tests before it); in a test's child process it also drops the lists
 * of threads that did not come along into the child.
 */
bool kshim_drain_all_pages(void);
void kshim_pcp_test_begin(void);
/* Check and return a block to the buddy lists (free_pages_prepare +
 * __free_one_page); the block is leaked if a page is in a bad state. */
void kshim_free_block(struct page *page, unsigned int order,
		      unsigned int version, const char *file, int line,
		      const char *func);

/*
 * The driver's LINUX_VERSION_CODE, passed by the headers, picks the
 * profile of a check: 2.6.28-2.6.36 (kernel-api.md tag [2.6.2x]) or 6.8
 * (which the versions in between get too).
 */
static inline bool kshim_mm_2_6(unsigned int version)
{
	return version < KERNEL_VERSION(2, 6, 37);
}

/*
 * failslab.c: should_failslab() - true when the fault-injection rule
 * picks this slab allocation (the allocation then fails silently, as the
 * kernel's slab_pre_alloc_hook() makes it).  @s is the cache (a
 * struct kmem_cache *), @site the driver's call.
 */
struct kmem_cache;
struct kshim_site;
extern struct fault_point kshim_failslab_point;
bool __kshim_should_failslab(struct kmem_cache *s, gfp_t gfp,
			     const struct kshim_site *site);

static inline bool kshim_should_failslab(struct kmem_cache *s, gfp_t gfp,
					 const struct kshim_site *site)
{
	if (likely(!fault_point_may_fail(&kshim_failslab_point)))
		return false;
	return __kshim_should_failslab(s, gfp, site);
}
int kshim_parse_failslab(const char *val, struct kshim_config *c);
/* slab_common.c: kmem_cache_alloc_bulk()'s objects (failslab decided once) */
extern __thread bool kshim_slab_in_bulk;

/* page_owner.c: who holds each allocated page (a pfn-indexed table) */
struct kshim_page_owner {
	const char *file;	/* NULL: not allocated (or a slab's) */
	int line;
	bool allocated;		/* handed out by the allocator, not free */
};
extern struct kshim_page_owner *kshim_page_owners;
void kshim_page_owner_init(void);
void kshim_page_owner_exit(void);

static inline void kshim_page_owner_set(struct page *page, unsigned int order,
					const char *file, int line)
{
	struct kshim_page_owner *o = &kshim_page_owners[page_to_pfn(page)];
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		o[i].file = file;
		o[i].line = line;
	}
}

static inline void kshim_page_owner_clear(struct page *page,
					  unsigned int order)
{
	struct kshim_page_owner *o = &kshim_page_owners[page_to_pfn(page)];
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		o[i].file = NULL;
}
/* A block freed in a bad state stays out of the allocator for good. */
void kshim_page_owner_leak(struct page *page, unsigned int order);
long kshim_pages_allocated(void);
/* slub.c: pages held by slabs and large kmalloc()s (not the page ledger) */
extern long kshim_slab_pages;

/* fail_page_alloc.c: true when this allocation must fail (injected) */
extern struct fault_point kshim_fail_page_alloc_point;
bool __kshim_fail_page_alloc(gfp_t gfp, unsigned int order, const char *file,
			     int line, const char *func);

static inline bool kshim_fail_page_alloc(gfp_t gfp, unsigned int order,
					 const char *file, int line,
					 const char *func)
{
	/* The common case inline: no rule, nothing to catch up with. */
	if (likely(!fault_point_may_fail(&kshim_fail_page_alloc_point)))
		return false;
	return __kshim_fail_page_alloc(gfp, order, file, line, func);
}

/*
 * lib/debugobjects.c: objects ODEBUG tracks (relaxed reads); none, and a
 * free needs no debug_check_no_obj_freed() call.
 */
extern long kshim_odebug_nr_tracked;

/* page_poison.c: freed memory is poisoned, checked when handed out again */
/*
 * Frames [@pfn, @pfn + @nr) are carved for the first time: never-allocated
 * memory is no-access for ASan, as the kernel's KASAN has it from boot.
 * kshim_page_poison_forget(): the zone goes away (reboot); the range
 * carved from it is clean again for ASan.
 */
void kshim_page_poison_fresh(unsigned long pfn, unsigned long nr);
void kshim_page_poison_forget(unsigned long pfn, unsigned long nr);
extern bool kshim_page_poison_hooks;	/* false: the hooks do nothing */
void __kshim_page_free_poison(struct page *page, unsigned int order,
			      const char *file, int line, const char *func);
void __kshim_page_alloc_poison_check(struct page *page, unsigned int order,
				     const char *file, int line,
				     const char *func);

/* @file:@line in @func freed it: DEBUG_PAGEALLOC's oops says so. */
static inline void kshim_page_free_poison(struct page *page,
					  unsigned int order,
					  const char *file, int line,
					  const char *func)
{
	if (kshim_page_poison_hooks)
		__kshim_page_free_poison(page, order, file, line, func);
}

/* Reports name the allocation (@file:@line in @func) that found damage. */
static inline void kshim_page_alloc_poison_check(struct page *page,
						 unsigned int order,
						 const char *file, int line,
						 const char *func)
{
	if (kshim_page_poison_hooks)
		__kshim_page_alloc_poison_check(page, order, file, line, func);
}
void kshim_page_poison_init(void);
void kshim_page_poison_exit(void);
void kshim_page_poison_test_begin(void);
/* Pages freed in the test and still free must hold the pattern. */
void kshim_page_poison_test_end(void);

/* debug.c */
const char *kshim_format_gfp(gfp_t gfp, char *buf, size_t len);
/* The flag names of %pGp and %pGg (trace/events/mmflags.h order). */
struct kshim_flag_name {
	unsigned long mask;
	const char *name;	/* NULL ends the table */
};
extern const struct kshim_flag_name kshim_pageflag_names[];
extern const struct kshim_flag_name kshim_gfpflag_names[];
/* If @flagsp is &page->flags of a struct page: its node and zone. */
bool kshim_page_of_flags(const unsigned long *flagsp, int *nid, int *zone);
void kshim_bad_page(struct page *page, const char *reason,
		    unsigned int version, const char *file, int line,
		    const char *func);
void kshim_bad_page_reset(void);

/*
 * highmem.c: the atomic kmap slots of the current task (the kernel's
 * per-CPU FIX_KMAP_BEGIN..FIX_KMAP_END fixmap windows; in kshim a task runs
 * on its own CPU, and an interrupt runs on the task it interrupts).  Slot
 * @idx is a fixed one-page window of the current task.  Mapping a highmem
 * page (or, with KSHIM_KMAP_FORCE_MAP=1, any page) aliases its frame there
 * for real; unmapping makes the window fault again, and the fault handler
 * names the page and the @site that mapped and unmapped it.  Used by both
 * kmap_local/stack kmap_atomic (6.x) and typed kmap_atomic (2.6.3x).
 */
struct kshim_site;
#define KSHIM_KMAP_SLOTS	32	/* >= KM_TYPE_NR (20), KM_MAX_IDX (16) */
void *kshim_kmap_slot_vaddr(unsigned int idx);
/* The slot of the current task that @vaddr lies in, or -1. */
int kshim_kmap_slot_index(unsigned long vaddr);
/* Map @page at slot @idx; returns the slot address (page_address() for a
 * lowmem page when not forced through the window). */
void *kshim_kmap_slot_map(unsigned int idx, struct page *page,
			  const struct kshim_site *site);
void kshim_kmap_slot_unmap(unsigned int idx, const struct kshim_site *site);
/* The page mapped at slot @idx, or NULL. */
struct page *kshim_kmap_slot_page(unsigned int idx);
/* KSHIM_KMAP_FORCE_MAP=1 (also declared for drivers, highmem-internal.h) */
extern bool kshim_kmap_force_map;

/* A page goes through a window: highmem, or any page when forced. */
static inline bool kshim_kmap_needs_window(const struct page *page)
{
	return PageHighMem(page) || kshim_kmap_force_map;
}

/*
 * highmem_windows.c: the kmap windows behind the atomic slots above and
 * the pkmap area (highmem.c).
 */
struct kshim_kmap_window {
	struct page *page;		/* mapped through the window now */
	unsigned long pfn;		/* the last frame mapped (~0UL: none) */
	const struct kshim_site *map_site;	/* where last mapped */
	const struct kshim_site *unmap_site;	/* where last unmapped */
	/* Unmapped, but still aliasing @pfn (arch_kmap_windows_kept()). */
	bool kept;
};

/* A group of windows: one task's atomic slots, or the pkmap area. */
struct kshim_kmap_area {
	const char *what;		/* for the oops */
	char *first;			/* window 0 */
	unsigned int nr;
	struct task_struct *task;	/* owner of atomic slots, else NULL */
	struct kshim_kmap_area *next;	/* every area, for the fault handler */
	struct kshim_kmap_window win[];
};
extern struct kshim_kmap_area *kshim_kmap_areas;	/* newest first */
struct kshim_kmap_area *kshim_kmap_area_new(const char *what,
					    unsigned int nr,
					    struct task_struct *task);
void *kshim_kmap_window_va(const struct kshim_kmap_area *a, unsigned int idx);
/* The window of @a that @vaddr lies in (not its guard page), or -1. */
int kshim_kmap_window_index(const struct kshim_kmap_area *a,
			    unsigned long vaddr);
void kshim_kmap_window_map(struct kshim_kmap_area *a, unsigned int idx,
			   struct page *page, const struct kshim_site *site);
void kshim_kmap_windows_forget_kept(void);
void kshim_kmap_window_unmap(struct kshim_kmap_area *a, unsigned int idx,
			     const struct kshim_site *site);
/* The current task's atomic slots, created on first use. */
struct kshim_kmap_area *kshim_kmap_task_slots(void);

/*
 * What x86-32 would call a user address (below PAGE_OFFSET): the kmap
 * unmap checks treat only the range below the host's mmap_min_addr (the
 * NULL pointer and small offsets from it) as such, since the host's heap,
 * stack and data are all "lowmem" to a driver.
 */
#define KSHIM_USER_ADDR_END	65536UL

/*
 * vmalloc.c: the vmalloc range.  kshim_vmalloc_keep() exempts the live
 * area holding @addr from the leak ledger (kmemleak_not_leak() and
 * kmemleak_ignore() on a vmalloc address).  kshim_vmalloc_pages_held:
 * frames live vmalloc areas own; the "pages allocated" ledger leaves them
 * to the "vmalloc areas" ledger.  The fault handler asks whether an
 * address is the range's and what it is (true: explained).
 */
void kshim_vmalloc_init(void);
void kshim_vmalloc_exit(void);
void kshim_vmalloc_test_begin(void);
void kshim_vmalloc_test_end(void);
void kshim_vmalloc_keep(const void *addr);
extern long kshim_vmalloc_pages_held;
/* compat/kernel/dma/: bounce pool and coherent pages (DMA's ledger) */
extern long kshim_dma_pages_held;
bool kshim_vmalloc_fault_owns(unsigned long addr);
bool kshim_vmalloc_fault_explain(unsigned long addr);
/* kvmalloc_node()'s vmalloc fallback, named after its caller (util.c). */
void *kshim_vmalloc_for_kvmalloc(size_t size, gfp_t flags, int node,
				 const struct kshim_site *site,
				 const void *caller);
/* util.c: each test starts with kvmalloc's WARN_ON_ONCE unused. */
void kshim_kvmalloc_test_begin(void);

#endif /* _KSHIM_MM_INTERNAL_H */
