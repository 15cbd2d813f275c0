/*
 * test_dma_debug - the DMA-API debug checks (6.1 kernel/dma/debug.c,
 * CONFIG_DMA_API_DEBUG + _SG; compat/kernel/dma/debug.c).
 *
 * Each check: a negative test (the "dma_api" report fires once, with the
 * kernel's full text "DMA-API: <driver> <device>: ...", at this file's
 * marked line, and, when the kernel names a mapping, "DMA-API: Mapped at:"
 * followed by the line that mapped it) and a positive test (correct use
 * stays silent).  Also the unbind check through a bus notifier and the
 * ledger row for mappings left at test end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <kshim/device.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/device/bus.h>
#include <linux/device/driver.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "common/dma_dev.h"
#include "common/expect_bug.h"
#include "kernel/dma/debug.h"	/* dma_debug_add_bus() */

#define PREFIX "DMA-API: dmadbg dmadbg0: "

static struct device_driver dbg_drv = { .name = "dmadbg" };
static struct device_dma_parameters dbg_parms;
static struct device *dev;

static void dev_release(struct device *d)
{
	kfree(d);
}

static void setup(void)
{
	dev = dma_test_dev_create("dmadbg0", &dbg_drv, DMA_BIT_MASK(64), &dbg_parms);
}

static void teardown(void)
{
	dma_test_dev_put(dev);
	dev = NULL;
}

/* One dma_api report containing PREFIX and the formatted message. */
static __attribute__((format(printf, 1, 2))) void want(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "%s", PREFIX);

	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	kshim_expect_report(KSHIM_REPORT_DMA_API, buf, 1);
}

/* The last dma_api report is at @at and names @mapped (NULL: no entry). */
static void check_at(const char *at, const char *mapped)
{
	const struct kshim_report *r = assert_report_at(KSHIM_REPORT_DMA_API,
							at);
	const char *p;
	char tail[128];

	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "WARNING: CPU: "));
	p = strstr(r->text, "DMA-API: Mapped at:\n ");
	if (!mapped) {
		CU_ASSERT_PTR_NULL(p);
		return;
	}
	/* then one line: the mapping function, file:line of the map call */
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	snprintf(tail, sizeof(tail), " %s:%d\n", __FILE__,
		 marker_line(mapped));
	CU_ASSERT_PTR_NOT_NULL(strstr(p, tail));
}

static void *lowmem_buf(size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return p;
}

/* ---- unmap ---- */

static void test_unmap_never_mapped(void)
{
	dma_addr_t bogus = 0x12345000;

	setup();
	want("device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
	     0x12345000ULL, 64ULL);
	dma_unmap_single(dev, bogus, 64, DMA_TO_DEVICE); /* LINE:never */
	check_at("never", NULL);
	teardown();
}

static void test_unmap_mapping_error_address(void)
{
	setup();
	want("device driver tries to free an invalid DMA memory address\n");
	dma_unmap_single(dev, DMA_MAPPING_ERROR, 64, DMA_TO_DEVICE); /* LINE:inval */
	check_at("inval", NULL);
	teardown();
}

static void test_unmap_different_size(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(256);
	a = dma_map_single(dev, buf, 256, DMA_TO_DEVICE); /* LINE:size_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
	     (unsigned long long)a, 256ULL, 128ULL);
	dma_unmap_single(dev, a, 128, DMA_TO_DEVICE); /* LINE:size_unmap */
	check_at("size_unmap", "size_map");
	kfree(buf);
	teardown();
}

static void test_unmap_different_direction(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(256);
	a = dma_map_single(dev, buf, 256, DMA_FROM_DEVICE); /* LINE:dir_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver frees DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_FROM_DEVICE] [unmapped with DMA_TO_DEVICE]\n",
	     (unsigned long long)a, 256ULL);
	dma_unmap_single(dev, a, 256, DMA_TO_DEVICE); /* LINE:dir_unmap */
	check_at("dir_unmap", "dir_map");
	kfree(buf);
	teardown();
}

