/*
 * test_rbtree - linux/rbtree.h and rbtree_augmented.h (compat/lib/rbtree.c)
 * against a reference model: random insert/erase checked after every
 * operation for the red-black rules, parent links and order; augmented
 * trees keeping a subtree maximum (RB_DECLARE_CALLBACKS_MAX) and a subtree
 * size (RB_DECLARE_CALLBACKS); the leftmost cache; rb_add(), rb_find(),
 * rb_for_each with equal keys; post-order walks; rb_replace_node; and the
 * kernel's node layout.  ds_kernel.c does the same as kernel code.
 */
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/rbtree_augmented.h>

#include "ds_kernel.h"

#define NR_KEYS		512
#define NR_OPS		6000

struct tnode {
	struct rb_node rb;
	int key;
	int val;
	int max;	/* largest val of the subtree */
	int size;	/* nodes in the subtree */
	int seq;
	bool in;
	bool visited;
};

static unsigned int rng_state;

static unsigned int rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static struct tnode *tn(const struct rb_node *rb)
{
	return rb_entry_safe(rb, struct tnode, rb);
}

/*
 * Check the subtree of @rb hanging below @parent: links, colours, order
 * (keys within [lo, hi]) and, when asked, the augmented fields.  Returns
 * its black height, counts its nodes in *@count; -1 on any error.
 */
static int check_subtree(const struct rb_node *rb, const struct rb_node *parent,
			 long lo, long hi, bool aug, int *count)
{
	const struct tnode *n;
	int lh, rh, max;

	if (!rb)
		return 1;
	n = tn(rb);
	if (rb_parent(rb) != parent || n->key < lo || n->key > hi)
		return -1;
	if (rb->__rb_parent_color & 2)		/* bit 1 is never used */
		return -1;
	if (rb_is_red(rb) && (rb_is_red(parent) ||
			      (rb->rb_left && rb_is_red(rb->rb_left)) ||
			      (rb->rb_right && rb_is_red(rb->rb_right))))
		return -1;
	lh = check_subtree(rb->rb_left, rb, lo, n->key, aug, count);
	rh = check_subtree(rb->rb_right, rb, n->key, hi, aug, count);
	if (lh < 0 || rh < 0 || lh != rh)
		return -1;
	(*count)++;
	if (aug) {
		max = n->val;
		if (rb->rb_left && tn(rb->rb_left)->max > max)
			max = tn(rb->rb_left)->max;
		if (rb->rb_right && tn(rb->rb_right)->max > max)
			max = tn(rb->rb_right)->max;
		if (n->max != max)
			return -1;
	}
	return lh + rb_is_black(rb);
}

/* The whole tree obeys the rules and holds @expect nodes. */
static bool tree_ok(const struct rb_root *root, int expect, bool aug)
{
	int count = 0;

	if (root->rb_node && (rb_parent(root->rb_node) ||
			      !rb_is_black(root->rb_node)))
		return false;
	if (check_subtree(root->rb_node, NULL, -(1L << 40), 1L << 40, aug,
			  &count) < 0)
		return false;
	return count == expect;
}

/* In-order, both ways, equals the model's keys. */
static bool order_matches(const struct rb_root *root, struct tnode *nodes,
			  int nr)
{
	struct rb_node *rb = rb_first(root);
	int i;

	for (i = 0; i < nr; i++) {
		if (!nodes[i].in)
			continue;
		if (rb != &nodes[i].rb)
			return false;
		rb = rb_next(rb);
	}
	if (rb)
		return false;
	rb = rb_last(root);
	for (i = nr - 1; i >= 0; i--) {
		if (!nodes[i].in)
			continue;
		if (rb != &nodes[i].rb)
			return false;
		rb = rb_prev(rb);
	}
	return rb == NULL;
}

static void plain_insert(struct rb_root *root, struct tnode *new)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = new->key < tn(parent)->key ? &parent->rb_left :
						    &parent->rb_right;
	}
	rb_link_node(&new->rb, parent, link);
	rb_insert_color(&new->rb, root);
}

