// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/vmalloc.c - virtually contiguous memory: vmalloc(), vmap(),
 * vm_map_ram() and their frees.
 *
 * Reproduces mm/vmalloc.c of 6.1.192 as drivers see it:
 *  - __vmalloc_node_range(): WARN_ON_ONCE(!size) -> NULL; a size above
 *    the machine's RAM prints warn_alloc()'s "vmalloc error: size %lu,
 *    exceeds total pages" (ratelimited, none with __GFP_NOWARN) -> NULL;
 *    BUG_ON(in_interrupt()); might_sleep() (alloc_vmap_area()); the size
 *    is page-rounded and one unmapped guard page follows the area (unless
 *    VM_NO_GUARD); the pages come one by one from the buddy allocator with
 *    __GFP_NOWARN and, unless DMA/DMA32 is asked for, __GFP_HIGHMEM, so
 *    highmem frames back vmalloc memory as in the kernel; a page that
 *    cannot be had makes vmalloc return NULL silently (6.1.192 adds
 *    __GFP_NOWARN to those warn_alloc() calls);
 *  - vfree(): BUG_ON(in_nmi()); might_sleep_if(!in_interrupt()) before
 *    the NULL check; from hardirq, softirq or with BHs off the free is
 *    deferred (the kernel's llist node is written into the area's first
 *    bytes, the free and its diagnostics happen later: here at the next
 *    vmalloc-family call from process context or when the test ends);
 *    __vunmap(): "Trying to vfree() bad address (%p)" for a misaligned
 *    pointer, "Trying to vfree() nonexistent vm area (%p)" for anything
 *    that is not a live area (a double vfree included); an address inside
 *    an area frees the whole area, as find_vm_area() finds it;
 *  - vfree_atomic() always defers; vunmap() BUG_ON(in_interrupt()) even
 *    for NULL, then might_sleep(); vmap() WARN_ON_ONCE(VM_NO_GUARD);
 *    vm_unmap_ram() BUGs on a NULL, misaligned or foreign address.
 * Reports name the driver's line (the entry points are macros,
 * linux/vmalloc.h), the kernel's name mm/vmalloc.c:<line>.
 *
 * The address side is kshim's: a reservation of twice the RAM (128 MiB to
 * 64 GiB) handed out next-fit, so a freed range is not reused until the
 * allocator has gone round the whole range (the kernel's lazy purge
 * delays reuse as well): a stale pointer keeps faulting, and the oops
 * names the freed area, who allocated it and who freed it
 * (kshim_vmalloc_fault_explain()).  The frames are aliased at the area's
 * pages (compat/arch/vmap.c) and, in a test's child process, aliased
 * again onto the child's private copy of RAM.
 *
 * The leak ledger: areas still live at a test's end that the test made
 * are a "ledger" report listing each with its size and allocating line;
 * kshim_vmalloc_keep() (kmemleak_not_leak()) exempts one.  Their pages
 * are this ledger's, not the page ledger's.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/debugobjects.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/might_sleep.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kshim/ledger.h>

#include "kshim/internal.h"
#include "arch/physmem.h"
#include "arch/vmap.h"
#include "mm/internal.h"

/*
 * func=vmalloc: vmalloc() and its family, vmap(), vm_map_ram(): a picked
 * call fails as when its pages (vmalloc) or its address space (vmap)
 * run out, with the kernel's messages for that.
 */
static const int vmalloc_errors[] = { -ENOMEM, 0 };
struct fault_point kshim_fail_vmalloc_point =
	FAULT_POINT_INIT("fail_vmalloc", "vmalloc",
			 "vzalloc __vmalloc vmalloc_user vmalloc_32 vmap vm_map_ram kvmalloc",
			 vmalloc_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_VMALLOC], true);

#define VMALLOC_MIN_RANGE	(128ULL << 20)
#define VMALLOC_MAX_RANGE	(64ULL << 30)
#define MAX_LEAK_LINES		10

unsigned long vmalloc_base;
unsigned long kshim_vmalloc_size;
long kshim_vmalloc_pages_held;

enum area_state { AREA_RESERVED, AREA_LIVE, AREA_FREED };
enum area_type { AREA_VMALLOC, AREA_VMAP, AREA_MAP_RAM };

struct vmap_area_k {
	struct vm_struct vm;		/* what find_vm_area() returns */
	unsigned long first;		/* slot of the first page */
	unsigned long nr_slots;		/* pages + guard */
	unsigned long nr_pages;		/* pages mapped */
	unsigned long req_size;		/* the size asked for */
	struct page **map;		/* the page at each mapped page */
	enum area_state state;
	enum area_type type;
	bool kept;			/* kshim_vmalloc_keep() */
	bool readonly;
	bool owns_pages;		/* vm.pages are this area's to free */
	const char *api;		/* "vmalloc", "vmap"... for reports */
	const struct kshim_site *site;	/* allocated at */
	const struct kshim_site *free_site;	/* freed at */
	unsigned long long serial;	/* allocation order */
	struct list_head list;		/* live_areas */
};

