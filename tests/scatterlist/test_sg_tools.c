/*
 * test_sg_tools - Linux 6.1's own tools/testing/scatterlist/main.c, its
 * test table and checks unmodified (from --with-linux-source), run
 * against kshim's sg_alloc_table_from_pages_segment() and
 * sg_alloc_append_table_from_pages().
 *
 * The kernel's harness fakes struct page pointers ((1 + pfn) * PAGE_SIZE)
 * and supplies its own page_to_pfn() (tools/testing/scatterlist/linux/
 * mm.h).  kshim's page_to_pfn() works on real pages only, so the two
 * calls are wrapped here, at the API boundary, to turn each fake pointer
 * into the page of that pfn inside a real block of 16 contiguous pages:
 * contiguity, and so every expected segment count, stays what the table
 * says.  main() becomes sg_tools_main(), run as one CUnit test; its
 * assert()/exit(1) failures fail it.  The first row (max_segment 0)
 * expects -EINVAL, and kshim, as the kernel, WARNs there first.
 *
 * Also lib/sg_split.c of 6.1, unmodified, built as kernel code
 * (sg_split_src.c): a real user of sg_nents(), sg_next(), sg_page(),
 * sg_set_page(), sg_mark_end(), sg_dma_address()/sg_dma_len() and
 * kmalloc_array(), checked here on a list of lowmem and highmem pages.
 */
#include <stdio.h>
#include <string.h>

#include <kshim/test.h>
#include <kshim/report.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#define BLOCK_ORDER	4
static struct page *block;
static struct page *real[64];

static struct page **to_real(struct page **fake, unsigned int n)
{
	unsigned int i;

	CU_ASSERT_FATAL(n <= 64);
	for (i = 0; i < n; i++) {
		unsigned long pfn = (unsigned long)fake[i] / PAGE_SIZE - 1;

		CU_ASSERT_FATAL(pfn < (1UL << BLOCK_ORDER));
		real[i] = block + pfn;
	}
	return real;
}

#undef sg_alloc_table_from_pages_segment
#define sg_alloc_table_from_pages_segment(sgt, pages, n, off, size, seg, gfp) \
	__kshim_sg_alloc_table_from_pages_segment(sgt, to_real(pages, n), n, \
				off, size, seg, gfp, __KSHIM_CALLSITE)
#undef sg_alloc_append_table_from_pages
#define sg_alloc_append_table_from_pages(sgt, pages, n, off, size, seg,	\
					 left, gfp)			\
	__kshim_sg_alloc_append_table_from_pages(sgt, to_real(pages, n), n, \
				off, size, seg, left, gfp, __KSHIM_CALLSITE)

int sg_tools_main(void);
#define main sg_tools_main
#include "tools/testing/scatterlist/main.c"
#undef main

static void test_kernel_table(void)
{
	block = alloc_pages(GFP_KERNEL, BLOCK_ORDER);
	CU_ASSERT_PTR_NOT_NULL_FATAL(block);
	/* row 0: max_segment 0 -> WARN_ON(max_segment < PAGE_SIZE) */
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "tools/testing/scatterlist/main.c:", 1);
	CU_ASSERT_EQUAL(sg_tools_main(), 0);
	__free_pages(block, BLOCK_ORDER);
}

/* 1000 @0 | 3000 @1000 | 5000 @0 (highmem, 2 pages) | 100 @200 */
static void test_sg_split(void)
{
	static const size_t sizes[] = { 2000, 4000, 2600 };
	struct page *low = alloc_pages(GFP_KERNEL, 1);
	struct page *high = alloc_pages(GFP_HIGHUSER, 1);
	struct scatterlist in[4], *out[3] = { NULL, NULL, NULL };
	int mapped[3], ret;

	CU_ASSERT_PTR_NOT_NULL_FATAL(low);
	CU_ASSERT_PTR_NOT_NULL_FATAL(high);
	sg_init_table(in, 4);
	sg_set_page(&in[0], low, 1000, 0);
	sg_set_page(&in[1], low, 3000, 1000);
	sg_set_page(&in[2], high, 5000, 0);
	sg_set_page(&in[3], low + 1, 100, 200);
	/* as if mapped: one DMA segment per entry */
	in[0].dma_address = 0x10000;
	in[0].dma_length = 1000;
	in[1].dma_address = 0x20000;
	in[1].dma_length = 3000;
	in[2].dma_address = 0x30000;
	in[2].dma_length = 5000;
	in[3].dma_address = 0x40000;
	in[3].dma_length = 100;

	/* skip 500: [500, 2500) [2500, 6500) [6500, 9100), the end */
	ret = sg_split(in, 4, 500, 3, sizes, out, mapped, GFP_KERNEL);
	CU_ASSERT_EQUAL_FATAL(ret, 0);
	/* split 0: 500 of in[0] from 500, 1500 of in[1] from 1000 */
	CU_ASSERT_EQUAL(sg_nents(out[0]), 2);
	CU_ASSERT_PTR_EQUAL(sg_page(&out[0][0]), low);
	CU_ASSERT_EQUAL(out[0][0].offset, 500);
	CU_ASSERT_EQUAL(out[0][0].length, 500);
	CU_ASSERT_EQUAL(out[0][1].offset, 1000);
	CU_ASSERT_EQUAL(out[0][1].length, 1500);
	CU_ASSERT_TRUE(sg_is_last(&out[0][1]));
	CU_ASSERT_EQUAL(mapped[0], 2);
	CU_ASSERT_EQUAL(sg_dma_address(&out[0][0]), 0x10000 + 500);
	CU_ASSERT_EQUAL(sg_dma_len(&out[0][1]), 1500);
	/* split 1: rest of in[1] (1500 from 2500), 2500 of the highmem one */
	CU_ASSERT_EQUAL(sg_nents(out[1]), 2);
	CU_ASSERT_EQUAL(out[1][0].offset, 2500);
	CU_ASSERT_EQUAL(out[1][0].length, 1500);
	CU_ASSERT_PTR_EQUAL(sg_page(&out[1][1]), high);
	CU_ASSERT_EQUAL(out[1][1].length, 2500);
	/* split 2: the rest of the highmem entry from 2500, then in[3] */
	CU_ASSERT_EQUAL(sg_nents(out[2]), 2);
	CU_ASSERT_PTR_EQUAL(sg_page(&out[2][0]), high);
	CU_ASSERT_EQUAL(out[2][0].offset, 2500);
	CU_ASSERT_EQUAL(out[2][0].length, 2500);
	CU_ASSERT_EQUAL(sg_dma_address(&out[2][0]), 0x30000 + 2500);
	CU_ASSERT_PTR_EQUAL(sg_page(&out[2][1]), low + 1);
	CU_ASSERT_EQUAL(out[2][1].offset, 200);
	CU_ASSERT_EQUAL(out[2][1].length, 100);
	CU_ASSERT_EQUAL(mapped[2], 2);

	/* asking for more than the list holds */
	CU_ASSERT_EQUAL(sg_split(in, 0, 9000, 1, sizes, out + 2, NULL,
				 GFP_KERNEL), -EINVAL);
	kfree(out[0]);
	kfree(out[1]);
	kfree(out[2]);
	__free_pages(low, 1);
	__free_pages(high, 1);
}

static CU_TestInfo tests[] = {
	{ "6.1 tools/testing/scatterlist/main.c table", test_kernel_table },
	{ "6.1 lib/sg_split.c on kshim's lists", test_sg_split },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "kernel's scatterlist tool test", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
