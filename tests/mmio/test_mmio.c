/*
 * test_mmio - MMIO of the simulated machine (issue 15, D3): register
 * models behind ioremap() (kshim/device.h section 1: plain memory and
 * callbacks, the access trace, live-mapping queries), the accessors of
 * linux/io.h and asm-generic/iomap.h, the resource tree of linux/ioport.h
 * (request_mem_region() conflicts, insert_resource(), %pR), the managed
 * mappings (devm_ioremap_resource()), and the checks: an access beyond a
 * mapping or where the device has no register ("mmio" reports), after
 * iounmap(), through an area address no ioremap() covers, through NULL,
 * a plain dereference of an __iomem pointer (oopses naming this file's
 * line), iounmap() of an address not mapped (the kernel's "iounmap: bad
 * address"), ioremap() on RAM (the kernel's WARN), a release of a region
 * nobody claimed, and a mapping left at the end of a test (ledger).
 * Reports must name this file's lines (LINE:<name> markers).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <valgrind/memcheck.h>

#include <kshim/device.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

#include "common/expect_bug.h"

#define THIS_FILE __FILE__

/* The oops names the function: keep GCC from splitting or cloning it. */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_IPA __attribute__((noipa))
#else
#define NO_IPA
#endif

/* The oops ends the task: only where each test has its own process. */
static bool oops_tests_run(void)
{
	if (!strcmp(kshim_setting("KSHIM_FORK"), "1"))
		return true;
	fprintf(stderr, "test_mmio: the oops tests need KSHIM_FORK=1: skipped\n");
	return false;
}

/* "0x" and 16 hex digits: the kernel's %pa of a 64-bit phys_addr_t. */
static const char *pa(uint64_t phys, char *buf)
{
	sprintf(buf, "0x%016llx", (unsigned long long)phys);
	return buf;
}

/* ---- plain memory ---- */

static void test_plain_registers_roundtrip(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x1000, NULL, NULL);
	uint8_t *mem = kshim_mmio_mem(r);
	void __iomem *base;
	u8 buf[8];

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(kshim_mmio_size(r), 0x1000);
	/* in the MMIO window, aligned as a BAR */
	CU_ASSERT(kshim_mmio_phys(r) >= 0xc0000000ULL);
	CU_ASSERT_EQUAL(kshim_mmio_phys(r) & 0xfff, 0);
	CU_ASSERT_PTR_EQUAL(kshim_mmio_region_at(kshim_mmio_phys(r) + 0x10), r);

	base = ioremap(kshim_mmio_phys(r), 0x1000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 1);

	writel(0x11223344, base + 0x10);
	CU_ASSERT_EQUAL(mem[0x10], 0x44);
	CU_ASSERT_EQUAL(mem[0x13], 0x11);
	CU_ASSERT_EQUAL(readl(base + 0x10), 0x11223344);
	CU_ASSERT_EQUAL(readw(base + 0x12), 0x1122);
	CU_ASSERT_EQUAL(readb(base + 0x11), 0x33);
	writeq(0x0102030405060708ULL, base + 0x20);
	CU_ASSERT_EQUAL(readq(base + 0x20), 0x0102030405060708ULL);
	writeb(0xaa, base + 0x30);
	writew(0xbbcc, base + 0x32);
	CU_ASSERT_EQUAL(readl_relaxed(base + 0x30), 0xbbcc00aa);
	__raw_writel(5, base + 0x34);
	CU_ASSERT_EQUAL(__raw_readl(base + 0x34), 5);

	/* the test plays the device: it sets what the driver reads */
	mem[0x40] = 0x5a;
	CU_ASSERT_EQUAL(ioread8(base + 0x40), 0x5a);
	iowrite32be(0x01020304, base + 0x44);
	CU_ASSERT_EQUAL(mem[0x44], 0x01);
	CU_ASSERT_EQUAL(ioread32be(base + 0x44), 0x01020304);
	CU_ASSERT_EQUAL(ioread32(base + 0x44), 0x04030201);
	iowrite16be(0x1234, base + 0x48);
	CU_ASSERT_EQUAL(ioread16(base + 0x48), 0x3412);
	iowrite64_lo_hi(0x1111222233334444ULL, base + 0x50);
	CU_ASSERT_EQUAL(ioread64_hi_lo(base + 0x50), 0x1111222233334444ULL);
	CU_ASSERT_EQUAL(readl(base + 0x54), 0x11112222);

	/* block forms: unaligned start and length */
	memcpy_toio(base + 0x101, "abcdefg", 7);
	CU_ASSERT_EQUAL(memcmp(mem + 0x101, "abcdefg", 7), 0);
	memset(buf, 0, sizeof(buf));
	memcpy_fromio(buf, base + 0x102, 5);
	CU_ASSERT_EQUAL(memcmp(buf, "bcdef", 5), 0);
	memset_io(base + 0x200, 0x77, 9);
	CU_ASSERT_EQUAL(memchr_inv(mem + 0x200, 0x77, 9), NULL);
	CU_ASSERT_EQUAL(mem[0x209], 0);

	iounmap(base);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 0);
	kshim_mmio_destroy(r);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_mapping_keeps_page_offset(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x2000, NULL, NULL);
	uint8_t *mem = kshim_mmio_mem(r);
	void __iomem *a, *b;

	a = ioremap(kshim_mmio_phys(r) + 0x1010, 0x20);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL((unsigned long)a & 0xfff, 0x010);
	mem[0x1014] = 9;
	CU_ASSERT_EQUAL(readb(a + 4), 9);
	/* a second mapping of the same registers sees the same values */
	b = ioremap_wc(kshim_mmio_phys(r), 0x2000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 2);
	writel(0xfeed, b + 0x1018);
	CU_ASSERT_EQUAL(readl(a + 8), 0xfeed);
	/* iounmap() finds a mapping from any address inside it */
	iounmap(a + 0x10);
	iounmap(b);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 0);
	kshim_mmio_destroy(r);
}

