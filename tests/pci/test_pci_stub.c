/*
 * test_pci_stub - the kernel's own drivers/pci/pci-stub.c (6.1), compiled
 * unmodified from the tree given to configure --with-linux-source and
 * loaded as "modprobe pci-stub ids=...": it registers a driver without
 * an id table, adds the ids of its parameter with pci_add_dynid(), and
 * claims the matching function ("claimed by stub"); a function with
 * other ids stays unbound; rmmod unbinds it.
 */
#include <string.h>

#include <linux/pci.h>
#include <kshim/device.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>

static struct pci_dev *add(struct kshim_mmio_region *r, u16 device)
{
	struct kshim_pci_config cfg = {
		.vendor = 0x1af4, .device = device,
		.class = PCI_CLASS_SYSTEM_OTHER << 8,
		.intx = true,
	};
	struct pci_dev *pdev;

	cfg.bar[0].region = r;
	pdev = kshim_pci_device_add(&cfg);
	CU_ASSERT_FATAL(!IS_ERR(pdev));
	return pdev;
}

static void test_stub_claims_by_ids(void)
{
	struct kshim_mmio_region *r1 = kshim_mmio_create(256, NULL, NULL);
	struct kshim_mmio_region *r2 = kshim_mmio_create(256, NULL, NULL);
	struct pci_dev *mine, *other;

	mine = add(r1, 0x10f0);
	other = add(r2, 0x10f1);
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("pci_stub",
						"ids=1af4:10f0,zz"), 0);
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci-stub: add 1AF4:10F0 sub=FFFFFFFF:FFFFFFFF cls=00000000/00000000\n"));
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci-stub: invalid ID string \"zz\"\n"));
	CU_ASSERT_TRUE(kshim_dmesg_contains("pci-stub 0000:00:01.0: claimed by stub\n"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(mine->driver);
	CU_ASSERT_STRING_EQUAL(mine->driver->name, "pci-stub");
	CU_ASSERT_PTR_NULL(other->driver);
	CU_ASSERT_FALSE(kshim_dmesg_contains("0000:00:02.0: claimed"));

	CU_ASSERT_EQUAL(kshim_module_unload("pci_stub"), 0);
	CU_ASSERT_PTR_NULL(mine->driver);
	kshim_pci_device_remove(mine);
	kshim_pci_device_remove(other);
	kshim_mmio_destroy(r1);
	kshim_mmio_destroy(r2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo stub_tests[] = {
	{ "stub_claims_by_ids", test_stub_claims_by_ids },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "pci-stub", NULL, NULL, NULL, NULL, stub_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
