/*
 * tests/dma/test_dma_mapping.c - the DMA mapping machine: coherent memory,
 * bounced streaming mappings, masks, scatterlists, the kernel's BUG/WARN
 * checks of the mapping core, device-side DMA with its IOMMU-style
 * faults, and the ownership poisoning of ASan and Valgrind builds.
 *
 * Every negative test checks the class, the text and this file's line
 * (LINE: markers); every check has a silent positive counterpart.  The
 * DMA-API debug hooks (compat/kernel/dma/debug.c) run underneath: the
 * positive tests also prove they stay silent for correct use.
 */
#include <stdio.h>
#include <string.h>

#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>

#include <kshim/device.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "common/asan.h"
#include "common/dma_dev.h"
#include "common/expect_bug.h"
#include "common/spawn.h"

#if ASAN_BUILD
#include <sanitizer/asan_interface.h>
#endif

static struct device_driver drv = { .name = "dmamap" };
static struct device_dma_parameters parms;
static struct device *dev;

static void setup(void)
{
	dev = dma_test_dev_create("dmamap0", &drv, DMA_BIT_MASK(32), &parms);
}

static void teardown(void)
{
	dma_test_dev_put(dev);
	dev = NULL;
}

/* A BUG or the ownership report ends the task: only in a test's child. */
static bool isolated(void)
{
	if (strcmp(kshim_setting("KSHIM_FORK"), "1")) {
		kshim_test_skip("the report ends the task: needs KSHIM_FORK=1");
		return false;
	}
	return true;
}

static bool checkers_watch(void)
{
	return ASAN_BUILD || RUNNING_ON_VALGRIND;
}

/*
 * The tool is memcheck (the one that reports a no-access read): its
 * VALGRIND_GET_VBITS answers 1 for addressable memory, other tools
 * (helgrind) leave the request unanswered (0).
 */
#if !ASAN_BUILD
static bool under_memcheck(void)
{
	char byte = 0, vbits;

	return RUNNING_ON_VALGRIND && VALGRIND_GET_VBITS(&byte, &vbits, 1) == 1;
}
#endif

static dma_addr_t map_checked(void *buf, size_t len,
			      enum dma_data_direction dir)
{
	dma_addr_t a = dma_map_single(dev, buf, len, dir);

	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), 0);
	return a;
}

/* ---- masks ---- */

static void test_bit_mask(void)
{
	CU_ASSERT_EQUAL(DMA_BIT_MASK(64), ~0ULL);
	CU_ASSERT_EQUAL(DMA_BIT_MASK(32), 0xffffffffULL);
	CU_ASSERT_EQUAL(DMA_BIT_MASK(24), 0xffffffULL);
	CU_ASSERT_EQUAL(DMA_MAPPING_ERROR, ~(dma_addr_t)0);
}