/* Drivers take the address of the accessors: the functions exist too. */
static void test_accessors_as_functions(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	unsigned int (*rd)(const void __iomem *) = ioread32;
	void (*wr)(u32, void __iomem *) = iowrite32;
	u32 (*rl)(const volatile void __iomem *) = readl;
	void __iomem *(*map)(resource_size_t, unsigned long) = ioremap;
	void (*unmap)(volatile void __iomem *) = iounmap;
	void __iomem *base = map(kshim_mmio_phys(r), 0x100);

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	wr(0xabcd, base + 8);
	CU_ASSERT_EQUAL(rd(base + 8), 0xabcd);
	CU_ASSERT_EQUAL(rl(base + 8), 0xabcd);
	unmap(base);
	kshim_mmio_destroy(r);
}

/* ---- register models ---- */

struct model {
	unsigned int reads, writes;
	unsigned long last_off;
	uint64_t last_val;
	unsigned int last_size;
	uint32_t status;
};

static uint64_t model_read(void *priv, unsigned long off, unsigned int size)
{
	struct model *m = priv;

	m->reads++;
	m->last_off = off;
	m->last_size = size;
	if (off == 0x4)		/* status: read clears */
		return __atomic_exchange_n(&m->status, 0, __ATOMIC_RELAXED);
	return 0xdead0000 | off;
}

static void model_write(void *priv, unsigned long off, uint64_t val,
			unsigned int size)
{
	struct model *m = priv;

	m->writes++;
	m->last_off = off;
	m->last_val = val;
	m->last_size = size;
	if (off == 0x0 && (val & 1))	/* doorbell: raise a status bit */
		m->status |= 0x80;
}

static const struct kshim_regs_ops model_ops = {
	.read = model_read,
	.write = model_write,
};

static void test_model_callbacks(void)
{
	struct model m = { 0 };
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, &model_ops, &m);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	CU_ASSERT_EQUAL(readl(base + 0x4), 0);
	writel(1, base + 0x0);
	CU_ASSERT_EQUAL(m.writes, 1);
	CU_ASSERT_EQUAL(m.last_size, 4);
	CU_ASSERT_EQUAL(readl(base + 0x4), 0x80);
	CU_ASSERT_EQUAL(readl(base + 0x4), 0);	/* cleared by the read */
	CU_ASSERT_EQUAL(readw(base + 0x10), 0x0010);	/* cut to the size */
	CU_ASSERT_EQUAL(m.last_size, 2);
	writeb(0x7f, base + 0x21);
	CU_ASSERT_EQUAL(m.last_off, 0x21);
	CU_ASSERT_EQUAL(m.last_val, 0x7f);
	CU_ASSERT_EQUAL(m.last_size, 1);
	CU_ASSERT_EQUAL(m.reads, 4);
	CU_ASSERT_EQUAL(m.writes, 2);
	iounmap(base);
	kshim_mmio_destroy(r);
}

