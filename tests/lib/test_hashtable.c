/*
 * test_hashtable - linux/hash.h values (the kernel's constants and
 * multiplicative hash, so buckets match a kernel's), linux/hashtable.h
 * (buckets, iteration, deletion while iterating, a table in a struct)
 * against a reference model, and the hlist functions of linux/list.h it
 * builds on.  Also includes <stdlib.h> before <linux/bsearch.h> (test_sort
 * does the reverse): glibc's bsearch() and the kernel's coexist.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/bsearch.h>
#include <kshim/test.h>
#include <linux/hash.h>
#include <linux/hashtable.h>

#include "ds_kernel.h"

static void test_hash_values(void)
{
	int x = 0;

	CU_ASSERT_EQUAL(GOLDEN_RATIO_32, 0x61C88647);
	CU_ASSERT_EQUAL(GOLDEN_RATIO_64, 0x61C8864680B583EBull);
	CU_ASSERT_EQUAL(GOLDEN_RATIO_PRIME, GOLDEN_RATIO_64);
	CU_ASSERT_EQUAL(__hash_32(1), 0x61c88647);
	CU_ASSERT_EQUAL(hash_32(1, 32), 0x61c88647);
	CU_ASSERT_EQUAL(hash_32(0xdeadbeef, 10), 0x1b7);
	CU_ASSERT_EQUAL(hash_32(0xdeadbeef, 32), 0x6dd90e49);
	CU_ASSERT_EQUAL(hash_32(12345, 7), 0x2f);
	/* hash_64() returns a u32, as in the kernel: the low half here. */
	CU_ASSERT_EQUAL(hash_64(1, 64), 0x80b583eb);
	CU_ASSERT_EQUAL(hash_64(0xdeadbeefcafebabeull, 12), 0xf11);
	CU_ASSERT_EQUAL(hash_64(0xdeadbeefcafebabeull, 32), 0xf113626c);
	CU_ASSERT_EQUAL(hash_64_generic(12345, 7), 0x2f);
	CU_ASSERT_EQUAL(hash_long(0xdeadbeefcafebabeul, 12), 0xf11);
	CU_ASSERT_EQUAL(hash_ptr((void *)0xffff888012345678ul, 8), 0xb3);
	CU_ASSERT_EQUAL(hash32_ptr((void *)0xffff888012345678ul), 0xedcbdef8);
	CU_ASSERT_EQUAL(hash_ptr(&x, 6), hash_64((unsigned long)&x, 6));
	/* Always below 2^bits. */
	for (x = 0; x < 1000; x++) {
		CU_ASSERT(hash_32((u32)x * 2654435761u, 5) < 32);
		CU_ASSERT(hash_64((u64)x << 40, 3) < 8);
	}
}

struct obj {
	struct hlist_node node;
	u32 key;
	u64 key64;
	bool in;
};

static DEFINE_HASHTABLE(table, 6);

struct holder {
	int dummy;
	DECLARE_HASHTABLE(ht, 3);
};

static void test_table_basics(void)
{
	struct holder h;
	struct obj a = { .key = 42 }, b = { .key = 42 }, c = { .key = 7 };
	struct obj *pos;
	struct hlist_node *tmp;
	int bkt, count;

	CU_ASSERT_EQUAL(HASH_SIZE(table), 64);
	CU_ASSERT_EQUAL(HASH_BITS(table), 6);
	CU_ASSERT_EQUAL(HASH_SIZE(h.ht), 8);
	CU_ASSERT_EQUAL(HASH_BITS(h.ht), 3);
	CU_ASSERT(hash_empty(table));

	memset(&h, 0x5a, sizeof(h));
	hash_init(h.ht);
	CU_ASSERT(hash_empty(h.ht));
	INIT_HLIST_NODE(&a.node);
	CU_ASSERT_FALSE(hash_hashed(&a.node));

	hash_add(h.ht, &a.node, a.key);
	hash_add(h.ht, &b.node, b.key);
	hash_add(h.ht, &c.node, c.key);
	CU_ASSERT(hash_hashed(&a.node));
	CU_ASSERT_FALSE(hash_empty(h.ht));
	/* A u32 key goes to hash_32(key, bits): the kernel's bucket. */
	CU_ASSERT_PTR_EQUAL(a.node.pprev == &h.ht[hash_32(42, 3)].first ?
			    &b.node : b.node.next, &a.node);
	CU_ASSERT(hlist_is_singular_node(&c.node, &h.ht[hash_32(7, 3)]) ||
		  hash_32(7, 3) == hash_32(42, 3));

	count = 0;
	hash_for_each_possible(h.ht, pos, node, 42)
		if (pos->key == 42)
			count++;
	CU_ASSERT_EQUAL(count, 2);

	count = 0;
	hash_for_each(h.ht, bkt, pos, node) {
		CU_ASSERT_EQUAL(bkt, hash_32(pos->key, 3));
		count++;
	}
	CU_ASSERT_EQUAL(count, 3);

	/* break leaves the cursor on the object and ends both loops. */
	count = 0;
	hash_for_each(h.ht, bkt, pos, node) {
		count++;
		if (pos->key == 7)
			break;
	}
	CU_ASSERT_PTR_EQUAL(pos, &c);

	hash_del(&a.node);
	CU_ASSERT_FALSE(hash_hashed(&a.node));
	CU_ASSERT_PTR_NULL(a.node.next);
	hash_del(&a.node);	/* deleting an unhashed node is harmless */
	count = 0;
	hash_for_each_possible_safe(h.ht, pos, tmp, node, 42) {
		hash_del(&pos->node);
		count++;
	}
	CU_ASSERT(count >= 1);
	hash_for_each_safe(h.ht, bkt, tmp, pos, node)
		hash_del(&pos->node);
	CU_ASSERT(hash_empty(h.ht));
}