static void test_unmap_wrong_function(void)
{
	struct page *page;
	dma_addr_t a;

	setup();
	page = alloc_page(GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	a = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL); /* LINE:fn_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver frees DMA memory with wrong function [device address=0x%016llx] [size=%llu bytes] [mapped as single] [unmapped as coherent]\n",
	     (unsigned long long)a, (unsigned long long)PAGE_SIZE);
	/* the kernel's check is all this does: no coherent memory is freed */
	dma_free_coherent(dev, PAGE_SIZE, page_address(page), a); /* LINE:fn_free */
	check_at("fn_free", "fn_map");
	__free_page(page);
	teardown();
}

static void test_unchecked_map_error(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(100);
	a = dma_map_single(dev, buf, 100, DMA_TO_DEVICE); /* LINE:chk_map */
	/* no "\n" and no space before "[": the kernel's text */
	want("device driver failed to check map error[device address=0x%016llx] [size=%llu bytes] [mapped as single]",
	     (unsigned long long)a, 100ULL);
	dma_unmap_single(dev, a, 100, DMA_TO_DEVICE); /* LINE:chk_unmap */
	check_at("chk_unmap", "chk_map");
	kfree(buf);
	teardown();
}

static void test_unmap_twice(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(64);
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE);
	want("device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
	     (unsigned long long)a, 64ULL);
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE); /* LINE:twice */
	check_at("twice", NULL);
	kfree(buf);
	teardown();
}

/* ---- coherent ---- */

static void test_free_coherent_other_cpu_address(void)
{
	dma_addr_t h;
	void *cpu;
	unsigned long long pa, pb;

	setup();
	cpu = dma_alloc_coherent(dev, 2 * PAGE_SIZE, &h, GFP_KERNEL); /* LINE:coh_alloc */
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	pa = virt_to_phys(cpu);
	pb = virt_to_phys((char *)cpu + 64);
	want("device driver frees DMA memory with different CPU address [device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%016llx] [cpu free address=0x%016llx]",
	     (unsigned long long)h, 2ULL * PAGE_SIZE, pa, pb);
	dma_free_coherent(dev, 2 * PAGE_SIZE, (char *)cpu + 64, h); /* LINE:coh_free */
	check_at("coh_free", "coh_alloc");
	teardown();
}

static void test_free_coherent_different_size(void)
{
	dma_addr_t h;
	void *cpu;

	setup();
	cpu = dma_alloc_coherent(dev, PAGE_SIZE, &h, GFP_KERNEL); /* LINE:cohsz_alloc */
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	want("device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
	     (unsigned long long)h, (unsigned long long)PAGE_SIZE, 512ULL);
	dma_free_coherent(dev, 512, cpu, h); /* LINE:cohsz_free */
	check_at("cohsz_free", "cohsz_alloc");
	teardown();
}

/* ---- scatterlists ---- */

static struct page *sg_pages[3];

