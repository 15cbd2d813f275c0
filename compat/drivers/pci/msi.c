// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/msi.c - interrupt vectors of a function, with the
 * rules and results of drivers/pci/msi/msi.c of 6.1:
 *  - pci_alloc_irq_vectors_affinity() tries MSI-X, then MSI, then INTx,
 *    as @flags allow; MSI-X and MSI settle for fewer vectors down to
 *    @min_vecs, INTx only when @min_vecs is 1 and the function has a pin;
 *    otherwise the last error (-ENOSPC when nothing fits, -EINVAL when
 *    MSI is unusable);
 *  - the kernel's messages and WARNs: "can't enable MSI-X (MSI IRQ
 *    already assigned)", "can't enable MSI (MSI-X already enabled)",
 *    WARN_ON_ONCE() for enabling MSI or MSI-X twice, WARN_ON() for an
 *    affinity descriptor without PCI_IRQ_AFFINITY; -ERANGE for
 *    @max_vecs < @min_vecs;
 *  - pci_irq_vector(): the line of MSI-X entry / MSI vector @nr, the INTx
 *    line for @nr 0 when neither is on, -EINVAL otherwise;
 *  - each enable installs the device's MSI data as a managed resource
 *    (and, for a pcim_enable_device() function, an action freeing the
 *    vectors), so the vectors of a driver that did not free them are
 *    found when it unbinds: the kernel's WARN_ON_ONCE() in
 *    msi_device_data_release(), with kshim's words saying what it means;
 *  - freeing vectors whose line still has a handler is the kernel's
 *    "remove_proc_entry: removing non-empty directory 'irq/%u', leaking
 *    at least '%s'" WARN (the handler's /proc/irq directory).
 * Vectors are kshim interrupt lines from 32 up (compat/kernel/irq/
 * irqdesc.c); kshim_pci_raise_irq() is how the test's function signals
 * one, honouring the enable, mask and bus-master bits.
 */
#include <linux/pci.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <asm/bug.h>
#include <kshim/device.h>
#include <kshim/irq.h>

#include "pci.h"
#include "kernel/irq/internals.h"

static bool warned_msi_twice, warned_msix_twice, warned_affd, warned_data;

#define warn_at(site, fmt...)						\
	__kshim_warn(kshim_site_file(site), kshim_site_line(site),	\
		     kshim_site_func(site), (site) ? (site)->mod : NULL,	\
		     TAINT_WARN, fmt)

static bool first_time(bool *flag)
{
	return !__atomic_exchange_n(flag, true, __ATOMIC_RELAXED);
}

static bool msi_usable(struct pci_dev *dev, int nvec)
{
	/* kshim's one bus has no bridge above it to refuse MSI. */
	return nvec >= 1 && !dev->no_msi && dev->current_state == PCI_D0 &&
	       !(dev->bus->bus_flags & PCI_BUS_FLAGS_NO_MSI);
}

int pci_msi_vec_count(struct pci_dev *dev)
{
	u16 ctl;

	if (!dev->msi_cap)
		return -EINVAL;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctl);
	return 1 << ((ctl & PCI_MSI_FLAGS_QMASK) >> 1);
}
EXPORT_SYMBOL(pci_msi_vec_count);

int pci_msix_vec_count(struct pci_dev *dev)
{
	u16 ctl;

	if (!dev->msix_cap)
		return -EINVAL;
	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctl);
	return (ctl & PCI_MSIX_FLAGS_QSIZE) + 1;
}
EXPORT_SYMBOL(pci_msix_vec_count);

/* ---- the vectors' lifetime ---- */

/* Give the lines back and turn the capability off; INTx as before. */
static void drop_vectors(struct pci_dev *dev)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	unsigned int i;

	for (i = 0; i < fn->nvec; i++)
		if (fn->vec[i])
			kshim_irq_free_lines(fn->vec[i], 1);
	kfree(fn->vec);
	fn->vec = NULL;
	fn->nvec = 0;
	fn->nused = 0;
	if (!fn->gone) {
		pthread_mutex_lock(&kshim_pci_cfg_lock);
		if (dev->msi_enabled)
			fn->cfg[dev->msi_cap + PCI_MSI_FLAGS] &=
				~PCI_MSI_FLAGS_ENABLE;
		if (dev->msix_enabled)
			fn->cfg[dev->msix_cap + PCI_MSIX_FLAGS + 1] &=
				~(PCI_MSIX_FLAGS_ENABLE >> 8);
		pthread_mutex_unlock(&kshim_pci_cfg_lock);
		pci_intx(dev, 1);
	}
	if (dev->msi_enabled)
		dev->irq = fn->intx_irq;
	dev->msi_enabled = 0;
	dev->msix_enabled = 0;
}