/* A NULL callback leaves that direction to the plain memory. */
static void test_model_write_only(void)
{
	static const struct kshim_regs_ops wonly = { .write = model_write };
	struct model m = { 0 };
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, &wonly, &m);
	uint32_t *mem = kshim_mmio_mem(r);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);

	mem[2] = 0x1234;
	CU_ASSERT_EQUAL(readl(base + 8), 0x1234);
	writel(9, base + 8);
	CU_ASSERT_EQUAL(m.writes, 1);
	CU_ASSERT_EQUAL(mem[2], 0x1234);	/* the model took the write */
	iounmap(base);
	kshim_mmio_destroy(r);
}

/* ---- the trace ---- */

static void test_trace_records_driver_lines(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	struct kshim_mmio_access t[8];
	void __iomem *base = ioremap(kshim_mmio_phys(r) + 0x40, 0x40);

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	writel(0x11, base + 4);		/* LINE:trace_w */
	(void)readw(base + 6);		/* LINE:trace_r */
	CU_ASSERT_EQUAL(kshim_mmio_trace_count(r), 2);
	CU_ASSERT_EQUAL_FATAL(kshim_mmio_trace(r, t, 8), 2);
	CU_ASSERT_TRUE(t[0].write);
	CU_ASSERT_EQUAL(t[0].size, 4);
	CU_ASSERT_EQUAL(t[0].off, 0x44);	/* from the region's start */
	CU_ASSERT_EQUAL(t[0].val, 0x11);
	CU_ASSERT_EQUAL(t[0].site->line, marker_line("trace_w"));
	CU_ASSERT_STRING_EQUAL(t[0].site->file, THIS_FILE);
	CU_ASSERT_FALSE(t[1].write);
	CU_ASSERT_EQUAL(t[1].size, 2);
	CU_ASSERT_EQUAL(t[1].off, 0x46);
	CU_ASSERT_EQUAL(t[1].val, 0);
	CU_ASSERT_EQUAL(t[1].site->line, marker_line("trace_r"));
	/* only as many as asked */
	CU_ASSERT_EQUAL(kshim_mmio_trace(r, t, 1), 1);
	CU_ASSERT_TRUE(t[0].write);
	kshim_mmio_trace_clear(r);
	CU_ASSERT_EQUAL(kshim_mmio_trace(r, t, 8), 0);
	writel(3, base);
	CU_ASSERT_EQUAL(kshim_mmio_trace(r, t, 8), 1);
	CU_ASSERT_EQUAL(t[0].off, 0x40);
	iounmap(base);
	kshim_mmio_destroy(r);
}

static void test_trace_keeps_the_last(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	static struct kshim_mmio_access t[KSHIM_MMIO_TRACE_MAX];
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);
	unsigned int i, n = KSHIM_MMIO_TRACE_MAX + 10;

	for (i = 0; i < n; i++)
		writel(i, base);
	CU_ASSERT_EQUAL(kshim_mmio_trace_count(r), n);
	CU_ASSERT_EQUAL(kshim_mmio_trace(r, t, KSHIM_MMIO_TRACE_MAX),
			KSHIM_MMIO_TRACE_MAX);
	CU_ASSERT_EQUAL(t[0].val, 10);
	CU_ASSERT_EQUAL(t[KSHIM_MMIO_TRACE_MAX - 1].val, n - 1);
	iounmap(base);
	kshim_mmio_destroy(r);
}

struct hammer {
	void __iomem *reg;
	unsigned int n;
};

static void *hammer_fn(void *arg)
{
	struct hammer *h = arg;
	unsigned int i;

	for (i = 0; i < h->n; i++) {
		writel(i, h->reg);
		(void)readl(h->reg);
	}
	return NULL;
}

/* Accesses from several CPUs at once: every one traced, no race. */
static void test_concurrent_accesses(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);
	struct hammer h[2] = { { base, 1000 }, { base + 4, 1000 } };
	uint32_t *mem = kshim_mmio_mem(r);
	pthread_t th[2];
	int i;

	for (i = 0; i < 2; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, hammer_fn,
						     &h[i]), 0);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	CU_ASSERT_EQUAL(kshim_mmio_trace_count(r), 4000);
	CU_ASSERT_EQUAL(readl(base), 999);
	CU_ASSERT_EQUAL(mem[1], 999);
	iounmap(base);
	kshim_mmio_destroy(r);
}

/* ---- hot-unplug ---- */

static void test_destroyed_region_reads_ones(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);

	writel(1, base);
	kshim_mmio_destroy(r);
	CU_ASSERT_EQUAL(readl(base), 0xffffffff);
	CU_ASSERT_EQUAL(readb(base + 1), 0xff);
	writel(2, base);		/* dropped, silently */
	CU_ASSERT_EQUAL(readq(base + 8), ~0ULL);
	iounmap(base);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- the resource tree ---- */

