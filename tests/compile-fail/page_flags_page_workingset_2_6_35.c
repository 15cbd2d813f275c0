/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: PG_workingset and its accessors arrived in
 * 4.20; a 2.6.35 driver naming them does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

void kshim_cf_page_flags_page_workingset_2_6_35(struct page *page);

void kshim_cf_page_flags_page_workingset_2_6_35(struct page *page)
{
	SetPageWorkingset(page);
}
