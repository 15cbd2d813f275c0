/*
 * test_pci - PCI devices and drivers (compat/drivers/pci/, linux/pci.h of
 * 6.1) on simulated functions (kshim/device.h, "PCI devices"): matching
 * rules, binding and hot-unplug, the enable count and the command
 * register, bus mastering, BAR regions and their conflicts, configuration
 * space (ids, write masks, BAR sizing, the capability list, the
 * accessors' error codes), interrupt vectors (MSI-X, MSI, INTx per flags,
 * pci_irq_vector(), the function signalling them), the managed pcim_*()
 * resources and the order they are released in, and the kernel's
 * messages and WARNs for misuse at the test's own lines.
 */
#include <string.h>

#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <kshim/device.h>
#include <kshim/irq.h>
#include <kshim/report.h>
#include <kshim/test.h>

#include "common/expect_bug.h"

#define VID	0x1af4		/* PCI_VENDOR_ID_REDHAT_QUMRANET */
#define DID	0x10f0

/* ---- a function and the regions behind its BARs ---- */

struct fixture {
	struct kshim_mmio_region *bar0;	/* 4 KiB, 32-bit */
	struct kshim_mmio_region *bar2;	/* 16 KiB, 64-bit prefetchable */
	struct kshim_pci_config cfg;
};

static void fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	f->bar0 = kshim_mmio_create(4096, NULL, NULL);
	f->bar2 = kshim_mmio_create(16384, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f->bar0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f->bar2);
	f->cfg.vendor = VID;
	f->cfg.device = DID;
	f->cfg.subsystem_vendor = 0x1af4;
	f->cfg.subsystem_device = 0x0001;
	f->cfg.class = PCI_CLASS_NETWORK_ETHERNET << 8;
	f->cfg.revision = 3;
	f->cfg.bar[0].region = f->bar0;
	f->cfg.bar[2].region = f->bar2;
	f->cfg.bar[2].flags = KSHIM_PCI_BAR_64 | KSHIM_PCI_BAR_PREFETCH;
	f->cfg.intx = true;
	f->cfg.msi_vectors = 4;
	f->cfg.msix_vectors = 8;
	f->cfg.msix_bar = 2;
	f->cfg.msix_table_offset = 0x2000;
	f->cfg.msix_pba_offset = 0x3000;
}

static struct pci_dev *fixture_add(struct fixture *f)
{
	struct pci_dev *pdev = kshim_pci_device_add(&f->cfg);

	CU_ASSERT_FATAL(!IS_ERR(pdev));
	return pdev;
}

static void fixture_fini(struct fixture *f)
{
	kshim_mmio_destroy(f->bar0);
	kshim_mmio_destroy(f->bar2);
}

/* ---- a driver that records what the bus did to it ---- */

static struct {
	int probes, removes;
	struct pci_dev *pdev;
	const struct pci_device_id *id;
	int probe_ret;
	/* seen by remove() */
	bool offline_in_remove;
	u16 vendor_read_in_remove;
	int read_ret_in_remove;
} seen;

static int rec_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	seen.probes++;
	seen.pdev = pdev;
	seen.id = id;
	CU_ASSERT_PTR_EQUAL(pdev->driver, pci_dev_driver(pdev));
	return seen.probe_ret;
}

static void rec_remove(struct pci_dev *pdev)
{
	seen.removes++;
	seen.offline_in_remove = pci_channel_offline(pdev);
	seen.read_ret_in_remove = pci_read_config_word(pdev, PCI_VENDOR_ID,
						       &seen.vendor_read_in_remove);
}

static const struct pci_device_id rec_ids[] = {
	{ PCI_DEVICE(VID, 0x1000), .driver_data = 1 },
	{ PCI_DEVICE_SUB(VID, DID, 0x1af4, 0x0002), .driver_data = 2 },
	{ PCI_DEVICE(VID, DID), .driver_data = 3 },
	{ 0, }
};

static struct pci_driver rec_driver = {
	.name = "recdrv",
	.id_table = rec_ids,
	.probe = rec_probe,
	.remove = rec_remove,
};

static void reset_seen(void)
{
	memset(&seen, 0, sizeof(seen));
}

/* ==== matching and binding ==== */

/* The first entry that fits wins: the subsystem-specific one needs its
 * subsystem ids, so the generic entry after it is taken. */
static void test_match_by_ids_first_fit(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	reset_seen();
	fixture_init(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&rec_driver), 0);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(seen.probes, 1);
	CU_ASSERT_PTR_EQUAL(seen.pdev, pdev);
	CU_ASSERT_PTR_EQUAL(seen.id, &rec_ids[2]);
	CU_ASSERT_EQUAL(seen.id->driver_data, 3);
	CU_ASSERT_PTR_EQUAL(pdev->driver, &rec_driver);
	CU_ASSERT_PTR_EQUAL(pdev->dev.driver, &rec_driver.driver);
	CU_ASSERT_STRING_EQUAL(pci_name(pdev), "0000:00:01.0");
	CU_ASSERT_EQUAL(pdev->devfn, PCI_DEVFN(1, 0));
	CU_ASSERT_TRUE(dev_is_pci(&pdev->dev));
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 1);

	/* With subsystem 1af4:0002, the entry before it fits first. */
	reset_seen();
	f.cfg.subsystem_device = 0x0002;
	pdev = fixture_add(&f);
	CU_ASSERT_PTR_EQUAL(seen.id, &rec_ids[1]);
	kshim_pci_device_remove(pdev);

	/* Another device id: no entry, no probe. */
	reset_seen();
	f.cfg.device = 0x2000;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(seen.probes, 0);
	CU_ASSERT_PTR_NULL(pdev->driver);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 0);

	pci_unregister_driver(&rec_driver);
	fixture_fini(&f);
}

/* A device present before its driver binds at pci_register_driver();
 * pci_unregister_driver() runs remove(). */
