/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: accessors the 6.8 profile does not have must
 * not compile. 6.8 has no atomic SetPageLocked(): lock with
 * trylock_page()/lock_page(), or __SetPageLocked() on a page nobody else
 * can see yet.
 */
#include <linux/mm.h>

void kshim_cf_page_flags_set_page_locked(struct page *page);

void kshim_cf_page_flags_set_page_locked(struct page *page)
{
	SetPageLocked(page);
}
