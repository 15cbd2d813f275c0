/*
 * compat/mm/slab.h - the slab allocator's internal state (libkshim-private),
 * as mm/slab.h is for mm/ in the kernel.
 *
 * A cache (struct kmem_cache) carves slabs, blocks of 2^order pages from
 * the buddy allocator (PageSlab on the head page, a compound page for
 * order > 0), into objects of s->size bytes laid out as 6.1's SLUB lays
 * them out with the cache's debug flags (mm/slub.c:calculate_sizes()):
 *
 *   [left redzone][object][right redzone .. inuse][free pointer]
 *   [2 x struct track][orig size][padding .. size]
 *
 * so offsets, redzones and the hex dumps of a report are the kernel's.
 * The bookkeeping is out of band, in a host-allocated struct kshim_slab
 * the head page's ->private points at: a stack of free object indices,
 * each object's state and its allocation/free tracks.  kshim reads and
 * writes redzones, poison and padding only through its backdoor view of
 * RAM (mm/internal.h), which ASan and memcheck never see poisoned.
 *
 * The free pointer is there too, at s->offset in each free object, as
 * 6.1 keeps it (set_freepointer(), no CONFIG_SLAB_FREELIST_HARDENED): the
 * kernel's free chain, head first.  kshim allocates from its stack, not by
 * following the chain, but keeps the chain what 6.1's would be (a freed
 * object is its head at once, even while held in the sanitizer builds'
 * quarantine), so validate_slab_cache() walks, checks and repairs it as
 * 6.1's on_freelist() does.
 *
 * Kernel code includes this header too, as the kernel's mm/slab.h, for
 * struct kmem_cache and validate_slab_cache() (lib/slub_kunit.c does, as
 * "../mm/slab.h": tests/kunit-src/slub.am links it there); it then sees no
 * host header and the host lock as opaque storage.
 */
#ifndef _KSHIM_MM_SLAB_H
#define _KSHIM_MM_SLAB_H

#ifdef __KERNEL__
#include <linux/kasan.h>
#include <linux/kmemleak.h>
#include <linux/random.h>
#include <linux/sched/mm.h>
/* pthread_mutex_t of x86-64 glibc, as struct kshim_host_lock holds it */
typedef struct {
	unsigned long __opaque[5];
} kshim_slab_lock_t;
#else
#include <pthread.h>
#include <stdbool.h>
typedef pthread_mutex_t kshim_slab_lock_t;
#endif

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <kshim/site.h>

struct kshim_site;

/* What SLUB debugging adds: letters of slub_debug (KSHIM_SLUB_DEBUG). */
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE)
#define DEBUG_DEFAULT_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)
/* Internal: the object body is poisoned (mm/slab.h __OBJECT_POISON). */
#define __OBJECT_POISON		((slab_flags_t __force)0x80000000U)

#define POISON_INUSE		0x5a
#define POISON_FREE		0x6b
#define POISON_END		0xa5
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc

/* Each object's state. */
enum {
	OBJ_FREE = 0,		/* on its slab's free stack */
	OBJ_ALLOC,		/* handed out */
	OBJ_QUARANTINE,		/* freed, held back before reuse */
	OBJ_LOST,		/* a free check failed: never freed */
	OBJ_UNUSABLE,		/* free, in a slab marked all used, or lost
				 * from a free chain validation cut */
};

/* Per-object flags. */
#define OBJF_NOT_LEAK	0x1	/* kmemleak_not_leak() / kmemleak_ignore() */
#define OBJF_CHAIN_LOST	0x2	/* quarantined, cut from the free chain */

/* The kernel's struct track (mm/slub.c), with the site for the address. */
struct kshim_track {
	const struct kshim_site *site;	/* NULL: never */
	unsigned long when;		/* jiffies */
	int cpu, pid;
};