static void test_driver_after_device(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	reset_seen();
	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(seen.probes, 0);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&rec_driver), 0);
	CU_ASSERT_EQUAL(seen.probes, 1);
	CU_ASSERT_PTR_EQUAL(pdev->driver, &rec_driver);
	pci_unregister_driver(&rec_driver);
	CU_ASSERT_EQUAL(seen.removes, 1);
	CU_ASSERT_PTR_NULL(pdev->driver);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 1);
	fixture_fini(&f);
}

static int class_probes;

static int class_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	class_probes++;
	return 0;
}

static const struct pci_device_id class_ids[] = {
	{ PCI_DEVICE_CLASS(PCI_CLASS_NETWORK_ETHERNET << 8, 0xffff00) },
	{ 0, }
};

static struct pci_driver class_driver = {
	.name = "classdrv",
	.id_table = class_ids,
	.probe = class_probe,
};

/* PCI_DEVICE_CLASS(): any vendor, the class compared under the mask. */
static void test_match_by_class(void)
{
	struct fixture f;
	struct pci_dev *a, *b;

	class_probes = 0;
	fixture_init(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&class_driver), 0);
	f.cfg.vendor = 0x8086;
	f.cfg.class = PCI_CLASS_NETWORK_ETHERNET << 8 | 0x01; /* prog-if */
	a = fixture_add(&f);
	CU_ASSERT_EQUAL(class_probes, 1);
	kshim_pci_device_remove(a);
	f.cfg.class = PCI_CLASS_NETWORK_TOKEN_RING << 8;
	b = fixture_add(&f);
	CU_ASSERT_EQUAL(class_probes, 1);
	CU_ASSERT_PTR_NULL(b->driver);
	kshim_pci_device_remove(b);
	pci_unregister_driver(&class_driver);
	fixture_fini(&f);
}

/* pci_match_id(): PCI_ANY_ID fields, and the table ends only at an entry
 * with vendor, subvendor and class_mask all zero. */
static void test_pci_match_id_rules(void)
{
	static const struct pci_device_id ids[] = {
		{ .vendor = 0, .device = PCI_ANY_ID, .subvendor = PCI_ANY_ID,
		  .subdevice = PCI_ANY_ID, .class = 0x020000,
		  .class_mask = 0xff0000 },	/* not the end: class_mask */
		{ 0, },
		{ PCI_DEVICE(VID, DID) },	/* beyond the end */
	};
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_PTR_NULL(pci_match_id(ids, pdev));	/* vendor 0 != VID */
	CU_ASSERT_PTR_EQUAL(pci_match_id(&ids[2], pdev), &ids[2]);
	CU_ASSERT_PTR_EQUAL(pci_match_id(rec_ids, pdev), &rec_ids[2]);
	CU_ASSERT_PTR_NULL(pci_match_id(NULL, pdev));
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* A probe returning > 0 binds, with the kernel's warning; < 0 does not
 * bind, and remove() is then never called. */
static void test_probe_return_values(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	reset_seen();
	fixture_init(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&rec_driver), 0);
	seen.probe_ret = 1;
	pdev = fixture_add(&f);
	CU_ASSERT_PTR_EQUAL(pdev->driver, &rec_driver);
	CU_ASSERT_TRUE(kshim_dmesg_contains("recdrv 0000:00:01.0: Driver probe function unexpectedly returned 1\n"));
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 1);

	reset_seen();
	seen.probe_ret = -ENODEV;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(seen.probes, 1);
	CU_ASSERT_PTR_NULL(pdev->driver);
	CU_ASSERT_PTR_NULL(pdev->dev.driver);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 0);
	pci_unregister_driver(&rec_driver);
	fixture_fini(&f);
}

/* pci_get_device() walks the bus with references. */
static void test_get_device(void)
{
	struct fixture f;
	struct pci_dev *a, *b, *it;
	int n = 0;

	fixture_init(&f);
	a = fixture_add(&f);
	f.cfg.device = 0x2222;
	f.cfg.bar[0].region = NULL;
	f.cfg.bar[2].region = NULL;
	f.cfg.msix_vectors = 0;
	b = fixture_add(&f);
	CU_ASSERT_STRING_EQUAL(pci_name(b), "0000:00:02.0");
	it = pci_get_device(VID, 0x2222, NULL);
	CU_ASSERT_PTR_EQUAL(it, b);
	pci_dev_put(it);
	it = NULL;
	for_each_pci_dev(it)
		n++;
	CU_ASSERT_EQUAL(n, 2);
	it = pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(1, 0));
	CU_ASSERT_PTR_EQUAL(it, a);
	pci_dev_put(it);
	kshim_pci_device_remove(a);
	kshim_pci_device_remove(b);
	fixture_fini(&f);
}

/* ==== enable count, command register, bus mastering ==== */

