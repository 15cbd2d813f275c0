/*
 * test_ctxcheck - what a test leaves behind, wherever it leaves it (issue
 * 11, items 5, 6, 8, 9, 11):
 *  - kshim_boot() inside a test that still holds a page, a kmap, a lock,
 *    an IRQ line, or from hardirq: refused (-EBUSY, a "boot" report at
 *    the caller's line), the machine untouched;
 *  - a thread that ends with a kmap_local window mapped: a "task_exit"
 *    report naming the kmap's line, the window unmapped; kunmap_local()
 *    of another task's address: 6.8's WARN_ON_ONCE, then its BUG_ON() in
 *    kmap_local_idx_pop() when this task had nothing mapped;
 *  - an IRQ handler or tasklet that returns with a kmap_atomic(), a lock
 *    or preemption still held: a "context" report at its return (for a
 *    softirq, 6.1's "huh, entered softirq ..." line), and at the end of
 *    the test the CPU it left that way;
 *  - the ledger reports every entry that moved, at the line the first
 *    explanation names; a lock held by a thread that is gone names that
 *    thread; "Preemption disabled at:" in a handler names the handler.
 * Negative tests expect each report with its full text and this file's
 * line; positive ones check correct code stays silent.  The "child"
 * suite fails on purpose: it runs only in a child (CTXCHECK_CHILD=1),
 * which the "ledger_site" suite runs to read its verdicts.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kshim/boot.h>
#include <kshim/context.h>
#include <kshim/irq.h>
#include <kshim/test.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "common/expect_bug.h"
#include "common/spawn.h"
#include "sched/sched_test.h"

#define THIS_FILE	"tests/ctxcheck/test_ctxcheck.c"
#define WAIT_MS		10000

static const char *comm = "test_ctxcheck";

static struct page *high_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_FATAL(PageHighMem(page));
	return page;
}

/* "<prefix>tests/ctxcheck/test_ctxcheck.c:<marked line><suffix>" */
static char *at(char *buf, size_t len, const char *prefix,
		const char *marker, const char *suffix)
{
	snprintf(buf, len, "%s%s:%d%s", prefix, THIS_FILE,
		 marker_line(marker), suffix);
	return buf;
}

/* ---- item 5: kshim_boot() while the machine is in use ---- */

static void expect_boot_refused(const char *marker, const char *why)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: kshim_boot() at %s:%d refused: the machine is in use\n%s",
		 THIS_FILE, marker_line(marker), why);
	kshim_expect_report(KSHIM_REPORT_BOOT, want, 1);
}

static void assert_boot_report_at(const char *marker)
{
	const struct kshim_report *r = kshim_report_last(KSHIM_REPORT_BOOT);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, THIS_FILE);
	CU_ASSERT_EQUAL(r->line, marker_line(marker));
}

static void test_boot_with_page_held(void)
{
	struct page *page = alloc_page(GFP_KERNEL); /* LINE:boot_alloc */
	char want[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	snprintf(want, sizeof(want),
		 "kshim: pages allocated is 1, was 0 at test start\nkshim: leaked 1 page(s) at pfn %#lx, allocated at %s:%d\n",
		 page_to_pfn(page), THIS_FILE, marker_line("boot_alloc"));
	expect_boot_refused("boot_page", want);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=2", NULL), -EBUSY); /* LINE:boot_page */
	assert_boot_report_at("boot_page");
	/* the old machine goes on: its page, its settings */
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_CPUS"), "4");
	memset(page_address(page), 0x5a, PAGE_SIZE);
	__free_page(page);
	/* with nothing held, the same reboot is fine */
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=2", NULL), 0);
	CU_ASSERT_STRING_EQUAL(kshim_setting("KSHIM_CPUS"), "2");
}

static void test_boot_with_kmap_held(void)
{
	struct page *page = high_page();
	char *p = kmap(page); /* LINE:boot_kmapped */
	char want[256];

	snprintf(want, sizeof(want),
		 "kshim: page pfn:%#lx kmap()ed at %s:%d (test_boot_with_kmap_held) by %s/%d, never kunmap()ed\n",
		 page_to_pfn(page), THIS_FILE, marker_line("boot_kmapped"),
		 comm,
		 current->pid);
	kshim_expect_report(KSHIM_REPORT_BOOT, want, 1);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_LAST_PKMAP=8", NULL), -EBUSY); /* LINE:boot_kmap */
	assert_boot_report_at("boot_kmap");
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(KSHIM_REPORT_BOOT),
		"kshim: kmap() users (pkmap_count) is 1, was 0 at test start\n"));
	strcpy(p, "still mapped");
	kunmap(page);
	__free_page(page);
}

