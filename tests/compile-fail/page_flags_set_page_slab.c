/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. PG_slab has only the non-atomic __SetPageSlab() in 6.8 (the
 * slab allocator's own); no SetPageSlab().
 */
#include <linux/mm.h>

void kshim_cf_page_flags_set_page_slab(struct page *page);

void kshim_cf_page_flags_set_page_slab(struct page *page)
{
	SetPageSlab(page);
}
