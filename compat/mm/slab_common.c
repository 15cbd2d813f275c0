// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/slab_common.c - kmalloc(), kfree() and kmem cache creation.
 *
 * Follows mm/slab_common.c of 6.1: the kmalloc caches (kmalloc-8 ...
 * kmalloc-8k with kmalloc-96 and kmalloc-192, and the dma-kmalloc-,
 * kmalloc-rcl- and kmalloc-cg- families picked by gfp), kmalloc() above
 * KMALLOC_MAX_CACHE_SIZE as a compound page allocation, kfree() that
 * dispatches on the page (free_large_kmalloc() for non-slab pages, with
 * its WARN for an order-0 page), ksize(), krealloc(), kfree_sensitive(),
 * kmem_cache_create_usercopy() with its checks and messages (the sysfs
 * duplicate-name failure included) and kmem_cache_destroy() with the
 * "Slab cache still has objects" WARN.
 *
 * kfree() of a pointer outside the direct map (a stack, host heap or
 * vmalloc address) would make the kernel compute a struct page that does
 * not exist and oops, or corrupt memory: kshim reports it instead, as a
 * "slab" report naming the driver's line, and ignores the free, so the
 * test goes on and shows the report.
 *
 * Objects allocated during a test and still live when it ends are the
 * "slab objects allocated" ledger entry, explained kmemleak-style (size,
 * cache and allocating file:line of each), unless kmemleak_not_leak() or
 * kmemleak_ignore() excluded them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/mm.h>
#include <linux/might_sleep.h>
#include <linux/printk.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <kshim/ledger.h>
#include <kshim/report.h>

#include "kshim/internal.h"
#include "arch/poison.h"
#include "mm/internal.h"

/*
 * func=kmem_cache_create: a cache that cannot be created (its kmem_cache,
 * its name, its sysfs directory), with the kernel's warning and NULL.
 */
static const int kmem_cache_create_errors[] = { -ENOMEM, 0 };
struct fault_point kshim_fail_kmem_cache_create_point =
	FAULT_POINT_INIT("fail_kmem_cache_create", "kmem_cache_create",
			 "kmem_cache_create_usercopy KMEM_CACHE",
			 kmem_cache_create_errors, NULL,
			 &kshim_config.fail_specs[KSHIM_FAIL_SLOT_KMEM_CACHE_CREATE],
			 true, .report_cls = KSHIM_REPORT_SLAB);
#include "mm/slab.h"

unsigned int kshim_slab_gen = 1;
long kshim_large_live;	/* large kmalloc()s of this test */

/* ---- the kmalloc caches ---- */

#define NR_KMALLOC_SIZES	(KMALLOC_SHIFT_HIGH + 1)

/* kmalloc_info[]: index -> size (1 and 2 are 96 and 192) */
static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[NR_KMALLOC_SIZES] = {
	{ NULL, 0 }, { "96", 96 }, { "192", 192 }, { "8", 8 },
	{ "16", 16 }, { "32", 32 }, { "64", 64 }, { "128", 128 },
	{ "256", 256 }, { "512", 512 }, { "1k", 1024 }, { "2k", 2048 },
	{ "4k", 4096 }, { "8k", 8192 },
};

/* size_index[(size - 1) / 8] for sizes up to 192 */
static const unsigned char size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7,
	2, 2, 2, 2, 2, 2, 2, 2,
};

static struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][NR_KMALLOC_SIZES];

static unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	return fls((unsigned int)size - 1);
}

static enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (likely(!(flags & (__GFP_DMA | __GFP_RECLAIMABLE |
			      __GFP_ACCOUNT))))
		return KMALLOC_NORMAL;
	if (flags & __GFP_DMA)
		return KMALLOC_DMA;
	if (flags & __GFP_RECLAIMABLE)
		return KMALLOC_RECLAIM;
	return KMALLOC_CGROUP;
}

static struct kmem_cache *create_cache(const char *name, unsigned int size,
				       unsigned int align, slab_flags_t flags,
				       unsigned int useroffset,
				       unsigned int usersize,
				       void (*ctor)(void *),
				       const struct kshim_site *site)
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->name = strdup(name);
	s->object_size = size;
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	s->useroffset = useroffset;
	s->usersize = usersize;
	s->refcount = 1;
	s->create_site = site;
	if (!s->name || kshim_cache_setup(s)) {
		free((char *)s->name);
		free(s);
		return NULL;
	}
	return s;
}

