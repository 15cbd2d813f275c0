/* expect: undeclared */
/*
 * Item 56 of the checklist: enum km_type is exactly the chosen version's.
 * KM_KDB arrived in 2.6.35; a 2.6.34 driver that names it does not build.
 */
#define KSHIM_LINUX_VERSION_CODE 0x020622 /* KERNEL_VERSION(2, 6, 34) */
#include <asm/kmap_types.h>

int kshim_cf_km_kdb(void);

int kshim_cf_km_kdb(void)
{
	return KM_KDB;
}
