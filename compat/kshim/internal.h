/*
 * compat/kshim/internal.h - declarations shared inside libkshim only.
 *
 * Not installed: drivers see linux/ and asm/, tests see kshim/.  Groups:
 * report capture (printk <-> report engine), per-test lifecycle hooks,
 * settings, and the host ("arch") services the rest is built on.
 */
#ifndef _KSHIM_INTERNAL_H
#define _KSHIM_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <kshim/report.h>

/* ---- report engine (compat/kshim/report.c) ---- */

/*
 * Everything printk'd by this thread between begin and end becomes the
 * text of one report event of class @cls, attributed to @file:@line.
 * Nested reports (a check firing while a report prints) are folded into
 * the outer one.
 */
void kshim_report_begin(const char *cls, const char *file, int line,
			const char *func);
void kshim_report_end(void);
/*
 * The open report (outermost) of this thread is attributed to @file:@line
 * (@func) after all: a site learnt while printing it (string kept as is).
 */
void kshim_report_set_site(const char *file, int line, const char *func);
/* This thread ends: its capture buffer goes (none may be open). */
void kshim_report_thread_exit(void);
/* What the open report of this thread has printed so far ("" if none). */
const char *kshim_report_text(void);
/* Close every open report of this thread (the task is dying). */
void kshim_report_end_all(void);
/* printk hands each finished line here (it is part of the open report). */
void kshim_report_capture(const char *line, size_t len);
/* Reports seen outside any test (suite setup, main): counted, not lost. */
unsigned int kshim_reports_outside_tests(void);

/* ---- per-test lifecycle (compat/kshim/test.c) ---- */

enum kshim_test_end {
	KSHIM_TEST_COMPLETED,	/* the body returned */
	KSHIM_TEST_KILLED,	/* BUG/panic/oops ended it */
};

bool kshim_in_test(void);
void kshim_test_begin(const char *name);
/* Evaluate expectations and ledger; report failures to the harness. */
void kshim_test_end(enum kshim_test_end how);
/* Run one wrapped CUnit test (compat/kshim/run.c), in its process. */
void kshim_test_body(void *arg);
void kshim_test_trampoline(void);
/* True while kshim_run_tests() runs the registry. */
bool kshim_harness_running(void);

/* A BUG/panic/oops: end the running test (or the program) now. */
__attribute__((__noreturn__)) void kshim_task_die(void);

/* One failure of the running test, at @file:@line. */
void kshim_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((__format__(__printf__, 3, 4)));
/* The same, for a failure the test's own log already shows (KUnit's). */
void kshim_test_fail_logged(const char *file, int line, const char *msg);
/*
 * Something the running test tells the harness (compat/kshim/run.c):
 * "ktap" a line of its KTAP output, "skip" the reason it skipped,
 * "stats" its subtests' "pass fail skip total".  From the test's process
 * or, outside isolation, directly.
 */
void kshim_test_note(const char *tag, const char *text);
void kshim_harness_note(const char *tag, const char *text);
/* The failure just recorded is one the test's log already shows. */
void kshim_harness_failure_logged(void);
/*
 * A report the sweep's injected failure prints itself (the kernel's "page
 * allocation failure"...): claimed, not a failure-path bug.
 */
bool kshim_sweep_claim(const struct kshim_report *r);
/* A "sweep" note: a call the failure-path sweep counted or failed. */
void kshim_sweep_note(const char *text);

/* expectations (compat/kshim/expect.c) */
void kshim_expect_reset(void);
/* Returns true when an expectation claims the report. */
bool kshim_expect_claim(const struct kshim_report *r);
void kshim_expect_check(void);

/* reports recorded in this test (compat/kshim/report.c) */
void kshim_reports_reset(void);
void kshim_reports_check_unexpected(void);

/* ledger (compat/kshim/ledger.c) */
void kshim_ledger_snapshot(void);
void kshim_ledger_check(void);
void kshim_ledger_drop_test_entries(void);
/* Print what the running test holds that a reboot would destroy. */
unsigned int kshim_ledger_explain_held(bool print);

/* log buffer (compat/kernel/printk.c) */
void kshim_dmesg_reset(void);

