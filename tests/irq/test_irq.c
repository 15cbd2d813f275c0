/*
 * test_irq - interrupt lines (kernel/irq/manage.c, handle.c of 6.8) on
 * kshim's simulated CPUs: a raised line's handlers run asynchronously on
 * the target CPU's thread in hardirq context with interrupts off; an
 * interrupt towards a CPU with interrupts off waits until it turns them
 * on; masked lines replay; shared lines; the kernel's warnings for
 * misuse; might_sleep() from handlers and from the sleeping calls; the
 * ledger's view of lines and raised interrupts left at the end of a test.
 */
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "irq/irq_test.h"

/* current->comm: the program name */
static const char *comm = "test_irq";

struct dev {
	int irq;
	int count;		/* handler calls, read after kshim_irq_sync() */
	int seen_irq;
	struct seen seen;
	irqreturn_t ret;
	struct test_event go, started;
	bool waited_ok;
};

#define DEV_INIT(n)							\
	{ .irq = (n), .ret = IRQ_HANDLED, .go = TEST_EVENT_INIT,	\
	  .started = TEST_EVENT_INIT }

static irqreturn_t record_handler(int irq, void *dev_id)
{
	struct dev *d = dev_id;

	d->seen_irq = irq;
	RECORD_SEEN(&d->seen);
	d->count++;
	return d->ret;
}

