/*
 * test_xarray - linux/xarray.h and linux/radix-tree.h (compat/lib/xarray.c,
 * radix-tree.c) against Linux 6.1's semantics: a random stress against a
 * plain reference model (store/erase/insert/cmpxchg/marks, iteration order,
 * xa_find ranges), ID allocation (limits, -EBUSY, ALLOC1, reservations,
 * cyclic wrap), the entry encodings, the lock variants, and the kernel's
 * reports at the calling kernel code's line (xa_kernel.c): the
 * WARN_ON_ONCE for entries the XArray keeps for itself, might_sleep for a
 * blocking gfp in atomic context (silent for GFP_ATOMIC and for __xa_*()
 * under xa_lock alone), the spinlock recursion, the radix tree's BUG_ON
 * and preload WARN.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <linux/radix-tree.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include "common/expect_bug.h"
#include "lib/xa_kernel.h"

/* ---- helpers ---- */

static unsigned long long rng_state;

static unsigned long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* A WARN at @marker of xa_kernel.c (the kernel code's line). */
/* ---- the reference model ---- */

#define POOL 600
static unsigned long pool[POOL];	/* distinct indices, ascending */
static void *model[POOL];
static bool model_mark[XA_MAX_MARKS][POOL];

static void make_pool(void)
{
	unsigned int n = 0, i, j;

	for (i = 0; i < 300; i++)
		pool[n++] = i;
	pool[n++] = ULONG_MAX;
	pool[n++] = ULONG_MAX - 1;
	pool[n++] = 1UL << 63;
	pool[n++] = (1UL << 32) - 1;
	pool[n++] = 1UL << 32;
	pool[n++] = 4095;
	pool[n++] = 4096;
	pool[n++] = 262143;
	pool[n++] = 262144;
	while (n < POOL) {
		unsigned long v = rnd() >> (rnd() % 64);

		for (j = 0; j < n && pool[j] != v; j++)
			;
		if (j == n)
			pool[n++] = v;
	}
	qsort(pool, POOL, sizeof(pool[0]), cmp_ulong);
	memset(model, 0, sizeof(model));
	memset(model_mark, 0, sizeof(model_mark));
}

static void *random_entry(void)
{
	switch (rnd() % 4) {
	case 0:
		return xa_mk_value(rnd() >> 2);
	case 1:
		return xa_tag_pointer((void *)((rnd() | 1) << 4), 1 + rnd() % 3 / 2 * 2);
	default:
		return (void *)((rnd() | 1) << 3);
	}
}

static void verify_model(struct xarray *xa)
{
	unsigned long index, count;
	unsigned int i, m;
	void *entry;
	bool any;

	/* Every index of the pool loads what the model holds. */
	for (i = 0; i < POOL; i++) {
		CU_ASSERT_PTR_EQUAL(xa_load(xa, pool[i]), model[i]);
		for (m = 0; m < XA_MAX_MARKS; m++)
			CU_ASSERT_EQUAL(xa_get_mark(xa, pool[i], m),
					model[i] && model_mark[m][i]);
	}
	/* Iteration visits the entries in index order, nothing else. */
	i = 0;
	count = 0;
	xa_for_each(xa, index, entry) {
		while (i < POOL && !model[i])
			i++;
		CU_ASSERT_FATAL(i < POOL);
		CU_ASSERT_EQUAL_FATAL(index, pool[i]);
		CU_ASSERT_PTR_EQUAL(entry, model[i]);
		i++;
		count++;
	}
	while (i < POOL && !model[i])
		i++;
	CU_ASSERT_EQUAL(i, POOL);
	CU_ASSERT_EQUAL(xa_empty(xa), count == 0);
	for (m = 0; m < XA_MAX_MARKS; m++) {
		i = 0;
		any = false;
		xa_for_each_marked(xa, index, entry, m) {
			while (i < POOL && !(model[i] && model_mark[m][i]))
				i++;
			CU_ASSERT_FATAL(i < POOL);
			CU_ASSERT_EQUAL_FATAL(index, pool[i]);
			i++;
			any = true;
		}
		while (i < POOL && !(model[i] && model_mark[m][i]))
			i++;
		CU_ASSERT_EQUAL(i, POOL);
		CU_ASSERT_EQUAL(xa_marked(xa, m), any);
	}
}

/* xa_find / xa_find_after / xa_for_each_range on a random window. */
static void verify_ranges(struct xarray *xa)
{
	unsigned int a = rnd() % POOL, b = rnd() % POOL, i;
	unsigned long first, last, index;
	void *entry;

	if (a > b) {
		unsigned int t = a;

		a = b;
		b = t;
	}
	first = pool[a];
	last = pool[b];
	i = a;
	xa_for_each_range(xa, index, entry, first, last) {
		while (i <= b && !model[i])
			i++;
		CU_ASSERT_FATAL(i <= b);
		CU_ASSERT_EQUAL_FATAL(index, pool[i]);
		i++;
	}
	while (i <= b && !model[i])
		i++;
	CU_ASSERT_EQUAL(i, b + 1);
	/* xa_find() leaves the index alone when nothing is found. */
	index = last;
	if (last != ULONG_MAX) {
		index = last + 1;
		entry = xa_find(xa, &index, last, XA_PRESENT);
		CU_ASSERT_PTR_NULL(entry);
		CU_ASSERT_EQUAL(index, last + 1);
	}
}

static void stress(struct xarray *xa, unsigned long long seed,
		   unsigned int ops)
{
	unsigned int n;

	rng_state = seed;
	make_pool();
	for (n = 0; n < ops; n++) {
		unsigned int i = rnd() % POOL, m = rnd() % XA_MAX_MARKS;
		unsigned long idx = pool[i];
		void *e = random_entry(), *old, *cmp;
		int ret;

		switch (rnd() % 8) {
		case 0:
		case 1:
			old = xa_store(xa, idx, e, GFP_KERNEL);
			CU_ASSERT_PTR_EQUAL(old, model[i]);
			model[i] = e;	/* marks stay with the index */
			break;
		case 2:
			old = xa_erase(xa, idx);
			CU_ASSERT_PTR_EQUAL(old, model[i]);
			model[i] = NULL;
			for (m = 0; m < XA_MAX_MARKS; m++)
				model_mark[m][i] = false;
			break;
		case 3:
			ret = xa_insert(xa, idx, e, GFP_KERNEL);
			CU_ASSERT_EQUAL(ret, model[i] ? -EBUSY : 0);
			if (!model[i])
				model[i] = e;
			break;
		case 4:
			cmp = rnd() % 2 ? model[i] : NULL;
			old = xa_cmpxchg(xa, idx, cmp, e, GFP_KERNEL);
			CU_ASSERT_PTR_EQUAL(old, model[i]);
			if (cmp == model[i])
				model[i] = e;
			break;
		case 5:
			xa_set_mark(xa, idx, m);
			if (model[i])
				model_mark[m][i] = true;
			break;
		case 6:
			xa_clear_mark(xa, idx, m);
			model_mark[m][i] = false;
			break;
		default:
			CU_ASSERT_PTR_EQUAL(xa_load(xa, idx), model[i]);
			/* an index next to it but not in the pool */
			if (i + 1 < POOL && pool[i] + 1 != pool[i + 1])
				CU_ASSERT_PTR_NULL(xa_load(xa, idx + 1));
			break;
		}
		if (n % 2000 == 1999) {
			verify_model(xa);
			verify_ranges(xa);
		}
	}
	verify_model(xa);
}

/* ---- tests ---- */

static void test_stress_model(void)
{
	static DEFINE_XARRAY(xa);
	unsigned int i;

	stress(&xa, 0x9e3779b97f4a7c15ULL, 40000);
	/* Erase everything: the tree goes back to empty. */
	for (i = 0; i < POOL; i++) {
		CU_ASSERT_PTR_EQUAL(xa_erase(&xa, pool[i]), model[i]);
		model[i] = NULL;
	}
	CU_ASSERT(xa_empty(&xa));
	CU_ASSERT(!xa_marked(&xa, XA_MARK_0));
	CU_ASSERT(!xa_marked(&xa, XA_MARK_1));
	CU_ASSERT(!xa_marked(&xa, XA_MARK_2));
	CU_ASSERT_PTR_NULL(xa.xa_head);
}

static void test_stress_seeds(void)
{
	struct xarray xa;
	unsigned long long seed;

	for (seed = 1; seed <= 5; seed++) {
		xa_init(&xa);
		stress(&xa, seed * 0x2545F4914F6CDD1DULL, 8000);
		xa_destroy(&xa);
		CU_ASSERT(xa_empty(&xa));
		CU_ASSERT_PTR_NULL(xa_load(&xa, pool[0]));
	}
}

static void test_dense_and_sparse(void)
{
	DEFINE_XARRAY(xa);
	unsigned long i, index;
	void *entry;

	for (i = 0; i < 5000; i++)
		CU_ASSERT_PTR_NULL(xa_store(&xa, i, xa_mk_value(i), GFP_KERNEL));
	CU_ASSERT_PTR_NULL(xa_store(&xa, ULONG_MAX, xa_mk_value(7), GFP_KERNEL));
	i = 0;
	xa_for_each(&xa, index, entry) {
		if (i < 5000) {
			CU_ASSERT_EQUAL(index, i);
			CU_ASSERT_EQUAL(xa_to_value(entry), i);
		} else {
			CU_ASSERT_EQUAL(index, ULONG_MAX);
		}
		i++;
	}
	CU_ASSERT_EQUAL(i, 5001);
	/* xa_find_after() past ULONG_MAX finds nothing (no wrap). */
	index = ULONG_MAX;
	CU_ASSERT_PTR_NULL(xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT));
	/* Erase in a different order, keep checking neighbours. */
	for (i = 0; i < 5000; i += 2)
		CU_ASSERT_EQUAL(xa_to_value(xa_erase(&xa, i)), i);
	for (i = 0; i < 5000; i++)
		CU_ASSERT_PTR_EQUAL(xa_load(&xa, i),
				    i % 2 ? xa_mk_value(i) : NULL);
	for (i = 1; i < 5000; i += 2)
		xa_erase(&xa, i);
	CU_ASSERT(!xa_empty(&xa));
	CU_ASSERT_EQUAL(xa_to_value(xa_erase(&xa, ULONG_MAX)), 7);
	CU_ASSERT(xa_empty(&xa));
}

