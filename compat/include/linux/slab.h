/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/slab.h - kmalloc() and kmem caches (the SLUB allocator).
 *
 * Follows include/linux/slab.h of 6.1 (CONFIG_SLUB, CONFIG_SLUB_DEBUG,
 * CONFIG_MEMCG_KMEM, CONFIG_FAILSLAB on x86_64): the SLAB_* flag values,
 * ZERO_SIZE_PTR, the KMALLOC_* limits and the allocation API.  Every
 * entry point that can report is a macro passing its caller's position
 * (__KSHIM_CALLSITE) to kshim (compat/mm/slab_common.c, slub.c), so a
 * SLUB debug report, a leak or a might_sleep names the driver's line.
 * kfree(), kmem_cache_free(), kmem_cache_destroy() and kvfree() are also
 * real functions, for drivers that take their address.
 *
 * Objects live in the simulated RAM: slab pages come from the buddy
 * allocator (PageSlab), kmalloc() above 8 KiB is a compound page
 * allocation, virt_to_page()/virt_to_phys() work on both.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>
#include <asm/page.h>
#include <kshim/site.h>

/* Debug and behaviour flags of kmem_cache_create() (6.1 values). */
#define SLAB_CONSISTENCY_CHECKS	((slab_flags_t __force)0x00000100U)
#define SLAB_RED_ZONE		((slab_flags_t __force)0x00000400U)
#define SLAB_POISON		((slab_flags_t __force)0x00000800U)
#define SLAB_KMALLOC		((slab_flags_t __force)0x00001000U)
#define SLAB_HWCACHE_ALIGN	((slab_flags_t __force)0x00002000U)
#define SLAB_CACHE_DMA		((slab_flags_t __force)0x00004000U)
#define SLAB_CACHE_DMA32	((slab_flags_t __force)0x00008000U)
#define SLAB_STORE_USER		((slab_flags_t __force)0x00010000U)
#define SLAB_PANIC		((slab_flags_t __force)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((slab_flags_t __force)0x00080000U)
#define SLAB_MEM_SPREAD		((slab_flags_t __force)0x00100000U)
#define SLAB_TRACE		((slab_flags_t __force)0x00200000U)
/* kshim has no debugobjects: 0 as without CONFIG_DEBUG_OBJECTS. */
#define SLAB_DEBUG_OBJECTS	0
#define SLAB_NOLEAKTRACE	((slab_flags_t __force)0x00800000U)
#define SLAB_FAILSLAB		((slab_flags_t __force)0x02000000U)
#define SLAB_ACCOUNT		((slab_flags_t __force)0x04000000U)
#define SLAB_KASAN		0
#define SLAB_NO_USER_FLAGS	((slab_flags_t __force)0x10000000U)
#define SLAB_SKIP_KFENCE	0
#define SLAB_RECLAIM_ACCOUNT	((slab_flags_t __force)0x00020000U)
#define SLAB_TEMPORARY		SLAB_RECLAIM_ACCOUNT

/*
 * kmalloc(0) returns ZERO_SIZE_PTR: dereferencing it faults, kfree() and
 * ksize() accept it.
 */
#define ZERO_SIZE_PTR ((void *)16)

#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= \
				(unsigned long)ZERO_SIZE_PTR)

/* x86_64 has no ARCH_DMA_MINALIGN: 8-byte alignment. */
#define ARCH_KMALLOC_MINALIGN	__alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)

/* SLUB: the largest kmalloc cache is two pages, above that pages. */
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX	(11 + PAGE_SHIFT - 1)	/* MAX_ORDER 11 */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_ORDER	(KMALLOC_SHIFT_MAX - PAGE_SHIFT)
#define KMALLOC_MIN_SIZE	(1 << KMALLOC_SHIFT_LOW)
#define SLAB_OBJ_MIN_SIZE	(KMALLOC_MIN_SIZE < 16 ? \
				 (KMALLOC_MIN_SIZE) : 16)

/* The kmalloc cache families, picked by gfp (kmalloc_type()). */
enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_CGROUP,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

struct kmem_cache;
struct list_lru;

/* ---- kshim's entry points (compat/mm/slab_common.c, slub.c) ---- */

