/*
 * test_ringnic - the ringnic PCI driver (drivers-under-test/ringnic/)
 * against its simulated hardware (ringnic_sim.c: a register model on
 * BAR 0, device-side DMA on the rings and buffers, MSI):
 *  - the correct driver is silent in every scenario: every error path
 *    of its life clean (the sweep fails each fallible call in turn),
 *    probe and remove (the device set up and quiesced, nothing left
 *    mapped), packets sent (the device reads each buffer by DMA: the
 *    driver's bytes and stamp), a full ring (-EBUSY, then drained),
 *    packets received through the recycled buffers (synced for the CPU
 *    and back), a queue of them, no packet (-EAGAIN), the driver's
 *    register accesses in the trace;
 *  - each planted bug (module ringnic_<bug>, the same source built with
 *    -DRINGNIC_BUG_<BUG>) is caught with the kernel's DMA-API text, the
 *    device's IOMMU-style fault or the MMIO check, at the driver's
 *    file:line: unmap with the wrong direction, with the wrong size,
 *    twice, a mapping error never checked, mappings left at remove,
 *    receive buffers the device may not write, a register write after
 *    pci_iounmap(), a register write beyond BAR 0.  The bugs whose view
 *    depends on the build run in ringnic_bugs_child: the CPU touching a
 *    buffer the device owns (stale data; in ASan builds kshim's
 *    ownership report) and the handler racing with xmit (TSan's report).
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
#include <linux/pci.h>

#include "common/asan.h"
#include "common/expect_bug.h"
#include "common/spawn.h"
#include "ringnic_sim.h"

#if defined(__SANITIZE_THREAD__)
#define TSAN_BUILD 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_BUILD 1
#endif
#endif

#define RINGNIC_C	"drivers-under-test/ringnic/ringnic.c"
#define SIM_C		"tests/drivers/ringnic_sim.c"

#define EQ(a, b)							\
do {									\
	long long a_ = (a), b_ = (b);					\
									\
	if (a_ != b_)							\
		fprintf(stderr, "%s:%d: %s is %lld, not %lld\n",	\
			__FILE__, __LINE__, #a, a_, b_);		\
	CU_ASSERT(a_ == b_);						\
} while (0)

static struct ringnic_sim sim;

static void pattern(unsigned char *b, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 13 + seed * 7 + (i >> 7));
}

/* Load @mod and plug the device in: the driver's handle. */
static struct ringnic_if *bring_up(const char *mod)
{
	struct ringnic_if *nif;

	CU_ASSERT_EQUAL_FATAL(kshim_module_load(mod, NULL), 0);
	ringnic_sim_add(&sim);
	nif = ringnic_sim_nif(&sim);
	CU_ASSERT_PTR_NOT_NULL_FATAL(nif);
	return nif;
}

static void take_down(const char *mod)
{
	ringnic_sim_remove(&sim);
	EQ(kshim_module_unload(mod), 0);
}

static void sync_irq(void)
{
	EQ(kshim_irq_sync(ringnic_sim_irq(&sim)), 0);
}

static struct ringnic_stats stats(struct ringnic_if *nif)
{
	struct ringnic_stats st;

	nif->stats(nif, &st);
	return st;
}

/* "file:line" of a marked line of the driver. */
static const char *at(const char *name)
{
	static char buf[4][160];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s:%d", RINGNIC_C,
		 marker_line_in(RINGNIC_C, name));
	return buf[i];
}

/* "DMA-API: <driver> <device>: " of the bound driver @mod. */
static const char *dma_api_prefix(const char *mod)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "DMA-API: %s %s: ", mod,
		 dev_name(&sim.pdev->dev));
	return buf;
}

static bool isolated(void)
{
	if (strcmp(kshim_setting("KSHIM_FORK"), "1")) {
		kshim_test_skip("the oops ends the task: needs KSHIM_FORK=1");
		return false;
	}
	return true;
}

/* Send one packet of @len bytes (pattern @seed) and wait for its IRQ. */
static void send_one(struct ringnic_if *nif, unsigned int len,
		     unsigned int seed)
{
	unsigned char buf[RINGNIC_MAX_PACKET];

	pattern(buf, len, seed);
	EQ(nif->xmit(nif, buf, len), 0);
	sync_irq();
}

/* ---- the correct driver ---- */

