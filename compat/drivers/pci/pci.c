// SPDX-License-Identifier: GPL-2.0
/*
 * compat/drivers/pci/pci.c - enabling a function, bus mastering, BAR
 * regions and capabilities, with the behaviour and messages of
 * drivers/pci/pci.c (and setup-res.c's pci_enable_resources()) of 6.1:
 *  - pci_enable_device(_mem/_io)() count: the first turns memory (and
 *    I/O) decoding on in PCI_COMMAND ("enabling device (%04x -> %04x)")
 *    and clears INTX_DISABLE when the function has a pin and no MSI is
 *    on; later ones only count.  pci_disable_device() undoes one; the
 *    last clears bus mastering and is_busmaster.  One disable too many
 *    is the kernel's dev_WARN_ONCE "disabling already-disabled device"
 *    (once per boot, at the driver's line);
 *  - pci_set_master()/pci_clear_master() set or clear PCI_COMMAND_MASTER
 *    ("enabling/disabling bus mastering" at debug level) and
 *    is_busmaster; pci_intx() flips PCI_COMMAND_INTX_DISABLE (recording
 *    the old state for a managed device);
 *  - pci_request_region(s)() claim a BAR's range in iomem_resource; a
 *    range already claimed fails with "BAR %d: can't reserve %pR" and
 *    -EBUSY, releasing what the call had claimed; an empty BAR is
 *    skipped; pci_release_region(s)() give them back;
 *  - pci_find_capability()/pci_find_next_capability() walk the list in
 *    configuration space (at most 48 steps, as the kernel).
 */
#include <linux/pci.h>
#include <linux/export.h>
#include <linux/sprintf.h>
#include <asm/bug.h>

#include "pci.h"

#define CAP_WALK_LIMIT	48	/* capabilities fit 192 bytes, 4 each */

/* ---- %pR of a memory or I/O resource ---- */

const char *kshim_pci_res_str(const struct resource *res, char *buf,
			      size_t len)
{
	bool io = res->flags & IORESOURCE_IO;
	int w = io ? 6 : 10;	/* the kernel's *_RSRC_PRINTK_SIZE */
	int n;

	n = scnprintf(buf, len, "[%s %#0*llx", io ? "io " : "mem", w,
		      (unsigned long long)res->start);
	if (res->end != res->start)
		n += scnprintf(buf + n, len - n, "-%#0*llx", w,
			       (unsigned long long)res->end);
	scnprintf(buf + n, len - n, "%s%s]",
		  res->flags & IORESOURCE_MEM_64 ? " 64bit" : "",
		  res->flags & IORESOURCE_PREFETCH ? " pref" : "");
	return buf;
}

/* ---- command register ---- */

static u16 command(struct pci_dev *dev)
{
	u16 cmd = 0;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	return cmd;
}

/* Turn decoding on for the BARs whose flags are in @types. */
static int enable_function(struct pci_dev *dev, unsigned long types)
{
	u16 old = command(dev), cmd = old;
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		unsigned long f = dev->resource[i].flags & types;

		if (f & IORESOURCE_MEM)
			cmd |= PCI_COMMAND_MEMORY;
		if (f & IORESOURCE_IO)
			cmd |= PCI_COMMAND_IO;
	}
	if (cmd != old) {
		pci_info(dev, "enabling device (%04x -> %04x)\n", old, cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	if (!dev->msi_enabled && !dev->msix_enabled && dev->pin &&
	    (cmd & PCI_COMMAND_INTX_DISABLE))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~PCI_COMMAND_INTX_DISABLE);
	return 0;
}

static int enable_counted(struct pci_dev *dev, unsigned long types)
{
	int err;

	if (atomic_inc_return(&dev->enable_cnt) > 1)
		return 0;
	err = enable_function(dev, types);
	if (err)
		atomic_dec(&dev->enable_cnt);
	return err;
}

int pci_enable_device(struct pci_dev *dev)
{
	return enable_counted(dev, IORESOURCE_MEM | IORESOURCE_IO);
}
EXPORT_SYMBOL(pci_enable_device);

int pci_enable_device_mem(struct pci_dev *dev)
{
	return enable_counted(dev, IORESOURCE_MEM);
}
EXPORT_SYMBOL(pci_enable_device_mem);

int pci_enable_device_io(struct pci_dev *dev)
{
	return enable_counted(dev, IORESOURCE_IO);
}
EXPORT_SYMBOL(pci_enable_device_io);

