/* expect: no member named */
/*
 * Items 9 and 16 of the checklist: the 6.x profile (the default) has no
 * "_count" field in struct page.
 */
#include <linux/mm.h>

int kshim_cf_page_count_field_6_8(struct page *page);

int kshim_cf_page_count_field_6_8(struct page *page)
{
	return atomic_read(&page->_count);
}