static DEFINE_SPINLOCK(boot_lock);

static void test_boot_under_spinlock(void)
{
	expect_boot_refused("boot_spin",
			    "kshim: called with preemption disabled (preempt_count 00000001)\nPreemption disabled at:");
	spin_lock(&boot_lock);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=2", NULL), -EBUSY); /* LINE:boot_spin */
	spin_unlock(&boot_lock);
	assert_boot_report_at("boot_spin");
}

static irqreturn_t quiet_handler(int irq, void *dev)
{
	return IRQ_HANDLED;
}

static void test_boot_with_irq_requested(void)
{
	int dev;

	CU_ASSERT_EQUAL_FATAL(request_irq(9, quiet_handler, 0, "bootdev",
					  &dev), 0);
	expect_boot_refused("boot_irq",
			    "kshim: IRQ handlers requested is 1, was 0 at test start\n");
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=2", NULL), -EBUSY); /* LINE:boot_irq */
	CU_ASSERT_EQUAL(kshim_raise_irq(9), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(9), 0);
	free_irq(9, &dev);
}

static int boot_ret;

static void boot_from_hardirq(void *arg)
{
	boot_ret = kshim_boot("KSHIM_CPUS=2", NULL); /* LINE:boot_hardirq */
}

static void test_boot_from_hardirq(void)
{
	expect_boot_refused("boot_hardirq",
			    "kshim: called in hardirq context (preempt_count 00010000): reboot from a test's task\n");
	kshim_run_in_hardirq(boot_from_hardirq, NULL);
	CU_ASSERT_EQUAL(boot_ret, -EBUSY);
	/* no false "preempt_count was 65536 at test start" at the end */
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

/* Positive: nothing held, or only slab objects (they die with the RAM). */
static void test_boot_clean_is_fine(void)
{
	void *obj;

	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=3", NULL), 0);
	CU_ASSERT_EQUAL(num_online_cpus(), 3);
	obj = kmalloc(32, GFP_KERNEL);
	CU_ASSERT_PTR_NOT_NULL(obj);
	kmemleak_not_leak(obj);
	CU_ASSERT_EQUAL(kshim_boot("KSHIM_CPUS=2", NULL), 0);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* ---- item 6: kmap_local and threads ---- */

struct mapper {
	struct page *page;
	char *addr;
	int pid;
	struct test_event mapped, may_go;
	bool unmap;
};

static void *map_and_exit(void *arg)
{
	struct mapper *m = arg;

	m->pid = current->pid;
	m->addr = kmap_local_page(m->page); /* LINE:thread_kmap */
	strcpy(m->addr, "from the thread");
	test_event_set(&m->mapped);
	test_event_wait(&m->may_go);
	if (m->unmap)
		kunmap_local(m->addr);
	return NULL;
}

static void test_thread_exits_with_kmap_local(void)
{
	struct mapper m = { .mapped = TEST_EVENT_INIT,
			    .may_go = TEST_EVENT_INIT };
	const struct kshim_report *r;
	char want[512], *p;
	pthread_t th;

	m.page = high_page();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, map_and_exit, &m), 0);
	test_event_wait(&m.mapped);
	snprintf(want, sizeof(want),
		 "kshim: %s/%d exited with 1 kmap_local/kmap_atomic mapping never unmapped:\nkshim: atomic kmap slot 0 of %s/%d: page pfn:%#lx mapped at %s:%d (map_and_exit), never unmapped\n",
		 comm, m.pid, comm, m.pid, page_to_pfn(m.page), THIS_FILE,
		 marker_line("thread_kmap"));
	kshim_expect_report(KSHIM_REPORT_TASK_EXIT, want, 1);
	test_event_set(&m.may_go);
	pthread_join(th, NULL);
	r = kshim_report_last(KSHIM_REPORT_TASK_EXIT);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->file, THIS_FILE);
	CU_ASSERT_EQUAL(r->line, marker_line("thread_kmap"));
	/* unmapped at exit: the page is the test's again, once */
	p = kmap_local_page(m.page);
	CU_ASSERT_STRING_EQUAL(p, "from the thread");
	kunmap_local(p);
	__free_page(m.page);
}

