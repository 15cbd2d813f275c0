/*
 * ringnic_bugs_child - the ringnic bugs whose view depends on the build,
 * each a suite, for test_ringnic to run in a program of its own (and
 * never under valgrind, whose memcheck error would be the report here):
 *  - nosync: the receive tasklet copies a buffer without
 *    dma_sync_single_for_cpu() (module ringnic_no_sync_for_cpu).  In
 *    plain and TSan builds the CPU's view of the page is stale (the
 *    device wrote the bounce buffer, copied back only at the sync):
 *    "stale: yes".  In ASan builds the buffer is poisoned while the
 *    device owns it: kshim's dma_ownership report at the copy, which this
 *    program expects (the report ends the test);
 *  - cpuwrite: xmit stamps the packet after dma_map_page() (module
 *    ringnic_cpu_write): the device sends the bytes of the map time
 *    ("stale: yes"), or, under ASan, the report at the stamp;
 *  - owned: both with the correct driver: "stale: no", no report;
 *  - race: xmit without nic->lock (module ringnic_nolock) while the MSI
 *    handler releases sent descriptors on another CPU: their ring
 *    counters' accesses are unordered, a data race for TSan (nothing
 *    seen without it);
 *  - locked: the same with the correct driver: race-free.
 * test_ringnic runs the first three with KSHIM_HIGHMEM=0: ASan sees a
 * buffer through its page's direct mapping, which a highmem page lacks
 * (its kmap_local_page() aliases are not poisoned).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <kshim/device.h>
#include <kshim/irq.h>
#include <kshim/module.h>
#include <kshim/report.h>
#include <kshim/test.h>
#include <linux/device.h>
#include <linux/pci.h>

#include "common/asan.h"
#include "ringnic_sim.h"

static struct ringnic_sim sim;

static void pattern(unsigned char *b, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)(0x80 | (i * 5 + seed));
}

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
	CU_ASSERT_EQUAL(kshim_module_unload(mod), 0);
}

/* Packets through every receive buffer: did any arrive stale? */
static bool rx_stale(struct ringnic_if *nif)
{
	unsigned char in[512], out[512];
	bool stale = false;
	unsigned int i;

	for (i = 0; i < RINGNIC_RING_SIZE; i++) {
		pattern(in, sizeof(in), i);
		CU_ASSERT_EQUAL(ringnic_sim_inject(&sim, in, sizeof(in)), 0);
		CU_ASSERT_EQUAL(nif->receive(nif, out, sizeof(out), true),
				sizeof(out));
		if (memcmp(in, out, sizeof(out)))
			stale = true;
	}
	return stale;
}

/* A packet sent: did the device see the driver's stamp (its first byte)? */
static bool tx_stale(struct ringnic_if *nif)
{
	unsigned char buf[300];

	pattern(buf, sizeof(buf), 1);	/* first byte: 0x81, not 44 */
	CU_ASSERT_EQUAL(nif->xmit(nif, buf, sizeof(buf)), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(ringnic_sim_irq(&sim)), 0);
	CU_ASSERT_EQUAL_FATAL(sim.nsent, 1);
	return sim.sent[0][0] != (unsigned char)sizeof(buf);
}

static void say(bool stale)
{
	printf("stale: %s\n", stale ? "yes" : "no");
	fflush(stdout);
}

static void test_nosync(void)
{
	struct ringnic_if *nif = bring_up("ringnic_no_sync_for_cpu");

	if (ASAN_BUILD)
		kshim_expect_report(KSHIM_REPORT_DMA_OWNERSHIP,
				    "BUG: kshim: CPU read of a DMA buffer the device owns", 1);
	say(rx_stale(nif));
	take_down("ringnic_no_sync_for_cpu");
}

static void test_cpuwrite(void)
{
	struct ringnic_if *nif = bring_up("ringnic_cpu_write");

	if (ASAN_BUILD)
		kshim_expect_report(KSHIM_REPORT_DMA_OWNERSHIP,
				    "BUG: kshim: CPU write of a DMA buffer the device owns", 1);
	say(tx_stale(nif));
	take_down("ringnic_cpu_write");
}

static void test_owned(void)
{
	struct ringnic_if *nif = bring_up("ringnic");
	bool stale = rx_stale(nif);

	stale |= tx_stale(nif);
	say(stale);
	take_down("ringnic");
}

#define RACE_PACKETS	300

static void xmit_many(const char *mod)
{
	struct ringnic_if *nif = bring_up(mod);
	unsigned char buf[64];
	struct ringnic_stats st;
	unsigned int i, sent = 0;

	pattern(buf, sizeof(buf), 2);
	for (i = 0; i < RACE_PACKETS; i++) {
		int ret = nif->xmit(nif, buf, sizeof(buf));

		/* The handler may lag behind: a full ring is no error. */
		CU_ASSERT(ret == 0 || ret == -EBUSY);
		sent += ret == 0;
	}
	CU_ASSERT_EQUAL(kshim_irq_sync(ringnic_sim_irq(&sim)), 0);
	nif->stats(nif, &st);
	CU_ASSERT_EQUAL(sim.nsent, sent);
	printf("sent %u, released %lu\n", sent, st.tx_done);
	take_down(mod);
}

static void test_race(void)
{
	xmit_many("ringnic_nolock");
}

static void test_locked(void)
{
	xmit_many("ringnic");
}

static CU_TestInfo nosync_tests[] = {
	{ "nosync", test_nosync }, CU_TEST_INFO_NULL,
};
static CU_TestInfo cpuwrite_tests[] = {
	{ "cpuwrite", test_cpuwrite }, CU_TEST_INFO_NULL,
};
static CU_TestInfo owned_tests[] = {
	{ "owned", test_owned }, CU_TEST_INFO_NULL,
};
static CU_TestInfo race_tests[] = {
	{ "race", test_race }, CU_TEST_INFO_NULL,
};
static CU_TestInfo locked_tests[] = {
	{ "locked", test_locked }, CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "nosync", NULL, NULL, NULL, NULL, nosync_tests },
	{ "cpuwrite", NULL, NULL, NULL, NULL, cpuwrite_tests },
	{ "owned", NULL, NULL, NULL, NULL, owned_tests },
	{ "race", NULL, NULL, NULL, NULL, race_tests },
	{ "locked", NULL, NULL, NULL, NULL, locked_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
