/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * asm-generic/pci_iomap.h - mapping a PCI function's BARs.
 *
 * Follows include/asm-generic/pci_iomap.h of 6.1 (implemented by
 * compat/drivers/pci/iomap.c, as lib/pci_iomap.c): pci_iomap() maps BAR
 * @bar whole or its first @max bytes, the _range forms from @offset, the
 * _wc forms write-combined; pci_iounmap() undoes any of them.  kshim's
 * forms are macros naming the driver's line in reports and in the
 * ledger's list of mappings still live.
 */
#ifndef __ASM_GENERIC_PCI_IOMAP_H
#define __ASM_GENERIC_PCI_IOMAP_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kshim/site.h>

struct pci_dev;

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar,
			      unsigned long offset, unsigned long maxlen);
void __iomem *pci_iomap_wc_range(struct pci_dev *dev, int bar,
				 unsigned long offset, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

void __iomem *__kshim_pci_iomap_range(struct pci_dev *dev, int bar,
				      unsigned long offset,
				      unsigned long maxlen, bool wc,
				      const struct kshim_site *site);
void __kshim_pci_iounmap(struct pci_dev *dev, void __iomem *addr,
			 const struct kshim_site *site);
#define pci_iomap(dev, bar, max)					\
	__kshim_pci_iomap_range(dev, bar, 0, max, false, __KSHIM_CALLSITE)
#define pci_iomap_wc(dev, bar, max)					\
	__kshim_pci_iomap_range(dev, bar, 0, max, true, __KSHIM_CALLSITE)
#define pci_iomap_range(dev, bar, offset, maxlen)			\
	__kshim_pci_iomap_range(dev, bar, offset, maxlen, false,	\
				__KSHIM_CALLSITE)
#define pci_iomap_wc_range(dev, bar, offset, maxlen)			\
	__kshim_pci_iomap_range(dev, bar, offset, maxlen, true,	\
				__KSHIM_CALLSITE)
#define pci_iounmap(dev, addr)						\
	__kshim_pci_iounmap(dev, addr, __KSHIM_CALLSITE)

#endif /* __ASM_GENERIC_PCI_IOMAP_H */