/* ---- settings and boot (compat/init/main.c) ---- */

struct kshim_config;

struct kshim_setting {
	const char *name;	/* KSHIM_... */
	const char *dflt;	/* default value, as text */
	const char *help;	/* what values mean, for error messages */
	/* Parse @val into the pending configuration; 0 or -EINVAL. */
	int (*parse)(const char *val, struct kshim_config *c);
	/* The current value as text, in @buf if it needs one. */
	const char *(*show)(const struct kshim_config *c, char *buf,
			    size_t len);
};

/* Boot the machine if it has not booted yet (the check inline: hot). */
extern int kshim_booted;
void __kshim_ensure_booted(void);
static inline void kshim_ensure_booted(void)
{
	if (__builtin_expect(!__atomic_load_n(&kshim_booted, __ATOMIC_ACQUIRE),
			     0))
		__kshim_ensure_booted();
}
/* Print "kshim: invalid NAME='val': help" (and why) to stderr. */
void kshim_setting_error(const struct kshim_setting *s, const char *val,
			 const char *why);

/*
 * The fallible APIs set only through KSHIM_FAIL: their setting slots
 * (compat/lib/fault-registry.c lists every API).
 */
enum kshim_fail_slot {
	KSHIM_FAIL_SLOT_KMEM_CACHE_CREATE,
	KSHIM_FAIL_SLOT_VMALLOC,
	KSHIM_FAIL_SLOT_REQUEST_IRQ,
	KSHIM_FAIL_SLOT_DEVICE_ADD,
	KSHIM_FAIL_SLOT_INIT_SRCU,
	KSHIM_FAIL_SLOT_SIGNAL,
	NR_KSHIM_FAIL_SLOTS
};

/* Current values, valid after boot. */
struct kshim_config {
	int console_loglevel;	/* KSHIM_LOGLEVEL */
	bool backtrace;		/* KSHIM_BACKTRACE */
	bool fork;		/* KSHIM_FORK */
	unsigned int timeout;	/* KSHIM_TEST_TIMEOUT, seconds, 0 none */
	const char *output;	/* KSHIM_OUTPUT: basic, tap, xml */
	const char *xml_root;	/* KSHIM_XML_ROOT */
	unsigned long long ram;	/* KSHIM_RAM, bytes */
	unsigned long long highmem; /* KSHIM_HIGHMEM, bytes */
	unsigned int nodes;	/* KSHIM_NODES */
	unsigned int cpus;	/* KSHIM_CPUS */
	bool debug_pagealloc;	/* KSHIM_DEBUG_PAGEALLOC */
	bool page_poison;	/* KSHIM_PAGE_POISON */
	const char *fail_page_alloc; /* KSHIM_FAIL_PAGE_ALLOC, "" for none */
	unsigned int spin_lockup_ms; /* KSHIM_SPINLOCK_LOCKUP, milliseconds */
	unsigned int last_pkmap; /* KSHIM_LAST_PKMAP: kmap() windows */
	bool kmap_force_map;	/* KSHIM_KMAP_FORCE_MAP */
	unsigned long long random_seed; /* KSHIM_RANDOM_SEED */
	bool init_on_alloc;	/* KSHIM_INIT_ON_ALLOC: init_on_alloc= */
	bool init_on_free;	/* KSHIM_INIT_ON_FREE: init_on_free= */
	const char *failslab;	/* KSHIM_FAILSLAB, "" for none */
	const char *slub_debug;	/* KSHIM_SLUB_DEBUG: slub_debug= letters */
	const char *fail;	/* KSHIM_FAIL, as given */
	bool clock_real;	/* KSHIM_CLOCK=real: host time, not virtual */
	bool debug_objects;	/* KSHIM_DEBUG_OBJECTS: ODEBUG checks on */
	/* Its rules for the APIs without a setting of their own. */
	const char *fail_specs[NR_KSHIM_FAIL_SLOTS];
};
extern struct kshim_config kshim_config;

/* compat/kernel/time/timer.c: KSHIM_CLOCK, each test's timers, TIMER_SOFTIRQ */
int kshim_parse_clock(const char *val, struct kshim_config *c);
const char *kshim_show_clock(const struct kshim_config *c, char *buf,
			     size_t len);