static pthread_mutex_t vmap_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vmap_area_k **slots;	/* one per page of the range */
static unsigned long nr_slots, cursor;
static LIST_HEAD(live_areas);
/* Freed areas, kept for the oops until their range is reused. */
static LIST_HEAD(freed_areas);
static unsigned long long next_serial, test_serial;
/* The ledger's value: live areas the running test made, not kept. */
static long nr_unkept;
static long nr_pages_total;		/* vmalloc_nr_pages() */

/* Per test: vmalloc(0)'s WARN_ON_ONCE and warn_alloc()'s rate limit. */
static bool zero_size_warned, no_guard_warned;
static struct kshim_warn_alloc_rs vmalloc_rs = KSHIM_WARN_ALLOC_RS_INIT;

static const struct kshim_site unknown_site = { "?", 0, "?", NULL };


static unsigned long totalram(void)
{
	return kshim_config.ram >> PAGE_SHIFT;
}

/* ---- reports ---- */

/* WARN_ON_ONCE(x) of mm/vmalloc.c, at the driver's line (no message). */
static void warn_site(const struct kshim_site *s)
{
	__kshim_warn(kshim_site_file(s), kshim_site_line(s), kshim_site_func(s),
		     s ? s->mod : NULL, TAINT_WARN, NULL);
}

static __attribute__((__noreturn__)) void bug_site(const struct kshim_site *s)
{
	__kshim_bug(kshim_site_file(s), kshim_site_line(s), kshim_site_func(s),
		    s ? s->mod : NULL);
}

