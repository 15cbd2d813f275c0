// SPDX-License-Identifier: GPL-2.0
/*
 * tests/highmem/kmap_snippets_oot.c - a stale kmap built as an out-of-tree
 * driver is: without kshim's path prefix map, so its debug information
 * names it by an absolute path (tests/highmem/Makemodule.am).
 */
#include <linux/highmem.h>
#include <linux/mm.h>

#include "kmap_snippets.h"

void snip_oot_stale_kmap_local(struct page *page)
{
	char *p = kmap_local_page(page);

	p[0] = 1;
	kunmap_local(p);
	p[2] = 3;			/* LINE:oot_stale_write */
}
