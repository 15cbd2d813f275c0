/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/pfn_t.h - a pfn with flags, as include/linux/pfn_t.h of 6.1:
 * PFN_DEV (no struct page behind it unless PFN_MAP), PFN_SPECIAL, for
 * vmf_insert_mixed() and friends (linux/mm.h).
 */
#ifndef _LINUX_PFN_T_H
#define _LINUX_PFN_T_H

#include <linux/mm.h>
#include <linux/pfn.h>
#include <linux/types.h>

#define PFN_FLAGS_MASK	(((u64)(~PAGE_MASK)) << (64 - PAGE_SHIFT))
#define PFN_SG_CHAIN	(1ULL << 63)
#define PFN_SG_LAST	(1ULL << 62)
#define PFN_DEV		(1ULL << 61)
#define PFN_MAP		(1ULL << 60)
#define PFN_SPECIAL	(1ULL << 59)

static inline pfn_t __pfn_to_pfn_t(unsigned long pfn, u64 flags)
{
	pfn_t ret = { .val = pfn | (flags & PFN_FLAGS_MASK), };

	return ret;
}

/* A plain pfn_t is a pfn_valid() one. */
static inline pfn_t pfn_to_pfn_t(unsigned long pfn)
{
	return __pfn_to_pfn_t(pfn, 0);
}

static inline pfn_t phys_to_pfn_t(phys_addr_t addr, u64 flags)
{
	return __pfn_to_pfn_t(addr >> PAGE_SHIFT, flags);
}

static inline bool pfn_t_has_page(pfn_t pfn)
{
	return (pfn.val & PFN_MAP) == PFN_MAP || (pfn.val & PFN_DEV) == 0;
}

static inline unsigned long pfn_t_to_pfn(pfn_t pfn)
{
	return pfn.val & ~PFN_FLAGS_MASK;
}

static inline struct page *pfn_t_to_page(pfn_t pfn)
{
	if (pfn_t_has_page(pfn))
		return pfn_to_page(pfn_t_to_pfn(pfn));
	return NULL;
}

static inline phys_addr_t pfn_t_to_phys(pfn_t pfn)
{
	return PFN_PHYS(pfn_t_to_pfn(pfn));
}

static inline pfn_t page_to_pfn_t(struct page *page)
{
	return pfn_to_pfn_t(page_to_pfn(page));
}

static inline int pfn_t_valid(pfn_t pfn)
{
	return pfn_valid(pfn_t_to_pfn(pfn));
}

static inline bool pfn_t_devmap(pfn_t pfn)
{
	const u64 flags = PFN_DEV | PFN_MAP;

	return (pfn.val & flags) == flags;
}

static inline bool pfn_t_special(pfn_t pfn)
{
	return (pfn.val & PFN_SPECIAL) == PFN_SPECIAL;
}

/* What the kernel's linux/pfn_t.h also makes visible. */
#include <linux/dcache.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/ioport.h>
#include <linux/kdev_t.h>
#include <linux/notifier.h>

#endif /* _LINUX_PFN_T_H */
