/* expect: BUILD_BUG_ON failed: __same_type((page), struct page *) */
/*
 * 6.x: kunmap_atomic() takes the address kmap_atomic() returned, not the
 * page (include/linux/highmem-internal.h: BUILD_BUG_ON on the type).
 */
#include <linux/highmem.h>

void kshim_cf_kunmap_atomic_page(struct page *page);

void kshim_cf_kunmap_atomic_page(struct page *page)
{
	void *p = kmap_atomic(page);

	(void)p;
	kunmap_atomic(page);
}
