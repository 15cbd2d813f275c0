/*
 * test_idr - linux/idr.h (compat/lib/idr.c) against Linux 6.1's semantics:
 * the IDR (start/end rules, -ENOSPC, cyclic, u32, base, NULL pointers,
 * replace, iteration order, a random stress against a reference model,
 * preload and preemption) and the IDA (lowest free ID of a range, across
 * bitmap chunks, a random stress, the old ida_simple_*() names), with the
 * kernel's reports at the calling kernel code's line (xa_kernel.c):
 * ida_free() of an ID not allocated, idr_alloc() with start < 0, and
 * might_sleep for a blocking gfp under a spinlock (silent for GFP_NOWAIT).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/idr.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#include "common/expect_bug.h"
#include "lib/xa_kernel.h"

static unsigned long long rng_state;

static unsigned long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

#define P(n)	((void *)(0x100000UL + (unsigned long)(n) * 8))

/* ---- IDR ---- */

static void test_idr_alloc_ranges(void)
{
	DEFINE_IDR(idr);

	CU_ASSERT(idr_is_empty(&idr));
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(1), 0, 0, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(2), 0, 0, GFP_KERNEL), 1);
	CU_ASSERT(!idr_is_empty(&idr));
	/* end is exclusive; a full range is -ENOSPC. */
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(3), 5, 7, GFP_KERNEL), 5);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(4), 5, 7, GFP_KERNEL), 6);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(5), 5, 7, GFP_KERNEL), -ENOSPC);
	/* end <= 0: up to INT_MAX. */
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(6), INT_MAX, 0, GFP_KERNEL),
			INT_MAX);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(7), INT_MAX, -5, GFP_KERNEL),
			-ENOSPC);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(8), 1000000, 0, GFP_KERNEL),
			1000000);
	CU_ASSERT_PTR_EQUAL(idr_find(&idr, 1000000), P(8));
	CU_ASSERT_PTR_EQUAL(idr_find(&idr, INT_MAX), P(6));
	CU_ASSERT_PTR_NULL(idr_find(&idr, 2));
	/* The lowest free one comes back. */
	CU_ASSERT_PTR_EQUAL(idr_remove(&idr, 1), P(2));
	CU_ASSERT_PTR_NULL(idr_remove(&idr, 1));
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(9), 0, 0, GFP_KERNEL), 1);
	idr_destroy(&idr);
	CU_ASSERT(idr_is_empty(&idr));
	CU_ASSERT_PTR_NULL(idr_find(&idr, 0));
}

static void test_idr_null_and_replace(void)
{
	DEFINE_IDR(idr);
	int id;

	/* A NULL pointer keeps its ID: found NULL, skipped by iteration. */
	CU_ASSERT_EQUAL(idr_alloc(&idr, NULL, 0, 0, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(1), 0, 0, GFP_KERNEL), 1);
	CU_ASSERT_PTR_NULL(idr_find(&idr, 0));
	id = 0;
	CU_ASSERT_PTR_EQUAL(idr_get_next(&idr, &id), P(1));
	CU_ASSERT_EQUAL(id, 1);
	/* Replace: an allocated ID (NULL included), else -ENOENT. */
	CU_ASSERT_PTR_NULL(idr_replace(&idr, P(5), 0));
	CU_ASSERT_PTR_EQUAL(idr_find(&idr, 0), P(5));
	CU_ASSERT_PTR_EQUAL(idr_replace(&idr, NULL, 1), P(1));
	CU_ASSERT_PTR_NULL(idr_find(&idr, 1));
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(2), 0, 0, GFP_KERNEL), 2);
	CU_ASSERT_PTR_EQUAL(idr_replace(&idr, P(1), 3), ERR_PTR(-ENOENT));
	CU_ASSERT_PTR_NULL(idr_remove(&idr, 1));
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(2), 0, 0, GFP_KERNEL), 1);
	idr_destroy(&idr);
}