static void test_probe_and_remove(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	char want[128];
	uint16_t cmd;

	snprintf(want, sizeof(want), "ringnic %s: ring of 16 descriptors, irq %u\n",
		 dev_name(&sim.pdev->dev), ringnic_sim_irq(&sim));
	CU_ASSERT_TRUE(kshim_dmesg_contains(want));
	/* Set up: rings programmed, interrupts unmasked, enabled, master. */
	EQ(sim.regs[RINGNIC_REG_CTRL / 4], RINGNIC_CTRL_ENABLE);
	EQ(sim.regs[RINGNIC_REG_IMR / 4], RINGNIC_ISR_TX | RINGNIC_ISR_RX);
	EQ(sim.regs[RINGNIC_REG_TX_COUNT / 4], RINGNIC_RING_SIZE);
	EQ(sim.regs[RINGNIC_REG_RX_COUNT / 4], RINGNIC_RING_SIZE);
	CU_ASSERT_NOT_EQUAL(sim.regs[RINGNIC_REG_TX_BASE_LO / 4], 0);
	CU_ASSERT_NOT_EQUAL(sim.regs[RINGNIC_REG_RX_BASE_LO / 4],
			    sim.regs[RINGNIC_REG_TX_BASE_LO / 4]);
	cmd = kshim_pci_config_peek(sim.pdev, PCI_COMMAND, 2);
	CU_ASSERT(cmd & PCI_COMMAND_MASTER);
	CU_ASSERT(cmd & PCI_COMMAND_MEMORY);
	EQ(kshim_mmio_live_mappings(sim.bar), 1);
	EQ(stats(nif).tx_queued, 0);

	kshim_pci_device_remove(sim.pdev);
	/* Quiesced, unmapped; the function stays until the region goes. */
	EQ(sim.regs[RINGNIC_REG_CTRL / 4], 0);
	EQ(sim.regs[RINGNIC_REG_IMR / 4], 0);
	EQ(kshim_mmio_live_mappings(sim.bar), 0);
	kshim_mmio_destroy(sim.bar);
	EQ(kshim_module_unload("ringnic"), 0);
	EQ(kshim_report_count(NULL), 0);
}

/*
 * The whole life of the device, written to survive any failure: load,
 * probe, a packet each way, remove, unload.  Swept: each fallible call
 * of it fails in a run of its own, and every such run must end clean.
 */
static void lifecycle(void *arg)
{
	unsigned char in[200], out[200];
	struct ringnic_if *nif;

	if (kshim_module_load("ringnic", NULL))
		return;
	if (ringnic_sim_try_add(&sim)) {
		nif = ringnic_sim_nif(&sim);
		if (nif) {
			pattern(in, sizeof(in), 1);
			if (nif->xmit(nif, in, sizeof(in)) == 0)
				kshim_irq_sync(ringnic_sim_irq(&sim));
			if (ringnic_sim_inject(&sim, in, sizeof(in)) == 0)
				nif->receive(nif, out, sizeof(out), true);
		}
		ringnic_sim_remove(&sim);
	}
	kshim_module_unload("ringnic");
}

static void test_error_paths_clean(void)
{
	struct kshim_sweep_stats st;

	kshim_sweep(lifecycle, NULL, NULL, &st);
	/* kzalloc, pages, coherent rings, mappings, vectors, the IRQ ... */
	CU_ASSERT(st.calls >= 20);
	CU_ASSERT_EQUAL(st.runs, st.calls);
	EQ(st.bugs, 0);
}

