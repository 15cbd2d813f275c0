/* expect: undeclared */
/*
 * Item 56 of the checklist: from 3.6 on enum km_type is gone (only
 * KM_TYPE_NR is left in asm-generic/kmap_types.h), so KM_USER0 does not
 * build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x030600 /* KERNEL_VERSION(3, 6, 0) */
#include <asm/kmap_types.h>

int kshim_cf_km_user0(void);

int kshim_cf_km_user0(void)
{
	return KM_USER0 + KM_TYPE_NR;
}