static void test_idr_base_and_u32(void)
{
	struct idr idr;
	u32 id;

	idr_init_base(&idr, 1);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(1), 0, 0, GFP_KERNEL), 1);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(2), 0, 0, GFP_KERNEL), 2);
	CU_ASSERT_PTR_EQUAL(idr_find(&idr, 1), P(1));
	CU_ASSERT_PTR_NULL(idr_find(&idr, 0));
	CU_ASSERT_PTR_NULL(idr_remove(&idr, 0));
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(3), 0, 1, GFP_KERNEL), -ENOSPC);
	idr_destroy(&idr);

	idr_init(&idr);
	id = 0xfffffff0U;
	CU_ASSERT_EQUAL(idr_alloc_u32(&idr, P(1), &id, UINT_MAX, GFP_KERNEL),
			0);
	CU_ASSERT_EQUAL(id, 0xfffffff0U);
	id = 0xfffffff0U;
	CU_ASSERT_EQUAL(idr_alloc_u32(&idr, P(2), &id, 0xfffffff0U,
				      GFP_KERNEL), -ENOSPC);
	CU_ASSERT_PTR_EQUAL(idr_find(&idr, 0xfffffff0U), P(1));
	idr_destroy(&idr);
}

static void test_idr_cyclic(void)
{
	DEFINE_IDR(idr);

	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(1), 1, 4, GFP_KERNEL), 1);
	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(2), 1, 4, GFP_KERNEL), 2);
	idr_remove(&idr, 1);
	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(3), 1, 4, GFP_KERNEL), 3);
	/* Past the end: round to the start. */
	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(4), 1, 4, GFP_KERNEL), 1);
	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(5), 1, 4, GFP_KERNEL),
			-ENOSPC);
	CU_ASSERT_EQUAL(idr_get_cursor(&idr), 2);
	idr_set_cursor(&idr, 0);
	idr_remove(&idr, 3);
	CU_ASSERT_EQUAL(idr_alloc_cyclic(&idr, P(6), 1, 4, GFP_KERNEL), 3);
	idr_destroy(&idr);
}

static int count_cb(int id, void *p, void *data)
{
	int *state = data;

	CU_ASSERT(id > state[0]);
	CU_ASSERT_PTR_EQUAL(p, P(id));
	state[0] = id;
	state[1]++;
	return id == state[2] ? 42 : 0;
}

static void test_idr_iteration(void)
{
	DEFINE_IDR(idr);
	int ids[] = { 0, 1, 63, 64, 65, 4095, 4096, 100000, INT_MAX - 1 };
	int state[3] = { -1, 0, -1 };
	unsigned long ul, tmp;
	unsigned int i;
	void *entry;
	int id;

	for (i = 0; i < ARRAY_SIZE(ids); i++)
		CU_ASSERT_EQUAL(idr_alloc(&idr, P(ids[i]), ids[i], 0,
					  GFP_KERNEL), ids[i]);
	CU_ASSERT_EQUAL(idr_for_each(&idr, count_cb, state), 0);
	CU_ASSERT_EQUAL(state[1], (int)ARRAY_SIZE(ids));
	state[0] = -1;
	state[1] = 0;
	state[2] = 4095;
	CU_ASSERT_EQUAL(idr_for_each(&idr, count_cb, state), 42);
	CU_ASSERT_EQUAL(state[1], 6);

	i = 0;
	idr_for_each_entry(&idr, entry, id) {
		CU_ASSERT_EQUAL(id, ids[i]);
		CU_ASSERT_PTR_EQUAL(entry, P(ids[i]));
		i++;
	}
	CU_ASSERT_EQUAL(i, ARRAY_SIZE(ids));
	i = 0;
	idr_for_each_entry_ul(&idr, entry, tmp, ul) {
		CU_ASSERT_EQUAL(ul, (unsigned long)ids[i]);
		i++;
	}
	CU_ASSERT_EQUAL(i, ARRAY_SIZE(ids));
	id = 64;
	i = 3;
	idr_for_each_entry_continue(&idr, entry, id) {
		CU_ASSERT_EQUAL(id, ids[i]);
		i++;
	}
	CU_ASSERT_EQUAL(i, ARRAY_SIZE(ids));
	ul = 4096;
	i = 6;
	idr_for_each_entry_continue_ul(&idr, entry, tmp, ul) {
		CU_ASSERT_EQUAL(ul, (unsigned long)ids[i]);
		i++;
	}
	CU_ASSERT_EQUAL(i, ARRAY_SIZE(ids));
	/* Removing every entry while iterating. */
	idr_for_each_entry(&idr, entry, id)
		CU_ASSERT_PTR_EQUAL(idr_remove(&idr, id), entry);
	CU_ASSERT(idr_is_empty(&idr));
}

