/* expect: linux/page_ref.h does not exist before Linux 4.6 */
/*
 * Item 16 of the checklist: linux/page_ref.h arrived in 4.6; a 2.6.35
 * driver including it does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020623 /* KERNEL_VERSION(2, 6, 35) */
#include <linux/page_ref.h>

int kshim_cf_page_ref_h_2_6_35(void);

int kshim_cf_page_ref_h_2_6_35(void)
{
	return 0;
}