static void test_set_mask(void)
{
	u64 mask = 0;

	setup();
	CU_ASSERT_EQUAL(dma_set_mask(dev, DMA_BIT_MASK(64)), 0);
	CU_ASSERT_EQUAL(*dev->dma_mask, DMA_BIT_MASK(64));
	CU_ASSERT_EQUAL(dma_set_mask(dev, DMA_BIT_MASK(32)), 0);
	CU_ASSERT_EQUAL(dma_get_mask(dev), DMA_BIT_MASK(32));
	CU_ASSERT_EQUAL(dma_set_mask(dev, DMA_BIT_MASK(24)), 0);
	/* below ZONE_DMA's 24 bits: refused, the mask unchanged */
	CU_ASSERT_EQUAL(dma_set_mask(dev, DMA_BIT_MASK(20)), -EIO);
	CU_ASSERT_EQUAL(dma_set_coherent_mask(dev, DMA_BIT_MASK(20)), -EIO);
	CU_ASSERT_EQUAL(*dev->dma_mask, DMA_BIT_MASK(24));
	/* no dma_mask pointer: dma_set_mask() fails, coherent works */
	dev->dma_mask = NULL;
	dev->coherent_dma_mask = 0;
	CU_ASSERT_EQUAL(dma_set_mask(dev, DMA_BIT_MASK(32)), -EIO);
	CU_ASSERT_EQUAL(dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32)), -EIO);
	CU_ASSERT_EQUAL(dev->coherent_dma_mask, 0);
	CU_ASSERT_EQUAL(dma_set_coherent_mask(dev, DMA_BIT_MASK(40)), 0);
	CU_ASSERT_EQUAL(dev->coherent_dma_mask, DMA_BIT_MASK(40));
	CU_ASSERT_EQUAL(dma_get_mask(dev), DMA_BIT_MASK(32));
	dev->dma_mask = &mask;
	CU_ASSERT_EQUAL(dma_set_mask_and_coherent(dev, DMA_BIT_MASK(36)), 0);
	CU_ASSERT_EQUAL(mask, DMA_BIT_MASK(36));
	CU_ASSERT_EQUAL(dev->coherent_dma_mask, DMA_BIT_MASK(36));
	CU_ASSERT_EQUAL(dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(32)), 0);
	CU_ASSERT_PTR_EQUAL(dev->dma_mask, &dev->coherent_dma_mask);
	CU_ASSERT_EQUAL(dev->coherent_dma_mask, DMA_BIT_MASK(32));
	teardown();
}

static void test_seg_limits(void)
{
	setup();
	CU_ASSERT_EQUAL(dma_get_max_seg_size(dev), SZ_64K);
	CU_ASSERT_EQUAL(dma_set_max_seg_size(dev, 4096), 0);
	CU_ASSERT_EQUAL(dma_get_max_seg_size(dev), 4096);
	CU_ASSERT_EQUAL(dma_get_seg_boundary(dev), ULONG_MAX);
	CU_ASSERT_EQUAL(dma_set_seg_boundary(dev, 0xffff), 0);
	CU_ASSERT_EQUAL(dma_get_seg_boundary_nr_pages(dev, PAGE_SHIFT), 16);
	dev->dma_parms = NULL;
	CU_ASSERT_EQUAL(dma_set_max_seg_size(dev, 4096), -EIO);
	CU_ASSERT_EQUAL(dma_get_max_seg_size(dev), SZ_64K);
	CU_ASSERT_EQUAL(dma_max_mapping_size(dev), 256 * 1024);
	teardown();
}

/* ---- coherent memory ---- */