static bool warned_disabled;	/* dev_WARN_ONCE(): once per boot */

void __kshim_pci_disable_device(struct pci_dev *dev,
				const struct kshim_site *site)
{
	struct kshim_pcim_state *st = kshim_pcim_find(dev);
	u16 cmd;

	if (st)
		st->enabled = false;

	if (atomic_read(&dev->enable_cnt) <= 0 &&
	    !__atomic_exchange_n(&warned_disabled, true, __ATOMIC_RELAXED))
		__kshim_warn(kshim_site_file(site), kshim_site_line(site),
			     kshim_site_func(site), site ? site->mod : NULL,
			     TAINT_WARN, "%s %s: disabling already-disabled device",
			     dev_driver_string(&dev->dev), pci_name(dev));

	if (atomic_dec_return(&dev->enable_cnt) != 0)
		return;
	cmd = command(dev);
	if (cmd & PCI_COMMAND_MASTER)
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}

#undef pci_disable_device
void pci_disable_device(struct pci_dev *dev)
{
	__kshim_pci_disable_device(dev, NULL);
}
EXPORT_SYMBOL(pci_disable_device);

static void set_master(struct pci_dev *dev, bool on)
{
	u16 old = command(dev);
	u16 cmd = on ? old | PCI_COMMAND_MASTER : old & ~PCI_COMMAND_MASTER;

	if (cmd != old) {
		pci_dbg(dev, "%s bus mastering\n",
			on ? "enabling" : "disabling");
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	dev->is_busmaster = on;
}

void pci_set_master(struct pci_dev *dev)
{
	set_master(dev, true);
}
EXPORT_SYMBOL(pci_set_master);

void pci_clear_master(struct pci_dev *dev)
{
	set_master(dev, false);
}
EXPORT_SYMBOL(pci_clear_master);

void pci_intx(struct pci_dev *dev, int enable)
{
	u16 old = command(dev), cmd;

	cmd = enable ? old & ~PCI_COMMAND_INTX_DISABLE :
		       old | PCI_COMMAND_INTX_DISABLE;
	if (cmd == old)
		return;
	pci_write_config_word(dev, PCI_COMMAND, cmd);
	if (pci_is_managed(dev)) {
		struct kshim_pcim_state *st = kshim_pcim_find(dev);

		if (st && !st->intx_saved) {
			st->intx_saved = true;
			st->intx_orig = !enable;
		}
	}
}
EXPORT_SYMBOL_GPL(pci_intx);

/* Memory-write-and-invalidate: the bit, with the cache line size set. */
int pci_set_mwi(struct pci_dev *dev)
{
	u16 cmd = command(dev);

	pci_write_config_byte(dev, PCI_CACHE_LINE_SIZE, 64 / 4);
	if (!(cmd & PCI_COMMAND_INVALIDATE)) {
		pci_dbg(dev, "enabling Mem-Wr-Inval\n");
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd | PCI_COMMAND_INVALIDATE);
	}
	return 0;
}
EXPORT_SYMBOL(pci_set_mwi);

int pci_try_set_mwi(struct pci_dev *dev)
{
	return pci_set_mwi(dev);
}
EXPORT_SYMBOL(pci_try_set_mwi);

void pci_clear_mwi(struct pci_dev *dev)
{
	u16 cmd = command(dev);

	if (cmd & PCI_COMMAND_INVALIDATE)
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~PCI_COMMAND_INVALIDATE);
}
EXPORT_SYMBOL(pci_clear_mwi);

/* kshim's functions stay in D0: only D0 is accepted. */
int pci_set_power_state(struct pci_dev *dev, pci_power_t state)
{
	if (state == PCI_D0)
		return 0;
	return -EIO;
}
EXPORT_SYMBOL(pci_set_power_state);

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	int n, mask = 0;

	for (n = PCI_NUM_RESOURCES - 1; n >= 0; n--)
		mask = mask << 1 | !!(dev->resource[n].flags & flags);
	return mask;
}
EXPORT_SYMBOL(pci_select_bars);

/* ---- regions ---- */

void pci_release_region(struct pci_dev *pdev, int bar)
{
	struct kshim_pcim_state *st;
	unsigned long flags = pci_resource_flags(pdev, bar);

	if (!pci_resource_len(pdev, bar))
		return;
	if (flags & IORESOURCE_IO)
		release_region(pci_resource_start(pdev, bar),
			       pci_resource_len(pdev, bar));
	else if (flags & IORESOURCE_MEM)
		release_mem_region(pci_resource_start(pdev, bar),
				   pci_resource_len(pdev, bar));
	st = kshim_pcim_find(pdev);
	if (st)
		st->regions &= ~(1u << bar);
}
EXPORT_SYMBOL(pci_release_region);