/* Positive: request, raise, the handler runs on CPU 1's thread, free. */
static void test_handler_runs_on_cpu_thread_in_hardirq(void)
{
	struct dev d = DEV_INIT(5);

	CU_ASSERT_EQUAL_FATAL(request_irq(5, record_handler, 0, "mydev", &d),
			      0);
	CU_ASSERT_EQUAL(kshim_irq_affinity(5), 1 + 5 % 3);
	CU_ASSERT_EQUAL(kshim_raise_irq(5), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(5), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_EQUAL(d.seen_irq, 5);
	CU_ASSERT_EQUAL(d.seen.cpu, kshim_irq_affinity(5));
	CU_ASSERT_TRUE(d.seen.hardirq);
	CU_ASSERT_TRUE(d.seen.irqs_off);
	CU_ASSERT_FALSE(d.seen.task);
	CU_ASSERT_EQUAL(d.seen.preempt_count, HARDIRQ_OFFSET);
	CU_ASSERT_FALSE(pthread_equal(d.seen.thread, pthread_self()));
	CU_ASSERT_STRING_EQUAL(free_irq(5, &d), "mydev");
	CU_ASSERT_EQUAL(kshim_raise_irq(5), -ENXIO);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static irqreturn_t waiting_handler(int irq, void *dev_id)
{
	struct dev *d = dev_id;

	test_event_set(&d->started);
	d->waited_ok = test_event_wait_ms(&d->go, TEST_WAIT_MS);
	d->count++;
	return IRQ_HANDLED;
}

/* The raise returns while the handler still runs: it is asynchronous. */
static void test_handler_is_asynchronous(void)
{
	struct dev d = DEV_INIT(6);

	CU_ASSERT_EQUAL_FATAL(request_irq(6, waiting_handler, 0, "async", &d),
			      0);
	CU_ASSERT_EQUAL(kshim_raise_irq(6), 0);
	CU_ASSERT_TRUE(test_event_wait_ms(&d.started, TEST_WAIT_MS));
	test_event_set(&d.go);
	CU_ASSERT_EQUAL(kshim_irq_sync(6), 0);
	CU_ASSERT_TRUE(d.waited_ok);
	CU_ASSERT_EQUAL(d.count, 1);
	free_irq(6, &d);
}

/* Towards CPU 0 (this thread) with IRQs off: taken at local_irq_restore. */
static void test_deferred_while_irqs_off_on_cpu0(void)
{
	struct dev d = DEV_INIT(7);
	unsigned long flags;

	CU_ASSERT_EQUAL_FATAL(request_irq(7, record_handler, 0, "cpu0", &d),
			      0);
	local_irq_save(flags);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(7, 0), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	local_irq_restore(flags);
	CU_ASSERT_EQUAL(d.count, 1);
	/* On the interrupted CPU's thread, with its task, in hardirq. */
	CU_ASSERT_EQUAL(d.seen.cpu, 0);
	CU_ASSERT_TRUE(pthread_equal(d.seen.thread, pthread_self()));
	CU_ASSERT_PTR_EQUAL(d.seen.task_struct, current);
	CU_ASSERT_TRUE(d.seen.hardirq);
	CU_ASSERT_TRUE(d.seen.irqs_off);

	/* local_irq_disable()/local_irq_enable() */
	local_irq_disable();
	kshim_raise_irq_on(7, 0);
	CU_ASSERT_EQUAL(d.count, 1);
	local_irq_enable();
	CU_ASSERT_EQUAL(d.count, 2);
	CU_ASSERT_FALSE(irqs_disabled());
	free_irq(7, &d);
}

static DEFINE_SPINLOCK(lock);

/* spin_lock_irqsave(): taken at spin_unlock_irqrestore(), lock released. */
static void test_deferred_under_spin_lock_irqsave(void)
{
	struct dev d = DEV_INIT(8);
	unsigned long flags;

	CU_ASSERT_EQUAL_FATAL(request_irq(8, record_handler, 0, "spin", &d),
			      0);
	spin_lock_irqsave(&lock, flags);
	kshim_raise_irq_on(8, 0);
	CU_ASSERT_EQUAL(d.count, 0);
	spin_unlock_irqrestore(&lock, flags);
	CU_ASSERT_EQUAL(d.count, 1);
	/*
	 * Unlock, local_irq_restore(), preempt_enable(): the interrupt comes
	 * with the lock's preempt count still held.
	 */
	CU_ASSERT_EQUAL(d.seen.preempt_count, HARDIRQ_OFFSET + 1);

	spin_lock_irq(&lock);
	kshim_raise_irq_on(8, 0);
	CU_ASSERT_EQUAL(d.count, 1);
	spin_unlock_irq(&lock);
	CU_ASSERT_EQUAL(d.count, 2);
	CU_ASSERT_EQUAL(d.seen.preempt_count, HARDIRQ_OFFSET + 1);
	free_irq(8, &d);
}

/* Towards CPU 0 with IRQs on: taken at once, inside the raise. */
static void test_raise_on_self_with_irqs_on(void)
{
	struct dev d = DEV_INIT(9);

	CU_ASSERT_EQUAL_FATAL(request_irq(9, record_handler, 0, "self", &d),
			      0);
	preempt_disable();
	kshim_raise_irq_on(9, 0);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_EQUAL(d.seen.preempt_count, HARDIRQ_OFFSET + 1);
	preempt_enable();
	free_irq(9, &d);
}

struct blocker {
	struct test_event started, go;
	bool done;
};

/* Runs on CPU 1 as an IPI: hardirq, interrupts off, until told to go. */
static void block_cpu(void *arg)
{
	struct blocker *b = arg;

	test_event_set(&b->started);
	test_event_wait_ms(&b->go, TEST_WAIT_MS);
	b->done = true;
}

static irqreturn_t after_blocker(int irq, void *dev_id)
{
	struct dev *d = dev_id;
	struct blocker *b = (struct blocker *)d->seen.task_struct;

	d->waited_ok = b->done;
	d->count++;
	return IRQ_HANDLED;
}

struct sleeper {
	struct completion done;
	struct seen seen;
	struct task_struct *waiter;
	struct test_event started;	/* the raiser is a counted task */
};

static irqreturn_t completing_handler(int irq, void *dev_id)
{
	struct sleeper *s = dev_id;

	RECORD_SEEN(&s->seen);
	complete(&s->done);
	return IRQ_HANDLED;
}

/*
 * Another thread raises the line once the test task sleeps.  It runs on
 * CPU 0 too, so it keeps interrupts off (it would take the interrupt
 * itself otherwise) until the test task is awake again.
 */
static void *raise_when_sleeping(void *arg)
{
	struct sleeper *s = arg;
	struct task_struct *volatile self = current;
	int i;

	/*
	 * A task from here on (it used current): while it polls, the
	 * machine is not idle and the waiter's timeout stays where it is.
	 */
	(void)self;
	test_event_set(&s->started);
	for (i = 0; i < TEST_WAIT_MS && task_is_running(s->waiter); i++)
		sleep_ms(1);
	local_irq_disable();
	kshim_raise_irq(29);
	for (i = 0; i < TEST_WAIT_MS && !task_is_running(s->waiter); i++)
		sleep_ms(1);
	local_irq_enable();
	return NULL;
}

/*
 * One CPU: the interrupt goes to CPU 0, whose task sleeps in
 * wait_for_completion() until the handler completes it.  The sleeping
 * task is off the CPU, so CPU 0's idle thread takes the interrupt.
 */
static void test_cpu0_takes_irq_while_its_task_sleeps(void)
{
	struct sleeper s = { .waiter = current, .started = TEST_EVENT_INIT };
	pthread_t th;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_CPUS=1", NULL), 0);
	CU_ASSERT_EQUAL(kshim_irq_affinity(29), 0);
	init_completion(&s.done);
	CU_ASSERT_EQUAL_FATAL(request_irq(29, completing_handler, 0, "wake",
					  &s), 0);
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, raise_when_sleeping,
					     &s), 0);
	CU_ASSERT_TRUE_FATAL(test_event_wait_ms(&s.started, TEST_WAIT_MS));
	CU_ASSERT_NOT_EQUAL(wait_for_completion_timeout(&s.done,
				msecs_to_jiffies(TEST_WAIT_MS)), 0);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(kshim_irq_sync(29), 0);
	CU_ASSERT_EQUAL(s.seen.cpu, 0);
	CU_ASSERT_TRUE(s.seen.hardirq);
	CU_ASSERT_STRING_EQUAL(s.seen.task_struct->comm, "swapper/0");
	free_irq(29, &s);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* kshim_irq_sync() gives up when the target CPU keeps interrupts off. */
static void test_sync_times_out_while_irqs_off(void)
{
	struct dev d = DEV_INIT(28);
	unsigned long flags;

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SPINLOCK_LOCKUP=50", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(request_irq(28, record_handler, 0, "late", &d),
			      0);
	local_irq_save(flags);
	kshim_raise_irq_on(28, 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(28), -ETIMEDOUT);
	CU_ASSERT_EQUAL(d.count, 0);
	local_irq_restore(flags);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_EQUAL(kshim_irq_sync(28), 0);
	free_irq(28, &d);
}

