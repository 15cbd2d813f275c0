/* expect: no member named */
/*
 * Items 9 and 16 of the checklist: before 4.6 struct page's count is
 * "_count"; a 2.6.35 driver naming the 4.6+ "_refcount" does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

int kshim_cf_page_refcount_2_6_35(struct page *page);

int kshim_cf_page_refcount_2_6_35(struct page *page)
{
	return atomic_read(&page->_refcount);
}