/*
 * idr_for_each_entry() over an entry at INT_MAX: "id += 1U" wraps to a
 * negative ID and idr_get_next() WARNs (lib/idr.c: id > INT_MAX), in 6.1
 * as here.  That step, without the signed wrap in host code:
 */
static void test_idr_get_next_past_int_max_warns(void)
{
	DEFINE_IDR(idr);
	int id = INT_MIN;

	CU_ASSERT_EQUAL(idr_alloc(&idr, P(1), INT_MAX, 0, GFP_KERNEL),
			INT_MAX);
	kshim_expect_report(KSHIM_REPORT_WARNING, __FILE__, 1);
	CU_ASSERT_PTR_NULL(idr_get_next(&idr, &id));
	CU_ASSERT_EQUAL(id, INT_MIN);
	id = INT_MAX;
	CU_ASSERT_PTR_EQUAL(idr_get_next(&idr, &id), P(1));
	idr_destroy(&idr);
}

static void test_idr_stress(void)
{
	enum { RANGE = 2000 };
	static void *model[RANGE];
	static bool used[RANGE];
	DEFINE_IDR(idr);
	unsigned int n, i;
	int id;
	void *entry;

	rng_state = 7;
	memset(model, 0, sizeof(model));
	memset(used, 0, sizeof(used));
	for (n = 0; n < 30000; n++) {
		unsigned int op = rnd() % 4;

		if (op < 2) {
			int start = rnd() % RANGE, end = rnd() % 4 ?
				    start + 1 + (int)(rnd() % (RANGE - start)) :
				    RANGE;
			void *p = rnd() % 8 ? P(n) : NULL;
			int ret = idr_alloc(&idr, p, start, end, GFP_KERNEL);

			for (i = start; i < (unsigned int)end && used[i]; i++)
				;
			if (i == (unsigned int)end) {
				CU_ASSERT_EQUAL_FATAL(ret, -ENOSPC);
			} else {
				CU_ASSERT_EQUAL_FATAL(ret, (int)i);
				used[i] = true;
				model[i] = p;
			}
		} else if (op == 2) {
			i = rnd() % RANGE;
			CU_ASSERT_PTR_EQUAL(idr_remove(&idr, i), model[i]);
			used[i] = false;
			model[i] = NULL;
		} else {
			i = rnd() % RANGE;
			CU_ASSERT_PTR_EQUAL(idr_find(&idr, i), model[i]);
		}
	}
	i = 0;
	idr_for_each_entry(&idr, entry, id) {
		while (i < RANGE && !model[i])
			i++;
		CU_ASSERT_EQUAL_FATAL(id, (int)i);
		CU_ASSERT_PTR_EQUAL(entry, model[i]);
		i++;
	}
	while (i < RANGE && !model[i])
		i++;
	CU_ASSERT_EQUAL(i, RANGE);
	idr_destroy(&idr);
}

static void test_idr_preload(void)
{
	DEFINE_IDR(idr);
	DEFINE_SPINLOCK(lock);

	idr_preload(GFP_KERNEL);
	CU_ASSERT_EQUAL(preempt_count(), 1);
	spin_lock(&lock);
	CU_ASSERT_EQUAL(idr_alloc(&idr, P(1), 0, 0, GFP_NOWAIT), 0);
	spin_unlock(&lock);
	idr_preload_end();
	CU_ASSERT_EQUAL(preempt_count(), 0);
	/* GFP_NOWAIT under a spinlock: silent. */
	CU_ASSERT_EQUAL(xa_kernel_idr_alloc_locked(&idr, P(2), GFP_NOWAIT), 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	idr_destroy(&idr);
}

static void test_idr_might_sleep(void)
{
	DEFINE_IDR(idr);

	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "idr_alloc_locked");
	CU_ASSERT_EQUAL(xa_kernel_idr_alloc_locked(&idr, P(2), GFP_KERNEL), 0);
	assert_last_at(KSHIM_REPORT_MIGHT_SLEEP, "idr_alloc_locked");
	idr_destroy(&idr);
}

