/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm-generic/getorder.h - get_order(): the allocation order that holds
 * @size bytes, as include/asm-generic/getorder.h computes it (get_order(0)
 * is undefined in the kernel and gives BITS_PER_LONG - PAGE_SHIFT here too).
 */
#ifndef _ASM_GENERIC_GETORDER_H
#define _ASM_GENERIC_GETORDER_H

#include <linux/compiler.h>
#include <asm/page_types.h>

static inline __attribute_const__ int get_order(unsigned long size)
{
	size--;
	size >>= PAGE_SHIFT;
	return size ? 64 - __builtin_clzl(size) : 0;
}

/* What the kernel's asm-generic/getorder.h also makes visible. */
#include <linux/jump_label.h>
#include <linux/kernel.h>

#endif /* _ASM_GENERIC_GETORDER_H */