/* The driver's writes at probe, in order, each at its line. */
static void test_register_trace(void)
{
	struct kshim_mmio_access *tr;
	size_t n, i, last_ctrl = 0;
	bool saw_tx_base = false;

	tr = calloc(KSHIM_MMIO_TRACE_MAX, sizeof(*tr));
	CU_ASSERT_PTR_NOT_NULL_FATAL(tr);
	bring_up("ringnic");
	n = kshim_mmio_trace(sim.bar, tr, KSHIM_MMIO_TRACE_MAX);
	CU_ASSERT_FATAL(n >= 10);
	/* The first access reads the id register. */
	CU_ASSERT_FALSE(tr[0].write);
	EQ(tr[0].off, RINGNIC_REG_ID);
	EQ(tr[0].val, RINGNIC_ID_VALUE);
	for (i = 0; i < n; i++) {
		EQ(tr[i].size, 4);
		if (tr[i].write && tr[i].off == RINGNIC_REG_TX_BASE_LO) {
			saw_tx_base = true;
			CU_ASSERT_PTR_NOT_NULL(tr[i].site);
			if (tr[i].site) {
				CU_ASSERT_STRING_EQUAL(tr[i].site->file, RINGNIC_C);
				EQ(tr[i].site->line,
				   marker_line_in(RINGNIC_C, "reg_write"));
			}
		}
		if (tr[i].write && tr[i].off == RINGNIC_REG_CTRL)
			last_ctrl = i;
	}
	CU_ASSERT_TRUE(saw_tx_base);
	/* Enabled last, once everything is programmed. */
	EQ(last_ctrl, n - 1);
	EQ(tr[n - 1].val, RINGNIC_CTRL_ENABLE);
	free(tr);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

static void test_transmit(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char want[RINGNIC_MAX_PACKET];
	static const unsigned int lens[] = { 60, 1, 1514, 2048, 333, 4 };
	unsigned int i, k;

	/* In batches the ring holds: the handler releases them meanwhile. */
	for (i = 0; i < 20; i++) {
		unsigned int len = lens[i % 6];

		pattern(want, len, i);
		EQ(nif->xmit(nif, want, len), 0);
		if (i % 8 == 7)
			sync_irq();
	}
	sync_irq();
	EQ(sim.nsent, 20);
	EQ(sim.dma_faults, 0);
	for (i = 0; i < 20; i++) {
		unsigned int len = lens[i % 6];

		pattern(want, len, i);
		want[0] = (unsigned char)len;	/* the driver's stamp */
		EQ(sim.sent_len[i], len);
		k = memcmp(sim.sent[i], want, len);
		EQ(k, 0);
	}
	EQ(stats(nif).tx_queued, 20);
	EQ(stats(nif).tx_done, 20);
	CU_ASSERT(stats(nif).interrupts >= 1);
	EQ(nif->xmit(nif, want, 0), -EINVAL);
	EQ(nif->xmit(nif, want, RINGNIC_MAX_PACKET + 1), -EINVAL);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/* A device that does not send: the ring fills, then drains. */
static void test_ring_full(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char buf[100];
	unsigned int i;

	pattern(buf, sizeof(buf), 3);
	sim.paused = true;
	for (i = 0; i < RINGNIC_RING_SIZE; i++)
		EQ(nif->xmit(nif, buf, sizeof(buf)), 0);
	EQ(nif->xmit(nif, buf, sizeof(buf)), -EBUSY);
	EQ(sim.nsent, 0);
	EQ(stats(nif).tx_done, 0);
	sim.paused = false;
	ringnic_sim_tx(&sim);
	sync_irq();
	EQ(sim.nsent, RINGNIC_RING_SIZE);
	EQ(stats(nif).tx_done, RINGNIC_RING_SIZE);
	EQ(nif->xmit(nif, buf, sizeof(buf)), 0);
	sync_irq();
	EQ(sim.nsent, RINGNIC_RING_SIZE + 1);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/* Unsent packets at remove: unmapped and freed by the driver. */
static void test_remove_with_pending_tx(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char buf[64];

	pattern(buf, sizeof(buf), 4);
	sim.paused = true;
	EQ(nif->xmit(nif, buf, sizeof(buf)), 0);
	EQ(nif->xmit(nif, buf, sizeof(buf)), 0);
	take_down("ringnic");
	EQ(sim.nsent, 0);
	EQ(kshim_report_count(NULL), 0);
}

/* 40 packets one by one through the 16 recycled receive buffers. */
static void test_receive(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char in[RINGNIC_RX_BUF_SIZE], out[RINGNIC_RX_BUF_SIZE];
	unsigned int i;

	for (i = 0; i < 40; i++) {
		unsigned int len = i == 7 ? RINGNIC_RX_BUF_SIZE : 64 + i * 37;

		pattern(in, len, 100 + i);
		EQ(ringnic_sim_inject(&sim, in, len), 0);
		memset(out, 0, sizeof(out));
		EQ(nif->receive(nif, out, sizeof(out), true), len);
		CU_ASSERT_EQUAL(memcmp(in, out, len), 0);
	}
	EQ(stats(nif).rx_packets, 40);
	EQ(stats(nif).rx_dropped, 0);
	EQ(sim.dma_faults, 0);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/* Several packets queued before the reader comes: kept in order. */
static void test_receive_queue(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char in[300], out[300];
	unsigned int i;

	for (i = 0; i < 10; i++) {
		pattern(in, 200 + i, i);
		EQ(ringnic_sim_inject(&sim, in, 200 + i), 0);
	}
	for (i = 0; i < 10; i++) {
		pattern(in, 200 + i, i);
		EQ(nif->receive(nif, out, sizeof(out), true), 200 + i);
		CU_ASSERT_EQUAL(memcmp(in, out, 200 + i), 0);
	}
	/* Nothing more: -EAGAIN, at once and after a (virtual) second. */
	EQ(nif->receive(nif, out, sizeof(out), false), -EAGAIN);
	EQ(nif->receive(nif, out, sizeof(out), true), -EAGAIN);
	/* A short buffer gets the start of the packet. */
	pattern(in, 100, 9);
	EQ(ringnic_sim_inject(&sim, in, 100), 0);
	EQ(nif->receive(nif, out, 10, true), 10);
	CU_ASSERT_EQUAL(memcmp(in, out, 10), 0);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/* Packets both ways at once. */
static void test_both_directions(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	unsigned char in[500], out[500];
	unsigned int i;

	for (i = 0; i < 24; i++) {
		pattern(in, 500, i);
		EQ(nif->xmit(nif, in, 500 - i), 0);
		EQ(ringnic_sim_inject(&sim, in, 400 + i), 0);
		EQ(nif->receive(nif, out, sizeof(out), true), 400 + i);
		CU_ASSERT_EQUAL(memcmp(in, out, 400 + i), 0);
	}
	sync_irq();
	EQ(sim.nsent, 24);
	EQ(stats(nif).tx_done, 24);
	EQ(stats(nif).rx_packets, 24);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/* ---- planted bugs ---- */

/* Transmit buffers unmapped as DMA_FROM_DEVICE. */
static void test_bug_unmap_wrong_direction(void)
{
	const char *mod = "ringnic_wrong_dir";
	struct ringnic_if *nif = bring_up(mod);
	char want[512];

	kshim_expect_report(KSHIM_REPORT_DMA_API, "different direction", 1);
	send_one(nif, 100, 1);
	EQ(sim.nsent, 1);
	snprintf(want, sizeof(want),
		 "%sdevice driver frees DMA memory with different direction "
		 "[device address=0x%016llx] [size=100 bytes] "
		 "[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]\n",
		 dma_api_prefix(mod), (unsigned long long)sim.sent_addr[0]);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      want));
	assert_report_at_in(RINGNIC_C, KSHIM_REPORT_DMA_API, "tx_unmap");
	take_down(mod);
}

/* Transmit buffers unmapped with PAGE_SIZE. */
static void test_bug_unmap_wrong_size(void)
{
	const char *mod = "ringnic_unmap_size";
	struct ringnic_if *nif = bring_up(mod);
	char want[512];

	kshim_expect_report(KSHIM_REPORT_DMA_API, "different size", 1);
	send_one(nif, 700, 2);
	snprintf(want, sizeof(want),
		 "%sdevice driver frees DMA memory with different size "
		 "[device address=0x%016llx] [map size=700 bytes] "
		 "[unmap size=4096 bytes]\n",
		 dma_api_prefix(mod), (unsigned long long)sim.sent_addr[0]);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      want));
	assert_report_at_in(RINGNIC_C, KSHIM_REPORT_DMA_API, "tx_unmap_size");
	take_down(mod);
}

/* remove() unmaps a transmit buffer the handler unmapped already. */
static void test_bug_double_unmap(void)
{
	const char *mod = "ringnic_double_unmap";
	struct ringnic_if *nif = bring_up(mod);
	char want[512];

	send_one(nif, 300, 3);
	EQ(kshim_report_count(NULL), 0);
	snprintf(want, sizeof(want),
		 "%sdevice driver tries to free DMA memory it has not allocated "
		 "[device address=0x%016llx] [size=300 bytes]\n",
		 dma_api_prefix(mod), (unsigned long long)sim.sent_addr[0]);
	kshim_expect_report(KSHIM_REPORT_DMA_API, want, 1);
	take_down(mod);
	assert_report_at_in(RINGNIC_C, KSHIM_REPORT_DMA_API, "tx_unmap_again");
}

/* xmit never calls dma_mapping_error(): reported at the unmap. */
static void test_bug_unchecked_mapping_error(void)
{
	const char *mod = "ringnic_unchecked_map";
	struct ringnic_if *nif = bring_up(mod);
	char want[512];

	kshim_expect_report(KSHIM_REPORT_DMA_API, "failed to check map error", 1);
	send_one(nif, 128, 4);
	snprintf(want, sizeof(want),
		 "%sdevice driver failed to check map error"
		 "[device address=0x%016llx] [size=128 bytes] [mapped as single]",
		 dma_api_prefix(mod), (unsigned long long)sim.sent_addr[0]);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      want));
	assert_report_at_in(RINGNIC_C, KSHIM_REPORT_DMA_API, "tx_unmap");
	take_down(mod);
}