static void sg_setup(struct scatterlist *sg, int n)
{
	int i;

	sg_init_table(sg, n);
	for (i = 0; i < n; i++) {
		/* order-1 blocks, one page used: never contiguous */
		sg_pages[i] = alloc_pages(GFP_KERNEL, 1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(sg_pages[i]);
		sg_set_page(&sg[i], sg_pages[i], 1024, 64 * i);
	}
}

static void sg_teardown(int n)
{
	int i;

	for (i = 0; i < n; i++)
		__free_pages(sg_pages[i], 1);
}

static void test_unmap_sg_other_count(void)
{
	struct scatterlist sg[2];
	int ents;

	setup();
	sg_setup(sg, 2);
	ents = dma_map_sg(dev, sg, 1, DMA_TO_DEVICE); /* LINE:sgc_map */
	CU_ASSERT_EQUAL_FATAL(ents, 1);
	want("device driver frees DMA sg list with different entry count [map count=%d] [unmap count=%d]\n",
	     1, 2);
	dma_unmap_sg(dev, sg, 2, DMA_TO_DEVICE); /* LINE:sgc_unmap */
	check_at("sgc_unmap", "sgc_map");
	sg_teardown(2);
	teardown();
}

static void test_sync_sg_other_count(void)
{
	struct scatterlist sg[2];
	int ents;

	setup();
	sg_setup(sg, 2);
	ents = dma_map_sg(dev, sg, 1, DMA_FROM_DEVICE); /* LINE:sgs_map */
	CU_ASSERT_EQUAL_FATAL(ents, 1);
	want("device driver syncs DMA sg list with different entry count [map count=%d] [sync count=%d]\n",
	     1, 2);
	dma_sync_sg_for_cpu(dev, sg, 2, DMA_FROM_DEVICE); /* LINE:sgs_sync */
	check_at("sgs_sync", "sgs_map");
	dma_unmap_sg(dev, sg, 1, DMA_FROM_DEVICE);
	sg_teardown(2);
	teardown();
}

static void test_sg_segment_too_long(void)
{
	struct scatterlist sg[1];
	int ents;

	setup();
	dbg_parms.max_segment_size = 512;
	sg_setup(sg, 1);
	want("mapping sg segment longer than device claims to support [len=%u] [max=%u]\n",
	     1024U, 512U);
	ents = dma_map_sg(dev, sg, 1, DMA_TO_DEVICE); /* LINE:sg_long */
	CU_ASSERT_EQUAL_FATAL(ents, 1);
	check_at("sg_long", NULL);
	dma_unmap_sg(dev, sg, 1, DMA_TO_DEVICE);
	sg_teardown(1);
	teardown();
}

static void test_sg_segment_across_boundary(void)
{
	struct scatterlist sg[1];
	unsigned long long first, last;
	int ents;

	setup();
	/* 1024 bytes cannot sit inside one 512-byte boundary window */
	dbg_parms.segment_boundary_mask = 0x1ff;
	sg_setup(sg, 1);
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    PREFIX "mapping sg segment across boundary [start=0x",
			    1);
	ents = dma_map_sg(dev, sg, 1, DMA_TO_DEVICE); /* LINE:sg_bound */
	CU_ASSERT_EQUAL_FATAL(ents, 1);
	check_at("sg_bound", NULL);
	first = sg_dma_address(&sg[0]);
	last = first + sg_dma_len(&sg[0]) - 1;
	{
		char w[160];

		snprintf(w, sizeof(w),
			 "[start=0x%016llx] [end=0x%016llx] [boundary=0x%016llx]\n",
			 first, last, 0x1ffULL);
		CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text, w));
	}
	dma_unmap_sg(dev, sg, 1, DMA_TO_DEVICE);
	sg_teardown(1);
	teardown();
}

/* ---- sync ---- */

static void test_sync_beyond_mapping(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(256);
	a = dma_map_single(dev, buf, 128, DMA_FROM_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
	     (unsigned long long)a, 256ULL);
	dma_sync_single_for_cpu(dev, a, 256, DMA_FROM_DEVICE); /* LINE:sync_far */
	check_at("sync_far", NULL);
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	kfree(buf);
	teardown();
}

static void test_sync_different_direction(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(128);
	a = dma_map_single(dev, buf, 128, DMA_FROM_DEVICE); /* LINE:sdir_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_FROM_DEVICE] [synced with DMA_TO_DEVICE]\n",
	     (unsigned long long)a, 128ULL);
	dma_sync_single_for_cpu(dev, a, 128, DMA_TO_DEVICE); /* LINE:sdir_sync */
	check_at("sdir_sync", "sdir_map");
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	kfree(buf);
	teardown();
}

static void test_sync_read_only_for_cpu(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(128);
	a = dma_map_single(dev, buf, 128, DMA_TO_DEVICE); /* LINE:ro_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	/* the kernel prints both: the direction differs as well */
	want("device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_TO_DEVICE] [synced with DMA_FROM_DEVICE]\n",
	     (unsigned long long)a, 128ULL);
	want("device driver syncs device read-only DMA memory for cpu [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_TO_DEVICE] [synced with DMA_FROM_DEVICE]\n",
	     (unsigned long long)a, 128ULL);
	dma_sync_single_for_cpu(dev, a, 128, DMA_FROM_DEVICE); /* LINE:ro_sync */
	check_at("ro_sync", "ro_map");
	dma_unmap_single(dev, a, 128, DMA_TO_DEVICE);
	kfree(buf);
	teardown();
}

