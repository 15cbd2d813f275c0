/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mempool.h - memory pools: a reserve of preallocated elements that
 * keeps an allocation path going when the allocator underneath fails.
 *
 * Follows include/linux/mempool.h and mm/mempool.c of 6.1 (see
 * compat/mm/mempool.c for the behaviour).  Every entry point that can
 * report, sleep or leak is a macro passing its caller's position
 * (__KSHIM_CALLSITE) to a __kshim_* function, so a might_sleep report, a
 * "mempool element poison mismatch" or a leaked element names the
 * driver's line; each also exists as a real function of the kernel's
 * name (declared before its macro), for code that takes its address.
 * The helper allocators (mempool_kmalloc, mempool_alloc_slab,
 * mempool_alloc_pages and their frees) are real functions, compared by
 * address as the kernel does; called directly they pass the caller's
 * position too.  The 6.1 static inline helpers (mempool_init_*_pool,
 * mempool_create_*_pool) are macros here for the same reason.
 * mempool_is_saturated() is from 6.3 (kept: drivers backported to 6.1
 * trees use it).
 */
#ifndef _LINUX_MEMPOOL_H
#define _LINUX_MEMPOOL_H

#include <linux/wait.h>
#include <linux/compiler.h>
#include <kshim/site.h>

struct kmem_cache;

typedef void * (mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void (mempool_free_t)(void *element, void *pool_data);

typedef struct mempool_s {
	spinlock_t lock;
	int min_nr;		/* nr of elements at *elements */
	int curr_nr;		/* Current nr of elements at *elements */
	void **elements;

	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
	wait_queue_head_t wait;
} mempool_t;

static inline bool mempool_initialized(mempool_t *pool)
{
	return pool->elements != NULL;
}

static inline bool mempool_is_saturated(mempool_t *pool)
{
	return READ_ONCE(pool->curr_nr) >= pool->min_nr;
}

/* The kernel's functions, for their addresses (kshim's site inside). */
void mempool_exit(mempool_t *pool);
int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data,
		      gfp_t gfp_mask, int node_id);
int mempool_init(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		 mempool_free_t *free_fn, void *pool_data);
extern mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			mempool_free_t *free_fn, void *pool_data);
extern mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn,
			mempool_free_t *free_fn, void *pool_data,
			gfp_t gfp_mask, int nid);
extern int mempool_resize(mempool_t *pool, int new_min_nr);
extern void mempool_destroy(mempool_t *pool);
extern void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask) __malloc;
extern void mempool_free(void *element, mempool_t *pool);

/*
 * A mempool_alloc_t and mempool_free_t that get the memory from
 * a slab cache that is passed in through pool_data.
 * Note: the slab cache may not have a ctor function.
 */
void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);
/*
 * a mempool_alloc_t and a mempool_free_t to kmalloc and kfree the
 * amount of memory specified by pool_data
 */
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);
/*
 * A mempool_alloc_t and mempool_free_t for a simple page allocator that
 * allocates pages of the order specified by pool_data
 */
void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);

/* The same with the caller's position. */
void __kshim_mempool_exit(mempool_t *pool, const struct kshim_site *site);
int __kshim_mempool_init_node(mempool_t *pool, int min_nr,
			      mempool_alloc_t *alloc_fn,
			      mempool_free_t *free_fn, void *pool_data,
			      gfp_t gfp_mask, int node_id,
			      const struct kshim_site *site);
int __kshim_mempool_init(mempool_t *pool, int min_nr,
			 mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			 void *pool_data, const struct kshim_site *site);
mempool_t *__kshim_mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn,
				       mempool_free_t *free_fn,
				       void *pool_data, gfp_t gfp_mask,
				       int nid, const struct kshim_site *site);
mempool_t *__kshim_mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
				  mempool_free_t *free_fn, void *pool_data,
				  const struct kshim_site *site);
int __kshim_mempool_resize(mempool_t *pool, int new_min_nr,
			   const struct kshim_site *site);
void __kshim_mempool_destroy(mempool_t *pool, const struct kshim_site *site);
void *__kshim_mempool_alloc(mempool_t *pool, gfp_t gfp_mask,
			    const struct kshim_site *site) __malloc;
void __kshim_mempool_free(void *element, mempool_t *pool,
			  const struct kshim_site *site);
void *__kshim_mempool_alloc_slab(gfp_t gfp_mask, void *pool_data,
				 const struct kshim_site *site);
void __kshim_mempool_free_slab(void *element, void *pool_data,
			       const struct kshim_site *site);
void *__kshim_mempool_kmalloc(gfp_t gfp_mask, void *pool_data,
			      const struct kshim_site *site);
void __kshim_mempool_kfree(void *element, void *pool_data,
			   const struct kshim_site *site);
void *__kshim_mempool_alloc_pages(gfp_t gfp_mask, void *pool_data,
				  const struct kshim_site *site);
void __kshim_mempool_free_pages(void *element, void *pool_data,
				const struct kshim_site *site);

#define mempool_exit(pool)	__kshim_mempool_exit(pool, __KSHIM_CALLSITE)
#define mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data,	\
			  gfp_mask, node_id)				\
	__kshim_mempool_init_node(pool, min_nr, alloc_fn, free_fn,	\
				  pool_data, gfp_mask, node_id,		\
				  __KSHIM_CALLSITE)
