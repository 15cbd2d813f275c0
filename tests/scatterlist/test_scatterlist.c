/*
 * test_scatterlist - linux/scatterlist.h and compat/lib/scatterlist.c
 * (issue 15, item 7): entries, chaining, tables (chained past
 * SG_MAX_SINGLE_ALLOC, custom allocators, failure), tables from page
 * arrays merging contiguous pages, sgl_alloc(), copies, the page and
 * mapping iterators over highmem pages, and each BUG/WARN check of 6.1
 * (CONFIG_DEBUG_SG) at the test's own line, with its silent variant.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <kshim/fail.h>
#include <kshim/report.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "common/expect_bug.h"

#define THIS_FILE	"tests/scatterlist/test_scatterlist.c"

/* ---- helpers ---- */

static struct page *high_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(PageHighMem(page));
	return page;
}

static void expect_bug_here(const char *marker)
{
	char want[256];

	snprintf(want, sizeof(want), "kernel BUG at %s:%d!", THIS_FILE,
		 marker_line_in(THIS_FILE, marker));
	kshim_expect_report(KSHIM_REPORT_BUG, want, 1);
}

static void expect_warn_here(const char *marker)
{
	char want[256];

	snprintf(want, sizeof(want), " at %s:%d ", THIS_FILE,
		 marker_line_in(THIS_FILE, marker));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
}

/* Fill @n bytes of a page (any zone) with @seed + i, through a kmap. */
static void page_fill(struct page *page, unsigned int n, unsigned char seed)
{
	unsigned char *p = kmap_local_page(page);
	unsigned int i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i);
	kunmap_local(p);
}

/* ---- entries and walking ---- */

static void test_init_table_marks_end(void)
{
	struct scatterlist sg[4];
	struct scatterlist *s;
	unsigned int i;

	memset(sg, 0xa5, sizeof(sg));
	sg_init_table(sg, 4);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_EQUAL(sg[i].length, 0);
		CU_ASSERT_FALSE(sg_is_chain(&sg[i]));
		CU_ASSERT_EQUAL(sg_is_last(&sg[i]), i == 3);
	}
	CU_ASSERT_EQUAL(sg_nents(sg), 4);
	CU_ASSERT_PTR_EQUAL(sg_next(&sg[2]), &sg[3]);
	CU_ASSERT_PTR_NULL(sg_next(&sg[3]));
	CU_ASSERT_PTR_EQUAL(sg_last(sg, 4), &sg[3]);
	i = 0;
	for_each_sg(sg, s, 4, i)
		CU_ASSERT_PTR_EQUAL(s, &sg[i]);
	CU_ASSERT_EQUAL(i, 4);

	sg_unmark_end(&sg[3]);
	sg_mark_end(&sg[1]);
	CU_ASSERT_EQUAL(sg_nents(sg), 2);
	CU_ASSERT_PTR_EQUAL(sg_last(sg, 2), &sg[1]);
}

static void test_nents_for_len(void)
{
	struct scatterlist sg[3];
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	sg_init_table(sg, 3);
	sg_set_page(&sg[0], page, 100, 0);
	sg_set_page(&sg[1], page, 200, 100);
	sg_set_page(&sg[2], page + 1, 300, 0);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 0), 0);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 1), 1);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 100), 1);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 101), 2);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 600), 3);
	CU_ASSERT_EQUAL(sg_nents_for_len(sg, 601), -EINVAL);
	__free_pages(page, 1);
}

static void test_set_page_virt_phys(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct scatterlist sg;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	sg_init_table(&sg, 1);
	sg_set_page(&sg, page, 64, 32);
	CU_ASSERT_PTR_EQUAL(sg_page(&sg), page);
	CU_ASSERT_TRUE(sg_is_last(&sg));	/* the flags survive */
	CU_ASSERT_EQUAL(sg.offset, 32);
	CU_ASSERT_EQUAL(sg.length, 64);
	CU_ASSERT_PTR_EQUAL(sg_virt(&sg), (char *)page_address(page) + 32);
	CU_ASSERT_EQUAL(sg_phys(&sg), page_to_phys(page) + 32);
	sg_dma_address(&sg) = 0x1234000;
	sg_dma_len(&sg) = 77;
	CU_ASSERT_EQUAL(sg.dma_address, 0x1234000);
	CU_ASSERT_EQUAL(sg.dma_length, 77);
	CU_ASSERT_EQUAL(sg.length, 64);	/* separate from the DMA length */
	__free_page(page);
}

static void test_init_one_and_set_buf(void)
{
	char *buf = kmalloc(300, GFP_KERNEL);
	struct scatterlist sg[2];

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	sg_init_one(&sg[0], buf + 10, 200);
	CU_ASSERT_PTR_EQUAL(sg_page(&sg[0]), virt_to_page(buf + 10));
	CU_ASSERT_EQUAL(sg[0].offset, offset_in_page(buf + 10));
	CU_ASSERT_EQUAL(sg[0].length, 200);
	CU_ASSERT_TRUE(sg_is_last(&sg[0]));
	CU_ASSERT_PTR_EQUAL(sg_virt(&sg[0]), buf + 10);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[1], buf, 300);
	CU_ASSERT_PTR_EQUAL(sg_virt(&sg[1]), buf);
	kfree(buf);
}

