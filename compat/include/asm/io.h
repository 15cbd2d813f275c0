/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/io.h - physical/virtual conversions drivers take from asm/io.h, as
 * arch/x86/include/asm/io.h defines them (direct map only).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <asm/page.h>

#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define phys_to_page(phys)	pfn_to_page((phys) >> PAGE_SHIFT)

static inline phys_addr_t virt_to_phys(volatile void *address)
{
	return __pa(address);
}

static inline void *phys_to_virt(phys_addr_t address)
{
	return __va(address);
}

/* What the kernel's asm/io.h also makes visible. */
#include <asm/pgtable_types.h>
#include <linux/mm.h>
#include <linux/rbtree.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/vmalloc.h>

#endif /* _ASM_IO_H */