/* The same steps with the correct driver: silent. */
static void test_unmaps_silent(void)
{
	struct ringnic_if *nif = bring_up("ringnic");

	send_one(nif, 100, 1);
	send_one(nif, 700, 2);
	send_one(nif, 300, 3);
	send_one(nif, 128, 4);
	EQ(sim.nsent, 4);
	take_down("ringnic");
	EQ(kshim_report_count(NULL), 0);
}

/*
 * remove() frees the receive pages still mapped: 16 mappings pending when
 * the driver is released (the kernel's notifier runs once dev->driver is
 * NULL, hence "pci", the bus, where the driver's name would be), one
 * report at the line of one leaked mapping; the ledger at the end of the
 * test lists them all, naming the map line.
 */
static void test_bug_mappings_left_at_remove(void)
{
	const char *mod = "ringnic_leak_at_remove";
	char want[512];

	bring_up(mod);
	snprintf(want, sizeof(want),
		 "DMA-API: pci %s: device driver has pending DMA allocations "
		 "while released from device [count=%d]\nOne of leaked entries "
		 "details: [device address=0x", dev_name(&sim.pdev->dev),
		 RINGNIC_RING_SIZE);
	kshim_expect_report(KSHIM_REPORT_DMA_API, want, 1);
	kshim_expect_report(KSHIM_REPORT_LEDGER, at("rx_map"), 1);
	take_down(mod);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      "] [size=2048 bytes] [mapped with DMA_FROM_DEVICE] [mapped as single]\n"));
	snprintf(want, sizeof(want), "DMA-API: Mapped at:\n ringnic_rx_fill %s\n",
		 at("rx_map"));
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_report_last(KSHIM_REPORT_DMA_API)->text,
				      want));
	assert_report_at_in(RINGNIC_C, KSHIM_REPORT_DMA_API, "rx_map");
}

