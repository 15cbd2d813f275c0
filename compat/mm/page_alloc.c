// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/page_alloc.c - the buddy allocator.
 *
 * Reproduces mm/page_alloc.c of 6.8 as drivers see it: orders 0..10 per
 * zone, split on allocation and merged with free buddies on free; zone
 * fallback HIGHMEM -> NORMAL -> DMA as the gfp mask allows, preferred node
 * first; __GFP_ZERO, __GFP_COMP (head/tail pages), __GFP_NOWARN; order >
 * MAX_PAGE_ORDER warns once and fails; exhaustion prints "page allocation
 * failure" (rate limited) and returns NULL.  Frees check the pages as
 * free_pages_prepare() does and leak a block in a bad state.
 *
 * Zones start empty: memory is carved from a per-zone frontier, in the
 * largest aligned blocks that fit, the first time it is needed, so boot
 * costs nothing however large the machine is.
 *
 * Order-0 pages go through per-CPU lists as in the kernel (a kshim "CPU"
 * is a thread): see "per-CPU page lists" below.
 */
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/debugobjects.h>
#include <linux/gfp.h>
#include <linux/sched/mm.h>
#include <linux/list.h>
#include <linux/might_sleep.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>

#include "kshim/internal.h"
#include "kernel/sched/sched.h"
#include "arch/fault.h"
#include "arch/membarrier.h"
#include "mm/internal.h"

static void pcp_discard_zone(unsigned int id);
static unsigned long pcp_zone_count(unsigned int id);

/*
 * zone_batchsize() of 6.8: about a quarter of a thousandth of the zone,
 * at most 1 MiB / 4, rounded to 2^n - 1; pcp->high is 6 * batch, the
 * rule before 5.x made it adaptive.
 */
static unsigned int zone_batchsize(unsigned long pages)
{
	unsigned long batch = min(pages >> 10, (1UL << 20) / PAGE_SIZE) / 4;

	if (batch < 1)
		batch = 1;
	batch += batch / 2;
	while (batch & (batch - 1))
		batch &= batch - 1;	/* rounddown_pow_of_two() */
	return max(batch - 1, 1UL);
}

void kshim_zone_init(struct zone *zone, unsigned long start,
		     unsigned long end)
{
	struct kshim_zone *kz = calloc(1, sizeof(*kz));
	int o;

	if (!kz)
		abort();
	pthread_mutex_init(&kz->lock, NULL);
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		INIT_LIST_HEAD(&kz->free_list[o]);
	kz->start = kz->frontier = start;
	kz->end = end;
	kz->id = zone->node * MAX_NR_ZONES +
		 (zone - NODE_DATA(zone->node)->node_zones);
	kz->batch = zone_batchsize(end - start);
	kz->high = 6 * kz->batch;
	zone->kshim = kz;
}

void kshim_zone_exit(struct zone *zone)
{
	if (zone->kshim) {
		struct kshim_zone *kz = zone->kshim;

		/* Fresh RAM comes with the next boot: forget cached pages. */
		pcp_discard_zone(kz->id);
		/* and what ASan was told of the frames used and the guard */
		if (kz->frontier > kz->start)
			kshim_page_poison_forget(kz->start,
				kz->frontier - kz->start +
				(kz->frontier < kz->end));
		pthread_mutex_destroy(&zone->kshim->lock);
		free(zone->kshim);
		zone->kshim = NULL;
	}
}

unsigned long kshim_zone_free_pages(const struct zone *zone)
{
	struct kshim_zone *kz = zone->kshim;
	unsigned long n;
	int o;

	pthread_mutex_lock(&kz->lock);
	n = kz->end - kz->frontier;
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		n += kz->nr_free[o] << o;
	pthread_mutex_unlock(&kz->lock);
	return n + pcp_zone_count(kz->id);
}

/* ---- free lists (zone lock held) ---- */

static void add_to_free_list(struct kshim_zone *kz, struct page *page,
			     unsigned int order)
{
	__SetPageBuddy(page);
	set_page_private(page, order);
	list_add(&page->buddy_list, &kz->free_list[order]);
	kz->nr_free[order]++;
}

static void del_from_free_list(struct kshim_zone *kz, struct page *page,
			       unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageBuddy(page);
	set_page_private(page, 0);
	kz->nr_free[order]--;
}

/* First use of frames: give them the state of free pages. */
static void init_fresh_pages(struct page *page, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		page_mapcount_reset(page + i);
}

/* Carve the next block off the frontier; false when the zone is full. */
static bool carve(struct kshim_zone *kz)
{
	unsigned long pfn = kz->frontier, left = kz->end - kz->frontier;
	unsigned int order = MAX_PAGE_ORDER;

	if (!left)
		return false;
	while (order && ((pfn & ((1UL << order) - 1)) || (1UL << order) > left))
		order--;
	init_fresh_pages(pfn_to_page(pfn), 1UL << order);
	/*
	 * Never-allocated memory is no-access for ASan; so is the next
	 * uncarved page, a guard against running off the carved part.
	 */
	kshim_page_poison_fresh(pfn, (1UL << order) +
				(pfn + (1UL << order) < kz->end));
	kz->frontier += 1UL << order;
	add_to_free_list(kz, pfn_to_page(pfn), order);
	return true;
}