static void test_request_mem_region_conflicts(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x1000, NULL, NULL);
	resource_size_t phys = kshim_mmio_phys(r);
	struct resource *a, *b;

	a = request_mem_region(phys, 0x100, "first");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL(a->start, phys);
	CU_ASSERT_EQUAL(a->end, phys + 0xff);
	CU_ASSERT_EQUAL(a->flags, IORESOURCE_MEM | IORESOURCE_BUSY);
	CU_ASSERT_STRING_EQUAL(a->name, "first");
	CU_ASSERT_PTR_EQUAL(a->parent, &iomem_resource);
	/* any overlap with a busy region fails */
	CU_ASSERT_PTR_NULL(request_mem_region(phys + 0xf0, 0x20, "second"));
	CU_ASSERT_PTR_NULL(request_mem_region(phys, 0x100, "second"));
	b = request_mem_region(phys + 0x100, 0x100, "second");
	CU_ASSERT_PTR_NOT_NULL(b);
	release_mem_region(phys, 0x100);
	a = request_mem_region(phys + 0x80, 0x10, "third");
	CU_ASSERT_PTR_NOT_NULL(a);
	release_mem_region(phys + 0x80, 0x10);
	release_mem_region(phys + 0x100, 0x100);
	kshim_mmio_destroy(r);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_region_inside_device_resource(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x1000, NULL, NULL);
	struct resource dev_res = DEFINE_RES_MEM_NAMED(kshim_mmio_phys(r),
						       0x1000, "bar0");
	struct resource *busy;
	char buf[96];

	CU_ASSERT_EQUAL_FATAL(insert_resource(&iomem_resource, &dev_res), 0);
	busy = request_mem_region(dev_res.start + 0x200, 0x10, "regs");
	CU_ASSERT_PTR_NOT_NULL_FATAL(busy);
	CU_ASSERT_PTR_EQUAL(busy->parent, &dev_res);	/* claimed inside */
	CU_ASSERT_PTR_EQUAL(lookup_resource(&iomem_resource, dev_res.start),
			    &dev_res);
	scnprintf(buf, sizeof(buf), "%pR %pr", &dev_res, busy);
	{
		char want[96];

		snprintf(want, sizeof(want),
			 "[mem %#010llx-%#010llx] [mem %#010llx-%#010llx flags 0x80000200]",
			 (unsigned long long)dev_res.start,
			 (unsigned long long)dev_res.end,
			 (unsigned long long)busy->start,
			 (unsigned long long)busy->end);
		CU_ASSERT_STRING_EQUAL(buf, want);
	}
	release_mem_region(dev_res.start + 0x200, 0x10);
	CU_ASSERT_PTR_NULL(dev_res.child);
	CU_ASSERT_EQUAL(release_resource(&dev_res), 0);
	CU_ASSERT_EQUAL(release_resource(&dev_res), -EINVAL);
	kshim_mmio_destroy(r);
}

/* insert_resource() adopts what the new resource spans. */
static void test_insert_adopts_children(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x4000, NULL, NULL);
	resource_size_t phys = kshim_mmio_phys(r);
	struct resource a = DEFINE_RES_MEM(phys + 0x1000, 0x100);
	struct resource b = DEFINE_RES_MEM(phys + 0x2000, 0x100);
	struct resource big = DEFINE_RES_MEM(phys, 0x4000);
	struct resource part = DEFINE_RES_MEM(phys + 0x1080, 0x1000);

	CU_ASSERT_EQUAL(request_resource(&iomem_resource, &a), 0);
	CU_ASSERT_EQUAL(request_resource(&iomem_resource, &b), 0);
	/* spans a only in part: refused */
	CU_ASSERT_EQUAL(insert_resource(&iomem_resource, &part), -EBUSY);
	CU_ASSERT_EQUAL(insert_resource(&iomem_resource, &big), 0);
	CU_ASSERT_PTR_EQUAL(a.parent, &big);
	CU_ASSERT_PTR_EQUAL(b.parent, &big);
	CU_ASSERT_PTR_EQUAL(big.child, &a);
	CU_ASSERT_PTR_EQUAL(a.sibling, &b);
	CU_ASSERT_EQUAL(remove_resource(&big), 0);
	CU_ASSERT_PTR_EQUAL(a.parent, &iomem_resource);
	CU_ASSERT_EQUAL(release_resource(&a), 0);
	CU_ASSERT_EQUAL(release_resource(&b), 0);
	kshim_mmio_destroy(r);
}

