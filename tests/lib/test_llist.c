/*
 * test_llist - linux/llist.h (compat/lib/llist.c): LIFO order, the
 * "was empty" results, batches, deleting one or all, reversing, the
 * iterators (entry forms with a member at a non-zero offset, _safe forms
 * that free), the non-atomic __ forms; and producers on several threads
 * against a consumer taking the list (llist_del_all) or single nodes
 * (llist_del_first): every node arrives once, each producer's in order.
 * The threaded tests are what ThreadSanitizer and helgrind look at.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include <kshim/test.h>
#include <linux/llist.h>

#include "ds_kernel.h"

struct lnode {
	long pad;		/* the llist_node is not at offset 0 */
	struct llist_node ll;
	int val;
	int producer;
};

static void test_basic(void)
{
	LLIST_HEAD(head);
	struct llist_head other;
	struct lnode n[5];
	struct llist_node *chain, *pos, *tmp;
	struct lnode *e, *f;
	int i, expect;

	CU_ASSERT(llist_empty(&head));
	CU_ASSERT_PTR_NULL(llist_del_first(&head));
	CU_ASSERT_PTR_NULL(llist_del_all(&head));
	for (i = 0; i < 5; i++) {
		n[i].val = i;
		/* true only for the add that found the list empty */
		CU_ASSERT_EQUAL(llist_add(&n[i].ll, &head), i == 0);
	}
	CU_ASSERT_FALSE(llist_empty(&head));
	CU_ASSERT_PTR_EQUAL(head.first, &n[4].ll);
	CU_ASSERT_PTR_EQUAL(llist_next(&n[4].ll), &n[3].ll);

	/* LIFO: the newest first. */
	CU_ASSERT_PTR_EQUAL(llist_del_first(&head), &n[4].ll);
	CU_ASSERT_PTR_EQUAL(llist_del_first(&head), &n[3].ll);
	chain = llist_del_all(&head);
	CU_ASSERT(llist_empty(&head));
	expect = 2;
	llist_for_each_entry(e, chain, ll)
		CU_ASSERT_EQUAL(e->val, expect--);
	CU_ASSERT_EQUAL(expect, -1);

	chain = llist_reverse_order(chain);
	expect = 0;
	llist_for_each(pos, chain)
		CU_ASSERT_EQUAL(llist_entry(pos, struct lnode, ll)->val,
				expect++);
	CU_ASSERT_EQUAL(expect, 3);
	CU_ASSERT_PTR_NULL(llist_reverse_order(NULL));
	n[4].ll.next = NULL;
	CU_ASSERT_PTR_EQUAL(llist_reverse_order(&n[4].ll), &n[4].ll);

	/* A pre-linked batch n[0] -> n[1] -> n[2] goes in whole. */
	n[0].ll.next = &n[1].ll;
	n[1].ll.next = &n[2].ll;
	CU_ASSERT_TRUE(llist_add_batch(&n[0].ll, &n[2].ll, &head));
	CU_ASSERT_FALSE(llist_add(&n[3].ll, &head));
	expect = 0;
	llist_for_each_safe(pos, tmp, llist_del_all(&head)) {
		pos->next = NULL;	/* the body may reuse the node */
		expect++;
	}
	CU_ASSERT_EQUAL(expect, 4);

	/* The non-atomic forms. */
	init_llist_head(&other);
	CU_ASSERT_TRUE(__llist_add(&n[0].ll, &other));
	CU_ASSERT_FALSE(__llist_add(&n[1].ll, &other));
	n[2].ll.next = &n[3].ll;
	CU_ASSERT_FALSE(__llist_add_batch(&n[2].ll, &n[3].ll, &other));
	chain = __llist_del_all(&other);
	CU_ASSERT(llist_empty(&other));
	expect = 0;
	llist_for_each_entry_safe(e, f, chain, ll)
		expect = expect * 10 + e->val;
	CU_ASSERT_EQUAL(expect, 2310);

	/* An empty chain: no iteration, although the member is at +8. */
	expect = 0;
	llist_for_each_entry(e, (struct llist_node *)NULL, ll)
		expect++;
	llist_for_each_entry_safe(e, f, (struct llist_node *)NULL, ll)
		expect++;
	CU_ASSERT_EQUAL(expect, 0);
}