static void test_entries(void)
{
	DEFINE_XARRAY(xa);
	void *p = (void *)0x1000;

	CU_ASSERT(xa_is_value(xa_mk_value(0)));
	CU_ASSERT_EQUAL(xa_to_value(xa_mk_value(LONG_MAX)), LONG_MAX);
	CU_ASSERT(!xa_is_value(p));
	CU_ASSERT_PTR_EQUAL(xa_untag_pointer(xa_tag_pointer(p, 3)), p);
	CU_ASSERT_EQUAL(xa_pointer_tag(xa_tag_pointer(p, 2)), 2);
	CU_ASSERT_EQUAL(xa_err(XA_ERROR(-ENOMEM)), -ENOMEM);
	CU_ASSERT_EQUAL(xa_err(XA_ERROR(-EINVAL)), -EINVAL);
	CU_ASSERT(xa_is_err(XA_ERROR(-EBUSY)));
	CU_ASSERT(!xa_is_err(p));
	CU_ASSERT(!xa_is_err(xa_mk_value(3)));
	CU_ASSERT_EQUAL(xa_err(p), 0);
	CU_ASSERT(xa_is_zero(XA_ZERO_ENTRY));
	CU_ASSERT(xa_is_advanced(XA_RETRY_ENTRY));
	CU_ASSERT(!xa_is_advanced(XA_ZERO_ENTRY));
	/* Tagged pointers (tag 1 and 3 are value-like, tag 2 internal). */
	CU_ASSERT_PTR_NULL(xa_store(&xa, 1, xa_tag_pointer(p, 1), GFP_KERNEL));
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 1), xa_tag_pointer(p, 1));
	CU_ASSERT_EQUAL(xa_pointer_tag(xa_load(&xa, 1)), 1);
	xa_destroy(&xa);
}