static void test_ram_is_busy(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	resource_size_t phys = page_to_phys(page);

	CU_ASSERT_PTR_NULL(request_mem_region(phys, PAGE_SIZE, "ram"));
	CU_ASSERT_EQUAL(region_intersects(phys, PAGE_SIZE,
					  IORESOURCE_SYSTEM_RAM,
					  IORES_DESC_NONE), REGION_INTERSECTS);
	__free_page(page);
}

static void test_release_of_unclaimed_region_reports(void)
{
	char want[160], a[24], b[24];

	snprintf(want, sizeof(want),
		 "resource: Trying to free nonexistent resource <%s-%s>\n",
		 pa(0xc8000000ULL, a), pa(0xc80000ffULL, b));
	kshim_expect_report(KSHIM_REPORT_RESOURCE, want, 1);
	release_mem_region(0xc8000000ULL, 0x100);	/* LINE:badrelease */
	assert_report_at(KSHIM_REPORT_RESOURCE, "badrelease");
}

/* ---- managed mappings ---- */

static void test_devm_ioremap_resource(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x1000, NULL, NULL);
	struct resource res = DEFINE_RES_MEM_NAMED(kshim_mmio_phys(r), 0x1000,
						   "regs");
	struct resource irq = DEFINE_RES_IRQ(5);
	const struct kshim_site *sites[2];
	struct device *dev = root_device_register("mmio-test");
	void __iomem *base, *again;
	char want[128];

	CU_ASSERT_FALSE_FATAL(IS_ERR_OR_NULL(dev));
	base = devm_ioremap_resource(dev, &res);	/* LINE:devm_map */
	CU_ASSERT_FALSE_FATAL(IS_ERR(base));
	writel(0x5a5a, base + 0x10);
	CU_ASSERT_EQUAL(readl(base + 0x10), 0x5a5a);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings_in(res.start, 0x1000,
						    sites, 2), 1);
	CU_ASSERT_EQUAL(sites[0]->line, marker_line("devm_map"));
	CU_ASSERT_STRING_EQUAL(sites[0]->file, THIS_FILE);

	/* the region is claimed as "<device> <name>": a second claim fails */
	snprintf(want, sizeof(want),
		 "mmio-test: can't request region for resource [mem %#010llx-%#010llx]\n",
		 (unsigned long long)res.start, (unsigned long long)res.end);
	again = devm_ioremap_resource(dev, &res);
	CU_ASSERT_EQUAL(PTR_ERR(again), -EBUSY);
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	CU_ASSERT_PTR_NULL(request_mem_region(res.start, 4, "other"));

	CU_ASSERT_EQUAL(PTR_ERR(devm_ioremap_resource(dev, &irq)), -EINVAL);
	CU_ASSERT_EQUAL(PTR_ERR(devm_ioremap_resource(dev, NULL)), -EINVAL);
	CU_ASSERT_TRUE(kshim_dmesg_contains("mmio-test: invalid resource\n"));

	/* released with the device: mapping and claim */
	root_device_unregister(dev);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 0);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings_in(res.start, 0x1000,
						    NULL, 0), 0);
	CU_ASSERT_PTR_NOT_NULL(request_mem_region(res.start, 4, "other"));
	release_mem_region(res.start, 4);
	kshim_mmio_destroy(r);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_devm_iounmap(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	struct device *dev = root_device_register("mmio-test2");
	void __iomem *base = devm_ioremap(dev, kshim_mmio_phys(r), 0x100);

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	devm_iounmap(dev, base);
	CU_ASSERT_EQUAL(kshim_mmio_live_mappings(r), 0);
	/* one the device does not manage: devres_destroy() fails, WARN_ON */
	base = ioremap(kshim_mmio_phys(r), 0x100);
	expect_report_at_in(THIS_FILE, KSHIM_REPORT_WARNING, " at ",
			    "devm_unmanaged");
	devm_iounmap(dev, base);	/* LINE:devm_unmanaged */
	root_device_unregister(dev);
	kshim_mmio_destroy(r);
}

/* ---- the checks ---- */

