/*
 * test_cpus - the simulated CPUs: KSHIM_CPUS, smp_processor_id() and its
 * DEBUG_PREEMPT check (lib/smp_processor_id.c of 6.8), per-CPU variables,
 * on_each_cpu() and smp_call_function_single() (kernel/smp.c of 6.8):
 * remote calls run on that CPU's thread in hardirq context with
 * interrupts off, the local one in task context with interrupts off.
 */
#include <linux/hardirq.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#include "irq/irq_test.h"

/* current->comm: the program name */
static const char *comm = "test_cpus";

static DEFINE_PER_CPU(int, hits) = 7;
static DEFINE_PER_CPU(long, other);

static void test_default_four_cpus(void)
{
	unsigned int cpu, n = 0;

	CU_ASSERT_EQUAL(num_online_cpus(), 4);
	CU_ASSERT_EQUAL(nr_cpu_ids, 4);
	for_each_online_cpu(cpu)
		n++;
	CU_ASSERT_EQUAL(n, 4);
	CU_ASSERT_TRUE(cpu_online(3));
	CU_ASSERT_FALSE(cpu_online(4));
	/* The test is CPU 0. */
	CU_ASSERT_EQUAL(raw_smp_processor_id(), 0);
}

static void test_kshim_cpus_setting(void)
{
	unsigned int cpu, n = 0;

	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=0", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=65", NULL), -EINVAL);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=two", NULL), -EINVAL);
	CU_ASSERT_EQUAL(num_online_cpus(), 4);
	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_CPUS=2", NULL), 0);
	CU_ASSERT_EQUAL(num_online_cpus(), 2);
	for_each_possible_cpu(cpu)
		n++;
	CU_ASSERT_EQUAL(n, 2);
}

/* A bad KSHIM_CPUS stops the program with a message naming it. */
static void test_bad_setting_message(void)
{
	const char *env[] = { "KSHIM_CPUS=100", NULL };
	char path[4096];
	char *argv[] = { path, (char *)"--list", NULL };
	struct spawn_result r;

	snprintf(path, sizeof(path), "%s", build_path("tests/irq/test_cpus"));
	CU_ASSERT_EQUAL_FATAL(spawn_run(argv, env, &r), 0);
	CU_ASSERT_NOT_EQUAL(r.status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "KSHIM_CPUS='100'"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "from 1 to 64"));
	spawn_free(&r);
}

static int id_of(void)
{
	return smp_processor_id(); /* LINE:smp_processor_id */
}

static void test_smp_processor_id_in_preemptible(void)
{
	char want[512], caller[256];
	int cpu;

	snprintf(want, sizeof(want),
		 "BUG: using smp_processor_id() in preemptible [00000000] code: %s/%d\n",
		 comm, (int)getpid());
	file_line(caller, "caller is id_of ", "smp_processor_id", "\n");
	kshim_expect_report(KSHIM_REPORT_SMP_PROCESSOR_ID, want, 1);
	cpu = id_of();
	CU_ASSERT_EQUAL(cpu, 0);
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_SMP_PROCESSOR_ID), want, caller,
			"Call Trace:\n");
	CU_ASSERT_EQUAL(kshim_report_last(KSHIM_REPORT_SMP_PROCESSOR_ID)->line,
			marker_line("smp_processor_id"));
}

static void test_this_cpu_ptr_in_preemptible(void)
{
	char want[256];
	int *p;

	file_line(want, "caller is test_this_cpu_ptr_in_preemptible ",
		  "this_cpu_ptr", "\n");
	kshim_expect_report(KSHIM_REPORT_SMP_PROCESSOR_ID, want, 1);
	p = this_cpu_ptr(&hits); /* LINE:this_cpu_ptr */
	CU_ASSERT_PTR_EQUAL(p, &hits);
}

static void test___this_cpu_read_in_preemptible(void)
{
	char want[256];

	snprintf(want, sizeof(want),
		 "BUG: using __this_cpu_read() in preemptible [00000000] code: %s/",
		 comm);
	kshim_expect_report(KSHIM_REPORT_SMP_PROCESSOR_ID, want, 1);
	CU_ASSERT_EQUAL(__this_cpu_read(hits), 7);
}

/* printk_ratelimit(): 10 reports, then quiet. */
static void test_smp_processor_id_ratelimited(void)
{
	int i;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_BACKTRACE=0", NULL), 0);
	kshim_expect_report(KSHIM_REPORT_SMP_PROCESSOR_ID, NULL, 10);
	for (i = 0; i < 15; i++)
		id_of();
}