static void test_marks(void)
{
	DEFINE_XARRAY(xa);
	unsigned long index;
	void *entry;

	/* A mark on an empty index does nothing. */
	xa_set_mark(&xa, 4, XA_MARK_0);
	CU_ASSERT(!xa_get_mark(&xa, 4, XA_MARK_0));
	CU_ASSERT(!xa_marked(&xa, XA_MARK_0));
	CU_ASSERT_PTR_NULL(xa_store(&xa, 4, xa_mk_value(4), GFP_KERNEL));
	CU_ASSERT_PTR_NULL(xa_store(&xa, 1UL << 50, xa_mk_value(5), GFP_KERNEL));
	xa_set_mark(&xa, 4, XA_MARK_2);
	xa_set_mark(&xa, 1UL << 50, XA_MARK_2);
	CU_ASSERT(xa_marked(&xa, XA_MARK_2));
	CU_ASSERT(!xa_marked(&xa, XA_MARK_1));
	/* Replacing keeps the mark; erasing drops it. */
	CU_ASSERT_PTR_EQUAL(xa_store(&xa, 4, xa_mk_value(6), GFP_KERNEL),
			    xa_mk_value(4));
	CU_ASSERT(xa_get_mark(&xa, 4, XA_MARK_2));
	index = 5;
	entry = xa_find(&xa, &index, ULONG_MAX, XA_MARK_2);
	CU_ASSERT_PTR_EQUAL(entry, xa_mk_value(5));
	CU_ASSERT_EQUAL(index, 1UL << 50);
	xa_erase(&xa, 4);
	CU_ASSERT_PTR_NULL(xa_store(&xa, 4, xa_mk_value(4), GFP_KERNEL));
	CU_ASSERT(!xa_get_mark(&xa, 4, XA_MARK_2));
	xa_clear_mark(&xa, 1UL << 50, XA_MARK_2);
	CU_ASSERT(!xa_marked(&xa, XA_MARK_2));
	/* A mark number past XA_MARK_MAX is nothing. */
	CU_ASSERT(!xa_get_mark(&xa, 4, XA_PRESENT));
	xa_destroy(&xa);
}

static void test_extract(void)
{
	DEFINE_XARRAY(xa);
	void *dst[8];
	unsigned long i;

	for (i = 0; i < 10; i++)
		xa_store(&xa, i * 100, xa_mk_value(i), GFP_KERNEL);
	xa_set_mark(&xa, 300, XA_MARK_1);
	xa_set_mark(&xa, 700, XA_MARK_1);
	CU_ASSERT_EQUAL(xa_extract(&xa, dst, 150, ULONG_MAX, 8, XA_PRESENT), 8);
	CU_ASSERT_PTR_EQUAL(dst[0], xa_mk_value(2));
	CU_ASSERT_PTR_EQUAL(dst[7], xa_mk_value(9));
	CU_ASSERT_EQUAL(xa_extract(&xa, dst, 0, 650, 8, XA_MARK_1), 1);
	CU_ASSERT_PTR_EQUAL(dst[0], xa_mk_value(3));
	xa_destroy(&xa);
}