static void test_coherent(void)
{
	unsigned char *p, in[64];
	dma_addr_t h;
	size_t i;
	bool zero = true;

	setup();
	p = dma_alloc_coherent(dev, 3000, &h, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(h, virt_to_phys(p));
	CU_ASSERT_TRUE(h + 3000 - 1 <= DMA_BIT_MASK(32));
	for (i = 0; i < 3000; i++)
		zero &= p[i] == 0;
	CU_ASSERT_TRUE(zero);
	/* both sides see each other's writes at once */
	memset(in, 0x5a, sizeof(in));
	CU_ASSERT_EQUAL(kshim_dma_write(dev, h + 100, in, sizeof(in)), 0);
	CU_ASSERT_EQUAL(p[100], 0x5a);
	CU_ASSERT_EQUAL(p[163], 0x5a);
	p[2000] = 0x77;
	CU_ASSERT_EQUAL(kshim_dma_read(dev, h + 2000, in, 1), 0);
	CU_ASSERT_EQUAL(in[0], 0x77);
	dma_free_coherent(dev, 3000, p, h);
	teardown();
}

static void test_coherent_24bit(void)
{
	dma_addr_t h;
	void *p;

	setup();
	CU_ASSERT_EQUAL(dma_set_coherent_mask(dev, DMA_BIT_MASK(24)), 0);
	p = dma_alloc_coherent(dev, PAGE_SIZE, &h, GFP_KERNEL | __GFP_HIGHMEM);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(h + PAGE_SIZE - 1 <= DMA_BIT_MASK(24));
	dma_free_coherent(dev, PAGE_SIZE, p, h);
	teardown();
}

static void test_dmam_coherent(void)
{
	dma_addr_t h, h2;
	void *p, *q;

	setup();
	p = dmam_alloc_coherent(dev, 512, &h, GFP_KERNEL);
	q = dmam_alloc_coherent(dev, 8192, &h2, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	dmam_free_coherent(dev, 8192, q, h2);
	/* the rest goes with the device's resources (its last put) */
	teardown();
}

static void test_coherent_no_mask(void)
{
	dma_addr_t h;
	void *p;

	setup();
	dev->coherent_dma_mask = 0;
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	p = dma_alloc_coherent(dev, 64, &h, GFP_KERNEL); /* LINE:nomask */
	CU_ASSERT_PTR_NULL(p);
	assert_report_at(KSHIM_REPORT_WARNING, "nomask");
	teardown();
}

/* ---- streaming mappings ---- */

static void test_map_to_device(void)
{
	unsigned char *buf = kmalloc(1500, GFP_KERNEL), out[1500];
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	memset(buf, 0x3c, 1500);
	a = map_checked(buf, 1500, DMA_TO_DEVICE);
	/* a bounce slot, not the buffer */
	CU_ASSERT_NOT_EQUAL(a, virt_to_phys(buf));
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a, out, sizeof(out)), 0);
	CU_ASSERT_EQUAL(memcmp(out, buf + 0 * 0, 0), 0);
	CU_ASSERT_EQUAL(out[0], 0x3c);
	CU_ASSERT_EQUAL(out[1499], 0x3c);
	dma_unmap_single(dev, a, 1500, DMA_TO_DEVICE);
	/* new data reaches the device only through sync_for_device */
	memset(buf, 0x11, 1500);
	a = map_checked(buf, 1500, DMA_TO_DEVICE);
	dma_sync_single_for_cpu(dev, a, 1500, DMA_TO_DEVICE);
	buf[10] = 0x99;
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a + 10, out, 1), 0);
	CU_ASSERT_EQUAL(out[0], 0x11);
	dma_sync_single_for_device(dev, a, 1500, DMA_TO_DEVICE);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a + 10, out, 1), 0);
	CU_ASSERT_EQUAL(out[0], 0x99);
	dma_unmap_single(dev, a, 1500, DMA_TO_DEVICE);
	kfree(buf);
	teardown();
}

static void test_map_from_device(void)
{
	unsigned char *buf = kmalloc(256, GFP_KERNEL), data[256];
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	memset(buf, 0xee, 256);
	memset(data, 0x42, sizeof(data));
	a = map_checked(buf, 256, DMA_FROM_DEVICE);
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a, data, sizeof(data)), 0);
	/*
	 * Without a sync the CPU's copy is stale, as on a non-coherent
	 * machine (only where no checker forbids looking).
	 */
	if (!checkers_watch())
		CU_ASSERT_EQUAL(READ_ONCE(buf[0]), 0xee);
	dma_sync_single_for_cpu(dev, a, 256, DMA_FROM_DEVICE);
	CU_ASSERT_EQUAL(buf[0], 0x42);
	CU_ASSERT_EQUAL(buf[255], 0x42);
	dma_sync_single_for_device(dev, a, 256, DMA_FROM_DEVICE);
	data[0] = 0x43;
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a, data, 1), 0);
	dma_unmap_single(dev, a, 256, DMA_FROM_DEVICE);
	CU_ASSERT_EQUAL(buf[0], 0x43);
	kfree(buf);
	teardown();
}