/* a[0] a[1] -> b[0] b[1] b[2]: the link slot a[2] is no entry. */
static void test_chain_by_hand(void)
{
	struct scatterlist a[3], b[3], *s, *seen[8];
	unsigned int i, n = 0;

	sg_init_table(a, 3);
	sg_init_table(b, 3);
	CU_ASSERT_TRUE(sg_is_last(&a[2]));
	sg_chain(a, 3, b);
	CU_ASSERT_TRUE(sg_is_chain(&a[2]));
	CU_ASSERT_FALSE(sg_is_last(&a[2]));	/* the end mark is gone */
	CU_ASSERT_PTR_EQUAL(sg_chain_ptr(&a[2]), b);
	CU_ASSERT_EQUAL(a[2].length, 0);
	CU_ASSERT_EQUAL(sg_nents(a), 5);
	CU_ASSERT_PTR_EQUAL(sg_next(&a[1]), &b[0]);
	for_each_sg(a, s, 5, i)
		seen[n++] = s;
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_PTR_EQUAL(seen[1], &a[1]);
	CU_ASSERT_PTR_EQUAL(seen[2], &b[0]);
	CU_ASSERT_PTR_EQUAL(seen[4], &b[2]);
	CU_ASSERT_PTR_EQUAL(sg_last(a, 5), &b[2]);
	/* sg_mark_end() on a link turns it into a plain last entry. */
	sg_mark_end(&a[2]);
	CU_ASSERT_FALSE(sg_is_chain(&a[2]));
	CU_ASSERT_EQUAL(sg_nents(a), 3);
}

/* ---- tables ---- */

static void check_table(struct sg_table *t, unsigned int nents,
			unsigned int max_ents)
{
	struct scatterlist *s;
	unsigned int i, n = 0, links = 0;

	CU_ASSERT_EQUAL(t->orig_nents, nents);
	CU_ASSERT_EQUAL(t->nents, nents);
	CU_ASSERT_EQUAL(sg_nents(t->sgl), (int)nents);
	for_each_sgtable_sg(t, s, i) {
		CU_ASSERT_FALSE(sg_is_chain(s));
		n++;
	}
	CU_ASSERT_EQUAL(n, nents);
	CU_ASSERT_TRUE(sg_is_last(sg_last(t->sgl, nents)));
	/* Pieces of max_ents slots, each but the last ending in a link. */
	s = t->sgl;
	while (nents > max_ents) {
		CU_ASSERT_TRUE_FATAL(sg_is_chain(&s[max_ents - 1]));
		s = sg_chain_ptr(&s[max_ents - 1]);
		nents -= max_ents - 1;
		links++;
	}
	CU_ASSERT_TRUE(sg_is_last(&s[nents - 1]));
	CU_ASSERT_EQUAL(links, t->orig_nents > 1 ?
			(t->orig_nents - 2) / (max_ents - 1) : 0);
}

static void test_alloc_table_sizes(void)
{
	static const unsigned int sizes[] = {
		1, 5, SG_MAX_SINGLE_ALLOC - 1, SG_MAX_SINGLE_ALLOC,
		SG_MAX_SINGLE_ALLOC + 1, 2 * SG_MAX_SINGLE_ALLOC,
		3 * SG_MAX_SINGLE_ALLOC + 17,
	};
	unsigned int i;

	CU_ASSERT_EQUAL(SG_MAX_SINGLE_ALLOC, PAGE_SIZE / 32);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct sg_table t;

		CU_ASSERT_EQUAL_FATAL(sg_alloc_table(&t, sizes[i],
						     GFP_KERNEL), 0);
		check_table(&t, sizes[i], SG_MAX_SINGLE_ALLOC);
		sg_free_table(&t);
		CU_ASSERT_PTR_NULL(t.sgl);
	}
}

static void test_alloc_table_chains_past_one_page(void)
{
	struct sg_table t;
	struct scatterlist *link;

	CU_ASSERT_EQUAL_FATAL(sg_alloc_table(&t, SG_MAX_SINGLE_ALLOC + 1,
					     GFP_KERNEL), 0);
	/* 127 entries, the link, then a piece of 2 entries. */
	link = &t.sgl[SG_MAX_SINGLE_ALLOC - 1];
	CU_ASSERT_TRUE(sg_is_chain(link));
	CU_ASSERT_PTR_EQUAL(sg_next(&t.sgl[SG_MAX_SINGLE_ALLOC - 2]),
			    sg_chain_ptr(link));
	CU_ASSERT_TRUE(sg_is_last(&sg_chain_ptr(link)[1]));
	sg_free_table(&t);

	/* Exactly one page worth: no link at all. */
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table(&t, SG_MAX_SINGLE_ALLOC,
					     GFP_KERNEL), 0);
	CU_ASSERT_FALSE(sg_is_chain(&t.sgl[SG_MAX_SINGLE_ALLOC - 1]));
	CU_ASSERT_TRUE(sg_is_last(&t.sgl[SG_MAX_SINGLE_ALLOC - 1]));
	sg_free_table(&t);
}

static void test_alloc_table_zero(void)
{
	struct sg_table t = { .nents = 3 };

	CU_ASSERT_EQUAL(sg_alloc_table(&t, 0, GFP_KERNEL), -EINVAL);
	CU_ASSERT_PTR_NULL(t.sgl);
	CU_ASSERT_EQUAL(t.nents, 0);
}