static void test_table_u64_keys(void)
{
	DEFINE_HASHTABLE(t64, 4);
	struct obj o[32];
	struct obj *pos;
	int i, bkt, bad = 0;

	for (i = 0; i < 32; i++) {
		o[i].key64 = 0x100000000ull * (u64)i + 3;
		/* A u64 key goes to hash_long(key, bits). */
		hash_add(t64, &o[i].node, o[i].key64);
	}
	hash_for_each(t64, bkt, pos, node)
		if ((u32)bkt != hash_long(pos->key64, 4))
			bad++;
	CU_ASSERT_EQUAL(bad, 0);
}

#define NR_OBJS 1000

static void test_stress(void)
{
	static struct obj objs[NR_OBJS];
	struct obj *pos;
	struct hlist_node *tmp;
	unsigned int seed = 5;
	int i, op, bkt, bad = 0, nr_in = 0;

	hash_init(table);
	for (i = 0; i < NR_OBJS; i++) {
		objs[i].key = (u32)i * 2246822519u;	/* distinct keys */
		objs[i].in = false;
	}
	for (op = 0; op < 20000; op++) {
		struct obj *o;
		int found = 0;

		seed = seed * 1103515245u + 12345u;
		o = &objs[(seed >> 8) % NR_OBJS];
		if (!o->in) {
			hash_add(table, &o->node, o->key);
			o->in = true;
			nr_in++;
		} else if (seed & 0x10000) {
			hash_del(&o->node);
			o->in = false;
			nr_in--;
		}
		hash_for_each_possible(table, pos, node, o->key)
			if (pos->key == o->key)
				found++;
		if (found != (o->in ? 1 : 0) || hash_hashed(&o->node) != o->in)
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	i = 0;
	hash_for_each(table, bkt, pos, node) {
		if (!pos->in || (u32)bkt != hash_32(pos->key, 6))
			bad++;
		i++;
	}
	CU_ASSERT_EQUAL(i, nr_in);
	hash_for_each_safe(table, bkt, tmp, pos, node) {
		hash_del(&pos->node);
		pos->in = false;
	}
	CU_ASSERT(hash_empty(table));
	CU_ASSERT_EQUAL(bad, 0);
}

static void test_hlist(void)
{
	HLIST_HEAD(head);
	struct hlist_head moved;
	struct obj o[4];
	struct obj *pos;
	struct hlist_node *n, *tmp;
	u32 seq;
	int i;

	for (i = 0; i < 4; i++) {
		INIT_HLIST_NODE(&o[i].node);
		o[i].key = i;
	}
	CU_ASSERT(hlist_unhashed_lockless(&o[0].node));
	hlist_add_head(&o[1].node, &head);
	CU_ASSERT(hlist_is_singular_node(&o[1].node, &head));
	hlist_add_before(&o[0].node, &o[1].node);
	hlist_add_behind(&o[3].node, &o[1].node);
	hlist_add_behind(&o[2].node, &o[1].node);
	CU_ASSERT_FALSE(hlist_is_singular_node(&o[1].node, &head));
	CU_ASSERT_FALSE(hlist_unhashed_lockless(&o[3].node));

	seq = 0;
	hlist_for_each_entry(pos, &head, node)
		seq = seq * 10 + pos->key + 1;
	CU_ASSERT_EQUAL(seq, 1234);

	/* _continue starts after the cursor, _from at it. */
	pos = &o[1];
	seq = 0;
	hlist_for_each_entry_continue(pos, node)
		seq = seq * 10 + pos->key + 1;
	CU_ASSERT_EQUAL(seq, 34);
	pos = &o[1];
	seq = 0;
	hlist_for_each_entry_from(pos, node)
		seq = seq * 10 + pos->key + 1;
	CU_ASSERT_EQUAL(seq, 234);

	hlist_move_list(&head, &moved);
	CU_ASSERT(hlist_empty(&head));
	CU_ASSERT_PTR_EQUAL(o[0].node.pprev, &moved.first);
	i = 0;
	hlist_for_each_safe(n, tmp, &moved) {
		hlist_del(n);
		CU_ASSERT_PTR_EQUAL(n->next, LIST_POISON1);
		i++;
	}
	CU_ASSERT_EQUAL(i, 4);
	CU_ASSERT(hlist_empty(&moved));

	INIT_HLIST_NODE(&o[0].node);
	hlist_add_fake(&o[0].node);
	CU_ASSERT(hlist_fake(&o[0].node));
	CU_ASSERT_FALSE(hlist_unhashed(&o[0].node));
	hlist_del_init(&o[0].node);	/* a fake node deletes cleanly */
	CU_ASSERT(hlist_unhashed(&o[0].node));
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void test_bsearch_after_stdlib(void)
{
	static const int v[] = { 1, 3, 5, 7 };
	int key = 5;

	CU_ASSERT_PTR_EQUAL(bsearch(&key, v, 4, sizeof(int), cmp_int), &v[2]);
}

static void test_kernel_code(void)
{
	CU_ASSERT_EQUAL(ds_kernel_hashtable(), 0);
}

static CU_TestInfo tests[] = {
	{ "hash_values", test_hash_values },
	{ "table_basics", test_table_basics },
	{ "table_u64_keys", test_table_u64_keys },
	{ "stress", test_stress },
	{ "hlist", test_hlist },
	{ "bsearch_after_stdlib", test_bsearch_after_stdlib },
	{ "kernel_code", test_kernel_code },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "hashtable", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
