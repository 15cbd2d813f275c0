// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/mempool.c - memory pools.
 *
 * Reproduces mm/mempool.c of 6.1 (CONFIG_SLUB_DEBUG_ON, CONFIG_HIGHMEM,
 * with KASAN's part played by the host's checkers):
 *  - mempool_init*()/mempool_create*() preallocate min_nr elements with
 *    the pool's allocator; a failure undoes everything (-ENOMEM / NULL);
 *  - mempool_alloc() is a might_sleep point for a blocking gfp (at the
 *    driver's line), warns once for __GFP_ZERO, tries the allocator with
 *    __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN and, on the first
 *    pass, without direct reclaim and IO; then takes a reserved element;
 *    then retries the allocator with the caller's full gfp; then, for a
 *    blocking gfp, really sleeps on the pool's wait queue until
 *    mempool_free() gives an element back (or 5 s pass, as the kernel's
 *    io_schedule_timeout(5*HZ)) and starts over; a non-blocking gfp gets
 *    NULL;
 *  - mempool_free() refills the reserve while it is below min_nr (and
 *    wakes the waiters), else frees to the allocator;
 *  - elements resting in the reserve of a slab/kmalloc/page pool are
 *    filled with POISON_FREE..POISON_END and checked when they are taken
 *    out: a write to an element after mempool_free() is the kernel's
 *    "BUG: mempool element poison mismatch" report (class
 *    memory_corruption, like page poisoning's "pagealloc: memory
 *    corruption") naming the driver's line that took the element out;
 *    under ASan and Valgrind the resting element is also inaccessible
 *    (the kernel's kasan_poison_element()), so the bad write itself is
 *    the sanitizer's report;
 *  - mempool_resize() grows and shrinks the reserve; mempool_exit() and
 *    mempool_destroy() free the reserve only: elements still handed out
 *    stay allocated, and the slab or page ledger reports them at test end
 *    with the driver's mempool_alloc() line (see "where elements come
 *    from" below).
 *
 * Deviation: mempool_free() decides under pool->lock whether the reserve
 * needs the element, where 6.1 first looks at curr_nr without it (an
 * smp_rmb() paired with an smp_wmb() in mempool_alloc()).  The outcome is
 * the same; the lock lets ThreadSanitizer and helgrind see the ordering.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kmemleak.h>
#include <linux/mempool.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "kshim/internal.h"
#include "arch/poison.h"
#include "mm/internal.h"
#include "mm/slab.h"		/* pool_is_slab(): the cache behind a slab pool */

/* POISON_INUSE, POISON_FREE, POISON_END: mm/slab.h (linux/poison.h) */

/* The real functions' own position (code that called them by address). */
#define HERE	__KSHIM_CALLSITE

/* ---- where elements come from ---- */

/*
 * The kernel's helper allocators record mm/mempool.c as the allocation
 * site.  Here the driver's call (mempool_alloc(), mempool_create()...)
 * is passed down to kmalloc, kmem_cache_alloc and alloc_pages, so a leaked
 * element, fault injection's site= and the allocator's own reports name
 * the driver's line.  Other allocators are called as they are.
 */
static bool pool_is_slab(const mempool_t *pool)
{
	return pool->alloc == mempool_alloc_slab ||
	       pool->alloc == mempool_kmalloc;
}

static void *pool_alloc_element(mempool_t *pool, gfp_t gfp,
				const struct kshim_site *site)
{
	if (pool->alloc == mempool_kmalloc)
		return __kshim_mempool_kmalloc(gfp, pool->pool_data, site);
	if (pool->alloc == mempool_alloc_slab)
		return __kshim_mempool_alloc_slab(gfp, pool->pool_data, site);
	if (pool->alloc == mempool_alloc_pages)
		return __kshim_mempool_alloc_pages(gfp, pool->pool_data, site);
	return pool->alloc(gfp, pool->pool_data);
}

static void pool_free_element(mempool_t *pool, void *element,
			      const struct kshim_site *site)
{
	if (pool->free == mempool_kfree)
		__kshim_mempool_kfree(element, pool->pool_data, site);
	else if (pool->free == mempool_free_slab)
		__kshim_mempool_free_slab(element, pool->pool_data, site);
	else if (pool->free == mempool_free_pages)
		__kshim_mempool_free_pages(element, pool->pool_data, site);
	else
		pool->free(element, pool->pool_data);
}

static void update_trace(mempool_t *pool, void *element,
			 const struct kshim_site *site)
{
	if (pool_is_slab(pool))
		__kshim_kmemleak_update_trace(element, site);
	else if (pool->alloc == mempool_alloc_pages)
		kshim_page_owner_set(element, (int)(long)pool->pool_data,
				     site->file, site->line);
}

/* ---- element poisoning (CONFIG_SLUB_DEBUG_ON) ---- */

/* The kernel's poison_error(): the damaged byte and its neighbours. */
static void poison_error(mempool_t *pool, void *element, size_t size,
			 size_t byte, const struct kshim_site *site)
{
	const int around = BITS_PER_LONG / 8;
	int first = (int)byte - around, last = (int)byte + around;
	const unsigned char *mem = element;
	int i;

	if (first < 0)
		first = 0;
	if (last > (int)size)
		last = (int)size;
	kshim_report_begin(KSHIM_REPORT_MEMORY_CORRUPTION, site->file,
			   site->line, site->func);
	pr_err("BUG: mempool element poison mismatch\n");
	pr_err("Mempool %p size %zu\n", pool, size);
	pr_err(" nr=%d @ %p: %s0x", pool->curr_nr, element,
	       first ? "... " : "");
	for (i = first; i < last; i++)
		pr_cont("%x ", mem[i]);
	pr_cont("%s\n", last < (int)size ? "..." : "");
	dump_stack();
	kshim_report_end();
}

/* The pattern must be intact; the element leaves as POISON_INUSE. */
static void check_range(mempool_t *pool, void *element, size_t size,
			const struct kshim_site *site)
{
	unsigned char *mem = element;
	size_t i;

	if (!size)		/* ZERO_SIZE_PTR of a 0-byte kmalloc pool */
		return;
	for (i = 0; i + 1 < size; i++)
		if (mem[i] != POISON_FREE)
			break;
	if (i + 1 < size || mem[size - 1] != POISON_END)
		poison_error(pool, element, size, i, site);
	else
		memset(mem, POISON_INUSE, size);
}

static void poison_range(void *element, size_t size)
{
	unsigned char *mem = element;

	if (!size)
		return;
	memset(mem, POISON_FREE, size - 1);
	mem[size - 1] = POISON_END;
}

/* Each page of a page pool's element, through kmap_local_page(). */
static void for_each_element_page(mempool_t *pool, void *element,
				  void (*fn)(mempool_t *pool, void *addr,
					     const struct kshim_site *site),
				  const struct kshim_site *site)
{
	int order = (int)(long)pool->pool_data, i;
	struct page *page = element;

	for (i = 0; i < (1 << order); i++) {
		void *addr = kmap_local_page(page + i);

		fn(pool, addr, site);
		kunmap_local(addr);
	}
}

static void check_page(mempool_t *pool, void *addr,
		       const struct kshim_site *site)
{
	check_range(pool, addr, PAGE_SIZE, site);
}

static void poison_page(mempool_t *pool, void *addr,
			const struct kshim_site *site)
{
	poison_range(addr, PAGE_SIZE);
}

static void check_element(mempool_t *pool, void *element,
			  const struct kshim_site *site)
{
	if (pool->free == mempool_free_slab || pool->free == mempool_kfree)
		check_range(pool, element, ksize(element), site);
	else if (pool->free == mempool_free_pages)
		for_each_element_page(pool, element, check_page, site);
}

static void poison_element(mempool_t *pool, void *element)
{
	if (pool_is_slab(pool))
		poison_range(element, ksize(element));
	else if (pool->alloc == mempool_alloc_pages)
		for_each_element_page(pool, element, poison_page, NULL);
}

/*
 * kasan_poison_element()/kasan_unpoison_element(): ASan and memcheck see
 * a resting element as inaccessible.  Highmem pages have no address to
 * watch (KASAN does not cover highmem either).
 */
static void hide_element(mempool_t *pool, void *element, bool hide)
{
	void *va = NULL;
	size_t len = 0;

	if (pool_is_slab(pool)) {
		va = element;
		len = ksize(element);
	} else if (pool->alloc == mempool_alloc_pages &&
		   !PageHighMem((struct page *)element)) {
		va = page_address((struct page *)element);
		len = PAGE_SIZE << (int)(long)pool->pool_data;
	}
	if (!len)
		return;
	if (hide)
		arch_poison_free(va, len);
	else
		arch_poison_alloc(va, len);
}

/* ---- the reserve (pool->lock held, or the pool not shared yet) ---- */

static void add_element(mempool_t *pool, void *element)
{
	BUG_ON(pool->curr_nr >= pool->min_nr);
	poison_element(pool, element);
	hide_element(pool, element, true);
	pool->elements[pool->curr_nr] = element;
	WRITE_ONCE(pool->curr_nr, pool->curr_nr + 1);
}

static void *remove_element(mempool_t *pool, const struct kshim_site *site)
{
	void *element;

	BUG_ON(pool->curr_nr <= 0);
	WRITE_ONCE(pool->curr_nr, pool->curr_nr - 1);
	element = pool->elements[pool->curr_nr];
	hide_element(pool, element, false);
	check_element(pool, element, site);
	return element;
}

/* ---- the API ---- */

void __kshim_mempool_exit(mempool_t *pool, const struct kshim_site *site)
{
	while (pool->curr_nr) {
		void *element = remove_element(pool, site);

		pool_free_element(pool, element, site);
	}
	__kshim_kfree(pool->elements, site);
	pool->elements = NULL;
}

void __kshim_mempool_destroy(mempool_t *pool, const struct kshim_site *site)
{
	if (unlikely(!pool))
		return;
	__kshim_mempool_exit(pool, site);
	__kshim_kfree(pool, site);
}

int __kshim_mempool_init_node(mempool_t *pool, int min_nr,
			      mempool_alloc_t *alloc_fn,
			      mempool_free_t *free_fn, void *pool_data,
			      gfp_t gfp_mask, int node_id,
			      const struct kshim_site *site)
{
	spin_lock_init(&pool->lock);
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	init_waitqueue_head(&pool->wait);

	/* kmalloc_array_node(): a negative min_nr overflows, NULL. */
	pool->elements = min_nr < 0 ? NULL :
		__kshim_kmalloc_array((size_t)min_nr, sizeof(void *),
				      gfp_mask, node_id, site);
	if (!pool->elements)
		return -ENOMEM;

	/* The guaranteed elements, all of them now. */
	while (pool->curr_nr < pool->min_nr) {
		void *element = pool_alloc_element(pool, gfp_mask, site);

		if (unlikely(!element)) {
			__kshim_mempool_exit(pool, site);
			return -ENOMEM;
		}
		add_element(pool, element);
	}
	return 0;
}

int __kshim_mempool_init(mempool_t *pool, int min_nr,
			 mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			 void *pool_data, const struct kshim_site *site)
{
	return __kshim_mempool_init_node(pool, min_nr, alloc_fn, free_fn,
					 pool_data, GFP_KERNEL, NUMA_NO_NODE,
					 site);
}

mempool_t *__kshim_mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn,
				       mempool_free_t *free_fn,
				       void *pool_data, gfp_t gfp_mask,
				       int node_id,
				       const struct kshim_site *site)
{
	mempool_t *pool;

	pool = __kshim_kmalloc(sizeof(*pool), gfp_mask | __GFP_ZERO, node_id,
			       site);
	if (!pool)
		return NULL;
	if (__kshim_mempool_init_node(pool, min_nr, alloc_fn, free_fn,
				      pool_data, gfp_mask, node_id, site)) {
		__kshim_kfree(pool, site);
		return NULL;
	}
	return pool;
}

mempool_t *__kshim_mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
				  mempool_free_t *free_fn, void *pool_data,
				  const struct kshim_site *site)
{
	return __kshim_mempool_create_node(min_nr, alloc_fn, free_fn,
					   pool_data, GFP_KERNEL,
					   NUMA_NO_NODE, site);
}

int __kshim_mempool_resize(mempool_t *pool, int new_min_nr,
			   const struct kshim_site *site)
{
	void **new_elements;
	unsigned long flags;
	void *element;

	if (unlikely(new_min_nr <= 0))		/* BUG_ON() */
		__kshim_bug(site->file, site->line, site->func, site->mod);
	__kshim_might_sleep(site->file, site->line, site->func);

	spin_lock_irqsave(&pool->lock, flags);
	if (new_min_nr <= pool->min_nr) {
		/* Shrink: the surplus goes back to the allocator. */
		while (new_min_nr < pool->curr_nr) {
			element = remove_element(pool, site);
			spin_unlock_irqrestore(&pool->lock, flags);
			pool_free_element(pool, element, site);
			spin_lock_irqsave(&pool->lock, flags);
		}
		pool->min_nr = new_min_nr;
		spin_unlock_irqrestore(&pool->lock, flags);
		return 0;
	}
	spin_unlock_irqrestore(&pool->lock, flags);

	/* Grow: a larger array first, then fill it as far as possible. */
	new_elements = __kshim_kmalloc_array(new_min_nr, sizeof(*new_elements),
					     GFP_KERNEL, NUMA_NO_NODE, site);
	if (!new_elements)
		return -ENOMEM;

	spin_lock_irqsave(&pool->lock, flags);
	if (unlikely(new_min_nr <= pool->min_nr)) {
		/* A concurrent resize grew it already. */
		spin_unlock_irqrestore(&pool->lock, flags);
		__kshim_kfree(new_elements, site);
		return 0;
	}
	memcpy(new_elements, pool->elements,
	       pool->curr_nr * sizeof(*new_elements));
	__kshim_kfree(pool->elements, site);
	pool->elements = new_elements;
	pool->min_nr = new_min_nr;

	while (pool->curr_nr < pool->min_nr) {
		spin_unlock_irqrestore(&pool->lock, flags);
		element = pool_alloc_element(pool, GFP_KERNEL, site);
		if (!element)
			return 0;	/* mempool_free() will refill it */
		spin_lock_irqsave(&pool->lock, flags);
		if (pool->curr_nr >= pool->min_nr) {
			/* Filled meanwhile by mempool_free(). */
			spin_unlock_irqrestore(&pool->lock, flags);
			pool_free_element(pool, element, site);
			return 0;
		}
		add_element(pool, element);
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	return 0;
}

void *__kshim_mempool_alloc(mempool_t *pool, gfp_t gfp_mask,
			    const struct kshim_site *site)
{
	static bool warned_zero;
	unsigned long flags, seq;
	gfp_t gfp_temp;
	void *element;

	/* VM_WARN_ON_ONCE(gfp_mask & __GFP_ZERO), at the driver's line */
	if (unlikely(gfp_mask & __GFP_ZERO) &&
	    !__atomic_exchange_n(&warned_zero, true, __ATOMIC_RELAXED))
		__kshim_warn(site->file, site->line, site->func, site->mod,
			     TAINT_WARN, NULL);
	/* might_alloc() */
	if (gfpflags_allow_blocking(gfp_mask))
		__kshim_might_sleep(site->file, site->line, site->func);

	/* No emergency reserves, no looping, no failure messages. */
	gfp_mask |= __GFP_NOMEMALLOC | __GFP_NORETRY | __GFP_NOWARN;
	/* The first pass neither reclaims nor does IO. */
	gfp_temp = gfp_mask & ~(__GFP_DIRECT_RECLAIM | __GFP_IO);

	for (;;) {
		element = pool_alloc_element(pool, gfp_temp, site);
		if (likely(element))
			return element;

		spin_lock_irqsave(&pool->lock, flags);
		if (likely(pool->curr_nr)) {
			element = remove_element(pool, site);
			spin_unlock_irqrestore(&pool->lock, flags);
			update_trace(pool, element, site);
			return element;
		}

		/* Reserve empty: retry at once with the full gfp. */
		if (gfp_temp != gfp_mask) {
			spin_unlock_irqrestore(&pool->lock, flags);
			gfp_temp = gfp_mask;
			continue;
		}

		/* Without __GFP_DIRECT_RECLAIM there is no waiting. */
		if (!(gfp_mask & __GFP_DIRECT_RECLAIM)) {
			spin_unlock_irqrestore(&pool->lock, flags);
			return NULL;
		}

		/*
		 * Wait for mempool_free() to give an element back:
		 * prepare_to_wait() under the lock, so a free after it is
		 * not missed; then io_schedule_timeout(5*HZ) and retry.
		 */
		seq = __kshim_wait_prepare(&pool->wait);
		spin_unlock_irqrestore(&pool->lock, flags);
		__kshim_wait_sleep(&pool->wait, seq, 5 * kshim_hz(),
				   TASK_UNINTERRUPTIBLE, site);
	}
}

void __kshim_mempool_free(void *element, mempool_t *pool,
			  const struct kshim_site *site)
{
	unsigned long flags;

	if (unlikely(element == NULL))
		return;

	/* Below min_nr (a waiter sees curr_nr 0): refill and wake. */
	spin_lock_irqsave(&pool->lock, flags);
	if (unlikely(pool->curr_nr < pool->min_nr)) {
		add_element(pool, element);
		spin_unlock_irqrestore(&pool->lock, flags);
		wake_up(&pool->wait);
		return;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	pool_free_element(pool, element, site);
}

/* ---- the helper allocators ---- */

void *__kshim_mempool_alloc_slab(gfp_t gfp_mask, void *pool_data,
				 const struct kshim_site *site)
{
	struct kmem_cache *mem = pool_data;

	/* VM_BUG_ON(mem->ctor): the reserve would hand out poison */
	if (unlikely(mem->ctor))
		__kshim_bug(site->file, site->line, site->func, site->mod);
	return __kshim_kmem_cache_alloc(mem, gfp_mask, NUMA_NO_NODE, site);
}

void __kshim_mempool_free_slab(void *element, void *pool_data,
			       const struct kshim_site *site)
{
	struct kmem_cache *mem = pool_data;

	__kshim_kmem_cache_free(mem, element, site);
}

void *__kshim_mempool_kmalloc(gfp_t gfp_mask, void *pool_data,
			      const struct kshim_site *site)
{
	return __kshim_kmalloc((size_t)pool_data, gfp_mask, NUMA_NO_NODE,
			       site);
}

void __kshim_mempool_kfree(void *element, void *pool_data,
			   const struct kshim_site *site)
{
	__kshim_kfree(element, site);
}

void *__kshim_mempool_alloc_pages(gfp_t gfp_mask, void *pool_data,
				  const struct kshim_site *site)
{
	return __kshim_alloc_pages_at(gfp_mask, (int)(long)pool_data,
				      NUMA_NO_NODE, site);
}

void __kshim_mempool_free_pages(void *element, void *pool_data,
				const struct kshim_site *site)
{
	__kshim_free_pages_at(element, (int)(long)pool_data, site);
}

/* ---- the kernel's names as real functions ---- */

void (mempool_exit)(mempool_t *pool)
{
	__kshim_mempool_exit(pool, HERE);
}

int (mempool_init_node)(mempool_t *pool, int min_nr,
			mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			void *pool_data, gfp_t gfp_mask, int node_id)
{
	return __kshim_mempool_init_node(pool, min_nr, alloc_fn, free_fn,
					 pool_data, gfp_mask, node_id, HERE);
}

int (mempool_init)(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		   mempool_free_t *free_fn, void *pool_data)
{
	return __kshim_mempool_init(pool, min_nr, alloc_fn, free_fn,
				    pool_data, HERE);
}

mempool_t *(mempool_create)(int min_nr, mempool_alloc_t *alloc_fn,
			    mempool_free_t *free_fn, void *pool_data)
{
	return __kshim_mempool_create(min_nr, alloc_fn, free_fn, pool_data,
				      HERE);
}

mempool_t *(mempool_create_node)(int min_nr, mempool_alloc_t *alloc_fn,
				 mempool_free_t *free_fn, void *pool_data,
				 gfp_t gfp_mask, int nid)
{
	return __kshim_mempool_create_node(min_nr, alloc_fn, free_fn,
					   pool_data, gfp_mask, nid, HERE);
}

int (mempool_resize)(mempool_t *pool, int new_min_nr)
{
	return __kshim_mempool_resize(pool, new_min_nr, HERE);
}

void (mempool_destroy)(mempool_t *pool)
{
	__kshim_mempool_destroy(pool, HERE);
}

void *(mempool_alloc)(mempool_t *pool, gfp_t gfp_mask)
{
	return __kshim_mempool_alloc(pool, gfp_mask, HERE);
}

void (mempool_free)(void *element, mempool_t *pool)
{
	__kshim_mempool_free(element, pool, HERE);
}

void *(mempool_alloc_slab)(gfp_t gfp_mask, void *pool_data)
{
	return __kshim_mempool_alloc_slab(gfp_mask, pool_data, HERE);
}

void (mempool_free_slab)(void *element, void *pool_data)
{
	__kshim_mempool_free_slab(element, pool_data, HERE);
}

void *(mempool_kmalloc)(gfp_t gfp_mask, void *pool_data)
{
	return __kshim_mempool_kmalloc(gfp_mask, pool_data, HERE);
}

void (mempool_kfree)(void *element, void *pool_data)
{
	__kshim_mempool_kfree(element, pool_data, HERE);
}

void *(mempool_alloc_pages)(gfp_t gfp_mask, void *pool_data)
{
	return __kshim_mempool_alloc_pages(gfp_mask, pool_data, HERE);
}

void (mempool_free_pages)(void *element, void *pool_data)
{
	__kshim_mempool_free_pages(element, pool_data, HERE);
}