/* warn_alloc(gfp, NULL, fmt, ...) of mm/page_alloc.c (10 s rate limit). */
#define warn_alloc(gfp, s, fmt, ...)					\
	kshim_warn_alloc(&vmalloc_rs, KSHIM_REPORT_VMALLOC_ERROR, gfp,	\
			 kshim_site_file(s), kshim_site_line(s),		\
			 kshim_site_func(s), fmt, ##__VA_ARGS__)

/* ---- the range ---- */

static inline unsigned long slot_of(unsigned long addr)
{
	return (addr - vmalloc_base) >> PAGE_SHIFT;
}

static inline unsigned long addr_of(unsigned long slot)
{
	return vmalloc_base + (slot << PAGE_SHIFT);
}

static bool in_vmalloc_range(unsigned long addr)
{
	return vmalloc_base && addr >= vmalloc_base &&
	       addr - vmalloc_base < kshim_vmalloc_size;
}

/* Forget a freed area for good: its range is about to be reused. */
static void drop_freed(struct vmap_area_k *a)
{
	unsigned long i;

	for (i = 0; i < a->nr_slots; i++)
		if (slots[a->first + i] == a)
			slots[a->first + i] = NULL;
	list_del(&a->list);
	free(a);
}

static bool slot_free(unsigned long i)
{
	return !slots[i] || slots[i]->state == AREA_FREED;
}

/*
 * Find @n free slots at a multiple of @align (pages), next-fit from the
 * cursor, wrapping once; claim them for @a.  vmap_lock held.
 */
static bool claim_range(struct vmap_area_k *a, unsigned long n,
			unsigned long align)
{
	unsigned long start = cursor, i, run;
	bool wrapped = false;

	for (;;) {
		start = (start + align - 1) / align * align;
		if (start + n > nr_slots) {
			if (wrapped || !cursor)
				return false;
			wrapped = true;
			start = 0;
			continue;
		}
		if (wrapped && start >= cursor)
			return false;
		for (run = 0; run < n; run++)
			if (!slot_free(start + run))
				break;
		if (run == n)
			break;
		/* Skip past the live area in the way. */
		i = start + run;
		start = slots[i]->first + slots[i]->nr_slots;
	}
	for (i = 0; i < n; i++)
		if (slots[start + i])
			drop_freed(slots[start + i]);
	for (i = 0; i < n; i++)
		slots[start + i] = a;
	a->first = start;
	a->nr_slots = n;
	a->vm.addr = (void *)addr_of(start);
	cursor = start + n;
	if (cursor >= nr_slots)
		cursor = 0;
	return true;
}

/* The area whose slots (guard included) hold @addr, or NULL. */
static struct vmap_area_k *area_at(unsigned long addr)
{
	if (!slots || !in_vmalloc_range(addr))
		return NULL;
	return slots[slot_of(addr)];
}

static struct vmap_area_k *live_area_at(unsigned long addr)
{
	struct vmap_area_k *a = area_at(addr);

	return a && a->state == AREA_LIVE ? a : NULL;
}

/* Alias the area's frames, one mapping per run of consecutive frames. */
static void map_area(struct vmap_area_k *a)
{
	unsigned long i = 0, addr = (unsigned long)a->vm.addr;

	while (i < a->nr_pages) {
		unsigned long pfn = page_to_pfn(a->map[i]), n = 1;
		off_t off = kshim_pfn_ram_offset(pfn);

		while (i + n < a->nr_pages &&
		       kshim_pfn_ram_offset(page_to_pfn(a->map[i + n])) ==
		       off + (off_t)(n << PAGE_SHIFT))
			n++;
		arch_vmap_map((void *)(addr + (i << PAGE_SHIFT)),
			      n << PAGE_SHIFT, off, a->readonly);
		i += n;
	}
}

/* Bytes of the last page beyond the size asked for. */
static void poison_tail(struct vmap_area_k *a, bool poison)
{
	unsigned long end = (unsigned long)a->vm.addr + a->req_size;
	unsigned long tail = PAGE_ALIGN(a->req_size) - a->req_size;

	if (!tail || a->type != AREA_VMALLOC)
		return;
	if (poison)
		arch_vmap_poison((void *)end, tail);
	else
		arch_vmap_unpoison((void *)end, tail);
}

static struct vmap_area_k *new_area(enum area_type type, const char *api,
				    unsigned long req_size,
				    const struct kshim_site *site,
				    const void *caller)
{
	struct vmap_area_k *a = calloc(1, sizeof(*a));

	if (!a)
		return NULL;
	a->type = type;
	a->api = api;
	a->req_size = req_size;
	a->site = site ? site : &unknown_site;
	a->vm.caller = caller;
	a->state = AREA_RESERVED;
	INIT_LIST_HEAD(&a->list);
	return a;
}

/* Reserve the address range of @a: @nr pages and a guard page. */
static bool reserve(struct vmap_area_k *a, unsigned long nr, bool guard,
		    unsigned long align)
{
	bool ok;

	align = align > PAGE_SIZE ? align >> PAGE_SHIFT : 1;
	pthread_mutex_lock(&vmap_lock);
	ok = slots && claim_range(a, nr + guard, align);
	pthread_mutex_unlock(&vmap_lock);
	if (ok) {
		a->nr_pages = nr;
		a->vm.size = (nr + guard) << PAGE_SHIFT;
	}
	return ok;
}

/* Give back the range of an area that never went live. */
static void unreserve(struct vmap_area_k *a)
{
	unsigned long i;

	pthread_mutex_lock(&vmap_lock);
	for (i = 0; i < a->nr_slots; i++)
		slots[a->first + i] = NULL;
	pthread_mutex_unlock(&vmap_lock);
	free(a->map);
	free(a);
}

static void go_live(struct vmap_area_k *a)
{
	pthread_mutex_lock(&vmap_lock);
	a->state = AREA_LIVE;
	a->serial = next_serial++;
	list_add_tail(&a->list, &live_areas);
	nr_unkept++;
	if (a->owns_pages) {
		nr_pages_total += a->vm.nr_pages;
		__atomic_fetch_add(&kshim_vmalloc_pages_held, a->vm.nr_pages,
				   __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&vmap_lock);
}

static void vmap_vm_space_failed(unsigned long size, gfp_t gfp,
				 const struct kshim_site *site)
{
	if (!(gfp & __GFP_NOWARN) && printk_ratelimit())
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
			size);
}

/* ---- deferred frees (vfree() in interrupt, vfree_atomic()) ---- */

struct deferred_free {
	const void *addr;
	const struct kshim_site *site;
	struct deferred_free *next;
};

static pthread_mutex_t deferred_lock = PTHREAD_MUTEX_INITIALIZER;
static struct deferred_free *deferred;

static void __vunmap(const void *addr, bool deallocate,
		     const struct kshim_site *site);

static void vfree_deferred(const void *addr, const struct kshim_site *site)
{
	struct deferred_free *d = malloc(sizeof(*d));
	struct vmap_area_k *a;
	bool write_node;

	if (!d)
		arch_host_fail("queueing a deferred vfree()");
	pthread_mutex_lock(&vmap_lock);
	a = live_area_at((unsigned long)addr);
	/* Too small for the node: the kernel would write past its size. */
	write_node = !a || a->req_size >= sizeof(void *) ||
		     a->type != AREA_VMALLOC;
	pthread_mutex_unlock(&vmap_lock);
	pthread_mutex_lock(&deferred_lock);
	d->addr = addr;
	d->site = site;
	d->next = deferred;
	/*
	 * __vfree_deferred()'s llist_add(): the node lives in the first
	 * bytes of the "area", so freeing something that is not mapped
	 * faults here and now, and a live area loses its first word.
	 */
	if (write_node)
		WRITE_ONCE(*(const void **)addr,
			   d->next ? d->next->addr : NULL);
	deferred = d;
	pthread_mutex_unlock(&deferred_lock);
}

/* The kworker's free_work(): process context, oldest first. */
static void drain_deferred(void)
{
	struct deferred_free *d, *rev = NULL;

	pthread_mutex_lock(&deferred_lock);
	d = deferred;
	deferred = NULL;
	pthread_mutex_unlock(&deferred_lock);
	while (d) {
		struct deferred_free *next = d->next;

		d->next = rev;
		rev = d;
		d = next;
	}
	while (rev) {
		d = rev;
		rev = d->next;
		__vunmap(d->addr, true, d->site);
		free(d);
	}
}

/* ---- allocation ---- */

static void *vmalloc_range(unsigned long size, unsigned long align,
			   gfp_t gfp, pgprot_t prot, unsigned long vm_flags,
			   int node, const char *api,
			   const struct kshim_site *site, const void *caller)
{
	struct vmap_area_k *a;
	gfp_t page_gfp;
	unsigned long nr, i;
	int injected;

	kshim_ensure_booted();
	if (unlikely(!size)) {
		if (!__atomic_exchange_n(&zero_size_warned, true,
					 __ATOMIC_RELAXED))
			warn_site(site);
		return NULL;
	}
	if ((size >> PAGE_SHIFT) > totalram()) {
		warn_alloc(gfp, site,
			   "vmalloc error: size %lu, exceeds total pages", size);
		return NULL;
	}
	/* __get_vm_area_node() */
	if (unlikely(in_interrupt()))
		bug_site(site);
	/* kzalloc_node() of the vm_struct, then alloc_vmap_area() */
	__kshim_might_sleep(kshim_site_file(site),
			    kshim_site_line(site), kshim_site_func(site));
	drain_deferred();

	nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	a = new_area(AREA_VMALLOC, api, size, site, caller);
	if (a)
		a->map = calloc(nr, sizeof(*a->map));
	if (!a || !a->map || !reserve(a, nr, !(vm_flags & VM_NO_GUARD), align)) {
		if (a && a->map) {
			vmap_vm_space_failed(PAGE_ALIGN(size) + PAGE_SIZE,
					     gfp, site);
			free(a->map);
		}
		free(a);
		warn_alloc(gfp, site,
			   "vmalloc error: size %lu, vm_struct allocation failed%s",
			   size, (gfp & __GFP_NOFAIL) ? ". Retrying." : "");
		return NULL;
	}
	a->vm.flags = VM_ALLOC | vm_flags;
	a->vm.pages = a->map;
	a->owns_pages = true;
	a->readonly = !(pgprot_val(prot) & _PAGE_RW);

	/* __vmalloc_area_node(): highmem unless a DMA zone is asked for */
	page_gfp = gfp | __GFP_NOWARN;
	if (!(gfp & (GFP_DMA | GFP_DMA32)))
		page_gfp |= __GFP_HIGHMEM;
	/* Injected: as if the first page could not be had. */
	injected = fault_check(&kshim_fail_vmalloc_point, gfp, site);
	fault_nest_begin();
	for (i = 0; i < nr && !injected; i++) {
		struct page *page = __kshim_alloc_pages(page_gfp, 0, node,
							kshim_site_file(site),
							kshim_site_line(site),
							kshim_site_func(site));

		if (!page)
			break;
		a->map[i] = page;
	}
	fault_nest_end();
	a->vm.nr_pages = i;
	if (i < nr) {
		/* 6.1.192: the failure is silent (__GFP_NOWARN) */
		while (i-- > 0)
			__kshim_free_pages(a->map[i], 0, LINUX_VERSION_CODE,
					   kshim_site_file(site),
					   kshim_site_line(site),
					   kshim_site_func(site));
		unreserve(a);
		return NULL;
	}
	map_area(a);
	poison_tail(a, true);
	go_live(a);
	return a->vm.addr;
}

void *__kshim_vmalloc_node_range(unsigned long size, unsigned long align,
				 gfp_t gfp_mask, pgprot_t prot,
				 unsigned long vm_flags, int node,
				 const struct kshim_site *site)
{
	return vmalloc_range(size, align, gfp_mask, prot, vm_flags, node,
			     "__vmalloc", site, __builtin_return_address(0));
}

static void *vmalloc_kind(unsigned long size, enum kshim_vmalloc_kind kind,
			  int node, const struct kshim_site *site,
			  const void *caller)
{
	static const struct {
		const char *api;
		gfp_t gfp;
		unsigned long vm_flags;
		unsigned long align;
	} kinds[] = {
		[__KSHIM_VMALLOC] = { "vmalloc", GFP_KERNEL, 0, 1 },
		[__KSHIM_VZALLOC] = { "vzalloc", GFP_KERNEL | __GFP_ZERO, 0, 1 },
		[__KSHIM_VMALLOC_USER] = { "vmalloc_user",
			GFP_KERNEL | __GFP_ZERO, VM_USERMAP, PAGE_SIZE },
		[__KSHIM_VMALLOC_32] = { "vmalloc_32", GFP_DMA32 | GFP_KERNEL,
			0, 1 },
		[__KSHIM_VMALLOC_32_USER] = { "vmalloc_32_user",
			GFP_DMA32 | GFP_KERNEL | __GFP_ZERO, VM_USERMAP,
			PAGE_SIZE },
	};

	return vmalloc_range(size, kinds[kind].align, kinds[kind].gfp,
			     PAGE_KERNEL, kinds[kind].vm_flags, node,
			     kinds[kind].api, site, caller);
}

void *__kshim_vmalloc_kind(unsigned long size, enum kshim_vmalloc_kind kind,
			   int node, const struct kshim_site *site)
{
	return vmalloc_kind(size, kind, node, site,
			    __builtin_return_address(0));
}

void *__kshim_vmalloc_array(size_t n, size_t size, gfp_t flags, bool zero,
			    const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vmalloc_range(bytes, 1, flags | (zero ? __GFP_ZERO : 0),
			     PAGE_KERNEL, 0, NUMA_NO_NODE,
			     zero ? "__vcalloc" : "__vmalloc_array", site,
			     __builtin_return_address(0));
}

void *__kshim_vmalloc_array_kind(size_t n, size_t size,
				 enum kshim_vmalloc_kind kind,
				 const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vmalloc_kind(bytes, kind, NUMA_NO_NODE, site,
			    __builtin_return_address(0));
}

/* kvmalloc_node()'s fallback (compat/mm/util.c). */
void *kshim_vmalloc_for_kvmalloc(size_t size, gfp_t flags, int node,
				 const struct kshim_site *site,
				 const void *caller)
{
	return vmalloc_range(size, 1, flags, PAGE_KERNEL, VM_ALLOW_HUGE_VMAP,
			     node, "kvmalloc", site, caller);
}

/* ---- vmap, vm_map_ram ---- */

static void *map_pages(struct page **pages, unsigned int count,
		       unsigned long flags, pgprot_t prot,
		       enum area_type type, const char *api,
		       const struct kshim_site *site, const void *caller)
{
	struct vmap_area_k *a;
	unsigned long size = (unsigned long)count << PAGE_SHIFT;

	if (count > totalram())
		return NULL;
	if (type == AREA_VMAP && unlikely(in_interrupt()))
		bug_site(site);		/* __get_vm_area_node() */
	if (!count)
		return NULL;
	drain_deferred();
	a = new_area(type, api, size, site, caller);
	if (a)
		a->map = calloc(count, sizeof(*a->map));
	/* Injected: as if the vmap space ran out. */
	if (!a || !a->map ||
	    fault_check(&kshim_fail_vmalloc_point, GFP_KERNEL, site) ||
	    !reserve(a, count, true, 1)) {
		if (a && a->map)
			vmap_vm_space_failed(size + PAGE_SIZE, GFP_KERNEL, site);
		if (a)
			free(a->map);
		free(a);
		return NULL;
	}
	memcpy(a->map, pages, count * sizeof(*pages));
	a->vm.flags = flags;
	a->readonly = !(pgprot_val(prot) & _PAGE_RW);
	if (flags & VM_MAP_PUT_PAGES) {
		a->vm.pages = pages;
		a->vm.nr_pages = count;
		a->owns_pages = true;
	}
	map_area(a);
	go_live(a);
	return a->vm.addr;
}

void *__kshim_vmap(struct page **pages, unsigned int count,
		   unsigned long flags, pgprot_t prot,
		   const struct kshim_site *site)
{
	kshim_ensure_booted();
	__kshim_might_sleep(kshim_site_file(site),
			    kshim_site_line(site), kshim_site_func(site));
	if ((flags & VM_NO_GUARD) &&
	    !__atomic_exchange_n(&no_guard_warned, true, __ATOMIC_RELAXED))
		warn_site(site);
	flags &= ~VM_NO_GUARD;
	return map_pages(pages, count, flags | VM_MAP, prot, AREA_VMAP, "vmap",
			 site, __builtin_return_address(0));
}

void *__kshim_vm_map_ram(struct page **pages, unsigned int count, int node,
			 const struct kshim_site *site)
{
	kshim_ensure_booted();
	__kshim_might_sleep(kshim_site_file(site),
			    kshim_site_line(site), kshim_site_func(site));
	return map_pages(pages, count, 0, PAGE_KERNEL, AREA_MAP_RAM,
			 "vm_map_ram", site, __builtin_return_address(0));
}

/* ---- freeing ---- */

static void kvfree_pages_array(struct page **pages,
			       const struct kshim_site *site);

/* Unmap and (with @deallocate) free the area at @addr: mm's __vunmap(). */
static void __vunmap(const void *addr, bool deallocate,
		     const struct kshim_site *site)
{
	struct vmap_area_k *a;
	unsigned long i, nr;

	if (!addr)
		return;
	if (!PAGE_ALIGNED(addr)) {
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, "Trying to vfree() bad address (%p)\n",
			     addr);
		return;
	}
	pthread_mutex_lock(&vmap_lock);
	a = live_area_at((unsigned long)addr);
	if (!a || a->type == AREA_MAP_RAM) {
		pthread_mutex_unlock(&vmap_lock);
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN,
			     KERN_ERR "Trying to vfree() nonexistent vm area (%p)\n",
			     addr);
		return;
	}
	a->state = AREA_FREED;
	a->free_site = site ? site : &unknown_site;
	list_move_tail(&a->list, &freed_areas);
	if (!a->kept && a->serial >= test_serial)
		nr_unkept--;
	if (a->owns_pages) {
		nr_pages_total -= a->vm.nr_pages;
		__atomic_fetch_sub(&kshim_vmalloc_pages_held, a->vm.nr_pages,
				   __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&vmap_lock);

	/* ODEBUG: an active timer/work in the area is reported, cancelled. */
	__kshim_debug_check_no_obj_freed(a->vm.addr,
					 a->nr_pages << PAGE_SHIFT, site);
	poison_tail(a, false);
	arch_vmap_unmap(a->vm.addr, a->nr_pages << PAGE_SHIFT);
	nr = a->owns_pages ? a->vm.nr_pages : 0;
	if (deallocate) {
		/*
		 * Last page first: the per-CPU free lists hand pages out
		 * last freed first, so the next vmalloc() of the same size
		 * gets them back in address order, one mapping for all.
		 */
		for (i = nr; i-- > 0;)
			__kshim_free_pages(a->vm.pages[i], 0,
					   LINUX_VERSION_CODE,
					   kshim_site_file(site),
					   kshim_site_line(site),
					   kshim_site_func(site));
		if (a->vm.pages && a->vm.pages != a->map)
			kvfree_pages_array(a->vm.pages, site);
	}
	/* The record stays for the oops until its range is reused. */
	a->vm.pages = NULL;
	free(a->map);
	a->map = NULL;
}

