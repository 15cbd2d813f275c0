/*
 * test_pdma - the pdma platform driver (drivers-under-test/pdma/): its
 * devres (devm_kzalloc, devm_platform_ioremap_resource, devm_request_irq)
 * and its dma_pool of descriptors, against a simulated engine here: a
 * register model whose GO register makes the engine walk the descriptor
 * chain by DMA (kshim_dma_read()/kshim_dma_write()), transform the data
 * and raise the device's interrupt.
 *  - the correct driver: every error path of its life clean (the sweep:
 *    each fallible call failed in turn); probe and remove with every
 *    devres resource released after remove (the mapping gone, the
 *    interrupt line free); transforms of 1 byte to 8 KiB (one pool
 *    descriptor per KiB, the data through both streaming mappings); an
 *    engine error (-EIO); probes that fail (no interrupt resource, a
 *    foreign id) with the kernel's text and everything devres took
 *    released;
 *  - the planted bugs: a register write beyond the 256-byte window (the
 *    MMIO check at the driver's line) and a pool descriptor never freed
 *    (dma_pool_destroy()'s "busy" error at remove).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/device.h>
#include <kshim/irq.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/sweep.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/platform_device.h>

#include "common/expect_bug.h"
#include "../../drivers-under-test/pdma/pdma.h"

#define PDMA_C		"drivers-under-test/pdma/pdma.c"
#define PDMA_IRQ	12

#define EQ(a, b)							\
do {									\
	long long a_ = (a), b_ = (b);					\
									\
	if (a_ != b_)							\
		fprintf(stderr, "%s:%d: %s is %lld, not %lld\n",	\
			__FILE__, __LINE__, #a, a_, b_);		\
	CU_ASSERT(a_ == b_);						\
} while (0)

/* ---- the simulated engine ---- */

static struct {
	struct kshim_mmio_region *regs;
	struct platform_device *pdev;
	uint32_t reg[PDMA_REGS_SIZE / 4];
	uint32_t status;		/* atomic */
	unsigned int descs;		/* descriptors processed */
	int fail_at;			/* descriptor to fault at, or -1 */
	int id;				/* what the ID register reads */
} eng;

static int engine_desc(struct device *dev, uint64_t addr)
{
	unsigned char buf[PDMA_CHUNK];
	struct pdma_desc d;
	unsigned int i;

	if (kshim_dma_read(dev, addr, &d, sizeof(d)))
		return -EFAULT;
	if (d.len > PDMA_CHUNK || (int)eng.descs == eng.fail_at) {
		d.status = PDMA_DESC_FAULT;
	} else if (kshim_dma_read(dev, d.src, buf, d.len)) {
		d.status = PDMA_DESC_FAULT;
	} else {
		for (i = 0; i < d.len; i++)
			buf[i] ^= d.key;
		d.status = kshim_dma_write(dev, d.dst, buf, d.len) ?
			   PDMA_DESC_FAULT : PDMA_DESC_DONE;
	}
	eng.descs++;
	if (kshim_dma_write(dev, addr, &d, sizeof(d)))
		return -EFAULT;
	return d.status == PDMA_DESC_DONE ? 0 : -EIO;
}

static void engine_run(void)
{
	struct device *dev = &eng.pdev->dev;
	uint64_t addr = (uint64_t)eng.reg[PDMA_REG_CHAIN_HI / 4] << 32 |
			eng.reg[PDMA_REG_CHAIN_LO / 4];
	uint32_t st = PDMA_STATUS_DONE;
	struct pdma_desc d;

	while (addr) {
		if (engine_desc(dev, addr)) {
			st |= PDMA_STATUS_ERROR;
			break;
		}
		if (kshim_dma_read(dev, addr, &d, sizeof(d)))
			break;
		addr = d.next;
	}
	__atomic_or_fetch(&eng.status, st, __ATOMIC_ACQ_REL);
	if (eng.reg[PDMA_REG_IRQ_EN / 4])
		CU_ASSERT_EQUAL(kshim_device_raise_irq(&eng.pdev->dev, 0), 0);
}

static uint64_t eng_read(void *priv, unsigned long off, unsigned int size)
{
	switch (off) {
	case PDMA_REG_ID:
		return eng.id;
	case PDMA_REG_STATUS:
		return __atomic_load_n(&eng.status, __ATOMIC_ACQUIRE);
	case PDMA_REG_COUNT:
		return eng.descs;
	default:
		return off < PDMA_REGS_SIZE ? eng.reg[off / 4] : ~0U;
	}
}