/* A vector's line still has a handler: its /proc/irq/N/<name> stays. */
static void check_handlers(struct pci_dev *dev, const struct kshim_site *site)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	unsigned int i;

	for (i = 0; i < fn->nvec; i++) {
		const char *owner;

		if (!fn->vec[i])
			continue;
		owner = kshim_irq_line_owner(fn->vec[i]);
		if (owner)
			warn_at(site, "%s: removing non-empty directory '%s/%u', leaking at least '%s'\n",
				"remove_proc_entry", "irq", fn->vec[i], owner);
	}
}

void kshim_pci_msi_teardown(struct pci_dev *dev)
{
	if (dev->kshim_fn && (dev->msi_enabled || dev->msix_enabled))
		drop_vectors(dev);
}

void __kshim_pci_disable_msix(struct pci_dev *dev,
			      const struct kshim_site *site)
{
	if (!dev || !dev->msix_enabled)
		return;
	check_handlers(dev, site);
	drop_vectors(dev);
}

void __kshim_pci_disable_msi(struct pci_dev *dev,
			     const struct kshim_site *site)
{
	if (!dev || !dev->msi_enabled)
		return;
	check_handlers(dev, site);
	drop_vectors(dev);
}

void __kshim_pci_free_irq_vectors(struct pci_dev *dev,
				  const struct kshim_site *site)
{
	__kshim_pci_disable_msix(dev, site);
	__kshim_pci_disable_msi(dev, site);
}

#undef pci_disable_msix
#undef pci_disable_msi
#undef pci_free_irq_vectors

void pci_disable_msix(struct pci_dev *dev)
{
	__kshim_pci_disable_msix(dev, NULL);
}
EXPORT_SYMBOL(pci_disable_msix);

void pci_disable_msi(struct pci_dev *dev)
{
	__kshim_pci_disable_msi(dev, NULL);
}
EXPORT_SYMBOL(pci_disable_msi);

void pci_free_irq_vectors(struct pci_dev *dev)
{
	__kshim_pci_free_irq_vectors(dev, NULL);
}
EXPORT_SYMBOL(pci_free_irq_vectors);

/*
 * The device's MSI data, released with its other managed resources when
 * the driver unbinds: vectors still on then were never freed.
 */
static void msi_data_release(struct device *d, void *res)
{
	struct pci_dev *dev = to_pci_dev(d);
	struct kshim_pci_function *fn = dev->kshim_fn;

	fn->msi_data = false;
	if (!pci_dev_msi_enabled(dev))
		return;
	if (first_time(&warned_data))
		warn_at(fn->vec_site,
			"kshim: %s %s: %u %s vector(s) enabled here are still allocated when the device's MSI data is released (the kernel's WARN_ON_ONCE(!xa_empty(&md->__store)) in msi_device_data_release()): pci_free_irq_vectors() is missing\n",
			dev_driver_string(d), pci_name(dev), fn->nused,
			dev->msix_enabled ? "MSI-X" : "MSI");
	drop_vectors(dev);
}

static void pcim_msi_release(void *data)
{
	struct pci_dev *dev = data;

	dev->is_msi_managed = 0;
	__kshim_pci_free_irq_vectors(dev, dev->kshim_fn->vec_site);
}

static int setup_msi_context(struct pci_dev *dev)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	int err;

	if (!fn->msi_data) {
		void *md = devres_alloc(msi_data_release, 0, GFP_KERNEL);

		if (!md)
			return -ENOMEM;
		devres_add(&dev->dev, md);
		fn->msi_data = true;
	}
	/* A managed function frees its vectors with its other resources;
	 * the action is added once, after the MSI data (released first). */
	if (pci_is_managed(dev) && !dev->is_msi_managed) {
		err = devm_add_action(&dev->dev, pcim_msi_release, dev);
		if (err)
			return err;
		dev->is_msi_managed = 1;
	}
	return 0;
}