static void test_sync_write_only_to_device(void)
{
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(128);
	a = dma_map_single(dev, buf, 128, DMA_FROM_DEVICE); /* LINE:wo_map */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_FROM_DEVICE] [synced with DMA_TO_DEVICE]\n",
	     (unsigned long long)a, 128ULL);
	want("device driver syncs device write-only DMA memory to device [device address=0x%016llx] [size=%llu bytes] [mapped with DMA_FROM_DEVICE] [synced with DMA_TO_DEVICE]\n",
	     (unsigned long long)a, 128ULL);
	dma_sync_single_for_device(dev, a, 128, DMA_TO_DEVICE); /* LINE:wo_sync */
	check_at("wo_sync", "wo_map");
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	kfree(buf);
	teardown();
}

/* ---- what is mapped ---- */

static void test_map_stack(void)
{
	char stackbuf[64];
	dma_addr_t a;

	setup();
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    PREFIX "device driver maps memory from stack [addr=",
			    1);
	a = dma_map_single(dev, stackbuf, sizeof(stackbuf), DMA_TO_DEVICE); /* LINE:stack */
	check_at("stack", NULL);
	if (!dma_mapping_error(dev, a))
		dma_unmap_single(dev, a, sizeof(stackbuf), DMA_TO_DEVICE);
	teardown();
}

static const char rodata_table[256] = "a const table";

static void test_map_rodata(void)
{
	dma_addr_t a;

	setup();
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    PREFIX "device driver maps memory from kernel text or rodata [addr=",
			    1);
	a = dma_map_single(dev, (void *)rodata_table, 256, DMA_TO_DEVICE); /* LINE:rodata */
	check_at("rodata", NULL);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      "] [len=256]\n"));
	if (!dma_mapping_error(dev, a))
		dma_unmap_single(dev, a, sizeof(rodata_table), DMA_TO_DEVICE);
	teardown();
}

static char static_data[128];

static void test_map_invalid_area(void)
{
	dma_addr_t a;

	setup();
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    PREFIX "device driver maps memory from invalid area [addr=",
			    1);
	a = dma_map_single(dev, static_data, 128, DMA_TO_DEVICE); /* LINE:invalid */
	check_at("invalid", NULL);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      "] [len=128]\n"));
	if (!dma_mapping_error(dev, a))
		dma_unmap_single(dev, a, sizeof(static_data), DMA_TO_DEVICE);
	teardown();
}

static void test_overlapping_from_device(void)
{
	void *buf;
	dma_addr_t a, b;

	setup();
	buf = lowmem_buf(256);
	a = dma_map_single(dev, buf, 128, DMA_FROM_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	want("cacheline tracking EEXIST, overlapping mappings aren't supported\n");
	b = dma_map_single(dev, buf, 64, DMA_FROM_DEVICE); /* LINE:overlap */
	check_at("overlap", "overlap");
	CU_ASSERT_FATAL(!dma_mapping_error(dev, b));
	dma_unmap_single(dev, b, 64, DMA_FROM_DEVICE);
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);
	kfree(buf);
	teardown();
}

static void test_overlap_limit_warns_once(void)
{
	void *buf;
	dma_addr_t a[10];
	int i;

	setup();
	buf = lowmem_buf(64);
	/* 9 overlaps of the first mapping: 9 errors; beyond 7, one WARN */
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    PREFIX "cacheline tracking EEXIST, overlapping mappings aren't supported\n",
			    9);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "DMA-API: exceeded 7 overlapping mappings of cacheline ",
			    1);
	for (i = 0; i < 10; i++) {
		a[i] = dma_map_single(dev, buf, 64, DMA_BIDIRECTIONAL);
		CU_ASSERT_FATAL(!dma_mapping_error(dev, a[i]));
	}
	for (i = 9; i >= 0; i--)
		dma_unmap_single(dev, a[i], 64, DMA_BIDIRECTIONAL);
	kfree(buf);
	teardown();
}