static void test_safe_free(void)
{
	LLIST_HEAD(head);
	struct lnode *e, *f;
	int i, count = 0;

	for (i = 0; i < 100; i++) {
		e = calloc(1, sizeof(*e));
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		e->val = i;
		llist_add(&e->ll, &head);
	}
	llist_for_each_entry_safe(e, f, llist_del_all(&head), ll) {
		count += e->val;
		free(e);
	}
	CU_ASSERT_EQUAL(count, 99 * 100 / 2);
}

#define NR_PRODUCERS	4
#define PER_PRODUCER	5000

struct mt {
	struct llist_head head;
	struct lnode *nodes;
	int producer;
	struct mt *shared;
};

static void *producer(void *arg)
{
	struct mt *me = arg;
	struct lnode *base = me->shared->nodes + me->producer * PER_PRODUCER;
	int i = 0;

	while (i < PER_PRODUCER) {
		base[i].val = i;
		base[i].producer = me->producer;
		if (i % 8 == 6 && i + 1 < PER_PRODUCER) {
			/* A batch of two: i + 1 (newer) -> i. */
			base[i + 1].val = i + 1;
			base[i + 1].producer = me->producer;
			base[i + 1].ll.next = &base[i].ll;
			llist_add_batch(&base[i + 1].ll, &base[i].ll,
					&me->shared->head);
			i += 2;
		} else {
			llist_add(&base[i].ll, &me->shared->head);
			i++;
		}
	}
	return NULL;
}

/*
 * Take the list until every node arrived; reversed, each chain is in
 * insertion order, so a producer's values come in order: @next[p] is the
 * next value expected from producer p.  Returns the misordered count.
 */
static int consume_all(struct mt *shared)
{
	int next[NR_PRODUCERS] = { 0 };
	int got = 0, bad = 0;

	while (got < NR_PRODUCERS * PER_PRODUCER) {
		struct llist_node *chain;
		struct lnode *e;

		chain = llist_reverse_order(llist_del_all(&shared->head));
		if (!chain) {
			sched_yield();
			continue;
		}
		llist_for_each_entry(e, chain, ll) {
			if (e->producer < 0 || e->producer >= NR_PRODUCERS ||
			    e->val != next[e->producer])
				bad++;
			else
				next[e->producer]++;
			got++;
		}
	}
	return bad;
}

static void run_producers(bool one_by_one)
{
	struct mt shared = { .head = LLIST_HEAD_INIT(shared.head) };
	struct mt mine[NR_PRODUCERS];
	pthread_t th[NR_PRODUCERS];
	int i;

	shared.nodes = calloc(NR_PRODUCERS * PER_PRODUCER,
			      sizeof(*shared.nodes));
	CU_ASSERT_PTR_NOT_NULL_FATAL(shared.nodes);
	for (i = 0; i < NR_PRODUCERS; i++) {
		mine[i].producer = i;
		mine[i].shared = &shared;
		CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, producer,
						     &mine[i]), 0);
	}
	/*
	 * With llist_del_first() the consumer sees a producer's nodes
	 * newest first within what is on the list, so only the total and
	 * the set are checked there; with llist_del_all() each taken chain,
	 * reversed, is in insertion order.
	 */
	if (one_by_one) {
		int got = 0, sum[NR_PRODUCERS] = { 0 };

		while (got < NR_PRODUCERS * PER_PRODUCER) {
			struct llist_node *n = llist_del_first(&shared.head);
			struct lnode *e;

			if (!n) {
				sched_yield();
				continue;
			}
			e = llist_entry(n, struct lnode, ll);
			sum[e->producer] += e->val;
			got++;
		}
		for (i = 0; i < NR_PRODUCERS; i++)
			CU_ASSERT_EQUAL(sum[i],
					PER_PRODUCER * (PER_PRODUCER - 1) / 2);
	} else {
		CU_ASSERT_EQUAL(consume_all(&shared), 0);
	}
	for (i = 0; i < NR_PRODUCERS; i++)
		pthread_join(th[i], NULL);
	CU_ASSERT(llist_empty(&shared.head));
	free(shared.nodes);
}

static void test_threads_del_all(void)
{
	run_producers(false);
}

static void test_threads_del_first(void)
{
	run_producers(true);
}

static void test_kernel_code(void)
{
	CU_ASSERT_EQUAL(ds_kernel_llist(), 0);
}

static CU_TestInfo tests[] = {
	{ "basic", test_basic },
	{ "safe_free", test_safe_free },
	{ "threads_del_all", test_threads_del_all },
	{ "threads_del_first", test_threads_del_first },
	{ "kernel_code", test_kernel_code },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "llist", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