static struct kmem_cache *kmalloc_cache(enum kmalloc_cache_type type,
					unsigned int index)
{
	static const char *const prefix[NR_KMALLOC_TYPES] = {
		[KMALLOC_NORMAL] = "kmalloc-",
		[KMALLOC_CGROUP] = "kmalloc-cg-",
		[KMALLOC_RECLAIM] = "kmalloc-rcl-",
		[KMALLOC_DMA] = "dma-kmalloc-",
	};
	static const slab_flags_t tflags[NR_KMALLOC_TYPES] = {
		[KMALLOC_CGROUP] = SLAB_ACCOUNT,
		[KMALLOC_RECLAIM] = SLAB_RECLAIM_ACCOUNT,
		[KMALLOC_DMA] = SLAB_CACHE_DMA,
	};
	struct kmem_cache *s = __atomic_load_n(&kmalloc_caches[type][index],
					       __ATOMIC_ACQUIRE);
	unsigned int size, align;
	char name[32];

	if (likely(s))
		return s;
	pthread_mutex_lock(&slab_mutex);
	s = kmalloc_caches[type][index];
	if (!s) {
		size = kmalloc_info[index].size;
		snprintf(name, sizeof(name), "%s%s", prefix[type],
			 kmalloc_info[index].name);
		/* create_boot_cache(): power-of-two sizes naturally aligned */
		align = ARCH_KMALLOC_MINALIGN;
		if (is_power_of_2(size))
			align = max(align, size);
		s = create_cache(name, size, align,
				 SLAB_KMALLOC | tflags[type] |
				 kshim_slub_debug_flags(name), 0, size, NULL,
				 NULL);
		if (s) {
			s->kmalloc = true;
			list_add_tail(&s->list, &slab_caches);
			__atomic_store_n(&kmalloc_caches[type][index], s,
					 __ATOMIC_RELEASE);
		}
	}
	pthread_mutex_unlock(&slab_mutex);
	return s;
}

/* ---- large kmalloc: pages (kmalloc_large(), free_large_kmalloc()) ---- */

struct large_kmalloc {
	struct large_kmalloc *next;
	struct page *page;
	size_t size;
	unsigned int order, gen;
	bool not_leak;
	const struct kshim_site *site;
};

static pthread_mutex_t large_lock = PTHREAD_MUTEX_INITIALIZER;
static struct large_kmalloc *large_list;

static void *kmalloc_large(size_t size, gfp_t flags, int node,
			   const struct kshim_site *site)
{
	unsigned int order = get_order(size);
	struct large_kmalloc *lk;
	struct page *page;
	void *ptr;

	flags = kshim_slab_fix_gfp(flags, site);
	lk = calloc(1, sizeof(*lk));
	if (!lk)
		return NULL;
	page = __kshim_alloc_pages(flags | __GFP_COMP, order, node,
				   site->file, site->line, site->func);
	if (!page) {
		free(lk);
		return NULL;
	}
	kshim_page_owner_clear(page, order);
	__atomic_fetch_add(&kshim_slab_pages, 1L << order, __ATOMIC_RELAXED);
	ptr = page_address(page);
	lk->page = page;
	lk->size = size;
	lk->order = order;
	lk->site = site;
	lk->gen = kshim_slab_gen;
	pthread_mutex_lock(&large_lock);
	lk->next = large_list;
	large_list = lk;
	pthread_mutex_unlock(&large_lock);
	__atomic_fetch_add(&kshim_large_live, 1, __ATOMIC_RELAXED);
	return ptr;
}

/* The live large kmalloc of @head (unlinked with @unlink), or NULL. */
static struct large_kmalloc *large_find(const struct page *head, bool unlink)
{
	struct large_kmalloc **pp, *lk;

	pthread_mutex_lock(&large_lock);
	for (pp = &large_list; (lk = *pp); pp = &lk->next)
		if (lk->page == head) {
			if (unlink)
				*pp = lk->next;
			break;
		}
	pthread_mutex_unlock(&large_lock);
	return lk;
}

