/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. TestClearPageLocked() is 2.6.11-only: 6.8 drivers use
 * unlock_page().
 */
#include <linux/mm.h>

void kshim_cf_page_flags_test_clear_page_locked(struct page *page);

void kshim_cf_page_flags_test_clear_page_locked(struct page *page)
{
	TestClearPageLocked(page);
}
