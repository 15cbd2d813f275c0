/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/pfn.h - page frame number arithmetic, as include/linux/pfn.h.
 */
#ifndef _LINUX_PFN_H
#define _LINUX_PFN_H

#include <linux/types.h>

/* A pfn with flags in its top bits (linux/pfn_t.h has the helpers). */
typedef struct {
	u64 val;
} pfn_t;

#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif /* _LINUX_PFN_H */
