// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/devres.c - managed PCI resources, as pcim_*() of
 * drivers/pci/pci.c and lib/devres.c in 6.1:
 *  - pcim_enable_device() enables the function and marks it managed; its
 *    managed state (one devres entry) remembers the BARs requested since
 *    (pci_request_region(s)() of a managed function), whether pci_intx()
 *    changed INTx, and whether it is still enabled; when the driver goes
 *    it releases those BARs, restores INTx and disables the function,
 *    unless pcim_pin_device() pinned it (the kernel's WARN_ON() when the
 *    function was not enabled through pcim_enable_device());
 *  - pcim_iomap_table() is the per-device table of BAR mappings (a devres
 *    entry of its own, made at first use), unmapped when the driver
 *    goes; pcim_iomap() maps a BAR into it (NULL when it is mapped
 *    already), pcim_iounmap() unmaps and forgets one (WARN_ON() for an
 *    address not in the table), pcim_iomap_regions() requests and maps
 *    the BARs of a mask, all or none (-EINVAL for an empty BAR or a
 *    region taken, -ENOMEM when the mapping fails);
 *  - the order is devres order: the managed state is made before the
 *    table and before the vectors' release action, so at unbind vectors
 *    are freed first, then BARs unmapped, then regions released and the
 *    function disabled.
 */
#include <linux/pci.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/io.h>
#include <asm/bug.h>

#include "pci.h"

#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt)

/* ---- the managed state ---- */

static void pcim_release(struct device *d, void *res)
{
	struct pci_dev *dev = to_pci_dev(d);
	struct kshim_pcim_state *st = res;
	int bar;

	for (bar = 0; bar < DEVICE_COUNT_RESOURCE; bar++)
		if (st->regions & (1u << bar))
			pci_release_region(dev, bar);
	if (st->mwi)
		pci_clear_mwi(dev);
	if (st->intx_saved)
		pci_intx(dev, st->intx_orig);
	if (st->enabled && !st->pinned)
		__kshim_pci_disable_device(dev, NULL);
}

struct kshim_pcim_state *kshim_pcim_get(struct pci_dev *pdev)
{
	struct kshim_pcim_state *st, *fresh;

	st = devres_find(&pdev->dev, pcim_release, NULL, NULL);
	if (st)
		return st;
	fresh = devres_alloc(pcim_release, sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return NULL;
	return devres_get(&pdev->dev, fresh, NULL, NULL);
}

struct kshim_pcim_state *kshim_pcim_find(struct pci_dev *pdev)
{
	if (!pci_is_managed(pdev))
		return NULL;
	return devres_find(&pdev->dev, pcim_release, NULL, NULL);
}

int pcim_enable_device(struct pci_dev *pdev)
{
	struct kshim_pcim_state *st = kshim_pcim_get(pdev);
	int err;

	if (unlikely(!st))
		return -ENOMEM;
	if (st->enabled)
		return 0;
	err = pci_enable_device(pdev);
	if (err)
		return err;
	pdev->is_managed = 1;
	st->enabled = true;
	return 0;
}
EXPORT_SYMBOL(pcim_enable_device);

void __kshim_pcim_pin_device(struct pci_dev *pdev,
			     const struct kshim_site *site)
{
	struct kshim_pcim_state *st = kshim_pcim_find(pdev);

	if (!st || !st->enabled)
		warn_at(site, NULL);
	if (st)
		st->pinned = true;
}

#undef pcim_pin_device
void pcim_pin_device(struct pci_dev *pdev)
{
	__kshim_pcim_pin_device(pdev, NULL);
}
EXPORT_SYMBOL(pcim_pin_device);

/* ---- the table of BAR mappings ---- */

struct iomap_table {
	void __iomem *addr[PCI_STD_NUM_BARS];
};

static void iomap_table_release(struct device *d, void *res)
{
	struct iomap_table *t = res;
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++)
		if (t->addr[bar])
			__kshim_pci_iounmap(to_pci_dev(d), t->addr[bar], NULL);
}