/* A CPU thread busy with interrupts off takes the IRQ only afterwards. */
static void test_deferred_while_cpu1_has_irqs_off(void)
{
	struct blocker b = { TEST_EVENT_INIT, TEST_EVENT_INIT, false };
	struct dev d = DEV_INIT(4);	/* affinity: CPU 1 + 4 % 3 = 2 */

	d.seen.task_struct = (struct task_struct *)&b;
	CU_ASSERT_EQUAL_FATAL(request_irq(4, after_blocker, 0, "late", &d),
			      0);
	CU_ASSERT_EQUAL(smp_call_function_single(2, block_cpu, &b, 0), 0);
	CU_ASSERT_TRUE_FATAL(test_event_wait_ms(&b.started, TEST_WAIT_MS));
	CU_ASSERT_EQUAL(kshim_raise_irq(4), 0);
	sleep_ms(20);
	CU_ASSERT_EQUAL(__atomic_load_n(&d.count, __ATOMIC_RELAXED), 0);
	test_event_set(&b.go);
	CU_ASSERT_EQUAL(kshim_irq_sync(4), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_TRUE(d.waited_ok);
	free_irq(4, &d);
}

/* disable_irq(): a raised interrupt waits for enable_irq(). */
static void test_masked_line_replays_at_enable(void)
{
	struct dev d = DEV_INIT(10);

	CU_ASSERT_EQUAL_FATAL(request_irq(10, record_handler, 0, "mask", &d),
			      0);
	disable_irq(10);
	disable_irq_nosync(10);
	kshim_raise_irq(10);
	CU_ASSERT_EQUAL(kshim_irq_sync(10), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	enable_irq(10);
	CU_ASSERT_EQUAL(kshim_irq_sync(10), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	enable_irq(10);
	CU_ASSERT_EQUAL(kshim_irq_sync(10), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	synchronize_irq(10);
	free_irq(10, &d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* IRQF_NO_AUTOEN: requested masked. */
static void test_no_autoen(void)
{
	struct dev d = DEV_INIT(11);

	CU_ASSERT_EQUAL_FATAL(request_irq(11, record_handler, IRQF_NO_AUTOEN,
					  "noauto", &d), 0);
	kshim_raise_irq(11);
	CU_ASSERT_EQUAL(kshim_irq_sync(11), 0);
	CU_ASSERT_EQUAL(d.count, 0);
	enable_irq(11);
	CU_ASSERT_EQUAL(kshim_irq_sync(11), 0);
	CU_ASSERT_EQUAL(d.count, 1);
	free_irq(11, &d);
}

static int order[4], norder;

static irqreturn_t shared_a(int irq, void *dev_id)
{
	order[norder++] = 1;
	return ((struct dev *)dev_id)->ret;
}

static irqreturn_t shared_b(int irq, void *dev_id)
{
	order[norder++] = 2;
	return ((struct dev *)dev_id)->ret;
}

static void test_shared_line(void)
{
	struct dev a = DEV_INIT(12), b = DEV_INIT(12);

	a.ret = IRQ_NONE;
	CU_ASSERT_EQUAL_FATAL(request_irq(12, shared_a, IRQF_SHARED, "a", &a),
			      0);
	CU_ASSERT_EQUAL_FATAL(request_irq(12, shared_b, IRQF_SHARED, "b", &b),
			      0);
	kshim_raise_irq(12);
	CU_ASSERT_EQUAL(kshim_irq_sync(12), 0);
	CU_ASSERT_EQUAL(norder, 2);
	CU_ASSERT_EQUAL(order[0], 1);
	CU_ASSERT_EQUAL(order[1], 2);
	CU_ASSERT_STRING_EQUAL(free_irq(12, &a), "a");
	kshim_raise_irq(12);
	CU_ASSERT_EQUAL(kshim_irq_sync(12), 0);
	CU_ASSERT_EQUAL(norder, 3);
	CU_ASSERT_EQUAL(order[2], 2);
	CU_ASSERT_STRING_EQUAL(free_irq(12, &b), "b");
}

/* __setup_irq(): sharing needs IRQF_SHARED on both. */
static void test_share_mismatch_is_ebusy(void)
{
	struct dev a = DEV_INIT(13), b = DEV_INIT(13);

	CU_ASSERT_EQUAL_FATAL(request_irq(13, shared_a, IRQF_SHARED, "a", &a),
			      0);
	CU_ASSERT_EQUAL(request_irq(13, shared_b, 0, "b", &b), -EBUSY);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_dmesg(),
		"genirq: Flags mismatch irq 13. 00000000 (b) vs. 00000080 (a)\n"));
	CU_ASSERT_EQUAL(request_irq(13, shared_b,
				    IRQF_SHARED | IRQF_TRIGGER_HIGH, "c", &b),
			-EBUSY);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_dmesg(),
		"genirq: Flags mismatch irq 13. 00000084 (c) vs. 00000080 (a)\n"));
	/* Probing quietly. */
	CU_ASSERT_EQUAL(request_irq(13, shared_b, IRQF_PROBE_SHARED, "d", &b),
			-EBUSY);
	CU_ASSERT_PTR_NULL(strstr(kshim_dmesg(), "(d) vs."));
	free_irq(13, &a);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_request_irq_einval(void)
{
	struct dev d = DEV_INIT(14);

	CU_ASSERT_EQUAL(request_irq(14, NULL, 0, "null", &d), -EINVAL);
	CU_ASSERT_EQUAL(request_irq(14, record_handler, IRQF_SHARED, "nodev",
				    NULL), -EINVAL);
	CU_ASSERT_EQUAL(request_irq(14, record_handler,
				    IRQF_SHARED | IRQF_NO_AUTOEN, "both", &d),
			-EINVAL);
	CU_ASSERT_EQUAL(request_irq(NR_IRQS, record_handler, 0, "range", &d),
			-EINVAL);
	CU_ASSERT_EQUAL(kshim_raise_irq(14), -ENXIO);
	CU_ASSERT_EQUAL(kshim_raise_irq(NR_IRQS), -EINVAL);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(14, 4), -EINVAL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static void test_free_already_free_warns(void)
{
	struct dev d = DEV_INIT(15), other = DEV_INIT(15);

	kshim_expect_report(KSHIM_REPORT_WARNING, "Trying to free already-free IRQ 15\n",
			    2);
	CU_ASSERT_EQUAL_FATAL(request_irq(15, record_handler, 0, "once", &d),
			      0);
	CU_ASSERT_PTR_NULL(free_irq(15, &other)); /* wrong dev_id */
	CU_ASSERT_PTR_NOT_NULL(free_irq(15, &d));
	CU_ASSERT_PTR_NULL(free_irq(15, &d)); /* LINE:free_twice */
	CU_ASSERT_EQUAL(kshim_report_last(KSHIM_REPORT_WARNING)->line,
			marker_line("free_twice"));
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"------------[ cut here ]------------\n",
			"Trying to free already-free IRQ 15\n", "WARNING: CPU: 0 PID: ",
			__FILE__);
}

static void test_unbalanced_enable_warns(void)
{
	struct dev d = DEV_INIT(16);
	char want[256];

	file_line(want, "at ", "enable_twice", "");
	kshim_expect_report(KSHIM_REPORT_WARNING, want, 1);
	CU_ASSERT_EQUAL_FATAL(request_irq(16, record_handler, 0, "en", &d), 0);
	disable_irq(16);
	enable_irq(16);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	enable_irq(16); /* LINE:enable_twice */
	ASSERT_IN_ORDER(last_text(KSHIM_REPORT_WARNING),
			"Unbalanced enable for IRQ 16\n");
	free_irq(16, &d);
}

static irqreturn_t enabling_handler(int irq, void *dev_id)
{
	local_irq_enable();
	return IRQ_HANDLED;
}

/* handle_irq_event_percpu(): WARN_ONCE, interrupts off again. */
static void test_handler_enabling_irqs_warns(void)
{
	struct dev d = DEV_INIT(17);
	int ret;

	kshim_expect_report(KSHIM_REPORT_WARNING,
			    "irq 17 handler enabling_handler+0x0/0x", 1);
	ret = request_irq(17, enabling_handler, 0, "bad", &d); /* LINE:request_bad */
	CU_ASSERT_EQUAL_FATAL(ret, 0);
	kshim_raise_irq(17);
	CU_ASSERT_EQUAL(kshim_irq_sync(17), 0);
	CU_ASSERT_EQUAL(kshim_report_last(KSHIM_REPORT_WARNING)->line,
			marker_line("request_bad"));
	free_irq(17, &d);
}

/* ---- might_sleep from handlers and around the API ---- */

static irqreturn_t allocating_handler(int irq, void *dev_id)
{
	struct page **page = dev_id;

	*page = alloc_page(GFP_KERNEL); /* LINE:irq_alloc */
	return IRQ_HANDLED;
}

static void test_gfp_kernel_in_handler(void)
{
	struct page *page = NULL;
	char want[512];

	snprintf(want, sizeof(want),
		 "BUG: sleeping function called from invalid context at %s:%d\n"
		 "in_atomic(): 1, irqs_disabled(): 1, non_block: 0, pid: 0, name: swapper/%d\n"
		 "preempt_count: 10000, expected: 0\n",
		 __FILE__, marker_line("irq_alloc"), kshim_irq_affinity(18));
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	CU_ASSERT_EQUAL_FATAL(request_irq(18, allocating_handler, 0, "alloc",
					  &page), 0);
	kshim_raise_irq(18);
	CU_ASSERT_EQUAL(kshim_irq_sync(18), 0);
	CU_ASSERT_PTR_NOT_NULL(page);
	CU_ASSERT_EQUAL(kshim_report_last(KSHIM_REPORT_MIGHT_SLEEP)->line,
			marker_line("irq_alloc"));
	free_irq(18, &page);
	if (page)
		__free_page(page);
}

static DEFINE_MUTEX(mtx);

static irqreturn_t locking_handler(int irq, void *dev_id)
{
	mutex_lock(&mtx); /* LINE:irq_mutex */
	mutex_unlock(&mtx);
	return IRQ_HANDLED;
}

static void test_mutex_lock_in_handler(void)
{
	char want[256];
	int x;

	file_line(want, "invalid context at ", "irq_mutex", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	CU_ASSERT_EQUAL_FATAL(request_irq(19, locking_handler, 0, "mutex", &x),
			      0);
	kshim_raise_irq(19);
	CU_ASSERT_EQUAL(kshim_irq_sync(19), 0);
	free_irq(19, &x);
}

/* Positive: GFP_ATOMIC and spin_lock in a handler are fine. */
static irqreturn_t atomic_handler(int irq, void *dev_id)
{
	struct page **page = dev_id;

	spin_lock(&lock);
	*page = alloc_page(GFP_ATOMIC);
	spin_unlock(&lock);
	return IRQ_HANDLED;
}

static void test_atomic_work_in_handler_is_silent(void)
{
	struct page *page = NULL;

	CU_ASSERT_EQUAL_FATAL(request_irq(20, atomic_handler, 0, "atomic",
					  &page), 0);
	kshim_raise_irq(20);
	CU_ASSERT_EQUAL(kshim_irq_sync(20), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	__free_page(page);
	free_irq(20, &page);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* request_irq(), free_irq(), disable_irq(), synchronize_irq() may sleep. */
static void test_sleeping_calls_in_atomic(void)
{
	struct dev d = DEV_INIT(21);
	char want[256];

	file_line(want, "invalid context at ", "request_atomic", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	spin_lock(&lock);
	CU_ASSERT_EQUAL(request_irq(21, record_handler, 0, "x", &d), 0); /* LINE:request_atomic */
	spin_unlock(&lock);
	free_irq(21, &d);
}

static void test_free_irq_in_atomic(void)
{
	struct dev d = DEV_INIT(21);
	char want[256];

	file_line(want, "invalid context at ", "free_atomic", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	CU_ASSERT_EQUAL_FATAL(request_irq(21, record_handler, 0, "x", &d), 0);
	preempt_disable();
	free_irq(21, &d); /* LINE:free_atomic */
	preempt_enable();
}

static void test_disable_irq_in_atomic(void)
{
	struct dev d = DEV_INIT(22);
	char want[256];
	unsigned long flags;

	file_line(want, "invalid context at ", "disable_atomic", "\n");
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	CU_ASSERT_EQUAL_FATAL(request_irq(22, record_handler, 0, "x", &d), 0);
	local_irq_save(flags);
	disable_irq_nosync(22);	/* fine */
	enable_irq(22);
	disable_irq(22); /* LINE:disable_atomic */
	local_irq_restore(flags);
	enable_irq(22);
	free_irq(22, &d);
}

static void *release_later(void *arg)
{
	struct dev *d = arg;

	sleep_ms(50);
	test_event_set(&d->go);
	return NULL;
}

/* free_irq() waits for a handler running on another CPU. */
static void test_free_irq_waits_for_running_handler(void)
{
	struct dev d = DEV_INIT(23);
	pthread_t th;

	CU_ASSERT_EQUAL_FATAL(request_irq(23, waiting_handler, 0, "slow", &d),
			      0);
	kshim_raise_irq(23);
	CU_ASSERT_TRUE_FATAL(test_event_wait_ms(&d.started, TEST_WAIT_MS));
	/* The handler is inside; let it go a little later. */
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, release_later, &d), 0);
	CU_ASSERT_STRING_EQUAL(free_irq(23, &d), "slow");
	/* free_irq() returned: the handler has finished. */
	CU_ASSERT_EQUAL(d.count, 1);
	CU_ASSERT_TRUE(d.waited_ok);
	pthread_join(th, NULL);
}

/* A handler that never returns: free_irq() reports, the test ends. */
static void test_free_irq_of_stuck_handler_is_bounded(void)
{
	struct dev d = DEV_INIT(24);
	char want[256];

	CU_ASSERT_EQUAL_FATAL(kshim_boot("KSHIM_SPINLOCK_LOCKUP=100", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(request_irq(24, waiting_handler, 0, "stuck", &d),
			      0);
	kshim_raise_irq_on(24, 3);
	CU_ASSERT_TRUE_FATAL(test_event_wait_ms(&d.started, TEST_WAIT_MS));
	kshim_expect_report(KSHIM_REPORT_LOCKUP,
			    "kshim: free_irq(24) waits for ever: the handler of IRQ 24 on CPU#3 has not returned for 100 ms\n",
			    1);
	free_irq(24, &d); /* LINE:free_stuck */
	snprintf(want, sizeof(want), "free_irq() returned");
	CU_FAIL(want);
}

/* ---- the classic lock bug: spin_lock() shared with the handler ---- */

static DEFINE_SPINLOCK(shared);

static irqreturn_t locking_spin_handler(int irq, void *dev_id)
{
	struct dev *d = dev_id;

	spin_lock(&shared); /* LINE:handler_lock */
	d->count++;
	spin_unlock(&shared);
	return IRQ_HANDLED;
}

/*
 * Process context takes the lock without disabling interrupts; the
 * interrupt comes on the same CPU and its handler spins on the lock its
 * CPU holds: a deadlock on a real machine, the spinlock debugging's
 * "recursion" here (same task, same CPU: the handler runs on the
 * interrupted thread), then kshim's lockup report, which ends the test.
 */
static void test_spin_lock_without_irqsave_deadlocks(void)
{
	static struct dev d = DEV_INIT(27);
	char want[256];

	CU_ASSERT_EQUAL_FATAL(request_irq(27, locking_spin_handler, 0, "dl",
					  &d), 0);
	snprintf(want, sizeof(want), "BUG: spinlock recursion on CPU#0, %s/%d\n",
		 comm, (int)getpid());
	kshim_expect_report(KSHIM_REPORT_SPINLOCK, want, 1);
	file_line(want, "kshim: lockup detector: spinning at ", "handler_lock",
		  " on a lock this task holds");
	kshim_expect_report(KSHIM_REPORT_LOCKUP, want, 1);
	spin_lock(&shared);
	kshim_raise_irq_on(27, 0);	/* the device interrupts right now */
	CU_FAIL("the handler got a lock its CPU holds");
}

/* Positive: spin_lock_irqsave() holds the interrupt off until unlock. */
static void test_spin_lock_irqsave_is_safe(void)
{
	struct dev d = DEV_INIT(27);
	unsigned long flags;

	CU_ASSERT_EQUAL_FATAL(request_irq(27, locking_spin_handler, 0, "ok",
					  &d), 0);
	spin_lock_irqsave(&shared, flags);
	kshim_raise_irq_on(27, 0);
	CU_ASSERT_EQUAL(d.count, 0);
	spin_unlock_irqrestore(&shared, flags);
	CU_ASSERT_EQUAL(d.count, 1);
	/* And towards another CPU: it waits for the lock, then gets it. */
	spin_lock_irqsave(&shared, flags);
	kshim_raise_irq_on(27, 1);
	sleep_ms(5);
	spin_unlock_irqrestore(&shared, flags);
	CU_ASSERT_EQUAL(kshim_irq_sync(27), 0);
	CU_ASSERT_EQUAL(d.count, 2);
	free_irq(27, &d);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

static CU_TestInfo delivery_tests[] = {
	{ "handler_runs_on_cpu_thread_in_hardirq",
	  test_handler_runs_on_cpu_thread_in_hardirq },
	{ "handler_is_asynchronous", test_handler_is_asynchronous },
	{ "deferred_while_irqs_off_on_cpu0",
	  test_deferred_while_irqs_off_on_cpu0 },
	{ "deferred_under_spin_lock_irqsave",
	  test_deferred_under_spin_lock_irqsave },
	{ "raise_on_self_with_irqs_on", test_raise_on_self_with_irqs_on },
	{ "deferred_while_cpu1_has_irqs_off",
	  test_deferred_while_cpu1_has_irqs_off },
	{ "sync_times_out_while_irqs_off", test_sync_times_out_while_irqs_off },
	{ "cpu0_takes_irq_while_its_task_sleeps",
	  test_cpu0_takes_irq_while_its_task_sleeps },
	{ "masked_line_replays_at_enable", test_masked_line_replays_at_enable },
	{ "no_autoen", test_no_autoen },
	{ "shared_line", test_shared_line },
	{ "spin_lock_without_irqsave_deadlocks",
	  test_spin_lock_without_irqsave_deadlocks },
	{ "spin_lock_irqsave_is_safe", test_spin_lock_irqsave_is_safe },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo misuse_tests[] = {
	{ "share_mismatch_is_ebusy", test_share_mismatch_is_ebusy },
	{ "request_irq_einval", test_request_irq_einval },
	{ "free_already_free_warns", test_free_already_free_warns },
	{ "unbalanced_enable_warns", test_unbalanced_enable_warns },
	{ "handler_enabling_irqs_warns", test_handler_enabling_irqs_warns },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo sleep_tests[] = {
	{ "gfp_kernel_in_handler", test_gfp_kernel_in_handler },
	{ "mutex_lock_in_handler", test_mutex_lock_in_handler },
	{ "atomic_work_in_handler_is_silent",
	  test_atomic_work_in_handler_is_silent },
	{ "sleeping_calls_in_atomic", test_sleeping_calls_in_atomic },
	{ "free_irq_in_atomic", test_free_irq_in_atomic },
	{ "disable_irq_in_atomic", test_disable_irq_in_atomic },
	{ "free_irq_waits_for_running_handler",
	  test_free_irq_waits_for_running_handler },
	{ "free_irq_of_stuck_handler_is_bounded",
	  test_free_irq_of_stuck_handler_is_bounded },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "delivery", NULL, NULL, NULL, NULL, delivery_tests },
	{ "misuse", NULL, NULL, NULL, NULL, misuse_tests },
	{ "sleep", NULL, NULL, NULL, NULL, sleep_tests },
	CU_SUITE_INFO_NULL,
};

KSHIM_TEST_MAIN(suites);