static void test_enable_counts_and_command(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u16 cmd;

	fixture_init(&f);
	pdev = fixture_add(&f);
	/* INTx starts disabled here, to see enable turn it on. */
	pci_write_config_word(pdev, PCI_COMMAND, PCI_COMMAND_INTX_DISABLE);
	CU_ASSERT_FALSE(pci_is_enabled(pdev));
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci 0000:00:01.0: enabling device (0400 -> 0402)\n"));
	CU_ASSERT_EQUAL(kshim_pci_config_peek(pdev, PCI_COMMAND, 2),
			PCI_COMMAND_MEMORY);
	kshim_dmesg_clear();
	CU_ASSERT_EQUAL(pci_enable_device_mem(pdev), 0);
	CU_ASSERT_FALSE(kshim_dmesg_contains("enabling device"));
	CU_ASSERT_EQUAL(atomic_read(&pdev->enable_cnt), 2);

	pci_set_master(pdev);
	CU_ASSERT_TRUE(pdev->is_busmaster);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	CU_ASSERT_EQUAL(cmd, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);

	pci_disable_device(pdev);	/* one of two: nothing changes */
	CU_ASSERT_TRUE(pci_is_enabled(pdev));
	CU_ASSERT_TRUE(pdev->is_busmaster);
	pci_disable_device(pdev);	/* the last: bus mastering off */
	CU_ASSERT_FALSE(pci_is_enabled(pdev));
	CU_ASSERT_FALSE(pdev->is_busmaster);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	CU_ASSERT_EQUAL(cmd, PCI_COMMAND_MEMORY);	/* decoding stays */
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* pci_clear_master(), and a driver writing PCI_COMMAND itself: the
 * function's bus-master bit is what is_busmaster says. */
static void test_bus_master_bit(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u16 cmd;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	pci_set_master(pdev);
	pci_clear_master(pdev);
	CU_ASSERT_FALSE(pdev->is_busmaster);
	CU_ASSERT_FALSE(kshim_pci_config_peek(pdev, PCI_COMMAND, 2) &
			PCI_COMMAND_MASTER);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	pci_write_config_word(pdev, PCI_COMMAND, cmd | PCI_COMMAND_MASTER);
	CU_ASSERT_TRUE(pdev->is_busmaster);
	pci_disable_device(pdev);
	CU_ASSERT_FALSE(pdev->is_busmaster);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* Negative: one disable too many is dev_WARN_ONCE() at the caller. */
static void test_disable_already_disabled_warns(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	const struct kshim_report *r;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	pci_disable_device(pdev);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "disable2");
	pci_disable_device(pdev); /* LINE:disable2 */
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "pci 0000:00:01.0: disabling already-disabled device"));
	/* Once per boot, as the kernel's WARN_ONCE. */
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* ==== BARs and regions ==== */

static void test_bar_resources(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_resource_start(pdev, 0), kshim_mmio_phys(f.bar0));
	CU_ASSERT_EQUAL(pci_resource_len(pdev, 0), 4096);
	CU_ASSERT_EQUAL(pci_resource_flags(pdev, 0) &
			(IORESOURCE_MEM | IORESOURCE_MEM_64 |
			 IORESOURCE_PREFETCH), IORESOURCE_MEM);
	CU_ASSERT_EQUAL(pci_resource_start(pdev, 2), kshim_mmio_phys(f.bar2));
	CU_ASSERT_EQUAL(pci_resource_len(pdev, 2), 16384);
	CU_ASSERT_EQUAL(pci_resource_flags(pdev, 2) &
			(IORESOURCE_MEM | IORESOURCE_MEM_64 |
			 IORESOURCE_PREFETCH),
			IORESOURCE_MEM | IORESOURCE_MEM_64 | IORESOURCE_PREFETCH);
	CU_ASSERT_EQUAL(pci_resource_len(pdev, 1), 0);
	CU_ASSERT_EQUAL(pci_resource_len(pdev, 3), 0);
	CU_ASSERT_EQUAL(pci_select_bars(pdev, IORESOURCE_MEM), 0x5);
	/* The BARs are claimed in the resource tree by the bus. */
	CU_ASSERT_PTR_EQUAL(pdev->resource[0].parent, &iomem_resource);
	pci_dev_get(pdev);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_PTR_NULL(pdev->resource[0].parent);
	pci_dev_put(pdev);
	fixture_fini(&f);
}