struct kshim_slab {
	struct kmem_cache *cache;
	struct page *page;		/* the head page */
	char *addr;			/* direct-map address of the slab */
	char *bd;			/* kshim's backdoor view of it */
	struct list_head list;		/* in the cache's partial/full/empty */
	unsigned int objects;		/* objects in the slab */
	unsigned int inuse;		/* not on the free stack */
	unsigned int nfree;		/* free stack depth */
	unsigned int kinuse;		/* the kernel's slab->inuse counter */
	unsigned int nq, qhead;		/* quarantined objects: ring of nq */
	unsigned short *qring;		/* their indices, oldest at qhead */
	bool frozen;			/* "Marking all objects used" */
	unsigned char which;		/* SLAB_LIST_* */
	unsigned short *freestack;	/* object indices, top last */
	unsigned char *state;		/* OBJ_* per object */
	unsigned char *oflags;		/* OBJF_* per object */
	unsigned int *gen;		/* test generation of the allocation */
	unsigned int *req;		/* requested size (kmalloc) */
	struct kshim_track *track;	/* 2 per object: alloc, free */
	struct callback_head rcu;	/* TYPESAFE_BY_RCU: freed after a GP */
};

enum { SLAB_LIST_NONE, SLAB_LIST_PARTIAL, SLAB_LIST_FULL, SLAB_LIST_EMPTY };

struct kmem_cache {
	kshim_slab_lock_t lock;
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* stride: object + metadata */
	unsigned int align;
	unsigned int inuse;		/* object + right redzone */
	unsigned int offset;		/* free pointer offset */
	unsigned int red_left_pad;
	unsigned int useroffset, usersize;
	unsigned int order, objects;	/* of each slab */
	slab_flags_t flags;
	gfp_t allocflags;
	void (*ctor)(void *);
	int refcount;
	bool kmalloc;			/* a kmalloc-<n> cache */
	bool sanitized;			/* objects poisoned for ASan/memcheck */
	struct list_head partial, full, empty;
	unsigned long nr_slabs, nr_empty;
	unsigned long nr_rcu_free;	/* of nr_slabs, waiting for a GP */
	long live;			/* objects of this test (leak check) */
	struct list_head list;		/* all caches (slab_caches) */
	const struct kshim_site *create_site;
	/*
	 * Fast checks and fills (slub.c): the byte image of an object slot
	 * as init_object() leaves it, free and in use (0 where nothing is
	 * written or checked), the ranges check_object() reads in each state
	 * and the ranges init_object() writes.  A check compares the slot
	 * with the image in wide words and runs the byte-exact check_object()
	 * (with its report) only when they differ.
	 */
	unsigned char *img[2];		/* SLAB_IMG_FREE, SLAB_IMG_ALLOC */
	struct kshim_byte_range {
		unsigned int off, len;
	} chk[2][4], fill[2], fill_rz[2];
	unsigned char nchk[2], nfill, nfill_rz;
	/* off / size as (off * recip) >> 32 when exact for every offset */
	unsigned int recip;
};

enum { SLAB_IMG_FREE, SLAB_IMG_ALLOC };

/*
 * validate_slab_cache(): 6.1's check of every slab of @s on its partial
 * list (and full list with SLAB_STORE_USER), objects, free chain and
 * in-use count, repaired as the kernel repairs them.  The number of slabs
 * walked.  Reports name the caller's line (a KUnit case that holds a
 * "slab_errors" resource counts them there instead, as 6.1's
 * slab_add_kunit_errors()).
 */
long validate_slab_cache(struct kmem_cache *s);
long __kshim_validate_slab_cache(struct kmem_cache *s,
				 const struct kshim_site *site);
#define validate_slab_cache(s)						\
	__kshim_validate_slab_cache(s, __KSHIM_CALLSITE)

#ifndef __KERNEL__
/* slub.c */
extern pthread_mutex_t slab_mutex;
extern struct list_head slab_caches;
int kshim_cache_setup(struct kmem_cache *s);
void *kshim_slab_alloc(struct kmem_cache *s, gfp_t flags, int node,
		       size_t orig_size, const struct kshim_site *site);