static struct page *take_block(struct kshim_zone *kz, unsigned int order)
{
	unsigned int o;

	for (;;) {
		for (o = order; o < NR_PAGE_ORDERS; o++)
			if (!list_empty(&kz->free_list[o]))
				goto found;
		if (!carve(kz))
			return NULL;
	}
found:
	{
		struct page *page = list_first_entry(&kz->free_list[o],
						     struct page, buddy_list);

		del_from_free_list(kz, page, o);
		/* Split: the upper halves go back, smallest last. */
		while (o > order) {
			o--;
			add_to_free_list(kz, page + (1UL << o), o);
		}
		return page;
	}
}

static void give_back(struct kshim_zone *kz, struct page *page,
		      unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (buddy_pfn < kz->start || buddy_pfn >= kz->frontier)
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageBuddy(buddy) || page_private(buddy) != order)
			break;
		del_from_free_list(kz, buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_list(kz, pfn_to_page(pfn), order);
}

/* ---- per-CPU page lists ---- */

/*
 * mm/page_alloc.c's per_cpu_pages: an order-0 free goes to a short LIFO
 * list of the freeing CPU (free_unref_page()) and an order-0 allocation
 * takes the hottest page from it (rmqueue_pcplist()), so the common case
 * takes no zone lock and neither splits nor merges.  The list is refilled
 * (rmqueue_bulk()) and trimmed (free_pcppages_bulk()) @batch pages at a
 * time under the zone lock.  A kshim "CPU" is a thread: each thread gets
 * a list per zone at its first order-0 allocation or free, and the lists
 * go back to the zones when the thread exits.
 *
 * Pages on a list are free: counted by kshim_zone_free_pages(), poisoned,
 * owned by nobody (the ledger does not count them).  drain_all_pages()
 * empties every thread's lists before an allocation fails and at each
 * test's start; a reboot drops them with the old RAM.
 *
 * Only a drain from another thread contends for a list; the owner's fast
 * path must not wait for one, and a busy list sends the page straight to
 * the zone, as the kernel's spin_trylock of pcp->lock does.  The owner
 * takes no locked instruction for it (a lock cmpxchg per call cost half
 * the allocator's time): it marks its set busy and checks that no drainer
 * froze it, and a drainer freezes the sets, makes every thread execute a
 * full barrier (arch_fence_heavy(), membarrier()) and waits for the busy
 * marks to clear (compat/arch/membarrier.h).  Under valgrind and TSan,
 * whose race checkers cannot see that ordering, the owner trylocks the
 * list's spinlock instead (pcp_fenced false).
 */
struct per_cpu_pages {
	pthread_spinlock_t lock;	/* drainers; the owner if !pcp_fenced */
	int count;		/* read by anyone */
	struct list_head list;	/* of page->pcp_list, hottest first */
};

struct pcp_set {
	struct list_head node;	/* in pcp_sets */
	int busy;		/* the owner works on a list (pcp_fenced) */
	int frozen;		/* a drainer does (pcp_fenced) */
	struct per_cpu_pages pcp[MAX_NUMNODES * MAX_NR_ZONES];
};

/* The owner's side without locked instructions: see above. */
static bool pcp_fenced;

/* Lock order: pcp_sets_lock, then a list's lock, then a zone's lock. */
static pthread_mutex_t pcp_sets_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(pcp_sets);
static pthread_key_t pcp_key;
static __thread struct pcp_set *this_pcps;

static struct kshim_zone *pcp_zone(unsigned int id)
{
	struct pglist_data *pgdat = NODE_DATA(id / MAX_NR_ZONES);

	return pgdat->node_zones[id % MAX_NR_ZONES].kshim;
}

static inline void pcp_count_add(struct per_cpu_pages *pcp, int n)
{
	__atomic_store_n(&pcp->count, pcp->count + n, __ATOMIC_RELAXED);
}

/*
 * The owner takes its list: false when it must go to the zone (a drainer
 * has it, or this is an interrupt inside the owner's own list operation).
 */
static inline bool pcp_owner_lock(struct pcp_set *set,
				  struct per_cpu_pages *pcp)
{
	if (!pcp_fenced)
		return !pthread_spin_trylock(&pcp->lock);
	if (unlikely(set->busy))
		return false;
	__atomic_store_n(&set->busy, 1, __ATOMIC_RELAXED);
	arch_fence_light();
	if (likely(!__atomic_load_n(&set->frozen, __ATOMIC_ACQUIRE)))
		return true;
	__atomic_store_n(&set->busy, 0, __ATOMIC_RELEASE);
	return false;
}

static inline void pcp_owner_unlock(struct pcp_set *set,
				    struct per_cpu_pages *pcp)
{
	if (!pcp_fenced)
		pthread_spin_unlock(&pcp->lock);
	else
		__atomic_store_n(&set->busy, 0, __ATOMIC_RELEASE);
}

/*
 * A drainer (pcp_sets_lock held) takes every set from its owner: after
 * this no owner works on a list until pcp_sets_thaw().  Drainers still
 * take each list's spinlock, which is all they need when !pcp_fenced.
 */