void __kshim_vfree(const void *addr, const struct kshim_site *site)
{
	if (unlikely(in_nmi()))
		bug_site(site);
	if (!in_interrupt())
		__kshim_might_sleep(kshim_site_file(site),
				    kshim_site_line(site),
				    kshim_site_func(site));
	if (unlikely(in_interrupt())) {
		if (addr)
			vfree_deferred(addr, site);
		return;
	}
	/* kshim's kworker: earlier deferred frees happen first */
	drain_deferred();
	__vunmap(addr, true, site);
}

void __kshim_vfree_atomic(const void *addr, const struct kshim_site *site)
{
	if (unlikely(in_nmi()))
		bug_site(site);
	if (!addr)
		return;
	vfree_deferred(addr, site);
}

void __kshim_vunmap(const void *addr, const struct kshim_site *site)
{
	if (unlikely(in_interrupt()))
		bug_site(site);
	__kshim_might_sleep(kshim_site_file(site),
			    kshim_site_line(site), kshim_site_func(site));
	if (addr) {
		drain_deferred();
		__vunmap(addr, false, site);
	}
}

void __kshim_vm_unmap_ram(const void *mem, unsigned int count,
			  const struct kshim_site *site)
{
	unsigned long addr = (unsigned long)mem;
	struct vmap_area_k *a;

	__kshim_might_sleep(kshim_site_file(site),
			    kshim_site_line(site), kshim_site_func(site));
	if (!addr || addr < VMALLOC_START || addr > VMALLOC_END ||
	    !PAGE_ALIGNED(addr))
		bug_site(site);
	pthread_mutex_lock(&vmap_lock);
	a = live_area_at(addr);
	if (!a || a->type != AREA_MAP_RAM || (unsigned long)a->vm.addr != addr) {
		/* vb_free(): no vmap block there; free_unmap_vmap_area(): !va */
		pthread_mutex_unlock(&vmap_lock);
		bug_site(site);
	}
	a->type = AREA_VMAP;	/* let __vunmap() find it */
	pthread_mutex_unlock(&vmap_lock);
	__vunmap(mem, false, site);
}