static void test_layout(void)
{
	struct rb_root root = RB_ROOT;
	struct rb_root_cached cached = RB_ROOT_CACHED;
	struct tnode a = { .key = 1 }, b = { .key = 2 };

	CU_ASSERT_EQUAL(sizeof(struct rb_node), 3 * sizeof(long));
	CU_ASSERT_EQUAL(offsetof(struct rb_node, __rb_parent_color), 0);
	CU_ASSERT_EQUAL(offsetof(struct rb_node, rb_right), sizeof(long));
	CU_ASSERT_EQUAL(offsetof(struct rb_node, rb_left), 2 * sizeof(long));
	CU_ASSERT_EQUAL(RB_RED, 0);
	CU_ASSERT_EQUAL(RB_BLACK, 1);
	CU_ASSERT(RB_EMPTY_ROOT(&root));
	CU_ASSERT(RB_EMPTY_ROOT(&cached.rb_root));
	CU_ASSERT_PTR_NULL(cached.rb_leftmost);
	CU_ASSERT_PTR_NULL(rb_first(&root));
	CU_ASSERT_PTR_NULL(rb_last(&root));
	CU_ASSERT_PTR_NULL(rb_first_postorder(&root));
	CU_ASSERT_PTR_NULL(tn(NULL));

	plain_insert(&root, &a);
	/* The root: black (bit 0 set), no parent. */
	CU_ASSERT_EQUAL(a.rb.__rb_parent_color, 1UL);
	plain_insert(&root, &b);
	/* A red child: its parent's address, bit 0 clear. */
	CU_ASSERT_EQUAL(b.rb.__rb_parent_color, (unsigned long)&a.rb);
	CU_ASSERT_PTR_EQUAL(rb_parent(&b.rb), &a.rb);
	CU_ASSERT(rb_is_red(&b.rb));
	CU_ASSERT_EQUAL(rb_color(&a.rb), RB_BLACK);
	CU_ASSERT_FALSE(RB_EMPTY_NODE(&b.rb));

	rb_erase(&b.rb, &root);
	RB_CLEAR_NODE(&b.rb);
	CU_ASSERT(RB_EMPTY_NODE(&b.rb));
	CU_ASSERT_PTR_NULL(rb_next(&b.rb));
	CU_ASSERT_PTR_NULL(rb_prev(&b.rb));
	rb_erase(&a.rb, &root);
	CU_ASSERT(RB_EMPTY_ROOT(&root));
}