static void free_large_kmalloc(struct page *head, const void *object,
			       const struct kshim_site *site)
{
	unsigned int order = compound_order(head);
	struct large_kmalloc *lk = large_find(head, true);

	if (order == 0) {
		static bool warned, printed;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		if (!__atomic_exchange_n(&printed, true, __ATOMIC_RELAXED))
			pr_warn("object pointer: 0x%p\n", object);
	}
	if (lk) {
		__atomic_fetch_sub(&kshim_slab_pages, 1L << order,
				   __ATOMIC_RELAXED);
		if (!lk->not_leak && lk->gen == kshim_slab_gen)
			__atomic_fetch_sub(&kshim_large_live, 1,
					   __ATOMIC_RELAXED);
		free(lk);
	}
	__kshim_free_pages(head, order, LINUX_VERSION_CODE, site->file,
			   site->line, site->func);
}

bool kshim_large_kmalloc_not_leak(const void *ptr)
{
	struct large_kmalloc *lk;

	if (!virt_addr_valid(ptr))
		return false;
	lk = large_find(compound_head(virt_to_page(ptr)), false);
	if (!lk)
		return false;
	if (!__atomic_exchange_n(&lk->not_leak, true, __ATOMIC_RELAXED) &&
	    lk->gen == kshim_slab_gen)
		__atomic_fetch_sub(&kshim_large_live, 1, __ATOMIC_RELAXED);
	return true;
}

/* ---- kmalloc / kfree ---- */

void *__kshim_kmalloc(size_t size, gfp_t flags, int node,
		      const struct kshim_site *site)
{
	struct kmem_cache *s;

	kshim_ensure_booted();
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE)) {
		if (unlikely(size > KMALLOC_MAX_SIZE)) {
			/* __alloc_pages(): WARN_ON_ONCE_GFP(order > MAX) */
			static bool warned;

			if (!(flags & __GFP_NOWARN) &&
			    !__atomic_exchange_n(&warned, true,
						 __ATOMIC_RELAXED))
				__kshim_warn(site->file, site->line,
					     site->func, site->mod,
					     TAINT_WARN, NULL);
			return NULL;
		}
		return kmalloc_large(size, flags, node, site);
	}
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	s = kmalloc_cache(kmalloc_type(flags), kmalloc_index(size));
	if (unlikely(!s))
		return NULL;
	return kshim_slab_alloc(s, flags, node, size, site);
}

/* linux/mm.h (compat/mm/vmalloc.c); weak until that is linked in. */
extern bool is_vmalloc_addr(const void *x) __attribute__((__weak__));

/* A pointer that is not the kernel's direct map: say so, do nothing. */
static void bad_free(const char *what, const void *x,
		     const struct kshim_site *site)
{
	const char *kind = is_vmalloc_addr && is_vmalloc_addr(x) ? "a vmalloc address" :
			   "not kernel memory (stack, host heap or unmapped)";

	kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
			   site->func);
	pr_err("kshim: %s(0x%px): %s; the kernel would oops or corrupt memory in virt_to_folio(), kshim ignores the free\n",
	       what, x, kind);
	dump_stack();
	kshim_report_end();
}

void __kshim_kfree(const void *x, const struct kshim_site *site)
{
	struct kshim_slab *sl;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	if (unlikely(!virt_addr_valid(x))) {
		bad_free("kfree", x, site);
		return;
	}
	page = compound_head(virt_to_page(x));
	if (unlikely(!PageSlab(page))) {
		free_large_kmalloc(page, x, site);
		return;
	}
	sl = (struct kshim_slab *)page_private(page);
	kshim_slab_free(sl->cache, sl, (void *)x, site);
}

void (kfree)(const void *x)
{
	static const struct kshim_site site = {
		"kfree", 0, "kfree", NULL
	};

	__kshim_kfree(x, &site);
}

size_t ksize(const void *x)
{
	struct page *page;
	struct kshim_slab *sl;

	if (unlikely(x == ZERO_SIZE_PTR) || !x)
		return 0;
	if (!virt_addr_valid(x))
		return 0;
	page = compound_head(virt_to_page(x));
	if (unlikely(!PageSlab(page))) {
		if (WARN_ON(page_size(page) <= KMALLOC_MAX_CACHE_SIZE))
			return 0;
		if (WARN_ON(x != page_address(page)))
			return 0;
		return page_size(page);
	}
	sl = (struct kshim_slab *)page_private(page);
	return kshim_slab_ksize_obj(sl, x);
}