static void pcp_sets_freeze(void)
{
	struct pcp_set *set;

	if (!pcp_fenced)
		return;
	list_for_each_entry(set, &pcp_sets, node)
		__atomic_store_n(&set->frozen, 1, __ATOMIC_RELAXED);
	arch_fence_heavy();
	list_for_each_entry(set, &pcp_sets, node)
		while (__atomic_load_n(&set->busy, __ATOMIC_ACQUIRE))
			sched_yield();
}

static void pcp_sets_thaw(void)
{
	struct pcp_set *set;

	if (!pcp_fenced)
		return;
	list_for_each_entry(set, &pcp_sets, node)
		__atomic_store_n(&set->frozen, 0, __ATOMIC_RELEASE);
}

/* free_pcppages_bulk(): the @count coldest pages back (list lock held). */
static void free_pcppages_bulk(struct kshim_zone *kz,
			       struct per_cpu_pages *pcp, int count)
{
	struct page *page;

	pthread_mutex_lock(&kz->lock);
	while (count-- > 0 && !list_empty(&pcp->list)) {
		page = list_last_entry(&pcp->list, struct page, pcp_list);
		list_del(&page->pcp_list);
		give_back(kz, page, 0);
		pcp_count_add(pcp, -1);
	}
	pthread_mutex_unlock(&kz->lock);
}

/* rmqueue_bulk(): up to @batch pages from the zone (list lock held). */
static void rmqueue_bulk(struct kshim_zone *kz, struct per_cpu_pages *pcp)
{
	unsigned int i;

	pthread_mutex_lock(&kz->lock);
	for (i = 0; i < kz->batch; i++) {
		struct page *page = take_block(kz, 0);

		if (!page)
			break;
		list_add_tail(&page->pcp_list, &pcp->list);
	}
	/* Under the zone lock: kshim_zone_pages_out() sees both sides. */
	pcp_count_add(pcp, i);
	pthread_mutex_unlock(&kz->lock);
}

/* Everything on @set's lists back to the zones. */
static void drain_pages(struct pcp_set *set, bool *drained)
{
	unsigned int id;

	for (id = 0; id < MAX_NUMNODES * MAX_NR_ZONES; id++) {
		struct per_cpu_pages *pcp = &set->pcp[id];

		if (!__atomic_load_n(&pcp->count, __ATOMIC_RELAXED))
			continue;
		pthread_spin_lock(&pcp->lock);
		if (pcp->count)
			*drained = true;
		free_pcppages_bulk(pcp_zone(id), pcp, pcp->count);
		pthread_spin_unlock(&pcp->lock);
	}
}

static void pcp_set_destroy(struct pcp_set *set)
{
	unsigned int id;

	for (id = 0; id < MAX_NUMNODES * MAX_NR_ZONES; id++)
		pthread_spin_destroy(&set->pcp[id].lock);
	free(set);
}

/* The thread is exiting: its lists go back to the zones. */
static void pcp_thread_exit(void *arg)
{
	struct pcp_set *set = arg;
	bool drained = false;

	pthread_mutex_lock(&pcp_sets_lock);
	drain_pages(set, &drained);
	list_del(&set->node);
	pthread_mutex_unlock(&pcp_sets_lock);
	this_pcps = NULL;
	pcp_set_destroy(set);
}

/*
 * Made at program load, before any thread: a pthread_once() on the first
 * allocation would be correct too, but helgrind does not see its
 * ordering and reports two CPUs' first allocations as a race on the key.
 */
__attribute__((__constructor__(101))) static void pcp_key_create(void)
{
	if (pthread_key_create(&pcp_key, pcp_thread_exit))
		abort();
	pcp_fenced = arch_fence_init();
}

static noinline struct pcp_set *pcp_set_create(void)
{
	struct pcp_set *set = calloc(1, sizeof(*set));
	unsigned int id;

	if (!set)
		abort();
	for (id = 0; id < MAX_NUMNODES * MAX_NR_ZONES; id++) {
		pthread_spin_init(&set->pcp[id].lock, PTHREAD_PROCESS_PRIVATE);
		INIT_LIST_HEAD(&set->pcp[id].list);
	}
	if (pthread_setspecific(pcp_key, set))
		abort();
	pthread_mutex_lock(&pcp_sets_lock);
	list_add(&set->node, &pcp_sets);
	pthread_mutex_unlock(&pcp_sets_lock);
	this_pcps = set;
	return set;
}

static inline struct pcp_set *this_pcp_set(void)
{
	struct pcp_set *set = this_pcps;

	if (unlikely(!set))
		set = pcp_set_create();
	return set;
}

bool kshim_drain_all_pages(void)
{
	struct pcp_set *set;
	bool drained = false;

	pthread_mutex_lock(&pcp_sets_lock);
	pcp_sets_freeze();
	list_for_each_entry(set, &pcp_sets, node)
		drain_pages(set, &drained);
	pcp_sets_thaw();
	pthread_mutex_unlock(&pcp_sets_lock);
	return drained;
}