static void test_stress(void)
{
	static struct tnode nodes[NR_KEYS];
	struct rb_root root = RB_ROOT;
	int i, op, nr_in = 0, bad = 0;

	rng_state = 1;
	for (i = 0; i < NR_KEYS; i++)
		nodes[i] = (struct tnode){ .key = i };
	for (op = 0; op < NR_OPS; op++) {
		struct tnode *n = &nodes[rng() % NR_KEYS];

		/* Phases: grow, churn, drain. */
		bool add = op < NR_OPS / 3 ? rng() % 4 != 0 :
			   op < 2 * NR_OPS / 3 ? rng() % 2 : rng() % 4 == 0;

		if (add && !n->in) {
			plain_insert(&root, n);
			n->in = true;
			nr_in++;
		} else if (!add && n->in) {
			rb_erase(&n->rb, &root);
			n->in = false;
			nr_in--;
		}
		if (!tree_ok(&root, nr_in, false))
			bad++;
		if (op % 16 == 0 && !order_matches(&root, nodes, NR_KEYS))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(order_matches(&root, nodes, NR_KEYS));
	/* Sequential keys: the degenerate input of an unbalanced tree. */
	for (i = 0; i < NR_KEYS; i++)
		if (!nodes[i].in) {
			plain_insert(&root, &nodes[i]);
			nodes[i].in = true;
		}
	CU_ASSERT(tree_ok(&root, NR_KEYS, false));
	for (i = 0; i < NR_KEYS; i++) {
		rb_erase(&nodes[i].rb, &root);
		nodes[i].in = false;
		if (i % 32 == 0 && !tree_ok(&root, NR_KEYS - i - 1, false))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(RB_EMPTY_ROOT(&root));
}

/* Subtree maximum of val, by the kernel's template. */
static int tnode_val(struct tnode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, max_cb, struct tnode, rb, int, max,
			 tnode_val)

/* Subtree size, by the generic template. */
static bool size_compute(struct tnode *n, bool exit)
{
	int size = 1;

	if (n->rb.rb_left)
		size += tn(n->rb.rb_left)->size;
	if (n->rb.rb_right)
		size += tn(n->rb.rb_right)->size;
	if (exit && n->size == size)
		return true;
	n->size = size;
	return false;
}

RB_DECLARE_CALLBACKS(static, size_cb, struct tnode, rb, size, size_compute)

/* Both augmentations at once: each callback does its part. */
static void both_propagate(struct rb_node *rb, struct rb_node *stop)
{
	max_cb.propagate(rb, stop);
	size_cb.propagate(rb, stop);
}

static void both_copy(struct rb_node *old, struct rb_node *new)
{
	max_cb.copy(old, new);
	size_cb.copy(old, new);
}

static void both_rotate(struct rb_node *old, struct rb_node *new)
{
	max_cb.rotate(old, new);
	size_cb.rotate(old, new);
}

static const struct rb_augment_callbacks both_cb = {
	.propagate = both_propagate,
	.copy = both_copy,
	.rotate = both_rotate,
};

static bool sizes_ok(const struct rb_node *rb)
{
	int size = 1;

	if (!rb)
		return true;
	if (rb->rb_left)
		size += tn(rb->rb_left)->size;
	if (rb->rb_right)
		size += tn(rb->rb_right)->size;
	return tn(rb)->size == size && sizes_ok(rb->rb_left) &&
	       sizes_ok(rb->rb_right);
}

static void aug_insert(struct rb_root_cached *root, struct tnode *new)
{
	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	/* The caller updates the path, as Documentation/core-api/rbtree.rst says. */
	new->max = new->val;
	new->size = 1;
	while (*link) {
		struct tnode *p;

		parent = *link;
		p = tn(parent);
		if (p->max < new->val)
			p->max = new->val;
		p->size++;
		if (new->key < p->key) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&new->rb, parent, link);
	rb_insert_augmented_cached(&new->rb, root, leftmost, &both_cb);
}

static void test_augmented(void)
{
	static struct tnode nodes[NR_KEYS];
	struct rb_root_cached root = RB_ROOT_CACHED;
	int i, op, nr_in = 0, bad = 0;

	rng_state = 7;
	for (i = 0; i < NR_KEYS; i++)
		nodes[i] = (struct tnode){ .key = i, .val = (int)(rng() % 100000) };
	for (op = 0; op < NR_OPS; op++) {
		struct tnode *n = &nodes[rng() % NR_KEYS];
		bool add = op < NR_OPS / 2 ? rng() % 3 != 0 : rng() % 3 == 0;

		if (add && !n->in) {
			aug_insert(&root, n);
			n->in = true;
			nr_in++;
		} else if (!add && n->in) {
			rb_erase_augmented_cached(&n->rb, &root, &both_cb);
			n->in = false;
			nr_in--;
		}
		if (!tree_ok(&root.rb_root, nr_in, true) ||
		    !sizes_ok(root.rb_root.rb_node) ||
		    rb_first_cached(&root) != rb_first(&root.rb_root))
			bad++;
		if (nr_in && tn(root.rb_root.rb_node)->size != nr_in)
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(order_matches(&root.rb_root, nodes, NR_KEYS));
}

/* rb_add() etc. with equal keys: key = i / 4, seq = insertion order. */
static bool tn_less(struct rb_node *a, const struct rb_node *b)
{
	return tn(a)->key < tn(b)->key;
}

static int tn_cmp_key(const void *key, const struct rb_node *b)
{
	int k = *(const int *)key;

	return k < tn(b)->key ? -1 : k > tn(b)->key;
}

static int tn_cmp(struct rb_node *a, const struct rb_node *b)
{
	return tn_cmp_key(&tn(a)->key, b);
}

static void test_find_and_cached(void)
{
	static struct tnode nodes[200];
	struct rb_root_cached cached = RB_ROOT_CACHED;
	struct rb_root root = RB_ROOT;
	struct rb_node *rb, *ret;
	struct tnode extra = { .key = 10 };
	int i, key, seen, bad = 0;

	rng_state = 3;
	/* Insert in a shuffled order: a permutation of 0..199. */
	for (i = 0; i < 200; i++)
		nodes[i].seq = i;
	for (i = 199; i > 0; i--) {
		int j = (int)(rng() % (unsigned int)(i + 1)), t = nodes[i].seq;

		nodes[i].seq = nodes[j].seq;
		nodes[j].seq = t;
	}
	for (i = 0; i < 200; i++) {
		struct tnode *n = &nodes[i];
		struct rb_node *first = rb_first_cached(&cached);

		n->key = n->seq / 4;
		ret = rb_add_cached(&n->rb, &cached, tn_less);
		/* Returned only when it became the leftmost (strictly less). */
		if ((ret != NULL) != (!first || n->key < tn(first)->key))
			bad++;
		if (ret && ret != &n->rb)
			bad++;
		if (rb_first_cached(&cached) != rb_first(&cached.rb_root))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(tree_ok(&cached.rb_root, 200, false));

	/* rb_find_first + rb_next_match: the equal ones in insertion order. */
	for (key = -1; key <= 50; key++) {
		int last = -1;

		seen = 0;
		rb_for_each(rb, &key, &cached.rb_root, tn_cmp_key) {
			int idx = (int)(tn(rb) - nodes);

			if (tn(rb)->key != key || idx <= last)
				bad++;
			last = idx;
			seen++;
		}
		if (seen != (key >= 0 && key < 50 ? 4 : 0))
			bad++;
		rb = rb_find(&key, &cached.rb_root, tn_cmp_key);
		if ((rb != NULL) != (seen != 0) || (rb && tn(rb)->key != key))
			bad++;
		rb = rb_find_first(&key, &cached.rb_root, tn_cmp_key);
		if (rb && rb_prev(rb) && tn(rb_prev(rb))->key == key)
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);

	/* rb_erase_cached returns the new leftmost only for the leftmost. */
	for (i = 0; i < 200; i++) {
		struct rb_node *first = rb_first_cached(&cached);
		struct rb_node *next = rb_next(&nodes[i].rb);

		ret = rb_erase_cached(&nodes[i].rb, &cached);
		if (first == &nodes[i].rb ? ret != next : ret != NULL)
			bad++;
		if (rb_first_cached(&cached) != rb_first(&cached.rb_root))
			bad++;
		if (i % 8 == 0 && !tree_ok(&cached.rb_root, 199 - i, false))
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_PTR_NULL(rb_first_cached(&cached));

	/* rb_find_add: unique keys only. */
	for (i = 0; i < 20; i++) {
		nodes[i].key = i;
		CU_ASSERT_PTR_NULL(rb_find_add(&nodes[i].rb, &root, tn_cmp));
	}
	CU_ASSERT_PTR_EQUAL(rb_find_add(&extra.rb, &root, tn_cmp),
			    &nodes[10].rb);
	CU_ASSERT(tree_ok(&root, 20, false));
	/* rb_add keeps duplicates, after the existing one. */
	rb_add(&extra.rb, &root, tn_less);
	CU_ASSERT_PTR_EQUAL(rb_next(&nodes[10].rb), &extra.rb);
	CU_ASSERT_PTR_EQUAL(rb_next(&extra.rb), &nodes[11].rb);
	CU_ASSERT(tree_ok(&root, 21, false));
}

static void test_replace(void)
{
	static struct tnode nodes[64], repl[64];
	struct rb_root_cached root = RB_ROOT_CACHED;
	int i;

	for (i = 0; i < 64; i++) {
		nodes[i].key = i;
		repl[i].key = i;
		rb_add_cached(&nodes[i].rb, &root, tn_less);
	}
	/* Replace every node, the leftmost first. */
	for (i = 0; i < 64; i++) {
		rb_replace_node_cached(&nodes[i].rb, &repl[i].rb, &root);
		nodes[i].in = false;
		repl[i].in = true;
	}
	CU_ASSERT_PTR_EQUAL(rb_first_cached(&root), &repl[0].rb);
	CU_ASSERT(tree_ok(&root.rb_root, 64, false));
	CU_ASSERT(order_matches(&root.rb_root, repl, 64));
	rb_replace_node(&repl[31].rb, &nodes[31].rb, &root.rb_root);
	repl[31].in = false;
	CU_ASSERT_PTR_EQUAL(rb_prev(&repl[32].rb), &nodes[31].rb);
	CU_ASSERT_PTR_EQUAL(rb_next(&repl[30].rb), &nodes[31].rb);
	CU_ASSERT(tree_ok(&root.rb_root, 64, false));
}

static void test_postorder(void)
{
	struct rb_root root = RB_ROOT;
	struct tnode *pos, *n;
	struct rb_node *rb;
	int i, count = 0, bad = 0;

	rng_state = 11;
	for (i = 0; i < 300; i++) {
		struct tnode *new = calloc(1, sizeof(*new));

		CU_ASSERT_PTR_NOT_NULL_FATAL(new);
		new->key = (int)(rng() % 1000);
		plain_insert(&root, new);
	}
	/* Children first, every node once. */
	for (rb = rb_first_postorder(&root); rb; rb = rb_next_postorder(rb)) {
		if ((rb->rb_left && !tn(rb->rb_left)->visited) ||
		    (rb->rb_right && !tn(rb->rb_right)->visited) ||
		    tn(rb)->visited)
			bad++;
		tn(rb)->visited = true;
		count++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(count, 300);
	CU_ASSERT_PTR_EQUAL(rb_next_postorder(root.rb_node), NULL);
	CU_ASSERT_PTR_NULL(rb_next_postorder(NULL));

	/* The _safe walk may free each node (ASan/valgrind check it). */
	count = 0;
	rbtree_postorder_for_each_entry_safe(pos, n, &root, rb) {
		free(pos);
		count++;
	}
	CU_ASSERT_EQUAL(count, 300);
}

static void test_kernel_code(void)
{
	unsigned int seed;

	for (seed = 1; seed < 20; seed++)
		CU_ASSERT_EQUAL(ds_kernel_rbtree(seed), 0);
}

static CU_TestInfo tests[] = {
	{ "layout", test_layout },
	{ "stress", test_stress },
	{ "augmented", test_augmented },
	{ "find_and_cached", test_find_and_cached },
	{ "replace", test_replace },
	{ "postorder", test_postorder },
	{ "kernel_code", test_kernel_code },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "rbtree", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
