/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat/drivers/pci/pci.h - what the PCI files share (the kernel's is
 * drivers/pci/pci.h): the simulated function behind a struct pci_dev and
 * the helpers that reach into it.
 *
 * A function is its configuration space (4 KiB: the bytes and, per byte,
 * which bits software may change; everything else reads as built at
 * kshim_pci_device_add()), the MMIO regions its BARs decode, its INTx
 * line and the vectors of its MSI or MSI-X capability while enabled.
 * cfg_lock serialises configuration cycles, as the kernel's pci_lock.
 */
#ifndef _KSHIM_DRIVERS_PCI_H
#define _KSHIM_DRIVERS_PCI_H

#include <pthread.h>

#include <linux/pci.h>
#include <kshim/site.h>

struct kshim_mmio_region;

/* Where the capabilities of a simulated function live. */
#define KSHIM_PCI_CAP_PM	0x40
#define KSHIM_PCI_CAP_MSI	0x50
#define KSHIM_PCI_CAP_MSIX	0x70
#define KSHIM_PCI_CAP_EXP	0x80

/* First lines handed out for INTx and for message interrupts. */
#define KSHIM_PCI_INTX_BASE	16
#define KSHIM_PCI_MSI_BASE	32

struct kshim_pci_function {
	u8	cfg[PCI_CFG_SPACE_EXP_SIZE];
	u8	wmask[PCI_CFG_SPACE_EXP_SIZE];	/* software-writable bits */
	struct kshim_mmio_region *region[PCI_STD_NUM_BARS];
	unsigned int	slot;
	bool		gone;		/* unplugged: reads are all ones */
	unsigned int	intx_irq;	/* 0: no INTA# */
	unsigned int	msi_max;	/* vectors the MSI capability offers */
	unsigned int	msix_size;	/* MSI-X table entries */
	/* enabled vectors: MSI (index = vector) or MSI-X (index = entry) */
	unsigned int	*vec;		/* line per index, 0: none */
	unsigned int	nvec;		/* entries of vec[] */
	unsigned int	nused;		/* how many of them have a line */
	const struct kshim_site *vec_site;	/* who enabled them */
	bool		msi_data;	/* the MSI devres is installed */
	const struct kshim_site *add_site;
};

extern pthread_mutex_t kshim_pci_cfg_lock;

/* The function's own view, without the accessor's checks (cfg_lock not
 * held by the caller). */
u32 kshim_pci_cfg_get(struct kshim_pci_function *fn, int where, int size);
void kshim_pci_cfg_put(struct pci_dev *dev, int where, int size, u32 val);

/* access.c: a configuration cycle from the driver's side. */
int kshim_pci_cfg_read(const struct pci_dev *dev, int where, int size,
		       u32 *val);
int kshim_pci_cfg_write(const struct pci_dev *dev, int where, int size,
			u32 val);

/* devres.c: what a managed (pcim_enable_device()) function undoes when
 * its driver goes; NULL for an unmanaged one. */
struct kshim_pcim_state {
	bool	enabled;	/* disable it at release ... */
	bool	pinned;		/* ... unless pcim_pin_device() */
	bool	intx_saved;	/* pci_intx() changed it: put back ... */
	bool	intx_orig;	/* ... this (true: INTx on) */
	bool	mwi;
	u32	regions;	/* BARs requested, by bit */
};
struct kshim_pcim_state *kshim_pcim_find(struct pci_dev *pdev);
struct kshim_pcim_state *kshim_pcim_get(struct pci_dev *pdev);

/* msi.c: tear the vectors down; the device is going (no WARNs). */
void kshim_pci_msi_teardown(struct pci_dev *dev);

/* pci.c: the resource string of %pR ("[mem 0x...-0x... 64bit pref]"). */
const char *kshim_pci_res_str(const struct resource *res, char *buf,
			      size_t len);

#endif /* _KSHIM_DRIVERS_PCI_H */
