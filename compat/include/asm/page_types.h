/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/page_types.h - the page size and the direct map's base
 * (arch/x86/include/asm/page_types.h of 6.x: 4 KiB pages, PAGE_OFFSET a
 * variable as with KASLR).
 */
#ifndef _ASM_X86_PAGE_DEFS_H
#define _ASM_X86_PAGE_DEFS_H

#include <linux/const.h>
#include <linux/types.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

/* The direct map's base, set when the simulated machine boots. */
extern unsigned long page_offset_base;
#define PAGE_OFFSET		((unsigned long)page_offset_base)

/*
 * The top of user space (asm/page_64_types.h, 4-level paging): 47 bits
 * less the guard page.  kshim's user addresses lie in a range its mm
 * owns below it (linux/uaccess.h).
 */
#define TASK_SIZE_MAX		((_AC(1, UL) << 47) - PAGE_SIZE)
#define DEFAULT_MAP_WINDOW	((_AC(1, UL) << 47) - PAGE_SIZE)
#define TASK_SIZE		TASK_SIZE_MAX
#define TASK_SIZE_OF(child)	TASK_SIZE_MAX

/* What the kernel's asm/page_types.h also makes visible. */
#include <linux/init.h>
#include <linux/stringify.h>

/* x86-64 maps ioremap() areas with huge pages up to PUD_SHIFT. */
#define IOREMAP_MAX_ORDER	30

#endif /* _ASM_X86_PAGE_DEFS_H */
