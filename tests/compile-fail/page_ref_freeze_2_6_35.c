/* expect: implicit-function-declaration */
/*
 * Item 18 of the checklist: page_ref_freeze()/page_ref_unfreeze() arrived
 * in 4.6;
 * a 2.6.35 driver calling it through linux/mm.h does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

int kshim_cf_page_ref_freeze_2_6_35(struct page *page);

int kshim_cf_page_ref_freeze_2_6_35(struct page *page)
{
	return page_ref_freeze(page, 1);
}