static void test_access_beyond_mapping_reports(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x2000, NULL, NULL);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x1000); /* LINE:beyond_map */
	char want[512], p[24];

	snprintf(want, sizeof(want),
		 "kshim: MMIO readl() beyond the mapping: 4 bytes at offset 0x1000 of a 0x1000-byte mapping\n"
		 "kshim: the mapping: ioremap(%s, 0x1000) at %s:%d (%s)\n"
		 "kshim: the access: %s:%d (%s)\n",
		 pa(kshim_mmio_phys(r), p), THIS_FILE, marker_line("beyond_map"),
		 __func__, THIS_FILE, marker_line("beyond_r"), __func__);
	kshim_expect_report(KSHIM_REPORT_MMIO, want, 1);
	CU_ASSERT_EQUAL(readl(base + 0x1000), 0xffffffff); /* LINE:beyond_r */
	assert_report_at(KSHIM_REPORT_MMIO, "beyond_r");

	/* a write straddling the end: dropped, not in the region */
	kshim_expect_report(KSHIM_REPORT_MMIO,
			    "kshim: MMIO writel() beyond the mapping: 4 bytes at offset 0xffe of a 0x1000-byte mapping\n",
			    1);
	writel(1, base + 0xffe);	/* LINE:beyond_w */
	assert_report_at(KSHIM_REPORT_MMIO, "beyond_w");
	CU_ASSERT_EQUAL(((uint8_t *)kshim_mmio_mem(r))[0xffe], 0);
	CU_ASSERT_EQUAL(kshim_mmio_trace_count(r), 0);
	iounmap(base);
	kshim_mmio_destroy(r);
}

static void test_no_register_behind_mapping_reports(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x1000);
	char want[256], p[24];

	CU_ASSERT_EQUAL(readl(base + 0xfc), 0);
	snprintf(want, sizeof(want),
		 "kshim: MMIO readw() at physical address %s: no device register there (the device's region is [mem %#llx-%#llx])\n",
		 pa(kshim_mmio_phys(r) + 0x100, p),
		 (unsigned long long)kshim_mmio_phys(r),
		 (unsigned long long)kshim_mmio_phys(r) + 0xff);
	kshim_expect_report(KSHIM_REPORT_MMIO, want, 1);
	CU_ASSERT_EQUAL(readw(base + 0x100), 0xffff);	/* LINE:noreg */
	assert_report_at(KSHIM_REPORT_MMIO, "noreg");
	iounmap(base);
	kshim_mmio_destroy(r);
}

static void test_no_device_at_all_reports(void)
{
	void __iomem *base = ioremap(0xf0000000ULL, 0x100);
	char want[160], p[24];

	CU_ASSERT_PTR_NOT_NULL_FATAL(base);
	snprintf(want, sizeof(want),
		 "kshim: MMIO writeb() at physical address %s: no device there\n",
		 pa(0xf0000010ULL, p));
	kshim_expect_report(KSHIM_REPORT_MMIO, want, 1);
	writeb(1, base + 0x10);		/* LINE:nodev */
	assert_report_at(KSHIM_REPORT_MMIO, "nodev");
	iounmap(base);
}

static void test_iounmap_twice_reports(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);
	void __iomem *base = ioremap(kshim_mmio_phys(r), 0x100);
	char want[128];

	iounmap(base);
	/* the kernel's text: the page of the address, %p-hashed */
	scnprintf(want, sizeof(want), "iounmap: bad address %p\n",
		  (void *)((unsigned long)base & PAGE_MASK));
	kshim_expect_report(KSHIM_REPORT_MMIO, want, 1);
	iounmap(base);		/* LINE:iounmap2 */
	assert_report_at(KSHIM_REPORT_MMIO, "iounmap2");
	kshim_mmio_destroy(r);
}

static void test_iounmap_of_non_mapping_reports(void)
{
	static char not_mapped[64];
	char want[128];

	/* NULL and the direct map: silently nothing, as x86 does */
	iounmap(NULL);
	{
		void *k = kmalloc(32, GFP_KERNEL);

		iounmap((void __iomem *)k);
		kfree(k);
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	/* anything else is no vm area */
	scnprintf(want, sizeof(want), "iounmap: bad address %p\n",
		  (void *)((unsigned long)not_mapped & PAGE_MASK));
	kshim_expect_report(KSHIM_REPORT_MMIO, want, 1);
	iounmap((void __iomem *)not_mapped);	/* LINE:iounmap_bad */
	assert_report_at(KSHIM_REPORT_MMIO, "iounmap_bad");
}

static void test_ioremap_ram_warns(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	resource_size_t phys = page_to_phys(page);
	char want[160], a[24], b[24];

	snprintf(want, sizeof(want), "ioremap on RAM at %s - %s\n",
		 pa(phys, a), pa(phys + 0xff, b));
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	CU_ASSERT_PTR_NULL(ioremap(phys, 0x100));	/* LINE:ram */
	assert_report_at(KSHIM_REPORT_WARNING, "ram");
	/* nothing to map: NULL, silently */
	CU_ASSERT_PTR_NULL(ioremap(0xd0000000ULL, 0));
	CU_ASSERT_PTR_NULL(ioremap(~0ULL - 0xf, 0x100));
	__free_page(page);
}

static void test_ioremap_invalid_phys_warns(void)
{
	kshim_expect_report(KSHIM_REPORT_WARNING, NULL, 1);
	CU_ASSERT_PTR_NULL(ioremap(1ULL << 50, 0x100));	/* LINE:badphys */
	assert_report_at(KSHIM_REPORT_WARNING, "badphys");
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"ioremap: invalid physical address 4000000000000\n"));
}