static void test_insert_cmpxchg_reserve(void)
{
	DEFINE_XARRAY(xa);
	void *a = (void *)0x1000, *b = (void *)0x2000;

	CU_ASSERT_EQUAL(xa_insert(&xa, 3, a, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(xa_insert(&xa, 3, b, GFP_KERNEL), -EBUSY);
	CU_ASSERT_PTR_EQUAL(xa_cmpxchg(&xa, 3, b, b, GFP_KERNEL), a);
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 3), a);
	CU_ASSERT_PTR_EQUAL(xa_cmpxchg(&xa, 3, a, b, GFP_KERNEL), a);
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 3), b);
	CU_ASSERT_PTR_EQUAL(xa_cmpxchg(&xa, 3, b, NULL, GFP_KERNEL), b);
	CU_ASSERT(xa_empty(&xa));

	/* A reservation: NULL to loads and iteration, busy for insert. */
	CU_ASSERT_EQUAL(xa_reserve(&xa, 9, GFP_KERNEL), 0);
	CU_ASSERT(!xa_empty(&xa));
	CU_ASSERT_PTR_NULL(xa_load(&xa, 9));
	CU_ASSERT_EQUAL(xa_insert(&xa, 9, a, GFP_KERNEL), -EBUSY);
	CU_ASSERT_PTR_NULL(xa_find(&xa, &(unsigned long){ 0 }, ULONG_MAX,
				   XA_PRESENT));
	/* cmpxchg from NULL does not match a reserved index. */
	CU_ASSERT_PTR_NULL(xa_cmpxchg(&xa, 9, NULL, a, GFP_KERNEL));
	CU_ASSERT_PTR_NULL(xa_load(&xa, 9));
	xa_release(&xa, 9);
	CU_ASSERT(xa_empty(&xa));
	/* Releasing an index with an entry leaves it be. */
	CU_ASSERT_PTR_NULL(xa_store(&xa, 9, a, GFP_KERNEL));
	xa_release(&xa, 9);
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 9), a);
	/* A reserved index takes a store. */
	CU_ASSERT_EQUAL(xa_reserve(&xa, 10, GFP_KERNEL), 0);
	CU_ASSERT_PTR_NULL(xa_store(&xa, 10, b, GFP_KERNEL));
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 10), b);
	/* xa_insert() of NULL reserves. */
	CU_ASSERT_EQUAL(xa_insert(&xa, 11, NULL, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(xa_insert(&xa, 11, a, GFP_KERNEL), -EBUSY);
	xa_destroy(&xa);
	CU_ASSERT(xa_empty(&xa));
}

static void test_alloc_limits(void)
{
	DEFINE_XARRAY_ALLOC(xa);
	void *p = (void *)0x1000;
	u32 id, i;

	for (i = 0; i < 4; i++) {
		CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(10, 13),
					 GFP_KERNEL), 0);
		CU_ASSERT_EQUAL(id, 10 + i);
	}
	id = 77;
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(10, 13), GFP_KERNEL),
			-EBUSY);
	CU_ASSERT_EQUAL(id, 77);
	/* The lowest free ID comes back first. */
	xa_erase(&xa, 11);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, xa_limit_32b, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 0);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(5, 20), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 5);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(10, 20), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 11);
	/* NULL allocates a reserved index: busy, loads NULL. */
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, NULL, XA_LIMIT(10, 20), GFP_KERNEL),
			0);
	CU_ASSERT_EQUAL(id, 14);
	CU_ASSERT_PTR_NULL(xa_load(&xa, 14));
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(10, 20), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 15);
	/* Storing NULL in an allocating array keeps the index busy. */
	CU_ASSERT_PTR_EQUAL(xa_store(&xa, 15, NULL, GFP_KERNEL), p);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(15, 20), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 16);
	/* ... and erasing frees it. */
	xa_erase(&xa, 15);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(15, 20), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 15);
	/* The top of the 32-bit range. */
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(UINT_MAX, UINT_MAX),
				 GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, UINT_MAX);
	CU_ASSERT_EQUAL(xa_alloc(&xa, &id, p, XA_LIMIT(UINT_MAX, UINT_MAX),
				 GFP_KERNEL), -EBUSY);
	xa_destroy(&xa);
	CU_ASSERT(xa_empty(&xa));
}