void kshim_pcp_test_begin(void)
{
	struct pcp_set *set, *tmp;

	if (arch_isolated_child()) {
		/*
		 * Only this thread came along into the child: the other
		 * lists' threads are gone, their locks maybe held forever.
		 */
		pthread_mutex_lock(&pcp_sets_lock);
		list_for_each_entry_safe(set, tmp, &pcp_sets, node) {
			bool drained = false;
			unsigned int id;

			if (set == this_pcps)
				continue;
			/* Its owner may have been inside a list operation. */
			set->busy = set->frozen = 0;
			for (id = 0; id < MAX_NUMNODES * MAX_NR_ZONES; id++)
				pthread_spin_init(&set->pcp[id].lock,
						  PTHREAD_PROCESS_PRIVATE);
			drain_pages(set, &drained);
			list_del(&set->node);
			pcp_set_destroy(set);
		}
		pthread_mutex_unlock(&pcp_sets_lock);
	}
	kshim_drain_all_pages();
}

/* The zone is going away (reboot): its pages on any list with it. */
static void pcp_discard_zone(unsigned int id)
{
	struct pcp_set *set;

	pthread_mutex_lock(&pcp_sets_lock);
	pcp_sets_freeze();
	list_for_each_entry(set, &pcp_sets, node) {
		struct per_cpu_pages *pcp = &set->pcp[id];

		pthread_spin_lock(&pcp->lock);
		INIT_LIST_HEAD(&pcp->list);
		__atomic_store_n(&pcp->count, 0, __ATOMIC_RELAXED);
		pthread_spin_unlock(&pcp->lock);
	}
	pcp_sets_thaw();
	pthread_mutex_unlock(&pcp_sets_lock);
}

static unsigned long pcp_zone_count(unsigned int id)
{
	struct pcp_set *set;
	unsigned long n = 0;

	pthread_mutex_lock(&pcp_sets_lock);
	list_for_each_entry(set, &pcp_sets, node)
		n += __atomic_load_n(&set->pcp[id].count, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&pcp_sets_lock);
	return n;
}

unsigned long kshim_zone_pages_out(void)
{
	unsigned long n = 0;
	int nid, z, o;

	pthread_mutex_lock(&pcp_sets_lock);
	for (nid = 0; nid < nr_node_ids; nid++) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct kshim_zone *kz =
				NODE_DATA(nid)->node_zones[z].kshim;
			struct pcp_set *set;

			if (!kz)
				continue;
			/* Bulk moves to and from the lists hold this lock. */
			pthread_mutex_lock(&kz->lock);
			n += kz->frontier - kz->start;
			for (o = 0; o < NR_PAGE_ORDERS; o++)
				n -= kz->nr_free[o] << o;
			list_for_each_entry(set, &pcp_sets, node)
				n -= __atomic_load_n(&set->pcp[kz->id].count,
						     __ATOMIC_RELAXED);
			pthread_mutex_unlock(&kz->lock);
		}
	}
	pthread_mutex_unlock(&pcp_sets_lock);
	return n;
}

/* rmqueue_pcplist(): an order-0 page, from this thread's list if it can. */
static __always_inline struct page *rmqueue_pcplist(struct kshim_zone *kz)
{
	struct pcp_set *set = this_pcp_set();
	struct per_cpu_pages *pcp = &set->pcp[kz->id];
	struct page *page = NULL;

	if (unlikely(!pcp_owner_lock(set, pcp))) {
		pthread_mutex_lock(&kz->lock);
		page = take_block(kz, 0);
		pthread_mutex_unlock(&kz->lock);
		return page;
	}
	if (unlikely(list_empty(&pcp->list)))
		rmqueue_bulk(kz, pcp);
	if (likely(!list_empty(&pcp->list))) {
		page = list_first_entry(&pcp->list, struct page, pcp_list);
		list_del(&page->pcp_list);
		pcp_count_add(pcp, -1);
	}
	pcp_owner_unlock(set, pcp);
	return page;
}

/* free_unref_page(): a checked order-0 page to this thread's list. */
static __always_inline void free_unref_page(struct kshim_zone *kz,
					    struct page *page)
{
	struct pcp_set *set = this_pcp_set();
	struct per_cpu_pages *pcp = &set->pcp[kz->id];

	if (unlikely(!pcp_owner_lock(set, pcp))) {
		pthread_mutex_lock(&kz->lock);
		give_back(kz, page, 0);
		pthread_mutex_unlock(&kz->lock);
		return;
	}
	list_add(&page->pcp_list, &pcp->list);
	pcp_count_add(pcp, 1);
	if (unlikely(pcp->count >= (int)kz->high))
		free_pcppages_bulk(kz, pcp, kz->batch);
	pcp_owner_unlock(set, pcp);
}

/* ---- allocation ---- */

static enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	__SetPageHead(page);
	for (i = 1; i < nr; i++) {
		page[i].mapping = TAIL_MAPPING;
		set_compound_head(&page[i], page);
	}
	page[1].index = order;
}

static void zero_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), i;

	/* The backdoor view reaches highmem frames too. */
	for (i = 0; i < (1UL << order); i++)
		clear_page(kshim_pfn_backdoor(pfn + i));
}

static struct page *alloc_from_zone(struct zone *zone, unsigned int order)
{
	struct kshim_zone *kz = zone->kshim;
	struct page *page;

	if (!kz || !zone->spanned_pages)
		return NULL;
	if (order == 0)
		return rmqueue_pcplist(kz);
	pthread_mutex_lock(&kz->lock);
	page = take_block(kz, order);
	pthread_mutex_unlock(&kz->lock);
	return page;
}

