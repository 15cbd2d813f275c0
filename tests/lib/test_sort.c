/*
 * test_sort - linux/sort.h (sort, sort_r: heapsort, compat/lib/sort.c),
 * linux/list_sort.h (stable merge sort) and linux/bsearch.h.  Results are
 * checked against qsort() and by the sorted-permutation property, for
 * every element size class (the built-in 8-byte, 4-byte and byte swaps),
 * an unaligned base, the caller's swap and @priv; the order of equal
 * elements and the number of compares are those of the kernel's lib/sort.c
 * (values recorded from it); list_sort must be stable, keep the list
 * consistent and compare only elements of the list.
 * <linux/bsearch.h> comes before <stdlib.h> here (the reverse of
 * test_hashtable): the kernel's and glibc's bsearch() coexist.
 */
#include <linux/bsearch.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/test.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/sort.h>

#include "ds_kernel.h"

static unsigned int rng_state;

static unsigned int rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static int ncmp, nswap;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	ncmp++;
	return (x > y) - (x < y);
}

static void test_ints_vs_qsort(void)
{
	static int v[3000], ref[3000];
	int n, i, bad = 0;

	rng_state = 1;
	for (n = 0; n < 300; n += (n < 40 ? 1 : 37)) {
		for (i = 0; i < n; i++)
			ref[i] = v[i] = (int)(rng() % (unsigned int)(n + 1)) -
					n / 2;
		qsort(ref, n, sizeof(int), cmp_int);
		sort(v, n, sizeof(int), cmp_int, NULL);
		if (memcmp(v, ref, n * sizeof(int)))
			bad++;
	}
	/* A larger one, already sorted and reversed too. */
	for (i = 0; i < 3000; i++)
		ref[i] = v[i] = (int)rng();
	qsort(ref, 3000, sizeof(int), cmp_int);
	sort(v, 3000, sizeof(int), cmp_int, NULL);
	if (memcmp(v, ref, sizeof(v)))
		bad++;
	sort(v, 3000, sizeof(int), cmp_int, NULL);
	if (memcmp(v, ref, sizeof(v)))
		bad++;
	for (i = 0; i < 3000; i++)
		v[i] = ref[2999 - i];
	sort(v, 3000, sizeof(int), cmp_int, NULL);
	if (memcmp(v, ref, sizeof(v)))
		bad++;
	CU_ASSERT_EQUAL(bad, 0);
}

/* Elements of @size bytes; the key is the first byte, the rest a tag. */
static int cmp_first_byte(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static int cmp_bytes_qsort(const void *a, const void *b, void *size)
{
	return memcmp(a, b, *(size_t *)size);
}

static void check_size(size_t size, size_t offset)
{
	enum { N = 97 };
	unsigned char *buf = malloc(N * size + offset);
	unsigned char *v = buf + offset;
	unsigned char *ref = malloc(N * size), *got = malloc(N * size);
	size_t i, j;

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	for (i = 0; i < N; i++) {
		v[i * size] = (unsigned char)(rng() % 251);
		for (j = 1; j < size; j++)
			v[i * size + j] = (unsigned char)(i * 7 + j);
	}
	memcpy(ref, v, N * size);
	sort(v, N, size, cmp_first_byte, NULL);
	/* Sorted by key, and the whole elements are a permutation. */
	for (i = 1; i < N; i++)
		CU_ASSERT(v[(i - 1) * size] <= v[i * size]);
	memcpy(got, v, N * size);
	qsort_r(ref, N, size, cmp_bytes_qsort, &size);
	qsort_r(got, N, size, cmp_bytes_qsort, &size);
	CU_ASSERT_EQUAL(memcmp(ref, got, N * size), 0);
	free(buf);
	free(ref);
	free(got);
}

static void test_element_sizes(void)
{
	static const size_t sizes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20,
					24, 33, 64 };
	size_t i;

	rng_state = 2;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		check_size(sizes[i], 0);
		/* An unaligned base: the word swaps still apply on x86. */
		check_size(sizes[i], 1);
		check_size(sizes[i], 4);
	}
}

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	CU_ASSERT_EQUAL(size, (int)sizeof(int));
	*(int *)a = *(int *)b;
	*(int *)b = t;
	nswap++;
}

static int cmp_int_r(const void *a, const void *b, const void *priv)
{
	int sign = *(const int *)priv;

	ncmp++;
	return sign * cmp_int(a, b);
}

static void swap_int_r(void *a, void *b, int size, const void *priv)
{
	CU_ASSERT_EQUAL(*(const int *)priv, -1);
	swap_int(a, b, size);
}

static void test_callbacks(void)
{
	int v[50], i, bad = 0;
	int descending = -1;

	rng_state = 3;
	for (i = 0; i < 50; i++)
		v[i] = (int)(rng() % 1000);
	nswap = 0;
	sort(v, 50, sizeof(int), cmp_int, swap_int);
	CU_ASSERT(nswap > 0);
	for (i = 1; i < 50; i++)
		if (v[i - 1] > v[i])
			bad++;

	/* sort_r: @priv reaches both callbacks (here: descending). */
	nswap = 0;
	sort_r(v, 50, sizeof(int), cmp_int_r, swap_int_r, &descending);
	CU_ASSERT(nswap > 0);
	for (i = 1; i < 50; i++)
		if (v[i - 1] < v[i])
			bad++;
	/* NULL swap with sort_r: the built-in one. */
	descending = 1;
	sort_r(v, 50, sizeof(int), cmp_int_r, NULL, &descending);
	for (i = 1; i < 50; i++)
		if (v[i - 1] > v[i])
			bad++;
	CU_ASSERT_EQUAL(bad, 0);

	/* Nothing to do: no callback at all. */
	ncmp = nswap = 0;
	sort(v, 1, sizeof(int), cmp_int, swap_int);
	sort(v, 0, sizeof(int), cmp_int, swap_int);
	sort(v, 50, 0, cmp_int, swap_int);
	CU_ASSERT_EQUAL(ncmp + nswap, 0);
}