/* A caller's allocator: records sizes, fails on demand. */
static unsigned int piece_sizes[16], nr_alloc, free_sizes[16], nr_free;
static int fail_at = -1;

static struct scatterlist *rec_alloc(unsigned int n, gfp_t gfp)
{
	if ((int)nr_alloc == fail_at)
		return NULL;
	piece_sizes[nr_alloc++] = n;
	return kmalloc_array(n, sizeof(struct scatterlist), gfp);
}

static void rec_free(struct scatterlist *sg, unsigned int n)
{
	free_sizes[nr_free++] = n;
	kfree(sg);
}

static void test_custom_allocator_sizes_match(void)
{
	struct sg_table t;

	nr_alloc = nr_free = 0;
	fail_at = -1;
	/* pieces of 8: 7 + 7 + 6 entries */
	CU_ASSERT_EQUAL_FATAL(__sg_alloc_table(&t, 20, 8, NULL, 0, GFP_KERNEL,
					       rec_alloc), 0);
	CU_ASSERT_EQUAL(nr_alloc, 3);
	CU_ASSERT_EQUAL(piece_sizes[0], 8);
	CU_ASSERT_EQUAL(piece_sizes[1], 8);
	CU_ASSERT_EQUAL(piece_sizes[2], 6);
	check_table(&t, 20, 8);
	__sg_free_table(&t, 8, 0, rec_free, t.orig_nents);
	CU_ASSERT_EQUAL(nr_free, 3);
	CU_ASSERT_EQUAL(memcmp(free_sizes, piece_sizes, 3 * sizeof(int)), 0);
}

static void test_custom_allocator_first_chunk(void)
{
	struct scatterlist first[4];
	struct sg_table t;

	nr_alloc = nr_free = 0;
	fail_at = -1;
	/* the caller's 4 slots: 3 entries + link; then pieces of 8 */
	CU_ASSERT_EQUAL_FATAL(__sg_alloc_table(&t, 12, 8, first, 4,
					       GFP_KERNEL, rec_alloc), 0);
	CU_ASSERT_PTR_EQUAL(t.sgl, first);
	CU_ASSERT_TRUE(sg_is_chain(&first[3]));
	CU_ASSERT_EQUAL(nr_alloc, 2);
	CU_ASSERT_EQUAL(piece_sizes[0], 8);
	CU_ASSERT_EQUAL(piece_sizes[1], 2);
	CU_ASSERT_EQUAL(sg_nents(t.sgl), 12);
	__sg_free_table(&t, 8, 4, rec_free, t.orig_nents);
	CU_ASSERT_EQUAL(nr_free, 2);	/* never the caller's piece */
	CU_ASSERT_EQUAL(free_sizes[0], 8);
	CU_ASSERT_EQUAL(free_sizes[1], 2);
}

static void test_custom_allocator_failure_frees_all(void)
{
	struct sg_table t;

	nr_alloc = nr_free = 0;
	fail_at = 2;
	CU_ASSERT_EQUAL(__sg_alloc_table(&t, 30, 8, NULL, 0, GFP_KERNEL,
					 rec_alloc), -ENOMEM);
	CU_ASSERT_EQUAL(nr_alloc, 2);
	/* two full pieces built; the second now ends the table */
	CU_ASSERT_EQUAL(t.orig_nents, 15);
	__sg_free_table(&t, 8, 0, rec_free, t.orig_nents);
	CU_ASSERT_EQUAL(nr_free, 2);
	CU_ASSERT_EQUAL(free_sizes[0], 8);
	CU_ASSERT_EQUAL(free_sizes[1], 8);
	fail_at = -1;
}

/* Real allocation failures: -ENOMEM/NULL, and nothing left behind (the
 * ledger checks every page and object at the end of the test). */
static void test_allocation_failures_leak_nothing(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2), *pages[4];
	struct sg_table t;
	unsigned int i, nent;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	for (i = 0; i < 4; i++)
		pages[i] = block + 3 - i;

	/* the third piece of a 3-piece table */
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("nth=3"), 0);
	CU_ASSERT_EQUAL(sg_alloc_table(&t, 3 * SG_MAX_SINGLE_ALLOC,
				       GFP_KERNEL), -ENOMEM);
	CU_ASSERT_PTR_NULL(t.sgl);
	CU_ASSERT_EQUAL(kshim_failslab_injected(), 1);

	/* the first (only) piece of a table from pages */
	CU_ASSERT_EQUAL_FATAL(kshim_failslab_set("nth=1"), 0);
	CU_ASSERT_EQUAL(sg_alloc_table_from_pages(&t, pages, 4, 0,
					4 * PAGE_SIZE, GFP_KERNEL), -ENOMEM);
	kshim_failslab_clear();

	/* the third page of sgl_alloc() */
	CU_ASSERT_EQUAL_FATAL(kshim_fail_page_alloc_set("nth=3"), 0);
	CU_ASSERT_PTR_NULL(sgl_alloc(4 * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN,
				     &nent));
	kshim_fail_page_alloc_clear();
	__free_pages(block, 2);
}