static void test_alloc1_and_stress(void)
{
	DEFINE_XARRAY_ALLOC1(xa1);
	struct xarray xa;
	static bool used[3000];
	u32 id, i, n;

	CU_ASSERT_EQUAL(xa_alloc(&xa1, &id, xa_mk_value(1), xa_limit_31b,
				 GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 1);
	xa_erase(&xa1, 1);
	CU_ASSERT_EQUAL(xa_alloc(&xa1, &id, xa_mk_value(1), xa_limit_31b,
				 GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 1);
	xa_destroy(&xa1);

	/* Random alloc/erase: always the lowest free ID of the range. */
	xa_init_flags(&xa, XA_FLAGS_ALLOC);
	rng_state = 42;
	memset(used, 0, sizeof(used));
	for (n = 0; n < 20000; n++) {
		if (rnd() % 3) {
			u32 min = rnd() % 2 ? 0 : rnd() % 3000;
			int ret = xa_alloc(&xa, &id, xa_mk_value(n),
					   XA_LIMIT(min, 2999), GFP_KERNEL);

			for (i = min; i < 3000 && used[i]; i++)
				;
			if (i == 3000) {
				CU_ASSERT_EQUAL_FATAL(ret, -EBUSY);
			} else {
				CU_ASSERT_EQUAL_FATAL(ret, 0);
				CU_ASSERT_EQUAL_FATAL(id, i);
				used[i] = true;
			}
		} else {
			i = rnd() % 3000;
			CU_ASSERT_EQUAL(xa_erase(&xa, i) != NULL, used[i]);
			used[i] = false;
		}
	}
	xa_destroy(&xa);
}

static void test_alloc_cyclic(void)
{
	DEFINE_XARRAY_ALLOC(xa);
	void *p = (void *)0x1000;
	u32 id, next = 0;

	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, XA_LIMIT(1, 3), &next,
					GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 1);
	CU_ASSERT_EQUAL(next, 2);
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, XA_LIMIT(1, 3), &next,
					GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 2);
	xa_erase(&xa, 1);
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, XA_LIMIT(1, 3), &next,
					GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 3);
	/* Wrapped round to the start: 1. */
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, XA_LIMIT(1, 3), &next,
					GFP_KERNEL), 1);
	CU_ASSERT_EQUAL(id, 1);
	CU_ASSERT_EQUAL(next, 2);
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, XA_LIMIT(1, 3), &next,
					GFP_KERNEL), -EBUSY);
	xa_destroy(&xa);

	/* The last ID of the u32 space: next overflows, the next call says 1. */
	next = UINT_MAX;
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, xa_limit_32b, &next,
					GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, UINT_MAX);
	CU_ASSERT_EQUAL(next, 0);
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, xa_limit_32b, &next,
					GFP_KERNEL), 1);
	CU_ASSERT_EQUAL(id, 0);
	CU_ASSERT_EQUAL(xa_alloc_cyclic(&xa, &id, p, xa_limit_32b, &next,
					GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 1);
	xa_destroy(&xa);
}

