/* expect: implicit-function-declaration */
/*
 * Item 16 of the checklist: the page_ref_*() accessors arrived in 4.6
 * (linux/page_ref.h);
 * a 2.6.35 driver calling it through linux/mm.h does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

int kshim_cf_page_ref_count_2_6_35(struct page *page);

int kshim_cf_page_ref_count_2_6_35(struct page *page)
{
	return page_ref_count(page);
}