static void test_mapping_left_is_a_ledger_report(void)
{
	struct kshim_mmio_region *r = kshim_mmio_create(0x100, NULL, NULL);

	expect_report_at_in(THIS_FILE, KSHIM_REPORT_LEDGER, ", 0x100) at ",
			    "leak");
	CU_ASSERT_PTR_NOT_NULL(ioremap(kshim_mmio_phys(r), 0x100)); /* LINE:leak */
}

/* ---- oopses ---- */

static void expect_oops(unsigned long addr, bool write, const char *explain,
			const char *marker, const char *func)
{
	static char want[1024];

	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor %s access in kernel mode\n"
		 "#PF: error_code(0x000%d) - not-present page\n"
		 "%s"
		 "kshim: the faulting access: %s:%d (%s)\n"
		 "Oops: 000%d [#1]",
		 addr, write ? "write" : "read", write ? 2 : 0, explain,
		 THIS_FILE, marker_line(marker), func, write ? 2 : 0);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
}

static NO_IPA void test_access_after_iounmap_oopses(void)
{
	struct kshim_mmio_region *r;
	void __iomem *base;
	char explain[512], p[24];

	if (!oops_tests_run())
		return;
	r = kshim_mmio_create(0x100, NULL, NULL);
	base = ioremap(kshim_mmio_phys(r), 0x100);	/* LINE:uaf_map */
	iounmap(base);					/* LINE:uaf_unmap */
	snprintf(explain, sizeof(explain),
		 "kshim: %#lx was MMIO: offset 0x8 of ioremap(%s, 0x100) at %s:%d, unmapped by iounmap() at %s:%d: an access after iounmap()\n",
		 (unsigned long)base + 8, pa(kshim_mmio_phys(r), p), THIS_FILE,
		 marker_line("uaf_map"), THIS_FILE, marker_line("uaf_unmap"));
	expect_oops((unsigned long)base + 8, true, explain, "uaf", __func__);
	writel(1, base + 8);	/* LINE:uaf */
	CU_FAIL("writel() after iounmap() did not oops");
}

static NO_IPA void test_raw_dereference_oopses(void)
{
	struct kshim_mmio_region *r;
	volatile u32 __iomem *reg;
	char explain[512], p[24];

	if (!oops_tests_run())
		return;
	r = kshim_mmio_create(0x1000, NULL, NULL);
	reg = ioremap(kshim_mmio_phys(r), 0x1000);	/* LINE:raw_map */
	reg += 2;
	snprintf(explain, sizeof(explain),
		 "kshim: %#lx is __iomem: offset 0x8 of the 0x1000-byte MMIO mapping ioremap(%s, 0x1000) at %s:%d\n"
		 "kshim: __iomem memory is accessed only with readl()/writel(), ioread32()/iowrite32(), memcpy_fromio() ... (sparse: different address space); a plain dereference faults in kshim\n",
		 (unsigned long)reg, pa(kshim_mmio_phys(r), p), THIS_FILE,
		 marker_line("raw_map"));
	expect_oops((unsigned long)reg, false, explain, "raw", __func__);
	(void)*reg;	/* LINE:raw */
	CU_FAIL("a plain dereference of an __iomem pointer did not oops");
}