/* ---- lookups ---- */

bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

int is_vmalloc_or_module_addr(const void *x)
{
	/* kshim loads modules into the host process: no module area. */
	return is_vmalloc_addr(x);
}

struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	unsigned long addr = (unsigned long)vmalloc_addr;
	struct vmap_area_k *a;
	struct page *page = NULL;
	unsigned long idx;

	pthread_mutex_lock(&vmap_lock);
	a = live_area_at(addr);
	if (a) {
		idx = (addr - (unsigned long)a->vm.addr) >> PAGE_SHIFT;
		if (idx < a->nr_pages && a->map)
			page = a->map[idx];
	}
	pthread_mutex_unlock(&vmap_lock);
	return page;
}

unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area_k *a;

	pthread_mutex_lock(&vmap_lock);
	a = live_area_at((unsigned long)addr);
	pthread_mutex_unlock(&vmap_lock);
	return a && a->type != AREA_MAP_RAM ? &a->vm : NULL;
}

unsigned long vmalloc_nr_pages(void)
{
	return __atomic_load_n(&nr_pages_total, __ATOMIC_RELAXED);
}

void vm_unmap_aliases(void)
{
}

/* ---- the leak ledger (mm/internal.h) ---- */

void kshim_vmalloc_keep(const void *addr)
{
	struct vmap_area_k *a;

	pthread_mutex_lock(&vmap_lock);
	a = live_area_at((unsigned long)addr);
	if (a && !a->kept) {
		a->kept = true;
		if (a->serial >= test_serial)
			nr_unkept--;
	}
	pthread_mutex_unlock(&vmap_lock);
}

