/* expect: no member named */
/*
 * Items 9 and 16 of the checklist: the rename to "_refcount" came with
 * 4.6; a 4.5 driver naming it does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x040500 /* KERNEL_VERSION(4, 5, 0) */
#include <linux/mm.h>

int kshim_cf_page_refcount_4_5(struct page *page);

int kshim_cf_page_refcount_4_5(struct page *page)
{
	return atomic_read(&page->_refcount);
}