static int claim_region(struct pci_dev *pdev, int bar, const char *name,
			int excl)
{
	resource_size_t start = pci_resource_start(pdev, bar);
	resource_size_t len = pci_resource_len(pdev, bar);
	unsigned long flags = pci_resource_flags(pdev, bar);
	struct kshim_pcim_state *st;
	struct resource *got = (void *)1;
	char buf[64];

	if (!len)
		return 0;
	if (flags & IORESOURCE_IO)
		got = request_region(start, len, name);
	else if (flags & IORESOURCE_MEM)
		got = __request_region(&iomem_resource, start, len, name,
				       excl);
	if (!got) {
		pci_warn(pdev, "BAR %d: can't reserve %s\n", bar,
			 kshim_pci_res_str(&pdev->resource[bar], buf,
					   sizeof(buf)));
		return -EBUSY;
	}
	st = kshim_pcim_find(pdev);
	if (st)
		st->regions |= 1u << bar;
	return 0;
}

int pci_request_region(struct pci_dev *pdev, int bar, const char *res_name)
{
	return claim_region(pdev, bar, res_name, 0);
}
EXPORT_SYMBOL(pci_request_region);

void pci_release_selected_regions(struct pci_dev *pdev, int bars)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++)
		if (bars & (1 << bar))
			pci_release_region(pdev, bar);
}
EXPORT_SYMBOL(pci_release_selected_regions);

/* All of @bars or none. */
static int claim_selected(struct pci_dev *pdev, int bars, const char *name,
			  int excl)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!(bars & (1 << bar)))
			continue;
		if (claim_region(pdev, bar, name, excl)) {
			pci_release_selected_regions(pdev,
						     bars & ((1 << bar) - 1));
			return -EBUSY;
		}
	}
	return 0;
}

int pci_request_selected_regions(struct pci_dev *pdev, int bars,
				 const char *res_name)
{
	return claim_selected(pdev, bars, res_name, 0);
}
EXPORT_SYMBOL(pci_request_selected_regions);

int pci_request_selected_regions_exclusive(struct pci_dev *pdev, int bars,
					   const char *res_name)
{
	return claim_selected(pdev, bars, res_name, IORESOURCE_EXCLUSIVE);
}
EXPORT_SYMBOL(pci_request_selected_regions_exclusive);

#define ALL_BARS	((1 << PCI_STD_NUM_BARS) - 1)

int pci_request_regions(struct pci_dev *pdev, const char *res_name)
{
	return claim_selected(pdev, ALL_BARS, res_name, 0);
}
EXPORT_SYMBOL(pci_request_regions);

int pci_request_regions_exclusive(struct pci_dev *pdev, const char *res_name)
{
	return claim_selected(pdev, ALL_BARS, res_name, IORESOURCE_EXCLUSIVE);
}
EXPORT_SYMBOL(pci_request_regions_exclusive);

void pci_release_regions(struct pci_dev *pdev)
{
	pci_release_selected_regions(pdev, ALL_BARS);
}
EXPORT_SYMBOL(pci_release_regions);

/* ---- capabilities ---- */

/* From the pointer at @ptr on, the first capability @cap, or 0. */
static u8 walk_from(struct pci_dev *dev, int ptr, int cap)
{
	int steps;
	u8 at;

	if (pci_read_config_byte(dev, ptr, &at))
		return 0;
	for (steps = 0; steps < CAP_WALK_LIMIT; steps++) {
		u16 hdr;

		at &= ~3;
		if (at < PCI_STD_HEADER_SIZEOF)
			break;
		if (pci_read_config_word(dev, at, &hdr))
			break;
		if ((hdr & 0xff) == 0xff)
			break;
		if ((hdr & 0xff) == cap)
			return at;
		at = hdr >> 8;
	}
	return 0;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	return walk_from(dev, PCI_CAPABILITY_LIST, cap);
}
EXPORT_SYMBOL(pci_find_capability);

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	return walk_from(dev, pos + PCI_CAP_LIST_NEXT, cap);
}
EXPORT_SYMBOL_GPL(pci_find_next_capability);

/* kshim's functions have no extended capabilities. */
u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	return 0;
}
EXPORT_SYMBOL_GPL(pci_find_ext_capability);