static long ledger_areas(void *arg)
{
	long n;

	pthread_mutex_lock(&vmap_lock);
	n = nr_unkept;
	pthread_mutex_unlock(&vmap_lock);
	return n;
}

static void explain_areas(void *arg)
{
	struct vmap_area_k *a;
	unsigned long n = 0;

	pthread_mutex_lock(&vmap_lock);
	list_for_each_entry(a, &live_areas, list) {
		if (a->kept || a->serial < test_serial)
			continue;
		if (n++ < MAX_LEAK_LINES)
			printk(KERN_ERR "kshim: vmalloc area %px-%px (%lu bytes) from %s() at %s:%d (%s) was never freed\n",
			       a->vm.addr,
			       (char *)a->vm.addr + (a->nr_pages << PAGE_SHIFT),
			       a->req_size, a->api, kshim_site_file(a->site),
			       kshim_site_line(a->site),
			       kshim_site_func(a->site));
	}
	pthread_mutex_unlock(&vmap_lock);
	if (n > MAX_LEAK_LINES)
		printk(KERN_ERR "kshim: ... and %lu more vmalloc area(s)\n",
		       n - MAX_LEAK_LINES);
}

/* ---- the oops (arch/fault.h via highmem_windows.c) ---- */

bool kshim_vmalloc_fault_owns(unsigned long addr)
{
	return in_vmalloc_range(addr);
}