/* ---- the ledger: mappings left at test end ---- */

static void test_mapping_left_is_ledger(void)
{
	char w[256];
	void *buf;
	dma_addr_t a;

	setup();
	buf = lowmem_buf(64);
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE); /* LINE:leak */
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	snprintf(w, sizeof(w),
		 "kshim: DMA mapping still live [device address=0x%016llx] [size=64 bytes] [mapped with DMA_TO_DEVICE] [mapped as single], mapped at %s %s:%d;",
		 (unsigned long long)a, __func__, __FILE__,
		 marker_line("leak"));
	/* one ledger report (buf and dev are left too: the device owns
	 * buf, and the record points at dev) */
	kshim_expect_report(KSHIM_REPORT_LEDGER, w, 1);
}

/* ---- unbind with DMA still mapped (bus notifier) ---- */

static struct bus_type dbg_bus = { .name = "dmadbg_bus" };
static void *probe_buf;
static dma_addr_t probe_a, probe_b;
static bool probe_leaks;

static int dbg_probe(struct device *d)
{
	probe_buf = kmalloc(256, GFP_KERNEL);
	if (!probe_buf)
		return -ENOMEM;
	probe_a = dma_map_single(d, probe_buf, 64, DMA_TO_DEVICE); /* LINE:probe_a */
	if (dma_mapping_error(d, probe_a))
		return -ENOMEM;
	probe_b = dma_map_single(d, probe_buf + 128, 32, DMA_FROM_DEVICE); /* LINE:probe_b */
	if (dma_mapping_error(d, probe_b))
		return -ENOMEM;
	return 0;
}

static int dbg_remove(struct device *d)
{
	if (probe_leaks)
		return 0;	/* the planted bug: all left mapped */
	dma_unmap_single(d, probe_b, 32, DMA_FROM_DEVICE);
	dma_unmap_single(d, probe_a, 64, DMA_TO_DEVICE);
	kfree(probe_buf);
	return 0;
}

static struct device_driver bus_drv = {
	.name = "dmadbg",
	.bus = &dbg_bus,
	.probe = dbg_probe,
	.remove = dbg_remove,
};

static struct device *bus_dev;

static void bus_setup(bool leaks)
{
	probe_leaks = leaks;
	CU_ASSERT_EQUAL_FATAL(bus_register(&dbg_bus), 0);
	dma_debug_add_bus(&dbg_bus);
	CU_ASSERT_EQUAL_FATAL(driver_register(&bus_drv), 0);
	bus_dev = kzalloc(sizeof(*bus_dev), GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bus_dev);
	device_initialize(bus_dev);
	bus_dev->release = dev_release;
	bus_dev->bus = &dbg_bus;
	bus_dev->dma_mask = &bus_dev->coherent_dma_mask;
	bus_dev->coherent_dma_mask = DMA_BIT_MASK(64);
	CU_ASSERT_EQUAL_FATAL(dev_set_name(bus_dev, "dmadbg0"), 0);
	CU_ASSERT_EQUAL_FATAL(device_add(bus_dev), 0);
	CU_ASSERT_PTR_EQUAL_FATAL(bus_dev->driver, &bus_drv);
}

static void bus_teardown(void)
{
	device_unregister(bus_dev);
	driver_unregister(&bus_drv);
	bus_unregister(&dbg_bus);
}