static void test_thread_unmaps_is_silent(void)
{
	struct mapper m = { .mapped = TEST_EVENT_INIT,
			    .may_go = TEST_EVENT_INIT, .unmap = true };
	pthread_t th;

	m.page = high_page();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, map_and_exit, &m), 0);
	test_event_wait(&m.mapped);
	test_event_set(&m.may_go);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	__free_page(m.page);
}

/* Another task's address, this task has one of its own: WARN, pop it. */
static void test_kunmap_local_foreign_warns(void)
{
	struct mapper m = { .mapped = TEST_EVENT_INIT,
			    .may_go = TEST_EVENT_INIT, .unmap = true };
	struct page *mine = high_page();
	char want[256], *p;
	pthread_t th;

	m.page = high_page();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, map_and_exit, &m), 0);
	test_event_wait(&m.mapped);
	p = kmap_local_page(mine);
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 2);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    at(want, sizeof(want), " at ", "foreign_warn",
			       " "), 1);
	kunmap_local(m.addr); /* LINE:foreign_warn */
	/* this task's own top slot went, as 6.8 clears it */
	CU_ASSERT_EQUAL(current->kmap_ctrl.idx, 0);
	(void)p;
	/* the other task's window is still its own */
	test_event_set(&m.may_go);
	pthread_join(th, NULL);
	CU_ASSERT_EQUAL(kshim_report_count(KSHIM_REPORT_TASK_EXIT), 0);
	__free_page(m.page);
	__free_page(mine);
}

/* ... and with nothing mapped here: kmap_local_idx_pop()'s BUG_ON(). */
static void test_kunmap_local_foreign_bugs(void)
{
	struct mapper m = { .mapped = TEST_EVENT_INIT,
			    .may_go = TEST_EVENT_INIT };
	char want[256];
	pthread_t th;

	m.page = high_page();
	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, map_and_exit, &m), 0);
	test_event_wait(&m.mapped);
	kshim_expect_report(KSHIM_REPORT_WARNING,
			    at(want, sizeof(want), " at ", "foreign_bug", " "),
			    1);
	kshim_expect_report(KSHIM_REPORT_BUG,
			    at(want, sizeof(want), "kernel BUG at ",
			       "foreign_bug", "!\n"), 1);
	kunmap_local(m.addr); /* LINE:foreign_bug */
	CU_FAIL("kunmap_local() of another task's address returned");
}

/* ---- item 8: handlers that leave something behind ---- */

struct leaky {
	struct page *page;
	spinlock_t lock;
	void *addr;
	int mode;		/* 0 balanced, 1 kmap_atomic, 2 spin_lock */
	int count;
};

static irqreturn_t leaky_handler(int irq, void *dev)
{
	struct leaky *l = dev;

	l->count++;
	if (l->mode == 1) {
		l->addr = kmap_atomic(l->page); /* LINE:irq_kmap */
	} else if (l->mode == 2) {
		spin_lock(&l->lock); /* LINE:irq_lock */
	} else {
		char *p = kmap_atomic(l->page);

		spin_lock(&l->lock);
		p[0] = 1;
		spin_unlock(&l->lock);
		kunmap_atomic(p);
	}
	return IRQ_HANDLED;
}