static void print_area(const struct vmap_area_k *a)
{
	printk(KERN_ALERT "kshim: the area: %lu bytes from %s() at %s:%d (%s)\n",
	       a->req_size, a->api, kshim_site_file(a->site),
	       kshim_site_line(a->site), kshim_site_func(a->site));
}

bool kshim_vmalloc_fault_explain(unsigned long addr)
{
	struct vmap_area_k *a;
	unsigned long start, end;
	bool locked;

	if (!in_vmalloc_range(addr))
		return false;
	/* The fault may have come while this thread held the lock. */
	locked = !pthread_mutex_trylock(&vmap_lock);
	a = area_at(addr);
	if (!a || a->state == AREA_RESERVED) {
		printk(KERN_ALERT "kshim: %#lx is in the vmalloc range, where nothing is mapped\n",
		       addr);
		goto out;
	}
	start = (unsigned long)a->vm.addr;
	end = start + (a->nr_pages << PAGE_SHIFT);
	if (a->state == AREA_FREED) {
		printk(KERN_ALERT "kshim: %#lx is in vmalloc area %#lx-%#lx, which was freed%s\n",
		       addr, start, end,
		       addr >= end ? " (in its guard page)" : "");
		print_area(a);
		printk(KERN_ALERT "kshim: freed by %s at %s:%d (%s)\n",
		       a->type == AREA_VMALLOC ? "vfree()" : "vunmap()",
		       kshim_site_file(a->free_site),
		       kshim_site_line(a->free_site),
		       kshim_site_func(a->free_site));
	} else if (addr >= end) {
		printk(KERN_ALERT "kshim: %#lx is in the guard page after vmalloc area %#lx-%#lx: an access %lu bytes beyond its end\n",
		       addr, start, end, addr - start - a->req_size);
		print_area(a);
	} else {
		printk(KERN_ALERT "kshim: %#lx is in page %lu of vmalloc area %#lx-%#lx, mapped %s\n",
		       addr, (addr - start) >> PAGE_SHIFT, start, end,
		       a->readonly ? "read-only" : "read-write");
		print_area(a);
	}
out:
	if (locked)
		pthread_mutex_unlock(&vmap_lock);
	return true;
}

