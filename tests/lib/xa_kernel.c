// SPDX-License-Identifier: GPL-2.0
/*
 * xa_kernel.c - kernel code (module "xa_kernel") that uses linux/xarray.h,
 * linux/idr.h and linux/radix-tree.h as a driver does, including the
 * misuse the kernel reports.  The lines that report carry LINE: markers,
 * which the tests look up to demand that file:line in the report.
 */
#include <linux/gfp.h>
#include <linux/idr.h>
#include <linux/radix-tree.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include "xa_kernel.h"

static DEFINE_SPINLOCK(other_lock);
static DEFINE_XARRAY(kx);
static DEFINE_XARRAY_ALLOC(kx_alloc);
static DEFINE_XARRAY_ALLOC1(kx_alloc1);
static DEFINE_XARRAY_FLAGS(kx_irq, XA_FLAGS_LOCK_IRQ);
static DEFINE_IDR(kidr);
static DEFINE_IDA(kida);
static RADIX_TREE(kroot, GFP_ATOMIC);

#define CHECK(cond) do { if (!(cond)) return -__LINE__; } while (0)

/* The normal API as a driver uses it; 0 or -line of the failed check. */
int xa_kernel_usage(void)
{
	unsigned long index, count = 0;
	void *entry;
	u32 id, next = 0;

	CHECK(xa_empty(&kx));
	CHECK(!xa_err(xa_store(&kx, 5, xa_mk_value(5), GFP_KERNEL)));
	CHECK(!xa_err(xa_store_bh(&kx, 7, xa_mk_value(7), GFP_KERNEL)));
	CHECK(!xa_err(xa_store_irq(&kx, 1UL << 40, &kx, GFP_KERNEL)));
	CHECK(xa_insert(&kx, 5, &kx, GFP_KERNEL) == -EBUSY);
	xa_set_mark(&kx, 7, XA_MARK_1);
	CHECK(xa_marked(&kx, XA_MARK_1));
	xa_for_each(&kx, index, entry)
		count++;
	CHECK(count == 3);
	count = 0;
	xa_for_each_marked(&kx, index, entry, XA_MARK_1)
		CHECK(index == 7 && ++count == 1);
	xa_lock(&kx);
	CHECK(__xa_erase(&kx, 5) == xa_mk_value(5));
	CHECK(!xa_err(__xa_store(&kx, 6, xa_mk_value(6), GFP_ATOMIC)));
	xa_unlock(&kx);
	xa_destroy(&kx);
	CHECK(xa_empty(&kx) && !xa_marked(&kx, XA_MARK_1));

	CHECK(xa_alloc(&kx_alloc, &id, &kx, xa_limit_32b, GFP_KERNEL) == 0);
	CHECK(id == 0);
	CHECK(xa_alloc(&kx_alloc1, &id, &kx, xa_limit_32b, GFP_KERNEL) == 0);
	CHECK(id == 1);
	CHECK(xa_alloc_cyclic(&kx_alloc, &id, &kx, XA_LIMIT(0, 1), &next,
			      GFP_KERNEL) == 0 && id == 1);
	CHECK(xa_alloc_cyclic(&kx_alloc, &id, &kx, XA_LIMIT(0, 1), &next,
			      GFP_KERNEL) == -EBUSY);
	xa_destroy(&kx_alloc);
	xa_destroy(&kx_alloc1);

	CHECK(!xa_err(xa_store_irq(&kx_irq, 3, &kx, GFP_KERNEL)));
	CHECK(xa_erase_irq(&kx_irq, 3) == &kx);

	idr_preload(GFP_KERNEL);
	spin_lock(&other_lock);
	CHECK(idr_alloc(&kidr, &kx, 10, 0, GFP_NOWAIT) == 10);
	spin_unlock(&other_lock);
	idr_preload_end();
	CHECK(idr_find(&kidr, 10) == &kx);
	idr_destroy(&kidr);

	CHECK(ida_alloc(&kida, GFP_KERNEL) == 0);
	CHECK(ida_simple_get(&kida, 0, 0, GFP_KERNEL) == 1);
	ida_free(&kida, 0);
	ida_simple_remove(&kida, 1);
	CHECK(ida_is_empty(&kida));

	CHECK(radix_tree_preload(GFP_KERNEL) == 0);
	CHECK(radix_tree_insert(&kroot, 3, &kx) == 0);
	radix_tree_preload_end();
	CHECK(radix_tree_lookup(&kroot, 3) == &kx);
	CHECK(radix_tree_delete(&kroot, 3) == &kx);
	return 0;
}