static void test_sync_range(void)
{
	unsigned char *buf = kzalloc(4096, GFP_KERNEL), data[16];
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	a = map_checked(buf, 4096, DMA_BIDIRECTIONAL);
	CU_ASSERT_EQUAL(a & (PAGE_SIZE - 1), 0);	/* page-sized: aligned */
	memset(data, 7, sizeof(data));
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a + 1024, data, 16), 0);
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a + 3000, data, 16), 0);
	dma_sync_single_range_for_cpu(dev, a, 1024, 16, DMA_BIDIRECTIONAL);
	CU_ASSERT_EQUAL(buf[1024], 7);
	CU_ASSERT_EQUAL(buf[1039], 7);
	CU_ASSERT_EQUAL(buf[3000], 0);		/* not synced */
	dma_sync_single_range_for_device(dev, a, 1024, 16, DMA_BIDIRECTIONAL);
	dma_unmap_single(dev, a, 4096, DMA_BIDIRECTIONAL);
	CU_ASSERT_EQUAL(buf[3000], 7);
	kfree(buf);
	teardown();
}

static void test_map_page_highmem(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 1);
	unsigned char out[32], *v;
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	v = kmap_local_page(page + 1);
	memset(v, 0xab, PAGE_SIZE);
	kunmap_local(v);
	/* from the middle of the first page into the second */
	a = dma_map_page(dev, page, PAGE_SIZE - 16, 32, DMA_BIDIRECTIONAL);
	CU_ASSERT_EQUAL_FATAL(dma_mapping_error(dev, a), 0);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a, out, 32), 0);
	CU_ASSERT_EQUAL(out[16], 0xab);
	CU_ASSERT_EQUAL(out[31], 0xab);
	memset(out, 0xcd, sizeof(out));
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a + 16, out, 16), 0);
	dma_unmap_page(dev, a, 32, DMA_BIDIRECTIONAL);
	v = kmap_local_page(page + 1);
	CU_ASSERT_EQUAL(v[0], 0xcd);
	CU_ASSERT_EQUAL(v[15], 0xcd);
	CU_ASSERT_EQUAL(v[16], 0xab);
	kunmap_local(v);
	__free_pages(page, 1);
	teardown();
}

static void test_mapping_error(void)
{
	setup();
	CU_ASSERT_EQUAL(dma_mapping_error(dev, DMA_MAPPING_ERROR), -ENOMEM);
	teardown();
}

static void test_map_too_big(void)
{
	void *buf = kmalloc(512 * 1024, GFP_KERNEL);
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	a = dma_map_single_attrs(dev, buf, 512 * 1024, DMA_TO_DEVICE,
				 DMA_ATTR_NO_WARN);
	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), -ENOMEM);
	CU_ASSERT_FALSE(kshim_dmesg_contains("swiotlb buffer is full"));
	a = dma_map_single(dev, buf, 512 * 1024, DMA_TO_DEVICE);
	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), -ENOMEM);
	CU_ASSERT_TRUE(kshim_dmesg_contains("dmamap dmamap0: swiotlb buffer is full (sz: 524288 bytes)"));
	kfree(buf);
	teardown();
}

static void test_map_above_mask(void)
{
	void *buf = kmalloc(64, GFP_KERNEL);
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	/*
	 * A 24-bit device: the bounce slots lie above 16 MiB (the pool is
	 * ZONE_NORMAL memory, as the kernel's swiotlb is not in ZONE_DMA),
	 * so the mapping overflows the mask: swiotlb's WARN, an error.
	 */
	*dev->dma_mask = DMA_BIT_MASK(24);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "+64 overflow (mask ffffff, bus limit 0).\n", 1);
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE); /* LINE:overflow */
	CU_ASSERT_PTR_NOT_NULL(strstr(assert_report_at(KSHIM_REPORT_WARNING,
						       "overflow")->text,
				      "dmamap dmamap0: swiotlb addr 0x"));
	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), -ENOMEM);
	kfree(buf);
	teardown();
}