static void test_irq_handler_leaks_kmap_atomic(void)
{
	struct leaky l = { .mode = 1 };
	char want[512], sym[256];

	spin_lock_init(&l.lock);
	l.page = high_page();
	CU_ASSERT_EQUAL_FATAL(request_irq(5, leaky_handler, 0, "leaky", &l),
			      0);
	snprintf(want, sizeof(want),
		 "kshim: irq 5 handler leaky_handler+0x0/0x");
	kshim_expect_report(KSHIM_REPORT_CONTEXT, want, 1);
	snprintf(want, sizeof(want),
		 "kshim: ledger: CPUs left atomic by a handler is 1 at test end, was 0 at test start\nkshim: CPU#%d: swapper/%d/0 is left with preempt_count 00000000 (hardirq 0, softirq 0, preempt 0), irqs_disabled(): 0, pagefault_disable() depth 1\nkshim: atomic kmap slot 0 of swapper/%d/0: page pfn:%#lx mapped at %s:%d (leaky_handler), never unmapped\n",
		 kshim_irq_affinity(5), kshim_irq_affinity(5),
		 kshim_irq_affinity(5), page_to_pfn(l.page), THIS_FILE,
		 marker_line("irq_kmap"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	CU_ASSERT_EQUAL(kshim_raise_irq(5), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(5), 0);
	CU_ASSERT_EQUAL(l.count, 1);
	snprintf(sym, sizeof(sym), " returned with preempt_count 00010001, entered with 00010000\nkshim: atomic kmap slot 0 of swapper/%d/0: page pfn:%#lx mapped at ",
		 kshim_irq_affinity(5), page_to_pfn(l.page));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(KSHIM_REPORT_CONTEXT), sym));
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(KSHIM_REPORT_CONTEXT),
				      "kshim: pagefault_disable() depth 1, entered with 0\n"));
	assert_report_at(KSHIM_REPORT_CONTEXT, "irq_kmap");
	free_irq(5, &l);
	__free_page(l.page);
}

static void test_irq_handler_leaks_spinlock(void)
{
	struct leaky l = { .mode = 2 };
	char want[256];

	spin_lock_init(&l.lock);
	l.page = high_page();
	CU_ASSERT_EQUAL_FATAL(request_irq(6, leaky_handler, 0, "leaky", &l),
			      0);
	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    "returned with preempt_count 00010001, entered with 00010000\nkshim: 1 lock taken there and still held by swapper/", 1);
	kshim_expect_report(KSHIM_REPORT_LEDGER,
			    "kshim: ledger: spinlocks and rwlocks held is 1 at test end, was 0 at test start\n", 1);
	CU_ASSERT_EQUAL(kshim_raise_irq(6), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(6), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(last_text(KSHIM_REPORT_CONTEXT),
		at(want, sizeof(want), ", at: leaky_handler ", "irq_lock",
		   "\n")));
	assert_report_at(KSHIM_REPORT_CONTEXT, "irq_lock");
	free_irq(6, &l);
	__free_page(l.page);
}

static void test_irq_handler_balanced_is_silent(void)
{
	struct leaky l = { .mode = 0 };

	spin_lock_init(&l.lock);
	l.page = high_page();
	CU_ASSERT_EQUAL_FATAL(request_irq(7, leaky_handler, 0, "fine", &l),
			      0);
	CU_ASSERT_EQUAL(kshim_raise_irq(7), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(7), 0);
	CU_ASSERT_EQUAL(kshim_raise_irq_on(7, 0), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(7), 0);
	CU_ASSERT_EQUAL(l.count, 2);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
	free_irq(7, &l);
	__free_page(l.page);
}

static int tasklet_runs;

static void leaky_tasklet_fn(struct tasklet_struct *t)
{
	tasklet_runs++;
	preempt_disable();
}

static void balanced_tasklet_fn(struct tasklet_struct *t)
{
	tasklet_runs++;
	preempt_disable();
	preempt_enable();
}

static void test_tasklet_leaks_preempt_count(void)
{
	struct tasklet_struct t;
	const char *text;

	tasklet_setup(&t, leaky_tasklet_fn);
	kshim_expect_report(KSHIM_REPORT_CONTEXT,
			    " with preempt_count 00000100, exited with 00000101?\nkshim: tasklet leaky_tasklet_fn+0x0/0x", 1);
	tasklet_runs = 0;
	tasklet_schedule(&t);
	tasklet_kill(&t);
	CU_ASSERT_EQUAL(tasklet_runs, 1);
	text = last_text(KSHIM_REPORT_CONTEXT);
	CU_ASSERT_EQUAL(strncmp(text, "huh, entered softirq 6 TASKLET ", 31),
			0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		" returned with preempt_count 00000101, entered with 00000100\n"));
	/* put back, as handle_softirqs() does */
	CU_ASSERT_EQUAL(preempt_count(), 0);
}

