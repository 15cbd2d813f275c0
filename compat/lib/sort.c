// SPDX-License-Identifier: GPL-2.0
/*
 * compat/lib/sort.c - sort() and sort_r().
 *
 * Behaves as lib/sort.c of 6.1: heapsort with bottom-up sifting (walk
 * down to a leaf along the larger children, one compare per level, then
 * back up to where the sifted element belongs), so the sequence of
 * compares and swaps - and the final order of equal elements - is the
 * kernel's.  With no swap_func the built-in swap is chosen by element
 * size as on x86 (efficient unaligned access: the base address does not
 * matter): 8-byte words if the size is a multiple of 8, else 4-byte words
 * if a multiple of 4, else bytes.  The words are moved with memcpy()
 * so an unaligned base stays defined behaviour for UBSan.
 */
#include <string.h>

#include <linux/export.h>
#include <linux/sort.h>

enum builtin_swap { SWAP_CALLER, SWAP_WORDS_64, SWAP_WORDS_32, SWAP_BYTES };

struct sorter {
	char *base;
	size_t size;
	/* Exactly one of each pair is set. */
	cmp_r_func_t cmp_r;
	cmp_func_t cmp;
	swap_r_func_t swap_r;
	swap_func_t swap;
	enum builtin_swap builtin;
	const void *priv;
};

static void swap_words_64(char *a, char *b, size_t n)
{
	u64 x, y;

	do {
		n -= 8;
		memcpy(&x, a + n, 8);
		memcpy(&y, b + n, 8);
		memcpy(a + n, &y, 8);
		memcpy(b + n, &x, 8);
	} while (n);
}

static void swap_words_32(char *a, char *b, size_t n)
{
	u32 x, y;

	do {
		n -= 4;
		memcpy(&x, a + n, 4);
		memcpy(&y, b + n, 4);
		memcpy(a + n, &y, 4);
		memcpy(b + n, &x, 4);
	} while (n);
}

static void swap_bytes(char *a, char *b, size_t n)
{
	do {
		char t = a[--n];

		a[n] = b[n];
		b[n] = t;
	} while (n);
}

static inline char *elem(const struct sorter *s, size_t i)
{
	return s->base + i * s->size;
}

static void do_swap(const struct sorter *s, size_t i, size_t j)
{
	char *a = elem(s, i), *b = elem(s, j);

	switch (s->builtin) {
	case SWAP_WORDS_64:
		swap_words_64(a, b, s->size);
		break;
	case SWAP_WORDS_32:
		swap_words_32(a, b, s->size);
		break;
	case SWAP_BYTES:
		swap_bytes(a, b, s->size);
		break;
	case SWAP_CALLER:
		if (s->swap_r)
			s->swap_r(a, b, (int)s->size, s->priv);
		else
			s->swap(a, b, (int)s->size);
		break;
	}
}

static int do_cmp(const struct sorter *s, size_t i, size_t j)
{
	if (s->cmp_r)
		return s->cmp_r(elem(s, i), elem(s, j), s->priv);
	return s->cmp(elem(s, i), elem(s, j));
}

/* Restore the heap property of [@root, @n) whose root alone may break it. */
static void sift_down(const struct sorter *s, size_t root, size_t n)
{
	size_t pos = root, left, dest;

	/* Down to a leaf, always towards the larger child. */
	while ((left = 2 * pos + 1) + 1 < n)
		pos = do_cmp(s, left, left + 1) >= 0 ? left : left + 1;
	if (left + 1 == n)	/* a last leaf without a sibling */
		pos = left;

	/* Back up to the first element not below the root's. */
	while (pos != root && do_cmp(s, root, pos) >= 0)
		pos = (pos - 1) / 2;

	/* The root's element goes there, the path above it moves up. */
	dest = pos;
	while (pos != root) {
		pos = (pos - 1) / 2;
		do_swap(s, pos, dest);
	}
}

static void heapsort(struct sorter *s, size_t num)
{
	size_t i, n;

	if (num < 2 || s->size == 0)
		return;
	if (s->builtin == SWAP_CALLER && !s->swap_r && !s->swap) {
		if (s->size % 8 == 0)
			s->builtin = SWAP_WORDS_64;
		else if (s->size % 4 == 0)
			s->builtin = SWAP_WORDS_32;
		else
			s->builtin = SWAP_BYTES;
	}

	/* Build a max-heap, from the last parent up to the root... */
	for (i = num / 2; i-- > 0;)
		sift_down(s, i, num);
	/* ...then move its maximum behind the shrinking heap each time. */
	for (n = num - 1; n > 0; n--) {
		do_swap(s, 0, n);
		sift_down(s, 0, n);
	}
}

void sort_r(void *base, size_t num, size_t size,
	    cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func,
	    const void *priv)
{
	struct sorter s = {
		.base = base,
		.size = size,
		.cmp_r = cmp_func,
		.swap_r = swap_func,
		.builtin = SWAP_CALLER,
		.priv = priv,
	};

	heapsort(&s, num);
}
EXPORT_SYMBOL(sort_r);

void sort(void *base, size_t num, size_t size,
	  cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct sorter s = {
		.base = base,
		.size = size,
		.cmp = cmp_func,
		.swap = swap_func,
		.builtin = SWAP_CALLER,
	};

	heapsort(&s, num);
}
EXPORT_SYMBOL(sort);