#define mempool_init(pool, min_nr, alloc_fn, free_fn, pool_data)	\
	__kshim_mempool_init(pool, min_nr, alloc_fn, free_fn, pool_data, \
			     __KSHIM_CALLSITE)
#define mempool_create(min_nr, alloc_fn, free_fn, pool_data)		\
	__kshim_mempool_create(min_nr, alloc_fn, free_fn, pool_data,	\
			       __KSHIM_CALLSITE)
#define mempool_create_node(min_nr, alloc_fn, free_fn, pool_data,	\
			    gfp_mask, nid)				\
	__kshim_mempool_create_node(min_nr, alloc_fn, free_fn, pool_data, \
				    gfp_mask, nid, __KSHIM_CALLSITE)
#define mempool_resize(pool, new_min_nr)				\
	__kshim_mempool_resize(pool, new_min_nr, __KSHIM_CALLSITE)
#define mempool_destroy(pool)						\
	__kshim_mempool_destroy(pool, __KSHIM_CALLSITE)
#define mempool_alloc(pool, gfp_mask)					\
	__kshim_mempool_alloc(pool, gfp_mask, __KSHIM_CALLSITE)
#define mempool_free(element, pool)					\
	__kshim_mempool_free(element, pool, __KSHIM_CALLSITE)

#define mempool_alloc_slab(gfp_mask, pool_data)				\
	__kshim_mempool_alloc_slab(gfp_mask, pool_data, __KSHIM_CALLSITE)
#define mempool_free_slab(element, pool_data)				\
	__kshim_mempool_free_slab(element, pool_data, __KSHIM_CALLSITE)
#define mempool_kmalloc(gfp_mask, pool_data)				\
	__kshim_mempool_kmalloc(gfp_mask, pool_data, __KSHIM_CALLSITE)
#define mempool_kfree(element, pool_data)				\
	__kshim_mempool_kfree(element, pool_data, __KSHIM_CALLSITE)
#define mempool_alloc_pages(gfp_mask, pool_data)			\
	__kshim_mempool_alloc_pages(gfp_mask, pool_data, __KSHIM_CALLSITE)
#define mempool_free_pages(element, pool_data)				\
	__kshim_mempool_free_pages(element, pool_data, __KSHIM_CALLSITE)

/* 6.1's static inline helpers, typed as there, with the caller's site. */
static inline int
__kshim_mempool_init_slab_pool(mempool_t *pool, int min_nr,
			       struct kmem_cache *kc,
			       const struct kshim_site *site)
{
	return __kshim_mempool_init(pool, min_nr, mempool_alloc_slab,
				    mempool_free_slab, (void *) kc, site);
}

static inline mempool_t *
__kshim_mempool_create_slab_pool(int min_nr, struct kmem_cache *kc,
				 const struct kshim_site *site)
{
	return __kshim_mempool_create(min_nr, mempool_alloc_slab,
				      mempool_free_slab, (void *) kc, site);
}

static inline int
__kshim_mempool_init_kmalloc_pool(mempool_t *pool, int min_nr, size_t size,
				  const struct kshim_site *site)
{
	return __kshim_mempool_init(pool, min_nr, mempool_kmalloc,
				    mempool_kfree, (void *) size, site);
}

static inline mempool_t *
__kshim_mempool_create_kmalloc_pool(int min_nr, size_t size,
				    const struct kshim_site *site)
{
	return __kshim_mempool_create(min_nr, mempool_kmalloc, mempool_kfree,
				      (void *) size, site);
}

static inline int
__kshim_mempool_init_page_pool(mempool_t *pool, int min_nr, int order,
			       const struct kshim_site *site)
{
	return __kshim_mempool_init(pool, min_nr, mempool_alloc_pages,
				    mempool_free_pages, (void *)(long)order,
				    site);
}

static inline mempool_t *
__kshim_mempool_create_page_pool(int min_nr, int order,
				 const struct kshim_site *site)
{
	return __kshim_mempool_create(min_nr, mempool_alloc_pages,
				      mempool_free_pages, (void *)(long)order,
				      site);
}

#define mempool_init_slab_pool(pool, min_nr, kc)			\
	__kshim_mempool_init_slab_pool(pool, min_nr, kc, __KSHIM_CALLSITE)
#define mempool_create_slab_pool(min_nr, kc)				\
	__kshim_mempool_create_slab_pool(min_nr, kc, __KSHIM_CALLSITE)
#define mempool_init_kmalloc_pool(pool, min_nr, size)			\
	__kshim_mempool_init_kmalloc_pool(pool, min_nr, size,		\
					  __KSHIM_CALLSITE)
#define mempool_create_kmalloc_pool(min_nr, size)			\
	__kshim_mempool_create_kmalloc_pool(min_nr, size, __KSHIM_CALLSITE)
#define mempool_init_page_pool(pool, min_nr, order)			\
	__kshim_mempool_init_page_pool(pool, min_nr, order, __KSHIM_CALLSITE)
#define mempool_create_page_pool(min_nr, order)				\
	__kshim_mempool_create_page_pool(min_nr, order, __KSHIM_CALLSITE)

/* What the kernel's linux/mempool.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/rcupdate.h>
#include <linux/time64.h>

#endif /* _LINUX_MEMPOOL_H */
