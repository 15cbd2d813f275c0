/* expect: no member named */
/*
 * Items 9 and 16 of the checklist: from 4.6 on the count is "_refcount";
 * a 4.6 driver still naming "_count" does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x040600 /* KERNEL_VERSION(4, 6, 0) */
#include <linux/mm.h>

int kshim_cf_page_count_field_4_6(struct page *page);

int kshim_cf_page_count_field_4_6(struct page *page)
{
	return atomic_read(&page->_count);
}