size_t kmalloc_size_roundup(size_t size)
{
	if (size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_info[kmalloc_index(size)].size;
	if (size > KMALLOC_MAX_SIZE)
		return size;
	if (!size)
		return 0;
	return PAGE_SIZE << get_order(size);
}

void __kshim_kfree_sensitive(const void *p, const struct kshim_site *site)
{
	size_t ks;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	ks = ksize(p);
	if (ks)
		kshim_slab_zero(p, ks);
	__kshim_kfree(p, site);
}

void (kfree_sensitive)(const void *p)
{
	static const struct kshim_site site = {
		"kfree_sensitive", 0, "kfree_sensitive", NULL
	};

	__kshim_kfree_sensitive(p, &site);
}

void *__kshim_krealloc(const void *p, size_t new_size, gfp_t flags,
		       const struct kshim_site *site)
{
	size_t ks = 0;
	void *ret;

	if (unlikely(!new_size)) {
		__kshim_kfree(p, site);
		return ZERO_SIZE_PTR;
	}
	if (likely(!ZERO_OR_NULL_PTR(p))) {
		ks = ksize(p);
		if (ks >= new_size) {
			/* __do_krealloc(): zero the spare bytes if asked */
			struct kshim_slab *sl = kshim_virt_to_slab(p);

			if (sl) {
				long i = kshim_slab_obj_index(sl, p, true);

				if (i >= 0) {
					size_t old = sl->req[i];

					sl->req[i] = new_size;
					if (sl->cache->sanitized)
						arch_slab_object_resize(
							(void *)p, old,
							new_size);
				}
			}
			return (void *)p;
		}
	}
	ret = __kshim_kmalloc(new_size, flags, NUMA_NO_NODE, site);
	if (ret && p && p != ZERO_SIZE_PTR) {
		/* The old object's whole ksize() (6.1), read unchecked. */
		kshim_slab_copy_out(ret, p, ks);
		__kshim_kfree(p, site);
	}
	return ret;
}

/* ---- caches ---- */

#define SLAB_CORE_FLAGS (SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | \
			 SLAB_CACHE_DMA32 | SLAB_PANIC | \
			 SLAB_TYPESAFE_BY_RCU | SLAB_DEBUG_OBJECTS)
#define SLAB_FLAGS_PERMITTED (SLAB_CORE_FLAGS | SLAB_RED_ZONE | \
			      SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE | \
			      SLAB_CONSISTENCY_CHECKS | SLAB_MEM_SPREAD | \
			      SLAB_NOLEAKTRACE | SLAB_RECLAIM_ACCOUNT | \
			      SLAB_TEMPORARY | SLAB_ACCOUNT | \
			      SLAB_NO_USER_FLAGS | SLAB_FAILSLAB)
#define CACHE_CREATE_MASK SLAB_FLAGS_PERMITTED

static unsigned int calculate_alignment(slab_flags_t flags,
					unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = 64;	/* cache_line_size() */

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, sizeof(void *));
}

static struct kmem_cache *find_by_name(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

struct kmem_cache *
__kshim_kmem_cache_create_usercopy(const char *name, unsigned int size,
				   unsigned int align, slab_flags_t flags,
				   unsigned int useroffset,
				   unsigned int usersize,
				   void (*ctor)(void *),
				   const struct kshim_site *site)
{
	struct kmem_cache *s = NULL;
	int err = 0;

	kshim_ensure_booted();
	pthread_mutex_lock(&slab_mutex);
	/* kmem_cache_sanity_check() (CONFIG_DEBUG_VM) */
	if (!name || in_interrupt() || size > KMALLOC_MAX_SIZE) {
		kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
				   site->func);
		pr_err("kmem_cache_create(%s) integrity check failed\n", name);
		err = -EINVAL;
		goto out;
	}
	if (strchr(name, ' '))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	if (flags & ~SLAB_FLAGS_PERMITTED) {
		err = -EINVAL;
		goto begin;
	}
	flags &= CACHE_CREATE_MASK;
	if (!usersize && useroffset) {
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
		useroffset = usersize = 0;
	} else if (size < usersize || size - usersize < useroffset) {
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
		useroffset = usersize = 0;
	}
	/* kmem_cache_flags(): SLAB_NO_USER_FLAGS keeps slub_debug out */
	if (!(flags & SLAB_NO_USER_FLAGS))
		flags |= kshim_slub_debug_flags(name);
	/* sysfs_slab_add(): the name is a directory in /sys/kernel/slab */
	if (find_by_name(name)) {
		kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
				   site->func);
		pr_err("sysfs: cannot create duplicate filename '/kernel/slab/%s'\n",
		       name);
		dump_stack();
		pr_err("kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same name in the same directory.\n",
		       name);
		err = -EEXIST;
		goto out;
	}
	err = fault_check(&kshim_fail_kmem_cache_create_point, 0, site);
	if (err)
		goto begin;
	fault_nest_begin();
	s = create_cache(name, size, calculate_alignment(flags, align, size),
			 flags, useroffset, usersize, ctor, site);
	fault_nest_end();
	if (!s) {
		err = -ENOMEM;
		goto begin;
	}
	list_add_tail(&s->list, &slab_caches);
	pthread_mutex_unlock(&slab_mutex);
	return s;
