/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. PG_head is the allocator's: 6.8 has __SetPageHead(),
 * __ClearPageHead(), ClearPageHead(), no SetPageHead().
 */
#include <linux/mm.h>

void kshim_cf_page_flags_set_page_head(struct page *page);

void kshim_cf_page_flags_set_page_head(struct page *page)
{
	SetPageHead(page);
}