/* Lines for @n vectors, stored at the indices @index (NULL: 0 .. n-1). */
static int take_lines(struct pci_dev *dev, unsigned int size,
		      const unsigned int *index, unsigned int n,
		      const struct kshim_site *site)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	unsigned int i;
	int first;

	fn->vec = kcalloc(size, sizeof(*fn->vec), GFP_KERNEL);
	if (!fn->vec)
		return -ENOMEM;
	/* MSI needs consecutive lines; MSI-X gets them so too. */
	first = kshim_irq_alloc_lines(KSHIM_PCI_MSI_BASE, n);
	if (first < 0) {
		kfree(fn->vec);
		fn->vec = NULL;
		return first;
	}
	for (i = 0; i < n; i++)
		fn->vec[index ? index[i] : i] = first + i;
	fn->nvec = size;
	fn->nused = n;
	fn->vec_site = site;
	return 0;
}

/* ---- MSI-X ---- */

static int msix_try(struct pci_dev *dev, struct msix_entry *entries,
		    int nvec, unsigned int flags,
		    const struct kshim_site *site)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	unsigned int *index = NULL, size;
	int table, i, j, err;
	u16 ctl;

	if (!msi_usable(dev, nvec))
		return -EINVAL;
	table = pci_msix_vec_count(dev);
	if (table < 0)
		return table;
	if (nvec > table && !(flags & PCI_IRQ_VIRTUAL))
		return table;	/* try again with that many */
	if (entries) {
		for (i = 0; i < nvec; i++) {
			if (entries[i].entry >= table)
				return -EINVAL;
			for (j = 0; j < i; j++)
				if (entries[j].entry == entries[i].entry)
					return -EINVAL;
		}
	}
	if (dev->msi_enabled) {
		pci_info(dev, "can't enable MSI-X (MSI IRQ already assigned)\n");
		return -EINVAL;
	}

	size = max(nvec, table);
	if (entries) {
		index = kcalloc(nvec, sizeof(*index), GFP_KERNEL);
		if (!index)
			return -ENOMEM;
		for (i = 0; i < nvec; i++)
			index[i] = entries[i].entry;
	}
	err = take_lines(dev, size, index, nvec, site);
	kfree(index);
	if (err)
		return err;
	if (entries)
		for (i = 0; i < nvec; i++)
			entries[i].vector = fn->vec[entries[i].entry];

	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctl);
	ctl = (ctl | PCI_MSIX_FLAGS_ENABLE) & ~PCI_MSIX_FLAGS_MASKALL;
	pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, ctl);
	pci_intx(dev, 0);
	dev->msix_enabled = 1;
	return 0;
}

static int msix_range(struct pci_dev *dev, struct msix_entry *entries,
		      int minvec, int maxvec, unsigned int flags,
		      const struct kshim_site *site)
{
	int nvec = maxvec, rc;

	if (maxvec < minvec)
		return -ERANGE;
	if (dev->msix_enabled) {
		if (first_time(&warned_msix_twice))
			warn_at(site, NULL);
		return -EINVAL;
	}
	rc = setup_msi_context(dev);
	if (rc)
		return rc;
	for (;;) {
		rc = msix_try(dev, entries, nvec, flags, site);
		if (rc == 0)
			return nvec;
		if (rc < 0)
			return rc;
		if (rc < minvec)
			return -ENOSPC;
		nvec = rc;
	}
}

int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries,
			  int minvec, int maxvec)
{
	return msix_range(dev, entries, minvec, maxvec, 0, NULL);
}
EXPORT_SYMBOL(pci_enable_msix_range);

/* ---- MSI ---- */

static int msi_range(struct pci_dev *dev, int minvec, int maxvec,
		     const struct kshim_site *site)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	int nvec, rc, log2 = 0;
	u16 ctl;

	if (!msi_usable(dev, minvec))
		return -EINVAL;
	if (dev->msix_enabled) {
		pci_info(dev, "can't enable MSI (MSI-X already enabled)\n");
		return -EINVAL;
	}
	if (maxvec < minvec)
		return -ERANGE;
	if (dev->msi_enabled) {
		if (first_time(&warned_msi_twice))
			warn_at(site, NULL);
		return -EINVAL;
	}
	nvec = pci_msi_vec_count(dev);
	if (nvec < 0)
		return nvec;
	if (nvec < minvec)
		return -ENOSPC;
	nvec = min(nvec, maxvec);

	rc = setup_msi_context(dev);
	if (rc)
		return rc;
	rc = take_lines(dev, nvec, NULL, nvec, site);
	if (rc)
		return rc;

	/* Multiple Message Enable: log2 of the power of two >= nvec. */
	while ((1 << log2) < nvec)
		log2++;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctl);
	ctl = (ctl & ~PCI_MSI_FLAGS_QSIZE) | log2 << 4 | PCI_MSI_FLAGS_ENABLE;
	pci_write_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, ctl);
	pci_intx(dev, 0);
	dev->msi_enabled = 1;
	dev->irq = fn->vec[0];
	return nvec;
}