static void test_vmalloc_rejected(void)
{
	void *v = vmalloc(100);
	dma_addr_t a;

	setup();
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "dmamap dmamap0: rejecting DMA map of vmalloc memory\n", 1);
	a = dma_map_single(dev, v, 100, DMA_TO_DEVICE); /* LINE:vmap */
	assert_report_at(KSHIM_REPORT_WARNING, "vmap");
	CU_ASSERT_EQUAL(a, DMA_MAPPING_ERROR);
	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), -ENOMEM);
	vfree(v);
	teardown();
}

static void test_no_dma_mask(void)
{
	char buf[64] __attribute__((aligned(64)));
	void *p = kmalloc(64, GFP_KERNEL);
	dma_addr_t a;

	(void)buf;
	setup();
	dev->dma_mask = NULL;
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	a = dma_map_single(dev, p, 64, DMA_TO_DEVICE); /* LINE:nodmamask */
	CU_ASSERT_EQUAL(a, DMA_MAPPING_ERROR);
	assert_report_at(KSHIM_REPORT_WARNING, "nodmamask");
	CU_ASSERT_EQUAL(dma_mapping_error(dev, a), -ENOMEM);
	kfree(p);
	teardown();
}

static void test_bad_direction_bug(void)
{
	void *p;

	if (!isolated())
		return;
	p = kmalloc(64, GFP_KERNEL);
	setup();
	expect_report_at_in(__FILE__, KSHIM_REPORT_BUG, "kernel BUG at ", "dirbug");
	dma_map_single(dev, p, 64, DMA_NONE); /* LINE:dirbug */
	CU_FAIL("BUG() returned");
}

/* ---- scatterlists ---- */

static void test_map_sg(void)
{
	struct scatterlist sg[3], *s;
	void *b[3];
	unsigned char out[8];
	int i, n;

	setup();
	sg_init_table(sg, 3);
	for (i = 0; i < 3; i++) {
		b[i] = kmalloc(100 * (i + 1), GFP_KERNEL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(b[i]);
		memset(b[i], i + 1, 100 * (i + 1));
		sg_set_buf(&sg[i], b[i], 100 * (i + 1));
	}
	n = dma_map_sg(dev, sg, 3, DMA_TO_DEVICE);
	CU_ASSERT_EQUAL(n, 3);		/* dma-direct never merges */
	for_each_sg(sg, s, n, i) {
		CU_ASSERT_EQUAL(sg_dma_len(s), 100 * (i + 1));
		CU_ASSERT_EQUAL(kshim_dma_read(dev, sg_dma_address(s) +
					       sg_dma_len(s) - 8, out, 8), 0);
		CU_ASSERT_EQUAL(out[7], i + 1);
	}
	dma_unmap_sg(dev, sg, 3, DMA_TO_DEVICE);
	for (i = 0; i < 3; i++)
		kfree(b[i]);
	teardown();
}

static void test_map_sgtable(void)
{
	struct sg_table sgt;
	struct page *pages[2];
	unsigned char out[4];

	setup();
	pages[0] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	pages[1] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pages[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pages[1]);
	CU_ASSERT_EQUAL_FATAL(sg_alloc_table_from_pages(&sgt, pages, 2, 0,
							2 * PAGE_SIZE,
							GFP_KERNEL), 0);
	CU_ASSERT_EQUAL(dma_map_sgtable(dev, &sgt, DMA_FROM_DEVICE, 0), 0);
	CU_ASSERT_EQUAL(sgt.nents, sgt.orig_nents);
	memset(out, 9, sizeof(out));
	CU_ASSERT_EQUAL(kshim_dma_write(dev, sg_dma_address(sgt.sgl), out, 4),
			0);
	dma_sync_sgtable_for_cpu(dev, &sgt, DMA_FROM_DEVICE);
	CU_ASSERT_EQUAL(((unsigned char *)page_address(pages[0]))[3], 9);
	dma_sync_sgtable_for_device(dev, &sgt, DMA_FROM_DEVICE);
	dma_unmap_sgtable(dev, &sgt, DMA_FROM_DEVICE, 0);
	sg_free_table(&sgt);
	__free_page(pages[0]);
	__free_page(pages[1]);
	teardown();
}

/* ---- device-side DMA faults ---- */

static void test_fault_unmapped(void)
{
	unsigned char out[4];
	char want[160];

	setup();
	snprintf(want, sizeof(want),
		 "DMAR: [DMA Read NO_PASID] Request device [dmamap0] fault addr 0x%llx [fault reason 0x06] PTE Read access is not set\n",
		 0x1234000ULL);
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT, want, 1);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, 0x1234000, out, 4), -EFAULT); /* LINE:unmapped */
	assert_report_at(KSHIM_REPORT_DMA_FAULT, "unmapped");
	CU_ASSERT_TRUE(kshim_dmesg_contains("no DMA mapping or coherent allocation there"));
	teardown();
}