static void eng_write(void *priv, unsigned long off, uint64_t val,
		      unsigned int size)
{
	if (off >= PDMA_REGS_SIZE)
		return;
	if (off == PDMA_REG_STATUS) {
		__atomic_and_fetch(&eng.status, ~(uint32_t)val, __ATOMIC_ACQ_REL);
		return;
	}
	eng.reg[off / 4] = val;
	if (off == PDMA_REG_GO && (val & 1) &&
	    (eng.reg[PDMA_REG_CTRL / 4] & PDMA_CTRL_ENABLE))
		engine_run();
}

static const struct kshim_regs_ops eng_ops = {
	.read = eng_read,
	.write = eng_write,
};

/* The engine's device, with or without its interrupt; NULL if refused. */
static struct platform_device *try_plug(bool with_irq)
{
	struct resource res[2];

	memset(&eng, 0, sizeof(eng));
	eng.fail_at = -1;
	eng.id = PDMA_ID_VALUE;
	eng.regs = kshim_mmio_create(PDMA_REGS_SIZE, &eng_ops, NULL);
	if (!eng.regs)
		return NULL;
	memset(res, 0, sizeof(res));
	res[0].start = kshim_mmio_phys(eng.regs);
	res[0].end = res[0].start + PDMA_REGS_SIZE - 1;
	res[0].flags = IORESOURCE_MEM;
	res[1].start = res[1].end = PDMA_IRQ;
	res[1].flags = IORESOURCE_IRQ;
	eng.pdev = platform_device_register_simple(PDMA_NAME, -1, res,
						   with_irq ? 2 : 1);
	if (IS_ERR_OR_NULL(eng.pdev)) {
		kshim_mmio_destroy(eng.regs);
		eng.pdev = NULL;
		return NULL;
	}
	return eng.pdev;
}

static struct platform_device *plug(bool with_irq)
{
	struct platform_device *pdev = try_plug(with_irq);

	CU_ASSERT_PTR_NOT_NULL_FATAL(pdev);
	return pdev;
}

static void unplug(void)
{
	platform_device_unregister(eng.pdev);
	kshim_mmio_destroy(eng.regs);
}

static struct pdma_if *bring_up(const char *mod)
{
	struct pdma_if *pif;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load(mod, NULL), 0);
	plug(true);
	pif = dev_get_drvdata(&eng.pdev->dev);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pif);
	return pif;
}

static void take_down(const char *mod)
{
	unplug();
	EQ(kshim_module_unload(mod), 0);
}

static void pattern(unsigned char *b, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 11 + seed);
}

/* ---- the correct driver ---- */

/*
 * Load, probe, one transform, remove, unload, surviving any failure;
 * swept: every fallible call fails in a run of its own, and each run must
 * end clean (what devres took released after a failed probe too).
 */
static void lifecycle(void *arg)
{
	unsigned char src[1500], dst[1500];
	struct pdma_if *pif;

	if (kshim_module_load("pdma", NULL))
		return;
	if (try_plug(true)) {
		pif = dev_get_drvdata(&eng.pdev->dev);
		if (pif) {
			pattern(src, sizeof(src), 3);
			pif->transform(pif, src, dst, sizeof(src), 7);
		}
		unplug();
	}
	kshim_module_unload("pdma");
}

static void test_error_paths_clean(void)
{
	struct kshim_sweep_stats st;

	kshim_sweep(lifecycle, NULL, NULL, &st);
	CU_ASSERT(st.calls >= 8);
	CU_ASSERT_EQUAL(st.runs, st.calls);
	EQ(st.bugs, 0);
}