static void test_request_release_regions(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct resource *r;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_request_regions(pdev, "mydrv"), 0);
	/* Taken: nobody else gets the range. */
	CU_ASSERT_PTR_NULL(request_mem_region(pci_resource_start(pdev, 2), 16,
					      "other"));
	pci_release_regions(pdev);
	r = request_mem_region(pci_resource_start(pdev, 2), 16, "other");
	CU_ASSERT_PTR_NOT_NULL(r);
	if (r)
		release_mem_region(pci_resource_start(pdev, 2), 16);
	/* One BAR, and an empty BAR is no error. */
	CU_ASSERT_EQUAL(pci_request_region(pdev, 0, "mydrv"), 0);
	CU_ASSERT_EQUAL(pci_request_region(pdev, 1, "mydrv"), 0);
	pci_release_region(pdev, 0);
	pci_release_region(pdev, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* Negative: a BAR claimed by someone else: -EBUSY, the kernel's message,
 * and the BARs the call had claimed are given back. */
static void test_request_regions_conflict(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct resource *other, *r;
	char want[160];
	u64 s2;

	fixture_init(&f);
	pdev = fixture_add(&f);
	s2 = pci_resource_start(pdev, 2);
	other = request_mem_region(s2 + 0x100, 0x10, "other");
	CU_ASSERT_PTR_NOT_NULL_FATAL(other);
	CU_ASSERT_EQUAL(pci_request_regions(pdev, "mydrv"), -EBUSY);
	snprintf(want, sizeof(want),
		 "pci 0000:00:01.0: BAR 2: can't reserve [mem %#010llx-%#010llx 64bit pref]\n",
		 (unsigned long long)s2, (unsigned long long)(s2 + 16383));
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	/* BAR 0 was released again. */
	r = request_mem_region(pci_resource_start(pdev, 0), 4096, "probe");
	CU_ASSERT_PTR_NOT_NULL(r);
	if (r)
		release_mem_region(pci_resource_start(pdev, 0), 4096);
	release_mem_region(s2 + 0x100, 0x10);
	CU_ASSERT_EQUAL(pci_request_regions(pdev, "mydrv"), 0);
	pci_release_regions(pdev);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* Two functions decoding the same range: the second cannot claim it. */
static void test_add_bar_conflict(void)
{
	struct fixture f;
	struct pci_dev *a, *b;

	fixture_init(&f);
	a = fixture_add(&f);
	b = kshim_pci_device_add(&f.cfg);
	CU_ASSERT_EQUAL(PTR_ERR(b), -EBUSY);
	CU_ASSERT_TRUE(kshim_dmesg_contains(": address conflict with 0000:00:01.0 [mem "));
	kshim_pci_device_remove(a);
	/* Now it can, and gets the slot back. */
	b = fixture_add(&f);
	CU_ASSERT_STRING_EQUAL(pci_name(b), "0000:00:01.0");
	kshim_pci_device_remove(b);
	fixture_fini(&f);
}

/* Bad descriptions are refused. */
static void test_add_bad_config(void)
{
	struct fixture f;
	struct kshim_mmio_region *odd = kshim_mmio_create(3000, NULL, NULL);

	fixture_init(&f);
	f.cfg.bar[0].region = odd;
	CU_ASSERT_EQUAL(PTR_ERR(kshim_pci_device_add(&f.cfg)), -EINVAL);
	f.cfg.bar[0].region = f.bar0;
	f.cfg.msi_vectors = 3;
	CU_ASSERT_EQUAL(PTR_ERR(kshim_pci_device_add(&f.cfg)), -EINVAL);
	f.cfg.msi_vectors = 1;
	f.cfg.bar[3].region = f.bar0;	/* BAR 2 is 64-bit: 3 is its top */
	CU_ASSERT_EQUAL(PTR_ERR(kshim_pci_device_add(&f.cfg)), -EINVAL);
	kshim_mmio_destroy(odd);
	fixture_fini(&f);
}

/* pci_iomap() maps the BAR: the driver reads what the function holds. */
static void test_iomap(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	void __iomem *base, *part;
	u32 *mem;

	fixture_init(&f);
	pdev = fixture_add(&f);
	mem = kshim_mmio_mem(f.bar0);
	mem[0] = 0x12345678;
	mem[0x100 / 4] = 0xcafef00d;
	base = pci_iomap(pdev, 0, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	CU_ASSERT_EQUAL(readl(base), 0x12345678);
	writel(0xa5a5a5a5, base + 4);
	CU_ASSERT_EQUAL(mem[1], 0xa5a5a5a5);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar0), 1);
	part = pci_iomap_range(pdev, 0, 0x100, 0x10);
	CU_ASSERT_PTR_NOT_NULL_FATAL(part);
	CU_ASSERT_EQUAL(readl(part), 0xcafef00d);
	CU_ASSERT_PTR_NULL(pci_iomap_range(pdev, 0, 4096, 0));	/* at end */
	CU_ASSERT_PTR_NULL(pci_iomap(pdev, 1, 0));		/* empty BAR */
	pci_iounmap(pdev, part);
	pci_iounmap(pdev, base);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar0), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* ==== configuration space ==== */

static void test_config_header(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u32 d;
	u16 w;
	u8 b;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_read_config_word(pdev, PCI_VENDOR_ID, &w), 0);
	CU_ASSERT_EQUAL(w, VID);
	pci_read_config_dword(pdev, PCI_VENDOR_ID, &d);
	CU_ASSERT_EQUAL(d, (u32)DID << 16 | VID);
	pci_read_config_dword(pdev, PCI_CLASS_REVISION, &d);
	CU_ASSERT_EQUAL(d, (u32)PCI_CLASS_NETWORK_ETHERNET << 16 | 3);
	CU_ASSERT_EQUAL(pdev->class, PCI_CLASS_NETWORK_ETHERNET << 8);
	CU_ASSERT_EQUAL(pdev->revision, 3);
	pci_read_config_word(pdev, PCI_SUBSYSTEM_ID, &w);
	CU_ASSERT_EQUAL(w, 0x0001);
	pci_read_config_byte(pdev, PCI_HEADER_TYPE, &b);
	CU_ASSERT_EQUAL(b, PCI_HEADER_TYPE_NORMAL);
	pci_read_config_byte(pdev, PCI_INTERRUPT_PIN, &b);
	CU_ASSERT_EQUAL(b, 1);
	pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &b);
	CU_ASSERT_EQUAL(b, pdev->irq);
	CU_ASSERT_TRUE(pdev->irq >= 16);
	pci_read_config_word(pdev, PCI_STATUS, &w);
	CU_ASSERT_TRUE(w & PCI_STATUS_CAP_LIST);
	CU_ASSERT_EQUAL(pdev->cfg_size, 4096);
	CU_ASSERT_TRUE(pci_is_pcie(pdev));

	/* Read-only fields ignore writes; writable ones keep them. */
	CU_ASSERT_EQUAL(pci_write_config_word(pdev, PCI_VENDOR_ID, 0xdead), 0);
	pci_read_config_word(pdev, PCI_VENDOR_ID, &w);
	CU_ASSERT_EQUAL(w, VID);
	pci_write_config_byte(pdev, PCI_LATENCY_TIMER, 0x40);
	pci_read_config_byte(pdev, PCI_LATENCY_TIMER, &b);
	CU_ASSERT_EQUAL(b, 0x40);
	/* The extended space is there, and empty. */
	CU_ASSERT_EQUAL(pci_read_config_dword(pdev, 0x100, &d), 0);
	CU_ASSERT_EQUAL(d, 0);
	CU_ASSERT_EQUAL(pci_read_config_dword(pdev, 0xffc, &d), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* The accessors' error returns, as drivers/pci/access.c and x86. */
static void test_config_errors(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u32 d = 0x11111111;
	u16 w = 0x2222;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_read_config_word(pdev, 1, &w),
			PCIBIOS_BAD_REGISTER_NUMBER);
	CU_ASSERT_EQUAL(w, 0x2222);			/* untouched */
	CU_ASSERT_EQUAL(pci_read_config_dword(pdev, 2, &d),
			PCIBIOS_BAD_REGISTER_NUMBER);
	CU_ASSERT_EQUAL(d, 0x11111111);
	CU_ASSERT_EQUAL(pci_write_config_dword(pdev, 6, 0),
			PCIBIOS_BAD_REGISTER_NUMBER);
	CU_ASSERT_EQUAL(pci_read_config_dword(pdev, 4096, &d), -EINVAL);
	CU_ASSERT_EQUAL(d, 0xffffffff);
	CU_ASSERT_EQUAL(pcibios_err_to_errno(PCIBIOS_BAD_REGISTER_NUMBER),
			-EFAULT);
	CU_ASSERT_EQUAL(pcibios_err_to_errno(PCIBIOS_DEVICE_NOT_FOUND),
			-ENODEV);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* BAR sizing: write all ones, read back the size mask, restore. */
static void test_bar_sizing(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u32 orig, lo, hi, orig_hi;

	fixture_init(&f);
	pdev = fixture_add(&f);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0, &orig);
	CU_ASSERT_EQUAL(orig, (u32)kshim_mmio_phys(f.bar0));
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_0, ~0u);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0, &lo);
	CU_ASSERT_EQUAL(lo, ~(4096u - 1));
	CU_ASSERT_EQUAL((u32)~(lo & PCI_BASE_ADDRESS_MEM_MASK) + 1, 4096);
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_0, orig);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0, &lo);
	CU_ASSERT_EQUAL(lo, orig);

	/* The 64-bit prefetchable BAR: type bits stay, two dwords. */
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_2, &orig);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_3, &orig_hi);
	CU_ASSERT_EQUAL(orig & ~PCI_BASE_ADDRESS_MEM_MASK,
			PCI_BASE_ADDRESS_MEM_TYPE_64 |
			PCI_BASE_ADDRESS_MEM_PREFETCH);
	CU_ASSERT_EQUAL(((u64)orig_hi << 32 | (orig & PCI_BASE_ADDRESS_MEM_MASK)),
			kshim_mmio_phys(f.bar2));
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_2, ~0u);
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_3, ~0u);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_2, &lo);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_3, &hi);
	CU_ASSERT_EQUAL(lo, ~(16384u - 1) | PCI_BASE_ADDRESS_MEM_TYPE_64 |
			PCI_BASE_ADDRESS_MEM_PREFETCH);
	CU_ASSERT_EQUAL(hi, 0xffffffff);
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_2, orig);
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_3, orig_hi);
	/* An absent BAR reads 0 and stays 0. */
	pci_write_config_dword(pdev, PCI_BASE_ADDRESS_1, ~0u);
	pci_read_config_dword(pdev, PCI_BASE_ADDRESS_1, &lo);
	CU_ASSERT_EQUAL(lo, 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* The DMA masks: 32 bits at add (pci_setup_device()), dma_set_mask*()
 * work on the pci_dev's device and land in pdev->dma_mask. */
static void test_dma_masks(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_PTR_EQUAL(pdev->dev.dma_mask, &pdev->dma_mask);
	CU_ASSERT_EQUAL(pdev->dma_mask, DMA_BIT_MASK(32));
	CU_ASSERT_EQUAL(pdev->dev.coherent_dma_mask, DMA_BIT_MASK(32));
	CU_ASSERT_EQUAL(dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)),
			0);
	CU_ASSERT_EQUAL(pdev->dma_mask, DMA_BIT_MASK(64));
	CU_ASSERT_EQUAL(pdev->dev.coherent_dma_mask, DMA_BIT_MASK(64));
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

