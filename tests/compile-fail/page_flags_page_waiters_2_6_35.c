/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: PG_waiters and PageWaiters() arrived in 4.10;
 * a 2.6.35 driver naming it does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

void kshim_cf_page_flags_page_waiters_2_6_35(struct page *page);

void kshim_cf_page_flags_page_waiters_2_6_35(struct page *page)
{
	(void)PageWaiters(page);
}
