/* expect: implicit-function-declaration */
/*
 * Item 25 of the checklist: 2.6.35 has __ClearPageReserved() but
 * no __SetPageReserved() (SetPageReserved() is the atomic one).
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/mm.h>

void kshim_cf_page_flags_set_page_reserved_nonatomic_2_6_35(struct page *page);

void kshim_cf_page_flags_set_page_reserved_nonatomic_2_6_35(struct page *page)
{
	__SetPageReserved(page);
}
