/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. 6.8 has no ClearPageLocked(): unlock with unlock_page() (it
 * wakes waiters), or __ClearPageLocked() on a private page.
 */
#include <linux/mm.h>

void kshim_cf_page_flags_clear_page_locked(struct page *page);

void kshim_cf_page_flags_clear_page_locked(struct page *page)
{
	ClearPageLocked(page);
}