static void test_idr_preload_might_sleep(void)
{
	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "idr_preload");
	xa_kernel_idr_preload(GFP_KERNEL);
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_idr_alloc_negative_warns(void)
{
	DEFINE_IDR(idr);

	expect_at(KSHIM_REPORT_WARNING, "at ", "idr_alloc");
	CU_ASSERT_EQUAL(xa_kernel_idr_alloc(&idr, P(1), -1, 0, GFP_KERNEL),
			-EINVAL);
	assert_last_at(KSHIM_REPORT_WARNING, "idr_alloc");
	CU_ASSERT(idr_is_empty(&idr));
}

static void test_idr_uninitialised_warns(void)
{
	struct idr idr;

	/* A zeroed IDR (no idr_init()): WARN_ON_ONCE, then it works. */
	memset(&idr, 0, sizeof(idr));
	expect_at(KSHIM_REPORT_WARNING, "at ", "idr_alloc");
	CU_ASSERT_EQUAL(xa_kernel_idr_alloc(&idr, P(1), 3, 0, GFP_KERNEL), 3);
	CU_ASSERT_EQUAL(xa_kernel_idr_alloc(&idr, P(1), 3, 0, GFP_KERNEL), 4);
	CU_ASSERT(!idr_is_empty(&idr));
	idr_destroy(&idr);
	CU_ASSERT(idr_is_empty(&idr));
}

/* ---- IDA ---- */

static void test_ida_ranges(void)
{
	DEFINE_IDA(ida);
	int i;

	CU_ASSERT(ida_is_empty(&ida));
	for (i = 0; i < 3000; i++)
		CU_ASSERT_EQUAL_FATAL(ida_alloc(&ida, GFP_KERNEL), i);
	CU_ASSERT(!ida_is_empty(&ida));
	ida_free(&ida, 1500);
	ida_free(&ida, 10);
	CU_ASSERT_EQUAL(ida_alloc_min(&ida, 11, GFP_KERNEL), 1500);
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 10);
	CU_ASSERT_EQUAL(ida_alloc_max(&ida, 2999, GFP_KERNEL), -ENOSPC);
	CU_ASSERT_EQUAL(ida_alloc_max(&ida, 3000, GFP_KERNEL), 3000);
	CU_ASSERT_EQUAL(ida_alloc_range(&ida, 5000, 5000, GFP_KERNEL), 5000);
	CU_ASSERT_EQUAL(ida_alloc_range(&ida, 5000, 5000, GFP_KERNEL),
			-ENOSPC);
	CU_ASSERT_EQUAL(ida_alloc_range(&ida, 7, 3, GFP_KERNEL), -ENOSPC);
	/* min above INT_MAX: -ENOSPC; max above it: capped at INT_MAX. */
	CU_ASSERT_EQUAL(ida_alloc_min(&ida, 0x80000000U, GFP_KERNEL),
			-ENOSPC);
	CU_ASSERT_EQUAL(ida_alloc_range(&ida, INT_MAX, UINT_MAX, GFP_KERNEL),
			INT_MAX);
	CU_ASSERT_EQUAL(ida_alloc_range(&ida, INT_MAX, UINT_MAX, GFP_KERNEL),
			-ENOSPC);
	/* The old names: end exclusive, 0 for none. */
	CU_ASSERT_EQUAL(ida_simple_get(&ida, 5000, 5002, GFP_KERNEL), 5001);
	CU_ASSERT_EQUAL(ida_simple_get(&ida, 5000, 5002, GFP_KERNEL),
			-ENOSPC);
	ida_simple_remove(&ida, 5001);
	CU_ASSERT_EQUAL(ida_simple_get(&ida, 5000, 0, GFP_KERNEL), 5001);
	ida_destroy(&ida);
	CU_ASSERT(ida_is_empty(&ida));
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 0);
	ida_free(&ida, 0);
	CU_ASSERT(ida_is_empty(&ida));
}