static void test_unbind_with_pending_dma(void)
{
	const struct kshim_report *r;
	char a[256], b[256];
	bool names_a, names_b;

	bus_setup(true);
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    "DMA-API: dmadbg_bus dmadbg0: device driver has pending DMA allocations while released from device [count=2]\nOne of leaked entries details: [device address=0x",
			    1);
	device_release_driver(bus_dev);
	/* as the kernel: the driver is gone by BUS_NOTIFY_UNBOUND_DRIVER, so
	 * dev_driver_string() names the bus */
	CU_ASSERT_PTR_NULL(bus_dev->driver);
	/* one of the two, and the report is at the line that mapped it */
	snprintf(a, sizeof(a),
		 "[device address=0x%016llx] [size=64 bytes] [mapped with DMA_TO_DEVICE] [mapped as single]\n",
		 (unsigned long long)probe_a);
	snprintf(b, sizeof(b),
		 "[device address=0x%016llx] [size=32 bytes] [mapped with DMA_FROM_DEVICE] [mapped as single]\n",
		 (unsigned long long)probe_b);
	r = kshim_report_last(KSHIM_REPORT_DMA_API);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	names_a = strstr(r->text, a) != NULL;
	names_b = strstr(r->text, b) != NULL;
	CU_ASSERT(names_a != names_b);
	check_at(names_a ? "probe_a" : "probe_b",
		 names_a ? "probe_a" : "probe_b");
	/* the records stay (the kernel keeps them too): the ledger says so */
	kshim_expect_report(KSHIM_REPORT_LEDGER, "kshim: DMA mapping still live", 1);
	bus_teardown();
}

static void test_unbind_clean_is_silent(void)
{
	bus_setup(false);
	device_release_driver(bus_dev);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	bus_teardown();
}

/* The same through the real buses: platform and PCI remove(). */

static void *plat_cpu;
static dma_addr_t plat_h;
static bool plat_leaks;

static int plat_probe(struct platform_device *pdev)
{
	int ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));

	if (ret)
		return ret;
	plat_cpu = dma_alloc_coherent(&pdev->dev, 1024, &plat_h, GFP_KERNEL); /* LINE:plat_alloc */
	return plat_cpu ? 0 : -ENOMEM;
}

static int plat_remove(struct platform_device *pdev)
{
	if (!plat_leaks)
		dma_free_coherent(&pdev->dev, 1024, plat_cpu, plat_h);
	return 0;
}

static struct platform_driver plat_drv = {
	.driver = { .name = "dmadbg-plat" },
	.probe = plat_probe,
	.remove = plat_remove,
};

static void platform_unbind(bool leaks)
{
	struct platform_device *pdev;

	plat_leaks = leaks;
	plat_cpu = NULL;
	CU_ASSERT_EQUAL_FATAL(platform_driver_register(&plat_drv), 0);
	pdev = platform_device_register_simple("dmadbg-plat", -1, NULL, 0);
	CU_ASSERT_FATAL(!IS_ERR(pdev));
	CU_ASSERT_PTR_NOT_NULL_FATAL(plat_cpu);	/* probed */
	platform_device_unregister(pdev);
	platform_driver_unregister(&plat_drv);
}

static void test_platform_unbind_with_coherent_left(void)
{
	char w[512];

	/* 1024 bytes at the bus address the driver got */
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    "DMA-API: platform dmadbg-plat: device driver has pending DMA allocations while released from device [count=1]\nOne of leaked entries details: [device address=0x",
			    1);
	kshim_expect_report(KSHIM_REPORT_LEDGER, "kshim: DMA mapping still live", 1);
	platform_unbind(true);
	snprintf(w, sizeof(w),
		 "[device address=0x%016llx] [size=1024 bytes] [mapped with DMA_BIDIRECTIONAL] [mapped as coherent]\n",
		 (unsigned long long)plat_h);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text, w));
	check_at("plat_alloc", "plat_alloc");
}

static void test_platform_unbind_clean_is_silent(void)
{
	platform_unbind(false);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static dma_addr_t pci_a;
static void *pci_buf;
static bool pci_leaks;

static int dbgpci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));

	if (ret)
		return ret;
	pci_buf = kmalloc(512, GFP_KERNEL);
	if (!pci_buf)
		return -ENOMEM;
	pci_a = dma_map_single(&pdev->dev, pci_buf, 512, DMA_FROM_DEVICE); /* LINE:pci_map */
	if (dma_mapping_error(&pdev->dev, pci_a)) {
		kfree(pci_buf);
		return -ENOMEM;
	}
	return 0;
}