static void test_alloc_table_chained(void)
{
	struct scatterlist inline_sgl[SG_CHUNK_SIZE / 16];
	struct sg_table t;

	t.sgl = inline_sgl;
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_chained(&t, 5, inline_sgl, 8),
			      0);
	CU_ASSERT_PTR_EQUAL(t.sgl, inline_sgl);
	CU_ASSERT_EQUAL(sg_nents(t.sgl), 5);
	sg_free_table_chained(&t, 8);

	t.sgl = inline_sgl;
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_chained(&t, 300, inline_sgl, 8),
			      0);
	CU_ASSERT_PTR_EQUAL(t.sgl, inline_sgl);
	CU_ASSERT_TRUE(sg_is_chain(&inline_sgl[7]));
	CU_ASSERT_EQUAL(sg_nents(t.sgl), 300);
	CU_ASSERT_EQUAL(t.orig_nents, 300);
	sg_free_table_chained(&t, 8);

	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_chained(&t, 200, NULL, 0), 0);
	CU_ASSERT_EQUAL(sg_nents(t.sgl), 200);
	sg_free_table_chained(&t, 0);
}

/* ---- tables from page arrays ---- */

static void test_from_pages_merges_contiguous(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 3), *pages[8];
	struct sg_table t;
	struct scatterlist *s;
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	for (i = 0; i < 8; i++)
		pages[i] = block + i;

	/* one run of 8 pages, offset 100, 8 pages - 100 - 50 bytes */
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_from_pages(&t, pages, 8, 100,
					8 * PAGE_SIZE - 150, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(t.nents, 1);
	CU_ASSERT_EQUAL(t.orig_nents, 1);
	CU_ASSERT_PTR_EQUAL(sg_page(t.sgl), block);
	CU_ASSERT_EQUAL(t.sgl->offset, 100);
	CU_ASSERT_EQUAL(t.sgl->length, 8 * PAGE_SIZE - 150);
	CU_ASSERT_TRUE(sg_is_last(t.sgl));
	sg_free_table(&t);

	/* max_segment 3 pages (rounded down from 3.5): 3 + 3 + 2 */
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_from_pages_segment(&t, pages, 8,
			0, 8 * PAGE_SIZE, 3 * PAGE_SIZE + PAGE_SIZE / 2,
			GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(t.nents, 3);
	s = t.sgl;
	CU_ASSERT_EQUAL(s->length, 3 * PAGE_SIZE);
	s = sg_next(s);
	CU_ASSERT_PTR_EQUAL(sg_page(s), block + 3);
	CU_ASSERT_EQUAL(s->length, 3 * PAGE_SIZE);
	s = sg_next(s);
	CU_ASSERT_EQUAL(s->length, 2 * PAGE_SIZE);
	CU_ASSERT_TRUE(sg_is_last(s));
	sg_free_table(&t);

	/* a gap after page 2 and the order reversed at the end */
	pages[6] = block + 7;
	pages[7] = block + 6;
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_from_pages(&t, pages, 8, 0,
					8 * PAGE_SIZE, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(t.nents, 3);	/* 0-5, 7, 6 */
	sg_free_table(&t);
	__free_pages(block, 3);
}

/* More runs than one piece holds: a chained table, every run an entry. */
static void test_from_pages_chains(void)
{
	enum { N = 2 * 128 + 40 };
	struct page *block = alloc_pages(GFP_KERNEL, 9);
	struct page **pages = kmalloc_array(N, sizeof(*pages), GFP_KERNEL);
	struct sg_table t;
	struct scatterlist *s;
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pages);
	for (i = 0; i < N; i++)
		pages[i] = block + (N - 1 - i);	/* never contiguous */
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_from_pages(&t, pages, N, 0,
					N * PAGE_SIZE, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(t.nents, N);
	CU_ASSERT_EQUAL(t.orig_nents, N);
	CU_ASSERT_EQUAL(sg_nents(t.sgl), N);
	CU_ASSERT_TRUE(sg_is_chain(&t.sgl[SG_MAX_SINGLE_ALLOC - 1]));
	for_each_sgtable_sg(&t, s, i) {
		CU_ASSERT_PTR_EQUAL(sg_page(s), pages[i]);
		CU_ASSERT_EQUAL(s->length, PAGE_SIZE);
	}
	sg_free_table(&t);
	kfree(pages);
	__free_pages(block, 9);
}

static void test_append_table_grows_last_entry(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 3), *pages[4];
	struct sg_append_table app = { };
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	for (i = 0; i < 4; i++)
		pages[i] = block + i;
	CU_ASSERT_EQUAL_FATAL(sg_alloc_append_table_from_pages(&app, pages, 2,
			0, 2 * PAGE_SIZE, UINT_MAX, 2, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(app.sgt.nents, 1);
	CU_ASSERT_FALSE(sg_is_last(app.prv));	/* more to come */
	/* the next two pages continue the same physical run */
	CU_ASSERT_EQUAL_FATAL(sg_alloc_append_table_from_pages(&app, pages + 2,
			2, 0, 2 * PAGE_SIZE, UINT_MAX, 0, GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(app.sgt.nents, 1);
	CU_ASSERT_EQUAL(app.sgt.sgl->length, 4 * PAGE_SIZE);
	CU_ASSERT_TRUE(sg_is_last(app.prv));
	sg_free_append_table(&app);
	__free_pages(block, 3);
}

/* ---- sgl_alloc ---- */

static void test_sgl_alloc(void)
{
	unsigned int nent = 0;
	struct scatterlist *sgl, *s;
	int i;

	sgl = sgl_alloc(3 * PAGE_SIZE + 5, GFP_KERNEL, &nent);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sgl);
	CU_ASSERT_EQUAL(nent, 4);
	CU_ASSERT_EQUAL(sg_nents(sgl), 4);
	for_each_sg(sgl, s, 4, i) {
		CU_ASSERT_PTR_NOT_NULL(sg_page(s));
		CU_ASSERT_EQUAL(s->offset, 0);
		CU_ASSERT_EQUAL(s->length, i < 3 ? PAGE_SIZE : 5);
	}
	sgl_free(sgl);

	/* order 1, chainable: one spare slot at the end */
	sgl = sgl_alloc_order(5 * PAGE_SIZE, 1, true, GFP_KERNEL, &nent);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sgl);
	CU_ASSERT_EQUAL(nent, 3);
	CU_ASSERT_EQUAL(sg_nents(sgl), 4);
	CU_ASSERT_EQUAL(sgl[0].length, 2 * PAGE_SIZE);
	CU_ASSERT_EQUAL(sgl[2].length, PAGE_SIZE);
	CU_ASSERT_PTR_NULL(sg_page(&sgl[3]));
	sgl_free_order(sgl, 1);

	/* sgl_free_n_order(): only the first n entries' pages */
	sgl = sgl_alloc(2 * PAGE_SIZE, GFP_KERNEL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sgl);
	__free_page(sg_page(&sgl[1]));
	sgl_free_n_order(sgl, 1, 0);
}

/* ---- copies and the mapping iterator, over lowmem and highmem ---- */

/* lowmem 100 bytes at 4000 (crossing nothing), highmem 6000 bytes from
 * offset 3000 of an order-1 block (two pages), lowmem 50 bytes. */
struct mixed {
	struct scatterlist sg[3];
	struct page *low, *high, *low2;
};

static void mixed_init(struct mixed *m)
{
	m->low = alloc_page(GFP_KERNEL);
	m->high = alloc_pages(GFP_HIGHUSER, 1);
	m->low2 = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->low);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->high);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m->low2);
	CU_ASSERT_FATAL(PageHighMem(m->high));
	sg_init_table(m->sg, 3);
	sg_set_page(&m->sg[0], m->low, 96, 4000);
	sg_set_page(&m->sg[1], m->high, 6000, 3000);
	sg_set_page(&m->sg[2], m->low2, 50, 0);
}