static void test_capabilities(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	u16 ctl;
	u8 msi, msix;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_NOT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_PM), 0);
	msi = pci_find_capability(pdev, PCI_CAP_ID_MSI);
	msix = pci_find_capability(pdev, PCI_CAP_ID_MSIX);
	CU_ASSERT_NOT_EQUAL(msi, 0);
	CU_ASSERT_NOT_EQUAL(msix, 0);
	CU_ASSERT_EQUAL(msi, pdev->msi_cap);
	CU_ASSERT_EQUAL(msix, pdev->msix_cap);
	CU_ASSERT_NOT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_EXP), 0);
	CU_ASSERT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_VNDR), 0);
	CU_ASSERT_EQUAL(pci_find_next_capability(pdev, msi, PCI_CAP_ID_MSI), 0);
	CU_ASSERT_EQUAL(pci_find_next_capability(pdev, msi, PCI_CAP_ID_MSIX),
			msix);
	CU_ASSERT_EQUAL(pci_msi_vec_count(pdev), 4);
	CU_ASSERT_EQUAL(pci_msix_vec_count(pdev), 8);
	pci_read_config_word(pdev, msi + PCI_MSI_FLAGS, &ctl);
	CU_ASSERT_TRUE(ctl & PCI_MSI_FLAGS_64BIT);
	CU_ASSERT_FALSE(ctl & PCI_MSI_FLAGS_ENABLE);
	CU_ASSERT_EQUAL(kshim_pci_config_peek(pdev, msix + PCI_MSIX_TABLE, 4),
			0x2000 | 2);
	kshim_pci_device_remove(pdev);

	/* No MSI, no MSI-X: the list skips them. */
	f.cfg.msi_vectors = 0;
	f.cfg.msix_vectors = 0;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_MSI), 0);
	CU_ASSERT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_MSIX), 0);
	CU_ASSERT_NOT_EQUAL(pci_find_capability(pdev, PCI_CAP_ID_EXP), 0);
	CU_ASSERT_EQUAL(pci_msi_vec_count(pdev), -EINVAL);
	CU_ASSERT_EQUAL(pci_msix_vec_count(pdev), -EINVAL);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* ==== interrupt vectors ==== */

struct irqdev {
	int count;
};

static irqreturn_t count_handler(int irq, void *dev_id)
{
	((struct irqdev *)dev_id)->count++;
	return IRQ_HANDLED;
}

