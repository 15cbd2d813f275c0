// SPDX-License-Identifier: GPL-2.0
/*
 * ds_kernel.c - kernel code (built with kbuild's flags and -nostdinc)
 * using rbtree, llist, hashtable, sort, list_sort and bsearch as drivers
 * do: proves the headers compile as kernel code with nothing but kshim's
 * headers, and that what they compute there is right.
 */
#include <linux/bsearch.h>
#include <linux/hashtable.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/llist.h>
#include <linux/rbtree_augmented.h>
#include <linux/sort.h>

#include "ds_kernel.h"

#define CHECK(cond)	do { if (!(cond)) return -__LINE__; } while (0)

#define NR_ITEMS	64

struct item {
	struct rb_node rb;
	struct llist_node ll;
	struct hlist_node hnode;
	struct list_head list;
	u32 key;
	u32 seq;
	u32 max_seq;	/* the largest seq of the rb subtree */
};

static struct item items[NR_ITEMS];

static u32 item_seq(struct item *it)
{
	return it->seq;
}

RB_DECLARE_CALLBACKS_MAX(static, item_cb, struct item, rb, u32, max_seq,
			 item_seq)

static bool item_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct item, rb)->key <
	       rb_entry(b, struct item, rb)->key;
}

static int item_cmp_key(const void *key, const struct rb_node *n)
{
	u32 k = *(const u32 *)key, nk = rb_entry(n, struct item, rb)->key;

	return k < nk ? -1 : k > nk;
}

int ds_kernel_rbtree(unsigned int seed)
{
	struct rb_root_cached cached = RB_ROOT_CACHED;
	struct rb_root aug = RB_ROOT;
	struct rb_node *n;
	struct item *it, *tmp;
	u32 prev = 0, key, count = 0;
	int i;

	for (i = 0; i < NR_ITEMS; i++) {
		items[i].key = (seed = seed * 1103515245 + 12345) >> 20;
		items[i].seq = i;
		rb_add_cached(&items[i].rb, &cached, item_less);
	}
	for (n = rb_first_cached(&cached); n; n = rb_next(n)) {
		it = rb_entry(n, struct item, rb);
		CHECK(count == 0 || it->key >= prev);
		prev = it->key;
		count++;
	}
	CHECK(count == NR_ITEMS);
	key = items[NR_ITEMS / 2].key;
	n = rb_find(&key, &cached.rb_root, item_cmp_key);
	CHECK(n && rb_entry(n, struct item, rb)->key == key);
	for (i = 0; i < NR_ITEMS; i++)
		rb_erase_cached(&items[i].rb, &cached);
	CHECK(RB_EMPTY_ROOT(&cached.rb_root) && !rb_first_cached(&cached));

	/* Augmented: largest seq of the whole tree at the root. */
	for (i = 0; i < NR_ITEMS; i++) {
		struct rb_node **link = &aug.rb_node, *parent = NULL;
		struct item *new = &items[i];

		new->max_seq = new->seq;
		while (*link) {
			parent = *link;
			it = rb_entry(parent, struct item, rb);
			if (it->max_seq < new->seq)
				it->max_seq = new->seq;
			link = new->key < it->key ? &parent->rb_left :
						    &parent->rb_right;
		}
		rb_link_node(&new->rb, parent, link);
		rb_insert_augmented(&new->rb, &aug, &item_cb);
		CHECK(rb_entry(aug.rb_node, struct item, rb)->max_seq == i);
	}
	for (i = NR_ITEMS - 1; i > 0; i--) {
		rb_erase_augmented(&items[i].rb, &aug, &item_cb);
		CHECK(rb_entry(aug.rb_node, struct item, rb)->max_seq == i - 1);
	}
	count = 0;
	rbtree_postorder_for_each_entry_safe(it, tmp, &aug, rb)
		count++;
	CHECK(count == 1);
	return 0;
}

int ds_kernel_llist(void)
{
	LLIST_HEAD(head);
	struct llist_node *chain;
	struct item *it;
	u32 expect = 0;
	int i;

	CHECK(llist_empty(&head));
	for (i = 0; i < NR_ITEMS; i++) {
		items[i].seq = i;
		CHECK(llist_add(&items[i].ll, &head) == (i == 0));
	}
	chain = llist_reverse_order(llist_del_all(&head));
	CHECK(llist_empty(&head));
	llist_for_each_entry(it, chain, ll)
		CHECK(it->seq == expect++);
	CHECK(expect == NR_ITEMS);
	return 0;
}

static DEFINE_HASHTABLE(table, 4);

int ds_kernel_hashtable(void)
{
	struct item *it;
	struct hlist_node *tmp;
	int i, bkt, found = 0;

	CHECK(HASH_SIZE(table) == 16 && HASH_BITS(table) == 4);
	CHECK(hash_empty(table));
	for (i = 0; i < NR_ITEMS; i++) {
		items[i].key = i * 7919;
		hash_add(table, &items[i].hnode, items[i].key);
	}
	hash_for_each_possible(table, it, hnode, 5 * 7919)
		if (it->key == 5 * 7919)
			found++;
	CHECK(found == 1);
	/* The bucket is the kernel's: hash_32(key, 4) for a u32 key. */
	CHECK(hlist_unhashed(&items[5].hnode) == 0);
	hash_for_each_safe(table, bkt, tmp, it, hnode) {
		CHECK(bkt == hash_32(it->key, 4));
		hash_del(&it->hnode);
	}
	CHECK(hash_empty(table));
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

static int cmp_item(void *priv, const struct list_head *a,
		    const struct list_head *b)
{
	return (int)list_entry(a, struct item, list)->key -
	       (int)list_entry(b, struct item, list)->key;
}

int ds_kernel_sort(void)
{
	static u32 v[NR_ITEMS];
	LIST_HEAD(list);
	struct item *it, *prev = NULL;
	u32 key;
	int i;

	for (i = 0; i < NR_ITEMS; i++)
		v[i] = (NR_ITEMS - i) * 3;
	sort(v, NR_ITEMS, sizeof(v[0]), cmp_u32, NULL);
	for (i = 1; i < NR_ITEMS; i++)
		CHECK(v[i - 1] < v[i]);
	key = 30;
	CHECK(bsearch(&key, v, NR_ITEMS, sizeof(v[0]), cmp_u32) == &v[9]);
	key = 31;
	CHECK(!__inline_bsearch(&key, v, NR_ITEMS, sizeof(v[0]), cmp_u32));

	for (i = 0; i < NR_ITEMS; i++) {
		items[i].key = (i * 37) % 8;
		items[i].seq = i;
		list_add_tail(&items[i].list, &list);
	}
	list_sort(NULL, &list, cmp_item);
	list_for_each_entry(it, &list, list) {
		CHECK(!prev || prev->key < it->key ||
		      (prev->key == it->key && prev->seq < it->seq));
		prev = it;
	}
	return 0;
}
