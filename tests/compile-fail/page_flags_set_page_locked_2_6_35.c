/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: __SetPageLocked() arrived in 4.5;
 * a 2.6.35 driver has pagemap.h's __set_page_locked() instead.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/pagemap.h>

void kshim_cf_page_flags_set_page_locked_2_6_35(struct page *page);

void kshim_cf_page_flags_set_page_locked_2_6_35(struct page *page)
{
	__SetPageLocked(page);
}
