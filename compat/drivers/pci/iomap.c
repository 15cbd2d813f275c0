// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/iomap.c - mapping a BAR, as lib/pci_iomap.c and
 * lib/iomap.c's pci_iounmap() of 6.1: pci_iomap_range() maps @maxlen
 * bytes (0: the rest of the BAR) from @offset into BAR @bar with
 * ioremap() (ioremap_wc() for the _wc forms), NULL for an empty BAR or
 * an offset at or beyond its end; pci_iounmap() is iounmap().  kshim has
 * no port I/O BARs, so the I/O branch is never taken.  The mapping is
 * made and reported at the driver's line (the ioremap site is the
 * caller of pci_iomap()).
 */
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/export.h>

#include "pci.h"

void __iomem *__kshim_pci_iomap_range(struct pci_dev *dev, int bar,
				      unsigned long offset,
				      unsigned long maxlen, bool wc,
				      const struct kshim_site *site)
{
	resource_size_t start, len;
	unsigned long flags;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return NULL;
	start = pci_resource_start(dev, bar);
	len = pci_resource_len(dev, bar);
	flags = pci_resource_flags(dev, bar);
	if (!start || offset >= len)
		return NULL;
	len -= offset;
	if (maxlen && maxlen < len)
		len = maxlen;
	if (!(flags & IORESOURCE_MEM))
		return NULL;
	return __kshim_ioremap(start + offset, len,
			       wc ? KSHIM_IOREMAP_WC : KSHIM_IOREMAP, site);
}

#undef pci_iomap
#undef pci_iomap_wc
#undef pci_iomap_range
#undef pci_iomap_wc_range
#undef pci_iounmap

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar,
			      unsigned long offset, unsigned long maxlen)
{
	return __kshim_pci_iomap_range(dev, bar, offset, maxlen, false, NULL);
}
EXPORT_SYMBOL(pci_iomap_range);

void __iomem *pci_iomap_wc_range(struct pci_dev *dev, int bar,
				 unsigned long offset, unsigned long maxlen)
{
	return __kshim_pci_iomap_range(dev, bar, offset, maxlen, true, NULL);
}
EXPORT_SYMBOL_GPL(pci_iomap_wc_range);

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return __kshim_pci_iomap_range(dev, bar, 0, maxlen, false, NULL);
}
EXPORT_SYMBOL(pci_iomap);

void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return __kshim_pci_iomap_range(dev, bar, 0, maxlen, true, NULL);
}
EXPORT_SYMBOL_GPL(pci_iomap_wc);

void __kshim_pci_iounmap(struct pci_dev *dev, void __iomem *addr,
			 const struct kshim_site *site)
{
	__kshim_iounmap(addr, site);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	__kshim_pci_iounmap(dev, addr, NULL);
}
EXPORT_SYMBOL(pci_iounmap);