static void test_fault_direction(void)
{
	unsigned char *buf = kzalloc(64, GFP_KERNEL), in[4] = { 1, 2, 3, 4 };
	dma_addr_t a;

	setup();
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE); /* LINE:tomap */
	CU_ASSERT_EQUAL_FATAL(dma_mapping_error(dev, a), 0);
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT,
			    "[DMA Write NO_PASID] Request device [dmamap0]", 1);
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a, in, 4), -EFAULT); /* LINE:wrongdir */
	assert_report_at(KSHIM_REPORT_DMA_FAULT, "wrongdir");
	CU_ASSERT_TRUE(kshim_dmesg_contains("mapped DMA_TO_DEVICE, the device may not write it"));
	{
		char m[128];

		snprintf(m, sizeof(m), "the mapping there was made at %s:%d",
			 __FILE__, marker_line("tomap"));
		CU_ASSERT_TRUE(kshim_dmesg_contains(m));
	}
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE);
	CU_ASSERT_EQUAL(buf[0], 0);	/* nothing was written */
	kfree(buf);
	teardown();
}

static void test_fault_beyond(void)
{
	unsigned char *buf = kzalloc(64, GFP_KERNEL), out[16];
	dma_addr_t a;

	setup();
	a = map_checked(buf, 64, DMA_BIDIRECTIONAL);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a + 48, out, 16), 0);
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT, "beyond the mapping of 64 bytes", 1);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a + 56, out, 16), -EFAULT);
	dma_unmap_single(dev, a, 64, DMA_BIDIRECTIONAL);
	/* after unmap the slot is gone for the device too */
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT,
			    "no DMA mapping or coherent allocation there", 1);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a, out, 1), -EFAULT);
	kfree(buf);
	teardown();
}

static void test_fault_other_device(void)
{
	struct device *mine;
	unsigned char *buf = kzalloc(64, GFP_KERNEL), out[4];
	dma_addr_t a;

	setup();
	mine = dev;
	a = map_checked(buf, 64, DMA_TO_DEVICE);
	setup();	/* a second device */
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT, "mapped for another device (dmamap dmamap0)", 1);
	CU_ASSERT_EQUAL(kshim_dma_read(dev, a, out, 4), -EFAULT);
	teardown();
	dev = mine;
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE);
	kfree(buf);
	teardown();
}

/* ---- ownership: the CPU's view while the device owns the buffer ---- */

static void test_owner_correct_silent(void)
{
	unsigned char *buf = kzalloc(128, GFP_KERNEL), in[128];
	dma_addr_t a;

	setup();
	memset(in, 5, sizeof(in));
	a = map_checked(buf, 128, DMA_FROM_DEVICE);
#if ASAN_BUILD
	CU_ASSERT_TRUE(__asan_address_is_poisoned(buf + 8));
#endif
	CU_ASSERT_EQUAL(kshim_dma_write(dev, a, in, 128), 0);
	dma_sync_single_for_cpu(dev, a, 128, DMA_FROM_DEVICE);
#if ASAN_BUILD
	CU_ASSERT_FALSE(__asan_address_is_poisoned(buf + 8));
#endif
	CU_ASSERT_EQUAL(buf[64], 5);
	dma_sync_single_for_device(dev, a, 128, DMA_FROM_DEVICE);
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	CU_ASSERT_EQUAL(buf[127], 5);
	buf[0] = 1;
	kfree(buf);
	teardown();
}