/* ---- boot, tests ---- */

void kshim_vmalloc_init(void)
{
	static bool registered;
	unsigned long long size = kshim_config.ram * 2;

	if (size < VMALLOC_MIN_RANGE)
		size = VMALLOC_MIN_RANGE;
	if (size > VMALLOC_MAX_RANGE)
		size = VMALLOC_MAX_RANGE;
	kshim_vmalloc_size = size;
	nr_slots = size >> PAGE_SHIFT;
	slots = arch_alloc_sparse(nr_slots * sizeof(*slots));
	vmalloc_base = (unsigned long)arch_vmap_reserve(size);
	cursor = 0;
	if (registered)
		return;
	registered = true;
	kshim_ledger_add("vmalloc areas", ledger_areas, explain_areas, NULL);
}

void kshim_vmalloc_exit(void)
{
	struct vmap_area_k *a, *tmp;
	unsigned long i;

	/* The RAM goes too: forget every area, live or freed. */
	list_for_each_entry_safe(a, tmp, &live_areas, list)
		list_del(&a->list);
	list_for_each_entry_safe(a, tmp, &freed_areas, list)
		list_del(&a->list);
	for (i = 0; i < nr_slots; i++) {
		a = slots[i];
		if (a && a->first == i) {
			unsigned long j;

			for (j = 0; j < a->nr_slots; j++)
				slots[i + j] = NULL;
			free(a->map);
			free(a);
		}
	}
	arch_vmap_release((void *)vmalloc_base, kshim_vmalloc_size);
	arch_release(slots, nr_slots * sizeof(*slots));
	slots = NULL;
	vmalloc_base = 0;
	nr_slots = 0;
	nr_unkept = 0;
	nr_pages_total = 0;
	kshim_vmalloc_pages_held = 0;
	while (deferred) {
		struct deferred_free *d = deferred;

		deferred = d->next;
		free(d);
	}
}

void kshim_vmalloc_test_begin(void)
{
	struct vmap_area_k *a;

	zero_size_warned = false;
	no_guard_warned = false;
	kshim_kvmalloc_test_begin();
	kshim_warn_alloc_rs_reset(&vmalloc_rs);
	pthread_mutex_lock(&vmap_lock);
	/* Areas from before the test (suite setup) are not its leaks. */
	test_serial = next_serial;
	nr_unkept = 0;
	/* A test's child has its own RAM: alias the areas onto it. */
	if (arch_isolated_child())
		list_for_each_entry(a, &live_areas, list) {
			map_area(a);
			poison_tail(a, true);
		}
	pthread_mutex_unlock(&vmap_lock);
}

void kshim_vmalloc_test_end(void)
{
	drain_deferred();
}

/* ---- the real functions ---- */

static const struct kshim_site vmalloc_ptr_site = {
	"(vmalloc() called through a pointer)", 0, "vmalloc", NULL
};
static const struct kshim_site vfree_ptr_site = {
	"(vfree() called through a pointer)", 0, "vfree", NULL
};

#undef vmalloc
void *vmalloc(unsigned long size)
{
	return vmalloc_kind(size, __KSHIM_VMALLOC, NUMA_NO_NODE,
			    &vmalloc_ptr_site, __builtin_return_address(0));
}

#undef vfree
void vfree(const void *addr)
{
	__kshim_vfree(addr, &vfree_ptr_site);
}

/* VM_MAP_PUT_PAGES: the caller's page array was kmalloc()ed or vmalloc()ed. */
static void kvfree_pages_array(struct page **pages,
			       const struct kshim_site *site)
{
	__kshim_kvfree(pages, site);
}