begin:
	pthread_mutex_unlock(&slab_mutex);
	if (flags & SLAB_PANIC)
		panic("%s: Failed to create slab '%s'. Error %d\n",
		      "kmem_cache_create_usercopy", name, err);
	kshim_report_begin(KSHIM_REPORT_SLAB, site->file, site->line,
			   site->func);
	goto warn;
out:
	pthread_mutex_unlock(&slab_mutex);
	if (flags & SLAB_PANIC) {
		kshim_report_end();
		panic("%s: Failed to create slab '%s'. Error %d\n",
		      "kmem_cache_create_usercopy", name, err);
	}
warn:
	pr_warn("%s(%s) failed with error %d\n", "kmem_cache_create_usercopy",
		name, err);
	dump_stack();
	kshim_report_end();
	return NULL;
}

void __kshim_kmem_cache_destroy(struct kmem_cache *s,
				const struct kshim_site *site)
{
	int err;

	if (unlikely(!s))
		return;
	/* Free slabs wait for a grace period: let them go first. */
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		kshim_slab_rcu_barrier();
	pthread_mutex_lock(&slab_mutex);
	if (--s->refcount) {
		pthread_mutex_unlock(&slab_mutex);
		return;
	}
	err = kshim_cache_shutdown(s, site);
	if (!err)
		list_del(&s->list);
	else
		s->refcount++;	/* kept, as the kernel keeps it */
	pthread_mutex_unlock(&slab_mutex);
	if (err) {
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "%s %s: Slab cache still has objects when called from %s",
			     "kmem_cache_destroy", s->name,
			     site->func ? site->func : "?");
		return;
	}
	/* The slabs shutdown gave back wait for a grace period too. */
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		kshim_slab_rcu_barrier();
	kshim_cache_release(s);
}

void (kmem_cache_destroy)(struct kmem_cache *s)
{
	static const struct kshim_site site = {
		"kmem_cache_destroy", 0, "kmem_cache_destroy", NULL
	};

	__kshim_kmem_cache_destroy(s, &site);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	return kshim_cache_shrink(s);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

const char *kmem_cache_name(struct kmem_cache *s)
{
	return s->name;
}

void *__kshim_kmem_cache_alloc(struct kmem_cache *s, gfp_t flags, int node,
			       const struct kshim_site *site)
{
	return kshim_slab_alloc(s, flags, node, s->object_size, site);
}

/* cache_from_obj() + virt_to_cache() (mm/slab.h), then slab_free() */
void __kshim_kmem_cache_free(struct kmem_cache *s, void *x,
			     const struct kshim_site *site)
{
	struct kshim_slab *sl;

	if (unlikely(!x))
		return;
	if (unlikely(!virt_addr_valid(x))) {
		bad_free("kmem_cache_free", x, site);
		return;
	}
	sl = kshim_virt_to_slab(x);
	if (unlikely(!sl)) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN,
				     "%s: Object is not a Slab page!\n",
				     "virt_to_cache");
		return;
	}
	if (unlikely(s && sl->cache != s)) {
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN,
			     "%s: Wrong slab cache. %s but object is from %s\n",
			     "cache_from_obj", s->name, sl->cache->name);
		kshim_slab_print_tracking(sl, x);
	}
	kshim_slab_free(sl->cache, sl, x, site);
}

void (kmem_cache_free)(struct kmem_cache *s, void *x)
{
	static const struct kshim_site site = {
		"kmem_cache_free", 0, "kmem_cache_free", NULL
	};

	__kshim_kmem_cache_free(s, x, &site);
}

__thread bool kshim_slab_in_bulk;