int pci_enable_msi(struct pci_dev *dev)
{
	int rc = msi_range(dev, 1, 1, NULL);

	return rc < 0 ? rc : 0;
}
EXPORT_SYMBOL(pci_enable_msi);

/* ---- the driver's entry points ---- */

int __kshim_pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
				  unsigned int max_vecs, unsigned int flags,
				  struct irq_affinity *affd,
				  const struct kshim_site *site)
{
	int nvecs = -ENOSPC;

	/* Affinity spreading is not modelled: all vectors are equal. */
	if (!(flags & PCI_IRQ_AFFINITY) && affd && first_time(&warned_affd))
		warn_at(site, NULL);

	if (flags & PCI_IRQ_MSIX) {
		nvecs = msix_range(dev, NULL, min_vecs, max_vecs, flags, site);
		if (nvecs > 0)
			return nvecs;
	}
	if (flags & PCI_IRQ_MSI) {
		nvecs = msi_range(dev, min_vecs, max_vecs, site);
		if (nvecs > 0)
			return nvecs;
	}
	if ((flags & PCI_IRQ_LEGACY) && min_vecs == 1 && dev->irq) {
		pci_intx(dev, 1);
		return 1;
	}
	return nvecs;
}

#undef pci_alloc_irq_vectors_affinity
int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs,
				   unsigned int max_vecs, unsigned int flags,
				   struct irq_affinity *affd)
{
	return __kshim_pci_alloc_irq_vectors(dev, min_vecs, max_vecs, flags,
					     affd, NULL);
}
EXPORT_SYMBOL(pci_alloc_irq_vectors_affinity);

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	struct kshim_pci_function *fn = dev->kshim_fn;

	if (!pci_dev_msi_enabled(dev))	/* INTx: vector 0 only */
		return nr ? -EINVAL : (int)dev->irq;
	if (nr >= fn->nvec || !fn->vec[nr])
		return -EINVAL;
	return fn->vec[nr];
}
EXPORT_SYMBOL(pci_irq_vector);

/* ---- the function's side ---- */

int kshim_pci_raise_irq(struct pci_dev *pdev, unsigned int n)
{
	struct kshim_pci_function *fn = pdev->kshim_fn;
	unsigned int irq = 0;
	bool can = false;
	u32 cmd;

	if (!fn || fn->gone)
		return -ENODEV;
	pthread_mutex_lock(&kshim_pci_cfg_lock);
	cmd = kshim_pci_cfg_get(fn, PCI_COMMAND, 2);
	if (pdev->msix_enabled) {
		u32 ctl = kshim_pci_cfg_get(fn, pdev->msix_cap +
					    PCI_MSIX_FLAGS, 2);

		if (n < fn->nvec)
			irq = fn->vec[n];
		can = (ctl & PCI_MSIX_FLAGS_ENABLE) &&
		      !(ctl & PCI_MSIX_FLAGS_MASKALL) &&
		      (cmd & PCI_COMMAND_MASTER);
	} else if (pdev->msi_enabled) {
		u32 ctl = kshim_pci_cfg_get(fn, pdev->msi_cap +
					    PCI_MSI_FLAGS, 2);
		u32 mask = kshim_pci_cfg_get(fn, pdev->msi_cap +
					     PCI_MSI_MASK_64, 4);

		if (n < fn->nvec)
			irq = fn->vec[n];
		can = (ctl & PCI_MSI_FLAGS_ENABLE) && n < 32 &&
		      !(mask & (1u << n)) && (cmd & PCI_COMMAND_MASTER);
	} else if (n == 0) {
		irq = fn->intx_irq;
		can = !(cmd & PCI_COMMAND_INTX_DISABLE);
	}
	pthread_mutex_unlock(&kshim_pci_cfg_lock);
	if (!irq)
		return -EINVAL;
	if (!can)
		return -EIO;
	return kshim_raise_irq(irq);
}
