/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/io.h - what arch/x86/include/asm/io.h of 6.1 gives drivers:
 * physical/virtual conversions of the direct map, the MMIO accessors
 * (readb/w/l/q, writeb/w/l/q, their _relaxed and __raw_ forms, the string
 * forms reads*()/writes*() of asm-generic/io.h), memcpy_fromio(),
 * memcpy_toio(), memset_io(), and ioremap()/iounmap() with the cache-mode
 * variants.
 *
 * kshim: an ioremap() address is a page of kshim's ioremap area, which
 * stays inaccessible; the accessors find the mapping in O(1) from the
 * address (compat/mm/ioremap.c) and reach the register model of the
 * simulated device behind it (kshim/device.h), recording each access in
 * the device's trace.  So a plain dereference of an __iomem pointer
 * faults (an oops: sparse's address-space rule made a run-time check), an
 * access after iounmap() oopses as on the kernel's freed vmalloc area,
 * and an access past the end of a mapping is kshim's "mmio" report.
 * Every accessor and ioremap()/iounmap() is a macro capturing the
 * caller's line; each also exists as a function (drivers take the
 * address of ioread32() and friends).  Port I/O (inb()/outb()...) is not
 * provided.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/page.h>
#include <kshim/site.h>

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

/* ---- the accessors (compat/mm/ioremap.c) ---- */

u64 __kshim_mmio_read(const volatile void __iomem *addr, unsigned int size,
		      const struct kshim_site *site);
void __kshim_mmio_write(volatile void __iomem *addr, u64 val,
			unsigned int size, const struct kshim_site *site);
/* @count accesses of @size at the same address (reads*(), ioread*_rep()) */
void __kshim_mmio_reads(const volatile void __iomem *addr, void *buf,
			unsigned long count, unsigned int size,
			const struct kshim_site *site);
void __kshim_mmio_writes(volatile void __iomem *addr, const void *buf,
			 unsigned long count, unsigned int size,
			 const struct kshim_site *site);
void __kshim_memcpy_fromio(void *to, const volatile void __iomem *from,
			   size_t n, const struct kshim_site *site);
void __kshim_memcpy_toio(volatile void __iomem *to, const void *from,
			 size_t n, const struct kshim_site *site);
void __kshim_memset_io(volatile void __iomem *to, int val, size_t n,
		       const struct kshim_site *site);

