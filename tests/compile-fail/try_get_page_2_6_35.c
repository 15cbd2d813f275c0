/* expect: implicit-function-declaration */
/*
 * Item 22 of the checklist: try_get_page() arrived in 5.1 (stable 4.x
 * backports; 4.15.18 has it);
 * a 2.6.35 driver calling it through linux/mm.h does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

int kshim_cf_try_get_page_2_6_35(struct page *page);

int kshim_cf_try_get_page_2_6_35(struct page *page)
{
	return try_get_page(page);
}
