// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/access.c - configuration cycles, with the results of
 * drivers/pci/access.c of 6.1 over x86's MMCONFIG accessors:
 *  - pci_read/write_config_byte/word/dword() return PCIBIOS_SUCCESSFUL;
 *    a word at an odd offset or a dword not 4-aligned is refused with
 *    PCIBIOS_BAD_REGISTER_NUMBER (the value is left alone); an offset
 *    outside the 4 KiB space is x86's -EINVAL with the value all ones;
 *  - once the function is unplugged (kshim_pci_device_unplug()), reads
 *    return all ones and PCIBIOS_DEVICE_NOT_FOUND, writes are dropped
 *    with PCIBIOS_DEVICE_NOT_FOUND (pci_dev_is_disconnected());
 *  - a write changes only the bits the function lets software change
 *    (kshim_pci_function.wmask); e.g. a BAR keeps its size bits at zero,
 *    which is how BAR sizing reads the size back.
 * The values are little-endian in the space, as on the bus.
 */
#include <linux/pci.h>
#include <linux/export.h>

#include "pci.h"

pthread_mutex_t kshim_pci_cfg_lock = PTHREAD_MUTEX_INITIALIZER;

u32 kshim_pci_cfg_get(struct kshim_pci_function *fn, int where, int size)
{
	u32 v = 0;
	int i;

	for (i = size - 1; i >= 0; i--)
		v = (v << 8) | fn->cfg[where + i];
	return v;
}

/*
 * Store @val through the write mask; the bus-master bit is mirrored in
 * is_busmaster, which the device-side DMA checks (the kernel keeps that
 * flag only as software's record; kshim makes it the hardware's).
 */
void kshim_pci_cfg_put(struct pci_dev *dev, int where, int size, u32 val)
{
	struct kshim_pci_function *fn = dev->kshim_fn;
	int i;

	for (i = 0; i < size; i++, val >>= 8) {
		u8 m = fn->wmask[where + i];

		fn->cfg[where + i] = (fn->cfg[where + i] & ~m) | (val & m);
	}
	if (where <= PCI_COMMAND && where + size > PCI_COMMAND)
		dev->is_busmaster =
			!!(fn->cfg[PCI_COMMAND] & PCI_COMMAND_MASTER);
}

static bool misaligned(int where, int size)
{
	return where & (size - 1);
}

int kshim_pci_cfg_read(const struct pci_dev *dev, int where, int size,
		       u32 *val)
{
	struct kshim_pci_function *fn = dev->kshim_fn;

	if (pci_channel_offline((struct pci_dev *)dev) || !fn || fn->gone) {
		*val = ~0u;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	if (misaligned(where, size))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (where < 0 || where + size > PCI_CFG_SPACE_EXP_SIZE) {
		*val = ~0u;
		return -EINVAL;
	}
	pthread_mutex_lock(&kshim_pci_cfg_lock);
	*val = kshim_pci_cfg_get(fn, where, size);
	pthread_mutex_unlock(&kshim_pci_cfg_lock);
	return PCIBIOS_SUCCESSFUL;
}

int kshim_pci_cfg_write(const struct pci_dev *dev, int where, int size,
			u32 val)
{
	struct kshim_pci_function *fn = dev->kshim_fn;

	if (pci_channel_offline((struct pci_dev *)dev) || !fn || fn->gone)
		return PCIBIOS_DEVICE_NOT_FOUND;
	if (misaligned(where, size))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (where < 0 || where + size > PCI_CFG_SPACE_EXP_SIZE)
		return -EINVAL;
	pthread_mutex_lock(&kshim_pci_cfg_lock);
	kshim_pci_cfg_put((struct pci_dev *)dev, where, size, val);
	pthread_mutex_unlock(&kshim_pci_cfg_lock);
	return PCIBIOS_SUCCESSFUL;
}

/* The value is written only on success or all-ones, never half. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	u32 v;
	int ret = kshim_pci_cfg_read(dev, where, 1, &v);

	if (ret != PCIBIOS_BAD_REGISTER_NUMBER)
		*val = v;
	return ret;
}
EXPORT_SYMBOL(pci_read_config_byte);

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	u32 v;
	int ret = kshim_pci_cfg_read(dev, where, 2, &v);

	if (ret != PCIBIOS_BAD_REGISTER_NUMBER)
		*val = v;
	return ret;
}
EXPORT_SYMBOL(pci_read_config_word);

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	u32 v;
	int ret = kshim_pci_cfg_read(dev, where, 4, &v);

	if (ret != PCIBIOS_BAD_REGISTER_NUMBER)
		*val = v;
	return ret;
}
EXPORT_SYMBOL(pci_read_config_dword);

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return kshim_pci_cfg_write(dev, where, 1, val);
}
EXPORT_SYMBOL(pci_write_config_byte);

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return kshim_pci_cfg_write(dev, where, 2, val);
}
EXPORT_SYMBOL(pci_write_config_word);

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return kshim_pci_cfg_write(dev, where, 4, val);
}
EXPORT_SYMBOL(pci_write_config_dword);
