/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/kmap_types.h - the typed kmap_atomic() slots of x86.
 *
 * Follows arch/x86/include/asm/kmap_types.h: from 2.6.31 on it is the
 * generic list (asm-generic/kmap_types.h; the DEBUG_HIGHMEM guard entries
 * are x86-32 only and kshim is not); 2.6.28 - 2.6.30 had x86's own
 * thirteen types, reproduced here.  (include/asm-i386/kmap_types.h of
 * 2.6.11 is the same list.)
 */
#ifndef _ASM_X86_KMAP_TYPES_H
#define _ASM_X86_KMAP_TYPES_H

#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 31)
#include <asm-generic/kmap_types.h>
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
	KM_TYPE_NR
};
#endif

#endif /* _ASM_X86_KMAP_TYPES_H */
