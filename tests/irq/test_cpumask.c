/*
 * test_cpumask - struct cpumask (linux/cpumask.h of 6.1) and the machine's
 * masks: after boot CPUs 0..KSHIM_CPUS-1 are possible, present, online and
 * active and no other bit is set; a reboot with fewer CPUs shrinks them;
 * a CPU number past the machine (or past NR_CPUS) is not online.  The
 * operations look at nr_cpu_ids bits only (a bit beyond is neither counted
 * nor compared), searches return >= nr_cpu_ids for "none", the wrap
 * iterator starts at its CPU.
 * linux/cpu.h: no CPU hotplug, so its locks are empty and remove_cpu()
 * fails.
 */
#include <errno.h>
#include <stdio.h>

#include <kshim/boot.h>
#include <kshim/test.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>

static void test_machine_masks(void)
{
	CU_ASSERT_EQUAL(nr_cpu_ids, 4);
	CU_ASSERT_EQUAL(cpumask_bits(cpu_possible_mask)[0], 0xfUL);
	CU_ASSERT_TRUE(cpumask_equal(cpu_online_mask, cpu_possible_mask));
	CU_ASSERT_TRUE(cpumask_equal(cpu_present_mask, cpu_possible_mask));
	CU_ASSERT_TRUE(cpumask_equal(cpu_active_mask, cpu_possible_mask));
	CU_ASSERT_TRUE(cpumask_empty(cpu_dying_mask));
	CU_ASSERT_EQUAL(num_online_cpus(), 4);
	CU_ASSERT_EQUAL(num_possible_cpus(), 4);
	CU_ASSERT_EQUAL(num_present_cpus(), 4);
	CU_ASSERT_EQUAL(num_active_cpus(), 4);
	CU_ASSERT_EQUAL(cpumask_first(cpu_online_mask), 0);
	CU_ASSERT_EQUAL(cpumask_last(cpu_online_mask), 3);
	CU_ASSERT_TRUE(cpu_online(0));
	CU_ASSERT_TRUE(cpu_online(3));
	CU_ASSERT_TRUE(cpu_possible(3) && cpu_present(3) && cpu_active(3));
	CU_ASSERT_FALSE(cpu_dying(0));
}

/* Past the machine, and past the mask itself: not online, no read beyond. */
static void test_cpu_out_of_range(void)
{
	CU_ASSERT_FALSE(cpu_online(4));
	CU_ASSERT_FALSE(cpu_possible(NR_CPUS - 1));
	CU_ASSERT_FALSE(cpu_online(NR_CPUS));
	CU_ASSERT_FALSE(cpu_present(~0U));
	CU_ASSERT_TRUE(cpu_is_offline(5));
	CU_ASSERT_FALSE(cpu_is_offline(1));
}

static void test_reboot_shrinks_masks(void)
{
	unsigned int cpu, n = 0;
	char was[32];

	/* Put back at the end: with KSHIM_FORK=0 the next test runs here. */
	snprintf(was, sizeof(was), "KSHIM_CPUS=%s", kshim_setting("KSHIM_CPUS"));
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_CPUS=2", NULL), 0);
	CU_ASSERT_EQUAL(cpumask_bits(cpu_online_mask)[0], 0x3UL);
	CU_ASSERT_EQUAL(cpumask_bits(cpu_present_mask)[0], 0x3UL);
	CU_ASSERT_EQUAL(num_possible_cpus(), 2);
	CU_ASSERT_FALSE(cpu_online(2));
	for_each_online_cpu(cpu)
		n++;
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_CPUS=6", NULL), 0);
	CU_ASSERT_EQUAL(cpumask_bits(cpu_possible_mask)[0], 0x3fUL);
	CU_ASSERT_TRUE(cpu_online(5));
	CU_ASSERT_EQUAL(kshim_boot(was, NULL), 0);
	CU_ASSERT_EQUAL(num_online_cpus(), 4);
}