static noinline struct page *get_page_from_zonelist(gfp_t gfp,
						    unsigned int order,
						    int nid)
{
	int high = gfp_zone(gfp), z, n, i;

	for (i = 0; i < nr_node_ids; i++) {
		/* The preferred node first, then the others in order. */
		n = i == 0 ? nid : (i <= nid ? i - 1 : i);
		for (z = high; z >= ZONE_DMA; z--) {
			struct page *page =
				alloc_from_zone(&NODE_DATA(n)->node_zones[z],
						order);

			if (page)
				return page;
		}
		if (gfp & __GFP_THISNODE)
			break;
	}
	return NULL;
}

/* "page allocation failure", at most once per 10 s (nopage_rs). */
static struct kshim_warn_alloc_rs nopage_rs = KSHIM_WARN_ALLOC_RS_INIT;

void kshim_warn_alloc_reset(void)
{
	kshim_warn_alloc_rs_reset(&nopage_rs);
	/* 2.6.3x's failure report spends printk_ratelimit()'s budget. */
	ratelimit_state_init(&printk_ratelimit_state, 5 * kshim_hz(), 10);
}

void kshim_warn_alloc_rs_reset(struct kshim_warn_alloc_rs *rs)
{
	pthread_mutex_lock(&rs->lock);
	rs->last_ns = -1;
	pthread_mutex_unlock(&rs->lock);
}

void kshim_warn_alloc(struct kshim_warn_alloc_rs *rs, const char *cls,
		      gfp_t gfp, const char *file, int line, const char *func,
		      const char *fmt, ...)
{
	char names[256], msg[256], mems[16];
	struct timespec ts;
	long long now;
	bool limited;
	va_list ap;

	if (gfp & __GFP_NOWARN)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = ts.tv_sec * 1000000000LL + ts.tv_nsec;
	pthread_mutex_lock(&rs->lock);
	limited = rs->last_ns >= 0 && now - rs->last_ns < 10000000000LL;
	if (!limited)
		rs->last_ns = now;
	pthread_mutex_unlock(&rs->lock);
	if (limited) {
		kshim_report_suppressed(cls, "one report per 10 s");
		return;
	}
	/* %*pbl of mems_allowed: "0" for one node, "0-N" for more. */
	if (nr_node_ids > 1)
		snprintf(mems, sizeof(mems), "0-%d", nr_node_ids - 1);
	else
		snprintf(mems, sizeof(mems), "0");
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kshim_report_begin(cls, file, line, func);
	pr_warn("%s: %s, mode:%#x(%s), nodemask=(null),cpuset=/,mems_allowed=%s\n",
		kshim_current_comm(), msg, gfp,
		kshim_format_gfp(gfp, names, sizeof(names)), mems);
	dump_stack();
	kshim_report_end();
}

/* A 6.x gfp mask in 2.6.35's bits (include/linux/gfp.h of 2.6.35). */
static unsigned int gfp_2_6(gfp_t gfp)
{
	static const struct { gfp_t now; unsigned int then; } bits[] = {
		{ __GFP_DMA, 0x01 }, { __GFP_HIGHMEM, 0x02 },
		{ __GFP_DMA32, 0x04 }, { __GFP_MOVABLE, 0x08 },
		{ __GFP_DIRECT_RECLAIM, 0x10 /* __GFP_WAIT */ },
		{ __GFP_HIGH, 0x20 }, { __GFP_IO, 0x40 }, { __GFP_FS, 0x80 },
		{ __GFP_NOWARN, 0x200 },
		{ __GFP_RETRY_MAYFAIL, 0x400 /* __GFP_REPEAT */ },
		{ __GFP_NOFAIL, 0x800 }, { __GFP_NORETRY, 0x1000 },
		{ __GFP_COMP, 0x4000 }, { __GFP_ZERO, 0x8000 },
		{ __GFP_NOMEMALLOC, 0x10000 }, { __GFP_HARDWALL, 0x20000 },
		{ __GFP_THISNODE, 0x40000 }, { __GFP_RECLAIMABLE, 0x80000 },
	};
	unsigned int mode = 0;
	size_t i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (gfp & bits[i].now)
			mode |= bits[i].then;
	return mode;
}

/*
 * 2.6.35's __alloc_pages_slowpath() at nopage: unless __GFP_NOWARN, and
 * if printk_ratelimit() allows (10 messages per 5 s, shared), the line
 * with the mode in 2.6.35's bits (GFP_KERNEL is 0xd0), then dump_stack().
 */
static void warn_alloc_2_6(gfp_t gfp, unsigned int order, const char *file,
			   int line, const char *func)
{
	if (gfp & __GFP_NOWARN)
		return;
	if (!printk_ratelimit()) {
		kshim_report_suppressed(KSHIM_REPORT_ALLOC_FAILURE,
					"printk_ratelimit(): 10 reports per 5 s");
		return;
	}
	kshim_report_begin(KSHIM_REPORT_ALLOC_FAILURE, file, line, func);
	printk(KERN_WARNING "%s: page allocation failure. order:%u, mode:0x%x\n",
	       kshim_current_comm(), order, gfp_2_6(gfp));
	dump_stack();
	kshim_report_end();
}