struct kv {
	int key;
	int idx;
};

static int cmp_kv(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;

	ncmp++;
	return (x->key > y->key) - (x->key < y->key);
}

/*
 * Heapsort is not stable: equal elements end in an order that depends on
 * the algorithm.  The expected order and compare count below are what the
 * kernel's lib/sort.c (6.1) produced for this input.
 */
static void test_kernel_order(void)
{
	static const int keys[40] = {
		1, 1, 0, 3, 0, 0, 4, 0, 0, 4, 2, 2, 3, 2, 0, 3, 1, 0, 1, 4,
		4, 0, 1, 1, 4, 4, 0, 4, 4, 4, 3, 0, 4, 1, 4, 0, 1, 1, 1, 4,
	};
	static const int expect[40] = {
		31, 17, 7, 35, 26, 14, 21, 4, 8, 5, 2, 16, 23, 22, 38, 37, 18,
		36, 0, 1, 33, 13, 11, 10, 30, 12, 3, 15, 29, 28, 27, 6, 25, 24,
		20, 39, 19, 9, 34, 32,
	};
	struct kv v[40];
	int i, bad = 0;

	for (i = 0; i < 40; i++)
		v[i] = (struct kv){ .key = keys[i], .idx = i };
	ncmp = 0;
	sort(v, 40, sizeof(v[0]), cmp_kv, NULL);
	for (i = 0; i < 40; i++)
		if (v[i].idx != expect[i])
			bad++;
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(ncmp, 250);
}

/* list_sort */
#define LS_MAGIC	0x5a5a1234

struct lelem {
	struct list_head list;
	int magic;
	int key;
	int idx;
};

static int ls_bad_args;

static int cmp_lelem(void *priv, const struct list_head *a,
		     const struct list_head *b)
{
	const struct lelem *x = list_entry(a, struct lelem, list);
	const struct lelem *y = list_entry(b, struct lelem, list);

	if (priv != &ls_bad_args || x->magic != LS_MAGIC ||
	    y->magic != LS_MAGIC)
		ls_bad_args++;
	ncmp++;
	return x->key - y->key;
}

/* The list is a circle of @n and @head whose next and prev links agree. */
static bool list_consistent(struct list_head *head, int n)
{
	struct list_head *p = head;
	int i;

	for (i = 0; i <= n; i++) {
		if (p->next->prev != p)
			return false;
		p = p->next;
	}
	return p == head && list_count_nodes(head) == (size_t)n;
}

static void test_list_sort(void)
{
	static struct lelem el[1200];
	static const int lens[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17,
				    31, 100, 511, 512, 513, 1200 };
	size_t l;
	int i, bad = 0;

	rng_state = 9;
	for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++) {
		int n = lens[l];
		int keyspace = (l % 2) ? 5 : n + 1;
		struct lelem *pos, *prev = NULL;
		LIST_HEAD(head);

		for (i = 0; i < n; i++) {
			el[i] = (struct lelem){ .magic = LS_MAGIC, .idx = i,
				.key = (int)(rng() % (unsigned int)keyspace) };
			list_add_tail(&el[i].list, &head);
		}
		ls_bad_args = 0;
		list_sort(&ls_bad_args, &head, cmp_lelem);
		if (ls_bad_args || !list_consistent(&head, n))
			bad++;
		/* Sorted, equal keys in their original order. */
		list_for_each_entry(pos, &head, list) {
			if (prev && (prev->key > pos->key ||
				     (prev->key == pos->key &&
				      prev->idx > pos->idx)))
				bad++;
			prev = pos;
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

static int cmp_int_plain(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) -
	       (*(const int *)a < *(const int *)b);
}

static void test_bsearch(void)
{
	int v[64], n, i, key, bad = 0;
	int dup[] = { 1, 2, 2, 2, 2, 3 };
	int *hit;

	for (n = 0; n <= 64; n++) {
		for (i = 0; i < n; i++)
			v[i] = 2 * i;
		for (key = -1; key <= 2 * n; key++) {
			hit = bsearch(&key, v, n, sizeof(int), cmp_int_plain);
			if (key % 2 == 0 && key >= 0 && key < 2 * n ?
			    hit != &v[key / 2] : hit != NULL)
				bad++;
			if (__inline_bsearch(&key, v, n, sizeof(int),
					     cmp_int_plain) != hit)
				bad++;
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
	/* Equal elements: one of them, the one the kernel's probes hit. */
	key = 2;
	hit = bsearch(&key, dup, 6, sizeof(int), cmp_int_plain);
	CU_ASSERT_PTR_EQUAL(hit, &dup[3]);
}

static void test_kernel_code(void)
{
	CU_ASSERT_EQUAL(ds_kernel_sort(), 0);
}

static CU_TestInfo tests[] = {
	{ "ints_vs_qsort", test_ints_vs_qsort },
	{ "element_sizes", test_element_sizes },
	{ "callbacks", test_callbacks },
	{ "kernel_order", test_kernel_order },
	{ "list_sort", test_list_sort },
	{ "bsearch", test_bsearch },
	{ "kernel_code", test_kernel_code },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "sort", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