static void test_tasklet_balanced_is_silent(void)
{
	struct tasklet_struct t;

	tasklet_setup(&t, balanced_tasklet_fn);
	tasklet_runs = 0;
	tasklet_schedule(&t);
	tasklet_kill(&t);
	CU_ASSERT_EQUAL(tasklet_runs, 1);
	CU_ASSERT_EQUAL(kshim_report_count(NULL), 0);
}

/* item 11: "Preemption disabled at:" inside a handler names it. */
static irqreturn_t sleepy_handler(int irq, void *dev)
{
	might_sleep(); /* LINE:sleepy */
	return IRQ_HANDLED;
}

static void test_might_sleep_in_handler_names_handler(void)
{
	char want[256];
	int dev;

	CU_ASSERT_EQUAL_FATAL(request_irq(8, sleepy_handler, 0, "sleepy",
					  &dev), 0);
	snprintf(want, sizeof(want),
		 "Preemption disabled at:\n[<%016lx>] sleepy_handler+0x0/0x",
		 (unsigned long)sleepy_handler);
	kshim_expect_report(KSHIM_REPORT_MIGHT_SLEEP, want, 1);
	CU_ASSERT_EQUAL(kshim_raise_irq(8), 0);
	CU_ASSERT_EQUAL(kshim_irq_sync(8), 0);
	assert_report_at(KSHIM_REPORT_MIGHT_SLEEP, "sleepy");
	CU_ASSERT_PTR_NULL(strstr(last_text(KSHIM_REPORT_MIGHT_SLEEP),
				  "] cpu_interrupt "));
	CU_ASSERT_PTR_NULL(strstr(last_text(KSHIM_REPORT_MIGHT_SLEEP),
				  "[<0000000000000000>]"));
	free_irq(8, &dev);
}

/* ---- items 9, 11: the ledger ---- */

static DEFINE_SPINLOCK(ledger_lock);

/* A kmap_atomic() leaked under spin_lock_irqsave(): every entry shows. */
static void test_ledger_reports_every_entry(void)
{
	struct page *page = high_page();
	unsigned long flags;
	char want[512];

	snprintf(want, sizeof(want),
		 "kshim: ledger: kmap_local/kmap_atomic windows mapped is 1 at test end, was 0 at test start\nkshim: atomic kmap slot 0 of %s/%d: page pfn:%#lx mapped at %s:%d (test_ledger_reports_every_entry), never unmapped\n",
		 comm, current->pid, page_to_pfn(page), THIS_FILE,
		 marker_line("ledger_kmap"));
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	spin_lock_irqsave(&ledger_lock, flags);
	kmap_atomic(page); /* LINE:ledger_kmap */
	(void)flags;
	__free_page(page);
}

struct locker {
	int pid;
};

static DEFINE_SPINLOCK(exit_lock);

static void *lock_and_exit(void *arg)
{
	struct locker *k = arg;

	k->pid = current->pid;
	spin_lock(&exit_lock); /* LINE:exit_lock */
	return NULL;
}

static void test_ledger_names_exited_holder(void)
{
	struct locker k;
	pthread_t th;
	char want[512];

	CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, lock_and_exit, &k),
			      0);
	pthread_join(th, NULL);
	snprintf(want, sizeof(want),
		 "1 lock held by %s/%d (exited):\n #0: spinlock ", comm, k.pid);
	kshim_expect_report(KSHIM_REPORT_LEDGER, want, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(kshim_dmesg(), "exited with preempt_count 1\n"));
}

/* Run in a child by ledger_site: leaks fail these on purpose. */
static void child_leak_page(void)
{
	alloc_page(GFP_KERNEL); /* LINE:child_page */
}

static void child_leak_lock(void)
{
	spin_lock(&exit_lock); /* LINE:child_lock */
}

static struct spawn_result child;