static void test_probe_and_remove(void)
{
	bring_up("pdma");
	CU_ASSERT_TRUE(kshim_dmesg_contains("pdma pdma: engine ready, irq 12\n"));
	EQ(eng.reg[PDMA_REG_IRQ_EN / 4], 1);
	EQ(eng.reg[PDMA_REG_CTRL / 4], PDMA_CTRL_ENABLE);
	EQ(kshim_mmio_live_mappings(eng.regs), 1);
	/* The interrupt line is the driver's. */
	platform_device_unregister(eng.pdev);
	EQ(eng.reg[PDMA_REG_CTRL / 4], 0);
	EQ(eng.reg[PDMA_REG_IRQ_EN / 4], 0);
	/* devres after remove: the window unmapped, the line free again. */
	EQ(kshim_mmio_live_mappings(eng.regs), 0);
	EQ(kshim_raise_irq(PDMA_IRQ), -ENXIO);
	kshim_mmio_destroy(eng.regs);
	EQ(kshim_module_unload("pdma"), 0);
	EQ(kshim_report_count(NULL), 0);
}

static void test_transform(void)
{
	static const unsigned int lens[] = { 1, 100, 1024, 1025, 3000,
					     PDMA_MAX_LEN };
	static unsigned char src[PDMA_MAX_LEN], dst[PDMA_MAX_LEN],
			     want[PDMA_MAX_LEN];
	struct pdma_if *pif = bring_up("pdma");
	unsigned int i, j, descs = 0;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		unsigned int len = lens[i];
		unsigned char key = 0x5a + i;

		pattern(src, len, i);
		for (j = 0; j < len; j++)
			want[j] = src[j] ^ key;
		memset(dst, 0, len);
		EQ(pif->transform(pif, src, dst, len, key), 0);
		CU_ASSERT_EQUAL(memcmp(dst, want, len), 0);
		descs += (len + PDMA_CHUNK - 1) / PDMA_CHUNK;
		EQ(eng.descs, descs);
	}
	EQ(pif->completed, 6);
	EQ(pif->transform(pif, src, dst, 0, 1), -EINVAL);
	EQ(pif->transform(pif, src, dst, PDMA_MAX_LEN + 1, 1), -EINVAL);
	take_down("pdma");
	EQ(kshim_report_count(NULL), 0);
}

/* The engine faults at the second descriptor: -EIO, then it works. */
static void test_engine_error(void)
{
	unsigned char src[3000], dst[3000];
	struct pdma_if *pif = bring_up("pdma");

	pattern(src, sizeof(src), 7);
	eng.fail_at = 1;
	EQ(pif->transform(pif, src, dst, sizeof(src), 1), -EIO);
	eng.fail_at = -1;
	EQ(pif->transform(pif, src, dst, sizeof(src), 0), 0);
	CU_ASSERT_EQUAL(memcmp(src, dst, sizeof(src)), 0);
	EQ(pif->completed, 1);
	take_down("pdma");
	EQ(kshim_report_count(NULL), 0);
}

/* No interrupt resource: probe fails, what devres took is released. */
static void test_probe_fails_without_irq(void)
{
	CU_ASSERT_EQUAL_FATAL(kshim_module_load("pdma", NULL), 0);
	plug(false);
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"pdma pdma: error -ENXIO: IRQ index 0 not found\n"));
	CU_ASSERT_PTR_NULL(eng.pdev->dev.driver);
	EQ(kshim_mmio_live_mappings(eng.regs), 0);
	unplug();
	EQ(kshim_module_unload("pdma"), 0);
	EQ(kshim_report_count(NULL), 0);
}