void *__kshim_kmalloc(size_t size, gfp_t flags, int node,
		      const struct kshim_site *site) __malloc;
void __kshim_kfree(const void *objp, const struct kshim_site *site);
void *__kshim_krealloc(const void *objp, size_t new_size, gfp_t flags,
		       const struct kshim_site *site);
void __kshim_kfree_sensitive(const void *objp,
			     const struct kshim_site *site);
struct kmem_cache *
__kshim_kmem_cache_create_usercopy(const char *name, unsigned int size,
				   unsigned int align, slab_flags_t flags,
				   unsigned int useroffset,
				   unsigned int usersize,
				   void (*ctor)(void *),
				   const struct kshim_site *site);
void __kshim_kmem_cache_destroy(struct kmem_cache *s,
				const struct kshim_site *site);
void *__kshim_kmem_cache_alloc(struct kmem_cache *s, gfp_t flags, int node,
			       const struct kshim_site *site) __malloc;
void __kshim_kmem_cache_free(struct kmem_cache *s, void *objp,
			     const struct kshim_site *site);
int __kshim_kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags,
				  size_t size, void **p,
				  const struct kshim_site *site);
void __kshim_kmem_cache_free_bulk(struct kmem_cache *s, size_t size,
				  void **p, const struct kshim_site *site);

/* Real functions (a driver may take their address). */
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
size_t kmalloc_size_roundup(size_t size);
void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);
const char *kmem_cache_name(struct kmem_cache *s);

/* ---- the kernel's API ---- */

#define kmem_cache_create(name, size, align, flags, ctor)		\
	__kshim_kmem_cache_create_usercopy(name, size, align, flags, 0, 0, \
					   ctor, __KSHIM_CALLSITE)
#define kmem_cache_create_usercopy(name, size, align, flags, useroffset, \
				   usersize, ctor)			\
	__kshim_kmem_cache_create_usercopy(name, size, align, flags,	\
					   useroffset, usersize, ctor,	\
					   __KSHIM_CALLSITE)

/*
 * Please use this macro to create slab caches. Simply specify the
 * name of the structure and maybe some flags (as the kernel's comment).
 */
#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)		\
	kmem_cache_create_usercopy(#__struct,				\
			sizeof(struct __struct),			\
			__alignof__(struct __struct), (__flags),	\
			offsetof(struct __struct, __field),		\
			sizeof_field(struct __struct, __field), NULL)

#define kmem_cache_destroy(s)	__kshim_kmem_cache_destroy(s, __KSHIM_CALLSITE)

