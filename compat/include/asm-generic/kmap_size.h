/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/kmap_size.h - the depth of the kmap_local stack.
 *
 * Follows include/asm-generic/kmap_size.h of 6.8 with
 * CONFIG_DEBUG_KMAP_LOCAL (selected by CONFIG_DEBUG_HIGHMEM, which kshim
 * always has): every second slot is an unmapped guard page, so the 33
 * indices give 16 usable nesting levels.
 */
#ifndef _ASM_GENERIC_KMAP_SIZE_H
#define _ASM_GENERIC_KMAP_SIZE_H

#define KM_MAX_IDX	33

/* What the kernel's asm-generic/kmap_size.h also makes visible. */
#include <linux/compiler_types.h>

#endif /* _ASM_GENERIC_KMAP_SIZE_H */