static void test_ida_stress(void)
{
	enum { RANGE = 5000 };
	static bool used[RANGE];
	struct ida ida;
	unsigned int n, i;

	ida_init(&ida);
	rng_state = 99;
	memset(used, 0, sizeof(used));
	for (n = 0; n < 30000; n++) {
		if (rnd() % 3) {
			unsigned int min = rnd() % 2 ? 0 : rnd() % RANGE;
			unsigned int max = rnd() % 2 ? RANGE - 1 :
					   min + rnd() % (RANGE - min);
			int ret = ida_alloc_range(&ida, min, max, GFP_KERNEL);

			for (i = min; i <= max && used[i]; i++)
				;
			if (i > max) {
				CU_ASSERT_EQUAL_FATAL(ret, -ENOSPC);
			} else {
				CU_ASSERT_EQUAL_FATAL(ret, (int)i);
				used[i] = true;
			}
		} else {
			i = rnd() % RANGE;
			if (used[i]) {
				ida_free(&ida, i);
				used[i] = false;
			}
		}
	}
	for (i = 0; i < RANGE; i++)
		if (used[i])
			ida_free(&ida, i);
	CU_ASSERT(ida_is_empty(&ida));
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	ida_destroy(&ida);
}

static void test_ida_free_unallocated_warns(void)
{
	DEFINE_IDA(ida);

	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 0);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "ida_free called for id=5 which is not allocated.\n",
			    1);
	xa_kernel_ida_free(&ida, 5);
	assert_last_at(KSHIM_REPORT_WARNING, "ida_free");
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 1);
	ida_destroy(&ida);
}

static void test_ida_double_free_warns(void)
{
	DEFINE_IDA(ida);

	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(ida_alloc(&ida, GFP_KERNEL), 1);
	xa_kernel_ida_free(&ida, 1);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "ida_free called for id=1 which is not allocated.\n",
			    1);
	xa_kernel_ida_free(&ida, 1);
	/* Negative IDs are ignored, as the kernel does. */
	xa_kernel_ida_free(&ida, (unsigned int)-3);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT(!irqs_disabled());
	ida_destroy(&ida);
}

static void test_ida_might_sleep(void)
{
	DEFINE_IDA(ida);

	CU_ASSERT_EQUAL(xa_kernel_ida_alloc_locked(&ida, GFP_ATOMIC), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	expect_at(KSHIM_REPORT_MIGHT_SLEEP,
		  "BUG: sleeping function called from invalid context at ",
		  "ida_alloc_locked");
	CU_ASSERT_EQUAL(xa_kernel_ida_alloc_locked(&ida, GFP_KERNEL), 1);
	ida_destroy(&ida);
}

static CU_TestInfo idr_tests[] = {
	{ "alloc_ranges", test_idr_alloc_ranges },
	{ "null_and_replace", test_idr_null_and_replace },
	{ "base_and_u32", test_idr_base_and_u32 },
	{ "cyclic", test_idr_cyclic },
	{ "iteration", test_idr_iteration },
	{ "get_next_past_int_max_warns",
	  test_idr_get_next_past_int_max_warns },
	{ "stress", test_idr_stress },
	{ "preload", test_idr_preload },
	{ "might_sleep", test_idr_might_sleep },
	{ "preload_might_sleep", test_idr_preload_might_sleep },
	{ "alloc_negative_warns", test_idr_alloc_negative_warns },
	{ "uninitialised_warns", test_idr_uninitialised_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ida_tests[] = {
	{ "ranges", test_ida_ranges },
	{ "stress", test_ida_stress },
	{ "free_unallocated_warns", test_ida_free_unallocated_warns },
	{ "double_free_warns", test_ida_double_free_warns },
	{ "might_sleep", test_ida_might_sleep },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "idr", NULL, NULL, NULL, NULL, idr_tests },
	{ "ida", NULL, NULL, NULL, NULL, ida_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