/* MSI-X first when allowed; the vectors are lines the function raises. */
static void test_msix_preferred(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct irqdev d = { 0 };
	int n, irq, i;
	u16 ctl;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	pci_set_master(pdev);
	n = pci_alloc_irq_vectors(pdev, 1, 4, PCI_IRQ_ALL_TYPES);
	CU_ASSERT_EQUAL_FATAL(n, 4);
	CU_ASSERT_TRUE(pdev->msix_enabled);
	CU_ASSERT_FALSE(pdev->msi_enabled);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_TRUE(pci_irq_vector(pdev, i) >= 32);
		CU_ASSERT_NOT_EQUAL(pci_irq_vector(pdev, i), pdev->irq);
	}
	CU_ASSERT_NOT_EQUAL(pci_irq_vector(pdev, 0), pci_irq_vector(pdev, 1));
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 4), -EINVAL);
	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &ctl);
	CU_ASSERT_TRUE(ctl & PCI_MSIX_FLAGS_ENABLE);
	CU_ASSERT_FALSE(ctl & PCI_MSIX_FLAGS_MASKALL);
	CU_ASSERT_TRUE(kshim_pci_config_peek(pdev, PCI_COMMAND, 2) &
		       PCI_COMMAND_INTX_DISABLE);

	irq = pci_irq_vector(pdev, 2);
	CU_ASSERT_EQUAL_FATAL(request_irq(irq, count_handler, 0, "mydrv", &d),
			      0);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 2), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(irq), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	/* The function mask holds it back. */
	pci_write_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS,
			      ctl | PCI_MSIX_FLAGS_MASKALL);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 2), -EIO);
	pci_write_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, ctl);
	free_irq(irq, &d);

	pci_free_irq_vectors(pdev);
	CU_ASSERT_FALSE(pdev->msix_enabled);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 0), (int)pdev->irq);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 1), -EINVAL);
	CU_ASSERT_FALSE(kshim_pci_config_peek(pdev, PCI_COMMAND, 2) &
			PCI_COMMAND_INTX_DISABLE);
	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &ctl);
	CU_ASSERT_FALSE(ctl & PCI_MSIX_FLAGS_ENABLE);
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	fixture_fini(&f);
}

/* MSI when MSI-X is not allowed (or absent): as many as the function
 * has, dev->irq becomes the first vector; MSI needs bus mastering. */
static void test_msi_fallback(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct irqdev d = { 0 };
	unsigned int intx;
	int n;
	u16 ctl;

	fixture_init(&f);
	f.cfg.msix_vectors = 0;
	pdev = fixture_add(&f);
	intx = pdev->irq;
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	n = pci_alloc_irq_vectors(pdev, 2, 8, PCI_IRQ_MSIX | PCI_IRQ_MSI);
	CU_ASSERT_EQUAL_FATAL(n, 4);
	CU_ASSERT_TRUE(pdev->msi_enabled);
	CU_ASSERT_EQUAL(pdev->irq, (unsigned int)pci_irq_vector(pdev, 0));
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 3), pci_irq_vector(pdev, 0) + 3);
	pci_read_config_word(pdev, pdev->msi_cap + PCI_MSI_FLAGS, &ctl);
	CU_ASSERT_TRUE(ctl & PCI_MSI_FLAGS_ENABLE);
	CU_ASSERT_EQUAL((ctl & PCI_MSI_FLAGS_QSIZE) >> 4, 2);	/* 4 */

	CU_ASSERT_EQUAL_FATAL(request_irq(pdev->irq, count_handler, 0,
					  "mydrv", &d), 0);
	/* Bus mastering off: the message (a memory write) is not sent. */
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 0), -EIO);
	pci_set_master(pdev);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 0), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(pdev->irq), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 4), -EINVAL);
	free_irq(pdev->irq, &d);
	pci_free_irq_vectors(pdev);
	CU_ASSERT_EQUAL(pdev->irq, intx);
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	fixture_fini(&f);
}

/* INTx: only for exactly one vector, only with a pin. */
static void test_intx_fallback_and_errors(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct irqdev d = { 0 };

	fixture_init(&f);
	f.cfg.msix_vectors = 0;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	/* More than MSI has, MSI-X absent: -ENOSPC; with INTx allowed but
	 * min_vecs > 1 still -ENOSPC. */
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 8, 8, PCI_IRQ_MSI),
			-ENOSPC);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 2, 2, PCI_IRQ_LEGACY),
			-ENOSPC);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSIX),
			-EINVAL);	/* no MSI-X capability */
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 4, 2, PCI_IRQ_MSI),
			-ERANGE);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 1,
					      PCI_IRQ_LEGACY | PCI_IRQ_MSIX), 1);
	CU_ASSERT_FALSE(pdev->msi_enabled || pdev->msix_enabled);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 0), (int)pdev->irq);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 1), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(request_irq(pdev->irq, count_handler, IRQF_SHARED,
					  "mydrv", &d), 0);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 0), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(pdev->irq), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	pci_intx(pdev, 0);	/* INTx disabled in PCI_COMMAND */
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 0), -EIO);
	pci_intx(pdev, 1);
	free_irq(pdev->irq, &d);
	pci_free_irq_vectors(pdev);
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);

	/* No pin, no MSI: nothing fits. */
	f.cfg.intx = false;
	f.cfg.msi_vectors = 0;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pdev->irq, 0);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY),
			-ENOSPC);
	CU_ASSERT_EQUAL(kshim_pci_raise_irq(pdev, 0), -EINVAL);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	fixture_fini(&f);
}

/* pci_enable_msix_range() with a table of entries, and MSI-X refused
 * while MSI is on (the kernel's message). */
static void test_msix_entries_and_exclusion(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct msix_entry ent[2] = { { .entry = 5 }, { .entry = 1 } };
	struct msix_entry dup[2] = { { .entry = 3 }, { .entry = 3 } };

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	CU_ASSERT_EQUAL(pci_enable_msix_range(pdev, dup, 2, 2), -EINVAL);
	CU_ASSERT_EQUAL(pci_enable_msix_range(pdev, ent, 1, 2), 2);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 5), (int)ent[0].vector);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 1), (int)ent[1].vector);
	CU_ASSERT_EQUAL(pci_irq_vector(pdev, 0), -EINVAL);
	CU_ASSERT_TRUE(ent[0].vector >= 32);
	pci_disable_msix(pdev);

	CU_ASSERT_EQUAL(pci_enable_msi(pdev), 0);
	CU_ASSERT_EQUAL(pci_enable_msix_range(pdev, NULL, 1, 2), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci 0000:00:01.0: can't enable MSI-X (MSI IRQ already assigned)\n"));
	pci_disable_msi(pdev);
	CU_ASSERT_EQUAL(pci_enable_msix_exact(pdev, NULL, 2), 0);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci 0000:00:01.0: can't enable MSI (MSI-X already enabled)\n"));
	pci_free_irq_vectors(pdev);
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	fixture_fini(&f);
}

