/* expect: BUILD_BUG_ON failed: __same_type((page), struct page *) */
/*
 * 6.x: kunmap_local() takes an address inside the mapped page, not the
 * page (include/linux/highmem-internal.h: BUILD_BUG_ON on the type).
 */
#include <linux/highmem.h>

void kshim_cf_kunmap_local_page(struct page *page);

void kshim_cf_kunmap_local_page(struct page *page)
{
	void *p = kmap_local_page(page);

	(void)p;
	kunmap_local(page);
}