static void test_owner_two_mappings(void)
{
	unsigned char *buf = kzalloc(128, GFP_KERNEL);
	dma_addr_t a, b;

	setup();
	a = map_checked(buf, 128, DMA_TO_DEVICE);
	b = map_checked(buf, 128, DMA_TO_DEVICE);
	dma_unmap_single(dev, a, 128, DMA_TO_DEVICE);
#if ASAN_BUILD
	/* the other mapping still holds it */
	CU_ASSERT_TRUE(__asan_address_is_poisoned(buf + 8));
#endif
	dma_unmap_single(dev, b, 128, DMA_TO_DEVICE);
#if ASAN_BUILD
	CU_ASSERT_FALSE(__asan_address_is_poisoned(buf + 8));
#endif
	buf[8] = 1;
	kfree(buf);
	teardown();
}

static unsigned char *owned_buf;

static noinline void cpu_reads_owned(void *arg)
{
	unsigned char v = READ_ONCE(owned_buf[16]); /* LINE:cpuread */

	(void)v;
}

/* The access in a child: ASan's path ends the task, memcheck counts it. */
static void test_owner_cpu_read_reported(void)
{
	dma_addr_t a;
	char want[600];

	setup();
	owned_buf = kzalloc(128, GFP_KERNEL);
	a = dma_map_single(dev, owned_buf, 128, DMA_FROM_DEVICE); /* LINE:ownmap */
	CU_ASSERT_EQUAL_FATAL(dma_mapping_error(dev, a), 0);
	if (!checkers_watch()) {
		/* plain builds: no check, stale data (test_map_from_device) */
		dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
		kfree(owned_buf);
		teardown();
		return;
	}
#if ASAN_BUILD
	if (!isolated()) {
		dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
		kfree(owned_buf);
		teardown();
		return;
	}
	snprintf(want, sizeof(want),
		 "BUG: kshim: CPU read of a DMA buffer the device owns in cpu_reads_owned\n"
		 "kshim: the access: %s:%d (cpu_reads_owned)\n"
		 "kshim: DMA buffer mapped DMA_FROM_DEVICE for dmamap dmamap0 by dma_map_single() at %s:%d (test_owner_cpu_read_reported), owned by the device (128 bytes at ",
		 __FILE__, marker_line("cpuread"), __FILE__,
		 marker_line("ownmap"));
	kshim_expect_report(KSHIM_REPORT_DMA_OWNERSHIP, want, 1);
	cpu_reads_owned(NULL);
	CU_FAIL("the access went on");
#else
	struct spawn_result c;

	(void)want;
	if (!under_memcheck()) {
		kshim_test_skip("only memcheck sees a no-access read");
		dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
		kfree(owned_buf);
		teardown();
		return;
	}
	/* memcheck: the child's error makes its exit status 1 */
	CU_ASSERT_EQUAL_FATAL(spawn_call(cpu_reads_owned, NULL, &c), 0);
	CU_ASSERT_NOT_EQUAL(c.status, 0);
	spawn_free(&c);
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	kfree(owned_buf);
	teardown();
#endif
}

/*
 * A read through memcpy() (ASan checks it inside its runtime, in
 * __asan_memcpy): the report names this line, the call, as it names a
 * plain load's.  The length is not a constant, so the compiler keeps the
 * library call (and the copy is used, so it stays).
 */
static volatile size_t copy_len = 64;
static unsigned char copy_dst[128];