/* Negative: enabling MSI-X twice is the kernel's WARN_ON_ONCE(). */
static void test_msix_twice_warns(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 2, PCI_IRQ_MSIX), 2);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "twice");
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 2, PCI_IRQ_MSIX), -EINVAL); /* LINE:twice */
	pci_free_irq_vectors(pdev);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* Negative: vectors freed while a handler is still requested on one:
 * the kernel's remove_proc_entry() WARN, naming the line and handler. */
static void test_free_vectors_with_handler_warns(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct irqdev d = { 0 };
	const struct kshim_report *r;
	char want[128];
	int irq;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI), 1);
	irq = pci_irq_vector(pdev, 0);
	CU_ASSERT_EQUAL_FATAL(request_irq(irq, count_handler, 0, "mydrv", &d),
			      0);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "freevec");
	pci_free_irq_vectors(pdev); /* LINE:freevec */
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	snprintf(want, sizeof(want),
		 "remove_proc_entry: removing non-empty directory 'irq/%d', leaking at least 'mydrv'\n",
		 irq);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	free_irq(irq, &d);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* ==== vectors and managed resources across unbind ==== */

static int leaky_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int n;

	n = pci_alloc_irq_vectors(pdev, 1, 2, PCI_IRQ_MSIX); /* LINE:leak */
	return n < 0 ? n : 0;
}

static struct pci_driver leaky_driver = {
	.name = "leakydrv",
	.id_table = rec_ids,
	.probe = leaky_probe,
};

/* Negative: a driver that never frees its vectors: the MSI data's
 * WARN_ON_ONCE() when it unbinds, at the line that allocated them. */
static void test_vectors_leaked_at_unbind_warn(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	const struct kshim_report *r;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&leaky_driver), 0);
	CU_ASSERT_TRUE(pdev->msix_enabled);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "leak");
	pci_unregister_driver(&leaky_driver);
	r = kshim_report_last(KSHIM_REPORT_WARNING);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "leakydrv 0000:00:01.0: 2 MSI-X vector(s) enabled here are still allocated"));
	CU_ASSERT_FALSE(pdev->msix_enabled);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* What a managed driver's own action sees when it runs at unbind. */
static struct {
	struct fixture *f;
	struct pci_dev *pdev;
	int ran;
	bool vectors_on, enabled, bar0_free, bar0_mapped;
} order;

static void order_action(void *data)
{
	struct pci_dev *pdev = data;
	struct resource *r;

	order.ran++;
	order.vectors_on = pdev->msi_enabled || pdev->msix_enabled;
	order.enabled = pci_is_enabled(pdev);
	order.bar0_mapped = kshim_mmio_live_mappings(order.f->bar0) != 0;
	r = request_mem_region(pci_resource_start(pdev, 0), 4096, "probe");
	order.bar0_free = r != NULL;
	if (r)
		release_mem_region(pci_resource_start(pdev, 0), 4096);
}

static int managed_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem * const *tbl;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = devm_add_action(&pdev->dev, order_action, pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0) | BIT(2), "mgdrv");
	if (err)
		return err;
	tbl = pcim_iomap_table(pdev);
	if (!tbl[0] || !tbl[2] || tbl[1])
		return -EIO;
	writel(0x600df00d, tbl[0] + 8);
	pci_set_master(pdev);
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	return err < 0 ? err : 0;
}

static struct pci_driver managed_driver = {
	.name = "mgdrv",
	.id_table = rec_ids,
	.probe = managed_probe,
};

/* Positive: pcim_*() undo everything at unbind, in devres order: the
 * vectors first, then the mappings, then (after the driver's own action
 * added before them) the regions and the enable. */
static void test_pcim_release_order(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	struct resource *r;

	memset(&order, 0, sizeof(order));
	fixture_init(&f);
	order.f = &f;
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&managed_driver), 0);
	CU_ASSERT_PTR_EQUAL_FATAL(pdev->driver, &managed_driver);
	CU_ASSERT_TRUE(pdev->is_managed);
	CU_ASSERT_TRUE(pdev->msi_enabled);
	CU_ASSERT_EQUAL(((u32 *)kshim_mmio_mem(f.bar0))[2], 0x600df00d);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar0), 1);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar2), 1);
	CU_ASSERT_PTR_NULL(request_mem_region(pci_resource_start(pdev, 2), 16,
					      "other"));

	pci_unregister_driver(&managed_driver);
	CU_ASSERT_EQUAL(order.ran, 1);
	CU_ASSERT_FALSE(order.vectors_on);	/* freed before the action */
	CU_ASSERT_FALSE(order.bar0_mapped);	/* unmapped before it */
	CU_ASSERT_TRUE(order.enabled);		/* disabled after it */
	CU_ASSERT_FALSE(order.bar0_free);	/* released after it */

	CU_ASSERT_FALSE(pci_is_enabled(pdev));
	CU_ASSERT_FALSE(pdev->is_busmaster);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar2), 0);
	r = request_mem_region(pci_resource_start(pdev, 2), 16384, "other");
	CU_ASSERT_PTR_NOT_NULL(r);
	if (r)
		release_mem_region(pci_resource_start(pdev, 2), 16384);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

static int pinned_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pcim_enable_device(pdev);

	if (!err)
		pcim_pin_device(pdev);
	return err;
}

static struct pci_driver pinned_driver = {
	.name = "pindrv",
	.id_table = rec_ids,
	.probe = pinned_probe,
};

