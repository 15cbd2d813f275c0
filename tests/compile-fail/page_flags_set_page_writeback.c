/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. 6.8 has only
 * TestSetPageWriteback()/TestClearPageWriteback(): the unconditional forms
 * would bypass writeback accounting.
 */
#include <linux/mm.h>

void kshim_cf_page_flags_set_page_writeback(struct page *page);

void kshim_cf_page_flags_set_page_writeback(struct page *page)
{
	SetPageWriteback(page);
}