/* Positive: every context where the CPU cannot change is silent. */
static void test_smp_processor_id_silent_where_stable(void)
{
	unsigned long flags;
	int cpu;

	preempt_disable();
	CU_ASSERT_EQUAL(smp_processor_id(), 0);
	CU_ASSERT_PTR_EQUAL(this_cpu_ptr(&hits), &hits);
	__this_cpu_inc(hits);
	preempt_enable();
	local_irq_save(flags);
	CU_ASSERT_EQUAL(smp_processor_id(), 0);
	local_irq_restore(flags);
	cpu = get_cpu();
	CU_ASSERT_EQUAL(cpu, 0);
	put_cpu();
	CU_ASSERT_EQUAL(get_cpu_var(hits), 8);
	put_cpu_var(hits);
	CU_ASSERT_EQUAL(raw_smp_processor_id(), 0);
	CU_ASSERT_EQUAL(this_cpu_read(hits), 8);
	this_cpu_write(other, 5);
	this_cpu_add(other, 2);
	CU_ASSERT_EQUAL(raw_cpu_read(other), 7);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_per_cpu_copies(void)
{
	unsigned int cpu, c2;

	for_each_possible_cpu(cpu) {
		/* Every CPU starts from the initial value. */
		CU_ASSERT_EQUAL(per_cpu(hits, cpu), 7);
		CU_ASSERT_EQUAL(per_cpu(other, cpu), 0);
		for_each_possible_cpu(c2)
			if (c2 != cpu)
				CU_ASSERT_PTR_NOT_EQUAL(per_cpu_ptr(&hits, cpu),
							per_cpu_ptr(&hits, c2));
	}
	CU_ASSERT_PTR_EQUAL(per_cpu_ptr(&hits, 0), &hits);
	per_cpu(hits, 2) = 42;
	CU_ASSERT_EQUAL(per_cpu(hits, 2), 42);
	CU_ASSERT_EQUAL(per_cpu(hits, 1), 7);
	CU_ASSERT_EQUAL(hits, 7);
}

static struct seen on_cpu[NR_CPUS];
static pthread_mutex_t calls_lock = PTHREAD_MUTEX_INITIALIZER;

/* @info: an int counting the calls, under calls_lock (a host lock). */
static void count_hit(void *info)
{
	struct seen *s = &on_cpu[raw_smp_processor_id()];

	RECORD_SEEN(s);
	this_cpu_inc(hits);
	pthread_mutex_lock(&calls_lock);
	(*(int *)info)++;
	pthread_mutex_unlock(&calls_lock);
}

/* Wait (bounded) until @calls reaches @n; its value. */
static int wait_calls(int *calls, int n)
{
	int i, v = 0;

	for (i = 0; i < TEST_WAIT_MS; i++) {
		pthread_mutex_lock(&calls_lock);
		v = *calls;
		pthread_mutex_unlock(&calls_lock);
		if (v >= n)
			break;
		sleep_ms(1);
	}
	return v;
}

/* on_each_cpu(): each CPU once, remote ones in hardirq on their thread. */
static void test_on_each_cpu(void)
{
	unsigned int cpu;
	int calls = 0;

	on_each_cpu(count_hit, &calls, 1);
	CU_ASSERT_EQUAL(calls, 4);
	for_each_online_cpu(cpu) {
		struct seen *s = &on_cpu[cpu];

		CU_ASSERT_EQUAL(per_cpu(hits, cpu), 8);
		CU_ASSERT_EQUAL(s->cpu, (int)cpu);
		CU_ASSERT_TRUE(s->irqs_off);
		if (cpu == 0) {
			/* csd_do_func() locally: task context, IRQs off. */
			CU_ASSERT_TRUE(s->task);
			CU_ASSERT_TRUE(pthread_equal(s->thread, pthread_self()));
		} else {
			CU_ASSERT_TRUE(s->hardirq);
			CU_ASSERT_EQUAL(s->preempt_count, HARDIRQ_OFFSET);
			CU_ASSERT_FALSE(pthread_equal(s->thread,
						      pthread_self()));
			CU_ASSERT_STRING_EQUAL(s->task_struct->comm,
					       cpu == 1 ? "swapper/1" :
					       cpu == 2 ? "swapper/2" :
							  "swapper/3");
		}
	}
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* smp_call_function(): every other CPU, and without waiting. */
static void test_smp_call_function_nowait(void)
{
	static int calls;

	smp_call_function(count_hit, &calls, 0);
	CU_ASSERT_EQUAL(wait_calls(&calls, 3), 3);
	CU_ASSERT_EQUAL(per_cpu(hits, 0), 7);
}

static void test_smp_call_function_single(void)
{
	int calls = 0;
	struct seen *s = &on_cpu[2];

	CU_ASSERT_EQUAL(smp_call_function_single(2, count_hit, &calls, 1), 0);
	CU_ASSERT_EQUAL(calls, 1);
	CU_ASSERT_EQUAL(s->cpu, 2);
	CU_ASSERT_TRUE(s->hardirq);
	CU_ASSERT_TRUE(s->irqs_off);
	CU_ASSERT_EQUAL(per_cpu(hits, 2), 8);
	CU_ASSERT_EQUAL(per_cpu(hits, 1), 7);
	/* Itself: run here. */
	CU_ASSERT_EQUAL(smp_call_function_single(0, count_hit, &calls, 1), 0);
	CU_ASSERT_EQUAL(calls, 2);
	CU_ASSERT_TRUE(on_cpu[0].task);
	CU_ASSERT_EQUAL(smp_call_function_single(4, count_hit, &calls, 1),
			-ENXIO);
	CU_ASSERT_EQUAL(calls, 2);
}

/* 6.8: WARN_ON_ONCE(cpu_online(this_cpu) && irqs_disabled()). */
static void test_call_single_with_irqs_off_warns(void)
{
	char want[256];
	unsigned long flags;
	int calls = 0;

	file_line(want, "at ", "call_irqs_off", "");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	local_irq_save(flags);
	smp_call_function_single(1, count_hit, &calls, 1); /* LINE:call_irqs_off */
	local_irq_restore(flags);
	CU_ASSERT_EQUAL(calls, 1);
}

static void call_from_hardirq(void *arg)
{
	on_each_cpu(count_hit, arg, 0); /* LINE:many_in_irq */
}

/* 6.8: WARN_ON_ONCE(!in_task()) in smp_call_function_many_cond(). */
static void test_on_each_cpu_from_hardirq_warns(void)
{
	static int calls;
	char want[256];

	file_line(want, "at ", "many_in_irq", "");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	kshim_run_in_hardirq(call_from_hardirq, &calls);
	CU_ASSERT_EQUAL(wait_calls(&calls, 4), 4);
}

static void block_forever(void *arg)
{
	test_event_wait_ms(arg, TEST_WAIT_MS);
}

/* A function that never returns on its CPU: bounded, reported. */
static void test_call_wait_is_bounded(void)
{
	static struct test_event never = TEST_EVENT_INIT;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SPINLOCK_LOCKUP=100", NULL), 0);
	kshim_expect_report(KSHIM_REPORT_LOCKUP,
			    "kshim: smp_call_function_single() waits for ever: 1 CPU(s) have not run the function for 100 ms\n",
			    1);
	smp_call_function_single(3, block_forever, &never, 1);
	CU_FAIL("smp_call_function_single() returned");
}

static CU_TestInfo cpu_tests[] = {
	{ "default_four_cpus", test_default_four_cpus },
	{ "kshim_cpus_setting", test_kshim_cpus_setting },
	{ "bad_setting_message", test_bad_setting_message },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo processor_id_tests[] = {
	{ "smp_processor_id_in_preemptible",
	  test_smp_processor_id_in_preemptible },
	{ "this_cpu_ptr_in_preemptible", test_this_cpu_ptr_in_preemptible },
	{ "__this_cpu_read_in_preemptible",
	  test___this_cpu_read_in_preemptible },
	{ "smp_processor_id_ratelimited", test_smp_processor_id_ratelimited },
	{ "smp_processor_id_silent_where_stable",
	  test_smp_processor_id_silent_where_stable },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo percpu_tests[] = {
	{ "per_cpu_copies", test_per_cpu_copies },
	{ "on_each_cpu", test_on_each_cpu },
	{ "smp_call_function_nowait", test_smp_call_function_nowait },
	{ "smp_call_function_single", test_smp_call_function_single },
	{ "call_single_with_irqs_off_warns",
	  test_call_single_with_irqs_off_warns },
	{ "on_each_cpu_from_hardirq_warns",
	  test_on_each_cpu_from_hardirq_warns },
	{ "call_wait_is_bounded", test_call_wait_is_bounded },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "cpus", NULL, NULL, NULL, NULL, cpu_tests },
	{ "smp_processor_id", NULL, NULL, NULL, NULL, processor_id_tests },
	{ "percpu", NULL, NULL, NULL, NULL, percpu_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