void *xa_kernel_store(struct xarray *xa, unsigned long index, void *entry)
{
	return xa_store(xa, index, entry, GFP_KERNEL); /* LINE:xa_store */
}

void *xa_kernel_cmpxchg(struct xarray *xa, unsigned long index, void *entry)
{
	return xa_cmpxchg(xa, index, NULL, entry, GFP_KERNEL); /* LINE:xa_cmpxchg */
}

int xa_kernel_insert(struct xarray *xa, unsigned long index, void *entry)
{
	return xa_insert(xa, index, entry, GFP_KERNEL); /* LINE:xa_insert */
}

int xa_kernel_alloc(struct xarray *xa, u32 *id, void *entry)
{
	return xa_alloc(xa, id, entry, xa_limit_31b, GFP_KERNEL); /* LINE:xa_alloc */
}

void *xa_kernel_mk_value(unsigned long v)
{
	return xa_mk_value(v); /* LINE:xa_mk_value */
}

/* xa_store(GFP_KERNEL) under another spinlock: might_sleep. */
void *xa_kernel_store_locked(struct xarray *xa, unsigned long index,
			     void *entry, gfp_t gfp)
{
	void *curr;

	spin_lock(&other_lock);
	curr = xa_store(xa, index, entry, gfp); /* LINE:store_locked */
	spin_unlock(&other_lock);
	return curr;
}

/* __xa_store() under xa_lock alone: it drops the lock to allocate. */
void *xa_kernel_store_xa_locked(struct xarray *xa, unsigned long index,
				void *entry, gfp_t gfp, bool other)
{
	void *curr;

	if (other)
		spin_lock(&other_lock);
	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp); /* LINE:__xa_store */
	xa_unlock(xa);
	if (other)
		spin_unlock(&other_lock);
	return curr;
}

/* Called with xa_lock already held: the spinlock report. */
void *xa_kernel_store_recursive(struct xarray *xa)
{
	void *curr;

	xa_lock(xa);
	curr = xa_store(xa, 0, xa, GFP_ATOMIC); /* LINE:xa_recursive */
	xa_unlock(xa);
	return curr;
}

int xa_kernel_idr_alloc(struct idr *idr, void *ptr, int start, int end,
			gfp_t gfp)
{
	return idr_alloc(idr, ptr, start, end, gfp); /* LINE:idr_alloc */
}

int xa_kernel_idr_alloc_locked(struct idr *idr, void *ptr, gfp_t gfp)
{
	int id;

	spin_lock(&other_lock);
	id = idr_alloc(idr, ptr, 0, 0, gfp); /* LINE:idr_alloc_locked */
	spin_unlock(&other_lock);
	return id;
}

void xa_kernel_idr_preload(gfp_t gfp)
{
	spin_lock(&other_lock);
	idr_preload(gfp); /* LINE:idr_preload */
	idr_preload_end();
	spin_unlock(&other_lock);
}

void xa_kernel_ida_free(struct ida *ida, unsigned int id)
{
	ida_free(ida, id); /* LINE:ida_free */
}

int xa_kernel_ida_alloc_locked(struct ida *ida, gfp_t gfp)
{
	int id;

	spin_lock(&other_lock);
	id = ida_alloc(ida, gfp); /* LINE:ida_alloc_locked */
	spin_unlock(&other_lock);
	return id;
}

int xa_kernel_radix_preload(gfp_t gfp)
{
	int ret = radix_tree_preload(gfp); /* LINE:radix_preload */

	if (!ret)
		radix_tree_preload_end();
	return ret;
}

int xa_kernel_radix_insert(struct radix_tree_root *root, unsigned long index,
			   void *item)
{
	return radix_tree_insert(root, index, item); /* LINE:radix_insert */
}

void *xa_kernel_radix_tag_set(struct radix_tree_root *root,
			      unsigned long index)
{
	return radix_tree_tag_set(root, index, 0); /* LINE:radix_tag_set */
}