static noinline void cpu_copies_owned(void *arg)
{
	memcpy(copy_dst, owned_buf, copy_len); /* LINE:cpucopy */
	/* the copy is used: not a dead store the compiler may drop */
	__asm__ volatile("" : : "r"(copy_dst) : "memory");
}

static void test_owner_cpu_memcpy_reported(void)
{
	dma_addr_t a;
	char want[600];

	setup();
	owned_buf = kzalloc(128, GFP_KERNEL);
	a = dma_map_single(dev, owned_buf, 128, DMA_FROM_DEVICE); /* LINE:copymap */
	CU_ASSERT_EQUAL_FATAL(dma_mapping_error(dev, a), 0);
#if ASAN_BUILD
	if (isolated()) {
		snprintf(want, sizeof(want),
			 "BUG: kshim: CPU read of a DMA buffer the device owns in cpu_copies_owned\n"
			 "kshim: the access: %s:%d (cpu_copies_owned)\n"
			 "kshim: DMA buffer mapped DMA_FROM_DEVICE for dmamap dmamap0 by dma_map_single() at %s:%d (test_owner_cpu_memcpy_reported), owned by the device (128 bytes at ",
			 __FILE__, marker_line("cpucopy"), __FILE__,
			 marker_line("copymap"));
		kshim_expect_report(KSHIM_REPORT_DMA_OWNERSHIP, want, 1);
		cpu_copies_owned(NULL);
		CU_FAIL("the copy went on");
	}
#else
	(void)want;
	kshim_test_skip("ASan builds: the report of a checked memcpy()");
#endif
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	/* the CPU owns it again: the same copy is silent */
	cpu_copies_owned(NULL);
	kfree(owned_buf);
	teardown();
}

static CU_TestInfo mask_tests[] = {
	{ "DMA_BIT_MASK", test_bit_mask },
	{ "dma_set_mask rules", test_set_mask },
	{ "segment limits", test_seg_limits },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo coherent_tests[] = {
	{ "alloc, zeroed, both sides", test_coherent },
	{ "24-bit coherent mask", test_coherent_24bit },
	{ "dmam_alloc_coherent", test_dmam_coherent },
	{ "no coherent mask WARNs", test_coherent_no_mask },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo streaming_tests[] = {
	{ "to device, sync_for_device", test_map_to_device },
	{ "from device: stale until sync_for_cpu", test_map_from_device },
	{ "sync of a range", test_sync_range },
	{ "dma_map_page of highmem", test_map_page_highmem },
	{ "dma_mapping_error", test_mapping_error },
	{ "too big: swiotlb buffer is full", test_map_too_big },
	{ "above a 24-bit mask", test_map_above_mask },
	{ "vmalloc rejected", test_vmalloc_rejected },
	{ "no dma_mask WARNs", test_no_dma_mask },
	{ "DMA_NONE is BUG", test_bad_direction_bug },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo sg_tests[] = {
	{ "dma_map_sg", test_map_sg },
	{ "dma_map_sgtable", test_map_sgtable },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo fault_tests[] = {
	{ "unmapped address", test_fault_unmapped },
	{ "wrong direction", test_fault_direction },
	{ "beyond the mapping", test_fault_beyond },
	{ "another device's mapping", test_fault_other_device },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo owner_tests[] = {
	{ "correct use is silent", test_owner_correct_silent },
	{ "two mappings of one buffer", test_owner_two_mappings },
	{ "CPU read while the device owns it", test_owner_cpu_read_reported },
	{ "memcpy() from it names the caller's line",
	  test_owner_cpu_memcpy_reported },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "masks", NULL, NULL, NULL, NULL, mask_tests },
	{ "coherent", NULL, NULL, NULL, NULL, coherent_tests },
	{ "streaming", NULL, NULL, NULL, NULL, streaming_tests },
	{ "scatterlists", NULL, NULL, NULL, NULL, sg_tests },
	{ "device faults", NULL, NULL, NULL, NULL, fault_tests },
	{ "ownership", NULL, NULL, NULL, NULL, owner_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