void kshim_timers_test_begin(void);
/* Module @mod unloads: ODEBUG "free active" for the timers it left armed. */
void kshim_timers_module_unload(const char *mod);
/*
 * ODEBUG's hint for a timer whose callback is @function (e.g.
 * delayed_work_timer_fn): the function pointer @offset bytes from the
 * timer (the work's func), as the kernel's timer_hints[].
 */
struct timer_list;
void kshim_timer_debug_hint(void (*function)(struct timer_list *),
			    long offset);
/* compat/kernel/kthread.c: the ledger of kthreads, each test's */
void kshim_kthread_init(void);
void kshim_kthread_test_begin(void);
void kshim_kthread_test_end(void);

/* compat/lib/debugobjects.c: KSHIM_DEBUG_OBJECTS, each test's objects */
int kshim_parse_debug_objects(const char *val, struct kshim_config *c);
const char *kshim_show_debug_objects(const struct kshim_config *c,
				     char *buf, size_t len);
void kshim_debug_objects_test_begin(void);
/* In a type's fixup: the line whose check it repairs (NULL outside). */
struct kshim_site;
const struct kshim_site *kshim_debug_objects_fixup_site(void);
void kshim_run_timer_softirq(void);
/* compat/kernel/time/hrtimer.c: boot and each test's hrtimers */
void kshim_hrtimers_init(void);
void kshim_hrtimers_test_begin(void);
/* schedule_timeout()'s sleep on kshim's clock: jiffies left */
long kshim_time_sleep(long timeout);

/* Memory settings (compat/mm/mm_init.c). */
int kshim_parse_ram(const char *val, struct kshim_config *c);
int kshim_parse_highmem(const char *val, struct kshim_config *c);
int kshim_parse_nodes(const char *val, struct kshim_config *c);
int kshim_mm_check_config(const struct kshim_config *c);
/* compat/lib/fault-registry.c: KSHIM_FAIL, and each test's rules */
int kshim_parse_fail(const char *val, struct kshim_config *c);
void kshim_fail_test_begin(void);
/* compat/mm/fail_page_alloc.c: validate a KSHIM_FAIL_PAGE_ALLOC spec */
int kshim_parse_fail_page_alloc(const char *val, struct kshim_config *c);
const char *kshim_show_size(unsigned long long bytes, char *buf, size_t len);
/* compat/mm/highmem.c: kmap settings, and the subsystem's hooks */
int kshim_parse_last_pkmap(const char *val, struct kshim_config *c);
const char *kshim_show_last_pkmap(const struct kshim_config *c, char *buf,
				  size_t len);
int kshim_parse_kmap_force_map(const char *val, struct kshim_config *c);
const char *kshim_show_kmap_force_map(const struct kshim_config *c,
				      char *buf, size_t len);
void kshim_highmem_init(void);
void kshim_highmem_exit(void);
void kshim_highmem_test_begin(void);

/* compat/mm/slub.c: KSHIM_SLUB_DEBUG; compat/mm/slab_common.c hooks */
int kshim_parse_slub_debug(const char *val, struct kshim_config *c);
const char *kshim_show_slub_debug(const struct kshim_config *c, char *buf,
				  size_t len);
void kshim_slab_init(void);
void kshim_slab_exit(void);
void kshim_slab_test_begin(void);
void kshim_slab_test_end(void);

/* compat/drivers/char/random.c: KSHIM_RANDOM_SEED, per-test reseeding */
int kshim_parse_random_seed(const char *val, struct kshim_config *c);
const char *kshim_show_random_seed(const struct kshim_config *c, char *buf,
				   size_t len);
void kshim_random_init(void);
/* compat/drivers/base/core.c: the "registered devices" ledger entry */
void kshim_devices_init(void);
void kshim_driver_core_init(void);
void kshim_driver_core_exit(void);
/* compat/mm/ioremap.c, compat/kernel/resource.c */
void kshim_mmio_init(void);
void kshim_mmio_test_begin(void);
void kshim_resource_init(void);
/* compat/drivers/pci/pci-driver.c: pci_bus_type registered at boot. */
void kshim_pci_init(void);
/*
 * Char device numbers, device classes and nodes, misc (boot: static, no
 * allocation); the exits forget everything at a reboot (kshim_boot()).
 */
