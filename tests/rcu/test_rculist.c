/*
 * test_rculist - linux/rculist.h: list_*_rcu and hlist_*_rcu.
 *
 * Single-threaded contract (order, deletion keeps the deleted entry's
 * ->next for readers still on it, replace, splice, hlist add/del), then
 * a stress test: readers in host threads (tasks) and in an interrupt
 * handler on CPU 1 walk a list under rcu_read_lock() while the updater
 * adds, replaces and deletes entries under a spinlock and frees them
 * after synchronize_rcu() or with call_rcu(): every entry a reader sees
 * is intact (its magic was overwritten only after the grace period), and
 * TSan/helgrind see no race.  The lockdep-RCU check of the traversal
 * macros (6.1 CONFIG_PROVE_RCU_LIST): negative and positive.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/interrupt.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <kshim/irq.h>
#include <kshim/test.h>

#include "common/expect_bug.h"
#include "common/flags.h"

#define MAGIC 0x5eed1234

struct item {
	int magic;
	int key;
	struct list_head node;
	struct hlist_node hnode;
	struct rcu_head rh;
};

static struct item *item_new(int key)
{
	struct item *it = calloc(1, sizeof(*it));

	it->magic = MAGIC;
	it->key = key;
	return it;
}

static void item_free(struct item *it)
{
	it->magic = 0;		/* what a use after the grace period sees */
	free(it);
}

static void item_free_rcu(struct rcu_head *rh)
{
	item_free(container_of(rh, struct item, rh));
}

/* ---- contract ---- */

static void test_list_order_and_delete(void)
{
	LIST_HEAD(head);
	struct item *a = item_new(1), *b = item_new(2), *c = item_new(3);
	struct item *pos, *rep;
	int keys[4], n = 0;

	list_add_rcu(&b->node, &head);
	list_add_rcu(&a->node, &head);
	list_add_tail_rcu(&c->node, &head);
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &head, node)
		keys[n++] = pos->key;
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(keys[0], 1);
	CU_ASSERT_EQUAL(keys[1], 2);
	CU_ASSERT_EQUAL(keys[2], 3);
	CU_ASSERT_PTR_EQUAL(list_first_or_null_rcu(&head, struct item, node), a);
	CU_ASSERT_PTR_EQUAL(list_next_or_null_rcu(&head, &a->node, struct item,
						  node), b);
	CU_ASSERT_PTR_NULL(list_next_or_null_rcu(&head, &c->node, struct item,
						 node));
	rcu_read_unlock();

	list_del_rcu(&b->node);
	/* A reader still on b goes on to c. */
	CU_ASSERT_PTR_EQUAL(b->node.next, &c->node);
	CU_ASSERT_PTR_EQUAL(b->node.prev, LIST_POISON2);
	rep = item_new(4);
	list_replace_rcu(&c->node, &rep->node);
	n = 0;
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &head, node)
		keys[n++] = pos->key;
	rcu_read_unlock();
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_EQUAL(keys[0], 1);
	CU_ASSERT_EQUAL(keys[1], 4);
	synchronize_rcu();
	item_free(b);
	item_free(c);
	list_del_rcu(&a->node);
	list_del_rcu(&rep->node);
	CU_ASSERT_TRUE(list_empty(&head));
	CU_ASSERT_PTR_NULL(list_first_or_null_rcu(&head, struct item, node));
	synchronize_rcu();
	item_free(a);
	item_free(rep);
}

static void sync_fn(void)
{
	synchronize_rcu();
}

static void test_list_splice(void)
{
	LIST_HEAD(head);
	LIST_HEAD(more);
	struct item *a = item_new(1), *b = item_new(2), *c = item_new(3);
	struct item *pos, *tmp;
	int n = 0, sum = 0;

	list_add_rcu(&a->node, &head);
	list_add_tail(&b->node, &more);
	list_add_tail(&c->node, &more);
	list_splice_tail_init_rcu(&more, &head, sync_fn);
	CU_ASSERT_TRUE(list_empty(&more));
	rcu_read_lock();
	list_for_each_entry_rcu(pos, &head, node) {
		n++;
		sum = sum * 10 + pos->key;
	}
	rcu_read_unlock();
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(sum, 123);
	list_for_each_entry_safe(pos, tmp, &head, node) {
		list_del_rcu(&pos->node);
		call_rcu(&pos->rh, item_free_rcu);
	}
	rcu_barrier();
}

static void test_hlist(void)
{
	HLIST_HEAD(h);
	struct item *a = item_new(1), *b = item_new(2), *c = item_new(3);
	struct item *d = item_new(4), *pos;
	int sum = 0;

	hlist_add_head_rcu(&b->hnode, &h);
	hlist_add_head_rcu(&a->hnode, &h);
	hlist_add_tail_rcu(&d->hnode, &h);
	hlist_add_behind_rcu(&c->hnode, &b->hnode);
	rcu_read_lock();
	hlist_for_each_entry_rcu(pos, &h, hnode)
		sum = sum * 10 + pos->key;
	rcu_read_unlock();
	CU_ASSERT_EQUAL(sum, 1234);
	hlist_del_rcu(&b->hnode);
	hlist_del_init_rcu(&d->hnode);
	CU_ASSERT_TRUE(hlist_unhashed(&d->hnode));
	sum = 0;
	rcu_read_lock();
	hlist_for_each_entry_rcu(pos, &h, hnode)
		sum = sum * 10 + pos->key;
	rcu_read_unlock();
	CU_ASSERT_EQUAL(sum, 13);
	hlist_del_rcu(&a->hnode);
	hlist_del_rcu(&c->hnode);
	CU_ASSERT_TRUE(hlist_empty(&h));
	call_rcu(&a->rh, item_free_rcu);
	call_rcu(&b->rh, item_free_rcu);
	call_rcu(&c->rh, item_free_rcu);
	call_rcu(&d->rh, item_free_rcu);
	rcu_barrier();
}