/*
 * Receive buffers mapped DMA_TO_DEVICE: the device's write is refused
 * (the IOMMU-style fault, at the simulated device's line), the packet
 * never arrives.
 */
static void test_bug_rx_buffer_not_writable(void)
{
	const char *mod = "ringnic_rx_to_device";
	struct ringnic_if *nif = bring_up(mod);
	const struct kshim_report *r;
	unsigned char in[64], out[64];
	char want[256];

	pattern(in, sizeof(in), 5);
	snprintf(want, sizeof(want),
		 "DMAR: [DMA Write NO_PASID] Request device [%s] fault addr 0x",
		 dev_name(&sim.pdev->dev));
	kshim_expect_report(KSHIM_REPORT_DMA_FAULT, want, 1);
	EQ(ringnic_sim_inject(&sim, in, sizeof(in)), -EFAULT);
	r = assert_report_at_in(SIM_C, KSHIM_REPORT_DMA_FAULT, "rx_dma_write");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text,
		"[fault reason 0x05] PTE Write access is not set\n"));
	snprintf(want, sizeof(want),
		 "kshim: the mapping there was made at %s (ringnic_rx_fill)\n",
		 at("rx_map"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	EQ(nif->receive(nif, out, sizeof(out), false), -EAGAIN);
	take_down(mod);
}

/*
 * A register write after pci_iounmap() in remove(): the page-fault oops,
 * with kshim's lines naming the mapping, its iounmap() and the driver's
 * faulting access.
 */
static void test_bug_mmio_after_iounmap(void)
{
	const char *mod = "ringnic_mmio_after_unmap";
	char want[512];

	if (!isolated())
		return;
	bring_up(mod);
	/* After the kernel's lines about the (host) address the mapping had. */
	snprintf(want, sizeof(want),
		 " was MMIO: offset 0xc of ioremap(0x%016llx, 0x1000) at %s, unmapped by "
		 "iounmap() at %s: an access after iounmap()\n"
		 "kshim: the faulting access: %s (ringnic_write)\n",
		 (unsigned long long)kshim_mmio_phys(sim.bar), at("pci_iomap"),
		 at("iounmap"), at("reg_write"));
	kshim_expect_report(KSHIM_REPORT_OOPS, want, 1);
	kshim_pci_device_remove(sim.pdev);
	CU_FAIL("remove() returned");
}

/* probe writes a register 0x10 past the end of BAR 0. */
static void test_bug_register_write_outside_bar(void)
{
	const char *mod = "ringnic_reg_outside_bar";
	const struct kshim_report *r;
	char want[256];

	kshim_expect_report(KSHIM_REPORT_MMIO,
			    "kshim: MMIO writel() beyond the mapping: 4 bytes at offset 0x1010 of a 0x1000-byte mapping\n",
			    1);
	bring_up(mod);
	r = assert_report_at_in(RINGNIC_C, KSHIM_REPORT_MMIO, "outside_bar");
	snprintf(want, sizeof(want), "kshim: the access: %s (ringnic_hw_setup)\n",
		 at("outside_bar"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	/* pci_iomap() is an ioremap() of the BAR, at the driver's line. */
	snprintf(want, sizeof(want),
		 "kshim: the mapping: ioremap(0x%016llx, 0x1000) at %s (ringnic_probe)\n",
		 (unsigned long long)kshim_mmio_phys(sim.bar), at("pci_iomap"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r->text, want));
	/* Nothing reached the device; the driver works on. */
	send_one(ringnic_sim_nif(&sim), 64, 1);
	EQ(sim.nsent, 1);
	take_down(mod);
}

/* ---- bugs in a program of their own (ringnic_bugs_child) ---- */

/* The child printed @what (kshim's runner may send stdout to stderr). */
static bool said(const struct spawn_result *r, const char *what)
{
	return strstr(r->out, what) || strstr(r->err, what);
}

static void run_child(const char *mode, bool lowmem, struct spawn_result *r)
{
	char path[4096];
	char *argv[] = { path, (char *)mode, NULL };
	const char *env[] = { "KSHIM_BACKTRACE=1", lowmem ? "KSHIM_HIGHMEM=0" : NULL,
			      NULL };

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/drivers/ringnic_bugs_child"));
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, r), 0);
}

static void dump_child(const char *mode, struct spawn_result *r)
{
	if (CU_get_number_of_failures())
		fprintf(stderr, "ringnic_bugs_child %s:\nstderr:\n%s\nstdout:\n%s\n",
			mode, r->err, r->out);
}

/*
 * The CPU reads a receive buffer without dma_sync_single_for_cpu() /
 * writes a transmit buffer after mapping it: in plain and TSan builds
 * the child sees stale data (the bounce buffer is copied only at the
 * sync/map); in ASan builds kshim's ownership report, naming the map
 * call, with the driver's access in its trace (the child expects it).
 */
static void ownership_bug(const char *mode, const char *mod,
			  const char *what, const char *map, const char *mapfn,
			  const char *access)
{
	struct spawn_result r;
	char want[512];

	run_child(mode, true, &r);
	EQ(r.status, 0);
	if (ASAN_BUILD) {
		snprintf(want, sizeof(want),
			 "BUG: kshim: CPU %s of a DMA buffer the device owns", what);
		CU_ASSERT_TRUE(said(&r, want));
		snprintf(want, sizeof(want), " for %s %s by dma_map_page() at %s (%s), owned by the device",
			 mod, "0000:00:01.0", at(map), mapfn);
		CU_ASSERT_TRUE(said(&r, want));
		snprintf(want, sizeof(want), " %s\n", at(access));
		CU_ASSERT_TRUE(said(&r, want));
		CU_ASSERT_FALSE(said(&r, "stale: "));
	} else {
		CU_ASSERT_TRUE(said(&r, "stale: yes\n"));
		CU_ASSERT_FALSE(said(&r, "dma_ownership"));
	}
	dump_child(mode, &r);
	spawn_free(&r);
}

static void test_bug_no_sync_for_cpu(void)
{
	ownership_bug("nosync", "ringnic_no_sync_for_cpu", "read", "rx_map",
		      "ringnic_rx_fill", "rx_copy");
}

static void test_bug_cpu_write_while_device_owns(void)
{
	ownership_bug("cpuwrite", "ringnic_cpu_write", "write", "tx_map",
		      "ringnic_xmit", "stamp");
}

/* The same steps with the correct driver: fresh data, no report. */
static void test_ownership_respected(void)
{
	struct spawn_result r;

	run_child("owned", true, &r);
	EQ(r.status, 0);
	CU_ASSERT_TRUE(said(&r, "stale: no\n"));
	CU_ASSERT_FALSE(said(&r, "BUG: kshim: CPU "));
	dump_child("owned", &r);
	spawn_free(&r);
}

#define RACE_SKIP \
	"the handler/xmit race needs ThreadSanitizer to be seen (configure --enable-tsan)"

/* xmit without nic->lock against the handler's release: TSan's race. */
static void test_bug_irq_handler_races_with_xmit(void)
{
#ifdef TSAN_BUILD
	struct spawn_result r;
	int tries;

	for (tries = 0; tries < 5; tries++) {
		run_child("race", false, &r);
		if (strstr(r.err, "WARNING: ThreadSanitizer: data race"))
			break;
		spawn_free(&r);
	}
	CU_ASSERT_FATAL(tries < 5);
	CU_ASSERT_NOT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " ringnic_xmit "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " ringnic_tx_complete "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, " ringnic_interrupt "));
	/* the handler's side: its read of tx_busy or its decrement */
	CU_ASSERT(strstr(r.err, at("tx_busy_dec")) ||
		  strstr(r.err, at("tx_busy_poll")));
	CU_ASSERT(strstr(r.err, at("tx_busy_read")) ||
		  strstr(r.err, at("tx_busy_inc")));
	dump_child("race", &r);
	spawn_free(&r);