static void mixed_free(struct mixed *m)
{
	__free_page(m->low);
	__free_pages(m->high, 1);
	__free_page(m->low2);
}

#define MIXED_LEN	(96 + 6000 + 50)

static void test_copy_round_trip_highmem(void)
{
	static unsigned char in[MIXED_LEN], out[MIXED_LEN + 10];
	struct mixed m;
	unsigned char *p;
	unsigned int i;

	mixed_init(&m);
	for (i = 0; i < MIXED_LEN; i++)
		in[i] = (unsigned char)(i * 7 + 1);
	CU_ASSERT_EQUAL(sg_copy_from_buffer(m.sg, 3, in, MIXED_LEN),
			MIXED_LEN);
	/* byte 96 + 1096 sits at offset 0 of the second highmem page */
	p = kmap_local_page(m.high + 1);
	CU_ASSERT_EQUAL(p[0], in[96 + 1096]);
	kunmap_local(p);

	memset(out, 0, sizeof(out));
	CU_ASSERT_EQUAL(sg_copy_to_buffer(m.sg, 3, out, sizeof(out)),
			MIXED_LEN);
	CU_ASSERT_EQUAL(memcmp(in, out, MIXED_LEN), 0);

	/* skip into the middle of the highmem entry */
	memset(out, 0, sizeof(out));
	CU_ASSERT_EQUAL(sg_pcopy_to_buffer(m.sg, 3, out, 2000, 1000), 2000);
	CU_ASSERT_EQUAL(memcmp(in + 1000, out, 2000), 0);
	CU_ASSERT_EQUAL(sg_pcopy_from_buffer(m.sg, 3, "ABCDEFGH", 8,
					     MIXED_LEN - 52), 8);
	memcpy(in + MIXED_LEN - 52, "ABCDEFGH", 8);
	CU_ASSERT_EQUAL(sg_pcopy_to_buffer(m.sg, 3, out, 100,
					   MIXED_LEN - 52), 52);
	CU_ASSERT_EQUAL(memcmp(out, "ABCDEFGH", 8), 0);
	/* skipping past the end copies nothing */
	CU_ASSERT_EQUAL(sg_pcopy_to_buffer(m.sg, 3, out, 10, MIXED_LEN + 1),
			0);
	/* nents limits the walk */
	CU_ASSERT_EQUAL(sg_copy_to_buffer(m.sg, 1, out, sizeof(out)), 96);

	CU_ASSERT_EQUAL(sg_zero_buffer(m.sg, 3, 200, 50), 200);
	CU_ASSERT_EQUAL(sg_copy_to_buffer(m.sg, 3, out, sizeof(out)),
			MIXED_LEN);
	for (i = 0; i < MIXED_LEN; i++)
		if (out[i] != ((i >= 50 && i < 250) ? 0 : in[i]))
			break;
	CU_ASSERT_EQUAL(i, MIXED_LEN);
	CU_ASSERT_EQUAL(preempt_count(), 0);
	CU_ASSERT_FALSE(pagefault_disabled());
	mixed_free(&m);
}