void kshim_chrdev_init(void);
void kshim_chrdev_exit(void);
void kshim_class_init(void);
void kshim_class_exit(void);
void kshim_misc_init(void);
void kshim_misc_exit(void);
/* compat/fs/proc/devices.c: /proc/devices (boot: static) */
void kshim_proc_devices_init(void);
/* compat/fs/proc/generic.c, compat/fs/debugfs/inode.c: the ledger, and
 * the entries a test left forgotten before the next. */
void kshim_proc_init(void);
void kshim_proc_test_begin(void);
void kshim_proc_test_end(void);
void kshim_debugfs_init(void);
void kshim_debugfs_test_begin(void);
void kshim_debugfs_test_end(void);
void kshim_random_test_begin(void);
/* compat/kernel/signal.c, compat/kernel/capability.c: per-test state */
void kshim_signal_test_begin(void);
/*
 * A wait in @state (TASK_INTERRUPTIBLE, TASK_KILLABLE...) is about to
 * sleep at @site: func=signal's rule or the sweep may send current a
 * SIGKILL now, which the wait then sees (compat/kernel/signal.c).
 */
struct kshim_site;
void kshim_signal_fault(unsigned int state, const struct kshim_site *site);
void kshim_capability_test_begin(void);
/* compat/kernel/locking/rwsem.c: "rwsems held", per-test WARN_ONCE()s */
void kshim_rwsem_init(void);
void kshim_rwsem_test_begin(void);
/* compat/mm/gup.c: "pages pinned (FOLL_PIN)", per-test WARN_ONCE()s */
void kshim_gup_init(void);
/* compat/kernel/dma/: bounce pool, once-per-test WARNs, ownership */
void kshim_dma_exit(void);
void kshim_dma_test_begin(void);
void kshim_dma_test_end(void);
/* compat/mm/dmapool.c: the "dma pools" ledger row */
void kshim_dmapool_init(void);
void kshim_dmapool_exit(void);
void kshim_gup_exit(void);
void kshim_gup_test_begin(void);
/* compat/lib/scatterlist.c: per-test WARN_ON_ONCE() */
void kshim_scatterlist_test_begin(void);
/* compat/kernel/dma/debug.c: "DMA mappings (DMA-API debug)", each test's records */
void kshim_dma_debug_init(void);
void kshim_dma_debug_test_begin(void);

/* Each subsystem's view of a test starting (compat/init/main.c). */
void kshim_subsys_test_begin(void);
/* ... and of its body having returned (before the ledger check). */
void kshim_subsys_test_end(void);

/* Parsers shared by settings tables (compat/init/main.c). */
int kshim_parse_bool(const char *val, bool *res);
int kshim_parse_uint(const char *val, unsigned int max, unsigned int *res);

/* ---- kernel-side helpers (compat/kernel/) ---- */

/* The kernel the machine runs (compat/init/version.c, kshim/boot.h). */
void kshim_set_linux_version(unsigned int version);
unsigned int kshim_linux_version(void);
/* Runs a 2.6.28 - 2.6.36 kernel: the kernel's own texts are 2.6.35's. */
bool kshim_kernel_2_6(void);
/* The machine's HZ (kshim/boot.h) and its conversions (time/timer.c). */
unsigned int kshim_hz(void);
unsigned long kshim_msecs_to_jiffies(unsigned int m);
unsigned int kshim_jiffies_to_msecs(unsigned long j);
/*
 * A report of class @cls that a rate limit (@why, e.g. the kernel's
 * nopage_rs) kept from printing: the running test's expectation failures
 * say so (compat/kshim/expect.c).
 */
void kshim_report_suppressed(const char *cls, const char *why);