/* Free @x of slab @sl, whose cache is @s (the pointer's real cache). */
void kshim_slab_free(struct kmem_cache *s, struct kshim_slab *sl, void *x,
		     const struct kshim_site *site);
/* The slab @x lies in, or NULL (not a slab page, or not lowmem). */
struct kshim_slab *kshim_virt_to_slab(const void *x);
/* Index of the object at or containing @x; -1 if between objects. */
long kshim_slab_obj_index(struct kshim_slab *sl, const void *x, bool exact);
static inline char *kshim_slab_obj(struct kshim_slab *sl, unsigned int i)
{
	return sl->addr + (size_t)i * sl->cache->size +
	       sl->cache->red_left_pad;
}
size_t kshim_slab_ksize(const struct kmem_cache *s);
/* kmem_cache_shutdown(): 0, or 1 with objects left (reported). */
int kshim_cache_shutdown(struct kmem_cache *s, const struct kshim_site *site);
void kshim_cache_release(struct kmem_cache *s);
int kshim_cache_shrink(struct kmem_cache *s);
/* Debug flags for a cache called @name (KSHIM_SLUB_DEBUG). */
slab_flags_t kshim_slub_debug_flags(const char *name);
/* Freed objects held back (sanitizer builds) go back to their slabs. */
void kshim_slab_flush_quarantine(void);
/* Test end: the poison of every free object of every cache. */
void kshim_slab_scan_all(void);
void kshim_slab_reopen_all(void);
/* kmalloc_fix_flags(): "Unexpected gfp" for __GFP_DMA32/__GFP_HIGHMEM */
gfp_t kshim_slab_fix_gfp(gfp_t flags, const struct kshim_site *site);
/* rcu_barrier() before destroying a SLAB_TYPESAFE_BY_RCU cache */
void kshim_slab_rcu_barrier(void);
/* print_tracking() of the object at @x */
void kshim_slab_print_tracking(struct kshim_slab *sl, const void *x);
/* ksize() of a slab object (unpoisons it up to there, as KASAN does) */
size_t kshim_slab_ksize_obj(struct kshim_slab *sl, const void *x);
/* Copy @n bytes of object @src (to @dst) / zero @n bytes of object @p,
 * past what the checkers allow (the kernel's kasan_disable_current()). */
void kshim_slab_copy_out(void *dst, const void *src, size_t n);
void kshim_slab_zero(const void *p, size_t n);
/* The explain lines of live objects of @s allocated in this test. */
void kshim_slab_list_leaks(struct kmem_cache *s, unsigned long *lines,
			   unsigned long *total, unsigned long max);
/* kmemleak-grade: live objects allocated in this test (slab_common.c) */
extern unsigned int kshim_slab_gen;
extern long kshim_large_live;
long kshim_slab_live_objects(bool reset);
/* Slab and large-kmalloc pages, excluded from the page ledger. */
extern long kshim_slab_pages;
bool kshim_slab_obj_not_leak(const void *ptr);
void kshim_slab_explain_leaks(void *arg);
/* Large kmalloc() bookkeeping (slab_common.c). */
bool kshim_large_kmalloc_not_leak(const void *ptr);

/* A reboot: every cache forgets its slabs (slub.c), then slab_common.c
 * drops the kmalloc caches. */
void kshim_slab_forget_all(void);
void kshim_slab_init(void);
void kshim_slab_exit(void);
void kshim_slab_test_begin(void);
void kshim_slab_test_end(void);
/* kasan_disable_current() / kasan_enable_current() (ASan build): the
 * slabs' memory addressable for the sanitizer, or poisoned again by the
 * objects' states. */
void kshim_slab_sanitizer_suspend(void);
void kshim_slab_sanitizer_resume(void);
#endif /* !__KERNEL__ */

#endif /* _KSHIM_MM_SLAB_H */