static int ledger_site_init(void)
{
	char path[4096];
	char *argv[] = { path, (char *)"child", NULL };
	static const char *const env[] = {
		"KSHIM_OUTPUT=tap", "CTXCHECK_CHILD=1", NULL
	};

	snprintf(path, sizeof(path), "%s",
		 build_path("tests/ctxcheck/test_ctxcheck"));
	return spawn_run(argv, env, &child) ? -1 : 0;
}

static int ledger_site_clean(void)
{
	spawn_free(&child);
	return 0;
}

/* The ledger report's line is the first line its explanations name. */
static void test_ledger_report_names_a_line(void)
{
	char want[512];

	snprintf(want, sizeof(want),
		 "not ok 1 - child: leak_page\n# %s:%d: unexpected ledger report: kshim: ledger: pages allocated is 1 at test end, was 0 at test start\n",
		 THIS_FILE, marker_line("child_page"));
	if (!strstr(child.out, want))
		fprintf(stderr, "want:\n%s\nin:\n%s\n", want, child.out);
	CU_ASSERT_PTR_NOT_NULL(strstr(child.out, want));
	snprintf(want, sizeof(want),
		 "not ok 2 - child: leak_lock\n# %s:%d: unexpected ledger report: kshim: ledger: preempt_count is 1 at test end, was 0 at test start\n",
		 THIS_FILE, marker_line("child_lock"));
	if (!strstr(child.out, want))
		fprintf(stderr, "want:\n%s\nin:\n%s\n", want, child.out);
	CU_ASSERT_PTR_NOT_NULL(strstr(child.out, want));
	CU_ASSERT_PTR_NULL(strstr(child.out, "child:leak_page:0"));
}

static CU_TestInfo boot_tests[] = {
	{ "page_held", test_boot_with_page_held },
	{ "kmap_held", test_boot_with_kmap_held },
	{ "under_spinlock", test_boot_under_spinlock },
	{ "irq_requested", test_boot_with_irq_requested },
	{ "from_hardirq", test_boot_from_hardirq },
	{ "clean_is_fine", test_boot_clean_is_fine },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo thread_tests[] = {
	{ "exits_with_kmap_local", test_thread_exits_with_kmap_local },
	{ "unmaps_is_silent", test_thread_unmaps_is_silent },
	{ "kunmap_local_foreign_warns", test_kunmap_local_foreign_warns },
	{ "kunmap_local_foreign_bugs", test_kunmap_local_foreign_bugs },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo handler_tests[] = {
	{ "irq_leaks_kmap_atomic", test_irq_handler_leaks_kmap_atomic },
	{ "irq_leaks_spinlock", test_irq_handler_leaks_spinlock },
	{ "irq_balanced_is_silent", test_irq_handler_balanced_is_silent },
	{ "tasklet_leaks_preempt_count", test_tasklet_leaks_preempt_count },
	{ "tasklet_balanced_is_silent", test_tasklet_balanced_is_silent },
	{ "might_sleep_names_handler",
	  test_might_sleep_in_handler_names_handler },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_tests[] = {
	{ "every_entry", test_ledger_reports_every_entry },
	{ "exited_holder", test_ledger_names_exited_holder },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo ledger_site_tests[] = {
	{ "names_a_line", test_ledger_report_names_a_line },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo child_tests[] = {
	{ "leak_page", child_leak_page },
	{ "leak_lock", child_leak_lock },
	CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
	{ "boot", NULL, NULL, NULL, NULL, boot_tests },
	{ "thread", NULL, NULL, NULL, NULL, thread_tests },
	{ "handler", NULL, NULL, NULL, NULL, handler_tests },
	{ "ledger", NULL, NULL, NULL, NULL, ledger_tests },
	{ "ledger_site", ledger_site_init, ledger_site_clean, NULL, NULL,
	  ledger_site_tests },
	CU_SUITE_INFO_NULL,
};

static CU_SuiteInfo child_suites[] = {
	{ "child", NULL, NULL, NULL, NULL, child_tests },
	CU_SUITE_INFO_NULL,
};

int main(int argc, char **argv)
{
	return kshim_run_suites(getenv("CTXCHECK_CHILD") ? child_suites :
					suites, argc, argv);
}