static void test_lock_variants(void)
{
	DEFINE_XARRAY_FLAGS(xa, XA_FLAGS_LOCK_IRQ | XA_FLAGS_ALLOC);
	unsigned long flags;
	u32 id, next = 0;

	CU_ASSERT_PTR_NULL(xa_store_irq(&xa, 1, xa_mk_value(1), GFP_KERNEL));
	CU_ASSERT_PTR_NULL(xa_store_bh(&xa, 2, xa_mk_value(2), GFP_KERNEL));
	CU_ASSERT_EQUAL(xa_insert_irq(&xa, 3, xa_mk_value(3), GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(xa_insert_bh(&xa, 3, xa_mk_value(3), GFP_KERNEL),
			-EBUSY);
	CU_ASSERT_PTR_EQUAL(xa_cmpxchg_irq(&xa, 3, xa_mk_value(3), NULL,
					   GFP_KERNEL), xa_mk_value(3));
	CU_ASSERT_PTR_NULL(xa_cmpxchg_bh(&xa, 3, NULL, xa_mk_value(3),
					 GFP_KERNEL));
	CU_ASSERT_EQUAL(xa_alloc_irq(&xa, &id, xa_mk_value(0), xa_limit_32b,
				     GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 0);
	CU_ASSERT_EQUAL(xa_alloc_bh(&xa, &id, xa_mk_value(4), xa_limit_32b,
				    GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 4);
	CU_ASSERT_EQUAL(xa_alloc_cyclic_irq(&xa, &id, xa_mk_value(5),
					    xa_limit_32b, &next, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 5);
	CU_ASSERT_EQUAL(xa_alloc_cyclic_bh(&xa, &id, xa_mk_value(6),
					   xa_limit_32b, &next, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(id, 6);
	CU_ASSERT_EQUAL(xa_reserve_irq(&xa, 10, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(xa_reserve_bh(&xa, 11, GFP_KERNEL), 0);
	CU_ASSERT_PTR_EQUAL(xa_erase_irq(&xa, 1), xa_mk_value(1));
	CU_ASSERT_PTR_EQUAL(xa_erase_bh(&xa, 2), xa_mk_value(2));

	/* The __xa_*() forms under xa_lock_irqsave, with GFP_ATOMIC. */
	xa_lock_irqsave(&xa, flags);
	CU_ASSERT(irqs_disabled());
	CU_ASSERT_PTR_NULL(__xa_store(&xa, 20, xa_mk_value(20), GFP_ATOMIC));
	CU_ASSERT_EQUAL(__xa_insert(&xa, 20, xa_mk_value(1), GFP_ATOMIC),
			-EBUSY);
	CU_ASSERT_PTR_EQUAL(__xa_cmpxchg(&xa, 20, xa_mk_value(20),
					 xa_mk_value(21), GFP_ATOMIC),
			    xa_mk_value(20));
	CU_ASSERT_EQUAL(__xa_alloc(&xa, &id, xa_mk_value(1), XA_LIMIT(20, 30),
				   GFP_ATOMIC), 0);
	CU_ASSERT_EQUAL(id, 21);
	CU_ASSERT_EQUAL(__xa_alloc_cyclic(&xa, &id, xa_mk_value(1),
					  XA_LIMIT(20, 30), &next, GFP_ATOMIC), 0);
	CU_ASSERT_EQUAL(id, 22);
	__xa_set_mark(&xa, 20, XA_MARK_1);
	CU_ASSERT(xa_get_mark(&xa, 20, XA_MARK_1));
	__xa_clear_mark(&xa, 20, XA_MARK_1);
	CU_ASSERT(!xa_get_mark(&xa, 20, XA_MARK_1));
	CU_ASSERT_PTR_EQUAL(__xa_erase(&xa, 20), xa_mk_value(21));
	xa_unlock_irqrestore(&xa, flags);
	CU_ASSERT(!irqs_disabled());
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT(xa_trylock(&xa));
	xa_unlock(&xa);
	xa_destroy(&xa);
	CU_ASSERT(xa_empty(&xa));
}

static void test_kernel_code(void)
{
	CU_ASSERT_EQUAL(xa_kernel_usage(), 0);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

/* ---- the kernel's reports, at the kernel code's line ---- */

static void test_warn_store_internal(void)
{
	DEFINE_XARRAY(xa);

	/* XA_RETRY_ENTRY: xa_is_advanced(); once per site, like the kernel. */
	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_store");
	CU_ASSERT_EQUAL(xa_err(xa_kernel_store(&xa, 1, XA_RETRY_ENTRY)),
			-EINVAL);
	assert_last_at(KSHIM_REPORT_WARNING, "xa_store");
	/* A pointer only 2-byte aligned: also refused (already warned). */
	CU_ASSERT_EQUAL(xa_err(xa_kernel_store(&xa, 1, (void *)0x10002)),
			-EINVAL);
	CU_ASSERT(xa_empty(&xa));
}

static void test_warn_cmpxchg_insert_alloc(void)
{
	DEFINE_XARRAY(xa);
	DEFINE_XARRAY_ALLOC(xa_alloc);
	u32 id;

	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_cmpxchg");
	CU_ASSERT_EQUAL(xa_err(xa_kernel_cmpxchg(&xa, 1, xa_mk_internal(3))),
			-EINVAL);
	assert_last_at(KSHIM_REPORT_WARNING, "xa_cmpxchg");
	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_insert");
	CU_ASSERT_EQUAL(xa_kernel_insert(&xa, 1, XA_RETRY_ENTRY), -EINVAL);
	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_alloc");
	CU_ASSERT_EQUAL(xa_kernel_alloc(&xa_alloc, &id, XA_RETRY_ENTRY),
			-EINVAL);
	CU_ASSERT(xa_empty(&xa));
	CU_ASSERT(xa_empty(&xa_alloc));
}

static void test_warn_alloc_not_allocating(void)
{
	DEFINE_XARRAY(xa);
	u32 id;

	/* xa_alloc() on an array without XA_FLAGS_ALLOC. */
	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_alloc");
	CU_ASSERT_EQUAL(xa_kernel_alloc(&xa, &id, xa_mk_value(1)), -EINVAL);
	assert_last_at(KSHIM_REPORT_WARNING, "xa_alloc");
	CU_ASSERT(xa_empty(&xa));
}

static void test_warn_mk_value(void)
{
	expect_at(KSHIM_REPORT_WARNING, "at ", "xa_mk_value");
	xa_kernel_mk_value(-1UL);
	assert_last_at(KSHIM_REPORT_WARNING, "xa_mk_value");
}

static void test_legal_entries_silent(void)
{
	DEFINE_XARRAY(xa);

	CU_ASSERT_PTR_NULL(xa_kernel_store(&xa, 1, (void *)0x10004));
	CU_ASSERT_PTR_NULL(xa_kernel_store(&xa, 2, xa_mk_value(3)));
	CU_ASSERT_PTR_NULL(xa_kernel_store(&xa, 3, (void *)0x10003));
	CU_ASSERT_EQUAL(xa_kernel_insert(&xa, 4, NULL), 0);
	CU_ASSERT_PTR_NOT_NULL(xa_kernel_mk_value(LONG_MAX));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	xa_destroy(&xa);
}

static void test_might_sleep_gfp_kernel(void)
{
	DEFINE_XARRAY(xa);

	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "store_locked");
	CU_ASSERT_PTR_NULL(xa_kernel_store_locked(&xa, 1, xa_mk_value(1),
						  GFP_KERNEL));
	assert_last_at(KSHIM_REPORT_MIGHT_SLEEP, "store_locked");
	CU_ASSERT_PTR_EQUAL(xa_load(&xa, 1), xa_mk_value(1));
	xa_destroy(&xa);
}

static void test_gfp_atomic_silent(void)
{
	DEFINE_XARRAY(xa);

	CU_ASSERT_PTR_NULL(xa_kernel_store_locked(&xa, 1, xa_mk_value(1),
						  GFP_ATOMIC));
	CU_ASSERT_PTR_NULL(xa_kernel_store_locked(&xa, 1UL << 40,
						  xa_mk_value(1), GFP_NOWAIT));
	/* __xa_store(GFP_KERNEL) under xa_lock alone drops it: silent. */
	CU_ASSERT_PTR_NULL(xa_kernel_store_xa_locked(&xa, 2, xa_mk_value(2),
						     GFP_KERNEL, false));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	xa_destroy(&xa);
}

static void test_might_sleep_xa_locked_other(void)
{
	DEFINE_XARRAY(xa);

	/* ... but with another spinlock held too, it is reported. */
	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "__xa_store");
	CU_ASSERT_PTR_NULL(xa_kernel_store_xa_locked(&xa, 2, xa_mk_value(2),
						     GFP_KERNEL, true));
	assert_last_at(KSHIM_REPORT_MIGHT_SLEEP, "__xa_store");
	xa_destroy(&xa);
}

static void test_might_sleep_irqs_off(void)
{
	static DEFINE_XARRAY(xa);

	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "xa_store");
	local_irq_disable();
	xa_kernel_store(&xa, 5, xa_mk_value(5));
	local_irq_enable();
	xa_destroy(&xa);
}

static void test_xa_lock_recursion(void)
{
	DEFINE_XARRAY(xa);

	/* xa_store() while holding xa_lock: the spinlock's own check. */
	kshim_expect_report(KSHIM_REPORT_SPINLOCK, "BUG: spinlock recursion",
			    1);
	expect_at(KSHIM_REPORT_LOCKUP, "spinning at ", "xa_recursive");
	xa_kernel_store_recursive(&xa);
	CU_FAIL("a recursive xa_lock returned");
}

/* ---- radix tree ---- */

static void test_radix_tree_basics(void)
{
	RADIX_TREE(root, GFP_ATOMIC);
	void *results[16];
	struct radix_tree_iter iter;
	void __rcu **slot;
	unsigned long expect[] = { 0, 7, 64, 4096, 1UL << 40 };
	unsigned int i, n;

	CU_ASSERT(radix_tree_empty(&root));
	for (i = 0; i < ARRAY_SIZE(expect); i++)
		CU_ASSERT_EQUAL(radix_tree_insert(&root, expect[i],
						  xa_mk_value(i)), 0);
	CU_ASSERT_EQUAL(radix_tree_insert(&root, 7, xa_mk_value(9)), -EEXIST);
	CU_ASSERT_PTR_EQUAL(radix_tree_lookup(&root, 64), xa_mk_value(2));
	CU_ASSERT_PTR_NULL(radix_tree_lookup(&root, 65));
	CU_ASSERT_PTR_NOT_NULL(radix_tree_lookup_slot(&root, 4096));

	n = radix_tree_gang_lookup(&root, results, 1, 16);
	CU_ASSERT_EQUAL(n, 4);
	CU_ASSERT_PTR_EQUAL(results[0], xa_mk_value(1));
	CU_ASSERT_PTR_EQUAL(results[3], xa_mk_value(4));
	CU_ASSERT_EQUAL(radix_tree_gang_lookup(&root, results, 0, 2), 2);

	i = 0;
	radix_tree_for_each_slot(slot, &root, &iter, 0) {
		CU_ASSERT_EQUAL(iter.index, expect[i]);
		CU_ASSERT_PTR_EQUAL(radix_tree_deref_slot(slot),
				    xa_mk_value(i));
		i++;
	}
	CU_ASSERT_EQUAL(i, ARRAY_SIZE(expect));

	/* Tags. */
	CU_ASSERT_PTR_EQUAL(radix_tree_tag_set(&root, 64, 1), xa_mk_value(2));
	CU_ASSERT_PTR_EQUAL(radix_tree_tag_set(&root, 1UL << 40, 1),
			    xa_mk_value(4));
	CU_ASSERT(radix_tree_tagged(&root, 1));
	CU_ASSERT(!radix_tree_tagged(&root, 0));
	CU_ASSERT_EQUAL(radix_tree_tag_get(&root, 64, 1), 1);
	CU_ASSERT_EQUAL(radix_tree_tag_get(&root, 7, 1), 0);
	i = 0;
	radix_tree_for_each_tagged(slot, &root, &iter, 0, 1) {
		CU_ASSERT_EQUAL(iter.index, i ? 1UL << 40 : 64);
		i++;
	}
	CU_ASSERT_EQUAL(i, 2);
	CU_ASSERT_EQUAL(radix_tree_gang_lookup_tag(&root, results, 65, 4, 1),
			1);
	CU_ASSERT_PTR_EQUAL(radix_tree_tag_clear(&root, 64, 1),
			    xa_mk_value(2));
	CU_ASSERT_PTR_NULL(radix_tree_tag_clear(&root, 65, 1));
	CU_ASSERT_EQUAL(radix_tree_tag_get(&root, 64, 1), 0);

	/* Delete while iterating. */
	radix_tree_for_each_slot(slot, &root, &iter, 0)
		radix_tree_iter_delete(&root, &iter, slot);
	CU_ASSERT(radix_tree_empty(&root));
	CU_ASSERT(!radix_tree_tagged(&root, 1));

	CU_ASSERT_EQUAL(radix_tree_insert(&root, 3, xa_mk_value(3)), 0);
	CU_ASSERT_PTR_NULL(radix_tree_delete_item(&root, 3, xa_mk_value(4)));
	CU_ASSERT_PTR_EQUAL(radix_tree_delete(&root, 3), xa_mk_value(3));
	CU_ASSERT_PTR_NULL(radix_tree_delete(&root, 3));
	CU_ASSERT(radix_tree_empty(&root));
}

static void test_radix_tree_preload(void)
{
	RADIX_TREE(root, GFP_ATOMIC);
	DEFINE_SPINLOCK(lock);

	CU_ASSERT_EQUAL(radix_tree_preload(GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(preempt_count(), 1);
	spin_lock(&lock);
	CU_ASSERT_EQUAL(radix_tree_insert(&root, 1, xa_mk_value(1)), 0);
	spin_unlock(&lock);
	radix_tree_preload_end();
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_EQUAL(radix_tree_maybe_preload(GFP_ATOMIC), 0);
	CU_ASSERT_EQUAL(preempt_count(), 1);
	radix_tree_preload_end();
	CU_ASSERT_EQUAL(xa_kernel_radix_insert(&root, 2, xa_mk_value(2)), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	radix_tree_delete(&root, 1);
	radix_tree_delete(&root, 2);
}

static void test_radix_tree_preload_atomic_warns(void)
{
	expect_at(KSHIM_REPORT_WARNING, "at ", "radix_preload");
	CU_ASSERT_EQUAL(xa_kernel_radix_preload(GFP_ATOMIC), 0);
	assert_last_at(KSHIM_REPORT_WARNING, "radix_preload");
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_radix_tree_insert_might_sleep(void)
{
	RADIX_TREE(root, GFP_KERNEL);
	DEFINE_SPINLOCK(lock);

	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "radix_insert");
	spin_lock(&lock);
	CU_ASSERT_EQUAL(xa_kernel_radix_insert(&root, 1, xa_mk_value(1)), 0);
	spin_unlock(&lock);
	radix_tree_delete(&root, 1);
}

static void test_radix_tree_insert_internal_bugs(void)
{
	RADIX_TREE(root, GFP_ATOMIC);

	expect_at(KSHIM_REPORT_BUG, "kernel BUG at ", "radix_insert");
	xa_kernel_radix_insert(&root, 1, (void *)0x10002);
	CU_FAIL("not reached");
}

static void test_radix_tree_tag_missing_bugs(void)
{
	RADIX_TREE(root, GFP_ATOMIC);

	CU_ASSERT_EQUAL(radix_tree_insert(&root, 1, xa_mk_value(1)), 0);
	expect_at(KSHIM_REPORT_BUG, "kernel BUG at ", "radix_tag_set");
	xa_kernel_radix_tag_set(&root, 2);
	CU_FAIL("not reached");
}

static CU_TestInfo xarray_tests[] = {
	{ "stress_model", test_stress_model },
	{ "stress_seeds", test_stress_seeds },
	{ "dense_and_sparse", test_dense_and_sparse },
	{ "entries", test_entries },
	{ "marks", test_marks },
	{ "extract", test_extract },
	{ "insert_cmpxchg_reserve", test_insert_cmpxchg_reserve },
	{ "alloc_limits", test_alloc_limits },
	{ "alloc1_and_stress", test_alloc1_and_stress },
	{ "alloc_cyclic", test_alloc_cyclic },
	{ "lock_variants", test_lock_variants },
	{ "kernel_code", test_kernel_code },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo report_tests[] = {
	{ "warn_store_internal", test_warn_store_internal },
	{ "warn_cmpxchg_insert_alloc", test_warn_cmpxchg_insert_alloc },
	{ "warn_alloc_not_allocating", test_warn_alloc_not_allocating },
	{ "warn_mk_value", test_warn_mk_value },
	{ "legal_entries_silent", test_legal_entries_silent },
	{ "might_sleep_gfp_kernel", test_might_sleep_gfp_kernel },
	{ "gfp_atomic_silent", test_gfp_atomic_silent },
	{ "might_sleep_xa_locked_other", test_might_sleep_xa_locked_other },
	{ "might_sleep_irqs_off", test_might_sleep_irqs_off },
	{ "xa_lock_recursion", test_xa_lock_recursion },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo radix_tests[] = {
	{ "basics", test_radix_tree_basics },
	{ "preload", test_radix_tree_preload },
	{ "preload_atomic_warns", test_radix_tree_preload_atomic_warns },
	{ "insert_might_sleep", test_radix_tree_insert_might_sleep },
	{ "insert_internal_bugs", test_radix_tree_insert_internal_bugs },
	{ "tag_missing_bugs", test_radix_tree_tag_missing_bugs },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "xarray", NULL, NULL, NULL, NULL, xarray_tests },
	{ "xarray_reports", NULL, NULL, NULL, NULL, report_tests },
	{ "radix_tree", NULL, NULL, NULL, NULL, radix_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
