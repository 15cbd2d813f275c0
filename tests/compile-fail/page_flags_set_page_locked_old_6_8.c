/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: pagemap.h's __set_page_locked() became
 * __SetPageLocked() in 4.5; a 6.x driver using the old name does not build.
 */
#include <linux/pagemap.h>

void kshim_cf_page_flags_set_page_locked_old_6_8(struct page *page);

void kshim_cf_page_flags_set_page_locked_old_6_8(struct page *page)
{
	__set_page_locked(page);
}