int __kshim_kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags,
				  size_t size, void **p,
				  const struct kshim_site *site)
{
	size_t i;

	/* slab_pre_alloc_hook() once per bulk: one failslab decision. */
	if (kshim_should_failslab(s, current_gfp_context(flags), site))
		return 0;
	for (i = 0; i < size; i++) {
		kshim_slab_in_bulk = true;
		p[i] = kshim_slab_alloc(s, flags, NUMA_NO_NODE,
					s->object_size, site);
		kshim_slab_in_bulk = false;
		if (unlikely(!p[i])) {
			/* __kmem_cache_free_bulk(): all or nothing */
			__kshim_kmem_cache_free_bulk(s, i, p, site);
			return 0;
		}
	}
	return (int)i;
}

void __kshim_kmem_cache_free_bulk(struct kmem_cache *s, size_t size,
				  void **p, const struct kshim_site *site)
{
	size_t i;

	for (i = 0; i < size; i++) {
		if (!s)
			__kshim_kfree(p[i], site);
		else
			__kshim_kmem_cache_free(s, p[i], site);
	}
}

/* ---- kmemleak-grade leak report: the ledger entry ---- */

static long ledger_live(void *arg)
{
	return __atomic_load_n(&kshim_large_live, __ATOMIC_RELAXED) +
	       kshim_slab_live_objects(false);
}

#define MAX_LEAK_LINES 10

void kshim_slab_explain_leaks(void *arg)
{
	unsigned long lines = 0, total = 0;
	struct large_kmalloc *lk;
	struct kmem_cache *s;

	pthread_mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		kshim_slab_list_leaks(s, &lines, &total, MAX_LEAK_LINES);
	pthread_mutex_unlock(&slab_mutex);
	pthread_mutex_lock(&large_lock);
	for (lk = large_list; lk; lk = lk->next) {
		if (lk->gen != kshim_slab_gen || lk->not_leak)
			continue;
		if (lines++ < MAX_LEAK_LINES)
			pr_err("kshim: unreferenced object 0x%p (size %zu): kmalloc (pages, order %u) allocated at %s:%d (%s)\n",
			       page_address(lk->page), lk->size, lk->order,
			       lk->site->file, lk->site->line,
			       lk->site->func);
		total++;
	}
	pthread_mutex_unlock(&large_lock);
	if (total > MAX_LEAK_LINES)
		pr_err("kshim: ... and %lu more leaked object(s)\n",
		       total - MAX_LEAK_LINES);
}

/* ---- the subsystem ---- */

void kshim_slab_init(void)
{
	static bool registered;

	if (!registered) {
		registered = true;
		kshim_ledger_add("slab objects allocated", ledger_live,
				 kshim_slab_explain_leaks, NULL);
	}
}

/*
 * A reboot: the slabs and large kmallocs die with the RAM; the kmalloc
 * caches go too (the next boot makes them with its own KSHIM_SLUB_DEBUG),
 * the caches drivers made stay, empty.
 */
void kshim_slab_exit(void)
{
	struct large_kmalloc *lk, *next;
	unsigned int t, i;

	kshim_slab_forget_all();
	pthread_mutex_lock(&large_lock);
	for (lk = large_list; lk; lk = next) {
		next = lk->next;
		free(lk);
	}
	large_list = NULL;
	pthread_mutex_unlock(&large_lock);
	__atomic_store_n(&kshim_large_live, 0, __ATOMIC_RELAXED);
	pthread_mutex_lock(&slab_mutex);
	for (t = 0; t < NR_KMALLOC_TYPES; t++) {
		for (i = 0; i < NR_KMALLOC_SIZES; i++) {
			struct kmem_cache *s = kmalloc_caches[t][i];

			if (!s)
				continue;
			__atomic_store_n(&kmalloc_caches[t][i], NULL,
					 __ATOMIC_RELEASE);
			list_del(&s->list);
			kshim_cache_release(s);
		}
	}
	pthread_mutex_unlock(&slab_mutex);
}

void kshim_slab_test_begin(void)
{
	/* Objects from before the test (suite setup) are not its leaks. */
	__atomic_store_n(&kshim_large_live, 0, __ATOMIC_RELAXED);
	kshim_slab_live_objects(true);
	__atomic_fetch_add(&kshim_slab_gen, 1, __ATOMIC_RELAXED);
	kshim_slab_reopen_all();
}

void kshim_slab_test_end(void)
{
	kshim_slab_flush_quarantine();
	kshim_slab_scan_all();
}
