/* expect: BUILD_BUG_ON failed: __same_type((page), struct page *) */
/*
 * Item 59 of the checklist: 2.6.36's kunmap_atomic() refuses a struct page
 * * (BUILD_BUG_ON(__same_type((addr), struct page *))): it takes what
 * kmap_atomic() returned, not the page, as kunmap() would.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020624 /* KERNEL_VERSION(2, 6, 36) */
#include <linux/mm.h>
#include <asm/highmem.h>

void kshim_cf_kunmap_atomic_page(struct page *page);

void kshim_cf_kunmap_atomic_page(struct page *page)
{
	void *p = kmap_atomic(page, KM_USER0);

	*(char *)p = 0;
	kunmap_atomic(page, KM_USER0);
}
