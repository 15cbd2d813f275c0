/* expect: implicit-function-declaration */
/*
 * Item 16 of the checklist: set_page_count() is in mm/internal.h in
 * 2.6.35, not for drivers;
 * a 2.6.35 driver calling it through linux/mm.h does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

void kshim_cf_set_page_count_2_6_35(struct page *page);

void kshim_cf_set_page_count_2_6_35(struct page *page)
{
	set_page_count(page, 1);
}