#else
	kshim_test_skip(RACE_SKIP);
#endif
}

static void test_locked_xmit_race_free(void)
{
	struct spawn_result r;

	run_child("locked", false, &r);
	EQ(r.status, 0);
	CU_ASSERT_PTR_NULL(strstr(r.err, "ThreadSanitizer"));
	dump_child("locked", &r);
	spawn_free(&r);
}

static CU_TestInfo ringnic_tests[] = {
	/* First: with KSHIM_FORK=0 the sweep forks before any thread exists
	 * (ThreadSanitizer cannot fork a process that has threads). */
	{ "error_paths_clean", test_error_paths_clean },
	{ "probe_and_remove", test_probe_and_remove },
	{ "register_trace", test_register_trace },
	{ "transmit", test_transmit },
	{ "ring_full", test_ring_full },
	{ "remove_with_pending_tx", test_remove_with_pending_tx },
	{ "receive", test_receive },
	{ "receive_queue", test_receive_queue },
	{ "both_directions", test_both_directions },
	{ "unmaps_silent", test_unmaps_silent },
	{ "ownership_respected", test_ownership_respected },
	{ "locked_xmit_race_free", test_locked_xmit_race_free },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo bug_tests[] = {
	{ "unmap_wrong_direction", test_bug_unmap_wrong_direction },
	{ "unmap_wrong_size", test_bug_unmap_wrong_size },
	{ "double_unmap", test_bug_double_unmap },
	{ "unchecked_mapping_error", test_bug_unchecked_mapping_error },
	{ "mappings_left_at_remove", test_bug_mappings_left_at_remove },
	{ "rx_buffer_not_writable", test_bug_rx_buffer_not_writable },
	{ "mmio_after_iounmap", test_bug_mmio_after_iounmap },
	{ "register_write_outside_bar", test_bug_register_write_outside_bar },
	{ "no_sync_for_cpu", test_bug_no_sync_for_cpu },
	{ "cpu_write_while_device_owns",
	  test_bug_cpu_write_while_device_owns },
	{ "irq_handler_races_with_xmit",
	  test_bug_irq_handler_races_with_xmit },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "ringnic", NULL, NULL, NULL, NULL, ringnic_tests },
	{ "bugs", NULL, NULL, NULL, NULL, bug_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