/* ---- the traversal's lockdep-RCU check ---- */

static DEFINE_SPINLOCK(list_lock);

static void test_traversal_outside_reader(void)
{
	LIST_HEAD(head);
	struct item *a = item_new(1), *pos;
	char want[512];
	int n = 0;

	list_add_rcu(&a->node, &head);
	snprintf(want, sizeof(want),
		 "WARNING: suspicious RCU usage\n%d.%d.%d-kshim #1 Not tainted\n"
		 "-----------------------------\n"
		 "%s:%d RCU-list traversed in non-reader section!!\n",
		 LINUX_VERSION_MAJOR, LINUX_VERSION_PATCHLEVEL,
		 LINUX_VERSION_SUBLEVEL, __FILE__, marker_line("walk_bare"));
	kshim_expect_report(KSHIM_REPORT_RCU, want, 1);
	list_for_each_entry_rcu(pos, &head, node) /* LINE:walk_bare */
		n++;
	/* Positive: the updater's lock as the condition, or a reader. */
	spin_lock(&list_lock);
	list_for_each_entry_rcu(pos, &head, node, spin_is_locked(&list_lock))
		n++;
	spin_unlock(&list_lock);
	rcu_read_lock_bh();
	list_for_each_entry_rcu(pos, &head, node)
		n++;
	rcu_read_unlock_bh();
	CU_ASSERT_EQUAL(n, 3);
	list_del_rcu(&a->node);
	synchronize_rcu();
	item_free(a);
}

/* ---- stress: readers everywhere, the updater changes the list ---- */

#define NR_READERS 3
#define NR_KEYS 16
#define ROUNDS 400

static LIST_HEAD(stress_head);
static int stop;
static int bad;			/* entries seen broken (flags) */
static int walks;

static void walk_once(void)
{
	struct item *pos;
	int n = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(pos, &stress_head, node) {
		if (pos->magic != MAGIC || pos->key < 0 || pos->key >= NR_KEYS)
			flag_add(&bad, 1);
		n++;
	}
	rcu_read_unlock();
	if (n > NR_KEYS + 1)
		flag_add(&bad, 1);
}

static void *reader(void *arg)
{
	while (!flag_load(&stop)) {
		walk_once();
		flag_add(&walks, 1);
	}
	return NULL;
}

static int irq_walks;

static irqreturn_t walking_handler(int irq, void *dev_id)
{
	walk_once();
	irq_walks++;
	return IRQ_HANDLED;
}

static void test_stress_concurrent_readers(void)
{
	struct item *slots[NR_KEYS] = { NULL };
	pthread_t th[NR_READERS];
	struct item *pos, *tmp;
	unsigned int seed = 1;
	int i, r;

	CU_ASSERT_EQUAL_FATAL(request_irq(10, walking_handler, 0, "walker",
					  &stress_head), 0);
	for (i = 0; i < NR_READERS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, reader,
						     NULL), 0);
	/* The readers are walking before the updates start. */
	while (flag_load(&walks) < NR_READERS)
		sched_yield();
	for (r = 0; r < ROUNDS; r++) {
		int k = rand_r(&seed) % NR_KEYS;
		struct item *old = slots[k];

		spin_lock(&list_lock);
		if (!old) {
			slots[k] = item_new(k);
			list_add_tail_rcu(&slots[k]->node, &stress_head);
		} else if (r % 3) {
			list_del_rcu(&old->node);
			slots[k] = NULL;
		} else {
			slots[k] = item_new(k);
			list_replace_rcu(&old->node, &slots[k]->node);
		}
		spin_unlock(&list_lock);
		if (old) {
			if (r % 2)
				call_rcu(&old->rh, item_free_rcu);
			else {
				synchronize_rcu();
				item_free(old);
			}
		}
		if (r % 16 == 0)
			kshim_raise_irq_on(10, 1);
	}
	flag_store(&stop, 1);
	for (i = 0; i < NR_READERS; i++)
		pthread_join(th[i], NULL);
	CU_ASSERT_EQUAL(kshim_irq_sync(10), 0);
	free_irq(10, &stress_head);
	spin_lock(&list_lock);
	list_for_each_entry_safe(pos, tmp, &stress_head, node)
		list_del_rcu(&pos->node);
	spin_unlock(&list_lock);
	synchronize_rcu();
	for (i = 0; i < NR_KEYS; i++)
		if (slots[i])
			item_free(slots[i]);
	rcu_barrier();
	CU_ASSERT_EQUAL(flag_load(&bad), 0);
	CU_ASSERT_TRUE(flag_load(&walks) > 0);
	CU_ASSERT_TRUE(irq_walks > 0);
}

static CU_TestInfo list_tests[] = {
	{ "list_order_and_delete", test_list_order_and_delete },
	{ "list_splice", test_list_splice },
	{ "hlist", test_hlist },
	{ "traversal_outside_reader", test_traversal_outside_reader },
	{ "stress_concurrent_readers", test_stress_concurrent_readers },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "rculist", NULL, NULL, NULL, NULL, list_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
