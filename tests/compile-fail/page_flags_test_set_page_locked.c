/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. TestSetPageLocked() left in 2.6.27 (back briefly in
 * 2.6.30-era FS-Cache): 6.8 drivers use trylock_page().
 */
#include <linux/mm.h>

void kshim_cf_page_flags_test_set_page_locked(struct page *page);

void kshim_cf_page_flags_test_set_page_locked(struct page *page)
{
	TestSetPageLocked(page);
}
