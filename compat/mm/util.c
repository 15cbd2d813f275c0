// SPDX-License-Identifier: GPL-2.0
/*
 * compat/mm/util.c - the allocation helpers of mm/util.c (6.1).
 *
 * kvmalloc_node(): up to PAGE_SIZE it is kmalloc_node() and nothing else;
 * above, kmalloc is tried with __GFP_NOWARN, __GFP_NORETRY (unless
 * __GFP_RETRY_MAYFAIL) and without __GFP_NOFAIL, then - for a blocking
 * gfp only, and below INT_MAX (above it: WARN_ON_ONCE unless
 * __GFP_NOWARN) - vmalloc.  kvfree() picks vfree() or kfree() by
 * is_vmalloc_addr(); kvrealloc() never shrinks; kvfree_sensitive()
 * clears first.  The kstrdup()/kmemdup() family copies into kmalloc()
 * memory (kmalloc_track_caller(): the allocation is the driver's line).
 * memdup_user() and friends wait for uaccess.
 *
 * is_kernel_rodata() has no direct counterpart in a process: kshim
 * treats as read-only data whatever lies in a read-only segment of a
 * loaded object (arch_is_rodata()): string literals and const tables of
 * the driver, the test and kshim.  So kstrdup_const("literal") returns
 * the literal and kfree_const() of it does nothing, as in the kernel,
 * while a string in the heap, the stack or kmalloc() memory is copied
 * and freed.
 */
#include <linux/gfp.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "kshim/internal.h"
#include "arch/vmap.h"
#include "mm/internal.h"

/* ---- kvmalloc ---- */

static bool kvmalloc_huge_warned;

void *__kshim_kvmalloc_node(size_t size, gfp_t flags, int node,
			    const struct kshim_site *site)
{
	gfp_t kmalloc_flags = flags;
	void *ret;

	if (size > PAGE_SIZE) {
		kmalloc_flags |= __GFP_NOWARN;
		if (!(kmalloc_flags & __GFP_RETRY_MAYFAIL))
			kmalloc_flags |= __GFP_NORETRY;
		/* the vmalloc fallback provides __GFP_NOFAIL */
		kmalloc_flags &= ~__GFP_NOFAIL;
	}
	ret = __kshim_kmalloc(size, kmalloc_flags, node, site);
	/* no fallback for sub-page sizes */
	if (ret || size <= PAGE_SIZE)
		return ret;
	/* vmalloc cannot serve non-blocking allocations */
	if (!gfpflags_allow_blocking(flags))
		return NULL;
	if (unlikely(size > INT_MAX)) {
		if (!(flags & __GFP_NOWARN) &&
		    !__atomic_exchange_n(&kvmalloc_huge_warned, true,
					 __ATOMIC_RELAXED))
			__kshim_warn(site->file, site->line, site->func,
				     site->mod, TAINT_WARN, NULL);
		return NULL;
	}
	return kshim_vmalloc_for_kvmalloc(size, flags, node, site,
					  __builtin_return_address(0));
}

void __kshim_kvfree(const void *addr, const struct kshim_site *site)
{
	if (is_vmalloc_addr(addr))
		__kshim_vfree(addr, site);
	else
		__kshim_kfree(addr, site);
}

void __kshim_kvfree_sensitive(const void *addr, size_t len,
			      const struct kshim_site *site)
{
	if (likely(!ZERO_OR_NULL_PTR(addr))) {
		memzero_explicit((void *)addr, len);
		__kshim_kvfree(addr, site);
	}
}

void *__kshim_kvrealloc(const void *p, size_t oldsize, size_t newsize,
			gfp_t flags, const struct kshim_site *site)
{
	void *newp;

	if (oldsize >= newsize)
		return (void *)p;
	newp = __kshim_kvmalloc_node(newsize, flags, NUMA_NO_NODE, site);
	if (!newp)
		return NULL;
	memcpy(newp, p, oldsize);
	__kshim_kvfree(p, site);
	return newp;
}

/* Each test starts with kvmalloc's WARN_ON_ONCE unused (vmalloc.c). */
void kshim_kvmalloc_test_begin(void)
{
	kvmalloc_huge_warned = false;
}

/* ---- kstrdup, kmemdup ---- */

char *__kshim_kstrdup(const char *s, gfp_t gfp, const struct kshim_site *site)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = __kshim_kmalloc(len, gfp, NUMA_NO_NODE, site);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}

const char *__kshim_kstrdup_const(const char *s, gfp_t gfp,
				  const struct kshim_site *site)
{
	if (arch_is_rodata(s))
		return s;
	return __kshim_kstrdup(s, gfp, site);
}

char *__kshim_kstrndup(const char *s, size_t max, gfp_t gfp,
		       const struct kshim_site *site)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = __kshim_kmalloc(len + 1, gfp, NUMA_NO_NODE, site);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void *__kshim_kmemdup(const void *src, size_t len, gfp_t gfp,
		      const struct kshim_site *site)
{
	void *p = __kshim_kmalloc(len, gfp, NUMA_NO_NODE, site);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *__kshim_kmemdup_nul(const char *s, size_t len, gfp_t gfp,
			  const struct kshim_site *site)
{
	char *buf;

	if (!s)
		return NULL;
	buf = __kshim_kmalloc(len + 1, gfp, NUMA_NO_NODE, site);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void __kshim_kfree_const(const void *x, const struct kshim_site *site)
{
	if (!arch_is_rodata(x))
		__kshim_kfree(x, site);
}

/* ---- the real functions, for code that takes their address ---- */

static const struct kshim_site kvfree_ptr_site = {
	"(kvfree() called through a pointer)", 0, "kvfree", NULL
};
static const struct kshim_site kfree_const_ptr_site = {
	"(kfree_const() called through a pointer)", 0, "kfree_const", NULL
};

#undef kvfree
void kvfree(const void *addr)
{
	__kshim_kvfree(addr, &kvfree_ptr_site);
}

#undef kfree_const
void kfree_const(const void *x)
{
	__kshim_kfree_const(x, &kfree_const_ptr_site);
}