u8 readb(const volatile void __iomem *addr);
u16 readw(const volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeb(u8 val, volatile void __iomem *addr);
void writew(u16 val, volatile void __iomem *addr);
void writel(u32 val, volatile void __iomem *addr);
void writeq(u64 val, volatile void __iomem *addr);
void memcpy_fromio(void *to, const volatile void __iomem *from, size_t n);
void memcpy_toio(volatile void __iomem *to, const void *from, size_t n);
void memset_io(volatile void __iomem *to, int val, size_t n);

#define readb(addr) ((u8)__kshim_mmio_read((addr), 1, __KSHIM_CALLSITE))
#define readw(addr) ((u16)__kshim_mmio_read((addr), 2, __KSHIM_CALLSITE))
#define readl(addr) ((u32)__kshim_mmio_read((addr), 4, __KSHIM_CALLSITE))
#define readq(addr) ((u64)__kshim_mmio_read((addr), 8, __KSHIM_CALLSITE))
#define writeb(val, addr) \
	__kshim_mmio_write((addr), (u8)(val), 1, __KSHIM_CALLSITE)
#define writew(val, addr) \
	__kshim_mmio_write((addr), (u16)(val), 2, __KSHIM_CALLSITE)
#define writel(val, addr) \
	__kshim_mmio_write((addr), (u32)(val), 4, __KSHIM_CALLSITE)
#define writeq(val, addr) \
	__kshim_mmio_write((addr), (u64)(val), 8, __KSHIM_CALLSITE)

/* x86 orders MMIO with the uncached mapping: no separate barriers. */
#define readb_relaxed(a)	readb(a)
#define readw_relaxed(a)	readw(a)
#define readl_relaxed(a)	readl(a)
#define readq_relaxed(a)	readq(a)
#define writeb_relaxed(v, a)	writeb(v, a)
#define writew_relaxed(v, a)	writew(v, a)
#define writel_relaxed(v, a)	writel(v, a)
#define writeq_relaxed(v, a)	writeq(v, a)

#define __raw_readb(a)		readb(a)
#define __raw_readw(a)		readw(a)
#define __raw_readl(a)		readl(a)
#define __raw_readq(a)		readq(a)
#define __raw_writeb(v, a)	writeb(v, a)
#define __raw_writew(v, a)	writew(v, a)
#define __raw_writel(v, a)	writel(v, a)
#define __raw_writeq(v, a)	writeq(v, a)

#define readsb(addr, buf, count) \
	__kshim_mmio_reads((addr), (buf), (count), 1, __KSHIM_CALLSITE)
#define readsw(addr, buf, count) \
	__kshim_mmio_reads((addr), (buf), (count), 2, __KSHIM_CALLSITE)
#define readsl(addr, buf, count) \
	__kshim_mmio_reads((addr), (buf), (count), 4, __KSHIM_CALLSITE)
#define readsq(addr, buf, count) \
	__kshim_mmio_reads((addr), (buf), (count), 8, __KSHIM_CALLSITE)
#define writesb(addr, buf, count) \
	__kshim_mmio_writes((addr), (buf), (count), 1, __KSHIM_CALLSITE)
#define writesw(addr, buf, count) \
	__kshim_mmio_writes((addr), (buf), (count), 2, __KSHIM_CALLSITE)
#define writesl(addr, buf, count) \
	__kshim_mmio_writes((addr), (buf), (count), 4, __KSHIM_CALLSITE)
#define writesq(addr, buf, count) \
	__kshim_mmio_writes((addr), (buf), (count), 8, __KSHIM_CALLSITE)

#define memcpy_fromio(to, from, n) \
	__kshim_memcpy_fromio((to), (from), (n), __KSHIM_CALLSITE)
#define memcpy_toio(to, from, n) \
	__kshim_memcpy_toio((to), (from), (n), __KSHIM_CALLSITE)
#define memset_io(to, val, n) \
	__kshim_memset_io((to), (val), (n), __KSHIM_CALLSITE)

#define mmiowb()	do { } while (0)

/* ---- ioremap (compat/mm/ioremap.c) ---- */

/* How a mapping was made (the kernel's page cache modes, by name). */
enum kshim_ioremap_kind {
	KSHIM_IOREMAP,		/* ioremap(): uncached minus */
	KSHIM_IOREMAP_UC,
	KSHIM_IOREMAP_WC,
	KSHIM_IOREMAP_WT,
	KSHIM_IOREMAP_CACHE,
	KSHIM_IOREMAP_ENCRYPTED,
	KSHIM_IOREMAP_NP,	/* ioremap_np(): x86 has none (NULL) */
};

void __iomem *__kshim_ioremap(resource_size_t phys, unsigned long size,
			      enum kshim_ioremap_kind kind,
			      const struct kshim_site *site);
void __kshim_iounmap(volatile void __iomem *addr,
		     const struct kshim_site *site);

void __iomem *ioremap(resource_size_t offset, unsigned long size);
void __iomem *ioremap_uc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wt(resource_size_t offset, unsigned long size);
void __iomem *ioremap_cache(resource_size_t offset, unsigned long size);
void __iomem *ioremap_encrypted(resource_size_t phys_addr,
				unsigned long size);
void iounmap(volatile void __iomem *addr);

#define ioremap(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP, __KSHIM_CALLSITE)
#define ioremap_uc(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP_UC, __KSHIM_CALLSITE)
#define ioremap_wc(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP_WC, __KSHIM_CALLSITE)
#define ioremap_wt(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP_WT, __KSHIM_CALLSITE)
#define ioremap_cache(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP_CACHE, \
			__KSHIM_CALLSITE)
#define ioremap_encrypted(offset, size) \
	__kshim_ioremap((offset), (size), KSHIM_IOREMAP_ENCRYPTED, \
			__KSHIM_CALLSITE)
#define iounmap(addr)	__kshim_iounmap((addr), __KSHIM_CALLSITE)

/* x86 has no non-posted mapping: asm-generic's ioremap_np() is NULL. */
static inline void __iomem *ioremap_np(resource_size_t offset,
				       unsigned long size)
{
	return NULL;
}

/* What the kernel's asm/io.h also makes visible. */
#include <asm-generic/iomap.h>
#include <asm/pgtable_types.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/rbtree.h>
#include <linux/rcupdate.h>
#include <linux/rcutree.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/vmalloc.h>

#endif /* _ASM_IO_H */