void __iomem * const *pcim_iomap_table(struct pci_dev *pdev)
{
	struct iomap_table *t, *fresh;

	t = devres_find(&pdev->dev, iomap_table_release, NULL, NULL);
	if (t)
		return t->addr;
	fresh = devres_alloc(iomap_table_release, sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return NULL;
	t = devres_get(&pdev->dev, fresh, NULL, NULL);
	return t->addr;
}
EXPORT_SYMBOL(pcim_iomap_table);

void __iomem *__kshim_pcim_iomap(struct pci_dev *pdev, int bar,
				 unsigned long maxlen,
				 const struct kshim_site *site)
{
	void __iomem **slot;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		__kshim_bug(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site), site ? site->mod : NULL);
	slot = (void __iomem **)pcim_iomap_table(pdev);
	if (!slot || slot[bar])		/* one mapping per BAR */
		return NULL;
	slot[bar] = __kshim_pci_iomap_range(pdev, bar, 0, maxlen, false,
					    site);
	return slot[bar];
}

void __kshim_pcim_iounmap(struct pci_dev *pdev, void __iomem *addr,
			  const struct kshim_site *site)
{
	void __iomem **slot;
	int bar;

	__kshim_pci_iounmap(pdev, addr, site);
	slot = (void __iomem **)pcim_iomap_table(pdev);
	if (!slot)
		__kshim_bug(kshim_site_file(site), kshim_site_line(site),
			    kshim_site_func(site), site ? site->mod : NULL);
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++)
		if (slot[bar] == addr) {
			slot[bar] = NULL;
			return;
		}
	warn_at(site, NULL);
}

int __kshim_pcim_iomap_regions(struct pci_dev *pdev, int mask,
			       const char *name,
			       const struct kshim_site *site)
{
	void __iomem * const *tbl = pcim_iomap_table(pdev);
	int bar, done, err = 0;

	if (!tbl)
		return -ENOMEM;
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!(mask & (1 << bar)))
			continue;
		if (!pci_resource_len(pdev, bar) ||
		    pci_request_region(pdev, bar, name)) {
			err = -EINVAL;
			break;
		}
		if (!__kshim_pcim_iomap(pdev, bar, 0, site)) {
			pci_release_region(pdev, bar);
			err = -ENOMEM;
			break;
		}
	}
	if (!err)
		return 0;
	/* Undo the BARs below the one that failed. */
	for (done = 0; done < bar; done++) {
		if (!(mask & (1 << done)))
			continue;
		__kshim_pcim_iounmap(pdev, tbl[done], site);
		pci_release_region(pdev, done);
	}
	return err;
}

int __kshim_pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask,
					   const char *name,
					   const struct kshim_site *site)
{
	int others = ((1 << PCI_STD_NUM_BARS) - 1) & ~mask;
	int err;

	err = pci_request_selected_regions(pdev, others, name);
	if (err)
		return err;
	err = __kshim_pcim_iomap_regions(pdev, mask, name, site);
	if (err)
		pci_release_selected_regions(pdev, others);
	return err;
}

void __kshim_pcim_iounmap_regions(struct pci_dev *pdev, int mask,
				  const struct kshim_site *site)
{
	void __iomem * const *tbl = pcim_iomap_table(pdev);
	int bar;

	if (!tbl)
		return;
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!(mask & (1 << bar)))
			continue;
		__kshim_pcim_iounmap(pdev, tbl[bar], site);
		pci_release_region(pdev, bar);
	}
}

#undef pcim_iomap
#undef pcim_iounmap
#undef pcim_iomap_regions
#undef pcim_iomap_regions_request_all
#undef pcim_iounmap_regions

void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen)
{
	return __kshim_pcim_iomap(pdev, bar, maxlen, NULL);
}
EXPORT_SYMBOL(pcim_iomap);

void pcim_iounmap(struct pci_dev *pdev, void __iomem *addr)
{
	__kshim_pcim_iounmap(pdev, addr, NULL);
}
EXPORT_SYMBOL(pcim_iounmap);

int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name)
{
	return __kshim_pcim_iomap_regions(pdev, mask, name, NULL);
}
EXPORT_SYMBOL(pcim_iomap_regions);

int pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask,
				   const char *name)
{
	return __kshim_pcim_iomap_regions_request_all(pdev, mask, name, NULL);
}
EXPORT_SYMBOL(pcim_iomap_regions_request_all);

void pcim_iounmap_regions(struct pci_dev *pdev, int mask)
{
	__kshim_pcim_iounmap_regions(pdev, mask, NULL);
}
EXPORT_SYMBOL(pcim_iounmap_regions);
