/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: TestSetPageLocked() was removed in 2.6.39
 * ("mm: remove unused TestSetPageLocked() interface").
 */
#define KSHIM_LINUX_VERSION_CODE 0x020627 /* KERNEL_VERSION(2, 6, 39) */
#include <linux/mm.h>

void kshim_cf_page_flags_test_set_page_locked_2_6_39(struct page *page);

void kshim_cf_page_flags_test_set_page_locked_2_6_39(struct page *page)
{
	(void)TestSetPageLocked(page);
}