/* The pieces sg_miter hands out: never across a page boundary. */
static void test_miter_pieces_highmem(void)
{
	static const size_t want[] = { 96, 1096, 4096, 808, 50 };
	struct sg_mapping_iter miter;
	struct mixed m;
	unsigned int n = 0;

	mixed_init(&m);
	page_fill(m.high, PAGE_SIZE, 0);
	page_fill(m.high + 1, PAGE_SIZE, 100);
	sg_miter_start(&miter, m.sg, 3, SG_MITER_FROM_SG);
	while (sg_miter_next(&miter)) {
		CU_ASSERT_FATAL(n < ARRAY_SIZE(want));
		CU_ASSERT_EQUAL(miter.length, want[n]);
		CU_ASSERT_FALSE(in_atomic());	/* kmap(): may sleep */
		if (n == 1) {
			CU_ASSERT_PTR_EQUAL(miter.page, m.high);
			CU_ASSERT_FALSE(virt_addr_valid(miter.addr));
			CU_ASSERT_EQUAL(((unsigned char *)miter.addr)[0],
					(unsigned char)3000);
		}
		if (n == 2) {
			CU_ASSERT_PTR_EQUAL(miter.page, m.high + 1);
			CU_ASSERT_EQUAL(((unsigned char *)miter.addr)[0], 100);
		}
		might_sleep();			/* fine without ATOMIC */
		n++;
	}
	sg_miter_stop(&miter);
	CU_ASSERT_EQUAL(n, ARRAY_SIZE(want));
	mixed_free(&m);
}

static void test_miter_atomic_and_consumed(void)
{
	struct sg_mapping_iter miter;
	struct mixed m;
	size_t total = 0;

	mixed_init(&m);
	sg_miter_start(&miter, m.sg, 3, SG_MITER_ATOMIC | SG_MITER_TO_SG);
	CU_ASSERT_TRUE(sg_miter_skip(&miter, 90));
	while (sg_miter_next(&miter)) {
		CU_ASSERT_TRUE(in_atomic());
		CU_ASSERT_TRUE(pagefault_disabled());
		/* take at most 10 bytes per step */
		if (miter.length > 10)
			miter.consumed = 10;
		memset(miter.addr, 0x5a, miter.consumed);
		total += miter.consumed;
	}
	sg_miter_stop(&miter);
	CU_ASSERT_FALSE(in_atomic());
	CU_ASSERT_EQUAL(total, MIXED_LEN - 90);
	mixed_free(&m);
}

static void test_miter_atomic_sleep_reports(void)
{
	struct sg_mapping_iter miter;
	struct mixed m;
	char want[256];

	mixed_init(&m);
	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n",
		 THIS_FILE, marker_line_in(THIS_FILE, "sleep_atomic"));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	sg_miter_start(&miter, m.sg, 3, SG_MITER_ATOMIC | SG_MITER_FROM_SG);
	CU_ASSERT_TRUE(sg_miter_skip(&miter, 200));	/* into highmem */
	CU_ASSERT_TRUE(sg_miter_next(&miter));
	might_sleep();			/* LINE:sleep_atomic */
	sg_miter_stop(&miter);
	mixed_free(&m);
}

static void test_page_iter_counts(void)
{
	struct sg_page_iter piter;
	struct sg_dma_page_iter diter;
	struct mixed m;
	unsigned int n = 0;

	mixed_init(&m);
	/* entry 0: 1 page; entry 1: offset 3000 + 6000 -> 3 pages; 1 */
	for_each_sg_page(m.sg, &piter, 3, 0) {
		if (n == 2)
			CU_ASSERT_PTR_EQUAL(sg_page_iter_page(&piter),
					    m.high + 1);
		n++;
	}
	CU_ASSERT_EQUAL(n, 5);
	n = 0;
	for_each_sg_page(m.sg, &piter, 3, 2)
		n++;
	CU_ASSERT_EQUAL(n, 3);

	/* DMA pages count from the entry's offset too: 4000 + 2 pages */
	m.sg[0].dma_address = 0x100000;
	m.sg[0].dma_length = 2 * PAGE_SIZE;
	m.sg[1].dma_length = 0;
	n = 0;
	for_each_sg_dma_page(m.sg, &diter, 1, 0) {
		CU_ASSERT_EQUAL(sg_page_iter_dma_address(&diter),
				0x100000 + n * PAGE_SIZE);
		n++;
	}
	CU_ASSERT_EQUAL(n, 3);
	mixed_free(&m);
}

static void test_sgtable_dma_iteration(void)
{
	struct sg_table t;
	struct scatterlist *s;
	unsigned int i, n = 0;

	CU_ASSERT_EQUAL_FATAL(sg_alloc_table(&t, 5, GFP_KERNEL), 0);
	t.nents = 2;			/* as if dma_map_sgtable() merged */
	for_each_sgtable_dma_sg(&t, s, i)
		n++;
	CU_ASSERT_EQUAL(n, 2);
	n = 0;
	for_each_sgtable_sg(&t, s, i)
		n++;
	CU_ASSERT_EQUAL(n, 5);
	sg_free_table(&t);
}