/*
 * prep_new_page() and post_alloc_hook(): one reference on the head, clean
 * state, the owner (who allocated it, for the ledger's explanation).
 */
static __always_inline void prep_new_page(struct page *page,
					  unsigned int order, gfp_t gfp,
					  const char *file, int line,
					  const char *func)
{
	struct kshim_page_owner *o = &kshim_page_owners[page_to_pfn(page)];
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		o[i].file = file;
		o[i].line = line;
		__atomic_store_n(&o[i].allocated, true, __ATOMIC_RELAXED);
		page[i].flags = 0;
		page[i].lru.next = page[i].lru.prev = NULL;
		page[i].mapping = NULL;
		page[i].index = 0;
		set_page_private(&page[i], 0);
	}
	set_page_count(page, 1);
	kshim_page_alloc_poison_check(page, order, file, line, func);
	/* A page zeroed at free needs no second pass. */
	if (!want_init_on_free() && want_init_on_alloc(gfp))
		zero_pages(page, order);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}

struct page *__kshim_alloc_pages(gfp_t gfp, unsigned int order, int nid,
				 const char *file, int line,
				 const char *func)
{
	struct page *page;

	kshim_ensure_booted();
	if (unlikely(order > MAX_PAGE_ORDER)) {
		static bool warned;

		if (!(gfp & __GFP_NOWARN) &&
		    !__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, func, NULL, TAINT_WARN, NULL);
		return NULL;
	}
	if (nid == NUMA_NO_NODE)
		nid = numa_mem_id();
	if (unlikely(nid < 0 || nid >= nr_node_ids))
		__kshim_vm_bug_page(NULL,
				    "VM_BUG_ON(nid < 0 || nid >= MAX_NUMNODES)",
				    file, line, func);
	if (unlikely((GFP_ZONE_BAD >> (gfp & GFP_ZONEMASK)) & 1))
		__kshim_vm_bug_page(NULL,
				    "VM_BUG_ON((GFP_ZONE_BAD >> bit) & 1)",
				    file, line, func);

	/* Scoped constraints: memalloc_noio/nofs/pin_save() (sched/mm.h). */
	gfp = current_gfp_context(gfp);
	/* prepare_alloc_pages(): might_alloc(), checked even with memory free. */
	if ((gfp & __GFP_DIRECT_RECLAIM) && !kshim_may_sleep_quietly())
		__kshim_might_sleep(file, line, func);
	if (kshim_fail_page_alloc(gfp, order, file, line, func)) {
		page = NULL;
	} else {
		page = NULL;
		/*
		 * The common case first: an order-0 page from this thread's
		 * list of the preferred zone, the zonelist's first choice.
		 */
		if (likely(order == 0)) {
			struct zone *zone =
				&NODE_DATA(nid)->node_zones[gfp_zone(gfp)];

			if (likely(zone->kshim && zone->spanned_pages))
				page = rmqueue_pcplist(zone->kshim);
		}
		if (unlikely(!page))
			page = get_page_from_zonelist(gfp, order, nid);
		/* The slow path drains the per-CPU lists before failing. */
		if (unlikely(!page) && kshim_drain_all_pages())
			page = get_page_from_zonelist(gfp, order, nid);
	}
	if (unlikely(!page)) {
		if (kshim_kernel_2_6())
			warn_alloc_2_6(gfp, order, file, line, func);
		else
			kshim_warn_alloc(&nopage_rs, KSHIM_REPORT_ALLOC_FAILURE,
					 gfp, file, line, func,
					 "page allocation failure: order:%u",
					 order);
		return NULL;
	}

	/* Order 0 with a constant order: the loops fold away. */
	if (likely(order == 0))
		prep_new_page(page, 0, gfp, file, line, func);
	else
		prep_new_page(page, order, gfp, file, line, func);
	return page;
}

unsigned long __kshim_get_free_pages(gfp_t gfp, unsigned int order,
				     unsigned int version, const char *file,
				     int line, const char *func)
{
	struct page *page;

	/*
	 * A highmem page has no address to return: 2.6.35 BUGs ("returns a
	 * 32-bit address, which cannot represent a highmem page"), 5.15+
	 * strips the flag.
	 */
	if (kshim_mm_2_6(version) && unlikely(gfp & __GFP_HIGHMEM))
		__kshim_vm_bug_page(NULL,
			"VM_BUG_ON((gfp_mask & __GFP_HIGHMEM) != 0)",
			file, line, func);
	page = __kshim_alloc_pages(gfp & ~__GFP_HIGHMEM, order, NUMA_NO_NODE,
				   file, line, func);
	return page ? (unsigned long)page_address(page) : 0;
}

/* ---- freeing ---- */

static const char *page_bad_reason(const struct page *page,
				   unsigned long flags)
{
	const char *reason = NULL;

	if (unlikely(atomic_read(&page->_mapcount) != -1))
		reason = "nonzero mapcount";
	if (unlikely(page->mapping != NULL))
		reason = "non-NULL mapping";
	if (unlikely(page_ref_count(page) != 0))
		reason = "nonzero _refcount";
	if (unlikely(page->flags & flags))
		reason = "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	return reason;
}