/* A foreign id register: -ENODEV through dev_err_probe(), IRQ released. */
static void test_probe_fails_on_foreign_id(void)
{
	struct resource res[2];

	CU_ASSERT_EQUAL_FATAL(kshim_module_load("pdma", NULL), 0);
	memset(&eng, 0, sizeof(eng));
	eng.id = 0x1234;
	eng.regs = kshim_mmio_create(PDMA_REGS_SIZE, &eng_ops, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(eng.regs);
	memset(res, 0, sizeof(res));
	res[0].start = kshim_mmio_phys(eng.regs);
	res[0].end = res[0].start + PDMA_REGS_SIZE - 1;
	res[0].flags = IORESOURCE_MEM;
	res[1].start = res[1].end = PDMA_IRQ;
	res[1].flags = IORESOURCE_IRQ;
	eng.pdev = platform_device_register_simple(PDMA_NAME, -1, res, 2);
	CU_ASSERT_FATAL(!IS_ERR_OR_NULL(eng.pdev));
	CU_ASSERT_TRUE(kshim_dmesg_contains(
		"pdma pdma: error -ENODEV: unknown id 0x1234\n"));
	CU_ASSERT_PTR_NULL(eng.pdev->dev.driver);
	EQ(kshim_mmio_live_mappings(eng.regs), 0);
	EQ(kshim_raise_irq(PDMA_IRQ), -ENXIO);
	unplug();
	EQ(kshim_module_unload("pdma"), 0);
	EQ(kshim_report_count(NULL), 0);
}

/* ---- planted bugs ---- */

/* The interrupt enabled at 0x100 of a 0x100-byte window. */
static void test_bug_register_write_outside_window(void)
{
	const struct kshim_report *r;
	char want[256];

	kshim_expect_report(KSHIM_REPORT_MMIO,
			    "kshim: MMIO writel() beyond the mapping: 4 bytes at offset 0x100 of a 0x100-byte mapping\n",
			    1);
	bring_up("pdma_reg_outside");
	r = assert_report_at_in(PDMA_C, KSHIM_REPORT_MMIO, "irq_en_outside");
	snprintf(want, sizeof(want), "kshim: the access: %s:%d (pdma_probe)\n",
		 PDMA_C, marker_line_in(PDMA_C, "irq_en_outside"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	/* The write went nowhere: the engine's interrupts stay off. */
	EQ(eng.reg[PDMA_REG_IRQ_EN / 4], 0);
	take_down("pdma_reg_outside");
}

/*
 * A descriptor never returned to the pool: dma_pool_destroy() says so
 * (the kernel's dev_err() line, a report of kshim's naming the block's
 * allocation) and leaks the chunk as the kernel does: still allocated
 * when the driver is released (DMA-API debug; "platform", the bus, as the
 * notifier runs with dev->driver already NULL) and at the end of the test
 * (the ledger).
 */
static void test_bug_pool_block_leaked(void)
{
	unsigned char src[100], dst[100];
	struct pdma_if *pif = bring_up("pdma_pool_leak");
	const struct kshim_report *r;
	char want[256];

	pattern(src, sizeof(src), 1);
	EQ(pif->transform(pif, src, dst, sizeof(src), 0), 0);
	kshim_expect_report(KSHIM_REPORT_DMA_POOL,
			    "pdma_pool_leak pdma: dma_pool_destroy pdma-desc, ", 1);
	kshim_expect_report(KSHIM_REPORT_DMA_API,
			    "DMA-API: platform pdma: device driver has pending DMA allocations while released from device [count=1]\n",
			    1);
	kshim_expect_report(KSHIM_REPORT_LEDGER, NULL, KSHIM_ANY_COUNT);
	take_down("pdma_pool_leak");
	r = assert_report_at_in(PDMA_C, KSHIM_REPORT_DMA_POOL, "pool_destroy");
	snprintf(want, sizeof(want), " still allocated by %s:%d (pdma_build)\n",
		 PDMA_C, marker_line_in(PDMA_C, "pool_alloc"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	r = assert_report_at_in(PDMA_C, KSHIM_REPORT_DMA_API, "pool_alloc");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, "[mapped as coherent]"));
}

/* The same transform and remove with the correct driver: silent. */
static void test_pool_balanced(void)
{
	unsigned char src[100], dst[100];
	struct pdma_if *pif = bring_up("pdma");

	pattern(src, sizeof(src), 1);
	EQ(pif->transform(pif, src, dst, sizeof(src), 0), 0);
	take_down("pdma");
	CU_ASSERT_FALSE(kshim_dmesg_contains("dma_pool_destroy"));
	EQ(kshim_report_count(NULL), 0);
}

static CU_TestInfo pdma_tests[] = {
	/* First: with KSHIM_FORK=0 the sweep forks before any thread exists. */
	{ "error_paths_clean", test_error_paths_clean },
	{ "probe_and_remove", test_probe_and_remove },
	{ "transform", test_transform },
	{ "engine_error", test_engine_error },
	{ "probe_fails_without_irq", test_probe_fails_without_irq },
	{ "probe_fails_on_foreign_id", test_probe_fails_on_foreign_id },
	{ "pool_balanced", test_pool_balanced },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bug_tests[] = {
	{ "register_write_outside_window",
	  test_bug_register_write_outside_window },
	{ "pool_block_leaked", test_bug_pool_block_leaked },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "pdma", NULL, NULL, NULL, NULL, pdma_tests },
	{ "bugs", NULL, NULL, NULL, NULL, bug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
