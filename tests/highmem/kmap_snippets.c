// SPDX-License-Identifier: GPL-2.0
/*
 * tests/highmem/kmap_snippets.c - what drivers do with kmaps, built as
 * kernel code.  The LINE: markers are the lines the tests expect reports
 * to name.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>

#include "kmap_snippets.h"

void snip_stale_kmap_atomic(struct page *page)
{
	char *p = kmap_atomic(page);	/* LINE:stale_atomic_map */

	p[0] = 1;
	kunmap_atomic(p);		/* LINE:stale_atomic_unmap */
	p[1] = 2;			/* LINE:stale_atomic_write */
}

void snip_good_kmap_atomic(struct page *page)
{
	char *p = kmap_atomic(page);

	p[0] = 1;
	p[1] = 2;
	kunmap_atomic(p);
}

void snip_stale_kmap(struct page *page)
{
	char *p = kmap(page);		/* LINE:stale_kmap_map */

	p[0] = 1;
	kunmap(page);			/* LINE:stale_kmap_unmap */
	p[1] = 2;			/* LINE:stale_kmap_write */
}

void snip_good_kmap(struct page *page)
{
	char *p = kmap(page);

	p[0] = 1;
	p[1] = 2;
	kunmap(page);
}

void snip_stale_after_misordered_unmap(struct page *a, struct page *b)
{
	char *pa = kmap_local_page(a);
	char *pb = kmap_local_page(b);	/* LINE:misordered_map_b */

	kunmap_local(pa);		/* LINE:misordered_unmap */
	pb[0] = 1;			/* LINE:misordered_write */
	kunmap_local(pb);
}

void snip_page_address_unmapped(struct page *page)
{
	char *p = page_address(page);

	p[16] = 1;			/* LINE:null_write */
}

void snip_page_address_kmapped(struct page *page)
{
	char *p;

	kmap(page);
	p = page_address(page);
	p[16] = 1;
	kunmap(page);
}

void snip_direct_map_arithmetic(struct page *page)
{
	char *p = pfn_to_kaddr(page_to_pfn(page));

	p[8] = 1;			/* LINE:direct_map_write */
}

void snip_direct_map_lowmem(struct page *page)
{
	char *p = pfn_to_kaddr(page_to_pfn(page));

	p[8] = 1;
}

void snip_kmap_local_overrun(struct page *page)
{
	char *p = kmap_local_page(page);	/* LINE:overrun_map */

	memset(p, 0, PAGE_SIZE);
	p[PAGE_SIZE] = 1;		/* LINE:overrun_write */
	kunmap_local(p);
}
