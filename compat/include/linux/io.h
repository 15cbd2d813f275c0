/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/io.h - as include/linux/io.h of 6.1: the MMIO accessors and
 * ioremap() (asm/io.h), the managed mappings devm_ioremap(),
 * devm_ioremap_uc(), devm_ioremap_wc(), devm_iounmap(),
 * devm_ioremap_resource(), devm_ioremap_resource_wc() (compat/lib/devres.c),
 * and the write-combining MTRR hooks as the kernel has them without MTRR
 * (x86 with PAT: nothing to do).
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <asm/io.h>
#include <asm/page.h>
#include <kshim/site.h>

struct device;
struct resource;

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);
void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset,
			      resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset,
			      resource_size_t size);
void __iomem *devm_ioremap_np(struct device *dev, resource_size_t offset,
			      resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap_resource(struct device *dev,
				    const struct resource *res);
void __iomem *devm_ioremap_resource_wc(struct device *dev,
				       const struct resource *res);

/* kshim: the same, naming the caller's line in reports and the ledger. */
void __iomem *__kshim_devm_ioremap(struct device *dev,
				   resource_size_t offset,
				   resource_size_t size,
				   enum kshim_ioremap_kind kind,
				   const struct kshim_site *site);
void __kshim_devm_iounmap(struct device *dev, void __iomem *addr,
			  const struct kshim_site *site);
void __iomem *__kshim_devm_ioremap_resource(struct device *dev,
					    const struct resource *res,
					    enum kshim_ioremap_kind kind,
					    const struct kshim_site *site);

#define devm_ioremap(dev, offset, size)					\
	__kshim_devm_ioremap((dev), (offset), (size), KSHIM_IOREMAP,	\
			     __KSHIM_CALLSITE)
#define devm_ioremap_uc(dev, offset, size)				\
	__kshim_devm_ioremap((dev), (offset), (size), KSHIM_IOREMAP_UC, \
			     __KSHIM_CALLSITE)
#define devm_ioremap_wc(dev, offset, size)				\
	__kshim_devm_ioremap((dev), (offset), (size), KSHIM_IOREMAP_WC, \
			     __KSHIM_CALLSITE)
#define devm_iounmap(dev, addr)						\
	__kshim_devm_iounmap((dev), (addr), __KSHIM_CALLSITE)
#define devm_ioremap_resource(dev, res)					\
	__kshim_devm_ioremap_resource((dev), (res), KSHIM_IOREMAP,	\
				      __KSHIM_CALLSITE)
#define devm_ioremap_resource_wc(dev, res)				\
	__kshim_devm_ioremap_resource((dev), (res), KSHIM_IOREMAP_WC,	\
				      __KSHIM_CALLSITE)

/* Error cookies of devm_ioremap_resource() and friends. */
#define IOMEM_ERR_PTR(err) (__force void __iomem *)ERR_PTR(err)

/* The MTRR hooks without CONFIG_MTRR (x86 uses PAT for write-combining). */
#ifndef arch_phys_wc_add
static inline int __must_check arch_phys_wc_add(unsigned long base,
						unsigned long size)
{
	return 0;
}

static inline void arch_phys_wc_del(int handle)
{
}

#define arch_phys_wc_add arch_phys_wc_add
#ifndef arch_phys_wc_index
static inline int arch_phys_wc_index(int handle)
{
	return -1;
}
#define arch_phys_wc_index arch_phys_wc_index
#endif
#endif

int devm_arch_phys_wc_add(struct device *dev, unsigned long base,
			  unsigned long size);

#ifndef arch_io_reserve_memtype_wc
static inline int arch_io_reserve_memtype_wc(resource_size_t base,
					     resource_size_t size)
{
	return 0;
}

static inline void arch_io_free_memtype_wc(resource_size_t base,
					   resource_size_t size)
{
}
#endif

int devm_arch_io_reserve_memtype_wc(struct device *dev, resource_size_t start,
				    resource_size_t size);

/* What the kernel's linux/io.h also makes visible. */

#endif /* _LINUX_IO_H */