static void test_ops_use_nr_cpu_ids_bits(void)
{
	cpumask_t a, b, r, even = CPU_MASK_NONE;

	cpumask_set_cpu(0, &even);
	cpumask_set_cpu(2, &even);
	/* Bits past CPU 3 may be set (6.1 fills whole words): not counted. */
	cpumask_setall(&a);
	__set_bit(5, cpumask_bits(&even));
	CU_ASSERT_TRUE(cpumask_full(&a));
	CU_ASSERT_EQUAL(cpumask_weight(&even), 2);
	CU_ASSERT_EQUAL(cpumask_weight(&a), nr_cpumask_bits);
	cpumask_clear(&b);
	CU_ASSERT_TRUE(cpumask_empty(&b));
	CU_ASSERT_TRUE(cpumask_first(&b) >= nr_cpu_ids);
	CU_ASSERT_TRUE(cpumask_last(&b) >= nr_cpu_ids);
	CU_ASSERT_TRUE(cpumask_next(-1, &b) >= nr_cpu_ids);
	CU_ASSERT_EQUAL(cpumask_next_zero(-1, &b), 0);
	CU_ASSERT_TRUE(cpumask_first_zero(&a) >= nr_cpu_ids);

	cpumask_set_cpu(1, &b);
	__cpumask_set_cpu(3, &b);
	CU_ASSERT_EQUAL(cpumask_weight(&b), 2);
	CU_ASSERT_EQUAL(cpumask_next(1, &b), 3);
	CU_ASSERT_EQUAL(cpumask_next_zero(0, &b), 2);
	CU_ASSERT_TRUE(cpumask_and(&r, &a, &b));
	CU_ASSERT_TRUE(cpumask_equal(&r, &b));
	CU_ASSERT_TRUE(cpumask_andnot(&r, &a, &b));
	CU_ASSERT_TRUE(cpumask_equal(&r, &even));
	cpumask_complement(&r, &b);
	CU_ASSERT_TRUE(cpumask_equal(&r, &even));
	cpumask_xor(&r, &a, &b);
	CU_ASSERT_TRUE(cpumask_equal(&r, &even));
	CU_ASSERT_FALSE(cpumask_equal(&r, &b));
	CU_ASSERT_FALSE(cpumask_intersects(&r, &b));
	CU_ASSERT_TRUE(cpumask_subset(&b, &a));
	CU_ASSERT_FALSE(cpumask_subset(&a, &b));
	CU_ASSERT_EQUAL(cpumask_weight_and(&a, &b), 2);
	CU_ASSERT_EQUAL(cpumask_any_but(&b, 1), 3);
	CU_ASSERT_EQUAL(cpumask_nth(1, &b), 3);
	CU_ASSERT_TRUE(cpumask_test_and_clear_cpu(1, &b));
	CU_ASSERT_FALSE(cpumask_test_cpu(1, &b));
	CU_ASSERT_FALSE(cpumask_test_and_set_cpu(0, &b));
	CU_ASSERT_EQUAL(cpumask_first(&b), 0);
	cpumask_copy(&r, &b);
	CU_ASSERT_TRUE(cpumask_equal(&r, &b));
}

static void test_iterators(void)
{
	static const unsigned int wrap_order[] = { 2, 3, 0, 1 };
	cpumask_t m = CPU_MASK_NONE;
	unsigned int cpu, n = 0;

	for_each_cpu_wrap(cpu, cpu_online_mask, 2) {
		CU_ASSERT_FATAL(n < 4);
		CU_ASSERT_EQUAL(cpu, wrap_order[n]);
		n++;
	}
	CU_ASSERT_EQUAL(n, 4);

	cpumask_set_cpu(2, &m);
	n = 0;
	for_each_cpu_not(cpu, &m)
		n++;
	CU_ASSERT_EQUAL(n, 3);
	n = 0;
	for_each_cpu_and(cpu, cpu_online_mask, &m)
		n += cpu;
	CU_ASSERT_EQUAL(n, 2);
	n = 0;
	for_each_cpu_andnot(cpu, cpu_online_mask, &m)
		n++;
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(cpumask_next_wrap(1, cpu_online_mask, 2, false), 2);
	CU_ASSERT_EQUAL(cpumask_next_wrap(3, cpu_online_mask, 2, false), 0);
	CU_ASSERT_TRUE(cpumask_next_wrap(1, cpu_online_mask, 2, true) >=
		       nr_cpu_ids);
}

static void test_constant_masks(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		CU_ASSERT_EQUAL(cpumask_weight(cpumask_of(cpu)), 1);
		CU_ASSERT_EQUAL(cpumask_first(cpumask_of(cpu)), cpu);
	}
	CU_ASSERT_TRUE(cpumask_full(cpu_all_mask));
	CU_ASSERT_TRUE(cpumask_empty(cpu_none_mask));
	CU_ASSERT_EQUAL(cpumask_size(), sizeof(cpumask_t));
	CU_ASSERT_EQUAL(cpumask_local_spread(5, -1), 1);
}

/* No CPU hotplug: the locks are empty, remove_cpu() is refused. */
static void test_no_hotplug(void)
{
	cpus_read_lock();
	cpu_hotplug_disable();
	CU_ASSERT_TRUE(cpus_read_trylock());
	cpu_hotplug_enable();
	cpus_read_unlock();
	cpus_read_unlock();
	CU_ASSERT_EQUAL(remove_cpu(1), -EPERM);
	CU_ASSERT_TRUE(cpu_online(1));
}

static CU_TestInfo tests[] = {
	{ "machine_masks", test_machine_masks },
	{ "cpu_out_of_range", test_cpu_out_of_range },
	{ "reboot_shrinks_masks", test_reboot_shrinks_masks },
	{ "ops_use_nr_cpu_ids_bits", test_ops_use_nr_cpu_ids_bits },
	{ "iterators", test_iterators },
	{ "constant_masks", test_constant_masks },
	{ "no_hotplug", test_no_hotplug },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "cpumask", NULL, NULL, NULL, NULL, tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