#define kmem_cache_alloc(s, flags)					\
	__kshim_kmem_cache_alloc(s, flags, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define kmem_cache_alloc_node(s, flags, node)				\
	__kshim_kmem_cache_alloc(s, flags, node, __KSHIM_CALLSITE)
#define kmem_cache_alloc_lru(s, lru, flags)				\
	__kshim_kmem_cache_alloc(s, flags, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define kmem_cache_zalloc(s, flags)					\
	__kshim_kmem_cache_alloc(s, (flags) | __GFP_ZERO, NUMA_NO_NODE,	\
				 __KSHIM_CALLSITE)
#define kmem_cache_free(s, objp)					\
	__kshim_kmem_cache_free(s, objp, __KSHIM_CALLSITE)
#define kmem_cache_alloc_bulk(s, flags, size, p)			\
	__kshim_kmem_cache_alloc_bulk(s, flags, size, p, __KSHIM_CALLSITE)
#define kmem_cache_free_bulk(s, size, p)				\
	__kshim_kmem_cache_free_bulk(s, size, p, __KSHIM_CALLSITE)
#define kfree_bulk(size, p)						\
	__kshim_kmem_cache_free_bulk(NULL, size, p, __KSHIM_CALLSITE)

#define kmalloc(size, flags)						\
	__kshim_kmalloc(size, flags, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define __kmalloc(size, flags)	kmalloc(size, flags)
#define kmalloc_node(size, flags, node)					\
	__kshim_kmalloc(size, flags, node, __KSHIM_CALLSITE)
#define __kmalloc_node(size, flags, node) kmalloc_node(size, flags, node)
#define kmalloc_track_caller(size, flags)	kmalloc(size, flags)
#define kmalloc_node_track_caller(size, flags, node)			\
	kmalloc_node(size, flags, node)
#define kzalloc(size, flags)	kmalloc(size, (flags) | __GFP_ZERO)
#define kzalloc_node(size, flags, node)					\
	kmalloc_node(size, (flags) | __GFP_ZERO, node)

static __always_inline void *
__kshim_kmalloc_array(size_t n, size_t size, gfp_t flags, int node,
		      const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kshim_kmalloc(bytes, flags, node, site);
}

#define kmalloc_array(n, size, flags)					\
	__kshim_kmalloc_array(n, size, flags, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define kmalloc_array_node(n, size, flags, node)			\
	__kshim_kmalloc_array(n, size, flags, node, __KSHIM_CALLSITE)
#define kcalloc(n, size, flags)						\
	__kshim_kmalloc_array(n, size, (flags) | __GFP_ZERO, NUMA_NO_NODE, \
			      __KSHIM_CALLSITE)
#define kcalloc_node(n, size, flags, node)				\
	__kshim_kmalloc_array(n, size, (flags) | __GFP_ZERO, node,	\
			      __KSHIM_CALLSITE)

static __always_inline void *
__kshim_krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags,
		       const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return __kshim_krealloc(p, bytes, flags, site);
}

#define krealloc(p, new_size, flags)					\
	__kshim_krealloc(p, new_size, flags, __KSHIM_CALLSITE)
#define krealloc_array(p, new_n, new_size, flags)			\
	__kshim_krealloc_array(p, new_n, new_size, flags, __KSHIM_CALLSITE)
#define kfree(objp)		__kshim_kfree(objp, __KSHIM_CALLSITE)
#define kfree_sensitive(objp)	__kshim_kfree_sensitive(objp, __KSHIM_CALLSITE)

/* ---- kvmalloc(): kmalloc, falling back to vmalloc (compat/mm/util.c) ---- */

void *__kshim_kvmalloc_node(size_t size, gfp_t flags, int node,
			    const struct kshim_site *site) __malloc;
void __kshim_kvfree(const void *addr, const struct kshim_site *site);
void kvfree(const void *addr);
void *__kshim_kvrealloc(const void *p, size_t oldsize, size_t newsize,
			gfp_t flags, const struct kshim_site *site);
void __kshim_kvfree_sensitive(const void *addr, size_t len,
			      const struct kshim_site *site);

#define kvmalloc_node(size, flags, node)				\
	__kshim_kvmalloc_node(size, flags, node, __KSHIM_CALLSITE)
#define kvmalloc(size, flags)						\
	__kshim_kvmalloc_node(size, flags, NUMA_NO_NODE, __KSHIM_CALLSITE)
#define kvzalloc_node(size, flags, node)				\
	__kshim_kvmalloc_node(size, (flags) | __GFP_ZERO, node,		\
			      __KSHIM_CALLSITE)
#define kvzalloc(size, flags)						\
	__kshim_kvmalloc_node(size, (flags) | __GFP_ZERO, NUMA_NO_NODE,	\
			      __KSHIM_CALLSITE)

static __always_inline void *
__kshim_kvmalloc_array(size_t n, size_t size, gfp_t flags,
		       const struct kshim_site *site)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kshim_kvmalloc_node(bytes, flags, NUMA_NO_NODE, site);
}

#define kvmalloc_array(n, size, flags)					\
	__kshim_kvmalloc_array(n, size, flags, __KSHIM_CALLSITE)
#define kvcalloc(n, size, flags)					\
	__kshim_kvmalloc_array(n, size, (flags) | __GFP_ZERO,		\
			       __KSHIM_CALLSITE)
#define kvrealloc(p, oldsize, newsize, flags)				\
	__kshim_kvrealloc(p, oldsize, newsize, flags, __KSHIM_CALLSITE)
#define kvfree(addr)		__kshim_kvfree(addr, __KSHIM_CALLSITE)
#define kvfree_sensitive(addr, len)					\
	__kshim_kvfree_sensitive(addr, len, __KSHIM_CALLSITE)

/* What the kernel's linux/slab.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/srcu.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/workqueue.h>

#endif /* _LINUX_SLAB_H */