/* A pinned device stays enabled after its managed driver goes. */
static void test_pcim_pin_device(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&pinned_driver), 0);
	pci_unregister_driver(&pinned_driver);
	CU_ASSERT_TRUE(pci_is_enabled(pdev));
	pci_disable_device(pdev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* Negative: pinning a device not enabled through pcim_enable_device(). */
static void test_pcim_pin_unmanaged_warns(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL(pci_enable_device(pdev), 0);
	expect_report_at_in(__FILE__, KSHIM_REPORT_WARNING, "at ", "pin");
	pcim_pin_device(pdev); /* LINE:pin */
	pci_disable_device(pdev);
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* pcim_iomap_regions() is all or nothing; pcim_iomap() once per BAR. */
static void test_pcim_iomap_regions_conflict(void)
{
	struct fixture f;
	struct pci_dev *pdev;
	void __iomem * const *tbl;
	void __iomem *m;

	fixture_init(&f);
	pdev = fixture_add(&f);
	CU_ASSERT_EQUAL_FATAL(pcim_enable_device(pdev), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(request_mem_region(
		pci_resource_start(pdev, 2), 16, "other"));
	CU_ASSERT_EQUAL(pcim_iomap_regions(pdev, BIT(0) | BIT(2), "mgdrv"),
			-EINVAL);
	tbl = pcim_iomap_table(pdev);
	CU_ASSERT_PTR_NULL(tbl[0]);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar0), 0);
	release_mem_region(pci_resource_start(pdev, 2), 16);

	m = pcim_iomap(pdev, 0, 0);
	CU_ASSERT_PTR_NOT_NULL(m);
	CU_ASSERT_PTR_EQUAL(tbl[0], m);
	CU_ASSERT_PTR_NULL(pcim_iomap(pdev, 0, 0));	/* duplicate */
	pcim_iounmap(pdev, m);
	CU_ASSERT_PTR_NULL(tbl[0]);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(f.bar0), 0);
	/* The device's managed resources go with the device itself. */
	kshim_pci_device_remove(pdev);
	fixture_fini(&f);
}

/* ==== hot-unplug ==== */

/* kshim_pci_device_remove(): remove() runs with the function answering;
 * a reference keeps the pci_dev after it. */
static void test_remove_runs_remove(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	reset_seen();
	fixture_init(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&rec_driver), 0);
	pdev = fixture_add(&f);
	pci_dev_get(pdev);
	kshim_pci_device_remove(pdev);
	CU_ASSERT_EQUAL(seen.removes, 1);
	CU_ASSERT_FALSE(seen.offline_in_remove);
	CU_ASSERT_EQUAL(seen.read_ret_in_remove, 0);
	CU_ASSERT_EQUAL(seen.vendor_read_in_remove, VID);
	CU_ASSERT_PTR_NULL(pdev->driver);
	CU_ASSERT_PTR_NULL(pci_get_device(VID, DID, NULL));
	pci_dev_put(pdev);
	pci_unregister_driver(&rec_driver);
	fixture_fini(&f);
}

/* kshim_pci_device_unplug(): the card is gone before remove() runs:
 * configuration reads return all ones and PCIBIOS_DEVICE_NOT_FOUND. */
static void test_surprise_unplug(void)
{
	struct fixture f;
	struct pci_dev *pdev;

	reset_seen();
	fixture_init(&f);
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&rec_driver), 0);
	pdev = fixture_add(&f);
	kshim_pci_device_unplug(pdev);
	CU_ASSERT_EQUAL(seen.removes, 1);
	CU_ASSERT_TRUE(seen.offline_in_remove);
	CU_ASSERT_EQUAL(seen.read_ret_in_remove, PCIBIOS_DEVICE_NOT_FOUND);
	CU_ASSERT_EQUAL(seen.vendor_read_in_remove, 0xffff);
	pci_unregister_driver(&rec_driver);
	fixture_fini(&f);
}

static CU_TestInfo match_tests[] = {
	{ "match_by_ids_first_fit", test_match_by_ids_first_fit },
	{ "driver_after_device", test_driver_after_device },
	{ "match_by_class", test_match_by_class },
	{ "pci_match_id_rules", test_pci_match_id_rules },
	{ "probe_return_values", test_probe_return_values },
	{ "get_device", test_get_device },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo enable_tests[] = {
	{ "enable_counts_and_command", test_enable_counts_and_command },
	{ "bus_master_bit", test_bus_master_bit },
	{ "disable_already_disabled_warns",
	  test_disable_already_disabled_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bar_tests[] = {
	{ "bar_resources", test_bar_resources },
	{ "request_release_regions", test_request_release_regions },
	{ "request_regions_conflict", test_request_regions_conflict },
	{ "add_bar_conflict", test_add_bar_conflict },
	{ "add_bad_config", test_add_bad_config },
	{ "iomap", test_iomap },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo config_tests[] = {
	{ "config_header", test_config_header },
	{ "config_errors", test_config_errors },
	{ "bar_sizing", test_bar_sizing },
	{ "capabilities", test_capabilities },
	{ "dma_masks", test_dma_masks },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo irq_tests[] = {
	{ "msix_preferred", test_msix_preferred },
	{ "msi_fallback", test_msi_fallback },
	{ "intx_fallback_and_errors", test_intx_fallback_and_errors },
	{ "msix_entries_and_exclusion", test_msix_entries_and_exclusion },
	{ "msix_twice_warns", test_msix_twice_warns },
	{ "free_vectors_with_handler_warns",
	  test_free_vectors_with_handler_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo managed_tests[] = {
	{ "vectors_leaked_at_unbind_warn", test_vectors_leaked_at_unbind_warn },
	{ "pcim_release_order", test_pcim_release_order },
	{ "pcim_pin_device", test_pcim_pin_device },
	{ "pcim_pin_unmanaged_warns", test_pcim_pin_unmanaged_warns },
	{ "pcim_iomap_regions_conflict", test_pcim_iomap_regions_conflict },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo hotplug_tests[] = {
	{ "remove_runs_remove", test_remove_runs_remove },
	{ "surprise_unplug", test_surprise_unplug },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "match", NULL, NULL, NULL, NULL, match_tests },
	{ "enable", NULL, NULL, NULL, NULL, enable_tests },
	{ "bars", NULL, NULL, NULL, NULL, bar_tests },
	{ "config", NULL, NULL, NULL, NULL, config_tests },
	{ "irq", NULL, NULL, NULL, NULL, irq_tests },
	{ "managed", NULL, NULL, NULL, NULL, managed_tests },
	{ "hotplug", NULL, NULL, NULL, NULL, hotplug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