static void dbgpci_remove(struct pci_dev *pdev)
{
	if (pci_leaks)
		return;
	dma_unmap_single(&pdev->dev, pci_a, 512, DMA_FROM_DEVICE);
	kfree(pci_buf);
}

static const struct pci_device_id dbgpci_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x10f5) },
	{ }
};

static struct pci_driver dbgpci_drv = {
	.name = "dmadbg-pci",
	.id_table = dbgpci_ids,
	.probe = dbgpci_probe,
	.remove = dbgpci_remove,
};

static void pci_unbind(bool leaks)
{
	struct kshim_pci_config cfg = {
		.vendor = 0x1af4, .device = 0x10f5, .class = 0x020000,
	};
	struct pci_dev *pdev;

	pci_leaks = leaks;
	pci_buf = NULL;
	CU_ASSERT_EQUAL_FATAL(pci_register_driver(&dbgpci_drv), 0);
	pdev = kshim_pci_device_add(&cfg);
	CU_ASSERT_FATAL(!IS_ERR(pdev));
	CU_ASSERT_PTR_NOT_NULL_FATAL(pci_buf);	/* probed */
	kshim_pci_device_remove(pdev);
	pci_unregister_driver(&dbgpci_drv);
}

static void test_pci_unbind_with_mapping_left(void)
{
	char w[512];

	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    "device driver has pending DMA allocations while released from device [count=1]\nOne of leaked entries details: [device address=0x",
			    1);
	kshim_expect_report(KSHIM_REPORT_LEDGER, "kshim: DMA mapping still live", 1);
	pci_unbind(true);
	snprintf(w, sizeof(w),
		 "[device address=0x%016llx] [size=512 bytes] [mapped with DMA_FROM_DEVICE] [mapped as single]\n",
		 (unsigned long long)pci_a);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text, w));
	/* the kernel's prefix: the bus name, the function's name */
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      "DMA-API: pci 0000:"));
	check_at("pci_map", "pci_map");
}