/*
 * A page of the block being freed is free already: the order given is
 * larger than the one allocated, or a neighbour's free is repeated.  The
 * kernel's check sees a free buddy block's first page (its page type reads
 * as "nonzero mapcount"); kshim also knows the pages on per-CPU lists and
 * inside free blocks, which the kernel cannot tell from pages in use.
 */
static bool page_is_free(const struct page *page)
{
	/* Relaxed: a buggy free may look at a page another CPU takes. */
	return PageBuddy(page) ||
	       !__atomic_load_n(&kshim_page_owners[page_to_pfn(page)].allocated,
				__ATOMIC_RELAXED);
}

static void bad_free_page(struct page *page, unsigned int version,
			  const char *file, int line, const char *func)
{
	unsigned int type = page->page_type;

	/* bad_page() resets PageBuddy: the page stays on its free list. */
	kshim_bad_page(page, PageBuddy(page) ? "nonzero mapcount" :
		       "kshim: already free (on a per-CPU list or inside a free block)",
		       version, file, line, func);
	page->page_type = type;
}

/* free_pages_prepare(): false when the block must be leaked. */
static __always_inline bool free_pages_prepare(struct page *page,
					       unsigned int order,
					       unsigned int version,
					       const char *file, int line,
					       const char *func)
{
	bool compound = PageCompound(page), bad = false;
	unsigned long i, nr = 1UL << order;
	const char *reason;

	if (unlikely(PageTail(page)))
		__kshim_vm_bug_page(page, "VM_BUG_ON_PAGE(PageTail(page))",
				    file, line, func);
	if (unlikely(compound && compound_order(page) != order))
		__kshim_vm_bug_page(page,
			"VM_BUG_ON_PAGE(compound && compound_order(page) != order)",
			file, line, func);

	if (compound) {
		for (i = 1; i < nr; i++) {
			if (page[i].mapping == TAIL_MAPPING)
				page[i].mapping = NULL;
			clear_compound_head(&page[i]);
		}
		page[1].index = 0;
		__ClearPageHead(page);
	}
	/* An anonymous page's ->mapping (anon_vma | PAGE_MAPPING_ANON) goes. */
	if ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS)
		page->mapping = NULL;
	for (i = 0; i < nr; i++) {
		if (i && page_is_free(&page[i])) {
			bad_free_page(&page[i], version, file, line, func);
			bad = true;
			continue;
		}
		reason = page_bad_reason(&page[i], PAGE_FLAGS_CHECK_AT_FREE);
		if (unlikely(reason)) {
			kshim_bad_page(&page[i], reason, version, file,
				       line, func);
			bad = true;
		}
	}
	if (bad)
		return false;
	for (i = 0; i < nr; i++) {
		struct kshim_page_owner *o =
			&kshim_page_owners[page_to_pfn(page) + i];

		/* kshim_page_owner_clear() and no longer allocated */
		o->file = NULL;
		__atomic_store_n(&o->allocated, false, __ATOMIC_RELAXED);
		page[i].flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
		page[i].index = 0;
		set_page_private(&page[i], 0);
	}
	/*
	 * ODEBUG: an active object in lowmem pages (before poisoning); the
	 * common case, nothing tracked at all, without the call.
	 */
	if (unlikely(__atomic_load_n(&kshim_odebug_nr_tracked,
				     __ATOMIC_RELAXED)) && !PageHighMem(page)) {
		const struct kshim_site site = { file, line, func, NULL };

		__kshim_debug_check_no_obj_freed(page_address(page),
						 PAGE_SIZE << order, &site);
	}
	if (want_init_on_free())
		zero_pages(page, order);
	return true;
}

/* The checks, then the block to the zone or this CPU's list. */
static __always_inline void free_block(struct page *page, unsigned int order,
				       unsigned int version, const char *file,
				       int line, const char *func)
{
	struct kshim_zone *kz;

	if (unlikely(!free_pages_prepare(page, order, version, file, line,
					 func))) {
		unsigned long i;

		/*
		 * Leaked on purpose, as the kernel does; not the driver's.
		 * Pages of the block that were free already stay where they
		 * are, on their free lists.
		 */
		for (i = 0; i < (1UL << order); i++)
			if (!i || !page_is_free(&page[i]))
				kshim_page_owner_leak(&page[i], 0);
		return;
	}
	kshim_page_free_poison(page, order, file, line, func);
	/* page_zone(), without the node lookup on a one-node machine */
	kz = NODE_DATA(nr_node_ids == 1 ? 0 : page_to_nid(page))->
		node_zones[page_zonenum(page)].kshim;
	if (order == 0) {
		free_unref_page(kz, page);
		return;
	}
	pthread_mutex_lock(&kz->lock);
	give_back(kz, page, order);
	pthread_mutex_unlock(&kz->lock);
}

void kshim_free_block(struct page *page, unsigned int order,
		      unsigned int version, const char *file, int line,
		      const char *func)
{
	/* Order 0 with a constant order: the loops fold away. */
	if (likely(order == 0))
		free_block(page, 0, version, file, line, func);
	else
		free_block(page, order, version, file, line, func);
}

