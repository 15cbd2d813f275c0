/*
 * tests/mm26/ref_snippets.c - see ref_snippets.h.  Built twice: with
 * KSHIM_LINUX_VERSION_CODE 4.6.0 (the _refcount half) and 4.15.18 (which
 * adds try_get_page()); each build defines only its own functions.
 */
#include <linux/mm.h>
#include <linux/page_ref.h>
#include <linux/version.h>

#include "ref_snippets.h"

#if LINUX_VERSION_CODE == KERNEL_VERSION(4, 6, 0)
int snip46_read_refcount(struct page *page)
{
	return atomic_read(&page->_refcount);
}

void snip46_page_ref_add(struct page *page, int nr)
{
	page_ref_add(page, nr);
}

void snip46_set_page_count(struct page *page, int v)
{
	set_page_count(page, v);
}

bool snip46_freeze_unfreeze(struct page *page, int count)
{
	if (!page_ref_freeze(page, count))
		return false;
	page_ref_unfreeze(page, count);
	return true;
}
#elif LINUX_VERSION_CODE == KERNEL_VERSION(4, 15, 18)
bool snip41518_try_get_page(struct page *page)
{
	return try_get_page(page);
}
#else
#error "built for 4.6.0 or 4.15.18 only"
#endif