static void test_pci_unbind_clean_is_silent(void)
{
	pci_unbind(false);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- correct use: silent ---- */

static void test_correct_use_silent(void)
{
	struct scatterlist sg[3];
	struct page *hp;
	void *buf, *cpu;
	dma_addr_t a, b, h;
	int ents;

	setup();
	buf = lowmem_buf(512);

	/* single: map, check, sync both ways, partial range, unmap */
	a = dma_map_single(dev, buf, 256, DMA_BIDIRECTIONAL);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	dma_sync_single_for_cpu(dev, a, 256, DMA_BIDIRECTIONAL);
	dma_sync_single_for_device(dev, a, 256, DMA_TO_DEVICE);
	dma_sync_single_for_cpu(dev, a, 256, DMA_FROM_DEVICE);
	dma_sync_single_range_for_cpu(dev, a, 64, 64, DMA_BIDIRECTIONAL);
	dma_unmap_single(dev, a, 256, DMA_BIDIRECTIONAL);

	/* FROM_DEVICE: sync for cpu and for device with its direction */
	a = dma_map_single(dev, buf, 128, DMA_FROM_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	dma_sync_single_for_cpu(dev, a, 128, DMA_FROM_DEVICE);
	dma_sync_single_for_device(dev, a, 128, DMA_FROM_DEVICE);
	dma_unmap_single(dev, a, 128, DMA_FROM_DEVICE);

	/* TO_DEVICE overlaps are fine; so is SKIP_CPU_SYNC */
	a = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	b = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	CU_ASSERT_FATAL(!dma_mapping_error(dev, b));
	dma_unmap_single(dev, b, 64, DMA_TO_DEVICE);
	dma_unmap_single(dev, a, 64, DMA_TO_DEVICE);
	a = dma_map_single(dev, buf, 64, DMA_FROM_DEVICE);
	b = dma_map_single_attrs(dev, buf, 64, DMA_FROM_DEVICE,
				 DMA_ATTR_SKIP_CPU_SYNC);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	CU_ASSERT_FATAL(!dma_mapping_error(dev, b));
	dma_unmap_single(dev, b, 64, DMA_FROM_DEVICE);
	dma_unmap_single(dev, a, 64, DMA_FROM_DEVICE);

	/* after unmapping, the same cacheline may be mapped again */
	a = dma_map_single(dev, buf, 64, DMA_FROM_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	dma_unmap_single(dev, a, 64, DMA_FROM_DEVICE);

	/* a highmem page (or lowmem where there is none) */
	hp = alloc_page(GFP_HIGHUSER);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hp);
	a = dma_map_page(dev, hp, 128, 256, DMA_TO_DEVICE);
	CU_ASSERT_FATAL(!dma_mapping_error(dev, a));
	dma_sync_single_for_device(dev, a, 256, DMA_TO_DEVICE);
	dma_unmap_page(dev, a, 256, DMA_TO_DEVICE);
	__free_page(hp);

	/* sg: map, sync every segment, unmap with the original nents */
	sg_setup(sg, 3);
	ents = dma_map_sg(dev, sg, 3, DMA_FROM_DEVICE);
	CU_ASSERT_FATAL(ents > 0);
	dma_sync_sg_for_cpu(dev, sg, 3, DMA_FROM_DEVICE);
	dma_sync_sg_for_device(dev, sg, 3, DMA_FROM_DEVICE);
	dma_sync_single_for_cpu(dev, sg_dma_address(&sg[0]),
				sg_dma_len(&sg[0]), DMA_FROM_DEVICE);
	dma_unmap_sg(dev, sg, 3, DMA_FROM_DEVICE);
	sg_teardown(3);

	/* coherent: alloc, free */
	cpu = dma_alloc_coherent(dev, 3000, &h, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	dma_free_coherent(dev, 3000, cpu, h);

	kfree(buf);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	teardown();
}

static CU_TestInfo dma_debug_tests[] = {
	{ "unmap of a never-mapped address", test_unmap_never_mapped },
	{ "unmap of DMA_MAPPING_ERROR", test_unmap_mapping_error_address },
	{ "unmap with a different size", test_unmap_different_size },
	{ "unmap with a different direction", test_unmap_different_direction },
	{ "dma_free_coherent of a streaming mapping", test_unmap_wrong_function },
	{ "mapping error never checked", test_unchecked_map_error },
	{ "unmap twice", test_unmap_twice },
	{ "free coherent with another CPU address", test_free_coherent_other_cpu_address },
	{ "free coherent with another size", test_free_coherent_different_size },
	{ "unmap sg with another entry count", test_unmap_sg_other_count },
	{ "sync sg with another entry count", test_sync_sg_other_count },
	{ "sg segment longer than the device's maximum", test_sg_segment_too_long },
	{ "sg segment across the device's boundary", test_sg_segment_across_boundary },
	{ "sync beyond the mapping", test_sync_beyond_mapping },
	{ "sync with another direction", test_sync_different_direction },
	{ "sync a device read-only mapping for the cpu", test_sync_read_only_for_cpu },
	{ "sync a device write-only mapping to the device", test_sync_write_only_to_device },
	{ "overlapping DMA_FROM_DEVICE mappings", test_overlapping_from_device },
	{ "more than 7 overlaps warn once", test_overlap_limit_warns_once },
	{ "a mapping left at test end: ledger", test_mapping_left_is_ledger },
	{ "unbind with DMA still mapped", test_unbind_with_pending_dma },
	{ "unbind after unmapping: silent", test_unbind_clean_is_silent },
	{ "platform remove with coherent memory left", test_platform_unbind_with_coherent_left },
	{ "platform remove after freeing: silent", test_platform_unbind_clean_is_silent },
	{ "PCI remove with a mapping left", test_pci_unbind_with_mapping_left },
	{ "PCI remove after unmapping: silent", test_pci_unbind_clean_is_silent },
	{ "correct use: silent", test_correct_use_silent },
	{ "map stack memory", test_map_stack },
	{ "map rodata", test_map_rodata },
	{ "map static data (invalid area)", test_map_invalid_area },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "dma-debug", NULL, NULL, NULL, NULL, dma_debug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