/* The "CPU: 0 PID: 42 Comm: test Tainted: ..." line and what follows. */
void kshim_print_cpu_line(void);
/* "Not tainted 6.8.0-kshim #1" (compat/kernel/panic.c). */
void kshim_taint_release(char *buf, size_t len);
void kshim_print_kernel_ident(void);
/* compat/kshim/user.c: processes still alive exit at the end of a test. */
void kshim_user_test_end(void);
/*
 * khungtaskd's report, when kshim's clock finds every task asleep with
 * nothing that can wake one (compat/kernel/sched/core.c).
 */
void kshim_report_hung_tasks(void);
void kshim_print_modules(void);
void kshim_print_trace(void);
void kshim_print_end_trace(void);
void kshim_taint_reset(void);
const char *kshim_current_comm(void);
int kshim_current_pid(void);
int kshim_current_cpu(void);
void kshim_module_init_subsys(void);
/* compat/kernel/sched/core.c: tasks, contexts, locks */
void kshim_sched_init(void);
void kshim_sched_test_begin(void);
/* compat/kernel/workqueue.c: system workqueues, kworkers, the ledger */
void kshim_workqueue_init(void);
void kshim_workqueue_test_begin(void);
void kshim_workqueue_test_end(void);

/* ---- host services (compat/arch/) ---- */

/* Host backtrace of the calling thread, printk'd at KERN_WARNING. */
void arch_dump_host_stack(void);
/* Load what backtraces need before tests fork (compat/arch/dumpstack.c). */
void arch_dump_stack_prepare(void);
/* The driver's (or test's) file:line where a fault at @ip happened. */
struct kshim_site;
bool arch_fault_site(unsigned long ip, struct kshim_site *site);
/* Same for an access a sanitizer reports at @pc (its own report's pc). */
bool arch_checker_site(unsigned long pc, struct kshim_site *site);
/* A fault at a foreign address, at @ip (or below call site @ip): kernel's? */
bool arch_fault_in_kernel_code(unsigned long ip, bool ip_is_return);
/* "symbol+0xoff/0xsize" of the call before return address @ip (%pS). */
void arch_sprint_symbol(char *buf, size_t len, unsigned long ip);
/*
 * The symbol containing @addr (no return-address adjustment): its name in
 * @name, @addr's offset into it and its size; false if none is known.
 */
bool arch_lookup_symbol(unsigned long addr, char *name, size_t len,
			unsigned long *off, unsigned long *size);

/*
 * The kernel's vsnprintf() and friends (compat/lib/vsprintf.c): kernel
 * code reaches them under the standard names (linux/sprintf.h), kshim's
 * own code under these.
 */
int kshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__attribute__((__format__(__printf__, 3, 0)));
int kshim_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((__format__(__printf__, 3, 4)));
int kshim_vsprintf(char *buf, const char *fmt, va_list args)
	__attribute__((__format__(__printf__, 2, 0)));
int kshim_sprintf(char *buf, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
int kshim_vsscanf(const char *buf, const char *fmt, va_list args)
	__attribute__((__format__(__scanf__, 2, 0)));
int kshim_sscanf(const char *buf, const char *fmt, ...)
	__attribute__((__format__(__scanf__, 2, 3)));

/*
 * Test isolation: run @fn in a child process that reports failures back;
 * returns after the child is gone.  Failures are delivered to @deliver in
 * the parent, in order.
 */
enum kshim_failure_kind {
	KSHIM_FAILURE_REPORT,	/* kshim's: a report, the ledger, a crash */
	KSHIM_FAILURE_OWN,	/* the test's own: an assertion, an expectation */
	KSHIM_FAILURE_OWN_LOGGED, /* the same, already in its log (KUnit's) */
};
typedef void (*kshim_fail_sink)(const char *file, int line, const char *msg,
				enum kshim_failure_kind kind);
void arch_run_isolated(void (*fn)(void *), void *arg, kshim_fail_sink sink);
/* In an isolated child: send one failure to the parent. */
bool arch_isolated_child(void);
void arch_isolated_send(const char *file, int line, const char *msg);
void arch_isolated_send_logged(const char *file, int line, const char *msg);
void arch_isolated_send_own(const char *file, int line, const char *msg);
void arch_isolated_send_note(const char *tag, const char *text);
__attribute__((__noreturn__)) void arch_isolated_exit(void);

#endif /* _KSHIM_INTERNAL_H */