/* ---- the BUG checks: each fires at the test's line ---- */

static void test_bug_set_page_unaligned(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct scatterlist sg;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	sg_init_table(&sg, 1);
	expect_bug_here("unaligned");
	sg_set_page(&sg, (struct page *)((unsigned long)page | 2), 8, 0); /* LINE:unaligned */
	CU_FAIL("sg_set_page() of a misaligned page pointer returned");
}

static void test_bug_set_page_on_chain(void)
{
	struct scatterlist a[2], b[1];
	struct page *page = alloc_page(GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	sg_init_table(a, 2);
	sg_init_table(b, 1);
	sg_chain(a, 2, b);
	sg_set_page(&a[0], page, 8, 0);		/* a plain entry: fine */
	expect_bug_here("page_on_chain");
	sg_set_page(&a[1], page, 8, 0);		/* LINE:page_on_chain */
	CU_FAIL("sg_set_page() on a chain entry returned");
}

static void test_bug_sg_page_of_chain(void)
{
	struct scatterlist a[2], b[1];

	sg_init_table(a, 2);
	sg_init_table(b, 1);
	sg_chain(a, 2, b);
	CU_ASSERT_PTR_NULL(sg_page(&a[0]));
	expect_bug_here("page_of_chain");
	(void)sg_page(&a[1]);			/* LINE:page_of_chain */
	CU_FAIL("sg_page() of a chain entry returned");
}

static void test_bug_sg_virt_of_chain(void)
{
	struct scatterlist a[2], b[1];

	sg_init_table(a, 2);
	sg_init_table(b, 1);
	sg_chain(a, 2, b);
	expect_bug_here("virt_of_chain");
	(void)sg_virt(&a[1]);			/* LINE:virt_of_chain */
	CU_FAIL("sg_virt() of a chain entry returned");
}

static void test_bug_set_buf_vmalloc(void)
{
	void *buf = vmalloc(PAGE_SIZE);
	struct scatterlist sg;

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_FALSE(virt_addr_valid(buf));
	sg_init_table(&sg, 1);
	expect_bug_here("set_buf_vmalloc");
	sg_set_buf(&sg, buf, 16);		/* LINE:set_buf_vmalloc */
	CU_FAIL("sg_set_buf() of vmalloc memory returned");
}

static void test_bug_init_one_kmap(void)
{
	struct page *page = high_page();
	struct scatterlist sg;
	void *p = kmap_local_page(page);

	expect_bug_here("init_one_kmap");
	sg_init_one(&sg, p, 16);		/* LINE:init_one_kmap */
	CU_FAIL("sg_init_one() of a highmem kmap returned");
}

static void test_bug_set_buf_stack(void)
{
	char on_stack[64];
	struct scatterlist sg;

	sg_init_table(&sg, 1);
	expect_bug_here("set_buf_stack");
	sg_set_buf(&sg, on_stack, sizeof(on_stack));	/* LINE:set_buf_stack */
	CU_FAIL("sg_set_buf() of a stack buffer returned");
}

static void test_bug_last_without_end(void)
{
	struct scatterlist sg[4];

	sg_init_table(sg, 4);
	CU_ASSERT_PTR_EQUAL(sg_last(sg, 4), &sg[3]);
	expect_bug_here("last_no_end");
	(void)sg_last(sg, 3);			/* LINE:last_no_end */
	CU_FAIL("sg_last() short of the end mark returned");
}

static void test_bug_alloc_chained_zero(void)
{
	struct sg_table t;

	expect_bug_here("chained_zero");
	sg_alloc_table_chained(&t, 0, NULL, 0);	/* LINE:chained_zero */
	CU_FAIL("sg_alloc_table_chained(0) returned");
}

/* ---- the WARNs ---- */

static void test_warn_max_segment_below_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct sg_table t;
	int ret;

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	expect_warn_here("small_segment");
	ret = sg_alloc_table_from_pages_segment(&t, &page, 1, 0, PAGE_SIZE, PAGE_SIZE - 1, GFP_KERNEL); /* LINE:small_segment */
	CU_ASSERT_EQUAL(ret, -EINVAL);
	__free_page(page);
}

static void test_warn_append_with_offset(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1), *pages[2];
	struct sg_append_table app = { };
	int ret;

	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	pages[0] = block;
	pages[1] = block + 1;
	CU_ASSERT_EQUAL_FATAL(sg_alloc_append_table_from_pages(&app, pages, 1,
			0, PAGE_SIZE, UINT_MAX, 1, GFP_KERNEL), 0);
	expect_warn_here("append_offset");
	ret = sg_alloc_append_table_from_pages(&app, pages + 1, 1, 8, PAGE_SIZE, UINT_MAX, 0, GFP_KERNEL); /* LINE:append_offset */
	CU_ASSERT_EQUAL(ret, -EINVAL);
	sg_free_append_table(&app);
	__free_pages(block, 1);
}