/* put_page_testzero() as the driver's version checks it */
static int free_pages_testzero(struct page *page, unsigned int version,
			       const char *file, int line, const char *func)
{
	if (unlikely(page_ref_count(page) == 0)) {
		if (kshim_mm_2_6(version))
			__kshim_vm_bug_page(NULL,
				"VM_BUG_ON(atomic_read(&page->_count) == 0)",
				file, line, func);
		__kshim_vm_bug_page(page,
				    "VM_BUG_ON_PAGE(page_ref_count(page) == 0)",
				    file, line, func);
	}
	return page_ref_dec_and_test(page);
}

void __kshim_free_pages(struct page *page, unsigned int order,
			unsigned int version, const char *file, int line,
			const char *func)
{
	int head;

	/* The kernel's first access, PageHead(), faults on a NULL page. */
	if (unlikely((unsigned long)page < PAGE_SIZE))
		arch_oops_at((unsigned long)page +
			     offsetof(struct page, flags), false, file, line,
			     func);
	/* Read before the put: the page may be gone after it. */
	head = PageHead(page);

	if (free_pages_testzero(page, version, file, line, func)) {
		/* __free_page(): the common case without a call */
		if (likely(order == 0))
			free_block(page, 0, version, file, line, func);
		else
			kshim_free_block(page, order, version, file, line,
					 func);
	} else if (!head && !kshim_mm_2_6(version)) {
		/*
		 * Others hold page 0 of a plain block: 5.x+ frees the rest
		 * now; 2.6.35 frees nothing (the last put_page() of page 0
		 * frees only page 0, the rest leaks).
		 */
		while (order-- > 0)
			kshim_free_block(page + (1UL << order), order, version,
					 file, line, func);
	}
}

void __kshim_free_pages_addr(unsigned long addr, unsigned int order,
			     unsigned int version, const char *file,
			     int line, const char *func)
{
	if (addr == 0)
		return;
	if (unlikely(!virt_addr_valid(addr)))
		__kshim_vm_bug_page(NULL,
			"VM_BUG_ON(!virt_addr_valid((void *)addr))",
			file, line, func);
	__kshim_free_pages(virt_to_page(addr), order, version, file, line,
			   func);
}

void __kshim_put_page_final(struct page *page, unsigned int version,
			    const char *file, int line, const char *func)
{
	kshim_free_block(page, compound_order(page), version, file, line,
			 func);
}

/* A VM_BUG_ON_PAGE() of 6.x, a plain VM_BUG_ON() (no dump) of 2.6.35. */
static void vm_bug_versioned(const struct page *page, const char *reason,
			     const char *reason_2_6, unsigned int version,
			     const char *file, int line, const char *func)
{
	if (kshim_mm_2_6(version))
		__kshim_vm_bug_page(NULL, reason_2_6, file, line, func);
	__kshim_vm_bug_page(page, reason, file, line, func);
}

void __kshim_split_page(struct page *page, unsigned int order,
			unsigned int version, const char *file, int line,
			const char *func)
{
	unsigned long i;

	if (unlikely(PageCompound(page)))
		vm_bug_versioned(page, "VM_BUG_ON_PAGE(PageCompound(page))",
				 "VM_BUG_ON(PageCompound(page))", version,
				 file, line, func);
	if (unlikely(!page_count(page)))
		vm_bug_versioned(page, "VM_BUG_ON_PAGE(!page_count(page))",
				 "VM_BUG_ON(!page_count(page))", version,
				 file, line, func);
	/* set_page_refcounted(): each sub-page must still be at 0. */
	for (i = 1; i < (1UL << order); i++) {
		if (unlikely(page_ref_count(page + i)))
			vm_bug_versioned(page + i,
				"VM_BUG_ON_PAGE(page_ref_count(page))",
				"VM_BUG_ON(atomic_read(&page->_count))",
				version, file, line, func);
		set_page_count(page + i, 1);
	}
}

void *__kshim_alloc_pages_exact(size_t size, gfp_t gfp, unsigned int version,
				const char *file, int line, const char *func)
{
	unsigned int order = get_order(size);
	unsigned long addr, used, end;

	/* 2.6.35 has no such warning: __get_free_pages() BUGs on highmem. */
	if (!kshim_mm_2_6(version) && (gfp & (__GFP_COMP | __GFP_HIGHMEM))) {
		static bool warned;

		if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED))
			__kshim_warn(file, line, func, NULL, TAINT_WARN, NULL);
		gfp &= ~(__GFP_COMP | __GFP_HIGHMEM);
	}
	addr = __kshim_get_free_pages(gfp, order, version, file, line, func);
	if (!addr)
		return NULL;
	/* make_alloc_exact(): keep what @size needs, free the rest. */
	__kshim_split_page(virt_to_page(addr), order, version, file, line,
			   func);
	used = addr + PAGE_ALIGN(size);
	end = addr + (PAGE_SIZE << order);
	for (; used < end; used += PAGE_SIZE)
		__kshim_free_pages(virt_to_page(used), 0, version, file, line,
				   func);
	return (void *)addr;
}

void __kshim_free_pages_exact(void *virt, size_t size, unsigned int version,
			      const char *file, int line, const char *func)
{
	unsigned long addr = (unsigned long)virt;
	unsigned long end = addr + PAGE_ALIGN(size);

	for (; addr < end; addr += PAGE_SIZE)
		__kshim_free_pages_addr(addr, 0, version, file, line, func);
}
