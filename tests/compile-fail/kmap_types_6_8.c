/* expect: asm-generic/kmap_types.h does not exist from Linux 5.11 on */
/*
 * Item 56 of the checklist: the 6.x profile (the default) has no slot
 * types at all; the header itself is gone since 5.11.
 */
#include <asm/kmap_types.h>

int kshim_cf_kmap_types_6_8(void);

int kshim_cf_kmap_types_6_8(void)
{
	return 0;
}