static void test_warn_miter_no_direction(void)
{
	struct sg_mapping_iter miter;
	struct scatterlist sg[1];

	sg_init_table(sg, 1);
	expect_warn_here("no_direction");
	sg_miter_start(&miter, sg, 1, 0);	/* LINE:no_direction */
	sg_miter_stop(&miter);
}

static void test_warn_miter_overconsumed(void)
{
	struct sg_mapping_iter miter;
	struct mixed m;

	mixed_init(&m);
	sg_miter_start(&miter, m.sg, 3, SG_MITER_FROM_SG);
	CU_ASSERT_TRUE_FATAL(sg_miter_next(&miter));
	miter.consumed = miter.length + 1;
	expect_warn_here("overconsumed");
	sg_miter_stop(&miter);			/* LINE:overconsumed */
	mixed_free(&m);
}

static void test_warn_miter_atomic_pagefaults_on(void)
{
	struct sg_mapping_iter miter;
	struct mixed m;

	mixed_init(&m);
	sg_miter_start(&miter, m.sg, 3, SG_MITER_ATOMIC | SG_MITER_FROM_SG);
	CU_ASSERT_TRUE_FATAL(sg_miter_next(&miter));
	pagefault_enable();		/* breaks the kmap_atomic() section */
	expect_warn_here("pf_enabled");
	sg_miter_stop(&miter);			/* LINE:pf_enabled */
	pagefault_disable();		/* rebalance what kunmap_atomic() undid */
	CU_ASSERT_EQUAL(preempt_count(), 0);
	mixed_free(&m);
}

static CU_TestInfo entry_tests[] = {
	{ "init_table: end mark, walk, sg_last", test_init_table_marks_end },
	{ "sg_nents_for_len", test_nents_for_len },
	{ "sg_set_page/sg_page/sg_virt/sg_phys, DMA fields",
	  test_set_page_virt_phys },
	{ "sg_init_one/sg_set_buf", test_init_one_and_set_buf },
	{ "sg_chain by hand, sg_mark_end on a link", test_chain_by_hand },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo table_tests[] = {
	{ "sg_alloc_table sizes around SG_MAX_SINGLE_ALLOC",
	  test_alloc_table_sizes },
	{ "sg_alloc_table chains past one page",
	  test_alloc_table_chains_past_one_page },
	{ "sg_alloc_table(0) is -EINVAL", test_alloc_table_zero },
	{ "__sg_alloc_table: free sizes match allocation",
	  test_custom_allocator_sizes_match },
	{ "__sg_alloc_table: caller's first chunk",
	  test_custom_allocator_first_chunk },
	{ "__sg_alloc_table: failure leaves a freeable table",
	  test_custom_allocator_failure_frees_all },
	{ "allocation failures leak nothing",
	  test_allocation_failures_leak_nothing },
	{ "sg_alloc_table_chained", test_alloc_table_chained },
	{ "sgtable: dma vs orig iteration", test_sgtable_dma_iteration },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo pages_tests[] = {
	{ "from_pages merges contiguous pages, max_segment",
	  test_from_pages_merges_contiguous },
	{ "from_pages: more runs than a piece, chained",
	  test_from_pages_chains },
	{ "append table grows its last entry",
	  test_append_table_grows_last_entry },
	{ "sgl_alloc/sgl_alloc_order/sgl_free", test_sgl_alloc },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo data_tests[] = {
	{ "sg_copy/pcopy/zero over highmem", test_copy_round_trip_highmem },
	{ "sg_miter pieces over highmem (kmap)", test_miter_pieces_highmem },
	{ "sg_miter ATOMIC, skip, consumed", test_miter_atomic_and_consumed },
	{ "sg_miter ATOMIC: sleeping reports",
	  test_miter_atomic_sleep_reports },
	{ "page iterators", test_page_iter_counts },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "BUG: sg_set_page of a misaligned pointer",
	  test_bug_set_page_unaligned },
	{ "BUG: sg_set_page on a chain entry", test_bug_set_page_on_chain },
	{ "BUG: sg_page of a chain entry", test_bug_sg_page_of_chain },
	{ "BUG: sg_virt of a chain entry", test_bug_sg_virt_of_chain },
	{ "BUG: sg_set_buf of vmalloc memory", test_bug_set_buf_vmalloc },
	{ "BUG: sg_init_one of a kmap address", test_bug_init_one_kmap },
	{ "BUG: sg_set_buf of a stack buffer", test_bug_set_buf_stack },
	{ "BUG: sg_last short of the end", test_bug_last_without_end },
	{ "BUG: sg_alloc_table_chained(0)", test_bug_alloc_chained_zero },
	{ "WARN: max_segment below a page",
	  test_warn_max_segment_below_page },
	{ "WARN: append with an offset", test_warn_append_with_offset },
	{ "WARN: sg_miter_start without direction",
	  test_warn_miter_no_direction },
	{ "WARN: sg_miter consumed > length", test_warn_miter_overconsumed },
	{ "WARN_ON_ONCE: sg_miter ATOMIC with pagefaults on",
	  test_warn_miter_atomic_pagefaults_on },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "entries", NULL, NULL, NULL, NULL, entry_tests },
	{ "tables", NULL, NULL, NULL, NULL, table_tests },
	{ "from pages", NULL, NULL, NULL, NULL, pages_tests },
	{ "data", NULL, NULL, NULL, NULL, data_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
