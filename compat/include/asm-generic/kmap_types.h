/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/kmap_types.h - the typed kmap_atomic() slots.
 *
 * Follows include/asm-generic/kmap_types.h of the kernel profile chosen
 * by LINUX_VERSION_CODE (linux/version.h):
 *  - 2.6.31 - 2.6.34: KM_BOUNCE_READ ... KM_NMI_PTE, KM_TYPE_NR = 19;
 *  - 2.6.35 - 2.6.36: the same plus KM_KDB, KM_TYPE_NR = 20;
 *  - 2.6.37 - 3.5: the 2.6.36 list is kept (kmap_atomic() is stack based
 *    and ignores the type; kshim assumes the list did not change);
 *  - 3.6 - 5.10: enum km_type is gone, only KM_TYPE_NR (20) is left;
 *  - 5.11 and later: the header does not exist.
 * One slot per type per CPU; a name the chosen version lacks does not
 * compile, as with that kernel.  kshim is not x86-32, so there are no
 * __KM_FENCE_n guard entries (__WITH_KM_FENCE): the values are 0, 1, 2...
 * Below 2.6.31, x86 had its own list: see asm/kmap_types.h.
 */
#ifndef _ASM_GENERIC_KMAP_TYPES_H
#define _ASM_GENERIC_KMAP_TYPES_H

#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
#error "asm-generic/kmap_types.h does not exist from Linux 5.11 on (kmap_local_page() needs no slot types); pick an older LINUX_VERSION_CODE or drop the include"
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(3, 6, 0)

#define KM_TYPE_NR 20

#else

enum km_type {
	KM_BOUNCE_READ,
	KM_SKB_SUNRPC_DATA,
	KM_SKB_DATA_SOFTIRQ,
	KM_USER0,
	KM_USER1,
	KM_BIO_SRC_IRQ,
	KM_BIO_DST_IRQ,
	KM_PTE0,
	KM_PTE1,
	KM_IRQ0,
	KM_IRQ1,
	KM_SOFTIRQ0,
	KM_SOFTIRQ1,
	KM_SYNC_ICACHE,
	KM_SYNC_DCACHE,
	/* UML specific, for copy_*_user - used in do_op_one_page */
	KM_UML_USERCOPY,
	KM_IRQ_PTE,
	KM_NMI,
	KM_NMI_PTE,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 35)
	KM_KDB,
#endif
	/*
	 * Remember to update debug_kmap_atomic() when adding new kmap types!
	 */
	KM_TYPE_NR
};

#endif /* LINUX_VERSION_CODE */

#endif /* _ASM_GENERIC_KMAP_TYPES_H */