static NO_IPA void test_unmapped_area_address_oopses(void)
{
	struct kshim_mmio_region *r;
	void __iomem *base;
	unsigned long wild;
	char explain[256];

	if (!oops_tests_run())
		return;
	r = kshim_mmio_create(0x100, NULL, NULL);
	base = ioremap(kshim_mmio_phys(r), 0x100);
	/*
	 * Far into the area, where no ioremap() has been yet: no more MMIO
	 * than any wild address (a bogus pointer may land there by chance).
	 */
	wild = ((unsigned long)base & PAGE_MASK) + (256UL << 20);
	snprintf(explain, sizeof(explain),
		 "kshim: nothing of the simulated machine is at %#lx: a wild pointer\n",
		 wild);
	expect_oops(wild, false, explain, "wild", __func__);
	(void)readl((void __iomem *)wild);	/* LINE:wild */
	CU_FAIL("readl() of an unmapped area address did not oops");
}

static NO_IPA void test_null_readl_oopses(void)
{
	static char want[256];

	if (!oops_tests_run())
		return;
	snprintf(want, sizeof(want),
		 "BUG: kernel NULL pointer dereference, address: 0000000000000010\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n");
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	(void)readl((void __iomem *)0x10);	/* LINE:null */
	CU_FAIL("readl(NULL + 0x10) did not oops");
}

/* An accessor on a host address outside the area: the access's own fault. */
static NO_IPA void test_readl_of_wild_pointer_oopses(void)
{
	static char want[512];
	void *p;

	if (!oops_tests_run())
		return;
	p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CU_ASSERT_FATAL(p != MAP_FAILED);
	/* memcheck would name the wild access itself: let it reach the fault */
	VALGRIND_MAKE_MEM_DEFINED(p, 4096);
	snprintf(want, sizeof(want),
		 "BUG: unable to handle page fault for address: %016lx\n"
		 "#PF: supervisor read access in kernel mode\n"
		 "#PF: error_code(0x0000) - not-present page\n"
		 "kshim: nothing of the simulated machine is at %#lx: a wild pointer\n"
		 "kshim: the faulting access: %s:%d (%s)\n",
		 (unsigned long)p + 4, (unsigned long)p + 4, THIS_FILE,
		 marker_line("wildptr"), __func__);
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	(void)readl((void __iomem *)p + 4);	/* LINE:wildptr */
	CU_FAIL("readl() of a PROT_NONE page did not oops");
}

static CU_TestInfo model_tests[] = {
	{ "plain_registers_roundtrip", test_plain_registers_roundtrip },
	{ "mapping_keeps_page_offset", test_mapping_keeps_page_offset },
	{ "accessors_as_functions", test_accessors_as_functions },
	{ "model_callbacks", test_model_callbacks },
	{ "model_write_only", test_model_write_only },
	{ "trace_records_driver_lines", test_trace_records_driver_lines },
	{ "trace_keeps_the_last", test_trace_keeps_the_last },
	{ "concurrent_accesses", test_concurrent_accesses },
	{ "destroyed_region_reads_ones", test_destroyed_region_reads_ones },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo resource_tests[] = {
	{ "request_mem_region_conflicts", test_request_mem_region_conflicts },
	{ "region_inside_device_resource",
	  test_region_inside_device_resource },
	{ "insert_adopts_children", test_insert_adopts_children },
	{ "ram_is_busy", test_ram_is_busy },
	{ "release_of_unclaimed_region_reports",
	  test_release_of_unclaimed_region_reports },
	{ "devm_ioremap_resource", test_devm_ioremap_resource },
	{ "devm_iounmap", test_devm_iounmap },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo check_tests[] = {
	{ "access_beyond_mapping_reports", test_access_beyond_mapping_reports },
	{ "no_register_behind_mapping_reports",
	  test_no_register_behind_mapping_reports },
	{ "no_device_at_all_reports", test_no_device_at_all_reports },
	{ "iounmap_twice_reports", test_iounmap_twice_reports },
	{ "iounmap_of_non_mapping_reports",
	  test_iounmap_of_non_mapping_reports },
	{ "ioremap_ram_warns", test_ioremap_ram_warns },
	{ "ioremap_invalid_phys_warns", test_ioremap_invalid_phys_warns },
	{ "mapping_left_is_a_ledger_report",
	  test_mapping_left_is_a_ledger_report },
	{ "access_after_iounmap_oopses", test_access_after_iounmap_oopses },
	{ "raw_dereference_oopses", test_raw_dereference_oopses },
	{ "unmapped_area_address_oopses", test_unmapped_area_address_oopses },
	{ "null_readl_oopses", test_null_readl_oopses },
	{ "readl_of_wild_pointer_oopses", test_readl_of_wild_pointer_oopses },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "model", NULL, NULL, NULL, NULL, model_tests },
	{ "resource", NULL, NULL, NULL, NULL, resource_tests },
	{ "checks", NULL, NULL, NULL, NULL, check_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites)
